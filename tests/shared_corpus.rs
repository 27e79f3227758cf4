//! Runs on the real press releases of ../shared/corpus (skipped when it is absent).

mod common;

use std::collections::BTreeMap;

use common::{column, extract_rules, rows, shared_dir};

#[test]
fn shared_corpus_gives_one_release_per_page_and_all_congress_releases() {
    let Some(shared) = shared_dir("shared_corpus_gives_one_release_per_page") else {
        return;
    };
    let corpus = shared.join("corpus");
    let out = tempfile::tempdir().unwrap();
    let o = extract_rules(&corpus, out.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let source = column(out.path(), "releases.csv", "source");
    let mut per_file: BTreeMap<String, usize> = BTreeMap::new();
    for row in rows(out.path(), "releases.csv") {
        *per_file.entry(row[source].clone()).or_default() += 1;
    }
    let congress: usize = per_file
        .iter()
        .filter(|(f, _)| f.starts_with("congress/"))
        .map(|(_, n)| n)
        .sum();
    assert_eq!(congress, 3416, "the ten congress files hold 3,416 releases");

    let skipped: Vec<String> = rows(out.path(), "skipped.csv")
        .into_iter()
        .filter(|r| r[2] == "no_release")
        .map(|r| r[0].clone())
        .collect();
    let pages = walk_count(&corpus.join("prosecutors"));
    assert_eq!(pages, 1632);
    let mut accounted = 0;
    for (file, n) in per_file
        .iter()
        .filter(|(f, _)| f.starts_with("prosecutors/"))
    {
        assert_eq!(*n, 1, "{file} gives exactly one release");
        assert!(
            !skipped.contains(file),
            "{file} is both a release and skipped"
        );
        accounted += 1;
    }
    accounted += skipped
        .iter()
        .filter(|f| f.starts_with("prosecutors/"))
        .count();
    assert_eq!(
        accounted, pages,
        "every page is a release or reported as holding none"
    );
    // Pages without a release are bot checks, listings, flyers and reports: a few percent.
    assert!(
        skipped.len() * 20 < pages,
        "only a few pages hold no release, not {}",
        skipped.len()
    );
}

fn walk_count(dir: &std::path::Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count()
}
