//! Attribution: gives each quotation its speaker.
//!
//! The release is tokenized once; each quotation is then read against the words right
//! after it and right before it (the `method` column names the rule):
//!
//! * `transcript`: a quoted transcript line opens with its speaker ("WALLACE: …");
//! * `after`: "“…,” said X", "“…,” X said", "“…,” X, the secretary of state, said",
//!   "“…,” according to X", "“…” for Vole, said X";
//! * `before`: "X said: “…”", "X told reporters, “…”", "X said the plan was “…”",
//!   "X mocked it, saying “…”", "“A,” adding, “B”" (the previous speaker goes on);
//! * `statement`: "X released the following statement: “…”", "a statement on behalf of
//!   Y", "Statement from X";
//! * `signature`: "“…” ― X"; `sentence`: "Mira Calloway: “…”", "Tarn has adopted the
//!   stance: “…”" (a verbless sentence's opening name);
//! * `previous`: the sentence before introduces the quotation ("X issued the following
//!   statement on the vote. “…”", "“Short,” X said. “…”");
//! * `continuation`: no cue of its own, close after an attributed quotation with no other
//!   person named between; `answer`: it answers a printed question ("…?" on the line
//!   before) and is the interviewee's, the person the release names most.
//!
//! A cue after a quotation wins, except when the quotation ends its sentence and a cue in
//! that same sentence precedes it ("X asserted that “… .” Y said Monday …").
//!
//! The speaker mention found by a cue ("Ashcroft", "he", "the District Attorney", "the
//! department") is resolved to an [`Entity`] of the release when one fits (a mention at the
//! same place, the same surname, the title, the nearest agency), else to the fullest form
//! of the name written in the release. A pronoun is the previous speaker. What cannot be
//! resolved stays unknown (no speaker) rather than guessed.

mod choose;
mod names;

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::doc::{Release, Span};
use crate::entities::{Entity, EntityType};
use crate::lexicon::verbs::{is_speech_verb, is_statement_verb, AUXILIARIES};
use crate::lexicon::words::{pronoun, Pronoun, DETERMINERS, STATEMENT_NOUNS};
use crate::lexicon::{is_capitalised, strip_possessive};
use crate::quotes::QuoteSpan;
use crate::tokens::{tokenize, Token};
#[cfg(test)]
pub(crate) use choose::test_candidate;
pub use choose::{
    Candidate, Method, QuoteContext, RuleChooser, Source, Sources, SpeakerChooser, FEATURES,
    FEATURE_NAMES,
};
use names::{name_key, name_text, run_at, words, NameIndex};

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// Canonical name.
    pub name: String,
    /// The entity's id, when the speaker is an entity of the release.
    pub entity_id: Option<String>,
    /// The speaker's title.
    pub title: Option<String>,
    /// The speaker's state (USPS code).
    pub state: Option<String>,
}

/// A quotation with its attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words.
    pub span: Span,
    /// The speaker; `None` when the text does not say.
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase that attributes it ("said", "according to").
    pub cue: Option<Span>,
    /// The rule that attributed it.
    pub method: Method,
    /// Confidence in the attribution, 0 to 1.
    pub confidence: f32,
}

/// Longest run of words read after a quotation for its cue.
const AFTER_WINDOW: usize = 24;
/// Longest run of words read before a quotation for its cue.
const BEFORE_WINDOW: usize = 45;
/// Most words before a name in its sentence for the name to stand in the subject's place.
const SUBJECT_WORDS: usize = 6;
/// Most words between two quotations for the second to continue the first.
const CONTINUATION_GAP: usize = 40;

/// A speaker mention found by a cue, before resolution.
#[derive(Debug, Clone, PartialEq)]
enum Mention {
    /// "he", "they".
    Pronoun(Pronoun),
    /// A name, as the token range of its name words (titles stripped).
    Name((usize, usize)),
    /// An organisation's name as written ("the Chicago Police Department").
    Org((usize, usize)),
    /// A title or common noun ("the District Attorney", "the department"), lower case.
    Role(Vec<String>),
    /// The speaker of the previous quotation, whose sentence goes on ("…,” adding, “…").
    Previous,
}

/// A cue: where it is, what it names, how it was found.
#[derive(Debug, Clone)]
struct Cue {
    verb: Span,
    /// Who it may name, most likely first; the first that resolves is the speaker.
    mentions: Vec<Mention>,
    method: Method,
    confidence: f32,
}

/// Attributes each quotation of a release to a speaker with today's rules alone.
pub fn attribute(release: &Release, entities: &[Entity], quotes: &[QuoteSpan]) -> Vec<Quote> {
    attribute_with(release, entities, quotes, &RuleChooser)
}

/// Attributes each quotation of a release, letting `chooser` pick each speaker among the
/// candidates the rules propose.
pub fn attribute_with(
    release: &Release,
    entities: &[Entity],
    quotes: &[QuoteSpan],
    chooser: &dyn SpeakerChooser,
) -> Vec<Quote> {
    decide(release, entities, quotes, chooser)
        .into_iter()
        .map(|d| d.quote)
        .collect()
}

/// One quotation's attribution with what it was decided from.
#[derive(Debug, Clone)]
pub struct Decision {
    /// The attributed quotation.
    pub quote: Quote,
    /// What is known about the quotation.
    pub context: QuoteContext,
    /// The speakers that were proposed for it.
    pub candidates: Vec<Candidate>,
}

/// Attributes each quotation of a release and keeps the candidates and context of each
/// decision (for training and inspecting a chooser).
pub fn decide(
    release: &Release,
    entities: &[Entity],
    quotes: &[QuoteSpan],
    chooser: &dyn SpeakerChooser,
) -> Vec<Decision> {
    let region = release.span;
    let Some(local) = release.text.get(region.range()) else {
        return quotes
            .iter()
            .map(|q| Decision {
                quote: unknown(q.span),
                context: QuoteContext::empty(),
                candidates: Vec::new(),
            })
            .collect();
    };
    let text: &str = &release.text;
    let tokens = tokenize(local, region.start);
    let ctx = Ctx {
        text,
        names: NameIndex::new(text, &tokens),
        tokens,
        entities,
        main_person: OnceCell::new(),
    };
    let issuer = release
        .header
        .issuer
        .as_deref()
        .and_then(|i| ctx.issuer_person(i));
    let people = entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .count();
    let mut out: Vec<Decision> = Vec::with_capacity(quotes.len());
    let mut previous: Option<Speaker> = None;
    for (k, q) in quotes.iter().enumerate() {
        let prev_end = k
            .checked_sub(1)
            .map_or(region.start, |p| quotes[p].outer.end);
        let next_start = quotes.get(k + 1).map_or(region.end, |n| n.outer.start);
        let prev_quote = out.last().map(|d| &d.quote);
        let (rule, pronoun_cue) = ctx.rule(q, prev_end, next_start, prev_quote, previous.as_ref());
        let context = QuoteContext {
            method: rule.method,
            has_cue: rule.cue.is_some(),
            pronoun_cue,
            index: k,
            quotes: quotes.len(),
            people,
            rule_confidence: rule.confidence,
        };
        let candidates = ctx.candidates(q, prev_end, &rule, issuer.as_ref(), previous.as_ref());
        let quote = match chooser.choose(&context, &candidates) {
            Some((i, p)) => Quote {
                speaker: Some(candidates[i].speaker.clone()),
                method: candidates[i].sources.method(rule.method),
                confidence: p,
                ..rule
            },
            None => Quote {
                speaker: None,
                ..rule
            },
        };
        if quote.speaker.is_some() {
            previous.clone_from(&quote.speaker);
        }
        out.push(Decision {
            quote,
            context,
            candidates,
        });
    }
    out
}

/// A quotation nobody can be named for.
fn unknown(span: Span) -> Quote {
    Quote {
        span,
        speaker: None,
        cue: None,
        method: Method::None,
        confidence: 0.0,
    }
}

/// One release's text, tokens, names and entities.
struct Ctx<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    names: NameIndex,
    entities: &'a [Entity],
    /// The person the release is about, found once when first needed.
    main_person: OnceCell<Option<Speaker>>,
}

impl Ctx<'_> {
    /// What the cue rules say of a quotation, and whether its cue names a pronoun.
    fn rule(
        &self,
        q: &QuoteSpan,
        prev_end: usize,
        next_start: usize,
        prev_quote: Option<&Quote>,
        previous: Option<&Speaker>,
    ) -> (Quote, bool) {
        if let Some(quote) = self.transcript(q) {
            return (quote, false);
        }
        // A quotation that ends its sentence after "X asserted that “…”" is X's, whatever
        // the next sentence says; otherwise the words after a quotation come first.
        let before = self.cue_before(q, prev_end);
        let same_sentence = before.as_ref().is_some_and(|c| {
            matches!(c.method, Method::Before | Method::Statement) && !c.mentions.is_empty()
        });
        let cue = if same_sentence && self.ends_with_sentence(q) {
            before
        } else {
            self.cue_after(q, next_start).or(before)
        };
        let Some(cue) = cue else {
            return (self.without_cue(q, prev_end, prev_quote, previous), false);
        };
        let pronoun_cue = matches!(cue.mentions.first(), Some(Mention::Pronoun(_)));
        let speaker = cue
            .mentions
            .iter()
            .find_map(|m| self.resolve(m, q, prev_end, previous));
        let confidence = if speaker.is_some() {
            cue.confidence
        } else {
            cue.confidence / 2.0
        };
        let quote = Quote {
            span: q.span,
            speaker,
            cue: Some(cue.verb),
            method: cue.method,
            confidence,
        };
        (quote, pronoun_cue)
    }

    /// The distinct speakers proposed for a quotation: the rule's, the issuing person, the
    /// release's main person, the previous speaker, the person named nearest before it.
    fn candidates(
        &self,
        q: &QuoteSpan,
        prev_end: usize,
        rule: &Quote,
        issuer: Option<&Speaker>,
        previous: Option<&Speaker>,
    ) -> Vec<Candidate> {
        let main = self.main_person.get_or_init(|| self.main_person()).clone();
        let proposals = [
            (rule.speaker.clone(), Source::Rule),
            (issuer.cloned(), Source::Issuer),
            (main, Source::Main),
            (previous.cloned(), Source::Prior),
            (self.nearest_person(q.outer.start), Source::Nearest),
        ];
        let mut out: Vec<Candidate> = Vec::new();
        for (speaker, source) in proposals {
            let Some(speaker) = speaker else { continue };
            let key = name_key(&speaker.name);
            if key.is_empty() {
                continue;
            }
            if let Some(c) = out.iter_mut().find(|c| name_key(&c.speaker.name) == key) {
                c.sources.add(source);
                continue;
            }
            let entity = speaker
                .entity_id
                .as_deref()
                .and_then(|id| self.entities.iter().find(|e| e.id == id));
            let last = self.last_mention_before(&speaker, entity, q.outer.start);
            let subject = last.is_some_and(|m| self.opens_sentence(m.start));
            let last = last.map(|m| m.end);
            let sources = Sources::only(source);
            out.push(Candidate {
                person_entity: entity.is_some_and(|e| e.kind == EntityType::Person),
                org_entity: entity.is_some_and(|e| {
                    matches!(e.kind, EntityType::Agency | EntityType::Organization)
                }),
                official: entity.is_some_and(|e| e.official == Some(true)),
                distance: last.map(|end| {
                    (self.first_at(end)..self.first_at(q.outer.start))
                        .filter(|&i| self.is_word(i))
                        .count()
                }),
                mentioned_since_prior: last.is_some_and(|end| end >= prev_end),
                subject,
                speaker,
                sources,
            });
        }
        out
    }

    /// The last mention of a speaker ending before `pos`: an entity mention, else a
    /// written name with the speaker's last word.
    fn last_mention_before(
        &self,
        speaker: &Speaker,
        entity: Option<&Entity>,
        pos: usize,
    ) -> Option<Span> {
        if let Some(e) = entity {
            return e
                .mentions
                .iter()
                .map(|m| m.span)
                .filter(|m| m.end <= pos)
                .max_by_key(|m| m.end);
        }
        let last = name_key(&speaker.name).pop()?;
        self.names
            .people
            .iter()
            .filter(|&&r| name_key(&name_text(self.text, &self.tokens, r)).last() == Some(&last))
            .map(|&r| self.span_of(r))
            .filter(|m| m.end <= pos)
            .max_by_key(|m| m.end)
    }

    /// True when the word at byte `pos` is among the first words of its sentence (the
    /// subject's place: "The victim's mother, Mira Calloway, read …").
    fn opens_sentence(&self, pos: usize) -> bool {
        let i = self.first_at(pos);
        let start = (0..i)
            .rev()
            .find(|&k| self.ends_sentence(k) || self.is_mark(k))
            .map_or(0, |k| k + 1);
        (start..i).filter(|&k| self.is_word(k)).count() <= SUBJECT_WORDS
    }

    /// The person of the issuing office ("Office of Congresswoman Ada Quill", "Alder County
    /// District Attorney's Office"): the person entity named in it, else the one holding
    /// its title; the one mentioned most when several fit.
    fn issuer_person(&self, issuer: &str) -> Option<Speaker> {
        let words: Vec<String> = issuer
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .map(|w| strip_possessive(w).to_lowercase())
            .collect();
        let people = || {
            self.entities
                .iter()
                .filter(|e| e.kind == EntityType::Person)
        };
        let named = people()
            .filter(|e| {
                let key = name_key(&e.name);
                key.last().is_some_and(|l| words.contains(l))
                    && (key.len() == 1 || key.first().is_some_and(|f| words.contains(f)))
            })
            .max_by_key(|e| e.mentions.len());
        let titled = || {
            people()
                .filter(|e| {
                    // A one-word title ("Attorney") only for an official: defence
                    // attorneys hold it too.
                    e.title.as_deref().is_some_and(|t| {
                        let t = name_key(t);
                        (t.len() >= 2 || e.official == Some(true))
                            && !t.is_empty()
                            && t.iter().all(|w| words.contains(w))
                    })
                })
                .max_by_key(|e| e.mentions.len())
        };
        named.or_else(titled).map(speaker_of)
    }

    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.word)
    }

    /// Index of the first token starting at or after `pos`.
    fn first_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// True for tokens that end a clause in a cue window.
    fn ends_sentence(&self, i: usize) -> bool {
        matches!(self.word(i), "." | "!" | "?")
            && self.word(i + 1) != ")"
            && !self.word(i + 1).starts_with(char::is_lowercase)
    }

    /// True when the quotation's words end a sentence ("… today.”").
    fn ends_with_sentence(&self, q: &QuoteSpan) -> bool {
        self.text
            .get(q.span.range())
            .is_some_and(|t| t.trim_end().ends_with(['.', '!', '?']))
    }

    /// True when the speech verb at `v` ends its clause ("said.", "said Tuesday", "said in
    /// a statement") rather than reporting more ("insisted that …").
    fn verb_closes(&self, v: usize) -> bool {
        let next = self.word(v + 1);
        !self.is_word(v + 1)
            || matches!(
                next,
                "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
            )
            || matches!(
                next,
                "in" | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "to"
                    | "today"
                    | "yesterday"
                    | "last"
                    | "this"
                    | "earlier"
                    | "later"
                    | "recently"
                    | "via"
                    | "from"
                    | "by"
                    | "when"
                    | "while"
                    | "as"
                    | "of"
                    | "about"
                    | "with"
                    | "adding"
                    | "and"
            )
    }

    fn is_mark(&self, i: usize) -> bool {
        matches!(self.word(i), "\"" | "“" | "”" | "„")
    }

    /// The cue right after a quotation: "said X", "X said", "according to X".
    fn cue_after(&self, q: &QuoteSpan, limit: usize) -> Option<Cue> {
        let mut start = self.first_at(q.outer.end);
        if self.word(start) == "," {
            start += 1;
        }
        let mut end = start;
        while end < self.tokens.len()
            && end - start < AFTER_WINDOW
            && self.tokens[end].span.start < limit
            && !self.tokens[end].blank_line
            && !self.ends_sentence(end)
            && !self.is_mark(end)
        {
            end += 1;
        }
        if start >= end {
            return None;
        }
        // "… today.”" at a line end: what follows on the next line is a new paragraph.
        if self.ends_with_sentence(q) && self.tokens[start].line_break {
            return None;
        }
        let first = self.word(start);
        // "according to X"
        if first == "according" && self.word(start + 1) == "to" {
            let verb = Span::new(
                self.tokens[start].span.start,
                self.tokens[start + 1].span.end,
            );
            return Some(self.cue(verb, (start + 2, end), Method::After, 0.85));
        }
        // "said X"
        // "― Name": a signature under the quotation
        if matches!(first, "―" | "—" | "–" | "-")
            && self.starts_subject(start + 1)
            && !self.is_mark(start + 1)
        {
            let stop = self.clause_end(start + 1, end);
            if let Some(mention @ (Mention::Name(_) | Mention::Org(_))) =
                self.mention(start + 1, stop)
            {
                return Some(Cue {
                    verb: self.tokens[start].span,
                    mentions: vec![mention],
                    method: Method::Signature,
                    confidence: 0.8,
                });
            }
        }
        // "said X"
        if is_speech_verb(first) && first != "told" {
            let stop = self.clause_end(start + 1, end);
            if let Some(full) = self.mention(start + 1, stop) {
                // "said Jo Park of the University of Oz": the name before "of".
                let head_end = (start + 1..stop)
                    .find(|&i| matches!(self.word(i), "of" | "for" | "from" | "with" | "at"))
                    .unwrap_or(stop);
                let mut mentions = Vec::new();
                if let Some(head @ Mention::Name(_)) = self.mention(start + 1, head_end) {
                    mentions.push(head);
                }
                if !mentions.contains(&full) {
                    mentions.push(full);
                }
                // "said the school's CEO, Dr. Jo Park": the name after the comma.
                if self.word(stop) == "," {
                    let next_stop = self.clause_end(stop + 1, end);
                    if let Some(m @ Mention::Name(_)) = self.mention(stop + 1, next_stop) {
                        mentions.insert(
                            usize::from(matches!(mentions.first(), Some(Mention::Name(_)))),
                            m,
                        );
                    }
                }
                return Some(Cue {
                    verb: self.tokens[start].span,
                    mentions,
                    method: Method::After,
                    confidence: 0.9,
                });
            }
        }
        // "X said", "X, the secretary of state, said"
        let verb = (start..end)
            .take(14)
            .find(|&i| is_speech_verb(self.word(i)))?;
        // "“…” for Clinton, said Kunin.": the quotation's sentence goes on, then "said X".
        if verb > start
            && self.word(verb - 1) == ","
            && is_capitalised(self.word(verb + 1))
            && !is_capitalised(self.word(start))
            && !matches!(self.word(verb), "told" | "tells" | "asked" | "asks")
        {
            let stop = self.clause_end(verb + 1, end);
            let cue = self.cue(self.tokens[verb].span, (verb + 1, stop), Method::After, 0.8);
            if !cue.mentions.is_empty() {
                return Some(cue);
            }
        }
        let subject = self.subject_before(start, verb);
        if subject.0 >= subject.1 || !self.starts_subject(subject.0) {
            return None;
        }
        // "“… today.” Sheriff Vole said, “…": the cue of the next quotation; and
        // "“… today.” Russia insisted that …": a new sentence.
        if self.ends_with_sentence(q) {
            let next = self.word(verb + 1);
            let opens_next =
                self.is_mark(verb + 1) || (matches!(next, "," | ":") && self.is_mark(verb + 2));
            if opens_next || !self.verb_closes(verb) {
                return None;
            }
        }
        let cue = self.cue_subject(self.tokens[verb].span, subject, false, Method::After, 0.9);
        (!cue.mentions.is_empty()).then_some(cue)
    }

    /// The cue before a quotation, in its sentence: "X said: “", "X released the following
    /// statement: “", "X said the plan was “".
    fn cue_before(&self, q: &QuoteSpan, limit: usize) -> Option<Cue> {
        let end = self.first_at(q.outer.start);
        let mut start = end;
        while start > 0
            && end - start < BEFORE_WINDOW
            && self.tokens[start - 1].span.start >= limit
            && !(self.tokens.get(start).is_some_and(|t| t.blank_line)
                && !(start == end && self.word(end - 1) == ":"))
            && !self.ends_sentence(start - 1)
        {
            start -= 1;
        }
        if start >= end {
            return self.previous_sentence(start, limit);
        }
        if let Some(cue) = self.statement(start, end) {
            return Some(cue);
        }
        let Some(verb) = (start..end).rev().find(|&i| {
            is_speech_verb(self.word(i))
                || (i == start && is_speech_verb(&self.word(i).to_lowercase()))
                || (self.word(i).eq_ignore_ascii_case("according") && self.word(i + 1) == "to")
        }) else {
            return self
                .no_verb(start, end)
                .or_else(|| self.previous_sentence(start, limit));
        };
        let tail = end - verb - 1;
        let confidence = if tail <= 6 { 0.85 } else { 0.7 };
        let verb_span = self.tokens[verb].span;
        // "according to X, “"
        if self.word(verb).eq_ignore_ascii_case("according") {
            let stop = self.clause_end(verb + 2, end);
            return Some(self.cue(verb_span, (verb + 2, stop), Method::Before, confidence));
        }
        // "Trump mocked the complaint, saying “…”": the subject of the sentence speaks.
        let participle = self.word(verb).ends_with("ing");
        if participle {
            if let Some(subject) = self.sentence_subject(start, verb) {
                return Some(self.cue(verb_span, subject, Method::Before, confidence));
            }
        }
        let subject = self.subject_before(start, verb);
        // "X said “A,” adding, “B”": the sentence began before the previous quotation.
        let after_quote = start > 0 && self.tokens[start - 1].span.end <= limit;
        if after_quote && (participle || subject.0 >= subject.1) {
            return Some(Cue {
                verb: verb_span,
                mentions: vec![Mention::Previous],
                method: Method::Before,
                confidence,
            });
        }
        if subject.0 < subject.1 {
            return Some(self.cue_subject(verb_span, subject, true, Method::Before, confidence));
        }
        // "said X: “"
        let stop = self.clause_end(verb + 1, end);
        Some(self.cue(verb_span, (verb + 1, stop), Method::Before, confidence))
    }

    /// "X released the following statement (on behalf of Y): “".
    fn statement(&self, start: usize, end: usize) -> Option<Cue> {
        // "Statement from District Attorney Jo Park", "a statement by Rep. Bo Tarn"
        let by = (start..end).find(|&i| {
            STATEMENT_NOUNS.contains(&self.word(i).to_lowercase().as_str())
                && matches!(self.word(i + 1), "from" | "by" | "of")
                && self.starts_subject(i + 2)
        });
        if let Some(b) = by {
            let stop = self.clause_end(b + 2, end);
            // The name right after "from", not a later one ("… Regarding the Verdict").
            let name = if is_capitalised(self.word(b + 2)) {
                run_at(self.text, &self.tokens, b + 2, (b + 2, stop)).all
            } else {
                (b + 2, stop)
            };
            return Some(self.cue(self.tokens[b].span, name, Method::Statement, 0.85));
        }
        let verb = (start..end).find(|&i| {
            is_statement_verb(self.word(i))
                && (i + 1..(i + 5).min(end))
                    .any(|k| STATEMENT_NOUNS.contains(&self.word(k).to_lowercase().as_str()))
        })?;
        let verb_span = self.tokens[verb].span;
        let behalf = (verb..end)
            .find(|&i| self.word(i).eq_ignore_ascii_case("behalf") && self.word(i + 1) == "of");
        if let Some(b) = behalf {
            let stop = self.clause_end(b + 2, end);
            return Some(self.cue(verb_span, (b + 2, stop), Method::Statement, 0.85));
        }
        let subject = self.subject_before(start, verb);
        Some(self.cue_subject(verb_span, subject, true, Method::Statement, 0.85))
    }

    /// The sentence before the one the quotation opens, when it introduces it: "Rep. Bo
    /// Tarn released the following statement on the vote. “…”" or "…, Vole said. “…”".
    fn previous_sentence(&self, start: usize, limit: usize) -> Option<Cue> {
        let end = start.checked_sub(1).filter(|&e| self.ends_sentence(e))?;
        let mut from = end;
        while from > 0
            && end - from < BEFORE_WINDOW
            && self.tokens[from - 1].span.start >= limit
            && !self.tokens[from].blank_line
            && !self.ends_sentence(from - 1)
            && !self.is_mark(from - 1)
        {
            from -= 1;
        }
        if from >= end || self.tokens[from].span.start < limit {
            return None;
        }
        if let Some(mut cue) = self.statement(from, end) {
            cue.confidence = 0.7;
            return Some(cue);
        }
        // "“It’s workable,” Quillan told the paper. “Is it…”": the sentence attributes a short
        // quotation just before (too short to be kept), and this one goes on from it.
        if from > 0 && self.is_mark(from - 1) {
            let mark = self.tokens[from - 1].span;
            let before = QuoteSpan {
                span: mark,
                outer: mark,
            };
            if let Some(mut cue) = self.cue_after(&before, self.tokens[end].span.end) {
                cue.method = Method::Previous;
                cue.confidence = 0.6;
                return Some(cue);
            }
        }
        // "…, Vole said." ends the sentence.
        let verb = end - 1;
        if !is_speech_verb(self.word(verb)) {
            return None;
        }
        let subject = self.subject_before(from, verb);
        let mut cue = self.cue_subject(
            self.tokens[verb].span,
            subject,
            false,
            Method::Previous,
            0.6,
        );
        cue.mentions.truncate(1);
        (!cue.mentions.is_empty()).then_some(cue)
    }

    /// A quotation in a sentence with no speech verb: after a colon ("Tarn has adopted
    /// the stance: “…”") or inside the sentence ("Moore thanked him for “…”"), the name
    /// that opens the sentence speaks.
    fn no_verb(&self, start: usize, end: usize) -> Option<Cue> {
        // "… – Mira Calloway: “…”": the name right before the colon.
        if end - start >= 2 && self.word(end - 1) == ":" && is_capitalised(self.word(end - 2)) {
            let run = run_at(self.text, &self.tokens, end - 2, (start, end - 1));
            if let Some(m @ (Mention::Name(_) | Mention::Org(_))) =
                self.mention(run.all.0, run.all.1)
            {
                return Some(Cue {
                    verb: self.tokens[end - 1].span,
                    mentions: vec![m],
                    method: Method::Sentence,
                    confidence: 0.5,
                });
            }
        }
        let mut first = start;
        while first < end
            && matches!(
                self.word(first),
                "But"
                    | "And"
                    | "So"
                    | "Yet"
                    | "Still"
                    | "Also"
                    | "Meanwhile"
                    | "However"
                    | "Then"
                    | ","
            )
        {
            first += 1;
        }
        let w = self.word(first);
        let subject = if pronoun(w).is_some() {
            (first, first + 1)
        } else if self.is_word(first) && is_capitalised(w) && !names::is_not_name(w) {
            run_at(self.text, &self.tokens, first, (first, end)).all
        } else {
            return None;
        };
        if !self.names.name_like(self.text, &self.tokens, subject) {
            return None;
        }
        // The name must be followed by a verb-like lower-case word, not be the whole window.
        let next = self.word(subject.1);
        let acts = self.is_word(subject.1) && next.starts_with(char::is_lowercase);
        let colon = self.word(end - 1) == ":";
        if subject.1 >= end || !(acts || colon) {
            return None;
        }
        let verb = self.span_of(subject);
        Some(self.cue(verb, subject, Method::Sentence, 0.5))
    }

    fn cue(&self, verb: Span, subject: (usize, usize), method: Method, c: f32) -> Cue {
        Cue {
            verb,
            mentions: self.mention(subject.0, subject.1).into_iter().collect(),
            method,
            confidence: c,
        }
    }

    /// A cue whose speaker is the subject ending at `subject.1`: the immediate subject,
    /// then each comma-separated part before it (nearest first: "her adviser, Jo Park,"),
    /// then, when `sentence`, the name that opens the sentence. A name in the nearest parts
    /// goes before a bare title ("the secretary of state").
    fn cue_subject(
        &self,
        verb: Span,
        subject: (usize, usize),
        sentence: bool,
        method: Method,
        confidence: f32,
    ) -> Cue {
        let (start, end) = subject;
        let mut mentions: Vec<Mention> = Vec::new();
        if start < end {
            let from = self.subject_start(subject);
            mentions.extend(self.mention(from, end));
            let mut seg_end = end;
            for _ in 0..3 {
                let seg_start = (start..seg_end)
                    .rev()
                    .find(|&i| self.word(i) == ",")
                    .map_or(start, |c| c + 1);
                // A long part is a clause ("Sarah called Irving 911 and"): its subject
                // opens it; a short one is a noun phrase, named at its end.
                let m = if seg_end - seg_start > 8 {
                    self.sentence_subject(seg_start, seg_end)
                        .and_then(|s| self.mention(s.0, s.1))
                } else {
                    self.mention(seg_start, seg_end)
                };
                if let Some(m) = m {
                    if !mentions.contains(&m) {
                        mentions.push(m);
                    }
                }
                if seg_start == start {
                    break;
                }
                seg_end = seg_start - 1;
            }
            if matches!(mentions.first(), Some(Mention::Role(_))) {
                if let Some(k) = mentions
                    .iter()
                    .take(3)
                    .position(|m| matches!(m, Mention::Name(_) | Mention::Org(_)))
                {
                    let named = mentions.remove(k);
                    mentions.insert(0, named);
                }
            }
            if sentence {
                if let Some(m) = self
                    .sentence_subject(start, end)
                    .and_then(|s| self.mention(s.0, s.1))
                {
                    if !mentions.contains(&m) {
                        mentions.push(m);
                    }
                }
            }
        }
        Cue {
            verb,
            mentions,
            method,
            confidence,
        }
    }

    /// The first token at or after `from` that ends a noun phrase (",", ";", ":", "(",
    /// "who"), or `end`.
    fn clause_end(&self, from: usize, end: usize) -> usize {
        (from..end)
            .find(|&i| {
                matches!(self.word(i), "," | ";" | ":" | "(" | "—" | "–")
                    || (matches!(
                        self.word(i).to_lowercase().as_str(),
                        "who" | "in" | "at" | "on" | "during" | "after" | "before" | "when"
                    ) && self.word(i + 1) != "Charge")
            })
            .unwrap_or(end)
    }

    /// The words before the verb at `verb` (from `start`) that can hold its subject: without
    /// auxiliaries and adverbs ("also", "today"), a party tag ("(R-Oz)") or an apposition.
    fn subject_before(&self, start: usize, verb: usize) -> (usize, usize) {
        let mut end = verb;
        loop {
            let w = self.word(end.wrapping_sub(1)).to_lowercase();
            if end <= start {
                break;
            }
            if AUXILIARIES.contains(&w.as_str())
                || matches!(w.as_str(), "today" | "yesterday" | "tonight")
            {
                end -= 1;
            } else if w == ")" {
                match (start..end - 1).rev().find(|&i| self.word(i) == "(") {
                    Some(open) => end = open,
                    None => break,
                }
            } else {
                break;
            }
        }
        (start, end)
    }

    /// The part of `start..end` before an apposition ("Ashcroft, the secretary of state,").
    fn before_apposition(&self, start: usize, end: usize) -> (usize, usize) {
        if end > start && self.word(end - 1) == "," {
            let inner = (start..end - 1).rev().find(|&i| self.word(i) == ",");
            if let Some(c) = inner {
                return (start, c);
            }
            return (start, end - 1);
        }
        (start, end)
    }

    /// Where the subject that ends at `subject.1` starts: the capitalised run, pronoun or
    /// determiner phrase right before the verb.
    fn subject_start(&self, subject: (usize, usize)) -> usize {
        let (start, end) = subject;
        let last = end - 1;
        if pronoun(self.word(last)).is_some() {
            return last;
        }
        if self.is_word(last) && is_capitalised(self.word(last)) {
            return run_at(self.text, &self.tokens, last, (start, end)).all.0;
        }
        // "the department", "a spokesman for the office"
        let det = (start..end)
            .rev()
            .take(4)
            .find(|&i| DETERMINERS.contains(&self.word(i).to_lowercase().as_str()));
        det.unwrap_or(last)
    }

    /// The subject at the start of the sentence `start..verb`: its first pronoun or name.
    fn sentence_subject(&self, start: usize, verb: usize) -> Option<(usize, usize)> {
        (start..verb).find_map(|i| {
            let w = self.word(i);
            if pronoun(w).is_some() {
                return Some((i, i + 1));
            }
            if !self.is_word(i) || !is_capitalised(w) || names::is_not_name(w) {
                return None;
            }
            let run = run_at(self.text, &self.tokens, i, (start, verb)).all;
            self.names
                .name_like(self.text, &self.tokens, run)
                .then_some(run)
        })
    }

    /// A transcript line quoted whole ("WALLACE: Let’s start…"): the speaker's name in
    /// capitals opens the quotation.
    fn transcript(&self, q: &QuoteSpan) -> Option<Quote> {
        let i = self.first_at(q.span.start);
        let name = self.word(i);
        let is_name = self.is_word(i)
            && name.chars().count() >= 2
            && name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            && self.word(i + 1) == ":";
        is_name.then(|| Quote {
            span: q.span,
            speaker: Some(plain(name.to_string())),
            cue: Some(self.tokens[i].span),
            method: Method::Transcript,
            confidence: 0.8,
        })
    }

    /// True when token `i` can start a speaker phrase.
    fn starts_subject(&self, i: usize) -> bool {
        let w = self.word(i);
        let joining = matches!(
            w,
            "and"
                | "or"
                | "but"
                | "that"
                | "which"
                | "as"
                | "for"
                | "of"
                | "to"
                | "in"
                | "on"
                | "with"
                | "while"
                | "when"
                | "because"
                | "than"
                | "if"
                | "so"
                | "since"
        );
        self.is_word(i)
            && !joining
            && (is_capitalised(w)
                || pronoun(w).is_some()
                || DETERMINERS.contains(&w.to_lowercase().as_str())
                // "retired Air Force general Owen Tamsett", "panel Chairman Rep. Jo Penner"
                || (i + 1..i + 4).any(|k| self.is_word(k) && is_capitalised(self.word(k))))
    }

    /// Reads a speaker phrase.
    fn mention(&self, start: usize, end: usize) -> Option<Mention> {
        let (start, end) = self.before_apposition(start, end);
        if start >= end {
            return None;
        }
        let w = self.word(start);
        if end - start == 1 {
            if let Some(p) = pronoun(w) {
                return Some(Mention::Pronoun(p));
            }
        }
        // Words inside quotation marks (a title: "co-author of “Quiet Rivers”") name nobody.
        let mut quoted = vec![false; end - start];
        let mut inside = false;
        for (k, i) in (start..end).enumerate() {
            if self.is_mark(i) {
                inside = !inside;
            }
            quoted[k] = inside;
        }
        // The last capitalised run of the phrase ("The" of "The department" is none, nor is
        // a sentence-opening word the release never capitalises inside a sentence: "Using
        // a megaphone, …").
        let last_run = (start..end).rev().find_map(|i| {
            let w = self.word(i);
            if quoted[i - start] || !self.is_word(i) || !is_capitalised(w) || names::is_not_name(w)
            {
                return None;
            }
            let run = run_at(self.text, &self.tokens, i, (start, end));
            let opens = run.all.0 == 0
                || self.tokens[run.all.0].line_break
                || self.ends_sentence(run.all.0 - 1);
            (!opens || self.names.name_like(self.text, &self.tokens, run.all)).then_some(run)
        });
        if let Some(run) = last_run {
            if run.org {
                return Some(Mention::Org(run.all));
            }
            if run.name.0 < run.name.1 {
                return Some(Mention::Name(run.name));
            }
            let role = words(self.text, &self.tokens, run.all)
                .iter()
                .map(|w| strip_possessive(w).to_lowercase())
                .filter(|w| !DETERMINERS.contains(&w.as_str()))
                .collect::<Vec<_>>();
            return (!role.is_empty()).then_some(Mention::Role(role));
        }
        if !DETERMINERS.contains(&w.to_lowercase().as_str()) {
            return None;
        }
        let role: Vec<String> = (start + 1..end)
            .filter(|&i| self.is_word(i))
            .map(|i| self.word(i).to_lowercase())
            .take_while(|w| !matches!(w.as_str(), "for" | "of" | "with" | "from"))
            .collect();
        (!role.is_empty()).then_some(Mention::Role(role))
    }

    /// Turns a mention into a speaker.
    fn resolve(
        &self,
        m: &Mention,
        q: &QuoteSpan,
        prev_end: usize,
        previous: Option<&Speaker>,
    ) -> Option<Speaker> {
        match m {
            // "Tate read a letter to the court. “…,” she told the judge": a person brought
            // in as a sentence's subject since the previous quotation is the nearest
            // antecedent; otherwise the previous speaker goes on.
            Mention::Pronoun(Pronoun::Person) => self
                .new_subject(prev_end, q.outer.start)
                .or_else(|| previous.cloned())
                .or_else(|| self.nearest_person(q.outer.start)),
            Mention::Pronoun(Pronoun::Group) => previous
                .filter(|s| {
                    s.entity_id
                        .as_deref()
                        .is_some_and(|id| !id.starts_with('P'))
                })
                .cloned(),
            Mention::Name(range) => {
                let span = self.span_of(*range);
                let name = name_text(self.text, &self.tokens, *range);
                let key = name_key(&name);
                // A person entity at the place that ends in another word is a bad fit
                // (an entity "Wm" under "Wm. Hale Brisley"); the written name wins then.
                let fits = |e: &&Entity| {
                    e.kind != EntityType::Person || name_key(&e.name).last() == key.last()
                };
                self.entity_at(span)
                    .filter(fits)
                    .or_else(|| self.person_named(&key))
                    .map(speaker_of)
                    .or_else(|| {
                        let full = self
                            .names
                            .fullest(self.text, &self.tokens, &key)
                            .unwrap_or(name);
                        Some(plain(full))
                    })
            }
            Mention::Org(range) => {
                let span = self.span_of(*range);
                let name = words(self.text, &self.tokens, *range).join(" ");
                self.entity_at(span)
                    .or_else(|| self.agency_named(&name))
                    .map(speaker_of)
                    .or(Some(plain(name)))
            }
            Mention::Role(role) => self.by_role(role, q.outer.start),
            Mention::Previous => previous.cloned(),
        }
    }

    fn span_of(&self, range: (usize, usize)) -> Span {
        match (
            self.tokens.get(range.0),
            self.tokens.get(range.1.wrapping_sub(1)),
        ) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }

    /// The entity with a mention overlapping `span`.
    fn entity_at(&self, span: Span) -> Option<&Entity> {
        self.entities.iter().find(|e| {
            matches!(
                e.kind,
                EntityType::Person | EntityType::Agency | EntityType::Organization
            ) && e
                .mentions
                .iter()
                .any(|m| m.span.start < span.end && span.start < m.span.end)
        })
    }

    /// The person entity a name stands for: same last word, same first word if given.
    fn person_named(&self, key: &[String]) -> Option<&Entity> {
        let last = key.last()?;
        self.entities.iter().find(|e| {
            let k = name_key(&e.name);
            e.kind == EntityType::Person
                && k.last() == Some(last)
                && (key.len() == 1 || k.first() == key.first())
        })
    }

    /// The agency or organisation entity named `name` (or with that acronym).
    fn agency_named(&self, name: &str) -> Option<&Entity> {
        let key = name_key(name.trim_start_matches("The "));
        self.entities.iter().find(|e| {
            matches!(e.kind, EntityType::Agency | EntityType::Organization)
                && (name_key(&e.name) == key
                    || e.acronym.as_deref().is_some_and(|a| name_key(a) == key))
        })
    }

    /// The person a title or common noun stands for ("the District Attorney"), or the
    /// organisation ("the department"): the entity with that title or head word named
    /// nearest before `pos`, else the name the release writes after that title.
    fn by_role(&self, role: &[String], pos: usize) -> Option<Speaker> {
        let head = role.last()?;
        let nearest = |e: &&Entity| {
            e.mentions
                .iter()
                .filter(|m| m.span.start < pos)
                .map(|m| m.span.start)
                .max()
        };
        let titled = self
            .entities
            .iter()
            .filter(|e| {
                e.kind == EntityType::Person
                    && e.title.as_deref().is_some_and(|t| {
                        let t = name_key(t);
                        role.iter().all(|w| t.contains(w))
                    })
            })
            .max_by_key(nearest);
        if let Some(e) = titled {
            return Some(speaker_of(e));
        }
        let agency = self
            .entities
            .iter()
            .filter(|e| {
                matches!(e.kind, EntityType::Agency | EntityType::Organization)
                    && name_key(&e.name).contains(head)
            })
            .max_by_key(nearest);
        if let Some(e) = agency {
            return Some(speaker_of(e));
        }
        self.role_in_text(role, pos)
    }

    /// Without entities: the nearest run before `pos` (else anywhere) holding the title
    /// words, read as a person (its name part) or an organisation (ending in the head).
    fn role_in_text(&self, role: &[String], pos: usize) -> Option<Speaker> {
        let head = role.last()?;
        let fits = |run: &names::Run| {
            let ws: Vec<String> = words(self.text, &self.tokens, run.all)
                .iter()
                .map(|w| strip_possessive(w).to_lowercase())
                .collect();
            let has_role = role.iter().all(|r| ws.contains(r));
            if run.org {
                (ws.last() == Some(head))
                    .then(|| plain(words(self.text, &self.tokens, run.all).join(" ")))
            } else if has_role && run.name.0 < run.name.1 {
                let name = name_text(self.text, &self.tokens, run.name);
                let full = self
                    .names
                    .fullest(self.text, &self.tokens, &name_key(&name))
                    .unwrap_or(name);
                Some(plain(full))
            } else {
                None
            }
        };
        let before = self
            .names
            .runs
            .iter()
            .rev()
            .filter(|r| self.span_of(r.all).end <= pos)
            .find_map(fits);
        before.or_else(|| self.names.runs.iter().find_map(fits))
    }

    /// The person entity named last, in a subject's place, between `from` and `to`.
    fn new_subject(&self, from: usize, to: usize) -> Option<Speaker> {
        self.entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .filter_map(|e| {
                e.mentions
                    .iter()
                    .filter(|m| m.span.start >= from && m.span.end <= to)
                    .filter(|m| self.opens_sentence(m.span.start))
                    .map(|m| m.span.start)
                    .max()
                    .map(|p| (p, e))
            })
            .max_by_key(|(p, _)| *p)
            .map(|(_, e)| speaker_of(e))
    }

    /// The person named nearest before `pos`: an entity mention, else a written full name.
    fn nearest_person(&self, pos: usize) -> Option<Speaker> {
        let entity = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .filter_map(|e| {
                e.mentions
                    .iter()
                    .filter(|m| m.span.end <= pos)
                    .map(|m| m.span.start)
                    .max()
                    .map(|p| (p, e))
            })
            .max_by_key(|(p, _)| *p)
            .map(|(_, e)| speaker_of(e));
        entity.or_else(|| {
            let range = self
                .names
                .people
                .iter()
                .rev()
                .find(|r| r.1 - r.0 >= 2 && self.span_of(**r).end <= pos)?;
            Some(plain(name_text(self.text, &self.tokens, *range)))
        })
    }

    /// The person a release is about: the person entity with the most mentions (full names
    /// first), else the full name whose last word the release writes most often.
    fn main_person(&self) -> Option<Speaker> {
        // A person written with a first and a last name goes before a one-word "person"
        // (often a misread heading word), then the most mentions.
        let entity = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .max_by_key(|e| (e.name.split_whitespace().nth(1).is_some(), e.mentions.len()));
        if let Some(e) = entity {
            return Some(speaker_of(e));
        }
        // How often each first and each last word of a name is written.
        let names: Vec<(String, Vec<String>)> = self
            .names
            .people
            .iter()
            .map(|&r| {
                let name = name_text(self.text, &self.tokens, r);
                let key = name_key(&name);
                (name, key)
            })
            .collect();
        let mut firsts: HashMap<&str, usize> = HashMap::new();
        let mut lasts: HashMap<&str, usize> = HashMap::new();
        for (_, key) in &names {
            if let (Some(f), Some(l)) = (key.first(), key.last()) {
                *firsts.entry(f).or_default() += 1;
                *lasts.entry(l).or_default() += 1;
            }
        }
        let mut best: Option<(usize, &str)> = None;
        for (name, key) in names.iter().filter(|(_, k)| k.len() >= 2) {
            let (Some(f), Some(l)) = (key.first(), key.last()) else {
                continue;
            };
            let count = firsts.get(f.as_str()).copied().unwrap_or(0)
                + lasts.get(l.as_str()).copied().unwrap_or(0);
            if best.is_none_or(|(c, _)| count > c) {
                best = Some((count, name));
            }
        }
        best.map(|(_, n)| plain(n.to_string()))
    }

    /// A quotation without a cue: continues the previous quotation when it follows it
    /// closely, answers a printed question, or stays unknown.
    fn without_cue(
        &self,
        q: &QuoteSpan,
        prev_end: usize,
        prev_quote: Option<&Quote>,
        previous: Option<&Speaker>,
    ) -> Quote {
        let from = self.first_at(prev_end);
        let to = self.first_at(q.outer.start);
        let gap_words = (from..to).filter(|&i| self.is_word(i)).count();
        if let Some(p) = prev_quote.filter(|p| p.speaker.is_some()) {
            let last = p.speaker.as_ref().and_then(|s| name_key(&s.name).pop());
            // Names in the sentence that attributes the previous quotation do not count.
            let after_cue = (from..to).find(|&i| self.ends_sentence(i)).unwrap_or(from);
            let other_person = self.names.people.iter().any(|&r| {
                r.0 >= after_cue
                    && r.1 <= to
                    && name_key(&name_text(self.text, &self.tokens, r)).pop() != last
            });
            if gap_words <= CONTINUATION_GAP && !other_person && !self.question_before(q) {
                return Quote {
                    span: q.span,
                    speaker: p.speaker.clone().or_else(|| previous.cloned()),
                    cue: None,
                    method: Method::Continuation,
                    confidence: 0.6,
                };
            }
        }
        if self.question_before(q) {
            if let Some(speaker) = self.main_person.get_or_init(|| self.main_person()).clone() {
                return Quote {
                    span: q.span,
                    speaker: Some(speaker),
                    cue: None,
                    method: Method::Answer,
                    confidence: 0.5,
                };
            }
        }
        unknown(q.span)
    }

    /// True when the line before the quotation ends with a question mark.
    fn question_before(&self, q: &QuoteSpan) -> bool {
        let i = self.first_at(q.outer.start);
        i > 0 && self.word(i - 1) == "?" && self.tokens.get(i).is_some_and(|t| t.line_break)
    }
}

/// A speaker from an entity.
fn speaker_of(e: &Entity) -> Speaker {
    Speaker {
        name: e.name.clone(),
        entity_id: Some(e.id.clone()),
        title: e.title.clone(),
        state: e.state.clone(),
    }
}

/// A speaker known only by the name written in the text.
fn plain(name: String) -> Speaker {
    Speaker {
        name,
        entity_id: None,
        title: None,
        state: None,
    }
}

#[cfg(test)]
mod tests;
