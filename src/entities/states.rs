//! US states, DC and territories: full names, AP abbreviations, postal codes in addresses
//! and datelines, and party-state tags, each mapped to its USPS code.
//!
//! False friends are rejected by their context: a state name followed by "City" or
//! "County" names a city or county; "Washington" alone means the federal government; a
//! state name that is part of a person's name ("Virginia Pell") is not a state; two-letter
//! codes that are also English words ("IN", "OR", "ME") count only in an address.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::text::Word;
use crate::doc::Span;
use crate::lexicon::class;
use crate::lexicon::states::{
    self as lex, State, StateCode, GIVEN_NAME_STATES, STATES, WORDLIKE_CODES,
};
use crate::lexicon::words::{COMPASS_POINTS, REGION_WORDS, STOP_WORDS};

/// A reference to a state found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StateMention {
    /// USPS code.
    pub code: StateCode,
    /// Where it is written.
    pub span: Span,
    /// Index of the first token of the reference.
    pub first: usize,
    /// One past the last token of the reference.
    pub end: usize,
}

/// A full name as words, with its code.
type NameWords = (Vec<&'static str>, StateCode);

/// Full names by their first word: (words of the name, code).
static BY_FIRST_WORD: LazyLock<HashMap<&'static str, Vec<NameWords>>> = LazyLock::new(|| {
    let mut map: HashMap<&str, Vec<NameWords>> = HashMap::new();
    for s in STATES {
        let words: Vec<&str> = s.name.split(' ').collect();
        map.entry(words[0])
            .or_default()
            .push((words, s.state_code()));
    }
    for list in map.values_mut() {
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    map
});

/// Full names, as written and in capitals, with their codes.
static BY_NAME: LazyLock<HashMap<String, StateCode>> = LazyLock::new(|| {
    STATES
        .iter()
        .flat_map(|s| {
            [
                (s.name.to_string(), s.state_code()),
                (s.name.to_uppercase(), s.state_code()),
            ]
        })
        .collect()
});

/// The USPS code for a full state name, written as usual or in capitals ("Missouri",
/// "MISSOURI" -> "MO").
pub(crate) fn code_for_name(name: &str) -> Option<StateCode> {
    BY_NAME.get(name).copied()
}

/// The first state named in full in a free text ("Office of the Missouri Secretary of
/// State" -> "MO"); names inside a longer proper name ("Kansas City") do not count.
pub(crate) fn code_named_in(text: &str) -> Option<StateCode> {
    STATES
        .iter()
        .filter_map(|s| {
            let name = s.name;
            text.match_indices(name)
                .find(|&(at, _)| {
                    let after = &text[at + name.len()..];
                    let bounded_before = text[..at]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                    bounded_before
                        && !after.starts_with(char::is_alphanumeric)
                        && !after.starts_with(" City")
                        && !after.starts_with(" County")
                })
                .map(|(at, _)| (at, s.state_code()))
        })
        .min_by_key(|&(at, _)| at)
        .map(|(_, code)| code)
}

fn is_code(s: &str) -> bool {
    lex::by_code(s).is_some()
}

fn code_for_ap(s: &str) -> Option<StateCode> {
    lex::by_ap_form(s).map(State::state_code)
}

/// A word matches a name word when it is written the same or in capitals.
fn word_matches(token: &Word<'_>, word: &str) -> bool {
    let base = token.base();
    base == word || (token.is_all_caps() && base.eq_ignore_ascii_case(word))
}

/// The code of a party-state tag such as "D-FL", "R-TN-06" or "R-Mo" (the last with its
/// period recorded on the token).
pub(crate) fn party_tag_code(token: &Word<'_>) -> Option<StateCode> {
    let mut parts = token.base().split('-');
    let party = parts.next()?;
    if !matches!(party, "D" | "R" | "I") {
        return None;
    }
    let place = parts.next()?;
    if let Some(rest) = parts.next() {
        if !(rest.chars().all(|c| c.is_ascii_digit()) || rest == "AL") || parts.next().is_some() {
            return None;
        }
    }
    if place.len() == 2 && is_code(place) {
        return StateCode::parse(place);
    }
    code_for_ap(place).or_else(|| code_for_name(place))
}

/// The state of a congressional district tag such as "CA-32", "NY-2" or "WY-AL" (at
/// large). Only a name's context makes it one: "MS-13" alone is a gang, so it is read
/// in parentheses after a person's name ([`district_tag_at`]).
fn district_tag_code(token: &Word<'_>) -> Option<StateCode> {
    let (place, district) = token.base().split_once('-')?;
    let number = match district {
        "AL" => 0,
        _ if (1..=2).contains(&district.len()) => district.parse::<u8>().ok().filter(|&n| n > 0)?,
        _ => return None,
    };
    StateCode::parse(place)
        .filter(|_| place.len() == 2)
        .filter(|code| code.has_district(number))
}

/// The index and state of a district tag in parentheses right after the token before
/// `end` ("Ann Doe (CA-32)"), if any.
pub(crate) fn district_tag_at(tokens: &[Word<'_>], end: usize) -> Option<(usize, StateCode)> {
    let sentence = tokens.get(end.checked_sub(1)?)?.sentence;
    let open = tokens
        .get(end)
        .filter(|t| t.sentence == sentence && t.text == "(")?;
    let tag = tokens
        .get(end + 1)
        .filter(|t| t.sentence == open.sentence)?;
    district_tag_code(tag).map(|code| (end + 1, code))
}

/// The state mentions of district tags written after the given names (spans of people's
/// mentions): "Ann Doe (CA-32)" names California.
pub(crate) fn district_tags_after(tokens: &[Word<'_>], names: &[Span]) -> Vec<StateMention> {
    let mut out: Vec<StateMention> = names
        .iter()
        .filter_map(|name| {
            let end = tokens.partition_point(|t| t.span.start < name.end);
            let (k, code) = district_tag_at(tokens, end)?;
            Some(mention(tokens, code, k, k + 1))
        })
        .collect();
    out.sort_by_key(|m| m.span);
    out.dedup_by_key(|m| m.span);
    out
}

fn is_zip(token: Option<&Word<'_>>) -> bool {
    token.is_some_and(|t| {
        let s = t.text;
        (s.len() == 5 || s.len() == 10)
            && s.chars().take(5).all(|c| c.is_ascii_digit())
            && (s.len() == 5 || s.as_bytes()[5] == b'-')
    })
}

/// True when tokens[i] follows "Place," in the same sentence (an address or dateline).
fn after_place_comma(tokens: &[Word<'_>], i: usize) -> bool {
    i >= 2
        && tokens[i - 1].text == ","
        && tokens[i - 2].is_capitalised()
        && tokens[i - 2].sentence == tokens[i].sentence
}

/// Words that may follow a given-name state in an institutional name, not a surname.
fn continues_institution(token: &Word<'_>) -> bool {
    token.has(class::TITLE | class::HEAD | class::WEAK_HEAD | class::ORG_HEAD)
        || matches!(
            token.base(),
            "State"
                | "County"
                | "City"
                | "Supreme"
                | "Superior"
                | "Highway"
                | "National"
                | "General"
                | "Legislature"
                | "Tech"
                | "Law"
                | "Medical"
                | "Public"
                | "Western"
                | "Eastern"
                | "Northern"
                | "Southern"
                | "Central"
                | "Health"
                | "Bar"
        )
}

/// Finds every state reference in the tokens.
pub(crate) fn find(tokens: &[Word<'_>]) -> Vec<StateMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(m) = at(tokens, i) {
            i = m.end;
            found.push(m);
        } else {
            i += 1;
        }
    }
    found
}

fn mention(tokens: &[Word<'_>], code: StateCode, first: usize, end: usize) -> StateMention {
    let last = &tokens[end - 1];
    StateMention {
        code,
        span: Span::new(tokens[first].span.start, last.span.end),
        first,
        end,
    }
}

/// The state reference starting at token `i`, if any.
fn at(tokens: &[Word<'_>], i: usize) -> Option<StateMention> {
    let t = &tokens[i];
    if !t.is_capitalised() {
        return None;
    }
    let next = tokens.get(i + 1).filter(|n| n.sentence == t.sentence);
    // Full names, longest first.
    let first_word = if t.is_all_caps() {
        let mut s = t.base().to_lowercase();
        if let Some(c) = s.get_mut(0..1) {
            c.make_ascii_uppercase();
        }
        BY_FIRST_WORD
            .keys()
            .find(|k| k.eq_ignore_ascii_case(&s))
            .copied()
    } else {
        BY_FIRST_WORD.get_key_value(t.base()).map(|(k, _)| *k)
    };
    if let Some(key) = first_word {
        for (words, code) in &BY_FIRST_WORD[key] {
            let end = i + words.len();
            if end > tokens.len()
                || !words.iter().enumerate().all(|(k, w)| {
                    tokens[i + k].sentence == t.sentence && word_matches(&tokens[i + k], w)
                })
            {
                continue;
            }
            // Only the last word may carry a possessive.
            if tokens[i..end - 1].iter().any(|x| x.possessive()) {
                continue;
            }
            if is_full_name_reference(tokens, i, end, *code) {
                return Some(mention(tokens, *code, i, end));
            }
            if *code == StateCode::WA {
                return washington(tokens, i);
            }
            return None;
        }
    }
    // "Washington, D.C." and "D.C." are handled above and by the AP table.
    if let Some(code) = party_tag_code(t) {
        return Some(mention(tokens, code, i, i + 1));
    }
    if t.text.contains('.') || t.dot {
        let ap = if t.text.ends_with('.') {
            code_for_ap(t.text)
        } else if t.dot {
            code_for_ap(t.text).filter(|_| after_place_comma(tokens, i) || t.text.contains('.'))
        } else {
            None
        };
        if let Some(code) = ap {
            return Some(mention(tokens, code, i, i + 1));
        }
    }
    if t.text.len() == 2 && t.is_all_caps() && is_code(t.text) {
        let zip = is_zip(next);
        let address = after_place_comma(tokens, i)
            && (!WORDLIKE_CODES.contains(&t.text) || !tokens[i - 2].is_all_caps());
        if zip || address || t.text == "DC" {
            let code = StateCode::parse(t.text)?;
            return Some(mention(tokens, code, i, i + 1));
        }
    }
    None
}

/// Whether a matched full name at tokens[i..end] refers to the state.
fn is_full_name_reference(tokens: &[Word<'_>], i: usize, end: usize, code: StateCode) -> bool {
    let first = &tokens[i];
    let last = &tokens[end - 1];
    let next = tokens
        .get(end)
        .filter(|n| n.sentence == first.sentence && !last.ends_phrase() && !last.possessive());
    if next.is_some_and(|n| n.is("City") || n.is("County")) {
        return false;
    }
    if code == StateCode::WA {
        return false;
    }
    let given_name = end == i + 1 && GIVEN_NAME_STATES.contains(&first.base());
    if given_name {
        // "Virginia Pell": a surname follows.
        if next.is_some_and(|n| {
            n.is_capitalised() && !n.is_all_caps() && !continues_institution(n) && n.text != "D.C."
        }) {
            return false;
        }
        // "Jay Missouri": a given name precedes.
        if i > 0 {
            let prev = &tokens[i - 1];
            if prev.sentence == first.sentence
                && prev.is_capitalised()
                && !prev.ends_phrase()
                && !prev.possessive()
                && !prev.is_all_caps()
                && !COMPASS_POINTS.contains(&prev.base())
                && !REGION_WORDS.contains(&prev.base())
                && !continues_institution(prev)
                && !STOP_WORDS.contains(prev.base())
            {
                return false;
            }
        }
    }
    true
}

/// "Washington" is the state only as "Washington State", "State of Washington" or in an
/// address; "Washington, D.C." and "Washington DC" are DC; alone it means the federal
/// government and is skipped.
fn washington(tokens: &[Word<'_>], i: usize) -> Option<StateMention> {
    let t = &tokens[i];
    let same = |k: usize| tokens.get(k).filter(|x| x.sentence == t.sentence);
    let n1 = same(i + 1);
    let n2 = same(i + 2);
    if n1.is_some_and(|n| n.text == "D.C." || n.text == "DC") {
        return Some(mention(tokens, StateCode::DC, i, i + 2));
    }
    if n1.is_some_and(|n| n.text == ",") && n2.is_some_and(|n| n.text == "D.C." || n.text == "DC") {
        return Some(mention(tokens, StateCode::DC, i, i + 3));
    }
    if !t.possessive() && n1.is_some_and(|n| n.is("State")) {
        return Some(mention(tokens, StateCode::WA, i, i + 2));
    }
    if i >= 2 && tokens[i - 1].is("of") && tokens[i - 2].is("State") {
        return Some(mention(tokens, StateCode::WA, i, i + 1));
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn state_named_in_free_text() {
        use super::{code_named_in, StateCode};
        assert_eq!(
            code_named_in("Office of the Missouri Secretary of State").map(StateCode::as_str),
            Some("MO")
        );
        assert_eq!(code_named_in("Kansas City Police Department"), None);
        assert_eq!(
            code_named_in("West Virginia Board, Virginia").map(StateCode::as_str),
            Some("WV")
        );
        assert_eq!(code_named_in("Arkansasville office"), None);
    }

    use super::super::text::tokenize_span;
    use super::*;

    fn codes(s: &str) -> Vec<&'static str> {
        let toks = tokenize_span(s, Span::new(0, s.len()), 0);
        find(&toks).into_iter().map(|m| m.code.as_str()).collect()
    }

    #[test]
    fn full_names_possessives_and_titles() {
        assert_eq!(codes("She moved to Missouri last year."), ["MO"]);
        assert_eq!(
            codes("Nebraska’s Ann Smith and Kansas’ Bo Lee met."),
            ["NE", "KS"]
        );
        assert_eq!(
            codes("Tom Lark, Missouri Secretary of State, spoke."),
            ["MO"]
        );
        assert_eq!(codes("the Texas Department of Public Safety"), ["TX"]);
        assert_eq!(codes("North Carolina and West Virginia"), ["NC", "WV"]);
        assert_eq!(codes("TEXAS MAN CHARGED"), ["TX"]);
    }

    #[test]
    fn abbreviations_codes_and_party_tags() {
        assert_eq!(codes("Jefferson City, Mo. — The office said"), ["MO"]);
        assert_eq!(
            codes("Lincoln, Neb., and Fresno, Calif., offices"),
            ["NE", "CA"]
        );
        assert_eq!(codes("held in Omaha, NE, this week"), ["NE"]);
        // The AP forms the sentence splitter reads are the ones that give a state.
        assert_eq!(
            codes("Hollowell, Kans., and Brindle, Penn., offices"),
            ["KS", "PA"]
        );
        assert_eq!(codes("Fernwick, Nebr. — The office said"), ["NE"]);
        assert_eq!(codes("350 Main Street Brooklyn, NY 11201"), ["NY"]);
        assert_eq!(codes("Springfield IN 46201"), ["IN"]);
        assert_eq!(
            codes("Rep. Ann Doe (D-FL) and Rep. Bo Roe (R-TN-06)"),
            ["FL", "TN"]
        );
        assert_eq!(codes("Sen. Al Poe (R-Mo.) spoke"), ["MO"]);
        assert_eq!(codes("offices in N.Y. and D.C."), ["NY", "DC"]);
        assert_eq!(codes("Washington, D.C. – The House"), ["DC"]);
    }

    #[test]
    fn false_friends() {
        assert!(codes("in New York City and Kansas City").is_empty());
        assert!(codes("near Oklahoma City on Tuesday").is_empty());
        assert!(codes("Washington must act now").is_empty());
        assert!(codes("funding from Washington this year").is_empty());
        assert!(codes("Councilwoman Virginia Foxworth said").is_empty());
        assert!(codes("actor Denzel Washington spoke").is_empty());
        assert!(codes("Washington County deputies").is_empty());
        assert!(codes("CHARGED IN FRAUD OR THEFT, ME TOO").is_empty());
        assert!(codes("visit sos.mo.gov today").is_empty());
        assert!(codes("Miss. Jones said").is_empty());
    }

    #[test]
    fn washington_state() {
        assert_eq!(codes("Washington State Patrol"), ["WA"]);
        assert_eq!(codes("the State of Washington"), ["WA"]);
    }

    #[test]
    fn code_lookups() {
        assert_eq!(code_for_name("MISSOURI").map(StateCode::as_str), Some("MO"));
        assert_eq!(code_for_name("missouri"), None);
        assert_eq!(
            code_for_name("NEBRASKA").map(StateCode::name),
            Some("Nebraska")
        );
    }
}
