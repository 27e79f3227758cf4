//! A person named at one place in the text, before the candidates are merged: the name,
//! what the text around it says (title, role, states, office) and how sure the rules are.

use super::super::entity::Origin;
use super::super::state_of::Claim;
use crate::doc::Span;
use crate::lexicon::states::StateCode;

/// Why a sequence of words was taken for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// Strong enough on its own.
    Strong,
    /// A capitalised sequence with nothing around it: kept only when the surname is
    /// used alone elsewhere or the model agrees.
    Bare,
    /// A title and name outside running prose (a headline, a menu): adds its title to a
    /// person found elsewhere, never a person of its own.
    Support,
}

/// The body a person serves, as written, and whether it is a government body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Served {
    /// The body's name.
    pub name: String,
    /// True for a government body.
    pub government: bool,
}

/// A party tag after a name ("(D-CA)", "(R-Glenbeulah)"): a member of Congress, of the
/// state the tag names when it names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PartyTag {
    /// The state of the tag.
    pub state: Option<StateCode>,
}

/// A person named at one place in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    /// Where the name (without title) is.
    pub span: Span,
    /// The name as written, possessive dropped, whitespace normalised.
    pub name: String,
    /// Lower-case name words without initials and suffix.
    pub key: Vec<String>,
    /// Suffix ("Jr"), if any.
    pub suffix: Option<String>,
    /// Title written with the name.
    pub title: Option<String>,
    /// Public role: from the title or the pattern.
    pub official: Option<bool>,
    /// States read with the name (its title, a party tag, a possessive).
    pub states: Vec<Claim>,
    /// Office the person serves.
    pub organization: Option<Served>,
    /// Sentence index (none in the header).
    pub sentence: Option<usize>,
    /// What found it.
    pub origin: Origin,
    /// How sure the rules are that the words name a person.
    pub evidence: Evidence,
}
