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

/// A slot for the key at `index` whose hash is `hash`.
fn slot_of(index: u32, hash: u64) -> u64 {
    (hash & 0xffff_ffff_0000_0000) | u64::from(index)
}

/// FNV-1a over the bytes: fast for short words, the same everywhere.
pub(crate) fn hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in word.as_bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
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
}

impl<V: Copy> Table<V> {
    /// A table from what `build/` wrote: the keys joined into `text` and
    /// their `ends`, and the `slots` [`slots`] laid out for them.
    pub const fn new(
        text: &'static str,
        ends: &'static [u32],
        values: &'static [V],
        slots: &'static [u64],
    ) -> Self {
        Table {
            text,
            ends,
            values,
            slots,
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

    fn index(&self, word: &str) -> Option<usize> {
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
                    == Some(word.as_bytes())
            {
                return Some(index);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Whether `word` is a key, exactly so.
    pub fn contains(&self, word: &str) -> bool {
        self.index(word).is_some()
    }

    /// The value of `word`.
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
        let table = Table::new(text, leak(ends), leak((0..1000u32).collect()), slots);
        assert_eq!(table.keys(), keys);
        assert!(slots.len().is_power_of_two() && slots.len() >= 2000);
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(table.get(key), Some(i as u32));
        }
        assert_eq!(table.get("word1000"), None);
        assert!(!table.contains("Word1") && !table.contains(""));
        let empty: Table<()> = Table::new("", &[], &[], leak(slots_of_nothing()));
        assert!(!empty.contains("word"));
    }

    fn slots_of_nothing() -> Vec<u64> {
        slots(&[])
    }

    #[test]
    fn the_hash_is_fnv_1a() {
        // Fixed, so a table laid out on one machine is read alike on another.
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
