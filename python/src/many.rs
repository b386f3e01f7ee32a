//! `annotate_many`: an iterator over documents in input order. Items are
//! taken from the Python iterable a batch at a time (with the GIL), the
//! batch is annotated on a thread pool (without it), and its documents are
//! handed out one by one; so memory holds one batch, however long the input.

use std::collections::VecDeque;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyIterator;
use rayon::ThreadPool;
use rayon::prelude::*;

use whosaid_core::annotate::Annotation;

use crate::item::{Failure, Story, error_document, id_of};

/// Items per batch for each thread: enough that the pool's hand-off is
/// small beside the work (a story takes about a millisecond), few enough
/// that the first document comes soon.
const ITEMS_PER_THREAD: usize = 32;

/// Threads `threads=` may ask for, as the command line's `-j` allows.
const MAX_THREADS: usize = 256;

/// What one item became, in its turn.
enum Done {
    /// A `whosaid/1` document, turned into Python objects in its turn.
    Document(Box<Annotation>),
    /// An error document.
    Error(serde_json::Value),
    /// An exception to raise in the item's place.
    Raise(PyErr),
}

/// An item read from Python, before annotating.
enum Prepared {
    Story {
        line: usize,
        story: Story,
    },
    Bad {
        line: usize,
        id: Option<String>,
        failure: Failure,
    },
    /// The iterable itself raised: passed on as it is, in its place.
    Raised(PyErr),
}

/// The iterator `annotate_many` returns.
#[pyclass(module = "whosaid")]
pub struct AnnotateMany {
    items: Option<Py<PyIterator>>,
    pool: Option<ThreadPool>,
    batch: usize,
    emit: bool,
    /// Items read so far, for the error documents' `line`.
    read: usize,
    ready: VecDeque<Done>,
}

impl AnnotateMany {
    pub fn new(items: &Bound<'_, PyAny>, threads: Option<usize>, on_error: &str) -> PyResult<Self> {
        let emit = match on_error {
            "raise" => false,
            "emit" => true,
            other => {
                return Err(PyValueError::new_err(format!(
                    "on_error must be \"raise\" or \"emit\", not {other:?}"
                )));
            }
        };
        let threads = match threads {
            None => std::thread::available_parallelism().map_or(1, usize::from),
            Some(n) if (1..=MAX_THREADS).contains(&n) => n,
            Some(n) => {
                return Err(PyValueError::new_err(format!(
                    "threads must be from 1 to {MAX_THREADS}, not {n}"
                )));
            }
        };
        // One thread annotates on the caller's thread: no pool to start.
        let pool = match threads {
            1 => None,
            n => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|error| {
                        pyo3::exceptions::PyRuntimeError::new_err(format!(
                            "cannot start {n} threads: {error}"
                        ))
                    })?,
            ),
        };
        Ok(AnnotateMany {
            items: Some(items.try_iter()?.unbind()),
            pool,
            batch: threads * ITEMS_PER_THREAD,
            emit,
            read: 0,
            ready: VecDeque::new(),
        })
    }

    /// Reads up to a batch of items; stops early at the end, or at an
    /// exception from the iterable (which ends the input).
    fn take_batch(&mut self, py: Python<'_>) -> Vec<Prepared> {
        let Some(items) = &self.items else {
            return Vec::new();
        };
        let mut items = items.bind(py).clone();
        let mut batch = Vec::with_capacity(self.batch);
        while batch.len() < self.batch {
            match items.next() {
                None => {
                    self.items = None;
                    break;
                }
                Some(Err(error)) => {
                    batch.push(Prepared::Raised(error));
                    self.items = None;
                    break;
                }
                Some(Ok(item)) => {
                    self.read += 1;
                    let line = self.read;
                    batch.push(match Story::from_item(&item) {
                        Ok(story) => Prepared::Story { line, story },
                        Err(failure) => Prepared::Bad {
                            line,
                            id: readable_id(&item),
                            failure,
                        },
                    });
                }
            }
        }
        batch
    }

    /// Annotates a batch, without the GIL, in order.
    fn annotate(&self, py: Python<'_>, batch: Vec<Prepared>) -> Vec<Done> {
        let emit = self.emit;
        let one = move |prepared: Prepared| -> Done {
            let (line, id, failure) = match prepared {
                Prepared::Raised(error) => return Done::Raise(error),
                Prepared::Story { line, story } => match story.annotate() {
                    Ok(annotation) => return Done::Document(Box::new(annotation)),
                    Err(failure) => (line, story.id, failure),
                },
                Prepared::Bad { line, id, failure } => (line, id, failure),
            };
            match emit {
                true => Done::Error(error_document(line, id.as_deref(), &failure)),
                false => Done::Raise(failure.into_err()),
            }
        };
        py.detach(|| match &self.pool {
            Some(pool) => pool.install(|| batch.into_par_iter().map(one).collect()),
            None => batch.into_iter().map(one).collect(),
        })
    }
}

#[pymethods]
impl AnnotateMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        if self.ready.is_empty() {
            let batch = self.take_batch(py);
            let done = self.annotate(py, batch);
            self.ready.extend(done);
        }
        match self.ready.pop_front() {
            None => Ok(None),
            Some(Done::Document(annotation)) => crate::to_python(py, &*annotation).map(Some),
            Some(Done::Error(document)) => crate::to_python(py, &document).map(Some),
            Some(Done::Raise(error)) => Err(error),
        }
    }
}

/// The id of an item that could not be read, when it has a readable one.
fn readable_id(item: &Bound<'_, PyAny>) -> Option<String> {
    let id = item.get_item("id").ok()?;
    if id.is_none() {
        return None;
    }
    id_of(&id).ok()
}
