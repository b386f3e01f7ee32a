//! `whosaid URL` and `whosaid annotate URL`: pages fetched from a server on
//! 127.0.0.1, read in order with files, every failure one line naming the
//! address.

mod common;

use common::http::{Reply, Server};
use common::{code, run_on, stderr, stdout};
use serde_json::Value;

const STORY: &str = "<!DOCTYPE html><html lang=\"en\"><head><title>Tram line opens</title></head>\
<body><article><h1>Tram line opens</h1>\
<p>\u{201c}The first trams run on Saturday,\u{201d} the transport minister said.</p>\
<p>Residents of the eastern suburbs have waited nine years, a council spokesperson said.</p>\
</article></body></html>";

fn story_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other-file.txt");
    std::fs::write(
        &path,
        "Bridge closes\n\nThe bridge will close for repairs, the mayor said.",
    )
    .unwrap();
    let path = path.to_string_lossy().into_owned();
    (dir, path)
}

fn documents(output: &std::process::Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is a document"))
        .collect()
}

#[test]
fn a_page_and_a_file_are_annotated_in_order() {
    let server = Server::start(vec![
        ("/go", Reply::redirect("/story.html")),
        ("/story.html", Reply::page(STORY)),
    ]);
    let (_dir, file) = story_file();
    let url = server.url("/go");
    let output = run_on(&["annotate", "--format", "jsonl", &url, &file]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let documents = documents(&output);
    assert_eq!(documents.len(), 2);
    let meta = &documents[0]["meta"];
    assert_eq!(meta["title"], "Tram line opens");
    assert_eq!(meta["source"], url.as_str());
    assert_eq!(meta["url"], server.url("/story.html").as_str());
    assert_eq!(
        documents[0]["claims"][0]["text"],
        "The first trams run on Saturday"
    );
    assert_eq!(documents[1]["meta"]["source"], file.as_str());
    // Polite: whosaid says who it is.
    let agent = &server.requests()[0].headers["user-agent"];
    assert!(agent.starts_with("whosaid/"), "{agent}");
}

#[test]
fn a_missing_page_is_one_line_and_the_file_still_prints() {
    let server = Server::start(vec![]);
    let (_dir, file) = story_file();
    let url = server.url("/gone.html");
    let output = run_on(&["annotate", "--format", "jsonl", &url, &file]);
    assert_eq!(code(&output), 1);
    assert_eq!(
        stderr(&output),
        format!("whosaid: {url}: the server answered 404 Not Found\n")
    );
    let documents = documents(&output);
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0]["meta"]["source"], file.as_str());
}

#[test]
fn other_schemes_are_refused_by_name() {
    let (_dir, file) = story_file();
    for (url, scheme) in [
        ("ftp://127.0.0.1/story.txt", "ftp"),
        ("file:///etc/passwd", "file"),
        ("javascript:alert(1)", "javascript"),
    ] {
        let output = run_on(&["annotate", "--format", "jsonl", url, &file]);
        assert_eq!(code(&output), 1, "{url}");
        assert_eq!(
            stderr(&output),
            format!(
                "whosaid: {url}: not fetched: only http and https addresses are read, not {scheme}:\n"
            )
        );
        assert_eq!(documents(&output).len(), 1);
    }
    let output = run_on(&["annotate", "file:///etc/passwd"]);
    assert_eq!(code(&output), 2, "nothing read");
    assert!(!stdout(&output).contains("root:"));
}

#[test]
fn a_file_name_with_a_colon_is_still_a_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notes:1.txt"),
        "The ferry sailed, the captain said.",
    )
    .unwrap();
    let output = std::process::Command::new(common::BIN)
        .args(["annotate", "--format", "jsonl", "notes:1.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(documents(&output)[0]["meta"]["source"], "notes:1.txt");
}

#[test]
fn no_control_character_of_an_address_reaches_the_terminal() {
    let server = Server::start(vec![]);
    let hostile = [
        format!("{}\u{1b}]0;owned\u{7}", server.url("/a")),
        "ftp://x/\u{1b}[2J\u{9b}31m".to_string(),
        "http://\u{1b}[31m/".to_string(),
    ];
    for url in &hostile {
        let output = run_on(&["annotate", url]);
        let told = stderr(&output);
        assert!(
            !told.chars().any(|c| c.is_control() && c != '\n'),
            "{told:?}"
        );
        assert_eq!(told.lines().count(), 1, "{told:?}");
        assert_ne!(code(&output), 0);
    }
}

#[test]
fn whosaid_url_without_a_terminal_prints_the_summary() {
    let server = Server::start(vec![("/story.html", Reply::page(STORY))]);
    let output = run_on(&[&server.url("/story.html")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Tram line opens"), "{text}");
}

#[test]
fn a_windows_1252_page_named_so_in_the_header_reads_right() {
    let page = b"<html><body><article><h1>Caf\xe9 reopens</h1>\
<p>\x93We are back,\x94 the owner said on Monday.</p></article></body></html>";
    let server = Server::start(vec![(
        "/cafe",
        Reply::typed(200, "text/html; charset=windows-1252", page.to_vec()),
    )]);
    let output = run_on(&["annotate", "--format", "text", &server.url("/cafe")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Café reopens"), "{text}");
    assert!(text.contains("We are back"), "{text}");
}

/// The reader opens while a slow page is still coming, says it is
/// reading, and shows the story when it comes.
#[test]
fn the_reader_opens_while_a_slow_page_is_fetched() {
    use common::tmux::{SHELL, Tmux};
    use std::time::{Duration, Instant};

    let server = Server::start(vec![(
        "/slow.html",
        Reply::Slow(Duration::from_secs(3), Box::new(Reply::page(STORY))),
    )]);
    let Some(tmux) = Tmux::start("fetch", 100, 30, SHELL) else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    tmux.wait_for("the shell", |s| !s.trim().is_empty());
    let started = Instant::now();
    tmux.type_line(&format!(
        "WHOSAID_CONFIG_DIR='{0}/config' WHOSAID_STATE_DIR='{0}/state' WHOSAID_DATA_DIR='{0}/data' '{1}' '{2}'; echo \"EXITED=$?\"",
        home.path().display(),
        common::BIN,
        server.url("/slow.html"),
    ));
    tmux.wait_for("the list, still reading", |s| {
        s.contains("Reading stories…")
    });
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the reader waited for the page: {:?}",
        started.elapsed()
    );
    tmux.wait_for("the story, once fetched", |s| {
        s.contains("The first trams run on Saturday")
    });
    for _ in 0..3 {
        tmux.keys(&["q"]);
        std::thread::sleep(Duration::from_millis(300));
        if tmux.screen().contains("EXITED=") {
            break;
        }
    }
    tmux.wait_for("the exit", |s| s.contains("EXITED=0"));

    // The page fetched is kept in the archive, with its address.
    let listed = std::process::Command::new(common::BIN)
        .arg("archive")
        .env("WHOSAID_DATA_DIR", home.path().join("data"))
        .output()
        .unwrap();
    let listed = stdout(&listed);
    assert!(listed.contains("Tram line opens"), "{listed}");
}

#[test]
fn json_lines_are_fetched_and_streamed_too() {
    let lines = "{\"id\":\"a1\",\"text\":\"The ferry sailed, the captain said.\"}\n\
                 {\"id\":\"a2\",\"text\":\"The port reopened on Monday.\"}\n";
    let server = Server::start(vec![
        (
            "/stories.jsonl",
            Reply::typed(200, "application/x-ndjson", lines.as_bytes().to_vec()),
        ),
        (
            "/photo.png",
            Reply::typed(200, "image/png", vec![0x89, b'P', b'N', b'G']),
        ),
    ]);
    let url = server.url("/stories.jsonl");
    for input in ["auto", "jsonl"] {
        let output = run_on(&["annotate", "--input", input, "--format", "jsonl", &url]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let ids: Vec<Value> = documents(&output)
            .iter()
            .map(|d| d["meta"]["id"].clone())
            .collect();
        assert_eq!(ids, ["a1", "a2"], "--input {input}");
    }
    let photo = server.url("/photo.png");
    let output = run_on(&["annotate", "--input", "jsonl", "--format", "jsonl", &photo]);
    assert_eq!(
        stderr(&output),
        format!("whosaid: {photo}: not a web page or text (image/png); not read\n")
    );
}
