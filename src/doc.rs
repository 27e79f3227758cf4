//! The document model every stage reads and writes.
//!
//! A [`Release`] owns nothing but a shared handle on its source text plus stand-off layers:
//! every span is a pair of byte offsets into [`Release::text`], never a copy of the words,
//! as spaCy's `Doc`/`Span` and brat's stand-off files do. For plain-text inputs in UTF-8 that
//! text is the file exactly as read, so a span can be looked up in the original file byte for
//! byte; text in another encoding is decoded to UTF-8 first and spans refer to that.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a release's source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; callers keep `start <= end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a span of zero bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely within this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span as a `Range`, for slicing.
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text under the span.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range()]
    }

    /// The same span moved `offset` bytes to the right (local offsets to file offsets).
    pub const fn shift(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// The shape an input file was read as; decides how offsets relate to the bytes on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text, one release per file (possibly scraped from a web page). Offsets are
    /// into the file's text decoded to UTF-8: its bytes when it is UTF-8.
    Text,
    /// Plain text, one release per line as `DATE<TAB>text`. Offsets are as for `Text`.
    Lines,
    /// HTML: offsets are into the text extracted from the page.
    Html,
    /// JSON Lines: offsets are into the decoded `text` field of the record.
    Jsonl,
}

/// The character encoding an input was decoded from. Whatever it was, every span refers to
/// the text decoded to UTF-8; for UTF-8 files that text is the file itself, byte for byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark (kept in the text when present).
    #[default]
    Utf8,
    /// UTF-16 little-endian, recognised by its byte-order mark (dropped from the text).
    Utf16Le,
    /// UTF-16 big-endian, recognised by its byte-order mark (dropped from the text).
    Utf16Be,
    /// Windows-1252, the superset of Latin-1 (ISO-8859-1) that Windows tools write,
    /// detected from the bytes.
    Windows1252,
}

impl Encoding {
    /// The encoding's WHATWG name, as written in the tables ("UTF-8", "windows-1252").
    pub fn name(self) -> &'static str {
        self.codec().name()
    }

    /// The `encoding_rs` codec that decodes it.
    pub fn codec(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 => encoding_rs::UTF_8,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252,
        }
    }
}

/// Written as its WHATWG name, as in the `encoding` column.
impl Serialize for Encoding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// What ingestion hands to segmentation: one release's raw region of a source.
#[derive(Debug, Clone)]
pub struct RawRelease {
    /// Path of the input file relative to the input root it was found under.
    pub source: String,
    /// Index of this release within its file: 0 for single-release files, the index of
    /// the dated line for `DATE<TAB>` files, the 0-based line number for JSON Lines.
    pub record: usize,
    /// How the source was read.
    pub format: SourceFormat,
    /// The encoding the file was decoded from.
    pub encoding: Encoding,
    /// The text all spans refer to (shared by all releases of one file).
    pub text: Arc<str>,
    /// The part of `text` that belongs to this release.
    pub span: Span,
    /// A date given outside the text (the `DATE<TAB>` column, a JSON field), unparsed.
    pub given_date: Option<String>,
    /// A title given outside the text (a JSON field or HTML `<h1>`), if any.
    pub given_title: Option<String>,
}

/// Header fields of a release. Text fields are spans so they can be traced to the source.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// The printed headline.
    pub title: Option<Span>,
    /// The headline when it is given outside the text (a JSON Lines `title` field) and not
    /// printed in it.
    pub given_title: Option<String>,
    /// The sub-headline under it, if any.
    pub subtitle: Option<Span>,
    /// The place line that opens the body ("Jefferson City, Mo.").
    pub dateline: Option<Span>,
    /// The issuing office, as printed or inferred from the page.
    pub issuer: Option<String>,
    /// Press contact's name.
    pub contact_name: Option<Span>,
    /// Press contact's phone number.
    pub contact_phone: Option<Span>,
    /// Press contact's e-mail address.
    pub contact_email: Option<Span>,
}

/// A sentence of the body, with the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence is.
    pub span: Span,
    /// Index into [`Release::paragraphs`].
    pub paragraph: usize,
}

/// One token of the release's token layer (made by [`crate::tokens`]): a word, a web or
/// e-mail address, a dotted acronym or one punctuation character. Whitespace is not a
/// token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is, without the period recorded in `dot`.
    pub span: Span,
    /// True when the token starts with a letter or digit.
    pub word: bool,
    /// True when a period follows the word immediately and is not a token of its own.
    pub dot: bool,
    /// True when a newline lies between this token and the one before.
    pub line_break: bool,
    /// True when an empty line lies between this token and the one before.
    pub blank_line: bool,
}

impl Token {
    /// Where the token ends, after its period if it has one.
    pub fn end(&self) -> usize {
        self.span.end + usize::from(self.dot)
    }
}

/// Named-entity labels of the CoNLL-2003 scheme the NER model predicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum NerLabel {
    /// A person.
    #[serde(rename = "PER")]
    Person,
    /// An organisation.
    #[serde(rename = "ORG")]
    Organization,
    /// A location.
    #[serde(rename = "LOC")]
    Location,
    /// Anything else with a name.
    #[serde(rename = "MISC")]
    Misc,
}

impl NerLabel {
    /// The CoNLL tag suffix ("PER", "ORG", "LOC", "MISC").
    pub fn as_str(self) -> &'static str {
        match self {
            NerLabel::Person => "PER",
            NerLabel::Organization => "ORG",
            NerLabel::Location => "LOC",
            NerLabel::Misc => "MISC",
        }
    }

    /// Parses a CoNLL tag suffix.
    pub fn from_conll(tag: &str) -> Option<NerLabel> {
        match tag {
            "PER" => Some(NerLabel::Person),
            "ORG" => Some(NerLabel::Organization),
            "LOC" => Some(NerLabel::Location),
            "MISC" => Some(NerLabel::Misc),
            _ => None,
        }
    }
}

/// A named-entity mention found by the model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NerSpan {
    /// Where the mention is.
    pub span: Span,
    /// Its type.
    pub label: NerLabel,
    /// The model's confidence (mean probability of the words' tags).
    pub score: f32,
}

/// Entity types of the press-release head of the NER model: the kinds the gold of press
/// releases annotates, with role words apart from the names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum PressLabel {
    /// A person's name, without title or honorific.
    Person,
    /// A government body, or its acronym.
    Agency,
    /// An office or role title ("District Attorney", "Rep.").
    Title,
    /// A US state, DC or territory, in any written form.
    State,
    /// An organisation that is not a government body.
    Org,
}

impl PressLabel {
    /// Every press label.
    pub const ALL: [PressLabel; 5] = [
        PressLabel::Person,
        PressLabel::Agency,
        PressLabel::Title,
        PressLabel::State,
        PressLabel::Org,
    ];

    /// The tag suffix ("PERSON", "AGENCY", "TITLE", "STATE").
    pub fn as_str(self) -> &'static str {
        match self {
            PressLabel::Person => "PERSON",
            PressLabel::Agency => "AGENCY",
            PressLabel::Title => "TITLE",
            PressLabel::State => "STATE",
            PressLabel::Org => "ORG",
        }
    }

    /// Parses a tag suffix.
    pub fn parse(s: &str) -> Option<PressLabel> {
        PressLabel::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A press-release entity span found by the model's press head (the second layer beside
/// [`NerSpan`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PressSpan {
    /// Where the span is.
    pub span: Span,
    /// Its type.
    pub label: PressLabel,
    /// The model's confidence (mean probability of the words' tags).
    pub score: f32,
}

/// One release and all layers the pipeline has added to it so far.
#[derive(Debug, Clone)]
pub struct Release {
    /// Stable identifier: the same source path and record give the same id on every run.
    pub id: String,
    /// Path of the input file relative to its input root.
    pub source: String,
    /// Index within the file.
    pub record: usize,
    /// How the source was read.
    pub format: SourceFormat,
    /// The encoding the source was decoded from.
    pub encoding: Encoding,
    /// The text every span refers to.
    pub text: Arc<str>,
    /// This release's region of `text`.
    pub span: Span,
    /// Header fields.
    pub header: Header,
    /// The body, from the first body paragraph to the end of the last.
    pub body: Span,
    /// Body paragraphs in order.
    pub paragraphs: Vec<Span>,
    /// Body sentences in order.
    pub sentences: Vec<Sentence>,
    /// Named-entity mentions from the model, in text order.
    pub ner: Vec<NerSpan>,
    /// The token layer over `span`, made on first use by [`Release::tokens`].
    pub token_layer: TokenLayer,
    /// Spans of the model's press-release head, in text order (none without a head).
    pub press: Vec<PressSpan>,
}

/// A release's token layer, empty until [`Release::tokens`] makes it (`TokenLayer::default()`
/// for a release being built).
#[derive(Debug, Clone, Default)]
pub struct TokenLayer(pub(crate) OnceLock<Vec<Token>>);

impl Release {
    /// The text under a span of this release.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// Index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// Number of words in the body (whitespace-separated tokens of the sentences).
    pub fn word_count(&self) -> usize {
        self.sentences
            .iter()
            .map(|s| self.slice(s.span).split_whitespace().count())
            .sum()
    }
}

/// A stable identifier for a release: a short hash of its source path and record index.
pub fn release_id(source: &str, record: usize) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(source.as_bytes());
    hasher.update(&[0]);
    hasher.update(record.to_string().as_bytes());
    hasher.finalize().to_hex()[..16].to_string()
}

/// Invented releases for unit tests, built the same way everywhere.
#[cfg(test)]
pub(crate) mod fixture {
    use super::*;

    /// Builds a [`Release`] over an invented text: the whole text is the release and its
    /// body, one paragraph, no sentences, header or model spans unless asked for.
    pub(crate) struct ReleaseBuilder {
        release: Release,
    }

    impl ReleaseBuilder {
        /// A release of `text` with nothing found in it yet.
        pub(crate) fn new(text: &str) -> ReleaseBuilder {
            let span = Span::new(0, text.len());
            ReleaseBuilder {
                release: Release {
                    id: "r".to_string(),
                    source: "r.txt".to_string(),
                    record: 0,
                    format: SourceFormat::Text,
                    encoding: Encoding::Utf8,
                    text: Arc::from(text),
                    span,
                    header: Header::default(),
                    body: span,
                    paragraphs: vec![span],
                    sentences: Vec::new(),
                    ner: Vec::new(),
                    token_layer: TokenLayer::default(),
                    press: Vec::new(),
                },
            }
        }

        /// Every non-empty line a paragraph of one sentence (the entity rules read
        /// sentences).
        pub(crate) fn lines_as_sentences(mut self) -> ReleaseBuilder {
            let text = Arc::clone(&self.release.text);
            let mut sentences = Vec::new();
            let mut pos = 0;
            for line in text.split_inclusive('\n') {
                let trimmed = line.trim_end();
                if !trimmed.is_empty() {
                    sentences.push(Sentence {
                        span: Span::new(pos, pos + trimmed.len()),
                        paragraph: sentences.len(),
                    });
                }
                pos += line.len();
            }
            self.release.paragraphs = sentences.iter().map(|s| s.span).collect();
            self.release.sentences = sentences;
            self
        }

        /// The release's header.
        pub(crate) fn header(mut self, header: Header) -> ReleaseBuilder {
            self.release.header = header;
            self
        }

        /// The model's spans.
        pub(crate) fn ner(mut self, ner: Vec<NerSpan>) -> ReleaseBuilder {
            self.release.ner = ner;
            self
        }

        /// The press head's spans.
        pub(crate) fn press(mut self, press: Vec<PressSpan>) -> ReleaseBuilder {
            self.release.press = press;
            self
        }

        /// The release.
        pub(crate) fn build(self) -> Release {
            self.release
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::ReleaseBuilder;
    use super::*;

    #[test]
    fn fixture_sentences_are_the_lines() {
        let r = ReleaseBuilder::new("Ann Voss spoke.\n\nShe left.\n")
            .lines_as_sentences()
            .build();
        let got: Vec<&str> = r.sentences.iter().map(|s| r.slice(s.span)).collect();
        assert_eq!(got, ["Ann Voss spoke.", "She left."]);
        assert_eq!(r.paragraphs.len(), 2);
        assert_eq!(r.sentence_at(r.text.find("She").unwrap()), Some(1));
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert_eq!(s.len(), 3);
        assert_eq!(s.slice("abcdefg"), "cde");
        assert!(s.contains(Span::new(3, 5)));
        assert!(!s.contains(Span::new(1, 3)));
        assert_eq!(s.shift(10), Span::new(12, 15));
    }

    #[test]
    fn press_labels_parse_their_names() {
        for l in PressLabel::ALL {
            assert_eq!(PressLabel::parse(l.as_str()), Some(l));
        }
        assert_eq!(PressLabel::parse("PER"), None);
    }

    #[test]
    fn release_ids_are_stable_and_distinct() {
        assert_eq!(release_id("a/b.txt", 0), release_id("a/b.txt", 0));
        assert_ne!(release_id("a/b.txt", 0), release_id("a/b.txt", 1));
        assert_ne!(release_id("a/b.txt", 1), release_id("a/b.txt1", 0));
        assert_eq!(release_id("x", 3).len(), 16);
    }
}
