//! One annotated document → the bytes of an output format, so workers can
//! render in parallel and the writer only copies.

use std::io;

use super::Format;
use super::csv::write_rows;
use super::markdown::write_markdown;
use super::report::write_text;
use crate::model::Document;

/// A document ready for output.
pub enum Rendered {
    /// The document's part of the output, complete.
    Bytes(Vec<u8>),
    /// `--format json` writes one document bare and several as an array, so
    /// it needs every document before it writes.
    Document(Box<Document>),
}

/// Renders `document` in `format`.
pub fn render(format: Format, document: Document) -> io::Result<Rendered> {
    let mut out = Vec::new();
    match format {
        Format::Json => return Ok(Rendered::Document(Box::new(document))),
        Format::Jsonl => {
            serde_json::to_writer(&mut out, &document)?;
            out.push(b'\n');
        }
        Format::Text => write_text(&mut out, &document)?,
        Format::Markdown => write_markdown(&mut out, &document)?,
        Format::Csv => write_rows(&mut out, &document)?,
    }
    Ok(Rendered::Bytes(out))
}

/// What goes between two documents: a blank line for the formats people read.
pub fn separator(format: Format) -> &'static [u8] {
    match format {
        Format::Text | Format::Markdown => b"\n",
        Format::Json | Format::Jsonl | Format::Csv => b"",
    }
}
