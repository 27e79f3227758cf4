//! Bad inputs get a clear message naming the file and the reason, the other files still go
//! through, and the exit code says something failed.

mod common;

use std::fs;
use std::path::Path;

use common::{extract, extract_rules, rows};

const GOOD: &str = "FOR IMMEDIATE RELEASE\nMarch 3, 2021\n\nCounty Opens New Office\n\n\
    Springfield, Mo. — The county opened a new office today, officials said.\n";

fn run_with(bad_name: &str, make_bad: impl FnOnce(&Path)) -> (String, i32, usize) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("good.txt"), GOOD).unwrap();
    make_bad(&input.join(bad_name));
    let out = dir.path().join("out");
    let o = extract_rules(&input, &out);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    let releases = rows(&out, "releases.csv").len();
    let skipped = rows(&out, "skipped.csv");
    assert!(
        skipped
            .iter()
            .any(|r| r[0].contains(bad_name) && r[2] == "error"),
        "skipped.csv names {bad_name}: {skipped:?}"
    );
    (stderr, o.status.code().unwrap(), releases)
}

fn assert_reported(bad_name: &str, reason: &str, make_bad: impl FnOnce(&Path)) {
    let (stderr, code, releases) = run_with(bad_name, make_bad);
    assert!(
        stderr
            .lines()
            .any(|l| l.contains(bad_name) && l.contains(reason)),
        "stderr names {bad_name} and says {reason:?}: {stderr}"
    );
    assert_eq!(code, 1, "exit code says an input failed");
    assert_eq!(releases, 1, "the good file still went through");
}

#[test]
fn empty_file() {
    assert_reported("empty.txt", "is empty", |p| fs::write(p, "").unwrap());
}

#[test]
fn whitespace_only_file() {
    assert_reported("blank.txt", "is empty", |p| {
        fs::write(p, " \n\t\n").unwrap()
    });
}

#[test]
fn binary_file() {
    assert_reported("image.txt", "is binary", |p| {
        fs::write(p, [0x89, b'P', b'N', b'G', 0, 0, 0, 13]).unwrap()
    });
}

#[test]
fn invalid_utf8() {
    assert_reported(
        "latin1.txt",
        "is not valid UTF-8 (first bad byte at offset 5)",
        |p| fs::write(p, b"Caf\x65 \xe9t\xe9 said.\n").unwrap(),
    );
}

#[test]
fn fifty_megabyte_file() {
    assert_reported("huge.txt", "is too large", |p| {
        let f = fs::File::create(p).unwrap();
        f.set_len(50 * 1024 * 1024).unwrap();
    });
}

#[test]
fn unreadable_file() {
    // A link to nothing: the walker follows links, so it is an input that cannot be read.
    assert_reported("gone.txt", "cannot be read", |p| {
        std::os::unix::fs::symlink(p.with_file_name("nowhere.txt"), p).unwrap()
    });
}

#[test]
fn bad_jsonl_record() {
    assert_reported("feed.jsonl", "line 2", |p| {
        fs::write(p, "{\"text\": \"A release.\"}\n{\"title\": \"no text\"}\n").unwrap()
    });
}

#[test]
fn directory_without_accepted_files() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("pictures");
    fs::create_dir(&empty).unwrap();
    fs::write(empty.join("photo.jpg"), [0xff, 0xd8, 0xff]).unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, GOOD).unwrap();
    let out = dir.path().join("out");
    let o = extract(&[
        "--no-ner",
        empty.to_str().unwrap(),
        good.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("pictures: holds no .txt"), "{stderr}");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(rows(&out, "releases.csv").len(), 1);
}

#[test]
fn missing_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = extract(&["--no-ner", "/no/such/place", "--out", out.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("/no/such/place: does not exist"));
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn all_good_inputs_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let out = dir.path().join("out");
    let o = extract_rules(dir.path(), &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(rows(&out, "skipped.csv").is_empty());
}
