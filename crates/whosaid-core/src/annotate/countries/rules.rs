//! What one gazetteer match means, judged from the words around it.
//!
//! The trie knows nothing of word boundaries; these rules put them back and
//! tell a country from the other things its name can be: a person ("Michael
//! Jordan"), a language ("in French"), a US state ("Atlanta, Georgia"), a town
//! elsewhere ("Paris, Texas"), an ordinary word ("give US more" in capitals).

use crate::vocabulary::{WordSet, with_ascii_lowercase};
use std::cell::OnceCell;

use super::gazetteer::{Entry, Form, Gazetteer, Target};
use super::text::{
    Style, bare, char_after, char_before, ends_with_break, is_caps_word, is_one_of, is_word_char,
    opens_sentence, starts_upper, token_after, token_before,
};

/// The verdict on one match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Not a match at all (glued to a word, wrong case): look again one character on.
    Skip,
    /// Names the place.
    Place,
    /// A longer phrase that is not a place ("New Mexico"); its words are used up.
    NotPlace,
    /// A person's name here; after a given name or title it is a family name
    /// ("Michael Jordan"), which the whole story then keeps.
    Person { family_name: bool },
    /// A town of that name in a US state or Canadian province ("Paris, Texas");
    /// `home` when the story names it as its own subject: "the city of Turkey",
    /// or "Peru, Ind." opening a paragraph (a dateline).
    Town { home: bool },
    /// The US state ("Washington state", "Atlanta, Georgia").
    State,
    /// A language ("in French", "Russian-speaking").
    Language,
}

/// The words that may follow a country's name inside a capitalised phrase that
/// still names the country ("Jordan Foreign Minister"), unlike "Jordan Peterson".
static STATE_WORDS: WordSet = crate::vocabulary::word_set!("country_state_words");

/// Capitalised words before a comma that are not towns: "On Monday, Washington said".
static NOT_TOWNS: WordSet = crate::vocabulary::word_set!("not_towns");

/// Last words of an organization's name that starts with a country's name or
/// demonym: "American Psychological Association", "British Airways".
/// Nouns a demonym describes as a style, not a country: "Italian dressing",
/// "a Thai restaurant".
static PRODUCT_NOUNS: WordSet = crate::vocabulary::word_set!("demonym_product_nouns");

/// Dishes and drinks a demonym describes as a style: "a Thai curry".
static DISH_NOUNS: WordSet = crate::vocabulary::word_set!("demonym_dish_nouns");

/// Words of trade after such a dish or drink: "Vietnamese coffee exports".
static TRADE_NOUNS: WordSet = crate::vocabulary::word_set!("demonym_trade_nouns");

static ORGANIZATION_HEADS: WordSet = crate::vocabulary::word_set!("country_organization_heads");

/// Last words of a street's or neighbourhood's name: "Jamaica Estates", "Jordan
/// Avenue". A country's own name inside an institution's name still names it
/// ("the Bank of Japan", "Korea Exchange Bank"); inside a street's it does not.
static STREET_HEADS: WordSet = crate::vocabulary::word_set!("street_heads");

/// Titles before a family name.
static TITLES: WordSet = crate::vocabulary::word_set!("family_name_titles");

/// Given names in the census list that are, far more often, ordinary words or
/// titles before a place ("King", "May").
static NOT_GIVEN_NAMES: WordSet = crate::vocabulary::word_set!("not_given_names");

/// Capitalised words that go before a country's name mid-sentence without
/// making it a person's: "Soviet Georgia", "Communist China".
static PLACE_ADJECTIVES: WordSet = crate::vocabulary::word_set!("place_adjectives");

/// Words before a demonym that make it a language: "speaks Ukrainian".
static LANGUAGE_BEFORE: WordSet = crate::vocabulary::word_set!("language_before");

/// Words between a verb of speaking and a language ("spoke only Greek").
static LANGUAGE_MODIFIERS: WordSet = crate::vocabulary::word_set!("language_modifiers");

/// Words after a demonym that make it a language: "the Polish language".
static LANGUAGE_AFTER: WordSet = crate::vocabulary::word_set!("language_after");

/// Words that cannot be the noun a demonym qualifies: after "in French" they
/// leave "French" standing alone, as a language.
static FUNCTION_WORDS: WordSet = crate::vocabulary::word_set!("demonym_function_words");

/// Everything the rules need besides the match itself.
pub(crate) struct Context<'a> {
    pub gazetteer: &'a Gazetteer,
    pub text: &'a str,
    /// Whether the paragraph is a heading (a title-case line).
    pub heading: bool,
    /// Worked out on first need: most paragraphs never need it.
    pub style: OnceCell<Style>,
    /// Where the last place matched in this paragraph ended, so that "Kyiv,
    /// Washington" reads as a list of places, not a town and its state.
    pub last_place_end: Option<usize>,
    /// Where the last language ended: "in Ukrainian and Russian" lists two.
    pub last_language_end: Option<usize>,
}

impl Context<'_> {
    fn style(&self) -> Style {
        *self
            .style
            .get_or_init(|| Style::of(self.text, self.heading))
    }
}

pub(crate) fn judge(cx: &Context, start: usize, end: usize, entry: &Entry) -> Verdict {
    let text = cx.text;
    if char_before(text, start).is_some_and(is_word_char) {
        return Verdict::Skip;
    }
    let phrase_like = matches!(entry.form, Form::NotPlace | Form::State | Form::Province);
    // "Guinea pigs", "Indianapolis": the longer non-place may run on.
    if !phrase_like && char_after(text, end).is_some_and(is_word_char) {
        return Verdict::Skip;
    }
    if entry.target == Target::Nothing {
        return Verdict::NotPlace;
    }
    if entry.flags.caps && is_caps_word_here(cx, start, end) {
        return Verdict::Skip;
    }
    // "un-American": a word of its own.
    if text[..start].ends_with("un-") || text[..start].ends_with("Un-") {
        return Verdict::NotPlace;
    }
    if let Some((at, before)) = token_before(text, start) {
        // "Little Italy": a neighbourhood; "Stade de France", "Banco de Portugal":
        // a name in another language.
        if NOT_PLACE_BEFORE.contains(before) {
            return Verdict::NotPlace;
        }
        // "University of Ottawa": an institution's name.
        if before == "of"
            && token_before(text, at).is_some_and(|(_, t)| matches!(t, "University" | "College"))
        {
            return Verdict::NotPlace;
        }
        // "the city of Turkey" (Texas): a country is never a town.
        if entry.form == Form::Name
            && before == "of"
            && token_before(text, at).is_some_and(|(_, t)| is_one_of(bare(t), TOWN_WORDS.words()))
        {
            return Verdict::Town { home: true };
        }
    }
    let heads: &[&WordSet] = match entry.form {
        Form::Demonym => &[&ORGANIZATION_HEADS, &STREET_HEADS, &PRODUCT_NOUNS],
        Form::Name => &[&STREET_HEADS],
        _ => &[],
    };
    if !heads.is_empty() && ends_in_a_name(cx, end, heads) {
        return Verdict::NotPlace;
    }
    if entry.form == Form::Demonym && names_a_dish(cx.text, end) {
        return Verdict::NotPlace;
    }
    let single_place = matches!(entry.form, Form::Name | Form::Capital | Form::Seat);
    if single_place && followed_by_subdivision(cx, end, entry.target) {
        return Verdict::Town { home: start == 0 };
    }
    if entry.flags.state && is_state_here(cx, start, end) {
        return Verdict::State;
    }
    if entry.flags.person {
        if let Some(family_name) = person_here(cx, start, end) {
            return Verdict::Person { family_name };
        }
    } else if entry.form == Form::Capital && (starts_a_name(cx, end) || ends_a_name(cx, start)) {
        // "Ottawa Senators", "Air Berlin", "Real Madrid": a name with the city in it.
        return Verdict::NotPlace;
    }
    if entry.flags.lang && entry.form == Form::Demonym && is_language_here(cx, start, end) {
        return Verdict::Language;
    }
    Verdict::Place
}

/// "GIVE US MORE", "US$": an abbreviation that is also a word or a currency sign.
fn is_caps_word_here(cx: &Context, start: usize, end: usize) -> bool {
    let text = cx.text;
    if char_after(text, end) == Some('$') {
        return true;
    }
    let before = token_before(text, start).map(|(_, t)| t);
    let after = token_after(text, end).map(|(_, t)| t);
    if before.is_some_and(|t| bare(t) == "THE") {
        return false;
    }
    let caps = |t: Option<&str>| t.is_some_and(|t| is_caps_word(bare(t)));
    match (before, after) {
        (Some(_), Some(_)) => caps(before) && caps(after),
        (None, None) => false,
        _ => cx.style().all_caps && (caps(before) || caps(after)),
    }
}

/// ", Texas" / ", Ont." right after the name. Not "Tbilisi, Georgia" (the
/// same country) nor "Kyiv, Washington and Berlin" (a list).
fn followed_by_subdivision(cx: &Context, end: usize, target: Target) -> bool {
    let Some(rest) = cx.text[end..].strip_prefix(", ") else {
        return false;
    };
    let Some((candidate, words_end)) = subdivision_at(cx, rest) else {
        return false;
    };
    match cx.gazetteer.target_of(candidate) {
        // Georgia, Washington: also a country or capital.
        Some(place) => {
            let after = &rest[words_end..];
            let listed = after.starts_with(" and ") || after.starts_with(" or ");
            place != target && !listed
        }
        // "Idaho and Samoa, Maine, Utah": a list of places, not a town and
        // its state.
        None => !next_in_list_is_subdivision(cx, &rest[candidate.len()..]),
    }
}

/// The subdivision that `text` opens with, in up to three words ("Prince
/// Edward Island", "N.W.T."), without the mark after it; and where its last
/// word ends, mark included.
fn subdivision_at<'t>(cx: &Context, text: &'t str) -> Option<(&'t str, usize)> {
    let known = |name: &str| cx.gazetteer.subdivisions.contains(name);
    let mut words_end = 0;
    for (i, word) in text.split(' ').take(3).enumerate() {
        words_end += word.len() + usize::from(i > 0);
        let candidate = text[..words_end].trim_end_matches([',', ';', ')', ':']);
        if known(candidate) || known(candidate.trim_end_matches('.')) {
            return Some((candidate, words_end));
        }
    }
    None
}

/// What joins the places of a list: "Iowa, North Dakota and Washington".
const LIST_JOINS: &[&str] = &[", and ", ", or ", " and ", " or ", ", "];

/// Whether `after` (the text after a subdivision) goes on with another one
/// in a list: ", Utah", " and Utah", ", New Mexico".
fn next_in_list_is_subdivision(cx: &Context, after: &str) -> bool {
    LIST_JOINS
        .iter()
        .find_map(|j| after.strip_prefix(j))
        .is_some_and(|tail| subdivision_at(cx, tail).is_some())
}

/// "Washington state", "the state of Georgia", "Atlanta, Georgia", "Iowa and
/// Washington".
fn is_state_here(cx: &Context, start: usize, end: usize) -> bool {
    let text = cx.text;
    if listed_with_a_state(cx, start, end) {
        return true;
    }
    if let Some((_, next)) = token_after(text, end)
        && bare(next).eq_ignore_ascii_case("state")
    {
        return true;
    }
    if let Some((at, of)) = token_before(text, start)
        && of == "of"
        && token_before(text, at).is_some_and(|(_, t)| bare(t).eq_ignore_ascii_case("state"))
    {
        return true;
    }
    // "<Town>, Georgia" where the town is not itself a place we know.
    if let Some(head) = text[..start].strip_suffix(", ") {
        let town_start = head
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let town = &head[town_start..];
        return starts_upper(town)
            && town
                .chars()
                .all(|c| c.is_alphabetic() || c == '.' || c == '-')
            && !NOT_TOWNS.contains(town)
            && !opens_sentence(text, town_start)
            && cx.last_place_end != Some(head.len());
    }
    false
}

/// In a list with a US state: "Iowa, North Dakota and Washington", "Georgia or Ohio".
fn listed_with_a_state(cx: &Context, start: usize, end: usize) -> bool {
    let text = cx.text;
    let is_state = |words: &str| cx.gazetteer.us_states.contains(words);
    let head = &text[..start];
    if let Some(head) = LIST_JOINS.iter().find_map(|j| head.strip_suffix(j)) {
        let mut words = head.rsplit(' ');
        let last = words.next().unwrap_or("");
        let two = words.next().map(|w| format!("{w} {last}"));
        if is_state(last) || two.as_deref().is_some_and(is_state) {
            return true;
        }
    }
    let tail = &text[end..];
    if let Some(tail) = LIST_JOINS.iter().find_map(|j| tail.strip_prefix(j)) {
        let mut words = tail.split(' ');
        let first = words.next().unwrap_or("").trim_end_matches([',', '.', ';']);
        let second = words
            .next()
            .map(|w| format!("{first} {}", w.trim_end_matches([',', '.', ';'])));
        if is_state(first) || second.as_deref().is_some_and(is_state) {
            return true;
        }
    }
    false
}

/// Whether a name that is also a person's is one here: `Some(true)` after a given
/// name, title or initial ("Michael Jordan", "Mr. Jordan"), `Some(false)` before a
/// family name ("Jordan Peterson", "Chad Smith").
fn person_here(cx: &Context, start: usize, end: usize) -> Option<bool> {
    let text = cx.text;
    if let Some((at, before)) = token_before(text, start)
        && !ends_with_break(before)
        && !before.ends_with("'s")
        && !before.ends_with("’s")
    {
        let word = before.trim_start_matches(['(', '"', '“', '‘', '\'']);
        let core = word.trim_end_matches('.');
        let initial = core.len() == 1 && word.ends_with('.') && starts_upper(core);
        let title = TITLES.contains(core);
        let given = cx.gazetteer.given_names.contains(core) && !NOT_GIVEN_NAMES.contains(core);
        // Any other capitalised word mid-sentence reads as a first name too
        // ("Denzel Washington"), unless headline capitals make every word one.
        let other_name = starts_upper(core)
            && !is_caps_word(core)
            && core.chars().all(char::is_alphabetic)
            && !PLACE_ADJECTIVES.contains(core)
            && !opens_sentence(text, at + (before.len() - word.len()))
            && cx.last_place_end != Some(at + before.len())
            && !cx.style().title_case;
        if initial || title || given || other_name {
            return Some(true);
        }
    }
    starts_a_name(cx, end).then_some(false)
}

/// A capitalised word mid-sentence right before the name: "Air Berlin", "North London".
fn ends_a_name(cx: &Context, start: usize) -> bool {
    let text = cx.text;
    let Some((at, before)) = token_before(text, start) else {
        return false;
    };
    !ends_with_break(before)
        && starts_upper(before)
        && before.chars().all(char::is_alphabetic)
        && !opens_sentence(text, at)
        && cx.last_place_end != Some(at + before.len())
        // Last: the style reads the whole paragraph the first time.
        && !(cx.style().title_case || cx.style().all_caps)
}

/// Words before a place that make it where something happens, or where someone
/// goes, not who acts.
static LOCATIVE: WordSet = crate::vocabulary::word_set!("locative_words");

/// A capital used for its government ("Kyiv supports", "get Moscow to accept"),
/// not as the place where something happens ("a rally in Washington",
/// "London's airports", "a Paris-based firm", "Washington (CNN)").
pub(crate) fn acts_as_government(text: &str, start: usize, end: usize) -> bool {
    let rest = &text[end..];
    if rest.starts_with(['\'', '’', '-']) || rest.trim_start().starts_with('(') {
        return false;
    }
    !token_before(text, start).is_some_and(|(_, before)| is_one_of(bare(before), LOCATIVE.words()))
}

/// The name runs on into another capitalised word ("Jordan Peterson", "Washington
/// Post"), which headline capitals and words like "President" do not count as.
fn starts_a_name(cx: &Context, end: usize) -> bool {
    let text = cx.text;
    if !text[end..].starts_with(' ') {
        return false;
    }
    let Some((_, next)) = token_after(text, end) else {
        return false;
    };
    let word = next.trim_end_matches(|c: char| !is_word_char(c));
    starts_upper(word)
        && word.chars().next().is_some_and(char::is_alphabetic)
        && !STATE_WORDS.contains(word)
        && !matches!(word, "D.C" | "DC")
        // Last: the style reads the whole paragraph the first time.
        && !(cx.style().title_case || cx.style().all_caps)
}

/// A run of capitalised words after the name that ends in one of these heads:
/// "American Psychological Association", "Jamaica Estates".
fn ends_in_a_name(cx: &Context, end: usize, heads: &[&WordSet]) -> bool {
    let text = cx.text;
    let mut at = end;
    for _ in 0..6 {
        if !text[at..].starts_with(' ') {
            return false;
        }
        let Some((start, token)) = token_after(text, at) else {
            return false;
        };
        let word = bare(token);
        if heads.iter().any(|list| list.contains(word)) {
            return true;
        }
        let joins = matches!(word, "of" | "and" | "for" | "the") || token == "&";
        if !(starts_upper(word) || joins) || ends_with_break(token) {
            return false;
        }
        at = start + token.len();
    }
    false
}

/// A dish or drink right after the demonym ("a Thai curry", "Vietnamese
/// coffee"), unless trade follows it: "Vietnamese coffee exports" is the country's.
fn names_a_dish(text: &str, end: usize) -> bool {
    let listed =
        |list: &WordSet, token: &str| with_ascii_lowercase(bare(token), |w| list.contains(w));
    let Some((at, next)) = token_after(text, end) else {
        return false;
    };
    listed(&DISH_NOUNS, next)
        && (ends_with_break(next)
            || !token_after(text, at + next.len()).is_some_and(|(_, t)| listed(&TRADE_NOUNS, t)))
}

/// What stands between two languages of a list: ", ", " and ", ", or ",
/// " and some ", " and a little ", ", some ".
fn joins_languages(between: &str) -> bool {
    let words: Vec<&str> = between
        .split_whitespace()
        .map(bare)
        .filter(|w| !w.is_empty())
        .collect();
    let conjunction = |w: &&str| is_one_of(w, &["and", "or"]);
    let modifier = |w: &str| is_one_of(w, LANGUAGE_MODIFIERS.words());
    // "a" only as in "a little".
    let fits = |(i, w): (usize, &&str)| {
        conjunction(w)
            || modifier(w)
            || w.eq_ignore_ascii_case("a") && words.get(i + 1).is_some_and(|next| modifier(next))
    };
    between.trim() == ","
        || between.starts_with([' ', ','])
            && words.len() <= 3
            && (words.iter().any(conjunction) || between.starts_with(','))
            && words.iter().enumerate().all(fits)
}

/// "in French", "speaks Spanish", "the Polish language", "Russian-speaking".
fn is_language_here(cx: &Context, start: usize, end: usize) -> bool {
    let text = cx.text;
    let rest = &text[end..];
    let next = token_after(text, end).map(|(_, t)| t);
    // Alone, not before a noun: "in French" and "in French officials' hands".
    let stands_alone = match rest.chars().next() {
        None => true,
        Some(c) if !c.is_whitespace() => !c.is_alphanumeric() && c != '-',
        Some(_) => next.is_none_or(|t| is_one_of(bare(t), FUNCTION_WORDS.words())),
    };
    // "Greek and Dutch", "Greek, Polish", "Greek and a little Dutch": a list of
    // languages; not "spoke Greek, some Dutch officials said".
    if let Some(last) = cx.last_language_end
        && text.get(last..start).is_some_and(joins_languages)
        && stands_alone
    {
        return true;
    }
    if let Some(suffix) = rest.strip_prefix('-') {
        let starts = |prefix: &str| {
            suffix
                .get(..prefix.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(prefix))
        };
        if starts("speak") || starts("lang") {
            return true;
        }
    }
    // token_after only sees a word after whitespace: "the Polish language".
    if next.is_some_and(|next| is_one_of(bare(next), LANGUAGE_AFTER.words())) {
        return true;
    }
    let Some((before_at, before)) = token_before(text, start) else {
        return false;
    };
    let before = bare(before);
    if is_one_of(before, LANGUAGE_BEFORE.words()) {
        return true;
    }
    // "spoke only Greek", "speaks fluent Dutch", "speaks a little Dutch"
    if is_one_of(before, LANGUAGE_MODIFIERS.words())
        && let Some((at, verb)) = token_before(text, before_at)
    {
        let verb = match token_before(text, at) {
            Some((_, earlier)) if bare(verb).eq_ignore_ascii_case("a") => earlier,
            _ => verb,
        };
        if is_one_of(bare(verb), LANGUAGE_BEFORE.words()) {
            return true;
        }
    }
    if is_one_of(before, &["in", "into"]) {
        // Alone after "in": a noun would follow a country's adjective.
        return stands_alone;
    }
    false
}

/// Words before "of" and a country's name that make the name a town's: "the city of Turkey" (Texas).
static TOWN_WORDS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("town_words");

/// Words right before a country's name that make the phrase name something else: a neighbourhood ("Little Italy") or a name in another language ("Stade de France", "Banco de Portugal").
static NOT_PLACE_BEFORE: crate::vocabulary::WordSet =
    crate::vocabulary::word_set!("not_place_before");
