use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use whosaid::cli::background::{Job, open_in_background};
use whosaid::cli::{
    self, Cli, ColorWhen, Command, EXIT_NOTHING_READ, EXIT_OK, EXIT_SOME_FAILED, ThemeName,
};
use whosaid::load::{self, Input};
use whosaid::settings::state::{LastRead, ListOrder};
use whosaid::settings::{self, Changes, Config, Dirs, State};
use whosaid::tui::library::{Remembered, Sort};
use whosaid::tui::{
    self, App, ColorChoice, ColorMode, Fault, Feed, Inbox, Options, ReaderOptions, Settings, Theme,
    ThemePreset,
};
use whosaid::{Document, annotate};

fn main() -> ExitCode {
    cli::sanitise_panic_messages();
    if stdout_at_start::was_closed() {
        cli::complain("whosaid: standard output is closed: nothing could be written");
        return ExitCode::from(EXIT_NOTHING_READ);
    }
    let args = match cli::parse_args() {
        Ok(args) => args,
        Err(status) => return status,
    };
    if args.reader.print_default_config {
        return cli::print(settings::default_config().as_bytes());
    }
    match &args.command {
        Some(Command::Annotate(annotate)) => cli::run_annotate(annotate),
        None => read(&args),
    }
}

/// Whether standard output was closed when whosaid started (`>&-`). Before
/// `main`, the standard library reopens a closed descriptor 0, 1 or 2 on
/// `/dev/null`, where every write "succeeds": output would vanish with exit
/// status 0. So a constructor, which runs before the standard library's
/// start-up code, looks at descriptor 1 as the shell left it.
mod stdout_at_start {
    use std::sync::atomic::{AtomicBool, Ordering};

    static CLOSED: AtomicBool = AtomicBool::new(false);

    pub fn was_closed() -> bool {
        CLOSED.load(Ordering::Relaxed)
    }

    #[cfg(unix)]
    extern "C" fn look() {
        // SAFETY: F_GETFD only reads the descriptor's flags; it touches no
        // memory, and is safe to call before the Rust runtime is set up.
        let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::EBADF);
        CLOSED.store(closed, Ordering::Relaxed);
    }

    // SAFETY: a pointer to a function taking and returning nothing, which is
    // what the loader calls the entries of these sections with.
    #[cfg(all(unix, not(target_vendor = "apple")))]
    #[used]
    #[unsafe(link_section = ".init_array")]
    static LOOK: extern "C" fn() = look;

    #[cfg(target_vendor = "apple")]
    #[used]
    #[unsafe(link_section = "__DATA,__mod_init_func")]
    static LOOK: extern "C" fn() = look;
}

/// `whosaid [FILE]...`: the reader on a terminal, the text summary otherwise.
fn read(args: &Cli) -> ExitCode {
    let interactive = io::stdout().is_terminal();
    if args.files.is_empty() && !interactive && !args.reader.last {
        return cli::print_bundled_summary();
    }
    if interactive {
        return read_in_terminal(args);
    }
    let (documents, failed) = load_all(&args.files, &args.read.limits());
    if documents.is_empty() {
        return ExitCode::from(EXIT_NOTHING_READ);
    }
    if let Err(error) = print_summaries(&documents) {
        cli::complain(format!("whosaid: {error:#}"));
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
fn read_in_terminal(args: &Cli) -> ExitCode {
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
                    cli::complain(format!(
                        "whosaid: warning: {}",
                        settings::config::located(path, warning)
                    ));
                }
            }
            config
        }
        Err(errors) => {
            for error in errors {
                cli::complain(format!("whosaid: {error}"));
            }
            cli::complain("whosaid: fix the config file, or see `whosaid --print-default-config`");
            return ExitCode::from(EXIT_NOTHING_READ);
        }
    };
    let state_path = dirs.state_file();
    let loaded = state_path.as_deref().map(State::load).unwrap_or_default();
    if let Some(warning) = &loaded.warning {
        cli::complain(format!("whosaid: warning: {warning}"));
    }
    let state = loaded.state;
    let files = if args.reader.last {
        if state.last_library.is_empty() {
            cli::complain("whosaid: --last: no library has been opened yet");
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
            cli::complain(format!("whosaid: warning: {warning}"));
        }
        if found.sources.is_empty() {
            for problem in &found.problems {
                cli::complain(format!("whosaid: {problem}"));
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
    let loader = open_in_background(job, inbox.feeder());
    // Nothing readable: say why here and now, not behind an empty reader.
    if let Some(feeds) = inbox.first_story(&loader) {
        for feed in feeds {
            match feed {
                Feed::Problem(problem) => cli::complain(format!("whosaid: {problem}")),
                Feed::Warning(warning) => cli::complain(format!("whosaid: warning: {warning}")),
                Feed::Found(_) | Feed::Ready(_) | Feed::Done => {}
            }
        }
        cli::complain("whosaid: no story could be read");
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
    let app = match open_reader(inbox, &args.reader, config, state.paragraphs(), remembered) {
        Ok(app) => app,
        Err(error) => {
            cli::complain(format!("whosaid: {error:#}"));
            return ExitCode::from(EXIT_NOTHING_READ);
        }
    };
    for warning in &app.library.warnings {
        cli::complain(format!("whosaid: warning: {warning}"));
    }
    for problem in &app.library.problems {
        cli::complain(format!("whosaid: {problem}"));
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
            Ok(Some(warning)) => cli::complain(format!("whosaid: warning: {warning}")),
            Err(error) => cli::complain(format!(
                "whosaid: warning: cannot save the reading positions in {}: {error}",
                path.display()
            )),
        }
    }
    let status = match (app.library.entries.len(), failed) {
        (_, 0) => EXIT_OK,
        (0, _) => EXIT_NOTHING_READ,
        _ => EXIT_SOME_FAILED,
    };
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
fn load_all(args: &[String], limits: &load::ReadLimits) -> (Vec<Document>, usize) {
    let found = load::discover(args);
    for warning in &found.warnings {
        cli::complain(format!("whosaid: warning: {warning}"));
    }
    for problem in &found.problems {
        cli::complain(format!("whosaid: {problem}"));
    }
    let mut failed = found.problems.len();
    let mut documents = Vec::new();
    for source in &found.sources {
        match load::open(source, limits) {
            Ok(opened) => {
                for warning in &opened.warnings {
                    cli::complain(format!("whosaid: warning: {warning}"));
                }
                for problem in &opened.problems {
                    cli::complain(format!("whosaid: {problem}"));
                }
                failed += opened.problems.len();
                documents.extend(opened.inputs.into_iter().map(|input| match input {
                    Input::Article(article) => annotate(&article),
                    Input::Annotated(document) => *document,
                }));
            }
            Err(error) => {
                cli::complain(format!("whosaid: {error}"));
                failed += 1;
            }
        }
    }
    (documents, failed)
}

/// Seconds since 1970, for the state file.
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn open_reader(
    inbox: Inbox,
    args: &cli::ReaderArgs,
    config: Config,
    positions: std::collections::HashMap<String, usize>,
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
    };
    tui::run(inbox, options).context("terminal error")
}

fn print_summaries(documents: &[Document]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    let written = documents.iter().enumerate().try_for_each(|(n, document)| {
        if n > 0 {
            writeln!(out)?;
        }
        cli::write_text(&mut out, document)
    });
    match written.and_then(|()| out.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(error).context("cannot write output")
        }
        _ => Ok(()),
    }
}
