//! What attribution hands on: a quotation with its speaker, how it was attributed and how
//! sure the rules are.

use super::choose::Method;
use super::speaker::Speaker;
use crate::doc::Span;

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

/// A quotation nobody can be named for.
pub(super) fn unknown(span: Span) -> Quote {
    Quote {
        span,
        speaker: None,
        cue: None,
        method: Method::None,
        confidence: 0.0,
    }
}
