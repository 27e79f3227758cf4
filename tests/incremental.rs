//! Incremental runs: a rerun on a grown or edited corpus processes only new or changed
//! files and writes exactly the tables a full run writes.

mod common;

use std::fs;

use whosaid::output::TABLE_NAMES;

fn release(i: usize) -> String {
    format!(
        "Release {i}\n\nCapital City, Neb. — The agency said item {i} is done. \
         “It is done,” Director Lee Park said.\n"
    )
}

#[test]
fn rerun_replays_unchanged_files_and_matches_a_full_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    for i in 0..5 {
        fs::write(input.join(format!("r{i}.txt")), release(i)).unwrap();
    }
    let out = dir.path().join("out");
    let run = |out: &std::path::Path, extra: &[&str]| {
        let mut args = vec![
            "--no-ner",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .arg("extract")
            .args(&args)
            .output()
            .unwrap();
        assert!(o.status.success());
        String::from_utf8(o.stderr).unwrap()
    };
    let db = dir.path().join("q.db");
    let with_db = ["--sqlite", db.to_str().unwrap()];
    let first = run(&out, &with_db);
    assert!(!first.contains("replayed"), "{first}");

    // Grow the corpus by one file, change one, remove one.
    fs::write(input.join("r5.txt"), release(5)).unwrap();
    fs::write(input.join("r1.txt"), release(11)).unwrap();
    fs::remove_file(input.join("r3.txt")).unwrap();
    let second = run(&out, &with_db);
    assert!(
        second.contains("; 3 unchanged files replayed from the previous run"),
        "{second}"
    );
    assert!(
        second.contains("database: 2 releases written, 3 unchanged, 1 from earlier runs"),
        "{second}"
    );

    let full = dir.path().join("full");
    let full_db = dir.path().join("full.db");
    run(
        &full,
        &["--no-cache", "--sqlite", full_db.to_str().unwrap()],
    );
    for table in TABLE_NAMES {
        assert_eq!(
            fs::read(out.join(table)).unwrap(),
            fs::read(full.join(table)).unwrap(),
            "{table}"
        );
    }
    // The database filled incrementally holds what a full run's holds, and the release of
    // the removed file, kept from the earlier run.
    let rows = |path: &std::path::Path, table: &str| -> Vec<String> {
        let conn = rusqlite::Connection::open(path).unwrap();
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let width = stmt.column_count();
        stmt.query_map([], |r| {
            (0..width)
                .map(|i| {
                    r.get::<_, rusqlite::types::Value>(i)
                        .map(|v| format!("{v:?}"))
                })
                .collect::<Result<Vec<_>, _>>()
                .map(|v| v.join("|"))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    let removed: Vec<String> = rows(&db, "releases")
        .into_iter()
        .filter(|r| r.contains("r3.txt"))
        .collect();
    assert_eq!(removed.len(), 1);
    // The release id, without the value's debug dress (`Text("…")`).
    let removed_id = removed[0].split('"').nth(1).unwrap().to_string();
    for table in [
        "releases", "entities", "mentions", "quotes", "persons", "agencies",
    ] {
        let incremental: Vec<String> = rows(&db, table)
            .into_iter()
            .filter(|r| !r.contains(&removed_id))
            .collect();
        assert_eq!(incremental, rows(&full_db, table), "{table}");
    }

    // The cache holds only what the latest run used.
    let entries = fs::read_dir(out.join(".whosaid-cache")).unwrap().count();
    assert_eq!(entries, 5);
}
