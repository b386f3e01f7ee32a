//! A hand-written matcher for the wire dateline that opens a lede.
//!
//! It replaces a regex-lite pattern (kept in the tests below, which check the
//! two agree): its Pike VM cost about 6% of all instructions annotating a
//! corpus of short stories, and compiling it was part of every start-up. The
//! pattern it accepts, with `S` any `char::is_whitespace` character:
//!
//! ```text
//! ^(?: (?P<upper>PLACE(?:S*/S*PLACE)*) (?:, [^—–\n()]{1,40}?)? (?:S*\([^)\n]{1,40}\))?
//!    | (?P<title>[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}) (?:, [^—–\n()]{1,40}?)? S*\(AGENCY\) )
//! S*(?:—|–|--|-|(?P<colon>:))S+
//! ```
//!
//! where `PLACE` is `[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*` and `AGENCY` one
//! of AP, Reuters, AFP, CNN, UPI, dpa, Bloomberg. The regex took the first
//! match in priority order (greedy parts longest first, the lazy date
//! shortest first), and so does this: the captures and the match's end are
//! the same, not just whether it matches.

/// Longest date ("Nov. 8") after the comma, and longest text in parentheses,
/// in characters.
const BOUNDED: usize = 40;

/// News agencies a title-case place needs after it: "Washington (CNN) —".
const AGENCIES: [&str; 7] = ["AP", "Reuters", "AFP", "CNN", "UPI", "dpa", "Bloomberg"];

/// A dateline found at the start of a lede.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Dateline {
    /// Byte length of the places ("BERLIN/KYIV", "Washington"), from 0.
    pub places_end: usize,
    /// Whether it ends with a colon rather than a dash.
    pub colon: bool,
    /// Byte offset just past the dateline and the white space after it.
    pub end: usize,
}

/// The dateline at the start of `text`, if it has one.
pub(super) fn find(text: &str) -> Option<Dateline> {
    // Ends of the upper-case places, longest first: the regex's greedy
    // parts backtracked in that order, so the first end the rest of the
    // dateline fits after is the one it captured.
    for places_end in upper_place_ends(text).into_iter().rev() {
        if let Some((end, colon)) = after_places(text, places_end, false) {
            return Some(Dateline {
                places_end,
                colon,
                end,
            });
        }
    }
    for places_end in title_place_ends(text).into_iter().rev() {
        if let Some((end, colon)) = after_places(text, places_end, true) {
            return Some(Dateline {
                places_end,
                colon,
                end,
            });
        }
    }
    None
}

/// "New Delhi: The …", "Lisbon: …": a place in title case that the
/// gazetteer lists (a city, a region or a country), then a colon. Without
/// an agency after it, a title-case word is a dateline only so: "Update:"
/// and "Tuesday:" name no place.
pub(super) fn find_listed_place_with_colon(text: &str) -> Option<Dateline> {
    title_place_ends(text)
        .into_iter()
        .rev()
        .find_map(|places_end| {
            let after = text[places_end..].strip_prefix(':')?;
            if !after.starts_with(char::is_whitespace)
                || !crate::annotate::countries::is_place(&text[..places_end])
            {
                return None;
            }
            Some(Dateline {
                places_end,
                colon: true,
                end: skip_space(text, places_end + 1),
            })
        })
}

/// `[A-Z.'’\-]`: a character of an upper-case place after its first.
fn place_char(c: char) -> bool {
    c.is_ascii_uppercase() || matches!(c, '.' | '\'' | '’' | '-')
}

/// The character at byte `at`, if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// Byte offset past the white space starting at `at`.
fn skip_space(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + (rest.len() - rest.trim_start().len())
}

/// Every byte offset at which `^PLACE(?:S*/S*PLACE)*` can end, ascending.
/// A word shortened from its full length is followed by a place character,
/// which can neither start a next word (after ' ') nor a '/' separator, so
/// each end is reached by one parse only and the longest parse comes first.
/// Only ends the rest of a dateline could follow are kept.
fn upper_place_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut word = 0;
    loop {
        if !char_at(text, word).is_some_and(|c| c.is_ascii_uppercase()) {
            return ends;
        }
        let mut end = word + 1;
        let mut chars = 0;
        for c in text[end..].chars() {
            if !place_char(c) {
                break;
            }
            end += c.len_utf8();
            chars += 1;
            // Only before a '-' can a shortened word end a dateline ("A-B -").
            if text[end..].starts_with(['-', ',', '(', ':', '—', '–'])
                || char_at(text, end).is_some_and(char::is_whitespace)
            {
                ends.push(end);
            }
        }
        if chars == 0 {
            // "[A-Z][A-Z.'’-]+" needs two characters: the chain stops here.
            return ends;
        }
        // The next word, after one space inside a place or a '/' between places.
        let spaced = end + 1;
        if text[end..].starts_with(' ') && starts_upper_word(text, spaced) {
            word = spaced;
            continue;
        }
        let slash = skip_space(text, end);
        if !text[slash..].starts_with('/') {
            return ends;
        }
        word = skip_space(text, slash + 1);
        if !starts_upper_word(text, word) {
            return ends;
        }
    }
}

/// Whether a two-character upper-case place word starts at `at`.
fn starts_upper_word(text: &str, at: usize) -> bool {
    let mut chars = text[at..].chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.next().is_some_and(place_char)
}

/// Byte offsets at which `^[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}` can end,
/// ascending: only after whole words, as a shortened word is followed by a
/// lower-case letter nothing after the place can start with.
fn title_place_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut at = 0;
    for index in 0..4 {
        let start = if index == 0 { at } else { at + 1 };
        if index > 0 && !text[at..].starts_with(' ') {
            break;
        }
        let bytes = text.as_bytes();
        if !bytes.get(start).is_some_and(u8::is_ascii_uppercase) {
            break;
        }
        let lower = bytes[start + 1..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        if lower == 0 {
            break;
        }
        at = start + 1 + lower;
        ends.push(at);
    }
    ends
}

/// The rest of a dateline after places ending at `at`: an optional date
/// after a comma, the parenthesised agency (required after a title-case
/// place) and the separator. Returns the match's end and whether the
/// separator is a colon.
fn after_places(text: &str, at: usize, title_case: bool) -> Option<(usize, bool)> {
    // ", Nov. 8": the date is lazy, so the shortest one that fits wins.
    if text[at..].starts_with(", ") {
        let mut date_end = at + 2;
        for c in text[date_end..].chars().take(BOUNDED) {
            if matches!(c, '—' | '–' | '\n' | '(' | ')') {
                break;
            }
            date_end += c.len_utf8();
            if let Some(found) = after_date(text, date_end, title_case) {
                return Some(found);
            }
        }
    }
    after_date(text, at, title_case)
}

/// The agency in parentheses (optional after upper-case places) and the
/// separator, from `at`.
fn after_date(text: &str, at: usize, title_case: bool) -> Option<(usize, bool)> {
    let parenthesised = parentheses(text, at);
    if title_case {
        let (inner, after) = parenthesised?;
        return if AGENCIES.contains(&inner) {
            separator(text, after)
        } else {
            None
        };
    }
    if let Some((_, after)) = parenthesised
        && let Some(found) = separator(text, after)
    {
        return Some(found);
    }
    separator(text, at)
}

/// `S*\([^)\n]{1,40}\)` at `at`: the text inside and the offset past ')'.
/// Greedy or not, the inside can only end where the ')' is.
fn parentheses(text: &str, at: usize) -> Option<(&str, usize)> {
    let open = skip_space(text, at);
    if !text[open..].starts_with('(') {
        return None;
    }
    let inside = open + 1;
    let mut close = inside;
    for (count, c) in text[inside..].chars().enumerate() {
        if c == ')' {
            return (count > 0).then(|| (&text[inside..close], close + 1));
        }
        if c == '\n' || count == BOUNDED {
            return None;
        }
        close += c.len_utf8();
    }
    None
}

/// `S*(?:—|–|--|-|:)S+` at `at`: the offset past the white space after the
/// separator, and whether it is a colon.
fn separator(text: &str, at: usize) -> Option<(usize, bool)> {
    let mark = skip_space(text, at);
    let rest = &text[mark..];
    // "--" before "-": either way white space must follow.
    let (len, colon) = ["—", "–", "--", "-", ":"]
        .iter()
        .find(|sep| {
            rest.strip_prefix(**sep)
                .is_some_and(|after| after.starts_with(char::is_whitespace))
        })
        .map(|sep| (sep.len(), *sep == ":"))?;
    Some((skip_space(text, mark + len), colon))
}

#[cfg(test)]
mod tests;
