//! One open story: what is shown (the country filter), where the reader is
//! (a paragraph, so the place survives a resize), what is selected, and the
//! scrolling arithmetic over the shared wrap cache.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

use crate::model::{Claim, ParagraphKind};
use crate::tui::cells::{clean, width as text_width};

use super::Doc;
use super::index::{DocIndex, kind_rank};
use super::search::{STEP_BYTES, Search};
use super::wrap::{WrapCache, wrap};

/// Blank lines between blocks.
const GAP: usize = 1;
/// The jump list keeps this many places.
const JUMP_LIST_MAX: usize = 100;

/// One block of the article body (paragraph numbers as u32: a long story
/// has a block for each of its paragraphs, held while it is open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Paragraph(u32),
    /// Consecutive paragraphs the country filter hides.
    Hidden {
        first: u32,
        count: u32,
    },
}

impl Block {
    fn first_paragraph(self) -> usize {
        match self {
            Block::Paragraph(p) => p as usize,
            Block::Hidden { first, .. } => first as usize,
        }
    }

    /// The paragraph shown, unless the block is hidden paragraphs.
    fn paragraph(self) -> Option<usize> {
        match self {
            Block::Paragraph(p) => Some(p as usize),
            Block::Hidden { .. } => None,
        }
    }
}

/// A position in the body: a line of a block (counting its trailing gap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub block: usize,
    pub line: usize,
}

/// A row of the body as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Line `line` of paragraph `paragraph`, the text `range`.
    Text {
        paragraph: usize,
        line: usize,
        range: Range<usize>,
    },
    Hidden(usize),
    Gap,
}

/// A row of the sources panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelRow {
    Heading(&'static str),
    /// A speaker with claims.
    Source(usize),
    /// A speaker only mentioned.
    Mentioned(usize),
}

#[derive(Debug)]
pub struct StoryView {
    /// Shared with the library, which keeps every story.
    pub doc: Doc,
    pub index: DocIndex,
    /// What the body and the panel show under the current filter.
    pub view: View,
    /// The unfiltered view, put aside while a country filter is on, so that
    /// clearing the filter is immediate even on a story of 500,000
    /// paragraphs. `Some` exactly while `view` is a filtered one.
    unfiltered: Option<Box<View>>,
    pub wraps: WrapCache,
    /// Each speaker's panel row height at one panel width (0: not measured
    /// yet), kept across filters: a filter lists a subset of the same rows
    /// (a speaker is listed as quoted or as mentioned by whether it has
    /// claims at all, whatever the filter), so measuring its panel only
    /// adds these up instead of wrapping a hundred thousand names again.
    row_heights: RefCell<(u16, Vec<u16>)>,
    /// Rows of body the view has.
    pub height: usize,
    pub top: Pos,
    /// The focused paragraph; `None` only when no paragraph is shown.
    pub focus: Option<usize>,
    /// Position in `index.claim_order` of the focused claim.
    pub claim: Option<usize>,
    /// The selected speaker (index into `doc.speakers`).
    pub selected: Option<usize>,
    /// Index into `view.panel` of the panel's cursor (always a speaker row, if any).
    pub panel_cursor: usize,
    /// Speakers with claims in the whole story.
    pub all_sources: usize,
    /// Index into `doc.countries` of the country filter.
    pub filter: Option<usize>,
    pub search: Search,
    /// The paragraph the search prompt was opened on.
    search_from: Option<usize>,
    /// Paragraphs to go back to, most recent last.
    pub jumps: Vec<usize>,
}

/// What the body and the panel show under one filter.
#[derive(Debug, Default)]
pub struct View {
    /// Whether each paragraph is in the body (not filtered out, not the title).
    pub shown: Vec<bool>,
    pub shown_count: usize,
    /// For each paragraph, how many shown paragraphs come before it.
    shown_before: Vec<u32>,
    pub blocks: Vec<Block>,
    pub panel: Vec<PanelRow>,
    /// Speakers with claims in the panel.
    pub source_count: usize,
    /// The width the panel's rows were measured at, and the line each row
    /// starts on (one more entry, the total, at the end).
    panel_width: u16,
    panel_starts: Vec<usize>,
}

impl StoryView {
    pub fn new(doc: impl Into<Doc>) -> Self {
        let doc = doc.into();
        let index = DocIndex::new(&*doc);
        let n = doc.paragraphs().len();
        let mut story = StoryView {
            doc,
            index,
            view: View {
                shown: vec![false; n],
                panel_starts: vec![0],
                ..View::default()
            },
            unfiltered: None,
            wraps: WrapCache::new(0, n),
            row_heights: RefCell::default(),
            height: 1,
            top: Pos::default(),
            focus: None,
            claim: None,
            selected: None,
            panel_cursor: 0,
            all_sources: 0,
            filter: None,
            search: Search::default(),
            search_from: None,
            jumps: Vec::new(),
        };
        story.apply_filter();
        story.all_sources = story.view.source_count;
        story
    }

    /// Lays the body out for a new size. A new width drops the wrapped lines
    /// (and only then) and keeps the text at the top of the view there; the
    /// view moves only if the focused paragraph would leave it.
    pub fn set_viewport(&mut self, width: u16, height: u16) {
        if width != self.wraps.width() {
            let anchor = self.top_byte();
            self.wraps.rewrap(width);
            self.top.line = match anchor {
                Some((p, byte)) => {
                    let lines = self.lines(p);
                    lines
                        .partition_point(|l| l.end <= byte)
                        .min(lines.len().saturating_sub(1))
                }
                // On a gap or a hidden block's line: the block's own line.
                None if self.top.line > 0 => self.block_height(self.top.block) - 1,
                None => 0,
            };
        }
        self.height = usize::from(height).max(1);
        self.clamp_top();
        if !self.focus_in_view() {
            self.show_focus();
        }
    }

    /// The paragraph and the first byte of the text line at the top of the
    /// view, if the top is on one.
    fn top_byte(&self) -> Option<(usize, usize)> {
        let p = self.view.blocks.get(self.top.block)?.paragraph()?;
        Some((p, self.lines(p).get(self.top.line)?.start))
    }

    /// The title paragraph is shown in the header, not in the body.
    fn is_header(&self, p: usize) -> bool {
        p == 0
            && self.doc.meta().title.is_some()
            && self.doc.paragraphs()[0].kind == ParagraphKind::Title
    }

    /// Recomputes what the body shows after the filter changed.
    pub fn apply_filter(&mut self) {
        match (self.filter, self.unfiltered.take()) {
            (None, Some(full)) => {
                let width = self.view.panel_width;
                self.view = *full;
                self.set_panel_width(width);
                self.panel_cursor = self.cursor_row();
            }
            (None, None) => self.compute_view(),
            (Some(_), kept) => {
                // The first filter puts the full view aside; another filter
                // replaces a filtered one. The panel keeps its width: its
                // rows are measured once, at the width drawn.
                let width = self.view.panel_width;
                let full = kept.unwrap_or_else(|| Box::new(std::mem::take(&mut self.view)));
                self.unfiltered = Some(full);
                self.view.panel_width = width;
                self.compute_view();
            }
        }
        if self.search.is_active() {
            // Matches in what is now shown, counted step by step.
            self.search.start();
            self.search
                .scan(self.doc.paragraphs(), &self.view.shown, STEP_BYTES);
        }
        self.top = Pos::default();
        let first = self.next_shown(None);
        self.set_focus(first);
    }

    /// The panel row of the selected speaker, else of the first speaker.
    fn cursor_row(&self) -> usize {
        self.selected
            .and_then(|s| self.panel_row_of(s))
            .or_else(|| self.panel_speaker_rows().next())
            .unwrap_or(0)
    }

    /// Computes `shown`, `blocks` and the panel for the current filter.
    fn compute_view(&mut self) {
        let n = self.doc.paragraphs().len();
        let mut shown = vec![true; n];
        if let Some(c) = self.filter {
            shown = vec![false; n];
            for &p in &self.index.country_paragraphs[c] {
                shown[p as usize] = true;
            }
        }
        for (p, s) in shown.iter_mut().enumerate() {
            if self.is_header(p) {
                *s = false;
            }
        }
        // Room for one block a paragraph, the most there can be: growing by
        // doubling would copy a long story's blocks on the way.
        let mut blocks = Vec::with_capacity(n);
        for (p, &s) in shown.iter().enumerate() {
            if s {
                blocks.push(Block::Paragraph(p as u32));
            } else if self.is_header(p) {
                continue;
            } else if let Some(Block::Hidden { count, .. }) = blocks.last_mut() {
                *count += 1;
            } else {
                blocks.push(Block::Hidden {
                    first: p as u32,
                    count: 1,
                });
            }
        }
        // Exact room when a filter hides paragraphs.
        blocks.shrink_to_fit();
        self.view.shown_before = shown
            .iter()
            .scan(0, |count, &s| {
                let before = *count;
                *count += u32::from(s);
                Some(before)
            })
            .collect();
        self.view.shown_count = shown.iter().filter(|&&s| s).count();
        self.view.shown = shown;
        self.view.blocks = blocks;
        self.build_panel();
    }

    fn build_panel(&mut self) {
        let in_view = |s: usize| {
            self.filter.is_none()
                || self.index.speaker_paragraphs[s]
                    .iter()
                    .any(|&p| self.view.shown[p as usize])
        };
        let mut sources: Vec<usize> = (0..self.doc.speaker_count())
            .filter(|&s| self.index.speaker_claims[s] > 0 && in_view(s))
            .collect();
        sources.sort_by_key(|&s| (kind_rank(self.doc.speaker_at(s).kind), s));
        let mentioned: Vec<usize> = (0..self.doc.speaker_count())
            .filter(|&s| self.index.speaker_claims[s] == 0 && in_view(s))
            .collect();
        // A row a speaker and a heading a kind, room made once: a long
        // story lists a hundred thousand speakers.
        let headings = sources
            .windows(2)
            .filter(|pair| self.doc.speaker_at(pair[0]).kind != self.doc.speaker_at(pair[1]).kind)
            .count()
            + 2;
        let mut rows = Vec::with_capacity(sources.len() + mentioned.len() + headings);
        let mut last_kind = None;
        for s in sources {
            let kind = self.doc.speaker_at(s).kind;
            if last_kind != Some(kind) {
                rows.push(PanelRow::Heading(super::index::kind_heading(kind)));
                last_kind = Some(kind);
            }
            rows.push(PanelRow::Source(s));
        }
        if !mentioned.is_empty() {
            rows.push(PanelRow::Heading("Mentioned, not quoted"));
            rows.extend(mentioned.into_iter().map(PanelRow::Mentioned));
        }
        self.view.panel = rows;
        self.view.source_count = self.sources().count();
        self.view.panel_starts = self.measure_panel(self.view.panel_width);
        self.panel_cursor = self
            .selected
            .and_then(|s| self.panel_row_of(s))
            .or_else(|| self.panel_speaker_rows().next())
            .unwrap_or(0);
    }

    /// Measures the panel for a list `width` columns wide (only when it changed).
    pub fn set_panel_width(&mut self, width: u16) {
        if width != self.view.panel_width {
            self.view.panel_width = width;
            self.view.panel_starts = self.measure_panel(width);
        }
    }

    /// The line each panel row starts on at `width`, and the total at the
    /// end: the cached measure, or a fresh one for another width.
    pub fn panel_starts(&self, width: u16) -> std::borrow::Cow<'_, [usize]> {
        if width == self.view.panel_width
            && self.view.panel_starts.len() == self.view.panel.len() + 1
        {
            std::borrow::Cow::Borrowed(&self.view.panel_starts)
        } else {
            std::borrow::Cow::Owned(self.measure_panel(width))
        }
    }

    fn measure_panel(&self, width: u16) -> Vec<usize> {
        let mut heights = self.row_heights.borrow_mut();
        if heights.0 != width || heights.1.len() != self.doc.speaker_count() {
            *heights = (width, vec![0; self.doc.speaker_count()]);
        }
        let mut starts = Vec::with_capacity(self.view.panel.len() + 1);
        let mut line = 0;
        starts.push(0);
        for (row, kind) in self.view.panel.iter().enumerate() {
            let cached = match kind {
                PanelRow::Source(s) | PanelRow::Mentioned(s) => heights.1.get_mut(*s),
                PanelRow::Heading(_) => None,
            };
            line += match cached {
                Some(height) if *height > 0 => usize::from(*height),
                Some(height) => {
                    let measured = self.panel_row_height(row, width);
                    // A name too long to keep the height of is measured each time.
                    *height = u16::try_from(measured).unwrap_or(0);
                    measured
                }
                None => self.panel_row_height(row, width),
            };
            starts.push(line);
        }
        starts
    }

    /// Lines panel row `row` takes at `width`: a heading two (a blank line
    /// and the title); a source its wrapped name, and a line for role and
    /// country when either is known.
    pub fn panel_row_height(&self, row: usize, width: u16) -> usize {
        match self.view.panel.get(row) {
            None => 0,
            Some(PanelRow::Heading(_)) => 2,
            Some(row @ (PanelRow::Source(s) | PanelRow::Mentioned(s))) => {
                // Measured without building what is drawn (the count, "role ·
                // country"): a huge story can list a hundred thousand
                // sources, measured again at every filter.
                let speaker = self.doc.speaker_at(*s);
                let name = clean(speaker.name);
                let quoted = matches!(row, PanelRow::Source(_));
                let count_columns = if quoted {
                    digits(self.index.speaker_claims[*s])
                } else {
                    0
                };
                let room = room_beside(width, count_columns);
                // Most names fit: no need to wrap them to count one line.
                let lines = if text_width(&name) <= room {
                    1
                } else {
                    wrap(&name, room).len()
                };
                let about = quoted && (speaker.role.is_some() || speaker.country.is_some());
                lines + usize::from(about)
            }
        }
    }

    /// The claim count shown right of a source's name ("" for the mentioned).
    pub fn panel_count(&self, row: usize) -> String {
        match self.view.panel.get(row) {
            Some(PanelRow::Source(s)) => self.index.speaker_claims[*s].to_string(),
            _ => String::new(),
        }
    }

    /// "role · country" under a quoted source, when either is known.
    pub fn panel_about(&self, row: usize) -> Option<String> {
        let Some(PanelRow::Source(s)) = self.view.panel.get(row) else {
            return None;
        };
        let speaker = self.doc.speaker_at(*s);
        let parts: Vec<String> = speaker
            .role
            .iter()
            .chain(speaker.country.iter())
            .map(|s| clean(s).into_owned())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    fn panel_row_of(&self, speaker: usize) -> Option<usize> {
        self.view.panel.iter().position(
            |r| matches!(r, PanelRow::Source(s) | PanelRow::Mentioned(s) if *s == speaker),
        )
    }

    fn panel_speaker_rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.view
            .panel
            .iter()
            .enumerate()
            .filter(|(_, r)| !matches!(r, PanelRow::Heading(_)))
            .map(|(i, _)| i)
    }

    fn panel_speaker(&self, row: usize) -> Option<usize> {
        match self.view.panel.get(row) {
            Some(PanelRow::Source(s) | PanelRow::Mentioned(s)) => Some(*s),
            _ => None,
        }
    }

    // ----- blocks and lines -------------------------------------------------

    fn text(&self, p: usize) -> &str {
        &self.doc.paragraphs()[p].text
    }

    /// The wrapped lines of paragraph `p`.
    pub fn lines(&self, p: usize) -> &[Range<usize>] {
        self.wraps.lines(p, self.text(p))
    }

    /// Rows of block `b`, its trailing gap included.
    fn block_height(&self, b: usize) -> usize {
        match self.view.blocks[b] {
            Block::Paragraph(p) => self.lines(p as usize).len() + GAP,
            Block::Hidden { .. } => 1 + GAP,
        }
    }

    /// The block that shows paragraph `p`.
    pub fn block_of(&self, p: usize) -> Option<usize> {
        let i = self
            .view
            .blocks
            .partition_point(|b| b.first_paragraph() <= p)
            .checked_sub(1)?;
        (self.view.blocks[i].paragraph() == Some(p)).then_some(i)
    }

    fn forward(&self, mut pos: Pos, mut n: usize) -> Pos {
        while n > 0 && pos.block < self.view.blocks.len() {
            let height = self.block_height(pos.block);
            if pos.line + n < height {
                pos.line += n;
                return pos;
            }
            n -= height - pos.line;
            pos = Pos {
                block: pos.block + 1,
                line: 0,
            };
        }
        pos
    }

    fn backward(&self, mut pos: Pos, mut n: usize) -> Pos {
        while n > 0 {
            if n <= pos.line {
                pos.line -= n;
                return pos;
            }
            if pos.block == 0 {
                return Pos::default();
            }
            n -= pos.line + 1;
            pos.block -= 1;
            pos.line = self.block_height(pos.block) - 1;
        }
        pos
    }

    /// The lowest top that still fills the view (the last block's gap may
    /// show below it). Only the blocks at the end are measured.
    fn max_top(&self) -> Pos {
        let Some(last) = self.view.blocks.len().checked_sub(1) else {
            return Pos::default();
        };
        let end = Pos {
            block: last,
            line: self.block_height(last) - 1,
        };
        self.backward(end, self.height.saturating_sub(1))
    }

    fn clamp_top(&mut self) {
        if self.view.blocks.is_empty() {
            self.top = Pos::default();
            return;
        }
        self.top = self.top.min(self.max_top());
    }

    /// Rows from `from` forward to `to` (exclusive), or `None` when that is
    /// more than `limit` rows away (the walk stops there).
    fn distance(&self, from: Pos, to: Pos, limit: usize) -> Option<usize> {
        if to < from {
            return None;
        }
        let mut rows = 0;
        let mut pos = from;
        while pos.block < to.block {
            rows += self.block_height(pos.block) - pos.line;
            if rows > limit {
                return None;
            }
            pos = Pos {
                block: pos.block + 1,
                line: 0,
            };
        }
        rows += to.line - pos.line;
        (rows <= limit).then_some(rows)
    }

    /// Scrolls the least needed to show lines `lines` of block `b`: all of
    /// them when they fit; when they do not, the view stays if it already
    /// shows some of them (the reader is part-way through), else their
    /// first line goes to the top.
    fn reveal(&mut self, b: usize, lines: Range<usize>) {
        let first = Pos {
            block: b,
            line: lines.start,
        };
        let end = Pos {
            block: b,
            line: lines.end.max(lines.start + 1),
        };
        let fits = self.distance(first, end, self.height).is_some();
        let bottom = self.forward(self.top, self.height);
        if !fits {
            let overlaps = first < bottom && self.top < end;
            if !overlaps {
                self.top = first;
            }
        } else if first < self.top {
            self.top = first;
        } else if self.distance(self.top, end, self.height).is_none() {
            self.top = self.backward(end, self.height);
        }
        self.clamp_top();
    }

    /// Scrolls so the focused paragraph is in view (see [`Self::reveal`]).
    pub fn show_focus(&mut self) {
        let Some(b) = self.focus.and_then(|p| self.block_of(p)) else {
            return;
        };
        let Some(p) = self.view.blocks[b].paragraph() else {
            return;
        };
        let n = self.lines(p).len();
        self.reveal(b, 0..n);
    }

    /// Where the scrollbar's thumb goes: the top of the view, the lowest top
    /// and the height of the view, in thousandths of a block, so that
    /// scrolling inside a long paragraph moves the thumb too without
    /// wrapping the whole story to count its lines.
    pub fn scroll_extent(&self) -> (usize, usize, usize) {
        let units = |pos: Pos| {
            if pos.block >= self.view.blocks.len() {
                return self.view.blocks.len() * 1000;
            }
            pos.block * 1000 + pos.line * 1000 / self.block_height(pos.block)
        };
        let top = units(self.top);
        let bottom = units(self.forward(self.top, self.height));
        (
            top,
            units(self.max_top()),
            bottom.saturating_sub(top).max(1),
        )
    }

    /// The rows of the body from the top of the view, at most `height`.
    pub fn visible_rows(&self) -> Vec<Row> {
        let mut rows = Vec::with_capacity(self.height);
        let mut pos = self.top;
        while rows.len() < self.height && pos.block < self.view.blocks.len() {
            let height = self.block_height(pos.block);
            for line in pos.line..height {
                if rows.len() == self.height {
                    break;
                }
                rows.push(match self.view.blocks[pos.block] {
                    Block::Paragraph(p) => match self.lines(p as usize).get(line) {
                        Some(range) => Row::Text {
                            paragraph: p as usize,
                            line,
                            range: range.clone(),
                        },
                        None => Row::Gap,
                    },
                    Block::Hidden { count, .. } if line == 0 => Row::Hidden(count as usize),
                    Block::Hidden { .. } => Row::Gap,
                });
            }
            pos = Pos {
                block: pos.block + 1,
                line: 0,
            };
        }
        rows
    }

    /// The paragraph of the first text row in view, where the eye goes
    /// after a page.
    fn top_in_view(&self) -> Option<usize> {
        self.visible_rows().iter().find_map(|r| match r {
            Row::Text { paragraph, .. } => Some(*paragraph),
            _ => None,
        })
    }

    /// The paragraph of the last text row in view.
    fn bottom_in_view(&self) -> Option<usize> {
        self.visible_rows().iter().rev().find_map(|r| match r {
            Row::Text { paragraph, .. } => Some(*paragraph),
            _ => None,
        })
    }

    fn focus_in_view(&self) -> bool {
        self.visible_rows()
            .iter()
            .any(|r| matches!(r, Row::Text { paragraph, .. } if Some(*paragraph) == self.focus))
    }

    // ----- focus and movement ------------------------------------------------

    /// The next shown paragraph after `p` (the first with `None`).
    pub fn next_shown(&self, p: Option<usize>) -> Option<usize> {
        let from = p.map_or(0, |p| p + 1);
        (from..self.view.shown.len()).find(|&q| self.view.shown[q])
    }

    pub fn prev_shown(&self, p: usize) -> Option<usize> {
        (0..p).rev().find(|&q| self.view.shown[q])
    }

    fn last_shown(&self) -> Option<usize> {
        (0..self.view.shown.len())
            .rev()
            .find(|&q| self.view.shown[q])
    }

    /// Focuses `p` and its first claim, without scrolling.
    pub fn set_focus(&mut self, p: Option<usize>) {
        self.focus = p;
        self.claim = p.and_then(|p| {
            let claims = self.index.claims_in(p);
            (!claims.is_empty()).then_some(claims.start)
        });
    }

    /// Focuses `p`, remembering where the reader was, and scrolls to it.
    pub fn jump_to(&mut self, p: usize) {
        if let Some(from) = self.focus
            && from != p
        {
            if self.jumps.len() == JUMP_LIST_MAX {
                self.jumps.remove(0);
            }
            self.jumps.push(from);
        }
        self.set_focus(Some(p));
        // A jump lands a quarter down the view, with context above, unless
        // the paragraph is already in full view.
        if let Some(b) = self.block_of(p) {
            let end = Pos {
                block: b,
                line: self.lines(p).len(),
            };
            let start = Pos { block: b, line: 0 };
            let in_view = start >= self.top && self.distance(self.top, end, self.height).is_some();
            if !in_view {
                self.top = self.backward(start, self.height / 4);
                self.clamp_top();
            }
        }
        self.show_focus();
    }

    /// Jumps to claim `i` (a position in `claim_order`) and shows its lines.
    /// Focuses the `i`th claim in reading order and scrolls to it. A claim
    /// in a paragraph that is not shown (the headline, shown above the body)
    /// cannot be focused: the nearest shown paragraph is, and `false` says so.
    pub fn jump_to_claim(&mut self, i: usize) -> bool {
        let Some(claim) = self.doc.claim(self.index.claim_order[i] as usize) else {
            return false;
        };
        let p = claim.paragraph;
        let (start, end) = (claim.start, claim.end);
        if !self.view.shown.get(p).copied().unwrap_or(false) {
            self.focus_near(p);
            return false;
        }
        self.jump_to(p);
        self.claim = Some(i);
        self.reveal_bytes(p, start, end);
        true
    }

    /// Scrolls to show the bytes `start..end` of paragraph `p`.
    fn reveal_bytes(&mut self, p: usize, start: usize, end: usize) {
        let Some(b) = self.block_of(p) else { return };
        let lines = self.lines(p);
        let first = lines
            .partition_point(|l| l.end < start)
            .min(lines.len() - 1);
        let last = lines.partition_point(|l| l.end < end).min(lines.len() - 1);
        self.reveal(b, first..last + 1);
    }

    /// The first and the end (exclusive) line of the focused paragraph's
    /// text, if it is shown.
    fn focus_span(&self) -> Option<(Pos, Pos)> {
        let p = self.focus?;
        let b = self.block_of(p)?;
        let end = Pos {
            block: b,
            line: self.lines(p).len(),
        };
        Some((Pos { block: b, line: 0 }, end))
    }

    /// `j`: the next paragraph; inside a paragraph whose text goes on below
    /// the view, a screen further down it first, as `less` does.
    pub fn next_paragraph(&mut self) {
        if let Some((_, end)) = self.focus_span()
            && end > self.top
            && self.distance(self.top, end, self.height).is_none()
        {
            self.top = self.forward(self.top, self.page());
            self.clamp_top();
            return;
        }
        if let Some(p) = self.next_shown(self.focus) {
            self.set_focus(Some(p));
            self.show_focus();
        }
    }

    /// `k`: the previous paragraph; inside a paragraph that starts above
    /// the view, a screen further up it first. A long previous paragraph is
    /// entered at its end, where reading backwards meets it.
    pub fn prev_paragraph(&mut self) {
        if let Some((start, _)) = self.focus_span()
            && start < self.top
        {
            self.top = self.backward(self.top, self.page()).max(start);
            return;
        }
        let Some(p) = self.focus.and_then(|p| self.prev_shown(p)) else {
            return;
        };
        self.set_focus(Some(p));
        if let Some((start, end)) = self.focus_span()
            && self.distance(start, end, self.height).is_none()
            && !self.focus_in_view()
        {
            self.top = self.backward(end, self.height);
            self.clamp_top();
        } else {
            self.show_focus();
        }
    }

    /// Rows a page moves: the view less two rows kept for context.
    fn page(&self) -> usize {
        self.height.saturating_sub(2).max(1)
    }

    /// Rows half a page moves (`Ctrl-d`, `Ctrl-u`).
    pub fn half_page(&self) -> usize {
        (self.height / 2).max(1)
    }

    /// `Space`: a page down; the focus goes to the paragraph at the top of
    /// the view, which stays where the page put it (the paragraph may begin
    /// above it), or at the end of the story to its last paragraph.
    pub fn page_down(&mut self) {
        let before = self.top;
        self.top = self.forward(self.top, self.page());
        self.clamp_top();
        let p = if self.top == before {
            self.last_shown()
        } else {
            self.top_in_view()
        };
        self.set_focus(p);
    }

    /// `b`: a page up, the focus as for [`Self::page_down`]; at the top, the
    /// first paragraph.
    pub fn page_up(&mut self) {
        let before = self.top;
        self.top = self.backward(self.top, self.page());
        let p = if self.top == before {
            self.next_shown(None)
        } else {
            self.top_in_view()
        };
        self.set_focus(p);
    }

    pub fn first_paragraph(&mut self) {
        if let Some(p) = self.next_shown(None) {
            self.jump_to(p);
            self.top = Pos::default();
        }
    }

    pub fn last_paragraph(&mut self) {
        if let Some(p) = self.last_shown() {
            self.jump_to(p);
            self.top = self.max_top();
        }
    }

    /// Scrolls the view `n` rows (the wheel, `Ctrl-e`, `Ctrl-d`); the focus
    /// follows only when it would leave the view, to the top paragraph.
    pub fn scroll_down(&mut self, n: usize) {
        self.top = self.forward(self.top, n);
        self.clamp_top();
        if !self.focus_in_view() {
            let p = self.top_in_view();
            self.set_focus(p);
        }
    }

    /// Scrolls the view `n` rows up; a focus that leaves the view goes to
    /// the bottom paragraph.
    pub fn scroll_up(&mut self, n: usize) {
        self.top = self.backward(self.top, n);
        if !self.focus_in_view() {
            let p = self.bottom_in_view();
            self.set_focus(p);
        }
    }

    pub fn jump_back(&mut self) -> bool {
        while let Some(p) = self.jumps.pop() {
            if self.focus_near(p) {
                return true;
            }
        }
        false
    }

    /// Focuses `p`, or when the filter hides it the nearest shown paragraph
    /// after it (else before it), and scrolls to it. False when none is shown.
    pub fn focus_near(&mut self, p: usize) -> bool {
        let target = if self.view.shown.get(p) == Some(&true) {
            Some(p)
        } else {
            self.next_shown(Some(p))
                .or_else(|| self.prev_shown(p.min(self.view.shown.len())))
        };
        if target.is_some() {
            self.set_focus(target);
            self.show_focus();
        }
        target.is_some()
    }

    // ----- speakers and claims -----------------------------------------------

    /// Speakers with claims, in panel order (what `s` cycles through).
    pub fn sources(&self) -> impl Iterator<Item = usize> + '_ {
        self.view.panel.iter().filter_map(|r| match r {
            PanelRow::Source(s) => Some(*s),
            _ => None,
        })
    }

    pub fn select(&mut self, speaker: Option<usize>) {
        self.selected = speaker;
        if let Some(row) = speaker.and_then(|s| self.panel_row_of(s)) {
            self.panel_cursor = row;
        }
    }

    /// Selects the next source after the selected one, wrapping around.
    pub fn cycle_source(&mut self) -> Option<usize> {
        let sources: Vec<usize> = self.sources().collect();
        let next = match self
            .selected
            .and_then(|s| sources.iter().position(|&x| x == s))
        {
            Some(i) => sources.get(i + 1).or(sources.first()),
            None => sources.first(),
        }
        .copied();
        if next.is_some() {
            self.select(next);
        }
        next
    }

    /// Moves the panel's cursor to the next (or previous) speaker row and
    /// selects that speaker.
    pub fn move_panel_cursor(&mut self, forward: bool) {
        let rows: Vec<usize> = self.panel_speaker_rows().collect();
        if rows.is_empty() {
            return;
        }
        let at = rows.iter().position(|&r| r == self.panel_cursor);
        let row = match (at, self.selected) {
            // The first press selects the row the cursor is on.
            (Some(i), None) => rows[i],
            (Some(i), Some(_)) if forward => rows[(i + 1).min(rows.len() - 1)],
            (Some(i), Some(_)) => rows[i.saturating_sub(1)],
            (None, _) => rows[0],
        };
        self.panel_cursor = row;
        self.selected = self.panel_speaker(row);
    }

    /// Paragraphs (shown) where the selected speaker is mentioned or quoted,
    /// the next after the focus or the previous before it.
    pub fn mention(&self, forward: bool) -> Option<usize> {
        let list = &self.index.speaker_paragraphs[self.selected?];
        let focus = self.focus?;
        let shown = |&p: &usize| self.view.shown[p];
        if forward {
            let i = list.partition_point(|&p| p as usize <= focus);
            list[i..].iter().map(|&p| p as usize).find(shown)
        } else {
            let i = list.partition_point(|&p| (p as usize) < focus);
            list[..i].iter().rev().map(|&p| p as usize).find(shown)
        }
    }

    /// The next (or previous) claim in a shown paragraph, from the focused
    /// claim or, with none, from the focused paragraph.
    pub fn neighbour_claim(&self, forward: bool) -> Option<usize> {
        let paragraphs = &self.index.claim_paragraphs;
        let focus = self.focus.unwrap_or(0);
        let shown = |i: &usize| self.view.shown[paragraphs[*i] as usize];
        if forward {
            let from = match self.claim {
                Some(i) => i + 1,
                None => paragraphs.partition_point(|&p| p as usize <= focus),
            };
            (from..paragraphs.len()).find(shown)
        } else {
            let to = match self.claim {
                Some(i) => i,
                None => paragraphs.partition_point(|&p| (p as usize) < focus),
            };
            (0..to).rev().find(shown)
        }
    }

    /// The current claim.
    pub fn current_claim(&self) -> Option<Cow<'_, Claim>> {
        self.doc
            .claim(*self.index.claim_order.get(self.claim?)? as usize)
    }

    /// The bytes of the current claim, when it is in paragraph `p`.
    pub fn current_claim_bytes(&self, p: usize) -> Option<Range<usize>> {
        let claim = self.current_claim()?;
        (claim.paragraph == p).then_some(claim.start..claim.end)
    }

    /// The first claim of speaker `s` in a shown paragraph.
    pub fn first_claim_of(&self, s: usize) -> Option<usize> {
        (0..self.index.claim_order.len()).find(|&position| {
            self.index.claim_speaker(position) == Some(s)
                && self.view.shown[self.index.claim_paragraphs[position] as usize]
        })
    }

    /// Paragraph `p`'s number as the status bar counts them: among the
    /// shown ones, from 1 (a hidden one gets the number of the next shown).
    pub fn paragraph_number(&self, p: usize) -> usize {
        self.view.shown_before.get(p).map_or(0, |&n| n as usize + 1)
    }

    /// The position of the focused paragraph among the shown ones (1-based).
    pub fn focus_position(&self) -> Option<usize> {
        let p = self.focus?;
        Some(self.view.shown_before[p] as usize + 1)
    }

    /// Search: starts the query, and moves to the first match at or after
    /// `from` once the scan has found it (see [`StoryView::continue_search`]).
    pub fn run_search(&mut self, from: Option<usize>) {
        self.search.start();
        self.search_from = from;
        self.continue_search();
    }

    /// One step of the search's scan (a few megabytes of text), then the
    /// move to the first match at or after where the search started, as
    /// soon as it is known; with none after it, the first match of all;
    /// with none at all, back to where the search started.
    pub fn continue_search(&mut self) {
        self.search
            .scan(self.doc.paragraphs(), &self.view.shown, STEP_BYTES);
        if self.search.current.is_some() || !self.search.is_active() {
            return;
        }
        let from = self.search_from.unwrap_or(0);
        let after = self.search.hits.partition_point(|h| h.paragraph() < from);
        if after < self.search.hits.len() {
            self.go_to_hit(after);
        } else if !self.search.is_scanning() {
            if !self.search.hits.is_empty() {
                self.go_to_hit(0);
            } else if let Some(p) = self.search_from {
                self.focus_near(p);
            }
        }
    }

    /// Focuses match `i` and shows its line.
    pub fn go_to_hit(&mut self, i: usize) {
        let hit = self.search.hits[i];
        self.search.current = Some(i);
        self.set_focus(Some(hit.paragraph()));
        self.show_focus();
        self.reveal_bytes(hit.paragraph(), hit.start(), hit.end());
    }
}

/// Columns left for a source's name beside the marker and the claim count.
pub fn name_room(width: u16, count: &str) -> usize {
    room_beside(width, text_width(count))
}

/// Columns for a source's name beside a count `count_columns` wide.
fn room_beside(width: u16, count_columns: usize) -> usize {
    usize::from(width)
        .saturating_sub(2 + count_columns + 1)
        .max(1)
}

/// Decimal digits of `n`, as it is drawn.
fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |log| log as usize + 1)
}
