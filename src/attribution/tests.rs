//! Attribution tests on invented releases.

use super::*;
use crate::doc::fixture::ReleaseBuilder;
use crate::doc::{Release, Span};
use crate::entities::{EntityId, Mention, Origin};
use crate::lexicon::states::StateCode;
use crate::quotes;

fn release(text: &str) -> Release {
    ReleaseBuilder::new(text).lines_as_sentences().build()
}

/// (quote, speaker) pairs of `text` with the given entities.
fn who(text: &str, entities: &[Entity]) -> Vec<(String, Option<String>)> {
    let r = release(text);
    let spans = quotes::extract(&r);
    attribute(&r, entities, &spans)
        .into_iter()
        .map(|q| (r.slice(q.span).to_string(), q.speaker.map(|s| s.name)))
        .collect()
}

/// Speakers only, with the entities the rule stages find in `text`, as production runs.
fn speakers(text: &str) -> Vec<Option<String>> {
    let entities = crate::entities::extract(&release(text));
    who(text, &entities).into_iter().map(|(_, s)| s).collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// A person entity with mentions at every occurrence of each form in `text`.
fn person(text: &str, name: &str, title: Option<&str>, forms: &[&str]) -> Entity {
    entity(text, EntityType::Person, name, title, forms)
}

fn entity(text: &str, kind: EntityType, name: &str, title: Option<&str>, forms: &[&str]) -> Entity {
    let mentions = forms
        .iter()
        .flat_map(|f| text.match_indices(f).map(|(i, m)| (i, m.len())))
        .map(|(i, n)| Mention {
            span: Span::new(i, i + n),
            sentence: None,
            origin: Origin::Rule,
        })
        .collect();
    Entity {
        id: EntityId::of(kind, name),
        kind,
        name: name.to_string(),
        official: Some(true),
        title: title.map(str::to_string),
        organization: None,
        state: StateCode::parse("MO"),
        acronym: None,
        mentions,
    }
}

#[test]
fn name_said_after_quote_resolves_to_fullest_name() {
    let t = "Secretary of State Jay Quill met clerks. “We run elections for people,” Quill said.";
    assert_eq!(speakers(t), vec![some("Jay Quill")]);
}

#[test]
fn a_shorter_form_of_the_name_resolves_to_the_fullest_name() {
    let t = "Congressman Wm. Quarry Fenn visited the plant. “Jobs come first,” Quarry Fenn said.";
    assert_eq!(speakers(t), vec![some("Wm. Quarry Fenn")]);
    let t = "Mayor Tessa Marlow-Quinn met clerks. “We count every vote,” Tessa Quinn said.";
    assert_eq!(speakers(t), vec![some("Tessa Marlow-Quinn")]);
}

#[test]
fn said_name_with_title_after_quote() {
    let t = "“The roads are clear tonight,” said Lark County Sheriff Owen R. Tamsett.";
    assert_eq!(speakers(t), vec![some("Owen R. Tamsett")]);
    let t = "“The roads are clear tonight,” said Navy Region spokesman Declan O’Brannock.";
    assert_eq!(speakers(t), vec![some("Declan O’Brannock")]);
}

#[test]
fn name_said_before_quote() {
    let t = "Acting District Attorney Ilse Pardoe spoke. Acting District Attorney Pardoe said, “This man sold a barn he never owned.”";
    assert_eq!(speakers(t), vec![some("Ilse Pardoe")]);
    let t = "Mayor Ann Vole said: “We will rebuild the bridge.”";
    assert_eq!(speakers(t), vec![some("Ann Vole")]);
    let t = "Ann Vole told reporters, “We will rebuild the bridge.”";
    assert_eq!(speakers(t), vec![some("Ann Vole")]);
}

#[test]
fn apposition_between_name_and_verb() {
    let t = "“We will count every vote,” Jay Quill, the secretary of state, said.";
    assert_eq!(speakers(t), vec![some("Jay Quill")]);
}

#[test]
fn according_to_and_other_verbs() {
    let t = "“The numbers are clear now,” according to Ann Vole.";
    assert_eq!(speakers(t), vec![some("Ann Vole")]);
    for verb in ["added", "noted", "wrote", "told reporters"] {
        let t = format!("“We are not done with this,” Ann Vole {verb}.");
        assert_eq!(speakers(&t), vec![some("Ann Vole")], "{verb}");
    }
}

#[test]
fn pronoun_takes_previous_speaker() {
    let t = "“We are ready for it,” Ann Vole said. “The city is safe now,” she added. \
             Later on, “we will win again,” she said.";
    assert_eq!(speakers(t), vec![some("Ann Vole"); 3]);
}

#[test]
fn interrupted_quote_continues() {
    let t = "“We are ready for it,”\nsaid Police Chief Ann Vole.\n“The city is safe now.”";
    assert_eq!(speakers(t), vec![some("Ann Vole"), some("Ann Vole")]);
}

#[test]
fn statement_release() {
    let t = "Congressman Bo Tarn (R-Oz) today released the following statement on the budget: \
             \"We must act now. \"The deficit grows every day.”";
    assert_eq!(speakers(t), vec![some("Bo Tarn")]);
    let t =
        "Counsel Lee Park released a statement on behalf of Mr. Kip Dane:\n“I am sorry for it.”";
    assert_eq!(speakers(t), vec![some("Kip Dane")]);
}

#[test]
fn title_resolves_to_named_person() {
    let t = "District Attorney Ana Ruiz filed charges. “Justice will be done here,” the District Attorney said.";
    assert_eq!(speakers(t), vec![some("Ana Ruiz")]);
}

#[test]
fn organisation_speaker() {
    let t = "The Oakdale Police Department made an arrest. “The suspect is in custody now,” the department said.";
    assert_eq!(speakers(t), vec![some("Oakdale Police Department")]);
}

#[test]
fn unknown_stays_unknown() {
    let t = "Crime fell this year.\n\nThe report found that crime “fell in every district of the city.”";
    assert_eq!(speakers(t), vec![None]);
    let t = "“It was a dark night in the town.”";
    assert_eq!(speakers(t), vec![None]);
}

#[test]
fn interview_answers_go_to_the_interviewee() {
    let t = "Meet Investigator Rosa Tindle. Rosa Tindle joined in 2013. Rosa likes fishing.\n\
             Why did you join?\n“I wanted to serve the people of my town.”\n";
    assert_eq!(speakers(t), vec![some("Rosa Tindle")]);
}

#[test]
fn entities_resolve_surname_pronoun_and_title() {
    let t = "Secretary of State Jay Quill met clerks. “We run elections for people,” Quill said. \
             “It was good to meet,” he said. “We are safe now,” the secretary said.";
    let quill = person(
        t,
        "Jay Quill",
        Some("Secretary of State"),
        &["Jay Quill", "Quill"],
    );
    let got = who(t, std::slice::from_ref(&quill));
    assert_eq!(got.len(), 3);
    assert!(
        got.iter().all(|(_, s)| s.as_deref() == Some("Jay Quill")),
        "{got:?}"
    );
    let r = release(t);
    let spans = quotes::extract(&r);
    let q = attribute(&r, std::slice::from_ref(&quill), &spans);
    let s = q[0].speaker.as_ref().expect("a speaker");
    assert_eq!(s.entity_id.as_ref(), Some(&quill.id));
    assert_eq!(s.title.as_deref(), Some("Secretary of State"));
    assert_eq!(s.state.map(StateCode::as_str), Some("MO"));
}

#[test]
fn ill_fitting_entity_gives_way_to_the_written_name() {
    let t = "Congressman Wm. Hale Brisley said: “We will win the vote today.”";
    let wm = person(t, "Wm", Some("Congressman"), &["Wm"]);
    assert_eq!(who(t, &[wm])[0].1.as_deref(), Some("Wm. Hale Brisley"));
}

#[test]
fn entities_resolve_organisations() {
    let t = "The Oakdale Police Department made an arrest. “The suspect is in custody now,” the department said.";
    let pd = entity(
        t,
        EntityType::Agency,
        "Oakdale Police Department",
        None,
        &["Oakdale Police Department"],
    );
    let got = who(t, std::slice::from_ref(&pd));
    assert_eq!(got[0].1.as_deref(), Some("Oakdale Police Department"));
}

#[test]
fn cue_of_next_quote_is_not_taken() {
    let t = "Mayor Ann Vole said, “We will win this fight.”\nSheriff Bo Tarn said, “We are pleased with it.”";
    assert_eq!(speakers(t), vec![some("Ann Vole"), some("Bo Tarn")]);
}

#[test]
fn headline_quote_with_colon() {
    let t = "Vole: “We will not back down on the budget”\n\nMayor Ann Vole spoke to Vole supporters today.";
    assert_eq!(speakers(t), vec![some("Ann Vole")]);
}

#[test]
fn statement_in_previous_sentence() {
    let t = "Rep. Bo Tarn released the following statement on the vote. “We lost this one today.”";
    assert_eq!(speakers(t), vec![some("Bo Tarn")]);
    let t = "Statement from District Attorney Ana Ruiz Regarding the Verdict\n“Justice was done in this case.”";
    assert_eq!(speakers(t), vec![some("Ana Ruiz")]);
}

#[test]
fn name_before_colon_and_attributed_short_quote() {
    let t = "Turnout rose in the last week - Mira Calloway: “Ten days ago, her best county was the coast.”";
    assert_eq!(speakers(t), vec![some("Mira Calloway")]);
    let t = "“It’s workable,” Ned Quillan told the paper on Monday. “Will it really pass before the winter?”";
    assert_eq!(speakers(t), vec![some("Ned Quillan")]);
}

#[test]
fn participle_after_a_quote_continues_its_speaker() {
    let t = "Ann Vole told the paper that the scheme “had a strange rule buried in it,” adding, “She missed most of the point.”";
    assert_eq!(speakers(t), vec![some("Ann Vole"), some("Ann Vole")]);
    let t =
        "Bo Tarn, the co-author of “Quiet Rivers,” said the days of “a few loud stations are gone.”";
    assert_eq!(speakers(t), vec![some("Bo Tarn")]);
}

#[test]
fn quotation_sentence_goes_on_before_said_x() {
    let t = "Strategists doubt it. There is “no path left” for Vole, said Bo Tarn, a strategist.";
    assert_eq!(speakers(t), vec![some("Bo Tarn")]);
}

#[test]
fn cue_in_the_quotations_sentence_beats_the_next_sentence() {
    let t = "Ann Vole asserted that “trust has been broken in this city.” Bo Tarn said Monday he agreed.";
    assert_eq!(speakers(t), vec![some("Ann Vole")]);
}

#[test]
fn said_title_comma_name_and_agent_in_charge() {
    let t = "“We are proud of them all,” said the school’s CEO, Dr. Helen Marsh.";
    assert_eq!(speakers(t), vec![some("Helen Marsh")]);
    let t = "“Every parent should hear this,” said DEA Special Agent in Charge Wynne Ashby.";
    assert_eq!(speakers(t), vec![some("Wynne Ashby")]);
}

#[test]
fn sentence_initial_words_are_no_speakers() {
    let t = "Using a loudhailer, the defendant yelled, “Stay back from the fence!” and left.";
    assert_eq!(speakers(t), vec![None]);
}

#[test]
fn name_comma_apposition_told_outlet() {
    let t = "“We will wait for the count,” Tess Morrow, a former mayor, told CBS News on Tuesday.";
    assert_eq!(speakers(t), vec![some("Tess Morrow")]);
    let t = "Ann Vole met the farmers’ union. Bo Tarn resisted: “A rule is a rule in this county.”";
    assert_eq!(speakers(t), vec![some("Bo Tarn")]);
}

#[test]
fn signature_under_quote() {
    let t = "“We need a real plan for our town.” ― Ann Vole\n“I am afraid of what comes next.” ― Bo Tarn";
    assert_eq!(speakers(t), vec![some("Ann Vole"), some("Bo Tarn")]);
}

#[test]
fn transcript_lines() {
    let t = "Transcript:\n\n\"HOST: Let us start with the news today.\n\n\"GUEST: Thank you for having me here.\"";
    let got = speakers(t);
    assert_eq!(got.first().cloned().flatten().as_deref(), Some("HOST"));
}

#[test]
fn participle_cue_takes_sentence_subject() {
    let t = "Ann Vole mocked the complaint, saying critics “are having a rough week.”";
    assert_eq!(speakers(t), vec![some("Ann Vole")]);
    let t = "According to Ann Vole, “the budget is balanced this year.”";
    assert_eq!(speakers(t), vec![some("Ann Vole")]);
}

#[test]
fn cues_do_not_cross_paragraphs() {
    let t = "“The harbour will not look like this again.”\n\nBo Tarn said the vote was close.";
    assert_eq!(speakers(t), vec![None]);
}

#[test]
fn continuation_stops_at_another_person() {
    let t = "“We are ready for it,” Ann Vole said. Bo Tarn, the mayor, disagrees.\n“The city is not safe.”";
    assert_eq!(speakers(t), vec![some("Ann Vole"), None]);
}

#[test]
fn entities_resolve_role_and_pronoun_without_previous_speaker() {
    let t = "District Attorney Ana Ruiz filed charges against Bo Tarn. \
             “Justice will be done here,” the District Attorney said. \
             Ruiz spoke at noon. “We will not rest until it is done,” she added.";
    let ruiz = person(
        t,
        "Ana Ruiz",
        Some("District Attorney"),
        &["Ana Ruiz", "Ruiz"],
    );
    let tarn = person(t, "Bo Tarn", None, &["Bo Tarn"]);
    let got = who(t, &[tarn.clone(), ruiz.clone()]);
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"));
    assert_eq!(got[1].1.as_deref(), Some("Ana Ruiz"));
    let t = "Ana Ruiz spoke at noon. She said: “We will not rest until it is done.”";
    let ruiz = person(t, "Ana Ruiz", Some("District Attorney"), &["Ana Ruiz"]);
    assert_eq!(who(t, &[ruiz])[0].1.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn organisation_in_a_statement() {
    let t = "The Oakdale Police Department made an arrest. The department said in a statement: \
             “The suspect is in custody now.”";
    assert_eq!(speakers(t), vec![some("Oakdale Police Department")]);
}

#[test]
fn random_text_never_panics() {
    // A fixed pseudo-random mix of words, marks, names, breaks and multi-byte characters.
    let pieces = [
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        " said ",
        " Ann Vole",
        " he",
        " the department",
        ",",
        ".",
        ":",
        "\n",
        "\n\n",
        " according to",
        " — ",
        "é",
        "日本",
        " (D-Oz)",
        "?",
        " statement from",
        " released the following statement",
        " Vole",
        " saying",
        " ― ",
        "GUEST:",
        " of",
        "(",
        ")",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..40 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(pieces[(state % pieces.len() as u64) as usize]);
        }
        let r = release(&text);
        let spans = quotes::extract(&r);
        let quotes = attribute(&r, &[], &spans);
        assert_eq!(quotes.len(), spans.len());
        for q in &quotes {
            assert!(r.text.get(q.span.range()).is_some());
        }
    }
}

#[test]
fn no_panic_on_odd_input() {
    for t in [
        "",
        "“",
        "said “",
        "“a b c” said",
        "“one two three,” he said",
        "“ü ö ä,” according to",
        "\"x y z\" according",
        "?\n“a b c d”",
    ] {
        let _ = who(t, &[]);
    }
}

/// Speakers chosen by the shipped speaker model, with the release's issuing office.
fn learned(text: &str, issuer: Option<&str>, entities: &[Entity]) -> Vec<Option<String>> {
    let mut r = release(text);
    r.header.issuer = issuer.map(str::to_string);
    let spans = quotes::extract(&r);
    attribute_with(
        &r,
        entities,
        &spans,
        crate::speaker::SpeakerModel::bundled(),
    )
    .into_iter()
    .map(|q| q.speaker.map(|s| s.name))
    .collect()
}

#[test]
fn learned_an_uncued_statement_is_the_issuers() {
    let text = "WASHINGTON – Representative Ada Quill voted for the Harbor Act on Tuesday, \
                after a long debate with Senator Bo Tarn. “This bill keeps our ports open \
                and our dock workers paid, and I was proud to vote for it.”";
    let entities = [
        person(text, "Ada Quill", Some("Representative"), &["Ada Quill"]),
        person(text, "Bo Tarn", Some("Senator"), &["Bo Tarn"]),
    ];
    assert_eq!(
        learned(text, Some("Office of Congresswoman Ada Quill"), &entities),
        vec![some("Ada Quill")]
    );
}

#[test]
fn learned_a_pronoun_after_a_newly_named_person() {
    let text = "“The sentence is just,” said District Attorney Ada Quill. The victim's \
                mother, Mira Calloway, read a letter to the court. “He took everything \
                from our family,” she told the judge.";
    let entities = [
        person(text, "Ada Quill", Some("District Attorney"), &["Ada Quill"]),
        person(text, "Mira Calloway", None, &["Mira Calloway"]),
    ];
    assert_eq!(
        learned(
            text,
            Some("Alder County District Attorney's Office"),
            &entities
        ),
        vec![some("Ada Quill"), some("Mira Calloway")]
    );
}

#[test]
fn learned_a_cued_quote_keeps_its_named_speaker() {
    let text = "Governor Ada Quill signed the budget on Monday. “Schools come first,” \
                said Treasurer Bo Tarn, who wrote the plan.";
    let entities = [
        person(text, "Ada Quill", Some("Governor"), &["Ada Quill"]),
        person(text, "Bo Tarn", Some("Treasurer"), &["Bo Tarn"]),
    ];
    assert_eq!(
        learned(text, Some("Office of Governor Ada Quill"), &entities),
        vec![some("Bo Tarn")]
    );
}

#[test]
fn a_speaker_is_an_entity_or_a_person_s_name_never_a_tag_or_a_word() {
    // A cue that names no person leaves the quotation without a speaker.
    for t in [
        "Crime fell. “Every case matters to us,” DAs said.",
        "Crime fell. “Every case matters to us,” NC-10 said.",
        "The vote came late. “We rise to oppose this bill,” Floor said.",
    ] {
        assert_eq!(speakers(t), vec![None], "{t}");
    }
    // Two names joined by "and": the first is the speaker, not the pair.
    let t =
        "Reps. Ada Quill and Bo Tarn met. “We will fund the bridge,” said Reps. Quill and Tarn.";
    assert_eq!(speakers(t), vec![some("Ada Quill")]);
    // A person's name the entity rules missed still speaks.
    let t = "“We will fund the bridge,” said Ada B. Quill.";
    assert_eq!(speakers(t), vec![some("Ada B. Quill")]);
}

#[test]
fn a_pronoun_skips_a_previous_speaker_of_the_other_gender() {
    // Whitlock is named late in her sentence (no subject), Tarn spoke last: "she" is not
    // Congressman Tarn, and Whitlock, whose gender nothing marks, stays compatible.
    let t = "“We will build the new library,” said Congressman Bo Tarn. The board then heard \
             a long answer from Dana Whitlock on Monday. “The town cannot pay for it,” she said.";
    let tarn = person(t, "Bo Tarn", Some("Congressman"), &["Bo Tarn"]);
    let whitlock = person(t, "Dana Whitlock", None, &["Dana Whitlock"]);
    let got = who(t, &[tarn, whitlock]);
    assert_eq!(got[0].1.as_deref(), Some("Bo Tarn"));
    assert_eq!(got[1].1.as_deref(), Some("Dana Whitlock"));
    // The same with the entities the rule stages find.
    assert_eq!(speakers(t), vec![some("Bo Tarn"), some("Dana Whitlock")]);
}

#[test]
fn a_pronoun_skips_a_new_subject_of_the_other_gender() {
    let t = "“We will build the new library,” said Mayor Ann Vole. Walter Penn read the \
             figures aloud. “The town cannot pay for it,” she said.";
    let vole = person(t, "Ann Vole", Some("Mayor"), &["Ann Vole"]);
    let penn = person(t, "Walter Penn", None, &["Walter Penn"]);
    let got = who(t, &[vole, penn]);
    assert_eq!(got[1].1.as_deref(), Some("Ann Vole"));
}

#[test]
fn an_honorific_or_a_gendered_title_beats_the_given_name() {
    // "Evelyn" is listed as a woman's name; "Mr." says otherwise.
    let t = "“The plan is sound,” said Ada Quill. Mr. Evelyn Tarr answered the board. \
             “We will not wait for the state,” he said.";
    let quill = person(t, "Ada Quill", None, &["Ada Quill"]);
    let tarr = person(t, "Evelyn Tarr", None, &["Evelyn Tarr"]);
    assert_eq!(who(t, &[quill, tarr])[1].1.as_deref(), Some("Evelyn Tarr"));
    // "Glenn" is listed as a man's name; the entity's title says otherwise.
    let t = "“The plan is sound,” said Carl Penn. Glenn Ruiz answered the board. \
             “We will not wait for the state,” she said.";
    let penn = person(t, "Carl Penn", None, &["Carl Penn"]);
    let ruiz = person(t, "Glenn Ruiz", Some("Congresswoman"), &["Glenn Ruiz"]);
    assert_eq!(who(t, &[penn, ruiz])[1].1.as_deref(), Some("Glenn Ruiz"));
}

#[test]
fn unknown_gender_never_blocks_a_pronoun() {
    let t = "“We are ready for it,” Bo Tarn said. “The city is safe now,” she added.";
    let tarn = person(t, "Bo Tarn", None, &["Bo Tarn"]);
    assert_eq!(who(t, &[tarn])[1].1.as_deref(), Some("Bo Tarn"));
    assert_eq!(speakers(t), vec![some("Bo Tarn"); 2]);
}

#[test]
fn a_pronoun_with_no_compatible_antecedent_stays_unknown() {
    let t = "“We are ready for it,” said Mr. Bo Tarn. “The city is safe now,” she added.";
    let tarn = person(t, "Bo Tarn", None, &["Bo Tarn"]);
    assert_eq!(who(t, &[tarn])[1].1, None);
}

#[test]
fn a_title_stands_for_its_holder_in_any_of_its_forms() {
    for (t, title) in [
        (
            "Representative Ada Quill toured the dock. “We will fund it,” the congresswoman said.",
            "Representative",
        ),
        (
            "Ada Quill, a spokesperson for the port, spoke. “We will fund it,” the spokeswoman said.",
            "spokesperson",
        ),
        (
            "Chairwoman Ada Quill spoke. “We will fund it,” the chair said.",
            "Chairwoman",
        ),
        (
            "Governor Ada Quill toured the dock. “We will fund it,” the former governor said.",
            "Governor",
        ),
        (
            "Gov. Ada Quill toured the dock. “We will fund it,” the governor said.",
            "Gov.",
        ),
    ] {
        let quill = person(t, "Ada Quill", Some(title), &["Ada Quill"]);
        assert_eq!(who(t, &[quill])[0].1.as_deref(), Some("Ada Quill"), "{t}");
    }
    // Without entities, the title written before the name.
    let t = "Congressman Bo Tarn toured the dock. “We will fund it,” the representative said.";
    assert_eq!(speakers(t), vec![some("Bo Tarn")]);
}

#[test]
fn a_gendered_title_stands_for_a_holder_of_its_gender() {
    let t = "Representative Ada Quill and Representative Walter Penn toured the dock. \
             “We will fund it,” the congresswoman said.";
    let quill = person(t, "Ada Quill", Some("Representative"), &["Ada Quill"]);
    let penn = person(t, "Walter Penn", Some("Representative"), &["Walter Penn"]);
    assert_eq!(who(t, &[quill, penn])[0].1.as_deref(), Some("Ada Quill"));
}

#[test]
fn a_pronoun_goes_back_past_a_speaker_of_the_other_gender_only_to_a_marked_person() {
    // Vole is marked as a woman by her given name: "she" reaches back past Mr. Tarn.
    let t = "“We will build the library,” said Ann Vole. “We cannot pay for it,” said \
             Mr. Bo Tarn. “We will find the money,” she said.";
    let vole = person(t, "Ann Vole", None, &["Ann Vole"]);
    let tarn = person(t, "Bo Tarn", None, &["Bo Tarn"]);
    assert_eq!(who(t, &[vole, tarn])[2].1.as_deref(), Some("Ann Vole"));
    // Nothing marks Kip Dane, named before Mr. Tarn spoke: too far off to be guessed.
    let t = "Kip Dane chaired the meeting. “We cannot pay for it,” said Mr. Bo Tarn. \
             “We will find the money,” she said.";
    let dane = person(t, "Kip Dane", None, &["Kip Dane"]);
    let tarn = person(t, "Bo Tarn", None, &["Bo Tarn"]);
    assert_eq!(who(t, &[dane, tarn])[1].1, None);
}

#[test]
fn a_title_in_the_form_written_goes_before_another_form_of_it() {
    let t = "Congressman Carl Quill met Representative Walter Penn on the bill. “We will pass \
             it,” said the congressman.";
    let quill = person(t, "Carl Quill", Some("Congressman"), &["Carl Quill"]);
    let penn = person(t, "Walter Penn", Some("Representative"), &["Walter Penn"]);
    assert_eq!(who(t, &[quill, penn])[0].1.as_deref(), Some("Carl Quill"));
}

#[test]
fn an_apposition_marks_a_person_s_gender() {
    // "Ricky" is listed as a man's name; the apposition says otherwise.
    let t = "“We will appeal,” said Walter Penn. Ricky Tamsett, Lou Voss’ mother, \
             read a letter. In it she also said, “He was kind to everyone.”";
    let penn = person(t, "Walter Penn", None, &["Walter Penn"]);
    let mother = person(t, "Ricky Tamsett", None, &["Ricky Tamsett"]);
    assert_eq!(
        who(t, &[penn, mother])[1].1.as_deref(),
        Some("Ricky Tamsett")
    );
}

#[test]
fn an_organisation_after_a_preposition_names_where_the_speaker_works() {
    let t = "Marisol Fenwick with the Lake Venn Boating Club said, “Members are relieved.”";
    assert_eq!(speakers(t), vec![some("Marisol Fenwick")]);
    let t = "Jon Pike, president of the Venn Watershed Council said, “The lake is safer.”";
    assert_eq!(speakers(t), vec![some("Jon Pike")]);
    let t = "Ana Ruiz, chair of the Board of the Venn Lake Trust said, “We will rebuild.”";
    assert_eq!(speakers(t), vec![some("Ana Ruiz")]);
    // With no name before it, the organisation itself speaks.
    let t = "A spokesman for the Venn Watershed Council said, “The lake is safer.”";
    assert_ne!(speakers(t), vec![some("A spokesman")]);
    let t = "In a letter to Jo Park, the Venn Watershed Council said, “The lake is safer.”";
    assert_eq!(speakers(t), vec![some("Venn Watershed Council")]);
}

#[test]
fn a_verb_that_reports_more_after_a_time_word_is_no_cue_for_the_quotation_before() {
    let t = "“Exports pay well,” said Rep. Nia Calder. “They pay above the average.” The Venn Export Office announced today that the state will receive a grant.";
    assert_eq!(speakers(t), vec![some("Nia Calder"), some("Nia Calder")]);
    let t = "Rep. Nia Calder met growers. “They pay above the average.” The Venn Export Office said today.";
    assert_eq!(speakers(t), vec![some("Venn Export Office")]);
}

/// The quotes' speakers and the entities after the speakers are adopted.
fn adopted(text: &str, mut entities: Vec<Entity>) -> (Vec<Option<String>>, Vec<Entity>) {
    let r = release(text);
    let spans = quotes::extract(&r);
    let mut quotes = attribute(&r, &entities, &spans);
    adopt_speakers(&r, &mut entities, &mut quotes);
    for s in quotes.iter().filter_map(|q| q.speaker.as_ref()) {
        let e = entities
            .iter()
            .find(|e| Some(&e.id) == s.entity_id.as_ref());
        assert_eq!(
            e.map(|e| &e.name),
            Some(&s.name),
            "speaker linked to its entity"
        );
    }
    let names = quotes
        .into_iter()
        .map(|q| q.speaker.map(|s| s.name))
        .collect();
    (names, entities)
}

#[test]
fn a_speaker_the_entity_rules_missed_becomes_a_person_entity() {
    let t = "Judge Charles S. Beach II opened the court.\n“Cases move faster now,” said Charles S. Beach II.";
    let (names, entities) = adopted(t, Vec::new());
    assert_eq!(names, vec![some("Charles S. Beach II")]);
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].kind, EntityType::Person);
    assert_eq!(entities[0].mentions.len(), 2);
    // An entity that read only the first name takes the full one.
    let charles = person(t, "Charles", Some("Judge"), &["Charles"]);
    let (names, entities) = adopted(t, vec![charles]);
    assert_eq!(names, vec![some("Charles S. Beach II")]);
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].title.as_deref(), Some("Judge"));
    assert_eq!(
        entities[0].id,
        EntityId::of(EntityType::Person, "Charles S. Beach II")
    );
}

#[test]
fn a_speaker_written_shorter_takes_the_entity_of_the_fuller_name() {
    let t = "Rep. Wm. Hale Brisley spoke. “The site is ready,” said Hale Brisley.";
    let hale = person(
        t,
        "Wm. Hale Brisley",
        Some("Representative"),
        &["Wm. Hale Brisley"],
    );
    let (names, entities) = adopted(t, vec![hale]);
    assert_eq!(names, vec![some("Wm. Hale Brisley")]);
    assert_eq!(entities.len(), 1);
}

#[test]
fn a_place_or_a_unit_is_never_proposed_as_the_person_named_nearest() {
    let t = "Deputy Ola Brand spoke at the pier.\nShe works in Port Venn. “I enjoy the sea.”";
    let place = entity(t, EntityType::Location, "Port Venn", None, &["Port Venn"]);
    let r = release(t);
    let spans = quotes::extract(&r);
    let decisions = decide(&r, &[place], &spans, &RuleChooser);
    let names: Vec<&str> = decisions[0]
        .candidates
        .iter()
        .map(|c| c.speaker.name.as_str())
        .collect();
    assert!(names.contains(&"Ola Brand"), "{names:?}");
    assert!(!names.contains(&"Port Venn"), "{names:?}");
}

#[test]
fn a_heading_read_as_a_speaker_is_not_listed_as_a_person() {
    let t = "Key Point: “Harbor fees fall this year.”\nKey Point was the theme, Ola Brand said.";
    // The model read the release and tagged only Ola Brand as a person.
    let at = t.find("Ola Brand").unwrap();
    let ner = vec![crate::doc::NerSpan {
        span: Span::new(at, at + "Ola Brand".len()),
        label: crate::doc::NerLabel::Person,
        score: 0.99,
    }];
    let r = ReleaseBuilder::new(t).lines_as_sentences().ner(ner).build();
    let spans = quotes::extract(&r);
    let mut entities = Vec::new();
    let mut quotes = attribute(&r, &entities, &spans);
    assert_eq!(
        quotes[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Key Point")
    );
    adopt_speakers(&r, &mut entities, &mut quotes);
    assert!(
        entities.iter().all(|e| e.name != "Key Point"),
        "{entities:?}"
    );
    assert_eq!(quotes[0].speaker, None);
}
#[test]
fn speakers_named_by_title_or_by_their_body_alone() {
    let t = "Governor Ann Vole signed the bill on Monday.\n“It is a good day for the state,” the governor said.";
    assert_eq!(speakers(t), vec![some("Ann Vole")]);
    let t = "The Vale Department of Health issued a warning on Monday.\n“Boil your water before use,” the department said in a statement.";
    assert_eq!(speakers(t), vec![some("Vale Department of Health")]);
    // The head word capitalised refers back all the same.
    let t = "The Vale Department of Health issued a warning on Monday.\n“Boil your water before use,” the Department said.";
    assert_eq!(speakers(t), vec![some("Vale Department of Health")]);
    let t = "The City of Longview closed the road near the river on Monday night.\n“Repairs will take a week,” the city said in a statement.";
    assert_eq!(speakers(t), vec![some("City of Longview")]);
}
