//! The character encoding of an HTML page that is not UTF-8.
//!
//! Pages saved from older news sites are often in windows-1252 or
//! ISO-8859-x and say so in a `<meta>` tag. A page that is valid UTF-8 is
//! read as UTF-8 whatever it declares (a label that disagrees with the bytes
//! is usually a stale template); otherwise the declared encoding is used,
//! and with none declared, windows-1252, the web's default for unlabelled
//! pages.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How much of a page is searched for its `<meta charset>`, as browsers do.
const PRESCAN_BYTES: usize = 1024;

/// The encoding an HTML page declares in its first bytes, if whosaid can
/// decode with it. A declared UTF-8 is left to the caller (it already
/// failed); UTF-16 in a `<meta>` means UTF-8, by the HTML standard, since a
/// page that can be read that far is not UTF-16.
pub fn declared(page: &[u8]) -> Option<&'static Encoding> {
    let head = page[..page.len().min(PRESCAN_BYTES)].to_ascii_lowercase();
    let at = find(&head, b"charset=")? + b"charset=".len();
    let label = head[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| !matches!(b, b'"' | b'\'' | b' ' | b';' | b'>' | b'/'))
        .copied()
        .collect::<Vec<u8>>();
    let encoding = Encoding::for_label(&label)?;
    if encoding == UTF_8 || encoding.output_encoding() == UTF_8 {
        return None;
    }
    Some(encoding)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// A page that is not valid UTF-8, decoded: with the encoding it declares,
/// else windows-1252. Returns the text and the encoding's name, and whether
/// it was declared.
pub fn decode_page(page: &[u8]) -> (String, &'static str, bool) {
    let (encoding, was_declared) = match declared(page) {
        Some(encoding) => (encoding, true),
        None => (WINDOWS_1252, false),
    };
    let (text, _) = encoding.decode_without_bom_handling(page);
    (text.into_owned(), encoding.name(), was_declared)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meta_charset_is_found_in_either_form() {
        for page in [
            &b"<html><head><meta charset=\"ISO-8859-1\"><title>x</title>"[..],
            b"<meta charset=latin1>",
            b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">",
        ] {
            assert_eq!(declared(page), Some(WINDOWS_1252), "{page:?}");
        }
        assert_eq!(
            declared(b"<meta charset='koi8-r'>").map(Encoding::name),
            Some("KOI8-R")
        );
    }

    #[test]
    fn utf8_utf16_unknown_and_late_labels_are_not_used() {
        assert_eq!(declared(b"<meta charset=\"utf-8\">"), None);
        assert_eq!(declared(b"<meta charset=\"utf-16le\">"), None);
        assert_eq!(declared(b"<meta charset=\"klingon\">"), None);
        let mut late = vec![b' '; PRESCAN_BYTES];
        late.extend_from_slice(b"<meta charset=\"iso-8859-2\">");
        assert_eq!(declared(&late), None);
    }

    #[test]
    fn pages_decode_with_their_charset_or_windows_1252() {
        let (text, name, was_declared) =
            decode_page(b"<meta charset=\"iso-8859-2\"><p>\xa3\xf3d\xbc</p>");
        assert_eq!(
            (text.as_str(), name, was_declared),
            (
                "<meta charset=\"iso-8859-2\"><p>Łódź</p>",
                "ISO-8859-2",
                true
            )
        );
        let (text, name, was_declared) = decode_page(b"<p>\x93Caf\xe9\x94</p>");
        assert_eq!(
            (text.as_str(), name, was_declared),
            ("<p>\u{201c}Café\u{201d}</p>", "windows-1252", false)
        );
    }
}
