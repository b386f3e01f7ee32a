//! One visual line of a paragraph as styled spans: the highlight marks and
//! search matches that overlap it, layered by meaning, over text made safe.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::cells::{Drawn, SOFT_HYPHEN, drawn};
use crate::tui::runs::{Run, overlapping};
use crate::tui::story::StoryView;
use crate::tui::theme::{Marks, Theme};
use crate::tui::wrap::ends_in_hyphen;

/// What covers a stretch: the highlight run `run` (if any), a search match
/// (`hit`: whether it is the current one) and the current claim (`current`).
/// [`Theme::highlight`] layers their styles.
fn marks_of(story: &StoryView, run: Option<&Run>, hit: Option<bool>, current: bool) -> Marks {
    let selected = story.selected;
    let is_selected = |who: Option<usize>| who.is_some() && who == selected;
    Marks {
        claim: run
            .and_then(Run::claim)
            .map(|(kind, who)| (kind, is_selected(who))),
        country: run.is_some_and(Run::country),
        speaker: run.and_then(Run::speaker).map(is_selected),
        hit,
        current_claim: current,
    }
}

/// The line `range` of paragraph `p`, styled. Characters are drawn as
/// [`crate::tui::cells`] says, exactly as wrapping measured them: control
/// characters as visible stand-ins, whitespace runs as one space, invisible
/// characters not at all, a soft hyphen only where the line breaks at it.
/// Only the highlight runs and search matches on this line are looked at,
/// found by binary search.
pub fn styled_line(
    story: &StoryView,
    p: usize,
    range: Range<usize>,
    base: Style,
    theme: &Theme,
) -> Line<'static> {
    let text = &story.doc.paragraphs()[p].text;
    let (start, end) = (range.start.min(text.len()), range.end.min(text.len()));
    let runs = story.index.runs(&*story.doc, p);
    let runs = overlapping(&runs, start, end);
    let hits = story.search.hits_in(p);
    let hits = {
        let first = hits.partition_point(|h| h.end() <= start);
        let last = first + hits[first..].partition_point(|h| h.start() < end);
        &hits[first..last]
    };
    let current = story.search.current.map(|c| story.search.hits[c]);
    let claim = story.current_claim_bytes(p);

    let mut cuts = vec![start, end];
    let inside = |x: usize| x > start && x < end;
    if let Some(claim) = &claim {
        cuts.extend([claim.start, claim.end].into_iter().filter(|&x| inside(x)));
    }
    for (a, b) in runs
        .iter()
        .map(|r| (r.start(), r.end()))
        .chain(hits.iter().map(|h| (h.start(), h.end())))
    {
        cuts.extend([a, b].into_iter().filter(|&x| inside(x)));
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut spans = Vec::new();
    let mut in_space = false;
    let hyphen_at = ends_in_hyphen(text, end).then(|| end - SOFT_HYPHEN.len_utf8());
    let (mut r, mut h) = (0, 0);
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let Some(segment) = text.get(a..b) else {
            continue;
        };
        // Both lists are sorted and the segments come in order: walk them.
        while r < runs.len() && runs[r].end() <= a {
            r += 1;
        }
        while h < hits.len() && hits[h].end() <= a {
            h += 1;
        }
        let run = runs.get(r).filter(|run| run.start() <= a && run.end() >= b);
        let hit = hits
            .get(h)
            .filter(|hit| hit.start() <= a && hit.end() >= b)
            .map(|hit| current == Some(*hit));
        let in_claim = claim.as_ref().is_some_and(|c| c.start <= a && b <= c.end);
        let style = theme.highlight(base, marks_of(story, run, hit, in_claim));
        let mut plain = String::new();
        let mut chars = segment.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars
                .peek()
                .map(|&(_, n)| n)
                .or_else(|| text[b..].chars().next());
            match drawn(c, next) {
                Drawn::Keep(c) => {
                    in_space = false;
                    plain.push(c);
                }
                Drawn::SoftHyphen if hyphen_at == Some(a + i) => plain.push('-'),
                Drawn::Space if !in_space => {
                    in_space = true;
                    plain.push(' ');
                }
                Drawn::Space | Drawn::Hidden | Drawn::SoftHyphen => {}
                Drawn::Placeholder(c) => {
                    in_space = false;
                    if !plain.is_empty() {
                        spans.push(Span::styled(std::mem::take(&mut plain), style));
                    }
                    spans.push(Span::styled(c.to_string(), style.patch(theme.placeholder)));
                }
            }
        }
        if !plain.is_empty() {
            spans.push(Span::styled(plain, style));
        }
    }
    Line::from(spans)
}
