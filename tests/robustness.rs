//! Robustness of the whole extract path: random bytes and random mixes of quotation marks,
//! page chrome, dates and abbreviations, in any encoding and as JSON Lines files of good and
//! bad lines, never make it panic or hang; every good JSON Lines record comes out whatever
//! bad lines surround it; and a run killed midway leaves the previous tables whole.
//!
//! The property tests run 256 cases each by default. The long run is an ignored test that
//! keeps drawing cases for WHOSAID_FUZZ_SECONDS (default 600) and prints how many it ran:
//! `cargo test --release --test robustness -- --ignored --nocapture fuzz_for_a_while`.

mod common;

use std::fs;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::utf16;
use proptest::prelude::*;
use whosaid::doc::{Encoding, RawRelease, SourceFormat, Span};
use whosaid::entities::RuleDecider;
use whosaid::output::Fragments;
use whosaid::pipeline::{process, StageTimes};

/// Pieces that stress the segmenter, the quote finder and the entity rules.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    " said ",
    " he said.",
    "Sen. ",
    "Rep. Ann Lee (D-CA) ",
    "Mo.",
    " U.S. ",
    "St. Louis",
    "Jan. 5, 2021",
    "10/10/2024",
    "Thursday, November 13, 2014",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "###",
    "—30—",
    "Share this:",
    "Latest Posts",
    "Skip to content",
    "FOR IMMEDIATE RELEASE",
    "Contact: Jo Doe (573) 555-0100 jo@example.gov",
    " — ",
    "…",
    "é",
    "ß",
    "🙂",
    "Department of Justice (DOJ)",
    "Kansas City",
    " IN ",
    "Washington",
    ":",
    ",",
    ".",
    "\u{feff}",
    "\u{a0}",
    "<p>",
    "</p>",
    "12.07.16\t",
    "District Attorney Eric Moss",
];

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(PIECES), 0..200).prop_map(|v| v.concat()),
        ".{0,400}",
        prop::collection::vec(any::<u8>(), 0..400)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

/// The bytes of a file holding `text` in one of the ways files come: UTF-8 with or without
/// a byte-order mark, UTF-16 either way round with one, Windows-1252, or `text` as is with
/// random bytes spliced in.
fn arb_encoded(text: String) -> impl Strategy<Value = Vec<u8>> {
    let spliced = text.clone().into_bytes();
    prop_oneof![
        Just(text.clone().into_bytes()),
        Just([&b"\xef\xbb\xbf"[..], text.as_bytes()].concat()),
        Just(utf16(&text, true)),
        Just(utf16(&text, false)),
        Just(encoding_rs::WINDOWS_1252.encode(&text).0.into_owned()),
        (
            prop::collection::vec(any::<u8>(), 0..8),
            any::<prop::sample::Index>()
        )
            .prop_map(move |(noise, at)| {
                let mut bytes = spliced.clone();
                let at = at.index(bytes.len() + 1);
                bytes.splice(at..at, noise);
                bytes
            }),
    ]
}

/// One line of a JSON Lines file and what it should give.
#[derive(Debug, Clone)]
enum Line {
    /// A record that must come out as a release with `text`; `json` is the line.
    Good { text: String, json: String },
    /// A line that is not a usable record.
    Bad(String),
    /// A blank line: neither.
    Blank,
}

impl Line {
    /// The line as written in the file.
    fn written(&self) -> &str {
        match self {
            Line::Good { json, .. } => json,
            Line::Bad(line) => line,
            Line::Blank => "",
        }
    }
}

/// A release's text that always segments into a release.
fn arb_release_text() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&["Dana Reyes", "Lee Park", "Ann Quill", "Ray Dunn"][..]),
        "[a-z]{3,8}( [a-z]{2,8}){3,12}",
        prop::sample::select(&["“", "\"", ""][..]),
    )
        .prop_map(|(who, words, mark)| {
            let close = if mark == "“" { "”" } else { mark };
            format!("SALEM, Ore. — The office said {words}. {mark}We {words},{close} {who} said.")
        })
}

fn arb_line() -> impl Strategy<Value = Line> {
    // No NUL: a file holding one is binary, whatever else it holds.
    let any_line = "[^\n\r\x00]{0,40}";
    prop_oneof![
        4 => (arb_release_text(), any_line).prop_map(|(text, title)| {
            let json = serde_json::json!({ "text": text, "title": title }).to_string();
            Line::Good { text, json }
        }),
        1 => any_line.prop_map(|r| Line::Bad(format!("not json {r}"))),
        1 => any_line.prop_map(|r| Line::Bad(format!("{{\"text\": {}", serde_json::json!(r)))),
        1 => any_line.prop_map(|r| Line::Bad(serde_json::json!({ "title": r }).to_string())),
        1 => "[ \t]{0,3}".prop_map(|r| Line::Bad(serde_json::json!({ "text": r }).to_string())),
        1 => any::<i64>().prop_map(|n| Line::Bad(format!("{{\"text\": {n}}}"))),
        1 => Just(Line::Blank),
    ]
}

fn jsonl(lines: &[Line]) -> String {
    lines
        .iter()
        .map(Line::written)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text, HTML or JSON Lines bytes of any encoding.
fn arb_file() -> impl Strategy<Value = (&'static str, Vec<u8>)> {
    prop_oneof![
        (
            prop::sample::select(&["f.txt", "f.html"][..]),
            arb_text().prop_flat_map(arb_encoded)
        ),
        prop::collection::vec(arb_line(), 0..8)
            .prop_map(|lines| jsonl(&lines))
            .prop_flat_map(arb_encoded)
            .prop_map(|bytes| ("f.jsonl", bytes)),
        prop::collection::vec(any::<u8>(), 0..400).prop_map(|bytes| ("f.txt", bytes)),
    ]
}

/// Decodes and reads a file as `extract` does, then runs the rule stages over it.
fn analyse_file(name: &str, bytes: Vec<u8>) {
    // Bad input is an error with a reason, never a panic.
    if let Ok(ingested) = whosaid::ingest::parse(name, bytes) {
        analyse(ingested.releases);
    }
}

fn analyse_text(text: String, format: SourceFormat) {
    let raws = match format {
        SourceFormat::Html => whosaid::ingest::from_html("f.html", &text),
        SourceFormat::Jsonl => {
            let line = serde_json::json!({ "text": text }).to_string();
            whosaid::ingest::from_jsonl("f.jsonl", &line).releases
        }
        _ => whosaid::ingest::from_text("f.txt", text),
    };
    analyse(raws);
}

fn analyse(raws: Vec<RawRelease>) {
    let mut stages = StageTimes::default();
    let results = process(
        raws,
        None,
        &RuleDecider,
        whosaid::speaker::SpeakerModel::bundled(),
        &mut stages,
    )
    .expect("the rule stages never fail");
    for a in results.into_iter().flatten() {
        Fragments::default().add(&a).expect("rows serialise");
    }
}

proptest! {
    #[test]
    fn every_good_json_lines_record_comes_out_whatever_surrounds_it(
        lines in prop::collection::vec(arb_line(), 1..12),
        encoding in 0..4usize,
    ) {
        let text = jsonl(&lines);
        let bytes = match encoding {
            0 => text.into_bytes(),
            1 => [&b"\xef\xbb\xbf"[..], text.as_bytes()].concat(),
            2 => utf16(&text, true),
            _ => utf16(&text, false),
        };
        let line_of = |want: fn(&Line) -> bool| -> Vec<usize> {
            lines.iter().enumerate().filter(|(_, l)| want(l)).map(|(i, _)| i).collect()
        };
        let good = line_of(|l| matches!(l, Line::Good { .. }));
        let bad = line_of(|l| matches!(l, Line::Bad(_)));
        match whosaid::ingest::parse("f.jsonl", bytes) {
            Ok(ingested) => {
                let records: Vec<usize> = ingested.releases.iter().map(|r| r.record).collect();
                prop_assert_eq!(&records, &good);
                let errors: Vec<usize> = ingested.bad_records.iter().map(|e| e.record).collect();
                prop_assert_eq!(errors, bad);
                let mut stages = StageTimes::default();
                let results = process(ingested.releases, None, &RuleDecider, whosaid::speaker::SpeakerModel::bundled(), &mut stages).unwrap();
                for (result, &line) in results.iter().zip(&good) {
                    let Line::Good { text, .. } = &lines[line] else { unreachable!() };
                    let a = result.as_ref().expect("a good record is a release");
                    prop_assert_eq!(&*a.release.text, text.as_str());
                    prop_assert_eq!(a.release.record, line);
                }
            }
            // A file of blank lines alone is empty; any other file must be read.
            Err(e) => prop_assert!(good.is_empty() && bad.is_empty(), "{e}"),
        }
    }

    #[test]
    fn no_file_of_any_encoding_makes_the_reader_panic_or_hang((name, bytes) in arb_file()) {
        let started = Instant::now();
        analyse_file(name, bytes);
        prop_assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    }

    #[test]
    fn no_input_makes_the_pipeline_panic_or_hang(
        text in arb_text(),
        format in prop::sample::select(vec![SourceFormat::Text, SourceFormat::Html, SourceFormat::Jsonl]),
    ) {
        let started = Instant::now();
        analyse_text(text, format);
        prop_assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    }

    #[test]
    fn spans_of_any_release_stay_inside_its_text(text in arb_text()) {
        let len = text.len();
        let raw = RawRelease {
            source: "f.txt".to_string(),
            record: 0,
            format: SourceFormat::Text,
            encoding: Encoding::Utf8,
            text: Arc::from(text),
            span: Span::new(0, len),
            given_date: None,
            given_title: None,
        };
        let mut stages = StageTimes::default();
        for a in process(vec![raw], None, &RuleDecider, whosaid::speaker::SpeakerModel::bundled(), &mut stages).unwrap().into_iter().flatten() {
            let text = &a.release.text;
            let spans = a.release.sentences.iter().map(|s| s.span)
                .chain(a.release.paragraphs.iter().copied())
                .chain(a.quotes.iter().map(|q| q.span))
                .chain(a.entities.iter().flat_map(|e| e.mentions.iter().map(|m| m.span)));
            for span in spans {
                prop_assert!(span.start <= span.end && text.get(span.range()).is_some(), "{span:?}");
            }
        }
    }
}

/// One case of the long fuzz run.
#[derive(Debug, Clone)]
enum Case {
    /// Text handed to the reader of one format.
    Text(String, SourceFormat),
    /// A whole file: its name (which gives its type) and its bytes.
    File(&'static str, Vec<u8>),
}

#[test]
#[ignore = "long run: minutes of random inputs"]
fn fuzz_for_a_while() {
    let seconds: u64 = std::env::var("WHOSAID_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let formats = vec![SourceFormat::Text, SourceFormat::Html, SourceFormat::Jsonl];
    // Half the cases are texts handed to the readers, half whole files of bytes in any
    // encoding (and JSON Lines files of good and bad lines) through the decoders.
    let strategy = prop_oneof![
        (arb_text(), prop::sample::select(formats))
            .prop_map(|(text, format)| Case::Text(text, format)),
        arb_file().prop_map(|(name, bytes)| Case::File(name, bytes)),
    ];
    let cases = std::cell::Cell::new(0u64);
    let slowest = std::cell::Cell::new(Duration::ZERO);
    while Instant::now() < deadline {
        // A runner stops after its quota of cases, so each round takes a fresh one (with a
        // fresh random seed).
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
            cases: 1000,
            ..ProptestConfig::default()
        });
        runner
            .run(&strategy, |case| {
                let started = Instant::now();
                match case {
                    Case::Text(text, format) => analyse_text(text, format),
                    Case::File(name, bytes) => analyse_file(name, bytes),
                }
                slowest.set(slowest.get().max(started.elapsed()));
                cases.set(cases.get() + 1);
                prop_assert!(started.elapsed() < Duration::from_secs(5));
                Ok(())
            })
            .unwrap();
    }
    println!(
        "fuzzed {} inputs in {seconds} s; slowest case {:?}",
        cases.get(),
        slowest.get()
    );
}

#[test]
fn a_killed_run_leaves_the_previous_tables_whole() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    for i in 0..3000 {
        fs::write(
            input.join(format!("r{i:04}.txt")),
            format!(
                "FOR IMMEDIATE RELEASE\nJune {d}, 2020\n\nCounty Reports Item {i}\n\n\
                 Dover, Del. — The county reported item {i} today. “We are on it,” \
                 Sheriff Pat Long said. “More soon.”\n",
                d = i % 28 + 1
            ),
        )
        .unwrap();
    }
    let out = dir.path().join("out");
    let args = |extra: &str| {
        let mut c = common::whosaid();
        c.args(["extract", "--no-ner", "--quiet", extra])
            .arg(&input)
            .arg("--out")
            .arg(&out);
        c
    };
    assert!(args("--no-cache").status().unwrap().success());
    let tables = ["releases.csv", "sentences.csv", "quotes.csv", "skipped.csv"];
    let before: Vec<Vec<u8>> = tables
        .iter()
        .map(|t| fs::read(out.join(t)).unwrap())
        .collect();
    for delay_ms in [5, 40, 120] {
        let mut child = args("--no-cache").spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL: no chance to clean up
        child.wait().unwrap();
        for (t, old) in tables.iter().zip(&before) {
            let now = fs::read(out.join(t)).unwrap();
            assert!(
                &now == old,
                "{t} changed by a run killed after {delay_ms} ms"
            );
        }
    }
    // The next run finishes the job and clears what killed runs left behind.
    assert!(args("--no-cache").status().unwrap().success());
    let leftovers: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
