//! The numeric backend the model runs in, and how `auto` picks one for the CPU at hand.
//!
//! Which backend is fastest depends on the machine, not on its CPU flags: on an AMD EPYC
//! with AVX-512 BF16 the bf16 matrix kernels run at more than twice the f32 rate, while an
//! Intel Xeon with the same flags but no AMX ran bf16 slower than f32 and dynamic int8
//! faster than both. So `auto` times one encoder layer of the model at its own batch shape
//! in every backend (the probe, [`super::model::Network::probe`]), keeps the timings in the
//! user cache per CPU model and libtorch version ([`ProbeCache`]), and [`choose`]s the
//! fastest backend whose CoNLL-2003 test F1, recorded with the model, holds the floor.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// CoNLL-2003 test F1 below which `auto` never chooses a backend.
pub const F1_FLOOR: f64 = 90.0;

/// How the network computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Weights and activations in f32: the model as trained.
    F32,
    /// Weights and activations in bfloat16.
    Bf16,
    /// The linear layers of the encoder with int8 weights (quantised once at load) and
    /// activations quantised per batch (libtorch's fbgemm kernels); everything else f32.
    Int8,
}

impl Precision {
    /// Every backend, the reference (f32) first.
    pub const ALL: [Precision; 3] = [Precision::F32, Precision::Bf16, Precision::Int8];

    /// The name used on the command line and in files.
    pub fn name(self) -> &'static str {
        match self {
            Precision::F32 => "f32",
            Precision::Bf16 => "bf16",
            Precision::Int8 => "int8",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Precision {
    type Err = String;

    fn from_str(s: &str) -> Result<Precision, String> {
        Precision::ALL
            .into_iter()
            .find(|p| p.name() == s)
            .ok_or_else(|| format!("unknown precision {s:?} (expected f32, bf16 or int8)"))
    }
}

/// What the user asked for: one backend, or the probe's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PrecisionChoice {
    /// Probe the machine and take the fastest backend that keeps the accuracy floor.
    #[default]
    Auto,
    /// This backend, whatever the probe would say.
    Fixed(Precision),
}

impl FromStr for PrecisionChoice {
    type Err = String;

    fn from_str(s: &str) -> Result<PrecisionChoice, String> {
        if s == "auto" {
            return Ok(PrecisionChoice::Auto);
        }
        s.parse()
            .map(PrecisionChoice::Fixed)
            .map_err(|_| format!("unknown precision {s:?} (expected auto, f32, bf16 or int8)"))
    }
}

/// Median time of one encoder layer per backend, as the probe measured it.
pub type Timings = BTreeMap<Precision, Duration>;

/// Why a backend could not be chosen by `auto`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Exclusion {
    /// The model records no CoNLL test F1 for it.
    Unscored,
    /// Its recorded F1 is below [`F1_FLOOR`].
    BelowFloor(f64),
    /// The probe has no timing for it.
    Untimed,
}

/// Where `auto`'s timings came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimingSource {
    /// A probe run by this process.
    Probe,
    /// The cache of an earlier probe on the same CPU model and libtorch.
    Cache,
    /// No probe: f32 was the only eligible backend.
    Unneeded,
}

/// The backend that runs, and why.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    /// Asked for on the command line.
    Asked(Precision),
    /// Chosen by `auto`.
    Auto {
        /// The fastest eligible backend.
        precision: Precision,
        /// f32's probe time over the chosen one's (1.0 when f32 was chosen or untimed).
        speedup: f64,
        /// Where the timings came from.
        source: TimingSource,
        /// The backends that were not eligible.
        excluded: Vec<(Precision, Exclusion)>,
        /// The probe's timings (empty when none were needed).
        timings: Timings,
    },
}

impl Selection {
    /// The backend that runs.
    pub fn precision(&self) -> Precision {
        match self {
            Selection::Asked(p) | Selection::Auto { precision: p, .. } => *p,
        }
    }

    /// The probe's timings in one line ("f32 25.9 ms, bf16 8.1 ms, int8 7.1 ms per
    /// encoder layer"), when `auto` used some.
    pub fn probe_line(&self) -> Option<String> {
        match self {
            Selection::Auto { timings, .. } if !timings.is_empty() => {
                let each: Vec<String> = timings
                    .iter()
                    .map(|(p, t)| format!("{p} {:.1} ms", t.as_secs_f64() * 1e3))
                    .collect();
                Some(format!("{} per encoder layer", each.join(", ")))
            }
            _ => None,
        }
    }
}

impl fmt::Display for Selection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selection::Asked(p) => write!(f, "{p} (--precision {p})"),
            Selection::Auto {
                precision,
                speedup,
                source,
                excluded,
                ..
            } => {
                let mut parts = Vec::new();
                let probe = match source {
                    TimingSource::Probe => Some("in the probe"),
                    TimingSource::Cache => Some("in the cached probe"),
                    TimingSource::Unneeded => None,
                };
                if let Some(probe) = probe {
                    parts.push(if *precision == Precision::F32 {
                        format!("f32 fastest {probe}")
                    } else {
                        format!("{speedup:.1}x f32 {probe}")
                    });
                }
                parts.extend(excluded.iter().map(|(p, why)| match why {
                    Exclusion::Unscored => format!("{p} has no recorded F1"),
                    Exclusion::BelowFloor(f1) => format!("{p} F1 {f1:.2} < {F1_FLOOR:.1}"),
                    Exclusion::Untimed => format!("{p} not timed"),
                }));
                write!(f, "{precision} (auto: {})", parts.join("; "))
            }
        }
    }
}

/// The backends `auto` may choose given the model's recorded CoNLL test F1 per backend,
/// and the others with the reason. f32 is the model as trained and always eligible.
pub fn eligible(
    test_f1: &BTreeMap<Precision, f64>,
) -> (Vec<Precision>, Vec<(Precision, Exclusion)>) {
    let mut ok = Vec::new();
    let mut excluded = Vec::new();
    for p in Precision::ALL {
        match test_f1.get(&p) {
            _ if p == Precision::F32 => ok.push(p),
            Some(&f1) if f1 >= F1_FLOOR => ok.push(p),
            Some(&f1) => excluded.push((p, Exclusion::BelowFloor(f1))),
            None => excluded.push((p, Exclusion::Unscored)),
        }
    }
    (ok, excluded)
}

/// Whether `auto` needs timings: more than one backend is eligible.
pub fn needs_probe(test_f1: &BTreeMap<Precision, f64>) -> bool {
    eligible(test_f1).0.len() > 1
}

/// How much faster (as a share of the time) a backend must be in the probe to displace one
/// earlier in [`Precision::ALL`]: differences within the probe's noise do not flip the
/// choice from run to run of the probe.
pub const MARGIN: f64 = 0.05;

/// `auto`'s choice: the eligible backend (see [`eligible`]) with the shortest probe time,
/// except that a backend later in [`Precision::ALL`] (f32, bf16, int8: the order of
/// exactness) must beat the best so far by [`MARGIN`]. An eligible backend without a
/// timing is skipped; with no timing at all, f32. With f32 the only eligible
/// backend, the timings are not looked at (`source` should then be
/// [`TimingSource::Unneeded`]).
pub fn choose(
    test_f1: &BTreeMap<Precision, f64>,
    timings: &Timings,
    source: TimingSource,
) -> Selection {
    let (ok, mut excluded) = eligible(test_f1);
    if ok == [Precision::F32] {
        return Selection::Auto {
            precision: Precision::F32,
            speedup: 1.0,
            source: TimingSource::Unneeded,
            excluded,
            timings: Timings::new(),
        };
    }
    let mut best: Option<(Precision, Duration)> = None;
    for p in ok {
        match timings.get(&p) {
            Some(&t)
                if best.is_none_or(|(_, b)| t.as_secs_f64() < b.as_secs_f64() * (1.0 - MARGIN)) =>
            {
                best = Some((p, t))
            }
            Some(_) => {}
            None => excluded.push((p, Exclusion::Untimed)),
        }
    }
    excluded.sort_by_key(|(p, _)| *p);
    let precision = best.map_or(Precision::F32, |(p, _)| p);
    let speedup = match (timings.get(&Precision::F32), best) {
        (Some(f32), Some((_, t))) if !t.is_zero() => f32.as_secs_f64() / t.as_secs_f64(),
        _ => 1.0,
    };
    Selection::Auto {
        precision,
        speedup,
        source,
        excluded,
        timings: timings.clone(),
    }
}

/// Probe timings kept between runs, in one JSON file of the user cache, under a key naming
/// the CPU model, the libtorch version and the probe's shapes. A file that cannot be read
/// or parsed counts as empty and is rewritten; an entry under another key is left alone.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ProbeCache {
    /// Seconds per backend, per key.
    entries: BTreeMap<String, BTreeMap<Precision, f64>>,
}

/// Name of the cache file inside the cache directory.
const CACHE_FILE: &str = "precision-probe.json";

impl ProbeCache {
    /// The cache directory as `scripts/env.sh` defines it: `$WHOSAID_CACHE`, else
    /// `$XDG_CACHE_HOME/whosaid`, else `~/.cache/whosaid`; `None` without a home.
    pub fn dir() -> Option<PathBuf> {
        let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        var("WHOSAID_CACHE").map(PathBuf::from).or_else(|| {
            var("XDG_CACHE_HOME")
                .map(PathBuf::from)
                .or_else(|| var("HOME").map(|h| Path::new(&h).join(".cache")))
                .map(|d| d.join("whosaid"))
        })
    }

    /// The file in `dir`.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(CACHE_FILE)
    }

    /// Reads the cache file; a missing, unreadable or corrupt one gives an empty cache.
    pub fn read(path: &Path) -> ProbeCache {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// The timings under `key`, if every backend has one.
    pub fn get(&self, key: &str) -> Option<Timings> {
        let entry = self.entries.get(key)?;
        Precision::ALL
            .into_iter()
            .map(|p| {
                let secs = *entry.get(&p)?;
                Duration::try_from_secs_f64(secs).ok().map(|d| (p, d))
            })
            .collect()
    }

    /// Stores `timings` under `key`.
    pub fn insert(&mut self, key: &str, timings: &Timings) {
        self.entries.insert(
            key.to_string(),
            timings.iter().map(|(&p, d)| (p, d.as_secs_f64())).collect(),
        );
    }

    /// Writes the cache to `path` (through a temporary file renamed over it, so a reader
    /// never sees half a file).
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        serde_json::to_writer_pretty(&mut tmp, self)?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// The CPU's model name (Linux `/proc/cpuinfo`, as `lscpu` prints it), or `unknown CPU`.
pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, name)| name.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string())
}

/// The libtorch version the binary was built against (found by `build.rs`).
pub const LIBTORCH_VERSION: &str = env!("WHOSAID_LIBTORCH_VERSION");

#[cfg(test)]
mod tests {
    use super::*;
    use TimingSource::{Cache, Probe};

    fn ms(x: f64) -> Duration {
        Duration::from_secs_f64(x / 1000.0)
    }

    fn timings(f32: f64, bf16: f64, int8: f64) -> Timings {
        [
            (Precision::F32, ms(f32)),
            (Precision::Bf16, ms(bf16)),
            (Precision::Int8, ms(int8)),
        ]
        .into()
    }

    fn f1(bf16: f64, int8: f64) -> BTreeMap<Precision, f64> {
        [
            (Precision::F32, 90.20),
            (Precision::Bf16, bf16),
            (Precision::Int8, int8),
        ]
        .into()
    }

    #[test]
    fn names_round_trip() {
        for p in Precision::ALL {
            assert_eq!(p.name().parse::<Precision>(), Ok(p));
            assert_eq!(
                p.name().parse::<PrecisionChoice>(),
                Ok(PrecisionChoice::Fixed(p))
            );
        }
        assert_eq!("auto".parse(), Ok(PrecisionChoice::Auto));
        assert!("fp16".parse::<PrecisionChoice>().is_err());
        assert!("auto".parse::<Precision>().is_err());
    }

    #[test]
    fn the_choice_is_a_function_of_the_measurements() {
        // This machine's shape: bf16 far ahead.
        let amd = timings(30.0, 8.0, 9.5);
        // The Intel Xeon of the issue: bf16 slower than f32, int8 2.7x f32.
        let intel = timings(27.0, 40.0, 10.0);
        for _ in 0..3 {
            assert_eq!(
                choose(&f1(90.15, 90.05), &amd, Probe).precision(),
                Precision::Bf16
            );
            assert_eq!(
                choose(&f1(90.15, 90.05), &intel, Probe).precision(),
                Precision::Int8
            );
        }
        let Selection::Auto { speedup, .. } = choose(&f1(90.15, 90.05), &intel, Probe) else {
            panic!("auto gives an auto selection");
        };
        assert!((speedup - 2.7).abs() < 1e-9);
        // f32 fastest: f32.
        assert_eq!(
            choose(&f1(90.15, 90.05), &timings(5.0, 6.0, 7.0), Probe).precision(),
            Precision::F32
        );
        // A tie, or a gain within the margin, goes to the more exact backend.
        assert_eq!(
            choose(&f1(90.15, 90.05), &timings(9.0, 8.0, 8.0), Probe).precision(),
            Precision::Bf16
        );
        assert_eq!(
            choose(&f1(90.15, 90.05), &timings(9.0, 8.0, 7.7), Probe).precision(),
            Precision::Bf16
        );
        assert_eq!(
            choose(&f1(90.15, 90.05), &timings(9.0, 8.0, 7.5), Probe).precision(),
            Precision::Int8
        );
        assert_eq!(
            choose(&f1(90.15, 90.05), &timings(8.8, 8.5, 8.6), Probe).precision(),
            Precision::F32
        );
    }

    #[test]
    fn a_backend_below_the_floor_or_unscored_is_never_chosen() {
        let intel = timings(27.0, 40.0, 10.0);
        let sel = choose(&f1(90.15, 89.99), &intel, Cache);
        assert_eq!(sel.precision(), Precision::F32);
        assert_eq!(
            sel.to_string(),
            "f32 (auto: f32 fastest in the cached probe; int8 F1 89.99 < 90.0)"
        );
        // A freshly trained model records nothing: f32, whatever the timings, and no
        // probe is needed.
        let none = BTreeMap::new();
        assert!(!needs_probe(&none));
        assert!(needs_probe(&f1(90.15, 89.99)));
        let sel = choose(&none, &timings(30.0, 1.0, 1.0), Probe);
        assert_eq!(sel.precision(), Precision::F32);
        assert_eq!(
            sel.to_string(),
            "f32 (auto: bf16 has no recorded F1; int8 has no recorded F1)"
        );
        // The floor itself holds.
        assert_eq!(
            choose(&f1(90.0, 80.0), &timings(30.0, 10.0, 1.0), Probe).precision(),
            Precision::Bf16
        );
    }

    #[test]
    fn the_summary_says_which_backend_and_why() {
        let sel = choose(&f1(90.15, 90.05), &timings(21.0, 10.0, 12.0), Probe);
        assert_eq!(sel.to_string(), "bf16 (auto: 2.1x f32 in the probe)");
        assert_eq!(
            sel.probe_line().as_deref(),
            Some("f32 21.0 ms, bf16 10.0 ms, int8 12.0 ms per encoder layer")
        );
        assert_eq!(Selection::Asked(Precision::F32).probe_line(), None);
        assert_eq!(
            Selection::Asked(Precision::Int8).to_string(),
            "int8 (--precision int8)"
        );
        // Missing timings: skipped, and f32 when nothing was timed.
        let partial: Timings = [(Precision::F32, ms(20.0))].into();
        let sel = choose(&f1(90.15, 90.05), &partial, Probe);
        assert_eq!(sel.precision(), Precision::F32);
        assert!(sel.to_string().contains("bf16 not timed"), "{sel}");
        assert_eq!(
            choose(&f1(90.15, 90.05), &Timings::new(), Probe).precision(),
            Precision::F32
        );
    }

    #[test]
    fn the_cache_keeps_timings_per_key_and_ignores_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = ProbeCache::path(dir.path());
        // Missing file: empty.
        assert!(ProbeCache::read(&path).get("k").is_none());
        let t = timings(30.0, 8.0, 9.0);
        let mut cache = ProbeCache::read(&path);
        cache.insert("k", &t);
        cache.write(&path).unwrap();
        let back = ProbeCache::read(&path);
        let got = back.get("k").expect("the entry was written");
        for p in Precision::ALL {
            let gap = got[&p].as_secs_f64() - t[&p].as_secs_f64();
            assert!(gap.abs() < 1e-9, "{p}: {gap}");
        }
        // Another CPU or libtorch: not found.
        assert!(back.get("other").is_none());
        // Corrupt file: empty, and rewritten whole on the next write.
        std::fs::write(&path, "{\"entries\": {\"k\": [tru").unwrap();
        let mut cache = ProbeCache::read(&path);
        assert!(cache.get("k").is_none());
        cache.insert("k", &t);
        cache.write(&path).unwrap();
        assert!(ProbeCache::read(&path).get("k").is_some());
        // An entry missing a backend (an older whosaid) or with a bad number: stale.
        std::fs::write(&path, r#"{"entries": {"k": {"f32": 0.03, "bf16": 0.008}}}"#).unwrap();
        assert!(ProbeCache::read(&path).get("k").is_none());
        std::fs::write(
            &path,
            r#"{"entries": {"k": {"f32": 0.03, "bf16": -1, "int8": 0.01}}}"#,
        )
        .unwrap();
        assert!(ProbeCache::read(&path).get("k").is_none());
    }

    #[test]
    fn the_cpu_has_a_name() {
        assert!(!cpu_model().is_empty());
        assert!(!LIBTORCH_VERSION.is_empty());
    }
}
