//! Who a noun phrase is: people's names with their titles, and the noun
//! phrases that stand for sources ("a US official", "the State Department",
//! "a joint statement", "he").

use std::borrow::Cow;
use std::ops::Range;

use super::countries;
use super::grammar::{self, Pronoun, WordSet};
use super::lexicon::{Sex, TitleKind, lexicon};
use super::names::{Names, Sym};
use super::not_person;
use super::para::Para;
use super::short_text::ShortText;
use super::token::Kind;
use crate::vocabulary::NAME_SUFFIXES;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    Person,
    Anonymous,
    Group,
    Organization,
    Document,
    Pronoun(Pronoun),
    /// A bare "one" or "another" ("one said", "another said"): one member
    /// of a group named before.
    One,
}

/// A mention of a person or source in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub paragraph: usize,
    /// Byte range of the mention as written: a person's name ("Friedrich
    /// Merz"), or a whole noun phrase for other sources ("a US official").
    pub span: Range<usize>,
    pub kind: MentionKind,
    /// A person's full name as given ("Vladimir Putin"), or an institution's name.
    pub name: Option<ShortText>,
    /// Lower-case last name, for people.
    pub surname: Option<ShortText>,
    /// First name, for people whose first name is given.
    pub given: Option<ShortText>,
    /// Title or description ("German Chancellor").
    pub role: Option<ShortText>,
    pub country: Option<&'static str>,
    pub sex: Sex,
    pub plural: bool,
    /// "the source", "the senator": refers back to someone named before.
    pub definite: bool,
    /// The head noun of a description, lower case, singular ("official").
    pub head: Option<ShortText>,
    pub in_quote: bool,
    /// For people: the bytes of the name itself, without role or possessive.
    pub name_span: Option<Range<usize>>,
    /// Which sentence of its paragraph it stands in, and whether it is that
    /// sentence's subject (set for the people a paragraph names).
    pub placement: Placement,
}

/// A mention's sentence and whether it is the subject there: "Lee met
/// Ortiz. He said …" is Lee's, the subject's, though Ortiz is nearer. One
/// `u16`, the top bit the subject flag, so a story mention stays small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement(u16);

impl Default for Placement {
    fn default() -> Self {
        Placement(Self::UNPLACED)
    }
}

impl Placement {
    const SUBJECT: u16 = 1 << 15;
    /// The index of a mention not placed (sources, antecedents, surnames).
    const UNPLACED: u16 = Self::SUBJECT - 1;

    /// Sentence `sentence` of the paragraph (the last few share one index
    /// in a paragraph of more than 32,766 sentences), as its subject or not.
    pub fn new(sentence: usize, subject: bool) -> Self {
        let index = sentence.min(usize::from(Self::UNPLACED - 1)) as u16;
        Placement(index | if subject { Self::SUBJECT } else { 0 })
    }

    /// Its sentence's index in the paragraph, if it was placed.
    pub fn sentence(self) -> Option<u16> {
        let index = self.0 & !Self::SUBJECT;
        (index != Self::UNPLACED).then_some(index)
    }

    pub fn is_subject(self) -> bool {
        self.0 & Self::SUBJECT != 0
    }
}

impl Mention {
    fn new(p: &Para, tokens: Range<usize>, kind: MentionKind) -> Self {
        Mention {
            paragraph: p.index,
            span: p.bytes(tokens.clone()),
            kind,
            name: None,
            surname: None,
            given: None,
            role: None,
            country: None,
            sex: Sex::Unknown,
            plural: false,
            definite: false,
            head: None,
            in_quote: p.inside_quote(tokens.start),
            name_span: None,
            placement: Placement::default(),
        }
    }
}

/// "Pilar Ortiz and Sam Dutton": people named together, whom a later "they"
/// stands for.
pub fn people_together(p: &Para, np: Range<usize>) -> Mention {
    let mut mention = Mention::new(p, np.clone(), MentionKind::Group);
    mention.name = Some(p.slice(np).into());
    mention.plural = true;
    mention
}

/// A mention as the story keeps it once its paragraph is done: offsets as
/// u32 and strings interned, a third of the size of a [`Mention`].
#[derive(Debug, Clone)]
pub struct StoryMention {
    pub paragraph: u32,
    pub span: Range<u32>,
    pub kind: MentionKind,
    pub name: Option<Sym>,
    pub surname: Option<Sym>,
    pub given: Option<Sym>,
    pub role: Option<Sym>,
    /// The code of the speaker's country ("UA").
    pub country: Option<Sym>,
    pub sex: Sex,
    pub plural: bool,
    pub definite: bool,
    pub head: Option<Sym>,
    pub in_quote: bool,
    pub placement: Placement,
    /// Start and end of the name, or (`u32::MAX`, `u32::MAX`) for none:
    /// read with [`PlacedMention::name_span`]; no tag, as a long story has
    /// millions of mentions.
    name_span: (u32, u32),
}

impl StoryMention {
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }
}

/// A mention once coreference has read it: what building the speakers,
/// the claims' sources and the names that are no places still needs. 32
/// bytes where a [`StoryMention`] is 52, and made where the mentions lie
/// (`assemble` collects one from the other in place).
#[derive(Debug, Clone)]
pub struct PlacedMention {
    pub paragraph: u32,
    pub span: Range<u32>,
    /// As in [`StoryMention`].
    name_span: (u32, u32),
    pub kind: MentionKind,
    pub name: Option<Sym>,
    pub surname: Option<Sym>,
}

impl From<StoryMention> for PlacedMention {
    fn from(mention: StoryMention) -> Self {
        PlacedMention {
            paragraph: mention.paragraph,
            span: mention.span,
            name_span: mention.name_span,
            kind: mention.kind,
            name: mention.name,
            surname: mention.surname,
        }
    }
}

impl PlacedMention {
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    pub fn span(&self) -> Range<usize> {
        self.span.start as usize..self.span.end as usize
    }

    /// The bytes of the person's name, where the mention has one.
    pub fn name_span(&self) -> Option<Range<u32>> {
        let (start, end) = self.name_span;
        (start != u32::MAX).then_some(start..end)
    }
}

/// `range` moved `by` bytes on.
pub fn shift(range: &mut Range<usize>, by: usize) {
    range.start += by;
    range.end += by;
}

impl Mention {
    /// Whether it stands for someone named before: a pronoun, "one", a
    /// description with "the", or "others" ("Residents were split. Others
    /// said …").
    pub fn points_back(&self) -> bool {
        matches!(self.kind, MentionKind::Pronoun(_) | MentionKind::One)
            || self.definite
            || self.kind == MentionKind::Group
                && self.name.as_deref().is_some_and(grammar::is_partitive)
    }

    /// The same person or source, standing for the whole phrase `span`
    /// ("Former Treasury spokesman Dan Lewis" for Dan Lewis).
    pub fn spanning(&self, span: Range<usize>) -> Mention {
        Mention {
            span,
            ..self.clone()
        }
    }

    /// The mention moved `by` bytes on: from a window of its paragraph to
    /// the paragraph.
    pub fn shift(&mut self, by: usize) {
        shift(&mut self.span, by);
        if let Some(name) = &mut self.name_span {
            shift(name, by);
        }
    }

    /// Offsets fit in u32: a paragraph's text is at most 4 GiB (`model::Text`).
    pub fn into_story(self, names: &mut Names) -> StoryMention {
        let offsets = |range: Range<usize>| range.start as u32..range.end as u32;
        StoryMention {
            paragraph: self.paragraph as u32,
            span: offsets(self.span),
            kind: self.kind,
            name: names.intern_opt(self.name.as_deref()),
            surname: names.intern_opt(self.surname.as_deref()),
            given: names.intern_opt(self.given.as_deref()),
            role: names.intern_opt(self.role.as_deref()),
            country: names.intern_opt(self.country),
            sex: self.sex,
            plural: self.plural,
            definite: self.definite,
            head: names.intern_opt(self.head.as_deref()),
            in_quote: self.in_quote,
            placement: self.placement,
            name_span: self.name_span.map_or((u32::MAX, u32::MAX), |name| {
                (name.start as u32, name.end as u32)
            }),
        }
    }
}

/// Name particles that may stand inside a name: "Ursula von der Leyen".
static PARTICLES: WordSet = crate::vocabulary::word_set!("name_particles");
pub(crate) static OFFICE_AREAS: WordSet = crate::vocabulary::word_set!("office_areas");
static POSTNOMINALS: WordSet = crate::vocabulary::word_set!("postnominals");
static ADVERB_ENDINGS: WordSet = crate::vocabulary::word_set!("adverb_endings");

/// Endings of plurals for kinds of people ("Proponents", "Attendees").
static PLURAL_GROUP_ENDINGS: WordSet = crate::vocabulary::word_set!("plural_group_endings");

/// Endings of abstract nouns no surname has ("Seismology", "Tradition").
static COMMON_NOUN_ENDINGS: WordSet = crate::vocabulary::word_set!("common_noun_endings");

fn is_initial(p: &Para, i: usize) -> bool {
    // `is_word` first: it is also the bounds check (`i` may be one past the end).
    if !p.is_word(i) {
        return false;
    }
    let word = p.word(i);
    word.len() == 2 && word.ends_with('.') && word.starts_with(|c: char| c.is_ascii_uppercase())
}

/// A word that can be part of a person's name: capitalized, with some lower
/// case ("US" and "NATO" are not names), and not a function word. Worked out
/// once per token by [`Para`]; this is called for every word many times.
pub fn is_name_word(p: &Para, i: usize) -> bool {
    p.is_name_word(i)
}

/// Whether `word` ends with one of `endings`, with at least `min_stem`
/// bytes before it: a word that is the ending, or little more, is another
/// word.
fn ends_with_any(endings: &WordSet, word: &str, min_stem: usize) -> bool {
    endings
        .words()
        .iter()
        .any(|ending| word.len() >= ending.len() + min_stem && word.ends_with(ending))
}

/// A capitalized word before a given name that cannot be part of the name
/// ("Affairs", "Elections", "Texas-based", "AG", a title): an office's
/// area, a place's adjective, an acronym.
fn names_an_office_or_place(p: &Para, t: usize) -> bool {
    if !p.is_word(t) || p.given_name(t).is_some() {
        return false;
    }
    let word = p.word(t);
    let lower = p.lower(t);
    OFFICE_AREAS.contains(word)
        || lower.ends_with("-based")
        || word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())
        || p.title(t)
            .is_some_and(|title| title.kind == TitleKind::Title)
}

/// A capitalized word of a role written before a name: a title, a country
/// word, an acronym, an institution ("US President", "Kremlin spokesman",
/// "Treasury Secretary").
fn is_role_word(p: &Para, i: usize) -> bool {
    if !p.is_word(i) {
        return false;
    }
    let word = p.word(i);
    p.title(i).is_some()
        || p.place(i).is_some()
        || (word.len() >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.'))
        || lexicon().is_one_word_organization(word)
        // "Treasury Secretary James Baker", "Senate Majority Leader …"
        || p.is_capitalized(i) && lexicon().is_organization_head(p.lower(i))
}

/// "Director General", "the Queen Mother", "Secretary of State": a run of
/// capitalized words that are all titles, or one word after a title and
/// "of", belongs to a title and names no one.
fn is_part_of_a_title(p: &Para, core: Range<usize>) -> bool {
    // "Ms King": an honorific comes before a name, never inside a title.
    if core.start > 0
        && p.title(core.start - 1)
            .is_some_and(|title| title.kind == TitleKind::Honorific)
        && lexicon().names_after_honorific(p.word(core.start - 1), p.word(core.start))
    {
        return false;
    }
    // ("Deputy Finance Ministers": a title's plural ends a run of titles.)
    let plural_title = |t: usize| {
        p.lower(t)
            .strip_suffix('s')
            .and_then(|singular| lexicon().title(singular))
            .is_some_and(|title| title.kind == TitleKind::Title)
    };
    let all_titles = core
        .clone()
        .all(|t| !p.is_word(t) || p.title(t).is_some() || t + 1 == core.end && plural_title(t));
    let after_title_of = core.len() == 1
        && core.start >= 2
        && p.is_any(core.start - 1, &["of"])
        && p.title(core.start - 2).is_some();
    all_titles || after_title_of
}

/// One step of a name run from `i`: how many tokens a name part takes.
/// "(Vladimir)" takes three; a particle takes one when a capital follows.
#[inline]
fn name_part(p: &Para, i: usize) -> usize {
    // Answered here for most tokens, without a call: a name word, or a word
    // in lower case after no name word and not a bracket, which no rule of
    // `name_part_rules` takes.
    if is_name_word(p, i) {
        return 1;
    }
    let after_name_word = i > 0 && is_name_word(p, i - 1);
    if !after_name_word
        && !p.is_capitalized(i)
        && p.tokens().get(i).is_none_or(|t| t.kind != Kind::OpenParen)
    {
        return 0;
    }
    name_part_rules(p, i)
}

/// [`name_part`] by its rules. (Kept out of line, so that `name_part` is
/// inlined.)
#[inline(never)]
fn name_part_rules(p: &Para, i: usize) -> usize {
    if i >= p.len() {
        return 0;
    }
    // Look-ups in the lists last: this runs for every token, most of them
    // between name words.
    // (Every suffix is capitalized: a test holds the list to it.)
    if is_name_word(p, i) || (i > 0 && p.is_capitalized(i) && NAME_SUFFIXES.contains(p.word(i))) {
        return 1;
    }
    // Every rule below but a bracket's needs a name word before `i`: most
    // tokens stop here.
    if !(i > 0 && is_name_word(p, i - 1)) && p.kind(i) != Kind::OpenParen {
        return 0;
    }
    if i > 0 && is_name_word(p, i - 1) && is_name_word(p, i + 1) && p.is_any(i, &PARTICLES) {
        return 1;
    }
    // "George W Bush": a middle initial written without its period. (In a
    // headline, "Tweets A Graphic": "A" is the article.)
    if i > 0
        && is_name_word(p, i - 1)
        && is_name_word(p, i + 1)
        && p.is_word(i)
        && match p.word(i).as_bytes() {
            [b'A'] => !not_person::is_title_case_line(p, p.sentence_of(i)),
            [letter] => letter.is_ascii_uppercase() && *letter != b'I',
            _ => false,
        }
    {
        return 1;
    }
    // "de la Madrid", "van der Berg": two particles, then the surname.
    if i > 0
        && is_name_word(p, i - 1)
        && is_name_word(p, i + 2)
        && p.is_any(i, &PARTICLES)
        && p.is_any(i + 1, &PARTICLES)
    {
        return 2;
    }
    // "Bill (Bud) Rowe", "[Hillary] Clinton": a bracketed word before a
    // surname; "Tom “Red” Keller": a quoted nickname after a given name.
    let bracketed = match p.kind(i) {
        Kind::OpenParen => i + 2 < p.len() && p.kind(i + 2) == Kind::CloseParen,
        Kind::Quote(_) => {
            i > 0
                && is_name_word(p, i - 1)
                && p.quotes.opening_at(i).is_some()
                && i + 2 < p.len()
                && p.quotes.closing_at(i + 2).is_some()
        }
        _ => false,
    };
    if bracketed && is_name_word(p, i + 1) && i + 3 < p.len() && is_name_word(p, i + 3) {
        return 3;
    }
    0
}

/// The first token from `from` on where a run of [`find_people`] may
/// start: a name word, a token after one, a capitalized word or a bracket.
/// At any other token [`name_part`] is 0 and no role word (capitalized)
/// stands, so the run would be empty. Most tokens are passed over so, in
/// one scan of the paragraph's flags.
fn possible_run_start(p: &Para, from: usize) -> usize {
    let names = p.name_word_flags();
    if from > 0 && names.get(from - 1) == Some(&true) {
        return from;
    }
    // Past `from`, the token before was passed over: it is no name word.
    if from > names.len() {
        return from;
    }
    set_flags(p.run_start_flags(), from)
        .next()
        .unwrap_or(p.len())
}

/// Longest quoted term, in tokens, whose names are the term's ("the
/// so-called “Blair Babes”"); a longer quote after "programme:" is speech.
const MAX_TERM_TOKENS: usize = 6;

/// Finds people's names: capitalized runs with evidence that they name a
/// person (a title before them, or a known first name). Their role and
/// country come from the words before them ("German Chancellor") or after
/// ("Putin of Russia").
#[cfg(test)]
pub fn find_people(p: &Para) -> Vec<Mention> {
    let mut found = Vec::new();
    find_people_into(p, &mut found);
    found
}

/// [`find_people`] into `found` (emptied first, its room reused from the
/// paragraph before: a paragraph's people took several allocations each).
pub fn find_people_into(p: &Para, found: &mut Vec<Mention>) {
    let lexicon = lexicon();
    found.clear();
    let mut headline = HeadlineOf::default();
    let mut i = 0;
    while i < p.len() {
        i = possible_run_start(p, i);
        if i >= p.len() {
            break;
        }
        // A run of capitalized words, titles and acronyms.
        let start = i;
        let mut end = i;
        loop {
            let step = name_part(p, end);
            if step > 0 {
                end += step;
            } else if end < p.len() && p.is_capitalized(end) && is_role_word(p, end) {
                end += 1;
            } else {
                break;
            }
        }
        if end == start {
            i += 1;
            continue;
        }
        i = end;
        // Role words lead the run; the rest is the name. The name starts after
        // the run's last title: "Saudi Arabian Oil Minister Hisham Nazer".
        let mut core_start = start;
        while core_start < end && name_part(p, core_start + 1) > 0 && is_role_word(p, core_start) {
            core_start += 1;
        }
        if let Some(last_title) = (core_start..end).rev().find(|&t| {
            p.is_word(t)
                && p.title(t)
                    .is_some_and(|title| title.kind != TitleKind::Modifier)
                && name_part(p, t + 1) > 0
        }) {
            core_start = last_title + 1;
        }
        while core_start < end && name_part(p, core_start) == 0 {
            core_start += 1;
        }
        // Drop trailing role words: "Trump administration" is handled by the caller.
        // ("in Venice June 8-10": a month before a day is a date.)
        let mut core_end = end;
        if core_end > core_start + 1
            && grammar::MONTHS.contains(p.lower(core_end - 1))
            && core_end < p.len()
            && p.kind(core_end) == Kind::Number
        {
            core_end -= 1;
        }
        while core_end > core_start
            && name_part(p, core_end - 1) == 0
            && p.kind(core_end - 1) != Kind::CloseParen
        {
            core_end -= 1;
        }
        if core_start >= core_end {
            continue;
        }
        // "Harbour Affairs Paul Ahren", "Supervisor of Elections Ana
        // Holt", "Ohio-based Tom Hale": words of an office or a
        // place, then a person from the given name before a surname on.
        // (Not in a headline, where every word is capitalized: "… Praises
        // Ana Ruiz Donor".)
        if let Some(given) = (core_start + 1..core_end.saturating_sub(1)).find(|&t| {
            p.is_word(t)
                && p.given_name(t).is_some()
                && names_an_office_or_place(p, t - 1)
                && !headline.holds(p, t)
        }) {
            core_start = given;
        }
        let core = core_start..core_end;
        // "Faced with …,": a participle opening a sentence is no name.
        let opening_participle = core.len() == 1
            && (core.start == 0 || p.sentence_of(core.start).start == core.start)
            && p.lower(core.start).ends_with("ed")
            && core.end < p.len()
            && (p.is_any(core.end, &grammar::PREPOSITIONS) || p.kind(core.end) == Kind::Comma);
        // "General Motors Corp.", "Chase Manhattan Futures Corp.": an
        // institution's suffix after the name.
        let institution_suffix =
            (core_end..end).any(|t| p.is_word(t) && lexicon.is_organization_head(p.lower(t)));
        // "Group Menatep", "Bank Leumi": an institution's word opening its
        // name. ("Chancellor of the Exchequer Ana Holt": the institution
        // is a role's.)
        let institution_prefix = core_start > start
            && p.title(core_start - 1).is_none()
            && lexicon.is_organization_head(p.lower(core_start - 1))
            && !(core_start >= 2 && p.is_any(core_start - 2, &["the"]));
        // "chief Asian strategist Eddie Wong": one capitalized word before a
        // title modifies it.
        let modifies_title = core.len() == 1
            && core.end < p.len()
            && p.is_word(core.end)
            && !p.is_capitalized(core.end)
            && p.title(core.end)
                .is_some_and(|title| title.kind == TitleKind::Title);
        // "Ana Ruiz/Reuters": a picture's credit, not a speaker.
        let credit = core
            .clone()
            .any(|t| p.is_word(t) && p.word(t).contains('/'));
        // "Hale Barrow and Co.": a firm's partners.
        let partners_firm = core.end + 1 < p.len()
            && p.is_any(core.end, &["and", "&"])
            && p.is_any(core.end + 1, &["co", "co.", "company"]);
        if opening_participle
            || institution_suffix
            || institution_prefix
            || modifies_title
            || partners_firm
            || credit
        {
            continue;
        }
        let first = core.start;
        let institution_word = |t: usize| {
            p.is_word(t)
                && (lexicon.is_organization_head(p.lower(t))
                    // ("Pablo de la Madrid": a surname after a particle.)
                    || p.place(t).is_some() && !(t > first && p.is_any(t - 1, &PARTICLES))
                    || lexicon.is_one_word_organization(p.word(t))
                    || OFFICE_AREAS.contains(p.word(t)))
        };
        let mut core = core;
        // "Merrill Lynch Research": a known institution's name opens the
        // run, which names a part of it. "Society of River Owners",
        // "Network for River Protection": the run ends an institution's name.
        if core.clone().any(institution_word)
            || opens_with_organization_name(p, core.clone())
            // ("Chairman of General Motors Roger Smith": a title opening the
            // institution's name.)
            || start < core.start
                && p.title(core.start - 1).is_some()
                && opens_with_organization_name(p, core.start - 1..core.end)
            || not_person::ends_institution_name(p, core.start)
        {
            // "Harbour Affairs Paul Ahren": an institution's words,
            // then a person from a given name on; else no person.
            let given = (core.start + 1..core.end.saturating_sub(1)).find(|&t| {
                p.is_word(t) && p.given_name(t).is_some() && !(t..core.end).any(institution_word)
            });
            match given {
                Some(given) => core.start = given,
                None => continue,
            }
        }
        // ("King Omar of Saudi Arabia": a demonym opening a place's name.)
        let place_after_demonym = core.start > start && p.is_place(core.start - 1..core.end);
        if place_after_demonym
            || p.is_place(core.clone())
            // "General Motors": a known institution that opens with a title.
            || end - start >= 2
                && lexicon.ends_an_organization_name(p.word(end - 1))
                && lexicon.ends_with_organization_name(
                    &(start..end).filter(|&t| p.is_word(t)).map(|t| p.word(t)).collect::<Vec<_>>(),
                )
            || is_part_of_a_title(p, core.clone())
        {
            // An institution or place in the run, a place of several words
            // ("Hong Kong"), or words of a title: not a person.
            continue;
        }
        // "Bernie Sanders Suffered A Blow", "Jeb Bush Hits Marco Rubio": in a
        // headline, a verb's capital ends the name. (Worked out once a sentence.)
        // ("Zoe Questioned Why …": a past cue may follow a given name, but
        // "said" may be a surname, as in "Edward Said".)
        let past_cue_after_given_name = p.given_name(core.start).is_some()
            && core.end - core.start >= 2
            && p.is_word(core.start + 1)
            && {
                let next = p.lower(core.start + 1);
                next.ends_with("ed") && next != "said" && lexicon.cue(next).is_some()
            };
        if core.end - core.start >= 3 || past_cue_after_given_name {
            // ("Clinton Offers Needed Change": a surname alone may open it.)
            let first_verb = if p.given_name(core.start).is_some() && !past_cue_after_given_name {
                core.start + 2
            } else {
                core.start + 1
            };
            if headline.holds(p, core.start)
                && let Some(verb) = (first_verb..core.end).find(|&t| headline_verb(p, t, core.end))
            {
                core.end = verb;
            }
        }
        // "Prime Minister's Questions": what a titled person owns is not a person.
        let owned = core.start > 0 && p.kind(core.start - 1) == Kind::Possessive;
        let mut role = role_before(p, core.start).filter(|_| !owned);
        // "branch manager of Credit Lindholm Paul Ahren": the institution, then
        // the person, from the given name on.
        if role
            .as_ref()
            .is_some_and(|r| not_person::role_of_what_follows(p, r))
            && let Some(given) = (core.start + 1..core.end.saturating_sub(1))
                .find(|&t| p.is_word(t) && p.given_name(t).is_some())
        {
            core.start = given;
            role = role_before(p, given);
        }
        // "chief executive of Water Watch Lindholm": the title belongs to
        // someone else; what follows "of" is where the role is held.
        // ("member of Tomo Parane's crew": a name that owns something is
        // someone's.)
        let owns = core.end < p.len() && p.kind(core.end) == Kind::Possessive;
        // ("a General Capital Increase": a capitalized title straight after
        // "a" or "an" opens a thing's name.)
        let title_after_a = |r: &Range<usize>| {
            r.start > 0
                && matches!(p.word(r.start - 1), "a" | "an")
                && p.is_capitalized(r.start)
                && p.title(r.start)
                    .is_some_and(|title| title.kind == TitleKind::Title)
        };
        let role_title = role
            .clone()
            .filter(|r| owns || !not_person::role_of_what_follows(p, r))
            .filter(|r| !title_after_a(r))
            .and_then(|r| strongest_title(p, r));
        // (The name's first word: no given name when it has none.)
        let first = core.clone().find(|&t| p.is_word(t));
        // "the Royal Prerogative", "an April Fool's joke": a given name after
        // an article opens the name of a thing.
        let given_sex = first
            .and_then(|first| p.given_name(first))
            .filter(|_| name_words(p, core.clone()).count() >= 2)
            .filter(|_| not_person::article_before(p, core.start).is_none())
            .filter(|_| !not_person::after_title_at(p, core.start));
        // "Sailor Rescued After Storm Hits": in a headline, a title before a
        // capitalized word is no evidence of a name. (Worked out once a sentence.)
        let role_title =
            role_title.filter(|_| given_sex.is_some() || !headline.holds(p, core.start));
        let evidence = role_title.is_some() || given_sex.is_some();
        // "crude producer Yukos": a business, described as one.
        let described_by = given_sex.is_none().then(|| {
            (core.start > 0)
                .then(|| core.start - 1)
                .filter(|&t| not_person::describes_organization(p, t, core.clone()))
                // ("in Zurich, a trading centre,": a place.)
                .or_else(|| {
                    not_person::business_apposition(p, core.end).filter(|_| {
                        p.place(core.start).is_none()
                            && !(core.start > 0 && p.is_any(core.start - 1, &["in", "at", "near"]))
                    })
                })
        });
        // "Vel Harbin, which owns …": a person is "who"; what "which"
        // stands for is a body. It may stand for a longer phrase that ends
        // with the name ("a study by Ana Ruiz, which found …"), so a name
        // with a given name counts only as the sentence's subject.
        let opens_sentence = p.sentence_of(core.start).start == core.start;
        let referred_to_by_which = role_title.is_none()
            && (given_sex.is_none() || opens_sentence)
            && not_person::followed_by_which(p, core.end)
            && !(core.start > 0
                && (p.is_any(core.start - 1, &grammar::PREPOSITIONS)
                    || p.kind(core.start - 1) == Kind::Possessive));
        let business_head = match described_by {
            Some(Some(descriptor)) => Some(Some(descriptor)),
            _ => referred_to_by_which.then_some(None),
        };
        if let Some(descriptor) = business_head {
            // Kept as the business it is, so that the story's "Yukos said"
            // is the business too.
            let mut business = Mention::new(p, core.clone(), MentionKind::Organization);
            business.name = Some(
                name_words(p, core.clone())
                    .collect::<Vec<_>>()
                    .join(" ")
                    .into(),
            );
            business.head = descriptor.map(|d| p.lower(d).into());
            found.push(business);
            continue;
        }
        // "a documentary called 'Goodbye Mr Grumpy'", "the so-called “Blair
        // Babes”": a name in a short quoted title or term is the title's;
        // but "“Nightly News with Ana Ruiz”" names its host.
        let in_quoted_title = !(core.start > 0 && p.is_any(core.start - 1, &["with"]))
            && p.quotes
                .inside
                .get(core.start)
                .copied()
                .flatten()
                .is_some_and(|q| {
                    let quote = p.quotes.quotes[q as usize];
                    quote.open.is_some()
                        && quote.close.is_some()
                        && (not_person::is_title_case_line(p, quote.inner(p.len()))
                            || quote.inner(p.len()).len() <= MAX_TERM_TOKENS
                                && grammar::is_marked_as_term(p, &quote))
                });
        // "a spokesman for Vantor", "an analyst at Korvel": one word with no
        // evidence of a person, where someone works, is an institution (and
        // the story's lone "Vantor said" is that institution too).
        let workplace = !evidence
            && name_words(p, core.clone()).count() == 1
            && core.start >= 2
            && p.is_any(core.start - 1, &["for", "at"])
            && !p.is_capitalized(core.start - 2)
            && p.title(core.start - 2)
                .is_some_and(|title| title.kind == TitleKind::Title)
            && p.place(core.start).is_none();
        // "Swiss Re", "Reynolds Tobacco": a body's name, whatever its first
        // word seemed to say.
        if (given_sex.is_none() && start < core.start
            || not_person::ends_like_a_body_only(p, start..core.end))
            && not_person::is_organization_name(p, start..core.end)
        {
            continue;
        }
        // "Harlow & Vane", "Smith & Sons": a firm's name, whose words "&" joins.
        if joined_by_ampersand(p, core.clone()) {
            continue;
        }
        if workplace {
            let mut institution = Mention::new(p, core.clone(), MentionKind::Organization);
            institution.name = Some(p.slice(core.clone()).into());
            found.push(institution);
            continue;
        }
        // ("General Compact on Fisheries and Ferries (GCFF)": words of a body's
        // name that its acronym spells.)
        let spelled_by_acronym = || {
            (core.end..(core.end + MAX_ACRONYM_NAME).min(p.len()))
                .find(|&t| p.kind(t) == Kind::CloseParen)
                .and_then(|close| name_spelled_by_acronym(p, close, 0))
                .is_some_and(|start| start <= core.start)
        };
        if !evidence
            || in_quoted_title
            || spelled_by_acronym()
            || not_person::is_place_name(p, core.clone())
            || not_person::is_thing_name(p, core.clone())
        {
            continue;
        }
        let mut mention = person(p, core.clone(), role.clone());
        mention.sex = match role_title {
            Some(title) if title != Sex::Unknown => title,
            _ => given_sex.unwrap_or(Sex::Unknown),
        };
        found.push(mention);
    }
}

/// Whether "&" joins the run `core` to a capitalized word before or after it.
fn joined_by_ampersand(p: &Para, core: Range<usize>) -> bool {
    core.start >= 2 && p.is_ampersand(core.start - 1) && p.is_capitalized(core.start - 2)
        || p.is_ampersand(core.end) && p.is_capitalized(core.end + 1)
}

/// Whether the preposition at `t` (before `end`) is a word of an
/// institution's name that a role follows: "a Department for Roads and
/// Harbours spokeswoman", not "the Council for England".
fn preposition_of_name_before_role(p: &Para, t: usize, end: usize) -> bool {
    if t == 0 || !p.is_capitalized(t - 1) || t + 1 >= end || !p.is_capitalized(t + 1) {
        return false;
    }
    let role = (t + 1..end)
        .find(|&w| !(p.is_word(w) && (p.is_capitalized(w) || p.is_any(w, &["and", "&"]))));
    role.is_some_and(|w| {
        p.is_word(w)
            && (p
                .title(w)
                .is_some_and(|title| title.kind == TitleKind::Title)
                || lexicon().is_anonymous_head(p.lower(w)))
    })
}

/// Whether the words from `start` to the title words ending at `head` name a
/// place ("New Hampshire", "Ohio").
fn place_before_title(p: &Para, start: usize, head: usize) -> bool {
    let mut end = head;
    while end > start && p.title(end - 1).is_some() {
        end -= 1;
    }
    end > start && p.is_place(start..end)
}

/// Whether a token's sentence is a title-case headline, worked out once a
/// sentence as the people finder walks a paragraph.
#[derive(Default)]
struct HeadlineOf {
    sentence: Range<usize>,
    is_headline: bool,
}

impl HeadlineOf {
    fn holds(&mut self, p: &Para, t: usize) -> bool {
        let sentence = p.sentence_of(t);
        if self.sentence != sentence {
            self.is_headline = not_person::is_title_case_line(p, sentence.clone());
            self.sentence = sentence;
        }
        self.is_headline
    }
}

/// Whether the word at `t`, in a title-case headline's name run ending at
/// `end`, reads as its verb or what opens it: a cue ("Says"), a past
/// ("Suffered"), a participle ("Auctioning"), an adverb ("Fully Embraced"), a
/// contraction ("Isn't"), or a present with more of the run after it ("Hits
/// Marco Rubio").
fn headline_verb(p: &Para, t: usize, end: usize) -> bool {
    if !p.is_word(t) {
        return false;
    }
    let lower = p.lower(t);
    lexicon().cue(lower).is_some()
        || lower.ends_with("ed")
        || lower.ends_with("ing")
        || lower.ends_with("ly")
        || lower.contains(['\'', '\u{2019}'])
        || lower.ends_with('s') && !lower.ends_with("ss") && t + 1 < end
}

/// Whether the run `core` opens with the whole name of a known institution
/// and goes on after it ("Merrill Lynch Research").
fn opens_with_organization_name(p: &Para, core: Range<usize>) -> bool {
    let lexicon = lexicon();
    (core.start + 1..core.end.saturating_sub(1)).any(|t| {
        p.is_word(t) && lexicon.ends_an_organization_name(p.word(t)) && {
            let words: Vec<&str> = (core.start..=t)
                .filter(|&w| p.is_word(w))
                .map(|w| p.word(w))
                .collect();
            lexicon.ends_with_organization_name(&words)
        }
    })
}

/// A single capitalized word outside the names and sources already found:
/// a later mention of a person if someone with that surname is named in the
/// story ("Zelenskiy has been holding talks", "(Putin)"). Twelve bytes: a
/// long story holds a candidate for every few sentences until its last
/// name is known.
#[derive(Debug, Clone, Copy)]
pub struct SurnameCandidate {
    paragraph: u32,
    start: u32,
    /// The word's length in bytes: no surname is longer than 255.
    len: u8,
    /// The length of the possessive after it ("Trump's"), or 0.
    possessive_len: u8,
    sex: Sex,
    in_quote: bool,
    placement: Placement,
}

impl SurnameCandidate {
    /// The candidate moved `by` bytes on (see [`Mention::shift`]).
    pub fn shift(&mut self, by: usize) {
        let by = by as u32;
        self.start += by;
    }

    fn end(&self) -> u32 {
        self.start + u32::from(self.len)
    }

    pub fn word<'a>(&self, paragraphs: &'a [crate::model::Paragraph]) -> &'a str {
        &paragraphs[self.paragraph as usize].text[self.start as usize..self.end() as usize]
    }

    /// `key`: room for the surname's key, reused from one candidate to the next.
    pub fn into_mention(
        self,
        paragraphs: &[crate::model::Paragraph],
        names: &mut Names,
        key: &mut String,
    ) -> StoryMention {
        let word = self.word(paragraphs);
        surname_key_into(word, key);
        StoryMention {
            paragraph: self.paragraph,
            span: self.start..self.end() + u32::from(self.possessive_len),
            kind: MentionKind::Person,
            name: Some(names.intern(word)),
            surname: Some(names.intern(key)),
            given: None,
            role: None,
            country: None,
            sex: self.sex,
            plural: false,
            definite: false,
            head: None,
            in_quote: self.in_quote,
            placement: self.placement,
            name_span: (self.start, self.end()),
        }
    }
}

/// The paragraph's lone name words outside every mention (`covered`, sorted
/// and disjoint), pushed onto `found`, the story's: each is a surname if the
/// story names its person somewhere.
/// `place` gives the placement of the word at a token.
pub fn surname_candidates(
    p: &Para,
    covered: &[Range<usize>],
    found: &mut Vec<SurnameCandidate>,
    mut place: impl FnMut(usize) -> Placement,
) {
    // The name words' flags, read in one scan: most tokens are none.
    for i in set_flags(p.name_word_flags(), 0) {
        if is_initial(p, i) {
            continue;
        }
        let lone = !(i > 0 && is_name_word(p, i - 1) || i + 1 < p.len() && is_name_word(p, i + 1));
        if !lone {
            continue;
        }
        let token = p.tokens()[i];
        let (start, end) = (token.start as usize, token.end as usize);
        // `covered` is sorted and disjoint.
        let n = covered.partition_point(|c| c.start <= start);
        if n > 0 && end <= covered[n - 1].end {
            continue;
        }
        let possessive = i + 1 < p.len() && p.kind(i + 1) == Kind::Possessive;
        let span_end = if possessive {
            p.tokens()[i + 1].end
        } else {
            token.end
        };
        let (Ok(len), Ok(possessive_len)) = (
            u8::try_from(token.end - token.start),
            u8::try_from(span_end - token.end),
        ) else {
            continue;
        };
        let sex = (i > 0)
            .then(|| p.title(i - 1))
            .flatten()
            .filter(|t| t.kind == TitleKind::Honorific)
            .map_or(Sex::Unknown, |t| t.sex);
        found.push(SurnameCandidate {
            paragraph: p.index as u32,
            start: token.start,
            len,
            possessive_len,
            sex,
            in_quote: p.inside_quote(i),
            placement: place(i),
        });
    }
}

/// The indices of the `true`s among `flags` from `from` on, looked for
/// eight flags at a time: most are false, and one test a flag cost more
/// than the rest of the scan.
fn set_flags(flags: &[bool], from: usize) -> impl Iterator<Item = usize> + '_ {
    let mut at = from;
    std::iter::from_fn(move || {
        while let Some(eight) = flags.get(at..at + 8) {
            let word = u64::from_le_bytes(std::array::from_fn(|k| u8::from(eight[k])));
            if word != 0 {
                let found = at + (word.trailing_zeros() / 8) as usize;
                at = found + 1;
                return Some(found);
            }
            at += 8;
        }
        let found = at + flags.get(at..)?.iter().position(|&flag| flag)?;
        at = found + 1;
        Some(found)
    })
}

/// The words of a name, without brackets.
fn name_words<'a>(p: &'a Para, core: Range<usize>) -> impl Iterator<Item = &'a str> + 'a {
    core.filter(|&t| p.is_word(t)).map(|t| p.word(t))
}

/// A person mention for the name `core`, with the role written before it.
pub fn person(p: &Para, core: Range<usize>, role: Option<Range<usize>>) -> Mention {
    let mut span_end = core.end;
    if span_end < p.len() && p.kind(span_end) == Kind::Possessive {
        span_end += 1;
    }
    let mut mention = Mention::new(p, core.start..span_end, MentionKind::Person);
    mention.name_span = Some(p.bytes(core.clone()));
    // The name's words joined by spaces; the first and last kept as
    // tokens, whose lower case is at hand.
    let words = || {
        core.clone()
            .filter(|&t| p.is_word(t) && !NAME_SUFFIXES.contains(p.word(t)))
    };
    let (mut first, mut last, mut count): (Option<usize>, Option<usize>, usize) = (None, None, 0);
    // Most names are written so already ("Vladimir Putin": words one space
    // apart): the text itself, with no string built.
    let mut as_written = true;
    for t in words() {
        as_written &= match last {
            Some(before) => {
                let gap = p.tokens()[before].end as usize;
                t == before + 1
                    && p.tokens()[t].start as usize == gap + 1
                    && p.text().as_bytes().get(gap) == Some(&b' ')
            }
            None => t == core.start,
        };
        first = first.or(Some(t));
        last = Some(t);
        count += 1;
    }
    as_written &= last.is_some_and(|t| t + 1 == core.end);
    mention.name = Some(if as_written {
        ShortText::from(p.slice(core.clone()))
    } else {
        let mut name = String::with_capacity(p.bytes(core.clone()).len());
        for (n, t) in words().enumerate() {
            if n > 0 {
                name.push(' ');
            }
            name.push_str(p.word(t));
        }
        ShortText::from(name)
    });
    mention.surname = last.map(|t| surname_text(p, t));
    // "Sir Menzies", "Dame Judi": a knight or dame is called by the given name.
    let knighted = core.start > 0 && p.is_any(core.start - 1, &["sir", "dame"]);
    // ("de Vries", "De Vries": a particle opens the surname; no given name
    // is written.)
    let particle = first.is_some_and(|t| {
        !p.word(t).starts_with(char::is_uppercase) || PARTICLES.contains(p.lower(t))
    });
    if count >= 2 && !particle || knighted {
        mention.given = first.map(|t| p.word(t).into());
    }
    // "shadow home secretary Mr David Davis": the honorific is not part of the role.
    let role = role.map(|mut r| {
        while r.end > r.start
            && p.title(r.end - 1)
                .is_some_and(|title| title.kind == TitleKind::Honorific)
            && r.clone().any(|t| {
                p.title(t)
                    .is_none_or(|title| title.kind != TitleKind::Honorific)
            })
        {
            r.end -= 1;
        }
        r
    });
    // An honorific alone ("Mr.") says the sex, not a role.
    if let Some(role) = role.filter(|r| {
        r.clone().any(|t| {
            p.title(t)
                .is_none_or(|title| title.kind != TitleKind::Honorific)
        })
    }) {
        mention.country = country_in(p, role.clone());
        mention.role = Some(ShortText::from(p.slice(role)));
    }
    // "President Vladimir Putin of Russia"
    if mention.country.is_none() && p.is_any(core.end, &["of"]) && core.end + 1 < p.len() {
        mention.country = p.place(core.end + 1).map(|place| place.code);
    }
    mention
}

/// The key people are merged on: the last name, lower case, straight apostrophes.
pub fn surname_key(word: &str) -> String {
    // Exactly the room an ASCII name needs, as it is kept boxed.
    let mut key = String::with_capacity(word.len());
    surname_key_into(word, &mut key);
    key
}

/// [`surname_key`] of the word `t`: an ASCII word's is its lower case,
/// already at hand, with no string built.
fn surname_text(p: &Para, t: usize) -> ShortText {
    if !p.word(t).is_ascii() {
        return surname_key(p.word(t)).into();
    }
    let key = p.lower(t);
    let key = match key.get(..3) {
        Some("al-" | "el-") if key.len() > 3 => &key[3..],
        _ => key,
    };
    ShortText::from(key)
}

/// [`surname_key`] written into `key` (emptied first): a caller that asks
/// for a key per capitalized word reuses one string, not one allocation each.
pub fn surname_key_into(word: &str, key: &mut String) {
    key.clear();
    // Most names are ASCII: lower-cased in place, without Unicode tables.
    if word.is_ascii() {
        key.push_str(word);
        key.make_ascii_lowercase();
    } else {
        key.push_str(&word.to_lowercase().replace('’', "'"));
    }
    // "al-Tamimi", then "Tamimi": the Arabic article is no part of the key.
    if (key.starts_with("al-") || key.starts_with("el-")) && key.len() > 3 {
        key.drain(..3);
    }
}

/// The sex implied by the strongest title in a role, if any title is there.
fn strongest_title(p: &Para, role: Range<usize>) -> Option<Sex> {
    let mut found = None;
    for t in role {
        if let Some(title) = p.title(t)
            && title.kind != TitleKind::Modifier
        {
            found = Some(match (found, title.sex) {
                (Some(known), Sex::Unknown) => known,
                (_, sex) => sex,
            });
        }
    }
    found
}

/// The first country named or implied in tokens `range`.
pub fn country_in(p: &Para, range: Range<usize>) -> Option<&'static str> {
    range
        .filter(|&t| p.is_word(t))
        .find_map(|t| p.place(t).map(|place| place.code))
}

/// The role written just before a name: titles, their modifiers, country and
/// institution words and possessives ("Trump's son-in-law", "Secretary of State").
/// `None` unless it holds a title.
pub fn role_before(p: &Para, name_start: usize) -> Option<Range<usize>> {
    let lexicon = lexicon();
    let mut start = name_start;
    while start > 0 {
        let t = start - 1;
        if p.inside_quote(t) != p.inside_quote(name_start) {
            break;
        }
        let ok = match p.kind(t) {
            Kind::Possessive => t > 0 && p.is_capitalized(t - 1),
            Kind::Word => {
                let word = p.word(t);
                p.title(t).is_some()
                    || (p.is_capitalized(t) && !grammar::NOT_NAMES.contains(p.lower(t)))
                    || (word == "of" && t > 0 && p.title(t - 1).is_some())
                    || word.contains('-')
                        && word.split('-').any(|part| lexicon.title(part).is_some())
            }
            _ => false,
        };
        if !ok {
            break;
        }
        start = t;
    }
    // Trim leading words that are not part of the role ("of").
    while start < name_start && p.is_any(start, &["of"]) {
        start += 1;
    }
    let role = start..name_start;
    let has_title = role.clone().any(|t| {
        p.is_word(t)
            && (p
                .title(t)
                .is_some_and(|title| title.kind != TitleKind::Modifier)
                || p.word(t).contains('-')
                    && p.word(t).split('-').any(|part| {
                        lexicon
                            .title(part)
                            .is_some_and(|title| title.kind == TitleKind::Title)
                    }))
    });
    (!role.is_empty() && has_title).then_some(role)
}

/// Connectives and intro words cut off the front of a source phrase.
static LEADING_NOISE: WordSet = crate::vocabulary::word_set!("source_leading_words");

/// Words that end the head of a description: what follows modifies it
/// ("an official familiar with the matter", "a source briefed on the talks").
static POSTMODIFIER_OPENERS: WordSet = crate::vocabulary::word_set!("postmodifier_openers");

/// "Harbour Guide to Lindholm author Dan Holt said": a person named at the
/// end of the phrase, right after a role noun, is who it stands for, however
/// long the words before the role.
fn named_after_role(p: &Para, np: Range<usize>, people: &[Mention]) -> Option<Mention> {
    let np_bytes = p.bytes(np.clone());
    let name = person_ending_at(p, people, np_bytes.end)?;
    let role = p.token_at(name.span.start).checked_sub(1)?;
    let after_role = role >= np.start
        && p.is_word(role)
        && !p.is_capitalized(role)
        && p.title(role)
            .is_some_and(|title| title.kind == TitleKind::Title);
    after_role.then(|| name.spanning(np_bytes))
}

/// The person in `people` (in reading order) whose name ends at byte `end`
/// of this paragraph.
fn person_ending_at<'m>(p: &Para, people: &'m [Mention], end: usize) -> Option<&'m Mention> {
    let before = people.partition_point(|m| m.span.start < end);
    people[..before]
        .last()
        .filter(|m| m.paragraph == p.index && m.kind == MentionKind::Person && m.span.end == end)
}

/// "… echoed those made by Trade Minister Ana Holt, who said": the person
/// named last in the phrase `np`, whom a relative pronoun after it stands for.
pub fn person_named_last(p: &Para, np: Range<usize>, people: &[Mention]) -> Option<Mention> {
    let end = p.tokens().get(np.end.checked_sub(1)?)?.end as usize;
    person_ending_at(p, people, end).cloned()
}

/// "Laura Bron of Save the Seals said", "Lord Harte of Lindholm
/// said": a person named at the start of the phrase (after titles only),
/// before "of" and where they are from or work.
fn named_before_of(p: &Para, np: Range<usize>, people: &[Mention]) -> Option<Mention> {
    let bytes = p.bytes(np.clone());
    let first = people.partition_point(|m| m.span.start < bytes.start);
    let Some(name) = people
        .get(first)
        .filter(|m| m.paragraph == p.index && m.kind == MentionKind::Person)
    else {
        return unknown_name_before_of(p, np);
    };
    let name_start = p.token_at(name.span.start);
    let after = p.token_at(name.span.end);
    let titled_only = (np.start..name_start).all(|t| p.title(t).is_some());
    (titled_only && after + 1 < np.end && p.is_any(after, &["of"])).then(|| name.spanning(bytes))
}

/// "Kenji Arata of Minato Bank said": two or more name words no list
/// knows, opening the phrase before "of" and an institution, are a person's.
fn unknown_name_before_of(p: &Para, np: Range<usize>) -> Option<Mention> {
    let lexicon = lexicon();
    let of = (np.start..np.end).find(|&t| !is_name_word(p, t))?;
    let plain_name = (np.start..of).all(|t| {
        p.title(t).is_none()
            && p.place(t).is_none()
            && !lexicon.is_organization_head(p.lower(t))
            && !lexicon.is_one_word_organization(p.word(t))
    });
    let institution_after = of + 1 < np.end
        && (of + 1..np.end)
            .any(|t| p.is_capitalized(t) && lexicon.is_organization_head(p.lower(t)));
    (of - np.start >= 2 && plain_name && p.is_any(of, &["of"]) && institution_after)
        .then(|| person(p, np.start..of, None).spanning(p.bytes(np)))
}

/// "Senator James Brill, a Lindholm Republican who warned …": a
/// description with "a" or "an" set after a person's name by a comma stands
/// for that person.
pub fn in_apposition_to_a_name(p: &Para, np: Range<usize>, people: &[Mention]) -> Option<Mention> {
    if np.start < 2 || p.kind(np.start - 1) != Kind::Comma || !p.is_any(np.start, &["a", "an"]) {
        return None;
    }
    let name_end = p.tokens()[np.start - 2].end as usize;
    Some(person_ending_at(p, people, name_end)?.spanning(p.bytes(np)))
}

/// Small words a body's initials leave out: "Securities and Exchange
/// Commission" is "SEC".
pub(crate) const INITIALS_LEAVE_OUT: [&str; 7] = ["and", "of", "the", "for", "on", "in", "&"];

/// Most tokens from the end of a name to the bracket of an acronym that
/// spells it: "Compact| on Fisheries and Ferries (GCFF)".
const MAX_ACRONYM_NAME: usize = 8;

/// "the General Compact on Fisheries and Ferries (GCFF)": where the name that
/// the acronym in brackets closed at `close` spells starts, when the
/// capitalized words before the bracket give its letters in order, one
/// each, past the small words initials leave out; not before `floor`.
pub(crate) fn name_spelled_by_acronym(p: &Para, close: usize, floor: usize) -> Option<usize> {
    let acronym = close.checked_sub(1)?;
    let open = acronym.checked_sub(1)?;
    if p.kind(close) != Kind::CloseParen || p.kind(open) != Kind::OpenParen || !p.is_word(acronym) {
        return None;
    }
    let letters = p.word(acronym);
    if letters.len() < 2 || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let mut initials = letters.bytes().rev();
    let mut t = open;
    while t > floor {
        t -= 1;
        if p.is_any(t, &INITIALS_LEAVE_OUT) {
            continue;
        }
        let initial = initials.next()?;
        if !p.is_capitalized(t) || p.word(t).as_bytes()[0] != initial {
            return None;
        }
        if initials.len() == 0 {
            return Some(t);
        }
    }
    None
}

/// What a source noun phrase (tokens `np`) stands for. `people` are the
/// person names found in this paragraph.
#[allow(
    clippy::nonminimal_bool,
    reason = "the head's test reads as the rule: a preposition, unless …"
)]
pub fn describe(p: &Para, np: Range<usize>, people: &[Mention]) -> Option<Mention> {
    let lexicon = lexicon();
    let mut np = np;
    while np.start < np.end
        && (p.is_any(np.start, &LEADING_NOISE)
            || !p.kind(np.start).is_wordlike() && p.kind(np.start) != Kind::Possessive)
    {
        np.start += 1;
    }
    // ("49% said": a percentage keeps its sign.)
    while np.end > np.start
        && !p.kind(np.end - 1).is_wordlike()
        && p.kind(np.end - 1) != Kind::Possessive
        && p.kind(np.end - 1) != Kind::CloseParen
        && !p.is_percent(np.end - 1)
    {
        np.end -= 1;
    }
    // "the General Compact on Fisheries and Ferries (GCFF)": a body whose
    // initials its acronym spells, whatever title or name its words hold.
    if np.len() >= 4
        && let Some(name_start) = name_spelled_by_acronym(p, np.end - 1, np.start)
        && (np.start..name_start).all(|t| p.is_any(t, &["the"]))
    {
        let mut mention = Mention::new(p, np.clone(), MentionKind::Organization);
        mention.name = Some(p.slice(name_start..np.end).into());
        mention.definite = name_start > np.start;
        return Some(mention);
    }
    // "in her last speech": a phrase a preposition opens is where or when,
    // never who ("about half", "at least a dozen" are counts).
    if np.len() >= 2
        && !p.is_capitalized(np.start)
        && grammar::PREPOSITIONS.contains(p.lower(np.start))
        && !grammar::APPROXIMATORS.contains(p.lower(np.start))
        && !p.is_any(np.start + 1, &["least", "most"])
    {
        return None;
    }
    // "Tony Blair himself said"
    while np.end > np.start && p.is_any(np.end - 1, &SOURCE_TRAILING_WORDS) {
        np.end -= 1;
    }
    // "Tom Hale MSP said", "Ana Ruiz QC said", "Former minister Tom Hale
    // MP said": letters after a full name (not "the Salford MP", a
    // description).
    let full_name_before = |last: usize| {
        (np.start..last.saturating_sub(1))
            .rev()
            .take_while(|&t| is_name_word(p, t) && is_name_word(p, t + 1))
            .any(|t| lexicon.given_name(p.word(t)).is_some())
    };
    if np.end >= np.start + 3
        && p.is_word(np.end - 1)
        && POSTNOMINALS.contains(p.word(np.end - 1))
        && full_name_before(np.end - 1)
    {
        np.end -= 1;
    }
    // "Mr Straw last week said", "The commission on Thursday said": when, not
    // who. (A capitalized time word may end a name: "USA Today".)
    let ends_at_np = |k: usize| grammar::time_phrase(p, k, np.end) == Some(np.end);
    if let Some(when) = (np.start + 1..np.end)
        .find(|&k| !p.is_capitalized(k) && ends_at_np(k))
        .filter(|_| !ends_at_np(np.start))
    {
        np.end = when;
    }
    if np.is_empty() {
        return None;
    }
    // "the transport minister, Eva Lind": a description, a comma, a name.
    if let Some(comma) = np
        .clone()
        .find(|&t| p.kind(t) == Kind::Comma && !p.inside_quote(t))
    {
        let list = (comma + 1..np.end).any(|t| p.is_any(t, &["and", "or"]));
        let named = (comma > np.start && comma + 1 < np.end && is_name_word(p, comma + 1) && !list)
            .then(|| describe(p, comma + 1..np.end, people))
            .flatten()
            .filter(|m| m.kind == MentionKind::Person);
        if let Some(mut named) = named {
            if named.role.is_none() {
                named.role = Some(ShortText::from(p.slice(np.start..comma)));
            }
            named.span = p.bytes(np.clone());
            // "One utility, Brightwater, said": a business, described as one.
            if named.given.is_none()
                && not_person::describes_organization(p, comma - 1, comma + 1..np.end)
            {
                named.kind = MentionKind::Organization;
                named.surname = None;
                named.head = Some(p.lower(comma - 1).into());
            }
            return Some(named);
        }
    }
    if let Some(named) = named_after_title_of(p, np.clone(), people) {
        return Some(named);
    }
    // "I'd say", "she'll argue", "never thought I'd write": a pronoun, or a
    // contracted pronoun, ending the phrase is the pronoun.
    let last = np.end - 1;
    if (np.len() == 1 || p.lower(last).contains(['\'', '\u{2019}']))
        && let Some(pronoun) = Pronoun::parse_contracted(p.lower(last))
    {
        let mut mention = Mention::new(p, last..np.end, MentionKind::Pronoun(pronoun));
        mention.sex = pronoun.sex();
        mention.plural = pronoun == Pronoun::They || pronoun == Pronoun::We;
        return Some(mention);
    }
    // ("Others say" is a group, which joins one named before: see coref.)
    if np.len() == 1 && grammar::SINGLE_MEMBER_SOURCES.contains(p.lower(np.start)) {
        let mut mention = Mention::new(p, np.clone(), MentionKind::One);
        // Named as written, for when no group is named before it.
        mention.name = Some(p.word(np.start).into());
        return Some(mention);
    }

    if let Some(named) =
        named_after_role(p, np.clone(), people).or_else(|| named_before_of(p, np.clone(), people))
    {
        return Some(named);
    }

    // "Councillors, engineers and residents": a list of plural nouns is
    // headed by its last, not cut at its first comma as an aside would be.
    let plural_list = np.len() >= 4
        && p.is_any(np.end - 2, &["and", "or"])
        && !p.is_capitalized(np.end - 1)
        && p.lower(np.end - 1).ends_with('s')
        && np
            .clone()
            .all(|t| p.kind(t) == Kind::Comma || p.is_word(t) && !p.inside_quote(t));
    // The head: the last word before a post-modifier ("of", "familiar with", "who").
    let mut head_end = np.end;
    let mut member_of = false;
    for t in np.start + 1..np.end {
        let lower = p.lower(t);
        if lower == "of" && t == np.start + 1 && p.is_any(np.start, &COUNTING_WORDS) {
            // "one of the US officials": the head is "officials", a member of them.
            member_of = true;
            continue;
        }
        // "a source briefed on …", but not "an unnamed official".
        // "Those surveyed", "those polled": the demonstrative is the head.
        let after_those = t - 1 == np.start && p.is_any(np.start, &["those"]);
        let participle = lower.ends_with("ed")
            && !p.is_capitalized(t)
            && (after_those || !p.is_capitalized(t - 1) && !p.is_any(t - 1, &grammar::DETERMINERS))
            && lexicon.title(lower).is_none()
            // "reports seen by Reuters": an irregular participle and its agent.
            || !p.is_capitalized(t)
                && t + 1 < np.end
                && p.is_any(t + 1, &["by"])
                && grammar::may_be_participle(lower)
                && p.is_word(t - 1)
                && p.lower(t - 1).ends_with('s')
                && !p.is_capitalized(t - 1);
        // "Democrats supporting Ms. Ruiz": a present participle and its
        // object after a plural head.
        // ("Japan's ruling party", "the polling average": no people before.)
        let participle = participle
            || lower.len() > 4
                && lower.ends_with("ing")
                && !p.is_capitalized(t)
                && t + 1 < np.end
                && p.is_word(t - 1)
                && {
                    let before = p.lower(t - 1);
                    before.ends_with('s')
                        && (lexicon.is_group(before)
                            || lexicon.is_anonymous_head(&singular(before))
                            || lexicon.is_organization_head(&singular(before)))
                        // ("One delegate describing the split": one person.)
                        || lexicon.is_anonymous_head(before)
                        || lexicon
                            .title(before)
                            .is_some_and(|title| title.kind == TitleKind::Title)
                };
        // "four in 10": a proportion, not a head and its "in" phrase.
        let proportion = lower == "in"
            && t + 1 < np.end
            && (p.kind(t + 1) == Kind::Number || p.is_any(t + 1, &QUANTIFIERS));
        // "Just under three-quarters of respondents": an approximation.
        let approximation = matches!(lower, "under" | "over")
            && t == np.start + 1
            && p.is_any(np.start, &["just", "well", "slightly"]);
        if (grammar::PREPOSITIONS.contains(lower)
            && !proportion
            && !approximation
            && !(lower == "of"
                && p.is_capitalized(t + 1)
                && p.is_capitalized(t - 1)
                // "Residents of Lowmoor": capitalized only as the sentence's
                // first word, a group's noun is no name's.
                && !(t - 1 == p.sentence_of(t).start && lexicon.is_group(p.lower(t - 1)))
                && !of_ends_a_persons_head(p, t, np.end, people))
            && !(matches!(lower, "for" | "on") && preposition_of_name_before_role(p, t, np.end)))
            || POSTMODIFIER_OPENERS.contains(lower)
            || participle
            || p.kind(t) == Kind::Comma && !plural_list
        {
            head_end = t;
            break;
        }
    }
    while head_end > np.start
        && !p.kind(head_end - 1).is_wordlike()
        && p.kind(head_end - 1) != Kind::CloseParen
    {
        head_end -= 1;
    }
    if head_end == np.start {
        return None;
    }
    let head = head_end - 1;
    let head_lower = p.lower(head);
    let head_word = p.word(head);
    let np_text = p.slice(np.clone());
    let definite = p.is_any(np.start, &["the", "this", "that", "these", "those"]);

    // A person named in the phrase, ending at its head: "Kremlin spokesman Dmitry Peskov".
    let np_bytes = p.bytes(np.clone());
    let head_bytes = p.bytes(head..head + 1);
    // `people` are in reading order, so the one holding the head is found by
    // binary search (a paragraph may name thousands).
    let before_head = people.partition_point(|m| m.span.start <= head_bytes.start);
    let holding = before_head.checked_sub(1).map(|n| &people[n]).filter(|m| {
        m.paragraph == p.index
            && m.span.start >= np_bytes.start
            && m.span.end <= np_bytes.end
            && head_bytes.end <= m.span.end
    });
    if let Some(name) = holding {
        return Some(name.spanning(np_bytes));
    }

    let mut mention = Mention::new(p, np.clone(), MentionKind::Organization);
    mention.definite = definite;
    mention.country = country_in(p, np.start..head);
    let capitalized_head = p.is_capitalized(head);
    let plural_noun = |lower: &str| {
        grammar::IRREGULAR_PLURALS.contains(lower)
            // "townspeople", "fishermen", "kinsfolk"
            || lower.len() > 6 && ["people", "men", "folk"].iter().any(|end| lower.ends_with(end))
            || (lower.ends_with('s')
                && !lower.ends_with("ss")
                && !lower.ends_with("us")
                && lower.len() > 3)
    };
    let title = p.title(head);
    // "the 45-year-old": a person described by age, who is someone named
    // before (coreference takes the nearest named person).
    if definite && head_lower.ends_with("-year-old") {
        mention.kind = MentionKind::Person;
        mention.head = Some(AGE_HEAD.into());
        mention.name = Some(ShortText::from(np_text));
        return Some(mention);
    }
    // "Some said", "Many in the crowd said", "One in three said": a
    // quantifier standing for the people it counts.
    let counted = p.is_any(head, &QUANTIFIERS)
        && (head == np.start || np.len() == 3 && p.is_any(np.start + 1, &["in"]));
    if counted {
        mention.kind = MentionKind::Group;
        mention.plural = true;
        mention.head = Some(ShortText::from(head_lower));
        mention.name = Some(ShortText::from(np_text));
        return Some(mention);
    }
    // The markers are searched for in the whole phrase, so only when it matters.
    let anonymous_marker = || lexicon.has_anonymity_marker(p.lower_slice(np.clone()));
    if lexicon.is_anonymous_head(head_lower) || !capitalized_head && anonymous_marker() {
        mention.kind = MentionKind::Anonymous;
        mention.plural = !member_of && plural_noun(head_lower);
        mention.head = Some((singular(head_lower)).into());
        if definite {
            mention.role = None;
        }
        mention.name = Some(ShortText::from(np_text));
    } else if lexicon.is_document(head_lower)
        && (!capitalized_head
            || definite && !lexicon.is_organization_head(head_lower)
            // "Reports from Chile say": capitalized as the sentence's first word.
            || head == np.start && p.sentence_of(head).start == head)
    {
        // ("the U.N. Report", "the Butler Report": a document's title; "the
        // Washington Post" is a newspaper's.)
        mention.kind = MentionKind::Document;
        mention.head = Some((singular(head_lower)).into());
        mention.plural = plural_noun(head_lower);
        mention.name = Some(ShortText::from(np_text));
    } else if lexicon.is_group(head_lower)
        // "Editors said": a plural role alone, capitalized as the
        // sentence's first word, is not a name.
        || np.len() == 1
            && p.sentence_of(head).start == head
            && plural_noun(head_lower)
            && lexicon
                .title(&singular(head_lower))
                .is_some_and(|t| t.kind == TitleKind::Title)
    {
        mention.kind = MentionKind::Group;
        mention.plural = true;
        mention.head = Some((singular(head_lower)).into());
        mention.name = Some(ShortText::from(np_text));
    } else if lexicon.is_organization_head(head_lower)
        // "the House and Senate Budget Committees"
        || lexicon.is_organization_head(&singular(head_lower))
        || is_known_organization(p, np.start..head_end)
        // "Harlow & Vane said"
        || capitalized_head && joined_by_ampersand(p, head..head + 1)
    {
        mention.kind = MentionKind::Organization;
        mention.head = Some(ShortText::from(head_lower));
        mention.name = Some(ShortText::from(strip_article(np_text)));
    } else if !capitalized_head && title.is_some_and(|t| t.kind == TitleKind::Title) {
        // "the senator", "a spokeswoman": a person, unnamed or named before.
        mention.kind = if definite {
            MentionKind::Person
        } else {
            MentionKind::Anonymous
        };
        mention.head = Some(ShortText::from(head_lower));
        mention.sex = title.map_or(Sex::Unknown, |t| t.sex);
        mention.name = Some(ShortText::from(np_text));
    } else if capitalized_head {
        let phrase = strip_article(p.slice(np.start..head_end));
        let named_place = if countries::is_place(phrase) {
            countries::lookup(phrase)
        } else {
            None
        };
        if let Some(place) = named_place
            .or_else(|| countries::lookup(head_word).filter(|_| head == np.start || np.len() <= 2))
        {
            // "Ukraine has said", "Moscow said": the government speaking.
            mention.kind = MentionKind::Organization;
            mention.name = Some(ShortText::from(strip_article(p.slice(np.start..head_end))));
            mention.country = Some(place.code);
        } else if (np.start..head).any(|t| {
            p.is_capitalized(t)
                && (lexicon.is_organization_head(p.lower(t))
                    || lexicon.is_one_word_organization(p.word(t))
                    || OFFICE_AREAS.contains(p.word(t)))
        }) && !(np.start..head_end).any(|t| {
            // ("the Department of Homeland Security": a title's modifier
            // after "of" is a word of the name.)
            p.is_capitalized(t)
                && p.title(t).is_some_and(|title| {
                    title.kind != TitleKind::Modifier
                        || !(np.start..t).any(|k| p.is_any(k, &["of"]))
                            // ("the Saudi Press Agency SPA": a word of the name.)
                            && !(t + 1 < head_end
                                && p.is_capitalized(t + 1)
                                && lexicon.is_organization_head(p.lower(t + 1)))
                })
                || p.kind(t) == Kind::Possessive
                // "Kenji Arata of Minato Bank": someone of the institution.
                || t > np.start
                    && p.is_any(t, &["of"])
                    && p.is_capitalized(t - 1)
                    && !lexicon.is_organization_head(p.lower(t - 1))
                || p.is_word(t) && lexicon.given_name(p.word(t)).is_some()
        }) {
            // "the Massachusetts Institute of Technology", "BBC News": an
            // institution's name goes on past its head word. ("Labour peer
            // Baroness Kennedy", "Tory Liam Fox", "Lloyds Bank's Johnson":
            // a person of the institution.)
            mention.kind = MentionKind::Organization;
            mention.name = Some(ShortText::from(strip_article(p.slice(np.start..head_end))));
        } else if p.title(head).is_some()
            // ("one New Mexico Democrat", "another Ohio Republican")
            && (p.is_any(np.start, &["a", "an", "one", "another"])
                // "The Catholic Archbishop of Dunmore": a definite title.
                || definite && p.title(head).is_some_and(|t| t.kind == TitleKind::Title)
                // "the New Hampshire Republican": a definite title after a place.
                || definite && place_before_title(p, np.start + 1, head)
                || (np.start..head_end)
                    .filter(|&t| p.is_capitalized(t) && !p.is_any(t, &["the"]))
                    .all(|t| {
                        p.title(t)
                            .is_some_and(|title| title.kind != TitleKind::Honorific)
                            || p.place(t).is_some()
                    }))
        {
            // "a European Commissioner", "Deputy Assistant Secretary": a
            // title with no name, or after an indefinite article, is a
            // description of someone; "The Foreign Secretary", as "the
            // senator", someone whose role says so, named before or not.
            mention.kind = if definite {
                MentionKind::Person
            } else {
                MentionKind::Anonymous
            };
            mention.head = Some(head_lower.into());
            mention.sex = title.map_or(Sex::Unknown, |t| t.sex);
            mention.name = Some(np_text.into());
        } else {
            // A name with no other evidence: a person if it reads like one.
            let mut core_start = head;
            while core_start > np.start && name_part(p, core_start - 1) > 0 {
                core_start -= 1;
            }
            let run_start = core_start;
            // "Australian Mamdouh Habib": a leading demonym or title is a
            // role, as in the people finder, not part of the name.
            while core_start < head
                && name_part(p, core_start + 1) > 0
                && is_role_word(p, core_start)
            {
                core_start += 1;
            }
            // A lone capitalized word right before a cue is a surname ("Read
            // said"), unless it is a function word, a time or a place.
            let function_word = grammar::DETERMINERS.contains(head_lower)
                || grammar::SENTENCE_ADVERBS.contains(head_lower)
                // "Don't say …": a verb, contracted.
                || head_lower.ends_with("n't")
                || head_lower.ends_with("n\u{2019}t")
                || grammar::CLAUSE_OPENERS.contains(head_lower)
                || Pronoun::parse(head_lower).is_some()
                || grammar::is_time_word(head_lower)
                || NOT_LONE_SURNAMES.contains(head_lower)
                || head_word.ends_with('.')
                || head == np.start && head_lower.ends_with("ing") && head_end - np.start == 1;
            // "Faced with …, the minister said": a participle opening the
            // sentence; "on Tuesday accusing him": a day alone. No one.
            let lone = head == np.start && head_end - np.start == 1;
            // "Seismology tells us", "Evaluations show": an abstract noun
            // speaks as a document does, never as a person.
            if lone && ends_with_any(&COMMON_NOUN_ENDINGS, head_lower, 3) {
                mention.kind = MentionKind::Document;
                mention.head = Some(head_lower.into());
                mention.plural = plural_noun(head_lower);
                mention.name = Some(head_word.into());
                return Some(mention);
            }
            // "Proponents say", "Attendees said": a plural for a kind of
            // people speaks as a group.
            if lone && ends_with_any(&PLURAL_GROUP_ENDINGS, head_lower, 4) {
                mention.kind = MentionKind::Group;
                mention.head = Some(singular(head_lower).into());
                mention.plural = true;
                mention.name = Some(head_word.into());
                return Some(mention);
            }
            if lone
                && (head_lower.ends_with("ed")
                    && head + 1 < p.len()
                    && (p.is_any(head + 1, &grammar::PREPOSITIONS)
                        || p.kind(head + 1) == Kind::Comma)
                    || grammar::DAYS.contains(head_lower)
                    // "Sadly comments such as …": an adverb, not a name.
                    || NOT_LONE_SURNAMES.contains(head_lower)
                    || grammar::SENTENCE_ADVERBS.contains(head_lower)
                    // "Luckily, the fix …", "Thankfully, …": an adverb's ending
                    // no surname has ("Kelly" keeps its own).
                    || head + 1 < p.len()
                        && p.kind(head + 1) == Kind::Comma
                        && ends_with_any(&ADVERB_ENDINGS, head_lower, 0))
            {
                return None;
            }
            // "USA Today", "Politics Today": a capitalized time word ending a
            // longer name names a publication or programme, not a time.
            // ("Aye Myint May": a month that is a name here is a name.)
            let titled_time = head > np.start
                && grammar::is_time_word(head_lower)
                && p.is_capitalized(head - 1)
                && !is_name_word(p, head);
            if titled_time
                || countries::is_place(p.slice(np.start..head_end).trim_start_matches("the "))
                || countries::is_place(head_word)
            {
                // "Colorado said", "Texas sued": a state's or city's government.
                mention.kind = MentionKind::Organization;
                mention.name = Some(ShortText::from(strip_article(p.slice(np.start..head_end))));
                return Some(mention);
            }
            // "MSPs said": an acronym in the plural is a group of people.
            if head == core_start
                && head_word.len() > 2
                && head_word.ends_with('s')
                && head_word[..head_word.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_uppercase())
            {
                mention.kind = MentionKind::Group;
                mention.plural = true;
                mention.name = Some(ShortText::from(strip_article(np_text)));
                return Some(mention);
            }
            if head == core_start
                && !function_word
                && title.is_none()
                && is_acronym_in_running_text(p, head)
            {
                // "BFMTV reported", "The NAACP said": an organization.
                mention.kind = MentionKind::Organization;
                mention.name = Some(ShortText::from(strip_article(p.slice(np.start..head_end))));
                return Some(mention);
            }
            if !is_name_word(p, head)
                && (function_word || !p.word(head).chars().any(char::is_lowercase))
            {
                return None;
            }
            // "de Vries said": the particle is the surname's.
            if core_start > np.start
                && p.is_any(core_start - 1, &PARTICLES)
                && !p.is_capitalized(core_start - 1)
            {
                core_start -= 1;
            }
            let role = role_before(p, core_start).filter(|r| r.start >= np.start);
            let given =
                head_end - core_start >= 2 && lexicon.given_name(p.word(core_start)).is_some();
            // "crude producer Yukos said", "Santa Barbara said": a business or
            // a place's government.
            let described_business = !given
                && core_start > np.start
                && not_person::describes_organization(p, core_start - 1, core_start..head_end);
            // "the Court of Appeal", "the Criminal Justice Act": the body or
            // thing the whole phrase names.
            if !given && not_person::is_thing_name(p, core_start..head_end) {
                mention.kind = MentionKind::Organization;
                mention.name = Some(strip_article(p.slice(np.start..head_end)).into());
                return Some(mention);
            }
            if described_business
                || not_person::is_place_name(p, core_start..head_end)
                || (!given || not_person::ends_like_a_body_only(p, core_start..head_end))
                    && role.is_none()
                    && not_person::is_organization_name(p, core_start..head_end)
            {
                mention.kind = MentionKind::Organization;
                mention.name = Some(p.slice(core_start..head_end).into());
                if described_business {
                    // Known by its name, not by the country of "German insurer".
                    mention.head = Some(p.lower(core_start - 1).into());
                }
                return Some(mention);
            }
            // "the Bundesbank said", "The Weakest Link": a name after the
            // phrase's article, with no title, is an institution's or a
            // thing's; "For the Greens Mary Holt said": a person named
            // after the institution, from the given name on.
            let article = not_person::article_before(p, run_start)
                .filter(|&a| a + 1 >= np.start && !(np.start..a).any(|t| p.is_capitalized(t)))
                // "the New Year": capitals no list takes for a name between.
                .or_else(|| {
                    (p.is_any(np.start, &["the"])
                        && (np.start + 1..run_start).all(|t| p.is_capitalized(t)))
                    .then_some(np.start)
                });
            if let Some(article) = article.filter(|_| role.is_none() && title.is_none()) {
                let given_inside = (run_start + 1..head_end.saturating_sub(1))
                    .find(|&t| p.is_word(t) && lexicon.given_name(p.word(t)).is_some());
                match given_inside {
                    Some(given) => core_start = given,
                    None => {
                        mention.kind = MentionKind::Organization;
                        mention.name = Some(p.slice(article + 1..head_end).into());
                        return Some(mention);
                    }
                }
            }
            let mut person = person(p, core_start..head_end, role);
            person.span = np_bytes;
            if let Some(sex) = lexicon
                .given_name(p.word(core_start))
                .filter(|_| head_end - core_start >= 2)
            {
                person.sex = sex;
            }
            return Some(person);
        }
    } else if plural_noun(head_lower) {
        mention.kind = MentionKind::Group;
        mention.plural = true;
        mention.head = Some((singular(head_lower)).into());
        mention.name = Some(ShortText::from(np_text));
    } else if np
        .clone()
        .any(|t| p.kind(t) == Kind::Number || p.is_any(t, &QUANTIFIERS))
    {
        // "60 percent of voters", "six in 10", "most of them": poll respondents.
        mention.kind = MentionKind::Group;
        mention.plural = true;
        mention.head = Some(ShortText::from(head_lower));
        mention.name = Some(ShortText::from(np_text));
    } else if (np.start..head_end)
        .any(|t| p.is_capitalized(t) && !p.is_any(t, &grammar::DETERMINERS))
    {
        // "the Trump campaign's lawyer"-like phrases with a name in them
        // (not "An engineer", capitalized only as a sentence's first word).
        mention.head = Some(ShortText::from(head_lower));
        mention.name = Some(ShortText::from(strip_article(np_text)));
    } else if p.is_any(np.start, &["the", "a", "an", "another", "one"])
        && (head_end - np.start <= 4
            || head_end - np.start <= MAX_PLAIN_DESCRIPTION
                && plain_modifiers(p, np.start + 1..head_end))
    {
        // "the businessman replied", "a narrator says": a source the lists do
        // not name; "he began" and the like have no determiner.
        mention.kind = MentionKind::Anonymous;
        mention.head = Some(ShortText::from(head_lower));
        mention.name = Some(ShortText::from(np_text));
    } else {
        // An unknown lower-case head ("he began") names no source.
        return None;
    }
    Some(mention)
}

/// Longest description with an unlisted head ("the billionaire real estate
/// magnate"), in tokens.
const MAX_PLAIN_DESCRIPTION: usize = 5;

/// Whether `words` are plain modifiers and a head: lower-case words, none a
/// verb, a time or a conjunction ("the platform committee meeting began",
/// "a report earlier this week" are no one's description).
fn plain_modifiers(p: &Para, words: Range<usize>) -> bool {
    words.clone().all(|t| {
        let lower = p.lower(t);
        p.is_word(t)
            && !p.is_capitalized(t)
            && !lower.ends_with("ed")
            && !grammar::IRREGULAR_PAST.contains(lower)
            && !grammar::AMBIGUOUS_PAST.contains(lower)
            && !grammar::is_time_word(lower)
            && !grammar::CLAUSE_OPENERS.contains(lower)
            && !grammar::TIME_PHRASE_WORDS.contains(lower)
    })
}

/// The head given to a description by age ("the 45-year-old").
pub(crate) const AGE_HEAD: &str = "year-old";

/// Longest acronym read as an organization's name, in letters.
const MAX_ACRONYM: usize = 8;

/// An all-capital word ("NAACP", "BFMTV") beside a word in lower case, so
/// not part of a headline or a shouted line written all in capitals.
fn is_acronym_in_running_text(p: &Para, t: usize) -> bool {
    let word = p.word(t);
    let has_lowercase = |k: usize| p.is_word(k) && p.word(k).chars().any(char::is_lowercase);
    (2..=MAX_ACRONYM).contains(&word.len())
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
        && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && (t + 1 < p.len() && has_lowercase(t + 1) || t > 0 && has_lowercase(t - 1))
}

/// Whether the capitalized "of" at `t` (before `end`) follows the head of a
/// phrase for a person: a person's name with a place after it ("King Omar of
/// Saudi Arabia"), or a title with no one named after it ("the Archbishop of
/// Dunmore"). ("The Bank of England", "Archbishop of Canterbury Rowan
/// Williams": the name goes on.)
fn of_ends_a_persons_head(p: &Para, t: usize, end: usize, people: &[Mention]) -> bool {
    let before = p.bytes(t - 1..t);
    let after = p.bytes(t + 1..end);
    let first_after = people.partition_point(|m| m.span.start < after.start);
    let named_after = people[first_after..]
        .iter()
        .take_while(|m| m.span.start < after.end)
        .any(|m| m.paragraph == p.index && m.kind == MentionKind::Person);
    if named_after {
        return false;
    }
    let ends_a_person = people
        .partition_point(|m| m.span.start <= before.start)
        .checked_sub(1)
        .is_some_and(|n| {
            let m = &people[n];
            m.paragraph == p.index && m.kind == MentionKind::Person && m.span.end == before.end
        });
    // ("the Archbishop of Dunmore": one word after "of" ends the phrase.)
    let one_word_after = t + 2 == end && p.is_word(t + 1);
    ends_a_person && p.place(t + 1).is_some()
        || one_word_after
            && p.title(t - 1)
                .is_some_and(|title| title.kind == TitleKind::Title)
}

/// "Chancellor of the Exchequer Ana Holt", "Director of public credit
/// Angel Gurria": a title and its "of" phrase before a name; the source is
/// the person named at the end, in that role.
fn named_after_title_of(p: &Para, np: Range<usize>, people: &[Mention]) -> Option<Mention> {
    let bytes = p.bytes(np.clone());
    let first = people.partition_point(|m| m.span.start <= bytes.start);
    // ("… Peter Ainsworth MP": a post-nominal title may follow the name.)
    let ends_the_phrase = |m: &Mention| {
        let after = p.token_at(m.span.end);
        m.span.end == bytes.end
            || after < np.end
                && (after..np.end).all(|t| p.is_capitalized(t) && p.title(t).is_some())
    };
    let named = people[first..]
        .iter()
        .take_while(|m| m.span.start < bytes.end)
        .find(|m| m.paragraph == p.index && m.kind == MentionKind::Person && ends_the_phrase(m))?;
    let name_start = p.token_at(named.span.start);
    let before = np.start..name_start;
    let titled = before.clone().any(|t| {
        p.title(t)
            .is_some_and(|title| title.kind == TitleKind::Title)
    });
    // "Director of public credit Angel Gurria", "regional spokesperson for
    // the state prosecutor Tomas Berg"; but in "an adviser to Tomas Berg"
    // the name follows the preposition and is someone else.
    let role_preposition = before
        .clone()
        .find(|&t| p.is_any(t, &["of", "for", "at"]))
        .filter(|&prep| prep + 1 < name_start);
    if !titled || role_preposition.is_none() {
        return None;
    }
    let mut mention = named.spanning(bytes);
    let role = trim_role(p, before);
    if !role.is_empty() {
        mention.role = Some(p.slice(role).into());
    }
    Some(mention)
}

/// A role's tokens without the article or punctuation at its edges.
fn trim_role(p: &Para, mut role: Range<usize>) -> Range<usize> {
    while role.start < role.end
        && (p.is_any(role.start, &["the"]) || !p.kind(role.start).is_wordlike())
    {
        role.start += 1;
    }
    while role.end > role.start && !p.kind(role.end - 1).is_wordlike() {
        role.end -= 1;
    }
    role
}

/// Words that count people: "most of them said", "two in three said".
static QUANTIFIERS: WordSet = crate::vocabulary::word_set!("quantifiers");

/// Whatever follows "according to" is a source, even when its head is not a
/// known word: kept as written, as a document.
pub fn unnamed_document(p: &Para, np: Range<usize>) -> Mention {
    let mut mention = Mention::new(p, np.clone(), MentionKind::Document);
    mention.name = Some(ShortText::from(p.slice(np)));
    mention
}

fn is_known_organization(p: &Para, range: Range<usize>) -> bool {
    // The last word first: most phrases end no known name, and then need no
    // list of their words.
    let Some(last) = range.clone().rfind(|&t| p.is_word(t)) else {
        return false;
    };
    if !lexicon().ends_an_organization_name(p.word(last)) {
        return false;
    }
    let words: Vec<&str> = range
        .filter(|&t| p.is_organization_word(t))
        .map(|t| p.word(t))
        .collect();
    lexicon().ends_with_organization_name(&words)
}

fn strip_article(text: &str) -> &str {
    for article in ["the ", "The "] {
        if let Some(rest) = text.strip_prefix(article) {
            return rest;
        }
    }
    text
}

/// "officials" → "official", "people" → "person".
/// Borrowed from `lower` but for "-ies" → "-y": most heads are looked up,
/// not kept.
pub fn singular(lower: &str) -> Cow<'_, str> {
    match lower {
        "people" => Cow::Borrowed("person"),
        "spokespeople" => Cow::Borrowed("spokesperson"),
        "men" => Cow::Borrowed("man"),
        "women" => Cow::Borrowed("woman"),
        _ => lower
            .strip_suffix("ies")
            .map(|stem| Cow::Owned(format!("{stem}y")))
            .or_else(|| {
                lower
                    .strip_suffix('s')
                    .filter(|s| !s.ends_with('s'))
                    .map(Cow::Borrowed)
            })
            .unwrap_or(Cow::Borrowed(lower)),
    }
}

/// Question words and answers that are never a lone surname before a cue ("Why said", "Yes said").
static NOT_LONE_SURNAMES: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("not_lone_surnames");

/// Words that count the people of a two-word noun phrase: "some officials", "two diplomats", "all staff".
pub(crate) static COUNTING_WORDS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("counting_words");

/// Words cut off the end of a source phrase: "Tony Blair himself said", "officials too said".
static SOURCE_TRAILING_WORDS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("source_trailing_words");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_story_s_mentions_stay_small() {
        // Millions of these: a field more is megabytes more.
        assert!(std::mem::size_of::<StoryMention>() <= 52);
        assert!(std::mem::size_of::<PlacedMention>() <= 32);
        assert!(std::mem::size_of::<SurnameCandidate>() <= 16);
        // The same alignment, so one is collected from the other in place.
        assert_eq!(
            std::mem::align_of::<StoryMention>(),
            std::mem::align_of::<PlacedMention>()
        );
    }

    fn people(text: &str) -> Vec<(String, Option<String>, Sex)> {
        let p = Para::new(0, text, false);
        find_people(&p)
            .into_iter()
            .map(|m| {
                (
                    m.name.as_deref().unwrap_or_default().into(),
                    m.role.as_deref().map(String::from),
                    m.sex,
                )
            })
            .collect()
    }

    /// Found by fuzzing: a name particle as the paragraph's last word made
    /// the initial check read one token past the end.
    #[test]
    fn a_particle_at_the_end_of_a_paragraph() {
        for text in [
            "The talks ended, said Anna von",
            "Anna de",
            "de",
            "Mayor Jan van",
        ] {
            let _ = people(text);
        }
        assert_eq!(people("said Mayor Anna Berg von").len(), 1);
    }

    #[test]
    fn names_with_titles_and_roles() {
        assert_eq!(
            people(
                "Talks with German Chancellor Friedrich Merz and Kremlin spokesman Dmitry Peskov ended."
            ),
            [
                (
                    "Friedrich Merz".into(),
                    Some("German Chancellor".into()),
                    Sex::Male
                ),
                (
                    "Dmitry Peskov".into(),
                    Some("Kremlin spokesman".into()),
                    Sex::Male
                ),
            ]
        );
        assert_eq!(
            people("She met Trump's son-in-law Jared Kushner."),
            [(
                "Jared Kushner".into(),
                Some("Trump's son-in-law".into()),
                Sex::Male
            )]
        );
        assert_eq!(
            people("He spoke with President (Vladimir) Putin of Russia."),
            [("Vladimir Putin".into(), Some("President".into()), Sex::Male)]
        );
    }

    #[test]
    fn first_names_are_evidence_of_a_person() {
        assert_eq!(
            people("Donald Tusk and Angela Smith met Working Group members."),
            [
                ("Donald Tusk".into(), None, Sex::Male),
                ("Angela Smith".into(), None, Sex::Female),
            ]
        );
    }

    #[test]
    fn capitalized_words_without_evidence_are_not_people() {
        assert!(people("Territorial concessions came after World War Two in Berlin.").is_empty());
        assert!(people("It came up at Prime Minister's Questions on Wednesday.").is_empty());
        assert!(people("The State Department and Nato-style guarantees.").is_empty());
    }

    #[test]
    fn set_flags_are_found_wherever_they_stand() {
        for length in 0..40 {
            for pattern in [0u64, 1, 0b1001, 0x8000_0001, 0x1234_5678_9abc, u64::MAX] {
                let flags: Vec<bool> = (0..length).map(|k| pattern >> (k % 64) & 1 == 1).collect();
                let expected: Vec<usize> = (0..length).filter(|&k| flags[k]).collect();
                assert_eq!(
                    set_flags(&flags, 0).collect::<Vec<_>>(),
                    expected,
                    "{length} {pattern}"
                );
                let from = length / 3;
                let after: Vec<usize> = expected.iter().copied().filter(|&k| k >= from).collect();
                assert_eq!(set_flags(&flags, from).collect::<Vec<_>>(), after);
            }
        }
    }

    fn described(text: &str, np: &str) -> Mention {
        let p = Para::new(0, text, false);
        let start = text.find(np).unwrap();
        let first = p
            .tokens()
            .iter()
            .position(|t| t.start as usize == start)
            .unwrap();
        let last = p
            .tokens()
            .iter()
            .rposition(|t| t.end as usize == start + np.len())
            .unwrap();
        let found = find_people(&p);
        describe(&p, first..last + 1, &found).unwrap()
    }

    #[test]
    fn anonymous_sources_keep_their_wording() {
        let m = described(
            "An official familiar with the matter said so.",
            "An official familiar with the matter",
        );
        assert_eq!(m.kind, MentionKind::Anonymous);
        assert_eq!(m.head.as_deref(), Some("official"));
        assert_eq!(
            m.name.as_deref(),
            Some("An official familiar with the matter")
        );
        let m = described("US officials said so.", "US officials");
        assert_eq!(
            (m.kind, m.plural, m.country),
            (MentionKind::Anonymous, true, Some("US"))
        );
        let m = described(
            "One of the US officials said so.",
            "One of the US officials",
        );
        assert_eq!((m.kind, m.plural), (MentionKind::Anonymous, false));
        let m = described("The source said so.", "The source");
        assert!(m.definite);
    }

    #[test]
    fn groups_organizations_documents_and_governments() {
        assert_eq!(
            described("European leaders said so.", "European leaders").kind,
            MentionKind::Group
        );
        assert_eq!(
            described("The State Department said so.", "The State Department").kind,
            MentionKind::Organization
        );
        assert_eq!(
            described(
                "A joint statement by several leaders said so.",
                "A joint statement by several leaders"
            )
            .kind,
            MentionKind::Document
        );
        let m = described("Ukraine has said so.", "Ukraine");
        assert_eq!((m.kind, m.country), (MentionKind::Organization, Some("UA")));
        assert_eq!(
            described("The White House said so.", "The White House").kind,
            MentionKind::Organization
        );
    }

    #[test]
    fn pronouns_and_surnames() {
        assert_eq!(
            described("He said so.", "He").kind,
            MentionKind::Pronoun(Pronoun::He)
        );
        let m = described("Kristersson said so.", "Kristersson");
        assert_eq!(
            (m.kind, m.surname.as_deref()),
            (MentionKind::Person, Some("kristersson"))
        );
        let m = described(
            "Kremlin spokesman Dmitry Peskov said so.",
            "Kremlin spokesman Dmitry Peskov",
        );
        assert_eq!(
            (m.name.as_deref(), m.role.as_deref(), m.country),
            (Some("Dmitry Peskov"), Some("Kremlin spokesman"), Some("RU"))
        );
    }

    #[test]
    fn singular_forms() {
        assert_eq!(singular("officials"), "official");
        assert_eq!(singular("people"), "person");
        assert_eq!(singular("parties"), "party");
        assert_eq!(singular("source"), "source");
    }
}
