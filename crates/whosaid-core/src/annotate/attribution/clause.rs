//! Cues ("said", "told reporters", "according to") and the reporting
//! clause each one heads: its source, listener, time and channel phrases.

use std::ops::Range;

use super::content::{trim, two_word_clause, word_count};
use super::source::{
    FINITE_VERBS, QUANTITY_WORDS, Subject, according_source, appositive_after,
    approximate_quantity, comma_segments, dashed_adverb_aside, headed_by_speaker_noun, is_aside,
    is_comma_like, is_finite_verb, looks_finite, looks_like_inverted_source, name_after,
    named_subject, names_someone, noun_phrase_left, noun_phrase_right, opens_predicate,
    present_verb_after_speaker, role_then_name, skip_auxiliaries_left, subject_left,
};
use super::unclaimed::{in_title_case, looks_like_title};
use super::{Clause, Cue};
use crate::annotate::grammar::{self, Pronoun, WordSet};
use crate::annotate::lexicon::{CueClass, lexicon};
use crate::annotate::para::Para;
use crate::annotate::token::Kind;
use crate::annotate::{countries, mentions};

/// The cues of a sentence outside its quotes, in order: "said" but not
/// "the said" or "was said", "claims" only when a clause or quote follows.
pub(super) fn find_cues(p: &Para, sentence: Range<usize>, cues: &mut Vec<Cue>) {
    cues.clear();
    let lexicon = lexicon();
    // Worked out for the first capitalized cue word, if there is one.
    let title_case = std::cell::OnceCell::new();
    let title_case = || *title_case.get_or_init(|| is_title_case(p, sentence.clone()));
    let mut t = sentence.start;
    while t < sentence.end {
        // "“…” ― Ana Ruiz": a dash after a closing quote, before a name that
        // closes the paragraph (with no verb or second dash), is a signature
        // that attributes the quote.
        let signature = p.kind(t) == Kind::Dash
            && t > 0
            && p.quotes.closing_at(t - 1).is_some()
            && p.is_capitalized(t + 1)
            && !p.inside_quote(t)
            && sentence.end == p.len()
            && (t + 1..sentence.end).all(|k| {
                p.kind(k) != Kind::Dash
                    && !p.is_any(k, &FINITE_VERBS)
                    && lexicon.cue(p.lower(k)).is_none()
            });
        if signature {
            cues.push(say_at(t));
            t += 1;
            continue;
        }
        if p.inside_quote(t) || !p.is_word(t) {
            t += 1;
            continue;
        }
        let lower = p.lower(t);
        // "“…,” read a statement from …": a text's verb next to a quote.
        // (The first letter spares most words the lookup.)
        if lower.starts_with('r')
            && TEXT_CUES.contains(lower)
            && a_text_reads_a_quote(p, t, &sentence)
        {
            cues.push(say_at(t));
            t += 1;
            continue;
        }
        // "homes banded according to their price", "priced according to
        // demand": after a participle, "according to" says how, not who.
        let manner = || {
            lower == "according"
                && t > sentence.start
                && p.is_word(t - 1)
                && !p.is_capitalized(t - 1)
                && (p.lower(t - 1).ends_with("ed")
                    || grammar::IRREGULAR_PAST.contains(p.lower(t - 1))
                    // ("a schedule set according to credit")
                    || grammar::AMBIGUOUS_PAST.contains(p.lower(t - 1)))
                // ("it was widely reported, according to …")
                && lexicon.cue(p.lower(t - 1)).is_none()
        };
        let cue_word = lexicon.cue_word(lower);
        if let Some(&(_, class)) = cue_word
            .pairs
            .iter()
            .find(|(second, _)| t + 1 < sentence.end && p.lower(t + 1) == *second)
            .filter(|_| !manner())
            // ("its call for a vote": after a determiner, a noun.)
            .filter(|_| !(t > sentence.start && p.is_any(t - 1, &NOUN_DETERMINERS)))
            // ("argued for years that …": how long, not what for.)
            .filter(|_| !(p.is_any(t + 1, &["for"]) && how_long(p, t + 2, sentence.end)))
            // ("he was warned against it": the one warned, not the one warning.)
            .filter(|_| {
                !(lower.ends_with("ed")
                    && t > sentence.start
                    && p.is_any(t - 1, &grammar::BE_FORMS))
            })
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
        // A capitalized cue word inside a sentence is a name: "the United
        // States"; but in a title-case headline every word is capitalized
        // ("Mayor Says Bridge Will Reopen").
        let cue = cue_word.single;
        // Asked of cue words only: most words are none.
        let capitalized = |class: CueClass| {
            t > sentence.start && p.is_capitalized(t) && !(class.heads_headlines() && title_case())
        };
        if let Some(class) = cue.filter(|&class| !capitalized(class)) {
            // "Many reports suggest": a plural phrase takes no verb in -s.
            // ("a tough warning": an adjective between article and noun.)
            // ("groups that backed her say they …": "her" is the object
            // before a verb whose clause follows, not "her say".)
            let object_her = t > sentence.start
                && p.is_any(t - 1, &["her"])
                && t + 1 < sentence.end
                && p.is_word(t + 1)
                && (Pronoun::parse(p.lower(t + 1)).is_some() || p.is_any(t + 1, &["that"]));
            let after_determiner = t > sentence.start
                && (p.is_any(t - 1, &NOUN_DETERMINERS) && !object_her
                    || lower.ends_with("ing")
                        && t >= sentence.start + 2
                        && p.is_any(t - 2, &["a", "an"])
                        && p.is_any(t - 1, &CUE_NOUN_MODIFIERS)
                    || lower.ends_with('s')
                        && !lower.ends_with("ss")
                        && p.is_any(t - 1, &PLURAL_DETERMINERS));
            // "eight reported incidents", "Ruiz's reported donations", "all
            // reported cases": a participle before a bare noun is an adjective.
            let adjective = lower.ends_with("ed")
                && t > sentence.start
                && (p.kind(t - 1) == Kind::Number
                    // "Britain's emotionally charged uprising", "a racially charged dismissal"
                    || t >= sentence.start + 2
                        && p.lower(t - 1).ends_with("ly")
                        && (p.kind(t - 2) == Kind::Possessive
                            || p.is_any(t - 2, &grammar::DETERMINERS)
                            || p.is_any(t - 2, &["and", "or"]))
                    || p.is_any(t - 1, &QUANTITY_WORDS)
                    || p.kind(t - 1) == Kind::Possessive
                    || p.is_any(t - 1, &grammar::DETERMINERS)
                    // "comes with added costs", "of reported cases"
                    || p.is_any(t - 1, &grammar::PREPOSITIONS)
                    // "reflected continued weakness": after a verb in the past
                    // (not an auxiliary: "had noted earlier").
                    || p.lower(t - 1).ends_with("ed")
                        && !p.is_capitalized(t - 1)
                        && !p.is_any(t - 1, &grammar::AUXILIARIES))
                && t + 1 < sentence.end
                && p.is_word(t + 1)
                && !p.is_capitalized(t + 1)
                && !p.is_any(t + 1, &grammar::DETERMINERS)
                && !p.is_any(t + 1, &grammar::PREPOSITIONS)
                && !p.is_any(t + 1, &["that"])
                && Pronoun::parse(p.lower(t + 1)).is_none();
            // "the most telling promise", "a very pointed remark": a degree
            // word makes the participle an adjective.
            let graded = t > sentence.start
                && (lower.ends_with("ing") || lower.ends_with("ed"))
                && p.is_any(
                    t - 1,
                    &["most", "more", "less", "least", "very", "so", "too"],
                );
            // ("was denied", "be automatically denied")
            let passive = t > sentence.start
                && (p.is_any(t - 1, &grammar::BE_FORMS)
                    || t > sentence.start + 1
                        && p.lower(t - 1).ends_with("ly")
                        && p.is_any(t - 2, &grammar::BE_FORMS))
                && !lower.ends_with("ing");
            let passive_been = t > sentence.start + 1 && p.is_any(t - 1, &["been", "being"]);
            // "Intelligence reports seen by Reuters", "claims made by the
            // firm": a participle and its agent after a plural noun.
            let noun_with_agent = lower.ends_with('s')
                && t + 2 < sentence.end
                && p.is_word(t + 1)
                && !p.is_capitalized(t + 1)
                && grammar::may_be_participle(p.lower(t + 1))
                && p.is_any(t + 2, &["by"]);
            // "states", "claims": nouns unless a that-clause or quote follows.
            // "“…,” he notes.": a subject pronoun between a quote and the
            // cue, and nothing after it, makes it a verb too.
            let after_quote = t >= sentence.start + 2
                && p.is_any(t - 1, &["he", "she", "they"])
                && (p.quotes.closing_at(t - 2).is_some()
                    || p.kind(t - 2) == Kind::Comma
                        && t >= sentence.start + 3
                        && p.quotes.closing_at(t - 3).is_some())
                && (t + 1 >= sentence.end || p.kind(t + 1).is_terminal());
            // "…, the Daily Caller reports.": a short subject after a comma,
            // and the sentence ends with the cue.
            let trailing = (t + 1 >= sentence.end || p.kind(t + 1).is_terminal())
                && (t.saturating_sub(5).max(sentence.start)..t)
                    .rev()
                    .find(|&k| !p.is_word(k))
                    .is_some_and(|k| is_comma_like(p, k) || p.quotes.closing_at(k).is_some())
                && t > sentence.start
                && p.is_word(t - 1)
                && !p.is_any(t - 1, &grammar::DETERMINERS);
            // "The builder claims his firm's value is …": after a subject, a
            // bare clause with its verb a few words on.
            // ("the states which joined": a relative clause after a noun.)
            let reports_bare_clause = t > sentence.start
                && p.is_word(t - 1)
                && !p.is_any(t + 1, &["which", "who", "whom", "whose"])
                && bare_clause_with_verb(p, t + 1, sentence.end);
            let clause_after = reports_bare_clause
                || t + 1 < sentence.end
                    && (p.is_any(t + 1, &["that"])
                        || p.kind(t + 1) == Kind::Colon
                        || p.quotes.opening_at(t + 1).is_some()
                        // "Ruiz states, “…”"
                        || p.kind(t + 1) == Kind::Comma
                            && t + 2 < sentence.end
                            && p.quotes.opening_at(t + 2).is_some());
            // "a host of states that will vote", "the kinds of questions that
            // would be debated": "that" and a verb right after a noun form
            // is a relative clause.
            let relative_after = p.is_any(t + 1, &["that"])
                && t + 2 < sentence.end
                && (p.is_any(t + 2, &TENSE_AUXILIARIES) || p.is_any(t + 2, &FINITE_VERBS));
            let verb_use = after_quote
                || trailing
                || clause_after
                    && singular_subject_before(p, t, sentence.start)
                    && !(class == CueClass::Noun && relative_after);
            let noun_use = class == CueClass::Noun && !verb_use;
            // "declined to say why", "decided not to insist", "wants to ask
            // him": no claim is made.
            let refused = t >= sentence.start + 2
                && p.is_any(t - 1, &["to"])
                && (p.is_any(t - 2, &REFUSALS)
                    || p.is_any(t - 2, &INTENTIONS)
                    || p.is_any(t - 2, &["not", "never"]));
            let asked_anonymity = class == CueClass::Ask && asks_anonymity(p, t);
            if !after_determiner
                && !adjective
                && !graded
                && !passive
                && !passive_been
                && !noun_with_agent
                && !noun_use
                && !refused
                && !asked_anonymity
            {
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
}

/// Adjectives that make an "-ing" cue after them a noun ("a tough warning").
static CUE_NOUN_MODIFIERS: WordSet = crate::vocabulary::word_set!("cue_noun_modifiers");

/// A one-word cue of saying at `t` that no list holds (a signature's dash,
/// a text's "read").
fn say_at(t: usize) -> Cue {
    Cue {
        start: t,
        end: t + 1,
        class: CueClass::Say,
        according: false,
    }
}

/// Verbs that attribute a quote to a text ("read", "reads").
static TEXT_CUES: crate::vocabulary::WordSet = crate::vocabulary::word_set!("text_cues");

/// Tokens between a text cue and the quote or the text it goes with, at most.
const TEXT_CUE_REACH: usize = 6;

/// Whether "read" at `t` gives a quote to a text: "“…,” read a statement
/// from …", "“…,” the statement read.", "The sign reads: “…”".
fn a_text_reads_a_quote(p: &Para, t: usize, sentence: &Range<usize>) -> bool {
    // Whether the words from `k` on, in the given direction, name a text.
    let names_a_text = |words: &mut dyn Iterator<Item = usize>| {
        words
            .take(TEXT_CUE_REACH)
            .take_while(|&k| p.is_word(k) && !p.inside_quote(k))
            .any(|k| lexicon().is_document(p.lower(k)))
    };
    let floor = sentence.start.max(t.saturating_sub(TEXT_CUE_REACH));
    let text_before = names_a_text(&mut (floor..t).rev());
    let text_after = names_a_text(&mut (t + 1..sentence.end));
    // ("“…,” last week's statement read")
    let quote_closes_before = (floor..t).any(|k| {
        p.quotes.closing_at(k).is_some()
            && (k + 1..t)
                .all(|w| p.is_word(w) || is_comma_like(p, w) || p.kind(w) == Kind::Possessive)
    });
    let quote_after = (t + 1..sentence.end.min(t + 3))
        .take_while(|&k| matches!(p.kind(k), Kind::Colon | Kind::Comma | Kind::Quote(_)))
        .any(|k| p.quotes.opening_at(k).is_some());
    quote_closes_before && (text_after || text_before) || quote_after && text_before
}

/// "The report states that", "Ruiz claims his …": the word before a
/// noun-like cue can be its singular subject (a pronoun, a name that is not
/// a place, or a speaking noun); "Rust Belt states that …", "other states
/// voting …" and "Vermont, states that …" have none.
fn singular_subject_before(p: &Para, t: usize, floor: usize) -> bool {
    if t == floor || !p.is_word(t - 1) {
        return false;
    }
    let before = t - 1;
    let lower = p.lower(before);
    let lexicon = lexicon();
    Pronoun::parse(lower).is_some_and(|pronoun| {
        !matches!(
            pronoun,
            Pronoun::They | Pronoun::We | Pronoun::I | Pronoun::You
        )
    }) || p.is_capitalized(before) && p.place(before).is_none() && !lower.ends_with("ing")
        || !p.is_capitalized(before)
            && (p.title(before).is_some()
                // "The harbour master claims …": a noun after an article.
                || !p.is_any(before, &grammar::DETERMINERS)
                    && !lower.ends_with("ing")
                    && (floor.max(before.saturating_sub(3))..before)
                        .rev()
                        .take_while(|&k| p.is_word(k) && !p.is_capitalized(k) || k == floor)
                        .any(|k| p.is_any(k, &["the", "a", "an", "this"]))
                || lexicon.is_document(lower)
                || lexicon.is_organization_head(lower)
                || lexicon.is_anonymous_head(lower))
}

/// A headline written in title case: at least four words, and all but the
/// short function words ("a", "of", "to") capitalized.
fn is_title_case(p: &Para, sentence: Range<usize>) -> bool {
    let mut words = 0;
    let mut lower_case = 0;
    for t in sentence.filter(|&t| p.is_word(t) && !p.inside_quote(t)) {
        words += 1;
        let short_function_word = p.word(t).len() <= 3 && p.lower(t) == p.word(t);
        if !(p.is_capitalized(t) || short_function_word) {
            lower_case += 1;
        }
    }
    words >= 4 && lower_case == 0
}

/// Whether a span of time starts at `k`: "years", "a decade", "10 months",
/// "some time" (after "argued for", how long it went on).
fn how_long(p: &Para, k: usize, end: usize) -> bool {
    let time_noun = |t: usize| {
        t < end
            && p.is_word(t)
            && (grammar::TIME_NOUNS.contains(p.lower(t).trim_end_matches('s'))
                || p.is_any(t, &DURATION_NOUNS))
    };
    time_noun(k)
        || k < end
            && (p.kind(k) == Kind::Number || p.is_any(k, &["a", "some", "many", "several"]))
            && time_noun(k + 1)
}

/// Verbs of refusing to speak ("declined to say").
static REFUSALS: WordSet = crate::vocabulary::word_set!("refusals");

/// Nouns of a stretch of time beside the time words ("decades", "a while").
static DURATION_NOUNS: WordSet = crate::vocabulary::word_set!("duration_nouns");

/// Verbs of wanting or planning to speak ("wants to ask").
static INTENTIONS: WordSet = crate::vocabulary::word_set!("intentions");

/// Words after "said" that do not open a reported clause.
pub(super) static NOT_CLAUSE_OPENERS: WordSet = crate::vocabulary::word_set!("not_clause_openers");

/// A cue verb of saying that, with no "that", still takes a clause: "said he would".
pub(super) fn takes_bare_clause(p: &Para, i: usize) -> bool {
    if i >= p.len() {
        return false;
    }
    match p.kind(i) {
        Kind::Number => true,
        Kind::Word => {
            let lower = p.lower(i);
            Pronoun::parse(lower).is_some()
                || CLAUSE_OPENING_FUNCTION_WORDS.contains(lower)
                || (grammar::DETERMINERS.contains(lower) && !matches!(lower, "one"))
                || (p.is_capitalized(i) && !grammar::PREPOSITIONS.contains(lower))
                // "said about half of …", "said at least 111 bodies …"
                || approximate_quantity(p, i, p.len())
                // "said security guarantees were …": a bare noun opening a clause.
                || (!p.is_capitalized(i)
                    && !grammar::PREPOSITIONS.contains(lower)
                    && !NOT_CLAUSE_OPENERS.contains(lower)
                    && !lower.ends_with("ing")
                    && !lower.ends_with("ly"))
                || gerund_subject(p, i)
                // "said yesterday's vote was rigged", "said last week's …":
                // a time with a possessive opens a noun phrase.
                || possessive_at(p, i + 1)
                || i + 1 < p.len()
                    && grammar::TIME_NOUNS.contains(p.lower(i + 1).trim_end_matches('s'))
                    && possessive_at(p, i + 2)
        }
        _ => false,
    }
}

fn possessive_at(p: &Para, t: usize) -> bool {
    t < p.len() && p.kind(t) == Kind::Possessive
}

/// Words from a clause's first word to its verb, at most.
const VERB_REACH: usize = 7;

/// "claims his firm's value is …": a bare clause at `k` whose verb comes a
/// few words on, with no punctuation between.
pub(super) fn bare_clause_with_verb(p: &Para, k: usize, end: usize) -> bool {
    // "she plans to stay": a present in -s after "he", "she" or "it".
    let singular_pronoun = p.is_word(k)
        && matches!(
            Pronoun::parse(p.lower(k)),
            Some(Pronoun::He | Pronoun::She | Pronoun::It)
        );
    k + 1 < end
        && takes_bare_clause(p, k)
        && ((k + 1..(k + 1 + VERB_REACH).min(end))
            .take_while(|&t| p.kind(t).is_wordlike() || p.kind(t) == Kind::Possessive)
            .any(|t| looks_finite(p, t))
            || singular_pronoun && {
                // ("he rarely leaves": an adverb may come between.)
                let verb = if p.lower(k + 1).ends_with("ly") {
                    k + 2
                } else {
                    k + 1
                };
                verb < end && opens_predicate(p, verb)
            })
}

/// "said selling the plan has been hard": a gerund phrase that is the
/// subject of a finite verb a few words on, with no punctuation between
/// ("said, citing …" and "said adding …" have none).
fn gerund_subject(p: &Para, i: usize) -> bool {
    const REACH: usize = 8;
    p.lower(i).ends_with("ing")
        && !p.is_capitalized(i)
        && !NOT_CLAUSE_OPENERS.contains(p.lower(i))
        // "said parking would cost more": the verb may follow at once.
        && (i + 1..p.len().min(i + 2 + REACH))
            .take_while(|&t| p.kind(t).is_wordlike())
            .any(|t| {
                p.is_any(t, &FINITE_VERBS)
                    // "says taxing consumption encourages savings"
                    || p.is_word(t)
                        && !p.is_capitalized(t)
                        && t > i + 1
                        && p.lower(t).len() > 4
                        && (p.lower(t).ends_with("ed") || p.lower(t).ends_with("es"))
            })
}

/// "Hours later,", "Two days ago,", "Last week,": a time phrase that opens
/// a sentence, up to its comma. Returns the comma.
pub(super) fn introductory_time(p: &Para, k: usize, end: usize) -> Option<usize> {
    let limit = (k + 6).min(end);
    let mut saw_time = false;
    for j in k..limit {
        if p.kind(j) == Kind::Comma {
            return (saw_time && j > k).then_some(j);
        }
        let lower = p.lower(j);
        if names_a_time(p, j) {
            saw_time = true;
        } else if !(p.kind(j) == Kind::Number || grammar::TIME_PHRASE_WORDS.contains(lower)) {
            return None;
        }
    }
    None
}

/// A day, a month, a time noun ("week") or a unit of time, singular or
/// plural ("hours"): the word a time phrase is about.
fn names_a_time(p: &Para, t: usize) -> bool {
    let lower = p.lower(t);
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    grammar::DAYS.contains(lower)
        || grammar::MONTHS.contains(lower)
        || grammar::TIME_NOUNS.contains(lower)
        || TIME_UNITS.contains(singular)
}

/// "ten days ago", "a few days later": words from `k` to the sentence's end
/// that say only when.
pub(super) fn only_time(p: &Para, k: usize, end: usize) -> bool {
    let mut saw_time = false;
    for t in k..end {
        if p.kind(t).is_terminal() || p.kind(t) == Kind::Comma {
            break;
        }
        let lower = p.lower(t);
        if names_a_time(p, t) {
            saw_time = true;
        } else if !(p.kind(t) == Kind::Number
            || grammar::TIME_PHRASE_WORDS.contains(lower)
            || QUANTITY_WORDS.contains(lower)
            || p.is_any(t, &["few", "several"]))
        {
            return false;
        }
    }
    saw_time
}

/// "in a post on X", "by conference call", "on his plane": the end of a
/// channel phrase at `k`.
/// Longest participle phrase after a channel ("issued in Tidewell on Monday"), in tokens.
const MAX_CHANNEL_PARTICIPLE: usize = 6;

pub(super) fn channel_phrase(p: &Para, k: usize, end: usize) -> Option<usize> {
    let lexicon = lexicon();
    if !p.is_any(k, &CHANNEL_PREPOSITIONS) {
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
            // "a statement issued in Tidewell", "a letter sent to members":
            // a participle and its phrase tell which text, up to the next
            // comma or the sentence's end.
            if stop + 1 < end
                && p.is_word(stop)
                && !p.is_capitalized(stop)
                && (p.lower(stop).ends_with("ed")
                    || grammar::IRREGULAR_PAST.contains(p.lower(stop)))
                && p.is_any(stop + 1, &grammar::PREPOSITIONS)
                && let Some(phrase_end) = (stop + 2
                    ..(stop + 2 + MAX_CHANNEL_PARTICIPLE).min(end + 1))
                    .find(|&t| t == end || !p.kind(t).is_wordlike() || p.is_any(t, &["that"]))
                // (Not "a letter sent to members fares would rise": a clause
                // of its own follows.)
                && !(stop + 2..phrase_end).any(|t| looks_finite(p, t))
                && (phrase_end == end
                    || p.is_any(phrase_end, &["that"])
                    || matches!(p.kind(phrase_end), Kind::Comma)
                    || p.kind(phrase_end).is_terminal())
            {
                stop = phrase_end;
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
pub(super) fn listener(p: &Para, k: usize, end: usize) -> usize {
    let first = one_listener(p, k, end);
    // "told Reuters and the news agency Harwire yesterday that …": two
    // listeners, when "that" or a time before it shows the clause's start.
    if first > k && first + 1 < end && p.is_any(first, &["and"]) && !p.inside_quote(first) {
        let second = one_listener(p, first + 1, end);
        let then = grammar::time_phrase(p, second, end).unwrap_or(second);
        // ("told MPs and peers: “…”": or a colon before a quote.)
        let colon_quote = then + 1 < end
            && p.kind(then) == Kind::Colon
            && p.quotes.opening_at(then + 1).is_some();
        if second > first + 1 && then < end && (p.is_any(then, &["that"]) || colon_quote) {
            return second;
        }
    }
    first
}

/// "warned ministers that …", "promised Congress on Monday that …": after
/// a verb of [`LISTENER_VERBS`], a person or a body spoken to, when a "that"
/// of speech follows it (past a time or a channel).
/// Returns where the listener ends. (Not "announced a plan that would …":
/// a thing, or a relative "that" before its verb.)
fn listener_before_that(p: &Para, k: usize, end: usize) -> Option<usize> {
    let heard = listener(p, k, end);
    if heard <= k || p.inside_quote(heard - 1) {
        return None;
    }
    // ("warned ministers in a letter on Monday that …")
    let mut that = heard;
    while let Some(stop) =
        grammar::time_phrase(p, that, end).or_else(|| channel_phrase(p, that, end))
    {
        that = stop;
    }
    let speech_that = that + 1 < end && p.is_any(that, &["that"]) && !looks_finite(p, that + 1);
    let last = p.lower(heard - 1);
    let someone = p.is_capitalized(heard - 1)
        || LISTENERS.contains(last)
        || LISTENER_HEADS.contains(last)
        || lexicon().is_organization_head(last)
        || last.ends_with('s') && !last.ends_with("ss");
    (speech_that && someone).then_some(heard)
}

/// One listener after "told", as [`listener`] reads it.
fn one_listener(p: &Para, k: usize, end: usize) -> usize {
    let opens_content = k >= end
        || !p.kind(k).is_wordlike()
        || p.is_any(k, &NOT_LISTENERS)
        || p.is_word(k) && Pronoun::parse(p.lower(k)).is_some();
    if opens_content {
        return k;
    }
    if p.is_any(k, &["me", "him", "her", "them", "us", "you"]) {
        // ("wrote to her constituents that …": "her" before a noun and
        // "that" is the listener's determiner.)
        let nouns_end = common_nouns(p, k + 1, k + 1, end);
        if p.is_any(k, &["her"])
            && nouns_end > k + 1
            && nouns_end < end
            && p.is_any(nouns_end, &["that"])
        {
            return nouns_end;
        }
        return k + 1;
    }
    // "the Daily Ledger", "The Associated Press": a determiner and a name.
    let mut j = k;
    if p.is_any(j, &["the", "a", "an", "his", "her", "their"]) {
        j += 1;
        // "told the 8th Harbour Fair": an ordinal before the name.
        let ordinal = |word: &str| {
            word.len() > 2
                && word.as_bytes()[0].is_ascii_digit()
                && ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|end| word.ends_with(end))
        };
        if j + 1 < end && p.kind(j).is_wordlike() && ordinal(p.lower(j)) && p.is_capitalized(j + 1)
        {
            j += 1;
        }
    }
    // "told host Chris Cuomo": a role, then the name.
    if j + 1 < end
        && p.is_word(j)
        && !p.is_capitalized(j)
        && p.title(j).is_some()
        && p.is_capitalized(j + 1)
    {
        j += 1;
    }
    if j < end && p.is_capitalized(j) {
        let run_start = j;
        // ("the Seeds and Grains Forum", "the Bank of Lisbon": a name's "and"
        // or "of" between capitalized words.)
        let joins_name =
            |j: usize| p.is_any(j, &["and", "of", "&"]) && j + 1 < end && p.is_capitalized(j + 1);
        while j < end
            && (p.is_capitalized(j) || p.kind(j) == Kind::Possessive || joins_name(j))
            && !p.inside_quote(j)
        {
            j += 1;
        }
        // "told Reuters Trade Secretary Ana Ruiz had decided", "told Vega
        // Brazil had to act": with a verb right after the run, the run
        // holds the listener and then the subject of the content.
        if j < end
            && looks_finite(p, j)
            && let Some(subject) =
                (run_start + 1..j).find(|&s| opens_subject_after_listener(p, run_start, s))
        {
            return subject;
        }
        // "told a Senate panel": a capitalized modifier and its noun.
        if j < end && p.is_any(j, &LISTENER_HEADS) {
            j += 1;
        }
        // "wrote to Ruiz's office that": a name's, then common nouns.
        if p.kind(j - 1) != Kind::Possessive {
            return j;
        }
    }
    common_nouns(p, j, k, end)
}

/// "reporters", "a news conference", "the crowd": up to three common nouns
/// from `j` in a listener that starts at `k`. Returns where they end.
fn common_nouns(p: &Para, mut j: usize, k: usize, end: usize) -> usize {
    let mut limit = (j + 3).min(end);
    while j < limit && p.kind(j).is_wordlike() && !p.inside_quote(j) {
        // "the harbour school's class": a possessive goes on to its noun
        // ("told a press briefing yesterday's vote was rigged": not a time's).
        if j > k
            && j + 1 < end
            && p.kind(j + 1) == Kind::Possessive
            && !grammar::is_time_word(p.lower(j))
            && !grammar::TIME_NOUNS.contains(p.lower(j).trim_end_matches('s'))
        {
            j += 2;
            limit = (limit + 1).min(end);
            continue;
        }
        let lower = p.lower(j);
        let stop = LISTENER_STOPS.contains(lower)
            || grammar::PREPOSITIONS.contains(lower)
            || FINITE_VERBS.contains(lower)
            || lexicon().cue(lower).is_some()
            || grammar::is_time_word(lower)
            || Pronoun::parse(lower).is_some()
            || grammar::DETERMINERS.contains(lower)
            // "told a news conference Brazil now had …": a name and its
            // verb after the nouns open the content.
            || j > k + 1 && p.is_capitalized(j) && capitalized_subject_at(p, j, end);
        if stop {
            break;
        }
        j += 1;
        // A plural noun ends a listener: "told reporters taxes would rise".
        if lower.ends_with('s') && !lower.ends_with("ss") && lower != "news" {
            break;
        }
    }
    // "told the official Harbour News agency": a listener's head noun
    // after its three words.
    if j == limit && j < end && p.is_any(j, &LISTENER_HEADS) {
        j += 1;
    }
    // "telling the class of 2014", "told members of Congress": a number or
    // a name after "of" is the listener's.
    if j > k && j + 1 < end && p.is_any(j, &["of"]) {
        let of_end = (j + 1..end)
            .find(|&t| !(p.is_capitalized(t) || p.kind(t) == Kind::Number) || p.inside_quote(t))
            .unwrap_or(end);
        if of_end > j + 1 {
            j = of_end;
        } else if !p.is_any(j + 1, &grammar::DETERMINERS)
            && let Some(plural) = (j + 1..(j + 1 + MAX_LISTENER_OF_WORDS).min(end))
                .take_while(|&t| p.is_word(t) && !p.is_capitalized(t) && !p.inside_quote(t))
                .find(|&t| p.lower(t).ends_with('s') && !p.lower(t).ends_with("ss"))
            && plural + 1 < end
            && p.is_any(plural + 1, &grammar::DETERMINERS)
            && takes_bare_clause(p, plural + 1)
        {
            // "told a meeting of regional fishing towns the next months
            // will be …": the people met, then what was said.
            j = plural + 1;
        }
    }
    j
}

/// Most words after "of" in a listener before what was told.
const MAX_LISTENER_OF_WORDS: usize = 4;

/// Whether a run of capitalized words at `t` is a subject with its verb
/// after it ("Brazil had", "Brazil now had").
fn capitalized_subject_at(p: &Para, t: usize, end: usize) -> bool {
    let mut verb = (t..end)
        .find(|&v| !(p.is_capitalized(v) || p.kind(v) == Kind::Possessive))
        .unwrap_or(end);
    if verb < end
        && p.is_word(verb)
        && (p.is_any(verb, &["now", "also", "still", "already"]) || p.lower(verb).ends_with("ly"))
    {
        verb += 1;
    }
    verb < end && looks_finite(p, verb)
}

/// Whether, in a run of capitalized words after "told" that starts at
/// `listener`, the word at `s` opens the subject of the content: an office
/// or title ("Trade Secretary …"), a country ("Brazil"), or a given name
/// after a one-word institution ("Reuters Ana Ruiz", not "BBC News").
fn opens_subject_after_listener(p: &Para, listener: usize, s: usize) -> bool {
    if !p.is_word(s) || !p.is_word(s - 1) {
        return false;
    }
    let word = p.word(s);
    s == listener + 1
        && lexicon().is_one_word_organization(p.word(listener))
        && lexicon().given_name(word).is_some()
        || p.title(s).is_some()
        || mentions::OFFICE_AREAS.contains(word)
        || countries::lookup(word).is_some()
}

/// Skips what may follow a cue and its source before the content: a listener,
/// time and channel phrases, adverbs, and an aside between commas after an
/// inverted source. Returns (first token after, channel).
pub(super) fn complements(
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
    // "asked him whether …", "asked the minister how many …": the one asked
    // is no part of the question.
    if cue.class == CueClass::Ask && !inverted {
        let listener_end = listener(p, k, end);
        // ("asked voters on Monday why …")
        let asked = grammar::time_phrase(p, listener_end, end).unwrap_or(listener_end);
        if listener_end > k
            && asked < end
            && (p.is_any(asked, &super::QUESTION_WORDS) || p.is_any(asked, &["why"]))
        {
            k = asked;
            cue_text_end = asked;
        }
    }
    // "put it this way:", "puts it like this:": how, before the colon.
    if cue.end == cue.start + 2
        && p.is_any(cue.start, &["put", "puts"])
        && !inverted
        && let Some(colon) = (k..end.min(k + 4))
            .take_while(|&t| p.is_word(t) || p.kind(t) == Kind::Colon)
            .find(|&t| p.kind(t) == Kind::Colon)
    {
        k = colon;
    }
    let mut channel = None;
    loop {
        if k >= end {
            break;
        }
        if let Some(after) = dashed_adverb_aside(p, k, end) {
            // "alleging - again falsely - that …": the writer's aside.
            k = after;
        } else if let Some(stop) = channel_phrase(p, k, end) {
            channel.get_or_insert(k..stop);
            k = stop;
            // "said in a speech that was broadcast live that …": a relative
            // "that" on the channel, then the one of speech.
            if let Some(that) = that_after_relative_aside(p, k, end) {
                k = that;
            }
            if k + 1 < end
                && p.is_any(k, &["that"])
                && looks_finite(p, k + 1)
                && let Some(speech) = (k + 2..(k + ADVERBIAL_BEFORE_THAT).min(end))
                    .take_while(|&t| !p.kind(t).is_terminal() && !p.inside_quote(t))
                    .find(|&t| p.is_any(t, &["that"]) && t + 1 < end && !looks_finite(p, t + 1))
            {
                k = speech;
            }
        } else if let Some(stop) = grammar::time_phrase(p, k, end) {
            k = stop;
            // "told him on March 7, 2003, that …": the date's closing comma.
            if k + 1 < end && p.kind(k) == Kind::Comma && p.is_any(k + 1, &["that"]) {
                k += 1;
            }
        } else if let Some(that) = (k + 1..(k + 6).min(end)).find(|&t| p.is_any(t, &["that"]))
            && only_time(p, k, that)
        {
            // "said 18 months ago that …": when, then what.
            k = that;
        } else if p.is_any(k, &PLACE_ADVERBS) && k + 1 < end && p.is_any(k + 1, &["that"]) {
            // "told delegates here that …"
            k += 1;
        } else if k == from
            && !inverted
            && p.is_any(cue.end - 1, &LISTENER_VERBS)
            && let Some(heard) = listener_before_that(p, k, end)
        {
            // "warned ministers last week that …", "promised voters that …":
            // the one warned is no part of the warning.
            k = heard;
            cue_text_end = heard;
        } else if p.is_word(k)
            && (grammar::AUXILIARIES.contains(p.lower(k))
                && !TENSE_AUXILIARIES.contains(p.lower(k))
                || p.lower(k).ends_with("ly") && !p.is_capitalized(k) && p.lower(k).len() > 4)
            // ("said yesterday's vote …": the subject of what was said.)
            && !possessive_at(p, k + 1)
        {
            k += 1;
        } else if inverted
            && p.kind(k) == Kind::Comma
            && k + 1 < end
            && (p.is_any(k + 1, &["who", "which", "speaking", "adding"])
                // (", the government may act": a clause, not an aside.)
                || p.is_any(k + 1, &["a", "an", "the"]) && !clause_after_comma(p, k + 1, end))
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
                && (channel_phrase(p, k + 1, end).is_some()
                    || grammar::time_phrase(p, k + 1, end).is_some())
            {
                k += 1;
            }
        } else if !inverted
            && k == from
            && let Some(comma) = aside_after_cue(p, cue, k, end)
        {
            // "said, without admitting the claims, it would settle", "said,
            // referring to the plan, “…”": the aside, then what was said.
            k = comma + 1;
            break;
        } else if p.is_any(k, &["to"])
            && k + 1 < end
            && (p.is_any(k + 1, &LISTENERS) || p.is_capitalized(k + 1))
            && !inverted
        {
            // "said to reporters"
            k = listener(p, k + 1, end);
        } else if p.is_any(k, &["to"])
            && !inverted
            && matches!(cue.class, CueClass::Say | CueClass::Tell)
            && let heard = listener(p, k + 1, end)
            && heard > k + 1
            // ("promised to end …": a verb, not someone spoken to.)
            && (p.is_any(k + 1, &grammar::DETERMINERS)
                || p.lower(heard - 1).ends_with('s')
                || p.is_any(heard - 1, &LISTENER_HEADS))
            && heard < end
            && (p.kind(heard) == Kind::Colon
                || p.is_any(heard, &["that"])
                || p.quotes.opening_at(heard).is_some())
        {
            // "said to media representatives: “…”"
            k = heard;
        } else if !inverted
            && matches!(cue.class, CueClass::Say | CueClass::Tell)
            && let Some(subject) = clause_after_subordinate(p, k, end)
        {
            // "said as part of the deal, its stake would rise", "said as
            // harbour master he had closed the pier": what was said is the
            // clause after the subordinate phrase. ("says despite being a
            // local, she backs …": a concession or condition is said too.)
            if !p.is_any(k, &CONTENT_SUBORDINATORS) && !time_clause_opener(p, k, end) {
                k = subject;
            }
            break;
        } else if (p.is_any(k, &grammar::PREPOSITIONS) || p.is_any(k, &["while", "when", "upon"]))
            && !inverted
            // ("said at least 111 bodies …": a number, not a place or time.)
            && !approximate_quantity(p, k, end)
        {
            // "said after the talks that …", "said on WKRP's ''Morning Desk''
            // on Sunday that …": an adverbial, if "that" soon follows.
            let window = (k + ADVERBIAL_BEFORE_THAT).min(end);
            // "said last week in Tel Aviv, “…”": or a comma and a quote.
            match (k + 1..window).find(|&j| {
                !p.inside_quote(j)
                    // "when asked if that remains his view": not "that" of speech.
                    // "said of a list that included …", "said in a film that
                    // showed …": a relative "that" before its verb.
                    && (p.is_any(j, &["that"])
                        && !p.is_any(j - 1, &["if", "whether"])
                        && !(j + 1 < window && looks_finite(p, j + 1))
                        || p.kind(j).is_terminal()
                        || p.kind(j) == Kind::Semicolon
                        // "told reporters in Tidewell: “…”"
                        || p.kind(j) == Kind::Colon
                            && p.quotes.opening_at(j + 1).is_some()
                            && plain_adverbial(p, k..j)
                        // "in Dover, New Hampshire on Monday that": a town
                        // and its state are one place.
                        || p.kind(j) == Kind::Comma
                            && !(j + 1 < window
                                && (p.is_capitalized(j - 1) && p.is_capitalized(j + 1)
                                    || p.is_any(j + 1, &["that"])
                                    || grammar::time_phrase(p, j + 1, window).is_some()))
                        // A title in quotes ("on CNN's “New Day” that …") is
                        // part of the adverbial.
                        || p.quotes
                            .opening_at(j)
                            .is_some_and(|q| !looks_like_title(p, &p.quotes.quotes[q])))
            }) {
                Some(j) if p.is_any(j, &["that"]) && !p.is_any(j - 1, &["if", "whether"]) => k = j,
                Some(j)
                    if matches!(p.kind(j), Kind::Comma | Kind::Colon)
                        && p.quotes.opening_at(j + 1).is_some() =>
                {
                    k = j
                }
                // "said in the aftermath of the pacts “…”": the quote straight
                // after a place or time, when it ends the sentence (not "to
                // plough on despite a call to “pause” from …").
                Some(j) if quote_ends_after_adverbial(p, k, j, end) => {
                    k = j;
                    break;
                }
                // "said after the talks there was …", "said under the new
                // rules, brokers would …": a clause with its subject and verb.
                Some(j) if let Some(that) = that_after_relative_aside(p, j, end) => {
                    k = that;
                    break;
                }
                _ => {
                    if matches!(cue.class, CueClass::Say | CueClass::Tell)
                        && let Some(subject) = clause_after_adverbial(p, k, window)
                    {
                        k = subject;
                    }
                    break;
                }
            }
        } else if p.is_any(k, &PLACE_ADVERBS)
            // ("said there needed to be …": "there" is the subject.)
            && !p.is_any(k, &["there"])
            && takes_bare_clause(p, k + 1)
        {
            // "told reporters here the bloc would not bow"
            k += 1;
        } else {
            break;
        }
    }
    (k, cue_text_end, channel)
}

/// Whether the quote opening at `open` ends the sentence (by `end`) and
/// only a prepositional phrase with no verb stands between it and `k`.
fn quote_ends_after_adverbial(p: &Para, k: usize, open: usize, end: usize) -> bool {
    let Some(q) = p.quotes.opening_at(open) else {
        return false;
    };
    let closes_sentence = p.quotes.quotes[q]
        .close
        .is_some_and(|close| (close + 1..end).all(|t| !p.kind(t).is_wordlike()));
    closes_sentence && plain_adverbial(p, k..open)
}

/// Whether `range` holds only words with no verb of their own: a place or
/// a time ("in the aftermath of the storms"), not "by explaining it was …".
fn plain_adverbial(p: &Para, range: Range<usize>) -> bool {
    range.into_iter().all(|t| {
        p.kind(t).is_wordlike()
            && !looks_finite(p, t)
            && !p.is_any(t, &["to"])
            && lexicon().cue(p.lower(t)).is_none()
    })
}

/// "said on CNN, where he is a paid contributor, that …": from the comma at
/// `comma`, a relative aside about the place, then the "that" of speech.
fn that_after_relative_aside(p: &Para, comma: usize, end: usize) -> Option<usize> {
    if comma + 2 >= end || p.kind(comma) != Kind::Comma || !p.is_any(comma + 1, &["where", "which"])
    {
        return None;
    }
    let close = (comma + 2..(comma + MAX_ASIDE_AFTER_CUE).min(end))
        .take_while(|&t| !p.kind(t).is_terminal() && !p.inside_quote(t))
        .find(|&t| p.kind(t) == Kind::Comma)?;
    (close + 1 < end && p.is_any(close + 1, &["that"])).then_some(close + 1)
}

/// Longest adverbial between a cue and a clause with no "that", in tokens.
const MAX_BARE_ADVERBIAL: usize = 10;
/// Longest subject of such a clause before its verb, in tokens.
const MAX_BARE_SUBJECT: usize = 4;

/// "said in 1982 Switzerland had imposed …", "said after the talks there
/// was …", "said under the new rules, brokers would …": after a
/// prepositional phrase at `k` with no verb of its own, where a clause
/// with a subject and a finite verb starts.
fn clause_after_adverbial(p: &Para, k: usize, window: usize) -> Option<usize> {
    // ("said of an end to inflows that would …": what it was said of;
    // "promised to …", "responded by saying …", "told them when to …": no
    // place or time before a clause.)
    if p.is_any(
        k,
        &[
            "of", "about", "to", "on", "with", "than", "against", "into", "by", "when", "while",
            "upon", "if",
        ],
    ) || k + 1 < window
        && p.is_word(k + 1)
        && (p.lower(k + 1).ends_with("ing") || lexicon().cue(p.lower(k + 1)).is_some())
    {
        return None;
    }
    let limit = (k + MAX_BARE_ADVERBIAL).min(window);
    let mut after_comma = false;
    for j in k + 2..limit {
        if p.inside_quote(j) || is_finite_verb(p, j) || p.kind(j).is_terminal() {
            return None;
        }
        if p.kind(j) == Kind::Comma {
            after_comma = true;
            continue;
        }
        if !p.is_word(j) {
            continue;
        }
        // A relative clause or another verb: no clause of speech follows.
        // ("asked about the remark by reporters, said …": a verb after a
        // comma; "the planned new rules": a participle inside the phrase.)
        if p.is_any(j, &["that", "which", "who", "whom", "whose"])
            || p.kind(j - 1) == Kind::Comma && looks_finite(p, j)
            || lexicon().cue(p.lower(j)).is_some()
        {
            return None;
        }
        let opens_subject = Pronoun::parse(p.lower(j)).is_some()
            || p.is_any(j, &["there"])
            // ("said at the close of the talks it was": "the talks" is what
            // "of" takes.)
            || p.is_any(j, &grammar::DETERMINERS) && !p.is_any(j - 1, &grammar::PREPOSITIONS)
            // (a name's first word: not "York" of "in New York Tom Hale was")
            || p.is_capitalized(j) && !p.is_capitalized(j - 1)
            || after_comma && p.kind(j - 1) == Kind::Comma;
        // ("he's": a pronoun's "'s" is its verb.)
        let pronoun_is = j + 1 < window
            && p.kind(j + 1) == Kind::Possessive
            && Pronoun::parse(p.lower(j)).is_some();
        // ("in politics it takes time": a present in -s right after "it",
        // "he" or "she".)
        let singular_pronoun = p.is_any(j, &["it", "he", "she"]);
        let verb = (j + 1..(j + 1 + MAX_BARE_SUBJECT).min(window))
            .take_while(|&v| p.is_word(v) || p.kind(v) == Kind::Possessive)
            .find(|&v| {
                is_finite_verb(p, v)
                    || singular_pronoun
                        && v == j + 1
                        && !p.is_capitalized(v)
                        && p.lower(v).ends_with('s')
                        && !p.lower(v).ends_with("ss")
            });
        if opens_subject && (pronoun_is || verb.is_some()) {
            return Some(j);
        }
    }
    None
}

/// Longest subordinate phrase between a cue and the clause it reports, in tokens.
const MAX_SUBORDINATE_PHRASE: usize = 24;

/// "says despite being a local, she backs …": a concession or condition at
/// `k` and the main clause after it, both said.
pub(super) fn said_subordinate(p: &Para, k: usize, end: usize) -> bool {
    (p.is_any(k, &CONTENT_SUBORDINATORS) || time_clause_opener(p, k, end))
        && clause_after_subordinate(p, k, end).is_some()
}

/// "said as Ruiz was in custody, her case …", "said by the time the port
/// reopened, the ferries …", "said instead of a pier, the town …", "said
/// as harbour master he had …": a phrase opened by "as", "by the time" or
/// "instead of" at `k` (or a word of `CONTENT_SUBORDINATORS`), then a
/// clause with its subject and finite verb. Returns where the subject
/// starts. ("said as he left the court": no clause follows; "said as much,
/// estimating …", "responded as if …": a manner, not a time or a reason.
/// Not "with": "joked with a friend, his brother grew impatient" has the
/// main clause after the comma.)
fn clause_after_subordinate(p: &Para, k: usize, end: usize) -> Option<usize> {
    let opener_len = if p.is_any(k, &["as"])
        && !p.is_any(
            k + 1,
            &["much", "well", "such", "if", "though", "ever", "usual"],
        ) {
        1
    } else if p.is_any(k, &["instead"]) && p.is_any(k + 1, &["of"]) {
        2
    } else if p.is_any(k, &CONTENT_SUBORDINATORS) || time_clause_opener(p, k, end) {
        1
    } else if p.is_any(k, &["by"]) && p.is_any(k + 1, &["the"]) && p.is_any(k + 2, &["time"]) {
        3
    } else if p.is_any(k, &["by", "without"])
        && k + 1 < end
        && p.is_word(k + 1)
        && p.lower(k + 1).ends_with("ing")
        // ("responded by saying …": the saying is the cue.)
        && lexicon().cue(p.lower(k + 1)).is_none()
    {
        // "said by rendering the invoice, the broker enabled …": a means,
        // then the clause said.
        2
    } else {
        return None;
    };
    // "as many as 40 ferries": a quantity, read as the clause's subject.
    if k + 1 >= end || approximate_quantity(p, k, end) {
        return None;
    }
    let limit = (k + MAX_SUBORDINATE_PHRASE).min(end);
    for j in k + opener_len..limit {
        if p.inside_quote(j) || matches!(p.kind(j), Kind::Quote(_)) {
            continue;
        }
        // ("agreed as the others did that …": "that" is read elsewhere.)
        if p.kind(j).is_terminal()
            || matches!(p.kind(j), Kind::Colon | Kind::Semicolon | Kind::Dash)
            || p.is_word(j) && (lexicon().cue(p.lower(j)).is_some() || p.is_any(j, &["that"]))
        {
            return None;
        }
        if p.kind(j) == Kind::Comma {
            // ("responded by standing next to a photo of an infant, a
            // defect linked to …": after a means, "a" opens an appositive.)
            let appositive = opener_len == 2 && p.is_any(j + 1, &["a", "an"]);
            return (j + 1 < end && !appositive && bare_clause_with_verb(p, j + 1, end))
                .then_some(j + 1);
        }
        // "as harbour master he had closed": a role, then a pronoun subject.
        if p.is_any(k, &["as"])
            && j > k + 1
            && p.is_word(j)
            && p.is_any(j, &["he", "she", "they", "we", "i"])
            && (k + 1..j).all(|t| p.is_word(t) && !looks_finite(p, t))
            && (j + 1..(j + 3).min(end)).any(|v| looks_finite(p, v))
        {
            return Some(j);
        }
    }
    None
}

/// Longest aside between commas right after a cue, in tokens.
const MAX_ASIDE_AFTER_CUE: usize = 16;

/// The comma that closes an aside opened by the comma at `k`, right after a
/// cue: a prepositional phrase or a participle ("…, without admitting the
/// claims,", "…, referring to the plan,"), when a quote or a clause follows.
/// Only for a cue whose subject opens the sentence: after content or a
/// quote ("…, Seemala argued, since …"), what was said came before.
fn aside_after_cue(p: &Para, cue: &Cue, k: usize, end: usize) -> Option<usize> {
    let opener = k + 1;
    if p.kind(k) != Kind::Comma || opener >= end || !p.is_word(opener) || p.is_capitalized(opener) {
        return None;
    }
    let sentence = p.sentence_of(cue.start);
    let subject_opens_sentence = (sentence.start..cue.start)
        .all(|t| p.kind(t) != Kind::Comma && !matches!(p.kind(t), Kind::Quote(_)));
    if !subject_opens_sentence {
        return None;
    }
    let opens_aside = p.is_any(opener, &grammar::PREPOSITIONS)
        && !p.is_any(opener, &["that", "of", "to"])
        || p.lower(opener).ends_with("ing") && lexicon().cue(p.lower(opener)).is_none()
        // "said, however, that …"
        || p.is_any(opener, &["however", "though", "meanwhile", "moreover", "instead"]);
    if !opens_aside {
        return None;
    }
    // ("…, walking off while he pleaded, …": a cue inside after its subject
    // is a claim of its own; "without admitting the charges" holds none.)
    let comma = (opener + 1..end)
        .take(MAX_ASIDE_AFTER_CUE)
        .take_while(|&t| {
            !p.kind(t).is_terminal()
                && !p.inside_quote(t)
                && p.quotes.opening_at(t).is_none()
                && (lexicon().cue(p.lower(t)).is_none() || Pronoun::parse(p.lower(t - 1)).is_none())
        })
        .find(|&t| p.kind(t) == Kind::Comma)?;
    let next = comma + 1;
    let content_follows = next < end
        && (p.quotes.opening_at(next).is_some()
            || p.is_word(next) && Pronoun::parse(p.lower(next)).is_some()
            || p.is_any(next, &grammar::DETERMINERS)
            || p.is_any(next, &["that"])
            || p.is_capitalized(next));
    content_follows.then_some(comma)
}

/// "Mark Wynn, chairman of the county party, said …", "Ana Ruiz, 29, of
/// Riverton, Ala., says …": a name, then comma-set asides, none holding a
/// verb or a quote, is the subject of the cue, not content before it.
fn subject_with_asides(p: &Para, segments: &[Range<usize>]) -> bool {
    // "Another pollster, Dana Vale of Harbour University, said": a
    // description alone, then the name it describes.
    if let [role, name] = segments
        && role_then_name(p, role.clone(), name.clone())
    {
        return name.len() <= MAX_NAMED_ASIDE
            && name
                .clone()
                .all(|t| !looks_finite(p, t) && lexicon().cue(p.lower(t)).is_none());
    }
    // "one harbour official, who asked not to be identified, told …": only
    // a source asks not to be named, whatever the phrase before.
    if let [source, aside] = segments
        && asks_anonymity_aside(p, aside.clone())
        && (1..=MAX_PHRASE_TOKENS_BEFORE_ASIDE).contains(&source.len())
        && source
            .clone()
            .all(|t| p.kind(t).is_wordlike() && !looks_finite(p, t) && !p.inside_quote(t))
    {
        return true;
    }
    let Some((name, asides)) = segments.split_first() else {
        return false;
    };
    // "now 81 and retired in Cambridge": in an aside that opens as one,
    // a past participle describes the person.
    // ("asked about the remark by reporters": or one that opens the aside.)
    let participle_in_aside = |t: usize| {
        p.lower(t).ends_with("ed")
            && asides
                .iter()
                .any(|aside| aside.contains(&t) && (aside.start == t || is_aside(p, aside.clone())))
    };
    !asides.is_empty()
        && (1..=5).contains(&name.len())
        && name.clone().all(|t| p.is_capitalized(t) || !p.is_word(t))
        && names_someone(p, name.clone())
        && segments.iter().flat_map(Clone::clone).all(|t| {
            // "asked whether the port was for sale": what the participle
            // opening an aside asks or was told is no verb of the subject.
            let opener = asides
                .iter()
                .find(|aside| aside.contains(&t))
                .map(|aside| aside.start)
                .filter(|&first| {
                    p.is_word(first) && !p.is_capitalized(first) && p.lower(first).ends_with("ed")
                });
            let reported = opener.is_some_and(|first| {
                t == first || (first + 1..t).any(|w| p.is_any(w, &["that", "whether", "if"]))
            });
            (!looks_finite(p, t) || participle_in_aside(t) || reported)
                // A title in quotes ("the co-author of “Tide Lines”") is no content.
                && p.quotes
                    .opening_at(t)
                    .is_none_or(|q| in_title_case(p, &p.quotes.quotes[q]))
                && (lexicon().cue(p.lower(t)).is_none() || opener == Some(t))
        })
}

/// "says before a new ferry body is set up, an audit should be made":
/// "before", "after" or "since" opening a clause with its own subject and
/// verb, said with the main clause after it (not "said after meeting the
/// board", a participle with no subject).
fn time_clause_opener(p: &Para, k: usize, end: usize) -> bool {
    p.is_any(k, &["before", "after", "since"]) && super::content::main_clause_at(p, k + 1, end)
}

/// Words that open a subordinate clause said with the main clause after
/// it: "says despite being a local, she backs the visitors".
static CONTENT_SUBORDINATORS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("content_subordinators");

/// Words that open a subordinate clause inside a sentence ("Potholes form
/// when water seeps in"): the phrase holding one is a clause, not a subject.
static MID_SENTENCE_SUBORDINATORS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("mid_sentence_subordinators");

/// Longest name with where the person works, after a description, in tokens.
const MAX_NAMED_ASIDE: usize = 10;

/// Longest subject between "with" and a participle ("with 50 percent saying"), in tokens.
const MAX_WITH_SUBJECT: usize = 8;

/// A clause whose source is written apart from its cue and before what it
/// says ("Noting …, Berg said", "with 60 percent saying"): its complements
/// are read up to `end`.
fn subject_first(
    p: &Para,
    cue: Cue,
    source: Range<usize>,
    front: usize,
    end: usize,
    description: Option<Range<usize>>,
) -> Clause {
    let (after, cue_text_end, channel) = complements(p, &cue, cue.end, end, false);
    Clause {
        cue,
        source: Some(source),
        mention: None,
        coordinated: false,
        inverted: false,
        front,
        after,
        cue_text_end,
        channel,
        description,
    }
}

/// "who asked not to be named", "asked to remain anonymous", "asked for
/// anonymity": the cue at `t` makes a request about the speaker, no claim.
/// Longest source phrase before an aside asking for anonymity, in tokens.
const MAX_PHRASE_TOKENS_BEFORE_ASIDE: usize = 8;

/// "who asked not to be identified", "who declined to be named": a
/// relative aside asking for anonymity.
fn asks_anonymity_aside(p: &Para, aside: Range<usize>) -> bool {
    aside.len() >= 3
        && p.is_any(aside.start, &["who"])
        && asks_anonymity(p, aside.start + 1)
        && (lexicon().cue(p.lower(aside.start + 1)).is_some()
            || p.is_any(aside.start + 1, &REFUSALS))
}

pub(super) fn asks_anonymity(p: &Para, t: usize) -> bool {
    p.is_any(t + 1, &["not"]) && p.is_any(t + 2, &["to"])
        || p.is_any(t + 1, &["to"]) && p.is_any(t + 2, &["be", "remain"])
        || p.is_any(t + 1, &["for"]) && p.is_any(t + 2, &["anonymity"])
}

/// "… say critics, is a disgrace": after a cue, a source set off by a comma
/// and then a verb, which goes on with the clause the cue interrupts.
fn source_then_predicate(p: &Para, from: usize, end: usize) -> bool {
    noun_phrase_right(p, from, end).is_some_and(|np| {
        let verb = np.end + 1;
        verb < end
            && p.kind(np.end) == Kind::Comma
            && (opens_predicate(p, verb) || p.is_any(verb, &grammar::AUXILIARIES))
    })
}

/// Whether the words from `start` to the next comma are a clause: a
/// finite verb before any relative pronoun ("the government may act", not
/// "a consultant who said …").
fn clause_after_comma(p: &Para, start: usize, end: usize) -> bool {
    (start + 1..end)
        .take_while(|&t| {
            !matches!(p.kind(t), Kind::Comma) && !p.kind(t).is_terminal() && !p.inside_quote(t)
        })
        .take_while(|&t| !p.is_any(t, &["who", "which", "that"]))
        .any(|t| is_finite_verb(p, t))
}

/// How far back a coordinated verb looks for the verb it joins, in tokens.
const COORDINATED_REACH: usize = 12;

/// "… when Ruiz spotted a banner and asked …": the named subject of the
/// nearest verb before the connective at `connective`.
fn nearest_clause_subject(p: &Para, connective: usize, floor: usize) -> Option<Range<usize>> {
    let verb = (connective.saturating_sub(COORDINATED_REACH).max(floor + 1)..connective)
        .rev()
        .take_while(|&t| !p.inside_quote(t) && p.kind(t) != Kind::Comma)
        .find(|&t| looks_finite(p, t) || present_verb_after_speaker(p, t, floor))?;
    let np = noun_phrase_left(p, verb, floor)?;
    // ("The EU backed the ban but said …": an acronym is a name too.)
    let named = (names_someone(p, np.clone())
        || np.clone().any(|t| p.is_word(t) && is_acronym(p.word(t))))
        && np.clone().all(|t| {
            p.is_capitalized(t)
                || p.kind(t) == Kind::Period
                || t == np.start && p.is_any(t, &["the"])
        });
    // ("… organizers came out and said": people a plural noun stands for.)
    // ("The pact bars the fund and says": a body or a text, with "the".)
    let definite_speaker = p.is_any(np.start, &["the"]) && headed_by_speaker_noun(p, np.clone());
    (np.len() <= 4 && (named || headed_by_people(p, np.clone()) || definite_speaker)).then_some(np)
}

/// "EU", "NATO": two or more capitals and no lower-case letter.
fn is_acronym(word: &str) -> bool {
    word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// "organizers", "local officials": a phrase whose head is a plural noun
/// for people who speak.
fn headed_by_people(p: &Para, np: Range<usize>) -> bool {
    let lexicon = lexicon();
    let head = np.end - 1;
    let lower = p.lower(head);
    p.is_word(head)
        && !p.is_capitalized(head)
        && lower
            .strip_suffix('s')
            .is_some_and(|singular| lexicon.is_anonymous_head(singular) || lexicon.is_group(lower))
}

/// "Ruiz put up a picture and said": a verb the grammar cannot tell from a
/// noun ("put", "cut") runs the subject on into the predicate; a name
/// followed by a lower-case word and, later, an article is the subject.
fn name_before_unknown_verb(p: &Para, np: Range<usize>) -> Range<usize> {
    let name_end = np
        .clone()
        .find(|&t| !mentions::is_name_word(p, t))
        .unwrap_or(np.end);
    let predicate = name_end > np.start
        && name_end < np.end
        && p.is_word(name_end)
        && !p.is_capitalized(name_end)
        && may_be_a_verb(p, name_end)
        && (name_end + 1..np.end).any(|t| p.is_any(t, &grammar::DETERMINERS));
    if predicate { np.start..name_end } else { np }
}

/// Whether the lower-case word at `t` may be a verb after a name, not what
/// the name modifies ("Anti-abortion group the …", "Pieces of the …") or a
/// participle ("Hastily politicizing the …").
fn may_be_a_verb(p: &Para, t: usize) -> bool {
    let lexicon = lexicon();
    let lower = p.lower(t);
    !lower.ends_with("ing")
        && !p.is_any(t, &grammar::PREPOSITIONS)
        && !p.is_any(t, &grammar::CONNECTIVES)
        && !lexicon.is_group(lower)
        && !lexicon.is_organization_head(lower)
        && !lexicon.is_anonymous_head(lower)
        && !lexicon.is_document(lower)
        && p.title(t).is_none()
}

/// Longest participle phrase opening a sentence, in tokens.
const MAX_OPENING_PARTICIPLE: usize = 40;

/// How far "that" may stand from its cue behind an adverbial, in tokens.
pub(super) const ADVERBIAL_BEFORE_THAT: usize = 24;

/// Builds the reporting clause of a cue, if it has a source.
pub(super) fn clause(
    p: &Para,
    cue: Cue,
    sentence: &Range<usize>,
    previous: Option<&Clause>,
) -> Option<Clause> {
    let end = sentence.end;
    if opens_participle_aside(p, &cue, sentence) || passive_with_agent(p, &cue, sentence) {
        return None;
    }
    if cue.according {
        let np = according_source(p, cue.end, end)?;
        // "according to Dennis Ross, a former envoy, was …": an appositive
        // set off by commas describes the source.
        let description = appositive_after(p, np.end, end)
            .filter(|appositive| appositive.end < end && p.kind(appositive.end) == Kind::Comma);
        let np = match &description {
            Some(appositive) => np.start..appositive.end,
            None => np,
        };
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
            description,
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
    let participle = trailing_participle(p, &cue, sentence);
    let infinitive = before.is_some_and(|b| p.is_any(b, &["to"]));
    // "Noting he studied philosophy, Allen said …": a participle opening the
    // sentence hangs on the subject of the clause after its comma.
    // ("Having announced that …, Judge Berman …": so too a perfect participle.)
    let opening_participle =
        lower.ends_with("ing") && cue.start == sentence.start && cue.class == CueClass::Say
            || after_having(p, &cue, sentence);
    // "…, with 40 percent saying the port is ready": the phrase between "with"
    // and the participle says it.
    if lower.ends_with("ing")
        && cue.class == CueClass::Say
        && let Some(with) = (cue
            .start
            .saturating_sub(MAX_WITH_SUBJECT)
            .max(sentence.start)..cue.start)
            .rev()
            .take_while(|&t| p.kind(t).is_wordlike() && !p.inside_quote(t) && !looks_finite(p, t))
            .find(|&t| p.is_any(t, &["with"]))
        && with + 1 < cue.start
    {
        return Some(subject_first(p, cue, with + 1..cue.start, with, end, None));
    }
    // "…, the minister was quoted as saying by the agency": the one quoted
    // is the subject of "was quoted", and the clause may follow content.
    if lower.ends_with("ing")
        && let Some(np) = quoted_as_subject(p, cue.start, sentence)
    {
        let (after, cue_text_end, channel) = complements(p, &cue, cue.end, end, false);
        return Some(Clause {
            cue,
            source: Some(np.clone()),
            mention: None,
            coordinated: false,
            inverted: false,
            front: np.start,
            after,
            cue_text_end,
            channel,
            description: None,
        });
    }
    if opening_participle {
        let comma = (cue.end..end)
            .take(MAX_OPENING_PARTICIPLE)
            .find(|&t| p.kind(t) == Kind::Comma && !p.inside_quote(t))?;
        let source = named_subject(p, &(comma + 1..end))?;
        return Some(subject_first(p, cue, source, cue.start, comma, None));
    }
    if participle || infinitive {
        let source = match previous {
            Some(prev) => prev.source.clone(),
            None => Some(
                before
                    .filter(|&b| p.is_any(b, &["by"]))
                    .and_then(|_| relative_antecedent(p, cue.start, sentence.start))
                    .or_else(|| named_subject(p, sentence))?,
            ),
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
    // The comma-set segments before a cue after a plain comma, worked out once.
    let segments_before = before
        .filter(|&b| p.kind(b) == Kind::Comma)
        .map(|b| comma_segments(p, sentence.start, b));
    // "Hale, the co-author of “Tide Lines,” about the harbour,
    // said": a name and its asides, however they end, is the subject.
    // ("“…,” one official, who asked not to be named, said": the quote
    // before the subject is no part of it.)
    let name_with_asides = segments_before
        .as_deref()
        .map(|segments| match segments {
            [quote, rest @ ..]
                if rest.len() >= 2
                    && quote.end > quote.start
                    && p.quotes.closing_at(quote.end - 1).is_some() =>
            {
                rest
            }
            // ("The pier was closed, one official, who asked not to be
            // named, said": nor is what was said, before such an aside.)
            [_, rest @ ..] if rest.len() == 2 && asks_anonymity_aside(p, rest[1].clone()) => rest,
            _ => segments,
        })
        .filter(|segments| subject_with_asides(p, segments));
    // After a plain comma, what comes before must be content, not an aside
    // ("Vargas, an immigration activist, asked …" is not inverted).
    let content_before = before.is_some_and(|b| {
        p.kind(b) != Kind::Comma || {
            let segments = segments_before.as_deref().unwrap_or_default();
            let first = segments.len() == 1;
            // "Potholes form when water seeps in, creating a crevice, said
            // Hale": a clause opens the sentence, so a participle aside
            // after it belongs to that content, not to a subject.
            // (Not "“…,” Thomas Dawson, an IMF director, said": the
            // aside then follows a name.)
            let aside_after_name = segments.len() >= 2 && {
                let before_aside = &segments[segments.len() - 2];
                before_aside.end > before_aside.start && p.is_capitalized(before_aside.end - 1)
            };
            let clause_first = !aside_after_name
                && segments.first().is_some_and(|seg| {
                    !p.inside_quote(seg.start)
                        && word_count(p, seg.clone()) >= 3
                        && seg.clone().skip(1).any(|t| {
                            looks_finite(p, t)
                                || t + 2 < seg.end && p.is_any(t, &MID_SENTENCE_SUBORDINATORS)
                        })
                });
            name_with_asides.is_none()
                && segments.last().is_some_and(|seg| {
                    // "But, said Solovey, “…”": a connective alone, then the quote after.
                    let connective =
                        first && seg.len() == 1 && p.is_any(seg.start, &grammar::CONNECTIVES);
                    connective
                        || (first || !is_aside(p, seg.clone())) && word_count(p, seg.clone()) >= 3
                        || first
                            && two_word_clause(p, seg.clone(), sentence.start)
                            && (cue.end..end).all(|t| p.kind(t) != Kind::Comma)
                        || clause_first && is_aside(p, seg.clone())
                        // "The plan, say critics, is a disgrace": a short
                        // subject, the source, then the subject's verb.
                        || first && source_then_predicate(p, cue.end, end)
                })
        }
    });
    // A verb that takes an object is inverted only after a quote ("“…,”
    // announced the ministry"): after a plain comma, "Frank Pavone, director
    // of the group, criticized the plan" has its subject before.
    let after_quote = before.is_some_and(|b| {
        p.quotes.closing_at(b).is_some() || b > 0 && p.quotes.closing_at(b - 1).is_some()
    });
    // "Said Dorothy Lund, who grew up there, “…”": a cue opening the
    // sentence, its source after it, and a quote after that.
    let opens_sentence = cue.start == sentence.start && cue.class == CueClass::Say;
    if (after_boundary && content_before || opens_sentence)
        && (matches!(cue.class, CueClass::Say | CueClass::Ask)
            || cue.class == CueClass::Object && after_quote && !object_only(p, &cue))
        && let Some(np) = noun_phrase_right(p, cue.end, end)
            .filter(|np| looks_like_inverted_source(p, np.clone(), end))
            // "“terrible,” denounced her record": after a verb that takes
            // an object, "her …" is that object, not the source.
            .filter(|np| {
                cue.class != CueClass::Object
                    || !p.is_any(np.start, &grammar::POSSESSIVE_DETERMINERS)
            })
    {
        // "said Sen. Chuck Schumer, a New York Democrat": the appositive is part of the source.
        let (np, description) = match appositive_after(p, np.end, end) {
            Some(appositive) => (np.start..appositive.end, Some(appositive)),
            // "said the port's chief economist, Ana Ruiz": the name after the role.
            None => match name_after(p, np.end, end).filter(|_| !names_someone(p, np.clone())) {
                Some(name) => (np.start..name.end, None),
                None => (np, None),
            },
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
    if let (Some(segments), Some(b)) = (name_with_asides, before) {
        // "Regional Transport Minister, Tom Hale, said": a role alone, then
        // the name it describes.
        let role_first =
            segments.len() == 2 && role_then_name(p, segments[0].clone(), segments[1].clone());
        let (name, description) = if role_first {
            (trim(p, segments[1].start..b), trim(p, segments[0].clone()))
        } else {
            (segments[0].clone(), trim(p, segments[1].start..b))
        };
        return Some(subject_first(
            p,
            cue,
            name,
            segments[0].start,
            end,
            Some(description),
        ));
    }
    let (subject, front) = subject_left(p, cue.start, sentence)?;
    let mut description = None;
    let (source, coordinated) = match subject {
        // "She released a statement saying …": the phrase before a
        // participle opens with the main verb; the source is its subject.
        Subject::Phrase(range, _)
            if lower.ends_with("ing")
                && range.start > sentence.start
                && looks_finite(p, range.start) =>
        {
            (Some(named_subject(p, sentence)?), false)
        }
        // ("She posted a video on Sunday claiming …": so too when a time
        // phrase stands between the text she put out and the participle;
        // the source is the verb's subject.)
        Subject::Phrase(range, _)
            if let Some(verb) = puts_out_a_text(p, range.clone())
                && lower.ends_with("ing") =>
        {
            let subject = if verb > range.start {
                range.start..verb
            } else {
                noun_phrase_left(p, verb, sentence.start)?
            };
            (Some(subject), false)
        }
        Subject::Phrase(range, aside) => {
            description = aside;
            (Some(range), false)
        }
        Subject::Coordinated => match previous {
            Some(prev) => (prev.source.clone(), true),
            // "X was joined on stage and joked, …"; "The crowd cheered when
            // Ruiz spotted a banner and asked …": the nearest subject and verb.
            // ("But told Harbour Radio: “…”": the subject is not after the cue.)
            None => (
                Some(
                    nearest_clause_subject(p, front, sentence.start).or_else(|| {
                        named_subject(p, sentence)
                            .map(|np| name_before_unknown_verb(p, np))
                            .filter(|np| np.end < front)
                    })?,
                ),
                false,
            ),
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

/// "as agreed by the board", "was said by analysts to be": a passive whose
/// agent follows, which reports nothing of its own.
fn passive_with_agent(p: &Para, cue: &Cue, sentence: &Range<usize>) -> bool {
    let lower = p.lower(cue.start);
    cue.start > sentence.start
        && cue.end < sentence.end
        && cue.end == cue.start + 1
        && (lower.ends_with("ed") || lower == "said")
        && p.is_any(cue.end, &["by"])
        && p.is_any(
            cue.start - 1,
            &["as", "is", "was", "were", "are", "been", "being"],
        )
}

/// "Ruiz, asked about reports that …, said …": a participle opening an
/// aside after a name, closed by a comma and a verb of saying. The later
/// verb is the one that reports.
fn opens_participle_aside(p: &Para, cue: &Cue, sentence: &Range<usize>) -> bool {
    if cue.start < sentence.start + 2
        || p.kind(cue.start - 1) != Kind::Comma
        || !p.is_capitalized(cue.start - 2)
        || !p.lower(cue.start).ends_with("ed")
    {
        return false;
    }
    (cue.end..sentence.end)
        .take(MAX_ASIDE_AFTER_CUE)
        .take_while(|&t| !p.inside_quote(t) && !p.kind(t).is_terminal())
        .find(|&t| p.kind(t) == Kind::Comma)
        .is_some_and(|comma| {
            // ("…, also said": an adverb may come first.)
            let verb = if comma + 2 < sentence.end && p.is_any(comma + 1, &grammar::AUXILIARIES) {
                comma + 2
            } else {
                comma + 1
            };
            // (Not a participle: "Hale, the leader, urged …, telling …".)
            verb < sentence.end
                && p.is_word(verb)
                && !p.lower(verb).ends_with("ing")
                && matches!(
                    lexicon().cue(p.lower(verb)),
                    Some(CueClass::Say | CueClass::Tell)
                )
        })
}

/// Longest phrase naming who quoted, between "quoted" and "as saying".
const MAX_QUOTED_BY: usize = 8;

/// "the minister was quoted as saying", "Ruiz was cited as saying", "he
/// was quoted by the Gazette as saying": the subject of the passive before
/// "as" and the participle at `cue`.
fn quoted_as_subject(p: &Para, cue: usize, sentence: &Range<usize>) -> Option<Range<usize>> {
    if cue < sentence.start + 3 || !p.is_any(cue - 1, &["as"]) {
        return None;
    }
    let quoted = (sentence.start..cue - 1)
        .rev()
        .take(MAX_QUOTED_BY + 1)
        .take_while(|&t| p.kind(t).is_wordlike() && !p.inside_quote(t))
        .find(|&t| p.is_any(t, &["quoted", "cited"]))?;
    // ("quoted by the Gazette as saying": the one quoting, after "by" or "in".)
    if quoted + 2 != cue && !p.is_any(quoted + 1, &["by", "in"]) {
        return None;
    }
    let aux_start = skip_auxiliaries_left(p, quoted, sentence.start);
    if aux_start == quoted || aux_start <= sentence.start {
        return None;
    }
    noun_phrase_left(p, aux_start, sentence.start)
}

/// Longest relative clause before a participle of saying, in tokens.
const MAX_RELATIVE_CLAUSE: usize = 12;

/// "the Likud party, which tried to rally support by saying …": where
/// the clause a participle hangs on (by "by") is a relative one, its
/// antecedent.
fn relative_antecedent(p: &Para, cue: usize, floor: usize) -> Option<Range<usize>> {
    let relative = (floor..cue)
        .rev()
        .take(MAX_RELATIVE_CLAUSE)
        .take_while(|&t| p.kind(t).is_wordlike() && !p.inside_quote(t))
        .find(|&t| p.is_any(t, &["which", "who"]))?;
    if relative <= floor + 1 || p.kind(relative - 1) != Kind::Comma {
        return None;
    }
    let comma = relative - 1;
    // ("a warning about the rhetoric from the Likud party, which …": the
    // nearest noun phrase, after the last preposition.)
    let after_preposition = (floor..comma)
        .rev()
        .take(MAX_ANTECEDENT + 1)
        .take_while(|&t| p.is_word(t) || p.kind(t) == Kind::Possessive)
        .find(|&t| p.is_any(t, &grammar::PREPOSITIONS))
        .map(|preposition| preposition + 1..comma);
    let np = after_preposition.or_else(|| noun_phrase_left(p, comma, floor))?;
    (!np.is_empty() && np.len() <= MAX_ANTECEDENT && !np.clone().any(|t| looks_finite(p, t)))
        .then_some(np)
}

/// Longest antecedent of that relative clause, in tokens.
const MAX_ANTECEDENT: usize = 6;

/// Verbs that put out a text of one's own ("issued", "posted").
static PUBLISHING_VERBS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("publishing_verbs");

/// Where the verb is, when `np` is a text its sentence's subject put out,
/// right after the verb: "posted a video", "issued a statement", "put out
/// a statement".
fn puts_out_a_text(p: &Para, np: Range<usize>) -> Option<usize> {
    // The head ends the words before any "on Sunday night" after it.
    let head_end = np
        .clone()
        .find(|&t| p.is_any(t, &grammar::PREPOSITIONS))
        .unwrap_or(np.end);
    // ("The board put out a statement saying": a verb with its particle
    // may be inside the phrase, where a form like "put" showed no verb.)
    let inside = (np.start + 1..head_end.saturating_sub(2))
        .find(|&t| p.is_any(t, &PUBLISHING_VERBS) && p.is_any(t + 1, &["out"]));
    let verb = match (inside, np.start) {
        (Some(verb), _) => verb,
        (None, 0) => return None,
        (None, start) => start - 1,
    };
    (p.is_any(verb, &PUBLISHING_VERBS)
        && (np.start..head_end)
            .rev()
            .find(|&t| p.is_word(t))
            .is_some_and(|head| lexicon().is_document(p.lower(head))))
    .then_some(verb)
}

/// ", telling the class", ", and adding": a participle cue after a comma or
/// a joiner, which hangs on the clause before it.
pub(super) fn trailing_participle(p: &Para, cue: &Cue, sentence: &Range<usize>) -> bool {
    !cue.according
        && cue.start > sentence.start
        && p.lower(cue.start).ends_with("ing")
        && (is_comma_like(p, cue.start - 1) || p.is_any(cue.start - 1, &INVERTED_CUE_JOINERS))
}

/// Words before a participle cue that hang it on an earlier clause: ", and told", "while telling", "before adding".
static INVERTED_CUE_JOINERS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("inverted_cue_joiners");

/// Listeners of "told" that end a reporting clause: "told reporters", "told him".
static LISTENERS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("listeners");

/// Nouns that end a listener after a capitalized modifier: "told a Senate panel".
static LISTENER_HEADS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("listener_heads");

/// "here", "there": between a cue and its "that".
static PLACE_ADVERBS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("place_adverbs");

/// Auxiliaries that carry tense or mood ("was", "has", "would"), unlike the adverbs that may also stand between a source and its cue.
pub(super) static TENSE_AUXILIARIES: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("tense_auxiliaries");

/// Words that end a listener of "told" made of common nouns: "told reporters that", "told the crowd when".
/// Verbs of saying that take a listener before "that": "warned ministers that".
static LISTENER_VERBS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("listener_verbs");
static LISTENER_STOPS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("listener_stops");

/// Words after "told" that are not its listener: "told if", "told to", "told of".
static NOT_LISTENERS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("not_listeners");

/// Prepositions that open a channel phrase after a cue: "in a statement", "on X", "via email".
static CHANNEL_PREPOSITIONS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("channel_prepositions");

/// Units of time, singular: "Hours later,", "Two days ago,".
static TIME_UNITS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("time_units");

/// Function words that open a reported clause after a cue: "said there was", "asked why", "said if".
static CLAUSE_OPENING_FUNCTION_WORDS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("clause_opening_function_words");

/// Words that open a plural phrase ("many reports", "several claims").
static PLURAL_DETERMINERS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("plural_determiners");

/// Determiners and possessives after which a cue word is a noun, not a verb ("the report", "his claims").
static NOUN_DETERMINERS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("noun_determiners");

/// Cues that report only through their object ("blamed the drought").
static OBJECT_ONLY_CUES: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("object_only_cues");

/// "a decline his critics blamed on him", "“…,” described the strain as":
/// a verb that reports only through its object says nothing of what comes
/// before it, and what follows it is that object, not an inverted source.
pub(super) fn object_only(p: &Para, cue: &Cue) -> bool {
    cue.class == CueClass::Object && p.is_any(cue.start, &OBJECT_ONLY_CUES)
}

/// "Having announced that …, Judge Berman …": a cue right after "Having"
/// opening the sentence, a perfect participle.
pub(super) fn after_having(p: &Para, cue: &Cue, sentence: &Range<usize>) -> bool {
    cue.start == sentence.start + 1 && p.is_any(sentence.start, &["having"])
}
