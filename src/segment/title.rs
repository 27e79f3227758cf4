//! Headline evidence that holds on sites whosaid has not seen: the shape of a line, where
//! it stands (in a dated list of other releases, in a menu), the date printed after a
//! headline, and the page's own file name (scraped pages are named after their URL).
//!
//! Nothing here names a site or an office.

use chrono::NaiveDate;

use std::collections::HashSet;

use super::{date, header, Line};
use crate::doc::Span;

/// The most bytes of a one-line release searched for the date printed after its headline.
const PRINTED_DATE_REACH: usize = 300;

/// A date printed after the headline is the release's own when it is this close to the
/// given date (pages are dated the day before or after the feed sometimes).
const PRINTED_DATE_SLACK_DAYS: i64 = 3;

/// A one-line release that opens with its headline and then prints its date ("Ferry
/// Grants Announced May 4th, 2018 Washington, D.C. – …"): the headline's end and where
/// the text after the date starts (offsets in `line`). The printed date must be the
/// given one (within a few days), so a date in the first sentence is never taken.
pub(super) fn before_printed_date(line: &str, given: NaiveDate) -> Option<(usize, usize)> {
    let head = &line[..line.floor_char_boundary(PRINTED_DATE_REACH)];
    let found = date::find(head)?;
    if (found.date - given).num_days().abs() > PRINTED_DATE_SLACK_DAYS {
        return None;
    }
    let title = line[..found.start].trim_end();
    let words = title.split_whitespace().count();
    let opens_as_headline = title
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let shaped = (3..=40).contains(&words)
        && opens_as_headline
        && header::label_len(title) == 0
        && !header::is_label_line(title)
        && header::is_title_like(title)
        && !has_sentence_break(title)
        && header::dateline(title).is_none()
        && !title.ends_with(['.', ',', ':', ';', '(', '–', '—', '-'])
        && !title.to_lowercase().ends_with(" on");
    let after = &line[found.end..];
    let rest = after.trim_start();
    // What follows is a sub-headline or the dateline, not the rest of a sentence.
    if !shaped || !rest.starts_with(char::is_uppercase) {
        return None;
    }
    Some((title.len(), found.end + (after.len() - rest.len())))
}

/// True when a text holds the end of a sentence before another ("… the law. Eight …"),
/// which a headline does not ("U.S. House" and "Dr. Vane" are not sentence ends).
fn has_sentence_break(s: &str) -> bool {
    let b = s.as_bytes();
    (2..b.len().saturating_sub(2)).any(|i| {
        matches!(b[i], b'.' | b'!' | b'?')
            && b[i + 1] == b' '
            && b[i + 2].is_ascii_uppercase()
            && b[i - 1].is_ascii_lowercase()
            && b[i - 2].is_ascii_lowercase()
    })
}

/// True when line `k` stands in a dated list of other releases' headlines: the line
/// above it is a date, and so is the line two above that or the one below it.
pub(super) fn in_dated_list(text: &str, lines: &[Line], k: usize) -> bool {
    k >= 1 && is_list_date(text, lines, k - 1)
}

/// True when line `k` is a date line of a dated list: a date line with another two
/// lines above or below it.
pub(super) fn is_list_date(text: &str, lines: &[Line], k: usize) -> bool {
    let is_date = |j: usize| {
        lines
            .get(j)
            .is_some_and(|l| date::is_date_line(l.span.slice(text)))
    };
    is_date(k) && ((k >= 2 && is_date(k - 2)) || is_date(k + 2))
}

/// Words of the last path segment of a file name made from a page's URL
/// ("…_News-Releases_county-case-backlog-eliminated.txt" gives "county", "case",
/// "backlog", "eliminated"). Empty when the name holds no such segment of three words.
pub(super) fn slug_words(source: &str) -> Vec<String> {
    let base = source.rsplit('/').next().unwrap_or(source);
    let stem = base
        .rsplit_once('.')
        .map_or(base, |(stem, _)| stem)
        .trim_end_matches("_pdf")
        .trim_end_matches("-pdf");
    let Some(segment) = stem.rsplit('_').find(|s| !s.is_empty()) else {
        return Vec::new();
    };
    let words = words_of(segment);
    if words.len() >= 3 {
        words
    } else {
        Vec::new()
    }
}

/// Lower-cased words of a text, apostrophes dropped ("Attorney's" -> "attorneys"), as
/// URL slugs spell them.
fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Fewest words a line and a file-name slug must share, in order, to be the same headline.
const MIN_SLUG_WORDS: usize = 4;

/// The first line from `from` on that spells the file name's slug: one is a prefix of the
/// other, word by word (a slug may be cut short, its last word too).
pub(super) fn slug_line(text: &str, lines: &[Line], slug: &[String], from: usize) -> Option<usize> {
    if slug.len() < MIN_SLUG_WORDS {
        return None;
    }
    (from..lines.len()).find(|&k| {
        let l = lines[k].span.slice(text);
        if !header::is_title_like(l) {
            return false;
        }
        let words = words_of(l);
        let n = words.len().min(slug.len());
        n >= MIN_SLUG_WORDS
            && words[..n - 1] == slug[..n - 1]
            && (words[n - 1] == slug[n - 1]
                || (n == slug.len() && words[n - 1].starts_with(slug[n - 1].as_str())))
    })
}

/// With a matched headline: the first headline-like line of five words or more between
/// it and the body that is not the headline again.
pub(super) fn subtitle(
    text: &str,
    lines: &[Line],
    from: usize,
    b: usize,
    title: Option<Span>,
) -> Option<Span> {
    let title_norm = title.map(|t| super::norm(t.slice(text)));
    (from..b).map(|k| lines[k].span).find(|s| {
        let l = s.slice(text);
        l.split_whitespace().count() >= 5
            && header::is_title_like(l)
            && !super::is_header_filler(l)
            && !header::ends_sentence(l)
            && title_norm.as_deref() != Some(super::norm(&l[super::title_prefix_len(l)..]).as_str())
    })
}

/// Fewest shared words, as a share of all words of either, for a line to be the
/// browser title's headline printed with other wording ("Gov." for "Governor", a word
/// dropped or added).
const SIMILAR_TITLE_JACCARD: f32 = 0.75;

/// The first line from `from` on that says what the browser title's headline `candidate`
/// says in slightly other words: (line, line, its span).
pub(super) fn similar_line(
    text: &str,
    lines: &[Line],
    candidate: &str,
    from: usize,
) -> Option<(usize, usize, Span)> {
    let want: HashSet<String> = words_of(candidate).into_iter().collect();
    if want.len() < MIN_SLUG_WORDS {
        return None;
    }
    let n = want.len() as f32;
    (from..lines.len()).find_map(|k| {
        let l = lines[k].span.slice(text);
        // A line with too few or too many words cannot share enough of them.
        let words = l.split_whitespace().count() as f32;
        if words * 2.0 < n || words > n * 2.0 || !header::is_title_like(l) || is_furniture(l) {
            return None;
        }
        let got: HashSet<String> = words_of(l).into_iter().collect();
        let shared = got.intersection(&want).count() as f32;
        let union = got.union(&want).count() as f32;
        (shared / union >= SIMILAR_TITLE_JACCARD).then_some((k, k, lines[k].span))
    })
}

/// Fewest words of a one-line headline found above the body (shorter lines there are
/// buttons, menu items and section names far more often than headlines).
pub(super) const MIN_HEADLINE_WORDS: usize = 3;

/// Most words of a line in a menu.
const MENU_ITEM_WORDS: usize = 3;

/// How many short lines in a row make a menu or link list.
const MENU_RUN: usize = 4;

/// True when line `k` is one of a run of short link-like lines (a menu: "Home" /
/// "About Us" / "Newsroom" / "Contact").
pub(super) fn in_menu_run(text: &str, lines: &[Line], k: usize) -> bool {
    let short = |j: usize| {
        let l = lines[j].span.slice(text);
        l.split_whitespace().count() <= MENU_ITEM_WORDS
            && !l.ends_with(['.', '!', '?'])
            && !date::is_date_line(l)
    };
    if !short(k) {
        return false;
    }
    let up = (0..k).rev().take_while(|&j| short(j)).count();
    let down = (k + 1..lines.len()).take_while(|&j| short(j)).count();
    up + down + 1 >= MENU_RUN
}

/// True when a line is page furniture that a headline is never made of: a navigation
/// link or button, a label ending in a colon, an image file name, a photo credit, a
/// breadcrumb, a news-section name, or a heading that ends releases ("Share this page",
/// "Related News").
pub(super) fn is_furniture(line: &str) -> bool {
    line.trim_end().ends_with(':')
        || super::chrome::is_end_line(line)
        || super::chrome::is_navigation(line)
        || super::chrome::is_image_name(line)
        || super::chrome::is_photo_credit(line)
        || super::chrome::is_breadcrumb(line)
        || super::chrome::is_section_name(line)
}

/// Most words of a headline wrapped over lines that reads as prose.
const WRAPPED_HEADLINE_WORDS: usize = 30;

/// True when line `k`, which reads as prose, is a sentence-case headline wrapped over
/// lines (converted PDFs): the lines running on from it end without closing a sentence,
/// on a line shorter than the first, and the next line opens a new one.
pub(super) fn is_wrapped_headline(text: &str, lines: &[Line], k: usize) -> bool {
    let line = |j: usize| lines[j].span.slice(text);
    let mut j = k;
    let mut words = 0;
    loop {
        let l = line(j);
        words += l.split_whitespace().count();
        if header::ends_sentence(l) || words > WRAPPED_HEADLINE_WORDS {
            return false;
        }
        match lines.get(j + 1) {
            Some(n) if !n.blank_before && super::starts_continuation(n.span.slice(text)) => j += 1,
            _ => break,
        }
    }
    j > k
        && line(j).len() * 4 < line(k).len() * 3
        && lines
            .get(j + 1)
            .is_some_and(|n| n.span.slice(text).starts_with(char::is_uppercase))
}

/// Fewest words of a line read as a sentence of the body rather than a headline.
const SENTENCE_WORDS: usize = 6;

/// True for a sentence of running prose: mostly lower-case words, ending in a period
/// that is not an abbreviation's ("… to the council." but not "… Smith Jr.").
pub(super) fn is_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    let last = t.split_whitespace().next_back().unwrap_or("");
    let abbreviation =
        last.trim_end_matches('.').chars().count() <= 3 && last.starts_with(char::is_uppercase);
    t.ends_with('.')
        && !t.ends_with("...")
        && !abbreviation
        && line.split_whitespace().count() >= SENTENCE_WORDS
        && header::lowercase_share(line) >= 0.5
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn headline_before_the_printed_date() {
        let line = "Quill and Vale Announce New Ferry Grants May 4th, 2026 Grants Will Help Two Towns Springfield, Ill. – Today …";
        let (end, body) = before_printed_date(line, d(2026, 5, 4)).unwrap();
        assert_eq!(&line[..end], "Quill and Vale Announce New Ferry Grants");
        assert!(line[body..].starts_with("Grants Will Help"));
        // A date in the first sentence, a label, or another day: no headline.
        assert!(before_printed_date(
            "SPRINGFIELD – On May 4, 2026, Rep. Quill said the grants will help.",
            d(2026, 5, 4)
        )
        .is_none());
        assert!(before_printed_date(
            "FOR IMMEDIATE RELEASE: May 4, 2026 Contact: Jo Marsh",
            d(2026, 5, 4)
        )
        .is_none());
        assert!(before_printed_date(
            "Quill Opens the New Ferry Landing May 4th, 2021 Grants",
            d(2026, 5, 4)
        )
        .is_none());
        for label in [
            "FOR IMMEDIATE RELEASE Monday, May 4, 2026 Contact: Jo Marsh",
            "CONTACT: JO MARSH (555) 014-2277 FOR IMMEDIATE RELEASE, MONDAY May 4, 2026 Grants",
            "Rep. Quill spoke on the grants. Two towns gain May 4, 2026 Grants",
        ] {
            assert!(
                before_printed_date(label, d(2026, 5, 4)).is_none(),
                "{label}"
            );
        }
        assert!(before_printed_date(
            "Today the office said that on May 4, 2026 the grants",
            d(2026, 5, 4)
        )
        .is_none());
    }

    #[test]
    fn slugs_of_url_file_names() {
        assert_eq!(
            slug_words("site_tx__News_News-Releases_county-records-backlog-cleared-early.txt"),
            ["county", "records", "backlog", "cleared", "early"]
        );
        assert_eq!(
            slug_words("x/docs_2021_0513-PR-Man-sentenced-in-park-theft_pdf.txt"),
            ["0513", "pr", "man", "sentenced", "in", "park", "theft"]
        );
        assert!(slug_words("news_4460.txt").is_empty());
        assert!(slug_words("congress_jane_roe_L0001.txt").is_empty());
    }

    #[test]
    fn the_browser_title_printed_in_other_words() {
        let text = "Vane Opens River Trail, Thanks Volunteers - State of Springfield\nHome\nVane Opens River Trail and Thanks Volunteers\nBody.";
        let lines = super::super::lines_of(text, Span::new(0, text.len()));
        let browser = "Vane Opens River Trail, Thanks Volunteers";
        let (k, _, span) = similar_line(text, &lines, browser, 1).unwrap();
        assert_eq!(k, 2);
        assert_eq!(
            span.slice(text),
            "Vane Opens River Trail and Thanks Volunteers"
        );
        assert!(similar_line(text, &lines, "Council Passes the Budget", 1).is_none());
    }

    #[test]
    fn sentences_are_not_headlines() {
        assert!(is_sentence(
            "The council approved the new budget for the county on Tuesday."
        ));
        assert!(!is_sentence("Council Approves the New County Budget"));
        assert!(!is_sentence(
            "Budget passed by the council for Dale Vane Jr."
        ));
        assert!(!is_furniture("Council Approves the New County Budget"));
    }
}
