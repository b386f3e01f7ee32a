//! The reader's state and `update`, the only place it changes. `update` is
//! pure: no terminal, no clock, no I/O, so every action is unit-testable.

use std::collections::HashMap;

use ratatui::layout::Rect;

use crate::model::{Annotated, CountryKind, Document};

use super::action::Action;
use super::feed::Feed;
use super::geometry::{Geometry, MEASURE, PANEL_BESIDE, list_page};
use super::keymap::{Context, Keymap, help_line_count};
use super::library::{Library, Remembered};
use super::people::{ClaimList, PeopleView};
use super::rows::Rows;
use super::story::StoryView;
use super::theme::Theme;
use crate::library::People;
use crate::words::stories;

/// Rows the mouse wheel scrolls per notch.
const WHEEL_ROWS: usize = 3;

/// Heading rows above each list (the library has its totals line too).
pub const LIBRARY_HEADER: u16 = 2;
pub const PEOPLE_HEADER: u16 = 1;
pub const CLAIMS_HEADER: u16 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The story list.
    Library,
    /// The sources across stories.
    People,
    /// The claims of the source chosen in `People`.
    Claims,
    /// A story, by its number in the library.
    Story(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Article,
    Sources,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    /// The inputs that could not be read; scrolled by the help's keys.
    Problems {
        scroll: u16,
    },
    Picker(Picker),
    /// The open story's claims, to pick one to jump to.
    Claims(StoryClaims),
}

/// The claims of the open story in shown paragraphs, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryClaims {
    /// Positions in the story's `claim_order`.
    pub items: Vec<usize>,
    pub rows: Rows,
}

/// What `update` asks of the world outside, done by the event loop (so
/// `update` stays pure).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard.
    Copy(String),
    /// Open this file or address with the system's opener.
    Open(String),
    /// Read the feeds again, for new stories.
    Refresh,
}

/// Programs the user chose instead of the defaults: argument lists, the
/// text or the path going last (copy: on standard input).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Commands {
    /// Instead of the terminal's clipboard (OSC 52).
    pub copy: Option<Vec<String>>,
    /// Instead of `xdg-open` (`open` on macOS).
    pub open: Option<Vec<String>>,
}

/// One country the picker offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    pub code: String,
    pub name: String,
    pub bloc: bool,
    /// Mentions in the story, or stories in the library.
    pub count: usize,
}

/// The country picker: the countries matching what was typed, most
/// mentioned first; of the open story, or of the whole library.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Picker {
    pub query: String,
    /// Every country on offer.
    pub all: Vec<PickItem>,
    /// Indices into `all` that match the query.
    pub items: Vec<usize>,
    pub cursor: usize,
    /// Counting stories (the library's picker), not mentions.
    pub stories: bool,
}

impl Picker {
    fn new(all: Vec<PickItem>, stories: bool) -> Self {
        let mut picker = Picker {
            all,
            stories,
            ..Picker::default()
        };
        picker.narrow();
        picker
    }

    /// Keeps the countries whose name or code contains the query (ignoring case).
    fn narrow(&mut self) {
        let query = self.query.to_lowercase();
        self.items = (0..self.all.len())
            .filter(|&i| {
                let item = &self.all[i];
                item.name.to_lowercase().contains(&query)
                    || item.code.to_lowercase().contains(&query)
            })
            .collect();
        self.cursor = 0;
    }

    pub fn chosen(&self) -> Option<&PickItem> {
        self.items.get(self.cursor).map(|&i| &self.all[i])
    }
}

/// The search or filter prompt is open; `origin` is where the reader was
/// before a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prompt {
    pub origin: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub warning: bool,
}

/// What the user chose (the config file and the flags): it does not
/// change while the reader runs.
#[derive(Debug, Clone)]
pub struct Settings {
    pub theme: Theme,
    pub keymap: Keymap,
    /// The widest the article text gets, in columns.
    pub measure: u16,
    pub commands: Commands,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::default(),
            keymap: Keymap::default(),
            measure: MEASURE,
            commands: Commands::default(),
        }
    }
}

/// How the reader starts: the settings, and what the state file remembers.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub settings: Settings,
    /// The paragraph each story was left at, by content key.
    pub positions: HashMap<String, usize>,
    /// Read stories, the sort and the story read last, from the state file.
    pub remembered: Remembered,
    /// The stories come from feeds, which `r` reads again.
    pub refreshable: bool,
}

/// What `update` asks of the event loop, and how the reader ended.
#[derive(Debug, Default)]
pub struct Control {
    pub quit: bool,
    /// Set by Ctrl-z; the event loop gives the terminal back and stops.
    pub suspend: bool,
    /// The signal (SIGTERM, SIGHUP, SIGINT) that ended the reader, if one did.
    pub ended_by: Option<i32>,
    /// What the event loop is to do next (see [`Effect`]).
    pub effects: Vec<Effect>,
}

/// The reader's whole state: the stories, what is on screen, the
/// settings, and what is asked of the event loop.
#[derive(Debug)]
pub struct App {
    // The stories.
    pub library: Library,
    /// The stories opened so far, by number; each keeps its place.
    pub views: HashMap<usize, StoryView>,
    pub people: PeopleView,
    /// The paragraph each story was left at, by content key: restored when
    /// a story opens, updated when it is left.
    pub positions: HashMap<String, usize>,
    /// A story to open as soon as it is annotated.
    pub opening: Option<usize>,
    /// Open the story by itself when the library turns out to hold only one.
    auto_open: bool,
    /// The stories come from feeds, which [`Action::Refresh`] reads again.
    pub refreshable: bool,

    // What is on screen.
    pub screen: Screen,
    /// Where going back from the open story leads.
    pub back: Screen,
    pub focus: Focus,
    /// The user's choice to show or hide the panel; `None` follows the width.
    pub panel: Option<bool>,
    pub overlay: Option<Overlay>,
    pub prompt: Option<Prompt>,
    /// The status bar's message: it stays until the next key.
    pub message: Option<Message>,
    pub size: Rect,

    pub settings: Settings,
    pub control: Control,
}

impl App {
    /// The reader on stories already annotated: the story itself when there
    /// is one, else the list.
    pub fn new(documents: Vec<Document>, options: Options, width: u16, height: u16) -> Self {
        let mut app = App::loading(options, width, height);
        app.library.add_all(documents);
        app.auto_open = false;
        if app.library.entries.len() == 1 {
            open_story(&mut app, 0);
        }
        app.sync_layout();
        app
    }

    /// The reader before any story has arrived: the list fills as the
    /// stories are read and annotated (see [`receive`]).
    pub fn loading(options: Options, width: u16, height: u16) -> Self {
        let mut app = App {
            library: Library::remembering(options.remembered),
            views: HashMap::new(),
            people: PeopleView::default(),
            screen: Screen::Library,
            back: Screen::Library,
            opening: None,
            // A feed of one story is still a list that grows.
            auto_open: !options.refreshable,
            refreshable: options.refreshable,
            positions: options.positions,
            focus: Focus::Article,
            panel: None,
            overlay: None,
            prompt: None,
            message: None,
            size: Rect::new(0, 0, width, height),
            settings: options.settings,
            control: Control::default(),
        };
        app.sync_layout();
        app
    }

    pub fn panel_visible(&self) -> bool {
        self.panel.unwrap_or(self.size.width >= PANEL_BESIDE)
    }

    pub fn geometry(&self) -> Geometry {
        Geometry::new(self.size, self.panel_visible(), self.settings.measure)
    }

    pub fn story(&self) -> Option<&StoryView> {
        match self.screen {
            Screen::Story(i) => self.views.get(&i),
            _ => None,
        }
    }

    fn story_mut(&mut self) -> Option<&mut StoryView> {
        match self.screen {
            Screen::Story(i) => self.views.get_mut(&i),
            _ => None,
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
            (Some(Overlay::Help { .. } | Overlay::Problems { .. }), ..) => {
                &[C::Always, C::Help, C::Global]
            }
            (Some(Overlay::Picker(_)), ..) => &[C::Always, C::Picker],
            // The claims list moves and opens like the other lists.
            (Some(Overlay::Claims(_)), ..) => &[C::Always, C::Lists, C::Global],
            (None, Some(_), ..) => &[C::Always, C::Search],
            (None, None, Screen::Library, _) => &[C::Always, C::Library, C::Lists, C::Global],
            (None, None, Screen::People, _) => &[C::Always, C::People, C::Lists, C::Global],
            (None, None, Screen::Claims, _) => &[C::Always, C::Lists, C::Global],
            (None, None, Screen::Story(_), Focus::Article) => {
                &[C::Always, C::Article, C::Reader, C::Global]
            }
            (None, None, Screen::Story(_), Focus::Sources) => {
                &[C::Always, C::Sources, C::Reader, C::Global]
            }
        }
    }

    /// Items of the current list that fit on the screen.
    pub fn list_page(&self) -> usize {
        let header = match self.screen {
            Screen::Library => LIBRARY_HEADER,
            Screen::People => PEOPLE_HEADER,
            _ => CLAIMS_HEADER,
        };
        list_page(self.geometry().main, header)
    }

    fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            warning: false,
        });
    }

    /// A message from outside `update` (a copy command that failed).
    pub fn tell(&mut self, text: impl Into<String>, warning: bool) {
        self.say(text);
        if let Some(m) = &mut self.message {
            m.warning = warning;
        }
    }

    fn warn(&mut self, text: impl Into<String>) {
        self.say(text);
        if let Some(m) = &mut self.message {
            m.warning = true;
        }
    }

    /// Whether `q` quits here: on the story list, or in a story opened on
    /// its own (there is no list to go back to).
    /// The open story is the only one, and the list cannot grow (as a
    /// feed's can): the story is the whole reader.
    fn story_is_alone(&self) -> bool {
        self.library.entries.len() <= 1 && !self.refreshable && self.back == Screen::Library
    }

    pub fn at_top_level(&self) -> bool {
        match self.screen {
            Screen::Story(_) => self.story_is_alone(),
            Screen::Library => true,
            Screen::People | Screen::Claims => false,
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

    /// Remembers where the open story was left.
    fn leave_story(&mut self) {
        let Screen::Story(i) = self.screen else {
            return;
        };
        let key = self.library.entries.get(i).and_then(|e| e.key.clone());
        if let (Some(key), Some(p)) = (key, self.views.get(&i).and_then(|v| v.focus)) {
            self.positions.insert(key, p);
        }
    }

    /// Records the open story's place, as when leaving it (call before saving).
    pub fn remember_position(&mut self) {
        self.leave_story();
    }
}

/// Opens story `i` (which must be annotated) where it was left.
fn open_story(app: &mut App, i: usize) -> bool {
    let Some(doc) = app.library.entries.get(i).and_then(|e| e.doc.clone()) else {
        return false;
    };
    app.leave_story();
    app.library.opened(i);
    let fresh = !app.views.contains_key(&i);
    if fresh {
        app.views.insert(i, StoryView::new(doc));
    }
    app.screen = Screen::Story(i);
    app.focus = Focus::Article;
    app.opening = None;
    close_story_overlays(app);
    app.sync_layout();
    let place = entry_key(app, i).and_then(|k| app.positions.get(&k).copied());
    if fresh
        && let (Some(p), Some(view)) = (place, app.views.get_mut(&i))
        && p > 0
    {
        view.focus_near(p);
    }
    true
}

fn entry_key(app: &App, i: usize) -> Option<String> {
    app.library.entries.get(i).and_then(|e| e.key.clone())
}

/// Takes in what the background loader sent: new stories, annotated ones,
/// problems, the end. Like [`update`], pure.
pub fn receive(app: &mut App, feeds: impl IntoIterator<Item = Feed>) {
    for feed in feeds {
        match feed {
            Feed::Found(metas) => app.library.found(metas),
            Feed::Ready(docs) => {
                for (id, doc) in docs {
                    app.library.ready(id, doc);
                }
            }
            Feed::Problem(problem) => app.library.problems.push(problem),
            Feed::Warning(warning) => app.library.warnings.push(warning),
            Feed::Done => app.library.done = true,
        }
    }
    app.library.refresh();
    let page = if app.screen == Screen::Library {
        app.list_page()
    } else {
        1
    };
    let len = app.library.order.len();
    app.library.rows.show(len, page);
    // The index of sources is rebuilt as the library doubles, and at the end,
    // not on every story: rebuilding is linear in the library.
    if app.screen == Screen::People
        && (app.library.done || app.library.annotated >= 2 * app.people.indexed.max(1))
    {
        app.people.update_from(&app.library);
    }
    if let Some(i) = app.opening
        && app.screen == Screen::Library
        && app.library.entries.get(i).is_some_and(|e| e.doc.is_some())
    {
        open_story(app, i);
    }
    if app.auto_open
        && app.library.done
        && app.screen == Screen::Library
        && app.overlay.is_none()
        && app.prompt.is_none()
    {
        app.auto_open = false;
        if app.library.entries.len() == 1 {
            open_story(app, 0);
        }
    }
    app.sync_layout();
}

/// Applies the action of a key the user pressed: the last message has been
/// read (or was not wanted), so it goes, and what the key says stays until
/// the next one. Messages never fade on a timer, so none goes stale while
/// the screen changes under it, and none vanishes unread.
pub fn press(app: &mut App, action: Action) {
    app.message = None;
    update(app, action);
}

/// Applies one action. Actions that make no sense in the current state do
/// nothing (or say why in a message); none of them panics.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Quit => {
            app.leave_story();
            app.control.quit = true;
        }
        Action::Suspend => app.control.suspend = true,
        Action::Resize(width, height) => {
            app.size = Rect::new(0, 0, width, height);
            let page = app.list_page();
            if let Some(rows) = list_rows(app) {
                let (rows, len) = rows;
                rows.show(len, page);
            }
        }
        Action::ClearMessage => app.message = None,
        Action::ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { scroll: 0 }),
            };
        }
        Action::Leave => leave(app),
        Action::HelpDown
        | Action::HelpUp
        | Action::LineDown
        | Action::LineUp
        | Action::ScrollDown
        | Action::ScrollUp
        | Action::PageDown
        | Action::PageUp
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::FirstRow
        | Action::LastRow
            if matches!(
                app.overlay,
                Some(Overlay::Help { .. } | Overlay::Problems { .. })
            ) =>
        {
            scroll_help(app, action)
        }
        action if matches!(app.overlay, Some(Overlay::Claims(_))) => story_claims(app, action),
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
            let chosen = match &app.overlay {
                Some(Overlay::Picker(picker)) => picker.chosen().map(|c| c.code.clone()),
                _ => None,
            };
            app.overlay = None;
            match (chosen, app.screen) {
                (Some(code), Screen::Story(_)) => update(app, Action::FilterCountry(code)),
                (Some(code), Screen::Library | Screen::People) => {
                    app.library.set_country(Some(code.clone()));
                    let page = app.list_page();
                    app.library.rows.first(app.library.order.len(), page);
                    if app.screen == Screen::People {
                        app.people.update_from(&app.library);
                        app.people.rows.first(app.people.order.len(), page);
                    }
                    let text = format!(
                        "{} mentioning {code} · F shows all",
                        stories(app.library.order.len())
                    );
                    app.say(text);
                }
                _ => {}
            }
        }
        Action::BackToList => back(app),
        Action::TogglePanel if app.story().is_some() => {
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
        action if app.story().is_some() => reader(app, action),
        action => lists(app, action),
    }
    app.sync_layout();
}

/// The rows state and length of the list on screen, if a list is.
fn list_rows(app: &mut App) -> Option<(&mut super::rows::Rows, usize)> {
    match app.screen {
        Screen::Library => Some((&mut app.library.rows, app.library.order.len())),
        Screen::People => Some((&mut app.people.rows, app.people.order.len())),
        Screen::Claims => {
            let list = app.people.claims.as_mut()?;
            let len = list.claims.len();
            Some((&mut list.rows, len))
        }
        Screen::Story(_) => None,
    }
}

/// `q`: closes what is on top (help, the picker, a prompt), else goes back
/// a level, and quits from the top level (or a story opened on its own).
fn leave(app: &mut App) {
    if app.overlay.is_some() || app.prompt.is_some() {
        close(app);
        return;
    }
    if app.at_top_level() {
        update(app, Action::Quit);
    } else {
        back(app);
    }
}

/// Scrolling keys while the help is open scroll the help.
fn scroll_help(app: &mut App, action: Action) {
    // The help is as tall as the screen above the status bar, less its borders.
    let shown = usize::from(app.geometry().main.height.saturating_sub(2));
    let lines = match app.overlay {
        Some(Overlay::Problems { .. }) => app.library.problem_lines(),
        _ => help_line_count(&app.settings.keymap),
    };
    let max = lines.saturating_sub(shown);
    let (page, half) = (shown.saturating_sub(2).max(1), (shown / 2).max(1));
    let Some(Overlay::Help { scroll } | Overlay::Problems { scroll }) = &mut app.overlay else {
        return;
    };
    let at = usize::from(*scroll);
    let to = match action {
        Action::HelpDown | Action::LineDown => at + 1,
        Action::HelpUp | Action::LineUp => at.saturating_sub(1),
        Action::ScrollDown => at + WHEEL_ROWS,
        Action::ScrollUp => at.saturating_sub(WHEEL_ROWS),
        Action::PageDown => at + page,
        Action::PageUp => at.saturating_sub(page),
        Action::HalfPageDown => at + half,
        Action::HalfPageUp => at.saturating_sub(half),
        Action::FirstRow => 0,
        Action::LastRow => max,
        _ => return,
    };
    *scroll = u16::try_from(to.min(max)).unwrap_or(u16::MAX);
}

/// Back from a story to the list it was opened from; from a source's
/// claims to the sources; from the sources to the stories.
fn back(app: &mut App) {
    match app.screen {
        Screen::Story(_) if app.story_is_alone() => {
            app.say("Only one story is open");
        }
        Screen::Story(_) => {
            app.leave_story();
            app.screen = app.back;
            close_story_overlays(app);
            let page = app.list_page();
            if let Some((rows, len)) = list_rows(app) {
                rows.show(len, page);
            }
        }
        Screen::Claims => app.screen = Screen::People,
        Screen::People => app.screen = Screen::Library,
        Screen::Library => {}
    }
}

/// Actions on the lists: the stories, the sources across stories, a
/// source's claims.
fn lists(app: &mut App, action: Action) {
    // From the first key on the list, the cursor is the user's to move.
    app.library.touched |= app.screen == Screen::Library;
    let page = app.list_page();
    let step = |app: &mut App, delta: isize| {
        if let Some((rows, len)) = list_rows(app) {
            rows.step(delta, len, page);
        }
    };
    let signed = isize::try_from(page).unwrap_or(isize::MAX);
    match action {
        Action::NextRow => step(app, 1),
        Action::PrevRow => step(app, -1),
        Action::PageDown => step(app, signed),
        Action::PageUp => step(app, -signed),
        Action::HalfPageDown => step(app, (signed / 2).max(1)),
        Action::HalfPageUp => step(app, -(signed / 2).max(1)),
        Action::FirstRow | Action::LastRow => {
            if let Some((rows, len)) = list_rows(app) {
                if action == Action::FirstRow {
                    rows.first(len, page);
                } else {
                    rows.last(len, page);
                }
            }
        }
        Action::OpenRow => open_row(app),
        Action::SwitchIndex => match app.screen {
            Screen::Library => {
                app.people.update_from(&app.library);
                let len = app.people.order.len();
                app.people.rows.show(len, page);
                app.screen = Screen::People;
            }
            _ => app.screen = Screen::Library,
        },
        Action::ShowProblems if app.screen == Screen::Library => {
            if app.library.problems.is_empty() {
                app.say("Every input could be read");
            } else {
                app.overlay = Some(Overlay::Problems { scroll: 0 });
            }
        }
        Action::Refresh if app.screen == Screen::Library => {
            if !app.refreshable {
                app.say("Nothing to refresh: these stories are not from feeds");
            } else if !app.library.done {
                app.say("Still reading the feeds");
            } else {
                app.library.done = false;
                app.control.effects.push(Effect::Refresh);
                app.say("Refreshing the feeds");
            }
        }
        Action::CycleSort if app.screen == Screen::Library => {
            app.library.cycle_sort();
            let text = format!("Sorted by {}", app.library.sort.label());
            app.say(text);
        }
        Action::ReverseSort if app.screen == Screen::Library => {
            app.library.reverse();
            app.say(if app.library.reversed {
                "Order reversed"
            } else {
                "Order restored"
            });
        }
        Action::StartFilter if matches!(app.screen, Screen::Library | Screen::People) => {
            app.prompt = Some(Prompt { origin: None });
        }
        Action::SearchSubmit => {
            app.prompt = None;
            let empty = match app.screen {
                Screen::Library => app.library.order.is_empty(),
                Screen::People => app.people.order.is_empty(),
                _ => false,
            };
            if empty {
                app.warn("Nothing matches: Esc clears the filter");
            }
        }
        Action::ScrollDown => step(app, WHEEL_ROWS as isize),
        Action::ScrollUp => step(app, -(WHEEL_ROWS as isize)),
        Action::PickCountry if matches!(app.screen, Screen::Library | Screen::People) => {
            let all = app
                .library
                .countries()
                .into_iter()
                .map(|(code, name, bloc, count)| PickItem {
                    code,
                    name,
                    bloc,
                    count,
                })
                .collect();
            app.overlay = Some(Overlay::Picker(Picker::new(all, true)));
        }
        Action::ClearFilter
            if matches!(app.screen, Screen::Library | Screen::People)
                && app.library.country.is_some() =>
        {
            app.library.set_country(None);
            if app.screen == Screen::People {
                app.people.update_from(&app.library);
            }
            app.say("Showing every country");
        }
        Action::Clear => match app.screen {
            Screen::Library if !app.library.query.is_empty() => {
                app.library.set_query(String::new());
            }
            Screen::Library if app.library.country.is_some() => app.library.set_country(None),
            Screen::People if !app.people.query.is_empty() => {
                app.people.set_query(String::new(), &app.library);
            }
            _ => {}
        },
        _ => {}
    }
    let page = app.list_page();
    if let Some((rows, len)) = list_rows(app) {
        rows.show(len, page);
    }
}

/// Enter on a list: a story opens (or will, once annotated); a source shows
/// its claims; a claim opens its story there.
fn open_row(app: &mut App) {
    match app.screen {
        Screen::Library => {
            let Some(i) = app.library.selected() else {
                return;
            };
            if app.library.entries[i].doc.is_some() {
                app.back = Screen::Library;
                open_story(app, i);
            } else if app.library.done {
                app.warn("This story could not be annotated: the problems list says why");
            } else {
                app.opening = Some(i);
                let text = format!(
                    "Annotating… it opens when ready ({} of {} done)",
                    app.library.annotated,
                    app.library.entries.len()
                );
                app.say(text);
            }
        }
        Screen::People => {
            let Some(p) = app.people.selected() else {
                return;
            };
            let entries = &app.library.entries;
            let claims = People::claims_of(&app.people.index.persons[p], |e| {
                entries.get(e).and_then(|e| e.doc.as_deref())
            });
            if claims.is_empty() {
                let name = app.people.index.persons[p].name.clone();
                app.say(format!("{name} is mentioned but not quoted"));
                return;
            }
            app.people.claims = Some(ClaimList {
                person: p,
                claims,
                rows: Default::default(),
            });
            app.screen = Screen::Claims;
        }
        Screen::Claims => {
            let Some(list) = &app.people.claims else {
                return;
            };
            let Some(found) = list.claims.get(list.rows.cursor).cloned() else {
                return;
            };
            if !open_story(app, found.entry) {
                return;
            }
            app.back = Screen::Claims;
            if let Some(story) = app.story_mut() {
                // A claim the country filter hides cannot be shown: drop the filter.
                if story.filter.is_some() {
                    story.filter = None;
                    story.apply_filter();
                }
                let landed = story
                    .index
                    .claim_order
                    .iter()
                    .position(|&c| c as usize == found.claim)
                    .is_some_and(|at| story.jump_to_claim(at));
                // The claim's speaker is selected, as if chosen in the panel.
                let speaker = story.doc.claim(found.claim).and_then(|c| c.speaker.clone());
                let speaker = speaker.and_then(|id| story.doc.speaker_index(&id));
                story.select(speaker);
                if !landed {
                    app.say("That claim is in the headline");
                }
            }
        }
        Screen::Story(_) => {}
    }
}

/// Opens the list of the story's claims, on the current claim (or the first
/// after the focus).
fn open_story_claims(app: &mut App) {
    let Some(story) = app.story() else { return };
    let order = &story.index.claim_order;
    let items: Vec<usize> = (0..order.len())
        .filter(|&i| story.view.shown[story.index.claim_paragraphs[i] as usize])
        .collect();
    if items.is_empty() {
        app.say(if order.is_empty() {
            "No claims in this story"
        } else {
            "No claims in what the filter shows"
        });
        return;
    }
    let cursor = match story.claim {
        Some(c) => items.partition_point(|&i| i < c),
        None => {
            let focus = story.focus.unwrap_or(0);
            items.partition_point(|&i| (story.index.claim_paragraphs[i] as usize) < focus)
        }
    };
    let mut rows = Rows {
        cursor,
        offset: cursor,
    };
    let len = items.len();
    rows.show(len, story_claims_page(app));
    app.overlay = Some(Overlay::Claims(StoryClaims { items, rows }));
}

/// Claims the list shows at once: two rows each inside its border.
fn story_claims_page(app: &App) -> usize {
    list_page(app.geometry().main, 0)
}

/// Keys while the story's claims are listed: the list keys move, Enter
/// jumps to the claim, Esc, `h` and `q` close the list.
fn story_claims(app: &mut App, action: Action) {
    let page = story_claims_page(app);
    let Some(Overlay::Claims(list)) = &mut app.overlay else {
        return;
    };
    let len = list.items.len();
    let signed = isize::try_from(page).unwrap_or(isize::MAX);
    match action {
        Action::NextRow => list.rows.step(1, len, page),
        Action::PrevRow => list.rows.step(-1, len, page),
        Action::ScrollDown => list.rows.step(WHEEL_ROWS as isize, len, page),
        Action::ScrollUp => list.rows.step(-(WHEEL_ROWS as isize), len, page),
        Action::PageDown => list.rows.step(signed, len, page),
        Action::PageUp => list.rows.step(-signed, len, page),
        Action::HalfPageDown => list.rows.step((signed / 2).max(1), len, page),
        Action::HalfPageUp => list.rows.step(-(signed / 2).max(1), len, page),
        Action::FirstRow => list.rows.first(len, page),
        Action::LastRow => list.rows.last(len, page),
        Action::OpenRow => {
            let chosen = list.items.get(list.rows.cursor).copied();
            app.overlay = None;
            if let (Some(i), Some(story)) = (chosen, app.story_mut()) {
                story.jump_to_claim(i);
            }
        }
        Action::Close | Action::Clear | Action::BackToList | Action::ListClaims => {
            app.overlay = None;
        }
        _ => {}
    }
}

/// The picker and the search prompt belong to the story they were opened on.
fn close_story_overlays(app: &mut App) {
    app.prompt = None;
    if matches!(app.overlay, Some(Overlay::Picker(_) | Overlay::Claims(_))) {
        app.overlay = None;
    }
}

/// Esc in an overlay or the prompt.
fn close(app: &mut App) {
    if app.overlay.take().is_some() {
        return;
    }
    let Some(prompt) = app.prompt.take() else {
        return;
    };
    match app.screen {
        Screen::Library => app.library.set_query(String::new()),
        Screen::People => app.people.set_query(String::new(), &app.library),
        _ => {
            if let Some(story) = app.story_mut() {
                // Cancelling a search puts the reader back where it was.
                story.search = Default::default();
                if let Some(p) = prompt.origin {
                    story.focus_near(p);
                }
            }
        }
    }
}

/// Typing or deleting in the picker or the prompt.
fn edit(app: &mut App, change: impl FnOnce(&mut String)) {
    let prompt = app.prompt;
    if let Some(Overlay::Picker(picker)) = &mut app.overlay {
        change(&mut picker.query);
        picker.narrow();
        return;
    }
    if prompt.is_none() || app.overlay.is_some() {
        return;
    }
    let page = app.list_page();
    match app.screen {
        Screen::Library => {
            let mut query = app.library.query.clone();
            change(&mut query);
            app.library.set_query(query);
            app.library.rows.first(app.library.order.len(), page);
        }
        Screen::People => {
            let mut query = app.people.query.clone();
            change(&mut query);
            app.people.set_query(query, &app.library);
            app.people.rows.first(app.people.order.len(), page);
        }
        Screen::Claims => {}
        Screen::Story(i) => {
            if let Some(story) = app.views.get_mut(&i) {
                change(&mut story.search.query);
                story.run_search(prompt.and_then(|p| p.origin));
            }
        }
    }
}

/// The countries of a story, most mentioned first.
pub fn story_countries(doc: &dyn Annotated) -> Vec<PickItem> {
    let mut items: Vec<PickItem> = (0..doc.country_count())
        .filter_map(|c| {
            let country = doc.country(c)?;
            Some(PickItem {
                code: country.code.to_string(),
                name: country.name.to_string(),
                bloc: country.kind == CountryKind::Bloc,
                count: doc.country_mention_count(c),
            })
        })
        .collect();
    items.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    items
}

/// Actions on the open story.
fn reader(app: &mut App, action: Action) {
    let Screen::Story(i) = app.screen else {
        return;
    };
    let Some(story) = app.views.get_mut(&i) else {
        return;
    };
    let name = |story: &StoryView, s: usize| story.doc.speaker_at(s).name.to_string();
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
        Action::HalfPageDown => story.scroll_down(story.half_page()),
        Action::HalfPageUp => story.scroll_up(story.half_page()),
        Action::LineDown => story.scroll_down(1),
        Action::LineUp => story.scroll_up(1),
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
                .map(|&p| p as usize)
                .find(|&p| story.view.shown[p])
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
                Some(c) => {
                    story.jump_to_claim(c);
                }
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
        Action::ListClaims => open_story_claims(app),
        Action::CopyClaim => match story.current_claim() {
            Some(claim) => {
                let cited = super::cite::citation(&*story.doc, &claim);
                app.say(format!("Copied: {cited}"));
                app.control.effects.push(Effect::Copy(cited));
            }
            None => app.say("No claim here to copy: } moves to the next"),
        },
        Action::OpenSource => match story.doc.meta().source.clone() {
            // Standard input is gone once read: nothing to open.
            Some(source) if source != "-" => {
                app.say(format!("Opening {source}"));
                app.control.effects.push(Effect::Open(source));
            }
            _ => app.say("This story has no file or page to open"),
        },
        Action::PickCountry => {
            let all = story_countries(&*story.doc);
            app.overlay = Some(Overlay::Picker(Picker::new(all, false)));
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
            let doc = &story.doc;
            let found = (0..doc.country_count()).position(|c| {
                doc.country(c)
                    .is_some_and(|c| c.code.eq_ignore_ascii_case(&code))
            });
            match found {
                Some(c) => {
                    story.filter = Some(c);
                    story.apply_filter();
                    let name = story.doc.country(c).map_or("", |c| c.name).to_string();
                    let text = format!(
                        "{} {} mentioning {} · F shows all",
                        story.view.shown_count,
                        if story.view.shown_count == 1 {
                            "paragraph"
                        } else {
                            "paragraphs"
                        },
                        name
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
            let forward = action == Action::NextMatch;
            let next = match (story.search.current, forward) {
                (Some(c), true) => (c + 1) % count,
                (Some(c), false) => (c + count - 1) % count,
                (None, _) => 0,
            };
            // Going round the story is said, as in less and vim: a reader
            // counting matches must not take the first again for a new one.
            let wrapped = story
                .search
                .current
                .is_some_and(|c| if forward { next <= c } else { next >= c });
            let from = story.focus;
            story.go_to_hit(next);
            if let Some(from) = from
                && Some(from) != story.focus
            {
                story.jumps.push(from);
            }
            if wrapped {
                app.say(if forward {
                    "Search hit the end, continuing at the top"
                } else {
                    "Search hit the top, continuing at the end"
                });
            }
        }
        _ => {}
    }
}
