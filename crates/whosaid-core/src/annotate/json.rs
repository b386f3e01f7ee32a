//! An annotation's `whosaid/1` JSON on one line, written by hand.
//!
//! Byte for byte what `serde_json::to_writer` makes of [`Annotation`]'s
//! `Serialize`, at a fraction of the cost: that path builds each claim and
//! slice (an id string, shared-text handles) only to print it, and escapes
//! text a byte at a time. Here everything is printed straight from the
//! offsets, and text is copied in runs found eight bytes at a time. (Through
//! serde, writing was a sixth of `annotate --format jsonl`; now a fourteenth.)

use std::io;

use super::annotation::{Annotation, ClaimRecord};
use crate::model::{Meta, Summary};

/// How much is gathered before it is handed on, when it is handed on: a
/// long story's output is several times its text and should not sit whole
/// in memory.
const CHUNK: usize = 64 << 10;

/// Where a story's JSON goes: `buf`, handed to `spill` (when there is one)
/// whenever it grows past [`CHUNK`] at the end of an element.
struct Out<'a, 'b> {
    buf: &'a mut Vec<u8>,
    spill: Option<&'b mut dyn io::Write>,
    float: fn(&mut Vec<u8>, f64),
}

impl Out<'_, '_> {
    fn bytes(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    fn byte(&mut self, byte: u8) {
        self.buf.push(byte);
    }

    /// Hands what is gathered to `spill`, if it is large enough to be worth it.
    fn boundary(&mut self) -> io::Result<()> {
        if let Some(spill) = self.spill.as_mut()
            && self.buf.len() >= CHUNK
        {
            spill.write_all(self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// `"key":`, for keys that need no escaping.
    fn key(&mut self, key: &str) {
        self.byte(b'"');
        self.bytes(key.as_bytes());
        self.bytes(b"\":");
    }

    fn number(&mut self, n: u64) {
        number(self.buf, n);
    }

    fn string(&mut self, text: &str) {
        string(self.buf, text);
    }

    fn optional(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.string(text),
            None => self.bytes(b"null"),
        }
    }
}

/// `n` in decimal. Numbers of up to four digits (most offsets) are written
/// as arrays of a fixed length, which copy without a call.
fn number(out: &mut Vec<u8>, n: u64) {
    let pair = |n: u64| {
        let at = n as usize * 2;
        [PAIRS[at], PAIRS[at + 1]]
    };
    match n {
        0..10 => out.push(b'0' + n as u8),
        10..100 => out.extend_from_slice(&pair(n)),
        100..1000 => {
            let [a, b] = pair(n % 100);
            out.extend_from_slice(&[b'0' + (n / 100) as u8, a, b]);
        }
        1000..10000 => {
            let ([a, b], [c, d]) = (pair(n / 100), pair(n % 100));
            out.extend_from_slice(&[a, b, c, d]);
        }
        _ => long_number(out, n),
    }
}

/// `n` in decimal, two digits at a time.
fn long_number(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        let pair = n as usize * 2;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else {
        at -= 1;
        digits[at] = b'0' + n as u8;
    }
    out.extend_from_slice(&digits[at..]);
}

/// "00" to "99".
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that a JSON string must escape: `"`,
/// `\` and the controls below 0x20 (as serde_json does, which leaves DEL and
/// everything above ASCII as is). The classic bit tricks for "a byte below
/// n" and "a zero byte": a byte above a marked one may be marked wrongly (by
/// the borrow), but the lowest mark is always right.
fn escapes(word: u64) -> u64 {
    let below_space = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * u64::from(b'"'));
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    (below_space | quote | backslash) & HIGHS
}

/// Whether one byte is one that [`escapes`] marks.
fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// The eight bytes of `bytes` from `at`, little-endian, padded past the end
/// with a byte that needs no escape.
fn word_at(bytes: &[u8], at: usize) -> u64 {
    let mut eight = [b'a'; 8];
    match bytes.get(at..at + 8) {
        Some(word) => eight.copy_from_slice(word),
        None => {
            let tail = bytes.get(at..).unwrap_or_default();
            eight[..tail.len()].copy_from_slice(tail);
        }
    }
    u64::from_le_bytes(eight)
}

/// `text` as a JSON string, escaped as serde_json escapes it: runs that need
/// no escape are found sixteen or eight bytes at a time and copied whole.
fn string(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // Start of the bytes not yet copied.
    let mut run = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Sixteen bytes at a time while the text needs no escape (most of
        // it): two words' tests run side by side, for one branch.
        if let Some(sixteen) = bytes.get(at..at + 16)
            && escapes(word_at(sixteen, 0)) | escapes(word_at(sixteen, 8)) == 0
        {
            at += 16;
            continue;
        }
        let hit = if let Some(eight) = bytes.get(at..at + 8) {
            let marks = escapes(word_at(eight, 0));
            if marks == 0 {
                at += 8;
                continue;
            }
            at + (marks.trailing_zeros() / 8) as usize
        } else {
            // Under eight bytes left (all of most mentions' short texts):
            // tested one by one rather than copied into a padded word.
            match bytes[at..].iter().position(|&b| needs_escape(b)) {
                Some(k) => at + k,
                None => break,
            }
        };
        let Some(&byte) = bytes.get(hit) else {
            break;
        };
        out.extend_from_slice(&bytes[run..hit]);
        escape(out, byte);
        run = hit + 1;
        at = hit + 1;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// The escape of `byte`, one [`escapes`] marks.
fn escape(out: &mut Vec<u8>, byte: u8) {
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0C => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(byte >> 4)]);
            out.push(HEX[usize::from(byte & 0xF)]);
            return;
        }
    };
    out.push(b'\\');
    out.push(short);
}

impl Annotation {
    /// Appends the annotation's JSON, one line without its newline, to
    /// `out`: exactly what serde_json writes of it. With `spill`, what
    /// gathers in `out` is written there each time it passes 64 KiB (and `out`
    /// emptied), so a long story is never held whole; the rest is left in
    /// `out` for the caller. `float` writes a float as JSON: the one float,
    /// the anonymous share, must look as serde_json prints floats, and this
    /// crate does not depend on it.
    pub fn write_json(
        &self,
        out: &mut Vec<u8>,
        spill: Option<&mut dyn io::Write>,
        float: fn(&mut Vec<u8>, f64),
    ) -> io::Result<()> {
        let out = &mut Out {
            buf: out,
            spill,
            float,
        };
        out.bytes(b"{\"schema\":");
        out.string(crate::model::SCHEMA);
        out.bytes(b",\"meta\":");
        meta(out, &self.meta);
        out.bytes(b",\"paragraphs\":[");
        for (n, paragraph) in self.paragraphs.iter().enumerate() {
            if n > 0 {
                out.byte(b',');
            }
            out.bytes(b"{\"index\":");
            out.number(paragraph.index as u64);
            out.bytes(b",\"kind\":\"");
            out.bytes(paragraph.kind.as_str().as_bytes());
            out.bytes(b"\",\"text\":");
            out.string(&paragraph.text);
            out.byte(b'}');
            out.boundary()?;
        }
        out.bytes(b"],\"speakers\":[");
        for (n, record) in self.speakers.iter().enumerate() {
            if n > 0 {
                out.byte(b',');
            }
            let speaker = record;
            out.bytes(b"{\"id\":");
            speaker_id(out, n);
            out.bytes(b",\"name\":");
            out.string(&speaker.name);
            out.bytes(b",\"kind\":\"");
            out.bytes(speaker.kind.as_str().as_bytes());
            out.bytes(b"\",\"role\":");
            out.optional(speaker.role.as_deref());
            out.bytes(b",\"country\":");
            out.optional(speaker.country.as_deref());
            out.bytes(b",\"aliases\":");
            strings(out, &speaker.aliases);
            out.bytes(b",\"mentions\":");
            self.write_mentions(out, self.mentions_of(record))?;
            out.byte(b'}');
        }
        out.bytes(b"],\"claims\":[");
        for (n, record) in self.claims.iter().enumerate() {
            if n > 0 {
                out.byte(b',');
            }
            self.write_claim(out, n, record);
            out.boundary()?;
        }
        out.bytes(b"],\"countries\":[");
        for (n, found) in self.countries.iter().enumerate() {
            if n > 0 {
                out.byte(b',');
            }
            out.bytes(b"{\"code\":");
            out.string(found.place.code);
            out.bytes(b",\"name\":");
            out.string(found.place.name);
            out.bytes(b",\"kind\":\"");
            out.bytes(found.place.kind.as_str().as_bytes());
            out.bytes(b"\",\"mentions\":");
            self.write_mentions(out, &found.spans)?;
            out.byte(b'}');
        }
        out.bytes(b"],\"summary\":");
        summary(out, &self.summary);
        out.byte(b'}');
        out.boundary()
    }

    /// The text of `start..end` in paragraph `paragraph`; empty where the
    /// range does not cut it on character boundaries (as `Text::slice` is).
    fn text(&self, paragraph: u32, start: u32, end: u32) -> &str {
        self.paragraphs
            .get(paragraph as usize)
            .and_then(|p| p.text.get(start as usize..end as usize))
            .unwrap_or_default()
    }

    /// A `Span`: `{"paragraph":…,"start":…,"end":…,"text":…}`.
    /// A list of mentions as spans; a long story's list may be long, so the
    /// buffer may be handed on after each.
    fn write_mentions(&self, out: &mut Out, mentions: &[(u32, u32, u32)]) -> io::Result<()> {
        out.byte(b'[');
        for (m, &(paragraph, start, end)) in mentions.iter().enumerate() {
            if m > 0 {
                out.byte(b',');
            }
            self.write_span(out, paragraph, start, end);
            out.boundary()?;
        }
        out.byte(b']');
        Ok(())
    }

    fn write_span(&self, out: &mut Out, paragraph: u32, start: u32, end: u32) {
        out.bytes(b"{\"paragraph\":");
        out.number(u64::from(paragraph));
        out.bytes(b",\"start\":");
        out.number(u64::from(start));
        out.bytes(b",\"end\":");
        out.number(u64::from(end));
        out.bytes(b",\"text\":");
        out.string(self.text(paragraph, start, end));
        out.byte(b'}');
    }

    /// The `n`th claim, as `build_claim` would make it.
    fn write_claim(&self, out: &mut Out, n: usize, record: &ClaimRecord) {
        out.bytes(b"{\"id\":\"c");
        out.number(n as u64 + 1);
        out.bytes(b"\",\"speaker\":");
        match record.speaker() {
            Some(s) => speaker_id(out, s as usize),
            None => out.bytes(b"null"),
        }
        out.bytes(b",\"kind\":\"");
        out.bytes(record.kind.as_str().as_bytes());
        out.bytes(b"\",\"paragraph\":");
        out.number(u64::from(record.paragraph));
        out.bytes(b",\"start\":");
        out.number(u64::from(record.start));
        out.bytes(b",\"end\":");
        out.number(u64::from(record.end));
        out.bytes(b",\"text\":");
        out.string(self.text(record.paragraph, record.start, record.end));
        let extra = record.extra().and_then(|e| self.extras.get(e));
        out.bytes(b",\"parts\":[");
        for (n, &(start, end)) in extra
            .map_or(&[][..], |extra| &extra.parts)
            .iter()
            .enumerate()
        {
            if n > 0 {
                out.byte(b',');
            }
            self.write_span(out, record.paragraph, start, end);
        }
        out.bytes(b"],\"source\":");
        match record.source() {
            Some((paragraph, start, end)) => self.write_span(out, paragraph, start, end),
            None => out.bytes(b"null"),
        }
        out.bytes(b",\"cue\":");
        match record.cue() {
            Some((start, end)) => self.write_span(out, record.paragraph, start, end),
            None => out.bytes(b"null"),
        }
        out.bytes(b",\"channel\":");
        let channel = extra
            .and_then(|extra| extra.channel)
            .map(|(start, end)| self.text(record.paragraph, start, end));
        out.optional(channel);
        out.byte(b'}');
    }
}

/// The id of the speaker at position `s`, quoted: `"s1"` for the first.
fn speaker_id(out: &mut Out, s: usize) {
    out.bytes(b"\"s");
    out.number(s as u64 + 1);
    out.byte(b'"');
}

/// A list of strings.
fn strings(out: &mut Out, list: &[impl AsRef<str>]) {
    out.byte(b'[');
    for (n, item) in list.iter().enumerate() {
        if n > 0 {
            out.byte(b',');
        }
        out.string(item.as_ref());
    }
    out.byte(b']');
}

/// [`Meta`]'s fields in its order, the web page's ones only when present.
fn meta(out: &mut Out, meta: &Meta) {
    out.bytes(b"{\"id\":");
    out.optional(meta.id.as_deref());
    out.bytes(b",\"date\":");
    out.optional(meta.date.as_deref());
    out.bytes(b",\"dateline\":");
    strings(out, &meta.dateline);
    out.bytes(b",\"title\":");
    out.optional(meta.title.as_deref());
    out.bytes(b",\"source\":");
    out.optional(meta.source.as_deref());
    if !meta.authors.is_empty() {
        out.bytes(b",\"authors\":");
        strings(out, &meta.authors);
    }
    let present = [
        ("url", &meta.url),
        ("site", &meta.site),
        ("language", &meta.language),
        ("description", &meta.description),
        ("published", &meta.published),
        ("feed", &meta.feed),
    ];
    for (key, value) in present {
        if let Some(value) = value {
            out.byte(b',');
            out.key(key);
            out.string(value);
        }
    }
    out.byte(b'}');
}

/// [`Summary`]'s fields in its order.
fn summary(out: &mut Out, summary: &Summary) {
    out.bytes(b"{\"claims\":");
    out.number(summary.claims as u64);
    out.bytes(b",\"anonymous_claims\":");
    out.number(summary.anonymous_claims as u64);
    out.bytes(b",\"anonymous_share\":");
    (out.float)(&mut *out.buf, summary.anonymous_share);
    out.bytes(b",\"sources\":");
    out.number(summary.sources as u64);
    out.bytes(b",\"named_sources\":");
    out.number(summary.named_sources as u64);
    out.bytes(b",\"anonymous_sources\":");
    out.number(summary.anonymous_sources as u64);
    out.bytes(b",\"source_countries\":[");
    for (n, country) in summary.source_countries.iter().enumerate() {
        if n > 0 {
            out.byte(b',');
        }
        out.bytes(b"{\"code\":");
        out.string(&country.code);
        out.bytes(b",\"claims\":");
        out.number(country.claims as u64);
        out.byte(b'}');
    }
    out.bytes(b"]}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    fn serde_float(out: &mut Vec<u8>, value: f64) {
        serde_json::to_writer(out, &value).expect("a float writes");
    }

    fn by_hand(annotation: &Annotation, spill: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut spilled = Vec::new();
        let sink: Option<&mut dyn io::Write> = if spill { Some(&mut spilled) } else { None };
        annotation
            .write_json(&mut out, sink, serde_float)
            .expect("memory takes any write");
        spilled.extend_from_slice(&out);
        spilled
    }

    #[test]
    fn a_byte_needs_an_escape_exactly_when_its_word_is_marked() {
        for byte in 0..=255u8 {
            let word = u64::from_le_bytes([b'a', b'a', b'a', byte, b'a', b'a', b'a', b'a']);
            assert_eq!(needs_escape(byte), escapes(word) != 0, "{byte}");
        }
        let mut out = Vec::new();
        string(&mut out, "a\"b\\c\n");
        assert_eq!(out, b"\"a\\\"b\\\\c\\n\"");
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut texts: Vec<String> = [
            "",
            "plain words, long enough to take the eight-byte path",
            "\"quoted\" and back\\slash",
            "tab\there, new\nline, return\r, feed\x0c, bell\x07 back\x08 del\x7f",
            "“curly” quotes — and a café, 東京 \u{1F600}",
            "\x00\x01\x1f\x20\x21",
        ]
        .map(String::from)
        .to_vec();
        // Every escape at every position of an eight-byte word.
        for at in 0..17 {
            texts.push(format!("{}\"{}", "a".repeat(at), "b".repeat(17 - at)));
            texts.push(format!("{}\x1f{}", "é".repeat(at), "b".repeat(at)));
        }
        for text in texts {
            let mut ours = Vec::new();
            string(&mut ours, &text);
            let theirs = serde_json::to_vec(&text).expect("a string writes");
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            );
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in (0..10_001).chain([12345, 99_999, 100_000, u64::from(u32::MAX), u64::MAX]) {
            let mut out = Vec::new();
            number(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
    }

    #[test]
    fn a_story_writes_what_serde_json_writes() {
        let mut article = Article::from_paragraphs(&[
            "Anna Berg, the mayor of a small \"town\", said the bridge would open in May. \
             “We are ready,” she said. “The money is there.”",
            "French officials said talks with Germany and the EU went well, \
             according to a statement.",
            "Ms Berg told reporters by phone that\tnothing\u{7f} had changed.",
        ]);
        article.meta.title = Some("A \"bridge\"".into());
        article.meta.dateline = vec!["PARIS".into(), "BONN\n".into()];
        article.meta.url = Some("https://example.org/a?b=\"c\"".into());
        article.meta.authors = vec!["A. Writer".into()];
        article.meta.feed = Some("News".into());
        let annotation = crate::annotate::annotate_compact(article);
        assert!(annotation.claims.len() >= 2, "the example has claims");
        assert!(
            !annotation.countries.is_empty(),
            "the example has countries"
        );
        let theirs = serde_json::to_vec(&annotation).expect("an annotation writes");
        for spill in [false, true] {
            assert_eq!(
                String::from_utf8_lossy(&by_hand(&annotation, spill)),
                String::from_utf8_lossy(&theirs)
            );
        }
    }
}
