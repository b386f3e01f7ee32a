//! `whosaid/1` documents read back in are checked before anything shows or
//! writes them: a broken one is refused with the field at fault named.

mod common;

use serde_json::Value;

fn document() -> Value {
    let output = common::run(
        &["annotate", "-"],
        "“We reopen on Monday,” said port director Zoë Brandt.".as_bytes(),
    );
    assert_eq!(common::code(&output), 0, "{}", common::stderr(&output));
    serde_json::from_str(&common::stdout(&output)).unwrap()
}

#[test]
fn a_broken_document_is_refused_in_every_output_format() {
    let mut broken = document();
    broken["claims"][0]["paragraph"] = u64::MAX.into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.json");
    std::fs::write(&path, broken.to_string()).unwrap();
    for format in ["json", "jsonl", "text", "markdown", "csv"] {
        let output = common::run_on(&["annotate", "--format", format, common::path_str(&path)]);
        assert_eq!(common::code(&output), 2, "{format}");
        // Nothing of the story is shown (CSV still writes its header).
        let out = common::stdout(&output);
        assert!(
            !out.contains("reopen") && !out.contains('¶'),
            "{format}: {out}"
        );
        assert_eq!(
            common::stderr(&output),
            format!(
                "whosaid: {}: not a whosaid/1 document: claims[0].paragraph 18446744073709551615 does not exist (the story has 1)\n",
                path.display()
            ),
            "{format}"
        );
    }
}

/// A broken document on a line of a stream is a bad line like any other:
/// an error document in its place (naming the document's id), or left out
/// with `--on-error skip`.
#[test]
fn a_broken_line_is_refused_and_the_others_kept() {
    let good = document();
    let mut dangling = good.clone();
    dangling["claims"][0]["speaker"] = "s404".into();
    dangling["meta"]["id"] = "d2".into();
    let input = format!("{good}\n{dangling}\n");
    let message = "whosaid: -:2 (id d2): not a whosaid/1 document: claims[0].speaker names a missing speaker \"s404\"\n";

    let output = common::run(&["annotate", "--input", "jsonl", "-"], input.as_bytes());
    assert_eq!(common::code(&output), 0);
    let lines: Vec<Value> = common::stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["schema"], "whosaid/1");
    assert_eq!(lines[1]["schema"], "whosaid/1-error");
    assert_eq!(
        (&lines[1]["line"], &lines[1]["id"]),
        (&Value::from(2), &Value::from("d2"))
    );
    assert_eq!(common::stderr(&output), message);

    let output = common::run(
        &["annotate", "--input", "jsonl", "--on-error", "skip", "-"],
        input.as_bytes(),
    );
    assert_eq!(common::code(&output), 1);
    assert_eq!(common::stdout(&output).lines().count(), 1);
    assert_eq!(common::stderr(&output), message);
}
