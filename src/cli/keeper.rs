//! The archive as the loaders write to it: every story fetched from the
//! web or read from a feed is kept, from the loader's threads, one
//! transaction each. Without an archive the stories are only shown, and
//! the reader is told why once.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::archive::{self, Archive, FetchInfo};
use crate::model::{Article, Document};
use crate::tui::{Feed, Feeder};

/// The archive, shared by the threads that fetch and annotate.
pub struct Keeper {
    archive: Mutex<Archive>,
}

impl Keeper {
    /// Where the user's archive is: `WHOSAID_DATA_DIR`, else the
    /// platform's data folder; `None` when neither is known.
    pub fn users() -> Option<PathBuf> {
        archive::archive_path(|name| std::env::var(name).ok())
    }

    /// Opens the archive at `path`; `None` when there is none to open
    /// (`path` is `None`: the caller keeps nothing) or it cannot be opened
    /// (said in a warning).
    pub fn open(path: Option<&Path>, feeder: &Feeder) -> Option<Keeper> {
        match Archive::open(path?) {
            Ok(archive) => Some(Keeper {
                archive: Mutex::new(archive),
            }),
            Err(error) => {
                feeder.send(Feed::Warning(format!("{error}: stories are not kept")));
                None
            }
        }
    }

    /// The archive itself, for reading.
    pub fn archive(&self) -> std::sync::MutexGuard<'_, Archive> {
        self.archive.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Keeps one story, fetched now (`fetch` says from where); a failure is
    /// a warning, not a lost story: it is still shown.
    pub fn keep(&self, article: &Article, document: &Document, fetch: FetchInfo, feeder: &Feeder) {
        let fetch = FetchInfo {
            fetched_at: Some(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            final_url: fetch.final_url.or_else(|| document.meta.url.clone()),
            ..fetch
        };
        if let Err(error) = self.archive().store(article, document, &fetch) {
            feeder.send(Feed::Warning(format!(
                "{}: not kept in the archive: {error}",
                document.meta.source.as_deref().unwrap_or("a story")
            )));
        }
    }
}
