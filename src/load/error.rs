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
    #[error("{path}: not a text file (it contains NUL bytes)")]
    NotText { path: String },
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
}
