//! Text search: every match in the shown paragraphs, case-insensitively.

use regex::RegexBuilder;

use crate::model::Paragraph;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// Sorted by paragraph, then start.
    pub hits: Vec<Hit>,
    /// Index into `hits` of the match the reader is on.
    pub current: Option<usize>,
}

impl Search {
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }

    /// Finds `query` in the paragraphs for which `shown` is true. The query is
    /// literal text (no pattern syntax), matched without regard to case.
    pub fn run(&mut self, paragraphs: &[Paragraph], shown: &[bool]) {
        self.hits.clear();
        self.current = None;
        if self.query.is_empty() {
            return;
        }
        let Ok(pattern) = RegexBuilder::new(&regex::escape(&self.query))
            .case_insensitive(true)
            .build()
        else {
            return;
        };
        for (p, paragraph) in paragraphs.iter().enumerate() {
            if !shown.get(p).copied().unwrap_or(false) {
                continue;
            }
            self.hits
                .extend(pattern.find_iter(&paragraph.text).map(|m| Hit {
                    paragraph: p,
                    start: m.start(),
                    end: m.end(),
                }));
        }
    }

    /// The matches in paragraph `p`.
    pub fn hits_in(&self, p: usize) -> &[Hit] {
        let start = self.hits.partition_point(|h| h.paragraph < p);
        let end = self.hits.partition_point(|h| h.paragraph <= p);
        &self.hits[start..end]
    }

    /// The first match in paragraph `p` or after it, wrapping to the first.
    pub fn first_from(&self, p: usize) -> Option<usize> {
        if self.hits.is_empty() {
            return None;
        }
        let i = self.hits.partition_point(|h| h.paragraph < p);
        Some(if i == self.hits.len() { 0 } else { i })
    }

    /// "3/17", or "0/0" when nothing matches.
    pub fn position(&self) -> String {
        let n = self.current.map_or(0, |c| c + 1);
        format!("{n}/{}", self.hits.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParagraphKind;

    fn paragraphs(texts: &[&str]) -> Vec<Paragraph> {
        texts
            .iter()
            .enumerate()
            .map(|(index, text)| Paragraph {
                index,
                kind: ParagraphKind::Body,
                text: (*text).into(),
            })
            .collect()
    }

    #[test]
    fn matches_literally_and_without_case_in_shown_paragraphs_only() {
        let ps = paragraphs(&["A.b a.B", "a.b", "x"]);
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
    fn position_reads_n_of_m() {
        let mut search = Search {
            query: "x".into(),
            ..Search::default()
        };
        search.run(&paragraphs(&["x x x"]), &[true]);
        search.current = Some(1);
        assert_eq!(search.position(), "2/3");
    }
}
