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
//! of the name written in the release. A pronoun is the nearest compatible antecedent: a
//! person newly brought in as a subject, else the previous speaker, else the person named
//! nearest, skipping any whose gender (from an honorific or gendered title beside the
//! name, else the given name) is not the pronoun's. What cannot be resolved
//! stays unknown (no speaker) rather than guessed.

mod adopt;
mod choose;
mod confidence;
mod context;
mod cues;
mod gender;
mod names;
mod quote;
mod speaker;
mod speakers;

use std::cell::OnceCell;

use crate::doc::Release;
use crate::entities::{Entity, EntityType};
use crate::quotes::QuoteSpan;
use crate::tokens::with_periods;
pub use adopt::adopt_speakers;
#[cfg(test)]
pub(crate) use choose::test_candidate;
pub use choose::{
    Candidate, Method, QuoteContext, RuleChooser, Source, Sources, SpeakerChooser, FEATURES,
    FEATURE_NAMES,
};
use context::Ctx;
use names::NameIndex;
use quote::unknown;
pub use quote::Quote;
pub use speaker::Speaker;

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
    if release.text.get(region.range()).is_none() {
        return quotes
            .iter()
            .map(|q| Decision {
                quote: unknown(q.span),
                context: QuoteContext::empty(),
                candidates: Vec::new(),
            })
            .collect();
    }
    let text: &str = &release.text;
    let tokens = with_periods(text, release.tokens());
    let ctx = Ctx {
        text,
        names: NameIndex::new(text, &tokens),
        tokens,
        entities,
        main_person: OnceCell::new(),
        genders: OnceCell::new(),
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

#[cfg(test)]
mod tests;
