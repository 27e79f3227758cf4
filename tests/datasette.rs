//! The quote database in Datasette, as a journalist would use it: the demo corpus's
//! database served on loopback with the metadata whosaid writes, checked through
//! Datasette's JSON API (search, facets, canned queries) and then as a page in headless
//! Chromium.
//!
//! Datasette comes from `WHOSAID_DATASETTE` (`scripts/test.sh` installs the pinned version
//! through `scripts/env.sh` with `WHOSAID_NEED_DATASETTE=1`); without it the test skips
//! with a message. Chromium is `chromium` on the PATH (installed by the same setup with
//! `WHOSAID_NEED_CHROMIUM=1` where it can be); without it only the page check is skipped.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use wait_timeout::ChildExt;
use whosaid::output::datasette::CANNED_QUERIES;

/// A word several demo quotes hold, and one more holds only inside a longer word
/// ("statewide"), which a word search must not return.
const TERM: &str = "state";

/// Longest wait for Datasette to answer, and for each request and Chromium run.
const WAIT: Duration = Duration::from_secs(60);

/// A Datasette server; stopped when dropped, whether the test passed or panicked.
struct Server {
    child: Child,
    base: String,
    log: PathBuf,
}

impl Server {
    /// Serves `db` with `metadata` on a free loopback port and waits (bounded) until it
    /// answers.
    fn start(datasette: &Path, db: &Path, metadata: &Path, log: PathBuf) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free loopback port")
            .port();
        let child = Command::new(datasette)
            .arg(db)
            .arg("-m")
            .arg(metadata)
            .args(["-h", "127.0.0.1", "-p", &port.to_string()])
            // A loaded CI machine must not cut facets short (the default limit is 200 ms).
            .args(["--setting", "facet_time_limit_ms", "10000"])
            .stdin(Stdio::null())
            .stdout(File::create(&log).unwrap())
            .stderr(File::create(&log).unwrap())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", datasette.display()));
        let mut server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
            log,
        };
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("datasette exited ({status}): {}", server.log_text());
            }
            if ureq::get(&format!("{}/-/versions.json", server.base))
                .timeout(Duration::from_secs(2))
                .call()
                .is_ok()
            {
                return server;
            }
            assert!(
                started.elapsed() < WAIT,
                "datasette did not answer within {WAIT:?}: {}",
                server.log_text()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// GETs `path_and_query` and parses the JSON answer.
    fn json(&self, path_and_query: &str) -> Value {
        let url = format!("{}{path_and_query}", self.base);
        ureq::get(&url)
            .timeout(WAIT)
            .call()
            .unwrap_or_else(|e| panic!("GET {url}: {e}\n{}", self.log_text()))
            .into_json()
            .unwrap_or_else(|e| panic!("GET {url}: not JSON: {e}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The words of `text` as SQLite's `unicode61` tokenizer cuts them, lower-cased.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `quotes.csv` as (quote_id, text, speaker) rows.
fn quotes(out: &Path) -> Vec<(String, String, String)> {
    let col = |name| common::column(out, "quotes.csv", name);
    let (id, text, speaker) = (col("quote_id"), col("text"), col("speaker"));
    common::rows(out, "quotes.csv")
        .into_iter()
        .map(|r| (r[id].clone(), r[text].clone(), r[speaker].clone()))
        .collect()
}

fn quote_ids(rows: &Value) -> BTreeSet<String> {
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| r["quote_id"].as_str().expect("quote_id").to_string())
        .collect()
}

/// Runs `chromium` headless on `url` with `flags`, bounded by [`WAIT`], its stdout to
/// `stdout`.
fn chromium(profile: &Path, flags: &[&str], url: &str, stdout: &Path) {
    let mut child = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(flags)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(File::create(stdout).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    match child.wait_timeout(WAIT).unwrap() {
        Some(status) => assert!(status.success(), "chromium {flags:?}: {status}"),
        None => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium {flags:?} did not finish within {WAIT:?}");
        }
    }
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(program).is_file()))
}

#[test]
fn the_demo_database_in_datasette_searches_facets_and_answers_the_canned_queries() {
    let Some(datasette) = std::env::var_os("WHOSAID_DATASETTE").map(PathBuf::from) else {
        eprintln!(
            "SKIPPED the Datasette test: WHOSAID_DATASETTE is not set (scripts/test.sh sets it; \
             by hand: WHOSAID_NEED_DATASETTE=1 scripts/env.sh cargo test --release --test \
             datasette)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let db = out.join("quotes.db");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let o = common::extract(&[
        "--no-ner",
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--sqlite",
        db.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let metadata = out.join("quotes.metadata.json");
    let server = Server::start(&datasette, &db, &metadata, dir.path().join("datasette.log"));

    // Datasette sees quotes_fts as the quotes table's index.
    let database = server.json("/quotes.json");
    let quotes_table = database["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "quotes")
        .expect("the quotes table");
    assert_eq!(quotes_table["fts_table"], "quotes_fts");

    // A search returns exactly the quotes holding the word (in their text, or their
    // speaker's name: the index covers both).
    let csv = quotes(&out);
    let expected: BTreeSet<String> = csv
        .iter()
        .filter(|(_, text, speaker)| words(text).contains(TERM) || words(speaker).contains(TERM))
        .map(|(id, _, _)| id.clone())
        .collect();
    assert!(
        expected.len() >= 3,
        "the demo corpus has quotes with {TERM:?}"
    );
    assert!(
        csv.iter()
            .any(|(id, text, _)| text.to_lowercase().contains(TERM) && !expected.contains(id)),
        "a quote holds {TERM:?} only inside a longer word"
    );
    let search = server.json(&format!(
        "/quotes/quotes.json?_search={TERM}&_size=max&_shape=objects"
    ));
    assert_eq!(quote_ids(&search["rows"]), expected);
    assert_eq!(search["filtered_table_rows_count"], expected.len());
    let nothing = server.json("/quotes/quotes.json?_search=zzyzxnotaword&_shape=objects");
    assert_eq!(nothing["filtered_table_rows_count"], 0);

    // The suggested speaker facet counts what quotes.csv holds.
    let mut speakers: BTreeMap<String, u64> = BTreeMap::new();
    for (_, _, speaker) in csv.iter().filter(|(_, _, s)| !s.is_empty()) {
        *speakers.entry(speaker.clone()).or_default() += 1;
    }
    let page = server.json("/quotes/quotes.json?_facet_size=max&_shape=objects");
    let facet = &page["facet_results"]["speaker"];
    assert_eq!(facet["truncated"], false);
    let counted: BTreeMap<String, u64> = facet["results"]
        .as_array()
        .expect("the speaker facet")
        .iter()
        .map(|r| {
            (
                r["value"].as_str().unwrap().to_string(),
                r["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(counted, speakers);
    // The view offers the four facets, and its own search gives the same quotes.
    let view = server.json(&format!(
        "/quotes/quotes_by_speaker.json?_search={TERM}&_size=max&_shape=objects"
    ));
    for f in ["speaker", "speaker_state", "issuer", "year"] {
        assert!(view["facet_results"][f]["results"].is_array(), "facet {f}");
    }
    assert_eq!(quote_ids(&view["rows"]), expected);

    // Every canned query runs and answers its question.
    let top_speaker = speakers.iter().max_by_key(|(_, n)| **n).unwrap().0.clone();
    for q in CANNED_QUERIES {
        let (param, value) = match q.name {
            "quotes_by_person" => ("speaker", top_speaker.as_str()),
            "quotes_mentioning" => ("term", TERM),
            "officials_of_state" => ("state", "mo"),
            other => panic!("the canned query {other} needs a check here"),
        };
        let answer = server.json(&format!(
            "/quotes/{}.json?{param}={}&_shape=objects",
            q.name,
            value.replace(' ', "+")
        ));
        assert_eq!(answer["ok"], true, "{}: {answer}", q.name);
        let rows = answer["rows"].as_array().unwrap();
        match q.name {
            "quotes_by_person" => {
                assert_eq!(rows.len() as u64, speakers[&top_speaker]);
                let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
                assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
            }
            "quotes_mentioning" => {
                let in_text: BTreeSet<String> = csv
                    .iter()
                    .filter(|(_, text, _)| words(text).contains(TERM))
                    .map(|(id, _, _)| id.clone())
                    .collect();
                assert_eq!(quote_ids(&answer["rows"]), in_text);
            }
            _ => {
                let names: BTreeSet<&str> =
                    rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
                assert!(!names.is_empty(), "officials in MO");
                let e = |c| common::column(&out, "entities.csv", c);
                let expected: BTreeSet<String> = common::rows(&out, "entities.csv")
                    .into_iter()
                    .filter(|r| r[e("type")] == "PERSON" && r[e("official")] == "true")
                    .filter(|r| r[e("state")] == "MO")
                    .map(|r| r[e("name")].clone())
                    .collect();
                assert_eq!(names, expected.iter().map(String::as_str).collect());
            }
        }
    }

    // The search page, as a reader's browser shows it.
    if !on_path("chromium") {
        eprintln!(
            "SKIPPED the Datasette page check: chromium is not installed (scripts/env.sh \
             installs Debian's chromium with WHOSAID_NEED_CHROMIUM=1 when run as root)"
        );
        return;
    }
    let url = format!("{}/quotes/quotes?_search={TERM}", server.base);
    let dom = dir.path().join("page.html");
    chromium(&dir.path().join("profile-dom"), &["--dump-dom"], &url, &dom);
    let page = std::fs::read_to_string(&dom).unwrap();
    assert!(
        page.contains(&format!("{} rows where search matches", expected.len())),
        "{page}"
    );
    for (_, text, _) in csv.iter().filter(|(id, _, _)| expected.contains(id)) {
        let escaped = text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(page.contains(&escaped), "the page shows {text:?}");
    }
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("datasette-search.png");
    let _ = std::fs::remove_file(&shot);
    let flags = [
        "--window-size=1280,2000".to_string(),
        format!("--screenshot={}", shot.display()),
    ];
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let log = dir.path().join("screenshot.log");
    chromium(&dir.path().join("profile-shot"), &flags, &url, &log);
    let png = std::fs::read(&shot).expect("the screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "{}",
        shot.display()
    );
    eprintln!("the search page: {}", shot.display());
}
