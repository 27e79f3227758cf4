//! The learned speaker chooser: a logistic model that scores each candidate speaker the
//! attribution rules propose ([`crate::attribution::Candidate`]) and takes the most likely
//! one, or none when no candidate is likely enough.
//!
//! The stages reach it through [`crate::attribution::SpeakerChooser`]; training
//! ([`train`]) and the gold labels it learns from ([`gold`]) live here too. The shipped
//! weights are `models/speaker/model.json` (its card is `models/speaker/MODEL_CARD.md`),
//! compiled into the binary so that it never goes missing.

pub mod gold;
pub mod train;

use std::path::Path;
use std::sync::LazyLock;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use crate::attribution::{Candidate, QuoteContext, SpeakerChooser, FEATURE_NAMES};

/// A logistic model over the candidate features.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerModel {
    /// Feature names, in the order of `weights` (must equal [`FEATURE_NAMES`]).
    pub features: Vec<String>,
    /// One weight per feature.
    pub weights: Vec<f32>,
    /// The intercept.
    pub bias: f32,
    /// Least probability for the best candidate to be taken; below it the quotation
    /// stays without a speaker.
    pub threshold: f32,
    /// What it was trained on, for the record.
    pub trained_on: String,
}

static BUNDLED: LazyLock<SpeakerModel> = LazyLock::new(|| {
    SpeakerModel::from_json(include_str!("../../models/speaker/model.json"))
        .expect("the bundled speaker model matches the feature set it was built with")
});

impl SpeakerModel {
    /// The model shipped in `models/speaker/model.json`.
    pub fn bundled() -> &'static SpeakerModel {
        &BUNDLED
    }

    /// Reads a model file written by [`SpeakerModel::save`].
    pub fn load(path: &Path) -> Result<SpeakerModel> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the speaker model {}", path.display()))?;
        SpeakerModel::from_json(&text).with_context(|| format!("{}", path.display()))
    }

    /// Parses a model and checks that it was trained on today's features.
    pub fn from_json(text: &str) -> Result<SpeakerModel> {
        let model: SpeakerModel = serde_json::from_str(text).context("not a speaker model")?;
        if model.features != FEATURE_NAMES || model.weights.len() != FEATURE_NAMES.len() {
            bail!(
                "the speaker model was trained on other features ({} of them); retrain it",
                model.features.len()
            );
        }
        Ok(model)
    }

    /// Writes the model as pretty JSON.
    pub fn save(&self, path: &Path) -> Result<()> {
        let json = serde_json::to_string_pretty(self)?;
        std::fs::write(path, json + "\n")
            .with_context(|| format!("cannot write {}", path.display()))
    }

    /// The probability that a candidate with these features is the speaker.
    pub fn probability(&self, features: &[f32]) -> f32 {
        let z: f32 = self.bias
            + self
                .weights
                .iter()
                .zip(features)
                .map(|(w, x)| w * x)
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

impl SpeakerChooser for SpeakerModel {
    fn choose(&self, q: &QuoteContext, candidates: &[Candidate]) -> Option<(usize, f32)> {
        // Ties go to the earlier candidate (the rule's comes first), so the choice does
        // not depend on float noise in the order of the sum.
        let mut best: Option<(usize, f32)> = None;
        for (i, c) in candidates.iter().enumerate() {
            let p = self.probability(&c.features(q));
            if best.is_none_or(|(_, b)| p > b) {
                best = Some((i, p));
            }
        }
        best.filter(|&(_, p)| p >= self.threshold)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::{Source, Sources};

    fn model(weights: &[(&str, f32)], threshold: f32) -> SpeakerModel {
        SpeakerModel {
            features: FEATURE_NAMES.iter().map(|s| s.to_string()).collect(),
            weights: FEATURE_NAMES
                .iter()
                .map(|n| {
                    weights
                        .iter()
                        .find(|(k, _)| k == n)
                        .map_or(0.0, |(_, w)| *w)
                })
                .collect(),
            bias: -1.0,
            threshold,
            trained_on: "test".into(),
        }
    }

    fn candidate(name: &str, sources: Sources) -> Candidate {
        crate::attribution::test_candidate(name, sources)
    }

    #[test]
    fn takes_the_likeliest_candidate_above_the_threshold() {
        let q = QuoteContext {
            has_cue: false,
            ..QuoteContext::empty()
        };
        let cands = [
            candidate("Bo Tarn", Sources::only(Source::Nearest)),
            candidate("Ada Quill", Sources::only(Source::Issuer)),
        ];
        let m = model(&[("issuer_no_cue", 3.0)], 0.5);
        let (i, p) = m.choose(&q, &cands).unwrap();
        assert_eq!(i, 1);
        assert!((p - 1.0 / (1.0 + (-2.0f32).exp())).abs() < 1e-6);
        let strict = model(&[("issuer_no_cue", 3.0)], 0.95);
        assert_eq!(strict.choose(&q, &cands), None);
        assert_eq!(m.choose(&q, &[]), None);
    }

    #[test]
    fn the_bundled_model_loads_and_a_stale_one_is_refused() {
        let m = SpeakerModel::bundled();
        assert_eq!(m.weights.len(), FEATURE_NAMES.len());
        let mut stale = serde_json::to_value(m).unwrap();
        stale["features"][0] = "something_else".into();
        let err = SpeakerModel::from_json(&stale.to_string()).unwrap_err();
        assert!(err.to_string().contains("other features"), "{err}");
        assert!(SpeakerModel::from_json("{}").is_err());
    }
}
