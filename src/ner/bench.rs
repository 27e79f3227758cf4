//! `whosaid bench-ner`: NER throughput over real releases, measured the way the pipeline
//! calls the model (chunks of releases, one `annotate` call each).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Result;
use rayon::prelude::*;

use super::encode::encode;
use super::{NerModel, NerStats};
use crate::doc::Release;
use crate::{ingest, segment};

/// Releases per `annotate` call (the pipeline's chunk of 64 files, one release each for
/// single-release files).
const CHUNK: usize = 64;

/// What a benchmark run measured.
#[derive(Debug, Clone, Default)]
pub struct BenchReport {
    /// Releases annotated.
    pub releases: usize,
    /// Sentences annotated.
    pub sentences: usize,
    /// Wordpieces in those sentences (without `[CLS]` and `[SEP]`).
    pub pieces: usize,
    /// Entity mentions found.
    pub mentions: usize,
    /// Press-release spans found (when the model has a press head).
    pub press_spans: Option<usize>,
    /// Time spent in `annotate`.
    pub elapsed: Duration,
    /// What the model was fed.
    pub fed: NerStats,
}

impl BenchReport {
    /// One line with the figures.
    pub fn line(&self) -> String {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let press = self
            .press_spans
            .map_or(String::new(), |n| format!(" and {n} press spans"));
        format!(
            "{} releases, {} sentences, {} wordpieces, {} mentions{press} in {:.2} s: {:.1} \
             releases/s; the model read {} wordpieces ({:.0}/s) in {} windows, {} batches, \
             {:.1}% padding, and skipped {} sentences that name nothing",
            self.releases,
            self.sentences,
            self.pieces,
            self.mentions,
            secs,
            self.releases as f64 / secs,
            self.fed.pieces,
            self.fed.pieces as f64 / secs,
            self.fed.windows,
            self.fed.batches,
            100.0 * self.fed.padding_ratio(),
            self.fed.skipped_sentences
        )
    }
}

/// Reads and segments `inputs` (not timed), then times the model over the releases: the
/// CoNLL mentions, and the press head's spans in the same pass when the model has a head.
pub fn bench(inputs: &[PathBuf], model: &NerModel) -> Result<BenchReport> {
    let (files, _) = ingest::discover(inputs);
    let mut releases: Vec<Release> = files
        .par_iter()
        .filter_map(|f| ingest::read(f, ingest::DEFAULT_MAX_BYTES).ok())
        .flat_map(|ingested| ingested.releases)
        .filter_map(|raw| segment::segment(raw).ok())
        .collect();
    let tokenizer = model.tokenizer();
    let pieces: usize = releases
        .par_iter()
        .map(|r| {
            r.sentences
                .iter()
                .filter_map(|s| r.text.get(s.span.range()))
                .filter_map(|t| encode(tokenizer, t).ok())
                .map(|e| e.len())
                .sum::<usize>()
        })
        .sum();
    let started = Instant::now();
    let mut fed = NerStats::default();
    for chunk in releases.chunks_mut(CHUNK) {
        fed += model.annotate(chunk)?;
    }
    let press_spans = model
        .press_head()
        .map(|_| releases.iter().map(|r| r.press.len()).sum());
    Ok(BenchReport {
        releases: releases.len(),
        sentences: releases.iter().map(|r| r.sentences.len()).sum(),
        pieces,
        mentions: releases.iter().map(|r| r.ner.len()).sum(),
        press_spans,
        elapsed: started.elapsed(),
        fed,
    })
}
