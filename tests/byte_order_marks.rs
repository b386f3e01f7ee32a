//! Files with a byte-order mark, as Windows editors save them: UTF-16 text
//! is decoded (not refused as binary), and a UTF-8 mark never reaches a
//! parser (JSON cannot read one), whole files and streams alike.

mod common;

use serde_json::Value;

fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

fn utf16be(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}

fn with_utf8_mark(text: &str) -> Vec<u8> {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

const STORY: &str = "Harbour reopens\n\n\u{201c}We are open again,\u{201d} said port director Lena Brandt on Tuesday.";

fn claims(document: &Value) -> usize {
    document["claims"].as_array().map_or(0, Vec::len)
}

#[test]
fn utf16_files_are_read_either_way_round() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("le.txt", utf16le(STORY)), ("be.txt", utf16be(STORY))] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = common::run_on(&["annotate", common::path_str(&path)]);
        assert_eq!(common::code(&output), 0, "{}", common::stderr(&output));
        let document: Value = serde_json::from_str(&common::stdout(&output)).unwrap();
        assert_eq!(document["meta"]["title"], "Harbour reopens", "{name}");
        assert_eq!(claims(&document), 1, "{name}");
    }
}

#[test]
fn a_json_document_with_a_utf8_mark_is_reopened() {
    let annotated = common::run(&["annotate", "-"], STORY.as_bytes());
    let json = common::stdout(&annotated);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.json");
    std::fs::write(&path, with_utf8_mark(&json)).unwrap();
    let output = common::run_on(&["annotate", common::path_str(&path)]);
    assert_eq!(common::code(&output), 0, "{}", common::stderr(&output));
    assert_eq!(common::stdout(&output), json);
    // And on stdin, found by its content.
    let output = common::run(&["annotate", "-"], &with_utf8_mark(&json));
    assert_eq!(common::code(&output), 0, "{}", common::stderr(&output));
    assert_eq!(common::stdout(&output), json);
}

#[test]
fn json_lines_with_a_mark_stream_as_text() {
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "1", "text": STORY}),
        serde_json::json!({"id": "2", "text": "The ferry left at noon."})
    );
    for bytes in [with_utf8_mark(&lines), utf16le(&lines), utf16be(&lines)] {
        let output = common::run(&["annotate", "--input", "jsonl", "-"], &bytes);
        assert_eq!(common::code(&output), 0, "{}", common::stderr(&output));
        let ids: Vec<Value> = common::stdout(&output)
            .lines()
            .map(|line| serde_json::from_str::<Value>(line).unwrap()["meta"]["id"].clone())
            .collect();
        assert_eq!(ids, ["1", "2"]);
    }
    // A .jsonl file is streamed too.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    std::fs::write(&path, utf16le(&lines)).unwrap();
    let output = common::run_on(&["annotate", "--format", "jsonl", common::path_str(&path)]);
    assert_eq!(common::code(&output), 0, "{}", common::stderr(&output));
    assert_eq!(common::stdout(&output).lines().count(), 2);
}
