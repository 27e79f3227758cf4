//! The words of a release's sentences, shared by the state, agency and person rules: a
//! view of the release's token layer ([`crate::tokens`]) that adds to each token its word
//! classes, its possessive base, its sentence and whether that sentence reads as prose.
//!
//! Tokens keep their byte span in the release text. A period right after a word is not a
//! token of its own: it sets [`Word::dot`], so "Mo." and "Jr." stay one word while a
//! sentence-final period still breaks name sequences (see [`Word::ends_phrase`]).

use crate::doc::{Release, Span, Token};
use crate::lexicon::words::{ENGLISH_WORDS, FUNCTION_WORDS, HEADLINE_SMALL_WORDS};
use crate::lexicon::{abbreviations, classes, is_all_caps, strip_possessive};
use crate::tokens;

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
        self.dot && abbreviations::is_initial(self.text)
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

/// Tokenises one span of a text on its own.
pub(crate) fn tokenize_span(text: &str, span: Span, sentence: usize) -> Vec<Word<'_>> {
    words(text, span, &tokens::tokenize(text, span), sentence)
}

/// The words of one span of the release text: the release's tokens in it, or the span
/// tokenized on its own when it cuts a token of the layer (a sentence split inside a word,
/// "District.Orla") or lies outside the release's region.
fn span_words(release: &Release, span: Span, sentence: usize) -> Vec<Word<'_>> {
    let text: &str = &release.text;
    if text.get(span.range()).is_none() {
        return Vec::new();
    }
    match layer_slice(release, span) {
        Some(tokens) => words(text, span, tokens, sentence),
        None => tokenize_span(text, span, sentence),
    }
}

/// The tokens of the release's layer that lie in `span`, when no token of it crosses the
/// span's ends.
fn layer_slice(release: &Release, span: Span) -> Option<&[Token]> {
    if !release.span.contains(span) {
        return None;
    }
    let tokens = release.tokens();
    let i = tokens.partition_point(|t| t.span.start < span.start);
    let j = tokens.partition_point(|t| t.span.start < span.end);
    let cuts_start = i > 0 && tokens[i - 1].end() > span.start;
    let cuts_end = j > i && tokens[j - 1].end() > span.end;
    (!cuts_start && !cuts_end).then(|| &tokens[i..j])
}

/// The words of `tokens`, the tokens of `span` of `text`, in the sentence `sentence`.
fn words<'a>(text: &'a str, span: Span, tokens: &[Token], sentence: usize) -> Vec<Word<'a>> {
    let mut out: Vec<Word<'a>> = tokens
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let s = t.span.slice(text);
            let base = strip_possessive(s);
            // The layer's line breaks count from the token before, which may lie outside
            // the span.
            let newline_before = if k == 0 {
                text.get(span.start..t.span.start)
                    .is_some_and(|gap| gap.contains('\n'))
            } else {
                t.line_break
            };
            Word {
                newline_before,
                span: t.span,
                text: s,
                base,
                all_caps: is_all_caps(base),
                class: if base.len() == s.len() {
                    classes(s)
                } else {
                    classes(s) | classes(base)
                },
                dot: t.dot,
                sentence,
                prose: false,
                running: false,
            }
        })
        .collect();
    let prose = reads_as_prose(&out);
    for t in &mut out {
        t.prose = prose;
        t.running = prose;
    }
    out
}

/// Every token of the release's sentences, in text order.
///
/// A long line of prose cut off without final punctuation (a paragraph hard-wrapped into
/// lines) makes the next line [`Word::running`] text too.
pub(crate) fn tokenize(release: &Release) -> Vec<Word<'_>> {
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut continues = false;
    for (i, s) in release.sentences.iter().enumerate() {
        let mut tokens = span_words(release, s.span, i);
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
    [release.header.title, release.header.subtitle]
        .into_iter()
        .flatten()
        .enumerate()
        .flat_map(|(i, span)| span_words(release, span, i))
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
        out.extend(span_words(release, Span::new(pos, pos + trimmed.len()), i));
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
    fn sentence_words_are_the_layer_or_their_own_span() {
        use crate::doc::fixture::ReleaseBuilder;
        use crate::doc::Sentence;
        let text = "Ann Lee spoke at the District.Orla Vance left\nthe U.S. Capitol.";
        let mut r = ReleaseBuilder::new(text).build();
        let glued = text.find("Orla").unwrap();
        r.sentences = [(0, glued), (glued, text.len())]
            .map(|(start, end)| Sentence {
                span: Span::new(start, end),
                paragraph: 0,
            })
            .to_vec();
        let got = tokenize(&r);
        let own: Vec<Word<'_>> = r
            .sentences
            .iter()
            .enumerate()
            .flat_map(|(i, s)| tokenize_span(text, s.span, i))
            .collect();
        assert_eq!(got, own);
        let district = got.iter().find(|w| w.text == "District").unwrap();
        assert!(district.dot && district.sentence == 0);
        let the = got
            .iter()
            .find(|w| w.text == "the" && w.sentence == 1)
            .unwrap();
        assert!(the.newline_before && !got[0].newline_before);
        assert!(got.iter().any(|w| w.text == "U.S." && !w.dot));
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
