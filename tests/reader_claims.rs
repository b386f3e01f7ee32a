//! End to end under tmux, at 80x24 where the sources panel is hidden: the
//! current claim is marked in the text and named in the status bar, `c`
//! lists the claims and Enter jumps, and the help scrolls with Space.

mod common;

use common::tmux::{SHELL, Tmux};

const STORY: &str = "---\ntitle: Bridge reopens\ndate: 2024-05-12\n---\n\n\
    The bridge over the river reopened on Monday after two years of repairs.\n\n\
    \"It took longer than we hoped,\" said Mara Olsen, who chairs the transport board.\n\n\
    Engineers said the bridge was safe, a city official told reporters.\n\n\
    \"We checked every bolt,\" said Jonas Berg, the chief engineer.\n";

/// The status bar: the last line of the screen.
fn status(screen: &str) -> &str {
    screen.trim_end().lines().last().unwrap_or_default()
}

#[test]
fn the_current_claim_is_marked_named_and_listed() {
    let tmux = Tmux::start("claims", 80, 24, SHELL).expect("tmux (install it to run this test)");
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("bridge.md"), STORY).unwrap();
    let binary = env!("CARGO_BIN_EXE_whosaid");
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&format!("cd '{}'", dir.path().display()));
    tmux.type_line(&format!(
        "WHOSAID_CONFIG_DIR=c WHOSAID_STATE_DIR=s '{binary}' bridge.md; echo \"EXITED=$?\""
    ));
    let first = tmux.wait_for("the story", |s| {
        s.contains("Bridge reopens") && s.contains("¶ 1/")
    });
    assert!(
        !first.contains("┌ Sources"),
        "the panel is hidden at 80 columns"
    );

    tmux.keys(&["}"]);
    let at_first = tmux.wait_for("the first claim named", |s| {
        status(s).contains("claim 1/4 · Mara Olsen · direct quote")
    });
    let marked: Vec<&str> = at_first.lines().filter(|l| l.starts_with(" ┃")).collect();
    assert!(
        marked.iter().any(|l| l.contains("It took longer")),
        "the claim's lines are marked in the gutter:\n{at_first}"
    );
    tmux.keys(&["}"]);
    let at_second = tmux.wait_for("the second claim named", |s| {
        status(s).contains("claim 2/4")
    });
    assert_ne!(at_first, at_second, "the second }} changes the screen");
    assert!(
        at_second
            .lines()
            .any(|l| l.starts_with(" ┃") && l.contains("Engineers said")),
        "{at_second}"
    );

    tmux.keys(&["c"]);
    // Every part is waited for: a frame may be half drawn when captured.
    // Reported speech is a paraphrase, never in quotation marks; the
    // speakers' own words keep theirs.
    let list = tmux.wait_for("the claims list on the current claim", |s| {
        s.contains("Claims in this story · 4")
            && s.contains(" 2/4 ")
            && s.contains("the bridge was safe")
            && s.contains("“We checked every bolt”")
    });
    assert!(
        !list.contains("“the bridge was safe") && !list.contains("\"the bridge"),
        "{list}"
    );
    tmux.keys(&["j", "j", "Enter"]);
    tmux.wait_for("the last claim", |s| {
        !s.contains("Claims in this story")
            && status(s).contains("claim 4/4 · Jonas Berg · direct quote")
    });

    // The help scrolls with Space, and q closes it before it quits.
    tmux.keys(&["?"]);
    let help = tmux.wait_for("the help", |s| {
        s.contains("Highlights") && s.contains("Anywhere")
    });
    tmux.keys(&["Space"]);
    tmux.wait_for("the help a page on", |s| {
        s.contains("Keys ·") && !s.contains("Highlights") && s != help
    });
    tmux.keys(&["q"]);
    tmux.wait_for("the help closed", |s| {
        !s.contains("Keys ·") && s.contains("Bridge reopens")
    });
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.lines().any(|l| l == "EXITED=0"));
}
