//! The bundled story, annotated: every person, source, quote and reported
//! claim the story holds, with the right speaker.

use whosaid::model::{ClaimKind, Document, ParagraphKind, Speaker, SpeakerKind};

fn story() -> Document {
    whosaid::annotate(&whosaid::load::bundled())
}

fn speaker<'a>(doc: &'a Document, name: &str) -> &'a Speaker {
    let found: Vec<&Speaker> = doc.speakers.iter().filter(|s| s.name == name).collect();
    assert_eq!(found.len(), 1, "{name} listed {} times", found.len());
    found[0]
}

/// The speaker of the claim whose parts hold `text`, and the claim's kind.
fn who_said(doc: &Document, text: &str) -> (String, ClaimKind) {
    let claim = doc
        .claims
        .iter()
        .find(|c| c.text.contains(text))
        .unwrap_or_else(|| panic!("no claim holds {text:?}"));
    let name = claim
        .speaker
        .as_deref()
        .and_then(|id| doc.speaker(id))
        .map_or_else(|| "(nobody)".to_string(), |s| s.name.clone());
    (name, claim.kind)
}

#[test]
fn meta_and_layout() {
    let doc = story();
    assert_eq!(doc.schema, "whosaid/1");
    assert_eq!(doc.meta.date.as_deref(), Some("2025-12-16"));
    assert_eq!(doc.meta.dateline, ["BERLIN", "KYIV", "WASHINGTON"]);
    assert_eq!(doc.meta.id.as_deref(), Some("726748"));
    let headings: Vec<&str> = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Heading)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        headings,
        ["Territorial concessions", "Nato-style guarantees"]
    );
    assert_eq!(doc.paragraphs.len(), 29);
    assert!(
        doc.paragraphs[0]
            .text
            .starts_with("The United States has offered")
    );
    assert!(
        doc.paragraphs[28]
            .text
            .ends_with("after the negotiations in Berlin.")
    );
}

#[test]
fn nine_people_each_once_with_role_and_country() {
    let doc = story();
    let mut people: Vec<&str> = doc
        .speakers
        .iter()
        .filter(|s| s.kind == SpeakerKind::Person)
        .map(|s| s.name.as_str())
        .collect();
    people.sort_unstable();
    assert_eq!(
        people,
        [
            "Dmitry Peskov",
            "Donald Trump",
            "Donald Tusk",
            "Friedrich Merz",
            "Jared Kushner",
            "Steve Witkoff",
            "Ulf Kristersson",
            "Vladimir Putin",
            "Volodymyr Zelenskiy",
        ]
    );
    for (name, role, country) in [
        ("Donald Trump", Some("US President"), Some("US")),
        (
            "Volodymyr Zelenskiy",
            Some("Ukrainian President"),
            Some("UA"),
        ),
        ("Friedrich Merz", Some("German Chancellor"), Some("DE")),
        ("Donald Tusk", Some("Polish Prime Minister"), Some("PL")),
        (
            "Ulf Kristersson",
            Some("Swedish Prime Minister"),
            Some("SE"),
        ),
        ("Dmitry Peskov", Some("Kremlin spokesman"), Some("RU")),
        ("Vladimir Putin", Some("President"), Some("RU")),
        ("Steve Witkoff", Some("US envoy"), Some("US")),
        ("Jared Kushner", Some("Trump's son-in-law"), None),
    ] {
        let person = speaker(&doc, name);
        assert_eq!(person.role.as_deref(), role, "{name}'s role");
        assert_eq!(person.country.as_deref(), country, "{name}'s country");
    }
}

#[test]
fn who_speaks_and_who_is_only_mentioned() {
    let doc = story();
    for name in [
        "Donald Trump",
        "Volodymyr Zelenskiy",
        "Friedrich Merz",
        "Donald Tusk",
        "Ulf Kristersson",
        "Dmitry Peskov",
    ] {
        let id = &speaker(&doc, name).id;
        assert!(doc.claims_of(id).next().is_some(), "{name} has no claim");
    }
    for name in ["Vladimir Putin", "Steve Witkoff", "Jared Kushner"] {
        let id = &speaker(&doc, name).id;
        assert!(
            doc.claims_of(id).next().is_none(),
            "{name} should not speak"
        );
    }
}

#[test]
fn later_mentions_merge_into_one_person() {
    let doc = story();
    let mentions = |name: &str| -> Vec<String> {
        speaker(&doc, name)
            .mentions
            .iter()
            .map(|m| m.text.to_string())
            .collect()
    };
    let trump = mentions("Donald Trump");
    assert!(trump.contains(&"Trump's".to_string()), "{trump:?}");
    assert!(
        trump.iter().filter(|m| m.as_str() == "Trump").count() >= 4,
        "{trump:?}"
    );
    let putin = mentions("Vladimir Putin");
    assert_eq!(putin, ["(Vladimir) Putin", "Putin"]);
    assert!(
        speaker(&doc, "Volodymyr Zelenskiy")
            .aliases
            .contains(&"Zelenskiy".to_string())
    );
    // Donald Trump and Donald Tusk share a first name, not an identity.
    assert_ne!(
        speaker(&doc, "Donald Trump").id,
        speaker(&doc, "Donald Tusk").id
    );
}

#[test]
fn unnamed_sources_are_kept_as_written() {
    let doc = story();
    for name in [
        "US officials",
        "an official familiar with the matter",
        "A European source briefed on the latest talks",
        "A US official",
        "Another US official",
        "One official",
        "one of the US officials",
    ] {
        assert_eq!(speaker(&doc, name).kind, SpeakerKind::Anonymous, "{name}");
    }
    assert_eq!(speaker(&doc, "Ukraine").kind, SpeakerKind::Organization);
    let statement = doc
        .speakers
        .iter()
        .find(|s| {
            s.name
                .starts_with("A joint statement by leaders of several European countries")
        })
        .expect("the joint statement is a source");
    assert_eq!(statement.kind, SpeakerKind::Document);
}

#[test]
fn all_ten_direct_quotes_with_their_speakers() {
    let doc = story();
    for (quote, speaker) in [
        ("We're trying to get it done", "Donald Trump"),
        (
            "We had numerous conversations with President",
            "Donald Trump",
        ),
        (
            "the possibility of a ceasefire is conceivable",
            "Friedrich Merz",
        ),
        ("Today I had the feeling for the first time", "Donald Tusk"),
        ("For the first time I heard from the mouths", "Donald Tusk"),
        ("But many difficult questions remain", "Ulf Kristersson"),
        (
            "I think America will apply sanctions pressure",
            "Volodymyr Zelenskiy",
        ),
        ("we've got multiple different solutions", "US officials"),
        (
            "The atmosphere is good but the goals remain",
            "A European source briefed on the latest talks",
        ),
        (
            "Are we prepared to go to Russia if needed? Absolutely",
            "one of the US officials",
        ),
    ] {
        assert_eq!(
            who_said(&doc, quote),
            (speaker.to_string(), ClaimKind::Direct),
            "{quote}"
        );
    }
}

#[test]
fn the_four_partial_quotes_with_their_speakers() {
    let doc = story();
    for (quote, speaker) in [
        ("clearer and more credible", "Ulf Kristersson"),
        ("painful", "Volodymyr Zelenskiy"),
        ("de jure or de facto", "Volodymyr Zelenskiy"),
        (
            "strong convergence",
            "A joint statement by leaders of several European countries including Germany, France and Britain",
        ),
    ] {
        let claim = doc
            .claims
            .iter()
            .find(|c| c.kind == ClaimKind::Partial && c.text == quote)
            .unwrap_or_else(|| panic!("no partial quote {quote:?}"));
        let name = claim
            .speaker
            .as_deref()
            .and_then(|id| doc.speaker(id))
            .map(|s| s.name.as_str());
        assert_eq!(name, Some(speaker), "{quote}");
        // A partial quote lies inside the reported claim it belongs to, when there is one.
        if quote != "painful" {
            assert!(
                doc.claims.iter().any(|c| c.kind == ClaimKind::Indirect
                    && c.paragraph == claim.paragraph
                    && c.start <= claim.start
                    && claim.end <= c.end),
                "{quote} is not inside reported speech"
            );
        }
    }
}

#[test]
fn reported_speech_with_its_source() {
    let doc = story();
    for (content, speaker, source) in [
        (
            "Envoys sent by US President Donald Trump made the unprecedented offer",
            "US officials",
            "US officials",
        ),
        (
            "such a deal would not be on the table forever",
            "US officials",
            "US officials",
        ),
        (
            "the issue of security guarantees had become",
            "Ulf Kristersson",
            "Swedish Prime Minister Ulf Kristersson",
        ),
        (
            "he would ask the US to hit Russia with sanctions",
            "Volodymyr Zelenskiy",
            "Zelenskiy",
        ),
        (
            "Kyiv supports the idea of a ceasefire",
            "Volodymyr Zelenskiy",
            "he",
        ),
        (
            "The US is leaning on Ukraine to withdraw its forces",
            "an official familiar with the matter",
            "an official familiar with the matter",
        ),
        (
            "Ukraine will not recognise Donbas as Russian",
            "Volodymyr Zelenskiy",
            "Zelenskiy",
        ),
        (
            "they had secured agreement on 90 per cent of the issues",
            "US officials",
            "US officials",
        ),
        (
            "it would not cede territory to Russia",
            "Ukraine",
            "Ukraine",
        ),
        (
            "Russia had not yet budged on its territorial demands",
            "A European source briefed on the latest talks",
            "A European source briefed on the latest talks",
        ),
        (
            "Ukraine would receive security guarantees similar to those",
            "A US official",
            "A US official",
        ),
        (
            "Russia was open to Ukraine joining the European Union and that Trump wanted",
            "Another US official",
            "Another US official",
        ),
        (
            "were the major focus of Monday's talks and that an Article 5-like guarantee",
            "One official",
            "One official",
        ),
        (
            "a document on the security guarantees being discussed is detailed",
            "Volodymyr Zelenskiy",
            "Zelenskiy",
        ),
        ("it still needs work", "Volodymyr Zelenskiy", "he"),
        (
            "Working groups are expected to meet in the US",
            "one of the US officials",
            "one of the US officials",
        ),
        (
            "it was willing to drop its ambition to join Nato",
            "Ukraine",
            "Ukraine",
        ),
        (
            "Russia's demand that Ukraine not join Nato was a fundamental question",
            "Dmitry Peskov",
            "Kremlin spokesman Dmitry Peskov",
        ),
        (
            "Russia expected an update from the US",
            "Dmitry Peskov",
            "He",
        ),
    ] {
        let claim = doc
            .claims
            .iter()
            .find(|c| c.kind == ClaimKind::Indirect && c.text.contains(content))
            .unwrap_or_else(|| panic!("no reported claim {content:?}"));
        let name = claim
            .speaker
            .as_deref()
            .and_then(|id| doc.speaker(id))
            .map(|s| s.name.as_str());
        assert_eq!(name, Some(speaker), "{content}");
        assert_eq!(
            claim.source.as_ref().map(|s| s.text.as_str()),
            Some(source),
            "{content}"
        );
    }
}

#[test]
fn later_references_resolve_to_the_right_source() {
    let doc = story();
    let source_of = |quote: &str| {
        doc.claims
            .iter()
            .find(|c| c.text.contains(quote))
            .and_then(|c| c.source.as_ref())
            .map(|s| s.text.clone())
    };
    assert_eq!(
        source_of("The atmosphere is good").as_deref(),
        Some("the source")
    );
    assert_eq!(
        source_of("Are we prepared to go to Russia").as_deref(),
        Some("the US official")
    );
    assert_eq!(
        source_of("we've got multiple different solutions").as_deref(),
        Some("one")
    );
}

#[test]
fn claims_carry_cue_and_channel() {
    let doc = story();
    let claim = |text: &str| {
        doc.claims
            .iter()
            .find(|c| c.text.contains(text))
            .expect(text)
    };
    let channel = |text: &str| claim(text).channel.clone();
    assert_eq!(
        channel("possibility of a ceasefire is conceivable").as_deref(),
        Some("in a post on X")
    );
    assert_eq!(
        channel("I think America will apply").as_deref(),
        Some("in a WhatsApp chat")
    );
    assert_eq!(
        channel("they had secured agreement").as_deref(),
        Some("by conference call")
    );
    assert_eq!(
        channel("But many difficult questions remain").as_deref(),
        Some("in a statement")
    );
    assert_eq!(
        channel("Today I had the feeling").as_deref(),
        Some("on his plane")
    );
    let cue = |text: &str| claim(text).cue.as_ref().map(|c| c.text.clone());
    assert_eq!(
        cue("Today I had the feeling").as_deref(),
        Some("told reporters")
    );
    assert_eq!(cue("it still needs work").as_deref(), Some("added"));
    assert_eq!(
        cue("Ukraine will not recognise Donbas").as_deref(),
        Some("reiterated")
    );
}

#[test]
fn every_span_is_its_slice() {
    let doc = story();
    let check = |paragraph: usize, start: usize, end: usize, text: &str| {
        let source = &doc.paragraphs[paragraph].text;
        assert_eq!(
            source.get(start..end),
            Some(text),
            "paragraph {paragraph} {start}..{end}"
        );
    };
    for speaker in &doc.speakers {
        for m in &speaker.mentions {
            check(m.paragraph, m.start, m.end, &m.text);
        }
    }
    for claim in &doc.claims {
        check(claim.paragraph, claim.start, claim.end, &claim.text);
        for span in claim.parts.iter().chain(&claim.source).chain(&claim.cue) {
            check(span.paragraph, span.start, span.end, &span.text);
        }
    }
    for country in &doc.countries {
        for m in &country.mentions {
            check(m.paragraph, m.start, m.end, &m.text);
        }
    }
}

#[test]
fn json_round_trips() {
    let doc = story();
    let json = serde_json::to_string(&doc).unwrap();
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn summary_counts_the_sourcing() {
    let doc = story();
    let summary = &doc.summary;
    assert_eq!(summary.claims, doc.claims.len());
    let anonymous = doc
        .claims
        .iter()
        .filter(|c| {
            c.speaker
                .as_deref()
                .and_then(|id| doc.speaker(id))
                .is_some_and(|s| s.kind == SpeakerKind::Anonymous)
        })
        .count();
    assert_eq!(summary.anonymous_claims, anonymous);
    assert_eq!(summary.named_sources, 6);
    assert_eq!(summary.anonymous_sources, 7);
    assert!(summary.source_countries.iter().any(|c| c.code == "UA"));
}

/// The compact annotation streams the same JSON as the document built from
/// it. (Moved from the core's unit tests: it reads stories through the
/// app's loaders.)
#[test]
fn its_compact_json_is_the_documents() {
    use whosaid::annotate::annotate_compact;
    use whosaid::load::{bundled, plain};
    for article in [
        bundled(),
        plain::parse("“A,” she said. “B and C.”\n\nThe mayor said the bridge would close."),
        plain::parse(""),
    ] {
        let annotation = annotate_compact(article);
        let streamed = serde_json::to_string(&annotation).unwrap();
        let built = serde_json::to_string(&annotation.into_document()).unwrap();
        assert_eq!(streamed, built);
    }
}
