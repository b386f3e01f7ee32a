//! Inputs that never end, or are too large: whosaid stops reading them with
//! a message, quickly, instead of filling memory or spinning for ever.
//! Every run here has a deadline, so a regression fails instead of hanging.

#![cfg(unix)]

mod common;

use std::fs::File;
use std::io::{self, Read, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Long enough for a debug build on a busy machine; far shorter than
/// reading an endless input would take.
const DEADLINE: Duration = Duration::from_secs(30);

struct Ended {
    code: i32,
    stderr: String,
    elapsed: Duration,
}

/// Waits for `child` until the deadline; kills it and fails past it.
fn finish(mut child: Child, started: Instant) -> Ended {
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).map(|_| text)
    });
    loop {
        if let Some(status) = child.try_wait().expect("whosaid can be waited for") {
            return Ended {
                code: status.code().expect("whosaid exits with a status"),
                stderr: reader.join().unwrap().expect("stderr is UTF-8"),
                elapsed: started.elapsed(),
            };
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("whosaid still running after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn whosaid(args: &[&str], stdin: Stdio) -> Child {
    Command::new(common::BIN)
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("whosaid runs")
}

#[test]
fn a_character_device_is_refused_at_once() {
    let started = Instant::now();
    let ended = finish(whosaid(&["annotate", "/dev/zero"], Stdio::null()), started);
    assert_eq!(ended.code, 2);
    assert_eq!(
        ended.stderr,
        "whosaid: /dev/zero: not a regular file (a character device); not read \
         (use - for standard input, or --allow-special-files)\n"
    );
    assert!(
        ended.elapsed < Duration::from_secs(5),
        "{:?}",
        ended.elapsed
    );
}

#[test]
fn endless_zeros_on_stdin_stop_at_the_first_bytes() {
    let zeros = File::open("/dev/zero").expect("/dev/zero opens");
    let started = Instant::now();
    let ended = finish(whosaid(&["annotate", "-"], zeros.into()), started);
    assert_eq!(ended.code, 2);
    assert_eq!(
        ended.stderr,
        "whosaid: -: not a text file (it contains NUL bytes)\n"
    );
    assert!(
        ended.elapsed < Duration::from_secs(5),
        "{:?}",
        ended.elapsed
    );
}

#[test]
fn endless_text_on_stdin_stops_at_the_size_limit() {
    let mut child = whosaid(&["annotate", "--max-input-size", "2M", "-"], Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    // Ends when whosaid closes the pipe.
    std::thread::spawn(move || io::copy(&mut io::repeat(b'a'), &mut stdin));
    let ended = finish(child, Instant::now());
    assert_eq!(ended.code, 2);
    assert_eq!(
        ended.stderr,
        "whosaid: -: larger than 2 MiB (the limit; see --max-input-size); not read\n"
    );
}

/// The over-long line is reported as soon as it passes the limit, and a
/// stream with no line end at all ends the input.
#[test]
fn an_endless_json_lines_stream_without_line_ends_stops_with_a_message() {
    let mut child = whosaid(
        &[
            "annotate",
            "--input",
            "jsonl",
            "--max-input-size",
            "4M",
            "-",
        ],
        Stdio::piped(),
    );
    let mut stdin = child.stdin.take().unwrap();
    std::thread::spawn(move || io::copy(&mut io::repeat(b'{'), &mut stdin));
    let ended = finish(child, Instant::now());
    assert_eq!(ended.code, 2);
    assert_eq!(
        ended.stderr,
        "whosaid: -:1: line longer than 4 MiB (the limit); skipped\n\
         whosaid: -:1: no line end in the 4 MiB after it; the rest of - is not read\n"
    );
}

#[test]
fn json_lines_from_a_device_are_refused_too() {
    let started = Instant::now();
    let ended = finish(
        whosaid(
            &["annotate", "--input", "jsonl", "/dev/zero"],
            Stdio::null(),
        ),
        started,
    );
    assert_eq!(ended.code, 2);
    assert!(
        ended
            .stderr
            .contains("not a regular file (a character device)"),
        "{}",
        ended.stderr
    );
}

#[test]
fn special_files_are_read_when_asked_for() {
    let refused = common::run_on(&["annotate", "/dev/null"]);
    assert_eq!(common::code(&refused), 2, "{}", common::stderr(&refused));
    let read = common::run_on(&["annotate", "--allow-special-files", "/dev/null"]);
    assert_eq!(common::code(&read), 0, "{}", common::stderr(&read));
    let started = Instant::now();
    let ended = finish(
        whosaid(
            &[
                "annotate",
                "--allow-special-files",
                "--max-input-size",
                "1M",
                "/dev/urandom",
            ],
            Stdio::null(),
        ),
        started,
    );
    assert_eq!(ended.code, 2, "{}", ended.stderr);
}

#[test]
fn a_file_over_the_limit_is_refused_and_the_others_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let small = dir.path().join("small.txt");
    File::create(&big)
        .and_then(|mut f| f.write_all(&[b'a'; 2000]))
        .unwrap();
    std::fs::write(&small, "The mayor spoke.").unwrap();
    let output = common::run_on(&[
        "annotate",
        "--max-input-size",
        "1K",
        common::path_str(&big),
        common::path_str(&small),
    ]);
    assert_eq!(common::code(&output), 1);
    assert_eq!(
        common::stderr(&output),
        format!(
            "whosaid: {}: larger than 1 KiB (the limit; see --max-input-size); not read\n",
            big.display()
        )
    );
    let bad_size = common::run_on(&["annotate", "--max-input-size", "lots", "-"]);
    assert_eq!(common::code(&bad_size), 2);
    assert!(
        common::stderr(&bad_size).contains("not a size"),
        "{}",
        common::stderr(&bad_size)
    );
}

#[test]
fn the_reader_refuses_devices_too() {
    // Not on a terminal: the reader prints summaries, through the same loader.
    let started = Instant::now();
    let ended = finish(whosaid(&["/dev/zero"], Stdio::null()), started);
    assert_eq!(ended.code, 2);
    assert!(
        ended.stderr.contains("/dev/zero: not a regular file"),
        "{}",
        ended.stderr
    );
}
