//! End to end: the real binary in a real terminal (tmux), driven by keys.
//! Skips with a note when tmux is not installed (`.ci/run` installs it).

mod common;

use std::collections::BTreeSet;

use common::tmux::{SHELL, Tmux, attributes_of};

/// Config and state directories of the test's own, so the reader never
/// reads or writes the real ones.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        Home {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    fn config(&self) -> std::path::PathBuf {
        self.dir.path().join("config")
    }

    fn state(&self) -> std::path::PathBuf {
        self.dir.path().join("state")
    }

    /// The environment to run the reader with.
    fn env(&self) -> String {
        format!(
            "WHOSAID_CONFIG_DIR='{}' WHOSAID_STATE_DIR='{}'",
            self.config().display(),
            self.state().display()
        )
    }
}

/// The sources panel's part of the screen: every line from the column where
/// its border starts.
fn panel(screen: &str) -> String {
    let column = screen
        .lines()
        .find_map(|l| l.find("┌ Sources").map(|byte| l[..byte].chars().count()))
        .unwrap_or_else(|| panic!("no sources panel:\n{screen}"));
    screen
        .lines()
        .map(|l| l.chars().skip(column).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_reader_under_tmux() {
    let Some(tmux) = Tmux::start("reader", 120, 40, SHELL) else {
        return;
    };
    let binary = env!("CARGO_BIN_EXE_whosaid");
    let home = Home::new();
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&format!("{} '{binary}'; echo \"EXITED=$?\"", home.env()));

    // The sources panel lists the named and the anonymous sources.
    // Every check is part of what is waited for: a frame may be half drawn
    // when captured (tmux 3.3 ignores synchronized output).
    tmux.wait_for(
        "the sources panel listing Zelenskiy and the official",
        |s| {
            s.contains("┌ Sources") && s.contains("¶ 1/") && {
                let panel = panel(s);
                panel.contains("Zelenskiy") && panel.contains("an official familiar with the")
            }
        },
    );
    assert_eq!(
        tmux.format("#{alternate_on}"),
        "1",
        "the reader uses the alternate screen"
    );

    // f, choose Poland: only the paragraph mentioning Poland remains.
    tmux.keys(&["f"]);
    tmux.wait_for("the country picker", |s| s.contains("Filter by country"));
    tmux.keys(&["-l", "Pol"]);
    tmux.wait_for("Poland in the picker", |s| {
        s.contains("> Pol") && s.contains("Poland")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("only the Tusk paragraph, and PL in the status bar", |s| {
        s.contains("paragraphs hidden")
            && s.contains("Tusk")
            && !s.contains("Envoys sent by")
            && s.contains(" PL ")
    });

    // ? shows the keys.
    tmux.keys(&["?"]);
    // Waiting for every entry also waits out a frame still being drawn.
    let entries = [
        "next paragraph",
        "filter by country",
        "search the text",
        "quit",
    ];
    tmux.wait_for("the help listing the keys", |s| {
        s.contains("Keys") && entries.iter().all(|e| s.contains(e))
    });

    // q closes the help; then, with no list to go back to, q quits, and
    // the terminal is as it was.
    tmux.keys(&["q"]);
    tmux.wait_for("the help closed", |s| {
        !s.contains("Keys") && s.contains("Tusk")
    });
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains("EXITED=0"));
    tmux.assert_restored("after q");
}

/// Three short stories of our own (Markdown, for their dates) and a file
/// that is not text.
fn write_library(dir: &std::path::Path) {
    let stories = [
        (
            "ferry.md",
            "---\ntitle: Ferry resumes after storm\ndate: 2024-03-01\n---\n\nThe island ferry sailed again on Friday, the operator said.\n\n\"We are back on schedule,\" said captain Mara Olsen.\n\nOlsen said the harbour in Norway had been closed for a week.\n\nThe first crossing was full.\n\nPassengers waited on the pier.\n\nA second boat joined in the afternoon.\n",
        ),
        (
            "bridge.md",
            "---\ntitle: Bridge reopens to traffic\ndate: 2024-05-12\n---\n\nEngineers said the bridge was safe, a city official told reporters.\n\n\"It took longer than we hoped,\" said Mara Olsen, who chairs the transport board.\n",
        ),
        (
            "market.md",
            "---\ntitle: Market hall gets a new roof\ndate: 2024-04-20\n---\n\nTraders welcomed the repairs, the council said.\n",
        ),
    ];
    for (name, text) in stories {
        std::fs::write(dir.join(name), text).unwrap();
    }
    std::fs::write(dir.join("broken.txt"), b"not\0text").unwrap();
}

#[test]
fn a_folder_opens_as_a_library_and_stories_reopen_where_they_were_left() {
    let Some(tmux) = Tmux::start("library", 120, 40, SHELL) else {
        return;
    };
    let binary = env!("CARGO_BIN_EXE_whosaid");
    let home = Home::new();
    let library = tempfile::tempdir().unwrap();
    write_library(library.path());
    let command = format!(
        "{} '{binary}' '{}' 2>/dev/null; echo \"EXITED=$?\"",
        home.env(),
        library.path().display()
    );
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&command);

    // Every story listed, newest first, with its counts; the bad file counted.
    let screen = tmux.wait_for("the library, all annotated", |s| {
        s.contains("3 stories · by date")
            && s.contains(" 3 stories ")
            && s.contains("1 input could not be read")
    });
    let order: Vec<usize> = ["Bridge reopens", "Market hall", "Ferry resumes"]
        .iter()
        .map(|t| {
            screen
                .find(t)
                .unwrap_or_else(|| panic!("{t} missing:\n{screen}"))
        })
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "newest first:\n{screen}"
    );

    // o sorts by title; / filters by text.
    tmux.keys(&["o"]);
    tmux.wait_for("sorted by title", |s| {
        s.contains("by title")
            && s.find("Bridge reopens") < s.find("Ferry resumes")
            && s.find("Ferry resumes") < s.find("Market hall")
    });
    tmux.keys(&["/"]);
    tmux.keys(&["-l", "ferry"]);
    tmux.wait_for("only the ferry story", |s| {
        s.contains("1 of 3 stories") && s.contains("Ferry resumes") && !s.contains("Market hall")
    });
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for("the ferry story open", |s| {
        s.contains("┌ Sources") && s.contains("¶ 1/")
    });
    tmux.keys(&["j", "j", "j"]);
    tmux.wait_for("the fourth paragraph", |s| s.contains("¶ 4/"));

    // Tab in the library: Mara Olsen, quoted in two stories, is one source.
    tmux.keys(&["h"]);
    tmux.wait_for("the filtered list", |s| s.contains("1 of 3 stories"));
    // Esc alone: sent with the next key, it would read as Alt and that key.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the whole list", |s| s.contains("┌ 3 stories · by title"));
    tmux.keys(&["Tab"]);
    tmux.wait_for("the sources across stories", |s| {
        s.contains("Sources across stories")
            && s.lines()
                .any(|l| l.contains("Mara Olsen") && l.contains(" 2 "))
    });
    // q goes back a level, to the stories; there, q quits.
    tmux.keys(&["q"]);
    tmux.wait_for("the stories again", |s| s.contains("┌ 3 stories"));
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains("EXITED=1"));
    let state = std::fs::read_to_string(home.state().join("state.json")).expect("state saved");
    assert!(
        state.contains("\"paragraph\": "),
        "a position saved: {state}"
    );
    assert!(
        state.contains(&format!("{:?}", library.path().display().to_string())),
        "the library remembered: {state}"
    );

    // Reopened, the story is where it was left.
    tmux.type_line("clear");
    tmux.type_line(&command);
    tmux.wait_for("the library again", |s| s.contains(" 3 stories "));
    tmux.keys(&["/"]);
    tmux.keys(&["-l", "ferry"]);
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for("the ferry story where it was left", |s| s.contains("¶ 4/"));
    // Q quits from inside a story.
    tmux.keys(&["Q"]);
    tmux.wait_for("the second exit", |s| {
        s.matches("EXITED=1").count() == 1 && s.contains("EXITED=1")
    });
}

/// A config that unbinds quit, Ctrl-c and suspend once left the reader with
/// no way out: Ctrl-c still quits, and the reader said why before starting.
#[test]
fn ctrl_c_quits_whatever_the_config_says() {
    let Some(tmux) = Tmux::start("ctrl-c", 120, 40, SHELL) else {
        return;
    };
    let binary = env!("CARGO_BIN_EXE_whosaid");
    let home = Home::new();
    std::fs::create_dir_all(home.config()).unwrap();
    std::fs::write(
        home.config().join("config.toml"),
        "[keys.always]\nquit = []\nsuspend = []\n[keys.anywhere]\nquit = []\nleave = []\n",
    )
    .unwrap();
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&format!("{} '{binary}'; echo \"EXITED=$?\"", home.env()));
    tmux.wait_for("the reader", |s| {
        s.contains("┌ Sources") && s.contains("¶ 1/")
    });
    tmux.keys(&["q"]);
    tmux.keys(&["C-c"]);
    let screen = tmux.wait_for("the exit", |s| s.contains("EXITED=0"));
    assert!(
        screen.contains("config.toml:2: Ctrl-c always quits, whatever the config says"),
        "{screen}"
    );
    tmux.assert_restored("after Ctrl-c");
}

/// A mistyped file name and a binary file once opened an empty library,
/// the errors shown only after quitting: now they are printed where the
/// user typed, and whosaid exits 2 without starting the reader.
#[test]
fn nothing_readable_is_reported_without_starting_the_reader() {
    let Some(tmux) = Tmux::start("unreadable", 100, 30, SHELL) else {
        return;
    };
    let binary = env!("CARGO_BIN_EXE_whosaid");
    let home = Home::new();
    let files = tempfile::tempdir().unwrap();
    let missing = files.path().join("storry.txt");
    let binary_file = files.path().join("photo.txt");
    std::fs::write(&binary_file, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0]).unwrap();
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&format!(
        "{} '{binary}' '{}' '{}'; echo \"EXITED=$?\"",
        home.env(),
        missing.display(),
        binary_file.display()
    ));
    let screen = tmux.wait_for("the exit", |s| s.lines().any(|l| l.starts_with("EXITED=")));
    assert!(screen.lines().any(|l| l == "EXITED=2"), "{screen}");
    assert!(screen.contains("storry.txt: no such file"), "{screen}");
    assert!(screen.contains("photo.txt"), "{screen}");
    assert!(screen.contains("no story could be read"), "{screen}");
    assert!(!screen.contains("0 stories"), "no empty library: {screen}");
    tmux.assert_restored("after nothing could be read");
}

/// A status message once faded after 4 s, read or not: now it stays until
/// the next key, and that key clears it.
#[test]
fn a_message_stays_until_the_next_key() {
    let Some(tmux) = Tmux::start("message", 120, 40, SHELL) else {
        return;
    };
    let binary = env!("CARGO_BIN_EXE_whosaid");
    let home = Home::new();
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&format!("{} '{binary}'; echo \"EXITED=$?\"", home.env()));
    tmux.wait_for("the reader", |s| s.contains("¶ 1/"));
    tmux.keys(&["C-o"]);
    tmux.wait_for("the message", |s| {
        s.contains("No earlier place to go back to")
    });
    std::thread::sleep(std::time::Duration::from_secs(5));
    assert!(
        tmux.screen().contains("No earlier place to go back to"),
        "still there after 5 s without a key"
    );
    tmux.keys(&["j"]);
    tmux.wait_for("the message gone", |s| {
        !s.contains("No earlier place") && s.contains("¶ 2/")
    });
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.lines().any(|l| l == "EXITED=0"));
}

/// The issue: under NO_COLOR a country in a direct quote was drawn exactly
/// like a partial quote (italic, underlined). In the real terminal the
/// country now carries bold as well, and the partial quote does not.
#[test]
fn without_colour_a_country_in_a_quote_differs_from_a_partial_quote() {
    let Some(tmux) = Tmux::start("no-color", 100, 30, SHELL) else {
        return;
    };
    let binary = env!("CARGO_BIN_EXE_whosaid");
    let home = Home::new();
    let stories = tempfile::tempdir().unwrap();
    let story = stories.path().join("minister.md");
    std::fs::write(
        &story,
        "---\ntitle: Minister rules out a retreat\ndate: 2024-06-01\n---\n\n\
         “We will never leave France,” the minister said on Tuesday.\n\n\
         The minister said the talks had been “difficult but useful” and would go on next week.\n",
    )
    .unwrap();
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&format!(
        "NO_COLOR=1 {} '{binary}' '{}'; echo \"EXITED=$?\"",
        home.env(),
        story.display()
    ));
    tmux.wait_for("the story", |s| {
        s.contains("¶ 1/") && s.contains("leave France") && s.contains("difficult but useful")
    });
    let styled = tmux.wait_for_styled("difficult but useful");
    let attributes = |text: &str| {
        attributes_of(&styled, text).unwrap_or_else(|| panic!("{text:?} not on screen"))
    };
    let set = |numbers: &[u16]| numbers.iter().copied().collect::<BTreeSet<u16>>();
    // "leave " is quoted text; "France" the country inside the quote.
    let quote = attributes("leave France");
    let (leave, france) = (&quote[0], &quote[6]);
    let partial = &attributes("difficult but useful")[0];
    assert_eq!(*leave, set(&[3]), "a direct quote is italic");
    assert_eq!(
        *france,
        set(&[1, 3, 4]),
        "a country in a quote: bold, italic, underlined"
    );
    assert_eq!(
        *partial,
        set(&[3, 4]),
        "a partial quote: italic, underlined"
    );
    assert_ne!(france, partial);
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.lines().any(|l| l == "EXITED=0"));
}
