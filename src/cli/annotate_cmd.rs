//! `whosaid annotate`: inputs → annotated documents → stdout, in input
//! order, annotated in parallel; problems go to stderr and into the exit status.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;
use std::sync::Arc;

use rayon::{ThreadPool, ThreadPoolBuilder};

use super::pipeline::ordered;
use super::progress::Progress;
use super::render::{Rendered, render, separator};
use super::{AnnotateArgs, EXIT_NOTHING_READ, Format, InputMode, exit_status, write_failed};
use crate::annotate::annotate;
use crate::load::lines::{Line, Lines};
use crate::load::{self, Input, LoadError, MAX_LINE_PROBLEMS, Source};
use crate::model::Document;

/// Files read per thread in one batch.
const FILES_PER_THREAD: usize = 8;
/// Lines in one batch of `--input jsonl`, and their most bytes: together
/// with the longest line allowed, these bound the memory used.
const BATCH_LINES: usize = 1024;
const BATCH_BYTES: usize = 8 << 20;

/// Runs `whosaid annotate`, writing documents to stdout and problems to stderr.
pub fn run_annotate(args: &AnnotateArgs) -> ExitCode {
    let pool = match ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
    {
        Ok(pool) => pool,
        Err(error) => {
            eprintln!("whosaid: cannot start threads: {error}");
            return ExitCode::from(EXIT_NOTHING_READ);
        }
    };
    let found = load::discover(&args.files);
    let progress = match args.input {
        InputMode::Auto => Progress::new(Some(found.sources.len()), "files"),
        InputMode::Jsonl => Progress::new(None, "lines"),
    };
    let mut sink = Sink {
        out: BufWriter::new(io::stdout().lock()),
        format: args.format(),
        written: 0,
        documents: Vec::new(),
        stories: 0,
        failed: 0,
        message_cap: match args.input {
            InputMode::Auto => usize::MAX,
            InputMode::Jsonl => MAX_LINE_PROBLEMS,
        },
        messages: 0,
        hidden_messages: 0,
        progress,
    };
    for warning in &found.warnings {
        sink.progress
            .message(&format!("whosaid: warning: {warning}"));
    }
    for problem in &found.problems {
        sink.progress.message(&format!("whosaid: {problem}"));
    }
    sink.failed += found.problems.len();

    let result = sink.start().and_then(|()| match args.input {
        InputMode::Auto => annotate_files(&pool, found.sources, &mut sink),
        InputMode::Jsonl => annotate_lines(&pool, found.sources, &mut sink),
    });
    let result = result.and_then(|()| sink.finish());
    sink.progress.finish();
    if let Err(error) = result {
        return write_failed(error);
    }
    exit_status(sink.stories, sink.failed)
}

/// Each file read, annotated and rendered on the pool, a batch at a time.
fn annotate_files(pool: &ThreadPool, sources: Vec<Source>, sink: &mut Sink) -> io::Result<()> {
    let format = sink.format;
    let batch = pool.current_num_threads() * FILES_PER_THREAD;
    let mut sources = sources.into_iter();
    ordered(
        pool,
        || sources.by_ref().take(batch).collect(),
        |source| {
            let mut outcome = Outcome::default();
            match load::open(&source) {
                Ok(opened) => {
                    outcome.failed = opened.bad_lines;
                    outcome.warnings = opened.warnings;
                    outcome.problems = opened.problems.iter().map(ToString::to_string).collect();
                    for input in opened.inputs {
                        outcome.add(format, input);
                    }
                }
                Err(error) => outcome.fail(&error),
            }
            outcome
        },
        |outcome| sink.take(outcome),
    )
}

/// JSON Lines streamed from each source in turn, a bounded batch at a time.
fn annotate_lines(pool: &ThreadPool, sources: Vec<Source>, sink: &mut Sink) -> io::Result<()> {
    let format = sink.format;
    let mut feed = LineFeed {
        sources: sources.into_iter(),
        current: None,
    };
    ordered(
        pool,
        || feed.next_batch(),
        |item| {
            let mut outcome = Outcome::default();
            match item {
                Item::Line(source, line) => {
                    if line.lossy {
                        outcome.warnings.push(format!(
                            "{source}:{}: invalid UTF-8; undecodable bytes shown as U+FFFD",
                            line.number
                        ));
                    }
                    match load::json::parse_line(&source, line.number, &line.text) {
                        Ok(Some(input)) => outcome.add(format, input),
                        Ok(None) => {}
                        Err(error) => outcome.fail(&error),
                    }
                }
                Item::Failed(error) => outcome.fail(&error),
            }
            outcome
        },
        |outcome| sink.take(outcome),
    )
}

/// What became of one file or line.
#[derive(Default)]
struct Outcome {
    documents: Vec<Rendered>,
    warnings: Vec<String>,
    problems: Vec<String>,
    failed: usize,
}

impl Outcome {
    fn add(&mut self, format: Format, input: Input) {
        let document: Document = match input {
            Input::Article(article) => annotate(&article),
            Input::Annotated(document) => *document,
        };
        let source = document.meta.source.clone().unwrap_or_default();
        match render(format, document) {
            Ok(rendered) => self.documents.push(rendered),
            Err(error) => {
                self.problems
                    .push(format!("{source}: cannot render: {error}"));
                self.failed += 1;
            }
        }
    }

    fn fail(&mut self, error: &LoadError) {
        self.problems.push(error.to_string());
        self.failed += 1;
    }
}

/// Where outcomes go, in order: documents to stdout, messages to stderr.
struct Sink {
    out: BufWriter<io::StdoutLock<'static>>,
    format: Format,
    written: usize,
    documents: Vec<Document>,
    stories: usize,
    failed: usize,
    /// Messages shown before the rest are only counted (a stream of a
    /// million bad lines must not flood the terminal).
    message_cap: usize,
    messages: usize,
    hidden_messages: usize,
    progress: Progress,
}

impl Sink {
    fn start(&mut self) -> io::Result<()> {
        if self.format == Format::Csv {
            super::csv::write_header(&mut self.out)?;
        }
        Ok(())
    }

    fn take(&mut self, outcome: Outcome) -> io::Result<()> {
        for warning in &outcome.warnings {
            self.message(&format!("whosaid: warning: {warning}"));
        }
        for problem in &outcome.problems {
            self.message(&format!("whosaid: {problem}"));
        }
        self.failed += outcome.failed;
        for rendered in outcome.documents {
            self.stories += 1;
            match rendered {
                Rendered::Bytes(bytes) => {
                    if self.written > 0 {
                        self.out.write_all(separator(self.format))?;
                    }
                    self.out.write_all(&bytes)?;
                    self.written += 1;
                }
                Rendered::Document(document) => self.documents.push(*document),
            }
        }
        self.progress.advance(1);
        Ok(())
    }

    fn message(&mut self, line: &str) {
        if self.messages < self.message_cap {
            self.messages += 1;
            self.progress.message(line);
        } else {
            self.hidden_messages += 1;
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.hidden_messages > 0 {
            self.progress.message(&format!(
                "whosaid: {} more problems and warnings not shown",
                self.hidden_messages
            ));
        }
        if self.format == Format::Json {
            match self.documents.as_slice() {
                [] => {}
                [document] => serde_json::to_writer_pretty(&mut self.out, document)?,
                many => serde_json::to_writer_pretty(&mut self.out, many)?,
            }
            if !self.documents.is_empty() {
                self.out.write_all(b"\n")?;
            }
        }
        self.out.flush()
    }
}

/// The lines of one source, read as they are needed.
type SourceLines = Lines<Box<dyn BufRead + Send>>;

/// One unit of `--input jsonl` work.
enum Item {
    Line(Arc<str>, Line),
    Failed(LoadError),
}

/// The lines of every source, one after the other.
struct LineFeed {
    sources: std::vec::IntoIter<Source>,
    current: Option<(Arc<str>, SourceLines)>,
}

impl LineFeed {
    /// Up to [`BATCH_LINES`] lines or [`BATCH_BYTES`] bytes; empty at the end.
    fn next_batch(&mut self) -> Vec<Item> {
        let mut batch = Vec::new();
        let mut bytes = 0usize;
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            let Some((name, lines)) = self.current.as_mut() else {
                let Some(source) = self.sources.next() else {
                    break;
                };
                match open_lines(&source) {
                    Ok(lines) => self.current = Some((Arc::from(source.name()), lines)),
                    Err(error) => batch.push(Item::Failed(error)),
                }
                continue;
            };
            match lines.next() {
                Some(Ok(line)) => {
                    bytes += line.text.len();
                    batch.push(Item::Line(Arc::clone(name), line));
                }
                Some(Err(error)) => batch.push(Item::Failed(error)),
                None => self.current = None,
            }
        }
        batch
    }
}

fn open_lines(source: &Source) -> Result<SourceLines, LoadError> {
    let name = source.name();
    let reader: Box<dyn BufRead + Send> = match source {
        Source::Stdin => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
        Source::File(path) => {
            let file = File::open(path).map_err(|error| LoadError::from_io(&name, error))?;
            Box::new(BufReader::with_capacity(1 << 16, file))
        }
    };
    Ok(Lines::new(reader, &name))
}
