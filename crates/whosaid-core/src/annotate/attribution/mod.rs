//! Who said what, within one paragraph: cues ("said", "told reporters",
//! "according to"), the source each cue attributes to, and the content it
//! attributes: a quote, a reported clause, or a quoted phrase inside one.
//!
//! The shapes handled, in the order they are tried for each cue:
//! - "according to X, C" / "C, according to X";
//! - inverted: "…," said X / "C, said X, who …";
//! - source first: "X (, aside,) said (to Y) (on Monday) (that) C", "X said: “C”";
//! - content first: "C, X said" / "“C,” X said (, “D”)";
//! - "X called it “C”": a partial quote;
//!
//! For quotes no cue claims: a quote that continues the paragraph's or the
//! previous paragraph's speaker, "X: “C”", and unattributed quotes.
//!
//! This module walks the sentences and keeps what holds together; `clause`
//! finds cues and their reporting clauses, `source` the source phrase,
//! `content` what is attributed, and `unclaimed` the quotes left over.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::grammar::{self, Pronoun};
use super::lexicon::{CueClass, Sex, lexicon};
use super::mentions::{self, Mention, MentionKind};
use super::not_person;
use super::para::Para;
use super::token::Kind;
use crate::model::ClaimKind;

mod clause;
mod content;
mod listed;
mod naming;
mod source;
mod unclaimed;

use clause::{clause, find_cues, takes_bare_clause};
use content::{
    backward_content, connective_start, cut_main_clause, cut_object_at_new_clause,
    cut_trailing_gloss, forward_start, is_answer, only_adverbials, partials_inside, quote_content,
    relative_aside_end, subordinate_clause_end, token_range, trim, within_relative_clause,
    word_count, zero_relative,
};
pub(crate) use listed::listed_point;
use naming::{naming_claims, passive_agent_claims, passive_naming_claims};
use source::{is_comma_like, subject_antecedent};
pub(crate) use source::{place, place_people};
use unclaimed::unclaimed_quotes;

/// Who a found claim is attributed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceRef {
    /// A mention in this paragraph's `mentions`.
    Mention(usize),
    /// The speaker of the quote this one continues, or of the quotes before
    /// it (resolved across paragraphs by the caller).
    Inherit,
    /// Nobody the rules can tell.
    Unknown,
}

/// A claim found in one paragraph. Ranges are bytes of the paragraph text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: ClaimKind,
    pub content: Range<usize>,
    pub source: SourceRef,
    pub cue: Option<Range<usize>>,
    pub channel: Option<Range<usize>>,
    /// The quote this claim is, if it is a quote (index into the paragraph's quotes).
    pub quote: Option<usize>,
    /// The pieces of the content of a quote interrupted by its attribution
    /// ("“A,” she said. “B.”"); empty for a claim of one piece.
    pub parts: Vec<Range<usize>>,
}

impl Found {
    /// The claim moved `by` bytes on (see `Mention::shift`).
    pub fn shift(&mut self, by: usize) {
        let ranges = [
            Some(&mut self.content),
            self.cue.as_mut(),
            self.channel.as_mut(),
        ];
        for range in ranges.into_iter().flatten().chain(&mut self.parts) {
            mentions::shift(range, by);
        }
    }
}

/// What one paragraph yields.
#[derive(Debug, Default)]
pub struct Findings {
    pub claims: Vec<Found>,
    /// Mentions the claims point at (sources as written).
    pub mentions: Vec<Mention>,
    /// Unnamed subjects that later pronouns and descriptions may point back
    /// to ("Two officials briefed reporters. They said …").
    pub antecedents: Vec<Mention>,
    /// Where each mention's span is in `mentions`.
    by_span: FxHashMap<(usize, usize), usize>,
    /// "Ana Ruiz continued:" at the paragraph's end: the mention (in
    /// `mentions`) whose words the next paragraph quotes.
    pub introduces: Option<usize>,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    start: usize,
    end: usize,
    class: CueClass,
    according: bool,
}

impl Cue {
    /// "warned against", "argued for": a verb and its preposition, whose
    /// object is what was said (not "according to", a source).
    fn takes_prepositional_object(&self, p: &Para) -> bool {
        self.end == self.start + 2
            && !self.according
            && p.is_any(self.end - 1, &grammar::PREPOSITIONS)
    }
}

/// A reporting clause: a cue with its source and what hangs on it.
#[derive(Debug, Clone)]
struct Clause {
    cue: Cue,
    /// Tokens of the source as written.
    source: Option<Range<usize>>,
    /// The mention index the source resolved to (set when the clause is kept).
    mention: Option<usize>,
    /// Source is a coordinated subject: "…, but warned …".
    coordinated: bool,
    /// Cue before source: "said Merz".
    inverted: bool,
    /// First token of the reporting clause (source, or cue when inverted,
    /// or the connective joining it to a previous clause).
    front: usize,
    /// First token after the clause (its listener, adverbials, channel, asides).
    after: usize,
    /// End token of the cue text ("told reporters": past the listener).
    cue_text_end: usize,
    channel: Option<Range<usize>>,
    /// An appositive describing the source ("Hugh Hill, a doctor, said").
    description: Option<Range<usize>>,
}

/// Finds the claims of one paragraph, into `findings` (emptied first, its
/// vectors' room reused from the paragraph before). `people` are the names
/// found in it.
pub fn find_into(p: &Para, people: &[Mention], findings: &mut Findings) {
    let mut scratch = SCRATCH.take().unwrap_or_default();
    findings.claims.clear();
    findings.mentions.clear();
    findings.antecedents.clear();
    findings.introduces = None;
    findings.by_span = std::mem::take(&mut scratch.by_span);
    let mut quote_used = std::mem::take(&mut scratch.quote_used);
    quote_used.clear();
    quote_used.resize(p.quotes.quotes.len(), false);
    for sentence in &p.sentences {
        let first_mention = findings.mentions.len();
        sentence_claims(
            p,
            sentence.clone(),
            people,
            findings,
            &mut quote_used,
            &mut scratch,
        );
        subject_antecedent(p, sentence, people, findings, first_mention);
    }
    if !p.quotes.quotes.is_empty() {
        passive_naming_claims(p, people, findings, &mut quote_used);
    }
    passive_agent_claims(p, people, findings, &mut quote_used);
    unclaimed_quotes(p, people, findings, &mut quote_used);
    // The index is for adding mentions only: its table goes to the next paragraph.
    scratch.by_span = std::mem::take(&mut findings.by_span);
    scratch.by_span.clear();
    scratch.quote_used = quote_used;
    SCRATCH.set(Some(scratch));
    findings
        .claims
        .sort_by_key(|c| (c.content.start, c.content.end));
    merge_interrupted_quotes(p, &mut findings.claims);
}

/// "“A,” she said. “B.”" is one utterance interrupted by its attribution: the
/// second quote, with no cue of its own, joins the first as a second part.
/// In place: each claim is joined to the last one kept before it, or kept.
fn merge_interrupted_quotes(p: &Para, claims: &mut Vec<Found>) {
    claims.dedup_by(|second, first| {
        // A title quoted inside the attribution ("told NBC's “Today”") may stand between.
        let consecutive = matches!((first.quote, second.quote), (Some(a), Some(b)) if b > a);
        let own_cue = second.cue.is_some() && second.cue != first.cue;
        let joins = first.kind == ClaimKind::Direct
            && second.kind == ClaimKind::Direct
            && consecutive
            && !own_cue
            && first.source == second.source
            && matches!(first.source, SourceRef::Mention(_))
            && between_is_attribution(p, first, second);
        if joins {
            // Parts are listed only for a claim of several pieces.
            if first.parts.is_empty() {
                first.parts.push(first.content.clone());
            }
            first.parts.push(second.content.clone());
            first.content.end = second.content.end;
        }
        joins
    });
}

/// Longest attribution that may interrupt a quote: "…,” Polish Prime Minister
/// Donald Tusk told reporters on his plane after leaving Berlin. “…".
const MAX_INTERRUPTION_BYTES: usize = 200;

/// Between two quotes there is only punctuation, or the first one's
/// attribution ending its sentence.
fn between_is_attribution(p: &Para, first: &Found, second: &Found) -> bool {
    let gap = &p.text()[first.content.end..second.content.start];
    if gap.chars().all(|c| !c.is_alphanumeric()) {
        return true;
    }
    first.cue.as_ref().is_some_and(|cue| {
        first.content.end <= cue.start
            && cue.end <= second.content.start
            && gap.len() < MAX_INTERRUPTION_BYTES
            && p.tokens()[token_range(p, first.content.end..second.content.start)]
                .iter()
                .filter(|t| t.kind.is_terminal())
                .count()
                <= 1
    })
}

fn add_mention(findings: &mut Findings, mention: Mention) -> usize {
    let key = (mention.span.start, mention.span.end);
    if let Some(&n) = findings.by_span.get(&key) {
        return n;
    }
    findings.mentions.push(mention);
    findings.by_span.insert(key, findings.mentions.len() - 1);
    findings.mentions.len() - 1
}

/// One sentence's cues and clauses, in vectors kept from sentence to
/// sentence of a paragraph: most sentences would otherwise allocate and
/// free each of them. And a paragraph's [`Findings::by_span`] table and
/// quote flags.
#[derive(Default)]
struct Scratch {
    cues: Vec<Cue>,
    clauses: Vec<Clause>,
    kept: Vec<Clause>,
    produced: Vec<Range<usize>>,
    by_span: FxHashMap<(usize, usize), usize>,
    /// Which of a paragraph's quotes a claim has taken.
    quote_used: Vec<bool>,
}

thread_local! {
    /// The sentence vectors, kept from paragraph to paragraph as well.
    static SCRATCH: std::cell::Cell<Option<Scratch>> = const { std::cell::Cell::new(None) };
}

/// Longest phrase between a participle in a subject and the verb after it, in tokens.
const MAX_PARTICIPLE_PHRASE: usize = 10;

/// Whether `cue` is a participle that modifies the noun of a subject whose
/// own verb is the cue `next`: "One delegate describing the split said",
/// "Residents complaining about noise told the council". The subject opens
/// the sentence with no verb of its own, and no comma, quote or "and"
/// comes between the two. ("The mayor was describing …", "after
/// describing …", "began describing …" are verbs.)
fn participle_in_subject(p: &Para, cue: &Cue, next: &Cue, sentence: &Range<usize>) -> bool {
    if cue.end != cue.start + 1
        || cue.according
        || p.lower(next.start).ends_with("ing")
        || next.start <= cue.end
        || next.start - cue.end > MAX_PARTICIPLE_PHRASE
    {
        return false;
    }
    let subject_has_no_verb = (sentence.start..cue.start)
        .all(|t| !source::looks_finite(p, t) && p.kind(t) != Kind::Comma && !p.inside_quote(t));
    let nothing_between =
        (cue.end..next.start).all(|t| !p.inside_quote(t) && !p.is_any(t, &["and", "or", "but"]));
    source::participle_in_phrase(p, cue.start, sentence.start, next.start)
        && subject_has_no_verb
        && nothing_between
}

fn sentence_claims(
    p: &Para,
    sentence: Range<usize>,
    people: &[Mention],
    findings: &mut Findings,
    quote_used: &mut [bool],
    scratch: &mut Scratch,
) {
    let Scratch {
        cues,
        clauses,
        kept,
        produced,
        ..
    } = scratch;
    let is_call = |cue: &Cue| {
        cue.class == CueClass::Call || naming::relative_naming(p, cue, sentence.end).is_some()
    };
    find_cues(p, sentence.clone(), cues);
    // "One delegate describing the split said …": a participle after the
    // subject's noun is part of the subject of the verb that follows.
    let mut i = 0;
    while i + 1 < cues.len() {
        if participle_in_subject(p, &cues[i], &cues[i + 1], &sentence) {
            cues.remove(i);
        } else {
            i += 1;
        }
    }
    // Clauses of two people: the mention that speaks, and the other one.
    let mut also_said: Vec<(usize, usize)> = Vec::new();
    // Split in two only when a sentence has a naming cue, as few do: no
    // vectors made and dropped for every other sentence.
    let call_cues: Vec<Cue> = if cues.iter().any(is_call) {
        let (call_cues, others) = cues.drain(..).partition(is_call);
        *cues = others;
        call_cues
    } else {
        Vec::new()
    };
    clauses.clear();
    for cue in cues.drain(..) {
        // A cue inside the span of an earlier clause's source or cue is part of it.
        if clauses
            .iter()
            .any(|c| (c.front..c.after).contains(&cue.start))
        {
            continue;
        }
        let Some(mut clause) = clause(p, cue, &sentence, clauses.last()) else {
            continue;
        };
        // "The agency quoted the minister as saying …": the one quoted
        // speaks, and the one quoting is the channel.
        // ("Ruiz was quoted by the agency as saying …", "… quoted in the
        // statement as saying …": that is the channel.)
        if let Some(quoted) = quoted_as_saying(p, cue.start, sentence.start) {
            if p.is_any(quoted.start, &grammar::PREPOSITIONS) {
                clause.channel = Some(quoted.start + 1..quoted.end);
            } else {
                // The one quoting is still there for a later "it" or "the
                // statement" to stand for.
                if let Some(quoting) = clause.source.take() {
                    findings
                        .antecedents
                        .extend(mentions::describe(p, quoting.clone(), people));
                    clause.channel = Some(quoting);
                }
                clause.source = Some(quoted);
            }
        }
        // "…, as police have said.": the "as" belongs to the reporting
        // clause, which the comma sets off from what it reports. (Only at
        // the sentence's end: "Last May, as the paper reported, Ruiz …" is
        // a scene before the content.)
        let ends_sentence = clause.after >= sentence.end || p.kind(clause.after).is_terminal();
        if ends_sentence
            && !clause.inverted
            && clause.front >= 2
            && p.is_any(clause.front - 1, &["as"])
            && is_comma_like(p, clause.front - 2)
        {
            clause.front -= 1;
        }
        // "Pilar Ortiz and Sam Dutton said": two people say it; the first
        // gets a copy of each claim the second's clause makes.
        let pair = match (&clause.source, clause.coordinated) {
            (Some(np), false) if !clause.inverted => {
                two_people(p, np.clone(), sentence.start, people)
            }
            _ => None,
        };
        if let Some((first, second)) = pair {
            clause.front = clause.front.min(p.token_at(first.span.start));
            let first = add_mention(findings, first);
            let second = add_mention(findings, second);
            clause.mention = Some(second);
            also_said.push((second, first));
            clauses.push(clause);
            continue;
        }
        let mention = match (&clause.source, clause.coordinated) {
            (_, true) => clauses.last().and_then(|c| c.mention),
            (Some(np), false) => {
                let relative = relative_pronoun(p, np.end, clause.cue.start).is_some();
                // ("An aide to Secretary Holt who asked …": with no comma,
                // "who" is the aide's; a name takes only ", who".)
                let named_last = (relative && np.end < p.len() && p.kind(np.end) == Kind::Comma)
                    .then(|| mentions::person_named_last(p, np.clone(), people))
                    .flatten();
                let np = if relative {
                    relative_antecedent(p, np.clone())
                } else {
                    np.clone()
                };
                mentions::in_apposition_to_a_name(p, np.clone(), people)
                    .filter(|_| relative)
                    .or(named_last)
                    .or_else(|| mentions::describe(p, np.clone(), people))
                    .or_else(|| {
                        clause
                            .cue
                            .according
                            .then(|| mentions::unnamed_document(p, np.clone()))
                    })
                    .map(|mut m| {
                        // "Vellum said it plans …": a name with no given name,
                        // title or honorific, speaking of itself as "it"; or
                        // as "its", with a first word no lexicon knows as a
                        // given name ("Kestrel Dynamics said its profits …").
                        if m.kind == MentionKind::Person
                            && (m.given.is_none() || says_its(p, clause.after))
                            && m.role.is_none()
                            && m.sex == Sex::Unknown
                            && !clause.inverted
                            && not_person::speaks_of_itself(p, clause.after)
                        {
                            m.kind = MentionKind::Organization;
                        }
                        if m.role.is_none() {
                            m.role = clause
                                .description
                                .clone()
                                .and_then(|d| role_in_description(p, d))
                                .map(|d| p.slice(d).into());
                        }
                        // "Lindholm Re, the world's largest reinsurer, said": a name
                        // described as an institution is one.
                        // ("Ana Holt of the Harbour Council, a … group": the
                        // description is the council's.) "One utility,
                        // Electricorp, said": described before the name.
                        let described_before = np.start >= 2
                            && p.kind(np.start - 1) == Kind::Comma
                            && not_person::describes_organization(p, np.start - 2, np.clone())
                            && np.start - 1 - p.sentence_of(np.start).start <= 3;
                        if m.kind == MentionKind::Person
                            && (!np.clone().any(|t| p.is_any(t, &["of"]))
                                && clause
                                    .description
                                    .as_ref()
                                    .is_some_and(|d| describes_institution(p, d.clone()))
                                || described_before && m.given.is_none())
                        {
                            m.kind = MentionKind::Organization;
                        }
                        // "Charles Barkley, who said …": the source as written is
                        // "who"; the speaker is still the one it stands for.
                        if let Some(who) = relative_pronoun(p, np.end, clause.cue.start) {
                            m.span = p.bytes(who);
                        }
                        add_mention(findings, m)
                    })
            }
            (None, false) => None,
        };
        let Some(mention) = mention else { continue };
        clause.mention = Some(mention);
        clauses.push(clause);
    }

    // A later clause inside an earlier clause's forward content is nested
    // speech ("X said Y told him …"): only the outer one counts, unless a
    // connective joins it ("…, although he added …", "…, adding that …").
    kept.clear();
    for clause in clauses.drain(..) {
        if let Some(prev) = kept.last() {
            let prev_forward = forward_start(p, prev, sentence.end);
            // "said his band and the crew wrote new songs": "and" after a
            // phrase with no verb joins two subjects of what was said.
            let and = [clause.front, clause.front.saturating_sub(1)]
                .into_iter()
                .find(|&t| t > sentence.start && p.is_any(t, &["and"]));
            // ("the plan works and …": a verb in -s; "the pilots and …": a
            // noun after its article.)
            let verb_at = |t: usize| {
                source::looks_finite(p, t)
                    || p.is_any(t, &grammar::AUXILIARIES)
                    || source::opens_predicate(p, t)
                        && !p.is_any(t - 1, &grammar::DETERMINERS)
                        && !p.is_any(t - 1, &grammar::POSSESSIVE_DETERMINERS)
            };
            // (Only after a verb that reports a clause: "acknowledged the
            // apology and said …" joins two verbs.)
            let joins_subjects = and.is_some_and(|and| {
                matches!(prev.cue.class, CueClass::Say | CueClass::Tell)
                    && !clause.coordinated
                    && p.is_word(and - 1)
                    && prev_forward.is_some_and(|start| {
                        start < and && (start..and).all(|t| !p.inside_quote(t) && !verb_at(t))
                    })
            });
            let joined = !joins_subjects
                && (clause.coordinated
                || clause.front > sentence.start
                    && (is_comma_like(p, clause.front - 1)
                        // "…; she said she was stunned": a clause of its own.
                        || p.kind(clause.front - 1) == Kind::Semicolon
                        || p.is_any(clause.front, &grammar::CONNECTIVES)
                        || p.is_any(clause.front - 1, &grammar::CONNECTIVES))
                // "praised the budget, which she said was …": a relative
                // clause set off by a comma says its own claim.
                || clause.front >= sentence.start + 2
                    && p.is_any(clause.front - 1, &["which", "who"])
                    && is_comma_like(p, clause.front - 2)
                    && forward_start(p, &clause, sentence.end).is_some()
                || zero_relative(p, &clause)
                || clause.inverted);
            // "reported that the interior minister, Halvard Brink, said …":
            // the comma sets off a name in apposition to the start of what
            // was reported, not a clause of its own.
            let appositive_subject = prev_forward.is_some_and(|start| {
                let before = start..clause.front.saturating_sub(1);
                clause.front > start + 1
                    // (the name set off on both sides: "…, Halvard Brink, said")
                    && clause.source.as_ref().is_some_and(|np| {
                        np.end + 1 == clause.cue.start && p.kind(np.end) == Kind::Comma
                    })
                    && !clause.coordinated
                    && !clause.inverted
                    && p.is_any(start, &grammar::DETERMINERS)
                    && before.len() <= MAX_APPOSITIVE_SUBJECT
                    && before
                        .clone()
                        .all(|t| p.is_word(t) && !source::looks_finite(p, t))
            });
            let joined = joined && !appositive_subject;
            // "Although she said it was a mistake, she added …": the main
            // clause after the earlier clause's subordinate one.
            let in_main_clause = subordinate_clause_end(p, prev, sentence.start, sentence.end)
                .is_some_and(|end| clause.front >= end);
            // "Ruiz, who questioned the mayor, said …": a clause whose
            // subject starts where the earlier clause's does, or before it,
            // holds that clause in its subject; it is not nested in it.
            let holds_prev = clause.front <= prev.front
                && !clause
                    .source
                    .as_ref()
                    .is_some_and(|np| np.contains(&prev.cue.start));
            if prev_forward.is_some() && !joined && !in_main_clause && !holds_prev {
                continue;
            }
        }
        kept.push(clause);
    }

    let mut previous_end = sentence.start;
    // Where the last clause's reported speech ran, when it ran forward
    // (from the bound before that clause to the end of its content).
    let mut last_forward: Option<(usize, usize)> = None;
    // Whether that speech was inside a relative aside of the sentence's
    // subject ("The accord, which has kept markets calm, appeared …").
    let mut last_in_relative_aside = false;
    // The claims each kept clause produced, as a range of `findings.claims`.
    produced.clear();
    for (n, clause) in kept.iter().enumerate() {
        let first_claim = findings.claims.len();
        let next_front = kept.get(n + 1).map_or(sentence.end, |next| {
            // "Ruiz, noting the size of the crowd, said …": the next clause's
            // subject stands before this one; what this one says ends at
            // the comma that closes it ("…, who has called for a vote, has
            // said …"), or else at the next cue.
            let front = if next.front > clause.cue.start {
                next.front
            } else {
                (clause.cue.end..next.cue.start)
                    .rev()
                    .find(|&t| p.kind(t) == Kind::Comma && !p.inside_quote(t))
                    .unwrap_or(next.cue.start)
            };
            connective_start(p, front, sentence.start)
        });
        // "Saying the port was unsafe, the mayor closed it": a participle
        // opening the sentence says what runs to its comma.
        // ("After saying the pier was safe, the board closed it": so too
        // after a preposition opening the sentence.)
        let opens_sentence = clause.cue.start == sentence.start
            || clause.cue.start == sentence.start + 1
                && (p.is_any(sentence.start, &source::SUBORDINATORS)
                    || p.is_any(sentence.start, &grammar::PREPOSITIONS));
        let opening_participle =
            opens_sentence && !clause.cue.according && p.lower(clause.cue.start).ends_with("ing")
                || clause::after_having(p, &clause.cue, &sentence);
        // ("The accord, which has kept markets calm, appeared in danger,
        // dealers said": a claim inside a relative aside ends at its comma
        // and leaves the whole sentence to a trailing cue.)
        let relative_aside = (!opening_participle)
            .then(|| relative_aside_end(p, clause, sentence.end))
            .flatten();
        let next_front = if opening_participle {
            (clause.after..next_front)
                .find(|&t| p.kind(t) == Kind::Comma && !p.inside_quote(t))
                .unwrap_or(next_front)
        } else {
            subordinate_clause_end(p, clause, sentence.start, sentence.end)
                .or(relative_aside)
                .map_or(next_front, |end| end.min(next_front))
        };
        let source = SourceRef::Mention(clause.mention.unwrap_or_default());
        let cue_bytes = Some(p.bytes(clause.cue.start..clause.cue_text_end.max(clause.cue.end)));
        let channel = clause.channel.clone().map(|c| p.bytes(c));
        let claim = |kind, content, quote| Found {
            kind,
            content,
            source,
            cue: cue_bytes.clone(),
            channel: channel.clone(),
            quote,
            parts: Vec::new(),
        };

        let mut found_any = false;
        let mut forward = None;
        // Content after the clause.
        if let Some(start) = forward_start(p, clause, sentence.end) {
            // The quote is the whole content, or the writer's gloss follows it:
            // "joked, “…,” drawing loud jeers".
            if let Some(q) = p.quotes.opening_at(start).filter(|&q| {
                let quote = p.quotes.quotes[q];
                let end = quote.close.map_or(p.len(), |c| c + 1);
                let rest = trim(p, end..next_front);
                rest.is_empty()
                    || p.is_word(rest.start)
                        && (p.lower(rest.start).ends_with("ing")
                            || p.is_any(rest.start, &["which", "according", "as"]))
            }) {
                let quote = p.quotes.quotes[q];
                if let Some(content) = quote_content(p, &quote) {
                    quote_used[q] = true;
                    findings
                        .claims
                        .push(claim(ClaimKind::Direct, content, Some(q)));
                    found_any = true;
                }
            } else {
                let answer = is_answer(p, start, next_front);
                let range = if answer {
                    start..start + 1
                } else {
                    let range = after_participle_cue(p, trim(p, start..next_front));
                    let range = within_relative_clause(p, clause, range);
                    let range = cut_trailing_gloss(p, range);
                    // (A relative aside has its end already.)
                    let range = cut_object_at_new_clause(p, clause, range);
                    if relative_aside.is_some() {
                        range
                    } else {
                        cut_main_clause(p, clause, range)
                    }
                };
                // ("warned against disunity": one word after a cue and its
                // preposition.)
                if word_count(p, range.clone()) >= 2
                    || answer
                    || clause.cue.takes_prepositional_object(p)
                {
                    forward = Some((previous_end, range.end));
                    partials_inside(p, range.clone(), quote_used, findings, &claim);
                    findings
                        .claims
                        .push(claim(ClaimKind::Indirect, p.bytes(range), None));
                    found_any = true;
                }
            }
        }
        // Content before the clause: "C, X said" / "“C,” X said" / "C, according to X".
        let parenthetical =
            clause.after < sentence.end && matches!(p.kind(clause.after), Kind::Comma | Kind::Dash);
        // "Putting the show together, Ruiz said, allowed her to relax": the
        // clause interrupts one content; its first half is not all of it.
        let mut interrupts = false;
        if !found_any
            && parenthetical
            && let Some(parts) = interrupted_content(p, clause, previous_end, next_front)
        {
            for part in &parts {
                partials_inside(
                    p,
                    token_range(p, part.clone()),
                    quote_used,
                    findings,
                    &claim,
                );
            }
            let mut found = claim(ClaimKind::Indirect, parts[0].start..parts[1].end, None);
            found.parts = parts.to_vec();
            findings.claims.push(found);
            found_any = true;
            interrupts = true;
        }
        // "Brill, a Lindholm Republican who warned of …": what stands
        // before the one "who" stands for is not what they said.
        let relative_source = !clause.inverted
            && clause
                .source
                .as_ref()
                .is_some_and(|np| relative_pronoun(p, np.end, clause.cue.start).is_some());
        // "X and Y are insisting the bridge stays open, a source said": a
        // clause ending the sentence reports the whole of it, the clause
        // whose content runs up to it included.
        // (Past a place or time: "…, the agency was quoted as saying by
        // the Harbour Gazette.")
        let ends_sentence = clause.after >= sentence.end
            || p.kind(clause.after).is_terminal()
            || only_adverbials(p, clause.after, sentence.end);
        let backward_from = match last_forward {
            Some((from, end))
                if ends_sentence
                    && (last_in_relative_aside || (end..clause.front).all(|t| !p.is_word(t))) =>
            {
                from
            }
            _ => previous_end,
        };
        // "He added that the pier was safe, he said": the same pronoun
        // reporting its own report again adds no claim.
        let reports_itself_again = backward_from != previous_end
            && n > 0
            && same_pronoun(p, kept[n - 1].source.as_ref(), clause.source.as_ref());
        if !interrupts
            && !relative_source
            && !reports_itself_again
            && (!found_any || clause.inverted || parenthetical)
            && let Some((kind, content, q)) =
                backward_content(p, clause, backward_from, &sentence, quote_used)
            // "Holding open a book, Beck said, “…”": with the quote after,
            // an adverbial before the clause is scene, not content. ("Although
            // the board has maintained that …, Hale said, “…”": nor is the
            // rest of another cue's clause.)
            && !(found_any
                && kind == ClaimKind::Indirect
                && (opens_adverbial(p, content.start) || p.word(content.start) == "that"))
            // "…, advising graduates to rest, and telling the class, “…”": a
            // participle hung on the clause before says what follows it.
            && !(kind == ClaimKind::Indirect && clause::trailing_participle(p, &clause.cue, &sentence))
        {
            if let Some(q) = q {
                quote_used[q] = true;
            }
            if kind == ClaimKind::Indirect {
                let range = content.clone();
                partials_inside(p, range.clone(), quote_used, findings, &claim);
                findings.claims.push(claim(kind, p.bytes(range), q));
            } else {
                findings.claims.push(claim(kind, p.bytes(content), q));
            }
            found_any = true;
        }
        // "“C,” X said, “D.”": a second quote straight after the clause.
        if clause.inverted || found_any {
            let k = clause.after;
            if k + 1 < sentence.end
                && matches!(p.kind(k), Kind::Comma | Kind::Colon)
                && let Some(q) = p.quotes.opening_at(k + 1).filter(|&q| !quote_used[q])
                && let Some(content) = quote_content(p, &p.quotes.quotes[q])
            {
                quote_used[q] = true;
                findings
                    .claims
                    .push(claim(ClaimKind::Direct, content, Some(q)));
            }
        }
        let k = clause.after;
        // "At the heart of it, according to officials, was a decision": an
        // "according to" between subject and verb interrupts its content too.
        if !found_any
            && (!clause.inverted || clause.cue.according)
            && let Some(parts) = interrupted_content(p, clause, previous_end, next_front)
        {
            let mut found = claim(ClaimKind::Indirect, parts[0].start..parts[1].end, None);
            found.parts = parts.to_vec();
            findings.claims.push(found);
            found_any = true;
        }
        // "Still, he said, the council must choose", "Since May, according
        // to the agency, 400 people have died": a clause after a reporting
        // clause set off by commas, when nothing came before it.
        if !found_any
            && (!clause.inverted || clause.cue.according)
            && k + 1 < next_front
            && p.kind(k) == Kind::Comma
            && takes_bare_clause(p, k + 1)
            && !p.lower(k + 1).ends_with("ing")
            && !p.is_any(k + 1, &QUESTION_WORDS)
        {
            let range = cut_trailing_gloss(p, trim(p, k + 1..next_front));
            if word_count(p, range.clone()) >= 3 {
                partials_inside(p, range.clone(), quote_used, findings, &claim);
                findings
                    .claims
                    .push(claim(ClaimKind::Indirect, p.bytes(range), None));
                found_any = true;
            }
        }
        // "Ana Ruiz continued:" closing the paragraph introduces the next one.
        if !found_any && k + 1 == p.len() && p.kind(k) == Kind::Colon && !clause.inverted {
            findings.introduces = clause.mention;
        }
        if found_any {
            previous_end = clause.after;
        }
        last_forward = forward;
        last_in_relative_aside = relative_aside.is_some();
        produced.push(first_claim..findings.claims.len());
    }
    nested_channels(p, kept, produced, findings);
    for &(second, first) in &also_said {
        let copies: Vec<Found> = produced
            .iter()
            .flat_map(|range| &findings.claims[range.clone()])
            .filter(|claim| claim.source == SourceRef::Mention(second))
            .map(|claim| Found {
                source: SourceRef::Mention(first),
                ..claim.clone()
            })
            .collect();
        findings.claims.extend(copies);
    }
    naming_claims(p, &sentence, &call_cues, kept, people, findings, quote_used);
}

/// Longest name of one of two people joined by "and", in tokens.
const MAX_PAIRED_NAME: usize = 4;

/// "Pilar Ortiz and Sam Dutton": two names of people joined by "and", each
/// described as a person on its own; `np` is the source as found, the
/// second name or both.
fn two_people(
    p: &Para,
    np: Range<usize>,
    floor: usize,
    people: &[Mention],
) -> Option<(Mention, Mention)> {
    // ("Standard and Poor's", "the Department of Trade and Industry": a
    // source read with its "and" is one, unless both halves are names.)
    let mut joined = false;
    let (first, second) = match np.clone().find(|&t| p.is_any(t, &["and"])) {
        Some(and) => {
            joined = true;
            (np.start..and, and + 1..np.end)
        }
        None if np.start >= floor + 2 && p.is_any(np.start - 1, &["and"]) => {
            let end = np.start - 1;
            let back = |fits: &dyn Fn(usize) -> bool| {
                (floor..end)
                    .rev()
                    .take(MAX_PAIRED_NAME)
                    .take_while(|&t| fits(t))
                    .last()
            };
            // A name before "and", or else a short description.
            let start = back(&|t| mentions::is_name_word(p, t))
                .or_else(|| back(&|t| p.is_word(t) || p.kind(t) == Kind::Possessive))?;
            (start..end, np)
        }
        None => return None,
    };
    let plain_name = |range: &Range<usize>| {
        (2..=MAX_PAIRED_NAME).contains(&range.len())
            && range.clone().all(|t| mentions::is_name_word(p, t))
    };
    if plain_name(&first) && plain_name(&second) {
        let person = |range: Range<usize>| {
            mentions::describe(p, range, people)
                .filter(|m| m.kind == MentionKind::Person && m.given.is_some())
        };
        return Some((person(first)?, person(second)?));
    }
    // "The mayor and the governor said", "Hale and Ruiz said": two
    // singular sources, each a description or a person's surname.
    // ("But both Vantor and Harbourex said": "both" marks two sources, any
    // two names.)
    let mut first = first;
    if first.len() > 1 && p.is_any(first.start, &["both"]) {
        first.start += 1;
    }
    let both = first.start > floor && p.is_any(first.start - 1, &["both"]);
    let bounded = first.start == floor || is_comma_like(p, first.start - 1) || both;
    if joined
        || !bounded
        || !one_source(p, first.clone(), people, both)
        || !one_source(p, second.clone(), people, both)
    {
        return None;
    }
    let source = |range: Range<usize>| {
        mentions::describe(p, range, people).filter(|m| {
            matches!(
                m.kind,
                MentionKind::Person | MentionKind::Anonymous | MentionKind::Organization
            ) && !m.plural
        })
    };
    Some((source(first)?, source(second)?))
}

/// Whether `range` reads as one source of a pair joined by "and": the
/// surname of a person the paragraph names (after "both", any one-word
/// name), or a short phrase opened by a determiner, with no verb and no
/// preposition but "of" ("the Secretary of State").
fn one_source(p: &Para, range: Range<usize>, people: &[Mention], both: bool) -> bool {
    let words = word_count(p, range.clone());
    let opener = range.start;
    let surname = words == 1
        && range.len() == 1
        && (both && mentions::is_name_word(p, opener)
            || people.iter().any(|m| {
                m.kind == MentionKind::Person && m.surname.as_deref() == Some(p.lower(opener))
            }));
    let description = (2..=MAX_PAIRED_NAME).contains(&words)
        && p.is_any(opener, &source::PHRASE_DETERMINERS)
        && range.clone().all(|t| {
            (p.is_word(t) || p.kind(t) == Kind::Possessive)
                && !source::looks_finite(p, t)
                && (!p.is_any(t, &grammar::PREPOSITIONS) || p.is_any(t, &["of"]))
        });
    // ("Tom Vell and his deputy said": a person's full name beside a
    // description.)
    let full_name = (2..=MAX_PAIRED_NAME).contains(&words)
        && p.is_capitalized(range.end - 1)
        && mentions::describe(p, range, people)
            .is_some_and(|m| m.kind == MentionKind::Person && m.given.is_some());
    surname || description || full_name
}

/// "According to pool reports, Obama said “…”", "“…,” Hewitt said,
/// according to a transcript": the outer source reports what the inner one
/// said. An "according to" with no content of its own next to a clause with
/// claims makes the same claims, with its own source and cue.
fn nested_channels(p: &Para, kept: &[Clause], produced: &[Range<usize>], findings: &mut Findings) {
    for (n, clause) in kept.iter().enumerate() {
        if !clause.cue.according || !produced[n].is_empty() {
            continue;
        }
        let Some(mention) = clause.mention else {
            continue;
        };
        let inner = [n + 1, n.wrapping_sub(1)]
            .into_iter()
            .find(|&m| m < kept.len() && !produced[m].is_empty());
        let Some(inner) = inner else { continue };
        let cue = Some(p.bytes(clause.cue.start..clause.cue.end));
        let copies: Vec<Found> = findings.claims[produced[inner].clone()]
            .iter()
            .filter(|c| c.kind != ClaimKind::Partial)
            .map(|c| Found {
                kind: c.kind,
                content: c.content.clone(),
                source: SourceRef::Mention(mention),
                cue: cue.clone(),
                channel: None,
                quote: None,
                parts: c.parts.clone(),
            })
            .collect();
        findings.claims.extend(copies);
    }
}

/// Longest phrase a name after a comma may stand in apposition to, in tokens.
const MAX_APPOSITIVE_SUBJECT: usize = 6;

/// Whether two sources are the same personal pronoun ("he" … "he").
fn same_pronoun(p: &Para, a: Option<&Range<usize>>, b: Option<&Range<usize>>) -> bool {
    let pronoun = |range: Option<&Range<usize>>| {
        range
            .filter(|r| r.len() == 1 && Pronoun::parse(p.lower(r.start)).is_some())
            .map(|r| p.lower(r.start))
    };
    pronoun(a).is_some_and(|a| pronoun(b) == Some(a))
}

/// Longest phrase between "quoted" and "as saying", in tokens.
const MAX_QUOTED_TOKENS: usize = 10;

/// "quoted the finance minister as saying", "cited Ana Ruiz as saying": the
/// phrase quoted, before a participle of saying at `cue` (or "by" and the
/// one quoting, in "was quoted by the agency as saying").
fn quoted_as_saying(p: &Para, cue: usize, floor: usize) -> Option<Range<usize>> {
    if !p.lower(cue).ends_with("ing") || cue < floor + 3 || !p.is_any(cue - 1, &["as"]) {
        return None;
    }
    let verb = (floor..cue - 1)
        .rev()
        .take(MAX_QUOTED_TOKENS + 1)
        .take_while(|&t| p.kind(t).is_wordlike() && !p.inside_quote(t))
        .find(|&t| p.is_any(t, &["quoted", "cited"]))?;
    // ("was quoted as saying" has no phrase between: the subject speaks.)
    let phrase = verb + 1..cue - 1;
    let passive = p.is_any(phrase.start, &grammar::PREPOSITIONS);
    (phrase.len() > usize::from(passive)).then_some(phrase)
}

/// Whether the clause at `k` (after a cue, or its "that") opens with "its".
fn says_its(p: &Para, k: usize) -> bool {
    let k = if k < p.len() && p.is_any(k, &["that"]) {
        k + 1
    } else {
        k
    };
    k < p.len() && p.word(k) == "its"
}

/// The part of an appositive that says what the person does: "Ana Ruiz,
/// 43, a nurse, said" → "a nurse"; an age or a hometown alone ("43, of
/// Riverton") says nothing of the kind.
fn role_in_description(p: &Para, description: Range<usize>) -> Option<Range<usize>> {
    let mut start = description.start;
    while start < description.end && matches!(p.kind(start), Kind::Number | Kind::Comma) {
        start += 1;
    }
    let rest = start..description.end;
    (!rest.is_empty() && !p.is_any(rest.start, &["of", "from"])).then_some(rest)
}

/// "the world's biggest reinsurer", "one utility": a description whose head
/// (its last word before any "of" phrase) names an institution.
fn describes_institution(p: &Para, description: Range<usize>) -> bool {
    // "one of Russia's biggest companies": the head of what it is one of.
    let description = if description.len() > 2
        && p.is_any(description.start, &["one"])
        && p.is_any(description.start + 1, &["of"])
    {
        description.start + 2..description.end
    } else {
        description
    };
    // "a Dane who runs the bank's … department", "representing the
    // attorney general's office": a person who does.
    let acts = p.is_word(description.start) && p.lower(description.start).ends_with("ing");
    if acts || description.clone().any(|t| p.is_any(t, &["who", "whose"])) {
        return false;
    }
    let head = description
        .clone()
        .find(|&t| p.is_any(t, &["of", "in", "at", "for", "with", "that", "which"]))
        .unwrap_or(description.end);
    (description.start..head)
        .rev()
        .find(|&t| p.is_word(t))
        .is_some_and(|t| {
            let lower = p.lower(t);
            !p.is_capitalized(t)
                && (lexicon().is_organization_head(lower)
                    || lexicon().is_organization_head(&mentions::singular(lower)))
        })
}

/// "In February, as …", "Holding open a book", "Tuesday at the university":
/// a phrase that sets the scene rather than says something ("Though talks
/// remain, one said, “…”" opens with a clause that is said).
fn opens_adverbial(p: &Para, t: usize) -> bool {
    p.is_word(t)
        && (p.is_any(t, &source::INTRODUCTORY)
            || p.is_any(t, &grammar::PREPOSITIONS)
            || p.is_any(t, &grammar::DAYS)
            || p.lower(t).ends_with("ing") && lexicon().cue(p.lower(t)).is_none())
}

/// "tweeted on Friday saying the vote was rigged": the content starts after
/// a participle of saying (and its "that") that opens it.
fn after_participle_cue(p: &Para, range: Range<usize>) -> Range<usize> {
    let participle = range.len() > 2
        && p.lower(range.start).ends_with("ing")
        && lexicon()
            .cue(p.lower(range.start))
            .is_some_and(|class| class == CueClass::Say);
    if !participle {
        return range;
    }
    let start = range.start + 1;
    let start = if p.is_any(start, &["that"]) {
        start + 1
    } else {
        start
    };
    start..range.end
}

/// The relative pronoun between a source and its cue: "Ana Ruiz, who said",
/// "the agency, which reported".
/// Only a pronoun whose clause the cue heads counts: in "Kerry, who lost,
/// said" the cue is the main clause's.
fn relative_pronoun(p: &Para, source_end: usize, cue: usize) -> Option<Range<usize>> {
    let who = (source_end..cue).find(|&t| p.kind(t) != Kind::Comma)?;
    let heads_it = |end: usize| source::skip_auxiliaries_left(p, cue, source_end) == end;
    // "many of whom", "some of which"
    if who + 3 <= cue && source::counted_relative(p, who) && heads_it(who + 3) {
        return Some(who..who + 3);
    }
    (heads_it(who + 1) && p.is_any(who, &["who", "which"])).then_some(who..who + 1)
}

/// "The vote keeps in place a mayor who said …", "Ruiz rejected reports
/// which said …": what "who" and "which" stand for, the last phrase of `np`
/// before them, from an article nothing links to the words before it or
/// from the word after a verb.
fn relative_antecedent(p: &Para, np: Range<usize>) -> Range<usize> {
    let after_verb = |t: usize| {
        !p.is_capitalized(t - 1)
            && source::looks_finite(p, t - 1)
            && !p.is_any(t - 1, &grammar::AUXILIARIES)
            && p.is_word(t)
            && !p.is_any(t, &grammar::PREPOSITIONS)
    };
    let start = (np.start + 1..np.end)
        .rev()
        .find(|&t| source::article_opens_phrase(p, t, np.start) || after_verb(t))
        .unwrap_or(np.start);
    start..np.end
}

/// Longest subject a cue may interrupt, in tokens.
const MAX_INTERRUPTED_SUBJECT: usize = 12;

/// "The deal, Ruiz said, was never on the table", "Housing, the mayor often
/// says, is the first problem": a reporting clause set off by commas between
/// a subject and its verb. Returns the two halves of the content, as bytes.
fn interrupted_content(
    p: &Para,
    clause: &Clause,
    previous_end: usize,
    next_front: usize,
) -> Option<[Range<usize>; 2]> {
    let k = clause.after;
    let comma_before = clause.front.checked_sub(1)?;
    if k + 1 >= next_front {
        return None;
    }
    // Set off by commas or by dashes ("The deal — officials said — was …").
    let set_off = matches!(
        (p.kind(comma_before), p.kind(k)),
        (Kind::Comma, Kind::Comma) | (Kind::Dash, Kind::Dash)
    );
    if !set_off || p.inside_quote(comma_before) {
        return None;
    }
    let verb = k + 1;
    let predicate = source::opens_predicate(p, verb);
    let subject = trim(p, previous_end..comma_before);
    let plain_subject = !subject.is_empty()
        && subject.len() <= MAX_INTERRUPTED_SUBJECT
        && subject.clone().all(|t| {
            !p.inside_quote(t)
                && !matches!(p.kind(t), Kind::Comma | Kind::Quote(_))
                && !p.is_any(t, &source::FINITE_VERBS)
        });
    let rest = cut_trailing_gloss(p, trim(p, verb..next_front));
    // "Unless countries act, the experts say, the world will suffer": a
    // subordinate clause, then its main clause after the reporting clause.
    // "Within months of the deal, Ruiz said, the chain cut prices": so too
    // a phrase that a preposition opens.
    let subordinate_then_main = !subject.is_empty()
        && (p.is_any(subject.start, &source::SUBORDINATORS)
            || p.is_any(subject.start, &grammar::PREPOSITIONS) && plain_subject)
        && !p.inside_quote(subject.start)
        && takes_bare_clause(p, verb)
        && rest.clone().take(MAX_INTERRUPTED_SUBJECT).any(|t| {
            source::looks_finite(p, t)
                || p.is_any(t, &grammar::AUXILIARIES)
                || t > rest.start && p.is_any(t, &grammar::AMBIGUOUS_PAST)
        });
    ((predicate && plain_subject || subordinate_then_main) && word_count(p, rest.clone()) >= 2)
        .then(|| [p.bytes(subject), p.bytes(rest)])
}

/// Question words that do not open a bare clause after a reporting clause set off by commas ("Still, he said, who ...").
static QUESTION_WORDS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("question_words");
