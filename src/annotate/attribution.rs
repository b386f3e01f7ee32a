//! Who said what, within one paragraph: cues ("said", "told reporters",
//! "according to"), the source each cue attributes to, and the content it
//! attributes: a quote, a reported clause, or a quoted phrase inside one.
//!
//! The shapes handled, in the order they are tried for each cue:
//! - "according to X, C" / "C, according to X";
//! - inverted: "…," said X / "C, said X, who …";
//! - source first: "X (, aside,) said (to Y) (on Monday) (that) C", "X said: “C”";
//! - content first: "C, X said" / "“C,” X said (, “D”)";
//! - "X called it “C”": a partial quote;
//!
//! For quotes no cue claims: a quote that continues the paragraph's or the
//! previous paragraph's speaker, "X: “C”", and unattributed quotes.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::grammar::{self, Pronoun, WordSet};
use super::lexicon::{CueClass, TitleKind, lexicon};
use super::mentions::{self, Mention, MentionKind};
use super::para::Para;
use super::quotes::Quote;
use super::token::Kind;
use crate::model::ClaimKind;

/// Who a found claim is attributed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceRef {
    /// A mention in this paragraph's `mentions`.
    Mention(usize),
    /// The speaker of the quote this one continues, or of the quotes before
    /// it (resolved across paragraphs by the caller).
    Inherit,
    /// Nobody the rules can tell.
    Unknown,
}

/// A claim found in one paragraph. Ranges are bytes of the paragraph text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: ClaimKind,
    pub content: Range<usize>,
    pub source: SourceRef,
    pub cue: Option<Range<usize>>,
    pub channel: Option<Range<usize>>,
    /// The quote this claim is, if it is a quote (index into the paragraph's quotes).
    pub quote: Option<usize>,
    /// The pieces of the content of a quote interrupted by its attribution
    /// ("“A,” she said. “B.”"); empty for a claim of one piece.
    pub parts: Vec<Range<usize>>,
}

/// What one paragraph yields.
#[derive(Debug, Default)]
pub struct Findings {
    pub claims: Vec<Found>,
    /// Mentions the claims point at (sources as written).
    pub mentions: Vec<Mention>,
    /// Unnamed subjects that later pronouns and descriptions may point back
    /// to ("Two officials briefed reporters. They said …").
    pub antecedents: Vec<Mention>,
    /// Where each mention's span is in `mentions`.
    by_span: FxHashMap<(usize, usize), usize>,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    start: usize,
    end: usize,
    class: CueClass,
    according: bool,
}

/// A reporting clause: a cue with its source and what hangs on it.
#[derive(Debug, Clone)]
struct Clause {
    cue: Cue,
    /// Tokens of the source as written.
    source: Option<Range<usize>>,
    /// The mention index the source resolved to (set when the clause is kept).
    mention: Option<usize>,
    /// Source is a coordinated subject: "…, but warned …".
    coordinated: bool,
    /// Cue before source: "said Merz".
    inverted: bool,
    /// First token of the reporting clause (source, or cue when inverted,
    /// or the connective joining it to a previous clause).
    front: usize,
    /// First token after the clause (its listener, adverbials, channel, asides).
    after: usize,
    /// End token of the cue text ("told reporters": past the listener).
    cue_text_end: usize,
    channel: Option<Range<usize>>,
    /// An appositive describing the source ("Hugh Hill, a doctor, said").
    description: Option<Range<usize>>,
}

/// Finds the claims of one paragraph. `people` are the names found in it;
/// `inherit` says whether a quote with no cue may take the previous speaker.
pub fn find(p: &Para, people: &[Mention]) -> Findings {
    let mut findings = Findings::default();
    let mut quote_used = vec![false; p.quotes.quotes.len()];
    for sentence in p.sentences.clone() {
        let first_mention = findings.mentions.len();
        sentence_claims(p, sentence.clone(), people, &mut findings, &mut quote_used);
        subject_antecedent(p, &sentence, people, &mut findings, first_mention);
    }
    unclaimed_quotes(p, people, &mut findings, &quote_used);
    findings
        .claims
        .sort_by_key(|c| (c.content.start, c.content.end));
    merge_interrupted_quotes(p, &mut findings.claims);
    findings
}

/// "“A,” she said. “B.”" is one utterance interrupted by its attribution: the
/// second quote, with no cue of its own, joins the first as a second part.
fn merge_interrupted_quotes(p: &Para, claims: &mut Vec<Found>) {
    let mut merged: Vec<Found> = Vec::with_capacity(claims.len());
    for second in claims.drain(..) {
        if let Some(first) = merged.last_mut() {
            // A title quoted inside the attribution ("told NBC's “Today”") may stand between.
            let consecutive = matches!((first.quote, second.quote), (Some(a), Some(b)) if b > a);
            let own_cue = second.cue.is_some() && second.cue != first.cue;
            let joins = first.kind == ClaimKind::Direct
                && second.kind == ClaimKind::Direct
                && consecutive
                && !own_cue
                && first.source == second.source
                && matches!(first.source, SourceRef::Mention(_))
                && between_is_attribution(p, first, &second);
            if joins {
                // Parts are listed only for a claim of several pieces.
                if first.parts.is_empty() {
                    first.parts.push(first.content.clone());
                }
                first.parts.push(second.content.clone());
                first.content.end = second.content.end;
                continue;
            }
        }
        merged.push(second);
    }
    *claims = merged;
}

/// Longest attribution that may interrupt a quote: "…,” Polish Prime Minister
/// Donald Tusk told reporters on his plane after leaving Berlin. “…".
const MAX_INTERRUPTION_BYTES: usize = 200;

/// Between two quotes there is only punctuation, or the first one's
/// attribution ending its sentence.
fn between_is_attribution(p: &Para, first: &Found, second: &Found) -> bool {
    let gap = &p.text[first.content.end..second.content.start];
    if gap.chars().all(|c| !c.is_alphanumeric()) {
        return true;
    }
    first.cue.as_ref().is_some_and(|cue| {
        first.content.end <= cue.start
            && cue.end <= second.content.start
            && gap.len() < MAX_INTERRUPTION_BYTES
            && p.tokens[token_range(p, first.content.end..second.content.start)]
                .iter()
                .filter(|t| t.kind.is_terminal())
                .count()
                <= 1
    })
}

fn find_cues(p: &Para, sentence: Range<usize>) -> Vec<Cue> {
    let lexicon = lexicon();
    let mut cues = Vec::new();
    let mut t = sentence.start;
    while t < sentence.end {
        if p.inside_quote(t) || !p.is_word(t) {
            t += 1;
            continue;
        }
        let lower = p.lower(t);
        if let Some(&(_, class)) = lexicon
            .two_word_cues(lower)
            .iter()
            .find(|(second, _)| t + 1 < sentence.end && p.lower(t + 1) == *second)
        {
            cues.push(Cue {
                start: t,
                end: t + 2,
                class,
                according: lower == "according",
            });
            t += 2;
            continue;
        }
        // A capitalized cue word inside a sentence is a name: "the United States".
        let capitalized = t > sentence.start && p.is_capitalized(t);
        if let Some(class) = lexicon.cue(lower).filter(|_| !capitalized) {
            let after_determiner = t > sentence.start
                && p.is_any(
                    t - 1,
                    &[
                        "the", "a", "an", "this", "his", "her", "their", "its", "our",
                    ],
                );
            let passive = t > sentence.start
                && p.is_any(t - 1, &grammar::BE_FORMS)
                && !lower.ends_with("ing");
            let passive_been = t > sentence.start + 1 && p.is_any(t - 1, &["been", "being"]);
            // "states", "claims": nouns unless a that-clause or quote follows.
            let noun_use = class == CueClass::Noun
                && !(t + 1 < sentence.end
                    && (p.is_any(t + 1, &["that"])
                        || p.kind(t + 1) == Kind::Colon
                        || p.quotes.opening_at(t + 1).is_some()));
            if !after_determiner && !passive && !passive_been && !noun_use {
                cues.push(Cue {
                    start: t,
                    end: t + 1,
                    class,
                    according: false,
                });
            }
        }
        t += 1;
    }
    cues
}

/// Words after "said" that do not open a reported clause.
static NOT_CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "so",
    "yes",
    "no",
    "nothing",
    "little",
    "much",
    "goodbye",
    "hello",
    "thanks",
    "sorry",
    "otherwise",
    "not",
    "and",
    "but",
    "or",
    "as",
    "than",
    "then",
    "also",
    "too",
    "again",
    "only",
    "just",
    "even",
    "instead",
    "repeatedly",
    "previously",
    "last",
    "next",
    "later",
    "earlier",
    "here",
    "there's",
    "was",
    "is",
    "were",
    "are",
    "be",
    "been",
    "had",
    "has",
    "have",
    "do",
    "did",
    "does",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
]);

/// A cue verb of saying that, with no "that", still takes a clause: "said he would".
fn takes_bare_clause(p: &Para, i: usize) -> bool {
    if i >= p.len() {
        return false;
    }
    match p.kind(i) {
        Kind::Number => true,
        Kind::Word => {
            let lower = p.lower(i);
            Pronoun::parse(lower).is_some()
                || matches!(lower, "there" | "if" | "whether" | "why" | "how" | "what" | "when" | "where" | "who")
                || (grammar::DETERMINERS.contains(lower) && !matches!(lower, "one"))
                || (p.is_capitalized(i) && !grammar::PREPOSITIONS.contains(lower))
                // "said about half of …"
                || matches!(lower, "about" | "around" | "nearly" | "almost" | "roughly" | "more" | "fewer" | "less" | "over" | "under")
                    && (p.kind(i + 1) == Kind::Number || p.is_any(i + 1, &["half", "a", "one", "two", "three"]))
                // "said security guarantees were …": a bare noun opening a clause.
                || (!p.is_capitalized(i)
                    && !grammar::PREPOSITIONS.contains(lower)
                    && !NOT_CLAUSE_OPENERS.contains(lower)
                    && !lower.ends_with("ing")
                    && !lower.ends_with("ly"))
        }
        _ => false,
    }
}

/// "on Monday", "late Tuesday", "last week": returns the end of a time phrase at `k`.
fn time_phrase(p: &Para, k: usize, end: usize) -> Option<usize> {
    let mut j = k;
    let mut saw_time = false;
    let mut last_time = k;
    while j < end && p.kind(j).is_wordlike() {
        let lower = p.lower(j);
        let is_day = grammar::DAYS.contains(lower) || grammar::MONTHS.contains(lower);
        if is_day
            || matches!(
                lower,
                "week"
                    | "weekend"
                    | "month"
                    | "year"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "night"
                    | "today"
                    | "yesterday"
                    | "tonight"
                    | "ago"
            )
        {
            saw_time = true;
            j += 1;
            last_time = j;
        } else if matches!(
            lower,
            "on" | "in"
                | "last"
                | "this"
                | "next"
                | "late"
                | "early"
                | "earlier"
                | "later"
                | "the"
                | "previous"
                | "past"
        ) && j + 1 < end
            || p.kind(j) == Kind::Number && saw_time
        {
            if p.kind(j) == Kind::Number {
                last_time = j + 1;
            }
            j += 1;
        } else {
            break;
        }
    }
    (saw_time && last_time > k).then_some(last_time)
}

/// "in a post on X", "by conference call", "on his plane": the end of a
/// channel phrase at `k`.
fn channel_phrase(p: &Para, k: usize, end: usize) -> Option<usize> {
    let lexicon = lexicon();
    if !p.is_any(
        k,
        &[
            "in", "on", "by", "during", "via", "at", "over", "through", "from",
        ],
    ) {
        return None;
    }
    let mut j = k + 1;
    let limit = (k + 7).min(end);
    while j < limit && p.is_word(j) && !p.inside_quote(j) {
        if lexicon.is_channel(p.lower(j)) {
            let mut stop = j + 1;
            // Compound channels: "conference call", "news conference".
            while stop < end && p.is_word(stop) && lexicon.is_channel(p.lower(stop)) {
                stop += 1;
            }
            // "a post on X", "an interview with CNN", "a letter to supporters"
            if stop + 1 < end
                && p.is_any(stop, &["on", "with", "to"])
                && (p.is_capitalized(stop + 1) || p.is_any(stop + 1, &["the", "his", "her"]))
            {
                let mut tail = stop + 1;
                let tail_limit = (tail + 4).min(end);
                while tail < tail_limit
                    && p.is_word(tail)
                    && (p.is_capitalized(tail)
                        || p.is_any(tail, &["the", "his", "her", "their"])
                        || tail == stop + 1)
                {
                    tail += 1;
                }
                stop = tail;
            }
            return Some(stop);
        }
        if grammar::PREPOSITIONS.contains(p.lower(j)) && j > k + 1 {
            return None;
        }
        j += 1;
    }
    None
}

/// The listener after "told": "reporters", "The Associated Press", "him".
fn listener(p: &Para, k: usize, end: usize) -> usize {
    let opens_content = k >= end
        || !p.kind(k).is_wordlike()
        || p.is_any(
            k,
            &[
                "if", "whether", "why", "how", "what", "when", "where", "who", "that", "about",
                "for", "to", "of",
            ],
        )
        || p.is_word(k) && Pronoun::parse(p.lower(k)).is_some();
    if opens_content {
        return k;
    }
    if p.is_any(k, &["me", "him", "her", "them", "us", "you"]) {
        return k + 1;
    }
    // "the Daily Ledger", "The Associated Press": a determiner and a name.
    let mut j = k;
    if p.is_any(j, &["the", "a", "an", "his", "her", "their"]) {
        j += 1;
    }
    if j < end && p.is_capitalized(j) {
        while j < end
            && (p.is_capitalized(j) || p.kind(j) == Kind::Possessive)
            && !p.inside_quote(j)
        {
            j += 1;
        }
        return j;
    }
    // "reporters", "a news conference", "the crowd": up to three common nouns.
    let limit = (j + 3).min(end);
    while j < limit && p.kind(j).is_wordlike() && !p.inside_quote(j) {
        let lower = p.lower(j);
        let stop = matches!(
            lower,
            "that" | "if" | "whether" | "why" | "how" | "what" | "when" | "where" | "there"
        ) || grammar::PREPOSITIONS.contains(lower)
            || FINITE_VERBS.contains(lower)
            || lexicon().cue(lower).is_some()
            || grammar::is_time_word(lower)
            || Pronoun::parse(lower).is_some()
            || grammar::DETERMINERS.contains(lower);
        if stop {
            break;
        }
        j += 1;
        // A plural noun ends a listener: "told reporters taxes would rise".
        if lower.ends_with('s') && !lower.ends_with("ss") && lower != "news" {
            break;
        }
    }
    j
}

/// Skips words that can stand between a subject and its verb, leftwards:
/// "has also", "did not". Returns the first token of that run (or `cue`).
fn skip_auxiliaries_left(p: &Para, cue: usize, floor: usize) -> usize {
    let mut i = cue;
    while i > floor {
        let t = i - 1;
        if p.inside_quote(t) || !(p.kind(t).is_wordlike() || p.kind(t) == Kind::Possessive) {
            break;
        }
        let lower = p.lower(t);
        let adverb = lower.ends_with("ly")
            && !p.is_capitalized(t)
            && lower.len() > 4
            && !matches!(lower, "only" | "family" | "ally" | "italy");
        if grammar::AUXILIARIES.contains(lower)
            && !(p.kind(t) == Kind::Possessive && t > floor && p.is_capitalized(t - 1))
            || adverb
        {
            i = t;
        } else {
            break;
        }
    }
    i
}

/// A comma, or a closing quote mark with a comma just inside it: the end of
/// an aside or of a content before a reporting clause.
fn is_comma_like(p: &Para, t: usize) -> bool {
    p.kind(t) == Kind::Comma
        || (p.quotes.closing_at(t).is_some() && t > 0 && p.kind(t - 1) == Kind::Comma)
}

/// Longest source phrase looked for, in tokens: bounds every scan, so that
/// a sentence of thousands of words costs no more per cue than a short one.
const MAX_PHRASE_TOKENS: usize = 48;

/// Auxiliaries and forms of "be" and "have": a noun phrase never holds one.
static FINITE_VERBS: WordSet = WordSet::new(&[
    "is", "was", "were", "are", "am", "has", "have", "had", "will", "would", "could", "should",
    "can", "may", "might", "must", "did", "does", "do", "shall",
]);

/// Openers of introductory phrases: "During his attack, Mateen said …" has
/// no content before its comma.
static INTRODUCTORY: WordSet = WordSet::new(&[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "with",
    "without",
    "for",
    "to",
    "under",
    "over",
    "from",
    "by",
    "amid",
    "despite",
    "following",
    "as",
    "when",
    "while",
    "since",
    "until",
    "upon",
    "speaking",
    "asked",
    "earlier",
    "later",
    "meanwhile",
    "finally",
    "still",
    "yet",
    "instead",
    "soon",
    "then",
    "now",
    "today",
    "yesterday",
    "separately",
    "indeed",
]);

/// The noun phrase that ends just before `end`, scanning left no further than `floor`.
fn noun_phrase_left(p: &Para, end: usize, floor: usize) -> Option<Range<usize>> {
    let lexicon = lexicon();
    let mut start = end;
    let mut depth = 0usize;
    while start > floor && end - start < MAX_PHRASE_TOKENS {
        let t = start - 1;
        if p.inside_quote(t) {
            break;
        }
        match p.kind(t) {
            Kind::CloseParen => depth += 1,
            Kind::OpenParen if depth > 0 => depth -= 1,
            Kind::Word | Kind::Number | Kind::Possessive => {
                if depth == 0 && start < end && p.is_word(t) && Pronoun::parse(p.lower(t)).is_some()
                {
                    break;
                }
                if depth == 0 && p.is_any(t, &FINITE_VERBS) {
                    break;
                }
                if depth == 0 {
                    let lower = p.lower(t);
                    // "Current and former officials who spoke with the Post said":
                    // a relative clause inside the source.
                    let relative = lower == "who"
                        && t > floor
                        && p.kind(t - 1) == Kind::Word
                        && !p.is_any(t - 1, &grammar::CLAUSE_OPENERS);
                    let opener = !relative
                        && grammar::CLAUSE_OPENERS.contains(lower)
                        && !(lower == "that"
                            && t + 1 < end
                            && p.is_any(t + 1, &["source", "official", "person"]));
                    if opener
                        || lexicon.cue(lower).is_some()
                            && !matches!(
                                lower,
                                "reports"
                                    | "claims"
                                    | "states"
                                    | "comments"
                                    | "notes"
                                    | "promises"
                                    | "remarks"
                                    | "statement"
                            )
                    {
                        break;
                    }
                }
            }
            Kind::Other if depth > 0 => {}
            _ if depth > 0 => {}
            _ => break,
        }
        start = t;
    }
    // Leading bracket left open by the scan.
    while start < end && matches!(p.kind(start), Kind::CloseParen) {
        start += 1;
    }
    // A phrase led by a preposition ("After the talks Merz said"): keep its last name or noun phrase.
    if start < end && grammar::PREPOSITIONS.contains(p.lower(start)) && p.is_word(start) {
        let mut k = end;
        while k > start + 1
            && (mentions::is_name_word(p, k - 1) || lexicon.title(p.word(k - 1)).is_some())
        {
            k -= 1;
        }
        if k < end {
            start = k;
        } else {
            return None;
        }
    }
    (start < end).then_some(start..end)
}

/// Party and state after a name: "D-Ill.", "R-Texas".
fn is_party_state(p: &Para, range: Range<usize>) -> bool {
    range.len() == 1 && {
        let word = p.word(range.start);
        let mut parts = word.splitn(2, '-');
        matches!(parts.next(), Some("D" | "R" | "I"))
            && parts
                .next()
                .is_some_and(|s| s.starts_with(char::is_uppercase))
    }
}

fn is_aside(p: &Para, segment: Range<usize>) -> bool {
    let first = segment.start;
    p.is_any(first, &grammar::ASIDE_OPENERS)
        || p.is_word(first) && !p.is_capitalized(first) && p.lower(first).ends_with("ing")
        || p.kind(first) == Kind::Number
        || is_party_state(p, segment.clone())
        || p.quotes.opening_at(first).is_some()
}

/// Segments of `floor..end` split at commas outside quotes and brackets.
fn comma_segments(p: &Para, floor: usize, end: usize) -> Vec<Range<usize>> {
    let mut segments = Vec::new();
    let mut seg_end = end;
    let mut depth = 0usize;
    let mut t = end;
    while t > floor {
        t -= 1;
        match p.kind(t) {
            Kind::CloseParen => depth += 1,
            Kind::OpenParen => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && !p.inside_quote(t) && p.kind(t) == Kind::Comma {
            segments.push(t + 1..seg_end);
            seg_end = t;
        } else if depth == 0
            && matches!(p.kind(t), Kind::Semicolon | Kind::Colon | Kind::Dash)
            && !p.inside_quote(t)
        {
            break;
        }
        if t == floor
            || matches!(p.kind(t), Kind::Semicolon | Kind::Colon | Kind::Dash)
                && !p.inside_quote(t)
                && depth == 0
        {
            let start = if t == floor
                && !matches!(
                    p.kind(t),
                    Kind::Semicolon | Kind::Colon | Kind::Dash | Kind::Comma
                ) {
                t
            } else {
                t + 1
            };
            segments.push(start..seg_end);
            break;
        }
    }
    // A closing quote with a comma inside it also ends a segment: "…called it “painful,” reiterated".
    let mut split = Vec::new();
    for segment in segments.into_iter().rev() {
        let mut start = segment.start;
        for t in segment.clone() {
            if p.quotes.closing_at(t).is_some()
                && t > 0
                && p.kind(t - 1) == Kind::Comma
                && t + 1 < segment.end
            {
                split.push(start..t + 1);
                start = t + 1;
            }
        }
        split.push(start..segment.end);
    }
    split.retain(|s| !s.is_empty());
    split
}

/// A list of names continuing the segment before: "…including Germany, France and Britain".
fn is_list_continuation(p: &Para, segment: &Range<usize>, before: &Range<usize>) -> bool {
    !before.is_empty()
        && p.is_capitalized(before.end - 1)
        && segment
            .clone()
            .all(|t| p.is_capitalized(t) || p.is_any(t, &["and", "or"]))
        && segment.clone().any(|t| p.is_any(t, &["and", "or"]))
}

/// The subject of a cue whose source comes before it, when a comma stands
/// between them: skips asides ("Kerry, who lost, said"), keeps lists
/// ("… Germany, France and Britain, said"). Returns the source tokens and the
/// first token of the clause.
fn subject_across_asides(
    p: &Para,
    comma_end: usize,
    floor: usize,
) -> Option<(Range<usize>, usize, Option<Range<usize>>)> {
    let floor = floor.max(comma_end.saturating_sub(2 * MAX_PHRASE_TOKENS));
    let segments = comma_segments(p, floor, comma_end);
    let mut n = segments.len();
    let mut list_end = None;
    let mut description = None;
    while n > 0 {
        n -= 1;
        let segment = segments[n].clone();
        if n > 0 && is_list_continuation(p, &segment, &segments[n - 1]) {
            list_end.get_or_insert(segment.end);
            continue;
        }
        // The sentence's first segment is where the subject starts, never an aside.
        if n > 0 && is_aside(p, segment.clone()) && list_end.is_none() {
            // "Hugh Hill, a doctor, said": the aside describes the speaker.
            if p.is_any(segment.start, &["a", "an", "the"]) {
                description = Some(trim(p, segment.clone()));
            }
            continue;
        }
        let np = noun_phrase_left(p, segment.end, segment.start)?;
        let np = with_description_before(p, np, floor);
        let end = list_end.unwrap_or(np.end);
        return Some((np.start..end, np.start, description));
    }
    None
}

/// "another friend, Mariam Emara told CNN": a short description before a
/// name, set off by a comma, is part of the source.
fn with_description_before(p: &Para, np: Range<usize>, floor: usize) -> Range<usize> {
    if np.start < floor + 2 || p.kind(np.start - 1) != Kind::Comma || !p.is_capitalized(np.start) {
        return np;
    }
    let comma = np.start - 1;
    let mut start = comma;
    while start > floor
        && p.kind(start - 1).is_wordlike()
        && !p.inside_quote(start - 1)
        && comma - start < 5
    {
        start -= 1;
    }
    let bounded = start == floor
        || p.quotes.closing_at(start - 1).is_some()
        || is_comma_like(p, start - 1)
        || p.kind(start - 1) == Kind::Dash;
    let titled = (start..comma).any(|t| {
        p.is_word(t)
            && lexicon()
                .title(p.word(t))
                .is_some_and(|title| title.kind == TitleKind::Title)
    });
    let described = start < comma
        && (titled
            || p.is_any(
                start,
                &[
                    "the", "a", "an", "another", "his", "her", "their", "its", "one",
                ],
            ) && !(start..comma)
                .any(|t| p.is_capitalized(t) || lexicon().cue(p.lower(t)).is_some()));
    if bounded && described {
        start..np.end
    } else {
        np
    }
}

enum Subject {
    Phrase(Range<usize>, Option<Range<usize>>),
    /// "…, and added": the subject of the previous clause.
    Coordinated,
}

/// The source of a cue written before it. `front` is where the clause starts.
fn subject_left(p: &Para, cue: usize, sentence: &Range<usize>) -> Option<(Subject, usize)> {
    let aux_start = skip_auxiliaries_left(p, cue, sentence.start);
    if aux_start == sentence.start {
        return None;
    }
    let t = aux_start - 1;
    if p.inside_quote(t) && !is_comma_like(p, t) {
        return None;
    }
    if p.is_word(t) {
        let lower = p.lower(t);
        if Pronoun::parse(lower).is_some() || lower == "one" {
            let front = if t > sentence.start && p.is_any(t - 1, &grammar::CONNECTIVES) {
                t - 1
            } else {
                t
            };
            return Some((Subject::Phrase(t..t + 1, None), front));
        }
        if matches!(lower, "who" | "which") {
            // "Zelenskiy, who earlier called …": the phrase before the relative.
            let before = if t > sentence.start && p.kind(t - 1) == Kind::Comma {
                t - 1
            } else {
                t
            };
            let np = noun_phrase_left(p, before, sentence.start)?;
            return Some((Subject::Phrase(np.clone(), None), np.start));
        }
        if grammar::CONNECTIVES.contains(lower) {
            return Some((Subject::Coordinated, t));
        }
    }
    if is_comma_like(p, t) {
        let (np, front, description) = subject_across_asides(p, t, sentence.start)?;
        return Some((Subject::Phrase(np, description), front));
    }
    let np = noun_phrase_left(p, aux_start, sentence.start)?;
    let np = with_description_before(p, np, sentence.start);
    let front = np.start;
    Some((Subject::Phrase(np, None), front))
}

/// "Two officials briefed reporters. They said …": the unnamed subjects of
/// sentences are what "they" and "it" may point back to, claims or not.
fn subject_antecedent(
    p: &Para,
    sentence: &Range<usize>,
    people: &[Mention],
    findings: &mut Findings,
    sentence_mentions: usize,
) {
    let Some(subject) = sentence_subject(p, sentence) else {
        return;
    };
    if subject.end >= sentence.end || !p.kind(subject.end).is_wordlike() {
        return;
    }
    let Some(mention) = mentions::describe(p, subject, people) else {
        return;
    };
    let overlaps = findings.mentions[sentence_mentions..].iter().any(|m| {
        m.paragraph == p.index && m.span.start < mention.span.end && mention.span.start < m.span.end
    });
    if !overlaps
        && !mention.definite
        && matches!(
            mention.kind,
            MentionKind::Anonymous
                | MentionKind::Group
                | MentionKind::Organization
                | MentionKind::Document
        )
    {
        findings.antecedents.push(mention);
    }
}

/// The subject a sentence opens with, after a leading quote, connective or
/// introductory phrase: "On the left, Betty Friedan, the author, compared …"
/// → "Betty Friedan"; "the affidavit cited …" → "the affidavit".
fn sentence_subject(p: &Para, sentence: &Range<usize>) -> Option<Range<usize>> {
    let mut k = sentence.start;
    while k < sentence.end
        && (p.inside_quote(k)
            || p.quotes.opening_at(k).is_some()
            || p.quotes.closing_at(k).is_some())
    {
        k += 1;
    }
    // Coordinating words only: "Before the convention, X …" is an
    // introductory phrase, skipped below up to its comma.
    while k < sentence.end
        && p.is_any(
            k,
            &[
                "and",
                "but",
                "so",
                "yet",
                "still",
                "however",
                "meanwhile",
                "now",
                "then",
                "also",
            ],
        )
    {
        k += 1;
        if k < sentence.end && p.kind(k) == Kind::Comma {
            k += 1;
        }
    }
    if k >= sentence.end {
        return None;
    }
    if p.is_word(k) && Pronoun::parse(p.lower(k)).is_some() {
        return Some(k..k + 1);
    }
    if p.is_any(k, &grammar::PREPOSITIONS)
        || p.is_any(
            k,
            &[
                "as", "when", "while", "although", "though", "if", "because", "since", "once",
                "until", "whether", "despite",
            ],
        )
        || p.is_word(k) && p.lower(k).ends_with("ly") && !p.is_capitalized(k)
    {
        let comma = (k..(k + 15).min(sentence.end))
            .find(|&t| p.kind(t) == Kind::Comma && !p.inside_quote(t))?;
        k = comma + 1;
    }
    let start = k;
    let limit = (start + 10).min(sentence.end);
    let mut depth = 0usize;
    while k < limit && !p.inside_quote(k) {
        match p.kind(k) {
            Kind::OpenParen => depth += 1,
            Kind::CloseParen if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            Kind::Possessive => {}
            Kind::Word | Kind::Number => {
                let lower = p.lower(k);
                let verb_like = k > start
                    && (FINITE_VERBS.contains(lower)
                        || lower.ends_with("ed") && !p.is_capitalized(k)
                        || lower.ends_with("ly") && !p.is_capitalized(k)
                        || lexicon().cue(lower).is_some()
                        || grammar::PREPOSITIONS.contains(lower) && lower != "of"
                        || Pronoun::parse(lower).is_some());
                if verb_like {
                    break;
                }
            }
            _ => break,
        }
        k += 1;
    }
    (k > start).then_some(start..k)
}

/// The sentence's subject when it names someone (a capitalized name, a
/// title or a pronoun): what a participle or a second verb hangs on.
fn named_subject(p: &Para, sentence: &Range<usize>) -> Option<Range<usize>> {
    let subject = sentence_subject(p, sentence)?;
    let named = subject.clone().any(|t| {
        mentions::is_name_word(p, t)
            || p.is_word(t)
                && (lexicon().title(p.word(t)).is_some() || Pronoun::parse(p.lower(t)).is_some())
    });
    named.then_some(subject)
}

/// The source written after an inverted cue: "said German Chancellor Friedrich Merz".
fn noun_phrase_right(p: &Para, from: usize, end: usize) -> Option<Range<usize>> {
    let lexicon = lexicon();
    let mut j = from;
    while j < end && !p.inside_quote(j) {
        match p.kind(j) {
            Kind::Word | Kind::Number | Kind::Possessive => {}
            Kind::OpenParen if j + 2 < end && p.kind(j + 2) == Kind::CloseParen => {
                j += 3;
                continue;
            }
            _ => break,
        }
        let lower = p.lower(j);
        if j > from
            && (matches!(
                lower,
                "who"
                    | "which"
                    | "that"
                    | "as"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "because"
                    | "and"
                    | "but"
                    | "adding"
                    | "noting"
                    | "saying"
            ) || channel_phrase(p, j, end).is_some()
                || time_phrase(p, j, end).is_some() && !p.is_any(j - 1, &grammar::DETERMINERS)
                || lexicon.cue(lower).is_some() && !p.is_capitalized(j))
        {
            break;
        }
        if j == from
            && (grammar::PREPOSITIONS.contains(lower)
                || lower == "that"
                || lexicon.cue(lower).is_some())
        {
            return None;
        }
        j += 1;
    }
    (j > from).then_some(from..j)
}

/// ", a New York Democrat" after a name: an appositive up to the next
/// punctuation, holding no verb or relative clause.
fn appositive_after(p: &Para, comma: usize, end: usize) -> Option<Range<usize>> {
    if comma + 1 >= end || p.kind(comma) != Kind::Comma || !p.is_any(comma + 1, &["a", "an", "the"])
    {
        return None;
    }
    let start = comma + 1;
    let mut j = start;
    while j < end
        && (p.kind(j).is_wordlike() || p.kind(j) == Kind::Possessive)
        && !p.inside_quote(j)
    {
        if j > start
            && (p.is_any(j, &FINITE_VERBS)
                || p.is_any(j, &["who", "which", "that"])
                || channel_phrase(p, j, end).is_some())
        {
            return None;
        }
        j += 1;
    }
    let closes = j >= end
        || matches!(
            p.kind(j),
            Kind::Comma | Kind::Period | Kind::Semicolon | Kind::Colon
        )
        || p.quotes.opening_at(j).is_some();
    (closes && j - start <= 12).then_some(start..j)
}

/// The source after "according to": everything to the next comma or the
/// sentence's end ("early results of the exit poll conducted by Edison Research").
fn according_source(p: &Para, from: usize, end: usize) -> Option<Range<usize>> {
    let limit = (from + 30).min(end);
    let mut j = from;
    while j < limit
        && !p.inside_quote(j)
        && (p.kind(j).is_wordlike()
            || matches!(
                p.kind(j),
                Kind::Possessive | Kind::OpenParen | Kind::CloseParen | Kind::Other
            ))
    {
        j += 1;
    }
    (j > from).then_some(from..j)
}

/// After "…," said: a source ("German Chancellor Friedrich Merz", "an official
/// familiar with the matter") ends at punctuation, a channel, a time or an
/// aside, and holds no verb; "said there was" is not inverted.
fn looks_like_inverted_source(p: &Para, np: Range<usize>, end: usize) -> bool {
    let first = p.lower(np.start);
    if matches!(
        first,
        "that" | "there" | "it" | "this" | "he" | "she" | "they" | "we" | "i" | "you"
    ) && np.len() > 1
    {
        return false;
    }
    let verb = np.clone().any(|t| {
        p.is_any(
            t,
            &[
                "is", "was", "were", "are", "has", "had", "have", "will", "would", "could", "can",
                "should", "did", "does", "do", "be", "been",
            ],
        )
    });
    let at_boundary = np.end >= end
        || !p.kind(np.end).is_wordlike()
            && p.kind(np.end) != Kind::Possessive
            && p.quotes.opening_at(np.end).is_none()
        || channel_phrase(p, np.end, end).is_some()
        || time_phrase(p, np.end, end).is_some()
        || p.is_any(
            np.end,
            &[
                "who", "which", "as", "after", "before", "when", "while", "adding", "noting",
                "saying",
            ],
        );
    !verb && at_boundary
}

/// Skips what may follow a cue and its source before the content: a listener,
/// time and channel phrases, adverbs, and an aside between commas after an
/// inverted source. Returns (first token after, channel).
fn complements(
    p: &Para,
    cue: &Cue,
    from: usize,
    end: usize,
    inverted: bool,
) -> (usize, usize, Option<Range<usize>>) {
    let mut k = from;
    let mut cue_text_end = cue.end;
    if cue.class == CueClass::Tell && !inverted {
        k = listener(p, k, end);
        cue_text_end = k;
    }
    let mut channel = None;
    loop {
        if k >= end {
            break;
        }
        if let Some(stop) = channel_phrase(p, k, end) {
            channel.get_or_insert(k..stop);
            k = stop;
        } else if let Some(stop) = time_phrase(p, k, end) {
            k = stop;
        } else if p.is_word(k)
            && (grammar::AUXILIARIES.contains(p.lower(k))
                && !matches!(
                    p.lower(k),
                    "is" | "was"
                        | "are"
                        | "were"
                        | "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "could"
                        | "should"
                        | "can"
                        | "may"
                        | "might"
                        | "must"
                )
                || p.lower(k).ends_with("ly") && !p.is_capitalized(k) && p.lower(k).len() > 4)
        {
            k += 1;
        } else if inverted
            && p.kind(k) == Kind::Comma
            && k + 1 < end
            && p.is_any(
                k + 1,
                &["who", "which", "a", "an", "the", "speaking", "adding"],
            )
        {
            // ", who hosted the meetings," — to the next comma.
            let mut j = k + 1;
            while j < end && p.kind(j) != Kind::Comma && !p.kind(j).is_terminal() {
                j += 1;
            }
            if j < end && p.kind(j) == Kind::Comma && p.is_any(k + 1, &["adding"]) {
                break;
            }
            k = j;
            if k < end
                && p.kind(k) == Kind::Comma
                && (channel_phrase(p, k + 1, end).is_some() || time_phrase(p, k + 1, end).is_some())
            {
                k += 1;
            }
        } else if p.is_any(k, &["to"])
            && k + 1 < end
            && (p.is_any(
                k + 1,
                &[
                    "reporters",
                    "journalists",
                    "me",
                    "him",
                    "her",
                    "them",
                    "us",
                    "supporters",
                    "lawmakers",
                ],
            ) || p.is_capitalized(k + 1))
            && !inverted
        {
            // "said to reporters"
            k = listener(p, k + 1, end);
        } else if (p.is_any(k, &grammar::PREPOSITIONS) || p.is_any(k, &["while", "when", "upon"]))
            && !inverted
        {
            // "said after the talks that …", "said on NBC's ''Meet the Press''
            // on Sunday that …": an adverbial, if "that" soon follows.
            let window = (k + ADVERBIAL_BEFORE_THAT).min(end);
            // "said last week in Tel Aviv, “…”": or a comma and a quote.
            match (k + 1..window).find(|&j| {
                !p.inside_quote(j)
                    && (p.is_any(j, &["that"])
                        || p.kind(j).is_terminal()
                        || p.kind(j) == Kind::Semicolon
                        || p.kind(j) == Kind::Comma
                        || p.quotes.opening_at(j).is_some())
            }) {
                Some(j) if p.is_any(j, &["that"]) => k = j,
                Some(j) if p.kind(j) == Kind::Comma && p.quotes.opening_at(j + 1).is_some() => {
                    k = j
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    (k, cue_text_end, channel)
}

/// How far "that" may stand from its cue behind an adverbial, in tokens.
const ADVERBIAL_BEFORE_THAT: usize = 24;

/// Builds the reporting clause of a cue, if it has a source.
fn clause(
    p: &Para,
    cue: Cue,
    sentence: &Range<usize>,
    previous: Option<&Clause>,
) -> Option<Clause> {
    let end = sentence.end;
    if cue.according {
        let np = according_source(p, cue.end, end)?;
        return Some(Clause {
            cue,
            source: Some(np.clone()),
            mention: None,
            coordinated: false,
            inverted: true,
            front: cue.start,
            after: np.end,
            cue_text_end: cue.end,
            channel: None,
            description: None,
        });
    }
    // Inverted: "…," said X / C, said X.
    let before = cue.start.checked_sub(1).filter(|&b| b >= sentence.start);
    let after_boundary = before.is_some_and(|b| {
        is_comma_like(p, b) || p.kind(b) == Kind::Dash || p.quotes.closing_at(b).is_some()
    });
    let lower = p.lower(cue.start);
    // ", telling reporters that …", "…, but only to tell Garland that …": the
    // source is the subject of the clause this one hangs on.
    let participle = lower.ends_with("ing")
        && before.is_some_and(|b| {
            is_comma_like(p, b)
                || p.is_any(
                    b,
                    &[
                        "and", "while", "before", "after", "by", "when", "then", "also",
                    ],
                )
        });
    let infinitive = before.is_some_and(|b| p.is_any(b, &["to"]));
    if participle || infinitive {
        let source = match previous {
            Some(prev) => prev.source.clone(),
            None => Some(named_subject(p, sentence)?),
        };
        let (after, cue_text_end, channel) = complements(p, &cue, cue.end, end, false);
        return Some(Clause {
            cue,
            source,
            mention: previous.and_then(|prev| prev.mention),
            coordinated: previous.is_some(),
            inverted: false,
            front: before.unwrap_or(cue.start),
            after,
            cue_text_end,
            channel,
            description: None,
        });
    }
    // After a plain comma, what comes before must be content, not an aside
    // ("Vargas, an immigration activist, asked …" is not inverted).
    let content_before = before.is_some_and(|b| {
        p.kind(b) != Kind::Comma || {
            let segments = comma_segments(p, sentence.start, b);
            let first = segments.len() == 1;
            segments.last().is_some_and(|seg| {
                // "But, said Solovey, “…”": a connective alone, then the quote after.
                let connective =
                    first && seg.len() == 1 && p.is_any(seg.start, &grammar::CONNECTIVES);
                connective
                    || (first || !is_aside(p, seg.clone())) && word_count(p, seg.clone()) >= 3
            })
        }
    });
    if after_boundary
        && content_before
        && matches!(cue.class, CueClass::Say | CueClass::Ask | CueClass::Object)
        && let Some(np) = noun_phrase_right(p, cue.end, end)
            .filter(|np| looks_like_inverted_source(p, np.clone(), end))
    {
        // "said Sen. Chuck Schumer, a New York Democrat": the appositive is part of the source.
        let (np, description) = match appositive_after(p, np.end, end) {
            Some(appositive) => (np.start..appositive.end, Some(appositive)),
            None => (np, None),
        };
        let (after, cue_text_end, channel) = complements(p, &cue, np.end, end, true);
        return Some(Clause {
            cue,
            source: Some(np),
            mention: None,
            coordinated: false,
            inverted: true,
            front: cue.start,
            after,
            cue_text_end,
            channel,
            description,
        });
    }
    let (subject, front) = subject_left(p, cue.start, sentence)?;
    let mut description = None;
    let (source, coordinated) = match subject {
        Subject::Phrase(range, aside) => {
            description = aside;
            (Some(range), false)
        }
        Subject::Coordinated => match previous {
            Some(prev) => (prev.source.clone(), true),
            // "X was joined on stage and joked, …"
            None => (Some(named_subject(p, sentence)?), false),
        },
    };
    let (after, cue_text_end, channel) = complements(p, &cue, cue.end, end, false);
    Some(Clause {
        cue,
        source,
        mention: None,
        coordinated,
        inverted: false,
        front,
        after,
        cue_text_end,
        channel,
        description,
    })
}

/// Trims punctuation off both ends of a token range.
fn trim(p: &Para, mut range: Range<usize>) -> Range<usize> {
    while range.start < range.end
        && matches!(
            p.kind(range.start),
            Kind::Comma | Kind::Colon | Kind::Dash | Kind::Semicolon | Kind::Period
        )
    {
        range.start += 1;
    }
    while range.end > range.start
        && matches!(
            p.kind(range.end - 1),
            Kind::Comma | Kind::Colon | Kind::Dash | Kind::Semicolon | Kind::Period
        )
    {
        range.end -= 1;
    }
    range
}

/// Bytes of a quote's inner text, trimmed of a trailing comma.
fn quote_content(p: &Para, quote: &Quote) -> Option<Range<usize>> {
    let inner = trim(p, quote.inner(p.len()));
    (!inner.is_empty()).then(|| p.bytes(inner))
}

fn word_count(p: &Para, range: Range<usize>) -> usize {
    range.filter(|&t| p.kind(t).is_wordlike()).count()
}

/// Title Case and short: the name of a film, book or programme, not a claim.
fn looks_like_title(p: &Para, quote: &Quote) -> bool {
    let inner = quote.inner(p.len());
    let words: Vec<usize> = inner.clone().filter(|&t| p.is_word(t)).collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().filter(|&&t| p.is_capitalized(t)).count() * 4 >= words.len() * 3
        && !inner
            .clone()
            .any(|t| matches!(p.kind(t), Kind::Comma) && t + 1 == inner.end)
}

/// Words that say a quoted phrase is a name or a term, not a claim.
static TITLE_MARKERS: WordSet = WordSet::new(&[
    "film",
    "movie",
    "book",
    "novel",
    "song",
    "album",
    "show",
    "series",
    "play",
    "titled",
    "entitled",
    "headlined",
    "dubbed",
    "nicknamed",
    "so-called",
    "term",
    "word",
    "phrase",
    "slogan",
    "hashtag",
    "program",
    "programme",
    "episode",
    "documentary",
    "column",
    "article",
    "poem",
    "podcast",
    "hit",
    "single",
    "known",
    "named",
    "branded",
    "label",
    "labeled",
    "labelled",
]);

fn is_marked_as_term(p: &Para, quote: &Quote) -> bool {
    let Some(open) = quote.open else { return false };
    (open.saturating_sub(2)..open).any(|t| p.is_any(t, &TITLE_MARKERS))
}

fn add_mention(findings: &mut Findings, mention: Mention) -> usize {
    let key = (mention.span.start, mention.span.end);
    if let Some(&n) = findings.by_span.get(&key) {
        return n;
    }
    findings.mentions.push(mention);
    findings.by_span.insert(key, findings.mentions.len() - 1);
    findings.mentions.len() - 1
}

fn sentence_claims(
    p: &Para,
    sentence: Range<usize>,
    people: &[Mention],
    findings: &mut Findings,
    quote_used: &mut [bool],
) {
    let (call_cues, cues): (Vec<Cue>, Vec<Cue>) = find_cues(p, sentence.clone())
        .into_iter()
        .partition(|cue| cue.class == CueClass::Call);
    let mut clauses: Vec<Clause> = Vec::new();
    for cue in cues {
        // A cue inside the span of an earlier clause's source or cue is part of it.
        if clauses
            .iter()
            .any(|c| (c.front..c.after).contains(&cue.start))
        {
            continue;
        }
        let Some(mut clause) = clause(p, cue, &sentence, clauses.last()) else {
            continue;
        };
        let mention = match (&clause.source, clause.coordinated) {
            (_, true) => clauses.last().and_then(|c| c.mention),
            (Some(np), false) => mentions::describe(p, np.clone(), people)
                .or_else(|| {
                    clause
                        .cue
                        .according
                        .then(|| mentions::unnamed_document(p, np.clone()))
                })
                .map(|mut m| {
                    if m.role.is_none() {
                        m.role = clause.description.clone().map(|d| p.slice(d).into());
                    }
                    add_mention(findings, m)
                }),
            (None, false) => None,
        };
        let Some(mention) = mention else { continue };
        clause.mention = Some(mention);
        clauses.push(clause);
    }

    // A later clause inside an earlier clause's forward content is nested
    // speech ("X said Y told him …"): only the outer one counts, unless a
    // connective joins it ("…, although he added …", "…, adding that …").
    let mut kept: Vec<Clause> = Vec::new();
    for clause in clauses {
        if let Some(prev) = kept.last() {
            let joined = clause.coordinated
                || clause.front > sentence.start
                    && (is_comma_like(p, clause.front - 1)
                        || p.is_any(clause.front, &grammar::CONNECTIVES)
                        || p.is_any(clause.front - 1, &grammar::CONNECTIVES))
                || clause.inverted;
            let prev_has_forward = forward_start(p, prev, sentence.end).is_some();
            if prev_has_forward && !joined {
                continue;
            }
        }
        kept.push(clause);
    }

    let mut previous_end = sentence.start;
    for (n, clause) in kept.iter().enumerate() {
        let next_front = kept.get(n + 1).map_or(sentence.end, |next| {
            connective_start(p, next.front, sentence.start)
        });
        let source = SourceRef::Mention(clause.mention.unwrap_or_default());
        let cue_bytes = Some(p.bytes(clause.cue.start..clause.cue_text_end.max(clause.cue.end)));
        let channel = clause.channel.clone().map(|c| p.bytes(c));
        let claim = |kind, content, quote| Found {
            kind,
            content,
            source,
            cue: cue_bytes.clone(),
            channel: channel.clone(),
            quote,
            parts: Vec::new(),
        };

        let mut found_any = false;
        // Content after the clause.
        if let Some(start) = forward_start(p, clause, sentence.end) {
            // The quote is the whole content, or the writer's gloss follows it:
            // "joked, “…,” drawing loud jeers".
            if let Some(q) = p.quotes.opening_at(start).filter(|&q| {
                let quote = p.quotes.quotes[q];
                let end = quote.close.map_or(p.len(), |c| c + 1);
                let rest = trim(p, end..next_front);
                rest.is_empty()
                    || p.is_word(rest.start)
                        && (p.lower(rest.start).ends_with("ing")
                            || p.is_any(rest.start, &["which", "according", "as"]))
            }) {
                let quote = p.quotes.quotes[q];
                if let Some(content) = quote_content(p, &quote) {
                    quote_used[q] = true;
                    findings
                        .claims
                        .push(claim(ClaimKind::Direct, content, Some(q)));
                    found_any = true;
                }
            } else {
                let range = trim(p, start..next_front);
                let range = cut_trailing_gloss(p, range);
                if word_count(p, range.clone()) >= 2 {
                    partials_inside(p, range.clone(), quote_used, findings, &claim);
                    findings
                        .claims
                        .push(claim(ClaimKind::Indirect, p.bytes(range), None));
                    found_any = true;
                }
            }
        }
        // Content before the clause: "C, X said" / "“C,” X said" / "C, according to X".
        let parenthetical = clause.after < sentence.end && p.kind(clause.after) == Kind::Comma;
        if (!found_any || clause.inverted || parenthetical)
            && let Some((kind, content, q)) =
                backward_content(p, clause, previous_end, &sentence, quote_used)
        {
            if let Some(q) = q {
                quote_used[q] = true;
            }
            if kind == ClaimKind::Indirect {
                let range = content.clone();
                partials_inside(p, range.clone(), quote_used, findings, &claim);
                findings.claims.push(claim(kind, p.bytes(range), q));
            } else {
                findings.claims.push(claim(kind, p.bytes(content), q));
            }
            found_any = true;
        }
        // "“C,” X said, “D.”": a second quote straight after the clause.
        if clause.inverted || found_any {
            let k = clause.after;
            if k + 1 < sentence.end
                && matches!(p.kind(k), Kind::Comma | Kind::Colon)
                && let Some(q) = p.quotes.opening_at(k + 1).filter(|&q| !quote_used[q])
                && let Some(content) = quote_content(p, &p.quotes.quotes[q])
            {
                quote_used[q] = true;
                findings
                    .claims
                    .push(claim(ClaimKind::Direct, content, Some(q)));
            }
        }
        // "Still, he said, officials have to decide": a clause after a
        // reporting clause set off by commas, when nothing came before it.
        let k = clause.after;
        if !found_any
            && !clause.inverted
            && k + 1 < next_front
            && p.kind(k) == Kind::Comma
            && takes_bare_clause(p, k + 1)
            && !p.lower(k + 1).ends_with("ing")
            && !p.is_any(
                k + 1,
                &[
                    "who", "which", "when", "where", "what", "how", "if", "whether",
                ],
            )
        {
            let range = cut_trailing_gloss(p, trim(p, k + 1..next_front));
            if word_count(p, range.clone()) >= 3 {
                partials_inside(p, range.clone(), quote_used, findings, &claim);
                findings
                    .claims
                    .push(claim(ClaimKind::Indirect, p.bytes(range), None));
                found_any = true;
            }
        }
        if found_any {
            previous_end = clause.after;
        }
    }
    naming_claims(
        p, &sentence, &call_cues, &kept, people, findings, quote_used,
    );
}

/// "called the issue “painful”", "described it as “a disaster”": the quote
/// soon after a naming verb is a partial quote of the verb's subject.
fn naming_claims(
    p: &Para,
    sentence: &Range<usize>,
    cues: &[Cue],
    clauses: &[Clause],
    people: &[Mention],
    findings: &mut Findings,
    quote_used: &mut [bool],
) {
    for cue in cues {
        let limit = (cue.end + 8).min(sentence.end);
        let Some(q) = (cue.end..limit).find_map(|t| p.quotes.opening_at(t)) else {
            continue;
        };
        let quote = p.quotes.quotes[q];
        if quote_used[q] || looks_like_title(p, &quote) {
            continue;
        }
        let Some(clause) = clause(
            p,
            *cue,
            sentence,
            clauses.iter().rev().find(|c| c.front < cue.start),
        ) else {
            continue;
        };
        let mention = match (&clause.source, clause.coordinated) {
            (_, true) => clause.mention,
            (Some(np), false) => {
                mentions::describe(p, np.clone(), people).map(|m| add_mention(findings, m))
            }
            (None, false) => None,
        };
        let (Some(mention), Some(content)) = (mention, quote_content(p, &quote)) else {
            continue;
        };
        quote_used[q] = true;
        findings.claims.push(Found {
            kind: ClaimKind::Partial,
            content,
            source: SourceRef::Mention(mention),
            cue: Some(p.bytes(cue.start..cue.end)),
            channel: None,
            quote: Some(q),
            parts: Vec::new(),
        });
    }
}

/// Where the forward content of a clause starts, if it has one.
fn forward_start(p: &Para, clause: &Clause, end: usize) -> Option<usize> {
    let k = clause.after;
    if k >= end
        || clause.cue.according && clause.front > 0 && p.kind(clause.front - 1) == Kind::Comma
    {
        return None;
    }
    if clause.cue.according {
        // "According to X, C."
        return (p.kind(k) == Kind::Comma && k + 1 < end).then_some(k + 1);
    }
    // "“…,” Bond said onstage Tuesday night", "“…,” Sanders told a crowd at
    // Mary's that spilled out": a clause right after a quote attributes that
    // quote; only "that …" or ", “…”" can add more after it.
    if follows_quote(p, clause) {
        // "that" after a listener ("told a crowd at Mary's that spilled
        // out") is a relative pronoun, not reported speech.
        let more = match p.kind(k) {
            Kind::Word => p.lower(k) == "that" && clause.cue_text_end <= clause.cue.end,
            Kind::Comma | Kind::Colon => p.quotes.opening_at(k + 1).is_some(),
            _ => false,
        };
        return (more && k + 1 < end).then_some(k + 1);
    }
    match p.kind(k) {
        Kind::Word if p.lower(k) == "that" => (k + 1 < end).then_some(k + 1),
        // "said: “…”", "said, “…”", and "said: the plan is dead".
        Kind::Colon | Kind::Comma => {
            let next = k + 1;
            let quote = next < end && p.quotes.opening_at(next).is_some();
            let clause = p.kind(k) == Kind::Colon && next < end && takes_bare_clause(p, next);
            (quote || clause).then_some(next)
        }
        Kind::Quote(_) if p.quotes.opening_at(k).is_some() => Some(k),
        _ if clause.inverted => None,
        // "confirmed he would run", but not "stated a list of goals".
        // "confirmed he would run"; "denied the charges", "vowed to fight";
        // but not "reported progress" (a report of numbers, not of speech).
        _ if matches!(clause.cue.class, CueClass::Object | CueClass::Noun) => {
            let pronoun = p.is_word(k) && Pronoun::parse(p.lower(k)).is_some();
            let object = clause.cue.class == CueClass::Object
                && !matches!(p.lower(clause.cue.start), "reported" | "reports" | "posted")
                && (takes_bare_clause(p, k)
                    || p.is_any(k, &["to"])
                        && matches!(
                            p.lower(clause.cue.start),
                            "vowed" | "vows" | "vowing" | "promised" | "promising"
                        ));
            (pronoun || object).then_some(k)
        }
        _ if matches!(
            clause.cue.class,
            CueClass::Say | CueClass::Tell | CueClass::Ask
        ) =>
        {
            let bare = takes_bare_clause(p, k)
                || (clause.cue.class == CueClass::Say
                    && p.is_any(k, &["to"])
                    && matches!(
                        p.lower(clause.cue.start),
                        "vowed"
                            | "promised"
                            | "vows"
                            | "promising"
                            | "vowing"
                            | "threatened"
                            | "pledged"
                    ));
            bare.then_some(k)
        }
        _ => None,
    }
}

/// Steps back over quote marks that close nothing (the single mark of
/// "''… 'a special case,''' Putin said"), to the token that bounds a clause.
fn skip_stray_marks(p: &Para, mut front: usize) -> usize {
    while front > 0
        && matches!(p.kind(front - 1), Kind::Quote(_))
        && p.quotes.closing_at(front - 1).is_none()
        && p.quotes.opening_at(front - 1).is_none()
        && !p.inside_quote(front - 1)
    {
        front -= 1;
    }
    front
}

/// The clause stands right after a closing quote mark: "“…,” she said".
fn follows_quote(p: &Para, clause: &Clause) -> bool {
    let front = skip_stray_marks(p, clause.front);
    front > 0
        && (p.quotes.closing_at(front - 1).is_some()
            || p.kind(front - 1) == Kind::Comma
                && front > 1
                && p.quotes.closing_at(front - 2).is_some())
}

/// Moves a clause's front back over the comma and connective that join it
/// to the clause before: "…framework, although he added" → before ", although".
fn connective_start(p: &Para, front: usize, floor: usize) -> usize {
    let mut k = front;
    while k > floor
        && (p.is_any(k - 1, &grammar::CONNECTIVES)
            || p.is_any(k - 1, &["which", "who"])
            || matches!(p.kind(k - 1), Kind::Comma | Kind::Dash | Kind::Semicolon))
    {
        k -= 1;
    }
    k
}

/// Participial and relative glosses the writer adds after reported speech:
/// "…, meaning either by right or in effect", "…, in what would be a massive concession".
fn cut_trailing_gloss(p: &Para, range: Range<usize>) -> Range<usize> {
    for t in range.clone() {
        if t > range.start + 3
            && is_comma_like(p, t)
            && !p.inside_quote(t + 1)
            && (p.is_any(t + 1, &["meaning", "according", "which"])
                || p.is_any(t + 1, &["in"]) && p.is_any(t + 2, &["what"]))
        {
            return trim(
                p,
                range.start..t + usize::from(p.quotes.closing_at(t).is_some()),
            );
        }
    }
    range
}

/// Content before a clause: the quote that ends right before it, or the
/// clause before its comma.
fn backward_content(
    p: &Para,
    clause: &Clause,
    previous_end: usize,
    sentence: &Range<usize>,
    quote_used: &[bool],
) -> Option<(ClaimKind, Range<usize>, Option<usize>)> {
    let front = clause.front;
    // "X said." opening a sentence right after a quote that ends with a full stop.
    if front == sentence.start {
        if front == 0 || clause.after < sentence.end && !p.kind(clause.after).is_terminal() {
            return None;
        }
        let q = p.quotes.closing_at(front - 1)?;
        let quote = p.quotes.quotes[q];
        return (!quote_used[q]).then(|| {
            quote_content(p, &quote).map(|c| (ClaimKind::Direct, token_range(p, c), Some(q)))
        })?;
    }
    let boundary = skip_stray_marks(p, front).max(1) - 1;
    let quote_before = p.quotes.closing_at(boundary).or_else(|| {
        (p.kind(boundary) == Kind::Comma && boundary > 0)
            .then(|| p.quotes.closing_at(boundary - 1))
            .flatten()
    });
    if let Some(q) = quote_before {
        let quote = p.quotes.quotes[q];
        if quote_used[q] {
            return None;
        }
        let content = quote_content(p, &quote)?;
        return Some((ClaimKind::Direct, token_range(p, content), Some(q)));
    }
    if !(is_comma_like(p, boundary) || p.kind(boundary) == Kind::Dash || clause.cue.according) {
        return None;
    }
    let start = previous_end.max(sentence.start);
    let mut range = trim(
        p,
        start..boundary + usize::from(clause.cue.according && !is_comma_like(p, boundary)),
    );
    if clause.cue.according && !is_comma_like(p, boundary) {
        range = trim(p, start..front);
    }
    // Skip a leading connective or opening mark left by a clause before.
    while range.start < range.end
        && (p.is_any(range.start, &["and", "but"]) && range.start == previous_end)
    {
        range.start += 1;
    }
    let introductory = !p.inside_quote(range.start)
        && p.is_any(range.start, &INTRODUCTORY)
        && word_count(p, range.clone()) <= 12;
    if word_count(p, range.clone()) < 3 || introductory {
        return None;
    }
    Some((ClaimKind::Indirect, range, None))
}

/// Token range covering a byte range.
fn token_range(p: &Para, bytes: Range<usize>) -> Range<usize> {
    let start = p
        .tokens
        .partition_point(|t| (t.start as usize) < bytes.start);
    let end = p.tokens.partition_point(|t| (t.end as usize) <= bytes.end);
    start..end
}

/// Quotes wholly inside reported speech are partial quotes of the same source.
fn partials_inside(
    p: &Para,
    range: Range<usize>,
    quote_used: &mut [bool],
    findings: &mut Findings,
    claim: &impl Fn(ClaimKind, Range<usize>, Option<usize>) -> Found,
) {
    for q in p.quotes.within(range.start..range.end + 1) {
        let quote = &p.quotes.quotes[q];
        let (Some(open), Some(close)) = (quote.open, quote.close) else {
            continue;
        };
        if open >= range.start
            && close < range.end + 1
            && !quote_used[q]
            && let Some(content) = quote_content(p, quote)
        {
            quote_used[q] = true;
            findings
                .claims
                .push(claim(ClaimKind::Partial, content, Some(q)));
        }
    }
}

/// Quotes no cue claimed: a continuation of a speaker, "X: “C”", or unattributed.
fn unclaimed_quotes(p: &Para, people: &[Mention], findings: &mut Findings, quote_used: &[bool]) {
    if p.quotes.quotes.is_empty() {
        return;
    }
    // Indexes over the claims found so far, so that this stays linear on
    // paragraphs with thousands of quotes.
    let mut claimed = quote_used.to_vec();
    for q in findings.claims.iter().filter_map(|c| c.quote) {
        claimed[q] = true;
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
    let attributed: Vec<(usize, SourceRef)> = {
        let mut list: Vec<(usize, SourceRef)> = findings
            .claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Direct && matches!(c.source, SourceRef::Mention(_)))
            .map(|c| (c.content.start, c.source))
            .collect();
        list.sort_unstable_by_key(|&(start, _)| start);
        list
    };
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
        let words = word_count(p, quote.inner(p.len()));
        let colon_source = quote
            .open
            .and_then(|open| colon_attribution(p, open, people));
        let source = if let Some(mention) = colon_source {
            SourceRef::Mention(add_mention(findings, mention))
        } else if quote.continued {
            SourceRef::Inherit
        } else if let Some(nearest) = nearest_attributed(&attributed, content.start) {
            nearest
        } else if quote.open == Some(0) && words >= 3 {
            SourceRef::Inherit
        } else if words >= 5 && !looks_like_title(p, quote) && !is_marked_as_term(p, quote) {
            SourceRef::Unknown
        } else {
            continue;
        };
        if looks_like_title(p, quote) && !quote.continued || is_marked_as_term(p, quote) {
            continue;
        }
        if words < 3 && !quote.continued && source != SourceRef::Inherit {
            // A short quote attributed only by being near another claim is a scare quote.
            if colon_source_absent(p, quote) {
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

fn colon_source_absent(p: &Para, quote: &Quote) -> bool {
    quote
        .open
        .is_none_or(|open| open == 0 || p.kind(open - 1) != Kind::Colon)
}

/// The source of the nearest claim in this paragraph that has a direct quote
/// and a source (`attributed` is sorted by start): a second quote continues
/// the same speaker. One before wins over one after at a quarter the distance.
fn nearest_attributed(attributed: &[(usize, SourceRef)], at: usize) -> Option<SourceRef> {
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

/// "Trump: “We will win.”": a name or phrase, a colon, a quote.
fn colon_attribution(p: &Para, open: usize, people: &[Mention]) -> Option<Mention> {
    if open == 0 || p.kind(open - 1) != Kind::Colon {
        return None;
    }
    let sentence = p.sentence_of(open - 1);
    let np = noun_phrase_left(p, open - 1, sentence.start)?;
    if np.start != sentence.start || np.len() > 8 {
        return None;
    }
    let mention = mentions::describe(p, np, people)?;
    matches!(
        mention.kind,
        MentionKind::Person
            | MentionKind::Anonymous
            | MentionKind::Organization
            | MentionKind::Group
            | MentionKind::Pronoun(_)
    )
    .then_some(mention)
}
