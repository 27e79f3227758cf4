//! Quotes: finds the direct quotations of a release.

use crate::doc::{Release, Span};

/// A direct quotation: the quoted words, without the quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The quoted words.
    pub span: Span,
}

/// Finds the direct quotations of a release, in text order.
pub fn extract(release: &Release) -> Vec<QuoteSpan> {
    let _ = release;
    Vec::new()
}
