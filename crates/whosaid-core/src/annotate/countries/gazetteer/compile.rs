//! Reads the gazetteer's lists into places, entries and the spellings that
//! find them. `build/` runs this at build time and writes the result as
//! static tables (the crate's tests run it again and compare), so a bad list
//! is a build error and start-up reads nothing.

use std::collections::HashMap;

use crate::annotate::countries::gazetteer::format;
use crate::annotate::countries::gazetteer::{Flags, Form, Target};
use crate::annotate::lexicon::format::GIVEN_NAMES as GIVEN_NAMES_FORMAT;
use crate::vocabulary::{Row, VocabularyError, read};

const COUNTRIES: &str = include_str!("../../../../../../assets/gazetteer/countries.tsv");
const NAMES: &str = include_str!("../../../../../../assets/gazetteer/names.tsv");
const DEMONYMS: &str = include_str!("../../../../../../assets/gazetteer/demonyms.tsv");
const SEATS: &str = include_str!("../../../../../../assets/gazetteer/seats.tsv");
const BLOCS: &str = include_str!("../../../../../../assets/gazetteer/blocs.tsv");
const NOT_PLACES: &str = include_str!("../../../../../../assets/gazetteer/not_places.tsv");
const SUBDIVISIONS: &str = include_str!("../../../../../../assets/gazetteer/subdivisions.tsv");
const GIVEN_NAMES: &str =
    include_str!("../../../../../../assets/lexicon/given_names_us_census.tsv");

/// A country or bloc, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    pub code: &'static str,
    pub name: &'static str,
    /// A bloc (`blocs.tsv`), not a country.
    pub bloc: bool,
}

/// A phrase and every capitalisation of it listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The phrase as listed, in every capitalisation listed ("NATO", "Nato").
    pub variants: Vec<&'static str>,
    pub target: Target,
    pub form: Form,
    pub flags: Flags,
}

/// The gazetteer, read and checked.
#[derive(Debug)]
pub(crate) struct Compiled {
    pub places: Vec<Place>,
    pub entries: Vec<Entry>,
    /// Every spelling running text uses (see [`spellings`]) with its entry,
    /// each once.
    pub patterns: Vec<(String, usize)>,
    /// Lower-case phrase → entry, sorted by phrase.
    pub by_phrase: Vec<(String, usize)>,
    /// US states and Canadian provinces with their abbreviations, sorted.
    pub subdivisions: Vec<&'static str>,
    /// The names of the US states alone, sorted.
    pub us_states: Vec<&'static str>,
    /// The census's given names, sorted.
    pub given_names: Vec<&'static str>,
}

/// What is wrong with the gazetteer's data: a bug in `assets/gazetteer/`,
/// reported by the build.
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
}

/// Reads the bundled gazetteer lists.
pub(crate) fn compile() -> Result<Compiled, GazetteerError> {
    let mut builder = Builder::default();
    for row in read("countries.tsv", COUNTRIES, format::COUNTRIES)?.rows {
        let [code, name, forms] = fields_n(&row, "countries.tsv")?;
        let place = builder.add_place(code, name, false)?;
        for form in split_list(forms) {
            builder.add(form, Target::Place(place), Form::Name, Flags::default())?;
        }
    }
    for row in read("blocs.tsv", BLOCS, format::BLOCS)?.rows {
        let [code, name, forms] = fields_n(&row, "blocs.tsv")?;
        let place = builder.add_place(code, name, true)?;
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
    let mut subdivisions = Vec::new();
    let mut us_states = Vec::new();
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
        subdivisions.push(name);
        if form == Form::State {
            us_states.push(name);
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

    let given_names = read("given_names_us_census.tsv", GIVEN_NAMES, GIVEN_NAMES_FORMAT)?
        .rows
        .iter()
        .map(|row| row.fields()[0])
        .collect();
    let mut patterns = Vec::new();
    let mut seen_spellings: HashMap<String, usize> = HashMap::new();
    for (index, entry) in builder.entries.iter().enumerate() {
        for spelling in entry.variants.iter().flat_map(|v| spellings(v)) {
            match seen_spellings.get(&spelling) {
                Some(&other) if other != index => {
                    return Err(GazetteerError::SpelledTwice(spelling));
                }
                Some(_) => {}
                None => {
                    seen_spellings.insert(spelling.clone(), index);
                    patterns.push((spelling, index));
                }
            }
        }
    }
    let mut by_phrase: Vec<(String, usize)> = builder.seen.into_iter().collect();
    by_phrase.sort();
    Ok(Compiled {
        places: builder.places,
        entries: builder.entries,
        patterns,
        by_phrase,
        subdivisions: sorted(subdivisions),
        us_states: sorted(us_states),
        given_names: sorted(given_names),
    })
}

/// Sorted and each once, for a binary search.
fn sorted(mut words: Vec<&'static str>) -> Vec<&'static str> {
    words.sort_unstable();
    words.dedup();
    words
}

#[derive(Default)]
struct Builder {
    places: Vec<Place>,
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
        bloc: bool,
    ) -> Result<usize, GazetteerError> {
        if self.by_code.contains_key(code) {
            return Err(GazetteerError::CodeTwice(code.to_string()));
        }
        self.places.push(Place { code, name, bloc });
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
pub(crate) fn spellings(listed: &str) -> Vec<String> {
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
pub(crate) fn fields_n<const N: usize>(
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

fn split_list(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split('|').filter(|s| !s.is_empty() && *s != "-")
}

pub(crate) fn parse_flags(list: &str) -> Result<Flags, GazetteerError> {
    let mut flags = Flags::default();
    for flag in list.split(',').filter(|f| *f != "-") {
        match flag {
            "caps" => flags.caps = true,
            "state" => flags.state = true,
            "lang" => flags.lang = true,
            "person" => flags.person = true,
            "group" => flags.group = true,
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
}
