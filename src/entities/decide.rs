//! The rules propose, a decider decides: the candidates of one release with what the
//! readers found around them ([`Candidates`]), and the [`EntityDecider`] trait that turns
//! them into the release's entities, with today's rules as its first implementation
//! ([`RuleDecider`]).
//!
//! The readers ([`super::states`], [`super::agencies`], [`super::people`]) find candidate
//! spans in the text and the model's spans and read their features: a person candidate's
//! title, role, office, state claims and how strong the cues are; a body's kind and
//! acronym; a state's code. A decider takes them all and says which candidates are
//! entities, of which kind, under which name, and with which title, state and
//! organisation. A learned decider (trained on the press-release spans of
//! `Release::press`) can take the same candidates beside the
//! rules without touching the readers or the writers.

use super::agencies::{self, BodyMention};
use super::bodies::body_entities;
use super::entity::{mention_of, Entity, EntityId, EntityType, Mention, Origin};
use super::people::{self, Candidate};
use super::state_of::Claim;
use super::states::{self, StateMention};
use super::text::Word;
use crate::doc::{NerLabel, Release, Span};
use crate::lexicon::states::StateCode;
use crate::lexicon::titles::STATE_OFFICE_TITLES;

/// Everything the readers found in one release, before any decision.
pub struct Candidates<'r> {
    /// The release.
    pub(crate) release: &'r Release,
    /// Its body sentences as word tokens.
    pub(crate) tokens: Vec<Word<'r>>,
    /// The states the gazetteer found (names, AP forms, codes in context).
    pub(crate) states: Vec<StateMention>,
    /// Bodies: the rules' named bodies, the model's ORG spans the rules did not find
    /// (classified as agency or organisation), the offices of the contact block.
    pub(crate) bodies: Vec<BodyMention>,
    /// People: the rules' names, the model's PER spans, the contact block's names and the
    /// headline's titles, each with what its context says.
    pub(crate) people: Vec<Candidate>,
    /// The release's home states: the state of its dateline, one its issuer names.
    pub(crate) home: Vec<Claim>,
}

/// Turns the candidates of one release into its entities.
pub trait EntityDecider: Sync {
    /// The entities of the release the candidates were read from, each with its mentions
    /// in text order, ordered by their first mention.
    fn decide(&self, candidates: Candidates<'_>) -> Vec<Entity>;
}

/// Today's rules: people merged under their fullest name (bare names kept only when the
/// release supports them), model organisations that are people dropped, bodies grouped
/// under one name, every state mention a state, the model's other places kept as places.
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleDecider;

impl EntityDecider for RuleDecider {
    fn decide(&self, c: Candidates<'_>) -> Vec<Entity> {
        let Candidates {
            release,
            tokens,
            states: mut state_mentions,
            mut bodies,
            people,
            home,
        } = c;
        let mut entities: Vec<Entity> = people::merge(people, &tokens)
            .into_iter()
            .map(|p| person_entity(p, &home))
            .collect();
        // The model's organisations that are the rules' people are people.
        let person_spans: Vec<Span> = entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| m.span))
            .collect();
        // A district tag after a person's name ("(CA-32)") is a mention of its state.
        for m in states::district_tags_after(&tokens, &person_spans) {
            if !state_mentions.iter().any(|s| s.span == m.span) {
                state_mentions.push(m);
            }
        }
        state_mentions.sort_by_key(|m| m.span);
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
}

/// True for the title of an office that belongs to one state ("Secretary of State",
/// "District Attorney"; not a "U.S." one).
fn is_state_office(title: &str) -> bool {
    let title = title.replace('’', "'").to_lowercase();
    !title.starts_with("u.s.") && STATE_OFFICE_TITLES.iter().any(|o| title.ends_with(o))
}

/// The entity of a person; `home` are the release's home states, which an official of a
/// state office with no state of its own takes ("Jefferson City, Mo. — Secretary of State
/// Dana Whitcomb" is Missouri's).
fn person_entity(p: people::Person, home: &[Claim]) -> Entity {
    let counts = p.official && p.title.as_deref().is_some_and(is_state_office);
    let state = p.state(home.iter().copied().filter(|_| counts));
    Entity {
        id: EntityId::of(EntityType::Person, &p.key),
        kind: EntityType::Person,
        official: Some(p.official),
        title: p.title,
        organization: p.organization,
        state,
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

/// One state entity per code, with every mention of it.
fn state_entities(state_mentions: &[StateMention], tokens: &[Word<'_>]) -> Vec<Entity> {
    let mut by_code: Vec<(StateCode, Vec<Mention>)> = Vec::new();
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
            id: EntityId::of(EntityType::State, code.as_str()),
            kind: EntityType::State,
            name: code.name().to_string(),
            official: None,
            title: None,
            organization: None,
            state: Some(code),
            acronym: None,
            mentions,
        })
        .collect()
}

/// Places from the model's LOC spans that are not states, nor inside a name already
/// taken (`taken`: the spans of every other entity's mentions).
fn location_entities(release: &Release, tokens: &[Word<'_>], taken: &[Span]) -> Vec<Entity> {
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
        let span = Span::new(
            tokens[first].span.start,
            last.span.start + last.base().len(),
        );
        if taken
            .iter()
            .any(|s| s.start < span.end && span.start < s.end)
        {
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
                id: EntityId::of(EntityType::Location, &name),
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
