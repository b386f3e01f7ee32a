//! HTML and Markdown extraction on pages written for these tests in the
//! shape of real news sites: navigation, share buttons, scripts, figures
//! and captions, ad slots, related links, newsletters, comments, og: tags.

mod common;

use whosaid::load::{self, Input, Source};
use whosaid::model::ParagraphKind::{self, Body, Heading, Title};

fn open(name: &str) -> whosaid::load::Article {
    let path = format!("{}/tests/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    let opened = load::open(&Source::File(path.into()), &load::ReadLimits::default())
        .expect("the test page opens");
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    match opened.inputs.as_slice() {
        [Input::Article(article)] => article.clone(),
        other => panic!("expected one article, got {other:?}"),
    }
}

fn texts(article: &whosaid::load::Article) -> Vec<(ParagraphKind, &str)> {
    article
        .paragraphs
        .iter()
        .map(|p| (p.kind, p.text.as_str()))
        .collect()
}

#[test]
fn a_news_page_gives_its_article_body_only() {
    let article = open("gazette.html");
    assert_eq!(
        texts(&article),
        [
            (Title, "Harbour tunnel to close for six weeks"),
            (
                Body,
                "The harbour tunnel will close for six weeks from May while engineers replace its ventilation fans, the city council said on Tuesday."
            ),
            (
                Body,
                "“We know this is a real inconvenience,” said council leader Mira Holt. “The fans are 40 years old & they have to go.”"
            ),
            (Heading, "Diversions planned"),
            (
                Body,
                "Buses will run over the Old Bridge instead, adding up to 20\u{a0}minutes to a trip."
            ),
            (
                Body,
                "“Nobody asked the ferry crews,” one union official said."
            ),
            (Body, "The works are expected to cost £3.2m."),
        ]
    );
}

#[test]
fn a_news_page_gives_its_meta() {
    let meta = open("gazette.html").meta;
    // The article's JSON-LD headline wins over og:title, <title> and the
    // page's own <h1>.
    assert_eq!(
        meta.title.as_deref(),
        Some("Harbour tunnel to shut for six weeks of repairs")
    );
    // article:published_time wins over the <time> in the byline.
    assert_eq!(meta.date.as_deref(), Some("2031-04-09"));
    assert_eq!(meta.dateline, ["PORTVALE"]);
    assert!(meta.source.as_deref().unwrap().ends_with("gazette.html"));
}

#[test]
fn a_page_of_teasers_gives_its_densest_block() {
    let article = open("teasers.html");
    assert_eq!(
        texts(&article),
        [
            (
                Body,
                "Growers in the upper valley lost as much as a third of their blossom to two nights of hard frost, their association said."
            ),
            (
                Body,
                "\"It came late and it came hard,\" said Tomas Reyes, who farms 40 hectares near the river."
            ),
            (
                Body,
                "Insurers have been asked to send assessors before the end of the month."
            ),
            (Body, "Some growers plan to replant."),
            (Body, "Others will wait for spring."),
        ]
    );
    // No og:title: the <title>, without the site's name after it.
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Orchard growers count frost damage")
    );
    assert_eq!(article.meta.date.as_deref(), Some("2029-11-02"));
}

#[test]
fn a_markdown_story_is_reduced_to_text() {
    let article = open("briefing.md");
    assert_eq!(
        texts(&article),
        [
            (Title, "Keepers return to the lighthouse"),
            (
                Body,
                "For the first time in fifty years, the lamp at Skerry Point will be tended by resident keepers, the heritage trust said."
            ),
            (Heading, "Why now"),
            (Body, "Automation has proved costly to repair."),
            (Body, "Volunteers asked for the change."),
            (
                Body,
                "\"A lighthouse needs people,\" said trust chair Ines Corr."
            ),
            (Body, "The first keepers move in next month."),
        ]
    );
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Lighthouse keepers return to Skerry Point")
    );
    assert_eq!(article.meta.date.as_deref(), Some("2030-06-21"));
    assert_eq!(article.meta.dateline, ["SKERRY POINT"]);
}

#[test]
fn html_on_stdin_is_recognised_by_its_content() {
    let page = std::fs::read(format!(
        "{}/tests/pages/gazette.html",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let output = common::run(&["annotate", "--format", "jsonl", "-"], &page);
    assert_eq!(common::code(&output), 0, "{}", common::stderr(&output));
    let document: serde_json::Value = serde_json::from_str(common::stdout(&output).trim()).unwrap();
    assert_eq!(document["meta"]["source"], "-");
    assert_eq!(document["meta"]["date"], "2031-04-09");
    assert_eq!(
        document["paragraphs"][0]["text"],
        "Harbour tunnel to close for six weeks"
    );
    let all = common::stdout(&output);
    for furniture in [
        "cookies",
        "Sport",
        "Share on social",
        "Photo:",
        "Advertisement",
        "Related stories",
        "morning briefing",
        "first to comment",
        "All rights",
        "dataLayer",
    ] {
        assert!(
            !all.contains(furniture),
            "{furniture} leaked into the output"
        );
    }
}

#[test]
fn a_page_in_latin_1_is_read_in_the_charset_it_declares() {
    let article = open("estuario-latin1.html");
    assert_eq!(
        texts(&article),
        [
            (Title, "Ferry fares rise in Setúbal"),
            (
                Body,
                "Ferry fares across the Sado estuary will rise by 12% in June, the operator said on Friday."
            ),
            (
                Body,
                "«We held prices for three years,» said João Araújo, the operator's director. «Fuel did not.»"
            ),
            (Body, "Commuters from Tróia called the rise unfair."),
        ]
    );
    // One quote, interrupted by its attribution: a claim in two parts.
    let document = whosaid::annotate(&article);
    let speaker = document
        .speakers
        .iter()
        .find(|s| s.name == "João Araújo")
        .expect("the director is found by his name, accents and all");
    let claim = document
        .claims
        .iter()
        .find(|c| c.speaker.as_deref() == Some(speaker.id.as_str()))
        .expect("the director is quoted");
    let parts: Vec<&str> = claim.parts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(parts, ["We held prices for three years", "Fuel did not"]);
}

/// A page whose end tags close nothing (`</q>` while a `<div>` is open) is
/// as deep as its start tags: refused at once with the limit named, as a
/// page nested that deep in the plain way is, and the other files go on.
#[test]
fn unmatched_end_tags_do_not_get_a_deep_page_past_the_limit() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let deep = dir.path().join("deep.html");
    let page = format!("<html><body><article>{}", "<div></q>".repeat(200_000));
    std::fs::write(&deep, page).expect("the page is written");
    let fine = dir.path().join("fine.txt");
    std::fs::write(&fine, "\"It works,\" said Ana Ruiz.\n").expect("the story is written");
    let started = std::time::Instant::now();
    let output = common::run_on(&[
        "annotate",
        "--format",
        "jsonl",
        common::path_str(&deep),
        common::path_str(&fine),
    ]);
    // Before the fix this took minutes (the tree builder is quadratic in depth).
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    assert_eq!(common::code(&output), 1, "one input failed");
    let message = common::stderr(&output);
    assert!(
        message.contains("deep.html") && message.contains("512"),
        "{message}"
    );
    assert_eq!(common::stdout(&output).lines().count(), 1);
}
