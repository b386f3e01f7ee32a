//! One annotated document → the bytes of an output format, so workers can
//! render in parallel and the writer only copies.

use std::io::{self, Write};

use super::Format;
use super::csv::write_rows;
use super::markdown::write_markdown;
use super::report::write_text;
use crate::model::Document;

/// A document ready for output.
pub enum Rendered {
    /// The document's part of the output, complete.
    Bytes(Vec<u8>),
    /// A long story, written straight to the output by the writer: rendered
    /// into memory first, its output (several times its text) would sit
    /// beside it.
    Direct(Box<Document>),
    /// `--format json` writes one document bare and several as an array, so
    /// it needs every document before it writes.
    Document(Box<Document>),
}

/// Stories with more text than this, in bytes, are not rendered ahead.
const RENDER_AHEAD_LIMIT: usize = 1 << 20;

/// Renders `document` in `format`.
pub fn render(format: Format, document: Document) -> io::Result<Rendered> {
    if format == Format::Json {
        return Ok(Rendered::Document(Box::new(document)));
    }
    let text: usize = document.paragraphs.iter().map(|p| p.text.len()).sum();
    if text > RENDER_AHEAD_LIMIT {
        return Ok(Rendered::Direct(Box::new(document)));
    }
    let mut out = Vec::new();
    write(format, &document, &mut out)?;
    Ok(Rendered::Bytes(out))
}

/// Writes `document` in `format` (not `json`, which the writer arranges).
pub fn write(format: Format, document: &Document, out: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Json => serde_json::to_writer_pretty(&mut *out, document)?,
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, document)?;
            out.write_all(b"\n")?;
        }
        Format::Text => write_text(out, document)?,
        Format::Markdown => write_markdown(out, document)?,
        Format::Csv => write_rows(out, document)?,
    }
    Ok(())
}

/// What goes between two documents: a blank line for the formats people read.
pub fn separator(format: Format) -> &'static [u8] {
    match format {
        Format::Text | Format::Markdown => b"\n",
        Format::Json | Format::Jsonl | Format::Csv => b"",
    }
}
