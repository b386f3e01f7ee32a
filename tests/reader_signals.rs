//! End to end: the reader under tmux, ended by SIGTERM, SIGHUP and SIGINT
//! (saving the place in the open story as `q` does), by a panic and by an error, and suspended by Ctrl-z and SIGTSTP: each
//! time the shell gets its
//! terminal back as it was (main screen, no mouse capture, cursor shown,
//! canonical mode and echo), and `fg` brings the reader back drawn whole.
//! Skips with a note when tmux is not installed.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::BIN;
use common::tmux::{SHELL, Tmux};

/// Where the reader's pid is written; removed when dropped.
struct PidFile(PathBuf);

impl PidFile {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("whosaid-{name}-{}.pid", std::process::id()));
        let _ = std::fs::remove_file(&path);
        PidFile(path)
    }

    /// Runs the reader in the pane so that its pid lands in this file
    /// (`exec` keeps the pid of the shell that wrote it).
    fn command(&self) -> String {
        format!("sh -c 'echo $$ > {}; exec {BIN}'", self.0.display())
    }

    /// The same, with `env` (`NAME=value ...`) set for the reader (`env`
    /// execs it in turn, so the pid is still the reader's).
    fn command_with(&self, env: &str) -> String {
        format!(
            "sh -c 'echo $$ > {}; exec env {env} {BIN}'",
            self.0.display()
        )
    }

    fn pid(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(pid) = std::fs::read_to_string(&self.0)
                && !pid.trim().is_empty()
            {
                return pid.trim().to_string();
            }
            assert!(Instant::now() < deadline, "the reader never started");
            sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for PidFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn kill(signal: &str, pid: &str) {
    let status = Command::new("kill")
        .args([&format!("-{signal}"), pid])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{signal} {pid}");
}

fn wait_for_exit(pid: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Command::new("kill")
        .args(["-0", pid])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
    {
        assert!(Instant::now() < deadline, "the reader did not exit");
        sleep(Duration::from_millis(20));
    }
}

/// The reader's first frame, whole: the header and the sources panel.
fn reader_drawn(screen: &str) -> bool {
    screen.contains("Berlin security guarantees")
        && screen.contains("┌ Sources")
        && screen.contains("¶ ")
}

/// The reading positions in the state file: story key → paragraph.
fn saved_positions(state_dir: &std::path::Path) -> Vec<(String, u64)> {
    let path = state_dir.join("state.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("the state saved in {}: {error}", path.display()));
    let state: serde_json::Value = serde_json::from_str(&text).expect("the state is JSON");
    state["positions"]
        .as_object()
        .unwrap_or_else(|| panic!("positions in the state: {text}"))
        .iter()
        .map(|(key, place)| {
            let paragraph = place["paragraph"]
                .as_u64()
                .unwrap_or_else(|| panic!("a paragraph number: {text}"));
            (key.clone(), paragraph)
        })
        .collect()
}

/// Starts the reader, moves three paragraphs down, sends `signal`, and
/// checks it died of it (the shell reports 128 + the signal's number) with
/// the terminal restored, having saved the place in the story as `q` does.
fn ended_by(signal: &str, status: u8) {
    let Some(tmux) = Tmux::start(&format!("sig{signal}"), 120, 40, SHELL) else {
        return;
    };
    // Config and state of the test's own, so the real ones are never touched.
    let home = tempfile::tempdir().expect("a temporary directory");
    let state_dir = home.path().join("state");
    let pid_file = PidFile::new(signal);
    tmux.wait_for("the shell", |s| s.contains('$'));
    tmux.type_line(&pid_file.command_with(&format!(
        "WHOSAID_CONFIG_DIR={} WHOSAID_STATE_DIR={}",
        home.path().join("config").display(),
        state_dir.display()
    )));
    tmux.wait_for("the reader", reader_drawn);
    tmux.wait_for_format("#{alternate_on}", "1");
    tmux.keys(&["j", "j", "j"]);
    tmux.wait_for("the fourth paragraph", |s| s.contains("¶ 4/"));
    let pid = pid_file.pid();
    kill(signal, &pid);
    tmux.wait_for_format("#{alternate_on}", "0");
    // The screen is back before the process is gone (it saves its state
    // first); keys typed before then would go to it, not to the shell.
    wait_for_exit(&pid);
    // Asked afterwards: bash drops the rest of a command line whose job
    // died of SIGINT, as it should.
    tmux.type_line("echo \"EXITED=$?\"");
    tmux.wait_for("the exit", |s| s.contains(&format!("EXITED={status}")));
    tmux.assert_restored(&format!("after SIG{signal}"));
    // The bundled story, left at its fourth paragraph (numbered from 0).
    let positions = saved_positions(&state_dir);
    assert!(
        matches!(positions.as_slice(), [(_, 3)]),
        "after SIG{signal}, the place in the story is saved: {positions:?}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    ended_by("TERM", 143);
}

#[test]
fn sighup_restores_the_terminal() {
    ended_by("HUP", 129);
}

#[test]
fn sigint_restores_the_terminal() {
    ended_by("INT", 130);
}

/// Starts a debug build of the reader with `WHOSAID_TEST_FAULT=fault`,
/// presses a key to set it off, and checks the reader exited with `status`
/// and `message` on the restored screen.
fn failed_by(fault: &str, status: u8, message: &str) {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: only debug builds of whosaid can be made to fail");
        return;
    }
    let Some(tmux) = Tmux::start(&format!("fault{fault}"), 120, 40, SHELL) else {
        return;
    };
    let pid_file = PidFile::new(fault);
    tmux.wait_for("the shell", |s| s.contains('$'));
    tmux.type_line(&pid_file.command_with(&format!("WHOSAID_TEST_FAULT={fault}")));
    tmux.wait_for("the reader", reader_drawn);
    let pid = pid_file.pid();
    tmux.keys(&["j"]);
    tmux.wait_for_format("#{alternate_on}", "0");
    wait_for_exit(&pid);
    tmux.type_line("echo \"EXITED=$?\"");
    let screen = tmux.wait_for("the exit", |s| s.contains(&format!("EXITED={status}")));
    assert!(
        screen.contains(message),
        "the {fault} is reported on the main screen:\n{screen}"
    );
    tmux.assert_restored(&format!("after a {fault}"));
}

#[test]
fn a_panic_restores_the_terminal() {
    failed_by("panic", 101, "a panic caused by WHOSAID_TEST_FAULT");
}

#[test]
fn an_error_restores_the_terminal() {
    failed_by(
        "error",
        2,
        "whosaid: terminal error: an error caused by WHOSAID_TEST_FAULT",
    );
}

#[test]
fn ctrl_z_suspends_and_fg_resumes_with_a_full_redraw() {
    let Some(tmux) = Tmux::start("suspend", 120, 40, SHELL) else {
        return;
    };
    let pid_file = PidFile::new("suspend");
    tmux.wait_for("the shell", |s| s.contains('$'));
    tmux.type_line(&pid_file.command());
    tmux.wait_for("the reader", reader_drawn);
    let pid = pid_file.pid();

    // Ctrl-z (a key in raw mode, not a signal) and then SIGTSTP from outside.
    for (how, stop) in [("Ctrl-z", None), ("SIGTSTP", Some("TSTP"))] {
        tmux.keys(&["j"]);
        match stop {
            None => tmux.keys(&["C-z"]),
            Some(signal) => kill(signal, &pid),
        }
        tmux.wait_for("the job to stop", |s| s.contains("Stopped"));
        tmux.assert_restored(&format!("after {how}"));
        tmux.type_line("fg");
        tmux.wait_for_format("#{alternate_on}", "1");
        // Drawn whole, not only what changed: the header, the panel and
        // the status bar are all back.
        tmux.wait_for("the reader drawn again", reader_drawn);
        tmux.keys(&["C-l"]);
    }
    tmux.keys(&["q"]);
    tmux.wait_for_format("#{alternate_on}", "0");
    wait_for_exit(&pid);
    tmux.type_line("echo \"EXITED=$?\"");
    tmux.wait_for("the exit", |s| s.contains("EXITED=0"));
    tmux.assert_restored("after q");
}
