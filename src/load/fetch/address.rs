//! Web addresses, as far as fetching needs them: the scheme, the host (to
//! bound requests per host), and a relative address (a redirect's
//! `Location`, a page's canonical link) resolved against the page's own.
//! Kept small and strict rather than pulling in a full URL parser: ureq
//! parses and checks every address before it is requested.

/// The schemes whosaid fetches.
pub const WEB_SCHEMES: [&str; 2] = ["http", "https"];

/// The scheme of `text`, as written, when it starts with one (RFC 3986: a
/// letter, then letters, digits, `+`, `-` or `.`, then a colon).
pub fn scheme(text: &str) -> Option<&str> {
    let (head, _) = text.split_once(':')?;
    let mut chars = head.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(head)
}

/// Whether `url` is an http or https address (the scheme in any case).
pub fn is_web(url: &str) -> bool {
    scheme(url).is_some_and(|s| WEB_SCHEMES.iter().any(|w| s.eq_ignore_ascii_case(w)))
}

/// The host of an absolute `url`, lowercased, without user, password or
/// port: the key requests are bounded by.
pub fn host(url: &str) -> Option<String> {
    let (_, rest) = split_origin(url)?;
    let authority = authority(rest);
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if authority.starts_with('[') {
        // An IPv6 literal keeps its colons.
        authority.split_inclusive(']').next().unwrap_or(authority)
    } else {
        authority.split(':').next().unwrap_or(authority)
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// `url` split after its scheme's `://`: the scheme, and the rest.
fn split_origin(url: &str) -> Option<(&str, &str)> {
    let scheme = scheme(url)?;
    let rest = url[scheme.len() + 1..].strip_prefix("//")?;
    Some((scheme, rest))
}

/// The authority at the start of what follows `://`.
fn authority(rest: &str) -> &str {
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    &rest[..end]
}

/// `reference` (absolute, or relative to `base`) as an absolute address,
/// as a browser resolves a link. `base` is an absolute http(s) address.
pub fn resolve(base: &str, reference: &str) -> String {
    let reference = reference.trim();
    if scheme(reference).is_some() {
        return reference.to_string();
    }
    let Some((base_scheme, rest)) = split_origin(base) else {
        return reference.to_string();
    };
    if let Some(network) = reference.strip_prefix("//") {
        return format!("{base_scheme}://{network}");
    }
    let origin_len = base_scheme.len() + 3 + authority(rest).len();
    let (origin, tail) = base.split_at(origin_len);
    let without_fragment = tail.split('#').next().unwrap_or_default();
    let path = without_fragment.split('?').next().unwrap_or_default();
    if reference.is_empty() {
        return format!("{origin}{without_fragment}");
    }
    if reference.starts_with('#') {
        return format!("{origin}{without_fragment}{reference}");
    }
    if reference.starts_with('?') {
        return format!("{origin}{}{reference}", or_root(path));
    }
    let joined = if reference.starts_with('/') {
        reference.to_string()
    } else {
        let directory = path.rfind('/').map_or("/", |at| &path[..=at]);
        format!("{directory}{reference}")
    };
    let end = joined.find(['?', '#']).unwrap_or(joined.len());
    let (joined_path, suffix) = joined.split_at(end);
    format!("{origin}{}{suffix}", without_dot_segments(joined_path))
}

fn or_root(path: &str) -> &str {
    if path.is_empty() { "/" } else { path }
}

/// A path with its `.` and `..` segments resolved (RFC 3986, 5.2.4).
fn without_dot_segments(path: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (index, segment) in segments.iter().enumerate() {
        let last = index + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    kept.push("");
                }
            }
            ".." => {
                kept.pop();
                if last {
                    kept.push("");
                }
            }
            other => kept.push(other),
        }
    }
    format!("/{}", kept.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_told_from_file_names() {
        assert_eq!(scheme("https://example.org/"), Some("https"));
        assert_eq!(scheme("HTTP://EXAMPLE.ORG/"), Some("HTTP"));
        assert_eq!(scheme("data:text/html,hi"), Some("data"));
        assert_eq!(scheme("notes:1.txt"), Some("notes"));
        assert_eq!(scheme("./data:x"), None);
        assert_eq!(scheme("1a:x"), None);
        assert_eq!(scheme(":x"), None);
        assert!(is_web("HtTpS://example.org"));
        assert!(!is_web("ftp://example.org"));
        assert!(!is_web("story.txt"));
    }

    #[test]
    fn hosts_drop_user_and_port() {
        assert_eq!(
            host("https://User:pw@News.Example.org:8443/a?b").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(host("http://[::1]:80/").as_deref(), Some("[::1]"));
        assert_eq!(host("http://127.0.0.1:9/x").as_deref(), Some("127.0.0.1"));
        assert_eq!(host("http:///x"), None);
        assert_eq!(host("story.txt"), None);
    }

    #[test]
    fn references_resolve_as_in_a_browser() {
        let base = "https://example.org/news/2026/story.html?page=2#top";
        for (reference, expected) in [
            ("https://other.org/a", "https://other.org/a"),
            ("//cdn.example.org/b", "https://cdn.example.org/b"),
            ("/world/c.html", "https://example.org/world/c.html"),
            ("d.html", "https://example.org/news/2026/d.html"),
            ("../e.html?x=1", "https://example.org/news/e.html?x=1"),
            ("./", "https://example.org/news/2026/"),
            ("../../../../f", "https://example.org/f"),
            ("?page=3", "https://example.org/news/2026/story.html?page=3"),
            (
                "#end",
                "https://example.org/news/2026/story.html?page=2#end",
            ),
            ("", "https://example.org/news/2026/story.html?page=2"),
            (" /g ", "https://example.org/g"),
        ] {
            assert_eq!(resolve(base, reference), expected, "{reference}");
        }
        assert_eq!(resolve("http://example.org", "a"), "http://example.org/a");
        assert_eq!(resolve("http://example.org", "?q"), "http://example.org/?q");
    }
}
