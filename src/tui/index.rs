//! What the reader looks up in a document, computed once when it opens:
//! highlight runs per paragraph (see [`super::runs`]), the paragraphs of each speaker and country,
//! and the claims in reading order.
//!
//! Documents may come from elsewhere (JSON written by another tool), so every
//! span is checked: out-of-range paragraphs are dropped and offsets are
//! clamped to the paragraph and to character boundaries. Drawing never slices
//! with an unchecked offset.

use std::collections::HashMap;

use crate::model::{ClaimKind, Document, Span, SpeakerKind};

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

#[derive(Debug, Clone, Default)]
pub struct DocIndex {
    /// Highlight runs of each paragraph, sorted and disjoint.
    pub runs: Vec<Vec<Run>>,
    /// Indices into `Document::claims`, in reading order.
    pub claim_order: Vec<usize>,
    /// For each claim in `claim_order`, its paragraph (for binary search).
    pub claim_paragraphs: Vec<usize>,
    /// For each speaker, the sorted paragraphs where it is mentioned or quoted.
    pub speaker_paragraphs: Vec<Vec<usize>>,
    /// For each speaker, the number of claims attributed to it.
    pub speaker_claims: Vec<usize>,
    /// For each country, the sorted paragraphs that mention it.
    pub country_paragraphs: Vec<Vec<usize>>,
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

impl DocIndex {
    pub fn new(doc: &Document) -> Self {
        let count = doc.paragraphs.len();
        let mut marks: Vec<Vec<Mark>> = vec![Vec::new(); count];
        let mut index = DocIndex {
            runs: Vec::new(),
            speaker_paragraphs: vec![Vec::new(); doc.speakers.len()],
            speaker_claims: vec![0; doc.speakers.len()],
            country_paragraphs: vec![Vec::new(); doc.countries.len()],
            ..DocIndex::default()
        };
        let text = |p: usize| doc.paragraphs.get(p).map(|p| p.text.as_str());

        let add = |marks: &mut Vec<Vec<Mark>>, span: &Span, kind, speaker: Option<usize>| {
            let Some(t) = text(span.paragraph) else {
                return false;
            };
            let Some((start, end)) = clamp_span(t, span.start, span.end) else {
                return false;
            };
            marks[span.paragraph].push(Mark {
                start: start as u32,
                end: end as u32,
                kind,
                speaker: speaker.map(|s| s as u32),
            });
            true
        };

        for (s, speaker) in doc.speakers.iter().enumerate() {
            for mention in &speaker.mentions {
                if add(&mut marks, mention, MarkKind::Speaker, Some(s)) {
                    push_new(&mut index.speaker_paragraphs[s], mention.paragraph);
                }
            }
        }
        for (c, country) in doc.countries.iter().enumerate() {
            for mention in &country.mentions {
                if add(&mut marks, mention, MarkKind::Country, None) {
                    push_new(&mut index.country_paragraphs[c], mention.paragraph);
                }
            }
        }
        // Ids to positions once, not a scan of every speaker per claim.
        let speaker_of: HashMap<&str, usize> = doc
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut claims = Vec::new();
        for (i, claim) in doc.claims.iter().enumerate() {
            let speaker = claim
                .speaker
                .as_deref()
                .and_then(|id| speaker_of.get(id).copied());
            // An interrupted quote is highlighted part by part, so the
            // attribution between its parts does not read as quoted.
            let whole = [Span {
                paragraph: claim.paragraph,
                start: claim.start,
                end: claim.end,
                text: Default::default(),
            }];
            let parts = if claim.parts.is_empty() {
                &whole[..]
            } else {
                &claim.parts[..]
            };
            let mut marked = false;
            for part in parts.iter().filter(|p| p.paragraph == claim.paragraph) {
                marked |= add(&mut marks, part, MarkKind::Claim(claim.kind), speaker);
            }
            if !marked {
                continue;
            }
            claims.push((claim.paragraph, claim.start, i));
            if let Some(s) = speaker {
                index.speaker_claims[s] += 1;
                push_new(&mut index.speaker_paragraphs[s], claim.paragraph);
            }
            if let Some(source) = &claim.source
                && add(&mut marks, source, MarkKind::Speaker, speaker)
                && let Some(s) = speaker
            {
                push_new(&mut index.speaker_paragraphs[s], source.paragraph);
            }
        }
        claims.sort_unstable();
        index.claim_order = claims.iter().map(|&(_, _, i)| i).collect();
        index.claim_paragraphs = claims.iter().map(|&(p, _, _)| p).collect();
        // Each paragraph's marks are dropped as soon as its runs are made.
        index.runs = marks.into_iter().map(|m| flatten(&m)).collect();
        for list in index
            .speaker_paragraphs
            .iter_mut()
            .chain(index.country_paragraphs.iter_mut())
        {
            list.sort_unstable();
            list.dedup();
        }
        index
    }

    /// Positions in `claim_order` of the claims in paragraph `p`.
    pub fn claims_in(&self, p: usize) -> std::ops::Range<usize> {
        let start = self.claim_paragraphs.partition_point(|&q| q < p);
        let end = self.claim_paragraphs.partition_point(|&q| q <= p);
        start..end
    }
}

/// Adds paragraph `p` to a list that is sorted and deduplicated at the end.
/// Mentions come mostly in reading order, so a repeat of the last one is
/// skipped now: a speaker named a million times in a long story would
/// otherwise list its paragraphs a million times before the dedup.
fn push_new(list: &mut Vec<usize>, p: usize) {
    if list.last() != Some(&p) {
        list.push(p);
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

    #[test]
    fn spans_are_clamped_to_the_text_and_to_characters() {
        assert_eq!(clamp_span("héllo", 2, 4), Some((1, 4)));
        assert_eq!(clamp_span("abc", 1, 99), Some((1, 3)));
        assert_eq!(clamp_span("abc", 5, 9), None);
        assert_eq!(clamp_span("abc", 2, 1), None);
    }
}
