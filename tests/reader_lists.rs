//! End to end, under tmux: a folder of stories without headlines lists them
//! by their lead sentences, stories of one title by their file names, with
//! a position counter; an input that could not be read is said where the
//! user is and listed on `e`; what was read and the sort come back the next
//! time the library opens. Skips with a note when tmux is not installed.

mod common;

use common::tmux::{SHELL, Tmux};

/// Stories of our own: three plain-text leads longer than a headline (so
/// the loader does not take them for one), two Markdown stories of the
/// same title on different days.
fn write_stories(dir: &std::path::Path) {
    let stories = [
        (
            "0001.txt",
            "Fishermen in the northern bay said the catch this spring was the best in a decade of poor seasons.\n\nPrices at the market fell.\n",
        ),
        (
            "0002.txt",
            "The town council voted late on Tuesday to close the old stone bridge to lorries for a year.\n\nRepairs start in May.\n",
        ),
        (
            "0003.txt",
            "Teachers at the village school asked parents to help repaint the classrooms over the long summer holiday.\n\nPaint was donated.\n",
        ),
        (
            "monday.md",
            "---\ntitle: Harbour news\ndate: 2024-03-04\n---\n\nThe harbour opened at dawn, the pilot said.\n",
        ),
        (
            "tuesday.md",
            "---\ntitle: Harbour news\ndate: 2024-03-05\n---\n\nThe harbour closed at noon, the pilot said.\n",
        ),
    ];
    for (name, text) in stories {
        std::fs::write(dir.join(name), text).expect("a story written");
    }
}

/// The line of the list that shows `title`.
fn row<'a>(screen: &'a str, title: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("{title} not listed:\n{screen}"))
}

const FISHERMEN: &str = "Fishermen in the northern bay said the catch this spring was the…";
const COUNCIL: &str = "The town council voted late on Tuesday to close the old stone…";
const TEACHERS: &str =
    "Teachers at the village school asked parents to help repaint the classrooms…";

#[test]
fn headline_less_stories_are_told_apart_and_what_was_read_is_remembered() {
    let Some(tmux) = Tmux::start("lists", 120, 40, SHELL) else {
        return;
    };
    let binary = env!("CARGO_BIN_EXE_whosaid");
    let home = tempfile::tempdir().expect("a temporary directory");
    let library = tempfile::tempdir().expect("a temporary directory");
    write_stories(library.path());
    let missing = library.path().join("ghost-story.txt");
    let command = format!(
        "WHOSAID_CONFIG_DIR='{0}/config' WHOSAID_STATE_DIR='{0}/state' '{binary}' '{1}' '{2}' 2>/dev/null; echo \"EXITED=$?\"",
        home.path().display(),
        library.path().display(),
        missing.display()
    );
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&command);

    // Lead sentences for titles, file names beside the same titles, the
    // counter, and the input that could not be read.
    let screen = tmux.wait_for("the library, all annotated", |s| {
        s.contains("5 stories · by date")
            && !s.contains("annotating…")
            && [FISHERMEN, COUNCIL, TEACHERS].iter().all(|t| s.contains(t))
            && s.contains("Harbour news · monday.md")
            && s.contains("Harbour news · tuesday.md")
            && s.contains(" 1/5 ")
            && s.contains("1 input could not be read · e shows why")
    });
    assert!(
        !screen.contains("0001") && !screen.contains("Empty"),
        "no file stems for titles:\n{screen}"
    );
    assert!(
        row(&screen, COUNCIL).contains('•'),
        "unread at first:\n{screen}"
    );

    // e names the missing file and why; Esc closes it.
    tmux.keys(&["e"]);
    tmux.wait_for("the inputs that could not be read", |s| {
        s.contains("1 input could not be read · Esc closes") && s.contains("ghost-story.txt")
    });
    tmux.keys(&["Escape"]);
    tmux.wait_for("the list again", |s| {
        !s.contains("Esc closes") && s.contains(COUNCIL)
    });

    // Sorted by title, the council story is last: G, Enter opens it.
    tmux.keys(&["o"]);
    tmux.wait_for("sorted by title", |s| {
        s.contains("by title") && s.find(TEACHERS) < s.find(COUNCIL)
    });
    tmux.keys(&["G"]);
    tmux.wait_for("the cursor on the last story", |s| s.contains(" 5/5 "));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the council story open", |s| {
        s.contains("¶ 1/") && s.contains("Repairs start in May")
    });
    tmux.keys(&["q"]);
    tmux.wait_for("the list", |s| s.contains("5 stories · by title"));
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| {
        s.lines().any(|l| l.trim_end() == "EXITED=1")
    });

    // Reopened: still by title, the council story read (no dot) while the
    // others are not, and the cursor on it, the story read last.
    tmux.type_line("clear");
    tmux.type_line(&command);
    let screen = tmux.wait_for("the library reopened", |s| {
        s.contains("5 stories · by title")
            && !s.contains("annotating…")
            && s.contains(" 5/5 ")
            && [FISHERMEN, TEACHERS]
                .iter()
                .all(|t| row(s, t).contains('•'))
            && s.contains(COUNCIL)
    });
    let council = row(&screen, COUNCIL);
    assert!(!council.contains('•'), "read: {council}");
    assert!(council.contains('▌'), "the cursor on it: {council}");
    tmux.keys(&["Q"]);
    tmux.wait_for("the exit", |s| {
        s.lines().filter(|l| l.trim_end() == "EXITED=1").count() == 1
    });
}
