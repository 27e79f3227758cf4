//! Sentence splitting tuned to press releases.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) when
//! the next word starts a new sentence: a capital, a digit or an opening quote. A period
//! does not end a sentence after the genre's abbreviations ("Sen.", "Mo.", "Jan.",
//! "No."), after initials ("William J. Bratton") or inside dotted abbreviations
//! ("U.S.", "D.C."). Text whose line breaks were lost ("…District.Orla Vance…") is also
//! split where a sentence end is glued to a capitalised word.

use crate::doc::Span;
use crate::lexicon::abbreviations;

/// Closing characters that may follow a sentence-final mark.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// Characters that may open a sentence besides letters and digits.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '—' | '–' | '•' | '*'
    )
}

/// The word just before byte `end` of `text` (back to whitespace or an opening mark).
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '“' | '‘' | '"' | '(' | '['))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// True when a period after `word` cannot end a sentence, whatever follows.
fn period_is_abbreviation(word: &str, glued: bool) -> bool {
    if abbreviations::never_ends_sentence(word) {
        return true;
    }
    let mut chars = word.chars();
    // A single letter is an initial ("J." in "William J. Bratton", "S. 47").
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    // Dotted abbreviations: "U.S", "D.C", "H.R", "i.e"; web addresses when glued.
    if word.contains('.') && !abbreviations::may_end_sentence(word) {
        return true;
    }
    glued && (word.contains('/') || word.contains('@') || word.starts_with("www"))
}

/// Splits the paragraph `para` of `text` into trimmed sentence spans.
pub fn split(text: &str, para: Span) -> Vec<Span> {
    let Some(body) = text.get(para.range()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Extend over further marks and closing quotes: `?!`, `...`, `.”`, `.)`.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &body[end..];
        let after_space = rest.trim_start();
        let glued = after_space.len() == rest.len();
        let Some(next) = after_space.chars().next() else {
            continue;
        };
        let starts_sentence = next.is_uppercase() || next.is_ascii_digit() || is_opener(next);
        if !starts_sentence {
            continue;
        }
        if glued {
            // Lost line break: only "word.Capitalised" with a lowercase word before it.
            let mut after = after_space.chars();
            after.next();
            let second_lower = after.next().is_some_and(|c| c.is_lowercase());
            let word = word_before(body, i);
            let lower_word = word.chars().all(char::is_alphabetic)
                && word
                    .chars()
                    .rev()
                    .take(2)
                    .filter(|c| c.is_lowercase())
                    .count()
                    == 2;
            if !(next.is_uppercase() && second_lower && lower_word)
                || period_is_abbreviation(word, true)
            {
                continue;
            }
        } else if c == '.' && !body[i + 1..end].contains(['”', '"', '’', '\'']) {
            let word = word_before(body, i);
            if period_is_abbreviation(word, false) {
                continue;
            }
            // A list number opening the sentence ("1. The first …").
            if body[start..i].trim() == word && word.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            if abbreviations::may_end_sentence(word) && !next.is_uppercase() {
                continue;
            }
        }
        push_trimmed(&mut out, body, start, end, para.start);
        start = end;
    }
    push_trimmed(&mut out, body, start, body.len(), para.start);
    out
}

/// Adds `body[start..end]`, trimmed, shifted to file offsets, when it is not empty.
fn push_trimmed(out: &mut Vec<Span>, body: &str, start: usize, end: usize, offset: usize) {
    let piece = &body[start..end];
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    let s = start + lead;
    out.push(Span::new(s + offset, s + trimmed.len() + offset));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("The office opened. It closed! Why? Nobody knows."),
            ["The office opened.", "It closed!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside() {
        let text = "Sen. Ada Quill of Omaha, Neb. met Lt. Gov. Bo Reyes on Jan. 5 at \
                    No. 4 St. Paul Ave. with Walter J. Pennock and the U.S. Marshals. Done.";
        let got = sentences(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1], "Done.");
        assert_eq!(
            sentences("Jefferson City, Mo. — Secretary Lee spoke. Then left."),
            ["Jefferson City, Mo. — Secretary Lee spoke.", "Then left."]
        );
        for state in ["Kans.", "Nebr.", "Penn."] {
            let text = format!("Offices in Hollowell, {state} Then more. Done.");
            assert_eq!(sentences(&text).len(), 2, "{state}");
        }
    }

    #[test]
    fn quotes_that_end_sentences() {
        assert_eq!(
            sentences("“We are ready,” he said. “We start today.” The next step follows."),
            [
                "“We are ready,” he said.",
                "“We start today.”",
                "The next step follows."
            ]
        );
        assert_eq!(
            sentences("“Are we ready?” asked Mr. Vale."),
            ["“Are we ready?” asked Mr. Vale."]
        );
    }

    #[test]
    fn places_bills_and_list_numbers() {
        assert_eq!(
            sentences(
                "(Washington, D.C.) Today, Rep. Wm. Vale spoke on H. Con. Res. 5. ST. LOUIS is next."
            ),
            [
                "(Washington, D.C.) Today, Rep. Wm. Vale spoke on H. Con. Res. 5.",
                "ST. LOUIS is next."
            ]
        );
        assert_eq!(
            sentences("1. The first step. 2. The second step."),
            ["1. The first step.", "2. The second step."]
        );
    }

    #[test]
    fn maybe_final_abbreviations() {
        assert_eq!(
            sentences("He met Tom Wick Jr. They talked at 9 a.m. about Acme Inc. and left."),
            [
                "He met Tom Wick Jr.",
                "They talked at 9 a.m. about Acme Inc. and left."
            ]
        );
    }

    #[test]
    fn glued_sentences_from_lost_line_breaks() {
        assert_eq!(
            sentences("from the 41st District.Orla Vance is brave. See www.example.Gov now."),
            [
                "from the 41st District.",
                "Orla Vance is brave.",
                "See www.example.Gov now."
            ]
        );
    }

    #[test]
    fn spans_are_trimmed_offsets_on_char_boundaries() {
        let text = "xx  Ünïcödé says hi.  Ça va.  ";
        let spans = split(text, Span::new(2, text.len()));
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[0].slice(text), "Ünïcödé says hi.");
        assert_eq!(spans[1].slice(text), "Ça va.");
        assert!(split(text, Span::new(0, 0)).is_empty());
    }
}
