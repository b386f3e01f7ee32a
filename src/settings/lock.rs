//! A lock beside the state file, so that two readers saving at once take
//! turns: each reads the file, merges its own changes in and writes it back
//! while the other waits. Without it the later one would write over what
//! the earlier one had just saved.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for another reader's save, which takes
/// milliseconds: longer means something else holds the lock, and saving
/// anyway (still merged, atomically) beats hanging on quitting.
const PATIENCE: Duration = Duration::from_secs(5);

/// Held while the state file is read, merged and written; released on drop.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Why the lock was not taken.
#[derive(Debug)]
pub enum NotTaken {
    /// Someone held it for longer than [`PATIENCE`].
    Busy,
    /// The lock file could not be opened or the file system cannot lock.
    Failed(io::Error),
}

/// `state.json.lock` for `state.json`.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Takes the lock for the file at `path`, waiting up to [`PATIENCE`].
pub fn take(path: &Path) -> Result<Lock, NotTaken> {
    let mut options = OpenOptions::new();
    // Never truncated or written: only its lock is used. Not through a
    // link, which someone sharing the directory could point anywhere.
    options.read(true).write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW).mode(0o600);
    }
    let file = match options.open(lock_path(path)) {
        Ok(file) => file,
        Err(e) => return Err(NotTaken::Failed(e)),
    };
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(TryLockError::WouldBlock) if start.elapsed() < PATIENCE => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(TryLockError::WouldBlock) => return Err(NotTaken::Busy),
            Err(TryLockError::Error(e)) => return Err(NotTaken::Failed(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let first = take(&path).expect("taken");
        let waiter = std::thread::spawn({
            let path = path.clone();
            move || {
                let start = Instant::now();
                let taken = take(&path);
                (taken.is_ok(), start.elapsed())
            }
        });
        std::thread::sleep(Duration::from_millis(200));
        drop(first);
        let (held, waited) = waiter.join().unwrap();
        assert!(held);
        assert!(waited >= Duration::from_millis(150), "{waited:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let victim = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&victim, lock_path(&path)).unwrap();
        assert!(matches!(take(&path), Err(NotTaken::Failed(_))));
        assert!(!victim.exists(), "nothing created through the link");
    }
}
