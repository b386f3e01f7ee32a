//! What the reader does outside itself when asked ([`Effect`]): the
//! clipboard, through the terminal (OSC 52) or a program of the user's, and
//! the system's opener. Nothing here waits long: a program still running
//! after a moment is left to finish, and reaped, on a thread of its own.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::app::{Commands, Effect};

/// How long a copy program may take to say whether it worked.
const COPY_WAIT: Duration = Duration::from_secs(2);

/// Does `effect`, writing to the terminal through `terminal` when that is
/// the way; the error is a sentence for the status bar.
pub fn perform(
    effect: Effect,
    commands: &Commands,
    terminal: &mut impl Write,
) -> Result<(), String> {
    match effect {
        Effect::Copy(text) => match &commands.copy {
            Some(command) => copy_with(command, &text),
            None => {
                // OSC 52: the terminal puts the text on the clipboard. The
                // text travels as base64, so nothing in it is an escape.
                write!(terminal, "\x1b]52;c;{}\x07", base64(text.as_bytes()))
                    .and_then(|()| terminal.flush())
                    .map_err(|e| format!("Could not copy: {e}"))
            }
        },
        // The event loop passes this one to the loader.
        Effect::Refresh => Ok(()),
        Effect::Open(target) => {
            let default = [DEFAULT_OPENER.to_string()];
            let command = commands.open.as_deref().unwrap_or(&default);
            let child = spawn(command, &target, Stdio::null())?;
            reap(child);
            Ok(())
        }
    }
}

#[cfg(target_os = "macos")]
const DEFAULT_OPENER: &str = "open";
#[cfg(not(target_os = "macos"))]
const DEFAULT_OPENER: &str = "xdg-open";

/// Runs `command` with `last` as its last argument (none when empty), its
/// output thrown away: it must not draw over the reader.
fn spawn(command: &[String], last: &str, stdin: Stdio) -> Result<Child, String> {
    let (program, args) = command
        .split_first()
        .ok_or_else(|| "No program given".to_string())?;
    let mut cmd = Command::new(program);
    cmd.args(args);
    if !last.is_empty() {
        cmd.arg(last);
    }
    cmd.stdin(stdin)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("Could not run {program}: {e}"))
}

fn copy_with(command: &[String], text: &str) -> Result<(), String> {
    let mut child = spawn(command, "", Stdio::piped())?;
    if let Some(mut stdin) = child.stdin.take() {
        // Dropped at the end of the block: the program sees the end.
        let _ = stdin.write_all(text.as_bytes());
    }
    let program = &command[0];
    let deadline = Instant::now() + COPY_WAIT;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(format!("{program} failed ({status})")),
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(10)),
            // Still running (some keep the selection alive): let it be.
            Ok(None) => {
                reap(child);
                return Ok(());
            }
            Err(e) => return Err(format!("{program}: {e}")),
        }
    }
}

/// Waits for `child` on a thread, so it never lingers as a zombie.
fn reap(mut child: Child) {
    thread::spawn(move || {
        let _ = child.wait();
    });
}

/// Standard base64, with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_the_standard_gives_it() {
        // RFC 4648, section 10.
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn osc_52_carries_the_text_in_base64() {
        let mut terminal = Vec::new();
        let copy = Effect::Copy("“Hi” — Ana\u{1b}".into());
        perform(copy, &Commands::default(), &mut terminal).unwrap();
        let written = String::from_utf8(terminal).unwrap();
        let payload = written
            .strip_prefix("\x1b]52;c;")
            .and_then(|rest| rest.strip_suffix('\x07'))
            .expect("one OSC 52 sequence");
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        assert_eq!(payload, base64("“Hi” — Ana\u{1b}".as_bytes()));
    }

    #[test]
    fn a_copy_command_gets_the_text_on_its_input() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("copied");
        let script = format!("cat > '{}'", out.display());
        let commands = Commands {
            copy: Some(vec!["sh".into(), "-c".into(), script]),
            open: None,
        };
        perform(Effect::Copy("the words".into()), &commands, &mut Vec::new()).unwrap();
        assert_eq!(std::fs::read_to_string(out).unwrap(), "the words");
    }

    #[test]
    fn a_program_that_fails_or_is_missing_is_reported() {
        let failing = Commands {
            copy: Some(vec!["false".into()]),
            open: Some(vec!["/nonexistent/opener".into()]),
        };
        let copied = perform(Effect::Copy("x".into()), &failing, &mut Vec::new());
        assert!(copied.unwrap_err().starts_with("false failed"));
        let opened = perform(Effect::Open("story.txt".into()), &failing, &mut Vec::new());
        assert!(
            opened
                .unwrap_err()
                .starts_with("Could not run /nonexistent/opener"),
        );
    }
}
