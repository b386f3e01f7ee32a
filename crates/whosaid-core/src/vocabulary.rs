//! whosaid's word lists (`assets/lexicon/*.tsv`, `assets/gazetteer/*.tsv`)
//! and the one reader of them (`vocabulary/read.rs`).
//!
//! A list is UTF-8 text: a header of `#` comment lines naming what the list
//! holds, its source and its licence; then one entry a line, its fields
//! separated by tabs. `#` lines and blank lines may follow anywhere. A
//! `Format` says how many fields a row has, which columns hold a class
//! (and its allowed values) and which columns make an entry unique; the
//! reader rejects a row with the wrong number of fields, an unknown class and
//! an entry listed twice, naming the file and line.
//!
//! The bundled lists are read at build time: `build/main.rs` includes the
//! reader and the list formats by path, checks every list whole (an error
//! fails the build with its file and line) and writes what the annotator
//! looks words up in as static hash tables, so start-up parses and hashes
//! nothing. The tests read every list again (`every_bundled_list_reads`).

// The parser runs in `build/` and in the tests, never at start-up.
#[cfg(test)]
#[allow(dead_code, reason = "shared with build/, which uses all of it")]
mod read;

#[cfg(test)]
pub(crate) use read::{Class, Format, Row, VocabularyError, read};

#[cfg(test)]
pub(crate) mod formats;
mod table;

pub(crate) use table::{Filter, Table, read_4, read_8, same_bytes};

/// `f` of `word` with its ASCII letters lower-cased, made on the stack when
/// the word is as short as listed words are: a look-up allocates nothing.
pub(crate) fn with_ascii_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 64];
    if let Some(bytes) = buffer.get_mut(..word.len()) {
        bytes.copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        // SAFETY: `bytes` are the bytes of `word`, a `&str`, with ASCII
        // capitals turned into ASCII lower case: one ASCII byte for another,
        // every other byte as it was, so still valid UTF-8. (Checking them
        // again cost more than the look-up that follows.)
        let lower = unsafe { std::str::from_utf8_unchecked(bytes) };
        return f(lower);
    }
    f(&word.to_ascii_lowercase())
}

/// A one-column list from `assets/lexicon/`, compiled into static tables at
/// build time. Matching is exact (case included), as the words are listed;
/// [`WordSet::words`] gives them in file order.
pub(crate) struct WordSet {
    #[cfg_attr(not(test), allow(dead_code, reason = "named by the tests"))]
    file: &'static str,
    words: &'static [&'static str],
    set: Table<()>,
}

impl WordSet {
    /// A list from its file name, its words in file order and as a table
    /// (see [`word_set!`]).
    pub const fn new(file: &'static str, words: &'static [&'static str], set: Table<()>) -> Self {
        WordSet { file, words, set }
    }

    /// Whether `word` is listed, exactly so.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }

    /// The words in file order.
    pub fn words(&self) -> &[&'static str] {
        self.words
    }

    /// The file name ("determiners.tsv").
    #[cfg(test)]
    pub fn file(&self) -> &'static str {
        self.file
    }
}

/// A [`WordSet`] of `assets/lexicon/NAME.tsv`: `word_set!("determiners")`,
/// from the tables `build/` wrote for it.
macro_rules! word_set {
    ($name:literal) => {
        $crate::vocabulary::WordSet::new(
            concat!($name, ".tsv"),
            include!(concat!(env!("OUT_DIR"), "/words/", $name, ".rs")),
            include!(concat!(env!("OUT_DIR"), "/words/", $name, ".set.rs")),
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

    use super::formats::format_of;

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
        assert!(
            crate::annotate::countries::gazetteer::GAZETTEER
                .given_names
                .contains("Jordan")
        );
    }

    /// The people finder asks whether a word is a name suffix only of
    /// capitalized words.
    #[test]
    fn every_name_suffix_is_capitalized() {
        for suffix in NAME_SUFFIXES.words() {
            assert!(suffix.starts_with(char::is_uppercase), "{suffix}");
        }
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
                let set: rustc_hash::FxHashSet<&str> =
                    list.rows.iter().map(|row| row.fields()[0]).collect();
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
