//! Helpers shared by the integration tests: running the real binary.

#![allow(dead_code)]

pub mod http;
pub mod tmux;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_whosaid");

/// Runs whosaid with `args`, `stdin` as its standard input.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the whosaid binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The child may not read stdin at all; a closed pipe is fine.
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("whosaid finishes");
    writer.join().expect("the stdin writer finishes");
    output
}

/// Runs whosaid on paths, with no input.
pub fn run_on(args: &[&str]) -> Output {
    run(args, b"")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

pub fn code(output: &Output) -> i32 {
    output.status.code().expect("whosaid exits with a status")
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}
