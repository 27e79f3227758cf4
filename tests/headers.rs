//! Release headers on page layouts whosaid was not tuned on: every kind of line that
//! unfamiliar sites put where the headline or the date is looked for. All text invented.

use std::sync::Arc;

use chrono::NaiveDate;
use whosaid::doc::{Encoding, RawRelease, Release, SourceFormat, Span};
use whosaid::segment;

/// The body every page below shares: a dateline and two paragraphs of prose.
const BODY: &str = "SPRINGFIELD – Governor Dale Vane opened the new river trail on Tuesday, \
the first stretch of a path that will link four towns along the water.
“This trail belongs to every family in the valley,” Governor Vane said at the opening.
";

fn raw(source: &str, text: &str, format: SourceFormat, given_date: Option<&str>) -> RawRelease {
    let text: Arc<str> = Arc::from(text);
    RawRelease {
        source: source.to_string(),
        record: 0,
        format,
        encoding: Encoding::Utf8,
        span: Span::new(0, text.len()),
        text,
        given_date: given_date.map(str::to_string),
        given_title: None,
    }
}

fn page_at(source: &str, text: &str) -> Release {
    segment::segment(raw(source, text, SourceFormat::Text, None)).expect("a release")
}

fn page(text: &str) -> Release {
    page_at("springfield_xx/news_item.txt", text)
}

fn title(r: &Release) -> Option<&str> {
    r.header.title.map(|s| r.slice(s))
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The headline of the pages below.
const HEADLINE: &str = "Governor Vane Opens the New River Trail in Springfield";

/// Asserts that the headline is found with `chrome` printed just above it and with
/// `chrome` printed between it and the body.
fn headline_despite(chrome: &str) {
    for text in [
        format!("{chrome}\n{HEADLINE}\n{BODY}"),
        format!("{HEADLINE}\n{chrome}\n{BODY}"),
    ] {
        assert_eq!(title(&page(&text)), Some(HEADLINE), "{text}");
    }
}

#[test]
fn a_submit_button_is_not_the_headline() {
    headline_despite("Submit Search");
}

#[test]
fn a_skip_link_is_not_the_headline() {
    headline_despite("Skip to:");
    headline_despite("Jump to navigation");
}

#[test]
fn menu_labels_are_not_the_headline() {
    headline_despite("Home\nAbout the Governor\nNewsroom\nContact Us");
}

#[test]
fn an_image_file_name_is_not_the_headline() {
    headline_despite("river-trail_opening-04.jpg");
}

#[test]
fn a_photo_credit_is_not_the_headline() {
    headline_despite("Photo courtesy of the Springfield Parks Department");
}

#[test]
fn a_news_section_name_is_not_the_headline() {
    headline_despite("News & Announcements");
    headline_despite("Governor's Newsroom");
}

#[test]
fn the_first_body_sentence_is_not_the_headline() {
    let text = format!("{HEADLINE}\nThe governor signed the trail bill today.\n{BODY}");
    assert_eq!(title(&page(&text)), Some(HEADLINE));
}

#[test]
fn a_dated_list_of_other_releases_gives_no_headline() {
    let text = format!(
        "More News\nMay 30, 2026\nMayor Opens Library\nMay 22, 2026\nCouncil Passes Budget\n\
         May 12, 2026\nPolice Name New Chief\nPress Releases\n{BODY}"
    );
    let r = page(&text);
    assert_eq!(title(&r), None);
}

#[test]
fn the_pages_own_list_entry_found_by_its_file_name_gives_headline_and_date() {
    let text = format!(
        "More News\nJune 2, 2026\nGovernor Vane Opens the New River Trail in Springfield\nMay 22, 2026\n\
         Council Passes Budget\nMay 12, 2026\nPolice Name New Chief\nPress Releases\n{BODY}"
    );
    let r = page_at(
        "springfield_xx/Newsroom_Releases_governor-vane-opens-the-new-river-trail.txt",
        &text,
    );
    assert_eq!(
        title(&r),
        Some("Governor Vane Opens the New River Trail in Springfield")
    );
    assert_eq!(r.header.date, day(2026, 6, 2));
}

#[test]
fn a_sentence_case_headline_wrapped_over_lines_is_not_the_body() {
    let text = "June 2, 2026 Contact: Jo Marsh
Springfield Office of the Governor
(555) 014-2277
Governor opens the river trail that will link four towns along the water
after years of work
The governor opened the new river trail on Tuesday, the first stretch of a path that
will link four towns along the water, the office said.
";
    let r = page(text);
    assert_eq!(
        title(&r),
        Some(
            "Governor opens the river trail that will link four towns along the water\nafter years of work"
        )
    );
    assert!(r.slice(r.body).starts_with("The governor opened"));
}

#[test]
fn a_date_whose_year_is_printed_elsewhere_in_the_header() {
    let text =
        format!("Home > News > 2026\nGovernor Vane Opens the New River Trail in Springfield\nMonday, June 1\n{BODY}");
    let r = page(&text);
    assert_eq!(r.header.date, day(2026, 6, 1));
    // The year from the file name, when the header prints none.
    let text =
        format!("Governor Vane Opens the New River Trail in Springfield\nPosted: Jun. 1\n{BODY}");
    let r = page_at("springfield_xx/2026/river-trail.txt", &text);
    assert_eq!(r.header.date, day(2026, 6, 1));
}

#[test]
fn a_posted_on_line_alone_dates_the_page() {
    let text = format!(
        "Governor Vane Opens the New River Trail in Springfield\n{BODY}This entry was posted on Monday, June 1st, 2026 by Admin.\n"
    );
    assert_eq!(page(&text).header.date, day(2026, 6, 1));
    let text = format!(
        "Published\n1 June 2026\nGovernor Vane Opens the New River Trail in Springfield\n{BODY}"
    );
    assert_eq!(page(&text).header.date, day(2026, 6, 1));
}

#[test]
fn a_date_printed_before_the_dateline() {
    let text = format!(
        "Governor Vane Opens the New River Trail in Springfield\nJune 2, 2026 (Springfield) – Governor Dale Vane opened the new river trail on Tuesday, the first stretch of a path.\n{BODY}"
    );
    let r = page(&text);
    assert_eq!(
        title(&r),
        Some("Governor Vane Opens the New River Trail in Springfield")
    );
    assert_eq!(r.header.date, day(2026, 6, 2));
    assert_eq!(r.header.dateline.map(|s| r.slice(s)), Some("Springfield"));
}

#[test]
fn a_one_line_release_headline_before_its_printed_date() {
    let line = "06.02.2026\tVane, Quill Announce Ferry Grants for Two Towns June 2nd, 2026 Grants Will Fund New Boats Springfield – Governor Dale Vane and Senator Ada Quill announced today that two towns will receive ferry grants.";
    let mut r = raw(
        "congress_ada_quill.txt",
        line,
        SourceFormat::Lines,
        Some("06.02.2026"),
    );
    let start = line.find('\t').unwrap() + 1;
    r.span = Span::new(start, line.len());
    let r = segment::segment(r).unwrap();
    assert_eq!(
        title(&r),
        Some("Vane, Quill Announce Ferry Grants for Two Towns")
    );
    assert!(r.slice(r.body).starts_with("Grants Will Fund"));
}

#[test]
fn the_browser_titles_headline_printed_in_other_words_far_above_the_body() {
    let menu: Vec<String> = (1..=12).map(|i| format!("Menu Item {i}")).collect();
    let text = format!(
        "Vane Opens River Trail, Thanks Volunteers | State of Springfield\n\
         Vane Opens River Trail and Thanks Volunteers\n{}\n{BODY}",
        menu.join("\n")
    );
    assert_eq!(
        title(&page(&text)),
        Some("Vane Opens River Trail and Thanks Volunteers")
    );
}

/// An invented release of `tests/fixtures/unfamiliar/`, in the shapes sites whosaid was
/// not tuned on publish (governors, attorneys general, U.S. Attorneys, federal and state
/// agencies, legislators, mayors, police), segmented as a plain-text page.
fn fixture(name: &str) -> Release {
    let path = format!(
        "{}/tests/fixtures/unfamiliar/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("the fixture");
    page_at(&format!("unfamiliar/{name}"), &text)
}

/// What a fixture's header must hold.
struct Want {
    file: &'static str,
    title: Option<&'static str>,
    date: Option<NaiveDate>,
    dateline: Option<&'static str>,
    body_starts: &'static str,
}

#[test]
fn unfamiliar_sites_headline_date_and_dateline() {
    let wants = [
        // "Posted on … by Press Office" under a section name, menu and breadcrumb.
        Want {
            file: "gov_posted_on.txt",
            title: Some("Governor Halvorsen Signs Rural Broadband Expansion Act"),
            date: day(2022, 3, 3),
            dateline: Some("SPRINGFIELD, Ill."),
            body_starts: "SPRINGFIELD, Ill. —",
        },
        // "Skip to:" and a search form; a numeric date above the headline; "(PLACE) —".
        Want {
            file: "ag_numeric_date.txt",
            title: Some("Attorney General Okafor Sues Moving Company Over Hidden Fees"),
            date: day(2022, 3, 3),
            dateline: Some("CARVER CITY"),
            body_starts: "(CARVER CITY)",
        },
        // "Thursday, March 3rd" with the year only in the footer after the end mark.
        Want {
            file: "sos_weekday_no_year.txt",
            title: Some("Secretary of State Brightwater Certifies Spring Election Results"),
            date: day(2022, 3, 3),
            dateline: Some("Columbus, OH"),
            body_starts: "Columbus, OH –",
        },
        // A "Share" widget between the date and the body (the whole release was lost).
        Want {
            file: "usao.txt",
            title: Some("Ridgeway Man Sentenced to Twelve Years for Fentanyl Distribution"),
            date: day(2022, 3, 3),
            dateline: Some("PORTLAND, Ore."),
            body_starts: "PORTLAND, Ore. –",
        },
        // "Release Date:" then "Last updated:": the release's own date.
        Want {
            file: "fed_agency_published.txt",
            title: Some("Agency Proposes Stronger Limits on Lead in School Drinking Water"),
            date: day(2022, 3, 3),
            dateline: Some("WASHINGTON"),
            body_starts: "WASHINGTON —",
        },
        Want {
            file: "senator.txt",
            title: Some("Senators Wexley, Barrow Introduce Bill to Protect Coastal Fisheries"),
            date: day(2022, 3, 3),
            dateline: Some("Washington, D.C."),
            body_starts: "Washington, D.C. –",
        },
        // The date above a "Press Release" label.
        Want {
            file: "house_tag.txt",
            title: Some("Congressman Pruett Secures Funding for Eastbrook Bridge Repair"),
            date: day(2022, 3, 3),
            dateline: Some("WASHINGTON"),
            body_starts: "WASHINGTON —",
        },
        Want {
            file: "state_legislator.txt",
            title: Some("Rep. Yolanda Strickland Honors Lakeview Teachers of the Year"),
            date: day(2022, 3, 3),
            dateline: Some("Columbus, OH"),
            body_starts: "Columbus, OH –",
        },
        // An image file name and a photo credit above the headline.
        Want {
            file: "mayor_photo.txt",
            title: Some("Mayor Delgado Opens New Eastside Library Branch"),
            date: day(2022, 3, 3),
            dateline: Some("HARLAN FALLS"),
            body_starts: "HARLAN FALLS –",
        },
        // "Posted on: … | By: …" above an all-capital headline.
        Want {
            file: "police_caps.txt",
            title: Some("ARREST MADE IN MAPLE STREET ROBBERY"),
            date: day(2022, 3, 3),
            dateline: Some("WILLOW CREEK, Texas"),
            body_starts: "WILLOW CREEK, Texas –",
        },
        Want {
            file: "state_agency.txt",
            title: Some("DNR Opens Spring Trout Season at Twelve State Lakes"),
            date: day(2022, 3, 3),
            dateline: Some("MADISON, Wis."),
            body_starts: "MADISON, Wis. —",
        },
        // A byline with a yearless date under the headline, the year in the footer.
        Want {
            file: "byline_year.txt",
            title: Some("County Board Approves New Animal Shelter"),
            date: day(2022, 3, 3),
            dateline: None,
            body_starts: "The Dorsey County Board",
        },
        // A bare "Newsroom" first line is a section label, not a listing page's title;
        // an image name and a photo credit between headline and date.
        Want {
            file: "title_after_section_with_image.txt",
            title: Some("Governor Tallis Announces Wildfire Preparedness Grants"),
            date: day(2022, 3, 3),
            dateline: Some("BOISE"),
            body_starts: "(BOISE) –",
        },
        // No headline at all: neither "Share this page" nor the first sentence is one.
        Want {
            file: "first_sentence_title.txt",
            title: None,
            date: None,
            dateline: None,
            body_starts: "The Attorney General’s office",
        },
    ];
    for w in wants {
        let r = fixture(w.file);
        assert_eq!(title(&r), w.title, "{}", w.file);
        assert_eq!(r.header.date, w.date, "{}", w.file);
        assert_eq!(
            r.header.dateline.map(|s| r.slice(s)),
            w.dateline,
            "{}",
            w.file
        );
        assert!(
            r.slice(r.body).starts_with(w.body_starts),
            "{}: {}",
            w.file,
            r.slice(r.body)
        );
    }
}

#[test]
fn unfamiliar_sites_page_metadata_and_contact_blocks_end_the_body() {
    // "Updated …" and the topic list under the release are not its body.
    let r = fixture("usao.txt");
    assert!(r.slice(r.body).ends_with("Ridgeway Police Department."));
    // A contact block after the last sentence is read as one.
    let r = fixture("ag_numeric_date.txt");
    assert!(r.slice(r.body).ends_with("Tanner County District Court."));
    assert_eq!(
        r.header.contact_name.map(|s| r.slice(s)),
        Some("Priya Lindqvist")
    );
    // A rank before the contact's name is not part of it.
    let r = fixture("police_caps.txt");
    assert_eq!(
        r.header.contact_name.map(|s| r.slice(s)),
        Some("Lena Moritz")
    );
}

/// The releases of a many-per-file fixture (`DATE<TAB>text` lines), segmented.
fn line_fixture(name: &str) -> Vec<Release> {
    let path = format!(
        "{}/tests/fixtures/unfamiliar/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("the fixture");
    whosaid::ingest::from_text(name, text)
        .into_iter()
        .map(|raw| segment::segment(raw).expect("a release"))
        .collect()
}

#[test]
fn a_senator_and_a_delegate_are_not_congressmen() {
    let issuers = |name: &str| -> Vec<Option<String>> {
        line_fixture(name)
            .into_iter()
            .map(|r| r.header.issuer)
            .collect()
    };
    // "Senator Bo Vance said he …" in the first line is about someone else.
    assert!(issuers("senAdaQuillPress.txt")
        .iter()
        .all(|i| i.as_deref() == Some("Office of Senator Ada Quill")));
    // "Governor Tomas Villa said he …": the governor's pronoun, not the delegate's.
    assert!(issuers("delMariaReyesPress.txt")
        .iter()
        .all(|i| i.as_deref() == Some("Office of Delegate Maria Reyes")));
}
