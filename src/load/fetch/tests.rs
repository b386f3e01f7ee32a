//! The fetch module against a server on 127.0.0.1 (the one the CLI tests
//! use): nothing here leaves the machine.

use std::io::Write;
use std::time::{Duration, Instant};

use flate2::Compression;
use flate2::write::{DeflateEncoder, GzEncoder, ZlibEncoder};

use super::*;
use crate::load::{Input, LoadError};

use super::test_server::{Reply, Server};

const STORY: &str = "<!DOCTYPE html><html><head><title>Harbour reopens</title></head>\
<body><article><h1>Harbour reopens</h1>\
<p>\u{201c}The cranes are moving again,\u{201d} the harbour master said on Monday.</p>\
<p>Ferries to the islands will run from Tuesday, officials said.</p></article></body></html>";

fn kind(result: Result<Fetched, FetchError>) -> FetchErrorKind {
    result.expect_err("the fetch fails").kind
}

fn quick() -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs(2),
        timeout: Duration::from_millis(300),
        ..FetchOptions::default()
    }
}

#[test]
fn a_page_is_fetched_naming_whosaid() {
    let server = Server::start(vec![("/story.html", Reply::page(STORY))]);
    let url = server.url("/story.html");
    let fetched = fetch(&url, &FetchOptions::default(), None).unwrap();
    assert_eq!(fetched.url, url);
    assert_eq!(fetched.status, FetchStatus::Ok(200));
    assert_eq!(fetched.content_type.as_deref(), Some("text/html"));
    assert_eq!(fetched.charset.as_deref(), Some("utf-8"));
    assert_eq!(fetched.body, STORY.as_bytes());
    let request = &server.requests()[0];
    let agent = &request.headers["user-agent"];
    assert!(
        agent.starts_with(&format!("whosaid/{} (+https://", env!("CARGO_PKG_VERSION"))),
        "{agent}"
    );
    assert_eq!(request.headers["accept-encoding"], "gzip, deflate, br");
    assert!(request.headers["accept"].starts_with("text/html"));
}

#[test]
fn redirects_are_followed_and_the_final_address_kept() {
    let server = Server::start(vec![
        ("/old", Reply::redirect("/news/moved")),
        ("/news/moved", Reply::redirect("story.html")),
        ("/news/story.html", Reply::page(STORY)),
    ]);
    let fetched = fetch(&server.url("/old"), &FetchOptions::default(), None).unwrap();
    assert_eq!(fetched.url, server.url("/news/story.html"));
    assert_eq!(fetched.body, STORY.as_bytes());
}

#[test]
fn redirects_stop_at_the_limit_and_at_a_loop() {
    let mut routes: Vec<(String, Reply)> = (0..7)
        .map(|hop| {
            (
                format!("/hop{hop}"),
                Reply::redirect(&format!("/hop{}", hop + 1)),
            )
        })
        .collect();
    routes.push(("/hop7".into(), Reply::page(STORY)));
    routes.push(("/loop-a".into(), Reply::redirect("/loop-b")));
    routes.push(("/loop-b".into(), Reply::redirect("/loop-a")));
    let server = Server::start(
        routes
            .iter()
            .map(|(p, r)| (p.as_str(), r.clone()))
            .collect(),
    );
    let options = FetchOptions::default();
    // Five redirects are followed; a sixth is not.
    assert!(fetch(&server.url("/hop2"), &options, None).is_ok());
    let error = fetch(&server.url("/hop1"), &options, None).unwrap_err();
    assert_eq!(error.kind, FetchErrorKind::TooManyRedirects { limit: 5 });
    assert_eq!(
        error.to_string(),
        format!(
            "{}: redirected more than 5 times; not followed further",
            server.url("/hop1")
        )
    );
    let error = fetch(&server.url("/loop-a"), &options, None).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}: redirect loop (back to {})",
            server.url("/loop-a"),
            server.url("/loop-a")
        )
    );
}

#[test]
fn a_redirect_to_another_scheme_is_refused() {
    let server = Server::start(vec![
        ("/passwd", Reply::redirect("file:///etc/passwd")),
        ("/script", Reply::redirect("javascript:alert(1)")),
    ]);
    assert_eq!(
        kind(fetch(
            &server.url("/passwd"),
            &FetchOptions::default(),
            None
        )),
        FetchErrorKind::RedirectScheme {
            to: "file:///etc/passwd".into()
        }
    );
    assert_eq!(
        kind(fetch(
            &server.url("/script"),
            &FetchOptions::default(),
            None
        )),
        FetchErrorKind::RedirectScheme {
            to: "javascript:alert(1)".into()
        }
    );
}

#[test]
fn other_schemes_are_refused_before_any_request() {
    for (url, scheme) in [
        ("ftp://127.0.0.1/story.txt", "ftp"),
        ("file:///etc/passwd", "file"),
        ("FILE:///etc/passwd", "file"),
        ("javascript:alert(1)", "javascript"),
        ("data:text/html,<p>hi</p>", "data"),
    ] {
        let error = fetch(url, &FetchOptions::default(), None).unwrap_err();
        assert_eq!(
            error.kind,
            FetchErrorKind::Scheme {
                scheme: scheme.into()
            }
        );
        assert_eq!(
            error.to_string(),
            format!("{url}: not fetched: only http and https addresses are read, not {scheme}:")
        );
    }
}

#[test]
fn error_statuses_are_errors() {
    let server = Server::start(vec![("/broken", Reply::status(500))]);
    let error = fetch(&server.url("/missing"), &FetchOptions::default(), None).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}: the server answered 404 Not Found",
            server.url("/missing")
        )
    );
    assert_eq!(
        kind(fetch(
            &server.url("/broken"),
            &FetchOptions::default(),
            None
        )),
        FetchErrorKind::Status {
            code: 500,
            reason: "Internal Server Error".into()
        }
    );
}

#[test]
fn a_slow_server_times_out() {
    let server = Server::start(vec![(
        "/slow",
        Reply::Slow(Duration::from_secs(3), Box::new(Reply::page(STORY))),
    )]);
    let started = Instant::now();
    let error = fetch(&server.url("/slow"), &quick(), None).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        error.to_string(),
        format!(
            "{}: no answer within 0.3 s (timed out)",
            server.url("/slow")
        )
    );
}

#[test]
fn a_refused_connection_is_told() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/story.html");
    assert_eq!(kind(fetch(&url, &quick(), None)), FetchErrorKind::Refused);
}

#[test]
fn a_body_over_the_limit_is_not_kept_and_reading_stops() {
    let server = Server::start(vec![
        (
            "/endless",
            Reply::Endless {
                content_type: "text/html".into(),
                bytes: 400 << 20,
            },
        ),
        ("/long", Reply::page(&"x".repeat(2000))),
    ]);
    let error = fetch(&server.url("/endless"), &FetchOptions::default(), None).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("{}: larger than 10 MB; not read", server.url("/endless"))
    );
    // The server may still fill the sockets' buffers, no more.
    std::thread::sleep(Duration::from_millis(200));
    assert!(server.streamed() < 100 << 20, "{}", server.streamed());
    // A length said up front is refused before reading.
    let small = FetchOptions {
        max_body_bytes: 1000,
        ..FetchOptions::default()
    };
    assert_eq!(
        kind(fetch(&server.url("/long"), &small, None)),
        FetchErrorKind::TooLarge {
            limit: "1000 bytes".into()
        }
    );
}

#[test]
fn gzip_and_deflate_bodies_are_decoded() {
    let mut gzip = GzEncoder::new(Vec::new(), Compression::default());
    gzip.write_all(STORY.as_bytes()).unwrap();
    let gzip = gzip.finish().unwrap();
    let mut zlib = ZlibEncoder::new(Vec::new(), Compression::default());
    zlib.write_all(STORY.as_bytes()).unwrap();
    let zlib = zlib.finish().unwrap();
    let mut raw = DeflateEncoder::new(Vec::new(), Compression::default());
    raw.write_all(STORY.as_bytes()).unwrap();
    let raw = raw.finish().unwrap();
    let encoded = |body: &[u8], encoding: &str| {
        Reply::typed(200, "text/html", body.to_vec()).with_header("Content-Encoding", encoding)
    };
    let server = Server::start(vec![
        ("/gzip", encoded(&gzip, "gzip")),
        ("/zlib", encoded(&zlib, "deflate")),
        ("/raw", encoded(&raw, "deflate")),
        ("/zstd", encoded(b"whatever", "zstd")),
    ]);
    for path in ["/gzip", "/zlib", "/raw"] {
        let fetched = fetch(&server.url(path), &FetchOptions::default(), None).unwrap();
        assert_eq!(String::from_utf8_lossy(&fetched.body), STORY, "{path}");
    }
    assert!(matches!(
        kind(fetch(&server.url("/zstd"), &FetchOptions::default(), None)),
        FetchErrorKind::Decode { .. }
    ));
}

#[test]
fn a_conditional_fetch_of_an_unchanged_page_is_not_modified() {
    let server = Server::start(vec![(
        "/story.html",
        Reply::Conditional {
            etag: "\"v1\"".into(),
            body: STORY.as_bytes().to_vec(),
        },
    )]);
    let url = server.url("/story.html");
    let first = fetch(&url, &FetchOptions::default(), None).unwrap();
    assert_eq!(first.status, FetchStatus::Ok(200));
    assert_eq!(
        first.validators,
        Validators {
            etag: Some("\"v1\"".into()),
            last_modified: Some("Tue, 01 Dec 2026 08:00:00 GMT".into()),
        }
    );
    let again = fetch(&url, &FetchOptions::default(), Some(&first.validators)).unwrap();
    assert_eq!(again.status, FetchStatus::NotModified);
    assert!(again.body.is_empty());
    assert_eq!(again.validators.etag.as_deref(), Some("\"v1\""));
    let asked = &server.requests()[1];
    assert_eq!(asked.headers["if-none-match"], "\"v1\"");
    assert_eq!(
        asked.headers["if-modified-since"],
        "Tue, 01 Dec 2026 08:00:00 GMT"
    );
    // Another version is fetched whole.
    let stale = Validators {
        etag: Some("\"v0\"".into()),
        last_modified: None,
    };
    let changed = fetch(&url, &FetchOptions::default(), Some(&stale)).unwrap();
    assert_eq!(changed.status, FetchStatus::Ok(200));
    assert_eq!(changed.body, STORY.as_bytes());
}

fn article(opened: &crate::load::Opened) -> &crate::model::Article {
    match &opened.inputs[..] {
        [Input::Article(article)] => article,
        other => panic!("one article, not {other:?}"),
    }
}

#[test]
fn pages_are_read_with_the_charset_of_the_header_or_the_page() {
    let latin = b"<html><body><article><h1>Caf\xe9 reopens</h1>\
<p>\x93We are back,\x94 the owner said.</p></article></body></html>";
    let mut in_meta = b"<html><head><meta charset=\"windows-1252\"></head>".to_vec();
    in_meta.extend_from_slice(&latin[6..]);
    let server = Server::start(vec![
        (
            "/header",
            Reply::typed(200, "text/html; charset=windows-1252", latin.to_vec()),
        ),
        ("/meta", Reply::typed(200, "text/html", in_meta)),
    ]);
    for path in ["/header", "/meta"] {
        let url = server.url(path);
        let opened = open_url(&url, &FetchOptions::default()).unwrap();
        assert!(opened.warnings.is_empty(), "{path}: {:?}", opened.warnings);
        let article = article(&opened);
        assert_eq!(
            article.meta.title.as_deref(),
            Some("Café reopens"),
            "{path}"
        );
        let text = &article.paragraphs.last().unwrap().text;
        assert_eq!(
            text, "\u{201c}We are back,\u{201d} the owner said.",
            "{path}"
        );
    }
}

#[test]
fn meta_url_is_the_canonical_else_the_final_address() {
    let canonical = STORY.replace(
        "<title>",
        "<link rel=\"canonical\" href=\"/world/harbour.html\"><title>",
    );
    let server = Server::start(vec![
        ("/short", Reply::redirect("/news/story.html")),
        ("/news/story.html", Reply::page(STORY)),
        ("/amp", Reply::page(&canonical)),
    ]);
    let given = server.url("/short");
    let opened = open_url(&given, &FetchOptions::default()).unwrap();
    let meta = &article(&opened).meta;
    assert_eq!(meta.source.as_deref(), Some(given.as_str()));
    assert_eq!(meta.url, Some(server.url("/news/story.html")));
    let opened = open_url(&server.url("/amp"), &FetchOptions::default()).unwrap();
    assert_eq!(
        article(&opened).meta.url,
        Some(server.url("/world/harbour.html"))
    );
}

#[test]
fn content_that_is_not_a_page_is_refused() {
    let server = Server::start(vec![
        (
            "/photo.png",
            Reply::typed(200, "image/png", vec![0x89, b'P', b'N', b'G']),
        ),
        (
            "/notes",
            Reply::typed(
                200,
                "text/plain; charset=utf-8",
                b"Ferries run.\n\nThe port reopened.".to_vec(),
            ),
        ),
    ]);
    let url = server.url("/photo.png");
    let error = open_url(&url, &FetchOptions::default()).unwrap_err();
    assert!(matches!(error, LoadError::Fetch(_)), "{error}");
    assert_eq!(error.path(), url);
    assert_eq!(
        error.to_string(),
        format!("{url}: not a web page or text (image/png); not read")
    );
    let opened = open_url(&server.url("/notes"), &FetchOptions::default()).unwrap();
    assert_eq!(article(&opened).paragraphs.len(), 2);
}

#[test]
fn a_failed_lookup_names_the_host() {
    let failed =
        std::io::Error::other("failed to lookup address information: Name or service not known");
    let kind = classify(ureq::Error::Io(failed), "news.example", &quick());
    assert_eq!(
        kind.to_string(),
        "cannot find the server news.example (DNS lookup failed)"
    );
    assert_eq!(
        classify(ureq::Error::HostNotFound, "news.example", &quick()),
        FetchErrorKind::HostNotFound {
            host: "news.example".into()
        }
    );
}

#[test]
fn a_compressed_body_is_bounded_after_decompression() {
    let mut bomb = GzEncoder::new(Vec::new(), Compression::fast());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..12 {
        bomb.write_all(&zeros).unwrap();
    }
    let bomb = bomb.finish().unwrap();
    assert!(bomb.len() < 100_000, "{}", bomb.len());
    let server = Server::start(vec![(
        "/bomb",
        Reply::typed(200, "text/html", bomb).with_header("Content-Encoding", "gzip"),
    )]);
    assert_eq!(
        kind(fetch(&server.url("/bomb"), &FetchOptions::default(), None)),
        FetchErrorKind::TooLarge {
            limit: "10 MB".into()
        }
    );
}

#[test]
fn https_goes_through_tls() {
    // A server that answers in plain HTTP at once: the TLS handshake
    // fails, as an error, not a panic.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    });
    let url = format!("https://127.0.0.1:{port}/story.html");
    let error = fetch(&url, &quick(), None).unwrap_err();
    assert!(
        matches!(error.kind, FetchErrorKind::Network { .. }),
        "{error}"
    );
    server.join().unwrap();
}
