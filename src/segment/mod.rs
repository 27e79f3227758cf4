//! Segmentation: turns a raw release into header fields, body paragraphs and sentences.
//!
//! First cut: every non-empty line of the release is a paragraph and a sentence. The
//! header, chrome removal and the sentence splitter replace it.

use crate::doc::{release_id, Header, RawRelease, Release, Sentence, Span};

/// Why a raw release was not turned into a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotARelease {
    /// Human-readable reason ("listing page", "no body text").
    pub reason: String,
}

/// Segments one raw release.
pub fn segment(raw: RawRelease) -> Result<Release, NotARelease> {
    let mut paragraphs = Vec::new();
    let mut pos = raw.span.start;
    for line in raw.span.slice(&raw.text).split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = pos + (line.len() - line.trim_start().len());
            paragraphs.push(Span::new(start, start + trimmed.len()));
        }
        pos += line.len();
    }
    if paragraphs.is_empty() {
        return Err(NotARelease {
            reason: "no body text".to_string(),
        });
    }
    let sentences = paragraphs
        .iter()
        .enumerate()
        .map(|(paragraph, &span)| Sentence { span, paragraph })
        .collect();
    Ok(Release {
        id: release_id(&raw.source, raw.record),
        source: raw.source,
        record: raw.record,
        format: raw.format,
        body: Span::new(paragraphs[0].start, paragraphs[paragraphs.len() - 1].end),
        paragraphs,
        sentences,
        header: Header::default(),
        ner: Vec::new(),
        span: raw.span,
        text: raw.text,
    })
}
