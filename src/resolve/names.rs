//! Person names as the resolution compares them: given names, surname, suffix and
//! nicknames, and when two written names can be the same person.

use crate::lexicon::names::{full_forms, is_suffix_any_case};

/// A person's written name taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    /// Given and middle names (and initials), lower case, without periods, in order.
    pub givens: Vec<String>,
    /// The surname, lower case.
    pub surname: String,
    /// "jr", "sr", "iii", … if written.
    pub suffix: Option<String>,
    /// Nicknames written in quotation marks (`James "Jim" Dorn`), lower case.
    pub nicknames: Vec<String>,
}

impl PersonName {
    /// Takes a written name apart; `None` when it holds no word.
    pub fn parse(name: &str) -> Option<PersonName> {
        let mut words = Vec::new();
        let mut nicknames = Vec::new();
        let mut suffix = None;
        for raw in name.split([' ', ',']).filter(|w| !w.is_empty()) {
            let quoted = raw.starts_with(['"', '“', '\'', '‘']) || raw.ends_with(['"', '”']);
            let word: String = raw
                .chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '\''))
                .flat_map(char::to_lowercase)
                .collect();
            let word = word.trim_matches('\'').to_string();
            if word.is_empty() {
                continue;
            }
            if quoted {
                nicknames.push(word);
            } else if is_suffix_any_case(&word) && !words.is_empty() {
                suffix = Some(word);
            } else {
                words.push(word);
            }
        }
        let surname = words.pop()?;
        Some(PersonName {
            givens: words,
            surname,
            suffix,
            nicknames,
        })
    }

    /// True for a surname written alone ("Fenn").
    pub fn is_bare(&self) -> bool {
        self.givens.is_empty()
    }

    /// True when a given name of this name and `word` can be the same name.
    fn given_matches(&self, mine: &str, word: &str) -> bool {
        same_given(mine, word) || self.nicknames.iter().any(|n| same_given(n, word))
    }

    /// True when `self` and `other` can name the same person: same surname and suffix,
    /// and the given names of the one with fewer of them found, in order, among the
    /// other's (an initial matches a name starting with it, a short form its full name,
    /// a nickname in quotes the name it stands beside). Surnames alone are never compared.
    pub fn compatible(&self, other: &PersonName) -> bool {
        if self.surname != other.surname
            || self.suffix != other.suffix
            || self.is_bare()
            || other.is_bare()
        {
            return false;
        }
        let (short, long) = if self.givens.len() <= other.givens.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut rest = long.givens.iter();
        short.givens.iter().all(|g| {
            rest.by_ref()
                .any(|l| long.given_matches(l, g) || short.given_matches(g, l))
        })
    }

    /// True when the words of `text` (an issuer, "Office of Congressman Ann Doe") hold
    /// this name: the surname and a given name, in that order, and the suffix if any.
    pub fn named_in(&self, text: &str) -> bool {
        let words: Vec<String> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let Some(at) = words.iter().rposition(|w| *w == self.surname) else {
            return false;
        };
        if self
            .suffix
            .as_ref()
            .is_some_and(|s| !words[at..].contains(s))
        {
            return false;
        }
        words[..at]
            .iter()
            .any(|w| self.givens.iter().any(|g| self.given_matches(g, w)))
    }
}

/// True when two given names can be the same: equal, one the initial of the other, or a
/// short form of the other ("wm" and "william", "bob" and "robert") or of the same name.
fn same_given(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
    if initial(a, b) || initial(b, a) {
        return true;
    }
    let (a_full, b_full) = (full_forms(a), full_forms(b));
    a_full.contains(&b) || b_full.contains(&a) || a_full.iter().any(|f| b_full.contains(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> PersonName {
        PersonName::parse(s).expect("a name")
    }

    #[test]
    fn parses_suffixes_initials_and_nicknames() {
        let n = name("Orrin T. Vale, Jr.");
        assert_eq!(n.givens, ["orrin", "t"]);
        assert_eq!(n.surname, "vale");
        assert_eq!(n.suffix.as_deref(), Some("jr"));
        let n = name("James “Jimbo” Dorn III");
        assert_eq!(n.givens, ["james"]);
        assert_eq!(n.nicknames, ["jimbo"]);
        assert_eq!(n.suffix.as_deref(), Some("iii"));
        assert!(name("Dorn").is_bare());
        assert_eq!(PersonName::parse(" , "), None);
    }

    #[test]
    fn variants_of_one_name_are_compatible() {
        let full = name("William Quarry Fenn");
        for variant in [
            "Wm. Quarry Fenn",
            "Quarry Fenn",
            "Bill Fenn",
            "W. Q. Fenn",
            "William Fenn",
        ] {
            assert!(full.compatible(&name(variant)), "{variant}");
            assert!(name(variant).compatible(&full), "{variant}");
        }
        assert!(name("Rick T. Amble").compatible(&name("Richard Amble")));
        assert!(name("James “Jimbo” Dorn").compatible(&name("Jimbo Dorn")));
    }

    #[test]
    fn different_people_are_not() {
        assert!(!name("Grace Fenn").compatible(&name("Janet Fenn")));
        assert!(!name("William Fenn, Sr.").compatible(&name("William Fenn")));
        assert!(!name("Ann B. Fenn").compatible(&name("Ann C. Fenn")));
        assert!(!name("Ann Fenn").compatible(&name("Ann Fennimore")));
        // A surname alone is matched by the issuer, never by the name.
        assert!(!name("Fenn").compatible(&name("Ann Fenn")));
    }

    #[test]
    fn issuers_name_their_member() {
        let n = name("Grace F. Fenn");
        assert!(n.named_in("Office of Congresswoman Grace Fenn"));
        assert!(!n.named_in("Office of Congressman Fenn Talbot"));
        assert!(!name("Janet Fenn").named_in("Office of Congresswoman Grace Fenn"));
        assert!(!name("Grace Fenn, Sr.").named_in("Office of Congresswoman Grace Fenn"));
        assert!(name("Grace Fenn, Sr.").named_in("Office of Grace Fenn Sr."));
    }
}
