//! The `whosaid/1` document: pure data, serde only, no I/O.
//!
//! This is a public contract (see `docs/format.md`). Changing the shape of
//! anything here means bumping [`SCHEMA`].
//!
//! Offsets are UTF-8 byte offsets into one paragraph's `text`, and every
//! `text` field of a [`Span`] or [`Claim`] is exactly that slice.

mod annotated;
mod text;

use crate::vocabulary::WordSet;
use serde::{Deserialize, Serialize};

pub use annotated::{Annotated, CountryName, Offsets, SpeakerFacts};
pub use text::Text;

/// The schema tag every document carries.
pub const SCHEMA: &str = "whosaid/1";

/// One annotated story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// What is known about the story besides its text.
    pub meta: Meta,
    /// The story's text, in reading order; every offset points into it.
    pub paragraphs: Vec<Paragraph>,
    /// Everyone named and every source of a claim, in order of first mention.
    pub speakers: Vec<Speaker>,
    /// What the sources are reported to have said, in reading order.
    pub claims: Vec<Claim>,
    /// Countries and blocs mentioned, in order of first mention.
    pub countries: Vec<Country>,
    /// Counts over the claims: how the story is sourced.
    pub summary: Summary,
}

/// What the loader learned about a story besides its paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// A publisher's id, from a trailing `[[nid:…]]` tag.
    pub id: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Places of a wire dateline ("BERLIN/KYIV —" → `["BERLIN", "KYIV"]`).
    pub dateline: Vec<String>,
    /// The headline, when the input has one.
    pub title: Option<String>,
    /// The path as given on the command line (`-` for stdin); `null` when
    /// the text did not come from a file, such as the bundled story.
    pub source: Option<String>,
    /// Web pages only (absent elsewhere, so older documents still load):
    /// see docs/format.md for where each is read from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Canonical address of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Name of the site or publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// Language tag as the page gives it ("en", "pt-BR").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The standfirst or summary the page gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Publication time as written, with its offset ("2024-03-05T23:30:00-05:00").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Stories from a news feed: the feed's name (the subscription's, else
    /// the feed's own title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
/// What part of a story a paragraph is.
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Running text, where claims are found.
    Body,
    /// A subheading inside the story.
    Heading,
    /// The story's headline.
    Title,
}

impl ParagraphKind {
    /// The lower-case word used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Body => "body",
            ParagraphKind::Heading => "heading",
            ParagraphKind::Title => "title",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// One paragraph of a story: the unit every offset is relative to.
pub struct Paragraph {
    /// Its position in the story, from 0 (u32, as every offset: a long
    /// story has a million paragraphs, and a paragraph is then 24 bytes).
    pub index: u32,
    /// Body text, heading or title.
    pub kind: ParagraphKind,
    /// A verbatim, trimmed slice of the input.
    pub text: Text,
}

impl Paragraph {
    /// Body paragraphs of `texts`, numbered from 0: a story made of strings.
    pub fn bodies(texts: &[&str]) -> Vec<Paragraph> {
        texts
            .iter()
            .enumerate()
            .map(|(index, text)| Paragraph {
                index: index as u32,
                kind: ParagraphKind::Body,
                text: (*text).into(),
            })
            .collect()
    }
}

/// A story as the loader found it, before annotation: what
/// [`crate::annotate::annotate`] reads. Plain data, so the annotator needs
/// no loader; the input formats (plain text, Markdown, HTML, JSON) live in
/// the application.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// What is known about the story besides its text.
    pub meta: Meta,
    /// The story's paragraphs in reading order.
    pub paragraphs: Vec<Paragraph>,
}

impl Article {
    /// A story of body paragraphs and no metadata, one paragraph per string,
    /// each taken as it is (give it trimmed text, as a loader would).
    pub fn from_paragraphs(texts: &[&str]) -> Article {
        Article {
            meta: Meta::default(),
            paragraphs: Paragraph::bodies(texts),
        }
    }
}

/// The number people read for the paragraph at `index`, counting from 1.
/// Wider than `usize`, so no index, however wrong, wraps round to ¶0.
pub fn paragraph_number(index: usize) -> u128 {
    index as u128 + 1
}

/// A stretch of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// The paragraph's index.
    pub paragraph: usize,
    /// UTF-8 byte offset of the start in the paragraph's text.
    pub start: usize,
    /// UTF-8 byte offset just past the end.
    pub end: usize,
    /// Exactly `paragraph.text[start..end]`.
    pub text: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
/// What kind of source a speaker is.
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// An unnamed source: "a US official", "people familiar with the matter".
    Anonymous,
    /// A class of people: "European leaders", "Democrats".
    Group,
    /// An institution or a government speaking: "the State Department", "Ukraine".
    Organization,
    /// A text that speaks: "a joint statement", "court filings".
    Document,
}

impl SpeakerKind {
    /// The lower-case word used in JSON and in human output.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Group => "group",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Document => "document",
        }
    }
}

/// A person or source: everyone named in the story and every source of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// `s1`, `s2`, … in order of first mention.
    pub id: String,
    /// The fullest form the story gives ("Volodymyr Zelenskiy"), or the
    /// phrase as written for unnamed sources ("an official familiar with the matter").
    pub name: String,
    /// Person, unnamed source, group, organisation or document.
    pub kind: SpeakerKind,
    /// Title or description ("Ukrainian President", "a New York Democrat").
    pub role: Option<String>,
    /// ISO 3166-1 alpha-2 code, when the text ties the speaker to a country.
    pub country: Option<String>,
    /// Other forms used for the same speaker ("Zelenskiy").
    pub aliases: Vec<String>,
    /// Every place the story refers to the speaker, pronouns included.
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
/// How a claim is reported: quoted whole, quoted in part, or paraphrased.
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Words inside quote marks, attributed as a whole quotation.
    Direct,
    /// A quoted phrase inside reported speech.
    Partial,
    /// Reported speech: "X said that …", "…, X said".
    Indirect,
}

impl ClaimKind {
    /// The lower-case word used in JSON and in human output.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Partial => "partial",
            ClaimKind::Indirect => "indirect",
        }
    }

    /// The marks a claim's words are shown between: quotation marks for the
    /// speaker's own words, none for reported speech, which is a paraphrase
    /// and must never look verbatim.
    pub fn marks(self) -> (&'static str, &'static str) {
        match self {
            ClaimKind::Direct | ClaimKind::Partial => ("“", "”"),
            ClaimKind::Indirect => ("", ""),
        }
    }

    /// `words` as shown for a claim of this kind: “quoted” or paraphrased.
    pub fn cite(self, words: &str) -> String {
        let (open, close) = self.marks();
        format!("{open}{words}{close}")
    }
}

/// Something a source is reported to have said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// `c1`, `c2`, … in reading order.
    pub id: String,
    /// The id of the speaker the source resolves to.
    pub speaker: Option<String>,
    /// Direct, partial or indirect.
    pub kind: ClaimKind,
    /// The index of the paragraph the claim is in.
    pub paragraph: usize,
    /// UTF-8 byte offset of the content's start in the paragraph's text.
    pub start: usize,
    /// UTF-8 byte offset just past the content's end.
    pub end: usize,
    /// The claimed content: the words inside the quote marks, or the reported
    /// clause. For a quote interrupted by its attribution ("“A,” she said.
    /// “B.”") this spans from the first part to the last, attribution included.
    pub text: Text,
    /// For a quote interrupted by its attribution, the quoted pieces without
    /// the attribution between them; empty when the content is one piece.
    pub parts: Vec<Span>,
    /// The mention the claim is attributed to, as written ("he", "the source").
    pub source: Option<Span>,
    /// The attribution words ("said", "told reporters", "according to").
    pub cue: Option<Span>,
    /// How it was said, when stated ("in a statement", "by conference call").
    pub channel: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
/// A country, or a union or alliance of them.
#[serde(rename_all = "snake_case")]
pub enum CountryKind {
    /// A sovereign state.
    Country,
    /// A union or alliance of countries: the EU, NATO.
    Bloc,
}

impl CountryKind {
    /// The lower-case word used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CountryKind::Country => "country",
            CountryKind::Bloc => "bloc",
        }
    }
}

/// A country or bloc the story mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2 for countries; `EU`, `NATO`, … for blocs.
    pub code: String,
    /// Its English name ("Germany", "European Union").
    pub name: String,
    /// Country or bloc.
    pub kind: CountryKind,
    /// Every mention, by name, demonym or seat of power, in reading order.
    pub mentions: Vec<Span>,
}

/// How a story is sourced, for readers who weigh who is quoted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Number of claims.
    pub claims: usize,
    /// Claims whose speaker is anonymous.
    pub anonymous_claims: usize,
    /// `anonymous_claims / claims`, 0 when there are no claims.
    pub anonymous_share: f64,
    /// Speakers with at least one claim.
    pub sources: usize,
    /// Named people with at least one claim.
    pub named_sources: usize,
    /// Anonymous speakers with at least one claim.
    pub anonymous_sources: usize,
    /// Countries of the speakers quoted, most claims first: `[{"code", "claims"}]`.
    pub source_countries: Vec<SourceCountry>,
}

impl Eq for Summary {}

/// A country of the speakers quoted, with how many claims they make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCountry {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// Claims whose speaker is tied to this country.
    pub claims: usize,
}

impl Claim {
    /// What the claim says, as a reader would quote it: the parts of an
    /// interrupted quote joined with " … ", or the whole text.
    pub fn words(&self) -> String {
        if self.parts.len() > 1 {
            let parts: Vec<&str> = self.parts.iter().map(|p| p.text.as_str()).collect();
            parts.join(" … ")
        } else {
            self.text.to_string()
        }
    }
}

/// Who a story quotes, read in one pass over its claims.
#[derive(Debug)]
pub struct Sourcing<'a> {
    /// Speakers with claims, in order of first mention, each with its claims.
    pub quoted: Vec<(&'a Speaker, Vec<&'a Claim>)>,
    /// Speakers who are named but never quoted.
    pub mentioned: Vec<&'a Speaker>,
    /// Claims the annotator found no source for.
    pub unattributed: Vec<&'a Claim>,
}

impl Document {
    /// The story's sources with their claims (linear in the story's size).
    pub fn sourcing(&self) -> Sourcing<'_> {
        let position: std::collections::HashMap<&str, usize> = self
            .speakers
            .iter()
            .enumerate()
            .map(|(n, s)| (s.id.as_str(), n))
            .collect();
        let mut claims: Vec<Vec<&Claim>> = vec![Vec::new(); self.speakers.len()];
        let mut unattributed = Vec::new();
        for claim in &self.claims {
            match claim.speaker.as_deref().and_then(|id| position.get(id)) {
                Some(&n) => claims[n].push(claim),
                None => unattributed.push(claim),
            }
        }
        let mut quoted = Vec::new();
        let mut mentioned = Vec::new();
        for (speaker, claims) in self.speakers.iter().zip(claims) {
            if claims.is_empty() {
                mentioned.push(speaker);
            } else {
                quoted.push((speaker, claims));
            }
        }
        Sourcing {
            quoted,
            mentioned,
            unattributed,
        }
    }

    /// The speaker with this id.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    /// The position of the speaker with this id in `speakers`.
    pub fn speaker_index(&self, id: &str) -> Option<usize> {
        self.speakers.iter().position(|s| s.id == id)
    }

    /// Claims attributed to the speaker with this id, in reading order.
    pub fn claims_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Claim> + 'a {
        self.claims
            .iter()
            .filter(move |c| c.speaker.as_deref() == Some(id))
    }

    /// A title to show: see [`story_title`].
    pub fn display_title(&self) -> String {
        story_title(&self.meta, &self.paragraphs)
    }
}

/// Words of a lead sentence kept as a title; a longer one is cut at a word.
const TITLE_WORDS: usize = 12;

/// Abbreviations whose full stop does not end a sentence.
static ABBREVIATIONS: WordSet = crate::vocabulary::word_set!("lead_abbreviations");

/// The one rule every list, the reader and the text outputs name a story
/// by: its own title; else its lead sentence, so stories without headlines
/// can be told apart (a file name like `0042.txt` says nothing); else, for
/// a story with no text, where it came from, marked empty.
pub fn story_title(meta: &Meta, paragraphs: &[Paragraph]) -> String {
    if let Some(title) = meta.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return title.to_string();
    }
    let lead = paragraphs
        .iter()
        .find(|p| p.kind == ParagraphKind::Body && !p.text.trim().is_empty())
        .or_else(|| paragraphs.iter().find(|p| !p.text.trim().is_empty()));
    if let Some(lead) = lead {
        return lead_title(&lead.text);
    }
    match meta.source.as_deref() {
        // Nothing to read is what /dev/null is for: "(empty)" would be news.
        Some("/dev/null") => "/dev/null".to_string(),
        Some(source) => format!("{} (empty)", source_name(source)),
        None => "Untitled story".to_string(),
    }
}

/// How a story's source is named where a title alone is not enough: the
/// file name, or the whole path of a device, or a URL; `-` is standard input.
pub fn source_name(source: &str) -> &str {
    if source == "-" {
        return "standard input";
    }
    if source.starts_with("/dev/") || source.contains("://") {
        return source;
    }
    match source
        .trim_end_matches(['/', '\\'])
        .rsplit(['/', '\\'])
        .next()
    {
        Some(name) if !name.is_empty() => name,
        _ => source,
    }
}

/// The first sentence of `text`, as a title: cut after 12 words
/// (`TITLE_WORDS`) with "…", a closing full stop left off as headlines do.
pub fn lead_title(text: &str) -> String {
    // Only the first few words can make the title: a paragraph of megabytes
    // (read on every frame of the reader) is not scanned whole.
    let text = words_prefix(text, TITLE_WORDS + 2);
    let sentence = &text[..first_sentence_end(text)];
    let words: Vec<&str> = sentence.split_whitespace().take(TITLE_WORDS + 1).collect();
    if words.len() > TITLE_WORDS {
        let cut = words[..TITLE_WORDS].join(" ");
        return format!("{}…", cut.trim_end_matches([',', ';', ':', '.', '—', '-']));
    }
    let whole = words.join(" ");
    match whole.strip_suffix('.') {
        Some(stem) if !stem.ends_with('.') => stem.to_string(),
        _ => whole,
    }
}

/// `text` up to the end of its first `count` words (whitespace-separated),
/// and the character after them.
fn words_prefix(text: &str, count: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == count {
                    return &text[..at + c.len_utf8()];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text
}

/// Where the first sentence of `text` ends (a byte offset): after a `.`,
/// `?` or `!` (and any closing quotes or brackets) followed by a space and
/// a capital or an opening quote, unless the full stop ends an
/// abbreviation or an initial ("Mr.", "U.S."); else the end of the text.
fn first_sentence_end(text: &str) -> usize {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let mut next = n + 1;
        while chars
            .get(next)
            .is_some_and(|&(_, c)| matches!(c, '"' | '\'' | '’' | '”' | ')' | ']'))
        {
            next += 1;
        }
        let end = chars.get(next).map_or(text.len(), |&(i, _)| i);
        if !chars.get(next).is_some_and(|&(_, c)| c.is_whitespace()) {
            continue;
        }
        let opens = chars[next..]
            .iter()
            .find(|(_, c)| !c.is_whitespace())
            .is_some_and(|&(_, c)| c.is_uppercase() || matches!(c, '"' | '“' | '‘'));
        if !opens {
            continue;
        }
        if c == '.' {
            let word = text[..at].rsplit(char::is_whitespace).next().unwrap_or("");
            let word = word.trim_start_matches(['(', '"', '“', '‘']);
            let initial = word.chars().count() == 1 || word.contains('.');
            if initial || ABBREVIATIONS.contains(word) {
                continue;
            }
        }
        return end;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_speaker_s_own_words_are_in_quotation_marks() {
        assert_eq!(ClaimKind::Direct.cite("We agree."), "“We agree.”");
        assert_eq!(ClaimKind::Partial.cite("painful"), "“painful”");
        assert_eq!(
            ClaimKind::Indirect.cite("the talks had gone well"),
            "the talks had gone well"
        );
    }

    #[test]
    fn a_story_without_title_or_named_file_shows_its_opening_words() {
        let document = Document {
            schema: SCHEMA.to_string(),
            meta: Meta {
                source: Some("corpus/0007.txt".to_string()),
                ..Meta::default()
            },
            paragraphs: vec![Paragraph {
                index: 0,
                kind: ParagraphKind::Body,
                text: "The council voted on Tuesday to close the old bridge for repairs.".into(),
            }],
            speakers: Vec::new(),
            claims: Vec::new(),
            countries: Vec::new(),
            summary: Summary::default(),
        };
        assert_eq!(
            document.display_title(),
            "The council voted on Tuesday to close the old bridge for repairs"
        );
    }

    #[test]
    fn a_lead_sentence_ends_at_its_full_stop_not_at_an_abbreviation() {
        assert_eq!(
            lead_title("Mr. Ortiz met U.S. officials in Lyon. Talks went on."),
            "Mr. Ortiz met U.S. officials in Lyon"
        );
        assert_eq!(
            lead_title("Will the bridge open? Nobody knows."),
            "Will the bridge open?"
        );
        assert_eq!(
            lead_title("One two three four five six seven eight nine ten eleven, twelve thirteen."),
            "One two three four five six seven eight nine ten eleven, twelve…"
        );
        assert_eq!(lead_title("  "), "");
    }

    #[test]
    fn a_lead_title_reads_only_the_first_words_of_a_long_paragraph() {
        // The sentence ends at the 13th and at the 14th word, and not at all.
        let words: Vec<String> = (1..=14).map(|n| format!("w{n}")).collect();
        let thirteen = format!("{}. Next one.", words[..13].join(" "));
        let fourteen = format!("{}. Next one.", words.join(" "));
        let endless = words.join(" ").repeat(20_000);
        let cut = format!("{}…", words[..12].join(" "));
        assert_eq!(lead_title(&thirteen), cut);
        assert_eq!(lead_title(&fourteen), cut);
        assert_eq!(lead_title(&endless), cut);
        assert_eq!(lead_title("Short one. Then more."), "Short one");
    }

    #[test]
    fn a_story_with_nothing_to_read_is_named_by_where_it_came_from() {
        let meta = |source: &str| Meta {
            source: Some(source.to_string()),
            ..Meta::default()
        };
        assert_eq!(story_title(&meta("/dev/null"), &[]), "/dev/null");
        assert_eq!(
            story_title(&meta("news/empty.txt"), &[]),
            "empty.txt (empty)"
        );
        assert_eq!(story_title(&meta("-"), &[]), "standard input (empty)");
        assert_eq!(story_title(&Meta::default(), &[]), "Untitled story");
        let titled = Meta {
            title: Some("Own".into()),
            ..meta("x.txt")
        };
        assert_eq!(story_title(&titled, &Paragraph::bodies(&["Lead."])), "Own");
        assert_eq!(
            source_name("https://example.org/a"),
            "https://example.org/a"
        );
        assert_eq!(source_name("a/b/c.md"), "c.md");
    }

    #[test]
    fn kinds_serialize_in_snake_case() {
        let json = serde_json::to_string(&(
            SpeakerKind::Organization,
            ClaimKind::Partial,
            CountryKind::Bloc,
            ParagraphKind::Heading,
        ))
        .unwrap();
        assert_eq!(json, r#"["organization","partial","bloc","heading"]"#);
    }

    #[test]
    fn each_kinds_word_is_the_one_serde_writes() {
        let words = |json: String| json.trim_matches('"').to_string();
        for kind in [
            SpeakerKind::Person,
            SpeakerKind::Anonymous,
            SpeakerKind::Group,
            SpeakerKind::Organization,
            SpeakerKind::Document,
        ] {
            assert_eq!(kind.as_str(), words(serde_json::to_string(&kind).unwrap()));
        }
        for kind in [ClaimKind::Direct, ClaimKind::Partial, ClaimKind::Indirect] {
            assert_eq!(kind.as_str(), words(serde_json::to_string(&kind).unwrap()));
        }
        for kind in [
            ParagraphKind::Body,
            ParagraphKind::Heading,
            ParagraphKind::Title,
        ] {
            assert_eq!(kind.as_str(), words(serde_json::to_string(&kind).unwrap()));
        }
        for kind in [CountryKind::Country, CountryKind::Bloc] {
            assert_eq!(kind.as_str(), words(serde_json::to_string(&kind).unwrap()));
        }
    }
}
