//! The country picker: type to narrow, arrows to move, Enter to filter.

use crate::tui::app::Picker;
use crate::tui::cells::{clean, truncate, width};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::article::{plural, stories};
use super::draw;

pub struct PickerView<'a> {
    pub picker: &'a Picker,
    pub theme: &'a Theme,
}

impl PickerView<'_> {
    fn popup(&self, area: Rect) -> Rect {
        let rows = self.picker.items.len().max(1) as u16 + 4;
        let [popup] = Layout::horizontal([Constraint::Length(48)])
            .flex(Flex::Center)
            .areas(area);
        let [popup] = Layout::vertical([Constraint::Length(rows)])
            .flex(Flex::Center)
            .areas(popup);
        popup
    }

    /// Where the cursor goes: after the typed text.
    pub fn cursor(&self, area: Rect) -> Position {
        let popup = self.popup(area);
        let x = popup.x + 3 + width(&clean(&self.picker.query)) as u16;
        Position::new(x.min(popup.right().saturating_sub(2)), popup.y + 1)
    }
}

impl Widget for &PickerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, picker) = (self.theme, self.picker);
        let popup = self.popup(area);
        Clear.render(popup, buf);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border_focused)
            .title(Span::styled(" Filter by country ", theme.border_focused));
        let inner = block.inner(popup);
        block.render(popup, buf);
        if inner.height == 0 {
            return;
        }
        let mut lines = vec![
            Line::from(vec![
                Span::styled("> ", theme.key),
                Span::raw(clean(&picker.query).into_owned()),
            ]),
            Line::default(),
        ];
        if picker.items.is_empty() {
            let note = if picker.all.is_empty() && picker.stories {
                "No story mentions a country (yet)."
            } else if picker.all.is_empty() {
                "This story mentions no countries."
            } else {
                "No country matches."
            };
            lines.push(Line::from(Span::styled(note, theme.hidden)));
        }
        let list_rows = usize::from(inner.height).saturating_sub(2).max(1);
        let offset = (picker.cursor + 1).saturating_sub(list_rows);
        for (i, &c) in picker.items.iter().enumerate().skip(offset) {
            let Some(country) = picker.all.get(c) else {
                continue;
            };
            let bloc = if country.bloc { " (bloc)" } else { "" };
            let name = format!("{}{bloc}", clean(&country.name));
            let count = if picker.stories {
                stories(country.count)
            } else {
                plural(country.count, "mention")
            };
            let code = format!("{:<5}", clean(&country.code));
            let room = usize::from(inner.width).saturating_sub(width(&code) + width(&count) + 1);
            let name = truncate(&name, room);
            let pad = usize::from(inner.width)
                .saturating_sub(width(&code) + width(&name) + width(&count));
            let style = if i == picker.cursor {
                theme.cursor_row
            } else {
                theme.text
            };
            lines.push(Line::from(vec![
                Span::styled(code, style.patch(theme.key)),
                Span::styled(name, style),
                Span::styled(" ".repeat(pad), style),
                Span::styled(count, style.patch(theme.meta)),
            ]));
        }
        for (y, line) in (inner.y..inner.bottom()).zip(lines) {
            draw::line(&line, Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}
