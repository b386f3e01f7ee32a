//! The archive's own tests: each on a fresh file in a temporary folder.

use rusqlite::Connection;

use super::*;
use crate::annotate::annotate;
use crate::load;
use crate::model::Document;

fn story(text: &str) -> (Article, Document) {
    let article = load::plain::parse(text);
    let document = annotate(&article);
    (article, document)
}

fn dated(text: &str, date: &str, url: Option<&str>) -> (Article, Document) {
    let mut article = load::plain::parse(text);
    article.meta.date = Some(date.to_string());
    article.meta.url = url.map(str::to_string);
    let document = annotate(&article);
    (article, document)
}

const FERRY: &str = "Ferry service resumes\n\n\
“The harbour is open again,” said Marta Lindqvist, the port director.\n\n\
The crossing to Germany will run twice a day, she said.";
const BRIDGE: &str = "Bridge repairs finished\n\n\
“We rebuilt the harbour bridge in nine weeks,” said Tomas Berg, an engineer.\n\n\
Officials in France said the design would be copied.";
const MARKET: &str = "Market hall reopens\n\n\
“Traders are back and the harbour market is busy,” said Ana Ruiz.";

fn archive() -> (tempfile::TempDir, Archive) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let archive = Archive::open(&dir.path().join("data").join(ARCHIVE_FILE)).expect("opens");
    (dir, archive)
}

fn filled() -> (tempfile::TempDir, Archive) {
    let (dir, mut archive) = archive();
    let stories = [
        dated(FERRY, "2026-11-01", Some("https://news.example/ferry")),
        dated(BRIDGE, "2026-11-15", None),
        dated(MARKET, "2026-12-01", None),
    ];
    let fetch = FetchInfo::default();
    archive
        .store_all(stories.iter().map(|(a, d)| (a, d, &fetch)))
        .expect("stored");
    (dir, archive)
}

fn speakers(hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| h.speaker.clone().unwrap_or_default())
        .collect()
}

#[test]
fn the_data_dir_comes_from_the_environment_first() {
    let path = archive_path(|var| (var == "WHOSAID_DATA_DIR").then(|| "/tmp/w".into()));
    assert_eq!(path, Some(PathBuf::from("/tmp/w/archive.sqlite3")));
    // Empty is unset, as for the config and state folders.
    let path = archive_path(|var| (var == "WHOSAID_DATA_DIR").then(String::new));
    assert_ne!(path, Some(PathBuf::from("archive.sqlite3")));
}

#[test]
fn a_new_archive_is_at_the_latest_version_in_wal_mode() {
    let (_dir, archive) = archive();
    assert_eq!(archive.version().unwrap(), SCHEMA_VERSION);
    let mode: String = archive
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert!(archive.is_empty().unwrap());
}

#[test]
fn storing_a_story_again_updates_its_one_row() {
    let (_dir, mut archive) = archive();
    let (article, document) = dated(FERRY, "2026-11-01", Some("https://news.example/ferry"));
    let fetch = FetchInfo {
        feed_name: Some("Harbour News".into()),
        etag: Some("\"v1\"".into()),
        ..FetchInfo::default()
    };
    let first = archive.store(&article, &document, &fetch).unwrap();
    assert!(first.new);
    archive
        .set_read("https://news.example/ferry", true)
        .unwrap();
    archive
        .set_position("https://news.example/ferry", 2)
        .unwrap();

    // The same URL with new text and a new ETag: updated in place.
    let (mut changed, _) = dated(BRIDGE, "2026-11-02", Some("https://news.example/ferry"));
    changed.meta.title = Some("Ferry service resumes, updated".into());
    let changed_doc = annotate(&changed);
    let refetch = FetchInfo {
        etag: Some("\"v2\"".into()),
        ..FetchInfo::default()
    };
    let second = archive.store(&changed, &changed_doc, &refetch).unwrap();
    assert_eq!(
        second,
        Stored {
            id: first.id,
            new: false
        }
    );
    assert_eq!(archive.len().unwrap(), 1);

    let listed = archive.list().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].meta.title.as_deref(),
        Some("Ferry service resumes, updated")
    );
    assert_eq!(listed[0].meta.date.as_deref(), Some("2026-11-02"));
    assert!(listed[0].read, "the reader's state survives an update");
    assert_eq!(listed[0].position, 2);
    let info = archive
        .fetch_info("https://news.example/ferry")
        .unwrap()
        .unwrap();
    assert_eq!(info.etag.as_deref(), Some("\"v2\""));
    assert_eq!(
        info.feed_name.as_deref(),
        Some("Harbour News"),
        "kept from the first fetch"
    );
    assert_eq!(
        archive.document("https://news.example/ferry").unwrap(),
        Some(changed_doc)
    );
    assert_eq!(
        archive.article("https://news.example/ferry").unwrap(),
        Some(changed)
    );

    // The old claims left the index with the old text.
    let old = Query::new("open again", None, None, None, None).unwrap();
    assert!(archive.search(&old).unwrap().is_empty());
    let new = Query::new("rebuilt", None, None, None, None).unwrap();
    assert_eq!(archive.search(&new).unwrap().len(), 1);
}

#[test]
fn a_story_without_a_url_is_keyed_by_its_text() {
    let (_dir, mut archive) = archive();
    let (article, document) = story(MARKET);
    let key = story_key(&article);
    assert!(key.starts_with("sha256:") && key.len() == 7 + 64, "{key}");
    assert_eq!(key, story_key(&load::plain::parse(MARKET)), "stable");
    assert_ne!(key, story_key(&load::plain::parse(FERRY)));
    let fetch = FetchInfo::default();
    archive.store(&article, &document, &fetch).unwrap();
    let again = archive.store(&article, &document, &fetch).unwrap();
    assert!(!again.new);
    assert_eq!(archive.len().unwrap(), 1);
    let claims: i64 = archive
        .conn
        .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
        .unwrap();
    let indexed: i64 = archive
        .conn
        .query_row("SELECT count(*) FROM claims_fts", [], |r| r.get(0))
        .unwrap();
    assert_eq!((claims, indexed), (document.claims.len() as i64, claims));
}

#[test]
fn the_list_is_newest_first_and_documents_come_in_the_same_order() {
    let (_dir, archive) = filled();
    let titles: Vec<String> = archive
        .list()
        .unwrap()
        .into_iter()
        .map(|l| l.meta.title.unwrap_or_default())
        .collect();
    assert_eq!(
        titles,
        [
            "Market hall reopens",
            "Bridge repairs finished",
            "Ferry service resumes"
        ]
    );
    let mut batches = Vec::new();
    archive
        .documents_newest_first(2, |batch| {
            batches.push(
                batch
                    .iter()
                    .map(|(_, d)| d.display_title())
                    .collect::<Vec<_>>(),
            );
            true
        })
        .unwrap();
    assert_eq!(
        batches,
        [
            vec!["Market hall reopens", "Bridge repairs finished"],
            vec!["Ferry service resumes"]
        ]
    );
}

#[test]
fn an_empty_version_0_database_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ARCHIVE_FILE);
    // An older file: version 0 with a table of its own, which is kept.
    let old = Connection::open(&path).unwrap();
    old.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept');")
        .unwrap();
    drop(old);
    let mut archive = Archive::open(&path).unwrap();
    assert_eq!(archive.version().unwrap(), SCHEMA_VERSION);
    let (article, document) = story(FERRY);
    archive
        .store(&article, &document, &FetchInfo::default())
        .unwrap();
    drop(archive);
    let reopened = Archive::open(&path).unwrap();
    assert_eq!(reopened.len().unwrap(), 1);
    let note: String = reopened
        .conn
        .query_row("SELECT text FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(note, "kept");
}

#[test]
fn an_archive_from_a_newer_whosaid_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ARCHIVE_FILE);
    let newer = Connection::open(&path).unwrap();
    newer
        .execute_batch(&format!(
            "CREATE TABLE future (x); PRAGMA user_version = {};",
            SCHEMA_VERSION + 1
        ))
        .unwrap();
    drop(newer);
    let before = std::fs::read(&path).unwrap();
    let error = Archive::open(&path).err().expect("refused");
    assert!(matches!(error, ArchiveError::TooNew { found, .. } if found == SCHEMA_VERSION + 1));
    assert!(error.to_string().contains("newer whosaid"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "not modified");
    assert!(!dir.path().join("archive.sqlite3-wal").exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ARCHIVE_FILE);
    let text = b"these are my notes, not a database, and they are long enough to have a header";
    std::fs::write(&path, text).unwrap();
    let error = Archive::open(&path).err().expect("refused");
    assert!(
        matches!(error, ArchiveError::NotAnArchive { .. }),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), text);
}

#[test]
fn a_missing_archive_is_not_created_by_reading_commands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ARCHIVE_FILE);
    assert!(matches!(
        Archive::open_existing(&path),
        Err(ArchiveError::Missing(_))
    ));
    assert!(!path.exists());
}

#[test]
fn user_text_is_never_fts_syntax() {
    assert_eq!(
        fts_query("harbour bridge").unwrap(),
        "\"harbour\" \"bridge\""
    );
    assert_eq!(fts_query("say \"no\"").unwrap(), "\"say\" \"\"\"no\"\"\"");
    assert_eq!(
        fts_query("a AND (b OR c*) NEAR")
            .unwrap()
            .matches('"')
            .count(),
        12
    );
    assert_eq!(fts_query("  * \" ( ) - :  "), Err(QueryError::NoWords));
    assert_eq!(fts_query(""), Err(QueryError::NoWords));
    // Every one runs without an FTS5 syntax error.
    let (_dir, archive) = filled();
    for hostile in [
        "\"",
        "harbour\"",
        "AND",
        "harbour AND",
        "(harbour",
        "harbour*",
        "NEAR(harbour",
        "text:harbour",
        "^harbour",
        "harbour OR",
        "-harbour",
        "{text}: harbour",
        "'",
    ] {
        if let Ok(query) = Query::new(hostile, None, None, None, None) {
            archive
                .search(&query)
                .unwrap_or_else(|e| panic!("{hostile:?}: {e}"));
        }
    }
    let and = Query::new("harbour AND", None, None, None, None).unwrap();
    assert!(
        archive
            .search(&and)
            .unwrap()
            .iter()
            .all(|h| h.text.to_lowercase().contains("and"))
    );
}

#[test]
fn words_are_searched_in_claims_and_speaker_names() {
    let (_dir, archive) = filled();
    let harbour = Query::new("harbour", None, None, None, None).unwrap();
    let hits = archive.search(&harbour).unwrap();
    assert_eq!(
        speakers(&hits),
        ["Ana Ruiz", "Tomas Berg", "Marta Lindqvist"]
    );
    assert_eq!(hits[0].title, "Market hall reopens");
    assert_eq!(hits[0].date.as_deref(), Some("2026-12-01"));
    let by_name = Query::new("lindqvist", None, None, None, None).unwrap();
    assert!(!archive.search(&by_name).unwrap().is_empty());
    let none = Query::new("submarine", None, None, None, None).unwrap();
    assert!(archive.search(&none).unwrap().is_empty());
    let mut limited = harbour.clone();
    limited.limit = Some(1);
    assert_eq!(archive.search(&limited).unwrap().len(), 1);
}

#[test]
fn the_speaker_filter_is_a_case_insensitive_substring() {
    let (_dir, archive) = filled();
    for name in ["berg", "TOMAS", "Tomas Berg"] {
        let query = Query::new("harbour", Some(name), None, None, None).unwrap();
        assert_eq!(
            speakers(&archive.search(&query).unwrap()),
            ["Tomas Berg"],
            "{name}"
        );
    }
    let nobody = Query::new("harbour", Some("Nobody"), None, None, None).unwrap();
    assert!(archive.search(&nobody).unwrap().is_empty());
    assert_eq!(
        Query::new("harbour", Some("  "), None, None, None),
        Err(QueryError::EmptySpeaker)
    );
}

#[test]
fn the_country_filter_reads_the_story_countries() {
    let (_dir, archive) = filled();
    let de = Query::new("harbour", None, Some("de"), None, None).unwrap();
    assert_eq!(speakers(&archive.search(&de).unwrap()), ["Marta Lindqvist"]);
    let fr = Query::new("harbour", None, Some("FR"), None, None).unwrap();
    assert_eq!(speakers(&archive.search(&fr).unwrap()), ["Tomas Berg"]);
    assert!(matches!(
        Query::new("harbour", None, Some("D3"), None, None),
        Err(QueryError::BadCountry(_))
    ));
}

#[test]
fn the_date_filters_are_inclusive_and_checked() {
    let (_dir, archive) = filled();
    let since = Query::new("harbour", None, None, Some("2026-11-15"), None).unwrap();
    assert_eq!(
        speakers(&archive.search(&since).unwrap()),
        ["Ana Ruiz", "Tomas Berg"]
    );
    let until = Query::new("harbour", None, None, None, Some("2026-11-15")).unwrap();
    assert_eq!(
        speakers(&archive.search(&until).unwrap()),
        ["Tomas Berg", "Marta Lindqvist"]
    );
    let day = Query::new(
        "harbour",
        None,
        None,
        Some("2026-11-15"),
        Some("2026-11-15"),
    )
    .unwrap();
    assert_eq!(speakers(&archive.search(&day).unwrap()), ["Tomas Berg"]);
    for bad in ["2026-02-30", "2026-1-5", "yesterday", "2026-11-15T00:00"] {
        assert_eq!(
            Query::new("harbour", None, None, Some(bad), None),
            Err(QueryError::BadDate(bad.to_string()))
        );
    }
}

#[test]
fn stories_from_another_annotator_are_found_and_replaced() {
    let (_dir, mut archive) = archive();
    let (article, document) = story(FERRY);
    let fetch = FetchInfo::default();
    archive
        .store_all_as([(&article, &document, &fetch, "whosaid 0.0.1")])
        .unwrap();
    assert_eq!(archive.stale_count().unwrap(), 1);
    let stale = archive.stale(0, 10).unwrap();
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].1, article);
    let redone = annotate(&stale[0].1);
    archive
        .replace_annotations(&[(stale[0].0, redone)])
        .unwrap();
    assert_eq!(archive.stale_count().unwrap(), 0);
    assert_eq!(
        archive.annotator(&story_key(&article)).unwrap().as_deref(),
        Some(ANNOTATOR_VERSION)
    );
    let query = Query::new("harbour", None, None, None, None).unwrap();
    assert_eq!(archive.search(&query).unwrap().len(), 1, "indexed once");
}

#[test]
fn documents_are_exported_in_stored_order_one_line_each() {
    let (_dir, archive) = filled();
    let mut lines = Vec::new();
    archive
        .each_document_json(|json| -> std::result::Result<(), ArchiveError> {
            lines.push(json.to_string());
            Ok(())
        })
        .unwrap();
    assert_eq!(lines.len(), 3);
    let first: Document = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(first.display_title(), "Ferry service resumes");
    assert!(lines.iter().all(|l| !l.contains('\n')));
}

#[test]
fn a_damaged_document_is_skipped_and_counted() {
    let (_dir, archive) = filled();
    archive
        .conn
        .execute(
            "UPDATE stories SET document = '{\"schema\": broken' WHERE title = 'Bridge repairs finished'",
            [],
        )
        .unwrap();
    let mut titles = Vec::new();
    let damaged = archive
        .documents_newest_first(10, |batch| {
            titles.extend(batch.into_iter().map(|(_, d)| d.display_title()));
            true
        })
        .unwrap();
    assert_eq!(damaged, 1);
    assert_eq!(titles, ["Market hall reopens", "Ferry service resumes"]);
}

#[test]
fn what_the_reader_saw_is_remembered_by_key() {
    let (_dir, mut archive) = filled();
    // The key the reader finds from a document is the one it was stored under.
    let (article, document) = dated(BRIDGE, "2026-11-15", None);
    let key = story_key(&article_of(&document));
    assert_eq!(key, story_key(&article));
    archive
        .remember(&[
            Reading {
                key: key.clone(),
                read: true,
                position: Some(2),
            },
            Reading {
                key: "https://news.example/ferry".into(),
                read: false,
                position: Some(1),
            },
            Reading {
                key: "sha256:not-stored".into(),
                read: true,
                position: None,
            },
        ])
        .unwrap();
    let listed = archive.list().unwrap();
    let state: Vec<(bool, usize)> = listed.iter().map(|l| (l.read, l.position)).collect();
    assert_eq!(state, [(false, 0), (true, 2), (false, 1)]);
}

#[test]
fn a_folder_in_the_archive_s_place_is_not_called_a_damaged_archive() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(ARCHIVE_FILE);
    std::fs::create_dir(&path).unwrap();
    let error = Archive::open(&path).err().expect("refused");
    assert!(matches!(error, ArchiveError::Open { .. }), "{error}");
    assert!(
        error.to_string().starts_with("cannot open the archive"),
        "{error}"
    );
}

#[test]
fn a_feeds_stories_are_found_by_its_address_newest_first() {
    let (_dir, mut archive) = archive();
    let from = |feed: &str| FetchInfo {
        feed_url: Some(feed.to_string()),
        ..FetchInfo::default()
    };
    let older = dated(FERRY, "2026-11-01", Some("https://news.example/ferry"));
    let newer = dated(BRIDGE, "2026-11-15", Some("https://news.example/bridge"));
    let other = dated(MARKET, "2026-12-01", None);
    let feed = "https://news.example/rss";
    archive.store(&older.0, &older.1, &from(feed)).unwrap();
    archive.store(&newer.0, &newer.1, &from(feed)).unwrap();
    archive
        .store(&other.0, &other.1, &from("https://other.example/rss"))
        .unwrap();
    let keys: Vec<String> = archive
        .feed_documents(feed)
        .unwrap()
        .into_iter()
        .map(|(key, _)| key)
        .collect();
    assert_eq!(
        keys,
        ["https://news.example/bridge", "https://news.example/ferry"]
    );
    assert!(
        archive
            .feed_documents("https://none.example/")
            .unwrap()
            .is_empty()
    );
}
