//! Whole-screen snapshots (ratatui `TestBackend` + insta) and the
//! hostile-text tests. Snapshots of styled screens use the buffer's `Debug`
//! form, which lists every change of colour and modifier under the text.

use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};

use super::action::Action as A;
use super::app::{App, Options, update};
use super::fixture;
use super::keymap::Keymap;
use super::theme::{ColorMode, Theme};
use super::ui::render;
use crate::model::Document;

const SIZES: [(u16, u16); 3] = [(60, 20), (100, 30), (160, 45)];

fn app(documents: Vec<Document>, mode: ColorMode, (w, h): (u16, u16)) -> App {
    let options = Options {
        theme: Theme::new(mode),
        keymap: Keymap::default(),
        ..Options::default()
    };
    App::new(documents, options, w, h)
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|frame| render(app, frame)).unwrap();
    terminal.backend().buffer().clone()
}

fn bundled() -> Document {
    crate::annotate(&crate::load::bundled())
}

/// Selects the source whose name contains `name`, by pressing `s`.
fn select_named(app: &mut App, name: &str) {
    for _ in 0..50 {
        let story = app.story().unwrap();
        if story
            .selected
            .is_some_and(|s| story.doc.speakers[s].name.contains(name))
        {
            return;
        }
        update(app, A::CycleSource);
    }
}

/// The states the issue asks to see, as the user would reach them.
fn states() -> Vec<(&'static str, Vec<A>)> {
    vec![
        ("reading", vec![]),
        (
            "filter_pl",
            vec![
                A::PickCountry,
                A::Insert('p'),
                A::Insert('o'),
                A::Insert('l'),
                A::PickerChoose,
            ],
        ),
        ("speaker", vec![]),
        ("help", vec![A::ToggleHelp]),
    ]
}

#[test]
fn bundled_story_screens() {
    for (mode, mode_name) in [(ColorMode::Basic, "color"), (ColorMode::None, "nocolor")] {
        for size in SIZES {
            for (state, actions) in states() {
                let mut app = app(vec![bundled()], mode, size);
                if state == "speaker" {
                    select_named(&mut app, "Zelenskiy");
                    update(&mut app, A::NextMention);
                }
                for action in actions {
                    update(&mut app, action);
                }
                let name = format!("bundled_{state}_{}x{}_{mode_name}", size.0, size.1);
                insta::assert_snapshot!(name, format!("{:?}", draw(&app)));
            }
        }
        let small = app(vec![bundled()], mode, (39, 9));
        insta::assert_snapshot!(
            format!("bundled_too_small_39x9_{mode_name}"),
            format!("{:?}", draw(&small))
        );
    }
}

#[test]
fn fixture_screens() {
    let cases: Vec<(&str, (u16, u16), Vec<A>)> = vec![
        ("reading", (100, 30), vec![]),
        (
            "speaker_selected",
            (100, 30),
            vec![A::CycleSource, A::NextMention],
        ),
        ("filter_pt", (100, 30), vec![A::FilterCountry("PT".into())]),
        ("picker", (100, 30), vec![A::PickCountry, A::Insert('p')]),
        (
            "search",
            (100, 30),
            vec![
                A::StartSearch,
                A::Insert('t'),
                A::Insert('h'),
                A::Insert('e'),
            ],
        ),
        (
            "sources_focused",
            (60, 20),
            vec![A::ToggleFocus, A::NextSource, A::NextSource],
        ),
        ("claim_details", (160, 45), vec![A::NextClaim, A::NextClaim]),
    ];
    for (name, size, actions) in cases {
        let mut app = app(vec![fixture::document()], ColorMode::Basic, size);
        for action in actions {
            update(&mut app, action);
        }
        insta::assert_snapshot!(format!("fixture_{name}"), format!("{:?}", draw(&app)));
    }
}

#[test]
fn story_list_screen() {
    let documents = vec![
        fixture::document(),
        bundled(),
        fixture::plain(&["Untitled."]),
    ];
    let mut app = app(documents, ColorMode::None, (100, 30));
    update(&mut app, A::NextRow);
    insta::assert_snapshot!("story_list", format!("{:?}", draw(&app)));
}

#[test]
fn library_screens() {
    for size in SIZES {
        let (w, h) = size;
        let mut documents = fixture::library();
        documents.push(bundled());
        let mut app = app(documents, ColorMode::None, size);
        update(&mut app, A::NextRow);
        insta::assert_snapshot!(format!("library_{w}x{h}"), format!("{:?}", draw(&app)));
        update(&mut app, A::SwitchIndex);
        insta::assert_snapshot!(
            format!("sources_index_{w}x{h}"),
            format!("{:?}", draw(&app))
        );
        update(&mut app, A::OpenRow);
        insta::assert_snapshot!(
            format!("source_claims_{w}x{h}"),
            format!("{:?}", draw(&app))
        );
    }
    // Filtered by country and by text while stories are still coming.
    let mut app = App::loading(Options::default(), 100, 30);
    let documents = fixture::library();
    super::app::receive(
        &mut app,
        [super::feed::Feed::Found(
            documents.iter().map(|d| d.meta.clone()).collect(),
        )],
    );
    super::app::receive(
        &mut app,
        [super::feed::Feed::Ready(
            documents.into_iter().enumerate().take(2).collect(),
        )],
    );
    for action in [
        A::FilterCountry("PT".into()),
        A::StartFilter,
        A::Insert('h'),
    ] {
        update(&mut app, action);
    }
    app.library.set_country(Some("PT".into()));
    insta::assert_snapshot!("library_loading_filtered", format!("{:?}", draw(&app)));
}

#[test]
fn tiny_terminals_draw_without_panicking() {
    for size in [(1, 1), (2, 2), (10, 5)] {
        let app = app(vec![bundled()], ColorMode::Basic, size);
        let buffer = draw(&app);
        assert_eq!(buffer.area, Rect::new(0, 0, size.0, size.1));
        if size == (10, 5) {
            let text: String = buffer.content.iter().map(|c| c.symbol()).collect();
            assert!(text.contains("Terminal"), "{text}");
        }
    }
}

/// An article that tries to drive the terminal: a colour change, a screen
/// clear, an OSC 52 clipboard write, a bell, an OSC 8 link, a C1 CSI and a
/// bidi override.
fn hostile() -> Document {
    let mut doc = fixture::plain(&[
        "Red \u{1b}[31mtext\u{1b}[0m and a clear \u{1b}[2J here.",
        "Clipboard \u{1b}]52;c;ZXZpbA==\u{07} bell \u{07} link \u{1b}]8;;http://x\u{1b}\\x\u{1b}]8;;\u{1b}\\ end.",
        "C1 \u{9b}31m and bidi \u{202e}txt.exe and back\u{8}space and cr\roverprint.",
    ]);
    doc.meta.title = Some("Title \u{1b}]0;pwned\u{07}".into());
    doc
}

/// A writer whose bytes the test can read after the backend has them.
#[derive(Clone, Default)]
struct SharedBytes(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for SharedBytes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn is_control(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[test]
fn hostile_text_never_reaches_the_buffer() {
    for size in SIZES {
        let mut app = app(vec![hostile()], ColorMode::Basic, size);
        // Search and the picker echo text too.
        for action in [A::StartSearch, A::Insert('\u{1b}'), A::Insert('r')] {
            update(&mut app, action);
        }
        let buffer = draw(&app);
        for cell in &buffer.content {
            assert!(
                !cell.symbol().chars().any(is_control),
                "control character in {:?}",
                cell.symbol()
            );
        }
        let text: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert!(text.contains("␛]52;c;ZXZpbA==␇"), "shown as visible text");
    }
}

#[test]
fn hostile_text_never_reaches_the_terminal_bytes() {
    // Through the real crossterm backend: the only escape sequences in the
    // output are the backend's own CSI sequences; no OSC, DCS or bell.
    let app = app(vec![hostile()], ColorMode::Basic, (100, 30));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 100, 30)),
    };
    let output = SharedBytes::default();
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(output.clone()), options).unwrap();
    terminal.draw(|frame| render(&app, frame)).unwrap();
    let bytes = output.0.borrow().clone();
    assert!(!bytes.is_empty());
    assert!(!bytes.contains(&0x07), "a bell reached the terminal");
    for (i, _) in bytes.iter().enumerate().filter(|(_, b)| **b == 0x1b) {
        assert_eq!(
            bytes.get(i + 1),
            Some(&b'['),
            "a non-CSI escape at byte {i}"
        );
    }
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains('\u{9b}') && !text.contains('\u{202e}'));
}
