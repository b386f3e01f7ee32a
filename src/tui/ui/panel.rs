//! The sources panel: who is quoted, grouped by kind, then who is only
//! mentioned; below, the focused claim's details.

use crate::model::ClaimKind;
use crate::tui::cells::{clean, truncate, width as text_width};
use crate::tui::story::{PanelRow, StoryView, name_room};
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use crate::words::{percent, thousands};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::article::plural;
use super::draw;

/// Rows of the claim details box, borders included.
const DETAILS_ROWS: u16 = 8;

pub struct SourcesPanel<'a> {
    pub story: &'a StoryView,
    pub theme: &'a Theme,
    pub focused: bool,
}

/// The label of a claim kind in the details box.
pub fn claim_kind_label(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Direct => "direct quote",
        ClaimKind::Partial => "partial quote",
        ClaimKind::Indirect => "reported speech",
    }
}

impl SourcesPanel<'_> {
    fn block(&self) -> Block<'static> {
        let style = if self.focused {
            self.theme.border_focused
        } else {
            self.theme.border
        };
        Block::new()
            .borders(Borders::ALL)
            .border_style(style)
            .title(Span::styled(" Sources ", style))
    }

    /// The list area and the details area inside `area`.
    fn areas(&self, area: Rect) -> (Rect, Option<Rect>) {
        let inner = self.block().inner(area);
        if inner.height >= DETAILS_ROWS + 6 {
            let [list, details] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(DETAILS_ROWS)])
                    .areas(inner);
            (list, Some(details))
        } else {
            (inner, None)
        }
    }

    /// The lines above the rows, `width` columns wide: the story's sourcing
    /// in numbers.
    fn summary_lines(&self, width: u16) -> Vec<Line<'static>> {
        let (story, theme) = (self.story, self.theme);
        let mut lines = vec![
            Line::from(Span::styled(
                if story.filter.is_some() {
                    format!(
                        "{} of {} shown",
                        story.view.source_count,
                        plural(story.all_sources, "source")
                    )
                } else {
                    format!(
                        "{} · {}",
                        plural(story.all_sources, "source"),
                        plural(story.index.claim_order.len(), "claim"),
                    )
                },
                theme.meta,
            )),
            Line::from(Span::styled(
                format!(
                    "{} of claims anonymous",
                    percent(story.doc.summary().anonymous_share)
                ),
                theme.meta,
            )),
        ];
        // The rest of the sourcing summary: who is named, where sources are from.
        let summary = story.doc.summary();
        if summary.sources > 0 {
            lines.push(Line::from(Span::styled(
                format!(
                    "{} named · {} anonymous",
                    thousands(summary.named_sources),
                    thousands(summary.anonymous_sources)
                ),
                theme.meta,
            )));
        }
        if !summary.source_countries.is_empty() {
            // As many countries as fit whole (a count cut off would
            // mislead), and " …" when some are left out.
            let items: Vec<String> = summary
                .source_countries
                .iter()
                .map(|c| format!("{} {}", clean(&c.code), thousands(c.claims)))
                .collect();
            let line = |n: usize| {
                let mut text = format!("claims from {}", items[..n].join(" · "));
                if n < items.len() {
                    text.push_str(" …");
                }
                text
            };
            let fits = |n: usize| text_width(&line(n)) <= usize::from(width);
            let shown = (1..=items.len().min(6))
                .rev()
                .find(|&n| fits(n))
                .unwrap_or(1);
            lines.push(Line::from(Span::styled(line(shown), theme.meta)));
        }
        if story.view.panel.is_empty() {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                if story.filter.is_some() {
                    "No sources in the paragraphs shown."
                } else {
                    "No sources found in this story."
                },
                theme.hidden,
            )));
        }
        lines
    }

    /// The lines of panel row `row`: as many as [`StoryView::panel_row_height`] says.
    fn row_lines(&self, row: usize, width: u16) -> Vec<Line<'static>> {
        let (story, theme) = (self.story, self.theme);
        let mut lines = Vec::new();
        match story.view.panel[row] {
            PanelRow::Heading(title) => {
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(title, theme.section)));
            }
            PanelRow::Source(s) | PanelRow::Mentioned(s) => {
                let speaker = story.doc.speaker_at(s);
                let quoted = matches!(story.view.panel[row], PanelRow::Source(_));
                let selected = story.selected == Some(s);
                let is_cursor = row == story.panel_cursor;
                let marker = if selected { "▸ " } else { "  " };
                let count = story.panel_count(row);
                let name = clean(speaker.name).into_owned();
                let mut style = if quoted { theme.text } else { theme.dim };
                if selected {
                    style = style.patch(theme.speaker);
                }
                if is_cursor && self.focused {
                    style = style.patch(theme.cursor_row);
                }
                // Long names ("an official familiar with the matter") wrap
                // rather than lose the words that say who the source is.
                for (n, range) in wrap(&name, name_room(width, &count))
                    .into_iter()
                    .enumerate()
                {
                    let part = name[range].to_string();
                    let (lead, tail) = if n == 0 {
                        (marker, count.clone())
                    } else {
                        ("  ", String::new())
                    };
                    let pad = usize::from(width)
                        .saturating_sub(text_width(lead) + text_width(&part) + text_width(&tail));
                    lines.push(Line::from(vec![
                        Span::styled(lead, style.patch(theme.focus_bar)),
                        Span::styled(part, style),
                        Span::styled(" ".repeat(pad), style),
                        Span::styled(tail, style.patch(theme.key)),
                    ]));
                }
                if let Some(about) = story.panel_about(row) {
                    let text = truncate(&about, usize::from(width).saturating_sub(4));
                    lines.push(Line::from(vec![
                        Span::raw("    "),
                        Span::styled(text, theme.meta),
                    ]));
                }
            }
        }
        lines
    }

    /// The panel's line index of the cursor's row, and the first line to
    /// show so that it stays in view.
    fn cursor_and_offset(
        &self,
        starts: &[usize],
        summary: usize,
        height: u16,
    ) -> (Option<usize>, usize) {
        let story = self.story;
        let cursor = (!story.view.panel.is_empty())
            .then(|| summary + starts.get(story.panel_cursor).copied().unwrap_or(0));
        (cursor, scroll(cursor, height))
    }

    fn details(&self, area: Rect, buf: &mut Buffer) {
        let (story, theme) = (self.story, self.theme);
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme.border)
            .title(Span::styled(" Claim ", theme.border));
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(i) = story.claim else {
            Paragraph::new(Span::styled(
                "No claim in this paragraph. } finds the next.",
                theme.hidden,
            ))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
            return;
        };
        let Some(claim) = story.doc.claim(story.index.claim_order[i] as usize) else {
            return;
        };
        let speaker = claim
            .speaker
            .as_deref()
            .and_then(|id| story.doc.speaker_by_id(id));
        let label = |text: &'static str| Span::styled(text, theme.meta);
        let mut lines = vec![Line::from(vec![
            Span::styled(
                claim_kind_label(claim.kind),
                match claim.kind {
                    ClaimKind::Direct => theme.direct,
                    ClaimKind::Partial => theme.partial,
                    ClaimKind::Indirect => theme.indirect,
                },
            ),
            Span::styled(
                format!("  {}/{}", i + 1, story.index.claim_order.len()),
                theme.meta,
            ),
        ])];
        let who = match speaker {
            Some(s) => {
                let mut about = vec![s.kind.as_str().to_string()];
                about.extend(s.role.iter().chain(s.country.iter()).cloned());
                format!("{} ({})", s.name, about.join(", "))
            }
            None => "no source found".to_string(),
        };
        lines.push(Line::from(vec![
            label("by "),
            Span::styled(clean(&who).into_owned(), theme.speaker),
        ]));
        if let Some(cue) = &claim.cue {
            lines.push(Line::from(vec![
                label("cue "),
                Span::raw(clean(&cue.text).into_owned()),
            ]));
        }
        if let Some(channel) = &claim.channel {
            lines.push(Line::from(vec![
                label("via "),
                Span::raw(clean(channel).into_owned()),
            ]));
        }
        // A claim can run for megabytes (a quote never closed); wrapping
        // all of it to show a few lines would cost a frame its budget.
        let room = usize::from(inner.width) * usize::from(inner.height) + 1;
        let words = claim.words();
        let mut shown: String = words.chars().take(room).collect();
        let (open, mut close) = claim.kind.marks();
        if shown.len() < words.len() {
            shown.push('…');
            close = "";
        }
        lines.push(Line::from(Span::styled(
            format!("{open}{}{close}", clean(&shown)),
            theme.text,
        )));
        let mut rows = inner;
        for line in lines {
            let used = draw::wrapped(&line.spans, rows, buf);
            rows = Rect {
                y: rows.y + used,
                height: rows.height.saturating_sub(used),
                ..rows
            };
        }
    }

    /// Where the terminal cursor goes when the panel has focus.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let (list, _) = self.areas(area);
        let starts = self.story.panel_starts(list.width);
        let summary = self.summary_lines(list.width).len();
        let (cursor, offset) = self.cursor_and_offset(&starts, summary, list.height);
        let row = cursor? - offset;
        (row < usize::from(list.height)).then(|| Position::new(list.x, list.y + row as u16))
    }
}

/// The first line to show so the cursor line stays in view.
fn scroll(cursor: Option<usize>, height: u16) -> usize {
    let height = usize::from(height);
    match cursor {
        Some(c) if height > 0 && c + 2 > height => c + 2 - height,
        _ => 0,
    }
}

impl Widget for &SourcesPanel<'_> {
    /// Draws only the rows in view: a story can have thousands of sources.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = self.block();
        block.render(area, buf);
        let (list, details) = self.areas(area);
        let summary = self.summary_lines(list.width);
        let starts = self.story.panel_starts(list.width);
        let (_, offset) = self.cursor_and_offset(&starts, summary.len(), list.height);
        let top = summary.len();
        let first_row = starts
            .partition_point(|&start| top + start <= offset)
            .saturating_sub(1);
        let rows = (first_row..self.story.view.panel.len()).flat_map(|row| {
            let first_line = top + starts[row];
            self.row_lines(row, list.width)
                .into_iter()
                .enumerate()
                .map(move |(n, line)| (first_line + n, line))
        });
        let lines = summary.into_iter().enumerate().chain(rows);
        let visible = lines.skip_while(|(n, _)| *n < offset).map(|(_, line)| line);
        for (y, line) in (list.y..list.bottom()).zip(visible) {
            draw::line(&line, Rect::new(list.x, y, list.width, 1), buf);
        }
        if let Some(details) = details {
            self.details(details, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture;

    #[test]
    fn rows_draw_exactly_the_lines_they_were_measured_at() {
        let theme = Theme::default();
        for doc in [
            fixture::document(),
            crate::annotate(&crate::load::bundled()),
        ] {
            let story = StoryView::new(doc);
            let panel = SourcesPanel {
                story: &story,
                theme: &theme,
                focused: true,
            };
            for width in [1, 10, 20, 34, 46] {
                let starts = story.panel_starts(width);
                for row in 0..story.view.panel.len() {
                    assert_eq!(
                        panel.row_lines(row, width).len(),
                        starts[row + 1] - starts[row],
                        "row {row} at {width}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_countries_of_sources_are_listed_as_many_as_fit_whole_then_an_ellipsis() {
        let theme = Theme::default();
        let story = StoryView::new(crate::annotate(&crate::load::bundled()));
        let panel = SourcesPanel {
            story: &story,
            theme: &theme,
            focused: true,
        };
        let countries_line = |width: u16| {
            panel
                .summary_lines(width)
                .iter()
                .map(ToString::to_string)
                .find(|line| line.starts_with("claims from"))
                .expect("the bundled story's sources have countries")
        };
        // Some left out: an ellipsis says so.
        assert_eq!(countries_line(34), "claims from UA 11 · US 11 · SE 4 …");
        assert_eq!(countries_line(33), "claims from UA 11 · US 11 …");
        assert_eq!(
            countries_line(80),
            "claims from UA 11 · US 11 · SE 4 · RU 2 · DE 1 · PL 1",
            "all of them, without an ellipsis"
        );
        assert_eq!(countries_line(5), "claims from UA 11 …");
    }
}
