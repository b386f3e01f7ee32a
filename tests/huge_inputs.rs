//! Huge and pathological inputs, made here, never committed: a story of
//! many megabytes, one paragraph of megabytes, a file of one-word lines,
//! runaway unbalanced quote marks.
//!
//! The normal suite runs small versions: the annotator returns a valid
//! document, and the reader lays out only what it shows. The full sizes are
//! `#[ignore]`d; run them in release, where the timings mean something:
//!
//! ```sh
//! cargo test --release --test huge_inputs -- --ignored --nocapture
//! ```
//!
//! They print the time of every keypress and fail above 16 ms.
//! `WHOSAID_HUGE_DIR=dir` also writes the inputs there, for timing the
//! binary (`/usr/bin/time -f %M whosaid annotate …`).

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use whosaid::invariants::check;
use whosaid::load::{self, plain};
use whosaid::tui::{Action, App, Options, render, update};
use whosaid::{Document, annotate};

/// The pathological inputs, at `scale` (1 for the full size the issue names).
mod inputs {
    use whosaid::load;

    /// The bundled story repeated to about `bytes` bytes.
    pub fn story(bytes: usize) -> String {
        let copies = bytes / load::BUNDLED_STORY.len() + 1;
        vec![load::BUNDLED_STORY; copies].join("\n\n")
    }

    /// One paragraph of about `bytes` bytes: the story's text with its
    /// paragraph breaks taken out.
    pub fn paragraph(bytes: usize) -> String {
        let prose = load::BUNDLED_STORY
            .split("\n\n")
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
        let mut text = String::with_capacity(bytes + prose.len());
        while text.len() < bytes {
            text.push_str(&prose);
            text.push(' ');
        }
        text
    }

    /// `lines` one-word lines (no blank line, so one paragraph each).
    pub fn word_lines(lines: usize) -> String {
        const WORDS: [&str; 8] = [
            "harbour", "said", "Poland", "“", "minister", "Ana", "ferry", "”",
        ];
        let mut text = String::with_capacity(lines * 8);
        for i in 0..lines {
            text.push_str(WORDS[i % WORDS.len()]);
            text.push('\n');
        }
        text
    }

    /// One paragraph of `sentences` sentences, each naming a speaker not
    /// named before, then a pronoun that fits nobody and a lone given name:
    /// every pronoun and name looks back through everyone named so far.
    pub fn new_speakers(sentences: usize) -> String {
        const SYLLABLES: [&str; 12] = [
            "ka", "lo", "mi", "ren", "tu", "vas", "pe", "dor", "si", "nu", "bel", "ga",
        ];
        let mut text = String::with_capacity(sentences * 96);
        for i in 0..sentences {
            let mut surname = String::from("Anna ");
            let mut rest = i;
            for n in 0..6 {
                let syllable = SYLLABLES[rest % SYLLABLES.len()];
                if n == 0 {
                    surname.push_str(&syllable[..1].to_uppercase());
                    surname.push_str(&syllable[1..]);
                } else {
                    surname.push_str(syllable);
                }
                rest /= SYLLABLES.len();
            }
            text.push_str(&surname);
            text.push_str(
                "ski said the bridge would open in May. It said nothing more. Boris said so. ",
            );
        }
        text
    }

    /// `quotes` quote marks that never balance, in a prose-like paragraph.
    pub fn quotes(quotes: usize) -> String {
        const MARKS: [&str; 4] = ["\"", "“", "\"", "«"];
        let mut text = String::with_capacity(quotes * 12);
        for i in 0..quotes {
            text.push_str(MARKS[i % MARKS.len()]);
            text.push_str(if i % 7 == 0 { "We said " } else { "word " });
        }
        text
    }
}

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
/// The issue's bound on one keypress, update and frame.
const KEYPRESS: Duration = Duration::from_millis(16);

fn document(text: &str) -> Document {
    let doc = annotate(&plain::parse(text));
    if let Err(broken) = check(&doc) {
        panic!("{broken}");
    }
    doc
}

/// What a reader does with a story: the keys of every kind of move, search
/// typed a letter at a time, a filter, jumps.
fn session() -> Vec<(&'static str, Vec<Action>)> {
    use Action as A;
    let mut keys: Vec<(&'static str, Vec<Action>)> = vec![
        ("j", vec![A::NextParagraph]),
        ("j", vec![A::NextParagraph]),
        ("Space", vec![A::PageDown]),
        ("Space", vec![A::PageDown]),
        ("b", vec![A::PageUp]),
        ("G", vec![A::LastParagraph]),
        ("k", vec![A::PrevParagraph]),
        ("g", vec![A::FirstParagraph]),
        ("s", vec![A::CycleSource]),
        ("]", vec![A::NextMention]),
        ("]", vec![A::NextMention]),
        ("}", vec![A::NextClaim]),
        ("{", vec![A::PrevClaim]),
        ("Ctrl-o", vec![A::JumpBack]),
        ("wheel", vec![A::ScrollDown]),
        ("Tab", vec![A::ToggleFocus]),
        ("j", vec![A::NextSource]),
        ("Enter", vec![A::JumpToSource]),
        ("/", vec![A::StartSearch]),
    ];
    for c in ['t', 'h', 'e', ' ', 'U'] {
        keys.push(("type", vec![A::Insert(c)]));
    }
    keys.extend([
        ("Backspace", vec![A::DeleteChar]),
        ("Enter", vec![A::SearchSubmit]),
        ("n", vec![A::NextMatch]),
        ("N", vec![A::PrevMatch]),
        ("Esc", vec![A::Clear]),
        ("f", vec![A::PickCountry]),
        ("type", vec![A::Insert('p')]),
        ("Enter", vec![A::PickerChoose]),
        ("G", vec![A::LastParagraph]),
        ("F", vec![A::ClearFilter]),
        ("p", vec![A::TogglePanel]),
        ("resize", vec![A::Resize(90, 30)]),
        ("resize", vec![A::Resize(WIDTH, HEIGHT)]),
        ("?", vec![A::ToggleHelp]),
        ("?", vec![A::ToggleHelp]),
    ]);
    keys
}

/// Opens `doc` in the reader and times every key of [`session`] (update and
/// frame). Returns the slowest key and its time; opening (indexing the
/// document and the first frame) is reported, not counted as a key.
fn slowest_key(name: &str, doc: Document, print: bool) -> (&'static str, Duration) {
    let started = Instant::now();
    let mut app = App::new(vec![doc], Options::default(), WIDTH, HEIGHT);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    terminal.draw(|frame| render(&app, frame)).unwrap();
    let first = started.elapsed();
    let mut slowest = ("none", Duration::ZERO);
    let mut times = Vec::new();
    for (key, actions) in session() {
        let t = Instant::now();
        for action in actions {
            update(&mut app, action);
        }
        if terminal.backend().buffer().area != app.size {
            terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
        }
        terminal.draw(|frame| render(&app, frame)).unwrap();
        let took = t.elapsed();
        times.push(format!("{key} {:.1}", took.as_secs_f64() * 1e3));
        if took > slowest.1 {
            slowest = (key, took);
        }
        // What the event loop does between keys: a search goes on a step
        // at a time, each step drawn; each must be as quick as a key.
        let mut steps = (0, Duration::ZERO);
        while app.busy() {
            let t = Instant::now();
            update(&mut app, Action::SearchMore);
            terminal.draw(|frame| render(&app, frame)).unwrap();
            let took = t.elapsed();
            steps = (steps.0 + 1, steps.1.max(took));
            if took > slowest.1 {
                slowest = ("search step", took);
            }
        }
        if steps.0 > 0 {
            times.push(format!(
                "({} search steps, ≤ {:.1})",
                steps.0,
                steps.1.as_secs_f64() * 1e3
            ));
        }
    }
    let story = app.story().expect("the story is open");
    if print {
        eprintln!(
            "{name}: opened and drew in {:.1} ms; {} of {} paragraphs wrapped; keys (ms): {}",
            first.as_secs_f64() * 1e3,
            story.wraps.wrapped(),
            story.doc.paragraphs().len(),
            times.join(", ")
        );
    }
    slowest
}

fn assert_responsive(name: &str, text: &str) {
    let t = Instant::now();
    let doc = document(text);
    eprintln!(
        "{name}: {:.1} MB annotated in {:.2} s",
        text.len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    if let Ok(dir) = std::env::var("WHOSAID_HUGE_DIR") {
        let file = format!("{dir}/{}.txt", name.replace(' ', "-"));
        std::fs::write(&file, text).unwrap();
    }
    let (key, took) = slowest_key(name, doc, true);
    assert!(
        took <= KEYPRESS,
        "{name}: {key} took {:.1} ms (bound: 16 ms)",
        took.as_secs_f64() * 1e3
    );
}

#[test]
#[ignore = "big: run in release with --ignored"]
fn a_100_mb_story() {
    assert_responsive("100 MB story", &inputs::story(100_000_000));
}

#[test]
#[ignore = "big: run in release with --ignored"]
fn a_5_mb_paragraph() {
    assert_responsive("5 MB paragraph", &inputs::paragraph(5_000_000));
}

#[test]
#[ignore = "big: run in release with --ignored"]
fn two_hundred_thousand_one_word_lines() {
    assert_responsive("200000 one-word lines", &inputs::word_lines(200_000));
}

#[test]
#[ignore = "big: run in release with --ignored"]
fn a_hundred_thousand_unbalanced_quotes() {
    assert_responsive("100000 unbalanced quotes", &inputs::quotes(100_000));
}

#[test]
#[ignore = "big: run in release with --ignored"]
fn a_200_mb_paragraph_costs_ten_times_a_20_mb_one() {
    let time = |bytes: usize| {
        let text = inputs::new_speakers(bytes / 90);
        let started = Instant::now();
        let doc = annotate(&plain::parse(&text));
        let took = started.elapsed();
        eprintln!(
            "{:.0} MB in one paragraph: {} speakers in {:.2} s",
            text.len() as f64 / 1e6,
            doc.speakers.len(),
            took.as_secs_f64()
        );
        took
    };
    let small = time(20_000_000);
    let large = time(200_000_000);
    assert!(
        large < small * 15,
        "10× the paragraph: {small:?} → {large:?}"
    );
}

/// The small versions, in the normal suite: every shape annotates into a
/// valid document, and the reader opens it having wrapped only the
/// paragraphs it shows, however long the story.
#[test]
fn pathological_shapes_open_and_lay_out_only_what_is_visible() {
    let cases = [
        ("story", inputs::story(300_000)),
        ("paragraph", inputs::paragraph(200_000)),
        ("word lines", inputs::word_lines(20_000)),
        ("quotes", inputs::quotes(10_000)),
    ];
    for (name, text) in &cases {
        let doc = document(text);
        let paragraphs = doc.paragraphs.len();
        let app = App::new(vec![doc], Options::default(), WIDTH, HEIGHT);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        terminal.draw(|frame| render(&app, frame)).unwrap();
        let wrapped = app.story().unwrap().wraps.wrapped();
        assert!(
            wrapped <= usize::from(HEIGHT) + 1,
            "{name}: {wrapped} of {paragraphs} paragraphs wrapped for one screen"
        );
    }
}

/// Annotating one paragraph is linear in its length, however many people
/// it names: four times the text takes about four times as long, not
/// sixteen. Compared, not timed against a bound, so it holds in debug
/// builds and on busy machines.
#[test]
fn one_long_paragraph_annotates_in_linear_time() {
    let time = |sentences: usize, text: &str| {
        let started = Instant::now();
        let doc = annotate(&plain::parse(text));
        let elapsed = started.elapsed();
        assert_eq!(doc.paragraphs.len(), 1);
        assert!(doc.speakers.len() >= sentences, "{}", doc.speakers.len());
        elapsed
    };
    let (small_text, large_text) = (inputs::new_speakers(1_500), inputs::new_speakers(6_000));
    let (mut small, mut large) = (Duration::MAX, Duration::MAX);
    // Taken in turns, so a burst of work from the tests running beside
    // this one falls on both sizes alike.
    for _ in 0..3 {
        small = small.min(time(1_500, &small_text));
        large = large.min(time(6_000, &large_text));
    }
    assert!(large < small * 8, "4× the paragraph: {small:?} → {large:?}");
}

/// The reader's work per key does not grow with the story: the same
/// session on a story ten times longer takes about as long. Compared, not
/// timed against a bound, so it holds in debug builds and on busy machines.
#[test]
fn keys_cost_the_same_on_a_story_ten_times_longer() {
    let total = |text: &str| {
        let doc = document(text);
        let mut best = Duration::MAX;
        for _ in 0..3 {
            let started = Instant::now();
            slowest_key("", doc.clone(), false);
            best = best.min(started.elapsed());
        }
        best
    };
    let _ = load::bundled();
    let small = total(&inputs::paragraph(20_000));
    let large = total(&inputs::paragraph(200_000));
    assert!(
        large < small * 5,
        "10× the paragraph: {small:?} → {large:?} for the same keys"
    );
}
