//! `--format csv` and `--format markdown`, through the real binary, on a
//! document built by hand (read back as an already annotated input, so the
//! test does not depend on what the annotator finds).

mod common;

use whosaid::model::{
    Claim, ClaimKind, Country, CountryKind, Document, Meta, Paragraph, ParagraphKind, SCHEMA, Span,
    Speaker, SpeakerKind, Summary,
};

fn span(paragraph: usize, text: &str, within: &str) -> Span {
    let start = within.find(text).expect("the span is in its paragraph");
    Span {
        paragraph,
        start,
        end: start + text.len(),
        text: text.into(),
    }
}

/// A two-paragraph story with a named and an anonymous source, one claim
/// with no source, and article text that tries to break each format.
fn document() -> Document {
    let p0 = "\"The dam is safe, \"for now\",\" said engineer Lena Dahl, in a statement.";
    let p1 = "An official said the\nreport was \u{1b}[31mlate\u{1b}[0m, and *nobody* <b>cared</b>.";
    let paragraphs = vec![
        Paragraph {
            index: 0,
            kind: ParagraphKind::Body,
            text: p0.into(),
        },
        Paragraph {
            index: 1,
            kind: ParagraphKind::Body,
            text: p1.into(),
        },
    ];
    let quote = "The dam is safe, \"for now\",";
    let reported = "the\nreport was \u{1b}[31mlate\u{1b}[0m, and *nobody* <b>cared</b>";
    let claim =
        |id: &str, speaker: Option<&str>, kind, paragraph: usize, text: &str, within: &str| {
            let at = span(paragraph, text, within);
            Claim {
                id: id.to_string(),
                speaker: speaker.map(str::to_string),
                kind,
                paragraph,
                start: at.start,
                end: at.end,
                text: text.into(),
                parts: vec![at.clone()],
                source: None,
                cue: None,
                channel: None,
            }
        };
    let mut c1 = claim("c1", Some("s1"), ClaimKind::Direct, 0, quote, p0);
    c1.source = Some(span(0, "engineer Lena Dahl", p0));
    c1.cue = Some(span(0, "said", p0));
    c1.channel = Some("in a statement".to_string());
    let mut c2 = claim("c2", Some("s2"), ClaimKind::Indirect, 1, reported, p1);
    c2.cue = Some(span(1, "said", p1));
    let c3 = claim("c3", None, ClaimKind::Partial, 0, "for now", p0);
    Document {
        schema: SCHEMA.to_string(),
        meta: Meta {
            id: Some("dam-7".to_string()),
            date: Some("2032-08-01".to_string()),
            dateline: vec!["FJELLBY".to_string()],
            title: Some("Dam \u{7}declared safe".to_string()),
            source: Some("dam.txt".to_string()),
            authors: vec!["Kari Nord".to_string(), "Per Ås".to_string()],
            site: Some("Fjellby *Tidende*".to_string()),
            url: Some("https://tidende.example/dam_`7`".to_string()),
            ..Meta::default()
        },
        paragraphs,
        speakers: vec![
            Speaker {
                id: "s1".to_string(),
                name: "Lena Dahl".to_string(),
                kind: SpeakerKind::Person,
                role: Some("engineer".to_string()),
                country: Some("NO".to_string()),
                aliases: vec![],
                mentions: vec![span(0, "Lena Dahl", p0)],
            },
            Speaker {
                id: "s2".to_string(),
                name: "An official".to_string(),
                kind: SpeakerKind::Anonymous,
                role: None,
                country: None,
                aliases: vec![],
                mentions: vec![span(1, "An official", p1)],
            },
            Speaker {
                id: "s3".to_string(),
                name: "Ola Berg".to_string(),
                kind: SpeakerKind::Person,
                role: None,
                country: None,
                aliases: vec![],
                mentions: vec![],
            },
        ],
        claims: vec![c1, c2, c3],
        countries: vec![
            Country {
                code: "NO".to_string(),
                name: "Norway".to_string(),
                kind: CountryKind::Country,
                mentions: vec![],
            },
            Country {
                code: "EU".to_string(),
                name: "European Union".to_string(),
                kind: CountryKind::Bloc,
                mentions: vec![],
            },
        ],
        summary: Summary {
            claims: 3,
            anonymous_claims: 1,
            anonymous_share: 1.0 / 3.0,
            sources: 2,
            named_sources: 1,
            anonymous_sources: 1,
            source_countries: vec![],
        },
    }
}

fn run_format(format: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dam.json");
    std::fs::write(&path, serde_json::to_vec(&document()).unwrap()).unwrap();
    let output = common::run_on(&["annotate", "--format", format, common::path_str(&path)]);
    assert_eq!(common::code(&output), 0, "{}", common::stderr(&output));
    output
}

#[test]
fn csv_has_one_row_per_claim_quoted_as_csv_quotes() {
    let output = run_format("csv");
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "story",
            "date",
            "paragraph",
            "speaker",
            "speaker_kind",
            "role",
            "speaker_country",
            "claim_kind",
            "cue",
            "channel",
            "text",
            "authors",
            "site",
            "url"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let web = [
        "Kari Nord; Per Ås",
        "Fjellby *Tidende*",
        "https://tidende.example/dam_`7`",
    ];
    let row = |cells: [&str; 11]| {
        cells
            .iter()
            .chain(&web)
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rows,
        [
            row([
                "dam-7",
                "2032-08-01",
                "0",
                "Lena Dahl",
                "person",
                "engineer",
                "NO",
                "direct",
                "said",
                "in a statement",
                "The dam is safe, \"for now\","
            ]),
            row([
                "dam-7",
                "2032-08-01",
                "1",
                "An official",
                "anonymous",
                "",
                "",
                "indirect",
                "said",
                "",
                "the\nreport was \u{1b}[31mlate\u{1b}[0m, and *nobody* <b>cared</b>"
            ]),
            row([
                "dam-7",
                "2032-08-01",
                "0",
                "",
                "",
                "",
                "",
                "partial",
                "",
                "",
                "for now"
            ]),
        ]
    );
}

#[test]
fn csv_of_stories_with_no_claims_is_just_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quiet.txt");
    std::fs::write(&path, "Nothing was said.\n").unwrap();
    let output = common::run_on(&["annotate", "--format", "csv", common::path_str(&path)]);
    let out = common::stdout(&output);
    assert!(out.starts_with("story,date,paragraph,speaker,"), "{out}");
}

#[test]
fn csv_cells_a_spreadsheet_would_run_as_formulas_are_made_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("formula.txt");
    std::fs::write(&path, "\"=SUM(A1:A9) was all I typed,\" Ana Ruiz said.\n").unwrap();
    let output = common::run_on(&["annotate", "--format", "csv", common::path_str(&path)]);
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let texts: Vec<String> = reader
        .records()
        .map(|record| record.unwrap()[10].to_string())
        .collect();
    assert_eq!(texts, ["'=SUM(A1:A9) was all I typed"]);
}

#[test]
fn markdown_is_a_readable_report_with_nothing_unsafe() {
    let output = run_format("markdown");
    let report = common::stdout(&output);
    let expected = "\
# Dam ␇declared safe

2032-08-01 · FJELLBY · 2 paragraphs · id dam-7 · from `dam.txt` · by Kari Nord, Per Ås · Fjellby \\*Tidende\\* · `https://tidende.example/dam_'7'`

## Sources

2 sources, 3 claims; 33% of claims from anonymous sources.

- **Lena Dahl** (person, engineer, NO): 1 claim
  - ¶1 direct, said, in a statement: “The dam is safe, \"for now\",”
- **An official** (anonymous): 1 claim
  - ¶2 indirect, said: the report was ␛\\[31mlate␛\\[0m, and \\*nobody\\* \\<b\\>cared\\</b\\>
- *No source found*
  - ¶1 partial: “for now”

Mentioned, not quoted: Ola Berg.

## Countries

- Norway (NO): 0 mentions
- European Union (EU) (bloc): 0 mentions
";
    assert_eq!(report, expected);
    assert!(!report.contains('\u{1b}') && !report.contains('\u{7}'));
}

#[test]
fn several_markdown_stories_are_separated_by_a_blank_line() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt"] {
        std::fs::write(dir.path().join(name), "Nothing was said.\n").unwrap();
    }
    let output = common::run_on(&[
        "annotate",
        "--format",
        "markdown",
        common::path_str(dir.path()),
    ]);
    let report = common::stdout(&output);
    assert_eq!(report.matches("\n\n# ").count(), 1, "{report}");
    // No headline: each is named by its lead sentence, not its file name.
    assert!(report.starts_with("# Nothing was said\n"), "{report}");
}

/// A paraphrase is not the speaker's words: the text report never puts
/// reported speech in quotation marks, and keeps them on quotes.
#[test]
fn text_shows_reported_speech_without_quotation_marks() {
    let report = common::stdout(&run_format("text"));
    let line = |kind: &str| {
        report
            .lines()
            .find(|line| line.contains(kind))
            .unwrap_or_else(|| panic!("no {kind} claim in {report}"))
            .to_string()
    };
    let indirect = line("indirect");
    assert!(indirect.contains("indirect the report was"), "{indirect}");
    assert!(!indirect.contains(['“', '”']), "{indirect}");
    assert!(line("direct ").contains("“The dam is safe"), "{report}");
    assert!(line("partial").contains("“for now”"), "{report}");
}
