//! `whosaid annotate`: inputs → annotated documents → stdout, in input
//! order, annotated in parallel; problems go to stderr and into the exit status.

use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;
use std::sync::Arc;

use rayon::ThreadPoolBuilder;

use super::bad_line::{self, BadLine, OnError};
use super::pipeline::ordered;
use super::progress::Progress;
use super::render::{self, Rendered, Story, render, separator};
use super::stories::{self, Reporter, annotate_input, annotate_story, problem_line, warning_line};
use super::{AnnotateArgs, EXIT_NOTHING_READ, Format, InputMode, exit_status, write_failed};
use crate::load::lines::{Line, Lines, MAX_LINE_BYTES};
use crate::load::{self, Input, InputFormat, LoadError, MAX_LINE_PROBLEMS, ReadLimits, Source};

/// A batch ends at this many items (files or lines) or bytes of input,
/// whichever comes first: with the longest line allowed, these bound the
/// memory used however long the input is.
const BATCH_ITEMS: usize = 1024;
const BATCH_BYTES: u64 = 8 << 20;

/// Runs `whosaid annotate`, writing documents to stdout and problems to stderr.
pub fn run_annotate(args: &AnnotateArgs) -> ExitCode {
    let on_error = match args.on_error() {
        Ok(on_error) => on_error,
        Err(usage) => {
            super::complain(format!("whosaid: {usage}"));
            return ExitCode::from(EXIT_NOTHING_READ);
        }
    };
    let pool = match ThreadPoolBuilder::new()
        // 0 is rayon's "one per core".
        .num_threads(args.jobs.unwrap_or(0))
        .build()
    {
        Ok(pool) => pool,
        Err(error) => {
            super::complain(format!("whosaid: cannot start threads: {error}"));
            return ExitCode::from(EXIT_NOTHING_READ);
        }
    };
    let limits = args.read.limits();
    let found = load::discover(&args.files);
    let all_lines = args.input == InputMode::Jsonl;
    let streams_lines = all_lines || found.sources.iter().any(is_json_lines);
    // A bar needs a total; lines are counted as they come.
    let progress = if streams_lines {
        Progress::new(None, "stories")
    } else {
        Progress::new(Some(found.sources.len()), "files")
    };
    let mut sink = Sink {
        out: BufWriter::new(io::stdout().lock()),
        format: args.format(),
        written: 0,
        documents: Vec::new(),
        stories: 0,
        failed: 0,
        on_error,
        stopped: false,
        hidden: None,
        report: Reporter::with_progress(progress),
    };
    for warning in &found.warnings {
        sink.report.warning(warning);
    }
    for problem in &found.problems {
        sink.report.problem(problem);
    }
    sink.failed += found.problems.len();

    let mut feed = Feed {
        sources: found.sources.into_iter(),
        current: None,
        all_lines,
        limits,
    };
    let format = sink.format;
    let result = sink
        .start()
        .and_then(|()| {
            ordered(
                &pool,
                || feed.next_batch(),
                |item| work(format, &limits, all_lines, item),
                |outcome| sink.take(outcome),
            )
        })
        .and_then(|()| sink.finish());
    sink.report.progress().finish();
    if sink.stopped {
        // `--on-error fail`: what came before the bad line is kept.
        return match sink.out.flush() {
            Ok(()) => ExitCode::from(EXIT_NOTHING_READ),
            Err(error) => write_failed(error),
        };
    }
    if let Err(error) = result {
        return write_failed(error);
    }
    exit_status(sink.stories, sink.failed)
}

/// JSON Lines files are read a line at a time, in constant memory, and their
/// lines annotated in parallel like files.
fn is_json_lines(source: &Source) -> bool {
    matches!(source, Source::File(path) if InputFormat::from_extension(path) == Some(InputFormat::JsonLines))
}

/// Reads, annotates and renders one file or line (on a worker thread).
/// `all_lines`: every input is a stream (`--input jsonl`), where a blank
/// line is a bad line, since it too must have its line of output.
fn work(format: Format, limits: &ReadLimits, all_lines: bool, item: Item) -> Outcome {
    let mut outcome = Outcome::default();
    match item {
        Item::File(source) => {
            let read = stories::read(&source, limits);
            outcome.failed = read.failed;
            outcome.warnings = read.warnings;
            outcome.problems = read.problems;
            for input in read.inputs {
                outcome.add(format, input);
            }
        }
        Item::Line(source, line) => {
            line_outcome(&mut outcome, format, &source, &line, all_lines);
            outcome.line_of = Some(source);
        }
        Item::Failed(error, Some(source)) => {
            match BadLine::from_error(error) {
                Ok(bad) => outcome.bad = Some(bad),
                Err(error) => outcome.fail(&error),
            }
            outcome.line_of = Some(source);
        }
        Item::Failed(error, None) => outcome.fail(&error),
    }
    outcome
}

/// One line of a stream: its document, or the bad line it is.
fn line_outcome(outcome: &mut Outcome, format: Format, source: &str, line: &Line, all_lines: bool) {
    let read = bad_line::read_line(source, line.number, &line.text, all_lines);
    let id = match &read {
        Ok(input) => input.as_ref().and_then(bad_line::id_of),
        Err(bad) => bad.id.clone(),
    };
    if line.lossy {
        outcome.warnings.push(format!(
            "{source}:{}{}: invalid UTF-8; undecodable bytes shown as U+FFFD",
            line.number,
            load::id_note(id.as_deref())
        ));
    }
    let bad = |error| BadLine {
        line: line.number,
        id: id.clone(),
        error,
    };
    let input = match read {
        Ok(Some(input)) => input,
        Ok(None) => return,
        Err(bad) => {
            outcome.bad = Some(bad);
            return;
        }
    };
    let rendered = annotate_story(input)
        .and_then(|story| render(format, story).map_err(|error| format!("cannot render: {error}")));
    match rendered {
        Ok(rendered) => outcome.documents.push(rendered),
        Err(error) => outcome.bad = Some(bad(error)),
    }
}

/// What became of one file or line.
#[derive(Default)]
struct Outcome {
    documents: Vec<Rendered>,
    warnings: Vec<String>,
    problems: Vec<String>,
    failed: usize,
    /// The source, when this is one line of it.
    line_of: Option<Arc<str>>,
    /// The line, when it gave no document.
    bad: Option<BadLine>,
}

impl Outcome {
    fn add(&mut self, format: Format, input: Input) {
        let story: Story = match annotate_input(input) {
            Ok(story) => story,
            Err(problem) => {
                self.problems.push(problem);
                self.failed += 1;
                return;
            }
        };
        let source = story.source();
        match render(format, story) {
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
    documents: Vec<Story>,
    stories: usize,
    failed: usize,
    on_error: OnError,
    /// Set when a bad line stopped the run (`--on-error fail`).
    stopped: bool,
    /// Messages about the lines of one source: the first
    /// [`MAX_LINE_PROBLEMS`] are shown, the rest counted (a stream of a
    /// million bad lines must not flood the terminal).
    hidden: Option<LineMessages>,
    report: Reporter,
}

struct LineMessages {
    source: Arc<str>,
    shown: usize,
    hidden: usize,
}

impl Sink {
    fn start(&mut self) -> io::Result<()> {
        if self.format == Format::Csv {
            super::csv::write_header(&mut self.out)?;
        }
        Ok(())
    }

    fn take(&mut self, outcome: Outcome) -> io::Result<()> {
        let source = outcome.line_of.as_deref().unwrap_or("-");
        let bad = outcome
            .bad
            .as_ref()
            .map(|bad| problem_line(bad.message(source)));
        let messages = outcome
            .warnings
            .iter()
            .map(warning_line)
            .chain(outcome.problems.iter().map(problem_line))
            .chain(bad);
        match &outcome.line_of {
            Some(source) => {
                if self.hidden.as_ref().is_none_or(|h| h.source != *source) {
                    self.end_of_lines();
                    self.hidden = Some(LineMessages {
                        source: Arc::clone(source),
                        shown: 0,
                        hidden: 0,
                    });
                }
                for message in messages {
                    let Some(lines) = self.hidden.as_mut() else {
                        break;
                    };
                    if lines.shown < MAX_LINE_PROBLEMS {
                        lines.shown += 1;
                        self.report.line(&message);
                    } else {
                        lines.hidden += 1;
                    }
                }
            }
            None => {
                self.end_of_lines();
                messages.for_each(|message| self.report.line(&message));
            }
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
                Rendered::Direct(story) => {
                    if self.written > 0 {
                        self.out.write_all(separator(self.format))?;
                    }
                    render::write(self.format, *story, &mut self.out)?;
                    self.written += 1;
                }
                Rendered::Whole(story) => self.documents.push(*story),
            }
        }
        if let Some(bad) = &outcome.bad {
            match self.on_error {
                OnError::Emit => {
                    // `emit` is only allowed with JSON Lines, which has no separator.
                    bad.write_document(source, &mut self.out)?;
                    self.written += 1;
                }
                OnError::Skip => self.failed += 1,
                OnError::Fail => {
                    self.failed += 1;
                    self.stopped = true;
                    // Ends the run; `run_annotate` tells it from a write error by `stopped`.
                    return Err(io::Error::other("stopped at a bad line (--on-error fail)"));
                }
            }
        }
        self.report.progress().advance(1);
        Ok(())
    }

    /// Tells how many messages about the last source's lines were not shown.
    fn end_of_lines(&mut self) {
        if let Some(lines) = self.hidden.take()
            && lines.hidden > 0
        {
            self.report.problem(format_args!(
                "{}: {} more bad lines or warnings not shown",
                lines.source, lines.hidden
            ));
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        self.end_of_lines();
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

/// One unit of work.
enum Item {
    /// A whole file, read in the worker.
    File(Source),
    /// One line of a JSON Lines source.
    Line(Arc<str>, Line),
    /// A source that could not be opened, or a line of one (named) that
    /// could not be read.
    Failed(LoadError, Option<Arc<str>>),
}

/// The inputs, in order, cut into batches: whole files, or the lines of
/// JSON Lines sources (all sources with `--input jsonl`).
struct Feed {
    sources: std::vec::IntoIter<Source>,
    current: Option<(Arc<str>, SourceLines)>,
    all_lines: bool,
    limits: ReadLimits,
}

impl Feed {
    /// Up to [`BATCH_ITEMS`] items or [`BATCH_BYTES`] bytes; empty at the end.
    fn next_batch(&mut self) -> Vec<Item> {
        let mut batch = Vec::new();
        let mut bytes = 0u64;
        while batch.len() < BATCH_ITEMS && bytes < BATCH_BYTES {
            let Some((name, lines)) = self.current.as_mut() else {
                let Some(source) = self.sources.next() else {
                    break;
                };
                if !self.all_lines && !is_json_lines(&source) {
                    if let Source::File(path) = &source {
                        bytes += std::fs::metadata(path).map_or(0, |m| m.len());
                    }
                    batch.push(Item::File(source));
                    continue;
                }
                match open_lines(&source, &self.limits) {
                    Ok(lines) => self.current = Some((Arc::from(source.name()), lines)),
                    Err(error) => batch.push(Item::Failed(error, None)),
                }
                continue;
            };
            // Counted as read, so an over-long line ends the batch and is
            // reported at once, not after the next thousand lines.
            let before = lines.consumed();
            let next = lines.next();
            bytes += lines.consumed() - before;
            match next {
                Some(Ok(line)) => batch.push(Item::Line(Arc::clone(name), line)),
                Some(Err(error)) => batch.push(Item::Failed(error, Some(Arc::clone(name)))),
                None => self.current = None,
            }
        }
        batch
    }
}

/// A source's lines: any number of them, but none longer than the limits allow.
fn open_lines(source: &Source, limits: &ReadLimits) -> Result<SourceLines, LoadError> {
    let name = source.name();
    let reader: Box<dyn BufRead + Send> = match source {
        Source::Stdin => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
        Source::File(path) => {
            // Streamed, so a file longer than the limit is read too.
            let unlimited = ReadLimits {
                max_bytes: u64::MAX,
                ..*limits
            };
            let file = load::limits::open_file(&name, path, &unlimited)?;
            Box::new(BufReader::with_capacity(1 << 16, file))
        }
        // A web page is fetched whole (it is small, by the fetch limits)
        // and its lines read from memory.
        Source::Url(url) => {
            let fetched = load::fetch::fetch(url, &load::fetch_options(limits), None)?;
            load::fetch::readable(url, &fetched)?;
            Box::new(io::Cursor::new(fetched.body))
        }
    };
    // UTF-16 (with its mark) is decoded as it streams.
    let reader =
        load::bom::utf8_stream(reader).map_err(|error| LoadError::from_io(&name, error))?;
    Ok(Lines::with_limits(
        reader,
        &name,
        MAX_LINE_BYTES,
        limits.max_bytes,
    ))
}
