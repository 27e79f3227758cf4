//! Agency names as the resolution compares them: "Department of Justice", "Justice
//! Department" and "U.S. Department of Justice" share one key; "DOJ" is an acronym.

/// Words that do not tell one agency name from another written form of it.
const NOISE: &[&str] = &[
    "the", "of", "and", "for", "on", "u.s.", "us", "u.s", "united", "states",
];

/// The key under which written forms of one agency name are the same name: its
/// significant words, lower case, possessives dropped, in sorted order.
pub fn key(name: &str) -> String {
    let mut words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            let w = w.replace('’', "'").to_lowercase();
            let w = w.trim_end_matches("'s").trim_end_matches('\'');
            w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '"'))
                .to_string()
        })
        .filter(|w| !w.is_empty() && w != "&" && !NOISE.contains(&w.as_str()))
        .collect();
    words.sort();
    words.join(" ")
}

/// The name itself when it is written as an acronym ("DOJ", "FEMA"): two to eight
/// letters, all capitals.
pub fn as_acronym(name: &str) -> Option<&str> {
    let n = name.trim();
    ((2..=8).contains(&n.len()) && n.chars().all(|c| c.is_ascii_uppercase())).then_some(n)
}

/// The acronyms a full name may be written as: the initials of its words, with and
/// without the small words ("Department of Justice": "DOJ", "DJ").
pub fn initials(name: &str) -> [String; 2] {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "u.s." | "us" | "the"))
        .collect();
    let all = words
        .iter()
        .filter_map(|w| w.chars().next())
        .collect::<String>();
    let big = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect::<String>();
    [all.to_uppercase(), big]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_orders_and_prefixes_share_a_key() {
        let k = key("Department of Ferries");
        assert_eq!(key("Ferries Department"), k);
        assert_eq!(key("U.S. Department of Ferries"), k);
        assert_eq!(key("the Department of Ferries"), k);
        assert_ne!(key("Department of Ferry Safety"), k);
        assert_eq!(key("Governor’s Office"), key("Office of the Governor"));
    }

    #[test]
    fn acronyms_and_initials() {
        assert_eq!(as_acronym("DOF"), Some("DOF"));
        assert_eq!(as_acronym("Dof"), None);
        assert_eq!(as_acronym("D"), None);
        assert_eq!(initials("U.S. Department of Ferries"), ["DOF", "DF"]);
    }
}
