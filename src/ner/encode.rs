//! From text to model inputs: wordpieces with casing classes, words, and windows that pack
//! consecutive sentences (so each sentence is seen with its neighbours as context) and split
//! sentences too long for one window into overlapping windows.

use anyhow::{anyhow, Result};
use tch::{Device, Kind, Tensor};
use tokenizers::Tokenizer;

use crate::doc::Span;

/// Number of casing classes (see [`casing_class`]).
pub const CASING_CLASSES: i64 = 8;

/// `[CLS]` in the BERT vocabulary.
const CLS_ID: i64 = 101;
/// `[SEP]` in the BERT vocabulary.
const SEP_ID: i64 = 102;

/// Label of positions that carry no training signal (continuation pieces, specials).
pub const IGNORE: i64 = -100;

/// The casing class of a word, given to the model because its vocabulary is lower-cased:
/// 0 special or padding, 1 all lower-case, 2 Title, 3 ALL CAPS, 4 mixed (McDonald),
/// 5 digits only, 6 letters and digits, 7 punctuation or other.
pub fn casing_class(word: &str) -> i64 {
    let (mut upper, mut lower, mut digit) = (0usize, 0usize, 0usize);
    let mut first_upper = false;
    for (i, c) in word.chars().enumerate() {
        if c.is_uppercase() {
            upper += 1;
            first_upper |= i == 0;
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_numeric() {
            digit += 1;
        }
    }
    let letters = upper + lower;
    match (letters, digit) {
        (0, 0) => 7,
        (0, _) => 5,
        (_, d) if d > 0 => 6,
        _ if upper == 0 => 1,
        _ if lower == 0 && upper >= 2 => 3,
        _ if first_upper && upper == 1 => 2,
        _ => 4,
    }
}

/// Lower-case function words (determiners, pronouns, prepositions, conjunctions, auxiliaries
/// and a few adverbs, contractions without their apostrophe), sorted for binary search.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "against",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "because",
    "before",
    "being",
    "both",
    "but",
    "by",
    "during",
    "each",
    "either",
    "every",
    "few",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "id",
    "if",
    "ill",
    "im",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "ive",
    "let",
    "lets",
    "many",
    "more",
    "most",
    "much",
    "my",
    "myself",
    "neither",
    "no",
    "none",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "over",
    "she",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "thats",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "theres",
    "these",
    "they",
    "theyre",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "weve",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

/// Whether `sentence` may name an entity. English names are capitalised, so a sentence
/// whose only capitals are on a first word that is a function word and on the pronoun
/// "I" ("He said the case was closed.", "We knew I was right.") names nothing, and the
/// model need not read it.
pub fn may_name_something(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if words.any(|w| w.chars().any(char::is_uppercase) && !is_pronoun_i(w)) {
        return true;
    }
    let bare: String = first
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    first.chars().any(char::is_uppercase) && FUNCTION_WORDS.binary_search(&bare.as_str()).is_err()
}

/// Whether `word` (with any punctuation around it) is the pronoun "I", alone or contracted
/// ("I'm", "I’ve"). "Ill." (Illinois), "ID" (Idaho) and "I'Anson" are not.
fn is_pronoun_i(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    w == "I"
        || w.strip_prefix('I')
            .and_then(|rest| rest.strip_prefix(['\'', '’']))
            .is_some_and(|tail| !tail.is_empty() && tail.chars().all(char::is_lowercase))
}

/// One sentence as wordpieces. Words are the tokenizer's pre-tokens (whitespace and
/// punctuation split); every word is labelled through its first piece.
#[derive(Debug, Clone, Default)]
pub struct Encoded {
    /// Vocabulary ids.
    pub ids: Vec<i64>,
    /// Casing class of each piece (that of its word).
    pub casing: Vec<i64>,
    /// Index into `words` of each piece's word.
    pub word: Vec<u32>,
    /// Whether the piece is the first of its word.
    pub first: Vec<bool>,
    /// Byte span of each word in the encoded text.
    pub words: Vec<Span>,
}

impl Encoded {
    /// Number of pieces.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when the sentence has no piece.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The byte span from the start of word `start` to the end of word `end - 1`.
    pub fn words_span(&self, start: usize, end: usize) -> Option<Span> {
        let (first, last) = (self.words.get(start)?, self.words.get(end.checked_sub(1)?)?);
        Some(Span::new(first.start, last.end))
    }
}

/// Tokenises `text` (without special tokens) and groups the pieces into words.
pub fn encode(tokenizer: &Tokenizer, text: &str) -> Result<Encoded> {
    let enc = tokenizer
        .encode(text, false)
        .map_err(|e| anyhow!("tokenizer failed: {e}"))?;
    let mut out = Encoded::default();
    let mut last_word: Option<u32> = None;
    for ((&id, &(start, end)), &word_id) in enc
        .get_ids()
        .iter()
        .zip(enc.get_offsets())
        .zip(enc.get_word_ids())
    {
        let is_first = word_id.is_none() || word_id != last_word;
        if is_first {
            out.words.push(Span::new(start, end));
        } else if let Some(w) = out.words.last_mut() {
            w.end = w.end.max(end);
        }
        last_word = word_id;
        out.ids.push(i64::from(id));
        out.word.push((out.words.len() - 1) as u32);
        out.first.push(is_first);
    }
    out.casing = out
        .word
        .iter()
        .map(|&w| {
            let span = out.words[w as usize];
            text.get(span.range()).map_or(7, casing_class)
        })
        .collect();
    Ok(out)
}

/// A window over the concatenated pieces of one document: pieces `start..end` go into the
/// model (between `[CLS]` and `[SEP]`), and predictions are kept for `target_start..target_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First piece fed to the model.
    pub start: usize,
    /// One past the last piece fed.
    pub end: usize,
    /// First piece whose prediction is kept.
    pub target_start: usize,
    /// One past the last piece whose prediction is kept.
    pub target_end: usize,
}

impl Window {
    /// Number of pieces fed, without `[CLS]` and `[SEP]`.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a window of no piece.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Windows covering sentences of `lens` pieces laid end to end. Whole sentences are packed
/// greedily while they fit `cap(k)` pieces (`k` counts windows, so training can vary the
/// packing); a sentence longer than `max` is cut into overlapping windows of `max` pieces,
/// each keeping the predictions of its middle three quarters (an eighth of a window of
/// context on either side). Every piece is a target exactly once.
pub fn plan_windows(
    lens: &[usize],
    max: usize,
    mut cap: impl FnMut(usize) -> usize,
) -> Vec<Window> {
    let max = max.max(4);
    let mut windows = Vec::new();
    let mut offset = 0;
    let mut i = 0;
    while i < lens.len() {
        if lens[i] > max {
            let (s, e) = (offset, offset + lens[i]);
            let context = max / 8;
            let step = max - 2 * context;
            let mut t = s;
            while t < e {
                let te = (t + step).min(e);
                let start = t.saturating_sub(context).max(s);
                let end = (start + max).min(e);
                let start = end.saturating_sub(max).max(s);
                windows.push(Window {
                    start,
                    end,
                    target_start: t,
                    target_end: te,
                });
                t = te;
            }
            offset = e;
            i += 1;
            continue;
        }
        let limit = cap(windows.len()).clamp(1, max);
        let start = offset;
        let mut total = 0;
        while i < lens.len() && lens[i] <= max && (total == 0 || total + lens[i] <= limit) {
            total += lens[i];
            i += 1;
        }
        offset += total;
        windows.push(Window {
            start,
            end: offset,
            target_start: start,
            target_end: offset,
        });
    }
    windows
}

/// The pieces of one document's sentences laid end to end.
#[derive(Debug, Clone, Default)]
pub struct Stream {
    /// Vocabulary ids.
    pub ids: Vec<i64>,
    /// Casing classes.
    pub casing: Vec<i64>,
    /// Training label of each piece ([`IGNORE`] where none).
    pub labels: Vec<i64>,
    /// For first pieces of words: (sentence, word) it stands for.
    pub origin: Vec<Option<(u32, u32)>>,
    /// Pieces per sentence.
    pub lens: Vec<usize>,
}

impl Stream {
    /// Lays out `sentences`; `labels(s, w)` gives the tag index of word `w` of sentence `s`
    /// for training, or `None` for prediction.
    pub fn new(sentences: &[Encoded], labels: impl Fn(usize, usize) -> Option<i64>) -> Stream {
        let mut st = Stream::default();
        for (s, enc) in sentences.iter().enumerate() {
            st.ids.extend_from_slice(&enc.ids);
            st.casing.extend_from_slice(&enc.casing);
            for (&w, &first) in enc.word.iter().zip(&enc.first) {
                if first {
                    st.origin.push(Some((s as u32, w)));
                    st.labels.push(labels(s, w as usize).unwrap_or(IGNORE));
                } else {
                    st.origin.push(None);
                    st.labels.push(IGNORE);
                }
            }
            st.lens.push(enc.len());
        }
        st
    }
}

/// Model inputs for a batch of windows, padded to the longest.
pub struct Batch {
    /// Vocabulary ids, `[B, T]`.
    pub ids: Tensor,
    /// Casing classes, `[B, T]`.
    pub casing: Tensor,
    /// 1 for real positions, 0 for padding, `[B, T]`.
    pub mask: Tensor,
    /// Training labels, `[B, T]`.
    pub labels: Tensor,
    /// Padded length `T`.
    pub width: usize,
}

/// Builds the batch of `windows` (each with the stream it reads).
pub fn batch(windows: &[(&Stream, Window)]) -> Batch {
    let width = windows.iter().map(|(_, w)| w.len()).max().unwrap_or(0) + 2;
    let n = windows.len();
    let mut ids = vec![0i64; n * width];
    let mut casing = vec![0i64; n * width];
    let mut mask = vec![0i64; n * width];
    let mut labels = vec![IGNORE; n * width];
    for (b, (st, w)) in windows.iter().enumerate() {
        let row = b * width;
        ids[row] = CLS_ID;
        mask[row] = 1;
        for (k, p) in (w.start..w.end).enumerate() {
            let at = row + 1 + k;
            ids[at] = st.ids[p];
            casing[at] = st.casing[p];
            mask[at] = 1;
            if (w.target_start..w.target_end).contains(&p) {
                labels[at] = st.labels[p];
            }
        }
        let sep = row + 1 + w.len();
        ids[sep] = SEP_ID;
        mask[sep] = 1;
    }
    let shape = [n as i64, width as i64];
    let make = |v: &[i64]| {
        Tensor::from_slice(v)
            .view(shape)
            .to_kind(Kind::Int64)
            .to_device(Device::Cpu)
    };
    Batch {
        ids: make(&ids),
        casing: make(&casing),
        mask: make(&mask),
        labels: make(&labels),
        width,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_and_lower_case() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(FUNCTION_WORDS
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn sentences_without_a_capitalised_content_word_name_nothing() {
        for s in [
            "He said the case was closed.",
            "“It’s a great day for our county,” she said.",
            "The defendant faces up to 20 years in prison.",
            "I'm proud of this work.",
            "When I saw the report, I’ll admit I was shocked (and so was I).",
            "the hearing was set for 9 a.m.",
            "###",
            "",
        ] {
            assert!(!may_name_something(s), "{s}");
        }
        for s in [
            "Smith said the case was closed.",
            "The case was closed, Smith said.",
            "“We are proud,” said Mayor Ann Quill.",
            "Prosecutors said the case was closed.",
            "the hearing was set by Judge Lee.",
            "Émile spoke first.",
            "He moved to Springfield, Ill., where I met him.",
            "I live in Boise, ID now.",
            "We asked: did I tell Ian?",
            "we thanked I’Anson.",
        ] {
            assert!(may_name_something(s), "{s}");
        }
    }

    #[test]
    fn casing_classes() {
        assert_eq!(casing_class("said"), 1);
        assert_eq!(casing_class("Smith"), 2);
        assert_eq!(casing_class("A"), 2);
        assert_eq!(casing_class("NATO"), 3);
        assert_eq!(casing_class("McDonald"), 4);
        assert_eq!(casing_class("1996"), 5);
        assert_eq!(casing_class("F16"), 6);
        assert_eq!(casing_class(","), 7);
        assert_eq!(casing_class("Émile"), 2);
    }

    #[test]
    fn windows_pack_sentences_and_split_long_ones() {
        let w = plan_windows(&[3, 4, 5, 2], 8, |_| 8);
        let got: Vec<_> = w.iter().map(|w| (w.start, w.end)).collect();
        assert_eq!(got, vec![(0, 7), (7, 14)]);
        assert!(w
            .iter()
            .all(|w| w.target_start == w.start && w.target_end == w.end));

        let w = plan_windows(&[2, 20, 1], 8, |_| 8);
        // Every piece is a target exactly once, no window is longer than 8.
        let mut covered = [0; 23];
        for x in &w {
            assert!(x.len() <= 8);
            assert!(x.start <= x.target_start && x.target_end <= x.end);
            for c in &mut covered[x.target_start..x.target_end] {
                *c += 1;
            }
        }
        assert!(covered.iter().all(|&c| c == 1));
        assert!(plan_windows(&[], 8, |_| 8).is_empty());
    }

    #[test]
    fn empty_sentences_do_not_stall_packing() {
        let w = plan_windows(&[0, 0, 3], 8, |_| 1);
        assert_eq!(w.last().map(|w| w.end), Some(3));
    }
}
