//! Output: the CSV tables, written atomically.
//!
//! Each table is written to a temporary file in the output directory and renamed over the
//! final name only when the whole run has finished, so a table on disk is always complete:
//! either the previous run's or this one's, never half of one.

use std::fs;
use std::io::{BufWriter, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;
use tempfile::NamedTempFile;

use crate::analysis::Analysis;
use crate::attribution::Method;
use crate::doc::Encoding;
use crate::entities::{EntityId, EntityType, Origin};
use crate::lexicon::states::StateCode;

pub mod cache;
pub mod datasette;
pub mod resolve;
pub mod schema;
pub mod sqlite;

/// A row of `releases.csv`.
#[derive(Serialize)]
pub(crate) struct ReleaseRow<'a> {
    pub(crate) release_id: &'a str,
    pub(crate) source: &'a str,
    pub(crate) record: usize,
    pub(crate) date: Option<String>,
    pub(crate) title: Option<&'a str>,
    pub(crate) subtitle: Option<&'a str>,
    pub(crate) dateline: Option<&'a str>,
    pub(crate) issuer: Option<&'a str>,
    pub(crate) contact_name: Option<&'a str>,
    pub(crate) contact_phone: Option<&'a str>,
    pub(crate) contact_email: Option<&'a str>,
    pub(crate) body_start: usize,
    pub(crate) body_end: usize,
    pub(crate) paragraphs: usize,
    pub(crate) sentences: usize,
    pub(crate) words: usize,
    pub(crate) encoding: Encoding,
}

/// A row of `sentences.csv`.
#[derive(Serialize)]
pub(crate) struct SentenceRow<'a> {
    pub(crate) release_id: &'a str,
    pub(crate) sentence: usize,
    pub(crate) paragraph: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
}

/// A row of `entities.csv`.
#[derive(Serialize)]
pub(crate) struct EntityRow<'a> {
    pub(crate) release_id: &'a str,
    pub(crate) entity_id: &'a str,
    #[serde(rename = "type")]
    pub(crate) kind: EntityType,
    pub(crate) name: &'a str,
    pub(crate) official: Option<bool>,
    pub(crate) title: Option<&'a str>,
    pub(crate) organization: Option<&'a str>,
    pub(crate) state: Option<&'a str>,
    pub(crate) acronym: Option<&'a str>,
    pub(crate) mentions: usize,
    pub(crate) start: Option<usize>,
    pub(crate) end: Option<usize>,
}

/// A row of `mentions.csv`.
#[derive(Serialize)]
pub(crate) struct MentionRow<'a> {
    pub(crate) release_id: &'a str,
    pub(crate) entity_id: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
    pub(crate) sentence: Option<usize>,
    pub(crate) origin: Origin,
}

/// A row of `quotes.csv`.
#[derive(Serialize)]
pub(crate) struct QuoteRow<'a> {
    pub(crate) release_id: &'a str,
    pub(crate) quote_id: String,
    pub(crate) text: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) speaker: Option<&'a str>,
    pub(crate) speaker_entity_id: Option<&'a str>,
    pub(crate) speaker_title: Option<&'a str>,
    pub(crate) speaker_state: Option<&'a str>,
    pub(crate) cue: Option<&'a str>,
    pub(crate) method: Method,
    #[serde(serialize_with = "two_decimals")]
    pub(crate) confidence: f32,
}

/// All rows one analysed release contributes to the tables (CSV, SQLite and the JSON of
/// the streaming mode alike).
#[derive(Serialize)]
pub(crate) struct Rows<'a> {
    pub(crate) release: ReleaseRow<'a>,
    pub(crate) sentences: Vec<SentenceRow<'a>>,
    pub(crate) entities: Vec<EntityRow<'a>>,
    pub(crate) mentions: Vec<MentionRow<'a>>,
    pub(crate) quotes: Vec<QuoteRow<'a>>,
}

impl<'a> Rows<'a> {
    /// The rows of one release.
    pub(crate) fn of(a: &'a Analysis) -> Rows<'a> {
        let r = &a.release;
        let id = r.id.as_str();
        let h = &r.header;
        let field = |s: Option<crate::doc::Span>| s.map(|s| r.slice(s));
        let release = ReleaseRow {
            release_id: id,
            source: &r.source,
            record: r.record,
            date: h.date.map(|d| d.format("%Y-%m-%d").to_string()),
            title: field(h.title).or(h.given_title.as_deref()),
            subtitle: field(h.subtitle),
            dateline: field(h.dateline),
            issuer: h.issuer.as_deref(),
            contact_name: field(h.contact_name),
            contact_phone: field(h.contact_phone),
            contact_email: field(h.contact_email),
            body_start: r.body.start,
            body_end: r.body.end,
            paragraphs: r.paragraphs.len(),
            sentences: r.sentences.len(),
            words: r.word_count(),
            encoding: r.encoding,
        };
        let sentences = r
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| SentenceRow {
                release_id: id,
                sentence: i,
                paragraph: s.paragraph,
                start: s.span.start,
                end: s.span.end,
                text: r.slice(s.span),
            })
            .collect();
        let entities = a
            .entities
            .iter()
            .map(|e| {
                let first = e.mentions.first();
                EntityRow {
                    release_id: id,
                    entity_id: e.id.as_str(),
                    kind: e.kind,
                    name: &e.name,
                    official: e.official,
                    title: e.title.as_deref(),
                    organization: e.organization.as_deref(),
                    state: e.state.map(StateCode::as_str),
                    acronym: e.acronym.as_deref(),
                    mentions: e.mentions.len(),
                    start: first.map(|m| m.span.start),
                    end: first.map(|m| m.span.end),
                }
            })
            .collect();
        let mentions = a
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions.iter().map(move |m| MentionRow {
                    release_id: id,
                    entity_id: e.id.as_str(),
                    start: m.span.start,
                    end: m.span.end,
                    text: r.slice(m.span),
                    sentence: m.sentence,
                    origin: m.origin,
                })
            })
            .collect();
        let quotes = a
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let speaker = q.speaker.as_ref();
                QuoteRow {
                    release_id: id,
                    quote_id: format!("{id}-q{i}"),
                    text: r.slice(q.span),
                    start: q.span.start,
                    end: q.span.end,
                    speaker: speaker.map(|s| s.name.as_str()),
                    speaker_entity_id: speaker
                        .and_then(|s| s.entity_id.as_ref().map(EntityId::as_str)),
                    speaker_title: speaker.and_then(|s| s.title.as_deref()),
                    speaker_state: speaker.and_then(|s| s.state.map(StateCode::as_str)),
                    cue: q.cue.map(|c| r.slice(c)),
                    method: q.method,
                    confidence: q.confidence,
                }
            })
            .collect();
        Rows {
            release,
            sentences,
            entities,
            mentions,
            quotes,
        }
    }
}

/// Why a `skipped.csv` row gave no release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipKind {
    /// The input, or one record of it, could not be read.
    Error,
    /// Read, but it holds no release (a listing page, a bot check).
    NoRelease,
}

/// A row of `skipped.csv`: an input, or a part of one, that produced no release.
#[derive(Serialize)]
pub struct SkippedRow<'a> {
    /// The input path relative to its input root (an input named on the command line that
    /// cannot be used at all, such as a missing path, as it was given).
    pub source: &'a str,
    /// Index within the file, when the problem concerns one record.
    pub record: Option<usize>,
    /// Whether the input could not be read or holds no release.
    pub kind: SkipKind,
    /// Why.
    pub reason: &'a str,
}

/// Writes a confidence with two decimals, as people read it.
fn two_decimals<S: serde::Serializer>(value: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&format_args!("{value:.2}"))
}

/// One CSV table being written to a temporary file beside its final name.
struct Table {
    file: BufWriter<NamedTempFile>,
    path: PathBuf,
}

impl Table {
    fn create(dir: &Path, table: &schema::Table) -> Result<Table> {
        let name = table.csv_file();
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .permissions(fs::Permissions::from_mode(0o644))
            .tempfile_in(dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        // The header is written here, so that a table with no rows still has one; rows come
        // from `Fragments`, serialised from structs whose fields follow the schema.
        let mut header_line = csv::Writer::from_writer(Vec::new());
        header_line.write_record(table.csv_columns())?;
        let mut file = BufWriter::new(tmp);
        file.write_all(&header_line.into_inner().map_err(|e| e.into_error())?)?;
        Ok(Table {
            file,
            path: dir.join(&name),
        })
    }

    fn finish(self) -> Result<()> {
        let tmp = self.file.into_inner().map_err(|e| e.into_error())?;
        tmp.as_file().sync_all()?;
        tmp.persist(&self.path)
            .with_context(|| format!("cannot write {}", self.path.display()))?;
        Ok(())
    }
}

/// Serialises rows of one table as CSV without a header.
fn csv_rows<T: Serialize>(out: &mut String, rows: impl IntoIterator<Item = T>) -> Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for row in rows {
        writer.serialize(row)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    out.push_str(std::str::from_utf8(&bytes)?);
    Ok(())
}

/// What one input file contributes to the tables: its rows, already serialised per table,
/// and the counts for the run summary. Kept whole so that unchanged files can be replayed
/// from the cache of an earlier run.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
pub struct Fragments {
    releases: String,
    sentences: String,
    entities: String,
    mentions: String,
    quotes: String,
    skipped: String,
    /// Releases in the fragments.
    pub release_count: usize,
    /// Quotations in the fragments.
    pub quote_count: usize,
    /// Entities in the fragments.
    pub entity_count: usize,
    /// Records that held no release: (source, reason).
    pub no_release: Vec<(String, String)>,
    /// Inputs or records that could not be read: (source, reason).
    pub errors: Vec<(String, String)>,
}

impl Fragments {
    /// Adds every row that one analysed release contributes.
    pub fn add(&mut self, a: &Analysis) -> Result<()> {
        let rows = Rows::of(a);
        csv_rows(&mut self.releases, [&rows.release])?;
        csv_rows(&mut self.sentences, &rows.sentences)?;
        csv_rows(&mut self.entities, &rows.entities)?;
        csv_rows(&mut self.mentions, &rows.mentions)?;
        csv_rows(&mut self.quotes, &rows.quotes)?;
        self.release_count += 1;
        self.quote_count += a.quotes.len();
        self.entity_count += a.entities.len();
        Ok(())
    }

    /// Adds an input (or record) that produced no release.
    pub fn add_skipped(&mut self, row: SkippedRow<'_>) -> Result<()> {
        let list = match row.kind {
            SkipKind::Error => &mut self.errors,
            SkipKind::NoRelease => &mut self.no_release,
        };
        list.push((row.source.to_string(), row.reason.to_string()));
        csv_rows(&mut self.skipped, [row])
    }
}

/// The file names of every table, in the order they are listed in the README.
pub const TABLE_NAMES: &[&str] = &[
    "releases.csv",
    "sentences.csv",
    "entities.csv",
    "mentions.csv",
    "quotes.csv",
    "persons.csv",
    "agencies.csv",
    "skipped.csv",
];

/// The directory, inside an output directory, that keeps the entity, mention and quote
/// tables with the ids the entities stage gave them: what `whosaid merge` resolves anew
/// when it joins shard outputs.
pub const UNRESOLVED_DIR: &str = ".whosaid-unresolved";

/// Removes `.TABLE.*.tmp` files: what runs killed before renaming their tables left behind.
fn remove_leftovers(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = TABLE_NAMES
            .iter()
            .any(|t| name.starts_with(&format!(".{t}.")) && name.ends_with(".tmp"));
        if ours && entry.file_type()?.is_file() {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Writes all tables of one run: rows go to temporary files, the entity, mention and
/// quote rows with their unresolved ids; [`Writers::finish`] resolves them and renames
/// every table into place.
pub struct Writers {
    dir: PathBuf,
    releases: Table,
    sentences: Table,
    skipped: Table,
    /// Entities, mentions and quotes as the entities stage identified them.
    unresolved: [Table; 3],
}

impl Writers {
    /// Opens temporary files for every table in `dir` (created if missing), after removing
    /// the temporary files a killed run may have left there.
    pub fn create(dir: &Path) -> Result<Writers> {
        let unresolved_dir = dir.join(UNRESOLVED_DIR);
        for d in [dir, unresolved_dir.as_path()] {
            fs::create_dir_all(d)
                .with_context(|| format!("cannot create output directory {}", d.display()))?;
            remove_leftovers(d)?;
        }
        let unresolved = |table: &schema::Table| Table::create(&unresolved_dir, table);
        Ok(Writers {
            dir: dir.to_path_buf(),
            releases: Table::create(dir, &schema::RELEASES)?,
            sentences: Table::create(dir, &schema::SENTENCES)?,
            skipped: Table::create(dir, &schema::SKIPPED)?,
            unresolved: [
                unresolved(&schema::ENTITIES)?,
                unresolved(&schema::MENTIONS)?,
                unresolved(&schema::QUOTES)?,
            ],
        })
    }

    /// Appends one file's rows to every table.
    pub fn append(&mut self, f: &Fragments) -> Result<()> {
        self.releases.file.write_all(f.releases.as_bytes())?;
        self.sentences.file.write_all(f.sentences.as_bytes())?;
        self.skipped.file.write_all(f.skipped.as_bytes())?;
        let [entities, mentions, quotes] = &mut self.unresolved;
        entities.file.write_all(f.entities.as_bytes())?;
        mentions.file.write_all(f.mentions.as_bytes())?;
        quotes.file.write_all(f.quotes.as_bytes())?;
        Ok(())
    }

    /// Appends every row of the output directory `part` of an earlier run (a shard), as
    /// its tables and its unresolved tables hold them.
    pub fn append_part(&mut self, part: &Path) -> Result<()> {
        let unresolved_dir = part.join(UNRESOLVED_DIR);
        let [entities, mentions, quotes] = &mut self.unresolved;
        for (table, path) in [
            (&mut self.releases, part.join("releases.csv")),
            (&mut self.sentences, part.join("sentences.csv")),
            (&mut self.skipped, part.join("skipped.csv")),
            (entities, unresolved_dir.join("entities.csv")),
            (mentions, unresolved_dir.join("mentions.csv")),
            (quotes, unresolved_dir.join("quotes.csv")),
        ] {
            append_rows(&mut table.file, &path)?;
        }
        Ok(())
    }

    /// Resolves the entity ids ([`resolve::resolve_tables`]), writes the resolved tables,
    /// `persons.csv` and `agencies.csv`, and moves every table to its final name.
    pub fn finish(mut self) -> Result<resolve::Resolution> {
        for table in [&mut self.releases, &mut self.sentences, &mut self.skipped]
            .into_iter()
            .chain(self.unresolved.iter_mut())
        {
            table.file.flush()?;
        }
        let mut entities = Table::create(&self.dir, &schema::ENTITIES)?;
        let mut mentions = Table::create(&self.dir, &schema::MENTIONS)?;
        let mut quotes = Table::create(&self.dir, &schema::QUOTES)?;
        let mut persons = Table::create(&self.dir, &schema::PERSONS)?;
        let mut agencies = Table::create(&self.dir, &schema::AGENCIES)?;
        let resolution = resolve::resolve_tables(
            &resolve::Paths {
                releases: self.releases.file.get_ref().path(),
                sentences: self.sentences.file.get_ref().path(),
                unresolved: [0, 1, 2].map(|i| self.unresolved[i].file.get_ref().path()),
            },
            resolve::Outputs {
                tables: [
                    &mut entities.file,
                    &mut mentions.file,
                    &mut quotes.file,
                    &mut persons.file,
                    &mut agencies.file,
                ],
            },
        )?;
        let [u_entities, u_mentions, u_quotes] = self.unresolved;
        for table in [
            self.releases,
            self.sentences,
            entities,
            mentions,
            quotes,
            persons,
            agencies,
            self.skipped,
            u_entities,
            u_mentions,
            u_quotes,
        ] {
            table.finish()?;
        }
        Ok(resolution)
    }
}

/// Appends the rows of the CSV table at `path` (its header line dropped) to `out`.
fn append_rows(out: &mut impl Write, path: &Path) -> Result<()> {
    let file = fs::File::open(path).with_context(|| {
        format!(
            "cannot read {}: not the output directory of a whosaid run of this version",
            path.display()
        )
    })?;
    let mut reader = std::io::BufReader::new(file);
    let mut header = Vec::new();
    std::io::BufRead::read_until(&mut reader, b'\n', &mut header)?;
    std::io::copy(&mut reader, out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::sqlite::tests::{analysis, TEXT};

    /// The header serde writes for one row: the row struct's field names.
    fn header_of<T: Serialize>(row: T) -> Vec<String> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.serialize(row).unwrap();
        let bytes = writer.into_inner().unwrap();
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn row_structs_follow_the_schema_s_csv_columns() {
        let a = analysis(TEXT);
        let rows = Rows::of(&a);
        let sentence = SentenceRow {
            release_id: "r1",
            sentence: 0,
            paragraph: 0,
            start: 0,
            end: 1,
            text: "A.",
        };
        let skipped = SkippedRow {
            source: "a.txt",
            record: None,
            kind: SkipKind::Error,
            reason: "is empty",
        };
        for (table, header) in [
            (schema::RELEASES, header_of(&rows.release)),
            (schema::SENTENCES, header_of(&sentence)),
            (schema::ENTITIES, header_of(&rows.entities[0])),
            (schema::MENTIONS, header_of(&rows.mentions[0])),
            (schema::QUOTES, header_of(&rows.quotes[0])),
            (schema::SKIPPED, header_of(&skipped)),
        ] {
            assert_eq!(header, table.csv_columns(), "{}", table.name);
        }
    }
}
