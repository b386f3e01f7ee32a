//! The open story's claims as a list over the article (`c`): who, what
//! kind, and the first words, in reading order; Enter jumps to one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Widget};

use crate::model::{Claim, ClaimKind};
use crate::tui::app::StoryClaims;
use crate::tui::cells::{clean, truncate};
use crate::tui::story::StoryView;
use crate::tui::theme::Theme;
use crate::words::thousands;

use super::library::{row_style, spread};
use super::list;
use super::panel::claim_kind_label;

pub struct StoryClaimsView<'a> {
    pub story: &'a StoryView,
    pub list: &'a StoryClaims,
    pub theme: &'a Theme,
}

impl Widget for &StoryClaimsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (story, claims, theme) = (self.story, self.list, self.theme);
        Clear.render(area, buf);
        let title = format!(" Claims in this story · {} ", thousands(claims.items.len()));
        let Some(inner) = list::frame(title, " Enter jumps there ", theme, area, buf) else {
            return;
        };
        let width = usize::from(inner.width);
        let page = list::page(inner, 0);
        let offset = claims.rows.offset_for(claims.items.len(), page);
        let (cursor, len) = (claims.rows.cursor, claims.items.len());
        list::position(cursor, len, (offset, page), theme, area, buf);
        let doc = &story.doc;
        let rows = claims
            .items
            .iter()
            .enumerate()
            .skip(offset)
            .filter_map(|(n, &i)| {
                let claim = doc.claim(*story.index.claim_order.get(i)? as usize)?;
                let cursor = n == claims.rows.cursor;
                let marker = if cursor { "▌ " } else { "  " };
                let by = claim
                    .speaker
                    .as_deref()
                    .and_then(|id| doc.speaker_name(id))
                    .unwrap_or("no source found");
                let heading = format!(
                    "¶ {} · {}",
                    story.paragraph_number(claim.paragraph),
                    clean(by)
                );
                let (heading, kind) = spread(
                    &heading,
                    claim_kind_label(claim.kind),
                    width.saturating_sub(2),
                );
                Some([
                    Line::from(vec![
                        Span::styled(marker, theme.focus_bar),
                        Span::styled(heading, row_style(theme.speaker, cursor, theme)),
                        Span::styled(kind, theme.meta),
                    ]),
                    words_line(&claim, marker, width, theme),
                ])
            });
        list::items(rows, inner, inner.y, buf);
    }
}

/// The second line of a claim in a list: its words, indented, in the
/// style of its kind, in quotation marks unless it is reported speech.
pub fn words_line(
    claim: &Claim,
    marker: &'static str,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let style = match claim.kind {
        ClaimKind::Direct => theme.direct,
        ClaimKind::Partial => theme.partial,
        ClaimKind::Indirect => theme.indirect,
    };
    let words = claim.kind.cite(&clean(&claim.words()));
    Line::from(vec![
        Span::styled(marker, theme.focus_bar),
        Span::raw("  "),
        Span::styled(truncate(&words, width.saturating_sub(4)), style),
    ])
}
