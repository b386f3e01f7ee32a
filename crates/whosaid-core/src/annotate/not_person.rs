//! Evidence that a capitalized run names something other than a person, even
//! where a title or a given name seems to say otherwise: a place by the shape
//! of its name ("Santa Barbara", "Guantanamo Bay"), a business by the noun
//! that describes it ("crude producer Yukos") or by speaking of itself as
//! "it", a thing by the article before it ("the Royal Prerogative", "an April
//! Fool's joke"), a headline by its capitals.

use std::ops::Range;

use super::grammar;
use super::lexicon::lexicon;
use super::para::Para;
use super::token::Kind;
use crate::vocabulary::WordSet;

static PLACE_NAME_OPENERS: WordSet = crate::vocabulary::word_set!("place_name_openers");
static PLACE_NAME_ENDS: WordSet = crate::vocabulary::word_set!("place_name_ends");
static THING_NAME_ENDS: WordSet = crate::vocabulary::word_set!("thing_name_ends");
static ORGANIZATION_NAME_ENDS: WordSet = crate::vocabulary::word_set!("organization_name_ends");
static SURNAME_PREFIXES: WordSet = crate::vocabulary::word_set!("surname_prefixes");
static ORGANIZATION_DESCRIPTORS: WordSet = crate::vocabulary::word_set!("organization_descriptors");
static EXPLETIVE_IT_VERBS: WordSet = crate::vocabulary::word_set!("expletive_it_verbs");

/// Whether the name `core` has the shape of a place's: it opens with "Santa"
/// or "Fort" before another word, or ends with "Bay" or "Island".
pub fn is_place_name(p: &Para, core: Range<usize>) -> bool {
    let mut words = core.filter(|&t| p.is_word(t)).map(|t| p.word(t));
    let Some(first) = words.next() else {
        return false;
    };
    match words.next_back() {
        Some(last) => PLACE_NAME_OPENERS.contains(first) || PLACE_NAME_ENDS.contains(last),
        None => false,
    }
}

/// Whether the name `core`, with no given name or title for evidence, names a
/// body by its shape: it ends with a word that ends businesses' and
/// charities' names ("Clean Seas International", "Vantor Holdings"), or it is one
/// word with a capital inside it that no surname's prefix explains
/// ("BankNorth", "AZHarbour"; not "McDonald", "DeSantis").
pub fn is_organization_name(p: &Para, core: Range<usize>) -> bool {
    let mut words = core.filter(|&t| p.is_word(t)).map(|t| p.word(t));
    let Some(first) = words.next() else {
        return false;
    };
    match words.next_back() {
        Some(last) => ORGANIZATION_NAME_ENDS.contains(last),
        None => has_inner_capital(first),
    }
}

static ORGANIZATION_ONLY_ENDS: WordSet = crate::vocabulary::word_set!("organization_only_ends");

/// Whether the name `core` ends with a word only a body's name ends with
/// ("Christian Aid", "Grace Holdings"): a body even after a given name.
pub fn ends_like_a_body_only(p: &Para, core: Range<usize>) -> bool {
    core.len() >= 2
        && core
            .rev()
            .find(|&t| p.is_word(t))
            .is_some_and(|last| ORGANIZATION_ONLY_ENDS.contains(p.word(last)))
}

/// Whether a capital follows a lower-case letter inside `word`, other than
/// after a surname's prefix ("Mc", "Mac", "De", "La", "Van", "Vander" …).
fn has_inner_capital(word: &str) -> bool {
    let bytes = word.as_bytes();
    // "AZCentral", "USAir": an acronym glued to a word (not a plural, "MPs").
    let acronym_prefix = bytes.len() > 3
        && bytes[0].is_ascii_uppercase()
        && bytes[1].is_ascii_uppercase()
        && bytes.iter().filter(|b| b.is_ascii_lowercase()).count() >= 2;
    acronym_prefix
        || (1..bytes.len()).any(|i| {
            bytes[i].is_ascii_uppercase()
                && bytes[i - 1].is_ascii_lowercase()
                && !SURNAME_PREFIXES.contains(&word[..i])
        })
}

/// Whether the name `core` names a plan, a law, a prize or an event after
/// someone: "the Vance Plan", "the Lou Vance Award", "Golden Week", "the
/// Criminal Justice Act" (where "Justice" looked like a title).
pub fn is_thing_name(p: &Para, mut core: Range<usize>) -> bool {
    core.rfind(|&t| p.is_word(t))
        .is_some_and(|last| THING_NAME_ENDS.contains(p.word(last)))
}

/// Whether the lower-case word `t` describes a business or institution when
/// it stands right before the name `name`: "insurer Allianz", "utility
/// Brightwater". A noun that may describe a person too ("producer",
/// "developer") does so only before a one-word name ("crude producer Yukos",
/// not "developer Ammar Saleh").
pub fn describes_organization(p: &Para, t: usize, name: Range<usize>) -> bool {
    if !p.is_word(t) || p.is_capitalized(t) {
        return false;
    }
    // "and press Ohl", "to post Smith": a verb, not a noun of a phrase.
    let verb_like = t > 0
        && p.is_word(t - 1)
        && (p.is_any(t - 1, &["and", "or", "but", "to"])
            || p.is_any(t - 1, &grammar::AUXILIARIES)
            || grammar::Pronoun::parse(p.lower(t - 1)).is_some());
    if verb_like {
        return false;
    }
    let lower = p.lower(t);
    let one_word = name.filter(|&w| p.is_word(w)).count() == 1;
    lexicon().is_organization_head(lower) || one_word && ORGANIZATION_DESCRIPTORS.contains(lower)
}

/// Whether the name starting at `start` ends an institution's name, after
/// its head and a preposition: "the Society of River Owners", "the Network
/// for River Protection", "the Council on Farm Prices".
pub fn ends_institution_name(p: &Para, start: usize) -> bool {
    start >= 2
        && p.is_any(start - 1, &["of", "for", "on", "against"])
        && p.is_word(start - 2)
        && p.is_capitalized(start - 2)
        && lexicon().is_organization_head(p.lower(start - 2))
}

/// Longest apposition, in tokens, read for the noun that describes a name.
const MAX_APPOSITION_TOKENS: usize = 8;

/// The head of an apposition after the name ending before `end` when it
/// describes a business or institution: "Rostel, the state-backed phone
/// monopoly,", "Vellum, a small insurer.". The apposition's last word is
/// its head; one with a preposition or a possessive ("the head of the
/// firm", "the firm's founder") describes a person.
pub fn business_apposition(p: &Para, end: usize) -> Option<usize> {
    if end + 2 >= p.len() || p.kind(end) != Kind::Comma || !p.is_any(end + 1, &["the", "a", "an"]) {
        return None;
    }
    let limit = (end + 2 + MAX_APPOSITION_TOKENS).min(p.len());
    let close = (end + 2..limit).find(|&t| !p.kind(t).is_wordlike())?;
    let head = close - 1;
    let describes = matches!(p.kind(close), Kind::Comma | Kind::Period)
        && head > end + 1
        && (end + 2..close).all(|t| {
            p.is_word(t) && !p.is_capitalized(t) && !grammar::PREPOSITIONS.contains(p.lower(t))
        })
        && (lexicon().is_organization_head(p.lower(head))
            || ORGANIZATION_DESCRIPTORS.contains(p.lower(head)));
    describes.then_some(head)
}

/// ", which" and a verb right after the name ending before `end`: "Vellum,
/// which owns …" ("…, which he denied" may stand for more than the name).
pub fn followed_by_which(p: &Para, end: usize) -> bool {
    if end + 2 >= p.len()
        || p.kind(end) != Kind::Comma
        || !p.is_any(end + 1, &["which"])
        || !p.is_word(end + 2)
        || p.is_capitalized(end + 2)
    {
        return false;
    }
    let verb = p.lower(end + 2);
    grammar::AUXILIARIES.contains(verb)
        || grammar::IRREGULAR_PAST.contains(verb)
        || verb.ends_with("ed")
        || verb.ends_with('s') && !verb.ends_with("ss")
}

/// The article before the name starting at `start`, directly or across
/// adverbs and participles ("the rarely used Royal Prerogative"). A person's
/// name takes no article; a title, a programme or an office does. A capital
/// "A" is left alone: it may be an initial ("Carl A Boxt").
pub fn article_before(p: &Para, start: usize) -> Option<usize> {
    let mut t = start;
    for _ in 0..3 {
        if t == 0 || !p.is_word(t - 1) {
            return None;
        }
        t -= 1;
        if p.is_any(t, &["the"]) || matches!(p.word(t), "a" | "an") {
            return Some(t);
        }
        let lower = p.lower(t);
        let modifier = !p.is_capitalized(t) && (lower.ends_with("ly") || lower.ends_with("ed"));
        if !modifier {
            return None;
        }
    }
    None
}

/// Whether the role before a name ends with "of" ("chief executive of",
/// "Archbishop of"): what follows is the institution or place the role
/// belongs to, not the person who holds it.
pub fn role_of_what_follows(p: &Para, role: &Range<usize>) -> bool {
    role.end > role.start && p.is_any(role.end - 1, &["of"])
}

/// Whether the name starting at `start` follows a title and "at"
/// ("economist at Morgan Harbour"): a workplace, even when it opens with a
/// given name.
pub fn after_title_at(p: &Para, start: usize) -> bool {
    start >= 2 && p.is_any(start - 1, &["at"]) && p.title(start - 2).is_some()
}

/// Whether the clause at `k` (after a cue, or its "that") has its source speak
/// of itself as "it": "Vellum said it plans …", "… said it had won …", "… said
/// its profits rose". A person says "he" or "she"; an "it" that stands for no
/// one ("said it seems", "said it was hard", "said it would be") does not
/// count, nor does one that may stand for something named before ("said it
/// could fall").
pub fn speaks_of_itself(p: &Para, k: usize) -> bool {
    let k = if k < p.len() && p.is_any(k, &["that"]) {
        k + 1
    } else {
        k
    };
    if k + 1 >= p.len() || !p.is_word(k) || !p.is_word(k + 1) {
        return false;
    }
    let next = p.lower(k + 1);
    let after = if k + 2 < p.len() && p.is_word(k + 2) {
        p.lower(k + 2)
    } else {
        ""
    };
    let past = |word: &str| word.ends_with("ed") || grammar::IRREGULAR_PAST.contains(word);
    // "said it would be appraising": a modal and "be" before a gerund.
    let progressive =
        after == "be" && k + 3 < p.len() && p.is_word(k + 3) && p.lower(k + 3).ends_with("ing");
    match p.word(k) {
        "its" => true,
        "it" => match next {
            "had" | "has" => past(after) && after != "been",
            "will" => !after.is_empty() && !grammar::BE_FORMS.contains(after) || progressive,
            "would" => progressive,
            "is" | "was" => after.ends_with("ing"),
            "does" | "did" => after == "not",
            _ => {
                (next.ends_with('s') || past(next))
                    && !EXPLETIVE_IT_VERBS.contains(next)
                    && !grammar::BE_FORMS.contains(next)
                    && !grammar::AUXILIARIES.contains(next)
            }
        },
        _ => false,
    }
}

/// Longest headline, in words, read as one.
const MAX_HEADLINE_WORDS: usize = 20;

/// Longest headline, in words, read as one when every content word in it is
/// capitalized.
const MAX_CAPITALIZED_HEADLINE_WORDS: usize = 26;

/// Whether the sentence `sentence` is a short line in Title Case, a headline
/// or a heading ("Sailor Rescued After Storm Hits", "FAQ on CEO Resignation"),
/// where a capital says nothing about a name. Reads at most
/// [`MAX_CAPITALIZED_HEADLINE_WORDS`] words.
pub fn is_title_case_line(p: &Para, sentence: Range<usize>) -> bool {
    // All but one content word in ten capitalized: running text full of
    // names still has its verbs in lower case (three in twenty words and it
    // is running text). A longer line must have no lower-case content word:
    // a biography's "X is Director of the … Institute for …" has one.
    grammar::title_case_counts(p, sentence.clone(), MAX_HEADLINE_WORDS, 2).map_or_else(
        || {
            grammar::title_case_counts(p, sentence, MAX_CAPITALIZED_HEADLINE_WORDS, 0)
                .is_some_and(|(content_words, _)| content_words >= 3)
        },
        |(content_words, capitalized)| content_words >= 3 && capitalized * 10 >= content_words * 9,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Para<'_> {
        Para::new(0, text, false)
    }

    /// The token index of the first token that is `word`.
    fn at(p: &Para, word: &str) -> usize {
        (0..p.len()).find(|&t| p.word(t) == word).unwrap()
    }

    #[test]
    fn places_by_the_shape_of_their_names() {
        let p = para("Aides flew to Santa Clara and Kestrel Bay, then met Santa.");
        let santa = at(&p, "Santa");
        assert!(is_place_name(&p, santa..santa + 2));
        let kestrel = at(&p, "Kestrel");
        assert!(is_place_name(&p, kestrel..kestrel + 2));
        // One word alone has no shape to read.
        let last = p.len() - 2;
        assert!(!is_place_name(&p, last..last + 1));
    }

    #[test]
    fn an_article_across_adverbs_and_participles() {
        let p = para("They used the rarely used Royal Warrant with Carl A Boxt.");
        assert!(article_before(&p, at(&p, "Royal")).is_some());
        assert!(article_before(&p, at(&p, "Boxt")).is_none());
    }

    #[test]
    fn a_source_that_speaks_of_itself() {
        for (text, itself) in [
            ("Vellum said it plans a sale.", true),
            ("Vellum said that it had won approval.", true),
            ("Vellum said its profits rose.", true),
            ("Vellum said it would be appraising a field.", true),
            ("Holt said it seems unlikely.", false),
            ("Holt said it was hard.", false),
            ("Holt said it could fall.", false),
            ("Holt said it had been hard.", false),
        ] {
            let p = para(text);
            assert_eq!(speaks_of_itself(&p, at(&p, "said") + 1), itself, "{text}");
        }
    }

    #[test]
    fn headlines_by_their_capitals() {
        let p = para("Sailor Rescued After Storm Hits Harbour Town");
        assert!(is_title_case_line(&p, 0..p.len()));
        let p = para("The Archbishop of Lindholm Dr Rowan Hale appealed for calm.");
        assert!(!is_title_case_line(&p, 0..p.len()));
    }
}
