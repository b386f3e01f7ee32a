//! A folder with bad files in it: each is reported with its reason and
//! skipped, the rest are annotated in order, and nothing is written to.

mod common;

use std::fs;
use std::path::Path;
use std::time::SystemTime;

use common::{code, path_str, run_on, stderr, stdout};

fn write(root: &Path, name: &str, bytes: &[u8]) {
    let path = root.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// Every file's contents and modification time, to check nothing was written.
fn snapshot(root: &Path) -> Vec<(String, Vec<u8>, SystemTime)> {
    let mut files: Vec<_> = walk(root)
        .into_iter()
        .filter_map(|path| {
            let bytes = fs::read(&path).ok()?;
            let modified = fs::symlink_metadata(&path).ok()?.modified().ok()?;
            Some((path_str(&path).to_string(), bytes, modified))
        })
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if entry.file_type().unwrap().is_dir() {
            paths.extend(walk(&path));
        } else {
            paths.push(path);
        }
    }
    paths
}

struct Folder {
    dir: tempfile::TempDir,
    /// Whether the file with no read permission really cannot be read (not as root).
    locked_is_unreadable: bool,
}

fn folder_with_bad_files() -> Folder {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "01-good.txt", b"The ferry left on time.\n");
    write(root, "02-binary.txt", b"GIF89a\0\0\x01\x02 not a story");
    write(root, "03-broken.json", b"{\"schema\": \"whosaid/1\", ");
    write(
        root,
        "04-good.md",
        b"# Rain at last\n\nThe drought ended.\n",
    );
    write(
        root,
        "05-mixed.jsonl",
        b"{\"id\":\"m1\",\"text\":\"First line story.\"}\nthis is not json\n{\"id\":\"m3\",\"text\":\"Third line story.\"}\n",
    );
    write(root, "06-locked.txt", b"Locked away.\n");
    write(root, "07-other-schema.json", b"{\"schema\":\"whosaid/2\"}");
    write(
        root,
        "sub/08-good.html",
        b"<html><body><p>A page in a subfolder.</p></body></html>",
    );
    write(root, ".hidden/09-skipped.txt", b"Hidden.\n");
    write(root, "notes.tsv", b"not\ta\tstory\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::os::unix::fs::symlink(root.join("nowhere.txt"), root.join("10-dangling.txt")).unwrap();
        fs::set_permissions(
            root.join("06-locked.txt"),
            fs::Permissions::from_mode(0o000),
        )
        .unwrap();
    }
    let locked_is_unreadable = fs::read(root.join("06-locked.txt")).is_err();
    Folder {
        dir,
        locked_is_unreadable,
    }
}

#[test]
fn bad_files_are_reported_and_skipped_and_the_rest_are_read_in_order() {
    let folder = folder_with_bad_files();
    let root = folder.dir.path();
    let before = snapshot(root);
    let output = run_on(&["annotate", "--format", "jsonl", path_str(root)]);
    let err = stderr(&output);

    assert_eq!(code(&output), 1, "some inputs failed: {err}");
    let sources: Vec<String> = stdout(&output)
        .lines()
        .map(|line| {
            let document: serde_json::Value = serde_json::from_str(line).unwrap();
            let source = document["meta"]["source"].as_str().unwrap().to_string();
            let id = document["meta"]["id"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let name = Path::new(&source).strip_prefix(root).unwrap();
            format!("{}{id}", path_str(name))
        })
        .collect();
    let mut expected = vec![
        "01-good.txt",
        "04-good.md",
        "05-mixed.jsonlm1",
        "05-mixed.jsonlm3",
    ];
    if !folder.locked_is_unreadable {
        expected.push("06-locked.txt");
    }
    expected.push("sub/08-good.html");
    assert_eq!(sources, expected);

    let root = path_str(root);
    let mut reasons = vec![
        format!("whosaid: {root}/02-binary.txt: not a text file (it contains NUL bytes)"),
        format!("whosaid: {root}/03-broken.json: not a whosaid/1 document: EOF while parsing"),
        format!("whosaid: {root}/05-mixed.jsonl:2: invalid JSON"),
        format!(
            "whosaid: {root}/07-other-schema.json: unsupported schema \"whosaid/2\" (this whosaid reads whosaid/1)"
        ),
        format!("whosaid: {root}/10-dangling.txt: no such file"),
    ];
    if folder.locked_is_unreadable {
        reasons.push(format!("whosaid: {root}/06-locked.txt: permission denied"));
    }
    for reason in &reasons {
        assert!(
            err.lines().any(|line| line.starts_with(reason.as_str())),
            "missing {reason:?} in:\n{err}"
        );
    }
    assert_eq!(err.lines().count(), reasons.len(), "{err}");
    assert!(
        !err.contains("09-skipped") && !err.contains("notes.tsv"),
        "{err}"
    );

    assert_eq!(
        snapshot(folder.dir.path()),
        before,
        "inputs were written to"
    );
}

#[test]
fn a_folder_of_only_bad_files_reads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"\0\0\0");
    write(dir.path(), "b.json", b"[1, 2");
    let output = run_on(&["annotate", "--format", "jsonl", path_str(dir.path())]);
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert_eq!(stderr(&output).lines().count(), 2);
}

#[test]
fn an_empty_folder_and_a_missing_file_read_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_on(&["annotate", path_str(dir.path()), "/nonexistent/story.txt"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("no stories found"), "{err}");
    assert!(
        err.contains("/nonexistent/story.txt: no such file"),
        "{err}"
    );
}

#[test]
fn a_document_annotated_before_is_passed_on_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "story.txt",
        b"The ferry left on time.\n\nIt was full.\n",
    );
    let first = run_on(&[
        "annotate",
        "--format",
        "jsonl",
        path_str(&dir.path().join("story.txt")),
    ]);
    assert_eq!(code(&first), 0);
    write(dir.path(), "again.jsonl", &first.stdout);
    let second = run_on(&[
        "annotate",
        "--format",
        "jsonl",
        path_str(&dir.path().join("again.jsonl")),
    ]);
    assert_eq!(code(&second), 0, "{}", stderr(&second));
    assert_eq!(stdout(&second), stdout(&first));
}

#[test]
fn jsonl_output_has_one_line_per_file_in_argument_order() {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..40).rev().map(|n| format!("s{n}.txt")).collect();
    for name in &names {
        write(
            dir.path(),
            name,
            format!("Story {name} is short.\n").as_bytes(),
        );
    }
    let paths: Vec<String> = names
        .iter()
        .map(|n| path_str(&dir.path().join(n)).to_string())
        .collect();
    let mut args = vec!["annotate", "--format", "jsonl", "-j", "3"];
    args.extend(paths.iter().map(String::as_str));
    let output = run_on(&args);
    assert_eq!(code(&output), 0);
    let got: Vec<String> = stdout(&output)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["meta"]["source"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(got, paths);
}

#[test]
fn bad_lines_are_shown_ten_per_file_then_counted() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::from("{\"id\":\"ok\",\"text\":\"A fine story.\"}\n");
    lines.push_str(&"not json\n".repeat(25));
    write(dir.path(), "a.jsonl", lines.as_bytes());
    write(
        dir.path(),
        "b.jsonl",
        b"nope\n{\"text\":\"Another story.\"}\n",
    );
    let output = run_on(&["annotate", "--format", "jsonl", path_str(dir.path())]);
    assert_eq!(code(&output), 1);
    assert_eq!(stdout(&output).lines().count(), 2);
    let err = stderr(&output);
    let a = path_str(&dir.path().join("a.jsonl")).to_string();
    let b = path_str(&dir.path().join("b.jsonl")).to_string();
    let expected: Vec<String> = (2..=11)
        .map(|n| format!("whosaid: {a}:{n}: invalid JSON"))
        .chain([
            format!("whosaid: {a}: 15 more bad lines or warnings not shown"),
            format!("whosaid: {b}:1: invalid JSON"),
        ])
        .collect();
    let got: Vec<&str> = err.lines().collect();
    assert_eq!(got.len(), expected.len(), "{err}");
    for (line, start) in got.iter().zip(&expected) {
        assert!(
            line.starts_with(start.as_str()),
            "{line:?} should start with {start:?}"
        );
    }
}
