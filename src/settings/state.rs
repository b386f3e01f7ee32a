//! What whosaid remembers between runs: where each story was left (by its
//! content key, so a moved or renamed file still reopens in place) and the
//! last library opened. Saved atomically ([`super::replace`]), so a crash
//! never leaves half a file.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// Positions kept at most; the least recently read go first.
pub const MAX_POSITIONS: usize = 10_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Where each story was left, by content key.
    #[serde(default)]
    pub positions: BTreeMap<String, Place>,
    /// The arguments of the last library opened, as absolute paths.
    #[serde(default)]
    pub last_library: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub paragraph: usize,
    /// When it was last read, in seconds since 1970.
    pub read_at: u64,
}

impl State {
    /// The state in `path`: empty when there is none yet. A file that
    /// cannot be read is reported and ignored (it is only a convenience).
    pub fn load(path: &Path) -> Result<State, String> {
        match fs::read_to_string(path) {
            Ok(text) => serde_json::from_str(&text)
                .map_err(|e| format!("{}: ignored, not a whosaid state file: {e}", path.display())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(State::default()),
            Err(e) => Err(format!("{}: ignored: {e}", path.display())),
        }
    }

    /// Paragraph by content key, as the reader takes it.
    pub fn paragraphs(&self) -> HashMap<String, usize> {
        self.positions
            .iter()
            .map(|(k, p)| (k.clone(), p.paragraph))
            .collect()
    }

    /// Takes in where the reader left each story; a place that changed is
    /// stamped `now`. Keeps the [`MAX_POSITIONS`] most recent.
    pub fn remember(&mut self, positions: &HashMap<String, usize>, now: u64) {
        for (key, &paragraph) in positions {
            let place = self.positions.entry(key.clone()).or_default();
            if place.paragraph != paragraph || place.read_at == 0 {
                *place = Place {
                    paragraph,
                    read_at: now,
                };
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

    /// Writes the state to `path` atomically, creating its directory.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let mut bytes = serde_json::to_vec_pretty(self)?;
        bytes.push(b'\n');
        super::replace::replace(path, &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_survive_a_save_and_a_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deeper/state.json");
        assert_eq!(State::load(&path), Ok(State::default()), "no file yet");
        let mut state = State::default();
        state.remember(&HashMap::from([("abc".to_string(), 7)]), 100);
        state.last_library = vec!["/news".into()];
        state.save(&path).unwrap();
        let back = State::load(&path).unwrap();
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
        assert_eq!(State::load(&path), Ok(State::default()));
    }

    #[test]
    fn a_broken_file_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, "{not json").unwrap();
        let error = State::load(&path).unwrap_err();
        assert!(error.contains("not a whosaid state file"), "{error}");
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
