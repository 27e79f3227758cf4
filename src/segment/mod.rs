//! Segmentation: turns a raw release into header fields, body paragraphs and sentences.
//!
//! Two layouts:
//! * a `DATE<TAB>text` line of a congress file ([`SourceFormat::Lines`]): the date is the
//!   given one, the issuer the member named by the file, and a headline is recovered from
//!   the "share: f t" widget text where the page had one;
//! * a page (plain text, HTML, JSON Lines): the printed headline is found (from the
//!   browser-title line or the given title when there is one), the body starts at the
//!   first paragraph of running prose or at the dateline, and stops at the first end mark
//!   or page-chrome heading. Header fields are read from the lines around the headline.
//!
//! Pages that hold no release (bot checks, listing pages, chrome only) are
//! [`NotARelease`].

mod chrome;
mod date;
mod dating;
mod header;
mod member;
mod sentences;
mod title;

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{release_id, Header, RawRelease, Release, Sentence, SourceFormat, Span};

/// Why a raw release was not turned into a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotARelease {
    /// Human-readable reason ("listing page", "no body text").
    pub reason: String,
}

impl NotARelease {
    fn new(reason: &str) -> Self {
        NotARelease {
            reason: reason.to_string(),
        }
    }
}

/// One non-empty line of the release, trimmed.
#[derive(Debug, Clone, Copy)]
struct Line {
    /// Where the trimmed line is (file offsets).
    span: Span,
    /// True when one or more blank lines precede it.
    blank_before: bool,
}

/// The lines of `region` of `text`.
fn lines_of(text: &str, region: Span) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = region.start;
    let mut blank = false;
    for raw in text[region.range()].split_inclusive('\n') {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            blank = true;
        } else {
            let start = pos + (raw.len() - raw.trim_start().len());
            out.push(Line {
                span: Span::new(start, start + trimmed.len()),
                blank_before: blank,
            });
            blank = false;
        }
        pos += raw.len();
    }
    out
}

/// What the layouts find: the header and the body's paragraphs.
struct Layout {
    header: Header,
    paragraphs: Vec<Span>,
}

/// Segments one raw release.
pub fn segment(raw: RawRelease) -> Result<Release, NotARelease> {
    let text = &*raw.text;
    if text.get(raw.span.range()).is_none() {
        return Err(NotARelease::new("release span is outside its text"));
    }
    let layout = match raw.format {
        SourceFormat::Lines => line_layout(&raw),
        _ => page_layout(&raw)?,
    };
    if layout.paragraphs.is_empty()
        && layout.header.title.is_none()
        && raw.format != SourceFormat::Lines
    {
        return Err(NotARelease::new("no body text"));
    }
    let sentences: Vec<Sentence> = layout
        .paragraphs
        .iter()
        .enumerate()
        .flat_map(|(paragraph, &p)| {
            sentences::split(text, p)
                .into_iter()
                .map(move |span| Sentence { span, paragraph })
        })
        .collect();
    let body = match (layout.paragraphs.first(), layout.paragraphs.last()) {
        (Some(first), Some(last)) => Span::new(first.start, last.end),
        _ => Span::new(raw.span.end, raw.span.end),
    };
    Ok(Release {
        id: release_id(&raw.source, raw.record),
        source: raw.source,
        record: raw.record,
        format: raw.format,
        encoding: raw.encoding,
        body,
        paragraphs: layout.paragraphs,
        sentences,
        header: layout.header,
        ner: Vec::new(),
        token_layer: Default::default(),
        press: Vec::new(),
        span: raw.span,
        text: raw.text,
    })
}

/// An image file name opening a congress line ("stand down.jpg ").
static IMAGE_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^.\n]{1,60}?\.(?:jpe?g|png|gif)\s+").expect("static regex"));

/// End marks closing a congress line ("… into law. ###", "-30- ###", "(###)").
static TRAILING_END_MARKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\s*\(?(?:#{3,}|[-–—]+\s*30\s*[-–—]+)\)?)+\s*$").expect("static regex")
});

/// The widget text congress pages put between a release's teaser and its headline.
const SHARE_WIDGET: &str = "share: f t ";

/// One `DATE<TAB>text` line of a congress file. The whole line is the release; when the
/// scraped page's "share" widget text is present, the teaser before it repeats the body
/// and the headline follows it, glued to the first body word ("…JonesI would like").
fn line_layout(raw: &RawRelease) -> Layout {
    let text = &*raw.text;
    let region = raw.span.slice(text);
    let lead = region.len() - region.trim_start().len();
    let content = Span::new(
        raw.span.start + lead,
        raw.span.start + lead + region.trim().len(),
    );
    let mut header = Header {
        date: raw.given_date.as_deref().and_then(date::parse),
        ..Header::default()
    };
    let mut body_start = content.start;
    if let Some(i) = content.slice(text).find(SHARE_WIDGET) {
        let after = content.start + i + SHARE_WIDGET.len();
        body_start = after;
        if let Some(glue) = glued_headline_end(&text[after..content.end]) {
            header.title = Some(Span::new(after, after + glue));
            body_start = after + glue;
        }
    }
    // Scraped pages put an image's file name before the text ("plant.jpg (Springfield) …").
    if let Some(m) = IMAGE_NAME.find(&text[body_start..content.end]) {
        body_start += m.end();
    }
    if let (None, Some(given)) = (header.title, header.date) {
        if let Some((end, body)) = title::before_printed_date(&text[body_start..content.end], given)
        {
            header.title = Some(Span::new(body_start, body_start + end));
            body_start += body;
        }
    }
    let body_end = body_start
        + TRAILING_END_MARKS
            .find(&text[body_start..content.end])
            .map_or(content.end - body_start, |m| m.start());
    let body = Span::new(body_start, body_end);
    if let Some((place, _)) = header::dateline(body.slice(text)) {
        header.dateline = Some(Span::new(body.start + place.start, body.start + place.end));
    }
    header.issuer = member::member_from_file_name(&raw.source).map(|name| {
        format!(
            "Office of {} {name}",
            member::member_title(content.slice(text), &name, &raw.source)
        )
    });
    Layout {
        header,
        paragraphs: if body.is_empty() {
            Vec::new()
        } else {
            vec![body]
        },
    }
}

/// Where a headline glued to the first body word ends: the first lowercase-to-capital
/// join after a word of three or more lowercase letters ("JonesI"), within the first
/// 200 bytes and before any sentence end.
fn glued_headline_end(s: &str) -> Option<usize> {
    let mut lower_run = 0usize;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        if i > 200 {
            return None;
        }
        if c.is_uppercase() && lower_run >= 3 && prev.is_lowercase() {
            let title = s[..i].trim();
            return (title.split_whitespace().count() >= 2).then_some(i);
        }
        if matches!(prev, '.' | '!' | '?') && c == ' ' {
            return None;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        prev = c;
    }
    None
}

/// Fewer words of running prose than this in a page's body means the page holds no
/// release (a form, a menu, a flyer).
const MIN_PROSE_WORDS: usize = 8;

/// A page body longer than this is a report, not a release.
const MAX_BODY_WORDS: usize = 5_000;

/// True when a line starts with a dash (the text after a dateline printed on its own line).
fn starts_with_dash(line: &str) -> bool {
    line.starts_with(['–', '—', '-'])
}

/// A page: one release, possibly surrounded by chrome.
fn page_layout(raw: &RawRelease) -> Result<Layout, NotARelease> {
    let text = &*raw.text;
    let lines = lines_of(text, raw.span);
    let Some(first) = lines.first() else {
        return Err(NotARelease::new("no text"));
    };
    let line = |k: usize| lines[k].span.slice(text);
    let first_text = first.span.slice(text);
    if raw.format != SourceFormat::Jsonl {
        if let Some(reason) = chrome::page_reason(first_text) {
            return Err(NotARelease::new(reason));
        }
    }

    // The headline, found again below the browser-title line (or the given title).
    let (candidates, search_from) = match raw.given_title.as_deref() {
        Some(t) => (vec![t], 0),
        None => (header::browser_titles(first_text), 1),
    };
    let candidate = candidates.first();
    let matched = candidates
        .iter()
        .find_map(|c| find_title(text, &lines, c, search_from));
    if matched.is_none()
        && raw.given_title.is_none()
        && header::browser_site(first_text).is_some_and(chrome::is_listing_name)
    {
        return Err(NotARelease::new("listing page (news index), not a release"));
    }
    let matched = matched.or_else(|| {
        let c = candidates.first()?;
        title::similar_line(text, &lines, c, search_from)
    });
    let region_start = match matched {
        Some((_, last, _)) => last + 1,
        // The first line is the browser title the candidate came from; a title given
        // outside the text (JSON field, HTML <h1>) says nothing about the first line.
        // A first line of running prose is the body's, not a browser title.
        None if candidate.is_some() && raw.given_title.is_none() && !is_prose(text, &lines, 0) => 1,
        None => 0,
    };

    let (b, prose) = body_start(
        text,
        &lines,
        region_start,
        matched.map(|(_, _, span)| span.slice(text)),
    )?;
    let texts: Vec<&str> = lines.iter().map(|l| l.span.slice(text)).collect();
    // An address footer printed again further down is a converted PDF's page footer: a
    // page break inside the release, not its end (the last page's copy, or an end mark,
    // ends it).
    let mut footers: Vec<&str> = Vec::new();
    let end = (b + 1..lines.len())
        .find(|&k| {
            let l = line(k);
            if chrome::is_end_line(l) {
                if chrome::is_address_footer(l) && texts[k + 1..].contains(&l) {
                    footers.push(l);
                    return false;
                }
                return true;
            }
            chrome::starts_fragment_run(&texts[k..])
                // Page metadata under the release ("Updated May 6, 2026") and its
                // contact block ("Media Contact:", "Media Contact: Jo Marsh, …").
                || (header::ends_sentence(line(k - 1))
                    && (dating::is_dated_label_line(l) || header::opens_contact_block(l)))
                || (date::find(l).is_some_and(|f| f.start == 0)
                    && date::is_date_line(l)
                    && l.split_whitespace().count() <= 5
                    && header::ends_sentence(line(k - 1)))
        })
        .unwrap_or(lines.len());
    let prose_words: usize = (b..end)
        .filter(|&k| is_prose(text, &lines, k) || header::dateline(line(k)).is_some())
        .map(|k| line(k).split_whitespace().count())
        .sum();
    if prose && prose_words < MIN_PROSE_WORDS && raw.format != SourceFormat::Jsonl {
        return Err(NotARelease::new("no body text (too little running prose)"));
    }
    let words: usize = (b..end).map(|k| line(k).split_whitespace().count()).sum();
    if words > MAX_BODY_WORDS {
        return Err(NotARelease::new("long document (report), not a release"));
    }

    let mut header = Header::default();
    let mut listed = false;
    let title_lines = match matched {
        Some((first, last, span)) => {
            header.title = Some(span);
            Some((first, last))
        }
        None if raw
            .given_title
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty()) =>
        {
            header.given_title = raw.given_title.clone();
            None
        }
        None => match nearest_title(text, &lines, b) {
            Some((first, last, span, subtitle)) => {
                header.title = Some(span);
                header.subtitle = subtitle;
                Some((first, last))
            }
            // No headline above the body: the page's own entry in a list of releases,
            // found by the file name.
            None => title::slug_line(text, &lines, &title::slug_words(&raw.source), 0).map(|k| {
                header.title = Some(lines[k].span);
                listed = true;
                (k, k)
            }),
        },
    };
    if matched.is_some() {
        header.subtitle = title::subtitle(text, &lines, region_start, b, header.title);
    }
    let window_start = title_lines.map_or(b.saturating_sub(8), |(f, _)| f.saturating_sub(6));
    header.date = dating::release_date(
        raw,
        &lines,
        dating::Where {
            window_start,
            title: title_lines.map(|(f, _)| f),
            body: b,
            listed,
        },
    );
    if let Some((place, _)) = header::dateline(line(b)) {
        header.dateline = Some(shift(place, lines[b].span.start));
    } else if b + 1 < lines.len()
        && starts_with_dash(line(b + 1))
        && line(b).split_whitespace().count() <= 4
        && header::is_place(line(b))
    {
        header.dateline = Some(lines[b].span);
    }
    let tail_end = (end + 12).min(lines.len());
    let contact_lines: Vec<usize> = (window_start..b).chain(end..tail_end).collect();
    contacts(text, &lines, &contact_lines, &mut header);
    header.issuer = issuer(first_text, raw.span.slice(text));

    let paragraphs = paragraphs(text, &lines[b..end], &footers);
    Ok(Layout { header, paragraphs })
}

fn shift(r: std::ops::Range<usize>, offset: usize) -> Span {
    Span::new(r.start + offset, r.end + offset)
}

/// Letters and digits of a text, lower-cased: what headline matching compares.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Bytes of a line taken by a headline label or a leading date ("June 5, 2026: ").
fn title_prefix_len(line: &str) -> usize {
    let mut cut = header::label_len(line);
    if let Some(f) = date::find(&line[cut..]) {
        if f.start == 0 {
            let rest = &line[cut + f.end..];
            let skipped = rest.len()
                - rest
                    .trim_start_matches([':', ' ', '|', '-', '–', '—'])
                    .len();
            if skipped > 0 {
                cut += f.end + skipped;
            }
        }
    }
    cut
}

/// The first occurrence of `candidate` as a line (or up to four consecutive lines) from
/// line `from` on: (first line, last line, headline span).
fn find_title(
    text: &str,
    lines: &[Line],
    candidate: &str,
    from: usize,
) -> Option<(usize, usize, Span)> {
    let want = norm(candidate);
    if want.len() < 6 {
        return None;
    }
    for i in from..lines.len() {
        let l = lines[i].span.slice(text);
        let cut = title_prefix_len(l);
        let mut got = norm(&l[cut..]);
        if got.len() < 6 || !want.starts_with(&got) {
            continue;
        }
        // A breadcrumb shortens the headline ("Ten Year Prison Term for Man…"): the
        // release starts after it; the full headline is printed further down, if at all.
        let shortened = l.trim_end_matches(['.', '…']);
        if shortened.len() < l.len() && got.len() >= 15 && got != want {
            let span = find_title(text, lines, candidate, i + 1).map_or_else(
                || {
                    Span::new(
                        lines[i].span.start + cut,
                        lines[i].span.start + shortened.len(),
                    )
                },
                |(_, _, s)| s,
            );
            return Some((i, i, span));
        }
        let mut j = i;
        while got != want && j + 1 < lines.len() && j < i + 3 {
            j += 1;
            got.push_str(&norm(lines[j].span.slice(text)));
            if !want.starts_with(&got) {
                break;
            }
        }
        if got == want {
            let start = lines[i].span.start + cut;
            return Some((i, j, Span::new(start, lines[j].span.end)));
        }
    }
    None
}

/// True when a line reads as running prose: enough words, mostly lower case, and it
/// ends a sentence or runs on into the next line.
fn is_prose(text: &str, lines: &[Line], k: usize) -> bool {
    let l = lines[k].span.slice(text);
    let words = l.split_whitespace().count();
    if words < 8 || header::lowercase_share(l) < 0.3 || chrome::is_chrome_line(l) {
        return false;
    }
    let runs_on = lines
        .get(k + 1)
        .is_some_and(|n| starts_continuation(n.span.slice(text)));
    header::ends_sentence(l) || runs_on || words >= 25
}

/// True when a line continues the previous one: it starts in lower case or with
/// punctuation that cannot open a sentence.
fn starts_continuation(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | '.' | ';' | ':' | ')' | ']'))
}

/// The line where the body starts: a dateline followed by prose, or the first prose
/// line, from line `from` on.
///
/// When `bounded` (the headline was found, so `from` is inside the release) the search
/// stops at the first end mark; a release with no prose before it (a media advisory's
/// WHO/WHAT/WHEN list) starts at its first line that is not header filler. The flag says
/// whether the body starts with prose.
fn body_start(
    text: &str,
    lines: &[Line],
    from: usize,
    title: Option<&str>,
) -> Result<(usize, bool), NotARelease> {
    let line = |k: usize| lines[k].span.slice(text);
    let bounded = title.is_some();
    // The headline printed again (some pages print it three times).
    let title_norm = title.map(norm);
    let repeats_title = |k: usize| {
        let l = line(k);
        title_norm.as_deref() == Some(norm(&l[title_prefix_len(l)..]).as_str())
    };
    let limit = if bounded {
        (from..lines.len())
            // A share or print widget printed between the headline and the body
            // ("Headline" / "May 4, 2026" / "Share" / "SPRINGFIELD – …") is passed over.
            .find(|&k| chrome::is_end_line(line(k)) && !chrome::is_widget_heading(line(k)))
            .unwrap_or(lines.len())
    } else {
        lines.len()
    };
    let found = (from..limit).find(|&k| {
        if repeats_title(k) {
            return false;
        }
        if k == 0
            && from == 0
            && lines.len() > 1
            && header::browser_title(line(0)).is_some()
            && !is_prose(text, lines, 0)
        {
            return false;
        }
        if let Some((_, rest)) = header::dateline(line(k)) {
            let rest = &line(k)[rest..];
            let prose_rest = rest.split_whitespace().count() >= 4
                && rest
                    .split_whitespace()
                    .filter(|w| w.starts_with(char::is_lowercase))
                    .count()
                    >= 2;
            let bare = rest.is_empty() || date::is_date_line(rest);
            if k > 0
                && (prose_rest || (bare && k + 1 < lines.len() && is_prose(text, lines, k + 1)))
            {
                return true;
            }
        }
        is_prose(text, lines, k) && !title::is_wrapped_headline(text, lines, k)
    });
    let Some(mut b) = found else {
        let listed = (from..limit).find(|&k| !is_header_filler(line(k)) && !repeats_title(k));
        return match listed {
            Some(k) if limit < lines.len() => Ok((k, false)),
            _ => Err(NotARelease::new("no body text (page chrome only)")),
        };
    };
    // A summary line just above the dateline is a subtitle: the body starts at the dateline.
    if header::dateline(line(b)).is_none() {
        if let Some(d) = (b + 1..(b + 3).min(limit))
            .find(|&k| header::dateline(line(k)).is_some_and(|(_, rest)| rest < line(k).len()))
        {
            if (b..d).all(|k| line(k).split_whitespace().count() < 30) {
                b = d;
            }
        }
    }
    if lines
        .get(b + 1)
        .is_some_and(|n| chrome::is_read_more(n.span.slice(text)))
    {
        return Err(NotARelease::new(
            "listing page (teasers with \"Read more\" links), not a release",
        ));
    }
    // A sentence broken over short lines ("District Attorney" / "Ada Quill" / "and …").
    if b > from && starts_continuation(line(b)) {
        while b > from && starts_continuation(line(b)) {
            b -= 1;
        }
        for _ in 0..2 {
            let p = b.wrapping_sub(1);
            if b > from
                && p < lines.len()
                && !lines[b].blank_before
                && line(p).split_whitespace().count() <= 6
                && !starts_continuation(line(p))
                && !header::ends_sentence(line(p))
                && !date::is_date_line(line(p))
                && !header::is_label_line(line(p))
                && !chrome::is_chrome_line(line(p))
            {
                b = p;
            }
        }
    }
    // A dateline on a line of its own before the dash ("WESTMINSTER" / "– The office …").
    if b > from && starts_with_dash(line(b)) {
        let p = line(b - 1);
        if p.split_whitespace().count() <= 4 && header::lowercase_share(p) == 0.0 {
            b -= 1;
        }
    }
    Ok((b, true))
}

/// True for a line of eight words or more, at least half of them lower case: prose,
/// even when it does not end a sentence.
fn reads_as_prose(line: &str) -> bool {
    line.split_whitespace().count() >= 8 && header::lowercase_share(line) >= 0.5
}

/// A headline line at least this long with the next line right under it was wrapped.
const WRAPPED_TITLE_LEN: usize = 40;

/// Function words a headline line can end with when it runs on to the next line.
fn ends_with_function_word(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "with", "from", "and", "or",
        "as", "into", "after", "over", "against", "about",
    ];
    line.split_whitespace()
        .next_back()
        .is_some_and(|w| WORDS.contains(&w.to_lowercase().as_str()))
}

/// Lines skipped when looking up from the body for the headline.
fn is_header_filler(line: &str) -> bool {
    date::is_date_line(line)
        || dating::is_dated_label_line(line)
        || header::is_byline(line)
        || header::is_label_line(line)
        || header::phone(line).is_some()
        || header::email(line).is_some()
        || chrome::is_chrome_line(line)
        || header::dateline(line).is_some_and(|(_, rest)| rest >= line.len())
}

/// Without a browser title: the headline is the group of headline-like lines nearest
/// above the body, its first line(s) the title and the next one the subtitle.
fn nearest_title(
    text: &str,
    lines: &[Line],
    b: usize,
) -> Option<(usize, usize, Span, Option<Span>)> {
    let line = |k: usize| lines[k].span.slice(text);
    let lowest = b.saturating_sub(10);
    let mut k = b;
    while k > lowest && {
        let l = line(k - 1);
        is_header_filler(l)
            || title::is_furniture(l)
            || title::is_sentence(l)
            || title::in_menu_run(text, lines, k - 1)
    } {
        k -= 1;
    }
    // The group [top, k) of headline-like lines.
    let mut top = k;
    while top > lowest && top + 4 > k {
        let l = line(top - 1);
        let cut = title_prefix_len(l);
        // A last word wrapped onto its own line ("… Bo Vernon" / "Vale").
        let wrapped_word = top >= 2
            && top - 1 > lowest
            && !lines[top - 1].blank_before
            && l.split_whitespace().count() == 1
            && l.starts_with(char::is_uppercase)
            && header::is_title_like(line(top - 2));
        let placed_as_chrome =
            title::in_menu_run(text, lines, top - 1) || title::in_dated_list(text, lines, top - 1);
        if !(header::is_title_like(&l[cut..]) || wrapped_word)
            || is_header_filler(l)
            || title::is_furniture(l)
            || placed_as_chrome
        {
            break;
        }
        top -= 1;
        if cut > 0 {
            break;
        }
    }
    let one_short_line =
        top + 1 == k && line(top).split_whitespace().count() < title::MIN_HEADLINE_WORDS;
    if top == k || one_short_line {
        return None;
    }
    let mut last = top;
    // A headline wrapped over lines: the first runs on (function word, long line with no
    // blank line after it) or the next starts in lower case.
    while last + 1 < k
        && (ends_with_function_word(line(last))
            || starts_continuation(line(last + 1))
            || (line(last).len() >= WRAPPED_TITLE_LEN
                && !lines[last + 1].blank_before
                && !reads_as_prose(line(last + 1))))
    {
        last += 1;
    }
    let start = lines[top].span.start + title_prefix_len(line(top));
    let title = Span::new(start, lines[last].span.end);
    let subtitle = (last + 1 < k).then(|| lines[last + 1].span);
    Some((top, last, title, subtitle))
}

/// Contact name, phone and e-mail from the given header and tail lines.
fn contacts(text: &str, lines: &[Line], candidates: &[usize], header: &mut Header) {
    let line = |k: usize| lines[k].span.slice(text);
    for (n, &k) in candidates.iter().enumerate() {
        let l = line(k);
        let at = lines[k].span.start;
        if header.contact_name.is_none() {
            let person =
                |r: &std::ops::Range<usize>, s: &str| header::is_person_name(&s[r.clone()]);
            if let Some(r) = header::contact_name(l).filter(|r| person(r, l)) {
                header.contact_name = Some(shift(r, at));
            } else if header::is_bare_contact_label(l) {
                if let Some(&next) = candidates.get(n + 1) {
                    let nl = line(next);
                    let cut = title_prefix_len(nl);
                    let rest = &nl[cut..];
                    if let Some(r) = header::leading_name(rest).filter(|r| person(r, rest)) {
                        header.contact_name = Some(shift(r, lines[next].span.start + cut));
                    }
                }
            } else if header::is_name_line(l)
                && header::is_person_name(l)
                && candidates[n + 1..]
                    .iter()
                    .take(2)
                    .any(|&j| header::phone(line(j)).is_some())
            {
                header.contact_name = Some(lines[k].span);
            }
        }
        if header.contact_phone.is_none() {
            header.contact_phone = header::phone(l).map(|r| shift(r, at));
        }
        if header.contact_email.is_none() {
            header.contact_email = header::email(l).map(|r| shift(r, at));
        }
    }
}

/// The issuing office: an office named in the browser title, else the first office named
/// in the text. (Never a table of known sites: whosaid must work on offices it has not seen.)
fn issuer(first_line: &str, text: &str) -> Option<String> {
    header::browser_site(first_line)
        .and_then(header::office)
        .map(str::to_string)
        .or_else(|| header::office_of_prosecutor(text))
        .or_else(|| header::office(text).map(str::to_string))
}

/// Paragraphs of the body lines: a blank line always separates two; otherwise a line
/// runs on from the previous one when that one does not end a sentence and either line
/// is long (wrapped text) or this one starts in lower case.
fn paragraphs(text: &str, body: &[Line], footers: &[&str]) -> Vec<Span> {
    let kept: Vec<&Line> = body
        .iter()
        .filter(|l| {
            let s = l.span.slice(text);
            !chrome::is_chrome_line(s) && !footers.contains(&s)
        })
        .collect();
    let mut out: Vec<Span> = Vec::new();
    for (k, l) in kept.iter().enumerate() {
        let s = l.span.slice(text);
        let joins = k > 0 && !l.blank_before && {
            let p = kept[k - 1].span.slice(text);
            // The line after this one runs on from it: this one is mid-sentence
            // ("District Attorney" / "Ada Quill" / "said today …").
            let mid_sentence = kept
                .get(k + 1)
                .is_some_and(|n| !n.blank_before && starts_continuation(n.span.slice(text)));
            // Dateline dashes join what is on either side ("CHICAGO" / "—" / "The …").
            let dash = s.starts_with(['–', '—']) || (starts_with_dash(p) && p.chars().count() <= 2);
            starts_continuation(s)
                || dash
                || (!header::ends_sentence(p)
                    && (p.len() >= 60
                        || s.len() >= 60
                        || ends_with_function_word(p)
                        || mid_sentence)
                    && (mid_sentence || !header::is_name_line(p)))
        };
        match out.last_mut() {
            Some(last) if joins => last.end = l.span.end,
            _ => out.push(l.span),
        }
    }
    out
}

#[cfg(test)]
mod tests;
