//! Hostile command-line arguments: a file name a shell glob expands can
//! hold escape sequences, and whosaid's usage errors quote the arguments.
//! Nothing of them may reach the terminal as it is: not the clipboard
//! (OSC 52), not the window title (OSC 0).

mod common;

use common::tmux::{SHELL, Tmux};
use common::{code, run_on, stderr};

const CLIPBOARD: &str = "--x\u{1b}]52;c;Y2xhcDEy\u{7}.txt";
const TITLE: &str = "--\u{1b}]0;PWNED\u{7}.txt";

#[test]
fn an_unknown_argument_is_quoted_with_its_escapes_shown() {
    for argument in [CLIPBOARD, TITLE] {
        for args in [
            vec!["annotate", "--format", "text", argument],
            vec![argument],
        ] {
            let output = run_on(&args);
            assert_eq!(code(&output), 2, "{args:?} is a usage error");
            let message = stderr(&output);
            assert!(
                !message.contains(['\u{1b}', '\u{7}']),
                "{args:?}: a control character reached stderr: {message:?}"
            );
            assert!(
                message.contains("unexpected argument '--") && message.contains('␛'),
                "{args:?}: the argument is quoted, its escape shown: {message}"
            );
        }
    }
}

#[test]
fn help_keeps_its_layout() {
    let output = run_on(&["annotate", "--help"]);
    assert_eq!(code(&output), 0);
    let help = common::stdout(&output);
    assert!(help.contains("Usage: whosaid annotate"), "{help}");
    assert!(
        help.lines()
            .any(|line| line.starts_with("  -j, --jobs <N>")),
        "options stay indented: {help}"
    );
}

/// The attack as a user meets it: `whosaid annotate --format text *` in a
/// folder where someone left files with hostile names, in a terminal that
/// honours OSC 52 and OSC 0. The terminal's clipboard buffers and the pane
/// title are unchanged, and the message shows the escapes as symbols.
#[test]
fn hostile_file_names_in_a_glob_reach_neither_clipboard_nor_title() {
    let Some(tmux) = Tmux::start("arguments", 120, 30, SHELL) else {
        return;
    };
    // Applications may set tmux's buffers through OSC 52 (the default only
    // forwards them to the outer terminal, which a test cannot see).
    assert!(
        tmux.run(&["set-option", "-g", "set-clipboard", "on"])
            .status
            .success()
    );
    let dir = tempfile::tempdir().expect("a temporary directory");
    for name in [CLIPBOARD, TITLE, "story.txt"] {
        std::fs::write(dir.path().join(name), "\"Fine,\" said Ana Ruiz.\n")
            .expect("the file is written");
    }
    tmux.wait_for("the shell", |s| s.contains('$'));
    let title_before = tmux.format("#{pane_title}");

    // The terminal does act on these sequences: printed raw, each works.
    tmux.type_line(r"printf '\033]52;c;Y29udHJvbA==\007\033]0;CONTROL\007'; clear");
    tmux.wait_for_format("#{pane_title}", "CONTROL");
    assert!(buffers(&tmux).contains("control"), "OSC 52 sets a buffer");
    assert!(tmux.run(&["delete-buffer"]).status.success());
    tmux.type_line(r"printf '\033]0;%s\007' 'BEFORE'; clear");
    tmux.wait_for_format("#{pane_title}", "BEFORE");

    tmux.type_line(&format!(
        "cd '{}' && '{}' annotate --format text *; echo \"EXITED=$?\"",
        dir.path().display(),
        common::BIN
    ));
    let screen = tmux.wait_for("the usage error", |s| {
        s.lines().any(|line| line.starts_with("EXITED="))
    });
    assert!(
        screen.lines().any(|line| line == "EXITED=2"),
        "a usage error: {screen}"
    );
    assert!(
        screen.contains("␛]"),
        "the escape is shown as a symbol: {screen}"
    );
    assert_eq!(
        tmux.format("#{pane_title}"),
        "BEFORE",
        "the title is unchanged"
    );
    assert_eq!(buffers(&tmux), "", "nothing reached the clipboard");
    assert_ne!(title_before, "PWNED");
}

/// The contents of every tmux paste buffer.
fn buffers(tmux: &Tmux) -> String {
    let out = tmux.run(&["list-buffers", "-F", "#{buffer_sample}"]);
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}
