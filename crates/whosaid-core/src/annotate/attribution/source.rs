//! The source of a reporting clause as written: the noun phrase before or
//! after its cue, across asides and appositives, or the sentence's subject.

use std::ops::Range;

use super::Findings;
use super::clause::{channel_phrase, introductory_time};
use super::content::trim;
use crate::annotate::countries;
use crate::annotate::grammar::{self, Pronoun, WordSet, time_phrase};
use crate::annotate::lexicon::{CueClass, TitleKind, lexicon};
use crate::annotate::mentions::{self, Mention, MentionKind};
use crate::annotate::para::Para;
use crate::annotate::token::Kind;

/// Skips words that can stand between a subject and its verb, leftwards:
/// "has also", "did not". Returns the first token of that run (or `cue`).
/// Longest time phrase between an auxiliary and its verb, in tokens.
const MAX_TIME_AFTER_AUXILIARY: usize = 4;

pub(super) fn skip_auxiliaries_left(p: &Para, cue: usize, floor: usize) -> usize {
    let mut i = cue;
    while i > floor {
        let t = i - 1;
        if p.inside_quote(t) || !(p.kind(t).is_wordlike() || p.kind(t) == Kind::Possessive) {
            break;
        }
        // "has in the past said", "had last week said": a time between the
        // auxiliary and the cue.
        if let Some(when) =
            (i.saturating_sub(MAX_TIME_AFTER_AUXILIARY).max(floor + 1)..i).find(|&s| {
                grammar::AUXILIARIES.contains(p.lower(s - 1))
                    && grammar::time_phrase(p, s, i) == Some(i)
            })
        {
            i = when;
            continue;
        }
        let lower = p.lower(t);
        // "he all but accused …": an adverb, not a connective.
        if lower == "but" && t > floor + 1 && p.lower(t - 1) == "all" && !p.is_capitalized(t - 1) {
            i = t - 1;
            continue;
        }
        let adverb = lower.ends_with("ly")
            && !p.is_capitalized(t)
            && lower.len() > 4
            && !matches!(lower, "only" | "family" | "ally" | "italy");
        // "USA Today reports": capitalized after a capitalized word, it is
        // part of a name, not "today".
        let in_name = p.is_capitalized(t) && t > floor && p.is_capitalized(t - 1);
        // "have both urged", "all said": a floating quantifier after the subject.
        let floating = p.is_any(t, &FLOATING_QUANTIFIERS) && !p.is_capitalized(t) && t > floor;
        // "traders here said", "dealers there said": where the source is.
        let place = p.is_any(t, &["here", "there"])
            && !p.is_capitalized(t)
            && t > floor
            && p.is_word(t - 1)
            && p.lower(t - 1).ends_with('s');
        if (grammar::AUXILIARIES.contains(lower) || floating || place)
            && !in_name
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
pub(super) fn is_comma_like(p: &Para, t: usize) -> bool {
    p.kind(t) == Kind::Comma
        || (p.quotes.closing_at(t).is_some() && t > 0 && p.kind(t - 1) == Kind::Comma)
}

/// Longest source phrase looked for, in tokens: bounds every scan, so that
/// a sentence of thousands of words costs no more per cue than a short one.
pub(super) const MAX_PHRASE_TOKENS: usize = 48;

/// Auxiliaries and forms of "be" and "have": a noun phrase never holds one.
pub(super) static FINITE_VERBS: WordSet = crate::vocabulary::word_set!("finite_verbs");

/// An auxiliary or a form of "be" or "have", but not a given name that
/// spells one beside a name ("Will Doyle", "Aye Myint May").
pub(super) fn is_finite_verb(p: &Para, t: usize) -> bool {
    p.is_any(t, &FINITE_VERBS) && !(p.is_capitalized(t) && p.is_name_word(t))
}

/// A word that reads as a verb with a subject: a finite form from the list,
/// or a lower-case past form ("collapsed").
pub(super) fn looks_finite(p: &Para, t: usize) -> bool {
    is_finite_verb(p, t)
        || p.is_word(t)
            && !p.is_capitalized(t)
            && (p.lower(t).ends_with("ed") || grammar::IRREGULAR_PAST.contains(p.lower(t)))
}

/// Between two commas after a subject, the next word is its verb
/// ("feels", "remains"), unless it opens something else ("however").
pub(super) fn opens_predicate(p: &Para, verb: usize) -> bool {
    looks_finite(p, verb)
        || p.is_word(verb)
            && !p.is_capitalized(verb)
            && p.lower(verb).ends_with('s')
            && !p.is_any(verb, &grammar::CONNECTIVES)
            && !p.is_any(verb, &grammar::PREPOSITIONS)
            && !p.is_any(verb, &grammar::DETERMINERS)
            && Pronoun::parse(p.lower(verb)).is_none()
}

/// Quantifiers that may stand between a subject and its verb ("both", "all").
static FLOATING_QUANTIFIERS: WordSet = crate::vocabulary::word_set!("floating_quantifiers");

/// Longest stretch from a relative pronoun to a verb of its clause, in tokens.
const RELATIVE_REACH: usize = 4;

/// The relative pronoun ("who", "that") a few words before the verb at `t`,
/// after a noun ("worshipper who did"), or after "and" following one
/// ("… who prayed there and who did"): where its clause starts.
fn relative_before(p: &Para, t: usize, floor: usize) -> Option<usize> {
    let who = (t.saturating_sub(RELATIVE_REACH).max(floor + 1)..t)
        .rev()
        .take_while(|&k| p.is_word(k) && !p.inside_quote(k))
        .find(|&k| p.is_any(k, &["who", "that"]))?;
    let before = who.checked_sub(1).filter(|&b| b >= floor)?;
    if p.is_any(before, &["and"]) {
        return Some(before);
    }
    (p.is_word(before)
        && !p.is_any(before, &grammar::CLAUSE_OPENERS)
        && !p.is_any(before, &grammar::PREPOSITIONS))
    .then_some(who)
}

/// Longest relative aside left open before a cue, in tokens.
const MAX_OPEN_RELATIVE: usize = 16;

/// "Ana Ruiz, who was at the meeting told reporters": the "who" of a
/// relative clause after a name and its comma, running up to `end` (the
/// cue's auxiliaries) with a finite verb of its own, no cue and no other
/// punctuation.
fn open_relative_aside(p: &Para, end: usize, floor: usize) -> Option<usize> {
    let who = (end.saturating_sub(MAX_OPEN_RELATIVE).max(floor + 2)..end)
        .rev()
        .take_while(|&k| {
            (p.is_word(k) || matches!(p.kind(k), Kind::Number | Kind::Possessive))
                && !p.inside_quote(k)
                && lexicon().cue(p.lower(k)).is_none()
        })
        .find(|&k| p.is_any(k, &["who"]))?;
    // ("Ryan, who used the words when asked if …": a participle after
    // "when" has no subject; it is the aside's own.)
    (p.kind(who - 1) == Kind::Comma
        && mentions::is_name_word(p, who - 2)
        && !p.is_any(end - 1, &["when", "if", "once", "while", "after", "before"])
        && (who + 1..end).any(|k| looks_finite(p, k)))
    .then_some(who)
}

/// Openers of introductory phrases: "During his attack, Mateen said …" has
/// no content before its comma.
pub(super) static INTRODUCTORY: WordSet = crate::vocabulary::word_set!("introductory_openers");

/// The noun phrase that ends just before `end`, scanning left no further than `floor`.
/// The first of the capitalized words that run up to `end`, not before `floor`.
/// Where a list of capitalized names joined by commas ("Dover, Tidewell")
/// that ends at `end` starts.
fn place_list_start(p: &Para, end: usize, floor: usize) -> Option<usize> {
    let mut first = capitalized_run_start(p, end, floor)?;
    while first >= floor + 2
        && p.kind(first - 1) == Kind::Comma
        && p.is_capitalized(first - 2)
        && let Some(before) = capitalized_run_start(p, first - 1, floor)
    {
        first = before;
    }
    Some(first)
}

fn capitalized_run_start(p: &Para, end: usize, floor: usize) -> Option<usize> {
    (floor..end)
        .rev()
        .take_while(|&t| p.is_word(t) && p.is_capitalized(t))
        .last()
}

/// "One delegate describing the split said": whether the participle at `t`
/// follows the phrase's noun (not a preposition, auxiliary, article,
/// pronoun, connective, adverb or cue: "after describing", "was
/// describing", "repeatedly describing") with no verb between it and `end`,
/// so that it is the phrase's, not a verb of its own.
pub(super) fn participle_in_phrase(p: &Para, t: usize, floor: usize, end: usize) -> bool {
    t > floor
        && p.lower(t).ends_with("ing")
        && p.is_word(t - 1)
        && !p.is_any(t - 1, &grammar::PREPOSITIONS)
        && !p.is_any(t - 1, &grammar::AUXILIARIES)
        && !p.is_any(t - 1, &grammar::DETERMINERS)
        && !p.is_any(t - 1, &grammar::CONNECTIVES)
        && !p.is_any(
            t - 1,
            &["and", "or", "but", "while", "when", "after", "before", "by"],
        )
        && !p.lower(t - 1).ends_with("ly")
        && Pronoun::parse(p.lower(t - 1)).is_none()
        && lexicon().cue(p.lower(t - 1)).is_none()
        && (t + 1..end).all(|k| {
            p.kind(k).is_wordlike()
                && (!is_finite_verb(p, k) || p.is_any(k - 1, &grammar::DETERMINERS))
        })
}

/// Whether the "and" at `and` joins two words of an institution's name: the
/// capitalized words before it follow the name's head and a preposition
/// ("the Organisation for Trade and Development", "the Ministry of Science
/// and Technology"), and a capitalized word follows it.
fn joins_institution_name(p: &Para, and: usize, floor: usize) -> bool {
    if and + 1 >= p.len() || !p.is_capitalized(and + 1) {
        return false;
    }
    // ("the Labour MP for Castlemoor and Lea": an office's area.)
    capitalized_run_start(p, and, floor).is_some_and(|first| {
        first >= floor + 2
            && p.is_any(first - 1, &["for", "of", "on"])
            && (p.is_capitalized(first - 2) && lexicon().is_organization_head(p.lower(first - 2))
                // "Minister of Mines and Energy Subroto" (not "the Secretary
                // of State and Ana Ruiz": a person after "and").
                || (p.is_any(first - 1, &["for"])
                    || p.is_any(first - 1, &["of"])
                        && lexicon().given_name(p.word(and + 1)).is_none())
                    && p.title(first - 2)
                        .is_some_and(|title| title.kind == TitleKind::Title))
    })
}

/// Most capitalized words on either side of an "and" inside a body's name.
const MAX_NAME_CONJUNCT: usize = 3;

/// "the Steel and Iron Association said", "a Taiwan Steel and Iron
/// Association official said", "the Agriculture and Commerce Departments":
/// "and" between capitalized words of one body's name, which a head noun
/// ("Association", "Departments") ends. Not between two names ("Ruiz and
/// the Harbour Council", "IBM and Harbour Bank", "Reuters and Harbour
/// Bank"): the words before "and" name no person, body or office.
fn joins_organization_words(p: &Para, and: usize, floor: usize, end: usize) -> bool {
    let lexicon = lexicon();
    let after = (and + 1..end)
        .take_while(|&t| p.is_word(t) && p.is_capitalized(t))
        .take(MAX_NAME_CONJUNCT + 1)
        .last();
    let head = after.filter(|&last| {
        last > and + 1
            && lexicon.is_organization_head(p.lower(last).trim_end_matches('s'))
            && lexicon.given_name(p.word(and + 1)).is_none()
    });
    let Some(first) = capitalized_run_start(p, and, floor) else {
        return false;
    };
    let plain_name_word = |t: usize| {
        let word = p.word(t);
        // ("Agriculture" may open an office, but is no title alone.)
        p.title(t)
            .is_none_or(|title| title.kind == TitleKind::Modifier)
            && lexicon.given_name(word).is_none()
            && !lexicon.is_one_word_organization(word)
            && !lexicon.is_organization_head(p.lower(t))
            && word.chars().any(char::is_lowercase)
    };
    head.is_some() && and - first <= MAX_NAME_CONJUNCT && (first..and).all(plain_name_word)
}

/// "the General Compact on Fisheries and Ferries (GCFF) said": "and" inside a
/// name whose initials the acronym in brackets after it spells.
fn joins_acronym_name(p: &Para, and: usize, floor: usize, end: usize) -> bool {
    let Some(last) = (and + 1..end)
        .take_while(|&t| p.is_word(t) && p.is_capitalized(t))
        .last()
    else {
        return false;
    };
    last + 3 < end
        && mentions::name_spelled_by_acronym(p, last + 3, floor).is_some_and(|start| start < and)
}

/// "Harlow and Vane's Corp said", "Tate and Rook Co said", "Harbour and
/// Co said": "and" between capitalized words of a firm's name that ends
/// with its suffix.
fn joins_firm_name(p: &Para, and: usize, end: usize) -> bool {
    and > 0
        && p.is_capitalized(and - 1)
        && (and + 1..end)
            .take_while(|&t| p.is_capitalized(t) || p.kind(t) == Kind::Possessive)
            .last()
            .is_some_and(|last| {
                let suffix = crate::annotate::coref::COMPANY_SUFFIXES
                    .contains(p.lower(last).trim_end_matches('.'));
                // ("Harbour and Co", "Vell and Sons": the partners, one word.)
                let partners = last == and + 1
                    && (suffix || p.is_any(last, &["company", "sons", "partners", "associates"]));
                last > and + 1 && suffix || partners
            })
}

/// "Trade and Industry Secretary Ilse Varga said": "and" between the
/// capitalized words of an office that a title ends (not "Tom Ruiz and
/// Energy Secretary Ilse Varga": a person before "and").
fn joins_office_name(p: &Para, and: usize, floor: usize, end: usize) -> bool {
    if and == 0
        || and + 2 >= end
        || !p.is_capitalized(and - 1)
        || lexicon().given_name(p.word(and + 1)).is_some()
    {
        return false;
    }
    let is_title = |t: usize| {
        p.title(t)
            .is_some_and(|title| title.kind == TitleKind::Title)
    };
    // ("Mr. Rubio and Senator Ted Cruz": a title right after "and" is a person's.)
    let Some(title) = (and + 2..end)
        .take_while(|&t| p.is_word(t) && p.is_capitalized(t))
        .take(4)
        .find(|&t| is_title(t))
    else {
        return false;
    };
    // ("Lindqvist and Riksbank Governor Ana Holt": an office
    // names its area.)
    let office_area = |t: usize| mentions::OFFICE_AREAS.contains(p.word(t));
    !(and + 1..title).any(is_title)
        && capitalized_run_start(p, and, floor).is_some_and(|first| {
            and - first <= 2
                && (first..title).any(office_area)
                && (first..and).all(|t| lexicon().given_name(p.word(t)).is_none() && !is_title(t))
        })
}

/// "an analyst of regional weather and harvest conditions said", "a professor of
/// history and politics said": "and" inside what a role is of (not "the
/// head of the union and the mayor": a second source).
fn joins_role_complement(p: &Para, and: usize, floor: usize) -> bool {
    let plain = |t: usize| p.is_word(t) && !p.is_capitalized(t);
    if and + 1 >= p.len() || !plain(and + 1) || p.is_any(and + 1, &grammar::DETERMINERS) {
        return false;
    }
    let Some(of) = (floor.max(and.saturating_sub(4))..and)
        .rev()
        .take_while(|&t| plain(t))
        .find(|&t| p.is_any(t, &["of"]))
    else {
        return false;
    };
    // An article opens the role ("an analyst", "a senior fellow"): after a
    // name, "Ana Ruiz, head of research and planning for …" is an aside.
    let article = (of.saturating_sub(3).max(floor)..of - 1)
        .rev()
        .take_while(|&t| plain(t))
        .any(|t| p.is_any(t, &["a", "an", "one", "another"]));
    of > floor
        && of + 1 < and
        && article
        && p.title(of - 1)
            .is_some_and(|title| title.kind == TitleKind::Title)
}

/// Most words between two titles joined by "and" ("president and Tidewell
/// branch manager").
const MAX_TITLE_MODIFIERS: usize = 3;

/// "senior vice president and Tidewell branch manager of Harbour Bank Tom
/// Vell said": two titles of one person joined by "and" (not "the mayor
/// and the harbour master", two people with their own articles).
fn joins_titles(p: &Para, and: usize, end: usize) -> bool {
    let is_title = |t: usize| {
        p.is_word(t)
            && p.title(t)
                .is_some_and(|title| title.kind == TitleKind::Title)
    };
    and >= 1
        && and + 1 < end
        && is_title(and - 1)
        && !p.is_any(and + 1, &grammar::DETERMINERS)
        && (and + 1..end.min(and + 2 + MAX_TITLE_MODIFIERS))
            .take_while(|&t| p.is_word(t))
            .any(is_title)
}

/// "Marks and Spencer said", "S and P said", "Standard & Poor's said": "and"
/// or "&" inside the name of a known institution, which the capitalized
/// words around it spell out.
fn joins_known_organization_name(p: &Para, and: usize, floor: usize, end: usize) -> bool {
    let Some(last) = (and + 1..end)
        .take_while(|&t| p.is_capitalized(t) || p.kind(t) == Kind::Possessive)
        .filter(|&t| p.is_word(t))
        .last()
    else {
        return false;
    };
    let lexicon = lexicon();
    lexicon.ends_an_organization_name(p.word(last))
        && capitalized_run_start(p, and, floor).is_some_and(|first| {
            let words: Vec<&str> = (first..=last)
                .filter(|&t| p.is_organization_word(t))
                .map(|t| p.word(t))
                .collect();
            // The name must take in the "and", not only the words after it.
            (0..words.len())
                .take_while(|&k| !matches!(words[k], "and" | "&"))
                .any(|k| lexicon.is_organization_name(&words[k..]))
        })
}

/// "Prosecutors in Boston and Chicago said": "and" between two places after
/// a preposition of place, inside the phrase of the people there.
fn joins_places(p: &Para, and: usize, floor: usize) -> bool {
    // ("Voters in Ohio and Tom Hale said": a person after "and".)
    // ("from Dover, Ashby and elsewhere": the list may end vaguely.)
    if and + 1 >= p.len()
        || !(p.is_capitalized(and + 1) || p.is_any(and + 1, &["elsewhere"]))
        || lexicon().given_name(p.word(and + 1)).is_some()
    {
        return false;
    }
    place_list_start(p, and, floor).is_some_and(|first| {
        first >= floor + 2
            && p.is_any(first - 1, &["in", "from", "at", "across"])
            && p.is_word(first - 2)
            && (!p.is_capitalized(first - 2) || first - 2 == p.sentence_of(first - 2).start)
            && lexicon().cue(p.lower(first - 2)).is_none()
    })
}

/// Whether the comma at `t` is one of a list of places after "in" or
/// "from", which "and" ends before `end`: "from Dover, Tidewell and Ashby".
fn comma_in_place_list(p: &Para, t: usize, end: usize, floor: usize) -> bool {
    t > floor
        && t + 1 < end
        && p.is_capitalized(t - 1)
        && p.is_capitalized(t + 1)
        && (t + 1..end)
            .take_while(|&w| p.is_capitalized(w) || p.kind(w) == Kind::Comma)
            .last()
            .is_some_and(|last| last + 1 < end && p.is_any(last + 1, &["and"]))
        && place_list_start(p, t, floor).is_some_and(|first| {
            first >= floor + 2
                && p.is_any(first - 1, &["in", "from"])
                && p.is_word(first - 2)
                && !p.is_capitalized(first - 2)
                && lexicon().cue(p.lower(first - 2)).is_none()
        })
}

/// Words before an article inside one phrase ("all the", "double the").
static PREDETERMINERS: WordSet = crate::vocabulary::word_set!("predeterminers");

/// "The vote keeps in place a mayor who said": an article after a word
/// that neither links it to what stands before (a preposition, "and", a
/// quantifier, a participle: "head of a group", "all the officials", "an
/// official representing a firm") nor is capitalized opens the phrase.
pub(super) fn article_opens_phrase(p: &Para, article: usize, floor: usize) -> bool {
    article > floor
        && p.is_any(article, &["a", "an", "the"])
        && p.is_word(article - 1)
        && !p.is_capitalized(article - 1)
        && !p.is_any(article - 1, &grammar::PREPOSITIONS)
        && !p.is_any(article - 1, &grammar::CLAUSE_OPENERS)
        && !p.is_any(article - 1, &PREDETERMINERS)
        // "An official representing a grain company": a participle's object.
        && !p.lower(article - 1).ends_with("ing")
        && !p.lower(article - 1).ends_with("ed")
}

pub(super) fn noun_phrase_left(p: &Para, end: usize, floor: usize) -> Option<Range<usize>> {
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
                // ("IT firm Datawell", "US officials": an acronym, not "it" or "us".)
                let acronym = p.word(t).len() > 1 && !p.word(t).chars().any(char::is_lowercase);
                if depth == 0
                    && start < end
                    && p.is_word(t)
                    && !acronym
                    && Pronoun::parse(p.lower(t)).is_some()
                {
                    break;
                }
                // "As the dollar fell against the yen today traders said": a
                // day word ends the clause before the source.
                if depth == 0
                    && start < end
                    && p.is_any(t, &["today", "yesterday", "tonight"])
                    && !p.is_capitalized(t)
                    // ("present at today's meeting")
                    && p.kind(t + 1) != Kind::Possessive
                {
                    break;
                }
                if depth == 0 && start < end && present_verb_after_speaker(p, t, floor) {
                    break;
                }
                if depth == 0 && is_finite_verb(p, t) {
                    // "Another worshipper who did not want to be named
                    // said": a verb inside a relative clause of the phrase.
                    // ("Groups that have endorsed him say": "that" too,
                    // after a noun for people or a body.)
                    match relative_before(p, t, floor) {
                        Some(relative)
                            if p.is_any(relative, &["that"]) && speaker_noun(p, relative - 1) =>
                        {
                            start = relative;
                            continue;
                        }
                        Some(relative) => {
                            start = relative + 1;
                            continue;
                        }
                        None => break,
                    }
                }
                // "was echoed by former Gov. Martin O'Malley, who noted": the
                // agent of a passive verb, not part of the phrase.
                if depth == 0
                    && start < end
                    && lower_is(p, t, "by")
                    && t > floor
                    && !p.is_capitalized(t - 1)
                    && p.lower(t - 1).ends_with("ed")
                {
                    break;
                }
                if depth == 0 {
                    let lower = p.lower(t);
                    // "Current and former officials who spoke with the Herald said":
                    // a relative clause inside the source.
                    let relative = lower == "who"
                        && t > floor
                        && p.kind(t - 1) == Kind::Word
                        && !p.is_any(t - 1, &grammar::CLAUSE_OPENERS);
                    let opener = !relative
                        && grammar::CLAUSE_OPENERS.contains(lower)
                        && !(lower == "and"
                            && (joins_institution_name(p, t, floor)
                                || joins_places(p, t, floor)
                                || joins_firm_name(p, t, end)
                                || joins_organization_words(p, t, floor, end)
                                || joins_acronym_name(p, t, floor, end)
                                || joins_known_organization_name(p, t, floor, end)
                                || joins_office_name(p, t, floor, end)
                                || joins_role_complement(p, t, floor)
                                || joins_titles(p, t, end)))
                        && !(lower == "that"
                            && t + 1 < end
                            && p.is_any(t + 1, &["source", "official", "person"]));
                    // ("A clerk who asked not to be named in print said": the request
                    // is inside the phrase.)
                    let asks_anonymity = super::clause::asks_anonymity(p, t)
                        && relative_before(p, t, floor).is_some();
                    let cue = lexicon.cue(lower).is_some()
                        && !NOUN_CUES.contains(lower)
                        && !asks_anonymity
                        && !participle_in_phrase(p, t, floor, end);
                    if opener || cue {
                        break;
                    }
                }
            }
            Kind::Other if depth > 0 => {}
            // ("70% of respondents said", "49% said": a percentage that
            // heads the phrase, not one inside what came before it.)
            Kind::Other
                if t > floor
                    && p.kind(t - 1) == Kind::Number
                    && p.is_percent(t)
                    && (t + 1 == end || p.is_any(t + 1, &["of"])) => {}
            // ("Harlow & Vane said": a firm's name; people are joined by "and".)
            Kind::Other
                if p.is_ampersand(t)
                    && t > floor
                    && p.is_capitalized(t - 1)
                    && p.is_capitalized(t + 1) => {}
            _ if depth > 0 => {}
            // ("Police chiefs from Dover, Tidewell and Ashby said": a list of
            // places inside the phrase.)
            Kind::Comma if comma_in_place_list(p, t, end, floor) => {}
            _ => break,
        }
        start = t;
    }
    // Leading bracket left open by the scan.
    while start < end && matches!(p.kind(start), Kind::CloseParen) {
        start += 1;
    }
    // A sentence adverb or time phrase before the phrase: "Later the
    // minister said", "Earlier on Tuesday congressional leaders said".
    loop {
        if start + 1 < end && p.is_word(start) && p.is_any(start, &grammar::SENTENCE_ADVERBS) {
            start += 1;
        } else if let Some(after) = time_phrase(p, start, end).filter(|&after| after < end) {
            start = after;
        } else {
            break;
        }
    }
    // A phrase led by a preposition ("After the talks Merz said"): keep its last name or noun phrase.
    // ("About 60 percent of voters said" is a quantity, not a preposition.)
    // ("Speaking in Harrogate Mr Kennedy said": so too a participle
    // opening the sentence.)
    let opening_participle = start == floor
        && end - start >= 3
        && p.is_word(start)
        && p.lower(start).ends_with("ing")
        && p.is_any(start + 1, &grammar::PREPOSITIONS);
    if start < end
        && (grammar::PREPOSITIONS.contains(p.lower(start)) || opening_participle)
        && p.is_word(start)
        && !approximate_quantity(p, start, end)
    {
        // ("In a statement the company said": the phrase's own determiner,
        // when the phrase opens the sentence and a speaker's noun ends it.)
        let determiner = Some(after_opening_phrase(p, start..end))
            .filter(|np| {
                start == floor
                    && np.start > start
                    && (headed_by_speaker_noun(p, np.clone())
                        || np.end > np.start && p.title(np.end - 1).is_some())
            })
            .map_or(start, |np| np.start);
        let mut k = end;
        while k > start + 1 && (mentions::is_name_word(p, k - 1) || p.title(k - 1).is_some()) {
            k -= 1;
        }
        // ("In Harrogate Mr Kennedy said": the place before an honorific is
        // the phrase's.)
        if let Some(honorific) = (k + 1..end.saturating_sub(1)).find(|&t| {
            p.title(t)
                .is_some_and(|title| title.kind == TitleKind::Honorific)
        }) {
            k = honorific;
        }
        if determiner > start {
            start = determiner.min(k);
        } else if k < end {
            start = k;
        } else {
            return None;
        }
    }
    (start < end).then_some(start..end)
}

/// "About 60 percent", "at least half": a quantity at `start`, ending by
/// `end`, that opens with a preposition.
pub(super) fn approximate_quantity(p: &Para, start: usize, end: usize) -> bool {
    let quantity =
        |t: usize| t < end && (p.kind(t) == Kind::Number || p.is_any(t, &QUANTITY_WORDS));
    start + 1 < end
        && (p.is_any(start, &grammar::APPROXIMATORS) && quantity(start + 1)
            || p.is_any(start, &["at"])
                && p.is_any(start + 1, &["least", "most"])
                && quantity(start + 2)
            // "said as many as 40 ferries …"
            || p.is_any(start, &["as"])
                && p.is_any(start + 1, &["many", "much", "few", "little"])
                && p.is_any(start + 2, &["as"])
                && quantity(start + 3))
}

fn lower_is(p: &Para, t: usize, word: &str) -> bool {
    p.is_word(t) && p.lower(t) == word
}

fn word_count_between(p: &Para, start: usize, end: usize) -> usize {
    (start..end).filter(|&t| p.kind(t).is_wordlike()).count()
}

/// Words of quantity after "about" or "nearly": "about half of voters".
pub(super) static QUANTITY_WORDS: WordSet = crate::vocabulary::word_set!("quantity_words");

/// Party and state after a name: "D-Ill.", "R-Texas".
pub(super) fn is_party_state(p: &Para, range: Range<usize>) -> bool {
    // "R-N.Y." may come as several tokens; it is written without spaces.
    (1..=4).contains(&range.len()) && {
        let text = p.slice(range);
        let mut parts = text.splitn(2, '-');
        matches!(parts.next(), Some("D" | "R" | "I"))
            && parts.next().is_some_and(|state| {
                state.starts_with(char::is_uppercase)
                    && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
            })
    }
}

pub(super) fn is_aside(p: &Para, segment: Range<usize>) -> bool {
    let first = segment.start;
    is_hometown(p, segment.clone())
        || p.is_any(first, &grammar::ASIDE_OPENERS)
            // ("…, after the allies intervened, writes Hale": a clause of
            // time is content, "…, after a long pause, said" an aside.)
            && !(p.is_any(first, &["before", "after"]) && segment.clone().any(|t| looks_finite(p, t)))
        || p.is_word(first) && !p.is_capitalized(first) && p.lower(first).ends_with("ing")
        // "The aides, led by Terry Sullivan, said", "Hale, asked about the
        // remark by reporters, said": a passive participle and its agent.
        || segment.len() >= 3
            && p.is_word(first)
            && !p.is_capitalized(first)
            && (p.is_any(first + 1, &["by"])
                || p.lower(first).ends_with("ed")
                    && (first + 2..segment.end).any(|t| p.is_any(t, &["by"])))
        // "Powell's office, when contacted by Reuters, said", "…, if
        // elected, would": a subordinator and a participle, no subject.
        || segment.len() >= 2
            && p.is_any(first, &["when", "while", "if", "once", "unless"])
            && p.is_word(first + 1)
            && !p.is_capitalized(first + 1)
            && (p.lower(first + 1).ends_with("ed") || p.lower(first + 1).ends_with("ing"))
        || p.kind(first) == Kind::Number
        || is_party_state(p, segment.clone())
        || p.quotes.opening_at(first).is_some()
}

/// "Maria Lopez, 43, of Riverton, said": where a person is from, set off
/// by commas ("of" or "from" and a capitalized name).
fn is_hometown(p: &Para, segment: Range<usize>) -> bool {
    (2..=5).contains(&segment.len())
        && p.is_any(segment.start, &["of", "from"])
        && (segment.start + 1..segment.end).all(|t| p.is_capitalized(t))
}

/// Whether `segment` ends with where someone is from: "a driver from Ava".
fn ends_with_hometown(p: &Para, segment: Range<usize>) -> bool {
    let segment = trim(p, segment);
    (segment.start..segment.end)
        .rev()
        .take_while(|&t| p.is_capitalized(t) || p.is_any(t, &["from"]))
        .find(|&t| p.is_any(t, &["from"]))
        .is_some_and(|opener| is_hometown(p, opener..segment.end))
}

/// Longest aside set off by dashes after a cue, in words.
const MAX_DASHED_ASIDE: usize = 3;

/// "- again falsely -" at `k`: a few lower-case words with no verb between
/// two dashes. Returns where the words after the second dash start.
pub(super) fn dashed_adverb_aside(p: &Para, k: usize, end: usize) -> Option<usize> {
    if p.kind(k) != Kind::Dash {
        return None;
    }
    let close = (k + 1..end.min(k + 2 + MAX_DASHED_ASIDE)).find(|&t| !p.is_word(t))?;
    let words = k + 1..close;
    (close > k + 1
        && close + 1 < end
        && p.kind(close) == Kind::Dash
        && words
            .clone()
            .all(|t| !p.is_capitalized(t) && !looks_finite(p, t)))
    .then_some(close + 1)
}

/// Whether the dash at `t` opens or closes an aside of
/// [`dashed_adverb_aside`].
fn in_dashed_aside(p: &Para, t: usize) -> bool {
    dashed_adverb_aside(p, t, p.len()).is_some()
        || (t.saturating_sub(MAX_DASHED_ASIDE + 1)..t.saturating_sub(1))
            .any(|open| dashed_adverb_aside(p, open, p.len()) == Some(t + 1))
}

/// Segments of `floor..end` split at commas outside quotes and brackets.
pub(super) fn comma_segments(p: &Para, floor: usize, end: usize) -> Vec<Range<usize>> {
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
        }
        // A semicolon, colon or dash ends the first segment (not a dash of
        // "- again falsely -").
        if t == floor
            || matches!(p.kind(t), Kind::Semicolon | Kind::Colon | Kind::Dash)
                && !p.inside_quote(t)
                && depth == 0
                && !(p.kind(t) == Kind::Dash && in_dashed_aside(p, t))
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

/// Whether the comma segments `role` and `name` are a role alone and then
/// the person it describes: "Regional Transport Minister, Tom Hale, said".
pub(super) fn role_then_name(p: &Para, role: Range<usize>, name: Range<usize>) -> bool {
    is_bare_role(p, trim(p, role)) && opens_a_name(p, trim(p, name).start)
}

/// Whether `segment` is a role in capitals with no name in it: its last word
/// a title ("Regional Transport Minister", "Norway's Oil Minister"), and no
/// given name.
/// ("Another pollster", "A longtime aide": or a short description opened
/// by an article.)
fn is_bare_role(p: &Para, segment: Range<usize>) -> bool {
    const MAX_DESCRIPTION: usize = 5;
    let described = segment.len() <= MAX_DESCRIPTION
        && p.is_any(segment.start, &["a", "an", "another", "one"])
        && segment
            .clone()
            .skip(1)
            .all(|t| p.is_word(t) && !p.is_capitalized(t) && !looks_finite(p, t));
    segment.end > segment.start
        && p.title(segment.end - 1)
            .is_some_and(|title| title.kind == TitleKind::Title)
        && (described
            || segment.clone().all(|t| {
                p.kind(t) == Kind::Possessive
                    || p.is_capitalized(t) && lexicon().given_name(p.word(t)).is_none()
            }))
}

/// Whether a person's name opens at `t`: a given name, or an honorific
/// before one ("Sheikh Omar al-Hadi").
fn opens_a_name(p: &Para, t: usize) -> bool {
    let lexicon = lexicon();
    p.is_word(t)
        && (lexicon.given_name(p.word(t)).is_some()
            || p.title(t)
                .is_some_and(|title| title.kind == TitleKind::Honorific)
                && p.is_word(t + 1)
                && lexicon.given_name(p.word(t + 1)).is_some())
}

/// A list of names continuing the segment before: "…including Germany, France and Britain".
pub(super) fn is_list_continuation(
    p: &Para,
    segment: &Range<usize>,
    before: &Range<usize>,
) -> bool {
    !before.is_empty()
        && p.is_capitalized(before.end - 1)
        && segment
            .clone()
            .all(|t| p.is_capitalized(t) || p.is_any(t, &["and", "or"]))
        && segment.clone().any(|t| p.is_any(t, &["and", "or"]))
}

/// A role set off after a name, with no article: "director of Harbour
/// Watch", "chief executive of the port", "Green co-chairman", "Labour MP
/// for Dale". A title in lower case (or an acronym: "MP"), after nothing but
/// capitalized words, and ending the segment or followed by a preposition.
fn is_role_description(p: &Para, segment: Range<usize>) -> bool {
    let is_title = |t: usize| {
        p.is_word(t)
            && p.title(t)
                .is_some_and(|title| title.kind != TitleKind::Honorific)
    };
    if segment.is_empty()
        || segment.len() > 12
        || segment.clone().any(|t| p.is_any(t, &FINITE_VERBS))
    {
        return false;
    }
    // "Ana Ruiz, curator of the museum", "Tom Reed, commercial counselor
    // at the embassy": a lower-case noun (and a modifier) before "of",
    // "for" or "at" heads a role even when no list names it.
    let role_word = |t: usize| {
        p.is_word(t)
            && !p.is_capitalized(t)
            && !p.is_any(t, &grammar::DETERMINERS)
            && !p.is_any(t, &grammar::PREPOSITIONS)
            && !p.lower(t).ends_with("ly")
    };
    let unlisted_role = (segment.start + 1..segment.start + 3).any(|preposition| {
        preposition + 1 < segment.end
            && p.is_any(preposition, &["of", "for", "at"])
            && (segment.start..preposition).all(role_word)
    });
    if unlisted_role {
        return true;
    }
    let title_end_from = |mut t: usize| {
        // "chief executive", not the "of" that the lexicon keeps for "Secretary of State".
        while t < segment.end && is_title(t) && !p.is_any(t, &["of"]) {
            t += 1;
        }
        t
    };
    // "David Frost, Director General of the chamber": a capitalized title
    // opening the segment counts when a preposition follows it.
    if is_title(segment.start) && p.is_capitalized(segment.start) {
        let end = title_end_from(segment.start + 1);
        if end < segment.end && p.is_any(end, &TITLE_PREPOSITIONS) {
            return true;
        }
    }
    let lower_or_acronym =
        |t: usize| !p.is_capitalized(t) || p.word(t).chars().all(|c| c.is_ascii_uppercase());
    let Some(title) = segment
        .clone()
        .find(|&t| is_title(t) && lower_or_acronym(t))
    else {
        return false;
    };
    let title_end = title_end_from(title + 1);
    (segment.start..title).all(|t| p.is_capitalized(t))
        && (title_end == segment.end || p.is_any(title_end, &TITLE_PREPOSITIONS))
}

/// The subject of a cue whose source comes before it, when a comma stands
/// between them: skips asides ("Kerry, who lost, said"), keeps lists
/// ("… Germany, France and Britain, said"). Returns the source tokens and the
/// first token of the clause.
pub(super) fn subject_across_asides(
    p: &Para,
    comma_end: usize,
    floor: usize,
) -> Option<(Range<usize>, usize, Option<Range<usize>>)> {
    let floor = floor.max(comma_end.saturating_sub(2 * MAX_PHRASE_TOKENS));
    let segments = comma_segments(p, floor, comma_end);
    // "However, the dealer, who …, said": a connective or sentence adverb
    // alone before the first comma; the subject starts after it.
    let opener = segments.first().is_some_and(|first| {
        let words = trim(p, first.clone());
        words.len() == 1
            && (p.is_any(words.start, &grammar::CONNECTIVES)
                || p.is_any(words.start, &grammar::SENTENCE_ADVERBS))
    });
    let first_segment = usize::from(opener && segments.len() > 2);
    let mut n = segments.len();
    let mut list_end = None;
    let mut description = None;
    while n > first_segment {
        n -= 1;
        let segment = segments[n].clone();
        // "Dana Vale, a strategist whose agency, Vale Media, made the ads,
        // said": a segment opening with a verb ends a relative clause, and
        // the segments back to its pronoun are one aside.
        let opens_with_verb = segment.start < segment.end
            && p.is_word(segment.start)
            && !p.is_capitalized(segment.start)
            && looks_finite(p, segment.start);
        if opens_with_verb
            && list_end.is_none()
            && let Some(relative) = (first_segment + 1..n).rev().find(|&m| {
                segments[m]
                    .clone()
                    .any(|t| p.is_any(t, &["who", "whose", "which"]))
            })
        {
            n = relative;
            continue;
        }
        if n > 0 && is_list_continuation(p, &segment, &segments[n - 1]) {
            list_end.get_or_insert(segment.end);
            continue;
        }
        // "of Huntsville, Ala., says", "a driver from Ava, Mo., said": the
        // state that ends a hometown.
        let hometown_state = n > 1
            && (1..=3).contains(&segment.len())
            && segment
                .clone()
                .all(|t| p.is_capitalized(t) || !p.is_word(t))
            && (is_hometown(p, segments[n - 1].clone())
                || word_count_between(p, segment.start, segment.end) == 1
                    && ends_with_hometown(p, segments[n - 1].clone()));
        // "Regional Transport Minister, Tom Hale MSP, said": a role alone,
        // then the name it describes.
        if n == 1 && list_end.is_none() && role_then_name(p, segments[0].clone(), segment.clone()) {
            let name = trim(p, segment.clone());
            return Some((name, segments[0].start, Some(trim(p, segments[0].clone()))));
        }
        // "The ministers fled, the official, who spoke …, said": a
        // description right after the clause it reports is the subject.
        // (Not after a name, which it describes: "Arnold, who founded EDGE,
        // an advocacy group, said"; the sentence opens with a clause.)
        let subject_after_clause = n > first_segment
            && p.is_any(segment.start, &["a", "an", "the"])
            && {
                let before = &segments[n - 1];
                let last = before.end.saturating_sub(1);
                before.end > before.start && p.is_word(last) && !p.is_capitalized(last)
            }
            && segments[first_segment].clone().any(|t| looks_finite(p, t));
        // The sentence's first segment is where the subject starts, never an aside.
        if n > first_segment
            && (hometown_state || is_aside(p, segment.clone()))
            && list_end.is_none()
            && !subject_after_clause
        {
            // "a notice that, while regretting the delay, accused …": the
            // relative before the aside stands for the phrase before it.
            let before = trim(p, segments[n - 1].clone());
            if before.len() >= 2 && p.is_any(before.end - 1, &["that", "which", "who"]) {
                let np = noun_phrase_left(p, before.end - 1, before.start)?;
                // ("releasing a statement that": the object, not its verb.)
                let verb_first = np.len() >= 2
                    && !p.is_capitalized(np.start)
                    && (p.lower(np.start).ends_with("ing") || looks_finite(p, np.start));
                let np = if verb_first { np.start + 1..np.end } else { np };
                return Some((np.clone(), np.start, None));
            }
            // "Hugh Hill, a doctor, said": the aside describes the speaker.
            if p.is_any(segment.start, &["a", "an", "the"]) {
                description = Some(trim(p, segment.clone()));
            }
            continue;
        }
        // "Ana Ruiz, director of Harbour Watch, said": a role after a name.
        if n > 0
            && list_end.is_none()
            && segments[n - 1].end > segments[n - 1].start
            && mentions::is_name_word(p, segments[n - 1].end - 1)
            && is_role_description(p, trim(p, segment.clone()))
        {
            description = Some(trim(p, segment.clone()));
            continue;
        }
        let np = noun_phrase_left(p, segment.end, segment.start)?;
        // "Mary Sue, clad in a coat with lights that spelled the name
        // Trump, said": an aside that is no noun phrase (only its tail is)
        // after a name; the name is the subject.
        let first = &segments[0];
        if n > 0
            && list_end.is_none()
            && np.start > segment.start
            && first.len() <= MAX_NAME_SEGMENT
            && names_someone(p, first.clone())
            && first.end > first.start
            && mentions::is_name_word(p, first.end - 1)
        {
            return Some((
                first.clone(),
                first.start,
                Some(trim(p, segments[1].start..segment.end)),
            ));
        }
        let np = with_description_before(p, np, floor);
        let end = list_end.unwrap_or(np.end);
        return Some((np.start..end, np.start, description));
    }
    None
}

/// Longest name, with its title, that opens a sentence before its asides, in tokens.
const MAX_NAME_SEGMENT: usize = 7;

/// "another friend, Mariam Emara told CNN": a short description before a
/// name, set off by a comma, is part of the source.
pub(super) fn with_description_before(p: &Para, np: Range<usize>, floor: usize) -> Range<usize> {
    // ("…, a very competitive price, Soviet sources said": a name, not a
    // plural, is what a description before it describes.)
    if np.start < floor + 2
        || p.kind(np.start - 1) != Kind::Comma
        || !p.is_capitalized(np.start)
        || np
            .clone()
            .rev()
            .find(|&t| p.is_word(t))
            .is_some_and(|t| !p.is_capitalized(t))
    {
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
            && p.title(t)
                .is_some_and(|title| title.kind == TitleKind::Title)
    });
    let described = start < comma
        && (titled
            || p.is_any(start, &DESCRIPTION_DETERMINERS)
                // "However, the firms are struggling, Hedge said": a
                // clause, not a description of Hedge.
                && !(start..comma).any(|t| {
                    p.is_capitalized(t)
                        || lexicon().cue(p.lower(t)).is_some()
                        || looks_finite(p, t)
                }));
    if bounded && described {
        start..np.end
    } else {
        np
    }
}

/// Longest time phrase between a connective and its verb, in tokens.
const MAX_JOINED_TIME: usize = 4;

/// The connective before a time phrase that ends at `verb_start`: "and on
/// Monday", "but last week".
fn connective_before_time(p: &Para, verb_start: usize, floor: usize) -> Option<usize> {
    (verb_start.saturating_sub(MAX_JOINED_TIME + 1).max(floor)..verb_start.saturating_sub(1))
        .rev()
        .find(|&c| {
            p.is_any(c, &["and", "but"])
                && !p.inside_quote(c)
                && grammar::time_phrase(p, c + 1, verb_start) == Some(verb_start)
        })
}

pub(super) enum Subject {
    Phrase(Range<usize>, Option<Range<usize>>),
    /// "…, and added": the subject of the previous clause.
    Coordinated,
}

/// Whether the word at `t` closes a longer phrase ("many others", "lobbyists
/// and others") rather than standing alone ("But others said", "…, and
/// others said").
fn ends_a_phrase(p: &Para, t: usize, sentence_start: usize) -> bool {
    if t == sentence_start || !p.is_word(t - 1) {
        return false;
    }
    let opens_the_clause = t - 1 == sentence_start || !p.is_word(t - 2);
    !(p.is_any(t - 1, &grammar::CONNECTIVES) && opens_the_clause)
}

/// The source of a cue written before it. `front` is where the clause starts.
pub(super) fn subject_left(
    p: &Para,
    cue: usize,
    sentence: &Range<usize>,
) -> Option<(Subject, usize)> {
    let aux_start = skip_auxiliaries_left(p, cue, sentence.start);
    if aux_start == sentence.start {
        return None;
    }
    let t = aux_start - 1;
    if p.inside_quote(t) && !is_comma_like(p, t) {
        return None;
    }
    // "… but on Wednesday said …": a time phrase between the connective
    // and the verb it joins.
    if let Some(connective) = connective_before_time(p, aux_start, sentence.start) {
        return Some((Subject::Coordinated, connective));
    }
    if p.is_word(t) {
        let lower = p.lower(t);
        let partitive = grammar::SINGLE_MEMBER_SOURCES.contains(lower)
            || grammar::PARTITIVE_SOURCES.contains(lower);
        if Pronoun::parse(lower).is_some() || partitive && !ends_a_phrase(p, t, sentence.start) {
            let front = if t > sentence.start && p.is_any(t - 1, &grammar::CONNECTIVES) {
                t - 1
            } else {
                t
            };
            return Some((Subject::Phrase(t..t + 1, None), front));
        }
        // "The tenants, many of whom said …": some of the phrase before.
        if lower == "whom"
            && t >= sentence.start + 3
            && p.kind(t - 3) == Kind::Comma
            && counted_relative(p, t - 2)
        {
            let np = noun_phrase_left(p, t - 3, sentence.start)?;
            return Some((Subject::Phrase(np.clone(), None), np.start));
        }
        if matches!(lower, "who" | "which") {
            // "Zelenskiy, who earlier called …": the phrase before the relative.
            let before = if t > sentence.start && p.kind(t - 1) == Kind::Comma {
                t - 1
            } else {
                t
            };
            // ("The question was from a child, who said": after a verb, the
            // object of the preposition the phrase opens with.)
            let np = noun_phrase_left(p, before, sentence.start).or_else(|| {
                let preposition = (sentence.start..before)
                    .rev()
                    .take(MAX_OBJECT_BEFORE_RELATIVE)
                    .take_while(|&t| p.is_word(t))
                    .find(|&t| p.is_any(t, &grammar::PREPOSITIONS))
                    .filter(|&t| t > sentence.start && is_finite_verb(p, t - 1))?;
                noun_phrase_left(p, before, preposition + 1)
            })?;
            let np = agent_of_a_verb_phrase(p, np);
            // (The clause still starts where the phrase does.)
            let front = np.start;
            let np = object_of_last_preposition(p, np);
            return Some((Subject::Phrase(np, None), front));
        }
        if grammar::CONNECTIVES.contains(lower) {
            return Some((Subject::Coordinated, t));
        }
    }
    // "Ana Ruiz, who was at the meeting told reporters": a relative aside
    // after a name, its closing comma left out.
    if let Some(who) = open_relative_aside(p, aux_start, sentence.start) {
        let np = noun_phrase_left(p, who - 1, sentence.start)?;
        return Some((Subject::Phrase(np.clone(), Some(who..aux_start)), np.start));
    }
    // "Maria Lopez (D-Ohio) said": a party and state in brackets after the name.
    if p.kind(t) == Kind::CloseParen
        && t >= sentence.start + 3
        && p.kind(t - 2) == Kind::OpenParen
        && is_party_state(p, t - 1..t)
    {
        let np = noun_phrase_left(p, t - 2, sentence.start)?;
        return Some((Subject::Phrase(np.clone(), None), np.start));
    }
    // "Ilse Brodeur (a nurse at the county hospital) said": a description
    // in brackets after a name.
    if p.kind(t) == Kind::CloseParen
        && let Some(open) = aside_opened_by(p, t, sentence.start, Kind::OpenParen)
        && mentions::is_name_word(p, open - 1)
        && word_count_between(p, open + 1, t) >= 2
    {
        let np = noun_phrase_left(p, open, sentence.start)?;
        return Some((Subject::Phrase(np.clone(), Some(open + 1..t)), np.start));
    }
    if is_comma_like(p, t) {
        let (np, front, description) = subject_across_asides(p, t, sentence.start)?;
        return Some((Subject::Phrase(np, description), front));
    }
    // "Jason Sims — a teacher from Riverton — says": an aside between dashes.
    if p.kind(t) == Kind::Dash
        && let Some(open) = aside_opened_by(p, t, sentence.start, Kind::Dash)
        && word_count_between(p, open + 1, t) >= 1
    {
        let np = noun_phrase_left(p, open, sentence.start)?;
        let description = (open + 1..t)
            .filter(|&d| p.kind(d).is_wordlike())
            .min()
            .map(|first| first..t);
        return Some((Subject::Phrase(np.clone(), description), np.start));
    }
    // "criticised the mayor for saying …", "accused them of claiming …": the
    // one who said it is the phrase before the preposition.
    // ("He was criticised for saying …": the subject of the passive.)
    let end = if p.is_any(t, &["for", "of"]) && p.lower(cue).ends_with("ing") {
        let participle = t >= sentence.start + 2
            && p.is_word(t - 1)
            && !p.is_capitalized(t - 1)
            && (p.lower(t - 1).ends_with("ed") || grammar::IRREGULAR_PAST.contains(p.lower(t - 1)));
        let subject_end = participle.then(|| skip_auxiliaries_left(p, t - 1, sentence.start));
        match subject_end {
            Some(end) if (end..t - 1).any(|k| p.is_any(k, &grammar::BE_FORMS)) => end,
            _ => t,
        }
    } else {
        aux_start
    };
    let np = noun_phrase_left(p, end, sentence.start)?;
    let np = after_zero_relative_head(p, np, cue);
    let np = before_main_verb(p, np, cue);
    let np = with_agent_of_participle(p, np, sentence.start);
    let np = with_coordinated_plurals(p, np, sentence.start);
    let np = with_coordinated_modifier(p, np, sentence.start, cue);
    let np = with_description_before(p, np, sentence.start);
    // ("Clinton, a top aide said, “is confident …”": a cue set off by commas
    // interrupts what the name before it does.)
    let interrupting = cue + 1 < sentence.end && p.kind(cue + 1) == Kind::Comma;
    if !interrupting
        && let Some((name, description)) = name_before_description(p, &np, sentence.start)
    {
        return Some((Subject::Phrase(name.clone(), Some(description)), name.start));
    }
    let front = np.start;
    Some((Subject::Phrase(np, None), front))
}

/// "He saw the files the report said were missing": before a verb of saying
/// whose clause lacks its subject, an article after a noun opens the
/// source; the noun before it heads a relative clause with no "that".
fn after_zero_relative_head(p: &Para, np: Range<usize>, cue: usize) -> Range<usize> {
    let gap_after_cue = cue + 1 < p.len()
        && lexicon().cue(p.lower(cue)) == Some(CueClass::Say)
        && (p.is_any(cue + 1, &grammar::AUXILIARIES) && !p.is_any(cue + 1, &["not", "n't"])
            || looks_finite(p, cue + 1));
    // ("a bunch of counters hooked up …": no phrase ends with a preposition.)
    if !gap_after_cue || np.is_empty() || p.is_any(np.end - 1, &grammar::PREPOSITIONS) {
        return np;
    }
    (np.start + 1..np.end)
        .rev()
        .find(|&t| article_opens_phrase(p, t, np.start) && !looks_finite(p, t - 1))
        .map_or(np.clone(), |article| article..np.end)
}

/// Longest name before a description left open, in tokens.
const MAX_NAME_BEFORE_DESCRIPTION: usize = 5;
/// Longest description left open after a name, in tokens.
const MAX_OPEN_DESCRIPTION: usize = 14;

/// "Tom Hale, a Harbour Corp director and vice president told the Gazette",
/// "Vell, Harbour's vice president for shipping said": a name, a comma
/// and a description with a title, its closing comma left out. Returns the
/// name, which opens the sentence or follows a comma or quote, and the
/// description.
fn name_before_description(
    p: &Para,
    np: &Range<usize>,
    floor: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    // ("In Bangkok, Industry Minister Ana Ruiz said": the phrase names the
    // source itself, a person's name before the cue; not "an economist at
    // Goldman Sachs and Co said", an institution's.)
    let last = np.end.checked_sub(1)?;
    // ("executive partner of Tods Murray": a name after "of" or "at" is
    // where the person works; "analyst at Harbour Bank in London", where
    // they are.)
    let run_start = (np.start..=last)
        .rev()
        .take_while(|&t| p.is_capitalized(t))
        .last()
        .unwrap_or(last);
    let workplace =
        run_start > 0 && p.is_any(run_start - 1, &["of", "at", "for", "with", "in", "from"]);
    let institution = crate::annotate::coref::COMPANY_SUFFIXES
        .contains(p.lower(last).trim_end_matches('.'))
        || lexicon().ends_an_organization_name(p.word(last))
        || workplace;
    // A given name, except inside the workplace ("at Harbour Murray").
    let given_name = |t: usize| {
        p.is_word(t) && lexicon().given_name(p.word(t)).is_some() && !(workplace && t >= run_start)
    };
    let names_itself = np.clone().any(given_name)
        || mentions::is_name_word(p, last) && p.title(last).is_none() && !institution;
    if names_itself {
        return None;
    }
    let comma = (floor..np.start)
        .rev()
        .take(MAX_OPEN_DESCRIPTION)
        .take_while(|&t| {
            matches!(
                p.kind(t),
                Kind::Word | Kind::Possessive | Kind::OpenParen | Kind::CloseParen | Kind::Comma
            ) && !p.inside_quote(t)
        })
        .find(|&t| p.kind(t) == Kind::Comma)
        .filter(|&c| c > floor)?;
    let description = comma + 1..np.end;
    let described = description
        .clone()
        .any(|t| p.is_word(t) && p.title(t).is_some())
        && !description.clone().any(|t| {
            looks_finite(p, t)
                || given_name(t)
                || p.is_word(t)
                    && (lexicon().cue(p.lower(t)).is_some()
                        || p.is_any(t, &["that", "who", "which", "whom"]))
        });
    if !described {
        return None;
    }
    let start = (floor..comma)
        .rev()
        .take(MAX_NAME_BEFORE_DESCRIPTION + 1)
        .take_while(|&t| p.is_capitalized(t) || p.kind(t) == Kind::Period)
        .last()?;
    let bounded =
        start == floor || is_comma_like(p, start - 1) || p.quotes.closing_at(start - 1).is_some();
    // ("Regardless, the department said", "Significantly, the judge said",
    // "In March, the agency said")
    let opener = p.is_any(start, &grammar::PREPOSITIONS)
        || p.is_any(start, &grammar::CONNECTIVES)
        || p.is_any(start, &grammar::SENTENCE_ADVERBS)
        || p.is_any(start, &INTRODUCTORY)
        || p.lower(start).ends_with("ly");
    let name = start..comma;
    let all_name = name
        .clone()
        .all(|t| mentions::is_name_word(p, t) || p.kind(t) == Kind::Period);
    // ("a stop in Onawa, Iowa, the candidate said": a town's state, or a
    // country, is no one.)
    let place = start >= floor + 2 && is_comma_like(p, start - 1) && p.is_capitalized(start - 2)
        || countries::lookup(p.slice(name.clone())).is_some();
    (bounded && !opener && !place && all_name && name.len() <= MAX_NAME_BEFORE_DESCRIPTION)
        .then_some((name, description))
}

/// Articles and possessives that open a short noun phrase of a source.
pub(super) const PHRASE_DETERMINERS: [&str; 7] = ["the", "a", "an", "his", "her", "their", "its"];

/// "In a report the committee said", "In a statement published on Monday
/// the company said": in a phrase opened by a preposition with no comma
/// after it, the subject starts at its own determiner, right after a noun.
fn after_opening_phrase(p: &Para, np: Range<usize>) -> Range<usize> {
    let subject = (np.start + 1..np.end).rev().find(|&t| {
        p.is_any(t, &PHRASE_DETERMINERS)
            && p.is_word(t - 1)
            // ("published last June the committee said": or a month or day.)
            && (!p.is_capitalized(t - 1) || grammar::is_time_word(p.lower(t - 1)))
            && !p.is_any(t - 1, &grammar::PREPOSITIONS)
            && !p.is_any(t - 1, &grammar::DETERMINERS)
            && !p.is_any(t - 1, &["and", "or", "but"])
    });
    match subject {
        Some(start) => start..np.end,
        None => np,
    }
}

/// Whether "many of whom", "some of which" starts at `at`: a relative that
/// stands for some of the phrase before it.
pub(super) fn counted_relative(p: &Para, at: usize) -> bool {
    at + 2 < p.len()
        && p.is_any(at, &mentions::COUNTING_WORDS)
        && p.is_any(at + 1, &["of"])
        && p.is_any(at + 2, &["whom", "which"])
}

/// Where an aside that closes at `t` (a bracket, a dash) opens: the
/// nearest `opener` a phrase's length before it, after the sentence's start.
fn aside_opened_by(p: &Para, t: usize, floor: usize, opener: Kind) -> Option<usize> {
    (floor..t)
        .rev()
        .take(MAX_PHRASE_TOKENS)
        .find(|&d| p.kind(d) == opener)
        .filter(|&open| open > floor)
}

/// "is disavowing remarks made by a surrogate who said": a phrase opening
/// with a verb's participle is no source; the agent at its end is.
fn agent_of_a_verb_phrase(p: &Para, np: Range<usize>) -> Range<usize> {
    let verb_first =
        p.is_word(np.start) && !p.is_capitalized(np.start) && p.lower(np.start).ends_with("ing");
    match np.clone().rev().find(|&t| p.is_any(t, &["by"])) {
        Some(by) if verb_first && by + 1 < np.end => by + 1..np.end,
        _ => np,
    }
}

/// "gave hope to traders who said", "compared with four in 10 who said":
/// what "who" stands for is the object of the preposition, when what comes
/// before it is no speaker ("officials in Boston who said" keeps its
/// officials).
fn object_of_last_preposition(p: &Para, np: Range<usize>) -> Range<usize> {
    // ("6 in 10 voters who said", "four in 10 who said": a share, not a place.)
    let Some(preposition) = np.clone().rev().find(|&t| {
        p.is_any(t, &grammar::PREPOSITIONS)
            && !p.is_any(t, &["of"])
            && !(t > np.start
                && (p.kind(t - 1) == Kind::Number || p.is_any(t - 1, &QUANTITY_WORDS)))
    }) else {
        return np;
    };
    let object = preposition + 1..np.end;
    // ("the leader of the opposition in Westphalia": any speaker before,
    // after the last verb: "The party offered help to voters who".)
    let phrase_start = (np.start..preposition)
        .rev()
        .find(|&t| looks_finite(p, t))
        .map_or(np.start, |verb| verb + 1);
    let before_is_speaker = (phrase_start..preposition).any(|t| {
        p.is_word(t) && (speaker_noun(p, t) || p.title(t).is_some() || mentions::is_name_word(p, t))
    });
    if object.is_empty() || before_is_speaker {
        np
    } else {
        object
    }
}

/// Longest object of a preposition before "who", in tokens.
const MAX_OBJECT_BEFORE_RELATIVE: usize = 6;

/// "analysts polled by the Gazette said", "economists surveyed by Reuters
/// said": the agent of a participle after a plural source is part of it.
fn with_agent_of_participle(p: &Para, np: Range<usize>, floor: usize) -> Range<usize> {
    if np.start < floor + 3 || !p.is_any(np.start - 1, &["by"]) {
        return np;
    }
    let participle = np.start - 2;
    let head = np.start - 3;
    let lower = p.lower(participle);
    if !p.is_word(participle)
        || p.is_capitalized(participle)
        || !lower.ends_with("ed")
        || !p.is_word(head)
        || p.is_capitalized(head) && head > floor
        || !p.lower(head).ends_with('s')
    {
        return np;
    }
    match noun_phrase_left(p, head + 1, floor) {
        Some(source) if source.end == head + 1 => source.start..np.end,
        _ => np,
    }
}

/// Longest source a modifier joined by "and" may open, in tokens.
const MAX_MODIFIED_SOURCE: usize = 6;

/// "…, economics and finance minister Tom Hale said", "…, a Port and
/// Transport ministry official said": a one-word modifier joined by "and"
/// to the phrase's first word, after a comma (and an article), modifies the
/// same head. ("…, Ruiz and Vale said" are two people, read elsewhere.)
fn with_coordinated_modifier(p: &Para, np: Range<usize>, floor: usize, cue: usize) -> Range<usize> {
    // Only a source that closes its sentence or opens what was said: "…
    // parts of Europe continued to slow …" is no source of speech.
    let reports = cue + 1 >= p.len()
        || p.kind(cue + 1).is_terminal()
        || p.kind(cue + 1) == Kind::Comma
        || p.is_any(cue + 1, &["that"])
        || p.quotes.opening_at(cue + 1).is_some();
    if !reports || np.len() < 2 || np.len() > MAX_MODIFIED_SOURCE || np.start < floor + 2 {
        return np;
    }
    let first = np.start - 2;
    // ("Mills and another aide": two phrases; "Lyng and Trade Representative
    // Ana Ruiz": two people.)
    let two_phrases = p.is_any(np.start, &grammar::DETERMINERS)
        || np.clone().any(|t| looks_finite(p, t))
        || mentions::is_name_word(p, first) && p.is_capitalized(np.end - 1);
    if two_phrases
        || !p.is_any(np.start - 1, &["and"])
        || !p.is_word(first)
        || looks_finite(p, first)
        || Pronoun::parse(p.lower(first)).is_some()
        || p.is_any(first, &grammar::PREPOSITIONS)
        || p.is_any(first, &grammar::DETERMINERS)
    {
        return np;
    }
    let opens = |t: usize| t > floor && is_comma_like(p, t - 1);
    if opens(first) {
        first..np.end
    } else if first > floor && p.is_any(first - 1, &["a", "an", "the"]) && opens(first - 1) {
        first - 1..np.end
    } else {
        np
    }
}

/// Longest conjunct of a coordinated plural source, in tokens.
const MAX_CONJUNCT_TOKENS: usize = 3;

/// "Industry analysts and diplomats said", "Farmers, traders and officials
/// said": plural nouns joined by "and", "or" or commas are one source.
fn with_coordinated_plurals(p: &Para, np: Range<usize>, floor: usize) -> Range<usize> {
    // Capitalized only as the sentence's first word ("Voters and officials").
    // ("…is precarious, analysts and economists said": not "-ous", "-us",
    // "-is", which end adjectives and singular nouns.)
    let plural_head = |t: usize| {
        p.is_word(t) && (!p.is_capitalized(t) || t == floor) && {
            let lower = p.lower(t);
            // ("businessmen and officials", "townspeople": plurals with no -s.)
            (lower.ends_with('s')
                && !["ss", "us", "is"]
                    .iter()
                    .any(|ending| lower.ends_with(ending))
                || lower.ends_with("men")
                || lower.ends_with("people"))
                && lower.len() > 3
        }
    };
    // "sources close to the delegation": the head before a post-modifier.
    let head_end = (np.start + 1..np.end)
        .find(|&t| {
            p.is_any(t, &grammar::PREPOSITIONS) && !p.is_any(t, &["of"])
                || p.is_any(t, &["close", "familiar"])
        })
        .unwrap_or(np.end);
    if np.is_empty() || head_end - np.start > MAX_CONJUNCT_TOKENS {
        return np;
    }
    // "industry and government officials", "U.S. and Soviet sources", "the
    // Agriculture and Commerce Departments": two modifiers of one head,
    // after a comma or at the clause's start.
    let head = head_end - 1;
    let capitalized_head = p.is_capitalized(head)
        && head > np.start
        && p.is_capitalized(head - 1)
        && p.lower(head).ends_with('s');
    if head_end - np.start >= 2
        && np.start >= floor + 2
        && (plural_head(head) || capitalized_head)
        && p.is_any(np.start - 1, &["and", "or"])
        && p.is_word(np.start - 2)
        && !plural_head(np.start - 2)
    {
        let opens = |t: usize| t == floor || is_comma_like(p, t - 1);
        // ("the U.S. Fisheries and Harbours Departments": a capitalized
        // word may stand before the first modifier.)
        let firsts = [np.start - 2, np.start - 3]
            .into_iter()
            .take_while(|&first| first >= floor)
            .take_while(|&first| first == np.start - 2 || p.is_capitalized(first));
        for first in firsts {
            if opens(first) {
                return first..np.end;
            }
            if first > floor && p.is_any(first - 1, &["the"]) && opens(first - 1) {
                return first - 1..np.end;
            }
            // ("the Weather Office of the U.S. Fisheries and Harbours
            // Departments": the pair ends a body's name after "of the".)
            if first >= floor + 3
                && p.is_any(first - 1, &["the"])
                && p.is_any(first - 2, &["of"])
                && p.is_capitalized(first - 3)
                && let Some(body) = noun_phrase_left(p, first - 2, floor)
                && body.end == first - 2
                && opens(body.start)
            {
                return body.start..np.end;
            }
        }
    }
    if !plural_head(head) {
        return np;
    }
    let mut start = np.start;
    // Commas join only the conjuncts before the last "and" or "or": in
    // "… after the plans, traders said" the plans said nothing.
    let mut after_conjunction = false;
    while start > floor + 1 {
        let joint = start - 1;
        let conjunction = p.is_any(joint, &["and", "or"]);
        let joins = conjunction
            || after_conjunction && p.kind(joint) == Kind::Comma && !p.inside_quote(joint);
        after_conjunction |= conjunction;
        if !joins || !plural_head(joint - 1) {
            break;
        }
        let Some(conjunct) = noun_phrase_left(p, joint, floor) else {
            break;
        };
        if conjunct.is_empty() || conjunct.len() > MAX_CONJUNCT_TOKENS {
            break;
        }
        start = conjunct.start;
    }
    start..np.end
}

/// "Party leader Ana Holt attacked the plans saying …": before a
/// participle of saying, a past-tense verb right after a name, or before
/// its object, ends the speaker's phrase ("… a survey published by …"
/// keeps its participle).
fn before_main_verb(p: &Para, np: Range<usize>, cue: usize) -> Range<usize> {
    if !p.lower(cue).ends_with("ing") {
        return np;
    }
    // ("She got comments accusing …": the phrase may open with the verb.)
    // ("He drew criticism for saying …" is his, though.)
    let what_was_received = !p.is_any(np.end, &["for", "of"]);
    if np.len() >= 2
        && what_was_received
        && p.is_any(np.start, &RECEIVING_VERBS)
        && !p.is_capitalized(np.start)
    {
        return np.start + 1..np.end;
    }
    let verb = (np.start + 1..np.end).find(|&t| {
        p.is_word(t)
            && !p.is_capitalized(t)
            && (p.lower(t).ends_with("ed")
                || grammar::IRREGULAR_PAST.contains(p.lower(t))
                || p.is_any(t, &RECEIVING_VERBS))
            // "The ministry issued a statement saying …": after any noun,
            // a past verb that takes an object is the main verb.
            && (mentions::is_name_word(p, t - 1)
                || p.is_any(t + 1, &["a", "an", "the"])
                // "She got comments accusing …": what she received says it.
                || p.is_any(t, &RECEIVING_VERBS)
                || p.is_any(t + 1, &grammar::POSSESSIVE_DETERMINERS))
            && !p.is_any(t + 1, &["by"])
            // "the Standard quoted Mr Clarke telling …": he is the one telling.
            && !p.is_any(t, &["quoted", "cited"])
    });
    match verb {
        // "The mayor received a letter saying …": the letter says it.
        Some(verb) if p.is_any(verb, &RECEIVING_VERBS) && verb + 1 < np.end => {
            if what_was_received {
                verb + 1..np.end
            } else {
                np.start..verb
            }
        }
        Some(verb) => np.start..verb,
        None => np,
    }
}

static RECEIVING_VERBS: WordSet = crate::vocabulary::word_set!("receiving_verbs");

/// "Two officials briefed reporters. They said …": the unnamed subjects of
/// sentences are what "they" and "it" may point back to, claims or not.
pub(super) fn subject_antecedent(
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
    // "Just as every generation revolts against …": a clause, not a subject.
    if subject
        .clone()
        .any(|t| looks_finite(p, t) || p.is_any(t, &SUBORDINATORS))
    {
        return;
    }
    // What the subject stands for lies within it: where a mention of the
    // sentence ("The ministry said") holds it all, the two would overlap,
    // and it is not described for nothing.
    let bytes = p.bytes(subject.clone());
    if findings.mentions[sentence_mentions..]
        .iter()
        .any(|m| m.paragraph == p.index && m.span.start <= bytes.start && bytes.end <= m.span.end)
    {
        return;
    }
    if super::two_people(p, subject.clone(), sentence.start, people).is_some() {
        findings
            .antecedents
            .push(mentions::people_together(p, subject));
        return;
    }
    let Some(mention) = mentions::describe(p, subject, people) else {
        return;
    };
    // (What the skip above rests on.)
    debug_assert!(bytes.start <= mention.span.start && mention.span.end <= bytes.end);
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

/// Where a mention that starts at token `t` stands: its sentence and
/// whether it is that sentence's subject, for pronouns to prefer ("Lee met
/// Ortiz. He said …" is Lee's). Each sentence's subject is found once
/// ([`Para::sentence_memo`]: attribution asks for it too).
pub(crate) fn place(p: &Para, t: usize) -> mentions::Placement {
    let index = p.sentences.partition_point(|s| s.end <= t);
    let Some(sentence) = p.sentences.get(index) else {
        return mentions::Placement::default();
    };
    let subject = sentence_subject(p, sentence);
    let is_subject = subject.as_ref().is_some_and(|s| s.contains(&t));
    mentions::Placement::new(index, is_subject)
}

/// Places the people a paragraph names ([`place`]).
pub(crate) fn place_people(p: &Para, people: &mut [Mention]) {
    for mention in people.iter_mut().filter(|m| m.kind == MentionKind::Person) {
        mention.placement = place(p, p.token_at(mention.span.start));
    }
}

/// The subject a sentence opens with, after a leading quote, connective or
/// introductory phrase: "On the left, Betty Friedan, the author, compared …"
/// → "Betty Friedan"; "the affidavit cited …" → "the affidavit".
/// A sentence of the paragraph's is read once ([`Para::sentence_memo`]).
pub(super) fn sentence_subject(p: &Para, sentence: &Range<usize>) -> Option<Range<usize>> {
    p.sentence_memo(sentence, || find_sentence_subject(p, sentence))
}

/// [`sentence_subject`], read from the words.
fn find_sentence_subject(p: &Para, sentence: &Range<usize>) -> Option<Range<usize>> {
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
    while k < sentence.end && p.is_any(k, &COORDINATORS) {
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
    if let Some(comma) = introductory_time(p, k, sentence.end) {
        k = comma + 1;
    } else if k + 2 < sentence.end
        && p.kind(k + 1) == Kind::Comma
        && p.is_any(k, &grammar::SENTENCE_ADVERBS)
    {
        // "Earlier, Sheriff Joe Ruiz vouched …".
        k += 2;
    } else if p.is_any(k, &grammar::PREPOSITIONS)
        || p.is_any(k, &SUBORDINATORS)
        || p.is_word(k) && p.lower(k).ends_with("ly") && !p.is_capitalized(k)
        // "Walking to the next house, Ebeling said …", "Having lost, he …":
        // a participle phrase opening the sentence.
        || p.is_word(k)
            && p.lower(k).len() > 4
            && p.lower(k).ends_with("ing")
            && lexicon().given_name(p.word(k)).is_none()
            && k + 1 < sentence.end
            && !mentions::is_name_word(p, k + 1)
        // "Shortly before the vote, she …": an adverb opening the sentence,
        // before a preposition (a name such as "Kelly" is followed by its verb).
        || p.is_word(k)
            && p.lower(k).ends_with("ly")
            && lexicon().given_name(p.word(k)).is_none()
            && k + 1 < sentence.end
            && p.is_any(k + 1, &grammar::PREPOSITIONS)
    {
        let comma = (k..(k + 15).min(sentence.end))
            .find(|&t| p.kind(t) == Kind::Comma && !p.inside_quote(t))?;
        k = comma + 1;
        // "At an event in Salem, Oregon, on Sunday, Mrs. Ruiz …": a state or
        // a time set off by commas goes on with the opening phrase.
        while let Some(next) = (k..(k + 4).min(sentence.end)).find(|&t| p.kind(t) == Kind::Comma)
            && next > k
            && ((k..next).all(|t| p.is_capitalized(t) || p.kind(t) == Kind::Period)
                && (opens_time(p, next + 1, sentence.end) || p.is_place(k..next))
                || time_phrase(p, k, sentence.end).is_some_and(|after| after == next)
                || p.is_any(k, &grammar::PREPOSITIONS)
                    && time_phrase(p, k + 1, sentence.end) == Some(next))
        {
            k = next + 1;
        }
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
                    && (is_finite_verb(p, k)
                        || (lower.ends_with("ed") || grammar::IRREGULAR_PAST.contains(lower))
                            && !p.is_capitalized(k)
                        || lower.ends_with("ly") && !p.is_capitalized(k)
                        || lexicon().cue(lower).is_some()
                        || grammar::PREPOSITIONS.contains(lower) && lower != "of"
                        || lexicon().is_turn_verb(lower) && !p.is_capitalized(k)
                        || Pronoun::parse(lower).is_some()
                        // "Trump further summed up …": an adverb before the verb.
                        || grammar::AUXILIARIES.contains(lower) && !p.is_capitalized(k));
                if verb_like {
                    break;
                }
            }
            // "The minister, Karl Berg, was quoted as saying": the name
            // set off by commas belongs to the subject.
            Kind::Comma if k > start => {
                let close = (k + 2..(k + 6).min(sentence.end)).find(|&t| p.kind(t) == Kind::Comma);
                match close {
                    Some(close) if (k + 1..close).all(|t| mentions::is_name_word(p, t)) => {
                        k = close + 1;
                        continue;
                    }
                    _ => break,
                }
            }
            _ => break,
        }
        k += 1;
    }
    (k > start).then_some(start..k)
}

/// "on Sunday", "Sunday": a time phrase at `k`, with or without its preposition.
fn opens_time(p: &Para, k: usize, end: usize) -> bool {
    time_phrase(p, k, end).is_some()
        || k + 1 < end
            && p.is_any(k, &grammar::PREPOSITIONS)
            && time_phrase(p, k + 1, end).is_some()
}

/// The sentence's subject when it names someone (a capitalized name, a
/// title or a pronoun): what a participle or a second verb hangs on.
pub(super) fn named_subject(p: &Para, sentence: &Range<usize>) -> Option<Range<usize>> {
    let subject = sentence_subject(p, sentence)?;
    let named = subject.clone().any(|t| {
        mentions::is_name_word(p, t)
            || p.is_word(t) && (p.title(t).is_some() || Pronoun::parse(p.lower(t)).is_some())
    });
    (named || headed_by_speaker_noun(p, subject.clone())).then_some(subject)
}

/// "groups", "officials", "agency": a noun for people or a body that speaks.
/// "The pact bars the fund and says …", "The board limits its …": a word
/// in -s between a noun that can speak and an article or possessive is
/// that noun's verb in the present, not part of its phrase.
pub(super) fn present_verb_after_speaker(p: &Para, t: usize, floor: usize) -> bool {
    t > floor
        && t + 1 < p.len()
        && p.is_word(t)
        && !p.is_capitalized(t)
        && p.lower(t).ends_with('s')
        && !p.lower(t).ends_with("ss")
        && (p.is_any(t + 1, &grammar::DETERMINERS)
            || p.is_any(t + 1, &grammar::POSSESSIVE_DETERMINERS))
        && p.is_word(t - 1)
        && names_speakers(p.lower(t - 1), true)
}

fn speaker_noun(p: &Para, t: usize) -> bool {
    p.is_word(t) && names_speakers(p.lower(t), false)
}

/// Whether `lower`, or its singular, heads a group, an institution or an
/// unnamed source (or, with `documents`, a document).
fn names_speakers(lower: &str, documents: bool) -> bool {
    let lexicon = lexicon();
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    [lower, singular].iter().any(|w| {
        lexicon.is_group(w)
            || lexicon.is_organization_head(w)
            || lexicon.is_anonymous_head(w)
            || documents && lexicon.is_document(w)
    })
}

/// "The department declined to comment, saying …": a definite phrase whose
/// head names an institution, a group or a document can speak.
pub(super) fn headed_by_speaker_noun(p: &Para, np: Range<usize>) -> bool {
    let Some(head) = np.clone().rev().find(|&t| p.is_word(t)) else {
        return false;
    };
    let lower = p.lower(head);
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    np.len() >= 2
        && (p.is_any(np.start, &["the", "this", "these"])
            // "A spokesman declined …", not "A few minutes …".
            || p.is_any(np.start, &["a", "an"]) && singular == lower)
        && names_speakers(lower, true)
}

/// The source written after an inverted cue: "said German Chancellor Friedrich Merz".
pub(super) fn noun_phrase_right(p: &Para, from: usize, end: usize) -> Option<Range<usize>> {
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
        // "said lobbyist and strategist Charlie Black": two roles of one person.
        let joined_roles = lower == "and"
            && p.is_word(j - 1)
            && p.title(j - 1).is_some()
            && (j + 1..(j + 4).min(end))
                .take_while(|&t| p.is_word(t))
                .any(|t| p.title(t).is_some() && !p.is_capitalized(t));
        // "said Earl Hale of Harbour Trust and Savings Bank", "said Scott
        // Vale of J.S. Vale and Co": "and" inside the name of where the
        // source works. (Not before a given name: "of Harbour and Ana Ruiz
        // of …" are two sources.)
        let joined_workplace = lower == "and"
            && j + 1 < end
            && p.is_capitalized(j - 1)
            && p.is_capitalized(j + 1)
            && p.given_name(j + 1).is_none()
            && (from..j).any(|t| p.is_any(t, &["of", "at"]));
        if j > from
            && !joined_roles
            && !joined_workplace
            && (SOURCE_PHRASE_ENDS.contains(lower)
                || channel_phrase(p, j, end).is_some()
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
pub(super) fn appositive_after(p: &Para, comma: usize, end: usize) -> Option<Range<usize>> {
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
            && (is_finite_verb(p, j)
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

/// A name set off by the comma at `comma` and ending the clause: "…, Ana
/// Ruiz." (one to four name words).
pub(super) fn name_after(p: &Para, comma: usize, end: usize) -> Option<Range<usize>> {
    if comma + 1 >= end || p.kind(comma) != Kind::Comma || p.inside_quote(comma + 1) {
        return None;
    }
    let start = comma + 1;
    let mut j = start;
    while j < end
        && j - start < 4
        && mentions::is_name_word(p, j)
        && !p.is_any(j, &grammar::DAYS)
        && !p.is_any(j, &grammar::MONTHS)
    {
        j += 1;
    }
    let closes = j >= end
        || matches!(p.kind(j), Kind::Comma | Kind::Period | Kind::Semicolon)
        || p.quotes.opening_at(j).is_some();
    (j > start && closes).then_some(start..j)
}

/// Whether a phrase holds a name ("Ana Ruiz", "Ruiz's aide"), not only a
/// description ("the port's chief economist").
pub(super) fn names_someone(p: &Para, np: Range<usize>) -> bool {
    np.clone().any(|t| {
        mentions::is_name_word(p, t)
            && !(p.is_word(t) && p.title(t).is_some())
            && !(t == np.start && p.is_any(t, &["the", "a", "an"]))
    })
}

/// The source after "according to": everything to the next comma or the
/// sentence's end ("early results of the survey run by Lindholm Research").
pub(super) fn according_source(p: &Para, from: usize, end: usize) -> Option<Range<usize>> {
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
pub(super) fn looks_like_inverted_source(p: &Para, np: Range<usize>, end: usize) -> bool {
    let first = p.lower(np.start);
    if NOT_INVERTED_SOURCE_OPENERS.contains(first) && np.len() > 1 {
        return false;
    }
    // ("… -- said last month that …": when, not who.)
    if grammar::time_phrase(p, np.start, end).is_some_and(|stop| stop >= np.end) {
        return false;
    }
    // "said Will Doyle": a capitalized "Will" before a name is a given name.
    let verb = np.clone().any(|t| {
        // "…, said staff wanted a rest": a past form and its object.
        t > np.start
            && t + 1 < np.end
            && looks_finite(p, t)
            && p.is_any(t + 1, &grammar::DETERMINERS)
            || p.is_any(t, &NOUN_PHRASE_VERBS)
            && !(p.is_capitalized(t) && t + 1 < np.end && p.is_capitalized(t + 1))
            // "…, warned the board to stay out": an object and its infinitive,
            // not "the ambassador to Russia" or "the adviser to the president".
            || p.is_any(t, &["to"])
                && t + 1 < np.end
                && p.is_word(t + 1)
                && !p.is_capitalized(t + 1)
                && !p.is_any(t + 1, &grammar::DETERMINERS)
    });
    // "…, said his survey of voters showed support": a possessive phrase
    // with a verb of its own is what was said, not who said it.
    let owned_clause = p.is_any(np.start, &grammar::POSSESSIVE_DETERMINERS)
        && (np.start + 1..np.end).any(|t| !p.is_capitalized(t) && looks_finite(p, t));
    if owned_clause {
        return false;
    }
    let at_boundary = np.end >= end
        || !p.kind(np.end).is_wordlike()
            && p.kind(np.end) != Kind::Possessive
            && p.quotes.opening_at(np.end).is_none()
        || channel_phrase(p, np.end, end).is_some()
        || time_phrase(p, np.end, end).is_some()
        || p.is_any(np.end, &INVERTED_SOURCE_ENDS);
    !verb && at_boundary
}

/// Words that may follow an inverted source: "said the minister, who ...", "said X, adding ...".
static INVERTED_SOURCE_ENDS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("inverted_source_ends");

/// Verbs that a noun phrase after a cue never holds: "said there was" is not an inverted source.
static NOUN_PHRASE_VERBS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("noun_phrase_verbs");

/// Pronouns and function words that never open an inverted source of more than one word: "said that ...", "said it was".
static NOT_INVERTED_SOURCE_OPENERS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("not_inverted_source_openers");

/// Words that end a source noun phrase: "the minister who ...", "officials, adding ...".
static SOURCE_PHRASE_ENDS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("source_phrase_ends");

/// Subordinating words that open an introductory clause before a source: "As he left, ...", "Although ...".
pub(super) static SUBORDINATORS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("subordinators");

/// Coordinating words skipped before the subject of a reporting clause: "And he said", "But officials said".
pub(super) static COORDINATORS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("coordinators");

/// Determiners and possessives that open a description of a source before a comma: "the president, ...", "his spokesman, ...".
static DESCRIPTION_DETERMINERS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("description_determiners");

/// Cue forms that are more often nouns, not read as a cue after a sentence opener: "reports", "claims", "statement".
static NOUN_CUES: crate::vocabulary::WordSet = crate::vocabulary::word_set!("noun_cues");

/// Prepositions after a title that end it and keep it a description: "chief executive of ...", "minister for ...".
static TITLE_PREPOSITIONS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("title_prepositions");
