//! Beyond one machine: the streaming worker mode and sharded runs.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use common::{extract, extract_rules, whosaid};
use whosaid::output::TABLE_NAMES;

const RECORDS: &str = concat!(
    r#"{"id": 17, "title": "Water Board Meets", "date": "2024-03-05", "text": "SALEM, Ore. — The Water Board met today. “We are ready,” Chair Nadia Brook said."}"#,
    "\n",
    r#"{"id": "x", "title": "no text here"}"#,
    "\n\n",
    r#"{"id": [1], "text": "AUSTIN, Texas — The commission adopted a rule. “It is fair,” Commissioner Ray Dunn said."}"#,
    "\n",
);

#[test]
fn stream_answers_each_record_in_order_and_survives_bad_ones() {
    let mut child = whosaid()
        .args(["stream", "--no-ner", "--batch", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(RECORDS.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a bad record is reported in the exit code"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["line"], 0);
    assert_eq!(lines[0]["id"], 17);
    let release = &lines[0]["tables"]["release"];
    assert_eq!(release["source"], "stdin");
    assert!(!lines[0]["tables"]["sentences"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(lines[1]["line"], 1);
    assert!(lines[1]["error"].as_str().unwrap().contains("text"));
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[2]["id"], serde_json::json!([1]));
    assert!(lines[2]["tables"]["release"]["release_id"].is_string());
}

fn table_bodies(dir: &Path, table: &str) -> Vec<String> {
    fs::read_to_string(dir.join(table))
        .unwrap()
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect()
}

#[test]
fn merged_shards_are_the_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    for i in 0..7 {
        fs::write(
            input.join(format!("r{i}.txt")),
            format!("Release {i}\n\nThe office said item {i} is done. “Done,” Director Lee Park said.\n"),
        )
        .unwrap();
    }
    fs::create_dir(input.join("empty")).unwrap();
    let single = dir.path().join("single");
    extract_rules(&input, &single);
    let shards: Vec<_> = (0..3)
        .map(|k| {
            let out = dir.path().join(format!("shard{k}"));
            extract(&[
                "--no-ner",
                "--shard",
                &format!("{k}/3"),
                input.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ]);
            out
        })
        .collect();
    // Tables that do not depend on the rest of the corpus concatenate as they are.
    for table in ["releases.csv", "sentences.csv", "skipped.csv"] {
        let joined: Vec<String> = shards.iter().flat_map(|s| table_bodies(s, table)).collect();
        assert_eq!(joined, table_bodies(&single, table), "{table}");
    }
    assert_eq!(table_bodies(&single, "releases.csv").len(), 7);
    // `merge` joins them all, entity resolution included.
    let merged = dir.path().join("merged");
    let o = whosaid()
        .arg("merge")
        .arg(&merged)
        .args(&shards)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for table in TABLE_NAMES {
        assert_eq!(
            table_bodies(&merged, table),
            table_bodies(&single, table),
            "{table}"
        );
    }
}
