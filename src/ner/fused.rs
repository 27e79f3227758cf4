//! The inference forward pass of the network, computed with fused kernels.
//!
//! rust-bert's BERT builds GELU from five element-wise operations (`x * 0.5 * (1 + erf(x /
//! sqrt 2))`), each of which writes a new `[B, T, 1536]` tensor. At inference those passes
//! over memory, and the page faults for their buffers, were a large share of the run (see
//! the README's profile).
//! This module runs the same function over the same weight tensors (shallow copies of the
//! variables of rust-bert's modules, so loading, precision changes and training are seen
//! here too) with libtorch's fused GELU and in-place residual additions. Training keeps
//! rust-bert's forward, which has dropout; a test checks that both give the same logits.

use std::collections::HashMap;

use anyhow::{anyhow, Result};
use tch::Tensor;

/// Epsilon of every BERT layer norm (as in rust-bert).
const LAYER_NORM_EPS: f64 = 1e-12;

/// Removes the variable `name` from `vars`, or says that the model lacks it.
pub fn take_var(vars: &mut HashMap<String, Tensor>, name: &str) -> Result<Tensor> {
    vars.remove(name)
        .ok_or_else(|| anyhow!("the model has no variable {name}"))
}

/// Weight and bias of a linear map or a layer norm.
struct Affine {
    weight: Tensor,
    bias: Tensor,
}

impl Affine {
    fn take(vars: &mut HashMap<String, Tensor>, prefix: &str) -> Result<Affine> {
        Ok(Affine {
            weight: take_var(vars, &format!("{prefix}.weight"))?,
            bias: take_var(vars, &format!("{prefix}.bias"))?,
        })
    }

    fn linear(&self, x: &Tensor) -> Tensor {
        x.linear(&self.weight, Some(&self.bias))
    }

    fn norm(&self, x: &Tensor) -> Tensor {
        let width = self.weight.size()[0];
        x.layer_norm(
            [width],
            Some(&self.weight),
            Some(&self.bias),
            LAYER_NORM_EPS,
            false,
        )
    }
}

/// One transformer layer.
struct Layer {
    query: Affine,
    key: Affine,
    value: Affine,
    attention_out: Affine,
    attention_norm: Affine,
    intermediate: Affine,
    out: Affine,
    out_norm: Affine,
}

/// BERT encoder and token classifier, for inference only.
pub struct FusedBert {
    positions: Tensor,
    token_type: Tensor,
    embedding_norm: Affine,
    layers: Vec<Layer>,
    classifier: Affine,
    heads: i64,
}

impl FusedBert {
    /// Takes the weights of rust-bert's `BertForTokenClassification` (variable names as in
    /// its variable store) out of `vars`.
    pub fn take(vars: &mut HashMap<String, Tensor>, layers: i64, heads: i64) -> Result<FusedBert> {
        let positions = take_var(vars, "bert.embeddings.position_embeddings.weight")?;
        let token_type = take_var(vars, "bert.embeddings.token_type_embeddings.weight")?;
        let layers = (0..layers)
            .map(|i| {
                let p = format!("bert.encoder.layer.{i}");
                Ok(Layer {
                    query: Affine::take(vars, &format!("{p}.attention.self.query"))?,
                    key: Affine::take(vars, &format!("{p}.attention.self.key"))?,
                    value: Affine::take(vars, &format!("{p}.attention.self.value"))?,
                    attention_out: Affine::take(vars, &format!("{p}.attention.output.dense"))?,
                    attention_norm: Affine::take(vars, &format!("{p}.attention.output.LayerNorm"))?,
                    intermediate: Affine::take(vars, &format!("{p}.intermediate.dense"))?,
                    out: Affine::take(vars, &format!("{p}.output.dense"))?,
                    out_norm: Affine::take(vars, &format!("{p}.output.LayerNorm"))?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(FusedBert {
            positions,
            token_type,
            embedding_norm: Affine::take(vars, "bert.embeddings.LayerNorm")?,
            layers,
            classifier: Affine::take(vars, "classifier")?,
            heads,
        })
    }

    /// Tag logits `[B, T, tags]` from input embeddings `[B, T, H]` and the attention mask
    /// `[B, T]` (1 for real positions). Call under `no_grad`.
    pub fn forward(&self, embeds: &Tensor, mask: &Tensor) -> Tensor {
        let (t, kind) = (embeds.size()[1], embeds.kind());
        // Position 0..T and segment 0 everywhere, as rust-bert does without explicit ids.
        let mut x = embeds + self.positions.narrow(0, 0, t) + self.token_type.get(0);
        x = self.embedding_norm.norm(&x);
        // Padding gets -10,000 before the softmax, as in rust-bert; a batch without
        // padding (windows of one length) needs no mask.
        let padded = mask.min().int64_value(&[]) == 0;
        let mask = padded.then(|| {
            ((mask.to_kind(kind) - 1.0) * 10_000.0)
                .unsqueeze(1)
                .unsqueeze(1)
        });
        for layer in &self.layers {
            x = self.layer(layer, &x, mask.as_ref());
        }
        self.classifier.linear(&x)
    }

    fn layer(&self, layer: &Layer, x: &Tensor, mask: Option<&Tensor>) -> Tensor {
        let size = x.size();
        let (b, t, hidden) = (size[0], size[1], size[2]);
        let head = hidden / self.heads;
        let split = |y: Tensor| y.view([b, t, self.heads, head]).transpose(1, 2);
        let query = split(layer.query.linear(x)) / (head as f64).sqrt();
        let key = split(layer.key.linear(x));
        let value = split(layer.value.linear(x));
        let mut scores = query.matmul(&key.transpose(-1, -2));
        if let Some(mask) = mask {
            scores += mask;
        }
        let context = scores
            .softmax(-1, scores.kind())
            .matmul(&value)
            .transpose(1, 2)
            .contiguous()
            .view([b, t, hidden]);
        let mut attended = layer.attention_out.linear(&context);
        attended += x;
        let attended = layer.attention_norm.norm(&attended);
        let mut inner = layer.intermediate.linear(&attended);
        let _ = inner.gelu_("none");
        let mut out = layer.out.linear(&inner);
        out += &attended;
        layer.out_norm.norm(&out)
    }
}

#[cfg(test)]
mod tests {
    use tch::Kind;

    use crate::ner::encode::{batch, encode, plan_windows, Stream};
    use crate::ner::model::Network;
    use crate::ner::{default_model_dir, load_tokenizer};

    /// The fused pass computes what rust-bert's forward computes, padding included: the
    /// same logits in f32 (up to rounding) and the same best tag at every real position in
    /// bf16.
    #[test]
    fn fused_pass_matches_rust_bert() {
        let dir = default_model_dir();
        let mut net = Network::load(&dir).expect("the shipped model loads");
        let tokenizer = load_tokenizer(&dir.join("tokenizer.json")).expect("tokenizer");
        let texts = [
            "Attorney General Dana Whitcombe of Ohio said the Bureau of Fraud Control will help.",
            "Nobody else spoke.",
            "The Alder County District Attorney's Office filed charges on Tuesday in Riverton.",
        ];
        let encoded: Vec<_> = texts
            .iter()
            .map(|t| encode(&tokenizer, t).unwrap())
            .collect();
        let stream = Stream::new(&encoded, |_, _| None);
        // One window per sentence.
        let windows = plan_windows(&stream.lens, 128, |_| 1);
        assert_eq!(windows.len(), texts.len());
        // All windows (rows of different lengths, so padding), then one (no padding).
        for group in [&windows[..], &windows[..1]] {
            let group: Vec<_> = group.iter().map(|&w| (&stream, w)).collect();
            let b = batch(&group);
            let real = b.mask.to_kind(Kind::Bool).unsqueeze(-1);
            for (kind, tolerance) in [(Kind::Float, 1e-3), (Kind::BFloat16, f64::INFINITY)] {
                net.set_kind(kind);
                let (reference, fused) = tch::no_grad(|| (net.forward(&b, false), net.infer(&b)));
                assert_eq!(reference.size(), fused.size());
                let gap = (&reference - &fused)
                    .abs()
                    .masked_select(&real)
                    .max()
                    .double_value(&[]);
                assert!(gap <= tolerance, "{kind:?}: logits differ by {gap}");
                let same_tags = reference
                    .argmax(-1, false)
                    .eq_tensor(&fused.argmax(-1, false))
                    .logical_or(&b.mask.eq(0))
                    .all()
                    .int64_value(&[]);
                assert_eq!(same_tags, 1, "{kind:?}: the best tags differ");
            }
        }
    }
}
