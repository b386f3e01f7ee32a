//! The reader's stories, read and annotated off the reader's thread: every
//! story is found and listed first (reading is quick), then annotated on
//! all cores, each finished batch sent to the reader as it is done. The
//! reader never waits for a story it is not showing.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError, mpsc};
use std::thread;

use rayon::prelude::*;

use super::keeper::Keeper;
use super::stories::{self, annotate_input};
use crate::archive::{Archive, ArchiveError, FetchInfo};
use crate::load::fetch::address;
use crate::load::fetch::limiter::MAX_IN_ALL;
use crate::load::{self, Article, Input, ReadLimits, Source};
use crate::model::{Meta, Paragraph, story_title};
use crate::tui::{Doc, Feed, Feeder};

/// Sources read at a time (in parallel) before their stories are listed.
const READ_CHUNK: usize = 256;
/// Stories annotated by one thread before they are sent together.
const ANNOTATE_CHUNK: usize = 16;
/// Stored documents read (and parsed) before they are sent together: small
/// enough that the first stories show at once in an archive of 100,000.
const ARCHIVE_CHUNK: usize = 256;

/// What to open.
#[derive(Debug, Clone)]
pub enum Job {
    /// The story bundled with whosaid.
    Bundled,
    /// Files, folders and web addresses; web pages are kept in the archive
    /// at the path, if one is given.
    Sources(Vec<Source>, ReadLimits, Option<PathBuf>),
    /// Every story in the archive at this path, newest first, as annotated
    /// when stored (nothing is annotated again).
    Archive(PathBuf),
}

/// Starts reading and annotating `job` on a thread of its own, sending
/// what it finds to `feeder`; returns at once. Stops early when the reader
/// has quit.
pub fn open_in_background(job: Job, feeder: Feeder) -> thread::JoinHandle<()> {
    thread::spawn(move || guarded(&feeder, |feeder| run(job, feeder)))
}

/// Runs the loader's `work`; should it die of a panic (each story's
/// annotation is already guarded, so this is a bug elsewhere in the
/// loader), the reader is told why and that nothing more is coming, so it
/// never waits for ever.
pub(super) fn guarded(feeder: &Feeder, work: impl FnOnce(&Feeder)) {
    if let Err(message) = stories::catching(|| work(feeder)) {
        feeder.send(Feed::Problem(format!(
            "the loader failed: {message} (this is a bug; please report it)"
        )));
        feeder.send(Feed::Done);
    }
}

fn run(job: Job, feeder: &Feeder) {
    let (sources, limits, archive) = match job {
        Job::Bundled => {
            let article = load::bundled();
            feeder.send(Feed::Found(vec![listed(
                &article.meta,
                &article.paragraphs,
            )]));
            feeder.send(match annotate_input(Input::Article(article)) {
                Ok(story) => Feed::Ready(vec![(0, story.into_doc())]),
                Err(problem) => Feed::Problem(problem),
            });
            feeder.send(Feed::Done);
            return;
        }
        Job::Sources(sources, limits, archive) => (sources, limits, archive),
        Job::Archive(path) => {
            if let Err(error) = send_archive(&path, feeder) {
                feeder.send(Feed::Problem(error.to_string()));
            }
            feeder.send(Feed::Done);
            return;
        }
    };
    if sources.iter().any(|s| matches!(s, Source::Url(_))) {
        with_pages(&sources, &limits, archive.as_deref(), feeder);
        feeder.send(Feed::Done);
        return;
    }
    let Some(articles) = read_all(&sources, &limits, feeder) else {
        return;
    };
    annotate_all(articles, feeder, None);
    feeder.send(Feed::Done);
}

/// Text annotated in one go after which the freed memory is handed back:
/// a long story's working memory, not a news story's (handing back costs
/// a walk over the heap).
const RELEASE_AFTER_BYTES: usize = 256 << 10;

/// Gives the pages the annotator freed back to the system. glibc keeps
/// the free pages of a worker thread's arena for that thread, so the
/// reader's own allocations (on the main thread) would come on top of the
/// annotator's peak instead of in its place.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only hands whole free pages back to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Annotates `articles` on all cores, sending each chunk as it is done.
/// Returns false when the reader has quit.
fn annotate_all(articles: Vec<(usize, Article)>, feeder: &Feeder, keeper: Option<&Keeper>) -> bool {
    let stopped = AtomicBool::new(false);
    articles
        .into_par_iter()
        .chunks(ANNOTATE_CHUNK)
        .for_each(|chunk| {
            if stopped.load(Ordering::Relaxed) {
                return;
            }
            let mut docs = Vec::with_capacity(chunk.len());
            let mut problems = Vec::new();
            let text: usize = chunk
                .iter()
                .flat_map(|(_, article)| &article.paragraphs)
                .map(|p| p.text.len())
                .sum();
            for (id, article) in chunk {
                // A web page is kept in the archive; its text too, for that.
                let kept = keeper
                    .filter(|_| article.meta.source.as_deref().is_some_and(address::is_web))
                    .map(|keeper| (keeper, article.clone()));
                match annotate_input(Input::Article(article)) {
                    Ok(story) => {
                        let doc = match kept {
                            Some((keeper, article)) => {
                                let document = story.into_document();
                                keeper.keep(&article, &document, FetchInfo::default(), feeder);
                                Doc::from(document)
                            }
                            None => story.into_doc(),
                        };
                        docs.push((id, doc));
                    }
                    Err(problem) => problems.push(Feed::Problem(problem)),
                }
            }
            if text >= RELEASE_AFTER_BYTES {
                release_freed_memory();
            }
            let mut sent = docs.is_empty() || feeder.send(Feed::Ready(docs));
            for problem in problems {
                sent &= feeder.send(problem);
            }
            if !sent {
                stopped.store(true, Ordering::Relaxed);
            }
        });
    !stopped.load(Ordering::Relaxed)
}

/// With web pages among the sources: the pages are fetched on threads of
/// their own (they wait on the network, not on the cores, and the fetch
/// limiter bounds how many run at once) while the files are read; the
/// stories are listed in input order as soon as every source before them
/// is read, and annotated then, so a slow page holds up only what comes
/// after it, and the reader shows the rest meanwhile.
fn with_pages(sources: &[Source], limits: &ReadLimits, archive: Option<&Path>, feeder: &Feeder) {
    let (pages, files): (Vec<_>, Vec<_>) = sources
        .iter()
        .enumerate()
        .partition(|(_, source)| matches!(source, Source::Url(_)));
    let fetchers = pages.len().min(MAX_IN_ALL);
    let pages = Mutex::new(VecDeque::from(pages));
    let (tx, rx) = mpsc::channel::<(usize, stories::Read)>();
    thread::scope(|scope| {
        for _ in 0..fetchers {
            let (tx, pages) = (tx.clone(), &pages);
            scope.spawn(move || {
                loop {
                    let next = pages
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .pop_front();
                    let Some((index, source)) = next else { break };
                    if tx.send((index, stories::read(source, limits))).is_err() {
                        break;
                    }
                }
            });
        }
        let files_tx = tx.clone();
        scope.spawn(move || {
            files
                .par_iter()
                .for_each_with(files_tx, |tx, (index, source)| {
                    // The receiver is gone only when the reader has quit.
                    let _ = tx.send((*index, stories::read(source, limits)));
                });
        });
        drop(tx);
        let mut waiting = BTreeMap::new();
        let (mut next, mut next_id) = (0, 0);
        let keeper = Keeper::open(archive, feeder);
        for (index, read) in rx {
            waiting.insert(index, read);
            let mut ready = Vec::new();
            while let Some(read) = waiting.remove(&next) {
                ready.push(read);
                next += 1;
            }
            if ready.is_empty() {
                continue;
            }
            let mut articles = Vec::new();
            if !list(ready, &mut next_id, &mut articles, feeder)
                || !annotate_all(articles, feeder, keeper.as_ref())
            {
                // Dropping the receiver stops the fetchers after their page.
                break;
            }
        }
    });
}

/// Reads every source, in parallel but listed in input order; sends the
/// stories found, the documents annotated before and the problems met.
/// Returns the articles still to annotate, numbered; `None` when the
/// reader has quit.
fn read_all(
    sources: &[Source],
    limits: &ReadLimits,
    feeder: &Feeder,
) -> Option<Vec<(usize, Article)>> {
    let mut articles = Vec::new();
    let mut next_id = 0;
    for chunk in sources.chunks(READ_CHUNK) {
        let opened: Vec<_> = chunk
            .par_iter()
            .map(|source| stories::read(source, limits))
            .collect();
        if !list(opened, &mut next_id, &mut articles, feeder) {
            return None;
        }
    }
    Some(articles)
}

/// Lists the stories `opened` found, in order, numbered from `next_id`;
/// sends the documents annotated before as ready, and the problems met;
/// adds the articles still to annotate to `articles`. Returns false when
/// the reader has quit.
fn list(
    opened: Vec<stories::Read>,
    next_id: &mut usize,
    articles: &mut Vec<(usize, Article)>,
    feeder: &Feeder,
) -> bool {
    let mut metas = Vec::new();
    let mut ready = Vec::new();
    let mut notes = Vec::new();
    for read in opened {
        notes.extend(read.warnings.into_iter().map(Feed::Warning));
        notes.extend(read.problems.into_iter().map(Feed::Problem));
        for input in read.inputs {
            match input {
                Input::Article(article) => {
                    metas.push(listed(&article.meta, &article.paragraphs));
                    articles.push((*next_id, article));
                }
                Input::Annotated(document) => {
                    metas.push(listed(&document.meta, &document.paragraphs));
                    ready.push((*next_id, Doc::from(*document)));
                }
            }
            *next_id += 1;
        }
    }
    let mut sent = feeder.send(Feed::Found(metas));
    if !ready.is_empty() {
        sent &= feeder.send(Feed::Ready(ready));
    }
    for note in notes {
        sent &= feeder.send(note);
    }
    sent
}

/// Lists every stored story from the metadata columns alone (quick even
/// for 100,000), then sends the stored documents in batches, in list order.
fn send_archive(path: &Path, feeder: &Feeder) -> Result<(), ArchiveError> {
    let archive = Archive::open_existing(path)?;
    let listed = archive.list()?;
    // Numbered by row id, not by position in the second read: a story
    // stored in between is simply not shown this time.
    let place: HashMap<i64, usize> = listed
        .iter()
        .enumerate()
        .map(|(n, story)| (story.id, n))
        .collect();
    if !feeder.send(Feed::Found(listed.into_iter().map(|s| s.meta).collect())) {
        return Ok(());
    }
    let damaged = archive.documents_newest_first(ARCHIVE_CHUNK, |batch| {
        let ready: Vec<(usize, Doc)> = batch
            .into_iter()
            .filter_map(|(id, document)| place.get(&id).map(|&n| (n, Doc::from(document))))
            .collect();
        ready.is_empty() || feeder.send(Feed::Ready(ready))
    })?;
    if damaged > 0 {
        feeder.send(Feed::Problem(format!(
            "{}: {damaged} stored {} could not be read (damaged)",
            path.display(),
            if damaged == 1 { "story" } else { "stories" }
        )));
    }
    Ok(())
}

/// The metadata a story is listed with: its title filled in by the rule the
/// annotated story is named by, so the list does not rename stories as
/// they are annotated (a file name would stand in for the lead until then).
pub(super) fn listed(meta: &Meta, paragraphs: &[Paragraph]) -> Meta {
    Meta {
        title: Some(story_title(meta, paragraphs)),
        ..meta.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::events::{Event, Inbox};

    fn drain(inbox: &Inbox) -> Vec<Feed> {
        let mut feeds = Vec::new();
        while let Some(event) = inbox.wait(None) {
            let Event::Feed(feed) = event else {
                panic!("only feeds here")
            };
            let done = matches!(feed, Feed::Done);
            feeds.push(feed);
            if done {
                return feeds;
            }
        }
        feeds
    }

    #[test]
    fn stories_are_listed_in_order_then_annotated_and_bad_files_reported() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            (
                "a.txt",
                "Ferry resumes\n\nThe ferry runs again, the operator said.",
            ),
            (
                "b.txt",
                "Bridge repaired\n\nThe bridge is open, engineers said.",
            ),
            ("c.txt", "Binary\0file"),
        ] {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let found = load::discover(&[dir.path().to_string_lossy().into_owned()]);
        let inbox = Inbox::new();
        open_in_background(
            Job::Sources(found.sources, ReadLimits::default(), None),
            inbox.feeder(),
        )
        .join()
        .unwrap();
        let feeds = drain(&inbox);
        let titles: Vec<String> = feeds
            .iter()
            .filter_map(|f| match f {
                Feed::Found(metas) => {
                    Some(metas.iter().map(|m| m.title.clone().unwrap_or_default()))
                }
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(titles, ["Ferry resumes", "Bridge repaired"]);
        let mut ready: Vec<usize> = feeds
            .iter()
            .filter_map(|f| match f {
                Feed::Ready(docs) => Some(docs.iter().map(|(id, _)| *id)),
                _ => None,
            })
            .flatten()
            .collect();
        ready.sort_unstable();
        assert_eq!(ready, [0, 1]);
        assert!(
            feeds
                .iter()
                .any(|f| matches!(f, Feed::Problem(p) if p.contains("c.txt"))),
            "{feeds:?}"
        );
        assert!(matches!(feeds.last(), Some(Feed::Done)));
    }

    /// A story without a headline is listed under the title the reader and
    /// the text outputs give it once annotated: one rule, from the start.
    #[test]
    fn stories_are_listed_under_the_title_they_keep_once_annotated() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("0001.txt", "The ferry runs again. The operator said so."),
            ("0002.txt", ""),
        ] {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let found = load::discover(&[dir.path().to_string_lossy().into_owned()]);
        let inbox = Inbox::new();
        open_in_background(
            Job::Sources(found.sources, ReadLimits::default(), None),
            inbox.feeder(),
        )
        .join()
        .unwrap();
        let feeds = drain(&inbox);
        let mut listed: Vec<String> = Vec::new();
        let mut annotated: Vec<(usize, String)> = Vec::new();
        for feed in &feeds {
            match feed {
                Feed::Found(metas) => {
                    listed.extend(metas.iter().map(|m| m.title.clone().unwrap_or_default()));
                }
                Feed::Ready(docs) => {
                    annotated.extend(docs.iter().map(|(id, d)| (*id, d.display_title())));
                }
                _ => {}
            }
        }
        annotated.sort();
        let annotated: Vec<String> = annotated.into_iter().map(|(_, t)| t).collect();
        assert_eq!(listed, ["The ferry runs again", "0002.txt (empty)"]);
        assert_eq!(listed, annotated);
    }

    /// A story the annotator panics on is a problem for that story; the
    /// others are annotated, and the loader ends with Done.
    #[test]
    fn a_panic_in_the_annotator_is_a_problem_and_loading_ends() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            (
                "a.txt",
                "Ferry resumes\n\nThe ferry runs again, the operator said.",
            ),
            (
                "b.txt",
                &format!(
                    "Bridge\n\nThe bridge {} is open.",
                    stories::test_fault::MARKER
                ),
            ),
            ("c.txt", "Market hall\n\nThe market opens, traders said."),
        ] {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let found = load::discover(&[dir.path().to_string_lossy().into_owned()]);
        let inbox = Inbox::new();
        open_in_background(
            Job::Sources(found.sources, ReadLimits::default(), None),
            inbox.feeder(),
        )
        .join()
        .unwrap();
        let feeds = drain(&inbox);
        let mut ready: Vec<usize> = feeds
            .iter()
            .filter_map(|f| match f {
                Feed::Ready(docs) => Some(docs.iter().map(|(id, _)| *id)),
                _ => None,
            })
            .flatten()
            .collect();
        ready.sort_unstable();
        assert_eq!(ready, [0, 2]);
        assert!(
            feeds.iter().any(|f| matches!(f, Feed::Problem(p)
                if p.contains("b.txt") && p.contains("the annotator failed on this input"))),
            "{feeds:?}"
        );
        assert!(matches!(feeds.last(), Some(Feed::Done)), "{feeds:?}");
    }

    /// A slow page holds up only the stories after it: those before are
    /// listed and annotated while it is fetched; all keep their order.
    #[test]
    fn a_slow_page_holds_up_only_what_comes_after_it() {
        use std::time::Duration;

        let page = "<html><body><article><h1>Dam opens</h1>\
                    <p>The dam opened on Friday, the engineers said.</p></article></body></html>";
        let server = crate::load::fetch::test_server::Server::start(vec![(
            "/slow.html",
            crate::load::fetch::test_server::Reply::Slow(
                Duration::from_millis(700),
                Box::new(crate::load::fetch::test_server::Reply::page(page)),
            ),
        )]);
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            Source::File(path)
        };
        let sources = vec![
            file(
                "a.txt",
                "Ferry resumes\n\nThe ferry runs again, the operator said.",
            ),
            Source::Url(server.url("/slow.html")),
            Source::Url(server.url("/missing.html")),
            file(
                "b.txt",
                "Bridge repaired\n\nThe bridge is open, engineers said.",
            ),
        ];
        let inbox = Inbox::new();
        open_in_background(
            Job::Sources(sources, ReadLimits::default(), None),
            inbox.feeder(),
        )
        .join()
        .unwrap();
        let feeds = drain(&inbox);
        let mut titles = Vec::new();
        let mut first_ready_before_page = false;
        for feed in &feeds {
            match feed {
                Feed::Found(metas) => {
                    titles.extend(metas.iter().map(|m| m.title.clone().unwrap_or_default()));
                }
                Feed::Ready(docs) if titles.len() == 1 => {
                    first_ready_before_page |= docs.iter().any(|(id, _)| *id == 0);
                }
                _ => {}
            }
        }
        assert_eq!(titles, ["Ferry resumes", "Dam opens", "Bridge repaired"]);
        assert!(first_ready_before_page, "{feeds:?}");
        assert!(
            feeds.iter().any(|f| matches!(f, Feed::Problem(p)
                if p.ends_with("/missing.html: the server answered 404 Not Found"))),
            "{feeds:?}"
        );
        let mut ready: Vec<usize> = feeds
            .iter()
            .filter_map(|f| match f {
                Feed::Ready(docs) => Some(docs.iter().map(|(id, _)| *id)),
                _ => None,
            })
            .flatten()
            .collect();
        ready.sort_unstable();
        assert_eq!(ready, [0, 1, 2]);
        assert!(matches!(feeds.last(), Some(Feed::Done)));
    }

    /// The archive's stories are listed newest first, then sent as stored,
    /// each under its place in the list; nothing is annotated.
    #[test]
    fn the_archive_is_listed_newest_first_and_sent_as_stored() {
        use crate::archive::{Archive, FetchInfo};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.sqlite3");
        let mut archive = Archive::open(&path).unwrap();
        let mut stored = Vec::new();
        for (date, text) in [
            (
                "2026-01-02",
                "Older story\n\nThe quay is closed, the harbour master said.",
            ),
            (
                "2026-03-04",
                "Newer story\n\nThe quay is open, the harbour master said.",
            ),
        ] {
            let mut article = load::plain::parse(text);
            article.meta.date = Some(date.into());
            let mut document = crate::annotate::annotate(&article);
            // Marked, to tell the stored annotation from a fresh one.
            document.meta.id = Some(format!("stored {date}"));
            stored.push((article, document));
        }
        let fetch = FetchInfo::default();
        archive
            .store_all(stored.iter().map(|(a, d)| (a, d, &fetch)))
            .unwrap();
        drop(archive);
        let inbox = Inbox::new();
        open_in_background(Job::Archive(path), inbox.feeder())
            .join()
            .unwrap();
        let feeds = drain(&inbox);
        let Some(Feed::Found(metas)) = feeds.first() else {
            panic!("{feeds:?}")
        };
        let titles: Vec<_> = metas
            .iter()
            .map(|m| m.title.clone().unwrap_or_default())
            .collect();
        assert_eq!(titles, ["Newer story", "Older story"]);
        let mut ready: Vec<(usize, Option<String>)> = feeds
            .iter()
            .filter_map(|f| match f {
                Feed::Ready(docs) => Some(docs.iter().map(|(n, d)| (*n, d.meta().id.clone()))),
                _ => None,
            })
            .flatten()
            .collect();
        ready.sort();
        assert_eq!(
            ready,
            [
                (0, Some("stored 2026-03-04".into())),
                (1, Some("stored 2026-01-02".into()))
            ]
        );
        assert!(matches!(feeds.last(), Some(Feed::Done)), "{feeds:?}");
    }

    #[test]
    fn a_missing_archive_is_a_problem_and_loading_ends() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = Inbox::new();
        open_in_background(
            Job::Archive(dir.path().join("none.sqlite3")),
            inbox.feeder(),
        )
        .join()
        .unwrap();
        let feeds = drain(&inbox);
        assert!(
            matches!(feeds.first(), Some(Feed::Problem(p)) if p.contains("no archive at")),
            "{feeds:?}"
        );
        assert!(matches!(feeds.last(), Some(Feed::Done)), "{feeds:?}");
    }

    /// Should the loader itself die, the reader is told, and told it is done.
    /// Should the loader itself die, the reader is told, and told it is done.
    #[test]
    fn a_loader_that_dies_sends_a_problem_and_done() {
        let inbox = Inbox::new();
        let feeder = inbox.feeder();
        thread::spawn(move || {
            guarded(&feeder, |feeder| {
                feeder.send(Feed::Found(Vec::new()));
                panic!("the loader broke");
            });
        })
        .join()
        .unwrap();
        let feeds = drain(&inbox);
        assert!(
            feeds.iter().any(|f| matches!(f, Feed::Problem(p)
                if p.contains("the loader failed: the loader broke"))),
            "{feeds:?}"
        );
        assert!(matches!(feeds.last(), Some(Feed::Done)), "{feeds:?}");
    }
}
