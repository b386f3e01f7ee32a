//! Lines of a JSON Lines stream that give no document, and what
//! `--on-error` does with them: one output line per input line (`emit`),
//! today's drop-and-report (`skip`), or stop at the first (`fail`).

use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;

use super::stories::catching;
use crate::load::{self, Input, LoadError};

/// The `schema` of the document written in place of a bad line.
pub const ERROR_SCHEMA: &str = "whosaid/1-error";

/// What to do with a line of a stream that gives no document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnError {
    /// Write an error document in its place, so output line N is input
    /// line N; exit 0. The default with `--input jsonl --format jsonl`.
    Emit,
    /// Leave it out and report it on stderr; exit 1.
    Skip,
    /// Stop at once; exit 2.
    Fail,
}

/// A line that gave no document: its number within its input (file or
/// stdin), the article's id when the line gives one, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub line: usize,
    pub id: Option<String>,
    pub error: String,
}

/// The error document, as one line of `--format jsonl` output. Every key
/// is always written (`id` as null when unknown), so a reader can declare
/// one fixed schema for it.
#[derive(Serialize)]
struct ErrorDocument<'a> {
    schema: &'static str,
    source: &'a str,
    line: usize,
    id: Option<&'a str>,
    error: &'a str,
}

impl BadLine {
    /// The line a reading error is about, when it is about one line (an
    /// over-long line, say); `Err` gives back any other error.
    pub fn from_error(error: LoadError) -> Result<BadLine, LoadError> {
        match error {
            LoadError::Line {
                line, id, message, ..
            } => Ok(BadLine {
                line,
                id,
                error: message,
            }),
            other => Err(other),
        }
    }

    /// The message for stderr: place, id, why.
    pub fn message(&self, source: &str) -> String {
        format!(
            "{source}:{}{}: {}",
            self.line,
            load::id_note(self.id.as_deref()),
            self.error
        )
    }

    /// Writes the error document and its line end.
    pub fn write_document(&self, source: &str, out: &mut impl Write) -> io::Result<()> {
        let document = ErrorDocument {
            schema: ERROR_SCHEMA,
            source,
            line: self.line,
            id: self.id.as_deref(),
            error: &self.error,
        };
        serde_json::to_writer(&mut *out, &document)?;
        out.write_all(b"\n")
    }
}

/// Reads one line of a stream: a story, `None` for a blank line that is
/// not counted as bad (`blank_is_bad` false: a `.jsonl` file read with
/// `--input auto`), or the bad line. A panic while reading (a bug) is a
/// bad line too, so one line cannot stop a long run.
pub fn read_line(
    source: &str,
    number: usize,
    text: &str,
    blank_is_bad: bool,
) -> Result<Option<Input>, BadLine> {
    let bad = |id, error| BadLine {
        line: number,
        id,
        error,
    };
    match catching(|| load::json::parse_line(source, number, text)) {
        Ok(Ok(Some(input))) => Ok(Some(input)),
        Ok(Ok(None)) if blank_is_bad => Err(bad(None, "blank line".to_string())),
        Ok(Ok(None)) => Ok(None),
        Ok(Err(error)) => {
            Err(BadLine::from_error(error).unwrap_or_else(|error| bad(None, error.to_string())))
        }
        Err(message) => Err(bad(
            None,
            format!("reading failed: {message} (this is a bug; please report it)"),
        )),
    }
}

/// The id of a story read from a line, for messages about it.
pub fn id_of(input: &Input) -> Option<String> {
    match input {
        Input::Article(article) => article.meta.id.clone(),
        Input::Annotated(document) => document.meta.id.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_bad_line_is_numbered_with_its_id() {
        let bad = |text: &str| read_line("-", 9, text, true).unwrap_err();
        let cases = [
            ("", None, "blank line"),
            ("  \r", None, "blank line"),
            (r#"{"id":"k1","text":"#, Some("k1"), "invalid JSON"),
            (
                r#"{"id":2,"title":"x"}"#,
                Some("2"),
                "not an article: missing field `text`",
            ),
            (
                r#"{"id":"k3","text":7}"#,
                Some("k3"),
                "not an article: `text` must be a string",
            ),
            (
                r#"{"id":"k4","date":"2024-13-01","text":"x"}"#,
                Some("k4"),
                "not an article: `date` \"2024-13-01\" is not a calendar date",
            ),
        ];
        for (text, id, error) in cases {
            let line = bad(text);
            assert_eq!((line.line, line.id.as_deref()), (9, id), "{text}");
            assert!(line.error.starts_with(error), "{text}: {}", line.error);
        }
        assert!(read_line("-", 1, "", false).unwrap().is_none());
    }

    #[test]
    fn the_error_document_has_every_key_and_the_message_names_the_id() {
        let line = BadLine {
            line: 452,
            id: Some("a\"7".into()),
            error: "invalid JSON".into(),
        };
        let mut out = Vec::new();
        line.write_document("-", &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"schema\":\"whosaid/1-error\",\"source\":\"-\",\"line\":452,\"id\":\"a\\\"7\",\"error\":\"invalid JSON\"}\n"
        );
        assert_eq!(
            line.message("feed.jsonl"),
            "feed.jsonl:452 (id a\"7): invalid JSON"
        );
        let mut out = Vec::new();
        let anonymous = BadLine { id: None, ..line };
        anonymous.write_document("-", &mut out).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("\"id\":null"));
    }
}
