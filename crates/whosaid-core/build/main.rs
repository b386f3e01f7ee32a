//! Reads every word list under the workspace's `assets/` at build time, with
//! the crate's own list reader and formats (included below by path, so there
//! is one parser), and writes what the annotator looks words up in as static
//! tables under `OUT_DIR`: start-up then parses, hashes and builds nothing.
//! A list that fails to read (an unknown class, an entry listed twice, a row
//! of the wrong shape) fails the build with its file and line.

use std::path::{Path, PathBuf};

// The crate's modules this script shares, re-exported at the paths they
// have in the crate, so the shared files name each other alike in both.
#[path = "../src/vocabulary/formats.rs"]
mod formats;
#[path = "../src/annotate/countries/gazetteer/compile.rs"]
mod gazetteer_compile;
#[path = "../src/annotate/countries/gazetteer/format.rs"]
mod gazetteer_format;
#[path = "../src/annotate/countries/gazetteer/types.rs"]
mod gazetteer_types;
#[path = "../src/annotate/lexicon/format.rs"]
#[allow(dead_code, reason = "the crate's formats; the build needs part")]
mod lexicon_format;
#[path = "../src/vocabulary/read.rs"]
#[allow(dead_code, reason = "the crate's reader; the build needs part")]
mod read;
#[path = "../src/vocabulary/table.rs"]
#[allow(dead_code, reason = "the crate's table; the build lays out its slots")]
mod table;

mod vocabulary {
    pub(crate) use super::formats;
    pub(crate) use super::read::{Class, Format, List, Row, VocabularyError, read};
}
mod annotate {
    pub(crate) mod lexicon {
        pub(crate) use crate::lexicon_format as format;
    }
    pub(crate) mod countries {
        pub(crate) mod gazetteer {
            pub(crate) use crate::gazetteer_compile as compile;
            pub(crate) use crate::gazetteer_format as format;
            pub(crate) use crate::gazetteer_types::{Flags, Form, TRIE_MAX_SCANNED, Target};
        }
    }
}

mod codegen;
mod lexicon;

use vocabulary::formats::format_of;
use vocabulary::{Format, read};

fn main() {
    let manifest =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let assets = manifest.join("../../assets");
    std::fs::create_dir_all(out.join("words")).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    for folder in ["lexicon", "gazetteer"] {
        let dir = assets.join(folder);
        // A list added or removed reruns the build too.
        println!("cargo:rerun-if-changed={}", dir.display());
        for path in lists(&dir) {
            println!("cargo:rerun-if-changed={}", path.display());
            let file = leak(format!("{folder}/{}", file_name(&path)));
            let text =
                leak(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}")));
            let format = format_of(file);
            let list = read(file, text, format).unwrap_or_else(|error| panic!("{error}"));
            if folder == "lexicon" && is_words(format) {
                let words: Vec<&str> = list.rows.iter().map(|row| row.fields()[0]).collect();
                let name = file_name(&path).trim_end_matches(".tsv").to_string();
                write(
                    &out.join("words").join(format!("{name}.rs")),
                    &codegen::str_slice(&words),
                );
                write(
                    &out.join("words").join(format!("{name}.set.rs")),
                    &codegen::set(&words),
                );
            }
        }
    }
    let gazetteer = annotate::countries::gazetteer::compile::compile()
        .unwrap_or_else(|error| panic!("gazetteer: {error}"));
    write(&out.join("gazetteer.rs"), &codegen::gazetteer(&gazetteer));
    write(&out.join("lexicon.rs"), &lexicon::lexicon(&assets));
}

/// Whether a format is one word or phrase a line (a `WordSet`).
fn is_words(format: Format) -> bool {
    let words = Format::WORDS;
    format.min_fields == words.min_fields
        && format.max_fields == words.max_fields
        && format.classes.is_empty()
        && format.key == words.key
}

/// The `.tsv` files of a folder, sorted.
fn lists(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .path()
        })
        .filter(|path| path.extension().is_some_and(|e| e == "tsv"))
        .collect();
    paths.sort();
    paths
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The reader borrows its text for the life of the lists, as the crate's
/// compiled-in text is; the build script ends soon after.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn write(path: &Path, text: &str) {
    // Unchanged output keeps its time stamp, so nothing recompiles for it.
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return;
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
