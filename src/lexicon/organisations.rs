//! Organisations: the head words that make a government body or another organisation,
//! the words that mark a name as governmental, the words that join or lead into a name,
//! and the well-known federal acronyms.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::WordSet;

/// Head words of government bodies.
pub(crate) static HEADS: WordSet = WordSet::new(&[
    "Department",
    "Dept",
    "Agency",
    "Office",
    "Bureau",
    "Commission",
    "Court",
    "Committee",
    "Subcommittee",
    "Council",
    "Board",
    "Administration",
    "Service",
    "Division",
    "Unit",
    "Force",
    "Authority",
    "Patrol",
    "Legislature",
    "Assembly",
    "Senate",
    "Congress",
    "Army",
    "Navy",
    "Corps",
    "Guard",
    "Ministry",
    "Police",
    "Command",
    "House",
    "Registry",
    "Register",
    "Commissioners",
    "Government",
    "Marshals",
    "Centers",
    "Corrections",
    "Judiciary",
    "Caucus",
    "Delegation",
    "Directorate",
    "Precinct",
    "Investigations",
    "Secretariat",
    "Departments",
    "Offices",
    "Courts",
]);

/// Head words that make a government body only with a government word beside them
/// ("District Attorney’s Action Center", but not "Birchwood Community Center").
pub(crate) static WEAK_HEADS: WordSet = WordSet::new(&[
    "Center",
    "Region",
    "Team",
    "Section",
    "Branch",
    "Laboratory",
    "Lab",
    "Station",
    "Academy",
    "Jail",
    "Prison",
    "Facility",
    "Collaborative",
    "Clerk’s",
    "Clerk's",
    "Hospital",
    "Services",
    "Base",
]);

/// Words that mark a name as governmental, for weak heads.
pub(crate) static GOVERNMENT_WORDS: WordSet = WordSet::new(&[
    "U.S.",
    "United",
    "Federal",
    "National",
    "State",
    "State’s",
    "State's",
    "County",
    "DA",
    "City",
    "Municipal",
    "District",
    "Attorney",
    "Attorney’s",
    "Attorney's",
    "DA’s",
    "DA's",
    "Sheriff",
    "Sheriff’s",
    "Sheriff's",
    "Police",
    "Navy",
    "Naval",
    "Army",
    "Military",
    "Marine",
    "Department",
    "Public",
    "Government",
    "Prosecutor’s",
    "Prosecutor's",
    "Correctional",
    "Veterans",
    "Justice",
]);

/// Head words of organisations that are not government bodies.
pub(crate) static ORG_HEADS: WordSet = WordSet::new(&[
    "University",
    "College",
    "School",
    "Elementary",
    "Inc",
    "LLC",
    "Corp",
    "Corporation",
    "Company",
    "Co",
    "Foundation",
    "Association",
    "Institute",
    "Clinic",
    "Party",
    "Bank",
    "Church",
    "Society",
    "Alliance",
    "Coalition",
    "Network",
    "Group",
    "Times",
    "Post",
    "Journal",
    "Tribune",
    "Herald",
    "Aid",
    "Partners",
    "Fund",
    "Trust",
    "LLP",
    "Club",
    "League",
    "Union",
    "Chiefs",
    "Ministries",
    "Press",
    "News",
    "Magazine",
    "Television",
    "Radio",
]);

/// Well-known acronyms of federal bodies, used when the release writes only the acronym.
pub(crate) const KNOWN_ACRONYMS: &[(&str, &str)] = &[
    ("FBI", "Federal Bureau of Investigation"),
    ("ATF", "Bureau of Alcohol, Tobacco, Firearms and Explosives"),
    ("DEA", "Drug Enforcement Administration"),
    ("CIA", "Central Intelligence Agency"),
    ("NSA", "National Security Agency"),
    ("DHS", "Department of Homeland Security"),
    ("DOJ", "Department of Justice"),
    ("HUD", "Department of Housing and Urban Development"),
    ("HHS", "Department of Health and Human Services"),
    ("EPA", "Environmental Protection Agency"),
    ("IRS", "Internal Revenue Service"),
    ("FEMA", "Federal Emergency Management Agency"),
    ("CDC", "Centers for Disease Control and Prevention"),
    ("FDA", "Food and Drug Administration"),
    ("USDA", "U.S. Department of Agriculture"),
    ("ICE", "Immigration and Customs Enforcement"),
    ("CBP", "U.S. Customs and Border Protection"),
    ("TSA", "Transportation Security Administration"),
    ("USPS", "U.S. Postal Service"),
    ("SEC", "Securities and Exchange Commission"),
    ("FTC", "Federal Trade Commission"),
    ("FCC", "Federal Communications Commission"),
    ("FAA", "Federal Aviation Administration"),
    ("NIH", "National Institutes of Health"),
    ("CISA", "Cybersecurity and Infrastructure Security Agency"),
    ("NCIS", "Naval Criminal Investigative Service"),
    ("USMS", "U.S. Marshals Service"),
    ("SSA", "Social Security Administration"),
    ("CMS", "Centers for Medicare & Medicaid Services"),
    ("GAO", "Government Accountability Office"),
    ("CBO", "Congressional Budget Office"),
    ("OMB", "Office of Management and Budget"),
    ("NASA", "National Aeronautics and Space Administration"),
    ("NOAA", "National Oceanic and Atmospheric Administration"),
    ("NTSB", "National Transportation Safety Board"),
    ("NYPD", "New York City Police Department"),
    ("LAPD", "Los Angeles Police Department"),
];

pub(crate) const CONNECTORS: &[&str] = &["of", "for", "and", "&", "on", "the"];

/// Heads after which a capitalised word starts another name ("Sheriff’s Department
/// Homicide Division"); "House", "Senate" and "Police" go on into longer names.
pub(crate) const SPLITTING_HEADS: &[&str] = &[
    "Department",
    "Office",
    "Bureau",
    "Agency",
    "Court",
    "Commission",
    "Administration",
    "Board",
    "Council",
    "Division",
    "Unit",
    "Authority",
];

/// Government bodies named by one word ("Congress passed the bill"): the national
/// legislature, unambiguous written alone.
pub(crate) const ONE_WORD_BODIES: &[&str] = &["Congress"];

/// Words that name a local government when followed by "of" ("City of Longview").
pub(crate) const MUNICIPALITIES: &[&str] =
    &["City", "County", "Town", "Village", "Borough", "Township"];

/// Words that lead into a name without being part of it.
pub(crate) static LEADING_NOISE: WordSet = WordSet::new(&[
    "the",
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "By",
    "From",
    "With",
    "Contact",
    "Visit",
    "Today",
    "Yesterday",
    "Through",
    "After",
    "Before",
    "During",
    "Under",
    "Meanwhile",
    "And",
    "But",
    "Or",
    "If",
    "When",
    "While",
    "Since",
    "As",
    "Also",
    "Both",
    "Former",
    "Thanks",
    "Please",
    "Call",
    "Join",
    "Meet",
    "Its",
    "Our",
    "Their",
    "His",
    "Her",
    "This",
    "That",
    "These",
    "Those",
    "Every",
    "Each",
    "of",
    "for",
    "and",
    "&",
    "on",
]);

/// Words naming a building: "Frank Crowley Courts Building" is not a court.
pub(crate) const BUILDING_WORDS: &[&str] = &["Building", "Courthouse", "Complex", "Plaza", "Tower"];

/// Words that make a speaker's name a body when they end it ("the City", "the
/// campaign", "the Sheriff's"), besides the heads of bodies above: the entity rules do not
/// take them for heads, since "Harris County" or "Kansas City" is a place, but a speaker
/// is never one.
const SPEAKER_BODY_WORDS: &[&str] = &[
    "campaign",
    "centre",
    "cabinet",
    "district",
    "county",
    "city",
    "state",
    "people",
    "project",
    "program",
    "organization",
    "organisation",
    "sheriff's",
    "attorney's",
];

/// Every head of a body or organisation and every speaker body word, in lower case.
static BODY_WORDS_LOWER: LazyLock<HashSet<String>> = LazyLock::new(|| {
    [
        HEADS.words(),
        WEAK_HEADS.words(),
        ORG_HEADS.words(),
        SPEAKER_BODY_WORDS,
    ]
    .into_iter()
    .flatten()
    .map(|w| w.to_lowercase())
    .collect()
});

/// True when `word`, ending a capitalised run, makes it the name of a body or
/// organisation ("Department", "Office", "Inc.", "County"), in any case.
pub(crate) fn ends_body_name(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    BODY_WORDS_LOWER.contains(&word.to_lowercase())
}

/// The full name of a well-known acronym ("FBI" -> "Federal Bureau of Investigation").
pub(crate) fn known_acronym(acronym: &str) -> Option<&'static str> {
    KNOWN_ACRONYMS
        .iter()
        .find(|(a, _)| *a == acronym)
        .map(|&(_, n)| n)
}

/// Words that may join the capitalised words of one organisation's name.
pub(crate) const JOINERS: &[&str] = &["of", "for", "and", "on"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_names_end_in_heads() {
        assert!(ends_body_name("Department") && ends_body_name("office"));
        assert!(ends_body_name("Inc.") && ends_body_name("County"));
        assert!(!ends_body_name("Quillfeather"));
        assert_eq!(
            known_acronym("FBI"),
            Some("Federal Bureau of Investigation")
        );
    }
}
