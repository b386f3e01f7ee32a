//! Command-line arguments → the inputs to read: files as given, `-` for
//! stdin, web addresses, and folders walked for stories.

use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::fetch::address;
use super::format::{InputFormat, STORY_EXTENSIONS};
use super::{LoadError, STDIN};

/// Where one input comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    Stdin,
    File(PathBuf),
    /// A web address, as given: fetched if it is http or https, refused
    /// when it is read otherwise ([`super::fetch`]).
    Url(String),
}

/// Schemes that name no hierarchy (`scheme:` and no `//`) yet mean an
/// address, not a file: refused as addresses rather than looked for as
/// files. Any other `name:rest` without `//` is a file name (`notes:1.txt`).
const ADDRESS_SCHEMES: [&str; 8] = [
    "about",
    "blob",
    "data",
    "file",
    "ftp",
    "javascript",
    "mailto",
    "vbscript",
];

impl Source {
    /// `-` is stdin; an address (see [`looks_like_address`]) a URL;
    /// anything else a path.
    pub fn from_arg(arg: &str) -> Self {
        if arg == STDIN {
            Source::Stdin
        } else if looks_like_address(arg) {
            Source::Url(arg.to_string())
        } else {
            Source::File(PathBuf::from(arg))
        }
    }

    /// The name used in `meta.source` and in messages: the path as given or
    /// as found under a folder given, `-` for stdin.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => STDIN.to_string(),
            Source::File(path) => path.to_string_lossy().into_owned(),
            Source::Url(url) => url.clone(),
        }
    }
}

/// Whether `arg` is a web address, or another that must not be taken for a
/// file name: it starts with a scheme (RFC 3986, in any case) that is
/// http or https, or is followed by `//` (`ftp://`, `file:///`), or is a
/// well-known one without (`javascript:`, `data:`, `mailto:` …). A file
/// whose name looks so is still read as `./name`.
pub fn looks_like_address(arg: &str) -> bool {
    let Some(scheme) = address::scheme(arg) else {
        return false;
    };
    address::is_web(arg)
        || arg[scheme.len() + 1..].starts_with("//")
        || ADDRESS_SCHEMES
            .iter()
            .any(|known| scheme.eq_ignore_ascii_case(known))
}

/// The inputs named on a command line, in order.
#[derive(Debug, Default)]
pub struct Sources {
    pub sources: Vec<Source>,
    /// Folders that could not be walked, or held no story; the rest are listed.
    pub problems: Vec<LoadError>,
    /// Things skipped on purpose that the user may want to know about.
    pub warnings: Vec<String>,
}

/// Expands `args`: a folder becomes every story file under it, recursively,
/// in name order, hidden files and folders skipped, symbolic links followed
/// but never round a loop. Files and `-` are kept as they are, so a missing
/// file is reported when it is read, in its place in the order.
pub fn discover<S: AsRef<str>>(args: &[S]) -> Sources {
    let mut found = Sources::default();
    for arg in args {
        let arg = arg.as_ref();
        let source = Source::from_arg(arg);
        match &source {
            Source::File(path) if fs::metadata(path).is_ok_and(|m| m.is_dir()) => {
                walk(path, &mut found);
            }
            _ => found.sources.push(source),
        }
    }
    found
}

fn walk(root: &Path, found: &mut Sources) {
    let (sources_before, problems_before) = (found.sources.len(), found.problems.len());
    let entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if entry.file_type().is_file() && InputFormat::from_extension(path).is_some() {
                    found.sources.push(Source::File(path.to_path_buf()));
                }
            }
            Err(error) => {
                let path = error.path().unwrap_or(root).to_string_lossy().into_owned();
                if error.loop_ancestor().is_some() {
                    found
                        .warnings
                        .push(format!("{path}: skipped: a symbolic link loop"));
                } else if let Some(io) = error.into_io_error() {
                    found.problems.push(LoadError::from_io(&path, io));
                } else {
                    found.problems.push(LoadError::Walk {
                        path,
                        message: "unknown error".to_string(),
                    });
                }
            }
        }
    }
    if found.sources.len() == sources_before && found.problems.len() == problems_before {
        found.problems.push(LoadError::NoStories {
            path: root.to_string_lossy().into_owned(),
            extensions: STORY_EXTENSIONS,
        });
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|name| name.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(sources: &Sources, root: &Path) -> Vec<String> {
        sources
            .sources
            .iter()
            .map(|s| match s {
                Source::File(p) => p.strip_prefix(root).unwrap().to_string_lossy().into_owned(),
                Source::Stdin => "-".to_string(),
                Source::Url(url) => url.clone(),
            })
            .collect()
    }

    #[test]
    fn folders_are_walked_in_name_order_without_hidden_or_unknown_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "b.txt",
            "a/2.md",
            "a/10.html",
            ".hidden.txt",
            ".git/config.txt",
            "notes.tsv",
            "c/d/e.jsonl",
        ] {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        let found = discover(&[root.to_str().unwrap(), "-"]);
        assert_eq!(
            names(&found, root),
            ["a/10.html", "a/2.md", "b.txt", "c/d/e.jsonl", "-"]
        );
        assert!(found.problems.is_empty());
    }

    #[test]
    fn an_empty_folder_is_a_problem_and_files_are_kept_as_given() {
        let dir = tempfile::tempdir().unwrap();
        let found = discover(&[dir.path().to_str().unwrap(), "missing.txt"]);
        assert_eq!(found.sources, [Source::File("missing.txt".into())]);
        assert_eq!(found.problems.len(), 1);
        assert!(
            found.problems[0]
                .to_string()
                .ends_with("no stories found (looked for .txt, .md, .html, .json or .jsonl files)"),
            "{}",
            found.problems[0]
        );
    }

    #[test]
    fn addresses_are_told_from_file_names() {
        for url in [
            "https://example.org/story.html",
            "HTTP://EXAMPLE.ORG/",
            "ftp://example.org/story.txt",
            "file:///etc/passwd",
            "FILE:/etc/passwd",
            "javascript:alert(1)",
            "data:text/html,<p>hi</p>",
            "mailto:desk@example.org",
            "gopher://example.org/",
        ] {
            assert_eq!(Source::from_arg(url), Source::Url(url.to_string()), "{url}");
        }
        for file in [
            "notes:1.txt",
            "news:today.txt",
            "story.txt",
            "./file:x.txt",
            "C:story.txt",
            "2026-01-01T10:00.txt",
            "a/https://b",
        ] {
            assert_eq!(Source::from_arg(file), Source::File(file.into()), "{file}");
        }
        assert_eq!(Source::from_arg("-"), Source::Stdin);
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_link_loops_are_skipped_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/story.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        let found = discover(&[root.to_str().unwrap()]);
        assert_eq!(names(&found, root), ["sub/story.txt"]);
        assert_eq!(found.warnings.len(), 1, "{:?}", found.warnings);
        assert!(found.warnings[0].contains("symbolic link loop"));
    }
}
