//! The rules propose, a chooser decides: the candidate speakers of one quotation, the
//! features a chooser reads, and the [`SpeakerChooser`] trait with today's rules as its
//! first implementation ([`RuleChooser`]). The learned chooser is [`crate::speaker`].
//!
//! A candidate is a distinct speaker (by name) that some source proposes for the quotation:
//! the cue rule's resolved speaker, the release's issuing person, the person the release is
//! about, the previous quotation's speaker, the person named nearest before the quotation.
//! A speaker proposed by several sources is one candidate with several flags, so agreement
//! between sources is itself evidence.

use serde::{Deserialize, Serialize};

use super::speaker::Speaker;

/// Which rule attributed a quotation (the `method` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// A quoted transcript line opens with its speaker ("WALLACE: …").
    Transcript,
    /// A cue right after the quotation ("“…,” said X").
    After,
    /// A cue right before it ("X said: “…”").
    Before,
    /// A statement cue ("X released the following statement: “…”").
    Statement,
    /// A signature line ("“…” ― X").
    Signature,
    /// A verbless sentence's opening name ("Mira Calloway: “…”").
    Sentence,
    /// The sentence before introduces the quotation.
    Previous,
    /// No cue; it continues the previous attributed quotation.
    Continuation,
    /// No cue; it answers a printed question and is the interviewee's.
    Answer,
    /// No rule applied.
    None,
    /// No cue rule gave the speaker; the chooser took the release's issuing person.
    Issuer,
    /// The chooser took the person the release is about.
    MainPerson,
    /// The chooser took the person named nearest before the quotation.
    Nearest,
    /// The chooser took the speaker of the previous quotation.
    PriorSpeaker,
}

impl Method {
    /// The name written in the `method` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Transcript => "transcript",
            Method::After => "after",
            Method::Before => "before",
            Method::Statement => "statement",
            Method::Signature => "signature",
            Method::Sentence => "sentence",
            Method::Previous => "previous",
            Method::Continuation => "continuation",
            Method::Answer => "answer",
            Method::None => "none",
            Method::Issuer => "issuer",
            Method::MainPerson => "main_person",
            Method::Nearest => "nearest",
            Method::PriorSpeaker => "prior_speaker",
        }
    }
}

/// The sources that proposed a candidate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sources {
    /// The cue rule resolved its mention to this speaker.
    pub rule: bool,
    /// The person of the release's issuing office.
    pub issuer: bool,
    /// The person the release names most.
    pub main: bool,
    /// The speaker of the previous quotation.
    pub prior: bool,
    /// The person named nearest before the quotation.
    pub nearest: bool,
}

/// One source of candidate speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The cue rule.
    Rule,
    /// The issuing office's person.
    Issuer,
    /// The release's main person.
    Main,
    /// The previous quotation's speaker.
    Prior,
    /// The person named nearest before the quotation.
    Nearest,
}

impl Sources {
    /// The sources of a candidate proposed by `source` alone.
    pub fn only(source: Source) -> Sources {
        let mut s = Sources::default();
        s.add(source);
        s
    }

    /// Marks `source` as one that proposed the candidate.
    pub fn add(&mut self, source: Source) {
        match source {
            Source::Rule => self.rule = true,
            Source::Issuer => self.issuer = true,
            Source::Main => self.main = true,
            Source::Prior => self.prior = true,
            Source::Nearest => self.nearest = true,
        }
    }

    /// The method a quotation gets when this candidate is chosen: the rule's own when the
    /// rule proposed it, else the strongest other source.
    pub fn method(&self, rule: Method) -> Method {
        if self.rule {
            rule
        } else if self.issuer {
            Method::Issuer
        } else if self.prior {
            Method::PriorSpeaker
        } else if self.main {
            Method::MainPerson
        } else {
            Method::Nearest
        }
    }
}

/// What is known about the quotation itself, shared by its candidates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuoteContext {
    /// The rule that attributed it (or `None`).
    pub method: Method,
    /// A cue was found.
    pub has_cue: bool,
    /// The cue names its speaker by a pronoun ("she said").
    pub pronoun_cue: bool,
    /// Index of the quotation in the release.
    pub index: usize,
    /// Number of quotations in the release.
    pub quotes: usize,
    /// Number of person entities in the release.
    pub people: usize,
    /// The confidence the cue rule gives its own speaker.
    pub rule_confidence: f32,
}

impl QuoteContext {
    /// The context of a quotation outside any readable text.
    pub fn empty() -> Self {
        QuoteContext {
            method: Method::None,
            has_cue: false,
            pronoun_cue: false,
            index: 0,
            quotes: 0,
            people: 0,
            rule_confidence: 0.0,
        }
    }
}

/// What is known about one candidate speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The speaker it would give.
    pub speaker: Speaker,
    /// Who proposed it.
    pub sources: Sources,
    /// It is a person entity of the release.
    pub person_entity: bool,
    /// It is an agency or organisation entity of the release.
    pub org_entity: bool,
    /// The entity is marked official.
    pub official: bool,
    /// Words between its last mention before the quotation and the quotation, if any.
    pub distance: Option<usize>,
    /// It is mentioned between the previous quotation and this one.
    pub mentioned_since_prior: bool,
    /// Its last mention stands among the first words of its sentence (a subject).
    pub subject: bool,
}

/// Number of features of a candidate.
pub const FEATURES: usize = FEATURE_NAMES.len();

/// The features a chooser reads, by name (the learned model stores its weights by them).
pub const FEATURE_NAMES: [&str; 37] = [
    "src_rule",
    "src_issuer",
    "src_main",
    "src_prior",
    "src_nearest",
    "rule_transcript",
    "rule_after",
    "rule_before",
    "rule_statement",
    "rule_signature",
    "rule_sentence",
    "rule_previous",
    "rule_continuation",
    "rule_answer",
    "no_cue",
    "cue_unresolved",
    "issuer_no_cue",
    "main_no_cue",
    "prior_no_cue",
    "nearest_no_cue",
    "pronoun_prior",
    "pronoun_nearest_new",
    "pronoun_nearest_subject",
    "person_entity",
    "org_entity",
    "official",
    "plain_name",
    "one_word",
    "tag_shape",
    "plural_shape",
    "long_name",
    "log_distance",
    "not_mentioned_before",
    "first_quote",
    "sources_agree",
    "single_quote",
    "log_people",
];

impl Candidate {
    /// The feature vector of this candidate for a quotation (order of [`FEATURE_NAMES`]).
    pub fn features(&self, q: &QuoteContext) -> [f32; FEATURES] {
        let s = &self.sources;
        let b = |v: bool| if v { 1.0 } else { 0.0 };
        let no_cue = !q.has_cue;
        let rule_is = |m: Method| b(s.rule && q.method == m);
        let words: Vec<&str> = self.speaker.name.split_whitespace().collect();
        let one_word = words.len() == 1;
        let tag_shape = words.iter().any(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                || (w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '-'))
        }) && !self.org_entity;
        let plural_shape = one_word
            && words[0].len() > 2
            && words[0].ends_with('s')
            && words[0][..words[0].len() - 1]
                .chars()
                .all(|c| c.is_uppercase());
        let count = [s.rule, s.issuer, s.main, s.prior, s.nearest]
            .iter()
            .filter(|&&v| v)
            .count();
        [
            b(s.rule),
            b(s.issuer),
            b(s.main),
            b(s.prior),
            b(s.nearest),
            rule_is(Method::Transcript),
            rule_is(Method::After),
            rule_is(Method::Before),
            rule_is(Method::Statement),
            rule_is(Method::Signature),
            rule_is(Method::Sentence),
            rule_is(Method::Previous),
            rule_is(Method::Continuation),
            rule_is(Method::Answer),
            b(no_cue),
            b(q.has_cue && !s.rule),
            b(s.issuer && no_cue),
            b(s.main && no_cue),
            b(s.prior && no_cue),
            b(s.nearest && no_cue),
            b(q.pronoun_cue && s.prior),
            b(q.pronoun_cue && s.nearest && self.mentioned_since_prior),
            b(q.pronoun_cue && s.nearest && self.mentioned_since_prior && self.subject),
            b(self.person_entity),
            b(self.org_entity),
            b(self.official),
            b(!self.person_entity && !self.org_entity),
            b(one_word),
            b(tag_shape),
            b(plural_shape),
            b(words.len() >= 4),
            self.distance.map_or(0.0, |d| (1.0 + d as f32).ln() / 5.0),
            b(self.distance.is_none()),
            b(q.index == 0),
            b(count >= 2),
            b(q.quotes == 1),
            (1.0 + q.people as f32).ln() / 3.0,
        ]
    }
}

/// Picks the speaker of a quotation among its candidates.
pub trait SpeakerChooser: Sync {
    /// The chosen candidate's index and the probability that it is right; `None` leaves
    /// the quotation without a speaker.
    fn choose(&self, q: &QuoteContext, candidates: &[Candidate]) -> Option<(usize, f32)>;
}

/// Today's rules: the cue rule's speaker, with the rule's own confidence.
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleChooser;

impl SpeakerChooser for RuleChooser {
    fn choose(&self, q: &QuoteContext, candidates: &[Candidate]) -> Option<(usize, f32)> {
        let i = candidates.iter().position(|c| c.sources.rule)?;
        Some((i, q.rule_confidence))
    }
}

/// A candidate of the given name and sources, for tests.
#[cfg(test)]
pub(crate) fn test_candidate(name: &str, sources: Sources) -> Candidate {
    Candidate {
        speaker: Speaker {
            name: name.to_string(),
            entity_id: None,
            title: None,
            state: None,
            kind: crate::entities::EntityType::Person,
        },
        sources,
        person_entity: false,
        org_entity: false,
        official: false,
        distance: Some(3),
        mentioned_since_prior: false,
        subject: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(name: &str, sources: Sources) -> Candidate {
        test_candidate(name, sources)
    }

    fn context(method: Method) -> QuoteContext {
        QuoteContext {
            method,
            has_cue: method != Method::None,
            pronoun_cue: false,
            index: 1,
            quotes: 3,
            people: 2,
            rule_confidence: 0.9,
        }
    }

    #[test]
    fn shapes_of_names_that_are_not_speakers() {
        let q = context(Method::After);
        let f = |name: &str| candidate(name, Sources::default()).features(&q);
        let at = |n: &str| FEATURE_NAMES.iter().position(|&x| x == n).unwrap();
        assert_eq!(f("R-LA")[at("tag_shape")], 1.0);
        assert_eq!(f("MS-02")[at("tag_shape")], 1.0);
        assert_eq!(f("Mira Calloway")[at("tag_shape")], 0.0);
        assert_eq!(f("DAs")[at("plural_shape")], 1.0);
        assert_eq!(f("Davis")[at("plural_shape")], 0.0);
        assert_eq!(f("Passes Governor Ada Quill Today")[at("long_name")], 1.0);
    }

    #[test]
    fn rule_features_only_on_the_rules_candidate() {
        let q = context(Method::Statement);
        let at = |n: &str| FEATURE_NAMES.iter().position(|&x| x == n).unwrap();
        let rule = candidate(
            "Ada Quill",
            Sources {
                rule: true,
                issuer: true,
                ..Sources::default()
            },
        )
        .features(&q);
        let other = candidate("Bo Tarn", Sources::only(Source::Nearest)).features(&q);
        assert_eq!(rule[at("rule_statement")], 1.0);
        assert_eq!(rule[at("sources_agree")], 1.0);
        assert_eq!(other[at("rule_statement")], 0.0);
        assert_eq!(other[at("cue_unresolved")], 1.0);
    }

    #[test]
    fn the_rule_chooser_takes_the_rules_candidate() {
        let q = context(Method::After);
        let cands = [
            candidate("Bo Tarn", Sources::only(Source::Nearest)),
            candidate("Ada Quill", Sources::only(Source::Rule)),
        ];
        assert_eq!(RuleChooser.choose(&q, &cands), Some((1, 0.9)));
        assert_eq!(RuleChooser.choose(&q, &cands[..1]), None);
    }

    #[test]
    fn chosen_methods_name_the_source() {
        let s = Sources {
            issuer: true,
            nearest: true,
            ..Sources::default()
        };
        assert_eq!(s.method(Method::None), Method::Issuer);
        let s = Sources {
            rule: true,
            issuer: true,
            ..Sources::default()
        };
        assert_eq!(s.method(Method::After), Method::After);
    }
}
