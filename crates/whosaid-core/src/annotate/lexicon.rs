//! The word lists the annotator reads, compiled in from `assets/lexicon/`.
//!
//! `build/` reads each file at build time (`build/lexicon.rs` decides what
//! a row means) and lays out static hash tables: nothing is parsed or hashed
//! at start-up. Keys are lower case
//! (ASCII folding only, so byte offsets never move) unless a list says its
//! case matters.

use std::sync::LazyLock;

use crate::vocabulary::Table;

/// How a cue word behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Takes a quote or a clause: "said", "added".
    Say,
    /// Takes a listener before its clause: "told reporters that".
    Tell,
    /// Takes an object or a that-clause: "announced a plan", "confirmed that".
    Object,
    /// Asks a question.
    Ask,
    /// Names or labels: a cue only when a quote follows ("called it "painful"").
    Call,
    /// Usually a noun ("states", "claims"): a cue only between a source and a clause.
    Noun,
}

impl CueClass {
    /// Whether the class heads a claim in a title-case headline ("Mayor Says
    /// …", "Minister Tells …"): the classes that take a clause.
    pub fn heads_headlines(self) -> bool {
        matches!(self, CueClass::Say | CueClass::Tell)
    }
}

/// What a word is as a cue: a cue of its own ("said"), the first of
/// two-word cues ("according" → "to"), both or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CueWord {
    /// The class of the word as a cue of its own.
    pub single: Option<CueClass>,
    /// The second words that make it a two-word cue, with their classes.
    pub pairs: &'static [(&'static str, CueClass)],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// Always followed by a name: "Mr.", "Dr.".
    Honorific,
    /// Precedes a name or heads a description: "President", "spokesman".
    Title,
    /// Only inside a longer title: "Prime", "former".
    Modifier,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    pub kind: TitleKind,
    pub sex: Sex,
}

/// Every list, as the static tables `build/` wrote.
#[derive(Debug)]
pub struct Lexicon {
    /// Cues of one word and of two, keyed by their first word: "said" →
    /// Say, "according" → ("to", Say).
    cue_words: &'static Table<CueWord>,
    titles: &'static Table<Title>,
    anonymous_heads: &'static Table<()>,
    /// Phrases ("familiar with"), lower-case, words joined by one space.
    anonymity_markers: &'static LazyLock<Markers>,
    groups: &'static Table<()>,
    organization_heads: &'static Table<()>,
    /// Institutions known by name, keyed by their last word, so a phrase is
    /// checked against the few names it could end with.
    organization_names: &'static Table<&'static [&'static [&'static str]]>,
    documents: &'static Table<()>,
    channels: &'static Table<()>,
    turn_verbs: &'static Table<()>,
    given_names: &'static Table<Sex>,
}

// CUE_WORDS, TITLES, ANONYMOUS_HEADS, ANONYMITY_MARKERS, GROUPS,
// ORGANIZATION_HEADS, ORGANIZATION_NAMES, DOCUMENTS, CHANNELS, TURN_VERBS and
// GIVEN_NAMES, from build/lexicon.rs.
include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

static LEXICON: Lexicon = Lexicon {
    cue_words: &CUE_WORDS,
    titles: &TITLES,
    anonymous_heads: &ANONYMOUS_HEADS,
    anonymity_markers: &MARKERS,
    groups: &GROUPS,
    organization_heads: &ORGANIZATION_HEADS,
    organization_names: &ORGANIZATION_NAMES,
    documents: &DOCUMENTS,
    channels: &CHANNELS,
    turn_verbs: &TURN_VERBS,
    given_names: &GIVEN_NAMES,
};

/// The anonymity markers, indexed for [`Lexicon::has_anonymity_marker`].
#[derive(Debug)]
struct Markers {
    /// Markers with the byte offset of their first space (at most 64).
    spaced: Box<[(&'static str, usize)]>,
    /// For each byte, the `spaced` markers (bit `i` for `spaced[i]`) whose
    /// first space comes right after that byte.
    before_space: Box<[u64; 256]>,
    /// The others: one word, a space first (neither is in the lists), or
    /// past the index's 64; searched for throughout.
    rest: Box<[&'static str]>,
}

/// The anonymity markers, indexed once.
static MARKERS: LazyLock<Markers> = LazyLock::new(|| {
    let mut spaced = Vec::new();
    let mut rest = Vec::new();
    let mut before_space = Box::new([0u64; 256]);
    for &text in ANONYMITY_MARKERS {
        match text.find(' ') {
            Some(k) if k > 0 && spaced.len() < 64 => {
                before_space[usize::from(text.as_bytes()[k - 1])] |= 1 << spaced.len();
                spaced.push((text, k));
            }
            _ => rest.push(text),
        }
    }
    Markers {
        spaced: spaced.into(),
        before_space,
        rest: rest.into(),
    }
});

/// The annotator's lists.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// The formats of the lexicon's lists (see their headers); shared with
/// `build/`.
#[cfg(test)]
#[allow(
    dead_code,
    reason = "shared with build/lexicon.rs, which uses all of it"
)]
pub(crate) mod format;

impl Lexicon {
    /// Whether a lower-case word is a verb of taking a turn ("replied", "hit").
    pub fn is_turn_verb(&self, lower: &str) -> bool {
        self.turn_verbs.contains(lower)
    }

    /// The cue class of a single lower-case word.
    #[inline]
    pub fn cue(&self, lower: &str) -> Option<CueClass> {
        self.cue_word(lower).single
    }

    /// What `lower` is as a cue: of its own ([`Lexicon::cue`]) and as the
    /// first of two words ("according" → "to"), with one look-up.
    #[inline]
    pub fn cue_word(&self, lower: &str) -> CueWord {
        self.cue_words.get(lower).unwrap_or_default()
    }

    /// A title, honorific or title modifier. `word` is as written; forms with
    /// a period ("Sen.") match only with their case.
    /// Whether `word` after `before` is a name because an honorific precedes
    /// it: "Ms King", "Mr Major", but not "Lord Chancellor" or "Lady
    /// Justice", titles that open with an honorific.
    pub fn names_after_honorific(&self, before: &str, word: &str) -> bool {
        self.title(before)
            .is_some_and(|title| title.kind == TitleKind::Honorific)
            && !(matches!(before, "Lord" | "Lady") && self.title(word).is_some())
    }

    pub fn title(&self, word: &str) -> Option<Title> {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.title_of(word, word);
        }
        crate::vocabulary::with_ascii_lowercase(word, |lower| self.title_of(word, lower))
    }

    /// [`Lexicon::title`] of `word`, whose ASCII lower case `lower` is at
    /// hand (a paragraph keeps its tokens'), so nothing is copied or checked.
    pub fn title_of(&self, word: &str, lower: &str) -> Option<Title> {
        // "co-chairman", "ex-minister", "vice-chair": the title after the prefix.
        // Found by a plain loop: words are short, and most have no hyphen.
        if let Some(hyphen) = word.bytes().position(|byte| byte == b'-')
            && let Some((prefix, rest)) = word.split_at_checked(hyphen)
            && let Some(rest) = rest.strip_prefix('-')
            && let Some((lower_prefix, lower_rest)) = lower.split_at_checked(prefix.len())
            && let Some(lower_rest) = lower_rest.strip_prefix('-')
            && TITLE_PREFIXES.contains(lower_prefix)
        {
            return self.title_of(rest, lower_rest);
        }
        if word.ends_with('.') {
            return self.titles.get(word);
        }
        self.titles.get(lower).or_else(|| {
            // "President-elect", "secretary-treasurer": a title joined to
            // "elect" or to another title is the first title.
            let (first, second) = split_at_hyphen(lower)?;
            let title = self.titles.get(first)?;
            (matches!(second, "elect" | "designate") || self.titles.get(second).is_some())
                .then_some(title)
        })
    }

    pub fn is_anonymous_head(&self, lower: &str) -> bool {
        self.anonymous_heads.contains(lower)
    }

    /// Whether a lower-case phrase holds a marker ("familiar with") that
    /// makes a source anonymous.
    pub fn has_anonymity_marker(&self, lower_phrase: &str) -> bool {
        let markers: &Markers = self.anonymity_markers;
        let phrase = lower_phrase.as_bytes();
        // A marker's first space falls on one of the phrase's spaces, so a
        // marker is tried only at a space after the byte its own space
        // follows, where a search per marker read the whole phrase once for
        // each.
        let at_a_space = (1..phrase.len()).any(|s| {
            if phrase[s] != b' ' {
                return false;
            }
            let mut candidates = markers.before_space[usize::from(phrase[s - 1])];
            while candidates != 0 {
                let i = candidates.trailing_zeros() as usize;
                candidates &= candidates - 1;
                if let Some(&(text, k)) = markers.spaced.get(i)
                    && s >= k
                    && phrase[s - k..].starts_with(text.as_bytes())
                {
                    return true;
                }
            }
            false
        });
        at_a_space || markers.rest.iter().any(|text| lower_phrase.contains(text))
    }

    pub fn is_group(&self, lower: &str) -> bool {
        self.groups.contains(lower)
    }

    pub fn is_organization_head(&self, lower: &str) -> bool {
        self.organization_heads.contains(lower)
    }

    /// Whether words (with their case) end with the name of a known
    /// institution ("the White House", "Reuters").
    pub fn ends_with_organization_name(&self, words: &[&str]) -> bool {
        let Some(last) = words.last() else {
            return false;
        };
        self.organization_names.get(last).is_some_and(|names| {
            names.iter().any(|name| {
                words.len() >= name.len() && words[words.len() - name.len()..] == name[..]
            })
        })
    }

    /// Whether words (with their case) are the whole name of a known
    /// institution ("Marks", "and", "Spencer").
    pub fn is_organization_name(&self, words: &[&str]) -> bool {
        words.last().is_some_and(|last| {
            self.organization_names
                .get(last)
                .is_some_and(|names| names.iter().any(|name| name[..] == words[..]))
        })
    }

    /// Whether a word ends the name of a known institution ("Motors" of
    /// "General Motors"): a cheap test before [`Self::ends_with_organization_name`].
    pub fn ends_an_organization_name(&self, word: &str) -> bool {
        self.organization_names.get(word).is_some()
    }

    /// Whether one word is the whole name of a known institution ("Reuters").
    pub fn is_one_word_organization(&self, word: &str) -> bool {
        self.organization_names
            .get(word)
            .is_some_and(|names| names.iter().any(|name| name.len() == 1))
    }

    pub fn is_document(&self, lower: &str) -> bool {
        self.documents.contains(lower)
    }

    pub fn is_channel(&self, lower: &str) -> bool {
        self.channels.contains(lower)
    }

    /// The sex a given name is most often given to; `None` if it is not a known
    /// given name. `name` is title case as written ("Donald").
    /// A double given name joined by a hyphen ("Jean-Claude", "Anne-Marie")
    /// is one when both halves are; its sex is theirs when they agree ("Jean"
    /// alone is most often a woman's name in English, "Jean-Claude" a man's).
    pub fn given_name(&self, name: &str) -> Option<Sex> {
        self.given_names.get(name).or_else(|| {
            let (first, second) = split_at_hyphen(name)?;
            let (first, second) = (self.given_names.get(first)?, self.given_names.get(second)?);
            Some(if first == second { first } else { Sex::Unknown })
        })
    }
}

/// `word.split_once('-')` by a plain loop: `split_once`'s searcher is not
/// always inlined, and then costs a call for every word looked up (most are
/// in no list, and have no hyphen).
#[inline]
fn split_at_hyphen(word: &str) -> Option<(&str, &str)> {
    let hyphen = word.bytes().position(|byte| byte == b'-')?;
    Some((word.get(..hyphen)?, word.get(hyphen + 1..)?))
}

/// Prefixes joined to a title by a hyphen, read as the title after them: "co-chairman", "ex-minister", "vice-chair".
static TITLE_PREFIXES: crate::vocabulary::WordSet = crate::vocabulary::word_set!("title_prefixes");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_parses_and_has_entries() {
        let lexicon = lexicon();
        assert_eq!(lexicon.cue("said"), Some(CueClass::Say));
        assert_eq!(lexicon.cue("told"), Some(CueClass::Tell));
        assert_eq!(lexicon.cue("called"), Some(CueClass::Call));
        assert_eq!(lexicon.cue("states"), Some(CueClass::Noun));
        assert_eq!(
            lexicon.cue_word("according").pairs,
            &[("to", CueClass::Say)]
        );
        assert_eq!(
            lexicon.title("Sen.").map(|t| t.kind),
            Some(TitleKind::Title)
        );
        assert_eq!(lexicon.title("sen."), None);
        assert_eq!(
            lexicon.title("President").map(|t| t.kind),
            Some(TitleKind::Title)
        );
        assert_eq!(
            lexicon.title("spokeswoman").map(|t| t.sex),
            Some(Sex::Female)
        );
        assert_eq!(
            lexicon.title("Prime").map(|t| t.kind),
            Some(TitleKind::Modifier)
        );
        assert_eq!(
            lexicon.title("chief").map(|t| t.kind),
            Some(TitleKind::Title)
        );
        assert!(lexicon.is_anonymous_head("officials"));
        assert!(lexicon.has_anonymity_marker("an official familiar with the talks"));
        assert!(!lexicon.has_anonymity_marker("an official"));
        assert!(lexicon.is_group("leaders"));
        assert!(lexicon.is_organization_head("department"));
        assert!(lexicon.ends_with_organization_name(&["the", "White", "House"]));
        assert!(!lexicon.ends_with_organization_name(&["House"]));
        assert!(lexicon.is_document("statement"));
        assert!(lexicon.is_channel("statement"));
        assert_eq!(lexicon.given_name("Donald"), Some(Sex::Male));
        assert_eq!(lexicon.given_name("Volodymyr"), Some(Sex::Male));
        assert_eq!(lexicon.given_name("Angela"), Some(Sex::Female));
        assert_eq!(lexicon.given_name("Zelenskiy"), None);
    }

    /// The search from the phrase's spaces finds what a search for each
    /// marker throughout finds.
    #[test]
    fn anonymity_markers_are_found_as_a_plain_search_finds_them() {
        let lexicon = lexicon();
        let phrases = [
            "",
            " ",
            "familiar with",
            "an official familiar with the talks",
            "an unfamiliar withdrawal",
            "people close to",
            "close  to",
            "two sources, who asked not to be named",
            "a person not authorised to speak",
            "officials  familiar with",
            "é familiar with",
            "familiar with é",
            "on the condition of anonymity",
            "with",
            "requested anonymity.",
        ];
        for phrase in phrases {
            let plain = ANONYMITY_MARKERS.iter().any(|m| phrase.contains(m));
            assert_eq!(lexicon.has_anonymity_marker(phrase), plain, "{phrase:?}");
        }
        // The lists' markers are all phrases, found from their spaces.
        assert!(MARKERS.rest.is_empty(), "{MARKERS:?}");
    }
}
