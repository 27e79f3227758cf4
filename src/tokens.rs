//! The word tokenizer: one set of rules for every stage that reads words.
//!
//! A token is a word (letters and digits, joined by inner apostrophes, hyphens, periods and
//! ampersands, with any possessive ending: "O’Dell", "D-CA", "Nebraska’s"), a web or e-mail
//! address, a dotted acronym with its final period ("U.S.", "a.m.") or one punctuation
//! character. A period right after a word is not a token: it sets [`Token::dot`], so "Mo."
//! and "Jr." stay one word while a sentence-final period can still be told apart.
//!
//! Each release's tokens are made once, as its token layer ([`Release::tokens`]). The
//! entity rules read them as words ([`crate::entities`]); quote attribution reads them
//! through [`with_periods`], where abbreviations and initials keep their period and any
//! other period is a token of its own.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Release, Span, Token};
use crate::lexicon::abbreviations;

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

impl Release {
    /// The release's token layer: every token of its region ([`Release::span`]), in text
    /// order, made on the first call.
    pub fn tokens(&self) -> &[Token] {
        self.token_layer
            .0
            .get_or_init(|| tokenize(&self.text, self.span))
    }
}

/// Tokenizes the `span` of `text`; spans are offsets in `text`. Nothing when `span` does
/// not lie on character boundaries of `text`.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let Some(slice) = text.get(span.range()) else {
        return Vec::new();
    };
    let mut tokens: Vec<Token> = Vec::new();
    // The previous token as written, and where the whitespace after it starts.
    let mut last = "";
    let mut gap_start = 0;
    for m in TOKEN_RE.find_iter(slice) {
        let s = m.as_str();
        if s == "." {
            if let Some(t) = tokens.last_mut() {
                if t.word && !t.dot && gap_start == m.start() && !last.ends_with('.') {
                    t.dot = true;
                    gap_start = m.end();
                    continue;
                }
            }
        }
        let newlines = slice[gap_start..m.start()]
            .bytes()
            .filter(|&b| b == b'\n')
            .take(2)
            .count();
        tokens.push(Token {
            span: Span::new(span.start + m.start(), span.start + m.end()),
            word: s.chars().next().is_some_and(char::is_alphanumeric),
            dot: false,
            line_break: newlines > 0,
            blank_line: newlines > 1,
        });
        last = s;
        gap_start = m.end();
    }
    tokens
}

/// The tokens as quote attribution reads them: an initial, a word holding a period or an
/// abbreviation keeps the period after it in its span ("J.", "Rep.", "Jr."); any other
/// period is a punctuation token of its own. No token of the result has `dot` set.
pub(crate) fn with_periods(text: &str, tokens: &[Token]) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len() + tokens.len() / 8);
    for &t in tokens {
        if !t.dot {
            out.push(t);
            continue;
        }
        let word = t.span.slice(text);
        if abbreviations::is_initial(word)
            || word.contains('.')
            || abbreviations::keeps_period(word)
        {
            out.push(Token {
                span: Span::new(t.span.start, t.end()),
                dot: false,
                ..t
            });
        } else {
            out.push(Token { dot: false, ..t });
            out.push(Token {
                span: Span::new(t.span.end, t.end()),
                word: false,
                dot: false,
                line_break: false,
                blank_line: false,
            });
        }
    }
    out
}

/// The tokens of a whole text as quote attribution reads them ([`with_periods`]).
#[cfg(test)]
pub(crate) fn for_attribution(text: &str) -> Vec<Token> {
    with_periods(text, &tokenize(text, Span::new(0, text.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Token> {
        tokenize(text, Span::new(0, text.len()))
    }

    fn words(text: &str) -> Vec<(&str, bool)> {
        all(text)
            .iter()
            .map(|t| (t.span.slice(text), t.dot))
            .collect()
    }

    fn attribution_words(text: &str) -> Vec<&str> {
        for_attribution(text)
            .iter()
            .map(|t| t.span.slice(text))
            .collect()
    }

    #[test]
    fn periods_after_words_are_flags() {
        assert_eq!(
            words("Gov. Lu Marsh (R-KS) met Sen. T. Vale in Wichita, Kans. at 9 a.m. today."),
            vec![
                ("Gov", true),
                ("Lu", false),
                ("Marsh", false),
                ("(", false),
                ("R-KS", false),
                (")", false),
                ("met", false),
                ("Sen", true),
                ("T", true),
                ("Vale", false),
                ("in", false),
                ("Wichita", false),
                (",", false),
                ("Kans", true),
                ("at", false),
                ("9", false),
                ("a.m.", false),
                ("today", true),
            ]
        );
        assert_eq!(words("Wait.."), vec![("Wait", true), (".", false)]);
    }

    #[test]
    fn addresses_and_possessives_are_one_token() {
        let text = "Nebraska’s office, see www.sos.example.gov or a.b@c.org, the States’ plan";
        let got: Vec<&str> = words(text).into_iter().map(|(w, _)| w).collect();
        for w in ["Nebraska’s", "www.sos.example.gov", "a.b@c.org", "States’"] {
            assert!(got.contains(&w), "{w} in {got:?}");
        }
    }

    #[test]
    fn attribution_keeps_periods_of_abbreviations_and_initials() {
        assert_eq!(
            attribution_words("Rep. O’Dell Jr. said, “It’s J. Doe.”"),
            vec!["Rep.", "O’Dell", "Jr.", "said", ",", "“", "It’s", "J.", "Doe", ".", "”"]
        );
        assert!(with_periods("Done.", &all("Done.")).iter().all(|t| !t.dot));
    }

    #[test]
    fn tokens_mark_line_breaks_and_offsets() {
        let text = "xx a\nb. \n \nc";
        let t = tokenize(text, Span::new(3, text.len()));
        assert_eq!(t[1].span, Span::new(5, 6));
        assert!(t[1].line_break && !t[0].line_break && !t[1].blank_line);
        assert!(t[2].blank_line);
        assert!(tokenize("é", Span::new(1, 2)).is_empty());
    }

    #[test]
    fn the_layer_covers_the_release_region() {
        let r = crate::doc::fixture::ReleaseBuilder::new("Ann Voss spoke.").build();
        assert_eq!(r.tokens().len(), 3);
        assert!(r.tokens()[2].dot);
    }
}
