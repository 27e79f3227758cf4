//! The Datasette metadata file written beside the quote database
//! (`output/quotes.db` → `output/quotes.metadata.json`), for
//! `datasette output/quotes.db -m output/quotes.metadata.json`.
//!
//! It holds the title, a source and licence line for the user to fill in (kept across
//! runs), every table's and column's description (from [`schema`]), suggested facets, the
//! search set-up of the view and the canned queries.

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::{json, Map, Value};

use super::schema::{self, Table};

/// A query offered on the database page, with a form for its `:parameters`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CannedQuery {
    /// Its name in the URL (`/quotes/NAME`).
    pub name: &'static str,
    /// Its title on the page.
    pub title: &'static str,
    /// What it answers.
    pub description: &'static str,
    /// The SQL, with named parameters.
    pub sql: &'static str,
}

/// The canned queries: the questions the tool exists for.
pub const CANNED_QUERIES: &[CannedQuery] = &[
    CannedQuery {
        name: "quotes_by_person",
        title: "Every quote by one person",
        description: "Every quotation attributed to a speaker (the canonical name, as in the \
                      speaker column), oldest first.",
        sql: "SELECT date, text, speaker_title, issuer, release_title, quote_id
FROM quotes_by_speaker
WHERE speaker = :speaker
ORDER BY date, quote_id",
    },
    CannedQuery {
        name: "quotes_mentioning",
        title: "Quotes mentioning a term, by speaker",
        description: "Every quotation whose words hold the term (a word or a phrase, any \
                      case), grouped by speaker and in date order.",
        sql: "SELECT q.speaker, r.date, q.text, q.quote_id
FROM quotes_fts
JOIN quotes q ON q.rowid = quotes_fts.rowid
JOIN releases r ON r.release_id = q.release_id
WHERE quotes_fts MATCH 'text: \"' || replace(:term, '\"', '\"\"') || '\"'
ORDER BY q.speaker, r.date, q.quote_id",
    },
    CannedQuery {
        name: "officials_of_state",
        title: "The officials of a state",
        description: "The people acting in a public role in a state (its USPS code, e.g. MO), \
                      with their titles and the number of releases naming them.",
        sql: "SELECT name, group_concat(DISTINCT title) AS titles,
       group_concat(DISTINCT organization) AS organizations,
       count(*) AS releases, entity_id
FROM entities
WHERE type = 'PERSON' AND official = 1 AND state = upper(trim(:state))
GROUP BY entity_id
ORDER BY releases DESC, name",
    },
];

/// Facets Datasette suggests on each table's page.
pub const FACETS: &[(&Table, &[&str])] = &[
    (&schema::QUOTES, &["speaker", "speaker_state"]),
    (
        &schema::QUOTES_BY_SPEAKER,
        &["speaker", "speaker_state", "issuer", "year"],
    ),
    (&schema::RELEASES, &["issuer"]),
    (&schema::ENTITIES, &["type", "state"]),
];

/// The top-level fields the user owns: written once with these values, then kept as the
/// user edits them.
const USER_FIELDS: &[(&str, &str)] = &[
    ("title", "Who said what: quotations from press releases"),
    (
        "description",
        "Direct quotations from government press releases and who said them, extracted by \
         whosaid. Start with quotes_by_speaker, or search the quotes table.",
    ),
    ("source", "not set yet: edit source and source_url in FILE"),
    ("source_url", ""),
    (
        "license",
        "not set yet: edit license and license_url in FILE",
    ),
    ("license_url", ""),
];

/// The metadata file of one database.
#[derive(Debug, Clone)]
pub struct Metadata {
    path: PathBuf,
    database: String,
    user: Map<String, Value>,
}

impl Metadata {
    /// The metadata of the database at `db`: the user's fields are read from the file
    /// beside it when there is one, so that a rerun keeps what they wrote there.
    pub fn for_database(db: &Path) -> Result<Metadata> {
        let stem = db
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|s| !s.is_empty())
            .with_context(|| format!("{}: a database needs a file name", db.display()))?;
        let path = db.with_file_name(format!("{stem}.metadata.json"));
        let file_name = path.file_name().unwrap_or_default().to_string_lossy();
        let mut user: Map<String, Value> = USER_FIELDS
            .iter()
            .map(|(k, v)| (k.to_string(), Value::from(v.replace("FILE", &file_name))))
            .collect();
        match fs::read_to_string(&path) {
            Ok(text) => {
                let existing: Value = serde_json::from_str(&text).with_context(|| {
                    format!(
                        "{}: not valid JSON, so the title, source and licence written there \
                         cannot be kept; fix or remove the file",
                        path.display()
                    )
                })?;
                let Value::Object(existing) = existing else {
                    bail!(
                        "{}: not a JSON object; fix or remove the file",
                        path.display()
                    );
                };
                for (key, value) in user.iter_mut() {
                    if let Some(v) = existing.get(key) {
                        *value = v.clone();
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
        Ok(Metadata {
            path,
            database: stem.to_string(),
            user,
        })
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's content.
    pub fn to_json(&self) -> Value {
        let mut tables = Map::new();
        for table in schema::TABLES.iter().filter(|t| t.in_database()) {
            let columns: Map<String, Value> = table
                .columns
                .iter()
                .map(|c| (c.name.to_string(), Value::from(c.description)))
                .collect();
            let mut entry = json!({ "description": table.description, "columns": columns });
            if let Some((_, facets)) = FACETS.iter().find(|(t, _)| t.name == table.name) {
                entry["facets"] = json!(facets);
            }
            tables.insert(table.name.to_string(), entry);
        }
        // The view searches the quotes' index through the column holding their rowids; the
        // quotes table itself needs nothing, Datasette finds its index.
        tables[schema::QUOTES_BY_SPEAKER.name]["fts_table"] = json!("quotes_fts");
        tables[schema::QUOTES_BY_SPEAKER.name]["fts_pk"] = json!("quote_rowid");
        let queries: Map<String, Value> = CANNED_QUERIES
            .iter()
            .map(|q| {
                let query = json!({ "title": q.title, "description": q.description, "sql": q.sql });
                (q.name.to_string(), query)
            })
            .collect();
        let mut root = self.user.clone();
        root.insert(
            "databases".to_string(),
            json!({ &self.database: { "tables": tables, "queries": queries } }),
        );
        Value::Object(root)
    }

    /// Writes the file, whole or not at all (a temporary file renamed over it).
    pub fn write(&self) -> Result<()> {
        let dir = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let write = || -> Result<()> {
            let mut tmp = tempfile::Builder::new()
                .prefix(".metadata.")
                .suffix(".tmp")
                .permissions(fs::Permissions::from_mode(0o644))
                .tempfile_in(dir)?;
            serde_json::to_writer_pretty(&mut tmp, &self.to_json())?;
            tmp.write_all(b"\n")?;
            tmp.persist(&self.path)?;
            Ok(())
        };
        write().with_context(|| format!("cannot write {}", self.path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_sits_beside_the_database_and_describes_every_database_table() {
        let m = Metadata::for_database(Path::new("/nowhere/out/quotes.db")).unwrap();
        assert_eq!(m.path(), Path::new("/nowhere/out/quotes.metadata.json"));
        let json = m.to_json();
        let tables = &json["databases"]["quotes"]["tables"];
        for table in schema::TABLES {
            let entry = &tables[table.name];
            assert_eq!(entry.is_null(), !table.in_database(), "{}", table.name);
            if table.in_database() {
                assert_eq!(entry["description"], table.description);
                for c in table.columns {
                    assert_eq!(entry["columns"][c.name], c.description, "{}", c.name);
                }
            }
        }
        assert_eq!(
            tables["quotes_by_speaker"]["facets"],
            json!(["speaker", "speaker_state", "issuer", "year"])
        );
        assert!(json["source"]
            .as_str()
            .unwrap()
            .contains("quotes.metadata.json"));
        let queries = json["databases"]["quotes"]["queries"].as_object().unwrap();
        assert_eq!(queries.len(), CANNED_QUERIES.len());
    }

    #[test]
    fn facets_and_the_search_key_name_real_columns() {
        for (table, facets) in FACETS {
            assert!(table.in_database(), "{}", table.name);
            for f in *facets {
                assert!(table.database_columns().contains(f), "{}.{f}", table.name);
            }
        }
        assert!(schema::QUOTES_BY_SPEAKER
            .database_columns()
            .contains(&"quote_rowid"));
    }

    #[test]
    fn a_rerun_keeps_what_the_user_wrote_and_replaces_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("q.db");
        let first = Metadata::for_database(&db).unwrap();
        first.write().unwrap();
        let mut edited: Value =
            serde_json::from_str(&fs::read_to_string(first.path()).unwrap()).unwrap();
        edited["source"] = json!("County press offices");
        edited["license"] = json!("CC BY 4.0");
        edited["databases"] = json!({ "q": { "tables": {} } });
        fs::write(first.path(), edited.to_string()).unwrap();

        let again = Metadata::for_database(&db).unwrap();
        again.write().unwrap();
        let written: Value =
            serde_json::from_str(&fs::read_to_string(again.path()).unwrap()).unwrap();
        assert_eq!(written["source"], "County press offices");
        assert_eq!(written["license"], "CC BY 4.0");
        assert_eq!(written["title"], first.to_json()["title"]);
        assert_eq!(written["databases"], first.to_json()["databases"]);
    }

    #[test]
    fn a_broken_file_is_an_error_naming_it_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("q.db");
        let path = dir.path().join("q.metadata.json");
        for (content, reason) in [
            ("{ not json", "not valid JSON"),
            ("[1]", "not a JSON object"),
        ] {
            fs::write(&path, content).unwrap();
            let e = format!("{:#}", Metadata::for_database(&db).unwrap_err());
            assert!(e.contains("q.metadata.json") && e.contains(reason), "{e}");
            assert_eq!(fs::read_to_string(&path).unwrap(), content);
        }
    }

    #[test]
    fn canned_queries_answer_with_their_parameters() {
        use crate::output::sqlite::tests::{analysis, run_of, TEXT};
        use crate::output::sqlite::Database;

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.db");
        Database::open(&path)
            .unwrap()
            .write_run(&run_of(dir.path(), &[analysis(TEXT)]))
            .unwrap();
        let conn = rusqlite::Connection::open(&path).unwrap();
        // The rows' `column`-th values.
        let run = |name: &str, param: &str, value: &str, column: usize| -> Vec<String> {
            let q = CANNED_QUERIES.iter().find(|q| q.name == name).unwrap();
            let mut stmt = conn.prepare(q.sql).unwrap();
            assert_eq!(stmt.parameter_count(), 1, "{name}");
            stmt.query_map(&[(param, value)], |r| r.get::<_, String>(column))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        assert_eq!(
            run("quotes_by_person", ":speaker", "Dana Reyes", 1),
            ["Every ballot counts,"]
        );
        assert!(run("quotes_by_person", ":speaker", "Reyes", 1).is_empty());
        assert_eq!(
            run("quotes_mentioning", ":term", "BALLOT counts", 0),
            ["Dana Reyes"]
        );
        // A quote mark typed in the form is no syntax error.
        assert_eq!(
            run("quotes_mentioning", ":term", "\"ballot", 0),
            ["Dana Reyes"]
        );
        // Words outside the quotation and an empty form find nothing.
        assert!(run("quotes_mentioning", ":term", "Salem", 0).is_empty());
        assert!(run("quotes_mentioning", ":term", "", 0).is_empty());
        assert_eq!(
            run("officials_of_state", ":state", " or ", 0),
            ["Dana Reyes"]
        );
        assert!(run("officials_of_state", ":state", "MO", 0).is_empty());
    }
}
