//! Why a fetch failed: one line naming the address, for each way it can.

use thiserror::Error;

/// A fetch that gave no page. Displays as `URL: reason`, the URL as the
/// caller gave it; messages may quote the server (a status's reason, a
/// header) or a library, so they are untrusted text, sanitised where
/// they are shown like every other message.
#[derive(Debug, Error)]
#[error("{url}: {kind}")]
pub struct FetchError {
    /// The address as given to [`super::fetch`].
    pub url: String,
    pub kind: FetchErrorKind,
}

/// What went wrong, worded to follow the address.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum FetchErrorKind {
    /// Not an http or https address (`file:`, `ftp:`, `javascript:`, `data:` …).
    #[error("not fetched: only http and https addresses are read, not {scheme}:")]
    Scheme { scheme: String },
    /// An http(s) address that cannot be requested as written.
    #[error("not a valid web address ({reason})")]
    BadAddress { reason: String },
    #[error("cannot find the server {host} (DNS lookup failed)")]
    HostNotFound { host: String },
    #[error("the server refused the connection")]
    Refused,
    #[error("no answer within {seconds} (timed out)")]
    Timeout { seconds: String },
    /// An HTTP error status (4xx, 5xx, or a 3xx with nowhere to go).
    #[error("the server answered {code}{}", reason_note(.reason))]
    Status { code: u16, reason: String },
    #[error("larger than {limit}; not read")]
    TooLarge { limit: String },
    /// Content whosaid does not read (an image, a PDF …).
    #[error("not a web page or text ({content_type}); not read")]
    Unsupported { content_type: String },
    #[error("redirected more than {limit} times; not followed further")]
    TooManyRedirects { limit: usize },
    #[error("redirect loop (back to {to})")]
    RedirectLoop { to: String },
    /// A redirect to an address that is not http or https.
    #[error("redirected to {to}, which is not an http or https address; not followed")]
    RedirectScheme { to: String },
    /// The body could not be decompressed.
    #[error("cannot decode the {encoding} body: {message}")]
    Decode { encoding: String, message: String },
    /// Anything else the network or TLS layer reported.
    #[error("cannot fetch: {message}")]
    Network { message: String },
}

fn reason_note(reason: &str) -> String {
    if reason.is_empty() {
        String::new()
    } else {
        format!(" {reason}")
    }
}

impl FetchError {
    pub(crate) fn new(url: &str, kind: FetchErrorKind) -> Self {
        FetchError {
            url: url.to_string(),
            kind,
        }
    }
}
