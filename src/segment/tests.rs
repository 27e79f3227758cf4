//! Tests of whole-release segmentation on short invented releases.

use std::sync::Arc;

use super::*;
use crate::doc::Encoding;

fn raw(text: &str, format: SourceFormat) -> RawRelease {
    let text: Arc<str> = Arc::from(text);
    RawRelease {
        source: "springfield_xx/news_item.txt".to_string(),
        record: 0,
        format,
        encoding: Encoding::Utf8,
        span: Span::new(0, text.len()),
        text,
        given_date: None,
        given_title: None,
    }
}

fn page(text: &str) -> Result<Release, NotARelease> {
    segment(raw(text, SourceFormat::Text))
}

fn field(r: &Release, s: Option<Span>) -> Option<&str> {
    s.map(|s| r.slice(s))
}

const SCRAPED: &str = "Springfield Man Charged With Fraud | Springfield County District Attorney
Skip to main content
Home
News
Latest Posts
Mayor Opens New Park
May 1, 2026
Press Release
Springfield Man Charged With Fraud
Thursday, May 21, 2026
SPRINGFIELD, Ill. – A Springfield man was charged today with defrauding elderly residents of their savings, District Attorney Ada Quill announced.
“Nobody should lose a lifetime of savings to a lie,” said District Attorney Ada Quill.
“We will pursue this case with everything we have.”
The case is being prosecuted by Deputy District Attorney Bo Vale of the
Elder Abuse Unit.
###
Related Posts
Another Man Charged in Theft
Share
";

#[test]
fn scraped_page_header_and_chrome() {
    let r = page(SCRAPED).unwrap();
    assert_eq!(
        field(&r, r.header.title),
        Some("Springfield Man Charged With Fraud")
    );
    assert_eq!(r.header.date, chrono::NaiveDate::from_ymd_opt(2026, 5, 21));
    assert_eq!(field(&r, r.header.dateline), Some("SPRINGFIELD, Ill."));
    assert!(r
        .slice(r.body)
        .starts_with("SPRINGFIELD, Ill. – A Springfield man"));
    assert!(r.slice(r.body).ends_with("Elder Abuse Unit."));
    assert!(!r.slice(r.body).contains("Related"));
    assert!(!r.slice(r.body).contains("Mayor Opens"));
    // The wrapped last line joins its paragraph; the quote lines stay apart.
    assert_eq!(r.paragraphs.len(), 4);
    assert_eq!(
        r.slice(r.sentences[1].span),
        "“Nobody should lose a lifetime of savings to a lie,” said District Attorney Ada Quill."
    );
}

const CLEAN: &str = "For immediate release:          March 3, 2024

Contact:                    Jo Marsh, Communications Director

                                (555) 014-2277

Quill Opens Records Fair

Calls for Faster Filing

Jefferson City, Mo. — Secretary of State Ada Quill came back yesterday from a three-day meeting in Lincoln, Neb. with county clerks.

“The clerks asked sharp questions,” Quill said. “We share one goal.”

—30—

Visit www.example.gov for news from the Office of the Springfield Secretary of State.
";

#[test]
fn clean_release_header_and_contact() {
    let r = page(CLEAN).unwrap();
    assert_eq!(field(&r, r.header.title), Some("Quill Opens Records Fair"));
    assert_eq!(
        field(&r, r.header.subtitle),
        Some("Calls for Faster Filing")
    );
    assert_eq!(r.header.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 3));
    assert_eq!(field(&r, r.header.dateline), Some("Jefferson City, Mo."));
    assert_eq!(field(&r, r.header.contact_name), Some("Jo Marsh"));
    assert_eq!(field(&r, r.header.contact_phone), Some("(555) 014-2277"));
    assert_eq!(r.paragraphs.len(), 2);
    assert_eq!(r.sentences.len(), 3);
    assert!(r.slice(r.body).ends_with("“We share one goal.”"));
    assert_eq!(
        r.header.issuer.as_deref(),
        Some("Office of the Springfield Secretary of State")
    );
}

#[test]
fn pdf_release_with_wrapped_title_and_lines() {
    let text = "August 12, 2025 Contact: Cy Marsh
Springfield County District Attorney’s Office
555-013-3600 (Office)
Cy.Marsh@example.org
For Immediate Release: Local Driver Admits Guilt in Speeding
and Wreck on a Toll Road
(Springfield, Texas) – On August 12, 2025, a local driver, 31, admitted guilt in the 88th
Criminal District Court to two charges that arose from a wreck near the river bridge.
The driver was sentenced to probation.
";
    let r = page(text).unwrap();
    assert_eq!(
        field(&r, r.header.title),
        Some("Local Driver Admits Guilt in Speeding\nand Wreck on a Toll Road")
    );
    assert_eq!(r.header.date, chrono::NaiveDate::from_ymd_opt(2025, 8, 12));
    assert_eq!(field(&r, r.header.contact_name), Some("Cy Marsh"));
    assert_eq!(field(&r, r.header.contact_phone), Some("555-013-3600"));
    assert_eq!(
        field(&r, r.header.contact_email),
        Some("Cy.Marsh@example.org")
    );
    assert_eq!(field(&r, r.header.dateline), Some("Springfield, Texas"));
    assert_eq!(r.paragraphs.len(), 2);
}

#[test]
fn dateline_on_its_own_line_and_embargo_dates() {
    let text = "EMBARGOED UNTIL 10:00 A.M., TUESDAY, MAY 14, 2019
May 14, 2019 Contact: Cy Marsh
Springfield Man Charged With Theft
WESTMINSTER
– The district attorney’s office charged a Springfield man with theft of public funds today, officials said.
";
    let r = page(text).unwrap();
    assert_eq!(r.header.date, chrono::NaiveDate::from_ymd_opt(2019, 5, 14));
    assert_eq!(field(&r, r.header.dateline), Some("WESTMINSTER"));
    assert!(r.slice(r.body).starts_with("WESTMINSTER\n– The district"));
}

#[test]
fn wrapped_pdf_headline_without_browser_title() {
    let text = "October 11, 2019 Contact: Cy Marsh
MEDIA RELEASE: Springfield DA Celebrates Community Day, Announces
New Task Force
(Springfield, Texas) – The Springfield County District Attorney’s Office is pleased to report the launch of its task force.
";
    let r = page(text).unwrap();
    assert_eq!(
        field(&r, r.header.title),
        Some("Springfield DA Celebrates Community Day, Announces\nNew Task Force")
    );
    assert_eq!(r.header.subtitle, None);
    let text = "November 21, 2022 Contact: Cy Marsh
District Attorney Quill Keeps Election Promise, Updates Bail Policy
I want to start by thanking the people of Springfield County for the chance to serve as your
District Attorney. These past years have been the best of my working life.
";
    let r = page(text).unwrap();
    assert_eq!(
        field(&r, r.header.title),
        Some("District Attorney Quill Keeps Election Promise, Updates Bail Policy")
    );
}

#[test]
fn media_advisory_without_prose() {
    let text =
        "MEDIA ADVISORY: Press Conference on Park Thefts - Office of the Springfield State Attorney
News
MEDIA ADVISORY: Press Conference on Park Thefts
Admin | April 28, 2026
WHO:
State Attorney Ada Quill
WHAT:
Press Conference
WHEN:
April 28, 2026 @ 2:30 pm
#####
Related Posts
Join our mailing list for news, events and updates from the office.
";
    let r = page(text).unwrap();
    assert_eq!(
        field(&r, r.header.title),
        Some("Press Conference on Park Thefts")
    );
    assert!(r.slice(r.body).starts_with("WHO:"));
    assert!(r.slice(r.body).ends_with("2:30 pm"));
}

#[test]
fn headline_word_wrapped_alone_and_terse_dateline() {
    let text = "June 2, 2022 Contact: Cy Marsh
For Immediate Release: Springfield County DA Moves to Exonerate Bo Vernon
Vale
(Springfield, TX) - Today, Springfield County District Attorney Ada Quill announced that
Bo Vernon Vale, 64, has been cleared of all charges after a long review of the evidence.
";
    let r = page(text).unwrap();
    assert_eq!(
        field(&r, r.header.title),
        Some("Springfield County DA Moves to Exonerate Bo Vernon\nVale")
    );
    assert_eq!(field(&r, r.header.dateline), Some("Springfield, TX"));
    assert_eq!(r.paragraphs.len(), 1);
}

#[test]
fn breadcrumb_with_shortened_headline() {
    let text = "Ten Year Prison Term for Man Who Shot a Teen - Springfield NewsCenter
Home
/
Ten Year Prison Term for Man Who Shot...
Springfield County District Attorney Ada Quill announced today that a man was sentenced to ten years in prison.
The case was prosecuted by Deputy District Attorney Bo Vale.
https://example.org/uploads/2025/02/photo.jpg
2026-01-16 11:42:08
Ten Year Prison Term for Man Who Shot a Teen
Recent News
Another Man Charged
Springfield County District Attorney Ada Quill announced today that another man was charged.
";
    let r = page(text).unwrap();
    assert_eq!(
        field(&r, r.header.title),
        Some("Ten Year Prison Term for Man Who Shot a Teen")
    );
    assert!(r
        .slice(r.body)
        .starts_with("Springfield County District Attorney Ada Quill announced today that a man"));
    assert!(r.slice(r.body).ends_with("Bo Vale."));
    assert_eq!(r.header.date, chrono::NaiveDate::from_ymd_opt(2026, 1, 16));
}

#[test]
fn sentence_broken_over_short_lines_is_one_paragraph() {
    let text = "Springfield Man Sentenced - Springfield NewsCenter
Springfield Man Sentenced
Springfield County District Attorney
Ada Quill
said today that a man was sentenced to six years in prison for fraud against his neighbours.
The following people were charged:
Bo Vale, 29, Springfield
Cy Marsh, 43, Shelbyville
Deputy District Attorney Di Fern leads the
Fraud Unit and prosecuted this case.
";
    let r = page(text).unwrap();
    let paras: Vec<&str> = r.paragraphs.iter().map(|p| r.slice(*p)).collect();
    assert_eq!(paras.len(), 5, "{paras:?}");
    assert!(paras[0].starts_with("Springfield County District Attorney\nAda Quill\nsaid today"));
    assert_eq!(paras[2], "Bo Vale, 29, Springfield");
    assert!(paras[4].starts_with("Deputy District Attorney Di Fern leads the\nFraud Unit"));
}

#[test]
fn body_ends_at_a_logo_set_one_letter_group_per_line() {
    let text = "Man Charged - The Springfield DA's Office
FOR IMMEDIATE RELEASE
Monday, March 16, 2015
Man Charged
Springfield District Attorney Ada Quill today announced that a man has been charged with theft.
A charge is only an accusation and not proof that anyone is guilty.
T
HE
S
PRINGFIELD
Leadership
Careers
";
    let r = page(text).unwrap();
    assert!(r
        .slice(r.body)
        .ends_with("not proof that anyone is guilty."));
}

#[test]
fn dateline_and_dash_on_lines_of_their_own() {
    let text = "Office Starts Review | Springfield State's Attorney
Press Release
Office Starts Review
November 21, 2025
CHICAGO
—
Springfield County State’s Attorney
Ada Quill
today announced the start of a review of old felony cases across the county.
";
    let r = page(text).unwrap();
    assert!(r
        .slice(r.body)
        .starts_with("CHICAGO\n—\nSpringfield County"));
    assert_eq!(field(&r, r.header.dateline), Some("CHICAGO"));
    assert_eq!(r.paragraphs.len(), 1);
}

#[test]
fn headline_repeats_and_summary_lines_stay_out_of_the_body() {
    let text = "Officer Charged With Theft. Cases were dismissed after he skipped hearings. - Springfield DA
Officer Charged With Theft. Cases were dismissed after he skipped hearings.
Published
April 7, 2026
Officer Charged With Theft. Cases were dismissed after he skipped hearings.
Officer Charged With Theft
Cases were dismissed after the officer skipped his court hearings.
SPRINGFIELD, Ill. – A former police officer has been charged with theft after he claimed pay for hearings he never attended.
";
    let r = page(text).unwrap();
    assert!(r.slice(r.body).starts_with("SPRINGFIELD, Ill. – A former"));
}

#[test]
fn date_line_above_an_unmatched_headline_is_not_the_title() {
    let text = "Old Headline of Another Release - The Springfield DA's Office
FOR IMMEDIATE RELEASE
Friday, June 12, 2015
Springfield Man Convicted of Shooting
District Attorney Ada Quill today announced that a man has been convicted of a shooting on New Year’s Day.
";
    let r = page(text).unwrap();
    assert_eq!(
        field(&r, r.header.title),
        Some("Springfield Man Convicted of Shooting")
    );
    assert_eq!(r.header.date, chrono::NaiveDate::from_ymd_opt(2015, 6, 12));
}

#[test]
fn dated_list_of_other_releases_is_not_the_date() {
    let text = "Springfield DA > Newsroom
More News
Mar 26, 2026
Office Brings Charge in Old Case
Mar 17, 2026
Case Queue Cleared
News Releases
Clinic Will Help Residents Clear Their Records
This weekend staff will run a free session where residents can ask about sealing old records and meet local employers.
";
    let r = page(text).unwrap();
    assert_eq!(
        field(&r, r.header.title),
        Some("Clinic Will Help Residents Clear Their Records")
    );
    assert_eq!(r.header.date, None);
}

#[test]
fn pages_without_a_release() {
    let bot =
        page("Pardon Our Interruption\nOur systems flagged this visit as automated traffic.\n");
    assert!(bot.unwrap_err().reason.contains("blocked"));
    let listing = page(
        "Newsroom | Springfield County Attorney's Office\nHome\nMan Sentenced\n\
         Springfield County Attorney Ada Quill has announced that a man was sentenced to prison.\n\
         Read more...\nWoman Indicted\nSpringfield County Attorney Ada Quill announced an indictment today.\nRead more...\n",
    );
    assert!(listing.unwrap_err().reason.contains("listing"));
    let chrome_only = page("Home\nAbout Us\nContact\n");
    assert!(chrome_only.is_err());
    let menu = page(
        "Skip to Main Content\nCreate an Account - Pick your alerts, keep forms you started and more.\n\
         Sign In\nPublic Meeting Notices\nBoard Agenda (PDF)\nContact Us\n",
    );
    assert!(menu.unwrap_err().reason.contains("no body text"));
    assert!(page("   \n\n").is_err());
}

#[test]
fn news_article_without_header_is_kept_whole() {
    let text = "Senator Wins Vote on Farm Bill.\n\nThe Senate passed the farm bill on Tuesday after a long debate that ran late into the night, the senator said.\n\n“It is a good day,” she said.\n";
    let r = page(text).unwrap();
    assert_eq!(
        field(&r, r.header.title),
        Some("Senator Wins Vote on Farm Bill.")
    );
    assert_eq!(r.paragraphs.len(), 2);
    assert!(r.slice(r.body).starts_with("The Senate passed"));
}

#[test]
fn congress_line_with_share_widget_headline() {
    let text = "03.18.2016\tAda Penhale is a survivor. share: f t District Month: Ada PenhaleI would like to honour a woman from our district.Ada Penhale is a survivor.\n";
    let mut r = raw(text, SourceFormat::Lines);
    r.source = "adaQuillPress.txt".to_string();
    r.span = Span::new(11, text.len() - 1);
    r.given_date = Some("03.18.2016".to_string());
    let rel = segment(r).unwrap();
    assert_eq!(
        field(&rel, rel.header.title),
        Some("District Month: Ada Penhale")
    );
    assert_eq!(
        rel.header.date,
        chrono::NaiveDate::from_ymd_opt(2016, 3, 18)
    );
    // Nothing in the line tells the member's title: the neutral one, not a guess.
    assert_eq!(
        rel.header.issuer.as_deref(),
        Some("Office of Representative Ada Quill")
    );
    let sents: Vec<&str> = rel.sentences.iter().map(|s| rel.slice(s.span)).collect();
    assert_eq!(
        sents,
        [
            "I would like to honour a woman from our district.",
            "Ada Penhale is a survivor."
        ]
    );
}

#[test]
fn congress_line_opening_with_an_image_name() {
    let text =
        "05.01.2014\tvets fair.jpg (Springfield) Today, Rep. Ada Quill joined the veterans.\n";
    let mut r = raw(text, SourceFormat::Lines);
    r.span = Span::new(11, text.len() - 1);
    let rel = segment(r).unwrap();
    assert!(rel.slice(rel.body).starts_with("(Springfield) Today"));
}

#[test]
fn congress_line_loses_its_trailing_end_marks() {
    let text = "05.01.2014\tThe bill passed today. -30- ###\n05.02.2014\tIt passed. (###)\n";
    for (start, end, body) in [(11, 42, "The bill passed today."), (54, 70, "It passed.")] {
        let mut r = raw(text, SourceFormat::Lines);
        r.span = Span::new(start, end);
        let rel = segment(r).unwrap();
        assert_eq!(rel.slice(rel.body), body);
    }
}

#[test]
fn empty_congress_line_is_still_a_release() {
    let text = "03.25.2009\t\r\n";
    let mut r = raw(text, SourceFormat::Lines);
    r.span = Span::new(11, 11);
    r.given_date = Some("03.25.2009".to_string());
    let rel = segment(r).unwrap();
    assert!(rel.sentences.is_empty());
    assert_eq!(
        rel.header.date,
        chrono::NaiveDate::from_ymd_opt(2009, 3, 25)
    );
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "é",
        "\u{feff}",
        "###",
        "— —\n—",
        "a\u{a0}b\n\n\u{a0}",
        "“”\n’",
        "Ünï | Çödé\nÜ",
        "x.Y",
        "1.\n2.\n",
        "CHICAGO -\n",
        "\t\t\n\r\n",
    ] {
        let _ = page(text);
        let mut r = raw(text, SourceFormat::Lines);
        r.given_date = Some(text.to_string());
        let _ = segment(r);
    }
    let mut r = raw("abc", SourceFormat::Text);
    r.span = Span::new(2, 10);
    assert!(segment(r).is_err());
}

/// The shared corpus, when this checkout sits beside it.
fn shared(path: &str) -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(path);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent", p.display());
        None
    }
}

fn segment_dir(dir: &std::path::Path) -> (usize, Vec<String>) {
    let (files, errors) = crate::ingest::discover(&[dir.to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    let mut releases = 0;
    let mut skipped = Vec::new();
    for f in &files {
        let ingested = crate::ingest::read(f, crate::ingest::DEFAULT_MAX_BYTES).unwrap();
        for r in ingested.releases {
            match segment(r) {
                Ok(_) => releases += 1,
                Err(e) => skipped.push(format!("{}: {}", f.source, e.reason)),
            }
        }
    }
    (releases, skipped)
}

#[test]
fn congress_files_give_one_release_per_line() {
    let Some(dir) = shared("corpus/congress") else {
        return;
    };
    let (releases, skipped) = segment_dir(&dir);
    assert_eq!(releases, 3_416);
    assert!(skipped.is_empty(), "{skipped:?}");
}

#[test]
fn prosecutor_pages_give_one_release_unless_not_a_release() {
    let Some(dir) = shared("corpus/prosecutors") else {
        return;
    };
    let (releases, skipped) = segment_dir(&dir);
    assert_eq!(releases + skipped.len(), 1_632);
    // Bot checks, listing pages, menus and annual reports only.
    assert!(skipped.len() <= 70, "{skipped:#?}");
    assert!(skipped
        .iter()
        .all(|s| s.contains("not a release") || s.contains("no body text")));
}

#[test]
fn dev_gold_dates_and_titles() {
    let Some(dir) = shared("eval/dev") else {
        return;
    };
    let words = |s: &str| -> std::collections::BTreeSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (mut dates, mut dates_ok, mut titles, mut titles_ok) = (0, 0, 0, 0);
    let (files, _) = crate::ingest::discover(std::slice::from_ref(&dir));
    for f in files.iter().filter(|f| f.source.ends_with(".txt")) {
        let gold_path = dir.join(f.source.replace(".txt", ".json"));
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
        let rel = crate::ingest::read(f, crate::ingest::DEFAULT_MAX_BYTES)
            .unwrap()
            .releases
            .into_iter()
            .find_map(|r| segment(r).ok());
        if let Some(d) = gold["release"]["date"].as_str() {
            dates += 1;
            let got = rel.as_ref().and_then(|r| r.header.date);
            dates_ok += usize::from(got.map(|g| g.to_string()).as_deref() == Some(d));
        }
        if let Some(t) = gold["release"]["title"].as_str() {
            titles += 1;
            let got = rel
                .as_ref()
                .and_then(|r| r.header.title.map(|s| words(r.slice(s))));
            titles_ok += usize::from(got == Some(words(t)));
        }
    }
    assert!(dates_ok * 100 >= dates * 95, "dates {dates_ok}/{dates}");
    assert!(
        titles_ok * 100 >= titles * 90,
        "titles {titles_ok}/{titles}"
    );
}

#[test]
fn issuer_from_the_prosecutor_named_in_the_text() {
    let r = page(
        "Harbor Man Sentenced\n\nPORTVILLE — Kent County District Attorney Maria Vance \
         announced today that a Harbor man was sentenced to ten years in prison for arson.\n",
    )
    .unwrap();
    assert_eq!(
        r.header.issuer.as_deref(),
        Some("Kent County District Attorney’s Office")
    );
}

#[test]
fn issuer_drops_a_leading_article() {
    assert_eq!(
        header::office("said The Kent County District Attorney's Office today"),
        Some("Kent County District Attorney's Office")
    );
}

#[test]
fn a_news_release_label_is_not_a_listing_page() {
    let r = page(
        "NEWS RELEASE\nOffice of the Attorney General\n\nFOR IMMEDIATE RELEASE\nFriday, March 8, 2019\n\n\
         Contractor Charged\n\nLINCOLN, Neb. — The Attorney General announced Friday that a \
         contractor has been charged with theft by deception after roof repairs went unfinished.\n",
    );
    assert!(r.is_ok(), "{r:?}");
    assert!(chrome::page_reason("Press Releases | Office of the Attorney General").is_some());
}

#[test]
fn a_given_title_not_printed_in_the_text_keeps_the_first_line_in_the_body() {
    let mut r = raw(
        "SALEM, Ore. — The Water Board met today. “We are ready,” Chair Nadia Brook said.",
        SourceFormat::Jsonl,
    );
    r.given_title = Some("Water Board Meets".to_string());
    let rel = segment(r).unwrap();
    assert_eq!(rel.header.title, None);
    assert_eq!(rel.header.given_title.as_deref(), Some("Water Board Meets"));
    assert_eq!(rel.sentences.len(), 2);
    assert!(rel.slice(rel.body).starts_with("SALEM, Ore."));
}

#[test]
fn a_first_line_of_prose_is_not_taken_for_a_browser_title() {
    let rel = page(
        "AUSTIN, Texas — The commission adopted a rule today. “It is fair,” Commissioner Ray Dunn said.\n\n\
         The rule takes effect in May, the commission said in a statement.\n",
    )
    .unwrap();
    assert!(
        rel.slice(rel.body).starts_with("AUSTIN, Texas"),
        "{:?}",
        rel.slice(rel.body)
    );
}

#[test]
fn a_footer_printed_on_every_pdf_page_is_a_page_break_not_the_end() {
    let footer = "Alder County Justice Center  12 Main St.  Alder, TX 75001  555/210-3300";
    let text = format!(
        "Alder County District Attorney Charges Two in Bridge Fraud
June 3, 2026
(Alder, Texas) – District Attorney Ada Quill charged two contractors today with billing the county for repairs that were never made.
“Every dollar they took was meant for a bridge,” said District Attorney Ada Quill.
{footer}

The contractors are expected in court next week, where prosecutors will ask for restitution.
“We will ask the court to make the county whole,” Quill added.
# #
{footer}
"
    );
    let r = page(&text).unwrap();
    let body = r.slice(r.body);
    assert!(body.contains("make the county whole"), "{body}");
    for p in &r.paragraphs {
        assert!(!r.slice(*p).contains("Justice Center"), "{}", r.slice(*p));
    }
    // Printed once, the same footer still ends the release.
    let once = text.replacen(&format!("{footer}\n\n"), "", 1);
    let r = page(&once).unwrap();
    assert!(r.slice(r.body).contains("make the county whole"));
    let cut = format!(
        "Alder County District Attorney Charges Two in Bridge Fraud
June 3, 2026
(Alder, Texas) – District Attorney Ada Quill charged two contractors today with billing the county for repairs that were never made.
{footer}
Home | About | Contact us for more information on our office and staff today
"
    );
    let r = page(&cut).unwrap();
    assert!(!r.slice(r.body).contains("Contact us"));
}
