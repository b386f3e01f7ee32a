//! The one keymap: it turns key presses into actions, and the help overlay and
//! the footer hints are generated from it, so they cannot drift from the keys.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key with its modifiers, normalized so that `G` is `G` whether or not the
/// terminal also reports Shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        Key { code, modifiers }
    }

    pub const fn plain(code: KeyCode) -> Self {
        Key::new(code, KeyModifiers::NONE)
    }

    pub const fn char(c: char) -> Self {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        Key::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    /// The key of a terminal event. Shift is folded into the character (and
    /// into BackTab); only Ctrl and Alt are kept as modifiers.
    pub fn from_event(event: KeyEvent) -> Self {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        if !matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers |= event.modifiers & KeyModifiers::SHIFT;
        }
        Key::new(event.code, modifiers)
    }
}

/// Named keys as written in the config file (any case), with the names
/// they are printed with first.
const NAMED: &[(&str, KeyCode)] = &[
    ("Space", KeyCode::Char(' ')),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Backspace", KeyCode::Backspace),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Insert", KeyCode::Insert),
    ("Delete", KeyCode::Delete),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Escape", KeyCode::Esc),
    ("Return", KeyCode::Enter),
    ("↑", KeyCode::Up),
    ("↓", KeyCode::Down),
    ("←", KeyCode::Left),
    ("→", KeyCode::Right),
];

impl Key {
    /// The key as the config file writes it: "j", "G", "Ctrl-o", "Space",
    /// "Shift-Tab", "F1", "Down". [`Key::parse`] reads it back.
    pub fn config_name(&self) -> String {
        let mut out = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift-");
        }
        match self.code {
            KeyCode::BackTab => out.push_str("Shift-Tab"),
            KeyCode::F(n) => out.push_str(&format!("F{n}")),
            code => match NAMED.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => out.push_str(name),
                None => match code {
                    KeyCode::Char(c) => out.push(c),
                    other => out.push_str(&format!("{other:?}")),
                },
            },
        }
        out
    }

    /// Reads a key as written in the config file; `None` if it is not one.
    /// Modifiers are `Ctrl-`, `Alt-` and `Shift-` (Shift only for named
    /// keys: a shifted letter is the capital). Named keys ignore case.
    pub fn parse(text: &str) -> Option<Key> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (modifier, len) = if lower.starts_with("ctrl-") && rest.len() > 5 {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            modifiers |= modifier;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => {
                let named = NAMED
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(rest))
                    .map(|(_, code)| *code);
                let function = rest
                    .strip_prefix(['F', 'f'])
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=24).contains(n))
                    .map(KeyCode::F);
                named.or(function)?
            }
        };
        if modifiers.contains(KeyModifiers::SHIFT) {
            match code {
                KeyCode::Tab => {
                    return Some(Key::new(KeyCode::BackTab, modifiers - KeyModifiers::SHIFT));
                }
                // "Shift-a" is "A": what the terminal reports.
                KeyCode::Char(_) => return None,
                _ => {}
            }
        }
        Some(Key::new(code, modifiers))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Where a binding applies. Lookups go through a list of contexts, most
/// specific first (see [`Keymap::action_for`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Every screen, even while typing.
    Always,
    /// Every screen except while typing.
    Global,
    /// The reader, whichever pane has focus.
    Reader,
    Article,
    Sources,
    /// Every list: the stories, the sources across stories, a source's claims.
    Lists,
    /// The story list.
    Library,
    /// The sources across stories.
    People,
    Help,
    Picker,
    Search,
}

impl Context {
    /// The heading of this context's section in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Always | Context::Global => "Anywhere",
            Context::Reader => "Reading",
            Context::Article => "Article (focused)",
            Context::Sources => "Sources panel (focused)",
            Context::Lists => "Lists (stories, sources, claims)",
            Context::Library => "Story list",
            Context::People => "Sources across stories",
            Context::Help => "This help",
            Context::Picker => "Country picker (type to narrow)",
            Context::Search => "Search prompt (type to search)",
        }
    }

    /// Every context, in the order the config file lists them.
    pub const ALL: [Context; 11] = [
        Context::Always,
        Context::Global,
        Context::Reader,
        Context::Article,
        Context::Sources,
        Context::Lists,
        Context::Library,
        Context::People,
        Context::Help,
        Context::Picker,
        Context::Search,
    ];

    /// The name of the context's section in the config file (`[keys.NAME]`).
    pub fn config_name(self) -> &'static str {
        match self {
            Context::Always => "always",
            Context::Global => "anywhere",
            Context::Reader => "reader",
            Context::Article => "article",
            Context::Sources => "sources",
            Context::Lists => "lists",
            Context::Library => "library",
            Context::People => "people",
            Context::Help => "help",
            Context::Picker => "picker",
            Context::Search => "search",
        }
    }

    /// Every lookup chain the reader uses (see `App::contexts`), most
    /// specific first: a key reaches a context's binding only through these.
    pub const CHAINS: [&'static [Context]; 8] = [
        &[Context::Always, Context::Help, Context::Global],
        &[Context::Always, Context::Picker],
        &[Context::Always, Context::Search],
        &[
            Context::Always,
            Context::Library,
            Context::Lists,
            Context::Global,
        ],
        &[
            Context::Always,
            Context::People,
            Context::Lists,
            Context::Global,
        ],
        &[Context::Always, Context::Lists, Context::Global],
        &[
            Context::Always,
            Context::Article,
            Context::Reader,
            Context::Global,
        ],
        &[
            Context::Always,
            Context::Sources,
            Context::Reader,
            Context::Global,
        ],
    ];

    /// Contexts where unbound printable characters are text input.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Picker | Context::Search)
    }
}

/// Ctrl-c quits everywhere, whatever the config says: however the other
/// keys are bound, the reader always has a way out that every terminal
/// user knows.
pub const ALWAYS_QUITS: Key = Key::ctrl('c');

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub action: Action,
    pub keys: Vec<Key>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    /// Vim keys and their arrow-key and named-key alternatives together.
    fn default() -> Self {
        use Action as A;
        use Context as C;
        use KeyCode as K;
        let p = Key::plain;
        let c = Key::char;
        let table: Vec<(Context, Action, Vec<Key>)> = vec![
            (C::Always, A::Quit, vec![ALWAYS_QUITS]),
            (C::Always, A::Suspend, vec![Key::ctrl('z')]),
            (C::Global, A::Leave, vec![c('q')]),
            (C::Global, A::Quit, vec![c('Q')]),
            (C::Global, A::ToggleHelp, vec![c('?'), p(K::F(1))]),
            (C::Reader, A::PageDown, vec![c(' '), p(K::PageDown)]),
            (C::Reader, A::PageUp, vec![c('b'), p(K::PageUp)]),
            (C::Reader, A::HalfPageDown, vec![Key::ctrl('d')]),
            (C::Reader, A::HalfPageUp, vec![Key::ctrl('u')]),
            (C::Reader, A::LineDown, vec![Key::ctrl('e')]),
            (C::Reader, A::LineUp, vec![Key::ctrl('y')]),
            (C::Reader, A::FirstParagraph, vec![c('g'), p(K::Home)]),
            (C::Reader, A::LastParagraph, vec![c('G'), p(K::End)]),
            (C::Reader, A::ToggleFocus, vec![p(K::Tab), p(K::BackTab)]),
            (C::Reader, A::TogglePanel, vec![c('p')]),
            (C::Reader, A::CycleSource, vec![c('s')]),
            (C::Reader, A::NextMention, vec![c(']')]),
            (C::Reader, A::PrevMention, vec![c('[')]),
            (C::Reader, A::NextClaim, vec![c('}')]),
            (C::Reader, A::PrevClaim, vec![c('{')]),
            (C::Reader, A::ListClaims, vec![c('c')]),
            (C::Reader, A::CopyClaim, vec![c('y')]),
            (C::Reader, A::OpenSource, vec![c('o')]),
            (C::Reader, A::JumpBack, vec![Key::ctrl('o')]),
            (C::Reader, A::PickCountry, vec![c('f')]),
            (C::Reader, A::ClearFilter, vec![c('F')]),
            (C::Reader, A::StartSearch, vec![c('/')]),
            (C::Reader, A::NextMatch, vec![c('n')]),
            (C::Reader, A::PrevMatch, vec![c('N')]),
            (C::Reader, A::Clear, vec![p(K::Esc)]),
            (
                C::Reader,
                A::BackToList,
                vec![p(K::Backspace), c('h'), p(K::Left)],
            ),
            (C::Article, A::NextParagraph, vec![c('j'), p(K::Down)]),
            (C::Article, A::PrevParagraph, vec![c('k'), p(K::Up)]),
            (C::Sources, A::NextSource, vec![c('j'), p(K::Down)]),
            (C::Sources, A::PrevSource, vec![c('k'), p(K::Up)]),
            (C::Sources, A::JumpToSource, vec![p(K::Enter)]),
            (C::Lists, A::NextRow, vec![c('j'), p(K::Down)]),
            (C::Lists, A::PrevRow, vec![c('k'), p(K::Up)]),
            (C::Lists, A::PageDown, vec![c(' '), p(K::PageDown)]),
            (C::Lists, A::PageUp, vec![c('b'), p(K::PageUp)]),
            (C::Lists, A::HalfPageDown, vec![Key::ctrl('d')]),
            (C::Lists, A::HalfPageUp, vec![Key::ctrl('u')]),
            (C::Lists, A::FirstRow, vec![c('g'), p(K::Home)]),
            (C::Lists, A::LastRow, vec![c('G'), p(K::End)]),
            (C::Lists, A::OpenRow, vec![p(K::Enter), c('l'), p(K::Right)]),
            (C::Lists, A::StartFilter, vec![c('/')]),
            (C::Lists, A::Clear, vec![p(K::Esc)]),
            (
                C::Lists,
                A::BackToList,
                vec![p(K::Backspace), c('h'), p(K::Left)],
            ),
            (C::Library, A::CycleSort, vec![c('o')]),
            (C::Library, A::ReverseSort, vec![c('O')]),
            (C::Library, A::PickCountry, vec![c('f')]),
            (C::Library, A::ClearFilter, vec![c('F')]),
            (C::Library, A::SwitchIndex, vec![p(K::Tab), p(K::BackTab)]),
            (C::Library, A::ShowProblems, vec![c('e')]),
            (C::Library, A::Refresh, vec![c('r')]),
            (C::People, A::SwitchIndex, vec![p(K::Tab), p(K::BackTab)]),
            (C::People, A::PickCountry, vec![c('f')]),
            (C::People, A::ClearFilter, vec![c('F')]),
            (
                C::Help,
                A::HelpDown,
                vec![c('j'), p(K::Down), Key::ctrl('e')],
            ),
            (C::Help, A::HelpUp, vec![c('k'), p(K::Up), Key::ctrl('y')]),
            (C::Help, A::PageDown, vec![c(' '), p(K::PageDown)]),
            (C::Help, A::PageUp, vec![c('b'), p(K::PageUp)]),
            (C::Help, A::HalfPageDown, vec![Key::ctrl('d')]),
            (C::Help, A::HalfPageUp, vec![Key::ctrl('u')]),
            (C::Help, A::FirstRow, vec![c('g'), p(K::Home)]),
            (C::Help, A::LastRow, vec![c('G'), p(K::End)]),
            (C::Help, A::Close, vec![p(K::Esc)]),
            (C::Picker, A::PickerDown, vec![p(K::Down), Key::ctrl('n')]),
            (C::Picker, A::PickerUp, vec![p(K::Up), Key::ctrl('p')]),
            (C::Picker, A::PickerChoose, vec![p(K::Enter)]),
            (C::Picker, A::DeleteChar, vec![p(K::Backspace)]),
            (C::Picker, A::Close, vec![p(K::Esc)]),
            (C::Search, A::SearchSubmit, vec![p(K::Enter)]),
            (C::Search, A::DeleteChar, vec![p(K::Backspace)]),
            (C::Search, A::Close, vec![p(K::Esc)]),
        ];
        Keymap {
            bindings: table
                .into_iter()
                .map(|(context, action, keys)| Binding {
                    context,
                    action,
                    keys,
                })
                .collect(),
        }
    }
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Binds `action` in `context` to exactly `keys` (none unbinds it),
    /// replacing the keys it had there; except that [`ALWAYS_QUITS`] stays
    /// bound to quit everywhere, whatever the keys say.
    pub fn set(&mut self, context: Context, action: Action, mut keys: Vec<Key>) {
        if context == Context::Always && action == Action::Quit && !keys.contains(&ALWAYS_QUITS) {
            keys.insert(0, ALWAYS_QUITS);
        }
        let at = self
            .bindings
            .iter()
            .position(|b| b.context == context && b.action == action);
        match (at, keys.is_empty()) {
            (Some(i), true) => {
                self.bindings.remove(i);
            }
            (Some(i), false) => self.bindings[i].keys = keys,
            (None, true) => {}
            (None, false) => self.bindings.push(Binding {
                context,
                action,
                keys,
            }),
        }
    }

    /// The action for `key`, looking through `contexts` in order. In a
    /// context that takes text, an unbound printable character is typed.
    pub fn action_for(&self, contexts: &[Context], key: Key) -> Option<Action> {
        for &context in contexts {
            let bound = self
                .bindings
                .iter()
                .find(|b| b.context == context && b.keys.contains(&key));
            if let Some(binding) = bound {
                return Some(binding.action.clone());
            }
            if context.takes_text()
                && let KeyCode::Char(c) = key.code
                && (key.modifiers - KeyModifiers::SHIFT).is_empty()
            {
                return Some(Action::Insert(c));
            }
        }
        None
    }

    /// The keys bound to `action` in the first of `contexts` that binds it.
    pub fn keys_for(&self, contexts: &[Context], action: &Action) -> Option<&[Key]> {
        contexts.iter().find_map(|&context| {
            self.bindings
                .iter()
                .find(|b| b.context == context && &b.action == action)
                .map(|b| b.keys.as_slice())
        })
    }

    /// The help overlay's sections: a title and `(keys, description)` rows,
    /// in keymap order. `Always` and `Global` share the "Anywhere" section.
    pub fn help_sections(&self) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
        let mut sections: Vec<(&'static str, Vec<(String, &'static str)>)> = Vec::new();
        for binding in &self.bindings {
            let title = binding.context.title();
            let keys = binding
                .keys
                .iter()
                .map(Key::to_string)
                .collect::<Vec<_>>()
                .join(" ");
            let row = (keys, binding.action.description());
            match sections.iter_mut().find(|(t, _)| *t == title) {
                Some((_, rows)) => rows.push(row),
                None => sections.push((title, vec![row])),
            }
        }
        sections
    }

    /// Footer hints for `actions`: the first key of each, with its short
    /// label. The broadest context is asked first, so the hint for quitting
    /// is `q` rather than the always-bound Ctrl-c.
    pub fn hints(&self, contexts: &[Context], actions: &[Action]) -> Vec<(String, &'static str)> {
        let broadest_first: Vec<Context> = contexts.iter().rev().copied().collect();
        actions
            .iter()
            .filter_map(|action| {
                let key = self.keys_for(&broadest_first, action)?.first()?;
                Some((key.to_string(), action.hint()?))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    const READER: [Context; 4] = [
        Context::Always,
        Context::Article,
        Context::Reader,
        Context::Global,
    ];

    #[test]
    fn shifted_letters_match_with_or_without_a_reported_shift() {
        let map = Keymap::default();
        let event =
            KeyEvent::new_with_kind(KeyCode::Char('G'), KeyModifiers::SHIFT, KeyEventKind::Press);
        assert_eq!(
            map.action_for(&READER, Key::from_event(event)),
            Some(Action::LastParagraph)
        );
        assert_eq!(
            map.action_for(&READER, Key::char('G')),
            Some(Action::LastParagraph)
        );
    }

    #[test]
    fn the_most_specific_context_wins() {
        let map = Keymap::default();
        let sources = [Context::Sources, Context::Reader, Context::Global];
        assert_eq!(
            map.action_for(&sources, Key::char('j')),
            Some(Action::NextSource)
        );
        assert_eq!(
            map.action_for(&READER, Key::char('j')),
            Some(Action::NextParagraph)
        );
    }

    #[test]
    fn text_contexts_type_unbound_characters_but_ctrl_c_still_quits() {
        let map = Keymap::default();
        let picker = [Context::Always, Context::Picker];
        assert_eq!(
            map.action_for(&picker, Key::char('q')),
            Some(Action::Insert('q'))
        );
        assert_eq!(map.action_for(&picker, Key::ctrl('c')), Some(Action::Quit));
        assert_eq!(map.action_for(&picker, Key::ctrl('x')), None);
    }

    #[test]
    fn no_binding_takes_ctrl_c_from_quit() {
        let mut map = Keymap::default();
        map.set(Context::Always, Action::Quit, vec![]);
        map.set(Context::Always, Action::Suspend, vec![]);
        map.set(Context::Global, Action::Quit, vec![]);
        for chain in Context::CHAINS {
            assert_eq!(
                map.action_for(chain, Key::ctrl('c')),
                Some(Action::Quit),
                "{chain:?}"
            );
        }
        assert_eq!(
            map.keys_for(&[Context::Always], &Action::Quit),
            Some(&[Key::ctrl('c')][..]),
            "help and hints still show it"
        );
    }

    #[test]
    fn every_reader_action_has_a_non_letter_alternative_or_a_single_key() {
        // Arrow keys or named keys must reach movement, as the issue asks.
        let map = Keymap::default();
        for action in [
            Action::NextParagraph,
            Action::PrevParagraph,
            Action::PageDown,
            Action::PageUp,
            Action::FirstParagraph,
            Action::LastParagraph,
        ] {
            let keys = map.keys_for(&READER, &action).unwrap();
            assert!(
                keys.iter().any(|k| !matches!(k.code, KeyCode::Char(_))),
                "{action:?} has only letter keys"
            );
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let map = Keymap::default();
        let mut seen = std::collections::HashSet::new();
        for binding in map.bindings() {
            for key in &binding.keys {
                assert!(
                    seen.insert((binding.context, *key)),
                    "{key} bound twice in {:?}",
                    binding.context
                );
            }
        }
    }

    #[test]
    fn help_lists_every_binding_under_a_section() {
        let map = Keymap::default();
        let rows: usize = map.help_sections().iter().map(|(_, r)| r.len()).sum();
        assert_eq!(rows, map.bindings().len());
        let anywhere = &map.help_sections()[0];
        assert_eq!(anywhere.0, "Anywhere");
        assert!(
            anywhere
                .1
                .contains(&("? F1".to_string(), "show or hide this help"))
        );
    }
}

/// Rows of the highlight legend at the top of the help.
pub const HELP_LEGEND_ROWS: usize = 5;

/// How many lines the help has for `keymap`: the legend, then each section
/// with a blank line and its title (what `update` clamps scrolling to).
pub fn help_line_count(keymap: &Keymap) -> usize {
    HELP_LEGEND_ROWS
        + keymap
            .help_sections()
            .iter()
            .map(|(_, rows)| 2 + rows.len())
            .sum::<usize>()
}

/// The key list in the README, generated from the keymap like the help.
pub fn markdown_key_list(keymap: &Keymap) -> String {
    let mut out = String::new();
    for (title, rows) in keymap.help_sections() {
        out.push_str(&format!(
            "\n**{title}**\n\n| Keys | Does |\n| --- | --- |\n"
        ));
        for (keys, description) in rows {
            let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
            out.push_str(&format!("| {} | {description} |\n", keys.join(" ")));
        }
    }
    out
}

#[cfg(test)]
mod readme {
    use super::*;

    /// The README's key list must be the keymap's: run this test and copy
    /// the printed block between the markers when the keys change.
    #[test]
    fn the_readme_lists_the_real_keys() {
        let readme = include_str!("../../README.md");
        let expected = markdown_key_list(&Keymap::default());
        let block = readme
            .split_once("<!-- keys:start -->")
            .and_then(|(_, rest)| rest.split_once("<!-- keys:end -->"))
            .map(|(block, _)| block.trim());
        assert_eq!(block, Some(expected.trim()), "README key list:\n{expected}");
    }
}
