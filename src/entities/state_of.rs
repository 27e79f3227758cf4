//! Every decision of an entity's state, in one place, with its evidence.
//!
//! The rules read states in several places: a person's title ("Missouri Secretary of
//! State"), a party tag ("(D-CA)"), a state possessive ("Nebraska’s Kit Hollis"), a state
//! written in a body's name, the release's dateline or issuer. The readers hand what they
//! read here as [`Claim`]s, and [`decide`] takes the one with the strongest evidence, in
//! the order of [`Evidence`] (the first claim among equals). A learned decider can take
//! the same claims without touching the readers.

use crate::lexicon::states::StateCode;

/// What a state was read from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Evidence {
    /// The person's title names it ("Missouri Secretary of State", before or after the
    /// name).
    Title,
    /// A party tag after the name ("(D-CA)", "(R-Mo.)").
    PartyTag,
    /// A state possessive before the name ("Nebraska’s Kit Hollis").
    Possessive,
    /// A state mention inside a body's name ("the Missouri Department of Revenue").
    MentionInName,
    /// A state's name among a body's name words ("Office of the Nebraska Treasurer").
    NameWord,
    /// The state of the release's dateline, for an official of a state office
    /// ("Jefferson City, Mo. — Secretary of State Dana Whitcomb").
    Dateline,
    /// A state the release's issuer names, for an official of a state office ("Office of
    /// the Missouri Secretary of State").
    Issuer,
}

/// A state read for an entity, with what it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Claim {
    /// USPS code.
    pub code: StateCode,
    /// What it was read from.
    pub evidence: Evidence,
}

impl Claim {
    /// A claim of `code` read from `evidence`.
    pub(crate) fn new(code: StateCode, evidence: Evidence) -> Claim {
        Claim { code, evidence }
    }
}

/// The state of an entity from what was read for it: the claim with the strongest
/// evidence, the first of them when several are as strong; none without a claim.
pub(crate) fn decide(claims: impl IntoIterator<Item = Option<Claim>>) -> Option<StateCode> {
    claims
        .into_iter()
        .flatten()
        .min_by_key(|c| c.evidence)
        .map(|c| c.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strongest_evidence_wins_then_the_first() {
        let claim = |code, evidence| StateCode::parse(code).map(|c| Claim::new(c, evidence));
        let home = claim("MO", Evidence::Dateline);
        let tag = claim("KS", Evidence::PartyTag);
        let title = claim("NE", Evidence::Title);
        let code = |claims: Vec<Option<Claim>>| decide(claims).map(StateCode::as_str);
        assert_eq!(code(vec![home, tag, title]), Some("NE"));
        assert_eq!(code(vec![home, None, tag]), Some("KS"));
        assert_eq!(code(vec![tag, claim("IA", Evidence::PartyTag)]), Some("KS"));
        assert_eq!(code(vec![claim("KS", Evidence::Issuer), home]), Some("MO"));
        assert_eq!(decide([None, None]), None);
    }
}
