//! `whosaid [FILE]...` without a terminal: the text summary, never a UI.

use std::io::Write;
use std::process::{Command, Stdio};

fn whosaid(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

#[test]
fn without_a_terminal_the_bundled_story_is_summarized() {
    let out = whosaid(&[]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Berlin security guarantees\n"), "{text}");
    assert!(!text.contains('\u{1b}'), "no escape sequences in a pipe");
}

#[test]
fn files_are_summarized_and_unreadable_ones_reported() {
    let dir = std::env::temp_dir().join(format!("whosaid-reader-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("pier.txt");
    let mut file = std::fs::File::create(&path).unwrap();
    writeln!(
        file,
        "Pier closes for winter\n\nThe pier will close in November, the council said."
    )
    .unwrap();
    let path = path.to_str().unwrap();

    let out = whosaid(&[path, "--color", "never", "--no-mouse"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Pier closes for winter\n"));

    let out = whosaid(&[path, "/nonexistent/whosaid.txt"]);
    assert_eq!(out.status.code(), Some(1), "some inputs failed");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("/nonexistent/whosaid.txt: no such file")
    );

    let out = whosaid(&["/nonexistent/whosaid.txt"]);
    assert_eq!(out.status.code(), Some(2), "nothing could be read");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_folder_opens_every_story_in_it() {
    let dir = std::env::temp_dir().join(format!("whosaid-reader-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Ferry resumes\n\nThe ferry runs again, the operator said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Bridge repaired\n\nThe bridge is open, engineers said.\n",
    )
    .unwrap();
    let out = whosaid(&[dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Ferry resumes") && text.contains("Bridge repaired"),
        "{text}"
    );
}

#[test]
fn a_bad_color_value_is_a_usage_error() {
    let out = whosaid(&["--color", "sometimes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--color"));
}

#[test]
fn a_bad_theme_name_is_a_usage_error() {
    let out = whosaid(&["--theme", "sepia"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--theme") && stderr.contains("light"),
        "{stderr}"
    );
}

#[test]
fn the_default_config_is_printed_with_every_key() {
    let out = whosaid(&["--print-default-config"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[keys.article]\nnext_paragraph = [\"j\", \"Down\"]  # next paragraph"));
    assert!(text.contains("[keys.library]"));
    assert!(text.contains("measure = 96"));
}

#[test]
fn last_without_a_terminal_or_a_library_is_refused_clearly() {
    let state = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["--last", "story.txt"])
        .env("WHOSAID_STATE_DIR", state.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "--last takes no files");
    assert!(
        std::fs::read_dir(state.path()).unwrap().next().is_none(),
        "nothing written"
    );
}
