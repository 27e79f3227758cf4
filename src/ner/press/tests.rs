//! Tests of the press-release head: tags, decoding, scores, folds and the inference pass.

use super::*;
use crate::doc::Span;

fn enc(words: &[(usize, usize)]) -> Encoded {
    Encoded {
        words: words.iter().map(|&(s, e)| Span::new(s, e)).collect(),
        ..Encoded::default()
    }
}

fn span(start: usize, end: usize, label: PressLabel) -> LabelledSpan {
    LabelledSpan { start, end, label }
}

#[test]
fn words_inside_a_span_take_its_tags() {
    // "Sheriff Ada Quill of Ohio" as words.
    let e = enc(&[(0, 7), (8, 11), (12, 17), (18, 20), (21, 25)]);
    let tags = word_tags(
        &e,
        &[
            span(0, 7, PressLabel::Title),
            span(8, 17, PressLabel::Person),
            span(21, 25, PressLabel::State),
        ],
    );
    let names: Vec<String> = tags.iter().map(|t| t.conll()).collect();
    assert_eq!(names, ["B-TITLE", "B-PERSON", "I-PERSON", "O", "B-STATE"]);
    let spans = tag_spans(&e, &tags);
    assert_eq!(spans[1].span, Span::new(8, 17));
    assert_eq!(spans.len(), 3);
}

#[test]
fn decoding_keeps_iob2_and_scores_spans() {
    let e = enc(&[(0, 3), (4, 9)]);
    let mut s0 = vec![-9.0f32; PRESS_TAGS.len()];
    // I-AGENCY is the best tag of the first word but cannot open a span.
    s0[PressTag::Inside(PressLabel::Agency).index()] = -0.1;
    s0[PressTag::Begin(PressLabel::Agency).index()] = -1.0;
    let mut s1 = vec![-9.0f32; PRESS_TAGS.len()];
    s1[PressTag::Inside(PressLabel::Agency).index()] = -0.2;
    let spans = decode(&e, &[s0, s1]);
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].span, Span::new(0, 9));
    assert_eq!(spans[0].label, PressLabel::Agency);
    assert!(spans[0].score > 0.5 && spans[0].score < 1.0);
}

#[test]
fn span_scores_count_exact_matches_per_label() {
    let s = |a, b, label| PressSpan {
        span: Span::new(a, b),
        label,
        score: 1.0,
    };
    let mut score = SpanScore::default();
    score.add(
        &[s(0, 5, PressLabel::Person), s(6, 9, PressLabel::State)],
        &[s(0, 5, PressLabel::Person), s(6, 9, PressLabel::Agency)],
    );
    let person = score.labels[&PressLabel::Person];
    assert_eq!((person.tp, person.fp, person.fn_), (1, 0, 0));
    assert_eq!(score.labels[&PressLabel::State].fn_, 1);
    assert_eq!(score.labels[&PressLabel::Agency].fp, 1);
    let (p, r, f) = score.overall().prf();
    assert_eq!((p, r, f), (50.0, 50.0, 50.0));
    assert!(score.report().contains("gold: precision  50.00"));
}

#[test]
fn folds_go_round_the_sorted_file_names() {
    let files: Vec<String> = ["c", "a", "d", "b", "e"].map(String::from).to_vec();
    // Sorted: a b c d e -> folds 0 1 0 1 0.
    assert_eq!(fold_of(&files, 2), vec![0, 0, 1, 1, 0]);
}

#[test]
fn a_head_round_trips_through_its_files() {
    let head = PressHead::new(&[5, 6], 4, 0);
    let dir = tempfile::tempdir().unwrap();
    head.save(dir.path()).unwrap();
    let back = PressHead::load(dir.path(), 4).unwrap().expect("a head");
    assert_eq!(back.settings(), head.settings());
    let x = Tensor::ones([3, 8], (Kind::Float, Device::Cpu));
    let gap = tch::no_grad(|| (head.forward(&x) - back.forward(&x)).abs().max());
    assert_eq!(gap.double_value(&[]), 0.0);
    assert!(PressHead::load(&dir.path().join("none"), 4)
        .unwrap()
        .is_none());
}

/// The block-wise inference pass gives the logits of the joined one, for a linear
/// head and for one with a hidden layer, on inputs of any leading shape.
#[test]
fn block_wise_logits_match_the_joined_features() {
    tch::manual_seed(7);
    for hidden in [0, 5] {
        let head = PressHead::new(&[1, 3, 2], 6, hidden);
        let kept: Vec<Tensor> = (0..3)
            .map(|_| Tensor::randn([2, 4, 6], (Kind::Float, Device::Cpu)))
            .collect();
        let joined = tch::no_grad(|| head.forward(&Tensor::cat(&kept, -1)));
        let blocks = tch::no_grad(|| head.forward_layers(&kept));
        assert_eq!(blocks.size(), vec![2, 4, PRESS_TAGS.len() as i64]);
        let gap = (joined - blocks).abs().max().double_value(&[]);
        assert!(gap < 1e-5, "hidden {hidden}: gap {gap}");
    }
}
