//! The IOB2 tag scheme: tags, valid-transition (Viterbi) decoding and chunk extraction.

use crate::doc::NerLabel;

/// One IOB2 tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Outside any entity.
    Outside,
    /// First word of an entity.
    Begin(NerLabel),
    /// A later word of an entity.
    Inside(NerLabel),
}

/// The tags the model predicts, in the order of its output units.
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

    /// The CoNLL spelling of the tag.
    pub fn conll(self) -> String {
        match self {
            Tag::Outside => "O".to_string(),
            Tag::Begin(l) => format!("B-{}", l.as_str()),
            Tag::Inside(l) => format!("I-{}", l.as_str()),
        }
    }

    /// The entity type, if any.
    pub fn label(self) -> Option<NerLabel> {
        match self {
            Tag::Outside => None,
            Tag::Begin(l) | Tag::Inside(l) => Some(l),
        }
    }

    /// The tag a later word of the same CoNLL token gets (B-X becomes I-X).
    pub fn continuation(self) -> Tag {
        match self {
            Tag::Begin(l) => Tag::Inside(l),
            t => t,
        }
    }

    /// Index of the tag in [`TAGS`].
    pub fn index(self) -> usize {
        TAGS.iter().position(|&t| t == self).unwrap_or(0)
    }

    /// Whether `self` may follow `prev` (`None`: the start of a sentence) in IOB2.
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        match self {
            Tag::Inside(l) => prev.and_then(Tag::label) == Some(l),
            _ => true,
        }
    }
}

/// The best tag sequence under IOB2 constraints (an I-X only after B-X or I-X).
///
/// `scores[i][k]` is the log-probability of tag `TAGS[k]` for word `i`. Returns tag
/// indices, one per word.
pub fn viterbi(scores: &[Vec<f32>]) -> Vec<usize> {
    let n = TAGS.len();
    if scores.is_empty() {
        return Vec::new();
    }
    let mut best: Vec<f32> = (0..n)
        .map(|k| {
            if TAGS[k].may_follow(None) {
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
                if TAGS[k].may_follow(Some(TAGS[j])) && best[j] > next[k] {
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

/// Rewrites IOB1 tags as IOB2 (an entity's first word always B-); IOB2 input is unchanged.
pub fn to_iob2(tags: &mut [Tag]) {
    let mut prev: Option<Tag> = None;
    for tag in tags.iter_mut() {
        if let Tag::Inside(l) = *tag {
            if !tag.may_follow(prev) {
                *tag = Tag::Begin(l);
            }
        }
        prev = Some(*tag);
    }
}

/// A run of words forming one entity: words `start..end` of type `label`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chunk {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Entity type.
    pub label: NerLabel,
}

/// The entities of a tag sequence, read as conlleval does: an entity starts at B-X, or at
/// I-X after a word that is not of type X, and runs while I-X follows.
pub fn chunks(tags: &[Tag]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerLabel)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let continues = matches!((tag, open), (Tag::Inside(l), Some((_, o))) if l == o);
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
        assert!(chunks(&[]).is_empty());
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
        let path: Vec<Tag> = viterbi(&[s0, s1]).into_iter().map(|k| TAGS[k]).collect();
        assert_eq!(path, tags("B-PER I-PER"));
        assert!(viterbi(&[]).is_empty());
    }
}
