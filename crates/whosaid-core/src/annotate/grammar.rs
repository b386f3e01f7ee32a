//! Closed-class English words the rules lean on: pronouns, determiners,
//! auxiliaries, connectives, prepositions and time words. The lists
//! themselves are data in `assets/lexicon/` (one file per list, read by
//! [`crate::vocabulary`]); this module names them for the rules.

use super::lexicon::Sex;
use super::para::Para;
use super::token::Kind;
pub(crate) use crate::vocabulary::WordSet;

/// Something a word can be looked up in: a literal slice (for a handful of
/// words) or a [`WordSet`].
pub trait Words {
    fn has(&self, word: &str) -> bool;
}

impl Words for [&str] {
    fn has(&self, word: &str) -> bool {
        self.contains(&word)
    }
}

impl<const N: usize> Words for [&str; N] {
    fn has(&self, word: &str) -> bool {
        self.contains(&word)
    }
}

impl Words for WordSet {
    fn has(&self, word: &str) -> bool {
        self.contains(word)
    }
}

/// A pronoun that can stand for a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
    We,
    I,
    You,
}

impl Pronoun {
    pub fn parse(lower: &str) -> Option<Pronoun> {
        Some(match lower {
            "he" => Pronoun::He,
            "she" => Pronoun::She,
            "they" => Pronoun::They,
            "it" => Pronoun::It,
            "we" => Pronoun::We,
            "i" => Pronoun::I,
            "you" => Pronoun::You,
            _ => return None,
        })
    }

    /// The pronoun `lower` is, or opens with a contraction ("i'd", "she'll").
    pub fn parse_contracted(lower: &str) -> Option<Pronoun> {
        match lower.split_once(['\'', '\u{2019}']) {
            Some((pronoun, "d" | "ll" | "ve" | "re" | "m" | "s")) => Pronoun::parse(pronoun),
            Some(_) => None,
            None => Pronoun::parse(lower),
        }
    }

    pub fn sex(self) -> Sex {
        match self {
            Pronoun::He => Sex::Male,
            Pronoun::She => Sex::Female,
            _ => Sex::Unknown,
        }
    }
}

pub(crate) static DETERMINERS: WordSet = crate::vocabulary::word_set!("determiners");

/// Words of approximation before a number: "said about half of …", "nearly
/// two", "about three in 10 said".
pub(crate) static APPROXIMATORS: WordSet = crate::vocabulary::word_set!("approximators");

/// Words that stand alone for one of a group named before ("one said",
/// "another said").
pub(crate) static SINGLE_MEMBER_SOURCES: WordSet =
    crate::vocabulary::word_set!("single_member_sources");

/// Words that stand alone for some of a group named before ("others say").
pub(crate) static PARTITIVE_SOURCES: WordSet = crate::vocabulary::word_set!("partitive_sources");

/// Whether `name` is a bare "some", "others", … standing for a group.
pub(crate) fn is_partitive(name: &str) -> bool {
    !name.contains(' ') && PARTITIVE_SOURCES.contains(&name.to_ascii_lowercase())
}

/// Words that may stand between a source and its cue: "has also said", "did not say".
pub(crate) static AUXILIARIES: WordSet = crate::vocabulary::word_set!("auxiliaries");

/// Forms of "be": before a past participle they make a passive ("was told").
pub(crate) static BE_FORMS: WordSet = crate::vocabulary::word_set!("be_forms");

/// Words that open a clause, so never belong to a noun phrase before them.
pub(crate) static CLAUSE_OPENERS: WordSet = crate::vocabulary::word_set!("clause_openers");

/// Connectives that join a second reporting clause to a first: "…, although he added".
pub(crate) static CONNECTIVES: WordSet = crate::vocabulary::word_set!("connectives");

pub(crate) static PREPOSITIONS: WordSet = crate::vocabulary::word_set!("prepositions");

/// Words that begin an aside between a source and its cue: "Kerry, who lost, said".
pub(crate) static ASIDE_OPENERS: WordSet = crate::vocabulary::word_set!("aside_openers");

pub(crate) static DAYS: WordSet = crate::vocabulary::word_set!("days");

pub(crate) static MONTHS: WordSet = crate::vocabulary::word_set!("months");

/// Time words that can follow a cue: "said Monday", "said late Tuesday", "said last week".
pub(crate) static TIME_WORDS: WordSet = crate::vocabulary::word_set!("time_words");

/// Capitalized words that are never part of a person's name.
pub(crate) static NOT_NAMES: WordSet = crate::vocabulary::word_set!("not_names");

/// Irregular past tenses that are only verbs ("gave", "took").
pub(crate) static IRREGULAR_PAST: WordSet = crate::vocabulary::word_set!("irregular_past");
/// Past forms that are also nouns or present forms ("cut", "set"): a verb
/// only where a clause is known to go on.
pub(crate) static AMBIGUOUS_PAST: WordSet = crate::vocabulary::word_set!("ambiguous_past");

/// Nouns that head a plural noun phrase without ending in -s.
pub(crate) static IRREGULAR_PLURALS: WordSet = crate::vocabulary::word_set!("irregular_plurals");

/// Whether a lower-case word may be a past participle: "seen", "made",
/// "drawn", "issued" (not "defamation", "poll").
pub(crate) fn may_be_participle(lower: &str) -> bool {
    lower.ends_with("ed")
        || lower.ends_with("en")
        || lower.ends_with("wn")
        || IRREGULAR_PAST.contains(lower)
        || AMBIGUOUS_PAST.contains(lower)
}

pub fn is_time_word(lower: &str) -> bool {
    DAYS.contains(lower) || MONTHS.contains(lower) || TIME_WORDS.contains(lower)
}

/// Possessive determiners: after a verb that takes an object, "her …" opens
/// that object ("denounced her record"), never its subject.
pub(crate) const POSSESSIVE_DETERMINERS: [&str; 7] =
    ["her", "his", "their", "its", "our", "my", "your"];

/// Adverbs that open a sentence before its subject: "Later the minister said".
pub(crate) static SENTENCE_ADVERBS: WordSet = crate::vocabulary::word_set!("sentence_adverbs");

/// Words that open or modify a time phrase: "on Monday", "late Tuesday", "last week".
pub(crate) static TIME_PHRASE_WORDS: WordSet = crate::vocabulary::word_set!("time_phrase_words");

/// Nouns and adverbs that end a time phrase: "last week", "Tuesday morning", "two days ago".
pub(crate) static TIME_NOUNS: WordSet = crate::vocabulary::word_set!("time_nouns");

/// "on Monday", "late Tuesday", "last week": returns the end of a time phrase at `k`.
pub fn time_phrase(p: &Para, k: usize, end: usize) -> Option<usize> {
    let mut j = k;
    let mut saw_time = false;
    let mut last_time = k;
    while j < end && p.kind(j).is_wordlike() {
        let lower = p.lower(j);
        let is_day = DAYS.contains(lower) || MONTHS.contains(lower);
        // "said Monday's vote was rigged", "Tuesday night's vote": a
        // possessive makes the time words part of a noun phrase (but in
        // "said last month the country's port …" it follows the phrase).
        if j + 1 < p.len()
            && p.kind(j + 1) == Kind::Possessive
            && (is_day || TIME_NOUNS.contains(lower) || TIME_PHRASE_WORDS.contains(lower))
        {
            return None;
        }
        if is_day || TIME_NOUNS.contains(lower) {
            saw_time = true;
            j += 1;
            last_time = j;
        } else if TIME_PHRASE_WORDS.contains(lower) && j + 1 < end
            || p.kind(j) == Kind::Number
                // ("on 7 March 2003": a day before its month.)
                && (saw_time || j + 1 < end && MONTHS.contains(p.lower(j + 1)))
        {
            if p.kind(j) == Kind::Number {
                last_time = j + 1;
            }
            j += 1;
        } else {
            break;
        }
    }
    // "on March 7, 2003": the year after a day's comma.
    if saw_time
        && last_time == j
        && j + 1 < end
        && p.kind(j) == Kind::Comma
        && p.kind(j - 1) == Kind::Number
        && p.kind(j + 1) == Kind::Number
        && p.word(j + 1).len() == 4
    {
        last_time = j + 2;
    }
    (saw_time && last_time > k).then_some(last_time)
}

/// The content words and the capitalized ones among the words of `range`,
/// as Title Case counts them: short function words ("of", "the", "and") and
/// prepositions of any length ("Calls for Inquiry after Fire") stay lower
/// case in a title ("Planet of the Apes") and do not count. `None` past
/// `max_words` words or `max_lower` lower-case content words, where reading
/// on cannot make it Title Case.
pub fn title_case_counts(
    p: &Para,
    range: std::ops::Range<usize>,
    max_words: usize,
    max_lower: usize,
) -> Option<(usize, usize)> {
    let (mut words, mut content_words, mut capitalized) = (0, 0, 0);
    for t in range.filter(|&t| p.is_word(t)) {
        words += 1;
        if words > max_words {
            return None;
        }
        if p.is_capitalized(t) {
            content_words += 1;
            capitalized += 1;
        } else if !(p.is_any(t, &PREPOSITIONS)
            || p.word(t).len() <= 3
                && (p.is_any(t, &DETERMINERS) || p.is_any(t, &["and", "or", "but", "nor"])))
        {
            content_words += 1;
            if content_words - capitalized > max_lower {
                return None;
            }
        }
    }
    Some((content_words, capitalized))
}

/// Words that say a quoted phrase is a name or a term, not a claim.
static TITLE_MARKERS: WordSet = crate::vocabulary::word_set!("title_markers");

/// Whether a word just before `quote` says it is a name or a term: "the
/// episode “Pilot”", "a book called “Tides”", "the so-called “Blair Babes”";
/// but not "…of the episode. “This speech …”" (no full stop between marker
/// and quote).
pub fn is_marked_as_term(p: &Para, quote: &super::quotes::Quote) -> bool {
    let Some(open) = quote.open else { return false };
    (open.saturating_sub(2)..open)
        .any(|t| p.is_any(t, &TITLE_MARKERS) && (t + 1..open).all(|k| !p.kind(k).is_terminal()))
}
