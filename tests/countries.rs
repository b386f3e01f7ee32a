//! Countries and blocs of the bundled story: the whole list, and each paragraph's.

use std::collections::BTreeSet;

use whosaid::model::{CountryKind, Document};

fn bundled() -> Document {
    whosaid::annotate(&whosaid::load::bundled())
}

fn codes_of_kind(doc: &Document, kind: CountryKind) -> BTreeSet<&str> {
    doc.countries
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.code.as_str())
        .collect()
}

/// Codes of one kind mentioned in one paragraph.
fn in_paragraph(doc: &Document, paragraph: usize, kind: CountryKind) -> BTreeSet<&str> {
    doc.countries
        .iter()
        .filter(|c| c.kind == kind && c.mentions.iter().any(|m| m.paragraph == paragraph))
        .map(|c| c.code.as_str())
        .collect()
}

fn set<'a>(codes: &[&'a str]) -> BTreeSet<&'a str> {
    codes.iter().copied().collect()
}

#[test]
fn the_story_names_exactly_its_countries_and_blocs() {
    let doc = bundled();
    assert_eq!(
        codes_of_kind(&doc, CountryKind::Country),
        set(&["US", "UA", "RU", "DE", "PL", "SE", "FR", "GB"])
    );
    assert_eq!(codes_of_kind(&doc, CountryKind::Bloc), set(&["EU", "NATO"]));
    let names: Vec<(&str, &str)> = doc
        .countries
        .iter()
        .map(|c| (c.code.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(
        &names[..3],
        [("US", "United States"), ("NATO", "NATO"), ("UA", "Ukraine")],
        "order of first mention"
    );
}

#[test]
fn each_paragraph_has_exactly_its_countries() {
    let doc = bundled();
    let expected: [&[&str]; 29] = [
        &["US", "UA", "RU"],
        &["US", "UA", "DE"],
        &["DE", "RU"],
        &["US", "DE", "RU"],
        &["UA"],
        &["DE"],
        &["PL", "DE", "US", "UA", "RU"],
        &["SE", "RU", "DE"],
        &[],
        &["US", "RU", "UA"],
        // "give us more weapons": "us" is not the US; "America" is.
        &["US"],
        &["UA"],
        &["US", "UA"],
        &["UA", "RU"],
        &["US"],
        &["UA", "RU"],
        &["RU"],
        &[],
        &["DE", "US"],
        &["UA", "RU"],
        &["US", "DE", "UA"],
        &["US", "RU", "UA"],
        &["RU"],
        &[],
        &["US", "RU"],
        &["DE", "FR", "GB", "US"],
        &["UA"],
        &["UA", "DE", "RU"],
        &["RU", "UA", "US", "DE"],
    ];
    assert_eq!(doc.paragraphs.len(), expected.len());
    for (index, codes) in expected.iter().enumerate() {
        assert_eq!(
            in_paragraph(&doc, index, CountryKind::Country),
            set(codes),
            "paragraph {index}: {}",
            doc.paragraphs[index].text
        );
    }
}

#[test]
fn blocs_are_where_the_story_names_them() {
    let doc = bundled();
    let with_blocs: Vec<(usize, BTreeSet<&str>)> = (0..doc.paragraphs.len())
        .map(|i| (i, in_paragraph(&doc, i, CountryKind::Bloc)))
        .filter(|(_, blocs)| !blocs.is_empty())
        .collect();
    assert_eq!(
        with_blocs,
        [
            (0, set(&["NATO"])),
            (17, set(&["NATO"])),
            (20, set(&["NATO"])),
            (21, set(&["EU"])),
            (26, set(&["EU"])),
            (27, set(&["NATO"])),
            (28, set(&["NATO"])),
        ]
    );
}

#[test]
fn every_mention_is_its_slice_of_the_paragraph() {
    let doc = bundled();
    for country in &doc.countries {
        for m in &country.mentions {
            let paragraph = &doc.paragraphs[m.paragraph];
            assert_eq!(paragraph.index as usize, m.paragraph);
            assert_eq!(paragraph.text.get(m.start..m.end), Some(m.text.as_str()));
        }
    }
}

#[test]
fn the_words_that_are_not_countries_stay_untagged() {
    let doc = bundled();
    let texts: BTreeSet<&str> = doc
        .countries
        .iter()
        .flat_map(|c| c.mentions.iter().map(|m| m.text.as_str()))
        .collect();
    for word in ["us", "European", "Europe", "Western", "X", "Miami"] {
        assert!(!texts.contains(word), "{word} tagged");
    }
    for word in [
        "Kyiv",
        "Moscow",
        "White House",
        "Kremlin",
        "Donbas",
        "Donetsk",
        "Nato",
    ] {
        assert!(texts.contains(word), "{word} missing");
    }
}

fn story_codes(text: &str) -> BTreeSet<String> {
    whosaid::annotate(&whosaid::load::plain::parse(text))
        .countries
        .iter()
        .map(|c| c.code.to_string())
        .collect()
}

#[test]
fn counted_people_name_their_country() {
    assert_eq!(
        story_codes("The port reopened.\n\nThousands of Kenyans marched to the harbour on Monday."),
        BTreeSet::from(["KE".to_string()])
    );
    assert_eq!(
        story_codes("The port reopened.\n\nTwo Britons were among the pilots."),
        BTreeSet::from(["GB".to_string()])
    );
    // Uncounted, the people noun alone does not make the story about the country.
    assert!(story_codes("The port reopened.\n\nThe rules matter to many Canadians.").is_empty());
    // "Indians" in an American story can be another group.
    assert_eq!(
        story_codes(
            "The port reopened.\n\nThousands of Indians in Oklahoma voted for the US senator."
        ),
        BTreeSet::from(["US".to_string()])
    );
}

#[test]
fn languages_after_a_verb_of_speaking_and_a_modifier_are_not_countries() {
    assert!(
        story_codes("The port reopened.\n\nThe pilot spoke only Greek and some Dutch.").is_empty()
    );
    assert!(
        story_codes("The port reopened.\n\nShe speaks fluent French, Italian and German.")
            .is_empty()
    );
}

#[test]
fn a_list_of_places_is_no_town_and_its_state() {
    assert_eq!(
        story_codes(
            "The port reopened.\n\nDelegates came from Idaho and Samoa, Maine, Utah and Guam."
        ),
        BTreeSet::from(["GU".to_string(), "WS".to_string()])
    );
    // A town and its state, then another: still towns.
    assert!(
        story_codes(
            "The port reopened.\n\nPolice in Peru, Indiana, and Lima, Ohio, shut the road."
        )
        .is_empty()
    );
}

#[test]
fn a_town_named_after_a_country_leaves_the_country_its_own_mentions() {
    // The town's own mention does not count; the country named plainly elsewhere does.
    assert_eq!(
        story_codes(
            "Fair news\n\nThe town was twinned with a village in Mexico.\n\nOfficials in Mexico, Missouri, cut the ribbon at the Orrick fair."
        ),
        BTreeSet::from(["MX".to_string()])
    );
    assert_eq!(
        story_codes(
            "Fair news\n\nThe ambassador of Peru opened the Brannock fair.\n\nShe then toured Peru, Indiana, by bus."
        ),
        BTreeSet::from(["PE".to_string()])
    );
    // A bare repeat of the town's name is the town again, unless the country is vouched for.
    assert!(
        story_codes(
            "Fair news\n\nOfficials in Mexico, Missouri, cut the ribbon.\n\nMexico's mayor, Dana Orrick, smiled."
        )
        .is_empty()
    );
    assert_eq!(
        story_codes(
            "Fair news\n\nOfficials in Mexico, Missouri, cut the ribbon.\n\nMexico's mayor hired a Mexican band."
        ),
        BTreeSet::from(["MX".to_string()])
    );
    // A story about the town ("the city of Turkey") keeps even "to Turkey" for it.
    assert!(
        story_codes(
            "Fair news\n\nThe city of Turkey held its rodeo.\n\nRiders came to Turkey from three counties."
        )
        .is_empty()
    );
}

#[test]
fn eateries_breeds_dishes_and_brands_are_not_countries() {
    for text in [
        "Workers at the Canada Dry bottling plant in Dunmere voted.",
        "She ate at Tollridge Thai Kitchen, then at the Spanish Galleon pub.",
        "He walked an Irish Setter past a German shepherd and a Welsh terrier.",
        "They shared a Thai curry and Vietnamese coffee at the fair.",
    ] {
        let story = format!("Town news\n\n{text}");
        assert!(story_codes(&story).is_empty(), "{text}");
    }
    // A country's crop or trade stays the country's.
    assert_eq!(
        story_codes("Town news\n\nVietnamese coffee exports rose in Dunmere's port."),
        BTreeSet::from(["VN".to_string()])
    );
}

#[test]
fn a_little_of_a_language_in_a_list_is_not_a_country() {
    assert!(
        story_codes("Town news\n\nThe pilot spoke only Portuguese and a little Hungarian.")
            .is_empty()
    );
    assert!(
        story_codes("Town news\n\nThe pilot spoke Portuguese, some Hungarian and broken Greek.")
            .is_empty()
    );
    assert!(story_codes("Town news\n\nThe cook speaks a little Hungarian.").is_empty());
    // Before a noun the demonym is the country's again.
    assert_eq!(
        story_codes("Town news\n\nThe pilot spoke Portuguese, some Hungarian officials said."),
        BTreeSet::from(["HU".to_string()])
    );
}

#[test]
fn people_opening_a_sentence_name_their_country() {
    assert_eq!(
        story_codes("The port reopened.\n\nMany Ukrainians have settled in Brannock since spring."),
        BTreeSet::from(["UA".to_string()])
    );
    assert_eq!(
        story_codes("The port reopened.\n\nFilipinos working on the cruise ships came ashore."),
        BTreeSet::from(["PH".to_string()])
    );
    // Inside the sentence a vague quantifier still does not count.
    assert!(
        story_codes("The port reopened.\n\nThe rules of Brannock matter to many Ukrainians.")
            .is_empty()
    );
    // Nor does a compound such as "African-Americans", or "Indians" in an American story.
    assert!(
        story_codes("The port reopened.\n\nAfrican-Americans in Brannock voted early.").is_empty()
    );
    assert_eq!(
        story_codes("The port reopened.\n\nIndians in Oklahoma voted for the US senator."),
        BTreeSet::from(["US".to_string()])
    );
}
