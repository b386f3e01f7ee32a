//! The reader's speed: the first frame, and one keypress → update → frame
//! cycle, on the bundled story and on a ~5 MB story made by repeating it.
//!
//! Run with `cargo bench --bench reader`. Targets (issue 3): ≤ 2 ms per frame
//! for the bundled story, ≤ 10 ms for the 5 MB one.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use whosaid::load::{self, plain};
use whosaid::tui::{Action, App, Options, render, update};
use whosaid::{Document, annotate};

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
/// Bytes of the big story.
const BIG: usize = 5 * 1024 * 1024;

fn bundled() -> Document {
    annotate(&load::bundled())
}

fn big() -> Document {
    let copies = BIG / load::BUNDLED_STORY.len() + 1;
    let text = vec![load::BUNDLED_STORY; copies].join("\n\n");
    annotate(&plain::parse(&text))
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend")
}

/// j to the end, then g back to the top: every press moves and redraws.
fn press(app: &mut App) {
    let story = app.story().expect("a story is open");
    let at_end = story.next_shown(story.focus).is_none();
    let action = if at_end {
        Action::FirstParagraph
    } else {
        Action::NextParagraph
    };
    update(app, action);
}

fn benches(c: &mut Criterion) {
    let small = bundled();
    c.bench_function("first frame, bundled story", |b| {
        let mut terminal = terminal();
        b.iter_batched(
            || small.clone(),
            |doc| {
                let app = App::new(vec![doc], Options::default(), WIDTH, HEIGHT);
                terminal.draw(|frame| render(&app, frame)).expect("draw");
                black_box(app)
            },
            BatchSize::SmallInput,
        );
    });

    let big = big();
    c.bench_function("first frame, 5 MB story", |b| {
        let mut terminal = terminal();
        b.iter_batched(
            || big.clone(),
            |doc| {
                let app = App::new(vec![doc], Options::default(), WIDTH, HEIGHT);
                terminal.draw(|frame| render(&app, frame)).expect("draw");
                black_box(app)
            },
            BatchSize::LargeInput,
        );
    });

    for (name, doc) in [("bundled story", small), ("5 MB story", big)] {
        let mut app = App::new(vec![doc], Options::default(), WIDTH, HEIGHT);
        let mut terminal = terminal();
        terminal.draw(|frame| render(&app, frame)).expect("draw");
        c.bench_function(&format!("keypress to frame, {name}"), |b| {
            b.iter(|| {
                press(&mut app);
                terminal.draw(|frame| render(&app, frame)).expect("draw");
            });
        });
        c.bench_function(&format!("page down to frame, {name}"), |b| {
            b.iter(|| {
                update(&mut app, Action::PageDown);
                terminal.draw(|frame| render(&app, frame)).expect("draw");
            });
        });
        let story = app.story().expect("a story is open");
        eprintln!(
            "{name}: {} paragraphs, {} wrapped so far",
            story.doc.paragraphs().len(),
            story.wraps.wrapped()
        );
    }
}

criterion_group!(reader, benches);
criterion_main!(reader);
