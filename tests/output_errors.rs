//! Output that cannot be written is an error (exit 2, with a message),
//! never a silent success or a panic; a reader that stops reading (`| head`)
//! is not an error.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{BIN, code, path_str, stderr};

/// A short story on disk, for commands that need a file.
fn story(dir: &Path) -> String {
    let path = dir.join("bridge.txt");
    std::fs::write(&path, "The mayor said: \"We will rebuild the bridge.\"\n").unwrap();
    path_str(&path).to_string()
}

/// Runs whosaid with `args` and standard output closed, as `>&-` leaves it.
fn with_stdout_closed(args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(r#"exec "$0" "$@" >&-"#)
        .arg(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("sh runs")
}

/// Runs whosaid with `args` and standard output on a full disk.
fn with_stdout_full(args: &[&str]) -> Option<Output> {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .ok()?;
    let output = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("whosaid runs");
    Some(output)
}

#[test]
fn a_closed_stdout_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = story(dir.path());
    let commands: [&[&str]; 5] = [
        &["annotate", &file],
        &["annotate", "--format", "text", &file],
        &[&file],
        &[],
        &["--print-default-config"],
    ];
    for args in commands {
        let output = with_stdout_closed(args);
        assert_eq!(code(&output), 2, "{args:?}: {}", stderr(&output));
        assert!(
            stderr(&output).contains("standard output is closed"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn a_full_disk_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = story(dir.path());
    let commands: [&[&str]; 6] = [
        &["annotate", &file],
        &["annotate", "--format", "markdown", &file],
        &[&file],
        &[],
        &["--print-default-config"],
        &["--help"],
    ];
    for args in commands {
        let Some(output) = with_stdout_full(args) else {
            return;
        };
        let message = stderr(&output);
        assert_eq!(code(&output), 2, "{args:?}: {message}");
        assert!(message.contains("cannot write"), "{args:?}: {message}");
        assert!(!message.contains("internal error"), "{args:?}: {message}");
    }
}

#[test]
fn a_full_stderr_does_not_crash() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let output = Command::new(BIN)
        .args(["annotate", "/nonexistent/story.txt"])
        .stdout(Stdio::null())
        .stderr(full)
        .output()
        .expect("whosaid runs");
    assert_eq!(output.status.code(), Some(2), "{:?}", output.status);
}

/// `whosaid annotate … | head -c 100`: the reader has what it wanted.
#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (0..3000)
        .map(|i| format!("{{\"id\": \"{i}\", \"text\": \"The mayor said: \\\"We will rebuild bridge {i}.\\\"\"}}\n"))
        .collect();
    let path = dir.path().join("many.jsonl");
    std::fs::write(&path, lines).unwrap();
    let mut child = Command::new(BIN)
        .args(["annotate", "--format", "json", path_str(&path)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("whosaid runs");
    let mut start = [0u8; 100];
    let mut stdout = child.stdout.take().unwrap();
    stdout.read_exact(&mut start).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}
