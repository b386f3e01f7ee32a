//! Fetching from the web, politely and within bounds: [`fetch`] gets one
//! address over http or https and returns its body, decompressed, with
//! what a later request needs to ask "has it changed?" ([`Validators`]);
//! [`open_url`] turns a fetched page into stories, as [`super::open`] does
//! a file.
//!
//! Every request names whosaid ([`USER_AGENT`]), follows at most
//! [`MAX_REDIRECTS`] redirects and only to http(s), gives up after
//! [`CONNECT_TIMEOUT`] to connect and [`RESPONSE_TIMEOUT`] in all, reads at
//! most [`MAX_BODY_BYTES`], and waits its turn in [`limiter::shared`] (a
//! few requests per host, a few in all). Blocking, no async runtime: the
//! reader fetches on its loader thread.

pub mod address;
mod body;
mod error;
pub mod limiter;
mod page;

use std::time::{Duration, Instant};

use ureq::Agent;
use ureq::http::{HeaderMap, StatusCode, header};

pub use error::{FetchError, FetchErrorKind};
pub use page::{open_url, readable};

/// The User-Agent of every request: who is asking, and where to read about it.
pub const USER_AGENT: &str = concat!(
    "whosaid/",
    env!("CARGO_PKG_VERSION"),
    " (+https://github.com/whosaid/whosaid)"
);
/// Redirects followed for one fetch, at most.
pub const MAX_REDIRECTS: usize = 5;
/// Time to connect (DNS, TCP and TLS), at most.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Time for the whole fetch, redirects and body included, at most.
pub const RESPONSE_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest body read (after decompression): far more than any story.
pub const MAX_BODY_BYTES: u64 = 10_000_000;
/// The compressions whosaid decodes.
pub const ACCEPT_ENCODING: &str = "gzip, deflate, br";
/// What a page fetch asks for: pages first, text next, anything else last
/// (refused or not by the caller, from its content type).
pub const ACCEPT_PAGES: &str = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";

/// How one fetch may go. The defaults are the limits above; tests shorten
/// the timeouts, and a caller fetching feeds asks for other content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    pub connect_timeout: Duration,
    /// For the whole fetch, redirects and body included, from when its
    /// first request may start (a wait for a turn is not counted).
    pub timeout: Duration,
    /// The most bytes of body kept, decompressed; more is an error.
    pub max_body_bytes: u64,
    pub max_redirects: usize,
    /// The `Accept` header.
    pub accept: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: CONNECT_TIMEOUT,
            timeout: RESPONSE_TIMEOUT,
            max_body_bytes: MAX_BODY_BYTES,
            max_redirects: MAX_REDIRECTS,
            accept: ACCEPT_PAGES.to_string(),
        }
    }
}

/// What a server said identifies the version it sent: given back to
/// [`fetch`], it asks for the body only if it has changed since.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` header, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// Whether the body came, or the server said the caller's copy is current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchStatus {
    /// A 2xx answer with a body (the status code).
    Ok(u16),
    /// 304: unchanged since the [`Validators`] given; the body is empty.
    NotModified,
}

/// A successful fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The address answered from, after redirects.
    pub url: String,
    pub status: FetchStatus,
    /// The media type, lowercased, without parameters (`text/html`).
    pub content_type: Option<String>,
    /// The `charset` parameter of the `Content-Type` header, as sent.
    pub charset: Option<String>,
    /// The body, decompressed; empty for [`FetchStatus::NotModified`].
    pub body: Vec<u8>,
    /// This version's validators, for the next conditional fetch. On a
    /// 304, the server's if it sent any, else the ones given.
    pub validators: Validators,
}

/// Fetches `url` (http or https only) with `options`. With `validators`
/// (from an earlier [`Fetched`]) the request is conditional, and an
/// unchanged resource comes back as [`FetchStatus::NotModified`].
/// Redirects are followed to http(s) addresses only; an HTTP error status,
/// a body over the limit, a timeout or any network failure is a
/// [`FetchError`] naming `url`.
pub fn fetch(
    url: &str,
    options: &FetchOptions,
    validators: Option<&Validators>,
) -> Result<Fetched, FetchError> {
    let fail = |kind| FetchError::new(url, kind);
    check_scheme(url).map_err(fail)?;
    // Set once the first request may start: waiting for a turn in the
    // limiter is not the server's slowness.
    let mut deadline = None;
    let agent = agent(options);
    let mut current = url.to_string();
    let mut visited = vec![current.clone()];
    loop {
        let host = address::host(&current).ok_or_else(|| {
            fail(FetchErrorKind::BadAddress {
                reason: "no host".to_string(),
            })
        })?;
        // Held until the body is read: the request is running till then.
        let _permit = limiter::shared().acquire(&host);
        let deadline = *deadline.get_or_insert_with(|| Instant::now() + options.timeout);
        let remaining = deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(fail(timeout(options.timeout)));
        }
        let mut request = agent
            .get(&current)
            .config()
            .timeout_global(Some(remaining))
            .build()
            .header(header::ACCEPT, &options.accept);
        if let Some(validators) = validators {
            if let Some(etag) = &validators.etag {
                request = request.header(header::IF_NONE_MATCH, etag);
            }
            if let Some(since) = &validators.last_modified {
                request = request.header(header::IF_MODIFIED_SINCE, since);
            }
        }
        let response = request
            .call()
            .map_err(|error| fail(classify(error, &host, options)))?;
        let status = response.status();
        let headers = response.headers().clone();
        if status == StatusCode::NOT_MODIFIED {
            let sent = validators_of(&headers);
            return Ok(Fetched {
                url: current,
                status: FetchStatus::NotModified,
                content_type: None,
                charset: None,
                body: Vec::new(),
                validators: if sent == Validators::default() {
                    validators.cloned().unwrap_or_default()
                } else {
                    sent
                },
            });
        }
        if status.is_redirection()
            && let Some(location) = header_text(&headers, header::LOCATION)
        {
            let next = address::resolve(&current, location);
            if !address::is_web(&next) {
                return Err(fail(FetchErrorKind::RedirectScheme { to: next }));
            }
            if visited.contains(&next) {
                return Err(fail(FetchErrorKind::RedirectLoop { to: next }));
            }
            if visited.len() > options.max_redirects {
                return Err(fail(FetchErrorKind::TooManyRedirects {
                    limit: options.max_redirects,
                }));
            }
            visited.push(next.clone());
            current = next;
            continue;
        }
        if !status.is_success() {
            return Err(fail(FetchErrorKind::Status {
                code: status.as_u16(),
                reason: status.canonical_reason().unwrap_or_default().to_string(),
            }));
        }
        let (content_type, charset) = header_text(&headers, header::CONTENT_TYPE)
            .map(content_type)
            .unwrap_or_default();
        let body = body::read(response, &headers, options).map_err(|kind| match kind {
            body::Failure::Kind(kind) => fail(kind),
            body::Failure::Ureq(error) => fail(classify(error, &host, options)),
        })?;
        return Ok(Fetched {
            url: current,
            status: FetchStatus::Ok(status.as_u16()),
            content_type,
            charset,
            body,
            validators: validators_of(&headers),
        });
    }
}

/// Only http(s) is fetched: anything else the user gave, or a page
/// redirected to, could read local files or run code.
fn check_scheme(url: &str) -> Result<(), FetchErrorKind> {
    if address::is_web(url) {
        return Ok(());
    }
    match address::scheme(url) {
        Some(scheme) => Err(FetchErrorKind::Scheme {
            scheme: scheme.to_ascii_lowercase(),
        }),
        None => Err(FetchErrorKind::BadAddress {
            reason: "no scheme".to_string(),
        }),
    }
}

/// The HTTP client for one fetch. Redirects are followed here, not by
/// ureq, so each is checked (scheme, loops) and counted against the
/// per-host bound. TLS is rustls with the ring provider (it builds with a
/// C compiler only, no cmake) and the webpki root certificates (the same
/// on every machine, and no system store needed).
fn agent(options: &FetchOptions) -> Agent {
    Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .user_agent(USER_AGENT)
        .accept_encoding(ACCEPT_ENCODING)
        .timeout_connect(Some(options.connect_timeout))
        .timeout_global(Some(options.timeout))
        .build()
        .into()
}

/// A ureq error as a reason to give the user.
fn classify(error: ureq::Error, host: &str, options: &FetchOptions) -> FetchErrorKind {
    use ureq::Error as E;
    match error {
        E::Timeout(ureq::Timeout::Connect) => timeout(options.connect_timeout),
        E::Timeout(_) => timeout(options.timeout),
        E::HostNotFound => FetchErrorKind::HostNotFound {
            host: host.to_string(),
        },
        E::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => FetchErrorKind::Refused,
            std::io::ErrorKind::TimedOut => timeout(options.timeout),
            // The standard library's wording for a failed getaddrinfo, its
            // only sign: the kind is not one that can be matched.
            _ if io.to_string().starts_with("failed to lookup address") => {
                FetchErrorKind::HostNotFound {
                    host: host.to_string(),
                }
            }
            _ => network(&io),
        },
        E::BadUri(reason) => FetchErrorKind::BadAddress { reason },
        E::Http(error) => FetchErrorKind::BadAddress {
            reason: error.to_string(),
        },
        E::BodyExceedsLimit(limit) => FetchErrorKind::TooLarge {
            limit: size_text(limit),
        },
        E::Decompress(encoding, error) => FetchErrorKind::Decode {
            encoding: encoding.to_string(),
            message: error.to_string(),
        },
        other => network(&other),
    }
}

fn network(error: &dyn std::fmt::Display) -> FetchErrorKind {
    FetchErrorKind::Network {
        message: error.to_string(),
    }
}

fn timeout(after: Duration) -> FetchErrorKind {
    FetchErrorKind::Timeout {
        seconds: seconds_text(after),
    }
}

/// "30 s", "0.2 s".
fn seconds_text(duration: Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}

/// Sizes in the decimal megabytes the limit is set in, else binary units.
pub(crate) fn size_text(bytes: u64) -> String {
    if bytes >= 1_000_000 && bytes.is_multiple_of(1_000_000) {
        format!("{} MB", bytes / 1_000_000)
    } else {
        super::limits::size_text(bytes)
    }
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers
        .get(name)?
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

fn validators_of(headers: &HeaderMap) -> Validators {
    Validators {
        etag: header_text(headers, header::ETAG).map(str::to_string),
        last_modified: header_text(headers, header::LAST_MODIFIED).map(str::to_string),
    }
}

/// `text/html; charset="ISO-8859-1"` → (`text/html`, `ISO-8859-1`).
fn content_type(value: &str) -> (Option<String>, Option<String>) {
    let mut parts = value.split(';');
    let essence = parts
        .next()
        .map(|e| e.trim().to_ascii_lowercase())
        .filter(|e| !e.is_empty());
    let charset = parts.find_map(|part| {
        let (name, value) = part.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    });
    (essence, charset)
}

#[cfg(test)]
mod tests;

/// The HTTP server on 127.0.0.1 the CLI tests use, for the unit tests.
#[cfg(test)]
#[path = "../../../tests/common/http.rs"]
pub(crate) mod test_server;
