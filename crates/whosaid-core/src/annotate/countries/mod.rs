//! Countries and blocs a story mentions, by name ("the United States", "US"),
//! demonym ("Ukrainian", "Russians"), capital or seat of power ("Kyiv", "the
//! Kremlin") and region ("Donbas"); blocs ("Nato", "the EU") with kind `bloc`.
//!
//! One trie, built at build time (leftmost-longest, over the spellings text
//! uses: "Nato", "NATO"), finds every gazetteer phrase in one pass; [`rules`] then judges each match from the words
//! around it, and a last pass over the whole story settles what one mention cannot
//! (a family name used again, "Congo" when only one Congo is named, Georgia in a
//! story about US states). Linear in the text: each match is looked at once, with
//! a bounded look around it.
//!
//! The data lives in `assets/gazetteer/`, each file with its source and licence.

pub(crate) mod gazetteer;
mod rules;
mod text;

use crate::vocabulary::{WordSet, with_ascii_lowercase};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::OnceCell;

use crate::model::{Country, CountryKind, Paragraph, ParagraphKind, Span};
use gazetteer::{Form, GAZETTEER, Gazetteer, Target};
use rules::{Context, Verdict};
use text::{Style, bare, is_one_of, token_before};

/// A country or bloc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// ISO 3166-1 alpha-2 for countries; `EU`, `NATO`, … for blocs.
    pub code: &'static str,
    /// The English short name ("United States", "United Kingdom").
    pub name: &'static str,
    pub kind: CountryKind,
}

/// Every country and bloc mentioned, in order of first mention, each with all its mentions.
///
/// Matches overlapping a span of `not_places` (a person's name such as "Jordan
/// Henderson") are skipped. (The tests' entry; the annotator calls
/// [`find_mentions`].)
#[cfg(test)]
pub fn find(paragraphs: &[Paragraph], not_places: &[Span]) -> Vec<Country> {
    let blocked: Vec<(u32, u32, u32)> = not_places
        .iter()
        .map(|s| (s.paragraph as u32, s.start as u32, s.end as u32))
        .collect();
    find_mentions(paragraphs, blocked)
        .into_iter()
        .map(|found| found.into_country(paragraphs))
        .collect()
}

/// A country or bloc and where the story mentions it, as offsets: what
/// [`find`] returns, before its spans are built.
#[derive(Debug, Clone)]
pub struct Mentions {
    pub place: Place,
    /// Paragraph index, start and end of each mention.
    pub spans: Vec<(u32, u32, u32)>,
}

impl Mentions {
    /// The model's country, with each mention's span cut from `paragraphs`.
    pub fn country(&self, paragraphs: &[Paragraph]) -> Country {
        Country {
            code: self.place.code.to_string(),
            name: self.place.name.to_string(),
            kind: self.place.kind,
            mentions: self
                .spans
                .iter()
                .map(|&(paragraph, start, end)| {
                    let (paragraph, range) = (paragraph as usize, start as usize..end as usize);
                    Span {
                        paragraph,
                        text: paragraphs[paragraph]
                            .text
                            .slice(range.clone())
                            .unwrap_or_default(),
                        start: range.start,
                        end: range.end,
                    }
                })
                .collect(),
        }
    }

    #[cfg(test)]
    fn into_country(self, paragraphs: &[Paragraph]) -> Country {
        self.country(paragraphs)
    }
}

/// [`find`] as offsets: `blocked` holds (paragraph index, start, end) of
/// names, in any order (sorted here, in place: a long story has a million;
/// and dropped once the text is scanned, before the mentions are settled).
pub fn find_mentions(paragraphs: &[Paragraph], mut blocked: Vec<(u32, u32, u32)>) -> Vec<Mentions> {
    let gazetteer = &GAZETTEER;
    blocked.sort_unstable();
    let mut hits = Vec::new();
    let mut story = Story::default();
    for (position, paragraph) in paragraphs.iter().enumerate() {
        let index = paragraph.index;
        let first = blocked.partition_point(|&(p, _, _)| p < index);
        let count = blocked[first..].partition_point(|&(p, _, _)| p == index);
        let blocked = &blocked[first..first + count];
        scan(
            gazetteer, position, paragraph, blocked, &mut story, &mut hits,
        );
    }
    drop(blocked);
    settle(gazetteer, paragraphs, &story, hits)
}

/// Whether a word or phrase, as written, names a place of any kind the
/// gazetteer lists: a country, a region, a state or a city ("Colorado").
pub fn is_place(phrase: &str) -> bool {
    GAZETTEER.lists(trimmed(phrase))
}

/// [`is_place`] of `phrase`, whose ASCII lower case is `lower`.
pub fn is_place_lowered(phrase: &str, lower: &str) -> bool {
    if trimmed(phrase).len() == phrase.len() {
        GAZETTEER.lists_lowered(phrase, lower)
    } else {
        is_place(phrase)
    }
}

/// `phrase` without white space at either end. Most phrases are a word,
/// which begins and ends with a visible ASCII character: told by two
/// bytes, without decoding from both ends.
fn trimmed(phrase: &str) -> &str {
    let plain = |byte: Option<&u8>| byte.is_some_and(u8::is_ascii_graphic);
    let bytes = phrase.as_bytes();
    if plain(bytes.first()) && plain(bytes.last()) {
        phrase
    } else {
        phrase.trim()
    }
}

/// The country or bloc a word or phrase names or implies, as written in a title or role:
/// "German" → DE, "Kremlin" → RU, "US" / "U.S." → US, "Ukrainian" → UA, "Polish" → PL, "EU" → EU.
///
/// The first place named in the phrase counts ("Polish Prime Minister" → PL);
/// case matters as in running text ("us" names nothing).
pub fn lookup(phrase: &str) -> Option<Place> {
    lookup_index(phrase).map(place_at)
}

/// The place numbered `index` by [`lookup_index`].
pub fn place_at(index: u16) -> Place {
    let info = GAZETTEER.places[usize::from(index)];
    Place {
        code: info.code,
        name: info.name,
        kind: info.kind,
    }
}

/// [`lookup`] as the place's number, for [`place_at`]: two bytes, where a
/// paragraph keeps one for each of its tokens.
pub fn lookup_index(phrase: &str) -> Option<u16> {
    let gazetteer = &GAZETTEER;
    let text = trimmed(phrase);
    let cx = Context {
        gazetteer,
        text,
        heading: false,
        style: OnceCell::from(Style::default()),
        last_place_end: None,
        last_language_end: None,
    };
    let mut pos = 0;
    while let Some((start, end, entry_index)) = gazetteer.trie.find(text, pos) {
        let entry = &gazetteer.entries[entry_index];
        match rules::judge(&cx, start, end, entry) {
            Verdict::Skip => pos = next_char(text, start),
            Verdict::Place => {
                let index = match entry.target {
                    Target::Place(i) | Target::Either(i, _) => i,
                    Target::Nothing => return None,
                };
                // Fewer than 65,536 places (the test `a_hit_fits_the_gazetteer`).
                return u16::try_from(index).ok();
            }
            _ => pos = end,
        }
    }
    None
}

/// One match judged to name a place (what the other verdicts say is
/// noted in the [`Story`] as they are met, and not kept).
///
/// Sixteen bytes: a long story holds millions of these. The gazetteer has
/// fewer than 65,536 entries and places, and no spelling as long (see the
/// test `a_hit_fits_the_gazetteer`).
#[derive(Debug, Clone, Copy)]
struct Hit {
    /// Position in the `paragraphs` slice.
    position: u32,
    start: u32,
    /// Length in bytes: a spelling of the gazetteer's.
    len: u16,
    entry: u16,
    /// The place it names, once the story has settled it.
    place: u16,
    /// After "in", "to", "from", …: a place even where the name is also a family name.
    after_preposition: bool,
    /// A capital standing for its government ("Moscow has yet to agree").
    acts: bool,
}

impl Hit {
    fn entry(&self) -> usize {
        usize::from(self.entry)
    }

    fn end(&self) -> u32 {
        self.start + u32::from(self.len)
    }
}

/// Words before a name that make it a place, not a person: "flew to Jordan".
static PLACE_PREPOSITIONS: WordSet = crate::vocabulary::word_set!("place_prepositions");

/// Whether `start..end` overlaps one of `blocked` (one paragraph's, sorted
/// by start). Names do not nest, so only the last one starting before `end`
/// can overlap.
fn overlaps_blocked(blocked: &[(u32, u32, u32)], start: usize, end: usize) -> bool {
    let (start, end) = (start as u32, end as u32);
    let n = blocked.partition_point(|&(_, s, _)| s < end);
    blocked[..n]
        .iter()
        .rev()
        .take(2)
        .any(|&(_, s, e)| s < end && start < e)
}

fn scan(
    gazetteer: &Gazetteer,
    position: usize,
    paragraph: &Paragraph,
    blocked: &[(u32, u32, u32)],
    story: &mut Story,
    hits: &mut Vec<Hit>,
) {
    let text = paragraph.text.as_str();
    let mut cx = Context {
        gazetteer,
        text,
        heading: paragraph.kind != ParagraphKind::Body,
        style: OnceCell::new(),
        last_place_end: None,
        last_language_end: None,
    };
    let mut pos = 0;
    while let Some((start, end, entry_index)) = gazetteer.trie.find(text, pos) {
        if overlaps_blocked(blocked, start, end) {
            pos = end;
            continue;
        }
        let entry = &gazetteer.entries[entry_index];
        let verdict = rules::judge(&cx, start, end, entry);
        match verdict {
            Verdict::Skip => {
                pos = next_char(text, start);
                continue;
            }
            Verdict::Place => cx.last_place_end = Some(end),
            Verdict::Language => cx.last_language_end = Some(end),
            Verdict::NotPlace if entry.form != Form::State => {
                pos = end;
                continue;
            }
            _ => {}
        }
        story.note(gazetteer, verdict, entry_index);
        pos = end;
        if verdict != Verdict::Place {
            continue;
        }
        let after_preposition = token_before(text, start)
            .is_some_and(|(_, t)| is_one_of(bare(t), PLACE_PREPOSITIONS.words()));
        let acts = entry.form == Form::Capital && rules::acts_as_government(text, start, end);
        hits.push(Hit {
            position: position as u32,
            start: start as u32,
            len: (end - start) as u16,
            entry: entry_index as u16,
            place: 0,
            after_preposition,
            acts,
        });
    }
}

/// The byte offset of the character after the one at `at`.
fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

/// What the whole story says about its ambiguous names.
#[derive(Default)]
struct Story {
    /// Entries used as a family name somewhere ("Michael Jordan").
    family_names: FxHashSet<usize>,
    /// Entries seen as a town in a state or province ("London, Ont."): their
    /// other mentions need more than the name to count.
    towns: FxHashSet<usize>,
    /// Of those, the towns the story is about ("the city of Turkey"): there
    /// even "in Turkey" is the town.
    home_towns: FxHashSet<usize>,
    /// The story is about a US state that shares a country's name.
    us_state: bool,
    /// Unambiguous mentions per place.
    named: FxHashMap<usize, usize>,
    /// Places named by a phrase that is not also a US state's ("Tbilisi").
    named_plainly: FxHashMap<usize, usize>,
    /// The story says the state's own name outright (not "Georgia").
    state_named: bool,
}

impl Story {
    /// Notes what a match judged `verdict` says about the story.
    fn note(&mut self, gazetteer: &Gazetteer, verdict: Verdict, entry_index: usize) {
        let entry = &gazetteer.entries[entry_index];
        match verdict {
            Verdict::Person { family_name: true } => {
                self.family_names.insert(entry_index);
            }
            Verdict::Town { home } => {
                self.towns.insert(entry_index);
                if home {
                    self.home_towns.insert(entry_index);
                }
            }
            Verdict::State if entry.form != Form::Capital => self.state_named = true,
            // New York is the city far more often than the state.
            Verdict::NotPlace if entry.form == Form::State && entry.variants[0] != "New York" => {
                self.us_state = true;
            }
            Verdict::Place => {
                if let Target::Place(place) = entry.target {
                    *self.named.entry(place).or_default() += 1;
                    if !entry.flags.state {
                        *self.named_plainly.entry(place).or_default() += 1;
                    }
                }
            }
            _ => {}
        }
    }

    /// The place a kept mention names, if the story leaves it one.
    fn place_of(&self, gazetteer: &Gazetteer, hit: &Hit) -> Option<usize> {
        let entry = &gazetteer.entries[hit.entry()];
        if self.family_names.contains(&hit.entry()) && !hit.after_preposition {
            return None;
        }
        let place = match entry.target {
            Target::Place(place) => place,
            Target::Either(first, second) => {
                let count = |p| self.named.get(&p).copied().unwrap_or(0);
                if count(first) == 0 && count(second) > 0 {
                    second
                } else {
                    first
                }
            }
            Target::Nothing => return None,
        };
        Some(place)
    }
}

/// Countries that share a name with a US state, and the countries and blocs whose
/// mention next to the name shows the country is meant ("Georgia and Ukraine").
const NAMESAKE_NEIGHBOURS: &[(&str, &[&str])] =
    &[("GE", &["RU", "UA", "AM", "AZ", "TR", "EU", "NATO"])];

fn settle(
    gazetteer: &Gazetteer,
    paragraphs: &[Paragraph],
    story: &Story,
    mut hits: Vec<Hit>,
) -> Vec<Mentions> {
    // Filtered in place: a long story has hundreds of thousands of hits.
    hits.retain_mut(|h| {
        let place = story.place_of(gazetteer, h);
        if let Some(place) = place {
            h.place = place as u16;
        }
        place.is_some()
    });
    hits.shrink_to_fit();
    let place = |hit: &Hit| usize::from(hit.place);
    let code = |place: usize| gazetteer.places[place].code;
    let form = |hit: &Hit| gazetteer.entries[hit.entry()].form;
    let american = story.us_state || hits.iter().any(|hit| code(place(hit)) == "US");
    // A name the story also uses for a town ("Mexico, Mo.") may mean the town
    // again elsewhere ("Mexico's mayor"); the country is vouched for by another
    // of its words (its demonym, capital, seat, another spelling).
    let vouched: FxHashSet<usize> = hits
        .iter()
        .filter(|hit| !story.towns.contains(&hit.entry()))
        .map(place)
        .collect();
    let town_name_counts = |hit: &Hit| {
        let entry = hit.entry();
        !story.towns.contains(&entry)
            || hit.after_preposition && !story.home_towns.contains(&entry)
            || vouched.contains(&place(hit))
    };
    // Places named by name or demonym: a capital, a region or a plural people noun
    // stands for its country only in a story that names the country itself ("Paris"
    // alone is a city, "Canadians" alone are people); the seats of power always count.
    let named: FxHashSet<usize> = hits
        .iter()
        .filter(|hit| matches!(form(hit), Form::Name | Form::Demonym))
        .filter(|hit| town_name_counts(hit))
        .map(place)
        .collect();

    // Each counted place's position among the countries, in order of first
    // mention; and whether each hit counts.
    let mut slot_of_place: Vec<Option<u16>> = vec![None; gazetteer.places.len()];
    let mut counted_places: Vec<usize> = Vec::new();
    let mut verdicts: Vec<bool> = Vec::with_capacity(hits.len());
    // Hits come in reading order, so each paragraph's are contiguous.
    let mut plainly: Vec<usize> = Vec::new();
    for group in hits.chunk_by(|a, b| a.position == b.position) {
        // Places named in this paragraph by more than a capital, region or people noun.
        plainly.clear();
        for hit in group {
            if !matches!(form(hit), Form::Capital | Form::People | Form::Region)
                && !plainly.contains(&place(hit))
            {
                plainly.push(place(hit));
            }
        }
        let among_others = |place: usize| plainly.iter().any(|&other| other != place);
        for hit in group {
            let place = place(hit);
            let entry = &gazetteer.entries[hit.entry()];
            let counts = match entry.form {
                // A capital where something happens counts among other countries
                // ("talks in Berlin with US envoys"), not alone ("a fire in Paris").
                // A capital the story also uses for a town ("London, Ont.") stays
                // the town throughout: such stories name the other country too.
                Form::Capital => {
                    !story.towns.contains(&hit.entry())
                        && named.contains(&place)
                        && (hit.acts || among_others(place))
                }
                // A people noun counted ("thousands of Kenyans", "two Britons")
                // names its country's people, so the country too.
                Form::People => {
                    named.contains(&place) && among_others(place)
                        || !(entry.flags.group && american)
                            && counted(&paragraphs[hit.position as usize].text, hit.start as usize)
                }
                Form::Region => named.contains(&place),
                // Georgia: the country where the story names it otherwise
                // ("Tbilisi"), the paragraph names its neighbours, or the story has
                // nothing American in it.
                _ if entry.flags.state => {
                    let neighbours = NAMESAKE_NEIGHBOURS
                        .iter()
                        .find(|(c, _)| *c == code(place))
                        .map_or(&[][..], |(_, n)| *n);
                    let near = plainly.iter().any(|&p| neighbours.contains(&code(p)));
                    !story.state_named
                        && (story.named_plainly.contains_key(&place) || near || !american)
                }
                // Not the town's "Town, State" mention itself (that was never a
                // hit): after "in", "of", "to" a name is a place of its own
                // ("a village in Mexico") unless the story is about the town;
                // else it needs the country vouched for.
                _ if story.towns.contains(&hit.entry()) => town_name_counts(hit),
                _ => true,
            };
            verdicts.push(counts);
            if counts && slot_of_place[place].is_none() {
                slot_of_place[place] = Some(counted_places.len() as u16);
                counted_places.push(place);
            }
        }
    }
    let mut verdicts = verdicts.into_iter();
    hits.retain(|_| verdicts.next().unwrap_or(false));
    drop(verdicts);
    let slot = |hit: &Hit| slot_of_place[place(hit)].map_or(u16::MAX, |slot| slot);
    // Positions and starts are unique, so the order is the same every time.
    hits.sort_unstable_by_key(|hit| (slot(hit), hit.position, hit.start));
    let mut countries: Vec<Mentions> = counted_places
        .iter()
        .map(|&place| {
            let info = gazetteer.places[place];
            Mentions {
                place: Place {
                    code: info.code,
                    name: info.name,
                    kind: info.kind,
                },
                spans: Vec::new(),
            }
        })
        .collect();
    // Each country's spans made at their size from the last country's hits
    // back, the hits cut as they are taken: a long story never holds all
    // its hits and all its spans at once.
    while let Some(last) = hits.last() {
        let slot_hits = hits.partition_point(|hit| slot(hit) < slot(last));
        let found = &mut countries[usize::from(slot(last))];
        found.spans = hits[slot_hits..]
            .iter()
            .map(|hit| {
                let paragraph = paragraphs[hit.position as usize].index;
                (paragraph, hit.start, hit.end())
            })
            .collect();
        hits.truncate(slot_hits);
        hits.shrink_to_fit();
    }
    countries
}

/// Words that count people before a people noun: "thousands of", "two".
static PEOPLE_COUNTS: WordSet = crate::vocabulary::word_set!("people_counts");

/// Vague quantifiers ("many", "most") that count people only opening a sentence.
static PEOPLE_QUANTIFIERS: WordSet = crate::vocabulary::word_set!("people_quantifiers");

/// A count before the word at `start`: a number or a quantifier, with or
/// without "of" ("thousands of Kenyans", "2,000 Syrians", "two Britons"); or
/// the word, alone or after a vague quantifier, opens its sentence as its
/// subject ("Filipinos working on the ships", "Many Ukrainians have settled").
/// A vague quantifier inside a sentence ("matters to many Canadians") is how a
/// story talks of its own country's people, not a mention of the country: on
/// TR-News it added false countries.
fn counted(text: &str, start: usize) -> bool {
    let is_count = |word: &str| {
        let word = bare(word);
        word.chars().next().is_some_and(|c| c.is_ascii_digit())
            || PEOPLE_COUNTS.contains(&word.to_ascii_lowercase())
    };
    let vague = |word: &str| with_ascii_lowercase(bare(word), |w| PEOPLE_QUANTIFIERS.contains(w));
    match token_before(text, start) {
        Some((at, word)) if bare(word).eq_ignore_ascii_case("of") => {
            token_before(text, at).is_some_and(|(_, word)| is_count(word))
        }
        Some((at, word)) => {
            is_count(word)
                || vague(word) && text::opens_sentence(text, at)
                || text::opens_sentence(text, start)
        }
        // Glued to what is before it: "(Kenyans", "“Kenyans"; not "African-Americans".
        None => text::opens_sentence(text, start) && !text[..start].ends_with('-'),
    }
}

#[cfg(test)]
mod tests;
