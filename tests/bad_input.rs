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
fn text_whose_encoding_cannot_be_told() {
    // 0x81 means nothing in Windows-1252 and 0x01 is a control byte: no guess is trusted.
    assert_reported(
        "unknown.txt",
        "is not valid UTF-8 (first bad byte at offset 3) and its encoding cannot be told: \
         as windows-1252 it would hold the control character U+0081 at byte 5",
        |p| fs::write(p, b"Caf\xe9 \x81\x01 said.\n").unwrap(),
    );
}

#[test]
fn utf16_without_a_byte_order_mark_is_binary() {
    assert_reported("no_bom.txt", "is binary", |p| {
        let units: Vec<u8> = "Hello".encode_utf16().flat_map(u16::to_le_bytes).collect();
        fs::write(p, units).unwrap()
    });
}

#[test]
fn utf16_that_does_not_decode() {
    assert_reported("broken16.txt", "is not valid UTF-16LE", |p| {
        fs::write(p, [0xff, 0xfe, b'H', 0, 0x00, 0xd8, b'i', 0]).unwrap()
    });
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
fn a_bad_file_in_a_folder_is_named_relative_to_the_input_root() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(input.join("sub")).unwrap();
    fs::write(input.join("good.txt"), GOOD).unwrap();
    fs::write(input.join("sub/empty.txt"), "").unwrap();
    let out = dir.path().join("out");
    extract_rules(&input, &out);
    let skipped = rows(&out, "skipped.csv");
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0][..3], ["sub/empty.txt", "", "error"]);
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
