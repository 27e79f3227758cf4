//! The gender of a release's people, for pronouns to find a compatible antecedent: what
//! the release writes next to a person (an honorific, a gendered title) goes before the
//! person's given name; unknown when there is neither or the marks disagree.

use super::context::Ctx;
use super::names::name_key;
use super::speaker::Speaker;
use crate::entities::{Entity, EntityId, EntityType};
use crate::lexicon::gender::{of_given_name, of_title_word, Gender};
use crate::lexicon::{class, classes, is_capitalised};

/// Most words read back from a mention for an honorific or title ("U.S. Congresswoman").
const TITLE_WORDS: usize = 3;
/// Most words of an apposition read after a mention for a gendered noun ("Ada Quill, a
/// 34-year-old Alder County woman,").
const APPOSITION_WORDS: usize = 5;

/// The gender that the evidence about one person gives: the marks written beside the
/// person (honorifics, gendered titles) when they agree, else unknown when they
/// disagree; without marks, the given name's gender.
pub(super) fn infer(
    marks: impl IntoIterator<Item = Gender>,
    given: Option<Gender>,
) -> Option<Gender> {
    let mut marks = marks.into_iter();
    match marks.next() {
        None => given,
        Some(first) => marks.all(|m| m == first).then_some(first),
    }
}

/// True unless both genders are known and differ: unknown never rules a person out.
pub(super) fn compatible(a: Option<Gender>, b: Option<Gender>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// The gender of a name's given name: the first of its words before the surname that is
/// a listed given name ("J. Ada Quill", "Democrat Ada Quill" -> "Ada").
fn given_name(name: &str) -> Option<Gender> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let before_surname = words.len().saturating_sub(1);
    words[..before_surname]
        .iter()
        .find_map(|w| of_given_name(w.trim_end_matches('.')))
}

impl Ctx<'_> {
    /// The gender of each entity of the release (unknown for all but people), found once.
    fn genders(&self) -> &[Option<Gender>] {
        self.genders.get_or_init(|| {
            self.entities
                .iter()
                .map(|e| {
                    (e.kind == EntityType::Person)
                        .then(|| self.entity_gender(e))
                        .flatten()
                })
                .collect()
        })
    }

    /// The gender of a person entity: the gendered words of its title, of the words
    /// written right before its mentions and of their appositions, over its given name.
    fn entity_gender(&self, e: &Entity) -> Option<Gender> {
        let title = e
            .title
            .iter()
            .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
            .filter_map(of_title_word);
        let beside = e.mentions.iter().flat_map(|m| {
            [
                self.title_before(m.span.start),
                self.apposition_after(m.span.end),
            ]
            .into_iter()
            .flatten()
        });
        infer(title.chain(beside), given_name(&e.name))
    }

    /// The gender of the honorific or title written right before byte `pos` ("Mrs. ",
    /// "Congresswoman ", "U.S. Congressman ", "spokeswoman "), reading back over
    /// capitalised words and the period of an abbreviated title ("Rep.") only.
    fn title_before(&self, pos: usize) -> Option<Gender> {
        let mut i = self.first_at(pos);
        let mut words = 0;
        while i > 0 && words < TITLE_WORDS {
            i -= 1;
            let mut w = self.word(i);
            if w == "." && i > 0 {
                let abbreviation = self.word(i - 1);
                let short = abbreviation.chars().count() <= 4;
                if !(short && classes(abbreviation) & class::TITLE != 0) {
                    return None;
                }
                i -= 1;
                w = abbreviation;
            }
            if !self.is_word(i) {
                return None;
            }
            if let Some(g) = of_title_word(w) {
                return Some(g);
            }
            if !is_capitalised(w) {
                return None;
            }
            words += 1;
        }
        None
    }

    /// The gender of the noun or title of an apposition right after byte `pos` (", the
    /// victim's mother,", ", a spokeswoman for"), read up to its end, a relative word
    /// ("whose mother") or [`APPOSITION_WORDS`] words.
    fn apposition_after(&self, pos: usize) -> Option<Gender> {
        let i = self.first_at(pos);
        if self.word(i) != "," {
            return None;
        }
        let mut words = 0;
        for k in i + 1.. {
            let w = self.word(k);
            // The apostrophe of a possessive ("Travis’ mother") goes on.
            if matches!(w, "’" | "'" | "’s" | "'s") {
                continue;
            }
            if words == APPOSITION_WORDS
                || !self.is_word(k)
                || matches!(w, "who" | "whose" | "which" | "and" | "or" | "with")
            {
                return None;
            }
            words += 1;
            if let Some(g) = of_title_word(w) {
                return Some(g);
            }
        }
        None
    }

    /// The gender of a speaker: its entity's (or that of the person entity its written
    /// name stands for), else its written name's given name.
    pub(super) fn gender_of(&self, speaker: &Speaker) -> Option<Gender> {
        match speaker.entity_id.as_ref() {
            Some(id) => self.gender_of_id(id),
            None => match self.person_named(&name_key(&speaker.name)) {
                Some(e) => self.gender_of_id(&e.id),
                None => given_name(&speaker.name),
            },
        }
    }

    /// The gender of the entity with id `id`.
    pub(super) fn gender_of_id(&self, id: &EntityId) -> Option<Gender> {
        let k = self.entities.iter().position(|e| e.id == *id)?;
        self.genders()[k]
    }

    /// True when a person entity may be the antecedent of a pronoun of gender `g`.
    pub(super) fn fits(&self, e: &Entity, g: Option<Gender>) -> bool {
        compatible(self.gender_of_id(&e.id), g)
    }

    /// True when a speaker may be the antecedent of a pronoun of gender `g`.
    pub(super) fn speaker_fits(&self, s: &Speaker, g: Option<Gender>) -> bool {
        compatible(self.gender_of(s), g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Gender = Gender::Female;
    const M: Gender = Gender::Male;

    #[test]
    fn marks_beside_a_person_beat_the_given_name() {
        assert_eq!(infer([M], Some(F)), Some(M));
        assert_eq!(infer([F, F], Some(M)), Some(F));
        assert_eq!(infer([], Some(F)), Some(F));
    }

    #[test]
    fn disagreeing_marks_or_no_evidence_leave_it_unknown() {
        assert_eq!(infer([F, M], Some(F)), None);
        assert_eq!(infer([], None), None);
    }

    #[test]
    fn unknown_is_compatible_with_anything() {
        assert!(compatible(None, Some(F)) && compatible(Some(M), None) && compatible(None, None));
        assert!(compatible(Some(F), Some(F)) && !compatible(Some(F), Some(M)));
    }

    #[test]
    fn given_names_skip_initials() {
        assert_eq!(given_name("J. Margaret Quill"), Some(F));
        assert_eq!(given_name("Walter Tarn"), Some(M));
        assert_eq!(given_name("Democrat Ada Quill"), Some(F));
        assert_eq!(given_name("Jordan Tarn"), None);
        assert_eq!(given_name("Walter"), None);
    }
}
