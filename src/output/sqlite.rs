//! The quote database: the same tables as the CSV files in SQLite, with keys, indexes, a
//! full-text index over quotations and a view joining each quotation to its speaker and
//! release.
//!
//! It is written from a finished run's tables, after the resolution pass, so every row is
//! written once and with its resolved ids. Runs upsert by release: a release whose rows are
//! unchanged is left alone, a changed one has its rows replaced, all in one transaction, so
//! a killed run leaves the database as it was.

use std::path::Path;

use anyhow::{Context, Result};
use csv::StringRecord;
use rusqlite::{Connection, OptionalExtension};

use super::resolve::{reader, ByRelease};
use super::schema;

/// The tables; every statement is idempotent so opening an existing database is safe.
const SCHEMA: &str = r#"
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS releases (
    release_id    TEXT PRIMARY KEY,
    source        TEXT NOT NULL,
    record        INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    date          TEXT,
    title         TEXT,
    subtitle      TEXT,
    dateline      TEXT,
    issuer        TEXT,
    contact_name  TEXT,
    contact_phone TEXT,
    contact_email TEXT,
    body_start    INTEGER NOT NULL,
    body_end      INTEGER NOT NULL,
    paragraphs    INTEGER NOT NULL,
    sentences     INTEGER NOT NULL,
    words         INTEGER NOT NULL,
    encoding      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS releases_date ON releases(date);
CREATE TABLE IF NOT EXISTS entities (
    release_id   TEXT NOT NULL REFERENCES releases(release_id) ON DELETE CASCADE,
    entity_id    TEXT NOT NULL,
    type         TEXT NOT NULL,
    name         TEXT NOT NULL,
    official     INTEGER,
    title        TEXT,
    organization TEXT,
    state        TEXT,
    acronym      TEXT,
    mentions     INTEGER NOT NULL,
    start        INTEGER,
    end          INTEGER,
    PRIMARY KEY (release_id, entity_id)
);
CREATE INDEX IF NOT EXISTS entities_entity ON entities(entity_id);
CREATE INDEX IF NOT EXISTS entities_type_state ON entities(type, state);
CREATE TABLE IF NOT EXISTS mentions (
    release_id TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    sentence   INTEGER,
    origin     TEXT NOT NULL,
    PRIMARY KEY (release_id, entity_id, start, end),
    FOREIGN KEY (release_id, entity_id) REFERENCES entities(release_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE TABLE IF NOT EXISTS quotes (
    quote_id          TEXT PRIMARY KEY,
    release_id        TEXT NOT NULL REFERENCES releases(release_id) ON DELETE CASCADE,
    text              TEXT NOT NULL,
    start             INTEGER NOT NULL,
    end               INTEGER NOT NULL,
    speaker           TEXT,
    speaker_entity_id TEXT,
    speaker_title     TEXT,
    speaker_state     TEXT,
    cue               TEXT,
    method            TEXT NOT NULL,
    confidence        REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_release ON quotes(release_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE INDEX IF NOT EXISTS quotes_speaker_entity ON quotes(speaker_entity_id);
"#;

/// The full-text index over the quotations and their speakers: an FTS5 table with the
/// `quotes` table as its external content, declared the way Datasette and `sqlite-utils`
/// recognise a table's index (`content="quotes"`, the pattern they look for in
/// `sqlite_master.sql`). Created without `IF NOT EXISTS` so that the text SQLite stores is
/// exactly this and an index of another shape can be told apart.
const FTS_TABLE: &str =
    r#"CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content="quotes")"#;

/// What keeps the index in step with `quotes` (every insert, delete, cascade from a
/// replaced release and update), and the view (what a reader wants first, then the ids);
/// run at every open.
const FTS_TRIGGERS_AND_VIEW: &str = r#"
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
    VALUES ('delete', old.rowid, old.text, old.speaker);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_update AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
    VALUES ('delete', old.rowid, old.text, old.speaker);
    INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
END;
CREATE TABLE IF NOT EXISTS persons (
    entity_id     TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    variants      TEXT NOT NULL,
    titles        TEXT,
    organizations TEXT,
    states        TEXT,
    releases      INTEGER NOT NULL,
    quotes        INTEGER NOT NULL,
    first_date    TEXT,
    last_date     TEXT
);
CREATE TABLE IF NOT EXISTS agencies (
    entity_id     TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    variants      TEXT NOT NULL,
    acronyms      TEXT,
    organizations TEXT,
    states        TEXT,
    releases      INTEGER NOT NULL,
    first_date    TEXT,
    last_date     TEXT
);
DROP VIEW IF EXISTS quotes_by_speaker;
CREATE VIEW quotes_by_speaker AS
SELECT r.date, CAST(substr(r.date, 1, 4) AS INTEGER) AS year, q.speaker, p.name AS speaker_name,
       q.text,
       COALESCE(e.title, q.speaker_title) AS speaker_title,
       COALESCE(e.state, q.speaker_state) AS speaker_state, e.official AS speaker_official,
       e.type AS speaker_type, e.organization AS speaker_organization,
       r.issuer, r.title AS release_title, r.source, q.cue, q.method, q.confidence,
       q.quote_id, q.release_id, q.speaker_entity_id, q.rowid AS quote_rowid
FROM quotes q
JOIN releases r ON r.release_id = q.release_id
LEFT JOIN entities e ON e.release_id = q.release_id AND e.entity_id = q.speaker_entity_id
LEFT JOIN persons p ON p.entity_id = q.speaker_entity_id;
"#;

/// Sets up the tables, the full-text index, its triggers and the view. An index of another
/// shape (the one databases written before this version hold, which Datasette did not
/// recognise) is dropped and rebuilt from the quotes.
fn set_up(conn: &mut Connection) -> Result<()> {
    conn.execute_batch(SCHEMA)?;
    let tx = conn.transaction()?;
    let current: Option<String> = tx
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'",
            [],
            |row| row.get(0),
        )
        .optional()?;
    if current.as_deref() != Some(FTS_TABLE) {
        if current.is_some() {
            tx.execute_batch("DROP TABLE quotes_fts")?;
        }
        tx.execute_batch(FTS_TABLE)?;
        tx.execute_batch("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")?;
    }
    tx.execute_batch(FTS_TRIGGERS_AND_VIEW)?;
    tx.commit()?;
    Ok(())
}

/// An open quote database.
pub struct Database {
    conn: Connection,
}

impl Database {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Database> {
        let mut conn = Connection::open(path)
            .with_context(|| format!("cannot open the database {}", path.display()))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        set_up(&mut conn)
            .with_context(|| format!("cannot set up the database {}", path.display()))?;
        // A database written before releases had an encoding gets the column (its releases
        // were all read as UTF-8); it is the last column either way, as in releases.csv.
        if conn
            .prepare("SELECT encoding FROM releases LIMIT 0")
            .is_err()
        {
            conn.execute_batch(
                "ALTER TABLE releases ADD COLUMN encoding TEXT NOT NULL DEFAULT 'UTF-8'",
            )
            .with_context(|| format!("cannot add the encoding column to {}", path.display()))?;
        }
        Ok(Database { conn })
    }
}

/// What writing a run did to the database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DatabaseRun {
    /// Releases of the run that were new or had other rows: written.
    pub written: usize,
    /// Releases of the run whose rows the database already held: left alone.
    pub unchanged: usize,
    /// Releases the database holds from earlier runs that this run did not have. They keep
    /// their rows, whose entity ids were resolved over the corpus of their own run.
    pub absent: usize,
}

/// The tables written a release at a time, in the order their rows are inserted (a
/// mention's entity row comes before it).
const RELEASE_TABLES: [&schema::Table; 3] = [&schema::ENTITIES, &schema::MENTIONS, &schema::QUOTES];

/// An `INSERT` of one table's CSV columns, by name (the database may order them
/// otherwise and hold more).
fn insert_sql(table: &schema::Table, extra: &[&str]) -> String {
    let columns: Vec<&str> = table
        .csv_columns()
        .into_iter()
        .chain(extra.iter().copied())
        .collect();
    let slots: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({})",
        table.name,
        columns.join(", "),
        slots.join(", ")
    )
}

/// A CSV field as the database stores it: an empty field is NULL and `true`/`false` are
/// 1/0; the column's type affinity turns numbers written as text into numbers.
fn value(field: &str) -> rusqlite::types::Value {
    use rusqlite::types::Value;
    match field {
        "" => Value::Null,
        "true" => Value::Integer(1),
        "false" => Value::Integer(0),
        text => Value::Text(text.to_string()),
    }
}

/// The content hash of one release's rows: its row of `releases.csv` and its rows of the
/// entity, mention and quote tables, as written.
fn content_hash<'a>(rows: impl IntoIterator<Item = &'a StringRecord>) -> String {
    let mut hasher = blake3::Hasher::new();
    for row in rows {
        for field in row {
            hasher.update(field.as_bytes());
            hasher.update(&[0]);
        }
        hasher.update(&[1]);
    }
    hasher.finalize().to_hex().to_string()
}

impl Database {
    /// Writes the finished run whose tables are in `out` (after the resolution pass), in
    /// one transaction: a killed run leaves the database as it was. A release whose rows
    /// are those the database holds is left alone; any other has its rows replaced (a
    /// cascade removes the old ones). `persons` and `agencies` become the run's.
    pub fn write_run(&mut self, out: &Path) -> Result<DatabaseRun> {
        let tx = self.conn.transaction()?;
        let mut run = DatabaseRun::default();
        {
            let mut known =
                tx.prepare("SELECT content_hash FROM releases WHERE release_id = ?1")?;
            let mut delete = tx.prepare("DELETE FROM releases WHERE release_id = ?1")?;
            let mut insert_release =
                tx.prepare(&insert_sql(&schema::RELEASES, &["content_hash"]))?;
            let mut inserts = RELEASE_TABLES
                .iter()
                .map(|t| tx.prepare(&insert_sql(t, &[])))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut tables = RELEASE_TABLES
                .iter()
                .map(|t| ByRelease::open(&out.join(t.csv_file())))
                .collect::<Result<Vec<_>>>()?;
            let mut ids = Vec::new();
            for release in reader(&out.join(schema::RELEASES.csv_file()))? {
                let release = release?;
                let id = release[0].to_string();
                let rows = tables
                    .iter_mut()
                    .map(|t| t.take(&id))
                    .collect::<Result<Vec<_>>>()?;
                let hash = content_hash(std::iter::once(&release).chain(rows.iter().flatten()));
                let held: Option<String> = known.query_row([&id], |r| r.get(0)).optional()?;
                ids.push(id.clone());
                if held.as_deref() == Some(hash.as_str()) {
                    run.unchanged += 1;
                    continue;
                }
                if held.is_some() {
                    delete.execute([&id])?;
                }
                insert_release.execute(rusqlite::params_from_iter(
                    release.iter().map(value).chain([hash.into()]),
                ))?;
                for (insert, rows) in inserts.iter_mut().zip(&rows) {
                    for row in rows {
                        insert.execute(rusqlite::params_from_iter(row.iter().map(value)))?;
                    }
                }
                run.written += 1;
            }
            let held: i64 = tx.query_row("SELECT count(*) FROM releases", [], |r| r.get(0))?;
            run.absent = usize::try_from(held)?.saturating_sub(ids.len());
            for table in [&schema::PERSONS, &schema::AGENCIES] {
                tx.execute(&format!("DELETE FROM {}", table.name), [])?;
                let mut insert = tx.prepare(&insert_sql(table, &[]))?;
                for row in reader(&out.join(table.csv_file()))? {
                    insert.execute(rusqlite::params_from_iter(row?.iter().map(value)))?;
                }
            }
        }
        tx.commit()?;
        Ok(run)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::attribution::{Quote, Speaker};
    use crate::doc::fixture::ReleaseBuilder;
    use crate::doc::Span;
    use crate::entities::{Entity, EntityId, EntityType, Mention, Origin};
    use crate::lexicon::states::StateCode;
    use crate::output::{Analysis, Fragments, Writers};

    pub(crate) const TEXT: &str =
        "“Every ballot counts,” Secretary Dana Reyes said. Reyes spoke in Salem.";

    /// One release by an invented official, with one attributed quotation.
    pub(crate) fn analysis(text: &str) -> Analysis {
        let release = ReleaseBuilder::new(text).build();
        let name_at = text.find("Dana Reyes").unwrap();
        let person = Entity {
            id: EntityId::of(EntityType::Person, "Dana Reyes"),
            kind: EntityType::Person,
            name: "Dana Reyes".to_string(),
            official: Some(true),
            title: Some("Secretary".to_string()),
            organization: None,
            state: StateCode::parse("OR"),
            acronym: None,
            mentions: vec![Mention {
                span: Span::new(name_at, name_at + "Dana Reyes".len()),
                sentence: Some(0),
                origin: Origin::Model,
            }],
        };
        let quote_start = "“".len();
        let quote = Quote {
            span: Span::new(quote_start, quote_start + "Every ballot counts,".len()),
            speaker: Some(Speaker {
                name: "Dana Reyes".to_string(),
                entity_id: Some(person.id.clone()),
                title: Some("Secretary".to_string()),
                state: StateCode::parse("OR"),
                kind: EntityType::Person,
            }),
            cue: None,
            method: crate::attribution::Method::After,
            confidence: 0.9,
        };
        Analysis {
            release,
            entities: vec![person],
            quotes: vec![quote],
        }
    }

    /// The tables of a run over `analyses`, written by the run's own writers (resolution
    /// included) into a fresh directory under `dir`.
    pub(crate) fn run_of(dir: &Path, analyses: &[Analysis]) -> std::path::PathBuf {
        let out = tempfile::tempdir_in(dir).unwrap().keep();
        let mut writers = Writers::create(&out).unwrap();
        let mut fragments = Fragments::default();
        for a in analyses {
            fragments.add(a).unwrap();
        }
        writers.append(&fragments).unwrap();
        writers.finish().unwrap();
        out
    }

    /// The release of [`analysis`] under another id.
    fn with_id(mut a: Analysis, id: &str) -> Analysis {
        a.release.id = id.to_string();
        a
    }

    fn count(db: &Database, table: &str) -> i64 {
        db.conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    fn outcome(written: usize, unchanged: usize, absent: usize) -> DatabaseRun {
        DatabaseRun {
            written,
            unchanged,
            absent,
        }
    }

    #[test]
    fn a_run_inserts_then_skips_unchanged_and_replaces_changed_releases() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.db");
        let first = run_of(dir.path(), &[analysis(TEXT)]);
        let mut db = Database::open(&path).unwrap();
        assert_eq!(db.write_run(&first).unwrap(), outcome(1, 0, 0));
        assert_eq!(db.write_run(&first).unwrap(), outcome(0, 1, 0));
        drop(db);
        let mut db = Database::open(&path).unwrap();
        assert_eq!(db.write_run(&first).unwrap(), outcome(0, 1, 0));
        let changed = run_of(dir.path(), &[analysis(&TEXT.replace("Salem", "Eugene"))]);
        assert_eq!(db.write_run(&changed).unwrap(), outcome(1, 0, 0));
        for table in ["releases", "entities", "mentions", "quotes", "persons"] {
            assert_eq!(
                count(&db, table),
                1,
                "{table} holds one row, not duplicates"
            );
        }
    }

    /// The database holds the run's tables as the CSV files hold them: the resolved ids,
    /// every entity and mention row once, booleans as 1/0 and empty fields as NULL.
    #[test]
    fn the_rows_are_those_of_the_resolved_tables() {
        let dir = tempfile::tempdir().unwrap();
        let out = run_of(dir.path(), &[analysis(TEXT)]);
        let mut db = Database::open(&dir.path().join("q.db")).unwrap();
        db.write_run(&out).unwrap();
        let csv_rows = |table: &str| -> Vec<StringRecord> {
            reader(&out.join(format!("{table}.csv")))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        let entity = &csv_rows("entities")[0];
        let (id, official, acronym): (String, i64, Option<String>) = db
            .conn
            .query_row(
                "SELECT entity_id, official, acronym FROM entities",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((id.as_str(), official, acronym), (&entity[1], 1, None));
        let speaker: String = db
            .conn
            .query_row("SELECT speaker_entity_id FROM quotes", [], |r| r.get(0))
            .unwrap();
        assert_eq!(speaker, &csv_rows("quotes")[0][6]);
        assert_eq!(speaker, id, "the quote's speaker is the entity, resolved");
        let persons: String = db
            .conn
            .query_row("SELECT entity_id FROM persons", [], |r| r.get(0))
            .unwrap();
        assert_eq!(persons, id);
        assert_eq!(count(&db, "mentions"), csv_rows("mentions").len() as i64);
    }

    #[test]
    fn releases_of_earlier_runs_stay_and_are_counted_as_absent() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Database::open(&dir.path().join("q.db")).unwrap();
        let both = run_of(dir.path(), &[analysis(TEXT), with_id(analysis(TEXT), "r2")]);
        assert_eq!(db.write_run(&both).unwrap(), outcome(2, 0, 0));
        let one = run_of(dir.path(), &[analysis(TEXT)]);
        assert_eq!(db.write_run(&one).unwrap(), outcome(0, 1, 1));
        assert_eq!(count(&db, "releases"), 2);
        assert_eq!(count(&db, "quotes"), 2);
    }

    #[test]
    fn a_database_from_before_the_encoding_column_gets_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let old_schema = SCHEMA.replace(",\n    encoding      TEXT NOT NULL\n", "\n");
        assert_ne!(old_schema, SCHEMA);
        Connection::open(&path)
            .unwrap()
            .execute_batch(&old_schema)
            .unwrap();
        let mut db = Database::open(&path).unwrap();
        let out = run_of(dir.path(), &[analysis(TEXT)]);
        assert_eq!(db.write_run(&out).unwrap(), outcome(1, 0, 0));
        let encoding: String = db
            .conn
            .query_row("SELECT encoding FROM releases", [], |r| r.get(0))
            .unwrap();
        assert_eq!(encoding, "UTF-8");
    }

    #[test]
    fn full_text_search_and_speaker_view_follow_the_quotes() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Database::open(&dir.path().join("q.db")).unwrap();
        db.write_run(&run_of(dir.path(), &[analysis(TEXT)]))
            .unwrap();
        let hit: (String, String, i64) = db
            .conn
            .query_row(
                "SELECT v.speaker, v.speaker_state, v.speaker_official FROM quotes_fts f
                 JOIN quotes_by_speaker v ON v.quote_id = (SELECT quote_id FROM quotes WHERE rowid = f.rowid)
                 WHERE quotes_fts MATCH 'ballot'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(hit, ("Dana Reyes".to_string(), "OR".to_string(), 1));
        // Replacing the release removes its old quote from the index too.
        let edited = run_of(dir.path(), &[analysis(&TEXT.replace("Salem", "Bend"))]);
        db.write_run(&edited).unwrap();
        assert_eq!(matches(&db, "ballot"), 1);
    }

    #[test]
    fn several_releases_are_written_in_one_transaction_each_on_its_own_terms() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Database::open(&dir.path().join("q.db")).unwrap();
        let both = run_of(dir.path(), &[analysis(TEXT), with_id(analysis(TEXT), "r2")]);
        assert_eq!(db.write_run(&both).unwrap(), outcome(2, 0, 0));
        let changed = run_of(
            dir.path(),
            &[
                analysis(TEXT),
                with_id(analysis(&TEXT.replace("Salem", "Eugene")), "r2"),
            ],
        );
        assert_eq!(db.write_run(&changed).unwrap(), outcome(1, 1, 0));
        assert_eq!(count(&db, "releases"), 2);
        assert_eq!(count(&db, "quotes"), 2);
        assert_index_matches_quotes(&db);
    }

    fn matches(db: &Database, query: &str) -> i64 {
        db.conn
            .query_row(
                "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?1",
                [query],
                |r| r.get(0),
            )
            .unwrap()
    }

    /// FTS5's own check that the index holds exactly the rows of its content table.
    fn assert_index_matches_quotes(db: &Database) {
        db.conn
            .execute(
                "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .expect("the index agrees with the quotes table");
    }

    #[test]
    fn a_replaced_release_leaves_no_stale_index_rows() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Database::open(&dir.path().join("q.db")).unwrap();
        db.write_run(&run_of(dir.path(), &[analysis(TEXT)]))
            .unwrap();
        assert_index_matches_quotes(&db);
        // Same length, other words: the quotation now reads "Every letter counts,".
        let edited = run_of(dir.path(), &[analysis(&TEXT.replace("ballot", "letter"))]);
        assert_eq!(db.write_run(&edited).unwrap(), outcome(1, 0, 0));
        assert_eq!(matches(&db, "ballot"), 0);
        assert_eq!(matches(&db, "letter"), 1);
        assert_eq!(matches(&db, "speaker: Reyes"), 1);
        assert_index_matches_quotes(&db);
        db.conn
            .execute("UPDATE quotes SET text = 'Every vote counts,'", [])
            .unwrap();
        assert_eq!((matches(&db, "letter"), matches(&db, "vote")), (0, 1));
        assert_index_matches_quotes(&db);
    }

    #[test]
    fn datasette_finds_the_index_of_the_quotes_table() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(&dir.path().join("q.db")).unwrap();
        // The test Datasette 0.65 (`utils.detect_fts_sql`) and sqlite-utils make.
        let found: String = db
            .conn
            .query_row(
                r#"SELECT name FROM sqlite_master WHERE rootpage = 0
                   AND sql LIKE '%VIRTUAL TABLE%USING FTS%content="quotes"%'"#,
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, "quotes_fts");
    }

    #[test]
    fn an_index_of_the_old_shape_is_rebuilt_over_the_quotes_it_held() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.db");
        let mut db = Database::open(&path).unwrap();
        db.write_run(&run_of(dir.path(), &[analysis(TEXT)]))
            .unwrap();
        // How databases written before Datasette could see the index declared it.
        db.conn
            .execute_batch(
                "DROP TABLE quotes_fts;
                 CREATE VIRTUAL TABLE quotes_fts USING fts5(
                     text, speaker, content = 'quotes', content_rowid = 'rowid');",
            )
            .unwrap();
        drop(db);
        let db = Database::open(&path).unwrap();
        let sql: String = db
            .conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(sql, FTS_TABLE);
        assert_eq!(matches(&db, "ballot"), 1);
        assert_index_matches_quotes(&db);
    }

    /// Every column of the database is described in the schema, and no other (the quotes
    /// table orders them otherwise than its CSV file).
    #[test]
    fn database_columns_are_the_schema_s() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(&dir.path().join("q.db")).unwrap();
        for table in crate::output::schema::TABLES
            .iter()
            .filter(|t| t.in_database())
        {
            let mut stmt = db
                .conn
                .prepare(&format!(
                    "SELECT name FROM pragma_table_info('{}')",
                    table.name
                ))
                .unwrap();
            let mut columns: Vec<String> = stmt
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            columns.sort_unstable();
            let mut expected = table.database_columns();
            expected.sort_unstable();
            assert_eq!(columns, expected, "{}", table.name);
        }
    }
}
