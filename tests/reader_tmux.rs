//! End to end: the real binary in a real terminal (tmux), driven by keys.
//! Skips with a note when tmux is not installed (`.ci/run` installs it).

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A private tmux server, killed when the test ends (pass or fail).
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(width: u16, height: u16) -> Option<Self> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("note: tmux is not installed; skipping the end-to-end reader test");
            return None;
        }
        let tmux = Tmux {
            socket: format!("whosaid-e2e-{}", std::process::id()),
        };
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-s",
            "e2e",
            "sh",
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(tmux)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    fn type_line(&self, line: &str) {
        let mut args = vec!["send-keys", "-t", "e2e", "-l", line];
        assert!(self.run(&args).status.success());
        args = vec!["send-keys", "-t", "e2e", "Enter"];
        assert!(self.run(&args).status.success());
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    fn format(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "e2e", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the screen satisfies `ready`, and returns it.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
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
    let Some(tmux) = Tmux::start(120, 40) else {
        return;
    };
    let binary = env!("CARGO_BIN_EXE_whosaid");
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&format!("'{binary}'; echo \"EXITED=$?\""));

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

    // q quits, and the terminal is as it was.
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| s.contains("EXITED=0"));
    assert_eq!(tmux.format("#{alternate_on}"), "0", "main screen back");
    assert_eq!(tmux.format("#{mouse_any_flag}"), "0", "mouse capture off");
    assert_eq!(tmux.format("#{cursor_flag}"), "1", "cursor shown");
    tmux.type_line("stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' ' | sed 's/^/MODES: /'; echo");
    let screen = tmux.wait_for("stty", |s| s.lines().any(|l| l.starts_with("MODES: ")));
    let modes = screen
        .lines()
        .find(|l| l.starts_with("MODES: "))
        .unwrap_or_default();
    assert_eq!(modes.trim(), "MODES: icanon echo", "raw mode is off");
}
