//! Inference with the shipped model on invented text: fixed expected entities, byte spans
//! into the release text, long sentences windowed rather than truncated.

mod common;

use common::release_of_sentences as release;
use whosaid::doc::{NerLabel, Release};
use whosaid::ner::precision::{Precision, PrecisionChoice};
use whosaid::ner::{default_model_dir, NerModel, NerOptions};

fn found(r: &Release) -> Vec<(String, &'static str)> {
    r.ner
        .iter()
        .map(|m| (r.slice(m.span).to_string(), m.label.as_str()))
        .collect()
}

fn model(precision: Precision) -> NerModel {
    let options = NerOptions {
        precision: PrecisionChoice::Fixed(precision),
    };
    NerModel::load(&default_model_dir(), &options).expect("the shipped model loads")
}

/// The same entities in every backend.
#[test]
fn finds_people_places_and_offices() {
    for precision in Precision::ALL {
        finds_people_places_and_offices_in(precision);
    }
}

fn finds_people_places_and_offices_in(precision: Precision) {
    let ner = model(precision);
    let mut releases = vec![
        release(&[
            "Governor Maria Lopez announced on Monday that the Department of Public Safety will open a new office in Springfield.",
            "\u{201c}This is good news for Ohio,\u{201d} said José Núñez, the mayor of Dayton.",
        ]),
        release(&["Attorney General Daniel Okafor thanked the Federal Bureau of Investigation."]),
    ];
    ner.annotate(&mut releases).unwrap();
    assert_eq!(
        found(&releases[0]),
        vec![
            ("Maria Lopez".to_string(), "PER"),
            ("Department of Public Safety".to_string(), "ORG"),
            ("Springfield".to_string(), "LOC"),
            ("Ohio".to_string(), "LOC"),
            ("José Núñez".to_string(), "PER"),
            ("Dayton".to_string(), "LOC"),
        ],
        "{precision}"
    );
    assert_eq!(
        found(&releases[1]),
        vec![
            ("Daniel Okafor".to_string(), "PER"),
            ("Federal Bureau of Investigation".to_string(), "ORG"),
        ],
        "{precision}"
    );
    for m in releases.iter().flat_map(|r| &r.ner) {
        assert!(m.score > 0.0 && m.score <= 1.0);
    }
}

#[test]
fn long_sentences_are_windowed_not_truncated() {
    let ner = model(Precision::Bf16);
    // About 400 wordpieces in one sentence; the names sit at the start, middle and end.
    let filler = "and the committee met again to discuss the budget ".repeat(20);
    let sentence = format!("Maria Lopez spoke first {filler}then Daniel Okafor spoke {filler}and finally Helen Varga closed the meeting.");
    let mut releases = vec![release(&[&sentence])];
    ner.annotate(&mut releases).unwrap();
    let people: Vec<String> = found(&releases[0])
        .into_iter()
        .filter(|(_, l)| *l == NerLabel::Person.as_str())
        .map(|(t, _)| t)
        .collect();
    assert_eq!(people, ["Maria Lopez", "Daniel Okafor", "Helen Varga"]);
}

#[test]
fn empty_and_odd_input_does_not_fail() {
    let ner = model(Precision::F32);
    let mut releases = vec![
        release(&[]),
        release(&[
            "",
            "\u{0}\u{7}",
            "—",
            "\u{200b}Ünïcödé  naïve café\u{fe0f} 😀 Zürich",
        ]),
    ];
    ner.annotate(&mut releases).unwrap();
    assert!(releases[0].ner.is_empty());
    for m in &releases[1].ner {
        assert!(!m.span.is_empty() && m.span.end <= releases[1].text.len());
        assert!(
            releases[1].text.get(m.span.range()).is_some(),
            "{m:?} splits a character"
        );
    }
    ner.annotate(&mut []).unwrap();
}
