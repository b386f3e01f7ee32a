//! A finished annotation in compact form, and its `whosaid/1` JSON.
//!
//! A densely sourced story's [`Document`] is several times the size of its
//! text: every claim carries its ids, spans and slices. The annotation keeps
//! claims as offsets only and builds each [`Claim`] when it is needed, so a
//! 100 MB story can be written out without ever holding its whole document.
//! Its JSON is exactly the document's.

use std::borrow::Cow;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::countries;
use crate::model::{
    Annotated, Claim, ClaimKind, CountryName, Document, Meta, Offsets, Paragraph, SCHEMA, Span,
    Speaker, SpeakerFacts, SpeakerKind, Summary,
};

/// A claim as offsets: the paragraph and byte ranges of its content, source
/// and cue, and the index of its speaker; its parts and channel, which few
/// claims have, in the annotation's `extras`. What may be absent is marked
/// by [`NONE`] rather than wrapped in an `Option`, which would add a word
/// to each: a long story holds a million of these, 44 bytes each.
#[derive(Debug, Clone)]
pub(super) struct ClaimRecord {
    pub paragraph: u32,
    pub start: u32,
    pub end: u32,
    pub kind: ClaimKind,
    speaker: u32,
    /// Paragraph, start and end of the source mention. While the story is
    /// read, the index of the source mention instead, in the first field
    /// (see [`ClaimRecord::found`]): the record is resolved where it lies,
    /// with no second table of claims.
    source: (u32, u32, u32),
    cue: (u32, u32),
    /// Index into the annotation's `extras`, or [`NONE`].
    extra: u32,
}

/// What few claims have: the pieces of an interrupted quote, and the
/// channel ("on Twitter").
#[derive(Debug, Clone)]
pub(super) struct ClaimExtra {
    /// The pieces of an interrupted quote; empty for a claim of one piece.
    pub parts: Box<[(u32, u32)]>,
    pub channel: Option<(u32, u32)>,
}

/// Marks an absent speaker, or an absent stretch (as its start and end: no
/// stretch of text ends where it starts).
const NONE: u32 = u32::MAX;

fn pack(range: Option<(u32, u32)>) -> (u32, u32) {
    range.unwrap_or((NONE, NONE))
}

fn unpack(range: (u32, u32)) -> Option<(u32, u32)> {
    (range != (NONE, NONE)).then_some(range)
}

impl ClaimRecord {
    /// A claim of `kind` whose content is `content` in `paragraph`, as
    /// found: its source the index of a mention (or none), its speaker not
    /// yet known. The cue is in this paragraph; `extra` indexes the
    /// annotation's `extras`.
    pub fn found(
        paragraph: u32,
        content: (u32, u32),
        kind: ClaimKind,
        source_mention: Option<u32>,
        cue: Option<(u32, u32)>,
        extra: Option<u32>,
    ) -> Self {
        ClaimRecord {
            paragraph,
            start: content.0,
            end: content.1,
            kind,
            speaker: NONE,
            source: (source_mention.unwrap_or(NONE), NONE, NONE),
            cue: pack(cue),
            extra: extra.unwrap_or(NONE),
        }
    }

    /// Before [`ClaimRecord::resolve`]: the index of the source mention.
    pub fn source_mention(&self) -> Option<u32> {
        (self.source.0 != NONE).then_some(self.source.0)
    }

    /// Before [`ClaimRecord::resolve`]: sets the source mention.
    pub fn set_source_mention(&mut self, mention: Option<u32>) {
        self.source = (mention.unwrap_or(NONE), NONE, NONE);
    }

    /// Puts the speaker and the source mention's paragraph, start and end
    /// in place of the source mention's index.
    pub fn resolve(&mut self, speaker: Option<u32>, source: Option<(u32, u32, u32)>) {
        self.speaker = speaker.unwrap_or(NONE);
        self.source = source.unwrap_or((NONE, NONE, NONE));
    }

    /// The index of its speaker, if it has one.
    pub fn speaker(&self) -> Option<u32> {
        (self.speaker != NONE).then_some(self.speaker)
    }

    /// Paragraph, start and end of the source mention.
    pub fn source(&self) -> Option<(u32, u32, u32)> {
        let (paragraph, start, end) = self.source;
        unpack((start, end)).map(|(start, end)| (paragraph, start, end))
    }

    pub fn cue(&self) -> Option<(u32, u32)> {
        unpack(self.cue)
    }

    /// Its index in the annotation's `extras`, if it has parts or a channel.
    pub(super) fn extra(&self) -> Option<usize> {
        (self.extra != NONE).then_some(self.extra as usize)
    }
}

/// A speaker whose mentions are kept as offsets (paragraph, start, end),
/// all speakers' in one vector of the annotation: a long story has a
/// hundred thousand speakers, mentioned hundreds of thousands of times,
/// most once or twice (a vector each would cost more than its mentions).
/// Its id is its position, and its strings are boxed: 80 bytes where a
/// [`Speaker`] is 152 and an id's allocation.
#[derive(Debug, Clone)]
pub(super) struct SpeakerRecord {
    pub name: Box<str>,
    pub kind: SpeakerKind,
    pub role: Option<Box<str>>,
    pub country: Option<Box<str>>,
    pub aliases: Box<[Box<str>]>,
    /// Start and end of its mentions in the annotation's `speaker_mentions`.
    pub mentions: (u32, u32),
}

impl SpeakerRecord {
    /// The speaker at position `s`, its `mentions` left empty.
    fn speaker(&self, s: usize) -> Speaker {
        Speaker {
            id: speaker_id(s),
            name: self.name.to_string(),
            kind: self.kind,
            role: self.role.as_deref().map(str::to_string),
            country: self.country.as_deref().map(str::to_string),
            aliases: self.aliases.iter().map(|a| a.to_string()).collect(),
            mentions: Vec::new(),
        }
    }
}

/// The id of the speaker at position `s`: `s1`, `s2`, … in order.
fn speaker_id(s: usize) -> String {
    format!("s{}", s + 1)
}

/// The position of the speaker with id `id`, if it is one of the ids
/// [`speaker_id`] makes.
fn speaker_position(id: &str) -> Option<usize> {
    let number = id.strip_prefix('s')?;
    if number.starts_with(['0', '+']) {
        return None;
    }
    number.parse::<usize>().ok()?.checked_sub(1)
}

/// One annotated story in compact form: claims and mentions kept as
/// offsets, so a very long story does not hold every [`Claim`] at once.
/// Serializes to the same JSON as [`Annotation::into_document`]'s document.
#[derive(Debug, Clone)]
pub struct Annotation {
    pub(super) meta: Meta,
    pub(super) paragraphs: Vec<Paragraph>,
    pub(super) speakers: Vec<SpeakerRecord>,
    /// Every speaker's mentions, one speaker after another.
    pub(super) speaker_mentions: Vec<(u32, u32, u32)>,
    pub(super) claims: Vec<ClaimRecord>,
    /// The parts and channels of the claims that have them.
    pub(super) extras: Vec<ClaimExtra>,
    pub(super) countries: Vec<countries::Mentions>,
    pub(super) summary: Summary,
}

impl Annotation {
    /// What is known about the story besides its text.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The story's paragraphs, which every offset points into.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    fn span(&self, paragraph: u32, start: u32, end: u32) -> Span {
        let paragraph = paragraph as usize;
        let range = start as usize..end as usize;
        Span {
            paragraph,
            text: self.paragraphs[paragraph]
                .text
                .slice(range.clone())
                .unwrap_or_default(),
            start: range.start,
            end: range.end,
        }
    }

    /// The `n`th claim, in reading order, as the document has it.
    fn build_claim(&self, n: usize) -> Claim {
        let record = &self.claims[n];
        let extra = record.extra().and_then(|e| self.extras.get(e));
        let content = self.span(record.paragraph, record.start, record.end);
        Claim {
            id: format!("c{}", n + 1),
            speaker: record.speaker().map(|s| speaker_id(s as usize)),
            kind: record.kind,
            paragraph: content.paragraph,
            start: content.start,
            end: content.end,
            text: content.text,
            parts: extra
                .map_or(&[][..], |extra| &extra.parts)
                .iter()
                .map(|&(start, end)| self.span(record.paragraph, start, end))
                .collect(),
            source: record
                .source()
                .map(|(paragraph, start, end)| self.span(paragraph, start, end)),
            cue: record
                .cue()
                .map(|(start, end)| self.span(record.paragraph, start, end)),
            channel: extra
                .and_then(|extra| extra.channel)
                .map(|(start, end)| self.span(record.paragraph, start, end).text.to_string()),
        }
    }

    /// The mentions of the speaker `record`.
    pub(super) fn mentions_of(&self, record: &SpeakerRecord) -> &[(u32, u32, u32)] {
        let (start, end) = record.mentions;
        self.speaker_mentions
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    fn spans(&self, mentions: &[(u32, u32, u32)]) -> Vec<Span> {
        mentions
            .iter()
            .map(|&(paragraph, start, end)| self.span(paragraph, start, end))
            .collect()
    }

    /// The annotation as a document, every claim and mention built. Each
    /// compact part is dropped as soon as its full form is built, so a long
    /// story never holds both forms of everything at once.
    pub fn into_document(mut self) -> Document {
        let claims = (0..self.claims.len())
            .map(|n| self.build_claim(n))
            .collect();
        self.claims = Vec::new();
        let countries = std::mem::take(&mut self.countries)
            .into_iter()
            .map(|found| found.country(&self.paragraphs))
            .collect();
        let speakers = std::mem::take(&mut self.speakers)
            .into_iter()
            .enumerate()
            .map(|(s, record)| Speaker {
                mentions: self.spans(self.mentions_of(&record)),
                ..record.speaker(s)
            })
            .collect();
        Document {
            schema: SCHEMA.to_string(),
            meta: self.meta,
            paragraphs: self.paragraphs,
            speakers,
            claims,
            countries,
            summary: self.summary,
        }
    }
}

/// Paragraph, start and end as kept here, as the reader reads them.
fn offsets((paragraph, start, end): (u32, u32, u32)) -> Offsets {
    Offsets {
        paragraph: paragraph as usize,
        start: start as usize,
        end: end as usize,
    }
}

/// The reader's view: claims built one at a time, when asked.
impl Annotated for Annotation {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    fn summary(&self) -> &Summary {
        &self.summary
    }

    fn speaker_count(&self) -> usize {
        self.speakers.len()
    }

    /// Built when asked, its `mentions` empty: they are kept as offsets.
    fn speaker(&self, s: usize) -> Option<Cow<'_, Speaker>> {
        self.speakers
            .get(s)
            .map(|record| Cow::Owned(record.speaker(s)))
    }

    fn speaker_facts(&self, s: usize) -> Option<SpeakerFacts<'_>> {
        self.speakers.get(s).map(|record| SpeakerFacts {
            name: &record.name,
            kind: record.kind,
            role: record.role.as_deref(),
            country: record.country.as_deref(),
        })
    }

    fn speaker_index(&self, id: &str) -> Option<usize> {
        speaker_position(id).filter(|&s| s < self.speakers.len())
    }

    fn speaker_mention_count(&self, s: usize) -> usize {
        self.speakers
            .get(s)
            .map_or(0, |record| self.mentions_of(record).len())
    }

    fn speaker_mention(&self, s: usize, m: usize) -> Option<Offsets> {
        let record = self.speakers.get(s)?;
        self.mentions_of(record).get(m).copied().map(offsets)
    }

    fn claim_count(&self) -> usize {
        self.claims.len()
    }

    fn claim(&self, n: usize) -> Option<Cow<'_, Claim>> {
        (n < self.claims.len()).then(|| Cow::Owned(self.build_claim(n)))
    }

    fn claim_paragraph(&self, n: usize) -> Option<usize> {
        self.claims.get(n).map(|record| record.paragraph as usize)
    }

    fn claim_source(&self, n: usize) -> Option<Offsets> {
        self.claims.get(n)?.source().map(offsets)
    }

    fn claim_speakers(&self) -> Vec<Option<u32>> {
        self.claims.iter().map(ClaimRecord::speaker).collect()
    }

    fn country_count(&self) -> usize {
        self.countries.len()
    }

    fn country(&self, c: usize) -> Option<CountryName<'_>> {
        self.countries.get(c).map(|found| CountryName {
            code: found.place.code,
            name: found.place.name,
            kind: found.place.kind,
        })
    }

    fn country_mention_count(&self, c: usize) -> usize {
        self.countries.get(c).map_or(0, |found| found.spans.len())
    }

    fn country_mention(&self, c: usize, m: usize) -> Option<Offsets> {
        self.countries.get(c)?.spans.get(m).copied().map(offsets)
    }

    fn to_document(&self) -> Document {
        self.clone().into_document()
    }
}

impl Serialize for Annotation {
    /// The document's fields, in its order; claims are built one at a time.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut document = serializer.serialize_struct("Document", 7)?;
        document.serialize_field("schema", SCHEMA)?;
        document.serialize_field("meta", &self.meta)?;
        document.serialize_field("paragraphs", &self.paragraphs)?;
        document.serialize_field("speakers", &Speakers(self))?;
        document.serialize_field("claims", &Claims(self))?;
        document.serialize_field("countries", &Countries(self))?;
        document.serialize_field("summary", &self.summary)?;
        document.end()
    }
}

struct Speakers<'a>(&'a Annotation);

impl Serialize for Speakers<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let annotation = self.0;
        serializer.collect_seq(
            annotation
                .speakers
                .iter()
                .enumerate()
                .map(|(index, record)| SpeakerView {
                    annotation,
                    index,
                    record,
                }),
        )
    }
}

/// A speaker as the document has it, its mentions built one at a time.
struct SpeakerView<'a> {
    annotation: &'a Annotation,
    index: usize,
    record: &'a SpeakerRecord,
}

impl Serialize for SpeakerView<'_> {
    /// [`Speaker`]'s fields, in its order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let speaker = self.record;
        let mut out = serializer.serialize_struct("Speaker", 7)?;
        out.serialize_field("id", &speaker_id(self.index))?;
        out.serialize_field("name", &speaker.name)?;
        out.serialize_field("kind", &speaker.kind)?;
        out.serialize_field("role", &speaker.role)?;
        out.serialize_field("country", &speaker.country)?;
        out.serialize_field("aliases", &speaker.aliases)?;
        out.serialize_field("mentions", &MentionSpans(self))?;
        out.end()
    }
}

struct MentionSpans<'a>(&'a SpeakerView<'a>);

impl Serialize for MentionSpans<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let SpeakerView {
            annotation, record, ..
        } = self.0;
        serializer.collect_seq(
            annotation
                .mentions_of(record)
                .iter()
                .map(|&(paragraph, start, end)| annotation.span(paragraph, start, end)),
        )
    }
}

struct Claims<'a>(&'a Annotation);

impl Serialize for Claims<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((0..self.0.claims.len()).map(|n| self.0.build_claim(n)))
    }
}

struct Countries<'a>(&'a Annotation);

impl Serialize for Countries<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let paragraphs = &self.0.paragraphs;
        serializer.collect_seq(
            self.0
                .countries
                .iter()
                .map(|found| found.country(paragraphs)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_record_keeps_what_is_absent_without_a_tag() {
        assert!(std::mem::size_of::<ClaimRecord>() <= 44);
        let mut record = ClaimRecord::found(2, (5, 9), ClaimKind::Direct, Some(7), None, None);
        assert_eq!(record.source_mention(), Some(7));
        record.set_source_mention(None);
        assert_eq!(record.source_mention(), None);
        record.resolve(None, Some((1, 0, 4)));
        assert_eq!(record.speaker(), None);
        assert_eq!(record.source(), Some((1, 0, 4)));
        assert_eq!(record.cue(), None);
        assert_eq!(record.extra(), None);
    }

    #[test]
    fn a_speaker_record_is_smaller_than_a_speaker() {
        assert!(std::mem::size_of::<SpeakerRecord>() <= 80);
    }

    #[test]
    fn speaker_ids_and_positions_match() {
        for s in [0, 8, 9, 99, 123_456] {
            assert_eq!(speaker_position(&speaker_id(s)), Some(s));
        }
        for id in ["s0", "s", "x1", "s01", "s+1", "s-1", "s1x", "S1"] {
            assert_eq!(speaker_position(id), None, "{id}");
        }
    }
}
