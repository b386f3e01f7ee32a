//! Points listed one a paragraph after "President Ruiz also said:" closed
//! the paragraph before: each is what the one introduced said.

use std::ops::Range;

use super::source::{looks_finite, opens_predicate};
use crate::annotate::para::Para;
use crate::annotate::token::Kind;

/// Words of a point of a list: a longer paragraph is the story again.
const POINT_WORDS: std::ops::RangeInclusive<usize> = 3..=40;
/// How far into a point its verb may come, in tokens.
const VERB_REACH: usize = 8;

/// The bytes of a paragraph that reads as one point of what was said: a
/// one short sentence with a verb near its start (its first word a word, not a
/// quote, which the quotes' own rules give their speaker), not a
/// heading that opens another list ("…:") or a question. "Read the full
/// transcript" (no subject before its verb) is not one.
pub fn listed_point(p: &Para) -> Option<Range<usize>> {
    let words = (0..p.len()).filter(|&t| p.kind(t).is_wordlike()).count();
    let last = p.len().checked_sub(1)?;
    if !POINT_WORDS.contains(&words)
        || !p.is_capitalized(0)
        || matches!(p.kind(last), Kind::Colon | Kind::Question)
        // One sentence: a reply after the list runs on to more.
        || (0..last).any(|t| p.kind(t).is_terminal() && !p.inside_quote(t))
    {
        return None;
    }
    let has_verb = (1..p.len().min(VERB_REACH))
        .take_while(|&t| p.kind(t).is_wordlike() || p.kind(t) == Kind::Possessive)
        .any(|t| looks_finite(p, t) || opens_predicate(p, t));
    let end = if p.kind(last).is_terminal() {
        last
    } else {
        p.len()
    };
    has_verb.then(|| p.bytes(0..end))
}
