//! Names as written in a release: capitalised runs of words, split into the title part and
//! the name part ("Cook County State’s Attorney" + "Maura O’Dell Haskins"), used to turn a
//! speaker mention into the fullest name the release gives when no entity covers it.

use std::collections::HashSet;

use crate::doc::Token;
use crate::lexicon::names::SENTENCE_OPENERS;
use crate::lexicon::organisations::{ends_body_name, JOINERS};
use crate::lexicon::titles::is_title_word;
use crate::lexicon::words::HEADLINE_WORDS;
use crate::lexicon::{is_acronym, is_all_caps, is_capitalised, strip_possessive};

/// True for capitalised words that start sentences rather than names ("The", "When").
pub(crate) fn is_not_name(word: &str) -> bool {
    SENTENCE_OPENERS.contains(&word.to_lowercase().as_str())
}

/// True for an acronym ("CTA", "MedPAC") or a word set in capitals ("BURKE"): never a
/// person's name in a run of words.
fn in_capitals(word: &str) -> bool {
    is_acronym(word) || is_all_caps(word)
}

/// A run of capitalised words (token indices, half-open) and the name at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run {
    /// The whole run, titles included.
    pub all: (usize, usize),
    /// The name after the last title word; empty when the run is all title.
    pub name: (usize, usize),
    /// True when the run names an organisation (ends in "Department", an acronym...).
    pub org: bool,
}

/// Words of a token range.
pub(crate) fn words<'a>(text: &'a str, tokens: &[Token], range: (usize, usize)) -> Vec<&'a str> {
    tokens
        .get(range.0..range.1)
        .unwrap_or(&[])
        .iter()
        .map(|t| t.span.slice(text))
        .collect()
}

/// True when token `i` can be part of a name or title run.
fn capital_word(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| {
        let w = t.span.slice(text);
        t.word && is_capitalised(w) && !HEADLINE_WORDS.contains(&w)
    })
}

/// The capitalised run that holds token `i`, within `limit` (token indices). Runs do not
/// cross line breaks; "of"/"for"/"and" join two capitalised words of one run.
pub(crate) fn run_at(text: &str, tokens: &[Token], i: usize, limit: (usize, usize)) -> Run {
    let mut start = i;
    while start > limit.0 && !tokens[start].line_break {
        let p = start - 1;
        if capital_word(text, tokens, p) {
            start = p;
        } else if p > limit.0
            && JOINERS.contains(&tokens[p].span.slice(text))
            && capital_word(text, tokens, p - 1)
            && !tokens[p].line_break
        {
            start = p - 1;
        } else {
            break;
        }
    }
    let mut end = i + 1;
    while end < limit.1 && !tokens[end].line_break {
        if capital_word(text, tokens, end) {
            end += 1;
        } else if end + 1 < limit.1
            && JOINERS.contains(&tokens[end].span.slice(text))
            && capital_word(text, tokens, end + 1)
            && !tokens[end + 1].line_break
        {
            end += 2;
        } else {
            break;
        }
    }
    classify(text, tokens, (start, end))
}

/// Splits a run into title and name and tells whether it is an organisation.
pub(crate) fn classify(text: &str, tokens: &[Token], all: (usize, usize)) -> Run {
    let ws = words(text, tokens, all);
    let mut first = 0;
    while first < ws.len() && SENTENCE_OPENERS.contains(&ws[first].to_lowercase().as_str()) {
        first += 1;
    }
    let last = ws.last().copied().unwrap_or("");
    // "Department of Homeland Security" is an organisation; "Secretary of State Jay
    // Ashcroft" is not: the joiner must follow an organisation word, with no title after.
    let joiner = (first..ws.len()).find(|&k| JOINERS.contains(&ws[k]));
    let head = (first..ws.len()).find(|&k| ends_body_name(strip_possessive(ws[k])));
    let org_with_joiner = match (head, joiner) {
        (Some(h), Some(j)) if h < j => !ws[j + 1..]
            .iter()
            .any(|w| is_title_word(w) && !ends_body_name(w) && !w.eq_ignore_ascii_case("justice")),
        _ => false,
    };
    let org = ends_body_name(strip_possessive(last))
        || (ws.len() - first == 1 && in_capitals(last) && !is_title_word(last))
        || org_with_joiner;
    let mut name_start = first;
    for (k, w) in ws.iter().enumerate().skip(first) {
        let suffix = matches!(*w, "II" | "III" | "IV" | "Jr." | "Sr." | "Jr" | "Sr");
        if !suffix && (is_title_word(w) || ends_body_name(strip_possessive(w)) || in_capitals(w)) {
            name_start = k + 1;
        }
    }
    let name = if org {
        (all.1, all.1)
    } else {
        // A name ends at a joiner: "Reyes and Quill" names Reyes first, "Dana Reyes of
        // Oregon" is Dana Reyes.
        let end = (name_start..ws.len())
            .find(|&k| JOINERS.contains(&ws[k]))
            .map_or(all.1, |k| all.0 + k);
        // A name has at most four words: keep the last ones.
        let start = (all.0 + name_start).max(end.saturating_sub(4));
        (start, end)
    };
    Run {
        all: (all.0 + first, all.1),
        name,
        org,
    }
}

/// The name of a run as text, possessive stripped ("Maura O’Dell Haskins").
pub(crate) fn name_text(text: &str, tokens: &[Token], range: (usize, usize)) -> String {
    let ws = words(text, tokens, range);
    let n = ws.len();
    ws.iter()
        .enumerate()
        .map(|(k, w)| if k + 1 == n { strip_possessive(w) } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower-cased words of a name, possessive stripped.
pub(crate) fn name_key(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| strip_possessive(w).to_lowercase())
        .collect()
}

/// Every name run of a release, found once.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    /// Person names (runs with a non-empty name part), as token ranges, in text order.
    pub people: Vec<(usize, usize)>,
    /// Organisation runs, in text order.
    pub orgs: Vec<(usize, usize)>,
    /// All runs, in text order.
    pub runs: Vec<Run>,
    /// Capitalised words (lower-cased) the release writes inside a sentence, where a
    /// capital marks a name rather than a sentence start.
    mid_sentence: HashSet<String>,
}

impl NameIndex {
    /// Collects the runs of `tokens`.
    pub fn new(text: &str, tokens: &[Token]) -> NameIndex {
        let mut index = NameIndex::default();
        for (i, t) in tokens.iter().enumerate().skip(1) {
            let inside =
                !t.line_break && (tokens[i - 1].word || tokens[i - 1].span.slice(text) == ",");
            if inside && capital_word(text, tokens, i) {
                let w = strip_possessive(t.span.slice(text)).to_lowercase();
                index.mid_sentence.insert(w);
            }
        }
        let mut i = 0;
        while i < tokens.len() {
            if capital_word(text, tokens, i) {
                let run = run_at(text, tokens, i, (i, tokens.len()));
                if run.org {
                    index.orgs.push(run.all);
                } else if run.name.0 < run.name.1 {
                    index.people.push(run.name);
                }
                index.runs.push(run);
                i = run.all.1.max(i + 1);
            } else {
                i += 1;
            }
        }
        index
    }

    /// True when a run can be a name even at a sentence start: it has two words or more,
    /// or its word is capitalised inside sentences too ("Tarn", not "Surveying").
    pub fn name_like(&self, text: &str, tokens: &[Token], range: (usize, usize)) -> bool {
        range.1 - range.0 >= 2
            || tokens.get(range.0).is_some_and(|t| {
                let w = strip_possessive(t.span.slice(text)).to_lowercase();
                self.mid_sentence.contains(&w)
            })
    }

    /// The fullest person name in the release that `key` (lower-cased words) can stand
    /// for: same last word and, when `key` has a first word, the same first word.
    pub fn fullest(&self, text: &str, tokens: &[Token], key: &[String]) -> Option<String> {
        let last = key.last()?;
        let mut best: Option<(usize, String)> = None;
        for &range in &self.people {
            let name = name_text(text, tokens, range);
            let k = name_key(&name);
            let compatible = k.last() == Some(last)
                && (key.len() == 1 || k.first() == key.first())
                && k.len() >= key.len();
            if compatible && best.as_ref().is_none_or(|(n, _)| k.len() > *n) {
                best = Some((k.len(), name));
            }
        }
        best.map(|(_, n)| n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::for_attribution as tokenize;

    #[test]
    fn titles_are_split_from_names() {
        let t = "said Cook County State’s Attorney Maura O’Dell Haskins.";
        let tokens = tokenize(t);
        let run = run_at(t, &tokens, 2, (0, tokens.len()));
        assert!(!run.org);
        assert_eq!(name_text(t, &tokens, run.name), "Maura O’Dell Haskins");
    }

    #[test]
    fn a_name_ends_at_a_joiner() {
        for (t, name) in [
            ("said Reps. Reyes and Quill today", "Reyes"),
            ("said Dana Reyes of Oregon", "Dana Reyes"),
            ("said Secretary of State Dana Reyes", "Dana Reyes"),
        ] {
            let tokens = tokenize(t);
            let run = run_at(t, &tokens, 2, (0, tokens.len()));
            assert!(!run.org, "{t}");
            assert_eq!(name_text(t, &tokens, run.name), name, "{t}");
        }
    }

    #[test]
    fn organisations_are_recognised() {
        let t = "the Chicago Police Department said";
        let tokens = tokenize(t);
        let run = run_at(t, &tokens, 1, (0, tokens.len()));
        assert!(run.org);
        assert_eq!(
            words(t, &tokens, run.all).join(" "),
            "Chicago Police Department"
        );
        let t = "the Department of Justice said";
        let tokens = tokenize(t);
        let run = run_at(t, &tokens, 1, (0, tokens.len()));
        assert!(run.org);
        assert_eq!(
            words(t, &tokens, run.all).join(" "),
            "Department of Justice"
        );
    }

    #[test]
    fn fullest_name_in_release() {
        let t =
            "Attorney General Rob Tellan spoke. Later, Attorney General Tellan left. When Tellan";
        let tokens = tokenize(t);
        let index = NameIndex::new(t, &tokens);
        let key = vec!["tellan".to_string()];
        assert_eq!(
            index.fullest(t, &tokens, &key).as_deref(),
            Some("Rob Tellan")
        );
        let key = vec!["jane".to_string(), "tellan".to_string()];
        assert_eq!(index.fullest(t, &tokens, &key), None);
    }
}
