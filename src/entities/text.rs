//! Word tokens over a release's sentences, shared by the state, agency and person rules.
//!
//! Tokens keep their byte span in the release text. A period right after a word is not a
//! token of its own: it sets [`Token::dot`], so "Mo." and "Jr." stay one word while a
//! sentence-final period still breaks name sequences (see [`Token::ends_phrase`]).

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::doc::{Release, Span};

/// A fixed list of words with fast lookup (sorted on first use, then binary-searched:
/// cheaper than hashing for short words).
pub(crate) struct WordSet {
    words: &'static [&'static str],
    sorted: OnceLock<Vec<&'static str>>,
}

impl WordSet {
    /// A set of the given words.
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            sorted: OnceLock::new(),
        }
    }

    /// The words, in the order given.
    pub(crate) fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// True when `word` is one of the words (exact, case-sensitive).
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.sorted
            .get_or_init(|| {
                let mut v = self.words.to_vec();
                v.sort_unstable();
                v
            })
            .binary_search(&word)
            .is_ok()
    }
}

/// Classes of words, as bits of [`Token::class`]: looked up once per token, so the rules
/// test bits instead of searching word lists.
pub(crate) mod class {
    /// Sentence words, pronouns, dates, page words (`titles::STOP_WORDS`).
    pub const STOP: u32 = 1;
    /// Words of titles: heads (also plural), modifiers, honorifics.
    pub const TITLE: u32 = 1 << 1;
    /// Head words of government bodies.
    pub const HEAD: u32 = 1 << 2;
    /// Head words of government bodies only beside a government word.
    pub const WEAK_HEAD: u32 = 1 << 3;
    /// Head words of other organisations.
    pub const ORG_HEAD: u32 = 1 << 4;
    /// Words of place and building names.
    pub const PLACE: u32 = 1 << 5;
    /// Words that mark a name as governmental.
    pub const GOVERNMENT: u32 = 1 << 6;
    /// One-word state names.
    pub const STATE: u32 = 1 << 7;
    /// Name suffixes ("Jr").
    pub const SUFFIX: u32 = 1 << 8;
    /// Capitalised verb forms ("Announces", "Passes"): never part of a person's name.
    pub const VERB: u32 = 1 << 9;
}

/// The verbs of `data/verbs.txt` (base forms; `#` starts a comment line).
const VERBS: &str = include_str!("data/verbs.txt");

/// Every written form of a base verb: the base, -s/-es, -ed/-d, -ing (a final e dropped,
/// a final consonant + y turned into -ies/-ied).
fn verb_forms(base: &str) -> Vec<String> {
    let stem_y = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']));
    let (third, past) = match stem_y {
        Some(stem) => (format!("{stem}ies"), format!("{stem}ied")),
        None if base.ends_with(['s', 'x', 'z']) || base.ends_with("sh") || base.ends_with("ch") => {
            (format!("{base}es"), format!("{base}ed"))
        }
        None if base.ends_with('e') => (format!("{base}s"), format!("{base}d")),
        None => (format!("{base}s"), format!("{base}ed")),
    };
    let ing = match base.strip_suffix('e') {
        Some(stem) if !base.ends_with("ee") => format!("{stem}ing"),
        _ => format!("{base}ing"),
    };
    vec![base.to_string(), third, past, ing]
}

/// A word with its first letter in upper case.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Every listed word with its classes.
static LEXICON: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    let mut map: HashMap<String, u32> = HashMap::new();
    let mut add = |words: &[&str], bits: u32| {
        for w in words {
            *map.entry((*w).to_string()).or_default() |= bits;
        }
    };
    add(super::titles::STOP_WORDS.words(), class::STOP);
    for heads in [
        super::titles::OFFICIAL_HEADS.words(),
        super::titles::PRIVATE_HEADS.words(),
    ] {
        add(heads, class::TITLE);
        // "Congressmen", "Councilwomen" beside the regular "Senators".
        let plurals: Vec<String> = heads
            .iter()
            .map(|w| match w.strip_suffix("man") {
                Some(stem) => format!("{stem}men"),
                None => format!("{w}s"),
            })
            .collect();
        add(
            &plurals.iter().map(String::as_str).collect::<Vec<_>>(),
            class::TITLE,
        );
    }
    add(super::titles::MODIFIERS.words(), class::TITLE);
    add(super::titles::HONORIFICS.words(), class::TITLE);
    add(super::agencies::HEADS.words(), class::HEAD);
    add(super::agencies::WEAK_HEADS.words(), class::WEAK_HEAD);
    add(super::agencies::ORG_HEADS.words(), class::ORG_HEAD);
    add(super::agencies::GOVERNMENT_WORDS.words(), class::GOVERNMENT);
    add(super::people::PLACE_WORDS.words(), class::PLACE);
    add(super::people::SUFFIXES, class::SUFFIX);
    add(&super::states::single_word_names(), class::STATE);
    let verbs: Vec<String> = VERBS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .flat_map(verb_forms)
        .map(|w| capitalise(&w))
        .collect();
    add(
        &verbs.iter().map(String::as_str).collect::<Vec<_>>(),
        class::VERB,
    );
    map
});

fn classes(word: &str) -> u32 {
    LEXICON.get(word).copied().unwrap_or(0)
}

/// One word or punctuation mark of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// Where the token is (without the period recorded in `dot`).
    pub span: Span,
    /// The token as written.
    pub text: &'a str,
    /// The token without a possessive ending.
    base: &'a str,
    /// Two or more letters, all capitals.
    all_caps: bool,
    /// Word classes of the word and its base ([`class`]).
    class: u32,
    /// A line break stands between this token and the one before.
    pub newline_before: bool,
    /// A period follows the token immediately.
    pub dot: bool,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
    /// True when the token's sentence reads as running prose (see [`is_prose`]).
    pub prose: bool,
    /// True when the sentence is prose or continues a prose line cut off without final
    /// punctuation (a paragraph hard-wrapped into lines).
    pub running: bool,
}

/// Abbreviations after which a period does not end a phrase.
static ABBREVIATIONS: WordSet = WordSet::new(&[
    "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "St", "Rep", "Reps", "Sen", "Sens", "Gov", "Lt", "Sgt",
    "Det", "Hon", "Capt", "Gen", "Col", "Maj", "Cpl", "Insp", "Supt", "Prof", "Rev", "Atty",
    "Dept", "Asst", "No", "Mt", "Ft",
]);

/// Small words written in lower case inside proper names.
static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "of", "for", "and", "the", "on", "&", "in", "at", "to", "de", "del", "la", "y",
]);

static TOKEN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:https?://|www\.)\S+
        | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
        | (?:\p{L}\.){2,}
        | [\p{L}\p{N}]+(?:['’\-.&][\p{L}\p{N}]+)*(?:['’]s?)?
        | \S",
    )
    .expect("static regex")
});

impl<'a> Token<'a> {
    /// The word without a possessive ending ("Nebraska’s" -> "Nebraska").
    pub fn base(&self) -> &'a str {
        self.base
    }

    /// True when the word (as written or without its possessive) is in any of the
    /// given classes.
    pub fn has(&self, classes: u32) -> bool {
        self.class & classes != 0
    }

    /// True when the word ends in a possessive ("’s", "'s" or a bare apostrophe).
    pub fn possessive(&self) -> bool {
        self.base().len() != self.text.len()
    }

    /// True when the word starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True for a word of two or more letters, all upper case ("FBI", "NY").
    pub fn is_all_caps(&self) -> bool {
        self.all_caps
    }

    /// True for a single letter followed by a period (an initial: "J.").
    pub fn is_initial(&self) -> bool {
        self.dot && self.text.chars().count() == 1 && self.is_capitalised()
    }

    /// True when a period after this token ends the phrase (not an initial or title
    /// abbreviation).
    pub fn ends_phrase(&self) -> bool {
        self.dot && !self.is_initial() && !ABBREVIATIONS.contains(self.base())
    }

    /// True for the given word, ignoring a possessive ending and case.
    pub fn is(&self, word: &str) -> bool {
        self.base().eq_ignore_ascii_case(word)
    }

    /// The span including the trailing period, if any.
    pub fn span_with_dot(&self) -> Span {
        Span::new(self.span.start, self.span.end + usize::from(self.dot))
    }
}

/// A word without a possessive ending.
pub(crate) fn strip_possessive(word: &str) -> &str {
    for suffix in ["’s", "'s", "’S", "'S", "’", "'"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if !base.is_empty() {
                return base;
            }
        }
    }
    word
}

/// Small words that title-case headlines leave in lower case.
static HEADLINE_SMALL_WORDS: WordSet = WordSet::new(&[
    "a", "an", "by", "from", "with", "into", "as", "after", "before", "over", "under", "vs", "or",
    "but", "nor", "up", "off", "out", "via", "per", "upon", "amid", "onto",
]);

/// Common English words that prose lines hold and headlines in other languages do not.
const ENGLISH_WORDS: &[&str] = &[
    "the", "a", "an", "and", "to", "of", "in", "is", "was", "are", "were", "has", "have", "had",
    "will", "for", "with", "that", "said", "by", "on", "at", "from", "as", "who", "his", "her",
    "their", "our", "be", "been", "it", "this", "or", "he", "she", "they", "we", "not", "but",
    "after", "before", "today",
];

/// True when a sentence reads as English prose rather than a menu item, headline or list
/// of links: it has at least one lower-case word that is not a function word, and at
/// least one common English word. Title-case lines in page chrome (navigation, other
/// releases' headlines) fail this test.
pub(crate) fn is_prose(tokens: &[Token<'_>]) -> bool {
    // A teaser cut off with an ellipsis belongs to a list of other releases.
    let last = tokens.iter().rev().find(|t| !matches!(t.text, "]" | ")"));
    if last.is_some_and(|t| t.text == "…" || t.text == "[…]")
        || tokens.len() >= 2 && tokens[tokens.len() - 2..].iter().all(|t| t.text == ".")
    {
        return false;
    }
    let content = tokens.iter().any(|t| {
        t.text.chars().next().is_some_and(char::is_lowercase)
            && t.text.chars().count() > 1
            && !FUNCTION_WORDS.contains(t.text)
            && !HEADLINE_SMALL_WORDS.contains(t.text)
            && !t.text.contains(['.', '@', '/'])
    });
    content
        && tokens
            .iter()
            .any(|t| ENGLISH_WORDS.iter().any(|w| w.eq_ignore_ascii_case(t.text)))
}

/// Tokenises one span of the release text.
pub(crate) fn tokenize_span(text: &str, span: Span, sentence: usize) -> Vec<Token<'_>> {
    let Some(slice) = text.get(span.range()) else {
        return Vec::new();
    };
    let mut tokens: Vec<Token<'_>> = Vec::new();
    for m in TOKEN_RE.find_iter(slice) {
        let s = m.as_str();
        if s == "." {
            if let Some(last) = tokens.last_mut() {
                if last.span.end == span.start + m.start() && !last.dot && is_wordlike(last.text) {
                    last.dot = true;
                    continue;
                }
            }
        }
        let base = strip_possessive(s);
        let gap_start = tokens
            .last()
            .map_or(span.start, |t| t.span.end + usize::from(t.dot));
        let newline_before = text
            .get(gap_start..span.start + m.start())
            .is_some_and(|gap| gap.contains('\n'));
        tokens.push(Token {
            newline_before,
            span: Span::new(span.start + m.start(), span.start + m.end()),
            text: s,
            base,
            all_caps: base.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !base.chars().any(char::is_lowercase),
            class: if base.len() == s.len() {
                classes(s)
            } else {
                classes(s) | classes(base)
            },
            dot: false,
            sentence,
            prose: false,
            running: false,
        });
    }
    let prose = is_prose(&tokens);
    for t in &mut tokens {
        t.prose = prose;
        t.running = prose;
    }
    tokens
}

fn is_wordlike(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric) && !s.ends_with('.')
}

/// Every token of the release's sentences, in text order.
///
/// A long line of prose cut off without final punctuation (a paragraph hard-wrapped into
/// lines) makes the next line [`Token::running`] text too.
pub(crate) fn tokenize(release: &Release) -> Vec<Token<'_>> {
    let text: &str = &release.text;
    let mut out: Vec<Token<'_>> = Vec::new();
    let mut continues = false;
    for (i, s) in release.sentences.iter().enumerate() {
        let mut tokens = tokenize_span(text, s.span, i);
        if continues {
            for t in &mut tokens {
                t.running = true;
            }
        }
        continues = tokens.len() >= 8
            && tokens.last().is_some_and(|t| {
                t.running && !t.dot && !matches!(t.text, "." | "!" | "?" | ":" | "”" | "\"" | "…")
            });
        out.extend(tokens);
    }
    out
}

/// The headline and sub-headline, as two sentences.
pub(crate) fn tokenize_headline(release: &Release) -> Vec<Token<'_>> {
    let text: &str = &release.text;
    [release.header.title, release.header.subtitle]
        .into_iter()
        .flatten()
        .enumerate()
        .flat_map(|(i, span)| tokenize_span(text, span, i))
        .collect()
}

/// The lines of the contact block: the line holding the contact name segmentation found
/// and the few lines after it ("Chief of Staff", a second contact). Empty when there is
/// no contact name.
pub(crate) fn tokenize_contact_block(release: &Release) -> Vec<Token<'_>> {
    /// Lines read from the contact name on.
    const BLOCK_LINES: usize = 8;
    let text: &str = &release.text;
    let Some(contact) = release.header.contact_name else {
        return Vec::new();
    };
    let Some(before) = text.get(release.span.start..contact.start) else {
        return Vec::new();
    };
    let line_start = before
        .rfind('\n')
        .map_or(release.span.start, |p| release.span.start + p + 1);
    let Some(rest) = text.get(line_start..release.span.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut pos = line_start;
    for (i, line) in rest.split_inclusive('\n').take(BLOCK_LINES).enumerate() {
        let trimmed = line.trim_end();
        out.extend(tokenize_span(text, Span::new(pos, pos + trimmed.len()), i));
        pos += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(&str, bool)> {
        tokenize_span(s, Span::new(0, s.len()), 0)
            .iter()
            .map(|t| (t.text, t.dot))
            .collect()
    }

    #[test]
    fn keeps_abbreviations_initials_and_tags_together() {
        assert_eq!(
            words("Jefferson City, Mo. — U.S. Rep. Ann J. Doe (D-CA) said."),
            vec![
                ("Jefferson", false),
                ("City", false),
                (",", false),
                ("Mo", true),
                ("—", false),
                ("U.S.", false),
                ("Rep", true),
                ("Ann", false),
                ("J", true),
                ("Doe", false),
                ("(", false),
                ("D-CA", false),
                (")", false),
                ("said", true),
            ]
        );
    }

    #[test]
    fn possessives_and_links() {
        let s = "Nebraska’s office, see www.sos.mo.gov or a.b@c.org";
        let toks = tokenize_span(s, Span::new(0, s.len()), 0);
        assert_eq!(toks[0].base(), "Nebraska");
        assert!(toks[0].possessive());
        assert!(toks.iter().any(|t| t.text == "www.sos.mo.gov"));
        assert!(toks.iter().any(|t| t.text == "a.b@c.org"));
    }

    #[test]
    fn prose_versus_title_case_lines() {
        let prose = "The office announced charges today.";
        let menu = "Harris County Grand Jury Indicts Woman for Arson";
        let spanish = "Formulario de Reporte en Línea solicite ayuda";
        let headline = "Vista Man Charged with Theft after Victim Loses Savings to Scam";
        let teaser = "The District Attorney announced today that Al Roe, 74, who is …";
        assert!(!tokenize_span(headline, Span::new(0, headline.len()), 0)[0].prose);
        assert!(!tokenize_span(teaser, Span::new(0, teaser.len()), 0)[0].prose);
        assert!(tokenize_span(prose, Span::new(0, prose.len()), 0)[0].prose);
        assert!(!tokenize_span(menu, Span::new(0, menu.len()), 0)[0].prose);
        assert!(!tokenize_span(spanish, Span::new(0, spanish.len()), 0)[0].prose);
    }

    #[test]
    fn out_of_range_span_gives_nothing() {
        assert!(tokenize_span("abc", Span::new(2, 9), 0).is_empty());
    }

    #[test]
    fn verb_forms_cover_the_inflections() {
        assert_eq!(verb_forms("pass"), ["pass", "passes", "passed", "passing"]);
        assert_eq!(
            verb_forms("announce"),
            ["announce", "announces", "announced", "announcing"]
        );
        assert_eq!(
            verb_forms("testify"),
            ["testify", "testifies", "testified", "testifying"]
        );
        assert_eq!(verb_forms("vote")[3], "voting");
        assert_eq!(capitalise("walks"), "Walks");
    }

    #[test]
    fn verbs_and_plural_titles_are_classed() {
        let s = "Congressmen Ann Doe Announces Grant";
        let toks = tokenize_span(s, Span::new(0, s.len()), 0);
        assert!(toks[0].has(class::TITLE));
        assert!(toks[3].has(class::VERB));
        assert!(!toks[1].has(class::VERB) && !toks[2].has(class::VERB));
    }
}
