//! What the Markdown and HTML readers share: blocks of extracted text turned
//! into an [`Article`], and dates read from metadata.
//!
//! For these formats a paragraph's `text` is the text the markup stands for
//! (tags, emphasis marks and link targets removed, entities decoded), not a
//! slice of the file. Offsets of the annotation point into that text.

use super::Article;
use super::plain::split_dateline;
use crate::model::{Meta, Paragraph, ParagraphKind};

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
            index: paragraphs.len(),
            kind,
            text: text.into(),
        });
    }
    Article { meta, paragraphs }
}

/// `YYYY-MM-DD` from the start of a date or timestamp
/// ("2024-03-05T10:00:00Z", "2024-03-05 10:00"), or `None` when it does not
/// start with a valid calendar date in that form.
pub fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    let date = value.get(..10)?;
    let rest = &value[10..];
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    let shaped =
        digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10);
    if !shaped || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let year: u32 = date[..4].parse().ok()?;
    let month: u32 = date[5..7].parse().ok()?;
    let day: u32 = date[8..10].parse().ok()?;
    is_calendar_date(year, month, day).then(|| date.to_string())
}

/// Whether the day exists: no 31 April, no 29 February outside leap years
/// (proleptic Gregorian, as ISO 8601 counts).
pub fn is_calendar_date(year: u32, month: u32, day: u32) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
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
    fn dates_are_cut_from_timestamps_and_checked() {
        assert_eq!(
            iso_date(" 2024-03-05T10:00:00+01:00").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(iso_date("2024-03-05").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("2024-13-05"), None);
        assert_eq!(iso_date("2024-02-31"), None);
        assert_eq!(iso_date("2023-02-29"), None);
        assert_eq!(iso_date("2000-02-29").as_deref(), Some("2000-02-29"));
        assert_eq!(iso_date("1900-02-29"), None);
        assert_eq!(iso_date("2024-06-31T08:00:00Z"), None);
        assert_eq!(iso_date("2024-03-050"), None);
        assert_eq!(iso_date("March 5, 2024"), None);
        assert_eq!(iso_date("2024-03"), None);
        assert_eq!(iso_date("2024-03-0é"), None);
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
