//! The inputs that could not be read, and why: a scrollable overlay over
//! the story list. File names and messages come from outside (a file name
//! may hold escape sequences), so every line is drawn cleaned.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::cells::{clean, truncate};
use crate::tui::library::PROBLEM_LINES;
use crate::tui::theme::Theme;
use crate::words::plural;

use super::popup;

pub struct ProblemsView<'a> {
    pub problems: &'a [String],
    pub theme: &'a Theme,
    pub scroll: u16,
}

/// Lines the overlay's text takes (see [`Library::problem_lines`]).
fn line_count(problems: &[String]) -> usize {
    problems.len() * PROBLEM_LINES
}

/// "notes/a.txt: not a text file" → ("notes/a.txt", "not a text file").
fn split(problem: &str) -> (&str, &str) {
    problem.split_once(": ").unwrap_or((problem, ""))
}

impl ProblemsView<'_> {
    fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let theme = self.theme;
        let mut lines = Vec::with_capacity(line_count(self.problems));
        for problem in self.problems {
            let (input, why) = split(problem);
            lines.push(Line::from(Span::styled(
                truncate(&clean(input), width),
                theme.title,
            )));
            lines.push(Line::from(Span::styled(
                truncate(&format!("  {}", clean(why)), width),
                theme.meta,
            )));
        }
        lines
    }
}

impl Widget for &ProblemsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let height = u16::try_from(line_count(self.problems))
            .unwrap_or(u16::MAX)
            .saturating_add(2);
        let count = self.problems.len();
        let title = |scrolls: bool| {
            let more = if scrolls { " · j/k scroll" } else { "" };
            format!(
                " {} could not be read · Esc closes{more} ",
                plural(count, "input")
            )
        };
        let width = area.width.saturating_sub(4);
        let (inner, scroll) = popup::frame(
            area,
            (width, height),
            line_count(self.problems),
            self.scroll,
            title,
            self.theme,
            buf,
        );
        popup::text(&self.lines(usize::from(inner.width)), scroll, inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_is_split_into_the_input_and_why() {
        assert_eq!(
            split("a: b.txt: not found"),
            ("a", "b.txt: not found"),
            "the first colon and space ends the name"
        );
        assert_eq!(split("no reason"), ("no reason", ""));
    }
}
