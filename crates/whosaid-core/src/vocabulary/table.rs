//! A hash table laid out at build time: `build/` places each key in its
//! slot, the crate probes. One hash of the word and, as a rule, one string
//! comparison per look-up, where a binary search over thousands of words
//! compared a dozen strings (a third of a corpus's annotation time). The
//! hash is our own, not `std`'s or Fx's, so the build host and the target
//! agree whatever their word size. Shared with `build/` by `#[path]`.
//!
//! A slot holds its key's index and the high half of the key's hash: most
//! words looked up are in no list, and the hash turns almost all of them
//! away without reading a key.

/// An empty slot. A key's slot is never this: its index is below `u32::MAX`.
pub(crate) const EMPTY: u64 = u64::MAX;

/// What all of a table's keys share: the range of their lengths, the bytes
/// they start with, and their [`sketch`]es. A word outside any of these is
/// in no slot, and most words looked up are turned away so, before they are
/// hashed: the sketches alone turn away most of the words that the length
/// and first byte let through (every token is looked up in several lists).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Filter {
    shortest: u32,
    longest: u32,
    /// Bit `b % 64` of word `b / 64` is set when some key starts with byte `b`.
    first_bytes: [u64; 4],
    /// Bit `s % 64` of word `s / 64` is set when some key's sketch is `s`.
    sketches: [u64; SKETCH_WORDS],
}

/// How many words of bits the sketches take: 1024 bits, a quarter or less
/// of them set for a list of a few hundred words.
const SKETCH_WORDS: usize = 16;

/// A number below `64 * SKETCH_WORDS` from a word's length and its first,
/// second and last bytes: a few instructions, where the hash reads it all.
fn sketch(word: &str) -> usize {
    let bytes = word.as_bytes();
    let byte = |at: Option<&u8>| u64::from(at.copied().unwrap_or(0));
    let key = byte(bytes.first())
        | byte(bytes.get(1)) << 8
        | byte(bytes.last()) << 16
        | (bytes.len() as u64) << 24;
    // The top bits of a multiplication depend on all of the key's.
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - 10)) as usize
}

impl Filter {
    /// A filter from what `build/` wrote ([`Filter::of`] its keys).
    pub const fn new(
        shortest: u32,
        longest: u32,
        first_bytes: [u64; 4],
        sketches: [u64; SKETCH_WORDS],
    ) -> Self {
        Filter {
            shortest,
            longest,
            first_bytes,
            sketches,
        }
    }

    /// The filter that admits every one of `keys`.
    #[cfg_attr(not(test), allow(dead_code, reason = "run by build/ and the tests"))]
    pub(crate) fn of(keys: &[&str]) -> Filter {
        let mut filter = Filter::new(u32::MAX, 0, [0; 4], [0; SKETCH_WORDS]);
        for key in keys {
            let length = u32::try_from(key.len()).unwrap_or(u32::MAX);
            filter.shortest = filter.shortest.min(length);
            filter.longest = filter.longest.max(length);
            if let Some(&first) = key.as_bytes().first() {
                filter.first_bytes[usize::from(first / 64)] |= 1 << (first % 64);
            }
            let sketch = sketch(key);
            filter.sketches[sketch / 64] |= 1 << (sketch % 64);
        }
        filter
    }

    /// The filter as a Rust expression, for `build/` to write.
    #[cfg_attr(not(test), allow(dead_code, reason = "run by build/ and the tests"))]
    pub(crate) fn expression(&self) -> String {
        format!(
            "crate::vocabulary::Filter::new({}, {}, {:?}, {:?})",
            self.shortest, self.longest, self.first_bytes, self.sketches
        )
    }

    /// Whether `word` may be a key.
    #[inline]
    fn admits(&self, word: &str) -> bool {
        let length = word.len();
        if length < self.shortest as usize || length > self.longest as usize {
            return false;
        }
        let first_byte = word.as_bytes().first().is_none_or(|&first| {
            self.first_bytes[usize::from(first / 64)] & (1 << (first % 64)) != 0
        });
        if !first_byte {
            return false;
        }
        let sketch = sketch(word);
        self.sketches
            .get(sketch / 64)
            .is_some_and(|bits| bits & (1 << (sketch % 64)) != 0)
    }
}

/// A slot for the key at `index` whose hash is `hash`.
fn slot_of(index: u32, hash: u64) -> u64 {
    (hash & 0xffff_ffff_0000_0000) | u64::from(index)
}

/// A hash of the bytes read eight (or four) at a time, little-endian, so the
/// same everywhere; a word of up to eight bytes costs one multiplication and
/// the final mix. (FNV-1a, a multiplication a byte, was a tenth of the
/// annotator's time: every token is looked up in several lists.)
pub(crate) fn hash(word: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |hash: u64, value: u64| (hash ^ value).wrapping_mul(K).rotate_left(32);
    let bytes = word.as_bytes();
    let length = bytes.len();
    let mut hash = (length as u64).wrapping_mul(K);
    if length >= 8 {
        let mut at = 0;
        while at + 8 < length {
            hash = mix(hash, read_8(bytes, at));
            at += 8;
        }
        hash = mix(hash, read_8(bytes, length - 8));
    } else if length >= 4 {
        // Two reads that overlap cover the word.
        hash = mix(hash, read_4(bytes, 0) | read_4(bytes, length - 4) << 32);
    } else if length > 0 {
        let [first, middle, last] = [0, length / 2, length - 1].map(|i| u64::from(bytes[i]));
        hash = mix(hash, first | middle << 8 | last << 16);
    }
    // The slot is taken from the low bits and the tag from the high ones:
    // each must depend on every byte.
    hash ^= hash >> 32;
    hash = hash.wrapping_mul(K);
    hash ^ hash >> 29
}

/// Whether `a` and `b` are the same bytes. Those of up to sixteen (nearly
/// every word looked up) are compared as the hash reads them, as a few
/// numbers that overlap: a call to `memcmp` cost as much as the hash.
#[inline]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let length = a.len();
    if length != b.len() {
        return false;
    }
    match length {
        0 => true,
        1..4 => [0, length / 2, length - 1].iter().all(|&at| a[at] == b[at]),
        4..8 => read_4(a, 0) == read_4(b, 0) && read_4(a, length - 4) == read_4(b, length - 4),
        8..=16 => read_8(a, 0) == read_8(b, 0) && read_8(a, length - 8) == read_8(b, length - 8),
        _ => a == b,
    }
}

/// Eight bytes from `at`, which is at least eight from the end.
pub(crate) fn read_8(bytes: &[u8], at: usize) -> u64 {
    let mut eight = [0; 8];
    eight.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(eight)
}

/// Four bytes from `at`, which is at least four from the end.
pub(crate) fn read_4(bytes: &[u8], at: usize) -> u64 {
    let mut four = [0; 4];
    four.copy_from_slice(&bytes[at..at + 4]);
    u64::from(u32::from_le_bytes(four))
}

/// The slots for `keys` (each once): a power of two at least twice their
/// number, each holding a key ([`slot_of`]) or [`EMPTY`], by linear probing.
#[cfg_attr(not(test), allow(dead_code, reason = "run by build/ and the tests"))]
pub(crate) fn slots(keys: &[&str]) -> Vec<u64> {
    let size = (keys.len() * 2).next_power_of_two().max(2);
    let mask = size - 1;
    let mut slots = vec![EMPTY; size];
    for (index, key) in keys.iter().enumerate() {
        let hash = hash(key);
        let mut slot = hash as usize & mask;
        while slots[slot] != EMPTY {
            slot = (slot + 1) & mask;
        }
        let index = u32::try_from(index)
            .ok()
            .filter(|&index| index != u32::MAX)
            .expect("fewer than 2^32 - 1 keys");
        slots[slot] = slot_of(index, hash);
    }
    slots
}

/// Words, each with a value (`()` for a set), looked up exactly.
///
/// The keys are one string and their ends, not a slice of `&str`: a
/// pointer in a static costs a relocation at every start-up, and the
/// tables hold thousands of words.
#[derive(Debug)]
pub(crate) struct Table<V: 'static> {
    /// The keys, one after another.
    text: &'static str,
    /// Where each key ends in `text`; it starts where the one before ends.
    ends: &'static [u32],
    /// Parallel to `ends`; empty for a set.
    values: &'static [V],
    slots: &'static [u64],
    filter: Filter,
}

impl<V: Copy> Table<V> {
    /// A table from what `build/` wrote: the keys joined into `text` and
    /// their `ends`, the `slots` [`slots`] laid out for them and their
    /// [`Filter`].
    pub const fn new(
        text: &'static str,
        ends: &'static [u32],
        values: &'static [V],
        slots: &'static [u64],
        filter: Filter,
    ) -> Self {
        Table {
            text,
            ends,
            values,
            slots,
            filter,
        }
    }

    /// Where the key at `index` lies in `text`.
    fn span(&self, index: usize) -> Option<std::ops::Range<usize>> {
        let start = match index.checked_sub(1) {
            Some(before) => *self.ends.get(before)? as usize,
            None => 0,
        };
        Some(start..*self.ends.get(index)? as usize)
    }

    /// The key at `index`.
    #[cfg(test)]
    fn key(&self, index: usize) -> Option<&'static str> {
        self.text.get(self.span(index)?)
    }

    // Inlined, with the filter, into the callers: most look-ups end there.
    #[inline]
    fn index(&self, word: &str) -> Option<usize> {
        if !self.filter.admits(word) {
            return None;
        }
        self.probe(word)
    }

    /// [`Table::index`] of a word the filter admits. Kept out of line: the
    /// compiler inlines it once it makes no call, and the callers, where the
    /// filter alone ends most look-ups, then cost more than the call saved.
    #[inline(never)]
    fn probe(&self, word: &str) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let hash = hash(word);
        let mut slot = hash as usize & mask;
        loop {
            let entry = *self.slots.get(slot)?;
            if entry == EMPTY {
                return None;
            }
            let index = entry as u32 as usize;
            // Bytes, not `str`: no check for character boundaries.
            if entry == slot_of(index as u32, hash)
                && self
                    .span(index)
                    .and_then(|span| self.text.as_bytes().get(span))
                    .is_some_and(|key| same_bytes(key, word.as_bytes()))
            {
                return Some(index);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Whether `word` is a key, exactly so.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.index(word).is_some()
    }

    /// The value of `word`.
    #[inline]
    pub fn get(&self, word: &str) -> Option<V> {
        self.values.get(self.index(word)?).copied()
    }

    /// The keys, in the order they were given to the build.
    #[cfg(test)]
    pub fn keys(&self) -> Vec<&'static str> {
        (0..self.ends.len()).filter_map(|i| self.key(i)).collect()
    }
}

/// What [`Table::new`] takes for `keys`: their text joined and their ends.
#[cfg_attr(not(test), allow(dead_code, reason = "run by build/ and the tests"))]
pub(crate) fn joined(keys: &[&str]) -> (String, Vec<u32>) {
    let mut text = String::new();
    let mut ends = Vec::with_capacity(keys.len());
    for key in keys {
        text.push_str(key);
        ends.push(u32::try_from(text.len()).expect("keys under 4 GB"));
    }
    (text, ends)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak<T>(items: Vec<T>) -> &'static [T] {
        Box::leak(items.into_boxed_slice())
    }

    #[test]
    fn finds_every_key_and_nothing_else() {
        let keys: Vec<&'static str> = (0..1000)
            .map(|i| &*Box::leak(format!("word{i}").into_boxed_str()))
            .collect();
        let slots = leak(slots(&keys));
        let (text, ends) = joined(&keys);
        let text: &'static str = Box::leak(text.into_boxed_str());
        let table = Table::new(
            text,
            leak(ends),
            leak((0..1000u32).collect()),
            slots,
            Filter::of(&keys),
        );
        assert_eq!(table.keys(), keys);
        assert!(slots.len().is_power_of_two() && slots.len() >= 2000);
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(table.get(key), Some(i as u32));
        }
        assert_eq!(table.get("word1000"), None);
        assert!(!table.contains("Word1") && !table.contains(""));
        let empty: Table<()> = Table::new("", &[], &[], leak(slots_of_nothing()), Filter::of(&[]));
        assert!(!empty.contains("word"));
    }

    fn slots_of_nothing() -> Vec<u64> {
        slots(&[])
    }

    #[test]
    fn same_bytes_tells_every_word_apart() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "abc",
            "acb",
            "bbc",
            "abcd",
            "abdc",
            "abcde",
            "abcdf",
            "abcdefgh",
            "abcdefgi",
            "abcdefghi",
            "abcdxfghi",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "abcdefghijklmnopq",
            "abcdefghijklmnopr",
            "Élysée",
        ];
        for a in words {
            for b in words {
                assert_eq!(same_bytes(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
            }
        }
    }

    #[test]
    fn the_hash_is_fixed() {
        // Fixed, so a table laid out on one machine is read alike on another.
        assert_eq!(hash(""), 0x0000_0000_0000_0000);
        assert_eq!(hash("a"), 0xabc6_2698_93fb_56c1);
        assert_eq!(hash("spokeswoman"), 0x4e63_5b59_93eb_489c);
    }

    #[test]
    fn the_filter_admits_the_keys_and_turns_others_away() {
        let filter = Filter::of(&["Jr.", "II"]);
        assert!(filter.admits("Jr.") && filter.admits("II"));
        assert!(!filter.admits("jr.") && !filter.admits("I") && !filter.admits("IIII"));
        let bits = 1u64 << (b'I' - 64) | 1u64 << (b'J' - 64);
        let mut sketches = [0u64; SKETCH_WORDS];
        for key in ["Jr.", "II"] {
            sketches[sketch(key) / 64] |= 1 << (sketch(key) % 64);
        }
        assert_eq!(
            filter.expression(),
            format!("crate::vocabulary::Filter::new(2, 3, [0, {bits}, 0, 0], {sketches:?})")
        );
        // Most words the length and first byte let through, the sketches turn away.
        let filter = Filter::of(&["said", "says", "told", "added", "stated", "warned"]);
        let others = [
            "sand", "tall", "aided", "state", "sails", "towns", "wanted", "seed",
        ];
        let admitted = others.iter().filter(|w| filter.admits(w)).count();
        assert!(admitted <= 2, "{admitted} of {others:?} admitted");
        assert!(!Filter::of(&[]).admits("") && !Filter::of(&[]).admits("a"));
    }
}
