//! The command line: argument parsing, the reader command (`read_cmd`),
//! the `annotate` command, and the one load-and-annotate path both use
//! (`stories`).

mod annotate_cmd;
mod archive_cmd;
pub mod background;
mod bad_line;
pub mod csv;
mod feeds;
mod keeper;
pub mod markdown;
mod pipeline;
mod progress;
mod read_cmd;
mod reader;
mod render;
mod report;
mod search_cmd;
pub mod stories;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

pub use annotate_cmd::run_annotate;
pub use archive_cmd::run_archive;
pub use bad_line::{ERROR_SCHEMA, OnError};
pub use markdown::write_markdown;
pub use read_cmd::{run_feed, run_reader};
pub use reader::{ColorWhen, ReadArgs, ReaderArgs, ReaderLook, ThemeName};
pub use report::write_text;
pub use search_cmd::run_search;

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
    args_conflicts_with_subcommands = true,
    // Plain, so a rendered message holds nothing but its text and the
    // arguments it quotes, which `parse_args` shows safely.
    styles = clap::builder::Styles::plain()
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Stories to open in the reader: files, folders (read recursively),
    /// http(s) addresses (fetched) or `-` for standard input. With none, the
    /// bundled story opens.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,

    #[command(flatten)]
    pub reader: ReaderArgs,

    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the speakers, claims and countries of stories.
    Annotate(AnnotateArgs),
    /// Read news feeds (RSS, Atom, JSON Feed) in the reader: each item's
    /// whole article, fetched from its page when the feed has only a summary.
    Feed(FeedArgs),
    /// The archive of stored stories: open them all in the reader (newest
    /// first, as annotated when stored), add stories, export or re-annotate them.
    Archive(ArchiveArgs),
    /// Find claims in the archive by their words, speaker, country and date.
    Search(SearchArgs),
}

#[derive(Debug, clap::Args)]
pub struct FeedArgs {
    /// Feeds to read: http(s) addresses or files.
    #[arg(value_name = "FEED", required = true)]
    pub feeds: Vec<String>,

    #[command(flatten)]
    pub look: ReaderLook,

    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ArchiveArgs {
    #[command(subcommand)]
    pub action: Option<ArchiveAction>,

    /// Write every stored document, in the order stored, instead of opening
    /// the reader: `jsonl` is one `whosaid/1` document per line.
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with = "reannotate")]
    pub export: Option<ExportFormat>,

    /// Where `--export` writes (default: standard output).
    #[arg(long, value_name = "FILE", requires = "export")]
    pub output: Option<std::path::PathBuf>,

    /// Annotate again, from the text stored, every story that another
    /// version of whosaid annotated.
    #[arg(long)]
    pub reannotate: bool,

    /// Threads to annotate on with `--reannotate`, from 1 to 256 (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<usize>,

    #[command(flatten)]
    pub look: ReaderLook,
}

#[derive(Debug, Subcommand)]
pub enum ArchiveAction {
    /// Read, annotate and store stories (files, folders, `-`); a story
    /// already stored (same URL, or same text) is updated, not duplicated.
    Add(ArchiveAddArgs),
}

#[derive(Debug, clap::Args)]
pub struct ArchiveAddArgs {
    /// Stories to store: files, folders (read recursively) or `-` for
    /// standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<String>,

    /// Threads to annotate on, from 1 to 256 (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<usize>,

    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Words to find in claims and speakers' names (all of them; FTS5
    /// operators are taken as words).
    #[arg(value_name = "QUERY", required = true)]
    pub query: Vec<String>,

    /// Only claims whose speaker's name contains this (any case).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Only stories that mention this country, or quote someone tied to it
    /// (ISO code: `DE`; or a bloc: `EU`).
    #[arg(long, value_name = "CODE")]
    pub country: Option<String>,

    /// Only stories dated on or after this day (`YYYY-MM-DD`).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only stories dated on or before this day (`YYYY-MM-DD`).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// At most this many hits (default: all).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// `text` (a block per claim), `json` (an array of hits) or `csv` (a row per hit).
    #[arg(long, value_enum, default_value_t = SearchFormat::Text)]
    pub format: SearchFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    Text,
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct AnnotateArgs {
    /// Output format: `json` (one pretty document; an array for several stories),
    /// `jsonl` (one compact document per line, in input order), `text` (a summary
    /// to read), `csv` (one row per claim) or `markdown` (a report per story).
    /// The default is `jsonl` with `--input jsonl`, `json` otherwise.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// How to read the inputs: `auto` (each file by its extension or content)
    /// or `jsonl` (JSON Lines of articles, one story per line, streamed in
    /// constant memory).
    #[arg(long, value_enum, default_value_t = InputMode::Auto)]
    pub input: InputMode,

    /// What to do with a line of JSON Lines that gives no document (invalid
    /// JSON, no `text`, a field of the wrong type, a date off the calendar,
    /// a blank line with `--input jsonl`): `emit` writes an error document
    /// (`"schema":"whosaid/1-error"`) in its place, so there is one output
    /// line per input line, and exits 0; `skip` leaves it out and exits 1;
    /// `fail` stops at once and exits 2. The default is `emit` with
    /// `--input jsonl --format jsonl`, `skip` otherwise; `emit` needs
    /// `--format jsonl`.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub on_error: Option<OnError>,

    /// Threads to annotate on, from 1 to 256 (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<usize>,

    /// Stories to annotate: files, folders (read recursively), http(s)
    /// addresses (fetched) or `-` for standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<String>,

    #[command(flatten)]
    pub read: ReadArgs,
}

/// Threads `-j` may ask for at most. Annotating is CPU-bound, so threads
/// beyond the cores only wait, and the thread pool's start-up grows faster
/// than linearly with its size (on 2 cores: 0.1 s more at 64 threads, 1.4 s
/// at 256, 6 s at 512, 71 s at 2,000). 256 covers the largest common machines.
pub const MAX_JOBS: usize = 256;

/// `-j N`: a whole number from 1 to [`MAX_JOBS`].
fn parse_jobs(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(jobs) if (1..=MAX_JOBS).contains(&jobs) => Ok(jobs),
        _ => Err(format!(
            "the number of threads is a whole number from 1 to {MAX_JOBS}"
        )),
    }
}

impl AnnotateArgs {
    /// The output format, with its default filled in.
    pub fn format(&self) -> Format {
        self.format.unwrap_or(match self.input {
            InputMode::Jsonl => Format::Jsonl,
            InputMode::Auto => Format::Json,
        })
    }

    /// What to do with bad lines, with its default filled in; `Err` is the
    /// usage error for `emit` with a format that has no place for an error
    /// document.
    pub fn on_error(&self) -> Result<OnError, String> {
        let streams = self.input == InputMode::Jsonl && self.format() == Format::Jsonl;
        match self.on_error {
            Some(OnError::Emit) if self.format() != Format::Jsonl => Err(
                "--on-error emit writes error documents as JSON Lines; use it with --format jsonl"
                    .to_string(),
            ),
            Some(on_error) => Ok(on_error),
            None if streams => Ok(OnError::Emit),
            None => Ok(OnError::Skip),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
    Text,
    Csv,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputMode {
    Auto,
    Jsonl,
}

/// Parses the command line. clap's messages quote the arguments, which are
/// untrusted (a file name that a shell glob expanded can hold escape
/// sequences), so they are printed through the sanitiser, never as clap
/// would write them. `Err` holds the exit status once the message (or the
/// help) is out.
pub fn parse_args() -> Result<Cli, ExitCode> {
    Cli::try_parse().map_err(|error| {
        // `ansi()`, not `to_string()`: the latter strips escape sequences
        // from the quoted argument, hiding what the file is really called.
        // With plain styles there are no others.
        let text = crate::safe_text::lines(&error.render().ansi().to_string());
        let written = if error.use_stderr() {
            io::stderr().lock().write_all(text.as_bytes())
        } else {
            let mut out = io::stdout().lock();
            out.write_all(text.as_bytes()).and_then(|()| out.flush())
        };
        match written {
            Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
                complain(format!("whosaid: cannot write: {error}"));
                ExitCode::from(EXIT_NOTHING_READ)
            }
            _ => ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(EXIT_NOTHING_READ)),
        }
    })
}

/// Makes panic messages safe to print: the standard library's own messages
/// can quote the text being processed (a string sliced at a bad offset), and
/// article text is untrusted. Installed first, so the reader's hooks, which
/// restore the terminal, run before it.
pub fn sanitise_panic_messages() {
    std::panic::set_hook(Box::new(|info| {
        // A panic the load-and-annotate path catches is reported there, as
        // a problem with the input.
        if stories::caught_quietly(info) {
            return;
        }
        let message = stories::panic_message(info.payload());
        let place = info
            .location()
            .map(|at| format!(" at {}:{}", at.file(), at.line()))
            .unwrap_or_default();
        let thread = std::thread::current();
        let thread = thread.name().unwrap_or("unnamed");
        complain(format!(
            "whosaid: internal error in thread '{thread}'{place}: {message} (this is a bug; please report it)"
        ));
    }));
}

/// Prints one message on stderr. File names, and messages that quote the
/// input (a JSON error naming a bad value), are untrusted text too: control
/// characters in them are shown as placeholders, never sent to the terminal.
pub fn complain(message: impl std::fmt::Display) {
    let message = message.to_string();
    let line = crate::safe_text::one_line(&message);
    // Not `eprintln!`, which panics when stderr cannot be written (and this
    // is what the panic hook calls): with stderr gone there is nobody left
    // to tell, and the exit status still says what happened.
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// Writes `bytes` to stdout; the exit status says whether that worked.
pub fn print(bytes: &[u8]) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => write_failed(error),
    }
}

/// The exit status after `stories` stories were read and `failed` inputs
/// (files, folders or lines) were not.
fn exit_status(stories: usize, failed: usize) -> ExitCode {
    ExitCode::from(match (stories, failed) {
        (_, 0) => EXIT_OK,
        (0, _) => EXIT_NOTHING_READ,
        _ => EXIT_SOME_FAILED,
    })
}

/// A closed pipe (`whosaid annotate … | head`) is not an error worth a message.
fn write_failed(error: io::Error) -> ExitCode {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    complain(format!("whosaid: cannot write output: {error}"));
    ExitCode::from(EXIT_NOTHING_READ)
}
