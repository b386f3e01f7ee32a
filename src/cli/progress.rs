//! Progress on stderr, only when stderr is a terminal, and messages that
//! do not tear the bar.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// A progress bar, or nothing when stderr is not a terminal.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar over `total` items, or a counter when the total is unknown.
    /// Shown only when stderr is a terminal and stdout is not (output
    /// lines would tear a bar drawn on the same screen).
    pub fn new(total: Option<usize>, what: &'static str) -> Self {
        if !std::io::stderr().is_terminal() || std::io::stdout().is_terminal() {
            return Progress::hidden();
        }
        let bar = match total {
            Some(total) => ProgressBar::new(total as u64).with_style(
                ProgressStyle::with_template(&format!(
                    "{{bar:30}} {{human_pos}}/{{human_len}} {what} · {{elapsed}} · {{eta}} left"
                ))
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template(&format!(
                    "{{spinner}} {{human_pos}} {what} · {{elapsed}}"
                ))
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        Progress { bar }
    }

    /// No bar: messages only.
    pub fn hidden() -> Self {
        Progress {
            bar: ProgressBar::hidden(),
        }
    }

    pub fn advance(&self, n: usize) {
        self.bar.inc(n as u64);
    }

    /// Prints a line on stderr, above the bar.
    pub fn message(&self, line: &str) {
        self.bar.suspend(|| super::complain(line));
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
