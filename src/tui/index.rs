//! What the reader looks up in a document, computed once when it opens:
//! the paragraphs of each speaker and country, the claims in reading order,
//! and where each paragraph's highlights come from. Highlight runs (see
//! [`super::runs`]) are made only for the paragraphs drawn, and a few
//! hundred kept: a long story never holds them all.
//!
//! Documents may come from elsewhere (JSON written by another tool), so every
//! span is checked: out-of-range paragraphs are dropped and offsets are
//! clamped to the paragraph and to character boundaries. Drawing never slices
//! with an unchecked offset.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::Arc;

use crate::model::{Annotated, Claim, ClaimKind, Offsets, SpeakerKind};

use super::runs::{Run, flatten};

/// What a highlighted stretch of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    Claim(ClaimKind),
    /// A mention of a speaker, or the words a claim is attributed to.
    Speaker,
    Country,
}

/// A highlighted stretch of a paragraph (offsets as u32: a paragraph's text
/// is at most 4 GiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: u32,
    pub end: u32,
    pub kind: MarkKind,
    /// Index into `Document::speakers` of the speaker it belongs to.
    pub speaker: Option<u32>,
}

/// Where highlights of a paragraph come from, found again in the document
/// when the paragraph is drawn: 4 bytes instead of the marks themselves,
/// and no runs for paragraphs never shown. Either an owner (a speaker's
/// index, or a country's index plus the number of speakers), which stands
/// for all its mentions in the paragraph, or [`MarkRef::CLAIM_SOURCE`]
/// with the position in `claim_order` of a claim whose source it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MarkRef(u32);

impl MarkRef {
    /// Set for a claim's source (a story has fewer than 2^31 owners).
    const CLAIM_SOURCE: u32 = 1 << 31;
}

/// Marks a claim without a speaker in `claim_speakers`.
const NO_SPEAKER: u32 = u32::MAX;

/// Paragraphs whose runs are kept once drawn: more than a screen shows.
const RUN_CACHE_PARAGRAPHS: usize = 256;

#[derive(Debug, Clone, Default)]
pub struct DocIndex {
    /// Indices into `Document::claims`, in reading order (u32: a long
    /// story has a million claims).
    pub claim_order: Vec<u32>,
    /// For each claim in `claim_order`, its paragraph (for binary search).
    pub claim_paragraphs: Vec<u32>,
    /// For each claim in `claim_order`, its speaker (index into
    /// `Document::speakers`), or [`NO_SPEAKER`]: half the room of an
    /// `Option`.
    claim_speakers: Vec<u32>,
    /// For each speaker, the sorted paragraphs where it is mentioned or
    /// quoted (u32, as every paragraph list here: a long story has a
    /// million paragraphs, and these lists are held while it is open).
    pub speaker_paragraphs: Lists,
    /// For each speaker, the number of claims attributed to it.
    pub speaker_claims: Vec<usize>,
    /// For each country, the sorted paragraphs that mention it.
    pub country_paragraphs: Lists,
    /// The mentions and claim sources of each paragraph: those of
    /// paragraph `p` are `mark_refs[mark_starts[p]..mark_starts[p + 1]]`,
    /// in the order they layer in (claims come from `claim_order`).
    mark_refs: Vec<MarkRef>,
    mark_starts: Vec<u32>,
    /// Owners whose mentions are not in paragraph order (only in documents
    /// written elsewhere), sorted: their mentions in a paragraph are looked
    /// for one by one, not by binary search.
    unsorted: Vec<u32>,
    /// Highlight runs of the paragraphs drawn last, most recent last.
    runs: RefCell<VecDeque<(usize, Arc<[Run]>)>>,
}

/// Clamps `start..end` to `text` and to character boundaries; `None` when
/// nothing is left.
pub fn clamp_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut end = end.min(text.len());
    let mut start = start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start < end).then_some((start, end))
}

/// The mark `span` makes in its paragraph, clamped to the text; `None`
/// when the paragraph does not exist or nothing of the span is left.
fn mark(doc: &dyn Annotated, span: Offsets, kind: MarkKind, speaker: Option<u32>) -> Option<Mark> {
    let text = &doc.paragraphs().get(span.paragraph)?.text;
    let (start, end) = clamp_span(text, span.start, span.end)?;
    Some(Mark {
        start: start as u32,
        end: end as u32,
        kind,
        speaker,
    })
}

/// The spans a claim is highlighted by: an interrupted quote part by part,
/// so the attribution between its parts does not read as quoted; only
/// those in the claim's own paragraph.
fn claim_spans(claim: &Claim) -> impl Iterator<Item = Offsets> + '_ {
    let whole = claim.parts.is_empty().then_some(Offsets {
        paragraph: claim.paragraph,
        start: claim.start,
        end: claim.end,
    });
    whole
        .into_iter()
        .chain(claim.parts.iter().map(Offsets::from))
        .filter(|span| span.paragraph == claim.paragraph)
}

impl DocIndex {
    pub fn new(doc: &dyn Annotated) -> Self {
        let count = doc.paragraphs().len();
        let mut index = DocIndex {
            speaker_claims: vec![0; doc.speaker_count()],
            ..DocIndex::default()
        };
        let marks = |span: Offsets| mark(doc, span, MarkKind::Speaker, None).is_some();

        let speaker_of = doc.claim_speakers();
        let mut claims = Vec::with_capacity(doc.claim_count());
        for i in 0..doc.claim_count() {
            let Some(claim) = doc.claim(i) else {
                continue;
            };
            // A sentinel, not an `Option`: 16 bytes a claim, not 20.
            let speaker = speaker_of.get(i).copied().flatten().unwrap_or(NO_SPEAKER);
            if !claim_spans(&claim).any(marks) {
                continue;
            }
            claims.push((
                claim.paragraph as u32,
                claim.start as u32,
                i as u32,
                speaker,
            ));
        }
        drop(speaker_of);
        claims.sort_unstable();
        index.claim_order = claims.iter().map(|c| c.2).collect();
        index.claim_paragraphs = claims.iter().map(|c| c.0).collect();
        index.claim_speakers = claims.iter().map(|c| c.3).collect();
        // Claim sources in document order, as they layered before.
        let mut by_document: Vec<u32> = (0..claims.len() as u32).collect();
        by_document.sort_unstable_by_key(|&n| claims[n as usize].2);
        drop(claims);

        for position in 0..index.claim_order.len() {
            if let Some(s) = index.claim_speaker(position) {
                index.speaker_claims[s] += 1;
            }
        }
        index.speaker_paragraphs = Lists::build(doc.speaker_count(), |push| {
            push_marked_paragraphs(
                doc.speaker_count(),
                |s| doc.speaker_mention_count(s),
                |s, m| doc.speaker_mention(s, m),
                &marks,
                push,
            );
            for (position, &claim) in index.claim_order.iter().enumerate() {
                let Some(s) = index.claim_speaker(position) else {
                    continue;
                };
                if let Some(p) = doc.claim_paragraph(claim as usize) {
                    push(s, p as u32);
                }
                if let Some(source) = doc.claim_source(claim as usize)
                    && marks(source)
                {
                    push(s, source.paragraph as u32);
                }
            }
        });
        index.country_paragraphs = Lists::build(doc.country_count(), |push| {
            push_marked_paragraphs(
                doc.country_count(),
                |c| doc.country_mention_count(c),
                |c, m| doc.country_mention(c, m),
                &marks,
                push,
            );
        });

        // Each paragraph's references, counted first and then placed, so
        // no list per paragraph is ever held.
        let mut starts = vec![0u32; count + 1];
        index.each_mark_ref(doc, &by_document, |p, _| starts[p + 1] += 1);
        for p in 0..count {
            starts[p + 1] += starts[p];
        }
        let mut refs = vec![MarkRef(0); starts[count] as usize];
        // Each start serves as its paragraph's cursor, and ends as the next
        // paragraph's start: shifted back by one after, with no copy.
        index.each_mark_ref(doc, &by_document, |p, r| {
            refs[starts[p] as usize] = r;
            starts[p] += 1;
        });
        starts.copy_within(0..count, 1);
        starts[0] = 0;
        index.mark_refs = refs;
        index.mark_starts = starts;
        index
    }

    /// Calls `found` with the paragraph and reference of every owner's
    /// mentions (once a paragraph) and claim source that mark some text,
    /// in the order they layer in.
    fn each_mark_ref(
        &self,
        doc: &dyn Annotated,
        sources_in_order: &[u32],
        mut found: impl FnMut(usize, MarkRef),
    ) {
        let marks = |span: Offsets| mark(doc, span, MarkKind::Speaker, None).is_some();
        // The owner last referred to in each paragraph: owners come in
        // order, so this keeps one reference per owner and paragraph.
        let mut last_owner = vec![u32::MAX; doc.paragraphs().len()];
        for owner in 0..doc.speaker_count() + doc.country_count() {
            for item in 0..owner_mention_count(doc, owner) {
                if let Some(mention) = owner_mention(doc, owner, item)
                    && marks(mention)
                    && let Some(last) = last_owner.get_mut(mention.paragraph)
                    && *last != owner as u32
                {
                    *last = owner as u32;
                    found(mention.paragraph, MarkRef(owner as u32));
                }
            }
        }
        for &position in sources_in_order {
            if let Some(source) = doc.claim_source(self.claim_order[position as usize] as usize)
                && marks(source)
            {
                found(source.paragraph, MarkRef(MarkRef::CLAIM_SOURCE | position));
            }
        }
    }

    /// The mentions of `owner` in paragraph `p`, in order.
    fn owner_mentions_in(&self, doc: &dyn Annotated, owner: usize, p: usize) -> Vec<Offsets> {
        let count = owner_mention_count(doc, owner);
        let at = |m: usize| owner_mention(doc, owner, m);
        if self.unsorted.binary_search(&(owner as u32)).is_ok() {
            return (0..count)
                .filter_map(at)
                .filter(|m| m.paragraph == p)
                .collect();
        }
        // In paragraph order: the first at or after `p`, by binary search.
        let before = |m: usize| at(m).is_some_and(|m| m.paragraph < p);
        let (mut low, mut high) = (0, count);
        while low < high {
            let middle = low + (high - low) / 2;
            if before(middle) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        (low..count)
            .map_while(|m| at(m).filter(|m| m.paragraph == p))
            .collect()
    }

    /// The speaker of the claim at `position` in `claim_order`.
    pub fn claim_speaker(&self, position: usize) -> Option<usize> {
        self.claim_speakers
            .get(position)
            .filter(|&&s| s != NO_SPEAKER)
            .map(|&s| s as usize)
    }

    /// Positions in `claim_order` of the claims in paragraph `p`.
    pub fn claims_in(&self, p: usize) -> std::ops::Range<usize> {
        let start = self.claim_paragraphs.partition_point(|&q| (q as usize) < p);
        let end = self.claim_paragraphs.partition_point(|&q| q as usize <= p);
        start..end
    }

    /// The highlight runs of paragraph `p` of `doc` (the document this
    /// index was made from), sorted and disjoint: made when first drawn,
    /// and kept while it is among the last paragraphs drawn.
    pub fn runs(&self, doc: &dyn Annotated, p: usize) -> Arc<[Run]> {
        let mut cache = self.runs.borrow_mut();
        if let Some((_, runs)) = cache.iter().find(|(q, _)| *q == p) {
            return Arc::clone(runs);
        }
        let runs: Arc<[Run]> = flatten(&self.marks(doc, p)).into();
        if cache.len() == RUN_CACHE_PARAGRAPHS {
            cache.pop_front();
        }
        cache.push_back((p, Arc::clone(&runs)));
        runs
    }

    /// The marks of paragraph `p`, in the order they layer in: mentions of
    /// speakers, then of countries, claim sources, then claims.
    fn marks(&self, doc: &dyn Annotated, p: usize) -> Vec<Mark> {
        let (Some(&from), Some(&to)) = (self.mark_starts.get(p), self.mark_starts.get(p + 1))
        else {
            return Vec::new();
        };
        let speakers = doc.speaker_count();
        let mut marks: Vec<Mark> = Vec::new();
        for &MarkRef(r) in self
            .mark_refs
            .get(from as usize..to as usize)
            .unwrap_or(&[])
        {
            if r & MarkRef::CLAIM_SOURCE != 0 {
                let item = (r & !MarkRef::CLAIM_SOURCE) as usize;
                let speaker = self.claim_speaker(item).map(|s| s as u32);
                let source = self
                    .claim_order
                    .get(item)
                    .and_then(|&claim| doc.claim_source(claim as usize));
                marks.extend(
                    source.and_then(|source| mark(doc, source, MarkKind::Speaker, speaker)),
                );
                continue;
            }
            let owner = r as usize;
            let (kind, speaker) = if owner < speakers {
                (MarkKind::Speaker, Some(r))
            } else {
                (MarkKind::Country, None)
            };
            let mentions = self.owner_mentions_in(doc, owner, p);
            marks.extend(
                mentions
                    .into_iter()
                    .filter_map(|m| mark(doc, m, kind, speaker)),
            );
        }
        let mut claims: Vec<usize> = self.claims_in(p).collect();
        claims.sort_unstable_by_key(|&position| self.claim_order[position]);
        for position in claims {
            let Some(claim) = doc.claim(self.claim_order[position] as usize) else {
                continue;
            };
            let speaker = self.claim_speaker(position).map(|s| s as u32);
            let kind = MarkKind::Claim(claim.kind);
            marks.extend(claim_spans(&claim).filter_map(|span| mark(doc, span, kind, speaker)));
        }
        marks
    }
}

/// How many mentions `owner` (a speaker, or a country after the speakers) has.
fn owner_mention_count(doc: &dyn Annotated, owner: usize) -> usize {
    match owner.checked_sub(doc.speaker_count()) {
        None => doc.speaker_mention_count(owner),
        Some(c) => doc.country_mention_count(c),
    }
}

/// The `m`th mention of `owner` (a speaker, or a country after the speakers).
fn owner_mention(doc: &dyn Annotated, owner: usize, m: usize) -> Option<Offsets> {
    match owner.checked_sub(doc.speaker_count()) {
        None => doc.speaker_mention(owner, m),
        Some(c) => doc.country_mention(c, m),
    }
}

/// Pushes, for each of `owners` (speakers or countries), the paragraph of
/// each of its mentions that `marks` keeps.
fn push_marked_paragraphs(
    owners: usize,
    mention_count: impl Fn(usize) -> usize,
    mention: impl Fn(usize, usize) -> Option<Offsets>,
    marks: &impl Fn(Offsets) -> bool,
    push: &mut dyn FnMut(usize, u32),
) {
    for owner in 0..owners {
        let mentions = (0..mention_count(owner)).filter_map(|m| mention(owner, m));
        for found in mentions.filter(|&m| marks(m)) {
            push(owner, found.paragraph as u32);
        }
    }
}

/// Sorted, deduplicated lists of paragraphs, one per owner (a speaker or
/// a country), all in one vector: a long story has a hundred thousand
/// speakers, most in a paragraph or two, and a vector each would cost more
/// than its paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    /// Owner `o`'s list is `items[starts[o]..starts[o + 1]]`.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl std::ops::Index<usize> for Lists {
    type Output = [u32];

    fn index(&self, owner: usize) -> &[u32] {
        &self.items[self.starts[owner] as usize..self.starts[owner + 1] as usize]
    }
}

impl Lists {
    /// The lists of `owners` owners, from what `each` gives `push` (owner,
    /// paragraph). `each` runs twice, to count and then to place: no list
    /// is grown. A repeat of an owner's last paragraph is skipped at once
    /// (mentions come mostly in reading order: a speaker named a million
    /// times would otherwise list its paragraphs a million times).
    fn build(owners: usize, each: impl Fn(&mut dyn FnMut(usize, u32))) -> Lists {
        let mut last = vec![u32::MAX; owners];
        let mut starts = vec![0u32; owners + 1];
        each(&mut |owner, p| {
            if last[owner] != p {
                last[owner] = p;
                starts[owner + 1] += 1;
            }
        });
        for owner in 0..owners {
            starts[owner + 1] += starts[owner];
        }
        let mut items = vec![0u32; starts[owners] as usize];
        let mut next = starts.clone();
        last.fill(u32::MAX);
        each(&mut |owner, p| {
            if last[owner] != p {
                last[owner] = p;
                items[next[owner] as usize] = p;
                next[owner] += 1;
            }
        });
        drop(next);
        drop(last);
        // Each list sorted and deduplicated, moved down to where the
        // last one ended.
        let mut kept = 0;
        for owner in 0..owners {
            let (from, to) = (starts[owner] as usize, starts[owner + 1] as usize);
            items[from..to].sort_unstable();
            starts[owner] = kept as u32;
            let mut previous = None;
            for k in from..to {
                if previous != Some(items[k]) {
                    previous = Some(items[k]);
                    items[kept] = items[k];
                    kept += 1;
                }
            }
        }
        starts[owners] = kept as u32;
        items.truncate(kept);
        items.shrink_to_fit();
        Lists { starts, items }
    }
}

/// The order sources are listed in: named people first, then anonymous
/// sources, groups, organizations and documents.
pub fn kind_rank(kind: SpeakerKind) -> usize {
    match kind {
        SpeakerKind::Person => 0,
        SpeakerKind::Anonymous => 1,
        SpeakerKind::Group => 2,
        SpeakerKind::Organization => 3,
        SpeakerKind::Document => 4,
    }
}

/// The heading of a group of sources in the panel.
pub fn kind_heading(kind: SpeakerKind) -> &'static str {
    match kind {
        SpeakerKind::Person => "Named people",
        SpeakerKind::Anonymous => "Anonymous",
        SpeakerKind::Group => "Groups",
        SpeakerKind::Organization => "Organizations",
        SpeakerKind::Document => "Documents",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Span};

    #[test]
    fn spans_are_clamped_to_the_text_and_to_characters() {
        assert_eq!(clamp_span("héllo", 2, 4), Some((1, 4)));
        assert_eq!(clamp_span("abc", 1, 99), Some((1, 3)));
        assert_eq!(clamp_span("abc", 5, 9), None);
        assert_eq!(clamp_span("abc", 2, 1), None);
    }

    fn span(doc: &Document, paragraph: usize, start: usize, end: usize) -> Span {
        let text = doc.paragraphs[paragraph].text.slice(start..end).unwrap();
        Span {
            paragraph,
            start,
            end,
            text,
        }
    }

    #[test]
    fn a_claim_source_in_another_paragraph_is_highlighted_there_when_drawn() {
        let mut doc = crate::tui::fixture::plain(&["Ana Ruiz spoke.", "\"We agree,\" it went."]);
        doc.speakers.push(crate::model::Speaker {
            id: "s1".into(),
            name: "Ana Ruiz".into(),
            kind: SpeakerKind::Person,
            role: None,
            country: None,
            aliases: Vec::new(),
            mentions: Vec::new(),
        });
        let content = span(&doc, 1, 1, 10);
        doc.claims.push(Claim {
            id: "c1".into(),
            speaker: Some("s1".into()),
            kind: ClaimKind::Direct,
            paragraph: 1,
            start: 1,
            end: 10,
            text: content.text,
            parts: Vec::new(),
            source: Some(span(&doc, 0, 0, 8)),
            cue: None,
            channel: None,
        });
        let index = DocIndex::new(&doc);
        let source = index.runs(&doc, 0);
        assert_eq!((source[0].start(), source[0].end()), (0, 8));
        assert_eq!(source[0].speaker(), Some(Some(0)));
        let claim = index.runs(&doc, 1);
        assert_eq!(claim[0].claim(), Some((ClaimKind::Direct, Some(0))));
        assert_eq!(index.speaker_paragraphs[0], [0, 1]);
    }

    #[test]
    fn runs_are_kept_for_the_last_paragraphs_drawn_only() {
        let texts = vec!["Words."; RUN_CACHE_PARAGRAPHS + 50];
        let doc = crate::tui::fixture::plain(&texts);
        let index = DocIndex::new(&doc);
        for p in 0..texts.len() {
            assert!(index.runs(&doc, p).is_empty());
        }
        assert_eq!(index.runs.borrow().len(), RUN_CACHE_PARAGRAPHS);
        assert!(
            index.runs(&doc, texts.len() + 5).is_empty(),
            "no such paragraph"
        );
    }
}
