//! The word lists the annotator reads, compiled in from `assets/lexicon/`.
//!
//! Each file is parsed once, on first use. Keys are lower case (ASCII folding
//! only, so byte offsets never move) unless a list says its case matters.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::vocabulary::{VocabularyError, read};

const CUE_VERBS: &str = include_str!("../../../../assets/lexicon/cue_verbs.tsv");
const TITLES: &str = include_str!("../../../../assets/lexicon/titles.tsv");
const ANONYMOUS: &str = include_str!("../../../../assets/lexicon/anonymous.tsv");
const GROUPS: &str = include_str!("../../../../assets/lexicon/groups.tsv");
const ORGANIZATIONS: &str = include_str!("../../../../assets/lexicon/organizations.tsv");
const DOCUMENTS: &str = include_str!("../../../../assets/lexicon/documents.tsv");
const CHANNELS: &str = include_str!("../../../../assets/lexicon/channels.tsv");
const TURN_VERBS: &str = include_str!("../../../../assets/lexicon/turn_verbs.tsv");
const GIVEN_NAMES_CENSUS: &str =
    include_str!("../../../../assets/lexicon/given_names_us_census.tsv");
const GIVEN_NAMES_EXTRA: &str = include_str!("../../../../assets/lexicon/given_names_extra.tsv");

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

/// Every list, parsed.
#[derive(Debug)]
pub struct Lexicon {
    cues: HashMap<&'static str, CueClass>,
    /// Two-word cues, keyed by their first word: "according" → ("to", Say).
    two_word_cues: HashMap<&'static str, Vec<(&'static str, CueClass)>>,
    titles: HashMap<String, Title>,
    anonymous_heads: HashSet<&'static str>,
    /// Phrases ("familiar with"), lower-case, words joined by one space.
    anonymity_markers: Vec<String>,
    groups: HashSet<&'static str>,
    organization_heads: HashSet<&'static str>,
    /// Institutions known by name, keyed by their last word, so a phrase is
    /// checked against the few names it could end with.
    organization_names: HashMap<&'static str, Vec<Vec<&'static str>>>,
    documents: HashSet<&'static str>,
    channels: HashSet<&'static str>,
    turn_verbs: HashSet<&'static str>,
    given_names: HashMap<&'static str, Sex>,
}

/// Parsed on first use; the lists are compiled in, so a failure is a bug in
/// `assets/lexicon/` that the tests catch.
static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse().unwrap_or_else(|error| panic!("lexicon: {error}")));

/// The annotator's lists.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// The formats of the lexicon's lists (see their headers); shared with
/// `build.rs`.
pub(crate) mod format;

fn sex(code: &str) -> Sex {
    match code {
        "m" => Sex::Male,
        "f" => Sex::Female,
        _ => Sex::Unknown,
    }
}

impl Lexicon {
    fn parse() -> Result<Self, VocabularyError> {
        let mut cues = HashMap::default();
        let mut two_word_cues: HashMap<&str, Vec<(&str, CueClass)>> = HashMap::default();
        for row in read("cue_verbs.tsv", CUE_VERBS, format::CUE_VERBS)?.rows {
            let class = match row.get(1) {
                "tell" => CueClass::Tell,
                "ask" => CueClass::Ask,
                "call" => CueClass::Call,
                "noun" => CueClass::Noun,
                "object" => CueClass::Object,
                _ => CueClass::Say,
            };
            match row.fields()[0].split_once(' ') {
                Some((first, second)) => two_word_cues
                    .entry(first)
                    .or_default()
                    .push((second, class)),
                None => {
                    cues.insert(row.fields()[0], class);
                }
            }
        }
        let titles = read("titles.tsv", TITLES, format::TITLES)?
            .rows
            .iter()
            .map(|row| {
                let kind = match row.get(1) {
                    "honorific" => TitleKind::Honorific,
                    "modifier" => TitleKind::Modifier,
                    _ => TitleKind::Title,
                };
                let form = row.fields()[0];
                let key = if form.contains('.') {
                    form.to_string()
                } else {
                    form.to_ascii_lowercase()
                };
                (
                    key,
                    Title {
                        kind,
                        sex: sex(row.get(2)),
                    },
                )
            })
            // A word listed as a title and a modifier ("chief") is a title.
            .fold(HashMap::default(), |mut map, (key, title)| {
                map.entry(key)
                    .and_modify(|known: &mut Title| {
                        if known.kind == TitleKind::Modifier {
                            *known = title;
                        }
                    })
                    .or_insert(title);
                map
            });
        let mut anonymous_heads = HashSet::default();
        let mut anonymity_markers = Vec::new();
        for row in read("anonymous.tsv", ANONYMOUS, format::ANONYMOUS)?.rows {
            match row.get(1) {
                "marker" => anonymity_markers.push(
                    row.fields()[0]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                _ => {
                    anonymous_heads.insert(row.fields()[0]);
                }
            }
        }
        let mut organization_heads = HashSet::default();
        let mut organization_names: HashMap<&'static str, Vec<Vec<&'static str>>> =
            HashMap::default();
        for row in read("organizations.tsv", ORGANIZATIONS, format::ORGANIZATIONS)?.rows {
            match row.get(1) {
                "name" => {
                    let words: Vec<&'static str> = row.fields()[0].split(' ').collect();
                    if let Some(&last) = words.last() {
                        organization_names.entry(last).or_default().push(words);
                    }
                }
                _ => {
                    organization_heads.insert(row.fields()[0]);
                }
            }
        }
        let mut given_names = HashMap::default();
        let census = read(
            "given_names_us_census.tsv",
            GIVEN_NAMES_CENSUS,
            format::GIVEN_NAMES,
        )?;
        let extra = read(
            "given_names_extra.tsv",
            GIVEN_NAMES_EXTRA,
            format::GIVEN_NAMES,
        )?;
        // A name in both lists takes the sex the extra list gives it.
        for row in census.rows.iter().chain(&extra.rows) {
            given_names.insert(row.fields()[0], sex(row.get(1)));
        }
        let words = |file, text| -> Result<HashSet<&'static str>, VocabularyError> {
            Ok(read(file, text, format::WORDS)?
                .rows
                .iter()
                .map(|row| row.fields()[0])
                .collect())
        };
        Ok(Lexicon {
            cues,
            two_word_cues,
            titles,
            anonymous_heads,
            anonymity_markers,
            groups: words("groups.tsv", GROUPS)?,
            organization_heads,
            organization_names,
            documents: words("documents.tsv", DOCUMENTS)?,
            channels: words("channels.tsv", CHANNELS)?,
            turn_verbs: words("turn_verbs.tsv", TURN_VERBS)?,
            given_names,
        })
    }

    /// Whether a lower-case word is a verb of taking a turn ("replied", "hit").
    pub fn is_turn_verb(&self, lower: &str) -> bool {
        self.turn_verbs.contains(lower)
    }

    /// The cue class of a single lower-case word.
    pub fn cue(&self, lower: &str) -> Option<CueClass> {
        self.cues.get(lower).copied()
    }

    /// The second words that make `lower` a two-word cue ("according" → "to").
    pub fn two_word_cues(&self, lower: &str) -> &[(&'static str, CueClass)] {
        self.two_word_cues.get(lower).map_or(&[], Vec::as_slice)
    }

    /// A title, honorific or title modifier. `word` is as written; forms with
    /// a period ("Sen.") match only with their case.
    pub fn title(&self, word: &str) -> Option<Title> {
        // "co-chairman", "ex-minister", "vice-chair": the title after the prefix.
        if let Some((prefix, rest)) = word.split_once('-')
            && TITLE_PREFIXES.contains(&prefix.to_ascii_lowercase())
        {
            return self.title(rest);
        }
        if word.ends_with('.') {
            return self.titles.get(word).copied();
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.titles.get(word).copied();
        }
        // Lower-case on the stack: this runs for every capitalized word.
        let mut buffer = [0u8; 32];
        let bytes = buffer.get_mut(..word.len())?;
        bytes.copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        self.titles.get(std::str::from_utf8(bytes).ok()?).copied()
    }

    pub fn is_anonymous_head(&self, lower: &str) -> bool {
        self.anonymous_heads.contains(lower)
    }

    /// Whether a lower-case phrase holds a marker ("familiar with") that
    /// makes a source anonymous.
    pub fn has_anonymity_marker(&self, lower_phrase: &str) -> bool {
        self.anonymity_markers
            .iter()
            .any(|marker| lower_phrase.contains(marker.as_str()))
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
    pub fn given_name(&self, name: &str) -> Option<Sex> {
        self.given_names.get(name).copied()
    }
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
        assert_eq!(lexicon.two_word_cues("according"), &[("to", CueClass::Say)]);
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
}
