//! Verbs: of speech (one list, read by quotes, attribution and the person rules), of
//! statements, of praise, and the verbs and participles that only people are the subject
//! of.

use super::WordSet;

/// Verbs that report speech whatever follows them ("said", "noted", "testified"): a cue
/// of a quotation, and a sign that the name before or after them is a person's. Matched
/// in lower case.
pub(crate) static SPEECH_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "stated",
    "states",
    "added",
    "adds",
    "explained",
    "noted",
    "announced",
    "announces",
    "commented",
    "remarked",
    "continued",
    "testified",
    "wrote",
    "told",
    "urged",
    "warned",
    "emphasized",
    "stressed",
    "declared",
    "concluded",
    "reported",
    "acknowledged",
    "praised",
    "asked",
]);

/// Verbs and nouns that report speech beside a quotation but need the words around them
/// to do so ("charged that", "went on", "called it", "shared"): cues of a quotation, no
/// sign on their own that the name before them is a person's ("Youth charged with ...").
/// Matched in lower case.
pub(crate) static CUE_VERBS: WordSet = WordSet::new(&[
    "say",
    "saying",
    "notes",
    "explains",
    "continues",
    "writes",
    "writing",
    "tells",
    "comments",
    "declares",
    "emphasised",
    "asks",
    "replied",
    "responded",
    "argued",
    "argues",
    "insisted",
    "warns",
    "observed",
    "recalled",
    "predicted",
    "agreed",
    "tweeted",
    "posted",
    "joked",
    "quipped",
    "claimed",
    "claims",
    "suggested",
    "offered",
    "shared",
    "echoed",
    "reiterated",
    "affirmed",
    "cautioned",
    "maintained",
    "countered",
    "conceded",
    "admitted",
    "boasted",
    "complained",
    "demanded",
    "described",
    "called",
    "calls",
    "pointed",
    "went",
    "recounted",
    "vowed",
    "promised",
    "assured",
    "mused",
    "lamented",
    "proclaimed",
    "insists",
    "adding",
    "noting",
    "stating",
    "explaining",
    "telling",
    "asking",
    "arguing",
    "calling",
    "declaring",
    "shouted",
    "yelled",
    "screamed",
    "whispered",
    "exclaimed",
    "answered",
    "confirmed",
    "contended",
    "charged",
    "alleged",
    "highlighted",
    "underscored",
    "opined",
    "reports",
    "likened",
    "dismissed",
    "labeled",
    "labelled",
    "branded",
    "dubbed",
    "termed",
    "touted",
    "slammed",
    "blasted",
    "accused",
    "criticized",
    "criticised",
    "mocked",
    "hailed",
    "characterized",
    "quoted",
    "sings",
    "sang",
    "chanted",
    "tweets",
    "recalls",
    "predicts",
    "describes",
    "lauded",
    "exhorted",
    "condemned",
    "compared",
    "scolded",
    "pleaded",
    "begged",
    "tweeting",
    "quoting",
    "insisting",
    "warning",
    "urging",
    "describing",
    "recalling",
    "boasting",
    "joking",
    "pressed",
    "interjected",
    "interrupted",
    "retorted",
    "concludes",
    "snapped",
    "barked",
    "replies",
    "responds",
    "answers",
    "recounts",
    "asserted",
    "asserts",
    "asserting",
    "contends",
    "maintains",
    "concedes",
    "proclaims",
    "stresses",
    "emphasizes",
    "observes",
    "reflected",
    "reflects",
]);

/// Verbs that make a statement cue together with a following "statement" ("issued the
/// following statement").
pub(crate) const STATEMENT_VERBS: &[&str] = &[
    "released",
    "releases",
    "issued",
    "issues",
    "provided",
    "provides",
    "made",
    "gave",
    "offered",
    "shared",
    "delivered",
    "sent",
    "submitted",
    "published",
];

/// Verbs after a name that only people do ("Doe pleaded guilty").
pub(crate) const PERSON_VERBS: &[&str] = &[
    "pleaded",
    "pled",
    "admitted",
    "allegedly",
    "confessed",
    "died",
    "fled",
    "testified",
    "faces",
    "faced",
];

/// Participles after "was"/"is" that only people undergo ("Doe was sentenced").
pub(crate) const PERSON_PARTICIPLES: &[&str] = &[
    "sentenced",
    "arrested",
    "convicted",
    "charged",
    "indicted",
    "killed",
    "shot",
    "appointed",
    "elected",
    "sworn",
    "booked",
    "identified",
    "arraigned",
    "stabbed",
    "murdered",
    "extradited",
    "acquitted",
];

/// Verbs after a name used alone that show it is a person's surname ("Davos was freed").
pub(crate) static SUBJECT_VERBS: WordSet = WordSet::new(&[
    "was",
    "is",
    "has",
    "had",
    "said",
    "says",
    "pleaded",
    "pled",
    "will",
    "would",
    "faces",
    "told",
    "added",
    "allegedly",
    "also",
    "who",
    "admitted",
    "remains",
    "received",
    "served",
]);

/// Words that may stand between a speaker and the speech verb ("also said").
pub(crate) const AUXILIARIES: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "later",
    "then",
    "further",
    "again",
    "once",
    "previously",
    "recently",
    "often",
    "repeatedly",
    "would",
    "will",
    "is",
    "was",
    "went",
    "on",
    "simply",
    "just",
    "publicly",
    "earlier",
    "separately",
    "reportedly",
    "told",
];

/// Verbs of praise that mark the name before or after them as a person ("Doe thanked
/// the deputies", "commended Doe") but introduce no quotation.
pub(crate) static PRAISE_VERBS: WordSet =
    WordSet::new(&["thanked", "applauded", "commends", "commended"]);

/// True when `word` marks the name before or after it as a person: a speech verb that
/// reports speech on its own, or a verb of praise ("said", "thanked"), in lower case.
pub(crate) fn marks_person(word: &str) -> bool {
    SPEECH_VERBS.contains(word) || PRAISE_VERBS.contains(word)
}

/// True when `word` is a cue of a quotation ("said", "noted", "wrote", "went"),
/// written in lower case ("States" in "United States" is no verb).
pub(crate) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(word) || CUE_VERBS.contains(word)
}

/// True when `word` can introduce a statement ("released", "issued").
pub(crate) fn is_statement_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    STATEMENT_VERBS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_are_lower_case_words() {
        assert!(is_speech_verb("said") && is_speech_verb("testified"));
        assert!(!is_speech_verb("States") && !is_speech_verb("dog"));
        assert!(!is_speech_verb("thanked") && PRAISE_VERBS.contains("thanked"));
        assert!(is_speech_verb("charged") && is_speech_verb("went"));
        assert!(is_statement_verb("Issued"));
        assert!(marks_person("said") && marks_person("thanked") && !marks_person("charged"));
    }
}
