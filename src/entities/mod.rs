//! Entities: turns NER mentions and the text around them into people (with officials'
//! titles), US states, government agencies and other organisations and places.
//!
//! The rules read the release's sentences as word tokens ([`text`]): states come from a
//! gazetteer with context checks ([`states`]), agencies and organisations from
//! capitalised names with head words ([`agencies`]), people from names in the context of
//! titles, speech verbs and other cues ([`people`], [`titles`]). The model's PER/ORG/LOC
//! spans, when present, are candidates beside the rules' own; the press-release head's
//! ORG spans turn a named body the head words call an agency into another organisation
//! ([`bodies`]). The readers propose
//! [`Candidates`]; an [`EntityDecider`] ([`RuleDecider`], today's rules) turns them into
//! entities ([`decide`]), and every state an entity is given is decided in one place from
//! the claims the readers make ([`state_of`]).

mod agencies;
mod bodies;
mod decide;
mod entity;
mod people;
mod state_of;
mod states;
mod text;
mod titles;

use crate::doc::Release;
use bodies::{demote_press_organisations, model_bodies};
pub use decide::{Candidates, EntityDecider, RuleDecider};
pub use entity::{Entity, EntityId, EntityType, Mention, Origin};
use state_of::{Claim, Evidence as StateEvidence};

/// Finds the entities of a release with today's rules ([`RuleDecider`]).
pub fn extract(release: &Release) -> Vec<Entity> {
    extract_with(release, &RuleDecider)
}

/// Finds the entities of a release: people, states, agencies, other organisations and
/// places, each with its mentions in text order, as `decider` decides them from the
/// candidates the readers find.
pub fn extract_with(release: &Release, decider: &dyn EntityDecider) -> Vec<Entity> {
    decider.decide(candidates(release))
}

/// The candidates of a release: the spans the rules and the model propose, with what
/// the text around them says.
pub(crate) fn candidates(release: &Release) -> Candidates<'_> {
    let text: &str = &release.text;
    let tokens = text::tokenize(release);
    let state_mentions = states::find(&tokens);
    let mut bodies = agencies::find(&tokens, text, false);
    let from_model = model_bodies(release, &tokens, &bodies);
    bodies.extend(from_model);
    demote_press_organisations(&mut bodies, &release.press);
    let mut people = people::find(&tokens, text, &bodies, &release.ner);
    let contact_lines = text::tokenize_contact_block(release);
    people.extend(people::contacts(
        &contact_lines,
        text,
        release.header.contact_name,
    ));
    // Offices named in the contact block ("Media Relations Division"), unless the body
    // names them too.
    for b in agencies::find(&contact_lines, text, true) {
        if !bodies.iter().any(|x| x.span == b.span) {
            bodies.push(b);
        }
    }
    let headline = text::tokenize_headline(release);
    people.extend(people::headline_titles(&headline, text));
    let home = home_states(release, &state_mentions);
    Candidates {
        release,
        tokens,
        states: state_mentions,
        bodies,
        people,
        home,
    }
}

/// The states a release is issued from: the state of its dateline, and one named in its
/// issuer ("Office of the Missouri Secretary of State").
fn home_states(release: &Release, state_mentions: &[states::StateMention]) -> Vec<Claim> {
    let dateline = release.header.dateline;
    let of_dateline = state_mentions
        .iter()
        .find(|m| dateline.is_some_and(|d| d.contains(m.span)))
        .map(|m| Claim::new(m.code, StateEvidence::Dateline));
    let of_issuer = (release.header.issuer.as_deref())
        .and_then(states::code_named_in)
        .map(|code| Claim::new(code, StateEvidence::Issuer));
    of_dateline.into_iter().chain(of_issuer).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::fixture::ReleaseBuilder;
    use crate::doc::{Header, NerLabel, NerSpan, PressLabel, PressSpan, Span};
    use crate::lexicon::states::StateCode;

    /// A release whose sentences are the lines of `text`.
    fn release(text: &str, header: Header, ner: Vec<NerSpan>) -> Release {
        ReleaseBuilder::new(text)
            .lines_as_sentences()
            .header(header)
            .ner(ner)
            .build()
    }

    fn find<'a>(entities: &'a [Entity], kind: EntityType, name: &str) -> &'a Entity {
        entities
            .iter()
            .find(|e| e.kind == kind && e.name == name)
            .unwrap_or_else(|| panic!("no {kind:?} {name} in {entities:#?}"))
    }

    fn ner(text: &str, words: &str, label: NerLabel, score: f32) -> NerSpan {
        let start = text.find(words).expect("words in text");
        NerSpan {
            span: Span::new(start, start + words.len()),
            label,
            score,
        }
    }

    const SUMMIT: &str =
        "Jefferson City, Mo. — Secretary of State Tom Lark ran a drill with Nebraska’s Kit Hollis \
        at the U.S. Cybersecurity and Infrastructure Security Agency (CISA) in Kansas City.\n\
        “We are ready,” Lark said after CISA staff spoke.\n";

    #[test]
    fn officials_of_state_offices_take_the_dateline_state() {
        let dateline = Span::new(0, "Jefferson City, Mo.".len());
        let header = Header {
            dateline: Some(dateline),
            ..Header::default()
        };
        let entities = extract(&release(SUMMIT, header, Vec::new()));
        assert_eq!(
            find(&entities, EntityType::Person, "Tom Lark")
                .state
                .map(StateCode::as_str),
            Some("MO")
        );
        // Hollis is Nebraska's, as the text says; nothing overrides that.
        assert_eq!(
            find(&entities, EntityType::Person, "Kit Hollis")
                .state
                .map(StateCode::as_str),
            Some("NE")
        );
        // Without a dateline or an issuer naming a state, nobody is placed.
        let entities = extract(&release(SUMMIT, Header::default(), Vec::new()));
        assert_eq!(find(&entities, EntityType::Person, "Tom Lark").state, None);
        // An issuer naming a state places them, after the dateline.
        let lark = |header| {
            let entities = extract(&release(SUMMIT, header, Vec::new()));
            find(&entities, EntityType::Person, "Tom Lark").state
        };
        let issuer = Some("Office of the Kansas Secretary of State".to_string());
        let by_issuer = Header {
            issuer: issuer.clone(),
            ..Header::default()
        };
        assert_eq!(lark(by_issuer), StateCode::parse("KS"));
        let both = Header {
            dateline: Some(dateline),
            issuer,
            ..Header::default()
        };
        assert_eq!(lark(both), StateCode::parse("MO"));
    }

    /// A body the head words make an agency is another organisation when the press head
    /// reads the whole name as ORG with some confidence; a doubtful span, or one over
    /// part of the name, leaves the rules' agency.
    #[test]
    fn press_org_spans_over_a_whole_name_make_it_an_organisation() {
        let text = "Deputies of the Harlow County Sheriff’s Office made the arrest.\n\
            The Maple Ridge Tenants Council paid for the meal.\n\
            The Fenwick Business Council met on Monday.\n\
            The Ostrander Civic Council met on Tuesday.\n";
        let press = |words: &str, score: f32| {
            let start = text.find(words).expect("words in text");
            PressSpan {
                span: Span::new(start, start + words.len()),
                label: PressLabel::Org,
                score,
            }
        };
        let names = [
            "Harlow County Sheriff’s Office",
            "Maple Ridge Tenants Council",
            "Fenwick Business Council",
            "Ostrander Civic Council",
        ];
        let kinds = |press: Vec<PressSpan>| {
            let r = ReleaseBuilder::new(text)
                .lines_as_sentences()
                .press(press)
                .build();
            let entities = extract(&r);
            names.map(|n| {
                entities
                    .iter()
                    .find(|e| e.name == n)
                    .unwrap_or_else(|| panic!("no {n} in {entities:#?}"))
                    .kind
            })
        };
        // The rules alone: every name ends in a head word.
        assert_eq!(kinds(Vec::new()), [EntityType::Agency; 4]);
        let with_head = kinds(vec![
            press("The Maple Ridge Tenants Council", 0.8),
            press("Fenwick Business Council", 0.4),
            press("Civic Council", 0.95),
        ]);
        assert_eq!(
            with_head,
            [
                EntityType::Agency,
                EntityType::Organization,
                EntityType::Agency,
                EntityType::Agency
            ]
        );
    }

    #[test]
    fn people_states_and_agencies_of_a_release() {
        let entities = extract(&release(SUMMIT, Header::default(), Vec::new()));
        let lark = find(&entities, EntityType::Person, "Tom Lark");
        assert_eq!(lark.official, Some(true));
        assert_eq!(lark.title.as_deref(), Some("Secretary of State"));
        assert_eq!(lark.mentions.len(), 2);
        let evans = find(&entities, EntityType::Person, "Kit Hollis");
        assert_eq!(evans.state.map(StateCode::as_str), Some("NE"));
        let agency = find(
            &entities,
            EntityType::Agency,
            "U.S. Cybersecurity and Infrastructure Security Agency",
        );
        assert_eq!(agency.acronym.as_deref(), Some("CISA"));
        assert_eq!(agency.mentions.len(), 3);
        let states: Vec<&str> = entities
            .iter()
            .filter(|e| e.kind == EntityType::State)
            .filter_map(|e| e.state.map(StateCode::as_str))
            .collect();
        assert_eq!(states, ["MO", "NE"]);
        // Mentions are in text order and name what they point at.
        for e in &entities {
            assert!(e.mentions.windows(2).all(|w| w[0].span < w[1].span));
            assert!(e.mentions.iter().all(|m| m.origin == Origin::Rule));
        }
    }

    #[test]
    fn identifiers_are_shared_across_releases_but_not_across_people() {
        let a = extract(&release(SUMMIT, Header::default(), Vec::new()));
        let b = extract(&release(
            "Secretary of State Tom J. Lark thanked Commissioner Ann Lark today.\n",
            Header::default(),
            Vec::new(),
        ));
        let tom_a = find(&a, EntityType::Person, "Tom Lark");
        let tom_b = find(&b, EntityType::Person, "Tom J. Lark");
        let ann = find(&b, EntityType::Person, "Ann Lark");
        assert_eq!(tom_a.id, tom_b.id);
        assert_ne!(tom_b.id, ann.id);
        assert_eq!(tom_a.id, EntityId::of(EntityType::Person, "tom lark"));
    }

    #[test]
    fn model_spans_add_organisations_and_places() {
        let text = "The shelter run by Acme Widgets in Springfield was inspected by the county.\n";
        let spans = vec![
            ner(text, "Acme Widgets", NerLabel::Organization, 0.95),
            ner(text, "Springfield", NerLabel::Location, 0.95),
        ];
        let entities = extract(&release(text, Header::default(), spans));
        let org = find(&entities, EntityType::Organization, "Acme Widgets");
        assert_eq!(org.mentions[0].origin, Origin::Model);
        find(&entities, EntityType::Location, "Springfield");
    }

    #[test]
    fn model_names_need_cues_unless_confident() {
        let text = "The district takes in Clare, Tobin and Merrow counties, \
            and the juggler known as “Little Ferret” was seen by Dana Whitcomb.\n";
        let spans = vec![
            ner(text, "Clare", NerLabel::Person, 0.99),
            ner(text, "Little Ferret", NerLabel::Person, 0.99),
            ner(text, "Dana Whitcomb", NerLabel::Person, 0.95),
        ];
        let entities = extract(&release(text, Header::default(), spans));
        let people: Vec<&str> = entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(people, ["Dana Whitcomb"]);
    }

    #[test]
    fn contact_block_and_issuer() {
        let text = "For Immediate Release\nContact: Jo Chaney, Communications Director\n\
            The Office of the Lakeland Secretary of State announced new rules today.\n";
        let start = text.find("Jo Chaney").expect("contact");
        let header = Header {
            contact_name: Some(Span::new(start, start + "Jo Chaney".len())),
            issuer: Some("Office of the Lakeland Secretary of State".to_string()),
            ..Header::default()
        };
        let mut r = release(text, header, Vec::new());
        // The contact line is header, not body.
        r.sentences.retain(|s| s.span.start > start);
        let entities = extract(&r);
        let chaney = find(&entities, EntityType::Person, "Jo Chaney");
        assert_eq!(chaney.official, Some(true));
        assert_eq!(chaney.title.as_deref(), Some("Communications Director"));
        assert_eq!(chaney.mentions[0].sentence, None);
        let office = find(
            &entities,
            EntityType::Agency,
            "Office of the Lakeland Secretary of State",
        );
        assert_eq!(office.mentions.len(), 1);
        // An issuer the release never names is left out.
        let header = Header {
            issuer: Some("Office of the Riverland Mayor".to_string()),
            ..Header::default()
        };
        let entities = extract(&release(text, header, Vec::new()));
        assert!(!entities.iter().any(|e| e.name.contains("Riverland")));
    }

    #[test]
    fn a_decider_decides_from_the_candidates() {
        /// Every person candidate of the rules as a person of its own, nothing else.
        struct Unmerged;
        impl EntityDecider for Unmerged {
            fn decide(&self, c: Candidates<'_>) -> Vec<Entity> {
                c.people
                    .into_iter()
                    .filter(|p| p.origin == Origin::Rule && p.sentence.is_some())
                    .map(|p| Entity {
                        id: EntityId::of(EntityType::Person, &p.name),
                        kind: EntityType::Person,
                        name: p.name,
                        official: p.official,
                        title: p.title,
                        organization: None,
                        state: None,
                        acronym: None,
                        mentions: Vec::new(),
                    })
                    .collect()
            }
        }
        let r = release(SUMMIT, Header::default(), Vec::new());
        let names: Vec<String> = extract_with(&r, &Unmerged)
            .into_iter()
            .map(|e| e.name)
            .collect();
        // The readers' candidates, each apart: "Lark" is not merged into Tom Lark, and the
        // bare "Mo" of the dateline, which the rules drop, is kept.
        assert_eq!(names, ["Mo", "Tom Lark", "Kit Hollis", "Lark"]);
        assert_eq!(extract_with(&r, &RuleDecider), extract(&r));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "\n\n",
            "’s",
            "Mr.",
            "(D-",
            "Ann Doe, Jr.",
            "É. Ö’ (R-XX-99) 5/5 ., ; “",
        ] {
            let r = release(text, Header::default(), Vec::new());
            let _ = extract(&r);
        }
        // Spans the model gives past the end or inside a character are ignored.
        let text = "Café Núñez said.\n";
        let spans = vec![
            NerSpan {
                span: Span::new(2, 400),
                label: NerLabel::Person,
                score: 0.9,
            },
            NerSpan {
                span: Span::new(4, 5),
                label: NerLabel::Location,
                score: 0.9,
            },
        ];
        let _ = extract(&release(text, Header::default(), spans));
    }

    /// Every release of the shared dev gold (skipped when `../shared` is absent): no panic,
    /// every mention a valid span of the text.
    #[test]
    fn dev_releases_give_valid_spans() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipped: {} is absent", dir.display());
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let r = release(&text, Header::default(), Vec::new());
            for e in extract(&r) {
                assert!(!e.name.is_empty());
                for m in &e.mentions {
                    assert!(
                        text.get(m.span.range()).is_some(),
                        "{}: {m:?}",
                        path.display()
                    );
                }
            }
        }
    }
}
