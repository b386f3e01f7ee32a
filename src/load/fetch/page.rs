//! A fetched page → stories, as [`crate::load::open`] reads a file: the
//! content type picks the reader, the header's charset (else the page's
//! own `<meta charset>`) the decoding, and `meta.url` says where the story
//! is published.

use encoding_rs::{Encoding, UTF_8};

use super::{FetchError, FetchErrorKind, FetchOptions, FetchStatus, Fetched, address, fetch};
use crate::load::{Input, InputFormat, LoadError, Opened, bom, parse_bytes};

/// Fetches `url` and reads its stories. `meta.source` is `url` as given;
/// `meta.url` is the page's canonical address when it gives one (resolved
/// against the address it came from, if relative), else the address it
/// came from after redirects (for a source of one story: a JSON file of
/// many gives each its own).
pub fn open_url(url: &str, options: &FetchOptions) -> Result<Opened, LoadError> {
    let fetched = fetch(url, options, None)?;
    let format = readable(url, &fetched)?;
    let bytes = in_header_charset(fetched.body, fetched.charset.as_deref());
    let mut opened = parse_bytes(url, bytes, format)?;
    // A page is one story; a JSON Lines file of many says where each is.
    let one_story = opened.inputs.len() == 1;
    if one_story {
        for input in &mut opened.inputs {
            if let Input::Article(article) = input {
                article.meta.url = Some(match article.meta.url.take() {
                    Some(canonical) => address::resolve(&fetched.url, &canonical),
                    None => fetched.url.clone(),
                });
            }
        }
    }
    Ok(opened)
}

/// The reader for what was fetched, if it can be read: a body (a 304 to
/// an unconditional request has none) of a content type whosaid reads.
pub fn readable(url: &str, fetched: &Fetched) -> Result<Option<InputFormat>, FetchError> {
    let fail = |kind| FetchError::new(url, kind);
    if fetched.status == FetchStatus::NotModified {
        return Err(fail(FetchErrorKind::Status {
            code: 304,
            reason: "Not Modified, to a request that was not conditional".to_string(),
        }));
    }
    format_of(fetched.content_type.as_deref()).map_err(fail)
}

/// The reader for a content type; `None`: go by the content. Pages and
/// text are read, and the JSON whosaid writes; anything else is refused
/// rather than shown as garbage.
fn format_of(content_type: Option<&str>) -> Result<Option<InputFormat>, FetchErrorKind> {
    let Some(content_type) = content_type else {
        return Ok(None);
    };
    Ok(match content_type {
        "text/html" | "application/xhtml+xml" => Some(InputFormat::Html),
        "text/markdown" | "text/x-markdown" => Some(InputFormat::Markdown),
        // Servers label many text files so: their content tells more.
        "text/plain" | "application/json" | "text/json" => None,
        "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" => {
            Some(InputFormat::JsonLines)
        }
        other => {
            return Err(FetchErrorKind::Unsupported {
                content_type: other.chars().take(80).collect(),
            });
        }
    })
}

/// The body in UTF-8 when the header names another charset whosaid knows
/// (it outranks the page's `<meta>`, as in browsers; a byte-order mark
/// outranks both). Otherwise as it came, for the loader to decode as it
/// does a file: UTF-8, else the page's `<meta charset>`, else windows-1252.
fn in_header_charset(body: Vec<u8>, charset: Option<&str>) -> Vec<u8> {
    let Some(encoding) = charset.and_then(|c| Encoding::for_label(c.as_bytes())) else {
        return body;
    };
    if encoding == UTF_8 || body.starts_with(bom::UTF8_BOM) || bom::utf16(&body).is_some() {
        return body;
    }
    let (text, _) = encoding.decode_without_bom_handling(&body);
    text.into_owned().into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_pick_the_reader_or_are_refused() {
        assert_eq!(format_of(Some("text/html")), Ok(Some(InputFormat::Html)));
        assert_eq!(format_of(Some("text/plain")), Ok(None));
        assert_eq!(format_of(None), Ok(None));
        for refused in ["image/png", "application/pdf", "application/octet-stream"] {
            let error = format_of(Some(refused)).unwrap_err();
            assert_eq!(
                error.to_string(),
                format!("not a web page or text ({refused}); not read")
            );
        }
    }

    #[test]
    fn the_header_charset_decodes_the_body() {
        let body = b"<p>Caf\xe9</p>".to_vec();
        assert_eq!(
            in_header_charset(body.clone(), Some("ISO-8859-1")),
            "<p>Café</p>".as_bytes()
        );
        assert_eq!(in_header_charset(body.clone(), Some("klingon")), body);
        assert_eq!(in_header_charset(body.clone(), None), body);
    }
}
