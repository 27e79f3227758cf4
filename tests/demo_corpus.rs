//! The bundled demo corpus (`corpus/`) end to end with the bundled model: every shape is
//! read, the listing page is reported, headers are found, and quotes get their speakers.
//! With ../shared present, the demo gold (`tests/gold`) is also scored with the reference
//! scorer as a regression guard.

mod common;

use std::path::Path;
use std::process::Command;

use common::{column, extract, rows, shared_dir};

fn run_demo() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let o = extract(&[
        corpus.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

#[test]
fn demo_corpus_every_shape_header_and_speaker() {
    let out = run_demo();
    let dir = out.path();
    let releases = rows(dir, "releases.csv");
    let (source, date, title, dateline) = (
        column(dir, "releases.csv", "source"),
        column(dir, "releases.csv", "date"),
        column(dir, "releases.csv", "title"),
        column(dir, "releases.csv", "dateline"),
    );
    let from = |prefix: &str| {
        releases
            .iter()
            .filter(|r| r[source].starts_with(prefix))
            .count()
    };
    assert_eq!(from("clean/"), 5);
    assert_eq!(from("scraped/"), 5);
    assert_eq!(from("congress/"), 8);
    assert_eq!(from("web/"), 1);
    assert_eq!(from("feed.jsonl"), 3);
    assert_eq!(from("windows/"), 1);

    let skipped = rows(dir, "skipped.csv");
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(skipped[0][0].contains("listing_page") && skipped[0][2] == "no_release");

    let by_source = |s: &str| releases.iter().find(|r| r[source].contains(s)).unwrap();
    let mo = by_source("mo_sos");
    assert_eq!(mo[date], "2024-10-10");
    assert_eq!(
        mo[title],
        "Whitcomb Opens Statewide Drive for New Election Judges"
    );
    assert_eq!(mo[dateline], "Jefferson City, Mo.");
    // A U.S. Attorney's page: "Share" between the date and the body.
    let usao = by_source("usao_or");
    assert_eq!(usao[date], "2023-05-10");
    assert_eq!(
        usao[title],
        "Lakeport Man Sentenced to Nine Years for Running Pill Press"
    );
    assert_eq!(usao[dateline], "MERRIN FALLS, Ore.");
    // A state agency's page: the release date, not the "Last updated" one; the contact
    // block after the body.
    let dnr = by_source("wi_dnr");
    assert_eq!(dnr[date], "2023-04-06");
    assert_eq!(
        dnr[title],
        "DNR Opens Early Trout Season at Eleven Northern Lakes"
    );
    assert_eq!(
        dnr[column(dir, "releases.csv", "contact_name")],
        "Kendra Solheim"
    );
    // A JSON Lines title that the text does not print is still the title; dates in words.
    let feed: Vec<_> = releases
        .iter()
        .filter(|r| r[source] == "feed.jsonl")
        .collect();
    assert_eq!(feed[1][date], "2023-08-16");
    assert!(feed[1][title].starts_with("Statement from Commissioner Ortega"));
    assert_eq!(feed[2][date], "2014-11-13");
    // A release saved in Windows-1252: decoded, with its curly quotes in the headline.
    let vt = by_source("windows/");
    assert_eq!(vt[column(dir, "releases.csv", "encoding")], "windows-1252");
    assert_eq!(vt[date], "2023-02-14");
    assert!(
        vt[title].ends_with("Mislabeled “Grade A” Jugs"),
        "{}",
        vt[title]
    );
    let encodings: Vec<&str> = releases
        .iter()
        .map(|r| r[column(dir, "releases.csv", "encoding")].as_str())
        .collect();
    assert_eq!(encodings.iter().filter(|e| **e == "UTF-8").count(), 22);
    // Congress lines: dates from the MM.DD.YY and MM.DD.YYYY columns.
    let congress: Vec<_> = releases
        .iter()
        .filter(|r| r[source].starts_with("congress/"))
        .collect();
    assert_eq!(congress[0][date], "2019-03-08");
    assert_eq!(congress[4][date], "2019-09-20");

    let quotes = rows(dir, "quotes.csv");
    let (text, speaker, state) = (
        column(dir, "quotes.csv", "text"),
        column(dir, "quotes.csv", "speaker"),
        column(dir, "quotes.csv", "speaker_state"),
    );
    let smoke = quotes
        .iter()
        .find(|q| q[text].starts_with("Smoke does not check"))
        .expect("the congress quote");
    assert_eq!(smoke[speaker], "Marisol Tennant");
    assert_eq!(smoke[state], "CA");
    let ballots = quotes
        .iter()
        .find(|q| q[text].starts_with("Every precinct in this state"))
        .expect("the Missouri quote");
    assert_eq!(ballots[speaker], "Dana Whitcomb");
    let pancake = quotes
        .iter()
        .find(|q| q[text].starts_with("I have poured maple syrup"))
        .expect("the Windows-1252 quote");
    assert_eq!(pancake[speaker], "René Lafleur");
}

#[test]
fn demo_gold_scores_hold() {
    let Some(shared) = shared_dir("demo_gold_scores_hold") else {
        return;
    };
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let out = tempfile::tempdir().unwrap();
    let o = extract(&[
        gold.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let scored = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg("--gold")
        .arg(&gold)
        .arg("--pred")
        .arg(out.path())
        .output()
        .expect("python3 runs the scorer");
    let report = String::from_utf8_lossy(&scored.stdout);
    let summary = report.lines().last().unwrap_or_default();
    let score = |name: &str| -> f64 {
        summary
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name} in {summary:?}"))
    };
    // Floors a little under today's figures: a drop below them is a regression.
    assert!(score("who_said_what_f1") >= 80.0, "{summary}");
    assert!(score("people_f1") >= 93.0, "{summary}");
    assert!(score("states_f1") >= 95.0, "{summary}");
    assert!(score("agencies_f1") >= 70.0, "{summary}");
}
