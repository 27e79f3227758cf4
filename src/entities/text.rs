//! Word tokens over a release's sentences, shared by the state, agency and person rules.
//!
//! Tokens keep their byte span in the release text. A period right after a word is not a
//! token of its own: it sets [`Word::dot`], so "Mo." and "Jr." stay one word while a
//! sentence-final period still breaks name sequences (see [`Word::ends_phrase`]).

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Release, Span};
use crate::lexicon::words::{ENGLISH_WORDS, FUNCTION_WORDS, HEADLINE_SMALL_WORDS};
use crate::lexicon::{abbreviations, classes, is_all_caps, strip_possessive};

/// One word or punctuation mark of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// Where the token is (without the period recorded in `dot`).
    pub span: Span,
    /// The token as written.
    pub text: &'a str,
    /// The token without a possessive ending.
    base: &'a str,
    /// Two or more letters, all capitals.
    all_caps: bool,
    /// Word classes of the word and its base ([`class`]).
    class: u32,
    /// A line break stands between this token and the one before.
    pub newline_before: bool,
    /// A period follows the token immediately.
    pub dot: bool,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
    /// True when the token's sentence reads as running prose (see [`reads_as_prose`]).
    pub prose: bool,
    /// True when the sentence is prose or continues a prose line cut off without final
    /// punctuation (a paragraph hard-wrapped into lines).
    pub running: bool,
}

static TOKEN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:https?://|www\.)\S+
        | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
        | (?:\p{L}\.){2,}
        | [\p{L}\p{N}]+(?:['’\-.&][\p{L}\p{N}]+)*(?:['’]s?)?
        | \S",
    )
    .expect("static regex")
});

impl<'a> Word<'a> {
    /// The word without a possessive ending ("Nebraska’s" -> "Nebraska").
    pub fn base(&self) -> &'a str {
        self.base
    }

    /// True when the word (as written or without its possessive) is in any of the
    /// given classes.
    pub fn has(&self, classes: u32) -> bool {
        self.class & classes != 0
    }

    /// True when the word ends in a possessive ("’s", "'s" or a bare apostrophe).
    pub fn possessive(&self) -> bool {
        self.base().len() != self.text.len()
    }

    /// True when the word starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True for a word of two or more letters, all upper case ("FBI", "NY").
    pub fn is_all_caps(&self) -> bool {
        self.all_caps
    }

    /// True for a single letter followed by a period (an initial: "J.").
    pub fn is_initial(&self) -> bool {
        self.dot && self.text.chars().count() == 1 && self.is_capitalised()
    }

    /// True when a period after this token ends the phrase (not an initial or title
    /// abbreviation).
    pub fn ends_phrase(&self) -> bool {
        self.dot && !self.is_initial() && !abbreviations::continues_phrase(self.base())
    }

    /// True for the given word, ignoring a possessive ending and case.
    pub fn is(&self, word: &str) -> bool {
        self.base().eq_ignore_ascii_case(word)
    }

    /// The span including the trailing period, if any.
    pub fn span_with_dot(&self) -> Span {
        Span::new(self.span.start, self.span.end + usize::from(self.dot))
    }
}

/// True when a sentence reads as English prose rather than a menu item, headline or list
/// of links: it has at least one lower-case word that is not a function word, and at
/// least one common English word. Title-case lines in page chrome (navigation, other
/// releases' headlines) fail this test.
pub(crate) fn reads_as_prose(tokens: &[Word<'_>]) -> bool {
    // A teaser cut off with an ellipsis belongs to a list of other releases.
    let last = tokens.iter().rev().find(|t| !matches!(t.text, "]" | ")"));
    if last.is_some_and(|t| t.text == "…" || t.text == "[…]")
        || tokens.len() >= 2 && tokens[tokens.len() - 2..].iter().all(|t| t.text == ".")
    {
        return false;
    }
    let content = tokens.iter().any(|t| {
        t.text.chars().next().is_some_and(char::is_lowercase)
            && t.text.chars().count() > 1
            && !FUNCTION_WORDS.contains(t.text)
            && !HEADLINE_SMALL_WORDS.contains(t.text)
            && !t.text.contains(['.', '@', '/'])
    });
    content
        && tokens
            .iter()
            .any(|t| ENGLISH_WORDS.iter().any(|w| w.eq_ignore_ascii_case(t.text)))
}

/// Tokenises one span of the release text.
pub(crate) fn tokenize_span(text: &str, span: Span, sentence: usize) -> Vec<Word<'_>> {
    let Some(slice) = text.get(span.range()) else {
        return Vec::new();
    };
    let mut tokens: Vec<Word<'_>> = Vec::new();
    for m in TOKEN_RE.find_iter(slice) {
        let s = m.as_str();
        if s == "." {
            if let Some(last) = tokens.last_mut() {
                if last.span.end == span.start + m.start() && !last.dot && is_wordlike(last.text) {
                    last.dot = true;
                    continue;
                }
            }
        }
        let base = strip_possessive(s);
        let gap_start = tokens
            .last()
            .map_or(span.start, |t| t.span.end + usize::from(t.dot));
        let newline_before = text
            .get(gap_start..span.start + m.start())
            .is_some_and(|gap| gap.contains('\n'));
        tokens.push(Word {
            newline_before,
            span: Span::new(span.start + m.start(), span.start + m.end()),
            text: s,
            base,
            all_caps: is_all_caps(base),
            class: if base.len() == s.len() {
                classes(s)
            } else {
                classes(s) | classes(base)
            },
            dot: false,
            sentence,
            prose: false,
            running: false,
        });
    }
    let prose = reads_as_prose(&tokens);
    for t in &mut tokens {
        t.prose = prose;
        t.running = prose;
    }
    tokens
}

fn is_wordlike(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric) && !s.ends_with('.')
}

/// Every token of the release's sentences, in text order.
///
/// A long line of prose cut off without final punctuation (a paragraph hard-wrapped into
/// lines) makes the next line [`Word::running`] text too.
pub(crate) fn tokenize(release: &Release) -> Vec<Word<'_>> {
    let text: &str = &release.text;
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut continues = false;
    for (i, s) in release.sentences.iter().enumerate() {
        let mut tokens = tokenize_span(text, s.span, i);
        if continues {
            for t in &mut tokens {
                t.running = true;
            }
        }
        continues = tokens.len() >= 8
            && tokens.last().is_some_and(|t| {
                t.running && !t.dot && !matches!(t.text, "." | "!" | "?" | ":" | "”" | "\"" | "…")
            });
        out.extend(tokens);
    }
    out
}

/// The headline and sub-headline, as two sentences.
pub(crate) fn tokenize_headline(release: &Release) -> Vec<Word<'_>> {
    let text: &str = &release.text;
    [release.header.title, release.header.subtitle]
        .into_iter()
        .flatten()
        .enumerate()
        .flat_map(|(i, span)| tokenize_span(text, span, i))
        .collect()
}

/// The lines of the contact block: the line holding the contact name segmentation found
/// and the few lines after it ("Chief of Staff", a second contact). Empty when there is
/// no contact name.
pub(crate) fn tokenize_contact_block(release: &Release) -> Vec<Word<'_>> {
    /// Lines read from the contact name on.
    const BLOCK_LINES: usize = 8;
    let text: &str = &release.text;
    let Some(contact) = release.header.contact_name else {
        return Vec::new();
    };
    let Some(before) = text.get(release.span.start..contact.start) else {
        return Vec::new();
    };
    let line_start = before
        .rfind('\n')
        .map_or(release.span.start, |p| release.span.start + p + 1);
    let Some(rest) = text.get(line_start..release.span.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut pos = line_start;
    for (i, line) in rest.split_inclusive('\n').take(BLOCK_LINES).enumerate() {
        let trimmed = line.trim_end();
        out.extend(tokenize_span(text, Span::new(pos, pos + trimmed.len()), i));
        pos += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::class;

    fn words(s: &str) -> Vec<(&str, bool)> {
        tokenize_span(s, Span::new(0, s.len()), 0)
            .iter()
            .map(|t| (t.text, t.dot))
            .collect()
    }

    #[test]
    fn keeps_abbreviations_initials_and_tags_together() {
        assert_eq!(
            words("Jefferson City, Mo. — U.S. Rep. Ann J. Doe (D-CA) said."),
            vec![
                ("Jefferson", false),
                ("City", false),
                (",", false),
                ("Mo", true),
                ("—", false),
                ("U.S.", false),
                ("Rep", true),
                ("Ann", false),
                ("J", true),
                ("Doe", false),
                ("(", false),
                ("D-CA", false),
                (")", false),
                ("said", true),
            ]
        );
    }

    #[test]
    fn possessives_and_links() {
        let s = "Nebraska’s office, see www.sos.mo.gov or a.b@c.org";
        let toks = tokenize_span(s, Span::new(0, s.len()), 0);
        assert_eq!(toks[0].base(), "Nebraska");
        assert!(toks[0].possessive());
        assert!(toks.iter().any(|t| t.text == "www.sos.mo.gov"));
        assert!(toks.iter().any(|t| t.text == "a.b@c.org"));
    }

    #[test]
    fn prose_versus_title_case_lines() {
        let prose = "The office announced charges today.";
        let menu = "Harris County Grand Jury Indicts Woman for Arson";
        let spanish = "Formulario de Reporte en Línea solicite ayuda";
        let headline = "Vista Man Charged with Theft after Victim Loses Savings to Scam";
        let teaser = "The District Attorney announced today that Al Roe, 74, who is …";
        assert!(!tokenize_span(headline, Span::new(0, headline.len()), 0)[0].prose);
        assert!(!tokenize_span(teaser, Span::new(0, teaser.len()), 0)[0].prose);
        assert!(tokenize_span(prose, Span::new(0, prose.len()), 0)[0].prose);
        assert!(!tokenize_span(menu, Span::new(0, menu.len()), 0)[0].prose);
        assert!(!tokenize_span(spanish, Span::new(0, spanish.len()), 0)[0].prose);
    }

    #[test]
    fn out_of_range_span_gives_nothing() {
        assert!(tokenize_span("abc", Span::new(2, 9), 0).is_empty());
    }

    #[test]
    fn verbs_and_plural_titles_are_classed() {
        let s = "Congressmen Ann Doe Announces Grant";
        let toks = tokenize_span(s, Span::new(0, s.len()), 0);
        assert!(toks[0].has(class::TITLE));
        assert!(toks[3].has(class::VERB));
        assert!(!toks[1].has(class::VERB) && !toks[2].has(class::VERB));
    }
}
