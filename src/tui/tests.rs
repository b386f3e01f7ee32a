//! Tests of `update`: every action, on the hand-made story in `fixture`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::action::Action as A;
use super::app::{App, Focus, Options, Overlay, Screen, press, update};
use super::fixture;
use super::keymap::{Context, Key};
use super::story::{Block, PanelRow, Row, StoryView};
use super::ui::render;
use crate::model::Document;

fn app_at(documents: Vec<Document>, width: u16, height: u16) -> App {
    App::new(documents, Options::default(), width, height)
}

fn app() -> App {
    app_at(vec![fixture::document()], 100, 30)
}

fn run(app: &mut App, actions: impl IntoIterator<Item = A>) {
    for action in actions {
        update(app, action);
    }
}

fn story(app: &App) -> &StoryView {
    app.story().expect("a story is open")
}

fn focus(app: &App) -> Option<usize> {
    story(app).focus
}

fn message(app: &App) -> &str {
    app.message.as_ref().map_or("", |m| m.text.as_str())
}

fn focus_visible(app: &App) -> bool {
    let s = story(app);
    s.visible_rows()
        .iter()
        .any(|r| matches!(r, Row::Text { paragraph, .. } if Some(*paragraph) == s.focus))
}

#[test]
fn opens_on_the_first_paragraph_after_the_title() {
    let app = app();
    assert_eq!(app.screen, Screen::Story(0));
    assert_eq!(
        focus(&app),
        Some(1),
        "the title is in the header, not the body"
    );
    assert_eq!(story(&app).view.shown_count, 6 + fixture::FILLER);
    assert_eq!(
        story(&app).claim,
        Some(0),
        "the paragraph's claim is focused"
    );
}

#[test]
fn next_and_previous_paragraph() {
    let mut app = app();
    run(&mut app, [A::NextParagraph, A::NextParagraph]);
    assert_eq!(focus(&app), Some(3));
    run(
        &mut app,
        [A::PrevParagraph, A::PrevParagraph, A::PrevParagraph],
    );
    assert_eq!(focus(&app), Some(1), "stops at the first");
}

#[test]
fn moving_down_keeps_the_focus_in_view() {
    let mut app = app_at(vec![fixture::document()], 60, 20);
    for _ in 0..15 {
        update(&mut app, A::NextParagraph);
        assert!(focus_visible(&app), "focus {:?} out of view", focus(&app));
    }
    assert!(story(&app).top.block > 0, "the view scrolled");
}

#[test]
fn page_down_and_up() {
    let mut app = app();
    update(&mut app, A::PageDown);
    let after = focus(&app).unwrap();
    assert!(after > 3, "focus follows the page: {after}");
    assert!(focus_visible(&app));
    run(&mut app, [A::PageUp, A::PageUp]);
    assert_eq!(focus(&app), Some(1));
    assert_eq!(story(&app).top, Default::default());
    // At the end, paging down once more lands on the last paragraph.
    run(&mut app, (0..20).map(|_| A::PageDown));
    assert_eq!(focus(&app), Some(20));
}

#[test]
fn first_and_last_paragraph_and_back() {
    let mut app = app();
    update(&mut app, A::LastParagraph);
    assert_eq!(focus(&app), Some(20));
    assert!(focus_visible(&app));
    update(&mut app, A::FirstParagraph);
    assert_eq!(focus(&app), Some(1));
    update(&mut app, A::JumpBack);
    assert_eq!(
        focus(&app),
        Some(20),
        "g and G are jumps, Ctrl-o undoes them"
    );
}

#[test]
fn the_wheel_scrolls_and_the_focus_follows_only_when_it_leaves() {
    let mut app = app();
    update(&mut app, A::ScrollDown);
    assert_eq!(
        story(&app).top.block,
        1,
        "three rows: paragraph 1 and its gap"
    );
    assert_eq!(focus(&app), Some(2));
    update(&mut app, A::ScrollUp);
    assert_eq!(story(&app).top, Default::default());
    assert_eq!(focus(&app), Some(2), "still in view, so it stays");
}

#[test]
fn the_reading_position_survives_resizes() {
    let mut app = app();
    run(&mut app, (0..9).map(|_| A::NextParagraph));
    assert_eq!(focus(&app), Some(10));
    for (w, h) in [(60, 20), (1, 1), (160, 45), (41, 11), (100, 30)] {
        update(&mut app, A::Resize(w, h));
        assert_eq!(focus(&app), Some(10), "at {w}×{h}");
        if w >= 40 {
            assert!(focus_visible(&app), "at {w}×{h}");
        }
    }
}

#[test]
fn the_layout_index_is_kept_until_the_width_changes() {
    let mut app = app();
    let wrapped = story(&app).wraps.wrapped();
    assert!(wrapped < 21, "only what is visible is wrapped: {wrapped}");
    run(
        &mut app,
        [A::NextParagraph, A::PrevParagraph, A::Resize(100, 40)],
    );
    assert_eq!(story(&app).wraps.width(), 61);
    update(&mut app, A::Resize(60, 30));
    assert_eq!(story(&app).wraps.width(), 55);
}

#[test]
fn tab_moves_focus_to_the_panel_and_shows_it() {
    let mut app = app_at(vec![fixture::document()], 60, 20);
    assert!(
        !app.panel_visible(),
        "narrow terminals start without the panel"
    );
    update(&mut app, A::ToggleFocus);
    assert_eq!(app.focus, Focus::Sources);
    assert!(app.panel_visible());
    assert_eq!(app.contexts()[1], Context::Sources);
    update(&mut app, A::ToggleFocus);
    assert_eq!(app.focus, Focus::Article);
}

#[test]
fn p_toggles_the_panel_and_hiding_it_returns_focus() {
    let mut app = app();
    assert!(app.panel_visible());
    update(&mut app, A::ToggleFocus);
    update(&mut app, A::TogglePanel);
    assert!(!app.panel_visible());
    assert_eq!(app.focus, Focus::Article);
    let width = story(&app).wraps.width();
    assert_eq!(width, 95, "the article takes the room");
}

#[test]
fn the_panel_groups_sources_by_kind_then_lists_the_mentioned() {
    let app = app();
    assert_eq!(
        story(&app).view.panel,
        [
            PanelRow::Heading("Named people"),
            PanelRow::Source(0),
            PanelRow::Heading("Anonymous"),
            PanelRow::Source(1),
            PanelRow::Heading("Groups"),
            PanelRow::Source(2),
            PanelRow::Heading("Mentioned, not quoted"),
            PanelRow::Mentioned(3),
        ]
    );
}

#[test]
fn next_and_previous_source_select_as_they_move() {
    let mut app = app();
    update(&mut app, A::NextSource);
    assert_eq!(story(&app).selected, Some(0), "the first press selects");
    run(
        &mut app,
        [A::NextSource, A::NextSource, A::NextSource, A::NextSource],
    );
    assert_eq!(story(&app).selected, Some(3), "stops at the last");
    update(&mut app, A::PrevSource);
    assert_eq!(story(&app).selected, Some(2));
}

#[test]
fn enter_in_the_panel_jumps_to_the_first_claim() {
    let mut app = app();
    // Into the panel, two sources down, Enter.
    let two_down_and_enter = [
        A::ToggleFocus,
        A::NextSource,
        A::NextSource,
        A::JumpToSource,
    ];
    run(&mut app, two_down_and_enter.clone());
    assert_eq!(story(&app).selected, Some(1));
    assert_eq!(focus(&app), Some(3));
    assert_eq!(story(&app).claim, Some(1));
    assert_eq!(app.focus, Focus::Article);
    // A speaker with no claims: its first mention.
    run(&mut app, two_down_and_enter);
    assert_eq!(story(&app).selected, Some(3));
    assert_eq!(focus(&app), Some(6));
}

#[test]
fn s_cycles_through_the_quoted_sources() {
    let mut app = app();
    let mut seen = Vec::new();
    for _ in 0..4 {
        update(&mut app, A::CycleSource);
        seen.push(story(&app).selected.unwrap());
    }
    assert_eq!(seen, [0, 1, 2, 0], "only quoted sources, wrapping");
    let mut empty = app_at(vec![fixture::plain(&["No one speaks."])], 100, 30);
    update(&mut empty, A::CycleSource);
    assert_eq!(message(&empty), "No quoted sources here");
}

#[test]
fn esc_clears_the_search_then_the_selection() {
    let mut app = app();
    run(
        &mut app,
        [
            A::CycleSource,
            A::StartSearch,
            A::Insert('x'),
            A::SearchSubmit,
        ],
    );
    update(&mut app, A::Clear);
    assert!(!story(&app).search.is_active());
    assert_eq!(story(&app).selected, Some(0));
    update(&mut app, A::Clear);
    assert_eq!(story(&app).selected, None);
}

#[test]
fn brackets_jump_between_paragraphs_of_the_selected_source() {
    let mut app = app();
    update(&mut app, A::NextMention);
    assert_eq!(message(&app), "Select a source first: s, or Tab then j/k");
    run(&mut app, [A::CycleSource, A::NextMention]);
    assert_eq!(focus(&app), Some(4));
    update(&mut app, A::NextMention);
    assert_eq!(focus(&app), Some(4));
    assert_eq!(message(&app), "No mention of Ana Ruiz below");
    update(&mut app, A::PrevMention);
    assert_eq!(focus(&app), Some(1));
    update(&mut app, A::JumpBack);
    assert_eq!(focus(&app), Some(4));
}

#[test]
fn braces_jump_between_claims_of_anyone() {
    let mut app = app();
    let mut visits = Vec::new();
    for _ in 0..4 {
        update(&mut app, A::NextClaim);
        visits.push((focus(&app).unwrap(), story(&app).claim.unwrap()));
    }
    assert_eq!(visits, [(3, 1), (4, 2), (5, 3), (5, 3)]);
    assert_eq!(message(&app), "No more claims below");
    update(&mut app, A::PrevClaim);
    assert_eq!((focus(&app), story(&app).claim), (Some(4), Some(2)));
    // From a paragraph without claims, the next claim is the next one below.
    run(&mut app, [A::LastParagraph, A::PrevClaim]);
    assert_eq!(focus(&app), Some(5));
    let mut plain = app_at(vec![fixture::plain(&["Nothing."])], 100, 30);
    update(&mut plain, A::NextClaim);
    assert_eq!(message(&plain), "No claims in this story");
}

#[test]
fn ctrl_o_goes_back_through_jumps() {
    let mut app = app();
    run(&mut app, [A::NextClaim, A::NextClaim, A::JumpBack]);
    assert_eq!(focus(&app), Some(3));
    update(&mut app, A::JumpBack);
    assert_eq!(focus(&app), Some(1));
    update(&mut app, A::JumpBack);
    assert_eq!(message(&app), "No earlier place to go back to");
}

#[test]
fn the_picker_narrows_as_you_type_and_filters_on_enter() {
    let mut app = app();
    update(&mut app, A::PickCountry);
    assert_eq!(app.contexts(), [Context::Always, Context::Picker]);
    let items = |app: &App| match &app.overlay {
        Some(Overlay::Picker(p)) => p
            .items
            .iter()
            .map(|&c| p.all[c].code.clone())
            .collect::<Vec<_>>(),
        _ => panic!("picker closed"),
    };
    assert_eq!(items(&app), ["PT", "EU", "ES"], "most mentioned first");
    run(&mut app, [A::Insert('p'), A::Insert('o')]);
    assert_eq!(items(&app), ["PT"]);
    update(&mut app, A::DeleteChar);
    assert_eq!(items(&app), ["PT", "EU", "ES"]);
    run(
        &mut app,
        [A::PickerDown, A::PickerDown, A::PickerDown, A::PickerUp],
    );
    match &app.overlay {
        Some(Overlay::Picker(p)) => assert_eq!(p.cursor, 1),
        _ => panic!("picker closed"),
    }
    run(&mut app, [A::PickerUp, A::PickerChoose]);
    assert_eq!(app.overlay, None);
    let s = story(&app);
    assert_eq!(s.filter, Some(1));
    assert_eq!(
        s.view.blocks,
        [
            Block::Hidden { first: 1, count: 2 },
            Block::Paragraph(3),
            Block::Paragraph(4),
            Block::Hidden {
                first: 5,
                count: 16
            },
        ]
    );
    assert_eq!(s.focus, Some(3));
    assert_eq!(
        message(&app),
        "2 paragraphs mentioning Portugal · F shows all"
    );
    let sources: Vec<usize> = s.sources().collect();
    assert_eq!(
        sources,
        [0, 1],
        "the panel narrows to sources in those paragraphs"
    );
}

#[test]
fn blocs_can_be_filtered_and_unknown_codes_are_refused() {
    let mut app = app();
    update(&mut app, A::FilterCountry("eu".into()));
    assert_eq!(story(&app).view.shown_count, 1);
    assert_eq!(focus(&app), Some(5));
    update(&mut app, A::FilterCountry("XX".into()));
    assert_eq!(message(&app), "This story does not mention XX");
    assert!(app.message.as_ref().unwrap().warning);
    assert_eq!(story(&app).view.shown_count, 1, "the filter is unchanged");
}

#[test]
fn shift_f_clears_the_filter_and_keeps_the_place() {
    let mut app = app();
    run(
        &mut app,
        [
            A::FilterCountry("PT".into()),
            A::NextParagraph,
            A::ClearFilter,
        ],
    );
    assert_eq!(story(&app).filter, None);
    assert_eq!(story(&app).view.shown_count, 20);
    assert_eq!(focus(&app), Some(4));
    assert_eq!(message(&app), "Showing every paragraph");
}

#[test]
fn esc_closes_the_picker_without_filtering() {
    let mut app = app();
    run(&mut app, [A::PickCountry, A::Insert('s'), A::Close]);
    assert_eq!(app.overlay, None);
    assert_eq!(story(&app).filter, None);
}

#[test]
fn search_moves_as_you_type_and_n_cycles_through_matches() {
    let mut app = app();
    update(&mut app, A::StartSearch);
    assert_eq!(app.contexts(), [Context::Always, Context::Search]);
    for c in "FILLER".chars() {
        update(&mut app, A::Insert(c));
    }
    assert_eq!(story(&app).search.hits.len(), fixture::FILLER);
    assert_eq!(focus(&app), Some(7));
    update(&mut app, A::SearchSubmit);
    assert_eq!(app.prompt, None);
    update(&mut app, A::NextMatch);
    assert_eq!(focus(&app), Some(8));
    assert_eq!(story(&app).search.position(), "2/14");
    run(&mut app, [A::PrevMatch, A::PrevMatch]);
    assert_eq!(focus(&app), Some(20), "wraps to the last match");
    assert_eq!(story(&app).search.position(), "14/14");
    assert!(focus_visible(&app));
    update(&mut app, A::JumpBack);
    assert_eq!(focus(&app), Some(7), "each n is a jump");
    run(&mut app, [A::JumpBack, A::JumpBack, A::JumpBack]);
    assert_eq!(focus(&app), Some(1), "back to before the search");
}

/// Going round the story is said, so the first match is not taken for a
/// new one; moving between matches inside it says nothing.
#[test]
fn search_says_when_it_wraps() {
    let mut app = app();
    update(&mut app, A::StartSearch);
    for c in "FILLER".chars() {
        update(&mut app, A::Insert(c));
    }
    update(&mut app, A::SearchSubmit);
    assert_eq!(story(&app).search.position(), "1/14");
    let said = |app: &App| app.message.as_ref().map(|m| m.text.clone());
    press(&mut app, A::NextMatch);
    assert_eq!(said(&app), None, "2/14 is not a wrap");
    press(&mut app, A::PrevMatch);
    assert_eq!(said(&app), None, "back to 1/14 is not a wrap");
    press(&mut app, A::PrevMatch);
    assert_eq!(story(&app).search.position(), "14/14");
    assert_eq!(
        said(&app).as_deref(),
        Some("Search hit the top, continuing at the end")
    );
    press(&mut app, A::NextMatch);
    assert_eq!(story(&app).search.position(), "1/14");
    assert_eq!(
        said(&app).as_deref(),
        Some("Search hit the end, continuing at the top")
    );
}

#[test]
fn esc_in_the_prompt_cancels_and_returns() {
    let mut app = app();
    run(
        &mut app,
        [
            A::StartSearch,
            A::Insert('q'),
            A::Insert('u'),
            A::Insert('a'),
        ],
    );
    assert_eq!(focus(&app), Some(6));
    update(&mut app, A::DeleteChar);
    assert_eq!(story(&app).search.query, "qu");
    update(&mut app, A::Close);
    assert_eq!(focus(&app), Some(1));
    assert!(!story(&app).search.is_active());
}

#[test]
fn search_only_looks_at_shown_paragraphs_and_says_when_nothing_matches() {
    let mut app = app();
    run(&mut app, [A::FilterCountry("PT".into()), A::StartSearch]);
    for c in "the".chars() {
        update(&mut app, A::Insert(c));
    }
    let paragraphs: Vec<usize> = story(&app)
        .search
        .hits
        .iter()
        .map(|h| h.paragraph())
        .collect();
    assert_eq!(paragraphs, [3, 4]);
    run(
        &mut app,
        [
            A::SearchSubmit,
            A::StartSearch,
            A::Insert('@'),
            A::SearchSubmit,
        ],
    );
    assert_eq!(message(&app), "No match for “@”");
    update(&mut app, A::NextMatch);
    assert_eq!(message(&app), "No search: press / to search");
}

#[test]
fn several_stories_open_on_the_list() {
    let mut app = app_at(
        vec![fixture::document(), fixture::plain(&["Second."])],
        100,
        30,
    );
    assert_eq!(app.screen, Screen::Library);
    let first = app.library.selected();
    run(&mut app, [A::NextRow, A::NextRow]);
    assert_eq!(app.library.rows.cursor, 1, "stops at the last");
    update(&mut app, A::PrevRow);
    assert_eq!(app.library.rows.cursor, 0);
    assert_eq!(app.library.selected(), first);
    let fixture_row = app.library.order.iter().position(|&i| i == 0).unwrap();
    run(&mut app, (0..fixture_row).map(|_| A::NextRow));
    run(&mut app, [A::OpenRow, A::NextParagraph]);
    assert_eq!(app.screen, Screen::Story(0));
    update(&mut app, A::BackToList);
    assert_eq!(app.screen, Screen::Library);
    update(&mut app, A::OpenRow);
    assert_eq!(focus(&app), Some(2), "each story keeps its place");

    let mut single = self::app();
    update(&mut single, A::BackToList);
    assert_eq!(single.screen, Screen::Story(0));
    assert_eq!(message(&single), "Only one story is open");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app();
    update(&mut app, A::ToggleHelp);
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 0 }));
    assert_eq!(
        app.settings
            .keymap
            .action_for(app.contexts(), Key::char('Q')),
        Some(A::Quit),
        "Q quits from the help"
    );
    assert_eq!(
        app.settings
            .keymap
            .action_for(app.contexts(), Key::char('q')),
        Some(A::Leave),
        "q closes it"
    );
    run(&mut app, [A::HelpDown, A::HelpDown, A::HelpUp]);
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 1 }));
    run(&mut app, (0..500).map(|_| A::HelpDown));
    run(&mut app, [A::HelpUp]);
    let max = super::keymap::help_line_count(&app.settings.keymap) - 27;
    assert_eq!(
        app.overlay,
        Some(Overlay::Help {
            scroll: max as u16 - 1
        }),
        "scrolling stops at the end, so one press back moves"
    );
    update(&mut app, A::Close);
    assert_eq!(app.overlay, None);
    run(&mut app, [A::ToggleHelp, A::ToggleHelp]);
    assert_eq!(app.overlay, None);
}

#[test]
fn quit_and_messages() {
    let mut app = app();
    update(&mut app, A::JumpBack);
    assert!(app.message.is_some());
    update(&mut app, A::ClearMessage);
    assert_eq!(app.message, None);
    update(&mut app, A::Quit);
    assert!(app.control.quit);
}

/// A message stays while the screen changes on its own (a resize, stories
/// arriving, time passing) and goes with the next key, which may say
/// something of its own.
#[test]
fn a_message_lasts_until_the_next_key() {
    let mut app = app();
    press(&mut app, A::JumpBack);
    let said = app.message.clone().expect("nothing to jump back to");
    update(&mut app, A::Resize(90, 30));
    update(&mut app, A::SearchMore);
    assert_eq!(app.message, Some(said.clone()), "no key yet");
    press(&mut app, A::NextParagraph);
    assert_eq!(app.message, None, "the next key clears it");
    press(&mut app, A::JumpBack);
    assert_eq!(app.message, Some(said), "a key's own message stays");
}

/// A paragraph of `words` numbered words ("w1 w2 …"), so every line of it
/// can be told from the others.
fn long_paragraph(words: usize) -> String {
    (1..=words)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every action the reader knows, with one of each internal kind.
pub fn all_actions() -> Vec<A> {
    let mut actions: Vec<A> = super::keymap::Keymap::default()
        .bindings()
        .iter()
        .map(|b| b.action.clone())
        .collect();
    actions.extend([
        A::ScrollDown,
        A::ScrollUp,
        A::Insert('a'),
        A::Insert('\u{1b}'),
        A::ClearMessage,
        A::SearchMore,
        A::FilterCountry("PT".into()),
        A::Resize(7, 3),
        A::Resize(100, 30),
    ]);
    actions.retain(|a| *a != A::Quit);
    actions
}

#[test]
fn no_action_panics_at_any_small_size_on_any_story() {
    let stories = [
        vec![fixture::document()],
        vec![fixture::plain(&[])],
        vec![fixture::plain(&["", "\u{1b}[2J", "x"])],
        vec![fixture::document(), fixture::plain(&["Two."])],
        vec![],
    ];
    for documents in stories {
        for (w, h) in [(1, 1), (2, 2), (10, 5), (40, 10), (60, 20)] {
            let mut app = app_at(documents.clone(), w, h);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            for action in all_actions()
                .into_iter()
                .chain([A::OpenRow, A::PickCountry])
            {
                update(&mut app, action.clone());
                if let Some(s) = app.story() {
                    assert!(s.focus.is_none_or(|p| s.view.shown[p]), "{action:?}");
                }
                if action != A::Resize(7, 3) && action != A::Resize(100, 30) {
                    update(&mut app, A::Resize(w, h));
                }
                terminal.draw(|frame| render(&app, frame)).unwrap();
            }
        }
    }
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    fn action() -> impl Strategy<Value = A> {
        let actions = all_actions();
        (0..actions.len()).prop_map(move |i| actions[i].clone())
    }

    proptest! {
        // 48 cases in the normal run; PROPTEST_CASES=5000 for a long one.
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48)
        ))]

        /// Any sequence of actions at any size leaves a valid state and draws.
        #[test]
        fn any_actions_at_any_size_keep_the_state_valid(
            actions in prop::collection::vec(action(), 0..60),
            width in 1u16..140,
            height in 1u16..50,
        ) {
            let long = long_paragraph(3_000);
            let stories = vec![
                fixture::document(),
                fixture::plain(&["One.", "Two."]),
                fixture::plain(&["Before.", &long, "After.", &long]),
            ];
            let mut app = app_at(stories, width, height);
            update(&mut app, A::OpenRow);
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            for action in actions {
                update(&mut app, action);
                update(&mut app, A::Resize(width, height));
                check_state(&app)?;
                terminal.draw(|frame| render(&app, frame)).unwrap();
            }
        }

        /// Any actions on a story with paragraphs taller than the screen
        /// keep the focus on screen.
        #[test]
        fn any_actions_on_long_paragraphs_keep_the_focus_in_view(
            actions in prop::collection::vec(action(), 0..60),
            width in 1u16..140,
            height in 1u16..50,
        ) {
            let long = long_paragraph(1_000);
            let documents = vec![fixture::plain(&["Before.", &long, "Between.", &long, "After."])];
            let mut app = app_at(documents, width, height);
            for action in actions {
                update(&mut app, action);
                check_state(&app)?;
            }
        }

        /// The same on stories the annotator made of hostile text, from
        /// any starting state (the actions before the first draw set it),
        /// with every resize in between, and nothing unsafe on screen.
        #[test]
        fn any_actions_on_any_annotated_text_at_any_size(
            texts in prop::collection::vec(text(), 1..3),
            setup in prop::collection::vec(action(), 0..20),
            actions in prop::collection::vec(action(), 0..40),
            width in 1u16..140,
            height in 1u16..50,
        ) {
            let documents: Vec<_> = texts
                .iter()
                .map(|t| crate::annotate(&crate::load::plain::parse(t)))
                .collect();
            let mut app = app_at(documents, width, height);
            for action in setup {
                update(&mut app, action);
            }
            update(&mut app, A::Resize(width, height));
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            for action in actions {
                update(&mut app, action);
                check_state(&app)?;
                let size = app.size;
                if terminal.backend().buffer().area != size {
                    terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
                }
                terminal.draw(|frame| render(&app, frame)).unwrap();
                let unsafe_cell = terminal.backend().buffer().content.iter().find(|cell| {
                    cell.symbol().chars().any(|c| crate::safe_text::is_unsafe(c) || c == '\n' || c == '\t')
                });
                prop_assert!(unsafe_cell.is_none(), "{unsafe_cell:?} on screen");
            }
        }
    }

    /// Prose with what breaks text tools in it: quotes left open, escape
    /// sequences, bidi overrides, combining marks, wide characters, long words.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(
            &[
                "Mayor Anna Berg said",
                "\"We will see,\" she said.",
                "US",
                "Poland",
                "the EU",
                "officials said that",
                "“",
                "”",
                "\"",
                "\u{1b}[2J",
                "\u{1b}]52;c;QQ==\u{7}",
                "\u{202e}",
                "\u{9b}",
                "e\u{301}",
                "日本語",
                "👩\u{200d}👧",
                "\r",
                "\u{8}",
                "\n\n",
                "\n",
                " ",
                "Zelenskiy told reporters",
                "wordwordwordwordwordwordwordwordwordwordwordword",
            ][..],
        );
        prop::collection::vec(pieces, 0..60).prop_map(|p| p.join(" "))
    }

    /// What must hold after every action.
    fn check_state(app: &App) -> Result<(), TestCaseError> {
        if let Some(s) = app.story() {
            prop_assert!(
                s.focus
                    .is_none_or(|p| p < s.doc.paragraphs().len() && s.view.shown[p])
            );
            prop_assert!(s.selected.is_none_or(|x| x < s.doc.speaker_count()));
            prop_assert!(s.filter.is_none_or(|c| c < s.doc.country_count()));
            prop_assert!(s.view.panel.is_empty() || s.panel_cursor < s.view.panel.len());
            prop_assert!(s.search.current.is_none_or(|c| c < s.search.hits.len()));
            prop_assert!(s.claim.is_none_or(|c| c < s.index.claim_order.len()));
            prop_assert!(s.top.block <= s.view.blocks.len());
            prop_assert!(s.jumps.iter().all(|&p| p < s.doc.paragraphs().len()));
            // The focus follows the view: whatever moved, it is on screen.
            prop_assert!(
                s.focus.is_none() || focus_visible(app),
                "focus {:?} out of view at {:?}",
                s.focus,
                s.top
            );
        }
        Ok(())
    }
}

#[test]
fn every_scrolling_key_scrolls_the_help() {
    let mut app = app_at(vec![fixture::document()], 60, 20);
    update(&mut app, A::ToggleHelp);
    let scroll = |app: &App| match app.overlay {
        Some(Overlay::Help { scroll }) => scroll,
        _ => panic!("the help closed"),
    };
    let shown = 20 - 1 - 2;
    let max = (super::keymap::help_line_count(&app.settings.keymap) - shown) as u16;
    for (action, expected) in [
        (A::PageDown, shown as u16 - 2),
        (A::PageUp, 0),
        (A::HalfPageDown, shown as u16 / 2),
        (A::HalfPageUp, 0),
        (A::LineDown, 1),
        (A::ScrollDown, 4),
        (A::ScrollUp, 1),
        (A::LineUp, 0),
        (A::LastRow, max),
        (A::FirstRow, 0),
    ] {
        update(&mut app, action.clone());
        assert_eq!(scroll(&app), expected, "after {action:?}");
    }
    for key in ["Space", "PgDn", "Ctrl-d", "Ctrl-e", "G", "End"] {
        let key = Key::parse(key).expect("a key");
        assert!(
            app.settings
                .keymap
                .action_for(app.contexts(), key)
                .is_some(),
            "{key} does something in the help"
        );
    }
    update(&mut app, A::Leave);
    assert_eq!(app.overlay, None, "q closes the help");
    assert!(!app.control.quit);
}

#[test]
fn q_goes_back_a_level_and_quits_at_the_top() {
    let mut two = app_at(vec![fixture::document(), fixture::document()], 100, 30);
    assert_eq!(two.screen, Screen::Library);
    update(&mut two, A::OpenRow);
    assert_eq!(two.screen, Screen::Story(0));
    update(&mut two, A::Leave);
    assert_eq!(two.screen, Screen::Library, "from a story back to the list");
    assert!(!two.control.quit);
    run(&mut two, [A::SwitchIndex, A::Leave]);
    assert_eq!(
        two.screen,
        Screen::Library,
        "from the sources back to the stories"
    );
    update(&mut two, A::Leave);
    assert!(two.control.quit, "q quits from the story list");

    let mut single = app();
    update(&mut single, A::Leave);
    assert!(
        single.control.quit,
        "a story opened on its own is the top level"
    );

    let mut anywhere = app_at(vec![fixture::document(), fixture::document()], 100, 30);
    run(&mut anywhere, [A::OpenRow, A::Quit]);
    assert!(anywhere.control.quit, "Q quits from a story");
}

mod long_paragraphs {
    use std::collections::BTreeSet;

    use super::*;

    /// About 8,000 characters in one paragraph, between two short ones.
    fn long_story() -> App {
        long_story_at(80, 24)
    }

    fn long_story_at(width: u16, height: u16) -> App {
        let long = long_paragraph(1_400);
        let documents = vec![fixture::plain(&["Before.", &long, "After."])];
        app_at(documents, width, height)
    }

    /// The sizes the long paragraph is read at: the smallest the reader
    /// draws, a common one and a big one.
    const SIZES: [(u16, u16); 3] = [
        (
            crate::tui::geometry::MIN_WIDTH,
            crate::tui::geometry::MIN_HEIGHT,
        ),
        (80, 24),
        (160, 45),
    ];

    /// The numbered words on screen.
    fn words_in_view(app: &App) -> Vec<usize> {
        let s = story(app);
        s.visible_rows()
            .iter()
            .filter_map(|r| match r {
                Row::Text {
                    paragraph: 1,
                    range,
                    ..
                } => Some(&s.doc.paragraphs()[1].text[range.clone()]),
                _ => None,
            })
            .flat_map(|line| line.split_whitespace())
            .filter_map(|w| w.strip_prefix('w')?.parse().ok())
            .collect()
    }

    /// Presses `action` until the focus reaches `target` or the view stops
    /// moving (at most 500 times), and returns every numbered word that was
    /// on screen.
    fn read_with(app: &mut App, action: A, target: usize) -> BTreeSet<usize> {
        let mut seen: BTreeSet<usize> = words_in_view(app).into_iter().collect();
        for _ in 0..500 {
            let before = (story(app).top, focus(app));
            update(app, action.clone());
            assert!(focus_visible(app), "after {action:?} the focus is in view");
            seen.extend(words_in_view(app));
            if focus(app) == Some(target) || (story(app).top, focus(app)) == before {
                break;
            }
        }
        seen
    }

    #[test]
    fn every_line_is_read_going_down_with_any_key() {
        for action in [
            A::NextParagraph,
            A::PageDown,
            A::ScrollDown,
            A::HalfPageDown,
            A::LineDown,
        ] {
            for (w, h) in SIZES {
                let mut app = long_story_at(w, h);
                let seen = read_with(&mut app, action.clone(), 2);
                let missed: Vec<usize> = (1..=1_400).filter(|w| !seen.contains(w)).collect();
                assert!(
                    missed.is_empty(),
                    "{action:?} skipped words at {w}×{h}: {missed:?}"
                );
                if matches!(action, A::NextParagraph | A::PageDown) {
                    assert_eq!(focus(&app), Some(2), "{action:?} goes on to the next one");
                }
            }
        }
    }

    #[test]
    fn every_line_is_read_going_up_with_any_key() {
        for action in [
            A::PrevParagraph,
            A::PageUp,
            A::ScrollUp,
            A::HalfPageUp,
            A::LineUp,
        ] {
            for (w, h) in SIZES {
                let mut app = long_story_at(w, h);
                update(&mut app, A::LastParagraph);
                let seen = read_with(&mut app, action.clone(), 0);
                let missed: Vec<usize> = (1..=1_400).filter(|w| !seen.contains(w)).collect();
                assert!(
                    missed.is_empty(),
                    "{action:?} skipped words at {w}×{h}: {missed:?}"
                );
                if matches!(action, A::PrevParagraph | A::PageUp) {
                    assert_eq!(focus(&app), Some(0), "{action:?} goes on to the one before");
                }
            }
        }
    }

    #[test]
    fn j_moves_a_screen_at_a_time_inside_the_paragraph() {
        let mut app = long_story();
        update(&mut app, A::NextParagraph);
        assert_eq!(focus(&app), Some(1));
        let first = words_in_view(&app);
        update(&mut app, A::NextParagraph);
        assert_eq!(focus(&app), Some(1), "still reading it");
        let second = words_in_view(&app);
        assert!(second[0] > first[0], "the view moved on: {second:?}");
        assert!(
            second[0] <= *first.last().unwrap(),
            "with a line or two of context"
        );
        update(&mut app, A::PrevParagraph);
        assert_eq!(focus(&app), Some(1));
        assert_eq!(words_in_view(&app)[0], 1, "k goes back to its first line");
    }

    #[test]
    fn a_resize_keeps_the_line_at_the_top() {
        let mut app = long_story();
        run(&mut app, (0..3).map(|_| A::NextParagraph));
        let top_word = words_in_view(&app)[0];
        for (w, h) in [(60, 20), (120, 40), (80, 24)] {
            update(&mut app, A::Resize(w, h));
            let words = words_in_view(&app);
            assert!(
                words[0] <= top_word && words[..words.len().min(20)].contains(&top_word),
                "at {w}×{h} the top shows w{top_word}: {words:?}"
            );
            assert_eq!(focus(&app), Some(1));
        }
    }

    #[test]
    fn the_scrollbar_moves_inside_the_paragraph() {
        let mut app = long_story();
        update(&mut app, A::NextParagraph);
        let (before, max, _) = story(&app).scroll_extent();
        run(&mut app, [A::PageDown, A::PageDown]);
        let (after, ..) = story(&app).scroll_extent();
        assert!(before < after && after < max, "{before} < {after} < {max}");
    }

    #[test]
    fn a_claim_deep_in_the_paragraph_is_shown_by_its_jump() {
        let long = long_paragraph(1_200);
        let text = format!("{long} The mayor said the bridge was safe.");
        let article = crate::load::Article {
            meta: Default::default(),
            paragraphs: crate::model::Paragraph::bodies(&["Before.", &text]),
        };
        let documents = vec![crate::annotate::annotate(&article)];
        let mut app = app_at(documents, 80, 24);
        update(&mut app, A::NextClaim);
        let s = story(&app);
        let bytes = s.current_claim_bytes(s.focus.unwrap()).expect("a claim");
        assert!(
            s.visible_rows().iter().any(|r| matches!(r,
                Row::Text { range, .. } if range.start < bytes.end && bytes.start < range.end)),
            "the claim's lines are on screen"
        );
    }
}

#[test]
fn the_claims_list_opens_on_the_current_claim_and_jumps() {
    let mut app = app();
    run(&mut app, [A::NextClaim, A::NextClaim]);
    let current = story(&app).claim.expect("a current claim");
    update(&mut app, A::ListClaims);
    let Some(Overlay::Claims(list)) = &app.overlay else {
        panic!("the list is open: {:?}", app.overlay);
    };
    assert_eq!(
        list.items[list.rows.cursor], current,
        "on the current claim"
    );
    assert_eq!(list.items.len(), story(&app).index.claim_order.len());
    assert_eq!(
        app.settings
            .keymap
            .action_for(app.contexts(), Key::char('j')),
        Some(A::NextRow),
        "the list keys move in it"
    );
    run(&mut app, [A::FirstRow, A::NextRow, A::OpenRow]);
    assert_eq!(app.overlay, None, "Enter closes it");
    assert_eq!(story(&app).claim, Some(1), "and jumps to the second claim");
    let s = story(&app);
    let bytes = s
        .current_claim_bytes(s.focus.unwrap())
        .expect("in the focus");
    assert!(!bytes.is_empty());

    for close in [A::Close, A::Clear, A::BackToList, A::Leave, A::ListClaims] {
        update(&mut app, A::ListClaims);
        update(&mut app, close.clone());
        assert_eq!(app.overlay, None, "{close:?} closes it");
        assert_eq!(app.screen, Screen::Story(0), "{close:?} stays in the story");
        assert!(!app.control.quit);
    }
}

#[test]
fn the_claims_list_says_when_there_is_none() {
    let mut app = app_at(
        vec![fixture::plain(&["Nothing was said.", "Still nothing."])],
        100,
        30,
    );
    update(&mut app, A::ListClaims);
    assert_eq!(app.overlay, None);
    assert_eq!(message(&app), "No claims in this story");
}

#[test]
fn a_claim_opened_from_the_sources_across_stories_selects_its_speaker() {
    let mut app = app_at(fixture::library(), 100, 30);
    update(&mut app, A::SwitchIndex);
    assert_eq!(app.screen, Screen::People);
    // The first source with claims.
    for _ in 0..app.people.order.len() {
        update(&mut app, A::OpenRow);
        if app.screen == Screen::Claims {
            break;
        }
        update(&mut app, A::NextRow);
    }
    assert_eq!(app.screen, Screen::Claims);
    update(&mut app, A::OpenRow);
    let s = story(&app);
    let claim = s.current_claim().expect("a claim");
    let selected = s.selected.expect("a source selected");
    let id = claim.speaker.as_deref().expect("a speaker");
    assert_eq!(s.doc.speaker_index(id), Some(selected));
}

#[test]
fn y_copies_the_current_claim_cited_and_o_opens_the_story_file() {
    use super::app::Effect;
    let mut app = app();
    run(&mut app, [A::NextClaim, A::NextClaim]);
    update(&mut app, A::CopyClaim);
    let claim = story(&app)
        .current_claim()
        .expect("a current claim")
        .into_owned();
    let cited = super::cite::citation(&*story(&app).doc, &claim);
    assert_eq!(app.control.effects, vec![Effect::Copy(cited.clone())]);
    assert_eq!(message(&app), format!("Copied: {cited}"));

    app.control.effects.clear();
    update(&mut app, A::OpenSource);
    assert_eq!(
        app.control.effects,
        vec![Effect::Open("harbour.txt".into())]
    );

    for source in [None, Some("-")] {
        let mut doc = fixture::document();
        doc.meta.source = source.map(Into::into);
        let mut unopenable = app_at(vec![doc], 100, 30);
        update(&mut unopenable, A::OpenSource);
        assert!(unopenable.control.effects.is_empty(), "{source:?}");
        assert_eq!(
            message(&unopenable),
            "This story has no file or page to open"
        );
    }

    let mut quiet = app_at(vec![fixture::plain(&["Nothing was said."])], 100, 30);
    update(&mut quiet, A::CopyClaim);
    assert!(quiet.control.effects.is_empty());
    assert_eq!(
        message(&quiet),
        "No claim here to copy: } moves to the next"
    );
}
