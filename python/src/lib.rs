//! `whosaid._whosaid`, the native part of the Python package: the annotator
//! core behind `whosaid.annotate` and `whosaid.annotate_many`.
//!
//! A document is built as the command line builds it: the core reads the
//! fields ([`whosaid_core::plain::article_with`]), annotates in compact
//! form, and the same `Serialize` that writes the command line's JSON
//! builds the dict (through `pythonize`, with no JSON text between: that
//! took half the time). One code path, so the dict equals
//! `whosaid annotate --format json` for the same input, key for key.

mod item;
mod many;

use pyo3::prelude::*;

/// The module. Its functions are documented in `whosaid/__init__.pyi`.
#[pymodule]
mod _whosaid {
    use pyo3::prelude::*;

    #[pymodule_export]
    use crate::many::AnnotateMany;

    #[pymodule_export]
    const SCHEMA: &str = whosaid_core::model::SCHEMA;

    #[pymodule_export]
    const ERROR_SCHEMA: &str = crate::item::ERROR_SCHEMA;

    /// annotate(text, title=None, date=None, id=None) -> dict
    ///
    /// The whosaid/1 document of one story.
    #[pyfunction]
    #[pyo3(signature = (text, title=None, date=None, id=None))]
    fn annotate(
        py: Python<'_>,
        text: String,
        title: Option<String>,
        date: Option<Bound<'_, PyAny>>,
        id: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let story = crate::item::Story {
            text,
            id: id.map(|id| crate::item::id_of(&id)).transpose()?,
            title,
            date: date.map(|date| crate::item::date_of(&date)).transpose()?,
        };
        // Annotating takes milliseconds; other Python threads run meanwhile.
        let annotation = py.detach(|| story.annotate())?;
        crate::to_python(py, &annotation)
    }

    /// annotate_many(items, threads=None, on_error="raise") -> Iterator[dict]
    ///
    /// The documents of many stories, in input order.
    #[pyfunction]
    #[pyo3(signature = (items, threads=None, on_error="raise"))]
    fn annotate_many(
        items: &Bound<'_, PyAny>,
        threads: Option<usize>,
        on_error: &str,
    ) -> PyResult<AnnotateMany> {
        AnnotateMany::new(items, threads, on_error)
    }
}

/// A document → Python dicts, lists, strs, ints and floats.
fn to_python(py: Python<'_>, document: &impl serde::Serialize) -> PyResult<Py<PyAny>> {
    Ok(pythonize::pythonize(py, document)?.unbind())
}
