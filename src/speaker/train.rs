//! Training the speaker model: labelled candidate rows from gold releases, a logistic
//! regression fitted on them (linfa), and the threshold below which a quotation is left
//! without a speaker.
//!
//! `whosaid speaker-data` writes the rows (one JSON line per predicted quotation that a
//! gold quotation labels), `whosaid train-speaker` fits a model on them. Cross-validation
//! (`scripts/cv-speaker.sh`) trains one model per fold on the other folds' rows.

use std::collections::HashSet;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use linfa::prelude::*;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};

use super::gold::{GoldRelease, Truth};
use super::SpeakerModel;
use crate::attribution::{self, RuleChooser, FEATURES, FEATURE_NAMES};
use crate::entities::RuleDecider;
use crate::ingest;
use crate::ner::NerModel;
use crate::pipeline::{self, StageTimes};
use crate::quotes;

/// One predicted quotation with a gold label: its candidates' features and which are right.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The gold file (its base name), for folds.
    pub file: String,
    /// The gold says the quotation has no speaker.
    pub nobody: bool,
    /// Features of each candidate.
    pub features: Vec<Vec<f32>>,
    /// Whether each candidate is the gold speaker.
    pub labels: Vec<bool>,
}

/// Runs the pipeline over the gold directories and labels each predicted quotation that a
/// gold quotation covers.
pub fn rows(dirs: &[PathBuf], ner: Option<&NerModel>, max_bytes: u64) -> Result<Vec<Row>> {
    let mut raws = Vec::new();
    let mut golds = Vec::new();
    for (f, gold_path) in &ingest::annotated(dirs)? {
        let gold = GoldRelease::load(gold_path)?;
        let file_raws = ingest::read(f, max_bytes)
            .map_err(|e| anyhow::anyhow!("{}: {e}", f.source))?
            .releases;
        golds.extend(std::iter::repeat_n(gold.clone(), file_raws.len()));
        raws.extend(file_raws);
    }
    let mut stages = StageTimes::default();
    let analyses = pipeline::process(raws, ner, &RuleDecider, &RuleChooser, &mut stages)?;
    let mut out = Vec::new();
    for (analysis, gold) in analyses.into_iter().zip(golds) {
        let Ok(a) = analysis else { continue };
        let spans = quotes::extract(&a.release);
        for d in attribution::decide(&a.release, &a.entities, &spans, &RuleChooser) {
            let Some(truth) = gold.truth_for(d.quote.span.slice(&a.release.text)) else {
                continue;
            };
            out.push(Row {
                file: gold.file.clone(),
                nobody: truth == Truth::Nobody,
                features: d
                    .candidates
                    .iter()
                    .map(|c| c.features(&d.context).to_vec())
                    .collect(),
                labels: d
                    .candidates
                    .iter()
                    .map(|c| truth.accepts(&c.speaker.name))
                    .collect(),
            });
        }
    }
    Ok(out)
}

/// Writes rows as JSON Lines.
pub fn write_rows(rows: &[Row], mut out: impl Write) -> Result<()> {
    for r in rows {
        serde_json::to_writer(&mut out, r)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Reads rows written by [`write_rows`].
pub fn read_rows(path: &Path) -> Result<Vec<Row>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut rows = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let row: Row = serde_json::from_str(&line)
            .with_context(|| format!("{}: line {}", path.display(), n + 1))?;
        if row.features.iter().any(|f| f.len() != FEATURES) {
            bail!(
                "{}: line {}: rows of another feature set; make them again",
                path.display(),
                n + 1
            );
        }
        rows.push(row);
    }
    Ok(rows)
}

/// How a model is fitted.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// L2 penalty of the logistic regression.
    pub alpha: f64,
    /// Files whose rows are left out (the fold being scored).
    pub exclude: HashSet<String>,
    /// A note kept in the model file.
    pub trained_on: String,
}

/// Fits the speaker model on the rows of every file not excluded.
pub fn train(rows: &[Row], options: &TrainOptions) -> Result<SpeakerModel> {
    let rows: Vec<&Row> = rows
        .iter()
        .filter(|r| !options.exclude.contains(&r.file))
        .collect();
    let n: usize = rows.iter().map(|r| r.features.len()).sum();
    let positives = rows.iter().flat_map(|r| &r.labels).filter(|&&l| l).count();
    if positives == 0 || positives == n {
        bail!("{n} candidates, {positives} right ones: nothing to learn from");
    }
    let mut x = Array2::<f64>::zeros((n, FEATURES));
    let mut y = Array1::<bool>::from_elem(n, false);
    let mut i = 0;
    for r in &rows {
        for (f, &l) in r.features.iter().zip(&r.labels) {
            for (j, v) in f.iter().enumerate() {
                x[[i, j]] = f64::from(*v);
            }
            y[i] = l;
            i += 1;
        }
    }
    let fit = LogisticRegression::default()
        .alpha(options.alpha)
        .max_iterations(500)
        .fit(&Dataset::new(x, y))
        .context("the logistic regression did not converge")?;
    // The parameters give the log-odds of linfa's positive class; turn them to `true`'s.
    let sign = if fit.labels().pos.class { 1.0 } else { -1.0 };
    let mut model = SpeakerModel {
        features: FEATURE_NAMES.iter().map(|s| s.to_string()).collect(),
        weights: fit.params().iter().map(|w| (sign * w) as f32).collect(),
        bias: (sign * fit.intercept()) as f32,
        threshold: 0.5,
        trained_on: options.trained_on.clone(),
    };
    model.threshold = best_threshold(&model, &rows);
    Ok(model)
}

/// The threshold that makes the most training quotations right: the best candidate taken
/// when it is right, or no speaker when the gold has none.
fn best_threshold(model: &SpeakerModel, rows: &[&Row]) -> f32 {
    let scored: Vec<(f32, bool, bool)> = rows
        .iter()
        .filter_map(|r| {
            let (best, p) = r
                .features
                .iter()
                .map(|f| model.probability(f))
                .enumerate()
                .fold(None, |acc: Option<(usize, f32)>, (i, p)| match acc {
                    Some((_, b)) if b >= p => acc,
                    _ => Some((i, p)),
                })?;
            Some((p, r.labels[best], r.nobody))
        })
        .collect();
    let right = |t: f32| {
        scored
            .iter()
            .filter(|&&(p, ok, nobody)| if p >= t { ok } else { nobody })
            .count()
    };
    (0..20)
        .map(|k| k as f32 / 20.0)
        .max_by_key(|&t| (right(t), std::cmp::Reverse((t * 100.0) as i32)))
        .unwrap_or(0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(name: &str) -> usize {
        FEATURE_NAMES.iter().position(|&n| n == name).unwrap()
    }

    fn features(on: &[&str]) -> Vec<f32> {
        let mut f = vec![0.0; FEATURES];
        for n in on {
            f[at(n)] = 1.0;
        }
        f
    }

    /// Rows where the rule is right when it has a cue, and the issuer when it has none.
    fn rows() -> Vec<Row> {
        let mut rows = Vec::new();
        for k in 0..40 {
            let cue = k % 2 == 0;
            let rule = features(&["src_rule", "rule_after", "person_entity"]);
            let issuer = if cue {
                features(&["src_issuer", "person_entity"])
            } else {
                features(&["src_issuer", "issuer_no_cue", "no_cue", "person_entity"])
            };
            let nearest = features(&["src_nearest", "plain_name"]);
            let (features, labels) = if cue {
                (vec![rule, issuer, nearest], vec![true, false, false])
            } else {
                (vec![issuer, nearest], vec![true, false])
            };
            rows.push(Row {
                file: format!("f{}.txt", k % 5),
                nobody: false,
                features,
                labels,
            });
        }
        rows
    }

    #[test]
    fn learns_to_prefer_the_right_source() {
        let options = TrainOptions {
            alpha: 0.1,
            exclude: HashSet::new(),
            trained_on: "synthetic".into(),
        };
        let m = train(&rows(), &options).unwrap();
        let p = |on: &[&str]| m.probability(&features(on));
        assert!(
            p(&["src_rule", "rule_after", "person_entity"]) > p(&["src_issuer", "person_entity"])
        );
        assert!(
            p(&["src_issuer", "issuer_no_cue", "no_cue", "person_entity"])
                > p(&["src_nearest", "plain_name"])
        );
        assert!((0.0..1.0).contains(&m.threshold));
    }

    #[test]
    fn excluded_files_are_left_out() {
        let all = rows();
        let exclude: HashSet<String> = (0..5).map(|k| format!("f{k}.txt")).collect();
        let options = TrainOptions {
            alpha: 0.1,
            exclude,
            trained_on: "none".into(),
        };
        assert!(train(&all, &options).is_err());
    }

    #[test]
    fn rows_round_trip_and_stale_rows_are_refused() {
        let all = rows();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rows.jsonl");
        write_rows(&all, std::fs::File::create(&path).unwrap()).unwrap();
        assert_eq!(read_rows(&path).unwrap(), all);
        std::fs::write(
            &path,
            r#"{"file":"a","nobody":false,"features":[[1.0]],"labels":[true]}"#,
        )
        .unwrap();
        assert!(read_rows(&path).is_err());
    }
}
