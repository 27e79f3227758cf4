//! The `bench` command: runs the pipeline several times over the same inputs and reports
//! medians, so a figure can be rerun by anyone and compared across changes.

use std::fmt;
use std::time::Duration;

use anyhow::Result;

use crate::ner::precision::Selection;
use crate::ner::{NerModel, NerStats};
use crate::pipeline::{self, Options, Summary};

/// Medians over the repeated runs.
#[derive(Debug, Clone)]
pub struct Report {
    /// Number of runs.
    pub runs: usize,
    /// Releases per run.
    pub releases: usize,
    /// Median releases per second.
    pub releases_per_second: f64,
    /// Median wall-clock seconds per run.
    pub seconds: f64,
    /// Median seconds in ingest + segmentation.
    pub ingest_segment: f64,
    /// Median seconds in the NER model.
    pub ner: f64,
    /// Median seconds in the rule stages.
    pub rules: f64,
    /// Median seconds writing tables (the resolution pass included).
    pub output: f64,
    /// Median seconds of the resolution pass alone.
    pub resolve: f64,
    /// Median wordpieces the model read per second of the NER stage.
    pub ner_pieces_per_second: f64,
    /// What the model was fed in one run (the same every run).
    pub ner_input: NerStats,
    /// Peak resident memory of the process, in MiB (Linux `VmHWM`), if known.
    pub peak_rss_mib: Option<f64>,
    /// The model's backend and why it was chosen (none without the model).
    pub ner_backend: Option<Selection>,
}

/// Runs the pipeline `runs` times (writing to `options.out` each time) and reports medians;
/// `on_event` hears every run's [`pipeline::Event`]s.
pub fn run(
    options: &Options,
    model: Option<&NerModel>,
    runs: usize,
    on_event: &mut dyn FnMut(pipeline::Event<'_>),
) -> Result<Report> {
    // Every run processes everything: replaying from the cache would time nothing.
    let options = Options {
        incremental: false,
        ..options.clone()
    };
    let mut summaries: Vec<Summary> = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        summaries.push(pipeline::run(&options, model, on_event)?);
    }
    let median_of = |f: &dyn Fn(&Summary) -> f64| median(summaries.iter().map(f).collect());
    let secs = |d: Duration| d.as_secs_f64();
    Ok(Report {
        runs: summaries.len(),
        releases: summaries[0].releases,
        releases_per_second: median_of(&|s| s.releases_per_second()),
        seconds: median_of(&|s| secs(s.elapsed)),
        ingest_segment: median_of(&|s| secs(s.stages.ingest_segment)),
        ner: median_of(&|s| secs(s.stages.ner)),
        rules: median_of(&|s| secs(s.stages.rules)),
        output: median_of(&|s| secs(s.stages.output)),
        resolve: median_of(&|s| secs(s.stages.resolve)),
        ner_pieces_per_second: median_of(&|s| {
            s.stages.ner_input.pieces as f64 / secs(s.stages.ner).max(1e-9)
        }),
        ner_input: summaries[0].stages.ner_input,
        peak_rss_mib: peak_rss_mib(),
        ner_backend: model.map(|m| m.selection().clone()),
    })
}

/// The median of some values (the mean of the middle two for an even count).
pub fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// Peak resident set size of this process in MiB, from `/proc/self/status` (Linux).
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "runs                 {}", self.runs)?;
        writeln!(f, "releases per run     {}", self.releases)?;
        writeln!(f, "median seconds       {:.3}", self.seconds)?;
        writeln!(f, "  ingest+segment     {:.3}", self.ingest_segment)?;
        writeln!(f, "  ner                {:.3}", self.ner)?;
        writeln!(f, "  rules              {:.3}", self.rules)?;
        writeln!(f, "  output             {:.3}", self.output)?;
        writeln!(f, "    resolution       {:.3}", self.resolve)?;
        if let Some(backend) = &self.ner_backend {
            writeln!(f, "ner backend          {backend}")?;
            if let Some(probe) = backend.probe_line() {
                writeln!(f, "ner probe            {probe}")?;
            }
        }
        if self.ner_input.pieces > 0 {
            writeln!(
                f,
                "ner input            {} wordpieces in {} windows, {} batches, {:.1}% padding; \
                 {} sentences skipped",
                self.ner_input.pieces,
                self.ner_input.windows,
                self.ner_input.batches,
                100.0 * self.ner_input.padding_ratio(),
                self.ner_input.skipped_sentences
            )?;
            writeln!(f, "ner wordpieces/s     {:.0}", self.ner_pieces_per_second)?;
        }
        if let Some(mib) = self.peak_rss_mib {
            writeln!(f, "peak memory          {mib:.0} MiB")?;
        }
        write!(f, "releases/s (median)  {:.1}", self.releases_per_second)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(vec![]).is_nan());
    }

    #[test]
    fn peak_memory_is_known_on_linux() {
        let mib = peak_rss_mib().expect("VmHWM in /proc/self/status");
        assert!(mib > 0.0);
    }
}
