//! Ten thousand stories: the list can be shown at once, everything is
//! annotated in the background, and the reader stays quick on the whole
//! library. The stories are synthetic (our own sentences, varied by
//! number), written to a temporary folder.
//!
//! The figures for real news (the shared corpora copied to 10,000 files,
//! in a real terminal) come from `scripts/library-10k.sh`.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use whosaid::cli::background::{Job, open_in_background};
use whosaid::load;
use whosaid::tui::events::Event;
use whosaid::tui::{Action, App, Inbox, Options, receive, render, update};

const STORIES: usize = 10_000;

const PEOPLE: [(&str, &str); 6] = [
    ("Mayor", "Ana Ruiz"),
    ("Minister", "Tomas Berg"),
    ("Senator", "Lena Okafor"),
    ("Captain", "Mara Olsen"),
    ("Governor", "Ivo Marin"),
    ("Professor", "Rosa Lind"),
];
const PLACES: [&str; 5] = ["Portugal", "Norway", "Kenya", "Chile", "Japan"];
const TOPICS: [&str; 5] = ["harbour", "bridge", "school", "railway", "market"];

/// Story `n`: a title, a date in front matter, a quote, reported speech and
/// an anonymous source.
fn story(n: usize) -> String {
    let (role, name) = PEOPLE[n % PEOPLE.len()];
    let (_, other) = PEOPLE[(n / 7) % PEOPLE.len()];
    let place = PLACES[n % PLACES.len()];
    let topic = TOPICS[(n / 3) % TOPICS.len()];
    let surname = name.split(' ').nth(1).unwrap_or(name);
    format!(
        "---\ntitle: The {topic} plan, part {n}\ndate: 20{:02}-{:02}-{:02}\n---\n\n\
         {role} {name} said on Monday that the {topic} in {place} would reopen in {n} days.\n\n\
         \"We will be ready,\" {surname} told reporters, adding that costs had risen.\n\n\
         {other} said the plan was late, and an official who asked not to be named said \
         the money had not arrived.\n",
        10 + n % 15,
        1 + n % 12,
        1 + n % 28
    )
}

#[test]
fn ten_thousand_stories_list_at_once_and_annotate_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..STORIES {
        let sub = dir.path().join(format!("{:02}", n / 1000));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("{n:05}.md")), story(n)).unwrap();
    }

    let start = Instant::now();
    let found = load::discover(&[dir.path().to_string_lossy().into_owned()]);
    assert_eq!(found.sources.len(), STORIES);
    let inbox = Inbox::new();
    open_in_background(
        Job::Sources(found.sources, load::ReadLimits::default(), None),
        inbox.feeder(),
    );
    let mut app = App::loading(Options::default(), 120, 40);
    let mut first_list = None;
    let mut batches = 0;
    // What the event loop does, without a terminal: take in what comes.
    while !app.library.done {
        let Some(Event::Feed(feed)) = inbox.wait(Some(start + Duration::from_secs(600))) else {
            panic!("the loader stopped before it was done");
        };
        let mut feeds = vec![feed];
        while let Some(Event::Feed(feed)) = inbox.try_next() {
            feeds.push(feed);
        }
        batches += 1;
        receive(&mut app, feeds);
        if first_list.is_none() && !app.library.order.is_empty() {
            first_list = Some(start.elapsed());
        }
    }
    let all = start.elapsed();
    let first_list = first_list.expect("a list");
    eprintln!(
        "{STORIES} synthetic stories: first list after {first_list:?}, all annotated after {all:?} ({batches} wake-ups)"
    );
    // Listing needs only the first files read, even in a debug build.
    assert!(first_list < Duration::from_secs(2), "{first_list:?}");
    assert_eq!(app.library.entries.len(), STORIES);
    assert_eq!(app.library.annotated, STORIES);
    assert!(
        app.library.problems.is_empty(),
        "{:?}",
        app.library.problems
    );

    // The reader stays quick on the whole library: a keypress and a frame.
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut slowest = Duration::ZERO;
    for action in [
        Action::NextRow,
        Action::PageDown,
        Action::LastRow,
        Action::CycleSort,
        Action::FirstRow,
    ] {
        let t = Instant::now();
        update(&mut app, action);
        terminal.draw(|frame| render(&app, frame)).unwrap();
        slowest = slowest.max(t.elapsed());
    }
    eprintln!("slowest keypress to frame on the list: {slowest:?}");
    assert!(slowest < Duration::from_millis(500), "{slowest:?}");

    // The index of sources merges each person across all the stories.
    let t = Instant::now();
    update(&mut app, Action::SwitchIndex);
    eprintln!("index of sources: {:?}", t.elapsed());
    let persons = &app.people.index.persons;
    let ruiz = persons.iter().find(|p| p.name == "Ana Ruiz").unwrap();
    let expected = (0..STORIES)
        .filter(|n| n % PEOPLE.len() == 0 || (n / 7) % PEOPLE.len() == 0)
        .count();
    assert_eq!(
        ruiz.stories, expected,
        "every story quoting her, under both names"
    );
    let named = persons
        .iter()
        .filter(|p| p.kind == whosaid::model::SpeakerKind::Person)
        .count();
    assert_eq!(named, PEOPLE.len(), "one entry per person");

    // Filtering by text runs over every story's text.
    update(&mut app, Action::SwitchIndex);
    update(&mut app, Action::StartFilter);
    let t = Instant::now();
    for c in "railway in Japan".chars() {
        update(&mut app, Action::Insert(c));
    }
    eprintln!("typing a 16-character filter: {:?}", t.elapsed());
    assert!(
        !app.library.order.is_empty(),
        "{:?} {:?} {:?}",
        app.screen,
        app.prompt,
        app.library.query
    );
    assert!(app.library.order.len() < STORIES);
}
