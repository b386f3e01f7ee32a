//! End to end under tmux: `y` copies the current claim with its citation
//! (through OSC 52, or a program the config names) and `o` opens the
//! story's file with the opener the config names.

mod common;

use common::tmux::{SHELL, Tmux};

const STORY: &str = "---\ntitle: Bridge reopens\ndate: 2024-05-12\n---\n\n\
    \"It took longer than we hoped,\" said Mara Olsen, who chairs the transport board.\n\n\
    Engineers said the bridge was safe, a city official told reporters.\n";

/// The reader on our story, with `config` as its config file.
fn open(name: &str, config: &str) -> (Tmux, tempfile::TempDir) {
    let tmux = Tmux::start(name, 100, 30, SHELL).expect("tmux (install it to run this test)");
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("bridge.md"), STORY).unwrap();
    std::fs::create_dir_all(dir.path().join("c")).unwrap();
    std::fs::write(dir.path().join("c/config.toml"), config).unwrap();
    // Applications may set tmux's buffers through OSC 52 only when asked.
    assert!(
        tmux.run(&["set-option", "-g", "set-clipboard", "on"])
            .status
            .success()
    );
    let binary = env!("CARGO_BIN_EXE_whosaid");
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&format!("cd '{}'", dir.path().display()));
    tmux.type_line(&format!(
        "WHOSAID_CONFIG_DIR=c WHOSAID_STATE_DIR=s '{binary}' bridge.md; echo \"EXITED=$?\""
    ));
    tmux.wait_for("the story", |s| {
        s.contains("Bridge reopens") && s.contains("¶ 1/")
    });
    (tmux, dir)
}

/// The citation `y` makes of the first claim.
const CITED: &str = "“It took longer than we hoped” — Mara Olsen (Bridge reopens, 2024-05-12)";

#[test]
fn y_copies_the_claim_through_the_terminal() {
    let (tmux, _dir) = open("copy-osc52", "");
    tmux.keys(&["y"]);
    tmux.wait_for("the message", |s| s.contains("Copied: “It took longer"));
    let out = tmux.run(&["show-buffer"]);
    let buffer = String::from_utf8_lossy(&out.stdout);
    assert_eq!(buffer, CITED);
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.lines().any(|l| l == "EXITED=0"));
}

#[test]
fn y_and_o_use_the_programs_the_config_names() {
    let config = "copy_command = [\"sh\", \"-c\", \"cat > copied.txt\"]\n\
                  open_command = [\"sh\", \"-c\", \"echo \\\"$0\\\" > opened.txt\"]\n";
    let (tmux, dir) = open("copy-command", config);
    tmux.keys(&["y"]);
    tmux.wait_for("the message", |s| s.contains("Copied: "));
    tmux.keys(&["o"]);
    tmux.wait_for("the message", |s| s.contains("Opening bridge.md"));
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.lines().any(|l| l == "EXITED=0"));
    let copied = std::fs::read_to_string(dir.path().join("copied.txt")).expect("copied");
    assert_eq!(copied, CITED);
    let opened = std::fs::read_to_string(dir.path().join("opened.txt")).expect("opened");
    assert_eq!(opened.trim(), "bridge.md");
    let buffers = tmux.run(&["list-buffers"]);
    assert!(buffers.stdout.is_empty(), "no OSC 52 when a program copies");
}
