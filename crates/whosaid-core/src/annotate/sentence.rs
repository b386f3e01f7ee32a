//! Sentence boundaries, outside quotes. A quote and the clause that
//! attributes it stay in one sentence, however many sentences the quote holds.

use std::ops::Range;

use super::quotes::Quotes;
use super::token::{Kind, PREFIX_ABBREVIATIONS, SENTENCE_OPENERS, Token};

/// [`split_into`] a new vector.
#[cfg(test)]
pub fn split(text: &str, tokens: &[Token], quotes: &Quotes) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let breaks: Vec<u32> = (0..tokens.len() as u32)
        .filter(|&i| super::token::may_break(text.as_bytes(), &tokens[i as usize]))
        .collect();
    split_into(text, tokens, &breaks, quotes, &mut sentences);
    sentences
}

/// Token ranges of the sentences of a paragraph, into `sentences` (emptied
/// first, its room reused from the paragraph before). A sentence ends only
/// at one of `breaks` ([`may_break`](super::token::may_break)): most
/// tokens are words that end with no period.
pub fn split_into(
    text: &str,
    tokens: &[Token],
    breaks: &[u32],
    quotes: &Quotes,
    sentences: &mut Vec<Range<usize>>,
) {
    sentences.clear();
    let mut start = 0;
    for &i in breaks {
        let i = i as usize;
        // (Past the breaks that a sentence's closing marks took.)
        if i < start {
            continue;
        }
        if let Some(next) = boundary_after(text, tokens, quotes, i) {
            if next > start {
                sentences.push(start..next);
            }
            start = next;
        }
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
}

fn starts_sentence(text: &str, token: &Token) -> bool {
    match token.kind {
        Kind::Word => token
            .text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase),
        Kind::Number | Kind::OpenParen => true,
        Kind::Quote(mark) => mark.is_double() || matches!(mark, super::token::Mark::SingleOpen),
        _ => false,
    }
}

/// If a sentence ends with token `i`, the index of the first token of the next.
fn boundary_after(text: &str, tokens: &[Token], quotes: &Quotes, i: usize) -> Option<usize> {
    let token = &tokens[i];
    let terminal = match token.kind {
        _ if quotes.is_inside(i) => false,
        kind if kind.is_terminal() => true,
        // "…in the U.S. The talks…", "…said Sen. Smith, D-Ill. He…"
        // Most words do not end with a period: told by their last byte,
        // before the text is cut at character boundaries.
        Kind::Word
            if (token.end as usize)
                .checked_sub(1)
                .and_then(|last| text.as_bytes().get(last))
                != Some(&b'.') =>
        {
            false
        }
        Kind::Word => {
            let word = token.text(text);
            word.ends_with('.')
                && !PREFIX_ABBREVIATIONS.contains(word)
                && word.chars().count() > 2
                && tokens.get(i + 1).is_some_and(|next| {
                    // ("the U.S. And Japan": wire copy capitalizes the word
                    // after "U.S."; a sentence seldom opens with "And" or "Or" after one.)
                    SENTENCE_OPENERS.contains(next.text(text))
                        && !matches!(next.text(text), "And" | "Or")
                        || matches!(next.kind, Kind::Quote(_))
                })
        }
        // A quote that ends with a full stop, then a capital: "“…again.” He left."
        Kind::Quote(_) => {
            quotes.closing_at(i).is_some()
                && i > 0
                && tokens[i - 1].kind.is_terminal()
                && tokens
                    .get(i + 1)
                    .is_some_and(|next| starts_sentence(text, next) && next.kind != Kind::OpenParen)
                && (introduced(text, tokens, quotes, i)
                    || !looks_like_attribution(text, tokens, i + 1))
        }
        _ => false,
    };
    if !terminal {
        return None;
    }
    // Closing marks and brackets belong to the sentence they close.
    let mut next = i + 1;
    while next < tokens.len()
        && (tokens[next].kind == Kind::CloseParen || quotes.closing_at(next).is_some())
    {
        next += 1;
    }
    let following = tokens.get(next)?;
    starts_sentence(text, following).then_some(next)
}

/// Whether the quote closing at token `close` was introduced by a cue and a
/// colon or comma ("Hughes said: “…”"): it has its attribution already, so
/// a name and a cue after it open a sentence of their own ("“…did.” Alan
/// Milburn told Today that …").
fn introduced(text: &str, tokens: &[Token], quotes: &Quotes, close: usize) -> bool {
    let Some(open) = quotes
        .closing_at(close)
        .and_then(|q| quotes.quotes.get(q))
        .and_then(|q| q.open)
    else {
        return false;
    };
    // ("He told reporters: “…”", "said to media representatives: “…”":
    // the cue a listener's words before the mark.)
    open >= 2
        && matches!(tokens[open - 1].kind, Kind::Colon | Kind::Comma)
        && tokens[..open - 1]
            .iter()
            .rev()
            .take(MAX_CUE_BEFORE_MARK)
            .take_while(|t| t.kind == Kind::Word || t.kind == Kind::Possessive)
            .any(|t| {
                t.kind == Kind::Word
                    && super::lexicon::lexicon()
                        .cue(&t.text(text).to_ascii_lowercase())
                        .is_some()
            })
}

/// Longest stretch of words between a cue and the colon or comma that
/// introduces its quote ("told BBC One's Breakfast programme:"), in tokens.
const MAX_CUE_BEFORE_MARK: usize = 6;

/// "Trump said." or "said Trump" right after a quote: the quote's attribution,
/// not a new sentence, even when the quote ends with a full stop.
/// But "“…soft.” He says referees are bad": a pronoun, its cue, then a
/// clause of its own (not a comma, a stop, or "on Monday") starts a sentence,
/// as does any subject whose cue is followed by "that" or introduces a new
/// quote that opens with a capital.
fn looks_like_attribution(text: &str, tokens: &[Token], from: usize) -> bool {
    let lexicon = super::lexicon::lexicon();
    let lower = |t: &Token| t.text(text).to_ascii_lowercase();
    let Some(cue) = tokens[from..]
        .iter()
        .take(4)
        .take_while(|t| t.kind.is_wordlike() || t.kind == Kind::Possessive)
        .position(|t| lexicon.cue(&lower(t)).is_some())
    else {
        return false;
    };
    let pronoun = tokens
        .get(from)
        .is_some_and(|t| PRONOUN_SUBJECTS.contains(&lower(t)));
    let reports_a_clause = tokens.get(from + cue + 1).is_some_and(|next| {
        next.kind == Kind::Word
            && !super::grammar::PREPOSITIONS.contains(&lower(next))
            && !super::grammar::TIME_WORDS.contains(&lower(next))
            && !super::grammar::DAYS.contains(&lower(next))
            // "“Too forced?” He tweeted when …": a time clause, not a report.
            && !SUBORDINATORS.contains(&lower(next))
    });
    // "“…disaster.” Berg has said that …": a subject, its cue and "that"
    // report something new.
    let that_clause = cue >= 1
        && tokens
            .get(from + cue + 1)
            .is_some_and(|next| lower(next) == "that");
    // "“…fate.” He added, “…”": the cue introduces the next quote.
    let introduces_quote = cue >= 1
        && tokens
            .get(from + cue + 1)
            .is_some_and(|t| matches!(t.kind, Kind::Comma | Kind::Colon))
        && tokens
            .get(from + cue + 2)
            .is_some_and(|t| matches!(t.kind, Kind::Quote(mark) if mark.is_double()))
        && tokens
            .get(from + cue + 3)
            .is_some_and(|t| starts_sentence(text, t));
    !(pronoun && cue == 1 && reports_a_clause || that_clause || introduces_quote)
}

/// Words that open a time or condition clause after a cue ("said when").
static SUBORDINATORS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("subordinators");

/// Subject pronouns that open a new sentence with their own cue after a quote.
static PRONOUN_SUBJECTS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("pronoun_subjects");

#[cfg(test)]
mod tests {
    use super::super::quotes;
    use super::super::token::tokenize;
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let quotes = quotes::find(text, &tokens, false);
        split(text, &tokens, &quotes)
            .into_iter()
            .map(|r| {
                text[tokens[r.start].start as usize..tokens[r.end - 1].end as usize].to_string()
            })
            .collect()
    }

    #[test]
    fn splits_on_full_stops_not_abbreviations() {
        assert_eq!(
            sentences("Mr. Smith met Sen. Jones in the U.S. Senate. They talked. It was Jan. 5."),
            [
                "Mr. Smith met Sen. Jones in the U.S. Senate.",
                "They talked.",
                "It was Jan. 5."
            ]
        );
    }

    #[test]
    fn a_quote_a_listener_introduced_ends_before_the_next_sentence() {
        assert_eq!(
            sentences("He told reporters: “You are wrong.” Vega said the plan would stand."),
            [
                "He told reporters: “You are wrong.”",
                "Vega said the plan would stand."
            ]
        );
    }

    #[test]
    fn quotes_stay_whole_with_their_attribution() {
        assert_eq!(
            sentences("“Are we ready? Absolutely,” the official added. “Go.”"),
            ["“Are we ready? Absolutely,” the official added.", "“Go.”"]
        );
        assert_eq!(
            sentences("“It is over.” Smith said. He left."),
            ["“It is over.” Smith said.", "He left."]
        );
        assert_eq!(
            sentences("“It is over.” He left."),
            ["“It is over.”", "He left."]
        );
    }

    #[test]
    fn dotted_abbreviations_end_sentences_before_an_opener() {
        assert_eq!(
            sentences("He flew to the U.S. The talks began."),
            ["He flew to the U.S.", "The talks began."]
        );
        // Wire copy capitalizes the word after "U.S.", "and" too.
        assert_eq!(
            sentences("Talks between the U.S. And British negotiators began."),
            ["Talks between the U.S. And British negotiators began."]
        );
    }

    #[test]
    fn ellipses_before_lower_case_do_not_split() {
        assert_eq!(
            sentences("I felt... that it was good."),
            ["I felt... that it was good."]
        );
    }
}
