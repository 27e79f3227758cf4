//! Quotes: finds the direct quotations of a release.
//!
//! One pass over the release's text collects its double quotation marks (straight `"` and
//! curly `“ ” „`). Each mark is read as opening or closing from the characters around it
//! (the glyph decides only where the context does not), then marks are paired:
//!
//! * an opening mark runs to the next closing mark, across soft line breaks (PDF-style
//!   wrapped lines) but never across a blank line or further than [`MAX_QUOTE_BYTES`];
//! * an opening mark that starts the next paragraph while a quotation is still open
//!   continues it (a quotation over several paragraphs); in one-line releases, where the
//!   paragraph breaks were lost, an opening mark after a sentence end does the same;
//! * an opening mark in the middle of a sentence of an open quotation is a quotation inside
//!   the quotation and is kept in it;
//! * a quotation whose closing mark never comes ends with its paragraph (or its first
//!   sentence, when the paragraph is a whole one-line release).
//!
//! Single quotation marks are left inside the quotations they occur in (inner quotes).
//! Candidates that are not speech are dropped: fewer than [`MIN_WORDS`] words (scare quotes,
//! nicknames), title-cased names of laws, programs and works, and short unpunctuated
//! phrases used as a modifier ("the “one strike” allegations") unless a speech verb is
//! next to them.

use crate::doc::{Release, Span};
use crate::lexicon::verbs::is_speech_verb;
use crate::lexicon::words::{FOLLOWERS, TITLE_SMALL};

/// A direct quotation: the quoted words, without the quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The quoted words.
    pub span: Span,
    /// The quotation with its marks: from the opening mark to the end of the closing mark
    /// (or to where an unclosed quotation was cut). Attribution looks around it.
    pub outer: Span,
}

/// Longest quotation accepted between an opening and a closing mark, in bytes.
pub const MAX_QUOTE_BYTES: usize = 4000;

/// Fewest words a quotation must have.
pub const MIN_WORDS: usize = 3;

/// Longest unclosed quotation kept whole; longer ones are cut at their first sentence end.
const MAX_UNCLOSED_BYTES: usize = 1500;

/// How a quotation mark reads in its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    /// A straight mark between two words: closes an open quotation, else opens one.
    Either,
}

/// A double quotation mark.
#[derive(Debug, Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    dir: Dir,
}

/// Finds the direct quotations of a release, in text order: in its header and body, not
/// in the page chrome or end matter after the body.
pub fn extract(release: &Release) -> Vec<QuoteSpan> {
    let mut region = release.span;
    if !release.body.is_empty() && region.contains(release.body) {
        region.end = release.body.end;
    }
    let Some(text) = release.text.get(region.range()) else {
        return Vec::new();
    };
    find(text)
        .into_iter()
        .map(|q| QuoteSpan {
            span: q.span.shift(region.start),
            outer: q.outer.shift(region.start),
        })
        .collect()
}

/// The quotations of `text`, in its own offsets.
pub(crate) fn find(text: &str) -> Vec<QuoteSpan> {
    let marks = marks(text);
    let mut quotes = Vec::new();
    let mut i = 0;
    while i < marks.len() {
        if marks[i].dir == Dir::Close {
            i += 1; // a stray closing mark
            continue;
        }
        let (quote, next) = pair(text, &marks, i);
        i = next.max(i + 1);
        if let Some(q) = quote.and_then(|(content, outer)| trimmed(text, content, outer)) {
            if is_speech(text, q) {
                quotes.push(q);
            }
        }
    }
    quotes
}

/// The double quotation marks of `text`, each read as opening or closing.
fn marks(text: &str) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut prev: Option<char> = None;
    let mut last_visible: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if matches!(c, '"' | '“' | '”' | '„') {
            let next = iter.peek().map(|&(_, n)| n);
            // Attribute values of embedded markup (author="…">) are no quotations.
            let markup = prev == Some('=') || next == Some('>');
            // A straight mark set off by spaces after punctuation closes ("outreach,' " he).
            let spaced_close = c == '"'
                && prev.is_some_and(char::is_whitespace)
                && next.is_none_or(char::is_whitespace)
                && last_visible.is_some_and(|p| ",.!?'’…".contains(p));
            let dir = if spaced_close {
                Some(Dir::Close)
            } else {
                direction(c, prev, next)
            };
            if let Some(dir) = dir.filter(|_| !markup) {
                marks.push(Mark {
                    start: i,
                    end: i + c.len_utf8(),
                    dir,
                });
            }
        }
        prev = Some(c);
        if !c.is_whitespace() {
            last_visible = Some(c);
        }
    }
    marks
}

/// Reads a mark from its neighbours: open after a space and before a word, closed after
/// a word and before a space or punctuation; otherwise the glyph decides.
fn direction(c: char, prev: Option<char>, next: Option<char>) -> Option<Dir> {
    let open_left = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p));
    let closed_right = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-…".contains(n));
    match (open_left, closed_right) {
        (true, false) => Some(Dir::Open),
        (false, true) => Some(Dir::Close),
        (true, true) => match c {
            '“' | '„' => Some(Dir::Open),
            '”' => Some(Dir::Close),
            _ => None, // a lone straight mark between spaces
        },
        (false, false) => Some(match c {
            '“' | '„' => Dir::Open,
            '”' => Dir::Close,
            _ => Dir::Either,
        }),
    }
}

/// Pairs the opening mark `marks[i]` with where its quotation ends. Returns the content
/// and outer spans (untrimmed), if any, and the index of the first mark after it.
fn pair(text: &str, marks: &[Mark], i: usize) -> (Option<(Span, Span)>, usize) {
    let open = marks[i];
    let mut piece = open.end; // start of the current paragraph of the quotation
    let mut depth = 0usize; // quotations inside the quotation
    let mut j = i + 1;
    while let Some(m) = marks.get(j) {
        if m.start - open.end > MAX_QUOTE_BYTES {
            break;
        }
        let para_end = paragraph_end(text, piece);
        let continues = m.dir == Dir::Open && next_paragraph_start(text, para_end) == m.start;
        if !continues && has_blank_line(&text[piece..m.start]) {
            break;
        }
        match m.dir {
            Dir::Close | Dir::Either => {
                if depth > 0 {
                    depth -= 1;
                } else {
                    let content = Span::new(open.end, m.start);
                    return (Some((content, Span::new(open.start, m.end))), j + 1);
                }
            }
            Dir::Open if m.start < para_end => {
                if after_sentence_end(text, m.start) && depth == 0 {
                    piece = m.end; // run-in paragraphs of a one-line release
                } else {
                    depth += 1;
                }
            }
            Dir::Open if continues => {
                piece = m.end; // the quotation goes on in the next paragraph
                depth = 0;
            }
            Dir::Open => return (unclosed(text, open, piece), j),
        }
        j += 1;
    }
    (unclosed(text, open, piece), j)
}

/// An unclosed quotation: to the end of its paragraph, or of its first sentence when
/// the paragraph is too long to be one quotation.
fn unclosed(text: &str, open: Mark, piece: usize) -> Option<(Span, Span)> {
    let mut end = paragraph_end(text, piece);
    if end - open.end > MAX_UNCLOSED_BYTES {
        end = sentence_end(text, piece)?;
        if end - open.end > MAX_UNCLOSED_BYTES {
            return None;
        }
    }
    Some((Span::new(open.end, end), Span::new(open.start, end)))
}

/// The span without surrounding whitespace; `None` when nothing is left.
fn trimmed(text: &str, content: Span, outer: Span) -> Option<QuoteSpan> {
    let s = content.slice(text);
    let start = content.start + (s.len() - s.trim_start().len());
    let end = content.start + s.trim_end().len();
    (start < end).then(|| QuoteSpan {
        span: Span::new(start, end),
        outer,
    })
}

/// True when `s` holds an empty line.
fn has_blank_line(s: &str) -> bool {
    let mut lines = s.split('\n');
    lines.next();
    let mut inner = lines.collect::<Vec<_>>();
    inner.pop(); // the last piece is the start of a line, not a whole line
    inner.iter().any(|l| l.trim().is_empty())
}

/// End of the paragraph that holds `pos` (before its trailing whitespace). A line break
/// ends a paragraph when a blank line follows, or when the line ends a sentence and the
/// next one starts like a new paragraph (capital, digit, mark); other breaks are wrapping.
fn paragraph_end(text: &str, pos: usize) -> usize {
    let mut at = pos;
    while let Some(nl) = text[at..].find('\n').map(|k| at + k) {
        let line_end = text[..nl].trim_end().len().max(pos);
        let rest = &text[nl + 1..];
        let next_line = rest.split('\n').next().unwrap_or("");
        if next_line.trim().is_empty() {
            return line_end;
        }
        let ends_sentence = text[..line_end]
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '!', '?', ':']);
        let starts_new = next_line
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"“„‘•*-".contains(c));
        if ends_sentence && starts_new {
            return line_end;
        }
        at = nl + 1;
    }
    text.trim_end().len().max(pos)
}

/// Start of the first non-blank text after `pos`.
fn next_paragraph_start(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    pos + (rest.len() - rest.trim_start().len())
}

/// True when the mark at `pos` follows a sentence end (". “Next").
fn after_sentence_end(text: &str, pos: usize) -> bool {
    let before = &text[..pos];
    let trimmed = before.trim_end();
    trimmed.len() < before.len()
        && trimmed
            .trim_end_matches(['’', '\'', ')'])
            .ends_with(['.', '!', '?'])
}

/// End of the first sentence after `pos` (after its final punctuation), if any.
fn sentence_end(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    rest.char_indices()
        .zip(rest.chars().skip(1))
        .find(|&((_, c), n)| matches!(c, '.' | '!' | '?') && n.is_whitespace())
        .map(|((k, c), _)| pos + k + c.len_utf8())
}

/// Whether a candidate reproduces speech rather than naming or marking a term.
fn is_speech(text: &str, q: QuoteSpan) -> bool {
    let content = q.span.slice(text);
    let words: Vec<&str> = content
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.len() < MIN_WORDS {
        return false;
    }
    let cue = speech_verb_near(text, q);
    // Titles of works, laws and programs: (nearly) every word capitalised, no sentence.
    let content_words: Vec<&&str> = words
        .iter()
        .filter(|w| !TITLE_SMALL.contains(&w.to_lowercase().as_str()))
        .collect();
    let capitalised = content_words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        .count();
    let personal = words.iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "i" | "me" | "my" | "we" | "our" | "us" | "you" | "your"
        )
    });
    let title_like = words.len() <= 15
        && !personal
        && 4 * capitalised >= 3 * content_words.len()
        && !content.trim_end().ends_with(['.', '!', '?']);
    if (title_like && !cue) || introduced_as_title(text, q) {
        return false;
    }
    let unpunctuated = content
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    if words.len() <= 4 && unpunctuated && !cue {
        let after = text[q.outer.end..].split_whitespace().next().unwrap_or("");
        let next_word: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        let modifier = next_word.len() == after.len()
            && next_word.chars().next().is_some_and(char::is_lowercase)
            && !FOLLOWERS.contains(&next_word.as_str());
        if modifier {
            return false;
        }
    }
    true
}

/// True when the words before the quotation name a title ("a report titled “…”").
fn introduced_as_title(text: &str, q: QuoteSpan) -> bool {
    let before = text[..q.outer.start]
        .trim_end()
        .trim_end_matches([',', ':']);
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(last.as_str(), "titled" | "entitled" | "headlined" | "named")
}

/// True when a speech verb is among the few words right before or after the quotation.
fn speech_verb_near(text: &str, q: QuoteSpan) -> bool {
    const WINDOW: usize = 6;
    let is_word = |w: &&str| is_speech_verb(w.trim_matches(|c: char| !c.is_alphanumeric()));
    let after = text[q.outer.end..].split_whitespace().take(WINDOW);
    let before = text[..q.outer.start].split_whitespace().rev().take(WINDOW);
    after.chain(before).any(|w| is_word(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        find(text).iter().map(|q| q.span.slice(text)).collect()
    }

    #[test]
    fn straight_and_curly_marks() {
        let t = "He said \"we will win this race.\" Then: “Votes matter to us all,” she said.";
        assert_eq!(
            texts(t),
            vec!["we will win this race.", "Votes matter to us all,"]
        );
    }

    #[test]
    fn interrupted_quote_gives_two() {
        let t = "“We are ready for it,” Mayor Ann Vole said. “The city is safe now.”";
        assert_eq!(
            texts(t),
            vec!["We are ready for it,", "The city is safe now."]
        );
    }

    #[test]
    fn inner_single_quotes_stay_inside() {
        let t = "“It is how ‘our neighbours’ choose the road,” Vole said.";
        assert_eq!(
            texts(t),
            vec!["It is how ‘our neighbours’ choose the road,"]
        );
    }

    #[test]
    fn several_quotes_in_one_sentence() {
        let t = "She called it “a very bad deal” and “a waste of money” in one breath.";
        assert_eq!(texts(t), vec!["a very bad deal", "a waste of money"]);
    }

    #[test]
    fn quote_inside_quote_with_double_marks() {
        let t = "\"He called the plan \"a total disaster\" in public,\" Vole said.";
        assert_eq!(
            texts(t),
            vec!["He called the plan \"a total disaster\" in public,"]
        );
    }

    #[test]
    fn paragraphs_of_one_quote() {
        let t = "Vole said:\n\n“First part of it.\n\n“Second part of it.\n\n“Third and last part.”\n\nEnd.";
        assert_eq!(
            texts(t),
            vec!["First part of it.\n\n“Second part of it.\n\n“Third and last part."]
        );
    }

    #[test]
    fn run_in_paragraphs_of_one_line_release() {
        let t = "Vole made this statement: \"We will act now. \"We will not wait. “Nor will we stop.” Vole is a member.";
        assert_eq!(
            texts(t),
            vec!["We will act now. \"We will not wait. “Nor will we stop."]
        );
    }

    #[test]
    fn wrapped_lines_stay_in_one_quote() {
        let t = "“When there is a chance to improve the\nsystem, we take it,” Vole said.";
        assert_eq!(
            texts(t),
            vec!["When there is a chance to improve the\nsystem, we take it,"]
        );
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let t = "“This task force brings us all together.\nThe group meets monthly.\n\"The next quote is here,\"\nsaid Vole.";
        assert_eq!(
            texts(t),
            vec![
                "This task force brings us all together.",
                "The next quote is here,"
            ]
        );
    }

    #[test]
    fn unclosed_quote_never_swallows_a_long_release() {
        let body = "Filler words go on here. ".repeat(200);
        let t = format!("Vole said “this never closes. {body}");
        let q = find(&t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].span.slice(&t), "this never closes.");
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        for t in [
            "\"",
            "”",
            "“",
            "\"\"\"",
            "a \" b",
            "” stray close then “open never closed",
            "“é”",
            "“日本語のテキスト、です。",
            "x\"y\"z\"",
            "“a\n\n”",
        ] {
            let _ = find(t);
        }
    }

    #[test]
    fn not_quotes() {
        // Nickname, name of a law, scare quote, modifier, title of a work.
        let t = "Pellinger goes by “Little Ferret,” an alias. He backed the “Clean Harbors Act” \
                 and the “crews” too. The “repeat property offender” allegations stand. \
                 He read “The Old Man and the Sea” again.";
        assert!(texts(t).is_empty(), "{:?}", texts(t));
    }

    #[test]
    fn markup_and_spaced_marks() {
        let t = "<tweet pic=\"pic.example/x\" author=\"Ann Vole\">A tweet text here</tweet>";
        assert!(texts(t).is_empty());
        let t = "\"I was annoyed by the word 'pivot,' \" he told the crowd.";
        assert_eq!(texts(t), vec!["I was annoyed by the word 'pivot,'"]);
    }

    #[test]
    fn titles_and_capitalised_speech() {
        let t = "The hearing was titled, “Holding Our Ground in a Shifting Market.”";
        assert!(texts(t).is_empty());
        let t = "Her entry, “All It Needs is a Song” won a prize.";
        assert!(texts(t).is_empty());
        let t = "He said “Yes, I support Dana Whitby,” and left.";
        assert_eq!(texts(t), vec!["Yes, I support Dana Whitby,"]);
    }

    #[test]
    fn quote_without_speech_verb_is_kept() {
        let t = "The paper wrote it “aims to fix the deep sources of theft.”";
        assert_eq!(texts(t), vec!["aims to fix the deep sources of theft."]);
        let t = "Answer below.\n“I chose this career to help my community.”";
        assert_eq!(texts(t), vec!["I chose this career to help my community."]);
    }

    #[test]
    fn headline_quote() {
        let t = "Vole: “We Will Not Back Down” on budget\n\nBody text here.";
        assert_eq!(texts(t), vec!["We Will Not Back Down"]);
        let t = "Vole Backs “Clean Parks For All” on budget\n\nBody text here.";
        assert!(texts(t).is_empty());
        let t = "Vole says “we will not back down” on budget\n\nBody text here.";
        assert_eq!(texts(t), vec!["we will not back down"]);
    }

    #[test]
    fn outer_span_includes_marks() {
        let t = "Vole said “one two three” today.";
        let q = find(t);
        assert_eq!(q[0].outer.slice(t), "“one two three”");
    }
}
