//! A title written in place of its holder's name ("the congresswoman said", "the former
//! governor said"): the forms of one title that differ only by gender, and the words that
//! tell when someone held a title rather than which title it is.

use super::abbreviations::expand_title;
use super::{capitalise, strip_possessive, WordSet};

/// The forms of one title that differ only by gender, lower case, the neutral form first:
/// a release may title a person "Representative" and then write "the congresswoman".
const TITLE_FORMS: &[&[&str]] = &[
    &[
        "representative",
        "congressman",
        "congresswoman",
        "congressmember",
    ],
    &["spokesperson", "spokesman", "spokeswoman"],
    &["chair", "chairman", "chairwoman", "chairperson"],
    &["councilmember", "councilman", "councilwoman"],
    &["assemblymember", "assemblyman", "assemblywoman"],
    &["alderperson", "alderman", "alderwoman"],
    &["committeeperson", "committeeman", "committeewoman"],
];

/// Words before a title that say when its holder held it, not which title it is ("the
/// former governor"), lower case.
pub(crate) static TENURE_WORDS: WordSet = WordSet::new(&[
    "former", "then", "late", "outgoing", "incoming", "retiring", "retired", "longtime", "current",
    "new", "newly", "elected", "sitting",
]);

/// One title word as a key that every form of the title shares: the abbreviation
/// expanded, lower case, the neutral form ("Rep." and "congresswoman" -> "representative",
/// "Gov" -> "governor"); other words in lower case.
pub(crate) fn title_key(word: &str) -> String {
    let word = strip_possessive(word).trim_end_matches('.');
    let expanded = expand_title(&capitalise(word)).to_lowercase();
    TITLE_FORMS
        .iter()
        .find(|forms| forms.contains(&expanded.as_str()))
        .map_or(expanded, |forms| forms[0].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_a_title_has_one_key() {
        for w in [
            "congresswoman",
            "Congressman",
            "Rep.",
            "rep",
            "Representative",
        ] {
            assert_eq!(title_key(w), "representative", "{w}");
        }
        assert_eq!(title_key("spokeswoman"), title_key("Spokesperson"));
        assert_eq!(title_key("Gov."), "governor");
        assert_eq!(title_key("attorney"), "attorney");
    }

    #[test]
    fn tenure_words() {
        assert!(TENURE_WORDS.contains("former") && !TENURE_WORDS.contains("deputy"));
    }
}
