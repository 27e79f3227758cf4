//! Abbreviations written with a final period, each with what it stands for and its kind.
//!
//! One table serves every stage: the sentence splitter asks whether a period after a word
//! can end a sentence ([`never_ends_sentence`], [`may_end_sentence`]), the entity rules
//! whether it ends a name phrase ([`continues_phrase`]), attribution's reading of the
//! tokens whether the word keeps its period ([`keeps_period`]); both tell an initial by
//! [`is_initial`]. The AP forms of states ("Mo.", "Kans.") are
//! in [`super::states`] and count here as abbreviations of the kind [`Kind::State`].

use std::collections::HashMap;
use std::sync::LazyLock;

use super::states;

/// What an abbreviation abbreviates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Titles, ranks and honorifics written before a name ("Sen.", "Lt.", "Dr.").
    Title,
    /// Name suffixes ("Jr.", "Sr.").
    Suffix,
    /// Company forms ("Inc.", "Co."), which often end a sentence.
    Company,
    /// Times of day ("a.m.", "p.m.").
    Time,
    /// Months ("Jan.", "Sept.").
    Month,
    /// A state's AP form ("Mo.", "Calif.").
    State,
    /// Words written before a place's name ("St. Louis", "Mt. Vernon", "Ft. Worth").
    PlacePrefix,
    /// Street words after a name ("Ave.", "Blvd.").
    Street,
    /// Words inside the names of bodies ("Dept.", "Univ.", "Assn.").
    NamePart,
    /// References and citations ("No.", "Vol.", "vs.").
    Reference,
    /// Legislative citations ("Res.", "Cong.", "Sess.").
    Legislation,
    /// Abbreviated given names ("Wm.", "Chas.").
    GivenName,
}

/// (abbreviation without its final period, what it stands for, kind).
const ABBREVIATIONS: &[(&str, &str, Kind)] = &[
    ("Mr", "Mister", Kind::Title),
    ("Mrs", "Missus", Kind::Title),
    ("Ms", "Ms", Kind::Title),
    ("Messrs", "Messieurs", Kind::Title),
    ("Dr", "Doctor", Kind::Title),
    ("Prof", "Professor", Kind::Title),
    ("Rev", "Reverend", Kind::Title),
    ("Hon", "Honorable", Kind::Title),
    ("Sen", "Senator", Kind::Title),
    ("Sens", "Senators", Kind::Title),
    ("Rep", "Representative", Kind::Title),
    ("Reps", "Representatives", Kind::Title),
    ("Gov", "Governor", Kind::Title),
    ("Pres", "President", Kind::Title),
    ("Sec", "Secretary", Kind::Title),
    ("Secs", "Secretaries", Kind::Title),
    ("Treas", "Treasurer", Kind::Title),
    ("Amb", "Ambassador", Kind::Title),
    ("Atty", "Attorney", Kind::Title),
    ("Asst", "Assistant", Kind::Title),
    ("Dep", "Deputy", Kind::Title),
    ("Supt", "Superintendent", Kind::Title),
    ("Insp", "Inspector", Kind::Title),
    ("Det", "Detective", Kind::Title),
    ("Dets", "Detectives", Kind::Title),
    ("Ofc", "Officer", Kind::Title),
    ("Lt", "Lieutenant", Kind::Title),
    ("Lieut", "Lieutenant", Kind::Title),
    ("Gen", "General", Kind::Title),
    ("Gens", "Generals", Kind::Title),
    ("Col", "Colonel", Kind::Title),
    ("Maj", "Major", Kind::Title),
    ("Capt", "Captain", Kind::Title),
    ("Cpt", "Captain", Kind::Title),
    ("Sgt", "Sergeant", Kind::Title),
    ("Cpl", "Corporal", Kind::Title),
    ("Pvt", "Private", Kind::Title),
    ("Cmdr", "Commander", Kind::Title),
    ("Adm", "Admiral", Kind::Title),
    ("Jr", "Junior", Kind::Suffix),
    ("Sr", "Senior", Kind::Suffix),
    ("Inc", "Incorporated", Kind::Company),
    ("Ltd", "Limited", Kind::Company),
    ("Co", "Company", Kind::Company),
    ("Corp", "Corporation", Kind::Company),
    ("LLC", "Limited Liability Company", Kind::Company),
    ("etc", "et cetera", Kind::Company),
    ("a.m", "ante meridiem", Kind::Time),
    ("p.m", "post meridiem", Kind::Time),
    ("Jan", "January", Kind::Month),
    ("Feb", "February", Kind::Month),
    ("Mar", "March", Kind::Month),
    ("Apr", "April", Kind::Month),
    ("Jun", "June", Kind::Month),
    ("Jul", "July", Kind::Month),
    ("Aug", "August", Kind::Month),
    ("Sep", "September", Kind::Month),
    ("Sept", "September", Kind::Month),
    ("Oct", "October", Kind::Month),
    ("Nov", "November", Kind::Month),
    ("Dec", "December", Kind::Month),
    ("St", "Saint", Kind::PlacePrefix),
    ("ST", "Saint", Kind::PlacePrefix),
    ("Mt", "Mount", Kind::PlacePrefix),
    ("MT", "Mount", Kind::PlacePrefix),
    ("Ft", "Fort", Kind::PlacePrefix),
    ("FT", "Fort", Kind::PlacePrefix),
    ("Ste", "Suite", Kind::Street),
    ("Ave", "Avenue", Kind::Street),
    ("Blvd", "Boulevard", Kind::Street),
    ("Rd", "Road", Kind::Street),
    ("Hwy", "Highway", Kind::Street),
    ("Dept", "Department", Kind::NamePart),
    ("Gov't", "Government", Kind::NamePart),
    ("Univ", "University", Kind::NamePart),
    ("Bros", "Brothers", Kind::NamePart),
    ("Assn", "Association", Kind::NamePart),
    ("Dist", "District", Kind::NamePart),
    ("Jud", "Judicial", Kind::NamePart),
    ("No", "Number", Kind::Reference),
    ("Nos", "Numbers", Kind::Reference),
    ("Vol", "Volume", Kind::Reference),
    ("Ch", "Chapter", Kind::Reference),
    ("Fig", "Figure", Kind::Reference),
    ("vs", "versus", Kind::Reference),
    ("v", "versus", Kind::Reference),
    ("approx", "approximately", Kind::Reference),
    ("Res", "Resolution", Kind::Legislation),
    ("Con", "Concurrent", Kind::Legislation),
    ("Amdt", "Amendment", Kind::Legislation),
    ("Cong", "Congress", Kind::Legislation),
    ("Sess", "Session", Kind::Legislation),
    ("Stat", "Statutes", Kind::Legislation),
    ("Pub", "Public", Kind::Legislation),
    ("Subsec", "Subsection", Kind::Legislation),
    ("Wm", "William", Kind::GivenName),
    ("Chas", "Charles", Kind::GivenName),
    ("Geo", "George", Kind::GivenName),
    ("Thos", "Thomas", Kind::GivenName),
    ("Jas", "James", Kind::GivenName),
    ("Jos", "Joseph", Kind::GivenName),
    ("Robt", "Robert", Kind::GivenName),
    ("Benj", "Benjamin", Kind::GivenName),
    ("Saml", "Samuel", Kind::GivenName),
    ("Edw", "Edward", Kind::GivenName),
    ("Danl", "Daniel", Kind::GivenName),
    ("Richd", "Richard", Kind::GivenName),
];

/// An abbreviation of the table or a state's AP form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Abbreviation {
    /// What it stands for ("Senator"; a state's name for a state).
    pub expansion: &'static str,
    /// Its kind.
    pub kind: Kind,
}

/// The table and the states' AP forms by their written form.
static BY_FORM: LazyLock<HashMap<&'static str, Abbreviation>> = LazyLock::new(|| {
    let states = states::STATES.iter().flat_map(|s| {
        s.ap.iter().map(|&form| {
            let a = Abbreviation {
                expansion: s.name,
                kind: Kind::State,
            };
            (form.strip_suffix('.').unwrap_or(form), a)
        })
    });
    ABBREVIATIONS
        .iter()
        .map(|&(form, expansion, kind)| (form, Abbreviation { expansion, kind }))
        .chain(states)
        .collect()
});

/// The abbreviation written `word` (without its final period, case as written).
pub(crate) fn lookup(word: &str) -> Option<Abbreviation> {
    BY_FORM.get(word).copied()
}

/// What a title abbreviation stands for ("Rep" -> "Representative"); other words as they
/// are.
pub(crate) fn expand_title(word: &str) -> &str {
    match lookup(word) {
        Some(Abbreviation {
            expansion,
            kind: Kind::Title,
        }) => expansion,
        _ => word,
    }
}

/// The given name that `word`, written with a period after it, abbreviates ("Wm" ->
/// "William"); none for other words.
pub(crate) fn given_name(word: &str) -> Option<&'static str> {
    lookup(word)
        .filter(|a| a.kind == Kind::GivenName)
        .map(|a| a.expansion)
}

/// True when `word`, written with a period after it, is an initial: one capital letter
/// ("J." in "Ann J. Doe").
pub(crate) fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// True when a period after `word` never ends a sentence: every kind but suffixes,
/// company forms and times, which often close one ("… Acme Inc. The firm …").
pub(crate) fn never_ends_sentence(word: &str) -> bool {
    lookup(word).is_some_and(|a| !may_end(a.kind))
}

/// True when a period after `word` ends a sentence only when a capitalised word follows.
pub(crate) fn may_end_sentence(word: &str) -> bool {
    lookup(word).is_some_and(|a| may_end(a.kind))
}

fn may_end(kind: Kind) -> bool {
    matches!(kind, Kind::Suffix | Kind::Company | Kind::Time)
}

/// True when a period after `word` does not end a phrase of names: titles, place
/// prefixes and abbreviated given names stand before the name they belong to ("Sen. Ann
/// Doe", "St. Louis", "Wm. Quarry Fenn"), suffixes,
/// name parts and references inside it ("Ann Doe Jr.", "Police Dept. of", "No. 5"). A
/// state's AP form, a month, a street word or a company form ends one ("Jefferson City,
/// Mo. —").
pub(crate) fn continues_phrase(word: &str) -> bool {
    lookup(word).is_some_and(|a| {
        matches!(
            a.kind,
            Kind::Title
                | Kind::Suffix
                | Kind::PlacePrefix
                | Kind::NamePart
                | Kind::Reference
                | Kind::GivenName
        )
    })
}

/// Every form of the table and the states' AP forms in lower case, with whether one of
/// the forms so written is no state's.
static LOWER_FORMS: LazyLock<HashMap<String, bool>> = LazyLock::new(|| {
    let mut map: HashMap<String, bool> = HashMap::new();
    for (form, a) in BY_FORM.iter() {
        *map.entry(form.to_lowercase()).or_default() |= a.kind != Kind::State;
    }
    map
});

/// The longest form in [`LOWER_FORMS`], in bytes: a longer word is no abbreviation.
static LONGEST_FORM: LazyLock<usize> =
    LazyLock::new(|| LOWER_FORMS.keys().map(String::len).max().unwrap_or(0));

/// True when attribution's tokens keep the period after `word` in the word: any
/// abbreviation, matched in any case ("SEN.", "sen.") except states' AP forms, which count
/// only capitalised ("Ill." but not "ill.", "Miss." but not "miss.").
pub(crate) fn keeps_period(word: &str) -> bool {
    if word.len() > *LONGEST_FORM {
        return false;
    }
    LOWER_FORMS
        .get(&word.to_lowercase())
        .is_some_and(|&not_state| not_state || super::is_capitalised(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_stand_for_words() {
        assert_eq!(expand_title("Rep"), "Representative");
        assert_eq!(expand_title("Cmdr"), "Commander");
        assert_eq!(expand_title("Jan"), "Jan");
        assert_eq!(lookup("Kans").map(|a| a.expansion), Some("Kansas"));
        assert_eq!(lookup("Penn").map(|a| a.kind), Some(Kind::State));
    }

    #[test]
    fn what_a_period_after_them_does() {
        for w in ["Sen", "Jan", "Nebr", "Kans", "Penn", "St", "No", "Wm"] {
            assert!(never_ends_sentence(w), "{w}");
        }
        assert!(may_end_sentence("Jr") && may_end_sentence("Inc"));
        assert!(!never_ends_sentence("Inc") && !never_ends_sentence("Quill"));
        assert!(continues_phrase("Sen") && continues_phrase("Jr") && continues_phrase("St"));
        assert!(continues_phrase("Wm") && continues_phrase("Chas"));
        assert!(!continues_phrase("Mo") && !continues_phrase("Jan") && !continues_phrase("Inc"));
    }

    #[test]
    fn quote_tokens_keep_periods() {
        assert!(keeps_period("Sen") && keeps_period("SEN") && keeps_period("jr"));
        assert!(keeps_period("Ill") && !keeps_period("ill"));
        assert!(keeps_period("Mo") && !keeps_period("Quill"));
        assert!(is_initial("J") && is_initial("É") && !is_initial("j") && !is_initial("Jo"));
    }

    #[test]
    fn abbreviated_given_names_stand_for_names() {
        assert_eq!(given_name("Wm"), Some("William"));
        assert_eq!(given_name("Chas"), Some("Charles"));
        assert_eq!(given_name("Sen"), None);
        assert_eq!(given_name("Will"), None);
    }
}
