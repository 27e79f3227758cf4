//! Page chrome: what a scraped web page puts around a release (navigation, share
//! widgets, "Latest Posts" lists, footers), end markers, and pages that hold no release.

use std::sync::LazyLock;

use regex::Regex;

/// A line that ends the release: end marks (`###`, `# # #`, `-30-`, `—30—`) and the
/// headings of what pages put after a release.
static END_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            \#(?:\s*\#)* |
            [-–—]+\s*30\s*[-–—]+ |
            \*{3,} |
            (?:related|latest|recent|more|other|similar)\s+(?:posts?|news|articles?|stories|releases|news\s+releases|press\s+releases) |
            share(?:\s+this(?:\s+(?:post|page|article|story))?)?:? |
            share\s+on\s+\w+ |
            tagged\s+(?:with|as):? | tags?:.* |
            documents\s+to\s+download | links?: | attachments?: | downloads?: |
            back(?:\s+to\s+(?:top|news|press\s+releases|newsroom))? |
            print(?:\s+this\s+page)? | print\s+friendly |
            newsletter\s+sign-?up | stay\s+connected | follow\s+us |
            sign\s+up\s+for\s+(?:our\s+)?(?:newsletter|updates|email\s+updates) |
            about\s+the\s+(?:office|department|agency)(?:\s+of\s+.*)? |
            previous\s+(?:post|article) | next\s+(?:post|article) |
            view\s+all(?:\s+news)? | posted\s+in:?.* | categories:? |
            leave\s+a\s+(?:reply|comment) | comments? |
            https?://\S+\.(?:jpe?g|png|gif|webp|svg)(?:\?\S*)?
        )$",
    )
    .expect("static regex")
});

/// Lines that are chrome wherever they stand and are never part of a paragraph.
static CHROME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            \[[^\]]{0,40}\] | \d{1,3} |
            (?:leer|ver|read|lea)\s+(?:en|in)\s+(?:español|espanol|spanish|english|inglés) |
            read\s+more(?:\s*(?:\.\.\.|…|»|>))? |
            click\s+here(?:\s+to\s+.{0,40})? |
            skip\s+to\s+(?:main\s+)?content |
            (?:create|sign\s+in\s+to|log\s*in\s+to|register)\s+(?:an?\s+|your\s+)?(?:website\s+)?account\b.* |
            (?:tweet|email|facebook|twitter|linkedin|pinterest|x)
        )$",
    )
    .expect("static regex")
});

/// "Read more" links under teasers: their presence right after the first text of a page
/// marks a listing page.
static READ_MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:read|view|continue\s+reading|learn)\s+more\b.{0,12}$")
        .expect("static regex")
});

/// Pages served instead of the release: bot checks, errors.
static BLOCKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:pardon our interruption|access denied|page not found|404\b|403 forbidden|just a moment|attention required|request rejected|service unavailable)",
    )
    .expect("static regex")
});

/// Browser titles of listing and archive pages ("News - DA NewsCenter", "Newsroom | …").
/// The singular "News Release" / "Press Release" is the label atop one release, not a
/// listing.
static LISTING_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\d{4}\s+)?(?:news|newsroom|press|press\s+releases|news\s+releases|media|media\s+center|archives?|latest\s+news|all\s+news|blog|search\s+results?)(?:\s+archive)?(?:\s*(?:page\s*)?\d+)?\s*(?:$|[|\-–—>•·])",
    )
    .expect("static regex")
});

/// A postal address with a ZIP code and a phone number: a page or letterhead footer.
static ADDRESS_FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[A-Z]{2}|Texas|California|Florida|Illinois|Arizona|New York|Missouri)\s+\d{5}(?:-\d{4})?\b.*(?:\d{3}[)/.\- ]\s*\d{3}[.\-]\d{3,4}|•)")
        .expect("static regex")
});

/// True when a line ends the release (end mark or the heading of what follows it).
pub fn is_end_line(line: &str) -> bool {
    END_LINE.is_match(line) || is_address_footer(line)
}

/// True when a line is a postal address with a ZIP code and a phone number (a page or
/// letterhead footer).
pub fn is_address_footer(line: &str) -> bool {
    ADDRESS_FOOTER.is_match(line)
}

/// True when a line is a widget or link label that never belongs to a paragraph.
pub fn is_chrome_line(line: &str) -> bool {
    CHROME_LINE.is_match(line)
}

/// True for a "Read more" link line.
pub fn is_read_more(line: &str) -> bool {
    READ_MORE.is_match(line)
}

/// The reason a page is not a release when its first line says it is a bot check or an
/// error page, or its browser title names a listing.
pub fn page_reason(first_line: &str) -> Option<&'static str> {
    if BLOCKED.is_match(first_line) {
        Some("blocked or error page, not a release")
    } else if LISTING_TITLE.is_match(first_line) {
        Some("listing page (news index), not a release")
    } else {
        None
    }
}

/// True when `lines` (the lines from a body line on) start with a run of one-word
/// fragments: a logo or menu set one letter group per line ("T" / "HE" / "B" / "ROOKLYN").
pub fn starts_fragment_run(lines: &[&str]) -> bool {
    lines.len() >= FRAGMENT_RUN
        && lines[..FRAGMENT_RUN].iter().all(|l| {
            l.chars().count() <= 10
                && !l.contains(char::is_whitespace)
                && !l.ends_with(['.', ',', ';', ':', '!', '?'])
        })
}

/// How many one-word lines in a row end a body.
const FRAGMENT_RUN: usize = 4;

/// True when a browser title's site part names a listing ("Press Releases 2019").
pub fn is_listing_name(site: &str) -> bool {
    LISTING_TITLE.is_match(site)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_lines() {
        for l in [
            "###",
            "# # #",
            "#",
            "-30-",
            "—30—",
            "Related Posts",
            "Latest News",
            "Recent News",
            "Share",
            "Tagged with:",
            "Documents to download",
            "Links:",
            "About the Office",
            "https://example.org/wp-content/uploads/2022/01/photo.jpg",
            "Hall of Records 100 Main St., Springfield, IL 62701 555/555-1234",
            "Hall of Records • 100 Main Blvd. • Springfield, Texas 75207-4399 • 555/653-360",
            "Tags: awards recognition",
        ] {
            assert!(is_end_line(l), "{l}");
        }
        for l in [
            "The office shared the report.",
            "#1 priority is safety.",
            "Latest figures show a drop.",
            "https://example.org/consumers",
        ] {
            assert!(!is_end_line(l), "{l}");
        }
    }

    #[test]
    fn fragment_runs() {
        assert!(starts_fragment_run(&["T", "HE", "B", "ROOKLYN", "D"]));
        assert!(!starts_fragment_run(&["th", "Street.", "The case", "ends"]));
        assert!(!starts_fragment_run(&["T", "HE"]));
    }

    #[test]
    fn chrome_lines_and_read_more() {
        assert!(is_chrome_line("[TWEET THIS]"));
        assert!(is_chrome_line("[ Leer en Español ]"));
        assert!(is_chrome_line("LEER EN ESPAÑOL"));
        assert!(is_chrome_line("6"));
        assert!(is_chrome_line("Read more..."));
        assert!(is_chrome_line("Skip to main content"));
        assert!(is_chrome_line(
            "Create a Website Account - Choose which alerts you get and more."
        ));
        assert!(!is_chrome_line("Read more about the case in the filing."));
        assert!(is_read_more("Read More"));
        assert!(is_read_more("Read more…"));
        assert!(!is_read_more("Readers were told more."));
    }

    #[test]
    fn pages_without_a_release() {
        assert!(page_reason("Pardon Our Interruption").is_some());
        assert!(page_reason("News - Springfield DA NewsCenter").is_some());
        assert!(page_reason("Newsroom | Springfield County Attorney's Office").is_some());
        assert!(page_reason("Newsroom Staff Honoured - Springfield DA").is_none());
        assert!(page_reason("Man Charged in Theft | Springfield DA").is_none());
        assert!(page_reason("PRESS RELEASE: Man Charged - Springfield DA").is_none());
        assert!(is_listing_name("Press Releases 2019"));
        assert!(is_listing_name("2021 Press Releases"));
        assert!(!is_listing_name("Springfield DA NewsCenter"));
    }
}
