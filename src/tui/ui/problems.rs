//! The inputs that could not be read, and why: a scrollable overlay over
//! the story list. File names and messages come from outside (a file name
//! may hold escape sequences), so every line is drawn cleaned.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::tui::cells::{clean, truncate};
use crate::tui::library::PROBLEM_LINES;
use crate::tui::theme::Theme;
use crate::words::plural;

use super::draw;

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
        let [popup] = Layout::horizontal([Constraint::Length(area.width.saturating_sub(4))])
            .flex(Flex::Center)
            .areas(area);
        let [popup] = Layout::vertical([Constraint::Length(height)])
            .flex(Flex::Center)
            .areas(popup);
        Clear.render(popup, buf);
        let inner_height = popup.height.saturating_sub(2);
        let total = u16::try_from(line_count(self.problems)).unwrap_or(u16::MAX);
        let max_scroll = total.saturating_sub(inner_height);
        let scroll = self.scroll.min(max_scroll);
        let more = if max_scroll > 0 { " · j/k scroll" } else { "" };
        let title = format!(
            " {} could not be read · Esc closes{more} ",
            plural(self.problems.len(), "input")
        );
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(self.theme.border_focused);
        let inner = block.inner(popup);
        block.render(popup, buf);
        let title_area = Rect::new(popup.x + 1, popup.y, popup.width.saturating_sub(2), 1);
        draw::span(
            Span::styled(title, self.theme.border_focused),
            title_area,
            buf,
        );
        let lines = self.lines(usize::from(inner.width));
        let rows = lines.iter().skip(usize::from(scroll));
        for (y, line) in (inner.y..inner.bottom()).zip(rows) {
            draw::line(line, Rect::new(inner.x, y, inner.width, 1), buf);
        }
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
