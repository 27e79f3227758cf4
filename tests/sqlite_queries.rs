//! The README's example queries, run against a quote database built from the demo corpus.

mod common;

use std::path::Path;

use rusqlite::types::Value;
use rusqlite::Connection;

/// The SQL blocks of the README's quote-database section, in order.
fn readme_queries() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    readme
        .split("```sql\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap_or_default().to_string())
        .collect()
}

fn query(conn: &Connection, sql: &str) -> Vec<Vec<String>> {
    let mut stmt = conn.prepare(sql).expect("the README query is valid SQL");
    let columns = stmt.column_count();
    stmt.query_map([], |row| {
        (0..columns)
            .map(|i| {
                row.get::<_, Value>(i).map(|v| match v {
                    Value::Null => String::new(),
                    Value::Integer(n) => n.to_string(),
                    Value::Real(x) => x.to_string(),
                    Value::Text(t) => t,
                    Value::Blob(_) => "<blob>".to_string(),
                })
            })
            .collect()
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn readme_queries_answer_on_the_demo_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quotes.db");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = dir.path().join("out");
    let build = || {
        let args = [
            corpus.as_path(),
            Path::new("--out"),
            &out,
            Path::new("--sqlite"),
            &db,
        ];
        let args: Vec<&str> = args.iter().map(|p| p.to_str().unwrap()).collect();
        let o = common::extract(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    build();
    let conn = Connection::open(&db).unwrap();
    let queries = readme_queries();
    assert_eq!(queries.len(), 3, "the README shows three queries");

    // 1. Quotes by one official over time: several releases, in date order.
    let by_official = query(&conn, &queries[0]);
    assert!(by_official.len() >= 4, "{by_official:?}");
    assert!(by_official.windows(2).all(|w| w[0][0] <= w[1][0]));
    assert!(by_official.iter().all(|r| r[0].starts_with("2019-")));

    // 2. Officials by state: Missouri's Secretary of State release names officials there.
    let by_state = query(&conn, &queries[1]);
    let mo = by_state
        .iter()
        .find(|r| r[0] == "MO")
        .expect("officials in MO");
    assert!(mo[1].parse::<usize>().unwrap() >= 1);

    // 3. Full-text search: every hit mentions smoke and has a speaker.
    let hits = query(&conn, &queries[2]);
    assert!(!hits.is_empty());
    for hit in &hits {
        assert!(hit[2].to_lowercase().contains("smoke"), "{hit:?}");
        assert!(!hit[0].is_empty(), "a speaker for {hit:?}");
    }

    // A rerun over the same corpus rewrites nothing and duplicates nothing.
    let count = |conn: &Connection| -> i64 {
        conn.query_row("SELECT count(*) FROM quotes", [], |r| r.get(0))
            .unwrap()
    };
    let before = count(&conn);
    build();
    assert_eq!(count(&conn), before);
}
