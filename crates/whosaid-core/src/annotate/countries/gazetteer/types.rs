//! What a gazetteer phrase names and how: shared by the crate and
//! `build/`, which writes the entries as static tables of these types.

/// What a phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// An index into the gazetteer's places.
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
    /// The plural also names a group at home in the United States
    /// ("Indians"): counted people are the country's only outside an
    /// American story.
    pub group: bool,
}

/// Most edges of a trie node that a search scans for a byte; a node with
/// more (the capitals' own, mostly: nearly every search from a capital
/// reads one) has a table of its edges by byte, which `build/` writes.
pub(crate) const TRIE_MAX_SCANNED: usize = 8;
