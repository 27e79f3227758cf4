//! The pipeline: ingest -> segment -> ner -> entities -> quotes -> attribution -> output.
//!
//! Files are taken in chunks. Within a chunk, reading and segmentation run per file and
//! per release in parallel (rayon), the model sees the sentences of up to a few hundred
//! releases of the chunk in one call (its batches run side by side on the rayon workers),
//! the rule stages run per release in parallel, and results are written in input order.
//! Memory therefore depends on the chunk size, not on the number of inputs, and the tables
//! are the same whatever the number of threads.

use std::collections::HashSet;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::attribution::SpeakerChooser;
use crate::doc::{RawRelease, Release};
use crate::entities::{EntityDecider, RuleDecider};
use crate::ingest::{self, InputError, RecordError, RecordProblem};
use crate::ner::{NerModel, NerStats};
use crate::output::cache::Cache;
use crate::output::datasette::Metadata;
use crate::output::sqlite::{Database, DatabaseRun};
use crate::output::{Fragments, Rows, SkipKind, SkippedRow, Writers};
use crate::segment::NotARelease;
use crate::speaker::SpeakerModel;
use crate::{attribution, entities, quotes, segment};

/// Number of input files processed together (bounds memory; feeds the model's batches).
const CHUNK_FILES: usize = 64;

/// Most releases the model annotates in one call. A chunk of files that each hold hundreds
/// of releases (a congress member's archive) would otherwise keep the wordpieces and tag
/// scores of thousands of releases in memory at once; a few hundred releases already give
/// the model full, length-sorted batches.
const NER_RELEASES: usize = 256;

/// What a run reads and where it writes.
#[derive(Debug, Clone)]
pub struct Options {
    /// Files and directories to read.
    pub inputs: Vec<PathBuf>,
    /// Directory for the tables.
    pub out: PathBuf,
    /// Largest input file accepted, in bytes.
    pub max_bytes: u64,
    /// Also write the tables into this SQLite quote database once the run is resolved
    /// (upserted by release).
    pub sqlite: Option<PathBuf>,
    /// Process only this part of the input files.
    pub shard: Option<Shard>,
    /// Replay unchanged files from the cache of the previous run into the same output
    /// directory, processing only new or changed ones.
    pub incremental: bool,
    /// The model that chooses each quotation's speaker.
    pub speaker: SpeakerModel,
}

/// Part `index` of `count` of the sorted input files: a contiguous slice, so the tables of
/// shards 0, 1, … `count - 1` concatenated (headers dropped) are the tables of a single run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which part, from 0.
    pub index: usize,
    /// How many parts.
    pub count: usize,
}

impl Shard {
    /// The files of this shard among `len` sorted files.
    pub fn range(&self, len: usize) -> std::ops::Range<usize> {
        (len * self.index / self.count)..(len * (self.index + 1) / self.count)
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    /// Parses `K/N` with `0 <= K < N`.
    fn from_str(s: &str) -> Result<Shard, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("{s:?} is not K/N"))?;
        let index: usize = k
            .trim()
            .parse()
            .map_err(|_| format!("{k:?} is not a number"))?;
        let count: usize = n
            .trim()
            .parse()
            .map_err(|_| format!("{n:?} is not a number"))?;
        if count == 0 || index >= count {
            return Err(format!("shard {index}/{count}: need 0 <= K < N"));
        }
        Ok(Shard { index, count })
    }
}

/// Time spent in each stage, summed over the run (wall-clock per stage).
#[derive(Debug, Clone, Default)]
pub struct StageTimes {
    /// Reading files and cutting them into releases, plus segmentation.
    pub ingest_segment: Duration,
    /// The NER model.
    pub ner: Duration,
    /// Entities, quotes and attribution.
    pub rules: Duration,
    /// Writing the tables (the resolution pass included).
    pub output: Duration,
    /// The resolution pass: entity ids across the corpus, `persons.csv`, `agencies.csv`.
    pub resolve: Duration,
    /// What the model was fed.
    pub ner_input: NerStats,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Input files found.
    pub files: usize,
    /// Releases written.
    pub releases: usize,
    /// Quotations written.
    pub quotes: usize,
    /// Entity rows written.
    pub entities: usize,
    /// Resolved people (`persons.csv` rows).
    pub persons: usize,
    /// Resolved agencies (`agencies.csv` rows).
    pub agencies: usize,
    /// Inputs, or records of them, that could not be read: (source, reason).
    pub errors: Vec<(String, String)>,
    /// Inputs or records that hold no release: (source, reason).
    pub no_release: Vec<(String, String)>,
    /// Wall-clock time of the whole run.
    pub elapsed: Duration,
    /// Time per stage.
    pub stages: StageTimes,
    /// What the run did to the SQLite database, when it wrote one.
    pub database: Option<DatabaseRun>,
    /// Files unchanged since the previous run, replayed from its cache.
    pub cached_files: usize,
}

impl Summary {
    /// Releases per second over the whole run.
    pub fn releases_per_second(&self) -> f64 {
        self.releases as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The one-line account printed at the end of a run.
    pub fn line(&self) -> String {
        let mut line = format!(
            "{} releases from {} files, {} quotes, {} entities ({} people, {} agencies), \
             {} files or records with errors, {} without a release, {:.1} s, {:.0} releases/s",
            self.releases,
            self.files,
            self.quotes,
            self.entities,
            self.persons,
            self.agencies,
            self.errors.len(),
            self.no_release.len(),
            self.elapsed.as_secs_f64(),
            self.releases_per_second()
        );
        if self.cached_files > 0 {
            line.push_str(&format!(
                "; {} unchanged files replayed from the previous run",
                self.cached_files
            ));
        }
        if let Some(db) = &self.database {
            line.push_str(&format!(
                "; database: {} releases written, {} unchanged",
                db.written, db.unchanged
            ));
            if db.absent > 0 {
                line.push_str(&format!(
                    ", {} from earlier runs kept with their own runs' entity ids",
                    db.absent
                ));
            }
        }
        line
    }
}

/// What one input file of a chunk turned into before the model runs.
enum Slot {
    /// It could not be read.
    Failed(InputError),
    /// It is unchanged since the run that cached its rows.
    Cached(Fragments),
    /// Its releases are among those being processed now.
    Fresh {
        cache_key: Option<String>,
        releases: usize,
        bad_records: Vec<RecordError>,
    },
}

/// What a run tells its caller as it goes: the command line draws its progress bar and
/// prints the problems from these; the library itself writes nothing on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event<'a> {
    /// The run reads this many input files.
    Started {
        /// Input files of the run.
        files: usize,
    },
    /// An input, or a record of it, cannot be used (its `skipped.csv` row is written).
    Problem {
        /// The input's path.
        path: &'a str,
        /// Why.
        reason: &'a str,
    },
    /// This many more input files are done.
    Progress {
        /// Files done since the last event of this kind.
        files: usize,
    },
    /// Every file is done; the run writes its last tables.
    Finished,
}

/// Runs the whole pipeline. `model` is `None` to run the rule stages alone; `on_event`
/// hears how the run goes ([`Event`]).
///
/// Problems with single inputs are reported as [`Event::Problem`] and in `skipped.csv`
/// and do not stop the run; an `Err` means the run itself failed (for example the output
/// directory cannot be written), in which case no table is replaced.
pub fn run(
    options: &Options,
    model: Option<&NerModel>,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Result<Summary> {
    let started = Instant::now();
    let (files, mut discovery_errors) = ingest::discover(&options.inputs);
    let files = match options.shard {
        Some(shard) => {
            // Problems with the inputs themselves are reported once, by the first shard.
            if shard.index != 0 {
                discovery_errors.clear();
            }
            files[shard.range(files.len())].to_vec()
        }
        None => files,
    };
    let mut writers = Writers::create(&options.out)?;
    let fingerprint = fingerprint(model, &options.speaker)?;
    // Read before the run, so that a metadata file that cannot be kept stops it at once.
    let metadata = options
        .sqlite
        .as_deref()
        .map(Metadata::for_database)
        .transpose()?;
    let mut database = options.sqlite.as_deref().map(Database::open).transpose()?;
    let cache = options
        .incremental
        .then(|| Cache::open(&options.out, &fingerprint))
        .transpose()?;
    let mut used_keys = HashSet::new();
    let mut summary = Summary {
        files: files.len(),
        ..Summary::default()
    };
    on_event(Event::Started { files: files.len() });
    for (path, error) in discovery_errors {
        let mut fragments = Fragments::default();
        add_error(&mut fragments, &path, None, &error.to_string())?;
        writers.append(&fragments)?;
        account(on_event, &mut summary, &path, fragments);
    }
    for chunk in files.chunks(CHUNK_FILES) {
        let t = Instant::now();
        let read: Vec<Result<ingest::Ingested, InputError>> = chunk
            .par_iter()
            .map(|f| ingest::read(f, options.max_bytes))
            .collect();
        let mut slots = Vec::with_capacity(chunk.len());
        let mut raws = Vec::new();
        for (file, result) in chunk.iter().zip(read) {
            match result {
                Err(e) => slots.push(Slot::Failed(e)),
                Ok(ingested) => {
                    let cache_key = cache.as_ref().map(|c| c.key(&file.source, &ingested));
                    let cached = cache.as_ref().zip(cache_key.as_deref());
                    if let Some(fragments) = cached.and_then(|(c, k)| c.get(k)) {
                        used_keys.insert(cache_key.unwrap_or_default());
                        slots.push(Slot::Cached(fragments));
                    } else {
                        slots.push(Slot::Fresh {
                            cache_key,
                            releases: ingested.releases.len(),
                            bad_records: ingested.bad_records,
                        });
                        raws.extend(ingested.releases);
                    }
                }
            }
        }
        summary.stages.ingest_segment += t.elapsed();
        let mut results = process(
            raws,
            model,
            &RuleDecider,
            &options.speaker,
            &mut summary.stages,
        )?
        .into_iter();

        let t = Instant::now();
        for (file, slot) in chunk.iter().zip(slots) {
            let fragments = match slot {
                Slot::Failed(e) => {
                    let mut fragments = Fragments::default();
                    add_error(&mut fragments, &file.source, None, &e.to_string())?;
                    fragments
                }
                Slot::Cached(fragments) => {
                    summary.cached_files += 1;
                    fragments
                }
                Slot::Fresh {
                    cache_key,
                    releases,
                    bad_records,
                } => {
                    let mut fragments = Fragments::default();
                    // Rows stay in record order: a bad record's row comes where it was.
                    let mut bad_records = bad_records.into_iter().peekable();
                    for result in results.by_ref().take(releases) {
                        let record = match &result {
                            Ok(a) => a.release.record,
                            Err(skip) => skip.record,
                        };
                        while let Some(e) = bad_records.next_if(|e| e.record < record) {
                            add_record_error(&mut fragments, &file.source, &e)?;
                        }
                        match result {
                            Ok(a) => fragments.add(&a)?,
                            Err(skip) => fragments.add_skipped(SkippedRow {
                                source: &skip.source,
                                record: Some(skip.record),
                                kind: SkipKind::NoRelease,
                                reason: &skip.reason.reason,
                            })?,
                        }
                    }
                    for e in bad_records {
                        add_record_error(&mut fragments, &file.source, &e)?;
                    }
                    if let (Some(c), Some(k)) = (cache.as_ref(), cache_key) {
                        c.put(&k, &fragments)?;
                        used_keys.insert(k);
                    }
                    fragments
                }
            };
            writers.append(&fragments)?;
            account(on_event, &mut summary, file.path.display(), fragments);
        }
        summary.stages.output += t.elapsed();
        on_event(Event::Progress { files: chunk.len() });
    }
    let t = Instant::now();
    let resolution = writers.finish()?;
    summary.entities = resolution.entities;
    summary.persons = resolution.persons;
    summary.agencies = resolution.agencies;
    summary.stages.resolve += resolution.elapsed;
    if let Some(db) = database.as_mut() {
        summary.database = Some(db.write_run(&options.out)?);
    }
    if let Some(m) = &metadata {
        m.write()?;
    }
    if let Some(c) = &cache {
        c.retain(&used_keys)?;
    }
    summary.stages.output += t.elapsed();
    on_event(Event::Finished);
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Joins the output directories `parts` of shard runs (in shard order) into the tables
/// of a single run in `out`: their rows concatenated, then resolved across all of them as
/// one run resolves its own. Nothing in `out` is replaced if a part cannot be read.
pub fn merge(out: &std::path::Path, parts: &[PathBuf]) -> Result<Summary> {
    let started = Instant::now();
    let mut writers = Writers::create(out)?;
    for part in parts {
        writers.append_part(part)?;
    }
    let resolution = writers.finish()?;
    let count = |table: &str| -> Result<usize> {
        let path = out.join(table);
        let file = std::fs::File::open(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        Ok(csv::Reader::from_reader(file).records().count())
    };
    let stages = StageTimes {
        resolve: resolution.elapsed,
        ..StageTimes::default()
    };
    Ok(Summary {
        files: parts.len(),
        releases: count("releases.csv")?,
        quotes: count("quotes.csv")?,
        entities: resolution.entities,
        persons: resolution.persons,
        agencies: resolution.agencies,
        elapsed: started.elapsed(),
        stages,
        ..Summary::default()
    })
}

/// Identifies the program and models that produce the rows: a hash of the running
/// executable, the NER model's own fingerprint and a hash of the speaker model. Cached rows
/// made by anything else are recomputed.
fn fingerprint(model: Option<&NerModel>, speaker: &SpeakerModel) -> Result<String> {
    // /proc/self/exe stays readable even when the file was replaced during the run.
    let proc_exe = std::path::Path::new("/proc/self/exe");
    let exe = if proc_exe.exists() {
        proc_exe.to_path_buf()
    } else {
        std::env::current_exe().context("cannot locate the running program")?
    };
    let mut hasher = blake3::Hasher::new();
    hasher
        .update_mmap(&exe)
        .with_context(|| format!("cannot read {}", exe.display()))?;
    let speaker = blake3::hash(serde_json::to_string(speaker)?.as_bytes());
    Ok(format!(
        "whosaid {} {}; model {}; speaker {}",
        env!("CARGO_PKG_VERSION"),
        &hasher.finalize().to_hex()[..16],
        model.map_or("none", NerModel::fingerprint),
        &speaker.to_hex()[..16]
    ))
}

/// The optional fields of a streamed record that are passed through to its result.
#[derive(Deserialize)]
struct StreamKey {
    id: Option<serde_json::Value>,
    source: Option<String>,
}

/// One line of `stream` output.
#[derive(Serialize)]
struct StreamResult<'a> {
    /// 0-based line number of the input record.
    line: usize,
    /// The record's `id` field, passed through.
    id: Option<serde_json::Value>,
    #[serde(flatten)]
    outcome: StreamOutcome<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum StreamOutcome<'a> {
    /// The rows the release contributes to each table.
    Tables(Box<Rows<'a>>),
    /// Why the record gave no release.
    Skipped(String),
    /// Why the record could not be read.
    Error(String),
}

/// The streaming mode: reads JSON Lines releases (`text`, optional `title`, `date`, `id`,
/// `source`) from `input` and writes one JSON line per record to `output`, in input order:
/// `{"line", "id", "tables": {release, sentences, entities, mentions, quotes}}`, or
/// `"skipped"`/`"error"` with a reason. Records are processed `batch` at a time (one model
/// call per batch); the model is loaded once for the whole stream.
pub fn stream(
    input: impl BufRead,
    mut output: impl Write,
    model: Option<&NerModel>,
    speaker: &dyn SpeakerChooser,
    batch: usize,
) -> Result<Summary> {
    let started = Instant::now();
    let mut summary = Summary::default();
    // Lines are split as bytes, so that one line that is not UTF-8 costs that line alone.
    let mut lines = input.split(b'\n').enumerate().peekable();
    while lines.peek().is_some() {
        let mut keys = Vec::new();
        let mut raws = Vec::new();
        let mut failed = Vec::new();
        for (n, line) in lines.by_ref().take(batch.max(1)) {
            let bytes = line.context("cannot read the input stream")?;
            let bytes = bytes.strip_suffix(b"\r").unwrap_or(&bytes);
            let line = match std::str::from_utf8(bytes) {
                Ok(line) if n == 0 => line.strip_prefix('\u{feff}').unwrap_or(line),
                Ok(line) => line,
                Err(e) => {
                    let problem = RecordProblem::NotUtf8(e.valid_up_to());
                    failed.push((n, None, RecordError { record: n, problem }));
                    continue;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            let key: Option<StreamKey> = serde_json::from_str(line).ok();
            let (id, source) = key.map(|k| (k.id, k.source)).unwrap_or_default();
            let source = source.unwrap_or_else(|| "stdin".to_string());
            match ingest::jsonl_record(&source, n, line) {
                Ok(raw) => {
                    raws.push(raw);
                    keys.push((n, id));
                }
                Err(e) => failed.push((n, id, e)),
            }
        }
        let results = process(raws, model, &RuleDecider, speaker, &mut summary.stages)?;
        let mut done: Vec<(usize, String)> = Vec::with_capacity(results.len() + failed.len());
        for ((line, id), result) in keys.into_iter().zip(&results) {
            let outcome = match result {
                Ok(a) => {
                    summary.releases += 1;
                    summary.quotes += a.quotes.len();
                    summary.entities += a.entities.len();
                    StreamOutcome::Tables(Box::new(Rows::of(a)))
                }
                Err(skip) => {
                    summary
                        .no_release
                        .push((format!("line {line}"), skip.reason.reason.clone()));
                    StreamOutcome::Skipped(skip.reason.reason.clone())
                }
            };
            let json = serde_json::to_string(&StreamResult { line, id, outcome })?;
            done.push((line, json));
        }
        for (line, id, e) in failed {
            let reason = e.to_string();
            summary.errors.push(("stdin".to_string(), reason.clone()));
            let json = serde_json::to_string(&StreamResult {
                line,
                id,
                outcome: StreamOutcome::Error(reason),
            })?;
            done.push((line, json));
        }
        done.sort_by_key(|(line, _)| *line);
        for (_, json) in done {
            writeln!(output, "{json}")?;
        }
        output.flush()?;
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// A raw release that segmentation found to hold no release.
#[derive(Debug, Clone)]
pub struct Skipped {
    /// Its source.
    pub source: String,
    /// Its record index.
    pub record: usize,
    /// Why.
    pub reason: NotARelease,
}

/// Segments raw releases (in parallel), runs the model over them in batched calls of up to
/// [`NER_RELEASES`] releases, then the rule stages (in parallel), with `entities` deciding
/// each release's entities and `speaker` choosing each quotation's speaker. Results keep
/// the order of `raws`.
pub fn process(
    raws: Vec<RawRelease>,
    model: Option<&NerModel>,
    entities: &dyn EntityDecider,
    speaker: &dyn SpeakerChooser,
    stages: &mut StageTimes,
) -> Result<Vec<Result<Analysis, Skipped>>> {
    let t = Instant::now();
    let segmented: Vec<Result<Release, Skipped>> = raws
        .into_par_iter()
        .map(|raw| {
            let (source, record) = (raw.source.clone(), raw.record);
            segment::segment(raw).map_err(|reason| Skipped {
                source,
                record,
                reason,
            })
        })
        .collect();
    let (mut releases, mut order) = (Vec::new(), Vec::with_capacity(segmented.len()));
    for s in segmented {
        match s {
            Ok(r) => {
                releases.push(r);
                order.push(None);
            }
            Err(skip) => order.push(Some(skip)),
        }
    }
    stages.ingest_segment += t.elapsed();

    if let Some(model) = model {
        let t = Instant::now();
        for slice in releases.chunks_mut(NER_RELEASES) {
            stages.ner_input += model.annotate(slice)?;
        }
        stages.ner += t.elapsed();
    }

    let t = Instant::now();
    let mut analyses = releases
        .into_par_iter()
        .map(|r| analyse(r, entities, speaker))
        .collect::<Vec<_>>()
        .into_iter();
    stages.rules += t.elapsed();
    Ok(order
        .into_iter()
        .map(|slot| match slot {
            Some(skip) => Err(skip),
            None => Ok(analyses.next().expect("one analysis per release")),
        })
        .collect())
}

/// The rule stages of one release: entities (as `decider` decides them), quotes,
/// attribution (with `speaker` choosing each speaker).
pub fn analyse(
    mut release: Release,
    decider: &dyn EntityDecider,
    speaker: &dyn SpeakerChooser,
) -> Analysis {
    let mut entities = entities::extract_with(&release, decider);
    let spans = quotes::extract(&release);
    let mut quotes = attribution::attribute_with(&release, &entities, &spans, speaker);
    attribution::adopt_speakers(&release, &mut entities, &mut quotes);
    // The token layer served the rule stages; the writers do not read it.
    release.token_layer = Default::default();
    Analysis {
        release,
        entities,
        quotes,
    }
}

/// Adds the `skipped` row of an input, or a record of one, that could not be read.
fn add_error(
    fragments: &mut Fragments,
    source: &str,
    record: Option<usize>,
    reason: &str,
) -> Result<()> {
    fragments.add_skipped(SkippedRow {
        source,
        record,
        kind: SkipKind::Error,
        reason,
    })
}

/// Adds the `skipped` row of a record that could not be read.
fn add_record_error(fragments: &mut Fragments, source: &str, e: &RecordError) -> Result<()> {
    add_error(fragments, source, Some(e.record), &e.to_string())
}

/// Counts what one input contributed into the summary, and reports its errors as
/// [`Event::Problem`] (also when its rows were replayed from the cache, so that every run
/// says what it could not read).
fn account(
    on_event: &mut dyn FnMut(Event<'_>),
    summary: &mut Summary,
    path: impl std::fmt::Display,
    fragments: Fragments,
) {
    let path = path.to_string();
    for (_, reason) in &fragments.errors {
        on_event(Event::Problem {
            path: &path,
            reason,
        });
    }
    summary.releases += fragments.release_count;
    summary.quotes += fragments.quote_count;
    summary.entities += fragments.entity_count;
    summary.no_release.extend(fragments.no_release);
    summary.errors.extend(fragments.errors);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_cover_every_file_once_in_order() {
        for len in [0, 1, 7, 100] {
            for count in [1, 2, 3, 8] {
                let mut next = 0;
                for index in 0..count {
                    let r = Shard { index, count }.range(len);
                    assert_eq!(r.start, next);
                    next = r.end;
                }
                assert_eq!(next, len);
            }
        }
    }

    #[test]
    fn shard_parsing() {
        assert_eq!("1/4".parse(), Ok(Shard { index: 1, count: 4 }));
        assert!("4/4".parse::<Shard>().is_err());
        assert!("1/0".parse::<Shard>().is_err());
        assert!("x/2".parse::<Shard>().is_err());
        assert!("3".parse::<Shard>().is_err());
    }
}
