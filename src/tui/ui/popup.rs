//! What the scrolling overlays (the help, the inputs that could not be
//! read) share: a framed box centred on the screen, its text scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::tui::theme::Theme;

use super::draw;

/// Clears and frames a box of `width`×`height` centred in `area` for
/// `total` lines of text, titled `title(scrolls)`; returns the area inside
/// and `scroll` held to the text.
pub fn frame(
    area: Rect,
    (width, height): (u16, u16),
    total: usize,
    scroll: u16,
    title: impl FnOnce(bool) -> String,
    theme: &Theme,
    buf: &mut Buffer,
) -> (Rect, usize) {
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(popup);
    Clear.render(popup, buf);
    let inner_height = usize::from(popup.height.saturating_sub(2));
    let max_scroll = total.saturating_sub(inner_height);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let title_area = Rect::new(popup.x + 1, popup.y, popup.width.saturating_sub(2), 1);
    draw::span(
        Span::styled(title(max_scroll > 0), theme.border_focused),
        title_area,
        buf,
    );
    (inner, usize::from(scroll).min(max_scroll))
}

/// Draws `lines` into `inner` from line `scroll` down.
pub fn text(lines: &[Line], scroll: usize, inner: Rect, buf: &mut Buffer) {
    for (y, line) in (inner.y..inner.bottom()).zip(lines.iter().skip(scroll)) {
        draw::line(line, Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
