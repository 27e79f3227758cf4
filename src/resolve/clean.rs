//! Person names cleaned with what the whole corpus says: a word at the edge of a name that
//! the corpus writes in lower case ("Later Napolitano", "Moulton Response", "Whit Davis
//! Elementary") is a headline or sentence word glued to the name, not part of it.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::names;
use super::Record;
use crate::entities::EntityType;

/// How often each word is written in lower case in the corpus's sentences. Its size is
/// that of the language's vocabulary, not of the corpus.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    lower: HashMap<String, u32>,
}

impl Vocabulary {
    /// Counts the lower-case words of a text.
    pub fn add_text(&mut self, text: &str) {
        for word in text.split(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'')) {
            if word.len() > 1
                && word
                    .chars()
                    .all(|c| c.is_lowercase() || c == '-' || c == '\'')
            {
                match self.lower.get_mut(word) {
                    Some(n) => *n += 1,
                    None => {
                        self.lower.insert(word.to_string(), 1);
                    }
                }
            }
        }
    }

    /// How often `word` (lower case) is written in lower case.
    pub fn lower(&self, word: &str) -> u32 {
        self.lower.get(word).copied().unwrap_or(0)
    }
}

/// A word written in lower case at least this many times, and this many times more often
/// than it opens a person's name, is a common word.
const COMMON: u32 = 3;

/// The lower-case form of a name word, without periods and possessives.
fn bare(word: &str) -> String {
    word.trim_end_matches(['.', ','])
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_lowercase()
}

/// Cleans the person names of `records` in place and returns every name changed, with its
/// clean form. A first word is dropped when the corpus writes it in lower case at least
/// [`COMMON`] times as often as it opens a person's name, and it is not a given name of
/// `data/given_names.txt`; a last word when the corpus writes it in lower case and the word
/// before it is the surname of some person (so "Tom Price" keeps its surname). A name is
/// never cleaned to nothing.
pub fn clean_names(records: &mut [Record], vocabulary: &Vocabulary) -> BTreeMap<String, String> {
    let mut opens: HashMap<String, u32> = HashMap::new();
    let mut surnames: HashSet<String> = HashSet::new();
    for r in records.iter().filter(|r| r.kind == EntityType::Person) {
        for (name, rows) in &r.names {
            let words: Vec<&str> = name.split_whitespace().collect();
            if let [first, .., last] = words.as_slice() {
                *opens.entry(bare(first)).or_default() += rows;
                surnames.insert(bare(last));
            }
        }
    }
    let common_opener = |w: &str| {
        let word = bare(w);
        let lower = vocabulary.lower(&word);
        lower >= COMMON
            && lower >= COMMON * opens.get(&word).copied().unwrap_or(0)
            && !names::is_given_name(&word)
    };
    let mut renames = BTreeMap::new();
    for r in records.iter_mut().filter(|r| r.kind == EntityType::Person) {
        let mut cleaned: BTreeMap<String, u32> = BTreeMap::new();
        for (name, rows) in std::mem::take(&mut r.names) {
            let mut words: Vec<&str> = name.split_whitespace().collect();
            while words.len() >= 2 && common_opener(words[0]) {
                words.remove(0);
            }
            while words.len() >= 2
                && vocabulary.lower(&bare(words[words.len() - 1])) >= COMMON
                && surnames.contains(&bare(words[words.len() - 2]))
            {
                words.pop();
            }
            let clean = words.join(" ");
            if clean != name {
                renames.insert(name.clone(), clean.clone());
            }
            *cleaned.entry(clean).or_default() += rows;
        }
        r.names = cleaned;
    }
    renames
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str, rows: u32) -> Record {
        let mut r = Record::new(EntityType::Person, name, Some("Office"));
        for _ in 0..rows {
            r.add(name, None, None);
        }
        r
    }

    #[test]
    fn edge_words_the_corpus_writes_in_lower_case_go() {
        let mut vocabulary = Vocabulary::default();
        for _ in 0..5 {
            vocabulary.add_text("later that day the response was kind; grace and price matter");
        }
        let mut records = vec![
            record("Later Fenn", 1),
            record("Ada Fenn", 40),
            record("Fenn Response", 1),
            record("Grace Fenn", 30),
            record("Tom Price", 2),
            record("Response", 1),
        ];
        let renames = clean_names(&mut records, &vocabulary);
        assert_eq!(renames.get("Later Fenn").map(String::as_str), Some("Fenn"));
        assert_eq!(
            renames.get("Fenn Response").map(String::as_str),
            Some("Fenn")
        );
        // Given names, surnames of names whose first word is no surname, and single words
        // stay.
        assert!(!renames.contains_key("Grace Fenn"));
        assert!(!renames.contains_key("Tom Price"));
        assert!(!renames.contains_key("Response"));
        assert_eq!(records[0].names.keys().collect::<Vec<_>>(), ["Fenn"]);
    }

    #[test]
    fn vocabulary_counts_lower_case_words_only() {
        let mut v = Vocabulary::default();
        v.add_text("The Senate passed the bill; the Bill passed. x-ray");
        assert_eq!(v.lower("the"), 2);
        assert_eq!(v.lower("bill"), 1);
        assert_eq!(v.lower("senate"), 0);
        assert_eq!(v.lower("x-ray"), 1);
    }
}
