//! The article pane: header, the visible rows of the body, the focus gutter
//! and a scrollbar that shows the view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use crate::model::{Meta, ParagraphKind};
use crate::tui::cells::{clean, truncate};
use crate::tui::geometry::Geometry;
use crate::tui::story::{Row, StoryView};
use crate::tui::theme::Theme;

use super::draw;
use super::highlight::styled_line;

/// The gutter beside the focused paragraph's lines.
pub const FOCUS_MARK: &str = "▌";
/// The gutter beside the current claim's lines.
pub const CLAIM_MARK: &str = "┃";

pub struct ArticleView<'a> {
    pub story: &'a StoryView,
    pub theme: &'a Theme,
    pub geometry: &'a Geometry,
    /// The body rows from the top of the view (see [`StoryView::visible_rows`]).
    pub rows: &'a [Row],
}

impl ArticleView<'_> {
    fn header(&self, buf: &mut Buffer) {
        let (story, theme, area) = (self.story, self.theme, self.geometry.header);
        let doc = &story.doc;
        let title = clean(&doc.display_title()).into_owned();
        let mut facts: Vec<String> = Vec::new();
        facts.extend(doc.meta().date.clone());
        if !doc.meta().dateline.is_empty() {
            facts.push(doc.meta().dateline.join("/"));
        }
        let sources = story.all_sources;
        facts.push(format!(
            "{} · {}",
            plural(sources, "source"),
            plural(story.index.claim_order.len(), "claim")
        ));
        facts.extend(provenance(doc.meta()));
        // Cut with an ellipsis, so a long address never looks whole.
        let facts = truncate(&clean(&facts.join(" · ")), usize::from(area.width));
        let lines = [
            Line::from(Span::styled(title, theme.title)),
            Line::from(Span::styled(facts, theme.meta)),
        ];
        for (i, line) in lines.into_iter().enumerate().take(usize::from(area.height)) {
            let row = Rect::new(area.x, area.y + i as u16, area.width, 1);
            draw::line(&line, row, buf);
        }
    }

    fn body(&self, buf: &mut Buffer) {
        let (story, theme, g) = (self.story, self.theme, self.geometry);
        if story.view.blocks.is_empty() || self.rows.is_empty() {
            let note = if story.doc.paragraphs().is_empty() {
                "This story has no text."
            } else {
                "Nothing to show."
            };
            Span::styled(note, theme.hidden).render(g.body, buf);
            return;
        }
        for (y, row) in (g.body.y..g.body.bottom()).zip(self.rows) {
            let line_area = Rect::new(g.body.x, y, g.body.width, 1);
            match row {
                Row::Text {
                    paragraph, range, ..
                } => {
                    let in_claim = story
                        .current_claim_bytes(*paragraph)
                        .is_some_and(|c| c.start < range.end && range.start < c.end);
                    // The current claim's lines get a mark of their own, so
                    // it shows without colour too.
                    let mark = if in_claim {
                        Some(CLAIM_MARK)
                    } else {
                        (Some(*paragraph) == story.focus).then_some(FOCUS_MARK)
                    };
                    if let Some(mark) = mark {
                        Span::styled(mark, theme.focus_bar)
                            .render(Rect::new(g.gutter.x, y, 1, 1), buf);
                    }
                    let base = match story.doc.paragraphs()[*paragraph].kind {
                        ParagraphKind::Body => theme.text,
                        ParagraphKind::Heading | ParagraphKind::Title => theme.heading,
                    };
                    let line = styled_line(story, *paragraph, range.clone(), base, theme);
                    draw::line(&line, line_area, buf);
                }
                Row::Hidden(count) => {
                    let text = format!("… {} hidden", plural(*count, "paragraph"));
                    Span::styled(text, theme.hidden).render(line_area, buf);
                }
                Row::Gap => {}
            }
        }
    }
}

/// Who wrote a web page's story, where and at what address: the header's
/// last facts, so the counts stay in view when the line is cut.
fn provenance(meta: &Meta) -> Vec<String> {
    let mut facts = Vec::new();
    if !meta.authors.is_empty() {
        facts.push(format!("by {}", meta.authors.join(", ")));
    }
    facts.extend(meta.site.clone());
    facts.extend(meta.url.clone());
    facts
}

/// The article's scrollbar, drawn after the panel: beside it, the track is
/// the panel's own border and only the thumb is drawn over it.
pub struct ArticleScrollbar<'a> {
    pub story: &'a StoryView,
    pub theme: &'a Theme,
    pub geometry: &'a Geometry,
}

impl Widget for &ArticleScrollbar<'_> {
    fn render(self, _area: Rect, buf: &mut Buffer) {
        let story = self.story;
        let area = self.geometry.scrollbar;
        let (top, max_top, viewport) = story.scroll_extent();
        if max_top == 0 || area.height < 3 {
            return;
        }
        // The thumb shows the view: where it starts and how much it covers.
        let mut state = ScrollbarState::new(max_top + 1)
            .position(top)
            .viewport_content_length(viewport);
        let over_panel = self.geometry.panel.is_some_and(|p| p.x == area.x);
        let track = (!over_panel).then_some("│");
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(track)
            .track_style(self.theme.border)
            .thumb_style(self.theme.focus_bar)
            .render(area, buf, &mut state);
    }
}

impl Widget for &ArticleView<'_> {
    fn render(self, _area: Rect, buf: &mut Buffer) {
        self.header(buf);
        self.body(buf);
    }
}

pub use crate::words::{plural, stories};
