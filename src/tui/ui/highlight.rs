//! One visual line of a paragraph as styled spans: the highlight marks and
//! search matches that overlap it, layered by meaning, over text made safe.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::ClaimKind;
use crate::safe_text::Shown;
use crate::tui::index::MarkKind;
use crate::tui::story::StoryView;
use crate::tui::theme::Theme;
use crate::tui::wrap::shown_width;

/// The style of the text at `start..end` of paragraph `p`: claims first, then
/// countries and speakers on top, then search matches on top of everything.
fn style_at(
    story: &StoryView,
    p: usize,
    start: usize,
    end: usize,
    base: Style,
    theme: &Theme,
) -> Style {
    let mut style = base;
    let covering = story.index.marks[p]
        .iter()
        .take_while(|m| m.start < end)
        .filter(|m| m.end >= end && m.start <= start);
    let mut claim = None;
    let mut country = false;
    let mut speaker = None;
    for mark in covering {
        match mark.kind {
            MarkKind::Claim(kind) => claim = Some((kind, mark.speaker)),
            MarkKind::Country => country = true,
            MarkKind::Speaker => speaker = Some(mark.speaker),
        }
    }
    let selected = story.selected;
    if let Some((kind, who)) = claim {
        style = style.patch(match kind {
            ClaimKind::Direct => theme.direct,
            ClaimKind::Partial => theme.partial,
            ClaimKind::Indirect => theme.indirect,
        });
        if who.is_some() && who == selected {
            style = style.patch(theme.claim_selected);
        }
    }
    if country {
        style = style.patch(theme.country);
    }
    if let Some(who) = speaker {
        style = style.patch(if who.is_some() && who == selected {
            theme.speaker_selected
        } else {
            theme.speaker
        });
    }
    let hits = story.search.hits_in(p);
    if let Some(i) = hits.iter().position(|h| h.start <= start && h.end >= end) {
        let current = story
            .search
            .current
            .map(|c| story.search.hits[c])
            .is_some_and(|c| c == hits[i]);
        style = style.patch(if current {
            theme.search_current
        } else {
            theme.search_hit
        });
    }
    style
}

/// The line `range` of paragraph `p`, styled. Control characters become
/// visible stand-ins and whitespace runs one space, exactly as wrapping
/// measured them.
pub fn styled_line(
    story: &StoryView,
    p: usize,
    range: Range<usize>,
    base: Style,
    theme: &Theme,
) -> Line<'static> {
    let text = &story.doc.paragraphs[p].text;
    let (start, end) = (range.start.min(text.len()), range.end.min(text.len()));
    let mut cuts = vec![start, end];
    let inside = |x: usize| x > start && x < end;
    for mark in &story.index.marks[p] {
        if mark.start >= end {
            break;
        }
        cuts.extend([mark.start, mark.end].into_iter().filter(|&x| inside(x)));
    }
    for hit in story.search.hits_in(p) {
        cuts.extend([hit.start, hit.end].into_iter().filter(|&x| inside(x)));
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut spans = Vec::new();
    let mut in_space = false;
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let Some(segment) = text.get(a..b) else {
            continue;
        };
        let style = style_at(story, p, a, b, base, theme);
        let mut plain = String::new();
        let mut chars = segment.chars().peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied().or_else(|| text[b..].chars().next());
            match shown_width(c, next).0 {
                Shown::Keep(c) => {
                    in_space = false;
                    plain.push(c);
                }
                Shown::Space if !in_space => {
                    in_space = true;
                    plain.push(' ');
                }
                Shown::Space => {}
                Shown::Placeholder(c) => {
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
