//! One story from Python (a text, or a mapping with `text`, `id`, `title`,
//! `date`), read while holding the GIL into plain Rust data that the
//! annotating threads can take without it.

use std::panic::{self, AssertUnwindSafe};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyInt, PyString};
use whosaid_core::annotate::{Annotation, annotate_compact};
use whosaid_core::plain::{Fields, article_with};

/// The `schema` of the document given in place of a bad item, the same as
/// the command line's `--on-error emit`.
pub const ERROR_SCHEMA: &str = "whosaid/1-error";

/// A story's fields, owned.
#[derive(Debug, Clone, Default)]
pub struct Story {
    pub text: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
}

/// Why an item gave no document, in a form that crosses threads: turned
/// into a Python exception (or an error document) when its turn comes.
#[derive(Debug, Clone)]
pub enum Failure {
    /// The item is not a text or a mapping of the right fields.
    Type(String),
    /// A field's value is wrong (a date off the calendar).
    Value(String),
    /// The annotator panicked: a bug, reported rather than crashing Python.
    Bug(String),
}

impl Failure {
    pub fn message(&self) -> &str {
        match self {
            Failure::Type(message) | Failure::Value(message) | Failure::Bug(message) => message,
        }
    }

    pub fn into_err(self) -> PyErr {
        match self {
            Failure::Type(message) => PyTypeError::new_err(message),
            Failure::Value(message) => PyValueError::new_err(message),
            Failure::Bug(message) => PyRuntimeError::new_err(message),
        }
    }
}

impl From<Failure> for PyErr {
    fn from(failure: Failure) -> PyErr {
        failure.into_err()
    }
}

impl Story {
    /// Reads an item of `annotate_many`.
    pub fn from_item(item: &Bound<'_, PyAny>) -> Result<Story, Failure> {
        if let Ok(text) = item.cast::<PyString>() {
            return Ok(Story {
                text: text.to_string(),
                ..Story::default()
            });
        }
        let field = |name: &str| -> Result<Option<Bound<'_, PyAny>>, Failure> {
            match item.get_item(name) {
                // NaN is how pandas marks a missing value in a column of objects.
                Ok(value) if value.is_none() || is_nan(&value) => Ok(None),
                Ok(value) => Ok(Some(value)),
                Err(error) if error.is_instance_of::<pyo3::exceptions::PyKeyError>(item.py()) => {
                    Ok(None)
                }
                Err(_) => Err(Failure::Type(format!(
                    "an item must be a str or a mapping with a `text` key, not {}",
                    type_name(item)
                ))),
            }
        };
        let string = |name: &str| -> Result<Option<String>, Failure> {
            field(name)?
                .map(|value| {
                    value.extract::<String>().map_err(|_| {
                        Failure::Type(format!("`{name}` must be a str, not {}", type_name(&value)))
                    })
                })
                .transpose()
        };
        let id = field("id")?
            .map(|id| id_of(&id).map_err(|_| Failure::Type(id_type_error(&id))))
            .transpose()?;
        let Some(text) = string("text")? else {
            return Err(Failure::Type(
                "an item must be a str or a mapping with a `text` key (missing `text`)".into(),
            ));
        };
        let date = field("date")?.map(|date| date_of(&date)).transpose()?;
        Ok(Story {
            text,
            id,
            title: string("title")?,
            date,
        })
    }

    /// The `whosaid/1` document, in the compact form that serializes as
    /// the command line's JSON. Needs no GIL.
    pub fn annotate(&self) -> Result<Annotation, Failure> {
        let fields = Fields {
            id: self.id.as_deref(),
            title: self.title.as_deref(),
            date: self.date.as_deref(),
        };
        let article =
            article_with(&self.text, fields).map_err(|error| Failure::Value(error.to_string()))?;
        // A panic is a bug in the annotator; it costs this story, not the
        // interpreter or the other stories of a batch.
        panic::catch_unwind(AssertUnwindSafe(|| annotate_compact(article))).map_err(|_| {
            Failure::Bug(
                "the annotator failed on this input (this is a bug; please report it)".into(),
            )
        })
    }
}

/// An id as the command line keeps it: a str as it is, an int as its digits.
pub fn id_of(id: &Bound<'_, PyAny>) -> PyResult<String> {
    if id.is_instance_of::<PyInt>() && !id.is_instance_of::<pyo3::types::PyBool>() {
        return Ok(id.str()?.to_string());
    }
    id.extract::<String>()
        .map_err(|_| PyTypeError::new_err(id_type_error(id)))
}

fn is_nan(value: &Bound<'_, PyAny>) -> bool {
    value.is_instance_of::<PyFloat>() && value.extract::<f64>().is_ok_and(f64::is_nan)
}

/// A date as a str, or a `datetime.date`, `datetime.datetime` or pandas
/// `Timestamp` (what a DataFrame's date column holds) by its `isoformat()`.
pub fn date_of(date: &Bound<'_, PyAny>) -> Result<String, Failure> {
    if let Ok(date) = date.extract::<String>() {
        return Ok(date);
    }
    let is_date = date
        .py()
        .import("datetime")
        .and_then(|module| module.getattr("date"))
        .and_then(|class| date.is_instance(&class))
        .unwrap_or(false);
    if is_date && let Ok(text) = date.call_method0("isoformat").and_then(|t| t.extract()) {
        return Ok(text);
    }
    Err(Failure::Type(format!(
        "`date` must be a str or a datetime.date, not {}",
        type_name(date)
    )))
}

fn id_type_error(id: &Bound<'_, PyAny>) -> String {
    format!("`id` must be a str or an int, not {}", type_name(id))
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".to_string(), |name| name.to_string())
}

/// The error document for the item at `line` (counting from 1).
pub fn error_document(line: usize, id: Option<&str>, failure: &Failure) -> serde_json::Value {
    serde_json::json!({
        "schema": ERROR_SCHEMA,
        "source": null,
        "line": line,
        "id": id,
        "error": failure.message(),
    })
}
