//! What a word names as a title, a place or a given name, and whether it can
//! be part of a name, remembered by the word from one paragraph (and story) to the next:
//! the same few words ("The", "Trump", "President") come back in every
//! paragraph, and each look-up walks the gazetteer's trie or probes a table,
//! where a remembered one costs a multiplication and a comparison.
//!
//! A fixed table, one word a slot, a new word taking the slot of the one
//! before: no allocation per word (a map of strings cost more in the
//! allocator than it saved), and the same memory whatever the story.

use crate::annotate::countries;
use crate::annotate::lexicon::{Sex, Title, lexicon};
use crate::vocabulary::{read_4, read_8};

/// How many words are remembered: the words a few paragraphs repeat, in
/// 64 KiB (32 bytes a slot). With 1024 slots a third of the look-ups
/// missed; with 4096 a fifth, in a table too large to stay in cache.
const SLOTS: usize = 2048;

/// A word of up to sixteen bytes as two little-endian numbers and its
/// length: compared at once, with no call. Length 0 marks an empty slot.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    low: u64,
    high: u64,
    length: u8,
}

impl Key {
    /// The key of `word`; `None` for the empty word and words over sixteen
    /// bytes (looked up each time). Read as reads of a fixed size, which
    /// overlap for a word of an odd length: with the length, they still
    /// tell any two words apart.
    fn of(word: &str) -> Option<Key> {
        let bytes = word.as_bytes();
        let length = bytes.len();
        let (low, high) = match length {
            0 => return None,
            1..4 => {
                let byte = |at: usize| u64::from(bytes[at]);
                (byte(0) | byte(length / 2) << 8 | byte(length - 1) << 16, 0)
            }
            4..8 => (read_4(bytes, 0) | read_4(bytes, length - 4) << 32, 0),
            8..=16 => (read_8(bytes, 0), read_8(bytes, length - 8)),
            _ => return None,
        };
        Some(Key {
            low,
            high,
            length: length as u8,
        })
    }

    /// The key's slot: the top bits of a multiplication, which depend on
    /// every byte.
    fn slot(self) -> usize {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let mixed = (self.low ^ self.high.rotate_left(29) ^ u64::from(self.length)).wrapping_mul(K);
        (mixed >> (64 - SLOTS.trailing_zeros())) as usize
    }
}

/// One remembered word and its look-ups, each made the first time it is asked for.
#[derive(Clone, Copy)]
struct Slot {
    key: Key,
    title: Option<Option<Title>>,
    /// The place's number ([`countries::lookup_index`]).
    place: Option<Option<u16>>,
    /// Whether the word can be part of a name ([`super::name_word`]).
    name: Option<bool>,
    /// The word as a given name ([`Lexicon::given_name`](crate::annotate::lexicon::Lexicon::given_name)).
    given: Option<Option<Sex>>,
}

const EMPTY: Slot = Slot {
    key: Key {
        low: 0,
        high: 0,
        length: 0,
    },
    title: None,
    place: None,
    name: None,
    given: None,
};

/// Look-ups by the word as written (neither depends on anything else).
#[derive(Default)]
pub struct Memo {
    /// [`SLOTS`] slots once a word is remembered; none before, so that an
    /// unused memo (a paragraph's scratch is taken, leaving a new one) costs
    /// nothing.
    slots: Vec<Slot>,
}

impl Memo {
    /// The slot of `word`, emptied for it if another word had it. Inlined
    /// into each look-up: as a call (which `#[inline]` left it), saving and
    /// restoring registers was a third of its cost.
    #[inline(always)]
    fn slot(&mut self, word: &str) -> Option<&mut Slot> {
        let key = Key::of(word)?;
        if self.slots.is_empty() {
            self.slots = vec![EMPTY; SLOTS];
        }
        let slot = self.slots.get_mut(key.slot())?;
        if slot.key != key {
            *slot = Slot { key, ..EMPTY };
        }
        Some(slot)
    }

    /// [`Lexicon::title_of`](crate::annotate::lexicon::Lexicon::title_of)
    /// `word`, whose ASCII lower case is `lower`.
    pub fn title(&mut self, word: &str, lower: &str) -> Option<Title> {
        let look = || lexicon().title_of(word, lower);
        match self.slot(word) {
            Some(slot) => *slot.title.get_or_insert_with(look),
            None => look(),
        }
    }

    /// [`super::name_word`] of `word`, whose ASCII lower case is `lower`.
    pub fn name_word(&mut self, word: &str, lower: &str) -> bool {
        let look = || super::name_word(word, lower);
        match self.slot(word) {
            Some(slot) => *slot.name.get_or_insert_with(look),
            None => look(),
        }
    }

    /// [`Lexicon::given_name`](crate::annotate::lexicon::Lexicon::given_name) of `word`.
    pub fn given_name(&mut self, word: &str) -> Option<Sex> {
        let look = || lexicon().given_name(word);
        match self.slot(word) {
            Some(slot) => *slot.given.get_or_insert_with(look),
            None => look(),
        }
    }

    /// [`countries::lookup_index`] of `word`.
    pub fn place(&mut self, word: &str) -> Option<u16> {
        let look = || countries::lookup_index(word);
        match self.slot(word) {
            Some(slot) => *slot.place.get_or_insert_with(look),
            None => look(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Key, Memo};
    use crate::annotate::countries;
    use crate::annotate::lexicon::lexicon;

    #[test]
    fn words_have_the_same_key_only_when_they_are_the_same() {
        let words = [
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "abcd",
            "abdc",
            "Trump",
            "Trumps",
            "President",
            "Presidents",
            "abcdefgh",
            "abcdefghi",
            "bcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "Ukrainian",
            "Ukrainians",
            "U.S.",
            "US",
            "É",
            "Élysée",
        ];
        for a in words {
            for b in words {
                let (ka, kb) = (Key::of(a), Key::of(b));
                assert!(ka.is_some() && kb.is_some());
                assert_eq!(ka == kb, a == b, "{a} {b}");
            }
        }
        assert!(Key::of("").is_none());
        assert!(Key::of("abcdefghijklmnopq").is_none());
    }

    #[test]
    fn a_slot_is_small() {
        assert!(std::mem::size_of::<super::Slot>() <= 32);
    }

    #[test]
    fn a_remembered_look_up_is_the_look_up() {
        let mut memo = Memo::default();
        let words = [
            "Ukrainian",
            "the",
            "President",
            "Kremlin",
            "co-chairman",
            "Merz",
            "Nato",
            "anti-American",
            "a-very-long-hyphenated-word",
            "Ukrainian",
        ];
        for _ in 0..2 {
            for word in words {
                let lower = word.to_ascii_lowercase();
                assert_eq!(memo.place(word), countries::lookup_index(word), "{word}");
                assert_eq!(
                    memo.title(word, &lower),
                    lexicon().title_of(word, &lower),
                    "{word}"
                );
                assert_eq!(memo.given_name(word), lexicon().given_name(word), "{word}");
                assert_eq!(
                    memo.name_word(word, &lower),
                    super::super::name_word(word, &lower),
                    "{word}"
                );
            }
        }
    }
}
