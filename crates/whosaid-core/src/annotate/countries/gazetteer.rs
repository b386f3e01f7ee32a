//! The compiled-in gazetteer: every phrase that names a country or bloc (or
//! that must not be read as one), and a trie that finds them all in one pass.
//!
//! `build/` reads the lists under `assets/gazetteer/` ([`compile`], with
//! the one list reader) and writes everything here as static tables: the
//! places, the entries, the phrase and name hash tables, and the trie of
//! every spelling. Start-up builds nothing; the tests compile the lists
//! again and compare.

#[cfg(test)]
pub(crate) mod compile;
#[cfg(test)]
pub(crate) mod format;
mod trie;
mod types;

pub(crate) use trie::Trie;
pub(crate) use types::{Flags, Form, Target};

use crate::model::CountryKind;
use crate::vocabulary::{Table, with_ascii_lowercase};

/// A country or bloc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlaceInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub kind: CountryKind,
}

/// A phrase and how it names its place.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// The phrase as listed, in every capitalisation listed ("NATO", "Nato").
    pub variants: &'static [&'static str],
    pub target: Target,
    pub form: Form,
    pub flags: Flags,
}

pub(crate) struct Gazetteer {
    pub places: &'static [PlaceInfo],
    pub entries: &'static [Entry],
    /// Finds every spelling of every entry, leftmost-longest and
    /// case-sensitive (see `compile::spellings`), with its entry.
    pub trie: Trie,
    /// US states and Canadian provinces with their abbreviations ("Ont.", "Ga.").
    pub subdivisions: &'static Table<()>,
    /// The names of the US states alone.
    pub us_states: &'static Table<()>,
    /// The census's given names.
    pub given_names: &'static Table<()>,
    /// Lower-case phrase → entry.
    by_phrase: &'static Table<u32>,
}

// The tables `build/` wrote: PLACES, ENTRIES, BY_PHRASE, SUBDIVISIONS,
// US_STATES, GIVEN_NAMES and the trie's TRIE_ROOT, TRIE_NODES, TRIE_BYTES,
// TRIE_TARGETS, TRIE_DENSE.
include!(concat!(env!("OUT_DIR"), "/gazetteer.rs"));

/// The gazetteer, as static data: nothing to build on first use.
pub(crate) static GAZETTEER: Gazetteer = Gazetteer {
    places: PLACES,
    entries: ENTRIES,
    trie: Trie::new(&TRIE_ROOT, TRIE_NODES, TRIE_BYTES, TRIE_TARGETS, TRIE_DENSE),
    subdivisions: &SUBDIVISIONS,
    us_states: &US_STATES,
    given_names: &GIVEN_NAMES,
    by_phrase: &BY_PHRASE,
};

impl Gazetteer {
    /// The entry of a lower-case phrase.
    fn entry_of(&self, lower: &str) -> Option<&Entry> {
        Some(&self.entries[self.by_phrase.get(lower)? as usize])
    }

    /// What a phrase listed exactly so (in any listed capitalisation) refers to.
    pub fn target_of(&self, phrase: &str) -> Option<Target> {
        with_ascii_lowercase(phrase, |lower| self.entry_of(lower))
            .filter(|e| e.variants.contains(&phrase) && e.target != Target::Nothing)
            .map(|e| e.target)
    }

    /// Whether a phrase, as written, is listed at all: a country, a region, a
    /// city or a state ("Colorado", "New Mexico").
    pub fn lists(&self, phrase: &str) -> bool {
        with_ascii_lowercase(phrase, |lower| self.lists_lowered(phrase, lower))
    }

    /// [`Gazetteer::lists`] of `phrase`, whose ASCII lower case is `lower`
    /// (a paragraph has it made already).
    pub fn lists_lowered(&self, phrase: &str, lower: &str) -> bool {
        self.entry_of(lower)
            .is_some_and(|e| e.variants.contains(&phrase))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Gazetteer {
        fn place(&self, code: &str) -> Option<&PlaceInfo> {
            self.places.iter().find(|p| p.code == code)
        }
    }

    /// The tables `build/` wrote are the lists as they read now.
    #[test]
    fn the_static_tables_are_the_compiled_lists() {
        let compiled = compile::compile().unwrap_or_else(|e| panic!("{e}"));
        let places: Vec<compile::Place> = GAZETTEER
            .places
            .iter()
            .map(|p| compile::Place {
                code: p.code,
                name: p.name,
                bloc: p.kind == CountryKind::Bloc,
            })
            .collect();
        assert_eq!(places, compiled.places);
        let entries: Vec<compile::Entry> = GAZETTEER
            .entries
            .iter()
            .map(|e| compile::Entry {
                variants: e.variants.to_vec(),
                target: e.target,
                form: e.form,
                flags: e.flags,
            })
            .collect();
        assert_eq!(entries, compiled.entries);
        let by_phrase: Vec<(String, usize)> = GAZETTEER
            .by_phrase
            .keys()
            .iter()
            .map(|&p| (p.to_string(), GAZETTEER.by_phrase.get(p).unwrap() as usize))
            .collect();
        assert_eq!(by_phrase, compiled.by_phrase);
        assert_eq!(GAZETTEER.subdivisions.keys(), compiled.subdivisions);
        assert_eq!(GAZETTEER.us_states.keys(), compiled.us_states);
        assert_eq!(GAZETTEER.given_names.keys(), compiled.given_names);
        // Every spelling is found whole, as its own entry.
        for (spelling, entry) in &compiled.patterns {
            assert_eq!(
                GAZETTEER.trie.find(spelling, 0),
                Some((0, spelling.len(), *entry)),
                "{spelling}"
            );
        }
    }

    #[test]
    fn the_gazetteer_knows_its_places() {
        let g = &GAZETTEER;
        assert_eq!(g.place("UA").map(|p| p.name), Some("Ukraine"));
        assert_eq!(g.place("GB").map(|p| p.name), Some("United Kingdom"));
        assert_eq!(g.place("NATO").map(|p| p.kind), Some(CountryKind::Bloc));
        assert!(g.place("UN").is_none(), "the UN is not a bloc");
        assert!(g.subdivisions.contains("Ont."));
        assert!(g.given_names.contains("Jordan"));
        assert!(g.lists("New Mexico") && !g.lists("new mexico"));
        assert_eq!(g.target_of("New Mexico"), None);
        assert!(matches!(g.target_of("Ukraine"), Some(Target::Place(_))));
    }

    #[test]
    fn every_country_code_is_two_upper_case_letters() {
        for place in GAZETTEER.places {
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
