//! Mentions → speakers. A full name absorbs later surnames and titles plus
//! surname ("Mr. Trump", "Trump's"); different people who share a first name
//! stay apart; "the source" and "the US official" go back to the last such
//! source; "one" is one of the officials named before; he, she and they go to
//! the nearest fitting mention before them, outside quotes.

use rustc_hash::{FxHashMap, FxHashSet};

use super::annotation::ClaimRecord;
use super::grammar::{self, Pronoun};
use super::lexicon::Sex;
use super::mentions::{self, MentionKind, StoryMention};
use super::names::{Names, Sym};
use crate::model::SpeakerKind;

/// A speaker or person the mentions resolve to.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub kind: SpeakerKind,
    /// Interned, read with [`Entity::name`]: a long story has a hundred
    /// thousand entities, most of them named alike.
    pub name: Option<Sym>,
    pub role: Option<Sym>,
    /// The code of the country ("UA").
    pub country: Option<Sym>,
    pub sex: Sex,
    pub plural: bool,
    /// Lower-case head noun for descriptions ("official").
    pub head: Option<Sym>,
    pub surname: Option<Sym>,
    pub given: Option<Sym>,
    /// Indices of the mentions that resolve here, in reading order (u32:
    /// a long story has millions, all held while its speakers are built).
    pub mentions: Vec<u32>,
}

impl Entity {
    fn from_mention(mention: &StoryMention, index: usize) -> Self {
        let kind = match mention.kind {
            // "the witness", "the senator" with nobody named before: unnamed.
            MentionKind::Person if mention.surname.is_none() => SpeakerKind::Anonymous,
            MentionKind::Person => SpeakerKind::Person,
            MentionKind::Anonymous | MentionKind::One | MentionKind::Pronoun(_) => {
                SpeakerKind::Anonymous
            }
            MentionKind::Group => SpeakerKind::Group,
            MentionKind::Organization => SpeakerKind::Organization,
            MentionKind::Document => SpeakerKind::Document,
        };
        Entity {
            kind,
            name: mention.name,
            role: mention.role,
            country: mention.country,
            sex: mention.sex,
            plural: mention.plural,
            head: mention.head,
            surname: mention.surname,
            given: mention.given,
            mentions: first_mention(index),
        }
    }

    /// Its name ("" for none).
    pub fn name<'a>(&self, names: &'a Names) -> &'a str {
        names.get(self.name).unwrap_or_default()
    }

    fn absorb(&mut self, mention: &StoryMention, index: usize, names: &Names) {
        self.mentions.push(index as u32);
        // Only a name names a person: "the foreign secretary" resolved here is not one.
        if let Some(name) = names.get(mention.name)
            && self.kind == SpeakerKind::Person
            && mention.kind == MentionKind::Person
            && mention.surname.is_some()
            && spaced_words(name) > spaced_words(self.name(names))
        {
            self.name = mention.name;
        }
        if self.given.is_none() {
            self.given = mention.given;
        }
        if self.role.is_none() {
            self.role = mention.role;
        }
        if self.country.is_none() {
            self.country = mention.country;
        }
        if self.sex == Sex::Unknown && matches!(mention.kind, MentionKind::Person) {
            self.sex = mention.sex;
        }
    }
}

/// The mentions of a new entity: `index`, with room for three more, which
/// the allocator gives at no more cost than one (an entity named again
/// would grow from one to four at once).
fn first_mention(index: usize) -> Vec<u32> {
    let mut mentions = Vec::with_capacity(4);
    mentions.push(index as u32);
    mentions
}

/// How many pieces `name` has between single spaces: `name.split(' ').count()`,
/// by counting the spaces, without the splitter's searcher (a person's
/// mention is absorbed on every mention of the name).
fn spaced_words(name: &str) -> usize {
    name.bytes().filter(|&byte| byte == b' ').count() + 1
}

/// The key institutions are merged on: a government by its country, others
/// by name; a description by the proper name inside it ("the official Xinhua
/// news agency" is "Xinhua"), or none ("the ministry" goes back to the one before).
fn organization_key(mention: &StoryMention, names: &Names) -> Option<String> {
    if mention.kind != MentionKind::Organization {
        return None;
    }
    let name = names.get(mention.name)?;
    if mention.definite && mention.head.is_some() {
        // ("the Weather Office of the Commerce Department" is a name of its
        // own, not "the office" that goes back to the one before.)
        return proper_name_in_description(name)
            .or_else(|| is_title_cased_name(name).then_some(name))
            .map(str::to_lowercase);
    }
    if spaced_words(name) <= 2
        && let Some(code) = names
            .get(mention.country)
            .filter(|_| mention.head.is_none())
    {
        return Some(format!("country:{code}"));
    }
    Some(name.to_lowercase())
}

/// Shortest acronym read from a body's initials: two letters are too often
/// another body's ("HB").
const MIN_INITIALS: usize = 3;

/// Lower-case acronyms a body's name gives: one in brackets after it
/// ("Harbour Safety Authority (HSA)") and its initials, without the small
/// words ("Securities and Exchange Commission": "sec").
fn acronyms_of(name: &str) -> Vec<String> {
    let mut acronyms = Vec::new();
    let (words, bracketed) = match name
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
    {
        Some((words, inner)) => (words, Some(inner)),
        None => (name, None),
    };
    if let Some(inner) = bracketed
        && inner.len() >= 2
        && inner.bytes().all(|b| b.is_ascii_uppercase())
    {
        acronyms.push(inner.to_ascii_lowercase());
    }
    let content_words: Vec<&str> = words
        .split(' ')
        .filter(|word| !mentions::INITIALS_LEAVE_OUT.contains(word))
        .collect();
    let initials: String = content_words
        .iter()
        .filter_map(|word| word.chars().next())
        .filter(char::is_ascii_uppercase)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if content_words.len() >= MIN_INITIALS && initials.len() == content_words.len() {
        acronyms.push(initials);
    }
    acronyms
}

/// The one run of capitalized words before the lower-case head of an
/// institution's description: "Business Day" of "authoritative Business Day
/// newspaper". None when the run is a place or its people's word ("Tunisian
/// government"), or when there is no run or more than one.
fn proper_name_in_description(description: &str) -> Option<&str> {
    let capitalized = |word: &str| word.starts_with(char::is_uppercase);
    let mut run: Option<(usize, usize)> = None;
    let mut offset = 0;
    let mut run_closed = false;
    for word in description.split(' ') {
        let end = offset + word.len();
        if capitalized(word) {
            match run {
                _ if run_closed => return None,
                Some((start, _)) => run = Some((start, end)),
                None => run = Some((offset, end)),
            }
        } else if run.is_some() {
            run_closed = true;
        }
        offset = end + 1;
    }
    // A capitalized head ("Riverton Council") is a name already, keyed as one.
    let (start, end) = run.filter(|_| run_closed)?;
    let proper = &description[start..end];
    super::countries::lookup(proper).is_none().then_some(proper)
}

/// Whether `name` has two words or more, all capitalized but the short
/// ones that join a title-cased name ("of", "the", "and").
fn is_title_cased_name(name: &str) -> bool {
    let capitalized = |word: &str| word.starts_with(char::is_uppercase);
    let mut words = name.split(' ');
    name.contains(' ')
        && words.next().is_some_and(capitalized)
        && name.split(' ').next_back().is_some_and(capitalized)
        && words.all(|word| {
            capitalized(word)
                || word.len() <= 3
                    && (grammar::PREPOSITIONS.contains(word)
                        || grammar::DETERMINERS.contains(word)
                        || word == "and")
        })
}

/// Heads of a description that may stand for a newspaper named before.
static NEWSPAPER_HEADS: [&str; 3] = ["newspaper", "paper", "daily"];

/// Last words of newspapers' names ("Gazette", "Times").
static NEWSPAPER_NAME_ENDS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("newspaper_name_ends");

/// Whether `name` is a newspaper's: capitalized words ending in one of a
/// newspaper's ("The Harbour Gazette").
fn names_a_newspaper(name: &str) -> bool {
    name.contains(' ')
        && name
            .rsplit(' ')
            .next()
            .is_some_and(|last| NEWSPAPER_NAME_ENDS.contains(last))
        && name
            .split(' ')
            .all(|word| word.starts_with(char::is_uppercase))
}

/// Nouns that head a news outlet's description ("the Business Day newspaper").
static PRESS_HEADS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("press_heads");

/// The lower-case names of the institutions named in the story ("yukos"),
/// and the first words of their longer names ("merrill" of "Merrill
/// Lynch"), each with the institution's own lower-case name: what a
/// capitalized name may name again.
fn business_names(mentions: &[StoryMention], names: &Names) -> FxHashMap<String, String> {
    let mut found = FxHashMap::default();
    for name in mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Organization)
        .filter_map(|m| names.get(m.name))
    {
        let full = name.to_ascii_lowercase();
        // ("Trump campaign", "Bush administration": named after a person,
        // who may speak alone.)
        // ("Seemala Corp", "Harbour Ltd": a company's suffix, not a head
        // named after a person.)
        // ("Brightline Group", "Marlow Bank": a firm's head, not one
        // named after a person.)
        let headed = full.rsplit(' ').next().is_some_and(|last| {
            super::lexicon::lexicon().is_organization_head(last)
                && !COMPANY_SUFFIXES.contains(last.trim_end_matches('.'))
                && !FIRM_HEADS.contains(last)
        });
        // A proper name, every word capitalized ("Merrill Lynch", "Marks &
        // Spencer"), not a phrase that went wrong.
        let proper = name
            .split(' ')
            .all(|word| word.starts_with(char::is_uppercase) || matches!(word, "&" | "of" | "and"));
        if let Some((first, _)) = full.split_once(' ')
            && proper
            && !headed
        {
            found
                .entry(first.to_string())
                .or_insert_with(|| full.clone());
        }
        // "the Business Day newspaper": the outlet's own name too.
        if full
            .rsplit(' ')
            .next()
            .is_some_and(|head| PRESS_HEADS.contains(head))
            && let Some(proper) = proper_name_in_description(name)
        {
            let proper = proper.to_ascii_lowercase();
            found.insert(proper.clone(), proper);
        }
        found.insert(full.clone(), full);
    }
    found
}

/// Heads of a company's name that a person's name rarely opens ("Holdings").
static FIRM_HEADS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("firm_heads");

pub(crate) static COMPANY_SUFFIXES: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("company_suffixes");

static ROLE_CHANGE_MODIFIERS: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("role_change_modifiers");

/// "the incoming director", "the outgoing chairman": a description of
/// someone coming to or leaving a role.
fn describes_a_role_change(description: &str) -> bool {
    description
        .split_whitespace()
        .any(|word| ROLE_CHANGE_MODIFIERS.contains(word))
}

/// Whether a role ends with a title ("President", "deputy head"), not a
/// word a name happened to follow ("However").
fn ends_with_a_title(role: &str) -> bool {
    role.rsplit(' ').next().is_some_and(|last| {
        crate::vocabulary::with_ascii_lowercase(last, |lower| {
            super::lexicon::lexicon().title(lower).is_some()
        })
    })
}

/// The entity each mention resolves to (`None`: unresolved), and the entities.
pub struct Resolution {
    pub entities: Vec<Entity>,
    /// Each mention's entity, or [`Resolution::NONE`]: read with
    /// [`Resolution::entity_of`].
    entity_of: Vec<u32>,
}

impl Resolution {
    /// Marks an unresolved mention: no tag, as a long story has millions.
    const NONE: u32 = u32::MAX;

    /// The entity mention `m` resolves to.
    pub fn entity_of(&self, m: usize) -> Option<u32> {
        self.entity_of.get(m).copied().filter(|&e| e != Self::NONE)
    }
}

/// How far back (in paragraphs) a pronoun or description looks for its antecedent.
pub const LOOKBACK_PARAGRAPHS: usize = 4;

/// How many earlier mentions a pronoun or description looks through at most:
/// four paragraphs of news hold a few dozen, but one paragraph of a web page
/// or a text without breaks can hold millions, and the search must stay
/// linear in the story.
pub const LOOKBACK_MENTIONS: usize = 256;

/// Resolves mentions, which must be in reading order.
pub fn resolve(mentions: &[StoryMention], names: &Names, reports: &Reports) -> Resolution {
    let mut index = Index::default();
    let mut entity_of: Vec<Option<usize>> = vec![None; mentions.len()];
    // Surnames of people named in full or with a title: "Ohl" after "Greta
    // Ohl" or "Senator Ohl" is that person, whatever "press Ohl" or "a
    // spokesman for Ohl" seemed to say.
    let named_in_full: FxHashSet<String> = mentions
        .iter()
        .filter(|m| {
            m.kind == MentionKind::Person
                && (m.given.is_some()
                    || names.get(m.role).is_some_and(ends_with_a_title)
                    || names.get(m.name).is_some_and(|name| name.contains(' ')))
        })
        .filter_map(|m| names.get(m.surname))
        .map(str::to_ascii_lowercase)
        .collect();
    let mut businesses = business_names(mentions, names);
    businesses.retain(|name, _| !named_in_full.contains(name.as_str()));
    // A name the story also gives an institution ("crude producer Yukos",
    // then "Yukos said") is that institution's, not a person's.
    let names_a_business = |mention: &StoryMention| {
        !businesses.is_empty()
            && names.get(mention.name).is_some_and(|name| {
                crate::vocabulary::with_ascii_lowercase(name, |lower| {
                    businesses.contains_key(lower)
                })
            })
    };
    // First the names, so that a surname written before its full name still merges.
    for (m, mention) in mentions.iter().enumerate() {
        if mention.kind == MentionKind::Person
            && mention.surname.is_some()
            && !names_a_business(mention)
        {
            entity_of[m] = Some(index.person(mention, m, names));
        }
    }
    for (m, mention) in mentions.iter().enumerate() {
        if entity_of[m].is_some() {
            continue;
        }
        // Named like a business: resolved once every business is known.
        if mention.kind == MentionKind::Person && mention.surname.is_some() {
            continue;
        }
        // "Gask said its chances …" after "Leon Gask": a name first
        // taken for an institution's is the person's so named.
        if mention.kind == MentionKind::Organization
            && mention.surname.is_some()
            && let Some(e) = index.named_person(mention)
        {
            index.entities[e].absorb(mention, m, names);
            entity_of[m] = Some(e);
            continue;
        }
        let entities = &index.entities;
        // The nearest earlier mention, outside quotes, whose entity fits;
        // only a few paragraphs back, so this stays linear in the story.
        let earlier_at = |fits: &dyn Fn(&Entity) -> bool| {
            (m.saturating_sub(LOOKBACK_MENTIONS)..m)
                .rev()
                .take_while(|&e| {
                    mentions[e].paragraph() + LOOKBACK_PARAGRAPHS >= mention.paragraph()
                })
                .filter(|&e| !mentions[e].in_quote || mention.in_quote)
                .find_map(|at| {
                    entity_of[at]
                        .filter(|&e| fits(&entities[e]))
                        .map(|e| (at, e))
                })
        };
        let earlier = |fits: &dyn Fn(&Entity) -> bool| earlier_at(fits).map(|(_, e)| e);
        // "the foreign secretary" goes to a person whose role holds every word of it.
        // (The words are gathered only for the mentions that ask: most are
        // pronouns, names and institutions.)
        let description = std::cell::OnceCell::new();
        let partitive = mention.kind == MentionKind::Group
            && names.get(mention.name).is_some_and(grammar::is_partitive);
        let role_says = |head: &str, entity: &Entity| {
            entity.kind == SpeakerKind::Person
                && names.get(entity.role).is_some_and(|role| {
                    let role = role.to_lowercase();
                    (role.contains(head) || abbreviates(&role, head))
                        && description
                            .get_or_init(|| description_words(mention, names))
                            .iter()
                            .all(|word| role.contains(word.as_str()) || abbreviates(&role, word))
                })
        };
        let found = match mention.kind {
            // "Lee said Ortiz was wrong. He added …": the nearest fitting
            // mention, unless it is inside what someone who also fits
            // reported; then the reporter, who is the one still speaking.
            MentionKind::Pronoun(pronoun) => {
                let fits = |e: &Entity| fits_pronoun(e, pronoun);
                let subject_first = |(at, e): (usize, usize)| {
                    subject_of_sentence(mentions, at, mention.in_quote)
                        .and_then(|s| {
                            entity_of[s]
                                .filter(|&se| fits(&entities[se]))
                                .map(|se| (s, se))
                        })
                        .unwrap_or((at, e))
                };
                // "An aide to Secretary Lyng said …, which he said …": the
                // one speaking is the aide whose description holds the name.
                let enclosing = |(at, e): (usize, usize)| {
                    enclosing_mention(mentions, at, m)
                        .and_then(|c| {
                            entity_of[c]
                                .filter(|&ce| fits(&entities[ce]))
                                .map(|ce| (c, ce))
                        })
                        .unwrap_or((at, e))
                };
                earlier_at(&fits)
                    .map(enclosing)
                    .map(subject_first)
                    .map(|(at, e)| {
                        reports
                            .reporter_of(&mentions[at], mention)
                            .filter(|&source| source < m)
                            .and_then(|source| entity_of[source])
                            .filter(|&reporter| fits(&entities[reporter]))
                            .unwrap_or(e)
                    })
            }
            MentionKind::One => earlier(&|e| one_of_group(e, names)),
            // "the senator": a person whose role says so.
            MentionKind::Person => {
                let head = names.get(mention.head).unwrap_or_default();
                let name = names.get(mention.name).map(str::to_lowercase);
                earlier(&|e| role_says(head, e))
                    // "The 45-year-old", "the incoming director": the
                    // nearest person named (with no other role, for a title).
                    .or_else(|| {
                        (head == mentions::AGE_HEAD)
                            .then(|| {
                                earlier(&|e| {
                                    e.kind == SpeakerKind::Person && !e.name(names).is_empty()
                                })
                            })
                            .flatten()
                    })
                    .or_else(|| {
                        name.as_deref()
                            .is_some_and(describes_a_role_change)
                            .then(|| {
                                earlier(&|e| {
                                    e.kind == SpeakerKind::Person
                                        && !e.name(names).is_empty()
                                        && e.role.is_none()
                                })
                            })
                            .flatten()
                    })
                    // "The foreign secretary" again, with no one named: the same source.
                    .or_else(|| {
                        earlier(&|e| {
                            e.kind == SpeakerKind::Anonymous
                                && Some(e.name(names).to_lowercase()) == name
                        })
                    })
            }
            // "Others said": the group named before, if one is; a group of
            // their own if not.
            MentionKind::Group if partitive => earlier(&|e| one_of_group(e, names)),
            // "US officials" again: the same unnamed group.
            MentionKind::Anonymous | MentionKind::Group if mention.plural && !mention.definite => {
                index
                    .plural_groups
                    .get(&plural_key(mention, names))
                    .copied()
            }
            MentionKind::Anonymous | MentionKind::Group | MentionKind::Document
                if mention.definite =>
            {
                let head = mention.head;
                earlier(&|e| {
                    e.head == head
                        && e.kind != SpeakerKind::Person
                        && (e.plural == mention.plural || e.kind == SpeakerKind::Document)
                })
                .or_else(|| earlier(&|e| names.get(head).is_some_and(|h| role_says(h, e))))
            }
            MentionKind::Organization => match organization_key(mention, names) {
                // ("the Brennan Center" after "the Brennan Center for
                // Justice": the start of a longer name is that name.)
                Some(key) => index.organizations.get(&key).copied().or_else(|| {
                    (mention.definite && mention.head.is_some())
                        .then(|| {
                            earlier(&|e| {
                                let name = e.name(names);
                                e.kind == SpeakerKind::Organization
                                    && is_title_cased_name(name)
                                    && name
                                        .to_lowercase()
                                        .strip_prefix(key.as_str())
                                        .is_some_and(|rest| rest.starts_with(' '))
                            })
                        })
                        .flatten()
                }),
                None => earlier(&|e| e.kind == SpeakerKind::Organization && e.head == mention.head)
                    // "The Harbour Gazette said … The newspaper said": a
                    // newspaper's name holds no head noun.
                    .or_else(|| {
                        names
                            .get(mention.head)
                            .filter(|head| NEWSPAPER_HEADS.contains(head))
                            .and_then(|_| earlier(&|e| names_a_newspaper(e.name(names))))
                    }),
            },
            _ => None,
        };
        entity_of[m] = match found {
            Some(e)
                if matches!(mention.kind, MentionKind::Pronoun(_) | MentionKind::One)
                    || partitive =>
            {
                index.entities[e].mentions.push(m as u32);
                Some(e)
            }
            Some(e) => {
                index.entities[e].absorb(mention, m, names);
                Some(e)
            }
            // ("Another said" with no group before it is a source of its own.)
            None if matches!(mention.kind, MentionKind::Pronoun(_)) => None,
            None => Some(index.add(mention, m, names)),
        };
    }
    for (m, mention) in mentions.iter().enumerate() {
        if entity_of[m].is_some() || !names_a_business(mention) {
            continue;
        }
        let business = names
            .get(mention.name)
            .and_then(|name| businesses.get(&name.to_ascii_lowercase()))
            .and_then(|full| index.organizations.get(full))
            .copied();
        entity_of[m] = Some(match business {
            Some(e) => {
                index.entities[e].absorb(mention, m, names);
                e
            }
            None => index.person(mention, m, names),
        });
    }
    let mut entities = index.entities;
    for entity in &mut entities {
        entity.mentions.sort_unstable();
        // Grown by doubling: up to half of each list is empty room.
        entity.mentions.shrink_to_fit();
    }
    Resolution {
        entities,
        // A story has fewer entities than bytes: u32 is enough, and half the room.
        entity_of: entity_of
            .into_iter()
            .map(|e| e.map_or(Resolution::NONE, |e| e as u32))
            .collect(),
    }
}

/// What the story's claims report, by where it lies: whose words a
/// mention stands in.
pub struct Reports {
    /// Paragraph, start and end of each claim's content, with the index of
    /// its source mention; sorted by paragraph and start.
    spans: Vec<(u32, u32, u32, u32)>,
}

impl Reports {
    /// How many claims that start before a mention are tried: contents nest
    /// only a few deep, and this keeps the lookup constant.
    const NESTING: usize = 8;

    pub fn of(claims: &[ClaimRecord]) -> Self {
        let mut spans: Vec<_> = claims
            .iter()
            .filter_map(|claim| {
                let source = claim.source_mention()?;
                Some((claim.paragraph, claim.start, claim.end, source))
            })
            .collect();
        spans.sort_unstable();
        Reports { spans }
    }

    /// The source mention of a claim whose content holds `inside` and not
    /// `reader` (a pronoun inside the same report reads it from within).
    fn reporter_of(&self, inside: &StoryMention, reader: &StoryMention) -> Option<usize> {
        let key = (inside.paragraph, inside.span.start);
        let after = self.spans.partition_point(|s| (s.0, s.1) <= key);
        self.spans[..after]
            .iter()
            .rev()
            .take(Self::NESTING)
            .take_while(|s| s.0 == inside.paragraph)
            .find(|&&(paragraph, start, end, _)| {
                let holds = |m: &StoryMention| {
                    m.paragraph == paragraph && start <= m.span.start && m.span.end <= end
                };
                holds(inside) && !holds(reader)
            })
            .map(|s| s.3 as usize)
    }
}

/// The entities, and the keys they are found by.
#[derive(Default)]
struct Index {
    entities: Vec<Entity>,
    by_surname: FxHashMap<Sym, Vec<usize>>,
    /// People by the first word of a name that opens with no given name a
    /// list knows: the family name, where it is written first ("Quah Sze Min").
    by_family_first: FxHashMap<Sym, usize>,
    /// People by a given name a list knows, `None` once two people share it.
    by_given: FxHashMap<Sym, Option<usize>>,
    /// People named so far by a given name alone ("Fiona said"), `None` once
    /// two are.
    by_lone_given: FxHashMap<Sym, Option<usize>>,
    organizations: FxHashMap<String, usize>,
    plural_groups: FxHashMap<String, usize>,
}

/// Whether "one", "another" or "others" can be of `entity`: a plural
/// unnamed source or group, not itself "some" ("Some said …, others said
/// …" are two groups).
fn one_of_group(entity: &Entity, names: &Names) -> bool {
    entity.plural
        && matches!(entity.kind, SpeakerKind::Anonymous | SpeakerKind::Group)
        && !grammar::is_partitive(entity.name(names))
}

fn plural_key(mention: &StoryMention, names: &Names) -> String {
    let kind = if mention.kind == MentionKind::Group {
        "group"
    } else {
        "anonymous"
    };
    let name = names.get(mention.name).unwrap_or_default();
    // Written at its size; an ASCII name (most) is lower-cased in place,
    // as `to_lowercase` would, without a string of its own.
    let mut key = String::with_capacity(kind.len() + 1 + name.len());
    key.push_str(kind);
    key.push(':');
    if name.is_ascii() {
        let from = key.len();
        key.push_str(name);
        key[from..].make_ascii_lowercase();
    } else {
        key.push_str(&name.to_lowercase());
    }
    key
}

impl Index {
    fn add(&mut self, mention: &StoryMention, m: usize, names: &Names) -> usize {
        let entity = Entity::from_mention(mention, m);
        let e = self.entities.len();
        if let Some(key) = organization_key(mention, names) {
            self.organizations.insert(key, e);
        }
        // "The Harbour Safety Authority (HSA) said … The HSA said": the body
        // answers to its acronym too (a name the story gives first keeps it).
        if mention.kind == MentionKind::Organization
            && let Some(name) = names.get(mention.name)
        {
            for acronym in acronyms_of(name) {
                self.organizations.entry(acronym).or_insert(e);
            }
        }
        if let Some(surname) = entity.surname {
            self.by_surname.entry(surname).or_default().push(e);
        }
        if entity.kind == SpeakerKind::Person
            && let Some(first) = entity.given
        {
            if super::lexicon::lexicon()
                .given_name(names.text(first))
                .is_none()
            {
                self.by_family_first.entry(first).or_insert(e);
            } else {
                self.by_given
                    .entry(first)
                    .and_modify(|person| *person = None)
                    .or_insert(Some(e));
            }
        }
        if entity.kind == SpeakerKind::Person
            && entity.given.is_none()
            && let Some(name) = entity.name
            && super::lexicon::lexicon()
                .given_name(names.text(name))
                .is_some()
        {
            self.by_lone_given
                .entry(name)
                .and_modify(|person| *person = None)
                .or_insert(Some(e));
        }
        if mention.plural
            && !mention.definite
            && matches!(mention.kind, MentionKind::Anonymous | MentionKind::Group)
        {
            self.plural_groups.insert(plural_key(mention, names), e);
        }
        self.entities.push(entity);
        e
    }

    /// The person named in full (with a given name) whose surname `mention` has.
    fn named_person(&self, mention: &StoryMention) -> Option<usize> {
        let candidates = self.by_surname.get(&mention.surname?)?;
        candidates
            .iter()
            .rev()
            .copied()
            .find(|&e| self.entities[e].given.is_some())
    }

    fn person(&mut self, mention: &StoryMention, m: usize, names: &Names) -> usize {
        let candidates = mention
            .surname
            .and_then(|s| self.by_surname.get(&s))
            .map_or(&[][..], Vec::as_slice);
        let found = match mention.given {
            // "Donald Tusk" is not "Donald Trump"; "Hillary Clinton" is not "Bill Clinton".
            Some(given) => candidates
                .iter()
                .rev()
                .copied()
                .find(|&e| self.entities[e].given.is_none_or(|g| g == given)),
            // "Trump" after "Donald Trump" and "his daughter Ivanka Trump":
            // the person the story is about, not the relative named after
            // him; "Mrs. Clinton" is the woman of the name.
            None => {
                let fits_sex = |e: &usize| {
                    let sex = self.entities[*e].sex;
                    mention.sex == Sex::Unknown || sex == Sex::Unknown || sex == mention.sex
                };
                let relative =
                    |e: &usize| names.get(self.entities[*e].role).is_some_and(is_kinship);
                let mut fitting = candidates.iter().rev().copied().filter(fits_sex);
                let principal = fitting.clone().find(|e| !relative(e));
                principal
                    .or_else(|| fitting.next())
                    .or_else(|| candidates.last().copied())
            }
        };
        // "Sir Menzies" after "Sir Menzies Campbell": a lone given name.
        let found = found.or_else(|| {
            let given = mention.given?;
            let lone = names.get(mention.name).is_some_and(|n| !n.contains(' '));
            lone.then(|| {
                self.entities.iter().rposition(|e| {
                    e.kind == SpeakerKind::Person
                        && e.given == Some(given)
                        && e.surname != mention.surname
                })
            })?
        });
        // "Quah Sze Min", then "Quah said": a family name written first, as
        // Chinese and Korean names are, that no list knows as a given name.
        // ("Howard Flight", then "Mr Howard": another man's surname.)
        let found = found.or_else(|| {
            mention
                .given
                .is_none()
                .then(|| self.by_family_first.get(&mention.name?).copied())
                .flatten()
        });
        // "Elton said" after "Elton Hale": a lone given name, with no title
        // or honorific, of the one person the story so names.
        let found = found.or_else(|| {
            let bare = mention.given.is_none()
                && mention.role.is_none()
                && mention.sex == Sex::Unknown
                && names
                    .get(mention.name)
                    .is_some_and(|name| !name.contains(' '));
            bare.then(|| self.by_given.get(&mention.name?).copied().flatten())
                .flatten()
        });
        if found.is_none()
            && let Some(e) = self.lone_given_name_before(mention, names)
        {
            // The person now has a surname of their own: "Parry" later is them.
            let entity = &mut self.entities[e];
            entity.surname = mention.surname;
            entity.absorb(mention, m, names);
            if let Some(surname) = mention.surname {
                self.by_surname.entry(surname).or_default().push(e);
            }
            if let Some(given) = mention.given {
                self.by_given.insert(given, Some(e));
            }
            return e;
        }
        match found {
            Some(e) => {
                self.entities[e].absorb(mention, m, names);
                e
            }
            None => self.add(mention, m, names),
        }
    }

    /// "Her aunt, Fiona, said …" and later "Fiona Marsh said …": the one
    /// person the story has named by the given name alone, before this full
    /// name, when nobody else in the story has that given name.
    fn lone_given_name_before(&self, mention: &StoryMention, names: &Names) -> Option<usize> {
        let given = mention.given?;
        if names
            .get(mention.name)
            .is_none_or(|name| !name.contains(' '))
            || self.by_given.contains_key(&given)
        {
            return None;
        }
        let e = (*self.by_lone_given.get(&given)?)?;
        let entity = &self.entities[e];
        let same_sex =
            entity.sex == Sex::Unknown || mention.sex == Sex::Unknown || entity.sex == mention.sex;
        (entity.given.is_none() && same_sex).then_some(e)
    }
}

static KINSHIP_NOUNS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("kinship_nouns");

/// Whether a role introduces a relative ("daughter", "Ruiz's eldest son").
fn is_kinship(role: &str) -> bool {
    role.rsplit(' ').next().is_some_and(|last| {
        crate::vocabulary::with_ascii_lowercase(last, |lower| KINSHIP_NOUNS.contains(lower))
    })
}

/// How many mentions either side a mention's enclosing source is looked for.
const ENCLOSING_REACH: usize = 4;

/// A mention before `limit` whose span holds that of mention `at` and goes
/// on either side of it: "An aide to Secretary Lyng who …" around "Secretary Lyng".
fn enclosing_mention(mentions: &[StoryMention], at: usize, limit: usize) -> Option<usize> {
    let inner = &mentions[at];
    (at.saturating_sub(ENCLOSING_REACH)..(at + ENCLOSING_REACH + 1).min(limit))
        .filter(|&c| c != at)
        .find(|&c| {
            let outer = &mentions[c];
            outer.paragraph == inner.paragraph
                && outer.span.start < inner.span.start
                // (A name that ends the phrase is its head: "Ambassador
                // to the UN Ana Ruiz" is Ana Ruiz.)
                && inner.span.end < outer.span.end
        })
}

/// How many mentions back the subject of a sentence is looked for.
const SENTENCE_MENTIONS: usize = 32;

/// "Lee met Mr. Ortiz. He said …": the person the sentence of mention
/// `at` opens with, where `at` is not that subject itself.
fn subject_of_sentence(mentions: &[StoryMention], at: usize, in_quote: bool) -> Option<usize> {
    let near = &mentions[at];
    let sentence = near.placement.sentence()?;
    if near.placement.is_subject() {
        return None;
    }
    (at.saturating_sub(SENTENCE_MENTIONS)..at)
        .rev()
        .map(|s| (s, &mentions[s]))
        .take_while(|(_, m)| {
            // (Mentions not placed, such as sources, are passed over.)
            m.paragraph == near.paragraph && m.placement.sentence().is_none_or(|s| s == sentence)
        })
        .find(|(_, m)| m.placement.is_subject() && (!m.in_quote || in_quote))
        .map(|(s, _)| s)
}

/// The words of a description that a role must share: "The foreign
/// secretary" → ["foreign", "secretary"].
/// Whether a word of `role` is an abbreviation of `noun`: "Sen." of
/// "senator", "Gov." of "governor", "Rep." of "representative".
fn abbreviates(role: &str, noun: &str) -> bool {
    !noun.is_empty()
        && role.split_whitespace().any(|word| {
            word.strip_suffix('.').is_some_and(|stem| {
                stem.len() >= 3 && noun.len() > stem.len() && noun.starts_with(stem)
            })
        })
}

fn description_words(mention: &StoryMention, names: &Names) -> Vec<String> {
    names
        .get(mention.name)
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_lowercase)
        .filter(|word| !grammar::DETERMINERS.contains(word))
        .collect()
}

fn fits_pronoun(entity: &Entity, pronoun: Pronoun) -> bool {
    match pronoun {
        Pronoun::He | Pronoun::She => {
            let person_like = entity.kind == SpeakerKind::Person
                || entity.kind == SpeakerKind::Anonymous && !entity.plural;
            person_like && (entity.sex == Sex::Unknown || entity.sex == pronoun.sex())
        }
        Pronoun::They => entity.plural || entity.kind == SpeakerKind::Organization,
        // ("judicial reviews" are no "it").
        Pronoun::It => {
            matches!(
                entity.kind,
                SpeakerKind::Organization | SpeakerKind::Document
            ) && !entity.plural
        }
        Pronoun::We => {
            matches!(entity.kind, SpeakerKind::Organization | SpeakerKind::Group) || entity.plural
        }
        Pronoun::I | Pronoun::You => false,
    }
}

#[cfg(test)]
mod spaced_words_tests {
    use super::spaced_words;

    #[test]
    fn spaced_words_counts_as_splitting_at_spaces_does() {
        for name in [
            "",
            "Ruiz",
            "Ana Ruiz",
            "Ana  Ruiz",
            " Ana Ruiz ",
            "José María Aznar",
        ] {
            assert_eq!(spaced_words(name), name.split(' ').count(), "{name:?}");
        }
    }
}
