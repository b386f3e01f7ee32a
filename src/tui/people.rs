//! The cross-story index of sources as the reader shows it: the people and
//! sources of the annotated stories the story list shows (its text,
//! country and date filters apply here too; see [`crate::library::people`]),
//! a filter over their names and the stories' dates, and the claims of the
//! one chosen.

use super::library::{DateRange, Library};
use super::rows::Rows;
use crate::library::{People, PersonClaim};

#[derive(Debug, Default)]
pub struct PeopleView {
    pub index: People,
    built: bool,
    /// How many annotated stories the index was built from: when the
    /// library has more, the index is rebuilt before it is shown.
    pub indexed: usize,
    /// The story list's filters when the index was built.
    filters: u64,
    /// The text filter (`/`) over names, aliases and roles, with
    /// `since:`/`until:` words for the stories' dates.
    pub query: String,
    /// The dates the query asks for.
    dates: DateRange,
    /// The query without its date words.
    words: String,
    /// Indices into `index.persons` shown, in order.
    pub order: Vec<usize>,
    pub rows: Rows,
    /// The claims of the person chosen.
    pub claims: Option<ClaimList>,
}

#[derive(Debug, Default)]
pub struct ClaimList {
    /// Index into `index.persons`.
    pub person: usize,
    /// Newest first.
    pub claims: Vec<PersonClaim>,
    pub rows: Rows,
}

impl PeopleView {
    /// Indexes the annotated stories of `library` again if it has more
    /// than when last built. The cursor stays on the same person.
    pub fn update_from(&mut self, library: &Library) {
        if self.built
            && self.indexed == library.annotated
            && self.filters == library.filters_changed
        {
            return;
        }
        let selected = self.selected().map(|p| {
            let person = &self.index.persons[p];
            (person.kind, person.name.clone())
        });
        self.index = People::build(
            library
                .entries
                .iter()
                .enumerate()
                .filter(|(i, e)| library.shown(*i) && self.dates.contains(e.meta.date.as_deref()))
                .filter_map(|(i, e)| Some((i, e.doc.as_deref()?))),
        );
        self.indexed = library.annotated;
        self.filters = library.filters_changed;
        self.built = true;
        self.claims = None;
        self.filter();
        if let Some((kind, name)) = selected
            && let Some(at) = self.order.iter().position(|&p| {
                let person = &self.index.persons[p];
                person.kind == kind && person.name == name
            })
        {
            self.rows.cursor = at;
        }
    }

    /// Sets the filter; with other dates than before, the index is built
    /// again from `library`.
    pub fn set_query(&mut self, query: String, library: &Library) {
        let (words, dates) = DateRange::split(&query);
        self.query = query;
        self.words = words;
        if dates != self.dates {
            self.dates = dates;
            self.built = false;
            self.update_from(library);
        } else {
            self.filter();
        }
    }

    fn filter(&mut self) {
        let query = self.words.to_lowercase();
        let fits = |text: &str| text.to_lowercase().contains(&query);
        self.order = (0..self.index.persons.len())
            .filter(|&p| {
                let person = &self.index.persons[p];
                query.is_empty()
                    || fits(&person.name)
                    || person.aliases.iter().any(|a| fits(a))
                    || person.role.as_deref().is_some_and(fits)
            })
            .collect();
        self.rows.cursor = self.rows.cursor.min(self.order.len().saturating_sub(1));
    }

    /// The person under the cursor (index into `index.persons`).
    pub fn selected(&self) -> Option<usize> {
        self.order.get(self.rows.cursor).copied()
    }
}
