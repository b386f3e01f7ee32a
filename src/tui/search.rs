//! Text search: every match in the shown paragraphs, case-insensitively.

use regex::{Regex, RegexBuilder};

use crate::model::Paragraph;
use crate::tui::cells::{is_unseen, unseen_class};

/// The regex for the literal `query`, found as the text is seen: characters
/// the reader does not draw (soft hyphens, zero-width spaces) may stand
/// between any two of its characters and are ignored in the query itself,
/// and a space matches any run of whitespace (drawn as one space). `None`
/// when nothing visible is left to look for.
fn pattern(query: &str) -> Option<String> {
    let unseen = format!("{}*", unseen_class());
    let mut pattern = String::new();
    let mut chars = query.chars().filter(|&c| !is_unseen(c)).peekable();
    while let Some(c) = chars.next() {
        if !pattern.is_empty() {
            pattern.push_str(&unseen);
        }
        if c.is_whitespace() {
            while chars.next_if(|n| n.is_whitespace()).is_some() {}
            pattern.push_str(r"\s+");
        } else {
            pattern.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
        }
    }
    (!pattern.is_empty()).then_some(pattern)
}

/// A match: 12 bytes, as a one-letter query in a long story has millions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    paragraph: u32,
    start: u32,
    end: u32,
}

impl Hit {
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// Bytes of text one step of a search looks through: a few milliseconds,
/// so a keypress never waits for a scan of a huge story (the rest is
/// scanned between keys, see [`Search::scan`]).
pub const STEP_BYTES: usize = 1 << 20;

/// Matches one step adds at most: a one-letter query matches every few
/// bytes, and storing its matches, not reading the text, is then the work.
pub const STEP_HITS: usize = 1 << 14;

#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// Sorted by paragraph, then start.
    pub hits: Vec<Hit>,
    /// Index into `hits` of the match the reader is on.
    pub current: Option<usize>,
    /// The next paragraph to look in, while the scan is not finished.
    next: Option<usize>,
    pattern: Option<Regex>,
}

impl Search {
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }

    /// Whether paragraphs are still to be searched.
    pub fn is_scanning(&self) -> bool {
        self.next.is_some()
    }

    /// Starts over for the current query: no matches yet, every paragraph
    /// still to search. The query is literal text (no pattern syntax),
    /// matched without regard to case.
    pub fn start(&mut self) {
        self.hits.clear();
        self.current = None;
        self.pattern = None;
        self.next = None;
        if self.query.is_empty() {
            return;
        }
        self.pattern = pattern(&self.query).and_then(|pattern| {
            RegexBuilder::new(&pattern)
                .case_insensitive(true)
                .build()
                .ok()
        });
        self.next = self.pattern.is_some().then_some(0);
    }

    /// Searches on through the paragraphs for which `shown` is true, about
    /// `budget` bytes of them (at least one paragraph), adding their matches.
    pub fn scan(&mut self, paragraphs: &[Paragraph], shown: &[bool], budget: usize) {
        let (Some(mut p), Some(pattern)) = (self.next, &self.pattern) else {
            self.next = None;
            return;
        };
        let mut scanned = 0;
        let before = self.hits.len();
        while p < paragraphs.len()
            && (scanned == 0 || scanned < budget && self.hits.len() - before < STEP_HITS)
        {
            if shown.get(p).copied().unwrap_or(false) {
                let text = &paragraphs[p].text;
                scanned += text.len().max(1);
                // (Offsets are 32 bits, as everywhere in the annotation.)
                self.hits.extend(pattern.find_iter(text).map(|m| Hit {
                    paragraph: p as u32,
                    start: m.start() as u32,
                    end: m.end() as u32,
                }));
            }
            p += 1;
        }
        self.next = (p < paragraphs.len()).then_some(p);
    }

    /// Finds every match at once (tests and small stories).
    pub fn run(&mut self, paragraphs: &[Paragraph], shown: &[bool]) {
        self.start();
        self.scan(paragraphs, shown, usize::MAX);
    }

    /// The matches in paragraph `p`.
    pub fn hits_in(&self, p: usize) -> &[Hit] {
        let start = self.hits.partition_point(|h| h.paragraph() < p);
        let end = self.hits.partition_point(|h| h.paragraph() <= p);
        &self.hits[start..end]
    }

    /// The first match in paragraph `p` or after it, wrapping to the first.
    pub fn first_from(&self, p: usize) -> Option<usize> {
        if self.hits.is_empty() {
            return None;
        }
        let i = self.hits.partition_point(|h| h.paragraph() < p);
        Some(if i == self.hits.len() { 0 } else { i })
    }

    /// "3/17", or "0/0" when nothing matches; "3/17…" while still counting.
    pub fn position(&self) -> String {
        let n = self.current.map_or(0, |c| c + 1);
        let more = if self.is_scanning() { "…" } else { "" };
        format!("{n}/{}{more}", self.hits.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_literally_and_without_case_in_shown_paragraphs_only() {
        let ps = Paragraph::bodies(&["A.b a.B", "a.b", "x"]);
        let mut search = Search {
            query: "a.b".into(),
            ..Search::default()
        };
        search.run(&ps, &[true, false, true]);
        assert_eq!(search.hits.len(), 2);
        assert_eq!(search.hits_in(0).len(), 2);
        assert!(search.hits_in(1).is_empty());
        assert_eq!(search.first_from(1), Some(0), "wraps to the first");
    }

    #[test]
    fn a_scan_goes_step_by_step_and_says_it_is_counting() {
        let ps = Paragraph::bodies(&["a x", "x", "b", "x x"]);
        let mut search = Search {
            query: "x".into(),
            ..Search::default()
        };
        search.start();
        search.scan(&ps, &[true; 4], 2);
        assert_eq!((search.hits.len(), search.is_scanning()), (1, true));
        assert_eq!(search.position(), "0/1…");
        search.scan(&ps, &[true; 4], 2);
        search.scan(&ps, &[true; 4], 2);
        assert_eq!((search.hits.len(), search.is_scanning()), (4, false));
        assert_eq!(search.position(), "0/4");
    }

    #[test]
    fn what_the_reader_does_not_draw_does_not_hide_a_word() {
        let ps = Paragraph::bodies(&[
            "Die Ver\u{ad}hand\u{ad}lungs\u{ad}ergeb\u{ad}nis\u{ad}se sind\n  da",
            "zero\u{200b}width",
        ]);
        for (query, hits) in [
            ("verhandlungsergebnisse sind da", 1),
            ("Ver\u{ad}handlungs", 1),
            ("zerowidth", 1),
            ("\u{ad}\u{200b}", 0),
        ] {
            let mut search = Search {
                query: query.into(),
                ..Search::default()
            };
            search.run(&ps, &[true, true]);
            assert_eq!(search.hits.len(), hits, "{query:?}");
        }
        let mut search = Search {
            query: "verhandlungsergebnisse".into(),
            ..Search::default()
        };
        search.run(&ps, &[true, true]);
        let hit = search.hits[0];
        assert_eq!(
            &ps[0].text[hit.start()..hit.end()],
            "Ver\u{ad}hand\u{ad}lungs\u{ad}ergeb\u{ad}nis\u{ad}se"
        );
    }

    #[test]
    fn position_reads_n_of_m() {
        let mut search = Search {
            query: "x".into(),
            ..Search::default()
        };
        search.run(&Paragraph::bodies(&["x x x"]), &[true]);
        search.current = Some(1);
        assert_eq!(search.position(), "2/3");
    }
}
