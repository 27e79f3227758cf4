//! The language data of English press releases, apart from the stages that read it (as
//! spaCy keeps `lang/en/` apart from its components): every word list the rules consult,
//! one copy of each, and the few word tests that go with them (a possessive, an acronym).
//!
//! | file | holds |
//! |---|---|
//! | [`abbreviations`] | abbreviations with what they stand for and what kind they are |
//! | [`states`] | states with names, AP forms, USPS codes and false friends |
//! | [`titles`] | honorifics, title heads with their role kind, title words, state offices |
//! | [`organisations`] | heads of bodies and organisations, government words, acronyms |
//! | [`verbs`] | speech, statement, praise and person verbs |
//! | [`names`] | given names, particles, suffixes, place words, group nouns, sentence openers |
//! | [`words`] | stop and function words, pronouns, determiners, directions |
//! | [`roles`] | the gendered forms of one title, words of a holder's tenure |
//! | [`gender`] | the gender of pronouns, honorifics, gendered titles and given names |
//! | [`pages`] | news-section names, share widgets, buttons, header and contact labels |
//!
//! Nothing here reads a release; the stages import from here and none redefines a list.
//! [`class`] and [`classes`] give a word's classes as bits, built once on first use.

pub(crate) mod abbreviations;
pub(crate) mod gender;
pub(crate) mod names;
pub(crate) mod organisations;
pub(crate) mod pages;
pub(crate) mod roles;
pub(crate) mod states;
pub(crate) mod titles;
pub(crate) mod verbs;
pub(crate) mod words;

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

/// A fixed list of words with fast lookup (sorted on first use, then binary-searched:
/// cheaper than hashing for short words).
pub(crate) struct WordSet {
    words: &'static [&'static str],
    sorted: OnceLock<Vec<&'static str>>,
}

impl WordSet {
    /// A set of the given words.
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            sorted: OnceLock::new(),
        }
    }

    /// The words, in the order given.
    pub(crate) fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// True when `word` is one of the words (exact, case-sensitive).
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.sorted
            .get_or_init(|| {
                let mut v = self.words.to_vec();
                v.sort_unstable();
                v
            })
            .binary_search(&word)
            .is_ok()
    }
}

/// Classes of words, as bits of [`classes`]: looked up once per token, so the rules test
/// bits instead of searching word lists.
pub(crate) mod class {
    /// Sentence words, pronouns, dates, page words ([`super::words::STOP_WORDS`]).
    pub const STOP: u32 = 1;
    /// Words of titles: heads (also plural), modifiers, honorifics.
    pub const TITLE: u32 = 1 << 1;
    /// Head words of government bodies.
    pub const HEAD: u32 = 1 << 2;
    /// Head words of government bodies only beside a government word.
    pub const WEAK_HEAD: u32 = 1 << 3;
    /// Head words of other organisations.
    pub const ORG_HEAD: u32 = 1 << 4;
    /// Words of place and building names.
    pub const PLACE: u32 = 1 << 5;
    /// Words that mark a name as governmental.
    pub const GOVERNMENT: u32 = 1 << 6;
    /// One-word state names.
    pub const STATE: u32 = 1 << 7;
    /// Name suffixes ("Jr").
    pub const SUFFIX: u32 = 1 << 8;
    /// Capitalised verb forms ("Announces", "Passes"): never part of a person's name.
    pub const VERB: u32 = 1 << 9;
    /// Plural nouns for groups of people ("Democrats", "Lawmakers").
    pub const GROUP: u32 = 1 << 10;
}

/// The verbs of `data/verbs.txt` (base forms; `#` starts a comment line): written
/// capitalised in headlines, never part of a person's name.
const HEADLINE_VERBS: &str = include_str!("data/verbs.txt");

/// Every written form of a base verb: the base, -s/-es, -ed/-d, -ing (a final e dropped,
/// a final consonant + y turned into -ies/-ied).
fn verb_forms(base: &str) -> Vec<String> {
    let stem_y = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']));
    let (third, past) = match stem_y {
        Some(stem) => (format!("{stem}ies"), format!("{stem}ied")),
        None if base.ends_with(['s', 'x', 'z']) || base.ends_with("sh") || base.ends_with("ch") => {
            (format!("{base}es"), format!("{base}ed"))
        }
        None if base.ends_with('e') => (format!("{base}s"), format!("{base}d")),
        None => (format!("{base}s"), format!("{base}ed")),
    };
    let ing = match base.strip_suffix('e') {
        Some(stem) if !base.ends_with("ee") => format!("{stem}ing"),
        _ => format!("{base}ing"),
    };
    vec![base.to_string(), third, past, ing]
}

/// A word with its first letter in upper case ("director" -> "Director").
pub(crate) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Every listed word with its classes.
static CLASSES: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    let mut map: HashMap<String, u32> = HashMap::new();
    let mut add = |words: &[&str], bits: u32| {
        for w in words {
            *map.entry((*w).to_string()).or_default() |= bits;
        }
    };
    add(words::STOP_WORDS.words(), class::STOP);
    for heads in [
        titles::OFFICIAL_HEADS.words(),
        titles::PRIVATE_HEADS.words(),
    ] {
        add(heads, class::TITLE);
        // "Congressmen", "Councilwomen" beside the regular "Senators".
        let plurals: Vec<String> = heads
            .iter()
            .map(|w| match w.strip_suffix("man") {
                Some(stem) => format!("{stem}men"),
                None => format!("{w}s"),
            })
            .collect();
        add(
            &plurals.iter().map(String::as_str).collect::<Vec<_>>(),
            class::TITLE,
        );
    }
    add(titles::MODIFIERS.words(), class::TITLE);
    add(titles::HONORIFICS.words(), class::TITLE);
    add(organisations::HEADS.words(), class::HEAD);
    add(organisations::WEAK_HEADS.words(), class::WEAK_HEAD);
    add(organisations::ORG_HEADS.words(), class::ORG_HEAD);
    add(organisations::GOVERNMENT_WORDS.words(), class::GOVERNMENT);
    add(names::PLACE_WORDS.words(), class::PLACE);
    add(names::GROUP_NOUNS.words(), class::GROUP);
    add(names::SUFFIXES, class::SUFFIX);
    add(&states::single_word_names(), class::STATE);
    let verbs: Vec<String> = HEADLINE_VERBS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .flat_map(verb_forms)
        .map(|w| capitalise(&w))
        .collect();
    add(
        &verbs.iter().map(String::as_str).collect::<Vec<_>>(),
        class::VERB,
    );
    map
});

/// The classes of a word as written ([`class`] bits; 0 for an unlisted word).
pub(crate) fn classes(word: &str) -> u32 {
    CLASSES.get(word).copied().unwrap_or(0)
}

/// A word without a possessive ending ("Nebraska’s" -> "Nebraska", "Jones'" -> "Jones").
pub(crate) fn strip_possessive(word: &str) -> &str {
    for suffix in ["’s", "'s", "’S", "'S", "’", "'"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if !base.is_empty() {
                return base;
            }
        }
    }
    word
}

/// True for a capitalised word ("Ashcroft", "O’Dell", "J.", "DA").
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True for a word of two or more letters, all capitals ("FBI", "NY", "O'NEILL"): an
/// acronym or a word of a headline set in capitals.
pub(crate) fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// True for an acronym: two to eight letters and digits, hyphens or ampersands, starting
/// with a capital, more than half of the letters capitals ("CISA", "D-CA", "MedPAC").
///
/// Bodies write their acronyms with lower-case letters inside ("MedPAC", "FinCEN",
/// "DoD"), so a majority of capitals decides, not all of them; a name written
/// "McDonald" or "DeWitt" has too few. Dotted forms ("U.S.", "D.C.") are
/// [`abbreviations`], not acronyms.
pub(crate) fn is_acronym(word: &str) -> bool {
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in word.chars() {
        if c.is_alphabetic() {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        } else if !(c.is_alphanumeric() || c == '-' || c == '&') {
            return false;
        }
    }
    (2..=8).contains(&letters) && upper * 2 > letters && is_capitalised(word)
}

/// True for the plural of an acronym ("DAs", "CEOs", "AGs"): capitals, then one "s".
/// A group of officials, never one person's name.
pub(crate) fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_acronyms() {
        assert!(is_plural_acronym("DAs") && is_plural_acronym("CEOs"));
        assert!(!is_plural_acronym("Das") && !is_plural_acronym("DA") && !is_plural_acronym("As"));
    }

    #[test]
    fn verb_forms_cover_the_inflections() {
        assert_eq!(verb_forms("pass"), ["pass", "passes", "passed", "passing"]);
        assert_eq!(
            verb_forms("announce"),
            ["announce", "announces", "announced", "announcing"]
        );
        assert_eq!(
            verb_forms("testify"),
            ["testify", "testifies", "testified", "testifying"]
        );
        assert_eq!(verb_forms("vote")[3], "voting");
        assert_eq!(capitalise("walks"), "Walks");
    }

    #[test]
    fn classes_of_listed_words() {
        assert_ne!(classes("Congressmen") & class::TITLE, 0);
        assert_ne!(classes("Announces") & class::VERB, 0);
        assert_ne!(classes("Missouri") & class::STATE, 0);
        assert_eq!(classes("Quillfeather"), 0);
    }

    #[test]
    fn possessives() {
        assert_eq!(strip_possessive("Gohmert’s"), "Gohmert");
        assert_eq!(strip_possessive("Voss'"), "Voss");
        assert_eq!(strip_possessive("’s"), "’s");
    }

    #[test]
    fn acronyms_by_a_majority_of_capitals() {
        assert!(is_acronym("CTA") && is_acronym("MedPAC") && is_acronym("D-CA"));
        assert!(!is_acronym("Cta") && !is_acronym("McDonald") && !is_acronym("U.S."));
        assert!(!is_acronym("A") && !is_acronym("ABCDEFGHI"));
        assert!(is_all_caps("ABCDEFGHI") && is_all_caps("O'NEILL") && !is_all_caps("MedPAC"));
    }
}
