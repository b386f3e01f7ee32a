//! Searching the stored claims: words through the FTS5 index (claim text
//! and speaker names), filtered by speaker, country and story date.

use rusqlite::params;
use serde::Serialize;

use super::{Archive, Result};
use whosaid_core::date::iso_date;

/// What to search for. Build it with [`Query::new`], which checks it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The FTS5 expression made from the user's words ([`fts_query`]).
    matching: String,
    /// Lower-cased; matched as a substring of the claim's speaker name.
    speaker: Option<String>,
    /// Upper-cased ISO code (or a bloc's: `EU`, `NATO`).
    country: Option<String>,
    since: Option<String>,
    until: Option<String>,
    /// At most this many hits (all when `None`).
    pub limit: Option<usize>,
}

/// A query that cannot be run: a usage error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("the query has no words to search for")]
    NoWords,
    #[error("{0:?} is not a date: give one as YYYY-MM-DD")]
    BadDate(String),
    #[error("{0:?} is not a country code: give an ISO code such as DE, or a bloc such as EU")]
    BadCountry(String),
    #[error("the speaker to filter on is empty")]
    EmptySpeaker,
}

/// The user's words as a safe FTS5 expression: each whitespace-separated
/// term becomes a quoted string (inner `"` doubled), so nothing the user
/// types (`"`, `*`, `AND`, `NEAR(`, `col:`) is FTS5 syntax; the strings
/// are ANDed. Terms with no letter or digit are dropped; `Err` when none is left.
pub fn fts_query(text: &str) -> std::result::Result<String, QueryError> {
    let terms: Vec<String> = text
        .split_whitespace()
        .filter(|term| term.chars().any(char::is_alphanumeric))
        .map(|term| format!("\"{}\"", term.replace('"', "\"\"")))
        .collect();
    if terms.is_empty() {
        return Err(QueryError::NoWords);
    }
    Ok(terms.join(" "))
}

/// A calendar date exactly as `YYYY-MM-DD`.
fn date(value: &str) -> std::result::Result<String, QueryError> {
    match iso_date(value) {
        Some(date) if date == value => Ok(date),
        _ => Err(QueryError::BadDate(value.to_string())),
    }
}

impl Query {
    /// A query for `words`, filtered by speaker name (case-insensitive
    /// substring), country code and story dates (inclusive).
    pub fn new(
        words: &str,
        speaker: Option<&str>,
        country: Option<&str>,
        since: Option<&str>,
        until: Option<&str>,
    ) -> std::result::Result<Query, QueryError> {
        let speaker = match speaker.map(str::trim) {
            Some("") => return Err(QueryError::EmptySpeaker),
            speaker => speaker.map(str::to_lowercase),
        };
        let country = country
            .map(|code| {
                let code = code.trim();
                let fine =
                    (2..=8).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphabetic());
                if fine {
                    Ok(code.to_ascii_uppercase())
                } else {
                    Err(QueryError::BadCountry(code.to_string()))
                }
            })
            .transpose()?;
        Ok(Query {
            matching: fts_query(words)?,
            speaker,
            country,
            since: since.map(date).transpose()?,
            until: until.map(date).transpose()?,
            limit: None,
        })
    }
}

/// One claim found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// The story's key in the archive (its URL or `sha256:…`).
    pub key: String,
    pub title: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// The claim's id in the story's document (`c3`).
    pub claim: String,
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
    pub paragraph: usize,
    pub speaker: Option<String>,
    /// The claim's words.
    pub text: String,
}

impl Archive {
    /// The claims matching `query`, newest story first, in reading order
    /// within a story.
    pub fn search(&self, query: &Query) -> Result<Vec<Hit>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT s.key, s.title, s.date, s.url, s.source, c.claim, c.kind, c.paragraph,
                    c.speaker, c.text
             FROM claims_fts f
             JOIN claims c ON c.id = f.rowid
             JOIN stories s ON s.id = c.story
             WHERE claims_fts MATCH ?1
               AND (?2 IS NULL OR instr(c.speaker_folded, ?2) > 0)
               AND (?3 IS NULL OR EXISTS
                    (SELECT 1 FROM story_countries k WHERE k.code = ?3 AND k.story = s.id))
               AND (?4 IS NULL OR s.date >= ?4)
               AND (?5 IS NULL OR s.date <= ?5)
             ORDER BY s.date DESC, s.id DESC, c.id
             LIMIT ?6",
        )?;
        let limit = query
            .limit
            .map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let rows = statement.query_map(
            params![
                query.matching,
                query.speaker,
                query.country,
                query.since,
                query.until,
                limit
            ],
            |row| {
                Ok(Hit {
                    key: row.get(0)?,
                    title: row.get(1)?,
                    date: row.get(2)?,
                    url: row.get(3)?,
                    source: row.get(4)?,
                    claim: row.get(5)?,
                    kind: row.get(6)?,
                    paragraph: usize::try_from(row.get::<_, i64>(7)?).unwrap_or(0),
                    speaker: row.get(8)?,
                    text: row.get(9)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
