//! What every table and column holds: the one place the schema is described.
//!
//! The CSV headers, the SQLite tables' columns (checked by a test), the Datasette
//! metadata (`datasette.rs`) and the README's schema tables (checked by
//! `tests/readme_schema.rs`) all follow these definitions.

/// Where a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// A CSV file, and a table of the quote database.
    CsvAndDatabase,
    /// A CSV file only.
    CsvOnly,
    /// A view of the quote database only.
    DatabaseView,
}

/// Where a column of a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Wherever its table is.
    Everywhere,
    /// In the quote database only, not in the CSV file.
    DatabaseOnly,
}

/// One column: its name and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The column's name, in the CSV header and the database.
    pub name: &'static str,
    /// What it holds, as people read it.
    pub description: &'static str,
    /// Where it is written.
    pub kind: ColumnKind,
}

/// One table: its name, what a row is, and its columns in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// The database name; the CSV file is `NAME.csv`.
    pub name: &'static str,
    /// What one row is.
    pub description: &'static str,
    /// Where the table is written.
    pub kind: TableKind,
    /// Its columns in the CSV file's order (which leaves out the database-only ones; the
    /// database may order them otherwise).
    pub columns: &'static [Column],
}

impl Table {
    /// The CSV file's name.
    pub fn csv_file(&self) -> String {
        format!("{}.csv", self.name)
    }

    /// Whether the table is written as a CSV file.
    pub fn in_csv(&self) -> bool {
        self.kind != TableKind::DatabaseView
    }

    /// Whether the table (or view) is in the quote database.
    pub fn in_database(&self) -> bool {
        self.kind != TableKind::CsvOnly
    }

    /// The CSV header.
    pub fn csv_columns(&self) -> Vec<&'static str> {
        self.columns
            .iter()
            .filter(|c| c.kind == ColumnKind::Everywhere)
            .map(|c| c.name)
            .collect()
    }

    /// The database columns.
    pub fn database_columns(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.name).collect()
    }
}

const fn col(name: &'static str, description: &'static str) -> Column {
    Column {
        name,
        description,
        kind: ColumnKind::Everywhere,
    }
}

const THE_RELEASE: &str = "the release";
const RELEASE_ID: &str = "stable id of the release";
const SOURCE: &str = "input path relative to the input root";
const DATE: &str = "release date, ISO YYYY-MM-DD";
const ISSUER: &str = "the issuing office";
const QUOTE_ID: &str = "RELEASE_ID-qN";
const QUOTE_TEXT: &str = "the quoted words, without the outer quotation marks";
const SPEAKER: &str = "canonical speaker name; empty when the text does not say";
const SPEAKER_ENTITY_ID: &str = "the speaker's entity_id";
const CUE: &str = "the speech verb or phrase (\"said\", \"according to\")";
const METHOD: &str = "the rule that attributed the quote";
const CONFIDENCE: &str = "0 to 1";

/// `releases`: one row per release.
pub const RELEASES: Table = Table {
    name: "releases",
    description: "one row per release",
    kind: TableKind::CsvAndDatabase,
    columns: &[
        col("release_id", RELEASE_ID),
        col("source", SOURCE),
        col(
            "record",
            "index of the release within its file: 0 for one-release files, the index of the \
             dated line for DATE<TAB> files, the line number from 0 for JSON Lines (blank \
             and bad lines count, so a record keeps its id when another line is fixed)",
        ),
        Column {
            name: "content_hash",
            description: "hash of the release's rows in every table; a rerun rewrites the \
                          release when they change",
            kind: ColumnKind::DatabaseOnly,
        },
        col("date", DATE),
        col("title", "the headline as printed"),
        col("subtitle", "the sub-headline"),
        col(
            "dateline",
            "the place line opening the body (\"Jefferson City, Mo.\")",
        ),
        col("issuer", ISSUER),
        col("contact_name", "the press contact's name"),
        col("contact_phone", "the press contact's phone number"),
        col("contact_email", "the press contact's email address"),
        col("body_start", "byte offset where the body starts"),
        col("body_end", "byte offset where the body ends"),
        col("paragraphs", "number of paragraphs in the body"),
        col("sentences", "number of sentences in the body"),
        col("words", "number of words in the body"),
        col(
            "encoding",
            "what the file was decoded from: UTF-8, UTF-16LE, UTF-16BE or \
             windows-1252 (see Encodings)",
        ),
    ],
};

/// `sentences`: one row per body sentence.
pub const SENTENCES: Table = Table {
    name: "sentences",
    description: "one row per body sentence",
    kind: TableKind::CsvOnly,
    columns: &[
        col("release_id", THE_RELEASE),
        col("sentence", "index of the sentence in the release"),
        col("paragraph", "index of its paragraph in the release"),
        col("start", "byte offset where the sentence starts"),
        col("end", "byte offset where the sentence ends"),
        col("text", "the sentence"),
    ],
};

/// `entities`: one row per entity per release.
pub const ENTITIES: Table = Table {
    name: "entities",
    description: "one row per entity per release",
    kind: TableKind::CsvAndDatabase,
    columns: &[
        col("release_id", THE_RELEASE),
        col(
            "entity_id",
            "id shared across releases (the resolved person or agency)",
        ),
        col(
            "type",
            "PERSON, STATE, AGENCY, ORG (non-government organisation), LOCATION",
        ),
        col(
            "name",
            "canonical name (fullest form in the release, titles stripped); state name for \
             states. Rows of one release that resolve to one person are one row, under the \
             fullest of their names",
        ),
        col(
            "official",
            "true/false for people: acting in a public role or not (1/0 in the database)",
        ),
        col("title", "a person's title (\"Secretary of State\")"),
        col("organization", "the office or agency a person serves"),
        col(
            "state",
            "USPS code (\"MO\"): the state itself, or the state of a person or agency",
        ),
        col("acronym", "an agency's acronym (\"CISA\")"),
        col("mentions", "number of mentions in the release"),
        col("start", "byte offset where the first mention starts"),
        col("end", "byte offset where the first mention ends"),
    ],
};

/// `mentions`: one row per mention.
pub const MENTIONS: Table = Table {
    name: "mentions",
    description: "one row per mention",
    kind: TableKind::CsvAndDatabase,
    columns: &[
        col("release_id", THE_RELEASE),
        col("entity_id", "the entity mentioned"),
        col("start", "byte offset where the mention starts"),
        col("end", "byte offset where the mention ends"),
        col("text", "the mention as written"),
        col("sentence", "index of its sentence, empty outside the body"),
        col(
            "origin",
            "model for the NER model, rule for patterns and gazetteers",
        ),
    ],
};

/// `quotes`: one row per direct quotation.
pub const QUOTES: Table = Table {
    name: "quotes",
    description: "one row per direct quotation",
    kind: TableKind::CsvAndDatabase,
    columns: &[
        col("release_id", THE_RELEASE),
        col("quote_id", QUOTE_ID),
        col("text", QUOTE_TEXT),
        col("start", "byte offset where text starts"),
        col("end", "byte offset where text ends"),
        col("speaker", SPEAKER),
        col("speaker_entity_id", SPEAKER_ENTITY_ID),
        col("speaker_title", "the speaker's title"),
        col("speaker_state", "the speaker's state"),
        col("cue", CUE),
        col("method", METHOD),
        col("confidence", CONFIDENCE),
    ],
};

/// `persons`: one row per person resolved across the corpus.
pub const PERSONS: Table = Table {
    name: "persons",
    description: "one row per resolved person",
    kind: TableKind::CsvAndDatabase,
    columns: &[
        col("entity_id", "the person's id in the other tables"),
        col(
            "name",
            "the fullest form of the name (a name written in two rows or more before one \
             written once, then most words, most rows, longest)",
        ),
        col(
            "variants",
            "every name written for the person, ;-separated, sorted",
        ),
        col("titles", "every title given, ;-separated"),
        col("organizations", "every organisation given, ;-separated"),
        col("states", "every state given, ;-separated"),
        col("releases", "releases naming the person"),
        col("quotes", "quotations attributed to the person"),
        col("first_date", "date of the first of those releases"),
        col("last_date", "date of the last of those releases"),
    ],
};

/// `agencies`: one row per agency resolved across the corpus.
pub const AGENCIES: Table = Table {
    name: "agencies",
    description: "one row per resolved agency",
    kind: TableKind::CsvAndDatabase,
    columns: &[
        col("entity_id", "the agency's id in the other tables"),
        col("name", "the fullest form of the name"),
        col(
            "variants",
            "every name written for the agency, ;-separated, sorted",
        ),
        col("acronyms", "every acronym given, ;-separated"),
        col("organizations", "parent bodies, ;-separated"),
        col("states", "every state given, ;-separated"),
        col("releases", "releases naming the agency"),
        col("first_date", "date of the first of those releases"),
        col("last_date", "date of the last of those releases"),
    ],
};

/// `skipped`: inputs that gave no release.
pub const SKIPPED: Table = Table {
    name: "skipped",
    description: "inputs that gave no release",
    kind: TableKind::CsvOnly,
    columns: &[
        col(
            "source",
            "the input path, relative to the input root like releases.csv's (an input named \
             on the command line that cannot be used at all, such as a missing path, as it was \
             given)",
        ),
        col(
            "record",
            "index of the record within its file (for JSON Lines its line number from 0); \
             empty when the problem concerns the whole file",
        ),
        col(
            "kind",
            "error: could not be read; no_release: read, but holds no release, e.g. a \
             listing page",
        ),
        col("reason", "why"),
    ],
};

/// `quotes_by_speaker`: each quotation joined to its release and its speaker's entity.
pub const QUOTES_BY_SPEAKER: Table = Table {
    name: "quotes_by_speaker",
    description: "one row per quotation, with its release and its speaker's entity",
    kind: TableKind::DatabaseView,
    columns: &[
        col("date", DATE),
        col("year", "year of the release date"),
        col("speaker", SPEAKER),
        col(
            "speaker_name",
            "the resolved person's name (persons.name), the same for every spelling",
        ),
        col("text", QUOTE_TEXT),
        col(
            "speaker_title",
            "the speaker's title (from the speaker's entity, else from the quote)",
        ),
        col("speaker_state", "the speaker's state (USPS code)"),
        col(
            "speaker_official",
            "1 when the speaker acts in a public role, 0 when not",
        ),
        col(
            "speaker_type",
            "the speaker's entity type (PERSON, AGENCY, ORG, …)",
        ),
        col(
            "speaker_organization",
            "the office or agency the speaker serves",
        ),
        col("issuer", ISSUER),
        col("release_title", "the release's headline"),
        col("source", SOURCE),
        col("cue", CUE),
        col("method", METHOD),
        col("confidence", CONFIDENCE),
        col("quote_id", QUOTE_ID),
        col("release_id", RELEASE_ID),
        col("speaker_entity_id", SPEAKER_ENTITY_ID),
        col(
            "quote_rowid",
            "the quotation's rowid in quotes, which the full-text index quotes_fts refers to",
        ),
    ],
};

/// Every table, in the README's order.
pub const TABLES: &[Table] = &[
    RELEASES,
    SENTENCES,
    ENTITIES,
    MENTIONS,
    QUOTES,
    PERSONS,
    AGENCIES,
    SKIPPED,
    QUOTES_BY_SPEAKER,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_and_column_is_described_once() {
        let mut names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TABLES.len(), "a table is listed twice");
        for table in TABLES {
            let mut columns = table.database_columns();
            columns.sort_unstable();
            columns.dedup();
            assert_eq!(columns.len(), table.columns.len(), "{}", table.name);
            for c in table.columns {
                assert!(!c.description.is_empty(), "{}.{}", table.name, c.name);
            }
        }
    }

    #[test]
    fn the_csv_tables_are_the_ones_the_writers_name() {
        let csv: Vec<String> = TABLES
            .iter()
            .filter(|t| t.in_csv())
            .map(Table::csv_file)
            .collect();
        assert_eq!(csv, crate::output::TABLE_NAMES);
    }

    #[test]
    fn database_only_columns_stay_out_of_the_csv_header() {
        assert!(RELEASES.database_columns().contains(&"content_hash"));
        assert!(!RELEASES.csv_columns().contains(&"content_hash"));
        assert_eq!(QUOTES.csv_columns(), QUOTES.database_columns());
        assert!(!QUOTES_BY_SPEAKER.in_csv() && QUOTES_BY_SPEAKER.in_database());
        assert!(SENTENCES.in_csv() && !SENTENCES.in_database());
    }
}
