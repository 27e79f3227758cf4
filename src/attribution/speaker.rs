//! Who said a quotation: an entity of the release, or a name written in the text.

use crate::entities::{Entity, EntityId, EntityType};
use crate::lexicon::states::StateCode;

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// Canonical name.
    pub name: String,
    /// The entity's id, when the speaker is an entity of the release.
    pub entity_id: Option<EntityId>,
    /// The speaker's title.
    pub title: Option<String>,
    /// The speaker's state.
    pub state: Option<StateCode>,
    /// What the speaker is: a person, or an agency or other organisation.
    pub kind: EntityType,
}

/// A speaker from an entity.
pub(super) fn speaker_of(e: &Entity) -> Speaker {
    Speaker {
        name: e.name.clone(),
        entity_id: Some(e.id.clone()),
        title: e.title.clone(),
        state: e.state,
        kind: e.kind,
    }
}

/// A person known only by the name written in the text.
pub(super) fn plain(name: String) -> Speaker {
    written(name, EntityType::Person)
}

/// A speaker of the given kind known only by the name written in the text.
pub(super) fn written(name: String, kind: EntityType) -> Speaker {
    Speaker {
        name,
        entity_id: None,
        title: None,
        state: None,
        kind,
    }
}
