//! The press-release head of the NER model on invented text: the projection of gold
//! annotations onto releases (`ner-data`), the second layer of spans beside the CoNLL
//! mentions, and the commands that train, cross-validate and score the head.

mod common;

use std::path::Path;

use common::release_of_sentences as release;
use whosaid::doc::PressLabel;
use whosaid::ner::precision::{Precision, PrecisionChoice};
use whosaid::ner::project::from_gold;
use whosaid::ner::{default_model_dir, NerModel, NerOptions};

/// The invented gold releases of the tests.
fn gold_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold"))
}

/// Gold names, surnames alone, acronyms, titles and states are found in the sentences of
/// the release they annotate; without a model, nothing is labelled ORG.
#[test]
fn projection_labels_every_written_form_of_the_gold() {
    let (data, _) = from_gold(&[gold_dir().to_path_buf()], 1 << 24, None).expect("projects");
    let hollins = data
        .iter()
        .find(|r| r.file.starts_with("hollins_county_da"))
        .expect("the Hollins County release");
    let mut labelled: Vec<(PressLabel, &str)> = Vec::new();
    for s in &hollins.sentences {
        for sp in &s.spans {
            assert!(sp.start < sp.end && sp.end <= s.text.len());
            labelled.push((sp.label, &s.text[sp.start..sp.end]));
        }
        // In text order, not overlapping.
        assert!(s.spans.windows(2).all(|w| w[0].end <= w[1].start));
    }
    for (label, words) in [
        (PressLabel::Person, "Raymond D. Castellano"),
        (PressLabel::Person, "Castellano"),
        (PressLabel::Title, "District Attorney"),
        (PressLabel::Agency, "New York City Police Department"),
        (PressLabel::Agency, "NYPD"),
        (PressLabel::State, "Georgia"),
    ] {
        assert!(
            labelled.contains(&(label, words)),
            "{label:?} {words:?} in {labelled:?}"
        );
    }
    // "New York City" is a city, not the state.
    assert!(!labelled.contains(&(PressLabel::State, "New York")));
    assert!(data
        .iter()
        .flat_map(|r| &r.sentences)
        .flat_map(|s| &s.spans)
        .all(|s| s.label != PressLabel::Org));
}

/// The shipped head tags press-release entities in the pass that finds the CoNLL
/// mentions, and leaves those exactly as a model without the head finds them.
#[test]
fn the_press_layer_comes_with_the_conll_layer_unchanged() {
    let options = NerOptions {
        precision: PrecisionChoice::Fixed(Precision::F32),
    };
    let model = NerModel::load(&default_model_dir(), &options).expect("the shipped model loads");
    assert!(
        model.press_head().is_some(),
        "the shipped model has a press head"
    );
    let sentences = [
        "Sheriff Olivia Brandt of the Cedar County Sheriff's Office said deputies from Nebraska helped.",
        "Brandt thanked Governor Harold Stennet for the grant.",
        "nothing here names anybody.",
    ];
    let mut both = vec![release(&sentences)];
    let mut plain = both.clone();
    let stats = model.annotate(&mut both).unwrap();
    let mut bare = NerModel::load(&default_model_dir(), &options).unwrap();
    bare.drop_press_head();
    assert_ne!(bare.fingerprint(), model.fingerprint());
    let plain_stats = bare.annotate(&mut plain).unwrap();
    assert_eq!(plain[0].ner, both[0].ner);
    assert_eq!(stats, plain_stats);
    // Without a head, no second layer.
    assert!(plain[0].press.is_empty());
    let r = &both[0];
    let found: Vec<(PressLabel, &str)> =
        r.press.iter().map(|p| (p.label, r.slice(p.span))).collect();
    assert!(r.press.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    assert!(r.press.iter().all(|p| p.score > 0.0 && p.score <= 1.0));
    for expected in [
        (PressLabel::Title, "Sheriff"),
        (PressLabel::Person, "Olivia Brandt"),
        (PressLabel::State, "Nebraska"),
        (PressLabel::Person, "Harold Stennet"),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
}

/// `ner-data`, `train-press-head`, `eval-press` and `cv-press` run end to end on the
/// invented gold.
#[test]
fn the_press_commands_make_data_train_score_and_cross_validate() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.jsonl");
    let head = dir.path().join("head");
    let run = |args: &[&str]| {
        let out = common::whosaid().args(args).output().expect("whosaid runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (_, report) = run(&[
        "ner-data",
        gold_dir().to_str().unwrap(),
        "--out",
        data.to_str().unwrap(),
        "--precision",
        "f32",
    ]);
    assert!(report.contains("PERSON:"), "{report}");
    let data = data.to_str().unwrap();
    run(&[
        "train-press-head",
        data,
        "--out",
        head.to_str().unwrap(),
        "--epochs",
        "2",
    ]);
    assert!(head.join("press.json").is_file() && head.join("press.safetensors").is_file());
    let (scores, _) = run(&[
        "eval-press",
        data,
        "--head",
        head.to_str().unwrap(),
        "--precision",
        "f32",
        "--errors",
    ]);
    assert!(scores.contains(" PERSON: precision"), "{scores}");
    assert!(scores.contains("   gold: precision"), "{scores}");
    let (cv, _) = run(&["cv-press", data, "--folds", "2", "--epochs", "2"]);
    assert!(cv.contains("fold 1: precision"), "{cv}");
    assert!(
        cv.contains("== 2-fold cross-validation, 10 releases"),
        "{cv}"
    );
}
