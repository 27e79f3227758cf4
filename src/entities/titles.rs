//! Titles and honorifics of people: which words make a title, which titles mark a public
//! role, and how a title is read before ("Secretary of State Jay Ashcroft", "Commissioner
//! Bratton", "Rep. Adam Schiff") or after a name ("Jay Ashcroft, Missouri Secretary of
//! State").

use super::states;
use super::text::Word;
use crate::lexicon::abbreviations::expand_title;
use crate::lexicon::states::StateCode;
use crate::lexicon::titles::{
    title_acronym, HONORIFICS, LOWER_ROLES, MODIFIERS, OFFICIAL_HEADS, PRIVATE_HEADS,
    PRIVATE_ROLE_MODIFIERS,
};
use crate::lexicon::{capitalise, class};

/// True for a role noun of [`LOWER_ROLES`] ("defendant"), in lower case.
pub(crate) fn is_lower_role(word: &str) -> bool {
    LOWER_ROLES.iter().any(|(r, _)| *r == word)
}

/// Honorific words ("Mr", "Dr"), with or without their period.
pub(crate) fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(word)
}

/// A plural head's singular ("Detectives" -> "Detective", "Reps" -> "Rep").
fn singular(word: &str) -> &str {
    if let Some(s) = word.strip_suffix('s') {
        if OFFICIAL_HEADS.contains(s) || PRIVATE_HEADS.contains(s) {
            return s;
        }
    }
    word
}

/// Whether a capitalised title head marks a public role (`Some(true)`), a private one
/// (`Some(false)`), or is not a head.
pub(crate) fn head_kind(word: &str) -> Option<bool> {
    let w = singular(word);
    if PRIVATE_HEADS.contains(w) {
        Some(false)
    } else if OFFICIAL_HEADS.contains(w) {
        Some(true)
    } else {
        None
    }
}

/// True for any word that belongs to titles (heads, modifiers, honorifics).
pub(crate) fn is_title_word(word: &str) -> bool {
    head_kind(word).is_some() || MODIFIERS.contains(word) || is_honorific(word)
}

/// A title read from the text around a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Title {
    /// The title as it should be written ("Representative", "District Attorney").
    pub text: String,
    /// Whether the title marks a public role.
    pub official: bool,
    /// State named right before the title ("Missouri Secretary of State").
    pub state: Option<StateCode>,
    /// Index of the first token of the title.
    pub first: usize,
}

/// What precedes a name: a title, an honorific, both or neither.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Prefix {
    /// The title, if any.
    pub title: Option<Title>,
    /// An honorific ("Mr.", "Dr.") stands before the name.
    pub honorific: bool,
    /// The title is set off by a comma ("Administrator, Nora Pell"): an apposition, which
    /// a list of capitalised words can imitate ("Commerce, Justice, Science").
    pub apposition: bool,
}

/// Writes the title tokens first..=last as a title: single abbreviations spelled out,
/// plural heads made singular.
fn title_text(tokens: &[Word<'_>], first: usize, last: usize) -> String {
    let words: Vec<&str> = tokens[first..=last]
        .iter()
        .enumerate()
        .map(|(k, t)| {
            if first + k == last {
                let head = singular(t.base());
                title_acronym(head).unwrap_or_else(|| expand_title(head))
            } else {
                t.text
            }
        })
        .collect();
    words.join(" ")
}

/// A state written just before token `k` ("Missouri", "New York", "Nebraska’s").
fn state_before(tokens: &[Word<'_>], k: usize) -> Option<StateCode> {
    let prev = tokens.get(k.checked_sub(1)?)?;
    if prev.sentence != tokens[k].sentence {
        return None;
    }
    if let Some(code) = states::code_for_name(prev.base()) {
        return Some(code);
    }
    let prev2 = tokens.get(k.checked_sub(2)?)?;
    states::code_for_name(&format!("{} {}", prev2.text, prev.base()))
}

fn is_title_token(t: &Word<'_>) -> bool {
    t.is_capitalised() && t.has(class::TITLE) && !t.possessive()
        || t.text.chars().all(|c| c.is_ascii_digit())
        || (t.text.len() == 1 && t.is_capitalised() && !t.dot)
}

/// True for a head that is only ever a role of its own, never a word inside a longer
/// title ("Chair", "Members"; not "Deputy" of "Deputy Chief" nor "Attorney" of "Attorney
/// General"), or the plural of a head ("Members", "Senators") before a singular one.
fn ends_title_before(p: &Word<'_>, head: &Word<'_>) -> bool {
    let base = p.base();
    let plural = singular(base) != base && singular(head.base()) == head.base();
    plural || (head_kind(base).is_some() && !MODIFIERS.contains(base))
}

/// Walks back from the head at `head` over title words; returns the first index. Two
/// roles side by side ("Caucus Chair Representative Ann Doe", "Committee Members
/// Congressman Ivo Brandt") give the one next to the name.
fn title_start(tokens: &[Word<'_>], head: usize) -> usize {
    let sentence = tokens[head].sentence;
    let mut k = head;
    while k > 0 {
        let p = &tokens[k - 1];
        let next_is_head = head_kind(tokens[k].base()).is_some();
        if p.sentence != sentence
            || p.ends_phrase()
            || (next_is_head && ends_title_before(p, &tokens[head]))
        {
            break;
        }
        let joins_title = (p.text == "of" || p.text == "for")
            && k >= 2
            && is_title_token(&tokens[k - 2])
            && tokens[k - 2].sentence == sentence;
        if !(is_title_token(p) || joins_title) {
            break;
        }
        k -= 1;
    }
    // A title never starts with "of" or a number.
    while k < head && !tokens[k].is_capitalised() {
        k += 1;
    }
    k
}

/// The title or honorific written right before the name starting at token `name`.
pub(crate) fn before(tokens: &[Word<'_>], name: usize) -> Prefix {
    let mut prefix = Prefix::default();
    let Some(mut j) = name.checked_sub(1) else {
        return prefix;
    };
    let sentence = tokens[name].sentence;
    let same = |t: &Word<'_>| t.sentence == sentence;
    if same(&tokens[j]) && tokens[j].is_capitalised() && is_honorific(tokens[j].base()) {
        prefix.honorific = true;
        match j.checked_sub(1) {
            Some(p) => j = p,
            None => return prefix,
        }
    }
    // "District Attorney (OCDA) Tony Rackley": the office's acronym between the title
    // and the name.
    if j >= 3
        && tokens[j].text == ")"
        && tokens[j - 2].text == "("
        && tokens[j - 1].is_all_caps()
        && tokens[j - 3..j].iter().all(same)
    {
        j -= 3;
    }
    let t = &tokens[j];
    if !same(t) || t.ends_phrase() {
        return prefix;
    }
    // "Administrator, Nora Pell", "A third defendant, Ivo Brandt"
    if t.text == "," && !prefix.honorific && j > 0 {
        let h = &tokens[j - 1];
        if same(h) && h.is_capitalised() && !h.possessive() && head_kind(h.base()).is_some() {
            prefix.title = Some(title_from(tokens, j - 1));
        } else if same(h) {
            prefix.title = lower_role(tokens, j - 1);
        }
        prefix.apposition = prefix.title.is_some();
        return prefix;
    }
    // "Secretary of Labor Greta Haldane": the department completes the title.
    if j >= 2
        && t.is_capitalised()
        && !t.possessive()
        && !is_title_token(t)
        && matches!(tokens[j - 1].text, "of" | "for")
        && same(&tokens[j - 2])
        && is_title_token(&tokens[j - 2])
        && head_kind(tokens[j - 2].base()).is_some()
    {
        let mut title = title_from(tokens, j - 2);
        title.text = format!("{} {} {}", title.text, tokens[j - 1].text, t.text);
        prefix.title = Some(title);
        return prefix;
    }
    if is_title_token(t) && t.is_capitalised() {
        let title = title_from(tokens, j);
        if (title.first..=j).any(|k| head_kind(tokens[k].base()).is_some()) {
            prefix.title = Some(title);
        }
    } else {
        prefix.title = lower_role(tokens, j);
    }
    prefix
}

/// A role noun in lower case at token `j` ("spokesman", "defense attorney").
fn lower_role(tokens: &[Word<'_>], j: usize) -> Option<Title> {
    let t = &tokens[j];
    let &(role, official) = LOWER_ROLES.iter().find(|(r, _)| t.text == *r)?;
    let private = j > 0
        && tokens[j - 1].sentence == t.sentence
        && PRIVATE_ROLE_MODIFIERS.contains(&tokens[j - 1].text);
    let first = if private { j - 1 } else { j };
    Some(Title {
        text: if private {
            format!("{} {role}", tokens[j - 1].text)
        } else {
            role.to_string()
        },
        official: official && !private,
        state: None,
        first,
    })
}

/// Whether the title tokens first..=last mark a public role: the last head decides,
/// unless a private modifier ("Defense Counsel") stands in the title.
fn is_official(tokens: &[Word<'_>], first: usize, last: usize) -> bool {
    let words = &tokens[first..=last];
    !words
        .iter()
        .any(|t| PRIVATE_ROLE_MODIFIERS.contains(&t.text))
        && words
            .iter()
            .rev()
            .find_map(|t| head_kind(&capitalise(t.base())))
            .unwrap_or(true)
}

/// The title whose head is token `head`.
fn title_from(tokens: &[Word<'_>], head: usize) -> Title {
    let mut first = title_start(tokens, head);
    // "Defense Counsel": a private modifier before the title makes it private.
    if first > 0
        && tokens[first - 1].sentence == tokens[head].sentence
        && PRIVATE_ROLE_MODIFIERS.contains(&tokens[first - 1].text)
    {
        first -= 1;
    }
    let official = is_official(tokens, first, head);
    Title {
        text: title_text(tokens, first, head),
        official,
        state: state_before(tokens, first),
        first,
    }
}

/// The title in an apposition after a name ending before token `end`: ", Missouri
/// Secretary of State", ", Communications Director".
pub(crate) fn after(tokens: &[Word<'_>], end: usize) -> Option<Title> {
    let comma = tokens.get(end)?;
    if comma.text != "," || end == 0 || comma.sentence != tokens[end - 1].sentence {
        return None;
    }
    let sentence = comma.sentence;
    let mut k = end + 1;
    let mut state = None;
    // A leading state: "Missouri Secretary of State".
    if let Some(t) = tokens.get(k) {
        if let Some(code) = states::code_for_name(t.base()) {
            if tokens.get(k + 1).is_some_and(|n| is_title_token(n)) {
                state = Some(code);
                k += 1;
            }
        }
    }
    let first = k;
    let mut has_head = false;
    let mut last = None;
    while let Some(t) = tokens.get(k) {
        if t.sentence != sentence {
            break;
        }
        let lower_title =
            t.text.chars().all(char::is_lowercase) && is_title_word(&capitalise(t.text));
        if is_title_token(t) || lower_title {
            has_head |= head_kind(&capitalise(t.base())).is_some();
            last = Some(k);
            k += 1;
            if t.ends_phrase() {
                break;
            }
        } else if t.text == "of" || t.text == "for" {
            k += 1;
        } else {
            break;
        }
    }
    let head = last.filter(|_| has_head)?;
    if head < first {
        return None;
    }
    // "Later, Commissioner Brattle said": the title belongs to the name after it.
    if tokens.get(head + 1).is_some_and(|n| {
        n.sentence == sentence && n.is_capitalised() && !tokens[head].ends_phrase()
    }) {
        return None;
    }
    let official = is_official(tokens, first, head);
    Some(Title {
        text: title_text(tokens, first, head),
        official,
        state,
        first,
    })
}

/// Whether a whole sentence is a title ("Chief of Staff" on its own line in a contact
/// block).
pub(crate) fn whole_title(tokens: &[Word<'_>]) -> Option<Title> {
    let first = tokens.first()?;
    if !first.is_capitalised() || tokens.len() > 8 {
        return None;
    }
    let mut last_head = None;
    for (k, t) in tokens.iter().enumerate() {
        if is_title_token(t) {
            if head_kind(t.base()).is_some() {
                last_head = Some(k);
            }
        } else if !(t.text == "of" || t.text == "for" || t.text == "the") {
            return None;
        }
    }
    let head = last_head?;
    if head + 1 != tokens.len() {
        return None;
    }
    Some(Title {
        text: title_text(tokens, 0, head),
        official: tokens
            .iter()
            .rev()
            .find_map(|t| head_kind(t.base()))
            .unwrap_or(true),
        state: None,
        first: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize_span;
    use super::*;
    use crate::doc::Span;

    fn toks(s: &str) -> Vec<Word<'_>> {
        tokenize_span(s, Span::new(0, s.len()), 0)
    }

    fn title_before(s: &str, name: &str) -> Prefix {
        let t = toks(s);
        let i = t.iter().position(|x| x.text == name).expect("name in text");
        before(&t, i)
    }

    #[test]
    fn titles_before_names() {
        let p = title_before("Secretary of State Tom Lark returned.", "Tom");
        let t = p.title.expect("title");
        assert_eq!(t.text, "Secretary of State");
        assert!(t.official);
        let p = title_before("said Commissioner Orlan today", "Orlan");
        assert_eq!(p.title.expect("title").text, "Commissioner");
        let p = title_before("Rep. Ann Wexley (D-CA) wrote", "Ann");
        assert_eq!(p.title.expect("title").text, "Representative");
        let p = title_before("Assistant District Attorney Frank Tolliver of the", "Frank");
        assert_eq!(p.title.expect("title").text, "Assistant District Attorney");
        let p = title_before("Sheriff Detectives Al Morrow and", "Al");
        assert_eq!(p.title.expect("title").text, "Sheriff Detective");
        let p = title_before("Missouri Secretary of State Tom Lark", "Tom");
        assert_eq!(p.title.expect("title").state, StateCode::parse("MO"));
    }

    #[test]
    fn honorifics_and_lower_case_roles() {
        let p = title_before("Mr. Quill was sentenced", "Quill");
        assert!(p.honorific && p.title.is_none());
        let p = title_before("said spokesman Brian Oakes.", "Brian");
        assert!(p.title.expect("role").official);
        let p = title_before("said defense attorney Nia Brook.", "Nia");
        let t = p.title.expect("role");
        assert!(!t.official);
        assert_eq!(t.text, "defense attorney");
        let p = title_before("Harvard Law Professor Ron Pettle", "Ron");
        assert!(!p.title.expect("title").official);
    }

    #[test]
    fn department_completes_a_title() {
        let p = title_before("said Secretary of Labor Greta Haldane today", "Greta");
        assert_eq!(p.title.expect("title").text, "Secretary of Labor");
    }

    #[test]
    fn title_before_comma() {
        let p = title_before("Services Administrator, Mara Tull, asking", "Mara");
        assert_eq!(p.title.expect("title").text, "Administrator");
    }

    #[test]
    fn titles_after_names() {
        let t = toks("Tom Lark, Missouri Secretary of State, said");
        let title = after(&t, 2).expect("title");
        assert_eq!(title.text, "Secretary of State");
        assert_eq!(title.state, StateCode::parse("MO"));
        let t = toks("Ada Quint, Chief of the District Attorney’s Fraud Unit");
        assert_eq!(after(&t, 2).expect("title").text, "Chief");
        let t = toks("Ada Quint, 41, of Anaheim");
        assert!(after(&t, 2).is_none());
    }

    #[test]
    fn whole_line_titles() {
        assert_eq!(
            whole_title(&toks("Chief of Staff")).expect("title").text,
            "Chief of Staff"
        );
        assert!(whole_title(&toks("Published")).is_none());
    }
}
