//! Every real input gets through: releases saved in Windows-1252, in UTF-16 with a
//! byte-order mark and in UTF-8 with one are decoded and attributed, and a JSON Lines file
//! with a bad line loses that line alone, in `extract` (also when replayed from the cache)
//! and in `stream`.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use common::{column, extract_rules, extract_rules_reporting, rows, utf16, whosaid};

/// An invented one-release file whose quote is attributed to `speaker`.
fn release(town: &str, speaker: &str, headline: &str) -> String {
    format!(
        "FOR IMMEDIATE RELEASE\nMarch 3, 2021\n\n{headline}\n\n{town} — The county café \
         opened its doors today. “We are proud of this café and its résumé of good work,” \
         {speaker} said. “It serves everyone.”\n"
    )
}

const GOOD_RECORD_1: &str = r#"{"title": "Board Adopts Water Rule", "date": "2024-03-05", "text": "AUSTIN, Texas — The board adopted a water rule today. “It is fair and it is finished,” Commissioner Ray Dunn said."}"#;
const GOOD_RECORD_2: &str = r#"{"title": "Trails Reopen", "date": "2024-04-22", "text": "BOISE, Idaho — The parks office reopened the river trails. “Come and see the new bridges,” Director Lee Park said."}"#;

/// Writes the four files of the issue into `input`.
fn write_every_kind(input: &Path) {
    let legacy = release(
        "Springfield, Mo.",
        "Director Ann Quill",
        "County Café Opens",
    );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&legacy);
    assert!(!unmappable);
    // Curly quotes and é as Windows tools save them.
    assert!([0x93, 0x94, 0xe9].iter().all(|b| bytes.contains(b)));
    fs::write(input.join("legacy_1252.txt"), &bytes).unwrap();
    let wide = release("Dover, Del.", "Sheriff Pat Long", "Sheriff Visits Café");
    fs::write(input.join("windows_utf16.txt"), utf16(&wide, true)).unwrap();
    let bom = release("Salem, Ore.", "Mayor Nadia Brook", "Mayor Praises Café");
    fs::write(
        input.join("with_bom.txt"),
        [&b"\xef\xbb\xbf"[..], bom.as_bytes()].concat(),
    )
    .unwrap();
    fs::write(
        input.join("feed.jsonl"),
        format!("{GOOD_RECORD_1}\n{{\"title\": \"broken\", \"text\": \n{GOOD_RECORD_2}\n"),
    )
    .unwrap();
}

#[test]
fn every_encoding_and_a_bad_json_line_give_five_attributed_releases_and_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    write_every_kind(&input);
    let out = dir.path().join("out");
    let o = extract_rules(&input, &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the bad line is an error: {stderr}"
    );
    assert!(
        stderr.contains("feed.jsonl: line 2: not a JSON object"),
        "{stderr}"
    );

    let releases = rows(&out, "releases.csv");
    let (id, source, record, encoding) = (
        column(&out, "releases.csv", "release_id"),
        column(&out, "releases.csv", "source"),
        column(&out, "releases.csv", "record"),
        column(&out, "releases.csv", "encoding"),
    );
    let got: Vec<(&str, &str, &str)> = releases
        .iter()
        .map(|r| (r[source].as_str(), r[record].as_str(), r[encoding].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("feed.jsonl", "0", "UTF-8"),
            ("feed.jsonl", "2", "UTF-8"),
            ("legacy_1252.txt", "0", "windows-1252"),
            ("windows_utf16.txt", "0", "UTF-16LE"),
            ("with_bom.txt", "0", "UTF-8"),
        ]
    );
    // The last column is the new one, so the columns before it keep their places.
    assert_eq!(
        common::header(&out, "releases.csv").last().unwrap(),
        "encoding"
    );

    let skipped = rows(&out, "skipped.csv");
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert_eq!(skipped[0][..3], ["feed.jsonl", "1", "error"]);
    assert!(skipped[0][3].starts_with("line 2: not a JSON object"));

    // Every release's first quote, decoded and attributed.
    let quotes = rows(&out, "quotes.csv");
    let (q_release, text, speaker, start, end) = (
        column(&out, "quotes.csv", "release_id"),
        column(&out, "quotes.csv", "text"),
        column(&out, "quotes.csv", "speaker"),
        column(&out, "quotes.csv", "start"),
        column(&out, "quotes.csv", "end"),
    );
    let first_quote = |file: &str| {
        let rid = &releases.iter().find(|r| r[source] == file).unwrap()[id];
        quotes.iter().find(|q| &q[q_release] == rid).unwrap()
    };
    let proud = "We are proud of this café and its résumé of good work,";
    for (file, who) in [
        ("legacy_1252.txt", "Ann Quill"),
        ("windows_utf16.txt", "Pat Long"),
        ("with_bom.txt", "Nadia Brook"),
    ] {
        let q = first_quote(file);
        assert_eq!(
            (q[text].as_str(), q[speaker].as_str()),
            (proud, who),
            "{file}"
        );
    }
    let dunn = first_quote("feed.jsonl");
    assert_eq!(dunn[speaker], "Ray Dunn");
    let every_speaker: Vec<&str> = quotes.iter().map(|q| q[speaker].as_str()).collect();
    assert!(every_speaker.contains(&"Lee Park"), "{every_speaker:?}");
    assert!(
        every_speaker.iter().all(|s| !s.is_empty()),
        "{every_speaker:?}"
    );

    // Offsets: into the file's bytes for UTF-8 (its byte-order mark included), into the
    // decoded text for the others.
    let span = |q: &Vec<String>| q[start].parse::<usize>().unwrap()..q[end].parse().unwrap();
    let utf8 = fs::read(input.join("with_bom.txt")).unwrap();
    assert_eq!(&utf8[span(first_quote("with_bom.txt"))], proud.as_bytes());
    let legacy = release(
        "Springfield, Mo.",
        "Director Ann Quill",
        "County Café Opens",
    );
    assert_eq!(&legacy[span(first_quote("legacy_1252.txt"))], proud);
    let wide = release("Dover, Del.", "Sheriff Pat Long", "Sheriff Visits Café");
    assert_eq!(&wide[span(first_quote("windows_utf16.txt"))], proud);
}

#[test]
fn a_replayed_file_still_reports_its_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    write_every_kind(&input);
    let out = dir.path().join("out");
    let first = extract_rules(&input, &out);
    let tables = |out: &Path| {
        ["releases.csv", "quotes.csv", "skipped.csv"].map(|t| fs::read(out.join(t)).unwrap())
    };
    let before = tables(&out);
    let again = extract_rules_reporting(&input, &out);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("4 unchanged files replayed"), "{stderr}");
    assert!(stderr.contains("feed.jsonl: line 2:"), "{stderr}");
    assert_eq!(again.status.code(), first.status.code());
    assert_eq!(tables(&out), before);
}

#[test]
fn stream_loses_only_the_line_that_is_not_utf8() {
    let mut child = whosaid()
        .args(["stream", "--no-ner"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = [
        GOOD_RECORD_1.as_bytes(),
        b"\n{\"text\": \"Caf\xe9 owner said hello.\"}\n",
        GOOD_RECORD_2.as_bytes(),
        b"\n",
    ]
    .concat();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0]["tables"]["release"]["encoding"], "UTF-8");
    assert_eq!(
        lines[1]["error"],
        "line 2: is not valid UTF-8 (first bad byte at offset 13)"
    );
    assert_eq!(lines[2]["line"], 2);
    let quotes = lines[2]["tables"]["quotes"].as_array().unwrap();
    assert_eq!(quotes[0]["speaker"], "Lee Park");
}
