//! The reader's layout and render on arbitrary annotated text at arbitrary
//! sizes: bytes 0-1 are the terminal size, byte 2 how many action bytes
//! follow (each picks an action), byte 3 how to spoil the spans (as a
//! document written by another tool might), the rest is the story. Nothing
//! may panic, the focus must stay on a shown paragraph, and no cell of the
//! screen may hold a control character.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use whosaid::annotate;
use whosaid::load::{Input, InputFormat, parse_bytes};
use whosaid::safe_text::is_unsafe;
use whosaid::tui::{Action, App, Keymap, Options, render, update};

/// Every bindable action, and the internal ones with a few arguments.
static ACTIONS: LazyLock<Vec<Action>> = LazyLock::new(|| {
    let mut actions: Vec<Action> = Keymap::default()
        .bindings()
        .iter()
        .map(|b| b.action.clone())
        .filter(|a| *a != Action::Quit)
        .collect();
    actions.extend([
        Action::ScrollDown,
        Action::ScrollUp,
        Action::Insert('e'),
        Action::Insert(' '),
        Action::Insert('\u{1b}'),
        Action::Insert('É'),
        Action::DeleteChar,
        Action::ClearMessage,
        Action::SearchMore,
        Action::FilterCountry("US".into()),
        Action::Resize(1, 1),
        Action::Resize(45, 12),
        Action::Resize(120, 40),
    ]);
    actions
});

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let width = 1 + u16::from(data[0]) % 200;
    let height = 1 + u16::from(data[1]) % 70;
    let count = usize::from(data[2] % 64).min(data.len() - 4);
    let spoil = data[3];
    let (actions, story) = data[4..].split_at(count);
    let Ok(opened) = parse_bytes("fuzz", story.to_vec(), Some(InputFormat::Plain)) else {
        return;
    };
    let mut documents: Vec<_> = opened
        .inputs
        .into_iter()
        .filter_map(|input| match input {
            Input::Article(article) => Some(annotate(&article)),
            Input::Annotated(_) => None,
        })
        .collect();
    if spoil & 1 == 1 {
        // Offsets past the text, inside characters and backwards: the reader
        // must clamp what it cannot trust.
        for doc in &mut documents {
            for (n, country) in doc.countries.iter_mut().enumerate() {
                for m in &mut country.mentions {
                    m.start = m.start.wrapping_add(usize::from(spoil >> 1) + n) % 97;
                    m.end = m.end.wrapping_mul(3) + usize::from(spoil);
                }
            }
            for claim in &mut doc.claims {
                claim.paragraph = claim.paragraph.wrapping_add(usize::from(spoil >> 4));
                claim.end = claim.end.saturating_add(1);
            }
        }
    }
    if spoil & 2 == 2 {
        // Two stories: the story list comes first.
        let copy = documents.clone();
        documents.extend(copy);
    }
    let mut app = App::new(documents, Options::default(), width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    for &byte in actions.iter().chain(std::iter::once(&0)) {
        let action = ACTIONS[usize::from(byte) % ACTIONS.len()].clone();
        update(&mut app, action);
        update(&mut app, Action::Resize(width, height));
        if let Some(story) = app.story() {
            assert!(story.focus.is_none_or(|p| story.view.shown[p]));
            assert!(
                story
                    .search
                    .current
                    .is_none_or(|c| c < story.search.hits.len())
            );
        }
        terminal
            .draw(|frame| render(&app, frame))
            .expect("drawing to memory works");
        let buffer = terminal.backend().buffer();
        for cell in &buffer.content {
            let symbol = cell.symbol();
            assert!(
                !symbol
                    .chars()
                    .any(|c| is_unsafe(c) || c == '\n' || c == '\t'),
                "a control character on screen: {symbol:?}"
            );
        }
    }
});
