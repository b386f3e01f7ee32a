//! Reads and checks one word list: the parser shared by the crate and by
//! `build/`, which runs it on every bundled list at build time (so a bad
//! list is a build error naming its file and line) and compiles the result
//! into static tables. No dependency on the rest of the crate, so the build
//! script can `#[path]`-include it.

use rustc_hash::FxHashMap;

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
    #[cfg_attr(
        not(test),
        allow(dead_code, reason = "the gazetteer's formats, read at build time")
    )]
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

/// Reads a list in the given format, checking every row.
pub(crate) fn read(
    file: &'static str,
    text: &'static str,
    format: Format,
) -> Result<List, VocabularyError> {
    debug_assert!(format.max_fields <= MAX_FIELDS);
    debug_assert!(
        format.key.len() <= 2,
        "{file}: a key of more than two columns"
    );
    let mut header = Vec::new();
    let mut rows = Vec::new();
    // A key of one or two columns, without an allocation per row: the
    // census names are thousands of rows.
    let mut seen: FxHashMap<(&'static str, &'static str), usize> =
        FxHashMap::with_capacity_and_hasher(text.len() / 16, Default::default());
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
        if let Some(&first_column) = format.key.first() {
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
