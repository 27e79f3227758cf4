//! The words of a name and around it that make it a person: name words, an age, a speech
//! or person verb, a relative clause, a party tag, a state possessive, a contact label, a
//! title line, the body the person serves.

use super::super::agencies::{self, BodyMention};
use super::super::entity::Origin;
use super::super::states;
use super::super::text::Word;
use super::super::titles::{self, Title};
use super::candidate::{PartyTag, Served};
use crate::lexicon::class;
use crate::lexicon::states::StateCode;
use crate::lexicon::verbs::{marks_person, PERSON_PARTICIPLES, PERSON_VERBS};

pub(super) fn same_sentence<'a>(
    tokens: &'a [Word<'a>],
    k: usize,
    sentence: usize,
) -> Option<&'a Word<'a>> {
    tokens.get(k).filter(|t| t.sentence == sentence)
}

/// ", 41," or "(41)" after a name: an age, as given for defendants and victims.
pub(super) fn age_after(tokens: &[Word<'_>], end: usize, sentence: usize) -> bool {
    let is_age = |k: usize| {
        same_sentence(tokens, k, sentence).is_some_and(|t| {
            (1..=3).contains(&t.text.len()) && t.text.chars().all(|c| c.is_ascii_digit())
        })
    };
    let at = |k: usize, s: &str| same_sentence(tokens, k, sentence).is_some_and(|t| t.text == s);
    (at(end, ",")
        && is_age(end + 1)
        && (tokens
            .get(end + 2)
            .is_none_or(|t| t.sentence != sentence || matches!(t.text, "," | ";" | ")"))
            || tokens[end + 1].dot))
        || (at(end, "(") && is_age(end + 1) && at(end + 2, ")"))
}

pub(super) fn speech_around(
    tokens: &[Word<'_>],
    first: usize,
    end: usize,
    sentence: usize,
) -> bool {
    let after = same_sentence(tokens, end, sentence).is_some_and(|t| marks_person(t.text));
    let before = first > 0
        && same_sentence(tokens, first - 1, sentence)
            .is_some_and(|t| marks_person(t.text) && !t.ends_phrase());
    after || before
}

pub(super) fn person_verb_after(tokens: &[Word<'_>], end: usize, sentence: usize) -> bool {
    let Some(t) = same_sentence(tokens, end, sentence) else {
        return false;
    };
    if PERSON_VERBS.contains(&t.text) {
        return true;
    }
    if matches!(t.text, "was" | "is" | "has" | "had" | "will") {
        let mut k = end + 1;
        while same_sentence(tokens, k, sentence)
            .is_some_and(|t| matches!(t.text, "been" | "be" | "later" | "also" | "previously"))
        {
            k += 1;
        }
        return same_sentence(tokens, k, sentence)
            .is_some_and(|t| PERSON_PARTICIPLES.contains(&t.text));
    }
    false
}

/// ", who" or ", whose" after a name.
pub(super) fn relative_after(tokens: &[Word<'_>], end: usize, sentence: usize) -> bool {
    same_sentence(tokens, end, sentence).is_some_and(|t| t.text == ",")
        && same_sentence(tokens, end + 1, sentence)
            .is_some_and(|t| matches!(t.text, "who" | "whose"))
}

/// "(D-CA)", "(R-Glenbeulah)" or a district tag "(CA-32)" after a name: a member of
/// Congress.
pub(super) fn party_after(tokens: &[Word<'_>], end: usize, sentence: usize) -> Option<PartyTag> {
    let open = same_sentence(tokens, end, sentence)?;
    let tag = same_sentence(tokens, end + 1, sentence)?;
    if open.text != "(" {
        return None;
    }
    let b = tag.text.as_bytes();
    if b.len() >= 3 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' {
        return Some(PartyTag {
            state: states::party_tag_code(tag),
        });
    }
    // "Ann Doe (CA-32)": a district tag.
    states::district_tag_at(tokens, end).map(|(_, code)| PartyTag { state: Some(code) })
}

/// A state possessive right before the name: "Nebraska’s Kit Hollis".
pub(super) fn state_possessive_before(
    tokens: &[Word<'_>],
    first: usize,
    sentence: usize,
) -> Option<StateCode> {
    let p = same_sentence(tokens, first.checked_sub(1)?, sentence)?;
    if !p.possessive() {
        return None;
    }
    states::code_for_name(p.base()).or_else(|| {
        let p2 = same_sentence(tokens, first.checked_sub(2)?, sentence)?;
        states::code_for_name(&format!("{} {}", p2.text, p.base()))
    })
}

/// "Contact: Name" or "Contact Name".
pub(super) fn contact_before(tokens: &[Word<'_>], first: usize, sentence: usize) -> bool {
    let at = |k: Option<usize>| k.and_then(|k| same_sentence(tokens, k, sentence));
    let p1 = at(first.checked_sub(1));
    let p2 = at(first.checked_sub(2));
    let is_contact = |t: &Word<'_>| t.is("contact") || t.is("contacts");
    p1.is_some_and(is_contact) || (p1.is_some_and(|t| t.text == ":") && p2.is_some_and(is_contact))
}

/// The whole sentence is the name and the next sentence is a title (a contact block
/// written one item per line).
pub(super) fn title_line_after(tokens: &[Word<'_>], first: usize, end: usize) -> Option<Title> {
    let sentence = tokens[first].sentence;
    if first > 0 && tokens[first - 1].sentence == sentence {
        return None;
    }
    if tokens.get(end).is_some_and(|t| t.sentence == sentence) {
        return None;
    }
    let next_start = end;
    let next_sentence = tokens.get(next_start)?.sentence;
    // Sentence indices never decrease, so the next sentence ends where they pass it.
    let next_end = tokens.partition_point(|t| t.sentence <= next_sentence);
    titles::whole_title(&tokens[next_start..next_end])
}

/// The agency a person serves, when written right before the title ("Chicago Police
/// Department Superintendent Ann Doe") or after the name ("Ann Doe of the Fraud Bureau").
pub(super) fn organization(
    bodies: &[BodyMention],
    title: Option<&Title>,
    end: usize,
    tokens: &[Word<'_>],
) -> Option<Served> {
    // The model's organisations without a head word are not sure enough to make a person
    // private: they count as government bodies here.
    let named = |b: &BodyMention| {
        let private = b.kind == agencies::BodyKind::Organization && b.origin == Origin::Rule;
        Served {
            name: b.name.clone(),
            government: !private,
        }
    };
    if let Some(t) = title {
        if let Some(b) = bodies.iter().find(|b| b.end == t.first) {
            return Some(named(b));
        }
    }
    let mut k = end;
    if tokens.get(k).is_some_and(|t| t.text == ",") {
        k += 1;
    }
    if tokens.get(k).is_none_or(|t| t.text != "of") {
        return None;
    }
    k += 1;
    if tokens.get(k).is_some_and(|t| t.is("the")) {
        k += 1;
    }
    bodies.iter().find(|b| b.first == k).map(named)
}

/// True for a word that may be part of a person's name.
pub(super) fn is_name_token(t: &Word<'_>) -> bool {
    let base = t.base();
    if t.is_initial() {
        return true;
    }
    let not_name = class::STOP
        | class::TITLE
        | class::HEAD
        | class::WEAK_HEAD
        | class::ORG_HEAD
        | class::PLACE
        | class::STATE
        | class::SUFFIX
        | class::VERB
        | class::GROUP;
    // "I’ve", "We’re": contractions, not names ("O’Dell" has a capital after the mark).
    let contraction = base
        .split(['\'', '’'])
        .skip(1)
        .any(|rest| rest.chars().next().is_some_and(char::is_lowercase));
    // "ComplexCongressman": two words run together, the second a title (text scraped
    // from a page layout), not a name ("McTallis", "DeFenn").
    let glued_title = base
        .char_indices()
        .skip(1)
        .filter(|&(k, c)| c.is_uppercase() && base[..k].ends_with(char::is_lowercase))
        .any(|(k, _)| titles::is_title_word(&base[k..]));
    // "Defendant Ann Doe" opening a sentence, "Thirty-eight-year-old Ann Doe".
    let lower = base.to_lowercase();
    let role_or_age = titles::is_lower_role(&lower) || lower.ends_with("-old");
    t.is_capitalised()
        && !contraction
        && !glued_title
        && !role_or_age
        && !t.has(not_name)
        && base.chars().any(char::is_lowercase)
        && base
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && (!base.contains('-')
            || !base.split('-').any(|part| {
                titles::is_title_word(part)
                    || agencies::is_head(part)
                    || agencies::is_org_head(part)
            }))
}
