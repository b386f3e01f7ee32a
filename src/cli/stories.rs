//! The one way a story is read and annotated, for `annotate`, the reader
//! and its background loader alike: [`read`] turns a source into inputs,
//! warnings and problems; [`annotate_input`] turns one input into an
//! annotated story, or a problem when the annotator fails on it (a panic
//! costs that story only, never the run or the reader). [`Reporter`] is
//! where warnings and problems are told on stderr.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::fmt::Display;
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};

use super::progress::Progress;
use super::render::Story;
use crate::annotate::annotate_compact;
use crate::load::{self, Input, ReadLimits, Source};
use crate::safe_text::one_line;
use crate::tui::Feed;

/// What one source gave: its stories still to annotate (or already
/// annotated), and what went wrong on the way.
#[derive(Default)]
pub struct Read {
    pub inputs: Vec<Input>,
    /// Caveats that did not stop anything from loading ("invalid UTF-8 …").
    pub warnings: Vec<String>,
    /// What could not be read, one message each (for a JSON Lines file,
    /// the first bad lines; the rest are counted in `failed`).
    pub problems: Vec<String>,
    /// Inputs lost: 1 when the source could not be read at all, else its
    /// bad lines.
    pub failed: usize,
}

/// Reads one source (a file or stdin) within `limits`. A panic while
/// reading (a bug in a format's reader) is a problem with that source.
pub fn read(source: &Source, limits: &ReadLimits) -> Read {
    let opened = match catching(|| load::open(source, limits)) {
        Ok(opened) => opened,
        Err(message) => {
            return Read {
                problems: vec![format!(
                    "{}: reading failed: {message} (this is a bug; please report it)",
                    source.name()
                )],
                failed: 1,
                ..Read::default()
            };
        }
    };
    match opened {
        Ok(opened) => Read {
            inputs: opened.inputs,
            warnings: opened.warnings,
            problems: opened.problems.iter().map(ToString::to_string).collect(),
            failed: opened.bad_lines,
        },
        Err(error) => Read {
            problems: vec![error.to_string()],
            failed: 1,
            ..Read::default()
        },
    }
}

/// Annotates one input (an already annotated document is passed on as it
/// is). `Err` is the problem to report when the annotator panicked on it:
/// a bug met on one story must not lose the rest of a long run, nor leave
/// the reader waiting for a story that never comes.
pub fn annotate_input(input: Input) -> Result<Story, String> {
    let (source, id) = match &input {
        Input::Article(article) => (article.meta.source.clone(), article.meta.id.clone()),
        Input::Annotated(_) => (None, None),
    };
    annotate_story(input).map_err(|message| {
        format!(
            "{}{}: {message}",
            source.unwrap_or_default(),
            load::id_note(id.as_deref())
        )
    })
}

/// [`annotate_input`], with a problem that does not name the story (for a
/// caller that names it its own way: a line of a stream by its number).
pub fn annotate_story(input: Input) -> Result<Story, String> {
    match input {
        Input::Article(article) => catching(|| {
            test_fault::strike(&article);
            annotate_compact(article)
        })
        .map(|annotation| Story::Fresh(Box::new(annotation)))
        .map_err(|message| {
            format!(
                "the annotator failed on this input: {message} (this is a bug; please report it)"
            )
        }),
        Input::Annotated(document) => Ok(Story::Loaded(document)),
    }
}

thread_local! {
    /// Set while [`catching`] runs `work` on this thread: a panic there is
    /// caught and reported as a problem, so the panic hook keeps quiet
    /// (in the reader, a message on stderr would tear the screen).
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// The caught panic's message and place, recorded by the hook.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `work`, turning a panic into its message (sanitised, with where it
/// happened when the hook saw it).
pub fn catching<R>(work: impl FnOnce() -> R) -> Result<R, String> {
    let was = CATCHING.with(|c| c.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    CATCHING.with(|c| c.set(was));
    result.map_err(|payload| {
        let message = CAUGHT
            .with(|c| c.borrow_mut().take())
            .unwrap_or_else(|| panic_message(payload.as_ref()).to_string());
        one_line(&message).into_owned()
    })
}

/// Whether a panic on this thread, now, is one [`catching`] will catch
/// and report (for the reader's panic hook, which then keeps the terminal).
pub fn panic_is_caught() -> bool {
    CATCHING.with(Cell::get)
}

/// For the panic hook: when the panic is one [`catching`] will report,
/// records its message and returns true (print nothing).
pub(super) fn caught_quietly(info: &PanicHookInfo<'_>) -> bool {
    if !panic_is_caught() {
        return false;
    }
    let place = info
        .location()
        .map(|at| format!(" at {}:{}", at.file(), at.line()))
        .unwrap_or_default();
    let message = format!("{}{place}", panic_message(info.payload()));
    CAUGHT.with(|c| *c.borrow_mut() = Some(message));
    true
}

/// A panic's message, when it has one of the usual kinds.
pub(super) fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

/// Where warnings and problems about the inputs are told: stderr, above
/// the progress bar when there is one, every line through the sanitiser
/// (file names and messages quoting the input are untrusted).
pub struct Reporter {
    progress: Progress,
}

impl Reporter {
    /// Messages only.
    pub fn plain() -> Self {
        Reporter {
            progress: Progress::hidden(),
        }
    }

    /// Messages printed above `progress`.
    pub fn with_progress(progress: Progress) -> Self {
        Reporter { progress }
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn warning(&self, warning: impl Display) {
        self.line(&warning_line(warning));
    }

    pub fn problem(&self, problem: impl Display) {
        self.line(&problem_line(problem));
    }

    /// A message the loader sent the reader (stories themselves are not told).
    pub fn feed(&self, feed: &Feed) {
        match feed {
            Feed::Problem(problem) => self.problem(problem),
            Feed::Warning(warning) => self.warning(warning),
            Feed::Found(_) | Feed::Ready(_) | Feed::Done => {}
        }
    }

    /// One line as it is, for messages already worded (see [`warning_line`]).
    pub fn line(&self, line: &str) {
        self.progress.message(line);
    }
}

pub fn warning_line(warning: impl Display) -> String {
    format!("whosaid: warning: {warning}")
}

pub fn problem_line(problem: impl Display) -> String {
    format!("whosaid: {problem}")
}

/// A panic the tests cause in the annotator, to check that it is reported
/// as a problem for that input: with `WHOSAID_TEST_FAULT=annotate` (read
/// only by debug builds; always in unit tests), annotating a story that
/// contains [`test_fault::MARKER`] panics. A release build never fails on
/// purpose.
pub mod test_fault {
    use std::sync::OnceLock;

    use crate::load::Article;

    /// The text that makes an armed annotator panic.
    pub const MARKER: &str = "WHOSAID-TEST-ANNOTATOR-PANIC";

    fn armed() -> bool {
        if cfg!(test) {
            return true;
        }
        if !cfg!(debug_assertions) {
            return false;
        }
        static ARMED: OnceLock<bool> = OnceLock::new();
        *ARMED.get_or_init(|| {
            std::env::var("WHOSAID_TEST_FAULT").is_ok_and(|fault| fault == "annotate")
        })
    }

    pub(super) fn strike(article: &Article) {
        if armed() && article.paragraphs.iter().any(|p| p.text.contains(MARKER)) {
            panic!("a panic caused by WHOSAID_TEST_FAULT");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_the_annotator_is_a_problem_for_that_story() {
        let mut article =
            load::plain::parse(&format!("Headline\n\nSome text {}.", test_fault::MARKER));
        article.meta.source = Some("bad\x1b[2J.txt".into());
        let problem = annotate_input(Input::Article(article))
            .err()
            .expect("the annotator panicked");
        assert!(
            problem.starts_with("bad\x1b[2J.txt: the annotator failed on this input: a panic caused by WHOSAID_TEST_FAULT"),
            "{problem}"
        );
        let good = load::plain::parse("Headline\n\n“We agree,” the mayor said.");
        assert!(annotate_input(Input::Article(good)).is_ok());
    }

    #[test]
    fn a_caught_panic_message_is_sanitised() {
        let message = catching(|| panic!("bad \x1b]0;title\x07 text")).expect_err("caught");
        assert!(
            !message.contains('\x1b') && !message.contains('\x07'),
            "{message:?}"
        );
        assert!(
            message.contains("bad ") && message.contains(" text"),
            "{message}"
        );
    }
}
