//! The plain text and plain tags of a page, read ahead of html5ever's
//! tokenizer.
//!
//! The tokenizer reads the markup of a tag one character at a time, near
//! 300 instructions each: most of the time spent building a tree. Most tags
//! are plain (`<div class="story">`, `</p>`), and so is most text between
//! them. Those are read here with a few byte searches and given to the tree
//! builder as the very tokens the tokenizer would give; anything else (a
//! character reference, a comment, a `\r`, a quote out of place, an element
//! whose text is raw) is left to the tokenizer, which reads it as the HTML
//! standard says. The tree is built by html5ever's tree builder either way.

use std::borrow::Cow;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tag, TagKind, Token};
use html5ever::{Attribute, LocalName, QualName, ns};
use memchr::{memchr, memchr3};

/// The next plain token at the front of `chunk` and its length in bytes,
/// when there is one and something of the chunk is left after it (the
/// tokenizer expects no chunk to be empty). Only to be asked where the
/// tokenizer would read the chunk in its data state with nothing pending.
pub(super) fn next_token(chunk: &StrTendril) -> Option<(Token, u32)> {
    let bytes = chunk.as_bytes();
    let len = match bytes.first()? {
        b'<' => tag_len(bytes)?,
        _ => text_len(bytes)?,
    };
    // Nothing is read to the end of the chunk.
    if len >= bytes.len() {
        return None;
    }
    let len32 = u32::try_from(len).ok()?;
    let token = match bytes[0] {
        b'<' => Token::TagToken(tag(chunk, len)?),
        _ => Token::CharacterTokens(chunk.subtendril(0, len32)),
    };
    Some((token, len32))
}

/// Bytes of text before the first character the tokenizer's data state
/// stops at: the run it would give as one token.
fn text_len(bytes: &[u8]) -> Option<usize> {
    let len = memchr3(b'<', b'&', b'\r', bytes)?;
    let len = memchr(b'\0', &bytes[..len]).unwrap_or(len);
    (len > 0).then_some(len)
}

/// Bytes up to the `>` closing the tag that opens `bytes`.
fn tag_len(bytes: &[u8]) -> Option<usize> {
    memchr(b'>', bytes).map(|at| at + 1)
}

/// Whitespace inside a tag (a `\r` is left to the tokenizer, which turns
/// it into `\n`).
fn is_space(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\x0c' | b' ')
}

/// Bytes of tag and attribute names read here; the tokenizer takes many
/// more, but these are the names of real pages.
fn is_name_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b':' | b'.')
}

/// Elements read only by the tokenizer: the tree builder makes their text
/// raw text or RCDATA (which the tokenizer must end at the matching end
/// tag, whose name it keeps from the start tag it read itself), or stops
/// at them (`<meta charset>`, `</script>`).
fn left_to_the_tokenizer(name: &str) -> bool {
    matches!(
        name,
        "iframe"
            | "meta"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
            | "script"
            | "style"
            | "template"
            | "textarea"
            | "title"
            | "xmp"
    )
}

/// The tag `chunk[..len]` (from `<` to `>`), when it is plain: ASCII names,
/// attribute values quoted or plain, no character reference, no duplicate
/// attribute, no attribute on an end tag, and not one of the elements
/// [`left_to_the_tokenizer`].
fn tag(chunk: &StrTendril, len: usize) -> Option<Tag> {
    let bytes = &chunk.as_bytes()[..len];
    let mut at = 1;
    let kind = if bytes.get(at) == Some(&b'/') {
        at += 1;
        TagKind::EndTag
    } else {
        TagKind::StartTag
    };
    if !bytes.get(at)?.is_ascii_alphabetic() {
        return None;
    }
    let name_len = bytes[at..].iter().take_while(|&&b| is_name_byte(b)).count();
    let name = ascii_lower(&bytes[at..at + name_len])?;
    if left_to_the_tokenizer(&name) {
        return None;
    }
    at += name_len;
    let mut attrs: Vec<Attribute> = Vec::new();
    let mut self_closing = false;
    loop {
        let before = at;
        at += bytes[at..].iter().take_while(|&&b| is_space(b)).count();
        match *bytes.get(at)? {
            b'>' => break,
            b'/' if at + 2 == len => {
                self_closing = true;
                break;
            }
            // An attribute is separated from what comes before it.
            _ if at == before || kind == TagKind::EndTag => return None,
            _ => {}
        }
        let (attr, next) = attribute(chunk, bytes, at)?;
        if attrs.iter().any(|a| a.name.local == attr.name.local) {
            return None;
        }
        attrs.push(attr);
        at = next;
    }
    if kind == TagKind::EndTag && self_closing {
        return None;
    }
    Some(Tag {
        kind,
        name: LocalName::from(name),
        self_closing,
        attrs,
        had_duplicate_attributes: false,
    })
}

/// The attribute starting at `at` and where it ends, when it is plain.
fn attribute(chunk: &StrTendril, bytes: &[u8], mut at: usize) -> Option<(Attribute, usize)> {
    let name_len = bytes[at..].iter().take_while(|&&b| is_name_byte(b)).count();
    if name_len == 0 {
        return None;
    }
    let name = ascii_lower(&bytes[at..at + name_len])?;
    at += name_len;
    let after_name = at;
    at += bytes[at..].iter().take_while(|&&b| is_space(b)).count();
    let (value, end) = if bytes.get(at) == Some(&b'=') {
        at += 1;
        at += bytes[at..].iter().take_while(|&&b| is_space(b)).count();
        value(chunk, bytes, at)?
    } else {
        // No value: what follows the name is read as the next attribute.
        (StrTendril::new(), after_name)
    };
    let attr = Attribute {
        name: QualName::new(None, ns!(), LocalName::from(name)),
        value,
    };
    Some((attr, end))
}

/// An attribute's value starting at `at` and where it ends, when it holds
/// no character reference, NUL or `\r`; a quoted value is followed by a
/// space, `/` or `>`.
fn value(chunk: &StrTendril, bytes: &[u8], at: usize) -> Option<(StrTendril, usize)> {
    let (start, len, end) = match *bytes.get(at)? {
        quote @ (b'"' | b'\'') => {
            let len = memchr(quote, &bytes[at + 1..])?;
            let end = at + 1 + len + 1;
            if !bytes
                .get(end)
                .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
            {
                return None;
            }
            (at + 1, len, end)
        }
        _ => {
            let len = bytes[at..]
                .iter()
                .take_while(|&&b| !is_space(b) && b != b'>')
                .count();
            let odd = |b: &u8| matches!(b, b'"' | b'\'' | b'<' | b'=' | b'`');
            if len == 0 || bytes[at..at + len].iter().any(odd) {
                return None;
            }
            (at, len, at + len)
        }
    };
    let value = &bytes[start..start + len];
    if memchr3(b'&', b'\0', b'\r', value).is_some() {
        return None;
    }
    let value = chunk.subtendril(u32::try_from(start).ok()?, u32::try_from(len).ok()?);
    Some((value, end))
}

/// An ASCII name in lower case, as the tokenizer gives names (copied only
/// when it is not).
fn ascii_lower(bytes: &[u8]) -> Option<Cow<'_, str>> {
    let name = std::str::from_utf8(bytes).ok()?;
    Some(if bytes.iter().any(u8::is_ascii_uppercase) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str) -> Option<Token> {
        next_token(&StrTendril::from_slice(text)).map(|(token, _)| token)
    }

    #[test]
    fn plain_tags_are_read_and_the_others_left() {
        let Some(Token::TagToken(tag)) = token("<DIV Class=\"a b\" hidden id=x data-n='1'/>.")
        else {
            panic!("a plain tag");
        };
        assert_eq!(&*tag.name, "div");
        assert!(tag.self_closing);
        let attrs: Vec<_> = tag
            .attrs
            .iter()
            .map(|a| (a.name.local.to_string(), a.value.to_string()))
            .collect();
        let expected = [
            ("class", "a b"),
            ("hidden", ""),
            ("id", "x"),
            ("data-n", "1"),
        ];
        assert_eq!(attrs, expected.map(|(n, v)| (n.into(), v.into())));
        for odd in [
            "<a href=\"?a=1&amp;b=2\">.",
            "<a b=1 b=2>.",
            "<a b=\"1\"c=2>.",
            "<a/b>.",
            "</p class=x>.",
            "</br/>.",
            "<title>.",
            "<!-- x -->.",
            "<p\r>.",
            "<a b=c\"d>.",
            "<p>",
            "<a b=\"x>y\">.",
        ] {
            assert!(
                !matches!(token(odd), Some(Token::TagToken(_))),
                "{odd:?} is left to the tokenizer"
            );
        }
    }

    #[test]
    fn text_runs_to_what_the_tokenizer_stops_at() {
        for (text, run) in [("a b\n<p>", "a b\n"), ("a&amp;", "a"), ("a\r\n<", "a")] {
            let Some(Token::CharacterTokens(t)) = token(text) else {
                panic!("{text:?}");
            };
            assert_eq!(&*t, run);
        }
        assert!(token("to the end").is_none());
    }
}
