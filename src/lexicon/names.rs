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

/// True for a word (lower case) the language data knows as a given name: the given
/// names with their short forms and the names of one gender ("william", "bill",
/// "margaret").
pub(crate) fn is_known_given_name(word: &str) -> bool {
    is_given_name(word) || super::gender::of_given_name(word).is_some()
}

/// True when `word` is one part of the double-barrelled surname `surname`, in the same
/// case ("quinn" of "marlow-quinn"): a shorter form of the same person's name.
pub(crate) fn is_surname_part(surname: &str, word: &str) -> bool {
    surname.contains('-') && surname.split('-').any(|part| part == word)
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

/// Capitalised plural nouns for groups of people, parties first ("Democrats",
/// "Lawmakers"): a headline or a list sets them against a name ("Democrats Seth Vargo"),
/// but they are never part of one.
pub(crate) static GROUP_NOUNS: WordSet = WordSet::new(&[
    "Democrats",
    "Democrat",
    "Republicans",
    "Independents",
    "Libertarians",
    "Lawmakers",
    "Legislators",
    "Officials",
    "Leaders",
    "Colleagues",
    "Cosponsors",
    "Co-sponsors",
    "Residents",
    "Constituents",
    "Veterans",
    "Students",
    "Teachers",
    "Families",
    "Advocates",
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

/// True when a written name has the shape of a person's full name, whatever NER made of
/// it: two to five words, each capitalised (or a particle, an initial, a suffix), no
/// digits, and none a stop word, title, body head or headline verb (place words and
/// states stay: they are surnames and given names too, "Ada Beach", "Virginia Quill").
/// Capitals throughout are a name set in capitals ("DANA REYES"), but one word in capitals
/// among others is a tag or acronym ("Reyes CTA"). It rules out what a cue can name that
/// is no person: tags ("NC-10", "D-MA"), plurals and single words ("DAs", "Floor"),
/// lists ("Reyes and Quill", "Members"), and headline words glued on ("Reyes Delivers
/// Remarks", "Dana Reyes It", "Reyes’s Statement").
pub(crate) fn is_person_name_shape(name: &str) -> bool {
    use super::{class, classes, is_all_caps, is_capitalised, strip_possessive};
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || name.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // Only the last word may carry a possessive: "Reyes’s Statement" is a headline.
    if words[..words.len() - 1]
        .iter()
        .any(|w| strip_possessive(w).len() != w.len())
    {
        return false;
    }
    let bare = |w: &str| strip_possessive(w).trim_end_matches([',', '.']).to_string();
    let suffix = |w: &str| SUFFIXES.contains(&bare(w).as_str());
    let initial = |w: &str| {
        let b = bare(w);
        b.chars().count() == 1 && b.chars().all(char::is_uppercase)
    };
    let all_caps = words
        .iter()
        .filter(|w| !suffix(w) && !initial(w))
        .all(|w| is_all_caps(w));
    let not_name = class::STOP | class::TITLE | class::HEAD | class::ORG_HEAD | class::VERB;
    words.iter().all(|w| {
        let b = bare(w);
        if suffix(w) || initial(w) || PARTICLES.contains(&b.as_str()) {
            return true;
        }
        let as_written = if all_caps {
            super::capitalise(&b.to_lowercase())
        } else {
            b.clone()
        };
        is_capitalised(&b)
            && (all_caps || !is_all_caps(&b))
            && classes(&as_written) & not_name == 0
            && classes(&as_written.to_lowercase()) & class::STOP == 0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_name_shapes() {
        for name in [
            "Dana Reyes",
            "Dana B. Reyes",
            "Charles S. Quill II",
            "Ada S. Beach II",
            "Virginia Quill",
            "Marco de la Vora",
            "DANA REYES",
            "Jo O’Dell-Haskins",
            "Ada Quill Jr.",
        ] {
            assert!(is_person_name_shape(name), "{name}");
        }
        for name in [
            "Reyes",
            "DAs",
            "NC-10",
            "D-MA Reyes",
            "Reyes and Quill",
            "Dana Reyes It",
            "Reyes Announces Grants",
            "Dana Reyes CTA",
            "Members of Congress",
            "Representatives Reyes",
            "Reyes’s Statement",
        ] {
            assert!(!is_person_name_shape(name), "{name}");
        }
    }

    #[test]
    fn given_names_of_the_data() {
        assert!(is_given_name("wm") && is_given_name("william") && is_given_name("mark"));
        assert!(!is_given_name("later"));
        assert!(full_forms("bill").contains(&"william"));
        assert!(full_forms("william").is_empty());
        assert!(is_known_given_name("margaret") && is_known_given_name("bill"));
        assert!(!is_known_given_name("today") && !is_known_given_name("statement"));
    }

    #[test]
    fn parts_of_double_barrelled_surnames() {
        assert!(
            is_surname_part("marlow-quinn", "quinn") && is_surname_part("marlow-quinn", "marlow")
        );
        assert!(
            !is_surname_part("marlow-quinn", "marlow-quinn") && !is_surname_part("quinn", "quinn")
        );
        assert!(!is_surname_part("marlow-quinn", "quin"));
    }

    #[test]
    fn suffixes_in_any_case() {
        assert!(is_suffix_any_case("jr") && is_suffix_any_case("III") && is_suffix_any_case("v"));
        assert!(!is_suffix_any_case("jnr") && !is_suffix_any_case("j"));
    }
}
