//! How sure each cue rule is of the speaker it names, in six levels: the confidence of a
//! quotation the rules attribute, and the `rule_confidence` feature the speaker model
//! weighs.

/// A speech verb beside its speaker right after the quotation ("“…,” said X", "“…,” X
/// said").
pub(super) const ADJACENT: f32 = 0.9;
/// A fixed phrase that names the speaker: "according to X", a statement cue ("X released
/// the following statement"), a cue before the quotation at most six words from it.
pub(super) const PHRASE: f32 = 0.85;
/// A marked speaker: a signature line ("― X"), a transcript line ("WALLACE: …"),
/// "“…” for Y, said X".
pub(super) const MARKED: f32 = 0.8;
/// A cue before the quotation more than six words from it; a statement cue in the
/// sentence before.
pub(super) const DISTANT: f32 = 0.7;
/// The sentence before attributes the quotation; a continuation of the previous speaker.
pub(super) const CONTEXT: f32 = 0.6;
/// A verbless sentence's opening name; the interviewee answering a printed question.
pub(super) const GUESS: f32 = 0.5;
