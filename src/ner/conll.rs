//! CoNLL-2003 files (`word ... tag` per line, blank lines between sentences,
//! `-DOCSTART-` lines between documents) and conlleval-style entity scoring.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, Context, Result};

use super::labels::{chunks, to_iob2, Tag};
use crate::doc::NerLabel;

/// One sentence: its words and their gold tags.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// The words.
    pub words: Vec<String>,
    /// The gold tag of each word.
    pub tags: Vec<Tag>,
}

impl Sentence {
    /// The words joined by single spaces, with the byte offset where each word starts.
    pub fn text(&self) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(self.words.len());
        for w in &self.words {
            if !text.is_empty() {
                text.push(' ');
            }
            starts.push(text.len());
            text.push_str(w);
        }
        (text, starts)
    }
}

/// A document: consecutive sentences.
pub type Document = Vec<Sentence>;

/// Parses CoNLL text. Tags may be IOB1 or IOB2; they are stored as IOB2.
pub fn parse(text: &str) -> Result<Vec<Document>> {
    let mut docs: Vec<Document> = vec![Vec::new()];
    let mut current = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        let end_sentence = |docs: &mut Vec<Document>, current: &mut Sentence| {
            if !current.words.is_empty() {
                to_iob2(&mut current.tags);
                if let Some(doc) = docs.last_mut() {
                    doc.push(std::mem::take(current));
                }
            }
        };
        if line.is_empty() {
            end_sentence(&mut docs, &mut current);
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.first() == Some(&"-DOCSTART-") {
            end_sentence(&mut docs, &mut current);
            if docs.last().is_some_and(|d| !d.is_empty()) {
                docs.push(Vec::new());
            }
            continue;
        }
        let (Some(word), Some(tag)) = (fields.first(), fields.last()) else {
            bail!("line {}: no word and tag", n + 1);
        };
        if fields.len() < 2 {
            bail!("line {}: expected `word ... tag`, got {line:?}", n + 1);
        }
        let Some(tag) = Tag::parse(tag) else {
            bail!("line {}: unknown tag {tag:?}", n + 1);
        };
        current.words.push((*word).to_string());
        current.tags.push(tag);
    }
    if !current.words.is_empty() {
        to_iob2(&mut current.tags);
        if let Some(doc) = docs.last_mut() {
            doc.push(current);
        }
    }
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

/// Reads and parses a CoNLL file.
pub fn read(path: &Path) -> Result<Vec<Document>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse(&text).with_context(|| format!("in {}", path.display()))
}

/// Entity counts of one type (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Entities in the gold standard.
    pub gold: usize,
    /// Entities predicted.
    pub predicted: usize,
    /// Predicted entities with exactly the gold span and type.
    pub correct: usize,
}

impl Counts {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        percent(self.correct, self.predicted)
    }

    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        percent(self.correct, self.gold)
    }

    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn percent(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Entity-level scores, conlleval style: an entity counts when span and type match exactly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// Words scored.
    pub tokens: usize,
    /// Words whose tag was right.
    pub tokens_correct: usize,
    /// All types together.
    pub overall: Counts,
    /// Per type.
    pub per_type: BTreeMap<NerLabel, Counts>,
}

impl Score {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag]) {
        self.tokens += gold.len();
        self.tokens_correct += gold.iter().zip(predicted).filter(|(g, p)| g == p).count();
        let g = chunks(gold);
        let p = chunks(predicted);
        for c in &g {
            self.overall.gold += 1;
            self.per_type.entry(c.label).or_default().gold += 1;
        }
        for c in &p {
            self.overall.predicted += 1;
            let counts = self.per_type.entry(c.label).or_default();
            counts.predicted += 1;
            if g.contains(c) {
                counts.correct += 1;
                self.overall.correct += 1;
            }
        }
    }

    /// The report conlleval prints, then a last line `f1=NN.NN`.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let o = &self.overall;
        let _ = writeln!(
            s,
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.",
            self.tokens, o.gold, o.predicted, o.correct
        );
        let _ = writeln!(
            s,
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
            percent(self.tokens_correct, self.tokens),
            o.precision(),
            o.recall(),
            o.f1()
        );
        for (label, c) in &self.per_type {
            let _ = writeln!(
                s,
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
                label.as_str(),
                c.precision(),
                c.recall(),
                c.f1(),
                c.predicted
            );
        }
        let _ = writeln!(s, "f1={:.2}", o.f1());
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O\n\nAnna NNP B-PER\nBolt NNP I-PER\nvisited VBD O\nOslo NNP B-LOC\n. . O\n\n-DOCSTART- -X- O\n\nFine JJ O\n";

    #[test]
    fn parses_documents_and_sentences() {
        let docs = parse(SAMPLE).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0][0].words, ["Anna", "Bolt", "visited", "Oslo", "."]);
        assert_eq!(docs[0][0].text().0, "Anna Bolt visited Oslo .");
        assert_eq!(docs[0][0].text().1, [0, 5, 10, 18, 23]);
        assert!(parse("word B-NOPE\n").is_err());
    }

    #[test]
    fn scores_exact_spans() {
        let t = |s: &str| -> Vec<Tag> { s.split(' ').map(|x| Tag::parse(x).unwrap()).collect() };
        let mut score = Score::default();
        score.add(&t("B-PER I-PER O B-LOC"), &t("B-PER O O B-LOC"));
        assert_eq!(
            score.overall,
            Counts {
                gold: 2,
                predicted: 2,
                correct: 1
            }
        );
        let report = score.report();
        assert!(report.ends_with("f1=50.00\n"), "{report}");
        assert!(report.contains("LOC: precision: 100.00%"));
    }
}
