//! News feeds (RSS 0.9x–2.0, RSS 1.0, Atom, JSON Feed) → one article per
//! item. Parsing is `feed-rs`'s; what whosaid adds is turning an item into
//! a story, and deciding whether the item holds the whole article or only
//! a teaser, in which case the reader fetches the page it links to.
//!
//! Feed XML is never expanded beyond XML's five predefined entities:
//! `feed-rs` reads with `quick-xml`, which neither fetches a DTD nor
//! expands the entities one declares, so an entity bomb stays text.

use std::cmp::Reverse;

use feed_rs::model::{Entry, Text};

use super::LoadError;
use super::html;
use crate::model::{Article, Meta, Paragraph, ParagraphKind};

/// An item's own text is taken for the whole article when it has at least
/// this many words: feeds that carry articles carry them whole, and a teaser
/// is a sentence or two. Below it, the linked page is fetched.
pub const WHOLE_ARTICLE_WORDS: usize = 150;

/// Endings that mark an item's text as cut short, however long it is.
const TEASER_ENDINGS: &[&str] = &[
    "…",
    "...",
    "[…]",
    "[...]",
    "read more",
    "continue reading",
    "read the full story",
    "read the full article",
    "the post",
];

/// A feed subscribed to in the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// Its address (http or https).
    pub url: String,
    /// The name its stories are shown under, in place of the feed's title.
    pub name: Option<String>,
}

/// One feed, read.
#[derive(Debug, Default)]
pub struct ParsedFeed {
    /// The feed's own title, as text.
    pub title: Option<String>,
    /// Its items, newest first (items without a date keep their feed order, after the dated ones).
    pub items: Vec<FeedItem>,
}

/// One item of a feed, as a story.
#[derive(Debug, Clone)]
pub struct FeedItem {
    /// The story as the feed gives it: its title, then its content or summary.
    pub article: Article,
    /// The page the item links to, if any.
    pub link: Option<String>,
    /// Whether [`FeedItem::article`] is the whole article; when it is not and
    /// there is a link, the page is worth fetching.
    pub whole: bool,
    /// The item's publication time, for ordering (seconds since 1970).
    pub timestamp: Option<i64>,
}

impl FeedItem {
    /// What identifies the item across refreshes: its link, else its title.
    pub fn key(&self) -> String {
        self.link
            .clone()
            .or_else(|| self.article.meta.title.clone())
            .unwrap_or_default()
    }
}

/// Reads the feed in `bytes` (named `name` in messages). Every item becomes
/// a story whose `meta.feed` is `feed_name`, else the feed's own title.
pub fn parse(name: &str, bytes: &[u8], feed_name: Option<&str>) -> Result<ParsedFeed, LoadError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|error| LoadError::NotFeed {
        path: name.to_string(),
        message: error.to_string(),
    })?;
    let title = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let label = feed_name.map(str::to_string).or_else(|| title.clone());
    let mut items: Vec<FeedItem> = feed
        .entries
        .iter()
        .map(|entry| item(entry, label.as_deref(), name))
        .filter(|item| !item.article.paragraphs.is_empty())
        .collect();
    // Stable: undated items keep the feed's order, after the dated ones.
    items.sort_by_key(|item| Reverse(item.timestamp));
    Ok(ParsedFeed { title, items })
}

fn item(entry: &Entry, feed: Option<&str>, feed_source: &str) -> FeedItem {
    let link = entry_link(entry);
    let title = entry.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let when = entry.published.or(entry.updated);
    let summary_html = entry.summary.as_ref().map(html_of);
    let content_html = entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .filter(|body| !body.trim().is_empty());
    let summary_text = summary_html.as_deref().map(fragment_text);
    let body_html = content_html.or(summary_html).unwrap_or_default();
    let body = body_paragraphs(&body_html);
    let words: usize = body.iter().map(|p| p.split_whitespace().count()).sum();
    let whole = words >= WHOLE_ARTICLE_WORDS && !ends_as_teaser(&body);
    let meta = Meta {
        date: when.map(|w| w.format("%Y-%m-%d").to_string()),
        published: when.map(|w| w.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        title: title.clone(),
        source: Some(link.clone().unwrap_or_else(|| feed_source.to_string())),
        authors: entry
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref())
            .map(|n| fragment_text(&escape(n)))
            .filter(|n| !n.is_empty())
            .collect(),
        url: link.clone(),
        description: summary_text.filter(|s| !s.is_empty()),
        feed: feed.map(str::to_string),
        ..Meta::default()
    };
    let mut paragraphs = Vec::with_capacity(body.len() + 1);
    let mut push = |kind, text: String| {
        paragraphs.push(Paragraph {
            index: paragraphs.len() as u32,
            kind,
            text: text.as_str().into(),
        })
    };
    if let Some(title) = title {
        push(ParagraphKind::Title, title);
    }
    for text in body {
        push(ParagraphKind::Body, text);
    }
    FeedItem {
        article: Article { meta, paragraphs },
        link,
        whole,
        timestamp: when.map(|w| w.timestamp()),
    }
}

/// The item's page: its `alternate` link, else its first link, else an id
/// that is itself a web address (RSS `guid isPermaLink`).
fn entry_link(entry: &Entry) -> Option<String> {
    let web = |href: &str| super::fetch::address::is_web(href.trim());
    entry
        .links
        .iter()
        .filter(|l| web(&l.href))
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.iter().find(|l| web(&l.href)))
        .map(|l| l.href.trim().to_string())
        .or_else(|| web(&entry.id).then(|| entry.id.trim().to_string()))
}

/// A feed text as HTML: plain text is escaped, so `<` in a headline stays a
/// character.
fn html_of(text: &Text) -> String {
    if text.content_type.essence().to_string().contains("html") {
        text.content.clone()
    } else {
        escape(&text.content)
    }
}

/// A feed text (a title, a feed name) as one line of plain text.
fn text_of(text: &Text) -> String {
    fragment_text(&html_of(text))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The text of an HTML fragment on one line, whitespace collapsed.
pub fn fragment_text(fragment: &str) -> String {
    let parsed = scraper::Html::parse_fragment(fragment);
    let mut text = String::with_capacity(fragment.len());
    for piece in parsed.root_element().text() {
        for word in piece.split_whitespace() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(word);
        }
    }
    // A headline written `Tom &amp;amp; Jerry` (escaped twice, as some feeds
    // do) is still one ampersand to a reader.
    text.replace("&amp;", "&")
}

/// The paragraphs of an item's HTML, read as a web page's article body is.
fn body_paragraphs(html_text: &str) -> Vec<String> {
    if html_text.trim().is_empty() {
        return Vec::new();
    }
    let page = format!("<!doctype html><html><body><article>{html_text}</article></body></html>");
    let paragraphs: Vec<String> = match html::parse(&page) {
        Ok(article) => article
            .paragraphs
            .into_iter()
            .filter(|p| p.kind == ParagraphKind::Body)
            .map(|p| p.text.as_str().to_string())
            .collect(),
        Err(html::TooDeep) => Vec::new(),
    };
    if paragraphs.is_empty() {
        // A teaser of bare text the extractor found too short to be an article.
        let text = fragment_text(html_text);
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![text]
        };
    }
    paragraphs
}

fn ends_as_teaser(body: &[String]) -> bool {
    body.last().is_some_and(|last| {
        let end = last.trim_end().to_lowercase();
        TEASER_ENDINGS.iter().any(|mark| end.ends_with(mark))
            || end.starts_with("the post ") && end.contains(" appeared first on")
    })
}

/// Whether text looks like a feed rather than a web page: its root element
/// is `rss`, `feed` or `rdf:RDF`, or it is JSON naming a JSON Feed version.
pub fn looks_like_feed(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.starts_with('{') {
        return start
            .get(..start.len().min(4096))
            .is_some_and(|head| head.contains("jsonfeed.org/version"));
    }
    let head: String = start.chars().take(4096).collect::<String>();
    let mut rest = head.as_str();
    // Past the XML declaration, comments, processing instructions and doctype.
    while let Some(tag) = rest.find('<') {
        rest = &rest[tag + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == ':' || *c == '_' || *c == '-')
            .collect();
        let name = name.to_ascii_lowercase();
        return name == "rss" || name == "feed" || name == "rdf:rdf";
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize) -> String {
        (0..n)
            .map(|i| format!("word{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<item><title>Old news</title><link>https://gazette.example/old</link>
<pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate>
<description>A short teaser about the harbour.</description></item>
<item><title>Council &amp; port agree</title><link>https://gazette.example/new</link>
<pubDate>Tue, 01 Dec 2026 10:30:00 +0100</pubDate>
<description>The council agreed.</description>
<content:encoded><![CDATA[<p>FULL</p>]]></content:encoded></item>
</channel></rss>"#;

    #[test]
    fn rss_items_are_stories_newest_first_with_the_feed_name() {
        let rss = RSS.replace(
            "FULL",
            &format!("\"We will dredge,\" the mayor said. {}", words(200)),
        );
        let feed = parse("feed.xml", rss.as_bytes(), None).expect("an RSS feed");
        assert_eq!(feed.title.as_deref(), Some("Harbour Gazette"));
        let titles: Vec<_> = feed
            .items
            .iter()
            .map(|i| i.article.meta.title.clone().unwrap_or_default())
            .collect();
        assert_eq!(titles, ["Council & port agree", "Old news"]);
        let new = &feed.items[0];
        assert!(new.whole, "200 words of content are the article");
        assert_eq!(new.link.as_deref(), Some("https://gazette.example/new"));
        let meta = &new.article.meta;
        assert_eq!(meta.feed.as_deref(), Some("Harbour Gazette"));
        assert_eq!(meta.published.as_deref(), Some("2026-12-01T09:30:00Z"));
        assert_eq!(meta.date.as_deref(), Some("2026-12-01"));
        assert_eq!(meta.description.as_deref(), Some("The council agreed."));
        assert_eq!(new.article.paragraphs[0].kind, ParagraphKind::Title);
        assert!(
            new.article.paragraphs[1]
                .text
                .as_str()
                .starts_with("\"We will dredge,\"")
        );
        let old = &feed.items[1];
        assert!(!old.whole, "a one-line description is a teaser");
        assert_eq!(
            old.article.paragraphs[1].text.as_str(),
            "A short teaser about the harbour."
        );
    }

    #[test]
    fn a_subscription_name_wins_over_the_feeds_title() {
        let feed = parse("feed.xml", RSS.as_bytes(), Some("Gazette")).expect("an RSS feed");
        assert!(
            feed.items
                .iter()
                .all(|i| i.article.meta.feed.as_deref() == Some("Gazette"))
        );
    }

    #[test]
    fn long_content_that_ends_in_read_more_is_a_teaser() {
        let rss = RSS.replace("FULL", &format!("{} Read more", words(300)));
        let feed = parse("feed.xml", rss.as_bytes(), None).expect("an RSS feed");
        assert!(!feed.items[0].whole);
    }

    #[test]
    fn atom_and_json_feeds_are_read() {
        let atom = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Valley Post</title>
<id>urn:valley</id><updated>2026-12-02T08:00:00Z</updated>
<entry><title>Bridge reopens</title><id>urn:1</id>
<link rel="alternate" href="https://valley.example/bridge"/>
<updated>2026-12-02T08:00:00Z</updated><author><name>Ines Moreau</name></author>
<content type="html">&lt;p&gt;{}&lt;/p&gt;</content></entry></feed>"#,
            words(160)
        );
        let feed = parse("atom.xml", atom.as_bytes(), None).expect("an Atom feed");
        let item = &feed.items[0];
        assert!(item.whole);
        assert_eq!(item.article.meta.authors, ["Ines Moreau"]);
        assert_eq!(item.link.as_deref(), Some("https://valley.example/bridge"));

        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Ridge Daily",
            "items":[{"id":"1","url":"https://ridge.example/a","title":"Snow closes pass",
            "content_text":"The pass is closed, officials said.","date_published":"2026-12-01T07:00:00-05:00"}]}"#;
        assert!(looks_like_feed(json));
        let feed = parse("feed.json", json.as_bytes(), None).expect("a JSON Feed");
        let item = &feed.items[0];
        assert_eq!(item.article.meta.feed.as_deref(), Some("Ridge Daily"));
        assert_eq!(
            item.article.meta.published.as_deref(),
            Some("2026-12-01T12:00:00Z")
        );
        assert!(!item.whole);
    }

    #[test]
    fn declared_entities_are_not_expanded() {
        let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>
<rss version="2.0"><channel><title>Bomb</title>
<item><title>Boom &e;</title><link>https://bomb.example/1</link><description>&e;&e;&e;</description></item>
</channel></rss>"#;
        // Parsed or refused, but never expanded: no item text grows past the input.
        if let Ok(feed) = parse("bomb.xml", bomb.as_bytes(), None) {
            for item in &feed.items {
                for p in &item.article.paragraphs {
                    assert!(p.text.as_str().len() < bomb.len());
                    assert!(!p.text.as_str().contains("aaaaaaaaaa"));
                }
            }
        }
    }

    #[test]
    fn a_web_page_is_not_a_feed() {
        assert!(looks_like_feed(
            "<?xml version=\"1.0\"?>\n<!-- x --><rss version=\"2.0\">"
        ));
        assert!(looks_like_feed(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(!looks_like_feed("<!doctype html><html><body>"));
        assert!(!looks_like_feed("{\"schema\":\"whosaid/1\"}"));
        let broken = parse("x.xml", b"<html><body><p>hello</p></body></html>", None);
        assert!(matches!(broken, Err(LoadError::NotFeed { .. })));
    }

    #[test]
    fn items_without_text_or_title_are_left_out() {
        let rss = r#"<rss version="2.0"><channel><title>T</title>
<item><link>https://x.example/1</link></item></channel></rss>"#;
        let feed = parse("x.xml", rss.as_bytes(), None).expect("a feed");
        assert!(feed.items.is_empty());
    }
}
