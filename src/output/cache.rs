//! The cache behind incremental runs: what each input file contributed to the tables last
//! time, keyed by a hash of its content and of the program and model that processed it.
//! A rerun replays unchanged files from here and processes only new or changed ones, and
//! the tables come out byte for byte as a full run would write them: the entries hold the
//! rows before entity resolution, which runs over the whole corpus at the end of each run.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::Fragments;
use crate::ingest::Ingested;

/// Name of the cache directory inside the output directory.
pub const DIR_NAME: &str = ".whosaid-cache";

/// The cache of one output directory.
pub struct Cache {
    dir: PathBuf,
    fingerprint: String,
}

impl Cache {
    /// Opens (creating) the cache in `out`. `fingerprint` identifies the program and model;
    /// entries made by another fingerprint never match.
    pub fn open(out: &Path, fingerprint: &str) -> Result<Cache> {
        let dir = out.join(DIR_NAME);
        fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create the cache {}", dir.display()))?;
        Ok(Cache {
            dir,
            fingerprint: fingerprint.to_string(),
        })
    }

    /// The key of one input file: its source path, every release's text, encoding and
    /// given fields, the records it could not read, and the fingerprint.
    pub fn key(&self, source: &str, ingested: &Ingested) -> String {
        let mut h = blake3::Hasher::new();
        for part in [self.fingerprint.as_str(), source] {
            h.update(part.as_bytes());
            h.update(&[0]);
        }
        for raw in &ingested.releases {
            h.update(&(raw.record as u64).to_le_bytes());
            h.update(raw.encoding.name().as_bytes());
            h.update(&[0]);
            h.update(raw.span.slice(&raw.text).as_bytes());
            for given in [&raw.given_date, &raw.given_title] {
                h.update(&[u8::from(given.is_some())]);
                h.update(given.as_deref().unwrap_or_default().as_bytes());
                h.update(&[0]);
            }
        }
        for bad in &ingested.bad_records {
            h.update(&(bad.record as u64).to_le_bytes());
            h.update(bad.to_string().as_bytes());
            h.update(&[0]);
        }
        h.finalize().to_hex().to_string()
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// The fragments stored under `key`, if any (an unreadable entry counts as missing).
    pub fn get(&self, key: &str) -> Option<Fragments> {
        let bytes = fs::read(self.path(key)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Stores fragments under `key`, atomically.
    pub fn put(&self, key: &str, fragments: &Fragments) -> Result<()> {
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
        serde_json::to_writer(&mut tmp, fragments)?;
        tmp.persist(self.path(key))?;
        Ok(())
    }

    /// Deletes every entry not in `keep` (files removed or changed since), so the cache
    /// holds only what the latest run used.
    pub fn retain(&self, keep: &HashSet<String>) -> Result<()> {
        for entry in fs::read_dir(&self.dir)? {
            let path = entry?.path();
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            if !keep.contains(stem) {
                fs::remove_file(&path)?;
            }
        }
        Ok(())
    }
}
