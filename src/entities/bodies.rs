//! Government bodies and organisations of one release: the named bodies of the rules and
//! the model grouped under one key, with their acronyms and the acronyms written alone.

use std::collections::HashMap;

use super::agencies::{self, BodyKind, BodyMention};
use super::entity::{mention_of, Entity, EntityId, EntityType, Mention, Origin};
use super::state_of::{self, Claim, Evidence as StateEvidence};
use super::states;
use super::text::Word;
use crate::doc::{NerLabel, PressLabel, PressSpan, Release, Span};
use crate::lexicon::organisations::known_acronym;
use crate::lexicon::{is_acronym, strip_possessive};

/// Lower case, straight apostrophes, no leading "the", single spaces: the key under which
/// two written names of a body are the same name.
fn body_key(name: &str) -> String {
    let lower = name.replace('’', "'").to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// One body of a release with all the names it is written under.
struct BodyGroup {
    key: String,
    name: String,
    kind: BodyKind,
    acronym: Option<String>,
    mentions: Vec<Mention>,
}

impl BodyGroup {
    fn words(&self) -> Vec<&str> {
        self.key.split(' ').collect()
    }
}

/// True when `short` is a proper prefix or suffix of `long`, word by word.
fn affix_of(short: &[&str], long: &[&str]) -> bool {
    short.len() >= 2
        && short.len() < long.len()
        && (long.starts_with(short) || long.ends_with(short))
}

pub(super) fn body_entities(
    release: &Release,
    tokens: &[Word<'_>],
    bodies: Vec<BodyMention>,
    state_mentions: &[states::StateMention],
) -> Vec<Entity> {
    let mut groups: Vec<BodyGroup> = Vec::new();
    let mut add = |groups: &mut Vec<BodyGroup>,
                   name: &str,
                   kind,
                   acronym: Option<String>,
                   m: Option<Mention>| {
        let key = body_key(name);
        let k = match groups.iter().position(|g| g.key == key) {
            Some(k) => k,
            None => {
                groups.push(BodyGroup {
                    key,
                    name: name.to_string(),
                    kind,
                    acronym: None,
                    mentions: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let g = &mut groups[k];
        if g.acronym.is_none() {
            g.acronym = acronym;
        }
        g.mentions.extend(m);
    };
    for b in &bodies {
        let m = mention_of(tokens, b.span, b.origin);
        add(&mut groups, &b.name, b.kind, b.acronym.clone(), Some(m));
    }
    // The issuing office, when the release writes its name (segmentation may infer it
    // from the site, under a name the release never uses).
    if let Some(issuer) = release.header.issuer.as_deref().map(str::trim) {
        let written = release
            .text
            .get(release.span.range())
            .is_some_and(|t| body_key(t).contains(&body_key(issuer)));
        if !issuer.is_empty() && written {
            add(&mut groups, issuer, BodyKind::Agency, None, None);
        }
    }
    // Shorter names that begin or end a longer one of the same kind name the same body
    // ("District Attorney’s Office" after "Brooklyn District Attorney’s Office").
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&k| groups[k].key.split(' ').count());
    let mut merged_into: HashMap<usize, usize> = HashMap::new();
    for &k in &order {
        let target = (0..groups.len()).find(|&j| {
            j != k
                && !merged_into.contains_key(&j)
                && groups[j].kind == groups[k].kind
                && affix_of(&groups[k].words(), &groups[j].words())
        });
        if let Some(j) = target {
            merged_into.insert(k, j);
            let moved = std::mem::take(&mut groups[k].mentions);
            let acronym = groups[k].acronym.take();
            groups[j].mentions.extend(moved);
            if groups[j].acronym.is_none() {
                groups[j].acronym = acronym;
            }
        }
    }
    let mut groups: Vec<BodyGroup> = groups
        .into_iter()
        .enumerate()
        .filter(|(k, _)| !merged_into.contains_key(k))
        .map(|(_, g)| g)
        .collect();
    acronym_mentions(tokens, &bodies, state_mentions, &mut groups, &mut add);
    groups
        .into_iter()
        .map(|mut g| {
            g.mentions.sort_by_key(|m| m.span);
            g.mentions.dedup_by_key(|m| m.span);
            let in_name = state_mentions
                .iter()
                .find(|s| g.mentions.iter().any(|m| m.span.contains(s.span)))
                .map(|s| Claim::new(s.code, StateEvidence::MentionInName));
            let name_word = g
                .name
                .split_whitespace()
                .find_map(|w| states::code_for_name(strip_possessive(w)))
                .map(|code| Claim::new(code, StateEvidence::NameWord));
            let state = state_of::decide([in_name, name_word]);
            let kind = match g.kind {
                BodyKind::Agency => EntityType::Agency,
                BodyKind::Organization => EntityType::Organization,
            };
            Entity {
                id: EntityId::of(kind, &g.key),
                kind,
                name: g.name,
                official: None,
                title: None,
                organization: None,
                state,
                acronym: g.acronym,
                mentions: g.mentions,
            }
        })
        .collect()
}

type AddBody<'f> =
    dyn FnMut(&mut Vec<BodyGroup>, &str, BodyKind, Option<String>, Option<Mention>) + 'f;

/// Acronyms written alone: a body's acronym given in parentheses, the initials of a body
/// named in the release, or a well-known federal acronym.
fn acronym_mentions(
    tokens: &[Word<'_>],
    bodies: &[BodyMention],
    state_mentions: &[states::StateMention],
    groups: &mut Vec<BodyGroup>,
    add: &mut AddBody<'_>,
) {
    for t in tokens {
        if !t.prose || !t.is_all_caps() || !is_acronym(t.text) {
            continue;
        }
        if bodies.iter().any(|b| b.span.contains(t.span))
            || state_mentions.iter().any(|s| s.span.contains(t.span))
        {
            continue;
        }
        let acronym = t.base();
        let span = Span::new(t.span.start, t.span.start + acronym.len());
        let m = Mention {
            span,
            sentence: Some(t.sentence),
            origin: Origin::Rule,
        };
        let by_acronym = groups.iter().position(|g| {
            g.acronym.as_deref() == Some(acronym)
                || (acronym.len() >= 3 && g.kind == BodyKind::Agency && {
                    // "SAO" for "Miami-Dade State Attorney’s Office": a place may lead.
                    let initials = agencies::initials(&g.name);
                    initials.ends_with(acronym) && initials.len() <= acronym.len() + 2
                })
        });
        if let Some(k) = by_acronym {
            groups[k].mentions.push(m);
            groups[k].acronym.get_or_insert_with(|| acronym.to_string());
        } else if let Some(full) = known_acronym(acronym) {
            add(
                groups,
                full,
                BodyKind::Agency,
                Some(acronym.to_string()),
                Some(m),
            );
        } else if acronym.len() >= 3 && acronym.len() <= 5 && acronym.ends_with("PD") {
            add(
                groups,
                acronym,
                BodyKind::Agency,
                Some(acronym.to_string()),
                Some(m),
            );
        }
    }
}

/// Bodies from the model's ORG spans that the rules did not find.
pub(super) fn model_bodies(
    release: &Release,
    tokens: &[Word<'_>],
    bodies: &[BodyMention],
) -> Vec<BodyMention> {
    let mut out = Vec::new();
    for n in release
        .ner
        .iter()
        .filter(|n| n.label == NerLabel::Organization)
    {
        if bodies
            .iter()
            .any(|b| b.span.start < n.span.end && n.span.start < b.span.end)
        {
            continue;
        }
        let first = tokens.partition_point(|t| t.span.end <= n.span.start);
        let end = tokens.partition_point(|t| t.span.start < n.span.end);
        if first >= end || !tokens[first].prose {
            continue;
        }
        if let Some(b) = agencies::classify(tokens, &release.text, first, end) {
            out.push(b);
        }
    }
    out
}

/// The least confidence (mean probability of its words' tags) at which a press-head ORG
/// span overrules the head words: more likely than not.
const PRESS_ORG_MIN: f32 = 0.5;

/// Named bodies that the head words make government agencies but that the press-release
/// head reads, whole and with some confidence, as another organisation ("Maple Ridge Tax
/// Services", "Harlow Manufacturers Council"): the head was trained on releases whose gold
/// lists every government body, so a name it tags ORG over all its words is a company, a
/// charity or a club that happens to end in an agency's head word. A span over only part
/// of the name, or one the head is unsure of, changes nothing.
pub(super) fn demote_press_organisations(bodies: &mut [BodyMention], press: &[PressSpan]) {
    for b in bodies.iter_mut().filter(|b| b.kind == BodyKind::Agency) {
        let read_as_org = press.iter().any(|p| {
            p.label == PressLabel::Org && p.score >= PRESS_ORG_MIN && p.span.contains(b.span)
        });
        if read_as_org {
            b.kind = BodyKind::Organization;
        }
    }
}
