//! Speakers the entity stage did not list: each quotation's speaker becomes an entity of
//! the release, so that `quotes.csv` never names someone `entities.csv` leaves out.
//!
//! A speaker found by a cue but not among the entities ("Charles S. Beach II said", where
//! the entity rules read only "Charles") is one of three things: a shorter or longer form
//! of a person entity's name (the quote then takes that entity, or the entity takes the
//! fuller name written where its mention stands), or a person the rules missed, listed
//! now with every place the release writes the name when the model or the lexicon's given
//! names read it as a person's.

use super::names::name_key;
use super::{Method, Quote, Speaker};
use crate::doc::{NerLabel, Release, Span};
use crate::entities::{Entity, EntityId, EntityType, Mention, Origin};
use crate::lexicon::gender;
use crate::lexicon::names::is_given_name;
use crate::lexicon::titles::is_title_word;

/// Links each speaker of `quotes` that is no entity of `entities` to the person entity it
/// names, adding that entity when the release writes the name and no entity stands for
/// it. Speakers of one word and speakers the release never writes (an issuer named in a
/// file name) are linked when an entity fits and otherwise left as they are; a speaker
/// that the model read and neither it nor the lexicon reads as a person is dropped (the
/// quotation's speaker is then unknown).
pub fn adopt_speakers(release: &Release, entities: &mut Vec<Entity>, quotes: &mut [Quote]) {
    for quote in quotes.iter_mut() {
        let Some(speaker) = quote
            .speaker
            .as_mut()
            .filter(|s| s.entity_id.is_none() && s.kind == EntityType::Person)
        else {
            continue;
        };
        let key = name_key(&speaker.name);
        if key.is_empty() {
            continue;
        }
        let written = occurrences(release, &speaker.name);
        let inside = |m: &Mention| written.iter().any(|w| w.contains(m.span));
        let fits = |e: &Entity| {
            let k = name_key(&e.name);
            e.kind == EntityType::Person
                && (same_person(&k, &key)
                    || (k.len() == 1 && k.first() == key.first() && e.mentions.iter().any(inside)))
        };
        if let Some(e) = entities.iter_mut().find(|e| fits(e)) {
            // The entity read a part of the name the cue read whole: the fuller form,
            // where the entity's own mention lies inside it.
            if key.len() > name_key(&e.name).len() && e.mentions.iter().any(inside) {
                rename(release, e, &speaker.name, &written);
            }
            link(speaker, e);
            continue;
        }
        let named_otherwise = |s: &Span| {
            entities
                .iter()
                .any(|e| e.mentions.iter().any(|m| m.span.overlaps(*s)))
        };
        if written.iter().any(named_otherwise) {
            continue;
        }
        // A heading or a place read as a speaker ("Key Point: “…”") names nobody. A name
        // the release never writes came from its header or file name (the issuer).
        if !written.is_empty() && reads_as_person(release, &speaker.name, &written) == Some(false) {
            quote.speaker = None;
            quote.method = Method::None;
            quote.confidence = 0.0;
            continue;
        }
        if key.len() < 2 || written.is_empty() {
            continue;
        }
        let entity = person(release, speaker, &written);
        link(speaker, &entity);
        entities.push(entity);
    }
}

/// True when two names (lower-cased words) are one person's: the same last word, and
/// every word of the shorter in the longer ("quarry fenn" and "wm. quarry fenn").
fn same_person(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    a.last() == b.last() && short.iter().all(|w| long.contains(w))
}

/// Whether a name the entity rules did not list is a person's all the same: yes when its
/// first word is a given name of the lexicon or the NER model tags a place where it is
/// written as a person, no when the model read the release and did not. A heading
/// ("Key Point:") or a place read as a speaker is no person. `None` for a release the
/// model has not read (a run without it), where only the cue's reading of the name tells.
fn reads_as_person(release: &Release, name: &str, written: &[Span]) -> Option<bool> {
    let first = name
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches('.');
    if gender::of_given_name(first).is_some() || is_given_name(&first.to_lowercase()) {
        return Some(true);
    }
    if release.ner.is_empty() {
        return None;
    }
    Some(written.iter().any(|w| {
        release
            .ner
            .iter()
            .any(|n| n.label == NerLabel::Person && n.span.overlaps(*w))
    }))
}

/// The spans where the release writes `name`, at word boundaries.
fn occurrences(release: &Release, name: &str) -> Vec<Span> {
    let text = &release.text[release.span.range()];
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(name)
        .filter(|(i, m)| {
            boundary(text[..*i].chars().next_back()) && boundary(text[i + m.len()..].chars().next())
        })
        .map(|(i, m)| {
            let start = release.span.start + i;
            Span::new(start, start + m.len())
        })
        .collect()
}

/// Gives the entity the fuller `name`, with a mention at each place it is written.
fn rename(release: &Release, e: &mut Entity, name: &str, written: &[Span]) {
    e.name = name.to_string();
    e.id = EntityId::of(EntityType::Person, name);
    for &span in written {
        if !e.mentions.iter().any(|m| span.contains(m.span)) {
            e.mentions
                .push(rule_mention(span, release.sentence_at(span.start)));
        }
    }
    e.mentions.sort_by_key(|m| m.span.start);
}

/// A person entity for a speaker the entity rules missed.
fn person(release: &Release, speaker: &Speaker, written: &[Span]) -> Entity {
    let official = speaker
        .title
        .as_deref()
        .is_some_and(|t| t.split_whitespace().any(is_title_word));
    Entity {
        id: EntityId::of(EntityType::Person, &speaker.name),
        kind: EntityType::Person,
        name: speaker.name.clone(),
        official: Some(official),
        title: speaker.title.clone(),
        organization: None,
        state: speaker.state,
        acronym: None,
        mentions: written
            .iter()
            .map(|&s| rule_mention(s, release.sentence_at(s.start)))
            .collect(),
    }
}

fn rule_mention(span: Span, sentence: Option<usize>) -> Mention {
    Mention {
        span,
        sentence,
        origin: Origin::Rule,
    }
}

/// Makes the speaker the entity's: its canonical name, id, title and state.
fn link(speaker: &mut Speaker, e: &Entity) {
    speaker.name = e.name.clone();
    speaker.entity_id = Some(e.id.clone());
    speaker.title = speaker.title.take().or_else(|| e.title.clone());
    speaker.state = speaker.state.or(e.state);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Vec<String> {
        name_key(s)
    }

    #[test]
    fn forms_of_one_name_are_one_person() {
        assert!(same_person(&key("Wm. Quarry Fenn"), &key("Quarry Fenn")));
        assert!(!same_person(&key("Charles"), &key("Charles S. Beach II")));
        assert!(same_person(&key("Ruiz"), &key("Ana Ruiz")));
        assert!(!same_person(&key("Ana Ruiz"), &key("Ana Pike")));
        assert!(!same_person(&key("Jo Ruiz"), &key("Ana Ruiz")));
    }
}
