use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use whosaid::cli::{self, Cli, ColorWhen, Command, EXIT_NOTHING_READ, EXIT_OK, EXIT_SOME_FAILED};
use whosaid::load::{self, Input};
use whosaid::tui::{self, ColorChoice, ColorMode, Keymap, Options, ReaderOptions, Theme};
use whosaid::{Document, annotate};

fn main() -> ExitCode {
    let args = Cli::parse();
    match &args.command {
        Some(Command::Annotate(annotate)) => cli::run_annotate(annotate),
        None => read(&args),
    }
}

/// `whosaid [FILE]...`: the reader on a terminal, the text summary otherwise.
fn read(args: &Cli) -> ExitCode {
    let interactive = io::stdout().is_terminal();
    if args.files.is_empty() && !interactive {
        return cli::print_bundled_summary();
    }
    let (documents, failed) = if args.files.is_empty() {
        (vec![annotate(&load::bundled())], 0)
    } else {
        load_all(&args.files)
    };
    if documents.is_empty() {
        return ExitCode::from(EXIT_NOTHING_READ);
    }
    let result = if interactive {
        open_reader(documents, &args.reader)
    } else {
        print_summaries(&documents)
    };
    if let Err(error) = result {
        cli::complain(format!("whosaid: {error:#}"));
        return ExitCode::from(EXIT_NOTHING_READ);
    }
    ExitCode::from(if failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

/// Loads every story the arguments name (files, folders, `-`), annotating
/// articles and keeping documents that are already annotated; reports what
/// cannot be read. Returns the documents and the number of failed inputs.
fn load_all(args: &[String]) -> (Vec<Document>, usize) {
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
        match load::open(source) {
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

fn open_reader(documents: Vec<Document>, args: &cli::ReaderArgs) -> anyhow::Result<()> {
    let choice = match args.color {
        ColorWhen::Auto => ColorChoice::Auto,
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
    };
    let mode = ColorMode::detect(choice, |name| std::env::var(name).ok());
    let options = ReaderOptions {
        app: Options {
            theme: Theme::new(mode),
            keymap: Keymap::default(),
        },
        mouse: !args.no_mouse,
    };
    tui::run(documents, options).context("terminal error")
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
