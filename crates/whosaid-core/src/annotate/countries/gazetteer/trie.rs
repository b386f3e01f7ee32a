//! A byte trie of every gazetteer spelling, written by `build/` as static
//! arrays, searched leftmost-longest: the matches an Aho-Corasick automaton
//! with `MatchKind::LeftmostLongest` gives, with nothing built at start-up.
//!
//! A search tries each start in turn: the root's table rejects a byte no
//! spelling begins with in one load, so lower-case text costs little, and a
//! walk from a possible start is as long as the longest spelling there.

/// No node, no entry.
pub(crate) const NONE: u32 = u32::MAX;

use super::types::TRIE_MAX_SCANNED as MAX_SCANNED;

/// One node: its edges (`first..first + len` in the edge arrays, sorted by
/// byte), its table of edges by byte (an index into the dense tables;
/// `u16::MAX`, past them all, for none) and the entry a spelling ending
/// here names, or [`NONE`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    pub first: u32,
    pub len: u16,
    pub table: u16,
    pub entry: u32,
}

/// The trie's static tables.
pub(crate) struct Trie {
    /// The node each first byte leads to, or [`NONE`].
    root: &'static [u32; 256],
    nodes: &'static [Node],
    /// The edges' bytes, each node's sorted.
    bytes: &'static [u8],
    /// The node each edge leads to.
    targets: &'static [u32],
    /// For each node of more than [`MAX_SCANNED`] edges: each byte's edge,
    /// counted from one (0: none).
    dense: &'static [[u8; 256]],
    /// Every spelling starts with an ASCII capital or a byte above ASCII,
    /// so eight bytes with neither can be passed over at once.
    capital_starts: bool,
}

/// Whether every byte the root leads on from is an ASCII capital or above ASCII.
const fn capital_starts(root: &[u32; 256]) -> bool {
    let mut byte = 0;
    while byte < 256 {
        if root[byte] != NONE && !(byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A)) {
            return false;
        }
        byte += 1;
    }
    true
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// How many of the eight bytes of `word` (little-endian) come before the
/// first that is an ASCII capital or above ASCII: 8 when none is. With a
/// byte below 0x80, adding 0x3F sets its high bit exactly when it is at
/// least 'A', and adding 0x25 when it is past 'Z'. A byte above ASCII may
/// carry into the next one and mark it wrongly, but it is marked itself,
/// below: the lowest mark is always right.
fn before_start(word: u64) -> usize {
    let from_a = word.wrapping_add(ONES * 0x3F);
    let past_z = word.wrapping_add(ONES * 0x25);
    let marks = (word | from_a & !past_z) & HIGHS;
    (marks.trailing_zeros() / 8) as usize
}

impl Trie {
    /// A trie from the tables `build/` wrote.
    pub const fn new(
        root: &'static [u32; 256],
        nodes: &'static [Node],
        bytes: &'static [u8],
        targets: &'static [u32],
        dense: &'static [[u8; 256]],
    ) -> Trie {
        Trie {
            root,
            nodes,
            bytes,
            targets,
            dense,
            capital_starts: capital_starts(root),
        }
    }

    /// The first spelling that starts at or after `from`, the longest of
    /// those starting there: `(start, end, entry)`.
    pub fn find(&self, text: &str, from: usize) -> Option<(usize, usize, usize)> {
        let haystack = text.as_bytes();
        let mut start = from;
        while start < haystack.len() {
            // Most text is lower case: passed over eight bytes at a time.
            if self.capital_starts
                && let Some(eight) = haystack.get(start..start + 8)
            {
                let mut word = [0u8; 8];
                word.copy_from_slice(eight);
                let skip = before_start(u64::from_le_bytes(word));
                start += skip;
                if skip == 8 {
                    continue;
                }
            }
            let mut node = self.root[usize::from(haystack[start])];
            let mut at = start + 1;
            let mut longest = None;
            while node != NONE {
                let Node {
                    first,
                    len,
                    table,
                    entry,
                } = self.nodes[node as usize];
                if entry != NONE {
                    longest = Some((at, entry as usize));
                }
                let Some(&byte) = haystack.get(at) else {
                    break;
                };
                let edges = first as usize..first as usize + usize::from(len);
                // Most nodes past the first have an edge or two: a scan
                // costs less there than a table's load.
                let found = if usize::from(len) <= MAX_SCANNED {
                    self.bytes[edges.clone()].iter().position(|&b| b == byte)
                } else {
                    self.edge_by_byte(table, byte)
                };
                node = match found {
                    Some(i) => self.targets[edges.start + i],
                    None => NONE,
                };
                at += 1;
            }
            if let Some((end, entry)) = longest {
                return Some((start, end, entry));
            }
            start += 1;
        }
        None
    }

    /// The edge (counted from the node's first) that `byte` takes from a
    /// node with table `table`.
    #[inline]
    fn edge_by_byte(&self, table: u16, byte: u8) -> Option<usize> {
        let edge = self.dense.get(usize::from(table))?[usize::from(byte)];
        usize::from(edge).checked_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use aho_corasick::{AhoCorasick, Input, MatchKind};
    use proptest::prelude::*;

    use super::super::{GAZETTEER, compile};

    /// The automaton the trie replaces, over the same spellings.
    fn automaton() -> (AhoCorasick, Vec<usize>) {
        let compiled = compile::compile().unwrap_or_else(|e| panic!("{e}"));
        let (patterns, entries): (Vec<String>, Vec<usize>) = compiled.patterns.into_iter().unzip();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap();
        (automaton, entries)
    }

    /// Every match from every start, as the scan asks for them.
    fn all_matches(
        text: &str,
        find: impl Fn(usize) -> Option<(usize, usize, usize)>,
    ) -> Vec<(usize, usize, usize)> {
        (0..=text.len()).filter_map(find).collect()
    }

    fn same_matches(automaton: &(AhoCorasick, Vec<usize>), text: &str) {
        let expected = all_matches(text, |from| {
            automaton
                .0
                .find(Input::new(text).span(from..text.len()))
                .map(|m| (m.start(), m.end(), automaton.1[m.pattern().as_usize()]))
        });
        let found = all_matches(text, |from| GAZETTEER.trie.find(text, from));
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn finds_what_the_automaton_finds_in_the_bundled_story() {
        let automaton = automaton();
        let story = include_str!(
            "../../../../../../assets/stories/2025-12-16-berlin-security-guarantees.txt"
        );
        same_matches(&automaton, story);
        same_matches(
            &automaton,
            "NATO, Nato and the UNITED STATES; Gulf Of Guinea, New Mexico, Georgia's \
             Ukrainians in Kyiv and the Kremlin, US U.S. us, Élysée ÉLYSÉE, CongoBrazza",
        );
    }

    #[test]
    fn eight_bytes_are_passed_over_only_when_no_spelling_can_start_there() {
        // The bundled spellings allow the fast path.
        assert!(GAZETTEER.trie.capital_starts);
        for byte in 0..=255u8 {
            let may = byte.is_ascii_uppercase() || !byte.is_ascii();
            for at in 0..8 {
                let mut word = *b"abcdefgh";
                word[at] = byte;
                let skip = super::before_start(u64::from_le_bytes(word));
                assert_eq!(skip, if may { at } else { 8 }, "{byte} at {at}");
                // Whatever follows a byte above ASCII, it is found first.
                word[7] = b'Z';
                if !byte.is_ascii() && at < 7 {
                    assert_eq!(super::before_start(u64::from_le_bytes(word)), at);
                }
            }
        }
        // A capital after lower-case bytes, at every place in a word.
        let automaton = automaton();
        for at in 0..17 {
            same_matches(&automaton, &format!("{}Germany and france", "x".repeat(at)));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Texts of listed spellings, whole and cut short, glued by bits of
        /// text: matches that overlap, nest and stop short.
        #[test]
        fn finds_what_the_automaton_finds(
            parts in prop::collection::vec((any::<usize>(), 0usize..4, "[ .,a-zA-Z'-]{0,3}"), 0..12)
        ) {
            thread_local! {
                static AUTOMATON: (AhoCorasick, Vec<usize>) = automaton();
                static SPELLINGS: Vec<String> = compile::compile()
                    .unwrap_or_else(|e| panic!("{e}"))
                    .patterns
                    .into_iter()
                    .map(|(spelling, _)| spelling)
                    .collect();
            }
            let text: String = SPELLINGS.with(|spellings| {
                parts
                    .iter()
                    .map(|(pick, cut, glue)| {
                        let spelling = &spellings[pick % spellings.len()];
                        let end = spelling
                            .char_indices()
                            .map(|(i, _)| i)
                            .chain([spelling.len()])
                            .rev()
                            .nth(*cut)
                            .unwrap_or(0);
                        format!("{}{glue}", &spelling[..end])
                    })
                    .collect()
            });
            AUTOMATON.with(|automaton| same_matches(automaton, &text));
        }
    }
}
