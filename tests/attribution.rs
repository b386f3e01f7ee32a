//! Every shape of attribution the annotator handles, on sentences written
//! for these tests.

use whosaid::model::{ClaimKind, Document, SpeakerKind};

fn annotate(text: &str) -> Document {
    whosaid::annotate(&whosaid::load::plain::parse(text))
}

/// One claim as the tests look at it.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    kind: ClaimKind,
    text: String,
    source: Option<String>,
    speaker: Option<String>,
    speaker_kind: Option<SpeakerKind>,
    cue: Option<String>,
}

fn claims(text: &str) -> Vec<Seen> {
    let doc = annotate(text);
    doc.claims
        .iter()
        .map(|c| {
            let speaker = c.speaker.as_deref().and_then(|id| doc.speaker(id));
            Seen {
                kind: c.kind,
                text: c.text.to_string(),
                source: c.source.as_ref().map(|s| s.text.to_string()),
                speaker: speaker.map(|s| s.name.clone()),
                speaker_kind: speaker.map(|s| s.kind),
                cue: c.cue.as_ref().map(|s| s.text.to_string()),
            }
        })
        .collect()
}

/// The only claim of a text.
fn only(text: &str) -> Seen {
    let found = claims(text);
    assert_eq!(found.len(), 1, "{text}\n{found:#?}");
    found.into_iter().next().unwrap()
}

/// The source as written and the content of a text's only claim.
fn source_and_content(text: &str) -> (String, String) {
    let c = only(text);
    (c.source.unwrap_or_default(), c.text)
}

/// Checks that a text's only claim is by the person `name`, described as `role`.
fn assert_person_with_role(text: &str, name: &str, role: &str) {
    let doc = annotate(text);
    assert_eq!(doc.claims.len(), 1, "{text}");
    let speaker = doc.claims[0]
        .speaker
        .as_deref()
        .and_then(|id| doc.speaker(id))
        .unwrap_or_else(|| panic!("no speaker: {text}"));
    assert_eq!(
        (speaker.name.as_str(), speaker.kind, speaker.role.as_deref()),
        (name, SpeakerKind::Person, Some(role)),
        "{text}"
    );
}

fn said_by(seen: &Seen) -> (&str, &str) {
    (
        seen.text.as_str(),
        seen.speaker.as_deref().unwrap_or("(nobody)"),
    )
}

// Reported speech in its shapes.

#[test]
fn said_that_and_said_without_that() {
    let c = only("Mayor Ana Ruiz said that the bridge would reopen in May.");
    assert_eq!(said_by(&c), ("the bridge would reopen in May", "Ana Ruiz"));
    assert_eq!(c.kind, ClaimKind::Indirect);
    let c = only("Mayor Ana Ruiz said the bridge would reopen in May.");
    assert_eq!(said_by(&c), ("the bridge would reopen in May", "Ana Ruiz"));
}

#[test]
fn content_before_the_cue() {
    let c = only("The bridge will reopen in May, Mayor Ana Ruiz said.");
    assert_eq!(said_by(&c), ("The bridge will reopen in May", "Ana Ruiz"));
    let c = only("The bridge will reopen in May, said Mayor Ana Ruiz.");
    assert_eq!(said_by(&c), ("The bridge will reopen in May", "Ana Ruiz"));
}

#[test]
fn the_listener_of_told_is_not_the_source() {
    let c = only("Finance Minister Karl Berg told reporters that taxes would not rise.");
    assert_eq!(said_by(&c), ("taxes would not rise", "Karl Berg"));
    assert_eq!(c.cue.as_deref(), Some("told reporters"));
    let c = only("Finance Minister Karl Berg told the Daily Ledger taxes would not rise.");
    assert_eq!(said_by(&c), ("taxes would not rise", "Karl Berg"));
}

#[test]
fn said_in_a_statement_that() {
    let doc = annotate("The ministry said in a statement that the talks had failed.");
    let claim = &doc.claims[0];
    assert_eq!(claim.text, "the talks had failed");
    assert_eq!(claim.channel.as_deref(), Some("in a statement"));
    assert_eq!(
        doc.speaker(claim.speaker.as_deref().unwrap()).unwrap().kind,
        SpeakerKind::Organization
    );
}

#[test]
fn according_to_before_and_after() {
    let c = only("According to court filings, the company hid its losses for years.");
    assert_eq!(
        said_by(&c),
        ("the company hid its losses for years", "court filings")
    );
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Document));
    let c = only("The company hid its losses for years, according to two former managers.");
    assert_eq!(
        said_by(&c),
        (
            "The company hid its losses for years",
            "two former managers"
        )
    );
}

#[test]
fn colon_attribution() {
    let c = only("Governor Lena Holm: \"We will not raise the toll this year.\"");
    assert_eq!(
        said_by(&c),
        ("We will not raise the toll this year", "Lena Holm")
    );
    assert_eq!(c.kind, ClaimKind::Direct);
    let c = only("Governor Lena Holm said: “We will not raise the toll this year.”");
    assert_eq!(
        said_by(&c),
        ("We will not raise the toll this year", "Lena Holm")
    );
}

#[test]
fn dash_attribution() {
    let c =
        only("The bridge will reopen in May — the transport minister, Eva Lind, said on Tuesday.");
    assert_eq!(said_by(&c), ("The bridge will reopen in May", "Eva Lind"));
}

#[test]
fn adding_that_makes_a_second_claim() {
    let found =
        claims("Coach Tom Reyes said the team was tired, adding that the schedule was too tight.");
    let seen: Vec<(&str, &str)> = found.iter().map(said_by).collect();
    assert_eq!(
        seen,
        [
            ("the team was tired", "Tom Reyes"),
            ("the schedule was too tight", "Tom Reyes")
        ]
    );
}

#[test]
fn coordinated_that_clauses_are_one_claim() {
    let c =
        only("Dr. Amy Chen said the vaccine was safe and that supplies would last until spring.");
    assert_eq!(
        said_by(&c),
        (
            "the vaccine was safe and that supplies would last until spring",
            "Amy Chen"
        )
    );
}

#[test]
fn auxiliaries_adverbs_and_times_around_the_cue() {
    for text in [
        "Senator Rosa Diaz has said the bill is dead.",
        "Senator Rosa Diaz also said the bill is dead.",
        "Senator Rosa Diaz said Monday the bill is dead.",
        "Senator Rosa Diaz said on Monday that the bill is dead.",
        "Senator Rosa Diaz has repeatedly said the bill is dead.",
    ] {
        let c = only(text);
        assert_eq!(said_by(&c), ("the bill is dead", "Rosa Diaz"), "{text}");
    }
    let c = only("Senator Rosa Diaz did not say whether the bill is dead.");
    assert_eq!(said_by(&c), ("whether the bill is dead", "Rosa Diaz"));
}

// Speaker spans.

#[test]
fn asides_between_speaker_and_cue_are_skipped() {
    let c = only("Kerry, who lost the 2004 race, said the party had to change.");
    assert_eq!(said_by(&c), ("the party had to change", "Kerry"));
    assert_eq!(c.source.as_deref(), Some("Kerry"));
    let doc = annotate("Hugh Hill, a doctor, said the clinic would close.");
    let speaker = doc.speakers.iter().find(|s| s.name == "Hugh Hill").unwrap();
    assert_eq!(speaker.role.as_deref(), Some("a doctor"));
    assert_eq!(doc.claims[0].text, "the clinic would close");
}

#[test]
fn time_phrases_and_sentence_adverbs_before_the_speaker_are_not_part_of_it() {
    for text in [
        "Later the mayor said the bridge would reopen in May.",
        "Earlier this week the mayor said the bridge would reopen in May.",
        "Earlier on Tuesday the mayor said the bridge would reopen in May.",
        "Last month the mayor said the bridge would reopen in May.",
    ] {
        assert_eq!(
            source_and_content(text),
            (
                "the mayor".to_string(),
                "the bridge would reopen in May".to_string()
            ),
            "{text}"
        );
    }
    let c = only("On Monday Mayor Ana Ruiz said the bridge would reopen in May.");
    assert_eq!(said_by(&c), ("the bridge would reopen in May", "Ana Ruiz"));
    assert_eq!(c.source.as_deref(), Some("Mayor Ana Ruiz"));
}

#[test]
fn a_verb_of_taking_a_turn_before_saying_is_not_part_of_the_speaker() {
    for text in [
        "The minister hit back by saying the plan was fully costed.",
        "The minister responded by saying the plan was fully costed.",
        "The minister began by saying the plan was fully costed.",
        "The minister fired back, saying the plan was fully costed.",
    ] {
        assert_eq!(
            source_and_content(text),
            (
                "The minister".to_string(),
                "the plan was fully costed".to_string()
            ),
            "{text}"
        );
    }
}

#[test]
fn a_participle_of_saying_after_a_verb_and_its_object_is_the_subjects() {
    let c = only(
        "Party leader Ana Ruiz attacked the ferry plans, saying the island needed more boats.",
    );
    assert_eq!(said_by(&c), ("the island needed more boats", "Ana Ruiz"));
    let c =
        only("Party leader Ana Ruiz attacked the ferry plans saying the island needed more boats.");
    assert_eq!(said_by(&c), ("the island needed more boats", "Ana Ruiz"));
    assert_eq!(c.source.as_deref(), Some("Party leader Ana Ruiz"));
}

#[test]
fn the_one_criticised_for_saying_something_is_not_named_with_the_preposition() {
    let doc = annotate(
        "The union criticised the council for claiming the pool would reopen. \
         The council said repairs had begun.",
    );
    let names: Vec<&str> = doc.speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"council"), "{names:?}");
    assert!(!names.iter().any(|n| n.ends_with(" for")), "{names:?}");
}

#[test]
fn an_inverted_cue_takes_the_name_after_a_role() {
    for (text, role) in [
        (
            "“Rates will rise,” said port economist, Ana Ruiz.",
            "port economist",
        ),
        (
            "“Rates will rise,” said the port's chief economist, Ana Ruiz.",
            "the port's chief economist",
        ),
    ] {
        assert_person_with_role(text, "Ana Ruiz", role);
    }
    // A day after the comma is not a name.
    let c = only("“Rates will rise,” said a spokesman, Tuesday.");
    assert_eq!(c.source.as_deref(), Some("a spokesman"));
}

#[test]
fn a_role_before_a_name_keeps_its_modifiers_and_not_the_honorific() {
    assert_person_with_role(
        "Tory shadow home secretary Mr Ian Dale said judges would get new powers.",
        "Ian Dale",
        "Tory shadow home secretary",
    );
}

#[test]
fn a_role_after_a_name_without_an_article_is_an_aside() {
    for (text, role) in [
        (
            "Ana Ruiz, director of the pressure group Harbour Watch, said the law was wrong.",
            "director of the pressure group Harbour Watch",
        ),
        (
            "Ana Ruiz, chief executive of the port, said the law was wrong.",
            "chief executive of the port",
        ),
        (
            "Ana Ruiz, Green co-chairman, said the law was wrong.",
            "Green co-chairman",
        ),
        (
            "Ana Ruiz, Labour MP for Dale, said the law was wrong.",
            "Labour MP for Dale",
        ),
    ] {
        assert_person_with_role(text, "Ana Ruiz", role);
    }
}

#[test]
fn inverted_cues_take_the_whole_phrase_after_them() {
    let c = only("“We have the votes,” said Sen. Chuck Schumer, a New York Democrat.");
    assert_eq!(said_by(&c), ("We have the votes", "Chuck Schumer"));
    assert_eq!(
        c.source.as_deref(),
        Some("Sen. Chuck Schumer, a New York Democrat")
    );
}

// Coreference.

#[test]
fn a_full_name_absorbs_later_forms() {
    let doc = annotate(
        "Senator Maria Lopez spoke first.\n\n\"We will fight,\" Ms. Lopez said.\n\nLopez's plan failed. \"It is not over,\" Lopez said.",
    );
    let people: Vec<&str> = doc.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(people, ["Maria Lopez"]);
    assert_eq!(doc.claims.len(), 2);
    assert!(
        doc.claims
            .iter()
            .all(|c| c.speaker.as_deref() == Some("s1"))
    );
}

#[test]
fn a_knight_or_dame_is_called_by_the_given_name() {
    let found = claims(
        "Sir Alan Kemp said the port would grow. Dame Ruth Oduya said it would not. \
         Sir Alan added that ships were waiting. Dame Ruth said they could wait.",
    );
    let speakers: Vec<(&str, &str)> = found.iter().map(said_by).collect();
    assert_eq!(
        speakers,
        [
            ("the port would grow", "Alan Kemp"),
            ("it would not", "Ruth Oduya"),
            ("ships were waiting", "Alan Kemp"),
            ("they could wait", "Ruth Oduya"),
        ]
    );
    // A given name alone, with no title, is not enough: this "Alan" may be anyone.
    let found =
        claims("Sir Alan Kemp said the port would grow. Alan, a docker, said it would not.");
    assert_eq!(found[1].speaker.as_deref(), Some("Alan"));
}

#[test]
fn pronouns_go_to_the_nearest_fitting_person_outside_quotes() {
    let found = claims(
        "Maria Lopez met John Park in Oslo.\n\nShe said the meeting went well.\n\nHe said it was \"a start, says Lisa\" and left.",
    );
    assert_eq!(said_by(&found[0]), ("the meeting went well", "Maria Lopez"));
    assert_eq!(found[0].source.as_deref(), Some("She"));
    let he = found
        .iter()
        .find(|c| c.source.as_deref() == Some("He"))
        .unwrap();
    assert_eq!(he.speaker.as_deref(), Some("John Park"));
}

#[test]
fn they_goes_to_officials_groups_and_institutions() {
    let found =
        claims("Two officials briefed reporters on Friday.\n\nThey said the deal was close.");
    assert_eq!(said_by(&found[0]), ("the deal was close", "Two officials"));
    assert_eq!(found[0].speaker_kind, Some(SpeakerKind::Anonymous));
}

#[test]
fn definite_descriptions_go_back_to_an_earlier_source() {
    let found = claims(
        "A senior official said the army was ready.\n\nA diplomat said talks would resume.\n\n\"We are prepared,\" the official added.",
    );
    assert_eq!(found[2].speaker.as_deref(), Some("A senior official"));
    assert_eq!(found[2].source.as_deref(), Some("the official"));
    let found = claims(
        "Pentagon spokesman John Kirby said the drills were routine.\n\n\"Nothing has changed,\" the spokesman said.",
    );
    assert_eq!(found[1].speaker.as_deref(), Some("John Kirby"));
    let found = claims("Senator Ann Cole voted no.\n\n\"It was wrong,\" the senator said.");
    assert_eq!(found[0].speaker.as_deref(), Some("Ann Cole"));
}

// Quotes.

#[test]
fn quotes_continue_across_paragraphs() {
    let doc = annotate(
        "“The port is our lifeline,” harbour master Jonas Berg said. “Without it the town dies.\n\n“We need the dredging now, not next year.”",
    );
    let berg = doc
        .speakers
        .iter()
        .find(|s| s.name == "Jonas Berg")
        .unwrap();
    let last = doc.claims.last().unwrap();
    assert_eq!(last.paragraph, 1);
    assert_eq!(last.text, "We need the dredging now, not next year");
    assert_eq!(last.speaker.as_deref(), Some(berg.id.as_str()));
}

#[test]
fn a_quoted_paragraph_inherits_the_previous_speaker_until_another_intervenes() {
    let found = claims(concat!(
        "“We will appeal,” lawyer Nina Vos said.\n\n",
        "“The ruling ignores the evidence.”\n\n",
        "The court did not comment.\n\n",
        "“This is not the end of the matter at all.”"
    ));
    assert_eq!(
        said_by(&found[1]),
        ("The ruling ignores the evidence", "Nina Vos")
    );
    assert_eq!(
        found[2].speaker, None,
        "a paragraph with no quote ends the run"
    );
}

#[test]
fn single_quotes_nested_in_double_quotes_stay_inside() {
    let c = only("“She told me ‘never again’ and walked out,” the witness said.");
    assert_eq!(c.text, "She told me ‘never again’ and walked out");
    assert_eq!(c.source.as_deref(), Some("the witness"));
}

#[test]
fn curly_and_straight_marks_mixed_in_one_story() {
    let found =
        claims("“We are ready,” Chief Ada Obi said.\n\n\"We have trained for this,\" Obi added.");
    let seen: Vec<(&str, &str)> = found.iter().map(said_by).collect();
    assert_eq!(
        seen,
        [
            ("We are ready", "Ada Obi"),
            ("We have trained for this", "Ada Obi")
        ]
    );
}

#[test]
fn an_interrupted_quote_is_one_claim_in_two_parts() {
    let doc =
        annotate("“We are ready,” Chief Ada Obi said. “We have trained for this for months.”");
    assert_eq!(doc.claims.len(), 1);
    let parts: Vec<&str> = doc.claims[0]
        .parts
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        parts,
        ["We are ready", "We have trained for this for months"]
    );
}

#[test]
fn a_clause_with_content_of_its_own_after_a_finished_quote_reports_that_content() {
    let found =
        claims("Mayor Jo Park spoke first. “We lost the vote.” Ana Ruiz said the count was wrong.");
    let seen: Vec<(ClaimKind, &str, &str)> = found
        .iter()
        .map(|c| {
            (
                c.kind,
                c.text.as_str(),
                c.speaker.as_deref().unwrap_or("(nobody)"),
            )
        })
        .collect();
    assert!(
        seen.contains(&(ClaimKind::Indirect, "the count was wrong", "Ana Ruiz")),
        "{seen:?}"
    );
    assert!(
        !seen.contains(&(ClaimKind::Direct, "We lost the vote", "Ana Ruiz")),
        "{seen:?}"
    );
    // With nothing reported after the cue, the clause still claims the quote.
    let c = only("“We lost the vote.” Ana Ruiz said on Tuesday.");
    assert_eq!(said_by(&c), ("We lost the vote", "Ana Ruiz"));
}

#[test]
fn a_quoted_sentence_after_reported_speech_is_the_same_speakers() {
    let found = claims(
        "Ana Ruiz said the port would close, she said. “We have waited ten years for a decision on this.”",
    );
    let quote = found
        .iter()
        .find(|c| c.kind == ClaimKind::Direct)
        .expect("the quote is a claim");
    assert_eq!(quote.speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn scare_quotes_and_titles_are_not_claims() {
    assert!(claims("The so-called “reform” passed quietly on a Tuesday.").is_empty());
    assert!(claims("She starred in “The Long Night Home” last year.").is_empty());
    assert!(claims("Critics dismissed the “deal of the century” as a stunt.").is_empty());
}

// Source kinds.

#[test]
fn unnamed_sources_are_anonymous() {
    for (text, source) in [
        (
            "An official familiar with the plan said it would be delayed.",
            "An official familiar with the plan",
        ),
        ("Two diplomats said it would be delayed.", "Two diplomats"),
        (
            "A Western diplomat, who spoke on condition of anonymity, said it would be delayed.",
            "A Western diplomat",
        ),
        (
            "People familiar with the matter said it would be delayed.",
            "People familiar with the matter",
        ),
        (
            "An aide, who asked not to be named, said it would be delayed.",
            "An aide",
        ),
        (
            "A police source said it would be delayed.",
            "A police source",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.speaker_kind, Some(SpeakerKind::Anonymous), "{text}");
        assert_eq!(c.source.as_deref(), Some(source), "{text}");
        assert_eq!(c.text, "it would be delayed", "{text}");
    }
}

#[test]
fn groups_organizations_and_documents_speak_too() {
    for (text, kind) in [
        (
            "European leaders said the sanctions would stay.",
            SpeakerKind::Group,
        ),
        (
            "Democrats said the sanctions would stay.",
            SpeakerKind::Group,
        ),
        (
            "The State Department said the sanctions would stay.",
            SpeakerKind::Organization,
        ),
        (
            "Norway has said the sanctions would stay.",
            SpeakerKind::Organization,
        ),
        (
            "A joint statement said the sanctions would stay.",
            SpeakerKind::Document,
        ),
        (
            "The report said the sanctions would stay.",
            SpeakerKind::Document,
        ),
    ] {
        let c = only(text);
        assert_eq!(c.speaker_kind, Some(kind), "{text}");
        assert_eq!(c.text, "the sanctions would stay", "{text}");
    }
}

#[test]
fn nested_speech_is_attributed_to_the_outer_speaker() {
    let c = only("Mayor Ana Ruiz said the governor told her the bridge was safe.");
    assert_eq!(
        said_by(&c),
        ("the governor told her the bridge was safe", "Ana Ruiz")
    );
}

// Shapes found on real news, written anew.

#[test]
fn a_clause_right_after_a_quote_claims_it() {
    for (text, quote, speaker) in [
        (
            "“We lost the vote,” Mayor Jo Park said onstage Tuesday night.",
            "We lost the vote",
            "Jo Park",
        ),
        (
            "“We need new roads,” Jo Park told a crowd at Main Hall that spilled onto the street.",
            "We need new roads",
            "Jo Park",
        ),
        (
            "“It could be worse,” the shopkeeper replied.",
            "It could be worse",
            "the shopkeeper",
        ),
        (
            "“It could be worse,” said one unnamed council aide.",
            "It could be worse",
            "one unnamed council aide",
        ),
        (
            "''They told us, 'it is a special case,''' Mr. Park said.",
            "They told us, 'it is a special case,'",
            "Jo Park",
        ),
    ] {
        let doc = annotate(&format!("Mayor Jo Park spoke.\n\n{text}"));
        let claim = doc
            .claims
            .iter()
            .find(|c| c.kind == ClaimKind::Direct)
            .unwrap_or_else(|| panic!("{text}"));
        assert_eq!(claim.text, quote, "{text}");
        let name = claim
            .speaker
            .as_deref()
            .and_then(|id| doc.speaker(id))
            .map(|s| s.name.as_str());
        assert_eq!(name, Some(speaker), "{text}");
    }
}

#[test]
fn quotes_after_introductory_phrases_and_second_verbs() {
    for (text, speaker) in [
        (
            "But, said Lena Holm, “the bridge will not close this year.”",
            "Lena Holm",
        ),
        (
            "As Lena Holm said last week in Oslo, “the bridge will not close this year.”",
            "Lena Holm",
        ),
        (
            "Before the vote, Governor Lena Holm toured the site, saying, “The bridge will not close.”",
            "Lena Holm",
        ),
        (
            "As the crowd cheered, Lena Holm was joined on stage by her deputy and joked, “The bridge will not close,” drawing laughs.",
            "Lena Holm",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.kind, ClaimKind::Direct, "{text}");
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{text}");
    }
}

#[test]
fn a_reporting_clause_between_commas_reports_what_follows() {
    let c = only("Still, the mayor said, the bridge will not close this year.");
    assert_eq!(said_by(&c).0, "the bridge will not close this year");
    assert_eq!(c.source.as_deref(), Some("the mayor"));
}

#[test]
fn poll_respondents_are_a_group() {
    let c = only("Sixty percent of voters said the economy was their first concern.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Group));
    assert_eq!(c.text, "the economy was their first concern");
}

// Shapes of news copy added with the second round of attribution work.

#[test]
fn a_title_case_headline_with_a_cue_is_a_claim() {
    let c =
        &claims("Mayor Ana Ruiz Says The Bridge Will Reopen In May\n\nThe bridge closed in March.")
            [0];
    assert_eq!(said_by(c), ("The Bridge Will Reopen In May", "Ana Ruiz"));
    // A cue before a preposition opens no clause, headline or not.
    assert!(
        claims("What The Poll Says About Voters In Ohio\n\nThe poll closed in March.").is_empty()
    );
}

#[test]
fn a_role_noun_before_of_is_a_role_even_when_no_list_names_it() {
    for (text, role) in [
        (
            "Lena Ruiz, dean of the law school, said the law was wrong.",
            "dean of the law school",
        ),
        (
            "Lena Ruiz, keeper of the town archive, said the law was wrong.",
            "keeper of the town archive",
        ),
        (
            "Lena Ruiz, curator at the river museum, said the law was wrong.",
            "curator at the river museum",
        ),
    ] {
        assert_person_with_role(text, "Lena Ruiz", role);
    }
}

#[test]
fn an_age_and_a_hometown_between_commas_are_asides() {
    let c = only("Maria Lopez, 43, of Riverton, said the law was wrong.");
    assert_eq!(said_by(&c), ("the law was wrong", "Maria Lopez"));
    let c = only("Maria Lopez, 43, from North Riverton, said the law was wrong.");
    assert_eq!(said_by(&c), ("the law was wrong", "Maria Lopez"));
}

#[test]
fn a_party_and_state_in_brackets_are_not_part_of_the_name() {
    let c = only("Rep. Maria Lopez (D-Ohio) said the law was wrong.");
    assert_eq!(said_by(&c), ("the law was wrong", "Maria Lopez"));
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Person));
}

#[test]
fn a_gerund_subject_opens_a_reported_clause() {
    let c = only("Omar Vance said selling the plan to farmers has been hard.");
    assert_eq!(
        said_by(&c),
        ("selling the plan to farmers has been hard", "Omar Vance")
    );
    // A participle with no verb of its own is the writer's gloss, not speech.
    assert!(claims("The port closed. Officials said citing security concerns.").is_empty());
}

#[test]
fn a_cue_interrupting_its_content_takes_both_halves() {
    for (text, speaker, halves) in [
        (
            "The deal, Ruiz said, was never on the table.",
            "Ruiz",
            ["The deal", "was never on the table"],
        ),
        (
            "Housing, the mayor often says, is the city's first problem.",
            "the mayor",
            ["Housing", "is the city's first problem"],
        ),
    ] {
        let doc = annotate(&format!("The port reopened.\n\n{text}"));
        assert_eq!(doc.claims.len(), 1, "{text}");
        let claim = &doc.claims[0];
        let parts: Vec<&str> = claim.parts.iter().map(|s| &*s.text).collect();
        assert_eq!(parts, halves, "{text}");
        let source = claim.source.as_ref().map(|s| &*s.text);
        assert_eq!(source, Some(speaker), "{text}");
    }
}

#[test]
fn a_cue_in_a_relative_clause_stops_at_the_main_verb() {
    let c = only("An engineer who said the bridge was unsafe was fired.");
    assert_eq!(c.text, "the bridge was unsafe");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Anonymous));
    let c =
        only("The agency, which said the plan, approved in May, was working, declined to comment.");
    assert_eq!(c.text, "the plan, approved in May, was working");
}

#[test]
fn refusals_and_plain_objects_are_not_claims() {
    for text in [
        "He declined to say why the plan failed.",
        "She refused to comment on the vote.",
        "She writes a weekly column for the paper.",
        "The group maintains a database of attacks.",
        "The mayor defended the decision.",
    ] {
        assert!(
            claims(&format!("The port reopened.\n\n{text}")).is_empty(),
            "{text}"
        );
    }
    // The same verbs still report speech when a clause follows.
    let c = only("Ruiz wrote the plan was dead.");
    assert_eq!(said_by(&c), ("the plan was dead", "Ruiz"));
    let c = only("Ruiz maintains the plan was legal.");
    assert_eq!(said_by(&c), ("the plan was legal", "Ruiz"));
}

#[test]
fn a_title_with_an_of_phrase_before_a_name_is_that_persons_role() {
    for (text, name, role) in [
        (
            "Chancellor of the Exchequer Ana Holt said the pound was stable.",
            "Ana Holt",
            "Chancellor of the Exchequer",
        ),
        (
            "Director of public credit Angel Gurria said the economy would grow.",
            "Angel Gurria",
            "Director of public credit",
        ),
    ] {
        assert_person_with_role(&format!("The port reopened.\n\n{text}"), name, role);
    }
}

#[test]
fn words_of_a_title_or_a_place_are_not_people() {
    let doc = annotate(
        "The port reopened.\n\nDavid Frost, Director General of the chamber, said trade was slow. \
         The Secretary of State met the Queen Mother in Hong Kong.",
    );
    let people: Vec<&str> = doc
        .speakers
        .iter()
        .filter(|s| s.kind == SpeakerKind::Person)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(people, ["David Frost"]);
}

#[test]
fn an_institution_before_a_title_is_part_of_the_role() {
    assert_person_with_role(
        "The port reopened.\n\nUS Treasury Under-Secretary Jon Tallis said the fund was sound.",
        "Jon Tallis",
        "US Treasury Under-Secretary",
    );
    let c = only(
        "The port reopened.\n\nThe House and Senate Budget Committees said the plan was short.",
    );
    assert_ne!(c.speaker_kind, Some(SpeakerKind::Person));
}

#[test]
fn a_relative_pronoun_is_the_source_as_written() {
    let doc =
        annotate("The port reopened.\n\nCharles Vance, who said the plan was dead, left early.");
    assert_eq!(doc.claims.len(), 1);
    let claim = &doc.claims[0];
    assert_eq!(&*claim.text, "the plan was dead");
    assert_eq!(claim.source.as_ref().map(|s| &*s.text), Some("who"));
    let speaker = claim.speaker.as_deref().and_then(|id| doc.speaker(id));
    assert_eq!(speaker.map(|s| s.name.as_str()), Some("Charles Vance"));
}

#[test]
fn plural_sources_joined_by_and_or_commas_are_one_source() {
    for (text, source) in [
        (
            "Industry analysts and diplomats said the vote was rigged.",
            "Industry analysts and diplomats",
        ),
        (
            "Farmers, traders and officials said the vote was rigged.",
            "Farmers, traders and officials",
        ),
    ] {
        let (got, content) = source_and_content(&format!("The port reopened.\n\n{text}"));
        assert_eq!(
            (got.as_str(), content.as_str()),
            (source, "the vote was rigged"),
            "{text}"
        );
    }
    // A clause before "and" is not part of the source.
    let (got, _) = source_and_content(
        "The port reopened.\n\nThe plan failed and officials said the vote was rigged.",
    );
    assert_eq!(got, "officials");
}

#[test]
fn a_participle_of_saying_after_the_cue_is_not_content() {
    let c = only("The port reopened.\n\nRuiz tweeted on Friday saying the vote was rigged.");
    assert_eq!(said_by(&c), ("the vote was rigged", "Ruiz"));
}

#[test]
fn demanding_blaming_and_branding_are_cues() {
    let c = only("The port reopened.\n\nRuiz demanded an apology from the council.");
    assert_eq!(said_by(&c), ("an apology from the council", "Ruiz"));
    let c = only("The port reopened.\n\nRuiz blamed the council for the delay.");
    assert_eq!(said_by(&c), ("the council for the delay", "Ruiz"));
    // The thing named and its name, with the quoted name a partial quote too.
    let found = claims("The port reopened.\n\nRuiz branded the plan \"a disaster\".");
    let seen: Vec<_> = found.iter().map(|c| (c.kind, said_by(c))).collect();
    assert_eq!(
        seen,
        [
            (ClaimKind::Indirect, ("the plan \"a disaster\"", "Ruiz")),
            (ClaimKind::Partial, ("a disaster", "Ruiz"))
        ]
    );
}

#[test]
fn a_dash_and_a_name_closing_the_paragraph_sign_a_quote() {
    for text in [
        "“The bridge is unsafe.” ― Ana Ruiz",
        "“The bridge is unsafe.” — Ana Ruiz, mayor of Riverton",
    ] {
        let c = only(&format!("The port reopened.\n\n{text}"));
        assert_eq!(said_by(&c), ("The bridge is unsafe", "Ana Ruiz"), "{text}");
    }
    // A title between dashes is not signed.
    assert!(
        claims("The port reopened.\n\nHe read “The Tempest” — Shakespeare’s last play — twice.")
            .is_empty()
    );
}

#[test]
fn a_cue_and_colon_closing_a_paragraph_introduce_the_next_quote() {
    let c = only(
        "The port reopened.\n\nAna Ruiz continued:\n\n“The bridge is not safe and it will close in May.”",
    );
    assert_eq!(
        said_by(&c),
        (
            "The bridge is not safe and it will close in May",
            "Ana Ruiz"
        )
    );
}

#[test]
fn a_cue_that_ends_a_paragraph_without_punctuation_is_read() {
    // The cue is the paragraph's last token: nothing may be looked up past it.
    let c = only("The port reopened.\n\n“The bridge is unsafe,” Ruiz said");
    assert_eq!(said_by(&c), ("The bridge is unsafe", "Ruiz"));
    assert!(claims("The port reopened.\n\nThat is what Ruiz said").is_empty());
}

#[test]
fn according_to_after_an_opening_phrase_or_between_subject_and_verb() {
    let c = only("The port reopened.\n\nIn Iowa, Ruiz is in first place, according to a new poll.");
    assert_eq!(c.text, "In Iowa, Ruiz is in first place");
    let c = only(
        "The port reopened.\n\nAt the heart of the dispute, according to two officials, was a decision to close the port.",
    );
    assert_eq!(
        c.text,
        "At the heart of the dispute, according to two officials, was a decision to close the port"
    );
    assert_eq!(c.source.as_deref(), Some("two officials"));
}

#[test]
fn a_clause_after_a_quote_that_ends_its_sentence_attributes_it_unless_it_reports_its_own() {
    let c = only(
        "The port reopened.\n\n“We are proud to cast our votes!” Senator Ana Ruiz said as she opened the session.",
    );
    assert_eq!(said_by(&c), ("We are proud to cast our votes!", "Ana Ruiz"));
    let c = only("The port reopened.\n\n“We lost.” Jo Park said the count was wrong.");
    assert_eq!(said_by(&c), ("the count was wrong", "Jo Park"));
}

#[test]
fn a_pronoun_and_cue_with_a_clause_after_a_quote_start_a_sentence() {
    let found =
        claims("The port reopened.\n\nRuiz says “the game is soft.” He says referees are bad.");
    let seen: Vec<_> = found
        .iter()
        .map(|c| (c.text.as_str(), c.source.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            ("the game is soft", Some("Ruiz")),
            ("referees are bad", Some("He"))
        ]
    );
    // With a stop or a comma after the cue, it is the quote's attribution.
    let c = only("The port reopened.\n\n“The game is soft.” He said.");
    assert_eq!(c.text, "The game is soft");
}

#[test]
fn a_noun_like_cue_after_a_quote_and_a_pronoun_attributes_the_quote() {
    let found = claims(
        "The port reopened.\n\n“The sin is keeping the promise,” Bozell says. “What they want is silence,” he notes.",
    );
    let seen: Vec<_> = found
        .iter()
        .map(|c| (c.text.as_str(), c.source.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            ("The sin is keeping the promise", Some("Bozell")),
            ("What they want is silence", Some("he"))
        ]
    );
}

#[test]
fn a_participle_after_the_main_verbs_object_is_the_subjects() {
    let c = only("The port reopened.\n\nRuiz released a statement saying the plan was dead.");
    assert_eq!(said_by(&c), ("the plan was dead", "Ruiz"));
}

#[test]
fn a_newspaper_is_an_organization_not_a_person() {
    for paper in [
        "The Valley Examiner",
        "The Harbour Chronicle",
        "The Ridge Sun",
    ] {
        let doc = annotate(&format!(
            "The port reopened.\n\n{paper} reported that the council had voted to close it."
        ));
        let speaker = doc.speakers.first().expect("a source");
        assert_eq!(speaker.kind, SpeakerKind::Organization, "{paper}");
    }
}

#[test]
fn a_cue_inside_a_relative_clause_reports_the_verb_after_it() {
    let c = only(
        "The port reopened.\n\nAna Ruiz visited the town halls, which she said could not be bought by anyone.",
    );
    assert_eq!(said_by(&c), ("could not be bought by anyone", "Ana Ruiz"));
}

#[test]
fn after_a_verb_that_takes_an_object_her_is_not_an_inverted_source() {
    let found = claims(
        "The port reopened.\n\nAna Ruiz further praised the mayor as “brave,” denounced her record on housing and said she should resign.",
    );
    assert!(
        found
            .iter()
            .all(|c| c.source.as_deref() != Some("her record on housing")),
        "{found:#?}"
    );
    let resign = found
        .iter()
        .find(|c| c.text == "she should resign")
        .expect("the said-clause");
    assert_eq!(resign.speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_season_ends_a_time_phrase_and_a_passive_participle_is_an_aside() {
    let c = only("The port reopened.\n\nAna Ruiz told the Gazette last fall that she would run.");
    assert_eq!(said_by(&c), ("she would run", "Ana Ruiz"));
    let c = only(
        "The port reopened.\n\nThe aides, led by Tomas Berg, told reporters that they expected a recount.",
    );
    assert_eq!(
        (c.text.as_str(), c.source.as_deref()),
        ("they expected a recount", Some("The aides"))
    );
}

#[test]
fn a_clause_between_a_gerund_subject_and_its_verb_interrupts_one_content() {
    let c = only(
        "The port reopened.\n\nPutting the show together, Ana Ruiz said, allowed her to rest.",
    );
    assert_eq!(
        said_by(&c),
        (
            "Putting the show together, Ana Ruiz said, allowed her to rest",
            "Ana Ruiz"
        )
    );
    let c = only("The port reopened.\n\nThe new plan, she said, feels rushed.");
    assert_eq!(c.text, "The new plan, she said, feels rushed");
}

#[test]
fn an_opening_phrase_and_a_main_clause_before_a_closing_attribution_are_the_content() {
    let c = only(
        "The port reopened.\n\nAs a newcomer, Ms. Lind likely attracted less attention, Mr. Berg said.",
    );
    assert_eq!(
        said_by(&c),
        (
            "As a newcomer, Ms. Lind likely attracted less attention",
            "Berg"
        )
    );
    // An opening phrase alone is no content.
    assert!(
        claims("The port reopened.\n\nAfter the vote in Iowa, which was close, Ana Ruiz said.")
            .is_empty()
    );
}

#[test]
fn a_gerund_subject_opens_reported_speech() {
    let c = only("The port reopened.\n\nAna Ruiz says taxing consumption encourages savings.");
    assert_eq!(
        said_by(&c),
        ("taxing consumption encourages savings", "Ana Ruiz")
    );
}

#[test]
fn poll_proportions_and_approximate_quantities_are_sources() {
    for (text, source) in [
        ("Four in 10 say the tax is unfair.", "Four in 10"),
        (
            "About half of voters say the tax is unfair.",
            "About half of voters",
        ),
        (
            "Nearly 60 percent of voters say the tax is unfair.",
            "Nearly 60 percent of voters",
        ),
    ] {
        let c = only(&format!("The port reopened.\n\n{text}"));
        assert_eq!(
            (c.text.as_str(), c.source.as_deref()),
            ("the tax is unfair", Some(source)),
            "{text}"
        );
    }
}

#[test]
fn an_aside_between_dashes_before_the_cue_is_the_sources_role() {
    let c = only(
        "The port reopened.\n\nJason Sims — a teacher from Riverton — says he voted for the levy.",
    );
    assert_eq!(said_by(&c), ("he voted for the levy", "Jason Sims"));
    assert_eq!(c.source.as_deref(), Some("Jason Sims"));
}

#[test]
fn reported_takes_a_clause_with_a_verb() {
    let c = only("The port reopened.\n\nThe Gazette reported the ferry was sold last week.");
    assert_eq!(
        (c.text.as_str(), c.source.as_deref()),
        ("the ferry was sold last week", Some("The Gazette"))
    );
}

#[test]
fn the_senator_is_the_person_named_with_the_abbreviated_title() {
    let found = claims(
        "The port reopened.\n\nSen. Ana Ruiz toured the docks on Monday.\n\nThe senator said the cranes were unsafe.",
    );
    let c = found.last().expect("the senator's claim");
    assert_eq!(said_by(c), ("the cranes were unsafe", "Ana Ruiz"));
}

#[test]
fn a_capitalized_time_word_ending_a_name_is_part_of_it() {
    let doc = annotate("The port reopened.\n\nHarbour Today reports that the council will vote.");
    let speaker = doc.speakers.first().expect("a source");
    assert_eq!(
        (speaker.name.as_str(), speaker.kind),
        ("Harbour Today", SpeakerKind::Organization)
    );
}

#[test]
fn pointed_to_takes_a_noun_phrase() {
    let c = only("The port reopened.\n\nAna Ruiz pointed to the council's new dredging plan.");
    assert_eq!(said_by(&c), ("the council's new dredging plan", "Ana Ruiz"));
}

#[test]
fn an_object_verb_after_an_appositive_has_its_subject_before() {
    let c = only(
        "The port reopened.\n\nTomas Berg, national director of the group, criticized the plan.",
    );
    assert_eq!(said_by(&c), ("the plan", "Tomas Berg"));
    let c = only("The port reopened.\n\n“We will appeal,” announced the ministry.");
    assert_eq!(
        (c.text.as_str(), c.source.as_deref()),
        ("We will appeal", Some("the ministry"))
    );
}

#[test]
fn the_agent_of_a_passive_verb_is_the_source_of_its_relative_clause() {
    let c = only(
        "The port reopened.\n\nThe plan was backed by former Gov. Ana Ruiz, who noted that the port had grown.",
    );
    assert_eq!(said_by(&c), ("the port had grown", "Ana Ruiz"));
}

#[test]
fn a_party_and_state_with_periods_is_an_aside() {
    let c = only("The port reopened.\n\nRep. Ana Ruiz, D-N.Y., noted that the port had grown.");
    assert_eq!(said_by(&c), ("the port had grown", "Ana Ruiz"));
}

#[test]
fn a_name_and_asides_with_no_verb_are_the_subject_not_content() {
    let c = only(
        "The port reopened.\n\nTomas Berg, chairman of the county party, said his office had received a flurry of calls.",
    );
    assert_eq!(
        said_by(&c),
        ("his office had received a flurry of calls", "Tomas Berg")
    );
    let c = only(
        "The port reopened.\n\nAna Ruiz, 29, of Riverton, Ala., says the harbour is too shallow.",
    );
    assert_eq!(said_by(&c), ("the harbour is too shallow", "Ana Ruiz"));
    // Content with a verb before the comma is still content.
    let c = only("The port reopened.\n\nThe harbour is too shallow, Ana Ruiz, the mayor, said.");
    assert_eq!(said_by(&c), ("The harbour is too shallow", "Ana Ruiz"));
}

#[test]
fn an_opening_time_phrase_is_not_the_subject() {
    let c = only(
        "The port reopened.\n\nHours later, she issued a statement calling on the council to dredge the channel.",
    );
    assert_eq!(c.source.as_deref(), Some("she"));
    let c = only(
        "The port reopened.\n\nTwo days ago, Ana Ruiz released a statement saying the plan was dead.",
    );
    assert_eq!(said_by(&c), ("the plan was dead", "Ana Ruiz"));
}

#[test]
fn an_institution_as_subject_speaks_through_a_participle() {
    let c = only(
        "The port reopened.\n\nThe department declined to release the records, saying the inquiry is still open.",
    );
    assert_eq!(
        (c.text.as_str(), c.source.as_deref()),
        ("the inquiry is still open", Some("The department"))
    );
}

#[test]
fn a_noun_like_cue_that_ends_the_sentence_after_its_subject_is_a_verb() {
    let c =
        only("The port reopened.\n\nThe ferry will run again in May, the Riverton Herald reports.");
    assert_eq!(
        (c.text.as_str(), c.source.as_deref()),
        (
            "The ferry will run again in May",
            Some("the Riverton Herald")
        )
    );
    assert!(claims("The port reopened.\n\nShe filed two claims, both reports.").is_empty());
}

#[test]
fn those_with_a_participle_or_relative_clause_is_a_group_source() {
    let c =
        only("The port reopened.\n\nBy a wide margin, those surveyed say the ferry should run.");
    assert_eq!(
        (c.text.as_str(), c.source.as_deref(), c.speaker_kind),
        (
            "the ferry should run",
            Some("those surveyed"),
            Some(SpeakerKind::Group)
        )
    );
}

#[test]
fn a_quote_ending_its_sentence_then_a_subject_with_a_that_clause_is_a_new_sentence() {
    let found = claims(
        "The port reopened.\n\nRuiz has said that the deal could lead to another \"disaster.\" Berg has said that the deal is a threat to the port.",
    );
    let seen: Vec<_> = found
        .iter()
        .filter(|c| c.kind == ClaimKind::Indirect)
        .map(said_by)
        .collect();
    assert_eq!(
        seen,
        [
            ("the deal could lead to another \"disaster.\"", "Ruiz"),
            ("the deal is a threat to the port", "Berg")
        ]
    );
}

#[test]
fn a_report_of_figures_is_a_claim_but_a_reported_noun_is_not() {
    let c = only("The port reopened.\n\nThe harbour company reported a profit of $1.78 a share.");
    assert_eq!(
        (c.text.as_str(), c.source.as_deref()),
        ("a profit of $1.78 a share", Some("The harbour company"))
    );
    assert!(
        claims("The port reopened.\n\nThere were only eight reported incidents at the harbour.")
            .is_empty()
    );
    assert!(
        claims("The port reopened.\n\nRuiz's reported donations have come from dockers.")
            .is_empty()
    );
    assert!(
        claims("The port reopened.\n\nNegotiators reported progress in the talks on Monday.")
            .is_empty()
    );
    let c = only("The port reopened.\n\nRuiz reported raising about $9 million in May.");
    assert_eq!(c.text, "raising about $9 million in May");
    let c = only("The port reopened.\n\nThe talks collapsed, the Herald reported ten days ago.");
    assert_eq!(c.text, "The talks collapsed");
}

#[test]
fn an_adverb_opening_the_sentence_before_a_preposition_is_not_the_subject() {
    let c = only(
        "The port reopened.\n\nShortly before the vote, she summoned the dockers to tell them what they would see.",
    );
    assert_eq!(c.source.as_deref(), Some("she"));
}

#[test]
fn according_to_between_an_opening_phrase_and_its_clause_claims_the_clause() {
    let c = only(
        "The port reopened.\n\nSince last November, according to Harbour Watch, dredgers have removed more than 400 wrecks.",
    );
    assert!(
        c.text
            .ends_with("dredgers have removed more than 400 wrecks"),
        "{}",
        c.text
    );
    assert_eq!(c.source.as_deref(), Some("Harbour Watch"));
}

#[test]
fn according_to_takes_the_appositive_of_its_source() {
    let c = only(
        "The port reopened.\n\nAt the heart of the dispute, according to Tomas Berg, a former pilot, was a decision by the council.",
    );
    assert_eq!(c.source.as_deref(), Some("Tomas Berg, a former pilot"));
    assert_eq!(c.speaker.as_deref(), Some("Tomas Berg"));
}

#[test]
fn an_acronym_in_running_text_is_an_organization() {
    let c = only("The port reopened.\n\nThe ferries were headed to Malta, RTVX reported.");
    assert_eq!(
        (c.source.as_deref(), c.speaker_kind),
        (Some("RTVX"), Some(SpeakerKind::Organization))
    );
    let c = only("The port reopened.\n\nThe NDWU said the cranes were unsafe.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Organization));
}

#[test]
fn a_quantifier_stands_for_the_people_it_counts() {
    for (text, source) in [
        ("Some said the ferry should run.", "Some"),
        (
            "Many in the crowd said the ferry should run.",
            "Many in the crowd",
        ),
        ("One in three said the ferry should run.", "One in three"),
        (
            "At least half of dockers say the ferry should run.",
            "At least half of dockers",
        ),
    ] {
        let c = only(&format!("The port reopened.\n\n{text}"));
        assert_eq!(
            (c.text.as_str(), c.source.as_deref(), c.speaker_kind),
            (
                "the ferry should run",
                Some(source),
                Some(SpeakerKind::Group)
            ),
            "{text}"
        );
    }
}

#[test]
fn a_one_word_answer_is_a_claim() {
    let c = only(
        "The port reopened.\n\nAsked if the ferry should run, 46 percent of dockers said yes, compared with 23 percent in May.",
    );
    assert_eq!(
        (c.text.as_str(), c.source.as_deref()),
        ("yes", Some("46 percent of dockers"))
    );
    let c = only("The port reopened.\n\nRuiz said no one was hurt.");
    assert_eq!(c.text, "no one was hurt");
}

#[test]
fn content_before_an_inverted_cue_may_hold_a_dash() {
    let c = only(
        "The port reopened.\n\nThe vote marks something new — a pilot defeating the harbour board, said Tomas Berg, a professor at the university.",
    );
    assert_eq!(
        said_by(&c),
        (
            "The vote marks something new — a pilot defeating the harbour board",
            "Tomas Berg"
        )
    );
}

#[test]
fn two_roles_joined_by_and_before_a_name_are_one_source() {
    let c = only(
        "The port reopened.\n\nThe firm lobbied on dredging and other issues, said lobbyist and strategist Tomas Berg.",
    );
    assert_eq!(
        said_by(&c),
        (
            "The firm lobbied on dredging and other issues",
            "Tomas Berg"
        )
    );
}

#[test]
fn a_subordinate_clause_and_its_main_clause_around_a_cue_are_one_content() {
    let c = only(
        "The port reopened.\n\nUnless the council dredges the channel, the pilots say, the ferries will run aground.",
    );
    assert_eq!(
        c.text,
        "Unless the council dredges the channel, the pilots say, the ferries will run aground"
    );
    assert_eq!(c.source.as_deref(), Some("the pilots"));
}

#[test]
fn a_naming_verb_gives_a_name_opened_by_a_determiner() {
    let c =
        only("The port reopened.\n\nRuiz called the plan the worst deal in the port's history.");
    assert_eq!(
        said_by(&c),
        ("the plan the worst deal in the port's history", "Ruiz")
    );
    let found = claims("The port reopened.\n\nRuiz called her late father her hero.");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(said_by(&found[0]), ("her late father her hero", "Ruiz"));
    assert!(
        claims("The port reopened.\n\nRuiz called the head of the company on Monday.").is_empty()
    );
    assert!(claims("The port reopened.\n\nRuiz called the office the next day.").is_empty());
}

#[test]
fn a_clause_after_a_connective_is_content_not_a_description_of_the_source() {
    let c = only("The port reopened.\n\nStill, the ferry lines are losing money, Hedge said.");
    assert_eq!(
        said_by(&c),
        ("Still, the ferry lines are losing money", "Hedge")
    );
}

#[test]
fn place_and_time_after_a_trailing_cue_leave_the_content_before_it() {
    let found = claims(
        "The port reopened.\n\nStill, the ferry lines are “barely breaking even,” Hedge said from his office in Dover on Monday.",
    );
    let indirect = found
        .iter()
        .find(|c| c.kind == ClaimKind::Indirect)
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(
        said_by(indirect),
        (
            "Still, the ferry lines are “barely breaking even,”",
            "Hedge"
        )
    );
    // What the cue is about is not a place: the opening phrase says nothing.
    let found = claims(
        "The port reopened.\n\nIn a talk with the Harbour Gazette in late May, a buoyant Hedge boasted about his fleet.",
    );
    assert!(
        found.iter().all(|c| !c.text.starts_with("In a talk")),
        "{found:#?}"
    );
}

#[test]
fn wire_copy_tags_around_a_company_keep_it_the_source() {
    let c = only("Rates rose.\n\nBond trading stayed thin, <Harbour Trust Bank BSC> (HTB) said.");
    assert_eq!(
        said_by(&c),
        ("Bond trading stayed thin", "Harbour Trust Bank BSC (HTB)")
    );
    // A ticker with periods does not end the sentence.
    let c = only(
        "Rates rose.\n\nHarbour Motor Co Ltd <HMC.T> of Korea sent 300 vans, a spokesman said.",
    );
    assert_eq!(
        c.text,
        "Harbour Motor Co Ltd <HMC.T> of Korea sent 300 vans"
    );
}

#[test]
fn a_name_and_its_verb_after_the_listener_open_the_content() {
    for (text, cue, content) in [
        (
            "Rates rose.\n\nVega told Reuters Trade Secretary Ana Ruiz had dropped the levy.",
            "told Reuters",
            "Trade Secretary Ana Ruiz had dropped the levy",
        ),
        (
            "Rates rose.\n\nLawson told Vega Portugal had to settle with its lenders.",
            "told Vega",
            "Portugal had to settle with its lenders",
        ),
        (
            "Rates rose.\n\nHe told a news conference Chile now had to cut its quotas.",
            "told a news conference",
            "Chile now had to cut its quotas",
        ),
    ] {
        let c = only(text);
        assert_eq!(
            (c.cue.as_deref(), c.text.as_str()),
            (Some(cue), content),
            "{text}"
        );
    }
    let c = only(
        "Rates rose.\n\nRuiz told Reuters and the news agency Harwire on Friday that the port would close.",
    );
    assert_eq!(
        (c.cue.as_deref(), c.text.as_str()),
        (
            Some("told Reuters and the news agency Harwire"),
            "the port would close"
        )
    );
    // A name that is the listener's own stays with it.
    let c = only(
        "Rates rose.\n\nRuiz told the official Harbour News agency on Friday that rates would fall.",
    );
    assert_eq!(c.text, "rates would fall");
}

#[test]
fn a_cue_said_not_to_be_used_makes_no_claim() {
    let c = only("Rates rose.\n\nRuiz said Vega had chosen not to insist on the loan.");
    assert_eq!(c.text, "Vega had chosen not to insist on the loan");
    assert!(claims("Rates rose.\n\nThe most telling sign Ruiz gave was a shrug.").is_empty());
}

#[test]
fn two_modifiers_of_one_plural_source_are_one_source() {
    for (text, source) in [
        (
            "Rates rose.\n\nFreight costs could be driving the switch to rail, shipping and port officials said.",
            "shipping and port officials",
        ),
        (
            "Rates rose.\n\nThe gap in prices is wide, Chilean and Peruvian sources said.",
            "Chilean and Peruvian sources",
        ),
        (
            "Rates rose.\n\nTalks stalled after a short meeting, lenders and sources close to the ministry said.",
            "lenders and sources close to the ministry",
        ),
    ] {
        assert_eq!(source_and_content(text).0, source, "{text}");
    }
    // A place's parts are no source: "continued" here is no cue.
    let found = claims(
        "Rates rose.\n\nWet weather in northern, eastern and central parts of the region continued to slow the harvest, the grain board said.",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].source.as_deref(), Some("the grain board"));
}

#[test]
fn an_adverb_between_source_and_cue_is_skipped() {
    let c = only(
        "Rates rose.\n\nPort commissioner Ana Ruiz meanwhile told reporters the levy would stay.",
    );
    assert_eq!(said_by(&c), ("the levy would stay", "Ana Ruiz"));
}

#[test]
fn an_aside_after_the_cue_is_skipped() {
    for (text, content) in [
        (
            "Rates rose.\n\nThe firm said, without admitting any of the charges, it would pay the fine.",
            "it would pay the fine",
        ),
        (
            "Rates rose.\n\nThe port said, however, that the levy would stay.",
            "the levy would stay",
        ),
        (
            "Rates rose.\n\nRuiz said, pointing at the empty quays, “We built this and we lost it.”",
            "We built this and we lost it",
        ),
    ] {
        assert_eq!(only(text).text, content, "{text}");
    }
    // After content, the clause the source hangs on is no aside.
    let c = only(
        "Rates rose.\n\nThe levy is fair, Ruiz argued, since the shippers, most of whom are local, would get it back.",
    );
    assert_eq!(c.text, "The levy is fair");
}

#[test]
fn a_name_before_a_description_left_open_is_the_source() {
    let c = only(
        "Rates rose.\n\nFreight demand is growing, Tom Hale, a Harbour Corp <HBR> director and senior vice president told the Gazette.",
    );
    assert_eq!(said_by(&c), ("Freight demand is growing", "Tom Hale"));
    assert_person_with_role(
        "Rates rose.\n\nVega, Harbour's senior vice president for shipping said that supply would fall.",
        "Vega",
        "Harbour's senior vice president for shipping",
    );
    let c = only("Rates rose.\n\n“It is no taboo,” Tom Vell, an economist at Harbour and Co said.");
    assert_eq!(said_by(&c), ("It is no taboo", "Tom Vell"));
    let c =
        only("Rates rose.\n\nTom Vell, executive partner of Harbour Murray said rates would rise.");
    assert_eq!(said_by(&c), ("rates would rise", "Tom Vell"));
    // A clause before the subject of a cue describes no one.
    let found = claims(
        "Rates rose.\n\nIts lawyer, Tom Vell, told the court that Harbour had claimed it moved the money.",
    );
    assert_eq!(said_by(&found[0]).1, "Tom Vell", "{found:#?}");
    assert_eq!(found.len(), 1, "{found:#?}");
    // Not a name: an opening adverb or a town's state.
    for (text, source) in [
        (
            "Rates rose.\n\nRegardless, the port's chief economist said rates would rise.",
            "the port's chief economist",
        ),
        (
            "Rates rose.\n\nAt a stop in Salem, Oregon, the party's candidate repeated that rates would rise.",
            "the party's candidate",
        ),
    ] {
        assert_eq!(source_and_content(text).0, source, "{text}");
    }
}

#[test]
fn the_newspaper_is_the_newspaper_named_before() {
    let found = claims(
        "Rates rose.\n\nThe Harbour Gazette said the port would close. The newspaper said the plan was dead.",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[1].speaker.as_deref(), Some("Harbour Gazette"));
}

#[test]
fn a_cue_inside_a_relative_clause_reports_the_rest_of_the_clause() {
    let c = only(
        "Rates rose.\n\nThen came the ferry pass, which port chief Ana Ruiz said last year had passed a million users.",
    );
    assert_eq!(said_by(&c), ("had passed a million users", "Ana Ruiz"));
    let c =
        only("Rates rose.\n\nThe fund, which analysts say holds $2 billion, will close in May.");
    assert_eq!(c.text, "holds $2 billion");
}

#[test]
fn a_clause_after_a_place_or_time_needs_no_that() {
    for (text, content) in [
        (
            "Rates rose.\n\nHale said in 1982 Portugal had imposed a tax on gold.",
            "Portugal had imposed a tax on gold",
        ),
        (
            "Rates rose.\n\nRuiz said after the meeting there was rising anger at the port.",
            "there was rising anger at the port",
        ),
        (
            "Rates rose.\n\nHe said under the planned new rules, brokers would face more checks.",
            "brokers would face more checks",
        ),
        (
            "Rates rose.\n\nVega told reporters after a meeting with bankers the city would sell bonds.",
            "the city would sell bonds",
        ),
        (
            "Rates rose.\n\nHe told reporters here the bloc would not bow to pressure.",
            "the bloc would not bow to pressure",
        ),
        (
            "Rates rose.\n\nRuiz said in a speech that was broadcast live that rates would rise.",
            "rates would rise",
        ),
        (
            "Rates rose.\n\nVega said on Harbour TV, where he is now a paid pundit, that Ruiz should quit.",
            "Ruiz should quit",
        ),
        (
            "Rates rose.\n\nThe pilots said there needed to be a second tug.",
            "there needed to be a second tug",
        ),
    ] {
        assert_eq!(only(text).text, content, "{text}");
    }
    // The object of a preposition that belongs to the verb, and the
    // clause that describes it, are no speech.
    assert!(
        claims("Rates rose.\n\nThey want leverage to insist on a judge they can tolerate.")
            .is_empty()
    );
}

#[test]
fn a_firm_and_co_is_one_name() {
    let c = only("Rates rose.\n\nThe bank said Harbour and Co had agreed to new checks.");
    assert_eq!(c.text, "Harbour and Co had agreed to new checks");
    let c = only("Rates rose.\n\nHarbour and Co said rates would rise.");
    assert_eq!(c.speaker.as_deref(), Some("Harbour and Co"));
}

#[test]
fn a_participle_after_by_in_a_relative_clause_speaks_for_its_antecedent() {
    let found = claims(
        "Rates rose.\n\nThe first reply came with a stern warning about the tone of the Harbour party, which tried to rally voters by saying rivals were “flooding in.”",
    );
    let said = found
        .iter()
        .find(|c| c.kind == ClaimKind::Indirect)
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(said.source.as_deref(), Some("the Harbour party"));
    // After a noun, the participle is the verb: "a statement warning that".
    let c = only("Rates rose.\n\nThe port issued a statement warning that fees would rise.");
    assert_eq!(c.text, "fees would rise");
}

#[test]
fn two_sources_joined_by_and_each_say_it() {
    for (text, sources) in [
        (
            "Rates rose.\n\nThe mayor and the harbour master said the bridge would reopen in May.",
            ["The mayor", "the harbour master"],
        ),
        (
            "Rates rose.\n\nTom Hale met Ana Ruiz. Hale and Ruiz said the port would close.",
            ["Hale", "Ruiz"],
        ),
    ] {
        let mut found: Vec<String> = claims(text).into_iter().filter_map(|c| c.source).collect();
        found.sort();
        let mut expected = sources.map(String::from).to_vec();
        expected.sort();
        assert_eq!(found, expected, "{text}");
    }
    let mut found: Vec<String> =
        claims("Rates rose.\n\nBoth the mayor and the governor said the bridge would reopen.")
            .into_iter()
            .filter_map(|c| c.source)
            .collect();
    found.sort();
    assert_eq!(found, ["the governor", "the mayor"]);
    // One institution's name with its "and" stays one source.
    let c = only("Rates rose.\n\nThe Department of Ports and Harbours said fees would rise.");
    assert_eq!(
        c.source.as_deref(),
        Some("The Department of Ports and Harbours")
    );
}

#[test]
fn the_one_quoted_as_saying_is_the_source() {
    let c = only(
        "Rates rose.\n\nThe port would close by May, the minister was quoted as saying by the Harbour news agency.",
    );
    assert_eq!(
        (c.source.as_deref(), c.text.as_str()),
        (Some("the minister"), "The port would close by May")
    );
    let c = only("Rates rose.\n\n“We will not bend,” Ruiz was quoted as telling the council.");
    assert_eq!(said_by(&c), ("We will not bend", "Ruiz"));
}

#[test]
fn a_quote_in_an_opening_participle_phrase_is_not_the_cue_s_content() {
    let found = claims(
        "Rates rose.\n\nCiting “duties in Dover,” the mayor’s spokeswoman told the Gazette that Ruiz would skip the fair.",
    );
    let told = found
        .iter()
        .find(|c| c.cue.as_deref() == Some("told the Gazette"))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(told.text, "Ruiz would skip the fair");
}

#[test]
fn an_opening_phrase_without_a_comma_leaves_the_subject_its_determiner() {
    for (text, source) in [
        (
            "Rates rose.\n\nIn a statement the company said it would cut jobs.",
            "the company",
        ),
        (
            "Rates rose.\n\nIn a report the committee stated there was a risk.",
            "the committee",
        ),
        (
            "Rates rose.\n\nIn a speech the mayor said the port would close.",
            "the mayor",
        ),
    ] {
        assert_eq!(source_and_content(text).0, source, "{text}");
    }
}

#[test]
fn an_inverted_cue_after_an_opening_phrase_interrupts_the_content() {
    let c = only("Rates rose.\n\nWithin weeks of the merger, Ruiz says, the chain cut its fees.");
    assert_eq!(
        c.text,
        "Within weeks of the merger, Ruiz says, the chain cut its fees"
    );
    let c =
        only("Rates rose.\n\nAs a result, says the harbour board, the port may need new rules.");
    assert_eq!(
        said_by(&c),
        (
            "As a result, says the harbour board, the port may need new rules",
            "harbour board"
        )
    );
}

#[test]
fn a_quote_after_a_listener_and_a_colon_ends_its_claim() {
    let found = claims(
        "Rates rose.\n\nHe said to reporters on the quay: “You are wrong.” Vega said the plan would stand.",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].text, "You are wrong");
    assert_eq!(said_by(&found[1]), ("the plan would stand", "Vega"));
}

#[test]
fn a_naming_verb_gives_a_verdict_without_an_article() {
    let c = only("The port reopened.\n\nThe pilots called the new dredging rules reckless.");
    assert_eq!(
        said_by(&c),
        ("the new dredging rules reckless", "The pilots")
    );
    let found = claims(
        "The port reopened.\n\nRuiz called the ruling deeply unfair and said she would appeal.",
    );
    assert_eq!(
        said_by(&found[0]),
        ("the ruling deeply unfair", "Ruiz"),
        "{found:#?}"
    );
    // Not a verdict: the last word belongs to what was called.
    assert!(claims("The port reopened.\n\nRuiz called the meeting early.").is_empty());
    assert!(claims("The port reopened.\n\nRuiz called the harbour master's office.").is_empty());
}

#[test]
fn a_name_given_runs_through_a_list_of_adjectives() {
    let c =
        only("The port reopened.\n\nHis daughter called him a patient, funny and stubborn man.");
    assert_eq!(c.text, "him a patient, funny and stubborn man");
    let found = claims("The port reopened.\n\nRuiz called him a coward, and said she would sue.");
    assert_eq!(found[0].text, "him a coward", "{found:#?}");
}

#[test]
fn a_quoted_name_given_keeps_the_relative_clause_after_it_out() {
    let found = claims(
        "The port reopened.\n\nThe union hit back, calling the harbour master a “bully” who was “out of his depth.”",
    );
    let named = found
        .iter()
        .find(|c| c.kind == ClaimKind::Indirect)
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(named.text, "the harbour master a “bully”");
}

#[test]
fn a_quoted_title_in_an_adverbial_is_neither_content_nor_a_stop() {
    let c = only(
        "The port reopened.\n\nRuiz said on Harbour TV's “Morning Tide” that she had no idea.",
    );
    assert_eq!(said_by(&c), ("she had no idea", "Ruiz"));
}

#[test]
fn an_irregular_past_verb_ends_the_subject_of_a_participle() {
    let c = only(
        "The port reopened.\n\nPress secretary Ana Ruiz gave it a try, though, tweeting that the port would reopen.",
    );
    assert_eq!(said_by(&c), ("the port would reopen", "Ana Ruiz"));
}

#[test]
fn a_floating_quantifier_stands_between_the_subject_and_its_cue() {
    let c =
        only("The port reopened.\n\nThe pilots have both urged the council to dredge the channel.");
    assert_eq!(c.source.as_deref(), Some("The pilots"));
    let c = only("The port reopened.\n\nThe pilots all said the ferry would run.");
    assert_eq!(c.source.as_deref(), Some("The pilots"));
}

#[test]
fn a_listener_with_a_role_takes_the_whole_name() {
    let c =
        only("The port reopened.\n\nRuiz told host Chris Lund she believed the ferry would run.");
    assert_eq!(said_by(&c), ("she believed the ferry would run", "Ruiz"));
}

#[test]
fn a_participle_between_subject_and_cue_is_a_claim_of_the_subject() {
    let found = claims(
        "The port reopened.\n\nBut Ana Ruiz, noting the size of the crowd, said, \"Let me tell you, they came.\"",
    );
    let seen: Vec<_> = found.iter().map(said_by).collect();
    assert_eq!(
        seen,
        [
            ("the size of the crowd", "Ana Ruiz"),
            ("Let me tell you, they came", "Ana Ruiz")
        ]
    );
}

#[test]
fn a_participle_opening_the_sentence_hangs_on_the_main_subject() {
    let found = claims(
        "The port reopened.\n\nNoting he had studied law, Tomas Berg said he tends to deliberate.",
    );
    let seen: Vec<_> = found.iter().map(said_by).collect();
    assert_eq!(
        seen,
        [
            ("he had studied law", "Tomas Berg"),
            ("he tends to deliberate", "Tomas Berg")
        ]
    );
    let c = only("The port reopened.\n\nSaying the crane was unsafe, the mayor closed the quay.");
    assert_eq!(c.text, "the crane was unsafe");
    assert_eq!(c.source.as_deref(), Some("the mayor"));
}

#[test]
fn the_phrase_between_with_and_a_participle_is_the_source() {
    let c = only(
        "The port reopened.\n\nDockers back the plan, with 60 percent saying the ferry should run.",
    );
    assert_eq!(
        (c.text.as_str(), c.source.as_deref()),
        ("the ferry should run", Some("60 percent"))
    );
}

#[test]
fn a_pronoun_and_cue_introducing_a_new_quote_start_a_sentence() {
    let found = claims(
        "The port reopened.\n\nBerg told the Herald, “We have waited long enough.” He added, “The council should know.”",
    );
    let seen: Vec<_> = found.iter().map(|c| (c.kind, c.text.as_str())).collect();
    assert_eq!(
        seen,
        [
            (ClaimKind::Direct, "We have waited long enough"),
            (ClaimKind::Direct, "The council should know")
        ]
    );
    assert!(found.iter().all(|c| c.speaker.as_deref() == Some("Berg")));
}

#[test]
fn the_subject_of_a_short_clause_ending_in_a_colon_introduces_the_quote() {
    let c = only(
        "The port reopened.\n\nAsked which quay was her favourite, Ruiz demurred: “Whichever one I am on at the moment.”",
    );
    assert_eq!(said_by(&c), ("Whichever one I am on at the moment", "Ruiz"));
    let c = only("The port reopened.\n\nThe mayor was blunt: “We will not pay.”");
    assert_eq!(c.source.as_deref(), Some("The mayor"));
}

#[test]
fn a_given_name_that_is_also_an_auxiliary_is_a_name_before_a_surname() {
    let c = only("The port reopened.\n\n\"It is expensive,\" said Will Doyle, a professor.");
    assert_eq!(said_by(&c), ("It is expensive", "Will Doyle"));
    let c = only("The port reopened.\n\nThe ferry will run, Will Doyle said.");
    assert_eq!(said_by(&c), ("The ferry will run", "Will Doyle"));
}

#[test]
fn a_cue_opening_the_sentence_takes_its_source_and_the_quote_after() {
    let c = only(
        "The port reopened.\n\nSaid Dorothy Lund, who grew up by the quay, “We were all so proud of it.”",
    );
    assert_eq!(said_by(&c), ("We were all so proud of it", "Dorothy Lund"));
}

#[test]
fn a_colon_after_an_aside_still_has_the_sentence_subject_as_speaker() {
    let c = only(
        "The port reopened.\n\nRuiz responded pointedly, with a smile: “It can happen at 45.”",
    );
    assert_eq!(said_by(&c), ("It can happen at 45", "Ruiz"));
}

#[test]
fn add_continue_and_boast_with_a_plain_object_say_nothing() {
    assert!(
        claims("The port reopened.\n\nThe account adds a critical voice to the record.").is_empty()
    );
    assert!(claims("The port reopened.\n\nShe boasts a 45-point lead among dockers.").is_empty());
    assert!(
        claims("The port reopened.\n\nRuiz continued her tour of the quays on Saturday.")
            .is_empty()
    );
    let c = only("The port reopened.\n\nRuiz added the ferry would run.");
    assert_eq!(said_by(&c), ("the ferry would run", "Ruiz"));
}

#[test]
fn told_takes_a_listener_with_a_capitalized_modifier_a_place_and_here() {
    let c = only(
        "The port reopened.\n\nThe plan includes a new dredger, Harbour Secretary Ana Ruiz told a Senate panel Wednesday.",
    );
    assert_eq!(said_by(&c), ("The plan includes a new dredger", "Ana Ruiz"));
    let c = only("The port reopened.\n\nRuiz told dockers here that their votes could help her.");
    assert_eq!(said_by(&c), ("their votes could help her", "Ruiz"));
    let c = only(
        "The port reopened.\n\nRuiz told a town hall in Salem, Oregon, on Monday that the ferry would run.",
    );
    assert_eq!(said_by(&c), ("the ferry would run", "Ruiz"));
}

#[test]
fn a_noun_like_cue_after_its_subject_takes_a_clause_with_a_verb() {
    let c = only(
        "The port reopened.\n\nThe harbour master claims his dredger is the largest in the country.",
    );
    assert_eq!(c.text, "his dredger is the largest in the country");
    assert!(claims("The port reopened.\n\nInsurance claims rose sharply last year.").is_empty());
    assert!(claims("The port reopened.\n\nRuiz claims victory.").is_empty());
}

#[test]
fn a_noun_like_cue_needs_a_singular_subject_before_it() {
    assert!(
        claims(
            "The port reopened.\n\nThe ferry calls at Riga and Tallinn, ports that open in May."
        )
        .is_empty()
    );
    assert!(
        claims("The port reopened.\n\nShe toured Ohio and Vermont, states that vote in March.")
            .is_empty()
    );
    let c = only("The port reopened.\n\nThe report states that the quay is unsafe.");
    assert_eq!(c.source.as_deref(), Some("The report"));
}

#[test]
fn posting_a_thing_is_not_a_claim_but_posting_a_clause_is() {
    assert!(claims("The port reopened.\n\nRuiz posted a photo of the new dredger.").is_empty());
    let c = only("The port reopened.\n\nRuiz posted that the ferry would run.");
    assert_eq!(said_by(&c), ("the ferry would run", "Ruiz"));
}

#[test]
fn an_adverb_and_a_participle_before_a_noun_are_an_adjective() {
    assert!(claims("The port reopened.\n\nThe council's racially charged dismissal of the dockers angered many.").is_empty());
}

#[test]
fn a_scene_setting_phrase_before_a_cue_with_a_quote_after_is_not_content() {
    let c = only(
        "The port reopened.\n\nHolding open a chart, Ruiz said, “I want to ask you something.”",
    );
    assert_eq!(said_by(&c), ("I want to ask you something", "Ruiz"));
}

#[test]
fn a_name_with_an_aside_holding_a_quoted_title_is_the_subject() {
    let c = only(
        "The port reopened.\n\nLund, the author of \"Tides of Riga,\" a history of the port, said the old quays are gone.",
    );
    assert_eq!(said_by(&c), ("the old quays are gone", "Lund"));
}

#[test]
fn a_paragraph_that_is_only_a_single_quoted_line_is_a_subheading() {
    let found = claims(
        "The port reopened.\n\n\"It is fine,\" Ruiz said.\n\n'A fight from start to finish.'\n\nThe ferry ran.",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn according_to_between_a_subject_phrase_and_its_verb_claims_both_halves() {
    let c = only(
        "The port reopened.\n\nAmong the quays at risk, according to Tomas Berg, are six built before 1900.",
    );
    assert_eq!(
        c.text,
        "Among the quays at risk, according to Tomas Berg, are six built before 1900"
    );
}

#[test]
fn a_clause_ending_in_that_is_not_the_content_of_a_later_according_to() {
    let c = only(
        "The port reopened.\n\nThe Herald reported that, according to the harbour's records, six quays were unsafe.",
    );
    assert_eq!(
        (c.text.as_str(), c.source.as_deref()),
        ("six quays were unsafe", Some("the harbour's records"))
    );
}

#[test]
fn a_quote_after_a_time_clause_cue_and_after_a_title_marker_sentence_is_still_attributed() {
    let c = only("The port reopened.\n\n“Too forced?” He tweeted when the mayor ended the debate.");
    assert_eq!(
        (c.kind, c.text.as_str()),
        (ClaimKind::Direct, "Too forced?")
    );
    let found = claims(
        "The port reopened.\n\n\"It is total amateur hour,\" Berg said of the episode. \"This plan would have been drafted weeks ago.\"",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .text
            .ends_with("This plan would have been drafted weeks ago")
    );
}

#[test]
fn a_naming_verb_reaches_past_a_long_object_and_a_quote_inside_it() {
    let found = claims(
        "The port reopened.\n\nRuiz called the council's claim of a \"right of way\" over the quays \"absurd and dangerous.\"",
    );
    assert!(
        found
            .iter()
            .any(|c| c.text == "absurd and dangerous" && c.speaker.as_deref() == Some("Ruiz")),
        "{found:#?}"
    );
    assert!(
        !found.iter().any(|c| c.text == "right of way"),
        "{found:#?}"
    );
}

#[test]
fn an_according_to_around_a_reporting_clause_is_its_channel_and_keeps_the_claim() {
    let found = claims(
        "The port reopened.\n\n“The quays are unsafe,” Berg said, according to the hearing's record.",
    );
    let seen: Vec<_> = found
        .iter()
        .map(|c| (c.text.as_str(), c.source.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        seen,
        [
            ("The quays are unsafe", "Berg"),
            ("The quays are unsafe", "the hearing's record")
        ]
    );
}

#[test]
fn a_naming_verb_in_a_relative_clause_names_what_it_stands_for() {
    let c = only("The port reopened.\n\nThe crane fell in what officials called a freak accident.");
    assert_eq!(
        (c.text.as_str(), c.source.as_deref()),
        ("what officials called a freak accident", Some("officials"))
    );
    let c = only("The port reopened.\n\nRuiz toured Riga, which she describes as her second home.");
    assert_eq!(
        (c.text.as_str(), c.source.as_deref()),
        ("which she describes as her second home", Some("she"))
    );
}

#[test]
fn a_verb_of_manner_beside_a_source_attributes_the_quote_before_it() {
    let c = only("The port reopened.\n\n“This is fantastic!” beamed Dorothy Lund of Riverton.");
    assert_eq!(said_by(&c), ("This is fantastic!", "Dorothy Lund"));
    let found = claims(
        "The port reopened.\n\n“Look at them,” Ruiz said. “They are all here for the free ferry,” Berg shot back with a laugh.",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[1].source.as_deref(), Some("Berg"));
}

#[test]
fn a_title_with_lower_case_function_words_ending_a_clause_is_part_of_it() {
    let c = only("The port reopened.\n\nShe starred in “Planet of the Apes,” the network said.");
    assert_eq!(c.kind, ClaimKind::Indirect);
    assert!(c.text.starts_with("She starred in"), "{}", c.text);
}

#[test]
fn an_opening_place_and_time_set_off_by_commas_are_skipped_to_the_subject() {
    let c = only(
        "The port reopened.\n\nAt a rally in Riverton, Ohio, on Sunday, Ana Ruiz tried to explain, saying that the ferry should run.",
    );
    assert_eq!(said_by(&c), ("the ferry should run", "Ana Ruiz"));
}

#[test]
fn a_name_before_an_aside_that_is_no_noun_phrase_is_the_subject() {
    let c = only(
        "The port reopened.\n\nHarbour pilot Mary Lund, clad in a coat with lights that formed the word Riga, said the ferry could fail.",
    );
    assert_eq!(said_by(&c), ("the ferry could fail", "Mary Lund"));
}

#[test]
fn a_coordinated_cue_takes_the_subject_of_the_nearest_verb() {
    let c = only(
        "The port reopened.\n\nThe crowd cheered when Ruiz arrived and said the ferry would run.",
    );
    assert_eq!(said_by(&c), ("the ferry would run", "Ruiz"));
}

#[test]
fn an_auxiliary_given_name_after_a_name_is_part_of_it_but_not_in_title_case() {
    let c = only("The port reopened.\n\nAye Myint May, 61, a nurse, said she was pleased.");
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("Aye Myint May"), Some(SpeakerKind::Person))
    );
    let c = only("The port reopened.\n\nWill Lund win? Ruiz said the vote was close.");
    assert_eq!(said_by(&c), ("the vote was close", "Ruiz"));
}

#[test]
fn what_a_source_said_before_a_verb_is_content() {
    let c = only(
        "The port reopened.\n\nShe focused on what she said were the failures of the council.",
    );
    assert_eq!(c.text, "were the failures of the council");
}

#[test]
fn an_opening_adverb_before_a_clause_interrupted_by_a_cue_is_content() {
    let c = only(
        "The port reopened.\n\nMeanwhile, the council is playing for time, the pilots say, imposing new fees.",
    );
    assert_eq!(c.text, "Meanwhile, the council is playing for time");
}

#[test]
fn a_relative_clause_with_an_auxiliary_stays_in_the_source() {
    let c = only(
        "The port reopened.\n\nPilots who were briefed on the plan said the channel was too shallow.",
    );
    assert_eq!(
        c.source.as_deref(),
        Some("Pilots who were briefed on the plan")
    );
}

#[test]
fn a_long_role_before_a_name_describes_that_person() {
    let c = only(
        "The port reopened.\n\nRegional spokesperson for the state prosecutor Tomas Berg said the case would take months.",
    );
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("Tomas Berg"), Some(SpeakerKind::Person))
    );
    let c = only("The port reopened.\n\nAn adviser to Tomas Berg said the case would take months.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Anonymous));
}

#[test]
fn a_trailing_bare_plural_of_people_is_a_group() {
    let c = only("The port reopened.\n\nThe ferry will keep running, townspeople said.");
    assert_eq!(
        (c.text.as_str(), c.speaker_kind),
        ("The ferry will keep running", Some(SpeakerKind::Group))
    );
}

#[test]
fn a_short_sentence_quoted_is_not_a_title() {
    let c = only(
        "The port reopened.\n\n“We held prices for three years,” said Ana Ruiz, the operator's director. “Fuel did not.”",
    );
    let parts: Vec<&str> = c.text.split('”').collect();
    assert!(c.text.ends_with("Fuel did not"), "{parts:?}");
}

#[test]
fn a_relative_that_in_an_adverbial_is_not_the_that_of_speech() {
    let c = only(
        "The port reopened.\n\n\"They would all be short-listed,\" Ruiz said of a list that included three pilots.",
    );
    assert_eq!(said_by(&c), ("They would all be short-listed", "Ruiz"));
}

#[test]
fn a_contracted_pronoun_is_a_pronoun_never_a_name() {
    let c = only("The port reopened.\n\nThe rally was loud. I'd say that the crowd was angry.");
    assert_eq!(c.speaker_kind, None, "{c:?}");
    assert_eq!(c.source.as_deref(), Some("I'd"));
}

#[test]
fn a_leading_demonym_is_a_role_not_part_of_the_name() {
    let c = only("The port reopened.\n\nAustralian Mamdouh Habib said he was relieved.");
    assert_eq!(c.speaker.as_deref(), Some("Mamdouh Habib"));
}

#[test]
fn a_company_known_by_one_name_is_never_a_person() {
    let c = only("The port reopened.\n\nBoeing said it would cut 500 jobs.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Organization));
}

#[test]
fn institutions_days_and_plural_acronyms_are_not_people() {
    let c = only(
        "The port reopened.\n\nHarbour Re, the largest reinsurer in the port, said the damage was limited.",
    );
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Organization));
    let c = only("The port reopened.\n\nMSPs said the rules were clear.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Group));
    let doc = whosaid::annotate(&whosaid::load::plain::parse(
        "The port reopened.\n\nRuiz wrote to the council on Tuesday accusing it of delay.",
    ));
    assert!(
        doc.speakers.iter().all(|s| s.name != "Tuesday"),
        "{:?}",
        doc.speakers
    );
}

#[test]
fn an_institution_whose_name_opens_with_a_title_is_not_a_person() {
    let c = only("The port reopened.\n\nGeneral Motors said it would cut 500 jobs.");
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("General Motors"), Some(SpeakerKind::Organization))
    );
}

#[test]
fn a_source_called_only_by_a_title_is_unnamed() {
    let c = only("The port reopened.\n\nThe Ambassador said the ferry would run.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Anonymous));
}

#[test]
fn a_person_described_by_age_is_the_person_named_before() {
    let found = claims(
        "The port reopened.\n\nTomas Berg said he was proud of the record. The 45-year-old said he would return to teaching.",
    );
    assert!(
        found
            .iter()
            .all(|c| c.speaker.as_deref() == Some("Tomas Berg")),
        "{found:#?}"
    );
}

#[test]
fn a_quote_that_goes_on_a_clause_is_a_partial_quote_in_it() {
    let found = claims("The port reopened.\n\nThe plan was \"dead on arrival,\" Ruiz said.");
    let seen: Vec<_> = found.iter().map(|c| (c.kind, c.text.as_str())).collect();
    assert_eq!(
        seen,
        [
            (ClaimKind::Indirect, "The plan was \"dead on arrival,\""),
            (ClaimKind::Partial, "dead on arrival")
        ]
    );
    let c = only("The port reopened.\n\nAs she put it, \"We will win,\" Ruiz said.");
    assert_eq!(
        (c.kind, c.text.as_str()),
        (ClaimKind::Direct, "We will win")
    );
}

#[test]
fn an_action_beat_before_a_quote_names_its_speaker() {
    let found = claims(
        "The port reopened.\n\n“It goes in here and out here,” Tom Lund said. Betsy Lund shook her head. “Tom is calmer about it than I am.”",
    );
    let seen: Vec<_> = found.iter().map(said_by).collect();
    assert_eq!(
        seen,
        [
            ("It goes in here and out here", "Tom Lund"),
            ("Tom is calmer about it than I am", "Betsy Lund")
        ]
    );
}

#[test]
fn a_quoted_programme_after_a_possessive_quotes_no_one() {
    assert!(claims("The port reopened.\n\nRuiz spoke on Tuesday on Harbour FM’s “Midday with Tom Lund,” about the dredger.").is_empty());
}

#[test]
fn an_opening_participle_and_a_company_suffix_are_not_names() {
    let doc = whosaid::annotate(&whosaid::load::plain::parse(
        "The port reopened.\n\nFaced with protests, the minister said the plan was dead. \"It is at our expense,\" said Tomas Berg at Harbour Motors Corp.",
    ));
    let people: Vec<&str> = doc
        .speakers
        .iter()
        .filter(|s| s.kind == SpeakerKind::Person)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(people, ["Tomas Berg"]);
}

/// Every speaker of a text, with its kind, in the document's order.
fn speakers(text: &str) -> Vec<(String, SpeakerKind)> {
    annotate(text)
        .speakers
        .into_iter()
        .map(|s| (s.name, s.kind))
        .collect()
}

fn people(text: &str) -> Vec<String> {
    speakers(text)
        .into_iter()
        .filter(|(_, kind)| *kind == SpeakerKind::Person)
        .map(|(name, _)| name)
        .collect()
}

#[test]
fn a_business_described_before_its_name_is_an_organization() {
    let text = "The port reopened.\n\nDanish insurer Vellum said it expected no losses. Vellum has said it sees no impact on its profits.\n\nFilm producer Jane Roe said the shoot would go on.";
    let found = claims(text);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!(
        (found[0].speaker.as_deref(), found[0].speaker_kind),
        (Some("Vellum"), Some(SpeakerKind::Organization))
    );
    // The bare name again is the same business, not a person so named.
    assert_eq!(found[1].speaker, found[0].speaker);
    assert_eq!(found[1].speaker_kind, Some(SpeakerKind::Organization));
    // A given name keeps a person whose role could describe a firm.
    assert_eq!(
        (found[2].speaker.as_deref(), found[2].speaker_kind),
        (Some("Jane Roe"), Some(SpeakerKind::Person))
    );
    // The business is named as itself, not as the German government.
    assert!(speakers(text).iter().all(|(name, _)| name != "Denmark"));
}

#[test]
fn names_shaped_like_places_are_not_people() {
    let text = "The port reopened.\n\nAides flew to Santa Clarita, where the senator is resting. Two men freed from Kestrel Bay met Lake Orla officials. Santa Clarita said the road was shut.";
    assert!(people(text).is_empty(), "{:?}", speakers(text));
    let said = claims(text);
    assert_eq!(
        said.last().map(|c| (c.speaker.as_deref(), c.speaker_kind)),
        Some((Some("Santa Clarita"), Some(SpeakerKind::Organization)))
    );
}

#[test]
fn a_name_after_an_article_is_a_thing_or_an_office() {
    let text = "The port reopened.\n\nThe minister raised the rarely used Royal Warrant. The story was an April Fool's joke. Ms Lund, who hosts The Midnight Hour, was there.\n\nThe Harbourbank said rates would hold. For the Greens Mary Holt said the plan was late.";
    assert_eq!(people(text), ["Lund", "Mary Holt"], "{:?}", speakers(text));
    let said = claims(text);
    assert_eq!(
        said.iter()
            .map(|c| (c.speaker.as_deref().unwrap_or("-"), c.speaker_kind))
            .collect::<Vec<_>>(),
        [
            ("Harbourbank", Some(SpeakerKind::Organization)),
            ("Mary Holt", Some(SpeakerKind::Person)),
        ]
    );
}

#[test]
fn what_follows_a_role_and_of_is_where_the_role_is_held() {
    let text = "The port reopened.\n\nRosa Kell, chief executive of Water Watch Lindholm, said the plan was rushed. The branch manager of Credit Lindholm Paul Ahren said fees would rise. The Archbishop of Lindholm Dr Rowan Hale appealed for calm.";
    assert_eq!(
        people(text),
        ["Rosa Kell", "Paul Ahren", "Rowan Hale"],
        "{:?}",
        speakers(text)
    );
}

#[test]
fn british_honorifics_without_a_full_stop_are_honorifics() {
    assert_eq!(
        people(
            "The port reopened.\n\nDr Liam Roe was there. Prof Ana Lind said it was late. Dr Roe said the plan was wrong."
        ),
        ["Liam Roe", "Ana Lind"]
    );
}

#[test]
fn a_time_phrase_after_the_source_is_not_part_of_it() {
    for (text, source) in [
        ("Mr Holt last week said the deal was done.", "Mr Holt"),
        (
            "The Harbour Commission on Thursday said the vote was fair.",
            "The Harbour Commission",
        ),
        ("Officials this week said the vote was fair.", "Officials"),
        // A capitalized time word may end a name.
        ("USA Today said the vote was fair.", "USA Today"),
    ] {
        let (found, _) = source_and_content(&format!("The port reopened.\n\n{text}"));
        assert_eq!(found, source, "{text}");
    }
}

#[test]
fn a_person_who_chairs_an_institution_is_still_a_person() {
    let c = only(
        "The port reopened.\n\nGreen councillor Alan Berg - who chairs the panel which oversees the port authority - said it was wrong.",
    );
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("Alan Berg"), Some(SpeakerKind::Person))
    );
}

#[test]
fn said_at_least_a_number_opens_a_clause() {
    let c = only("The port reopened.\n\nDan Holt said at least 42 boats had been sold.");
    assert_eq!(said_by(&c), ("at least 42 boats had been sold", "Dan Holt"));
}

#[test]
fn a_business_described_before_its_name_in_apposition() {
    let c = only("The port reopened.\n\nOne utility, Brightwater, said its pipes were old.");
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("Brightwater"), Some(SpeakerKind::Organization))
    );
    // Mid-sentence, a comma after an institution's noun is no apposition.
    let c = only("The port reopened.\n\nTaxes rose under the last government, Holt said.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Person));
}

#[test]
fn a_name_in_apposition_is_the_subject_of_a_participle_cue() {
    let c = only(
        "The port reopened.\n\nThe union's Fisheries Commissioner, Karl Berg, was quoted as saying that the quota was fair.",
    );
    assert_eq!(said_by(&c), ("the quota was fair", "Karl Berg"));
}

#[test]
fn a_name_that_speaks_of_itself_as_it_is_an_institution() {
    let text = "The port reopened.\n\nVellum has said it expects no change in its margins. Corrow said its shares rose.\n\nHolt said it seems unlikely. Hale said it would be hard. Mr Dunn said its plan failed.";
    let kinds: Vec<(String, SpeakerKind)> = claims(text)
        .into_iter()
        .map(|c| {
            (
                c.speaker.unwrap_or_default(),
                c.speaker_kind.unwrap_or(SpeakerKind::Anonymous),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("Vellum".to_string(), SpeakerKind::Organization),
            ("Corrow".to_string(), SpeakerKind::Organization),
            ("Holt".to_string(), SpeakerKind::Person),
            ("Hale".to_string(), SpeakerKind::Person),
            ("Dunn".to_string(), SpeakerKind::Person),
        ]
    );
    // Someone named in full before keeps the name, whatever "its" stands for.
    let c = claims(
        "The port reopened.\n\nThe accord was signed by Leon Gask. Gask said its chances were good.",
    );
    assert_eq!(
        c.last().map(|c| (c.speaker.as_deref(), c.speaker_kind)),
        Some((Some("Leon Gask"), Some(SpeakerKind::Person)))
    );
}

#[test]
fn a_participle_after_a_name_does_not_make_it_an_institution() {
    let c = only(
        "The port reopened.\n\nFred Wyn, representing the city attorney's office, said the case was strong.",
    );
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Person));
}

#[test]
fn a_person_named_before_of_is_the_source() {
    for (text, name) in [
        (
            "Laura Bron of Save the Seals said there were concerns.",
            "Laura Bron",
        ),
        (
            "Lord Harte of Lindholm, in his ruling, said it was wrong.",
            "Harte",
        ),
        (
            "Rita Holm of IT firm Datawell says customers are impatient.",
            "Rita Holm",
        ),
    ] {
        let c = only(&format!("The port reopened.\n\n{text}"));
        assert_eq!(
            (c.speaker.as_deref(), c.speaker_kind),
            (Some(name), Some(SpeakerKind::Person)),
            "{text}"
        );
    }
}

#[test]
fn an_institution_named_past_its_head_word_is_one() {
    for (text, name) in [
        (
            "The Lindholm Institute of Technology said policy mattered.",
            "Lindholm Institute of Technology",
        ),
        ("BBC News said the report was late.", "BBC News"),
        ("Merrill Lynch said the shares were cheap.", "Merrill Lynch"),
        ("Bonn says the economy rebounded.", "Bonn"),
        (
            "The Scottish Executive has insisted the minister meant adults.",
            "Scottish Executive",
        ),
    ] {
        let c = only(&format!("The port reopened.\n\n{text}"));
        assert_eq!(
            (c.speaker.as_deref(), c.speaker_kind),
            (Some(name), Some(SpeakerKind::Organization)),
            "{text}"
        );
    }
    // A person of the institution is still a person.
    let c = only("The port reopened.\n\nLabour peer Baroness Hale said the bill was flawed.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Person));
}

#[test]
fn a_title_with_no_name_describes_someone_unnamed() {
    let text = "The port reopened.\n\nNow a European Commissioner, he warned the board. Ms King smiled at that.";
    assert_eq!(people(text), ["King"], "{:?}", speakers(text));
}

#[test]
fn an_arabic_article_does_not_split_a_surname() {
    let found = claims(
        "The port reopened.\n\nAhmed Khalil al-Tamimi chaired the talks. Tamimi said the ministers agreed.",
    );
    assert_eq!(
        found.iter().map(said_by).collect::<Vec<_>>(),
        [("the ministers agreed", "Ahmed Khalil al-Tamimi")]
    );
}

#[test]
fn an_unknown_name_before_of_an_institution_is_a_person() {
    let c = only("The port reopened.\n\nKenji Arata of Minato Bank said the yen would rise.");
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("Kenji Arata"), Some(SpeakerKind::Person))
    );
    let c = only("The port reopened.\n\nThe Bank of Lindholm said rates would hold.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Organization));
}

#[test]
fn lord_chancellor_is_a_title_not_a_lord() {
    let text = "The port reopened.\n\nEveryone knew the Lord Chancellor, Lord Falk, wanted it.";
    assert!(
        people(text).iter().all(|name| name != "Chancellor"),
        "{:?}",
        speakers(text)
    );
}

#[test]
fn more_ways_an_institution_shows() {
    for text in [
        "Vellum, one of Lindholm's largest companies, said it was in talks.",
        "Vellum added that it would be drilling another well.",
    ] {
        let c = only(&format!("The port reopened.\n\n{text}"));
        assert_eq!(c.speaker_kind, Some(SpeakerKind::Organization), "{text}");
    }
}

#[test]
fn a_word_before_a_title_modifies_it() {
    let text = "The port reopened.\n\n\"It is not a big thing,\" said Harbour Bank chief Asian strategist Eddie Wang.";
    assert_eq!(people(text), ["Eddie Wang"], "{:?}", speakers(text));
}

#[test]
fn an_object_and_its_infinitive_after_a_cue_are_no_inverted_source() {
    let c = only(
        "The port reopened.\n\nMandell, now a commissioner, warned the board to stay out of it.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Mandell"));
    assert!(c.text.ends_with("to stay out of it"), "{c:#?}");
}

#[test]
fn a_title_in_a_headline_is_no_evidence_of_a_name() {
    let text = "Sailor Rescued After Storm Hits Harbour Town\n\nThe crew was safe by night.";
    assert!(people(text).is_empty(), "{:?}", speakers(text));
}

#[test]
fn a_noun_for_a_person_or_a_firm_before_a_full_name_is_a_person() {
    let c = only(
        "The port reopened.\n\n“We fixed it,” Lindholm-based developer Ammar Saleh wrote in a post.",
    );
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("Ammar Saleh"), Some(SpeakerKind::Person))
    );
    let text = "The port reopened.\n\nVea is a member of Tomo Parane's rescue crew.";
    assert_eq!(people(text), ["Tomo Parane"], "{:?}", speakers(text));
}

#[test]
fn a_capitalized_title_alone_is_the_person_named_with_it_before() {
    let found = claims(
        "The port reopened.\n\nSen. Ana Ruiz spoke first. The Senator said the bill was dead.\n\nForeign Secretary Jack Strand met them. The Foreign Secretary said the talks would go on.",
    );
    assert_eq!(
        found.iter().map(said_by).collect::<Vec<_>>(),
        [
            ("the bill was dead", "Ana Ruiz"),
            ("the talks would go on", "Jack Strand"),
        ]
    );
    let c = only("The port reopened.\n\nThe Prime Minister said it was over.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Anonymous));
}

#[test]
fn a_description_in_apposition_before_who_is_the_person_named() {
    let found = claims(
        "The port reopened.\n\nSenator Ana Brill, a Lindholm Republican who cautioned about debt for years, played it down. “It is a risk,” she said.",
    );
    assert_eq!(
        found.iter().map(said_by).collect::<Vec<_>>(),
        [("It is a risk", "Ana Brill")]
    );
}

#[test]
fn a_caption_between_quote_paragraphs_keeps_the_speaker() {
    let found = claims(
        "The port reopened.\n\n“The tide is rising every year,” says Tomo Vaka, an elder of the village.\n\nTomo Vaka on his boat, the one his father built and sailed for decades\n\n“We are watching the reef change.”",
    );
    assert_eq!(
        found.iter().map(said_by).collect::<Vec<_>>(),
        [
            ("The tide is rising every year", "Tomo Vaka"),
            ("We are watching the reef change", "Tomo Vaka"),
        ]
    );
}

#[test]
fn a_particle_opens_a_surname_written_alone() {
    let found = claims(
        "The port reopened.\n\n\"It is deflationary,\" said Ana de Vries. De Vries added it was late. Later de Vries said rates would rise.",
    );
    assert!(
        found
            .iter()
            .all(|c| c.speaker.as_deref() == Some("Ana de Vries")),
        "{found:#?}"
    );
    let c = only("The port reopened.\n\n\"It is deflationary,\" de Vries said.");
    assert_eq!(c.speaker.as_deref(), Some("de Vries"));
}

#[test]
fn a_workplace_after_a_title_and_at_is_no_person() {
    let text = "The port reopened.\n\nTomas Vos, chief economist at Morgan Harbour, spoke.";
    assert!(
        people(text).iter().all(|name| name != "Morgan Harbour"),
        "{:?}",
        speakers(text)
    );
}

#[test]
fn a_business_described_anywhere_in_the_story_is_not_a_person_later() {
    let c = claims(
        "The port reopened.\n\nNorvik bought the main unit of oil giant Dexos.\n\nLater Dexos accused Norvik of bidding unfairly.",
    );
    assert_eq!(
        c.last().map(|c| (c.speaker.as_deref(), c.speaker_kind)),
        Some((Some("Dexos"), Some(SpeakerKind::Organization)))
    );
    // A verb is no description: "press Ohl" after "Greta Ohl".
    let c = claims(
        "The port reopened.\n\nChancellor Greta Ohl spoke. They will press Ohl for action.\n\n\"We will act,\" Ohl added.",
    );
    assert_eq!(
        c.last().map(|c| (c.speaker.as_deref(), c.speaker_kind)),
        Some((Some("Greta Ohl"), Some(SpeakerKind::Person)))
    );
}

#[test]
fn the_incoming_holder_of_a_title_is_the_person_named_before() {
    let c = claims(
        "The port reopened.\n\nTomas Berg was appointed in May. “We will win,” said the incoming director.",
    );
    assert_eq!(c.last().map(said_by), Some(("We will win", "Tomas Berg")));
    // "The new chairman" after someone left is someone else.
    let c = claims(
        "The port reopened.\n\nTomas Berg resigned in May. “We will win,” said the new chairman.",
    );
    assert_eq!(
        c.last().map(said_by),
        Some(("We will win", "the new chairman"))
    );
}

#[test]
fn a_name_in_a_quoted_title_is_the_titles() {
    let text = "The port reopened.\n\nThe interview aired in a film called 'Goodbye Mr Grumpy'. Mr Holt said he would stay.";
    assert_eq!(people(text), ["Holt"], "{:?}", speakers(text));
}

#[test]
fn one_bare_capitalized_word_seen_once_saying_nothing_is_not_listed() {
    let text =
        "The port reopened.\n\nControversy continues after the vote. Jobs have continued to grow.";
    assert!(people(text).is_empty(), "{:?}", speakers(text));
    // Said something, or named with a title: listed.
    assert_eq!(
        people("The port reopened.\n\nHolt said the vote was close."),
        ["Holt"]
    );
    assert_eq!(
        people("The port reopened.\n\nMr Holt continues to deny it."),
        ["Holt"]
    );
}

#[test]
fn the_first_word_of_a_firms_name_is_the_firm_again() {
    let text = "The port reopened.\n\n\"We reward merit,\" Smith Barney said in a statement. Critics pointed to Smith's record.";
    assert!(people(text).is_empty(), "{:?}", speakers(text));
    // Not a person the firm is named after: "the Trump campaign", then "Trump said".
    let text = "The port reopened.\n\nThe Holt campaign said it was ready. Holt said he would win.";
    assert_eq!(people(text), ["Holt"], "{:?}", speakers(text));
}

#[test]
fn names_with_two_particles_and_quoted_terms() {
    let text = "The port reopened.\n\nRuiz had spoken with President Pablo de la Madrid, Vega said. Ana Vell, one of the so-called “Harbour Babes”, told researchers it was hard.";
    assert_eq!(
        people(text),
        ["Pablo de la Madrid", "Vega", "Ana Vell"],
        "{:?}",
        speakers(text)
    );
}

#[test]
fn a_family_name_written_first_is_the_person_again() {
    let found = claims(
        "The port reopened.\n\nQuah Sze Min, the exchange's general manager, said volume rose. Volume will rise again, Quah said.",
    );
    assert!(
        found
            .iter()
            .all(|c| c.speaker.as_deref() == Some("Quah Sze Min")),
        "{found:#?}"
    );
    // A Western given name is no family name: "Howard Flight", then "Mr Howard".
    let text = "The port reopened.\n\nFormer MP Howard Pell spoke. Mr Howard said it was wrong.";
    assert_eq!(
        people(text),
        ["Howard Pell", "Howard"],
        "{:?}",
        speakers(text)
    );
}

#[test]
fn a_capitalized_report_is_a_document() {
    let c = only("The port reopened.\n\nExports fell by half, the U.N. Report said.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Document));
    let c = only("The port reopened.\n\nThe Washington Post said the port would reopen.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Organization));
}

#[test]
fn the_and_capitals_no_list_takes_for_a_name_make_no_person() {
    let text = "The port reopened.\n\nClosures over the long Harvest Festival, widely blamed by the council for the queues, hurt trade.";
    assert!(people(text).is_empty(), "{:?}", speakers(text));
}

#[test]
fn a_person_after_an_institutions_words_and_before_a_post_nominal() {
    let c = only(
        "The port reopened.\n\nChair of the Harbour Works Committee Peter Lund MP said the targets were missed.",
    );
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("Peter Lund"), Some(SpeakerKind::Person))
    );
}

#[test]
fn a_division_of_a_known_firm_is_no_person() {
    let text =
        "Rates fell.\n\n\"It will not last,\" added Merrill Lynch Research analyst Jane Morrow.";
    assert_eq!(only(text).speaker.as_deref(), Some("Jane Morrow"));
    assert_eq!(people(text), ["Jane Morrow"], "{:?}", speakers(text));
}

#[test]
fn partners_of_a_firm_are_no_person() {
    let text = "Rates fell.\n\nAnalyst Carl Dunne of Walter Barrow and Co. said rates would rise.";
    assert_eq!(people(text), ["Carl Dunne"], "{:?}", speakers(text));
}

#[test]
fn the_end_of_an_institutions_name_is_no_person() {
    for text in [
        "The river rose.\n\n\"Nothing works,\" said Ana Ruiz from the Network for River Protection.",
        "The river rose.\n\n\"Nothing works,\" said Ana Ruiz of the Society of River Owners.",
    ] {
        assert_eq!(people(text), ["Ana Ruiz"], "{:?}", speakers(text));
    }
}

#[test]
fn a_report_opening_a_sentence_is_a_document() {
    let c = only("The port reopened.\n\nReports from Chile say the deal is done.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Document));
}

#[test]
fn a_business_described_in_apposition_is_an_organization() {
    let text = "The sale closed.\n\nThey outbid Rostel, the state-controlled phone monopoly, last week. Rostel has announced it has no ties to them.";
    let c = only(text);
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("Rostel"), Some(SpeakerKind::Organization))
    );
    // A person's apposition has a preposition or a possessive in it.
    let text = "The sale closed.\n\nThey met Ana Ruiz, the firm's founder, last week. Ruiz has announced she is staying.";
    assert_eq!(only(text).speaker_kind, Some(SpeakerKind::Person));
    // A town described as a centre stays a place.
    let text =
        "Silver rose.\n\nAnalysts in Zurich, a major trading centre, said the rally would last.";
    assert_eq!(only(text).speaker_kind, Some(SpeakerKind::Group));
}

#[test]
fn a_plan_or_prize_named_after_someone_is_no_person() {
    for text in [
        "The summit ended.\n\nHis proposals were a new \"Gordon Plan\" for the region, the minister said.",
        "The season ended.\n\nLou Vance Award winners were named on Friday, the club said.",
    ] {
        assert!(people(text).is_empty(), "{:?}", speakers(text));
    }
}

#[test]
fn a_person_after_the_area_of_an_office() {
    let text = "Talks stalled.\n\nDeputy Under Secretary for Pacific Island Affairs Paul Tanner acknowledged that the plan had not worked.";
    let c = only(text);
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("Paul Tanner"), Some(SpeakerKind::Person))
    );
    assert_eq!(people(text), ["Paul Tanner"], "{:?}", speakers(text));
}

#[test]
fn a_double_given_name_is_a_given_name_of_the_sex_both_halves_share() {
    // ("Jean" alone is most often a woman's name in English.)
    let text = "Talks stalled.\n\nPaul Roche opened the talks in Lyon.\n\n\"We are close,\" the director of the Organisation for Trade and Development Jean-Claude Morel said.\n\nThe next round is in May, he said.";
    let found = claims(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    for c in &found {
        assert_eq!(c.speaker.as_deref(), Some("Jean-Claude Morel"), "{c:#?}");
    }
}

#[test]
fn a_picture_credit_is_no_speaker() {
    let text = "Talks stalled.\n\nThe delegates leave the hall. Ana Ruiz/Reuters";
    assert!(people(text).is_empty(), "{:?}", speakers(text));
}

#[test]
fn an_institutions_name_with_and_in_it_is_one_source() {
    let c = only(
        "Talks stalled.\n\n\"We are close,\" the head of the Organisation for Trade and Development said.",
    );
    assert_eq!(
        c.speaker.as_deref(),
        Some("the head of the Organisation for Trade and Development")
    );
    let c = only(
        "Talks stalled.\n\n\"We are close,\" Jean Morel of the Organisation for Trade and Development said.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Jean Morel"));
}

#[test]
fn a_role_after_a_department_named_with_for_is_the_speaker() {
    let text = "Talks stalled.\n\nA Department for Roads and Harbours spokeswoman confirmed Mr Hale was still in post. \"No date was set for his exit,\" she said.";
    let found = claims(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    for c in &found {
        assert_eq!(c.speaker_kind, Some(SpeakerKind::Anonymous), "{c:#?}");
        assert_eq!(
            c.speaker.as_deref(),
            Some("A Department for Roads and Harbours spokeswoman")
        );
    }
}

#[test]
fn a_plural_noun_opening_a_sentence_is_a_group() {
    for text in [
        "The dollar fell.\n\nDealers said the central bank had sold yen.",
        "The dollar fell.\n\nOthers said the central bank had sold yen.",
    ] {
        assert_eq!(only(text).speaker_kind, Some(SpeakerKind::Group), "{text}");
    }
}

#[test]
fn a_name_shaped_like_a_bodys_is_an_organization() {
    for (text, name) in [
        (
            "The camp stays open.\n\nClean Seas International has called the camp a disgrace.",
            "Clean Seas International",
        ),
        (
            "The dollar fell.\n\nBankNorth said the central bank had sold yen.",
            "BankNorth",
        ),
    ] {
        let c = only(text);
        assert_eq!(
            (c.speaker.as_deref(), c.speaker_kind),
            (Some(name), Some(SpeakerKind::Organization))
        );
    }
    // A surname's prefix explains a capital inside it.
    let c = only("The dollar fell.\n\nMacLeod said the central bank had sold yen.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Person));
}

#[test]
fn an_adverb_opening_a_sentence_is_no_speaker() {
    let text = "The vote was lost.\n\nSadly comments such as his will make people angry, she said.";
    assert!(people(text).is_empty(), "{:?}", speakers(text));
}

#[test]
fn an_approximate_share_of_respondents_is_a_group() {
    let c = only(
        "The poll closed.\n\nJust under three-quarters of respondents said politicians were dishonest.",
    );
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (
            Some("Just under three-quarters of respondents"),
            Some(SpeakerKind::Group)
        )
    );
}

#[test]
fn a_place_after_of_belongs_to_the_person_or_title_before_it() {
    let c =
        only("Oil fell.\n\nKing Omar of Saudi Arabia, in an interview, said prices would rise.");
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("Omar"), Some(SpeakerKind::Person))
    );
    let text = "The vote neared.\n\nThe Archbishop of Cardiff told the radio it was wrong.";
    assert!(people(text).is_empty(), "{:?}", speakers(text));
    assert_eq!(
        only(text).speaker.as_deref(),
        Some("The Archbishop of Cardiff")
    );
    let c =
        only("The vote neared.\n\nThe Archbishop of Canterbury Rowan Williams said it was wrong.");
    assert_eq!(c.speaker.as_deref(), Some("Rowan Williams"));
}

#[test]
fn a_role_noun_opening_a_sentence_is_no_part_of_the_name() {
    for (text, name) in [
        (
            "The hunt went on.\n\nFarmer Geoff Rudd, a member of the hunt, told the radio it would continue.",
            "Geoff Rudd",
        ),
        (
            "The hunt went on.\n\nOmbudsman Raul Ibarra said the ban was lawful.",
            "Raul Ibarra",
        ),
    ] {
        assert_eq!(people(text), [name], "{:?}", speakers(text));
    }
}

#[test]
fn a_lone_name_someone_works_for_is_an_institution() {
    let text = "The sale went ahead.\n\n\"We will fight,\" said Zack Ruiz, a spokesman for Vantor.\n\nVantor has said a court will decide.";
    let found = claims(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(
        (found[1].speaker.as_deref(), found[1].speaker_kind),
        (Some("Vantor"), Some(SpeakerKind::Organization))
    );
    // Someone the story names in full stays that person.
    let text = "The sale went ahead.\n\nAl Gore will skip the event. A spokeswoman for Gore said he was busy. Gore said he was sorry.";
    assert_eq!(people(text), ["Al Gore"], "{:?}", speakers(text));
}

#[test]
fn a_noun_cue_before_a_relative_clause_is_a_noun() {
    let text = "Growth slowed.\n\nThe six northern coastal states which joined the league will grow, the report said.";
    assert_eq!(only(text).speaker_kind, Some(SpeakerKind::Document));
}

#[test]
fn an_act_or_election_is_no_person() {
    let text = "The vote neared.\n\nThe Criminal Justice Act sent a signal before the General Election, she said.";
    assert!(people(text).is_empty(), "{:?}", speakers(text));
}

#[test]
fn a_contracted_pronoun_is_never_a_name() {
    for text in [
        "The rally ended.\n\n\"If he wins, the president I'll never meet will ban me,\" she said.",
        "The rally ended.\n\nThe result is a line I never thought I'd write: the mayor understands ferries.",
        "The rally ended.\n\n\"Some congressman I've never heard of is on television,\" he said.",
    ] {
        assert!(people(text).is_empty(), "{text}: {:?}", speakers(text));
    }
}

#[test]
fn a_title_before_a_name_is_no_part_of_it() {
    for (text, name) in [
        (
            "The bill passed.\n\nChicago Alderman Jason Ervin said the city would pay.",
            "Jason Ervin",
        ),
        (
            "The bill passed.\n\nPresident-elect Ana Ruiz said the city would pay.",
            "Ana Ruiz",
        ),
        (
            "The bill passed.\n\nUnion Secretary-Treasurer Gary Holt said the city would pay.",
            "Gary Holt",
        ),
        (
            "The bill passed.\n\nComedian Sara Vale said the city would pay.",
            "Sara Vale",
        ),
    ] {
        assert_eq!(people(text), [name], "{:?}", speakers(text));
    }
}

#[test]
fn a_place_and_a_party_is_a_description() {
    let text = "Senator Ana Ruiz spoke.\n\nThe New Hampshire Republican said the bill would pass.";
    let found = claims(text);
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("The New Hampshire Republican"),
        "{found:#?}"
    );
    assert_eq!(people(text), ["Ana Ruiz"], "{:?}", speakers(text));
}

#[test]
fn a_department_or_court_named_with_of_is_the_institution() {
    for (text, name) in [
        (
            "The check failed.\n\nThe Department of Homeland Security said it followed all policies.",
            "Department of Homeland Security",
        ),
        (
            "The ruling stood.\n\nThe Court of Appeal said there was an emergency.",
            "Court of Appeal",
        ),
    ] {
        let c = only(text);
        assert_eq!(
            (c.speaker.as_deref(), c.speaker_kind),
            (Some(name), Some(SpeakerKind::Organization))
        );
    }
}

#[test]
fn names_ending_like_a_bodys_or_glued_to_an_acronym_are_organizations() {
    for (text, name) in [
        (
            "Fans wept.\n\nCity United said it would appeal.",
            "City United",
        ),
        (
            "Fans wept.\n\nHarbour News reported that the club would appeal.",
            "Harbour News",
        ),
        (
            "Fans wept.\n\nAZHarbour reported that the club would appeal.",
            "AZHarbour",
        ),
    ] {
        let c = only(text);
        assert_eq!(
            (c.speaker.as_deref(), c.speaker_kind),
            (Some(name), Some(SpeakerKind::Organization)),
            "{text}"
        );
    }
}

#[test]
fn a_middle_initial_without_its_period_is_part_of_the_name() {
    let text = "The debate ended.\n\nUS President Carl W Hobbs said the war was right. Hobbs said he had no doubt.";
    assert_eq!(people(text), ["Carl W Hobbs"], "{:?}", speakers(text));
    // In a headline "A" is the article.
    let text = "Carl Hobbs Tweets A Graphic\n\nCarl Hobbs said the figures were right.";
    assert!(
        people(text).iter().all(|name| !name.contains("Graphic")),
        "{:?}",
        speakers(text)
    );
}

#[test]
fn a_headline_verb_ends_the_name_before_it() {
    let text = "Carl Hobbs Slams Ana Ruiz Over Ferry Plan\n\nCarl Hobbs said the plan would fail.";
    assert!(
        people(text)
            .iter()
            .all(|name| !name.contains("Slams") && !name.contains("Plan")),
        "{:?}",
        speakers(text)
    );
}

#[test]
fn a_headline_with_long_prepositions_still_ends_the_name_at_its_verb() {
    for text in [
        // "for" and "after" are prepositions, not lower-case content words.
        "Carl Hobbs Calls for Inquiry after Ferry Report Reveals Funds Missing from Harbour Accounts\n\nCarl Hobbs said the funds were gone.",
        // A long headline with every content word capitalized.
        "Carl Hobbs Blasts Ferry Board for Ignoring His Warnings, Urges Harbour Town to Turn Away from the Ferry Plan Like Before\n\nCarl Hobbs said the plan would fail.",
        // A past cue right after a given name.
        "Carl Questioned Why Ferry Board Members Stay Silent\n\nCarl Hobbs said the plan would fail.",
    ] {
        assert_eq!(people(text), ["Carl Hobbs"], "{text}: {:?}", speakers(text));
    }
    // A biography line with a verb in lower case is running text, not a
    // headline, however many capitals it holds.
    let text = "The ferry sailed.\n\nMs. Vale is Director of the Centre on Ferry Safety and Rights at Harbour University’s School of Coastal Trade and Sea Law Research.";
    assert_eq!(people(text), ["Vale"], "{:?}", speakers(text));
}

#[test]
fn a_host_named_in_a_quoted_show_title_is_a_person() {
    // (A title in Title Case: the host's name is not the title's.)
    let text = "The ferry sailed.\n\nHe spoke on “Harbour Tonight with Ana Ruiz” on Monday. Ruiz said the ferry was late.";
    assert_eq!(people(text), ["Ana Ruiz"], "{:?}", speakers(text));
}

#[test]
fn letters_after_a_full_name_end_it() {
    for (text, name) in [
        (
            "The budget passed.\n\nTom Hale MSP said the budget was fair.",
            "Tom Hale",
        ),
        (
            "The budget passed.\n\nThe ruling was wrong, Ana Ruiz QC said.",
            "Ana Ruiz",
        ),
    ] {
        assert_eq!(only(text).speaker.as_deref(), Some(name), "{text}");
    }
    // A description with a seat after it stays a description.
    let text = "The budget passed.\n\nThe Leeds MP said the budget was fair.";
    assert_eq!(only(text).speaker.as_deref(), Some("The Leeds MP"));
}

#[test]
fn a_role_alone_then_a_name_in_commas_is_that_person() {
    let c = only(
        "The budget passed.\n\nRegional Transport Minister, Tom Hale, said: \"We are spending more.\"",
    );
    assert_eq!(c.speaker.as_deref(), Some("Tom Hale"));
}

#[test]
fn a_party_or_firm_before_a_name_is_no_part_of_it() {
    for (text, name) in [
        (
            "The plan failed.\n\nBut Lib Dem Norman Hale accused ministers of lying.",
            "Norman Hale",
        ),
        (
            "The plan failed.\n\nVisiting Chairman of General Motors Roger Hale said that it would grow.",
            "Roger Hale",
        ),
    ] {
        assert_eq!(people(text), [name], "{:?}", speakers(text));
    }
}

#[test]
fn a_lone_given_name_is_the_one_person_so_named() {
    let text = "Supplies were cut.\n\n\"We lost most of them,\" said Elton Hale, the firm's coordinator.\n\n\"The rest held on until the end of the month,\" Elton said.";
    let found = claims(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|c| c.speaker.as_deref() == Some("Elton Hale")),
        "{found:#?}"
    );
    // With an honorific it is a surname: another man's.
    let text = "Supplies were cut.\n\n\"We lost most of them,\" said Howard Hale.\n\nMr Howard said the cuts were wrong.";
    assert_eq!(
        people(text),
        ["Howard Hale", "Howard"],
        "{:?}",
        speakers(text)
    );
}

#[test]
fn a_lone_given_name_before_the_full_name_is_that_person() {
    let text = "Supplies were cut.\n\nHer aunt, Fiona, said: \"The ferry never came.\"\n\n\"We waited all night,\" Fiona Marsh said.\n\nMarsh added that the pier was dark.";
    let found = claims(text);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|c| c.speaker.as_deref() == Some("Fiona Marsh")),
        "{found:#?}"
    );
    // Two people so named later: the first full name is hers, the other
    // is someone else.
    let text = "Supplies were cut.\n\nRuth said the pier was dark.\n\nRuth Alder said the ferry was late.\n\nRuth Bell said the ferry was early.";
    assert_eq!(
        people(text),
        ["Ruth Alder", "Ruth Bell"],
        "{:?}",
        speakers(text)
    );
}

#[test]
fn adverbs_and_contractions_opening_a_sentence_are_no_one() {
    for text in [
        "The fix shipped.\n\nLuckily, the fix worked, she said.",
        "The fix shipped.\n\nDon\u{2019}t say \u{201c}Ana, this post is so snobbish.\u{201d}",
    ] {
        assert!(people(text).is_empty(), "{text}: {:?}", speakers(text));
    }
    let c = only("The fix shipped.\n\nSomeone in the audience said the fix worked.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Anonymous));
}

#[test]
fn a_firm_named_with_its_suffix_speaks_alone_as_the_firm() {
    let text = "Supplies were cut.\n\nVantor Inc said it would cut costs.\n\nThe prospects vary, Vantor said.";
    let found = claims(text);
    let last = found.last().expect("a claim");
    assert_eq!(
        last.speaker_kind,
        Some(SpeakerKind::Organization),
        "{found:#?}"
    );
}

#[test]
fn a_month_before_a_day_is_no_part_of_a_name() {
    let text = "The summit nears.\n\nLeaders will meet in Venice June 8-10, officials said.";
    assert!(people(text).is_empty(), "{:?}", speakers(text));
}

#[test]
fn a_title_straight_after_a_opens_a_things_name() {
    let text = "The bank met.\n\nThe bank needs a General Capital Increase, its president said.";
    assert!(people(text).is_empty(), "{:?}", speakers(text));
}

#[test]
fn a_possessive_role_then_a_titled_name_in_commas_is_that_person() {
    let c = only("Oil rose.\n\nQatar's Oil Minister, Sheikh Omar al-Hadi, said prices would rise.");
    assert_eq!(c.speaker.as_deref(), Some("Omar al-Hadi"));
}

#[test]
fn a_cue_inside_an_opening_subordinate_clause_says_what_runs_to_the_main_clause() {
    for (text, content) in [
        (
            "Although Ruiz said the plan was dead, the council voted for it.",
            "the plan was dead",
        ),
        (
            "When the mayor said she would resign, the party panicked.",
            "she would resign",
        ),
        (
            "Although officials said the plan, approved in May, was working, the council dropped it.",
            "the plan, approved in May, was working",
        ),
        (
            "Although Ruiz said the toll, if approved, would pay for it, the council balked.",
            "the toll, if approved, would pay for it",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.text, content, "{text}");
    }
}

#[test]
fn the_main_clause_after_a_subordinate_one_keeps_its_own_claim() {
    let text = "Although Ruiz has said the plan was a mistake, at the hearing he said it was not “a failure of judgement.”";
    let found: Vec<(String, ClaimKind)> =
        claims(text).into_iter().map(|c| (c.text, c.kind)).collect();
    assert!(
        found.contains(&("the plan was a mistake".into(), ClaimKind::Indirect))
            && found.contains(&("a failure of judgement".into(), ClaimKind::Partial)),
        "{found:#?}"
    );
}

#[test]
fn a_plain_object_after_a_cue_of_two_senses_is_no_claim() {
    for text in [
        "Although no group claimed responsibility, the attack raised fears of more violence.",
        "The rebels claimed victory in the north.",
        "The utility maintains 900 kilometres of water pipe.",
    ] {
        assert!(claims(text).is_empty(), "{text}\n{:#?}", claims(text));
    }
    let c = only("The rebels claimed the vote was rigged.");
    assert_eq!(c.text, "the vote was rigged");
}

#[test]
fn a_name_that_which_stands_for_is_a_body() {
    let text = "Leaks rose.\n\nVel Harbin, which owns the pipes, records 500 leaks a month. Vel Harbin said the pipes were old.";
    assert_eq!(
        speakers(text),
        vec![("Vel Harbin".to_string(), SpeakerKind::Organization)]
    );
    // "which" may stand for the phrase the name ends.
    let text = "Leaks rose.\n\nIt cited a study by Ana Ruiz, which found 500 leaks. Ruiz said the pipes were old.";
    assert_eq!(people(text), vec!["Ana Ruiz".to_string()]);
}

#[test]
fn a_plural_role_opening_a_sentence_is_a_group() {
    for text in [
        "Editors said the road was closed.",
        "Journalists said the road was closed.",
    ] {
        assert_eq!(only(text).speaker_kind, Some(SpeakerKind::Group), "{text}");
    }
}

#[test]
fn the_one_asked_is_no_part_of_the_question() {
    for (text, question) in [
        (
            "Reporters asked him whether the deal would pass.",
            "whether the deal would pass",
        ),
        (
            "Ruiz asked the minister how many jobs would go.",
            "how many jobs would go",
        ),
        (
            "Ruiz asked voters on Monday why the deal failed.",
            "why the deal failed",
        ),
    ] {
        assert_eq!(only(text).text, question, "{text}");
    }
}

#[test]
fn asking_for_something_is_a_request_but_not_for_anonymity() {
    assert_eq!(
        only("Ruiz asked for a recount of the votes.").text,
        "a recount of the votes"
    );
    let c = only("“I want answers,” said a party member, asking for anonymity to speak freely.");
    assert_eq!(c.text, "I want answers");
    let c = only("An aide said comments from the envoys were consistent with their notes.");
    assert_eq!(
        c.text,
        "comments from the envoys were consistent with their notes"
    );
}

#[test]
fn any_verb_in_the_past_before_its_subject_after_a_quote_attributes_it() {
    for (text, speaker) in [
        (
            "“Stay calm,” instructed Nadia Kos, the supervisor.",
            "Nadia Kos",
        ),
        ("“Go home,” ordered the officer.", "the officer"),
    ] {
        assert_eq!(only(text).speaker.as_deref(), Some(speaker), "{text}");
    }
    assert!(claims("“Free Willy,” released in 1993, was a hit.").is_empty());
}

#[test]
fn a_participle_after_a_preposition_before_a_noun_is_an_adjective() {
    assert!(claims("The seal comes with added costs for fishermen.").is_empty());
    assert!(claims("The fine was for alleged fraud at the lender.").is_empty());
}

#[test]
fn a_cue_after_an_opening_phrase_interrupts_one_content() {
    let c = only("Within months of the deal, Ruiz said, the chain was selling cheaper eggs.");
    assert_eq!(
        c.text,
        "Within months of the deal, Ruiz said, the chain was selling cheaper eggs"
    );
    let found = claims("In 2008, Ruiz said, the fund had made him a “presenting sponsor.”");
    assert!(
        found
            .iter()
            .any(|c| c.kind == ClaimKind::Partial && c.text == "presenting sponsor"),
        "{found:#?}"
    );
}

#[test]
fn an_inverted_cue_between_a_subject_and_its_verb_interrupts_one_content() {
    for (text, speaker) in [
        ("The plan, say critics, is a disgrace.", "critics"),
        (
            "The merger, said the regulator, marks a new era.",
            "regulator",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.text, text.trim_end_matches('.'), "{text}");
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{text}");
    }
}

#[test]
fn that_before_a_verb_is_the_subject_of_what_was_said() {
    assert_eq!(
        only("Most economists say that isn’t so.").text,
        "that isn’t so"
    );
    assert_eq!(
        only("Ruiz said that would be a mistake.").text,
        "that would be a mistake"
    );
    assert_eq!(
        only("Ruiz said that the plan was dead.").text,
        "the plan was dead"
    );
}

#[test]
fn who_stands_for_the_last_phrase_before_it() {
    let c = only("The vote keeps in place a mayor who said the plan was dead.");
    assert_eq!(c.speaker.as_deref(), Some("a mayor"));
    let c = only("Half the voters who spoke said the plan was dead.");
    assert_eq!(c.speaker.as_deref(), Some("Half the voters who spoke"));
}

#[test]
fn a_cue_set_off_by_dashes_interrupts_one_content() {
    for text in [
        "The deal — officials said — was never signed.",
        "The deal — according to officials — was never signed.",
    ] {
        let c = only(text);
        assert_eq!(c.text, text.trim_end_matches('.'), "{text}");
        assert_eq!(c.speaker.as_deref(), Some("officials"), "{text}");
    }
}

#[test]
fn an_occupation_before_a_name_is_evidence_of_a_person() {
    let text = "The music of Claude Vance was new.\n\nThe French engineer Georges Marel crafted a lamp. Later, Marel said the lamp was safe.";
    assert_eq!(only(text).speaker.as_deref(), Some("Georges Marel"));
}

#[test]
fn a_quoted_nickname_inside_a_name_keeps_one_person() {
    let text = "The physicist Tom “Red” Keller joined. Keller said the deal was bad.";
    let c = only(text);
    assert_eq!(c.speaker.as_deref(), Some("Tom Red Keller"));
    let c = only("It made it possible for [Ana] Ruiz to win, said Baker.");
    assert_eq!(c.speaker.as_deref(), Some("Baker"));
    assert!(
        people("It made it possible for [Ana] Ruiz to win, said Baker.")
            .contains(&"Ana Ruiz".to_string())
    );
}

#[test]
fn a_cue_form_in_s_after_a_plural_determiner_is_a_noun() {
    let c = only("Many reports suggest that drivers are unhappy.");
    assert_eq!(
        (c.text.as_str(), c.source.as_deref()),
        ("drivers are unhappy", Some("Many reports"))
    );
}

#[test]
fn people_in_two_places_are_one_source() {
    let c = only("Prosecutors in Boston and Chicago say the firm lied.");
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (
            Some("Prosecutors in Boston and Chicago"),
            Some(SpeakerKind::Group)
        )
    );
}

#[test]
fn an_abstract_noun_alone_speaks_as_a_document() {
    for text in [
        "Seismology tells us that most work is unconscious.",
        "Evaluations suggest that the firm lied.",
    ] {
        assert_eq!(
            only(text).speaker_kind,
            Some(SpeakerKind::Document),
            "{text}"
        );
    }
}

#[test]
fn a_relative_pronoun_after_a_verb_or_a_name_stands_for_what_is_next_to_it() {
    let c = only("Ruiz rejected reports which said the talks failed.");
    assert_eq!(c.speaker.as_deref(), Some("reports"));
    let c = only(
        "His words echoed those made by Trade Minister Ana Holt, who said the tariffs would hurt.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ana Holt"));
    let c = only(
        "A clerk to Trade Minister Ana Holt who asked not to be named in print said the tariffs would hurt.",
    );
    assert_ne!(c.speaker.as_deref(), Some("Ana Holt"), "{c:#?}");
}

#[test]
fn a_firms_name_with_and_before_its_suffix_is_one_source() {
    let c = only("Harlow and Vane's Corp said it cut the rating.");
    assert_eq!(c.speaker.as_deref(), Some("Harlow and Vane's Corp"));
}

#[test]
fn a_participle_after_a_verb_in_the_past_before_a_noun_is_an_adjective() {
    assert!(claims("The action reflected continued weakness in the loans.").is_empty());
}

#[test]
fn asking_not_to_be_named_is_part_of_the_source() {
    let c = only("A clerk who asked not to be named in print said the tariffs would hurt.");
    assert_eq!(
        (c.text.as_str(), c.speaker_kind),
        ("the tariffs would hurt", Some(SpeakerKind::Anonymous))
    );
}

#[test]
fn a_connective_before_the_first_comma_opens_no_source() {
    let c =
        only("However, one dealer, who declined to be named, told Reuters the sales were weak.");
    assert_eq!(c.speaker.as_deref(), Some("one dealer"));
    let c = only("However, the dealer, a veteran, said the sales were weak.");
    assert_eq!(c.speaker.as_deref(), Some("the dealer"));
}

#[test]
fn a_listeners_name_may_hold_and_or_of() {
    let c = only("Ruiz told the Seeds and Grains Forum \"the plan is dead.\"");
    assert_eq!(
        (c.text.as_str(), c.kind),
        ("the plan is dead", ClaimKind::Direct)
    );
    let c = only("Ruiz told the Bank of Lisbon that the plan is dead.");
    assert_eq!(c.text, "the plan is dead");
}

#[test]
fn put_it_reports_what_was_said() {
    let c = only("As Ruiz put it, the plan was dead.");
    assert_eq!(said_by(&c), ("the plan was dead", "Ruiz"));
    let c = only("As Senator Ana Ruiz put it: “This port will not open.”");
    assert_eq!(said_by(&c), ("This port will not open", "Ana Ruiz"));
    assert!(claims("He put it on the table.").is_empty());
}

#[test]
fn a_document_after_a_quote_and_a_verb_in_the_past_says_it() {
    let c = only("“We regret the loss,” read the statement.");
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("the statement"), Some(SpeakerKind::Document))
    );
    assert!(
        claims("“Terrible,” denounced her record.")
            .iter()
            .all(|c| c.speaker.is_none())
    );
}

#[test]
fn according_to_after_a_participle_says_how_not_who() {
    assert!(claims("Homes are banded according to their price in 1990.").is_empty());
    let c = only("It was widely reported, according to the records, that he paid $100 million.");
    assert_eq!(c.speaker.as_deref(), Some("the records"));
}

#[test]
fn a_passive_cue_with_an_adverb_is_no_claim() {
    assert!(claims("Drivers will be automatically denied a permit.").is_empty());
}

#[test]
fn two_curly_single_marks_close_a_double_quote() {
    let c = only("“It was bad,’’ Ruiz said.");
    assert_eq!(
        (c.kind, c.text.as_str(), c.speaker.as_deref()),
        (ClaimKind::Direct, "It was bad", Some("Ruiz"))
    );
}

#[test]
fn an_offices_area_and_a_title_plural_are_no_names() {
    let c = only("But the Labour MP for Castlemoor and Lea said the talks failed.");
    assert_eq!(
        c.speaker.as_deref(),
        Some("the Labour MP for Castlemoor and Lea")
    );
    assert!(
        people("Deputy Finance Ministers, including Vice-Minister Toyo Gyo, will meet.")
            .iter()
            .all(|name| name != "Ministers")
    );
    assert!(people("General Guven Arda, Secretary General of the General Staff, told a news conference the talks failed.")
        .iter()
        .all(|name| name != "Staff"));
}

#[test]
fn a_business_described_by_its_trade_is_an_organization() {
    for text in [
        "Coastal winemaker Vellcorp said profits rose.",
        "Regional carrier Skylane said fares would rise.",
    ] {
        assert_eq!(
            only(text).speaker_kind,
            Some(SpeakerKind::Organization),
            "{text}"
        );
    }
}

#[test]
fn a_capitalized_plural_for_a_kind_of_people_is_a_group() {
    for text in [
        "Proponents say the bill is safe.",
        "Attendees said the hall was full.",
        "Millennials say the hall was full.",
    ] {
        assert_eq!(only(text).speaker_kind, Some(SpeakerKind::Group), "{text}");
    }
    assert_eq!(
        only("Rees said the hall was full.").speaker_kind,
        Some(SpeakerKind::Person)
    );
    assert!(people("Therefore, the hall was full.").is_empty());
}

#[test]
fn a_name_starts_at_the_given_name_after_an_office_or_a_place_adjective() {
    for (text, name) in [
        (
            "The union will sit out, Director of Harbour Affairs Phil Sorel said.",
            "Phil Sorel",
        ),
        (
            "County Supervisor of Elections Susan Brade said that voters can’t vote.",
            "Susan Brade",
        ),
        ("“We lost,” Texas-based Matt Macken said.", "Matt Macken"),
        (
            "“We lost,” Principal Deputy Assistant AG Vanita Gopal said.",
            "Vanita Gopal",
        ),
    ] {
        assert_eq!(only(text).speaker.as_deref(), Some(name), "{text}");
    }
    assert_eq!(
        only("Lorna Harris said the plan failed.")
            .speaker
            .as_deref(),
        Some("Lorna Harris")
    );
}

#[test]
fn pollsters_news_agencies_and_firms_known_by_one_name_are_organizations() {
    for text in [
        "Gallup said that approval fell.",
        "Xinhua reported that the dam held.",
        "Verizon said the strike was over.",
    ] {
        assert_eq!(
            only(text).speaker_kind,
            Some(SpeakerKind::Organization),
            "{text}"
        );
    }
}

#[test]
fn one_or_another_before_a_place_and_a_party_is_an_unnamed_source() {
    for text in [
        "“It is close,” said one New Mexico Democrat.",
        "“It is close,” added another Ohio Republican.",
    ] {
        assert_eq!(
            only(text).speaker_kind,
            Some(SpeakerKind::Anonymous),
            "{text}"
        );
    }
}

#[test]
fn a_listener_is_never_the_subject_of_a_verb_with_its_subject_left_out() {
    let text = "Ruiz said he had not read the report. But told Harbour News: “We have closed that chapter.”";
    let found = claims(text);
    assert!(
        found
            .iter()
            .all(|c| c.speaker.as_deref() != Some("Harbour News")),
        "{found:#?}"
    );
}

#[test]
fn one_another_and_others_speak_for_the_group_named_before() {
    let text = "Farmers on the river were split. One said the dam would flood his land. \
                Another said the water was needed. Others said they would wait and see.";
    let found = claims(text);
    assert_eq!(found.len(), 3, "{found:#?}");
    for claim in &found {
        assert_eq!(claim.speaker.as_deref(), Some("Farmers"), "{found:#?}");
    }
}

#[test]
fn some_and_others_with_no_group_before_them_are_two_groups() {
    let found = claims("Some said the dam was needed. Others said it came too late.");
    let speakers: Vec<_> = found
        .iter()
        .map(|c| (c.speaker.as_deref(), c.speaker_kind))
        .collect();
    assert_eq!(
        speakers,
        [
            (Some("Some"), Some(SpeakerKind::Group)),
            (Some("Others"), Some(SpeakerKind::Group))
        ]
    );
}

#[test]
fn a_pronoun_after_reported_speech_about_someone_else_is_the_reporter() {
    let text = "Senator Paul Ortiz said Tomas Berg was wrong about the bridge. \
                “We will build it anyway,” he added.";
    let found = claims(text);
    assert_eq!(
        found.last().and_then(|c| c.speaker.as_deref()),
        Some("Paul Ortiz"),
        "{found:#?}"
    );
}

#[test]
fn a_pronoun_after_a_report_by_an_institution_is_the_person_reported() {
    let text = "Police said Tomas Berg was arrested on Monday. He said he was innocent.";
    let found = claims(text);
    assert_eq!(
        found.last().and_then(|c| c.speaker.as_deref()),
        Some("Tomas Berg"),
        "{found:#?}"
    );
}

#[test]
fn another_with_no_group_before_it_is_a_source_of_its_own() {
    let text = "“Prices will rise,” one grain trader said. \
                Another added: “We have seen nothing like it.”";
    let found = claims(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(
        (found[1].speaker.as_deref(), found[1].speaker_kind),
        (Some("Another"), Some(SpeakerKind::Anonymous)),
        "{found:#?}"
    );
}

#[test]
fn others_at_the_end_of_a_phrase_keep_the_phrase() {
    for (text, source) in [
        (
            "Farmers and others said the dam would flood the valley.",
            "Farmers and others",
        ),
        ("Many others said the dam came too late.", "Many others"),
    ] {
        assert_eq!(source_and_content(text).0, source, "{text}");
    }
}

#[test]
fn a_whole_sentence_quoted_without_a_cue_goes_to_the_nearest_speaker() {
    let text = "Senator Paul Ortiz said the vote would be close. \
                “There is no certainty in any of this and we know it.” \
                Governor Lena Marsh called the plan reckless. She told reporters: “It will fail.”";
    let found = claims(text);
    let uncued = found
        .iter()
        .find(|c| c.text.starts_with("There is no certainty"))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(uncued.speaker.as_deref(), Some("Paul Ortiz"), "{found:#?}");
}

#[test]
fn a_source_ending_the_sentence_reports_the_clause_it_holds() {
    let found = claims(
        "The mayor and her deputy are at the town hall and are insisting the bridge stays open, \
         a council source said.",
    );
    let source = found
        .iter()
        .find(|c| c.source.as_deref() == Some("a council source"))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(
        source.text,
        "The mayor and her deputy are at the town hall and are insisting the bridge stays open"
    );
}

#[test]
fn an_opening_phrase_before_a_verb_taking_an_infinitive_is_part_of_the_content() {
    let c = only(
        "After years of delay, the city plans to rebuild the bridge, officials said late Thursday.",
    );
    assert_eq!(
        said_by(&c),
        (
            "After years of delay, the city plans to rebuild the bridge",
            "officials"
        )
    );
}

#[test]
fn divulged_is_a_cue() {
    let c = only("Officials divulged on Thursday that the council had met twice.");
    assert_eq!(c.text, "the council had met twice");
}

#[test]
fn a_name_ending_in_research_finance_or_analytics_is_an_organization() {
    for text in [
        "Sales doubled last year, according to Tidewater Research.",
        "Prices fell sharply in May, Harbour Finance reported.",
        "Rents rose for a third year, Quayside Analytics said.",
    ] {
        assert_eq!(
            only(text).speaker_kind,
            Some(SpeakerKind::Organization),
            "{text}"
        );
    }
}

#[test]
fn an_age_or_a_hometown_is_no_role() {
    for (text, role) in [
        (
            "Marisol Quintero, 43, of Dunmore Falls, said the river had risen.",
            None,
        ),
        (
            "Marisol Quintero, 43, a nurse from Dunmore Falls, said the river had risen.",
            Some("a nurse from Dunmore Falls"),
        ),
    ] {
        let doc = annotate(text);
        let speaker = doc.claims[0]
            .speaker
            .as_deref()
            .and_then(|id| doc.speaker(id))
            .unwrap_or_else(|| panic!("no speaker: {text}"));
        assert_eq!(speaker.name, "Marisol Quintero", "{text}");
        assert_eq!(speaker.role.as_deref(), role, "{text}");
    }
}

#[test]
fn a_list_of_plural_nouns_is_one_group() {
    let c = only("Councillors, engineers and residents said the bridge should be rebuilt.");
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (
            Some("Councillors, engineers and residents"),
            Some(SpeakerKind::Group)
        )
    );
}

#[test]
fn a_two_word_name_speaking_of_itself_as_its_is_an_organization() {
    assert_eq!(
        only("Kestrel Dynamics said its profits had fallen.").speaker_kind,
        Some(SpeakerKind::Organization)
    );
    // A given name the lexicon knows is a person's, whatever "its" stands for.
    assert_eq!(
        only("Maria Holt said its profits had fallen.").speaker_kind,
        Some(SpeakerKind::Person)
    );
}

#[test]
fn residents_of_a_place_opening_a_sentence_are_a_group() {
    let found =
        claims("Residents of Lowmoor packed the hall on Tuesday. One said the plan was rushed.");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].speaker.as_deref(), found[0].speaker_kind),
        (Some("Residents of Lowmoor"), Some(SpeakerKind::Group))
    );
}

#[test]
fn as_a_source_said_ending_a_sentence_reports_what_comes_before() {
    let c = only("The suspect fled on foot across the bridge, as police said on Monday.");
    assert_eq!(
        said_by(&c),
        ("The suspect fled on foot across the bridge", "police")
    );
    // A verb of saying in another sense after "as" reports nothing.
    assert!(
        claims("Fewer voters back Ana Ruiz, as rival Tomas Berg continues to gain.").is_empty()
    );
}

#[test]
fn a_bracket_closing_outside_the_content_is_not_part_of_it() {
    let c = only("(Vellum says it has no plans to sell the mill.)");
    assert_eq!(c.text, "it has no plans to sell the mill");
}

#[test]
fn the_one_quoted_as_saying_speaks_and_the_one_quoting_is_the_channel() {
    let doc = annotate(
        "The Pellworth news agency quoted Finance Minister Ana Ruiz as saying the budget would be cut.",
    );
    assert_eq!(doc.claims.len(), 1, "{:#?}", doc.claims);
    let claim = &doc.claims[0];
    let speaker = claim.speaker.as_deref().and_then(|id| doc.speaker(id));
    assert_eq!(speaker.map(|s| s.name.as_str()), Some("Ana Ruiz"));
    assert_eq!(claim.channel.as_deref(), Some("The Pellworth news agency"));
    // Passive, the subject is the one quoted.
    for text in [
        "Ruiz was quoted by the agency as saying the budget would be cut.",
        "Ruiz was quoted in a council statement as saying the budget would be cut.",
    ] {
        assert_eq!(
            said_by(&only(text)),
            ("the budget would be cut", "Ruiz"),
            "{text}"
        );
    }
}

#[test]
fn a_participle_after_a_text_put_out_and_a_time_phrase_is_the_authors() {
    for text in [
        "Mira Castellane posted a video on Sunday night claiming the vote had been rigged.",
        "Mira Castellane issued a statement late on Friday saying the vote had been rigged.",
    ] {
        let c = only(text);
        assert_eq!(
            said_by(&c),
            ("the vote had been rigged", "Mira Castellane"),
            "{text}"
        );
    }
}

#[test]
fn an_irregular_past_verb_ends_the_speakers_phrase_before_a_participle() {
    let c = only("Ottilie Brandt spoke on Friday saying the library would not close.");
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("Ottilie Brandt"), Some(SpeakerKind::Person))
    );
}

#[test]
fn a_participle_after_a_preposition_opening_the_sentence_says_what_runs_to_its_comma() {
    let c = only("After saying the pier was safe, the harbour board closed it a week later.");
    assert_eq!(c.text, "the pier was safe");
}

#[test]
fn the_subject_of_a_passive_cue_is_not_its_speaker() {
    let found =
        claims("The minister was criticised by farmers and was told that the plan would fail.");
    assert!(
        found
            .iter()
            .all(|c| c.speaker.as_deref() != Some("the minister")),
        "{found:#?}"
    );
}

#[test]
fn a_phrase_a_preposition_opens_is_never_a_source() {
    let doc = annotate(
        "On Friday, in her final rally speech of the summer, Ruiz plans to call for a new \
         bridge, her aides told the Harbour Times.",
    );
    let names: Vec<&str> = doc.speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.starts_with("in ")), "{names:?}");
    // Counts opened by "about" or "at least" are sources.
    let c = only("About half of the voters said they wanted a new bridge.");
    assert_eq!(c.speaker.as_deref(), Some("About half of the voters"));
}

#[test]
fn the_sender_of_a_letter_demanding_something_is_its_source() {
    let c =
        only("Back in September, Ana Ruiz sent a letter to the council demanding a new bridge.");
    assert_eq!(c.source.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn states_before_a_comma_and_a_quote_is_a_cue() {
    let c = only("In a tweet, Ruiz states, “Nobody came to the meeting.”");
    assert_eq!(said_by(&c), ("Nobody came to the meeting", "Ruiz"));
}

#[test]
fn a_text_reads_a_quote() {
    for (text, source) in [
        (
            "“We are heartbroken by the loss,” read a statement from the Okafor family.",
            "a statement from the Okafor family",
        ),
        (
            "A statement from the shipping board read: “The company will appeal.”",
            "A statement from the shipping board",
        ),
        (
            "“The company will appeal,” the statement read.",
            "the statement",
        ),
        (
            "“Closed for repairs,” reads one sign on the door.",
            "one sign on the door",
        ),
    ] {
        let c = only(text);
        assert_eq!(
            (c.source.as_deref(), c.speaker_kind, c.kind),
            (Some(source), Some(SpeakerKind::Document), ClaimKind::Direct),
            "{text}"
        );
    }
    // A person reading is no cue.
    assert!(claims("Ana Ruiz read the statement twice before the vote.").is_empty());
}

#[test]
fn a_short_quote_that_is_a_sentence_of_its_own_goes_on() {
    let found = claims("“I never saw the invoices,” Gavin Tresk told the committee. “Not once.”");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].text.ends_with("Not once"), "{found:#?}");
}

#[test]
fn two_people_joined_by_and_both_say_it() {
    for text in [
        "Pilar Ortiz and Sam Dutton said the result was unfair.",
        "The result was unfair, Pilar Ortiz and Sam Dutton said on Monday.",
    ] {
        let found = claims(text);
        let speakers: Vec<_> = found.iter().map(|c| c.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Sam Dutton"), Some("Pilar Ortiz")],
            "{text}\n{found:#?}"
        );
        assert!(
            found
                .iter()
                .all(|c| c.text.contains("the result was unfair")
                    || c.text == "The result was unfair"),
            "{found:#?}"
        );
    }
}

#[test]
fn many_of_whom_speak_for_the_phrase_before() {
    let c = only("The tenants, many of whom said they had been threatened, refused to sign.");
    assert_eq!(
        (c.source.as_deref(), c.speaker.as_deref(), c.text.as_str()),
        (
            Some("many of whom"),
            Some("The tenants"),
            "they had been threatened"
        )
    );
}

#[test]
fn people_with_given_names_from_across_europe_are_people_before_they_speak() {
    let c = only(
        "Henrike Solberg was named director of the Arden museum last week. \
         The 45-year-old said the museum would reopen.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Henrike Solberg"));
    let c = only(
        "“The pumps were never serviced,” Kowalczyk said. \
         Dorota Kowalczyk, a mechanic at the depot, has worked there for years.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Dorota Kowalczyk"));
    // A French given name before letters after the name.
    let c = only("Hervé Lantier QC, counsel for the families, says the inquiry was flawed.");
    assert_eq!(c.speaker.as_deref(), Some("Hervé Lantier"));
}

#[test]
fn a_description_in_brackets_after_a_name_is_the_role() {
    assert_person_with_role(
        "Ilse Brodeur (a nurse at the county hospital) said staff were exhausted.",
        "Ilse Brodeur",
        "a nurse at the county hospital",
    );
}

#[test]
fn a_quoted_name_in_a_relative_clause_ends_what_is_named() {
    let found = claims(
        "The mayor's plan, which critics called “a giveaway to developers,” passed on Tuesday.",
    );
    assert!(
        found.iter().all(|c| !c.text.contains("passed")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|c| c.kind == ClaimKind::Partial && c.text == "a giveaway to developers")
    );
}

#[test]
fn put_it_this_way_before_a_colon_introduces_the_quote() {
    let c = only("Harbourmaster Ines Vollmer put it this way: “The sea always wins.”");
    assert_eq!(
        (c.kind, c.text.as_str(), c.speaker.as_deref()),
        (
            ClaimKind::Direct,
            "The sea always wins",
            Some("Ines Vollmer")
        )
    );
}

#[test]
fn a_name_in_apposition_opening_what_was_reported_is_part_of_it() {
    let c = only(
        "The state broadcaster reported that the interior minister, Halvard Brink, said the border would reopen.",
    );
    assert_eq!(
        c.text,
        "the interior minister, Halvard Brink, said the border would reopen"
    );
}

#[test]
fn they_after_two_people_named_together_is_both_of_them() {
    let c =
        only("Pilar Ortiz and Sam Dutton spoke after the vote. They said the result was unfair.");
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (Some("Pilar Ortiz and Sam Dutton"), Some(SpeakerKind::Group))
    );
}

#[test]
fn a_negated_verb_is_no_part_of_the_source() {
    // "didn’t say when", "wouldn’t say whether": nothing is said.
    for text in [
        "Ruiz didn’t say when the council would vote on the plan.",
        "The council spokesman wouldn’t say whether the vote would go ahead.",
    ] {
        assert!(claims(text).is_empty(), "{text}\n{:#?}", claims(text));
    }
    let found = claims("Aren’t those the kinds of things voters say they hate about government?");
    assert!(
        found
            .iter()
            .all(|c| !c.source.as_deref().unwrap_or_default().contains("Aren")),
        "{found:#?}"
    );
}

#[test]
fn an_opening_clause_is_no_subject_for_a_later_pronoun() {
    let found = claims(
        "Just as every generation revolts against the last, I questioned the rules. \
         We asked other papers what had worked.",
    );
    assert!(
        found.iter().all(|c| !c
            .speaker
            .as_deref()
            .unwrap_or_default()
            .contains("generation")),
        "{found:#?}"
    );
}

#[test]
fn a_verb_that_reports_only_through_its_object_says_nothing_before_it() {
    // A relative clause whose object was moved away: no claim of the critics.
    assert!(
        claims("The valley sank into poverty, a decline his critics have long blamed on him.")
            .is_empty()
    );
    assert!(claims("Fares will rise next spring, the commuters' group criticized.").is_empty());
    // After a quote the same verbs still quote.
    let c = only("“A shambles from start to finish,” Councillor Imre Vadas blasted.");
    assert_eq!(
        said_by(&c),
        ("A shambles from start to finish", "Imre Vadas")
    );
    // What follows such a verb is its object, not a speaker put after it.
    let found = claims(
        "Orsolya Bencze, who puts her losses \"in the millions,\" described the strain as \"awful,\" she said.",
    );
    assert!(
        found
            .iter()
            .all(|c| c.speaker.as_deref() == Some("Orsolya Bencze")),
        "{found:#?}"
    );
}

#[test]
fn a_bare_family_name_means_the_principal_not_a_relative_named_after_them() {
    let found = claims(
        "Governor Walter Brandt opened the fair. Brandt said the harvest was strong. \
         His daughter Liesl Brandt said he had worked hard. \
         Brandt said the new barns would open in June.",
    );
    let speakers: Vec<_> = found
        .iter()
        .map(|c| c.speaker.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        speakers,
        ["Walter Brandt", "Liesl Brandt", "Walter Brandt"],
        "{found:#?}"
    );
}

#[test]
fn an_honorific_picks_the_person_of_that_sex_among_those_sharing_a_name() {
    let found = claims(
        "Karen Osei and her husband, Daniel Osei, run the clinic. \
         Mrs. Osei said the wait was too long. Mr. Osei said more staff were coming.",
    );
    let speakers: Vec<_> = found
        .iter()
        .map(|c| c.speaker.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(speakers, ["Karen Osei", "Daniel Osei"], "{found:#?}");
}

#[test]
fn a_pronoun_prefers_the_subject_of_the_sentence_before_over_a_nearer_name() {
    let c = &claims(
        "Until last spring, Mr. Lindqvist had rarely spoken of Mr. Adebayo. \
         In 2009, he said the merger had been rushed.",
    )[0];
    assert_eq!(said_by(c), ("the merger had been rushed", "Lindqvist"));
    let c = only(
        "Earlier, Sheriff Tomas Rendell vouched for Mayor Piotr Kowalczyk's plan to build a levee.\n\n\
         He said the levee would hold.",
    );
    assert_eq!(said_by(&c), ("the levee would hold", "Tomas Rendell"));
}

#[test]
fn a_description_after_the_clause_it_reports_is_the_source_despite_a_relative_clause() {
    for aside in [
        "who spoke on condition of anonymity",
        "who asked not to be named",
        "who had left the talks early",
    ] {
        let text =
            format!("The two envoys fled across the border at dawn, the official, {aside}, said.");
        let (source, content) = source_and_content(&text);
        assert_eq!(
            (source.as_str(), content.as_str()),
            (
                "the official",
                "The two envoys fled across the border at dawn"
            ),
            "{text}"
        );
    }
    // After a name, the description is that name's: "an advocacy group" is
    // the coalition, and Vasquez speaks.
    let (source, _) = source_and_content(
        "Ines Vasquez, who helped found Tidewater Watch, an advocacy group, said the marsh was shrinking.",
    );
    assert!(source.starts_with("Ines Vasquez"), "{source}");
}

#[test]
fn a_person_named_then_a_long_clause_to_a_colon_introduces_the_quote() {
    let c = only(
        "Gunnarsdottir traced the route from a timber trawler off the northern capes to the \
         freezer aisle of a supermarket owned by a firm that has remade how food is sold: \
         “It is the old harbour meeting the new one.”",
    );
    assert_eq!(
        said_by(&c),
        ("It is the old harbour meeting the new one", "Gunnarsdottir")
    );
    // A capitalized opener is no person, however long the clause.
    assert!(
        claims(
            "Regardless of how many hours the crews logged at sea over the long winter and the \
             storms that came after it: “Keep the nets dry.”"
        )
        .iter()
        .all(|c| c.speaker.is_none()),
    );
}

#[test]
fn when_it_was_said_is_no_part_of_what_was_said() {
    for when in ["18 months ago", "a few days earlier", "two weeks later"] {
        let text = format!("Councillor Brigid Achterberg said {when} that the depot would close.");
        let c = only(&text);
        assert_eq!(
            said_by(&c),
            ("the depot would close", "Brigid Achterberg"),
            "{text}"
        );
    }
}

#[test]
fn a_relative_clause_that_speaks_by_saying_is_its_antecedent_s() {
    let (source, content) = source_and_content(
        "The protest followed a warning from the Greenfield party, which tried to rally support by saying that the vote was rigged.",
    );
    assert!(source.ends_with("Greenfield party"), "{source}");
    assert_eq!(content, "the vote was rigged");
}

#[test]
fn a_statement_put_out_is_the_subject_s_and_a_letter_received_speaks() {
    for (text, source) in [
        (
            "The ministry issued a statement saying the ferry would run.",
            "The ministry",
        ),
        (
            "The Harwick campaign sent an email on Friday claiming the race was tied.",
            "The Harwick campaign",
        ),
        (
            "The tenant received a letter saying the lease would end.",
            "a letter",
        ),
    ] {
        let (found, _) = source_and_content(text);
        assert_eq!(found, source, "{text}");
    }
}

#[test]
fn a_quoted_name_given_in_the_passive_is_the_agent_s() {
    let c = only("The closures have been described as “heartbreaking” by the parks department.");
    assert_eq!(
        (c.kind, c.text.as_str(), c.source.as_deref()),
        (
            ClaimKind::Partial,
            "heartbreaking",
            Some("the parks department")
        )
    );
    let c = only("The levy was called “a tax on breathing” by opponents.");
    assert_eq!(c.source.as_deref(), Some("opponents"));
    // A title in quotes with no agent stays no one's claim.
    assert!(claims("The film was called “Harbour Lights” in its first cut.").is_empty());
}

#[test]
fn it_is_never_a_plural_text_and_notes_are_a_document() {
    let found = claims(
        "The Harbour Board said the pier was safe. Court documents said the pier was unsafe. \
         It said repairs would start in May.",
    );
    let last = found.last().expect("a claim");
    assert_eq!(
        said_by(last),
        ("repairs would start in May", "Harbour Board"),
        "{found:#?}"
    );
    let c = only("The levy is unlawful, according to the explanatory notes of the bill.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Document));
}

#[test]
fn that_before_an_adverb_opens_the_clause_it_is_not_its_subject() {
    for (text, content) in [
        (
            "Judge Oyelaran noted that just last month the river flooded twice.",
            "just last month the river flooded twice",
        ),
        (
            "Tessaro said that even the mayor was surprised.",
            "even the mayor was surprised",
        ),
        (
            "Tessaro said that would be a mistake.",
            "that would be a mistake",
        ),
    ] {
        let (_, found) = source_and_content(text);
        assert_eq!(found, content, "{text}");
    }
}

#[test]
fn a_noun_form_before_a_relative_that_is_no_cue() {
    assert!(claims("The campaign turned to a host of states that will vote in March.").is_empty());
    assert!(claims("These are the kinds of questions that would divide a town.").is_empty());
    let (source, content) = source_and_content("The audit states that the fund lost money.");
    assert_eq!(
        (source.as_str(), content.as_str()),
        ("The audit", "the fund lost money")
    );
}

#[test]
fn a_plural_for_people_opening_a_sentence_is_a_group_not_a_name() {
    for word in [
        "Villagers",
        "Townspeople",
        "Firefighters",
        "Islanders",
        "Pensioners",
    ] {
        let c = only(&format!("{word} said the ferry had not run since June."));
        assert_eq!(c.speaker_kind, Some(SpeakerKind::Group), "{word}");
    }
}

#[test]
fn a_participle_phrase_opening_the_sentence_is_no_speaker() {
    let c = only(
        "Walking to the next farmhouse, Oyelowo talked about her school days with her sister, and said the valley had emptied.",
    );
    assert_eq!(said_by(&c), ("the valley had emptied", "Oyelowo"));
    let c = only("Having announced that the mill would close, Mayor Dagny Lund left the podium.");
    assert_eq!(said_by(&c), ("the mill would close", "Dagny Lund"));
    // A state set off by commas goes on with the opening phrase.
    let found = claims("Speaking at a fair in Salem, Oregon, Lund said the harvest was late.");
    assert_eq!(
        said_by(&found[0]),
        ("the harvest was late", "Lund"),
        "{found:#?}"
    );
}

#[test]
fn a_past_participle_inside_an_aside_describes_the_speaker() {
    let c = only("Mr. Varga, now 81 and retired in Bratten, Ohio, said the mill had fed the town.");
    assert_eq!(said_by(&c), ("the mill had fed the town", "Varga"));
}

#[test]
fn a_pronoun_prefers_a_subject_named_by_surname_alone() {
    let found = claims(
        "Henrik Solheim said the dam would hold.\n\n\
         Solheim, who had inspected dams for years, drew Governor Piet Brandsma's anger after he told a newspaper that the dam was failing.",
    );
    let last = found.last().expect("a claim");
    assert_eq!(
        said_by(last),
        ("the dam was failing", "Henrik Solheim"),
        "{found:#?}"
    );
}

#[test]
fn a_one_word_answer_ends_before_a_conjunction_or_a_time() {
    let found =
        claims("Asked about the toll, 72 percent of drivers said yes while the rest disagreed.");
    assert_eq!(found[0].text, "yes", "{found:#?}");
    let found = claims("Most said the bridge was safe, after half said so in the spring survey.");
    assert!(
        found
            .iter()
            .any(|c| c.text == "so" && c.source.as_deref() == Some("half")),
        "{found:#?}"
    );
    // An answer word that opens a clause is no answer.
    let (_, content) = source_and_content("The police said no one was hurt.");
    assert_eq!(content, "no one was hurt");
}

#[test]
fn people_doing_something_for_a_person_are_not_that_person() {
    let found = claims(
        "Governor Ilse Brandt spoke first. Farmers supporting Ms. Brandt said the levy would pass.",
    );
    let c = found.last().expect("a claim");
    assert_eq!(
        (c.speaker.as_deref(), c.speaker_kind),
        (
            Some("Farmers supporting Ms. Brandt"),
            Some(SpeakerKind::Group)
        ),
        "{found:#?}"
    );
}

#[test]
fn a_time_with_a_possessive_opens_what_was_said() {
    for text in [
        "Councillor Aldana said yesterday's vote was rigged.",
        "Councillor Aldana said Monday's vote was rigged.",
        "Councillor Aldana said last week's vote was rigged.",
        "Councillor Aldana said Tuesday night's vote was rigged.",
    ] {
        let (_, content) = source_and_content(text);
        assert!(
            content.ends_with("vote was rigged") && !content.starts_with("'s"),
            "{text}: {content}"
        );
        assert!(
            text.contains(&format!("said {content}")),
            "{text}: {content}"
        );
    }
}

#[test]
fn the_agent_of_a_passive_naming_verb_gives_the_name_after_as() {
    let found = claims("The levy was described by farmers and grocers as a tax on bread.");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].text.as_str(), found[0].source.as_deref()),
        ("a tax on bread", Some("farmers and grocers"))
    );
}

#[test]
fn a_quote_introduced_by_its_cue_ends_its_sentence_before_the_next_speaker() {
    let found = claims(
        "Meanwhile, councillor Rhian Pryce said: \"The depot has lost our trust.\" Mr Ellery told reporters that the depot would stay open.",
    );
    let seen: Vec<_> = found.iter().map(said_by).collect();
    assert_eq!(
        seen,
        [
            ("The depot has lost our trust", "Rhian Pryce"),
            ("the depot would stay open", "Ellery")
        ],
        "{found:#?}"
    );
}

#[test]
fn a_body_whose_name_opens_with_a_given_name_is_no_person() {
    for name in ["Christian Aid", "Grace Holdings"] {
        let c = only(&format!("{name} said the factory would close."));
        assert_eq!(c.speaker_kind, Some(SpeakerKind::Organization), "{name}");
    }
    // A person's name stays one.
    let c = only("Christian Hale said the factory would close.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Person));
}

#[test]
fn a_relative_clause_before_the_main_verb_is_no_trailing_gloss() {
    let (_, content) = source_and_content(
        "Senator Okafor said that Norway, Peru and Chile, which all have ships there, have announced a withdrawal.",
    );
    assert!(
        content.ends_with("have announced a withdrawal"),
        "{content}"
    );
}

#[test]
fn an_institution_whose_name_holds_and_or_an_ampersand_speaks_under_its_whole_name() {
    for (text, source) in [
        (
            "Standard and Poor's said the downgrade reflected weak earnings.",
            "Standard and Poor's",
        ),
        (
            "S and P said the downgrade reflected weak earnings.",
            "S and P",
        ),
        (
            "Marks & Spencer said the downgrade reflected weak earnings.",
            "Marks & Spencer",
        ),
        // An unknown firm: "&" joins no people in news prose.
        (
            "Harlow & Vane said the downgrade reflected weak earnings.",
            "Harlow & Vane",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.source.as_deref(), Some(source), "{text}");
        assert_eq!(c.speaker.as_deref(), Some(source), "{text}");
        assert_eq!(c.speaker_kind, Some(SpeakerKind::Organization), "{text}");
    }
    // People joined by "and" stay people.
    let found = claims("Tom Harlow and Rita Vane said the firm would close.");
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|c| c.speaker_kind == Some(SpeakerKind::Person)),
        "{found:#?}"
    );
}

#[test]
fn the_name_inside_a_news_outlets_description_is_that_outlet_again() {
    let doc = annotate(
        "The Riverton Courier newspaper said the bridge would close.\n\n\
         The official Tamsk news agency said the port would reopen.\n\n\
         Riverton Courier said the toll would rise.\n\n\
         Tamsk said the ferries would stop.",
    );
    let speakers: Vec<(&str, SpeakerKind)> = doc
        .claims
        .iter()
        .filter_map(|c| c.speaker.as_deref().and_then(|id| doc.speaker(id)))
        .map(|s| (s.name.as_str(), s.kind))
        .collect();
    assert_eq!(
        speakers,
        [
            ("Riverton Courier newspaper", SpeakerKind::Organization),
            ("official Tamsk news agency", SpeakerKind::Organization),
            ("Riverton Courier newspaper", SpeakerKind::Organization),
            ("official Tamsk news agency", SpeakerKind::Organization),
        ]
    );
}

#[test]
fn an_opening_phrase_without_a_comma_leads_into_content_that_ends_with_the_source() {
    assert_eq!(
        source_and_content("In this way the council had made its offer to the union, Ruiz added."),
        (
            "Ruiz".to_string(),
            "In this way the council had made its offer to the union".to_string()
        )
    );
    // A phrase of its own still says nothing.
    assert!(claims("In a statement that was released on Monday, the ministry said.").is_empty());
}

#[test]
fn a_plural_noun_before_a_comma_is_not_coordinated_with_the_source() {
    assert_eq!(
        source_and_content(
            "Buying will start once the ferry operator has finished repairs, traders said."
        ),
        (
            "traders".to_string(),
            "Buying will start once the ferry operator has finished repairs".to_string()
        )
    );
    // A list closed by "and" is one source.
    let (source, _) =
        source_and_content("Fares will rise in the spring, farmers, traders and officials said.");
    assert_eq!(source, "farmers, traders and officials");
}

#[test]
fn afterwards_after_the_cue_is_not_content() {
    let (_, content) =
        source_and_content("Officials said afterwards the two ministers had agreed.");
    assert_eq!(content, "the two ministers had agreed");
}

#[test]
fn a_time_phrase_after_the_cue_is_skipped_before_a_possessive_subject() {
    let (_, content) = source_and_content(
        "Ruiz said last month the city's harbour board had approved the new fees.",
    );
    assert_eq!(
        content,
        "the city's harbour board had approved the new fees"
    );
}

#[test]
fn a_title_of_a_ministry_named_with_and_stays_in_the_source() {
    let c = only(
        "Ferry fares will stay frozen until the spring, Minister of Ports and Transport Ilse Varga told reporters.",
    );
    assert_eq!(
        c.source.as_deref(),
        Some("Minister of Ports and Transport Ilse Varga")
    );
    assert_eq!(c.speaker.as_deref(), Some("Ilse Varga"));
    for text in [
        "Ferry fares will stay frozen until the spring, Ports and Transport Minister Ilse Varga said.",
        "Ports and Transport Minister Ilse Varga said ferry fares will stay frozen until the spring.",
    ] {
        let c = only(text);
        assert_eq!(
            (c.source.as_deref(), c.speaker.as_deref()),
            (
                Some("Ports and Transport Minister Ilse Varga"),
                Some("Ilse Varga")
            ),
            "{text}"
        );
    }
    // Two people joined by "and" stay two.
    assert_eq!(
        claims("Tom Ruiz and Energy Secretary Ilse Varga said ferry fares will stay frozen.").len(),
        2
    );
}

#[test]
fn old_wire_copy_quirks_do_not_break_attribution() {
    // "U.S. And" written with a capital, a possessive written with a double mark.
    let (source, content) = source_and_content(
        "Talks between the U.S. And Ruritania could stall over Ruritania\"s port fees, the sources said.",
    );
    assert_eq!(source, "the sources");
    assert_eq!(
        content,
        "Talks between the U.S. And Ruritania could stall over Ruritania\"s port fees"
    );
}

#[test]
fn a_role_with_a_modifier_after_a_name_is_an_aside() {
    let c = only(
        "“The new tariff makes our grain competitive,” Tom Reed, commercial counselor at the embassy, told reporters.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Tom Reed"));
}

#[test]
fn a_press_agency_named_with_its_acronym_speaks() {
    let c = only("Ferry fares will rise in May, the official Ruritanian Press Agency RPA said.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Organization));
    assert_eq!(
        c.source.as_deref(),
        Some("the official Ruritanian Press Agency RPA")
    );
}

#[test]
fn and_inside_what_a_role_is_of_stays_in_the_source() {
    let (source, _) = source_and_content(
        "The harvest is likely to suffer from the frost, an analyst of regional weather and harvest conditions said.",
    );
    assert_eq!(
        source,
        "an analyst of regional weather and harvest conditions"
    );
}

#[test]
fn a_paragraph_cut_off_after_a_channel_phrase_is_read_without_failing() {
    // A paragraph that ends mid-sentence, right after "said in statement on".
    let found = claims("Mara Lind, head of the port authority, said in statement on");
    assert!(
        found.iter().all(|c| c.speaker.as_deref() != Some("on")),
        "{found:#?}"
    );
}

#[test]
fn a_second_verb_after_a_time_phrase_is_a_second_claim() {
    let found = claims(
        "The mayor has said she will not raise fares but on Monday said tickets would cost more.",
    );
    let contents: Vec<&str> = found.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        contents,
        ["she will not raise fares", "tickets would cost more"]
    );
    assert!(
        found
            .iter()
            .all(|c| c.source.as_deref() == Some("The mayor")),
        "{found:#?}"
    );
}

#[test]
fn a_gerund_right_before_its_verb_opens_what_was_said() {
    for (text, content) in [
        (
            "The mayor said parking would cost more.",
            "parking would cost more",
        ),
        (
            "Ana Ruiz said spending was under control.",
            "spending was under control",
        ),
    ] {
        assert_eq!(only(text).text, content, "{text}");
    }
}

#[test]
fn a_relative_clause_after_another_claim_says_its_own() {
    let found = claims(
        "Ms Vale praised the new budget, which she said was the main reason for the recovery.",
    );
    let seen: Vec<(&str, &str)> = found.iter().map(said_by).collect();
    assert_eq!(
        seen,
        [
            ("the new budget", "Vale"),
            ("was the main reason for the recovery", "Vale")
        ]
    );
}

#[test]
fn a_relative_clause_naming_something_stays_inside_the_outer_claim() {
    let found = claims(
        "The mayor said she had always admired Tom Hale, who she described as \"tireless\".",
    );
    assert_eq!(
        found[0].text,
        "she had always admired Tom Hale, who she described as \"tireless\""
    );
}

#[test]
fn a_list_inside_a_relative_clause_is_not_its_end() {
    let found = claims(
        "The council attacked the leaflet, which the harbour board says cost $900 to design, print and post, as a waste.",
    );
    assert!(
        found
            .iter()
            .any(|c| c.text == "cost $900 to design, print and post"),
        "{found:#?}"
    );
}

#[test]
fn a_pronoun_speaks_for_the_source_whose_description_holds_a_name() {
    let found = claims(
        "An aide to Harbour Secretary Tom Hale who asked not to be named in print said the tale was untrue, which he said was spread by rival traders.",
    );
    let last = found.last().expect("claims");
    assert_eq!(last.source.as_deref(), Some("he"));
    assert_eq!(
        last.speaker.as_deref(),
        Some("An aide to Harbour Secretary Tom Hale who asked not to be named in print")
    );
}

#[test]
fn a_name_with_a_relative_aside_and_a_time_aside_is_the_source() {
    let (source, content) = source_and_content(
        "Dr Ana Vale, who was a nurse in Dover, in the hills, before becoming mayor, said staff wanted a period of calm.",
    );
    assert_eq!(
        (source.as_str(), content.as_str()),
        ("Dr Ana Vale", "staff wanted a period of calm")
    );
}

#[test]
fn a_clause_of_time_before_a_trailing_cue_is_content() {
    let c =
        only("The mayor changed her mind in June, after her allies intervened, writes Tom Hale.");
    assert_eq!(
        said_by(&c),
        (
            "The mayor changed her mind in June, after her allies intervened",
            "Tom Hale"
        )
    );
}

#[test]
fn a_participle_aside_between_source_and_cue_is_skipped() {
    for text in [
        "Harbour leader Tom Hale, asked about the mayor's remark by reporters, said it was vital to keep calm.",
        "Tom Hale, questioned about the fares by the committee, said it was vital to keep calm.",
    ] {
        let c = only(text);
        assert_eq!(
            said_by(&c),
            ("it was vital to keep calm", "Tom Hale"),
            "{text}"
        );
    }
}

#[test]
fn a_book_set_off_with_its_author_is_a_document_that_speaks() {
    let c = only(
        "The book, by harbour historian Tom Hale and serialised in the Gazette, said the pair had fallen out.",
    );
    assert_eq!(c.source.as_deref(), Some("The book"));
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Document));
    assert_eq!(c.text, "the pair had fallen out");
}

#[test]
fn a_question_put_to_the_source_in_an_aside_is_not_what_they_said() {
    for text in [
        "Ruiz, asked about reports that the port was being sold by its owners, said it was vital to keep calm.",
        "Harbour Secretary Ana Ruiz, asked whether the port was for sale, said it was vital to keep calm.",
    ] {
        let c = only(text);
        assert_eq!(c.cue.as_deref(), Some("said"), "{text}");
        assert_eq!(c.text, "it was vital to keep calm", "{text}");
    }
}

#[test]
fn a_cue_after_a_comma_and_before_a_participle_still_reports() {
    let found = claims(
        "Tom Hale, the leader of the harbour party, urged the mayor to resign, telling reporters the port was in ruins.",
    );
    let cues: Vec<&str> = found.iter().filter_map(|c| c.cue.as_deref()).collect();
    assert_eq!(cues, ["urged", "telling reporters"]);
}

#[test]
fn a_passive_with_its_agent_is_no_cue() {
    let c = only(
        "Fares will rise to 18 dlrs a ticket, as agreed by the board last December, port industry sources said.",
    );
    assert_eq!(
        said_by(&c),
        (
            "Fares will rise to 18 dlrs a ticket, as agreed by the board last December",
            "port industry sources"
        )
    );
    assert!(
        claims("The move, said by traders to be a setback for the port, came late.").is_empty()
    );
}

#[test]
fn two_capitalized_modifiers_of_one_plural_head_are_one_source() {
    for text in [
        "Prices will rise, the Harbour and Transport Departments said.",
        "The Harbour and Transport Departments said prices will rise.",
    ] {
        let c = only(text);
        assert_eq!(
            c.speaker.as_deref(),
            Some("Harbour and Transport Departments"),
            "{text}"
        );
    }
}

#[test]
fn two_offices_named_in_full_are_two_speakers() {
    let found = claims(
        "Fares will rise, the Weather Office of the Harbour Department said.\n\nFares will fall, the Weather Office of the Transport Department said.\n\nThe office said it had no more to add.",
    );
    let speakers: Vec<&str> = found.iter().filter_map(|c| c.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            "Weather Office of the Harbour Department",
            "Weather Office of the Transport Department",
            "Weather Office of the Transport Department"
        ]
    );
}

#[test]
fn an_appositive_in_the_content_is_no_description_of_a_plural_source() {
    let c = only("Corn was offered at 67 dlrs, a very good price, Ruritanian sources said.");
    assert_eq!(c.source.as_deref(), Some("Ruritanian sources"));
    assert_eq!(c.text, "Corn was offered at 67 dlrs, a very good price");
}

#[test]
fn points_listed_after_a_cue_and_a_colon_are_what_was_said() {
    let found = claims(
        "In a long interview, President Ana Ruiz also said:\n\nThe port must stay open to keep its trade\n\nShe is confident the harbour deal will pass\n\nRead the full transcript of the interview\n\nThe city needs a new plan to beat the floods",
    );
    let seen: Vec<(&str, &str)> = found.iter().map(said_by).collect();
    assert_eq!(
        seen,
        [
            ("The port must stay open to keep its trade", "Ana Ruiz"),
            ("She is confident the harbour deal will pass", "Ana Ruiz")
        ]
    );
}

#[test]
fn a_reply_after_a_listed_point_is_not_one() {
    let found = claims(
        "Several readers wrote:\n\nYou should try the ferry!\n\nSo I should give up my car? I tried the ferry. It was late.",
    );
    let seen: Vec<(&str, &str)> = found.iter().map(said_by).collect();
    assert_eq!(seen, [("You should try the ferry", "Several readers")]);
}

#[test]
fn a_cue_after_a_semicolon_opens_a_claim_of_its_own() {
    let found = claims(
        "Six in ten voters said they had not decided; 40 percent said they would vote for the mayor.",
    );
    let seen: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c.text.as_str(), c.source.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        seen,
        [
            ("they had not decided", "Six in ten voters"),
            ("they would vote for the mayor", "40 percent")
        ]
    );
}

#[test]
fn a_relative_clause_with_no_relative_pronoun_reports_its_verb() {
    let found = claims("Ana Ruiz said the shop raised prices it said were too low.");
    assert!(
        found
            .iter()
            .any(|c| c.text == "were too low" && c.source.as_deref() == Some("it")),
        "{found:#?}"
    );
    assert!(claims("The only regret she acknowledged was a broken promise.").is_empty());
}

#[test]
fn a_modifier_joined_by_and_opens_a_trailing_source() {
    for (text, source) in [
        (
            "The port will get a new bill within two months, economics and finance minister Tom Hale said.",
            "economics and finance minister Tom Hale",
        ),
        (
            "Fares are too high, a Port and Transport ministry official said.",
            "a Port and Transport ministry official",
        ),
    ] {
        assert_eq!(source_and_content(text).0, source, "{text}");
    }
}

#[test]
fn where_a_plural_source_is_does_not_hide_it() {
    for text in [
        "Prices sank to fresh lows today, traders here said.",
        "Prices sank to fresh lows today, traders there said.",
    ] {
        assert_eq!(
            source_and_content(text),
            (
                "traders".to_string(),
                "Prices sank to fresh lows today".to_string()
            ),
            "{text}"
        );
    }
}

#[test]
fn an_opening_adverb_before_a_present_verb_clause_is_content() {
    assert_eq!(
        source_and_content("Now the shortage appears far less serious, Tom Vale said."),
        (
            "Tom Vale".to_string(),
            "Now the shortage appears far less serious".to_string()
        )
    );
}

#[test]
fn the_agent_of_a_participle_after_a_plural_source_is_part_of_it() {
    for (text, source) in [
        (
            "Inflows rose in the last two months, analysts polled by the Gazette said.",
            "analysts polled by the Gazette",
        ),
        (
            "Bank economists contacted by the Gazette said rates would rise.",
            "Bank economists contacted by the Gazette",
        ),
    ] {
        assert_eq!(source_and_content(text).0, source, "{text}");
    }
}

#[test]
fn a_second_verb_speaks_for_the_subject_of_the_first() {
    for (text, source) in [
        ("Ruiz put up a picture and said it was wrong.", "Ruiz"),
        (
            "A city official visited the site and said the bridge was unsafe.",
            "A city official",
        ),
        (
            "A spokesman declined to comment, saying the case was open.",
            "A spokesman",
        ),
        (
            "And in 2011, she all but accused the chair of lying.",
            "she",
        ),
        (
            "A few minutes later, organizers came out and said they would register voters.",
            "organizers",
        ),
    ] {
        assert_eq!(source_and_content(text).0, source, "{text}");
    }
}

#[test]
fn words_a_name_modifies_are_not_its_verb() {
    let (source, _) = source_and_content(
        "Pressure group the Harbour Trust visited the docks and said the plan was wrong.",
    );
    assert_ne!(source, "Pressure");
}

#[test]
fn what_someone_received_says_what_its_participle_says() {
    for (text, source) in [
        ("She got comments accusing her of lying.", "comments"),
        (
            "She received letters saying the plan was illegal.",
            "letters",
        ),
        ("The mayor gets emails saying the road is unsafe.", "emails"),
        // The one criticised for saying it said it.
        (
            "The mayor drew criticism for saying the plan was illegal.",
            "The mayor",
        ),
    ] {
        assert_eq!(source_and_content(text).0, source, "{text}");
    }
}

#[test]
fn a_plural_noun_before_a_participle_and_its_agent_is_no_cue() {
    let seen = only("Intelligence reports seen by the Gazette suggest the plan is ready.");
    assert_eq!(
        seen.speaker.as_deref(),
        Some("Intelligence reports seen by the Gazette")
    );
    assert_eq!(seen.speaker_kind, Some(SpeakerKind::Document));
    // A noun after the cue is its object, not a participle.
    let (source, content) =
        source_and_content("The lawsuit alleges defamation by the mayor over his remarks.");
    assert_eq!(source, "The lawsuit");
    assert_eq!(content, "defamation by the mayor over his remarks");
}

#[test]
fn the_agent_after_a_verb_phrase_is_what_a_relative_pronoun_stands_for() {
    let seen =
        only("The senator disowned remarks made by a party volunteer who said voters were fools.");
    assert_eq!(seen.speaker.as_deref(), Some("a party volunteer"));
}

#[test]
fn a_cue_inside_a_relative_clause_of_the_subject_leaves_the_main_cue_its_claim() {
    for (text, inner, main) in [
        (
            "Zoe Hale, who questioned the mayor, said the pier was safe.",
            "the mayor",
            "the pier was safe",
        ),
        (
            "The union, which has called for a rent freeze, said landlords were to blame.",
            "a rent freeze",
            "landlords were to blame",
        ),
    ] {
        let found = claims(text);
        let contents: Vec<&str> = found.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(contents, [inner, main], "{text}\n{found:#?}");
        assert_eq!(found[0].speaker, found[1].speaker, "{found:#?}");
    }
    // A subject that takes in the earlier cue is no subject of its own: the
    // later verb is inside what the earlier one reported.
    let c = only(
        "Mr Vale pointed out that Norway, Peru and Chile, which each keep ships in the harbour, have declared they will pull out.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Vale"));
    assert!(
        c.text.ends_with("have declared they will pull out"),
        "{c:#?}"
    );
}

#[test]
fn the_subject_of_a_passive_before_for_saying_said_it() {
    for (text, speaker) in [
        (
            "Tom Hale spoke at noon. He was criticised for saying the port was closed.",
            "Tom Hale",
        ),
        (
            "The mayor was widely mocked for saying the port was safe.",
            "The mayor",
        ),
        (
            "Ana Ruiz has been accused of claiming that the port was closed.",
            "Ana Ruiz",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{text}\n{c:#?}");
        assert!(c.text.starts_with("the port was"), "{c:#?}");
    }
}

#[test]
fn what_someone_said_was_that_reports_the_clause_after_that() {
    for text in [
        "What the ministers said was that the port was closed.",
        "What Ana Ruiz told reporters is that the port was closed.",
        "What Ana Ruiz said was: the port was closed.",
    ] {
        assert_eq!(only(text).text, "the port was closed", "{text}");
    }
    // A verdict on quoted words keeps them with their verb.
    let found = claims(
        "Tom Hale spoke. The plan tackles what he says are “crippling shortages” of nurses.",
    );
    assert!(found[0].text.starts_with("are “crippling"), "{found:#?}");
}

#[test]
fn a_phrase_of_time_or_reason_after_the_cue_then_the_clause_said() {
    for (text, content) in [
        (
            "Tom Hale said as part of the deal, its stake would rise.",
            "its stake would rise",
        ),
        (
            "Tom Hale said as harbour master he had closed the pier.",
            "he had closed the pier",
        ),
        (
            "Tom Hale said as Ana Ruiz was at sea when the storm hit, her claim was valid.",
            "her claim was valid",
        ),
        (
            "Tom Hale said by the time the port reopened, the ferries would be gone.",
            "the ferries would be gone",
        ),
        (
            "Tom Hale said instead of a new pier, the town needed a road.",
            "the town needed a road",
        ),
        (
            "Tom Hale said as many as 40 ferries may be hit.",
            "as many as 40 ferries may be hit",
        ),
    ] {
        assert_eq!(only(text).text, content, "{text}");
    }
    // A manner or a moment with no clause after it says nothing more.
    for text in [
        "Tom Hale said as much, estimating the cost at a million.",
        "Tom Hale responded as if he had been hurt.",
        "As Ruiz joked with a friend at the table, her brother grew impatient.",
        "The port closed at noon. Tom Hale said as he left the court.",
    ] {
        assert!(
            claims(text).iter().all(|c| !c.text.ends_with("impatient")
                && !c.text.starts_with("estimating")
                && !c.text.starts_with("he had been")
                && !c.text.starts_with("he left")),
            "{text}: {:#?}",
            claims(text)
        );
    }
}

#[test]
fn an_inverted_source_keeps_and_inside_the_name_of_where_it_works() {
    for (text, speaker) in [
        (
            "The yield fell.\n\n“Rates will rise,” said Scott Vale of J.S. Vale and Co.",
            "Scott Vale",
        ),
        (
            "The yield fell.\n\n“Rates will rise,” said Earl Hale of Harbour Trust and Savings Bank in Chicago.",
            "Earl Hale",
        ),
    ] {
        let c = only(text);
        assert_eq!(
            (c.speaker.as_deref(), c.cue.as_deref()),
            (Some(speaker), Some("said")),
            "{text}\n{c:#?}"
        );
    }
}

#[test]
fn a_day_word_ends_the_clause_before_a_source_left_without_its_comma() {
    let c = only(
        "As the dollar fell against the yen today harbour traders said the bank had bought dollars.",
    );
    assert_eq!(
        (c.source.as_deref(), c.speaker_kind),
        (Some("harbour traders"), Some(SpeakerKind::Group))
    );
    // A day that owns something is inside its phrase.
    let c = only(
        "Ana Ruiz, who was present at today's harbour meeting told reporters the port was safe.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Ana Ruiz"), "{c:#?}");
}

#[test]
fn a_relative_aside_after_a_name_may_leave_out_its_closing_comma() {
    let c =
        only("Ana Ruiz, who was present at the harbour meeting told reporters the port was safe.");
    assert_eq!(
        (c.speaker.as_deref(), c.text.as_str()),
        (Some("Ana Ruiz"), "the port was safe")
    );
}

#[test]
fn a_cue_in_a_relative_aside_says_what_runs_to_the_main_verb() {
    let found = claims(
        "Tom Hale, who has in the past described the plan as “a farce” that “will sink the port,” clearly intended the council to hear it.",
    );
    let c = found
        .iter()
        .find(|c| c.kind == ClaimKind::Indirect)
        .expect("a claim");
    assert_eq!(c.speaker.as_deref(), Some("Tom Hale"), "{found:#?}");
    assert!(!c.text.contains("council"), "{found:#?}");
    // A trailing cue still reports the whole sentence, aside and all.
    let found = claims(
        "The Harbour accord, which has kept an uneasy calm in markets since May, appeared in danger today, dealers said.",
    );
    let c = found.last().expect("a claim");
    assert_eq!(
        (c.speaker.as_deref(), c.text.as_str()),
        (
            Some("dealers"),
            "The Harbour accord, which has kept an uneasy calm in markets since May, appeared in danger today"
        ),
        "{found:#?}"
    );
}

#[test]
fn an_acronym_subject_of_the_first_verb_speaks_for_the_second() {
    for text in [
        "The EU backed the ban but said it would wait a year.",
        "In May, the EU pledged to work towards easing the ban but said it would wait a year.",
    ] {
        let c = only(text);
        assert_eq!(
            (c.speaker.as_deref(), c.text.as_str()),
            (Some("EU"), "it would wait a year"),
            "{text}"
        );
    }
}

#[test]
fn a_percentage_speaks_for_the_people_polled() {
    for (text, source, content) in [
        (
            "The poll closed in May. 49% said they feared the port would shut.",
            "49%",
            "they feared the port would shut",
        ),
        (
            "The poll closed in May. In 2023, 62% of the dockers told us it takes a month to find work.",
            "62% of the dockers",
            "it takes a month to find work",
        ),
    ] {
        let c = only(text);
        assert_eq!(
            (c.source.as_deref(), c.speaker_kind, c.text.as_str()),
            (Some(source), Some(SpeakerKind::Group), content),
            "{text}"
        );
    }
    // A percentage inside the clause before the source is not the source.
    let c = only(
        "The krona slipped 0.3% against the euro and analysts said the cost was hard to judge.",
    );
    assert_eq!(c.source.as_deref(), Some("analysts"));
}

#[test]
fn a_call_for_after_a_determiner_is_a_noun() {
    for text in [
        "The council backed his call for a vote on the ferry.",
        "Hale opened with a call for calm at the harbour.",
    ] {
        assert!(claims(text).is_empty(), "{text}: {:#?}", claims(text));
    }
}

#[test]
fn a_contact_is_an_unnamed_source() {
    let c = only("My contact at the ministry says the documents will arrive soon.");
    assert_eq!(
        (c.source.as_deref(), c.speaker_kind),
        (
            Some("My contact at the ministry"),
            Some(SpeakerKind::Anonymous)
        )
    );
}

#[test]
fn a_description_set_off_before_a_name_with_its_workplace_is_the_subject() {
    for (text, content) in [
        (
            "Another pollster, Dana Vale of Harbour University, said the survey showed support holding.",
            "the survey showed support holding",
        ),
        (
            "Another pollster, Dana Vale of Harbour University, said his survey of voters showed support holding.",
            "his survey of voters showed support holding",
        ),
    ] {
        let c = only(text);
        assert_eq!(
            (c.speaker.as_deref(), c.text.as_str()),
            (Some("Dana Vale"), content),
            "{text}"
        );
    }
    // A possessive after an inverted cue, with no verb of its own, is still
    // the source.
    assert_eq!(
        only("“We won,” said his spokesman.").source.as_deref(),
        Some("his spokesman")
    );
}

#[test]
fn a_subordinator_and_participle_set_off_by_commas_is_an_aside() {
    for (text, source) in [
        (
            "Powell’s office, when contacted by the Gazette, said the former envoy could not recall it.",
            "Powell’s office",
        ),
        (
            "Ana Ruiz, when asked about the port, said it was safe.",
            "Ana Ruiz",
        ),
    ] {
        assert_eq!(only(text).source.as_deref(), Some(source), "{text}");
    }
    // The relative before such an aside stands for the phrase before it.
    let c = only(
        "Ruiz did not budge, issuing a notice that, while regretting the delay, accused the board of wasting money.",
    );
    assert_eq!(
        (c.source.as_deref(), c.text.as_str()),
        (Some("a notice"), "the board of wasting money")
    );
}

#[test]
fn a_clause_after_a_place_or_time_may_have_a_pronoun_and_a_present_verb() {
    for (text, content) in [
        (
            "Vale said in business it takes years to build a fleet.",
            "it takes years to build a fleet",
        ),
        (
            "Hale said at the close of the talks it was a fair deal.",
            "it was a fair deal",
        ),
    ] {
        assert_eq!(only(text).text, content, "{text}");
    }
}

#[test]
fn a_relative_that_after_a_noun_for_speakers_stays_in_the_source() {
    // ("her say" is a noun only when no clause follows it.)
    let c = only("But groups that have backed her say they think members should vote.");
    assert_eq!(c.source.as_deref(), Some("groups that have backed her"));
    assert!(claims("Ruiz wants to have her say on the plan.").is_empty());
    let c = only("But groups that have backed him say they think members should vote.");
    assert_eq!(
        (c.source.as_deref(), c.text.as_str()),
        (
            Some("groups that have backed him"),
            "they think members should vote"
        )
    );
}

#[test]
fn a_state_after_a_description_ending_in_a_hometown_is_part_of_the_aside() {
    let c = only(
        "Lee Hart, a crane driver from Troy, Ala., who belongs to the dockers' union, said he was owed back pay.",
    );
    assert_eq!(
        (c.speaker.as_deref(), c.text.as_str()),
        (Some("Lee Hart"), "he was owed back pay")
    );
}

#[test]
fn a_long_title_and_name_may_be_what_is_named() {
    let c = only("Vale kept calling Harbour Board Chair Ana Ruiz Costa a fraud.");
    assert_eq!(c.text, "Harbour Board Chair Ana Ruiz Costa a fraud");
    // A time after the thing named is no name given.
    for text in [
        "Harbour Radio called the vote for Ruiz less than a half-hour after counting began.",
        "After weeks of work, Ruiz called it a month.",
    ] {
        assert!(claims(text).is_empty(), "{text}: {:#?}", claims(text));
    }
}

#[test]
fn who_after_a_preposition_stands_for_its_object() {
    for (text, speaker) in [
        (
            "The report gave fresh hope to dockers who say the port is a lost cause.",
            "dockers",
        ),
        (
            "Just over half liked the plan, compared with four in 10 who argued the old pier was better.",
            "four in 10",
        ),
        (
            "The order came after a request by The Harbour Gazette, which argued the files were public.",
            "Harbour Gazette",
        ),
    ] {
        let found = claims(&format!("The vote was held.\n\n{text}"));
        assert!(
            found.iter().any(|c| c.speaker.as_deref() == Some(speaker)),
            "{text}: {found:#?}"
        );
    }
    // A speaker before the preposition is what "who" stands for.
    let c = only("Officials in Boston who said the port was closed were wrong.");
    assert_eq!(c.speaker.as_deref(), Some("Officials in Boston"));
}

#[test]
fn a_clause_and_its_participle_aside_before_an_inverted_source() {
    for (text, content, speaker) in [
        (
            "Gulls nest when the cliffs warm up, laying three eggs, said Ivo Brandt.",
            "Gulls nest when the cliffs warm up, laying three eggs",
            "Ivo Brandt",
        ),
        (
            "The ferry sank after the squall struck, leaving two missing, said Ana Ruiz, a harbour pilot.",
            "The ferry sank after the squall struck, leaving two missing",
            "Ana Ruiz",
        ),
    ] {
        let c = only(&format!("The vote was held.\n\n{text}"));
        assert_eq!(c.text, content, "{text}");
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{text}");
    }
    // After a name the aside describes the speaker: the quote is not content of it.
    let (source, content) =
        source_and_content("“Nobody sleeps here,” Ivo Brandt, a ferry pilot, said quietly.");
    assert_eq!(source, "Ivo Brandt");
    assert_eq!(content, "Nobody sleeps here");
}

#[test]
fn a_quote_inside_its_sentence_names_no_speaker_after_a_plain_verb() {
    let text =
        "Saying “tidal zone” rather than “flood plain,” became the habit of the new planners.";
    assert!(claims(text).is_empty(), "{:#?}", claims(text));
    let c = only("“Keep left,” instructed the ferry pilot.");
    assert_eq!(c.speaker.as_deref(), Some("the ferry pilot"));
}

#[test]
fn a_description_with_three_modifiers_and_an_unlisted_head_speaks() {
    let c = only("The veteran deep sea trawlerman says the cod stocks have not recovered.");
    assert_eq!(
        c.speaker.as_deref(),
        Some("The veteran deep sea trawlerman")
    );
    assert_eq!(c.text, "the cod stocks have not recovered");
    // A verb or a time among the words makes it no description.
    let c = only("Ruiz spoke as the harbour board session opened, vowing to defend each berth.");
    assert_eq!(c.speaker.as_deref(), Some("Ruiz"));
}

#[test]
fn a_concession_or_condition_after_the_cue_is_said_with_its_main_clause() {
    for (text, content) in [
        (
            "Ivo Brandt says despite being a keen sailor, he rarely leaves the harbour.",
            "despite being a keen sailor, he rarely leaves the harbour",
        ),
        (
            "Ana Ruiz said although the ferry is old, it still sails on time.",
            "although the ferry is old, it still sails on time",
        ),
    ] {
        let c = only(&format!("The vote was held.\n\n{text}"));
        assert_eq!(c.text, content, "{text}");
    }
}

#[test]
fn a_listener_may_hold_a_possessive_or_an_of_phrase() {
    for (text, cue, content) in [
        (
            "The Harbour Legion wrote to Ruiz's office that it had not allowed the badge.",
            "wrote",
            "it had not allowed the badge",
        ),
        (
            "Ruiz wrote to her constituents that the pier was safe.",
            "wrote",
            "the pier was safe",
        ),
        (
            "Ruiz told the ferry school's class of 2019 that the tides wait for no one.",
            "told the ferry school's class of 2019",
            "the tides wait for no one",
        ),
    ] {
        let c = only(&format!("The vote was held.\n\n{text}"));
        assert_eq!(
            (c.cue.as_deref(), c.text.as_str()),
            (Some(cue), content),
            "{text}"
        );
    }
    // A time's possessive opens what was said.
    let c = only("Ruiz told a news conference yesterday's vote was a farce.");
    assert_eq!(c.text, "yesterday's vote was a farce");
}

#[test]
fn a_trailing_participle_says_what_follows_it_not_what_came_before() {
    let found = claims(
        "Ana Ruiz has praised the crews in many speeches, urging pilots to “rest well,” and telling the class, “Be brave.”",
    );
    let told: Vec<&str> = found
        .iter()
        .filter(|c| c.cue.as_deref() == Some("telling the class"))
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(told, ["Be brave"], "{found:#?}");
}

#[test]
fn and_after_a_bare_phrase_joins_two_subjects_of_what_was_said() {
    let c = only("Ruiz said the pilots and the crew wrote a new timetable.");
    assert_eq!(c.text, "the pilots and the crew wrote a new timetable");
    // After a verb taking an object, "and" and a verb join two verbs.
    let found = claims("Ruiz denied the charge and insisted that the pier was safe.");
    assert!(
        found
            .iter()
            .any(|c| c.cue.as_deref() == Some("insisted") && c.text == "the pier was safe"),
        "{found:#?}"
    );
}

#[test]
fn who_after_a_verb_and_a_preposition_stands_for_its_object() {
    let c = only("The last question was from a young deckhand, who said he sailed in from Troy.");
    assert_eq!(c.speaker.as_deref(), Some("a young deckhand"));
    assert_eq!(c.text, "he sailed in from Troy");
}

#[test]
fn a_relative_clause_split_by_an_appositive_is_one_aside_of_the_subject() {
    let c = only(
        "Dana Vale, a harbour planner whose firm, Tidewell, drew the maps, said the main goal was a safer quay.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Dana Vale"));
    assert_eq!(c.text, "the main goal was a safer quay");
}

#[test]
fn the_one_warned_or_promised_is_no_part_of_what_was_said() {
    for (text, cue) in [
        (
            "Ana Ruiz warned the harbour board that the pier would close.",
            "warned the harbour board",
        ),
        (
            "Ana Ruiz cautioned ferry owners in a letter last week that fares would rise.",
            "cautioned ferry owners",
        ),
        (
            "Ana Ruiz promised Tom Hale on 7 March 2019 that the pier would close.",
            "promised Tom Hale",
        ),
    ] {
        let c = claims(text)
            .into_iter()
            .find(|c| c.speaker.as_deref() == Some("Ana Ruiz"))
            .unwrap();
        assert_eq!(c.cue.as_deref(), Some(cue), "{text}");
        assert!(
            c.text == "the pier would close" || c.text == "fares would rise",
            "{text}: {c:?}"
        );
    }
    // A thing announced, and a relative "that", stay whole.
    assert_eq!(
        only("The mayor promised a plan that would cut fares.").text,
        "a plan that would cut fares"
    );
}

#[test]
fn a_date_with_its_year_is_when_not_what() {
    for text in [
        "Ana Ruiz told Tom Hale on March 7, 2019, that the pier would close.",
        "Ana Ruiz said on 7 March 2019 that the pier would close.",
    ] {
        let c = claims(text)
            .into_iter()
            .find(|c| c.speaker.as_deref() == Some("Ana Ruiz"))
            .unwrap();
        assert_eq!(c.text, "the pier would close", "{text}");
    }
}

#[test]
fn plural_sources_after_an_adjective_in_s_are_still_one_source() {
    let (source, content) = source_and_content(
        "The mood on the quays is precarious, harbour analysts and economists said.",
    );
    assert_eq!(source, "harbour analysts and economists");
    assert_eq!(content, "The mood on the quays is precarious");
}

#[test]
fn and_between_words_of_a_body_s_name_is_inside_the_source() {
    for (text, source) in [
        (
            "Exports of cod fell by a third in March, a Tidewell Salt and Ice Association official said.",
            "a Tidewell Salt and Ice Association official",
        ),
        (
            "Rain is needed in the south, the Weather Office of the Agriculture and Fisheries Departments said.",
            "the Weather Office of the Agriculture and Fisheries Departments",
        ),
    ] {
        assert_eq!(source_and_content(text).0, source, "{text}");
    }
}

#[test]
fn telling_someone_to_do_something_does_not_take_the_quote_before() {
    let found = claims(
        "“We must act now,” Tom Hale wrote in the paper. “The old route is not fine.” The harbour board has also told the council not to “compromise”.",
    );
    assert!(
        found
            .iter()
            .all(|c| c.speaker.as_deref() == Some("Tom Hale")),
        "{found:#?}"
    );
}

#[test]
fn a_body_answers_to_its_acronym() {
    // In brackets after the name, or spelled by its initials.
    for text in [
        "Supplies were cut.\n\nThe Harbour Safety Authority (HSA) said the pier was unsafe.\n\nThe HSA said repairs would take a year.",
        "Supplies were cut.\n\nThe Tidewater Ferry Commission said fares would rise.\n\nThe TFC said fares would rise again.",
    ] {
        let found = claims(text);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].speaker, found[1].speaker, "{found:#?}");
        assert_eq!(found[0].speaker_kind, Some(SpeakerKind::Organization));
    }
}

#[test]
fn a_name_its_acronym_spells_is_a_body_whatever_its_words() {
    // "General" is a title, and "and" would end the source.
    let text = "Supplies were cut.\n\nCargo will slow, the General Compact on Fisheries and Ferries (GCFF) said.\n\nBy stressing its deficit, the port was courting trouble, it said.";
    let found = claims(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    for c in &found {
        assert_eq!(
            c.speaker.as_deref(),
            Some("General Compact on Fisheries and Ferries (GCFF)"),
            "{found:#?}"
        );
        assert_eq!(c.speaker_kind, Some(SpeakerKind::Organization));
    }
    assert!(people(text).is_empty(), "{:?}", speakers(text));
}

#[test]
fn a_source_inside_a_relative_clause_with_no_that_speaks() {
    let c = only("He saw the ledgers the harbour report said were missing from the archive.");
    assert_eq!(c.source.as_deref(), Some("the harbour report"));
    assert_eq!(c.text, "were missing from the archive");
    // A subject clause and a phrase ending in a preposition are no such source.
    assert!(
        claims("How a ferry captain responds can be as important as the storm itself.").is_empty()
    );
}

#[test]
fn a_participle_after_the_subject_s_noun_is_part_of_the_subject() {
    for (text, source) in [
        (
            "One delegate describing the split said the talks had failed.",
            "One delegate describing the split",
        ),
        (
            "Residents complaining about the horns said the ferry should sail later.",
            "Residents complaining about the horns",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.source.as_deref(), Some(source), "{text}");
        assert_eq!(c.cue.as_deref(), Some("said"), "{text}");
    }
    // A participle that is the verb keeps its claim.
    let found = claims("The mayor was describing the plan when aides said it had failed.");
    assert!(
        found.iter().any(|c| c.cue.as_deref() == Some("describing")),
        "{found:#?}"
    );
}

#[test]
fn a_means_before_the_clause_said_is_no_part_of_the_cue() {
    let c = only(
        "The regulator said by backdating the invoice, the broker hid its stake in the ferry line.",
    );
    assert_eq!(c.text, "the broker hid its stake in the ferry line");
    // "by saying" is itself the cue; "by standing …, a …" an appositive.
    let found = claims("A harbour official responded by saying the pier was safe.");
    assert!(
        found
            .iter()
            .any(|c| c.cue.as_deref() == Some("saying") && c.text == "the pier was safe"),
        "{found:#?}"
    );
}

#[test]
fn a_given_name_of_either_sex_in_news_takes_he_or_she() {
    for text in [
        "Supplies were cut.\n\nRobin Hale, the harbour master, said the pier was closed. \u{201c}We had no choice,\u{201d} he said.",
        "Supplies were cut.\n\nAndrea Conti, the port director, said the pier was closed. \u{201c}We had no choice,\u{201d} he said.",
    ] {
        let found = claims(text);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found
                .iter()
                .all(|c| c.speaker_kind == Some(SpeakerKind::Person)),
            "{found:#?}"
        );
        assert_eq!(found[0].speaker, found[1].speaker, "{found:#?}");
    }
}

#[test]
fn a_scene_before_an_honorific_is_no_part_of_the_source() {
    for text in [
        "Speaking in Tidewell Mr Vance said: \u{201c}People want a ferry that runs.\u{201d}",
        "In Tidewell Mr Vance said the ferry would run again.",
    ] {
        let c = only(text);
        assert_eq!(c.source.as_deref(), Some("Mr Vance"), "{text}");
    }
}

#[test]
fn a_statement_dated_by_a_possessive_reads_a_quote() {
    let c = only("\u{201c}The pier stays shut until May,\u{201d} last week's statement read.");
    assert_eq!(c.source.as_deref(), Some("last week's statement"));
    assert_eq!(c.cue.as_deref(), Some("read"));
}

#[test]
fn wire_shapes_of_a_quote_after_its_cue() {
    for (text, speaker) in [
        // An aside that says what someone was until lately.
        (
            "\u{201c}He does not care much about a third term,\u{201d} Tom Alder, until last year a harbour board member, told the Gazette recently.",
            "Tom Alder",
        ),
        // A quote straight after a place or time, with no comma.
        (
            "Ana Ruiz said in the aftermath of the two storms \u{201c}the pier will need a new deck.\u{201d}",
            "Ana Ruiz",
        ),
        // An ordinal before the listener's name.
        (
            "Ana Ruiz told the 8th Tidewell Ferry Forum \u{201c}the pier will need a new deck.\u{201d}",
            "Ana Ruiz",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.kind, ClaimKind::Direct, "{text}");
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{text}");
    }
}

#[test]
fn a_description_left_open_may_end_with_where_the_person_works() {
    let c = only(
        "The krone will fall further, Tom Vell, currency analyst at Harbour Bank in Tidewell said.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Tom Vell"));
    assert_eq!(c.text, "The krone will fall further");
}

#[test]
fn according_to_a_source_with_a_relative_aside() {
    for text in [
        "According to a second harbour source, who also declined to be named, the ferry deal was off.",
        "But, according to a second harbour source, who also declined to be named, the ferry deal was off.",
    ] {
        let c = only(text);
        assert_eq!(
            c.source.as_deref(),
            Some("a second harbour source"),
            "{text}"
        );
        assert_eq!(c.text, "the ferry deal was off", "{text}");
    }
}

#[test]
fn a_place_or_a_second_listener_before_the_colon_of_a_quote_stays_with_the_cue() {
    for (text, cue) in [
        (
            "Mr Vance told reporters in Tidewell: \u{201c}The pier will need a new deck.\u{201d}",
            "told reporters",
        ),
        (
            "Ms Hale told councillors and harbour staff: \u{201c}The pier will need a new deck.\u{201d}",
            "told councillors and harbour staff",
        ),
        (
            "In a speech to the Harbour Forum Mr Vance said of the mayor: \u{201c}She is clever but not wise.\u{201d}",
            "said",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.kind, ClaimKind::Direct, "{text}");
        assert!(
            c.speaker
                .as_deref()
                .is_some_and(|s| s.ends_with("Vance") || s.ends_with("Hale")),
            "{text}"
        );
        assert_eq!(c.cue.as_deref(), Some(cue), "{text}");
    }
    // A clause with its own verb before the colon is not a place: the cue
    // there is the verb nearest the quote.
    let found = claims(
        "\u{201c}We will win,\u{201d} Ms Hale said before adding: \u{201c}The pier will need a new deck.\u{201d}",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].cue.as_deref(), Some("said"));
    assert_ne!(found[1].cue.as_deref(), Some("said"));
}

#[test]
fn forecast_is_a_cue_after_its_source_and_a_noun_before_a_verb() {
    let c = only("Analysts forecast that ferry fares would rise next year.");
    assert_eq!(
        said_by(&c),
        ("ferry fares would rise next year", "Analysts")
    );
    let c = only("Mr Vance forecast \u{201c}deep cuts right across the harbour budget.\u{201d}");
    assert_eq!(c.cue.as_deref(), Some("forecast"));
    let c = only("The harbour forecast said storms would close the pier.");
    assert_eq!(c.source.as_deref(), Some("The harbour forecast"));
    assert_eq!(c.cue.as_deref(), Some("said"));
}

#[test]
fn quoted_by_a_paper_as_saying_after_the_quote() {
    for text in [
        "Ana Ruiz spoke to the harbour board. \u{201c}We want to settle the row through talks,\u{201d} she was quoted by the Tidewell Gazette as saying.",
        "Ana Ruiz spoke to the harbour board. \u{201c}We want to settle the row through talks,\u{201d} she was quoted in the Tidewell Gazette as saying.",
    ] {
        let c = only(text);
        assert_eq!(c.kind, ClaimKind::Direct, "{text}");
        assert_eq!(c.speaker.as_deref(), Some("Ana Ruiz"), "{text}");
        assert_eq!(c.cue.as_deref(), Some("saying"), "{text}");
    }
}

#[test]
fn a_two_word_clause_before_the_reporting_clause_is_a_claim() {
    for (text, content, speaker) in [
        ("We lost, Ana Ruiz said.", "We lost", "Ana Ruiz"),
        ("Fares dropped, said Ana Ruiz.", "Fares dropped", "Ana Ruiz"),
        ("It works, Ana Ruiz said.", "It works", "Ana Ruiz"),
    ] {
        let c = only(text);
        assert_eq!(said_by(&c), (content, speaker), "{text}");
    }
    // Two words with no verb, or a clause the cue interrupts, are not.
    assert!(claims("Not yet, Ana Ruiz said.").is_empty());
    let found = claims("It was, Ana Ruiz said, one of the worst winters on the coast.");
    assert!(found.iter().all(|c| c.text != "It was"), "{found:#?}");
}

#[test]
fn a_firm_named_with_its_head_speaks_alone_as_the_firm() {
    for text in [
        "Supplies were cut.\n\nBrightline Group said it would cut costs.\n\nBrightline says it has no plans to sell the mill.",
        "Supplies were cut.\n\nMarlow Bank said it would cut costs.\n\nThe prospects vary, Marlow said.",
    ] {
        assert_eq!(speakers(text).len(), 1, "{:?}", speakers(text));
        assert_eq!(speakers(text)[0].1, SpeakerKind::Organization, "{text}");
    }
    // A foundation may bear the name of a founder who speaks too.
    let text = "Supplies were cut.\n\nThe Marlow Foundation said it would cut costs.\n\nThe prospects vary, Marlow said.";
    assert_eq!(speakers(text).len(), 2, "{:?}", speakers(text));
}

#[test]
fn a_trailing_reporting_clause_past_a_place_reports_the_whole_sentence() {
    let found = claims(
        "Fishermen reported seeing a flash of light off the pier, the harbour office was quoted as saying by the Tidewell Gazette.",
    );
    let outer = found
        .iter()
        .find(|c| c.source.as_deref() == Some("the harbour office"))
        .expect("the office's claim");
    assert_eq!(
        outer.text,
        "Fishermen reported seeing a flash of light off the pier"
    );
}

#[test]
fn a_pronoun_reporting_its_own_report_again_is_one_claim() {
    let found = claims(
        "Ian Vell runs the waterworks. He added that stopping the flow could freeze the pipes, he said.",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].text, "stopping the flow could freeze the pipes");
    assert_eq!(found[0].cue.as_deref(), Some("added"));
    // Someone else's report inside it is still reported by the last clause.
    let found =
        claims("Ian Vell runs the waterworks. Residents said the river was rising, he said.");
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn wanting_or_planning_to_speak_is_no_claim() {
    for text in [
        "Reporters want to ask him about the harbour.",
        "Ms Hale hopes to tell residents that the pier is safe.",
        "The council plans to announce that the pier will close.",
    ] {
        assert!(claims(text).is_empty(), "{text}\n{:#?}", claims(text));
    }
    // Saying it in the end is.
    let c = only("Ms Hale went on to say the pier was safe.");
    assert_eq!(said_by(&c), ("the pier was safe", "Hale"));
}

#[test]
fn a_few_words_set_off_by_dashes_stay_inside_the_reporting_clause() {
    let found = claims(
        "Tom Vell, later alleging - falsely - that the mayor wanted to close 40 piers, said he would sue.",
    );
    let seen: Vec<(&str, &str)> = found.iter().map(said_by).collect();
    assert_eq!(
        seen,
        [
            ("the mayor wanted to close 40 piers", "Tom Vell"),
            ("he would sue", "Tom Vell")
        ]
    );
}

#[test]
fn a_cue_inside_an_opening_subordinate_clause_says_what_runs_to_its_comma() {
    for text in [
        "Given that officials said the pier was safe, the closure was a surprise.",
        "Although officials said the pier was safe, it stays shut.",
    ] {
        let c = only(text);
        assert_eq!(said_by(&c), ("the pier was safe", "officials"), "{text}");
    }
}

#[test]
fn plurals_without_an_s_join_a_coordinated_source() {
    for (text, source) in [
        (
            "The dispute could do lasting damage, businessmen and officials said.",
            "businessmen and officials",
        ),
        (
            "The ferry will keep running, fishermen and townspeople said.",
            "fishermen and townspeople",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.source.as_deref(), Some(source), "{text}");
    }
}

#[test]
fn a_source_asking_not_to_be_named_speaks_after_a_quote_or_a_clause() {
    for text in [
        "\u{201c}We may lease tankers,\u{201d} one harbour official, who asked not to be identified, told the Gazette.",
        "\u{201c}We may lease tankers,\u{201d} a harbour official, who declined to be named, said.",
        "The tankers are leased, one of the harbour officials, who asked not to be named, told the Gazette.",
    ] {
        let c = only(text);
        assert!(
            c.source
                .as_deref()
                .is_some_and(|s| s.contains("harbour official")),
            "{text}\n{c:#?}"
        );
    }
}

#[test]
fn a_name_and_its_description_after_a_quote_speak_before_a_second_quote() {
    let found = claims(
        "\u{201c}They are open to new things,\u{201d} Jana Gold, Harbour Line's director of sales, said of the plan. \u{201c}Everything they do makes money.\u{201d}",
    );
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|c| c.speaker.as_deref() == Some("Jana Gold")),
        "{found:#?}"
    );
}

#[test]
fn a_text_put_out_by_the_subject_is_not_part_of_the_source() {
    let c = only("The harbour board put out a statement saying the pier was safe.");
    assert_eq!(c.source.as_deref(), Some("The harbour board"));
    let c = only("The harbour board sent out a press release saying the pier was safe.");
    assert_eq!(c.source.as_deref(), Some("The harbour board"));
}

#[test]
fn a_list_of_places_stays_inside_the_source() {
    for (text, source) in [
        (
            "Police chiefs from Dover, Tidewell, Ashby and elsewhere said they relied on the scanner.",
            "Police chiefs from Dover, Tidewell, Ashby and elsewhere",
        ),
        (
            "Police chiefs from Dover, Tidewell and Ashby said they relied on the scanner.",
            "Police chiefs from Dover, Tidewell and Ashby",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.source.as_deref(), Some(source), "{text}");
    }
    // A person after "and" is a source of their own.
    let c = only("Voters in Dover, Tidewell and Tom Hale said they were tired.");
    assert_eq!(c.source.as_deref(), Some("Tom Hale"));
}

#[test]
fn two_modifiers_of_one_head_after_a_capitalized_word() {
    for (text, source) in [
        (
            "The flooding will hit farms, the U.S. Fisheries and Harbours Departments said.",
            "the U.S. Fisheries and Harbours Departments",
        ),
        (
            "The flooding will hit farms, the Weather Office of the U.S. Fisheries and Harbours Departments said.",
            "the Weather Office of the U.S. Fisheries and Harbours Departments",
        ),
        (
            "Town Hall and harbour officials said the pier was safe.",
            "Town Hall and harbour officials",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.source.as_deref(), Some(source), "{text}");
    }
}

#[test]
fn two_titles_joined_by_and_describe_one_person() {
    let c = only(
        "Trading will move to other ports, senior vice president and Tidewell branch manager of Harbour Bank Tom Vell told a press conference.",
    );
    assert_eq!(c.speaker.as_deref(), Some("Tom Vell"));
    // Two people with their own articles are two sources.
    let found = claims("The mayor and the harbour master said the pier was safe.");
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn an_agreement_or_a_law_is_a_text_that_speaks() {
    let found = claims("The harbour pact barred the fund from futures and said it was over.");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].speaker_kind, Some(SpeakerKind::Document));
    let c = only("The new law says ferries must carry radios.");
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Document));
}

#[test]
fn a_present_verb_after_a_body_or_a_text_ends_its_phrase() {
    let c = only("The harbour pact bars the fund from futures and says it cannot trade there.");
    assert_eq!(c.source.as_deref(), Some("The harbour pact"));
    let c = only(
        "The council letter makes a strong case: \u{201c}Ferries must keep running. The town depends on them.\u{201d}",
    );
    assert_eq!(c.source.as_deref(), Some("The council letter"));
}

#[test]
fn the_rest_of_another_cues_clause_is_not_said_again() {
    let found = claims(
        "Although the board has maintained that the pier is safe, Ms Hale said about the plan, \u{201c}I support the repairs.\u{201d}",
    );
    let seen: Vec<(&str, &str)> = found.iter().map(said_by).collect();
    assert_eq!(
        seen,
        [
            ("the pier is safe", "board"),
            ("I support the repairs", "Hale")
        ]
    );
}

#[test]
fn a_listener_with_its_people_after_of_before_a_bare_clause() {
    let c = only(
        "Fisheries Minister Tom Vell today told a meeting of regional fishing towns the coming weeks will decide the season.",
    );
    assert_eq!(
        said_by(&c),
        ("the coming weeks will decide the season", "Tom Vell")
    );
    assert_eq!(
        c.cue.as_deref(),
        Some("told a meeting of regional fishing towns")
    );
}

#[test]
fn a_full_name_and_a_description_joined_by_and_are_two_sources() {
    let found = claims("Tom Vell and his deputy said there was no target for fares.");
    let mut sources: Vec<&str> = found.iter().filter_map(|c| c.source.as_deref()).collect();
    sources.sort_unstable();
    assert_eq!(sources, ["Tom Vell", "his deputy"], "{found:#?}");
}

#[test]
fn a_time_after_the_cue_is_no_inverted_source() {
    for text in [
        "The harbour bank - in a forecast echoing wider opinion - said last month that growth was slowing.",
        "The harbour bank, the largest in Tidewell, said last week that growth was slowing.",
    ] {
        let c = only(text);
        assert_eq!(c.source.as_deref(), Some("The harbour bank"), "{text}");
        assert_eq!(c.text, "growth was slowing", "{text}");
    }
}

#[test]
fn letters_after_a_name_with_a_title_before_it() {
    let c = only("Former welfare minister Tom Vell MP said the mayor should resign.");
    assert_eq!(said_by(&c), ("the mayor should resign", "Tom Vell"));
}

#[test]
fn said_as_a_role_then_a_pronoun_and_its_past_verb() {
    let c = only("Ana Ruiz said as harbour master he gave the impression he would sack everyone.");
    assert_eq!(
        said_by(&c),
        ("he gave the impression he would sack everyone", "Ana Ruiz")
    );
}

#[test]
fn a_time_between_the_auxiliary_and_the_cue() {
    let c = only("The harbour board had last week said the pier was safe.");
    assert_eq!(c.source.as_deref(), Some("The harbour board"));
}

#[test]
fn charging_someone_is_no_claim_but_charging_that_is() {
    for text in [
        "Police charged Tom Vell with battery.",
        "Prosecutors charged the skipper with fraud after the audit.",
        "The airline charged the council $3 million for the flights.",
    ] {
        assert!(claims(text).is_empty(), "{text}\n{:#?}", claims(text));
    }
    let c = only("The union charged that the mayor had lied.");
    assert_eq!(said_by(&c), ("the mayor had lied", "union"));
}

#[test]
fn a_relative_aside_left_open_with_a_verb_in_the_past() {
    for text in [
        "Tom Vell, who on Thursday won damages from the Gazette said he would stand again.",
        "Tom Vell, who won damages from the Gazette said he would stand again.",
    ] {
        let c = only(text);
        assert_eq!(said_by(&c), ("he would stand again", "Tom Vell"), "{text}");
    }
    // A participle after "when" inside the aside has no subject there.
    let found = claims(
        "He was echoing Tom Vell, who used much the same words when asked last spring if he would stand.",
    );
    assert!(
        found
            .iter()
            .all(|c| c.source.as_deref() != Some("echoing Tom Vell")),
        "{found:#?}"
    );
}

#[test]
fn an_opening_phrase_ending_in_a_month_before_the_subject() {
    let c = only(
        "In a report published last June the harbour committee stated there was a serious risk.",
    );
    assert_eq!(c.source.as_deref(), Some("the harbour committee"));
    assert_eq!(c.text, "there was a serious risk");
}

#[test]
fn a_text_named_before_the_colon_of_its_quote() {
    let c = only(
        "The ferry line tweeted this announcement: \u{201c}Fares have increased to bring more crews in.\u{201d}",
    );
    assert_eq!(c.kind, ClaimKind::Direct);
    assert_eq!(c.text, "Fares have increased to bring more crews in");
    assert_eq!(c.cue.as_deref(), Some("tweeted"));
}

#[test]
fn warning_of_or_against_and_arguing_for_a_noun_phrase() {
    for (text, content, cue) in [
        (
            "Shadow minister Tom Vell warned of the risk of wrongful convictions.",
            "the risk of wrongful convictions",
            "warned of",
        ),
        (
            "Harbour MPs have warned against disunity and council leader Ana Holt may well take up the theme.",
            "disunity",
            "warned against",
        ),
        (
            "The harbour group has argued for flexibility in setting fares.",
            "flexibility in setting fares",
            "argued for",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.text, content, "{text}");
        assert_eq!(c.cue.as_deref(), Some(cue), "{text}");
    }
    // "for years" is how long, and "was warned against" is the one warned.
    let c = only("Tom Vell has argued for years that the pier is unsafe.");
    assert_eq!(
        (c.cue.as_deref(), c.text.as_str()),
        (Some("argued"), "the pier is unsafe")
    );
    let found =
        claims("Ana Ruiz insists Tom Vell hired the crew, though he was warned against the move.");
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn a_text_someone_saw_says_what_its_participle_says() {
    let c = only("Drivers saw a sign saying the coast road was closed.");
    assert_eq!(c.source.as_deref(), Some("a sign"));
    assert_eq!(c.speaker_kind, Some(SpeakerKind::Document));
}

#[test]
fn said_before_or_after_a_clause_then_the_main_clause() {
    for (text, content) in [
        (
            "The harbour report says before a new ferry body is set up, an audit should be made.",
            "before a new ferry body is set up, an audit should be made",
        ),
        (
            "Tom Vell said after the storm passed, the ferries would run again.",
            "after the storm passed, the ferries would run again",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.text, content, "{text}");
    }
}

#[test]
fn a_participle_after_the_channel_tells_which_text() {
    for (text, content) in [
        (
            "Fares will rise next year, the harbour board said in a statement issued in Tidewell.",
            "Fares will rise next year",
        ),
        (
            "The harbour board said in a statement issued on Monday that fares would rise.",
            "fares would rise",
        ),
    ] {
        let c = only(text);
        assert_eq!(c.text, content, "{text}");
    }
}
