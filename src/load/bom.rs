//! Byte-order marks: the encoding a file's first bytes name. Editors on
//! Windows save "Unicode" text as UTF-16 with a mark, and UTF-8 with one;
//! whosaid reads both, whole or streamed a line at a time, instead of
//! refusing UTF-16 as binary (it is full of NUL bytes) or failing to parse
//! JSON that starts with an invisible U+FEFF.

use std::io::{self, BufRead, Read};

use encoding_rs::{Decoder, Encoding, UTF_16BE, UTF_16LE};

/// The UTF-8 byte-order mark.
pub const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// The UTF-16 encoding `bytes` start with the mark of, if any.
pub fn utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [0xff, 0xfe, ..] => Some(UTF_16LE),
        [0xfe, 0xff, ..] => Some(UTF_16BE),
        _ => None,
    }
}

/// UTF-16 text with its mark → text, and whether some bytes could not be
/// decoded (shown as U+FFFD).
pub fn decode_utf16(encoding: &'static Encoding, bytes: &[u8]) -> (String, bool) {
    let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
    (text.into_owned(), had_errors)
}

/// A stream as UTF-8: passed on as it is, its UTF-8 mark dropped, or, if
/// it starts with a UTF-16 mark, decoded as it is read.
pub fn utf8_stream<R: BufRead + Send + 'static>(
    mut reader: R,
) -> io::Result<Box<dyn BufRead + Send>> {
    let head = fill_at_least(&mut reader, 3)?;
    if head.starts_with(UTF8_BOM) {
        reader.consume(UTF8_BOM.len());
        return Ok(Box::new(reader));
    }
    Ok(match utf16(head) {
        Some(encoding) => Box::new(io::BufReader::new(Utf16Reader {
            inner: reader,
            decoder: encoding.new_decoder_with_bom_removal(),
            decoded: Vec::new(),
            at: 0,
            ended: false,
        })),
        None => Box::new(reader),
    })
}

/// The first bytes of `reader`, without consuming them: `want` of them
/// unless the input is shorter, or the buffer holds fewer (a pipe's first
/// write of one byte: then a mark is missed, and the text read as it is).
fn fill_at_least<R: BufRead>(reader: &mut R, want: usize) -> io::Result<&[u8]> {
    loop {
        match reader.fill_buf() {
            Ok(_) => break,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    let buffer = reader.fill_buf()?;
    Ok(&buffer[..buffer.len().min(want)])
}

/// UTF-16 bytes in, UTF-8 bytes out; bytes that cannot be decoded become
/// U+FFFD.
struct Utf16Reader<R> {
    inner: R,
    decoder: Decoder,
    /// Decoded and not yet read, from `at`.
    decoded: Vec<u8>,
    at: usize,
    ended: bool,
}

impl<R: BufRead> Read for Utf16Reader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.at == self.decoded.len() {
            if self.ended {
                return Ok(0);
            }
            let input = self.inner.fill_buf()?;
            let last = input.is_empty();
            let room = self
                .decoder
                .max_utf8_buffer_length(input.len())
                .ok_or_else(|| io::Error::other("UTF-16 input too large to decode"))?;
            self.decoded.resize(room, 0);
            let (_, read, written, _) = self.decoder.decode_to_utf8(input, &mut self.decoded, last);
            self.inner.consume(read);
            self.decoded.truncate(written);
            self.at = 0;
            self.ended = last;
        }
        let count = out.len().min(self.decoded.len() - self.at);
        out[..count].copy_from_slice(&self.decoded[self.at..self.at + count]);
        self.at += count;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    fn utf16be(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xfe, 0xff];
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        bytes
    }

    fn streamed(bytes: Vec<u8>) -> String {
        // A small buffer, so characters are split across reads.
        let reader = io::BufReader::with_capacity(3, io::Cursor::new(bytes));
        let mut text = String::new();
        utf8_stream(reader)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    #[test]
    fn utf16_with_a_mark_decodes_either_way_round() {
        let text = "Ökonomin: „Weiter so“ 🗞\nzweite Zeile";
        for bytes in [utf16le(text), utf16be(text)] {
            let encoding = utf16(&bytes).unwrap();
            assert_eq!(decode_utf16(encoding, &bytes), (text.to_string(), false));
            assert_eq!(streamed(bytes), text);
        }
    }

    #[test]
    fn streams_lose_a_utf8_mark_and_keep_everything_else() {
        assert_eq!(streamed(b"\xef\xbb\xbf{\"a\":1}\n".to_vec()), "{\"a\":1}\n");
        assert_eq!(streamed(b"{}\n".to_vec()), "{}\n");
        assert_eq!(streamed(Vec::new()), "");
    }

    #[test]
    fn broken_utf16_becomes_replacement_characters() {
        let mut bytes = utf16le("ab");
        bytes.extend([0x00, 0xd8]); // a lone high surrogate
        let (text, had_errors) = decode_utf16(UTF_16LE, &bytes);
        assert_eq!((text.as_str(), had_errors), ("ab\u{fffd}", true));
    }
}
