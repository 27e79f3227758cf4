//! US states, DC and territories: full names, AP abbreviations, USPS codes, and the false
//! friends among them (codes that are English words, names that are given names).

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

/// One state, district or territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct State {
    /// USPS code ("MO").
    pub code: &'static str,
    /// Full name ("Missouri").
    pub name: &'static str,
    /// AP forms, without a final period ("Mo"; dotted ones keep their inner periods:
    /// "N.Y.").
    pub ap: &'static [&'static str],
}

impl State {
    /// The state's code as a [`StateCode`].
    pub(crate) fn state_code(&self) -> StateCode {
        StateCode(self.code)
    }
}

/// The USPS code of a state, DC or territory of [`STATES`] ("MO"): only made from that
/// table, so it is never a code the lexicon does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StateCode(&'static str);

impl StateCode {
    /// The District of Columbia, which "Washington, D.C." names.
    pub(crate) const DC: StateCode = StateCode("DC");
    /// Washington, the state ("Washington State"), apart from the capital.
    pub(crate) const WA: StateCode = StateCode("WA");

    /// The code of the state written `code` ("MO"); `None` for a code no state has.
    pub fn parse(code: &str) -> Option<StateCode> {
        by_code(code).map(State::state_code)
    }

    /// The code as written ("MO").
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// True when the state has (or had since 1992) a House district numbered `n`; 0 is
    /// its at-large seat, which only a one-seat state has.
    pub(crate) fn has_district(self, n: u8) -> bool {
        let most = MOST_DISTRICTS
            .iter()
            .find(|(code, _)| *code == self.0)
            .map_or(0, |&(_, most)| most);
        if n == 0 {
            most == 1
        } else {
            n <= most
        }
    }

    /// The state's full name ("Missouri"; the first name of a state listed under two).
    pub fn name(self) -> &'static str {
        by_code(self.0).map_or(self.0, |s| s.name)
    }
}

impl fmt::Display for StateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Every state, DC and the territories (the Virgin Islands under two names).
pub(crate) const STATES: &[State] = &[
    State {
        code: "AL",
        name: "Alabama",
        ap: &["Ala"],
    },
    State {
        code: "AK",
        name: "Alaska",
        ap: &[],
    },
    State {
        code: "AZ",
        name: "Arizona",
        ap: &["Ariz"],
    },
    State {
        code: "AR",
        name: "Arkansas",
        ap: &["Ark"],
    },
    State {
        code: "CA",
        name: "California",
        ap: &["Calif", "Cal"],
    },
    State {
        code: "CO",
        name: "Colorado",
        ap: &["Colo"],
    },
    State {
        code: "CT",
        name: "Connecticut",
        ap: &["Conn"],
    },
    State {
        code: "DE",
        name: "Delaware",
        ap: &["Del"],
    },
    State {
        code: "DC",
        name: "District of Columbia",
        ap: &["D.C."],
    },
    State {
        code: "FL",
        name: "Florida",
        ap: &["Fla"],
    },
    State {
        code: "GA",
        name: "Georgia",
        ap: &["Ga"],
    },
    State {
        code: "HI",
        name: "Hawaii",
        ap: &[],
    },
    State {
        code: "ID",
        name: "Idaho",
        ap: &[],
    },
    State {
        code: "IL",
        name: "Illinois",
        ap: &["Ill"],
    },
    State {
        code: "IN",
        name: "Indiana",
        ap: &["Ind"],
    },
    State {
        code: "IA",
        name: "Iowa",
        ap: &[],
    },
    State {
        code: "KS",
        name: "Kansas",
        ap: &["Kan", "Kans"],
    },
    State {
        code: "KY",
        name: "Kentucky",
        ap: &["Ky"],
    },
    State {
        code: "LA",
        name: "Louisiana",
        ap: &["La"],
    },
    State {
        code: "ME",
        name: "Maine",
        ap: &[],
    },
    State {
        code: "MD",
        name: "Maryland",
        ap: &["Md"],
    },
    State {
        code: "MA",
        name: "Massachusetts",
        ap: &["Mass"],
    },
    State {
        code: "MI",
        name: "Michigan",
        ap: &["Mich"],
    },
    State {
        code: "MN",
        name: "Minnesota",
        ap: &["Minn"],
    },
    State {
        code: "MS",
        name: "Mississippi",
        ap: &["Miss"],
    },
    State {
        code: "MO",
        name: "Missouri",
        ap: &["Mo"],
    },
    State {
        code: "MT",
        name: "Montana",
        ap: &["Mont"],
    },
    State {
        code: "NE",
        name: "Nebraska",
        ap: &["Neb", "Nebr"],
    },
    State {
        code: "NV",
        name: "Nevada",
        ap: &["Nev"],
    },
    State {
        code: "NH",
        name: "New Hampshire",
        ap: &["N.H."],
    },
    State {
        code: "NJ",
        name: "New Jersey",
        ap: &["N.J."],
    },
    State {
        code: "NM",
        name: "New Mexico",
        ap: &["N.M."],
    },
    State {
        code: "NY",
        name: "New York",
        ap: &["N.Y."],
    },
    State {
        code: "NC",
        name: "North Carolina",
        ap: &["N.C."],
    },
    State {
        code: "ND",
        name: "North Dakota",
        ap: &["N.D."],
    },
    State {
        code: "OH",
        name: "Ohio",
        ap: &[],
    },
    State {
        code: "OK",
        name: "Oklahoma",
        ap: &["Okla"],
    },
    State {
        code: "OR",
        name: "Oregon",
        ap: &["Ore"],
    },
    State {
        code: "PA",
        name: "Pennsylvania",
        ap: &["Pa", "Penn"],
    },
    State {
        code: "RI",
        name: "Rhode Island",
        ap: &["R.I."],
    },
    State {
        code: "SC",
        name: "South Carolina",
        ap: &["S.C."],
    },
    State {
        code: "SD",
        name: "South Dakota",
        ap: &["S.D."],
    },
    State {
        code: "TN",
        name: "Tennessee",
        ap: &["Tenn"],
    },
    State {
        code: "TX",
        name: "Texas",
        ap: &["Tex"],
    },
    State {
        code: "UT",
        name: "Utah",
        ap: &[],
    },
    State {
        code: "VT",
        name: "Vermont",
        ap: &["Vt"],
    },
    State {
        code: "VA",
        name: "Virginia",
        ap: &["Va"],
    },
    State {
        code: "WA",
        name: "Washington",
        ap: &["Wash"],
    },
    State {
        code: "WV",
        name: "West Virginia",
        ap: &["W.Va"],
    },
    State {
        code: "WI",
        name: "Wisconsin",
        ap: &["Wis", "Wisc"],
    },
    State {
        code: "WY",
        name: "Wyoming",
        ap: &["Wyo"],
    },
    State {
        code: "PR",
        name: "Puerto Rico",
        ap: &[],
    },
    State {
        code: "GU",
        name: "Guam",
        ap: &[],
    },
    State {
        code: "VI",
        name: "U.S. Virgin Islands",
        ap: &[],
    },
    State {
        code: "VI",
        name: "Virgin Islands",
        ap: &[],
    },
    State {
        code: "AS",
        name: "American Samoa",
        ap: &[],
    },
    State {
        code: "MP",
        name: "Northern Mariana Islands",
        ap: &[],
    },
];

/// The most House districts each state has had since the 1992 apportionment (a state
/// with one seat elects "at large": "WY-AL"). A district tag names a state only when
/// its number exists there: "MS-13" is a gang, Mississippi never had 13 districts.
const MOST_DISTRICTS: &[(&str, u8)] = &[
    ("AL", 7),
    ("AK", 1),
    ("AZ", 9),
    ("AR", 4),
    ("CA", 53),
    ("CO", 8),
    ("CT", 6),
    ("DE", 1),
    ("DC", 1),
    ("FL", 28),
    ("GA", 14),
    ("HI", 2),
    ("ID", 2),
    ("IL", 20),
    ("IN", 10),
    ("IA", 5),
    ("KS", 4),
    ("KY", 6),
    ("LA", 7),
    ("ME", 2),
    ("MD", 8),
    ("MA", 10),
    ("MI", 16),
    ("MN", 8),
    ("MS", 5),
    ("MO", 9),
    ("MT", 2),
    ("NE", 3),
    ("NV", 4),
    ("NH", 2),
    ("NJ", 13),
    ("NM", 3),
    ("NY", 31),
    ("NC", 14),
    ("ND", 1),
    ("OH", 19),
    ("OK", 6),
    ("OR", 6),
    ("PA", 21),
    ("RI", 2),
    ("SC", 7),
    ("SD", 1),
    ("TN", 9),
    ("TX", 38),
    ("UT", 4),
    ("VT", 1),
    ("VA", 11),
    ("WA", 10),
    ("WV", 3),
    ("WI", 9),
    ("WY", 1),
    ("PR", 1),
    ("GU", 1),
    ("VI", 1),
    ("AS", 1),
    ("MP", 1),
];

/// Codes that are also English words or common abbreviations: only counted in addresses.
pub(crate) const WORDLIKE_CODES: &[&str] = &[
    "IN", "OR", "ME", "OK", "HI", "AS", "OH", "ID", "AL", "DE", "LA", "MA", "PA", "CO", "MD", "MS",
    "MT", "GU", "VI", "MP", "SC", "NE",
];

/// State names that are also given names: not a state when a surname follows.
pub(crate) const GIVEN_NAME_STATES: &[&str] = &[
    "Virginia",
    "Georgia",
    "Indiana",
    "Montana",
    "Nevada",
    "Carolina",
    "Dakota",
    "Washington",
];

/// The state with a USPS code.
pub(crate) fn by_code(code: &str) -> Option<&'static State> {
    STATES.iter().find(|s| s.code == code)
}

/// The states by their AP forms, without a final period.
static BY_AP_FORM: LazyLock<HashMap<&'static str, &'static State>> = LazyLock::new(|| {
    STATES
        .iter()
        .flat_map(|s| {
            s.ap.iter()
                .map(move |ap| (ap.strip_suffix('.').unwrap_or(ap), s))
        })
        .collect()
});

/// The state an AP form stands for ("Mo" or "Kans", without the final period; "N.Y." or
/// "N.Y").
pub(crate) fn by_ap_form(form: &str) -> Option<&'static State> {
    BY_AP_FORM
        .get(form.strip_suffix('.').unwrap_or(form))
        .copied()
}

/// The names of states that are one word ("Missouri").
pub(crate) fn single_word_names() -> Vec<&'static str> {
    STATES
        .iter()
        .map(|s| s.name)
        .filter(|n| !n.contains(' '))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_codes_only_of_known_states() {
        let mo = StateCode::parse("MO").expect("Missouri");
        assert_eq!(
            (mo.as_str(), mo.name(), mo.to_string()),
            ("MO", "Missouri", "MO".into())
        );
        assert_eq!(StateCode::parse("XX"), None);
        assert_eq!(StateCode::parse("mo"), None);
        assert_eq!(StateCode::parse("DC"), Some(StateCode::DC));
        assert_eq!(StateCode::parse("WA"), Some(StateCode::WA));
    }

    #[test]
    fn every_ap_form_gives_its_state() {
        for (form, code) in [
            ("Mo", "MO"),
            ("Kans", "KS"),
            ("Kan", "KS"),
            ("Nebr", "NE"),
            ("Penn", "PA"),
            ("N.Y.", "NY"),
            ("N.Y", "NY"),
        ] {
            assert_eq!(by_ap_form(form).map(|s| s.code), Some(code), "{form}");
        }
        assert_eq!(by_ap_form("Quill"), None);
        assert_eq!(by_code("NE").map(|s| s.name), Some("Nebraska"));
    }

    #[test]
    fn districts_that_exist() {
        let code = |c: &str| StateCode::parse(c).expect("a state");
        assert!(code("CA").has_district(32) && code("NY").has_district(2));
        assert!(!code("MS").has_district(13) && !code("CA").has_district(54));
        // The at-large seat only of a one-seat state.
        assert!(code("WY").has_district(0) && code("WY").has_district(1));
        assert!(!code("WY").has_district(2) && !code("CA").has_district(0));
    }
}
