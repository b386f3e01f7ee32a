use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use whosaid::cli::{self, Cli, ColorWhen, Command, EXIT_NOTHING_READ, EXIT_OK, EXIT_SOME_FAILED};
use whosaid::tui::{self, ColorChoice, ColorMode, Keymap, Options, ReaderOptions, Theme};
use whosaid::{Document, annotate, load};

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
        eprintln!("whosaid: {error:#}");
        return ExitCode::from(EXIT_NOTHING_READ);
    }
    ExitCode::from(if failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

/// Loads and annotates every file, reporting the ones that cannot be read.
fn load_all(paths: &[String]) -> (Vec<Document>, usize) {
    let mut documents = Vec::new();
    let mut failed = 0;
    for path in paths {
        match load::read_path(path) {
            Ok(loaded) => {
                for warning in &loaded.warnings {
                    eprintln!("whosaid: warning: {warning}");
                }
                documents.push(annotate(&loaded.article));
            }
            Err(error) => {
                eprintln!("whosaid: {error}");
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
