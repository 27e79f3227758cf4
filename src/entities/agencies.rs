//! Government bodies and other organisations named in the text.
//!
//! A name is a run of capitalised words (with "of", "for", "and", "on", "the" inside) that
//! holds a head word: "Department", "Office", "Court", "Police", "Committee" and the like
//! make a government body; "University", "Inc", "Association" make an organisation.
//! Words before a leading "of" that hold no head ("Detective Al Morrow of the ...") and
//! words after the last head that are not its complement ("... Court Justice Ann Doe")
//! are cut off. An acronym in parentheses right after the name is its acronym; the
//! release's other uses of the acronym are mentions of the same body. Well-known federal
//! acronyms used alone are recognised from a short table.

use super::entity::Origin;
use super::text::Word;
use crate::doc::Span;
use crate::lexicon::organisations::{
    BUILDING_WORDS, CONNECTORS, HEADS, LEADING_NOISE, MUNICIPALITIES, ONE_WORD_BODIES, ORG_HEADS,
    SPLITTING_HEADS, WEAK_HEADS,
};
use crate::lexicon::titles::RANKS;
use crate::lexicon::words::COMPASS_POINTS;
use crate::lexicon::{class, is_acronym};

/// What kind of body a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyKind {
    /// A government body.
    Agency,
    /// Any other organisation.
    Organization,
}

/// A named body found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BodyMention {
    /// The name as written (a leading "the" dropped), whitespace normalised.
    pub name: String,
    /// Government body or other organisation.
    pub kind: BodyKind,
    /// Where the name is written.
    pub span: Span,
    /// First token of the name.
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    /// Acronym given in parentheses after the name, or the acronym itself.
    pub acronym: Option<String>,
    /// What found it.
    pub origin: Origin,
}

/// True for head words of government bodies.
pub(crate) fn is_head(word: &str) -> bool {
    HEADS.contains(word) || WEAK_HEADS.contains(word)
}

/// True for head words of other organisations.
pub(crate) fn is_org_head(word: &str) -> bool {
    ORG_HEADS.contains(word)
}

fn is_ordinal(s: &str) -> bool {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(&s[digits.len()..], "st" | "nd" | "rd" | "th")
}

fn is_name_word(t: &Word<'_>) -> bool {
    (t.is_capitalised() && t.text.chars().any(char::is_alphabetic)) || is_ordinal(t.text)
}

/// Splits the tokens into runs of capitalised words joined by connectors.
fn chunks(tokens: &[Word<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_name_word(&tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() && tokens[end].sentence == tokens[start].sentence {
            let prev = &tokens[end - 1];
            if prev.ends_phrase() {
                break;
            }
            let t = &tokens[end];
            if is_name_word(t) {
                end += 1;
            } else if is_lower_head(t)
                && prev.possessive()
                && (is_government_word(prev) || super::titles::is_title_word(prev.base()))
            {
                // "the Harris County District Attorney’s office"
                end += 1;
            } else if t.text == "police"
                && prev.is_capitalised()
                && !prev.possessive()
                && !prev.is_all_caps()
                && !super::titles::is_title_word(prev.base())
            {
                // "Riverside police": a place's police force.
                end += 1;
                break;
            } else if CONNECTORS.contains(&t.text) {
                // Connectors only between capitalised words ("Department of the Navy").
                let mut k = end;
                while k < tokens.len()
                    && CONNECTORS.contains(&tokens[k].text)
                    && tokens[k].sentence == t.sentence
                    && k - end < 2
                {
                    k += 1;
                }
                if k < tokens.len() && tokens[k].sentence == t.sentence && is_name_word(&tokens[k])
                {
                    end = k;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        out.push((start, end));
        i = end;
    }
    out
}

fn is_government_word(t: &Word<'_>) -> bool {
    t.has(class::GOVERNMENT | class::STATE)
}

fn any_head(tokens: &[Word<'_>], from: usize, to: usize) -> bool {
    tokens[from..to]
        .iter()
        .any(|t| t.has(class::HEAD | class::WEAK_HEAD | class::ORG_HEAD) || is_lower_head(t))
}

fn is_lower_head(t: &Word<'_>) -> bool {
    matches!(t.text, "office" | "department" | "police")
}

fn is_strong_head(t: &Word<'_>) -> bool {
    t.has(class::HEAD) || is_lower_head(t)
}

fn is_weak_head(t: &Word<'_>) -> bool {
    t.has(class::WEAK_HEAD)
}

/// Finds every named body in the tokens: in running prose only, unless `any_line` (the
/// lines of a contact block).
pub(crate) fn find(tokens: &[Word<'_>], text: &str, any_line: bool) -> Vec<BodyMention> {
    let mut found = Vec::new();
    for (start, end) in chunks(tokens) {
        if !any_line && !tokens[start].running {
            continue;
        }
        candidates(tokens, start, end, &mut |first, last| {
            found.extend(body(tokens, text, first, last));
        });
    }
    found
}

/// Cuts a chunk into candidate names: at "of" or "for" when the words before hold no
/// head ("Detective Al Morrow of the ..."), at "and" between two complete names, before
/// "U.S." after a head, and where a new name starts right after a head ("... Sheriff’s
/// Department Homicide Division").
fn candidates(tokens: &[Word<'_>], start: usize, end: usize, emit: &mut dyn FnMut(usize, usize)) {
    let skip_connectors = |mut a: usize| {
        while a < end && CONNECTORS.contains(&tokens[a].text) {
            a += 1;
        }
        a
    };
    let mut a = start;
    let mut k = start;
    while k < end {
        let t = &tokens[k];
        // "City of Longview", also after a word that only leads into a name ("The City
        // of Longview" opening a sentence).
        let lead = (a..k)
            .find(|&j| !LEADING_NOISE.contains(tokens[j].text))
            .unwrap_or(k);
        if matches!(t.text, "of" | "for" | "on")
            && !any_head(tokens, a, k)
            && !(k == lead + 1 && MUNICIPALITIES.contains(&tokens[lead].text))
        {
            a = skip_connectors(k + 1);
            k = a;
            continue;
        }
        let after_head = k > a && is_strong_head(&tokens[k - 1]);
        let after_any_head = k > a && any_head(tokens, k - 1, k);
        let the_next = tokens.get(k + 1).is_some_and(|n| n.text == "the");
        // "Grant Programs Directorate of the Federal Emergency Management Agency": a
        // body of two or more words "of the" another is two bodies (the unit and the one
        // it belongs to), not one name ("Department of the Navy" is one).
        if t.text == "of"
            && the_next
            && k >= a + 2
            && after_head
            && ends_in_body(tokens, k + 2, end)
        {
            emit(a, k);
            a = k + 2;
            k = a;
            continue;
        }
        // "... Department and the Navy Region ...", "the Disabilities Act and the State
        // Access Board": "and the" starts a new name.
        let split_and = t.text == "and"
            && (((after_head || the_next) && any_head(tokens, k + 1, end))
                || (the_next && end >= k + 4));
        let split_us = after_any_head && matches!(t.text, "U.S." | "United");
        let split_new = after_head
            && SPLITTING_HEADS.contains(&tokens[k - 1].base())
            && t.is_capitalised()
            && !is_strong_head(t)
            && !COMPASS_POINTS.contains(&t.text)
            && any_head(tokens, k + 1, end);
        if split_and || split_us || split_new {
            emit(a, k);
            a = if split_and { skip_connectors(k + 1) } else { k };
            k = a.max(k + usize::from(split_and));
            continue;
        }
        k += 1;
    }
    if a < end {
        emit(a, end);
    }
}

/// True when tokens[from..end] are a name of two or more words ending in a strong head
/// ("Federal Emergency Management Agency").
fn ends_in_body(tokens: &[Word<'_>], from: usize, end: usize) -> bool {
    end >= from + 2
        && tokens[from..end].iter().all(is_name_word)
        && is_strong_head(&tokens[end - 1])
}

/// The bodies named by tokens[first..end]: the name itself, and its owner when the name
/// is written with one ("U.S. Department of Agriculture’s Natural Resources Conservation
/// Service").
fn body(tokens: &[Word<'_>], text: &str, mut first: usize, end: usize) -> Vec<BodyMention> {
    while first < end && LEADING_NOISE.contains(tokens[first].text) {
        first += 1;
    }
    let Some(last_head) = (first..end).rev().find(|&k| {
        let t = &tokens[k];
        is_strong_head(t) || t.has(class::ORG_HEAD) || is_weak_head(t)
    }) else {
        return named(tokens, text, first, end).into_iter().collect();
    };
    let next = tokens.get(last_head + 1).filter(|_| last_head + 1 < end);
    let mut last = if next.is_some_and(|t| matches!(t.text, "of" | "for" | "on")) {
        // The complement runs to the end of the chunk or to a possessive ("Department of
        // Public Health’s Consumer Alert").
        (last_head + 1..end)
            .find(|&k| tokens[k].possessive())
            .map_or(end, |p| p + 1)
    } else if next.is_some_and(|t| COMPASS_POINTS.contains(&t.text)) {
        last_head + 2
    } else {
        last_head + 1
    };
    let mut out = Vec::new();
    // A possessive owner before a name ("District Attorney’s Fraud Unit") is the owner,
    // not part of the name; the owner is a body of its own when it has a head.
    if let Some(p) = (first..last_head).rev().find(|&k| {
        let t = tokens[k].text;
        t.ends_with("’s") || t.ends_with("'s")
    }) {
        // The name after the owner has more than its head ("Department of Justice’s
        // Office of International Affairs"); a bare "District Attorney’s Office" is
        // one name, and so is the office of an official ("U.S. Attorney’s Office for
        // the Southern District").
        let owner_is_body = (first..=p).any(|k| is_strong_head(&tokens[k]));
        let officials_office = !owner_is_body && tokens[p + 1].base() == "Office";
        let more_than_head = p + 1 < last_head || (last >= p + 4 && !officials_office);
        if more_than_head && (p + 1..last).any(|k| is_strong_head(&tokens[k])) {
            out.extend(named(tokens, text, first, p + 1));
            first = p + 1;
        }
    }
    // Trailing connectors never end a name.
    while last > first && CONNECTORS.contains(&tokens[last - 1].text) {
        last -= 1;
    }
    out.extend(named(tokens, text, first, last));
    out
}

/// The body named by exactly tokens[first..last], if the words make one.
fn named(tokens: &[Word<'_>], text: &str, first: usize, last: usize) -> Option<BodyMention> {
    let words = tokens.get(first..last)?;
    let one_word_body = matches!(words, [w] if ONE_WORD_BODIES.contains(&w.base()));
    if words.len() < 2 && !one_word_body {
        return None;
    }
    if tokens
        .get(last)
        .is_some_and(|t| BUILDING_WORDS.contains(&t.text))
    {
        return None;
    }
    // "Deputy Bureau Chief of the …": a title, opened by a rank, whose head follows the
    // body word.
    let title_after = tokens.get(last).is_some_and(|t| {
        t.sentence == words[0].sentence && super::titles::head_kind(t.base()).is_some()
    });
    if title_after && RANKS.contains(&words[0].base()) {
        return None;
    }
    let org = words.iter().any(|t| t.has(class::ORG_HEAD));
    let strong = words.iter().any(is_strong_head);
    let government = words.iter().any(is_government_word);
    // "City of Longview", "County of Orange"
    let municipality = words.len() >= 3
        && MUNICIPALITIES.contains(&words[0].text)
        && words[1].text == "of"
        && words[words.len() - 1].is_capitalised();
    let weak_only = words.iter().any(is_weak_head) && !strong;
    let acronym = match (tokens.get(last), tokens.get(last + 1), tokens.get(last + 2)) {
        (Some(o), Some(a), Some(c)) if o.text == "(" && c.text == ")" && is_acronym(a.text) => {
            Some(a.text.to_string())
        }
        _ => None,
    };
    // "Orange County District Attorney (OCDA)": a title with an acronym names the office
    // (a person has no acronym).
    let office_of_title =
        acronym.is_some() && super::titles::head_kind(words[words.len() - 1].base()).is_some();
    let kind = if org {
        BodyKind::Organization
    } else if municipality
        || strong
        || (weak_only && government)
        || one_word_body
        || office_of_title
    {
        BodyKind::Agency
    } else {
        return None;
    };
    let last_token = &words[words.len() - 1];
    let span = Span::new(
        words[0].span.start,
        last_token.span.start + last_token.base().len(),
    );
    let name = text
        .get(span.range())?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(BodyMention {
        name,
        kind,
        span,
        first,
        end: last,
        acronym,
        origin: Origin::Rule,
    })
}

/// The words of a span the model tagged, trimmed of a leading article and of trailing
/// lower-case words and punctuation; none when no word is a name (only titles, a party
/// tag, a link).
pub(crate) fn model_words(tokens: &[Word<'_>], first: usize, end: usize) -> Option<(usize, usize)> {
    let mut first = first;
    let mut end = end.min(tokens.len());
    while first < end && LEADING_NOISE.contains(tokens[first].text) {
        first += 1;
    }
    while end > first && !tokens[end - 1].is_capitalised() && !is_ordinal(tokens[end - 1].text) {
        end -= 1;
    }
    let words = tokens.get(first..end)?;
    let odd = |t: &Word<'_>| {
        t.text.contains(['/', '@'])
            || t.text.starts_with("http")
            || super::states::party_tag_code(t).is_some()
            || t.text.len() > 2
                && t.text.as_bytes()[1] == b'-'
                && matches!(t.text.as_bytes()[0], b'D' | b'R' | b'I')
    };
    let named = |t: &Word<'_>| {
        t.is_capitalised()
            && !t.has(class::TITLE | class::STOP)
            && t.text.chars().any(char::is_alphabetic)
    };
    (!words.is_empty() && !words.iter().any(odd) && words.iter().any(named)).then_some((first, end))
}

/// Classifies a span the model tagged as an organisation: a government body when it has
/// a head word, any other organisation otherwise.
pub(crate) fn classify(
    tokens: &[Word<'_>],
    text: &str,
    first: usize,
    end: usize,
) -> Option<BodyMention> {
    if let Some(b) = body(tokens, text, first, end).pop() {
        return Some(BodyMention {
            origin: Origin::Model,
            ..b
        });
    }
    let (first, end) = model_words(tokens, first, end)?;
    let words = tokens.get(first..end)?;
    let last = words.last()?;
    // A lone acronym is left to the acronym rules.
    if words.len() == 1 && last.is_all_caps() {
        return None;
    }
    let span = Span::new(
        tokens[first].span.start,
        last.span.start + last.base().len(),
    );
    let name = text
        .get(span.range())?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(BodyMention {
        name,
        kind: BodyKind::Organization,
        span,
        first,
        end,
        acronym: None,
        origin: Origin::Model,
    })
}

/// The initials of a name's capitalised words ("Cook County State’s Attorney’s Office"
/// -> "CCSAO"), leaving out function words and a leading "U.S.".
pub(crate) fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !matches!(*w, "U.S." | "US"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize_span;
    use super::*;

    fn bodies(s: &str) -> Vec<(String, BodyKind, Option<String>)> {
        let toks = tokenize_span(s, Span::new(0, s.len()), 0);
        find(&toks, s, false)
            .into_iter()
            .map(|b| (b.name, b.kind, b.acronym))
            .collect()
    }

    fn names(s: &str) -> Vec<String> {
        bodies(s).into_iter().map(|b| b.0).collect()
    }

    #[test]
    fn agencies_with_heads_and_complements() {
        assert_eq!(
            names("The U.S. Department of Health and Human Services said"),
            ["U.S. Department of Health and Human Services"]
        );
        assert_eq!(
            names("He appeared before Brooklyn Supreme Court Justice Ann Doe today."),
            ["Brooklyn Supreme Court"]
        );
        assert_eq!(
            names("The deeds were traced by Detective Al Morrow of the New York City Department of Finance, Office of the Sheriff."),
            ["New York City Department of Finance", "Office of the Sheriff"]
        );
        assert_eq!(
            names("said Chicago Police Department Superintendent Lee Ames"),
            ["Chicago Police Department"]
        );
        assert_eq!(
            names("arrested by the Fullerton Police last week"),
            ["Fullerton Police"]
        );
    }

    #[test]
    fn acronyms_in_parentheses() {
        let b = bodies("The U.S. Cybersecurity and Infrastructure Security Agency (CISA) met");
        assert_eq!(
            b[0].0,
            "U.S. Cybersecurity and Infrastructure Security Agency"
        );
        assert_eq!(b[0].2.as_deref(), Some("CISA"));
        assert_eq!(initials(&b[0].0), "CISA");
    }

    #[test]
    fn owners_and_weak_heads() {
        assert_eq!(
            names("He was named head of the District Attorney’s Real Estate Fraud Unit."),
            ["Real Estate Fraud Unit"]
        );
        assert_eq!(
            names("the Cook County State’s Attorney’s Office said"),
            ["Cook County State’s Attorney’s Office"]
        );
        assert_eq!(
            names("the Harris County District Attorney’s office will open"),
            ["Harris County District Attorney’s office"]
        );
        assert_eq!(
            names("She called the Brooklyn District Attorney’s Action Center for help."),
            ["Brooklyn District Attorney’s Action Center"]
        );
        assert!(names("at the Birchwood Community Center located").is_empty());
    }

    #[test]
    fn organisations_are_not_agencies() {
        let b = bodies("the University of Nebraska and the American Hospital Association");
        assert!(b.iter().all(|x| x.1 == BodyKind::Organization));
        assert!(names("Acting District Attorney Ann Doe said").is_empty());
    }

    #[test]
    fn lists_split_at_and() {
        assert_eq!(
            names("The arrest was made by the Los Angeles Police Department and the Orange County Sheriff’s Department."),
            ["Los Angeles Police Department", "Orange County Sheriff’s Department"]
        );
    }

    #[test]
    fn owners_are_bodies_too() {
        assert_eq!(
            names("paid for by the U.S. Department of Agriculture’s Natural Resources Conservation Service."),
            ["U.S. Department of Agriculture", "Natural Resources Conservation Service"]
        );
    }

    #[test]
    fn possessive_and_of_the_chains_are_two_bodies() {
        assert_eq!(
            names("The grant came from the Vale Department of Commerce’s Office of Trade and Investment today."),
            ["Vale Department of Commerce", "Office of Trade and Investment"]
        );
        assert_eq!(
            names("It was run by the Flood Grants Directorate of the Federal Emergency Management Agency this year."),
            ["Flood Grants Directorate", "Federal Emergency Management Agency"]
        );
        // One name: a bare office, an official's office, a body "of the" one word.
        assert_eq!(
            names("He called the District Attorney’s Office and the U.S. Attorney’s Office for the Western District yesterday."),
            ["District Attorney’s Office", "U.S. Attorney’s Office for the Western District"]
        );
        assert_eq!(
            names("She joined the Department of the Navy in May."),
            ["Department of the Navy"]
        );
    }

    #[test]
    fn titles_holding_a_body_word_are_no_bodies() {
        assert!(names("said Ann Kessel, Deputy Bureau Chief of the Fraud Unit.") == ["Fraud Unit"]);
        assert_eq!(
            names("The Sheriff’s Office Deputy Tom Dartt responded."),
            ["Sheriff’s Office"]
        );
    }

    #[test]
    fn one_word_bodies() {
        assert_eq!(names("Congress passed the bill on Monday."), ["Congress"]);
        assert!(names("Congressman Ivo Brandt spoke on Monday.").is_empty());
        assert_eq!(
            names("Agents of Homeland Security Investigations made the arrest."),
            ["Homeland Security Investigations"]
        );
    }

    #[test]
    fn and_the_starts_a_new_name() {
        assert_eq!(
            names("It follows the Disabilities Act and the Vale Architectural Access Board rules."),
            ["Vale Architectural Access Board"]
        );
        assert_eq!(
            names("Officers of the 78th Police Precinct responded."),
            ["78th Police Precinct"]
        );
        // A title with an acronym is its office.
        assert_eq!(
            names("The task force and the Vale County District Attorney (VCDA) met."),
            ["Vale County District Attorney"]
        );
        assert_eq!(
            names("Officers of the Riverside police arrived."),
            ["Riverside police"]
        );
    }

    #[test]
    fn adjacent_names_are_split() {
        assert_eq!(
            names("Write to the Centers for Medicare and Medicaid Services U.S. Department of Health and Human Services now."),
            ["Centers for Medicare and Medicaid Services", "U.S. Department of Health and Human Services"]
        );
        assert_eq!(
            names("The Lark County Sheriff’s Department Homicide and Family Protection Division detectives investigated."),
            ["Lark County Sheriff’s Department", "Homicide and Family Protection Division"]
        );
        assert_eq!(
            names("She now chairs the House Veterans’ Affairs Subcommittee on Health."),
            ["House Veterans’ Affairs Subcommittee on Health"]
        );
    }

    #[test]
    fn buildings_programs_and_municipalities() {
        assert!(names("He was booked at the Frank Crowley Courts Building today.").is_empty());
        assert!(
            names("The grant comes from the Great Lakes Reduction Program this year.").is_empty()
        );
        assert_eq!(
            names("Jobs with the City of Longview are open."),
            ["City of Longview"]
        );
        assert_eq!(
            names("The County of Vale closed the road."),
            ["County of Vale"]
        );
    }

    #[test]
    fn menus_and_headlines_are_skipped() {
        assert!(names("Post-Conviction Bureau").is_empty());
        assert!(names("Lawsuit Against Houston Police Department Officers Settled").is_empty());
    }

    #[test]
    fn acronym_helpers() {
        assert_eq!(initials("Cook County State’s Attorney’s Office"), "CCSAO");
    }
}
