//! A response's body: decompressed, and read no further than the limit.
//! ureq decodes gzip and brotli itself; deflate is decoded here.

use std::io::{BufRead, BufReader, Read};

use flate2::bufread::{DeflateDecoder, GzDecoder, ZlibDecoder};
use ureq::http::{HeaderMap, Response, header};

use super::{FetchErrorKind, FetchOptions, size_text};

/// Why a body could not be read.
pub(super) enum Failure {
    Kind(FetchErrorKind),
    /// From the network, worded by the caller, which knows the host.
    Ureq(ureq::Error),
}

/// The body of `response`, decompressed, if it is no larger than
/// `options.max_body_bytes`; reading stops just past the limit, and
/// nothing read is kept then.
pub(super) fn read(
    response: Response<ureq::Body>,
    headers: &HeaderMap,
    options: &FetchOptions,
) -> Result<Vec<u8>, Failure> {
    let limit = options.max_body_bytes;
    let too_large = || {
        Failure::Kind(FetchErrorKind::TooLarge {
            limit: size_text(limit),
        })
    };
    // Said to be too large: not read at all.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(too_large());
    }
    let encoding = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let raw = response.into_body().into_reader();
    let decoded: Box<dyn Read> = match encoding.as_str() {
        // Decoded by ureq already.
        "" | "identity" | "gzip" | "br" => Box::new(raw),
        "x-gzip" => Box::new(GzDecoder::new(BufReader::new(raw))),
        "deflate" => deflate(BufReader::new(raw)).map_err(|e| decode_failure(&encoding, &e))?,
        other => {
            return Err(Failure::Kind(FetchErrorKind::Decode {
                encoding: other.chars().take(40).collect(),
                message: "not a compression whosaid reads".to_string(),
            }));
        }
    };
    let mut body = Vec::new();
    if let Err(error) = decoded.take(limit + 1).read_to_end(&mut body) {
        return Err(io_failure(&encoding, error));
    }
    if body.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(body)
}

/// `deflate` is meant to be zlib-wrapped, but some servers send the bare
/// stream: the first two bytes tell which.
fn deflate<R: BufRead + 'static>(mut reader: R) -> std::io::Result<Box<dyn Read>> {
    let head = reader.fill_buf()?;
    let zlib = head.len() >= 2
        && head[0] & 0x0f == 8
        && (u16::from(head[0]) << 8 | u16::from(head[1])).is_multiple_of(31);
    Ok(if zlib {
        Box::new(ZlibDecoder::new(reader))
    } else {
        Box::new(DeflateDecoder::new(reader))
    })
}

/// A read error: ureq's own (a timeout, the network) when it is one, else
/// a body that would not decompress.
fn io_failure(encoding: &str, error: std::io::Error) -> Failure {
    let from_ureq = error
        .get_ref()
        .is_some_and(|inner| inner.is::<ureq::Error>());
    if from_ureq || encoding.is_empty() || encoding == "identity" {
        // Unwrapped: a timeout while reading is told as one.
        return Failure::Ureq(ureq::Error::from(error));
    }
    decode_failure(encoding, &error)
}

fn decode_failure(encoding: &str, error: &std::io::Error) -> Failure {
    Failure::Kind(FetchErrorKind::Decode {
        encoding: encoding.to_string(),
        message: error.to_string(),
    })
}
