//! `annotate --input jsonl --on-error emit|skip|fail`: one output line per
//! input line, bad lines of every kind in their place with their line
//! number and id; or left out (exit 1); or the run stopped (exit 2).

mod common;

use serde_json::Value;

const LINES: usize = 1000;

/// The kinds of bad line, and the start of the error each one gives.
const KINDS: [(&str, &str); 5] = [
    ("invalid JSON", "invalid JSON"),
    ("missing text", "not an article: missing field `text`"),
    ("wrong type", "not an article: `title` must be a string"),
    ("blank", "blank line"),
    (
        "bad date",
        "not an article: `date` \"2031-02-30\" is not a calendar date",
    ),
];

/// Line `n` (from 0): every 20th is bad, of kind (n / 20) % 5, so the
/// 1,000 lines hold 10 bad lines of each kind, spread through the input.
fn bad_kind(n: usize) -> Option<usize> {
    (n % 20 == 7).then_some((n / 20) % KINDS.len())
}

fn id(n: usize) -> String {
    format!("art-{n}")
}

fn line(n: usize) -> String {
    let id = id(n);
    let text = format!(
        "HARBOURTON — Dock workers voted on measure {n} on Friday.\\n\\n\
         \\\"We will not load the ships,\\\" said union leader Mara Quist."
    );
    match bad_kind(n) {
        None => format!(r#"{{"id":"{id}","date":"2031-03-01","text":"{text}"}}"#),
        Some(0) => format!(r#"{{"id":"{id}","text":"{text}"#),
        Some(1) => format!(r#"{{"id":"{id}","title":"No text here"}}"#),
        Some(2) => format!(r#"{{"id":"{id}","title":["not","a","string"],"text":"{text}"}}"#),
        Some(3) => String::new(),
        Some(_) => format!(r#"{{"id":"{id}","date":"2031-02-30","text":"{text}"}}"#),
    }
}

fn input() -> String {
    (0..LINES).map(|n| line(n) + "\n").collect()
}

fn documents(output: &std::process::Output) -> Vec<Value> {
    common::stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("every output line is JSON"))
        .collect()
}

#[test]
fn emit_writes_one_line_per_input_line_in_order() {
    let output = common::run(
        &["annotate", "-j", "2", "--input", "jsonl", "-"],
        input().as_bytes(),
    );
    assert_eq!(common::code(&output), 0, "{}", common::stderr(&output));
    let documents = documents(&output);
    assert_eq!(documents.len(), LINES);
    let mut errors = [0; KINDS.len()];
    for (n, document) in documents.iter().enumerate() {
        match bad_kind(n) {
            None => {
                assert_eq!(document["schema"], "whosaid/1", "line {}", n + 1);
                assert_eq!(document["meta"]["id"], id(n).as_str());
            }
            Some(kind) => {
                errors[kind] += 1;
                assert_eq!(document["schema"], "whosaid/1-error", "line {}", n + 1);
                assert_eq!(document["line"], n + 1);
                assert_eq!(document["source"], "-");
                // A blank line has no id to give; every other bad line does.
                let expected_id = if kind == 3 { Value::Null } else { id(n).into() };
                assert_eq!(document["id"], expected_id, "line {}", n + 1);
                let error = document["error"].as_str().unwrap();
                assert!(error.starts_with(KINDS[kind].1), "line {}: {error}", n + 1);
                assert_eq!(document.as_object().unwrap().len(), 5, "{document}");
            }
        }
    }
    assert_eq!(errors, [10; KINDS.len()]);
    // The first bad lines are told on stderr, each with its line and id.
    let err = common::stderr(&output);
    assert!(
        err.contains("whosaid: -:8 (id art-7): invalid JSON"),
        "{err}"
    );
    assert!(
        err.contains("whosaid: -:28 (id art-27): not an article: missing field `text`"),
        "{err}"
    );
    assert!(err.contains("whosaid: -:68: blank line"), "{err}");
}

#[test]
fn skip_leaves_bad_lines_out_and_exits_1() {
    let output = common::run(
        &["annotate", "--input", "jsonl", "--on-error", "skip", "-"],
        input().as_bytes(),
    );
    assert_eq!(common::code(&output), 1);
    let ids: Vec<String> = documents(&output)
        .iter()
        .map(|d| d["meta"]["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..LINES)
        .filter(|&n| bad_kind(n).is_none())
        .map(id)
        .collect();
    assert_eq!(ids, expected);
    let err = common::stderr(&output);
    assert!(
        err.contains("whosaid: -:88 (id art-87): not an article: `date`"),
        "{err}"
    );
    assert!(
        err.ends_with("whosaid: -: 40 more bad lines or warnings not shown\n"),
        "{err}"
    );
}

#[test]
fn fail_stops_at_the_first_bad_line_with_exit_2() {
    let output = common::run(
        &["annotate", "--input", "jsonl", "--on-error", "fail", "-"],
        input().as_bytes(),
    );
    assert_eq!(common::code(&output), 2);
    let ids: Vec<Value> = documents(&output)
        .iter()
        .map(|d| d["meta"]["id"].clone())
        .collect();
    assert_eq!(ids, (0..7).map(|n| Value::from(id(n))).collect::<Vec<_>>());
    let err = common::stderr(&output);
    assert!(
        err.starts_with("whosaid: -:8 (id art-7): invalid JSON"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// Line numbers count from the start of each input, not of a batch.
#[test]
fn line_numbers_count_within_each_input() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.jsonl");
    let second = dir.path().join("second.jsonl");
    std::fs::write(&first, input()).unwrap();
    std::fs::write(&second, "\n{\"id\":\"s2\"}\n").unwrap();
    let output = common::run_on(&[
        "annotate",
        "--input",
        "jsonl",
        common::path_str(&first),
        common::path_str(&second),
    ]);
    assert_eq!(common::code(&output), 0);
    let documents = documents(&output);
    assert_eq!(documents.len(), LINES + 2);
    let second_name = common::path_str(&second);
    assert_eq!(documents[LINES]["line"], 1);
    assert_eq!(documents[LINES + 1]["line"], 2);
    assert_eq!(documents[LINES + 1]["id"], "s2");
    assert_eq!(documents[LINES + 1]["source"], second_name);
    assert!(
        common::stderr(&output).contains(&format!("{second_name}:2 (id s2): not an article")),
        "{}",
        common::stderr(&output)
    );
}

#[test]
fn emit_needs_json_lines_output() {
    let output = common::run(
        &[
            "annotate",
            "--input",
            "jsonl",
            "--format",
            "text",
            "--on-error",
            "emit",
            "-",
        ],
        line(0).as_bytes(),
    );
    assert_eq!(common::code(&output), 2);
    assert_eq!(common::stdout(&output), "");
    assert!(common::stderr(&output).contains("use it with --format jsonl"));
    // Without the flag, other formats skip bad lines as before.
    let output = common::run(
        &["annotate", "--input", "jsonl", "--format", "text", "-"],
        format!("{}\n\n", line(0)).as_bytes(),
    );
    assert_eq!(common::code(&output), 1);
}
