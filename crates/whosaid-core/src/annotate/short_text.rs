//! A mention's string (name, surname, given name, role, head), kept in
//! place when short. A paragraph makes several per mention and drops them
//! once the story has interned them; nearly all fit in a few words, and one
//! allocation and free each were a tenth of the allocator's work.

use std::fmt;
use std::ops::Deref;

/// Bytes kept in place: with the length and the variant's tag, the size of
/// three words ("Vladimir Putin", "spokesman", "German Chancellor").
const INLINE: usize = 22;

#[derive(Clone)]
pub struct ShortText(Repr);

/// Private, so that only this module's constructors make one: what
/// [`ShortText::as_str`] relies on.
#[derive(Clone)]
enum Repr {
    /// Always the bytes of a whole `&str` (`From<&str>`, the one place that
    /// builds it), so `bytes[..len]` is valid UTF-8.
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    Heap(Box<str>),
}

impl ShortText {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, bytes } => {
                let bytes = &bytes[..usize::from(*len)];
                // SAFETY: `Repr` is private to this module, and its only
                // `Inline` is made by `From<&str>`, which copies a whole
                // `&str` of at most `INLINE` bytes and records its length:
                // `bytes` is exactly that string's bytes, valid UTF-8.
                // (Checking again cost a tenth of a mention's interning.)
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            Repr::Heap(text) => text,
        }
    }
}

impl From<&str> for ShortText {
    fn from(text: &str) -> Self {
        if text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            ShortText(Repr::Inline {
                len: text.len() as u8,
                bytes,
            })
        } else {
            ShortText(Repr::Heap(text.into()))
        }
    }
}

impl From<String> for ShortText {
    fn from(text: String) -> Self {
        if text.len() <= INLINE {
            ShortText::from(text.as_str())
        } else {
            ShortText(Repr::Heap(text.into()))
        }
    }
}

impl From<std::borrow::Cow<'_, str>> for ShortText {
    fn from(text: std::borrow::Cow<'_, str>) -> Self {
        match text {
            std::borrow::Cow::Borrowed(text) => ShortText::from(text),
            std::borrow::Cow::Owned(text) => ShortText::from(text),
        }
    }
}

impl Deref for ShortText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for ShortText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Debug for ShortText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::{INLINE, Repr, ShortText};

    #[test]
    fn short_and_long_strings_read_back_as_written() {
        let long = "a".repeat(INLINE + 1);
        for text in ["", "Putin", "Émile Zola", &"é".repeat(INLINE / 2), &long] {
            assert_eq!(&*ShortText::from(text), text);
            assert_eq!(&*ShortText::from(text.to_string()), text);
        }
        assert!(matches!(
            ShortText::from("x".repeat(INLINE).as_str()),
            ShortText(Repr::Inline { .. })
        ));
        assert!(matches!(ShortText::from(long), ShortText(Repr::Heap(_))));
    }
}
