//! Naming verbs ("called", "branded", "labelled"): what the subject called
//! something is a claim of theirs. The content is the thing named and the
//! name given ("called the plan a disgrace", "called the ruling
//! “arbitrary”"), with a quoted name also a partial quote of its own; a
//! quote straight after the verb is the content alone ("called it" aside,
//! "branded “a betrayal”").

use std::ops::Range;

use super::clause::{clause, only_time};
use super::content::{partials_inside, quote_content, word_count};
use super::source::noun_phrase_right;
use super::unclaimed::looks_like_title;
use super::{Clause, Cue, Findings, Found, SourceRef, add_mention};
use crate::annotate::grammar::{self, Pronoun};
use crate::annotate::lexicon::lexicon;
use crate::annotate::mentions::{self, Mention};
use crate::annotate::para::Para;
use crate::annotate::token::Kind;
use crate::model::ClaimKind;
use crate::vocabulary::WordSet;

/// Pronouns that can be the thing named: "called him a liar".
static NAMING_OBJECTS: WordSet = crate::vocabulary::word_set!("naming_objects");
/// Words that open a named noun phrase: "called the plan a disgrace".
static NAMING_OBJECT_DETERMINERS: WordSet =
    crate::vocabulary::word_set!("naming_object_determiners");
/// Words after the object that show "called" names nothing: "called him back".
static NOT_NAMES_GIVEN: WordSet = crate::vocabulary::word_set!("not_names_given");
/// Adjectives that end a name given without an article: "called the plan reckless".
static VERDICT_ADJECTIVES: WordSet = crate::vocabulary::word_set!("verdict_adjectives");

/// Tokens from a naming verb to the quote of the name it gives, at most.
const QUOTE_REACH: usize = 16;
/// Words of a named noun phrase before its "a"/"an", at most ("the new
/// border plan" is four, "Senate Majority Leader Mitch McConnell" five).
const OBJECT_WORDS: usize = 7;
/// Tokens of an unquoted name given, at most.
const NAME_TOKENS: usize = 12;
/// Words of a name given without an article ("called him divisive"), at most.
const BARE_NAME_WORDS: usize = 3;

/// The claims of the naming verbs of a sentence, after its other clauses
/// (`clauses`) have taken their quotes.
pub(super) fn naming_claims(
    p: &Para,
    sentence: &Range<usize>,
    cues: &[Cue],
    clauses: &[Clause],
    people: &[Mention],
    findings: &mut Findings,
    quote_used: &mut [bool],
) {
    for cue in cues {
        // The next clause of the sentence ends what this one names.
        let bound = clauses
            .iter()
            .map(|c| c.front)
            .chain(cues.iter().map(|c| c.start))
            .filter(|&front| front > cue.start)
            .min()
            .unwrap_or(sentence.end)
            .min(sentence.end);
        if let Some((subject, content)) = relative_naming(p, cue, bound) {
            let Some(mention) = mentions::describe(p, subject, people) else {
                continue;
            };
            let mention = add_mention(findings, mention);
            let claim = |kind, content, quote| named_by(p, cue, mention, kind, content, quote);
            partials_inside(p, content.clone(), quote_used, findings, &claim);
            findings
                .claims
                .push(claim(ClaimKind::Indirect, p.bytes(content), None));
            continue;
        }
        let Some(named) = named(p, cue.end, bound, quote_used) else {
            continue;
        };
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
        let Some(mention) = mention else {
            continue;
        };
        let claim = |kind, content, quote| named_by(p, cue, mention, kind, content, quote);
        match named {
            Named::Quote(q) => {
                let Some(content) = quote_content(p, &p.quotes.quotes[q]) else {
                    continue;
                };
                quote_used[q] = true;
                findings
                    .claims
                    .push(claim(ClaimKind::Partial, content, Some(q)));
            }
            Named::Words(range) => {
                partials_inside(p, range.clone(), quote_used, findings, &claim);
                findings
                    .claims
                    .push(claim(ClaimKind::Indirect, p.bytes(range), None));
            }
        }
    }
}

/// A claim of the source `mention` made with the naming verb `cue`.
fn named_by(
    p: &Para,
    cue: &Cue,
    mention: usize,
    kind: ClaimKind,
    content: Range<usize>,
    quote: Option<usize>,
) -> Found {
    Found {
        kind,
        content,
        source: SourceRef::Mention(mention),
        cue: Some(p.bytes(cue.start..cue.end)),
        channel: None,
        quote,
        parts: Vec::new(),
    }
}

/// Longest subject between "what" and a naming verb ("what state officials called"), in tokens.
const RELATIVE_SUBJECT: usize = 4;

/// "what he calls corruption", "which she describes as her second home",
/// "what officials called a hate crime": a naming verb inside a relative
/// clause names the thing it stands for. Returns the subject and the
/// content (from "what" to the end of the name), as tokens.
pub(super) fn relative_naming(
    p: &Para,
    cue: &Cue,
    bound: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    if cue.end != cue.start + 1 || !p.is_any(cue.start, &RELATIVE_NAMING_VERBS) {
        return None;
    }
    let relative = (cue.start.saturating_sub(RELATIVE_SUBJECT + 1)..cue.start)
        .rev()
        .take_while(|&t| p.is_word(t) || p.kind(t) == Kind::Possessive)
        .find(|&t| p.is_any(t, &["what", "which"]))?;
    let subject = relative + 1..cue.start;
    if subject.is_empty() || subject.clone().any(|t| lexicon().cue(p.lower(t)).is_some()) {
        return None;
    }
    let mut name = cue.end;
    if p.is_any(name, &["as"]) {
        name += 1;
    }
    // "which critics called “a giveaway,” passed": a quoted name ends it,
    // unless more of the name follows ("what it calls “psychographic”
    // profiles").
    let quoted_name_end = p
        .quotes
        .opening_at(name)
        .and_then(|q| p.quotes.quotes[q].close)
        .filter(|&close| {
            !p.kind(close - 1).is_wordlike() || close + 1 >= p.len() || !p.is_word(close + 1)
        })
        .map(|close| close + 1);
    let end = quoted_name_end
        .or_else(|| {
            (name..(name + NAME_TOKENS).min(bound)).find(|&t| {
                !p.inside_quote(t)
                    && p.quotes.opening_at(t).is_none()
                    && p.quotes.closing_at(t).is_none()
                    && (!p.kind(t).is_wordlike() && p.kind(t) != Kind::Possessive
                        || p.is_any(t, &["and", "but"]))
            })
        })
        .unwrap_or((name + NAME_TOKENS).min(bound));
    (end > name).then_some((subject, relative..end))
}

/// Naming verbs that a relative clause can hold ("what he calls …").
static RELATIVE_NAMING_VERBS: WordSet = crate::vocabulary::word_set!("relative_naming_verbs");

/// What a naming verb gives.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Named {
    /// A quote right after the verb: the name alone.
    Quote(usize),
    /// The thing named and its name, as tokens (quotes included).
    Words(Range<usize>),
}

/// What the naming verb ending before token `start` names, within `bound`.
fn named(p: &Para, start: usize, bound: usize, quote_used: &[bool]) -> Option<Named> {
    if start >= bound {
        return None;
    }
    let reach = (start + QUOTE_REACH).min(bound);
    let mut quotes = (start..reach).filter_map(|t| Some((t, p.quotes.opening_at(t)?)));
    let mut found = quotes.next();
    // "called Ruiz's claim of a “right” over the quays “absurd”": a quote
    // inside the thing named, with more of the object after it, is not the
    // name given; the next one is.
    while let Some((_, q)) = found
        && let Some(close) = p.quotes.quotes[q].close
        && close + 1 < bound
        && p.is_word(close + 1)
        // "called the mayor a “fraud” who …": a relative clause after the
        // name describes it.
        && !p.is_any(close + 1, &["and", "but", "who", "which", "that"])
        && let Some(next) = quotes.next()
    {
        found = Some(next);
    }
    if let Some((at, q)) = found {
        let quote = p.quotes.quotes[q];
        if quote_used[q] || looks_like_title(p, &quote) {
            return None;
        }
        if at == start {
            return Some(Named::Quote(q));
        }
        let close = quote.close?;
        // "called the ruling “arbitrary”": the thing named, then the quote.
        return Some(if is_object(p, start..at) {
            Named::Words(start..close + 1)
        } else {
            Named::Quote(q)
        });
    }
    let Some((object_end, needs_article)) = object_end(p, start, bound) else {
        return verdict_after_noun_phrase(p, start, bound).map(Named::Words);
    };
    let name = object_end;
    if name >= bound || !p.is_word(name) {
        return None;
    }
    // ("calling the race … less than a half-hour after": a time, not a name.)
    let article = p.is_any(name, &["a", "an"])
        && !p.is_any(name - 1, &["than"])
        && !only_time(p, name, bound)
        || needs_article
            && p.is_any(name, &NAMING_OBJECT_DETERMINERS)
            && !only_time(p, name, bound);
    if needs_article && !article {
        return None;
    }
    let end = name_end(p, name, bound);
    let bare_name_fits = !article
        && !p.is_capitalized(name)
        && !p.is_any(name, &NOT_NAMES_GIVEN)
        && !p.is_any(name, &grammar::PREPOSITIONS)
        && !p.is_any(name, &grammar::DETERMINERS)
        && !p.is_any(name, &grammar::TIME_WORDS)
        && !p.is_any(name, &grammar::DAYS)
        && lexicon().cue(p.lower(name)).is_none()
        && word_count(p, name..end) <= BARE_NAME_WORDS
        && ends_clause(p, end, bound);
    (article && word_count(p, name..end) >= 2 || bare_name_fits).then_some(Named::Words(start..end))
}

/// Where the thing named that starts at `start` ends, and whether its name
/// must then open with "a" or "an" (after a noun phrase, where the end is
/// only known by the article): a pronoun ("him"), a run of capitalised
/// words ("Mr. Trump", "Clinton"), or "the …"/"his …" up to an "a"/"an".
fn object_end(p: &Para, start: usize, bound: usize) -> Option<(usize, bool)> {
    // "her" is a pronoun ("called her a liar") or a determiner ("called
    // her son her hero"): the determiner when an article follows the noun.
    if p.is_any(start, &NAMING_OBJECTS)
        && p.is_any(start, &NAMING_OBJECT_DETERMINERS)
        && let Some(found) = noun_phrase_object_end(p, start, bound)
    {
        return Some(found);
    }
    if p.is_any(start, &NAMING_OBJECTS) {
        return Some((start + 1, false));
    }
    if p.is_word(start) && p.is_capitalized(start) && !p.is_any(start, &grammar::DETERMINERS) {
        let end = (start..bound)
            .take(OBJECT_WORDS)
            .find(|&t| !(p.is_word(t) && p.is_capitalized(t)) && p.kind(t) != Kind::Possessive)
            .unwrap_or(bound);
        // "called Trump's plan a …": the possessive opens a noun phrase.
        let possessive = (start..end).any(|t| p.kind(t) == Kind::Possessive);
        return Some((end, possessive));
    }
    if p.is_any(start, &NAMING_OBJECT_DETERMINERS) {
        return noun_phrase_object_end(p, start, bound);
    }
    None
}

/// "called the plan a disgrace", "called her son her hero": a noun phrase
/// opened by a determiner, up to the article or determiner of the name;
/// not "called the head of the company" (a determiner after "of").
fn noun_phrase_object_end(p: &Para, start: usize, bound: usize) -> Option<(usize, bool)> {
    let article = (start + 2..bound)
        .take(OBJECT_WORDS)
        .take_while(|&t| p.is_word(t) || p.kind(t) == Kind::Possessive)
        .find(|&t| {
            p.is_any(t, &["a", "an"])
                || p.is_any(t, &NAMING_OBJECT_DETERMINERS)
                    && !p.is_any(t - 1, &grammar::PREPOSITIONS)
        })?;
    Some((article, true))
}

/// Words of a thing named before a verdict given without an article, at
/// most ("the mayor's dispute with the auditors" is six).
const VERDICT_OBJECT_WORDS: usize = 8;

/// "called the actions lawful", "called the ruling deeply unfair": a noun
/// phrase opened by a determiner, then a verdict adjective that ends the
/// clause. Returns the thing named and the verdict, as tokens.
fn verdict_after_noun_phrase(p: &Para, start: usize, bound: usize) -> Option<Range<usize>> {
    if !p.is_any(start, &NAMING_OBJECT_DETERMINERS) {
        return None;
    }
    let end = name_end(p, start, bound);
    let verdict = end.checked_sub(1)?;
    let object = start..verdict;
    let fits = verdict >= start + 2
        && word_count(p, object.clone()) <= VERDICT_OBJECT_WORDS
        && p.is_any(verdict, &VERDICT_ADJECTIVES)
        && ends_clause(p, end, bound)
        && !object.clone().any(|t| {
            p.is_any(t, &["who", "which", "that", "whose", "to"])
                || lexicon().cue(p.lower(t)).is_some()
        });
    fits.then_some(start..end)
}

/// Whether `range` (between a naming verb and a quote) reads as the thing
/// named: words only, opening as an object does.
fn is_object(p: &Para, range: Range<usize>) -> bool {
    let first = range.start;
    let opens = p.is_any(first, &NAMING_OBJECTS)
        || p.is_any(first, &NAMING_OBJECT_DETERMINERS)
        || p.is_capitalized(first)
        || p.is_word(first)
            && !p.is_any(first, &grammar::PREPOSITIONS)
            && !p.is_any(first, &["to", "that", "and", "but", "as"]);
    opens
        && range.clone().all(|t| {
            matches!(
                p.kind(t),
                Kind::Word | Kind::Possessive | Kind::Number | Kind::Comma
            )
        })
}

/// Where an unquoted name given ends: at the clause's end, a comma or
/// other break, or a conjunction that opens another clause.
fn name_end(p: &Para, start: usize, bound: usize) -> usize {
    let limit = (start + NAME_TOKENS).min(bound);
    (start..limit)
        .find(|&t| {
            !matches!(p.kind(t), Kind::Word | Kind::Possessive | Kind::Number)
                && !continues_adjective_list(p, t, limit)
                || p.is_any(
                    t,
                    &[
                        "because", "after", "before", "while", "during", "when", "since",
                    ],
                )
                || p.is_any(t, &["and", "but"])
                    && t + 1 < bound
                    && (lexicon().cue(p.lower(t + 1)).is_some()
                        || p.is_any(t + 1, &["he", "she", "they", "i", "we", "it"]))
        })
        .unwrap_or(limit)
}

/// Longest adjective between the commas of a list in a name given ("a kind,
/// loving and generous man"), in words.
const LISTED_ADJECTIVE_WORDS: usize = 2;

/// Whether the comma at `t` sets off one adjective of a list that goes on
/// to its "and": "a kind, loving and generous man", not "a liar, and said".
fn continues_adjective_list(p: &Para, t: usize, limit: usize) -> bool {
    if p.kind(t) != Kind::Comma {
        return false;
    }
    let Some(and) = (t + 1..limit)
        .take(LISTED_ADJECTIVE_WORDS + 1)
        .take_while(|&w| p.kind(w) == Kind::Word)
        .find(|&w| p.is_any(w, &["and", "or"]))
    else {
        return false;
    };
    and > t + 1
        && and + 1 < limit
        && p.kind(and + 1) == Kind::Word
        && (t + 1..=and + 1).all(|w| {
            !p.is_capitalized(w)
                && lexicon().cue(p.lower(w)).is_none()
                && Pronoun::parse(p.lower(w)).is_none()
        })
}

/// Whether the clause ends at `t`: punctuation, a conjunction, or its bound.
fn ends_clause(p: &Para, t: usize, bound: usize) -> bool {
    t >= bound || !p.is_word(t) || p.is_any(t, &["and", "but", "because", "after", "before"])
}

/// "The cuts were called “reckless” by the union", "has been described as
/// “heartbreaking” by the department": a quoted name given in the passive
/// is a partial quote of the agent after "by". Quotes other rules took
/// (`quote_used`) are left alone.
pub(super) fn passive_naming_claims(
    p: &Para,
    people: &[Mention],
    findings: &mut Findings,
    quote_used: &mut [bool],
) {
    for (q, quote) in p.quotes.quotes.iter().enumerate() {
        let (Some(open), Some(close)) = (quote.open, quote.close) else {
            continue;
        };
        if quote_used[q] || close + 2 >= p.len() || !p.is_any(close + 1, &["by"]) {
            continue;
        }
        let Some(verb) = passive_naming_verb(p, open) else {
            continue;
        };
        let sentence = p.sentence_of(close + 1);
        let Some(agent) = noun_phrase_right(p, close + 2, sentence.end) else {
            continue;
        };
        let Some(mention) = mentions::describe(p, agent, people) else {
            continue;
        };
        let Some(content) = quote_content(p, quote) else {
            continue;
        };
        let mention = add_mention(findings, mention);
        quote_used[q] = true;
        let cue = Cue {
            start: verb,
            end: verb + 1,
            class: crate::annotate::lexicon::CueClass::Call,
            according: false,
        };
        findings.claims.push(named_by(
            p,
            &cue,
            mention,
            ClaimKind::Partial,
            content,
            Some(q),
        ));
    }
}

/// The naming verb in the passive right before a quote opening at `open`
/// ("was called “…”", "is often described as “…”"), if there is one.
fn passive_naming_verb(p: &Para, open: usize) -> Option<usize> {
    let verb = if open >= 1 && p.is_any(open - 1, &["as"]) {
        open.checked_sub(2)?
    } else {
        open.checked_sub(1)?
    };
    is_passive_naming_verb(p, verb).then_some(verb)
}

/// Whether `verb` is a naming verb in the passive: "was called", "has been
/// described", "is widely described".
fn is_passive_naming_verb(p: &Para, verb: usize) -> bool {
    if !p.is_word(verb) || !p.lower(verb).ends_with("ed") || !p.is_any(verb, &RELATIVE_NAMING_VERBS)
    {
        return false;
    }
    let Some(mut before) = verb.checked_sub(1) else {
        return false;
    };
    if p.lower(before).ends_with("ly") && before > 0 {
        before -= 1;
    }
    p.is_any(before, &grammar::BE_FORMS)
}

/// "The budget was described by MPs and analysts as politically astute":
/// the agent of a naming verb in the passive, named before "as", gives the
/// name after it (a quote there is a partial quote of the agent's).
pub(super) fn passive_agent_claims(
    p: &Para,
    people: &[Mention],
    findings: &mut Findings,
    quote_used: &mut [bool],
) {
    for by in 1..p.len() {
        if !p.is(by, "by") || !is_passive_naming_verb(p, by - 1) || p.inside_quote(by) {
            continue;
        }
        let sentence = p.sentence_of(by);
        let Some(mut agent) = noun_phrase_right(p, by + 1, sentence.end) else {
            continue;
        };
        // "by MPs and analysts as …": agents joined by "and" are one source.
        if p.is_any(agent.end, &["and", "or"])
            && let Some(more) = noun_phrase_right(p, agent.end + 1, sentence.end)
        {
            agent.end = more.end;
        }
        let name = agent.end + 1;
        if name >= sentence.end || !p.is_any(agent.end, &["as"]) {
            continue;
        }
        // The name, to the clause's end: a comma or the sentence's end
        // outside quotes.
        let end = (name..sentence.end)
            .find(|&t| {
                !p.inside_quote(t)
                    && p.quotes.closing_at(t).is_none()
                    && (p.kind(t) == Kind::Comma || p.kind(t).is_terminal())
            })
            .unwrap_or(sentence.end);
        if end <= name {
            continue;
        }
        let Some(mention) = mentions::describe(p, agent, people) else {
            continue;
        };
        let mention = add_mention(findings, mention);
        let cue = Cue {
            start: by - 1,
            end: by,
            class: crate::annotate::lexicon::CueClass::Call,
            according: false,
        };
        let claim = |kind, content, quote| named_by(p, &cue, mention, kind, content, quote);
        partials_inside(p, name..end, quote_used, findings, &claim);
        findings
            .claims
            .push(claim(ClaimKind::Indirect, p.bytes(name..end), None));
    }
}

#[cfg(test)]
mod tests {
    use crate::annotate::annotate;
    use crate::model::{Article, ClaimKind};

    /// Each claim as (kind, text, cue).
    fn claims(text: &str) -> Vec<(ClaimKind, String, String)> {
        let doc = annotate(&Article::from_paragraphs(&[text]));
        doc.claims
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.text.to_string(),
                    c.cue
                        .as_ref()
                        .map(|s| s.text.to_string())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    fn named(text: &str) -> Vec<String> {
        claims(text)
            .into_iter()
            .filter(|(_, _, cue)| cue.starts_with("call") || cue.starts_with("brand"))
            .map(|(_, text, _)| text)
            .collect()
    }

    #[test]
    fn the_thing_named_and_its_name_are_the_content() {
        assert_eq!(
            named("Senator Ana Ruiz called the plan a disgrace on Monday."),
            ["the plan a disgrace on Monday"]
        );
        assert_eq!(
            named("The mayor, calling the budget a sham, left the meeting."),
            ["the budget a sham"]
        );
        assert_eq!(named("Ruiz called him divisive."), ["him divisive"]);
        assert_eq!(
            named("Ruiz calls herself a moderate."),
            ["herself a moderate"]
        );
    }

    #[test]
    fn a_quoted_name_keeps_its_object_and_is_a_partial_quote_too() {
        let found = claims("Ruiz called the ruling \u{201c}arbitrary\u{201d} in a statement.");
        assert!(found.contains(&(
            ClaimKind::Indirect,
            "the ruling \u{201c}arbitrary\u{201d}".into(),
            "called".into()
        )));
        assert!(found.contains(&(ClaimKind::Partial, "arbitrary".into(), "called".into())));
        // Straight after the verb: the quote alone.
        assert_eq!(
            named("Ruiz branded \u{201c}a betrayal\u{201d} the vote on Tuesday."),
            ["a betrayal"]
        );
    }

    #[test]
    fn calling_that_names_nothing_is_no_claim() {
        for text in [
            "Ruiz called the police.",
            "Ruiz called him back on Tuesday.",
            "Ruiz called a news conference on Monday.",
            "Ruiz called them yesterday.",
            "The mayor called the meeting to order.",
        ] {
            assert_eq!(named(text), Vec::<String>::new(), "{text}");
        }
    }
}
