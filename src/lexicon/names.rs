//! Words inside and around people's names: given names with their short forms,
//! particles, suffixes, place and building words that are never part of a name, and the
//! words that open sentences rather than names.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::WordSet;

/// Lower-case particles inside names that begin surnames ("Ludwig van Beethoven", "Ana
/// della Corte").
pub(crate) const PARTICLES: &[&str] = &[
    "de", "del", "della", "la", "van", "von", "der", "da", "dos", "di", "le", "bin", "st",
];

/// Name suffixes kept in names, as written after a name.
pub(crate) const SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV"];

/// A suffix that is also an initial ("V"): taken as a suffix only where a name already
/// found is taken apart, never while names are found.
pub(crate) const INITIAL_SUFFIXES: &[&str] = &["V"];

/// True for a name suffix in any case, without its period ("jr", "III", "v").
pub(crate) fn is_suffix_any_case(word: &str) -> bool {
    SUFFIXES
        .iter()
        .chain(INITIAL_SUFFIXES)
        .any(|s| s.eq_ignore_ascii_case(word))
}

/// `data/given_names.txt`: a full given name, then its short forms, per line.
const GIVEN_NAMES: &str = include_str!("data/given_names.txt");

/// The lines of `data/given_names.txt` as words, comments and blank lines skipped.
fn given_name_lines() -> impl Iterator<Item = Vec<&'static str>> {
    GIVEN_NAMES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect())
}

/// Each short form with the full names it stands for ("bill" -> ["william"]).
static SHORT_FORMS: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<&str, Vec<&str>> = HashMap::new();
    for words in given_name_lines() {
        let Some((full, shorts)) = words.split_first() else {
            continue;
        };
        for short in shorts {
            map.entry(*short).or_default().push(full);
        }
    }
    map
});

/// Every given name of `data/given_names.txt`, full and short forms.
static GIVEN: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| given_name_lines().flatten().collect());

/// True for a given name of the language data (lower case): "william", "bill", "mark".
pub(crate) fn is_given_name(word: &str) -> bool {
    GIVEN.contains(word)
}

/// The full given names a short form stands for ("bill" -> ["william"]; none for a word
/// that is no short form).
pub(crate) fn full_forms(short: &str) -> &'static [&'static str] {
    SHORT_FORMS.get(short).map_or(&[], Vec::as_slice)
}

/// Words of place and building names, never parts of a person's name.
pub(crate) static PLACE_WORDS: WordSet = WordSet::new(&[
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Blvd",
    "Boulevard",
    "Drive",
    "Highway",
    "Plaza",
    "Square",
    "Building",
    "Forest",
    "River",
    "Mountain",
    "Beach",
    "Valley",
    "Bridge",
    "Parkway",
    "Freeway",
    "Center",
    "Centre",
    "Island",
    "Islands",
    "Lake",
    "County",
    "City",
    "Town",
    "Township",
    "Village",
    "Airport",
    "Station",
    "Mall",
    "Park",
    "Stadium",
    "Arena",
    "Suite",
    "Floor",
    "Room",
    "Hall",
    "Tower",
    "Harbor",
    "Port",
    "Bay",
    "Canyon",
    "Heights",
    "Hills",
]);

/// Capitalised words that start sentences rather than names.
pub(crate) const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "when",
    "while",
    "if",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "we",
    "i",
    "they",
    "our",
    "his",
    "her",
    "their",
    "its",
    "today",
    "yesterday",
    "after",
    "before",
    "as",
    "for",
    "with",
    "from",
    "since",
    "although",
    "also",
    "according",
    "during",
    "under",
    "by",
    "to",
    "of",
    "my",
    "your",
    "there",
    "here",
    "said",
    "says",
    "meanwhile",
    "however",
    "thanks",
    "read",
    "more",
    "share",
    "contact",
    "for",
    "immediate",
    "release",
    "press",
    "news",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "what",
    "why",
    "how",
    "who",
    "where",
    "mr",
    "ms",
    "mrs",
    "not",
    "no",
    "yes",
    "every",
    "all",
    "each",
    "both",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_of_the_data() {
        assert!(is_given_name("wm") && is_given_name("william") && is_given_name("mark"));
        assert!(!is_given_name("later"));
        assert!(full_forms("bill").contains(&"william"));
        assert!(full_forms("william").is_empty());
    }

    #[test]
    fn suffixes_in_any_case() {
        assert!(is_suffix_any_case("jr") && is_suffix_any_case("III") && is_suffix_any_case("v"));
        assert!(!is_suffix_any_case("jnr") && !is_suffix_any_case("j"));
    }
}
