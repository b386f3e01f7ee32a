//! `whosaid annotate` through the real binary: the loader's cases, exit
//! statuses and the shape of the `whosaid/1` JSON contract.

mod common;

use std::fs;

use serde_json::Value;
use tempfile::TempDir;

use common::run;

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A file in a fresh temporary folder.
fn file(name: &str, bytes: &[u8]) -> (TempDir, String) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    fs::write(&path, bytes).expect("the file is written");
    (dir, path.to_string_lossy().into_owned())
}

fn paragraph_texts(document: &Value) -> Vec<String> {
    document["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .map(|p| p["text"].as_str().expect("text").to_string())
        .collect()
}

fn annotate_bytes(bytes: &[u8]) -> Value {
    let (_dir, path) = file("story.txt", bytes);
    let output = run(&["annotate", &path], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("one JSON document")
}

#[test]
fn crlf_bom_no_break_spaces_and_tabs() {
    let document = annotate_bytes(
        "\u{feff}\tThe mayor spoke on Tuesday about the budget for the coming year and its cuts.\r\n\r\n\u{a0}“It will pass,” she said.\u{a0}\r\n".as_bytes(),
    );
    assert_eq!(
        paragraph_texts(&document),
        [
            "The mayor spoke on Tuesday about the budget for the coming year and its cuts.",
            "“It will pass,” she said."
        ]
    );
    assert_eq!(document["claims"][0]["text"], "It will pass");
}

#[test]
fn one_paragraph_per_line_without_blank_lines() {
    let document = annotate_bytes(
        b"The first line is a paragraph of its own.\nThe second line is another one.\n",
    );
    assert_eq!(paragraph_texts(&document).len(), 2);
}

#[test]
fn an_empty_file_is_a_document_with_no_paragraphs() {
    let document = annotate_bytes(b"");
    assert_eq!(document["schema"], "whosaid/1");
    assert_eq!(document["paragraphs"].as_array().map(Vec::len), Some(0));
    assert_eq!(document["claims"].as_array().map(Vec::len), Some(0));
}

#[test]
fn nul_bytes_are_rejected_as_not_text() {
    let (_dir, path) = file("binary.txt", b"GIF89a\0\0\x01");
    let output = run(&["annotate", &path], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("binary.txt"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("not a text file"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let (_dir, path) = file(
        "latin1.txt",
        b"The caf\xe9 reopened on Monday, the owner said.",
    );
    let output = run(&["annotate", &path], b"");
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("invalid UTF-8"),
        "{}",
        stderr(&output)
    );
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        paragraph_texts(&document),
        ["The caf\u{fffd} reopened on Monday, the owner said."]
    );
}

#[test]
fn a_missing_file_is_named_and_the_others_still_processed() {
    let (_dir, path) = file(
        "story.txt",
        b"The bridge will reopen in May, the mayor said.",
    );
    let output = run(
        &[
            "annotate",
            "--format",
            "jsonl",
            "/nonexistent/gone.txt",
            &path,
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1), "some inputs failed");
    assert!(
        stderr(&output).contains("/nonexistent/gone.txt"),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output).lines().count(), 1);

    let output = run(&["annotate", "/nonexistent/gone.txt"], b"");
    assert_eq!(output.status.code(), Some(2), "nothing could be read");
}

#[test]
fn a_dash_reads_standard_input() {
    let output = run(
        &["annotate", "--format", "jsonl", "-"],
        "“We are ready,” the coach said.".as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let document: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(document["meta"]["source"], "-");
    assert_eq!(document["claims"][0]["text"], "We are ready");
}

#[test]
fn jsonl_is_one_compact_document_per_file_in_order() {
    let (_a, first) = file("a.txt", b"The first story, the reporter said.");
    let (_b, second) = file("b.txt", b"The second story is short.");
    let output = run(&["annotate", "--format", "jsonl", &second, &first], b"");
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is a document"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0]["meta"]["source"]
            .as_str()
            .unwrap()
            .ends_with("b.txt")
    );
    assert!(
        lines[1]["meta"]["source"]
            .as_str()
            .unwrap()
            .ends_with("a.txt")
    );
}

#[test]
fn text_format_summarizes_sources_claims_and_countries() {
    let output = run(
        &[
            "annotate",
            "--format",
            "text",
            "assets/stories/2025-12-16-berlin-security-guarantees.txt",
        ],
        b"",
    );
    let text = stdout(&output);
    assert!(
        text.contains("Volodymyr Zelenskiy (person, Ukrainian President, UA): 9 claims"),
        "{text}"
    );
    assert!(
        text.contains("Mentioned, not quoted: Vladimir Putin, Steve Witkoff, Jared Kushner"),
        "{text}"
    );
    assert!(text.contains("PL   Poland — 1 mention"), "{text}");
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn the_json_contract_has_exactly_its_fields() {
    let output = run(
        &[
            "annotate",
            "assets/stories/2025-12-16-berlin-security-guarantees.txt",
        ],
        b"",
    );
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        keys(&document),
        [
            "claims",
            "countries",
            "meta",
            "paragraphs",
            "schema",
            "speakers",
            "summary"
        ]
    );
    assert_eq!(document["schema"], "whosaid/1");
    assert_eq!(
        keys(&document["meta"]),
        ["date", "dateline", "id", "source", "title"]
    );
    assert_eq!(keys(&document["paragraphs"][0]), ["index", "kind", "text"]);
    let speaker = &document["speakers"][0];
    assert_eq!(
        keys(speaker),
        [
            "aliases", "country", "id", "kind", "mentions", "name", "role"
        ]
    );
    assert_eq!(
        keys(&speaker["mentions"][0]),
        ["end", "paragraph", "start", "text"]
    );
    let claim = &document["claims"][0];
    assert_eq!(
        keys(claim),
        [
            "channel",
            "cue",
            "end",
            "id",
            "kind",
            "paragraph",
            "parts",
            "source",
            "speaker",
            "start",
            "text"
        ]
    );
    assert_eq!(
        keys(&document["countries"][0]),
        ["code", "kind", "mentions", "name"]
    );
    assert_eq!(
        keys(&document["summary"]),
        [
            "anonymous_claims",
            "anonymous_share",
            "anonymous_sources",
            "claims",
            "named_sources",
            "source_countries",
            "sources"
        ]
    );
    // Offsets are bytes into the paragraph and the text is that slice.
    for claim in document["claims"].as_array().unwrap() {
        let paragraph =
            document["paragraphs"][claim["paragraph"].as_u64().unwrap() as usize]["text"]
                .as_str()
                .unwrap();
        let (start, end) = (
            claim["start"].as_u64().unwrap() as usize,
            claim["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &paragraph.as_bytes()[start..end],
            claim["text"].as_str().unwrap().as_bytes()
        );
    }
}

#[test]
fn several_files_in_json_format_are_an_array() {
    let (_a, first) = file("a.txt", b"One story.");
    let (_b, second) = file("b.txt", b"Another story.");
    let output = run(&["annotate", &first, &second], b"");
    let documents: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(documents.as_array().map(Vec::len), Some(2));
}

#[test]
fn no_files_is_a_usage_error() {
    let output = run(&["annotate"], b"");
    assert_eq!(output.status.code(), Some(2));
}

/// `-j 100000` once spent over a minute creating threads before any work.
#[test]
fn the_number_of_threads_is_bounded() {
    let (_dir, path) = file(
        "story.txt",
        b"The mayor said: \"We will rebuild the bridge.\"\n",
    );
    for jobs in ["257", "0", "100000", "-3", "many"] {
        let started = std::time::Instant::now();
        let output = run(&["annotate", &format!("--jobs={jobs}"), &path], b"");
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "-j {jobs}: {message}");
        assert!(
            message.contains("invalid value") && message.contains("from 1 to 256"),
            "-j {jobs}: {message}"
        );
        assert!(
            started.elapsed().as_secs() < 10,
            "-j {jobs} refused at once"
        );
    }
    for jobs in ["1", "256"] {
        let output = run(&["annotate", "--jobs", jobs, &path], b"");
        assert_eq!(
            output.status.code(),
            Some(0),
            "-j {jobs}: {}",
            stderr(&output)
        );
    }
}
