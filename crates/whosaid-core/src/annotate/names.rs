//! Strings a story repeats in its mentions (names, surnames, roles, heads),
//! each kept once: a long story names the same few people a million times.

use std::hash::{Hash, Hasher};
use std::num::NonZeroU32;

use rustc_hash::{FxHashMap, FxHasher};

/// A string in [`Names`]. Two symbols from the same `Names` are equal when
/// their strings are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sym(NonZeroU32);

/// The strings in one buffer and a map from their hashes: a new string
/// costs no allocation of its own (a story interns a few dozen a paragraph,
/// and two allocations each were a tenth of the annotator's).
#[derive(Debug, Default)]
pub struct Names {
    /// Every string, one after another.
    text: String,
    /// Where each string ends in `text`; the next starts there.
    ends: Vec<usize>,
    /// The latest symbol whose string has this hash.
    ids: FxHashMap<u64, Sym>,
    /// For each symbol, the one before it with the same hash, if any.
    same_hash: Vec<Option<Sym>>,
}

/// How many strings the first one makes room for: about what a news story
/// interns (names, surnames, roles, heads, countries).
const FIRST_ROOM: usize = 64;

fn hash(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

impl Names {
    pub fn intern(&mut self, text: &str) -> Sym {
        let hash = hash(text);
        let latest = self.ids.get(&hash).copied();
        let mut same = latest;
        while let Some(sym) = same {
            if self.text(sym) == text {
                return sym;
            }
            same = self.same_hash.get(index(sym)).copied().flatten();
        }
        if self.ends.is_empty() {
            // Room for a news story's names at once, not grown four times over
            // from nothing by doubling.
            self.text.reserve(FIRST_ROOM * 12);
            self.ends.reserve(FIRST_ROOM);
            self.same_hash.reserve(FIRST_ROOM);
            self.ids.reserve(FIRST_ROOM);
        }
        // Symbols count from 1 so that `Option<Sym>` is four bytes; a story
        // has fewer distinct names than it has bytes, so u32 is enough.
        let number = u32::try_from(self.ends.len() + 1).unwrap_or(u32::MAX);
        let sym = Sym(NonZeroU32::new(number).unwrap_or(NonZeroU32::MAX));
        self.text.push_str(text);
        self.ends.push(self.text.len());
        self.same_hash.push(latest);
        self.ids.insert(hash, sym);
        sym
    }

    pub fn intern_opt(&mut self, text: Option<&str>) -> Option<Sym> {
        text.map(|text| self.intern(text))
    }

    pub fn get(&self, sym: Option<Sym>) -> Option<&str> {
        sym.map(|sym| self.text(sym))
    }

    pub fn text(&self, sym: Sym) -> &str {
        let n = index(sym);
        let start = match n.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(n).copied().unwrap_or(start);
        // Cut as bytes: coreference reads names over and over, and the test
        // of both ends for character boundaries was a good part of each read.
        let bytes = self.text.as_bytes().get(start..end).unwrap_or_default();
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: `start` and `end` are each 0 or an entry of `ends`, and
        // every entry is where a whole `&str` pushed onto `text` ends (only
        // `intern` changes either): character boundaries of `text`, so the
        // bytes between them are UTF-8.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

/// Where `sym`'s string is listed.
fn index(sym: Sym) -> usize {
    sym.0.get() as usize - 1
}

#[cfg(test)]
mod tests {
    use super::Names;

    #[test]
    fn a_string_is_kept_once_and_read_back() {
        let mut names = Names::default();
        let merz = names.intern("Merz");
        let tusk = names.intern("Tusk");
        assert_eq!(names.intern("Merz"), merz);
        assert_ne!(merz, tusk);
        assert_eq!(names.text(merz), "Merz");
        assert_eq!(names.get(Some(tusk)), Some("Tusk"));
        assert_eq!(names.get(None), None);
        assert_eq!(names.ends.len(), 2);
        let empty = names.intern("");
        assert_eq!(names.intern(""), empty);
        assert_eq!(names.text(empty), "");
        let tus = names.intern("Tus");
        assert_eq!(names.text(tus), "Tus");
        assert_eq!(names.intern("Tusk"), tusk);
    }
}
