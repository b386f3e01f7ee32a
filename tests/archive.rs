//! The archive through the real binary: `archive add`, `search` with each
//! filter and format, `--export jsonl`, `--reannotate`, damaged and newer
//! files, and a writer killed mid-write. Every run has its own
//! `WHOSAID_DATA_DIR` (and config and state folders) in a temporary folder.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, code, stderr, stdout};
use tempfile::TempDir;

/// A temporary home for one test: data, config and state folders.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn archive(&self) -> PathBuf {
        self.data().join("archive.sqlite3")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command
            .args(args)
            .env("WHOSAID_DATA_DIR", self.data())
            .env("WHOSAID_CONFIG_DIR", self.dir.path().join("config"))
            .env("WHOSAID_STATE_DIR", self.dir.path().join("state"))
            .stdin(Stdio::null());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("whosaid runs")
    }

    /// Writes made-up stories into a folder and returns its path.
    fn stories(&self, name: &str, stories: &[(&str, &str)]) -> PathBuf {
        let folder = self.dir.path().join(name);
        std::fs::create_dir_all(&folder).unwrap();
        for (file, text) in stories {
            std::fs::write(folder.join(file), text).unwrap();
        }
        folder
    }

    /// The three stories most tests search, stored.
    fn filled(&self) {
        let folder = self.stories("news", NEWS);
        let added = self.run(&["archive", "add", folder.to_str().unwrap()]);
        assert_eq!(code(&added), 0, "{}", stderr(&added));
        assert!(
            stderr(&added).contains("stored 3 stories (3 new, 0 updated)"),
            "{}",
            stderr(&added)
        );
    }
}

/// Made-up stories: a web page (with a canonical URL) and JSON Lines
/// articles (with dates).
const NEWS: &[(&str, &str)] = &[
    (
        "ferry.html",
        "<html><head><title>Ferry service resumes</title>\
         <link rel=\"canonical\" href=\"https://news.example/ferry\">\
         <meta property=\"article:published_time\" content=\"2026-11-01T08:00:00Z\"></head>\
         <body><article><h1>Ferry service resumes</h1>\
         <p>“The harbour is open again,” said Marta Lindqvist, the port director.</p>\
         <p>The crossing to Germany will run twice a day, she said.</p></article></body></html>",
    ),
    (
        "bridge.jsonl",
        r#"{"title": "Bridge repairs finished", "date": "2026-11-15", "text": "“We rebuilt the harbour bridge in nine weeks,” said Tomas Berg, an engineer.\n\nOfficials in France said the design would be copied."}"#,
    ),
    (
        "market.jsonl",
        r#"{"title": "Market hall reopens", "date": "2026-12-01", "text": "“Traders are back and the harbour market is busy,” said Ana Ruiz."}"#,
    ),
];

fn lines(output: &Output) -> Vec<String> {
    stdout(output).lines().map(str::to_string).collect()
}

fn json_speakers(output: &Output) -> Vec<String> {
    let hits: serde_json::Value = serde_json::from_str(&stdout(output)).expect("a JSON array");
    hits.as_array()
        .expect("an array")
        .iter()
        .map(|hit| hit["speaker"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn stories_added_are_found_by_words_and_each_filter_in_each_format() {
    let home = Home::new();
    home.filled();

    let text = home.run(&["search", "harbour"]);
    assert_eq!(code(&text), 0, "{}", stderr(&text));
    assert_eq!(
        stdout(&text),
        "Market hall reopens (2026-12-01)\n  Ana Ruiz: “Traders are back and the harbour market is busy”\n\n\
         Bridge repairs finished (2026-11-15)\n  Tomas Berg: “We rebuilt the harbour bridge in nine weeks”\n\n\
         Ferry service resumes (2026-11-01)\n  Marta Lindqvist: “The harbour is open again”\n"
    );

    let json = home.run(&["search", "harbour", "--format", "json"]);
    assert_eq!(
        json_speakers(&json),
        ["Ana Ruiz", "Tomas Berg", "Marta Lindqvist"]
    );
    let hits: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(hits[2]["url"], "https://news.example/ferry");
    assert_eq!(hits[2]["key"], "https://news.example/ferry");
    assert_eq!(hits[2]["kind"], "direct");

    let csv = home.run(&["search", "harbour", "--format", "csv"]);
    let rows = lines(&csv);
    assert!(
        rows[0].starts_with("title,date,speaker,claim_kind,text"),
        "{}",
        rows[0]
    );
    assert_eq!(rows.len(), 4);
    assert!(
        rows[1].starts_with("Market hall reopens,2026-12-01,Ana Ruiz,direct,"),
        "{}",
        rows[1]
    );

    let speaker = home.run(&["search", "harbour", "--speaker", "BERG", "--format", "json"]);
    assert_eq!(json_speakers(&speaker), ["Tomas Berg"]);
    let country = home.run(&["search", "harbour", "--country", "de", "--format", "json"]);
    assert_eq!(json_speakers(&country), ["Marta Lindqvist"]);
    let since = home.run(&[
        "search",
        "harbour",
        "--since",
        "2026-11-15",
        "--format",
        "json",
    ]);
    assert_eq!(json_speakers(&since), ["Ana Ruiz", "Tomas Berg"]);
    let until = home.run(&[
        "search",
        "harbour",
        "--until",
        "2026-11-15",
        "--format",
        "csv",
    ]);
    assert_eq!(lines(&until).len(), 3);
    assert!(lines(&until)[1].contains("Tomas Berg"));
    let both = home.run(&[
        "search",
        "harbour",
        "--since",
        "2026-11-02",
        "--until",
        "2026-11-30",
        "--speaker",
        "tomas",
    ]);
    assert_eq!(code(&both), 0);
    assert!(stdout(&both).starts_with("Bridge repairs finished (2026-11-15)\n  Tomas Berg:"));
    // Several words: all of them, in any order.
    let words = home.run(&["search", "bridge", "rebuilt", "--format", "json"]);
    assert_eq!(json_speakers(&words), ["Tomas Berg"]);
}

#[test]
fn search_exits_like_grep_and_refuses_bad_queries() {
    let home = Home::new();
    let missing = home.run(&["search", "harbour"]);
    assert_eq!(code(&missing), 2);
    assert!(
        stderr(&missing).contains("no archive at"),
        "{}",
        stderr(&missing)
    );
    assert!(!home.archive().exists(), "searching creates no archive");

    home.filled();
    let none = home.run(&["search", "submarine"]);
    assert_eq!((code(&none), stdout(&none).as_str()), (1, ""));
    let filtered_out = home.run(&["search", "harbour", "--speaker", "Nobody"]);
    assert_eq!(code(&filtered_out), 1);

    for hostile in [
        "\"harbour\"",
        "AND",
        "harbour AND (",
        "harbour*",
        "NEAR(harbour",
        "text:harbour",
        "{x}",
    ] {
        let run = home.run(&["search", hostile]);
        assert!(matches!(code(&run), 0 | 1), "{hostile}: {}", stderr(&run));
        assert!(
            !stderr(&run).contains("syntax"),
            "{hostile}: {}",
            stderr(&run)
        );
    }
    let and = home.run(&["search", "harbour", "AND", "market"]);
    assert_eq!(code(&and), 0);

    for (args, message) in [
        (vec!["search", "* ( )"], "no words"),
        (
            vec!["search", "harbour", "--since", "2026-02-30"],
            "not a date",
        ),
        (
            vec!["search", "harbour", "--until", "yesterday"],
            "not a date",
        ),
        (
            vec!["search", "harbour", "--country", "D1"],
            "not a country code",
        ),
    ] {
        let run = home.run(&args);
        assert_eq!(code(&run), 2, "{args:?}");
        assert!(stderr(&run).contains(message), "{args:?}: {}", stderr(&run));
    }
}

#[test]
fn storing_the_same_stories_again_updates_them() {
    let home = Home::new();
    home.filled();
    let folder = home.dir.path().join("news");
    let again = home.run(&["archive", "add", folder.to_str().unwrap()]);
    assert!(
        stderr(&again).contains("stored 3 stories (0 new, 3 updated)"),
        "{}",
        stderr(&again)
    );
    let list = home.run(&["archive"]);
    assert_eq!(code(&list), 0);
    let titles: Vec<String> = lines(&list)
        .iter()
        .map(|l| l.split('\t').nth(2).unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        titles,
        [
            "Market hall reopens",
            "Bridge repairs finished",
            "Ferry service resumes"
        ]
    );
}

#[test]
fn the_export_is_one_whosaid_document_per_line_that_reads_back() {
    let home = Home::new();
    home.filled();
    let exported = home.dir.path().join("out.jsonl");
    let export = home.run(&[
        "archive",
        "--export",
        "jsonl",
        "--output",
        exported.to_str().unwrap(),
    ]);
    assert_eq!(code(&export), 0, "{}", stderr(&export));
    let to_stdout = home.run(&["archive", "--export", "jsonl"]);
    let text = std::fs::read_to_string(&exported).unwrap();
    assert_eq!(stdout(&to_stdout), text);
    let documents: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    assert_eq!(documents.len(), 3);
    assert!(documents.iter().all(|d| d["schema"] == "whosaid/1"));
    // In the order stored (the files' order), not newest first.
    let titles: Vec<&str> = documents
        .iter()
        .map(|d| d["meta"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Bridge repairs finished",
            "Ferry service resumes",
            "Market hall reopens"
        ]
    );

    // whosaid reads them back as annotated documents, unchanged.
    let read_back = home.run(&["annotate", "--format", "jsonl", exported.to_str().unwrap()]);
    assert_eq!(code(&read_back), 0, "{}", stderr(&read_back));
    let again: Vec<serde_json::Value> = stdout(&read_back)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(again, documents);

    // And into another archive, the same stories under the same keys.
    let other = Home::new();
    let added = other.run(&["archive", "add", exported.to_str().unwrap()]);
    assert_eq!(code(&added), 0, "{}", stderr(&added));
    let re_exported = other.run(&["archive", "--export", "jsonl"]);
    assert_eq!(stdout(&re_exported), text);
    // Annotated by an unknown version: --reannotate redoes them.
    let redone = other.run(&["archive", "--reannotate"]);
    assert!(
        stderr(&redone).contains("re-annotated 3 stories"),
        "{}",
        stderr(&redone)
    );
    assert_eq!(stdout(&other.run(&["archive", "--export", "jsonl"])), text);
}

#[test]
fn stories_from_another_annotator_are_annotated_again() {
    let home = Home::new();
    home.filled();
    let db = rusqlite::Connection::open(home.archive()).unwrap();
    db.execute(
        "UPDATE stories SET annotator = 'whosaid 0.0.1', document = replace(document, 'Marta', 'Mxrta')
         WHERE key = 'https://news.example/ferry'",
        [],
    )
    .unwrap();
    drop(db);
    let run = home.run(&["archive", "--reannotate"]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    assert!(
        stderr(&run).contains("re-annotated 1 story"),
        "{}",
        stderr(&run)
    );
    let db = rusqlite::Connection::open(home.archive()).unwrap();
    let (stale, mangled): (i64, i64) = db
        .query_row(
            "SELECT sum(annotator <> 'whosaid ' || ?1), sum(instr(document, 'Mxrta') > 0) FROM stories",
            [env!("CARGO_PKG_VERSION")],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((stale, mangled), (0, 0));
    let again = home.run(&["archive", "--reannotate"]);
    assert!(
        stderr(&again).contains("re-annotated 0 stories"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_file_that_is_no_archive_is_refused_and_left_alone() {
    let home = Home::new();
    std::fs::create_dir_all(home.data()).unwrap();
    let junk = b"not a database \x1b[31m but a file of notes, kept as it is\n".repeat(20);
    std::fs::write(home.archive(), &junk).unwrap();
    let folder = home.stories("news", NEWS);
    for args in [
        vec!["search", "harbour"],
        vec!["archive"],
        vec!["archive", "--export", "jsonl"],
        vec!["archive", "--reannotate"],
        vec!["archive", "add", folder.to_str().unwrap()],
    ] {
        let run = home.run(&args);
        assert_eq!(code(&run), 2, "{args:?}");
        let message = stderr(&run);
        assert!(
            message.contains("is not a whosaid archive"),
            "{args:?}: {message}"
        );
        assert!(!message.contains('\x1b'), "{message:?}");
        assert_eq!(
            std::fs::read(home.archive()).unwrap(),
            junk,
            "{args:?}: overwritten"
        );
    }
}

#[test]
fn an_archive_from_a_newer_whosaid_is_refused() {
    let home = Home::new();
    home.filled();
    let db = rusqlite::Connection::open(home.archive()).unwrap();
    db.execute_batch("PRAGMA user_version = 99").unwrap();
    drop(db);
    let before = std::fs::read(home.archive()).unwrap();
    let run = home.run(&["search", "harbour"]);
    assert_eq!(code(&run), 2);
    assert!(
        stderr(&run).contains("written by a newer whosaid"),
        "{}",
        stderr(&run)
    );
    assert_eq!(std::fs::read(home.archive()).unwrap(), before);
}

#[test]
fn stored_text_reaches_the_terminal_sanitised() {
    let home = Home::new();
    let folder = home.stories(
        "hostile",
        &[(
            "evil.jsonl",
            r#"{"title": "Harbour \u001b]0;owned\u0007 news \u009b31m", "date": "2026-10-10", "text": "“The harbour \u001b[2J is \u202eclosed,” said Ivo \u001b[31mKral."}"#,
        )],
    );
    let added = home.run(&["archive", "add", folder.to_str().unwrap()]);
    assert_eq!(code(&added), 0, "{}", stderr(&added));
    for args in [
        vec!["search", "harbour"],
        vec!["search", "harbour", "--format", "json"],
        vec!["search", "harbour", "--format", "csv"],
        vec!["archive"],
    ] {
        let run = home.run(&args);
        assert_eq!(code(&run), 0, "{args:?}: {}", stderr(&run));
        let out = stdout(&run);
        assert!(out.contains("arbour"), "{args:?}: {out}");
        for bad in ['\x1b', '\x07', '\u{9b}', '\u{202e}'] {
            assert!(!out.contains(bad), "{args:?}: {out:?}");
        }
    }
}

/// Stories stored so far, read beside a writer (0 before the archive exists).
fn count_rows(path: &Path) -> usize {
    let Ok(db) =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return 0;
    };
    db.query_row("SELECT count(*) FROM stories", [], |r| r.get::<_, i64>(0))
        .map_or(0, |n| usize::try_from(n).unwrap_or(0))
}

fn stored_rows(path: &Path) -> usize {
    let db = rusqlite::Connection::open(path).expect("the archive opens");
    let check: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check runs");
    assert_eq!(check, "ok");
    // FTS5's own check that the index matches its rows.
    db.execute(
        "INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')",
        [],
    )
    .expect("the search index is whole");
    let mut statement = db.prepare("SELECT article, document FROM stories").unwrap();
    let mut rows = statement.query([]).unwrap();
    let mut count = 0;
    while let Some(row) = rows.next().unwrap() {
        let article: String = row.get(0).unwrap();
        let document: String = row.get(1).unwrap();
        let article: serde_json::Value =
            serde_json::from_str(&article).expect("the article is JSON");
        assert!(article["paragraphs"].is_array());
        let document: whosaid::model::Document =
            serde_json::from_str(&document).expect("the document deserialises");
        assert_eq!(document.schema, "whosaid/1");
        count += 1;
    }
    count
}

/// A writer killed with SIGKILL in the middle of storing leaves a valid
/// archive holding whole batches: every row reads back.
#[test]
fn a_writer_killed_mid_write_leaves_a_valid_archive() {
    let home = Home::new();
    let folder = home.dir.path().join("many");
    std::fs::create_dir_all(&folder).unwrap();
    const STORIES: usize = 3000;
    for n in 0..STORIES {
        let text = format!(
            "Harbour report {n}\n\n“Berth {n} is open again,” said Captain Ola Nes.\n\n\
             The port in Norway handled {n} ships, officials said."
        );
        std::fs::write(folder.join(format!("{n:05}.txt")), text).unwrap();
    }
    let mut killed = 0;
    for round in 0..4 {
        let mut child = home
            .command(&["archive", "add", "-j", "2", folder.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("whosaid starts");
        // Wait until it has committed a batch more than before, then kill
        // it a little later each round, while it annotates and writes the next.
        let before = if round == 0 {
            0
        } else {
            count_rows(&home.archive())
        };
        let started = Instant::now();
        while count_rows(&home.archive()) <= before && started.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(15 * round));
        child.kill().expect("SIGKILL is sent");
        let status = child.wait().expect("whosaid ends");
        let stored = stored_rows(&home.archive());
        assert!(stored <= STORIES);
        // Killed while stories were still to store: mid-write.
        if status.code().is_none() && stored < STORIES {
            killed += 1;
        }
        eprintln!("round {round}: {status}, {stored} stories stored");
    }
    assert!(killed > 0, "no run was killed before it finished");
    // The archive is still usable: a full run completes it.
    let finish = home.run(&["archive", "add", folder.to_str().unwrap()]);
    assert_eq!(code(&finish), 0, "{}", stderr(&finish));
    assert_eq!(stored_rows(&home.archive()), STORIES);
    let search = home.run(&["search", "berth", "2999", "--format", "json"]);
    assert_eq!(json_speakers(&search).len(), 1);
}

/// `whosaid archive` in a real terminal: the stored stories listed newest
/// first, opened as stored; the story opened is marked read in the archive.
#[test]
fn the_stored_stories_open_in_the_reader_newest_first() {
    let Some(tmux) = common::tmux::Tmux::start("archive", 120, 40, common::tmux::SHELL) else {
        return;
    };
    let home = Home::new();
    home.filled();
    let command = format!(
        "WHOSAID_DATA_DIR='{}' WHOSAID_CONFIG_DIR='{1}/config' WHOSAID_STATE_DIR='{1}/state' '{BIN}' archive 2>/dev/null; echo \"EXITED=$?\"",
        home.data().display(),
        home.dir.path().display(),
    );
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    tmux.type_line(&command);
    let titles = [
        "Market hall reopens",
        "Bridge repairs finished",
        "Ferry service resumes",
    ];
    tmux.wait_for("the archive listed newest first", |s| {
        s.contains("3 stories")
            && !s.contains("annotating…")
            && titles.iter().all(|t| s.contains(t))
            && s.find(titles[0]) < s.find(titles[1])
            && s.find(titles[1]) < s.find(titles[2])
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("the newest story open", |s| {
        s.contains("¶ 1/") && s.contains("Traders are back")
    });
    tmux.keys(&["q"]);
    tmux.wait_for("the list", |s| s.contains("3 stories"));
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", |s| {
        s.lines().any(|l| l.trim_end() == "EXITED=0")
    });

    let db = rusqlite::Connection::open(home.archive()).unwrap();
    let read: Vec<(String, bool)> = db
        .prepare("SELECT title, read FROM stories ORDER BY date DESC")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        read,
        [
            (titles[0].to_string(), true),
            (titles[1].to_string(), false),
            (titles[2].to_string(), false)
        ]
    );
}

#[test]
fn archive_add_exits_like_annotate() {
    let home = Home::new();
    let folder = home.stories(
        "mixed",
        &[
            (
                "good.txt",
                "Quay reopens\n\n“The quay is open,” said Ola Nes.",
            ),
            ("binary.txt", "Binary\0file"),
        ],
    );
    let some = home.run(&["archive", "add", folder.to_str().unwrap()]);
    assert_eq!(code(&some), 1, "{}", stderr(&some));
    assert!(stderr(&some).contains("binary.txt"), "{}", stderr(&some));
    assert!(
        stderr(&some).contains("stored 1 story (1 new, 0 updated)"),
        "{}",
        stderr(&some)
    );
    assert_eq!(stdout(&some), "");

    let none = home.run(&[
        "archive",
        "add",
        folder.join("binary.txt").to_str().unwrap(),
    ]);
    assert_eq!(code(&none), 2, "{}", stderr(&none));

    let mut child = home
        .command(&["archive", "add", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let story = "Pier closes\n\n“The pier is shut,” said Ola Nes.";
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), story.as_bytes()).unwrap();
    let piped = child.wait_with_output().unwrap();
    assert_eq!(code(&piped), 0, "{}", stderr(&piped));
    let found = home.run(&["search", "pier", "--speaker", "ola"]);
    assert_eq!(code(&found), 0);
    assert!(
        stdout(&found).contains("Ola Nes: “The pier is shut”"),
        "{}",
        stdout(&found)
    );
}
