//! Tests of `update` and `receive` on the library: stories streaming in,
//! sorting, the text and country filters, the sources across stories,
//! and reading positions.

use std::collections::HashMap;

use super::Doc;
use super::action::Action as A;
use super::app::{App, Options, Overlay, Screen, receive, update};
use super::feed::Feed;
use super::fixture;
use crate::library::content_key;
use crate::model::{Document, SpeakerKind};

use super::fixture::{library, quiet};
use super::keymap::Key;
use super::library::{Remembered, Sort};

fn app_with(documents: Vec<Document>, options: Options) -> App {
    App::new(documents, options, 100, 30)
}

fn titles(app: &App) -> Vec<&str> {
    app.library
        .order
        .iter()
        .map(|&i| app.library.entries[i].title.as_str())
        .collect()
}

fn run(app: &mut App, actions: impl IntoIterator<Item = A>) {
    for action in actions {
        update(app, action);
    }
}

fn typed(text: &str) -> Vec<A> {
    text.chars().map(A::Insert).collect()
}

#[test]
fn stories_stream_in_and_are_listed_before_they_are_annotated() {
    let mut app = App::loading(Options::default(), 100, 30);
    assert_eq!(app.screen, Screen::Library);
    let docs = library();
    receive(
        &mut app,
        [Feed::Found(docs.iter().map(|d| d.meta.clone()).collect())],
    );
    assert_eq!(app.library.entries.len(), 4);
    assert_eq!(app.library.annotated, 0);
    assert_eq!(
        titles(&app)[0],
        "A quiet day",
        "listed by date before annotation"
    );
    // Enter on a story still being annotated opens it when it arrives.
    update(&mut app, A::OpenRow);
    assert_eq!(app.screen, Screen::Library);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("Annotating…")
    );
    let ready: Vec<(usize, Doc)> = docs.into_iter().map(Doc::from).enumerate().collect();
    receive(
        &mut app,
        [
            Feed::Ready(ready),
            Feed::Problem("x.bin: not a text file".into()),
        ],
    );
    assert_eq!(app.screen, Screen::Story(1));
    assert_eq!(app.library.annotated, 4);
    assert_eq!(app.library.problems, ["x.bin: not a text file"]);
    assert_eq!(
        app.library.totals.claims, 12,
        "three stories of four claims"
    );
}

#[test]
fn a_single_story_opens_by_itself_when_loading_is_done() {
    let mut app = App::loading(Options::default(), 100, 30);
    let doc = fixture::document();
    receive(
        &mut app,
        [
            Feed::Found(vec![doc.meta.clone()]),
            Feed::Ready(vec![(0, doc.into())]),
        ],
    );
    assert_eq!(app.screen, Screen::Library, "more may come");
    receive(&mut app, [Feed::Done]);
    assert_eq!(app.screen, Screen::Story(0));
}

#[test]
fn sorting_by_date_title_and_sources_keeps_the_cursor_on_its_story() {
    let mut app = app_with(library(), Options::default());
    assert_eq!(
        titles(&app),
        [
            "A quiet day",
            "Harbour deal reached",
            "Boats return",
            "Undated notes"
        ],
        "newest first, undated last"
    );
    update(&mut app, A::NextRow);
    let on = app.library.selected();
    update(&mut app, A::CycleSort);
    assert_eq!(
        titles(&app),
        [
            "A quiet day",
            "Boats return",
            "Harbour deal reached",
            "Undated notes"
        ]
    );
    assert_eq!(app.library.selected(), on, "the cursor follows its story");
    update(&mut app, A::CycleSort);
    assert_eq!(titles(&app)[3], "A quiet day", "most sources first");
    update(&mut app, A::ReverseSort);
    assert_eq!(titles(&app)[0], "A quiet day");
    update(&mut app, A::CycleSort);
    assert_eq!(app.library.sort, super::library::Sort::Date);
}

#[test]
fn slash_filters_by_title_names_and_text() {
    let mut app = app_with(library(), Options::default());
    update(&mut app, A::StartFilter);
    assert_eq!(
        app.contexts(),
        [
            super::keymap::Context::Always,
            super::keymap::Context::Search
        ]
    );
    run(&mut app, typed("RETURN"));
    assert_eq!(titles(&app), ["Boats return"]);
    run(&mut app, (0..6).map(|_| A::DeleteChar));
    run(&mut app, typed("nothing was"));
    assert_eq!(titles(&app), ["A quiet day"], "the text is searched too");
    run(&mut app, [A::SearchSubmit]);
    assert_eq!(app.prompt, None);
    assert_eq!(titles(&app), ["A quiet day"], "Enter keeps the filter");
    update(&mut app, A::Clear);
    assert_eq!(titles(&app).len(), 4, "Esc clears it");
    run(&mut app, [A::StartFilter]);
    run(&mut app, typed("ana ruiz"));
    assert_eq!(titles(&app).len(), 3, "names of sources match");
    update(&mut app, A::Close);
    assert_eq!(titles(&app).len(), 4, "Esc in the prompt drops the filter");
}

#[test]
fn f_filters_the_library_by_country() {
    let mut app = app_with(library(), Options::default());
    update(&mut app, A::PickCountry);
    let Some(Overlay::Picker(picker)) = &app.overlay else {
        panic!("no picker")
    };
    assert!(picker.stories);
    let portugal = picker.all.iter().find(|c| c.code == "PT").unwrap();
    assert_eq!(portugal.count, 3, "stories, not mentions");
    run(&mut app, typed("port"));
    update(&mut app, A::PickerChoose);
    assert_eq!(app.library.country.as_deref(), Some("PT"));
    assert_eq!(
        titles(&app),
        ["Harbour deal reached", "Boats return", "Undated notes"]
    );
    assert_eq!(app.library.totals.stories, 3);
    update(&mut app, A::ClearFilter);
    assert_eq!(titles(&app).len(), 4);
}

#[test]
fn the_index_merges_a_person_across_stories_and_opens_their_claims() {
    let mut docs = library();
    // Elsewhere she is only "Ruiz".
    docs[2].speakers[0].name = "Ruiz".into();
    let mut app = app_with(docs, Options::default());
    update(&mut app, A::SwitchIndex);
    assert_eq!(app.screen, Screen::People);
    let people = &app.people;
    let ruiz: Vec<_> = people
        .index
        .persons
        .iter()
        .filter(|p| p.name.contains("Ruiz"))
        .collect();
    assert_eq!(ruiz.len(), 1, "one person");
    assert_eq!((ruiz[0].stories, ruiz[0].claims), (3, 6));
    let anonymous = people
        .index
        .persons
        .iter()
        .filter(|p| p.kind == SpeakerKind::Anonymous)
        .count();
    assert_eq!(anonymous, 3, "anonymous sources are never merged");
    assert_eq!(
        people.index.persons[people.selected().unwrap()].name,
        "Ana Ruiz",
        "most claims first"
    );

    update(&mut app, A::OpenRow);
    assert_eq!(app.screen, Screen::Claims);
    let list = app.people.claims.as_ref().unwrap();
    let dates: Vec<Option<&str>> = list.claims.iter().map(|c| c.date.as_deref()).collect();
    assert_eq!(
        dates,
        [
            Some("2024-05-02"),
            Some("2024-05-02"),
            Some("2024-04-01"),
            Some("2024-04-01"),
            None,
            None
        ],
        "newest first"
    );
    // The second claim of the newest story: "a fair compromise", paragraph 4.
    run(&mut app, [A::NextRow, A::OpenRow]);
    assert_eq!(app.screen, Screen::Story(0));
    let story = app.story().unwrap();
    assert_eq!(story.focus, Some(4));
    assert_eq!(story.claim.map(|c| story.index.claim_order[c]), Some(2));
    update(&mut app, A::BackToList);
    assert_eq!(app.screen, Screen::Claims, "back where it was opened from");
    run(&mut app, [A::BackToList]);
    assert_eq!(app.screen, Screen::People);
    update(&mut app, A::StartFilter);
    run(&mut app, typed("fisher"));
    assert_eq!(app.people.order.len(), 1, "groups merge by name");
    update(&mut app, A::SearchSubmit);
    update(&mut app, A::SwitchIndex);
    assert_eq!(app.screen, Screen::Library);
}

#[test]
fn a_story_reopens_where_it_was_left() {
    let doc = fixture::document();
    let key = content_key(&doc);
    let options = Options {
        positions: HashMap::from([(key.clone(), 5)]),
        ..Options::default()
    };
    let mut app = app_with(vec![doc.clone()], options);
    assert_eq!(app.story().unwrap().focus, Some(5), "restored on opening");
    run(&mut app, [A::NextParagraph, A::NextParagraph, A::Quit]);
    assert_eq!(app.positions[&key], 7, "recorded on quitting");

    // Restored when opened from the list too, and recorded on going back.
    let mut app = app_with(
        vec![doc, quiet("Other", "2000-01-01")],
        Options {
            positions: HashMap::from([(key.clone(), 3)]),
            ..Options::default()
        },
    );
    update(&mut app, A::OpenRow);
    assert_eq!(app.story().unwrap().focus, Some(3));
    run(&mut app, [A::NextParagraph, A::BackToList]);
    assert_eq!(app.positions[&key], 4);
}

#[test]
fn a_claim_in_the_headline_opens_its_story_on_the_first_paragraph() {
    let article = crate::load::plain::parse(
        "Mayor Ana Ribeiro says harbour tunnel will close\n\n\
         The tunnel under the harbour opened in 1990.\n\n\
         Repairs are expected to take a month.",
    );
    let doc = crate::annotate::annotate(&article);
    assert!(
        doc.claims.iter().any(|c| c.paragraph == 0),
        "the fixture's headline holds a claim"
    );
    let mut app = app_with(vec![doc, quiet("Other", "2000-01-01")], Options::default());
    run(&mut app, [A::SwitchIndex, A::OpenRow, A::OpenRow]);
    assert_eq!(app.screen, Screen::Story(0));
    let story = app.story().unwrap();
    assert_eq!(story.focus, Some(1), "the headline is shown above the body");
    assert!(story.focus.is_some_and(|p| story.view.shown[p]));
    assert!(app.message.as_ref().unwrap().text.contains("headline"));
}

#[test]
fn a_story_without_a_headline_is_listed_as_the_reader_names_it() {
    let mut doc = quiet("A quiet day", "2024-03-01");
    doc.meta.title = None;
    doc.meta.source = Some("corpus/0042.txt".into());
    let reader_title = doc.display_title();
    assert_ne!(reader_title, "Untitled story", "the fixture has text");
    let mut app = App::loading(Options::default(), 100, 30);
    receive(&mut app, [Feed::Found(vec![doc.meta.clone()])]);
    receive(&mut app, [Feed::Ready(vec![(0, doc.into())]), Feed::Done]);
    assert_eq!(titles(&app), [reader_title.as_str()]);
}

/// A headline-less story from `source` whose text is `lead`.
fn headless(lead: &str, source: &str) -> Document {
    let mut doc = fixture::plain(&[lead, "Nothing more was said."]);
    doc.meta.source = Some(source.into());
    doc
}

#[test]
fn stories_without_headlines_are_named_by_their_lead_and_same_titles_by_file() {
    let mut twin_a = quiet("Harbour news", "2024-01-02");
    twin_a.meta.source = Some("news/monday.md".into());
    let mut twin_b = quiet("Harbour news", "2024-01-01");
    twin_b.meta.source = Some("news/tuesday.md".into());
    let app = app_with(
        vec![
            headless(
                "The ferry runs again, the operator said on Monday. It had stopped.",
                "0001.txt",
            ),
            headless("Mr. Ortiz opened the new bridge. Crowds came.", "0002.txt"),
            twin_a,
            twin_b,
        ],
        Options::default(),
    );
    let mut listed = titles(&app);
    listed.sort_unstable();
    assert_eq!(
        listed,
        [
            "Harbour news",
            "Harbour news",
            "Mr. Ortiz opened the new bridge",
            "The ferry runs again, the operator said on Monday"
        ]
    );
    let apart: Vec<Option<&str>> = app
        .library
        .order
        .iter()
        .map(|&i| app.library.entries[i].told_apart_by())
        .collect();
    assert_eq!(apart, [Some("monday.md"), Some("tuesday.md"), None, None]);
}

#[test]
fn empty_inputs_are_named_by_file_not_by_a_word_made_of_their_name() {
    let mut app = App::loading(Options::default(), 100, 30);
    let mut empty = fixture::plain(&[]);
    empty.meta.source = Some("inbox/empty.txt".into());
    let mut null = fixture::plain(&[]);
    null.meta.source = Some("/dev/null".into());
    receive(
        &mut app,
        [
            Feed::Ready(vec![]),
            Feed::Found(vec![empty.meta.clone(), null.meta.clone()]),
        ],
    );
    receive(
        &mut app,
        [
            Feed::Ready(vec![(0, empty.into()), (1, null.into())]),
            Feed::Done,
        ],
    );
    let mut listed = titles(&app);
    listed.sort_unstable();
    assert_eq!(listed, ["/dev/null", "empty.txt (empty)"]);
}

/// Twenty quiet stories, one a day from 2024-01-01 (the newest listed first).
fn days(count: u32) -> Vec<Document> {
    (1..=count)
        .map(|d| quiet(&format!("Day {d}"), &format!("2024-01-{d:02}")))
        .collect()
}

#[test]
fn a_new_library_opens_at_its_first_row_while_stories_stream_in() {
    let mut app = App::loading(Options::default(), 100, 30);
    let docs = days(6);
    // The oldest come first; newer ones are listed above them as they come.
    for (i, doc) in docs.into_iter().enumerate() {
        receive(&mut app, [Feed::Found(vec![doc.meta.clone()])]);
        receive(&mut app, [Feed::Ready(vec![(i, doc.into())])]);
    }
    receive(&mut app, [Feed::Done]);
    assert_eq!(app.library.rows.cursor, 0);
    assert_eq!(titles(&app)[0], "Day 6");
    // Once the user moves, the cursor stays with its story.
    update(&mut app, A::NextRow);
    let mut more = quiet("Day 9", "2024-01-09");
    more.meta.source = Some("late.txt".into());
    receive(
        &mut app,
        [
            Feed::Found(vec![more.meta.clone()]),
            Feed::Ready(vec![(6, more.into())]),
        ],
    );
    assert_eq!(
        app.library
            .selected()
            .map(|i| app.library.entries[i].title.as_str()),
        Some("Day 5")
    );
}

#[test]
fn a_library_reopens_on_the_story_read_last_scrolled_into_view() {
    let docs = days(20);
    let last = content_key(&docs[2]); // Day 3: near the bottom, newest first.
    let options = Options {
        remembered: Remembered {
            last_read: Some(last.clone()),
            ..Remembered::default()
        },
        ..Options::default()
    };
    let mut app = App::loading(options, 100, 16);
    let metas = docs.iter().map(|d| d.meta.clone()).collect();
    receive(&mut app, [Feed::Found(metas)]);
    assert_eq!(
        app.library.rows.cursor, 0,
        "not listed as read yet: the top"
    );
    receive(
        &mut app,
        [
            Feed::Ready(docs.into_iter().map(Doc::from).enumerate().collect()),
            Feed::Done,
        ],
    );
    let at = app.library.rows.cursor;
    assert_eq!(titles(&app)[at], "Day 3");
    let page = app.list_page();
    assert!(page < 20, "the list is longer than the view");
    let rows = app.library.rows;
    assert!(
        rows.offset <= at && at < rows.offset + page,
        "the cursor is in view: {rows:?}, page {page}"
    );
}

#[test]
fn opened_stories_are_marked_read_and_read_marks_come_back() {
    let docs = days(3);
    let day2 = content_key(&docs[1]);
    let mut app = app_with(docs.clone(), Options::default());
    assert!(app.library.entries.iter().all(|e| !e.read));
    // Newest first: Day 3, Day 2, Day 1.
    run(&mut app, [A::NextRow, A::OpenRow, A::BackToList]);
    let read: Vec<&str> = app
        .library
        .entries
        .iter()
        .filter(|e| e.read)
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(read, ["Day 2"]);
    assert!(app.library.read.contains(&day2));
    assert_eq!(app.library.last_read.as_deref(), Some(day2.as_str()));

    // The next run is told what was read: it is marked as it arrives.
    let options = Options {
        remembered: Remembered {
            read: app.library.read.clone(),
            ..Remembered::default()
        },
        ..Options::default()
    };
    let app = app_with(docs, options);
    let read: Vec<&str> = app
        .library
        .entries
        .iter()
        .filter(|e| e.read)
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(read, ["Day 2"]);
}

#[test]
fn the_sort_chosen_last_time_is_the_sort_at_start() {
    let options = Options {
        remembered: Remembered {
            sort: Sort::Title,
            reversed: true,
            ..Remembered::default()
        },
        ..Options::default()
    };
    let app = app_with(library(), options);
    assert_eq!(
        (app.library.sort, app.library.reversed),
        (Sort::Title, true)
    );
    assert_eq!(
        titles(&app),
        [
            "Undated notes",
            "Harbour deal reached",
            "Boats return",
            "A quiet day"
        ]
    );
}

#[test]
fn inputs_that_could_not_be_read_are_listed_on_e_and_closed_with_esc_or_q() {
    let mut app = App::loading(Options::default(), 100, 30);
    update(&mut app, A::ShowProblems);
    assert_eq!(app.overlay, None);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("Every input could be read")
    );
    let docs = library();
    let problems: Vec<Feed> = (0..40)
        .map(|n| Feed::Problem(format!("missing-{n}.txt: No such file or directory")))
        .collect();
    receive(
        &mut app,
        [Feed::Found(docs.iter().map(|d| d.meta.clone()).collect())],
    );
    receive(&mut app, problems);
    receive(
        &mut app,
        [
            Feed::Ready(docs.into_iter().map(Doc::from).enumerate().collect()),
            Feed::Done,
        ],
    );
    assert_eq!(app.library.problems.len(), 40);
    update(&mut app, A::ShowProblems);
    assert_eq!(app.overlay, Some(Overlay::Problems { scroll: 0 }));
    // The help's scrolling keys scroll it, as far as its last line.
    let key = app
        .settings
        .keymap
        .action_for(app.contexts(), Key::char('j'));
    assert_eq!(key, Some(A::HelpDown));
    run(&mut app, [A::HelpDown, A::PageDown, A::LastRow]);
    let Some(Overlay::Problems { scroll }) = app.overlay else {
        panic!("still open: {:?}", app.overlay);
    };
    let shown = usize::from(app.geometry().main.height - 2);
    assert_eq!(usize::from(scroll), 80 - shown);
    update(&mut app, A::Close);
    assert_eq!(app.overlay, None);
    run(&mut app, [A::ShowProblems, A::Leave]);
    assert_eq!(app.overlay, None, "q closes it");
    assert!(!app.control.quit, "and does not quit");
}

/// A story the annotator failed on (its problem is listed) is marked as
/// such once loading is over, not left "annotating…" for ever.
#[test]
fn a_story_that_never_came_says_so_once_loading_is_over() {
    let docs = library();
    let mut app = App::loading(Options::default(), 100, 30);
    receive(
        &mut app,
        [
            Feed::Found(docs.iter().map(|d| d.meta.clone()).collect()),
            Feed::Ready(vec![
                (0, docs[0].clone().into()),
                (1, docs[1].clone().into()),
            ]),
            Feed::Problem("c.txt: the annotator failed on this input".into()),
            Feed::Ready(vec![(3, docs[3].clone().into())]),
        ],
    );
    let row = |app: &App| {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        terminal
            .draw(|frame| super::ui::render(app, frame))
            .unwrap();
        let buffer = terminal.backend().buffer().clone();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(row(&app).contains("annotating…"), "still loading");
    receive(&mut app, [Feed::Done]);
    let screen = row(&app);
    assert!(!screen.contains("annotating…"), "{screen}");
    assert!(
        screen.contains("could not be annotated · e shows why"),
        "{screen}"
    );
    let failed = app
        .library
        .order
        .iter()
        .position(|&i| app.library.entries[i].doc.is_none())
        .expect("the failed story is listed");
    update(&mut app, A::FirstRow);
    for _ in 0..failed {
        update(&mut app, A::NextRow);
    }
    update(&mut app, A::OpenRow);
    assert_eq!(app.screen, Screen::Library);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("This story could not be annotated: the problems list says why")
    );
}

#[test]
fn r_refreshes_a_library_of_feeds_once_it_has_been_read() {
    use super::app::Effect;
    let message = |app: &App| app.message.as_ref().map(|m| m.text.clone());
    let mut files = App::loading(Options::default(), 100, 30);
    update(&mut files, A::Refresh);
    assert!(files.control.effects.is_empty());
    assert_eq!(
        message(&files).as_deref(),
        Some("Nothing to refresh: these stories are not from feeds")
    );

    let options = Options {
        refreshable: true,
        ..Options::default()
    };
    let mut feeds = App::loading(options, 100, 30);
    update(&mut feeds, A::Refresh);
    assert!(feeds.control.effects.is_empty(), "not while reading");
    let docs = library();
    receive(
        &mut feeds,
        [
            Feed::Found(docs.iter().map(|d| d.meta.clone()).take(1).collect()),
            Feed::Ready(vec![(0, docs[0].clone().into())]),
            Feed::Done,
        ],
    );
    // A feed of one story stays a list: it may grow.
    assert_eq!(feeds.screen, Screen::Library);
    update(&mut feeds, A::Refresh);
    assert_eq!(feeds.control.effects, vec![Effect::Refresh]);
    assert!(!feeds.library.done, "reading again");
    assert_eq!(message(&feeds).as_deref(), Some("Refreshing the feeds"));
}

#[test]
fn dates_in_the_filter_narrow_the_stories_and_the_sources_across_them() {
    let mut docs = library();
    docs[2].speakers[0].name = "Ruiz".into();
    let mut app = app_with(docs, Options::default());
    update(&mut app, A::StartFilter);
    run(&mut app, typed("since:2024-05-01"));
    update(&mut app, A::SearchSubmit);
    assert_eq!(titles(&app), ["A quiet day", "Harbour deal reached"]);
    // The index is built from the stories the list shows.
    update(&mut app, A::SwitchIndex);
    let ruiz = |app: &App| {
        app.people
            .index
            .persons
            .iter()
            .find(|p| p.name.contains("Ruiz"))
            .map(|p| (p.stories, p.claims))
    };
    assert_eq!(ruiz(&app), Some((1, 2)));
    // Its own filter takes dates too, with words for the names.
    update(&mut app, A::SwitchIndex);
    update(&mut app, A::Clear);
    assert_eq!(titles(&app).len(), 4);
    update(&mut app, A::SwitchIndex);
    assert_eq!(ruiz(&app), Some((3, 6)));
    update(&mut app, A::StartFilter);
    run(&mut app, typed("ruiz until:2024-04"));
    assert_eq!(ruiz(&app), Some((1, 2)), "April only");
    assert_eq!(app.people.order.len(), 1, "and only Ruiz");
}

#[test]
fn a_date_range_takes_a_bound_as_a_prefix_and_leaves_undated_stories_out() {
    use super::library::DateRange;
    let (words, range) = DateRange::split("harbour Since:2024-05 until:2024-06");
    assert_eq!(words, "harbour");
    assert!(range.contains(Some("2024-05-01")));
    assert!(range.contains(Some("2024-06-30")), "all of June");
    assert!(!range.contains(Some("2024-04-30")));
    assert!(!range.contains(Some("2024-07-01")));
    assert!(!range.contains(None));
    assert!(DateRange::default().contains(None), "no range takes all");
}
