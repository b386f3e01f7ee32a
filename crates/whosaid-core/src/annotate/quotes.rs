//! Quotation marks → quoted stretches of a paragraph.
//!
//! Curly marks say which way they face; straight marks are decided by the
//! spaces around them. A quote left open at the end of a paragraph runs to its
//! end, and a paragraph that then opens with a quote mark continues it (the
//! news convention for quotes over several paragraphs). Single marks count
//! only where they clearly pair up, so apostrophes ("officials’") are not quotes.

use super::token::{Kind, Mark, Token};

/// One quoted stretch. Token indices are into the paragraph's tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// The opening mark; `None` when the quote carries on from the previous
    /// paragraph with no mark of its own.
    pub open: Option<usize>,
    /// The closing mark; `None` when the quote runs to the paragraph's end.
    pub close: Option<usize>,
    /// Carries on a quote left open in the previous paragraph.
    pub continued: bool,
    /// Made of single marks (‘…’).
    pub single: bool,
}

impl Quote {
    /// Token indices strictly inside the marks.
    pub fn inner(&self, token_count: usize) -> std::ops::Range<usize> {
        let start = self.open.map_or(0, |o| o + 1);
        let end = self.close.unwrap_or(token_count);
        start..end.max(start)
    }
}

/// The quotes of one paragraph, and which tokens they cover.
#[derive(Debug, Clone, Default)]
pub struct Quotes {
    /// Outermost quotes in order; nested quotes are part of their outer quote.
    pub quotes: Vec<Quote>,
    /// For each token: the index in `quotes` of the quote it lies inside
    /// (marks excluded).
    pub inside: Vec<Option<u32>>,
}

impl Quotes {
    /// The last quote runs to the paragraph's end.
    pub fn ends_open(&self) -> bool {
        self.quotes.last().is_some_and(|q| q.close.is_none())
    }

    pub fn is_inside(&self, token: usize) -> bool {
        self.inside.get(token).is_some_and(Option::is_some)
    }

    /// The quote whose opening mark is this token. Quotes do not overlap, so
    /// their marks are in order and a binary search finds it.
    pub fn opening_at(&self, token: usize) -> Option<usize> {
        let n = self
            .quotes
            .partition_point(|q| q.open.is_none_or(|o| o < token));
        self.quotes
            .get(n)
            .filter(|q| q.open == Some(token))
            .map(|_| n)
    }

    /// The quote whose closing mark is this token.
    pub fn closing_at(&self, token: usize) -> Option<usize> {
        let n = self
            .quotes
            .partition_point(|q| q.close.is_some_and(|c| c < token));
        self.quotes
            .get(n)
            .filter(|q| q.close == Some(token))
            .map(|_| n)
    }

    /// Quotes whose marks both lie inside `tokens`.
    pub fn within(&self, tokens: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let first = self
            .quotes
            .partition_point(|q| q.open.is_none_or(|o| o < tokens.start));
        let last = self
            .quotes
            .partition_point(|q| q.close.is_some_and(|c| c < tokens.end));
        first..last.max(first)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    Either,
}

/// [`find_into`] new vectors.
#[cfg(test)]
pub fn find(text: &str, tokens: &[Token], after_open: bool) -> Quotes {
    let mut found = Quotes::default();
    let breaks: Vec<u32> = (0..tokens.len() as u32)
        .filter(|&i| super::token::may_break(text.as_bytes(), &tokens[i as usize]))
        .collect();
    find_into(text, tokens, &breaks, after_open, &mut found);
    found
}

/// Finds the quotes of a paragraph, into `found` (its vectors emptied first
/// and their room reused from the paragraph before). `breaks` are the
/// tokens a quote may break at ([`may_break`](super::token::may_break)),
/// every quotation mark among them. `after_open` says the previous
/// paragraph ended inside a quote.
pub fn find_into(
    text: &str,
    tokens: &[Token],
    breaks: &[u32],
    after_open: bool,
    found: &mut Quotes,
) {
    let Quotes { quotes, inside } = found;
    quotes.clear();
    inside.clear();
    let mut open: Option<usize> = None;
    for &i in breaks {
        let i = i as usize;
        let Kind::Quote(mark) = tokens[i].kind else {
            continue;
        };
        if !mark.is_double() {
            continue;
        }
        let facing = match mark {
            Mark::DoubleOpen => Facing::Open,
            Mark::DoubleClose => Facing::Close,
            _ => facing(text, tokens, i),
        };
        match (facing, open) {
            (Facing::Open | Facing::Either, None) => open = Some(i),
            (Facing::Close | Facing::Either, Some(o)) => {
                quotes.push(closed(o, i));
                open = None;
            }
            // An opening curly mark typed where a closing one belongs: text
            // before it and a space after it ("…here,“ said Clyburn").
            (Facing::Open, Some(o))
                if !space_before(text, tokens, i) && space_after(text, tokens, i) =>
            {
                quotes.push(closed(o, i));
                open = None;
            }
            // Otherwise a second opening mark mid-quote is nested: part of the quote.
            (Facing::Open, Some(_)) => {}
            (Facing::Close, None) => {
                // A closing mark with nothing open: the end of a quote carried
                // over from the previous paragraph, if nothing came before it.
                if after_open && quotes.is_empty() {
                    quotes.push(Quote {
                        open: None,
                        close: Some(i),
                        continued: true,
                        single: false,
                    });
                }
            }
        }
    }
    if let Some(o) = open {
        quotes.push(Quote {
            open: Some(o),
            close: None,
            continued: false,
            single: false,
        });
    }
    if after_open
        && let Some(first) = quotes.first_mut()
        && (first.open == Some(0) || first.open.is_none())
    {
        first.continued = true;
    }
    inside.resize(tokens.len(), None);
    mark_inside(quotes, tokens.len(), inside);
    add_single_quotes(text, tokens, breaks, quotes, inside);
}

fn closed(open: usize, close: usize) -> Quote {
    Quote {
        open: Some(open),
        close: Some(close),
        continued: false,
        single: false,
    }
}

fn mark_inside(quotes: &[Quote], token_count: usize, inside: &mut [Option<u32>]) {
    for (n, quote) in quotes.iter().enumerate() {
        for slot in &mut inside[quote.inner(token_count)] {
            *slot = Some(n as u32);
        }
    }
}

fn space_before(text: &str, tokens: &[Token], i: usize) -> bool {
    let start = tokens[i].start as usize;
    start == 0 || text[..start].ends_with(char::is_whitespace)
}

fn space_after(text: &str, tokens: &[Token], i: usize) -> bool {
    let end = tokens[i].end as usize;
    end == text.len() || text[end..].starts_with(char::is_whitespace)
}

fn opens_context(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::OpenParen | Kind::Dash | Kind::Colon | Kind::Quote(_)
    )
}

fn closes_context(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Comma
            | Kind::Period
            | Kind::Question
            | Kind::Exclamation
            | Kind::Colon
            | Kind::Semicolon
            | Kind::Ellipsis
            | Kind::Dash
            | Kind::CloseParen
            | Kind::Quote(_)
    )
}

/// Which way a straight mark faces, from the spaces and punctuation around it.
fn facing(text: &str, tokens: &[Token], i: usize) -> Facing {
    let before = space_before(text, tokens, i)
        || i > 0 && opens_context(tokens[i - 1].kind) && !space_after(text, tokens, i);
    let after = space_after(text, tokens, i)
        || tokens
            .get(i + 1)
            .is_some_and(|next| next.start == tokens[i].end && closes_context(next.kind));
    match (before, after) {
        (true, false) => Facing::Open,
        (false, true) => Facing::Close,
        _ => Facing::Either,
    }
}

/// Longest single-quoted stretch believed, in tokens: longer ones are more
/// likely apostrophes that happened to pair up.
const SINGLE_QUOTE_MAX_TOKENS: usize = 60;

/// Adds ‘single-quoted’ stretches outside double quotes where an opening mark
/// (space before, a letter after) pairs with a closing one (no space before,
/// space or punctuation after).
fn add_single_quotes(
    text: &str,
    tokens: &[Token],
    breaks: &[u32],
    quotes: &mut Vec<Quote>,
    inside: &mut [Option<u32>],
) {
    let mut found = Vec::new();
    // The first token past the last single quote found.
    let mut from = 0;
    // An opening mark is a break.
    for &i in breaks {
        let i = i as usize;
        if i < from {
            continue;
        }
        let opener = matches!(
            tokens[i].kind,
            Kind::Quote(Mark::SingleOpen | Mark::SingleStraight)
        ) && inside[i].is_none()
            && (space_before(text, tokens, i) || i > 0 && opens_context(tokens[i - 1].kind))
            && tokens
                .get(i + 1)
                .is_some_and(|next| next.start == tokens[i].end && next.kind == Kind::Word);
        if !opener {
            continue;
        }
        let limit = (i + SINGLE_QUOTE_MAX_TOKENS).min(tokens.len());
        let close = (i + 2..limit)
            .take_while(|&j| {
                inside[j].is_none() && !matches!(tokens[j].kind, Kind::Quote(m) if m.is_double())
            })
            .find(|&j| {
                matches!(
                    tokens[j].kind,
                    Kind::Quote(Mark::SingleClose | Mark::SingleStraight)
                ) && !space_before(text, tokens, j)
                    && (space_after(text, tokens, j)
                        || tokens
                            .get(j + 1)
                            .is_some_and(|next| closes_context(next.kind)))
            });
        if let Some(j) = close {
            found.push(Quote {
                open: Some(i),
                close: Some(j),
                continued: false,
                single: true,
            });
            from = j + 1;
        }
    }
    if found.is_empty() {
        return;
    }
    quotes.extend(found);
    quotes.sort_by_key(|q| q.open.unwrap_or(0));
    inside.fill(None);
    mark_inside(quotes, tokens.len(), inside);
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn quoted(text: &str, after_open: bool) -> Vec<String> {
        let tokens = tokenize(text);
        let found = find(text, &tokens, after_open);
        found
            .quotes
            .iter()
            .map(|q| {
                let inner = q.inner(tokens.len());
                if inner.is_empty() {
                    return String::new();
                }
                let start = tokens[inner.start].start as usize;
                let end = tokens[inner.end - 1].end as usize;
                text[start..end].to_string()
            })
            .collect()
    }

    #[test]
    fn curly_and_straight_quotes_pair() {
        assert_eq!(
            quoted(
                "“We won,” she said. \"We will win again,\" he added.",
                false
            ),
            ["We won,", "We will win again,"]
        );
    }

    #[test]
    fn a_mistyped_opening_mark_can_close_a_quote() {
        assert_eq!(
            quoted("“It will be hard,“ said the mayor.", false),
            ["It will be hard,"]
        );
    }

    #[test]
    fn mixed_curly_and_straight_marks_in_one_paragraph() {
        assert_eq!(
            quoted("“One” and \"two\" and “three\"", false),
            ["One", "two", "three"]
        );
    }

    #[test]
    fn an_open_quote_runs_to_the_end_and_continues_next_paragraph() {
        let first = "“It was long. It went on";
        let tokens = tokenize(first);
        assert!(find(first, &tokens, false).ends_open());
        let next = "“And on,” he said.";
        let tokens = tokenize(next);
        let found = find(next, &tokens, true);
        assert!(found.quotes[0].continued);
    }

    #[test]
    fn single_quotes_nested_in_double_are_part_of_the_outer_quote() {
        assert_eq!(
            quoted("“He told me ‘never again’ and left,” she said.", false),
            ["He told me ‘never again’ and left,"]
        );
    }

    #[test]
    fn apostrophes_are_not_single_quotes() {
        assert!(quoted("The officials’ plan and the players’ union", false).is_empty());
        assert!(quoted("It was the ’90s, rock ’n’ roll", false).is_empty());
        assert_eq!(
            quoted("Police shouted ‘Stop now!’ at them", false),
            ["Stop now!"]
        );
    }

    #[test]
    fn inside_marks_tokens_between_the_marks() {
        let text = "He said “yes” today.";
        let tokens = tokenize(text);
        let found = find(text, &tokens, false);
        let inside: Vec<&str> = tokens
            .iter()
            .enumerate()
            .filter(|(i, _)| found.is_inside(*i))
            .map(|(_, t)| t.text(text))
            .collect();
        assert_eq!(inside, ["yes"]);
    }

    #[test]
    fn a_stray_closing_mark_ends_a_carried_quote() {
        assert_eq!(
            quoted("and that was all,” she said.", true),
            ["and that was all,"]
        );
        assert!(quoted("and that was all,” she said.", false).is_empty());
    }
}
