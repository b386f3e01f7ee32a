//! Input → article text and metadata. Reads files read-only; never annotates.

mod error;
pub mod plain;

use std::fs::File;
use std::io::{self, Read};

pub use error::LoadError;

use crate::model::{Meta, Paragraph};

/// A story as the loader found it, before annotation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    pub meta: Meta,
    pub paragraphs: Vec<Paragraph>,
}

/// A story read from somewhere, with anything worth telling the user.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub article: Article,
    /// Problems that did not stop the story from loading ("invalid UTF-8 …").
    pub warnings: Vec<String>,
}

/// The path that means standard input.
pub const STDIN: &str = "-";

/// Reads a story from a file, or from standard input when `path` is `-`.
pub fn read_path(path: &str) -> Result<Loaded, LoadError> {
    let bytes = read_bytes(path)?;
    let (text, warnings) = decode(path, bytes)?;
    let mut article = plain::parse(&text);
    article.meta.source = Some(path.to_string());
    Ok(Loaded { article, warnings })
}

/// The bytes of a file, opened read-only, or of standard input for `-`.
pub fn read_bytes(path: &str) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    let result = if path == STDIN {
        io::stdin().lock().read_to_end(&mut bytes)
    } else {
        File::open(path).and_then(|mut file| {
            if file.metadata()?.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    "is a directory",
                ));
            }
            file.read_to_end(&mut bytes)
        })
    };
    result.map_err(|error| LoadError::from_io(path, error))?;
    Ok(bytes)
}

/// Bytes → text. NUL bytes mean the input is not text; invalid UTF-8 is
/// replaced with U+FFFD and reported as a warning.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<(String, Vec<String>), LoadError> {
    if bytes.contains(&0) {
        return Err(LoadError::NotText {
            path: path.to_string(),
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, Vec::new())),
        Err(error) => {
            let valid_up_to = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let warning = format!(
                "{path}: invalid UTF-8 at byte {valid_up_to}; undecodable bytes shown as U+FFFD"
            );
            Ok((text, vec![warning]))
        }
    }
}

/// The story bundled with whosaid, shown when it is run with no arguments.
pub const BUNDLED_STORY: &str =
    include_str!("../../assets/stories/2025-12-16-berlin-security-guarantees.txt");

/// The bundled story's file name, given as its `meta.source`.
pub const BUNDLED_STORY_NAME: &str = "2025-12-16-berlin-security-guarantees.txt";

/// The bundled story, loaded.
pub fn bundled() -> Article {
    let mut article = plain::parse(BUNDLED_STORY);
    article.meta.source = Some(BUNDLED_STORY_NAME.to_string());
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_bytes_mean_not_text() {
        let error = decode("x.bin", b"abc\0def".to_vec()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.bin: not a text file (it contains NUL bytes)"
        );
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let (text, warnings) = decode("x.txt", b"caf\xe9 ok".to_vec()).unwrap();
        assert_eq!(text, "caf\u{fffd} ok");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].starts_with("x.txt: invalid UTF-8 at byte 3"));
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
    fn the_bundled_story_has_its_meta() {
        let article = bundled();
        assert_eq!(article.meta.date.as_deref(), Some("2025-12-16"));
        assert_eq!(article.meta.dateline, ["BERLIN", "KYIV", "WASHINGTON"]);
        assert_eq!(article.meta.id.as_deref(), Some("726748"));
    }
}
