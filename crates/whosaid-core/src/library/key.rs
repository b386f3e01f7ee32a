//! A key for a story that does not depend on where it was read from: the
//! reading position is remembered by it, so a story moved or renamed still
//! reopens where it was left.

use crate::model::{Document, Paragraph};

/// FNV-1a, 64 bits: stable across runs, platforms and Rust versions (unlike
/// `std`'s hasher, whose algorithm may change), and fast enough to run on
/// every story when it opens.
fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Sixteen hex digits hashed from the story's paragraphs (their text only:
/// the same text read from a `.txt` or re-read from its JSON is the same
/// story).
pub fn content_key(doc: &Document) -> String {
    paragraphs_key(&doc.paragraphs)
}

/// [`content_key`] of a story's paragraphs, however the story is held.
pub fn paragraphs_key(paragraphs: &[Paragraph]) -> String {
    let hash = paragraphs.iter().fold(FNV_OFFSET, |h, p| {
        // The separator keeps "ab" + "c" apart from "a" + "bc".
        fnv1a(fnv1a(h, p.text.as_bytes()), &[0xff])
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Meta, Paragraph, SCHEMA, Summary};

    fn doc(texts: &[&str], source: &str) -> Document {
        Document {
            schema: SCHEMA.into(),
            meta: Meta {
                source: Some(source.into()),
                ..Meta::default()
            },
            paragraphs: Paragraph::bodies(texts),
            speakers: vec![],
            claims: vec![],
            countries: vec![],
            summary: Summary::default(),
        }
    }

    #[test]
    fn the_key_follows_the_text_not_the_file() {
        let a = content_key(&doc(&["One.", "Two."], "a.txt"));
        assert_eq!(a, content_key(&doc(&["One.", "Two."], "moved/b.json")));
        assert_ne!(a, content_key(&doc(&["One.Two."], "a.txt")));
        assert_ne!(a, content_key(&doc(&["One.", "Two!"], "a.txt")));
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn the_hash_is_the_published_fnv1a() {
        // Test vectors of FNV-1a 64: "" and "a".
        assert_eq!(fnv1a(FNV_OFFSET, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(FNV_OFFSET, b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
