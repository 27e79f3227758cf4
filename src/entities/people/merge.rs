//! Candidates merged into the people of one release, under the fullest name the release
//! uses.

use std::collections::HashSet;

use super::super::entity::Origin;
use super::super::state_of::{self, Claim};
use super::super::text::Word;
use super::candidate::{Candidate, Evidence};
use super::context::is_name_token;
use crate::doc::Span;
use crate::lexicon::names::{is_known_given_name, is_surname_part};
use crate::lexicon::states::StateCode;
use crate::lexicon::verbs::SUBJECT_VERBS;

/// A person of one release: all candidates that name them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Person {
    /// The fullest name.
    pub name: String,
    /// The key of the person's identifier: first and last name and suffix, lower case
    /// ("Tom J. Lark" and "Tom Lark" are one person, "Tom Lark" and "Ann Lark" two).
    pub key: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Public role.
    pub official: bool,
    /// The states read with the person's names, in the order of the names.
    pub states: Vec<Claim>,
    /// Office served.
    pub organization: Option<String>,
    /// Mentions: span, sentence, origin.
    pub mentions: Vec<(Span, Option<usize>, Origin)>,
}

impl Person {
    /// The person's state, decided from the states read with the names and `more` (the
    /// release's home states, when they count).
    pub(crate) fn state(&self, more: impl IntoIterator<Item = Claim>) -> Option<StateCode> {
        state_of::decide(self.states.iter().copied().chain(more).map(Some))
    }
}

struct Group {
    key: Vec<String>,
    suffix: Option<String>,
    members: Vec<Candidate>,
    /// Candidates outside prose that only lend their title.
    support: Vec<Candidate>,
}

impl Group {
    fn last(&self) -> &str {
        self.key.last().map_or("", String::as_str)
    }

    fn first(&self) -> &str {
        self.key.first().map_or("", String::as_str)
    }
}

/// Merges candidates into people: full names first, then single names ("Ashcroft") into
/// the full name with that surname, then further uses of known surnames in the text.
pub(crate) fn merge(mut candidates: Vec<Candidate>, tokens: &[Word<'_>]) -> Vec<Person> {
    candidates.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut groups: Vec<Group> = Vec::new();
    let (support, candidates): (Vec<Candidate>, Vec<Candidate>) = candidates
        .into_iter()
        .partition(|c| c.evidence == Evidence::Support);
    let (multi, single): (Vec<Candidate>, Vec<Candidate>) =
        candidates.into_iter().partition(|c| c.key.len() >= 2);
    let (strong_multi, bare_multi): (Vec<Candidate>, Vec<Candidate>) = multi
        .into_iter()
        .partition(|c| c.evidence == Evidence::Strong);
    for c in strong_multi {
        add_full(&mut groups, c);
    }
    let names: Vec<bool> = tokens.iter().map(is_name_token).collect();
    // Words used alone as the subject of a verb somewhere in the prose ("Davos was
    // freed"): not after a capitalised word or an article.
    let standalone: HashSet<String> = (0..tokens.len())
        .filter(|&k| {
            let t = &tokens[k];
            let prev = k
                .checked_sub(1)
                .map(|p| &tokens[p])
                .filter(|p| p.sentence == t.sentence && !p.ends_phrase());
            t.prose
                && names[k]
                && !t.possessive()
                && !t.dot
                && !prev.is_some_and(|p| p.is_capitalised() || matches!(p.text, "the" | "a" | "an"))
                && tokens
                    .get(k + 1)
                    .is_some_and(|n| n.sentence == t.sentence && SUBJECT_VERBS.contains(n.text))
        })
        .map(|k| tokens[k].base().to_lowercase())
        .collect();
    for c in bare_multi {
        let known = groups
            .iter()
            .any(|g| g.last() == c.key[c.key.len() - 1] && g.first() == c.key[0]);
        if known
            || single
                .iter()
                .any(|s| s.evidence == Evidence::Strong && s.key[0] == c.key[c.key.len() - 1])
            || standalone.contains(&c.key[c.key.len() - 1])
        {
            add_full(&mut groups, c);
        }
    }
    fold_shorter_forms(&mut groups);
    for c in single {
        // A single word inside a full name at the same place is part of that name
        // ("Wm" of "Wm. Ann Doe" read apart by the model).
        if let Some(g) = groups
            .iter_mut()
            .find(|g| g.members.iter().any(|m| m.span.contains(c.span)))
        {
            g.members.push(c);
            continue;
        }
        let word = c.key[0].clone();
        // The surname, else one part of a double-barrelled surname ("Quinn" of
        // "Tessa Marlow-Quinn") when no full name ends in the word itself.
        let exact = groups.iter().any(|g| g.key.len() >= 2 && g.last() == word);
        let target = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| {
                g.key.len() >= 2 && (g.last() == word || !exact && is_surname_part(g.last(), &word))
            })
            .min_by_key(|(_, g)| {
                // The nearest full name before the mention, else the first after.
                let before = g
                    .members
                    .iter()
                    .filter(|m| m.span.start <= c.span.start)
                    .map(|m| c.span.start - m.span.start)
                    .min();
                before.unwrap_or(usize::MAX / 2 + g.members[0].span.start)
            })
            .map(|(k, _)| k);
        match target {
            Some(k) => groups[k].members.push(c),
            None if c.evidence == Evidence::Strong => {
                if let Some(g) = groups.iter_mut().find(|g| g.key == [word.clone()]) {
                    g.members.push(c);
                } else {
                    groups.push(Group {
                        key: vec![word],
                        suffix: None,
                        members: vec![c],
                        support: Vec::new(),
                    });
                }
            }
            None => {}
        }
    }
    // Titles from headlines and menus, for people the release names elsewhere.
    for c in support {
        let last = &c.key[c.key.len() - 1];
        let first = &c.key[0];
        let group = groups.iter_mut().find(|g| {
            g.last() == last && (c.key.len() == 1 || g.key.len() == 1 || g.first() == first)
        });
        if let Some(g) = group {
            g.support.push(c);
        }
    }
    groups
        .into_iter()
        .map(|g| person(g, tokens, &names))
        .collect()
}

/// Moves each full name that is a shorter form of exactly one other, fuller name (see
/// [`shorter_form`]) with the same suffix into that name's group: one person, written
/// once in full and elsewhere shorter. A shorter form that fits two fuller names
/// ("Ann Doe" of "Ann Lee Doe" and "Ann Doe-Park") names neither for sure and stays.
fn fold_shorter_forms(groups: &mut Vec<Group>) {
    let mut k = 0;
    while k < groups.len() {
        let fits: Vec<usize> = (0..groups.len())
            .filter(|&j| {
                j != k
                    && groups[j].suffix == groups[k].suffix
                    && shorter_form(&groups[k].key, &groups[j].key)
            })
            .collect();
        match fits.as_slice() {
            [j] => {
                let short = groups.remove(k);
                let j = if *j > k { j - 1 } else { *j };
                groups[j].members.extend(short.members);
                groups[j].support.extend(short.support);
                k = 0;
            }
            _ => k += 1,
        }
    }
}

/// True when the name words `short` (two or more) are `full` written shorter: its leading
/// given names dropped ("Quarry Fenn" of "William Quarry Fenn", "Ilse Marlow" of "Walter Ilse
/// Marlow"; each dropped word a given name of the language data, so that a headline word
/// glued to a name is no fuller form of it), or the same given name with one part of a
/// double-barrelled surname ("Tessa Quinn" of "Tessa Marlow-Quinn"). Middle names dropped
/// with the given name kept ("Tessa Marlow") share first and last word and are merged
/// as they are read.
fn shorter_form(short: &[String], full: &[String]) -> bool {
    let (Some(last), Some(full_last)) = (short.last(), full.last()) else {
        return false;
    };
    if short.len() < 2 {
        return false;
    }
    if short.len() < full.len() && full.ends_with(short) {
        let dropped = &full[..full.len() - short.len()];
        return dropped.iter().all(|w| is_known_given_name(w));
    }
    short[0] == full[0] && last != full_last && is_surname_part(full_last, last)
}

fn add_full(groups: &mut Vec<Group>, c: Candidate) {
    let (first, last) = (c.key[0].clone(), c.key[c.key.len() - 1].clone());
    // The same words at the same place are the same person even when one reading has a
    // suffix ("Ronald Pettibone" from the model, "Ronald Pettibone, Jr." from the rules).
    let same_place = |g: &Group| g.members.iter().any(|m| m.span.start == c.span.start);
    if let Some(g) = groups
        .iter_mut()
        .find(|g| g.first() == first && g.last() == last && (g.suffix == c.suffix || same_place(g)))
    {
        if c.key.len() > g.key.len() {
            g.key = c.key.clone();
        }
        g.members.push(c);
    } else {
        groups.push(Group {
            key: c.key.clone(),
            suffix: c.suffix.clone(),
            members: vec![c],
            support: Vec::new(),
        });
    }
}

fn person(g: Group, tokens: &[Word<'_>], names: &[bool]) -> Person {
    let best = g
        .members
        .iter()
        .max_by_key(|m| {
            (
                m.key.len(),
                m.suffix.is_some(),
                m.name.len(),
                std::cmp::Reverse(m.span.start),
            )
        })
        .map(|m| m.name.clone())
        .unwrap_or_default();
    let with_support = || g.members.iter().chain(&g.support);
    let official = with_support().any(|m| m.official == Some(true));
    let title = with_support()
        .filter(|m| m.official == Some(official) || !official)
        .find_map(|m| m.title.clone());
    let states = with_support()
        .flat_map(|m| m.states.iter().copied())
        .collect();
    let organization = with_support().find_map(|m| m.organization.as_ref().map(|s| s.name.clone()));
    let mut mentions: Vec<(Span, Option<usize>, Origin)> = g
        .members
        .iter()
        .map(|m| (m.span, m.sentence, m.origin))
        .collect();
    // Further uses of the surname alone (rule mentions), unless a different full name.
    if g.key.len() >= 2 && g.suffix.is_none() {
        let last = g.last();
        for (k, t) in tokens.iter().enumerate() {
            if t.prose
                && names[k]
                && t.base().len() == last.len()
                && t.base()
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(last.chars())
                && !mentions
                    .iter()
                    .any(|(s, _, _)| s.contains(t.span) || t.span.contains(*s))
                && !(k > 0
                    && tokens[k - 1].sentence == t.sentence
                    && names[k - 1]
                    && !tokens[k - 1].ends_phrase())
            {
                let span = Span::new(t.span.start, t.span.start + t.base().len());
                mentions.push((span, Some(t.sentence), Origin::Rule));
            }
        }
    }
    mentions.sort_by_key(|m| m.0);
    mentions.dedup_by_key(|m| m.0);
    let mut key = match g.key.as_slice() {
        [first, .., last] => format!("{first} {last}"),
        _ => g.key.join(" "),
    };
    if let Some(suffix) = &g.suffix {
        key = format!("{key} {}", suffix.to_lowercase());
    }
    Person {
        key,
        name: best,
        title,
        official,
        states,
        organization,
        mentions,
    }
}
