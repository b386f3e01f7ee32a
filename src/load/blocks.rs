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

/// Body paragraphs shorter than this, in words, before the lede are read
/// past when looking for its dateline: a picture counter ("1 / 5"), a
/// standfirst's fragment or a byline.
const MAX_WORDS_BEFORE_LEDE: usize = 12;

/// At most this many such short paragraphs (text written without spaces
/// has few "words" however long it is).
const MAX_PARAGRAPHS_BEFORE_LEDE: usize = 3;

/// Numbers the blocks, drops empty ones, takes the title from a title block
/// when the metadata gave none, and cuts a wire dateline off the lede (the
/// first body paragraph of some length) as the plain-text reader does.
pub(crate) fn article_from_blocks(mut meta: Meta, blocks: Vec<Block>) -> Article {
    let mut paragraphs: Vec<Paragraph> = Vec::with_capacity(blocks.len());
    let mut seen_lede = false;
    let mut body_paragraphs = 0;
    for block in blocks {
        let mut text = block.text.trim();
        if text.is_empty() {
            continue;
        }
        let mut kind = block.kind;
        if kind == ParagraphKind::Title && !paragraphs.is_empty() {
            kind = ParagraphKind::Heading;
        }
        if kind == ParagraphKind::Body && !seen_lede {
            if meta.dateline.is_empty()
                && let Some((places, rest)) = split_dateline(text)
            {
                meta.dateline = places;
                text = &text[rest..];
                seen_lede = true;
            }
            body_paragraphs += 1;
            seen_lede |= text.split_whitespace().nth(MAX_WORDS_BEFORE_LEDE).is_some()
                || body_paragraphs > MAX_PARAGRAPHS_BEFORE_LEDE;
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
    fn the_dateline_is_cut_off_the_lede_after_short_paragraphs_only() {
        let article = article_from_blocks(
            Meta::default(),
            vec![
                block(ParagraphKind::Body, "1 / 5"),
                block(ParagraphKind::Body, "By Ana Ruiz, staff writer"),
                block(ParagraphKind::Body, "MOSCOW (AP) — A cargo ship broke up."),
            ],
        );
        assert_eq!(article.meta.dateline, ["MOSCOW"]);
        assert_eq!(
            article.paragraphs[2].text.as_str(),
            "A cargo ship broke up."
        );

        let lede = "The harbour reopened on Monday after a week in which the storm kept every boat of the fleet at home.";
        let article = article_from_blocks(
            Meta::default(),
            vec![
                block(ParagraphKind::Body, lede),
                block(ParagraphKind::Body, "LISBON — A second story's dateline."),
            ],
        );
        assert!(article.meta.dateline.is_empty());
        assert_eq!(
            article.paragraphs[1].text.as_str(),
            "LISBON — A second story's dateline."
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
