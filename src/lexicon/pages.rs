//! Words of web pages and release headers: a site's news-section names, share widgets,
//! navigation buttons, dateline labels, and the office words of contact blocks and file
//! names.
//!
//! These stay apart from their near-copies elsewhere in the lexicon on purpose: the
//! contact block's office words overlap the heads of bodies
//! ([`super::organisations::HEADS`]) but also hold words that are no head ("please",
//! "immediate", "the") and lack most heads, so either list in the other's place would
//! read other contact names; the file-name labels overlap the honorifics
//! ([`super::titles::HONORIFICS`]) but add "press", "news" and lack "Dr", "Mr".

use super::WordSet;

/// The head words of a site's news section ("Newsroom", "Press Releases", "News &
/// Announcements", "Latest Updates"), lower case.
pub(crate) static SECTION_WORDS: WordSet = WordSet::new(&[
    "news",
    "newsroom",
    "press",
    "releases",
    "release",
    "announcements",
    "media",
    "updates",
    "statements",
    "blog",
    "stories",
    "articles",
    "archive",
    "archives",
]);

/// Words that go with section words in a section's name ("Media Center", "All News"),
/// lower case.
pub(crate) static SECTION_FILLERS: WordSet = WordSet::new(&[
    "center", "room", "hub", "latest", "recent", "all", "events", "and", "&", "the", "of",
]);

/// Share widgets printed as a line of their own ("Tweet", "Email", "Facebook"), lower
/// case.
pub(crate) static SHARE_WIDGETS: WordSet = WordSet::new(&[
    "tweet",
    "email",
    "facebook",
    "twitter",
    "linkedin",
    "pinterest",
    "x",
]);

/// Words that open a navigation link or form button ("Submit Search", "Sign up"), lower
/// case, as regular-expression alternatives.
pub(crate) const BUTTON_WORDS: &[&str] = &[
    "submit",
    "search",
    "subscribe",
    r"sign\s+up",
    r"sign\s+in",
    r"log\s*in",
    "register",
    "send",
    "apply",
    "donate",
    "filter",
    "reset",
    "clear",
    "menu",
    "close",
    "open",
    "toggle",
];

/// Words that never name a place in a dateline ("MEDIA ADVISORY –", "UPDATE –"), lower
/// case.
pub(crate) static NOT_PLACES: WordSet = WordSet::new(&[
    "advisory",
    "release",
    "update",
    "statement",
    "media",
    "news",
    "press",
    "alert",
    "breaking",
    "photos",
    "video",
]);

/// Words that never belong to a contact person's name, lower case.
pub(crate) static NOT_CONTACT_NAMES: WordSet = WordSet::new(&[
    "release",
    "immediate",
    "office",
    "division",
    "agency",
    "department",
    "governor",
    "please",
    "use",
    "media",
    "relations",
    "field",
    "protection",
    "county",
    "state",
    "district",
    "attorney",
    "public",
    "information",
    "officer",
    "communications",
    "press",
    "news",
    "the",
    "for",
    "contact",
    "unit",
    "bureau",
]);

/// Words of a file name that label a member of Congress rather than name them
/// ("rep_jane_roe_press"), lower case.
pub(crate) static FILE_NAME_LABELS: WordSet = WordSet::new(&[
    "rep",
    "sen",
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "delegate",
    "press",
    "release",
    "releases",
    "news",
]);

/// Title words of a United States senator, in a file name ("sen_ada_quill") or before
/// the name ("Sen. Quill", "U.S. Senator Ada Quill"), lower case, without a period.
pub(crate) static SENATOR_WORDS: WordSet = WordSet::new(&["sen", "senator", "senators"]);

/// Title words of a delegate or resident commissioner to the House ("Del. Reyes",
/// "Delegate Maria Reyes", "Resident Commissioner Reyes"), lower case, without a period.
pub(crate) static DELEGATE_WORDS: WordSet = WordSet::new(&["del", "delegate", "commissioner"]);

/// Title words of a member of the House that tell no gender ("Rep. Vale",
/// "Representative Vale", "Congressmember Vale"), lower case, without a period.
pub(crate) static REPRESENTATIVE_WORDS: WordSet = WordSet::new(&[
    "rep",
    "reps",
    "representative",
    "representatives",
    "congressmember",
]);
