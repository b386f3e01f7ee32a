//! End to end under tmux: characters whose width terminals and width tables
//! disagree on (soft hyphens, Indic vowel signs, Hangul fillers) must not
//! shift, hide or overwrite text, nor push the article into the sources panel.
//! Skips with a note when tmux is not installed (`.ci/run` installs it).

mod common;

use common::tmux::{SHELL, Tmux};

const SHY: &str = "\u{ad}";

/// A story of our own: German words with soft hyphens (title and body),
/// Bengali, Tamil, Malayalam and Kannada words with spacing vowel signs, and
/// a quote opening with 30 Hangul fillers, all quoted so the panel lists a
/// speaker.
fn story() -> String {
    let word = ["Ver", "hand", "lungs", "ergeb", "nis", "se"].join(SHY);
    let fillers = "\u{3164}".repeat(30);
    format!(
        "---\ntitle: {word} der Tarifrunde liegen vor\ndate: 2024-06-01\n---\n\n\
         Die {word} sind da, the union said on Monday.\n\n\
         \"The word কাজ means work and கால் means leg,\" said Anna Weber, a language teacher.\n\n\
         \"Malayalam writes കാൽ and Kannada writes ಕೂಗು for a call,\" Weber said.\n\n\
         \"{fillers} after the fillers the text goes on,\" said Anna Weber.\n\n\
         The talks will resume in the autumn, the employers said.\n\n\
         Both sides met in Hamburg for three days.\n"
    )
}

/// What must stand whole in the article, each within one row and left of the panel.
const INTACT: [&str; 6] = [
    "Verhandlungsergebnisse der Tarifrunde liegen vor",
    "Die Verhandlungsergebnisse sind da, the union said on Monday.",
    "কাজ means work and கால் means leg,\" said Anna Weber",
    "Malayalam writes കാൽ and Kannada writes ಕೂಗು for a call,\" Weber said.",
    " after the fillers the text goes on,\"",
    "The talks will resume in the autumn, the employers said.",
];

/// How many columns the sources panel takes at the right of the screen
/// (its top border, "┌ Sources ───┐", is all one-column characters).
fn panel_columns(screen: &str) -> Option<usize> {
    let top = screen.lines().find(|l| l.contains("┌ Sources"))?;
    let start = top.find("┌ Sources")?;
    Some(top[start..].trim_end().chars().count())
}

/// Problems with the screen: a phrase not whole left of the panel, or a
/// panel row whose borders are not at the panel's edges.
fn problems(screen: &str) -> Vec<String> {
    let Some(columns) = panel_columns(screen) else {
        return vec!["no sources panel".to_string()];
    };
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let mut found = Vec::new();
    let top = rows
        .iter()
        .position(|r| String::from_iter(r).contains("┌ Sources"))
        .unwrap_or(0);
    let mut bottom = None;
    for (y, row) in rows.iter().enumerate().skip(top) {
        // The panel's own rows hold only one-column characters, so its
        // edges are found counting characters from the end of the row.
        let Some(panel) = row.len().checked_sub(columns).map(|x| &row[x..]) else {
            found.push(format!("row {y} is too short for the panel"));
            continue;
        };
        let (left, right) = (panel[0], panel[columns - 1]);
        let edges = match y {
            _ if y == top => ('┌', '┐'),
            _ if left == '└' => ('└', '┘'),
            _ => ('│', '│'),
        };
        if (left, right) != edges {
            found.push(format!(
                "row {y}: panel edges {left}{right}, not {}{}",
                edges.0, edges.1
            ));
        }
        if left == '└' {
            bottom = Some(y);
            break;
        }
    }
    if bottom.is_none() {
        found.push("the panel has no bottom border".to_string());
    }
    let article: Vec<String> = rows
        .iter()
        .map(|r| r[..r.len().saturating_sub(columns)].iter().collect())
        .collect();
    for phrase in INTACT {
        if !article.iter().any(|row| row.contains(phrase)) {
            found.push(format!("not whole left of the panel: {phrase}"));
        }
    }
    if screen.contains('\u{3164}') || screen.contains(SHY) {
        found.push("a filler or soft hyphen reached the terminal".to_string());
    }
    found
}

#[test]
fn uncertain_widths_shift_no_text_and_keep_the_panel_whole() {
    let Some(tmux) = Tmux::start("widths", 120, 30, SHELL) else {
        return;
    };
    let binary = env!("CARGO_BIN_EXE_whosaid");
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("tarif.md");
    std::fs::write(&file, story()).unwrap();
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&format!(
        "WHOSAID_CONFIG_DIR='{0}/config' WHOSAID_STATE_DIR='{0}/state' '{binary}' '{1}'; echo \"EXITED=$?\"",
        home.path().display(),
        file.display()
    ));
    let first = tmux.wait_for("the story and its panel", |s| {
        s.contains("┌ Sources") && s.contains("¶ 1/") && s.contains("Anna Weber")
    });
    // A frame may be half drawn when captured: wait for a good one, then
    // report the last seen if none comes.
    let settled = |what: &str| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            let screen = tmux.screen();
            let found = problems(&screen);
            if found.is_empty() {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{what}: {found:#?}\n{screen}"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    };
    settled(&format!("first frame\n{first}"));
    // Moving the focus redraws only the cells that change: where the
    // terminal and ratatui disagree on a width, those land on the wrong columns.
    tmux.keys(&["j", "j", "j"]);
    tmux.wait_for("the fourth paragraph", |s| s.contains("¶ 4/"));
    settled("after moving to the fillers");
    tmux.keys(&["k", "Tab", "j"]);
    tmux.wait_for("the sources focused", |s| s.contains("¶ 3/"));
    settled("after focusing the sources");
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains("EXITED=0"));
}
