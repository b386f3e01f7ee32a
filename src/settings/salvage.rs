//! Reading a state file that may be damaged, keeping every entry that is
//! valid. The file is only a convenience, but it holds thousands of reading
//! positions: one bad entry (`"paragraph": -1`) or a file cut short by a full
//! disk must not cost the others.
//!
//! The file is read as a stream, one entry at a time, so everything before
//! a syntax error or a cut is kept; each entry is checked on its own.

use std::fmt;

use serde::Deserializer as _;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::state::{LastRead, ListOrder, Place, State};

/// Longest key kept: content keys are sixteen hex digits.
const MAX_KEY_LEN: usize = 64;

/// What could be read from a state file, and what could not.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Salvaged {
    pub state: State,
    /// Entries left out, and why the first one was.
    pub dropped: usize,
    pub first_problem: Option<String>,
    /// Why reading stopped before the end, if it did.
    pub damage: Option<String>,
}

impl Salvaged {
    /// Whether anything in the file had to be left out.
    pub fn is_whole(&self) -> bool {
        self.dropped == 0 && self.damage.is_none()
    }

    fn drop_entry(&mut self, why: String) {
        self.dropped += 1;
        self.first_problem.get_or_insert(why);
    }
}

/// Reads `bytes` as a state file, keeping every valid entry.
pub fn salvage(bytes: &[u8]) -> Salvaged {
    let mut found = Salvaged::default();
    let mut reader = serde_json::Deserializer::from_slice(bytes);
    let read = reader
        .deserialize_map(FileVisitor(&mut found))
        .and_then(|()| reader.end());
    if let Err(error) = read {
        found.damage = Some(error.to_string());
    }
    found
}

/// A key as the file shows it in a message: short, whatever its length.
fn shown_key(key: &str) -> String {
    let mut shown: String = key.chars().take(24).collect();
    if shown.len() < key.len() {
        shown.push('…');
    }
    format!("{shown:?}")
}

fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= MAX_KEY_LEN && key.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// One reading position, or what is wrong with it.
fn place(value: &Value) -> Result<Place, String> {
    let Some(fields) = value.as_object() else {
        return Err(format!("not a reading position: {}", shown_value(value)));
    };
    let number = |name: &str, what: &str| match fields.get(name) {
        None => Err(format!("no {name}")),
        Some(v) => v
            .as_u64()
            .ok_or_else(|| format!("{name} is not {what}: {}", shown_value(v))),
    };
    let paragraph = number("paragraph", "a paragraph number")?;
    let read_at = number("read_at", "a time in seconds")?;
    // Kept since read marks were added: older files have none.
    let read = match fields.get("read") {
        None => false,
        Some(v) => v
            .as_bool()
            .ok_or_else(|| format!("read is not true or false: {}", shown_value(v)))?,
    };
    Ok(Place {
        read,
        paragraph: usize::try_from(paragraph)
            .map_err(|_| format!("paragraph is too large: {paragraph}"))?,
        read_at,
    })
}

/// A value as a message shows it: short, whatever its length.
fn shown_value(value: &Value) -> String {
    let text = value.to_string();
    let mut shown: String = text.chars().take(24).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    shown
}

struct FileVisitor<'a>(&'a mut Salvaged);

impl<'de> Visitor<'de> for FileVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whosaid state file (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(field) = map.next_key::<String>()? {
            match field.as_str() {
                "positions" => map.next_value_seed(Positions(&mut *self.0))?,
                "last_library" => {
                    let value: Value = map.next_value()?;
                    match serde_json::from_value::<Vec<String>>(value) {
                        Ok(library) => self.0.state.last_library = library,
                        Err(e) => self.0.drop_entry(format!("last_library: {e}")),
                    }
                }
                "sort" => {
                    let value: Value = map.next_value()?;
                    match serde_json::from_value::<ListOrder>(value) {
                        Ok(sort) => self.0.state.sort = Some(sort),
                        Err(e) => self.0.drop_entry(format!("sort: {e}")),
                    }
                }
                "last_read" => {
                    let value: Value = map.next_value()?;
                    match serde_json::from_value::<Vec<LastRead>>(value) {
                        Ok(last) => self.0.state.last_read = last,
                        Err(e) => self.0.drop_entry(format!("last_read: {e}")),
                    }
                }
                // A field from a later version: not ours to judge.
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// The `positions` object, read entry by entry into the state as it goes,
/// so that what came before a cut is already kept.
struct Positions<'a>(&'a mut Salvaged);

impl<'de> DeserializeSeed<'de> for Positions<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Positions<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of reading positions")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let value: Value = map.next_value()?;
            if !valid_key(&key) {
                self.0
                    .drop_entry(format!("{}: not a story key", shown_key(&key)));
                continue;
            }
            match place(&value) {
                Ok(place) => {
                    self.0.state.positions.insert(key, place);
                }
                Err(why) => self.0.drop_entry(format!("{}: {why}", shown_key(&key))),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(paragraph: usize, read_at: u64) -> Place {
        Place {
            paragraph,
            read_at,
            read: false,
        }
    }

    #[test]
    fn a_whole_file_reads_whole() {
        let found = salvage(
            br#"{"positions": {"a1": {"paragraph": 3, "read_at": 9}},
                "last_library": ["/news"], "later": {"x": [1]}}"#,
        );
        assert!(found.is_whole(), "{found:?}");
        assert_eq!(found.state.positions["a1"], place(3, 9));
        assert_eq!(found.state.last_library, ["/news"]);
    }

    #[test]
    fn bad_entries_are_left_out_and_the_rest_kept() {
        let found = salvage(
            br#"{"positions": {
                "a1": {"paragraph": -1, "read_at": 9},
                "a2": {"paragraph": 2, "read_at": 9},
                "a\u001b]0;x": {"paragraph": 2, "read_at": 9},
                "a3": "nonsense",
                "a4": {"paragraph": 4, "read_at": 9}
            }, "last_library": 7}"#,
        );
        assert_eq!(found.dropped, 4);
        assert_eq!(found.damage, None);
        assert_eq!(
            found.first_problem.as_deref(),
            Some("\"a1\": paragraph is not a paragraph number: -1")
        );
        let kept: Vec<_> = found.state.positions.keys().collect();
        assert_eq!(kept, ["a2", "a4"]);
    }

    #[test]
    fn a_cut_keeps_what_came_before_it() {
        let found = salvage(
            br#"{"last_library": ["/n"], "positions": {"a1": {"paragraph": 1, "read_at": 2},
                "a2": {"paragraph": 2, "read_at": 2}, "a3": {"parag"#,
        );
        assert!(found.damage.is_some());
        assert_eq!(found.state.positions.len(), 2);
        assert_eq!(found.state.last_library, ["/n"]);
    }

    #[test]
    fn something_else_entirely_keeps_nothing() {
        for text in [&b"[1, 2]"[..], b"", b"\xff\xfe", b"{\"positions\": 3}"] {
            let found = salvage(text);
            assert!(found.damage.is_some(), "{text:?}");
            assert_eq!(found.state, State::default());
        }
    }
}
