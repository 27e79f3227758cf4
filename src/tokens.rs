//! The word tokenizer of running text that quote extraction and attribution read: words
//! (abbreviations keep their period) and punctuation marks with byte offsets.

use crate::doc::Span;
use crate::lexicon::abbreviations;

/// One token of running text: a word (abbreviations keep their period) or one
/// punctuation character. Whitespace is not a token; `line_break` records a newline
/// before the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Where the token is, in the offsets of the text that was tokenized.
    pub span: Span,
    /// True for a word, false for punctuation.
    pub word: bool,
    /// True when a newline lies between this token and the one before.
    pub line_break: bool,
    /// True when an empty line lies between this token and the one before.
    pub blank_line: bool,
}

/// Tokenizes `text`, shifting every span by `offset` (in one pass over the characters).
pub(crate) fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut newlines = 0usize;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            newlines += usize::from(c == '\n');
            continue;
        }
        let mut end = i + c.len_utf8();
        let word = c.is_alphanumeric();
        if word {
            while let Some(&(j, d)) = chars.peek() {
                let joins = matches!(d, '\'' | '’' | '-' | '.' | '&');
                let inner = d.is_alphanumeric()
                    || (joins
                        && text[j + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric));
                if !inner {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            // A trailing period belongs to initials and known abbreviations.
            if text[end..].starts_with('.') {
                let w = &text[i..end];
                let initial = w.chars().count() == 1 && c.is_uppercase();
                if initial || w.contains('.') || abbreviations::keeps_period(w) {
                    end += 1;
                    chars.next();
                }
            }
        }
        tokens.push(Token {
            span: Span::new(i + offset, end + offset),
            word,
            line_break: newlines > 0,
            blank_line: newlines > 1,
        });
        newlines = 0;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0)
            .iter()
            .map(|t| t.span.slice(text))
            .collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_apostrophes() {
        assert_eq!(
            words("Rep. O’Dell Jr. said, “It’s J. Doe.”"),
            vec!["Rep.", "O’Dell", "Jr.", "said", ",", "“", "It’s", "J.", "Doe", ".", "”"]
        );
    }

    #[test]
    fn tokens_mark_line_breaks_and_offsets() {
        let t = tokenize("a\nb \n \nc", 10);
        assert_eq!(t[1].span, Span::new(12, 13));
        assert!(t[1].line_break && !t[0].line_break && !t[1].blank_line);
        assert!(t[2].blank_line);
    }
}
