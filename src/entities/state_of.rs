//! Every decision of an entity's state, in one place, with its evidence.
//!
//! The rules read states in several places: a person's title ("Missouri Secretary of
//! State"), a party tag ("(D-CA)"), a state possessive ("Nebraska’s Kit Hollis"), a state
//! written in a body's name, the release's dateline or issuer. The readers hand what they
//! read here as [`Claim`]s, and [`decide`] takes the one with the strongest evidence, in
//! the order of [`Evidence`] (the first claim among equals). A learned decider can take
//! the same claims without touching the readers.

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
    /// The release's home state (its dateline's, else its issuer's), for an official of a
    /// state office ("Jefferson City, Mo. — Secretary of State Dana Whitcomb").
    HomeState,
}

/// A state read for an entity, with what it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Claim {
    /// USPS code.
    pub code: &'static str,
    /// What it was read from.
    pub evidence: Evidence,
}

impl Claim {
    /// A claim of `code` read from `evidence`.
    pub(crate) fn new(code: &'static str, evidence: Evidence) -> Claim {
        Claim { code, evidence }
    }
}

/// The state of an entity from what was read for it: the claim with the strongest
/// evidence, the first of them when several are as strong; none without a claim.
pub(crate) fn decide(claims: impl IntoIterator<Item = Option<Claim>>) -> Option<&'static str> {
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
        let home = Some(Claim::new("MO", Evidence::HomeState));
        let tag = Some(Claim::new("KS", Evidence::PartyTag));
        let title = Some(Claim::new("NE", Evidence::Title));
        assert_eq!(decide([home, tag, title]), Some("NE"));
        assert_eq!(decide([home, None, tag]), Some("KS"));
        assert_eq!(
            decide([tag, Some(Claim::new("IA", Evidence::PartyTag))]),
            Some("KS")
        );
        assert_eq!(decide([None, None]), None);
    }
}
