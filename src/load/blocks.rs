//! What the Markdown and HTML readers share: blocks of extracted text turned
//! into an [`Article`], and dates read from metadata.
//!
//! For these formats a paragraph's `text` is the text the markup stands for
//! (tags, emphasis marks and link targets removed, entities decoded), not a
//! slice of the file. Offsets of the annotation point into that text.

use super::Article;
use super::plain::split_dateline;
use crate::model::{Meta, Paragraph, ParagraphKind};
pub use whosaid_core::date::iso_date;

/// A block of text found in markup, before it is numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub kind: ParagraphKind,
    pub text: String,
}

/// Numbers the blocks, drops empty ones, takes the title from a title block
/// when the metadata gave none, and cuts a wire dateline off the first body
/// paragraph as the plain-text reader does.
pub(crate) fn article_from_blocks(mut meta: Meta, blocks: Vec<Block>) -> Article {
    let mut paragraphs: Vec<Paragraph> = Vec::with_capacity(blocks.len());
    let mut seen_body = false;
    for block in blocks {
        let mut text = block.text.trim();
        if text.is_empty() {
            continue;
        }
        let mut kind = block.kind;
        if kind == ParagraphKind::Title && !paragraphs.is_empty() {
            kind = ParagraphKind::Heading;
        }
        if kind == ParagraphKind::Body && !seen_body {
            seen_body = true;
            if meta.dateline.is_empty()
                && let Some((places, rest)) = split_dateline(text)
            {
                meta.dateline = places;
                text = &text[rest..];
            }
        }
        if kind == ParagraphKind::Title && meta.title.is_none() {
            meta.title = Some(text.to_string());
        }
        paragraphs.push(Paragraph {
            index: paragraphs.len() as u32,
            kind,
            text: text.into(),
        });
    }
    Article { meta, paragraphs }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: ParagraphKind, text: &str) -> Block {
        Block {
            kind,
            text: text.to_string(),
        }
    }

    #[test]
    fn blocks_become_numbered_paragraphs_with_a_title_and_dateline() {
        let article = article_from_blocks(
            Meta::default(),
            vec![
                block(ParagraphKind::Title, " Harbour reopens "),
                block(ParagraphKind::Body, "  "),
                block(ParagraphKind::Body, "LISBON — The harbour reopened."),
                block(ParagraphKind::Title, "A second big heading"),
            ],
        );
        assert_eq!(article.meta.title.as_deref(), Some("Harbour reopens"));
        assert_eq!(article.meta.dateline, ["LISBON"]);
        let got: Vec<_> = article
            .paragraphs
            .iter()
            .map(|p| (p.index, p.kind, p.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (0, ParagraphKind::Title, "Harbour reopens"),
                (1, ParagraphKind::Body, "The harbour reopened."),
                (2, ParagraphKind::Heading, "A second big heading"),
            ]
        );
    }

    #[test]
    fn a_title_from_metadata_wins() {
        let meta = Meta {
            title: Some("From the page".to_string()),
            ..Meta::default()
        };
        let article = article_from_blocks(meta, vec![block(ParagraphKind::Title, "On the page")]);
        assert_eq!(article.meta.title.as_deref(), Some("From the page"));
    }
}
