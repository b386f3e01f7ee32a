//! The compiled-in gazetteer: every phrase that names a country or bloc (or that
//! must not be read as one), and one automaton that finds them all in one pass.

// Fx hashing: these tables are built at every start-up and probed per word.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::annotate::lexicon::format::GIVEN_NAMES as GIVEN_NAMES_FORMAT;
use crate::model::CountryKind;
use crate::vocabulary::{Row, VocabularyError, read};

const COUNTRIES: &str = include_str!("../../../../../assets/gazetteer/countries.tsv");
const NAMES: &str = include_str!("../../../../../assets/gazetteer/names.tsv");
const DEMONYMS: &str = include_str!("../../../../../assets/gazetteer/demonyms.tsv");
const SEATS: &str = include_str!("../../../../../assets/gazetteer/seats.tsv");
const BLOCS: &str = include_str!("../../../../../assets/gazetteer/blocs.tsv");
const NOT_PLACES: &str = include_str!("../../../../../assets/gazetteer/not_places.tsv");
const SUBDIVISIONS: &str = include_str!("../../../../../assets/gazetteer/subdivisions.tsv");
const GIVEN_NAMES: &str = include_str!("../../../../../assets/lexicon/given_names_us_census.tsv");

/// A country or bloc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlaceInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub kind: CountryKind,
}

/// What a phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// An index into [`Gazetteer::places`].
    Place(usize),
    /// The first place unless the story names only the second ("Congo", "Korean").
    Either(usize, usize),
    /// A phrase that contains a place name but names something else ("New Mexico").
    Nothing,
}

/// How a phrase names its place; the rules differ by form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Name,
    /// The adjective or singular noun ("Ukrainian").
    Demonym,
    /// A plural noun for the people ("Ukrainians").
    People,
    Capital,
    Seat,
    Region,
    Bloc,
    /// A US state.
    State,
    /// A Canadian province or territory.
    Province,
    NotPlace,
}

/// Flags from the data files (see their headers).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flags {
    /// An abbreviation that is also a word in all-caps text ("US").
    pub caps: bool,
    /// Also a US state ("Georgia", "Washington").
    pub state: bool,
    /// Also a language ("French").
    pub lang: bool,
    /// Also a given or family name ("Jordan", "Chad").
    pub person: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The phrase as listed, in every capitalisation listed ("NATO", "Nato").
    pub variants: Vec<&'static str>,
    pub target: Target,
    pub form: Form,
    pub flags: Flags,
}

pub(crate) struct Gazetteer {
    pub places: Vec<PlaceInfo>,
    pub entries: Vec<Entry>,
    /// Finds every spelling of every entry; case-sensitive (see [`spellings`]).
    pub automaton: AhoCorasick,
    /// The entry of each automaton pattern.
    pub pattern_entry: Vec<usize>,
    /// US states and Canadian provinces with their abbreviations ("Ont.", "Ga.").
    pub subdivisions: HashSet<&'static str>,
    /// The names of the US states alone.
    pub us_states: HashSet<&'static str>,
    pub given_names: HashSet<&'static str>,
    by_phrase: HashMap<String, usize>,
}

/// What is wrong with the gazetteer's data: the lists are compiled in, so
/// this is a bug in `assets/gazetteer/`, which the tests catch.
#[derive(Debug, thiserror::Error)]
pub(crate) enum GazetteerError {
    #[error(transparent)]
    List(#[from] VocabularyError),
    #[error("{file}: unknown {what} {value:?}")]
    Unknown {
        file: &'static str,
        what: &'static str,
        value: String,
    },
    #[error("unknown code {0:?}")]
    UnknownCode(String),
    #[error("code {0} listed twice")]
    CodeTwice(String),
    #[error("empty phrase")]
    EmptyPhrase,
    #[error("{0:?} names two different places")]
    TwoPlaces(String),
    #[error("{0:?} spells two entries")]
    SpelledTwice(String),
    #[error("unknown flag {0:?}")]
    UnknownFlag(String),
    #[error("automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

/// Built on first use; the data is compiled in, so a failure here is a bug in
/// `assets/gazetteer/` and the tests catch it.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::build().unwrap_or_else(|error| panic!("gazetteer: {error}")));

impl Gazetteer {
    /// What a phrase listed exactly so (in any listed capitalisation) refers to.
    pub fn target_of(&self, phrase: &str) -> Option<Target> {
        self.by_phrase
            .get(&phrase.to_ascii_lowercase())
            .map(|&i| &self.entries[i])
            .filter(|e| e.variants.contains(&phrase) && e.target != Target::Nothing)
            .map(|e| e.target)
    }

    /// Whether a phrase, as written, is listed at all: a country, a region, a
    /// city or a state ("Colorado", "New Mexico").
    pub fn lists(&self, phrase: &str) -> bool {
        self.by_phrase
            .get(&phrase.to_ascii_lowercase())
            .is_some_and(|&i| self.entries[i].variants.contains(&phrase))
    }

    fn build() -> Result<Gazetteer, GazetteerError> {
        let mut builder = Builder::default();
        for row in read("countries.tsv", COUNTRIES, format::COUNTRIES)?.rows {
            let [code, name, forms] = fields_n(&row, "countries.tsv")?;
            let place = builder.add_place(code, name, CountryKind::Country)?;
            for form in split_list(forms) {
                builder.add(form, Target::Place(place), Form::Name, Flags::default())?;
            }
        }
        for row in read("blocs.tsv", BLOCS, format::BLOCS)?.rows {
            let [code, name, forms] = fields_n(&row, "blocs.tsv")?;
            let place = builder.add_place(code, name, CountryKind::Bloc)?;
            for form in split_list(forms) {
                builder.add(form, Target::Place(place), Form::Bloc, Flags::default())?;
            }
        }
        for row in read("names.tsv", NAMES, format::NAMES)?.rows {
            let [phrase, code, flags] = fields_n(&row, "names.tsv")?;
            let target = builder.target(code)?;
            builder.add(phrase, target, Form::Name, parse_flags(flags)?)?;
        }
        for row in read("demonyms.tsv", DEMONYMS, format::DEMONYMS)?.rows {
            let [code, forms, people, flags] = fields_n(&row, "demonyms.tsv")?;
            let target = builder.target(code)?;
            let flags = parse_flags(flags)?;
            for form in split_list(forms) {
                builder.add(form, target, Form::Demonym, flags)?;
            }
            for form in split_list(people) {
                builder.add(form, target, Form::People, flags)?;
            }
        }
        for row in read("seats.tsv", SEATS, format::SEATS)?.rows {
            let [phrase, code, kind, flags] = fields_n(&row, "seats.tsv")?;
            let form = match kind {
                "capital" => Form::Capital,
                "seat" => Form::Seat,
                "region" => Form::Region,
                other => {
                    return Err(GazetteerError::Unknown {
                        file: "seats.tsv",
                        what: "kind",
                        value: other.to_string(),
                    });
                }
            };
            let target = builder.target(code)?;
            builder.add(phrase, target, form, parse_flags(flags)?)?;
        }
        let mut subdivisions = HashSet::default();
        let mut us_states = HashSet::default();
        for row in read("subdivisions.tsv", SUBDIVISIONS, format::SUBDIVISIONS)?.rows {
            let [name, country, abbreviations] = fields_n(&row, "subdivisions.tsv")?;
            let form = match country {
                "US" => Form::State,
                "CA" => Form::Province,
                other => {
                    return Err(GazetteerError::Unknown {
                        file: "subdivisions.tsv",
                        what: "country",
                        value: other.to_string(),
                    });
                }
            };
            subdivisions.insert(name);
            if form == Form::State {
                us_states.insert(name);
            }
            subdivisions.extend(split_list(abbreviations));
            // Georgia and Washington stay country and capital, with their `state` flag.
            if !builder.seen.contains_key(&name.to_ascii_lowercase()) {
                builder.add(name, Target::Nothing, form, Flags::default())?;
            }
        }
        for row in read("not_places.tsv", NOT_PLACES, format::NOT_PLACES)?.rows {
            let [phrase] = fields_n(&row, "not_places.tsv")?;
            builder.add(phrase, Target::Nothing, Form::NotPlace, Flags::default())?;
        }

        let given_names: HashSet<&'static str> =
            read("given_names_us_census.tsv", GIVEN_NAMES, GIVEN_NAMES_FORMAT)?
                .rows
                .iter()
                .map(|row| row.fields()[0])
                .collect();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entry = Vec::new();
        let mut seen_spellings: HashMap<String, usize> = HashMap::default();
        for (index, entry) in builder.entries.iter().enumerate() {
            for spelling in entry.variants.iter().flat_map(|v| spellings(v)) {
                match seen_spellings.get(&spelling) {
                    Some(&other) if other != index => {
                        return Err(GazetteerError::SpelledTwice(spelling));
                    }
                    Some(_) => {}
                    None => {
                        seen_spellings.insert(spelling.clone(), index);
                        patterns.push(spelling);
                        pattern_entry.push(index);
                    }
                }
            }
        }
        // A contiguous NFA, built on every run: a full DFA took 9.3 ms and
        // 6.4 MB to build, most of the start-up, for no gain in a whole
        // corpus's annotation time; this one builds in a few ms and takes
        // 0.34 MB (0.93 MB for the noncontiguous NFA, which builds no
        // faster), with the same matches. Named, not left to the builder,
        // which would pick a DFA again for a short list.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)?;
        Ok(Gazetteer {
            places: builder.places,
            entries: builder.entries,
            automaton,
            pattern_entry,
            subdivisions,
            us_states,
            given_names,
            by_phrase: builder.seen,
        })
    }
}

#[derive(Default)]
struct Builder {
    places: Vec<PlaceInfo>,
    by_code: HashMap<&'static str, usize>,
    entries: Vec<Entry>,
    /// Lower-case phrase → entry index, to merge a phrase listed twice or in two
    /// capitalisations.
    seen: HashMap<String, usize>,
}

impl Builder {
    fn add_place(
        &mut self,
        code: &'static str,
        name: &'static str,
        kind: CountryKind,
    ) -> Result<usize, GazetteerError> {
        if self.by_code.contains_key(code) {
            return Err(GazetteerError::CodeTwice(code.to_string()));
        }
        self.places.push(PlaceInfo { code, name, kind });
        self.by_code.insert(code, self.places.len() - 1);
        Ok(self.places.len() - 1)
    }

    fn target(&self, code: &str) -> Result<Target, GazetteerError> {
        let index = |code: &str| {
            self.by_code
                .get(code)
                .copied()
                .ok_or_else(|| GazetteerError::UnknownCode(code.to_string()))
        };
        match code.split_once('|') {
            Some((first, second)) => Ok(Target::Either(index(first)?, index(second)?)),
            None => Ok(Target::Place(index(code)?)),
        }
    }

    fn add(
        &mut self,
        phrase: &'static str,
        target: Target,
        form: Form,
        flags: Flags,
    ) -> Result<(), GazetteerError> {
        if phrase.is_empty() {
            return Err(GazetteerError::EmptyPhrase);
        }
        let key = phrase.to_ascii_lowercase();
        if let Some(&i) = self.seen.get(&key) {
            let entry = &mut self.entries[i];
            if entry.target != target {
                return Err(GazetteerError::TwoPlaces(phrase.to_string()));
            }
            if !entry.variants.contains(&phrase) {
                entry.variants.push(phrase);
            }
            entry.flags.caps |= flags.caps;
            entry.flags.state |= flags.state;
            entry.flags.lang |= flags.lang;
            entry.flags.person |= flags.person;
            return Ok(());
        }
        self.seen.insert(key, self.entries.len());
        self.entries.push(Entry {
            variants: vec![phrase],
            target,
            form,
            flags,
        });
        Ok(())
    }
}

/// The spellings of a listed phrase that running text uses: as listed, in capitals
/// ("UKRAINE") and with every word capitalised ("Gulf Of Guinea"). Lower case
/// never matches an upper-case letter of the list ("US" is not "us", "Turkey" is
/// not "turkey"), so matching is case-sensitive and lower-case text is passed
/// over at full speed.
fn spellings(listed: &str) -> Vec<String> {
    let title: String = listed
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = vec![listed.to_string()];
    for spelling in [listed.to_uppercase(), title] {
        if !out.contains(&spelling) {
            out.push(spelling);
        }
    }
    out
}

/// A row's fields as an array; the reader has checked the count against
/// the list's format, so an error here means the two disagree.
fn fields_n<const N: usize>(
    row: &Row,
    file: &'static str,
) -> Result<[&'static str; N], VocabularyError> {
    <[&'static str; N]>::try_from(row.fields()).map_err(|_| VocabularyError::Fields {
        file,
        line: row.line,
        expected: N.to_string(),
        found: row.fields().len(),
    })
}

/// The formats of the gazetteer's lists (see their headers).
pub(crate) mod format {
    use crate::vocabulary::{Class, Format};

    pub const COUNTRIES: Format = Format::fields(3);
    pub const BLOCS: Format = Format::fields(3);
    pub const NAMES: Format = Format::fields(3);
    pub const DEMONYMS: Format = Format::fields(4);
    pub const SEATS: Format = Format {
        min_fields: 4,
        max_fields: 4,
        classes: &[Class {
            column: 2,
            name: "kind",
            values: &["capital", "seat", "region"],
        }],
        key: &[0],
    };
    pub const SUBDIVISIONS: Format = Format {
        min_fields: 3,
        max_fields: 3,
        classes: &[Class {
            column: 1,
            name: "country",
            values: &["US", "CA"],
        }],
        key: &[0],
    };
    pub const NOT_PLACES: Format = Format::WORDS;
}

fn split_list(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split('|').filter(|s| !s.is_empty() && *s != "-")
}

fn parse_flags(list: &str) -> Result<Flags, GazetteerError> {
    let mut flags = Flags::default();
    for flag in list.split(',').filter(|f| *f != "-") {
        match flag {
            "caps" => flags.caps = true,
            "state" => flags.state = true,
            "lang" => flags.lang = true,
            "person" => flags.person = true,
            other => return Err(GazetteerError::UnknownFlag(other.to_string())),
        }
    }
    Ok(flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_rows_are_typed_errors_naming_the_file() {
        let row = Row::new(12, &["FR", "France"]);
        let error = GazetteerError::from(fields_n::<3>(&row, "countries.tsv").unwrap_err());
        assert_eq!(
            error.to_string(),
            "countries.tsv:12: expected 3 tab-separated fields, found 2"
        );
        assert!(matches!(
            parse_flags("caps,loud"),
            Err(GazetteerError::UnknownFlag(flag)) if flag == "loud"
        ));
    }

    impl Gazetteer {
        fn place(&self, code: &str) -> Option<&PlaceInfo> {
            self.places.iter().find(|p| p.code == code)
        }
    }

    #[test]
    fn the_gazetteer_builds_and_knows_its_places() {
        let g = &*GAZETTEER;
        assert_eq!(g.place("UA").map(|p| p.name), Some("Ukraine"));
        assert_eq!(g.place("GB").map(|p| p.name), Some("United Kingdom"));
        assert_eq!(g.place("NATO").map(|p| p.kind), Some(CountryKind::Bloc));
        assert!(g.place("UN").is_none(), "the UN is not a bloc");
        assert!(g.subdivisions.contains("Ont."));
        assert!(g.given_names.contains("Jordan"));
    }

    #[test]
    fn spellings_of_a_phrase() {
        assert_eq!(spellings("Nato"), ["Nato", "NATO"]);
        assert_eq!(spellings("US"), ["US"]);
        assert_eq!(
            spellings("Gulf of Guinea"),
            ["Gulf of Guinea", "GULF OF GUINEA", "Gulf Of Guinea"]
        );
        assert_eq!(spellings("Élysée"), ["Élysée", "ÉLYSÉE"]);
    }

    #[test]
    fn every_country_code_is_two_upper_case_letters() {
        for place in &GAZETTEER.places {
            if place.kind == CountryKind::Country {
                assert!(
                    place.code.len() == 2 && place.code.bytes().all(|b| b.is_ascii_uppercase()),
                    "{}",
                    place.code
                );
            }
        }
    }

    #[test]
    fn ambiguous_names_carry_their_flags() {
        let flags = |phrase: &str| {
            GAZETTEER
                .entries
                .iter()
                .find(|e| e.variants.contains(&phrase))
                .map(|e| e.flags)
                .unwrap_or_else(|| panic!("{phrase} missing"))
        };
        assert!(flags("Jordan").person);
        assert!(flags("Chad").person);
        assert!(flags("Washington").person && flags("Washington").state);
        assert!(flags("Georgia").state);
        assert!(!flags("Ukraine").person);
        assert!(flags("French").lang);
    }
}
