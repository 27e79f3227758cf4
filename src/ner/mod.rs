//! Named-entity recognition with a BERT token classifier run through rust-bert.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::doc::Release;

/// Settings for running the model.
#[derive(Debug, Clone)]
pub struct NerOptions {
    /// Run the weights in bfloat16.
    pub bf16: bool,
}

/// A loaded NER model.
pub struct NerModel {
    _dir: PathBuf,
}

impl NerModel {
    /// Loads the model stored in `dir`.
    pub fn load(dir: &Path, options: &NerOptions) -> Result<NerModel> {
        let _ = options;
        bail!("no NER model in {}", dir.display())
    }

    /// Identifies the model's weights, for caches of its results.
    pub fn fingerprint(&self) -> &str {
        "placeholder"
    }

    /// Finds the entity mentions of every sentence of `releases`, batching sentences of
    /// all releases together, and stores them in `Release::ner`.
    pub fn annotate(&self, releases: &mut [Release]) -> Result<()> {
        let _ = releases;
        Ok(())
    }
}
