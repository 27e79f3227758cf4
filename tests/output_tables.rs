//! The tables: headers as documented, rows that match them, atomic replacement, and the
//! same bytes whatever the thread count.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use common::{extract, extract_rules, header, rows};
use whosaid::output::schema;

/// The tables written as CSV files.
fn csv_tables() -> impl Iterator<Item = &'static schema::Table> {
    schema::TABLES.iter().filter(|t| t.in_csv())
}

/// A temporary directory holding `in/` with twelve one-release files and one file of two
/// dated lines (14 releases); the directory is removed when the guard is dropped.
fn inputs() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    write_inputs(&input);
    (dir, input)
}

fn write_inputs(dir: &Path) {
    for i in 0..12 {
        fs::write(
            dir.join(format!("release_{i:02}.txt")),
            format!(
                "FOR IMMEDIATE RELEASE\nMay {d}, 2022\n\nOffice Announces Item {i}\n\n\
                 Columbia, Mo. — The office announced item {i} today. \
                 “This matters to every family,” Director Ann Quill said.\n\n###\n",
                d = i + 1
            ),
        )
        .unwrap();
    }
    fs::write(
        dir.join("lines.txt"),
        "01.02.19\tFirst line release. It has two sentences.\n\
         01.03.19\tSecond line release.\n",
    )
    .unwrap();
}

#[test]
fn every_table_has_its_documented_header_and_consistent_rows() {
    let (dir, input) = inputs();
    let out = dir.path().join("out");
    let o = extract_rules(&input, &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for t in csv_tables() {
        let (table, cols) = (t.csv_file(), t.csv_columns());
        assert_eq!(header(&out, &table), cols, "{table}");
        for row in rows(&out, &table) {
            assert_eq!(row.len(), cols.len(), "{table}: {row:?}");
        }
    }
    assert_eq!(rows(&out, "releases.csv").len(), 14);
}

/// Runs `extract` with `flags` at 1, 2 and 5 worker threads and asserts that every table
/// comes out byte for byte the same.
fn assert_same_tables_at_any_thread_count(flags: &[&str]) {
    let (dir, input) = inputs();
    let mut outputs = Vec::new();
    for threads in ["1", "2", "5"] {
        let out = dir.path().join(format!("out{threads}"));
        let mut args = flags.to_vec();
        args.extend([
            "--threads",
            threads,
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        let o = extract(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        outputs.push(out);
    }
    for table in csv_tables().map(schema::Table::csv_file) {
        let first = fs::read(outputs[0].join(&table)).unwrap();
        for other in &outputs[1..] {
            assert_eq!(
                first,
                fs::read(other.join(&table)).unwrap(),
                "{table} differs"
            );
        }
    }
}

#[test]
fn tables_are_identical_whatever_the_thread_count() {
    assert_same_tables_at_any_thread_count(&["--no-ner"]);
}

#[test]
fn tables_with_the_model_are_identical_whatever_the_thread_count() {
    // The model's batches run side by side on the worker threads.
    assert_same_tables_at_any_thread_count(&[]);
}

#[test]
fn a_rerun_replaces_tables_whole_and_leaves_no_temporary_files() {
    let (dir, input) = inputs();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("releases.csv"), "stale\n").unwrap();
    let o = extract_rules(&input, &out);
    assert!(o.status.success());
    assert_eq!(rows(&out, "releases.csv").len(), 14);
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != whosaid::output::cache::DIR_NAME)
        .filter(|name| name != whosaid::output::UNRESOLVED_DIR)
        .collect();
    names.sort();
    let mut expected: Vec<String> = csv_tables().map(schema::Table::csv_file).collect();
    expected.sort();
    assert_eq!(names, expected);
    let mut unresolved: Vec<String> = fs::read_dir(out.join(whosaid::output::UNRESOLVED_DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    unresolved.sort();
    assert_eq!(unresolved, ["entities.csv", "mentions.csv", "quotes.csv"]);
}

#[test]
fn a_failed_run_leaves_earlier_tables_untouched() {
    let (dir, input) = inputs();
    // The output path is a file, so the run cannot create its tables.
    let out = dir.path().join("out");
    fs::write(&out, "I am a file").unwrap();
    let o = extract_rules(&input, &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot create output directory"));
    assert_eq!(fs::read_to_string(&out).unwrap(), "I am a file");
}
