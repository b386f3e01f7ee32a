//! Long paragraphs read in windows of whole sentences.
//!
//! The annotator's working memory for a paragraph (tokens, quote and name
//! tables, candidate mentions) is several times the paragraph's size. No
//! news paragraph comes near [`WINDOW_BYTES`]; a paragraph that does (a
//! file with no blank lines, a transcript run together) is read a window at
//! a time, so that memory stays bounded however long it runs.

use std::ops::Range;

/// Longest stretch of a paragraph read at once.
pub const WINDOW_BYTES: usize = 64 << 10;

/// The windows of `text`: consecutive ranges covering it, each at most
/// [`WINDOW_BYTES`] long, cut after a sentence where one ends in the second
/// half of the window, else at a space, else at a character boundary.
pub fn windows(text: &str) -> Windows<'_> {
    Windows {
        text,
        next: Some(0),
    }
}

pub struct Windows<'a> {
    text: &'a str,
    /// Where the next window starts; `None` once the text is covered.
    next: Option<usize>,
}

impl Iterator for Windows<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let start = self.next?;
        // An empty text is one empty window.
        let end = if self.text.len() - start <= WINDOW_BYTES {
            self.text.len()
        } else {
            cut(self.text, start)
        };
        self.next = (end < self.text.len()).then_some(end);
        Some(start..end)
    }
}

/// Where the window starting at `start` ends (it is longer than a window).
fn cut(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let limit = start + WINDOW_BYTES;
    let floor = start + WINDOW_BYTES / 2;
    let after_space = |i: usize| i > floor && bytes[i - 1].is_ascii_whitespace();
    // After the space that follows a sentence's end ("… talks.” Then").
    let sentence_end = (floor..=limit).rev().find(|&i| {
        after_space(i)
            && text[..i - 1]
                .trim_end_matches(['”', '’', '"', '\'', '»', ')'])
                .ends_with(['.', '?', '!'])
    });
    // A character takes at most four bytes, so a boundary is always near.
    let boundary = || (floor..=limit).rev().find(|&i| text.is_char_boundary(i));
    sentence_end
        .or_else(|| (floor..=limit).rev().find(|&i| after_space(i)))
        .or_else(boundary)
        .unwrap_or(limit)
}

#[cfg(test)]
mod tests {
    use super::{WINDOW_BYTES, windows};

    fn all(text: &str) -> Vec<std::ops::Range<usize>> {
        windows(text).collect()
    }

    fn ends(text: &str) -> Vec<(usize, usize)> {
        windows(text).map(|w| (w.start, w.end)).collect()
    }

    #[test]
    fn a_paragraph_of_news_length_is_one_window() {
        assert_eq!(ends(""), [(0, 0)]);
        assert_eq!(ends("She said so."), [(0, 12)]);
        let long = "word ".repeat(WINDOW_BYTES / 5);
        assert_eq!(ends(&long), [(0, long.len())]);
    }

    #[test]
    fn a_long_paragraph_is_cut_after_whole_sentences() {
        let sentence = "The minister said the ferry would run again on Monday. ";
        let text = sentence.repeat(3 * WINDOW_BYTES / sentence.len());
        let windows = all(&text);
        assert!(windows.len() >= 3);
        assert_eq!(windows[0].start, 0);
        assert_eq!(windows.last().map(|w| w.end), Some(text.len()));
        for pair in windows.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(text[pair[1].clone()].starts_with("The minister"));
        }
        assert!(windows.iter().all(|w| w.len() <= WINDOW_BYTES));
    }

    #[test]
    fn with_no_sentence_end_a_window_ends_at_a_space_or_a_character() {
        let words = "ferry ".repeat(WINDOW_BYTES / 3);
        for w in all(&words) {
            assert!(w.len() <= WINDOW_BYTES);
            assert!(w.start == 0 || words[..w.start].ends_with(' '));
        }
        // No space at all, and characters of three bytes that a cut must not split.
        let ideographs = "語".repeat(WINDOW_BYTES);
        let windows = all(&ideographs);
        assert_eq!(windows.last().map(|w| w.end), Some(ideographs.len()));
        for w in windows {
            assert!(w.len() <= WINDOW_BYTES);
            assert!(ideographs.is_char_boundary(w.start) && ideographs.is_char_boundary(w.end));
        }
    }
}
