//! Reading JSON Lines a line at a time, in memory bounded by the longest
//! line allowed, for `annotate --input jsonl`.

use std::io::{self, BufRead};

use super::LoadError;

/// Lines longer than this are reported and skipped rather than held in memory.
pub const MAX_LINE_BYTES: usize = 64 << 20;

/// One line of input: its number (from 1) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    pub text: String,
    /// Set when the line was not valid UTF-8 and was decoded lossily.
    pub lossy: bool,
}

/// The lines of a reader, each at most [`MAX_LINE_BYTES`] long.
pub struct Lines<R> {
    reader: R,
    path: String,
    number: usize,
    max_bytes: usize,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R, path: &str) -> Self {
        Self::with_limit(reader, path, MAX_LINE_BYTES)
    }

    pub fn with_limit(reader: R, path: &str, max_bytes: usize) -> Self {
        Lines {
            reader,
            path: path.to_string(),
            number: 0,
            max_bytes,
            done: false,
        }
    }

    /// Reads up to the next `\n`; `Ok(None)` at the end. A line over the
    /// limit is consumed to its end and returned as an error.
    fn read_line(&mut self) -> io::Result<Option<Result<Vec<u8>, usize>>> {
        let mut bytes = Vec::new();
        let mut length = 0usize;
        loop {
            let buffer = match self.reader.fill_buf() {
                Ok(buffer) => buffer,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if buffer.is_empty() {
                return Ok((length > 0).then_some(if length > self.max_bytes {
                    Err(length)
                } else {
                    Ok(bytes)
                }));
            }
            let (chunk, found_end) = match buffer.iter().position(|&b| b == b'\n') {
                Some(end) => (&buffer[..end], true),
                None => (buffer, false),
            };
            length += chunk.len();
            if length <= self.max_bytes {
                bytes.extend_from_slice(chunk);
            } else {
                bytes = Vec::new();
            }
            let used = chunk.len() + usize::from(found_end);
            self.reader.consume(used);
            if found_end {
                return Ok(Some(if length > self.max_bytes {
                    Err(length)
                } else {
                    Ok(bytes)
                }));
            }
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Result<Line, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let read = match self.read_line() {
            Ok(read) => read,
            Err(error) => {
                self.done = true;
                return Some(Err(LoadError::from_io(&self.path, error)));
            }
        };
        self.number += 1;
        Some(match read? {
            Ok(bytes) => Ok(match String::from_utf8(bytes) {
                Ok(text) => Line {
                    number: self.number,
                    text,
                    lossy: false,
                },
                Err(error) => Line {
                    number: self.number,
                    text: String::from_utf8_lossy(error.as_bytes()).into_owned(),
                    lossy: true,
                },
            }),
            Err(length) => Err(LoadError::Line {
                path: self.path.clone(),
                line: self.number,
                message: format!(
                    "line too long ({length} bytes; the limit is {})",
                    self.max_bytes
                ),
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_decoded_and_bounded() {
        let input: &[u8] = b"one\r\ntw\xffo\n0123456789abc\nlast";
        let reader = io::BufReader::with_capacity(4, input);
        let lines: Vec<_> = Lines::with_limit(reader, "-", 10).collect();
        assert_eq!(lines.len(), 4);
        let line = lines[0].as_ref().unwrap();
        assert_eq!(
            (line.number, line.text.as_str(), line.lossy),
            (1, "one\r", false)
        );
        let line = lines[1].as_ref().unwrap();
        assert_eq!((line.text.as_str(), line.lossy), ("tw\u{fffd}o", true));
        let error = lines[2].as_ref().unwrap_err().to_string();
        assert_eq!(error, "-:3: line too long (13 bytes; the limit is 10)");
        assert_eq!(lines[3].as_ref().unwrap().text, "last");
    }

    #[test]
    fn an_empty_input_has_no_lines() {
        assert_eq!(Lines::new(io::Cursor::new(""), "-").count(), 0);
        assert_eq!(Lines::new(io::Cursor::new("\n"), "-").count(), 1);
    }
}
