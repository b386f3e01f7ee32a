//! How much whosaid reads, and from what: every input is read through a
//! bounded reader, so an endless one (`/dev/zero`, a pipe that never
//! closes) ends with a message instead of filling memory, and files that
//! are not regular files (devices, named pipes, sockets) are refused unless
//! the user asks for them.

use std::fs::{self, File, FileType};
use std::io::Read;
use std::path::Path;

use super::LoadError;

/// The default for [`ReadLimits::max_bytes`]: generous for any story, and
/// for a folder of them read one file at a time.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 1 << 30;

/// The largest [`ReadLimits::max_bytes`]: the annotator keeps offsets into
/// a paragraph in 32 bits, so no input may be 4 GiB or more.
pub const MAX_INPUT_BYTES: u64 = u32::MAX as u64;

/// What an input may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLimits {
    /// The most bytes read from one input (a file, or stdin) as a whole.
    /// JSON Lines streamed a line at a time may be longer, but no line of
    /// them may be ([`super::lines`]).
    pub max_bytes: u64,
    /// Read character devices, named pipes and sockets given as paths.
    /// Standard input (`-`) is read whatever it is.
    pub allow_special_files: bool,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_bytes: DEFAULT_MAX_INPUT_BYTES,
            allow_special_files: false,
        }
    }
}

/// Opens the file at `path` (named `name` in messages) for reading, if the
/// limits allow it: a regular file no larger than the limit, or any file at
/// all when special files are allowed.
pub fn open_file(name: &str, path: &Path, limits: &ReadLimits) -> Result<File, LoadError> {
    let io_error = |error| LoadError::from_io(name, error);
    // Checked before opening: opening a named pipe blocks until something
    // writes to it. Checked again after, on what was really opened.
    check_kind(
        name,
        fs::metadata(path).map_err(io_error)?.file_type(),
        limits,
    )?;
    let file = File::open(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    check_kind(name, metadata.file_type(), limits)?;
    if metadata.is_file() && metadata.len() > limits.max_bytes {
        return Err(too_large(name, limits));
    }
    Ok(file)
}

fn check_kind(name: &str, kind: FileType, limits: &ReadLimits) -> Result<(), LoadError> {
    if kind.is_dir() {
        return Err(LoadError::IsDirectory {
            path: name.to_string(),
        });
    }
    if kind.is_file() || limits.allow_special_files {
        return Ok(());
    }
    Err(LoadError::NotRegular {
        path: name.to_string(),
        kind: describe(kind),
    })
}

#[cfg(unix)]
fn describe(kind: FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn describe(_: FileType) -> &'static str {
    "a special file"
}

/// All of `reader`, at most `limits.max_bytes` of it. Stops early at a NUL
/// byte unless `keep_nul(first bytes)` says NULs belong there (UTF-16
/// text): text never holds one, so `/dev/zero` on stdin, or a video named
/// `.txt`, is refused at once rather than read to the limit.
pub fn read_bounded(
    reader: impl Read,
    name: &str,
    limits: &ReadLimits,
    keep_nul: impl Fn(&[u8]) -> bool,
) -> Result<Vec<u8>, LoadError> {
    read_into(
        reader,
        Vec::with_capacity(CHUNK as usize),
        name,
        limits,
        keep_nul,
    )
}

/// [`read_bounded`] for a file opened with [`open_file`]: room for the
/// whole file is made at once, so a 100 MB story takes 100 MB and not the
/// 128 MB that growing by doubling would leave it (the reader's peak
/// memory is while the story is read and split into paragraphs).
pub fn read_file_bounded(
    file: File,
    name: &str,
    limits: &ReadLimits,
    keep_nul: impl Fn(&[u8]) -> bool,
) -> Result<Vec<u8>, LoadError> {
    // A file that grows while read still reads right, only with a copy.
    let len = file.metadata().map_or(0, |m| m.len()).min(limits.max_bytes);
    let room = usize::try_from(len).unwrap_or(0).max(CHUNK as usize);
    read_into(file, Vec::with_capacity(room), name, limits, keep_nul)
}

fn read_into(
    mut reader: impl Read,
    mut bytes: Vec<u8>,
    name: &str,
    limits: &ReadLimits,
    keep_nul: impl Fn(&[u8]) -> bool,
) -> Result<Vec<u8>, LoadError> {
    // Read straight into `bytes`, which is not zeroed first: a buffer of
    // its own for the chunks was zeroed for every input, a tenth of the
    // time of reading a news story.
    loop {
        let start = bytes.len();
        let read = reader
            .by_ref()
            .take(CHUNK)
            .read_to_end(&mut bytes)
            .map_err(|error| LoadError::from_io(name, error))?;
        if bytes.len() as u64 > limits.max_bytes {
            return Err(too_large(name, limits));
        }
        // A byte-order mark has no NUL, so the first bytes in tell.
        if has_nul(&bytes[start..]) && !keep_nul(&bytes[..bytes.len().min(4)]) {
            return Err(LoadError::NotText {
                path: name.to_string(),
            });
        }
        // Less than a chunk: `read_to_end` stopped at the end of the input.
        if (read as u64) < CHUNK {
            return Ok(bytes);
        }
    }
}

/// Whether `bytes` hold a NUL: tested 64 bytes at a time with no branch a
/// byte, which the compiler turns into vector compares (`contains` went
/// through `memchr` a word at a time: a tenth of the reading time).
fn has_nul(bytes: &[u8]) -> bool {
    let (blocks, rest) = bytes.as_chunks::<64>();
    blocks
        .iter()
        .any(|block| block.iter().fold(false, |nul, &byte| nul | (byte == 0)))
        || rest.contains(&0)
}

/// How much is read before the limit and NULs are checked.
const CHUNK: u64 = 1 << 16;

fn too_large(name: &str, limits: &ReadLimits) -> LoadError {
    LoadError::TooLarge {
        path: name.to_string(),
        limit: size_text(limits.max_bytes),
    }
}

/// `bytes` as people write sizes: "1 GiB", "64 MiB", "1500 bytes".
pub fn size_text(bytes: u64) -> String {
    const UNITS: [(&str, u32); 4] = [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)];
    for (unit, shift) in UNITS {
        if bytes >= 1 << shift && bytes.is_multiple_of(1 << shift) {
            return format!("{} {unit}", bytes >> shift);
        }
    }
    format!("{bytes} bytes")
}

/// A `--max-input-size`: a size ([`parse_size`]) up to 4 GiB, which means
/// [`MAX_INPUT_BYTES`].
pub fn parse_input_size(text: &str) -> Result<u64, String> {
    let bytes = parse_size(text)?;
    if bytes > MAX_INPUT_BYTES + 1 {
        return Err(format!(
            "{text:?} is more than whosaid can read of one input (4G)"
        ));
    }
    Ok(bytes.min(MAX_INPUT_BYTES))
}

/// A size as the user writes it: a number of bytes with an optional unit,
/// `K`, `M`, `G` or `T` (powers of 1024; `KiB`, `MB`, `g` are the same).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a size (a number, then K, M, G or T)"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => return Err(format!("{text:?}: unknown unit (use K, M, G or T)")),
    };
    let bytes = number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("{text:?} is too large"))?;
    if bytes == 0 {
        return Err("the size must be at least 1 byte".to_string());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    #[test]
    fn a_nul_is_found_wherever_it_is() {
        for length in [0, 1, 63, 64, 65, 200] {
            let clean = vec![b'a'; length];
            assert!(!has_nul(&clean), "{length}");
            for at in 0..length {
                let mut bytes = clean.clone();
                bytes[at] = 0;
                assert!(has_nul(&bytes), "{length} {at}");
            }
        }
    }

    fn limit(max_bytes: u64) -> ReadLimits {
        ReadLimits {
            max_bytes,
            ..ReadLimits::default()
        }
    }

    #[test]
    fn sizes_parse_in_binary_units() {
        assert_eq!(parse_size("1500"), Ok(1500));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("2 MiB"), Ok(2 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size("3TB"), Ok(3 << 40));
        assert!(parse_size("0").is_err());
        assert!(parse_size("big").is_err());
        assert!(parse_size("5 parsecs").is_err());
        assert!(parse_size("99999999999T").is_err());
        assert_eq!(parse_input_size("4G"), Ok(MAX_INPUT_BYTES));
        assert!(parse_input_size("5G").is_err());
        assert_eq!(size_text(1 << 30), "1 GiB");
        assert_eq!(size_text(64 << 20), "64 MiB");
        assert_eq!(size_text(1500), "1500 bytes");
    }

    #[test]
    fn reading_stops_at_the_limit() {
        let endless = io::repeat(b'a');
        let error = read_bounded(endless, "-", &limit(100_000), |_| false).unwrap_err();
        assert_eq!(
            error.to_string(),
            "-: larger than 100000 bytes (the limit; see --max-input-size); not read"
        );
        let bytes = read_bounded(&b"abc"[..], "-", &limit(3), |_| false).unwrap();
        assert_eq!(bytes, b"abc");
    }

    #[test]
    fn reading_stops_at_the_first_nul_unless_it_belongs() {
        let zeros = io::repeat(0);
        let error = read_bounded(zeros, "-", &ReadLimits::default(), |_| false).unwrap_err();
        assert!(matches!(error, LoadError::NotText { .. }), "{error}");
        let bytes = read_bounded(&b"\xff\xfea\0"[..], "-", &limit(10), |head| {
            head.starts_with(b"\xff\xfe")
        })
        .unwrap();
        assert_eq!(bytes, b"\xff\xfea\0");
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_refused_unless_allowed() {
        let error =
            open_file("/dev/zero", Path::new("/dev/zero"), &ReadLimits::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "/dev/zero: not a regular file (a character device); not read (use - for standard input, or --allow-special-files)"
        );
        let allowed = ReadLimits {
            allow_special_files: true,
            ..ReadLimits::default()
        };
        assert!(open_file("/dev/zero", Path::new("/dev/zero"), &allowed).is_ok());
    }

    #[test]
    fn files_over_the_limit_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        fs::write(&path, "0123456789").unwrap();
        let error = open_file("big.txt", &path, &limit(9)).unwrap_err();
        assert!(matches!(error, LoadError::TooLarge { .. }), "{error}");
        assert!(open_file("big.txt", &path, &limit(10)).is_ok());
    }
}
