//! Writes text into the buffer cluster by cluster, with the widths of
//! [`crate::tui::cells`]. ratatui's own text widgets measure clusters with
//! the width table alone, so story text is drawn here instead: a cluster
//! whose width ratatui would get wrong is written with its width forced, so
//! the frame diff skips the cells it covers and moves the terminal's cursor
//! to the cell after it, whatever width the terminal gave the cluster.
//! Whatever it is given goes through [`crate::tui::cells::drawable`] first,
//! so nothing whose width is in doubt reaches a cell.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::cells::{drawable, glyphs, width};
use crate::tui::wrap::wrap;

/// Draws `line` left-aligned in the first row of `area`, cut at its right edge.
pub fn line(line: &Line<'_>, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    buf.set_style(area, line.style);
    let mut pen = Pen {
        x: area.x,
        y: area.y,
        right: area.right(),
        last: None,
    };
    for span in &line.spans {
        pen.put(buf, &span.content, line.style.patch(span.style));
    }
}

/// Draws one span, as [`line`] does.
pub fn span(span: Span<'_>, area: Rect, buf: &mut Buffer) {
    line(&Line::from(span), area, buf);
}

/// Columns `line` takes when drawn.
pub fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| width(&s.content)).sum()
}

/// Draws `spans`, one logical line of text, word-wrapped into the rows of
/// `area` from the top, each span keeping its style. Returns the rows used.
pub fn wrapped(spans: &[Span<'_>], area: Rect, buf: &mut Buffer) -> u16 {
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    let mut starts = Vec::with_capacity(spans.len());
    let mut at = 0;
    for s in spans {
        starts.push(at);
        at += s.content.len();
    }
    let mut rows = 0;
    for (range, y) in wrap(&text, usize::from(area.width))
        .into_iter()
        .zip(area.y..area.bottom())
    {
        let mut pieces = Vec::new();
        for (s, &start) in spans.iter().zip(&starts) {
            let (a, b) = (
                range.start.max(start),
                range.end.min(start + s.content.len()),
            );
            if a < b
                && let Some(piece) = text.get(a..b)
            {
                pieces.push(Span::styled(piece.to_string(), s.style));
            }
        }
        line(
            &Line::from(pieces),
            Rect::new(area.x, y, area.width, 1),
            buf,
        );
        rows += 1;
    }
    rows
}

/// Where the next cluster goes on one row.
struct Pen {
    x: u16,
    y: u16,
    right: u16,
    /// The last cell written, and its width: a mark with no base of its own
    /// joins it, as it would in the terminal.
    last: Option<(u16, u16)>,
}

impl Pen {
    fn put(&mut self, buf: &mut Buffer, text: &str, style: Style) {
        // Callers pass text already cleaned; this makes sure of it.
        let text = drawable(text);
        for (glyph, columns) in glyphs(&text) {
            let columns = u16::try_from(columns).unwrap_or(u16::MAX);
            if columns == 0 {
                if let Some((x, w)) = self.last {
                    let cell = &mut buf[(x, self.y)];
                    let joined = format!("{}{glyph}", cell.symbol());
                    cell.set_symbol(&joined);
                    settle(cell, w);
                }
                continue;
            }
            if self.x.saturating_add(columns) > self.right {
                self.x = self.right;
                return;
            }
            let cell = &mut buf[(self.x, self.y)];
            cell.set_symbol(glyph).set_style(style);
            settle(cell, columns);
            for hidden in self.x + 1..self.x + columns {
                buf[(hidden, self.y)].reset();
            }
            self.last = Some((self.x, columns));
            self.x += columns;
        }
    }
}

/// Makes the diff treat `cell` as `columns` wide when ratatui would measure
/// its cluster otherwise.
fn settle(cell: &mut ratatui::buffer::Cell, columns: u16) {
    let option = match NonZeroU16::new(columns) {
        Some(w) if cell.symbol().cell_width() != columns => CellDiffOption::ForcedWidth(w),
        _ => CellDiffOption::None,
    };
    cell.set_diff_option(option);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(buf: &Buffer) -> Vec<(String, u16)> {
        buf.content
            .iter()
            .map(|c| (c.symbol().to_string(), c.cell_width()))
            .collect()
    }

    #[test]
    fn clusters_ratatui_would_mismeasure_get_their_width_forced() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        // Bengali কা: one cell two columns wide, then "জ" on the third.
        span(Span::raw("\u{995}\u{9be}\u{99c}x"), buf.area, &mut buf);
        assert_eq!(
            row(&buf),
            [
                ("\u{995}\u{9be}".to_string(), 2),
                (" ".to_string(), 1),
                ("\u{99c}".to_string(), 1),
                ("x".to_string(), 1),
                (" ".to_string(), 1),
                (" ".to_string(), 1),
            ]
        );
        assert!(matches!(
            buf.content[0].diff_option,
            CellDiffOption::ForcedWidth(_)
        ));
        assert_eq!(buf.content[2].diff_option, CellDiffOption::None);
    }

    #[test]
    fn nothing_is_drawn_past_the_right_edge() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 1));
        line(
            &Line::from("ab\u{995}\u{9be}\u{995}\u{9be}"),
            Rect::new(0, 0, 4, 1),
            &mut buf,
        );
        let symbols: Vec<&str> = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(symbols, ["a", "b", "\u{995}\u{9be}", " ", " "]);
    }

    #[test]
    fn wrapped_spans_keep_their_styles() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 3));
        let bold = Style::new().bold();
        let rows = wrapped(
            &[Span::styled("by ", bold), Span::raw("Anna Weber here")],
            buf.area,
            &mut buf,
        );
        assert_eq!(rows, 3);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(text, "by Anna Weber   here    ");
        assert_eq!(buf.content[0].modifier, bold.add_modifier);
        assert_eq!(buf.content[3].modifier, Style::new().add_modifier);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::tui::cells::clean;

    const PIECES: [&str; 16] = [
        "a",
        "Wort",
        " ",
        "\u{ad}",
        "কা",
        "জ",
        "ಕೂ",
        "\u{3164}",
        "\u{200d}",
        "👨",
        "\u{fe0f}",
        "❤",
        "e\u{301}",
        "日本",
        "\u{1b}",
        "\u{1f44d}\u{1f3fd}",
    ];

    proptest! {
        /// Drawn with room to spare, text covers exactly the columns it
        /// measures, every cell as wide as its cluster measures, and no
        /// cluster is lost.
        #[test]
        fn text_covers_exactly_the_columns_it_measures(
            pieces in prop::collection::vec(0..PIECES.len(), 1..30),
        ) {
            let raw: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let text = clean(&raw);
            let columns = width(&text);
            let area = Rect::new(0, 0, u16::try_from(columns + 2).unwrap(), 1);
            let mut buf = Buffer::empty(area);
            line(&Line::from(text.as_ref()), area, &mut buf);
            let mut x = 0;
            let mut drawn = String::new();
            while x < buf.content.len() {
                let cell = &buf.content[x];
                let w = width(cell.symbol()).max(1);
                prop_assert_eq!(usize::from(cell.cell_width()), w, "{:?}", cell.symbol());
                drawn.push_str(cell.symbol());
                x += w;
            }
            prop_assert_eq!(drawn.trim_end(), text.trim_end());
        }
    }
}
