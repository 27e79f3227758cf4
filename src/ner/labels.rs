//! The IOB2 tag schemes: tags, valid-transition (Viterbi) decoding and chunk extraction.
//!
//! Two label sets share the scheme: the CoNLL-2003 types of the main head ([`NerLabel`],
//! tags [`TAGS`]) and the press-release types of the second head ([`PressLabel`], tags
//! [`PRESS_TAGS`]).

use crate::doc::{NerLabel, PressLabel};

/// One IOB2 tag over the entity types `L`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Iob<L> {
    /// Outside any entity.
    Outside,
    /// First word of an entity.
    Begin(L),
    /// A later word of an entity.
    Inside(L),
}

/// A CoNLL-2003 tag.
pub type Tag = Iob<NerLabel>;

/// A press-release tag.
pub type PressTag = Iob<PressLabel>;

/// An entity type of a tag set: its name in tag strings and the tags a head predicts.
pub trait Label: Copy + Eq + 'static {
    /// The tags of the type set, in the order of the head's output units (`O` first).
    const TAGS: &'static [Iob<Self>];

    /// The name in tag strings ("PER", "AGENCY").
    fn name(self) -> &'static str;
}

impl Label for NerLabel {
    const TAGS: &'static [Tag] = &TAGS;

    fn name(self) -> &'static str {
        self.as_str()
    }
}

impl Label for PressLabel {
    const TAGS: &'static [PressTag] = &PRESS_TAGS;

    fn name(self) -> &'static str {
        self.as_str()
    }
}

/// The tags the CoNLL head predicts, in the order of its output units.
pub const TAGS: [Tag; 9] = [
    Tag::Outside,
    Tag::Begin(NerLabel::Person),
    Tag::Inside(NerLabel::Person),
    Tag::Begin(NerLabel::Organization),
    Tag::Inside(NerLabel::Organization),
    Tag::Begin(NerLabel::Location),
    Tag::Inside(NerLabel::Location),
    Tag::Begin(NerLabel::Misc),
    Tag::Inside(NerLabel::Misc),
];

/// The tags the press-release head predicts, in the order of its output units.
pub const PRESS_TAGS: [PressTag; 11] = [
    PressTag::Outside,
    PressTag::Begin(PressLabel::Person),
    PressTag::Inside(PressLabel::Person),
    PressTag::Begin(PressLabel::Agency),
    PressTag::Inside(PressLabel::Agency),
    PressTag::Begin(PressLabel::Title),
    PressTag::Inside(PressLabel::Title),
    PressTag::Begin(PressLabel::State),
    PressTag::Inside(PressLabel::State),
    PressTag::Begin(PressLabel::Org),
    PressTag::Inside(PressLabel::Org),
];

impl Tag {
    /// Parses a CoNLL tag ("O", "B-PER", "I-LOC"; IOB1 files use the same strings).
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::Outside);
        }
        let (prefix, label) = s.split_once('-')?;
        let label = NerLabel::from_conll(label)?;
        match prefix {
            "B" => Some(Tag::Begin(label)),
            "I" => Some(Tag::Inside(label)),
            _ => None,
        }
    }
}

impl<L: Label> Iob<L> {
    /// The tag's spelling ("O", "B-PER", "I-AGENCY").
    pub fn conll(self) -> String {
        match self {
            Iob::Outside => "O".to_string(),
            Iob::Begin(l) => format!("B-{}", l.name()),
            Iob::Inside(l) => format!("I-{}", l.name()),
        }
    }

    /// The entity type, if any.
    pub fn label(self) -> Option<L> {
        match self {
            Iob::Outside => None,
            Iob::Begin(l) | Iob::Inside(l) => Some(l),
        }
    }

    /// The tag a later word of the same entity gets (B-X becomes I-X).
    pub fn continuation(self) -> Iob<L> {
        match self {
            Iob::Begin(l) => Iob::Inside(l),
            t => t,
        }
    }

    /// Index of the tag in its set's [`Label::TAGS`].
    pub fn index(self) -> usize {
        L::TAGS.iter().position(|&t| t == self).unwrap_or(0)
    }

    /// Whether `self` may follow `prev` (`None`: the start of a sentence) in IOB2.
    pub fn may_follow(self, prev: Option<Iob<L>>) -> bool {
        match self {
            Iob::Inside(l) => prev.and_then(Iob::label) == Some(l),
            _ => true,
        }
    }
}

/// The best tag sequence under IOB2 constraints (an I-X only after B-X or I-X).
///
/// `scores[i][k]` is the log-probability of tag `L::TAGS[k]` for word `i`. Returns tag
/// indices, one per word.
pub fn viterbi<L: Label>(scores: &[Vec<f32>]) -> Vec<usize> {
    let tags = L::TAGS;
    let n = tags.len();
    if scores.is_empty() {
        return Vec::new();
    }
    let mut best: Vec<f32> = (0..n)
        .map(|k| {
            if tags[k].may_follow(None) {
                scores[0].get(k).copied().unwrap_or(f32::NEG_INFINITY)
            } else {
                f32::NEG_INFINITY
            }
        })
        .collect();
    let mut back: Vec<Vec<usize>> = Vec::with_capacity(scores.len());
    for row in &scores[1..] {
        let mut next = vec![f32::NEG_INFINITY; n];
        let mut from = vec![0usize; n];
        for k in 0..n {
            for j in 0..n {
                if tags[k].may_follow(Some(tags[j])) && best[j] > next[k] {
                    next[k] = best[j];
                    from[k] = j;
                }
            }
            next[k] += row.get(k).copied().unwrap_or(f32::NEG_INFINITY);
        }
        back.push(from);
        best = next;
    }
    let mut k = (0..n)
        .max_by(|&a, &b| best[a].total_cmp(&best[b]))
        .unwrap_or(0);
    let mut path = vec![k; scores.len()];
    for (i, from) in back.iter().enumerate().rev() {
        k = from[k];
        path[i] = k;
    }
    path
}

/// The entities of one sentence from the log-probabilities of `L::TAGS` at its words:
/// the best tag sequence under IOB2 constraints ([`viterbi`]) read as chunks, each with the
/// mean probability of its words' tags.
pub fn decode<L: Label>(scores: &[Vec<f32>]) -> Vec<(Chunk<L>, f32)> {
    let path = viterbi::<L>(scores);
    let tags: Vec<Iob<L>> = path.iter().map(|&k| L::TAGS[k]).collect();
    chunks(&tags)
        .into_iter()
        .map(|c| {
            let prob: f32 = (c.start..c.end).map(|w| scores[w][path[w]].exp()).sum();
            (c, prob / (c.end - c.start) as f32)
        })
        .collect()
}

/// Rewrites IOB1 tags as IOB2 (an entity's first word always B-); IOB2 input is unchanged.
pub fn to_iob2<L: Label>(tags: &mut [Iob<L>]) {
    let mut prev: Option<Iob<L>> = None;
    for tag in tags.iter_mut() {
        if let Iob::Inside(l) = *tag {
            if !tag.may_follow(prev) {
                *tag = Iob::Begin(l);
            }
        }
        prev = Some(*tag);
    }
}

/// A run of words forming one entity: words `start..end` of type `label`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chunk<L = NerLabel> {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Entity type.
    pub label: L,
}

/// The entities of a tag sequence, read as conlleval does: an entity starts at B-X, or at
/// I-X after a word that is not of type X, and runs while I-X follows.
pub fn chunks<L: Label>(tags: &[Iob<L>]) -> Vec<Chunk<L>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, L)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let continues = matches!((tag, open), (Iob::Inside(l), Some((_, o))) if l == o);
        if !continues {
            if let Some((start, label)) = open.take() {
                out.push(Chunk {
                    start,
                    end: i,
                    label,
                });
            }
            open = tag.label().map(|l| (i, l));
        }
    }
    if let Some((start, label)) = open {
        out.push(Chunk {
            start,
            end: tags.len(),
            label,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Tag> {
        s.split_whitespace()
            .map(|t| Tag::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn parses_and_prints_tags() {
        for t in TAGS {
            assert_eq!(Tag::parse(&t.conll()), Some(t));
            assert_eq!(TAGS[t.index()], t);
        }
        for t in PRESS_TAGS {
            assert_eq!(PRESS_TAGS[t.index()], t);
        }
        assert_eq!(PressTag::Begin(PressLabel::Agency).conll(), "B-AGENCY");
        assert_eq!(Tag::parse("B-XYZ"), None);
        assert_eq!(Tag::parse("E-PER"), None);
    }

    #[test]
    fn chunks_follow_conlleval() {
        let c = chunks(&tags("B-PER I-PER O I-LOC I-LOC B-LOC I-ORG"));
        let got: Vec<_> = c
            .iter()
            .map(|c| (c.start, c.end, c.label.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG")]
        );
        assert!(chunks::<NerLabel>(&[]).is_empty());
    }

    #[test]
    fn iob1_becomes_iob2() {
        let mut t = tags("I-PER I-PER O I-LOC B-LOC I-ORG");
        to_iob2(&mut t);
        assert_eq!(t, tags("B-PER I-PER O B-LOC B-LOC B-ORG"));
    }

    #[test]
    fn viterbi_never_starts_an_entity_with_i() {
        // Word 0 prefers I-PER, which is invalid at the start; word 1 prefers I-PER too.
        let mut s0 = vec![-9.0f32; 9];
        s0[Tag::Inside(NerLabel::Person).index()] = -0.1;
        s0[Tag::Begin(NerLabel::Person).index()] = -2.0;
        let mut s1 = vec![-9.0f32; 9];
        s1[Tag::Inside(NerLabel::Person).index()] = -0.1;
        s1[Tag::Inside(NerLabel::Location).index()] = -0.05;
        let path: Vec<Tag> = viterbi::<NerLabel>(&[s0, s1])
            .into_iter()
            .map(|k| TAGS[k])
            .collect();
        assert_eq!(path, tags("B-PER I-PER"));
        assert!(viterbi::<NerLabel>(&[]).is_empty());
    }
}
