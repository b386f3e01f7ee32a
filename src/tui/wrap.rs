//! Word wrapping of untrusted paragraph text, and the per-width cache of
//! wrapped lines that scrolling, highlights, search and jumps all share.
//!
//! A visual line is a byte range of the paragraph's own text, so highlight
//! and search offsets (also byte offsets into that text) place themselves on
//! it without any mapping. Widths are measured on the text as it will be
//! drawn (see [`crate::tui::cells`]): control characters become one-column
//! stand-ins, invisible characters take no column and every run of
//! whitespace becomes one space. A word too long for the room left may break
//! at a soft hyphen: the line then ends with it, and it is drawn as `-`.

use std::cell::OnceCell;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::tui::cells::{Drawn, SOFT_HYPHEN, drawn_width};

/// Words of `text`: maximal runs of non-space characters, as byte ranges with
/// their display width.
fn words(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let mut start = None;
        let mut width = 0;
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let (s, w) = drawn_width(c, next);
            match (s, start) {
                (Drawn::Space, None) => {}
                (Drawn::Space, Some(begin)) => return Some((begin, i, width)),
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

/// True when a line ending at byte `end` of `text` ends at a soft hyphen
/// inside a word: that hyphen is drawn, as `-`.
pub fn ends_in_hyphen(text: &str, end: usize) -> bool {
    text.get(..end)
        .is_some_and(|before| before.ends_with(SOFT_HYPHEN))
        && text.get(end..).is_some_and(|after| {
            let mut chars = after.chars();
            chars
                .next()
                .is_some_and(|c| !matches!(drawn_width(c, chars.next()).0, Drawn::Space))
        })
}

/// The longest start of the word `text[start..end]` that ends at a soft
/// hyphen (not the word's last character) and fits in `room` columns with
/// the `-` drawn for it: the byte after the hyphen, and the start's width.
fn hyphen_break(text: &str, start: usize, end: usize, room: usize) -> Option<(usize, usize)> {
    let mut best = None;
    let mut width = 0;
    let mut chars = text[start..end].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if c == SOFT_HYPHEN && next.is_some() && i > 0 {
            if width + 1 > room {
                break;
            }
            best = Some((start + i + c.len_utf8(), width));
        }
        width += drawn_width(c, next).1;
        if width > room {
            break;
        }
    }
    best
}

/// The longest start of `text[start..end]` no wider than `room`, and at
/// least one grapheme cluster: where to cut a word wider than a whole line,
/// and its width. The cut falls between clusters (a vowel sign or accent
/// stays with its letter), and not just after a soft hyphen (which would
/// then be drawn).
fn hard_break(text: &str, start: usize, end: usize, room: usize) -> (usize, usize) {
    let word = &text[start..end];
    let mut width = 0;
    let mut cut = None;
    for (i, cluster) in word.grapheme_indices(true) {
        if i > 0 && !word[..i].ends_with(SOFT_HYPHEN) {
            if width > room && cut.is_some() {
                break;
            }
            cut = Some((start + i, width));
            if width > room {
                break;
            }
        }
        width += cluster
            .chars()
            .map(|c| drawn_width(c, None).1)
            .sum::<usize>();
    }
    cut.unwrap_or((end, width))
}

/// Wraps `text` into lines of at most `width` columns, breaking between
/// words; inside a word, at a soft hyphen when the word does not fit, and
/// between characters only when it is wider than a whole line. Every text
/// has at least one line (an empty one for empty text).
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    // The line being filled: its start, the end of its last word, its width.
    let mut current: Option<(usize, usize, usize)> = None;
    for (start, end, w) in words(text) {
        let (mut start, mut w) = (start, w);
        loop {
            // Columns left for this word, after the space before it.
            let room = match current {
                Some((_, _, line_width)) => width.checked_sub(line_width + 1),
                None => Some(width),
            };
            if room.is_some_and(|room| w <= room) {
                current = Some(match current {
                    Some((line_start, _, line_width)) => (line_start, end, line_width + 1 + w),
                    None => (start, end, w),
                });
                break;
            }
            if let Some((cut, piece)) = room.and_then(|room| hyphen_break(text, start, end, room)) {
                lines.push(current.map_or(start, |(line_start, _, _)| line_start)..cut);
                current = None;
                start = cut;
                w = w.saturating_sub(piece);
                continue;
            }
            if let Some((line_start, line_end, _)) = current.take() {
                lines.push(line_start..line_end);
                continue;
            }
            // A word wider than a line, with no soft hyphen to break at.
            let (cut, piece) = hard_break(text, start, end, width);
            if cut >= end {
                current = Some((start, end, w));
                break;
            }
            lines.push(start..cut);
            start = cut;
            w = w.saturating_sub(piece);
        }
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
///
/// Slots come in pages of [`PAGE`] paragraphs, each made when one of its
/// paragraphs is first wrapped: a long story of a million paragraphs, most
/// never shown, would otherwise hold an empty slot for each.
#[derive(Debug, Default)]
pub struct WrapCache {
    width: u16,
    paragraphs: usize,
    pages: Vec<OnceCell<Page>>,
}

/// Paragraphs a page of the cache holds slots for.
const PAGE: usize = 256;

type Page = Box<[OnceCell<Box<[Range<usize>]>>]>;

impl WrapCache {
    pub fn new(width: u16, paragraphs: usize) -> Self {
        WrapCache {
            width,
            paragraphs,
            pages: (0..paragraphs.div_ceil(PAGE))
                .map(|_| OnceCell::new())
                .collect(),
        }
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    /// Forgets every paragraph's lines, to wrap them again at `width`.
    pub fn rewrap(&mut self, width: u16) {
        self.width = width;
        for page in &mut self.pages {
            page.take();
        }
    }

    /// The lines of paragraph `index`, whose text is `text`.
    pub fn lines(&self, index: usize, text: &str) -> &[Range<usize>] {
        if index >= self.paragraphs {
            return &[];
        }
        let Some(page) = self.pages.get(index / PAGE) else {
            return &[];
        };
        let page = page.get_or_init(|| (0..PAGE).map(|_| OnceCell::new()).collect());
        match page.get(index % PAGE) {
            Some(cell) => cell.get_or_init(|| wrap(text, usize::from(self.width)).into()),
            None => &[],
        }
    }

    /// How many paragraphs have been wrapped (for tests and benches).
    pub fn wrapped(&self) -> usize {
        self.pages
            .iter()
            .filter_map(OnceCell::get)
            .flat_map(|page| page.iter())
            .filter(|c| c.get().is_some())
            .count()
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

    /// Columns the line takes as drawn: soft hyphens only at a break, as `-`.
    fn drawn_columns(text: &str, line: Range<usize>) -> usize {
        let hyphen = usize::from(ends_in_hyphen(text, line.end));
        text[line]
            .chars()
            .map(|c| drawn_width(c, None).1)
            .sum::<usize>()
            + hyphen
    }

    #[test]
    fn long_words_break_at_soft_hyphens_that_fit() {
        let text = "Die Ver\u{ad}hand\u{ad}lungs\u{ad}ergeb\u{ad}nis\u{ad}se sind da";
        let lines = wrap(text, 16);
        let shown: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            shown,
            [
                "Die Ver\u{ad}hand\u{ad}",
                "lungs\u{ad}ergeb\u{ad}nis\u{ad}se",
                "sind da"
            ]
        );
        assert!(ends_in_hyphen(text, lines[0].end), "drawn as Verhand-");
        assert!(!ends_in_hyphen(text, lines[1].end), "the word ended");
        for width in 1..40 {
            for line in wrap(text, width) {
                assert!(
                    drawn_columns(text, line.clone()) <= width.max(2),
                    "{width}: {line:?}"
                );
            }
        }
    }

    #[test]
    fn a_soft_hyphen_before_a_space_or_the_end_is_never_drawn() {
        let text = "ab\u{ad} cd\u{ad}";
        assert_eq!(lines(text, 3), ["ab\u{ad}", "cd\u{ad}"]);
        assert!(!ends_in_hyphen(text, 3));
        assert!(!ends_in_hyphen(text, text.len()));
    }

    #[test]
    fn cuts_inside_a_word_fall_between_clusters() {
        // Bengali কা is two columns and one cluster: never split.
        assert_eq!(lines("কাজকাজ", 3), ["কাজ", "কাজ"]);
        assert_eq!(lines("কাকা", 1), ["কা", "কা"]);
        assert_eq!(
            lines("e\u{301}e\u{301}e\u{301}", 2),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
    }

    #[test]
    fn fillers_take_a_column_each_and_invisible_characters_none() {
        let fillers = "\u{3164}".repeat(30);
        let text = format!("{fillers} after");
        assert_eq!(
            wrap(&text, 36).len(),
            1,
            "30 placeholders, a space, five letters"
        );
        assert_eq!(wrap(&text, 35).len(), 2);
        assert_eq!(
            lines("a\u{200b}b\u{2060}c d", 3),
            ["a\u{200b}b\u{2060}c", "d"]
        );
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

#[cfg(test)]
mod properties {
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    use super::*;
    use crate::tui::cells::{clean, width};

    /// Pieces of text whose widths terminals and the width table disagree
    /// on, among plain words and spaces.
    const PIECES: [&str; 24] = [
        "a",
        "b",
        "Wort",
        " ",
        "  ",
        "\n",
        "\u{ad}",
        "\u{ad}\u{ad}",
        "কা",
        "জ",
        "கா",
        "ಕೂ",
        "\u{3164}",
        "\u{200b}",
        "\u{200d}",
        "👨",
        "\u{fe0f}",
        "❤",
        "e\u{301}",
        "\u{301}",
        "日本",
        "\u{1b}",
        "\u{f101}",
        "\r",
    ];

    proptest! {
        // 256 cases in the normal run; PROPTEST_CASES=5000 for a long one.
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)
        ))]

        /// Every line, as drawn (whitespace folded, a soft hyphen at its
        /// end shown), fits the width unless it is one cluster wider than
        /// it; lines come in order and hold every character but spaces.
        #[test]
        fn lines_fit_as_drawn_and_lose_nothing(
            pieces in prop::collection::vec(0..PIECES.len(), 0..40),
            columns in 1usize..30,
        ) {
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let lines = wrap(&text, columns);
            prop_assert!(lines.windows(2).all(|w| w[0].end <= w[1].start));
            for line in &lines {
                let drawn = width(&clean(&text[line.clone()]))
                    + usize::from(ends_in_hyphen(&text, line.end));
                let visible = text[line.clone()]
                    .graphemes(true)
                    .filter(|g| width(&clean(g)) > 0)
                    .count();
                prop_assert!(
                    drawn <= columns || visible <= 1,
                    "{:?} is {} columns wide at {}",
                    &text[line.clone()],
                    drawn,
                    columns
                );
            }
            let solid = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let kept: String = lines.iter().map(|r| solid(&text[r.clone()])).collect();
            prop_assert_eq!(kept, solid(&text));
        }
    }
}
