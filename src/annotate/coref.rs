//! Mentions → speakers. A full name absorbs later surnames and titles plus
//! surname ("Mr. Trump", "Trump's"); different people who share a first name
//! stay apart; "the source" and "the US official" go back to the last such
//! source; "one" is one of the officials named before; he, she and they go to
//! the nearest fitting mention before them, outside quotes.

use super::grammar::Pronoun;
use super::lexicon::Sex;
use super::mentions::{Mention, MentionKind};
use crate::model::SpeakerKind;

/// A speaker or person the mentions resolve to.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub kind: SpeakerKind,
    pub name: String,
    pub role: Option<String>,
    pub country: Option<&'static str>,
    pub sex: Sex,
    pub plural: bool,
    /// Lower-case head noun for descriptions ("official").
    pub head: Option<String>,
    pub surname: Option<String>,
    pub given: Option<String>,
    /// Indices of the mentions that resolve here, in reading order.
    pub mentions: Vec<usize>,
    /// The name was only ever a surname (so a later full name may absorb it).
    pub organization_key: Option<String>,
}

impl Entity {
    fn from_mention(mention: &Mention, index: usize) -> Self {
        let kind = match mention.kind {
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
            name: mention.name.clone().unwrap_or_default(),
            role: mention.role.clone(),
            country: mention.country,
            sex: mention.sex,
            plural: mention.plural,
            head: mention.head.clone(),
            surname: mention.surname.clone(),
            given: mention.given.clone(),
            mentions: vec![index],
            organization_key: organization_key(mention),
        }
    }

    fn absorb(&mut self, mention: &Mention, index: usize) {
        self.mentions.push(index);
        if let Some(name) = &mention.name
            && self.kind == SpeakerKind::Person
            && mention.kind == MentionKind::Person
            && name.split(' ').count() > self.name.split(' ').count()
        {
            self.name = name.clone();
        }
        if self.given.is_none() {
            self.given.clone_from(&mention.given);
        }
        if self.role.is_none() {
            self.role.clone_from(&mention.role);
        }
        if self.country.is_none() {
            self.country = mention.country;
        }
        if self.sex == Sex::Unknown && matches!(mention.kind, MentionKind::Person) {
            self.sex = mention.sex;
        }
    }
}

/// The key institutions are merged on: a government by its country, others by name.
fn organization_key(mention: &Mention) -> Option<String> {
    if mention.kind != MentionKind::Organization || mention.definite && mention.head.is_some() {
        return None;
    }
    let name = mention.name.as_deref()?;
    if name.split(' ').count() <= 2
        && let Some(code) = mention.country.filter(|_| mention.head.is_none())
    {
        return Some(format!("country:{code}"));
    }
    Some(name.to_lowercase())
}

/// The entity each mention resolves to (`None`: unresolved), and the entities.
pub struct Resolution {
    pub entities: Vec<Entity>,
    pub entity_of: Vec<Option<usize>>,
}

/// How far back (in paragraphs) a pronoun or description looks for its antecedent.
const LOOKBACK_PARAGRAPHS: usize = 4;

/// Resolves mentions, which must be in reading order.
pub fn resolve(mentions: &[Mention]) -> Resolution {
    let mut entities: Vec<Entity> = Vec::new();
    let mut entity_of: Vec<Option<usize>> = vec![None; mentions.len()];
    // First the names, so that a surname written before its full name still merges.
    for (index, mention) in mentions.iter().enumerate() {
        if mention.kind == MentionKind::Person && mention.surname.is_some() {
            entity_of[index] = Some(person_entity(&mut entities, mention, index));
        }
    }
    for (index, mention) in mentions.iter().enumerate() {
        if entity_of[index].is_some() {
            continue;
        }
        let earlier = |kinds: &dyn Fn(&Entity, &Mention) -> bool| {
            (0..index)
                .rev()
                .filter(|&m| mentions[m].paragraph + LOOKBACK_PARAGRAPHS >= mention.paragraph)
                .filter(|&m| !mentions[m].in_quote || mention.in_quote)
                .find_map(|m| entity_of[m].filter(|&e| kinds(&entities[e], &mentions[m])))
        };
        let found = match mention.kind {
            MentionKind::Pronoun(pronoun) => earlier(&|e, _| fits_pronoun(e, pronoun)),
            MentionKind::One => earlier(&|e, _| {
                e.plural && matches!(e.kind, SpeakerKind::Anonymous | SpeakerKind::Group)
            }),
            MentionKind::Person => {
                // "the senator": a person whose role says so.
                let head = mention.head.clone().unwrap_or_default();
                earlier(&|e, _| {
                    e.kind == SpeakerKind::Person
                        && e.role
                            .as_deref()
                            .is_some_and(|r| r.to_lowercase().contains(&head))
                })
            }
            // "US officials" again: the same unnamed group.
            MentionKind::Anonymous | MentionKind::Group if mention.plural && !mention.definite => {
                let name = mention.name.as_deref().map(str::to_lowercase);
                entities.iter().rposition(|e| {
                    e.plural
                        && e.kind == Entity::from_mention(mention, index).kind
                        && Some(e.name.to_lowercase()) == name
                })
            }
            MentionKind::Anonymous | MentionKind::Group | MentionKind::Document
                if mention.definite =>
            {
                let head = mention.head.clone();
                earlier(&|e, _| {
                    e.head == head
                        && e.kind != SpeakerKind::Person
                        && (e.plural == mention.plural || e.kind == SpeakerKind::Document)
                })
                .or_else(|| {
                    earlier(&|e, _| {
                        e.kind == SpeakerKind::Person
                            && head.as_deref().is_some_and(|h| {
                                e.role
                                    .as_deref()
                                    .is_some_and(|r| r.to_lowercase().contains(h))
                            })
                    })
                })
            }
            MentionKind::Organization => {
                let key = organization_key(mention);
                let head = mention.head.clone();
                match key {
                    Some(key) => entities
                        .iter()
                        .position(|e| e.organization_key.as_deref() == Some(key.as_str())),
                    None => earlier(&|e, _| e.kind == SpeakerKind::Organization && e.head == head),
                }
            }
            _ => None,
        };
        let entity = match found {
            Some(e) => {
                if !matches!(mention.kind, MentionKind::Pronoun(_) | MentionKind::One) {
                    entities[e].absorb(mention, index);
                } else {
                    entities[e].mentions.push(index);
                }
                Some(e)
            }
            None if matches!(mention.kind, MentionKind::Pronoun(_) | MentionKind::One) => None,
            None => {
                entities.push(Entity::from_mention(mention, index));
                Some(entities.len() - 1)
            }
        };
        entity_of[index] = entity;
    }
    for entity in &mut entities {
        entity.mentions.sort_unstable();
    }
    Resolution {
        entities,
        entity_of,
    }
}

fn person_entity(entities: &mut Vec<Entity>, mention: &Mention, index: usize) -> usize {
    let surname = mention.surname.as_deref();
    let same_surname =
        |e: &Entity| e.kind == SpeakerKind::Person && e.surname.as_deref() == surname;
    let found = match &mention.given {
        // "Donald Tusk" is not "Donald Trump"; "Hillary Clinton" is not "Bill Clinton".
        Some(given) => entities
            .iter()
            .rposition(|e| same_surname(e) && e.given.as_deref().is_none_or(|g| g == given)),
        None => entities.iter().rposition(same_surname),
    };
    match found {
        Some(e) => {
            entities[e].absorb(mention, index);
            e
        }
        None => {
            entities.push(Entity::from_mention(mention, index));
            entities.len() - 1
        }
    }
}

fn fits_pronoun(entity: &Entity, pronoun: Pronoun) -> bool {
    match pronoun {
        Pronoun::He | Pronoun::She => {
            let person_like = entity.kind == SpeakerKind::Person
                || entity.kind == SpeakerKind::Anonymous && !entity.plural;
            person_like && (entity.sex == Sex::Unknown || entity.sex == pronoun.sex())
        }
        Pronoun::They => entity.plural || entity.kind == SpeakerKind::Organization,
        Pronoun::It => matches!(
            entity.kind,
            SpeakerKind::Organization | SpeakerKind::Document
        ),
        Pronoun::We => {
            matches!(entity.kind, SpeakerKind::Organization | SpeakerKind::Group) || entity.plural
        }
        Pronoun::I | Pronoun::You => false,
    }
}
