//! Words shared by quote extraction and attribution: a small tokenizer with byte offsets
//! and the word lists both stages consult (speech verbs, titles, pronouns).

use crate::doc::Span;

/// One token of running text: a word (abbreviations keep their period) or one
/// punctuation character. Whitespace is not a token; `line_break` records a newline
/// before the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Where the token is, in the offsets of the text that was tokenized.
    pub span: Span,
    /// True for a word, false for punctuation.
    pub word: bool,
    /// True when a newline lies between this token and the one before.
    pub line_break: bool,
    /// True when an empty line lies between this token and the one before.
    pub blank_line: bool,
}

/// Abbreviations that keep their final period ("Rep.", "Jr.").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "rep", "reps", "sen", "sens", "gov", "lt", "sgt", "det", "jr", "sr",
    "st", "gen", "col", "capt", "hon", "rev", "atty", "supt", "insp", "cpl", "adm", "cmdr", "u.s",
    "d.c", "no", "inc", "co", "corp", "dept", "mo", "calif", "tex", "fla", "ill", "ariz", "neb",
    "wm", "chas", "geo", "thos", "jas", "maj", "ofc", "prof", "gens",
];

/// Tokenizes `text`, shifting every span by `offset` (in one pass over the characters).
pub(crate) fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut newlines = 0usize;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            newlines += usize::from(c == '\n');
            continue;
        }
        let mut end = i + c.len_utf8();
        let word = c.is_alphanumeric();
        if word {
            while let Some(&(j, d)) = chars.peek() {
                let joins = matches!(d, '\'' | '’' | '-' | '.' | '&');
                let inner = d.is_alphanumeric()
                    || (joins
                        && text[j + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric));
                if !inner {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            // A trailing period belongs to initials and known abbreviations.
            if text[end..].starts_with('.') {
                let w = &text[i..end];
                let lower = w.to_lowercase();
                let initial = w.chars().count() == 1 && c.is_uppercase();
                if initial || w.contains('.') || ABBREVIATIONS.contains(&lower.as_str()) {
                    end += 1;
                    chars.next();
                }
            }
        }
        tokens.push(Token {
            span: Span::new(i + offset, end + offset),
            word,
            line_break: newlines > 0,
            blank_line: newlines > 1,
        });
        newlines = 0;
    }
    tokens
}

/// A word without a possessive ending ("Gohmert’s" -> "Gohmert").
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

/// Verbs and nouns that introduce reported speech. Matched in lower case.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "added",
    "adds",
    "noted",
    "notes",
    "stated",
    "states",
    "explained",
    "explains",
    "continued",
    "continues",
    "wrote",
    "writes",
    "writing",
    "told",
    "tells",
    "remarked",
    "commented",
    "comments",
    "declared",
    "declares",
    "announced",
    "emphasized",
    "emphasised",
    "stressed",
    "asked",
    "asks",
    "replied",
    "responded",
    "argued",
    "argues",
    "insisted",
    "warned",
    "warns",
    "urged",
    "concluded",
    "acknowledged",
    "observed",
    "recalled",
    "predicted",
    "agreed",
    "testified",
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
    "praised",
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
    "announces",
    "highlighted",
    "underscored",
    "opined",
    "reports",
    "reported",
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
];

/// True when `word` is a speech verb ("said", "noted", "wrote"), written in lower case
/// ("States" in "United States" is no verb).
pub(crate) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word)
}

/// Verbs that make a statement cue together with a following "statement" ("issued the
/// following statement").
const STATEMENT_VERBS: &[&str] = &[
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

/// True when `word` can introduce a statement ("released", "issued").
pub(crate) fn is_statement_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    STATEMENT_VERBS.contains(&lower.as_str())
}

/// Personal pronouns that can be speakers.
pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    match word.to_lowercase().as_str() {
        "he" | "she" => Some(Pronoun::Person),
        "they" | "it" => Some(Pronoun::Group),
        _ => None,
    }
}

/// What a pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// "he", "she".
    Person,
    /// "they", "it": an organisation (or a group).
    Group,
}

/// Words of titles, ranks and offices that precede a name ("District Attorney",
/// "spokesman"). Matched in lower case, possessive stripped.
const TITLE_WORDS: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "rep.",
    "reps.",
    "sen.",
    "sens.",
    "gov.",
    "lt.",
    "sgt.",
    "det.",
    "gen.",
    "col.",
    "capt.",
    "hon.",
    "rev.",
    "atty.",
    "supt.",
    "insp.",
    "cpl.",
    "adm.",
    "cmdr.",
    "u.s.",
    "representative",
    "congressman",
    "congresswoman",
    "congressmember",
    "senator",
    "governor",
    "lieutenant",
    "judge",
    "justice",
    "chief",
    "detective",
    "sergeant",
    "officer",
    "captain",
    "colonel",
    "major",
    "general",
    "admiral",
    "commander",
    "inspector",
    "investigator",
    "agent",
    "special",
    "deputy",
    "sheriff",
    "trooper",
    "police",
    "commissioner",
    "mayor",
    "president",
    "vice",
    "secretary",
    "attorney",
    "attorneys",
    "district",
    "da",
    "ada",
    "assemblyman",
    "assemblywoman",
    "assemblymember",
    "councilman",
    "councilwoman",
    "councilmember",
    "alderman",
    "chairman",
    "chairwoman",
    "chair",
    "speaker",
    "leader",
    "majority",
    "minority",
    "ambassador",
    "administrator",
    "director",
    "superintendent",
    "chancellor",
    "minister",
    "acting",
    "assistant",
    "senior",
    "executive",
    "counsel",
    "state",
    "state's",
    "states",
    "county",
    "city",
    "federal",
    "national",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press",
    "dr",
    "mr",
    "mrs",
    "ms",
    "former",
    "interim",
    "first",
    "lady",
    "candidate",
    "nominee",
    "founder",
    "ceo",
    "manager",
    "member",
    "delegate",
    "treasurer",
    "auditor",
    "comptroller",
    "controller",
    "clerk",
    "prosecutor",
    "public",
    "defender",
    "democratic",
    "republican",
    "democrat",
    "gop",
    "u.s",
    "us",
    "united",
    "deputy",
    "the",
    "criminal",
    "insurance",
    "navy",
    "army",
    "region",
    "head",
    "coordinator",
    "analyst",
    "professor",
    "pastor",
    "reverend",
    "father",
    "sister",
    "brother",
    "rabbi",
    "coach",
    "charge",
];

/// True when `word` is part of a title rather than a name ("Attorney", "DA", "Rep.").
pub(crate) fn is_title_word(word: &str) -> bool {
    let lower = strip_possessive(word).to_lowercase();
    TITLE_WORDS.contains(&lower.as_str()) || TITLE_WORDS.contains(&word.to_lowercase().as_str())
}

/// Nouns that name an organisation when they end a capitalised run ("Department").
const ORG_HEADS: &[&str] = &[
    "department",
    "office",
    "agency",
    "bureau",
    "commission",
    "committee",
    "council",
    "board",
    "service",
    "administration",
    "court",
    "navy",
    "army",
    "police",
    "division",
    "unit",
    "authority",
    "institute",
    "university",
    "association",
    "coalition",
    "campaign",
    "party",
    "company",
    "corporation",
    "foundation",
    "center",
    "centre",
    "group",
    "team",
    "force",
    "house",
    "senate",
    "congress",
    "legislature",
    "government",
    "ministry",
    "cabinet",
    "district",
    "county",
    "city",
    "state",
    "people",
    "union",
    "times",
    "post",
    "journal",
    "network",
    "news",
    "press",
    "fund",
    "project",
    "program",
    "alliance",
    "organization",
    "organisation",
    "council",
    "inc.",
    "corp.",
    "co.",
    "llc",
    "sheriff's",
    "attorney's",
];

/// True when `word` is the head noun of an organisation's name ("Department", "Office").
pub(crate) fn is_org_head(word: &str) -> bool {
    let lower = word.to_lowercase();
    ORG_HEADS.contains(&lower.as_str())
}

/// True for a capitalised word ("Ashcroft", "O’Dell", "J.", "DA").
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when every letter of `word` is upper case and it has two letters or more ("CTA").
pub(crate) fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0)
            .iter()
            .map(|t| t.span.slice(text))
            .collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_apostrophes() {
        assert_eq!(
            words("Rep. O’Dell Jr. said, “It’s J. Doe.”"),
            vec!["Rep.", "O’Dell", "Jr.", "said", ",", "“", "It’s", "J.", "Doe", ".", "”"]
        );
    }

    #[test]
    fn tokens_mark_line_breaks_and_offsets() {
        let t = tokenize("a\nb \n \nc", 10);
        assert_eq!(t[1].span, Span::new(12, 13));
        assert!(t[1].line_break && !t[0].line_break && !t[1].blank_line);
        assert!(t[2].blank_line);
    }

    #[test]
    fn word_classes() {
        assert!(is_speech_verb("said"));
        assert!(!is_speech_verb("States"));
        assert!(!is_speech_verb("dog"));
        assert!(is_title_word("State’s"));
        assert!(is_title_word("DA"));
        assert!(!is_title_word("Ashcroft"));
        assert!(is_acronym("CTA") && !is_acronym("Cta"));
        assert_eq!(strip_possessive("Gohmert’s"), "Gohmert");
        assert_eq!(pronoun("She"), Some(Pronoun::Person));
    }
}
