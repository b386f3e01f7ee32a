//! The story list, shown when several stories are open.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::safe_text::one_line;
use crate::tui::story::StoryView;
use crate::tui::theme::Theme;

use super::article::{plural, stories};
use super::panel::truncate;

pub struct StoryList<'a> {
    pub stories: &'a [StoryView],
    pub cursor: usize,
    pub theme: &'a Theme,
}

impl Widget for &StoryList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border_focused)
            .title(Span::styled(
                format!(" {} ", stories(self.stories.len())),
                theme.border_focused,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        if self.stories.is_empty() {
            Span::styled("No stories.", theme.hidden).render(inner, buf);
            return;
        }
        // Two rows per story, and a blank one between.
        let per_page = (usize::from(inner.height) / 3).max(1);
        let offset = (self.cursor + 1).saturating_sub(per_page);
        let width = usize::from(inner.width).saturating_sub(2);
        let mut y = inner.y;
        for (i, story) in self.stories.iter().enumerate().skip(offset) {
            if y + 1 >= inner.bottom() {
                break;
            }
            let doc = &story.doc;
            let mut facts: Vec<String> = Vec::new();
            facts.extend(doc.meta.date.clone());
            if !doc.meta.dateline.is_empty() {
                facts.push(doc.meta.dateline.join("/"));
            }
            facts.push(plural(story.all_sources, "source"));
            facts.push(plural(story.index.claim_order.len(), "claim"));
            let marker = if i == self.cursor { "▌ " } else { "  " };
            let title_style = if i == self.cursor {
                theme.title.patch(theme.cursor_row)
            } else {
                theme.title
            };
            Line::from(vec![
                Span::styled(marker, theme.focus_bar),
                Span::styled(
                    truncate(&one_line(&doc.display_title()), width),
                    title_style,
                ),
            ])
            .render(Rect::new(inner.x, y, inner.width, 1), buf);
            Line::from(vec![
                Span::raw("  "),
                Span::styled(truncate(&one_line(&facts.join(" · ")), width), theme.meta),
            ])
            .render(Rect::new(inner.x, y + 1, inner.width, 1), buf);
            y += 3;
        }
    }
}
