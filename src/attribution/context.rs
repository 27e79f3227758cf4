//! One release as attribution reads it: its text, tokens, name runs and entities, the
//! cue windows, and the rules' proposal for each quotation (a speaker and the other
//! candidates).

use std::cell::OnceCell;

use super::choose::{Candidate, Method, Source, Sources};
use super::names::{name_key, name_text, NameIndex};
use super::quote::Quote;
use super::speaker::{speaker_of, Speaker};
use crate::doc::{Span, Token};
use crate::entities::{Entity, EntityType};
use crate::lexicon::gender::Gender;
use crate::lexicon::names::is_person_name_shape;
use crate::lexicon::strip_possessive;
use crate::lexicon::words::Pronoun;
use crate::quotes::QuoteSpan;

/// Longest run of words read after a quotation for its cue.
pub(super) const AFTER_WINDOW: usize = 24;
/// Longest run of words read before a quotation for its cue.
pub(super) const BEFORE_WINDOW: usize = 45;
/// Most words before a name in its sentence for the name to stand in the subject's place.
pub(super) const SUBJECT_WORDS: usize = 6;
/// Most words between two quotations for the second to continue the first.
pub(super) const CONTINUATION_GAP: usize = 40;

/// A speaker mention found by a cue, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum SpeakerMention {
    /// "he", "they".
    Pronoun(Pronoun),
    /// A name, as the token range of its name words (titles stripped).
    Name((usize, usize)),
    /// An organisation's name as written ("the Chicago Police Department").
    Org((usize, usize)),
    /// A title or common noun ("the District Attorney", "the department"), lower case.
    Role(Vec<String>),
    /// The speaker of the previous quotation, whose sentence goes on ("…,” adding, “…").
    Previous,
}

/// A cue: where it is, what it names, how it was found.
#[derive(Debug, Clone)]
pub(super) struct Cue {
    pub(super) verb: Span,
    /// Who it may name, most likely first; the first that resolves is the speaker.
    pub(super) mentions: Vec<SpeakerMention>,
    pub(super) method: Method,
    pub(super) confidence: f32,
}

/// One release's text, tokens, names and entities.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: Vec<Token>,
    pub(super) names: NameIndex,
    pub(super) entities: &'a [Entity],
    /// The person the release is about, found once when first needed.
    pub(super) main_person: OnceCell<Option<Speaker>>,
    /// The gender of each entity (by index), found once when a pronoun first needs it.
    pub(super) genders: OnceCell<Vec<Option<Gender>>>,
}

impl Ctx<'_> {
    /// What the cue rules say of a quotation, and whether its cue names a pronoun.
    pub(super) fn rule(
        &self,
        q: &QuoteSpan,
        prev_end: usize,
        next_start: usize,
        prev_quote: Option<&Quote>,
        previous: Option<&Speaker>,
    ) -> (Quote, bool) {
        if let Some(quote) = self.transcript(q) {
            return (quote, false);
        }
        // A quotation that ends its sentence after "X asserted that “…”" is X's, whatever
        // the next sentence says; otherwise the words after a quotation come first.
        let before = self.cue_before(q, prev_end);
        let same_sentence = before.as_ref().is_some_and(|c| {
            matches!(c.method, Method::Before | Method::Statement) && !c.mentions.is_empty()
        });
        let cue = if same_sentence && self.ends_with_sentence(q) {
            before
        } else {
            self.cue_after(q, next_start).or(before)
        };
        let Some(cue) = cue else {
            return (self.without_cue(q, prev_end, prev_quote, previous), false);
        };
        let pronoun_cue = matches!(cue.mentions.first(), Some(SpeakerMention::Pronoun(_)));
        let speaker = cue
            .mentions
            .iter()
            .find_map(|m| self.resolve(m, q, prev_end, previous));
        let confidence = if speaker.is_some() {
            cue.confidence
        } else {
            cue.confidence / 2.0
        };
        let quote = Quote {
            span: q.span,
            speaker,
            cue: Some(cue.verb),
            method: cue.method,
            confidence,
        };
        (quote, pronoun_cue)
    }

    /// The distinct speakers proposed for a quotation: the rule's, the issuing person, the
    /// release's main person, the previous speaker, the person named nearest before it.
    pub(super) fn candidates(
        &self,
        q: &QuoteSpan,
        prev_end: usize,
        rule: &Quote,
        issuer: Option<&Speaker>,
        previous: Option<&Speaker>,
    ) -> Vec<Candidate> {
        let main = self.main_person.get_or_init(|| self.main_person()).clone();
        let proposals = [
            (rule.speaker.clone(), Source::Rule),
            (issuer.cloned(), Source::Issuer),
            (main, Source::Main),
            (previous.cloned(), Source::Prior),
            (
                self.nearest_person(0, q.outer.start, |_| true),
                Source::Nearest,
            ),
        ];
        let mut out: Vec<Candidate> = Vec::new();
        for (speaker, source) in proposals {
            let Some(speaker) = speaker else { continue };
            let key = name_key(&speaker.name);
            if key.is_empty() {
                continue;
            }
            if let Some(c) = out.iter_mut().find(|c| name_key(&c.speaker.name) == key) {
                c.sources.add(source);
                continue;
            }
            let entity = speaker
                .entity_id
                .as_ref()
                .and_then(|id| self.entities.iter().find(|e| e.id == *id));
            // A speaker is an entity of the release or a name of a person's shape (one
            // the model missed); a transcript's labels ("WALLACE:") name their speakers.
            let transcript = source == Source::Rule && rule.method == Method::Transcript;
            if entity.is_none() && !transcript && !is_person_name_shape(&speaker.name) {
                continue;
            }
            let last = self.last_mention_before(&speaker, entity, q.outer.start);
            let subject = last.is_some_and(|m| self.opens_sentence(m.start));
            let last = last.map(|m| m.end);
            let sources = Sources::only(source);
            out.push(Candidate {
                person_entity: entity.is_some_and(|e| e.kind == EntityType::Person),
                org_entity: entity.is_some_and(|e| {
                    matches!(e.kind, EntityType::Agency | EntityType::Organization)
                }),
                official: entity.is_some_and(|e| e.official == Some(true)),
                distance: last.map(|end| {
                    (self.first_at(end)..self.first_at(q.outer.start))
                        .filter(|&i| self.is_word(i))
                        .count()
                }),
                mentioned_since_prior: last.is_some_and(|end| end >= prev_end),
                subject,
                speaker,
                sources,
            });
        }
        out
    }

    /// The last mention of a speaker ending before `pos`: an entity mention, else a
    /// written name with the speaker's last word.
    pub(super) fn last_mention_before(
        &self,
        speaker: &Speaker,
        entity: Option<&Entity>,
        pos: usize,
    ) -> Option<Span> {
        if let Some(e) = entity {
            return e
                .mentions
                .iter()
                .map(|m| m.span)
                .filter(|m| m.end <= pos)
                .max_by_key(|m| m.end);
        }
        let last = name_key(&speaker.name).pop()?;
        self.names
            .people
            .iter()
            .filter(|&&r| name_key(&name_text(self.text, &self.tokens, r)).last() == Some(&last))
            .map(|&r| self.span_of(r))
            .filter(|m| m.end <= pos)
            .max_by_key(|m| m.end)
    }

    /// True when the word at byte `pos` is among the first words of its sentence (the
    /// subject's place: "The victim's mother, Mira Calloway, read …").
    pub(super) fn opens_sentence(&self, pos: usize) -> bool {
        let i = self.first_at(pos);
        let start = (0..i)
            .rev()
            .find(|&k| self.ends_sentence(k) || self.is_mark(k))
            .map_or(0, |k| k + 1);
        (start..i).filter(|&k| self.is_word(k)).count() <= SUBJECT_WORDS
    }

    /// The person of the issuing office ("Office of Congresswoman Ada Quill", "Alder County
    /// District Attorney's Office"): the person entity named in it, else the one holding
    /// its title; the one mentioned most when several fit.
    pub(super) fn issuer_person(&self, issuer: &str) -> Option<Speaker> {
        let words: Vec<String> = issuer
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .map(|w| strip_possessive(w).to_lowercase())
            .collect();
        let people = || {
            self.entities
                .iter()
                .filter(|e| e.kind == EntityType::Person)
        };
        let named = people()
            .filter(|e| {
                let key = name_key(&e.name);
                key.last().is_some_and(|l| words.contains(l))
                    && (key.len() == 1 || key.first().is_some_and(|f| words.contains(f)))
            })
            .max_by_key(|e| e.mentions.len());
        let titled = || {
            people()
                .filter(|e| {
                    // A one-word title ("Attorney") only for an official: defence
                    // attorneys hold it too.
                    e.title.as_deref().is_some_and(|t| {
                        let t = name_key(t);
                        (t.len() >= 2 || e.official == Some(true))
                            && !t.is_empty()
                            && t.iter().all(|w| words.contains(w))
                    })
                })
                .max_by_key(|e| e.mentions.len())
        };
        named.or_else(titled).map(speaker_of)
    }

    pub(super) fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.word)
    }

    /// Index of the first token starting at or after `pos`.
    pub(super) fn first_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
}
