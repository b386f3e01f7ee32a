//! The archive: every story whosaid stored (fetched from a feed, or added
//! with `whosaid archive add`), kept in one SQLite file so it reads offline
//! and can be searched across weeks of news.
//!
//! Storage only, beside [`crate::load`]: it deals in the core model's
//! [`Article`], [`Document`](crate::model::Document) and [`Meta`], never in the reader. See
//! `docs/archive.md` for the schema, the keys and the versions.

mod schema;
pub mod search;
mod store;

use std::path::{Path, PathBuf};
use std::time::Duration;

use directories::ProjectDirs;
use rusqlite::{Connection, OpenFlags};

pub use schema::LATEST as SCHEMA_VERSION;
pub use search::{Hit, Query, QueryError, fts_query};
pub use store::{FetchInfo, Listed, Reading, Stored, story_key};

use crate::model::{Article, Meta};

/// The archive's file name in the data directory.
pub const ARCHIVE_FILE: &str = "archive.sqlite3";

/// What produced a stored annotation: stories annotated by another version
/// are what `whosaid archive --reannotate` redoes.
pub const ANNOTATOR_VERSION: &str = concat!("whosaid ", env!("CARGO_PKG_VERSION"));

/// The annotator recorded for a document read already annotated (a
/// `whosaid/1` file): by an unknown version, so `--reannotate` redoes it.
pub const IMPORTED: &str = "imported";

/// How long a write waits for another whosaid holding the file.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("no archive at {0} yet: store stories with `whosaid archive add FILE…`")]
    Missing(PathBuf),
    #[error("{path} is not a whosaid archive (not an SQLite database, or damaged): {source}")]
    NotAnArchive {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot open the archive {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "{path} was written by a newer whosaid (archive version {found}; this one knows up to {known}): left as it is; use a newer whosaid"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("cannot create the folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("archive: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("a stored story is damaged: {0}")]
    Damaged(#[from] serde_json::Error),
}

pub type Result<T> = std::result::Result<T, ArchiveError>;

/// The folder the archive lives in: `WHOSAID_DATA_DIR`, else the
/// platform's data directory (on Linux `~/.local/share/whosaid`). `env`
/// is the environment lookup, so tests never touch a real home.
pub fn data_dir(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    env("WHOSAID_DATA_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| ProjectDirs::from("", "", "whosaid").map(|p| p.data_dir().to_path_buf()))
}

/// The archive file in [`data_dir`].
pub fn archive_path(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    data_dir(env).map(|d| d.join(ARCHIVE_FILE))
}

/// An open archive.
pub struct Archive {
    conn: Connection,
    path: PathBuf,
}

impl Archive {
    /// Opens the archive at `path`, creating it (and its folder) when there
    /// is none, and migrating an older one.
    pub fn open(path: &Path) -> Result<Archive> {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|source| ArchiveError::Folder {
                path: folder.to_path_buf(),
                source,
            })?;
        }
        Self::connect(path, OpenFlags::default())
    }

    /// Opens an archive that must already exist (for reading commands:
    /// searching nothing should not leave an empty file behind).
    pub fn open_existing(path: &Path) -> Result<Archive> {
        if !path.exists() {
            return Err(ArchiveError::Missing(path.to_path_buf()));
        }
        let flags = OpenFlags::default() - OpenFlags::SQLITE_OPEN_CREATE;
        Self::connect(path, flags)
    }

    fn connect(path: &Path, flags: OpenFlags) -> Result<Archive> {
        // Not a database (or a damaged one) is the file's fault; anything
        // else (permissions, a folder in its place) is told as it is.
        let not_ours = |source: rusqlite::Error| {
            let path = path.to_path_buf();
            match source.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
                    ArchiveError::NotAnArchive { path, source }
                }
                _ => ArchiveError::Open { path, source },
            }
        };
        let mut conn = Connection::open_with_flags(path, flags).map_err(not_ours)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // The version is read before anything is written: a file that is no
        // database, or one from a newer whosaid, is left byte for byte.
        let found = schema::version(&conn).map_err(not_ours)?;
        if found > schema::LATEST {
            return Err(ArchiveError::TooNew {
                path: path.to_path_buf(),
                found,
                known: schema::LATEST,
            });
        }
        // WAL: readers (the reader, a search) never block the writer, and a
        // killed writer leaves the last committed state.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(not_ours)?;
        let _ = mode; // "memory" for in-memory databases; WAL otherwise.
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
        if found < schema::LATEST {
            schema::migrate(&mut conn, found)?;
        }
        Ok(Archive {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The archive version of the open file (after migration, [`SCHEMA_VERSION`]).
    pub fn version(&self) -> Result<i64> {
        Ok(schema::version(&self.conn)?)
    }
}

/// The metadata a story is listed under, from its stored columns.
fn listed_meta(
    title: String,
    date: Option<String>,
    source: Option<String>,
    site: Option<String>,
    url: Option<String>,
) -> Meta {
    Meta {
        title: Some(title),
        date,
        source,
        site,
        url,
        ..Meta::default()
    }
}

/// A story ready to store: what the loader read and what the annotator made of it.
pub fn article_of(document: &dyn crate::model::Annotated) -> Article {
    Article {
        meta: document.meta().clone(),
        paragraphs: document.paragraphs().to_vec(),
    }
}

#[cfg(test)]
mod tests;
