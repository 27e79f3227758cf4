//! Training data for the press head by distant supervision: the gold annotations of a
//! release (`NAME.json` beside `NAME.txt`, see `../shared/eval/GUIDELINES.md`) projected
//! onto its body sentences as segmented by whosaid.
//!
//! The gold lists each entity once, by its fullest name; the projection looks for every
//! written form of it in every sentence, at word boundaries and in the gold's own case:
//!
//! * a person: the full name, the name without middle names or initials, and the given
//!   name or the surname alone, unless the release also writes that word in lower case
//!   ("Bill", "Price": an ordinary word there);
//! * an agency: its name, the name without a leading "U.S." or with it spelt out, and its
//!   acronym;
//! * a title: each person's title, and the abbreviations the guidelines expand ("Rep." for
//!   "Representative", "Sen." for "Senator");
//! * a state: the mentions whosaid's state rules find (full names, AP abbreviations, postal
//!   codes, party tags) whose code the gold lists, narrowed to the state itself;
//! * another organisation (`ORG`): the CoNLL head's ORG mentions that the gold does not list
//!   as agencies (the gold lists every government body, so what is left is not one), when
//!   the data are made with the model.
//!
//! Characters compare with both apostrophes as one, and any white space of the text
//! matches the spaces of a form.
//!
//! Overlapping matches are resolved longest first (an agency name holds the state or title
//! inside it: "Alder County Sheriff's Office"), then agency before person before title before
//! state. Entities of the page chrome are not release entities, and only body sentences are
//! labelled, so the chrome outside them never is.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

use super::press::{Labelled, LabelledSentence, LabelledSpan};
use crate::doc::{NerLabel, PressLabel, Release, Span};
use crate::entities::{self, EntityType};
use crate::ner::NerModel;
use crate::{ingest, segment};

/// Title abbreviations the guidelines name: how a gold title may be written.
const TITLE_ABBREVIATIONS: &[(&str, &str)] = &[("Representative", "Rep."), ("Senator", "Sen.")];

/// A gold person.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldPerson {
    /// Fullest name, without title.
    pub name: String,
    /// Office or role title.
    #[serde(default)]
    pub title: Option<String>,
}

/// A gold agency.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldAgency {
    /// Fullest name.
    pub name: String,
    /// Acronym used in the release.
    #[serde(default)]
    pub acronym: Option<String>,
}

/// A gold state.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldState {
    /// USPS code.
    pub code: String,
}

/// The entities of one gold file.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldEntities {
    /// People.
    #[serde(default)]
    pub people: Vec<GoldPerson>,
    /// Agencies.
    #[serde(default)]
    pub agencies: Vec<GoldAgency>,
    /// States.
    #[serde(default)]
    pub states: Vec<GoldState>,
}

impl GoldEntities {
    /// Reads `NAME.json`.
    pub fn load(path: &Path) -> Result<GoldEntities> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("{}: not a gold file", path.display()))
    }

    /// Every written form to look for in `text` (the release's sentences), with its label.
    fn forms(&self, text: &str) -> Vec<(String, PressLabel)> {
        let mut forms = Vec::new();
        for person in &self.people {
            let name = person.name.trim();
            forms.push((name.to_string(), PressLabel::Person));
            let words: Vec<&str> = name.split_whitespace().collect();
            if let (Some(first), Some(last)) = (words.first(), surname(name)) {
                if words.len() > 2 {
                    forms.push((format!("{first} {last}"), PressLabel::Person));
                }
                // One word of the name alone, unless it is also an ordinary word here.
                for single in [*first, last] {
                    if single != name && !used_in_lower_case(text, single) {
                        forms.push((single.to_string(), PressLabel::Person));
                    }
                }
            }
            if let Some(title) = person.title.as_deref().map(str::trim) {
                forms.push((title.to_string(), PressLabel::Title));
                forms.extend(
                    TITLE_ABBREVIATIONS
                        .iter()
                        .filter(|(full, _)| *full == title)
                        .map(|(_, short)| (short.to_string(), PressLabel::Title)),
                );
            }
        }
        for agency in &self.agencies {
            let name = agency.name.trim();
            forms.push((name.to_string(), PressLabel::Agency));
            if let Some(rest) = name.strip_prefix("U.S. ") {
                forms.push((rest.to_string(), PressLabel::Agency));
                forms.push((format!("United States {rest}"), PressLabel::Agency));
            }
            if let Some(acronym) = agency.acronym.as_deref().map(str::trim) {
                forms.push((acronym.to_string(), PressLabel::Agency));
            }
        }
        forms.retain(|(f, _)| f.chars().any(char::is_alphanumeric));
        forms.sort();
        forms.dedup();
        forms
    }
}

impl GoldEntities {
    /// Whether `words` are (part of) a gold agency's name or its acronym.
    fn names_agency(&self, words: &str) -> bool {
        self.agencies
            .iter()
            .any(|a| !occurrences(&a.name, words).is_empty() || a.acronym.as_deref() == Some(words))
    }
}

/// The surname of a name as the gold writes it: its last word with a lower-case letter
/// that does not end in a period (so not an initial, "Jr." or "III").
fn surname(name: &str) -> Option<&str> {
    name.split_whitespace()
        .rev()
        .map(|w| w.trim_end_matches(','))
        .find(|w| w.chars().any(char::is_lowercase) && !w.ends_with('.') && w.len() > 1)
}

/// The same character for matching: the typewriter and the typographic apostrophe are one.
fn fold(c: char) -> char {
    if c == '’' {
        '\''
    } else {
        c
    }
}

/// The end of a match of `form` in `text` starting at byte `start`, if any: characters
/// equal up to [`fold`], any run of white space in the text (a no-break space, a line
/// break) standing for the white space between the form's words.
fn match_at(text: &str, start: usize, form: &str) -> Option<usize> {
    let mut rest = text[start..].char_indices().peekable();
    let mut end = start;
    let mut form_chars = form.trim().chars().peekable();
    while let Some(f) = form_chars.next() {
        if f.is_whitespace() {
            while form_chars.peek().is_some_and(|c| c.is_whitespace()) {
                form_chars.next();
            }
            let mut gap = 0;
            while let Some(&(i, c)) = rest.peek() {
                if !c.is_whitespace() {
                    break;
                }
                end = start + i + c.len_utf8();
                gap += 1;
                rest.next();
            }
            if gap == 0 {
                return None;
            }
        } else {
            let (i, c) = rest.next()?;
            if fold(c) != fold(f) {
                return None;
            }
            end = start + i + c.len_utf8();
        }
    }
    (end > start).then_some(end)
}

/// Every occurrence of `form` in `text` as whole words (see [`match_at`]).
fn occurrences(text: &str, form: &str) -> Vec<(usize, usize)> {
    let Some(first) = form.trim().chars().next() else {
        return Vec::new();
    };
    text.char_indices()
        .filter(|&(_, c)| fold(c) == fold(first))
        .filter_map(|(start, _)| Some((start, match_at(text, start, form)?)))
        .filter(|&(start, end)| at_word_boundaries(text, start, end))
        .collect()
}

/// Whether `word` is written in lower case somewhere in `text`, as a word of its own: then
/// it is an ordinary word too ("Bill", "Price"), and the name alone is not projected.
fn used_in_lower_case(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    lower != word && !occurrences(text, &lower).is_empty()
}

/// A state mention's span narrowed to the state itself: the postal code inside a party
/// tag ("R-GA-12" gives "GA"), the name without a possessive ending ("Ohio's").
fn state_core(text: &str, span: Span, code: &str) -> Span {
    let written = span.slice(text);
    if written != code {
        if let Some(at) = occurrences(written, code).first() {
            return Span::new(span.start + at.0, span.start + at.1);
        }
    }
    let bare = ["'s", "’s"]
        .iter()
        .find_map(|p| written.strip_suffix(p))
        .unwrap_or(written);
    Span::new(span.start, span.start + bare.len())
}

/// Whether `text[start..end]` stands as whole words: no letter or digit touches it.
fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The order in which overlapping matches of equal length win.
fn rank(label: PressLabel) -> u8 {
    match label {
        PressLabel::Agency => 0,
        PressLabel::Person => 1,
        PressLabel::Title => 2,
        PressLabel::State => 3,
        PressLabel::Org => 4,
    }
}

/// Keeps the longest of overlapping candidate spans (ties by [`rank`], then position), in
/// text order.
fn resolve(mut candidates: Vec<LabelledSpan>) -> Vec<LabelledSpan> {
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), rank(c.label), c.start));
    let mut kept: Vec<LabelledSpan> = Vec::new();
    for c in candidates {
        if kept.iter().all(|k| c.end <= k.start || k.end <= c.start) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|k| k.start);
    kept
}

/// Projects `gold` onto the body sentences of `release` (and the CoNLL head's ORG
/// mentions of `Release::ner` that the gold leaves, as `ORG`).
pub fn project(release: &Release, gold: &GoldEntities, file: &str) -> Labelled {
    let body: Vec<&str> = release
        .sentences
        .iter()
        .map(|s| release.slice(s.span))
        .collect();
    let forms = gold.forms(&body.join("\n"));
    let codes: HashSet<&str> = gold.states.iter().map(|s| s.code.as_str()).collect();
    let state_spans: Vec<Span> = entities::extract(release)
        .into_iter()
        .filter(|e| e.kind == EntityType::State)
        .filter_map(|e| {
            let code = e.state.filter(|c| codes.contains(c.as_str()))?;
            Some((code, e.mentions))
        })
        .flat_map(|(code, mentions)| {
            mentions
                .into_iter()
                .map(move |m| state_core(&release.text, m.span, code.as_str()))
        })
        .collect();
    let sentences = release
        .sentences
        .iter()
        .map(|s| {
            let text = release.slice(s.span);
            let mut candidates: Vec<LabelledSpan> = forms
                .iter()
                .flat_map(|(form, label)| {
                    occurrences(text, form)
                        .into_iter()
                        .map(|(start, end)| LabelledSpan {
                            start,
                            end,
                            label: *label,
                        })
                })
                .collect();
            candidates.extend(
                state_spans
                    .iter()
                    .filter(|m| s.span.contains(**m) && !m.is_empty())
                    .map(|m| LabelledSpan {
                        start: m.start - s.span.start,
                        end: m.end - s.span.start,
                        label: PressLabel::State,
                    }),
            );
            let mut spans = resolve(candidates);
            let orgs: Vec<LabelledSpan> = release
                .ner
                .iter()
                .filter(|m| m.label == NerLabel::Organization && s.span.contains(m.span))
                .map(|m| LabelledSpan {
                    start: m.span.start - s.span.start,
                    end: m.span.end - s.span.start,
                    label: PressLabel::Org,
                })
                .filter(|o| spans.iter().all(|k| o.end <= k.start || k.end <= o.start))
                .filter(|o| !gold.names_agency(&text[o.start..o.end]))
                .collect();
            spans.extend(orgs);
            spans.sort_by_key(|k| k.start);
            LabelledSentence {
                text: text.to_string(),
                spans,
            }
        })
        .collect();
    Labelled {
        file: file.to_string(),
        sentences,
    }
}

/// How much of the gold the projection found: per label, gold entities with at least one
/// projected span, and entities in all.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// Per label: (entities found in some sentence, entities).
    pub found: HashMap<PressLabel, (usize, usize)>,
    /// Projected spans per label.
    pub spans: HashMap<PressLabel, usize>,
}

impl Coverage {
    /// Adds one release.
    fn add(&mut self, gold: &GoldEntities, labelled: &Labelled) {
        let spans: Vec<(PressLabel, &str)> = labelled
            .sentences
            .iter()
            .flat_map(|s| {
                s.spans
                    .iter()
                    .map(|sp| (sp.label, &s.text[sp.start..sp.end]))
            })
            .collect();
        for (label, _) in &spans {
            *self.spans.entry(*label).or_default() += 1;
        }
        let named = |label: PressLabel, hit: &dyn Fn(&str) -> bool| {
            spans.iter().any(|(l, t)| *l == label && hit(t))
        };
        let mut count = |label: PressLabel, found: bool| {
            let e = self.found.entry(label).or_default();
            e.0 += usize::from(found);
            e.1 += 1;
        };
        for p in &gold.people {
            let last = surname(&p.name).unwrap_or(&p.name);
            count(
                PressLabel::Person,
                named(PressLabel::Person, &|t| t.contains(last)),
            );
        }
        for a in &gold.agencies {
            let hit = |t: &str| a.name.contains(t) || a.acronym.as_deref() == Some(t);
            count(PressLabel::Agency, named(PressLabel::Agency, &hit));
        }
    }

    /// One line per label.
    pub fn report(&self) -> String {
        PressLabel::ALL
            .iter()
            .map(|l| {
                let (found, all) = self.found.get(l).copied().unwrap_or_default();
                let spans = self.spans.get(l).copied().unwrap_or_default();
                if !matches!(l, PressLabel::Person | PressLabel::Agency) {
                    format!("{}: {spans} spans\n", l.as_str())
                } else {
                    format!(
                        "{}: {spans} spans; {found} of {all} gold entities named in a body sentence\n",
                        l.as_str()
                    )
                }
            })
            .collect()
    }
}

/// Runs `whosaid ner-data`: reads the gold directories (`NAME.txt` with `NAME.json`),
/// segments every release and projects its gold onto it.
pub fn from_gold(
    dirs: &[PathBuf],
    max_bytes: u64,
    ner: Option<&NerModel>,
) -> Result<(Vec<Labelled>, Coverage)> {
    let mut out = Vec::new();
    let mut coverage = Coverage::default();
    for (f, gold_path) in &ingest::annotated(dirs)? {
        let gold = GoldEntities::load(gold_path)?;
        let name = f
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let raws = ingest::read(f, max_bytes)
            .map_err(|e| anyhow::anyhow!("{}: {e}", f.source))?
            .releases;
        for raw in raws {
            match segment::segment(raw) {
                Ok(mut release) => {
                    if let Some(model) = ner {
                        model.annotate(std::slice::from_mut(&mut release))?;
                    }
                    let labelled = project(&release, &gold, &name);
                    coverage.add(&gold, &labelled);
                    out.push(labelled);
                }
                Err(e) => eprintln!("{name}: not a release ({})", e.reason),
            }
        }
    }
    Ok((out, coverage))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(json: &str) -> GoldEntities {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn surnames_skip_initials_and_suffixes() {
        assert_eq!(surname("Ada B. Quill Jr."), Some("Quill"));
        assert_eq!(surname("Ada Quill III"), Some("Quill"));
        assert_eq!(surname("Ada Quill-Moss"), Some("Quill-Moss"));
        assert_eq!(surname("J. R."), None);
    }

    #[test]
    fn forms_cover_short_names_acronyms_and_abbreviated_titles() {
        let g = gold(
            r#"{"people": [
                    {"name": "Ada B. Quill", "title": "Representative"},
                    {"name": "Tom Quill", "title": null},
                    {"name": "Jo Price", "title": null},
                    {"name": "Lena Fairweather", "title": "Sheriff"}],
                "agencies": [{"name": "U.S. Bureau of Lanterns", "acronym": "BOL"}],
                "states": [{"code": "OH"}]}"#,
        );
        let forms = g.forms("Ada Quill and her price list");
        let has = |f: &str, l: PressLabel| forms.contains(&(f.to_string(), l));
        assert!(has("Ada B. Quill", PressLabel::Person));
        assert!(has("Ada Quill", PressLabel::Person));
        assert!(has("Quill", PressLabel::Person));
        assert!(has("Ada", PressLabel::Person));
        assert!(has("Fairweather", PressLabel::Person));
        // "price" is an ordinary word in this release: "Price" alone is not projected.
        assert!(!has("Price", PressLabel::Person));
        assert!(has("Jo", PressLabel::Person));
        assert!(has("Rep.", PressLabel::Title));
        assert!(has("Sheriff", PressLabel::Title));
        assert!(has("Bureau of Lanterns", PressLabel::Agency));
        assert!(has("United States Bureau of Lanterns", PressLabel::Agency));
        assert!(has("BOL", PressLabel::Agency));
    }

    #[test]
    fn forms_match_across_any_white_space_and_only_whole_words() {
        let text = "Ada\u{a0}Quill met Ada  Quillan and Ada\nQuill of the Sheriff’s Office.";
        let found = occurrences(text, "Ada Quill");
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].0..found[0].1], "Ada\u{a0}Quill");
        assert_eq!(&text[found[1].0..found[1].1], "Ada\nQuill");
        assert_eq!(occurrences(text, "Sheriff's Office").len(), 1);
        assert!(occurrences(text, "  ").is_empty());
        assert!(used_in_lower_case("a bill and a Bill", "Bill"));
        assert!(!used_in_lower_case("Bill billed", "Bill"));
    }

    #[test]
    fn state_spans_keep_only_the_state() {
        let text = "Rep. Ada Quill (R-GA-12) thanked Ohio’s voters and Utah.";
        let core = |a: &str, code| {
            let start = text.find(a).unwrap();
            state_core(text, Span::new(start, start + a.len()), code)
                .slice(text)
                .to_string()
        };
        assert_eq!(core("R-GA-12", "GA"), "GA");
        assert_eq!(core("Ohio’s", "OH"), "Ohio");
        assert_eq!(core("Utah", "UT"), "Utah");
    }

    #[test]
    fn the_longest_match_wins_and_words_stay_whole() {
        let text = "Sheriff Lena Fairweather of the Fairweather County Sheriff's Office spoke.";
        assert!(at_word_boundaries(text, 8, 12));
        assert!(!at_word_boundaries(text, 9, 12));
        let span = |start, end, label| LabelledSpan { start, end, label };
        let kept = resolve(vec![
            span(0, 7, PressLabel::Title),
            span(8, 24, PressLabel::Person),
            span(13, 24, PressLabel::Person),
            span(32, 43, PressLabel::Person),
            span(32, 66, PressLabel::Agency),
            span(51, 58, PressLabel::Title),
        ]);
        assert_eq!(
            kept,
            vec![
                span(0, 7, PressLabel::Title),
                span(8, 24, PressLabel::Person),
                span(32, 66, PressLabel::Agency),
            ]
        );
    }
}
