//! Where everything goes, as a pure function of the terminal size and the
//! panel setting. `update` uses it to know the body's size (for paging and
//! wrapping); rendering uses it to draw. Both agree because both call it.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this size the reader shows a "terminal too small" message instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// The widest the article text gets, in columns, unless the config says
/// otherwise: a readable measure.
pub const MEASURE: u16 = 96;
/// The measures a config may ask for.
pub const MEASURE_RANGE: std::ops::RangeInclusive<u16> = 30..=400;
/// Rows each item of a list (stories, sources, claims) takes.
pub const LIST_ITEM_ROWS: u16 = 2;
/// From this width the sources panel sits beside the article, else below it.
pub const PANEL_BESIDE: u16 = 100;
/// Rows of the article header (title, facts) and the blank line after it.
pub const HEADER_ROWS: u16 = 3;
/// Columns of the focus gutter left of the text.
pub const GUTTER: u16 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    pub area: Rect,
    pub too_small: bool,
    /// Everything above the status bar.
    pub main: Rect,
    pub status: Rect,
    pub article: Rect,
    /// Title and facts, aligned with the text.
    pub header: Rect,
    /// The focus gutter, as tall as the body.
    pub gutter: Rect,
    /// The article text.
    pub body: Rect,
    pub scrollbar: Rect,
    pub panel: Option<Rect>,
}

/// Items of a list that fit in `main` (the screen above the status bar,
/// borders included) under `header` rows of headings.
pub fn list_page(main: Rect, header: u16) -> usize {
    items_in(main.height.saturating_sub(2), header)
}

/// Items of a list that fit in `height` rows inside its borders, under
/// `header` rows of headings; at least one.
pub fn items_in(height: u16, header: u16) -> usize {
    usize::from(height.saturating_sub(header) / LIST_ITEM_ROWS).max(1)
}

impl Geometry {
    /// The layout of a terminal `area`, with or without the sources panel,
    /// the article text at most `measure` columns wide.
    pub fn new(area: Rect, panel: bool, measure: u16) -> Self {
        let mut g = Geometry {
            area,
            ..Geometry::default()
        };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            g.too_small = true;
            return g;
        }
        [g.main, g.status] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        g.article = g.main;
        if panel {
            if area.width >= PANEL_BESIDE {
                let width = (area.width * 3 / 10).clamp(34, 48);
                let [article, side] =
                    Layout::horizontal([Constraint::Fill(1), Constraint::Length(width)])
                        .areas(g.main);
                g.article = article;
                g.panel = Some(side);
            } else {
                // Never so tall that the article loses its last lines of text.
                let height = (g.main.height * 9 / 20)
                    .max(6)
                    .min(g.main.height.saturating_sub(HEADER_ROWS + 2));
                let [article, below] =
                    Layout::vertical([Constraint::Fill(1), Constraint::Length(height)])
                        .areas(g.main);
                g.article = article;
                g.panel = Some(below);
            }
        }
        let a = g.article;
        // A column of margin on the left; on the right a gap and the scrollbar.
        let available = a.width.saturating_sub(3 + GUTTER);
        let text = available.min(measure.max(1));
        let left = a.x + 1 + (available - text) / 2;
        let body_top = a.y + HEADER_ROWS.min(a.height);
        let body_height = a.height.saturating_sub(HEADER_ROWS);
        g.header = Rect::new(left, a.y, text + GUTTER, HEADER_ROWS.min(a.height) - 1);
        g.gutter = Rect::new(left, body_top, GUTTER, body_height);
        g.body = Rect::new(left + GUTTER, body_top, text, body_height);
        // Beside the panel, the scrollbar runs over the panel's left border
        // rather than doubling it.
        let column = match g.panel {
            Some(panel) if panel.x > a.x => panel.x,
            _ => a.right().saturating_sub(1),
        };
        g.scrollbar = Rect::new(column, body_top, 1, body_height);
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_put_the_panel_beside_a_centred_measure() {
        let g = Geometry::new(Rect::new(0, 0, 160, 45), true, MEASURE);
        let panel = g.panel.unwrap();
        assert_eq!((panel.width, panel.height), (48, 44));
        assert_eq!(g.body.width, MEASURE);
        assert!(g.body.right() <= g.article.right());
        assert_eq!(g.status.y, 44);
    }

    #[test]
    fn narrow_terminals_put_the_panel_below() {
        let g = Geometry::new(Rect::new(0, 0, 60, 20), true, MEASURE);
        let panel = g.panel.unwrap();
        assert_eq!(panel.width, 60);
        assert!(panel.y > g.article.y);
        assert_eq!(g.body.width, 60 - 5);
    }

    #[test]
    fn a_narrower_measure_narrows_the_text() {
        let g = Geometry::new(Rect::new(0, 0, 160, 45), true, 60);
        assert_eq!(g.body.width, 60);
        assert_eq!(list_page(Rect::new(0, 0, 60, 19), 2), 7);
    }

    #[test]
    fn small_terminals_are_too_small_and_nothing_underflows() {
        for (w, h) in [(0, 0), (1, 1), (2, 2), (10, 5), (39, 30), (80, 9)] {
            assert!(Geometry::new(Rect::new(0, 0, w, h), true, MEASURE).too_small);
        }
        let g = Geometry::new(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT), true, MEASURE);
        assert!(!g.too_small && g.body.height > 0);
    }
}
