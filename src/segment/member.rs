//! The member of Congress a congress file is named after ("adaQuillPress.txt",
//! "sen_ada_quill.txt") and the title their office goes by ("Office of Senator Ada
//! Quill"), read from the file name and the release's own words. Where the words do not
//! tell, the title says less ("Representative") rather than guess a gender.

use crate::lexicon::gender::{of_pronoun, Gender};
use crate::lexicon::pages::{
    DELEGATE_WORDS, FILE_NAME_LABELS, REPRESENTATIVE_WORDS, SENATOR_WORDS,
};

use super::header::capitalised;

/// The member of Congress named by a file name: "bradAshfordPress.txt" -> "Brad
/// Ashford", "congress_jane_q_public_03.txt" -> "Jane Q Public".
pub fn member_from_file_name(source: &str) -> Option<String> {
    let mut words = file_name_words(source);
    // Titles and labels in the name are not part of it ("rep_jane_roe_press"); a
    // leading "del" is the delegate's title ("delAnaReyes"), elsewhere a name's particle.
    if words.len() > 2 && words[0].eq_ignore_ascii_case("del") {
        words.remove(0);
    }
    words.retain(|w| !FILE_NAME_LABELS.contains(&w.to_lowercase()));
    if !(2..=5).contains(&words.len()) {
        return None;
    }
    Some(
        words
            .iter()
            .map(|w| capitalised(w))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The words of a file name's stem, split at separators and camelCase capitals.
fn file_name_words(source: &str) -> Vec<String> {
    let base = source.rsplit('/').next().unwrap_or(source);
    let stem = base.split('.').next().unwrap_or(base);
    let stem = stem.strip_prefix("congress_").unwrap_or(stem);
    let stem = stem.strip_suffix("Press").unwrap_or(stem);
    let mut words: Vec<String> = Vec::new();
    for part in stem.split(['_', '-', ' ']) {
        // Numbers and line numbers ("03", "L0065") are no part of a name.
        if part.is_empty() || part.contains(|c: char| c.is_ascii_digit()) {
            continue;
        }
        // A surname's "Mc" split off by a slug ("jerry_mc_nerney") joins the next part.
        if words.last().is_some_and(|w| w.eq_ignore_ascii_case("mc")) {
            let mc = words.pop().unwrap_or_default();
            words.push(format!("{}{}", capitalised(&mc), capitalised(part)));
            continue;
        }
        // camelCase: a new word at each capital.
        let mut current = String::new();
        for c in part.chars() {
            // "Mc" starts a surname rather than ending a word ("McTavish").
            if c.is_uppercase() && !current.is_empty() && current != "Mc" {
                words.push(std::mem::take(&mut current));
            }
            current.push(c);
        }
        if !current.is_empty() {
            words.push(current);
        }
    }
    words
}

/// The kinds of title the evidence is counted for.
#[derive(Default)]
struct Evidence {
    senator: usize,
    delegate: usize,
    women: usize,
    men: usize,
    house: usize,
}

/// Most bytes of a title word ("representatives").
const TITLE_WORD_BYTES: usize = 15;

/// How many words before the surname a title may stand ("Senator Ada F. Quill").
const TITLE_REACH: usize = 3;

/// Bytes after a mention of the member searched for their pronouns.
const PRONOUN_REACH: usize = 200;

/// The title of the office of member `name` for the issuer's name, from the release
/// `text` and the file name `source`: "Senator" or "Delegate" when the title the text
/// puts before the member's surname (or the file name) says so; for a House member
/// "Congresswoman" or "Congressman" when the text writes one of them before the surname
/// (or alone, as "the Congresswoman"), or when the pronouns in the sentences naming the
/// member are all of one kind; "Representative" when nothing tells.
pub fn member_title(text: &str, name: &str, source: &str) -> &'static str {
    let surname = name.split_whitespace().next_back().unwrap_or(name);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut named = Evidence::default();
    let mut alone = Evidence::default();
    for (i, w) in words.iter().enumerate() {
        let trimmed = w.trim_matches(|c: char| !c.is_alphanumeric());
        // Every title word opens with one of these letters and is short: most words
        // are passed over without being lower-cased.
        if trimmed.len() > TITLE_WORD_BYTES
            || !trimmed.starts_with(['C', 'c', 'S', 's', 'D', 'd', 'R', 'r'])
        {
            continue;
        }
        let key = trimmed.to_lowercase();
        let names_member = words[i + 1..]
            .iter()
            .take(TITLE_REACH)
            .any(|n| n.trim_matches(|c: char| !c.is_alphanumeric()) == surname);
        // "the Congresswoman said": a title with no name after it is the member's.
        let stands_alone = words
            .get(i + 1)
            .is_none_or(|n| !n.starts_with(char::is_uppercase));
        // A title before a name is capitalised ("Del. Reyes", not Spanish "del").
        let count = match (names_member, stands_alone) {
            (true, _) if w.starts_with(char::is_uppercase) => &mut named,
            (true, _) => continue,
            (false, true) => &mut alone,
            _ => continue,
        };
        match key.as_str() {
            "congresswoman" => count.women += 1,
            "congressman" => count.men += 1,
            k if SENATOR_WORDS.contains(k) => count.senator += 1,
            k if DELEGATE_WORDS.contains(k) => count.delegate += 1,
            k if REPRESENTATIVE_WORDS.contains(k) => count.house += 1,
            _ => {}
        }
    }
    let file_words: Vec<String> = file_name_words(source)
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    let file_senator = file_words.iter().any(|w| SENATOR_WORDS.contains(w));
    let file_delegate = file_words
        .first()
        .is_some_and(|w| DELEGATE_WORDS.contains(w));
    let house_named = named.women + named.men + named.house;
    if named.senator > house_named + named.delegate || (file_senator && house_named == 0) {
        return "Senator";
    }
    if named.delegate > house_named || (file_delegate && house_named == 0) {
        return "Delegate";
    }
    let (women, men) = match (named.women, named.men) {
        (0, 0) => match (alone.women, alone.men) {
            (0, 0) => pronouns(text, surname),
            counts => counts,
        },
        counts => counts,
    };
    match (women, men) {
        (w, 0) if w > 0 => "Congresswoman",
        (0, m) if m > 0 => "Congressman",
        (w, m) if w >= 2 * m + 2 => "Congresswoman",
        (w, m) if m >= 2 * w + 2 => "Congressman",
        _ => "Representative",
    }
}

/// Pronouns in the sentences that name the member, from the surname to the sentence's
/// end: (she/her, he/his/him). A pronoun after another person's name is that person's
/// as often as the member's, so only the words before a second name are read.
fn pronouns(text: &str, surname: &str) -> (usize, usize) {
    let mut she = 0;
    let mut he = 0;
    for (i, _) in text.match_indices(surname) {
        let after = &text[i + surname.len()..];
        let near = &after[..after.floor_char_boundary(PRONOUN_REACH)];
        let sentence = near.find(". ").map_or(near, |e| &near[..e]);
        let mut capitals = 0;
        for w in sentence.split_whitespace() {
            // Two capitalised words in a row name someone else ("Governor Hal Ostrom").
            capitals = if w.starts_with(char::is_uppercase) {
                capitals + 1
            } else {
                0
            };
            if capitals >= 2 {
                break;
            }
            // Only the lower-case forms count.
            let word = w.trim_matches(|c: char| !c.is_alphanumeric());
            if !word.chars().all(char::is_lowercase) {
                continue;
            }
            match of_pronoun(word) {
                Some(Gender::Female) => she += 1,
                Some(Gender::Male) => he += 1,
                None => {}
            }
        }
    }
    (she, he)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "congress/adaQuillPress.txt";

    #[test]
    fn members_from_file_names() {
        assert_eq!(
            member_from_file_name("congress/adaQuillPress.txt").as_deref(),
            Some("Ada Quill")
        );
        assert_eq!(
            member_from_file_name("congress_jo_van_vale_07.txt").as_deref(),
            Some("Jo Van Vale")
        );
        assert_eq!(
            member_from_file_name("doraMcTavishPress.txt").as_deref(),
            Some("Dora McTavish")
        );
        assert_eq!(
            member_from_file_name("rep_ada_quill_press.txt").as_deref(),
            Some("Ada Quill")
        );
        assert_eq!(
            member_from_file_name("congress_dora_mc_tavish_L0042.txt").as_deref(),
            Some("Dora McTavish")
        );
        assert_eq!(
            member_from_file_name("senAdaQuillPress.txt").as_deref(),
            Some("Ada Quill")
        );
        assert_eq!(
            member_from_file_name("delAnaReyesPress.txt").as_deref(),
            Some("Ana Reyes")
        );
        // "Del" inside a name is a particle, not a title.
        assert_eq!(
            member_from_file_name("congress_rosa_del_mar_02.txt").as_deref(),
            Some("Rosa Del Mar")
        );
    }

    #[test]
    fn house_titles_from_the_words_before_the_name() {
        assert_eq!(
            member_title("Congresswoman Quill said her bill", "Ada Quill", FILE),
            "Congresswoman"
        );
        assert_eq!(
            member_title(
                "Congressman Vale met Congresswoman Quill",
                "Ada Quill",
                FILE
            ),
            "Congresswoman"
        );
        assert_eq!(
            member_title("Rep. Quill said her bill helps", "Ada Quill", FILE),
            "Congresswoman"
        );
        assert_eq!(
            member_title("Rep. Vale said his bill", "Bo Vale", FILE),
            "Congressman"
        );
        assert_eq!(
            member_title(
                "Rep. Quill spoke. Later the Congresswoman thanked the crew.",
                "Ada Quill",
                FILE
            ),
            "Congresswoman"
        );
    }

    #[test]
    fn senators_and_delegates() {
        let t = "U.S. Senator Ada Quill (D-Ore.) filed a bill. Her colleague Senator Bo Vance said he would back it.";
        assert_eq!(member_title(t, "Ada Quill", FILE), "Senator");
        assert_eq!(
            member_title("Quill met the nurses.", "Ada Quill", "senAdaQuillPress.txt"),
            "Senator"
        );
        assert_eq!(
            member_title("Del. Reyes opened the port office.", "Ana Reyes", FILE),
            "Delegate"
        );
        assert_eq!(
            member_title(
                "Reyes opened the port office.",
                "Ana Reyes",
                "delAnaReyesPress.txt"
            ),
            "Delegate"
        );
        // Spanish "del" before the name is no title.
        assert_eq!(
            member_title("la visita del Congresista Ana Reyes", "Ana Reyes", FILE),
            "Representative"
        );
    }

    #[test]
    fn pronouns_about_someone_else_do_not_decide() {
        // The pronouns belong to the governor named after the member.
        let t = "Quill announced the grant. Quill thanked Governor Hal Ostrom, who said he and his staff will help.";
        assert_eq!(member_title(t, "Ada Quill", FILE), "Representative");
        // Another congressman named in the release does not make the member one.
        let t = "Quill met Congressman Bo Vance on Monday.";
        assert_eq!(member_title(t, "Ada Quill", FILE), "Representative");
        // Nothing tells at all.
        assert_eq!(
            member_title("Quill voted for the bill.", "Ada Quill", FILE),
            "Representative"
        );
        // The member's own pronouns still tell.
        assert_eq!(
            member_title("Quill said she will vote for her bill.", "Ada Quill", FILE),
            "Congresswoman"
        );
    }
}
