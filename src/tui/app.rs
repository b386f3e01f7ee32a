//! The reader's state and `update`, the only place it changes. `update` is
//! pure: no terminal, no clock, no I/O, so every action is unit-testable.

use ratatui::layout::Rect;

use crate::model::Document;

use super::action::Action;
use super::geometry::{Geometry, PANEL_BESIDE};
use super::keymap::{Context, Keymap};
use super::story::StoryView;
use super::theme::Theme;
use super::ui::help_line_count;

/// Rows the mouse wheel scrolls per notch.
const WHEEL_ROWS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The story list (with more than one story).
    List,
    Story(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Article,
    Sources,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: u16 },
    Picker(Picker),
}

/// The country picker: the countries matching what was typed, most mentioned first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Picker {
    pub query: String,
    /// Indices into `Document::countries`.
    pub items: Vec<usize>,
    pub cursor: usize,
}

/// The search prompt is open; `origin` is where the reader was before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prompt {
    pub origin: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub warning: bool,
}

/// Settings that do not change while the reader runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub theme: Theme,
    pub keymap: Keymap,
}

#[derive(Debug)]
pub struct App {
    pub stories: Vec<StoryView>,
    pub screen: Screen,
    pub list_cursor: usize,
    pub focus: Focus,
    /// The user's choice to show or hide the panel; `None` follows the width.
    pub panel: Option<bool>,
    pub overlay: Option<Overlay>,
    pub prompt: Option<Prompt>,
    pub message: Option<Message>,
    /// Changes with every new message, so the caller can time it out.
    pub message_id: u64,
    pub size: Rect,
    pub quit: bool,
    /// Set by Ctrl-z; the event loop gives the terminal back and stops.
    pub suspend: bool,
    pub keymap: Keymap,
    pub theme: Theme,
}

impl App {
    pub fn new(documents: Vec<Document>, options: Options, width: u16, height: u16) -> Self {
        let screen = if documents.len() == 1 {
            Screen::Story(0)
        } else {
            Screen::List
        };
        let mut app = App {
            stories: documents.into_iter().map(StoryView::new).collect(),
            screen,
            list_cursor: 0,
            focus: Focus::Article,
            panel: None,
            overlay: None,
            prompt: None,
            message: None,
            message_id: 0,
            size: Rect::new(0, 0, width, height),
            quit: false,
            suspend: false,
            keymap: options.keymap,
            theme: options.theme,
        };
        app.sync_layout();
        app
    }

    pub fn panel_visible(&self) -> bool {
        self.panel.unwrap_or(self.size.width >= PANEL_BESIDE)
    }

    pub fn geometry(&self) -> Geometry {
        Geometry::new(self.size, self.panel_visible())
    }

    pub fn story(&self) -> Option<&StoryView> {
        match self.screen {
            Screen::Story(i) => self.stories.get(i),
            Screen::List => None,
        }
    }

    fn story_mut(&mut self) -> Option<&mut StoryView> {
        match self.screen {
            Screen::Story(i) => self.stories.get_mut(i),
            Screen::List => None,
        }
    }

    /// Whether work is left that the event loop should do while no input
    /// waits ([`Action::SearchMore`]): a search still scanning.
    pub fn busy(&self) -> bool {
        self.story().is_some_and(|s| s.search.is_scanning())
    }

    /// Where key lookups go, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        use Context as C;
        match (&self.overlay, self.prompt, self.screen, self.focus) {
            (Some(Overlay::Help { .. }), ..) => &[C::Always, C::Help, C::Global],
            (Some(Overlay::Picker(_)), ..) => &[C::Always, C::Picker],
            (None, Some(_), ..) => &[C::Always, C::Search],
            (None, None, Screen::List, _) => &[C::Always, C::StoryList, C::Global],
            (None, None, Screen::Story(_), Focus::Article) => {
                &[C::Always, C::Article, C::Reader, C::Global]
            }
            (None, None, Screen::Story(_), Focus::Sources) => {
                &[C::Always, C::Sources, C::Reader, C::Global]
            }
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            warning: false,
        });
        self.message_id += 1;
    }

    fn warn(&mut self, text: impl Into<String>) {
        self.say(text);
        if let Some(m) = &mut self.message {
            m.warning = true;
        }
    }

    /// Gives the current story the body size of the current layout.
    fn sync_layout(&mut self) {
        let g = self.geometry();
        if let Some(story) = self.story_mut() {
            story.set_viewport(g.body.width, g.body.height);
            // The panel's list is inside its borders.
            if let Some(panel) = g.panel {
                story.set_panel_width(panel.width.saturating_sub(2));
            }
        }
    }
}

/// Applies one action. Actions that make no sense in the current state do
/// nothing (or say why in a message); none of them panics.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.quit = true,
        Action::Suspend => app.suspend = true,
        Action::Resize(width, height) => app.size = Rect::new(0, 0, width, height),
        Action::ClearMessage => app.message = None,
        Action::ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { scroll: 0 }),
            };
        }
        Action::HelpDown | Action::HelpUp => {
            // The help is as tall as the screen above the status bar, less its borders.
            let shown = usize::from(app.geometry().main.height.saturating_sub(2));
            let max = help_line_count(&app.keymap).saturating_sub(shown);
            let max = u16::try_from(max).unwrap_or(u16::MAX);
            if let Some(Overlay::Help { scroll }) = &mut app.overlay {
                *scroll = if action == Action::HelpDown {
                    scroll.saturating_add(1).min(max)
                } else {
                    scroll.saturating_sub(1)
                };
            }
        }
        Action::Close => close(app),
        Action::Insert(c) => edit(app, |text| text.push(c)),
        Action::DeleteChar => edit(app, |text| {
            text.pop();
        }),
        Action::PickerDown | Action::PickerUp => {
            if let Some(Overlay::Picker(picker)) = &mut app.overlay {
                let last = picker.items.len().saturating_sub(1);
                picker.cursor = if action == Action::PickerDown {
                    (picker.cursor + 1).min(last)
                } else {
                    picker.cursor.saturating_sub(1)
                };
            }
        }
        Action::PickerChoose => {
            let chosen = match (&app.overlay, app.story()) {
                (Some(Overlay::Picker(picker)), Some(story)) => picker
                    .items
                    .get(picker.cursor)
                    .and_then(|&c| story.doc.countries.get(c))
                    .map(|country| country.code.clone()),
                _ => None,
            };
            app.overlay = None;
            if let Some(code) = chosen {
                update(app, Action::FilterCountry(code));
            }
        }
        Action::NextStory => {
            app.list_cursor = (app.list_cursor + 1).min(app.stories.len().saturating_sub(1));
        }
        Action::PrevStory => app.list_cursor = app.list_cursor.saturating_sub(1),
        Action::OpenStory => {
            if app.screen == Screen::List && app.list_cursor < app.stories.len() {
                app.screen = Screen::Story(app.list_cursor);
                app.focus = Focus::Article;
                close_story_overlays(app);
            }
        }
        Action::BackToList => {
            if app.stories.len() > 1 {
                app.screen = Screen::List;
                close_story_overlays(app);
            } else {
                app.say("Only one story is open");
            }
        }
        Action::TogglePanel => {
            let visible = !app.panel_visible();
            app.panel = Some(visible);
            if !visible {
                app.focus = Focus::Article;
            }
        }
        Action::ToggleFocus => {
            if app.story().is_some() {
                app.focus = match app.focus {
                    Focus::Article => {
                        app.panel = Some(true);
                        Focus::Sources
                    }
                    Focus::Sources => Focus::Article,
                };
            }
        }
        action => reader(app, action),
    }
    app.sync_layout();
}

/// The picker and the search prompt belong to the story they were opened on.
fn close_story_overlays(app: &mut App) {
    app.prompt = None;
    if matches!(app.overlay, Some(Overlay::Picker(_))) {
        app.overlay = None;
    }
}

/// Esc in an overlay or the search prompt.
fn close(app: &mut App) {
    if app.overlay.take().is_some() {
        return;
    }
    if let Some(prompt) = app.prompt.take()
        && let Some(story) = app.story_mut()
    {
        // Cancelling a search puts the reader back where it was.
        story.search = Default::default();
        if let Some(p) = prompt.origin {
            story.focus_near(p);
        }
    }
}

/// Typing or deleting in the picker or the search prompt.
fn edit(app: &mut App, change: impl FnOnce(&mut String)) {
    let prompt = app.prompt;
    let screen = app.screen;
    match (&mut app.overlay, screen) {
        (Some(Overlay::Picker(picker)), Screen::Story(i)) => {
            change(&mut picker.query);
            picker.items = picker_items(&app.stories[i].doc, &picker.query);
            picker.cursor = 0;
        }
        (None, Screen::Story(i)) if prompt.is_some() => {
            let story = &mut app.stories[i];
            change(&mut story.search.query);
            story.run_search(prompt.and_then(|p| p.origin));
        }
        _ => {}
    }
}

/// Countries whose name or code contains `query` (ignoring case), most
/// mentioned first.
pub fn picker_items(doc: &Document, query: &str) -> Vec<usize> {
    let query = query.to_lowercase();
    let mut items: Vec<usize> = (0..doc.countries.len())
        .filter(|&c| {
            let country = &doc.countries[c];
            country.name.to_lowercase().contains(&query)
                || country.code.to_lowercase().contains(&query)
        })
        .collect();
    items.sort_by(|&a, &b| {
        let (a, b) = (&doc.countries[a], &doc.countries[b]);
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    items
}

/// Actions on the open story.
fn reader(app: &mut App, action: Action) {
    let Screen::Story(i) = app.screen else {
        return;
    };
    let Some(story) = app.stories.get_mut(i) else {
        return;
    };
    let name = |story: &StoryView, s: usize| story.doc.speakers[s].name.clone();
    match action {
        Action::SearchMore => story.continue_search(),
        Action::NextParagraph => story.next_paragraph(),
        Action::PrevParagraph => story.prev_paragraph(),
        Action::PageDown => story.page_down(),
        Action::PageUp => story.page_up(),
        Action::FirstParagraph => story.first_paragraph(),
        Action::LastParagraph => story.last_paragraph(),
        Action::ScrollDown => story.scroll_down(WHEEL_ROWS),
        Action::ScrollUp => story.scroll_up(WHEEL_ROWS),
        Action::NextSource => story.move_panel_cursor(true),
        Action::PrevSource => story.move_panel_cursor(false),
        Action::CycleSource if story.cycle_source().is_none() => {
            app.say("No quoted sources here");
        }
        Action::JumpToSource => {
            let Some(s) = story.selected else {
                story.move_panel_cursor(true);
                return;
            };
            if let Some(c) = story.first_claim_of(s) {
                story.jump_to_claim(c);
            } else if let Some(p) = story.index.speaker_paragraphs[s]
                .iter()
                .copied()
                .find(|&p| story.shown[p])
            {
                story.jump_to(p);
            }
            app.focus = Focus::Article;
        }
        Action::Clear => {
            if story.search.is_active() {
                story.search = Default::default();
            } else if story.selected.is_some() {
                story.selected = None;
            }
        }
        Action::NextMention | Action::PrevMention => {
            let forward = action == Action::NextMention;
            match (story.selected, story.mention(forward)) {
                (None, _) => app.say("Select a source first: s, or Tab then j/k"),
                (Some(_), Some(p)) => story.jump_to(p),
                (Some(s), None) => {
                    let where_ = if forward { "below" } else { "above" };
                    let text = format!("No mention of {} {where_}", name(story, s));
                    app.say(text);
                }
            }
        }
        Action::NextClaim | Action::PrevClaim => {
            match story.neighbour_claim(action == Action::NextClaim) {
                Some(c) => story.jump_to_claim(c),
                None if story.index.claim_order.is_empty() => app.say("No claims in this story"),
                None => app.say(if action == Action::NextClaim {
                    "No more claims below"
                } else {
                    "No more claims above"
                }),
            }
        }
        Action::JumpBack if !story.jump_back() => {
            app.say("No earlier place to go back to");
        }
        Action::PickCountry => {
            let items = picker_items(&story.doc, "");
            app.overlay = Some(Overlay::Picker(Picker {
                query: String::new(),
                items,
                cursor: 0,
            }));
        }
        Action::ClearFilter if story.filter.take().is_some() => {
            let focus = story.focus;
            story.apply_filter();
            if let Some(p) = focus {
                story.focus_near(p);
            }
            app.say("Showing every paragraph");
        }
        Action::FilterCountry(code) => {
            let found = story
                .doc
                .countries
                .iter()
                .position(|c| c.code.eq_ignore_ascii_case(&code));
            match found {
                Some(c) => {
                    story.filter = Some(c);
                    story.apply_filter();
                    let country = &story.doc.countries[c];
                    let text = format!(
                        "{} {} mentioning {} · F shows all",
                        story.shown_count,
                        if story.shown_count == 1 {
                            "paragraph"
                        } else {
                            "paragraphs"
                        },
                        country.name
                    );
                    app.say(text);
                }
                None => app.warn(format!("This story does not mention {code}")),
            }
        }
        Action::StartSearch => {
            story.search = Default::default();
            app.prompt = Some(Prompt {
                origin: story.focus,
            });
        }
        Action::SearchSubmit => {
            if let Some(prompt) = app.prompt.take() {
                if story.search.hits.is_empty() {
                    if story.search.is_active() && !story.search.is_scanning() {
                        let text = format!("No match for “{}”", story.search.query);
                        app.warn(text);
                    }
                } else if let Some(origin) = prompt.origin
                    && Some(origin) != story.focus
                {
                    story.jumps.push(origin);
                }
            }
        }
        Action::NextMatch | Action::PrevMatch => {
            let count = story.search.hits.len();
            if count == 0 {
                app.say("No search: press / to search");
                return;
            }
            let next = match (story.search.current, action == Action::NextMatch) {
                (Some(c), true) => (c + 1) % count,
                (Some(c), false) => (c + count - 1) % count,
                (None, _) => 0,
            };
            let from = story.focus;
            story.go_to_hit(next);
            if let Some(from) = from
                && Some(from) != story.focus
            {
                story.jumps.push(from);
            }
        }
        _ => {}
    }
}
