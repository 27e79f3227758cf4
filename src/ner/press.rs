//! The press-release head: a second token classifier that reads the same encoder pass as
//! the CoNLL head and tags press-release entities ([`PressLabel`]: people, government
//! agencies, role titles and US states) in IOB2 ([`PRESS_TAGS`]).
//!
//! The encoder and its CoNLL head are left as trained on CoNLL-2003, so the CoNLL scores do
//! not move; the head is trained on the frozen encoder's outputs at every word (features
//! computed once per window), on spans projected from annotated releases
//! ([`super::project`]). Its files sit in the model directory beside the encoder's:
//! [`SETTINGS_FILE`] (which encoder layers it reads, its labels, its shape and provenance)
//! and [`WEIGHTS_FILE`].
//!
//! Training data are JSON Lines of [`Labelled`] releases: each sentence's text with its
//! spans. Scores are span-level (exact words and type) per label ([`SpanScore`]).

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use tch::nn::{self, Module, OptimizerConfig};
use tch::{Device, Kind, Reduction, Tensor};

use super::encode::Encoded;
use super::labels::{self, chunks, Iob, PressTag, PRESS_TAGS};
use super::NerModel;
use crate::doc::{PressLabel, PressSpan};

/// The head's settings, in the model directory.
pub const SETTINGS_FILE: &str = "press.json";
/// The head's weights (f32), in the model directory.
pub const WEIGHTS_FILE: &str = "press.safetensors";

/// One span of a labelled sentence: byte offsets into the sentence's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelledSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its type.
    pub label: PressLabel,
}

/// A sentence with its entity spans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelledSentence {
    /// The sentence as written.
    pub text: String,
    /// Its spans, in text order, not overlapping.
    pub spans: Vec<LabelledSpan>,
}

/// A release's sentences in order, with their spans: one line of a training file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labelled {
    /// The annotated file (its base name), for folds.
    pub file: String,
    /// The release's body sentences.
    pub sentences: Vec<LabelledSentence>,
}

/// Writes labelled releases as JSON Lines.
pub fn write_labelled(releases: &[Labelled], mut out: impl Write) -> Result<()> {
    for r in releases {
        serde_json::to_writer(&mut out, r)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// Reads a JSON Lines file of labelled releases.
pub fn read_labelled(path: &Path) -> Result<Vec<Labelled>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    std::io::BufReader::new(file)
        .lines()
        .enumerate()
        .filter(|(_, l)| l.as_ref().map_or(true, |l| !l.trim().is_empty()))
        .map(|(i, line)| {
            serde_json::from_str(&line?)
                .with_context(|| format!("{}:{}: not a labelled release", path.display(), i + 1))
        })
        .collect()
}

/// The IOB2 tag of every word of `enc` under `spans` (byte offsets in the same text): a
/// word inside a span is B- when it is the span's first word, I- after; words outside any
/// span, or only partly inside one, are O.
pub fn word_tags(enc: &Encoded, spans: &[LabelledSpan]) -> Vec<PressTag> {
    let mut tags = vec![Iob::Outside; enc.words.len()];
    for s in spans {
        let mut first = true;
        for (w, word) in enc.words.iter().enumerate() {
            if word.start >= s.start && word.end <= s.end {
                tags[w] = if first {
                    Iob::Begin(s.label)
                } else {
                    Iob::Inside(s.label)
                };
                first = false;
            }
        }
    }
    tags
}

/// The spans of `tags` over the words of `enc` (offsets in the sentence), scored 1.
fn tag_spans(enc: &Encoded, tags: &[PressTag]) -> Vec<PressSpan> {
    chunks(tags)
        .into_iter()
        .filter_map(|c| {
            Some(PressSpan {
                span: enc.words_span(c.start, c.end)?,
                label: c.label,
                score: 1.0,
            })
        })
        .collect()
}

/// The press spans of one sentence from the log-probabilities of [`PRESS_TAGS`] at its
/// words (offsets in the sentence; see [`labels::decode`]).
pub fn decode(enc: &Encoded, scores: &[Vec<f32>]) -> Vec<PressSpan> {
    labels::decode::<PressLabel>(scores)
        .into_iter()
        .filter_map(|(c, score)| {
            Some(PressSpan {
                span: enc.words_span(c.start, c.end)?,
                label: c.label,
                score,
            })
        })
        .collect()
}

/// What the head is and where it came from (`press.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PressSettings {
    /// The encoder layers (1 is the first) whose outputs, joined, the head reads.
    pub layers: Vec<usize>,
    /// Hidden units of the head's one hidden layer (0: a linear head).
    pub hidden: usize,
    /// Its tags in the order of its output units.
    pub labels: Vec<String>,
    /// What it was trained on, and how.
    pub trained_on: String,
}

/// The press-release head.
pub struct PressHead {
    vs: nn::VarStore,
    layers: Vec<nn::Linear>,
    settings: PressSettings,
}

impl PressHead {
    /// A freshly initialised head reading `layers` of an encoder of width `hidden_size`.
    pub fn new(layers: &[usize], hidden_size: usize, hidden: usize) -> PressHead {
        let vs = nn::VarStore::new(Device::Cpu);
        let input = (hidden_size * layers.len()) as i64;
        let tags = PRESS_TAGS.len() as i64;
        let root = vs.root();
        let linears = if hidden == 0 {
            vec![nn::linear(&root / "out", input, tags, Default::default())]
        } else {
            vec![
                nn::linear(&root / "hidden", input, hidden as i64, Default::default()),
                nn::linear(&root / "out", hidden as i64, tags, Default::default()),
            ]
        };
        PressHead {
            vs,
            layers: linears,
            settings: PressSettings {
                layers: layers.to_vec(),
                hidden,
                labels: PRESS_TAGS.iter().map(|t| t.conll()).collect(),
                trained_on: String::new(),
            },
        }
    }

    /// Loads the head stored in `dir`, if there is one.
    pub fn load(dir: &Path, hidden_size: usize) -> Result<Option<PressHead>> {
        let path = dir.join(SETTINGS_FILE);
        if !path.is_file() {
            return Ok(None);
        }
        let settings: PressSettings = serde_json::from_str(
            &std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?,
        )
        .with_context(|| format!("bad press head settings {}", path.display()))?;
        let expected: Vec<String> = PRESS_TAGS.iter().map(|t| t.conll()).collect();
        if settings.labels != expected {
            bail!(
                "{}: the head's labels {:?} are not {expected:?}",
                path.display(),
                settings.labels
            );
        }
        let mut head = PressHead::new(&settings.layers, hidden_size, settings.hidden);
        head.settings = settings;
        let weights = dir.join(WEIGHTS_FILE);
        head.vs
            .load(&weights)
            .with_context(|| format!("cannot load {}", weights.display()))?;
        Ok(Some(head))
    }

    /// Writes [`SETTINGS_FILE`] and [`WEIGHTS_FILE`] into `dir`.
    pub fn save(&self, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let path = dir.join(SETTINGS_FILE);
        std::fs::write(&path, serde_json::to_string_pretty(&self.settings)? + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        self.vs.save(dir.join(WEIGHTS_FILE))?;
        Ok(())
    }

    /// The encoder layers the head reads.
    pub fn layers(&self) -> &[usize] {
        &self.settings.layers
    }

    /// Its settings.
    pub fn settings(&self) -> &PressSettings {
        &self.settings
    }

    /// Records what the head was trained on (kept in [`SETTINGS_FILE`]).
    pub fn set_trained_on(&mut self, note: String) {
        self.settings.trained_on = note;
    }

    /// Tag logits `[.., tags]` from features `[.., D]` (f32), with dropout `p` on the
    /// input when training.
    fn forward_t(&self, x: &Tensor, dropout: Option<f64>) -> Tensor {
        let mut y = match dropout {
            Some(p) => x.dropout(p, true),
            None => x.shallow_clone(),
        };
        for (i, layer) in self.layers.iter().enumerate() {
            y = layer.forward(&y);
            if i + 1 < self.layers.len() {
                y = y.gelu("none");
            }
        }
        y
    }

    /// Tag logits `[.., tags]` from features `[.., D]` (f32); call under `no_grad`.
    pub fn forward(&self, x: &Tensor) -> Tensor {
        self.forward_t(x, None)
    }

    /// The logits of [`PressHead::forward`] from the encoder layers' outputs `[B, T, H]`
    /// (f32, in the order of [`PressHead::layers`]) without joining them: the first linear
    /// map is applied block by block, one product per layer summed into one output.
    ///
    /// Joining the layers copied `[B, T, 3H]` per batch, and MKL's product with 11 output
    /// columns is slower than with 16, so the blocks' outputs are padded with zero columns
    /// to a multiple of 16 and cut back after. At a batch of 768 pieces and three layers of
    /// 384, one thread on the 2-core AMD EPYC (PyTorch 2.4 microbenchmark): 0.44 ms against
    /// 0.83 ms joined, beside about 5 ms per encoder layer. Call under `no_grad`.
    pub fn forward_layers(&self, kept: &[Tensor]) -> Tensor {
        let (Some((first, rest)), Some(x0)) = (self.layers.split_first(), kept.first()) else {
            return self.forward(&Tensor::cat(kept, -1));
        };
        let mut shape = x0.size();
        let width = *shape.last().unwrap_or(&0);
        let outputs = first.ws.size()[0];
        let pad = |t: &Tensor| t.constant_pad_nd([0, (16 - outputs % 16) % 16]);
        let block = |i: usize| pad(&first.ws.narrow(1, i as i64 * width, width).transpose(0, 1));
        let rows = |x: &Tensor| x.reshape([-1, width]);
        let mut y = match &first.bs {
            Some(b) => pad(b).addmm(&rows(x0), &block(0)),
            None => rows(x0).matmul(&block(0)),
        };
        for (i, x) in kept.iter().enumerate().skip(1) {
            let _ = y.addmm_(&rows(x), &block(i));
        }
        if let Some(last) = shape.last_mut() {
            *last = outputs;
        }
        let mut y = y.narrow(1, 0, outputs).reshape(shape);
        for layer in rest {
            y = layer.forward(&y.gelu("none"));
        }
        y
    }
}

/// Hyper-parameters of the head's training.
#[derive(Debug, Clone)]
pub struct HeadConfig {
    /// Encoder layers whose outputs the head reads (1 is the first).
    pub layers: Vec<usize>,
    /// Hidden units (0: linear).
    pub hidden: usize,
    /// Passes over the words.
    pub epochs: usize,
    /// AdamW learning rate (constant).
    pub lr: f64,
    /// AdamW weight decay.
    pub weight_decay: f64,
    /// Words per step.
    pub batch: usize,
    /// Dropout on the features.
    pub dropout: f64,
    /// Seed of torch's generator (initialisation, order, dropout).
    pub seed: i64,
}

impl Default for HeadConfig {
    fn default() -> HeadConfig {
        HeadConfig {
            layers: vec![2, 4, 6],
            hidden: 0,
            epochs: 20,
            lr: 1e-3,
            weight_decay: 0.01,
            batch: 256,
            dropout: 0.1,
            seed: 42,
        }
    }
}

/// Labelled releases encoded and run through the frozen encoder once: for every release,
/// sentence and word, its features and its tag.
pub struct Features {
    /// The releases' files, in order.
    pub files: Vec<String>,
    /// Per release, per sentence: the encoding (empty for sentences the model skips).
    pub encoded: Vec<Vec<Encoded>>,
    /// Per release, per sentence, per word: the features.
    pub features: Vec<Vec<Vec<Vec<f32>>>>,
    /// Per release, per sentence, per word: the projected tag.
    pub tags: Vec<Vec<Vec<PressTag>>>,
}

impl Features {
    /// Computes the features of `layers` of `model`'s encoder for `data`.
    pub fn compute(model: &NerModel, data: &[Labelled], layers: &[usize]) -> Result<Features> {
        let texts: Vec<Vec<&str>> = data
            .iter()
            .map(|r| r.sentences.iter().map(|s| s.text.as_str()).collect())
            .collect();
        let (encoded, features) = model.word_features(&texts, layers)?;
        let tags = data
            .iter()
            .zip(&encoded)
            .map(|(r, enc)| {
                r.sentences
                    .iter()
                    .zip(enc)
                    .map(|(s, e)| word_tags(e, &s.spans))
                    .collect()
            })
            .collect();
        Ok(Features {
            files: data.iter().map(|r| r.file.clone()).collect(),
            encoded,
            features,
            tags,
        })
    }

    /// Feature rows `[N, D]` and tag indices `[N]` of the words of releases `keep`.
    fn matrix(&self, keep: &[usize]) -> (Tensor, Tensor) {
        let mut x: Vec<f32> = Vec::new();
        let mut y: Vec<i64> = Vec::new();
        let mut width = 0;
        for &r in keep {
            for (sf, st) in self.features[r].iter().zip(&self.tags[r]) {
                for (f, t) in sf.iter().zip(st) {
                    width = f.len();
                    x.extend_from_slice(f);
                    y.push(t.index() as i64);
                }
            }
        }
        let n = y.len() as i64;
        (
            Tensor::from_slice(&x).view([n, width as i64]),
            Tensor::from_slice(&y),
        )
    }

    /// Width of a feature vector.
    fn width(&self) -> usize {
        self.features
            .iter()
            .flatten()
            .flatten()
            .map(Vec::len)
            .next()
            .unwrap_or(0)
    }
}

/// Trains a head on the words of releases `keep` of `features`; prints the mean loss of
/// every epoch when `log`.
pub fn fit(features: &Features, keep: &[usize], cfg: &HeadConfig, log: bool) -> Result<PressHead> {
    tch::manual_seed(cfg.seed);
    let (x, y) = features.matrix(keep);
    let width = features.width();
    if !width.is_multiple_of(cfg.layers.len().max(1)) || y.size()[0] == 0 {
        bail!("no training words, or features that do not match the layers asked");
    }
    let head = PressHead::new(&cfg.layers, width / cfg.layers.len(), cfg.hidden);
    let mut opt = nn::AdamW::default()
        .wd(cfg.weight_decay)
        .build(&head.vs, cfg.lr)?;
    let n = y.size()[0];
    let batch = cfg.batch.max(1) as i64;
    for epoch in 0..cfg.epochs {
        let order = Tensor::randperm(n, (Kind::Int64, Device::Cpu));
        let (mut sum, mut steps) = (0.0, 0);
        let mut at = 0;
        while at < n {
            let idx = order.narrow(0, at, batch.min(n - at));
            let logits = head.forward_t(&x.index_select(0, &idx), Some(cfg.dropout));
            let loss = logits.cross_entropy_loss(
                &y.index_select(0, &idx),
                None::<Tensor>,
                Reduction::Mean,
                -100,
                0.0,
            );
            opt.backward_step(&loss);
            sum += loss.double_value(&[]);
            steps += 1;
            at += batch;
        }
        if log {
            println!(
                "epoch {}: mean loss {:.4} over {n} words",
                epoch + 1,
                sum / f64::from(steps.max(1))
            );
        }
    }
    Ok(head)
}

/// Span-level counts of one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted spans that match a gold span (same words and type).
    pub tp: usize,
    /// Predicted spans that match none.
    pub fp: usize,
    /// Gold spans that no prediction matches.
    pub fn_: usize,
}

impl Counts {
    /// Precision, recall and F1 in percent.
    pub fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let (p, r) = (
            ratio(self.tp, self.tp + self.fp),
            ratio(self.tp, self.tp + self.fn_),
        );
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// Span-level scores of the press head, per label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanScore {
    /// Counts per label.
    pub labels: BTreeMap<PressLabel, Counts>,
}

impl SpanScore {
    /// Adds one sentence: its gold and predicted spans.
    pub fn add(&mut self, gold: &[PressSpan], predicted: &[PressSpan]) {
        let key = |s: &PressSpan| (s.span, s.label);
        let g: HashSet<_> = gold.iter().map(key).collect();
        let p: HashSet<_> = predicted.iter().map(key).collect();
        for label in PressLabel::ALL {
            let c = self.labels.entry(label).or_default();
            c.tp += p.iter().filter(|k| k.1 == label && g.contains(k)).count();
            c.fp += p.iter().filter(|k| k.1 == label && !g.contains(k)).count();
            c.fn_ += g.iter().filter(|k| k.1 == label && !p.contains(k)).count();
        }
    }

    /// Adds another score's counts.
    pub fn merge(&mut self, other: &SpanScore) {
        for (label, c) in &other.labels {
            self.labels.entry(*label).or_default().add(*c);
        }
    }

    /// The labels the gold annotates together (`ORG` is left out: its spans come from the
    /// CoNLL head, not from the gold).
    pub fn overall(&self) -> Counts {
        let mut all = Counts::default();
        for (_, c) in self.labels.iter().filter(|(l, _)| **l != PressLabel::Org) {
            all.add(*c);
        }
        all
    }

    /// One line per label and one for the gold labels together ([`SpanScore::overall`]),
    /// with P/R/F1 and the counts.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let rows = self
            .labels
            .iter()
            .map(|(l, c)| (l.as_str(), *c))
            .chain([("gold", self.overall())]);
        for (name, c) in rows {
            let (p, r, f) = c.prf();
            let _ = writeln!(
                out,
                "{name:>7}: precision {p:6.2} recall {r:6.2} F1 {f:6.2}  (gold {}, found {}, right {})",
                c.tp + c.fn_,
                c.tp + c.fp,
                c.tp
            );
        }
        out
    }
}

/// Scores the head's predictions, the log-probabilities of [`PRESS_TAGS`] at every word
/// computed by `scores`, on releases `which` of `features`.
fn score_releases(
    features: &Features,
    which: &[usize],
    scores: impl Fn(&[Vec<f32>]) -> Result<Vec<Vec<f32>>>,
) -> Result<SpanScore> {
    let mut score = SpanScore::default();
    for &r in which {
        for ((enc, f), tags) in features.encoded[r]
            .iter()
            .zip(&features.features[r])
            .zip(&features.tags[r])
        {
            if enc.words.is_empty() {
                continue;
            }
            let predicted = decode(enc, &scores(f)?);
            score.add(&tag_spans(enc, tags), &predicted);
        }
    }
    Ok(score)
}

/// The log-probabilities of the head at words of the given features.
fn head_scores(head: &PressHead, features: &[Vec<f32>]) -> Result<Vec<Vec<f32>>> {
    let width = features.first().map_or(0, Vec::len);
    let flat: Vec<f32> = features.iter().flatten().copied().collect();
    let x = Tensor::from_slice(&flat).view([features.len() as i64, width as i64]);
    let logp = tch::no_grad(|| head.forward(&x).log_softmax(-1, Kind::Float));
    let flat = Vec::<f32>::try_from(logp.flatten(0, -1))?;
    Ok(flat.chunks(PRESS_TAGS.len()).map(<[f32]>::to_vec).collect())
}

/// The fold of each release for `folds`-fold cross-validation: releases sorted by file
/// name, the i-th in fold `i mod folds` (as `scripts/cv-speaker.sh` assigns them).
pub fn fold_of(files: &[String], folds: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by(|&a, &b| files[a].cmp(&files[b]));
    let mut fold = vec![0; files.len()];
    for (i, &r) in order.iter().enumerate() {
        fold[r] = i % folds.max(1);
    }
    fold
}

/// `folds`-fold cross-validation of the head recipe `cfg`: for each fold a head trained on
/// the other folds' releases only, scored on the fold. Returns each fold's score.
pub fn cross_validate(
    features: &Features,
    folds: usize,
    cfg: &HeadConfig,
) -> Result<Vec<SpanScore>> {
    let fold = fold_of(&features.files, folds);
    (0..folds)
        .map(|k| {
            let train: Vec<usize> = (0..fold.len()).filter(|&r| fold[r] != k).collect();
            let test: Vec<usize> = (0..fold.len()).filter(|&r| fold[r] == k).collect();
            let head = fit(features, &train, cfg, false)?;
            score_releases(features, &test, |f| head_scores(&head, f))
        })
        .collect()
}

/// A span the head and the data disagree on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// The file.
    pub file: String,
    /// True for a span the head found and the data lack, false for one it missed.
    pub found: bool,
    /// The span's type.
    pub label: PressLabel,
    /// Its words.
    pub text: String,
}

impl Disagreement {
    /// The disagreements of one sentence.
    fn of(file: &str, text: &str, gold: &[PressSpan], predicted: &[PressSpan]) -> Vec<Self> {
        let key = |s: &PressSpan| (s.span, s.label);
        let make = |s: &PressSpan, found| Disagreement {
            file: file.to_string(),
            found,
            label: s.label,
            text: text.get(s.span.range()).unwrap_or_default().to_string(),
        };
        let extra = predicted
            .iter()
            .filter(|p| !gold.iter().any(|g| key(g) == key(p)))
            .map(|p| make(p, true));
        let missed = gold
            .iter()
            .filter(|g| !predicted.iter().any(|p| key(g) == key(p)))
            .map(|g| make(g, false));
        extra.chain(missed).collect()
    }

    /// One tab-separated line: file, `found` or `missed`, label, words.
    pub fn line(&self) -> String {
        format!(
            "{}\t{}\t{}\t{}",
            self.file,
            if self.found { "found" } else { "missed" },
            self.label.as_str(),
            self.text.split_whitespace().collect::<Vec<_>>().join(" ")
        )
    }
}

/// Scores `model`'s own press head on labelled releases through the inference pass (in the
/// model's backend), span by span, with every span the head and the data disagree on.
pub fn evaluate(model: &NerModel, data: &[Labelled]) -> Result<(SpanScore, Vec<Disagreement>)> {
    let texts: Vec<Vec<&str>> = data
        .iter()
        .map(|r| r.sentences.iter().map(|s| s.text.as_str()).collect())
        .collect();
    let (tagged, _) = model.tag_press(&texts)?;
    let mut score = SpanScore::default();
    let mut disagreements = Vec::new();
    for (release, (encoded, predicted)) in data.iter().zip(tagged) {
        for ((sentence, enc), predicted) in release.sentences.iter().zip(&encoded).zip(predicted) {
            if enc.words.is_empty() {
                continue;
            }
            let gold = tag_spans(enc, &word_tags(enc, &sentence.spans));
            score.add(&gold, &predicted);
            disagreements.extend(Disagreement::of(
                &release.file,
                &sentence.text,
                &gold,
                &predicted,
            ));
        }
    }
    Ok((score, disagreements))
}

/// Drops the releases of the files named in `exclude`.
pub fn without(data: Vec<Labelled>, exclude: &HashSet<String>) -> Vec<Labelled> {
    data.into_iter()
        .filter(|r| !exclude.contains(&r.file))
        .collect()
}

/// Every release index of `features`.
pub fn all(features: &Features) -> Vec<usize> {
    (0..features.files.len()).collect()
}

#[cfg(test)]
mod tests;
