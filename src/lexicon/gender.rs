//! The gender that English words give a person: pronouns, honorifics, gendered titles and
//! given names. Each word says only what it says; weighing the evidence for one person
//! is the reader's (attribution reads honorifics and titles before given names).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::WordSet;

/// A person's gender as English marks it (pronouns, honorifics, "-woman" titles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Gender {
    /// "she", "Mrs.", "Congresswoman", "Margaret".
    Female,
    /// "he", "Mr.", "Congressman", "Walter".
    Male,
}

/// Honorifics, title words and nouns written beside only a woman's name ("Mrs. Quill",
/// "Quill, the victim's mother"), lower case, no period.
static FEMALE_TITLES: WordSet = WordSet::new(&[
    "mrs",
    "ms",
    "miss",
    "madam",
    "madame",
    "dame",
    "congresswoman",
    "assemblywoman",
    "councilwoman",
    "chairwoman",
    "spokeswoman",
    "alderwoman",
    "committeewoman",
    "businesswoman",
    "policewoman",
    "woman",
    "girl",
    "mother",
    "mom",
    "wife",
    "daughter",
    "sister",
    "grandmother",
    "granddaughter",
    "aunt",
    "niece",
    "widow",
    "stepmother",
    "girlfriend",
]);

/// Honorifics, title words and nouns written beside only a man's name, lower case, no
/// period.
/// "Chairman", "Alderman" and "Selectman" are left out: many offices give them to women
/// as well, as the formal name of the office.
static MALE_TITLES: WordSet = WordSet::new(&[
    "mr",
    "mister",
    "sir",
    "congressman",
    "assemblyman",
    "councilman",
    "spokesman",
    "committeeman",
    "businessman",
    "policeman",
    "patrolman",
    "man",
    "boy",
    "father",
    "dad",
    "husband",
    "son",
    "brother",
    "grandfather",
    "grandson",
    "uncle",
    "nephew",
    "widower",
    "stepfather",
    "boyfriend",
]);

/// `data/female_names.txt` and `data/male_names.txt`: given names that are clearly a
/// woman's or a man's, one per line.
const FEMALE_NAMES: &str = include_str!("data/female_names.txt");
const MALE_NAMES: &str = include_str!("data/male_names.txt");

/// Every listed given name with its gender.
static GIVEN: LazyLock<HashMap<&'static str, Gender>> = LazyLock::new(|| {
    let lines = |text: &'static str| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    };
    lines(FEMALE_NAMES)
        .map(|n| (n, Gender::Female))
        .chain(lines(MALE_NAMES).map(|n| (n, Gender::Male)))
        .collect()
});

/// The gender of a personal pronoun in any form ("he", "Her", "himself").
pub(crate) fn of_pronoun(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender an honorific, title word or noun gives the person it names ("Mrs.",
/// "Congresswoman", "spokesman", "mother"); `None` for a neutral one ("Sen.", "Rep.",
/// "Dr.", "victim").
pub(crate) fn of_title_word(word: &str) -> Option<Gender> {
    let w = word.trim_end_matches('.').to_lowercase();
    if FEMALE_TITLES.contains(&w) {
        Some(Gender::Female)
    } else if MALE_TITLES.contains(&w) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The gender of a given name in any case ("Margaret", "WALTER"); `None` for a name given
/// to both ("Jordan") or not listed.
pub(crate) fn of_given_name(name: &str) -> Option<Gender> {
    GIVEN.get(name.to_lowercase().as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_in_every_form() {
        assert_eq!(of_pronoun("He"), Some(Gender::Male));
        assert_eq!(of_pronoun("his"), Some(Gender::Male));
        assert_eq!(of_pronoun("her"), Some(Gender::Female));
        assert_eq!(of_pronoun("they"), None);
    }

    #[test]
    fn gendered_and_neutral_titles() {
        assert_eq!(of_title_word("Mrs."), Some(Gender::Female));
        assert_eq!(of_title_word("Congresswoman"), Some(Gender::Female));
        assert_eq!(of_title_word("spokesman"), Some(Gender::Male));
        assert_eq!(of_title_word("Mr"), Some(Gender::Male));
        assert_eq!(of_title_word("mother"), Some(Gender::Female));
        for neutral in ["Sen.", "Rep.", "Dr.", "Chairman", "Governor"] {
            assert_eq!(of_title_word(neutral), None, "{neutral}");
        }
    }

    #[test]
    fn given_names_clearly_of_one_gender() {
        assert_eq!(of_given_name("Margaret"), Some(Gender::Female));
        assert_eq!(of_given_name("WALTER"), Some(Gender::Male));
        for both in ["Jordan", "Taylor", "Pat", "Jamie", "Dana", "Quillfeather"] {
            assert_eq!(of_given_name(both), None, "{both}");
        }
    }

    #[test]
    fn no_name_is_listed_for_both() {
        let female: Vec<&str> = FEMALE_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        assert!(MALE_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .all(|m| !female.contains(&m)));
    }
}
