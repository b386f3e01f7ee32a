//! Properties of the annotator on any text: it returns, every span is a
//! slice of its paragraph on character boundaries, claims and mentions point
//! at paragraphs and speakers that exist, the JSON round-trips, and the text
//! and Markdown reports carry no control character.
//!
//! The texts mix news words with what breaks text tools: other scripts,
//! combining marks, emoji sequences, zero-width and bidi characters, control
//! characters, lone and runaway quote marks, very long words.
//! `PROPTEST_CASES=2000 cargo test --test annotate_properties` for a long run.

use proptest::prelude::*;
use whosaid::cli::{write_markdown, write_text};
use whosaid::invariants::check;
use whosaid::load::{Input, InputFormat, parse_bytes};
use whosaid::safe_text::is_unsafe;
use whosaid::{Document, annotate};

/// Words that wake every stage: names, titles, cues, countries, pronouns.
const WORDS: &[&str] = &[
    "said",
    "told",
    "reporters",
    "according",
    "to",
    "that",
    "he",
    "she",
    "they",
    "added",
    "President",
    "Minister",
    "Anna",
    "Berg",
    "Mayor",
    "von",
    "de",
    "Jr.",
    "A.",
    "official",
    "officials",
    "a",
    "the",
    "source",
    "familiar",
    "with",
    "matter",
    "US",
    "U.S.",
    "Britain",
    "Ukrainian",
    "Kyiv",
    "the Kremlin",
    "Nato",
    "EU",
    "Georgia",
    "Jordan",
    "turkey",
    "(Maria)",
    "in a statement",
    "on X",
    ":",
    "—",
    "-",
    ",",
    ".",
    "!",
    "?",
    ";",
    "’s",
    "'s",
    "said.",
    "says",
];

/// Characters that break naive text handling.
const ODD: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "「",
    "」",
    "e\u{301}",
    "\u{301}",
    "\u{301}\u{302}\u{303}",
    "👩\u{200d}👩\u{200d}👧",
    "🇺🇦",
    "👍🏽",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{feff}",
    "\u{202e}",
    "\u{202a}",
    "\u{2066}",
    "\u{2069}",
    "\u{200f}",
    "\u{1b}[31m",
    "\u{1b}]52;c;QUJD\u{7}",
    "\u{9b}",
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\r",
    "\u{85}",
    "\u{2028}",
    "\u{a0}",
    "\t",
    "Зеленський",
    "Πούτιν",
    "習近平",
    "مرحبا",
    "שלום",
    "हिन्दी",
    "ﷺ",
    "İ",
    "ß",
    "ǅ",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(WORDS).prop_map(str::to_string),
        4 => prop::sample::select(ODD).prop_map(str::to_string),
        2 => Just(" ".to_string()),
        1 => prop::sample::select(&["\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n"][..]).prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
        1 => (prop::sample::select(&["\"", "“", "”", "'", "«"][..]), 1usize..3000)
            .prop_map(|(q, n)| q.repeat(n)),
        1 => (prop::sample::select(&["a", "É", "語", "\u{301}", "-"][..]), 500usize..8000)
            .prop_map(|(c, n)| c.repeat(n)),
    ]
}

fn story() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..80).prop_map(|parts| {
        // Words apart, mostly, as in prose.
        let mut text = String::new();
        for (i, part) in parts.iter().enumerate() {
            if i % 3 != 2 {
                text.push(' ');
            }
            text.push_str(part);
        }
        text
    })
}

fn documents(text: &str, format: InputFormat) -> Vec<Document> {
    let opened = parse_bytes("prop", text.as_bytes().to_vec(), Some(format))
        .expect("text without NUL bytes always loads");
    opened
        .inputs
        .into_iter()
        .map(|input| match input {
            Input::Article(article) => annotate(&article),
            Input::Annotated(doc) => *doc,
        })
        .collect()
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_text_annotates_into_a_valid_document(
        text in story(),
        format in prop::sample::select(&[InputFormat::Plain, InputFormat::Markdown, InputFormat::Html][..]),
    ) {
        let text = text.replace('\0', "\u{fffd}");
        for doc in documents(&text, format) {
            if let Err(broken) = check(&doc) {
                prop_assert!(false, "{broken}");
            }
            let json = serde_json::to_string(&doc).unwrap();
            let back: Document = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &doc);
            let mut out = Vec::new();
            write_text(&mut out, &doc).unwrap();
            write_markdown(&mut out, &doc).unwrap();
            let out = String::from_utf8(out).unwrap();
            prop_assert!(!out.chars().any(is_unsafe), "a control character in the reports");
        }
    }
}

/// The extremes the generator only reaches by chance, every run.
#[test]
fn pathological_texts_annotate_into_valid_documents() {
    let texts = [
        "\"".repeat(5000),
        "“".repeat(3000) + " said the official",
        "said ".repeat(2000),
        format!("{} said Anna Berg.", "x".repeat(50_000)),
        "\u{301}".repeat(10_000),
        "\u{202e}\"Hello,\" said \u{2066}Mayor Anna Berg\u{2069}.\u{202c}".to_string(),
        "'".repeat(999) + "\n\n" + &"\"".repeat(999),
        "Anna von".to_string(),
    ];
    for text in &texts {
        for doc in documents(text, InputFormat::Plain) {
            if let Err(broken) = check(&doc) {
                panic!(
                    "{broken} in a text starting {:?}",
                    &text.chars().take(20).collect::<String>()
                );
            }
        }
    }
}
