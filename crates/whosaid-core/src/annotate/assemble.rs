//! The story's findings → a `whosaid/1` document: speakers with ids in order
//! of first mention, claims in reading order, countries and the summary.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::FxHashSet;

use super::Story;
use super::annotation::{Annotation, ClaimRecord, SpeakerRecord};
use super::coref::{self, Entity};
use super::countries;
use super::lexicon::{Sex, lexicon};
use super::mentions::{MentionKind, PlacedMention, surname_key_into};
use super::names::Names;
use super::token::is_ticker;
use crate::model::{Article, Paragraph, SourceCountry, SpeakerKind, Summary};

pub(super) fn annotation(article: Article, story: Story) -> Annotation {
    let Story {
        mut mentions,
        mut names,
        surname_candidates,
        mut claims,
        extras,
    } = story;

    // Capitalized words that are the surname of someone named in the story.
    let surnames: FxHashSet<&str> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Person)
        .filter_map(|m| names.get(m.surname))
        .collect();
    // One string for every candidate's key.
    let mut key = String::new();
    let mut is_surname = |word: &str| {
        surname_key_into(word, &mut key);
        surnames.contains(key.as_str())
    };
    let surname_mentions: Vec<_> = surname_candidates
        .into_iter()
        .filter(|c| is_surname(c.word(&article.paragraphs)))
        .collect();
    // Exactly the room needed: doubling would leave a long story's mentions
    // with up to twice their size.
    mentions.reserve_exact(surname_mentions.len());
    mentions.extend(
        surname_mentions
            .into_iter()
            .map(|c| c.into_mention(&article.paragraphs, &mut names, &mut key)),
    );

    // Reading order; claims keep pointing at the right mention.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&m| {
        (
            mentions[m].paragraph,
            mentions[m].span.start,
            u32::MAX - mentions[m].span.end,
        )
    });
    // As u32: a long story has millions of mentions.
    let mut new_index = vec![0u32; mentions.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new as u32;
    }
    permute(&mut mentions, &order);
    // Not kept to the end: a long story has one per mention.
    drop(order);
    for claim in &mut claims {
        if let Some(m) = claim.source_mention() {
            claim.set_source_mention(Some(new_index[m as usize]));
        }
    }
    drop(new_index);
    let reports = coref::Reports::of(&claims);
    let resolution = coref::resolve(&mentions, &names, &reports);
    drop(reports);
    // What is left to do needs less of each mention: kept in place, in
    // less room (a long story's mentions are its largest table here).
    let mut mentions: Vec<PlacedMention> = mentions.into_iter().map(PlacedMention::from).collect();
    mentions.shrink_to_fit();

    // Looked up again where each claim becomes a record: a table of them
    // would be one more vector per claim at the story's fullest.
    let entity_of_claim = |claim: &ClaimRecord| {
        claim
            .source_mention()
            .and_then(|m| resolution.entity_of(m as usize))
    };
    let mut claim_counts = vec![0usize; resolution.entities.len()];
    for entity in claims.iter().filter_map(entity_of_claim) {
        claim_counts[entity as usize] += 1;
    }

    // Everyone named, and every other source that has a claim, by first mention.
    let mut listed: Vec<usize> = (0..resolution.entities.len())
        .filter(|&e| {
            let entity = &resolution.entities[e];
            let named = entity.kind == SpeakerKind::Person
                && !entity.name(&names).is_empty()
                && entity.mentions.iter().any(|&m| {
                    let m = &mentions[m as usize];
                    m.kind == MentionKind::Person && m.surname.is_some()
                });
            // "Controversy continues": one capitalized word, seen once, with
            // no given name, title or honorific, is most often no one's name.
            let seen_once_bare = entity.mentions.len() == 1
                && !entity.name(&names).contains(' ')
                && entity.given.is_none()
                && entity.role.is_none()
                && entity.sex == Sex::Unknown;
            named && !seen_once_bare || claim_counts[e] > 0
        })
        .collect();
    listed.sort_by_key(|&e| resolution.entities[e].mentions.first().copied());

    let Article {
        meta,
        paragraphs: owned,
    } = article;
    let paragraphs = &owned;

    // Built in stages so that a long story's working sets do not all live at
    // once: speakers and the claims' records, then (with the resolution
    // gone) the names that are no places, then (with the mentions gone)
    // countries.
    // Ids by order of first mention, made as each speaker is: no table of
    // them per entity, and no copy.
    // Room for every mention of every speaker listed, made once; fewer
    // are kept (a phrase holding a name mention is not).
    let mut speaker_mentions = Vec::with_capacity(
        listed
            .iter()
            .map(|&e| resolution.entities[e].mentions.len())
            .sum(),
    );
    // One vector for every speaker's mentions in order, not one each.
    let mut ordered = Vec::new();
    let speakers: Vec<SpeakerRecord> = listed
        .iter()
        .map(|&e| {
            speaker(
                &resolution.entities[e],
                &mentions,
                &names,
                paragraphs,
                &mut speaker_mentions,
                &mut ordered,
            )
        })
        .collect();
    drop(ordered);
    speaker_mentions.shrink_to_fit();
    let speaker_number: Vec<Option<u32>> = {
        let mut number = vec![None; resolution.entities.len()];
        for (n, &e) in listed.iter().enumerate() {
            number[e] = Some(n as u32);
        }
        number
    };
    // Each claim's record is resolved where it lies: its speaker, and its
    // source's offsets in place of the mention's index.
    for claim in &mut claims {
        let speaker = entity_of_claim(claim).and_then(|e| speaker_number[e as usize]);
        let source = claim.source_mention().map(|m| {
            let mention = &mentions[m as usize];
            (mention.paragraph, mention.span.start, mention.span.end)
        });
        claim.resolve(speaker, source);
    }
    drop(speaker_number);
    drop(resolution);
    let not_places: Vec<(u32, u32, u32)> = mentions
        .iter()
        .filter_map(|m| {
            m.name_span()
                .map(|name| (m.paragraph, name.start, name.end))
        })
        .collect();
    drop(mentions);
    drop(names);
    let countries = countries::find_mentions(paragraphs, not_places);

    // Claims in reading order, as offsets; the document's claims are built
    // from them only when wanted.
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&n| (claims[n].paragraph, claims[n].start, claims[n].end));
    permute(&mut claims, &order);
    drop(order);
    let summary = summarize(&speakers, &claims);

    Annotation {
        meta,
        paragraphs: owned,
        speakers,
        speaker_mentions,
        claims,
        extras,
        countries,
        summary,
    }
}

/// Puts `items[order[n]]` at `n`, in place: a long story's mentions are
/// too many to copy.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        if placed[start] {
            continue;
        }
        // Follow the cycle: position `at` takes the item from `order[at]`.
        let mut at = start;
        loop {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

fn speaker<'m>(
    entity: &Entity,
    mentions: &'m [PlacedMention],
    names: &Names,
    paragraphs: &[Paragraph],
    all_mentions: &mut Vec<(u32, u32, u32)>,
    ordered: &mut Vec<&'m PlacedMention>,
) -> SpeakerRecord {
    // A source written with its role ("Swedish Prime Minister Ulf Kristersson")
    // holds the name mention: list the name alone. Sorted by position, a
    // phrase comes just before the mentions it holds.
    ordered.clear();
    ordered.extend(entity.mentions.iter().map(|&m| &mentions[m as usize]));
    ordered.sort_by_key(|m| (m.paragraph, m.span.start, u32::MAX - m.span.end));
    ordered.dedup_by(|b, a| a.paragraph == b.paragraph && a.span == b.span);
    let first = all_mentions.len() as u32;
    all_mentions.extend(
        ordered
            .iter()
            .enumerate()
            .filter(|(n, mention)| {
                ordered.get(n + 1).is_none_or(|next| {
                    next.paragraph != mention.paragraph || next.span.start >= mention.span.end
                })
            })
            .map(|(_, m)| (m.paragraph, m.span.start, m.span.end)),
    );
    let spans = (first, all_mentions.len() as u32);
    let name = without_wire_tags(entity.name(names));
    let mut aliases: Vec<Box<str>> = Vec::new();
    for &m in &entity.mentions {
        let mention = &mentions[m as usize];
        let form = match mention.kind {
            MentionKind::Pronoun(_) | MentionKind::One => continue,
            MentionKind::Person if mention.surname.is_some() => {
                names.get(mention.name).unwrap_or_default()
            }
            _ => paragraphs[mention.paragraph()]
                .text
                .get(mention.span())
                .unwrap_or_default(),
        };
        let form = without_wire_tags(form);
        if !form.is_empty() && form != name && !aliases.iter().any(|a| **a == *form) {
            aliases.push(form.into());
        }
    }
    // "Ambassador", "Assistant Secretary": a person the story never names,
    // only called by a title, is an unnamed source. ("Ms King": after an
    // honorific, the title word is a surname.)
    let after_honorific = |m: &&PlacedMention| {
        m.name_span().is_some_and(|name| {
            let text = &paragraphs[m.paragraph()].text;
            let before = text[..name.start as usize].trim_end();
            let word = text[name.start as usize..name.end as usize]
                .split_whitespace()
                .next()
                .unwrap_or_default();
            before
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|before| lexicon().names_after_honorific(before, word))
        })
    };
    let title_only = entity.kind == SpeakerKind::Person
        && !name.is_empty()
        && name
            .split_whitespace()
            .all(|word| lexicon().title(word).is_some() || countries::lookup(word).is_some())
        && !ordered.iter().any(after_honorific);
    SpeakerRecord {
        name: name.into(),
        kind: if title_only {
            SpeakerKind::Anonymous
        } else {
            entity.kind
        },
        role: names.get(entity.role).map(Box::from),
        country: names.get(entity.country).map(Box::from),
        // Grown from room for four: boxed, with none to spare.
        aliases: aliases.into_boxed_slice(),
        mentions: spans,
    }
}

/// A name as read, without the angle marks wire copy puts around company
/// names ("<Harbour Trust Bank BSC> (HTB)"), which the tokenizer skips; a
/// ticker in its marks ("Harbour Corp <HTC>") stays as written.
fn without_wire_tags(name: &str) -> Cow<'_, str> {
    // Looked for as bytes (neither mark is ever part of a longer UTF-8
    // sequence): a pattern of chars decodes the name, for every alias of
    // every speaker.
    if !name.bytes().any(|b| b == b'<' || b == b'>') {
        return Cow::Borrowed(name);
    }
    let mut kept = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(at) = rest.find(['<', '>']) {
        kept.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if rest[at..].starts_with('<')
            && let Some(close) = after.find('>')
            && is_ticker(&after.as_bytes()[..close])
        {
            kept.push_str(&rest[at..at + close + 2]);
            rest = &after[close + 1..];
        } else {
            rest = after;
        }
    }
    kept.push_str(rest);
    Cow::Owned(kept)
}

fn summarize(speakers: &[SpeakerRecord], claims: &[ClaimRecord]) -> Summary {
    let speaker_of = |claim: &ClaimRecord| claim.speaker().map(|s| &speakers[s as usize]);
    let anonymous_claims = claims
        .iter()
        .filter(|c| speaker_of(c).is_some_and(|s| s.kind == SpeakerKind::Anonymous))
        .count();
    let mut with_claims = vec![false; speakers.len()];
    for s in claims.iter().filter_map(ClaimRecord::speaker) {
        with_claims[s as usize] = true;
    }
    let quoted: Vec<&SpeakerRecord> = speakers
        .iter()
        .zip(&with_claims)
        .filter(|(_, quoted)| **quoted)
        .map(|(s, _)| s)
        .collect();
    let mut by_country: BTreeMap<&str, usize> = BTreeMap::new();
    for code in claims
        .iter()
        .filter_map(|c| speaker_of(c).and_then(|s| s.country.as_deref()))
    {
        *by_country.entry(code).or_default() += 1;
    }
    let mut source_countries: Vec<SourceCountry> = by_country
        .into_iter()
        .map(|(code, claims)| SourceCountry {
            code: code.to_string(),
            claims,
        })
        .collect();
    source_countries.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.code.cmp(&b.code)));
    Summary {
        claims: claims.len(),
        anonymous_claims,
        anonymous_share: if claims.is_empty() {
            0.0
        } else {
            anonymous_claims as f64 / claims.len() as f64
        },
        sources: quoted.len(),
        named_sources: quoted
            .iter()
            .filter(|s| s.kind == SpeakerKind::Person)
            .count(),
        anonymous_sources: quoted
            .iter()
            .filter(|s| s.kind == SpeakerKind::Anonymous)
            .count(),
        source_countries,
    }
}

#[cfg(test)]
mod tests {
    use super::{permute, without_wire_tags};

    #[test]
    fn wire_tags_leave_names_and_keep_tickers() {
        assert_eq!(
            without_wire_tags("Harbour Bank BSC> (HTB)"),
            "Harbour Bank BSC (HTB)"
        );
        assert_eq!(without_wire_tags("<Harbour Bank BSC>"), "Harbour Bank BSC");
        assert_eq!(
            without_wire_tags("Harbour Corp <HTC.L>"),
            "Harbour Corp <HTC.L>"
        );
        assert_eq!(without_wire_tags("Harbour Corp"), "Harbour Corp");
    }

    #[test]
    fn permute_places_each_item_where_the_order_says() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e'];
        permute(&mut items, &[3, 0, 4, 1, 2]);
        assert_eq!(items, ['d', 'a', 'e', 'b', 'c']);
        let mut items = vec![1, 2, 3];
        permute(&mut items, &[0, 1, 2]);
        assert_eq!(items, [1, 2, 3]);
    }
}
