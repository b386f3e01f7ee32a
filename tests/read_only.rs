//! Inputs are only ever read: after every way of reading them (each output
//! format, the reader's summary, JSON Lines streaming, a folder walk), every
//! file holds the same bytes with the same modification time, and nothing
//! new appears beside them. And every error names the file and the problem,
//! with the exit status the README documents.

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use common::{code, path_str, run, run_on, stderr};

/// Every kind of input whosaid reads, written by us.
const FILES: &[(&str, &str)] = &[
    (
        "story.txt",
        "Harbour reopens\n\n\"We are ready,\" said Mayor Anna Berg.\n",
    ),
    (
        "notes.md",
        "# Ferry news\n\nThe ferry runs again, the operator said.\n",
    ),
    (
        "page.html",
        "<html><body><article><p>The bridge opened, officials said on Monday in Poland.</p></article></body></html>",
    ),
    (
        "feed.jsonl",
        "{\"id\":\"1\",\"text\":\"The port closed, the harbour master said.\"}\n",
    ),
];

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, SystemTime)> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let meta = fs::metadata(&path).unwrap();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&path).unwrap(),
                meta.modified().unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn inputs_are_never_written() {
    let dir = tempfile::tempdir().unwrap();
    // An old modification time, so any write would show.
    let old = SystemTime::now() - Duration::from_secs(30 * 24 * 3600);
    for (name, text) in FILES {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    // A document annotated before, read back as an input.
    let out = run_on(&["annotate", path_str(&dir.path().join("story.txt"))]);
    let doc = dir.path().join("doc.json");
    fs::write(&doc, &out.stdout).unwrap();
    fs::File::options()
        .write(true)
        .open(&doc)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let before = snapshot(dir.path());

    let folder = path_str(dir.path());
    let files: Vec<String> = before
        .iter()
        .map(|(name, ..)| path_str(&dir.path().join(name)).to_string())
        .collect();
    for format in ["json", "jsonl", "text", "csv", "markdown"] {
        let mut args = vec!["annotate", "--format", format];
        args.extend(files.iter().map(String::as_str));
        assert_eq!(code(&run_on(&args)), 0, "{format}");
        assert_eq!(code(&run_on(&["annotate", "--format", format, folder])), 0);
    }
    let feed = dir.path().join("feed.jsonl");
    assert_eq!(
        code(&run_on(&["annotate", "--input", "jsonl", path_str(&feed)])),
        0
    );
    // The reader, without a terminal, prints the summary.
    assert_eq!(code(&run_on(&[folder])), 0);
    // Standard input is read too, and the files named beside it.
    let story = fs::read(dir.path().join("story.txt")).unwrap();
    assert_eq!(code(&run(&["annotate", "-", &files[0]], &story)), 0);

    assert_eq!(
        snapshot(dir.path()),
        before,
        "an input was changed, or a file added"
    );
}

/// One bad input at a time, beside a good one and alone: the message names
/// the file and says what is wrong; the status is 1 when something else
/// was read, 2 when nothing was.
#[test]
fn each_error_names_the_file_and_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, "The pier opened, the council said.\n").unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        path_str(&path).to_string()
    };
    let empty_folder = dir.path().join("empty");
    fs::create_dir(&empty_folder).unwrap();
    let deep = format!("<html><body>{}</body></html>", "<div>".repeat(600));
    let cases = [
        (
            path_str(&dir.path().join("missing.txt")).to_string(),
            "no such file",
        ),
        (
            write("binary.txt", b"abc\0def"),
            "not a text file (it contains NUL bytes)",
        ),
        (
            write("broken.json", b"{\"schema\": "),
            "not a whosaid/1 document",
        ),
        (
            write("future.json", b"{\"schema\": \"whosaid/9\"}"),
            "unsupported schema \"whosaid/9\"",
        ),
        (
            write("deep.html", deep.as_bytes()),
            "HTML nested more than 512 elements deep",
        ),
        (path_str(&empty_folder).to_string(), "no stories found"),
    ];
    for (path, problem) in &cases {
        let alone = run_on(&["annotate", path]);
        assert_eq!(code(&alone), 2, "{path} alone: nothing could be read");
        let message = stderr(&alone);
        assert!(
            message.contains(&format!("{path}: {problem}")),
            "{path}: {message}"
        );
        let beside = run_on(&["annotate", "--format", "jsonl", path, path_str(&good)]);
        assert_eq!(code(&beside), 1, "{path} beside a good file: some failed");
        assert_eq!(
            common::stdout(&beside).lines().count(),
            1,
            "the good one is read"
        );
    }
    // A bad line of JSON Lines is named by file and line; the others are read.
    let feed = write(
        "feed.jsonl",
        b"{\"text\":\"The port closed, he said.\"}\n{\"text\": 5}\n",
    );
    let out = run_on(&["annotate", "--format", "jsonl", &feed]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains(&format!("{feed}:2: ")),
        "{}",
        stderr(&out)
    );
    // Usage errors are status 2, and say what is wrong.
    let out = run_on(&["annotate", "--format", "yaml", path_str(&good)]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("yaml"), "{}", stderr(&out));
    assert_eq!(code(&run_on(&["annotate"])), 2, "no FILE");
}
