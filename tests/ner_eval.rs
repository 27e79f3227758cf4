//! `whosaid eval-ner` on a small invented CoNLL fixture with the shipped model.

use std::process::Command;

#[test]
fn eval_ner_prints_conlleval_report_and_f1_last() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["eval-ner", &format!("{root}/tests/fixtures/ner-mini.conll")])
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("processed 59 tokens with 11 phrases;"),
        "{stdout}"
    );
    for label in ["PER", "ORG", "LOC"] {
        assert!(stdout.contains(&format!("{label}: precision:")), "{stdout}");
    }
    let f1: f64 = lines
        .last()
        .and_then(|l| l.strip_prefix("f1="))
        .and_then(|v| v.parse().ok())
        .expect("last line f1=NN.NN");
    assert!(f1 >= 80.0, "{stdout}");
}

#[test]
fn eval_ner_rejects_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.conll");
    std::fs::write(&bad, "word POS B-NOTATYPE\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["eval-ner", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown tag"));
}
