//! The status bar: where the reader is, what is filtered, selected and
//! searched, a fading message, and key hints from the keymap.

use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Overlay, Screen};
use crate::tui::cells::{clean, truncate, width as text_width};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::article::{plural, stories};
use super::draw;
use super::panel::claim_kind_label;
use crate::words::thousands;

/// Room kept on the right for the shortest hint ("? help").
const HELP_HINT_ROOM: usize = 9;

pub struct StatusBar<'a> {
    pub app: &'a App,
}

impl StatusBar<'_> {
    /// The left part: position and state, as spans.
    fn state(&self) -> Vec<Span<'static>> {
        let app = self.app;
        let theme = &app.settings.theme;
        let mut spans = Vec::new();
        let Some(story) = app.story() else {
            return self.list_state();
        };
        if app.prompt.is_some() {
            spans.push(Span::styled(
                format!("/{}", clean(&story.search.query)),
                theme.status,
            ));
            spans.push(Span::styled(" ".to_string(), theme.status));
            if story.search.is_active() {
                spans.push(Span::styled(
                    format!(" {} ", story.search.position()),
                    theme.status_chip,
                ));
            }
            return spans;
        }
        let position = match story.focus_position() {
            Some(n) => format!(
                " ¶ {n}/{} {}% ",
                story.view.shown_count,
                n * 100 / story.view.shown_count.max(1)
            ),
            None => " ¶ -/- ".to_string(),
        };
        spans.push(Span::styled(position, theme.status));
        if let Some(c) = story.filter {
            let code = story.doc.country(c).map_or("", |c| c.code);
            spans.push(Span::styled(
                format!(" {} ", clean(code)),
                theme.status_chip,
            ));
        }
        if let Some(s) = story.selected {
            spans.push(Span::styled(
                format!(" ▸ {} ", clean(story.doc.speaker_at(s).name)),
                theme.status,
            ));
        }
        if story.search.is_active() {
            spans.push(Span::styled(
                format!(
                    " /{} {} ",
                    clean(&story.search.query),
                    story.search.position()
                ),
                theme.status_chip,
            ));
        }
        spans
    }

    /// The current claim, named whether or not the panel shows it:
    /// "claim 3/35 · Ana Ruiz · direct quote".
    fn claim(&self) -> Option<Span<'static>> {
        let story = self.app.story()?;
        let i = story.claim?;
        let claim = story
            .index
            .claim_order
            .get(i)
            .and_then(|&c| story.doc.claim(c as usize))?;
        let by = claim
            .speaker
            .as_deref()
            .and_then(|id| story.doc.speaker_name(id))
            .unwrap_or("no source found");
        Some(Span::styled(
            format!(
                " claim {}/{} · {} · {} ",
                thousands(i + 1),
                thousands(story.index.claim_order.len()),
                clean(by),
                claim_kind_label(claim.kind)
            ),
            self.app.settings.theme.status,
        ))
    }

    fn hints(&self) -> Vec<(String, &'static str)> {
        let app = self.app;
        let mut actions = match (&app.overlay, app.prompt, app.screen, app.focus) {
            (Some(Overlay::Help { .. } | Overlay::Problems { .. }), ..) => {
                vec![Action::Close, Action::Quit]
            }
            (Some(Overlay::Picker(_)), ..) => vec![Action::PickerChoose, Action::Close],
            (Some(Overlay::Claims(_)), ..) => vec![Action::OpenRow, Action::Leave],
            (None, Some(_), ..) => vec![Action::SearchSubmit, Action::Close],
            (None, None, Screen::Library, _) => vec![
                Action::OpenRow,
                Action::StartFilter,
                Action::PickCountry,
                Action::CycleSort,
                Action::SwitchIndex,
                Action::ToggleHelp,
                Action::Leave,
            ],
            (None, None, Screen::People, _) => vec![
                Action::OpenRow,
                Action::StartFilter,
                Action::SwitchIndex,
                Action::ToggleHelp,
                Action::Leave,
            ],
            (None, None, Screen::Claims, _) => {
                vec![Action::OpenRow, Action::ToggleHelp, Action::Leave]
            }
            (None, None, Screen::Story(_), Focus::Sources) => vec![
                Action::ToggleHelp,
                Action::JumpToSource,
                Action::ToggleFocus,
                Action::Leave,
            ],
            (None, None, Screen::Story(_), Focus::Article) => vec![
                Action::ToggleHelp,
                Action::ToggleFocus,
                Action::PickCountry,
                Action::StartSearch,
                Action::Leave,
            ],
        };
        if app.overlay.is_none()
            && app.prompt.is_none()
            && let Some(story) = app.story()
        {
            if story.filter.is_some() {
                actions.insert(1, Action::ClearFilter);
            }
            if story.search.is_active() {
                actions.insert(1, Action::NextMatch);
            }
        }
        let leave = if app.overlay.is_some() {
            "close"
        } else if app.at_top_level() {
            "quit"
        } else {
            "back"
        };
        let mut hints = app.settings.keymap.hints(app.contexts(), &actions);
        // Tab goes back to the article when the panel has the focus.
        if app.story().is_some()
            && app.focus == Focus::Sources
            && let Some(hint) = hints.iter_mut().find(|h| h.1 == "sources")
        {
            hint.1 = "article";
        }
        // `q` says what it does here; an unbound action has no hint, so
        // the hints are matched to the actions by label, not by position.
        if let Some(hint) = hints.iter_mut().rev().find(|h| h.1 == "back") {
            hint.1 = leave;
        }
        hints
    }

    /// The left part on the lists: loading progress, filters, the prompt.
    fn list_state(&self) -> Vec<Span<'static>> {
        let app = self.app;
        let theme = &app.settings.theme;
        let library = &app.library;
        let mut spans = Vec::new();
        if app.prompt.is_some() {
            let shown = match app.screen {
                Screen::People => plural(app.people.order.len(), "source"),
                _ => stories(library.order.len()),
            };
            spans.push(Span::styled(
                format!("/{}", clean(self.query())),
                theme.status,
            ));
            spans.push(Span::styled(" ".to_string(), theme.status));
            spans.push(Span::styled(format!(" {shown} "), theme.status_chip));
            return spans;
        }
        let total = library.entries.len();
        if library.done {
            spans.push(Span::styled(format!(" {} ", stories(total)), theme.status));
        } else {
            spans.push(Span::styled(
                format!(
                    " Annotating {}/{} {} ",
                    thousands(library.annotated),
                    thousands(total),
                    progress_bar(library.annotated, total, 10)
                ),
                theme.status,
            ));
        }
        if let Some(code) = &library.country
            && app.screen == Screen::Library
        {
            spans.push(Span::styled(
                format!(" {} ", clean(code)),
                theme.status_chip,
            ));
        }
        let query = self.query();
        if !query.is_empty() {
            spans.push(Span::styled(
                format!(" /{} ", clean(query)),
                theme.status_chip,
            ));
        }
        spans
    }

    /// The text filter of the list on screen.
    fn query(&self) -> &str {
        match self.app.screen {
            Screen::Library => &self.app.library.query,
            Screen::People => &self.app.people.query,
            _ => "",
        }
    }

    /// Where the cursor goes while typing a search or a filter.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        self.app.prompt?;
        let query = match self.app.story() {
            Some(story) => &story.search.query,
            None => self.query(),
        };
        let width = 1 + text_width(&clean(query));
        let x = area.x + (width as u16).min(area.width.saturating_sub(1));
        Some(Position::new(x, area.y))
    }
}

impl Widget for &StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.app.settings.theme;
        buf.set_style(area, theme.status);
        let mut left = self.state();
        // The claim gives way to a message (which lasts one key) and to the
        // help hint: it is shown whole or not at all.
        if self.app.message.is_none()
            && self.app.prompt.is_none()
            && let Some(claim) = self.claim()
        {
            let state: usize = left.iter().map(|span| text_width(&span.content)).sum();
            if state + text_width(&claim.content) + HELP_HINT_ROOM <= usize::from(area.width) {
                left.push(claim);
            }
        }
        if let Some(message) = &self.app.message {
            let style = if message.warning {
                theme.warning
            } else {
                theme.message
            };
            left.push(Span::raw(" "));
            left.push(Span::styled(clean(&message.text).into_owned(), style));
        }
        // Hints go right-aligned, as many as fit after the state; the help
        // and the way back (or out) are the last to go, and the state gives
        // way to them, cut with an ellipsis.
        let mut hints = self.hints();
        let hint_width = |hints: &[(String, &str)]| -> usize {
            hints
                .iter()
                .map(|(k, l)| text_width(k) + text_width(l) + 3)
                .sum()
        };
        let essential = |label: &str| matches!(label, "help" | "quit" | "back" | "close");
        let essentials: Vec<(String, &str)> =
            hints.iter().filter(|h| essential(h.1)).cloned().collect();
        let room = usize::from(area.width).saturating_sub(hint_width(&essentials) + 1);
        let left = fit(left, room);
        let used = draw::line_width(&left);
        draw::line(&left, area, buf);
        while !hints.is_empty() && used + hint_width(&hints) + 1 > usize::from(area.width) {
            match hints.iter().rposition(|h| !essential(h.1)) {
                Some(i) => hints.remove(i),
                None => hints.remove(hints.len() - 1),
            };
        }
        let width = hint_width(&hints) as u16;
        let mut spans = Vec::new();
        for (key, label) in hints {
            spans.push(Span::styled(key, theme.status.patch(theme.key)));
            spans.push(Span::styled(format!(" {label}  "), theme.status));
        }
        let x = area.right().saturating_sub(width);
        draw::line(
            &Line::from(spans),
            Rect::new(x, area.y, width.min(area.width), 1),
            buf,
        );
    }
}

/// `spans` cut to `room` columns, the last one kept cut with `…`.
fn fit(spans: Vec<Span<'static>>, room: usize) -> Line<'static> {
    let mut used = 0;
    let mut kept = Vec::with_capacity(spans.len());
    for span in spans {
        let width = text_width(&span.content);
        if used + width <= room {
            used += width;
            kept.push(span);
            continue;
        }
        let cut = truncate(&span.content, room - used);
        if !cut.is_empty() {
            kept.push(Span::styled(cut, span.style));
        }
        break;
    }
    Line::from(kept)
}

/// "▰▰▰▱▱▱▱▱▱▱" for `done` of `total`, `width` cells.
pub fn progress_bar(done: usize, total: usize, width: usize) -> String {
    let full = (done * width).checked_div(total).unwrap_or(0).min(width);
    format!("{}{}", "▰".repeat(full), "▱".repeat(width - full))
}
