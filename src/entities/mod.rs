//! Entities: turns NER mentions and the text around them into people (with officials'
//! titles), US states, government agencies and other organisations and places.
//!
//! The rules read the release's sentences as word tokens ([`text`]): states come from a
//! gazetteer with context checks ([`states`]), agencies and organisations from
//! capitalised names with head words ([`agencies`]), people from names in the context of
//! titles, speech verbs and other cues ([`people`], [`titles`]). The model's PER/ORG/LOC
//! spans, when present, are candidates beside the rules' own.

mod agencies;
mod people;
mod states;
mod text;
mod titles;

use std::collections::HashMap;

use serde::Serialize;

use crate::doc::{NerLabel, Release, Span};
use agencies::{BodyKind, BodyMention};

/// The kinds of entity written to `entities.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PERSON")]
    Person,
    /// A US state, DC or territory (USPS code in `state`).
    #[serde(rename = "STATE")]
    State,
    /// A government body.
    #[serde(rename = "AGENCY")]
    Agency,
    /// An organisation that is not a government body.
    #[serde(rename = "ORG")]
    Organization,
    /// A place that is not a US state.
    #[serde(rename = "LOCATION")]
    Location,
}

impl EntityType {
    /// The name written in the `type` column.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::State => "STATE",
            EntityType::Agency => "AGENCY",
            EntityType::Organization => "ORG",
            EntityType::Location => "LOCATION",
        }
    }
}

/// Which component found a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The NER model.
    Model,
    /// A rule (gazetteer, pattern, coreference).
    Rule,
}

/// One place in the text where an entity is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Where.
    pub span: Span,
    /// Index of the sentence holding it, if it lies in the body.
    pub sentence: Option<usize>,
    /// What found it.
    pub origin: Origin,
}

/// An entity of one release, with all its mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Identifier shared by the same entity across all releases of a run.
    pub id: String,
    /// Kind of entity.
    pub kind: EntityType,
    /// Canonical name (the fullest form the release uses; titles stripped).
    pub name: String,
    /// For people: whether they act in a public role.
    pub official: Option<bool>,
    /// For people: their title ("Secretary of State").
    pub title: Option<String>,
    /// The office or agency a person serves, or the parent of an agency.
    pub organization: Option<String>,
    /// USPS code of the state the entity belongs to (or is, for states).
    pub state: Option<String>,
    /// Acronym of an agency or organisation.
    pub acronym: Option<String>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
}

/// The identifier of an entity: a short hash of its kind and normalised key, so the same
/// entity gets the same id in every release and every run without shared state.
pub fn entity_id(kind: EntityType, key: &str) -> String {
    let normalised: String = key
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let mut hasher = blake3::Hasher::new();
    hasher.update(kind.as_str().as_bytes());
    hasher.update(&[0]);
    hasher.update(normalised.as_bytes());
    format!(
        "{}-{}",
        &kind.as_str()[..1],
        &hasher.finalize().to_hex()[..12]
    )
}

/// Finds the entities of a release: people, states, agencies, other organisations and
/// places, each with its mentions in text order.
pub fn extract(release: &Release) -> Vec<Entity> {
    let text: &str = &release.text;
    let tokens = text::tokenize(release);
    let state_mentions = states::find(&tokens);
    let mut bodies = agencies::find(&tokens, text, false);
    let from_model = model_bodies(release, &tokens, &bodies);
    bodies.extend(from_model);
    let mut candidates = people::find(&tokens, text, &bodies, &release.ner);
    let contact_lines = text::tokenize_contact_block(release);
    candidates.extend(people::contacts(
        &contact_lines,
        text,
        release.header.contact_name,
    ));
    // Offices named in the contact block ("Media Relations Division"), unless the body
    // names them too.
    for b in agencies::find(&contact_lines, text, true) {
        if !bodies.iter().any(|x| x.span == b.span) {
            bodies.push(b);
        }
    }
    let headline = text::tokenize_headline(release);
    candidates.extend(people::headline_titles(&headline, text));
    let mut entities: Vec<Entity> = people::merge(candidates, &tokens)
        .into_iter()
        .map(person_entity)
        .collect();
    // The model's organisations that are the rules' people are people.
    let person_spans: Vec<Span> = entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.span))
        .collect();
    bodies.retain(|b| {
        b.origin == Origin::Rule
            || !person_spans
                .iter()
                .any(|s| s.start < b.span.end && b.span.start < s.end)
    });
    entities.extend(body_entities(release, &tokens, bodies, &state_mentions));
    entities.extend(state_entities(&state_mentions, &tokens));
    let taken: Vec<Span> = entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.span))
        .collect();
    entities.extend(location_entities(release, &tokens, &taken));
    entities.sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |m| m.span.start));
    entities
}

fn person_entity(p: people::Person) -> Entity {
    Entity {
        id: entity_id(EntityType::Person, &p.name),
        kind: EntityType::Person,
        official: Some(p.official),
        title: p.title,
        organization: p.organization,
        state: p.state.map(str::to_string),
        acronym: None,
        mentions: p
            .mentions
            .into_iter()
            .map(|(span, sentence, origin)| Mention {
                span,
                sentence,
                origin,
            })
            .collect(),
        name: p.name,
    }
}

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

/// A mention at `span`, with the body sentence holding it (none in the header).
fn mention_of(tokens: &[text::Token<'_>], span: Span, origin: Origin) -> Mention {
    let k = tokens.partition_point(|t| t.span.end <= span.start);
    Mention {
        span,
        sentence: tokens
            .get(k)
            .filter(|t| t.span.start <= span.start)
            .map(|t| t.sentence),
        origin,
    }
}

/// True when `short` is a proper prefix or suffix of `long`, word by word.
fn affix_of(short: &[&str], long: &[&str]) -> bool {
    short.len() >= 2
        && short.len() < long.len()
        && (long.starts_with(short) || long.ends_with(short))
}

fn body_entities(
    release: &Release,
    tokens: &[text::Token<'_>],
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
            let state = state_mentions
                .iter()
                .find(|s| g.mentions.iter().any(|m| m.span.contains(s.span)))
                .map(|s| s.code)
                .or_else(|| {
                    g.name
                        .split_whitespace()
                        .find_map(|w| states::code_for_name(text::strip_possessive(w)))
                });
            let kind = match g.kind {
                BodyKind::Agency => EntityType::Agency,
                BodyKind::Organization => EntityType::Organization,
            };
            Entity {
                id: entity_id(kind, &g.key),
                kind,
                name: g.name,
                official: None,
                title: None,
                organization: None,
                state: state.map(str::to_string),
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
    tokens: &[text::Token<'_>],
    bodies: &[BodyMention],
    state_mentions: &[states::StateMention],
    groups: &mut Vec<BodyGroup>,
    add: &mut AddBody<'_>,
) {
    for t in tokens {
        if !t.prose || !t.is_all_caps() || !agencies::is_acronym(t) {
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
        } else if let Some(full) = agencies::known_acronym(acronym) {
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
fn model_bodies(
    release: &Release,
    tokens: &[text::Token<'_>],
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

fn state_entities(
    state_mentions: &[states::StateMention],
    tokens: &[text::Token<'_>],
) -> Vec<Entity> {
    let mut by_code: Vec<(&'static str, Vec<Mention>)> = Vec::new();
    for s in state_mentions {
        let m = mention_of(tokens, s.span, Origin::Rule);
        match by_code.iter_mut().find(|(c, _)| *c == s.code) {
            Some((_, ms)) => ms.push(m),
            None => by_code.push((s.code, vec![m])),
        }
    }
    by_code
        .into_iter()
        .map(|(code, mentions)| Entity {
            id: entity_id(EntityType::State, code),
            kind: EntityType::State,
            name: states::name_for_code(code).unwrap_or(code).to_string(),
            official: None,
            title: None,
            organization: None,
            state: Some(code.to_string()),
            acronym: None,
            mentions,
        })
        .collect()
}

/// Places from the model's LOC spans that are not states, nor inside a name already
/// taken (`taken`: the spans of every other entity's mentions).
fn location_entities(release: &Release, tokens: &[text::Token<'_>], taken: &[Span]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for n in release.ner.iter().filter(|n| n.label == NerLabel::Location) {
        let first = tokens.partition_point(|t| t.span.end <= n.span.start);
        let end = tokens.partition_point(|t| t.span.start < n.span.end);
        if first >= end || !tokens[first].running {
            continue;
        }
        let Some((first, end)) = agencies::model_words(tokens, first, end) else {
            continue;
        };
        let last = &tokens[end - 1];
        let span = Span::new(tokens[first].span.start, last.span.start + last.base().len());
        if taken.iter().any(|s| s.start < span.end && span.start < s.end) {
            continue;
        }
        let Some(name) = release.text.get(span.range()) else {
            continue;
        };
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if states::code_for_name(&name).is_some() || name == "Washington" {
            continue;
        }
        let m = mention_of(tokens, span, Origin::Model);
        match out.iter_mut().find(|e| e.name.eq_ignore_ascii_case(&name)) {
            Some(e) => e.mentions.push(m),
            None => out.push(Entity {
                id: entity_id(EntityType::Location, &name),
                kind: EntityType::Location,
                name,
                official: None,
                title: None,
                organization: None,
                state: None,
                acronym: None,
                mentions: vec![m],
            }),
        }
    }
    out
}
