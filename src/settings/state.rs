//! What whosaid remembers between runs: where each story was left (by its
//! content key, so a moved or renamed file still reopens in place) and the
//! last library opened. Saved atomically ([`super::replace`]), so a crash
//! never leaves half a file.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::lock::{self, NotTaken, lock_path};
use super::replace::replace;
use super::salvage::{Salvaged, salvage};

/// Positions kept at most; the least recently read go first.
pub const MAX_POSITIONS: usize = 10_000;

/// Bytes read of a state file at most: [`MAX_POSITIONS`] take under a
/// megabyte, so anything near this was not written by whosaid.
pub const MAX_STATE_BYTES: u64 = 64 << 20;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Where each story was left, by content key.
    #[serde(default)]
    pub positions: BTreeMap<String, Place>,
    /// The arguments of the last library opened, as absolute paths.
    #[serde(default)]
    pub last_library: Vec<String>,
    /// How the story list was last sorted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<ListOrder>,
    /// The story last read in each library, most recent first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub last_read: Vec<LastRead>,
}

/// Libraries whose last story read is kept at most; the oldest go first.
pub const MAX_LAST_READ: usize = 100;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub paragraph: usize,
    /// When it was last read, in seconds since 1970.
    pub read_at: u64,
    /// The story has been opened (files from before this was kept lack it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub read: bool,
}

/// The story list's order: `date`, `title` or `sources`, maybe reversed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListOrder {
    pub by: String,
    #[serde(default)]
    pub reversed: bool,
}

/// The story last read in a library (its arguments, as absolute paths).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastRead {
    pub library: Vec<String>,
    /// The story's content key.
    pub key: String,
}

/// The state as read at start, and a warning when part of the file could
/// not be used.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub state: State,
    pub warning: Option<String>,
}

impl State {
    /// The state in `path`: empty when there is none yet. Every valid entry
    /// is kept; what is not is left out with one warning (the file is only a
    /// convenience, and its previous version is kept as a backup on saving).
    pub fn load(path: &Path) -> Loaded {
        let bytes = match read_state_file(path) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Loaded::default(),
            Err(e) => {
                return Loaded {
                    state: State::default(),
                    warning: Some(format!("{}: ignored: {e}", path.display())),
                };
            }
        };
        let found = salvage(&bytes);
        let warning = (!found.is_whole()).then(|| damage_report(path, &found, bytes.len()));
        Loaded {
            state: found.state,
            warning,
        }
    }

    /// The content keys of the stories that have been opened.
    pub fn read(&self) -> std::collections::HashSet<String> {
        self.positions
            .iter()
            .filter(|(_, p)| p.read)
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// The story last read in `library`, by content key.
    pub fn last_read_in(&self, library: &[String]) -> Option<&str> {
        self.last_read
            .iter()
            .find(|l| l.library == library)
            .map(|l| l.key.as_str())
    }

    /// Marks the stories `keys` read (a story opened at its top has a place
    /// too, at paragraph 0); call before [`State::remember`], which keeps
    /// the most recent places.
    pub fn mark_read(&mut self, keys: &[String], now: u64) {
        for key in keys {
            let place = self.positions.entry(key.clone()).or_default();
            place.read = true;
            if place.read_at == 0 {
                place.read_at = now;
            }
        }
    }

    /// Remembers `last` as the story last read in its library.
    pub fn remember_last_read(&mut self, last: LastRead) {
        self.last_read.retain(|l| l.library != last.library);
        self.last_read.insert(0, last);
        self.last_read.truncate(MAX_LAST_READ);
    }

    /// Paragraph by content key, as the reader takes it.
    pub fn paragraphs(&self) -> HashMap<String, usize> {
        self.positions
            .iter()
            .map(|(k, p)| (k.clone(), p.paragraph))
            .collect()
    }

    /// The places in `positions` that differ from this state's: what a
    /// reader that started from this state changed.
    pub fn changed(&self, positions: &HashMap<String, usize>) -> HashMap<String, usize> {
        positions
            .iter()
            .filter(|(key, paragraph)| {
                self.positions.get(*key).map(|p| p.paragraph) != Some(**paragraph)
            })
            .map(|(key, &paragraph)| (key.clone(), paragraph))
            .collect()
    }

    /// Takes in where the reader left each story; a place that changed is
    /// stamped `now`. Keeps the [`MAX_POSITIONS`] most recent.
    pub fn remember(&mut self, positions: &HashMap<String, usize>, now: u64) {
        for (key, &paragraph) in positions {
            let place = self.positions.entry(key.clone()).or_default();
            if place.paragraph != paragraph || place.read_at == 0 {
                place.paragraph = paragraph;
                place.read_at = now;
            }
        }
        if self.positions.len() > MAX_POSITIONS {
            let mut by_age: Vec<(u64, String)> = self
                .positions
                .iter()
                .map(|(k, p)| (p.read_at, k.clone()))
                .collect();
            by_age.sort();
            let excess = self.positions.len() - MAX_POSITIONS;
            for (_, key) in by_age.into_iter().take(excess) {
                self.positions.remove(&key);
            }
        }
    }

    /// Writes the state to `path` atomically, creating its directory; the
    /// file it replaces is kept as [`backup_path`] first.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let previous = read_state_file(path).ok().flatten();
        self.save_over(path, previous.as_deref())
    }

    /// Writes the state to `path` over `previous`, the bytes it holds now,
    /// which are kept as [`backup_path`] first.
    fn save_over(&self, path: &Path, previous: Option<&[u8]>) -> io::Result<()> {
        if let Some(previous) = previous {
            replace(&backup_path(path), previous)?;
        }
        let mut bytes = serde_json::to_vec_pretty(self)?;
        bytes.push(b'\n');
        replace(path, &bytes)
    }
}

/// What one reader changed, to be merged into whatever the file holds by the
/// time it saves (another reader may have saved meanwhile).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Places that differ from those loaded.
    pub positions: HashMap<String, usize>,
    /// The library opened, when one was named.
    pub last_library: Option<Vec<String>>,
    /// Stories opened, by content key.
    pub read: Vec<String>,
    /// How the story list was sorted when the reader quit.
    pub sort: Option<ListOrder>,
    /// The story read last, in the library opened.
    pub last_read: Option<LastRead>,
}

/// Saves `changes` into the state file at `path` as it is now, under a lock
/// ([`super::lock`]): what this reader changed wins, everything else the file
/// holds is kept. A file that cannot be read is not replaced (it might hold
/// positions that could not be merged). `Ok(Some(warning))` when the save
/// went ahead without the lock.
pub fn save_changes(path: &Path, changes: &Changes, now: u64) -> io::Result<Option<String>> {
    // The lock file goes beside the state file, so its directory comes first.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    let (lock, warning) = match lock::take(path) {
        Ok(lock) => (Some(lock), None),
        Err(NotTaken::Busy) => (
            None,
            Some(format!(
                "{} was locked by another whosaid for too long; saved without waiting",
                lock_path(path).display()
            )),
        ),
        Err(NotTaken::Failed(e)) => (
            None,
            Some(format!(
                "cannot lock {}: {e}; saved without the lock",
                lock_path(path).display()
            )),
        ),
    };
    // Read once: merged into, then kept as the backup.
    let previous = read_state_file(path)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot read it to merge: {e}")))?;
    let mut merged = previous
        .as_deref()
        .map_or_else(State::default, |bytes| salvage(bytes).state);
    merged.mark_read(&changes.read, now);
    merged.remember(&changes.positions, now);
    if let Some(library) = &changes.last_library {
        merged.last_library.clone_from(library);
    }
    if let Some(sort) = &changes.sort {
        merged.sort = Some(sort.clone());
    }
    if let Some(last) = &changes.last_read {
        merged.remember_last_read(last.clone());
    }
    merged.save_over(path, previous.as_deref())?;
    drop(lock);
    Ok(warning)
}

/// Where the state file's previous version is kept: `state.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// The state file's bytes, `None` when there is none. Only a regular file is
/// read, and only its first [`MAX_STATE_BYTES`]: a fifo or a device planted
/// in a shared state directory must not hang or swamp the reader.
fn read_state_file(path: &Path) -> io::Result<Option<Vec<u8>>> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    // Opening a fifo blocks until someone writes to it; non-blocking, the
    // open returns and the type check below refuses it.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::new();
    file.take(MAX_STATE_BYTES).read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

/// One warning for all that a damaged state file lost.
fn damage_report(path: &Path, found: &Salvaged, size: usize) -> String {
    let kept = found.state.positions.len();
    let mut report = format!("{}: ", path.display());
    if kept == 0 && found.dropped == 0 && found.state.last_library.is_empty() {
        report.push_str("ignored, not a whosaid state file");
    } else {
        report.push_str(&format!("kept {kept} reading positions"));
    }
    if let Some(problem) = &found.first_problem {
        let entries = if found.dropped == 1 {
            "entry that was"
        } else {
            "entries that were"
        };
        report.push_str(&format!(
            "; left out {} {entries} not valid (first: {problem})",
            found.dropped
        ));
    }
    if u64::try_from(size).is_ok_and(|size| size >= MAX_STATE_BYTES) {
        report.push_str(&format!("; read only its first {MAX_STATE_BYTES} bytes"));
    } else if let Some(damage) = &found.damage {
        report.push_str(&format!("; the file is damaged: {damage}"));
    }
    report.push_str(&format!(
        "; the file as it was is kept as {} when the reader saves",
        backup_path(path).display()
    ));
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_survive_a_save_and_a_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deeper/state.json");
        assert_eq!(State::load(&path), Loaded::default(), "no file yet");
        let mut state = State::default();
        state.remember(&HashMap::from([("abc".to_string(), 7)]), 100);
        state.last_library = vec!["/news".into()];
        state.save(&path).unwrap();
        let back = State::load(&path).state;
        assert_eq!(back, state);
        assert_eq!(back.paragraphs()["abc"], 7);
        let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    }

    /// Anyone who can write to a shared state directory could once plant a
    /// link where the temporary file would go (its name was predictable)
    /// and have whosaid overwrite the link's target.
    #[cfg(unix)]
    #[test]
    fn a_planted_link_does_not_redirect_the_save() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let path = dir.path().join("state.json");
        let old_name = format!(".state.json.{}.tmp", std::process::id());
        std::os::unix::fs::symlink(&victim, dir.path().join(old_name)).unwrap();
        State::default().save(&path).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(State::load(&path).state, State::default());
    }

    #[test]
    fn a_broken_file_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, "{not json").unwrap();
        let loaded = State::load(&path);
        assert_eq!(loaded.state, State::default());
        let warning = loaded.warning.unwrap();
        assert!(warning.contains("not a whosaid state file"), "{warning}");
    }

    /// Read marks, the sort and the last story read survive a save; a file
    /// written before they were kept still loads, every story unread.
    #[test]
    fn read_marks_and_the_sort_are_kept_and_old_files_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(
            &path,
            r#"{"positions": {"abc": {"paragraph": 2, "read_at": 5}}}"#,
        )
        .unwrap();
        let old = State::load(&path);
        assert_eq!(old.warning, None);
        assert!(old.state.read().is_empty());
        assert_eq!(old.state.paragraphs()["abc"], 2);
        let library = vec!["/news".to_string()];
        let changes = Changes {
            read: vec!["abc".into(), "def".into()],
            sort: Some(ListOrder {
                by: "title".into(),
                reversed: true,
            }),
            last_read: Some(LastRead {
                library: library.clone(),
                key: "def".into(),
            }),
            ..Changes::default()
        };
        save_changes(&path, &changes, 100).unwrap();
        let back = State::load(&path);
        assert_eq!(back.warning, None);
        let back = back.state;
        assert_eq!(back.read().len(), 2);
        assert_eq!(back.paragraphs()["abc"], 2, "the position is kept");
        assert_eq!(back.sort.as_ref().map(|s| s.by.as_str()), Some("title"));
        assert_eq!(back.last_read_in(&library), Some("def"));
        assert_eq!(back.last_read_in(&["/other".to_string()]), None);
    }

    /// One bad entry once cost every reading position in the file.
    #[test]
    fn one_bad_entry_costs_only_itself() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let mut state = State::default();
        let many: HashMap<String, usize> = (0..5000).map(|i| (format!("k{i}"), 2)).collect();
        state.remember(&many, 1);
        state.save(&path).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        let broken = text.replacen("\"paragraph\": 2", "\"paragraph\": -1", 1);
        fs::write(&path, &broken).unwrap();
        let loaded = State::load(&path);
        assert_eq!(loaded.state.positions.len(), 4999);
        let warning = loaded.warning.unwrap();
        assert!(
            warning.contains(
                "kept 4999 reading positions; left out 1 entry that was not valid \
                 (first: \"k0\": paragraph is not a paragraph number: -1)"
            ),
            "{warning}"
        );
        assert!(warning.contains("state.json.bak"), "{warning}");
        // Saving keeps the damaged file as it was.
        loaded.state.save(&path).unwrap();
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), broken);
        assert_eq!(State::load(&path).warning, None);
    }

    #[test]
    fn a_file_cut_short_keeps_what_it_holds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let mut state = State::default();
        let many: HashMap<String, usize> = (0..100).map(|i| (format!("k{i:03}"), 2)).collect();
        state.remember(&many, 1);
        state.save(&path).unwrap();
        let text = fs::read(&path).unwrap();
        fs::write(&path, &text[..text.len() / 2]).unwrap();
        let loaded = State::load(&path);
        let kept = loaded.state.positions.len();
        assert!((45..=50).contains(&kept), "{kept}");
        let warning = loaded.warning.unwrap();
        assert!(warning.contains("the file is damaged: EOF"), "{warning}");
    }

    fn positions(pairs: &[(&str, usize)]) -> HashMap<String, usize> {
        pairs.iter().map(|&(k, p)| (k.to_string(), p)).collect()
    }

    /// Two readers at once: the later one to quit once wrote over the
    /// positions the earlier one had saved.
    #[test]
    fn two_readers_keep_each_others_positions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let mut start = State::default();
        start.remember(&positions(&[("a", 1), ("b", 1), ("c", 1)]), 1);
        start.save(&path).unwrap();
        let one = State::load(&path).state;
        let two = State::load(&path).state;
        let changes = Changes {
            positions: one.changed(&positions(&[("a", 5), ("b", 1), ("c", 1)])),
            last_library: Some(vec!["/one".into()]),
            ..Changes::default()
        };
        assert_eq!(changes.positions, positions(&[("a", 5)]));
        let first = dir.path().join("not yet/state.json");
        assert_eq!(
            save_changes(&first, &changes, 2).unwrap(),
            None,
            "the first save"
        );
        assert_eq!(save_changes(&path, &changes, 2).unwrap(), None);
        let changes = Changes {
            positions: two.changed(&positions(&[("a", 1), ("b", 7), ("c", 1), ("d", 2)])),
            last_library: None,
            ..Changes::default()
        };
        save_changes(&path, &changes, 3).unwrap();
        let end = State::load(&path).state;
        assert_eq!(
            end.paragraphs(),
            positions(&[("a", 5), ("b", 7), ("c", 1), ("d", 2)])
        );
        assert_eq!(end.last_library, ["/one"]);
        assert_eq!(end.positions["a"].read_at, 2);
    }

    /// Many saves at once, each of its own story: none is lost.
    #[test]
    fn saves_at_once_take_turns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::thread::scope(|scope| {
            for reader in 0..8 {
                let path = &path;
                scope.spawn(move || {
                    for round in 0..5 {
                        let key = format!("r{reader}x{round}");
                        let changes = Changes {
                            positions: HashMap::from([(key, reader + 1)]),
                            last_library: None,
                            ..Changes::default()
                        };
                        save_changes(path, &changes, 1).unwrap();
                    }
                });
            }
        });
        assert_eq!(State::load(&path).state.positions.len(), 40);
    }

    #[test]
    fn an_unreadable_file_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::create_dir(&path).unwrap();
        let changes = Changes {
            positions: positions(&[("a", 1)]),
            last_library: None,
            ..Changes::default()
        };
        let error = save_changes(&path, &changes, 1).unwrap_err();
        assert!(
            error.to_string().contains("cannot read it to merge"),
            "{error}"
        );
        assert!(path.is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let warning = State::load(&path).warning.unwrap();
        assert!(warning.contains("not a regular file"), "{warning}");
    }

    #[test]
    fn only_the_most_recent_positions_are_kept() {
        let mut state = State::default();
        let many: HashMap<String, usize> =
            (0..MAX_POSITIONS).map(|i| (format!("k{i}"), 1)).collect();
        state.remember(&many, 1);
        state.remember(&HashMap::from([("new".to_string(), 3)]), 2);
        assert_eq!(state.positions.len(), MAX_POSITIONS);
        assert_eq!(state.positions["new"].paragraph, 3);
        state.remember(&HashMap::from([("new".to_string(), 3)]), 9);
        assert_eq!(
            state.positions["new"].read_at, 2,
            "unchanged places keep their time"
        );
    }
}
