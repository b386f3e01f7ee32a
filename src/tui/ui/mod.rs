//! Drawing: reads the state and draws it, nothing else. Each part is a
//! widget implemented for a reference, so it can be drawn without moving.

mod article;
mod claims;
mod draw;
mod help;
mod highlight;
mod library;
mod list;
mod panel;
mod people;
mod picker;
mod popup;
mod problems;
mod status;

use ratatui::Frame;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::action::Action;
use super::app::{App, Focus, Overlay, Screen};
use super::geometry::{Geometry, MIN_HEIGHT, MIN_WIDTH};
use super::keymap::Context;
use super::story::Row;

pub use article::{ArticleScrollbar, ArticleView};
pub use claims::StoryClaimsView;
pub use help::HelpView;
pub use library::LibraryView;
pub use panel::SourcesPanel;
pub use people::{ClaimsList, PeopleList};
pub use picker::PickerView;
pub use problems::ProblemsView;
pub use status::StatusBar;

/// Draws the whole screen. The terminal cursor goes where a screen reader
/// should look: the search prompt, the picker, the panel's cursor or the
/// focused paragraph.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    // The frame's own size, in case a resize has not reached `update` yet.
    let g = Geometry::new(area, app.panel_visible(), app.settings.measure);
    if g.too_small {
        too_small(app, frame, area);
        return;
    }
    let mut cursor: Option<Position> = None;
    match (app.screen, app.story()) {
        (Screen::Story(_), Some(story)) => {
            let rows = story.visible_rows();
            let article = ArticleView {
                story,
                theme: &app.settings.theme,
                geometry: &g,
                rows: &rows,
            };
            frame.render_widget(&article, g.article);
            if app.focus == Focus::Article {
                cursor = rows
                    .iter()
                    .position(|r| matches!(r, Row::Text { paragraph, .. } if Some(*paragraph) == story.focus))
                    .map(|y| Position::new(g.gutter.x, g.body.y + y as u16));
            }
            if let Some(panel_area) = g.panel {
                let panel = SourcesPanel {
                    story,
                    theme: &app.settings.theme,
                    focused: app.focus == Focus::Sources,
                };
                frame.render_widget(&panel, panel_area);
                if app.focus == Focus::Sources {
                    cursor = panel.cursor(panel_area);
                }
            }
            let scrollbar = ArticleScrollbar {
                story,
                theme: &app.settings.theme,
                geometry: &g,
            };
            frame.render_widget(&scrollbar, g.scrollbar);
        }
        (Screen::People, _) => {
            let list = PeopleList {
                people: &app.people,
                library: &app.library,
                theme: &app.settings.theme,
            };
            frame.render_widget(&list, g.main);
        }
        (Screen::Claims, _) => {
            if let Some(claims) = &app.people.claims {
                let list = ClaimsList {
                    list: claims,
                    people: &app.people,
                    library: &app.library,
                    theme: &app.settings.theme,
                };
                frame.render_widget(&list, g.main);
            }
        }
        _ => {
            let list = LibraryView {
                library: &app.library,
                theme: &app.settings.theme,
                problems_key: app
                    .settings
                    .keymap
                    .keys_for(&[Context::Library], &Action::ShowProblems)
                    .and_then(|keys| keys.first())
                    .map(ToString::to_string),
            };
            frame.render_widget(&list, g.main);
        }
    }
    let status = StatusBar { app };
    frame.render_widget(&status, g.status);
    if let Some(c) = status.cursor(g.status) {
        cursor = Some(c);
    }
    match (&app.overlay, app.story()) {
        (Some(Overlay::Help { scroll }), _) => {
            let help = HelpView {
                keymap: &app.settings.keymap,
                theme: &app.settings.theme,
                scroll: *scroll,
            };
            frame.render_widget(&help, g.main);
            cursor = None;
        }
        (Some(Overlay::Claims(list)), Some(story)) => {
            let view = StoryClaimsView {
                story,
                list,
                theme: &app.settings.theme,
            };
            frame.render_widget(&view, g.main);
        }
        (Some(Overlay::Problems { scroll }), _) => {
            let view = ProblemsView {
                problems: &app.library.problems,
                theme: &app.settings.theme,
                scroll: *scroll,
            };
            frame.render_widget(&view, g.main);
            cursor = None;
        }
        (Some(Overlay::Picker(picker)), _) => {
            let view = PickerView {
                picker,
                theme: &app.settings.theme,
            };
            frame.render_widget(&view, g.main);
            cursor = Some(view.cursor(g.main));
        }
        _ => {}
    }
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("Terminal too small"),
        Line::from(format!(
            "{}×{}, needs {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
        Line::from("q quits"),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(
        Paragraph::new(text)
            .style(app.settings.theme.title)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}
