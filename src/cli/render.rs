//! One annotated document → the bytes of an output format, so workers can
//! render in parallel and the writer only copies.

use std::io::{self, Write};

use super::Format;
use super::csv::write_rows;
use super::markdown::write_markdown;
use super::report::write_text;
use serde::{Serialize, Serializer};

use crate::annotate::Annotation;
use crate::model::Document;

/// An annotated story: annotated here, in compact form, or read back from a
/// `whosaid/1` file. Both write the same JSON.
pub enum Story {
    Fresh(Box<Annotation>),
    Loaded(Box<Document>),
}

impl Story {
    pub fn source(&self) -> String {
        let meta = match self {
            Story::Fresh(annotation) => annotation.meta(),
            Story::Loaded(document) => &document.meta,
        };
        meta.source.clone().unwrap_or_default()
    }

    /// Roughly what the story's output grows with: its text, and its
    /// paragraphs, each of which writes a few dozen bytes of its own.
    fn weight(&self) -> usize {
        let paragraphs = match self {
            Story::Fresh(annotation) => annotation.paragraphs(),
            Story::Loaded(document) => &document.paragraphs,
        };
        paragraphs
            .iter()
            .map(|p| p.text.len() + PARAGRAPH_WEIGHT)
            .sum()
    }

    /// The story as the reader keeps it: an annotation stays compact.
    pub fn into_doc(self) -> crate::tui::Doc {
        match self {
            Story::Fresh(annotation) => crate::tui::Doc::from(*annotation),
            Story::Loaded(document) => crate::tui::Doc::from(*document),
        }
    }

    pub fn into_document(self) -> Document {
        match self {
            Story::Fresh(annotation) => annotation.into_document(),
            Story::Loaded(document) => *document,
        }
    }
}

impl Serialize for Story {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Story::Fresh(annotation) => annotation.serialize(serializer),
            Story::Loaded(document) => document.serialize(serializer),
        }
    }
}

/// A story ready for output.
pub enum Rendered {
    /// The story's part of the output, complete.
    Bytes(Vec<u8>),
    /// A long story, written straight to the output by the writer: rendered
    /// into memory first, its output (several times its text) would sit
    /// beside it.
    Direct(Box<Story>),
    /// `--format json` writes one document bare and several as an array, so
    /// it needs every story before it writes.
    Whole(Box<Story>),
}

/// Stories heavier than this are not rendered ahead. Far above any news
/// story (a long one is 30 KB), and low enough that the outputs held for
/// the writer stay a few megabytes each.
const RENDER_AHEAD_LIMIT: usize = 256 << 10;

/// What a paragraph adds to a story's weight, besides its text: about the
/// size of its own JSON (`{"index":…,"kind":"body","text":""}`).
const PARAGRAPH_WEIGHT: usize = 48;

/// About how many bytes of output a byte of a story's weight makes: its
/// JSON repeats the text of its claims and mentions.
const OUTPUT_PER_WEIGHT: usize = 4;

/// Renders `story` in `format`.
pub fn render(format: Format, story: Story) -> io::Result<Rendered> {
    if format == Format::Json {
        return Ok(Rendered::Whole(Box::new(story)));
    }
    let weight = story.weight();
    if weight > RENDER_AHEAD_LIMIT {
        return Ok(Rendered::Direct(Box::new(story)));
    }
    // Sized once: grown as it was written, the output was copied several times.
    let mut out = Vec::with_capacity(weight * OUTPUT_PER_WEIGHT);
    match (format, story) {
        (Format::Jsonl, Story::Fresh(annotation)) => {
            annotation.write_json(&mut out, None, json_float)?;
            out.push(b'\n');
        }
        (format, story) => write(format, story, &mut out)?,
    }
    Ok(Rendered::Bytes(out))
}

/// What a long story's JSON gathers before it is written out.
const JSON_CHUNK: usize = 64 << 10;

/// A float as serde_json writes it, for the hand-written JSON Lines.
fn json_float(out: &mut Vec<u8>, value: f64) {
    // Writing to memory cannot fail, and a float always serializes.
    let _ = serde_json::to_writer(out, &value);
}

/// Writes `story` in `format`. JSON is written from the compact form; the
/// formats for people read the whole document.
pub fn write(format: Format, story: Story, out: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Json => serde_json::to_writer_pretty(&mut *out, &story)?,
        Format::Jsonl => match story {
            Story::Fresh(annotation) => {
                // Written by hand (the same bytes, several times faster),
                // in pieces so that a long story is not held whole.
                let mut buf = Vec::with_capacity(JSON_CHUNK);
                annotation.write_json(&mut buf, Some(&mut *out), json_float)?;
                buf.push(b'\n');
                out.write_all(&buf)?;
            }
            Story::Loaded(document) => {
                serde_json::to_writer(&mut *out, &document)?;
                out.write_all(b"\n")?;
            }
        },
        Format::Text => write_text(out, &story.into_document())?,
        Format::Markdown => write_markdown(out, &story.into_document())?,
        Format::Csv => write_rows(out, &story.into_document())?,
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
