//! The entities of a release as the stage hands them on: kinds, mentions and their origin,
//! and the ids shared by the same entity across releases.

use std::fmt;

use serde::Serialize;

use super::text::Word;
use crate::doc::Span;
use crate::lexicon::states::StateCode;

/// The kinds of entity written to `entities.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PERSON")]
    Person,
    /// A US state, DC or territory (USPS code in `state`).
    #[serde(rename = "STATE")]
    State,
    /// A government body.
    #[serde(rename = "AGENCY")]
    Agency,
    /// An organisation that is not a government body.
    #[serde(rename = "ORG")]
    Organization,
    /// A place that is not a US state.
    #[serde(rename = "LOCATION")]
    Location,
}

impl EntityType {
    /// Every kind, in the order of the enum.
    pub const ALL: [EntityType; 5] = [
        EntityType::Person,
        EntityType::State,
        EntityType::Agency,
        EntityType::Organization,
        EntityType::Location,
    ];

    /// The kind whose `type` column reads `label` ("PERSON"); `None` for any other text.
    pub fn from_label(label: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|k| k.as_str() == label)
    }

    /// The name written in the `type` column.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::State => "STATE",
            EntityType::Agency => "AGENCY",
            EntityType::Organization => "ORG",
            EntityType::Location => "LOCATION",
        }
    }
}

/// Which component found a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The NER model.
    Model,
    /// A rule (gazetteer, pattern, coreference).
    Rule,
}

/// One place in the text where an entity is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Where.
    pub span: Span,
    /// Index of the sentence holding it, if it lies in the body.
    pub sentence: Option<usize>,
    /// What found it.
    pub origin: Origin,
}

/// An entity of one release, with all its mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Identifier shared by the same entity across all releases of a run.
    pub id: EntityId,
    /// Kind of entity.
    pub kind: EntityType,
    /// Canonical name (the fullest form the release uses; titles stripped).
    pub name: String,
    /// For people: whether they act in a public role.
    pub official: Option<bool>,
    /// For people: their title ("Secretary of State").
    pub title: Option<String>,
    /// The office or agency a person serves, or the parent of an agency.
    pub organization: Option<String>,
    /// The state the entity belongs to (or is, for states).
    pub state: Option<StateCode>,
    /// Acronym of an agency or organisation.
    pub acronym: Option<String>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
}

/// The identifier of an entity ("P-1f0c…"): a short hash of its kind and normalised key,
/// so the same entity gets the same id in every release and every run without shared
/// state. It is an opaque name: an entity's kind is its [`EntityType`], never read from
/// the id. Written as the text it holds.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct EntityId(String);

impl EntityId {
    /// The id of the entity of `kind` whose normalised key is `key` (words in lower
    /// case, single spaces).
    pub fn of(kind: EntityType, key: &str) -> EntityId {
        let normalised: String = key
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let mut hasher = blake3::Hasher::new();
        hasher.update(kind.as_str().as_bytes());
        hasher.update(&[0]);
        hasher.update(normalised.as_bytes());
        EntityId(format!(
            "{}-{}",
            &kind.as_str()[..1],
            &hasher.finalize().to_hex()[..12]
        ))
    }

    /// An id as a table writes it (reading the tables back).
    pub fn written(id: &str) -> EntityId {
        EntityId(id.to_string())
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A mention at `span`, with the body sentence holding it (none in the header).
pub(super) fn mention_of(tokens: &[Word<'_>], span: Span, origin: Origin) -> Mention {
    let k = tokens.partition_point(|t| t.span.end <= span.start);
    Mention {
        span,
        sentence: tokens
            .get(k)
            .filter(|t| t.span.start <= span.start)
            .map(|t| t.sentence),
        origin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_labels_read_back() {
        for kind in EntityType::ALL {
            assert_eq!(EntityType::from_label(kind.as_str()), Some(kind));
        }
        assert_eq!(EntityType::from_label("person"), None);
        assert_eq!(EntityType::from_label("P"), None);
    }

    #[test]
    fn ids_depend_on_kind_and_normalised_key_only() {
        let id = EntityId::of(EntityType::Person, "tom  Lark");
        assert_eq!(id, EntityId::of(EntityType::Person, "Tom lark"));
        assert_ne!(id, EntityId::of(EntityType::Agency, "tom lark"));
        assert_ne!(id, EntityId::of(EntityType::Person, "ann lark"));
        // Written as the text it holds, and read back as the same id.
        assert_eq!(EntityId::written(&id.to_string()), id);
        assert_eq!(id.as_str().len(), "P-".len() + 12);
    }
}
