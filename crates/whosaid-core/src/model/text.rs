//! Text that shares its bytes with the paragraph it was cut from.
//!
//! A story's spans, claims and mentions all repeat pieces of its paragraphs.
//! Holding them as slices of one shared allocation keeps a 100 MB story's
//! document close to the size of its text, instead of several times it.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An immutable string, cheap to clone and to slice. Derefs to `&str`;
/// serializes as a plain JSON string.
///
/// Offsets are kept as `u32` (a text is at most 4 GiB), and the shared
/// bytes behind a thin pointer, so that a slice costs two words: a long
/// story holds one per paragraph and span.
#[derive(Clone)]
pub struct Text {
    source: Arc<String>,
    start: u32,
    end: u32,
}

impl Text {
    fn whole(source: Arc<String>) -> Text {
        // Longer texts are cut at 4 GiB, on a character boundary.
        let mut end = source.len().min(u32::MAX as usize);
        while !source.is_char_boundary(end) {
            end -= 1;
        }
        Text {
            source,
            start: 0,
            end: end as u32,
        }
    }

    /// The piece `range` of this text, sharing its bytes; `None` when the
    /// range is out of bounds or not on character boundaries.
    pub fn slice(&self, range: Range<usize>) -> Option<Text> {
        self.as_str().get(range.clone())?;
        Some(Text {
            source: Arc::clone(&self.source),
            start: self.start + range.start as u32,
            end: self.start + range.end as u32,
        })
    }

    /// The text itself. Cut as bytes: every reader of a paragraph's text
    /// comes through here, and the test of both ends for character
    /// boundaries was most of the cost of each.
    pub fn as_str(&self) -> &str {
        let bytes = &self.source.as_bytes()[self.start as usize..self.end as usize];
        // (The ends only, not the whole text: a paragraph's text is read
        // once per mention, and debug builds stay linear in its length.)
        debug_assert!(
            self.source.is_char_boundary(self.start as usize)
                && self.source.is_char_boundary(self.end as usize)
        );
        // SAFETY: `start` and `end` are character boundaries of `source`
        // (which no one changes): `whole` takes 0 and a boundary it looked
        // for, and `slice` only ranges that `str::get` accepted of the text
        // it cuts. Bytes between two boundaries of a `str` are UTF-8.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::from("")
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::whole(Arc::new(text.to_string()))
    }
}

impl From<String> for Text {
    /// Takes the string's bytes without a copy (only its spare room is
    /// given back).
    fn from(mut text: String) -> Self {
        text.shrink_to_fit();
        Text::whole(Arc::new(text))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        text.as_str().to_string()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Text::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_share_and_compare_by_content() {
        let paragraph = Text::from("Zelenskiy said “no”.");
        let name = paragraph.slice(0..9).unwrap();
        assert_eq!(name, "Zelenskiy");
        assert_eq!(name.slice(5..9).unwrap(), "skiy");
        assert!(Arc::ptr_eq(&paragraph.source, &name.source));
        assert_eq!(paragraph.slice(16..18), None, "not on a character boundary");
        assert_eq!(paragraph.slice(0..99), None);
    }

    #[test]
    fn a_slice_is_no_bigger_than_a_string() {
        assert!(std::mem::size_of::<Text>() <= std::mem::size_of::<String>());
    }

    #[test]
    fn serializes_as_a_string() {
        let text = Text::from("a “quote”").slice(2..13).unwrap();
        let json = serde_json::to_string(&text).unwrap();
        assert_eq!(json, "\"“quote”\"");
        let back: Text = serde_json::from_str(&json).unwrap();
        assert_eq!(back, text);
    }
}
