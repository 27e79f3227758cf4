//! Every numeric backend finds (nearly) the same entities as f32 on the demo corpus, within
//! the bounds the model card documents.

use std::collections::BTreeSet;
use std::path::PathBuf;

use whosaid::doc::{NerLabel, Release};
use whosaid::ner::precision::{Precision, PrecisionChoice};
use whosaid::ner::{default_model_dir, NerModel, NerOptions};
use whosaid::{ingest, segment};

/// Fewest shared mentions, as a share of the mentions either backend found (intersection
/// over union), for each backend against f32 on `corpus/`. Measured on an AMD EPYC (AVX-512
/// BF16, VNNI): bf16 375 of 376 (0.997), int8 361 of 389 (0.928: 15 mentions only in f32,
/// 13 only in int8, mostly the same words with one more or one fewer word, or another
/// type). The bounds leave room for a few mentions that round the other way on another CPU.
const AGREEMENT: [(Precision, f64); 2] = [(Precision::Bf16, 0.98), (Precision::Int8, 0.9)];

/// The demo corpus, read and segmented as the pipeline does.
fn demo_releases() -> Vec<Release> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (files, errors) = ingest::discover(&[root]);
    assert!(errors.is_empty(), "{errors:?}");
    files
        .iter()
        .flat_map(|f| {
            ingest::read(f, ingest::DEFAULT_MAX_BYTES)
                .expect("demo files read")
                .releases
        })
        .filter_map(|raw| segment::segment(raw).ok())
        .collect()
}

/// A mention: (release, start, end, label).
type Mention = (usize, usize, usize, NerLabel);

/// Every mention the model finds.
fn mentions(precision: Precision, releases: &[Release]) -> BTreeSet<Mention> {
    let options = NerOptions {
        precision: PrecisionChoice::Fixed(precision),
    };
    let model = NerModel::load(&default_model_dir(), &options).expect("the shipped model loads");
    let mut releases = releases.to_vec();
    model.annotate(&mut releases).expect("the model runs");
    releases
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            r.ner
                .iter()
                .map(move |m| (i, m.span.start, m.span.end, m.label))
        })
        .collect()
}

#[test]
fn every_backend_finds_the_entities_f32_finds() {
    let releases = demo_releases();
    assert!(releases.len() >= 10, "{} releases", releases.len());
    let reference = mentions(Precision::F32, &releases);
    assert!(reference.len() > 100, "{} mentions", reference.len());
    for (precision, bound) in AGREEMENT {
        let found = mentions(precision, &releases);
        let shared = reference.intersection(&found).count();
        let either = reference.union(&found).count();
        let agreement = shared as f64 / either as f64;
        eprintln!(
            "{precision}: {shared} of {either} mentions shared with f32 ({agreement:.3}); \
             {} only in f32, {} only in {precision}",
            reference.len() - shared,
            found.len() - shared
        );
        let text = |m: &Mention| (&releases[m.0].text[m.1..m.2], m.3);
        for m in reference.symmetric_difference(&found) {
            let side = if found.contains(m) {
                precision.name()
            } else {
                "f32"
            };
            eprintln!("  only in {side}: {:?}", text(m));
        }
        assert!(
            agreement >= bound,
            "{precision}: agreement with f32 {agreement:.3} < {bound}"
        );
    }
}
