//! Quotes no cue claims: a quote continuing the previous speaker, "X: “C”",
//! titles and terms in quotation marks, and quotes nobody can be named for.

use super::content::{names_a_work, quote_content, word_count};
use super::source::{looks_finite, named_subject, noun_phrase_left};
use super::{Findings, Found, SourceRef, add_mention};
use crate::annotate::grammar::{self, WordSet};
use crate::annotate::lexicon::lexicon;
use crate::annotate::mentions::{self, Mention, MentionKind};
use crate::annotate::para::Para;
use crate::annotate::quotes::Quote;
use crate::annotate::token::Kind;
use crate::model::ClaimKind;

/// Title Case and short: the name of a film, book or programme, not a claim.
pub(super) fn looks_like_title(p: &Para, quote: &Quote) -> bool {
    let inner = quote.inner(p.len());
    in_title_case(p, quote)
        && !inner
            .clone()
            .any(|t| matches!(p.kind(t), Kind::Comma) && t + 1 == inner.end)
}

/// A short quote in Title Case, whatever its punctuation ("“Tide Lines,”"
/// is a title inside a description, though a comma closes it).
pub(super) fn in_title_case(p: &Para, quote: &Quote) -> bool {
    const MAX_TITLE_WORDS: usize = 8;
    grammar::title_case_counts(p, quote.inner(p.len()), MAX_TITLE_WORDS, MAX_TITLE_WORDS)
        .is_some_and(|(content_words, capitalized)| {
            content_words > 0 && capitalized * 4 >= content_words * 3
        })
}

/// Quotes no cue claimed: a continuation of a speaker, "X: “C”", or
/// unattributed. `quote_used` (the paragraph's last use of it) is marked
/// with every quote a claim holds.
pub(super) fn unclaimed_quotes(
    p: &Para,
    people: &[Mention],
    findings: &mut Findings,
    quote_used: &mut [bool],
) {
    if p.quotes.quotes.is_empty() {
        return;
    }
    // Indexes over the claims found so far, so that this stays linear on
    // paragraphs with thousands of quotes.
    let claimed = quote_used;
    for q in findings.claims.iter().filter_map(|c| c.quote) {
        claimed[q] = true;
    }
    // Most often every quote is claimed: then there is nothing to index.
    if claimed.iter().all(|&claimed| claimed) {
        return;
    }
    let mut spans: Vec<(usize, usize)> = findings
        .claims
        .iter()
        .map(|c| (c.content.start, c.content.end))
        .collect();
    spans.sort_unstable();
    let reach: Vec<usize> = spans
        .iter()
        .scan(0, |max_end, &(_, end)| {
            *max_end = end.max(*max_end);
            Some(*max_end)
        })
        .collect();
    let sources_of = |kind: ClaimKind| {
        let mut list: Vec<(usize, SourceRef)> = findings
            .claims
            .iter()
            .filter(|c| c.kind == kind && matches!(c.source, SourceRef::Mention(_)))
            .map(|c| (c.content.start, c.source))
            .collect();
        list.sort_unstable_by_key(|&(start, _)| start);
        list
    };
    let attributed = sources_of(ClaimKind::Direct);
    let reported = sources_of(ClaimKind::Indirect);
    // Either kind, for a whole sentence quoted: the speaker of the claim
    // nearest to it, reported or quoted ("Ruiz said …. “…” Lee told …: “…”",
    // "Blair said …, he said. “…”"). A quote inside a sentence goes to the
    // nearest quote's speaker first.
    let mut any_kind: Vec<(usize, SourceRef)> =
        attributed.iter().chain(&reported).copied().collect();
    any_kind.sort_unstable_by_key(|&(start, _)| start);
    for (q, quote) in p.quotes.quotes.iter().enumerate() {
        if claimed[q] {
            continue;
        }
        let Some(content) = quote_content(p, quote) else {
            continue;
        };
        let before = spans.partition_point(|&(start, _)| start <= content.start);
        let inside_claim = before > 0 && reach[before - 1] >= content.end;
        if inside_claim {
            continue;
        }
        // "on WTMJ's “Midday with Charlie Sykes,”": a work, quoting no one.
        if names_a_work(p, quote) {
            continue;
        }
        let words = word_count(p, quote.inner(p.len()));
        let opens_sentence = quote.open.is_some_and(|open| opens_a_sentence(p, open));
        let colon_source = quote
            .open
            .and_then(|open| colon_attribution(p, open, people))
            .or_else(|| trailing_attribution(p, quote, people))
            .or_else(|| action_beat(p, quote, people));
        let explicit_source = colon_source.is_some();
        let source = if let Some(mention) = colon_source {
            SourceRef::Mention(add_mention(findings, mention))
        } else if quote.continued {
            SourceRef::Inherit
        } else if let Some(nearest) =
            nearest_attributed(&any_kind, content.start).filter(|_| words >= 5 && opens_sentence)
        {
            nearest
        } else if let Some(nearest) = nearest_attributed(&attributed, content.start) {
            nearest
        } else if let Some(nearest) = nearest_attributed(&reported, content.start)
            .filter(|_| words >= 5 && !looks_like_title(p, quote))
        {
            nearest
        } else if quote.open == Some(0) && words >= 3 {
            SourceRef::Inherit
        } else if words >= 5 && !looks_like_title(p, quote) && !grammar::is_marked_as_term(p, quote)
        {
            SourceRef::Unknown
        } else {
            continue;
        };
        if looks_like_title(p, quote) && !quote.continued && !explicit_source
            || grammar::is_marked_as_term(p, quote)
        {
            continue;
        }
        // "‘A fight from start to finish.’" alone in its paragraph: a
        // subheading in single quotes, not a quote of anyone.
        if quote.single && quote.open == Some(0) && quote.close.is_some_and(|c| c + 2 >= p.len()) {
            continue;
        }
        // "“Not once.”": a short quote that is a sentence of its own.
        let own_sentence = opens_sentence
            && quote
                .close
                .is_some_and(|close| close > 0 && p.kind(close - 1).is_terminal());
        if words < 3 && !quote.continued && source != SourceRef::Inherit && !own_sentence {
            // A short quote attributed only by being near another claim is a scare quote.
            if colon_source_absent(p, quote) && !explicit_source {
                continue;
            }
        }
        findings.claims.push(Found {
            kind: ClaimKind::Direct,
            content,
            source,
            cue: None,
            channel: None,
            quote: Some(q),
            parts: Vec::new(),
        });
    }
}

pub(super) fn colon_source_absent(p: &Para, quote: &Quote) -> bool {
    quote
        .open
        .is_none_or(|open| open == 0 || p.kind(open - 1) != Kind::Colon)
}

/// Whether the quotation mark at `open` starts a sentence: the paragraph
/// starts there, or a sentence (or a quote closing one) ends just before.
fn opens_a_sentence(p: &Para, open: usize) -> bool {
    let ends_before = |t: usize| p.kind(t).is_terminal();
    match open {
        0 => true,
        1 => ends_before(0),
        _ => {
            ends_before(open - 1)
                || matches!(p.kind(open - 1), Kind::Quote(_)) && ends_before(open - 2)
        }
    }
}

/// The source of the nearest claim in this paragraph that has a direct quote
/// and a source (`attributed` is sorted by start): a second quote continues
/// the same speaker. One before wins over one after at a quarter the distance.
pub(super) fn nearest_attributed(
    attributed: &[(usize, SourceRef)],
    at: usize,
) -> Option<SourceRef> {
    let n = attributed.partition_point(|&(start, _)| start <= at);
    let before = n.checked_sub(1).map(|i| attributed[i]);
    let after = attributed.get(n).copied();
    match (before, after) {
        (Some((b, source)), Some((a, other))) => Some(if at - b <= (a - at) * 4 {
            source
        } else {
            other
        }),
        (Some((_, source)), None) | (None, Some((_, source))) => Some(source),
        (None, None) => None,
    }
}

/// Longest clause before a colon whose subject introduces the quote after
/// it ("he demurred: “…”"), in tokens.
const MAX_COLON_CLAUSE: usize = 14;

/// The same, when a person named opens the clause with its verb.
const MAX_NAMED_COLON_CLAUSE: usize = 40;

/// "Trump: “We will win.”": a name or phrase, a colon, a quote. "Asked
/// about it, he demurred: “…”", "The mayor was blunt: “…”": the subject of
/// a short clause that the colon ends.
pub(super) fn colon_attribution(p: &Para, open: usize, people: &[Mention]) -> Option<Mention> {
    if open == 0 || p.kind(open - 1) != Kind::Colon {
        return None;
    }
    let colon = open - 1;
    let sentence = p.sentence_of(colon);
    // The clause after the last comma ("Asked about it, he demurred:"),
    // else the sentence's own ("Kelly responded, with a smile:").
    let after_comma = (sentence.start..colon)
        .rev()
        .find(|&t| p.kind(t) == Kind::Comma && !p.inside_quote(t))
        .map(|comma| comma + 1);
    for clause_start in after_comma.into_iter().chain([sentence.start]) {
        let length = colon - clause_start;
        if length <= MAX_NAMED_COLON_CLAUSE
            && let Some(subject) = named_subject(p, &(clause_start..colon))
            && subject.start == clause_start
            && subject.end < colon
            && let Some(mention) = mentions::describe(p, subject.clone(), people).filter(speaks)
            // "Alverson summed up the journey from a wooden boat … to the
            // fish counter of a store owned by …: “…”": a person named,
            // then a verb, may take a long clause to the colon.
            && (length <= MAX_COLON_CLAUSE
                || mention.kind == MentionKind::Person
                    && mention.surname.is_some()
                    && subject.clone().all(|t| p.is_capitalized(t) || !p.is_word(t))
                    && looks_finite(p, subject.end))
        {
            return Some(mention);
        }
    }
    // ("The council's letter makes a strong case: “…”": the subject of a
    // verb in the present that the grammar reads as part of a phrase.)
    if colon - sentence.start <= MAX_COLON_CLAUSE
        && let Some(verb) = (sentence.start + 1..colon)
            .find(|&t| super::source::present_verb_after_speaker(p, t, sentence.start))
        && let Some(subject) = noun_phrase_left(p, verb, sentence.start)
        && subject.start == sentence.start
    {
        return mentions::describe(p, subject, people).filter(speaks);
    }
    let np = noun_phrase_left(p, colon, sentence.start)?;
    if np.start != sentence.start || np.len() > 8 {
        return None;
    }
    mentions::describe(p, np, people).filter(speaks)
}

/// Longest source written beside the verb after a quote, in tokens.
const TRAILING_SOURCE: usize = 6;

/// "“This is fantastic!” beamed Ana Ruiz", "“It's all free,” Berg shot
/// back", "“A big win,” I confessed": after a quote that ends with a comma,
/// "!" or "?", a verb of manner or of taking a turn with a source beside it
/// attributes the quote, though it is not a verb of saying.
fn trailing_attribution(p: &Para, quote: &Quote, people: &[Mention]) -> Option<Mention> {
    let close = quote.close?;
    let inner_end = close.checked_sub(1)?;
    let lexicon = lexicon();
    let attributes = matches!(p.kind(inner_end), Kind::Comma)
        || p.kind(inner_end).is_terminal() && matches!(p.word(inner_end), "!" | "?");
    let first = close + 1;
    if !attributes || first >= p.len() || !p.is_word(first) {
        return None;
    }
    let verb = |t: usize| {
        t < p.len()
            && p.is_word(t)
            && !p.is_capitalized(t)
            && (p.is_any(t, &DELIVERY_VERBS) || lexicon.is_turn_verb(p.lower(t)))
    };
    let ends = |t: usize| {
        t >= p.len() || !p.kind(t).is_wordlike() || p.is_any(t, &["of", "who", "with", "as"])
    };
    // "“Stay calm,” instructed Nadia Kos": right after the quote, any
    // verb in the past before its subject.
    // ("read the statement": "read" is in the past here.)
    let past_before_subject = !p.is_capitalized(first)
        && (p.lower(first).ends_with("ed")
            || grammar::IRREGULAR_PAST.contains(p.lower(first))
            || p.lower(first) == "read")
        && !p.is_any(first + 1, &grammar::PREPOSITIONS)
        // ("“terrible,” denounced her record": "her …" is the object.)
        && !p.is_any(first + 1, &grammar::POSSESSIVE_DETERMINERS)
        // ("Using “alien” rather than “immigrant,” became the norm": a
        // quote inside its sentence is a phrase of it, and the verb its own.)
        && quote.open.is_none_or(|open| {
            open == 0 || p.kind(open - 1).is_terminal() || p.kind(open - 1) == Kind::Colon
        });
    let np = if verb(first) || past_before_subject {
        // "beamed Ana Ruiz of Riverton"
        let end = (first + 1..(first + 1 + TRAILING_SOURCE).min(p.len() + 1)).find(|&t| ends(t))?;
        first + 1..end
    } else {
        // "Berg shot back", "I confessed"
        let end = (first..(first + TRAILING_SOURCE).min(p.len())).find(|&t| verb(t))?;
        first..end
    };
    if np.is_empty()
        || np
            .clone()
            .any(|t| !p.kind(t).is_wordlike() && p.kind(t) != Kind::Possessive)
    {
        return None;
    }
    mentions::describe(p, np, people).filter(speaks)
}

/// Longest sentence read as an action beat before a quote, in tokens.
const MAX_BEAT: usize = 12;

/// "Betsy Lund shook her head. “Tom is calmer about it than I am.”":
/// a short sentence about a named person, with no quote or claim of its
/// own, right before a quote that opens a sentence, introduces its speaker.
fn action_beat(p: &Para, quote: &Quote, people: &[Mention]) -> Option<Mention> {
    let open = quote.open?;
    // Sentences are in order: a binary search keeps this linear overall.
    let n = p.sentences.partition_point(|s| s.end < open);
    let beat = p.sentences.get(n).filter(|s| s.end == open)?;
    if beat.len() > MAX_BEAT
        || !p.kind(open - 1).is_terminal()
        || beat
            .clone()
            .any(|t| p.quotes.opening_at(t).is_some() || p.inside_quote(t))
        || beat
            .clone()
            .any(|t| p.is_word(t) && lexicon().cue(p.lower(t)).is_some())
    {
        return None;
    }
    let subject = named_subject(p, beat)?;
    mentions::describe(p, subject, people).filter(|m| {
        matches!(m.kind, MentionKind::Person) || matches!(m.kind, MentionKind::Pronoun(_))
    })
}

/// Verbs of manner that attribute the quote before them ("beamed", "laughed").
static DELIVERY_VERBS: WordSet = crate::vocabulary::word_set!("delivery_verbs");

/// Kinds of mention that can introduce a quote.
fn speaks(mention: &Mention) -> bool {
    matches!(
        mention.kind,
        MentionKind::Person
            | MentionKind::Anonymous
            | MentionKind::Organization
            | MentionKind::Group
            | MentionKind::Document
            | MentionKind::Pronoun(_)
    )
}
