//! Article text → speakers, claims and countries. Pure functions: no I/O.
//!
//! The stages, per paragraph in reading order (a very long one a
//! `window` at a time): tokens, quotes and sentences (`para`); people's
//! names (`mentions`); cues, sources and contents (`attribution`). Then,
//! over the whole story: who each mention is (`coref`), quotes that carry
//! a speaker across paragraphs, countries (`countries`), and the document
//! (`assemble`).

mod annotation;
mod assemble;
mod attribution;
mod coref;
pub(crate) mod countries;
mod grammar;
mod json;
pub(crate) mod lexicon;
mod mentions;
mod names;
mod not_person;
mod para;
mod quotes;
mod sentence;
mod short_text;
pub(crate) mod token;
mod window;

use std::ops::Range;

use attribution::SourceRef;
use mentions::{Mention, StoryMention};
use names::Names;
use para::Para;
use token::Kind;

use crate::model::{Article, ClaimKind, Document};

use annotation::{ClaimExtra, ClaimRecord};

pub use annotation::Annotation;

/// A byte range of a paragraph as a u32 pair.
fn offsets(range: &Range<usize>) -> (u32, u32) {
    (range.start as u32, range.end as u32)
}

/// Everything gathered over the paragraphs.
#[derive(Default)]
struct Story {
    mentions: Vec<StoryMention>,
    /// The strings of the mentions.
    names: Names,
    /// Capitalized words that are a person's surname if that person is named
    /// somewhere in the story.
    surname_candidates: Vec<mentions::SurnameCandidate>,
    /// Claims as found, their sources mentions' indices (see
    /// [`ClaimRecord::found`]).
    claims: Vec<ClaimRecord>,
    /// The parts and channels of the claims that have them.
    extras: Vec<ClaimExtra>,
}

/// Annotates one story.
pub fn annotate(article: &Article) -> Document {
    annotate_article(article.clone())
}

/// Annotates one story, taking its text into the document without a copy.
pub(crate) fn annotate_article(article: Article) -> Document {
    annotate_compact(article).into_document()
}

thread_local! {
    /// The paragraph vectors of the last story annotated on this thread, so
    /// that each story does not grow them again from nothing (a worker
    /// annotates story after story). At most one window's worth is kept.
    static SCRATCH: std::cell::Cell<Option<para::Scratch>> = const { std::cell::Cell::new(None) };
}

/// Annotates one story into its compact form, which writes the same JSON as
/// the document without building every claim at once (for very long stories).
pub fn annotate_compact(article: Article) -> Annotation {
    let mut story = Story::with_room();
    let mut speakers = SpeakerCarry::default();
    let mut antecedents = Antecedents::default();
    let mut quote_open = false;
    let mut scratch = SCRATCH.take().unwrap_or_default();
    // The bytes each paragraph's mentions cover, in one vector for them all.
    let mut covered: Vec<Range<usize>> = Vec::new();
    // A paragraph's people and findings, in vectors kept for the next one.
    let mut people = Vec::new();
    let mut findings = attribution::Findings::default();
    // "President Ruiz also said:" closing a paragraph: the mention whose
    // points the paragraphs after it list, while they read as such.
    let mut listing: Option<u32> = None;
    let windows = article.paragraphs.iter().flat_map(|paragraph| {
        window::windows(&paragraph.text).map(move |window| (paragraph, window))
    });
    for (paragraph, window) in windows {
        let text = &paragraph.text[window.clone()];
        let p = Para::reusing(
            paragraph.index as usize,
            text,
            quote_open,
            std::mem::take(&mut scratch),
        );
        mentions::find_people_into(&p, &mut people);
        attribution::place_people(&p, &mut people);
        attribution::find_into(&p, &people, &mut findings);

        covered.clear();
        covered.extend(people.iter().map(|m| m.span.clone()));
        covered.extend(findings.mentions.iter().map(|m| m.span.clone()));
        merge_ranges(&mut covered);
        // Straight onto the story's: no vector per paragraph.
        let first_candidate = story.surname_candidates.len();
        mentions::surname_candidates(&p, &covered, &mut story.surname_candidates, |t| {
            attribution::place(&p, t)
        });
        if window.start > 0 {
            // Offsets in the window → offsets in the paragraph.
            let by = window.start;
            let mentions = people
                .iter_mut()
                .chain(&mut findings.mentions)
                .chain(&mut findings.antecedents);
            mentions.for_each(|m| m.shift(by));
            findings.claims.iter_mut().for_each(|c| c.shift(by));
            story.surname_candidates[first_candidate..]
                .iter_mut()
                .for_each(|c| c.shift(by));
        }
        story.add_mentions(people.drain(..));
        antecedents.push(
            std::mem::take(&mut findings.antecedents),
            &findings.mentions,
            &mut story,
        );
        let people_end = story.mentions.len();
        let introduces = findings.introduces.map(|m| (people_end + m) as u32);
        story.add_mentions(findings.mentions.drain(..));

        for found in &findings.claims {
            let quote = found.quote.map(|q| p.quotes.quotes[q]);
            let source = match found.source {
                SourceRef::Mention(m) => Some((people_end + m) as u32),
                SourceRef::Inherit | SourceRef::Unknown => None,
            };
            let continues = quote.is_some_and(|q| q.continued);
            let runs_on = quote.is_some_and(|q| q.close.is_none());
            let inherit = found.source == SourceRef::Inherit;
            let index = story.claims.len();
            let extra = (!found.parts.is_empty() || found.channel.is_some()).then(|| {
                story.extras.push(ClaimExtra {
                    parts: found.parts.iter().map(offsets).collect(),
                    channel: found.channel.as_ref().map(offsets),
                });
                (story.extras.len() - 1) as u32
            });
            story.claims.push(ClaimRecord::found(
                p.index as u32,
                offsets(&found.content),
                found.kind,
                source,
                found.cue.as_ref().map(offsets),
                extra,
            ));
            speakers.place(&mut story.claims, index, inherit, continues, runs_on);
        }
        let point = listing
            .filter(|_| findings.claims.is_empty() && window.start == 0)
            .and_then(|source| Some((source, attribution::listed_point(&p)?)));
        if let Some((source, content)) = &point {
            story.claims.push(ClaimRecord::found(
                p.index as u32,
                offsets(content),
                ClaimKind::Indirect,
                Some(*source),
                None,
                None,
            ));
        }
        speakers.end_paragraph(&p, !findings.claims.is_empty() || point.is_some());
        listing = introduces.or(point.map(|(source, _)| source));
        if introduces.is_some() {
            speakers.last_source = introduces;
        }
        quote_open = p.quotes.ends_open();
        scratch = p.into_scratch();
    }
    SCRATCH.set(Some(scratch));
    // Vectors grown by doubling keep up to half their room empty.
    story.mentions.shrink_to_fit();
    story.claims.shrink_to_fit();
    story.extras.shrink_to_fit();
    story.surname_candidates.shrink_to_fit();
    assemble::annotation(article, story)
}

/// Mentions, surname candidates and claims a story is given room for at
/// the start: more than most news stories hold, so that few of them grow
/// these from nothing, copying them at each doubling. (Their room is cut to
/// their size at the end.)
const STORY_ROOM: usize = 64;

impl Story {
    fn with_room() -> Self {
        Story {
            mentions: Vec::with_capacity(STORY_ROOM),
            surname_candidates: Vec::with_capacity(STORY_ROOM),
            claims: Vec::with_capacity(STORY_ROOM),
            ..Story::default()
        }
    }

    fn add_mentions(&mut self, mentions: impl IntoIterator<Item = Mention>) {
        let names = &mut self.names;
        self.mentions
            .extend(mentions.into_iter().map(|m| m.into_story(names)));
    }
}

/// Unnamed sentence subjects of the last few paragraphs. They are kept in
/// the story only when a later mention could point back to them (a pronoun,
/// "one", a description with "the"), so a long story does not carry one per
/// sentence.
struct Antecedents {
    recent: std::collections::VecDeque<Vec<Mention>>,
}

impl Default for Antecedents {
    /// Room for the paragraphs kept, and the one pushed before the first goes.
    fn default() -> Self {
        let recent = std::collections::VecDeque::with_capacity(coref::LOOKBACK_PARAGRAPHS + 2);
        Antecedents { recent }
    }
}

impl Antecedents {
    fn push(&mut self, found: Vec<Mention>, sources: &[Mention], story: &mut Story) {
        self.recent.push_back(found);
        if self.recent.len() > coref::LOOKBACK_PARAGRAPHS + 1 {
            self.recent.pop_front();
        }
        let points_back = sources.iter().any(Mention::points_back);
        if points_back {
            for mentions in &mut self.recent {
                story.add_mentions(mentions.drain(..));
            }
        }
    }
}

/// Carries speakers across quotes that run over several paragraphs, and to
/// quoted paragraphs with no cue of their own.
#[derive(Default)]
struct SpeakerCarry {
    /// Claims of the quote now running across paragraphs.
    chain: Vec<usize>,
    chain_source: Option<u32>,
    /// The source of the last attributed claim, while quotes keep coming.
    last_source: Option<u32>,
}

impl SpeakerCarry {
    fn place(
        &mut self,
        claims: &mut [ClaimRecord],
        index: usize,
        inherit: bool,
        continues: bool,
        runs_on: bool,
    ) {
        if inherit && claims[index].source_mention().is_none() {
            claims[index].set_source_mention(if continues {
                self.chain_source.or(self.last_source)
            } else {
                self.last_source
            });
        }
        if continues || runs_on {
            if !continues {
                self.chain.clear();
                self.chain_source = None;
            }
            self.chain.push(index);
            if let Some(source) = claims[index]
                .source_mention()
                .filter(|_| !inherit || self.chain_source.is_none())
            {
                // A cue later in the quote names the speaker of its earlier paragraphs too.
                for &earlier in &self.chain {
                    if claims[earlier].source_mention().is_none()
                        || claims[earlier].cue().is_none() && self.chain_source.is_none()
                    {
                        claims[earlier].set_source_mention(Some(source));
                    }
                }
                self.chain_source = Some(source);
            }
        }
        if let Some(source) = claims[index].source_mention() {
            self.last_source = Some(source);
        }
    }

    fn end_paragraph(&mut self, p: &Para, had_claims: bool) {
        if !p.quotes.ends_open() {
            self.chain.clear();
            self.chain_source = None;
        }
        // A paragraph with no quote and no claim ends the run of quotes,
        // unless it is a photo caption set between them.
        if p.quotes.quotes.is_empty() && !had_claims && !is_caption(p) {
            self.last_source = None;
        }
    }
}

/// Words of a line read as a caption, at least and at most.
const CAPTION_WORDS: std::ops::RangeInclusive<usize> = 6..=40;

/// "Tomo Vaka on his boat, the one his father built": a line of some
/// length with no full stop at its end, as a web page's photo caption is
/// (a subheading is shorter). Counts at most 41 words.
fn is_caption(p: &Para) -> bool {
    let ends_open = (0..p.len())
        .rev()
        .find(|&t| p.kind(t) != Kind::Other)
        .is_some_and(|last| p.kind(last).is_wordlike());
    let words = (0..p.len())
        .filter(|&t| p.is_word(t))
        .take(CAPTION_WORDS.end() + 1)
        .count();
    ends_open && CAPTION_WORDS.contains(&words)
}

/// `ranges` made sorted, disjoint ranges covering the same bytes, in place.
fn merge_ranges(ranges: &mut Vec<Range<usize>>) {
    ranges.sort_unstable_by_key(|r| r.start);
    // A range that starts inside the last one kept (or where it ends) joins it.
    ranges.dedup_by(|range, last| {
        let joins = range.start <= last.end;
        if joins {
            last.end = last.end.max(range.end);
        }
        joins
    });
}

#[cfg(test)]
mod tests {
    use super::window::WINDOW_BYTES;
    use crate::model::{Article, ClaimKind};

    #[test]
    fn a_paragraph_longer_than_a_window_is_annotated_throughout() {
        let chunk = "The council met on Tuesday. “The ferry will run again,” \
                     Mayor Ana Ribeiro said. Residents said the crossing mattered. ";
        let copies = 3 * WINDOW_BYTES / chunk.len();
        let text = chunk.repeat(copies);
        let document = super::annotate(&Article::from_paragraphs(&[text.trim_end()]));
        assert_eq!(document.paragraphs.len(), 1);
        let direct: Vec<_> = document
            .claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Direct)
            .collect();
        assert_eq!(direct.len(), copies);
        assert!(direct.last().is_some_and(|c| c.start > 2 * WINDOW_BYTES));
        let text = &document.paragraphs[0].text;
        for claim in &direct {
            assert_eq!(&text[claim.start..claim.end], "The ferry will run again");
            assert_eq!(
                claim.source.as_ref().map(|s| &*s.text),
                Some("Mayor Ana Ribeiro")
            );
        }
        let mayor = &document.speakers[0];
        assert_eq!(mayor.name, "Ana Ribeiro");
        assert_eq!(mayor.mentions.len(), copies);
        assert!(
            mayor
                .mentions
                .iter()
                .all(|m| &text[m.start..m.end] == "Ana Ribeiro")
        );
    }
}
