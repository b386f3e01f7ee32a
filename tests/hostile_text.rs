//! Hostile text through the real binary: the bytes `annotate --format text`
//! and `--format markdown`, the summary `whosaid FILE` prints without a
//! terminal, and the messages on stderr hold no control character, escape
//! sequence or bidi override, from the article text, from every string of a
//! `whosaid/1` document written elsewhere, or from a file's name. JSON
//! escapes them as JSON does, and reads back to the same text.

mod common;

use common::{code, path_str, run_on, stderr, stdout};
use serde_json::Value;

/// Every case, and the stand-in the text formats must show for it.
const HOSTILE: &[(&str, &str, &str)] = &[
    (
        "CSI",
        "Red \u{1b}[31mtext\u{1b}[0m \u{1b}[2J",
        "Red ␛[31mtext␛[0m ␛[2J",
    ),
    (
        "OSC 52",
        "Copy \u{1b}]52;c;ZXZpbA==\u{07}",
        "Copy ␛]52;c;ZXZpbA==␇",
    ),
    (
        "OSC 8",
        "Link \u{1b}]8;;http://x.example\u{1b}\\here",
        "Link ␛]8;;http://x.example␛\\here",
    ),
    ("DCS", "Query \u{1b}P1$qm\u{1b}\\", "Query ␛P1$qm␛\\"),
    ("C1", "C1 \u{9b}31m \u{9d}0;x \u{90}q", "C1 �31m �0;x �q"),
    ("bell", "Bell \u{07}", "Bell ␇"),
    ("backspace", "Back\u{8}space", "Back␈space"),
    ("carriage return", "safe\rEVIL", "safe␍EVIL"),
    (
        "bidi",
        "file \u{202e}txt.exe \u{2066}x\u{2069}",
        "file �txt.exe �x�",
    ),
];

/// No character a terminal would act on: C0 (but the line feed), DEL, C1,
/// and the bidi controls.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8(bytes.to_vec()).expect("output is UTF-8");
    if let Some(c) = text
        .chars()
        .find(|&c| whosaid::safe_text::is_unsafe(c) || (c.is_control() && c != '\n'))
    {
        panic!("{what}: {c:?} reached the output:\n{text}");
    }
}

fn story_text() -> String {
    // Each case inside a sentence with a claim, a speaker and a country, so
    // it lands in every part of the reports.
    HOSTILE
        .iter()
        .map(|(_, text, _)| format!("\"{text},\" said Mayor Anna Berg of Poland."))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn article_text_is_shown_as_placeholders_in_text_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    std::fs::write(&path, story_text()).unwrap();
    let path = path_str(&path);
    for format in ["text", "markdown"] {
        let out = run_on(&["annotate", "--format", format, path]);
        assert_eq!(code(&out), 0);
        assert_clean(format, &out.stdout);
        let shown = stdout(&out);
        for (case, _, placeholder) in HOSTILE {
            let placeholder = if format == "text" {
                placeholder.to_string()
            } else {
                whosaid::cli::markdown::escape(placeholder)
            };
            assert!(
                shown.contains(&placeholder),
                "{format}, {case}: {placeholder:?} not in\n{shown}"
            );
        }
    }
    // Without a terminal the reader prints the text summary.
    let out = run_on(&[path]);
    assert_clean("whosaid FILE | cat", &out.stdout);
}

#[test]
fn json_escapes_control_characters_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    let text = story_text();
    std::fs::write(&path, &text).unwrap();
    let out = run_on(&["annotate", "--format", "json", path_str(&path)]);
    let json = stdout(&out);
    assert!(!json.contains('\u{1b}') && !json.contains('\u{7}') && !json.contains('\r'));
    assert!(
        json.contains(r"\u001b]52;c;ZXZpbA==\u0007"),
        "escaped as JSON does"
    );
    let doc: whosaid::Document = serde_json::from_str(&json).unwrap();
    let paragraphs: Vec<&str> = doc.paragraphs.iter().map(|p| &*p.text).collect();
    assert_eq!(paragraphs.join("\n\n"), text, "the text itself is kept");
}

/// A `whosaid/1` document can come from anywhere: every string in it is
/// untrusted, not only the paragraphs.
#[test]
fn every_string_of_a_foreign_document_is_made_safe() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    std::fs::write(&story, story_text()).unwrap();
    let out = run_on(&["annotate", "--format", "json", path_str(&story)]);
    let mut doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let evil = "\u{1b}]52;c;QQ==\u{7}\u{9b}2J\u{202e}\r";
    doc["meta"]["title"] = format!("Title {evil}").into();
    doc["meta"]["source"] = format!("src{evil}").into();
    doc["meta"]["dateline"] = vec![format!("CITY{evil}")].into();
    for speaker in doc["speakers"].as_array_mut().unwrap() {
        let id = speaker["id"].as_str().unwrap().to_string();
        speaker["id"] = format!("{id}{evil}").into();
        speaker["name"] = format!("Name {evil}").into();
        speaker["role"] = format!("Role {evil}").into();
        speaker["country"] = format!("C{evil}").into();
    }
    for claim in doc["claims"].as_array_mut().unwrap() {
        if let Some(id) = claim["speaker"].as_str() {
            claim["speaker"] = format!("{id}{evil}").into();
        }
        claim["channel"] = format!("in a post {evil}").into();
    }
    for country in doc["countries"].as_array_mut().unwrap() {
        country["code"] = format!("X{evil}").into();
        country["name"] = format!("Land {evil}").into();
    }
    let foreign = dir.path().join("foreign.json");
    std::fs::write(&foreign, serde_json::to_string(&doc).unwrap()).unwrap();
    for format in ["text", "markdown"] {
        let out = run_on(&["annotate", "--format", format, path_str(&foreign)]);
        assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
        assert_clean(format, &out.stdout);
        assert!(stdout(&out).contains("␛]52;c;QQ==␇"), "shown, not dropped");
    }
    // A date is checked on the calendar, so one carrying escapes is
    // refused, and the message quoting it is made safe.
    doc["meta"]["date"] = format!("2031-01-01{evil}").into();
    std::fs::write(&foreign, serde_json::to_string(&doc).unwrap()).unwrap();
    let out = run_on(&["annotate", "--format", "text", path_str(&foreign)]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("meta.date"), "{}", stderr(&out));
    assert_clean("the message", &out.stderr);
}

#[test]
fn file_names_and_quoted_input_in_messages_are_made_safe() {
    let dir = tempfile::tempdir().unwrap();
    // A missing file whose name is an escape sequence.
    let missing = dir.path().join("news\u{1b}]52;c;QQ==\u{7}\u{9b}2J.txt");
    // A JSON Lines line whose error quotes the bad value.
    let lines = dir.path().join("feed.jsonl");
    std::fs::write(
        &lines,
        "{\"text\": 1, \"date\": \"\u{1b}[2J\"}\n[\"\u{1b}]52;c;QQ==\u{7}\"]\n",
    )
    .unwrap();
    // A document of an unknown schema, named in the message.
    let schema = dir.path().join("doc.json");
    std::fs::write(&schema, "{\"schema\": \"\u{1b}[31mwhosaid/9\"}").unwrap();
    for args in [
        vec!["annotate", path_str(&missing)],
        vec!["annotate", path_str(&lines)],
        vec!["annotate", path_str(&schema)],
        vec![path_str(&missing), path_str(&lines), path_str(&schema)],
    ] {
        let out = run_on(&args);
        assert_ne!(code(&out), 0);
        assert!(!out.stderr.is_empty(), "{args:?}: the problem is reported");
        assert_clean(&format!("stderr of {args:?}"), &out.stderr);
    }
    let out = run_on(&["annotate", path_str(&missing)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("news␛]52;c;QQ==␇�2J.txt: no such file"),
        "{stderr}"
    );
}
