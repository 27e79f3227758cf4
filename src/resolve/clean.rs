//! Person names cleaned with what the whole corpus says: a word opening a name that the
//! corpus writes in lower case ("Later Fenn", "Joining Fenn") is a headline or sentence word glued to
//! the name, not part of it; so is a last word of that kind ("Fenn Response").

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Record;
use crate::entities::EntityType;
use crate::lexicon::names::{is_given_name, PARTICLES};

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
/// [`COMMON`] times as often as it opens a person's name, it is not a given name of
/// the lexicon ([`is_given_name`]) nor a particle, and what stays is a full name or the surname of
/// another person's name ("Later Fenn" beside "Ada Fenn"). A last word is dropped when
/// the corpus writes it in lower case as often and what stays is one word, a surname
/// written alone elsewhere and no given name ("Fenn Response" beside "Fenn"): surnames are
/// common words too often ("Snow", "Parks") for less.
pub fn clean_names(records: &mut [Record], vocabulary: &Vocabulary) -> BTreeMap<String, String> {
    let mut opens: HashMap<String, u32> = HashMap::new();
    let mut ends: HashMap<String, u32> = HashMap::new();
    let mut written: HashSet<String> = HashSet::new();
    // Surnames with the first words of the names they end.
    let mut surnames: HashMap<String, HashSet<String>> = HashMap::new();
    for r in records.iter().filter(|r| r.kind == EntityType::Person) {
        for (name, rows) in &r.names {
            let words: Vec<&str> = name.split_whitespace().collect();
            if let [first, .., last] = words.as_slice() {
                *opens.entry(bare(first)).or_default() += rows;
                *ends.entry(bare(last)).or_default() += rows;
                surnames.entry(bare(last)).or_default().insert(bare(first));
            }
            written.insert(name.clone());
        }
    }
    let common = |w: &str, edge: &HashMap<String, u32>| {
        let word = bare(w);
        let lower = vocabulary.lower(&word);
        lower >= COMMON && lower >= COMMON * edge.get(&word).copied().unwrap_or(0)
    };
    // A first word cut short with a period is a given name's abbreviation ("Wm.",
    // "Chas.") or an initial, however often the bare letters are written in lower case.
    let common_opener = |w: &str| {
        let word = bare(w);
        common(w, &opens)
            && !w.ends_with('.')
            && !is_given_name(&word)
            && !PARTICLES.contains(&word.as_str())
    };
    let mut renames = BTreeMap::new();
    for r in records.iter_mut().filter(|r| r.kind == EntityType::Person) {
        let mut cleaned: BTreeMap<String, u32> = BTreeMap::new();
        for (name, rows) in std::mem::take(&mut r.names) {
            let mut words: Vec<&str> = name.split_whitespace().collect();
            while words.len() >= 2 && common_opener(words[0]) {
                let rest_is_known = words.len() > 2
                    || surnames
                        .get(&bare(words[1]))
                        .is_some_and(|firsts| firsts.iter().any(|f| *f != bare(words[0])));
                if !rest_is_known {
                    break;
                }
                words.remove(0);
            }
            // A last word goes only when what stays is a surname written alone elsewhere
            // and no given name ("Fenn Response" beside "Fenn"; "Ann Snow" stays).
            if let [rest, last] = words.as_slice() {
                if common(last, &ends)
                    && written.contains(*rest)
                    && surnames.contains_key(&bare(rest))
                    && !is_given_name(&bare(rest))
                {
                    words.pop();
                }
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
    use crate::entities::EntityId;

    fn record(name: &str, rows: u32) -> Record {
        let mut r = Record::new(EntityType::Person, EntityId::written(name), Some("Office"));
        for _ in 0..rows {
            r.add(name, None, None);
        }
        r
    }

    /// The vocabulary of `text` written `times` times.
    fn vocabulary_of(text: &str, times: usize) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for _ in 0..times {
            vocabulary.add_text(text);
        }
        vocabulary
    }

    #[test]
    fn edge_words_the_corpus_writes_in_lower_case_go() {
        let vocabulary = vocabulary_of(
            "later that day the response was kind; grace and price matter, young",
            5,
        );
        let mut records = vec![
            record("Later Fenn", 1),
            record("Ada Fenn", 40),
            record("Fenn Response", 1),
            record("Grace Fenn", 30),
            record("Tom Price", 2),
            record("Response", 1),
            record("Fenn", 3),
            record("Ada Price", 1),
            record("Tom Young", 1),
            record("Tom", 2),
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
        assert!(!renames.contains_key("Ada Price"));
        assert!(!renames.contains_key("Tom Young"));
        assert_eq!(records[0].names.keys().collect::<Vec<_>>(), ["Fenn"]);
        assert!(!renames.contains_key("Response"));
        // A surname the corpus writes in lower case (a web address) but that ends many
        // names stays, whatever the word before it.
        let vocabulary = vocabulary_of("see www.fenn.example.gov", 9);
        let mut records = vec![record("Ada Fenn", 40), record("Lu Ada", 2)];
        assert!(clean_names(&mut records, &vocabulary).is_empty());
        // A word before a surname nobody else has, and particles, stay.
        let vocabulary = vocabulary_of("salud de la gente", 9);
        let mut records = vec![
            record("Salud Quill", 2),
            record("De Vora", 1),
            record("Ana Vora", 5),
        ];
        assert!(clean_names(&mut records, &vocabulary).is_empty());
    }

    #[test]
    fn an_abbreviated_given_name_stays_however_often_its_letters_are_written() {
        let vocabulary = vocabulary_of("see wm and later wm again", 5);
        let mut records = vec![
            record("Wm. Hale Brisley", 2),
            record("Hale Brisley", 3),
            record("Later Hale Brisley", 1),
        ];
        let renames = clean_names(&mut records, &vocabulary);
        assert!(!renames.contains_key("Wm. Hale Brisley"));
        assert_eq!(
            renames.get("Later Hale Brisley").map(String::as_str),
            Some("Hale Brisley")
        );
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
