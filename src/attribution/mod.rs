//! Attribution: gives each quotation its speaker.

use crate::doc::{Release, Span};
use crate::entities::Entity;
use crate::quotes::QuoteSpan;

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
    pub method: &'static str,
    /// Confidence in the attribution, 0 to 1.
    pub confidence: f32,
}

/// Attributes each quotation of a release to a speaker.
pub fn attribute(release: &Release, entities: &[Entity], quotes: &[QuoteSpan]) -> Vec<Quote> {
    let _ = (release, entities);
    quotes
        .iter()
        .map(|q| Quote {
            span: q.span,
            speaker: None,
            cue: None,
            method: "none",
            confidence: 0.0,
        })
        .collect()
}
