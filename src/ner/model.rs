//! The network: rust-bert's `BertForTokenClassification` fed with word embeddings plus a
//! learned casing embedding (the vocabulary is lower-cased), and its files on disk.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use rust_bert::bert::{BertConfig, BertForTokenClassification};
use serde::{Deserialize, Serialize};
use tch::nn::{self, Init, Module};
use tch::{Device, Kind, Tensor};

use super::encode::{Batch, CASING_CLASSES};
use super::fused::{activation_kind, take_var, FusedBert};
use super::labels::TAGS;
use super::precision::{Precision, Timings};

/// Name of the word-embedding matrix in the variable store.
const WORD_EMBEDDINGS: &str = "bert.embeddings.word_embeddings.weight";

/// Settings of ours stored beside the BERT config (`ner.json` in a model directory).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NerSettings {
    /// Number of casing classes (0: no casing embedding).
    pub casing_classes: i64,
    /// Most wordpieces per window, without `[CLS]` and `[SEP]`.
    pub max_pieces: usize,
    /// The output labels in order (CoNLL spelling).
    pub labels: Vec<String>,
    /// CoNLL-2003 test F1 of these weights per backend, as `whosaid eval-ner` measured it
    /// (empty for a model nobody scored: `--precision auto` then runs f32).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conll_test_f1: BTreeMap<Precision, f64>,
}

impl NerSettings {
    /// Settings for a new model.
    pub fn new(casing: bool, max_pieces: usize) -> NerSettings {
        NerSettings {
            casing_classes: if casing { CASING_CLASSES } else { 0 },
            max_pieces,
            labels: TAGS.iter().map(|t| t.conll()).collect(),
            conll_test_f1: BTreeMap::new(),
        }
    }
}

/// BERT plus casing embedding plus token classifier.
pub struct Network {
    /// All weights.
    pub vs: nn::VarStore,
    bert: BertForTokenClassification,
    casing: Option<nn::Embedding>,
    word_embeddings: Tensor,
    /// The same weights, for the inference pass.
    fused: FusedBert,
    /// The BERT configuration (with the label map).
    pub config: BertConfig,
    /// Our settings.
    pub settings: NerSettings,
}

/// Reads a BERT `config.json`.
pub fn read_config(path: &Path) -> Result<BertConfig> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("bad BERT config {}", path.display()))
}

impl Network {
    /// A network with freshly initialised weights; `config` gets the label map of [`TAGS`].
    pub fn new(mut config: BertConfig, settings: NerSettings) -> Result<Network> {
        if settings.labels.len() != TAGS.len()
            || settings
                .labels
                .iter()
                .zip(TAGS)
                .any(|(l, t)| *l != t.conll())
        {
            bail!(
                "the model's labels {:?} are not the CoNLL tag set",
                settings.labels
            );
        }
        let id2label: HashMap<i64, String> = settings
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| (i as i64, l.clone()))
            .collect();
        config.label2id = Some(id2label.iter().map(|(&i, l)| (l.clone(), i)).collect());
        config.id2label = Some(id2label);
        let vs = nn::VarStore::new(Device::Cpu);
        let bert = BertForTokenClassification::new(vs.root(), &config)
            .map_err(|e| anyhow!("cannot build the BERT model: {e}"))?;
        let casing = (settings.casing_classes > 0).then(|| {
            nn::embedding(
                vs.root() / "casing",
                settings.casing_classes,
                config.hidden_size,
                nn::EmbeddingConfig {
                    ws_init: Init::Const(0.0),
                    ..Default::default()
                },
            )
        });
        let mut vars = vs.variables();
        let word_embeddings = take_var(&mut vars, WORD_EMBEDDINGS)?;
        let fused = FusedBert::take(
            &mut vars,
            config.num_hidden_layers,
            config.num_attention_heads,
        )?;
        Ok(Network {
            vs,
            bert,
            casing,
            word_embeddings,
            fused,
            config,
            settings,
        })
    }

    /// Copies the weights of a base BERT checkpoint (names without the `bert.` prefix) into
    /// the encoder. Returns how many tensors were loaded.
    pub fn load_base(&mut self, safetensors: &Path) -> Result<usize> {
        let named = Tensor::read_safetensors(safetensors)
            .with_context(|| format!("cannot read {}", safetensors.display()))?;
        let vars = self.vs.variables();
        let mut loaded = 0;
        for (name, src) in named {
            if let Some(dst) = vars.get(&format!("bert.{name}")) {
                if dst.size() != src.size() {
                    bail!(
                        "{name}: shape {:?} in the checkpoint, {:?} in the model",
                        src.size(),
                        dst.size()
                    );
                }
                tch::no_grad(|| dst.shallow_clone().f_copy_(&src))?;
                loaded += 1;
            }
        }
        Ok(loaded)
    }

    /// Loads a model directory written by [`Network::save`].
    pub fn load(dir: &Path) -> Result<Network> {
        let config = read_config(&dir.join("config.json"))?;
        let settings_path = dir.join("ner.json");
        let settings: NerSettings = serde_json::from_str(
            &std::fs::read_to_string(&settings_path)
                .with_context(|| format!("cannot read {}", settings_path.display()))?,
        )
        .with_context(|| format!("bad settings {}", settings_path.display()))?;
        let mut net = Network::new(config, settings)?;
        let weights = dir.join("model.safetensors");
        net.vs
            .load(&weights)
            .with_context(|| format!("cannot load {}", weights.display()))?;
        // Loading takes the stored precision; compute in f32 unless asked otherwise.
        net.set_precision(Precision::F32);
        Ok(net)
    }

    /// Makes the network compute in `precision`: converts the weights to its kind and, in
    /// int8, quantises the encoder's linear weights (training needs f32). Call it on f32
    /// weights: going from bf16 to anything else keeps bf16's rounding.
    pub fn set_precision(&mut self, precision: Precision) {
        self.vs.set_kind(activation_kind(precision));
        tch::no_grad(|| self.fused.set_precision(precision));
    }

    /// Times one encoder layer in every backend at the shape of an inference batch of
    /// `batch_pieces` padded wordpieces in full windows (see [`FusedBert::probe`]).
    pub fn probe(&self, batch_pieces: usize) -> Timings {
        let width = self.settings.max_pieces + 2;
        let rows = (batch_pieces / width).max(1);
        tch::no_grad(|| self.fused.probe(rows as i64, width as i64))
    }

    /// Writes `config.json`, `ner.json` and `model.safetensors` (weights stored as f16)
    /// into `dir`.
    pub fn save(&self, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let write = |name: &str, text: String| -> Result<()> {
            let path = dir.join(name);
            std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
        };
        // Through a JSON value, whose maps are sorted: the label maps are hash maps, and the
        // same model must give the same file.
        let config = serde_json::to_value(&self.config)?;
        write("config.json", serde_json::to_string_pretty(&config)?)?;
        write("ner.json", serde_json::to_string_pretty(&self.settings)?)?;
        let mut named: Vec<(String, Tensor)> = self
            .vs
            .variables()
            .into_iter()
            .map(|(name, t)| (name, t.detach().to_kind(Kind::Half)))
            .collect();
        named.sort_by(|a, b| a.0.cmp(&b.0));
        let tmp = dir.join("model.safetensors.tmp");
        Tensor::write_safetensors(&named, &tmp)?;
        std::fs::rename(&tmp, dir.join("model.safetensors"))?;
        Ok(())
    }

    /// Word plus casing embeddings `[B, T, H]` of a batch.
    fn input_embeds(&self, batch: &Batch) -> Tensor {
        let mut embeds = Tensor::embedding(&self.word_embeddings, &batch.ids, 0, false, false);
        if let Some(casing) = &self.casing {
            embeds += casing.forward(&batch.casing);
        }
        embeds
    }

    /// Logits `[B, T, tags]` (as f32) for a batch through rust-bert's modules, with dropout
    /// when `train` (the training pass).
    pub fn forward(&self, batch: &Batch, train: bool) -> Tensor {
        self.bert
            .forward_t(
                None,
                Some(&batch.mask),
                None,
                None,
                Some(&self.input_embeds(batch)),
                train,
            )
            .logits
            .to_kind(Kind::Float)
    }

    /// The same logits as `forward(batch, false)`, computed faster with fused kernels (see
    /// [`FusedBert`]); call under `no_grad`.
    pub fn infer(&self, batch: &Batch) -> Tensor {
        self.fused
            .forward(&self.input_embeds(batch), &batch.mask)
            .to_kind(Kind::Float)
    }

    /// The logits of [`Network::infer`] and the outputs `[B, T, H]` of the encoder layers
    /// numbered in `layers` (1 is the first), in that order, all as f32: the input of the
    /// press-release head. Call under `no_grad`.
    pub fn infer_layers(&self, batch: &Batch, layers: &[usize]) -> (Tensor, Vec<Tensor>) {
        let (logits, kept) =
            self.fused
                .forward_keeping(&self.input_embeds(batch), &batch.mask, layers);
        (
            logits.to_kind(Kind::Float),
            kept.iter().map(|t| t.to_kind(Kind::Float)).collect(),
        )
    }

    /// The layer outputs of [`Network::infer_layers`] joined along the last axis,
    /// `[B, T, H * layers.len()]` (the head's training features). Call under `no_grad`.
    pub fn infer_features(&self, batch: &Batch, layers: &[usize]) -> Tensor {
        Tensor::cat(&self.infer_layers(batch, layers).1, -1)
    }

    /// Number of encoder layers.
    pub fn depth(&self) -> usize {
        self.fused.depth()
    }
}
