//! Unit tests on sentences written for them.

use super::*;

/// Codes found in a story of these paragraphs, in order of first mention.
fn codes(texts: &[&str]) -> Vec<String> {
    find(&Paragraph::bodies(texts), &[])
        .into_iter()
        .map(|c| c.code)
        .collect()
}

fn mentions(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(usize, String, String)> = find(&Paragraph::bodies(&[text]), &[])
        .into_iter()
        .flat_map(|c| {
            let code = c.code;
            c.mentions
                .into_iter()
                .map(move |m| (m.start, code.clone(), m.text.to_string()))
        })
        .collect();
    out.sort();
    out.into_iter()
        .map(|(_, code, text)| (code, text))
        .collect()
}

#[test]
fn names_short_forms_and_abbreviations() {
    assert_eq!(
        mentions("The United States, the U.S. and the US agreed with Britain and the UK."),
        [
            ("US".into(), "United States".into()),
            ("US".into(), "U.S.".into()),
            ("US".into(), "US".into()),
            ("GB".into(), "Britain".into()),
            ("GB".into(), "UK".into()),
        ]
    );
}

#[test]
fn countries_come_in_order_of_first_mention_with_names_and_kinds() {
    let found = find(
        &Paragraph::bodies(&[
            "Polish troops joined Nato drills near Russia.",
            "Warsaw and Moscow traded barbs; the EU stayed quiet.",
        ]),
        &[],
    );
    let summary: Vec<(&str, &str, CountryKind, usize)> = found
        .iter()
        .map(|c| (c.code.as_str(), c.name.as_str(), c.kind, c.mentions.len()))
        .collect();
    assert_eq!(
        summary,
        [
            ("PL", "Poland", CountryKind::Country, 2),
            ("NATO", "NATO", CountryKind::Bloc, 1),
            ("RU", "Russia", CountryKind::Country, 2),
            ("EU", "European Union", CountryKind::Bloc, 1),
        ]
    );
    assert_eq!(found[2].mentions[1].paragraph, 1);
}

#[test]
fn demonyms_singular_and_plural() {
    assert_eq!(
        codes(&["Swedish, Polish and German diplomats met Ukrainians and Russians."]),
        ["SE", "PL", "DE"],
        "people nouns inside a sentence count only in a story that names their country"
    );
    // Opening the sentence, as its subject, they count on their own.
    assert_eq!(codes(&["Ukrainians met Swedish diplomats."]), ["UA", "SE"]);
    assert_eq!(
        codes(&[
            "Ukrainians and Russians met Swedish, Polish and German diplomats.",
            "Ukraine and Russia sent them."
        ]),
        ["UA", "RU", "SE", "PL", "DE"]
    );
    assert_eq!(
        codes(&[
            "The Poles and the Dutch voted; Britons did not.",
            "Poland and Britain."
        ]),
        ["PL", "NL", "GB"]
    );
}

#[test]
fn seats_of_power_capitals_and_regions() {
    assert_eq!(
        codes(&["The Kremlin, the White House and Downing Street all replied."]),
        ["RU", "US", "GB"]
    );
    let found = find(
        &Paragraph::bodies(&[
            "Kyiv will not give up Donbas or Crimea.",
            "Ukraine said so.",
        ]),
        &[],
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, "UA");
    assert_eq!(found[0].mentions.len(), 4);
    assert_eq!(
        codes(&["German and US officials met in Berlin and Washington."]),
        ["DE", "US"]
    );
}

#[test]
fn a_capital_alone_is_a_city() {
    // The story never names the country: a city like any other.
    assert!(codes(&["A gallery in Paris sold the drawings."]).is_empty());
    assert!(codes(&["Moscow said no."]).is_empty());
    // Named elsewhere: the capital counts where it acts for the government, or
    // where other countries are named with it.
    let story = Paragraph::bodies(&[
        "France and Chile signed a deal.",
        "A fire broke out in Paris.",
        "Paris said it would reply.",
        "Talks in Paris included Chilean envoys.",
    ]);
    let found = find(&story, &[]);
    let france: Vec<usize> = found[0].mentions.iter().map(|m| m.paragraph).collect();
    assert_eq!(france, [0, 2, 3]);
}

#[test]
fn ordinary_words_are_not_countries() {
    assert!(codes(&["Give us more weapons, they told us."]).is_empty());
    assert!(codes(&["We ate turkey on fine china; chad is a paper scrap."]).is_empty());
    assert!(codes(&["European leaders and Western allies posted on X."]).is_empty());
    assert_eq!(
        codes(&["Turkey and China talked to Chad."]),
        ["TR", "CN", "TD"]
    );
}

#[test]
fn upper_case_text_and_currency() {
    assert!(codes(&["GIVE US MORE WEAPONS NOW"]).is_empty());
    assert_eq!(codes(&["THE US SENDS MORE WEAPONS"]), ["US"]);
    assert!(codes(&["It cost US$5 million."]).is_empty());
    assert_eq!(codes(&["NATO AND RUSSIA MEET"]), ["NATO", "RU"]);
}

#[test]
fn words_glued_to_other_words_are_not_names() {
    assert!(codes(&["A woman from Indianapolis met Romania's focus group."]) == ["RO"]);
    assert!(codes(&["The Americas and the Omani-born woman."]) == ["OM"]);
}

#[test]
fn people_named_like_countries() {
    assert!(codes(&["Michael Jordan and Jordan Peterson met Chad Smith."]).is_empty());
    assert!(codes(&["The actor Denzel Washington and Mr. Jordan smiled."]).is_empty());
    assert_eq!(
        codes(&[
            "King Abdullah of Jordan met Chad's president.",
            "Jordan closed its border."
        ]),
        ["JO", "TD"]
    );
    assert_eq!(
        codes(&["Jordan Foreign Minister Ayman Safadi spoke."]),
        ["JO"]
    );
}

#[test]
fn a_family_name_stays_a_person_for_the_whole_story() {
    assert!(
        codes(&[
            "The guard Michael Jordan scored 40.",
            "Jordan said the team played well."
        ])
        .is_empty()
    );
    assert_eq!(
        codes(&[
            "The guard Michael Jordan scored 40.",
            "He later flew to Jordan."
        ]),
        ["JO"]
    );
}

#[test]
fn not_places_from_the_caller_are_skipped() {
    let story = Paragraph::bodies(&["Jordan Henderson praised Jordan."]);
    let person = Span {
        paragraph: 0,
        start: 0,
        end: 16,
        text: "Jordan Henderson".into(),
    };
    let found = find(&story, &[person]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].mentions[0].start, 25);
}

#[test]
fn georgia_the_state_and_the_country() {
    assert!(codes(&["Voters in Atlanta, Georgia, queued."]).is_empty());
    assert!(codes(&["The state of Georgia sued."]).is_empty());
    assert!(codes(&["Georgia and Alabama sued the federal government."]).is_empty());
    assert_eq!(
        codes(&["Alabama sued.", "Protests filled Tbilisi as Georgia voted."]),
        ["GE"]
    );
    assert_eq!(codes(&["Georgia's parliament passed the law."]), ["GE"]);
    // A story with America in it: the state, unless the country shows.
    assert!(codes(&["Trump held a rally in Georgia.", "US voters cheered."]) == ["US"]);
    assert_eq!(
        codes(&["US envoys said Georgia and Ukraine want to join Nato."]),
        ["US", "GE", "UA", "NATO"]
    );
    assert!(codes(&["Turnout rose in Iowa, Ohio and Georgia."]).is_empty());
}

#[test]
fn washington_the_city_the_state_and_the_name() {
    assert_eq!(
        codes(&["US talks in Washington with Canada went on."]),
        ["US", "CA"]
    );
    assert!(codes(&["Washington state and Seattle, Washington, voted."]).is_empty());
    assert!(codes(&["He won Colorado, North Dakota and Washington; the US cheered."]) == ["US"]);
    assert_eq!(
        mentions("He won Colorado, North Dakota and Washington; the US cheered."),
        [("US".into(), "US".into())]
    );
    assert!(codes(&["The Washington Post and George Washington."]).is_empty());
    assert_eq!(codes(&["The US capital, Washington, D.C. is hot."]), ["US"]);
    assert_eq!(
        codes(&[
            "It angered Kyiv, Washington and Berlin.",
            "Ukraine, the US and Germany."
        ]),
        ["UA", "US", "DE"]
    );
}

#[test]
fn niger_nigeria_and_the_guineas() {
    assert_eq!(
        codes(&["Niger and Nigeria, and oil in the Niger Delta."]),
        ["NE", "NG"]
    );
    assert_eq!(
        codes(&["Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea."]),
        ["GN", "GW", "GQ", "PG"]
    );
    assert!(codes(&["Guinea pigs live on New Guinea, by the Gulf of Guinea."]).is_empty());
}

#[test]
fn the_two_congos() {
    assert_eq!(codes(&["Congo held elections."]), ["CD"]);
    assert_eq!(
        codes(&["The Republic of Congo is small.", "Congo exports oil."]),
        ["CG"]
    );
    assert_eq!(
        codes(&["The Democratic Republic of Congo and the DRC army; Congolese voters."]),
        ["CD"]
    );
}

#[test]
fn the_koreas() {
    assert_eq!(codes(&["North Korea and South Korea met."]), ["KP", "KR"]);
    assert_eq!(codes(&["Korea exports chips; Korean firms grew."]), ["KR"]);
    assert_eq!(
        codes(&["North Korea fired again.", "Korean state media said so."]),
        ["KP"]
    );
    assert!(codes(&["The Korean Peninsula and the Korean War."]).is_empty());
}

#[test]
fn ireland_and_northern_ireland() {
    assert_eq!(codes(&["Northern Irish and Irish voters."]), ["GB", "IE"]);
    assert_eq!(
        mentions("Ireland and Northern Ireland share the Irish Sea."),
        [
            ("IE".into(), "Ireland".into()),
            ("GB".into(), "Northern Ireland".into()),
        ]
    );
}

#[test]
fn towns_named_after_capitals_and_countries() {
    assert!(codes(&["She grew up in Paris, Texas, and Lebanon, Pa."]).is_empty());
    assert!(
        codes(&[
            "A fire in London, Ont., spread.",
            "London firefighters came."
        ])
        .is_empty()
    );
    assert_eq!(
        codes(&["Paris and London agreed, France and Britain said."]),
        ["FR", "GB"]
    );
    assert!(codes(&["New Mexico and New Jersey; the Gulf of Mexico."]).is_empty());
    assert_eq!(codes(&["Mexico City and Mexico."]), ["MX"]);
}

#[test]
fn demonyms_used_for_languages() {
    assert!(codes(&["She said it in French."]).is_empty());
    assert!(codes(&["He speaks Spanish and writes in Ukrainian and Russian."]).is_empty());
    assert!(codes(&["A French-speaking town taught the Polish language."]).is_empty());
    assert_eq!(codes(&["A rise in French exports."]), ["FR"]);
    assert_eq!(codes(&["The city fell in Russian hands."]), ["RU"]);
}

#[test]
fn names_of_other_things() {
    assert!(codes(&["The American Psychological Association and British Airways."]).is_empty());
    assert!(codes(&["She studied at the University of Ottawa in Jamaica Estates."]).is_empty());
    assert_eq!(
        codes(&["The Bank of Japan and the Canada West Foundation."]),
        ["JP", "CA"]
    );
    assert!(codes(&["Fans filled the Stade de France near Little Italy."]).is_empty());
    assert!(codes(&["The mayor called it un-American."]).is_empty());
    assert!(
        codes(&[
            "The festival returns to the city of Turkey.",
            "Turkey has 400 people."
        ])
        .is_empty()
    );
    assert!(
        codes(&["Fog closed Air Berlin and Real Madrid offices; Germany and Spain."])
            == ["DE", "ES"]
    );
    assert_eq!(codes(&["German Chancellor Friedrich Merz spoke."]), ["DE"]);
}

#[test]
fn idioms_are_not_countries() {
    assert!(codes(&["French fries, a German shepherd and Brussels sprouts."]).is_empty());
    assert!(codes(&["Native Americans and Latin America."]).is_empty());
}

#[test]
fn blocs() {
    let found = find(
        &Paragraph::bodies(&["Nato, NATO, the EU and the European Union met the UN."]),
        &[],
    );
    let summary: Vec<(&str, usize)> = found
        .iter()
        .map(|c| (c.code.as_str(), c.mentions.len()))
        .collect();
    assert_eq!(summary, [("NATO", 2), ("EU", 2)]);
    assert!(found.iter().all(|c| c.kind == CountryKind::Bloc));
}

#[test]
fn spans_are_byte_offsets_into_the_paragraph() {
    let story = Paragraph::bodies(&["À l’Élysée, la Côte d’Ivoire et São Tomé and Príncipe."]);
    for country in find(&story, &[]) {
        for m in country.mentions {
            assert_eq!(story[0].text[m.start..m.end], m.text);
        }
    }
    assert_eq!(
        mentions("À l’Élysée, la Côte d’Ivoire et São Tomé and Príncipe."),
        [
            ("FR".into(), "Élysée".into()),
            ("CI".into(), "Côte d’Ivoire".into()),
            ("ST".into(), "São Tomé and Príncipe".into()),
        ]
    );
}

#[test]
fn headlines_in_title_case() {
    let story = vec![Paragraph {
        index: 0,
        kind: ParagraphKind::Title,
        text: "Jordan Closes Border With Syria".into(),
    }];
    let codes: Vec<String> = find(&story, &[]).into_iter().map(|c| c.code).collect();
    assert_eq!(codes, ["JO", "SY"]);
}

#[test]
fn lookup_names_the_country_of_a_role() {
    let code = |phrase: &str| lookup(phrase).map(|p| p.code);
    assert_eq!(code("German"), Some("DE"));
    assert_eq!(code("Kremlin"), Some("RU"));
    assert_eq!(code("US"), Some("US"));
    assert_eq!(code("U.S."), Some("US"));
    assert_eq!(code("Ukrainian"), Some("UA"));
    assert_eq!(code("Polish Prime Minister"), Some("PL"));
    assert_eq!(code("EU"), Some("EU"));
    assert_eq!(code("the White House"), Some("US"));
    assert_eq!(code("us"), None);
    assert_eq!(code("European"), None);
    assert_eq!(code("Trump's son-in-law"), None);
    assert_eq!(code("Kremlin spokesman"), Some("RU"));
    assert_eq!(code("US envoy"), Some("US"));
    assert_eq!(code("Swedish Prime Minister"), Some("SE"));
    let eu = lookup("European Union").expect("EU");
    assert_eq!((eu.name, eu.kind), ("European Union", CountryKind::Bloc));
    assert_eq!(lookup("Britain").map(|p| p.name), Some("United Kingdom"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Words the rules look at, glued with spaces, punctuation and multi-byte text.
    fn story_text() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "US",
            "us",
            "U.S.",
            "Georgia",
            "Jordan",
            "Michael",
            "in",
            "French",
            "Paris",
            ",",
            " ",
            ".",
            "Texas",
            "of",
            "city",
            "Congo",
            "Korean",
            "Nato",
            "state",
            "Washington",
            "é",
            "’s",
            "—",
            "Ukrainian",
            "Kyiv",
            "and",
            "-",
            "\n",
            "Little",
            "de",
            "un-",
            "$",
        ]);
        prop::collection::vec(words, 0..40).prop_map(|w| w.concat())
    }

    proptest! {
        #[test]
        fn spans_are_always_slices_of_their_paragraph(
            texts in prop::collection::vec(story_text(), 1..4)
        ) {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let story = Paragraph::bodies(&texts);
            for country in find(&story, &[]) {
                prop_assert!(!country.mentions.is_empty());
                for m in country.mentions {
                    prop_assert_eq!(story[m.paragraph].text.get(m.start..m.end), Some(m.text.as_str()));
                }
            }
            for text in &texts {
                let _ = lookup(text);
            }
        }
    }
}

#[test]
fn a_hit_fits_the_gazetteer() {
    // A hit keeps its entry, place and length in 16 bits each.
    assert!(GAZETTEER.entries.len() <= usize::from(u16::MAX));
    assert!(GAZETTEER.places.len() <= usize::from(u16::MAX));
    let compiled = gazetteer::compile::compile().unwrap_or_else(|e| panic!("{e}"));
    let longest = compiled.patterns.iter().map(|(s, _)| s.len()).max();
    assert!(longest.is_some_and(|n| n <= usize::from(u16::MAX)));
    assert_eq!(std::mem::size_of::<Hit>(), 16);
}

#[test]
fn a_phrase_is_trimmed_as_str_trim_trims_it() {
    let phrases = [
        "Ukraine",
        " Ukraine ",
        "\u{b}Ukraine",
        "Ukraine\u{b}",
        "Ukraine\u{a0}",
        "\u{2003}US",
        "\u{1c}US",
        "U.S.",
        "",
        " ",
        "Élysée",
        "the Kremlin\n",
    ];
    for phrase in phrases {
        assert_eq!(super::trimmed(phrase), phrase.trim(), "{phrase:?}");
        assert_eq!(lookup(phrase), lookup(phrase.trim()), "{phrase:?}");
    }
}
