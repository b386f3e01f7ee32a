//! What a reporting clause attributes: the reported clause or quote before
//! or after it, trimmed to the words said, and the partial quotes inside it.

use std::ops::Range;

use super::clause::{
    TENSE_AUXILIARIES, bare_clause_with_verb, object_only, only_time, takes_bare_clause,
};
use super::source::{
    COORDINATORS, FINITE_VERBS, INTRODUCTORY, MAX_PHRASE_TOKENS, SUBORDINATORS, counted_relative,
    is_comma_like, is_finite_verb, looks_finite,
};
use super::unclaimed::in_title_case;
use super::{Clause, Findings, Found};
use crate::annotate::grammar::{self, Pronoun};
use crate::annotate::lexicon::{CueClass, lexicon};
use crate::annotate::para::Para;
use crate::annotate::quotes::Quote;
use crate::annotate::token::Kind;
use crate::model::ClaimKind;

/// Trims punctuation off both ends of a token range, and a bracket whose
/// partner lies outside it ("(Vellum says it has no plans.)").
pub(super) fn trim(p: &Para, mut range: Range<usize>) -> Range<usize> {
    let edge = |kind| {
        matches!(
            kind,
            Kind::Comma | Kind::Colon | Kind::Dash | Kind::Semicolon | Kind::Period
        )
    };
    let holds = |range: &Range<usize>, kind| range.clone().any(|t| p.kind(t) == kind);
    loop {
        while range.start < range.end && edge(p.kind(range.start)) {
            range.start += 1;
        }
        while range.end > range.start && edge(p.kind(range.end - 1)) {
            range.end -= 1;
        }
        if range.end > range.start
            && p.kind(range.end - 1) == Kind::CloseParen
            && !holds(&(range.start..range.end - 1), Kind::OpenParen)
        {
            range.end -= 1;
        } else if range.end > range.start
            && p.kind(range.start) == Kind::OpenParen
            && !holds(&(range.start + 1..range.end), Kind::CloseParen)
        {
            range.start += 1;
        } else {
            return range;
        }
    }
}

/// Bytes of a quote's inner text, trimmed of a trailing comma.
pub(super) fn quote_content(p: &Para, quote: &Quote) -> Option<Range<usize>> {
    let inner = trim(p, quote.inner(p.len()));
    (!inner.is_empty()).then(|| p.bytes(inner))
}

pub(super) fn word_count(p: &Para, range: Range<usize>) -> usize {
    range.filter(|&t| p.kind(t).is_wordlike()).count()
}

/// Longest source inside a relative clause ("which port chief Ana Ruiz
/// said …"), in tokens.
const MAX_RELATIVE_SOURCE: usize = 6;

/// "The fund, which analysts say is worth $2 billion, will close": inside a
/// relative clause set off by commas, what was said ends with the clause.
pub(super) fn within_relative_clause(
    p: &Para,
    clause: &Clause,
    range: Range<usize>,
) -> Range<usize> {
    let front = clause.front;
    let set_off =
        front >= 2 && p.is_any(front - 1, &["which", "who"]) && p.kind(front - 2) == Kind::Comma;
    if !set_off {
        return range;
    }
    // ("…, which it says cost $900 to design, print and post, …": a comma
    // inside a list of words goes on.)
    let in_list = |t: usize| {
        t + 2 < range.end
            && p.kind(t) == Kind::Comma
            && p.is_word(t + 1)
            && !p.is_capitalized(t + 1)
            && (p.kind(t + 2) == Kind::Comma || p.is_any(t + 2, &["and", "or"]))
    };
    let end = range
        .clone()
        .find(|&t| {
            matches!(p.kind(t), Kind::Comma | Kind::Dash) && !p.inside_quote(t) && !in_list(t)
        })
        .unwrap_or(range.end);
    range.start..end
}

/// Longest relative aside after the source of "according to", in tokens.
const MAX_RELATIVE_ASIDE: usize = 12;

/// Where the forward content of a clause starts, if it has one.
pub(super) fn forward_start(p: &Para, clause: &Clause, end: usize) -> Option<usize> {
    let k = clause.after;
    // ("…, according to X." ends a sentence; "But, according to X, C"
    // opens one.)
    let after_connective = || {
        clause.front >= 2
            && p.is_any(clause.front - 2, &grammar::CONNECTIVES)
            && p.sentence_of(clause.front).start == clause.front - 2
    };
    if k >= end
        || clause.cue.according
            && clause.front > 0
            && p.kind(clause.front - 1) == Kind::Comma
            && !after_connective()
    {
        return None;
    }
    if clause.cue.according {
        // "According to X, C."
        if p.kind(k) != Kind::Comma || k + 1 >= end {
            return None;
        }
        // "According to a source, who declined to be named, C.": past the
        // source's relative aside.
        if p.is_any(k + 1, &["who", "which"])
            && let Some(close) = (k + 2..end.min(k + 2 + MAX_RELATIVE_ASIDE))
                .take_while(|&t| !p.kind(t).is_terminal() && !p.inside_quote(t))
                .find(|&t| p.kind(t) == Kind::Comma)
            && close + 1 < end
        {
            return Some(close + 1);
        }
        return Some(k + 1);
    }
    // "“…,” Bond said onstage Tuesday night", "“…,” Sanders told a crowd at
    // Mary's that spilled out": a clause right after a quote attributes that
    // quote; only "that …" or ", “…”" can add more after it.
    if follows_quote(p, clause) && !reports_own_clause_after_quote(p, clause, end) {
        // "that" after a listener ("told a crowd at Mary's that spilled
        // out") is a relative pronoun, not reported speech.
        let more = match p.kind(k) {
            Kind::Word => p.lower(k) == "that" && clause.cue_text_end <= clause.cue.end,
            Kind::Comma | Kind::Colon => p.quotes.opening_at(k + 1).is_some(),
            _ => false,
        };
        return (more && k + 1 < end).then_some(k + 1);
    }
    // "the ferries which he said could not be sold": inside a relative
    // clause, the verb after the cue goes on with what was said.
    let relative = clause.front > 0
        && p.is_any(clause.front - 1, &["which", "that", "who", "what"])
        && clause
            .source
            .as_ref()
            .is_some_and(|s| s.len() <= MAX_RELATIVE_SOURCE)
        && p.is_word(k)
        && (p.is_any(k, &grammar::AUXILIARIES) || looks_finite(p, k));
    // "What the minister said was that …", "What Ruiz told us is: the port
    // …": the content follows the verb "be" and its "that" or colon.
    // (Not a quote: "what he says are “crippling shortages”" is a verdict
    // on the quoted words.)
    if relative
        && p.is_any(clause.front - 1, &["what"])
        && p.is_any(k, &grammar::BE_FORMS)
        && k + 2 < end
        && (p.is_any(k + 1, &["that"]) || p.kind(k + 1) == Kind::Colon)
    {
        return Some(k + 2);
    }
    if relative || zero_relative(p, clause) {
        return Some(k);
    }
    if is_answer(p, k, end) && matches!(clause.cue.class, CueClass::Say | CueClass::Ask) {
        return Some(k);
    }
    match p.kind(k) {
        // "say that isn't so", "said that would be a mistake": "that"
        // before a verb is the subject of what was said.
        Kind::Word if p.lower(k) == "that" && demonstrative_subject(p, k + 1, end) => Some(k),
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
        // "tweeted this announcement: “…”": a text named, then the quote
        // that is its words.
        _ if let Some(colon) = text_then_colon_quote(p, k, end) => Some(colon + 1),
        // "asking for anonymity to speak freely": about the speaking, not said.
        _ if clause.cue.class == CueClass::Object && p.is_any(k, &NOT_CONTENT_OBJECTS) => None,
        // "charged Tom Vell with battery": only "charged that …" is said.
        _ if p.is_any(clause.cue.start, &CUES_NEEDING_THAT) => None,
        // "confirmed he would run"; "denied the charges", "vowed to fight",
        // "reported a profit of $1.78 a share"; but not "reported ten days
        // ago" (when, not what) or "reported progress" (an event).
        _ if matches!(clause.cue.class, CueClass::Object | CueClass::Noun) => {
            let pronoun = p.is_word(k) && Pronoun::parse(p.lower(k)).is_some();
            let report = matches!(p.lower(clause.cue.start), "reported" | "reports");
            // "posted a photo", "posted a victory": only a clause is said.
            let posted = p.is_any(clause.cue.start, &["posted", "posts"]);
            // A report of figures ("reported a profit of $1.78 a share",
            // "reported raising $9 million") or of a clause is a claim;
            // "reported progress in the talks" reports an event.
            let figures = (k..end)
                .take(MAX_PHRASE_TOKENS)
                .take_while(|&t| !p.kind(t).is_terminal() && p.kind(t) != Kind::Comma)
                .any(|t| p.kind(t) == Kind::Number)
                || p.is_word(k) && p.lower(k).ends_with("ing");
            let object = clause.cue.class == CueClass::Object
                && !(report
                    && (only_time(p, k, end) || !figures && !bare_clause_with_verb(p, k, end)))
                && (!posted || bare_clause_with_verb(p, k, end))
                && (takes_bare_clause(p, k)
                    || report && figures
                    || p.is_any(k, &["to"]) && PROMISE_CUES.contains(p.lower(clause.cue.start)));
            // "The candidate claims his fortune is …": a clause with its verb.
            // ("The weather forecast said …": a verb straight after is the
            // noun's own.)
            let noun_clause = clause.cue.class == CueClass::Noun
                && bare_clause_with_verb(p, k, end)
                && !looks_finite(p, k)
                && lexicon().cue(p.lower(k)).is_none();
            (pronoun || object || noun_clause).then_some(k)
        }
        _ if matches!(
            clause.cue.class,
            CueClass::Say | CueClass::Tell | CueClass::Ask
        ) =>
        {
            let bare = takes_bare_clause(p, k) && !plain_object(p, clause, k, end)
                || super::clause::said_subordinate(p, k, end)
                || (clause.cue.class == CueClass::Say
                    && p.is_any(k, &["to"])
                    && PROMISE_CUES.contains(p.lower(clause.cue.start)));
            bare.then_some(k)
        }
        _ => None,
    }
}

/// Most words naming a text between a cue and the colon before its quote.
const MAX_TEXT_BEFORE_COLON: usize = 4;

/// Where the colon is, in "this announcement: “…”" from `k`: a few words
/// ending in a noun for a text, a colon, and a quote opening after it.
fn text_then_colon_quote(p: &Para, k: usize, end: usize) -> Option<usize> {
    let colon = (k + 1..(k + 1 + MAX_TEXT_BEFORE_COLON).min(end))
        .take_while(|&t| p.is_word(t) || p.kind(t) == Kind::Colon)
        .find(|&t| p.kind(t) == Kind::Colon)?;
    (colon + 1 < end
        && p.quotes.opening_at(colon + 1).is_some()
        && (k..colon).all(|t| !looks_finite(p, t))
        && lexicon().is_document(p.lower(colon - 1)))
    .then_some(colon)
}

/// Cues that report speech only before "that", a colon or a quote.
static CUES_NEEDING_THAT: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("cues_needing_that");

/// "prices it said were too low", "the money he said was stolen": a
/// relative clause with no pronoun of its own, a noun and then a pronoun
/// source; the verb after the cue goes on with what was said.
pub(super) fn zero_relative(p: &Para, clause: &Clause) -> bool {
    let (front, k) = (clause.front, clause.after);
    front >= 1
        && k < p.len()
        // ("a photo she posted started a backlash": the photo's verb.)
        && clause.cue.class == CueClass::Say
        && clause.source.as_ref().is_some_and(|s| {
            s.start == front
                && (s.len() == 1
                    && Pronoun::parse(p.lower(front)).is_some()
                    && !p.is_any(front, &["i", "you", "we"])
                    // "the files the report said were missing": a phrase
                    // its article opens.
                    // ("a bunch of counters hooked up …": no phrase ends
                    // with a preposition.)
                    || s.len() <= MAX_RELATIVE_SOURCE
                        && p.is_any(front, &["the", "a", "an"])
                        && !p.is_any(s.end - 1, &grammar::PREPOSITIONS))
        })
        && p.is_word(front)
        && p.is_word(front - 1)
        && !p.is_capitalized(front - 1)
        && !looks_finite(p, front - 1)
        && !p.lower(front - 1).ends_with("ing")
        && !p.lower(front - 1).ends_with("ly")
        && !p.is_any(front - 1, &grammar::PREPOSITIONS)
        && !p.is_any(front - 1, &grammar::DETERMINERS)
        && !p.is_any(front - 1, &grammar::CONNECTIVES)
        && !p.is_any(front - 1, &grammar::AUXILIARIES)
        && !p.is_any(front - 1, &["that", "which", "who", "what", "how", "why", "where", "when", "whether"])
        && !p.is_any(front - 1, &SUBORDINATORS)
        && !p.is_any(front - 1, &COORDINATORS)
        && Pronoun::parse(p.lower(front - 1)).is_none()
        && lexicon().cue(p.lower(front - 1)).is_none()
        && (p.is_any(k, &grammar::AUXILIARIES) || looks_finite(p, k))
        // ("The one step she regretted was …": a noun phrase that
        // opens the sentence has the verb for its own.)
        && !opens_its_sentence(p, front - 1)
}

/// Whether the noun at `noun` is in a phrase that opens its sentence: the
/// words before it, up to the start, are all modifiers, with no verb,
/// preposition or punctuation between.
fn opens_its_sentence(p: &Para, noun: usize) -> bool {
    const REACH: usize = 6;
    let start = p.sentence_of(noun).start;
    noun - start <= REACH
        && (start..noun).all(|t| {
            p.is_word(t)
                && !looks_finite(p, t)
                && !p.is_any(t, &grammar::PREPOSITIONS)
                && lexicon().cue(p.lower(t)).is_none()
        })
}

/// Objects of a cue about the speaking itself ("asked for comment").
static NOT_CONTENT_OBJECTS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("not_content_objects");

/// A verb of a clause right after "that", so that "that" is its subject.
fn demonstrative_subject(p: &Para, verb: usize, end: usize) -> bool {
    verb + 1 < end
        && p.is_word(verb)
        && !p.is_capitalized(verb)
        // A finite auxiliary ("that would be"), not an adverb the
        // auxiliary list also holds ("that just last week …").
        && (p.is_any(verb, &FINITE_VERBS)
            || p.is_any(verb, &TENSE_AUXILIARIES)
            || p.is_any(verb, &["does", "did"])
            || p.lower(verb).ends_with("n't")
            || p.lower(verb).ends_with("n\u{2019}t"))
}

/// One-word answers a cue reports on their own ("said yes").
static ANSWERS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("answers");

/// "46 percent said yes.", "Ruiz said no, …": an answer alone, up to the
/// clause's end; "said no one was hurt" is a clause.
pub(super) fn is_answer(p: &Para, k: usize, end: usize) -> bool {
    p.is_any(k, &ANSWERS)
        && (k + 1 >= end
            || matches!(
                p.kind(k + 1),
                Kind::Comma | Kind::Semicolon | Kind::Period | Kind::Dash
            )
            || p.kind(k + 1).is_terminal()
            || p.is_any(k + 1, &ANSWER_FOLLOWERS))
}

/// Words that end a one-word answer ("said yes while …").
static ANSWER_FOLLOWERS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("answer_followers");

/// Cues that also take a plain object ("writes a weekly column").
static OBJECT_SENSE_CUES: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("object_sense_cues");

/// "writes a weekly column", "maintains 4,000 miles of pipe", "claimed
/// responsibility": after a cue that also takes a plain object, a noun
/// phrase with no verb after it is that object.
fn plain_object(p: &Para, clause: &Clause, k: usize, end: usize) -> bool {
    let opens_noun_phrase = p.is_any(k, &grammar::DETERMINERS)
        || p.kind(k) == Kind::Number
        || p.is_word(k)
            && !p.is_capitalized(k)
            && Pronoun::parse(p.lower(k)).is_none()
            && !p.is_any(k, &SUBORDINATORS);
    p.is_any(clause.cue.start, &OBJECT_SENSE_CUES)
        && opens_noun_phrase
        && !(k + 1..end).any(|t| looks_finite(p, t))
}

/// Steps back over quote marks that close nothing (the single mark of
/// "''… 'a special case,''' Putin said"), to the token that bounds a clause.
pub(super) fn skip_stray_marks(p: &Para, mut front: usize) -> usize {
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
pub(super) fn follows_quote(p: &Para, clause: &Clause) -> bool {
    let front = skip_stray_marks(p, clause.front);
    // "called her “weak” and said she …": a verb joined to the one before
    // the quote does not attribute the quote.
    let joined = p.is_any(front, &["and", "but"]);
    let quote = front
        .checked_sub(1)
        .and_then(|b| p.quotes.closing_at(b))
        .or_else(|| {
            (front > 1 && p.kind(front - 1) == Kind::Comma)
                .then(|| p.quotes.closing_at(front - 2))
                .flatten()
        });
    // ("Citing “duties in Dover,” the spokeswoman told …": a quote inside
    // an opening participle's phrase is that participle's.)
    let in_opening_participle = quote.is_some_and(|q| {
        p.quotes.quotes[q].open.is_some_and(|open| {
            let sentence = p.sentence_of(open);
            open > sentence.start
                && p.is_word(sentence.start)
                && p.lower(sentence.start).ends_with("ing")
                && (sentence.start + 1..open).all(|t| p.is_word(t))
        })
    });
    !joined && quote.is_some() && !in_opening_participle
}

/// "“We lost.” Jo Park said the count was wrong": after a quote that ends
/// its own sentence, a clause that reports a clause of its own ("that …" or
/// a bare clause) is not the quote's attribution.
fn reports_own_clause_after_quote(p: &Para, clause: &Clause, end: usize) -> bool {
    let front = skip_stray_marks(p, clause.front);
    let quote_ends_sentence = front > 0
        && p.quotes.closing_at(front - 1).is_some()
        && front > 1
        && p.kind(front - 2).is_terminal();
    let k = clause.after;
    quote_ends_sentence
        && k + 1 < end
        && (p.is_word(k) && p.lower(k) == "that"
            // "“Too forced?” he tweeted when …": a time clause says nothing.
            || takes_bare_clause(p, k) && !p.is_any(k, &SUBORDINATORS))
}

/// Moves a clause's front back over the comma and connective that join it
/// to the clause before: "…framework, although he added" → before ", although".
pub(super) fn connective_start(p: &Para, front: usize, floor: usize) -> usize {
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

/// "Although Ruiz said the plan was dead, the council voted for it": a cue
/// inside a clause that a subordinator opens at the sentence's start says
/// what runs to the comma before the main clause (a subject, then its verb).
/// "As Ruiz said, …" is not such a clause, and "whether" and "despite" open
/// none with a subject.
pub(super) fn subordinate_clause_end(
    p: &Para,
    clause: &Clause,
    sentence_start: usize,
    limit: usize,
) -> Option<usize> {
    let opener = (sentence_start..clause.front).find(|&t| !p.is_any(t, &COORDINATORS))?;
    // ("Given that officials said …": a participle and "that" open one too.)
    let given_that = p.is_any(opener, &["given"]) && p.is_any(opener + 1, &["that"]);
    let opens_subordinate = (p.is_any(opener, &SUBORDINATORS) || given_that)
        && !p.is_any(opener, &["as", "whether", "despite"])
        && (opener..clause.cue.start).all(|t| p.kind(t).is_wordlike());
    if !opens_subordinate {
        return None;
    }
    (clause.after..limit).find_map(|comma| {
        if p.kind(comma) != Kind::Comma {
            return None;
        }
        // "…the plan was dead,” the council …": the comma inside the quote.
        let subject = if p.quotes.closing_at(comma + 1).is_some() {
            comma + 2
        } else if p.inside_quote(comma) {
            return None;
        } else {
            comma + 1
        };
        main_clause_at(p, subject, limit).then_some(subject)
    })
}

/// Longest stretch of a relative clause before its cue, in tokens.
const MAX_RELATIVE_BEFORE_CUE: usize = 16;

/// "Hale, who has often described the plan as “a farce,” voted for it":
/// a cue inside a relative clause set off by a comma says what runs to the
/// comma before the main clause's verb. Returns where that verb's phrase
/// starts, as [`subordinate_clause_end`] does.
pub(super) fn relative_aside_end(p: &Para, clause: &Clause, limit: usize) -> Option<usize> {
    let in_relative = (clause.cue.start.saturating_sub(MAX_RELATIVE_BEFORE_CUE)..clause.cue.start)
        .rev()
        .take_while(|&t| {
            (p.kind(t).is_wordlike() || p.kind(t) == Kind::Possessive) && !p.inside_quote(t)
        })
        .find(|&t| p.is_any(t, &["who", "which"]))
        .is_some_and(|who| who > 0 && p.kind(who - 1) == Kind::Comma);
    if !in_relative {
        return None;
    }
    // ("which has said the plan, approved in May, was working, voted": the
    // comma closing a participle aside goes on with the clause it is in.)
    let mut in_participle_aside = false;
    for comma in clause.after..limit {
        if p.kind(comma) != Kind::Comma {
            continue;
        }
        let next = if p.quotes.closing_at(comma + 1).is_some() {
            comma + 2
        } else if p.inside_quote(comma) {
            continue;
        } else {
            comma + 1
        };
        // ("…, clearly intended …": an adverb may come first.)
        let Some(verb) = (next..limit)
            .take_while(|&t| p.is_word(t))
            .find(|&t| !p.lower(t).ends_with("ly") || p.is_capitalized(t))
        else {
            in_participle_aside = false;
            continue;
        };
        // ("the plan, approved in May, was working": a participle aside,
        // closed by a comma a few words on.)
        let participle_aside = p.lower(verb).ends_with("ed")
            && (verb + 1..(verb + 6).min(limit)).any(|t| p.kind(t) == Kind::Comma);
        if !in_participle_aside
            && !participle_aside
            && !p.is_capitalized(verb)
            && !p.is_any(verb, &["and", "but", "or"])
            && looks_finite(p, verb)
        {
            return Some(next);
        }
        in_participle_aside = participle_aside && !in_participle_aside;
    }
    None
}

/// A subject of one or more words, then a finite verb, before any
/// punctuation: "the council voted", "nobody will". Relatives, coordinators,
/// subordinators and participles open no main clause ("…, which cost
/// millions, …", "…, if approved, …").
pub(super) fn main_clause_at(p: &Para, subject: usize, limit: usize) -> bool {
    subject < limit
        && p.is_word(subject)
        && !p.is_any(
            subject,
            &["which", "who", "whom", "whose", "where", "and", "but", "or"],
        )
        && !p.is_any(subject, &SUBORDINATORS)
        && !p.lower(subject).ends_with("ing")
        && !looks_finite(p, subject)
        && ((subject + 1..limit)
            .take_while(|&t| p.kind(t).is_wordlike())
            .any(|t| looks_finite(p, t))
            // ("…, it leaves little": a pronoun and its verb in the present.)
            || Pronoun::parse(p.lower(subject)).is_some()
                && subject + 1 < limit
                && p.is_word(subject + 1)
                && !p.is_capitalized(subject + 1)
                && p.lower(subject + 1).ends_with('s'))
}

/// Participial and relative glosses the writer adds after reported speech:
/// "…, meaning either by right or in effect", "…, in what would be a massive concession".
/// "An engineer who said the bridge was unsafe was fired": the content of a
/// cue inside a relative clause ends where the main clause's verb comes, a
/// second finite verb with no new subject ("it", "that", "the") before it.
pub(super) fn cut_main_clause(p: &Para, clause: &Clause, range: Range<usize>) -> Range<usize> {
    let relative = clause.cue.start > 0 && p.is_any(clause.cue.start - 1, &["who", "which"]);
    // "The tenants, many of whom said …"
    let counted = clause.cue.start > 3 && counted_relative(p, clause.cue.start - 3);
    if !relative && !counted {
        return range;
    }
    let pronoun_at = clause.cue.start - if counted { 3 } else { 1 };
    let finite = |t: usize| p.is_any(t, &FINITE_VERBS) && !p.inside_quote(t);
    // "The agency, which said the plan was working, declined to comment":
    // a clause set off by commas ends at a comma before the main verb.
    let set_off = pronoun_at > 0 && p.kind(pronoun_at - 1) == Kind::Comma;
    // The main verb: a finite or past form, or another lower-case word that
    // cannot open a phrase of the clause ("…, left early").
    let main_verb_after = |t: usize| {
        let next = t + 1;
        p.kind(t) == Kind::Comma
            && !p.inside_quote(t)
            && p.is_word(next)
            && !p.is_capitalized(next)
            && (finite(next)
                || p.lower(next).ends_with("ed")
                || !p.is_any(next, &grammar::PREPOSITIONS)
                    && !p.is_any(next, &grammar::DETERMINERS)
                    && !p.is_any(next, &grammar::CONNECTIVES)
                    && Pronoun::parse(p.lower(next)).is_none()
                    && !p.lower(next).ends_with("ing")
                    && !p.lower(next).ends_with("ly"))
    };
    // The last such comma: "which said the plan, approved in May, was working,".
    if set_off && let Some(comma) = range.clone().rev().find(|&t| main_verb_after(t)) {
        return trim(p, range.start..comma);
    }
    let Some(first) = range.clone().find(|&t| finite(t)) else {
        return range;
    };
    let Some(second) = (first + 1..range.end).find(|&t| finite(t)) else {
        return range;
    };
    let new_subject = (first + 1..second).any(|t| {
        !p.kind(t).is_wordlike()
            || Pronoun::parse(p.lower(t)).is_some()
            || p.is_any(t, &grammar::DETERMINERS)
            || p.is_any(t, &["that", "if", "whether", "and", "or", "but"])
    });
    if new_subject {
        range
    } else {
        trim(p, range.start..second)
    }
}

/// "warned against disunity and Tory leader Ana Holt may well …": after a
/// cue and its preposition, what was said is a noun phrase, which ends
/// where "and" opens a clause with a subject and verb of its own.
pub(super) fn cut_object_at_new_clause(
    p: &Para,
    clause: &Clause,
    range: Range<usize>,
) -> Range<usize> {
    if !clause.cue.takes_prepositional_object(p) {
        return range;
    }
    // After a comma, any clause ("…, but his rivals were …"); with no comma,
    // only one whose verb is an auxiliary or a modal ("and Ana Holt may
    // well …"), not a phrase with a participle ("and suspects detained").
    let new_clause = |and: usize| {
        let comma = and > range.start && p.kind(and - 1) == Kind::Comma;
        main_clause_at(p, and + 1, range.end)
            && !p.is_any(and + 1, &grammar::PREPOSITIONS)
            && (comma
                || (and + 2..(and + 2 + MAX_SUBJECT_BEFORE_AUXILIARY).min(range.end))
                    .take_while(|&t| p.is_word(t))
                    .any(|t| p.is_any(t, &FINITE_VERBS) && !p.is_any(t - 1, &["to"])))
    };
    match range
        .clone()
        .find(|&t| p.is_any(t, &["and", "but"]) && !p.inside_quote(t) && new_clause(t))
    {
        Some(and) => trim(p, range.start..and),
        None => range,
    }
}

/// Longest subject between "and" and the auxiliary of a new clause, in words.
const MAX_SUBJECT_BEFORE_AUXILIARY: usize = 4;

pub(super) fn cut_trailing_gloss(p: &Para, range: Range<usize>) -> Range<usize> {
    // "…Portugal and Chile, which have troops there, have announced …": a
    // relative clause set off by commas before the main verb is no gloss.
    let before_main_verb = |which: usize| {
        (which + 1..range.end)
            .find(|&c| p.kind(c) == Kind::Comma && !p.inside_quote(c))
            .is_some_and(|c| {
                c + 1 < range.end
                    && p.is_word(c + 1)
                    && (p.is_any(c + 1, &grammar::AUXILIARIES) || looks_finite(p, c + 1))
            })
    };
    for t in range.clone() {
        if t > range.start + 3
            && is_comma_like(p, t)
            && !p.inside_quote(t + 1)
            && (p.is_any(t + 1, &["meaning", "according"])
                || p.is_any(t + 1, &["which"]) && !before_main_verb(t + 1)
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

/// "the situation appears": a present verb in -s right after a noun
/// with its article.
fn present_after_subject(p: &Para, v: usize, floor: usize) -> bool {
    let lower = p.lower(v);
    v >= floor + 2
        && lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && p.is_word(v - 1)
        && !p.is_capitalized(v - 1)
        && !p.is_any(v - 1, &grammar::DETERMINERS)
        && !p.is_any(v - 1, &grammar::PREPOSITIONS)
        && p.is_any(v - 2, &["the", "a", "an", "this", "that"])
}

/// Content before a clause: the quote that ends right before it, or the
/// clause before its comma.
pub(super) fn backward_content(
    p: &Para,
    clause: &Clause,
    previous_end: usize,
    sentence: &Range<usize>,
    quote_used: &[bool],
) -> Option<(ClaimKind, Range<usize>, Option<usize>)> {
    let front = clause.front;
    // "X said." opening a sentence right after a quote that ends with a full stop.
    if front == sentence.start {
        // "“We lost.” Jo Park said the count was wrong" reports a clause of
        // its own; "“…!” Jo Park said as he opened the vote" does not.
        let k = clause.after;
        let own_clause = k < sentence.end
            && !p.kind(k).is_terminal()
            && (p.lower(k) == "that"
                || p.kind(k) != Kind::Word
                // "“…” Davey said instead of cuts there had been …"
                || p.is_any(k, &["instead"])
                // "“…” The board told the council not to “compromise”": what
                // the one told was to do, after the listener.
                || clause.cue_text_end > clause.cue.end && p.is_any(k, &["to", "not"])
                || takes_bare_clause(p, k)
                    && !p.is_any(k, &["as", "while", "when", "after", "before"]));
        if front == 0 || own_clause {
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
    // "She starred in “Planet of the Apes,” the network said": a title
    // ending a clause is part of it, not the whole of what was said.
    let clause_start = previous_end.max(sentence.start);
    // 'The plan was "dead on arrival," Ruiz said': a quote that goes on a
    // clause begun before it is a partial quote in that clause.
    let quote_before = quote_before.filter(|&q| {
        let quote = p.quotes.quotes[q];
        let inside_a_clause = quote.open.is_some_and(|open| {
            word_count(p, clause_start..open) >= 2
                && (in_title_case(p, &quote) || p.is_word(open - 1) && !p.inside_quote(open - 1))
        });
        !inside_a_clause
    });
    if let Some(q) = quote_before {
        let quote = p.quotes.quotes[q];
        if quote_used[q] {
            return None;
        }
        if reports_own_clause_after_quote(p, clause, sentence.end) {
            return None;
        }
        let content = quote_content(p, &quote)?;
        return Some((ClaimKind::Direct, token_range(p, content), Some(q)));
    }
    if !(is_comma_like(p, boundary) || p.kind(boundary) == Kind::Dash || clause.cue.according) {
        return None;
    }
    let start = previous_end.max(sentence.start);
    // A closing quote mark at the boundary belongs to the content.
    let keep_boundary = clause.cue.according && !is_comma_like(p, boundary)
        || p.quotes.closing_at(boundary).is_some();
    let mut range = trim(p, start..boundary + usize::from(keep_boundary));
    if clause.cue.according && !is_comma_like(p, boundary) {
        range = trim(p, start..front);
    }
    // Skip a leading connective or opening mark left by a clause before.
    while range.start < range.end
        && (p.is_any(range.start, &["and", "but"]) && range.start == previous_end)
    {
        range.start += 1;
    }
    // "In Iowa, Ruiz leads, according to a poll": before "according to",
    // an opening phrase set off by a comma leads into the content.
    // "As a woman, Malik raised less suspicion, Verdery said.": with the
    // clause ending the sentence, a main clause with a verb after the
    // opening phrase makes the whole the content.
    // A clause set off by commas ("…, they say, imposing …") ends it too.
    let ends_sentence = clause.after >= sentence.end
        || p.kind(clause.after).is_terminal()
        || p.kind(clause.after) == Kind::Comma
        || only_adverbials(p, clause.after, sentence.end);
    let leads_into_content = range.clone().any(|t| {
        p.kind(t) == Kind::Comma
            && word_count(p, t + 1..range.end) >= 3
            && (clause.cue.according
                || ends_sentence
                    && !p.is_any(t + 1, &["which", "who", "whom", "where", "when"])
                    && (t + 1..range.end)
                        .any(|v| looks_finite(p, v) || verb_before_infinitive(p, v)))
    });
    // "In 1990 the firm had made its offer, Ruiz said.": an opening phrase
    // with no comma, and a main clause after it.
    // (Not "Once told he faced a charge, police said, …":
    // a verb after "that" or a relative pronoun is a clause's inside the phrase.)
    let has_main_clause = || {
        (clause.after >= sentence.end
            || p.kind(clause.after).is_terminal()
            || only_adverbials(p, clause.after, sentence.end))
            && (range.start + 2..range.end)
                .take_while(|&v| !p.is_any(v, &["that", "which", "who", "whom", "where", "when"]))
                // Not the month in "in late May".
                .any(|v| {
                    !p.is_capitalized(v)
                        && (is_finite_verb(p, v) || present_after_subject(p, v, range.start))
                })
    };
    let introductory = !p.inside_quote(range.start)
        && p.is_any(range.start, &INTRODUCTORY)
        && !leads_into_content
        && !has_main_clause()
        && word_count(p, range.clone()) <= 12;
    // "The wire reported that, according to a study, …": what comes
    // before is a reporting clause of its own, waiting for its content.
    let awaits_content = range.end > range.start && p.is_any(range.end - 1, &["that"]);
    // ("It was, he said, one of …": a short clause must end where the
    // reporting clause ends the sentence.)
    let short_clause = (clause.after >= sentence.end || p.kind(clause.after).is_terminal())
        && two_word_clause(p, range.clone(), sentence.start);
    if word_count(p, range.clone()) < 3 && !short_clause
        || introductory
        || awaits_content
        || object_only(p, &clause.cue)
    {
        return None;
    }
    Some((ClaimKind::Indirect, range, None))
}

/// "Prices fell, he said", "We lost, Ruiz said": a subject and its verb,
/// the whole of a sentence's first clause, are a claim however short.
pub(super) fn two_word_clause(p: &Para, range: Range<usize>, sentence_start: usize) -> bool {
    let words: Vec<usize> = range.clone().filter(|&t| p.kind(t).is_wordlike()).collect();
    let &[subject, verb] = words.as_slice() else {
        return false;
    };
    range.start == sentence_start
        && range.len() == 2
        && !p.inside_quote(subject)
        && p.is_word(subject)
        && !p.is_any(subject, &grammar::PREPOSITIONS)
        && !p.is_any(subject, &grammar::CONNECTIVES)
        && !p.is_any(subject, &grammar::DETERMINERS)
        && !p.is_any(subject, &INTRODUCTORY)
        && (looks_finite(p, verb)
            // ("It works, she said": a pronoun's verb in the present.)
            || Pronoun::parse(p.lower(subject)).is_some()
                && !p.is_capitalized(verb)
                && p.lower(verb).ends_with('s'))
}

/// Whether the rest of the sentence from `k` is only prepositional phrases
/// ("said from his office in Dover", "said on Monday at the port"), with
/// no clause of their own: the cue's clause then ends the sentence.
pub(super) fn only_adverbials(p: &Para, k: usize, end: usize) -> bool {
    k < end
        && p.is_any(k, &grammar::PREPOSITIONS)
        // "bragged about his success": what the cue is about is its content.
        && !p.is_any(k, &["about", "of", "to"])
        && (k..end).all(|t| {
            p.kind(t).is_terminal()
                || matches!(
                    p.kind(t),
                    Kind::Word | Kind::Number | Kind::Possessive | Kind::Comma
                ) && !p.inside_quote(t)
                    && !looks_finite(p, t)
                    && !p.lower(t).ends_with("ing")
                    && !p.is_any(t, &["that", "which", "who", "whom", "where", "when", "as"])
        })
}

/// A present-tense verb taking an infinitive ("the city plans to
/// rebuild", "she wants to run"), which no suffix marks as finite.
fn verb_before_infinitive(p: &Para, v: usize) -> bool {
    v + 2 < p.len()
        && p.is_word(v)
        && !p.is_capitalized(v)
        && p.lower(v).ends_with('s')
        && !p.lower(v).ends_with("ss")
        && p.is_any(v + 1, &["to"])
        && p.is_word(v + 2)
        && !p.is_capitalized(v + 2)
        && !p.is_any(v + 2, &grammar::DETERMINERS)
}

/// Token range covering a byte range.
pub(super) fn token_range(p: &Para, bytes: Range<usize>) -> Range<usize> {
    let start = p
        .tokens()
        .partition_point(|t| (t.start as usize) < bytes.start);
    let end = p
        .tokens()
        .partition_point(|t| (t.end as usize) <= bytes.end);
    start..end
}

/// "on CNN's “New Day”", "the founder of “Friends of the Harbour”": a
/// quote in title case after a possessive or a preposition names a work
/// or a group; it quotes no one.
pub(super) fn names_a_work(p: &Para, quote: &Quote) -> bool {
    let Some(open) = quote.open else { return false };
    open > 0
        && (p.kind(open - 1) == Kind::Possessive || p.is_any(open - 1, &grammar::PREPOSITIONS))
        && in_title_case(p, quote)
}

/// Quotes wholly inside reported speech are partial quotes of the same source.
pub(super) fn partials_inside(
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
            && !names_a_work(p, quote)
            && let Some(content) = quote_content(p, quote)
        {
            quote_used[q] = true;
            findings
                .claims
                .push(claim(ClaimKind::Partial, content, Some(q)));
        }
    }
}

/// Cues of promising or threatening that take "to" and an infinitive as their content: "vowed to fight", "threatened to leave".
static PROMISE_CUES: crate::vocabulary::WordSet = crate::vocabulary::word_set!("promise_cues");
