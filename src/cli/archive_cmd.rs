//! `whosaid archive`: the stored stories in the reader (or listed, when
//! stdout is not a terminal), `archive add`, `--export jsonl` and
//! `--reannotate`. Storage itself is [`crate::archive`]'s.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::ThreadPoolBuilder;
use rayon::prelude::*;

use super::progress::Progress;
use super::stories::{self, Reporter};
use super::{ArchiveAction, ArchiveAddArgs, ArchiveArgs, EXIT_NOTHING_READ, EXIT_OK, ExportFormat};
use crate::archive::{self, Archive, FetchInfo, Reading};
use crate::load::{self, Input};
use crate::model::{Article, Document};
use crate::safe_text::one_line;

/// Sources read and annotated (in parallel) before their stories are stored
/// in one transaction.
const ADD_CHUNK: usize = 64;
/// Stories re-annotated, then stored, per transaction.
const REANNOTATE_CHUNK: usize = 256;

/// Runs `whosaid archive …`.
pub fn run_archive(args: &ArchiveArgs) -> ExitCode {
    let report = Reporter::plain();
    let Some(path) = archive_path(&report) else {
        return ExitCode::from(EXIT_NOTHING_READ);
    };
    let result = match (&args.action, args.export, args.reannotate) {
        (Some(ArchiveAction::Add(add)), _, _) => return run_add(add, path, &report),
        (None, Some(ExportFormat::Jsonl), _) => export(path, args.output.as_ref()),
        (None, None, true) => reannotate(path, args.jobs, &report),
        (None, None, false) => return open(args, path, &report),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            report.problem(format_args!("{error:#}"));
            ExitCode::from(EXIT_NOTHING_READ)
        }
    }
}

/// The archive's file, or `None` (told) when there is no data directory.
pub(super) fn archive_path(report: &Reporter) -> Option<PathBuf> {
    let path = archive::archive_path(|name| std::env::var(name).ok());
    if path.is_none() {
        report.problem("no data directory for the archive: set WHOSAID_DATA_DIR");
    }
    path
}

/// An archive that must exist, its problem told.
pub(super) fn open_existing(path: &std::path::Path, report: &Reporter) -> Option<Archive> {
    Archive::open_existing(path)
        .map_err(|error| report.problem(error))
        .ok()
}

/// `whosaid archive add FILE…`: each story read and annotated by the one
/// load-and-annotate path, then stored (a batch per transaction).
fn run_add(args: &ArchiveAddArgs, path: PathBuf, report: &Reporter) -> ExitCode {
    let mut archive = match Archive::open(&path) {
        Ok(archive) => archive,
        Err(error) => {
            report.problem(error);
            return ExitCode::from(EXIT_NOTHING_READ);
        }
    };
    let pool = match ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
    {
        Ok(pool) => pool,
        Err(error) => {
            report.problem(format_args!("cannot start threads: {error}"));
            return ExitCode::from(EXIT_NOTHING_READ);
        }
    };
    let limits = args.read.limits();
    let found = load::discover(&args.files);
    let report = Reporter::with_progress(Progress::new(Some(found.sources.len()), "files"));
    for warning in &found.warnings {
        report.warning(warning);
    }
    for problem in &found.problems {
        report.problem(problem);
    }
    let mut failed = found.problems.len();
    let (mut new, mut updated) = (0, 0);
    let fetch = FetchInfo::default();
    for chunk in found.sources.chunks(ADD_CHUNK) {
        let read: Vec<_> = pool.install(|| {
            chunk
                .par_iter()
                .map(|source| read_and_annotate(source, &limits))
                .collect()
        });
        let mut stories: Vec<(Article, Document, &str)> = Vec::new();
        for (story_list, notes) in read {
            for note in notes {
                match note {
                    Note::Warning(warning) => report.warning(warning),
                    Note::Problem(problem) => {
                        report.problem(problem);
                        failed += 1;
                    }
                }
            }
            stories.extend(story_list);
        }
        match archive.store_all_as(stories.iter().map(|(a, d, by)| (a, d, &fetch, *by))) {
            Ok(stored) => {
                let fresh = stored.iter().filter(|s| s.new).count();
                new += fresh;
                updated += stored.len() - fresh;
            }
            Err(error) => {
                report.progress().finish();
                report.problem(error);
                return ExitCode::from(EXIT_NOTHING_READ);
            }
        }
        report.progress().advance(chunk.len());
    }
    report.progress().finish();
    let stories = new + updated;
    report.line(&format!(
        "whosaid: stored {stories} {} ({new} new, {updated} updated) in {}",
        plural(stories, "story", "stories"),
        one_line(&archive.path().display().to_string())
    ));
    super::exit_status(stories, failed)
}

enum Note {
    Warning(String),
    Problem(String),
}

/// One source's stories, each with the article it was annotated from and
/// the annotator's version (a document read already annotated gives its
/// own text as the article, by an unknown version).
fn read_and_annotate(
    source: &load::Source,
    limits: &load::ReadLimits,
) -> (Vec<(Article, Document, &'static str)>, Vec<Note>) {
    let read = stories::read(source, limits);
    let mut notes: Vec<Note> = read.warnings.into_iter().map(Note::Warning).collect();
    notes.extend(read.problems.into_iter().map(Note::Problem));
    let mut done = Vec::with_capacity(read.inputs.len());
    for input in read.inputs {
        let (article, by) = match &input {
            Input::Article(article) => (article.clone(), archive::ANNOTATOR_VERSION),
            Input::Annotated(document) => (archive::article_of(&**document), archive::IMPORTED),
        };
        match stories::annotate_input(input) {
            Ok(story) => done.push((article, story.into_document(), by)),
            Err(problem) => notes.push(Note::Problem(problem)),
        }
    }
    (done, notes)
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// `whosaid archive`: the reader on every stored story, newest first, as
/// annotated when stored; without a terminal, one line per story.
fn open(args: &ArchiveArgs, path: PathBuf, report: &Reporter) -> ExitCode {
    let Some(archive) = open_existing(&path, report) else {
        return ExitCode::from(EXIT_NOTHING_READ);
    };
    if io::stdout().is_terminal() {
        match archive.is_empty() {
            Ok(false) => {}
            Ok(true) => {
                report.problem(
                    "the archive is empty: store stories with `whosaid archive add FILE…`",
                );
                return ExitCode::from(EXIT_NOTHING_READ);
            }
            Err(error) => {
                report.problem(error);
                return ExitCode::from(EXIT_NOTHING_READ);
            }
        }
        drop(archive);
        return super::read_cmd::read_archive_in_terminal(&args.look, path, report);
    }
    match print_list(&archive) {
        Ok(0) => {
            report.problem("the archive is empty: store stories with `whosaid archive add FILE…`");
            ExitCode::from(EXIT_NOTHING_READ)
        }
        Ok(_) => ExitCode::from(EXIT_OK),
        Err(error) => {
            report.problem(format_args!("{error:#}"));
            ExitCode::from(EXIT_NOTHING_READ)
        }
    }
}

/// Saves in the archive which stories the reader opened and where each
/// was left (the state file keeps them too, by content; the archive keeps
/// them with the story, for whatever else reads it).
pub(super) fn remember_reading(
    path: &std::path::Path,
    app: &crate::tui::App,
) -> Result<(), archive::ArchiveError> {
    let readings: Vec<Reading> = app
        .library
        .entries
        .iter()
        .filter_map(|entry| {
            let document = entry.doc.as_ref()?;
            let position = entry
                .key
                .as_ref()
                .and_then(|k| app.positions.get(k))
                .copied();
            (entry.read || position.is_some()).then(|| Reading {
                key: archive::story_key(&archive::article_of(&**document)),
                read: entry.read,
                position,
            })
        })
        .collect();
    if readings.is_empty() {
        return Ok(());
    }
    Archive::open_existing(path)?.remember(&readings)
}

/// One line per stored story, newest first: date, claims, title, where from.
fn print_list(archive: &Archive) -> anyhow::Result<usize> {
    let listed = archive.list()?;
    let mut out = BufWriter::new(io::stdout().lock());
    let written = listed.iter().try_for_each(|story| {
        let meta = &story.meta;
        let from = meta
            .site
            .as_deref()
            .or(meta.url.as_deref())
            .or(meta.source.as_deref())
            .unwrap_or("");
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            meta.date.as_deref().unwrap_or("----------"),
            story.claims,
            one_line(meta.title.as_deref().unwrap_or("")),
            one_line(from)
        )
    });
    finish_writing(written.and_then(|()| out.flush()))?;
    Ok(listed.len())
}

/// A closed pipe (`| head`) ends output quietly; other write errors are errors.
fn finish_writing(written: io::Result<()>) -> anyhow::Result<()> {
    match written {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(error).context("cannot write output"))
        }
        _ => Ok(()),
    }
}

/// Why an export stopped: the archive, or the output.
#[derive(Debug, thiserror::Error)]
enum ExportError {
    #[error(transparent)]
    Archive(#[from] archive::ArchiveError),
    #[error("cannot write output: {0}")]
    Write(#[from] io::Error),
}

/// `whosaid archive --export jsonl`: every stored document, in the order
/// stored, one per line, streamed (constant memory).
fn export(path: PathBuf, output: Option<&PathBuf>) -> anyhow::Result<ExitCode> {
    let archive = Archive::open_existing(&path)?;
    let out: Box<dyn Write> = match output {
        Some(file) => Box::new(
            File::create(file)
                .map_err(|error| anyhow::anyhow!("cannot create {}: {error}", file.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    let written = archive
        .each_document_json(|json| -> Result<(), ExportError> {
            out.write_all(json.as_bytes())?;
            out.write_all(b"\n")?;
            Ok(())
        })
        .and_then(|()| out.flush().map_err(ExportError::from));
    match written {
        Ok(()) => Ok(ExitCode::from(EXIT_OK)),
        Err(ExportError::Write(error)) => {
            finish_writing(Err(error)).map(|()| ExitCode::from(EXIT_OK))
        }
        Err(error) => Err(error.into()),
    }
}

/// `whosaid archive --reannotate`: every story another version annotated,
/// annotated again from its stored article, a batch per transaction.
fn reannotate(path: PathBuf, jobs: Option<usize>, report: &Reporter) -> anyhow::Result<ExitCode> {
    let mut archive = Archive::open_existing(&path)?;
    let pool = ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|error| anyhow::anyhow!("cannot start threads: {error}"))?;
    let total = archive.stale_count()?;
    let progress = Progress::new(Some(total), "stories");
    let mut after = 0;
    let (mut done, mut failed) = (0, 0);
    loop {
        let batch = archive.stale(after, REANNOTATE_CHUNK)?;
        let Some(&(last, _)) = batch.last() else {
            break;
        };
        after = last;
        let count = batch.len();
        let results: Vec<Result<(i64, Document), String>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|(id, article)| {
                    stories::annotate_story(Input::Article(article))
                        .map(|story| (id, story.into_document()))
                })
                .collect()
        });
        let mut documents = Vec::with_capacity(count);
        for result in results {
            match result {
                Ok(document) => documents.push(document),
                Err(problem) => {
                    progress.message(&stories::problem_line(problem));
                    failed += 1;
                }
            }
        }
        archive.replace_annotations(&documents)?;
        done += documents.len();
        progress.advance(count);
    }
    progress.finish();
    report.line(&format!(
        "whosaid: re-annotated {done} {} with {}",
        plural(done, "story", "stories"),
        archive::ANNOTATOR_VERSION
    ));
    Ok(super::exit_status(done, failed))
}
