//! A small annotated story written for the tests, built by hand so the
//! reader can be tested without the annotator. Every span is found by its
//! text, so the offsets cannot drift from the sentences.

use crate::model::{
    Claim, ClaimKind, Country, CountryKind, Document, Meta, Paragraph, ParagraphKind, SCHEMA, Span,
    Speaker, SpeakerKind, Summary,
};

pub const PARAGRAPHS: &[&str] = &[
    "Harbour deal reached",
    "Mayor Ana Ruiz said the harbour would reopen in May after two years of repairs.",
    "Reactions",
    "\"We are ready,\" said a port official who asked not to be named. Spain and Portugal welcomed the plan.",
    "Ruiz told reporters the deal was \"a fair compromise\" for Portugal.",
    "The European Union did not comment. Fishermen said they feared higher fees.",
    "Local resident Tomas Berg watched the first boats from the quay.",
];

/// Paragraphs of filler after the story, for scrolling.
pub const FILLER: usize = 14;

/// The span of the `nth` occurrence of `needle` in paragraph `p`.
pub fn span(texts: &[String], p: usize, needle: &str) -> Span {
    let start = texts[p]
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in paragraph {p}"));
    Span {
        paragraph: p,
        start,
        end: start + needle.len(),
        text: needle.into(),
    }
}

pub fn document() -> Document {
    let mut texts: Vec<String> = PARAGRAPHS.iter().map(|s| s.to_string()).collect();
    for n in 1..=FILLER {
        texts.push(format!(
            "Filler paragraph {n} talks about tides, nets and the weather at some length, so that it wraps over several lines."
        ));
    }
    let paragraphs = texts
        .iter()
        .enumerate()
        .map(|(index, text)| Paragraph {
            index: index as u32,
            kind: match index {
                0 => ParagraphKind::Title,
                2 => ParagraphKind::Heading,
                _ => ParagraphKind::Body,
            },
            text: text.as_str().into(),
        })
        .collect();
    let s = |p, needle| span(&texts, p, needle);
    let speaker =
        |id: &str, name: &str, kind, role: Option<&str>, country: Option<&str>, mentions| Speaker {
            id: id.into(),
            name: name.into(),
            kind,
            role: role.map(Into::into),
            country: country.map(Into::into),
            aliases: Vec::new(),
            mentions,
        };
    let claim = |id: &str, who: &str, kind, text: Span, source: Span, cue: Span| Claim {
        id: id.into(),
        speaker: Some(who.into()),
        kind,
        paragraph: text.paragraph,
        start: text.start,
        end: text.end,
        text: text.text.clone(),
        parts: vec![text],
        source: Some(source),
        cue: Some(cue),
        channel: None,
    };
    let country = |code: &str, name: &str, kind, mentions| Country {
        code: code.into(),
        name: name.into(),
        kind,
        mentions,
    };
    Document {
        schema: SCHEMA.to_string(),
        meta: Meta {
            id: None,
            date: Some("2024-05-02".into()),
            dateline: vec!["PORTO".into()],
            title: Some(PARAGRAPHS[0].into()),
            source: Some("harbour.txt".into()),
            ..Meta::default()
        },
        paragraphs,
        speakers: vec![
            speaker(
                "s1",
                "Ana Ruiz",
                SpeakerKind::Person,
                Some("Mayor"),
                Some("PT"),
                vec![s(1, "Ana Ruiz"), s(4, "Ruiz")],
            ),
            speaker(
                "s2",
                "a port official who asked not to be named",
                SpeakerKind::Anonymous,
                None,
                None,
                vec![s(3, "a port official who asked not to be named")],
            ),
            speaker(
                "s3",
                "Fishermen",
                SpeakerKind::Group,
                None,
                None,
                vec![s(5, "Fishermen")],
            ),
            speaker(
                "s4",
                "Tomas Berg",
                SpeakerKind::Person,
                Some("Local resident"),
                None,
                vec![s(6, "Tomas Berg")],
            ),
        ],
        claims: vec![
            claim(
                "c1",
                "s1",
                ClaimKind::Indirect,
                s(
                    1,
                    "the harbour would reopen in May after two years of repairs",
                ),
                s(1, "Ana Ruiz"),
                s(1, "said"),
            ),
            claim(
                "c2",
                "s2",
                ClaimKind::Direct,
                s(3, "We are ready,"),
                s(3, "a port official who asked not to be named"),
                s(3, "said"),
            ),
            claim(
                "c3",
                "s1",
                ClaimKind::Partial,
                s(4, "a fair compromise"),
                s(4, "Ruiz"),
                s(4, "told reporters"),
            ),
            claim(
                "c4",
                "s3",
                ClaimKind::Indirect,
                s(5, "they feared higher fees"),
                s(5, "Fishermen"),
                s(5, "said"),
            ),
        ],
        countries: vec![
            country("ES", "Spain", CountryKind::Country, vec![s(3, "Spain")]),
            country(
                "PT",
                "Portugal",
                CountryKind::Country,
                vec![s(3, "Portugal"), s(4, "Portugal")],
            ),
            country(
                "EU",
                "European Union",
                CountryKind::Bloc,
                vec![s(5, "European Union")],
            ),
        ],
        summary: Summary {
            claims: 4,
            anonymous_claims: 1,
            anonymous_share: 0.25,
            sources: 3,
            named_sources: 1,
            anonymous_sources: 1,
            source_countries: Vec::new(),
        },
    }
}

/// A document with the given paragraphs and no annotations.
pub fn plain(texts: &[&str]) -> Document {
    Document {
        schema: SCHEMA.to_string(),
        meta: Meta::default(),
        paragraphs: Paragraph::bodies(texts),
        speakers: Vec::new(),
        claims: Vec::new(),
        countries: Vec::new(),
        summary: Summary::default(),
    }
}

/// The fixture story under another title and date (so another content key).
pub fn variant(title: &str, date: Option<&str>) -> Document {
    let mut doc = document();
    doc.meta.title = Some(title.into());
    doc.meta.date = date.map(Into::into);
    doc.paragraphs[0].text = title.into();
    doc
}

/// A story quoting nobody, mentioning no country.
pub fn quiet(title: &str, date: &str) -> Document {
    let mut doc = plain(&[title, "Nothing was said."]);
    doc.meta.title = Some(title.into());
    doc.meta.date = Some(date.into());
    doc
}

/// A small library: three tellings of the harbour story and a quiet one.
pub fn library() -> Vec<Document> {
    vec![
        variant("Harbour deal reached", Some("2024-05-02")),
        quiet("A quiet day", "2024-06-01"),
        variant("Boats return", Some("2024-04-01")),
        variant("Undated notes", None),
    ]
}
