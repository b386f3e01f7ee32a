//! What the three full-screen lists share (stories, sources across stories,
//! one source's claims): the framed block, the page of items, the note shown
//! when nothing is listed, and drawing items of two lines each.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

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

/// Where the cursor is in a list framed in `area`: `12/301` in the bottom
/// border's right corner, and, when the list is longer than the `page` of
/// items in view, a scrollbar over the right border showing which part is
/// in view from `offset` (a block thumb, so it shows without colour).
pub fn position(
    cursor: usize,
    len: usize,
    (offset, page): (usize, usize),
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    if len == 0 || area.height < 3 || area.width < 3 {
        return;
    }
    let counter = format!(" {}/{} ", cursor.saturating_add(1).min(len), len);
    let counter_width = u16::try_from(width(&counter)).unwrap_or(u16::MAX);
    if counter_width + 2 <= area.width {
        let at = Rect::new(
            area.right() - 1 - counter_width,
            area.bottom() - 1,
            counter_width,
            1,
        );
        Span::styled(counter, theme.border_focused).render(at, buf);
    }
    if len > page {
        // Positions are the first items a view can start at: 0 to len - page.
        let mut state = ScrollbarState::new(len - page + 1)
            .position(offset)
            .viewport_content_length(page);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .thumb_symbol("█")
            .style(theme.border_focused)
            .render(
                area.inner(Margin {
                    vertical: 1,
                    horizontal: 0,
                }),
                buf,
                &mut state,
            );
    }
}
