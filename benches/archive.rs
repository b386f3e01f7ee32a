//! The archive at scale (issue 12): builds an archive of 100,000 made-up
//! stories (a few claims each) through the store API, a transaction per
//! 1,000, then times what the user waits for: the list the reader opens
//! with, and searches with and without filters. Targets: the list ≤ 1 s,
//! a search ≤ 200 ms.
//!
//! Run with `cargo bench --bench archive` (release build). Set
//! `WHOSAID_BENCH_STORIES` for another size, `WHOSAID_BENCH_KEEP=1` to
//! keep the archive (its path is printed) for trying `whosaid search` on it.

use std::time::{Duration, Instant};

use whosaid::archive::{Archive, FetchInfo, Query};
use whosaid::cli::background::{Job, open_in_background};
use whosaid::model::{
    Article, Claim, ClaimKind, Country, CountryKind, Document, Meta, Paragraph, ParagraphKind,
    SCHEMA, Speaker, SpeakerKind, Summary,
};
use whosaid::tui::events::Event;
use whosaid::tui::{Feed, Inbox};

const STORIES: usize = 100_000;
const BATCH: usize = 1_000;
/// Runs of each measurement; the median is reported.
const RUNS: usize = 5;

/// A small deterministic generator (xorshift), so every run builds the same archive.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A made-up word from a syllable table: 4,096 words in all.
fn word(n: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "bri", "dan", "fel", "gor", "hun", "jas",
        "pel", "tor",
    ];
    (0..3).map(|k| SYLLABLES[(n >> (4 * k)) & 15]).collect()
}

const FIRST: [&str; 20] = [
    "Ana", "Tomas", "Marta", "Ivo", "Lena", "Pavel", "Sara", "Omar", "Nina", "Jonas", "Eva",
    "Karim", "Ines", "Hugo", "Mira", "Paulo", "Rosa", "Emil", "Dana", "Luca",
];
const LAST: [&str; 25] = [
    "Berg",
    "Ruiz",
    "Nes",
    "Kral",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Haddad",
    "Costa",
    "Fischer",
    "Okafor",
    "Tanaka",
    "Silva",
    "Kowalski",
    "Dubois",
    "Rossi",
    "Jensen",
    "Horvat",
    "Petrov",
    "Ahmed",
    "Larsen",
    "Weber",
    "Santos",
    "Murphy",
    "Keller",
];
const COUNTRIES: [(&str, &str); 12] = [
    ("DE", "Germany"),
    ("FR", "France"),
    ("NO", "Norway"),
    ("ES", "Spain"),
    ("PL", "Poland"),
    ("IT", "Italy"),
    ("JP", "Japan"),
    ("BR", "Brazil"),
    ("NG", "Nigeria"),
    ("UA", "Ukraine"),
    ("US", "United States"),
    ("IN", "India"),
];

/// One made-up story: a title, three quoted paragraphs, each a claim by
/// one of two speakers, and one or two countries.
fn story(n: usize, dice: &mut Dice) -> (Article, Document) {
    let date = {
        // Spread over three years.
        let day = n % (3 * 365);
        let (year, rest) = (2024 + day / 365, day % 365);
        format!("{year}-{:02}-{:02}", rest / 28 % 12 + 1, rest % 28 + 1)
    };
    let names: Vec<String> = (0..2)
        .map(|_| {
            format!(
                "{} {}",
                FIRST[dice.roll(FIRST.len())],
                LAST[dice.roll(LAST.len())]
            )
        })
        .collect();
    let mut paragraphs = vec![Paragraph {
        index: 0,
        kind: ParagraphKind::Title,
        text: format!(
            "Story {n}: {} {}",
            word(dice.roll(4096)),
            word(dice.roll(4096))
        )
        .into(),
    }];
    let mut claims = Vec::new();
    for c in 0..3 {
        let words: Vec<String> = (0..10).map(|_| word(dice.roll(4096))).collect();
        let quote = words.join(" ");
        let speaker = c % 2;
        let text = format!("“{quote},” said {}.", names[speaker]);
        let start = "“".len();
        let end = start + quote.len();
        claims.push(Claim {
            id: format!("c{}", c + 1),
            speaker: Some(format!("s{}", speaker + 1)),
            kind: ClaimKind::Direct,
            paragraph: c + 1,
            start,
            end,
            text: quote.as_str().into(),
            parts: Vec::new(),
            source: None,
            cue: None,
            channel: None,
        });
        paragraphs.push(Paragraph {
            index: c as u32 + 1,
            kind: ParagraphKind::Body,
            text: text.into(),
        });
    }
    let speakers = names
        .iter()
        .enumerate()
        .map(|(i, name)| Speaker {
            id: format!("s{}", i + 1),
            name: name.clone(),
            kind: SpeakerKind::Person,
            role: None,
            country: None,
            aliases: Vec::new(),
            mentions: Vec::new(),
        })
        .collect();
    let countries = (0..1 + dice.roll(2))
        .map(|_| {
            let (code, name) = COUNTRIES[dice.roll(COUNTRIES.len())];
            Country {
                code: code.into(),
                name: name.into(),
                kind: CountryKind::Country,
                mentions: Vec::new(),
            }
        })
        .collect();
    let meta = Meta {
        date: Some(date),
        title: Some(paragraphs[0].text.to_string()),
        url: Some(format!("https://news.example/{n}")),
        site: Some("Example News".into()),
        ..Meta::default()
    };
    let article = Article {
        meta: meta.clone(),
        paragraphs: paragraphs.clone(),
    };
    let document = Document {
        schema: SCHEMA.into(),
        meta,
        paragraphs,
        speakers,
        claims,
        countries,
        summary: Summary::default(),
    };
    (article, document)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<R>(what: &str, mut work: impl FnMut() -> R, describe: impl Fn(&R) -> String) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..RUNS {
        let started = Instant::now();
        last = Some(work());
        times.push(started.elapsed());
    }
    let detail = last.as_ref().map(&describe).unwrap_or_default();
    println!("{what:<58} {:>9.1?}  ({detail})", median(times));
}

fn main() {
    // `cargo bench` passes `--bench`; a filter given after it is not ours.
    let stories = std::env::var("WHOSAID_BENCH_STORIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(STORIES);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("archive.sqlite3");
    let mut archive = Archive::open(&path).expect("the archive opens");

    let started = Instant::now();
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let fetch = FetchInfo {
        feed_name: Some("Example News".into()),
        ..FetchInfo::default()
    };
    let mut n = 0;
    while n < stories {
        let batch: Vec<(Article, Document)> = (n..(n + BATCH).min(stories))
            .map(|k| story(k, &mut dice))
            .collect();
        archive
            .store_all(batch.iter().map(|(a, d)| (a, d, &fetch)))
            .expect("stored");
        n += batch.len();
    }
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "built {stories} stories ({} claims) in {:.1?}; {:.0} MB",
        stories * 3,
        started.elapsed(),
        size as f64 / 1e6
    );
    drop(archive);

    time(
        "open + list every story's metadata (Archive::list)",
        || Archive::open_existing(&path).unwrap().list().unwrap(),
        |l| format!("{} stories", l.len()),
    );
    time(
        "`whosaid archive` loader: start to the list sent (Feed::Found)",
        || {
            let inbox = Inbox::new();
            let loader = open_in_background(Job::Archive(path.clone()), inbox.feeder());
            let listed = loop {
                match inbox.wait(None) {
                    Some(Event::Feed(Feed::Found(metas))) => break metas.len(),
                    Some(_) => {}
                    None => break 0,
                }
            };
            drop(inbox); // The loader stops at its next send.
            let _ = loader.join();
            listed
        },
        |n| format!("{n} listed"),
    );

    let archive = Archive::open_existing(&path).unwrap();
    let archive = &archive;
    let hits = |h: &Vec<_>| format!("{} hits", h.len());
    let search = |words: &str,
                  speaker: Option<&str>,
                  country: Option<&str>,
                  since: Option<&str>,
                  until: Option<&str>| {
        let query = Query::new(words, speaker, country, since, until).unwrap();
        move || archive.search(&query).unwrap()
    };
    let (w1, w2) = (word(1234), word(2345));
    time(
        &format!("search {w1:?}"),
        search(&w1, None, None, None, None),
        hits,
    );
    time(
        &format!("search {w1:?} {w2:?} (both words)"),
        search(&format!("{w1} {w2}"), None, None, None, None),
        hits,
    );
    time(
        &format!("search {w1:?} --speaker berg"),
        search(&w1, Some("berg"), None, None, None),
        hits,
    );
    time(
        &format!("search {w1:?} --country NO"),
        search(&w1, None, Some("NO"), None, None),
        hits,
    );
    time(
        &format!("search {w1:?} --since 2025-03-01 --until 2025-06-30"),
        search(&w1, None, None, Some("2025-03-01"), Some("2025-06-30")),
        hits,
    );
    time(
        &format!("search {w1:?} with all three filters"),
        search(
            &w1,
            Some("berg"),
            Some("NO"),
            Some("2025-01-01"),
            Some("2025-12-31"),
        ),
        hits,
    );
    time(
        "search a speaker's name \"lindqvist\"",
        search("lindqvist", None, None, None, None),
        hits,
    );
    time(
        "search \"lindqvist\" --since 2026-06-01",
        search("lindqvist", None, None, Some("2026-06-01"), None),
        hits,
    );

    if std::env::var_os("WHOSAID_BENCH_KEEP").is_some() {
        let kept = dir.keep();
        println!("kept: {}", kept.join("archive.sqlite3").display());
    }
}
