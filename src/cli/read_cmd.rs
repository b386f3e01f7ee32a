//! `whosaid [FILE]...`: the reader on a terminal (the config and the state
//! read before, the state saved after), or the stories' text summaries
//! when stdout is not a terminal.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

use anyhow::Context;

use super::background::{Job, open_in_background};
use super::feeds::{self, FeedSource};
use super::keeper::Keeper;
use super::stories::{self, Reporter};
use super::{
    Cli, ColorWhen, EXIT_NOTHING_READ, EXIT_OK, EXIT_SOME_FAILED, FeedArgs, ReadArgs, ReaderArgs,
    ReaderLook, ThemeName,
};
use crate::load::{self, Input};
use crate::model::Document;
use crate::settings::state::{LastRead, ListOrder};
use crate::settings::{self, Changes, Config, Dirs, State};
use crate::tui::library::{Remembered, Sort};
use crate::tui::{
    self, App, ColorChoice, ColorMode, Fault, Feed, Inbox, Options, ReaderOptions, Settings, Theme,
    ThemePreset,
};

/// What the reader opens.
enum Opening {
    /// Files, folders and `-` as named (none: the bundled story), or the
    /// last library (`--last`).
    Files,
    /// News feeds: these, or with `None` the ones the config file subscribes to.
    Feeds(Option<Vec<FeedSource>>),
    /// The stories stored in the archive at this path, as stored.
    Archive(PathBuf),
}

/// How long the reader waits for a first story before opening on the list
/// anyway, when it has web pages to fetch.
const FETCH_PATIENCE: std::time::Duration = std::time::Duration::from_millis(500);

/// `whosaid [FILE]...`: the reader on a terminal, the text summary otherwise.
pub fn run_reader(args: &Cli) -> ExitCode {
    let interactive = io::stdout().is_terminal();
    let report = Reporter::plain();
    if args.reader.feeds {
        return read_feeds(args, None, &report);
    }
    if args.files.is_empty() && !interactive && !args.reader.last {
        return print_bundled_summary(&report);
    }
    if interactive {
        return read_in_terminal(args, Opening::Files, &report);
    }
    let (documents, failed) = load_all(&args.files, &args.read.limits(), &report);
    if documents.is_empty() {
        return ExitCode::from(EXIT_NOTHING_READ);
    }
    summaries_then_status(&documents, failed, &report)
}

/// Prints the stories' summaries; the exit status says whether any input
/// failed (`failed` of them) or the output could not be written.
fn summaries_then_status(documents: &[Document], failed: usize, report: &Reporter) -> ExitCode {
    if let Err(error) = print_summaries(documents) {
        report.problem(format_args!("{error:#}"));
        return ExitCode::from(EXIT_NOTHING_READ);
    }
    ExitCode::from(if failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

/// `whosaid feed FEED...` and `whosaid --feeds`: the feeds' stories in
/// the reader on a terminal, their text summaries otherwise.
pub fn run_feed(args: &FeedArgs) -> ExitCode {
    let cli = Cli {
        command: None,
        files: Vec::new(),
        reader: ReaderArgs {
            look: args.look.clone(),
            ..ReaderArgs::default()
        },
        read: args.read.clone(),
    };
    read_feeds(
        &cli,
        Some(FeedSource::from_args(&args.feeds)),
        &Reporter::plain(),
    )
}

fn read_feeds(args: &Cli, feeds: Option<Vec<FeedSource>>, report: &Reporter) -> ExitCode {
    if io::stdout().is_terminal() {
        return read_in_terminal(args, Opening::Feeds(feeds), report);
    }
    let feeds = match feeds {
        Some(feeds) => feeds,
        None => match load_config(report) {
            Some((config, path)) => match subscribed(&config, path.as_deref(), report) {
                Some(feeds) => feeds,
                None => return ExitCode::from(EXIT_NOTHING_READ),
            },
            None => return ExitCode::from(EXIT_NOTHING_READ),
        },
    };
    let (documents, notes) = feeds::read_once(feeds, args.read.limits(), Keeper::users());
    let mut failed = 0;
    for note in &notes {
        failed += usize::from(matches!(note, Feed::Problem(_)));
        report.feed(note);
    }
    if documents.is_empty() {
        report.problem("no story could be read from the feeds");
        return ExitCode::from(EXIT_NOTHING_READ);
    }
    summaries_then_status(&documents, failed, report)
}

/// The feeds the config file subscribes to; `None` (said why) when there are none.
fn subscribed(config: &Config, path: Option<&Path>, report: &Reporter) -> Option<Vec<FeedSource>> {
    if config.feeds.is_empty() {
        let file = path.map_or_else(
            || "the config file".to_string(),
            |p| p.display().to_string(),
        );
        report.problem(format_args!(
            "--feeds: no feeds subscribed; add a [[feeds]] table with a url to {file}"
        ));
        return None;
    }
    Some(FeedSource::subscribed(&config.feeds))
}

/// The config file, read, with its path; `None` when it has errors (reported).
fn load_config(report: &Reporter) -> Option<(Config, Option<PathBuf>)> {
    let dirs = Dirs::locate(|name| std::env::var(name).ok());
    let config_path = dirs.config_file();
    let config = match &config_path {
        Some(path) => settings::config::load(path),
        None => Ok(Config::default()),
    };
    match config {
        Ok(config) => {
            if let Some(path) = &config_path {
                for warning in &config.warnings {
                    report.warning(settings::config::located(path, warning));
                }
            }
            Some((config, config_path))
        }
        Err(errors) => {
            for error in errors {
                report.problem(error);
            }
            report.problem("fix the config file, or see `whosaid --print-default-config`");
            None
        }
    }
}

/// The reader on the stories stored in the archive at `path` (`whosaid
/// archive`), with the user's config and state, as for files.
pub(super) fn read_archive_in_terminal(
    look: &ReaderLook,
    path: PathBuf,
    report: &Reporter,
) -> ExitCode {
    let cli = Cli {
        command: None,
        files: Vec::new(),
        reader: ReaderArgs {
            look: look.clone(),
            ..ReaderArgs::default()
        },
        read: ReadArgs::default(),
    };
    read_in_terminal(&cli, Opening::Archive(path), report)
}

/// The reader: it opens at once on the story list, which fills as the
/// stories are read and annotated in the background. The config and the
/// state are read before, and the state saved after.
fn read_in_terminal(args: &Cli, opening: Opening, report: &Reporter) -> ExitCode {
    let Some((config, config_path)) = load_config(report) else {
        return ExitCode::from(EXIT_NOTHING_READ);
    };
    let dirs = Dirs::locate(|name| std::env::var(name).ok());
    let state_path = dirs.state_file();
    let loaded = state_path.as_deref().map(State::load).unwrap_or_default();
    if let Some(warning) = &loaded.warning {
        report.warning(warning);
    }
    let state = loaded.state;
    let inbox = Inbox::new();
    let mut refresh = None;
    let mut archive = None;
    let library = match opening {
        Opening::Archive(path) => {
            let loader = open_in_background(Job::Archive(path.clone()), inbox.feeder());
            // An empty or unreadable archive: say why here, not in an empty reader.
            if let Some(feeds) = inbox.first_story(&loader) {
                for feed in &feeds {
                    report.feed(feed);
                }
                report.problem("no story could be read");
                return ExitCode::from(EXIT_NOTHING_READ);
            }
            archive = Some(path);
            None
        }
        Opening::Files => match open_files(args, &state, &inbox, report) {
            Ok(library) => library,
            Err(status) => return status,
        },
        Opening::Feeds(feeds) => {
            let Some(feeds) = feeds.or_else(|| subscribed(&config, config_path.as_deref(), report))
            else {
                return ExitCode::from(EXIT_NOTHING_READ);
            };
            // The reader opens at once: feeds come from the network, and it
            // never waits on that.
            let (ask, asked) = mpsc::channel();
            feeds::open_in_background(
                feeds,
                args.read.limits(),
                Keeper::users(),
                inbox.feeder(),
                asked,
            );
            refresh = Some(ask);
            None
        }
    };
    let sort = state.sort.as_ref();
    let remembered = Remembered {
        read: state.read(),
        sort: sort
            .and_then(|s| Sort::from_label(&s.by))
            .unwrap_or_default(),
        reversed: sort.is_some_and(|s| s.reversed),
        last_read: library
            .as_deref()
            .and_then(|l| state.last_read_in(l))
            .map(str::to_string),
    };
    let app = match open_reader(
        inbox,
        &args.reader.look,
        config,
        state.paragraphs(),
        remembered,
        refresh,
    ) {
        Ok(app) => app,
        Err(error) => {
            report.problem(format_args!("{error:#}"));
            return ExitCode::from(EXIT_NOTHING_READ);
        }
    };
    for warning in &app.library.warnings {
        report.warning(warning);
    }
    for problem in &app.library.problems {
        report.problem(problem);
    }
    let failed = app.library.problems.len();
    if let Some(path) = &state_path {
        let was_read = state.read();
        let list = &app.library;
        let changes = Changes {
            positions: state.changed(&app.positions),
            read: list.read.difference(&was_read).cloned().collect(),
            sort: Some(ListOrder {
                by: list.sort.label().to_string(),
                reversed: list.reversed,
            }),
            last_read: library
                .as_ref()
                .zip(list.last_read.as_ref())
                .map(|(library, key)| LastRead {
                    library: library.clone(),
                    key: key.clone(),
                }),
            last_library: library,
        };
        match settings::state::save_changes(path, &changes, now()) {
            Ok(None) => {}
            Ok(Some(warning)) => report.warning(warning),
            Err(error) => report.warning(format_args!(
                "cannot save the reading positions in {}: {error}",
                path.display()
            )),
        }
    }
    let status = match (app.library.entries.len(), failed) {
        (_, 0) => EXIT_OK,
        (0, _) => EXIT_NOTHING_READ,
        _ => EXIT_SOME_FAILED,
    };
    if let Some(path) = &archive
        && let Err(error) = super::archive_cmd::remember_reading(path, &app)
    {
        report.warning(format_args!(
            "cannot save what was read in the archive: {error}"
        ));
    }
    // Ended by a signal: now that the positions are saved, die of it, as
    // the shell expects.
    if let Some(signal) = app.control.ended_by {
        tui::signals::die_of(signal);
    }
    // Ten thousand stories take a while to free; the process is ending anyway.
    std::mem::forget(app);
    ExitCode::from(status)
}

/// Starts reading the files, folders and `-` named (none: the bundled story;
/// `--last`: the last library) in the background, and waits for the first
/// story, so that when nothing can be read it says why at once. Returns the
/// library as named, for the state file.
fn open_files(
    args: &Cli,
    state: &State,
    inbox: &Inbox,
    report: &Reporter,
) -> Result<Option<Vec<String>>, ExitCode> {
    let files = if args.reader.last {
        if state.last_library.is_empty() {
            report.problem("--last: no library has been opened yet");
            return Err(ExitCode::from(EXIT_NOTHING_READ));
        }
        state.last_library.clone()
    } else {
        args.files.clone()
    };
    // The library as named on the command line: what its last story read
    // and the next --last are remembered under.
    let library: Option<Vec<String>> =
        (!files.is_empty() && !files.iter().any(|f| f == load::STDIN)).then(|| {
            files
                .iter()
                .map(|f| {
                    // An address stays as given; a path is made absolute.
                    if load::walk::looks_like_address(f) {
                        return f.clone();
                    }
                    std::path::absolute(f)
                        .map_or_else(|_| f.clone(), |p| p.to_string_lossy().into_owned())
                })
                .collect()
        });
    let job = if files.is_empty() {
        Job::Bundled
    } else {
        // Walking the folders is quick; reading and annotating is not.
        let found = load::discover(&files);
        for warning in &found.warnings {
            report.warning(warning);
        }
        if found.sources.is_empty() {
            for problem in &found.problems {
                report.problem(problem);
            }
            return Err(ExitCode::from(EXIT_NOTHING_READ));
        }
        // Shown in the reader with the loader's problems, and listed on exit.
        let feeder = inbox.feeder();
        for problem in found.problems {
            feeder.send(Feed::Problem(problem.to_string()));
        }
        Job::Sources(found.sources, args.read.limits(), Keeper::users())
    };
    // A web page can take seconds to come (or fail): the reader opens
    // meanwhile, saying it is reading.
    let pages = match &job {
        Job::Sources(sources, ..) => sources.iter().any(|s| matches!(s, load::Source::Url(_))),
        Job::Bundled | Job::Archive(_) => false,
    };
    let patience = pages.then_some(FETCH_PATIENCE);
    let loader = open_in_background(job, inbox.feeder());
    // Nothing readable: say why here and now, not behind an empty reader.
    if let Some(feeds) = inbox.first_story_within(&loader, patience) {
        for feed in &feeds {
            report.feed(feed);
        }
        report.problem("no story could be read");
        return Err(ExitCode::from(EXIT_NOTHING_READ));
    }
    Ok(library)
}

/// Loads every story the arguments name (files, folders, `-`), annotating
/// articles and keeping documents that are already annotated; reports what
/// cannot be read. Returns the documents and the number of failed inputs.
fn load_all(
    args: &[String],
    limits: &load::ReadLimits,
    report: &Reporter,
) -> (Vec<Document>, usize) {
    let found = load::discover(args);
    for warning in &found.warnings {
        report.warning(warning);
    }
    for problem in &found.problems {
        report.problem(problem);
    }
    let mut failed = found.problems.len();
    let mut documents = Vec::new();
    for source in &found.sources {
        let read = stories::read(source, limits);
        for warning in &read.warnings {
            report.warning(warning);
        }
        for problem in &read.problems {
            report.problem(problem);
        }
        // One per message, as before: a JSON Lines file's bad lines beyond
        // those reported are not counted here.
        failed += read.problems.len();
        for input in read.inputs {
            match stories::annotate_input(input) {
                Ok(story) => documents.push(story.into_document()),
                Err(problem) => {
                    report.problem(problem);
                    failed += 1;
                }
            }
        }
    }
    (documents, failed)
}

/// Prints the bundled story's summary (what `whosaid` shows without a terminal).
fn print_bundled_summary(report: &Reporter) -> ExitCode {
    let document = match stories::annotate_input(Input::Article(load::bundled())) {
        Ok(story) => story.into_document(),
        Err(problem) => {
            report.problem(problem);
            return ExitCode::from(EXIT_NOTHING_READ);
        }
    };
    let mut out = io::stdout().lock();
    match super::write_text(&mut out, &document).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::write_failed(error),
    }
}

/// Seconds since 1970, for the state file.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn open_reader(
    inbox: Inbox,
    look: &ReaderLook,
    config: Config,
    positions: HashMap<String, usize>,
    remembered: Remembered,
    refresh: Option<mpsc::Sender<()>>,
) -> anyhow::Result<App> {
    let choice = match look.color {
        ColorWhen::Auto => ColorChoice::Auto,
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
    };
    let mode = ColorMode::detect(choice, |name| std::env::var(name).ok());
    let preset = match look.theme {
        Some(ThemeName::Dark) => ThemePreset::Dark,
        Some(ThemeName::Light) => ThemePreset::Light,
        None => config.preset,
    };
    let mut theme = Theme::with_preset(mode, preset);
    config.apply_colors(&mut theme);
    let options = ReaderOptions {
        app: Options {
            settings: Settings {
                theme,
                keymap: config.keymap,
                measure: config.measure,
                commands: config.commands,
            },
            positions,
            remembered,
            refreshable: refresh.is_some(),
        },
        refresh,
        mouse: config.mouse && !look.no_mouse,
        fault: Fault::from_env(|name| std::env::var(name).ok()),
        caught_panic: Some(stories::panic_is_caught),
    };
    tui::run(inbox, options).context("terminal error")
}

fn print_summaries(documents: &[Document]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    let written = documents.iter().enumerate().try_for_each(|(n, document)| {
        if n > 0 {
            writeln!(out)?;
        }
        super::write_text(&mut out, document)
    });
    match written.and_then(|()| out.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(error).context("cannot write output")
        }
        _ => Ok(()),
    }
}
