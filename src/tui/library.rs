//! The library: every story opened, annotated or still waiting, and the
//! list of them as shown: filtered by text and by country, sorted, with the
//! sourcing totals of what is shown.

use std::cmp::Ordering;
use std::collections::HashSet;

use regex::{Regex, RegexBuilder};

use crate::library::{Totals, meta_title, paragraphs_key};
use crate::model::{Document, Meta};

use super::Doc;

use super::rows::Rows;

/// What the list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest first; stories without a date last.
    #[default]
    Date,
    /// A to Z.
    Title,
    /// Most sources quoted first.
    Sources,
}

impl Sort {
    pub fn label(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::Title => "title",
            Sort::Sources => "sources",
        }
    }

    /// The sort with this [`Sort::label`].
    pub fn from_label(label: &str) -> Option<Self> {
        [Sort::Date, Sort::Title, Sort::Sources]
            .into_iter()
            .find(|s| s.label() == label)
    }

    fn next(self) -> Self {
        match self {
            Sort::Date => Sort::Title,
            Sort::Title => Sort::Sources,
            Sort::Sources => Sort::Date,
        }
    }
}

/// One story of the library.
#[derive(Debug)]
pub struct Entry {
    pub meta: Meta,
    pub title: String,
    /// Lower case, for sorting by title.
    title_key: String,
    /// `None` while it is being annotated.
    pub doc: Option<Doc>,
    /// The content key its reading position is saved under.
    pub key: Option<String>,
    /// It has been opened, in this run or before.
    pub read: bool,
    /// Another story of the library has the same title: lists show where
    /// each came from beside it, so they can be told apart.
    pub shared_title: bool,
}

impl Entry {
    fn new(meta: Meta) -> Self {
        let title = meta_title(&meta);
        Entry {
            title_key: title.to_lowercase(),
            title,
            meta,
            doc: None,
            key: None,
            read: false,
            shared_title: false,
        }
    }

    /// Where the story came from, when its title alone does not tell it
    /// from another story's.
    pub fn told_apart_by(&self) -> Option<&str> {
        if !self.shared_title {
            return None;
        }
        self.meta.source.as_deref().map(crate::model::source_name)
    }

    /// Sources quoted, 0 until annotated.
    pub fn sources(&self) -> usize {
        self.doc.as_ref().map_or(0, |d| d.summary().sources)
    }
}

#[derive(Debug, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
    pub sort: Sort,
    /// The sort's order turned round.
    pub reversed: bool,
    /// The text filter (`/`), matched without regard to case in the title,
    /// date, dateline, file name, names of the sources and the text.
    pub query: String,
    pattern: Option<Regex>,
    /// The dates the query's `since:` and `until:` words ask for.
    dates: DateRange,
    /// The country filter (`f`): a code stories must mention.
    pub country: Option<String>,
    /// Changes whenever the filters do, so the sources across stories,
    /// built from the stories shown, know to build again.
    pub filters_changed: u64,
    /// Whether each entry passes the filters.
    matched: Vec<bool>,
    /// The entries shown, in order.
    pub order: Vec<usize>,
    pub rows: Rows,
    /// The sourcing totals of the annotated stories shown (kept up to date
    /// as stories arrive, recomputed when a filter changes).
    pub totals: Totals,
    /// Stories annotated so far.
    pub annotated: usize,
    /// Every story has been found and annotated.
    pub done: bool,
    /// Inputs that could not be read.
    pub problems: Vec<String>,
    /// Inputs read with a caveat.
    pub warnings: Vec<String>,
    /// The content keys of the stories opened, in this run or before.
    pub read: HashSet<String>,
    /// The story opened last, by content key.
    pub last_read: Option<String>,
    /// The cursor has been moved: until it is, it stays on the first row,
    /// or on the story read last time, as the stories come in.
    pub touched: bool,
}

/// What the state file remembers of the story list from earlier runs.
#[derive(Debug, Clone, Default)]
pub struct Remembered {
    /// Content keys of the stories opened.
    pub read: HashSet<String>,
    pub sort: Sort,
    pub reversed: bool,
    /// The story read last in this library, by content key.
    pub last_read: Option<String>,
}

/// Lines the problems overlay gives each input that could not be read:
/// its name, then why.
pub const PROBLEM_LINES: usize = 2;

impl Library {
    /// How many lines the problems overlay has (what `update` clamps
    /// its scrolling to).
    pub fn problem_lines(&self) -> usize {
        self.problems.len() * PROBLEM_LINES
    }

    /// A library of stories already annotated.
    pub fn of(documents: Vec<Document>) -> Self {
        let mut library = Library::default();
        library.add_all(documents);
        library
    }

    /// An empty library, sorted as last time, that knows what was read.
    pub fn remembering(remembered: Remembered) -> Self {
        Library {
            sort: remembered.sort,
            reversed: remembered.reversed,
            read: remembered.read,
            last_read: remembered.last_read,
            ..Library::default()
        }
    }

    /// Adds stories already annotated; the library is then complete.
    pub fn add_all(&mut self, documents: Vec<Document>) {
        let first = self.entries.len();
        self.found(documents.iter().map(|d| d.meta.clone()).collect());
        for (i, doc) in documents.into_iter().enumerate() {
            self.ready(first + i, doc.into());
        }
        self.done = true;
        self.refresh();
    }

    /// Story `id` is being opened: it is read now, and the story read last.
    pub fn opened(&mut self, id: usize) {
        let Some(entry) = self.entries.get_mut(id) else {
            return;
        };
        entry.read = true;
        if let Some(key) = &entry.key {
            self.read.insert(key.clone());
            self.last_read = Some(key.clone());
        }
    }

    pub fn is_filtered(&self) -> bool {
        self.pattern.is_some() || self.country.is_some() || self.dates.is_set()
    }

    /// Whether story `id` passes the filters.
    pub fn shown(&self, id: usize) -> bool {
        self.matched.get(id).copied().unwrap_or(false)
    }

    /// Adds stories found (not yet annotated). Call [`Library::refresh`] after.
    pub fn found(&mut self, metas: Vec<Meta>) {
        for meta in metas {
            let entry = Entry::new(meta);
            self.matched.push(self.matches(&entry));
            self.entries.push(entry);
        }
    }

    /// Adds an annotated story. Unknown numbers are ignored. Call
    /// [`Library::refresh`] after.
    pub fn ready(&mut self, id: usize, doc: Doc) {
        let Some(entry) = self.entries.get_mut(id) else {
            return;
        };
        if entry.doc.is_none() {
            self.annotated += 1;
        }
        let key = paragraphs_key(doc.paragraphs());
        entry.read |= self.read.contains(&key);
        entry.key = Some(key);
        // The annotated document knows more (a title from the text), and
        // every list names it as the reader does.
        entry.meta = doc.meta().clone();
        entry.title = doc.display_title();
        entry.title_key = entry.title.to_lowercase();
        entry.doc = Some(doc);
        self.matched[id] = self.matches(&self.entries[id]);
        if self.matched[id]
            && let Some(doc) = &self.entries[id].doc
        {
            self.totals.add(doc.summary());
        }
    }

    fn matches(&self, entry: &Entry) -> bool {
        if !self.dates.contains(entry.meta.date.as_deref()) {
            return false;
        }
        if let Some(code) = &self.country {
            let mentions = entry.doc.as_ref().is_some_and(|d| {
                (0..d.country_count()).any(|c| d.country(c).is_some_and(|c| c.code == code))
            });
            if !mentions {
                return false;
            }
        }
        let Some(pattern) = &self.pattern else {
            return true;
        };
        let meta = &entry.meta;
        let in_meta = pattern.is_match(&entry.title)
            || meta.date.as_deref().is_some_and(|d| pattern.is_match(d))
            || meta.dateline.iter().any(|d| pattern.is_match(d))
            || meta.source.as_deref().is_some_and(|s| pattern.is_match(s));
        in_meta
            || entry.doc.as_ref().is_some_and(|d| {
                (0..d.speaker_count())
                    .filter_map(|s| d.speaker(s))
                    .any(|s| pattern.is_match(&s.name))
                    || d.paragraphs().iter().any(|p| pattern.is_match(&p.text))
            })
    }

    /// Sets the text filter and shows what matches.
    pub fn set_query(&mut self, query: String) {
        let (words, dates) = DateRange::split(&query);
        let dated = dates.is_set() || self.dates.is_set();
        self.dates = dates;
        self.filters_changed += 1;
        self.pattern = (!words.is_empty())
            .then(|| {
                RegexBuilder::new(&regex::escape(&words))
                    .case_insensitive(true)
                    .build()
                    .ok()
            })
            .flatten();
        // A longer query matches a subset: only what matched is looked at again.
        // (Not so for dates: a later `until:` lets more in.)
        let narrowing = !dated && !self.query.is_empty() && query.contains(self.query.as_str());
        self.query = query;
        if narrowing {
            for i in 0..self.entries.len() {
                if self.matched[i] {
                    self.matched[i] = self.matches(&self.entries[i]);
                }
            }
            self.recount();
            self.refresh();
        } else {
            self.rematch();
        }
    }

    /// Sets (or clears) the country filter and shows what matches.
    pub fn set_country(&mut self, code: Option<String>) {
        self.country = code;
        self.filters_changed += 1;
        self.rematch();
    }

    fn rematch(&mut self) {
        self.matched = self.entries.iter().map(|e| self.matches(e)).collect();
        self.recount();
        self.refresh();
    }

    /// The totals of the stories that match, from scratch.
    fn recount(&mut self) {
        let mut totals = Totals::default();
        for (entry, _) in self.entries.iter().zip(&self.matched).filter(|(_, m)| **m) {
            if let Some(doc) = &entry.doc {
                totals.add(doc.summary());
            }
        }
        self.totals = totals;
    }

    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
        self.reversed = false;
        self.refresh();
    }

    pub fn reverse(&mut self) {
        self.reversed = !self.reversed;
        self.refresh();
    }

    /// The entry under the cursor.
    pub fn selected(&self) -> Option<usize> {
        self.order.get(self.rows.cursor).copied()
    }

    /// Filters and sorts again after entries or filters changed; the
    /// cursor stays on the story it was on, if it is still shown.
    pub fn refresh(&mut self) {
        self.mark_shared_titles();
        let selected = self.selected();
        let entries = &self.entries;
        let mut order: Vec<usize> = (0..entries.len()).filter(|&i| self.matched[i]).collect();
        let by_date = |a: &Entry, b: &Entry| match (&a.meta.date, &b.meta.date) {
            (Some(x), Some(y)) => y.cmp(x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        let compare = |&i: &usize, &j: &usize| {
            let (a, b) = (&entries[i], &entries[j]);
            let primary = match self.sort {
                Sort::Date => by_date(a, b),
                Sort::Title => a.title_key.cmp(&b.title_key),
                Sort::Sources => b.sources().cmp(&a.sources()),
            };
            let primary = if self.reversed {
                primary.reverse()
            } else {
                primary
            };
            primary
                .then_with(|| a.title_key.cmp(&b.title_key))
                .then(i.cmp(&j))
        };
        order.sort_unstable_by(compare);
        self.order = order;
        if !self.touched {
            // The story read last, once it is listed; else the first row.
            let last = self.last_read.as_deref();
            self.rows.cursor = self
                .order
                .iter()
                .position(|&i| last.is_some() && self.entries[i].key.as_deref() == last)
                .unwrap_or(0);
        } else if let Some(at) = selected.and_then(|s| self.order.iter().position(|&i| i == s)) {
            self.rows.cursor = at;
        }
        let len = self.order.len();
        self.rows.cursor = self.rows.cursor.min(len.saturating_sub(1));
    }

    /// Marks the entries whose title another entry has too.
    fn mark_shared_titles(&mut self) {
        let mut count: std::collections::HashMap<&str, usize> = Default::default();
        for entry in &self.entries {
            *count.entry(entry.title.as_str()).or_default() += 1;
        }
        let shared: Vec<bool> = self
            .entries
            .iter()
            .map(|e| count[e.title.as_str()] > 1)
            .collect();
        for (entry, shared) in self.entries.iter_mut().zip(shared) {
            entry.shared_title = shared;
        }
    }

    /// Countries mentioned across the annotated stories: code, name,
    /// whether it is a bloc, and the number of stories, most first.
    pub fn countries(&self) -> Vec<(String, String, bool, usize)> {
        let mut all: std::collections::HashMap<&str, (&str, bool, usize)> = Default::default();
        for doc in self.entries.iter().filter_map(|e| e.doc.as_ref()) {
            for country in (0..doc.country_count()).filter_map(|c| doc.country(c)) {
                let bloc = country.kind == crate::model::CountryKind::Bloc;
                all.entry(country.code).or_insert((country.name, bloc, 0)).2 += 1;
            }
        }
        let mut list: Vec<(String, String, bool, usize)> = all
            .into_iter()
            .map(|(code, (name, bloc, n))| (code.to_string(), name.to_string(), bloc, n))
            .collect();
        list.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.1.cmp(&b.1)));
        list
    }
}

/// Dates a filter asks for, inclusive: the query's `since:YYYY-MM-DD` and
/// `until:YYYY-MM-DD` words (`until:2026-11` is the whole of November).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateRange {
    pub since: Option<String>,
    pub until: Option<String>,
}

impl DateRange {
    /// The query without its date words, and the dates they ask for.
    pub fn split(query: &str) -> (String, DateRange) {
        let mut dates = DateRange::default();
        let mut words = Vec::new();
        for word in query.split_whitespace() {
            let lower = word.to_ascii_lowercase();
            if let Some(day) = lower.strip_prefix("since:") {
                dates.since = Some(day.to_string());
            } else if let Some(day) = lower.strip_prefix("until:") {
                dates.until = Some(day.to_string());
            } else {
                words.push(word);
            }
        }
        (words.join(" "), dates)
    }

    pub fn is_set(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }

    /// Whether a story dated `date` falls in the range. Dates compare as
    /// text (ISO dates sort so), a bound as a prefix: `until:2026-11` takes
    /// every day of November. An undated story is outside any range.
    pub fn contains(&self, date: Option<&str>) -> bool {
        if !self.is_set() {
            return true;
        }
        let Some(date) = date else { return false };
        let after_since = self.since.as_deref().is_none_or(|since| date >= since);
        let before_until = self
            .until
            .as_deref()
            .is_none_or(|until| date <= until || date.starts_with(until));
        after_since && before_until
    }
}
