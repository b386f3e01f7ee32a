//! End to end under tmux: a paragraph taller than the screen is read to
//! its last line with `Space`, with `j` and with the mouse wheel, at 80x24,
//! and the reader then goes on to the next paragraph.

mod common;

use std::collections::BTreeSet;
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::tmux::{SHELL, Tmux};

/// Numbered words, so every line of the long paragraph can be told apart.
const WORDS: usize = 1_400;
const LAST: &str = "The last paragraph follows it.";

/// A story of our own: a short paragraph, one of about 8,000 characters,
/// and a last one.
fn story() -> String {
    let long: Vec<String> = (1..=WORDS).map(|i| format!("w{i}")).collect();
    format!(
        "---\ntitle: A very long paragraph\ndate: 2024-06-01\n---\n\n\
         The first paragraph is short.\n\n{}\n\nThe last paragraph follows it.\n",
        long.join(" ")
    )
}

/// The numbered words on the screen.
fn words(screen: &str) -> impl Iterator<Item = usize> + '_ {
    screen
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.strip_prefix('w')?.parse().ok())
}

/// The reader on the long story at 80x24, the story on screen.
fn open(name: &str) -> (Tmux, tempfile::TempDir) {
    let tmux = Tmux::start(name, 80, 24, SHELL).expect("tmux (install it to run this test)");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("long.md");
    std::fs::write(&path, story()).expect("the story written");
    let binary = env!("CARGO_BIN_EXE_whosaid");
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&format!(
        "WHOSAID_CONFIG_DIR='{0}/c' WHOSAID_STATE_DIR='{0}/s' '{binary}' '{1}'; echo \"EXITED=$?\"",
        dir.path().display(),
        path.display()
    ));
    tmux.wait_for("the story", |s| {
        s.contains("A very long paragraph") && s.contains("¶ 1/3")
    });
    (tmux, dir)
}

/// Presses `key` (a list of tmux send-keys arguments) until the screen
/// shows `end` and stops changing; returns every numbered word seen on the
/// way.
fn read_with(tmux: &Tmux, key: &[&str], end: &str) -> BTreeSet<usize> {
    let mut seen: BTreeSet<usize> = words(&tmux.screen()).collect();
    let mut screen = tmux.screen();
    for _ in 0..200 {
        tmux.keys(key);
        // Wait for the frame the key produced (the screen changes), or
        // give up after a moment when the key changed nothing.
        let deadline = Instant::now() + Duration::from_millis(700);
        let mut now = tmux.screen();
        while now == screen && Instant::now() < deadline {
            sleep(Duration::from_millis(20));
            now = tmux.screen();
        }
        // Let a half-drawn frame finish.
        sleep(Duration::from_millis(30));
        now = tmux.screen();
        seen.extend(words(&now));
        let unchanged = now == screen;
        screen = now;
        if unchanged && screen.contains(end) {
            break;
        }
    }
    seen
}

fn assert_read_whole(seen: &BTreeSet<usize>, how: &str) {
    let missed: Vec<usize> = (1..=WORDS).filter(|w| !seen.contains(w)).collect();
    assert!(missed.is_empty(), "{how} never showed words {missed:?}");
}

fn quit(tmux: &Tmux) {
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.lines().any(|l| l == "EXITED=0"));
}

#[test]
fn space_reads_a_long_paragraph_to_its_end() {
    let (tmux, _dir) = open("scroll-space");
    let seen = read_with(&tmux, &["Space"], LAST);
    assert_read_whole(&seen, "Space");
    tmux.wait_for("the last paragraph focused", |s| s.contains("¶ 3/3"));
    quit(&tmux);
}

#[test]
fn j_reads_a_long_paragraph_to_its_end_then_moves_on() {
    let (tmux, _dir) = open("scroll-j");
    let seen = read_with(&tmux, &["j"], LAST);
    assert_read_whole(&seen, "j");
    tmux.wait_for("the last paragraph focused", |s| s.contains("¶ 3/3"));
    // And k goes back up through it to the first paragraph.
    let back = read_with(&tmux, &["k"], "¶ 1/3");
    assert_read_whole(&back, "k");
    quit(&tmux);
}

#[test]
fn the_wheel_scrolls_through_a_long_paragraph() {
    let (tmux, _dir) = open("scroll-wheel");
    // A wheel notch down, as a terminal reports it with SGR mouse
    // reporting (button 65 at column 10, row 10).
    let wheel_down = [
        "-H", "1b", "5b", "3c", "36", "35", "3b", "31", "30", "3b", "31", "30", "4d",
    ];
    let seen = read_with(&tmux, &wheel_down, LAST);
    assert_read_whole(&seen, "the wheel");
    assert!(tmux.screen().contains(LAST), "the wheel reaches the end");
    quit(&tmux);
}
