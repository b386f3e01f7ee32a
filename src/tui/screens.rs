//! Whole-screen snapshots (ratatui `TestBackend` + insta) and the
//! hostile-text tests. Snapshots of styled screens use the buffer's `Debug`
//! form, which lists every change of colour and modifier under the text.

use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};

use super::action::Action as A;
use super::app::{App, Options, Settings, update};
use super::fixture;
use super::theme::{ColorMode, Theme, ThemePreset};
use super::ui::render;
use crate::model::Document;

const SIZES: [(u16, u16); 3] = [(60, 20), (100, 30), (160, 45)];

fn app(documents: Vec<Document>, mode: ColorMode, (w, h): (u16, u16)) -> App {
    let options = Options {
        settings: Settings {
            theme: Theme::new(mode),
            ..Settings::default()
        },
        ..Options::default()
    };
    App::new(documents, options, w, h)
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|frame| render(app, frame)).unwrap();
    terminal.backend().buffer().clone()
}

/// The status bar as drawn: the screen's last line.
fn status_line(app: &App) -> String {
    let text = screen_text(&draw(app));
    text.lines().last().unwrap_or_default().to_string()
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
            .is_some_and(|s| story.doc.speaker_at(s).name.contains(name))
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

/// A web page's story names its authors, site and address in the header,
/// after the counts; a narrow terminal cuts them with an ellipsis.
#[test]
fn a_web_story_header_names_authors_site_and_address() {
    let mut doc = fixture::plain(&["The dam reopened on Monday, the council said."]);
    doc.meta.title = Some("Dam repairs finish a month early".into());
    doc.meta.authors = vec!["Ana Ruiz".into(), "Li Wei".into()];
    doc.meta.site = Some("The Valley Post".into());
    doc.meta.url = Some("https://vp.example/dam".into());
    let whole =
        "0 sources · 0 claims · by Ana Ruiz, Li Wei · The Valley Post · https://vp.example/dam";
    for size in [(60, 20), (160, 45)] {
        let app = app(vec![doc.clone()], ColorMode::None, size);
        let text = screen_text(&draw(&app));
        let facts = text.lines().nth(1).unwrap_or_default().to_string();
        if size.0 >= 100 {
            assert!(facts.contains(whole), "{facts}");
        } else {
            assert!(facts.contains("0 claims · by Ana Ruiz"), "{facts}");
            assert!(facts.trim_end().ends_with('…'), "{facts}");
        }
        insta::assert_snapshot!(format!("web_header_{}x{}", size.0, size.1), text);
    }
}

/// The light preset (256 colours) on the bundled story, with a current
/// claim, so its pale tint behind the claim is in the snapshot too.
#[test]
fn light_preset_screen() {
    let options = Options {
        settings: Settings {
            theme: Theme::with_preset(ColorMode::Extended, ThemePreset::Light),
            ..Settings::default()
        },
        ..Options::default()
    };
    let mut app = App::new(vec![bundled()], options, 100, 30);
    update(&mut app, A::NextClaim);
    let screen = format!("{:?}", draw(&app));
    assert!(
        screen.contains("bg: Indexed(254)"),
        "the current claim's tint"
    );
    insta::assert_snapshot!("bundled_light_100x30_256", screen);
}

/// Moving from claim to claim shows on screen with the sources panel
/// hidden (80 columns): the status bar names the claim, its speaker and kind.
#[test]
fn the_current_claim_is_named_without_the_panel() {
    let mut app = app(vec![bundled()], ColorMode::None, (80, 24));

    update(&mut app, A::NextClaim);
    let first = status_line(&app);
    update(&mut app, A::NextClaim);
    let second = status_line(&app);
    assert!(
        !screen_text(&draw(&app)).contains("┌ Sources"),
        "the panel is hidden"
    );
    assert_ne!(first, second, "the second }} changes the screen");
    let story = app.story().unwrap();
    let claim = story.claim.expect("a current claim");
    assert!(
        second.contains(&format!("claim {}/37 · ", claim + 1)),
        "{second}"
    );
    assert!(
        second.contains("quote") || second.contains("reported speech"),
        "{second}"
    );
}

#[test]
fn a_long_message_leaves_the_help_and_the_way_out_on_the_bar() {
    let mut app = app(vec![fixture::document()], ColorMode::None, (60, 20));
    update(&mut app, A::CycleSource);
    update(&mut app, A::PrevMention);
    let line = status_line(&app);
    assert!(line.contains("No mention of"), "{line}");
    assert!(line.contains('…'), "the message is cut: {line}");
    assert!(line.trim_end().ends_with("? help  q quit"), "{line}");
}

#[test]
fn the_hint_for_tab_names_where_it_goes() {
    let mut app = app(vec![fixture::document()], ColorMode::None, (100, 30));
    assert!(
        status_line(&app).contains("Tab sources"),
        "{}",
        status_line(&app)
    );
    update(&mut app, A::ToggleFocus);
    assert!(
        status_line(&app).contains("Tab article"),
        "{}",
        status_line(&app)
    );
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
        (
            "claims_list",
            (100, 30),
            vec![A::NextClaim, A::ListClaims, A::NextRow],
        ),
        (
            "claims_list_small",
            (60, 20),
            vec![A::ListClaims, A::LastRow],
        ),
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

/// A list longer than the screen: the counter in the corner, the
/// scrollbar over the right border; read stories lose their dot; two
/// stories of one title show their file names; two inputs could not be read.
#[test]
fn long_story_list_screen() {
    let mut documents: Vec<Document> = (1..=12)
        .map(|d| fixture::quiet(&format!("Day {d}"), &format!("2024-01-{d:02}")))
        .collect();
    for (n, name) in ["monday.md", "tuesday.md"].into_iter().enumerate() {
        let mut twin = fixture::quiet("Harbour news", &format!("2024-02-0{}", n + 1));
        twin.meta.source = Some(format!("news/{name}"));
        documents.push(twin);
    }
    let mut app = app(documents, ColorMode::None, (80, 20));
    super::app::receive(
        &mut app,
        [
            super::feed::Feed::Problem("missing.txt: No such file or directory".into()),
            super::feed::Feed::Problem("bad\u{1b}]0;x\u{7}.bin: not a text file".into()),
        ],
    );
    for action in [
        A::NextRow,
        A::NextRow,
        A::OpenRow,
        A::BackToList,
        A::NextRow,
    ] {
        update(&mut app, action);
    }
    insta::assert_snapshot!("story_list_long", format!("{:?}", draw(&app)));
    update(&mut app, A::ShowProblems);
    insta::assert_snapshot!("problems", format!("{:?}", draw(&app)));
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
            documents
                .into_iter()
                .map(super::Doc::from)
                .enumerate()
                .take(2)
                .collect(),
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

/// Every way article text could try to drive a terminal, and what the
/// reader must show instead: a visible stand-in, never the character.
const HOSTILE: &[(&str, &str, &str)] = &[
    (
        "CSI colour and clear",
        "Red \u{1b}[31mtext\u{1b}[0m \u{1b}[2J",
        "Red ␛[31mtext␛[0m ␛[2J",
    ),
    (
        "OSC 52 clipboard write",
        "Copy \u{1b}]52;c;ZXZpbA==\u{07}",
        "Copy ␛]52;c;ZXZpbA==␇",
    ),
    (
        "OSC 8 link",
        "Link \u{1b}]8;;http://x.example\u{1b}\\here\u{1b}]8;;\u{1b}\\",
        "Link ␛]8;;http://x.example␛\\here␛]8;;␛\\",
    ),
    (
        "OSC 0 title",
        "Title \u{1b}]0;pwned\u{1b}\\",
        "Title ␛]0;pwned␛\\",
    ),
    ("DCS", "Query \u{1b}P1$qm\u{1b}\\", "Query ␛P1$qm␛\\"),
    (
        "C1 CSI, OSC, DCS, ST",
        "C1 \u{9b}31m \u{9d}0;x \u{90}q \u{9c}",
        "C1 �31m �0;x �q �",
    ),
    ("bell", "Bell \u{07}\u{07}", "Bell ␇␇"),
    ("backspace", "Back\u{8}\u{8}space", "Back␈␈space"),
    ("carriage-return overprint", "safe\rEVIL", "safe␍EVIL"),
    (
        "other C0 and DEL",
        "C0 \u{1}\u{2}\u{e}\u{f}\u{1a}\u{7f}",
        "C0 ␁␂␎␏␚␡",
    ),
    (
        "bidi override",
        "file \u{202e}txt.exe\u{202c}",
        "file �txt.exe�",
    ),
    (
        "bidi embeddings and isolates",
        "\u{202a}a\u{202b}b\u{202d}c\u{2066}d\u{2067}e\u{2068}f\u{2069}",
        "�a�b�c�d�e�f�",
    ),
    ("bidi marks", "x\u{200e}y\u{200f}z\u{61c}", "x�y�z�"),
];

/// The hostile cases, a paragraph each, in a story whose every other string
/// (title, meta, speakers, roles, countries, cue, channel) is hostile too,
/// as a `whosaid/1` file from anywhere may be.
fn hostile() -> Document {
    let texts: Vec<&str> = HOSTILE.iter().map(|(_, text, _)| *text).collect();
    let mut doc = fixture::plain(&texts);
    let evil = "\u{1b}]52;c;QQ==\u{7}\u{9b}2J\u{202e}";
    doc.meta.title = Some(format!("Title {evil}"));
    doc.meta.date = Some(format!("2031 {evil}"));
    doc.meta.dateline = vec![format!("CITY{evil}")];
    doc.meta.authors = vec![format!("Author {evil}")];
    doc.meta.site = Some(format!("Site {evil}"));
    doc.meta.url = Some(format!("https://example.com/{evil}"));
    let mention = |p: usize, text: &str| crate::model::Span {
        paragraph: p,
        start: 0,
        end: text.len(),
        text: text.into(),
    };
    doc.speakers.push(crate::model::Speaker {
        id: "s1".into(),
        name: format!("Ana {evil} Ruiz"),
        kind: crate::model::SpeakerKind::Person,
        role: Some(format!("Mayor {evil}")),
        country: Some(format!("U{evil}")),
        aliases: vec![evil.into()],
        mentions: vec![mention(1, "Copy")],
    });
    doc.claims.push(crate::model::Claim {
        id: "c1".into(),
        speaker: Some("s1".into()),
        kind: crate::model::ClaimKind::Direct,
        paragraph: 0,
        start: 0,
        end: 3,
        text: "Red".into(),
        parts: Vec::new(),
        source: Some(mention(1, "Copy")),
        cue: Some(mention(7, "Back")),
        channel: Some(format!("in a post {evil}")),
    });
    doc.countries.push(crate::model::Country {
        code: format!("X{evil}"),
        name: format!("Land {evil}"),
        kind: crate::model::CountryKind::Country,
        mentions: vec![mention(2, "Link")],
    });
    doc
}

fn is_control(c: char) -> bool {
    crate::safe_text::is_unsafe(c) || c.is_control()
}

fn screen_text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    let cells: Vec<&str> = buffer.content.iter().map(|c| c.symbol()).collect();
    cells
        .chunks(width)
        .map(|row| row.concat())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every hostile case at the buffer level: on every screen that shows story
/// text (reading, the claim and sources panel, the picker, the search
/// prompt, the story list, the help), no cell holds a control character,
/// and each case shows as its visible stand-in.
#[test]
fn hostile_text_never_reaches_the_buffer() {
    let screens: Vec<(&str, Vec<A>)> = vec![
        ("reading", vec![]),
        ("source selected", vec![A::CycleSource, A::NextClaim]),
        ("sources focused", vec![A::ToggleFocus, A::NextSource]),
        ("picker", vec![A::PickCountry]),
        ("filter", vec![A::PickCountry, A::PickerChoose]),
        (
            "search",
            vec![A::StartSearch, A::Insert('\u{1b}'), A::Insert('\u{7}')],
        ),
        ("help", vec![A::ToggleHelp]),
    ];
    for size in [(160, 45), (100, 30), (60, 20)] {
        for (name, actions) in &screens {
            let mut app = app(vec![hostile()], ColorMode::Basic, size);
            for action in actions {
                update(&mut app, action.clone());
            }
            let buffer = draw(&app);
            for cell in &buffer.content {
                assert!(
                    !cell.symbol().chars().any(is_control),
                    "{name} at {size:?}: a control character in {:?}",
                    cell.symbol()
                );
            }
            if *name == "reading" && size == (160, 45) {
                let text = screen_text(&buffer);
                for (case, _, shown) in HOSTILE {
                    assert!(
                        text.contains(shown),
                        "{case}: {shown:?} not on screen:\n{text}"
                    );
                }
                assert!(
                    text.contains("Title ␛]52;c;QQ==␇�2J�"),
                    "the title:\n{text}"
                );
            }
        }
    }
    // The story list shows titles.
    let list = app(vec![hostile(), hostile()], ColorMode::Basic, (100, 30));
    let buffer = draw(&list);
    assert!(
        !buffer
            .content
            .iter()
            .any(|c| c.symbol().chars().any(is_control))
    );
    assert!(screen_text(&buffer).contains("Title ␛]52;c;QQ==␇�2J�"));
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

/// The bytes the real crossterm backend sends for one frame of `app`.
fn terminal_bytes(app: &App) -> Vec<u8> {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, app.size.width, app.size.height)),
    };
    let output = SharedBytes::default();
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(output.clone()), options).unwrap();
    terminal.draw(|frame| render(app, frame)).unwrap();
    output.0.borrow().clone()
}

#[test]
fn hostile_text_never_reaches_the_terminal_bytes() {
    // Through the real crossterm backend: the only escape sequences in the
    // output are the backend's own CSI sequences; no OSC, DCS or bell.
    let bytes = terminal_bytes(&app(vec![hostile()], ColorMode::Basic, (100, 30)));
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

/// Paragraphs whose characters terminals and the width table measure
/// differently, and a speaker whose name is made of them.
fn uncertain_widths() -> Document {
    let word = ["Ver", "hand", "lungs", "ergeb", "nis", "se"].join("\u{ad}");
    let fillers = "\u{3164}".repeat(30);
    let texts = [
        format!("Heute sind die {word} da, und die {word} sind gut."),
        "Bengali কাজ, Tamil கால், Malayalam കാൽ, Kannada ಕೂಗು: all here.".to_string(),
        format!("\"{fillers} after the fillers,\" she said."),
        "A family \u{1f468}\u{200d}\u{1f469}, a heart \u{2764}\u{fe0f} and a word\u{200b}joiner."
            .to_string(),
    ];
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut doc = fixture::plain(&texts);
    doc.meta.title = Some(format!("{word} {fillers}"));
    doc.speakers.push(crate::model::Speaker {
        id: "s1".into(),
        name: format!("Anna{fillers}Weber কা"),
        kind: crate::model::SpeakerKind::Person,
        role: Some(word.clone()),
        country: None,
        aliases: Vec::new(),
        mentions: Vec::new(),
    });
    doc
}

/// In every cell the buffer holds, ratatui's width (forced where needed) is
/// the width the reader laid the cluster out with, and no character whose
/// width terminals disagree on is left in it.
#[test]
fn every_cell_is_as_wide_as_it_was_laid_out() {
    use ratatui::buffer::CellWidth;
    let states: Vec<(&str, Vec<A>)> = vec![
        ("reading", vec![]),
        ("source selected", vec![A::CycleSource]),
        ("sources focused", vec![A::ToggleFocus]),
    ];
    for size in [(160, 45), (100, 30), (60, 20), (41, 12)] {
        for (name, actions) in &states {
            let mut app = app(vec![uncertain_widths()], ColorMode::Basic, size);
            for action in actions {
                update(&mut app, action.clone());
            }
            let buffer = draw(&app);
            let mut x = 0;
            for (i, cell) in buffer.content.iter().enumerate() {
                let column = i % usize::from(buffer.area.width);
                if column == 0 {
                    x = 0;
                }
                if column < x {
                    continue; // covered by the wide cell before it
                }
                let symbol = cell.symbol();
                assert!(
                    !symbol.contains(['\u{ad}', '\u{3164}', '\u{200d}', '\u{fe0f}', '\u{200b}']),
                    "{name} at {size:?}: {symbol:?} reached the buffer"
                );
                let laid_out = super::cells::width(symbol).max(1);
                assert_eq!(
                    usize::from(cell.cell_width()),
                    laid_out,
                    "{name} at {size:?}: {symbol:?} at column {column}"
                );
                x = column + laid_out;
            }
            let text = screen_text(&buffer);
            if size.0 >= 100 {
                assert!(text.contains("die Verhandlungsergebnisse da,"), "{text}");
                assert!(text.contains(" after the fillers,"), "{text}");
            }
        }
    }
}

#[test]
fn uncertain_widths_screen() {
    let mut app = app(vec![uncertain_widths()], ColorMode::None, (100, 30));
    update(&mut app, A::CycleSource);
    insta::assert_snapshot!("uncertain_widths", format!("{:?}", draw(&app)));
}

#[test]
fn a_soft_hyphen_shows_as_a_hyphen_where_the_line_breaks_at_it() {
    let app = app(vec![uncertain_widths()], ColorMode::Basic, (41, 12));
    let text = screen_text(&draw(&app));
    // 36 columns of text: "Heute sind die " leaves 21, and
    // "Verhandlungsergebnis-" takes them.
    assert!(
        text.contains("Heute sind die Verhandlungsergebnis-"),
        "no hyphenated break:\n{text}"
    );
    assert!(text.contains("▌ se da, und die"), "{text}");
    assert!(!text.contains('\u{ad}'));
}

/// After a cluster whose width is uncertain, the terminal is told where the
/// next cell is: the bytes after Bengali কা move the cursor.
#[test]
fn the_cursor_is_placed_explicitly_after_an_uncertain_cluster() {
    let bytes = terminal_bytes(&app(vec![uncertain_widths()], ColorMode::Basic, (100, 30)));
    let text = String::from_utf8_lossy(&bytes);
    let after: Vec<&str> = text.split("কা").skip(1).collect();
    assert!(!after.is_empty(), "কা not drawn");
    for rest in after {
        let csi = rest
            .strip_prefix("\u{1b}[")
            .unwrap_or_else(|| panic!("no cursor move after কা: {:?}", &rest[..rest.len().min(20)]));
        let end = csi.find(|c: char| c.is_ascii_alphabetic()).unwrap();
        assert_eq!(&csi[end..=end], "H", "a cursor move: {:?}", &csi[..=end]);
    }
}
