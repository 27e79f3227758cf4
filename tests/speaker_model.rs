//! The speaker model's commands end to end on the project's own demo gold (`tests/gold`):
//! rows from gold releases, a model trained on them, extraction with that model, and a
//! stale model file refused with a message naming it.

mod common;

use std::path::Path;

use common::{extract, whosaid};

fn run(args: &[&str]) -> std::process::Output {
    whosaid().args(args).output().expect("whosaid runs")
}

#[test]
fn rows_training_and_extraction_with_a_trained_model() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let out = run(&[
        "speaker-data",
        gold.to_str().unwrap(),
        "--no-ner",
        "--out",
        &p("rows.jsonl"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = std::fs::read_to_string(p("rows.jsonl")).unwrap();
    let labelled = rows.lines().count();
    assert!(labelled >= 10, "only {labelled} labelled quotations");
    // Every row has as many labels as candidates, and most have a right one.
    let mut with_right = 0;
    for line in rows.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let labels = row["labels"].as_array().unwrap();
        assert_eq!(labels.len(), row["features"].as_array().unwrap().len());
        with_right += usize::from(labels.iter().any(|l| l == true));
    }
    assert!(2 * with_right > labelled, "{with_right} of {labelled}");

    let out = run(&["train-speaker", &p("rows.jsonl"), "--out", &p("model.json")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let model: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p("model.json")).unwrap()).unwrap();
    assert_eq!(
        model["weights"].as_array().unwrap().len(),
        model["features"].as_array().unwrap().len()
    );

    let out = extract(&[
        "--no-ner",
        gold.to_str().unwrap(),
        "--out",
        &p("tables"),
        "--speaker-model",
        &p("model.json"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tables = dir.path().join("tables");
    let speaker = common::column(&tables, "quotes.csv", "speaker");
    let quotes = common::rows(&tables, "quotes.csv");
    let named = quotes.iter().filter(|q| !q[speaker].is_empty()).count();
    assert!(
        2 * named > quotes.len(),
        "{named} of {} quotes named",
        quotes.len()
    );

    // Leaving every file out leaves nothing to learn from.
    let names: String = std::fs::read_dir(&gold)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .map(|n| n + "\n")
        .collect();
    std::fs::write(p("all.txt"), names).unwrap();
    let out = run(&[
        "train-speaker",
        &p("rows.jsonl"),
        "--exclude",
        &p("all.txt"),
        "--out",
        &p("none.json"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to learn from"));
}

#[test]
fn a_model_of_other_features_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("old.json");
    std::fs::write(
        &model,
        r#"{"features": ["a"], "weights": [1.0], "bias": 0.0, "threshold": 0.5, "trained_on": "x"}"#,
    )
    .unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/clean");
    let out = extract(&[
        "--no-ner",
        corpus.to_str().unwrap(),
        "--out",
        dir.path().join("t").to_str().unwrap(),
        "--speaker-model",
        model.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("old.json") && err.contains("other features"),
        "{err}"
    );
}
