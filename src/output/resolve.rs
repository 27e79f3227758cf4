//! The resolution pass over the written tables.
//!
//! During a run the entity, mention and quote rows are written with the ids the entities
//! stage gave them (the *unresolved* tables). When the run ends, [`resolve_tables`] reads
//! the unresolved entities once beside `releases.csv` (for each row's issuer) into compact
//! [`Record`]s, one per entity id and issuer, resolves them ([`crate::resolve`]), then
//! streams the three tables once more, writing the resolved ids, and builds the
//! `persons.csv` and `agencies.csv` profiles. Entity and mention rows are read a release
//! at a time, so two rows of one release that resolve to one id become one row and its
//! mention count is that of its distinct mentions. A quote whose speaker is named but not
//! linked to an entity (or linked to an organisation or place of a person's name) takes
//! the id of the person of that name in the same issuer's releases (else, when not linked,
//! of the one person of that name). Memory holds the records and profiles
//! only, never a table.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use csv::StringRecord;

use crate::entities::{EntityId, EntityType};
use crate::lexicon::states::StateCode;
use crate::resolve::clean::{clean_names, Vocabulary};
use crate::resolve::{self, Record};

/// The `text` column of `sentences.csv`.
const SENTENCE_TEXT: usize = 5;

/// Column positions in the tables (see [`crate::output::schema`]).
mod col {
    pub const RELEASE_ID: usize = 0;
    pub const RELEASE_DATE: usize = 3;
    pub const RELEASE_ISSUER: usize = 7;
    pub const ENTITY_ID: usize = 1;
    pub const ENTITY_TYPE: usize = 2;
    pub const ENTITY_NAME: usize = 3;
    pub const ENTITY_TITLE: usize = 5;
    pub const ENTITY_ORGANIZATION: usize = 6;
    pub const ENTITY_STATE: usize = 7;
    pub const ENTITY_ACRONYM: usize = 8;
    pub const ENTITY_MENTIONS: usize = 9;
    pub const MENTION_ENTITY_ID: usize = 1;
    pub const MENTION_START: usize = 2;
    pub const MENTION_END: usize = 3;
    pub const QUOTE_SPEAKER: usize = 5;
    pub const QUOTE_SPEAKER_ID: usize = 6;
}

/// The `type` column value of a kind that is resolved.
fn resolved_kind(kind: &str) -> Option<EntityType> {
    EntityType::from_label(kind).filter(|k| matches!(k, EntityType::Person | EntityType::Agency))
}

/// Paths of the three unresolved tables and of the tables to write.
pub struct Paths<'a> {
    /// `releases.csv` of the run (complete).
    pub releases: &'a Path,
    /// `sentences.csv` of the run (complete): the vocabulary names are cleaned with.
    pub sentences: &'a Path,
    /// Unresolved entities, mentions and quotes.
    pub unresolved: [&'a Path; 3],
}

/// Where the resolved rows go: entities, mentions, quotes, persons, agencies.
pub struct Outputs<'a> {
    /// The five writers, in that order.
    pub tables: [&'a mut dyn Write; 5],
}

/// What the pass did.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Entity rows written (rows of one release that resolve to one id are one row).
    pub entities: usize,
    /// Rows of `persons.csv`.
    pub persons: usize,
    /// Rows of `agencies.csv`.
    pub agencies: usize,
    /// Time the pass took.
    pub elapsed: Duration,
}

/// Reads `releases.csv` alongside another table of the same run: both list releases in
/// the same order, so the release of each row is found by reading forward.
struct ReleaseCursor {
    rows: csv::StringRecordsIntoIter<File>,
    current: StringRecord,
}

impl ReleaseCursor {
    fn open(path: &Path) -> Result<ReleaseCursor> {
        let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        Ok(ReleaseCursor {
            rows: csv::Reader::from_reader(file).into_records(),
            current: StringRecord::new(),
        })
    }

    /// The release row of `release_id`, at or after the current one.
    fn seek(&mut self, release_id: &str) -> Result<&StringRecord> {
        while self.current.get(col::RELEASE_ID) != Some(release_id) {
            match self.rows.next() {
                Some(row) => self.current = row?,
                None => bail!("release {release_id} is not in releases.csv"),
            }
        }
        Ok(&self.current)
    }

    /// The issuer of the current release.
    fn issuer(&self) -> Option<&str> {
        self.current
            .get(col::RELEASE_ISSUER)
            .filter(|s| !s.is_empty())
    }
}

/// The rows of a table of the run, taken a release at a time (they are in release order).
pub(super) struct ByRelease {
    rows: std::iter::Peekable<csv::StringRecordsIntoIter<File>>,
}

impl ByRelease {
    /// Opens the table at `path`, past its header.
    pub(super) fn open(path: &Path) -> Result<ByRelease> {
        Ok(ByRelease {
            rows: reader(path)?.peekable(),
        })
    }

    /// The rows of `release_id` at the head of the table.
    pub(super) fn take(&mut self, release_id: &str) -> Result<Vec<StringRecord>> {
        let mut out = Vec::new();
        while let Some(row) = self.rows.next_if(|r| {
            r.as_ref()
                .map_or(true, |r| &r[col::RELEASE_ID] == release_id)
        }) {
            out.push(row?);
        }
        Ok(out)
    }
}

/// The rows of the table at `path`, past its header.
pub(super) fn reader(path: &Path) -> Result<csv::StringRecordsIntoIter<File>> {
    let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(csv::Reader::from_reader(file).into_records())
}

fn field(row: &StringRecord, i: usize) -> Option<&str> {
    row.get(i).filter(|s| !s.is_empty())
}

/// Pass one: the records of every resolved entity id and issuer.
fn collect(paths: &Paths<'_>) -> Result<BTreeMap<(EntityId, Option<String>), Record>> {
    let mut records: BTreeMap<(EntityId, Option<String>), Record> = BTreeMap::new();
    let mut releases = ReleaseCursor::open(paths.releases)?;
    for row in reader(paths.unresolved[0])? {
        let row = row?;
        let Some(kind) = row.get(col::ENTITY_TYPE).and_then(resolved_kind) else {
            continue;
        };
        releases.seek(&row[col::RELEASE_ID])?;
        let issuer = releases.issuer().map(str::to_string);
        let id = EntityId::written(&row[col::ENTITY_ID]);
        records
            .entry((id.clone(), issuer.clone()))
            .or_insert_with(|| Record::new(kind, id, issuer.as_deref()))
            .add(
                &row[col::ENTITY_NAME],
                field(&row, col::ENTITY_STATE).and_then(StateCode::parse),
                field(&row, col::ENTITY_ACRONYM),
            );
    }
    Ok(records)
}

/// What `persons.csv` or `agencies.csv` says about one resolved entity.
#[derive(Default)]
struct Profile {
    kind: Option<EntityType>,
    names: BTreeMap<String, u32>,
    titles: BTreeSet<String>,
    organizations: BTreeSet<String>,
    states: BTreeSet<String>,
    acronyms: BTreeSet<String>,
    releases: usize,
    quotes: usize,
    first_date: Option<String>,
    last_date: Option<String>,
}

impl Profile {
    fn add_row(&mut self, row: &StringRecord, date: Option<&str>) {
        *self
            .names
            .entry(row[col::ENTITY_NAME].to_string())
            .or_default() += 1;
        for (set, i) in [
            (&mut self.titles, col::ENTITY_TITLE),
            (&mut self.organizations, col::ENTITY_ORGANIZATION),
            (&mut self.states, col::ENTITY_STATE),
            (&mut self.acronyms, col::ENTITY_ACRONYM),
        ] {
            set.extend(field(row, i).map(str::to_string));
        }
        self.releases += 1;
        if let Some(d) = date {
            if self.first_date.as_deref().is_none_or(|f| d < f) {
                self.first_date = Some(d.to_string());
            }
            if self.last_date.as_deref().is_none_or(|l| d > l) {
                self.last_date = Some(d.to_string());
            }
        }
    }

    /// The fullest name ([`resolve::fullness`]).
    fn name(&self) -> &str {
        self.names
            .iter()
            .max_by_key(|(n, rows)| resolve::fullness(n, **rows))
            .map_or("", |(n, _)| n.as_str())
    }
}

fn joined(set: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    set.into_iter()
        .map(|s| s.as_ref().to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The entity rows of one release that share a resolved id become one row: the first
/// row's fields, the fullest name, empty fields filled from the others, mentions
/// summed (the caller replaces the sum by the count of distinct mentions).
fn collapse(rows: Vec<StringRecord>) -> Vec<StringRecord> {
    let mut out: Vec<StringRecord> = Vec::with_capacity(rows.len());
    let mut at: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let id = row[col::ENTITY_ID].to_string();
        let Some(&k) = at.get(&id) else {
            at.insert(id, out.len());
            out.push(row);
            continue;
        };
        let kept = &out[k];
        let mut merged: Vec<String> = kept.iter().map(str::to_string).collect();
        let rank = |s: &str| (s.split_whitespace().count(), s.len());
        let (a, b) = (&kept[col::ENTITY_NAME], &row[col::ENTITY_NAME]);
        if rank(b) > rank(a) {
            merged[col::ENTITY_NAME] = b.to_string();
        }
        for (i, value) in row.iter().enumerate() {
            if merged[i].is_empty() {
                merged[i] = value.to_string();
            }
        }
        let count = |r: &StringRecord| r[col::ENTITY_MENTIONS].parse::<usize>().unwrap_or(0);
        merged[col::ENTITY_MENTIONS] = (count(kept) + count(&row)).to_string();
        out[k] = StringRecord::from(merged);
    }
    out
}

/// Resolves the unresolved tables into `outputs` (rows only: the headers are the
/// caller's).
pub fn resolve_tables(paths: &Paths<'_>, outputs: Outputs<'_>) -> Result<Resolution> {
    let started = Instant::now();
    let mut records = collect(paths)?;
    let mut vocabulary = Vocabulary::default();
    for row in reader(paths.sentences)? {
        vocabulary.add_text(&row?[SENTENCE_TEXT]);
    }
    let mut list: Vec<Record> = records.values().cloned().collect();
    let renames = clean_names(&mut list, &vocabulary);
    let ids = resolve::resolve(&list);
    for (record, cleaned) in records.values_mut().zip(list) {
        *record = cleaned;
    }
    let clean = |name: &str| renames.get(name).map_or(name, String::as_str).to_string();
    // A quote speaker the attribution named but did not link to an entity is the person
    // of that name in the same issuer's releases, else the one person of that name.
    let mut by_name: HashMap<(Option<String>, String), EntityId> = HashMap::new();
    let mut unique_name: HashMap<String, Option<EntityId>> = HashMap::new();
    // The local ids whose rows are typed PERSON: a speaker linked to any other is not a
    // person.
    let mut person_ids: HashSet<EntityId> = HashSet::new();
    for (((_, issuer), record), id) in records.iter().zip(&ids) {
        if record.kind != EntityType::Person {
            continue;
        }
        person_ids.insert(record.local_id.clone());
        for name in record.names.keys() {
            by_name.insert((issuer.clone(), name.clone()), id.clone());
            unique_name
                .entry(name.clone())
                .and_modify(|known| {
                    if known.as_ref() != Some(id) {
                        *known = None;
                    }
                })
                .or_insert_with(|| Some(id.clone()));
        }
    }
    let map: HashMap<(EntityId, Option<String>), EntityId> = records.into_keys().zip(ids).collect();
    let resolved = |id: &str, issuer: Option<&str>| -> Option<&EntityId> {
        map.get(&(EntityId::written(id), issuer.map(str::to_string)))
    };
    let [entities_out, mentions_out, quotes_out, persons_out, agencies_out] = outputs.tables;
    let mut result = Resolution::default();
    let mut profiles: BTreeMap<String, Profile> = BTreeMap::new();

    // Entities and mentions, a release at a time: rows of one release that resolve to one
    // id are one row, and a mention of one span under one id is one mention.
    let mut entity_rows = ByRelease::open(paths.unresolved[0])?;
    let mut mention_rows = ByRelease::open(paths.unresolved[1])?;
    let mut entities = headless(entities_out);
    let mut mentions = headless(mentions_out);
    for release in reader(paths.releases)? {
        let release = release?;
        let id = &release[col::RELEASE_ID];
        let issuer = field(&release, col::RELEASE_ISSUER);
        let mut seen: HashSet<(String, String, String)> = HashSet::new();
        let mut counts: HashMap<String, usize> = HashMap::new();
        for mut row in mention_rows.take(id)? {
            if let Some(new) = resolved(&row[col::MENTION_ENTITY_ID], issuer) {
                row = replace(&row, col::MENTION_ENTITY_ID, new.as_str());
            }
            let key = (
                row[col::MENTION_ENTITY_ID].to_string(),
                row[col::MENTION_START].to_string(),
                row[col::MENTION_END].to_string(),
            );
            if seen.insert(key) {
                *counts
                    .entry(row[col::MENTION_ENTITY_ID].to_string())
                    .or_default() += 1;
                mentions.write_record(&row)?;
            }
        }
        let rows: Vec<StringRecord> = entity_rows
            .take(id)?
            .into_iter()
            .map(|row| {
                let row = match resolved(&row[col::ENTITY_ID], issuer) {
                    Some(new) => replace(&row, col::ENTITY_ID, new.as_str()),
                    None => row,
                };
                if EntityType::from_label(&row[col::ENTITY_TYPE]) == Some(EntityType::Person) {
                    replace(&row, col::ENTITY_NAME, &clean(&row[col::ENTITY_NAME]))
                } else {
                    row
                }
            })
            .collect();
        for mut row in collapse(rows) {
            if let Some(&n) = counts.get(&row[col::ENTITY_ID]) {
                row = replace(&row, col::ENTITY_MENTIONS, &n.to_string());
            }
            if let Some(kind) = resolved_kind(&row[col::ENTITY_TYPE]) {
                let p = profiles.entry(row[col::ENTITY_ID].to_string()).or_default();
                p.kind = Some(kind);
                p.add_row(&row, field(&release, col::RELEASE_DATE));
            }
            entities.write_record(&row)?;
            result.entities += 1;
        }
    }
    for (rows, table) in [
        (&mut entity_rows, "entities"),
        (&mut mention_rows, "mentions"),
    ] {
        if let Some(row) = rows.rows.next() {
            bail!(
                "unresolved {table} table: release {} is not in releases.csv or out of order",
                &row?[col::RELEASE_ID]
            );
        }
    }
    entities.flush()?;
    mentions.flush()?;
    drop((entities, mentions));

    // Quotes: the speaker's new id, and the quote counted for that speaker.
    let mut releases = ReleaseCursor::open(paths.releases)?;
    let mut writer = headless(quotes_out);
    for row in reader(paths.unresolved[2])? {
        let mut row = row?;
        let speaker_id = field(&row, col::QUOTE_SPEAKER_ID).map(str::to_string);
        let written = field(&row, col::QUOTE_SPEAKER).map(str::to_string);
        let speaker = written.as_deref().map(clean);
        if speaker_id.is_some() || speaker.is_some() {
            releases.seek(&row[col::RELEASE_ID])?;
            let issuer = releases.issuer();
            let person_named = |name: &str| {
                by_name
                    .get(&(issuer.map(str::to_string), name.to_string()))
                    .or_else(|| unique_name.get(name).and_then(Option::as_ref))
            };
            let id = match (speaker_id.as_deref(), speaker.as_deref()) {
                // A speaker linked to an organisation or place whose name is a person's
                // in this issuer's releases ("Fenn said" read as the "Fenn" of a bill).
                (Some(local), Some(name)) if !person_ids.contains(&EntityId::written(local)) => {
                    by_name.get(&(issuer.map(str::to_string), name.to_string()))
                }
                (Some(local), _) => resolved(local, issuer),
                (None, Some(name)) => person_named(name),
                (None, None) => None,
            };
            if let Some(id) = id {
                row = replace(&row, col::QUOTE_SPEAKER_ID, id.as_str());
            }
            if let Some(name) = speaker.filter(|s| Some(s) != written.as_ref()) {
                row = replace(&row, col::QUOTE_SPEAKER, &name);
            }
            if let Some(p) = profiles.get_mut(&row[col::QUOTE_SPEAKER_ID]) {
                p.quotes += 1;
            }
        }
        writer.write_record(&row)?;
    }
    writer.flush()?;
    drop(writer);

    // Profiles.
    let mut persons = headless(persons_out);
    let mut agencies = headless(agencies_out);
    for (id, p) in &profiles {
        let date = |d: &Option<String>| d.clone().unwrap_or_default();
        let variants = joined(p.names.keys());
        match p.kind {
            Some(EntityType::Person) => {
                persons.write_record([
                    id.clone(),
                    p.name().to_string(),
                    variants,
                    joined(&p.titles),
                    joined(&p.organizations),
                    joined(&p.states),
                    p.releases.to_string(),
                    p.quotes.to_string(),
                    date(&p.first_date),
                    date(&p.last_date),
                ])?;
                result.persons += 1;
            }
            _ => {
                agencies.write_record([
                    id.clone(),
                    p.name().to_string(),
                    variants,
                    joined(&p.acronyms),
                    joined(&p.organizations),
                    joined(&p.states),
                    p.releases.to_string(),
                    date(&p.first_date),
                    date(&p.last_date),
                ])?;
                result.agencies += 1;
            }
        }
    }
    persons.flush()?;
    agencies.flush()?;
    result.elapsed = started.elapsed();
    Ok(result)
}

/// A CSV writer of rows without a header.
fn headless(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out)
}

/// The row with field `i` replaced.
fn replace(row: &StringRecord, i: usize, value: &str) -> StringRecord {
    row.iter()
        .enumerate()
        .map(|(k, f)| if k == i { value } else { f })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::schema;

    #[test]
    fn column_positions_match_the_tables() {
        assert_eq!(
            schema::RELEASES.csv_columns()[col::RELEASE_ID],
            "release_id"
        );
        assert_eq!(schema::RELEASES.csv_columns()[col::RELEASE_DATE], "date");
        assert_eq!(
            schema::RELEASES.csv_columns()[col::RELEASE_ISSUER],
            "issuer"
        );
        assert_eq!(schema::SENTENCES.csv_columns()[SENTENCE_TEXT], "text");
        assert_eq!(schema::ENTITIES.csv_columns()[col::ENTITY_ID], "entity_id");
        assert_eq!(schema::ENTITIES.csv_columns()[col::ENTITY_TYPE], "type");
        assert_eq!(schema::ENTITIES.csv_columns()[col::ENTITY_NAME], "name");
        assert_eq!(schema::ENTITIES.csv_columns()[col::ENTITY_TITLE], "title");
        assert_eq!(
            schema::ENTITIES.csv_columns()[col::ENTITY_ORGANIZATION],
            "organization"
        );
        assert_eq!(schema::ENTITIES.csv_columns()[col::ENTITY_STATE], "state");
        assert_eq!(
            schema::ENTITIES.csv_columns()[col::ENTITY_ACRONYM],
            "acronym"
        );
        assert_eq!(
            schema::ENTITIES.csv_columns()[col::ENTITY_MENTIONS],
            "mentions"
        );
        assert_eq!(
            schema::MENTIONS.csv_columns()[col::MENTION_ENTITY_ID],
            "entity_id"
        );
        assert_eq!(schema::MENTIONS.csv_columns()[col::MENTION_START], "start");
        assert_eq!(schema::MENTIONS.csv_columns()[col::MENTION_END], "end");
        assert_eq!(schema::QUOTES.csv_columns()[col::QUOTE_SPEAKER], "speaker");
        assert_eq!(
            schema::QUOTES.csv_columns()[col::QUOTE_SPEAKER_ID],
            "speaker_entity_id"
        );
    }

    #[test]
    fn rows_of_one_person_in_one_release_collapse() {
        let row = |id: &str, name: &str, title: &str, mentions: &str| {
            StringRecord::from(vec![
                "r1", id, "PERSON", name, "true", title, "", "MO", "", mentions, "5", "9",
            ])
        };
        let rows = collapse(vec![
            row("P-1", "Tam Orr", "", "2"),
            row("P-2", "Lu Fay", "Mayor", "1"),
            row("P-1", "Tam Q. Orr", "Senator", "3"),
        ]);
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][col::ENTITY_NAME], "Tam Q. Orr");
        assert_eq!(&rows[0][col::ENTITY_TITLE], "Senator");
        assert_eq!(&rows[0][col::ENTITY_MENTIONS], "5");
        assert_eq!(&rows[0][10], "5");
        assert_eq!(&rows[1][col::ENTITY_NAME], "Lu Fay");
    }
}
