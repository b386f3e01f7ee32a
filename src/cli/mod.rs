//! The command line: argument parsing and the `annotate` command.

mod reader;
mod report;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::annotate::annotate;
use crate::load;
use crate::model::Document;

pub use reader::{ColorWhen, ReaderArgs};
pub use report::write_text;

/// Exit status when every input was read.
pub const EXIT_OK: u8 = 0;
/// Exit status when some inputs could not be read (the others were processed).
pub const EXIT_SOME_FAILED: u8 = 1;
/// Exit status for a usage error, or when no input could be read at all.
pub const EXIT_NOTHING_READ: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Who said what in a news story: read it with its speakers, quotes and countries highlighted",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Stories to open in the reader (`-` reads standard input). With none,
    /// the bundled story opens.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,

    #[command(flatten)]
    pub reader: ReaderArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the speakers, claims and countries of stories.
    Annotate(AnnotateArgs),
}

#[derive(Debug, clap::Args)]
pub struct AnnotateArgs {
    /// Output format: `json` (one pretty document; an array for several files),
    /// `jsonl` (one compact document per line, in input order) or `text` (a summary to read).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,

    /// Stories to annotate; `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
    Text,
}

/// Runs `whosaid annotate`, writing documents to stdout and problems to stderr.
pub fn run_annotate(args: &AnnotateArgs) -> ExitCode {
    let stdout = io::stdout().lock();
    let mut out = BufWriter::new(stdout);
    let mut failed = 0usize;
    let mut documents = Vec::new();
    for path in &args.files {
        match load::read_path(path) {
            Ok(loaded) => {
                for warning in &loaded.warnings {
                    eprintln!("whosaid: warning: {warning}");
                }
                let document = annotate(&loaded.article);
                // jsonl streams; the other formats need every document first.
                if args.format == Format::Jsonl {
                    if let Err(error) = write_jsonl(&mut out, &document) {
                        return write_failed(error);
                    }
                } else {
                    documents.push(document);
                }
            }
            Err(error) => {
                eprintln!("whosaid: {error}");
                failed += 1;
            }
        }
    }
    let written = match args.format {
        Format::Jsonl => Ok(()),
        Format::Json => write_json(&mut out, &documents),
        Format::Text => documents.iter().enumerate().try_for_each(|(n, document)| {
            if n > 0 {
                writeln!(out)?;
            }
            write_text(&mut out, document)
        }),
    };
    if let Err(error) = written.and_then(|()| out.flush()) {
        return write_failed(error);
    }
    exit_status(failed, args.files.len())
}

/// Prints the bundled story's summary (what `whosaid` shows without a terminal).
pub fn print_bundled_summary() -> ExitCode {
    let document = annotate(&load::bundled());
    let mut out = io::stdout().lock();
    match write_text(&mut out, &document).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => write_failed(error),
    }
}

fn exit_status(failed: usize, total: usize) -> ExitCode {
    ExitCode::from(match failed {
        0 => EXIT_OK,
        n if n == total => EXIT_NOTHING_READ,
        _ => EXIT_SOME_FAILED,
    })
}

fn write_jsonl(out: &mut impl Write, document: &Document) -> io::Result<()> {
    serde_json::to_writer(&mut *out, document)?;
    out.write_all(b"\n")
}

fn write_json(out: &mut impl Write, documents: &[Document]) -> io::Result<()> {
    match documents {
        [] => return Ok(()),
        [document] => serde_json::to_writer_pretty(&mut *out, document)?,
        many => serde_json::to_writer_pretty(&mut *out, many)?,
    }
    out.write_all(b"\n")
}

/// A closed pipe (`whosaid annotate … | head`) is not an error worth a message.
fn write_failed(error: io::Error) -> ExitCode {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("whosaid: cannot write output: {error}");
    ExitCode::from(EXIT_NOTHING_READ)
}
