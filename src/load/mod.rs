//! Input → article text and metadata. Reads files read-only; never annotates.
//!
//! [`discover`] turns command-line arguments into [`Source`]s (walking
//! folders); [`open`] reads one source in whatever format it is in
//! ([`InputFormat`]) and returns its stories as [`Input`]s: articles still to
//! annotate, or documents annotated before. Web addresses are fetched
//! ([`fetch`]) and read like files.

mod blocks;
pub mod bom;
mod charset;
mod error;
pub mod feed;
pub mod fetch;
pub mod format;
pub mod html;
pub mod json;
pub mod limits;
pub mod lines;
pub mod markdown;
mod page_index;
mod page_meta;
pub mod plain;
mod tree;
pub mod walk;

use std::io;
use std::path::Path;

pub use blocks::iso_date;
pub use error::{LoadError, id_note};
pub use format::InputFormat;
pub use limits::ReadLimits;
pub use walk::{Source, Sources, discover};

/// A story as the loader found it, before annotation; plain data, so it
/// lives in the core's model (the annotator reads it), named here too.
pub use crate::model::Article;
use crate::model::Document;

/// A story read from somewhere, with anything worth telling the user.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub article: Article,
    /// Problems that did not stop the story from loading ("invalid UTF-8 …").
    pub warnings: Vec<String>,
}

/// One story from an input.
// An article with a web page's metadata is a few hundred bytes; inputs are
// made once per story and moved rarely, so it is not boxed.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Text still to annotate.
    Article(Article),
    /// A `whosaid/1` document, already annotated: shown or passed on as it is.
    Annotated(Box<Document>),
}

/// What one source held: its stories in order, and what went wrong
/// without stopping the rest.
#[derive(Debug, Default)]
pub struct Opened {
    pub inputs: Vec<Input>,
    /// Problems that did not stop anything from loading ("invalid UTF-8 …").
    pub warnings: Vec<String>,
    /// Lines of a JSON Lines file that could not be read (at most
    /// [`MAX_LINE_PROBLEMS`] of them, then one [`LoadError::MoreBadLines`]);
    /// the other lines were read.
    pub problems: Vec<LoadError>,
    /// The number of bad lines, all of them, reported or not.
    pub bad_lines: usize,
}

/// Bad lines of one JSON Lines file reported one by one; the rest are counted.
pub const MAX_LINE_PROBLEMS: usize = 10;

/// Reads one source: a file (read-only) or stdin, in the format its
/// extension names, or else the one its content looks like, within
/// `limits`; or a web page, fetched ([`fetch::open_url`]), within the
/// fetch limits and `limits` both.
pub fn open(source: &Source, limits: &ReadLimits) -> Result<Opened, LoadError> {
    let name = source.name();
    let bytes = match source {
        Source::Stdin => read_bytes(STDIN, limits)?,
        Source::File(path) => read_file(&name, path, limits)?,
        Source::Url(url) => return fetch::open_url(url, &fetch_options(limits)),
    };
    let format = match source {
        Source::File(path) => InputFormat::from_extension(path),
        Source::Stdin | Source::Url(_) => None,
    };
    parse_bytes(&name, bytes, format)
}

/// The fetch limits, narrowed to `limits` when it allows less.
pub fn fetch_options(limits: &ReadLimits) -> fetch::FetchOptions {
    let options = fetch::FetchOptions::default();
    fetch::FetchOptions {
        max_body_bytes: options.max_body_bytes.min(limits.max_bytes),
        ..options
    }
}

/// Bytes of a source named `name` → its stories. `format` is `None` to go
/// by content.
pub fn parse_bytes(
    name: &str,
    bytes: Vec<u8>,
    format: Option<InputFormat>,
) -> Result<Opened, LoadError> {
    let (text, warnings) = decode(name, bytes, format)?;
    let format = format.unwrap_or_else(|| InputFormat::sniff(&text));
    let mut opened = Opened {
        warnings,
        ..Opened::default()
    };
    let story = |mut article: Article| {
        article.meta.source = Some(name.to_string());
        vec![Input::Article(article)]
    };
    opened.inputs = match format {
        InputFormat::Plain => story(plain::parse(&text)),
        InputFormat::Markdown => story(markdown::parse(&text)),
        InputFormat::Html if !html::has_markup(&text) => {
            opened.warnings.push(format!(
                "{name}: named as a web page but holds no HTML markup; read as plain text"
            ));
            story(plain::parse(&text))
        }
        InputFormat::Html => match html::parse(&text) {
            Ok(article) => {
                if !article
                    .paragraphs
                    .iter()
                    .any(|p| p.kind == crate::model::ParagraphKind::Body)
                {
                    opened
                        .warnings
                        .push(format!("{name}: no article text found in the page"));
                }
                story(article)
            }
            Err(html::TooDeep) => {
                return Err(LoadError::TooDeep {
                    path: name.to_string(),
                    limit: html::MAX_DEPTH,
                });
            }
        },
        InputFormat::Json => json::parse_documents(name, &text)?,
        InputFormat::JsonLines => {
            for (index, line) in text.lines().enumerate() {
                match json::parse_line(name, index + 1, line) {
                    Ok(Some(input)) => opened.inputs.push(input),
                    Ok(None) => {}
                    Err(error) => opened.bad_line(error),
                }
            }
            std::mem::take(&mut opened.inputs)
        }
    };
    Ok(opened)
}

impl Opened {
    /// Records a bad line: the first few in full, then only a count.
    pub fn bad_line(&mut self, error: LoadError) {
        self.bad_lines += 1;
        if self.bad_lines <= MAX_LINE_PROBLEMS {
            self.problems.push(error);
            return;
        }
        let count = self.bad_lines - MAX_LINE_PROBLEMS;
        match self.problems.last_mut() {
            Some(LoadError::MoreBadLines { count: more, .. }) => *more = count,
            _ => self.problems.push(LoadError::MoreBadLines {
                path: error.path().to_string(),
                count,
            }),
        }
    }
}

fn read_file(name: &str, path: &Path, limits: &ReadLimits) -> Result<Vec<u8>, LoadError> {
    let file = limits::open_file(name, path, limits)?;
    limits::read_file_bounded(file, name, limits, is_utf16)
}

/// The path that means standard input.
pub const STDIN: &str = "-";

/// Reads a plain-text story from a file, or from standard input when
/// `path` is `-`. [`open`] reads every format.
pub fn read_path(path: &str) -> Result<Loaded, LoadError> {
    let bytes = read_bytes(path, &ReadLimits::default())?;
    let (text, warnings) = decode(path, bytes, Some(InputFormat::Plain))?;
    let mut article = plain::parse(&text);
    article.meta.source = Some(path.to_string());
    Ok(Loaded { article, warnings })
}

/// The bytes of a file, opened read-only, or of standard input for `-`,
/// within `limits`.
pub fn read_bytes(path: &str, limits: &ReadLimits) -> Result<Vec<u8>, LoadError> {
    if path != STDIN {
        return read_file(path, Path::new(path), limits);
    }
    limits::read_bounded(io::stdin().lock(), path, limits, is_utf16)
}

/// NUL bytes belong in text that starts with a UTF-16 byte-order mark.
fn is_utf16(head: &[u8]) -> bool {
    bom::utf16(head).is_some()
}

/// Bytes → text, for a source in `format` (`None`: not known yet), without
/// a byte-order mark. Text with a UTF-16 mark is decoded from UTF-16. NUL
/// characters mean the input is not text. Text that is not valid UTF-8 is,
/// for an HTML page without a UTF-8 mark, decoded with the charset it
/// declares ([`charset`]); for anything else, decoded with U+FFFD for the
/// bad bytes, and a warning.
pub fn decode(
    path: &str,
    mut bytes: Vec<u8>,
    format: Option<InputFormat>,
) -> Result<(String, Vec<String>), LoadError> {
    let not_text = || LoadError::NotText {
        path: path.to_string(),
    };
    if let Some(encoding) = bom::utf16(&bytes) {
        let (text, had_errors) = bom::decode_utf16(encoding, &bytes);
        if text.contains('\0') {
            return Err(not_text());
        }
        let warnings = if had_errors {
            vec![format!(
                "{path}: invalid {}; undecodable bytes shown as U+FFFD",
                encoding.name()
            )]
        } else {
            Vec::new()
        };
        return Ok((text, warnings));
    }
    if bytes.contains(&0) {
        return Err(not_text());
    }
    // Dropped here, once, so no reader meets it (JSON cannot parse it).
    let marked_utf8 = bytes.starts_with(bom::UTF8_BOM);
    if marked_utf8 {
        bytes.drain(..bom::UTF8_BOM.len());
    }
    let error = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, Vec::new())),
        Err(error) => error,
    };
    let bytes = error.as_bytes();
    // A UTF-8 mark outranks a declared charset, as in browsers.
    if !marked_utf8 && format.unwrap_or_else(|| sniff_prefix(bytes)) == InputFormat::Html {
        let (text, encoding, declared) = charset::decode_page(bytes);
        let warnings = if declared {
            Vec::new()
        } else {
            vec![format!(
                "{path}: not UTF-8 and no charset declared; read as {encoding}"
            )]
        };
        return Ok((text, warnings));
    }
    // Counted in the file, mark included.
    let valid_up_to = error.utf8_error().valid_up_to() + if marked_utf8 { 3 } else { 0 };
    let text = String::from_utf8_lossy(bytes).into_owned();
    let warning =
        format!("{path}: invalid UTF-8 at byte {valid_up_to}; undecodable bytes shown as U+FFFD");
    Ok((text, vec![warning]))
}

/// The format of text that is not UTF-8, from its first bytes (all that
/// [`InputFormat::sniff`] needs to tell an HTML page).
fn sniff_prefix(bytes: &[u8]) -> InputFormat {
    InputFormat::sniff(&String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]))
}

/// The story bundled with whosaid, shown when it is run with no arguments.
pub const BUNDLED_STORY: &str =
    include_str!("../../assets/stories/2025-12-16-berlin-security-guarantees.txt");

/// The bundled story's file name, given as its `meta.source`.
pub const BUNDLED_STORY_NAME: &str = "2025-12-16-berlin-security-guarantees.txt";

/// The bundled story, loaded.
/// The bundled story's headline.
const BUNDLED_STORY_TITLE: &str = "Berlin security guarantees";

pub fn bundled() -> Article {
    let mut article = plain::parse(BUNDLED_STORY);
    article.meta.source = Some(BUNDLED_STORY_NAME.to_string());
    // Its text has no headline line; stories without one are named by their
    // lead sentence, but this one has a headline, kept with it here.
    article
        .meta
        .title
        .get_or_insert_with(|| BUNDLED_STORY_TITLE.to_string());
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_bytes_mean_not_text() {
        let error = decode("x.bin", b"abc\0def".to_vec(), None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.bin: not a text file (it contains NUL bytes)"
        );
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let (text, warnings) = decode("x.txt", b"caf\xe9 ok".to_vec(), None).unwrap();
        assert_eq!(text, "caf\u{fffd} ok");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].starts_with("x.txt: invalid UTF-8 at byte 3"));
    }

    #[test]
    fn html_that_is_not_utf8_is_read_in_its_declared_charset() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><p>\x93Caf\xe9\x94</p>";
        for format in [None, Some(InputFormat::Html)] {
            let (text, warnings) = decode("x.html", page.to_vec(), format).unwrap();
            assert!(text.ends_with("<p>\u{201c}Café\u{201d}</p>"), "{text}");
            assert_eq!(warnings, Vec::<String>::new());
        }
    }

    #[test]
    fn html_that_is_not_utf8_and_declares_nothing_is_read_as_windows_1252() {
        let (text, warnings) = decode("x.html", b"<p>Caf\xe9</p>".to_vec(), None).unwrap();
        assert_eq!(text, "<p>Café</p>");
        assert_eq!(
            warnings,
            ["x.html: not UTF-8 and no charset declared; read as windows-1252"]
        );
    }

    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        let mut bytes = if little_endian {
            vec![0xff, 0xfe]
        } else {
            vec![0xfe, 0xff]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_text() {
        let text = "Die Ministerin sagte: „Wir verhandeln.“\n\nZweiter Absatz.";
        for little_endian in [true, false] {
            let bytes = utf16(text, little_endian);
            let (decoded, warnings) = decode("x.txt", bytes.clone(), None).unwrap();
            assert_eq!((decoded.as_str(), warnings.len()), (text, 0));
            let opened = parse_bytes("x.txt", bytes, None).unwrap();
            let Input::Article(article) = &opened.inputs[0] else {
                panic!("an article")
            };
            assert_eq!(article.paragraphs.len(), 2);
        }
        let error = decode("x.txt", utf16("a\0b", true), None).unwrap_err();
        assert!(matches!(error, LoadError::NotText { .. }), "{error}");
    }

    #[test]
    fn a_utf8_byte_order_mark_is_dropped_for_every_format() {
        let document = crate::annotate(&plain::parse("The port reopened."));
        let json = serde_json::to_string(&document).unwrap();
        let jsonl = "{\"text\":\"The port reopened.\"}\n{\"text\":\"Ferries ran.\"}\n";
        for (content, format, stories) in [
            (json.as_str(), Some(InputFormat::Json), 1),
            (json.as_str(), None, 1),
            (jsonl, Some(InputFormat::JsonLines), 2),
            (jsonl, None, 2),
            ("---\ntitle: Ports\n---\nText.", None, 1),
        ] {
            let mut bytes = bom::UTF8_BOM.to_vec();
            bytes.extend_from_slice(content.as_bytes());
            let opened = parse_bytes("x", bytes, format).unwrap();
            assert_eq!(opened.inputs.len(), stories, "{content}");
            assert!(opened.problems.is_empty(), "{:?}", opened.problems);
        }
        let mut page = bom::UTF8_BOM.to_vec();
        page.extend_from_slice(b"---\ntitle: Ports\n---\nText.");
        let opened = parse_bytes("x.md", page, Some(InputFormat::Markdown)).unwrap();
        let Input::Article(article) = &opened.inputs[0] else {
            panic!("an article")
        };
        assert_eq!(article.meta.title.as_deref(), Some("Ports"));
    }

    #[test]
    fn a_utf8_mark_outranks_a_declared_charset() {
        let mut page = bom::UTF8_BOM.to_vec();
        page.extend_from_slice(b"<meta charset=\"windows-1252\"><p>Caf\xc3\xa9 \xff</p>");
        let (text, warnings) = decode("x.html", page, Some(InputFormat::Html)).unwrap();
        assert_eq!(text, "<meta charset=\"windows-1252\"><p>Café \u{fffd}</p>");
        assert!(
            warnings[0].starts_with("x.html: invalid UTF-8 at byte 41"),
            "{warnings:?}"
        );
    }

    #[test]
    fn missing_files_are_named_in_the_error() {
        let error = read_path("/nonexistent/whosaid-test.txt").unwrap_err();
        assert_eq!(
            error.to_string(),
            "/nonexistent/whosaid-test.txt: no such file"
        );
    }

    #[test]
    fn directories_are_refused() {
        let error = read_path("src").unwrap_err();
        assert!(matches!(error, LoadError::IsDirectory { .. }), "{error}");
    }

    #[test]
    fn a_smaller_input_limit_narrows_the_fetch_limit() {
        let small = ReadLimits {
            max_bytes: 1 << 10,
            ..ReadLimits::default()
        };
        assert_eq!(fetch_options(&small).max_body_bytes, 1 << 10);
        assert_eq!(
            fetch_options(&ReadLimits::default()).max_body_bytes,
            fetch::MAX_BODY_BYTES
        );
    }

    #[test]
    fn the_bundled_story_has_its_meta() {
        let article = bundled();
        assert_eq!(article.meta.date.as_deref(), Some("2025-12-16"));
        assert_eq!(article.meta.dateline, ["BERLIN", "KYIV", "WASHINGTON"]);
        assert_eq!(article.meta.id.as_deref(), Some("726748"));
    }
}
