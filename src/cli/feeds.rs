//! Stories from news feeds, read off the reader's thread: every feed is
//! fetched (conditionally, after the first time), its new items listed
//! newest first, and each annotated as soon as its text is in hand. An
//! item that carries only a teaser has its page fetched first; if that
//! fails, the teaser is shown and the status line says why. Then the
//! loader waits for the reader to ask for a refresh (`r`).
//!
//! Every story read is kept in the archive, so the reader first lists the
//! feeds' stories stored before (offline too), then the new ones.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::thread;

use rayon::prelude::*;

use super::background::listed;
use super::keeper::Keeper;
use super::stories::{self, annotate_input};
use crate::archive::FetchInfo;
use crate::load::feed::{self, FeedItem, ParsedFeed, Subscription};
use crate::load::fetch::{self, FetchOptions, FetchStatus, Validators};
use crate::load::walk::looks_like_address;
use crate::load::{self, Input, ReadLimits};
use crate::model::{Article, Document, ParagraphKind};
use crate::tui::events::Event;
use crate::tui::{Feed, Feeder, Inbox};

/// What a feed request accepts: feeds first, anything XML or JSON next.
const ACCEPT_FEEDS: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
     application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

/// Pages and feeds fetched at once. The fetcher's own limiter keeps to two
/// per host and eight in all; this is how many threads wait on it.
const FETCH_THREADS: usize = 8;

/// One feed to read: an address or a file, and the name its stories go by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSource {
    pub location: String,
    pub name: Option<String>,
}

impl FeedSource {
    /// Feeds named on the command line, by address or path.
    pub fn from_args(args: &[String]) -> Vec<FeedSource> {
        args.iter()
            .map(|location| FeedSource {
                location: location.clone(),
                name: None,
            })
            .collect()
    }

    /// The feeds subscribed to in the config file.
    pub fn subscribed(subscriptions: &[Subscription]) -> Vec<FeedSource> {
        subscriptions
            .iter()
            .map(|s| FeedSource {
                location: s.url.clone(),
                name: s.name.clone(),
            })
            .collect()
    }
}

/// What the loader keeps between refreshes.
struct Reader {
    feeds: Vec<FeedSource>,
    limits: ReadLimits,
    /// By feed address: what the server said identifies the copy we have.
    validators: HashMap<String, Validators>,
    /// Items already listed, by [`FeedItem::key`].
    seen: HashSet<String>,
    next_id: usize,
    /// Where the stories read are kept; `None` when there is no archive to
    /// write to (said once, as a warning).
    archive: Option<Keeper>,
    pool: Option<Arc<rayon::ThreadPool>>,
}

/// One new item, with the feed it came from.
struct New {
    item: FeedItem,
    feed_url: String,
}

/// Starts reading `feeds` on a thread of its own, sending the stories to
/// `feeder`; each message on `refresh` reads them again for new items.
/// Ends when the reader has quit.
pub fn open_in_background(
    feeds: Vec<FeedSource>,
    limits: ReadLimits,
    archive: Option<PathBuf>,
    feeder: Feeder,
    refresh: Receiver<()>,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        super::background::guarded(&feeder, |feeder| {
            let mut reader = Reader::new(feeds, limits);
            reader.archive = Keeper::open(archive.as_deref(), feeder);
            if !reader.send_stored(feeder) {
                return;
            }
            while reader.round(feeder) {
                // Refreshes asked for while reading come to one more round.
                if refresh.recv().is_err() {
                    return;
                }
                while refresh.try_recv().is_ok() {}
            }
        });
    })
}

/// Reads `feeds` once, here, and returns their stories annotated (for
/// output that is not a terminal), with the problems and warnings met.
pub fn read_once(
    feeds: Vec<FeedSource>,
    limits: ReadLimits,
    archive: Option<PathBuf>,
) -> (Vec<Document>, Vec<Feed>) {
    let inbox = Inbox::new();
    let mut reader = Reader::new(feeds, limits);
    reader.archive = Keeper::open(archive.as_deref(), &inbox.feeder());
    // Every message is in the channel once the round is over.
    reader.round(&inbox.feeder());
    let mut numbered = Vec::new();
    let mut notes = Vec::new();
    while let Some(Event::Feed(feed)) = inbox.try_next() {
        match feed {
            Feed::Ready(docs) => numbered.extend(docs),
            Feed::Problem(_) | Feed::Warning(_) => notes.push(feed),
            Feed::Found(_) | Feed::Done => {}
        }
    }
    numbered.sort_by_key(|(id, _)| *id);
    (
        numbered
            .into_iter()
            .map(|(_, doc)| doc.to_document())
            .collect(),
        notes,
    )
}

impl Reader {
    fn new(feeds: Vec<FeedSource>, limits: ReadLimits) -> Self {
        Reader {
            feeds,
            limits,
            validators: HashMap::new(),
            seen: HashSet::new(),
            next_id: 0,
            archive: None,
            pool: None,
        }
    }

    /// Lists the feeds' stories stored before, newest first, as stored;
    /// they are not listed again when a feed still carries them. `false`
    /// once the reader has quit.
    fn send_stored(&mut self, feeder: &Feeder) -> bool {
        let Some(archive) = &self.archive else {
            return true;
        };
        let archive = archive.archive();
        let mut stored = Vec::new();
        for source in &self.feeds {
            match archive.feed_documents(&source.location) {
                Ok(documents) => stored.extend(documents.into_iter().map(|(_, doc)| doc)),
                Err(error) => {
                    feeder.send(Feed::Warning(error.to_string()));
                }
            }
        }
        drop(archive);
        if stored.is_empty() {
            return true;
        }
        // Newest first across feeds, as a round lists them.
        stored.sort_by(|a, b| {
            (&b.meta.published, &b.meta.date).cmp(&(&a.meta.published, &a.meta.date))
        });
        let first = self.next_id;
        self.next_id += stored.len();
        for doc in &stored {
            // An item is known by its link (the story's `source`), else its title.
            self.seen
                .extend(doc.meta.source.clone().or_else(|| doc.meta.title.clone()));
        }
        let metas = stored
            .iter()
            .map(|doc| listed(&doc.meta, &doc.paragraphs))
            .collect();
        let numbered = stored
            .into_iter()
            .enumerate()
            .map(|(n, doc)| (first + n, doc.into()))
            .collect();
        feeder.send(Feed::Found(metas)) && feeder.send(Feed::Ready(numbered))
    }

    /// The threads that fetch and annotate, started once for every round.
    fn fetch_pool(&mut self) -> Result<Arc<rayon::ThreadPool>, rayon::ThreadPoolBuildError> {
        if let Some(pool) = &self.pool {
            return Ok(Arc::clone(pool));
        }
        let pool = Arc::new(
            rayon::ThreadPoolBuilder::new()
                .num_threads(FETCH_THREADS)
                .build()?,
        );
        self.pool = Some(Arc::clone(&pool));
        Ok(pool)
    }

    /// Reads every feed and sends its new stories; `false` once the reader
    /// has quit.
    fn round(&mut self, feeder: &Feeder) -> bool {
        let pool = match self.fetch_pool() {
            Ok(pool) => pool,
            Err(error) => {
                feeder.send(Feed::Problem(format!("cannot start fetching: {error}")));
                return feeder.send(Feed::Done);
            }
        };
        let read: Vec<_> = pool.install(|| {
            self.feeds
                .par_iter()
                .map(|source| {
                    let validators = self.validators.get(&source.location);
                    (source, read_feed(source, validators, &self.limits))
                })
                .collect()
        });
        let mut items = Vec::new();
        let mut sent = true;
        for (source, outcome) in read {
            match outcome {
                Ok(Some((parsed, validators))) => {
                    if let Some(validators) = validators {
                        self.validators.insert(source.location.clone(), validators);
                    }
                    items.extend(parsed.items.into_iter().map(|item| New {
                        item,
                        feed_url: source.location.clone(),
                    }));
                }
                // Unchanged since the last round: nothing new.
                Ok(None) => {}
                Err(problem) => sent &= feeder.send(Feed::Problem(problem)),
            }
        }
        items.retain(|new| self.seen.insert(new.item.key()));
        // Newest first across feeds; undated items after, in feed order.
        items.sort_by_key(|new| std::cmp::Reverse(new.item.timestamp));
        let first = self.next_id;
        self.next_id += items.len();
        if !items.is_empty() {
            let metas = items
                .iter()
                .map(|new| listed(&new.item.article.meta, &new.item.article.paragraphs))
                .collect();
            sent &= feeder.send(Feed::Found(metas));
        }
        if !sent {
            return false;
        }
        pool.install(|| {
            items
                .into_par_iter()
                .enumerate()
                .with_max_len(1)
                .for_each(|(n, new)| self.story(first + n, new, feeder));
        });
        feeder.send(Feed::Done)
    }

    /// Annotates one item, its page fetched first when the feed has only a
    /// teaser, keeps it, and sends it as story `id`.
    fn story(&self, id: usize, new: New, feeder: &Feeder) {
        let (article, warning) = full_article(new.item, &self.limits);
        if let Some(warning) = warning {
            feeder.send(Feed::Warning(warning));
        }
        // A copy for the archive, which keeps the text as read.
        match annotate_input(Input::Article(article.clone())) {
            Ok(story) => {
                let document = story.into_document();
                if let Some(archive) = &self.archive {
                    let fetch = FetchInfo {
                        feed_name: document.meta.feed.clone(),
                        feed_url: Some(new.feed_url),
                        ..FetchInfo::default()
                    };
                    archive.keep(&article, &document, fetch, feeder);
                }
                feeder.send(Feed::Ready(vec![(id, document.into())]));
            }
            Err(problem) => {
                feeder.send(Feed::Problem(problem));
            }
        }
    }
}

/// A feed's items, with the validators of the copy read; `None` when the
/// server says nothing changed. `Err` is the problem, naming the feed.
fn read_feed(
    source: &FeedSource,
    validators: Option<&Validators>,
    limits: &ReadLimits,
) -> Result<Option<(ParsedFeed, Option<Validators>)>, String> {
    let name = source.name.as_deref();
    // Any address goes to the fetcher, which refuses what is not http(s).
    if looks_like_address(&source.location) {
        let options = FetchOptions {
            accept: ACCEPT_FEEDS.to_string(),
            ..load::fetch_options(limits)
        };
        let fetched =
            fetch::fetch(&source.location, &options, validators).map_err(|e| e.to_string())?;
        if fetched.status == FetchStatus::NotModified {
            return Ok(None);
        }
        let parsed =
            feed::parse(&source.location, &fetched.body, name).map_err(|e| e.to_string())?;
        return Ok(Some((parsed, Some(fetched.validators))));
    }
    // A folder is refused by the bounded reader ("is a directory").
    let bytes = load::read_bytes(&source.location, limits).map_err(|e| e.to_string())?;
    let parsed = feed::parse(&source.location, &bytes, name).map_err(|e| e.to_string())?;
    Ok(Some((parsed, None)))
}

/// The item's whole article: its own text when that is the whole of it,
/// else the page it links to, with the item's metadata for what the page
/// lacks. When the page cannot be had, the item's text and why.
fn full_article(item: FeedItem, limits: &ReadLimits) -> (Article, Option<String>) {
    let Some(link) = item.link.as_deref().filter(|_| !item.whole) else {
        return (item.article, None);
    };
    let page = stories::catching(|| fetch::open_url(link, &load::fetch_options(limits)));
    let page = match page {
        Ok(Ok(opened)) => opened.inputs.into_iter().find_map(|input| match input {
            Input::Article(page) => Some(page),
            Input::Annotated(_) => None,
        }),
        Ok(Err(error)) => {
            return (
                item.article,
                Some(format!("{error}; showing the feed's summary")),
            );
        }
        Err(panic) => {
            return (
                item.article,
                Some(format!("{link}: {panic}; showing the feed's summary")),
            );
        }
    };
    match page {
        Some(page)
            if page
                .paragraphs
                .iter()
                .any(|p| p.kind == ParagraphKind::Body) =>
        {
            (with_item_meta(page, item.article), None)
        }
        _ => (
            item.article,
            Some(format!(
                "{link}: no article text found in the page; showing the feed's summary"
            )),
        ),
    }
}

/// The page's metadata, the item's where the page has none; the feed's name
/// and the item's address as the source either way.
fn with_item_meta(mut page: Article, item: Article) -> Article {
    let meta = &mut page.meta;
    let from = item.meta;
    meta.source = from.source;
    meta.feed = from.feed;
    meta.title = meta.title.take().or(from.title);
    meta.date = meta.date.take().or(from.date);
    meta.published = meta.published.take().or(from.published);
    meta.description = meta.description.take().or(from.description);
    meta.url = meta.url.take().or(from.url);
    if meta.authors.is_empty() {
        meta.authors = from.authors;
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Meta, Paragraph};

    fn article(title: &str, source: &str) -> Article {
        Article {
            meta: Meta {
                title: Some(title.into()),
                source: Some(source.into()),
                date: Some("2026-12-01".into()),
                authors: vec!["Feed Author".into()],
                feed: Some("Gazette".into()),
                url: Some(source.into()),
                ..Meta::default()
            },
            paragraphs: Paragraph::bodies(&["Teaser."]),
        }
    }

    #[test]
    fn a_page_keeps_its_own_metadata_and_takes_the_items_for_the_rest() {
        let mut page = article("Page title", "https://x.example/canonical");
        page.meta.date = None;
        page.meta.authors.clear();
        page.meta.feed = None;
        let item = article("Item title", "https://x.example/item");
        let merged = with_item_meta(page, item).meta;
        assert_eq!(merged.title.as_deref(), Some("Page title"));
        assert_eq!(merged.url.as_deref(), Some("https://x.example/canonical"));
        assert_eq!(merged.source.as_deref(), Some("https://x.example/item"));
        assert_eq!(merged.date.as_deref(), Some("2026-12-01"));
        assert_eq!(merged.authors, ["Feed Author"]);
        assert_eq!(merged.feed.as_deref(), Some("Gazette"));
    }

    /// Every message a round sent, in order.
    fn round(reader: &mut Reader) -> Vec<Feed> {
        let inbox = Inbox::new();
        assert!(reader.round(&inbox.feeder()));
        std::iter::from_fn(|| match inbox.try_next() {
            Some(Event::Feed(feed)) => Some(feed),
            _ => None,
        })
        .collect()
    }

    fn found(feeds: &[Feed]) -> Vec<String> {
        feeds
            .iter()
            .filter_map(|f| match f {
                Feed::Found(metas) => Some(metas.iter().filter_map(|m| m.title.clone())),
                _ => None,
            })
            .flatten()
            .collect()
    }

    const FEED: &str = "<rss version=\"2.0\"><channel><title>Ledger</title>\
        <item><title>Ferry back</title><link>https://l.example/1</link>\
        <description>The ferry sails again, its operator said.</description></item>\
        </channel></rss>";

    #[test]
    fn a_refresh_of_an_unchanged_feed_downloads_nothing_and_lists_nothing_twice() {
        use crate::load::fetch::test_server::{Reply, Server};
        let server = Server::start(vec![(
            "/rss",
            Reply::Conditional {
                etag: "\"v1\"".into(),
                body: FEED.as_bytes().to_vec(),
            },
        )]);
        let mut reader = Reader::new(
            FeedSource::from_args(&[server.url("/rss")]),
            ReadLimits::default(),
        );
        let first = round(&mut reader);
        assert_eq!(found(&first), ["Ferry back"]);
        assert!(matches!(first.last(), Some(Feed::Done)));
        let second = round(&mut reader);
        assert_eq!(found(&second), Vec::<String>::new());
        let feeds: Vec<_> = server
            .requests()
            .into_iter()
            .filter(|r| r.path == "/rss")
            .collect();
        assert_eq!(feeds.len(), 2);
        assert_eq!(
            feeds[1].headers.get("if-none-match").map(String::as_str),
            Some("\"v1\""),
            "the second request is conditional"
        );

        // The feed changes: only its new item is listed, numbered on.
        server.route(
            "/rss",
            Reply::typed(
                200,
                "application/rss+xml",
                FEED.replace(
                    "<item>",
                    "<item><title>Bridge shut</title><link>https://l.example/2</link>\
                     <description>Engineers closed the bridge.</description></item><item>",
                )
                .into_bytes(),
            ),
        );
        let third = round(&mut reader);
        assert_eq!(found(&third), ["Bridge shut"]);
        assert!(
            third
                .iter()
                .any(|f| matches!(f, Feed::Ready(r) if r[0].0 == 1))
        );
    }

    #[test]
    fn a_whole_item_is_not_fetched() {
        let item = FeedItem {
            article: article("Whole", "https://unreachable.invalid/x"),
            link: Some("https://unreachable.invalid/x".into()),
            whole: true,
            timestamp: None,
        };
        let (article, warning) = full_article(item, &ReadLimits::default());
        assert_eq!(article.meta.title.as_deref(), Some("Whole"));
        assert_eq!(warning, None);
    }
}
