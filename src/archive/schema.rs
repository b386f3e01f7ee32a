//! The archive's tables, created and migrated step by step. The version is
//! SQLite's `PRAGMA user_version`: 0 for a new (or foreign, empty) file,
//! then one more for each migration applied. A file with a version above
//! [`LATEST`] was written by a newer whosaid and is refused untouched.

use rusqlite::{Connection, Transaction};

/// The migrations in order: `MIGRATIONS[n]` takes version `n` to `n + 1`.
/// A new one is appended, never edited in place, so every archive ever
/// written reaches the same schema.
const MIGRATIONS: &[&str] = &[MIGRATION_1];

/// The archive version this whosaid writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Version 1: stories keyed once each, their claims and countries for the
/// search filters, and an FTS5 index over claim text and speaker names.
/// Small metadata columns come before the JSON ones, so listing reads
/// only the first page of each row.
const MIGRATION_1: &str = "
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    date TEXT,
    source TEXT,
    site TEXT,
    url TEXT,
    claims INTEGER NOT NULL,
    speakers INTEGER NOT NULL,
    countries INTEGER NOT NULL,
    annotator TEXT NOT NULL,
    stored_at INTEGER NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    feed_name TEXT,
    feed_url TEXT,
    fetched_at TEXT,
    etag TEXT,
    last_modified TEXT,
    final_url TEXT,
    article TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX stories_newest ON stories (date DESC, id DESC);
CREATE INDEX stories_by_annotator ON stories (annotator);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    story INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    claim TEXT NOT NULL,
    kind TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    speaker TEXT,
    speaker_folded TEXT,
    text TEXT NOT NULL
);
CREATE INDEX claims_by_story ON claims (story);

CREATE TABLE story_countries (
    code TEXT NOT NULL,
    story INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    PRIMARY KEY (code, story)
) WITHOUT ROWID;
CREATE INDEX story_countries_by_story ON story_countries (story);

CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, speaker, tokenize = 'unicode61 remove_diacritics 2'
);
";

/// The file's version, read before anything is written.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Applies the migrations from `from` up to [`LATEST`], each in its own
/// transaction with the version bump, so a crash leaves a whole version.
pub fn migrate(conn: &mut Connection, from: i64) -> rusqlite::Result<()> {
    let start = usize::try_from(from).unwrap_or(0);
    for (done, sql) in MIGRATIONS.iter().enumerate().skip(start) {
        let tx = conn.transaction()?;
        apply(&tx, sql, done as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

fn apply(tx: &Transaction<'_>, sql: &str, version: i64) -> rusqlite::Result<()> {
    tx.execute_batch(sql)?;
    // PRAGMA takes no parameters; `version` is our own number.
    tx.execute_batch(&format!("PRAGMA user_version = {version}"))
}
