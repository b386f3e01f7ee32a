//! The help overlay, generated from the live keymap, with a legend of the
//! highlight styles drawn in those very styles.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::tui::cells::width;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

use super::draw;

pub struct HelpView<'a> {
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
    pub scroll: u16,
}

/// Rows of the legend at the top of the help.
const LEGEND_ROWS: usize = 4;

/// How many lines the help has for `keymap` (what `update` clamps scrolling to).
pub fn line_count(keymap: &Keymap) -> usize {
    LEGEND_ROWS
        + keymap
            .help_sections()
            .iter()
            .map(|(_, rows)| 2 + rows.len())
            .sum::<usize>()
}

impl HelpView<'_> {
    pub fn lines(&self) -> Vec<Line<'static>> {
        let theme = self.theme;
        let mut lines = vec![
            Line::from(Span::styled("Highlights", theme.section)),
            Line::from(vec![
                Span::styled("Speaker", theme.speaker),
                Span::raw("  "),
                Span::styled("selected source", theme.speaker_selected),
                Span::raw("  "),
                Span::styled("Country", theme.country),
            ]),
            Line::from(vec![
                Span::styled("“direct quote”", theme.direct),
                Span::raw("  "),
                Span::styled("partial quote", theme.partial),
                Span::raw("  "),
                Span::styled("reported speech", theme.indirect),
            ]),
            Line::from(vec![
                Span::styled("search match", theme.search_hit),
                Span::raw("  "),
                Span::styled("current match", theme.search_current),
                Span::raw("  "),
                Span::styled("▌", theme.focus_bar),
                Span::raw(" focused paragraph"),
            ]),
        ];
        let sections = self.keymap.help_sections();
        let key_width = sections
            .iter()
            .flat_map(|(_, rows)| rows.iter().map(|(k, _)| width(k)))
            .max()
            .unwrap_or(0);
        for (title, rows) in sections {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(title, theme.section)));
            for (keys, description) in rows {
                let pad = " ".repeat(key_width.saturating_sub(width(&keys)) + 2);
                lines.push(Line::from(vec![
                    Span::styled(keys, theme.key),
                    Span::raw(pad),
                    Span::raw(description),
                ]));
            }
        }
        lines
    }
}

impl Widget for &HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = self.lines();
        let width = lines.iter().map(draw::line_width).max().unwrap_or(0) as u16 + 4;
        let height = lines.len() as u16 + 2;
        let [popup] = Layout::horizontal([Constraint::Length(width)])
            .flex(Flex::Center)
            .areas(area);
        let [popup] = Layout::vertical([Constraint::Length(height)])
            .flex(Flex::Center)
            .areas(popup);
        Clear.render(popup, buf);
        let inner_height = popup.height.saturating_sub(2);
        let max_scroll = (lines.len() as u16).saturating_sub(inner_height);
        let scroll = self.scroll.min(max_scroll);
        let more = if max_scroll > 0 { " · j/k scroll" } else { "" };
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(self.theme.border_focused)
            .title(Span::styled(
                format!(" Keys · Esc closes{more} "),
                self.theme.border_focused,
            ));
        let inner = block.inner(popup);
        block.render(popup, buf);
        // Key names come from the user's config: drawn like story text.
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
    fn line_count_matches_the_lines_drawn() {
        let keymap = Keymap::default();
        let theme = Theme::default();
        let view = HelpView {
            keymap: &keymap,
            theme: &theme,
            scroll: 0,
        };
        assert_eq!(view.lines().len(), line_count(&keymap));
    }
}
