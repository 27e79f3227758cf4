//! Page chrome: what a scraped web page puts around a release (navigation, share
//! widgets, "Latest Posts" lists, footers), end markers, and pages that hold no release.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::pages::{BUTTON_WORDS, SECTION_FILLERS, SECTION_WORDS, SHARE_WIDGETS};
use crate::lexicon::states::STATES;

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
            (?:create|sign\s+in\s+to|log\s*in\s+to|register)\s+(?:an?\s+|your\s+)?(?:website\s+)?account\b.*
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
    let names: Vec<String> = STATES.iter().map(|s| regex::escape(s.name)).collect();
    Regex::new(&format!(
        r"\b(?:[A-Z]{{2}}|{})\s+\d{{5}}(?:-\d{{4}})?\b.*(?:\d{{3}}[)/.\- ]\s*\d{{3}}[.\-]\d{{3,4}}|•)",
        names.join("|")
    ))
    .expect("static regex")
});

/// Navigation links and form buttons: "Skip to: Content", "Jump to navigation",
/// "Submit Search", "Sign up for updates", "Search this site".
static NAVIGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)^(?:
            (?:skip|jump)\s+to\b.* | (?:go|return|back)\s+to(?:\s+\S+){{0,2}} |
            (?:{buttons})(?:\s+\S+){{0,2}} |
            (?:\S+\s+){{0,3}}(?:main|site|top|mobile|toggle|open|close)\s+(?:menu|navigation) | .{{0,40}}\bbutton
        )$",
        buttons = BUTTON_WORDS.join("|")
    ))
    .expect("static regex")
});

/// An image's file name, alone or with a caption after it ("IMG_2041.JPG",
/// "ribbon-cutting_03.png", "DSC0042").
static IMAGE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            \S+\.(?:jpe?g|png|gif|webp|svg|tiff?|bmp|heic)\b.* |
            (?:img|dsc|dscn|dcim|pxl|image|photo)[-_]?\d{2,}\S*
        )$",
    )
    .expect("static regex")
});

/// Photo credits and captions' labels: "Photo by Jo Marsh", "(Photo courtesy of the
/// county)", "Courtesy photo", "Photo credit: Office of the Governor", "Pictured: …".
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[(\[]?(?:
            (?:file\s+|staff\s+|courtesy\s+|submitted\s+)?(?:photos?|images?|photographs?|pictures?)\s*(?:credit|courtesy|by|:|[-–—]|/|\|).* |
            (?:photo|image)\s+(?:courtesy|credit).* |
            courtesy(?:\s+(?:photo|image|of))?\b.* |
            (?:pictured|caption|credit|left\s+to\s+right|from\s+left)\s*:.* |
            .{1,40}?/\s*(?:photo|staff|file)
        )[)\]]?$",
    )
    .expect("static regex")
});

/// Most words of a news-section name.
const SECTION_NAME_WORDS: usize = 5;

/// A breadcrumb trail ("Home > News > Press Releases", "Home / Newsroom / 2026").
static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[^>»›|]{1,40}?(?:\s*[>»›|]\s*|\s+/\s+)){2,}[^>»›|]{0,80}$")
        .expect("static regex")
});

/// True for a navigation link or form button ("Skip to:", "Submit Search").
pub fn is_navigation(line: &str) -> bool {
    NAVIGATION.is_match(line)
        || CHROME_LINE.is_match(line)
        || READ_MORE.is_match(line)
        || SHARE_WIDGETS.contains(&line.to_lowercase())
}

/// True for an image's file name ("IMG_2041.JPG", "plant-visit.png Springfield …").
pub fn is_image_name(line: &str) -> bool {
    IMAGE_NAME.is_match(line)
}

/// True for a photo credit or caption label ("Photo by Jo Marsh", "Courtesy photo").
pub fn is_photo_credit(line: &str) -> bool {
    PHOTO_CREDIT.is_match(line)
}

/// True for a breadcrumb trail of three or more parts ("Home > News > Releases").
pub fn is_breadcrumb(line: &str) -> bool {
    BREADCRUMB.is_match(line)
}

/// True for the name of a site's news section: a short line whose words are section
/// words ("Latest News", "News & Announcements"), possibly after a one- or two-word name
/// ("Governor's Newsroom", "County Press Releases").
pub fn is_section_name(line: &str) -> bool {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > SECTION_NAME_WORDS {
        return false;
    }
    let core = |w: &String| SECTION_WORDS.contains(w);
    let section = |w: &String| core(w) || SECTION_FILLERS.contains(w);
    let named = words.iter().take_while(|w| !section(w)).count();
    named <= 2 && words[named..].iter().all(section) && words[named..].iter().any(core)
}

/// True when a line ends the release (end mark or the heading of what follows it).
pub fn is_end_line(line: &str) -> bool {
    END_LINE.is_match(line) || is_address_footer(line)
}

/// A share or print widget's heading ("Share", "Share this page", "Print"): it ends a
/// release when met after the body, but pages also print it between the headline and
/// the body.
static WIDGET_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            share(?:\s+this(?:\s+(?:post|page|article|story))?)?:? | share\s+on\s+\w+ |
            print(?:\s+this\s+page)? | print\s+friendly
        )$",
    )
    .expect("static regex")
});

/// True for a share or print widget's heading ("Share", "Share this page", "Print").
pub fn is_widget_heading(line: &str) -> bool {
    WIDGET_HEADING.is_match(line)
}

/// True when a line is a postal address with a ZIP code and a phone number (a page or
/// letterhead footer).
pub fn is_address_footer(line: &str) -> bool {
    // Most lines hold no five digits in a row; they skip the regex and its long list of
    // state names (every line is asked whether it ends the release).
    let mut run = 0;
    let zip = line.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 5
    });
    zip && ADDRESS_FOOTER.is_match(line)
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
    } else if LISTING_TITLE.is_match(first_line)
        && super::header::browser_site(first_line).is_some()
    {
        // Only a browser-title line ("Newsroom | Site") names the page; a bare
        // "Newsroom" opening scraped text is the site's section label above a release.
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
            "Quill Annex, 4 Elm Rd., Fernvale, North Dakota 58001 • 555.201.7788",
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
    fn header_chrome_shapes() {
        for l in [
            "Skip to:",
            "Skip to: Content",
            "Jump to navigation",
            "Submit Search",
            "Subscribe",
            "Search this site",
            "Main menu",
            "Sign up now",
            "Tweet",
            "LinkedIn",
        ] {
            assert!(is_navigation(l), "{l}");
        }
        for l in [
            "Governor Signs the Search and Rescue Act",
            "Search Continues for Missing Hiker",
            "Tweets",
            "Email the office",
        ] {
            assert!(!is_navigation(l), "{l}");
        }
        for l in [
            "IMG_2041.JPG",
            "ribbon-cutting_03.png",
            "DSC0042",
            "lake-cleanup.jpg Volunteers at the lake",
        ] {
            assert!(is_image_name(l), "{l}");
        }
        assert!(!is_image_name("Lake Cleanup Draws 300 Volunteers"));
        for l in [
            "Photo by Jo Marsh",
            "(Photo courtesy of the county)",
            "Courtesy photo",
            "Photo credit: Office of the Governor",
            "Pictured: Mayor Dale Vane and staff",
            "Photo: Springfield Police",
            "Jo Marsh / Staff",
        ] {
            assert!(is_photo_credit(l), "{l}");
        }
        assert!(!is_photo_credit(
            "Photographers Honored at Capitol Ceremony"
        ));
        assert!(is_breadcrumb("Home > News > Press Releases"));
        assert!(is_breadcrumb("Home / Newsroom / 2026"));
        assert!(!is_breadcrumb("Man Charged in 2024/2025 Tax Case"));
        assert!(!is_breadcrumb("Father/Son Duo Charged in 24/7 Scheme"));
        for l in [
            "Latest News",
            "News & Announcements",
            "Governor's Newsroom",
            "County Press Releases",
            "Media Center",
        ] {
            assert!(is_section_name(l), "{l}");
        }
        for l in [
            "Media Pushes for Release of Records",
            "Man Charged",
            "Council Approves Budget News",
        ] {
            assert!(!is_section_name(l), "{l}");
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
        // A bare section label opening scraped text is no browser title.
        assert!(page_reason("Newsroom").is_none());
        assert!(is_widget_heading("Share this page"));
        assert!(is_widget_heading("Print"));
        assert!(!is_widget_heading("Related News"));
        assert!(is_listing_name("Press Releases 2019"));
        assert!(is_listing_name("2021 Press Releases"));
        assert!(!is_listing_name("Springfield DA NewsCenter"));
    }
}
