//! One visual line of a paragraph as styled spans: the highlight marks and
//! search matches that overlap it, layered by meaning, over text made safe.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::ClaimKind;
use crate::tui::cells::{Drawn, SOFT_HYPHEN, drawn};
use crate::tui::runs::{Run, overlapping};
use crate::tui::story::StoryView;
use crate::tui::theme::Theme;
use crate::tui::wrap::ends_in_hyphen;

/// The style of a stretch covered by `run` (if any) and by a search match
/// (`hit`: whether it is the current one): claims first, then countries and
/// speakers on top, then search matches on top of everything.
fn style_of(
    story: &StoryView,
    run: Option<&Run>,
    hit: Option<bool>,
    base: Style,
    theme: &Theme,
) -> Style {
    let mut style = base;
    let selected = story.selected;
    if let Some(run) = run {
        if let Some((kind, who)) = run.claim() {
            style = style.patch(match kind {
                ClaimKind::Direct => theme.direct,
                ClaimKind::Partial => theme.partial,
                ClaimKind::Indirect => theme.indirect,
            });
            if who.is_some() && who == selected {
                style = style.patch(theme.claim_selected);
            }
        }
        if run.country() {
            style = style.patch(theme.country);
        }
        if let Some(who) = run.speaker() {
            style = style.patch(if who.is_some() && who == selected {
                theme.speaker_selected
            } else {
                theme.speaker
            });
        }
    }
    match hit {
        Some(true) => style.patch(theme.search_current),
        Some(false) => style.patch(theme.search_hit),
        None => style,
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
    let text = &story.doc.paragraphs[p].text;
    let (start, end) = (range.start.min(text.len()), range.end.min(text.len()));
    let runs = story
        .index
        .runs
        .get(p)
        .map_or(&[][..], |r| overlapping(r, start, end));
    let hits = story.search.hits_in(p);
    let hits = {
        let first = hits.partition_point(|h| h.end <= start);
        let last = first + hits[first..].partition_point(|h| h.start < end);
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
        .chain(hits.iter().map(|h| (h.start, h.end)))
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
        while h < hits.len() && hits[h].end <= a {
            h += 1;
        }
        let run = runs.get(r).filter(|run| run.start() <= a && run.end() >= b);
        let hit = hits
            .get(h)
            .filter(|hit| hit.start <= a && hit.end >= b)
            .map(|hit| current == Some(*hit));
        let mut style = style_of(story, run, hit, base, theme);
        if claim.as_ref().is_some_and(|c| c.start <= a && b <= c.end) {
            style = style.patch(theme.claim_current);
        }
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
