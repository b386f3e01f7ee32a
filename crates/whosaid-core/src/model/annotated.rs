//! Read access to an annotated story, whichever form holds it.
//!
//! A [`Document`] has every claim and span built; the compact
//! [`Annotation`](crate::annotate::Annotation) keeps them as offsets and
//! builds each when asked. A reader that goes through [`Annotated`] can keep
//! a long story in compact form (a fraction of its document's size) and
//! still open documents read back from JSON.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use super::{
    Claim, CountryKind, Document, Meta, Paragraph, Span, Speaker, SpeakerKind, Summary, story_title,
};

/// Where a span lies, without its text: what a reader needs to highlight
/// it, and no copy of the paragraph's handle to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offsets {
    /// The paragraph's index.
    pub paragraph: usize,
    /// UTF-8 byte offset of the start in the paragraph's text.
    pub start: usize,
    /// UTF-8 byte offset just past the end.
    pub end: usize,
}

impl From<&Span> for Offsets {
    fn from(span: &Span) -> Self {
        Offsets {
            paragraph: span.paragraph,
            start: span.start,
            end: span.end,
        }
    }
}

/// A country or bloc a story mentions, without its mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryName<'a> {
    /// ISO 3166-1 alpha-2 for countries; `EU`, `NATO`, … for blocs.
    pub code: &'a str,
    /// Its English name.
    pub name: &'a str,
    /// Country or bloc.
    pub kind: CountryKind,
}

/// A speaker's name, kind, role and country, borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeakerFacts<'a> {
    /// As [`Speaker::name`].
    pub name: &'a str,
    /// As [`Speaker::kind`].
    pub kind: SpeakerKind,
    /// As [`Speaker::role`].
    pub role: Option<&'a str>,
    /// As [`Speaker::country`].
    pub country: Option<&'a str>,
}

impl Speaker {
    /// Its name, kind, role and country, borrowed.
    pub fn facts(&self) -> SpeakerFacts<'_> {
        SpeakerFacts {
            name: &self.name,
            kind: self.kind,
            role: self.role.as_deref(),
            country: self.country.as_deref(),
        }
    }
}

/// An annotated story, read by position: speakers, claims and countries are
/// numbered as in the document (`speakers[s]`, `claims[n]`, `countries[c]`).
/// Claims come back built; mentions and sources as [`Offsets`].
pub trait Annotated: fmt::Debug + Send + Sync {
    /// What is known about the story besides its text.
    fn meta(&self) -> &Meta;
    /// The story's paragraphs, which every offset points into.
    fn paragraphs(&self) -> &[Paragraph];
    /// Counts over the claims.
    fn summary(&self) -> &Summary;

    /// How many speakers there are.
    fn speaker_count(&self) -> usize;
    /// The `s`th speaker, built if the story is kept compact. Its
    /// `mentions` may be empty even when it has some: read them with
    /// [`Annotated::speaker_mention`].
    fn speaker(&self, s: usize) -> Option<Cow<'_, Speaker>>;
    /// Who the `s`th speaker is, with nothing built: what a list of a
    /// hundred thousand sources reads of each.
    fn speaker_facts(&self, s: usize) -> Option<SpeakerFacts<'_>>;
    /// How many mentions the `s`th speaker has.
    fn speaker_mention_count(&self, s: usize) -> usize;
    /// The `m`th mention of the `s`th speaker.
    fn speaker_mention(&self, s: usize, m: usize) -> Option<Offsets>;

    /// How many claims there are.
    fn claim_count(&self) -> usize;
    /// The `n`th claim, as the document has it.
    fn claim(&self, n: usize) -> Option<Cow<'_, Claim>>;
    /// The paragraph of the `n`th claim.
    fn claim_paragraph(&self, n: usize) -> Option<usize>;
    /// The source mention of the `n`th claim.
    fn claim_source(&self, n: usize) -> Option<Offsets>;
    /// For every claim, the position of its speaker in the speakers, when
    /// it has one (one pass: no lookup of ids per claim).
    fn claim_speakers(&self) -> Vec<Option<u32>>;

    /// How many countries and blocs are mentioned.
    fn country_count(&self) -> usize;
    /// The `c`th country.
    fn country(&self, c: usize) -> Option<CountryName<'_>>;
    /// How many mentions the `c`th country has.
    fn country_mention_count(&self, c: usize) -> usize;
    /// The `m`th mention of the `c`th country.
    fn country_mention(&self, c: usize, m: usize) -> Option<Offsets>;

    /// The whole document, every claim and span built (a copy).
    fn to_document(&self) -> Document;

    /// The position of the speaker with this id.
    fn speaker_index(&self, id: &str) -> Option<usize>;

    /// The speaker with this id.
    fn speaker_by_id(&self, id: &str) -> Option<Cow<'_, Speaker>> {
        self.speaker(self.speaker_index(id)?)
    }

    /// A title to show: see [`story_title`].
    fn display_title(&self) -> String {
        story_title(self.meta(), self.paragraphs())
    }
}

impl Annotated for Document {
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

    fn speaker(&self, s: usize) -> Option<Cow<'_, Speaker>> {
        self.speakers.get(s).map(Cow::Borrowed)
    }

    fn speaker_facts(&self, s: usize) -> Option<SpeakerFacts<'_>> {
        self.speakers.get(s).map(Speaker::facts)
    }

    fn speaker_mention_count(&self, s: usize) -> usize {
        self.speakers.get(s).map_or(0, |x| x.mentions.len())
    }

    fn speaker_mention(&self, s: usize, m: usize) -> Option<Offsets> {
        self.speakers.get(s)?.mentions.get(m).map(Offsets::from)
    }

    fn claim_count(&self) -> usize {
        self.claims.len()
    }

    fn claim(&self, n: usize) -> Option<Cow<'_, Claim>> {
        self.claims.get(n).map(Cow::Borrowed)
    }

    fn claim_paragraph(&self, n: usize) -> Option<usize> {
        self.claims.get(n).map(|c| c.paragraph)
    }

    fn claim_source(&self, n: usize) -> Option<Offsets> {
        self.claims.get(n)?.source.as_ref().map(Offsets::from)
    }

    fn claim_speakers(&self) -> Vec<Option<u32>> {
        // The first speaker with an id, as `Document::speaker` finds it.
        let mut position: HashMap<&str, u32> = HashMap::new();
        for (s, speaker) in self.speakers.iter().enumerate() {
            position.entry(speaker.id.as_str()).or_insert(s as u32);
        }
        self.claims
            .iter()
            .map(|c| {
                c.speaker
                    .as_deref()
                    .and_then(|id| position.get(id).copied())
            })
            .collect()
    }

    fn country_count(&self) -> usize {
        self.countries.len()
    }

    fn country(&self, c: usize) -> Option<CountryName<'_>> {
        self.countries.get(c).map(|country| CountryName {
            code: &country.code,
            name: &country.name,
            kind: country.kind,
        })
    }

    fn country_mention_count(&self, c: usize) -> usize {
        self.countries.get(c).map_or(0, |x| x.mentions.len())
    }

    fn country_mention(&self, c: usize, m: usize) -> Option<Offsets> {
        self.countries.get(c)?.mentions.get(m).map(Offsets::from)
    }

    fn to_document(&self) -> Document {
        self.clone()
    }

    fn speaker_index(&self, id: &str) -> Option<usize> {
        Document::speaker_index(self, id)
    }
}
