//! `whosaid feed` and `whosaid --feeds` without a terminal: every item of
//! RSS, Atom and JSON Feed is a story, a teaser's page is fetched from a
//! server on 127.0.0.1, and what fails is said without stopping the rest.

mod common;

use std::fs;

use common::http::{Reply, Server};
use common::{code, stderr, stdout};

/// Runs whosaid with `args` and an archive of its own, so no test writes
/// to the user's.
fn run_on(args: &[&str]) -> std::process::Output {
    let data = tempfile::tempdir().expect("a temporary folder");
    std::process::Command::new(common::BIN)
        .args(args)
        .env("WHOSAID_DATA_DIR", data.path())
        .output()
        .expect("whosaid runs")
}

/// About 190 words of made-up reporting, with a quote to attribute.
fn long_story(place: &str) -> String {
    let mut paragraphs = vec![format!(
        "\"The water came faster than anyone expected,\" said Marta Oyelaran, the harbour master of {place}."
    )];
    for n in 0..6 {
        paragraphs.push(format!(
            "Crews worked through the night on section {n} of the sea wall, moving sandbags and pumps \
             between the warehouses while residents of the lower streets were told to stay indoors until \
             the tide turned and the engineers could inspect the damage."
        ));
    }
    paragraphs.join("\n\n")
}

fn rss(items: &[(&str, &str, &str, &str)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\
         <title>Coastal Courier</title><link>https://courier.example/</link>",
    );
    for (title, link, date, body) in items {
        out.push_str(&format!(
            "<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>{body}</item>"
        ));
    }
    out.push_str("</channel></rss>");
    out
}

fn whole(text: &str) -> String {
    let html: String = text.split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<description>Short.</description><content:encoded><![CDATA[{html}]]></content:encoded>"
    )
}

fn page(title: &str, text: &str) -> String {
    let body: String = text.split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!doctype html><html><head><title>{title}</title>\
         <meta property=\"og:site_name\" content=\"Courier Online\"></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{body}</article></body></html>"
    )
}

#[test]
fn a_feed_file_gives_every_item_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("courier.xml");
    let feed = rss(&[
        (
            "Older: tide warning issued",
            "https://courier.example/old",
            "Mon, 30 Nov 2026 08:00:00 GMT",
            &whole(&long_story("Port Ellis")),
        ),
        (
            "Newer: sea wall holds",
            "https://courier.example/new",
            "Tue, 01 Dec 2026 08:00:00 GMT",
            &whole(&long_story("Kelby")),
        ),
    ]);
    fs::write(&path, feed).unwrap();
    let output = run_on(&["feed", path.to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let newer = out.find("Newer: sea wall holds").expect("the newer story");
    let older = out
        .find("Older: tide warning issued")
        .expect("the older story");
    assert!(newer < older, "newest first:\n{out}");
    assert!(out.contains("2026-12-01 · Coastal Courier"), "{out}");
    assert!(
        out.contains("Marta Oyelaran"),
        "the quote is attributed:\n{out}"
    );
}

#[test]
fn a_teaser_is_replaced_by_the_page_it_links_to() {
    let server = Server::start(vec![
        (
            "/story",
            Reply::page(&page("Sea wall holds", &long_story("Kelby"))),
        ),
        ("/gone", Reply::status(404)),
    ]);
    let feed = rss(&[
        (
            "Sea wall holds",
            &server.url("/story"),
            "Tue, 01 Dec 2026 08:00:00 GMT",
            "<description>Crews worked through the night. Read more</description>",
        ),
        (
            "Ferry cancelled",
            &server.url("/gone"),
            "Tue, 01 Dec 2026 07:00:00 GMT",
            "<description>The morning ferry did not sail, its operator said.</description>",
        ),
    ]);
    server.route(
        "/feed.xml",
        Reply::typed(200, "application/rss+xml", feed.into_bytes()),
    );
    let output = run_on(&["feed", &server.url("/feed.xml")]);
    let (out, err) = (stdout(&output), stderr(&output));
    assert_eq!(code(&output), 0, "a page that fails is a warning: {err}");
    assert!(
        out.contains("Marta Oyelaran"),
        "the whole article came from the page:\n{out}"
    );
    assert!(out.contains("Ferry cancelled"), "the teaser stays: {out}");
    assert!(
        err.contains(&server.url("/gone")) && err.contains("showing the feed's summary"),
        "{err}"
    );
    let agents: Vec<_> = server
        .requests()
        .iter()
        .map(|r| r.headers.get("user-agent").cloned().unwrap_or_default())
        .collect();
    assert!(
        agents.iter().all(|a| a.starts_with("whosaid/")),
        "{agents:?}"
    );
}

#[test]
fn atom_and_json_feeds_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let atom = dir.path().join("valley.atom");
    fs::write(
        &atom,
        format!(
            "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">\
             <title>Valley Post</title><id>urn:v</id><updated>2026-12-02T08:00:00Z</updated>\
             <entry><title>Bridge reopens</title><id>urn:v:1</id>\
             <link rel=\"alternate\" href=\"https://valley.example/bridge\"/>\
             <updated>2026-12-02T08:00:00Z</updated><author><name>Ines Moreau</name></author>\
             <content type=\"html\">{}</content></entry></feed>",
            long_story("Vale")
                .split("\n\n")
                .map(|p| format!("&lt;p&gt;{p}&lt;/p&gt;"))
                .collect::<String>()
        ),
    )
    .unwrap();
    let json = dir.path().join("ridge.json");
    fs::write(&json, serde_json_text(&long_story("Ridgeway"))).unwrap();
    let output = run_on(&["feed", atom.to_str().unwrap(), json.to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        out.contains("Bridge reopens") && out.contains("Valley Post"),
        "{out}"
    );
    assert!(
        out.contains("Snow closes pass") && out.contains("Ridge Daily"),
        "{out}"
    );
}

fn serde_json_text(story: &str) -> String {
    let item = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Ridge Daily",
        "items": [{
            "id": "1",
            "url": "https://ridge.example/pass",
            "title": "Snow closes pass",
            "content_text": story,
            "date_published": "2026-12-01T07:00:00-05:00"
        }]
    });
    item.to_string()
}

#[test]
fn what_is_not_a_feed_is_said_and_the_rest_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.xml");
    fs::write(
        &good,
        rss(&[(
            "Harbour reopens",
            "https://courier.example/h",
            "Tue, 01 Dec 2026 08:00:00 GMT",
            &whole(&long_story("Kelby")),
        )]),
    )
    .unwrap();
    let page = dir.path().join("page.xml");
    fs::write(&page, "<html><body><p>not a feed</p></body></html>").unwrap();
    let output = run_on(&["feed", page.to_str().unwrap(), good.to_str().unwrap()]);
    let (out, err) = (stdout(&output), stderr(&output));
    assert_eq!(code(&output), 1, "{err}");
    assert!(err.contains("page.xml: not a feed"), "{err}");
    assert!(out.contains("Harbour reopens"), "{out}");

    let output = run_on(&["feed", page.to_str().unwrap()]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("no story could be read"));
}

#[test]
fn subscriptions_come_from_the_config_file() {
    let story = long_story("Kelby");
    let server = Server::start(vec![(
        "/rss",
        Reply::typed(
            200,
            "application/rss+xml",
            rss(&[(
                "Sea wall holds",
                "https://courier.example/s",
                "Tue, 01 Dec 2026 08:00:00 GMT",
                &whole(&story),
            )])
            .into_bytes(),
        ),
    )]);
    let config = tempfile::tempdir().unwrap();
    fs::write(
        config.path().join("config.toml"),
        format!(
            "[[feeds]]\nurl = \"{}\"\nname = \"The Courier\"\n",
            server.url("/rss")
        ),
    )
    .unwrap();
    let output = std::process::Command::new(common::BIN)
        .arg("--feeds")
        .env("WHOSAID_CONFIG_DIR", config.path())
        .env("WHOSAID_STATE_DIR", config.path())
        .env("WHOSAID_DATA_DIR", config.path())
        .output()
        .unwrap();
    let out = stdout(&output);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(out.contains("2026-12-01 · The Courier"), "{out}");
    // What was read is kept: the archive has it, under the feed's name.
    let output = std::process::Command::new(common::BIN)
        .args(["search", "water", "--speaker", "oyelaran"])
        .env("WHOSAID_DATA_DIR", config.path())
        .output()
        .unwrap();
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Sea wall holds"),
        "{}",
        stdout(&output)
    );

    let empty = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(common::BIN)
        .arg("--feeds")
        .env("WHOSAID_CONFIG_DIR", empty.path())
        .output()
        .unwrap();
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("no feeds subscribed"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_entity_bomb_is_not_expanded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.xml");
    let mut entities = String::from("<!ENTITY a0 \"boomboomboomboomboom\">");
    for n in 1..12 {
        let refs = format!("&a{};", n - 1).repeat(10);
        entities.push_str(&format!("<!ENTITY a{n} \"{refs}\">"));
    }
    fs::write(
        &path,
        format!(
            "<?xml version=\"1.0\"?><!DOCTYPE rss [{entities}]><rss version=\"2.0\"><channel>\
             <title>Bomb</title><item><title>Boom</title><link>https://bomb.example/1</link>\
             <description>&a11;</description></item></channel></rss>"
        ),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let output = run_on(&["feed", path.to_str().unwrap()]);
    assert!(started.elapsed().as_secs() < 20, "no expansion, no hang");
    assert!(output.stdout.len() < 100_000, "nothing was expanded");
    assert!(!stdout(&output).contains("boomboomboomboomboomboom"));
}
