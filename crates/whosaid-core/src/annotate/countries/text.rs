//! Small, allocation-free looks at the words around a match.

/// Letters and digits: what a name may not be glued to.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

pub(crate) fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The whitespace-separated token just before `at`, when only whitespace lies
/// between them ("Michael Jordan" → "Michael"; "(Jordan" → none), with its start.
pub(crate) fn token_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let head = text.get(..at)?;
    let trimmed = head.trim_end();
    if trimmed.len() == head.len() {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start < trimmed.len()).then(|| (start, &trimmed[start..]))
}

/// The whitespace-separated token just after `at`, when only whitespace lies
/// between them, with its start.
pub(crate) fn token_after(text: &str, at: usize) -> Option<(usize, &str)> {
    let tail = text.get(at..)?;
    let trimmed = tail.trim_start();
    if trimmed.len() == tail.len() {
        return None;
    }
    let start = at + (tail.len() - trimmed.len());
    let end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
    (end > 0).then(|| (start, &trimmed[..end]))
}

/// The token without punctuation around it: `"Smith,"` → `Smith`.
pub(crate) fn bare(token: &str) -> &str {
    token.trim_matches(|c: char| !is_word_char(c))
}

/// Ends in punctuation that breaks a name: "said," or "Smith." (but not "Mr.").
pub(crate) fn ends_with_break(token: &str) -> bool {
    token.ends_with([
        ',', ';', ':', '!', '?', ')', ']', '"', '”', '’', '\'', '—', '–',
    ]) || (token.ends_with('.') && !is_abbreviation(token))
}

/// "Mr.", "B.", "Sen.": a short word closed by a full stop.
fn is_abbreviation(token: &str) -> bool {
    let core = token.trim_end_matches('.');
    !core.is_empty() && core.len() <= 4 && core.chars().all(char::is_alphabetic)
}

/// The word is one of these, ignoring ASCII case; no allocation.
pub(crate) fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

pub(crate) fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// At least two letters, all upper case: "GIVE", "NATO".
pub(crate) fn is_caps_word(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Whether the token starting at `start` opens a sentence (or the paragraph).
pub(crate) fn opens_sentence(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end();
    match head.chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | '"' | '“' | '”' | '‘' | '(' | '[' | '—' | '–' | '-' | '\''
        ),
    }
}

/// How a paragraph is written, which changes what capitals mean.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Style {
    /// "GIVE US MORE WEAPONS": upper case tells nothing.
    pub all_caps: bool,
    /// "Jordan Closes Border": a capital does not start a name.
    pub title_case: bool,
}

impl Style {
    /// One pass over the bytes; letters outside ASCII are not counted, which a
    /// guess at the style can afford.
    pub fn of(text: &str, heading: bool) -> Style {
        let (mut letters, mut upper) = (0usize, 0usize);
        let (mut long_words, mut capitalised) = (0usize, 0usize);
        let (mut word_letters, mut word_upper) = (0usize, false);
        for &byte in text.as_bytes().iter().chain([b' '].iter()) {
            if byte.is_ascii_alphabetic() {
                letters += 1;
                upper += usize::from(byte.is_ascii_uppercase());
                if word_letters == 0 {
                    word_upper = byte.is_ascii_uppercase();
                }
                word_letters += 1;
            } else if byte.is_ascii_whitespace() {
                if word_letters >= 4 {
                    long_words += 1;
                    capitalised += usize::from(word_upper);
                }
                word_letters = 0;
            }
        }
        let all_caps = letters >= 8 && upper * 10 >= letters * 8;
        // A line of capitalised words that ends like a sentence is a sentence full of names.
        let sentence = text.trim_end().ends_with(['.', '!', '?', '"', '”', ')']);
        let title_case =
            heading || (!sentence && long_words >= 3 && capitalised * 10 >= long_words * 7);
        Style {
            all_caps,
            title_case,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_around_a_match() {
        let text = "said Michael Jordan, (Jordan) x";
        let at = text.find("Jordan").unwrap();
        assert_eq!(token_before(text, at), Some((5, "Michael")));
        assert_eq!(token_after(text, at + 6), None);
        assert_eq!(token_after(text, at + 7), Some((at + 8, "(Jordan)")));
        assert_eq!(token_before(text, text.find("(J").unwrap() + 1), None);
        assert_eq!(token_before("Jordan", 0), None);
    }

    #[test]
    fn breaks_and_abbreviations() {
        assert!(ends_with_break("said,"));
        assert!(ends_with_break("Smith."));
        assert!(!ends_with_break("Mr."));
        assert!(!ends_with_break("B."));
        assert!(!ends_with_break("Michael"));
    }

    #[test]
    fn styles() {
        assert!(Style::of("GIVE US MORE WEAPONS NOW", false).all_caps);
        assert!(!Style::of("The US gave more weapons to them", false).all_caps);
        assert!(Style::of("Jordan Closes Border With Syria", false).title_case);
        assert!(!Style::of("Jordan closed its border with Syria on Monday", false).title_case);
    }

    #[test]
    fn sentence_openings() {
        let text = "He left. Michael stayed";
        assert!(opens_sentence(text, text.find("Michael").unwrap()));
        assert!(!opens_sentence(text, text.find("stayed").unwrap()));
        assert!(opens_sentence(text, 0));
    }
}
