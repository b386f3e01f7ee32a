//! The format of every bundled list, by its path under `assets/`: shared by
//! `build/`, which checks every list at build time, and the tests.

use crate::annotate::countries::gazetteer::format as gazetteer;
use crate::annotate::lexicon::format as lexicon;
use crate::vocabulary::Format;

/// The format of `folder/file.tsv` ("lexicon/titles.tsv"); a list not named
/// here is one word or phrase a line.
pub(crate) fn format_of(file: &str) -> Format {
    match file {
        "lexicon/cue_verbs.tsv" => lexicon::CUE_VERBS,
        "lexicon/titles.tsv" => lexicon::TITLES,
        "lexicon/anonymous.tsv" => lexicon::ANONYMOUS,
        "lexicon/organizations.tsv" => lexicon::ORGANIZATIONS,
        "lexicon/given_names_us_census.tsv" | "lexicon/given_names_extra.tsv" => {
            lexicon::GIVEN_NAMES
        }
        "gazetteer/countries.tsv" => gazetteer::COUNTRIES,
        "gazetteer/blocs.tsv" => gazetteer::BLOCS,
        "gazetteer/names.tsv" => gazetteer::NAMES,
        "gazetteer/demonyms.tsv" => gazetteer::DEMONYMS,
        "gazetteer/seats.tsv" => gazetteer::SEATS,
        "gazetteer/subdivisions.tsv" => gazetteer::SUBDIVISIONS,
        _ => Format::WORDS,
    }
}
