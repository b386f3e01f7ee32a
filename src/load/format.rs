//! Which reader a file needs: by its extension when it has a known one,
//! otherwise by its first bytes.

use std::path::Path;

/// The kinds of input whosaid reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text (the layout of [`super::plain`]).
    Plain,
    /// Markdown, with optional `---` front matter.
    Markdown,
    /// A web page.
    Html,
    /// One `whosaid/1` document, or an array of them (`annotate --format json`).
    Json,
    /// One JSON object per line: articles (`{"id","title","date","text"}`)
    /// or `whosaid/1` documents (`annotate --format jsonl`).
    JsonLines,
}

/// The extensions a folder walk picks up, for messages.
pub const STORY_EXTENSIONS: &str = ".txt, .md, .html, .json or .jsonl";

impl InputFormat {
    /// The format an extension names, or `None` when it names none whosaid reads.
    pub fn from_extension(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "txt" | "text" => InputFormat::Plain,
            "md" | "markdown" | "mdown" | "mkd" => InputFormat::Markdown,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "json" => InputFormat::Json,
            "jsonl" | "ndjson" => InputFormat::JsonLines,
            _ => return None,
        })
    }

    /// The format of text with no telling extension (stdin, `notes`, `page.php`).
    pub fn sniff(text: &str) -> Self {
        let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        if start.starts_with('[') || start.starts_with('{') {
            return sniff_json(start);
        }
        if start.starts_with('<') && looks_like_html(start) {
            return InputFormat::Html;
        }
        if start.starts_with("---\n") || start.starts_with("---\r\n") || start.starts_with("# ") {
            return InputFormat::Markdown;
        }
        InputFormat::Plain
    }
}

/// One JSON value is a document (or an array of them); several, one per
/// line, are JSON Lines. Text that is not JSON at all is plain text that
/// happens to start with a bracket ("[Updated] …").
fn sniff_json(text: &str) -> InputFormat {
    if text.starts_with('[') {
        return match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => InputFormat::Json,
            Err(_) => InputFormat::Plain,
        };
    }
    let first_line = text.lines().next().unwrap_or_default();
    let first_is_object = serde_json::from_str::<serde::de::IgnoredAny>(first_line).is_ok();
    let whole_is_one_value = serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
    match (whole_is_one_value, first_is_object) {
        // A one-line file is both: a document if it says it is one.
        (true, true) if !first_line.contains("\"schema\"") => InputFormat::JsonLines,
        (true, _) => InputFormat::Json,
        (false, true) => InputFormat::JsonLines,
        (false, false) => InputFormat::Plain,
    }
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<article",
        "<main",
        "<p>",
        "<p ",
        "<div",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_name_formats() {
        let of = |p: &str| InputFormat::from_extension(Path::new(p));
        assert_eq!(of("a/story.TXT"), Some(InputFormat::Plain));
        assert_eq!(of("notes.md"), Some(InputFormat::Markdown));
        assert_eq!(of("page.htm"), Some(InputFormat::Html));
        assert_eq!(of("doc.json"), Some(InputFormat::Json));
        assert_eq!(of("feed.ndjson"), Some(InputFormat::JsonLines));
        assert_eq!(of("data.tsv"), None);
        assert_eq!(of("README"), None);
    }

    #[test]
    fn content_names_formats_without_an_extension() {
        assert_eq!(
            InputFormat::sniff("\n<!DOCTYPE html><html><p>Hi</p>"),
            InputFormat::Html
        );
        assert_eq!(
            InputFormat::sniff("---\ntitle: A\n---\nText"),
            InputFormat::Markdown
        );
        assert_eq!(
            InputFormat::sniff("# A heading\n\nText"),
            InputFormat::Markdown
        );
        assert_eq!(
            InputFormat::sniff(r#"{"schema":"whosaid/1","meta":{}}"#),
            InputFormat::Json
        );
        assert_eq!(
            InputFormat::sniff("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"),
            InputFormat::JsonLines
        );
        assert_eq!(
            InputFormat::sniff("{\"id\":\"1\",\"text\":\"a\"}\n"),
            InputFormat::JsonLines
        );
        assert_eq!(InputFormat::sniff("[{\"schema\":1}]"), InputFormat::Json);
        assert_eq!(
            InputFormat::sniff("[Updated] The mayor resigned."),
            InputFormat::Plain
        );
        assert_eq!(
            InputFormat::sniff("<3 from the editors. The mayor resigned."),
            InputFormat::Plain
        );
        assert_eq!(InputFormat::sniff("Just words."), InputFormat::Plain);
    }
}
