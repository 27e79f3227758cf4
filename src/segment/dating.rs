//! The release's date chosen among the dates a page prints: the header's, a "Posted on"
//! line's, a month and day whose year is printed elsewhere, the date of the release's
//! own entry in a dated list.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

use super::{date, title, Line};
use crate::doc::RawRelease;

/// Where the header of a page is: what the release's date is looked for around.
pub(super) struct Where {
    /// The first line of the header window.
    pub window_start: usize,
    /// The headline's first line, if one was found.
    pub title: Option<usize>,
    /// The body's first line.
    pub body: usize,
    /// True when the headline is the page's own entry in a dated list of releases.
    pub listed: bool,
}

/// The release's date: the given one, else the date of its own list entry when the
/// headline came from one, else the header's, a timestamp line's, a "Posted on" line's,
/// a month and day with the year printed elsewhere, its list entry's, the file name's.
pub(super) fn release_date(raw: &RawRelease, lines: &[Line], at: Where) -> Option<NaiveDate> {
    let text = &*raw.text;
    let b = at.body;
    let source = raw.source.as_str();
    raw.given_date
        .as_deref()
        .and_then(date::parse)
        .or_else(|| at.listed.then(|| listed_date(text, lines, source))?)
        .or_else(|| header_date(text, lines, at.window_start, at.title, b))
        .or_else(|| (b..lines.len()).find_map(|k| date::timestamp_line(lines[k].span.slice(text))))
        .or_else(|| posted_date(text, lines))
        .or_else(|| yearless_date(text, lines, at.window_start..b, b, source))
        .or_else(|| listed_date(text, lines, source))
        .or_else(|| date::from_file_name(source))
}

/// The release's date: the last date printed between the headline and the body, else
/// one printed just above the headline (not in a dated list of other releases), else
/// one at the start of the body's first line.
fn header_date(
    text: &str,
    lines: &[Line],
    window_start: usize,
    title: Option<usize>,
    b: usize,
) -> Option<chrono::NaiveDate> {
    let line = |k: usize| lines[k].span.slice(text);
    let dated: Vec<(usize, chrono::NaiveDate)> = (window_start..b)
        .filter_map(|k| date::find(line(k)).map(|f| (k, f.date)))
        .collect();
    // Without a headline, the dates above the body are all "before" it.
    let t = title.unwrap_or(b);
    // The last date under the headline, passing over a revision date ("Last updated")
    // when the release's own is printed too.
    let under: Vec<&(usize, chrono::NaiveDate)> = dated.iter().filter(|&&(k, _)| k >= t).collect();
    let after = under
        .iter()
        .rev()
        .find(|&&&(k, _)| !is_update_line(line(k)))
        .or(under.last())
        .map(|&&(_, d)| d);
    // Dated lists alternate date and headline lines.
    let listed = |k: usize| dated.iter().any(|&(j, _)| j.abs_diff(k) == 2);
    let before = || {
        dated
            .iter()
            .rev()
            .find(|&&(k, _)| k < t && !listed(k))
            .map(|&(_, d)| d)
    };
    let in_body = || {
        let l = line(b);
        let head = &l[..l.floor_char_boundary(160)];
        date::find(head).map(|f| f.date)
    };
    after.or_else(before).or_else(in_body)
}

/// A byline or metadata label that dates the page: "Posted on …", "Published: …",
/// "This entry was posted on …", "By Jo Marsh | Updated …" (at the line's start or after
/// a byline separator, never inside a sentence).
static POSTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[|•·]\s*)(?:this\s+(?:entry|article|post|story|page)\s+was\s+)?(?:posted|published|updated|last\s+updated|date|dated|issued|released|release\s+date)(?:\s+(?:on|at))?\b",
    )
    .expect("static regex")
});

/// A label saying the date after it is a later revision, not the issue date ("Last
/// updated: …", "Updated …", "Page modified …").
static UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:page\s+)?(?:last\s+)?(?:updated|modified|revised|reviewed)\b")
        .expect("static regex")
});

/// True for a line that dates a revision of the page ("Last updated: May 6, 2026").
fn is_update_line(line: &str) -> bool {
    UPDATED.is_match(line)
}

/// Most words of a dated label line ("Release Date: May 4, 2026", "Updated May 6, 2026").
const DATED_LABEL_WORDS: usize = 12;

/// True for a short line that is a dating label and its date, nothing else ("Release
/// Date: May 4, 2026", "Posted on May 4, 2026 by Press Office", "Last updated: Jun. 6").
pub(super) fn is_dated_label_line(line: &str) -> bool {
    if line.split_whitespace().count() > DATED_LABEL_WORDS {
        return false;
    }
    let Some(from) = posted_label_end(line) else {
        return false;
    };
    let rest = line[from..].trim_start_matches(|c: char| c == ':' || c.is_whitespace());
    date::at_start(rest).is_some() || date::find_yearless(rest).is_some_and(|y| y.start == 0)
}

/// Most words of a "Posted on" line.
const POSTED_LINE_WORDS: usize = 20;

/// Where the date of a "Posted on" line may start: the label's end, if the line is one
/// (its label capitalised, as a label is, not a word inside a sentence).
fn posted_label_end(line: &str) -> Option<usize> {
    if line.split_whitespace().count() > POSTED_LINE_WORDS {
        return None;
    }
    let m = POSTED.find(line)?;
    let label = m.as_str().trim_start_matches(['|', '•', '·', ' ']);
    label.starts_with(char::is_uppercase).then_some(m.end())
}

/// The date of the first "Posted on" line of the page that prints a full date (on the
/// line, or on the next when the label stands alone) and is not in a dated list of other
/// releases.
fn posted_date(text: &str, lines: &[Line]) -> Option<NaiveDate> {
    let line = |k: usize| lines[k].span.slice(text);
    (0..lines.len()).find_map(|k| {
        let l = line(k);
        let from = posted_label_end(l)?;
        let rest = l[from..].trim_matches(|c: char| c == ':' || c.is_whitespace());
        if rest.is_empty() && k + 1 < lines.len() && date::is_date_line(line(k + 1)) {
            return date::find(line(k + 1)).map(|f| f.date);
        }
        if title::is_list_date(text, lines, k) {
            return None;
        }
        date::find(&l[from..]).map(|f| f.date)
    })
}

/// A month and day printed without a year in the header (a date line, a "Posted on"
/// line, or the head of the body's first line), with the year taken from the header's
/// other lines or else from the file name.
fn yearless_date(
    text: &str,
    lines: &[Line],
    window: std::ops::Range<usize>,
    b: usize,
    source: &str,
) -> Option<NaiveDate> {
    let line = |k: usize| lines[k].span.slice(text);
    let mut years: Vec<i32> = window.clone().flat_map(|k| date::years(line(k))).collect();
    years.extend(date::years(source));
    let printed = window
        .clone()
        .chain(b..(b + 1).min(lines.len()))
        .find_map(|k| {
            let l = line(k);
            let y = date::find_yearless(l)?;
            let dates_line = (y.end - y.start) * 2 >= l.len()
                || posted_label_end(l).is_some_and(|end| end <= y.start)
                || after_separator(&l[..y.start])
                || (k == b && y.start < 80);
            dates_line.then_some(y)
        })?;
    printed.in_year_of(&years).or_else(|| {
        // The header prints no year: a year printed anywhere on the page where the day
        // falls on the printed weekday ("Thursday, March 3rd" … "© 2022"), else the
        // year of the page's copyright line.
        let page: Vec<i32> = (0..lines.len())
            .flat_map(|k| date::years(line(k)))
            .collect();
        let copyright: Vec<i32> = (window.end..lines.len())
            .map(line)
            .filter(|l| l.contains('©') || l.to_lowercase().contains("copyright"))
            .flat_map(date::years)
            .collect();
        printed
            .weekday_in_year_of(&page)
            .or_else(|| printed.in_year_of(&copyright))
    })
}

/// True when a text ends in a byline or metadata separator ("By Jo Marsh |", "News •"):
/// what follows it is the line's date field.
fn after_separator(before: &str) -> bool {
    let t = before.trim_end();
    !t.is_empty() && t.ends_with(['|', '•', '·'])
}

/// The date printed beside the page's own headline in a dated list (its "More News"
/// entry, found by the file name's slug): the date line just above it, else just below.
fn listed_date(text: &str, lines: &[Line], source: &str) -> Option<NaiveDate> {
    let slug = title::slug_words(source);
    let k = title::slug_line(text, lines, &slug, 0)?;
    let dated = |j: usize| {
        let l = lines.get(j)?.span.slice(text);
        date::is_date_line(l)
            .then(|| date::find(l).map(|f| f.date))
            .flatten()
    };
    k.checked_sub(1).and_then(dated).or_else(|| dated(k + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_label_lines() {
        for l in [
            "Release Date: May 4, 2026",
            "Last updated: May 6, 2026",
            "Posted on May 4, 2026 by Press Office",
            "Updated Jun. 6",
        ] {
            assert!(is_dated_label_line(l), "{l}");
        }
        for l in [
            "May 4, 2026",
            "Released on May 4, 2026, the report found that two of every three wells had failed.",
            "Posted in: News",
        ] {
            assert!(!is_dated_label_line(l), "{l}");
        }
        assert!(is_update_line("Last updated: May 6, 2026"));
        assert!(!is_update_line("Release Date: May 4, 2026"));
    }
}
