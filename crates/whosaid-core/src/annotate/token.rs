//! Paragraph text → tokens: words, numbers, punctuation and quote marks, with
//! byte offsets. One pass, no regex, no allocation per token.

use crate::vocabulary::WordSet;

/// Which quotation mark a token is. Direction of straight marks, and whether
/// a right single mark is a quote or an apostrophe, is decided in `quotes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// “ « „
    DoubleOpen,
    /// ” »
    DoubleClose,
    /// "
    DoubleStraight,
    /// ‘ ‹
    SingleOpen,
    /// ’ › (also the apostrophe of "officials’")
    SingleClose,
    /// '
    SingleStraight,
}

impl Mark {
    pub fn is_double(self) -> bool {
        matches!(
            self,
            Mark::DoubleOpen | Mark::DoubleClose | Mark::DoubleStraight
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and anything that is not punctuation), with inner hyphens,
    /// apostrophes, periods ("U.S.") and a period that belongs to it ("Mr.").
    Word,
    /// Starts with a digit: "90", "3.2", "1,000", "2022".
    Number,
    /// The "'s" of "Trump's" (or of "it's").
    Possessive,
    Comma,
    Period,
    Question,
    Exclamation,
    Colon,
    Semicolon,
    Ellipsis,
    /// — – or a spaced hyphen.
    Dash,
    OpenParen,
    CloseParen,
    Quote(Mark),
    Other,
}

impl Kind {
    /// Ends a sentence.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            Kind::Period | Kind::Question | Kind::Exclamation | Kind::Ellipsis
        )
    }

    pub fn is_wordlike(self) -> bool {
        matches!(self, Kind::Word | Kind::Number)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
}

impl Token {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range()]
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

/// Abbreviations that keep their period ("Mr.", "Jan.", "Calif.").
static ABBREVIATIONS: WordSet = crate::vocabulary::word_set!("abbreviations");

/// Words that start sentences, used to tell "…the U.S. The next day" from
/// "the U.S. Senate".
pub(crate) static SENTENCE_OPENERS: WordSet = crate::vocabulary::word_set!("sentence_openers");

/// Abbreviations that always precede a name or number, so never end a sentence.
pub(crate) static PREFIX_ABBREVIATIONS: WordSet =
    crate::vocabulary::word_set!("prefix_abbreviations");

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '‒')
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '„' | '‘' | '’' | '‚' | '«' | '»' | '‹' | '›'
    )
}

/// ASCII letters and digits, by byte: the test run on nearly every byte of
/// a text, as one load.
static ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

/// Anything that can be part of a word: not whitespace, not punctuation we split on.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii_alphanumeric() {
        return true;
    }
    !(c.is_whitespace()
        || c.is_ascii_punctuation()
        || is_quote(c)
        || is_dash(c)
        || c.is_control()
        || matches!(
            c,
            '…' | '•' | '·' | '¿' | '¡' | '§' | '¶' | '†' | '‡' | '′' | '″' | '\u{fffd}'
        )
        || c.is_ascii_control())
}

fn quote_mark(c: char) -> Mark {
    match c {
        '“' | '«' | '„' => Mark::DoubleOpen,
        '”' | '»' => Mark::DoubleClose,
        '"' => Mark::DoubleStraight,
        '‘' | '‹' | '‚' => Mark::SingleOpen,
        '’' | '›' => Mark::SingleClose,
        _ => Mark::SingleStraight,
    }
}

/// A wire copy tag: the `>` that closes it, and whether it holds a ticker
/// ("<HTC>", "<TSBA.T>") rather than a name ("<Harbour Trust Bank BSC>").
#[derive(Debug, Clone, Copy)]
struct WireTag {
    close: usize,
    ticker: bool,
}

/// Longest wire copy tag, in bytes.
const WIRE_TAG_BYTES: usize = 80;

/// The wire copy tag opening with the `<` at `open`: a capital letter after
/// it, and its `>` on the same line, before another `<`.
fn wire_tag(bytes: &[u8], open: usize) -> Option<WireTag> {
    let inside = bytes.get(open + 1..)?;
    if !inside.first()?.is_ascii_uppercase() {
        return None;
    }
    let length = inside
        .iter()
        .take(WIRE_TAG_BYTES)
        .position(|&b| matches!(b, b'>' | b'<' | b'\n'))?;
    if inside[length] != b'>' {
        return None;
    }
    Some(WireTag {
        close: open + 1 + length,
        ticker: is_ticker(&inside[..length]),
    })
}

/// Whether the inside of a wire copy tag is a ticker: capitals, digits and
/// periods ("HTC", "TSBA.T"), perhaps with an exchange letter ("BA N").
pub(crate) fn is_ticker(inside: &[u8]) -> bool {
    let symbol = match inside {
        [symbol @ .., b' ', exchange] if exchange.is_ascii_uppercase() => symbol,
        symbol => symbol,
    };
    !symbol.is_empty()
        && symbol
            .iter()
            .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.')
}

/// [`tokenize_into`] a new vector.
#[cfg(test)]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens, &mut Vec::new());
    tokens
}

/// [`tokenize_into`] new vectors: the tokens and their [`breaks`](may_break).
#[cfg(test)]
pub fn tokenize_with_breaks(text: &str) -> (Vec<Token>, Vec<u32>) {
    let (mut tokens, mut breaks) = (Vec::new(), Vec::new());
    tokenize_into(text, &mut tokens, &mut breaks);
    (tokens, breaks)
}

/// Whether a quote or a sentence may break at `token` of `text` (as bytes):
/// a quotation mark, a stop, or a word ending in a period ("U.S."). The
/// quote finder and the sentence splitter look at these only, a tenth of
/// a paragraph's tokens, listed as the tokens are made.
#[inline]
pub fn may_break(text: &[u8], token: &Token) -> bool {
    match token.kind {
        Kind::Quote(_) => true,
        Kind::Word => {
            (token.end as usize)
                .checked_sub(1)
                .and_then(|last| text.get(last))
                == Some(&b'.')
        }
        kind => kind.is_terminal(),
    }
}

/// Splits one paragraph into `tokens`, and lists in `breaks` the indices of
/// those a quote or a sentence may break at ([`may_break`]); both emptied
/// first, their room reused from the paragraph before. Offsets are bytes
/// into `text`.
///
/// # Panics
/// Never; texts longer than `u32::MAX` bytes give no tokens past that point.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>, breaks: &mut Vec<u32>) {
    let limit = text.len().min(u32::MAX as usize);
    let text = &text[..floor_char_boundary(text, limit)];
    let bytes = text.as_bytes();
    tokens.clear();
    tokens.reserve(text.len() / 5);
    breaks.clear();
    // Fewer tokens than bytes, so an index fits as an offset does.
    let mut push = |tokens: &mut Vec<Token>, token: Token| {
        if may_break(bytes, &token) {
            breaks.push(tokens.len() as u32);
        }
        tokens.push(token);
    };
    let mut i = 0;
    // Where the name tag open before `i` closes.
    let mut open_tag: Option<usize> = None;
    let char_at = |i: usize| text[i..].chars().next();
    while let Some(&byte) = bytes.get(i) {
        // An ASCII letter or digit starts a word or a number, most tokens:
        // taken first, by one load from the table (such a byte is none of
        // the marks tested below).
        if ALPHANUMERIC[usize::from(byte)] {
            let kind = if byte.is_ascii_digit() {
                Kind::Number
            } else {
                Kind::Word
            };
            let run_end = i + bytes.get(i..).map_or(0, alphanumeric_run);
            // Most words end at a space or a mark that joins nothing and is
            // no period: they end with their letters, so are no break
            // (`may_break`), and need no more reading.
            if bytes.get(run_end).is_none_or(|&next| !joins_or_ends(next)) {
                tokens.push(Token {
                    start: i as u32,
                    end: run_end as u32,
                    kind,
                });
                // (A space, which most often follows, passed over at once.)
                i = run_end + usize::from(bytes.get(run_end) == Some(&b' '));
                continue;
            }
            let end = word_end(text, i, run_end);
            let token = Token {
                start: i as u32,
                end: end as u32,
                kind,
            };
            push(tokens, token);
            i = end;
            continue;
        }
        // ASCII white space, the commonest byte after letters, without decoding.
        if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            i += 1;
            continue;
        }
        // Wire copy tags company names ("<Harbour Trust Bank BSC> said") and
        // tickers ("Harbour Corp <HTC> said"): the marks around a name carry
        // no word and would break the name from its verb; a ticker reads as
        // one in brackets does.
        if byte == b'<'
            && let Some(tag) = wire_tag(bytes, i)
        {
            if tag.ticker {
                // One word, whatever its periods ("<TSBA.T>").
                let marks = [
                    (i, i + 1, Kind::OpenParen),
                    (i + 1, tag.close, Kind::Word),
                    (tag.close, tag.close + 1, Kind::CloseParen),
                ];
                for (start, end, kind) in marks {
                    let token = Token {
                        start: start as u32,
                        end: end as u32,
                        kind,
                    };
                    push(tokens, token);
                }
                i = tag.close + 1;
            } else {
                open_tag = Some(tag.close);
                i += 1;
            }
            continue;
        }
        if byte == b'>' && open_tag.take_if(|&mut close| close == i).is_some() {
            i += 1;
            continue;
        }
        // An ASCII byte past that test is no white space: only the others
        // are decoded and tested.
        let (c, width) = if byte.is_ascii() {
            (char::from(byte), 1)
        } else {
            let Some(c) = char_at(i) else { break };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            (c, c.len_utf8())
        };
        let start = i;
        // An ASCII byte is read from the table, without a call.
        let word_start = if byte.is_ascii() {
            ALPHANUMERIC[usize::from(byte)]
        } else {
            is_word_char(c)
        };
        let kind = if word_start {
            i = word_end(text, i, i);
            if c.is_ascii_digit() {
                Kind::Number
            } else {
                Kind::Word
            }
        } else if c == '\'' && bytes.get(i + 1) == Some(&b'\'') {
            // Two apostrophes are a double quotation mark (some wires write
            // ''…''). Three are a double and a single: the single inside when
            // opening ('''Kosovo), first when closing (case,''').
            let closing_three = bytes.get(i + 2) == Some(&b'\'')
                && start > 0
                && !text[..start].ends_with(char::is_whitespace);
            if closing_three {
                let single = Token {
                    start: start as u32,
                    end: start as u32 + 1,
                    kind: Kind::Quote(Mark::SingleStraight),
                };
                push(tokens, single);
                let double = Token {
                    start: start as u32 + 1,
                    end: start as u32 + 3,
                    kind: Kind::Quote(Mark::DoubleStraight),
                };
                push(tokens, double);
                i += 3;
                continue;
            }
            i += 2;
            Kind::Quote(Mark::DoubleStraight)
        } else if c == '`' && bytes.get(i + 1) == Some(&b'`') {
            i += 2;
            Kind::Quote(Mark::DoubleOpen)
        } else if matches!(c, '‘' | '’') && text[i + width..].starts_with(c) {
            // "“It was bad,’’ she said": two curly singles are a double mark.
            i += 2 * width;
            Kind::Quote(if c == '‘' {
                Mark::DoubleOpen
            } else {
                Mark::DoubleClose
            })
        } else if is_quote(c) {
            i += width;
            // "'s" after a word is a possessive (or "is"), not a quote.
            let after_word = tokens
                .last()
                .is_some_and(|t: &Token| t.end as usize == start && t.kind.is_wordlike());
            // (Old wire copy writes it with a double mark: "Kuwait"s minister".)
            let possessive_mark =
                matches!(c, '\'' | '’') || c == '"' && bytes.get(i) == Some(&b's');
            if after_word && possessive_mark && is_possessive_s(text, i) {
                i += 1;
                Kind::Possessive
            } else {
                Kind::Quote(quote_mark(c))
            }
        } else if is_dash(c) {
            i += width;
            while char_at(i).is_some_and(is_dash) {
                i += char_at(i).map_or(1, char::len_utf8);
            }
            Kind::Dash
        } else {
            i += width;
            match c {
                ',' => Kind::Comma,
                '.' if bytes.get(i) == Some(&b'.') => {
                    while bytes.get(i) == Some(&b'.') {
                        i += 1;
                    }
                    Kind::Ellipsis
                }
                '.' => Kind::Period,
                '…' => Kind::Ellipsis,
                '?' => Kind::Question,
                '!' => Kind::Exclamation,
                ':' => Kind::Colon,
                ';' => Kind::Semicolon,
                '(' | '[' | '{' => Kind::OpenParen,
                ')' | ']' | '}' => Kind::CloseParen,
                '-' if bytes.get(i) == Some(&b'-') => {
                    while bytes.get(i) == Some(&b'-') {
                        i += 1;
                    }
                    Kind::Dash
                }
                // A hyphen with space on either side is a dash: "talks - and".
                '-' if char_at(i).is_none_or(char::is_whitespace)
                    || start == 0
                    || text[..start].ends_with(char::is_whitespace) =>
                {
                    Kind::Dash
                }
                _ => Kind::Other,
            }
        };
        let token = Token {
            start: start as u32,
            end: i as u32,
            kind,
        };
        push(tokens, token);
    }
}

/// How many bytes `bytes` starts with that are ASCII letters or digits:
/// eight at a time (a word is rarely longer), then one by one.
fn alphanumeric_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // With every byte below 0x80, adding 0x80 - c sets a byte's high bit
    // exactly when it is at least c, and no sum carries into the next byte.
    let at_least = |word: u64, c: u64| word.wrapping_add(ONES * (0x80 - c)) & HIGHS;
    let mut run = 0;
    while let Some(eight) = bytes.get(run..run + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        let word = u64::from_le_bytes(word);
        let ascii = word & !HIGHS;
        let digit = at_least(ascii, 0x30) & !at_least(ascii, 0x3A);
        // Letters of either case, folded to lower case.
        let folded = ascii | (ONES * 0x20);
        let letter = at_least(folded, 0x61) & !at_least(folded, 0x7B);
        // Bytes above ASCII end the run too (by `ALPHANUMERIC`).
        let others = !(digit | letter) & HIGHS | word & HIGHS;
        if others != 0 {
            return run + (others.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    run + bytes[run..]
        .iter()
        .position(|&byte| !ALPHANUMERIC[usize::from(byte)])
        .unwrap_or(bytes.len() - run)
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// After an apostrophe at `i - 1`: is this "'s" followed by a non-word character?
fn is_possessive_s(text: &str, i: usize) -> bool {
    let rest = &text[i..];
    let mut chars = rest.chars();
    matches!(chars.next(), Some('s' | 'S')) && chars.next().is_none_or(|c| !is_word_char(c))
}

/// Whether a word may go on past `byte` (or end with it): a byte beyond
/// ASCII, a mark that joins words, or a period or comma. Any other byte
/// after a word's letters and digits ends it there.
fn joins_or_ends(byte: u8) -> bool {
    !byte.is_ascii() || matches!(byte, b'-' | b'&' | b'/' | b'\'' | b'.' | b',')
}

/// The end of the word starting at `start`, read on from `i` (the word's
/// characters run at least that far): word characters joined by inner
/// hyphens, apostrophes (not a possessive "'s"), periods of acronyms and
/// decimals, commas of numbers and ampersands; plus a period that belongs to
/// an abbreviation or initial. (The tokenizer ends most words itself, at
/// the end of their letters and digits.)
fn word_end(text: &str, start: usize, mut i: usize) -> usize {
    let mut last_joiner_ok;
    let bytes = text.as_bytes();
    loop {
        loop {
            // An ASCII byte is a word character exactly when it is a letter or
            // digit (see `is_word_char`), so most words are read byte by byte.
            i += bytes.get(i..).map_or(0, alphanumeric_run);
            if bytes.get(i).is_none_or(u8::is_ascii) {
                break;
            }
            match text[i..].chars().next() {
                Some(c) if !c.is_ascii() && is_word_char(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        // A word that joins nothing more ends here, with no more to decode.
        if !bytes.get(i).copied().is_some_and(joins_or_ends) {
            return i;
        }
        let mut rest = text[i..].chars();
        let (Some(joiner), Some(next)) = (rest.next(), rest.next()) else {
            break;
        };
        let prev = text[..i].chars().next_back();
        last_joiner_ok = match joiner {
            '-' | '‐' | '&' | '/' => is_word_char(next),
            '\'' | '’' => next.is_alphabetic() && !is_possessive_s(text, i + joiner.len_utf8()),
            '.' => {
                // "U.S", "3.2": a period between two letters of an acronym, or two digits.
                // Only when a letter follows: a sentence's last word is spared.
                let segment_is_letter = || {
                    text[..i]
                        .rsplit(|c: char| !is_word_char(c))
                        .next()
                        .is_some_and(|s| s.chars().count() == 1)
                };
                (next.is_alphabetic()
                    && segment_is_letter()
                    && !rest.next().is_some_and(is_word_char))
                    || (prev.is_some_and(|p| p.is_ascii_digit()) && next.is_ascii_digit())
            }
            ',' => {
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_ascii_digit() && {
                    // "1,000" but not "1, 2": exactly three digits follow.
                    let digits = text[i + 1..]
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .count();
                    digits == 3
                }
            }
            _ => false,
        };
        if !last_joiner_ok {
            break;
        }
        i += joiner.len_utf8();
    }
    // A trailing period that belongs to the word.
    if text[i..].starts_with('.') && !text[i..].starts_with("..") {
        let word = &text[start..i];
        // "J. K. Rowling", but not "a post on X." at a sentence's end.
        let name_follows = || {
            text[i + 1..].strip_prefix(' ').is_some_and(|rest| {
                let next_word = rest
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                rest.starts_with(char::is_uppercase) && !SENTENCE_OPENERS.contains(next_word)
            })
        };
        let initial =
            word.chars().count() == 1 && word.chars().all(char::is_uppercase) && name_follows();
        let acronym = word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic());
        let abbreviation = || {
            let last_segment = word.rsplit(['-', '‐']).next().unwrap_or(word);
            ABBREVIATIONS.contains(last_segment)
        };
        if initial || acronym || abbreviation() {
            i += 1;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_beyond_ascii_separates_words_as_ascii_space_does() {
        let words = |text: &str| -> Vec<String> {
            tokenize(text)
                .iter()
                .map(|t| t.text(text).to_string())
                .collect()
        };
        for space in [
            '\u{a0}', '\u{2003}', '\u{3000}', '\u{85}', ' ', '\t', '\x0b',
        ] {
            let text = format!("Ana{space}Ruiz{space}{space}said.{space}");
            assert_eq!(words(&text), ["Ana", "Ruiz", "said", "."], "{space:?}");
        }
    }

    #[test]
    fn an_alphanumeric_run_ends_where_the_table_says() {
        let mut texts: Vec<Vec<u8>> = (0..=255u8)
            .flat_map(|byte| {
                (0..17).map(move |at| {
                    let mut text = b"abcXYZ0123456789az".to_vec();
                    text.insert(at, byte);
                    text
                })
            })
            .collect();
        texts.push(b"".to_vec());
        texts.push("caf\u{e9} au lait".as_bytes().to_vec());
        for text in texts {
            let expected = text
                .iter()
                .position(|&byte| !ALPHANUMERIC[usize::from(byte)])
                .unwrap_or(text.len());
            assert_eq!(alphanumeric_run(&text), expected, "{text:?}");
        }
    }

    /// `word_end` and `tokenize` read ASCII without decoding on this rule.
    #[test]
    fn an_ascii_word_character_is_a_letter_or_digit() {
        for byte in 0u8..128 {
            let c = char::from(byte);
            assert_eq!(is_word_char(c), c.is_ascii_alphanumeric(), "{byte:#x}");
            assert_eq!(
                ALPHANUMERIC[usize::from(byte)],
                is_word_char(c),
                "{byte:#x}"
            );
            assert_eq!(
                c.is_whitespace(),
                matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C),
                "{byte:#x}"
            );
        }
    }

    fn words(text: &str) -> Vec<(&str, Kind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn possessives_split_off_but_names_with_apostrophes_stay_whole() {
        assert_eq!(texts("Trump's son"), ["Trump", "'s", "son"]);
        assert_eq!(texts("O’Malley’s campaign"), ["O’Malley", "’s", "campaign"]);
        assert_eq!(
            texts("We're here, don't go"),
            ["We're", "here", ",", "don't", "go"]
        );
        assert_eq!(words("Trump's")[1].1, Kind::Possessive);
        assert_eq!(words("Kuwait\"s oil")[1].1, Kind::Possessive);
        assert_eq!(
            words("said \"so\" and")[1].1,
            Kind::Quote(Mark::DoubleStraight)
        );
    }

    #[test]
    fn abbreviations_keep_their_period_and_sentences_keep_theirs() {
        assert_eq!(
            texts("Mr. Smith met U.S. envoys in Jan. and left."),
            [
                "Mr.", "Smith", "met", "U.S.", "envoys", "in", "Jan.", "and", "left", "."
            ]
        );
        assert_eq!(
            texts("Sen. Dick Durbin, D-Ill., said"),
            ["Sen.", "Dick", "Durbin", ",", "D-Ill.", ",", "said"]
        );
        assert_eq!(texts("J. K. Rowling"), ["J.", "K.", "Rowling"]);
        assert_eq!(
            texts("a post on X. Then"),
            ["a", "post", "on", "X", ".", "Then"]
        );
    }

    #[test]
    fn numbers_hyphens_and_dashes() {
        assert_eq!(
            texts("$3.2 million, 1,000 son-in-law Nato-style — and -- then - now"),
            [
                "$",
                "3.2",
                "million",
                ",",
                "1,000",
                "son-in-law",
                "Nato-style",
                "—",
                "and",
                "--",
                "then",
                "-",
                "now"
            ]
        );
        assert_eq!(words("2022")[0].1, Kind::Number);
    }

    #[test]
    fn quote_marks_are_tokens() {
        let kinds: Vec<Kind> = words("“Yes,” she said. \"No\" ‘maybe’")
            .into_iter()
            .map(|(_, k)| k)
            .collect();
        assert_eq!(kinds[0], Kind::Quote(Mark::DoubleOpen));
        assert_eq!(kinds[3], Kind::Quote(Mark::DoubleClose));
        assert!(kinds.contains(&Kind::Quote(Mark::DoubleStraight)));
        assert!(kinds.contains(&Kind::Quote(Mark::SingleOpen)));
        assert!(kinds.contains(&Kind::Quote(Mark::SingleClose)));
    }

    #[test]
    fn wire_tags_around_a_name_leave_only_its_words() {
        assert_eq!(
            texts("<Harbour Trust BSC> (HTB) said"),
            ["Harbour", "Trust", "BSC", "(", "HTB", ")", "said"]
        );
        // A ticker is in brackets.
        assert_eq!(
            words("Harbour Corp <HTC.L> said")
                .into_iter()
                .map(|(_, kind)| kind)
                .collect::<Vec<_>>(),
            [
                Kind::Word,
                Kind::Word,
                Kind::OpenParen,
                Kind::Word,
                Kind::CloseParen,
                Kind::Word
            ]
        );
        // A comparison keeps its marks.
        assert_eq!(texts("if a < b"), ["if", "a", "<", "b"]);
    }

    #[test]
    fn doubled_apostrophes_and_backticks_are_double_quotes() {
        let kinds: Vec<Kind> = words("''Yes,'' he said. ``No''")
            .into_iter()
            .map(|(_, k)| k)
            .collect();
        assert_eq!(kinds[0], Kind::Quote(Mark::DoubleStraight));
        assert_eq!(kinds[3], Kind::Quote(Mark::DoubleStraight));
        assert_eq!(kinds[7], Kind::Quote(Mark::DoubleOpen));
    }

    #[test]
    fn two_curly_single_marks_are_a_double_mark() {
        let kinds: Vec<Kind> = words("“Yes,’’ he said. ‘‘No’’")
            .into_iter()
            .map(|(_, k)| k)
            .collect();
        assert_eq!(kinds[0], Kind::Quote(Mark::DoubleOpen));
        assert_eq!(kinds[3], Kind::Quote(Mark::DoubleClose));
        assert_eq!(kinds[7], Kind::Quote(Mark::DoubleOpen));
        assert_eq!(kinds[9], Kind::Quote(Mark::DoubleClose));
    }

    #[test]
    fn ellipses_and_parentheses() {
        assert_eq!(
            texts("time... that (Putin) …"),
            ["time", "...", "that", "(", "Putin", ")", "…"]
        );
    }

    #[test]
    fn the_breaks_are_the_tokens_a_quote_or_sentence_may_break_at() {
        let text = "Mr. Smith said “it’s over.” The U.S. agreed... <TSBA.T> ''Yes,''' \
                    he said; ‘Why?’ she asked! – 3.2 million";
        let (tokens, breaks) = tokenize_with_breaks(text);
        let expected: Vec<u32> = (0..tokens.len() as u32)
            .filter(|&i| may_break(text.as_bytes(), &tokens[i as usize]))
            .collect();
        assert_eq!(breaks, expected);
        assert!(expected.len() > 8);
    }

    #[test]
    fn offsets_are_byte_offsets_on_char_boundaries() {
        let text = "Zelenskiy’s “painful” – naïve 😀 words";
        for token in tokenize(text) {
            assert!(text.is_char_boundary(token.start as usize));
            assert!(text.is_char_boundary(token.end as usize));
            assert!(token.start < token.end);
        }
    }
}
