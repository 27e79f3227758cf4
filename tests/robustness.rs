//! Robustness of the whole extract path: random bytes and random mixes of quotation marks,
//! page chrome, dates and abbreviations never make it panic or hang, and a run killed
//! midway leaves the previous tables whole.
//!
//! The property tests run 256 cases each by default. The long run is an ignored test that
//! keeps drawing cases for WHOSAID_FUZZ_SECONDS (default 600) and prints how many it ran:
//! `cargo test --release --test robustness -- --ignored --nocapture fuzz_for_a_while`.

mod common;

use std::fs;
use std::sync::Arc;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use whosaid::doc::{Encoding, RawRelease, SourceFormat, Span};
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

fn analyse_text(text: String, format: SourceFormat) {
    let raws = match format {
        SourceFormat::Html => whosaid::ingest::from_html("f.html", &text),
        SourceFormat::Jsonl => {
            let line = serde_json::json!({ "text": text }).to_string();
            whosaid::ingest::from_jsonl("f.jsonl", &line).unwrap_or_default()
        }
        _ => whosaid::ingest::from_text("f.txt", text),
    };
    let mut stages = StageTimes::default();
    let results = process(raws, None, &mut stages).expect("the rule stages never fail");
    for a in results.into_iter().flatten() {
        Fragments::default().add(&a).expect("rows serialise");
    }
}

proptest! {
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
        for a in process(vec![raw], None, &mut stages).unwrap().into_iter().flatten() {
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

#[test]
#[ignore = "long run: minutes of random inputs"]
fn fuzz_for_a_while() {
    let seconds: u64 = std::env::var("WHOSAID_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let formats = vec![SourceFormat::Text, SourceFormat::Html, SourceFormat::Jsonl];
    let strategy = (arb_text(), prop::sample::select(formats));
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
            .run(&strategy, |(text, format)| {
                let started = Instant::now();
                analyse_text(text, format);
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
