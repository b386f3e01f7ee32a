//! Storing stories (one row per key, upserted), listing them newest first
//! without reading their documents, and reading documents back in batches.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{ANNOTATOR_VERSION, Archive, ArchiveError, Result, listed_meta};
use crate::model::{Article, Document, Meta, Paragraph, story_title};

/// Where and how a story was fetched; all optional (a story added from a
/// file has none). Storing a story again keeps the values it had for the
/// fields left `None` here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FetchInfo {
    pub feed_name: Option<String>,
    pub feed_url: Option<String>,
    /// When it was fetched, RFC 3339 ("2026-12-03T06:00:00Z").
    pub fetched_at: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The address the fetch ended at, after redirects.
    pub final_url: Option<String>,
}

/// One story in the list: only the columns the list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The row's id: stable while the story is stored.
    pub id: i64,
    pub key: String,
    /// Title (always filled in), date, source, site and URL.
    pub meta: Meta,
    pub claims: usize,
    pub speakers: usize,
    pub countries: usize,
    pub read: bool,
    /// The paragraph the reader was at.
    pub position: usize,
}

/// What the reader learned about a story: for [`Archive::remember`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub key: String,
    /// Opened: marks it read (never unread).
    pub read: bool,
    /// The paragraph the reader was at, when known.
    pub position: Option<usize>,
}

/// What [`Archive::store`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stored {
    pub id: i64,
    /// False when a story with the same key was already stored (it was updated).
    pub new: bool,
}

/// The stored form of an [`Article`] (the core's type is not serde):
/// exactly what the annotator reads, so the story can be annotated again.
#[derive(Serialize, Deserialize)]
struct ArticleJson {
    meta: Meta,
    paragraphs: Vec<Paragraph>,
}

/// The key a story is stored under: its canonical URL (`meta.url`), else
/// `sha256:` and the SHA-256 of its paragraphs' text (each followed by a
/// newline), so the same text read twice is stored once.
pub fn story_key(article: &Article) -> String {
    if let Some(url) = article
        .meta
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        return url.to_string();
    }
    let mut hash = Sha256::new();
    for paragraph in &article.paragraphs {
        hash.update(paragraph.text.as_str().as_bytes());
        hash.update(b"\n");
    }
    let digest = hash.finalize();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

impl Archive {
    /// Stores one story in a transaction of its own; see [`Archive::store_all`].
    pub fn store(
        &mut self,
        article: &Article,
        document: &Document,
        fetch: &FetchInfo,
    ) -> Result<Stored> {
        let tx = self.conn.transaction()?;
        let stored = store_in(&tx, article, document, fetch, ANNOTATOR_VERSION)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Stores many stories in one transaction (much faster than one each;
    /// all or none are stored), as annotated by this version.
    pub fn store_all<'a>(
        &mut self,
        stories: impl IntoIterator<Item = (&'a Article, &'a Document, &'a FetchInfo)>,
    ) -> Result<Vec<Stored>> {
        self.store_all_as(
            stories
                .into_iter()
                .map(|(article, document, fetch)| (article, document, fetch, ANNOTATOR_VERSION)),
        )
    }

    /// [`Archive::store_all`], each story with the annotator version that
    /// made its document (another whosaid's, or [`IMPORTED`](super::IMPORTED)
    /// for a document read already annotated).
    pub fn store_all_as<'a>(
        &mut self,
        stories: impl IntoIterator<Item = (&'a Article, &'a Document, &'a FetchInfo, &'a str)>,
    ) -> Result<Vec<Stored>> {
        let tx = self.conn.transaction()?;
        let mut stored = Vec::new();
        for (article, document, fetch, annotator) in stories {
            stored.push(store_in(&tx, article, document, fetch, annotator)?);
        }
        tx.commit()?;
        Ok(stored)
    }

    /// The stories stored from the feed at `feed_url`, newest first, with
    /// their keys; a story whose document does not parse is left out.
    pub fn feed_documents(&self, feed_url: &str) -> Result<Vec<(String, Document)>> {
        let mut statement = self.conn.prepare(
            "SELECT key, document FROM stories WHERE feed_url = ?1 ORDER BY date DESC, id DESC",
        )?;
        let rows = statement.query_map([feed_url], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?;
        let mut documents = Vec::new();
        for row in rows {
            let (key, text) = row?;
            if let Ok(document) = serde_json::from_str(&text) {
                documents.push((key, document));
            }
        }
        Ok(documents)
    }

    /// The number of stories stored.
    pub fn len(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM stories", [], |r| r.get(0))?;
        Ok(count(n))
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// Every story, newest first (by date, stories without one last; then
    /// the last stored first), reading only the listed columns.
    pub fn list(&self) -> Result<Vec<Listed>> {
        let mut statement = self.conn.prepare(
            "SELECT id, key, title, date, source, site, url, claims, speakers, countries, read, position
             FROM stories ORDER BY date DESC, id DESC",
        )?;
        let rows = statement.query_map([], |row| {
            Ok(Listed {
                id: row.get(0)?,
                key: row.get(1)?,
                meta: listed_meta(
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                    row.get(6)?,
                ),
                claims: count(row.get(7)?),
                speakers: count(row.get(8)?),
                countries: count(row.get(9)?),
                read: row.get(10)?,
                position: count(row.get(11)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored documents, in list order (newest first), `batch` at a
    /// time, each with its row id. `each` returns false to stop. A row
    /// whose document does not parse is skipped, not fatal: returns how
    /// many were.
    pub fn documents_newest_first(
        &self,
        batch: usize,
        mut each: impl FnMut(Vec<(i64, Document)>) -> bool,
    ) -> Result<usize> {
        let batch = batch.max(1);
        let mut statement = self
            .conn
            .prepare("SELECT id, document FROM stories ORDER BY date DESC, id DESC")?;
        let mut rows = statement.query([])?;
        let mut docs = Vec::with_capacity(batch);
        let mut damaged = 0;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let text: String = row.get(1)?;
            match serde_json::from_str(&text) {
                Ok(document) => docs.push((id, document)),
                Err(_) => damaged += 1,
            }
            if docs.len() == batch && !each(std::mem::replace(&mut docs, Vec::with_capacity(batch)))
            {
                return Ok(damaged);
            }
        }
        if !docs.is_empty() {
            each(docs);
        }
        Ok(damaged)
    }

    /// Each stored document's `whosaid/1` JSON as stored (one line, no
    /// newline in it), in the order stored; `each` returns an error to stop.
    /// Constant memory: one row at a time.
    pub fn each_document_json<E: From<ArchiveError>>(
        &self,
        mut each: impl FnMut(&str) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let fail = |e: rusqlite::Error| E::from(ArchiveError::from(e));
        let mut statement = self
            .conn
            .prepare("SELECT document FROM stories ORDER BY id")
            .map_err(fail)?;
        let mut rows = statement.query([]).map_err(fail)?;
        while let Some(row) = rows.next().map_err(fail)? {
            let text: String = row.get(0).map_err(fail)?;
            each(&text)?;
        }
        Ok(())
    }

    /// The stored document of the story with this key.
    pub fn document(&self, key: &str) -> Result<Option<Document>> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT document FROM stories WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(text.map(|t| serde_json::from_str(&t)).transpose()?)
    }

    /// The stored article (the text as read) of the story with this key.
    pub fn article(&self, key: &str) -> Result<Option<Article>> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT article FROM stories WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(text.map(|t| parse_article(&t)).transpose()?)
    }

    /// The fetch metadata stored for this key.
    pub fn fetch_info(&self, key: &str) -> Result<Option<FetchInfo>> {
        Ok(self
            .conn
            .query_row(
                "SELECT feed_name, feed_url, fetched_at, etag, last_modified, final_url
                 FROM stories WHERE key = ?1",
                [key],
                |r| {
                    Ok(FetchInfo {
                        feed_name: r.get(0)?,
                        feed_url: r.get(1)?,
                        fetched_at: r.get(2)?,
                        etag: r.get(3)?,
                        last_modified: r.get(4)?,
                        final_url: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// The annotator version the stored annotation came from.
    pub fn annotator(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT annotator FROM stories WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Marks a story read or unread; false when no story has this key.
    pub fn set_read(&self, key: &str, read: bool) -> Result<bool> {
        let n = self.conn.execute(
            "UPDATE stories SET read = ?2 WHERE key = ?1",
            params![key, read],
        )?;
        Ok(n > 0)
    }

    /// Remembers the paragraph the reader was at; false when no story has this key.
    pub fn set_position(&self, key: &str, paragraph: usize) -> Result<bool> {
        let paragraph = i64::try_from(paragraph).unwrap_or(i64::MAX);
        let n = self.conn.execute(
            "UPDATE stories SET position = ?2 WHERE key = ?1",
            params![key, paragraph],
        )?;
        Ok(n > 0)
    }

    /// Records what the reader saw, in one transaction; keys not stored
    /// are passed over.
    pub fn remember(&mut self, readings: &[Reading]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut read = tx.prepare("UPDATE stories SET read = 1 WHERE key = ?1")?;
            let mut position = tx.prepare("UPDATE stories SET position = ?2 WHERE key = ?1")?;
            for reading in readings {
                if reading.read {
                    read.execute([&reading.key])?;
                }
                if let Some(at) = reading.position {
                    position
                        .execute(params![reading.key, i64::try_from(at).unwrap_or(i64::MAX)])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// How many stories were annotated by another version than this one.
    pub fn stale_count(&self) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM stories WHERE annotator <> ?1",
            [ANNOTATOR_VERSION],
            |r| r.get(0),
        )?;
        Ok(count(n))
    }

    /// Up to `limit` stories annotated by another version, with row ids
    /// above `after` (for paging), each with its stored article.
    pub fn stale(&self, after: i64, limit: usize) -> Result<Vec<(i64, Article)>> {
        let mut statement = self.conn.prepare(
            "SELECT id, article FROM stories WHERE annotator <> ?1 AND id > ?2 ORDER BY id LIMIT ?3",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut rows = statement.query(params![ANNOTATOR_VERSION, after, limit])?;
        let mut stale = Vec::new();
        while let Some(row) = rows.next()? {
            let text: String = row.get(1)?;
            stale.push((row.get(0)?, parse_article(&text)?));
        }
        Ok(stale)
    }

    /// Replaces the annotations of stories by row id, in one transaction,
    /// as annotated by this version.
    pub fn replace_annotations(&mut self, documents: &[(i64, Document)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for (id, document) in documents {
            let json = serde_json::to_string(document)?;
            tx.execute(
                "UPDATE stories SET title = ?2, claims = ?3, speakers = ?4, countries = ?5,
                 annotator = ?6, document = ?7 WHERE id = ?1",
                params![
                    id,
                    document.display_title(),
                    document.claims.len() as i64,
                    document.speakers.len() as i64,
                    document.countries.len() as i64,
                    ANNOTATOR_VERSION,
                    json,
                ],
            )?;
            index_claims(&tx, *id, document)?;
        }
        tx.commit()?;
        Ok(())
    }
}

fn parse_article(text: &str) -> serde_json::Result<Article> {
    let stored: ArticleJson = serde_json::from_str(text)?;
    Ok(Article {
        meta: stored.meta,
        paragraphs: stored.paragraphs,
    })
}

/// Upserts one story inside `tx`: the row keyed by [`story_key`], then
/// its claims, countries and search index replaced.
fn store_in(
    tx: &Transaction<'_>,
    article: &Article,
    document: &Document,
    fetch: &FetchInfo,
    annotator: &str,
) -> Result<Stored> {
    let key = story_key(article);
    let existed: Option<i64> = tx
        .query_row("SELECT id FROM stories WHERE key = ?1", [&key], |r| {
            r.get(0)
        })
        .optional()?;
    let article_json = serde_json::to_string(&ArticleJson {
        meta: article.meta.clone(),
        paragraphs: article.paragraphs.clone(),
    })?;
    let document_json = serde_json::to_string(document)?;
    let meta = &document.meta;
    // Read state and position are the reader's, kept across updates; fetch
    // fields left out this time keep what an earlier fetch stored.
    let id: i64 = tx.query_row(
        "INSERT INTO stories (key, title, date, source, site, url, claims, speakers, countries,
             annotator, stored_at, feed_name, feed_url, fetched_at, etag, last_modified,
             final_url, article, document)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
         ON CONFLICT (key) DO UPDATE SET
             title = excluded.title, date = excluded.date, source = excluded.source,
             site = excluded.site, url = excluded.url, claims = excluded.claims,
             speakers = excluded.speakers, countries = excluded.countries,
             annotator = excluded.annotator, stored_at = excluded.stored_at,
             feed_name = coalesce(excluded.feed_name, feed_name),
             feed_url = coalesce(excluded.feed_url, feed_url),
             fetched_at = coalesce(excluded.fetched_at, fetched_at),
             etag = coalesce(excluded.etag, etag),
             last_modified = coalesce(excluded.last_modified, last_modified),
             final_url = coalesce(excluded.final_url, final_url),
             article = excluded.article, document = excluded.document
         RETURNING id",
        params![
            key,
            story_title(meta, &document.paragraphs),
            meta.date,
            meta.source,
            meta.site,
            meta.url,
            document.claims.len() as i64,
            document.speakers.len() as i64,
            document.countries.len() as i64,
            annotator,
            now(),
            fetch.feed_name,
            fetch.feed_url,
            fetch.fetched_at,
            fetch.etag,
            fetch.last_modified,
            fetch.final_url,
            article_json,
            document_json,
        ],
        |r| r.get(0),
    )?;
    index_claims(tx, id, document)?;
    Ok(Stored {
        id,
        new: existed.is_none(),
    })
}

/// Replaces the story's rows in `claims`, `story_countries` and the FTS
/// index: old rows out first, so an updated story never leaves stale hits.
fn index_claims(tx: &Transaction<'_>, story: i64, document: &Document) -> Result<()> {
    tx.execute(
        "DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE story = ?1)",
        [story],
    )?;
    tx.execute("DELETE FROM claims WHERE story = ?1", [story])?;
    tx.execute("DELETE FROM story_countries WHERE story = ?1", [story])?;
    let mut claim_row = tx.prepare_cached(
        "INSERT INTO claims (story, claim, kind, paragraph, speaker, speaker_folded, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut fts_row =
        tx.prepare_cached("INSERT INTO claims_fts (rowid, text, speaker) VALUES (?1, ?2, ?3)")?;
    for claim in &document.claims {
        let speaker = claim
            .speaker
            .as_deref()
            .and_then(|id| document.speaker(id))
            .map(|s| s.name.as_str());
        let folded = speaker.map(str::to_lowercase);
        let words = claim.words();
        claim_row.execute(params![
            story,
            claim.id,
            claim.kind.as_str(),
            i64::try_from(claim.paragraph).unwrap_or(i64::MAX),
            speaker,
            folded,
            words,
        ])?;
        fts_row.execute(params![
            tx.last_insert_rowid(),
            words,
            speaker.unwrap_or("")
        ])?;
    }
    // The countries the story mentions and those its speakers are tied to:
    // what `--country` filters on.
    let mut country_row =
        tx.prepare_cached("INSERT OR IGNORE INTO story_countries (code, story) VALUES (?1, ?2)")?;
    let codes = document.countries.iter().map(|c| c.code.as_str()).chain(
        document
            .speakers
            .iter()
            .filter_map(|s| s.country.as_deref()),
    );
    for code in codes {
        country_row.execute(params![code.to_uppercase(), story])?;
    }
    Ok(())
}
