//! Tests of the people rules, on invented text.

use super::super::text::tokenize_span;
use super::*;
use crate::lexicon::states::StateCode;

fn people(s: &str) -> Vec<Person> {
    people_with(s, &[])
}

fn people_with(s: &str, ner: &[NerSpan]) -> Vec<Person> {
    let toks = tokenize_span(s, Span::new(0, s.len()), 0);
    let bodies = agencies::find(&toks, s, false);
    merge(find(&toks, s, &bodies, ner), &toks)
}

fn one(s: &str) -> Person {
    let p = people(s);
    assert_eq!(p.len(), 1, "{p:?}");
    p.into_iter().next().expect("one person")
}

#[test]
fn headline_verbs_and_plural_titles_stay_out_of_names() {
    let p = one(
        "Congressmen Wren Tallis Announces Grant to Fund Salem Police, the office said. \
         The House Passes Tallis Bill, said Rep. Wren Tallis on Monday.",
    );
    assert_eq!(p.name, "Wren Tallis");
    assert!(p.official);
    let p = one("Capitol ComplexCongressman Wren Tallis said the plan would help.");
    assert_eq!(p.name, "Wren Tallis");
    let p = one("Rep. Wren McTallis said the plan would help.");
    assert_eq!(p.name, "Wren McTallis");
    let p = one("Defendant Wren Tallis, 40, was sentenced. Tallis said nothing.");
    assert_eq!(p.name, "Wren Tallis");
    let p = one("Forty-year-old Wren Tallis was sentenced. Tallis said nothing.");
    assert_eq!(p.name, "Wren Tallis");
}

#[test]
fn title_before_name() {
    let p = one("Secretary of State Tom Lark returned yesterday, and Lark said it went well.");
    assert_eq!(p.name, "Tom Lark");
    assert_eq!(p.title.as_deref(), Some("Secretary of State"));
    assert!(p.official);
    assert_eq!(p.mentions.len(), 2);
}

#[test]
fn title_after_name_with_state() {
    let p = one("The summit was led by Tom Lark, Missouri Secretary of State, on Monday.");
    assert_eq!(p.title.as_deref(), Some("Secretary of State"));
    assert_eq!(p.state(None), StateCode::parse("MO"));
}

#[test]
fn state_possessive() {
    let p = people("Four officials, Nebraska’s Kit Hollis and Iowa’s Pat Pine, met today.");
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].name, "Kit Hollis");
    assert_eq!(p[0].state(None), StateCode::parse("NE"));
    assert!(p[0].official);
}

#[test]
fn surname_with_title_joins_full_name() {
    let p = one("Police Commissioner Wes Brattle spoke. Later, Commissioner Brattle said no.");
    assert_eq!(p.name, "Wes Brattle");
    assert_eq!(p.title.as_deref(), Some("Police Commissioner"));
}

#[test]
fn department_in_title_is_not_a_name() {
    let p = one("Today Secretary of Labor Greta Haldane visited the plant.");
    assert_eq!(p.name, "Greta Haldane");
    assert_eq!(p.title.as_deref(), Some("Secretary of Labor"));
}

#[test]
fn headline_words_and_contractions_are_not_names() {
    let p =
        one("Secretary Matt Jarvis Demanding Answers. He is demanding answers now, said Jarvis.");
    assert_eq!(p.name, "Matt Jarvis");
    assert!(people("“I’ve seen it,” she said.").is_empty());
}

#[test]
fn party_tags() {
    let p = one("Today Rep. Ada Penlow (D-CA) wrote to the agency about it.");
    assert_eq!(p.title.as_deref(), Some("Representative"));
    assert_eq!(p.state(None), StateCode::parse("CA"));
    let p = one("Congressman Glen Harrow (R-Pinecrest) today announced a grant.");
    assert!(p.official);
}

#[test]
fn title_with_agency_after_name() {
    let p = one("Assistant District Attorney Frank Santos of the Frauds Bureau is prosecuting.");
    assert_eq!(p.title.as_deref(), Some("Assistant District Attorney"));
    assert_eq!(p.organization.as_deref(), Some("Frauds Bureau"));
}

#[test]
fn defendants_are_not_officials() {
    let p = people("The defendant, Carl Mott, 45, of Anaheim, was charged. Mott pleaded guilty.");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].name, "Carl Mott");
    assert!(!p[0].official);
    assert_eq!(p[0].mentions.len(), 2);
}

#[test]
fn suffixes_keep_people_apart() {
    let p = people("charges against Marco Ruiz, 47, for killing Marco Ruiz, Jr., 36, last week.");
    let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Marco Ruiz", "Marco Ruiz, Jr."]);
}

#[test]
fn plural_titles_carry_over() {
    let p = people(
        "The burglaries were looked into by Sheriff Detectives Al Morrow and Rick Lebow of the unit.",
    );
    assert_eq!(p.len(), 2);
    assert!(p
        .iter()
        .all(|x| x.title.as_deref() == Some("Sheriff Detective")));
}

#[test]
fn contact_blocks() {
    let s = "Contact: Jo Chaney, Communications Director";
    let p = one(s);
    assert_eq!(p.title.as_deref(), Some("Communications Director"));
    assert!(p.official);
    let s = "Meg Holt Varnell\nChief of Staff\nAuthor\nTam Orwin\nPublished";
    let toks: Vec<Word<'_>> = s
        .split('\n')
        .scan(0usize, |pos, line| {
            let start = *pos;
            *pos += line.len() + 1;
            Some((start, line.len()))
        })
        .enumerate()
        .flat_map(|(i, (start, len))| tokenize_span(s, Span::new(start, start + len), i))
        .collect();
    let p = merge(find(&toks, s, &[], &[]), &toks);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].name, "Meg Holt Varnell");
    assert_eq!(p[0].title.as_deref(), Some("Chief of Staff"));
}

#[test]
fn bare_names_need_support() {
    assert!(people("They met at Pizza Barn on Birch Avenue.").is_empty());
    let p = one("The case against Carl Davos was reviewed. After examining it, Davos was freed.");
    assert_eq!(p.name, "Carl Davos");
}

#[test]
fn model_spans_are_candidates() {
    let s = "The award honours Dick Dawson for his work.";
    let ner = [span_of(s, "Dick Dawson", NerLabel::Person)];
    let p = people_with(s, &ner);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].name, "Dick Dawson");
    assert!(!p[0].official);
    assert!(p[0].mentions.iter().any(|m| m.2 == Origin::Model));
}

#[test]
fn model_span_with_title_inside() {
    let s = "said Sheriff Tom Dartt today.";
    let ner = [span_of(s, "Sheriff Tom Dartt", NerLabel::Person)];
    let p = people_with(s, &ner);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].name, "Tom Dartt");
    assert_eq!(p[0].title.as_deref(), Some("Sheriff"));
}

/// A model span of `label` over the words `words` of `s`.
fn span_of(s: &str, words: &str, label: NerLabel) -> NerSpan {
    let start = s.find(words).expect("words in the text");
    NerSpan {
        span: Span::new(start, start + words.len()),
        label,
        score: 0.95,
    }
}

#[test]
fn a_list_of_capitalised_words_is_no_apposition() {
    let s = "Rep. Dana Harlow backed the Commerce, Justice, Science, and Related \
             Agencies Appropriations Act. Currently, Members of Congress may vote.";
    let p = people(s);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].name, "Dana Harlow");
    // A full name still takes a title set off by a comma.
    let p = one("The plan was praised by Administrator, Nora Pell, on Monday.");
    assert_eq!(p.title.as_deref(), Some("Administrator"));
}

#[test]
fn words_the_model_reads_as_places_or_bodies_leave_the_name() {
    let s = "Rep. Marisol Ventana spoke. On Capitol Hill Ventana held a briefing. \
             The contract went to General Electric on Monday.";
    let ner = [
        span_of(s, "Capitol Hill", NerLabel::Location),
        span_of(s, "General Electric", NerLabel::Organization),
    ];
    let p = people_with(s, &ner);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].name, "Marisol Ventana");
    let hill = s.find("Hill Ventana").expect("text") + "Hill ".len();
    assert!(p[0].mentions.iter().any(|m| m.0.start == hill), "{p:?}");
    // Without the model the rules alone still make a person of "General Electric".
    assert!(people(s).iter().any(|p| p.name == "Electric"));
}

#[test]
fn a_body_named_after_a_person_is_no_mention_of_them() {
    let s = "Teachers from Whit Corbin Elementary joined the event.";
    let p = people_with(s, &[span_of(s, "Whit Corbin", NerLabel::Person)]);
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn group_nouns_are_no_part_of_a_name() {
    let s = "Cosponsors include Democrats Seth Vargo (MA-6) and Republicans Ann Kessel \
             (NY-2).";
    let p = people(s);
    let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Seth Vargo", "Ann Kessel"]);
    assert!(p.iter().all(|p| p.official));
    let code = |p: &Person| p.state(None).map(StateCode::as_str);
    assert_eq!(
        p.iter().map(code).collect::<Vec<_>>(),
        [Some("MA"), Some("NY")]
    );
}

#[test]
fn a_district_tag_needs_a_district_that_exists() {
    let p = one("Rep. Tom Dartt (CA-32) said the bill would pass.");
    assert_eq!(p.state(None), StateCode::parse("CA"));
    // Mississippi never had a 13th district: "(MS-13)" is a gang's name.
    let p = one("Rep. Tom Dartt (MS-13) said the bill would pass.");
    assert_eq!(p.state(None), None);
}

#[test]
fn spanish_titles() {
    // The model reads the title into the name; the rules take it out again.
    let s = "La Congresista Grace Ventana (CA-32) dio a conocer la siguiente declaración \
             hoy.";
    let ner = [span_of(s, "La Congresista Grace Ventana", NerLabel::Person)];
    let p = people_with(s, &ner);
    assert_eq!(p.len(), 1, "{p:?}");
    let p = &p[0];
    assert_eq!(p.name, "Grace Ventana");
    assert_eq!(p.title.as_deref(), Some("Congresista"));
    assert!(p.official);
}

#[test]
fn two_roles_side_by_side_give_the_one_next_to_the_name() {
    let p = one("Caucus Chair Representative Ann Doe said the caucus would meet.");
    assert_eq!(p.title.as_deref(), Some("Representative"));
    let p = one("Committee Members Congressman Ivo Brandt said the hearing went well.");
    assert_eq!(p.title.as_deref(), Some("Congressman"));
    let p = one("Secretary of State Jo Ames said the count was done.");
    assert_eq!(p.title.as_deref(), Some("Secretary of State"));
}

#[test]
fn nicknames_in_quotation_marks_leave_the_name() {
    let s = "Judge Raquel “Rocky” Vance heard the case. The defendants are Gregory \
             (“Dougie”) Amberly, 25, and Michael (\"Mikey\") Torvald, 31.";
    let p = people(s);
    let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Raquel Vance", "Gregory Amberly", "Michael Torvald"]
    );
    assert_eq!(p[1].key, "gregory amberly");
    // The mention covers the nickname.
    let start = s.find("Gregory").expect("text");
    let end = s.find("Amberly").expect("text") + "Amberly".len();
    assert_eq!(p[1].mentions[0].0, Span::new(start, end));
    // A quoted word before a name that is no given name's nickname stays out.
    let p = one("The group “Unite” Dana Harlow founded grew, Harlow said.");
    assert_eq!(p.name, "Dana Harlow");
}

#[test]
fn abbreviated_given_names_stay_in_the_name() {
    let p = one("Congressman Wm. Quarry Fenn (D) Missouri issued this statement.");
    assert_eq!(p.name, "Wm. Quarry Fenn");
    assert_eq!(p.title.as_deref(), Some("Congressman"));
}

#[test]
fn title_acronyms_months_and_office_acronyms() {
    let s = "The case was prosecuted by Deputy DA August Sagely and Deputy DA Sam Tolan.";
    let p = people(s);
    let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["August Sagely", "Sam Tolan"]);
    let titles: Vec<Option<&str>> = p.iter().map(|p| p.title.as_deref()).collect();
    assert_eq!(titles, [Some("Deputy District Attorney"); 2]);
    // A month after no title is a date.
    assert!(people("The hearing is set for August Tuesday.").is_empty());
    // A small word that is a given name, between a title and a name.
    let p = one("Meet Deputy District Attorney An Vo, who joined the office in 2021.");
    assert_eq!(p.name, "An Vo");
    assert!(people("An Vo Road opens today.").is_empty());
    let p = one("District Attorney (OCDA) Tony Rackley announced the event today.");
    assert_eq!(p.title.as_deref(), Some("District Attorney"));
}

#[test]
fn a_labelled_line_of_a_title_and_a_name() {
    let p = one("Prosecutor: Senior Deputy District Attorney Cynda Herrold, Homicide Unit");
    assert_eq!(p.name, "Cynda Herrold");
    assert!(p.official);
    assert_eq!(p.title.as_deref(), Some("Senior Deputy District Attorney"));
}

#[test]
fn a_model_span_over_the_suffix_leaves_the_name_whole() {
    let s = "Congressman Wm. Quarry Fenn presented the Congressman William Q. Fenn, Sr. \
             Award for Service, named after his father.";
    let ner = [span_of(s, "Sr. Award", NerLabel::Misc)];
    let p = people_with(s, &ner);
    let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Wm. Quarry Fenn", "William Q. Fenn, Sr."], "{p:?}");
}

#[test]
fn a_shorter_form_of_a_fuller_name_is_the_same_person() {
    let names = |s: &str| -> Vec<String> { people(s).into_iter().map(|p| p.name).collect() };
    // The given name dropped, the person going by the middle name.
    let s = "Mayor Walter Ilse Marlow spoke today. Later, Ilse Marlow said the plan was good.";
    let p = one(s);
    assert_eq!(p.name, "Walter Ilse Marlow");
    assert_eq!(p.mentions.len(), 2, "{p:?}");
    // An abbreviated given name stands for the full one.
    let p = one("Congressman Wm. Quarry Fenn spoke. William Fenn said the plan was good.");
    assert_eq!(p.name, "Wm. Quarry Fenn");
    let p = one("Congressman Wm. Quarry Fenn spoke. Quarry Fenn said the plan was good.");
    assert_eq!(p.name, "Wm. Quarry Fenn");
    // One part of a double-barrelled surname, alone or after the given name.
    let p = one("Mayor Tessa Marlow-Quinn spoke. Later, Tessa Quinn said it was fine.");
    assert_eq!(p.name, "Tessa Marlow-Quinn");
    let p = one("Mayor Tessa Marlow-Quinn spoke. Later, Mayor Quinn said it was fine.");
    assert_eq!(p.mentions.len(), 2, "{p:?}");
    // Two people sharing a surname stay two, and so does a suffix.
    assert_eq!(
        names("Rep. Lacy Fenn met Rep. William Fenn, Sr. today, and Lacy Fenn said so."),
        ["Lacy Fenn", "William Fenn, Sr."]
    );
    // A shorter form that fits two fuller names names neither.
    assert_eq!(
        names("Mayor Walter Ilse Marlow met Judge Ruth Ilse Marlow, and Ilse Marlow said so."),
        ["Walter Ilse Marlow", "Ruth Ilse Marlow", "Ilse Marlow"]
    );
    // A word glued to the name that is no given name makes no fuller form of it.
    assert_eq!(
        names("Rep. Westfield Tessa Marlow spoke. Mayor Tessa Marlow said the budget is late."),
        ["Westfield Tessa Marlow", "Tessa Marlow"]
    );
}

#[test]
fn a_model_span_of_one_word_inside_a_name_is_that_name() {
    let s = "Congressman Wm. Quarry Fenn (D) Missouri issued this statement today.";
    let ner = [
        span_of(s, "Wm", NerLabel::Person),
        span_of(s, "Quarry Fenn", NerLabel::Person),
    ];
    let p = people_with(s, &ner);
    let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Wm. Quarry Fenn"], "{p:?}");
}
