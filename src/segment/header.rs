//! Header fields: the browser-title line, headlines, datelines, the contact block and
//! the issuing office.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::pages::{NOT_CONTACT_NAMES, NOT_PLACES};
use crate::lexicon::titles::{HONORIFICS, OFFICIAL_HEADS};

/// Labels printed before a headline ("FOR IMMEDIATE RELEASE: …", "June 5, 2026: …"),
/// in Spanish releases too ("PARA PUBLICACIÓN INMEDIATA: …").
static TITLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:for\s+immediate\s+release|media\s+advisory|media\s+release|news\s+release|press\s+release|update|statement|para\s+(?:su\s+)?publicaci[oó]n\s+inmediata|comunicado\s+de\s+prensa)\s*[:\-–—]\s*)+",
    )
    .expect("static regex")
});

/// Header lines that are labels, not headlines.
static LABEL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            for\s+immediate\s+release:? | immediate\s+release | press\s+releases? | news\s+releases? |
            media\s+advisory | news | press | newsroom | home | contact(?:s)?:?.* | case\s*\#.* |
            \d+\s+min\s+read | author | published | posted(?:\s+on)?:?.* | by\s+.{0,40} | admin |
            you\s+are\s+here:? | media\s+contact:?.* | for\s+more\s+information.* |
            (?:office|phone|tel|cell|fax|email|e-mail)\s*:.*
        )$",
    )
    .expect("static regex")
});

/// A dateline opening the body: "Jefferson City, Mo. —", "SANTA ANA, Calif. –",
/// "(Dallas, Texas) –", "Dallas, Texas---", "CHICAGO -", "Washington, D.C. –".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\(?((?:[A-Z][A-Za-z'’.]*)(?:(?:,\s*|\s+)(?:[A-Z][A-Za-z'’.]*|D\.\s?C\.)){0,4})\)?(?:\s*(?:—|–|-{2,})+|\s+-)\s*",
    )
    .expect("static regex")
});

/// North American phone numbers: "(555) 014-2277", "555-013-4490", "555.014.8408".
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\(\d{3}\)\s*|\b\d{3}[-./ ])\d{3}[-.]\d{4}\b").expect("static regex")
});

/// E-mail addresses.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b").expect("static regex")
});

/// A contact label followed by a name: "Contact: JoDonn Vale", "please contact Ed Vance,".
static CONTACT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:contacts?|media\s+contact|press\s+contact)\s*:?\s+((?-i:[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,3}))",
    )
    .expect("static regex")
});

/// A person's name at the start of a text (2 to 4 capitalised words).
static LEADING_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][A-Za-z'’-]+)){1,3}").expect("static regex")
});

/// A line that is only a person's name (2 to 4 capitalised words).
static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][A-Za-z'’-]+)){1,3}$").expect("static regex")
});

/// Issuing offices named in a text or a browser title, a U.S. Attorney's with its
/// district ("U.S. Attorney's Office, District of Springfield").
static OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:Office of (?:the )?[A-Z][A-Za-z.’' -]*?(?:Attorney|Secretary of State|Governor|Attorney General|Treasurer|Auditor|Congressman [A-Z][A-Za-z. ]+|Congresswoman [A-Z][A-Za-z. ]+)|(?:[A-Z][A-Za-z.-]+ )+(?:County )?(?:District|State[’']s|County|Prosecuting|City) Attorney[’']s Office|U\.S\. Attorney[’']s Office(?:,\s*|\s+for\s+the\s+)(?:(?:Northern|Southern|Eastern|Western|Middle|Central)\s+)?District\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)",
    )
    .expect("static regex")
});

/// Strips a headline label ("FOR IMMEDIATE RELEASE:") from the start of a line and
/// returns how many bytes it took.
pub fn label_len(line: &str) -> usize {
    TITLE_LABEL.find(line).map_or(0, |m| m.end())
}

/// True for header labels ("For Immediate Release", "Contact: …", "Case # 11NF0948").
pub fn is_label_line(line: &str) -> bool {
    LABEL_LINE.is_match(line)
}

/// Separators between a page's headline and its site name in the browser-title line.
const SITE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " > ", " • ", " · "];

/// The browser-title line's possible headlines, longest first: the parts before each
/// site-name separator ("A - B - Site" gives "A - B" and "A"), labels removed.
pub fn browser_titles(first_line: &str) -> Vec<&str> {
    let mut cuts: Vec<usize> = SITE_SEPARATORS
        .iter()
        .flat_map(|sep| first_line.match_indices(sep).map(|(i, _)| i))
        .collect();
    cuts.sort_unstable_by(|a, b| b.cmp(a));
    cuts.dedup();
    cuts.into_iter()
        .map(|cut| {
            let head = first_line[..cut].trim();
            &head[label_len(head)..]
        })
        .filter(|head| head.split_whitespace().count() >= 2)
        .collect()
}

/// The browser-title line's headline: the part before the last site-name separator.
pub fn browser_title(first_line: &str) -> Option<&str> {
    browser_titles(first_line).into_iter().next()
}

/// Where the site name of the browser-title line starts, if it has one.
pub fn browser_site(first_line: &str) -> Option<&str> {
    let (cut, sep) = [" | ", " - ", " – ", " — ", " :: ", " • ", " · "]
        .iter()
        .filter_map(|sep| first_line.rfind(sep).map(|i| (i, sep.len())))
        .max()?;
    Some(first_line[cut + sep..].trim())
}

/// A dateline at the start of a line, or after a date opening it ("May 4, 2026
/// (Springfield) –"): (byte range of the place, byte offset where the text after the
/// dash starts).
pub fn dateline(line: &str) -> Option<(std::ops::Range<usize>, usize)> {
    bare_dateline(line).or_else(|| {
        let f = super::date::at_start(line)?;
        let rest = &line[f.end..];
        let cut = f.end + (rest.len() - rest.trim_start_matches([' ', ',']).len());
        let (place, after) = bare_dateline(&line[cut..])?;
        Some((place.start + cut..place.end + cut, after + cut))
    })
}

/// A dateline at the very start of a line.
fn bare_dateline(line: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let c = DATELINE.captures(line)?;
    let place = c.get(1)?;
    let words = place.as_str().split_whitespace().count();
    // Places are short; all-capital or comma-joined ("Jefferson City, Mo.").
    let shaped = place.as_str().contains(',')
        || place
            .as_str()
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
        || words <= 2;
    (shaped && words <= 5 && is_place(place.as_str()))
        .then(|| (place.range(), c.get(0).map_or(0, |m| m.end())))
}

/// True when a dateline's place is not a label ("MEDIA ADVISORY") and has no digits.
pub fn is_place(place: &str) -> bool {
    !place.contains(|c: char| c.is_ascii_digit())
        && place
            .split(|c: char| !c.is_alphabetic())
            .all(|w| !NOT_PLACES.contains(&w.to_lowercase()))
}

/// True when a text can be a contact person's name: two to four capitalised words, no
/// office words, periods only after initials.
pub fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let bare = w.trim_end_matches('.');
            w.starts_with(char::is_uppercase)
                && (!w.ends_with('.') || bare.chars().count() == 1)
                && !NOT_CONTACT_NAMES.contains(&bare.to_lowercase())
        })
}

/// True when most words of a line start in lower case: running prose, not a headline.
pub fn lowercase_share(line: &str) -> f32 {
    let mut words = 0usize;
    let mut lower = 0usize;
    for w in line.split_whitespace() {
        if let Some(c) = w.chars().find(|c| c.is_alphabetic()) {
            words += 1;
            if c.is_lowercase() {
                lower += 1;
            }
        }
    }
    if words == 0 {
        0.0
    } else {
        lower as f32 / words as f32
    }
}

/// True when a line ends a sentence (`.`, `!`, `?`, `:`, `;` before closing quotes).
pub fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '’', ')', ' '])
        .ends_with(['.', '!', '?', ':', ';', '…'])
}

/// True when a line may be a headline: a few words, not a label, no contact details.
pub fn is_title_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=40).contains(&words)
        && !is_label_line(line)
        && !PHONE.is_match(line)
        && !EMAIL.is_match(line)
        && !line.starts_with("http")
        && line.chars().any(|c| c.is_alphabetic())
}

/// The first phone number in a line: its byte range.
pub fn phone(line: &str) -> Option<std::ops::Range<usize>> {
    PHONE.find(line).map(|m| m.range())
}

/// The first e-mail address in a line: its byte range.
pub fn email(line: &str) -> Option<std::ops::Range<usize>> {
    EMAIL.find(line).map(|m| m.range())
}

/// A contact name given after a contact label in a line: its byte range, without a
/// rank or honorific before it ("Media Contact: Sgt. Jo Marsh" gives "Jo Marsh").
pub fn contact_name(line: &str) -> Option<std::ops::Range<usize>> {
    let m = CONTACT_NAME.captures(line)?.get(1)?;
    let name = m.as_str();
    let first = name.split_whitespace().next().unwrap_or("");
    let bare = first.trim_end_matches('.');
    if HONORIFICS.contains(bare) || OFFICIAL_HEADS.contains(bare) {
        let rest = &name[first.len()..];
        let skip = first.len() + (rest.len() - rest.trim_start().len());
        return Some(m.start() + skip..m.end());
    }
    Some(m.range())
}

/// A contact label opening a line, with its colon: "Media Contact:", "Contact: Jo Marsh".
static CONTACT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:media|press|news|public\s+information)\s+)?contacts?\s*:")
        .expect("static regex")
});

/// True for a line that opens a contact block: a contact label, alone or with the
/// contact after its colon ("Media Contact:", "Press Contact: Jo Marsh, 555-0142").
pub fn opens_contact_block(line: &str) -> bool {
    CONTACT_LABEL.is_match(line) || is_bare_contact_label(line)
}

/// True for a line that ends in a contact label with the name on the next line.
pub fn is_bare_contact_label(line: &str) -> bool {
    let l = line.trim_end_matches(':').trim().to_ascii_lowercase();
    matches!(
        l.as_str(),
        "contact" | "contacts" | "media contact" | "press contact"
    ) || l.ends_with(", contact")
        || l.ends_with("please contact")
}

/// Most words of a byline ("By Jo Marsh, Communications Manager | May 4").
const BYLINE_WORDS: usize = 14;

/// True for a byline: "By" and a person's name, then only a role, a separator and a
/// date ("By Jo Marsh, Communications Manager | May 4", "By Jo Marsh • 3 min read").
pub fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let name_end = rest.find([',', '|', '•', '·']).unwrap_or(rest.len());
    let name = rest[..name_end].trim();
    // An all-capital byline ("BY JO MARSH") is read as the name it prints.
    let name = if name.chars().any(char::is_lowercase) {
        name.to_string()
    } else {
        name.split_whitespace()
            .map(|w| capitalised(&w.to_lowercase()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    line.split_whitespace().count() <= BYLINE_WORDS && !ends_sentence(line) && is_person_name(&name)
}

/// A word with its first letter upper case and the rest as it is.
pub(super) fn capitalised(w: &str) -> String {
    let mut cs = w.chars();
    cs.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + cs.as_str()
    })
}

/// True for a line that is only a person's name.
pub fn is_name_line(line: &str) -> bool {
    NAME_LINE.is_match(line)
}

/// A person's name at the start of a text: its byte range.
pub fn leading_name(text: &str) -> Option<std::ops::Range<usize>> {
    LEADING_NAME.find(text).map(|m| m.range())
}

/// The first issuing office named in a text, without a leading "The".
pub fn office(text: &str) -> Option<&str> {
    OFFICE.find(text).map(|m| {
        let name = m.as_str().trim();
        name.strip_prefix("The ").unwrap_or(name)
    })
}

/// "Orange County District Attorney Jane Roe", "Cook County State's Attorney Jane Q"
/// at the head of a prosecutor's name.
static PROSECUTOR_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)? ){1,3}County) (District Attorney|State[’']s Attorney|State Attorney|Attorney) [A-Z][a-z]",
    )
    .expect("static regex")
});

/// The office of the first county prosecutor named with their title: "San Diego County
/// District Attorney Ada Quill" -> "San Diego County District Attorney's Office".
pub fn office_of_prosecutor(text: &str) -> Option<String> {
    let c = PROSECUTOR_TITLE.captures(text)?;
    let place = c.get(1)?.as_str();
    let role = c.get(2)?.as_str();
    Some(format!("{place} {role}’s Office"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_titles_lose_the_site_name() {
        assert_eq!(
            browser_title("Driver Charged in Old Case - Springfield County District Attorney"),
            Some("Driver Charged in Old Case")
        );
        assert_eq!(
            browser_title("FOR IMMEDIATE RELEASE: TASK FORCE READY | Office of the DA"),
            Some("TASK FORCE READY")
        );
        assert_eq!(
            browser_site("Man Charged | Springfield DA's Office"),
            Some("Springfield DA's Office")
        );
        assert_eq!(browser_title("Skip to main content"), None);
        assert_eq!(
            browser_titles("Park Thefts Case - Office of the DA - Office of the DA"),
            ["Park Thefts Case - Office of the DA", "Park Thefts Case"]
        );
    }

    #[test]
    fn datelines_after_a_date() {
        let l = "May 4, 2026 (Springfield County) – More than a year after the flood";
        let (place, rest) = dateline(l).unwrap();
        assert_eq!(&l[place], "Springfield County");
        assert_eq!(&l[rest..], "More than a year after the flood");
        assert!(dateline("May 4, 2026 Contact: Jo Marsh").is_none());
    }

    #[test]
    fn datelines() {
        let l = "Jefferson City, Mo. — Secretary of State Ada Quill said";
        let (place, rest) = dateline(l).unwrap();
        assert_eq!(&l[place], "Jefferson City, Mo.");
        assert_eq!(&l[rest..], "Secretary of State Ada Quill said");
        let l = "(Springfield, Texas) – On Monday the court";
        assert_eq!(&l[dateline(l).unwrap().0], "Springfield, Texas");
        assert_eq!(&"CHICAGO -"[dateline("CHICAGO -").unwrap().0], "CHICAGO");
        let l = "SANTA ANA, Calif. – Twenty people";
        assert_eq!(&l[dateline(l).unwrap().0], "SANTA ANA, Calif.");
        assert!(dateline("The Springfield Police Department said - no").is_none());
        assert!(dateline("MS-13 members were jailed").is_none());
        assert!(dateline("MEDIA ADVISORY – Press conference today at noon").is_none());
    }

    #[test]
    fn contact_details() {
        let l = "Contact:      Jo Vale, Communications Director";
        assert_eq!(&l[contact_name(l).unwrap()], "Jo Vale");
        let l =
            "For further information, please contact Lena Marsh, Public Information Officer, at";
        assert_eq!(&l[contact_name(l).unwrap()], "Lena Marsh");
        let l = "Office: (555) 014-2277 (office)";
        assert_eq!(&l[phone(l).unwrap()], "(555) 014-2277");
        assert_eq!(
            &"555-013-4490"[phone("555-013-4490").unwrap()],
            "555-013-4490"
        );
        let l = "write to Jo.Vale@Example.org today";
        assert_eq!(&l[email(l).unwrap()], "Jo.Vale@Example.org");
        assert!(email("[email protected]").is_none());
        assert!(is_bare_contact_label("Contact:"));
        assert!(is_person_name("Susan Q. Vale"));
        assert!(!is_person_name("For Immediate Release"));
        assert!(!is_person_name("Use. Please"));
        assert!(!is_person_name("Media Relations Division"));
        assert!(!is_person_name("Governor Bo Vale"));
        let l = "Media Contact: Sgt. Jo Marsh, 555-0156";
        assert_eq!(&l[contact_name(l).unwrap()], "Jo Marsh");
        assert!(opens_contact_block("Media Contact:"));
        assert!(opens_contact_block("Press Contact: Jo Marsh, 555-0142"));
        assert!(!opens_contact_block(
            "Contacts with the county began in May."
        ));
        assert!(is_byline("By Jo Marsh, Communications Manager | May 4"));
        assert!(is_byline("BY JO MARSH"));
        assert!(!is_byline("By Land and Sea, Rescuers Reach the Island"));
        assert!(!is_byline("By the end of the year the trail will be open."));
        assert!(is_name_line("Susan Q. Vale"));
        assert!(!is_name_line("Chief of Staff"));
    }

    #[test]
    fn labels_and_lines() {
        assert_eq!(label_len("FOR IMMEDIATE RELEASE: Big News"), 23);
        assert_eq!(label_len("PARA PUBLICACIÓN INMEDIATA: Gran Noticia"), 29);
        assert!(is_label_line("Case # 19NF2231"));
        assert!(is_label_line("For Immediate Release"));
        assert!(!is_title_like("Contact: 555-555-1234"));
        assert!(is_title_like("Man Charged With Theft"));
        assert!(ends_sentence("he said.”"));
        assert!(!ends_sentence("the report,”"));
        assert!(lowercase_share("the cat sat on The Mat") > 0.6);
    }

    #[test]
    fn offices() {
        assert_eq!(
            office("Read the latest news from the Office of the Missouri Secretary of State."),
            Some("Office of the Missouri Secretary of State")
        );
        assert_eq!(
            office("the Springfield County District Attorney’s Office said"),
            Some("Springfield County District Attorney’s Office")
        );
        assert_eq!(
            office("U.S. Attorney's Office, Eastern District of Springfield\nRIVERTON –"),
            Some("U.S. Attorney's Office, Eastern District of Springfield")
        );
        assert_eq!(office("the U.S. Attorney's Office said"), None);
    }
}
