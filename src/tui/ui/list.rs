//! What the three full-screen lists share (stories, sources across stories,
//! one source's claims): the framed block, the page of items, the note shown
//! when nothing is listed, and drawing items of two lines each.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::tui::cells::width;
use crate::tui::geometry::{LIST_ITEM_ROWS, items_in};
use crate::tui::theme::Theme;

/// Draws the list's frame, `title` at the left and `hint` at the right, and
/// returns the area inside it; `None` when there is no room inside. The
/// title may hold a source's name, so it is drawn by [`super::draw`], in the
/// room the hint leaves.
pub fn frame(
    title: String,
    hint: &str,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Rect> {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Line::from(Span::styled(hint, theme.border)).alignment(Alignment::Right));
    let inner = block.inner(area);
    block.render(area, buf);
    let hint_width = u16::try_from(width(hint)).unwrap_or(u16::MAX);
    let room = area.width.saturating_sub(2).saturating_sub(hint_width);
    let title_area = Rect::new(area.x.saturating_add(1), area.y, room, 1.min(area.height));
    super::draw::span(Span::styled(title, theme.border_focused), title_area, buf);
    (inner.height > 0).then_some(inner)
}

/// How many items fit in `inner` under `header` rows.
pub fn page(inner: Rect, header: u16) -> usize {
    items_in(inner.height, header)
}

/// Row `y` of `inner`.
pub fn row(inner: Rect, y: u16) -> Rect {
    Rect::new(inner.x, y, inner.width, 1)
}

/// The line that stands where the items would ("No stories."), at row `top`.
pub fn note(text: &str, inner: Rect, top: u16, theme: &Theme, buf: &mut Buffer) {
    if top < inner.bottom() {
        Span::styled(text, theme.hidden).render(row(inner, top), buf);
    }
}

/// Draws items from row `top` down to the bottom of `inner`. `items` is
/// lazy: items below the bottom are never made.
pub fn items<'a>(
    items: impl Iterator<Item = [Line<'a>; LIST_ITEM_ROWS as usize]>,
    inner: Rect,
    top: u16,
    buf: &mut Buffer,
) {
    let mut y = top;
    for lines in items {
        if y >= inner.bottom() {
            break;
        }
        for line in lines {
            if y < inner.bottom() {
                super::draw::line(&line, row(inner, y), buf);
            }
            y += 1;
        }
    }
}
