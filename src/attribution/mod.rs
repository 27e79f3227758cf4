//! Attribution: gives each quotation its speaker.
//!
//! The release is tokenized once; each quotation is then read against the words right
//! after it and right before it (the `method` column names the rule):
//!
//! * `transcript`: a quoted transcript line opens with its speaker ("WALLACE: …");
//! * `after`: "“…,” said X", "“…,” X said", "“…,” X, the secretary of state, said",
//!   "“…,” according to X", "“…” for Vole, said X";
//! * `before`: "X said: “…”", "X told reporters, “…”", "X said the plan was “…”",
//!   "X mocked it, saying “…”", "“A,” adding, “B”" (the previous speaker goes on);
//! * `statement`: "X released the following statement: “…”", "a statement on behalf of
//!   Y", "Statement from X";
//! * `signature`: "“…” ― X"; `sentence`: "Mira Calloway: “…”", "Tarn has adopted the
//!   stance: “…”" (a verbless sentence's opening name);
//! * `previous`: the sentence before introduces the quotation ("X issued the following
//!   statement on the vote. “…”", "“Short,” X said. “…”");
//! * `continuation`: no cue of its own, close after an attributed quotation with no other
//!   person named between; `answer`: it answers a printed question ("…?" on the line
//!   before) and is the interviewee's, the person the release names most.
//!
//! A cue after a quotation wins, except when the quotation ends its sentence and a cue in
//! that same sentence precedes it ("X asserted that “… .” Y said Monday …").
//!
//! The speaker mention found by a cue ("Ashcroft", "he", "the District Attorney", "the
//! department") is resolved to an [`Entity`] of the release when one fits (a mention at the
//! same place, the same surname, the title, the nearest agency), else to the fullest form
//! of the name written in the release. A pronoun is the previous speaker. What cannot be
//! resolved stays unknown (no speaker) rather than guessed.

mod choose;
mod confidence;
mod cues;
mod names;
mod speakers;

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::doc::{Release, Span};
use crate::entities::{Entity, EntityType};
use crate::lexicon::verbs::{is_speech_verb, is_statement_verb, AUXILIARIES};
use crate::lexicon::words::{pronoun, Pronoun, DETERMINERS, STATEMENT_NOUNS};
use crate::lexicon::{is_capitalised, strip_possessive};
use crate::quotes::QuoteSpan;
use crate::tokens::{tokenize, Token};
#[cfg(test)]
pub(crate) use choose::test_candidate;
pub use choose::{
    Candidate, Method, QuoteContext, RuleChooser, Source, Sources, SpeakerChooser, FEATURES,
    FEATURE_NAMES,
};
use names::{name_key, name_text, run_at, words, NameIndex};
use speakers::{plain, speaker_of};

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// Canonical name.
    pub name: String,
    /// The entity's id, when the speaker is an entity of the release.
    pub entity_id: Option<String>,
    /// The speaker's title.
    pub title: Option<String>,
    /// The speaker's state (USPS code).
    pub state: Option<String>,
}

/// A quotation with its attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words.
    pub span: Span,
    /// The speaker; `None` when the text does not say.
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase that attributes it ("said", "according to").
    pub cue: Option<Span>,
    /// The rule that attributed it.
    pub method: Method,
    /// Confidence in the attribution, 0 to 1.
    pub confidence: f32,
}

/// Longest run of words read after a quotation for its cue.
const AFTER_WINDOW: usize = 24;
/// Longest run of words read before a quotation for its cue.
const BEFORE_WINDOW: usize = 45;
/// Most words before a name in its sentence for the name to stand in the subject's place.
const SUBJECT_WORDS: usize = 6;
/// Most words between two quotations for the second to continue the first.
const CONTINUATION_GAP: usize = 40;

/// A speaker mention found by a cue, before resolution.
#[derive(Debug, Clone, PartialEq)]
enum SpeakerMention {
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
struct Cue {
    verb: Span,
    /// Who it may name, most likely first; the first that resolves is the speaker.
    mentions: Vec<SpeakerMention>,
    method: Method,
    confidence: f32,
}

/// Attributes each quotation of a release to a speaker with today's rules alone.
pub fn attribute(release: &Release, entities: &[Entity], quotes: &[QuoteSpan]) -> Vec<Quote> {
    attribute_with(release, entities, quotes, &RuleChooser)
}

/// Attributes each quotation of a release, letting `chooser` pick each speaker among the
/// candidates the rules propose.
pub fn attribute_with(
    release: &Release,
    entities: &[Entity],
    quotes: &[QuoteSpan],
    chooser: &dyn SpeakerChooser,
) -> Vec<Quote> {
    decide(release, entities, quotes, chooser)
        .into_iter()
        .map(|d| d.quote)
        .collect()
}

/// One quotation's attribution with what it was decided from.
#[derive(Debug, Clone)]
pub struct Decision {
    /// The attributed quotation.
    pub quote: Quote,
    /// What is known about the quotation.
    pub context: QuoteContext,
    /// The speakers that were proposed for it.
    pub candidates: Vec<Candidate>,
}

/// Attributes each quotation of a release and keeps the candidates and context of each
/// decision (for training and inspecting a chooser).
pub fn decide(
    release: &Release,
    entities: &[Entity],
    quotes: &[QuoteSpan],
    chooser: &dyn SpeakerChooser,
) -> Vec<Decision> {
    let region = release.span;
    let Some(local) = release.text.get(region.range()) else {
        return quotes
            .iter()
            .map(|q| Decision {
                quote: unknown(q.span),
                context: QuoteContext::empty(),
                candidates: Vec::new(),
            })
            .collect();
    };
    let text: &str = &release.text;
    let tokens = tokenize(local, region.start);
    let ctx = Ctx {
        text,
        names: NameIndex::new(text, &tokens),
        tokens,
        entities,
        main_person: OnceCell::new(),
    };
    let issuer = release
        .header
        .issuer
        .as_deref()
        .and_then(|i| ctx.issuer_person(i));
    let people = entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .count();
    let mut out: Vec<Decision> = Vec::with_capacity(quotes.len());
    let mut previous: Option<Speaker> = None;
    for (k, q) in quotes.iter().enumerate() {
        let prev_end = k
            .checked_sub(1)
            .map_or(region.start, |p| quotes[p].outer.end);
        let next_start = quotes.get(k + 1).map_or(region.end, |n| n.outer.start);
        let prev_quote = out.last().map(|d| &d.quote);
        let (rule, pronoun_cue) = ctx.rule(q, prev_end, next_start, prev_quote, previous.as_ref());
        let context = QuoteContext {
            method: rule.method,
            has_cue: rule.cue.is_some(),
            pronoun_cue,
            index: k,
            quotes: quotes.len(),
            people,
            rule_confidence: rule.confidence,
        };
        let candidates = ctx.candidates(q, prev_end, &rule, issuer.as_ref(), previous.as_ref());
        let quote = match chooser.choose(&context, &candidates) {
            Some((i, p)) => Quote {
                speaker: Some(candidates[i].speaker.clone()),
                method: candidates[i].sources.method(rule.method),
                confidence: p,
                ..rule
            },
            None => Quote {
                speaker: None,
                ..rule
            },
        };
        if quote.speaker.is_some() {
            previous.clone_from(&quote.speaker);
        }
        out.push(Decision {
            quote,
            context,
            candidates,
        });
    }
    out
}

/// A quotation nobody can be named for.
fn unknown(span: Span) -> Quote {
    Quote {
        span,
        speaker: None,
        cue: None,
        method: Method::None,
        confidence: 0.0,
    }
}

/// One release's text, tokens, names and entities.
struct Ctx<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    names: NameIndex,
    entities: &'a [Entity],
    /// The person the release is about, found once when first needed.
    main_person: OnceCell<Option<Speaker>>,
}

impl Ctx<'_> {
    /// What the cue rules say of a quotation, and whether its cue names a pronoun.
    fn rule(
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
    fn candidates(
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
            (self.nearest_person(q.outer.start), Source::Nearest),
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
                .as_deref()
                .and_then(|id| self.entities.iter().find(|e| e.id == id));
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
    fn last_mention_before(
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
    fn opens_sentence(&self, pos: usize) -> bool {
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
    fn issuer_person(&self, issuer: &str) -> Option<Speaker> {
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

    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.word)
    }

    /// Index of the first token starting at or after `pos`.
    fn first_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
}

#[cfg(test)]
mod tests;
