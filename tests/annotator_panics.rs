//! A panic in the annotator costs the story it met it on, nothing more:
//! `annotate` and the reader's summaries report it as a problem with that
//! input (sanitised, once, without the panic hook's own message), annotate
//! the others and exit 1. The panic is caused by a debug build's test hook
//! (`WHOSAID_TEST_FAULT=annotate` and a marker in the story's text).

mod common;

use std::process::{Command, Output};

use common::{BIN, code, path_str, stderr, stdout};

/// The text that makes an armed annotator panic (`cli::stories::test_fault::MARKER`).
const MARKER: &str = "WHOSAID-TEST-ANNOTATOR-PANIC";

/// Three stories, the second one the annotator panics on; its name holds
/// an escape sequence, which must reach the terminal only as a placeholder.
fn stories() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut paths = Vec::new();
    for (name, text) in [
        (
            "a.txt",
            "Ferry resumes\n\n“The ferry runs again,” the operator said.".to_string(),
        ),
        (
            "b\x1b[31m.txt",
            format!("Bridge\n\nThe bridge {MARKER} is open, engineers said."),
        ),
        (
            "c.txt",
            "Market hall\n\n“The market opens,” traders said.".to_string(),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("a story written");
        paths.push(path_str(&path).to_string());
    }
    (dir, paths)
}

fn run_armed(args: &[&str]) -> Option<Output> {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: only debug builds of whosaid can be made to fail");
        return None;
    }
    Some(
        Command::new(BIN)
            .args(args)
            .env("WHOSAID_TEST_FAULT", "annotate")
            .output()
            .expect("whosaid runs"),
    )
}

fn assert_reported_once(output: &Output) {
    let err = stderr(output);
    assert!(!err.contains('\x1b'), "no escape reaches stderr: {err:?}");
    let reports: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("the annotator failed on this input"))
        .collect();
    assert_eq!(reports.len(), 1, "{err}");
    assert!(
        reports[0].starts_with("whosaid: ")
            && reports[0].contains("b")
            && reports[0].contains(
                ".txt: the annotator failed on this input: a panic caused by WHOSAID_TEST_FAULT at "
            )
            && reports[0].ends_with("(this is a bug; please report it)"),
        "{err}"
    );
    assert!(
        !err.contains("internal error in thread"),
        "the caught panic is told once, as a problem: {err}"
    );
}

#[test]
fn annotate_reports_the_story_and_annotates_the_others() {
    let (_dir, paths) = stories();
    for jobs in ["1", "3"] {
        let mut args = vec!["annotate", "-j", jobs, "--format", "jsonl"];
        args.extend(paths.iter().map(String::as_str));
        let Some(output) = run_armed(&args) else {
            return;
        };
        assert_eq!(code(&output), 1, "{}", stderr(&output));
        let out = stdout(&output);
        let sources: Vec<String> = out
            .lines()
            .map(|line| {
                let doc: serde_json::Value = serde_json::from_str(line).expect("a JSON document");
                doc["meta"]["source"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        assert_eq!(sources.len(), 2, "{out}");
        assert!(
            sources[0].ends_with("a.txt") && sources[1].ends_with("c.txt"),
            "{sources:?}"
        );
        assert_reported_once(&output);
    }
}

#[test]
fn the_reader_summaries_report_the_story_and_show_the_others() {
    let (_dir, paths) = stories();
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    // stdout is not a terminal: the reader prints summaries instead.
    let Some(output) = run_armed(&args) else {
        return;
    };
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("Ferry resumes") && out.contains("Market hall") && !out.contains("Bridge"),
        "{out}"
    );
    assert_reported_once(&output);
}

/// Unarmed (no `WHOSAID_TEST_FAULT`), the marker is only text.
#[test]
fn without_the_hook_the_marker_is_plain_text() {
    let (_dir, paths) = stories();
    let mut args = vec!["annotate", "--format", "jsonl"];
    args.extend(paths.iter().map(String::as_str));
    let output = Command::new(BIN)
        .args(&args)
        .env_remove("WHOSAID_TEST_FAULT")
        .output()
        .expect("whosaid runs");
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), 3);
}

/// In the reader, the story the annotator panics on is a problem with it:
/// the reader keeps the terminal (no message over its screen), lists the
/// other stories, and tells the problem on stderr once it is quit.
#[test]
fn the_reader_keeps_going_and_tells_the_problem_on_exit() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: only debug builds of whosaid can be made to fail");
        return;
    }
    let Some(tmux) = common::tmux::Tmux::start("annotator-panic", 250, 40, common::tmux::SHELL)
    else {
        return;
    };
    let (dir, _paths) = stories();
    let home = tempfile::tempdir().expect("a temporary directory");
    tmux.wait_for("the shell", |s| s.contains('$'));
    tmux.type_line(&format!(
        "WHOSAID_TEST_FAULT=annotate WHOSAID_CONFIG_DIR='{}' WHOSAID_STATE_DIR='{}' {BIN} '{}'; echo \"EXITED=$?\"",
        home.path().join("config").display(),
        home.path().join("state").display(),
        dir.path().display()
    ));
    tmux.wait_for("the other stories, loading done", |s| {
        s.contains("Ferry resumes") && s.contains("Market hall") && !s.contains("Annotating")
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert_eq!(
        tmux.format("#{alternate_on}"),
        "1",
        "the reader keeps the terminal:\n{}",
        tmux.screen()
    );
    let screen = tmux.screen();
    assert!(
        !screen.contains("internal error in thread"),
        "nothing is printed over the reader:\n{screen}"
    );
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("the exit", |s| s.lines().any(|l| l.starts_with("EXITED=")));
    assert!(screen.lines().any(|l| l == "EXITED=1"), "{screen}");
    assert!(
        screen.contains(
            ".txt: the annotator failed on this input: a panic caused by WHOSAID_TEST_FAULT"
        ),
        "{screen}"
    );
    tmux.assert_restored("after a caught panic");
}
