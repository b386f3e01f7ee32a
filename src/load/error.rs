use std::io;

use thiserror::Error;

/// Why a story could not be read. Every variant names the input.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: no such file")]
    NotFound { path: String },
    #[error("{path}: permission denied")]
    PermissionDenied { path: String },
    #[error("{path}: is a directory")]
    IsDirectory { path: String },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error(
        "{path}: not a regular file ({kind}); not read (use - for standard input, or --allow-special-files)"
    )]
    NotRegular { path: String, kind: &'static str },
    #[error("{path}: larger than {limit} (the limit; see --max-input-size); not read")]
    TooLarge { path: String, limit: String },
    #[error("{path}: not a text file (it contains NUL bytes)")]
    NotText { path: String },
    /// A `.json` file (or JSON on stdin) that is not a `whosaid/1` document.
    #[error("{path}: not a whosaid/1 document: {message}")]
    NotDocument { path: String, message: String },
    /// A document of another version of the format.
    #[error("{path}: unsupported schema {schema:?} (this whosaid reads whosaid/1)")]
    Schema { path: String, schema: String },
    /// One line of a JSON Lines input; the other lines are still read.
    /// Names the article's id when the line gives one, so a message from a
    /// chunk of a larger file (a Spark partition) can still be traced.
    #[error("{path}:{line}{}: {message}", id_note(.id.as_deref()))]
    Line {
        path: String,
        line: usize,
        id: Option<String>,
        message: String,
    },
    /// A line that did not end within the bytes allowed for skipping it:
    /// the rest of the input is given up. Not one bad line but an input cut
    /// short, so even `--on-error emit` cannot answer it with a line, and
    /// the exit status tells.
    #[error("{path}:{line}: no line end in the {skipped} after it; the rest of {path} is not read")]
    Unended {
        path: String,
        line: usize,
        skipped: String,
    },
    /// Bad lines past the ones reported one by one, so a broken file cannot
    /// flood the terminal.
    #[error("{path}: {count} more bad lines not shown")]
    MoreBadLines { path: String, count: usize },
    #[error("{path}: no stories found (looked for {extensions} files)")]
    NoStories {
        path: String,
        extensions: &'static str,
    },
    #[error("{path}: HTML nested more than {limit} elements deep; not read")]
    TooDeep { path: String, limit: usize },
    /// A web address that could not be fetched, or whose content is not read.
    #[error(transparent)]
    Fetch(#[from] super::fetch::FetchError),
    /// A feed that could not be read as RSS, Atom or JSON Feed.
    #[error("{path}: not a feed (RSS, Atom or JSON Feed): {message}")]
    NotFeed { path: String, message: String },
    /// A problem walking a folder that the operating system did not explain.
    #[error("{path}: cannot walk: {message}")]
    Walk { path: String, message: String },
}

impl LoadError {
    pub(crate) fn from_io(path: &str, error: io::Error) -> Self {
        let path = path.to_string();
        match error.kind() {
            io::ErrorKind::NotFound => LoadError::NotFound { path },
            io::ErrorKind::PermissionDenied => LoadError::PermissionDenied { path },
            io::ErrorKind::IsADirectory => LoadError::IsDirectory { path },
            _ => LoadError::Io {
                path,
                source: error,
            },
        }
    }

    /// The input the problem is about, as given or as found in a folder.
    pub fn path(&self) -> &str {
        match self {
            LoadError::NotFound { path }
            | LoadError::PermissionDenied { path }
            | LoadError::IsDirectory { path }
            | LoadError::Io { path, .. }
            | LoadError::NotRegular { path, .. }
            | LoadError::TooLarge { path, .. }
            | LoadError::NotText { path }
            | LoadError::NotDocument { path, .. }
            | LoadError::Schema { path, .. }
            | LoadError::Line { path, .. }
            | LoadError::Unended { path, .. }
            | LoadError::MoreBadLines { path, .. }
            | LoadError::NoStories { path, .. }
            | LoadError::TooDeep { path, .. }
            | LoadError::NotFeed { path, .. }
            | LoadError::Walk { path, .. } => path,
            LoadError::Fetch(error) => &error.url,
        }
    }
}

/// ` (id 7)` after a line's place, or nothing when the line has no id.
pub fn id_note(id: Option<&str>) -> String {
    id.map(|id| format!(" (id {id})")).unwrap_or_default()
}
