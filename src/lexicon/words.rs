//! Function words, stop words, pronouns, determiners, directions and the other small
//! closed classes that the rules test words against.

use super::gender::{of_pronoun, Gender};
use super::WordSet;

/// Capitalised words that start sentences or name dates, never parts of a name.
pub(crate) static STOP_WORDS: WordSet = WordSet::new(&[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "For",
    "Of",
    "And",
    "But",
    "Or",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "During",
    "Today",
    "Yesterday",
    "Tomorrow",
    "He",
    "She",
    "They",
    "We",
    "I",
    "It",
    "His",
    "Her",
    "Our",
    "Their",
    "Its",
    "My",
    "Your",
    "As",
    "By",
    "From",
    "To",
    "With",
    "Without",
    "Under",
    "Over",
    "Since",
    "Until",
    "Per",
    "Also",
    "According",
    "Additionally",
    "Anyone",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Contact",
    "Media",
    "Press",
    "Release",
    "Immediate",
    "News",
    "Email",
    "Phone",
    "Cell",
    "Fax",
    "Tel",
    "Attn",
    "Share",
    "Home",
    "Read",
    "More",
    "Click",
    "Here",
    "Visit",
    "Follow",
    "Like",
    "Tweet",
    "Print",
    "Back",
    "Next",
    "Previous",
    "Posted",
    "Published",
    "Author",
    "Updated",
    "Thanks",
    "Thank",
    "Please",
    "Dear",
    "Sincerely",
    "Yes",
    "No",
    "Not",
    "All",
    "Every",
    "Each",
    "Both",
    "Some",
    "Any",
    "Many",
    "Most",
    "Other",
    "Another",
    "Such",
    "Through",
    "Throughout",
    "Because",
    "Although",
    "However",
    "Meanwhile",
    "Instead",
    "Now",
    "Then",
    "There",
    "Where",
    "Who",
    "What",
    "Which",
    "Why",
    "How",
    "Here",
    "Federal",
    "American",
    "Americans",
    "God",
    "Act",
    "Bill",
    "Program",
    "Medicare",
    "Medicaid",
    "Social",
    "Security",
    "Congress",
    "Jane",
    "John Doe",
    "Doe",
    "Covid",
    "COVID",
    "Internet",
    "Facebook",
    "Twitter",
    "Instagram",
    "YouTube",
    "LinkedIn",
    "Just",
    "Only",
    "Even",
    "Once",
    "Whether",
    "Including",
    "Among",
    "Between",
    "Against",
    "About",
    "Above",
    "Below",
    "Into",
    "Upon",
    "Within",
    "Across",
    "Along",
    "Around",
    "Behind",
    "Beyond",
    "Near",
    "Following",
    "Regarding",
    "Despite",
    "Except",
    "Like",
    "Unlike",
    "Via",
    "Us",
    "Use",
    "Terms",
    "Privacy",
    "Policy",
    "Do",
    "Does",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "Be",
    "Been",
    "Has",
    "Have",
    "Had",
    "Will",
    "Would",
    "Should",
    "Could",
    "Can",
    "May",
    "Might",
    "Must",
    "Shall",
]);

/// Words that make a statement cue after a statement verb.
pub(crate) const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "remarks",
    "comment",
    "comments",
    "message",
    "letter",
    "response",
];

/// Determiners that start a common-noun speaker ("the department", "a spokesman").
pub(crate) const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "our"];

/// Prepositions that attach an organisation to the person before it, naming where the
/// person works rather than who speaks ("Jo Park of the Lake Board", "Jo Park with the
/// Lake Board").
pub(crate) const ATTACHING_PREPOSITIONS: &[&str] = &["of", "for", "from", "with", "at"];

/// A day or a word for one that can follow a speech verb ("said Tuesday", "said today").
pub(crate) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "today"
            | "yesterday"
            | "tonight"
    )
}

/// Small words written in lower case inside proper names.
pub(crate) static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "of", "for", "and", "the", "on", "&", "in", "at", "to", "de", "del", "la", "y",
]);

/// Small words that title-case headlines leave in lower case.
pub(crate) static HEADLINE_SMALL_WORDS: WordSet = WordSet::new(&[
    "a", "an", "by", "from", "with", "into", "as", "after", "before", "over", "under", "vs", "or",
    "but", "nor", "up", "off", "out", "via", "per", "upon", "amid", "onto",
]);

/// Common English words that prose lines hold and headlines in other languages do not.
pub(crate) const ENGLISH_WORDS: &[&str] = &[
    "the", "a", "an", "and", "to", "of", "in", "is", "was", "are", "were", "has", "have", "had",
    "will", "for", "with", "that", "said", "by", "on", "at", "from", "as", "who", "his", "her",
    "their", "our", "be", "been", "it", "this", "or", "he", "she", "they", "we", "not", "but",
    "after", "before", "today",
];

/// Capitalised prepositions of headlines ("Statement from Jo Park Regarding the Vote"),
/// which end a name.
pub(crate) const HEADLINE_WORDS: &[&str] = &[
    "Regarding",
    "Following",
    "On",
    "In",
    "After",
    "About",
    "Over",
    "For",
    "To",
    "With",
    "At",
    "Of",
    "By",
    "As",
    "From",
    "Against",
    "Into",
    "During",
    "Upon",
    "Amid",
    "Before",
    "Re",
];

/// Words that may follow a quoted phrase in running text without making it a modifier.
pub(crate) const FOLLOWERS: &[&str] = &[
    "and", "or", "but", "nor", "to", "in", "of", "on", "at", "for", "with", "from", "by", "as",
    "that", "which", "who", "whom", "is", "was", "were", "are", "be", "been", "has", "have", "had",
    "will", "would", "could", "should", "can", "may", "might", "than", "then", "when", "while",
    "if", "because", "so", "about", "into", "over", "after", "before", "during", "since", "until",
    "he", "she", "they", "it", "i", "we", "you", "this", "these", "those", "there", "here", "not",
    "also", "even", "only", "just", "now", "again", "too", "instead",
];

/// Small words a title may leave in lower case.
pub(crate) const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from",
];

/// Words before a name that mark a private person in a case ("charges against ...").
pub(crate) const CASE_WORDS_BEFORE: &[&str] = &[
    "against",
    "killing",
    "killed",
    "murdered",
    "shot",
    "stabbed",
    "victim",
    "victims",
    "defendant",
    "defendants",
    "suspect",
    "suspects",
];

/// The points of the compass, which end some names ("Navy Region Southwest").
pub(crate) const COMPASS_POINTS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
];

/// Words that name a region of a state before its name ("Northern", "Upstate").
pub(crate) const REGION_WORDS: &[&str] = &[
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Upstate",
    "Downstate",
    "Greater",
    "Rural",
    "Coastal",
];

/// What a pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// "he", "she": one person, of the pronoun's gender.
    Person(Gender),
    /// "they", "it": an organisation (or a group).
    Group,
}

/// The personal pronouns that can be speakers (subjects), with what they stand for.
pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    match word.to_lowercase().as_str() {
        "he" | "she" => of_pronoun(word).map(Pronoun::Person),
        "they" | "it" => Some(Pronoun::Group),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_pronouns_carry_their_gender() {
        assert_eq!(pronoun("She"), Some(Pronoun::Person(Gender::Female)));
        assert_eq!(pronoun("he"), Some(Pronoun::Person(Gender::Male)));
        assert_eq!(pronoun("they"), Some(Pronoun::Group));
        assert_eq!(pronoun("her"), None);
    }
}
