//! Highlight marks flattened into runs: sorted, non-overlapping stretches
//! of a paragraph, each with what covers it. A visual line finds its runs by
//! binary search, so drawing a line costs what is on it, not what is in the
//! whole paragraph (a paragraph of megabytes may hold tens of thousands of
//! overlapping marks).

use std::cmp::Reverse;
use std::collections::BTreeSet;

use crate::model::ClaimKind;

use super::index::{Mark, MarkKind};

/// What covers one stretch of a paragraph. Where marks of one kind nest,
/// the innermost (the one starting last) wins, as it is the one drawn on top.
///
/// Offsets and speakers are kept as u32 (a paragraph's text is at most
/// 4 GiB): a paragraph of megabytes has tens of thousands of runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    start: u32,
    end: u32,
    claim: Option<(ClaimKind, Option<u32>)>,
    speaker: Option<Option<u32>>,
    country: bool,
}

impl Run {
    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The claim's kind and its speaker (an index into `Document::speakers`).
    pub fn claim(&self) -> Option<(ClaimKind, Option<usize>)> {
        self.claim
            .map(|(kind, who)| (kind, who.map(|s| s as usize)))
    }

    pub fn country(&self) -> bool {
        self.country
    }

    /// A speaker mention, and whose (`None` inside: a mention with no speaker).
    pub fn speaker(&self) -> Option<Option<usize>> {
        self.speaker.map(|who| who.map(|s| s as usize))
    }
}

/// Marks in the order they layer: by start, then the longer first.
type Key = (u32, Reverse<u32>, usize);

/// `marks` (any order, any overlap) → runs covering exactly the marked
/// bytes, in order. O(n log n) in the number of marks.
pub fn flatten(marks: &[Mark]) -> Vec<Run> {
    let mut events: Vec<(u32, bool, usize)> = Vec::with_capacity(marks.len() * 2);
    for (i, m) in marks.iter().enumerate() {
        if m.start < m.end {
            // Ends sort before starts at the same offset.
            events.push((m.start, true, i));
            events.push((m.end, false, i));
        }
    }
    events.sort_unstable();
    let key = |i: usize| (marks[i].start, Reverse(marks[i].end), i);
    let mut claims: BTreeSet<Key> = BTreeSet::new();
    let mut speakers: BTreeSet<Key> = BTreeSet::new();
    let mut countries = 0usize;
    let mut runs: Vec<Run> = Vec::new();
    let mut at = 0;
    let mut e = 0;
    while e < events.len() {
        let offset = events[e].0;
        // The stretch since the last offset, covered by what is active.
        if offset > at && (!claims.is_empty() || !speakers.is_empty() || countries > 0) {
            let claim = claims.last().map(|&(_, _, i)| match marks[i].kind {
                MarkKind::Claim(kind) => (kind, marks[i].speaker),
                _ => unreachable!("only claims are in the claim set"),
            });
            let run = Run {
                start: at,
                end: offset,
                claim,
                country: countries > 0,
                speaker: speakers.last().map(|&(_, _, i)| marks[i].speaker),
            };
            // Neighbours covered alike are one run.
            match runs.last_mut() {
                Some(last) if last.end == at && same_cover(last, &run) => last.end = offset,
                _ => runs.push(run),
            }
        }
        at = offset;
        while e < events.len() && events[e].0 == offset {
            let (_, starts, i) = events[e];
            match (marks[i].kind, starts) {
                (MarkKind::Claim(_), true) => {
                    claims.insert(key(i));
                }
                (MarkKind::Claim(_), false) => {
                    claims.remove(&key(i));
                }
                (MarkKind::Speaker, true) => {
                    speakers.insert(key(i));
                }
                (MarkKind::Speaker, false) => {
                    speakers.remove(&key(i));
                }
                (MarkKind::Country, true) => countries += 1,
                (MarkKind::Country, false) => countries -= 1,
            }
            e += 1;
        }
    }
    runs
}

fn same_cover(a: &Run, b: &Run) -> bool {
    a.claim == b.claim && a.country == b.country && a.speaker == b.speaker
}

/// The runs that overlap `start..end`.
pub fn overlapping(runs: &[Run], start: usize, end: usize) -> &[Run] {
    let first = runs.partition_point(|r| r.end() <= start);
    let last = first + runs[first..].partition_point(|r| r.start() < end);
    &runs[first..last]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: u32, end: u32, kind: MarkKind, speaker: Option<u32>) -> Mark {
        Mark {
            start,
            end,
            kind,
            speaker,
        }
    }

    #[test]
    fn nested_marks_split_into_runs_with_the_innermost_on_top() {
        let direct = MarkKind::Claim(ClaimKind::Direct);
        let partial = MarkKind::Claim(ClaimKind::Partial);
        let runs = flatten(&[
            mark(0, 20, direct, Some(0)),
            mark(5, 10, partial, Some(1)),
            mark(8, 12, MarkKind::Country, None),
            mark(30, 34, MarkKind::Speaker, Some(2)),
        ]);
        let shape: Vec<_> = runs
            .iter()
            .map(|r| {
                let claim = r.claim().map(|c| c.0);
                (r.start(), r.end(), claim, r.country(), r.speaker())
            })
            .collect();
        assert_eq!(
            shape,
            [
                (0, 5, Some(ClaimKind::Direct), false, None),
                (5, 8, Some(ClaimKind::Partial), false, None),
                (8, 10, Some(ClaimKind::Partial), true, None),
                (10, 12, Some(ClaimKind::Direct), true, None),
                (12, 20, Some(ClaimKind::Direct), false, None),
                (30, 34, None, false, Some(Some(2))),
            ]
        );
        assert_eq!(overlapping(&runs, 9, 11).len(), 2);
        assert_eq!(overlapping(&runs, 20, 30).len(), 0);
        assert_eq!(overlapping(&runs, 33, 99).len(), 1);
    }

    #[test]
    fn many_overlapping_marks_stay_fast_and_ordered() {
        // Every mark opens at its own offset and runs to the end, as
        // unbalanced quotes can make them.
        let marks: Vec<Mark> = (0..20_000)
            .map(|i| mark(i * 3, 60_000, MarkKind::Claim(ClaimKind::Direct), Some(i)))
            .collect();
        let runs = flatten(&marks);
        assert_eq!(runs.len(), 20_000);
        assert!(runs.windows(2).all(|w| w[0].end <= w[1].start));
        assert_eq!(runs[7].claim(), Some((ClaimKind::Direct, Some(7))));
    }
}
