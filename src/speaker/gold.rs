//! Gold labels for the speaker model: the annotated releases of `../shared/eval` and the
//! converted PolNeAR corpus (`NAME.txt` + `NAME.json`, see `../shared/eval/README.md`).
//!
//! A predicted quotation is matched to the gold quotation most of whose words it holds;
//! a candidate is labelled right when its name agrees with the gold speaker: the same last
//! word (or its last word among the gold speaker's words, for descriptions such as
//! "campaign chairman Jo Park"), or, for an organisation, a Jaccard overlap of at least one half
//! over content words, or the gold acronym.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

/// One annotated release.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldRelease {
    /// The text file it annotates.
    pub file: String,
    /// Its direct quotations.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    /// Its agencies (for acronyms of organisation speakers).
    #[serde(default)]
    pub agencies: Option<Vec<GoldAgency>>,
}

/// A gold quotation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// The quoted words.
    pub text: String,
    /// The canonical speaker; `None` when the text does not say.
    pub speaker: Option<String>,
    /// `false` when the speaker is a pronoun or description (PolNeAR): no label.
    #[serde(default)]
    pub speaker_named: Option<bool>,
    /// Optional quotations are not scored.
    #[serde(default)]
    pub optional: Option<bool>,
}

/// A gold agency.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldAgency {
    /// Its name.
    pub name: String,
    /// Its acronym.
    pub acronym: Option<String>,
}

/// What a gold quotation says of the right speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Truth {
    /// Nobody: the right answer is no speaker.
    Nobody,
    /// This speaker (and these acronyms, if an organisation).
    Speaker(String, Vec<String>),
}

impl GoldRelease {
    /// Reads `NAME.json`.
    pub fn load(path: &Path) -> Result<GoldRelease> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("{}: not a gold file", path.display()))
    }

    /// The truth for a predicted quotation: that of the scored gold quotation most of whose
    /// words it holds; `None` when it matches none, or when the gold gives no label.
    pub fn truth_for(&self, predicted: &str) -> Option<Truth> {
        let have = bag(predicted);
        let gold = self
            .quotes
            .iter()
            .filter(|g| g.optional != Some(true))
            .map(|g| (g, covered(&bag(&g.text), &have)))
            .filter(|(_, c)| *c >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1))?
            .0;
        if gold.speaker_named == Some(false) {
            return None;
        }
        match gold.speaker.as_deref().map(str::trim) {
            None | Some("") => Some(Truth::Nobody),
            Some(s) => {
                let acronyms = self
                    .agencies
                    .iter()
                    .flatten()
                    .filter(|a| words(&a.name) == words(s))
                    .filter_map(|a| a.acronym.clone())
                    .collect();
                Some(Truth::Speaker(s.to_string(), acronyms))
            }
        }
    }
}

impl Truth {
    /// Does a candidate's name agree with the gold speaker?
    pub fn accepts(&self, name: &str) -> bool {
        let Truth::Speaker(gold, acronyms) = self else {
            return false;
        };
        let (g, c) = (words(gold), words(name));
        let Some(last) = c.last() else {
            return false;
        };
        if g.last() == Some(last) || g.contains(last) {
            return true;
        }
        let key = c.concat();
        if acronyms.iter().any(|a| words(a).concat() == key) {
            return true;
        }
        let content = |ws: &[String]| -> Vec<String> {
            ws.iter()
                .filter(|w| !matches!(w.as_str(), "of" | "the" | "for" | "and" | "on" | "in"))
                .cloned()
                .collect()
        };
        let (gc, cc) = (content(&g), content(&c));
        // Jaccard of at least one half over the content words.
        let shared = cc.iter().filter(|w| gc.contains(w)).count();
        let union = gc.len() + cc.len() - shared;
        cc.len() >= 2 && 2 * shared >= union
    }
}

/// Lower-cased words (letters, digits, inner apostrophes and hyphens), curly quotes folded.
fn words(s: &str) -> Vec<String> {
    s.replace(['’', '‘'], "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|w| w.trim_matches(['\'', '-']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn bag(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in words(s) {
        *m.entry(w).or_default() += 1;
    }
    m
}

/// Share of `gold`'s words (with multiplicity) that `have` holds.
fn covered(gold: &HashMap<String, usize>, have: &HashMap<String, usize>) -> f64 {
    let total: usize = gold.values().sum();
    if total == 0 {
        return 0.0;
    }
    let hit: usize = gold
        .iter()
        .map(|(w, n)| (*n).min(have.get(w).copied().unwrap_or(0)))
        .sum();
    hit as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(json: &str) -> GoldRelease {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_predicted_quote_takes_the_gold_quote_it_mostly_holds() {
        let g = gold(
            r#"{"file": "x.txt", "quotes": [
                {"text": "We will open the bridge in May,", "speaker": "Ada Quill"},
                {"text": "It was never about the money.", "speaker": null},
                {"text": "no label here at all", "speaker": "he", "speaker_named": false}
            ]}"#,
        );
        assert_eq!(
            g.truth_for("We will open the bridge in May"),
            Some(Truth::Speaker("Ada Quill".into(), vec![]))
        );
        assert_eq!(
            g.truth_for("It was never about the money."),
            Some(Truth::Nobody)
        );
        assert_eq!(g.truth_for("no label here at all"), None);
        assert_eq!(g.truth_for("Something nobody annotated"), None);
    }

    #[test]
    fn names_agree_by_last_word_description_or_organisation() {
        let t = Truth::Speaker("Wm. Quarry Fenn".into(), vec![]);
        assert!(t.accepts("William Quarry Fenn"));
        assert!(t.accepts("Fenn"));
        assert!(!t.accepts("Quarry Fennell"));
        let d = Truth::Speaker("campaign chairman Jo Park".into(), vec![]);
        assert!(d.accepts("Jo Park"));
        let a = Truth::Speaker("Department of Parks".into(), vec!["DOP".into()]);
        assert!(a.accepts("DOP"));
        assert!(a.accepts("Parks Department"));
        assert!(!a.accepts("Department of Roads"));
        assert!(!Truth::Nobody.accepts("Ada Quill"));
    }
}
