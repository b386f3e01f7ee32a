//! Article text is untrusted: this keeps control characters, escape
//! sequences and bidi overrides from ever reaching a terminal.
//!
//! Every character maps to exactly one character, so byte offsets into the
//! original text can still be used to place highlights on the safe text.

use std::borrow::Cow;

/// How one character of article text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Printable as it is.
    Keep(char),
    /// Whitespace (line breaks inside a paragraph, tabs, no-break spaces): a word gap.
    Space,
    /// A control or formatting character, shown as this visible stand-in.
    Placeholder(char),
}

/// Classifies `c`; `next` is the character after it (a CR is a line break
/// only when a LF follows, otherwise it could overprint the line).
pub fn shown(c: char, next: Option<char>) -> Shown {
    match c {
        '\r' if next == Some('\n') => Shown::Space,
        '\n' | '\t' | '\u{0b}' | '\u{0c}' | '\u{2028}' | '\u{2029}' => Shown::Space,
        // C0 controls and DEL have visible "control pictures" (␛ for ESC, ␇ for BEL).
        '\0'..='\u{1f}' => {
            Shown::Placeholder(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
        }
        '\u{7f}' => Shown::Placeholder('\u{2421}'),
        // C1 controls (CSI, OSC, DCS as single bytes) and bidi embeddings,
        // overrides and isolates, which can reorder what is shown.
        '\u{80}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Shown::Placeholder('\u{fffd}'),
        c if c.is_whitespace() => Shown::Space,
        c => Shown::Keep(c),
    }
}

/// True for a character that must never be written to a terminal as it is:
/// what [`shown`] replaces with a placeholder (a lone CR included). Line
/// breaks and tabs are not in it; where they are not wanted, they fold to spaces.
pub fn is_unsafe(c: char) -> bool {
    matches!(shown(c, None), Shown::Placeholder(_)) || c == '\r'
}

/// `text` with every unsafe character replaced by its stand-in and every run
/// of whitespace (including line breaks) folded to one space: one line, safe to print.
pub fn one_line(text: &str) -> Cow<'_, str> {
    let needs_work = text.contains("  ")
        || text
            .chars()
            .any(|c| c != ' ' && (c == '\r' || !matches!(shown(c, None), Shown::Keep(_))));
    if !needs_work {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_space = false;
    while let Some(c) = chars.next() {
        match shown(c, chars.peek().copied()) {
            Shown::Keep(c) | Shown::Placeholder(c) => {
                in_space = false;
                out.push(c);
            }
            Shown::Space if !in_space => {
                in_space = true;
                out.push(' ');
            }
            Shown::Space => {}
        }
    }
    Cow::Owned(out)
}

/// `text` made safe with its layout kept: line breaks and runs of spaces
/// stay (help and usage messages align columns with them), every unsafe
/// character becomes its stand-in. For messages that may quote untrusted
/// text, such as a file name given as an argument.
pub fn lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, shown(c, chars.peek().copied())) {
            ('\n', _) => out.push('\n'),
            // The LF after it breaks the line.
            ('\r', Shown::Space) => {}
            (_, Shown::Keep(c) | Shown::Placeholder(c)) => out.push(c),
            (_, Shown::Space) => out.push(' '),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_breaks_and_indentation_but_not_escapes() {
        let text = "error: unexpected argument '--x\u{1b}]0;T\u{7}.txt'\n\n  tip:  use -- x\r\n";
        assert_eq!(
            lines(text),
            "error: unexpected argument '--x␛]0;T␇.txt'\n\n  tip:  use -- x\n"
        );
    }

    #[test]
    fn escape_sequences_become_visible() {
        let text = "a\u{1b}[31mred\u{1b}]52;c;ZXZpbA==\u{07}b";
        let safe = one_line(text);
        assert!(!safe.contains('\u{1b}') && !safe.contains('\u{07}'));
        assert_eq!(safe, "a␛[31mred␛]52;c;ZXZpbA==␇b");
    }

    #[test]
    fn c1_controls_and_bidi_overrides_become_placeholders() {
        assert_eq!(
            one_line("x\u{9b}31m\u{202e}txt.exe"),
            "x\u{fffd}31m\u{fffd}txt.exe"
        );
    }

    #[test]
    fn line_breaks_fold_but_lone_carriage_returns_show() {
        assert_eq!(one_line("one\r\ntwo\n\tthree"), "one two three");
        assert_eq!(one_line("safe\rEVIL"), "safe␍EVIL");
        assert_eq!(one_line("back\u{8}space"), "back␈space");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(one_line("Plain “text” — fine"), Cow::Borrowed(_)));
    }
}
