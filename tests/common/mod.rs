//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test crate uses its own subset

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use whosaid::doc::{Encoding, Header, Release, Sentence, SourceFormat, Span, TokenLayer};

/// The built `whosaid` binary.
pub fn whosaid() -> Command {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
}

/// Runs `whosaid extract ARGS... --quiet` and returns what it did.
pub fn extract(args: &[&str]) -> Output {
    whosaid()
        .arg("extract")
        .args(args)
        .arg("--quiet")
        .output()
        .expect("whosaid runs")
}

/// Runs `whosaid extract --no-ner INPUT --out OUT` (the rule stages only).
pub fn extract_rules(input: &Path, out: &Path) -> Output {
    extract(&[
        "--no-ner",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

/// Runs `whosaid extract --no-ner INPUT --out OUT` with its summary line on stderr (no
/// `--quiet`), for tests that read what a run reports.
pub fn extract_rules_reporting(input: &Path, out: &Path) -> Output {
    whosaid()
        .args(["extract", "--no-ner"])
        .arg(input)
        .arg("--out")
        .arg(out)
        .output()
        .expect("whosaid runs")
}

/// The read-only `shared/` folder beside the checkout (or `$WHOSAID_SHARED`), or `None`
/// with a message saying the test is skipped.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("WHOSAID_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED {test}: {} is absent (it holds third-party data that is not part of the \
             repository; set WHOSAID_SHARED to its location to run this test)",
            dir.display()
        );
        None
    }
}

/// Reads a CSV table into its rows (header excluded), each as field strings.
pub fn rows(dir: &Path, table: &str) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(dir.join(table)).expect("table exists");
    reader
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

/// The header of a CSV table.
pub fn header(dir: &Path, table: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_path(dir.join(table)).expect("table exists");
    reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect()
}

/// Index of a column in a table's header.
pub fn column(dir: &Path, table: &str, name: &str) -> usize {
    header(dir, table)
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("{table} has no column {name}"))
}

/// `text` in UTF-16 after its byte-order mark, little- or big-endian.
pub fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let bom: [u8; 2] = if little_endian {
        [0xff, 0xfe]
    } else {
        [0xfe, 0xff]
    };
    let units = text.encode_utf16().flat_map(|u| {
        if little_endian {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        }
    });
    bom.into_iter().chain(units).collect()
}

/// A release whose body is `sentences`, one paragraph, separated by single spaces.
pub fn release_of_sentences(sentences: &[&str]) -> Release {
    let text = sentences.join(" ");
    let mut spans = Vec::new();
    let mut pos = 0;
    for s in sentences {
        spans.push(Sentence {
            span: Span::new(pos, pos + s.len()),
            paragraph: 0,
        });
        pos += s.len() + 1;
    }
    let all = Span::new(0, text.len());
    Release {
        id: "test".into(),
        source: "test.txt".into(),
        record: 0,
        format: SourceFormat::Text,
        encoding: Encoding::Utf8,
        text: Arc::from(text),
        span: all,
        header: Header::default(),
        body: all,
        paragraphs: vec![all],
        sentences: spans,
        ner: Vec::new(),
        token_layer: TokenLayer::default(),
        press: Vec::new(),
    }
}
