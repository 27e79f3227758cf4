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
//!
//! In [`Precision::Int8`] the six linear maps of every encoder layer run through fbgemm's
//! dynamic int8 kernels: each weight is quantised once at load (per output row, see
//! [`Int8Linear`]) and packed for fbgemm; each call quantises its f32 input per tensor and
//! returns f32. Everything else (attention products, softmax, layer norms, the classifier)
//! stays f32. CoNLL test F1 with one scale per weight tensor was 89.81; with one per row
//! 90.23 (f32: 90.20).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};
use tch::{Kind, Scalar, Tensor};

use super::precision::{Precision, Timings};

/// Epsilon of every BERT layer norm (as in rust-bert).
const LAYER_NORM_EPS: f64 = 1e-12;

/// Untimed calls per backend before the probe measures (kernel compilation, caches).
const PROBE_WARMUP: usize = 2;
/// Timed calls per backend in the probe; their median counts.
const PROBE_REPS: usize = 5;

/// Removes the variable `name` from `vars`, or says that the model lacks it.
pub fn take_var(vars: &mut HashMap<String, Tensor>, name: &str) -> Result<Tensor> {
    vars.remove(name)
        .ok_or_else(|| anyhow!("the model has no variable {name}"))
}

/// The tensor kind activations (and float weights) have in `precision`.
pub fn activation_kind(precision: Precision) -> Kind {
    match precision {
        Precision::Bf16 => Kind::BFloat16,
        Precision::F32 | Precision::Int8 => Kind::Float,
    }
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

    /// A copy in `kind`.
    fn to_kind(&self, kind: Kind) -> Affine {
        Affine {
            weight: self.weight.to_kind(kind),
            bias: self.bias.to_kind(kind),
        }
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

/// A linear map's weight quantised to int8 and packed for fbgemm.
///
/// fbgemm's kernel takes one scale for the whole weight; to give every output row its
/// own (rows differ in range several-fold), each row is first divided by its largest
/// magnitude, the normalised matrix is quantised, and the output is multiplied back by the
/// row scales (the bias is divided by them before, so it comes out unchanged).
struct Int8Linear {
    /// `[out, in]` int8 values.
    weight: Tensor,
    /// fbgemm's packed copy of `weight`.
    packed: Tensor,
    /// Per output, the sum over inputs of `weight - zero_point` (int32), which fbgemm
    /// needs to undo the input's zero point.
    col_offsets: Tensor,
    scale: f64,
    zero_point: i64,
    /// f32, divided by `row_scales`.
    bias: Tensor,
    /// `[out]` f32: the largest magnitude of each weight row.
    row_scales: Tensor,
}

impl Int8Linear {
    fn quantize(affine: &Affine) -> Int8Linear {
        let weight = affine.weight.to_kind(Kind::Float);
        let rows = weight.abs().amax([1], true).clamp_min(1e-12);
        let q = (&weight / &rows).quantize_per_tensor_dynamic(Kind::QInt8, false);
        let rows = rows.squeeze_dim(1);
        let (scale, zero_point) = (q.q_scale(), q.q_zero_point());
        let weight = q.int_repr().contiguous();
        let col_offsets =
            (weight.to_kind(Kind::Int) - zero_point).sum_dim_intlist(1, false, Kind::Int);
        // libtorch 2.4 prints a deprecation notice on the first call of each fbgemm
        // function, meant for PyTorch programmers, not for whosaid's users (tch reaches no
        // other int8 linear kernel of libtorch): both are made here, once, with stderr
        // silenced. If stderr cannot be silenced (already silenced elsewhere), the notices
        // show; nothing else changes.
        let _quiet = gag::Gag::stderr().ok();
        let int8 = Int8Linear {
            packed: weight.fbgemm_pack_quantized_matrix(),
            weight,
            col_offsets,
            scale,
            zero_point,
            bias: affine.bias.to_kind(Kind::Float) / &rows,
            row_scales: rows,
        };
        let inputs = int8.weight.size()[1];
        let _ = int8.apply(&Tensor::zeros([1, inputs], (Kind::Float, tch::Device::Cpu)));
        int8
    }

    /// `x W^T + b` for f32 `x` of any leading shape.
    fn apply(&self, x: &Tensor) -> Tensor {
        let mut y = x.fbgemm_linear_int8_weight_fp32_activation(
            &self.weight,
            &self.packed,
            &self.col_offsets,
            Scalar::float(self.scale),
            Scalar::int(self.zero_point),
            &self.bias,
        );
        y *= &self.row_scales;
        y
    }
}

/// A linear map of an encoder layer: float weights, and their int8 form in int8.
struct Linear {
    affine: Affine,
    int8: Option<Int8Linear>,
}

impl Linear {
    fn take(vars: &mut HashMap<String, Tensor>, prefix: &str) -> Result<Linear> {
        Ok(Linear {
            affine: Affine::take(vars, prefix)?,
            int8: None,
        })
    }

    /// Makes or drops the int8 form for `precision` (the float weights are already in
    /// the precision's kind, or are shallow copies that will be).
    fn set_precision(&mut self, precision: Precision) {
        self.int8 = (precision == Precision::Int8).then(|| Int8Linear::quantize(&self.affine));
    }

    /// An independent copy in `precision`.
    fn converted(&self, precision: Precision) -> Linear {
        let mut copy = Linear {
            affine: self.affine.to_kind(activation_kind(precision)),
            int8: None,
        };
        copy.set_precision(precision);
        copy
    }

    fn apply(&self, x: &Tensor) -> Tensor {
        match &self.int8 {
            Some(q) => q.apply(x),
            None => self.affine.linear(x),
        }
    }
}

/// One transformer layer.
struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attention_out: Linear,
    attention_norm: Affine,
    intermediate: Linear,
    out: Linear,
    out_norm: Affine,
}

impl Layer {
    fn take(vars: &mut HashMap<String, Tensor>, p: &str) -> Result<Layer> {
        Ok(Layer {
            query: Linear::take(vars, &format!("{p}.attention.self.query"))?,
            key: Linear::take(vars, &format!("{p}.attention.self.key"))?,
            value: Linear::take(vars, &format!("{p}.attention.self.value"))?,
            attention_out: Linear::take(vars, &format!("{p}.attention.output.dense"))?,
            attention_norm: Affine::take(vars, &format!("{p}.attention.output.LayerNorm"))?,
            intermediate: Linear::take(vars, &format!("{p}.intermediate.dense"))?,
            out: Linear::take(vars, &format!("{p}.output.dense"))?,
            out_norm: Affine::take(vars, &format!("{p}.output.LayerNorm"))?,
        })
    }

    fn linears_mut(&mut self) -> [&mut Linear; 6] {
        [
            &mut self.query,
            &mut self.key,
            &mut self.value,
            &mut self.attention_out,
            &mut self.intermediate,
            &mut self.out,
        ]
    }

    /// An independent copy in `precision` (for the probe).
    fn converted(&self, precision: Precision) -> Layer {
        let kind = activation_kind(precision);
        Layer {
            query: self.query.converted(precision),
            key: self.key.converted(precision),
            value: self.value.converted(precision),
            attention_out: self.attention_out.converted(precision),
            attention_norm: self.attention_norm.to_kind(kind),
            intermediate: self.intermediate.converted(precision),
            out: self.out.converted(precision),
            out_norm: self.out_norm.to_kind(kind),
        }
    }

    fn forward(&self, x: &Tensor, mask: Option<&Tensor>, heads: i64) -> Tensor {
        let size = x.size();
        let (b, t, hidden) = (size[0], size[1], size[2]);
        let head = hidden / heads;
        let split = |y: Tensor| y.view([b, t, heads, head]).transpose(1, 2);
        let query = split(self.query.apply(x));
        let key = split(self.key.apply(x));
        let value = split(self.value.apply(x));
        let context = attention(&query, &key, &value, mask)
            .transpose(1, 2)
            .contiguous()
            .view([b, t, hidden]);
        let mut attended = self.attention_out.apply(&context);
        attended += x;
        let attended = self.attention_norm.norm(&attended);
        let mut inner = self.intermediate.apply(&attended);
        let _ = inner.gelu_("none");
        let mut out = self.out.apply(&inner);
        out += &attended;
        self.out_norm.norm(&out)
    }
}

/// Windows longer than this many pieces take libtorch's fused attention kernel in f32.
const FUSED_ATTENTION_FROM: i64 = 65;

/// `softmax(q k^T / sqrt(d) + mask) v` over `[B, heads, T, d]`.
///
/// In f32 (the f32 and int8 backends) and for windows of more than 64 pieces, libtorch's
/// fused kernel computes it block by block without writing the `[B, heads, T, T]` scores.
/// One int8 encoder layer of the shipped model on the 2-core AMD EPYC, one thread, the two
/// kernels interleaved, medians of 20: 5.14 ms fused against 5.72 ms with the separate
/// products at 6 x 128 pieces, 5.51 against 6.09 at 8 x 96, 4.53 against 4.55 at 12 x 64;
/// shorter windows keep the separate products, as does bf16, where the fused kernel was
/// slower (see the README).
fn attention(query: &Tensor, key: &Tensor, value: &Tensor, mask: Option<&Tensor>) -> Tensor {
    let t = *key.size().get(2).unwrap_or(&0);
    if query.kind() == Kind::Float && t >= FUSED_ATTENTION_FROM {
        // tch passes a missing mask as an undefined tensor, which libtorch 2.4 refuses: a
        // batch without padding gets a mask of zeros, broadcast over every row.
        let zeros;
        let mask = match mask {
            Some(m) => m,
            None => {
                zeros = Tensor::zeros([1, 1, 1, t], (Kind::Float, query.device()));
                &zeros
            }
        };
        return Tensor::scaled_dot_product_attention(
            query,
            key,
            value,
            Some(mask),
            0.0,
            false,
            None,
        );
    }
    let d = *query.size().last().unwrap_or(&1);
    let mut scores = (query / (d as f64).sqrt()).matmul(&key.transpose(-1, -2));
    if let Some(mask) = mask {
        scores += mask;
    }
    scores.softmax(-1, scores.kind()).matmul(value)
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
            .map(|i| Layer::take(vars, &format!("bert.encoder.layer.{i}")))
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

    /// Prepares the pass for `precision`, once the variable store holds its float weights
    /// in [`activation_kind`]`(precision)`: in int8 the encoder's linear weights are
    /// quantised and packed here.
    pub fn set_precision(&mut self, precision: Precision) {
        for layer in &mut self.layers {
            for linear in layer.linears_mut() {
                linear.set_precision(precision);
            }
        }
    }

    /// Times the first encoder layer in every backend on an input of `rows` windows of
    /// `width` positions (without padding), one call after another on the calling thread:
    /// [`PROBE_WARMUP`] untimed rounds, then the median of [`PROBE_REPS`]. The input is a
    /// fixed function of its position, so the probe draws no random numbers.
    pub fn probe(&self, rows: i64, width: i64) -> Timings {
        let Some(first) = self.layers.first() else {
            return Timings::new();
        };
        let hidden = self.positions.size()[1];
        let input = (Tensor::arange(rows * width * hidden, (Kind::Float, tch::Device::Cpu)) * 0.37)
            .sin()
            .view([rows, width, hidden]);
        let backends: Vec<(Precision, Layer, Tensor)> = Precision::ALL
            .into_iter()
            .map(|p| (p, first.converted(p), input.to_kind(activation_kind(p))))
            .collect();
        let mut times: Vec<Vec<Duration>> = vec![Vec::new(); backends.len()];
        // Round by round, every backend once, so that a passing load on the machine
        // slows them all alike.
        for round in 0..PROBE_WARMUP + PROBE_REPS {
            for ((_, layer, x), times) in backends.iter().zip(&mut times) {
                let started = Instant::now();
                let y = layer.forward(x, None, self.heads);
                // Reading one value makes sure the work was done.
                let _ = y.double_value(&[0, 0, 0]);
                if round >= PROBE_WARMUP {
                    times.push(started.elapsed());
                }
            }
        }
        backends
            .iter()
            .zip(times)
            .map(|((p, _, _), mut t)| {
                t.sort();
                (*p, t[t.len() / 2])
            })
            .collect()
    }

    /// Tag logits `[B, T, tags]` from input embeddings `[B, T, H]` and the attention mask
    /// `[B, T]` (1 for real positions). Call under `no_grad`.
    pub fn forward(&self, embeds: &Tensor, mask: &Tensor) -> Tensor {
        self.forward_keeping(embeds, mask, &[]).0
    }

    /// Tag logits as [`FusedBert::forward`] computes them, and the outputs `[B, T, H]` of
    /// the encoder layers numbered in `keep` (1 is the first layer, in the order asked;
    /// numbers beyond the last layer are skipped). Call under `no_grad`.
    pub fn forward_keeping(
        &self,
        embeds: &Tensor,
        mask: &Tensor,
        keep: &[usize],
    ) -> (Tensor, Vec<Tensor>) {
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
        let mut kept: Vec<(usize, Tensor)> = Vec::with_capacity(keep.len());
        for (i, layer) in self.layers.iter().enumerate() {
            x = layer.forward(&x, mask.as_ref(), self.heads);
            if keep.contains(&(i + 1)) {
                kept.push((i + 1, x.shallow_clone()));
            }
        }
        let kept = keep
            .iter()
            .filter_map(|k| kept.iter().find(|(i, _)| i == k))
            .map(|(_, t)| t.shallow_clone())
            .collect();
        (self.classifier.linear(&x), kept)
    }

    /// Number of encoder layers.
    pub fn depth(&self) -> usize {
        self.layers.len()
    }
}

#[cfg(test)]
mod tests {
    use tch::Kind;

    use super::{Precision, FUSED_ATTENTION_FROM};

    /// Share of positions where the int8 pass and f32 have the same best tag, at least
    /// (all 44 and 19 agree on the AMD EPYC where this was written; fbgemm's kernels
    /// differ by CPU, so a position or two may flip elsewhere).
    const INT8_TAG_AGREEMENT: f64 = 0.95;

    /// Largest gap between a bf16 logit and rust-bert's f32 one: bf16 keeps 8 bits of
    /// mantissa, so logits of up to 16 round to steps of 1/16; four steps (0.0625 was
    /// measured on the AMD EPYC where this was written, on every sentence group).
    const BF16_LOGIT_GAP: f64 = 0.25;

    /// Largest gap between an int8 logit and rust-bert's f32 one: twice the 1.02 measured
    /// on the AMD EPYC where this was written (0.44 on the one-sentence group), as
    /// fbgemm's kernels differ by CPU; a broken quantisation is off by far more.
    const INT8_LOGIT_GAP: f64 = 2.0;
    use crate::ner::encode::{batch, encode, plan_windows, Stream};
    use crate::ner::model::Network;
    use crate::ner::{default_model_dir, load_tokenizer};

    /// The fused pass computes what rust-bert's forward computes, padding included: the
    /// same logits in f32 (up to rounding), logits within [`BF16_LOGIT_GAP`] and the same
    /// best tag at every real position in bf16. In int8 (int8 linear maps in the fused
    /// pass, f32 in rust-bert's), logits within [`INT8_LOGIT_GAP`] and the best tags of all
    /// but a few positions: see [`INT8_TAG_AGREEMENT`].
    #[test]
    fn fused_pass_matches_rust_bert() {
        let dir = default_model_dir();
        let tokenizer = load_tokenizer(&dir.join("tokenizer.json")).expect("tokenizer");
        let long = "Mayor Ines Partridge of Lake Orvin, Deputy Chief Tomas Greer of the Orvin \
                    Police Department, Judge Aldo Ferris of the Ninth Circuit, Senator Ruth \
                    Calloway of Nebraska and Director Paul Imre of the State Water Board \
                    signed the compact in Lincoln on Monday with the Nebraska Farm Bureau, the \
                    Orvin Valley Transit Authority, Commissioner Lena Brodsky of Platte County \
                    and Treasurer Owen Mbeki of the City of Kearney.";
        let texts = [
            long,
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
        // The long window takes the fused attention kernel in f32, the short ones not.
        assert!(
            windows[0].len() >= FUSED_ATTENTION_FROM as usize,
            "{:?}",
            windows[0]
        );
        assert!(windows[1].len() < FUSED_ATTENTION_FROM as usize);
        for (precision, tolerance) in [
            (Precision::F32, 1e-3),
            (Precision::Bf16, BF16_LOGIT_GAP),
            (Precision::Int8, INT8_LOGIT_GAP),
        ] {
            // Freshly loaded each time: going back from bf16 to f32 would keep the rounding.
            let mut net = Network::load(&dir).expect("the shipped model loads");
            net.set_precision(precision);
            // All windows (rows of different lengths, so padding), then the long one and a
            // short one alone (no padding).
            for group in [&windows[..], &windows[..1], &windows[1..2]] {
                let group: Vec<_> = group.iter().map(|&w| (&stream, w)).collect();
                let b = batch(&group);
                let real = b.mask.to_kind(Kind::Bool);
                // rust-bert's forward runs the float weights: f32 in int8.
                let (reference, fused) = tch::no_grad(|| (net.forward(&b, false), net.infer(&b)));
                assert_eq!(reference.size(), fused.size());
                let gap = (&reference - &fused)
                    .abs()
                    .masked_select(&real.unsqueeze(-1))
                    .max()
                    .double_value(&[]);
                assert!(gap <= tolerance, "{precision}: logits differ by {gap}");
                let same = reference
                    .argmax(-1, false)
                    .eq_tensor(&fused.argmax(-1, false))
                    .masked_select(&real);
                let agreement = same
                    .to_kind(Kind::Float)
                    .mean(Kind::Float)
                    .double_value(&[]);
                let floor = if precision == Precision::Int8 {
                    INT8_TAG_AGREEMENT
                } else {
                    1.0
                };
                assert!(
                    agreement >= floor,
                    "{precision}: the best tags agree at {agreement} of the positions"
                );
            }
        }
    }

    /// The probe times every backend, each in well under a second.
    #[test]
    fn the_probe_times_every_backend() {
        let net = Network::load(&default_model_dir()).expect("the shipped model loads");
        let started = std::time::Instant::now();
        let timings = net.probe(768);
        assert_eq!(timings.keys().copied().collect::<Vec<_>>(), Precision::ALL);
        for (p, t) in &timings {
            assert!(!t.is_zero() && t.as_secs_f64() < 0.5, "{p}: {t:?}");
        }
        eprintln!("probe {timings:?} in {:?}", started.elapsed());
    }
}
