//! Speaker resolution: a mention found by a cue turned into a speaker (an entity of the
//! release when one fits, else the fullest name written), and the speakers of quotations
//! with no cue (continuations, answers).

use std::collections::HashMap;

use super::choose::Method;
use super::confidence;
use super::context::{Ctx, SpeakerMention, CONTINUATION_GAP};
use super::gender::compatible;
use super::names::{self, name_key, name_text, words};
use super::quote::{unknown, Quote};
use super::speaker::{plain, speaker_of, written, Speaker};
use crate::doc::Span;
use crate::entities::{Entity, EntityType};
use crate::lexicon::gender::{of_title_word, Gender};
use crate::lexicon::names::is_surname_part;
use crate::lexicon::organisations::ends_body_name;
use crate::lexicon::roles::{title_key, TENURE_WORDS};
use crate::lexicon::strip_possessive;
use crate::lexicon::titles::is_title_word;
use crate::lexicon::words::Pronoun;
use crate::quotes::QuoteSpan;

/// The title words of a role as keys shared by every form of each ("the former
/// congresswoman" -> ["representative"]): words of tenure left out.
fn role_keys(role: &[String]) -> Vec<String> {
    role.iter()
        .filter(|w| !TENURE_WORDS.contains(w))
        .map(|w| title_key(w))
        .collect()
}

impl Ctx<'_> {
    /// True when the speaker is an entity of the release that is no person (an agency,
    /// an organisation): what "they" and "it" can stand for.
    fn is_body(&self, speaker: &Speaker) -> bool {
        self.entities
            .iter()
            .any(|e| speaker.entity_id.as_ref() == Some(&e.id) && e.kind != EntityType::Person)
    }

    /// Turns a mention into a speaker.
    pub(super) fn resolve(
        &self,
        m: &SpeakerMention,
        q: &QuoteSpan,
        prev_end: usize,
        previous: Option<&Speaker>,
    ) -> Option<Speaker> {
        match m {
            // "Tate read a letter to the court. “…,” she told the judge": a person brought
            // in as a sentence's subject since the previous quotation is the nearest
            // antecedent; otherwise the previous speaker goes on, else the person named
            // nearest. Each only when its gender, if known, is the pronoun's.
            SpeakerMention::Pronoun(Pronoun::Person(g)) => self
                .new_subject(prev_end, q.outer.start, Some(*g))
                .or_else(|| previous.filter(|s| self.speaker_fits(s, Some(*g))).cloned())
                .or_else(|| self.antecedent(prev_end, q.outer.start, *g)),
            SpeakerMention::Pronoun(Pronoun::Group) => {
                previous.filter(|s| self.is_body(s)).cloned()
            }
            SpeakerMention::Name(range) => {
                let span = self.span_of(*range);
                let name = name_text(self.text, &self.tokens, *range);
                let key = name_key(&name);
                // A person entity at the place that ends in another word is a bad fit
                // (an entity "Wm" under "Wm. Hale Brisley"); the written name wins then.
                // One part of a double-barrelled surname is the same name written
                // shorter ("Tessa Quinn" of "Tessa Marlow-Quinn").
                let fits = |e: &&Entity| {
                    let ends = name_key(&e.name).pop();
                    e.kind != EntityType::Person
                        || ends.as_ref() == key.last()
                        || ends
                            .zip(key.last())
                            .is_some_and(|(e, k)| is_surname_part(&e, k))
                };
                self.entity_at(span)
                    .filter(fits)
                    .or_else(|| self.person_named(&key))
                    .map(speaker_of)
                    .or_else(|| {
                        let full = self
                            .names
                            .fullest(self.text, &self.tokens, &key)
                            .unwrap_or(name);
                        Some(plain(full))
                    })
            }
            SpeakerMention::Org(range) => {
                let span = self.span_of(*range);
                let ws = words(self.text, &self.tokens, *range);
                let name = ws.join(" ");
                // A body named by its head words alone ("the Department", "the Sheriff’s
                // Office") refers back to the body of that kind the release named, as the
                // same words in lower case do.
                let generic = || {
                    ws.iter()
                        .all(|w| ends_body_name(strip_possessive(w)) || is_title_word(w))
                        .then(|| {
                            let role: Vec<String> = ws
                                .iter()
                                .map(|w| strip_possessive(w).to_lowercase())
                                .collect();
                            self.by_role(&role, q.outer.start)
                        })
                        .flatten()
                };
                self.entity_at(span)
                    .or_else(|| self.agency_named(&name))
                    .map(speaker_of)
                    .or_else(generic)
                    .or(Some(written(name, EntityType::Organization)))
            }
            SpeakerMention::Role(role) => self.by_role(role, q.outer.start),
            SpeakerMention::Previous => previous.cloned(),
        }
    }

    pub(super) fn span_of(&self, range: (usize, usize)) -> Span {
        match (
            self.tokens.get(range.0),
            self.tokens.get(range.1.wrapping_sub(1)),
        ) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }

    /// The entity with a mention overlapping `span`.
    pub(super) fn entity_at(&self, span: Span) -> Option<&Entity> {
        self.entities.iter().find(|e| {
            matches!(
                e.kind,
                EntityType::Person | EntityType::Agency | EntityType::Organization
            ) && e
                .mentions
                .iter()
                .any(|m| m.span.start < span.end && span.start < m.span.end)
        })
    }

    /// The person entity a name stands for: same last word, same first word if given.
    pub(super) fn person_named(&self, key: &[String]) -> Option<&Entity> {
        let last = key.last()?;
        self.entities.iter().find(|e| {
            let k = name_key(&e.name);
            e.kind == EntityType::Person
                && k.last() == Some(last)
                && (key.len() == 1 || k.first() == key.first())
        })
    }

    /// The agency or organisation entity named `name` (or with that acronym).
    pub(super) fn agency_named(&self, name: &str) -> Option<&Entity> {
        let key = name_key(name.trim_start_matches("The "));
        self.entities.iter().find(|e| {
            matches!(e.kind, EntityType::Agency | EntityType::Organization)
                && (name_key(&e.name) == key
                    || e.acronym.as_deref().is_some_and(|a| name_key(a) == key))
        })
    }

    /// The person a title or common noun stands for ("the District Attorney", "the former
    /// governor", "the congresswoman" for a "Representative"), or the organisation ("the
    /// department"): the entity with that title or head word named nearest before `pos`
    /// (a person of the title's gender, if it has one), else the name the release writes
    /// after that title.
    pub(super) fn by_role(&self, role: &[String], pos: usize) -> Option<Speaker> {
        let head = role.last()?;
        let nearest = |e: &&Entity| {
            e.mentions
                .iter()
                .filter(|m| m.span.start < pos)
                .map(|m| m.span.start)
                .max()
        };
        // A holder of the title in the form written ("the congressman" for a
        // "Congressman") before one of another form of it (a "Representative"): a release
        // often titles its own member in one form and the others in another.
        let gender = of_title_word(head);
        let holder = |key: fn(&str) -> String| {
            let wanted: Vec<String> = role
                .iter()
                .filter(|w| !TENURE_WORDS.contains(w))
                .map(|w| key(w))
                .collect();
            self.entities
                .iter()
                .filter(|e| {
                    e.kind == EntityType::Person
                        && !wanted.is_empty()
                        && self.fits(e, gender)
                        && e.title.as_deref().is_some_and(|t| {
                            let t: Vec<String> = t.split_whitespace().map(key).collect();
                            wanted.iter().all(|w| t.contains(w))
                        })
                })
                .max_by_key(nearest)
        };
        let as_written = |w: &str| strip_possessive(w).trim_end_matches('.').to_lowercase();
        if let Some(e) = holder(as_written).or_else(|| holder(title_key)) {
            return Some(speaker_of(e));
        }
        let agency = self
            .entities
            .iter()
            .filter(|e| {
                matches!(e.kind, EntityType::Agency | EntityType::Organization)
                    && name_key(&e.name).contains(head)
            })
            .max_by_key(nearest);
        if let Some(e) = agency {
            return Some(speaker_of(e));
        }
        self.role_in_text(role, pos)
    }

    /// Without entities: the nearest run before `pos` (else anywhere) holding the title
    /// words, read as a person (its name part) or an organisation (ending in the head).
    pub(super) fn role_in_text(&self, role: &[String], pos: usize) -> Option<Speaker> {
        let head = role.last()?;
        let wanted = role_keys(role);
        let fits = |run: &names::Run| {
            let ws: Vec<String> = words(self.text, &self.tokens, run.all)
                .iter()
                .map(|w| strip_possessive(w).to_lowercase())
                .collect();
            let has_role =
                !wanted.is_empty() && wanted.iter().all(|r| ws.iter().any(|w| title_key(w) == *r));
            if run.org {
                (ws.last() == Some(head))
                    .then(|| plain(words(self.text, &self.tokens, run.all).join(" ")))
            } else if has_role && run.name.0 < run.name.1 {
                let name = name_text(self.text, &self.tokens, run.name);
                let full = self
                    .names
                    .fullest(self.text, &self.tokens, &name_key(&name))
                    .unwrap_or(name);
                Some(plain(full))
            } else {
                None
            }
        };
        let before = self
            .names
            .runs
            .iter()
            .rev()
            .filter(|r| self.span_of(r.all).end <= pos)
            .find_map(fits);
        before.or_else(|| self.names.runs.iter().find_map(fits))
    }

    /// The person entity named last, in a subject's place, between `from` and `to`, of
    /// a gender compatible with `g`.
    pub(super) fn new_subject(&self, from: usize, to: usize, g: Option<Gender>) -> Option<Speaker> {
        self.entities
            .iter()
            .filter(|e| e.kind == EntityType::Person && self.fits(e, g))
            .filter_map(|e| {
                e.mentions
                    .iter()
                    .filter(|m| m.span.start >= from && m.span.end <= to)
                    .filter(|m| self.opens_sentence(m.span.start))
                    .map(|m| m.span.start)
                    .max()
                    .map(|p| (p, e))
            })
            .max_by_key(|(p, _)| *p)
            .map(|(_, e)| speaker_of(e))
    }

    /// The person named nearest before `pos` whose gender passes `accept`, counting only
    /// mentions from byte `from` on: an entity mention, else a written full name.
    pub(super) fn nearest_person(
        &self,
        from: usize,
        pos: usize,
        accept: impl Fn(Option<Gender>) -> bool,
    ) -> Option<Speaker> {
        let entity = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Person && accept(self.gender_of_id(&e.id)))
            .filter_map(|e| {
                e.mentions
                    .iter()
                    .filter(|m| m.span.start >= from && m.span.end <= pos)
                    .map(|m| m.span.start)
                    .max()
                    .map(|p| (p, e))
            })
            .max_by_key(|(p, _)| *p)
            .map(|(_, e)| speaker_of(e));
        entity.or_else(|| {
            self.names
                .people
                .iter()
                .rev()
                .filter(|r| r.1 - r.0 >= 2)
                .filter(|r| {
                    let span = self.span_of(**r);
                    span.start >= from && span.end <= pos && !self.names_other_than_a_person(span)
                })
                .map(|r| plain(name_text(self.text, &self.tokens, *r)))
                .find(|s| accept(self.gender_of(s)))
        })
    }

    /// True when an entity that is not a person is named at `span` ("San Diego", a place;
    /// "Family Protection", a unit): a written name there is no person's.
    fn names_other_than_a_person(&self, span: Span) -> bool {
        self.entities.iter().any(|e| {
            e.kind != EntityType::Person && e.mentions.iter().any(|m| m.span.overlaps(span))
        })
    }

    /// The antecedent of a pronoun of gender `g` that neither a new subject nor the
    /// previous speaker gives: the person named nearest since the previous quotation
    /// whose gender is not the other, else the nearest named before whom the release marks
    /// as of gender `g` (an unmarked person named before the previous quotation, which a
    /// speaker of the other gender said, is too far off to be guessed).
    pub(super) fn antecedent(&self, prev_end: usize, pos: usize, g: Gender) -> Option<Speaker> {
        self.nearest_person(prev_end, pos, |x| compatible(x, Some(g)))
            .or_else(|| self.nearest_person(0, pos, |x| x == Some(g)))
    }

    /// The person a release is about: the person entity with the most mentions (full names
    /// first), else the full name whose last word the release writes most often.
    pub(super) fn main_person(&self) -> Option<Speaker> {
        // A person written with a first and a last name goes before a one-word "person"
        // (often a misread heading word), then the most mentions.
        let entity = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .max_by_key(|e| (e.name.split_whitespace().nth(1).is_some(), e.mentions.len()));
        if let Some(e) = entity {
            return Some(speaker_of(e));
        }
        // How often each first and each last word of a name is written.
        let names: Vec<(String, Vec<String>)> = self
            .names
            .people
            .iter()
            .map(|&r| {
                let name = name_text(self.text, &self.tokens, r);
                let key = name_key(&name);
                (name, key)
            })
            .collect();
        let mut firsts: HashMap<&str, usize> = HashMap::new();
        let mut lasts: HashMap<&str, usize> = HashMap::new();
        for (_, key) in &names {
            if let (Some(f), Some(l)) = (key.first(), key.last()) {
                *firsts.entry(f).or_default() += 1;
                *lasts.entry(l).or_default() += 1;
            }
        }
        let mut best: Option<(usize, &str)> = None;
        for (name, key) in names.iter().filter(|(_, k)| k.len() >= 2) {
            let (Some(f), Some(l)) = (key.first(), key.last()) else {
                continue;
            };
            let count = firsts.get(f.as_str()).copied().unwrap_or(0)
                + lasts.get(l.as_str()).copied().unwrap_or(0);
            if best.is_none_or(|(c, _)| count > c) {
                best = Some((count, name));
            }
        }
        best.map(|(_, n)| plain(n.to_string()))
    }

    /// A quotation without a cue: continues the previous quotation when it follows it
    /// closely, answers a printed question, or stays unknown.
    pub(super) fn without_cue(
        &self,
        q: &QuoteSpan,
        prev_end: usize,
        prev_quote: Option<&Quote>,
        previous: Option<&Speaker>,
    ) -> Quote {
        let from = self.first_at(prev_end);
        let to = self.first_at(q.outer.start);
        let gap_words = (from..to).filter(|&i| self.is_word(i)).count();
        if let Some(p) = prev_quote.filter(|p| p.speaker.is_some()) {
            let last = p.speaker.as_ref().and_then(|s| name_key(&s.name).pop());
            // Names in the sentence that attributes the previous quotation do not count.
            let after_cue = (from..to).find(|&i| self.ends_sentence(i)).unwrap_or(from);
            let other_person = self.names.people.iter().any(|&r| {
                r.0 >= after_cue
                    && r.1 <= to
                    && name_key(&name_text(self.text, &self.tokens, r)).pop() != last
            });
            if gap_words <= CONTINUATION_GAP && !other_person && !self.question_before(q) {
                return Quote {
                    span: q.span,
                    speaker: p.speaker.clone().or_else(|| previous.cloned()),
                    cue: None,
                    method: Method::Continuation,
                    confidence: confidence::CONTEXT,
                };
            }
        }
        if self.question_before(q) {
            if let Some(speaker) = self.main_person.get_or_init(|| self.main_person()).clone() {
                return Quote {
                    span: q.span,
                    speaker: Some(speaker),
                    cue: None,
                    method: Method::Answer,
                    confidence: confidence::GUESS,
                };
            }
        }
        unknown(q.span)
    }

    /// True when the line before the quotation ends with a question mark.
    pub(super) fn question_before(&self, q: &QuoteSpan) -> bool {
        let i = self.first_at(q.outer.start);
        i > 0 && self.word(i - 1) == "?" && self.tokens.get(i).is_some_and(|t| t.line_break)
    }
}
