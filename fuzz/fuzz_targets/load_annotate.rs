//! Load + annotate on arbitrary bytes: the first byte picks the format (or
//! sniffing), the rest is the file. With the first byte's high bit set, the
//! second byte counts repeats: the rest, written 8 × that many times, is the
//! file, so a short input reaches the deep shapes (a thousand unclosed
//! `<div>`s, `<div></q>` pairs, nested quotes or brackets) that only show at
//! depth. Nothing may panic, and every document
//! must keep the `whosaid/1` promises, survive a JSON round trip, and print
//! as text and Markdown without one control character.

#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::cli::{write_markdown, write_text};
use whosaid::invariants::check;
use whosaid::load::{Input, InputFormat, parse_bytes};
use whosaid::safe_text::is_unsafe;
use whosaid::{Document, annotate};

const FORMATS: [Option<InputFormat>; 6] = [
    None,
    Some(InputFormat::Plain),
    Some(InputFormat::Markdown),
    Some(InputFormat::Html),
    Some(InputFormat::Json),
    Some(InputFormat::JsonLines),
];

/// The most bytes a repeated shape grows to.
const MAX_REPEATED: usize = 32 * 1024;

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(first & 0x7f) % FORMATS.len()];
    let file = match bytes.split_first() {
        Some((&repeats, shape)) if first & 0x80 != 0 => {
            // Bounded so one input stays well inside libFuzzer's time limit.
            let fits = MAX_REPEATED / shape.len().max(1);
            shape.repeat((8 * usize::from(repeats)).min(fits))
        }
        _ => bytes.to_vec(),
    };
    let Ok(opened) = parse_bytes("fuzz", file, format) else {
        return;
    };
    for input in opened.inputs {
        let doc: Document = match input {
            Input::Article(article) => {
                let doc = annotate(&article);
                if let Err(broken) = check(&doc) {
                    panic!("{broken}");
                }
                doc
            }
            // Documents from elsewhere are shown as they are, never trusted.
            Input::Annotated(doc) => *doc,
        };
        let json = serde_json::to_string(&doc).expect("documents serialize");
        let back: Document = serde_json::from_str(&json).expect("documents read back");
        assert_eq!(back, doc, "the JSON round trip changed the document");
        let mut text = Vec::new();
        write_text(&mut text, &doc).expect("writing to memory works");
        let mut markdown = Vec::new();
        write_markdown(&mut markdown, &doc).expect("writing to memory works");
        for out in [text, markdown] {
            let out = String::from_utf8(out).expect("output is UTF-8");
            assert!(
                !out.chars().any(is_unsafe),
                "a control character in {out:?}"
            );
        }
    }
});
