//! `whosaid annotate --input jsonl -` streams: 100,000 articles in, 100,000
//! documents out in the same order, in memory that does not grow with the input.

mod common;

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A line of made-up news, different for every `n`.
fn article(n: usize) -> String {
    let text = format!(
        "RIVERTON — The council approved budget item {n} on Monday.\n\n\
         \"We expect the work to finish by spring,\" said planning chair Noor Ellis, \
         adding that item {n} had waited for years."
    );
    serde_json::json!({
        "id": n.to_string(),
        "title": format!("Budget item {n} approved"),
        "date": "2030-01-15",
        "text": text,
    })
    .to_string()
}

struct Run {
    lines_out: usize,
    in_order: bool,
    bytes_in: usize,
    /// Peak resident memory of the child in KiB, when /proc shows it.
    peak_kib: Option<u64>,
    elapsed: Duration,
    status: i32,
}

fn stream(count: usize) -> Run {
    let started = Instant::now();
    let mut child = Command::new(common::BIN)
        .args(["annotate", "--input", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("whosaid runs");
    let pid = child.id();
    let stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let mut stdin = BufWriter::new(stdin);
        let mut bytes = 0;
        for n in 0..count {
            let line = article(n);
            bytes += line.len() + 1;
            writeln!(stdin, "{line}").expect("whosaid reads all of its input");
        }
        bytes
    });
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut lines = 0usize;
        let mut in_order = true;
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            let document: serde_json::Value = serde_json::from_str(&line).unwrap();
            in_order &= document["meta"]["id"] == lines.to_string().as_str()
                && document["schema"] == "whosaid/1";
            lines += 1;
        }
        (lines, in_order)
    });
    let mut peak_kib = None;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        // VmHWM is the high-water mark, so the last reading before exit is the peak.
        if let Some(kib) = vm_hwm_kib(pid) {
            peak_kib = Some(peak_kib.unwrap_or(0).max(kib));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let bytes_in = writer.join().unwrap();
    let (lines_out, in_order) = reader.join().unwrap();
    Run {
        lines_out,
        in_order,
        bytes_in,
        peak_kib,
        elapsed: started.elapsed(),
        status: status.code().unwrap_or(-1),
    }
}

fn vm_hwm_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_hundred_thousand_lines_stream_in_order_in_constant_memory() {
    let small = stream(10_000);
    let large = stream(100_000);
    for run in [&small, &large] {
        eprintln!(
            "jsonl stream: {} lines, {:.1} MB in, peak RSS {} KiB, {:.2?}",
            run.lines_out,
            run.bytes_in as f64 / 1e6,
            run.peak_kib
                .map_or("unmeasured".to_string(), |k| k.to_string()),
            run.elapsed
        );
        assert_eq!(run.status, 0);
        assert!(run.in_order, "documents came out of order");
    }
    assert_eq!(small.lines_out, 10_000);
    assert_eq!(large.lines_out, 100_000);
    match (small.peak_kib, large.peak_kib) {
        (Some(small_kib), Some(large_kib)) => {
            // Ten times the input may not take more than a few MiB more memory,
            // and never as much as the input itself.
            assert!(
                large_kib < small_kib + 8 * 1024,
                "memory grew with the input: {small_kib} KiB for 10,000 lines, {large_kib} KiB for 100,000"
            );
            // Beyond the baseline (the small run's, about 23 MiB in a debug build).
            assert!(
                large_kib.saturating_sub(small_kib) * 1024 < large.bytes_in as u64,
                "{large_kib} KiB for {} bytes of input",
                large.bytes_in
            );
        }
        _ => eprintln!("jsonl stream: /proc/PID/status has no VmHWM here; memory not checked"),
    }
}

/// With `--on-error skip`, bad lines (a blank one too) are reported and
/// left out.
#[test]
fn bad_lines_are_reported_and_skipped() {
    let input = format!(
        "{}\n\n{{\"id\":\"x\"}}\n\u{1}nonsense\n{}\n",
        article(0),
        article(1)
    );
    let output = common::run(
        &["annotate", "--input", "jsonl", "--on-error", "skip", "-"],
        input.as_bytes(),
    );
    assert_eq!(common::code(&output), 1);
    let ids: Vec<String> = common::stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["meta"]["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"0\"", "\"1\""]);
    let err = common::stderr(&output);
    assert!(err.contains("-:2: blank line"), "{err}");
    assert!(
        err.contains("-:3 (id x): not an article: missing field `text`"),
        "{err}"
    );
    assert!(err.contains("-:4: invalid JSON"), "{err}");
}

#[test]
fn a_flood_of_bad_lines_is_counted_not_printed() {
    let input = "oops\n".repeat(500);
    let output = common::run(
        &["annotate", "--input", "jsonl", "--on-error", "skip", "-"],
        input.as_bytes(),
    );
    assert_eq!(common::code(&output), 2, "nothing could be read");
    let err = common::stderr(&output);
    assert_eq!(err.lines().count(), 11, "{err}");
    assert!(
        err.ends_with("whosaid: -: 490 more bad lines or warnings not shown\n"),
        "{err}"
    );
}

#[test]
fn an_empty_stream_is_not_an_error() {
    let output = common::run(&["annotate", "--input", "jsonl", "-"], b"");
    assert_eq!(common::code(&output), 0);
    assert_eq!(common::stdout(&output), "");
}

/// Each message names its place once (with the id when there is one) and
/// says what was expected; a date off the calendar is a bad line.
#[test]
fn bad_fields_are_named_once_with_what_was_expected() {
    let input = "{\"schema\":\"whosaid/9\"}\n\
                 {\"id\":true,\"text\":\"The ferry left.\"}\n\
                 {\"id\":\"3\",\"date\":\"2024-02-31\",\"text\":\"The ferry left.\"}\n";
    let output = common::run(&["annotate", "--input", "jsonl", "-"], input.as_bytes());
    assert_eq!(
        common::code(&output),
        0,
        "emit: every line has its output line"
    );
    assert_eq!(
        common::stderr(&output),
        "whosaid: -:1: unsupported schema \"whosaid/9\" (this whosaid reads whosaid/1)\n\
         whosaid: -:2: not an article: `id` must be a string or an integer\n\
         whosaid: -:3 (id 3): not an article: `date` \"2024-02-31\" is not a calendar date (YYYY-MM-DD)\n"
    );
    let schemas: Vec<serde_json::Value> = common::stdout(&output)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["schema"].clone())
        .collect();
    assert_eq!(schemas, ["whosaid/1-error"; 3]);
}

/// An id too large for any integer type comes out as written, not as a float.
#[test]
fn large_numeric_ids_keep_their_digits() {
    let id = "123456789012345678901234567890";
    let input = format!("{{\"id\":{id},\"text\":\"The ferry left.\"}}\n");
    let output = common::run(&["annotate", "--input", "jsonl", "-"], input.as_bytes());
    assert_eq!(common::code(&output), 0, "{}", common::stderr(&output));
    let document: serde_json::Value = serde_json::from_str(&common::stdout(&output)).unwrap();
    assert_eq!(document["meta"]["id"], id);
}
