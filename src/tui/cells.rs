//! Text as the reader puts it into terminal cells: the one place that
//! decides what every character of untrusted text becomes on screen and how
//! many columns it takes.
//!
//! ratatui lays text out with `unicode-width`; the terminal draws it with its
//! own table. Where the two disagree, text after the character lands on other
//! columns than the buffer says, and the next partial redraw overwrites it
//! (a soft hyphen hid letters, Hangul fillers pushed the article into the
//! sources panel). So, on top of [`crate::safe_text`]:
//! - characters that are invisible by definition (soft hyphens, zero-width
//!   spaces and joiners, variation selectors, tags) are not drawn; a soft
//!   hyphen shows as `-` only where a line breaks at it (see [`super::wrap`]);
//! - Hangul fillers, which terminals draw as one or two blank columns, become
//!   a visible one-column placeholder, and so do private-use characters
//!   (icon-font glyphs, one or two columns wide depending on the font);
//! - spacing vowel signs that the width table counts as zero (Bengali া,
//!   Tamil ா, …) count as the one column terminals give them, and a cluster
//!   whose width ratatui would get wrong is written with its width forced
//!   (see `ui::draw`), so the cell after it is addressed explicitly.
//!
//! Widths are additive: a text is as wide as the sum of its characters, so
//! wrapping can measure character by character and still agree with the
//! writer, which works cluster by cluster.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

use crate::safe_text::{Shown, shown};

pub const SOFT_HYPHEN: char = '\u{ad}';

/// What a Hangul filler is shown as: a visible blank.
pub const FILLER: char = '␣';

/// How one character of untrusted text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawn {
    /// As it is.
    Keep(char),
    /// A word gap (runs of whitespace fold to one space).
    Space,
    /// A visible stand-in, styled as such.
    Placeholder(char),
    /// Not drawn at all: invisible by definition.
    Hidden,
    /// Not drawn, except as `-` where a line breaks at it.
    SoftHyphen,
}

/// Classifies `c`; `next` is the character after it.
pub fn drawn(c: char, next: Option<char>) -> Drawn {
    if c.is_ascii() {
        return from_shown(shown(c, next));
    }
    match c {
        SOFT_HYPHEN => Drawn::SoftHyphen,
        c if is_filler(c) => Drawn::Placeholder(FILLER),
        // Private-use characters have no agreed glyph, nor width: icon
        // fonts draw them one or two columns wide.
        '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}' => Drawn::Placeholder('\u{fffd}'),
        c if is_invisible(c) => Drawn::Hidden,
        c => from_shown(shown(c, next)),
    }
}

fn from_shown(s: Shown) -> Drawn {
    match s {
        Shown::Keep(c) => Drawn::Keep(c),
        Shown::Space => Drawn::Space,
        Shown::Placeholder(c) => Drawn::Placeholder(c),
    }
}

/// `c` with the columns it takes, as [`drawn`] shows it.
pub fn drawn_width(c: char, next: Option<char>) -> (Drawn, usize) {
    // Printable ASCII, most of any text, without the general lookups.
    if c.is_ascii_graphic() {
        return (Drawn::Keep(c), 1);
    }
    if c == ' ' {
        return (Drawn::Space, 1);
    }
    // Latin letters and signs below the combining marks: one column each,
    // whatever they are shown as.
    if c < '\u{300}' && c != SOFT_HYPHEN {
        return (from_shown(shown(c, next)), 1);
    }
    let d = drawn(c, next);
    let width = match d {
        Drawn::Keep(c) | Drawn::Placeholder(c) => char_width(c),
        Drawn::Space => 1,
        Drawn::Hidden | Drawn::SoftHyphen => 0,
    };
    (d, width)
}

/// Columns a drawable character takes: the width table's answer, except
/// for the spacing marks it counts as zero and terminals give a column.
pub fn char_width(c: char) -> usize {
    if c.is_ascii() {
        return 1;
    }
    if draws_one_column(c) {
        return 1;
    }
    c.width().unwrap_or(0)
}

/// Hangul fillers: letters by category, blank on screen, one or two columns
/// wide depending on the terminal, and zero by the width table.
fn is_filler(c: char) -> bool {
    matches!(c, '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}')
}

/// Default-ignorable characters that have no glyph: dropping them loses
/// nothing visible, keeping them lets terminals disagree on their width (a
/// zero-width joiner makes one emoji of two on some, not on others; a
/// variation selector turns a one-column symbol into a two-column emoji).
/// Bidi controls are not here: [`crate::safe_text`] shows them as placeholders.
const INVISIBLE: [(char, char); 13] = [
    ('\u{034f}', '\u{034f}'),
    ('\u{17b4}', '\u{17b5}'),
    ('\u{180b}', '\u{180f}'),
    ('\u{200b}', '\u{200b}'),
    ('\u{200d}', '\u{200d}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{206a}', '\u{206f}'),
    ('\u{fe00}', '\u{fe0f}'),
    ('\u{feff}', '\u{feff}'),
    ('\u{fff0}', '\u{fff8}'),
    ('\u{1bca0}', '\u{1bca3}'),
    ('\u{1d173}', '\u{1d17a}'),
    ('\u{e0000}', '\u{e0fff}'),
];

fn is_invisible(c: char) -> bool {
    INVISIBLE.iter().any(|&(a, b)| (a..=b).contains(&c))
}

/// True for a character that is never drawn inside a line (an invisible one
/// or a soft hyphen): search looks through it, as the reader does.
pub fn is_unseen(c: char) -> bool {
    c == SOFT_HYPHEN || is_invisible(c)
}

/// A regex class matching every character [`is_unseen`] is true for.
pub fn unseen_class() -> String {
    let mut class = String::from("[\\x{ad}");
    for (a, b) in INVISIBLE {
        class.push_str(&format!("\\x{{{:x}}}-\\x{{{:x}}}", a as u32, b as u32));
    }
    class.push(']');
    class
}

/// Characters the width table (unicode-width 0.2) counts as zero columns but
/// terminals, measuring character by character, draw in one: spacing vowel
/// signs that extend a grapheme cluster (Bengali, Oriya, Tamil, Kannada,
/// Malayalam, Sinhala, Balinese, …) and prepended signs. Listed from the
/// Unicode data: category Mc, Lo or Cf with width 0, less the Hangul jamo,
/// the default-ignorables and the bidi controls.
fn draws_one_column(c: char) -> bool {
    matches!(
        c,
        '\u{0605}'
            | '\u{070f}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08e2}'
            | '\u{09be}'
            | '\u{09d7}'
            | '\u{0b3e}'
            | '\u{0b57}'
            | '\u{0bbe}'
            | '\u{0bd7}'
            | '\u{0cc0}'
            | '\u{0cc2}'
            | '\u{0cc7}'..='\u{0cc8}'
            | '\u{0cca}'..='\u{0ccb}'
            | '\u{0cd5}'..='\u{0cd6}'
            | '\u{0d3e}'
            | '\u{0d4e}'
            | '\u{0d57}'
            | '\u{0dcf}'
            | '\u{0ddf}'
            | '\u{1715}'
            | '\u{1734}'
            | '\u{1b35}'
            | '\u{1b3b}'
            | '\u{1b3d}'
            | '\u{1b43}'..='\u{1b44}'
            | '\u{1baa}'
            | '\u{1bf2}'..='\u{1bf3}'
            | '\u{302e}'..='\u{302f}'
            | '\u{a8fa}'
            | '\u{a953}'
            | '\u{a9c0}'
            | '\u{111c0}'
            | '\u{111c2}'..='\u{111c3}'
            | '\u{11235}'
            | '\u{1133e}'
            | '\u{1134d}'
            | '\u{11357}'
            | '\u{114b0}'
            | '\u{114bd}'
            | '\u{115af}'
            | '\u{116b6}'
            | '\u{11930}'
            | '\u{1193d}'
            | '\u{1193f}'
            | '\u{11941}'
            | '\u{11a84}'..='\u{11a89}'
            | '\u{11d46}'
            | '\u{16ff0}'..='\u{16ff1}'
            | '\u{1d165}'..='\u{1d166}'
            | '\u{1d16d}'..='\u{1d172}'
    )
}

/// `text` as one line for the screen: unsafe characters as stand-ins,
/// whitespace runs as one space, invisible characters and soft hyphens
/// dropped, fillers as placeholders. Every name, title, query and message
/// the reader draws goes through this.
pub fn clean(text: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_ascii_graphic() || c == ' ';
    if !text.contains("  ") && text.chars().all(plain) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_space = false;
    while let Some(c) = chars.next() {
        match drawn(c, chars.peek().copied()) {
            Drawn::Keep(c) | Drawn::Placeholder(c) => {
                in_space = false;
                out.push(c);
            }
            Drawn::Space if !in_space => {
                in_space = true;
                out.push(' ');
            }
            Drawn::Space | Drawn::Hidden | Drawn::SoftHyphen => {}
        }
    }
    if out == text {
        return Cow::Borrowed(text);
    }
    Cow::Owned(out)
}

/// `text` as the writer puts it in cells, whatever it is given: every
/// character as [`drawn`] shows it, each whitespace character as a space
/// (layout padding is kept), invisible characters and soft hyphens dropped.
pub fn drawable(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match drawn(c, chars.peek().copied()) {
            Drawn::Keep(c) | Drawn::Placeholder(c) => out.push(c),
            Drawn::Space => out.push(' '),
            Drawn::Hidden | Drawn::SoftHyphen => {}
        }
    }
    if out == text {
        return Cow::Borrowed(text);
    }
    Cow::Owned(out)
}

/// Columns that `text` takes when drawn (see [`drawable`]).
pub fn width(text: &str) -> usize {
    let mut chars = text.chars().peekable();
    let mut columns = 0;
    while let Some(c) = chars.next() {
        columns += drawn_width(c, chars.peek().copied()).1;
    }
    columns
}

/// The grapheme clusters of `text` (already [`drawable`]), each with the
/// columns it takes: what the writer puts in one cell.
pub fn glyphs(text: &str) -> impl Iterator<Item = (&str, usize)> + '_ {
    text.graphemes(true)
        .map(|g| (g, g.chars().map(char_width).sum()))
}

/// `text` cut to `width` columns between clusters, with an ellipsis when
/// cut; as [`drawable`] shows it.
pub fn truncate(text: &str, width: usize) -> String {
    let text = drawable(text);
    if self::width(&text) <= width {
        return text.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for (g, w) in glyphs(&text) {
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push_str(g);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHY: &str = "\u{ad}";

    #[test]
    fn soft_hyphens_and_invisible_characters_are_not_drawn() {
        let word = ["Ver", "hand", "lungs", "ergeb", "nis", "se"].join(SHY);
        assert_eq!(
            clean(&format!("{word} sind")),
            "Verhandlungsergebnisse sind"
        );
        assert_eq!(
            clean("zero\u{200b}width\u{2060}joiner\u{feff}s\u{e0041}"),
            "zerowidthjoiners"
        );
        assert_eq!(width(&clean(&word)), "Verhandlungsergebnisse".len());
    }

    #[test]
    fn hangul_fillers_become_visible_one_column_placeholders() {
        let text = format!("a{}b", "\u{3164}".repeat(30));
        let shown = clean(&text);
        assert_eq!(shown, format!("a{}b", "␣".repeat(30)));
        assert_eq!(width(&shown), 32);
        for filler in ['\u{115f}', '\u{1160}', '\u{ffa0}'] {
            assert_eq!(clean(&format!("x{filler}y")), "x␣y");
        }
    }

    #[test]
    fn latin_text_takes_a_column_a_character() {
        for c in ('\u{a0}'..'\u{300}').filter(|&c| c != SOFT_HYPHEN) {
            let (d, w) = drawn_width(c, None);
            let expected = match d {
                Drawn::Keep(k) | Drawn::Placeholder(k) => char_width(k),
                Drawn::Space => 1,
                Drawn::Hidden | Drawn::SoftHyphen => 0,
            };
            assert_eq!((w, expected), (1, 1), "{c:?}");
        }
        assert_eq!(drawn_width(SOFT_HYPHEN, None), (Drawn::SoftHyphen, 0));
    }

    #[test]
    fn private_use_characters_become_placeholders() {
        assert_eq!(
            clean("icon \u{f101} and \u{100001}"),
            "icon \u{fffd} and \u{fffd}"
        );
    }

    #[test]
    fn spacing_vowel_signs_take_the_column_terminals_give_them() {
        // Bengali কা, Tamil கா, Malayalam കാ, Kannada ಕೂ: two columns each
        // in a terminal measuring character by character.
        for word in [
            "\u{995}\u{9be}",
            "\u{b95}\u{bbe}",
            "\u{d15}\u{d3e}",
            "\u{c95}\u{cc2}",
        ] {
            assert_eq!(width(word), 2, "{word}");
            let glyphs: Vec<_> = glyphs(word).collect();
            assert_eq!(glyphs, [(word, 2)], "one cluster, two columns");
        }
        // Non-spacing marks take none.
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn emoji_sequences_split_into_emoji_of_certain_width() {
        // A joiner and a variation selector are dropped: a family becomes its
        // people, each two columns; a heart keeps its one-column text form.
        let family = clean("\u{1f468}\u{200d}\u{1f469}");
        assert_eq!(glyphs(&family).map(|(_, w)| w).collect::<Vec<_>>(), [2, 2]);
        assert_eq!(clean("\u{2764}\u{fe0f}"), "\u{2764}");
        assert_eq!(width(&clean("\u{2764}\u{fe0f}")), 1);
    }

    #[test]
    fn clean_still_makes_escapes_visible_and_folds_whitespace() {
        assert_eq!(clean("a\u{1b}]52;c;x\u{7}\n\n b"), "a␛]52;c;x␇ b");
        assert!(matches!(clean("Plain text"), Cow::Borrowed(_)));
        assert!(matches!(clean("Größe “x”"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_unseen_class_matches_exactly_the_unseen_characters() {
        let class = regex::Regex::new(&format!("^{}$", unseen_class())).unwrap();
        for c in [
            '\u{ad}',
            '\u{200b}',
            '\u{200d}',
            '\u{fe0f}',
            '\u{e0041}',
            '\u{2063}',
        ] {
            assert!(class.is_match(&c.to_string()) && is_unseen(c), "{c:?}");
        }
        for c in ['a', ' ', '\u{200c}', '\u{3164}', '\u{9be}', '\u{2065}'] {
            assert!(!class.is_match(&c.to_string()) && !is_unseen(c), "{c:?}");
        }
    }

    #[test]
    fn drawable_text_keeps_layout_spaces_and_drops_what_is_not_drawn() {
        assert_eq!(drawable("a   b\tc"), "a   b c");
        assert_eq!(drawable("x\u{ad}\u{200b}\u{3164}\u{1b}y"), "x␣␛y");
        assert_eq!(width("x\u{ad}\u{200b}\u{3164}\u{1b}y"), 4);
        assert!(matches!(drawable("  Größe  "), Cow::Borrowed(_)));
    }

    #[test]
    fn truncation_cuts_between_clusters() {
        assert_eq!(truncate("কাজ and more", 4), "কাজ…");
        assert_eq!(truncate("কাজ and more", 3), "কা…");
        assert_eq!(truncate("কাজ and more", 2), "…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("日本語", 4), "日…");
    }
}
