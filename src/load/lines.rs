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

/// The lines of a reader, each at most `max_line` bytes long. A longer line
/// is reported as soon as it passes the limit, then skipped to its end; one
/// that runs on past `max_skip` bytes (an endless stream with no line
/// break) ends the input.
pub struct Lines<R> {
    reader: R,
    path: String,
    number: usize,
    max_line: usize,
    max_skip: u64,
    /// Set while the rest of an over-long line is being skipped.
    skipping: bool,
    /// Bytes read so far, line ends included.
    consumed: u64,
    done: bool,
}

/// How a line read ended.
enum Read {
    Line(Vec<u8>),
    /// The line passed the limit; its end is still to come.
    TooLong,
    End,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R, path: &str) -> Self {
        Self::with_limit(reader, path, MAX_LINE_BYTES)
    }

    pub fn with_limit(reader: R, path: &str, max_line: usize) -> Self {
        Self::with_limits(reader, path, max_line, u64::MAX)
    }

    /// Lines of at most `max_line` bytes (or `max_skip`, if smaller); an
    /// over-long line is skipped for at most `max_skip` bytes.
    pub fn with_limits(reader: R, path: &str, max_line: usize, max_skip: u64) -> Self {
        Lines {
            reader,
            path: path.to_string(),
            number: 0,
            max_line: max_line.min(usize::try_from(max_skip).unwrap_or(usize::MAX)),
            max_skip,
            skipping: false,
            consumed: 0,
            done: false,
        }
    }

    /// The bytes read so far: for batching by size.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    /// The buffered bytes, waiting out interruptions; empty at the end.
    fn fill(&mut self) -> io::Result<&[u8]> {
        loop {
            match self.reader.fill_buf() {
                // Asked again (from the buffer, no read) because the borrow
                // checker cannot return the first answer out of the loop.
                Ok(_) => return self.reader.fill_buf(),
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
    }

    /// Consumes `used` buffered bytes.
    fn consume(&mut self, used: usize) {
        self.reader.consume(used);
        self.consumed += used as u64;
    }

    /// Reads up to the next `\n`, or until the line passes the limit.
    fn read_line(&mut self) -> io::Result<Read> {
        let max_line = self.max_line;
        let mut bytes = Vec::new();
        loop {
            let buffer = self.fill()?;
            if buffer.is_empty() {
                return Ok(if bytes.is_empty() {
                    Read::End
                } else {
                    Read::Line(bytes)
                });
            }
            let end = buffer.iter().position(|&b| b == b'\n');
            let chunk = &buffer[..end.unwrap_or(buffer.len())];
            if bytes.len() + chunk.len() > max_line {
                // Reported now, not when (if ever) the line ends.
                self.skipping = true;
                return Ok(Read::TooLong);
            }
            bytes.extend_from_slice(chunk);
            let used = chunk.len() + usize::from(end.is_some());
            self.consume(used);
            if end.is_some() {
                return Ok(Read::Line(bytes));
            }
        }
    }

    /// Skips the rest of an over-long line. `Ok(false)`: it ran past
    /// `max_skip` bytes, and the input is given up.
    fn skip_line(&mut self) -> io::Result<bool> {
        let mut skipped = 0u64;
        loop {
            let buffer = self.fill()?;
            if buffer.is_empty() {
                return Ok(true);
            }
            let end = buffer.iter().position(|&b| b == b'\n');
            let used = end.map_or(buffer.len(), |end| end + 1);
            self.consume(used);
            skipped += used as u64;
            if end.is_some() {
                return Ok(true);
            }
            if skipped > self.max_skip {
                return Ok(false);
            }
        }
    }

    fn line_error(&self, message: String) -> LoadError {
        LoadError::Line {
            path: self.path.clone(),
            line: self.number,
            // Not known: the line is not read.
            id: None,
            message,
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Result<Line, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let io_error = |lines: &mut Self, error| {
            lines.done = true;
            Some(Err(LoadError::from_io(&lines.path, error)))
        };
        if std::mem::take(&mut self.skipping) {
            match self.skip_line() {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    return Some(Err(LoadError::Unended {
                        path: self.path.clone(),
                        line: self.number,
                        skipped: super::limits::size_text(self.max_skip),
                    }));
                }
                Err(error) => return io_error(self, error),
            }
        }
        let read = match self.read_line() {
            Ok(read) => read,
            Err(error) => return io_error(self, error),
        };
        self.number += 1;
        Some(match read {
            Read::End => {
                self.done = true;
                return None;
            }
            Read::Line(bytes) => Ok(match String::from_utf8(bytes) {
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
            Read::TooLong => Err(self.line_error(format!(
                "line longer than {} (the limit); skipped",
                super::limits::size_text(self.max_line as u64)
            ))),
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
        assert_eq!(error, "-:3: line longer than 10 bytes (the limit); skipped");
        assert_eq!(lines[3].as_ref().unwrap().text, "last");
    }

    /// An endless line is reported when it passes the limit, not when it
    /// ends (never), and ends the input once it runs past the skip limit.
    #[test]
    fn an_endless_line_is_reported_at_the_limit_and_ends_the_input() {
        let endless = io::BufReader::new(io::repeat(b'x'));
        let mut lines = Lines::with_limits(endless, "-", 1000, 1 << 20);
        let error = lines.next().unwrap().unwrap_err().to_string();
        assert_eq!(
            error,
            "-:1: line longer than 1000 bytes (the limit); skipped"
        );
        assert!(lines.consumed() < 1000, "read before the report");
        let error = lines.next().unwrap().unwrap_err().to_string();
        assert_eq!(
            error,
            "-:1: no line end in the 1 MiB after it; the rest of - is not read"
        );
        assert!(lines.next().is_none());
    }

    #[test]
    fn an_empty_input_has_no_lines() {
        assert_eq!(Lines::new(io::Cursor::new(""), "-").count(), 0);
        assert_eq!(Lines::new(io::Cursor::new("\n"), "-").count(), 1);
    }
}
