//! The cross-story index of sources: every person and source in the
//! library, with the stories and claims they appear in.
//!
//! Speakers are merged across stories the way the annotator merges
//! mentions within one (see `annotate::coref`):
//! - **people** by surname and a compatible given name ("Zelenskiy",
//!   "Volodymyr Zelenskiy", "Ukrainian President Volodymyr Zelenskiy" are one
//!   person; "Bill Clinton" and "Hillary Clinton" are two), and only when
//!   their countries, where known, agree. A bare surname joins the full name
//!   it can only be; when it could be several people it stays apart.
//! - **organizations** and **groups** by their name, ignoring case and a
//!   leading "the": "the State Department" is one institution wherever it
//!   speaks, and "European leaders" one label, worth counting across stories.
//! - **anonymous sources** and **documents** are never merged: "a senior
//!   official" in two stories is, as far as anyone can tell, two people, and
//!   "a statement" two statements.
//!
//! The index is rebuilt from the documents in library order, so it does not
//! depend on the order the background annotation finished in.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::{Annotated, SpeakerFacts, SpeakerKind};

use super::names::{NameKey, given_compatible, label_key, name_key};

/// One speaker of one story, as part of a [`Person`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appearance {
    /// The story, as the caller numbered it.
    pub entry: usize,
    /// Index into that story's `speakers`.
    pub speaker: usize,
    /// Claims attributed to that speaker in that story.
    pub claims: usize,
}

/// A person or source across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Person, unnamed source, group, organisation or document.
    pub kind: SpeakerKind,
    /// The fullest name used most often.
    pub name: String,
    /// The role given most often.
    pub role: Option<String>,
    /// The country given most often.
    pub country: Option<String>,
    /// Other names used for them, most used first.
    pub aliases: Vec<String>,
    /// In library order.
    pub appearances: Vec<Appearance>,
    /// Stories they appear in.
    pub stories: usize,
    /// Claims attributed to them, in all stories.
    pub claims: usize,
}

/// One claim of a person, located in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonClaim {
    /// The story, as the caller numbered it.
    pub entry: usize,
    /// Index into the story's `claims`.
    pub claim: usize,
    /// The story's date (`YYYY-MM-DD`), to order claims by.
    pub date: Option<String>,
}

/// Every person and source of a library, most claims first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    /// Most claims first.
    pub persons: Vec<Person>,
}

#[derive(Debug)]
struct Cluster {
    kind: SpeakerKind,
    /// The name people are merged on; `None` for the other kinds.
    key: Option<NameKey>,
    country: Option<String>,
    members: Vec<Appearance>,
}

impl Cluster {
    fn fits_country(&self, country: Option<&str>) -> bool {
        match (self.country.as_deref(), country) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
}

#[derive(Default)]
struct Builder {
    clusters: Vec<Cluster>,
    /// Clusters of full names, by surname.
    full: HashMap<String, Vec<usize>>,
    /// Clusters of bare surnames, by surname.
    bare: HashMap<String, Vec<usize>>,
    labels: HashMap<(SpeakerKind, String), usize>,
}

impl Builder {
    fn add(
        &mut self,
        kind: SpeakerKind,
        key: Option<NameKey>,
        country: Option<&str>,
        member: Appearance,
    ) -> usize {
        let c = self.clusters.len();
        self.clusters.push(Cluster {
            kind,
            key,
            country: country.map(str::to_string),
            members: vec![member],
        });
        c
    }

    fn join(&mut self, c: usize, country: Option<&str>, member: Appearance) {
        let cluster = &mut self.clusters[c];
        if cluster.country.is_none() {
            cluster.country = country.map(str::to_string);
        }
        cluster.members.push(member);
    }

    fn full_name(&mut self, name: NameKey, country: Option<&str>, member: Appearance) {
        let given = name.given.clone().unwrap_or_default();
        let found = self.full.get(&name.surname).and_then(|list| {
            list.iter().copied().find(|&c| {
                let cluster = &self.clusters[c];
                let fits_given = cluster
                    .key
                    .as_ref()
                    .and_then(|k| k.given.as_deref())
                    .is_some_and(|g| given_compatible(g, &given));
                fits_given && cluster.fits_country(country)
            })
        });
        match found {
            Some(c) => {
                // Keep the longer given name: "Donald" rather than "D.".
                if let Some(k) = &mut self.clusters[c].key
                    && k.given.as_ref().is_some_and(|g| g.len() < given.len())
                {
                    k.given = Some(given);
                }
                self.join(c, country, member);
            }
            None => {
                let surname = name.surname.clone();
                let c = self.add(SpeakerKind::Person, Some(name), country, member);
                self.full.entry(surname).or_default().push(c);
            }
        }
    }

    fn bare_surname(&mut self, name: NameKey, country: Option<&str>, member: Appearance) {
        let fitting: Vec<usize> = self
            .full
            .get(&name.surname)
            .map(|list| {
                list.iter()
                    .copied()
                    .filter(|&c| self.clusters[c].fits_country(country))
                    .collect()
            })
            .unwrap_or_default();
        if let [only] = fitting[..] {
            self.join(only, country, member);
            return;
        }
        let found = self.bare.get(&name.surname).and_then(|list| {
            list.iter()
                .copied()
                .find(|&c| self.clusters[c].fits_country(country))
        });
        match found {
            Some(c) => self.join(c, country, member),
            None => {
                let surname = name.surname.clone();
                let c = self.add(SpeakerKind::Person, Some(name), country, member);
                self.bare.entry(surname).or_default().push(c);
            }
        }
    }
}

impl People {
    /// Indexes `docs`, numbered by the caller (the numbers come back in
    /// [`Appearance::entry`]). Give them in a fixed order: the result is the
    /// same for the same order.
    pub fn build<'a, D: Annotated + ?Sized + 'a>(
        docs: impl IntoIterator<Item = (usize, &'a D)>,
    ) -> Self {
        let mut builder = Builder::default();
        let mut bare = Vec::new();
        let docs: Vec<(usize, &D)> = docs.into_iter().collect();
        for &(entry, doc) in &docs {
            let mut claims = vec![0; doc.speaker_count()];
            for s in doc.claim_speakers().into_iter().flatten() {
                if let Some(n) = claims.get_mut(s as usize) {
                    *n += 1;
                }
            }
            for (s, &claim_count) in claims.iter().enumerate() {
                let Some(SpeakerFacts {
                    name,
                    kind,
                    country,
                    ..
                }) = doc.speaker_facts(s)
                else {
                    continue;
                };
                let member = Appearance {
                    entry,
                    speaker: s,
                    claims: claim_count,
                };
                match kind {
                    SpeakerKind::Person => match name_key(name) {
                        Some(key) if key.given.is_some() => builder.full_name(key, country, member),
                        // Bare surnames wait until every full name is known.
                        Some(key) => bare.push((key, country, member)),
                        None => {
                            builder.add(kind, None, country, member);
                        }
                    },
                    SpeakerKind::Organization | SpeakerKind::Group => {
                        let label = (kind, label_key(name));
                        match builder.labels.get(&label) {
                            Some(&c) => builder.join(c, country, member),
                            None => {
                                let c = builder.add(kind, None, country, member);
                                builder.labels.insert(label, c);
                            }
                        }
                    }
                    SpeakerKind::Anonymous | SpeakerKind::Document => {
                        builder.add(kind, None, country, member);
                    }
                }
            }
        }
        for (key, country, member) in bare {
            builder.bare_surname(key, country, member);
        }
        let by_entry: HashMap<usize, &D> = docs.iter().copied().collect();
        let mut persons: Vec<Person> = builder
            .clusters
            .into_iter()
            .map(|cluster| person(cluster, &by_entry))
            .collect();
        persons.sort_by(|a, b| {
            b.claims
                .cmp(&a.claims)
                .then(b.stories.cmp(&a.stories))
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.appearances[0].entry.cmp(&b.appearances[0].entry))
        });
        People { persons }
    }

    /// The claims of `person`, newest story first (undated stories last),
    /// in reading order within a story. `doc` finds a story by its number.
    pub fn claims_of<'a, D: Annotated + ?Sized + 'a>(
        person: &Person,
        doc: impl Fn(usize) -> Option<&'a D>,
    ) -> Vec<PersonClaim> {
        let mut claims = Vec::new();
        for appearance in &person.appearances {
            let Some(d) = doc(appearance.entry) else {
                continue;
            };
            if appearance.speaker >= d.speaker_count() {
                continue;
            }
            let speaker = Some(appearance.speaker as u32);
            claims.extend(
                d.claim_speakers()
                    .into_iter()
                    .enumerate()
                    .filter(|&(_, s)| s == speaker)
                    .map(|(i, _)| PersonClaim {
                        entry: appearance.entry,
                        claim: i,
                        date: d.meta().date.clone(),
                    }),
            );
        }
        // Stable: within a date, library order and reading order stay.
        claims.sort_by(|a, b| match (&a.date, &b.date) {
            (Some(x), Some(y)) => y.cmp(x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        claims
    }
}

/// The most frequent of `values`; ties go to the first seen.
fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(v, _)| v.to_string())
}

fn person<D: Annotated + ?Sized>(cluster: Cluster, docs: &HashMap<usize, &D>) -> Person {
    let mut appearances = cluster.members;
    appearances.sort_by_key(|m| (m.entry, m.speaker));
    let speakers: Vec<Cow<'_, crate::model::Speaker>> = appearances
        .iter()
        .filter_map(|m| docs.get(&m.entry)?.speaker(m.speaker))
        .collect();
    // The fullest name: most words first, then the most used.
    let most_words = speakers
        .iter()
        .map(|s| s.name.split_whitespace().count())
        .max()
        .unwrap_or(0);
    let name = most_common(
        speakers
            .iter()
            .filter(|s| s.name.split_whitespace().count() == most_words)
            .map(|s| s.name.as_str()),
    )
    .unwrap_or_default();
    let mut aliases: Vec<(String, usize)> = Vec::new();
    for s in &speakers {
        if s.name == name {
            continue;
        }
        match aliases.iter_mut().find(|(a, _)| *a == s.name) {
            Some((_, n)) => *n += 1,
            None => aliases.push((s.name.clone(), 1)),
        }
    }
    aliases.sort_by_key(|a| std::cmp::Reverse(a.1));
    Person {
        kind: cluster.kind,
        role: most_common(speakers.iter().filter_map(|s| s.role.as_deref())),
        country: most_common(speakers.iter().filter_map(|s| s.country.as_deref())),
        name,
        aliases: aliases.into_iter().map(|(a, _)| a).collect(),
        stories: {
            let mut e: Vec<usize> = appearances.iter().map(|m| m.entry).collect();
            e.dedup();
            e.len()
        },
        claims: appearances.iter().map(|m| m.claims).sum(),
        appearances,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimKind, Document, Meta, SCHEMA, Speaker, Summary};

    /// A story with `speakers` (name, kind, country, claims) and nothing else.
    fn story(
        date: Option<&str>,
        speakers: &[(&str, SpeakerKind, Option<&str>, usize)],
    ) -> Document {
        let mut claims = Vec::new();
        let speakers = speakers
            .iter()
            .enumerate()
            .map(|(i, &(name, kind, country, n))| {
                let id = format!("s{}", i + 1);
                for _ in 0..n {
                    claims.push(Claim {
                        id: format!("c{}", claims.len() + 1),
                        speaker: Some(id.clone()),
                        kind: ClaimKind::Indirect,
                        paragraph: 0,
                        start: 0,
                        end: 0,
                        text: Default::default(),
                        parts: vec![],
                        source: None,
                        cue: None,
                        channel: None,
                    });
                }
                Speaker {
                    id,
                    name: name.into(),
                    kind,
                    role: None,
                    country: country.map(Into::into),
                    aliases: vec![],
                    mentions: vec![],
                }
            })
            .collect();
        Document {
            schema: SCHEMA.into(),
            meta: Meta {
                date: date.map(Into::into),
                ..Meta::default()
            },
            paragraphs: vec![],
            speakers,
            claims,
            countries: vec![],
            summary: Summary::default(),
        }
    }

    use SpeakerKind::{Anonymous, Group, Organization, Person as P};

    fn find<'a>(people: &'a People, name: &str) -> &'a Person {
        people
            .persons
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("no {name} in {people:#?}"))
    }

    #[test]
    fn one_person_under_three_names_across_stories() {
        let docs = [
            story(None, &[("Zelenskiy", P, Some("UA"), 2)]),
            story(None, &[("Volodymyr Zelenskiy", P, Some("UA"), 3)]),
            story(
                None,
                &[("Ukrainian President Volodymyr Zelenskiy", P, None, 1)],
            ),
        ];
        let people = People::build(docs.iter().enumerate());
        assert_eq!(people.persons.len(), 1, "{people:#?}");
        let person = &people.persons[0];
        assert_eq!(person.name, "Ukrainian President Volodymyr Zelenskiy");
        assert_eq!((person.stories, person.claims), (3, 6));
        assert_eq!(person.country.as_deref(), Some("UA"));
        assert_eq!(person.aliases, ["Zelenskiy", "Volodymyr Zelenskiy"]);
    }

    #[test]
    fn different_given_names_or_countries_are_different_people() {
        let docs = [
            story(
                None,
                &[
                    ("Bill Clinton", P, Some("US"), 1),
                    ("Hillary Clinton", P, Some("US"), 1),
                ],
            ),
            // Could be either: stays apart.
            story(None, &[("Clinton", P, Some("US"), 1)]),
            story(
                None,
                &[
                    ("Maria Lopez", P, Some("ES"), 1),
                    ("Maria Lopez", P, Some("MX"), 1),
                ],
            ),
        ];
        let people = People::build(docs.iter().enumerate());
        let names: Vec<&str> = people.persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), 5, "{names:?}");
        assert_eq!(find(&people, "Clinton").stories, 1);
        assert_eq!(
            people
                .persons
                .iter()
                .filter(|p| p.name == "Maria Lopez")
                .count(),
            2
        );
    }

    #[test]
    fn a_bare_surname_joins_the_only_full_name_it_can_be_whatever_the_order() {
        let docs = [
            story(None, &[("Merz", P, None, 1)]),
            story(None, &[("Friedrich Merz", P, Some("DE"), 2)]),
        ];
        let people = People::build(docs.iter().enumerate());
        assert_eq!(people.persons.len(), 1);
        assert_eq!(find(&people, "Friedrich Merz").claims, 3);
    }

    #[test]
    fn anonymous_sources_stay_apart_and_institutions_merge() {
        let docs = [
            story(
                None,
                &[
                    ("a senior official", Anonymous, Some("US"), 1),
                    ("the State Department", Organization, Some("US"), 1),
                    ("European leaders", Group, None, 1),
                ],
            ),
            story(
                None,
                &[
                    ("a senior official", Anonymous, Some("US"), 2),
                    ("State Department", Organization, Some("US"), 1),
                    ("European Leaders", Group, None, 1),
                ],
            ),
        ];
        let people = People::build(docs.iter().enumerate());
        let anonymous: Vec<&Person> = people
            .persons
            .iter()
            .filter(|p| p.kind == Anonymous)
            .collect();
        assert_eq!(anonymous.len(), 2);
        assert!(anonymous.iter().all(|p| p.stories == 1));
        let state = people
            .persons
            .iter()
            .find(|p| p.kind == Organization)
            .unwrap();
        assert_eq!((state.stories, state.claims), (2, 2));
        let groups: Vec<&Person> = people.persons.iter().filter(|p| p.kind == Group).collect();
        assert_eq!(groups.len(), 1);
    }

    #[test]
    fn most_claims_first_and_claims_newest_first() {
        let docs = [
            story(Some("2025-01-02"), &[("Ana Ruiz", P, None, 1)]),
            story(None, &[("Ana Ruiz", P, None, 1)]),
            story(
                Some("2025-03-01"),
                &[("Tomas Berg", P, None, 1), ("Ana Ruiz", P, None, 2)],
            ),
        ];
        let people = People::build(docs.iter().enumerate());
        assert_eq!(people.persons[0].name, "Ana Ruiz");
        let claims = People::claims_of(&people.persons[0], |e| docs.get(e));
        let places: Vec<(usize, usize)> = claims.iter().map(|c| (c.entry, c.claim)).collect();
        assert_eq!(
            places,
            [(2, 1), (2, 2), (0, 0), (1, 0)],
            "newest first, undated last"
        );
    }
}
