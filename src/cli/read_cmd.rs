//! `whosaid [FILE]...`: the reader on a terminal (the config and the state
//! read before, the state saved after), or the stories' text summaries
//! when stdout is not a terminal.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;

use super::background::{Job, open_in_background};
use super::stories::{self, Reporter};
use super::{Cli, ColorWhen, EXIT_NOTHING_READ, EXIT_OK, EXIT_SOME_FAILED, ReaderArgs, ThemeName};
use crate::load::{self, Input};
use crate::model::Document;
use crate::settings::state::{LastRead, ListOrder};
use crate::settings::{self, Changes, Config, Dirs, State};
use crate::tui::library::{Remembered, Sort};
use crate::tui::{
    self, App, ColorChoice, ColorMode, Fault, Feed, Inbox, Options, ReaderOptions, Settings, Theme,
    ThemePreset,
};

/// `whosaid [FILE]...`: the reader on a terminal, the text summary otherwise.
pub fn run_reader(args: &Cli) -> ExitCode {
    let interactive = io::stdout().is_terminal();
    let report = Reporter::plain();
    if args.files.is_empty() && !interactive && !args.reader.last {
        return print_bundled_summary(&report);
    }
    if interactive {
        return read_in_terminal(args, &report);
    }
    let (documents, failed) = load_all(&args.files, &args.read.limits(), &report);
    if documents.is_empty() {
        return ExitCode::from(EXIT_NOTHING_READ);
    }
    if let Err(error) = print_summaries(&documents) {
        report.problem(format_args!("{error:#}"));
        return ExitCode::from(EXIT_NOTHING_READ);
    }
    ExitCode::from(if failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

/// The reader: it opens at once on the story list, which fills as the
/// stories are read and annotated in the background. The config and the
/// state are read before, and the state saved after.
fn read_in_terminal(args: &Cli, report: &Reporter) -> ExitCode {
    let Some(settings) = Session::load(report) else {
        return ExitCode::from(EXIT_NOTHING_READ);
    };
    let state = &settings.state;
    let files = if args.reader.last {
        if state.last_library.is_empty() {
            report.problem("--last: no library has been opened yet");
            return ExitCode::from(EXIT_NOTHING_READ);
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
                    std::path::absolute(f)
                        .map_or_else(|_| f.clone(), |p| p.to_string_lossy().into_owned())
                })
                .collect()
        });
    let inbox = Inbox::new();
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
            return ExitCode::from(EXIT_NOTHING_READ);
        }
        // Shown in the reader with the loader's problems, and listed on exit.
        let feeder = inbox.feeder();
        for problem in found.problems {
            feeder.send(Feed::Problem(problem.to_string()));
        }
        Job::Sources(found.sources, args.read.limits())
    };
    show(settings, &args.reader, inbox, job, library, report)
}

/// The reader on `job`'s stories (for `whosaid archive`: the stored ones),
/// with the user's config and state, as for files.
pub(super) fn read_job_in_terminal(reader: &ReaderArgs, job: Job, report: &Reporter) -> ExitCode {
    let Some(settings) = Session::load(report) else {
        return ExitCode::from(EXIT_NOTHING_READ);
    };
    show(settings, reader, Inbox::new(), job, None, report)
}

/// The config and the state the reader opens with.
struct Session {
    config: Config,
    state: State,
    state_path: Option<std::path::PathBuf>,
}

impl Session {
    /// Reads both, reporting what is wrong; `None` when the config cannot be used.
    fn load(report: &Reporter) -> Option<Session> {
        let dirs = Dirs::locate(|name| std::env::var(name).ok());
        let config_path = dirs.config_file();
        let config = match &config_path {
            Some(path) => settings::config::load(path),
            None => Ok(Config::default()),
        };
        let config = match config {
            Ok(config) => {
                if let Some(path) = &config_path {
                    for warning in &config.warnings {
                        report.warning(settings::config::located(path, warning));
                    }
                }
                config
            }
            Err(errors) => {
                for error in errors {
                    report.problem(error);
                }
                report.problem("fix the config file, or see `whosaid --print-default-config`");
                return None;
            }
        };
        let state_path = dirs.state_file();
        let loaded = state_path.as_deref().map(State::load).unwrap_or_default();
        if let Some(warning) = &loaded.warning {
            report.warning(warning);
        }
        Some(Session {
            config,
            state: loaded.state,
            state_path,
        })
    }
}

/// Runs the reader on `job` until the user quits, then saves the state.
fn show(
    settings: Session,
    reader: &ReaderArgs,
    inbox: Inbox,
    job: Job,
    library: Option<Vec<String>>,
    report: &Reporter,
) -> ExitCode {
    let Session {
        config,
        state,
        state_path,
    } = settings;
    let archive = match &job {
        Job::Archive(path) => Some(path.clone()),
        _ => None,
    };
    let loader = open_in_background(job, inbox.feeder());
    // Nothing readable: say why here and now, not behind an empty reader.
    if let Some(feeds) = inbox.first_story(&loader) {
        for feed in &feeds {
            report.feed(feed);
        }
        report.problem("no story could be read");
        return ExitCode::from(EXIT_NOTHING_READ);
    }
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
    let app = match open_reader(inbox, reader, config, state.paragraphs(), remembered) {
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
    args: &ReaderArgs,
    config: Config,
    positions: HashMap<String, usize>,
    remembered: Remembered,
) -> anyhow::Result<App> {
    let choice = match args.color {
        ColorWhen::Auto => ColorChoice::Auto,
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
    };
    let mode = ColorMode::detect(choice, |name| std::env::var(name).ok());
    let preset = match args.theme {
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
        },
        mouse: config.mouse && !args.no_mouse,
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
