//! The cue rules: the words right after and right before a quotation, the statement
//! cues, the sentence before, a verbless sentence's name and transcripts, each giving the
//! speaker mention it names and how sure it is.

use super::choose::Method;
use super::confidence;
use super::context::{Ctx, Cue, SpeakerMention, AFTER_WINDOW, BEFORE_WINDOW};
use super::names::{self, run_at, words};
use super::quote::Quote;
use super::speaker::plain;
use crate::doc::Span;
use crate::lexicon::verbs::{is_speech_verb, is_statement_verb, AUXILIARIES};
use crate::lexicon::words::{
    is_time_word, pronoun, ATTACHING_PREPOSITIONS, DETERMINERS, STATEMENT_NOUNS,
};
use crate::lexicon::{is_capitalised, strip_possessive};
use crate::quotes::QuoteSpan;

impl Ctx<'_> {
    /// True for tokens that end a clause in a cue window.
    pub(super) fn ends_sentence(&self, i: usize) -> bool {
        matches!(self.word(i), "." | "!" | "?")
            && self.word(i + 1) != ")"
            && !self.word(i + 1).starts_with(char::is_lowercase)
    }

    /// True when the quotation's words end a sentence ("… today.”").
    pub(super) fn ends_with_sentence(&self, q: &QuoteSpan) -> bool {
        self.text
            .get(q.span.range())
            .is_some_and(|t| t.trim_end().ends_with(['.', '!', '?']))
    }

    /// True when the speech verb at `v` ends its clause ("said.", "said Tuesday", "said in
    /// a statement") rather than reporting more ("insisted that …").
    pub(super) fn verb_closes(&self, v: usize) -> bool {
        // "announced today that …" reports more, after the time word.
        let after_time = (v + 1..v + 3)
            .find(|&i| !is_time_word(self.word(i)))
            .unwrap_or(v + 3);
        if after_time > v + 1 && self.word(after_time) == "that" {
            return false;
        }
        let next = self.word(v + 1);
        !self.is_word(v + 1)
            || is_time_word(next)
            || matches!(
                next,
                "in" | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "to"
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

    pub(super) fn is_mark(&self, i: usize) -> bool {
        matches!(self.word(i), "\"" | "“" | "”" | "„")
    }

    /// The cue right after a quotation: "said X", "X said", "according to X".
    pub(super) fn cue_after(&self, q: &QuoteSpan, limit: usize) -> Option<Cue> {
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
            return Some(self.cue(verb, (start + 2, end), Method::After, confidence::PHRASE));
        }
        // "said X"
        // "― Name": a signature under the quotation
        if matches!(first, "―" | "—" | "–" | "-")
            && self.starts_subject(start + 1)
            && !self.is_mark(start + 1)
        {
            let stop = self.clause_end(start + 1, end);
            if let Some(mention @ (SpeakerMention::Name(_) | SpeakerMention::Org(_))) =
                self.mention(start + 1, stop)
            {
                return Some(Cue {
                    verb: self.tokens[start].span,
                    mentions: vec![mention],
                    method: Method::Signature,
                    confidence: confidence::MARKED,
                });
            }
        }
        // "said X"
        if is_speech_verb(first) && first != "told" {
            let stop = self.clause_end(start + 1, end);
            if let Some(full) = self.mention(start + 1, stop) {
                // "said Jo Park of the University of Oz": the name before "of".
                let head_end = (start + 1..stop)
                    .find(|&i| ATTACHING_PREPOSITIONS.contains(&self.word(i)))
                    .unwrap_or(stop);
                let mut mentions = Vec::new();
                if let Some(head @ SpeakerMention::Name(_)) = self.mention(start + 1, head_end) {
                    mentions.push(head);
                }
                if !mentions.contains(&full) {
                    mentions.push(full);
                }
                // "said the school's CEO, Dr. Jo Park": the name after the comma.
                if self.word(stop) == "," {
                    let next_stop = self.clause_end(stop + 1, end);
                    if let Some(m @ SpeakerMention::Name(_)) = self.mention(stop + 1, next_stop) {
                        mentions.insert(
                            usize::from(matches!(mentions.first(), Some(SpeakerMention::Name(_)))),
                            m,
                        );
                    }
                }
                return Some(Cue {
                    verb: self.tokens[start].span,
                    mentions,
                    method: Method::After,
                    confidence: confidence::ADJACENT,
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
            let cue = self.cue(
                self.tokens[verb].span,
                (verb + 1, stop),
                Method::After,
                confidence::MARKED,
            );
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
        let cue = self.cue_subject(
            self.tokens[verb].span,
            subject,
            false,
            Method::After,
            confidence::ADJACENT,
        );
        (!cue.mentions.is_empty()).then_some(cue)
    }

    /// The cue before a quotation, in its sentence: "X said: “", "X released the following
    /// statement: “", "X said the plan was “".
    pub(super) fn cue_before(&self, q: &QuoteSpan, limit: usize) -> Option<Cue> {
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
        let confidence = if tail <= 6 {
            confidence::PHRASE
        } else {
            confidence::DISTANT
        };
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
                mentions: vec![SpeakerMention::Previous],
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
    pub(super) fn statement(&self, start: usize, end: usize) -> Option<Cue> {
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
            return Some(self.cue(
                self.tokens[b].span,
                name,
                Method::Statement,
                confidence::PHRASE,
            ));
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
            return Some(self.cue(
                verb_span,
                (b + 2, stop),
                Method::Statement,
                confidence::PHRASE,
            ));
        }
        let subject = self.subject_before(start, verb);
        Some(self.cue_subject(
            verb_span,
            subject,
            true,
            Method::Statement,
            confidence::PHRASE,
        ))
    }

    /// The sentence before the one the quotation opens, when it introduces it: "Rep. Bo
    /// Tarn released the following statement on the vote. “…”" or "…, Vole said. “…”".
    pub(super) fn previous_sentence(&self, start: usize, limit: usize) -> Option<Cue> {
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
            cue.confidence = confidence::DISTANT;
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
                cue.confidence = confidence::CONTEXT;
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
            confidence::CONTEXT,
        );
        cue.mentions.truncate(1);
        (!cue.mentions.is_empty()).then_some(cue)
    }

    /// A quotation in a sentence with no speech verb: after a colon ("Tarn has adopted
    /// the stance: “…”") or inside the sentence ("Moore thanked him for “…”"), the name
    /// that opens the sentence speaks.
    pub(super) fn no_verb(&self, start: usize, end: usize) -> Option<Cue> {
        // "… – Mira Calloway: “…”": the name right before the colon.
        if end - start >= 2 && self.word(end - 1) == ":" && is_capitalised(self.word(end - 2)) {
            let run = run_at(self.text, &self.tokens, end - 2, (start, end - 1));
            if let Some(m @ (SpeakerMention::Name(_) | SpeakerMention::Org(_))) =
                self.mention(run.all.0, run.all.1)
            {
                return Some(Cue {
                    verb: self.tokens[end - 1].span,
                    mentions: vec![m],
                    method: Method::Sentence,
                    confidence: confidence::GUESS,
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
        Some(self.cue(verb, subject, Method::Sentence, confidence::GUESS))
    }

    pub(super) fn cue(&self, verb: Span, subject: (usize, usize), method: Method, c: f32) -> Cue {
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
    pub(super) fn cue_subject(
        &self,
        verb: Span,
        subject: (usize, usize),
        sentence: bool,
        method: Method,
        confidence: f32,
    ) -> Cue {
        let (start, end) = subject;
        let mut mentions: Vec<SpeakerMention> = Vec::new();
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
            if matches!(mentions.first(), Some(SpeakerMention::Role(_))) {
                if let Some(k) = mentions
                    .iter()
                    .take(3)
                    .position(|m| matches!(m, SpeakerMention::Name(_) | SpeakerMention::Org(_)))
                {
                    let named = mentions.remove(k);
                    mentions.insert(0, named);
                }
            }
            // "Jo Park with the Lake Board said": the person, not where they work.
            if let Some(SpeakerMention::Org(org)) = mentions.first() {
                if let Some(head) = self.attached_to(subject, *org) {
                    mentions.retain(|m| *m != head);
                    mentions.insert(0, head);
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

    /// The person an organisation's name (token range `org`) ending a subject is attached
    /// to by a preposition: "Jo Park with the Lake Board" and "Jo Park, president of the
    /// Lake Board" name Jo Park. `None` when no name stands right before the preposition
    /// or right before the role that does ("a spokesman for the Lake Board").
    fn attached_to(&self, subject: (usize, usize), org: (usize, usize)) -> Option<SpeakerMention> {
        /// Most tokens of a name set off by a comma before its role.
        const NAME_TOKENS: usize = 5;
        let start = subject.0;
        let mut i = org.0;
        if i > start && DETERMINERS.contains(&self.word(i - 1).to_lowercase().as_str()) {
            i -= 1;
        }
        if i <= start || !ATTACHING_PREPOSITIONS.contains(&self.word(i - 1)) {
            return None;
        }
        let part_start = |to: usize| {
            (start..to)
                .rev()
                .find(|&k| self.word(k) == ",")
                .map_or(start, |c| c + 1)
        };
        let head_start = part_start(i - 1);
        match self.mention(head_start, i - 1) {
            Some(m @ SpeakerMention::Name(_)) => Some(m),
            // "president of the Board of the Lake Council": the body holding the other.
            Some(SpeakerMention::Org(inner)) if inner.0 < org.0 => self.attached_to(subject, inner),
            Some(SpeakerMention::Role(_)) | None if head_start > start => {
                let name_start = part_start(head_start - 1);
                let short = head_start - 1 - name_start <= NAME_TOKENS;
                match self.mention(name_start, head_start - 1) {
                    Some(m @ SpeakerMention::Name(_))
                        if short && self.starts_subject(name_start) =>
                    {
                        Some(m)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The first token at or after `from` that ends a noun phrase (",", ";", ":", "(",
    /// "who"), or `end`.
    pub(super) fn clause_end(&self, from: usize, end: usize) -> usize {
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
    pub(super) fn subject_before(&self, start: usize, verb: usize) -> (usize, usize) {
        let mut end = verb;
        loop {
            let w = self.word(end.wrapping_sub(1)).to_lowercase();
            if end <= start {
                break;
            }
            if AUXILIARIES.contains(&w.as_str()) || is_time_word(&w) {
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
    pub(super) fn before_apposition(&self, start: usize, end: usize) -> (usize, usize) {
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
    pub(super) fn subject_start(&self, subject: (usize, usize)) -> usize {
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
    pub(super) fn sentence_subject(&self, start: usize, verb: usize) -> Option<(usize, usize)> {
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
    pub(super) fn transcript(&self, q: &QuoteSpan) -> Option<Quote> {
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
            confidence: confidence::MARKED,
        })
    }

    /// True when token `i` can start a speaker phrase.
    pub(super) fn starts_subject(&self, i: usize) -> bool {
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
    pub(super) fn mention(&self, start: usize, end: usize) -> Option<SpeakerMention> {
        let (start, end) = self.before_apposition(start, end);
        if start >= end {
            return None;
        }
        let w = self.word(start);
        if end - start == 1 {
            if let Some(p) = pronoun(w) {
                return Some(SpeakerMention::Pronoun(p));
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
                return Some(SpeakerMention::Org(run.all));
            }
            if run.name.0 < run.name.1 {
                return Some(SpeakerMention::Name(run.name));
            }
            let role = words(self.text, &self.tokens, run.all)
                .iter()
                .map(|w| strip_possessive(w).to_lowercase())
                .filter(|w| !DETERMINERS.contains(&w.as_str()))
                .collect::<Vec<_>>();
            return (!role.is_empty()).then_some(SpeakerMention::Role(role));
        }
        if !DETERMINERS.contains(&w.to_lowercase().as_str()) {
            return None;
        }
        let role: Vec<String> = (start + 1..end)
            .filter(|&i| self.is_word(i))
            .map(|i| self.word(i).to_lowercase())
            .take_while(|w| !matches!(w.as_str(), "for" | "of" | "with" | "from"))
            .collect();
        (!role.is_empty()).then_some(SpeakerMention::Role(role))
    }
}
