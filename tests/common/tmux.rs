//! A private tmux server for end-to-end tests of the reader in a real
//! terminal. `Tmux::start` returns `None` (and says so) when tmux is not
//! installed, so such tests skip on a machine without it; under CI (`CI` set,
//! as `.ci/run` does) a missing tmux fails them instead, so they never pass
//! by skipping there.

use std::collections::BTreeSet;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A shell with job control and no start-up files, whatever the user's.
pub const SHELL: &str = "env PS1='$ ' bash --norc --noprofile -i";

/// A tmux server on its own socket, killed when dropped (pass or fail).
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// A `width`×`height` session running `shell` (a command line).
    pub fn start(name: &str, width: u16, height: u16, shell: &str) -> Option<Self> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is not installed, and CI must run the end-to-end tests (.ci/run installs it)"
            );
            eprintln!("note: tmux is not installed; skipping this end-to-end test");
            return None;
        }
        let tmux = Tmux {
            socket: format!("whosaid-{name}-{}", std::process::id()),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let out = tmux.run(&["new-session", "-d", "-x", &w, "-y", &h, "-s", "e2e", shell]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(tmux)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Sends keys by tmux name ("Enter", "C-z") or, after "-l", literally.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    /// Types `line` and presses Enter.
    pub fn type_line(&self, line: &str) {
        self.keys(&["-l", line]);
        self.keys(&["Enter"]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// The screen with its attributes and colours as escape sequences
    /// (`capture-pane -e`), for [`attributes_of`].
    pub fn styled_screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-e", "-p", "-t", "e2e"]).stdout)
            .into_owned()
    }

    /// Waits until the styled screen shows `text` and is the same twice in
    /// a row (a frame may be half drawn when captured), and returns it.
    pub fn wait_for_styled(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        let mut last = String::new();
        loop {
            let screen = self.styled_screen();
            if screen == last && attributes_of(&screen, text).is_some() {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}, drawn and settled; screen:\n{}",
                self.screen()
            );
            last = screen;
            sleep(Duration::from_millis(100));
        }
    }

    /// A tmux format about the pane, such as `#{alternate_on}`.
    pub fn format(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "e2e", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the screen satisfies `ready`, and returns it.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
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

    /// Waits until the tmux format `format` reads `value`.
    pub fn wait_for_format(&self, format: &str, value: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.format(format) != value {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {format} = {value}; screen:\n{}",
                self.screen()
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Checks the terminal is as a shell wants it: main screen, no mouse
    /// capture, cursor shown, and (asked of the shell itself, with `stty`)
    /// canonical mode and echo on.
    pub fn assert_restored(&self, after: &str) {
        assert_eq!(
            self.format("#{alternate_on}"),
            "0",
            "{after}: main screen back"
        );
        assert_eq!(
            self.format("#{mouse_any_flag}"),
            "0",
            "{after}: mouse capture off"
        );
        assert_eq!(self.format("#{cursor_flag}"), "1", "{after}: cursor shown");
        self.keys(&["C-l"]);
        self.type_line(
            "stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo|isig)' | tr '\\n' ' ' | sed 's/^/MODES: /'; echo",
        );
        let screen = self.wait_for("stty", |s| s.lines().any(|l| l.starts_with("MODES: ")));
        let modes = screen
            .lines()
            .find(|l| l.starts_with("MODES: "))
            .unwrap_or_default();
        assert_eq!(
            modes.trim(),
            "MODES: isig icanon echo",
            "{after}: raw mode off"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The SGR attributes in force on each character of the first `text` in
/// `styled` (a [`Tmux::styled_screen`]), as their SGR numbers: 1 bold,
/// 2 dim, 3 italic, 4 underline, 7 reverse. Colours are left out.
pub fn attributes_of(styled: &str, text: &str) -> Option<Vec<BTreeSet<u16>>> {
    let wanted: Vec<char> = text.chars().collect();
    for line in styled.lines() {
        let mut shown = Vec::new();
        let mut attributes = Vec::new();
        let mut now = BTreeSet::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\x1b' {
                shown.push(c);
                attributes.push(now.clone());
                continue;
            }
            if chars.peek() != Some(&'[') {
                continue;
            }
            chars.next();
            let mut params = String::new();
            let mut end = None;
            for c in chars.by_ref() {
                if ('\x40'..='\x7e').contains(&c) {
                    end = Some(c);
                    break;
                }
                params.push(c);
            }
            if end == Some('m') {
                apply_sgr(&params, &mut now);
            }
        }
        if let Some(at) = shown.windows(wanted.len()).position(|w| w == wanted) {
            return Some(attributes[at..at + wanted.len()].to_vec());
        }
    }
    None
}

fn apply_sgr(params: &str, now: &mut BTreeSet<u16>) {
    let mut numbers = params
        .split(';')
        // "4:3" is an underline style: its first number is what counts.
        .map(|p| {
            p.split(':')
                .next()
                .unwrap_or("")
                .parse::<u16>()
                .unwrap_or(0)
        });
    while let Some(n) = numbers.next() {
        match n {
            0 => now.clear(),
            1 | 2 | 3 | 4 | 7 => {
                now.insert(n);
            }
            22 => {
                now.remove(&1);
                now.remove(&2);
            }
            23 | 24 | 27 => {
                now.remove(&(n - 20));
            }
            // An extended colour: skip its arguments.
            38 | 48 | 58 => match numbers.next() {
                Some(5) => {
                    numbers.next();
                }
                Some(2) => {
                    numbers.nth(2);
                }
                _ => {}
            },
            _ => {}
        }
    }
}
