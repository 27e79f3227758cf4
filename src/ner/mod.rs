//! Named-entity recognition with a BERT token classifier run through rust-bert.
//!
//! The model is all-MiniLM-L6-v2 (uncased) fine-tuned on CoNLL-2003 with a learned casing
//! embedding added to the word embeddings (see `models/ner/MODEL_CARD.md`). Text is cut into
//! wordpieces by the `tokenizers` crate; a word is the tokenizer's pre-token and is labelled
//! by its first piece. Consecutive sentences of a document are packed into windows of at
//! most `max_pieces` pieces, so each sentence is read with its neighbours; a longer
//! sentence is split into overlapping windows, never truncated. Windows of all releases are
//! sorted by length and batched, and tags are decoded with IOB2 transition constraints.

pub mod bench;
pub mod conll;
pub mod encode;
pub mod labels;
pub mod model;
pub mod train;

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use rayon::prelude::*;
use tch::Kind;
use tokenizers::Tokenizer;

use crate::doc::{NerSpan, Release, Span};
use conll::{Document, Score};
use encode::{batch, encode, plan_windows, Encoded, Stream, Window};
use labels::{chunks, viterbi, Tag, TAGS};
use model::Network;

/// Most wordpieces (padding included) in one batch at inference. Measured with bench-ner on
/// 50 Brooklyn releases: 8,192 ran at ~7,200 wordpieces/s, 2,048 at ~11,200 and 1,024 at
/// ~11,100; large batches spent a fifth of the time in page faults for their activations.
const BATCH_PIECES: usize = 2048;

/// Settings for running the model.
#[derive(Debug, Clone)]
pub struct NerOptions {
    /// Run the weights in bfloat16.
    pub bf16: bool,
}

/// A loaded NER model.
pub struct NerModel {
    net: Network,
    tokenizer: Tokenizer,
    fingerprint: String,
}

/// Log-probabilities of every tag for every word, per document and sentence.
type WordScores = Vec<Vec<Vec<Vec<f32>>>>;

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
fn fingerprint(dir: &Path, options: &NerOptions) -> Result<String> {
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
        "{}; bf16 {}",
        &hasher.finalize().to_hex()[..16],
        options.bf16
    ))
}

/// Uses every core for torch's intra-op threads: `annotate` runs between the rayon stages,
/// when the rayon workers are idle, so the two never compete.
pub fn set_threads() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    tch::set_num_threads(i32::try_from(cores).unwrap_or(1));
}

impl NerModel {
    /// Loads the model stored in `dir`.
    pub fn load(dir: &Path, options: &NerOptions) -> Result<NerModel> {
        let net =
            Network::load(dir).with_context(|| format!("no NER model in {}", dir.display()))?;
        let tokenizer = load_tokenizer(&dir.join("tokenizer.json"))?;
        set_threads();
        let mut model = NerModel::from_parts(net, tokenizer, options);
        model.fingerprint = fingerprint(dir, options)?;
        Ok(model)
    }

    /// A model from a network and its tokenizer.
    pub fn from_parts(mut net: Network, tokenizer: Tokenizer, options: &NerOptions) -> NerModel {
        net.set_kind(if options.bf16 {
            Kind::BFloat16
        } else {
            Kind::Float
        });
        NerModel {
            net,
            tokenizer,
            fingerprint: format!("in memory; bf16 {}", options.bf16),
        }
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

    /// Runs the network over documents of encoded sentences and returns the tag
    /// log-probabilities of every word.
    fn word_scores(&self, docs: &[Vec<Encoded>]) -> Result<WordScores> {
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
        // Until the model says otherwise, a word is outside any entity.
        let mut outside = vec![-1e4f32; TAGS.len()];
        outside[Tag::Outside.index()] = 0.0;
        let mut out: WordScores = docs
            .iter()
            .map(|d| {
                d.iter()
                    .map(|s| vec![outside.clone(); s.words.len()])
                    .collect()
            })
            .collect();
        let mut i = 0;
        while i < windows.len() {
            // Length-sorted, so the last window of a group is its longest.
            let mut j = i + 1;
            while j < windows.len() && (j + 1 - i) * (windows[j].1.len() + 2) <= BATCH_PIECES {
                j += 1;
            }
            let group: Vec<(&Stream, Window)> = windows[i..j]
                .iter()
                .map(|&(d, w)| (&streams[d], w))
                .collect();
            let b = batch(&group);
            let logp = tch::no_grad(|| self.net.forward(&b, false).log_softmax(-1, Kind::Float));
            let flat = Vec::<f32>::try_from(logp.flatten(0, -1))?;
            let n = TAGS.len();
            for (row, &(d, w)) in windows[i..j].iter().enumerate() {
                for p in w.target_start..w.target_end {
                    if let Some((s, word)) = streams[d].origin[p] {
                        let at = (row * b.width + 1 + p - w.start) * n;
                        if let Some(slot) = out[d]
                            .get_mut(s as usize)
                            .and_then(|s| s.get_mut(word as usize))
                        {
                            slot.copy_from_slice(&flat[at..at + n]);
                        }
                    }
                }
            }
            i = j;
        }
        Ok(out)
    }

    /// Identifies the model (its files and precision), for caches of its results.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Finds the entity mentions of every sentence of `releases`, batching sentences of
    /// all releases together, and stores them in `Release::ner`.
    pub fn annotate(&self, releases: &mut [Release]) -> Result<()> {
        let tokenizer = &self.tokenizer;
        let docs: Vec<Vec<Encoded>> = releases
            .par_iter()
            .map(|r| {
                r.sentences
                    .iter()
                    .map(|s| {
                        r.text
                            .get(s.span.range())
                            .map_or(Ok(Encoded::default()), |t| encode(tokenizer, t))
                    })
                    .collect::<Result<Vec<_>>>()
            })
            .collect::<Result<_>>()?;
        let scores = self.word_scores(&docs)?;
        for ((release, doc), doc_scores) in releases.iter_mut().zip(&docs).zip(scores) {
            release.ner.clear();
            for ((sentence, enc), scores) in release.sentences.iter().zip(doc).zip(doc_scores) {
                let path = viterbi(&scores);
                let tags: Vec<Tag> = path.iter().map(|&k| TAGS[k]).collect();
                for c in chunks(&tags) {
                    let (Some(first), Some(last)) =
                        (enc.words.get(c.start), enc.words.get(c.end - 1))
                    else {
                        continue;
                    };
                    let prob: f32 = (c.start..c.end).map(|w| scores[w][path[w]].exp()).sum();
                    release.ner.push(NerSpan {
                        span: Span::new(first.start, last.end).shift(sentence.span.start),
                        label: c.label,
                        score: prob / (c.end - c.start) as f32,
                    });
                }
            }
        }
        Ok(())
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
        let scores = self.word_scores(&encoded)?;
        let mut out = Vec::with_capacity(docs.len());
        for ((doc, enc_doc), (texts, doc_scores)) in
            docs.iter().zip(&encoded).zip(texts.iter().zip(scores))
        {
            let mut tagged = Vec::with_capacity(doc.len());
            for ((sentence, enc), ((_, starts), scores)) in
                doc.iter().zip(enc_doc).zip(texts.iter().zip(doc_scores))
            {
                let pieces: Vec<Tag> = viterbi(&scores).into_iter().map(|k| TAGS[k]).collect();
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

    #[test]
    fn default_model_dir_ends_in_models_ner() {
        assert!(default_model_dir().ends_with("models/ner"));
    }
}
