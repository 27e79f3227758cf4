//! Entity resolution across releases: one id per person and agency over every variant of
//! the name, `persons.csv` and `agencies.csv`, and the same ids from shards joined with
//! `whosaid merge` and from incremental reruns. Every name here is invented.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use common::{extract, extract_rules, extract_rules_reporting, rows, whosaid};
use whosaid::output::TABLE_NAMES;

/// Two members' archives, one release per line (`DATE<TAB>text`), the issuer taken from
/// the file name.
const TALLIS: &str = "03.05.2019\tTallis Backs Ferry Funding March 5th, 2019 WASHINGTON — \
    Rep. Wren Q. Tallis said the Department of Ferries (DOF) will expand service. \
    “The river connects us all,” Tallis said. ###\r\n\
    03.09.2019\tHouse Passes Tallis Bill March 9th, 2019 WASHINGTON — The House passed the \
    bill today. “This is a good day for our towns,” said Tallis. ###\r\n\
    04.01.2019\tTallis Tours Locks April 1st, 2019 WASHINGTON — Congressman Wren Tallis \
    toured the locks with officials of the Ferries Department. “We keep the water moving,” \
    Congressman Tallis said. ###\r\n";
const ORR: &str = "05.02.2019\tOrr Statement May 2nd, 2019 WASHINGTON — Rep. Dana Orr and \
    Rep. Wren Tallis wrote to the U.S. Department of Ferries. “We want answers now,” Orr said. ###\r\n\
    05.09.2019\tOrr Hosts Forum May 9th, 2019 WASHINGTON — Rep. Dana Orr hosted a forum with \
    Rep. Lena Tallis. “It was a fine forum for all,” Tallis said. ###\r\n";

fn corpus(dir: &Path) -> std::path::PathBuf {
    let input = dir.join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("wrenTallisPress.txt"), TALLIS).unwrap();
    fs::write(input.join("danaOrrPress.txt"), ORR).unwrap();
    input
}

/// Entity ids by name, over the rows of `entities.csv` of one type.
fn ids_by_name(out: &Path, kind: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in rows(out, "entities.csv") {
        if row[2] == kind {
            ids.entry(row[3].clone())
                .or_default()
                .insert(row[1].clone());
        }
    }
    ids
}

#[test]
fn variants_of_a_name_share_one_id_and_namesakes_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path());
    let out = dir.path().join("out");
    assert!(extract_rules(&input, &out).status.success());

    let people = ids_by_name(&out, "PERSON");
    let wren: BTreeSet<&String> = ["Wren Q. Tallis", "Wren Tallis", "Tallis"]
        .iter()
        .flat_map(|n| {
            people
                .get(*n)
                .unwrap_or_else(|| panic!("{n} in {people:?}"))
        })
        .collect();
    assert_eq!(wren.len(), 1, "{people:?}");
    let wren = wren.into_iter().next().unwrap().clone();
    assert!(!people["Lena Tallis"].contains(&wren), "{people:?}");

    // Quote speakers carry the same ids: Wren in his own releases, Lena in the forum.
    let quotes = rows(&out, "quotes.csv");
    let by_speaker = |text: &str| -> String {
        let q = quotes.iter().find(|q| q[2].contains(text)).expect("quote");
        q[6].clone()
    };
    assert_eq!(by_speaker("good day for our towns"), wren);
    assert_eq!(by_speaker("water moving"), wren);
    assert_eq!(
        by_speaker("fine forum"),
        people["Lena Tallis"].first().unwrap().clone()
    );

    // "Department of Ferries", "Ferries Department" and "U.S. Department of Ferries" are
    // one agency.
    let agencies = ids_by_name(&out, "AGENCY");
    let ferries: BTreeSet<&String> = [
        "Department of Ferries",
        "Ferries Department",
        "U.S. Department of Ferries",
    ]
    .iter()
    .flat_map(|n| {
        agencies
            .get(*n)
            .unwrap_or_else(|| panic!("{n} in {agencies:?}"))
    })
    .collect();
    assert_eq!(ferries.len(), 1, "{agencies:?}");

    // One persons.csv row per person, with every variant, the releases and the dates.
    let persons = rows(&out, "persons.csv");
    let row = persons.iter().find(|p| p[0] == wren).expect("Wren's row");
    assert_eq!(row[1], "Wren Tallis");
    assert_eq!(row[2], "Tallis; Wren Q. Tallis; Wren Tallis");
    assert_eq!(row[6], "4", "releases: {row:?}");
    assert_eq!(row[7], "3", "quotes: {row:?}");
    assert_eq!(
        (row[8].as_str(), row[9].as_str()),
        ("2019-03-05", "2019-05-02")
    );
    assert_eq!(
        persons.iter().filter(|p| p[1].ends_with("Tallis")).count(),
        2
    );
    let agency_rows = rows(&out, "agencies.csv");
    let row = agency_rows
        .iter()
        .find(|a| ferries.contains(&a[0]))
        .expect("the agency's row");
    assert_eq!(row[3], "DOF");
    assert_eq!(row[6], "3", "releases: {row:?}");
}

#[test]
fn merged_shards_equal_a_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path());
    let single = dir.path().join("single");
    assert!(extract_rules(&input, &single).status.success());
    let parts: Vec<String> = (0..2)
        .map(|k| {
            let out = dir.path().join(format!("part{k}"));
            let o = extract(&[
                "--no-ner",
                "--shard",
                &format!("{k}/2"),
                input.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ]);
            assert!(o.status.success());
            out.to_str().unwrap().to_string()
        })
        .collect();
    // Each shard alone cannot see that "Tallis" of one file is the Wren of the other.
    assert_ne!(
        fs::read(single.join("entities.csv")).unwrap(),
        [dir.path().join("part0"), dir.path().join("part1")]
            .iter()
            .flat_map(|p| fs::read(p.join("entities.csv")).unwrap())
            .collect::<Vec<u8>>()
    );
    let merged = dir.path().join("merged");
    let o = whosaid()
        .arg("merge")
        .arg(&merged)
        .args(&parts)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for table in TABLE_NAMES {
        assert_eq!(
            fs::read_to_string(merged.join(table)).unwrap(),
            fs::read_to_string(single.join(table)).unwrap(),
            "{table}"
        );
    }
}

#[test]
fn merge_names_a_part_that_is_not_an_output() {
    let dir = tempfile::tempdir().unwrap();
    let o = whosaid()
        .arg("merge")
        .arg(dir.path().join("out"))
        .arg(dir.path().join("nowhere"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("nowhere"), "{stderr}");
}

#[test]
fn an_incremental_rerun_resolves_as_a_full_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path());
    let orr = fs::read(input.join("danaOrrPress.txt")).unwrap();
    fs::remove_file(input.join("danaOrrPress.txt")).unwrap();
    let out = dir.path().join("out");
    assert!(extract_rules(&input, &out).status.success());
    // The second member's file names Wren too, which changes his profile.
    fs::write(input.join("danaOrrPress.txt"), orr).unwrap();
    let o = extract_rules_reporting(&input, &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("1 unchanged files replayed"), "{stderr}");
    let full = dir.path().join("full");
    assert!(extract(&[
        "--no-ner",
        "--no-cache",
        input.to_str().unwrap(),
        "--out",
        full.to_str().unwrap()
    ])
    .status
    .success());
    for table in TABLE_NAMES {
        assert_eq!(
            fs::read(out.join(table)).unwrap(),
            fs::read(full.join(table)).unwrap(),
            "{table}"
        );
    }
}

#[test]
fn the_database_holds_the_resolved_ids_and_profiles() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path());
    let out = dir.path().join("out");
    let db = out.join("quotes.db");
    let run = || {
        let o = extract(&[
            "--no-ner",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--sqlite",
            db.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    run();
    // A second run finds every release unchanged and keeps the same resolved rows.
    run();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let quotes: Vec<(String, String)> = conn
        .prepare(
            "SELECT date, speaker FROM quotes_by_speaker
             WHERE speaker_name = 'Wren Tallis' ORDER BY date, quote_id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        quotes,
        [
            ("2019-03-05".to_string(), "Wren Q. Tallis".to_string()),
            ("2019-03-09".to_string(), "Tallis".to_string()),
            ("2019-04-01".to_string(), "Wren Tallis".to_string()),
        ]
    );
    let csv_entities = rows(&out, "entities.csv").len() as i64;
    let db_entities: i64 = conn
        .query_row("SELECT count(*) FROM entities", [], |r| r.get(0))
        .unwrap();
    assert_eq!(db_entities, csv_entities);
    let persons: i64 = conn
        .query_row("SELECT count(*) FROM persons", [], |r| r.get(0))
        .unwrap();
    assert_eq!(persons, rows(&out, "persons.csv").len() as i64);
}
