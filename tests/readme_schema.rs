//! The README's schema tables say what the code's schema (`whosaid::output::schema`) says:
//! the same tables, what a row is, and every column with its description, in order.

use std::collections::BTreeMap;
use std::path::Path;

use whosaid::output::schema::{ColumnKind, Table, TABLES};

/// How the README marks a column the CSV file does not have.
const DATABASE_ONLY: &str = "(database only) ";

/// One schema section of the README: `### `NAME`: DESCRIPTION` and its `| column |
/// meaning |` table, as lines `NAME: DESCRIPTION` (code marks dropped).
fn readme_sections(readme: &str) -> BTreeMap<String, Vec<String>> {
    let mut sections = BTreeMap::new();
    let mut lines = readme.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(heading) = line.strip_prefix("### `") else {
            continue;
        };
        let (name, description) = heading
            .split_once("`: ")
            .unwrap_or_else(|| panic!("a schema heading reads ### `NAME`: WHAT: {line}"));
        let mut section = vec![format!("{name}: {description}")];
        // The table follows the heading after a blank line: header, rule, then rows.
        while lines.peek().is_some_and(|l| l.trim().is_empty()) {
            lines.next();
        }
        assert_eq!(lines.next(), Some("| column | meaning |"), "{name}");
        assert_eq!(lines.next(), Some("|---|---|"), "{name}");
        while let Some(row) = lines.next_if(|l| l.starts_with('|')) {
            let cells: Vec<&str> = row.trim_matches('|').split(" | ").collect();
            assert_eq!(cells.len(), 2, "{name}: {row}");
            section.push(format!("{}: {}", cells[0].trim(), cells[1].trim()).replace('`', ""));
        }
        assert!(
            sections.insert(name.to_string(), section).is_none(),
            "{name} is described twice"
        );
    }
    sections
}

/// The README section the code's schema asks for.
fn expected_section(table: &Table) -> Vec<String> {
    let heading = if table.in_csv() {
        table.csv_file()
    } else {
        table.name.to_string()
    };
    let mut section = vec![format!("{heading}: {}", table.description)];
    for c in table.columns {
        let mark = match c.kind {
            ColumnKind::Everywhere => "",
            ColumnKind::DatabaseOnly => DATABASE_ONLY,
        };
        section.push(format!("{}: {mark}{}", c.name, c.description));
    }
    section
}

#[test]
fn the_readme_describes_the_schema_the_code_writes() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let mut sections = readme_sections(&readme);
    for table in TABLES {
        let expected = expected_section(table);
        let heading = expected[0].split(": ").next().unwrap().to_string();
        let found = sections
            .remove(&heading)
            .unwrap_or_else(|| panic!("the README has no section ### `{heading}`"));
        assert_eq!(
            found, expected,
            "the README's {heading} disagrees with src/output/schema.rs (code marks aside)"
        );
    }
    assert!(
        sections.is_empty(),
        "README sections with no table in src/output/schema.rs: {:?}",
        sections.keys().collect::<Vec<_>>()
    );
}

#[test]
fn a_drifted_readme_is_caught() {
    let readme = "### `quotes.csv`: one row per direct quotation\n\n| column | meaning |\n\
                  |---|---|\n| `release_id` | the release |\n";
    let found = &readme_sections(readme)["quotes.csv"];
    let expected = expected_section(&whosaid::output::schema::QUOTES);
    assert_eq!(found[..2], expected[..2]);
    assert_ne!(*found, expected, "a README missing columns must not pass");
}
