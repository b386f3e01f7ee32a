//! The help overlay, generated from the live keymap, with a legend of the
//! highlight styles drawn in those very styles.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::model::ClaimKind;
use crate::tui::cells::width;
use crate::tui::keymap::Keymap;
use crate::tui::theme::{Marks, Theme};

use super::article::{CLAIM_MARK, FOCUS_MARK};
use super::{draw, popup};

pub struct HelpView<'a> {
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
    pub scroll: u16,
}

impl HelpView<'_> {
    pub fn lines(&self) -> Vec<Line<'static>> {
        let theme = self.theme;
        // Each sample drawn as the article draws it (Theme::highlight), so
        // the legend shows what combined highlights look like too.
        let drawn = |marks: Marks| theme.highlight(theme.text, marks);
        let claim = |kind: ClaimKind| Marks {
            claim: Some((kind, false)),
            ..Marks::default()
        };
        let direct = drawn(claim(ClaimKind::Direct));
        let sample = |text: &'static str, marks: Marks| Span::styled(text, drawn(marks));
        let gap = || Span::raw("  ");
        let mut lines = vec![
            Line::from(Span::styled("Highlights", theme.section)),
            Line::from(vec![
                sample(
                    "Speaker",
                    Marks {
                        speaker: Some(false),
                        ..Marks::default()
                    },
                ),
                gap(),
                sample(
                    "selected source",
                    Marks {
                        speaker: Some(true),
                        ..Marks::default()
                    },
                ),
                gap(),
                sample(
                    "Country",
                    Marks {
                        country: true,
                        ..Marks::default()
                    },
                ),
                gap(),
                Span::styled("“", direct),
                sample(
                    "Country",
                    Marks {
                        country: true,
                        ..claim(ClaimKind::Direct)
                    },
                ),
                Span::styled(" in a quote”", direct),
            ]),
            Line::from(vec![
                Span::styled("“direct quote”", direct),
                gap(),
                sample("partial quote", claim(ClaimKind::Partial)),
                gap(),
                sample("reported speech", claim(ClaimKind::Indirect)),
            ]),
            Line::from(vec![
                sample(
                    "search match",
                    Marks {
                        hit: Some(false),
                        ..Marks::default()
                    },
                ),
                gap(),
                sample(
                    "current match",
                    Marks {
                        hit: Some(true),
                        ..Marks::default()
                    },
                ),
            ]),
            Line::from(vec![
                Span::styled(FOCUS_MARK, theme.focus_bar),
                Span::raw(" focused paragraph"),
                gap(),
                Span::styled(CLAIM_MARK, theme.focus_bar),
                Span::raw(" "),
                sample(
                    "“current claim”",
                    Marks {
                        current_claim: true,
                        ..claim(ClaimKind::Direct)
                    },
                ),
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
        let title = |scrolls: bool| {
            let more = if scrolls { " · j/k/Space scroll" } else { "" };
            format!(" Keys · q or Esc closes{more} ")
        };
        let (inner, scroll) = popup::frame(
            area,
            (width, height),
            lines.len(),
            self.scroll,
            title,
            self.theme,
            buf,
        );
        // Key names come from the user's config: drawn like story text.
        popup::text(&lines, scroll, inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{HELP_LEGEND_ROWS as LEGEND_ROWS, help_line_count as line_count};
    use crate::tui::theme::ColorMode;

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

    /// The legend shows every highlight in the style it is drawn in, and
    /// fits the 58 columns inside a help overlay on a 60-column terminal.
    #[test]
    fn the_legend_fits_and_draws_each_highlight_as_the_article_does() {
        let keymap = Keymap::default();
        let theme = Theme::new(ColorMode::None);
        let view = HelpView {
            keymap: &keymap,
            theme: &theme,
            scroll: 0,
        };
        let lines = view.lines();
        let legend = &lines[..LEGEND_ROWS];
        for line in legend {
            assert!(draw::line_width(line) <= 58, "{line:?}");
        }
        let style_of = |text: &str| {
            legend
                .iter()
                .flat_map(|l| l.spans.iter())
                .filter(|s| s.content == text)
                .map(|s| s.style)
                .collect::<Vec<_>>()
        };
        let country = style_of("Country");
        assert_eq!(country.len(), 2, "a country, and one in a quote");
        assert_ne!(country[0], country[1]);
        assert_ne!(country[1], style_of("partial quote")[0]);
        assert_eq!(style_of(FOCUS_MARK), [theme.focus_bar]);
        assert_eq!(style_of(CLAIM_MARK), [theme.focus_bar]);
        let text: String = legend
            .iter()
            .flat_map(|l| l.spans.iter().map(|s| s.content.to_string()))
            .collect();
        for name in [
            "Speaker",
            "selected source",
            "direct quote",
            "reported speech",
            "search match",
            "current match",
            "focused paragraph",
            "current claim",
        ] {
            assert!(text.contains(name), "{name} missing: {text}");
        }
    }
}
