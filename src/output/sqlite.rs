//! The quote database: the same tables as the CSV files in SQLite, with keys, indexes, a
//! full-text index over quotations and a view joining each quotation to its speaker and
//! release.
//!
//! Runs upsert by release: a release whose content fingerprint is unchanged is left alone,
//! a changed one has its rows replaced in one transaction, so a killed run leaves every
//! release either as it was or fully rewritten.

use std::path::Path;

use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{Analysis, Rows};

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

/// A row of the resolved `entities.csv`.
#[derive(serde::Deserialize)]
struct EntityCsv {
    release_id: String,
    entity_id: String,
    #[serde(rename = "type")]
    kind: String,
    name: String,
    official: Option<bool>,
    title: Option<String>,
    organization: Option<String>,
    state: Option<String>,
    acronym: Option<String>,
    mentions: i64,
    start: Option<i64>,
    end: Option<i64>,
}

/// A row of the resolved `mentions.csv`.
#[derive(serde::Deserialize)]
struct MentionCsv {
    release_id: String,
    entity_id: String,
    start: i64,
    end: i64,
    text: String,
    sentence: Option<i64>,
    origin: String,
}

/// Reads a table of the output directory `out` as rows of `T`.
fn read_table<T: serde::de::DeserializeOwned>(
    out: &Path,
    table: &str,
) -> Result<impl Iterator<Item = Result<T>>> {
    let path = out.join(table);
    let reader =
        csv::Reader::from_path(&path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(reader
        .into_deserialize()
        .map(move |row| row.with_context(|| format!("bad row in {}", path.display()))))
}

/// What an upsert did to one release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    /// The release was not in the database.
    Inserted,
    /// The release was there with other content; its rows were replaced.
    Replaced,
    /// The release was there with the same content; nothing was written.
    Unchanged,
}

/// An open quote database.
pub struct Database {
    conn: Connection,
    fingerprint: String,
}

impl Database {
    /// Opens (creating if needed) the database at `path`. `fingerprint` names what produced
    /// the rows (program version, model): a release is rewritten when its text or the
    /// fingerprint changes.
    pub fn open(path: &Path, fingerprint: &str) -> Result<Database> {
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
        Ok(Database {
            conn,
            fingerprint: fingerprint.to_string(),
        })
    }

    /// Writes one release's rows in one transaction, unless they are already there.
    pub fn upsert(&mut self, a: &Analysis) -> Result<Upsert> {
        Ok(self.upsert_all([a])?[0])
    }

    /// Writes the rows of several releases in one transaction, each unless it is already
    /// there: a killed run leaves every one of them as it was. One transaction for many
    /// releases spares a commit (and a new full-text index segment) per release.
    pub fn upsert_all<'a>(
        &mut self,
        analyses: impl IntoIterator<Item = &'a Analysis>,
    ) -> Result<Vec<Upsert>> {
        let tx = self.conn.transaction()?;
        let outcomes = analyses
            .into_iter()
            .map(|a| upsert_in(&tx, &self.fingerprint, a))
            .collect::<Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(outcomes)
    }
}

/// The content hash of a release: its text, its encoding and the database's fingerprint.
fn content_hash(fingerprint: &str, a: &Analysis) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(fingerprint.as_bytes());
    hasher.update(&[0]);
    hasher.update(a.release.encoding.name().as_bytes());
    hasher.update(&[0]);
    hasher.update(a.release.slice(a.release.span).as_bytes());
    hasher.finalize().to_hex().to_string()
}

/// Writes one release's rows within `tx`, replacing those of an earlier version.
fn upsert_in(tx: &Transaction<'_>, fingerprint: &str, a: &Analysis) -> Result<Upsert> {
    let hash = content_hash(fingerprint, a);
    let existing: Option<String> = tx
        .query_row(
            "SELECT content_hash FROM releases WHERE release_id = ?1",
            [&a.release.id],
            |row| row.get(0),
        )
        .optional()?;
    let outcome = match existing {
        Some(h) if h == hash => return Ok(Upsert::Unchanged),
        Some(_) => {
            tx.execute(
                "DELETE FROM releases WHERE release_id = ?1",
                [&a.release.id],
            )?;
            Upsert::Replaced
        }
        None => Upsert::Inserted,
    };
    insert(tx, &Rows::of(a), &hash)?;
    Ok(outcome)
}

impl Database {
    /// Gives the releases of a run the resolved ids of its tables in `out`: their entity
    /// and mention rows are replaced by those of `entities.csv` and `mentions.csv`, their
    /// quotes take the speaker ids of `quotes.csv`, and `persons` and `agencies` become
    /// those of `persons.csv` and `agencies.csv`. One transaction.
    pub fn apply_resolution(&mut self, out: &Path) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut clear = tx.prepare("DELETE FROM entities WHERE release_id = ?1")?;
            for row in read_table::<(String,)>(out, "releases.csv")? {
                clear.execute([row?.0])?;
            }
            let mut insert = tx.prepare(
                "INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?;
            for e in read_table::<EntityCsv>(out, "entities.csv")? {
                let e = e?;
                insert.execute(params![
                    e.release_id,
                    e.entity_id,
                    e.kind,
                    e.name,
                    e.official,
                    e.title,
                    e.organization,
                    e.state,
                    e.acronym,
                    e.mentions,
                    e.start,
                    e.end
                ])?;
            }
            let mut insert =
                tx.prepare("INSERT OR IGNORE INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
            for m in read_table::<MentionCsv>(out, "mentions.csv")? {
                let m = m?;
                insert.execute(params![
                    m.release_id,
                    m.entity_id,
                    m.start,
                    m.end,
                    m.text,
                    m.sentence,
                    m.origin
                ])?;
            }
            let mut update = tx.prepare(
                "UPDATE quotes SET speaker_entity_id = ?2
                 WHERE quote_id = ?1 AND speaker_entity_id IS NOT ?2",
            )?;
            for q in read_table::<Vec<Option<String>>>(out, "quotes.csv")? {
                let q = q?;
                update.execute(params![q[1], q[6]])?;
            }
            for (table, columns) in [
                ("persons", super::schema::PERSONS.csv_columns()),
                ("agencies", super::schema::AGENCIES.csv_columns()),
            ] {
                tx.execute(&format!("DELETE FROM {table}"), [])?;
                let slots: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
                let mut insert = tx.prepare(&format!(
                    "INSERT INTO {table} VALUES ({})",
                    slots.join(", ")
                ))?;
                for row in read_table::<Vec<Option<String>>>(out, &format!("{table}.csv"))? {
                    insert.execute(rusqlite::params_from_iter(row?))?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }
}

fn insert(tx: &Transaction<'_>, rows: &Rows<'_>, hash: &str) -> Result<()> {
    let r = &rows.release;
    tx.execute(
        "INSERT INTO releases VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        params![
            r.release_id, r.source, r.record, hash, r.date, r.title, r.subtitle, r.dateline,
            r.issuer, r.contact_name, r.contact_phone, r.contact_email, r.body_start, r.body_end,
            r.paragraphs, r.sentences, r.words, r.encoding
        ],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for e in &rows.entities {
        stmt.execute(params![
            e.release_id,
            e.entity_id,
            e.kind,
            e.name,
            e.official,
            e.title,
            e.organization,
            e.state,
            e.acronym,
            e.mentions,
            e.start,
            e.end
        ])?;
    }
    // A mention recorded twice at the same place for one entity is one row.
    let mut stmt =
        tx.prepare_cached("INSERT OR IGNORE INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    for m in &rows.mentions {
        let origin = match m.origin {
            crate::entities::Origin::Model => "model",
            crate::entities::Origin::Rule => "rule",
        };
        stmt.execute(params![
            m.release_id,
            m.entity_id,
            m.start,
            m.end,
            m.text,
            m.sentence,
            origin
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO quotes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for q in &rows.quotes {
        stmt.execute(params![
            q.quote_id,
            q.release_id,
            q.text,
            q.start,
            q.end,
            q.speaker,
            q.speaker_entity_id,
            q.speaker_title,
            q.speaker_state,
            q.cue,
            q.method,
            q.confidence
        ])?;
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::attribution::{Quote, Speaker};
    use crate::doc::{Encoding, Header, Release, SourceFormat, Span};
    use crate::entities::{entity_id, Entity, EntityType, Mention, Origin};

    pub(crate) const TEXT: &str =
        "“Every ballot counts,” Secretary Dana Reyes said. Reyes spoke in Salem.";

    /// One release by an invented official, with one attributed quotation.
    pub(crate) fn analysis(text: &str) -> Analysis {
        let release = Release {
            id: "r1".to_string(),
            source: "a.txt".to_string(),
            record: 0,
            format: SourceFormat::Text,
            encoding: Encoding::Utf8,
            text: Arc::from(text),
            span: Span::new(0, text.len()),
            header: Header::default(),
            body: Span::new(0, text.len()),
            paragraphs: vec![Span::new(0, text.len())],
            sentences: Vec::new(),
            ner: Vec::new(),
        };
        let name_at = text.find("Dana Reyes").unwrap();
        let person = Entity {
            id: entity_id(EntityType::Person, "Dana Reyes"),
            kind: EntityType::Person,
            name: "Dana Reyes".to_string(),
            official: Some(true),
            title: Some("Secretary".to_string()),
            organization: None,
            state: Some("OR".to_string()),
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
                state: Some("OR".to_string()),
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

    fn count(db: &Database, table: &str) -> i64 {
        db.conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn upsert_inserts_skips_unchanged_and_replaces_changed_releases() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.db");
        let mut db = Database::open(&path, "test").unwrap();
        assert_eq!(db.upsert(&analysis(TEXT)).unwrap(), Upsert::Inserted);
        assert_eq!(db.upsert(&analysis(TEXT)).unwrap(), Upsert::Unchanged);
        drop(db);
        let mut db = Database::open(&path, "test").unwrap();
        assert_eq!(db.upsert(&analysis(TEXT)).unwrap(), Upsert::Unchanged);
        let changed = TEXT.replace("Salem", "Eugene");
        assert_eq!(db.upsert(&analysis(&changed)).unwrap(), Upsert::Replaced);
        for table in ["releases", "entities", "mentions", "quotes"] {
            assert_eq!(
                count(&db, table),
                1,
                "{table} holds one row, not duplicates"
            );
        }
        let mut other = Database::open(&path, "another model").unwrap();
        assert_eq!(other.upsert(&analysis(&changed)).unwrap(), Upsert::Replaced);
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
        let mut db = Database::open(&path, "test").unwrap();
        assert_eq!(db.upsert(&analysis(TEXT)).unwrap(), Upsert::Inserted);
        let encoding: String = db
            .conn
            .query_row("SELECT encoding FROM releases", [], |r| r.get(0))
            .unwrap();
        assert_eq!(encoding, "UTF-8");
    }

    #[test]
    fn full_text_search_and_speaker_view_follow_the_quotes() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Database::open(&dir.path().join("q.db"), "test").unwrap();
        db.upsert(&analysis(TEXT)).unwrap();
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
        db.upsert(&analysis(&TEXT.replace("Salem", "Bend")))
            .unwrap();
        let hits: i64 = db
            .conn
            .query_row(
                "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'ballot'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hits, 1);
    }

    #[test]
    fn several_releases_are_upserted_in_one_transaction_each_on_its_own_terms() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Database::open(&dir.path().join("q.db"), "test").unwrap();
        let mut second = analysis(TEXT);
        second.release.id = "r2".to_string();
        let both = [analysis(TEXT), second.clone()];
        assert_eq!(
            db.upsert_all(&both).unwrap(),
            [Upsert::Inserted, Upsert::Inserted]
        );
        let mut changed = analysis(&TEXT.replace("Salem", "Eugene"));
        changed.release.id = "r2".to_string();
        assert_eq!(
            db.upsert_all([&both[0], &changed]).unwrap(),
            [Upsert::Unchanged, Upsert::Replaced]
        );
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
        let mut db = Database::open(&dir.path().join("q.db"), "test").unwrap();
        db.upsert(&analysis(TEXT)).unwrap();
        assert_index_matches_quotes(&db);
        // Same length, other words: the quotation now reads "Every letter counts,".
        let edited = TEXT.replace("ballot", "letter");
        assert_eq!(db.upsert(&analysis(&edited)).unwrap(), Upsert::Replaced);
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
        let db = Database::open(&dir.path().join("q.db"), "test").unwrap();
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
        let mut db = Database::open(&path, "test").unwrap();
        db.upsert(&analysis(TEXT)).unwrap();
        // How databases written before Datasette could see the index declared it.
        db.conn
            .execute_batch(
                "DROP TABLE quotes_fts;
                 CREATE VIRTUAL TABLE quotes_fts USING fts5(
                     text, speaker, content = 'quotes', content_rowid = 'rowid');",
            )
            .unwrap();
        drop(db);
        let db = Database::open(&path, "test").unwrap();
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
        let db = Database::open(&dir.path().join("q.db"), "test").unwrap();
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
