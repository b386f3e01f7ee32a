//! Word wrapping of untrusted paragraph text, and the per-width cache of
//! wrapped lines that scrolling, highlights, search and jumps all share.
//!
//! A visual line is a byte range of the paragraph's own text, so highlight
//! and search offsets (also byte offsets into that text) place themselves on
//! it without any mapping. Widths are measured on the text as it will be
//! shown (see [`crate::safe_text::shown`]): control characters become one-column
//! stand-ins and every run of whitespace becomes one space.

use std::cell::OnceCell;
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::safe_text::{Shown, shown};

/// The column width of a character as shown.
pub fn shown_width(c: char, next: Option<char>) -> (Shown, usize) {
    // Printable ASCII, most of any text, without the general lookups.
    if c.is_ascii_graphic() {
        return (Shown::Keep(c), 1);
    }
    if c == ' ' {
        return (Shown::Space, 1);
    }
    let s = shown(c, next);
    let width = match s {
        Shown::Keep(c) | Shown::Placeholder(c) => c.width().unwrap_or(0),
        Shown::Space => 1,
    };
    (s, width)
}

/// Words of `text`: maximal runs of non-space characters, as byte ranges with
/// their display width.
fn words(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let mut start = None;
        let mut width = 0;
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let (s, w) = shown_width(c, next);
            match (s, start) {
                (Shown::Space, None) => {}
                (Shown::Space, Some(begin)) => return Some((begin, i, width)),
                (_, None) => {
                    start = Some(i);
                    width = w;
                }
                (_, Some(_)) => width += w,
            }
        }
        start.map(|begin| (begin, text.len(), width))
    })
}

/// Wraps `text` into lines of at most `width` columns, breaking between
/// words, and inside a word only when it is wider than a whole line. Every
/// text has at least one line (an empty one for empty text).
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    // The line being filled: its start, the end of its last word, its width.
    let mut current: Option<(usize, usize, usize)> = None;
    for (start, end, w) in words(text) {
        if let Some((line_start, line_end, line_width)) = current {
            if line_width + 1 + w <= width {
                current = Some((line_start, end, line_width + 1 + w));
                continue;
            }
            lines.push(line_start..line_end);
        }
        if w <= width {
            current = Some((start, end, w));
            continue;
        }
        // A word wider than a line: cut it between characters.
        let mut piece_start = start;
        let mut piece_width = 0;
        let word = &text[start..end];
        let mut chars = word.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let (_, cw) = shown_width(c, next);
            if piece_width + cw > width && piece_width > 0 {
                lines.push(piece_start..start + i);
                piece_start = start + i;
                piece_width = 0;
            }
            piece_width += cw;
        }
        current = Some((piece_start, end, piece_width));
    }
    if let Some((line_start, line_end, _)) = current {
        lines.push(line_start..line_end);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// Wrapped lines of every paragraph of one story at one width, computed the
/// first time each paragraph is needed. Only what is scrolled past or shown
/// is ever wrapped, and nothing is wrapped twice until the width changes.
#[derive(Debug, Default)]
pub struct WrapCache {
    width: u16,
    lines: Vec<OnceCell<Box<[Range<usize>]>>>,
}

impl WrapCache {
    pub fn new(width: u16, paragraphs: usize) -> Self {
        WrapCache {
            width,
            lines: (0..paragraphs).map(|_| OnceCell::new()).collect(),
        }
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    /// The lines of paragraph `index`, whose text is `text`.
    pub fn lines(&self, index: usize, text: &str) -> &[Range<usize>] {
        match self.lines.get(index) {
            Some(cell) => cell.get_or_init(|| wrap(text, usize::from(self.width)).into()),
            None => &[],
        }
    }

    /// How many paragraphs have been wrapped (for tests and benches).
    pub fn wrapped(&self) -> usize {
        self.lines.iter().filter(|c| c.get().is_some()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_between_words() {
        assert_eq!(
            lines("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn whitespace_runs_and_line_breaks_count_as_one_space() {
        assert_eq!(lines("one \n\t two three", 9), ["one \n\t two", "three"]);
    }

    #[test]
    fn long_words_are_cut_between_characters() {
        assert_eq!(lines("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
        assert_eq!(lines("ééééé", 2), ["éé", "éé", "é"]);
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(lines("日本語 テキスト", 6), ["日本語", "テキス", "ト"]);
    }

    #[test]
    fn empty_and_blank_text_is_one_empty_line() {
        assert_eq!(wrap("", 10), vec![0..0]);
        assert_eq!(wrap("   ", 10), vec![0..0]);
    }

    #[test]
    fn control_characters_are_one_column_wide() {
        // ESC is shown as ␛, one column: "a␛b" fits in 3 columns.
        assert_eq!(lines("a\u{1b}b cd", 3), ["a\u{1b}b", "cd"]);
    }

    #[test]
    fn width_zero_still_makes_progress() {
        assert_eq!(lines("ab", 0), ["a", "b"]);
    }

    #[test]
    fn the_cache_wraps_each_paragraph_once_and_only_on_demand() {
        let cache = WrapCache::new(5, 3);
        assert_eq!(cache.wrapped(), 0);
        assert_eq!(cache.lines(1, "aa bb cc").len(), 2);
        assert_eq!(cache.wrapped(), 1);
        assert!(cache.lines(7, "out of range").is_empty());
    }
}
