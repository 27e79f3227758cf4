//! People: candidate names from the NER model and from the text around capitalised name
//! sequences (titles, honorifics, appositions, ages, speech verbs, party tags, state
//! possessives, contact blocks), merged into one person per release under the fullest
//! name the release uses.

mod candidate;
mod context;
mod merge;

use super::agencies::{self, BodyMention};
use super::entity::Origin;
use super::state_of::{Claim, Evidence as StateEvidence};
use super::text::Word;
use super::titles::{self, Title};
use crate::doc::{NerLabel, NerSpan, Span};
use crate::lexicon::abbreviations;
use crate::lexicon::is_plural_acronym;
use crate::lexicon::names::{PARTICLES, PLACE_WORDS, SUFFIXES};
use crate::lexicon::titles::WORD_GIVEN_NAMES;
use crate::lexicon::words::CASE_WORDS_BEFORE;
pub(crate) use candidate::{Candidate, Evidence};
use context::*;
pub(crate) use merge::{merge, Person};
use std::collections::HashSet;

/// For each token, whether it is a capitalised word the release also writes in lower
/// case ("Budget" beside "budget"): a common word in a headline, which may start a name
/// but not continue one ("Secretary Jarvis Demanding Answers" names "Jarvis").
fn common_words(tokens: &[Word<'_>]) -> Vec<bool> {
    let lower: HashSet<&str> = tokens
        .iter()
        .filter(|t| t.text.chars().all(char::is_lowercase))
        .map(|t| t.text)
        .collect();
    tokens
        .iter()
        .map(|t| {
            t.is_capitalised()
                && !t.is_all_caps()
                && lower.contains(t.base().to_lowercase().as_str())
        })
        .collect()
}

/// True when the word after a name continues a larger proper name ("Cook County",
/// "Chicago Police", "Forensic Science Services"): the words are not a person's name.
fn continues_proper_name(tokens: &[Word<'_>], end: usize) -> bool {
    let last = &tokens[end - 1];
    if last.ends_phrase() || last.possessive() {
        return false;
    }
    tokens.get(end).is_some_and(|n| {
        let base = n.base();
        n.sentence == last.sentence
            && n.is_capitalised()
            && (titles::is_title_word(base) && !titles::is_honorific(base)
                || agencies::is_head(base)
                || agencies::is_org_head(base)
                || PLACE_WORDS.contains(base))
    })
}

/// "against Ann Doe", "the death of Ann Doe".
fn case_word_before(tokens: &[Word<'_>], first: usize, sentence: usize) -> bool {
    let at = |k: Option<usize>| k.and_then(|k| same_sentence(tokens, k, sentence));
    let p1 = at(first.checked_sub(1));
    let p2 = at(first.checked_sub(2));
    p1.is_some_and(|t| CASE_WORDS_BEFORE.contains(&t.text))
        || (p1.is_some_and(|t| t.text == "of")
            && p2.is_some_and(|t| matches!(t.text, "death" | "murder" | "killing" | "shooting")))
}

/// The end (exclusive) of a name starting at token `i`, and the index of its suffix.
fn name_at(
    tokens: &[Word<'_>],
    names: &[bool],
    common: &[bool],
    i: usize,
) -> Option<(usize, Option<usize>)> {
    let first = tokens.get(i)?;
    if !names[i] || first.is_initial() && tokens.get(i + 1).is_none() {
        return None;
    }
    if is_plural_acronym(first.base()) {
        return None;
    }
    let sentence = first.sentence;
    let mut end = i + 1;
    while end < tokens.len() && end - i < 5 {
        let prev = &tokens[end - 1];
        if prev.ends_phrase() || prev.possessive() {
            break;
        }
        let t = &tokens[end];
        if t.sentence != sentence || t.newline_before {
            break;
        }
        if names[end] && !common[end] {
            end += 1;
        } else if PARTICLES.contains(&t.text)
            && tokens
                .get(end + 1)
                .is_some_and(|n| names[end + 1] && n.sentence == sentence)
        {
            end += 2;
        } else {
            break;
        }
    }
    // The last word may not be an initial.
    while end > i + 1 && tokens[end - 1].is_initial() {
        end -= 1;
    }
    if tokens[end - 1].is_initial() {
        return None;
    }
    // Suffix: "Doe Jr." or "Doe, Jr."
    let last = &tokens[end - 1];
    let mut suffix = None;
    if !last.possessive() && !last.ends_phrase() {
        let s1 = tokens.get(end).filter(|t| t.sentence == sentence);
        let s2 = tokens.get(end + 1).filter(|t| t.sentence == sentence);
        if s1.is_some_and(|t| SUFFIXES.contains(&t.base())) {
            suffix = Some(end);
            end += 1;
        } else if s1.is_some_and(|t| t.text == ",")
            && s2.is_some_and(|t| SUFFIXES.contains(&t.base()) && t.dot)
        {
            suffix = Some(end + 1);
            end += 2;
        }
    }
    Some((end, suffix))
}

fn candidate(
    tokens: &[Word<'_>],
    text: &str,
    first: usize,
    end: usize,
    suffix: Option<usize>,
    origin: Origin,
    evidence: Evidence,
) -> Option<Candidate> {
    let name_end = suffix.unwrap_or(end);
    let last = &tokens[name_end - 1];
    let mut stop = last.span.start + last.base().len();
    if let Some(s) = suffix {
        stop = tokens[s].span_with_dot().end;
    }
    let span = Span::new(tokens[first].span.start, stop);
    let name = text
        .get(span.range())?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // An abbreviated given name keys as the name it stands for ("Wm. Ann Doe" is
    // "William Ann Doe").
    let key: Vec<String> = tokens[first..name_end]
        .iter()
        .filter(|t| !t.is_initial() && t.text != "," && !PARTICLES.contains(&t.text))
        .map(|t| {
            t.dot
                .then(|| abbreviations::given_name(t.base()))
                .flatten()
                .unwrap_or(t.base())
                .to_lowercase()
        })
        .collect();
    if key.is_empty() {
        return None;
    }
    Some(Candidate {
        span,
        name,
        key,
        suffix: suffix.map(|s| tokens[s].base().to_string()),
        title: None,
        official: None,
        states: Vec::new(),
        organization: None,
        sentence: Some(tokens[first].sentence),
        origin,
        evidence,
    })
}

/// The end of a nickname in quotation marks, in parentheses or not, written at token `k`
/// after a given name and before the next word of the name (`names`): "“Rocky”",
/// "(“Dougie”)".
fn nickname_at(tokens: &[Word<'_>], names: &[bool], k: usize) -> Option<usize> {
    let before = tokens.get(k.checked_sub(1)?)?;
    if before.ends_phrase() || before.possessive() {
        return None;
    }
    let at = |j: usize| tokens.get(j).filter(|t| t.sentence == before.sentence);
    let mut j = k;
    let paren = at(j)?.text == "(";
    j += usize::from(paren);
    if !matches!(at(j)?.text, "“" | "\"" | "‘" | "'") {
        return None;
    }
    j += 1;
    let words = j;
    while j - words < 2 && at(j).is_some_and(|t| t.is_capitalised() && !t.is_all_caps()) {
        j += 1;
    }
    if j == words || !matches!(at(j)?.text, "”" | "\"" | "’" | "'") {
        return None;
    }
    j += 1;
    if paren {
        if at(j)?.text != ")" {
            return None;
        }
        j += 1;
    }
    (at(j).is_some() && names[j]).then_some(j)
}

/// The candidate without the nickname at tokens[nick.0..nick.1]: its name and key are
/// the given name and surname alone, its span still covers the nickname.
fn without_nickname(
    mut c: Candidate,
    tokens: &[Word<'_>],
    text: &str,
    (from, to): (usize, usize),
) -> Candidate {
    let words = |a: usize, b: usize| text.get(a..b).unwrap_or("").split_whitespace();
    let before = words(c.span.start, tokens[from].span.start);
    let after = words(tokens[to].span.start, c.span.end);
    c.name = before.chain(after).collect::<Vec<_>>().join(" ");
    for t in &tokens[from..to] {
        let word = t.base().to_lowercase();
        if let Some(k) = c.key.iter().position(|w| *w == word) {
            c.key.remove(k);
        }
    }
    c
}

/// Reads everything the context says about the name at tokens[first..end]; `written`
/// holds every token of the release as written.
fn with_context(
    mut c: Candidate,
    tokens: &[Word<'_>],
    bodies: &[BodyMention],
    written: &HashSet<&str>,
    first: usize,
    end: usize,
    inherited: Option<&Title>,
) -> (Candidate, Option<Title>) {
    let sentence = tokens[first].sentence;
    let prefix = titles::before(tokens, first);
    let (title, apposition) = match prefix.title.clone() {
        Some(t) => (Some(t), prefix.apposition),
        None => match titles::after(tokens, end) {
            Some(t) => (Some(t), true),
            None => (
                title_line_after(tokens, first, end).or_else(|| inherited.cloned()),
                false,
            ),
        },
    };
    let contact = contact_before(tokens, first, sentence);
    // Weak cues make a person of a full name only; a single word needs a title written
    // against it, an honorific, a speech verb or the like. A title is not enough for a
    // single word set off by a comma (a list of capitalised words reads the same:
    // "Commerce, Justice, Science") or one the release also writes in lower case (a
    // bill's name: "the School Principal Recruitment and Training Act").
    let full = c.key.len() >= 2;
    let common = !full && written.contains(c.key[0].as_str());
    let mut strong = prefix.honorific
        || (title.is_some() && (full || !(apposition || common)))
        || contact
        || speech_around(tokens, first, end, sentence)
        || (full && relative_after(tokens, end, sentence));
    if let Some(t) = &title {
        c.title = Some(t.text.clone());
        c.official = Some(t.official);
        c.states
            .extend(t.state.map(|s| Claim::new(s, StateEvidence::Title)));
    }
    // "Hon." is given to office holders; a release's contact speaks for the office.
    let honourable =
        first > 0 && (tokens[first - 1].is("Hon") || tokens[first - 1].is("Honorable"));
    if honourable || contact {
        c.official.get_or_insert(true);
    }
    if full && case_word_before(tokens, first, sentence) {
        strong = true;
        c.official.get_or_insert(false);
    }
    if age_after(tokens, end, sentence) {
        strong = true;
        c.official.get_or_insert(false);
    }
    if let Some(tag) = party_after(tokens, end, sentence) {
        strong = true;
        c.official = Some(true);
        c.title.get_or_insert_with(|| "Representative".to_string());
        c.states
            .extend(tag.state.map(|s| Claim::new(s, StateEvidence::PartyTag)));
    }
    if let Some(code) = state_possessive_before(tokens, first, sentence) {
        strong = true;
        c.official = Some(true);
        c.states.push(Claim::new(code, StateEvidence::Possessive));
    }
    if full && person_verb_after(tokens, end, sentence) {
        strong = true;
    }
    if strong {
        c.evidence = Evidence::Strong;
    }
    c.organization = organization(bodies, title.as_ref(), end, tokens);
    // People who serve a company or other private organisation are not officials.
    if c.organization.as_ref().is_some_and(|s| !s.government) {
        // (Only for organisations the rules name by their head word, see `organization`.)
        c.official = Some(false);
    }
    let plural = prefix.title.filter(|t| {
        tokens.get(first.wrapping_sub(1)).is_some_and(|h| {
            h.base().ends_with('s') && titles::head_kind(h.base()).is_some() && h.base() != t.text
        })
    });
    (c, plural)
}

/// Finds people named in the tokens (rules) and in the model's PER spans.
pub(crate) fn find(
    tokens: &[Word<'_>],
    text: &str,
    bodies: &[BodyMention],
    ner: &[NerSpan],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    // A plural title ("Sheriff Detectives A and B") carries over to the next name.
    let mut plural: Option<(usize, Title)> = None;
    let mut names: Vec<bool> = tokens.iter().map(is_name_token).collect();
    // "Deputy DA August Sage", "Deputy DA An Vo": a month or a small word that is a given
    // name, after a title and before a name.
    for k in 1..tokens.len().saturating_sub(1) {
        if WORD_GIVEN_NAMES.contains(&tokens[k].text)
            && names[k + 1]
            && tokens[k + 1].sentence == tokens[k].sentence
            && titles::before(tokens, k).title.is_some()
        {
            names[k] = true;
        }
    }
    let common = common_words(tokens);
    let written: HashSet<&str> = tokens.iter().map(|t| t.text).collect();
    while i < tokens.len() {
        let starts = i == 0
            || !names[i - 1]
            || tokens[i - 1].ends_phrase()
            || tokens[i - 1].possessive()
            || tokens[i - 1].sentence != tokens[i].sentence;
        let Some((end, suffix)) = starts
            .then(|| name_at(tokens, &names, &common, i))
            .flatten()
        else {
            i += 1;
            continue;
        };
        // "Raquel “Rocky” Vance", "Gregory (“Dougie”) Amberly": a nickname in quotation
        // marks between the given name and the surname.
        let nickname = suffix
            .is_none()
            .then(|| nickname_at(tokens, &names, end))
            .flatten()
            .and_then(|after| name_at(tokens, &names, &common, after).map(|n| (after, n)));
        let (end, suffix, nickname) = match nickname {
            Some((after, (last, suffix))) => (last, suffix, Some((end, after))),
            None => (end, suffix, None),
        };
        if continues_proper_name(tokens, end) {
            i = end;
            continue;
        }
        // "Secretary of Labor Greta Haldane": the first word completes the title.
        if i >= 2
            && end - usize::from(suffix.is_some()) - i >= 3
            && matches!(tokens[i - 1].text, "of" | "for")
            && tokens[i - 2].is_capitalised()
            && titles::head_kind(tokens[i - 2].base()).is_some()
        {
            i += 1;
        }
        // The words the model reads as an organisation or a place ("General Electric",
        // "Capitol Hill Napolitano") are no part of a person's name.
        let Some((first, stop)) = outside_other_model_spans(tokens, ner, i, end) else {
            i = end;
            continue;
        };
        let suffix = suffix.filter(|&s| s < stop);
        let inherited = plural
            .as_ref()
            .filter(|(e, _)| {
                *e < first
                    && first - *e <= 2
                    && tokens[*e..first]
                        .iter()
                        .all(|t| matches!(t.text, "," | "and"))
            })
            .map(|(_, t)| t);
        let inside_agency = |c: &Candidate| {
            bodies
                .iter()
                .any(|b| b.kind == agencies::BodyKind::Agency && b.span.contains(c.span))
        };
        if let Some(c) = candidate(
            tokens,
            text,
            first,
            stop,
            suffix,
            Origin::Rule,
            Evidence::Bare,
        ) {
            let c = match nickname.filter(|&(a, b)| a > first && b < stop) {
                Some(nick) => without_nickname(c, tokens, text, nick),
                None => c,
            };
            let (mut c, carried) =
                with_context(c, tokens, bodies, &written, first, stop, inherited);
            plural = carried.or_else(|| inherited.cloned()).map(|t| (stop, t));
            if !inside_agency(&c) {
                if !tokens[first].prose {
                    c.evidence = outside_prose(tokens, first, stop, &c);
                }
                if c.evidence != Evidence::Bare || tokens[first].prose {
                    out.push(c);
                }
            }
        }
        i = end;
    }
    for n in ner.iter().filter(|n| n.label == NerLabel::Person) {
        if let Some(c) = from_model(tokens, text, bodies, &written, n) {
            out.push(c);
        }
    }
    out
}

/// The name at tokens[first..end] without the words that the model's spans of other
/// kinds (an organisation, a place, another name) cover: a span reaching over the start
/// cuts the words it covers ("Capitol Hill" off "Capitol Hill Napolitano"), one running
/// on past the end cuts the words there, one holding the whole name and more drops it
/// (the "Electric" of "General Electric"). A span of the last words alone is the model's
/// error, not the rules' ("Torvald" read as a place). None when no word is left.
fn outside_other_model_spans(
    tokens: &[Word<'_>],
    ner: &[NerSpan],
    mut first: usize,
    mut end: usize,
) -> Option<(usize, usize)> {
    for n in ner.iter().filter(|n| n.label != NerLabel::Person) {
        let (start, stop) = (tokens[first].span.start, tokens[end - 1].span.end);
        if n.span.end <= start || n.span.start >= stop {
            continue;
        }
        match (n.span.start <= start, n.span.end >= stop) {
            (true, true) if n.span.start < start || n.span.end > stop => return None,
            (true, false) => {
                while first < end && tokens[first].span.start < n.span.end {
                    first += 1;
                }
            }
            (false, true) if n.span.end > stop => {
                // The name keeps its suffix ("William L. Clay, Sr. Bridge" read as a
                // place from "Sr.") and loses a comma left at its end.
                while end > first
                    && tokens[end - 1].span.end > n.span.start
                    && !is_suffix(&tokens[end - 1])
                {
                    end -= 1;
                }
                while end > first && tokens[end - 1].text == "," {
                    end -= 1;
                }
            }
            _ => {}
        }
        if first >= end {
            return None;
        }
    }
    Some((first, end))
}

/// What a name outside running prose is worth: a person of its own in a contact block
/// ("Contact: Ann Doe", a name line over a title line, "Ann Doe, Press Officer"), in a
/// list of defendants ("Ann Doe, 31, of Anaheim;") or on a line of its own with a title
/// ("District Attorney Investigator Ann Doe"); otherwise support for a title at most.
fn outside_prose(tokens: &[Word<'_>], first: usize, end: usize, c: &Candidate) -> Evidence {
    let sentence = tokens[first].sentence;
    let line_start = first == 0 || tokens[first - 1].sentence != sentence;
    let line_end = tokens.get(end).is_none_or(|t| t.sentence != sentence);
    // A line of a title and a name, after a label or not, the name's office after a
    // comma or not ("Prosecutor: Senior Deputy District Attorney Ann Doe, Homicide Unit").
    let starts_line = |k: usize| {
        k == 0
            || tokens[k - 1].sentence != sentence
            || (k >= 2
                && tokens[k - 1].text == ":"
                && (k == 2 || tokens[k - 3].sentence != sentence))
    };
    let office_after = tokens.get(end).is_some_and(|t| t.text == ",");
    let title_line = titles::before(tokens, first)
        .title
        .is_some_and(|t| starts_line(t.first) && (line_end || office_after));
    if contact_before(tokens, first, sentence)
        || title_line_after(tokens, first, end).is_some()
        || (line_start && titles::after(tokens, end).is_some())
        || age_after(tokens, end, sentence)
        || title_line
    {
        Evidence::Strong
    } else if c.title.is_some() {
        Evidence::Support
    } else {
        Evidence::Bare
    }
}

/// People of the contact block in the release header: the contact name segmentation
/// found, and the names the contact patterns find on the lines of the block (`tokens`,
/// whose sentence numbers are lines of the block, not body sentences).
pub(crate) fn contacts(tokens: &[Word<'_>], text: &str, contact: Option<Span>) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = find(tokens, text, &[], &[])
        .into_iter()
        .filter(|c| c.evidence == Evidence::Strong || contact.is_some_and(|s| s.contains(c.span)))
        .collect();
    if let Some(span) = contact {
        if !found.iter().any(|c| span.contains(c.span)) {
            let names: Vec<bool> = tokens.iter().map(is_name_token).collect();
            let first = tokens.partition_point(|t| t.span.start < span.start);
            let common = common_words(tokens);
            if let Some((end, suffix)) = name_at(tokens, &names, &common, first) {
                found.extend(candidate(
                    tokens,
                    text,
                    first,
                    end,
                    suffix,
                    Origin::Rule,
                    Evidence::Strong,
                ));
            }
        }
    }
    for c in &mut found {
        c.sentence = None;
        c.evidence = Evidence::Strong;
        // A release's contact speaks for the office.
        c.official.get_or_insert(true);
    }
    found
}

/// Titles from the headline: "District Attorney Ann Doe Announces ..." lends its title to
/// the Ann Doe of the body, but makes no person of its own.
pub(crate) fn headline_titles(tokens: &[Word<'_>], text: &str) -> Vec<Candidate> {
    find(tokens, text, &[], &[])
        .into_iter()
        .filter(|c| c.title.is_some())
        .map(|c| Candidate {
            sentence: None,
            evidence: Evidence::Support,
            ..c
        })
        .collect()
}

/// A candidate from a PER span of the model: leading titles inside the span are dropped
/// and read as the title.
fn from_model(
    tokens: &[Word<'_>],
    text: &str,
    bodies: &[BodyMention],
    written: &HashSet<&str>,
    n: &NerSpan,
) -> Option<Candidate> {
    let span = n.span;
    let first = tokens.partition_point(|t| t.span.end <= span.start);
    let end = tokens.partition_point(|t| t.span.start < span.end);
    if first >= end || !tokens[first].prose {
        return None;
    }
    let mut start = first;
    while start < end && !is_name_token(&tokens[start]) {
        start += 1;
    }
    if start >= end {
        return None;
    }
    let mut stop = end;
    while stop > start
        && (!(is_name_token(&tokens[stop - 1]) || is_suffix(&tokens[stop - 1]))
            || tokens[stop - 1].is_initial())
    {
        stop -= 1;
    }
    // The name starts after the last word inside that is no name ("La Congresista Grace
    // Ventana").
    let inside = (start..stop).rfind(|&k| !(is_name_token(&tokens[k]) || is_suffix(&tokens[k])));
    if let Some(k) = inside {
        start = k + 1;
    }
    // Every word a name, none a party tag ("D-Laredo"); not a nickname in quotation
    // marks; not a company ("Dora Penwick, LLC") nor a body named after the person
    // ("Whit Corbin Elementary").
    let words = tokens.get(start..stop)?;
    if words.is_empty()
        || words
            .iter()
            .any(|t| !(is_name_token(t) || is_suffix(t)) || is_party_tag(t))
        || quoted(tokens, start, stop)
        || company_after(tokens, stop)
        || continues_proper_name(tokens, stop)
    {
        return None;
    }
    let suffix = (stop > start + 1 && is_suffix(&tokens[stop - 1])).then_some(stop - 1);
    let name_stop = suffix.unwrap_or(stop);
    let c = candidate(
        tokens,
        text,
        start,
        name_stop,
        suffix,
        Origin::Model,
        Evidence::Bare,
    )?;
    let (mut c, _) = with_context(c, tokens, bodies, written, start, stop, None);
    // A confident full name stands on its own; anything else needs the cues or support
    // that rule names need.
    if c.key.len() >= 2 && n.score >= MODEL_ALONE {
        c.evidence = Evidence::Strong;
    }
    Some(c)
}

/// The model confidence at which a full name needs no other cue.
const MODEL_ALONE: f32 = 0.9;

fn is_suffix(t: &Word<'_>) -> bool {
    SUFFIXES.contains(&t.base())
}

fn is_party_tag(t: &Word<'_>) -> bool {
    let b = t.text.as_bytes();
    b.len() >= 3 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-'
}

/// Words between quotation marks in the same sentence ("Little Ferret").
fn quoted(tokens: &[Word<'_>], start: usize, stop: usize) -> bool {
    let open = start > 0 && matches!(tokens[start - 1].text, "“" | "\"" | "‘");
    let close = tokens
        .get(stop)
        .is_some_and(|t| matches!(t.text, "”" | "\"" | "’" | ","))
        && tokens
            .get(stop + 1)
            .is_some_and(|t| matches!(t.text, "”" | "\"" | "’"))
        || tokens
            .get(stop)
            .is_some_and(|t| matches!(t.text, "”" | "\"" | "’"));
    open && close
}

/// ", LLC" or "Inc." right after the words.
fn company_after(tokens: &[Word<'_>], stop: usize) -> bool {
    let next = |k: usize| tokens.get(k).map(|t| t.base());
    let comma = next(stop) == Some(",");
    let k = if comma { stop + 1 } else { stop };
    next(k).is_some_and(|w| matches!(w, "LLC" | "Inc" | "Corp" | "Co" | "Ltd" | "LLP" | "PC"))
}

#[cfg(test)]
mod tests;
