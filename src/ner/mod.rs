//! Named-entity recognition with a BERT token classifier run through rust-bert.
//!
//! The model is all-MiniLM-L6-v2 (uncased) fine-tuned on CoNLL-2003 with a learned casing
//! embedding added to the word embeddings (see `models/ner/MODEL_CARD.md`). Text is cut into
//! wordpieces by the `tokenizers` crate; a word is the tokenizer's pre-token and is labelled
//! by its first piece. Consecutive sentences of a document are packed into windows of at
//! most `max_pieces` pieces, so each sentence is read with its neighbours; a longer
//! sentence is split into overlapping windows, never truncated. Windows of all releases are
//! sorted by length and batched, and tags are decoded with IOB2 transition constraints.
//! Training runs rust-bert's modules; inference runs the same weights through a pass with
//! fused kernels (`fused`), checked against rust-bert's, in f32, bf16 or int8 ([`precision`]:
//! by default a short probe of the CPU picks the fastest that keeps the accuracy recorded
//! with the model).

pub mod bench;
pub mod conll;
pub mod encode;
mod fused;
pub mod labels;
pub mod model;
pub mod precision;
pub mod press;
pub mod project;
pub mod train;

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use rayon::prelude::*;
use tch::{Kind, Tensor};
use tokenizers::Tokenizer;

use crate::doc::{NerLabel, NerSpan, PressSpan, Release};
use conll::{Document, Score};
use encode::{batch, encode, may_name_something, plan_windows, Batch, Encoded, Stream, Window};
use labels::{viterbi, Tag, PRESS_TAGS, TAGS};
use model::Network;
use precision::{Precision, PrecisionChoice, ProbeCache, Selection, TimingSource};
use press::PressHead;

/// Most wordpieces (padding included) in one batch at inference. Measured with bench-ner on
/// 50 Brooklyn releases: 8,192 ran at ~7,200 wordpieces/s, 2,048 at ~11,200 and 1,024 at
/// ~11,100; large batches spent a fifth of the time in page faults for their activations.
/// With the fused inference pass, on the 713 releases of one congress file (two runs
/// each), 2,048 took 20.3/20.2 s against 19.1/19.0 s for 768; once long sentences were cut
/// with less overlap, 512 took 19.6/18.4 s, 768 18.5/18.3 s and 1,024 18.7/18.9 s.
/// A batch of 768 keeps a layer's `[B, T, 1536]` activations (2.4 MB in bf16) near the
/// per-core cache.
const BATCH_PIECES: usize = 768;

/// Settings for running the model.
#[derive(Debug, Clone, Default)]
pub struct NerOptions {
    /// The numeric backend, or `auto` (the default) to let a probe of this CPU choose.
    pub precision: PrecisionChoice,
}

/// A loaded NER model.
pub struct NerModel {
    net: Network,
    tokenizer: Tokenizer,
    selection: Selection,
    fingerprint: String,
    press: Option<PressHead>,
}

/// A vector for every word (tag log-probabilities or features), per document and sentence.
type WordScores = Vec<Vec<Vec<Vec<f32>>>>;

/// Per document, per sentence: its encoding and its press spans (offsets in the sentence).
pub type PressTagged = Vec<(Vec<Encoded>, Vec<Vec<PressSpan>>)>;

/// What the inference pass reads off the network at every word.
#[derive(Clone, Copy)]
enum Readout<'a> {
    /// The log-probabilities of the CoNLL tags.
    Conll,
    /// Those, then the press head's.
    WithPress(&'a PressHead),
    /// The joined outputs of these encoder layers (the press head's input).
    Features(&'a [usize]),
}

impl Readout<'_> {
    /// Values per word.
    fn width(&self, hidden: usize) -> usize {
        match self {
            Readout::Conll => TAGS.len(),
            Readout::WithPress(_) => TAGS.len() + PRESS_TAGS.len(),
            Readout::Features(layers) => hidden * layers.len(),
        }
    }

    /// The values of a word the model did not read: outside any entity, or no features.
    fn unread(&self, hidden: usize) -> Vec<f32> {
        let outside = |n: usize| {
            let mut v = vec![-1e4f32; n];
            v[0] = 0.0;
            v
        };
        match self {
            Readout::Conll => outside(TAGS.len()),
            Readout::WithPress(_) => [outside(TAGS.len()), outside(PRESS_TAGS.len())].concat(),
            Readout::Features(_) => vec![0.0; self.width(hidden)],
        }
    }
}

/// The model directory used when none is given: `models/ner` next to the executable (or
/// up to three directories above it, as in `target/release/`), else under the working
/// directory, else in the source tree the binary was built from.
pub fn default_model_dir() -> PathBuf {
    let mut candidates = Vec::new();
    if let Some(exe_dir) = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_path_buf))
    {
        candidates.extend(exe_dir.ancestors().take(4).map(|d| d.join("models/ner")));
    }
    candidates.push(PathBuf::from("models/ner"));
    candidates
        .into_iter()
        .find(|d| d.join("config.json").is_file())
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/models/ner")))
}

/// Loads `tokenizer.json` without the truncation and padding it may carry (windows are
/// made here).
pub fn load_tokenizer(path: &Path) -> Result<Tokenizer> {
    let mut tokenizer = Tokenizer::from_file(path)
        .map_err(|e| anyhow!("cannot load the tokenizer {}: {e}", path.display()))?;
    tokenizer
        .with_truncation(None)
        .map_err(|e| anyhow!("cannot configure the tokenizer: {e}"))?;
    tokenizer.with_padding(None);
    Ok(tokenizer)
}

/// A hash of every file of a model directory and the precision it runs in.
fn fingerprint(dir: &Path, precision: Precision) -> Result<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    files.sort();
    let mut hasher = blake3::Hasher::new();
    for file in files.iter().filter(|f| f.is_file()) {
        hasher.update(file.file_name().unwrap_or_default().as_encoded_bytes());
        hasher
            .update_mmap(file)
            .with_context(|| format!("cannot read {}", file.display()))?;
    }
    Ok(format!(
        "{}; {precision}",
        &hasher.finalize().to_hex()[..16]
    ))
}

/// The key of the probe cache: what the timings depend on (the CPU model, the libtorch
/// version, the probe and the model's shapes).
fn probe_key(net: &Network) -> String {
    let c = &net.config;
    format!(
        "{}; libtorch {}; probe v2 {}x{} pieces, {} hidden, {} inner, {} heads",
        precision::cpu_model(),
        precision::LIBTORCH_VERSION,
        BATCH_PIECES,
        net.settings.max_pieces,
        c.hidden_size,
        c.intermediate_size,
        c.num_attention_heads
    )
}

/// Resolves the user's choice for `net` (still in f32): a fixed backend as asked, or
/// `auto`'s pick from the probe's timings, read from the cache file `cache` when an
/// earlier run on the same CPU model and libtorch left them there, else measured now and
/// stored (a cache that cannot be written only costs the next run its own probe).
fn select(net: &Network, choice: PrecisionChoice, cache: Option<&Path>) -> Selection {
    let test_f1 = &net.settings.conll_test_f1;
    if let PrecisionChoice::Fixed(p) = choice {
        return Selection::Asked(p);
    }
    if !precision::needs_probe(test_f1) {
        return precision::choose(test_f1, &Default::default(), TimingSource::Unneeded);
    }
    let key = probe_key(net);
    if let Some(timings) = cache.and_then(|path| ProbeCache::read(path).get(&key)) {
        return precision::choose(test_f1, &timings, TimingSource::Cache);
    }
    let timings = net.probe(BATCH_PIECES);
    if let Some(path) = cache {
        // Another process may have probed meanwhile (shards started together): the first
        // timings written win, so that every run on the machine picks the same backend.
        let mut cache = ProbeCache::read(path);
        if let Some(theirs) = cache.get(&key) {
            return precision::choose(test_f1, &theirs, TimingSource::Cache);
        }
        cache.insert(&key, &timings);
        // Best effort: a read-only home is no reason to fail the run.
        let _ = cache.write(path);
    }
    precision::choose(test_f1, &timings, TimingSource::Probe)
}

/// Gives torch one intra-op thread per core: training runs one large batch at a time.
pub fn use_all_cores() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    tch::set_num_threads(i32::try_from(cores).unwrap_or(1));
}

/// Gives torch one intra-op thread: at inference, batches run side by side, one per rayon
/// worker, which keeps every core busy without the two pools competing for the cores.
pub fn use_one_thread_per_batch() {
    tch::set_num_threads(1);
}

/// What the model was fed: windows, batches, and wordpieces with and without padding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NerStats {
    /// Windows (model input rows).
    pub windows: usize,
    /// Batches (forward passes).
    pub batches: usize,
    /// Wordpieces fed, `[CLS]` and `[SEP]` included.
    pub pieces: usize,
    /// Positions computed: rows times padded width.
    pub slots: usize,
    /// Sentences the model did not read: those that cannot name anything (and any that
    /// give no wordpiece at all).
    pub skipped_sentences: usize,
}

impl NerStats {
    /// The share of computed positions that were padding.
    pub fn padding_ratio(&self) -> f64 {
        if self.slots == 0 {
            0.0
        } else {
            1.0 - self.pieces as f64 / self.slots as f64
        }
    }
}

impl std::ops::AddAssign for NerStats {
    fn add_assign(&mut self, other: NerStats) {
        self.windows += other.windows;
        self.batches += other.batches;
        self.pieces += other.pieces;
        self.slots += other.slots;
        self.skipped_sentences += other.skipped_sentences;
    }
}

/// The network (and what to read off it) lent to the rayon workers for inference.
struct ForwardOnly<'a>(&'a Network, Readout<'a>);

// SAFETY: `tch::Tensor` is not `Sync` because some of its methods change a tensor in place
// through `&self`. The workers only call `read`, which runs the network (and the press
// head) in eval mode under `no_grad` and creates new tensors; it changes no weight.
// libtorch tensors may be read from several threads at once (their reference counts are
// atomic), and the shared borrow of the network (and head) keeps anything else from
// changing them meanwhile.
unsafe impl Sync for ForwardOnly<'_> {}

impl ForwardOnly<'_> {
    /// What the readout asks for, `[B, T, width]` in f32.
    fn read(&self, b: &Batch) -> Tensor {
        tch::no_grad(|| match self.1 {
            Readout::Conll => self.0.infer(b).log_softmax(-1, Kind::Float),
            Readout::WithPress(head) => {
                let (logits, kept) = self.0.infer_layers(b, head.layers());
                Tensor::cat(
                    &[
                        logits.log_softmax(-1, Kind::Float),
                        head.forward_layers(&kept).log_softmax(-1, Kind::Float),
                    ],
                    -1,
                )
            }
            Readout::Features(layers) => self.0.infer_features(b, layers),
        })
    }
}

/// Cuts length-sorted windows into batches whose padded size (rows times the longest
/// window plus `[CLS]` and `[SEP]`) stays within [`BATCH_PIECES`].
fn batch_ranges(windows: &[(usize, Window)]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < windows.len() {
        // Length-sorted, so the last window of a group is its longest.
        let mut j = i + 1;
        while j < windows.len() && (j + 1 - i) * (windows[j].1.len() + 2) <= BATCH_PIECES {
            j += 1;
        }
        ranges.push(i..j);
        i = j;
    }
    ranges
}

/// Splits every word's values after the first `at`: the CoNLL tags and, when there is
/// more, the press tags.
fn split_scores(mut scores: Vec<Vec<f32>>, at: usize) -> (Vec<Vec<f32>>, Option<Vec<Vec<f32>>>) {
    if scores.iter().all(|w| w.len() <= at) {
        return (scores, None);
    }
    let rest = scores.iter_mut().map(|w| w.split_off(at)).collect();
    (scores, Some(rest))
}

/// The CoNLL mentions of one sentence from its words' tag log-probabilities (offsets in
/// the sentence; see [`labels::decode`]).
fn mentions(enc: &Encoded, scores: &[Vec<f32>]) -> Vec<NerSpan> {
    labels::decode::<NerLabel>(scores)
        .into_iter()
        .filter_map(|(c, score)| {
            Some(NerSpan {
                span: enc.words_span(c.start, c.end)?,
                label: c.label,
                score,
            })
        })
        .collect()
}

impl NerModel {
    /// Loads the model stored in `dir`, in the backend `options` ask for (`auto`: see
    /// [`precision`]).
    pub fn load(dir: &Path, options: &NerOptions) -> Result<NerModel> {
        let net =
            Network::load(dir).with_context(|| format!("no NER model in {}", dir.display()))?;
        let tokenizer = load_tokenizer(&dir.join("tokenizer.json"))?;
        use_one_thread_per_batch();
        let press = PressHead::load(dir, net.config.hidden_size as usize)?;
        let cache = ProbeCache::dir().map(|d| ProbeCache::path(&d));
        let selection = select(&net, options.precision, cache.as_deref());
        let fingerprint = fingerprint(dir, selection.precision())?;
        let mut model = NerModel::with_selection(net, tokenizer, selection, fingerprint);
        model.press = press;
        Ok(model)
    }

    /// A model from a network (in f32) and its tokenizer, run in `precision`.
    pub fn from_parts(net: Network, tokenizer: Tokenizer, precision: Precision) -> NerModel {
        let fingerprint = format!("in memory; {precision}");
        NerModel::with_selection(net, tokenizer, Selection::Asked(precision), fingerprint)
    }

    fn with_selection(
        mut net: Network,
        tokenizer: Tokenizer,
        selection: Selection,
        fingerprint: String,
    ) -> NerModel {
        net.set_precision(selection.precision());
        NerModel {
            net,
            tokenizer,
            selection,
            fingerprint,
            press: None,
        }
    }

    /// The press-release head, if the model has one.
    pub fn press_head(&self) -> Option<&PressHead> {
        self.press.as_ref()
    }

    /// Takes the model's press-release head away: `annotate` then finds the CoNLL
    /// mentions alone.
    pub fn drop_press_head(&mut self) {
        if self.press.take().is_some() {
            self.fingerprint.push_str("; no press head");
        }
    }

    /// Replaces the model's press-release head by the one stored in `dir` (`press.json`,
    /// `press.safetensors`), e.g. a head trained without the releases it is run on.
    pub fn use_press_head(&mut self, dir: &Path) -> Result<()> {
        let hidden = self.net.config.hidden_size as usize;
        let head = PressHead::load(dir, hidden)?
            .with_context(|| format!("no press head in {}", dir.display()))?;
        let mut hasher = blake3::Hasher::new();
        for file in [press::SETTINGS_FILE, press::WEIGHTS_FILE] {
            let path = dir.join(file);
            hasher
                .update_mmap(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
        }
        let hash = hasher.finalize().to_hex();
        self.fingerprint = format!("{}; press head {}", self.fingerprint, &hash[..16]);
        self.press = Some(head);
        Ok(())
    }

    /// The backend the model runs in and why (for the summary line and `bench`).
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The network (for training).
    pub fn network(&self) -> &Network {
        &self.net
    }

    /// The tokenizer.
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// Encodes many texts in parallel.
    fn encode_all(&self, texts: &[&str]) -> Result<Vec<Encoded>> {
        let tokenizer = &self.tokenizer;
        texts.par_iter().map(|t| encode(tokenizer, t)).collect()
    }

    /// Encodes the sentences of every document in parallel; a sentence that cannot name
    /// anything ([`encode::may_name_something`]) is left empty, so the model skips it.
    fn encode_sentences(&self, docs: &[Vec<&str>]) -> Result<Vec<Vec<Encoded>>> {
        let tokenizer = &self.tokenizer;
        docs.par_iter()
            .map(|d| {
                d.iter()
                    .map(|t| {
                        if may_name_something(t) {
                            encode(tokenizer, t)
                        } else {
                            Ok(Encoded::default())
                        }
                    })
                    .collect::<Result<Vec<_>>>()
            })
            .collect()
    }

    /// Runs the network over documents of encoded sentences and returns what `readout`
    /// asks for at every word, with what the model was fed.
    ///
    /// Windows of all documents are sorted by length and cut into batches of at most
    /// [`BATCH_PIECES`] slots. Batches run side by side on the rayon workers, each with one
    /// torch thread (see [`use_one_thread_per_batch`]), a round of a few per worker at a
    /// time so that memory stays bounded however many documents come in.
    fn word_scores(
        &self,
        docs: &[Vec<Encoded>],
        readout: Readout<'_>,
    ) -> Result<(WordScores, NerStats)> {
        let max = self.net.settings.max_pieces;
        let streams: Vec<Stream> = docs.iter().map(|d| Stream::new(d, |_, _| None)).collect();
        let mut windows: Vec<(usize, Window)> = streams
            .iter()
            .enumerate()
            .flat_map(|(d, st)| {
                plan_windows(&st.lens, max, |_| max)
                    .into_iter()
                    .map(move |w| (d, w))
            })
            .collect();
        windows.sort_by_key(|(_, w)| w.len());
        let batches = batch_ranges(&windows);
        let mut stats = NerStats {
            windows: windows.len(),
            batches: batches.len(),
            ..NerStats::default()
        };
        // Until the model says otherwise, a word is outside any entity.
        let hidden = self.net.config.hidden_size as usize;
        let unread = readout.unread(hidden);
        let mut out: WordScores = docs
            .iter()
            .map(|d| {
                d.iter()
                    .map(|s| vec![unread.clone(); s.words.len()])
                    .collect()
            })
            .collect();
        let n = readout.width(hidden);
        let net = ForwardOnly(&self.net, readout);
        let round = 4 * rayon::current_num_threads();
        for ranges in batches.chunks(round) {
            let logps = ranges
                .par_iter()
                .map(|range| {
                    let group: Vec<(&Stream, Window)> = windows[range.clone()]
                        .iter()
                        .map(|&(d, w)| (&streams[d], w))
                        .collect();
                    let b = batch(&group);
                    let values = net.read(&b);
                    Ok((b.width, Vec::<f32>::try_from(values.flatten(0, -1))?))
                })
                .collect::<Result<Vec<_>>>()?;
            for (range, (width, flat)) in ranges.iter().zip(logps) {
                stats.slots += range.len() * width;
                for (row, &(d, w)) in windows[range.clone()].iter().enumerate() {
                    stats.pieces += w.len() + 2;
                    for p in w.target_start..w.target_end {
                        if let Some((s, word)) = streams[d].origin[p] {
                            let at = (row * width + 1 + p - w.start) * n;
                            if let Some(slot) = out[d]
                                .get_mut(s as usize)
                                .and_then(|s| s.get_mut(word as usize))
                            {
                                slot.copy_from_slice(&flat[at..at + n]);
                            }
                        }
                    }
                }
            }
        }
        Ok((out, stats))
    }

    /// Identifies the model (its files and precision), for caches of its results.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Finds the entity mentions of every sentence of `releases`, batching sentences of
    /// all releases together, and stores them in `Release::ner`; when the model has a
    /// press-release head, the same pass gives its spans, stored in `Release::press` (the
    /// second layer; file offsets, in text order). Sentences that cannot name anything
    /// ([`encode::may_name_something`]) are not read.
    pub fn annotate(&self, releases: &mut [Release]) -> Result<NerStats> {
        let readout = self
            .press
            .as_ref()
            .map_or(Readout::Conll, Readout::WithPress);
        let texts: Vec<Vec<&str>> = releases
            .iter()
            .map(|r| {
                r.sentences
                    .iter()
                    .map(|s| r.text.get(s.span.range()).unwrap_or(""))
                    .collect()
            })
            .collect();
        let docs = self.encode_sentences(&texts)?;
        let (scores, mut stats) = self.word_scores(&docs, readout)?;
        stats.skipped_sentences = docs.iter().flatten().filter(|e| e.ids.is_empty()).count();
        for ((release, doc), doc_scores) in releases.iter_mut().zip(&docs).zip(scores) {
            release.ner.clear();
            release.press.clear();
            for ((sentence, enc), scores) in release.sentences.iter().zip(doc).zip(doc_scores) {
                let offset = sentence.span.start;
                let (conll, rest) = split_scores(scores, TAGS.len());
                release
                    .ner
                    .extend(mentions(enc, &conll).into_iter().map(|m| NerSpan {
                        span: m.span.shift(offset),
                        ..m
                    }));
                if let Some(rest) = rest {
                    release
                        .press
                        .extend(press::decode(enc, &rest).into_iter().map(|p| PressSpan {
                            span: p.span.shift(offset),
                            ..p
                        }));
                }
            }
        }
        Ok(stats)
    }

    /// The press head's spans of every sentence of documents of sentence texts (offsets
    /// in the sentence), with the encodings, as [`NerModel::annotate`] finds them.
    pub fn tag_press(&self, docs: &[Vec<&str>]) -> Result<(PressTagged, NerStats)> {
        let head = self
            .press
            .as_ref()
            .ok_or_else(|| anyhow!("the NER model has no press-release head"))?;
        let encoded = self.encode_sentences(docs)?;
        let (scores, stats) = self.word_scores(&encoded, Readout::WithPress(head))?;
        let tagged = encoded
            .into_iter()
            .zip(scores)
            .map(|(enc_doc, doc_scores)| {
                let spans = enc_doc
                    .iter()
                    .zip(doc_scores)
                    .map(|(enc, scores)| {
                        let (_, rest) = split_scores(scores, TAGS.len());
                        press::decode(enc, &rest.unwrap_or_default())
                    })
                    .collect();
                (enc_doc, spans)
            })
            .collect();
        Ok((tagged, stats))
    }

    /// The joined outputs of encoder layers `layers` at every word of documents of
    /// sentence texts (the press head's input, f32), with the encodings; sentences that
    /// cannot name anything are skipped, as at inference.
    pub fn word_features(
        &self,
        docs: &[Vec<&str>],
        layers: &[usize],
    ) -> Result<(Vec<Vec<Encoded>>, WordScores)> {
        if layers.is_empty() || layers.iter().any(|&l| l == 0 || l > self.net.depth()) {
            return Err(anyhow!(
                "layers {layers:?}: the encoder has layers 1 to {}",
                self.net.depth()
            ));
        }
        let encoded = self.encode_sentences(docs)?;
        let (features, _) = self.word_scores(&encoded, Readout::Features(layers))?;
        Ok((encoded, features))
    }

    /// Tags the words of CoNLL documents (each CoNLL word takes the tag of its first piece).
    pub fn tag_conll(&self, docs: &[Document]) -> Result<Vec<Vec<Vec<Tag>>>> {
        let texts: Vec<Vec<(String, Vec<usize>)>> = docs
            .iter()
            .map(|d| d.iter().map(|s| s.text()).collect())
            .collect();
        let encoded: Vec<Vec<Encoded>> = texts
            .iter()
            .map(|d| {
                let t: Vec<&str> = d.iter().map(|(t, _)| t.as_str()).collect();
                self.encode_all(&t)
            })
            .collect::<Result<_>>()?;
        let (scores, _) = self.word_scores(&encoded, Readout::Conll)?;
        let mut out = Vec::with_capacity(docs.len());
        for ((doc, enc_doc), (texts, doc_scores)) in
            docs.iter().zip(&encoded).zip(texts.iter().zip(scores))
        {
            let mut tagged = Vec::with_capacity(doc.len());
            for ((sentence, enc), ((_, starts), scores)) in
                doc.iter().zip(enc_doc).zip(texts.iter().zip(doc_scores))
            {
                let pieces: Vec<Tag> = viterbi::<NerLabel>(&scores)
                    .into_iter()
                    .map(|k| TAGS[k])
                    .collect();
                let tags = starts
                    .iter()
                    .zip(&sentence.words)
                    .map(|(&start, word)| {
                        let k = enc.words.partition_point(|w| w.start < start);
                        match (enc.words.get(k), pieces.get(k)) {
                            (Some(w), Some(&t)) if w.start < start + word.len() => t,
                            _ => Tag::Outside,
                        }
                    })
                    .collect();
                tagged.push(tags);
            }
            out.push(tagged);
        }
        Ok(out)
    }

    /// Scores the model on CoNLL documents.
    pub fn evaluate(&self, docs: &[Document]) -> Result<Score> {
        let predicted = self.tag_conll(docs)?;
        let mut score = Score::default();
        for (doc, pred) in docs.iter().zip(&predicted) {
            for (sentence, tags) in doc.iter().zip(pred) {
                score.add(&sentence.tags, tags);
            }
        }
        Ok(score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(len: usize) -> (usize, Window) {
        let w = Window {
            start: 0,
            end: len,
            target_start: 0,
            target_end: len,
        };
        (0, w)
    }

    #[test]
    fn batches_cover_every_window_once_within_the_piece_budget() {
        let mut windows: Vec<(usize, Window)> =
            (0..300).map(|i| window(1 + (i * 37) % 128)).collect();
        windows.sort_by_key(|(_, w)| w.len());
        let ranges = batch_ranges(&windows);
        let mut next = 0;
        for r in &ranges {
            assert_eq!(r.start, next);
            assert!(!r.is_empty());
            let width = windows[r.end - 1].1.len() + 2;
            assert!(r.len() == 1 || r.len() * width <= BATCH_PIECES, "{r:?}");
            next = r.end;
        }
        assert_eq!(next, windows.len());
        // Short windows share batches: far fewer batches than windows.
        assert!(ranges.len() < windows.len() / 4, "{} batches", ranges.len());
        assert!(batch_ranges(&[]).is_empty());
    }

    #[test]
    fn padding_ratio_is_the_share_of_padded_positions() {
        let mut stats = NerStats {
            windows: 2,
            batches: 1,
            pieces: 6,
            slots: 8,
            skipped_sentences: 1,
        };
        assert_eq!(stats.padding_ratio(), 0.25);
        stats += stats;
        assert_eq!(stats.pieces, 12);
        assert_eq!(stats.padding_ratio(), 0.25);
        assert_eq!(NerStats::default().padding_ratio(), 0.0);
    }

    /// `auto` probes when the cache has nothing for this machine (missing or corrupt
    /// file), writes the timings, and the next load takes them from the file; a fixed
    /// backend needs no probe.
    #[test]
    fn auto_reads_the_probe_cache_and_rewrites_a_bad_one() {
        let net = Network::load(&default_model_dir()).expect("the shipped model loads");
        let dir = tempfile::tempdir().unwrap();
        let path = ProbeCache::path(dir.path());
        let auto = PrecisionChoice::Auto;
        let source = |s: &Selection| match s {
            Selection::Auto { source, .. } => *source,
            Selection::Asked(_) => panic!("auto gives an auto selection"),
        };
        for bad in [
            None,
            Some("not json"),
            Some(r#"{"entries": {"another CPU": {}}}"#),
        ] {
            if let Some(text) = bad {
                std::fs::write(&path, text).unwrap();
            }
            let first = select(&net, auto, Some(&path));
            assert_eq!(source(&first), TimingSource::Probe, "{bad:?}");
            let second = select(&net, auto, Some(&path));
            assert_eq!(source(&second), TimingSource::Cache, "{bad:?}");
            assert_eq!(first.precision(), second.precision());
            assert!(ProbeCache::read(&path).get(&probe_key(&net)).is_some());
        }
        // The file decides: timings that make int8 fastest give int8.
        let mut cache = ProbeCache::default();
        let ms = |x: u64| std::time::Duration::from_millis(x);
        let timings = [
            (Precision::F32, ms(30)),
            (Precision::Bf16, ms(20)),
            (Precision::Int8, ms(10)),
        ]
        .into();
        cache.insert(&probe_key(&net), &timings);
        cache.write(&path).unwrap();
        assert_eq!(select(&net, auto, Some(&path)).precision(), Precision::Int8);
        // No cache at all: a probe every time, still a choice.
        assert_eq!(source(&select(&net, auto, None)), TimingSource::Probe);
        let fixed = select(&net, PrecisionChoice::Fixed(Precision::F32), Some(&path));
        assert_eq!(fixed, Selection::Asked(Precision::F32));
    }

    #[test]
    fn default_model_dir_finds_the_bundled_model() {
        // The fallback path ends in models/ner too: only a found config tells it worked.
        let dir = default_model_dir();
        assert!(dir.join("config.json").is_file(), "{}", dir.display());
        assert!(dir.join("tokenizer.json").is_file(), "{}", dir.display());
    }
}
