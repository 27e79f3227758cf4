//! The result of every stage for one release: the document with its entities and its
//! attributed quotations, which the writers turn into rows.

use crate::attribution::Quote;
use crate::doc::Release;
use crate::entities::Entity;

/// Everything the pipeline found in one release.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The segmented release.
    pub release: Release,
    /// Its entities.
    pub entities: Vec<Entity>,
    /// Its quotations with speakers.
    pub quotes: Vec<Quote>,
}
