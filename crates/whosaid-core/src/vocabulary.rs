//! The one reader of whosaid's word lists (`assets/lexicon/*.tsv`,
//! `assets/gazetteer/*.tsv`).
//!
//! A list is UTF-8 text: a header of `#` comment lines naming what the list
//! holds, its source and its licence; then one entry a line, its fields
//! separated by tabs. `#` lines and blank lines may follow anywhere. A
//! [`Format`] says how many fields a row has, which columns hold a class
//! (and its allowed values) and which columns make an entry unique; the
//! reader rejects a row with the wrong number of fields, an unknown class and
//! an entry listed twice, naming the file and line.
//!
//! The lists are compiled in, so an error here is a bug in `assets/`: the
//! tests load every list (`every_bundled_list_reads`), and a list that fails
//! fails them, never the user.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// What is wrong with a word list, with its file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum VocabularyError {
    /// A row has too few or too many fields.
    #[error("{file}:{line}: expected {expected} tab-separated fields, found {found}")]
    Fields {
        file: &'static str,
        line: usize,
        expected: String,
        found: usize,
    },
    /// A class column holds a value the list's format does not allow.
    #[error("{file}:{line}: unknown {column} {value:?} (allowed: {allowed})")]
    UnknownClass {
        file: &'static str,
        line: usize,
        column: &'static str,
        value: String,
        allowed: String,
    },
    /// The same entry twice in one list.
    #[error("{file}:{line}: {entry:?} listed twice (first on line {first})")]
    Duplicate {
        file: &'static str,
        line: usize,
        entry: String,
        first: usize,
    },
    /// An empty field where an entry is expected.
    #[error("{file}:{line}: empty entry")]
    Empty { file: &'static str, line: usize },
    /// The header does not name the list's source and licence.
    #[error(
        "{file}: the header must name the list's source (\"Source:\") and licence (\"Licence:\")"
    )]
    Header { file: &'static str },
}

/// A column whose values come from a closed set.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Class {
    /// The column, from 0.
    pub column: usize,
    /// What the column holds, for messages ("kind", "sex").
    pub name: &'static str,
    /// The allowed values.
    pub values: &'static [&'static str],
}

/// The shape of a list's rows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Format {
    /// The fewest fields a row may have.
    pub min_fields: usize,
    /// The most fields a row may have.
    pub max_fields: usize,
    /// Columns with a closed set of values (checked where the row has them).
    pub classes: &'static [Class],
    /// The columns (one or two) that together must be unique within the
    /// file; empty when repeats are allowed.
    pub key: &'static [usize],
}

impl Format {
    /// One word or phrase a line, each once.
    pub const WORDS: Format = Format {
        min_fields: 1,
        max_fields: 1,
        classes: &[],
        key: &[0],
    };

    /// Exactly `n` fields, the first unique.
    pub const fn fields(n: usize) -> Format {
        Format {
            min_fields: n,
            max_fields: n,
            classes: &[],
            key: &[0],
        }
    }
}

/// One data row of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    /// The line number, from 1.
    pub line: usize,
    /// The tab-separated fields, in place (no allocation per row).
    fields: [&'static str; MAX_FIELDS],
    len: usize,
}

/// The most fields a list's row may have.
pub(crate) const MAX_FIELDS: usize = 4;

impl Row {
    /// A row of the given fields (at most [`MAX_FIELDS`]).
    #[cfg(test)]
    pub fn new(line: usize, fields: &[&'static str]) -> Row {
        let mut row = Row {
            line,
            fields: [""; MAX_FIELDS],
            len: fields.len(),
        };
        row.fields[..fields.len()].copy_from_slice(fields);
        row
    }

    /// The tab-separated fields.
    pub fn fields(&self) -> &[&'static str] {
        &self.fields[..self.len]
    }

    /// A field, or `""` where the row is shorter.
    pub fn get(&self, column: usize) -> &'static str {
        self.fields().get(column).copied().unwrap_or("")
    }
}

/// A list, read and checked.
#[derive(Debug, Clone)]
pub(crate) struct List {
    /// The file name, for messages ("titles.tsv").
    #[allow(
        dead_code,
        reason = "read by the tests; the annotator needs only the rows"
    )]
    pub file: &'static str,
    /// The header's comment lines, without their `#`.
    #[allow(
        dead_code,
        reason = "read by the tests; the annotator needs only the rows"
    )]
    pub header: Vec<&'static str>,
    /// The data rows, in file order.
    pub rows: Vec<Row>,
}

/// Reads a list in the given format.
pub(crate) fn read(
    file: &'static str,
    text: &'static str,
    format: Format,
) -> Result<List, VocabularyError> {
    read_checking(file, text, format, true)
}

/// [`read`], looking for entries listed twice only when `duplicates` says
/// so: that check is the one that costs at start-up.
fn read_checking(
    file: &'static str,
    text: &'static str,
    format: Format,
    duplicates: bool,
) -> Result<List, VocabularyError> {
    debug_assert!(format.max_fields <= MAX_FIELDS);
    debug_assert!(
        format.key.len() <= 2,
        "{file}: a key of more than two columns"
    );
    let mut header = Vec::new();
    let mut rows = Vec::new();
    // A key of one or two columns, without an allocation per row: the
    // census names are thousands of rows, read at start-up.
    let capacity = if duplicates { text.len() / 16 } else { 0 };
    let mut seen: FxHashMap<(&'static str, &'static str), usize> =
        FxHashMap::with_capacity_and_hasher(capacity, Default::default());
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(comment) = raw.strip_prefix('#') {
            if rows.is_empty() {
                header.push(comment.trim());
            }
            continue;
        }
        if raw.trim().is_empty() {
            continue;
        }
        let mut row = Row {
            line,
            fields: [""; MAX_FIELDS],
            len: 0,
        };
        let mut found = 0;
        for field in raw.split('\t') {
            if found < MAX_FIELDS {
                row.fields[found] = field;
            }
            found += 1;
        }
        row.len = found.min(MAX_FIELDS);
        let fields = row.fields();
        if found < format.min_fields || found > format.max_fields {
            return Err(VocabularyError::Fields {
                file,
                line,
                expected: if format.min_fields == format.max_fields {
                    format.min_fields.to_string()
                } else {
                    format!("{} to {}", format.min_fields, format.max_fields)
                },
                found,
            });
        }
        if fields[0].trim().is_empty() {
            return Err(VocabularyError::Empty { file, line });
        }
        for class in format.classes {
            if let Some(&value) = fields.get(class.column)
                && !class.values.contains(&value)
            {
                return Err(VocabularyError::UnknownClass {
                    file,
                    line,
                    column: class.name,
                    value: value.to_string(),
                    allowed: class.values.join(", "),
                });
            }
        }
        if duplicates && let Some(&first_column) = format.key.first() {
            let field = |c: usize| fields.get(c).copied().unwrap_or("");
            let key = (
                field(first_column),
                format.key.get(1).map_or("", |&c| field(c)),
            );
            if let Some(&first) = seen.get(&key) {
                return Err(VocabularyError::Duplicate {
                    file,
                    line,
                    entry: format
                        .key
                        .iter()
                        .map(|&c| field(c))
                        .collect::<Vec<_>>()
                        .join("\t"),
                    first,
                });
            }
            seen.insert(key, line);
        }
        rows.push(row);
    }
    let names = |word: &str| header.iter().any(|h| h.contains(word));
    if !names("Source") || !names("Licence") {
        return Err(VocabularyError::Header { file });
    }
    Ok(List { file, header, rows })
}

/// Reads a bundled list; a failure is a bug in `assets/` that the tests
/// catch, so it panics with the file and line.
///
/// The bundled lists are compiled in and `every_bundled_list_reads` checks
/// them whole, so a release build skips the duplicate check at start-up.
pub(crate) fn bundled(file: &'static str, text: &'static str, format: Format) -> List {
    read_checking(file, text, format, cfg!(debug_assertions))
        .unwrap_or_else(|error| panic!("bundled word list: {error}"))
}

/// A one-column list from `assets/lexicon/`, compiled in and read on first
/// use, with constant-time membership. Matching is exact (case included),
/// as the words are listed; [`WordSet::words`] gives them in file order.
pub(crate) struct WordSet {
    file: &'static str,
    text: &'static str,
    parsed: OnceLock<(Vec<&'static str>, FxHashSet<&'static str>)>,
}

impl WordSet {
    /// A list from its file name and text (see [`word_set!`]).
    pub const fn new(file: &'static str, text: &'static str) -> Self {
        WordSet {
            file,
            text,
            parsed: OnceLock::new(),
        }
    }

    fn parsed(&self) -> &(Vec<&'static str>, FxHashSet<&'static str>) {
        self.parsed.get_or_init(|| {
            let list = bundled(self.file, self.text, Format::WORDS);
            let words: Vec<&'static str> = list.rows.iter().map(|row| row.fields()[0]).collect();
            let set = words.iter().copied().collect();
            (words, set)
        })
    }

    /// Whether `word` is listed, exactly so.
    pub fn contains(&self, word: &str) -> bool {
        self.parsed().1.contains(word)
    }

    /// The words in file order.
    pub fn words(&self) -> &[&'static str] {
        &self.parsed().0
    }

    /// The file name ("determiners.tsv").
    #[cfg(test)]
    pub fn file(&self) -> &'static str {
        self.file
    }
}

/// A [`WordSet`] of `assets/lexicon/NAME.tsv`: `word_set!("determiners")`.
macro_rules! word_set {
    ($name:literal) => {
        $crate::vocabulary::WordSet::new(
            concat!($name, ".tsv"),
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../assets/lexicon/",
                $name,
                ".tsv"
            )),
        )
    };
}
pub(crate) use word_set;

/// Name suffixes ("Martin Luther King Jr."), which the annotator keeps off a
/// name's last word and the library sets aside when it compares names.
pub(crate) static NAME_SUFFIXES: WordSet = crate::vocabulary::word_set!("name_suffixes");

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "# Test.\n# Source: test. Licence: CC0.\n";

    fn text(body: &str) -> &'static str {
        Box::leak(format!("{HEADER}{body}").into_boxed_str())
    }

    const KINDS: Format = Format {
        min_fields: 2,
        max_fields: 2,
        classes: &[Class {
            column: 1,
            name: "kind",
            values: &["head", "marker"],
        }],
        key: &[0],
    };

    /// The format of every list under `assets/` that is not a plain word list.
    fn format_of(file: &str) -> Format {
        use crate::annotate::countries::gazetteer::format as gazetteer;
        use crate::annotate::lexicon::format as lexicon;
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

    /// Every list under `assets/` reads without error: its header names a
    /// source and a licence, and it has no unknown class, no entry twice and
    /// no row of the wrong shape.
    #[test]
    fn every_bundled_list_reads() {
        let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets");
        let mut read_lists = 0;
        for folder in ["lexicon", "gazetteer"] {
            for entry in std::fs::read_dir(assets.join(folder)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "tsv") {
                    continue;
                }
                let name = format!("{folder}/{}", path.file_name().unwrap().to_str().unwrap());
                let text: &'static str =
                    Box::leak(std::fs::read_to_string(&path).unwrap().into_boxed_str());
                let file: &'static str = Box::leak(name.clone().into_boxed_str());
                let list = read(file, text, format_of(&name)).unwrap_or_else(|e| panic!("{e}"));
                assert!(!list.rows.is_empty(), "{name}: no entries");
                assert_eq!(list.file, file);
                read_lists += 1;
            }
        }
        assert!(read_lists >= 50, "only {read_lists} lists found");
        // And the compiled-in copies, as the annotator reads them.
        assert!(NAME_SUFFIXES.contains("Jr."));
        assert_eq!(NAME_SUFFIXES.file(), "name_suffixes.tsv");
        crate::annotate::lexicon::lexicon();
        let _ = &*crate::annotate::countries::gazetteer::GAZETTEER;
    }

    /// Reading every list (as the annotator does on first use, sets
    /// included) must stay well under a millisecond in total. Timing is only
    /// meaningful in a release build: `cargo test --release -p whosaid-core
    /// -- --ignored --nocapture lists_read_fast`.
    #[test]
    #[ignore = "a timing, for release builds"]
    fn lists_read_fast() {
        let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets");
        let mut lists = Vec::new();
        for folder in ["lexicon", "gazetteer"] {
            for entry in std::fs::read_dir(assets.join(folder)).unwrap() {
                let path = entry.unwrap().path();
                let name = format!("{folder}/{}", path.file_name().unwrap().to_str().unwrap());
                if name.ends_with(".tsv") && !name.contains("given_names_us_census") {
                    let text: &'static str =
                        Box::leak(std::fs::read_to_string(&path).unwrap().into_boxed_str());
                    lists.push((Box::leak(name.into_boxed_str()) as &'static str, text));
                }
            }
        }
        let mut best = std::time::Duration::MAX;
        for _ in 0..20 {
            let start = std::time::Instant::now();
            let mut words = 0;
            for &(name, text) in &lists {
                let list = read(name, text, format_of(name)).unwrap();
                let set: FxHashSet<&str> = list.rows.iter().map(|row| row.fields()[0]).collect();
                words += set.len();
            }
            best = best.min(start.elapsed());
            assert!(words > 1000);
        }
        println!(
            "{} lists (all but the census names) read in {:?}",
            lists.len(),
            best
        );
        assert!(best < std::time::Duration::from_millis(1), "{best:?}");
    }

    #[test]
    fn reads_header_and_rows() {
        let list = read("t.tsv", text("a\thead\n\n# note\nb\tmarker\n"), KINDS).unwrap();
        assert_eq!(list.header, ["Test.", "Source: test. Licence: CC0."]);
        assert_eq!(list.rows.len(), 2);
        assert_eq!(list.rows[1].line, 6);
        assert_eq!(list.rows[1].fields(), ["b", "marker"]);
    }

    #[test]
    fn an_unknown_class_is_reported_with_file_and_line() {
        let error = read("t.tsv", text("a\thead\nb\tmarkr\n"), KINDS).unwrap_err();
        assert!(matches!(
            &error,
            VocabularyError::UnknownClass { file: "t.tsv", line: 4, value, .. } if value == "markr"
        ));
        assert_eq!(
            error.to_string(),
            "t.tsv:4: unknown kind \"markr\" (allowed: head, marker)"
        );
    }

    #[test]
    fn a_duplicate_is_reported_with_file_and_line() {
        let error = read("t.tsv", text("a\nb\n# c\na\n"), Format::WORDS).unwrap_err();
        assert_eq!(
            error,
            VocabularyError::Duplicate {
                file: "t.tsv",
                line: 6,
                entry: "a".into(),
                first: 3
            }
        );
        assert_eq!(
            error.to_string(),
            "t.tsv:6: \"a\" listed twice (first on line 3)"
        );
    }

    #[test]
    fn wrong_field_counts_and_missing_headers_are_errors() {
        let error = read("t.tsv", text("a\n"), KINDS).unwrap_err();
        assert_eq!(
            error.to_string(),
            "t.tsv:3: expected 2 tab-separated fields, found 1"
        );
        assert!(matches!(
            read("t.tsv", "# A list.\na\n", Format::WORDS),
            Err(VocabularyError::Header { file: "t.tsv" })
        ));
    }
}
