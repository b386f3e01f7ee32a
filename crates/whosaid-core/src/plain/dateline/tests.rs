//! The hand-written matcher against the regex it replaced: same match, same
//! captures, same end, on a table of openings written for this test and on
//! generated ones built from the characters the pattern cares about.

use super::{Dateline, find};
use proptest::prelude::*;
use regex_lite::Regex;
use std::sync::LazyLock;

/// The pattern as it was in `plain/mod.rs`.
static REGEX: LazyLock<Regex> = LazyLock::new(|| {
    let space =
        "[\\s\u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}]";
    let upper_place = r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*";
    let pattern = format!(
        r"^(?:(?P<upper>{upper_place}(?:{space}*/{space}*{upper_place})*)(?:, [^—–\n()]{{1,40}}?)?(?:{space}*\([^)\n]{{1,40}}\))?|(?P<title>[A-Z][a-z]+(?: [A-Z][a-z]+){{0,3}})(?:, [^—–\n()]{{1,40}}?)?{space}*\((?:AP|Reuters|AFP|CNN|UPI|dpa|Bloomberg)\)){space}*(?:—|–|--|-|(?P<colon>:)){space}+"
    );
    Regex::new(&pattern).expect("dateline pattern")
});

/// What the regex found, in the matcher's terms.
fn by_regex(text: &str) -> Option<Dateline> {
    let found = REGEX.captures(text)?;
    let places = found
        .name("upper")
        .or_else(|| found.name("title"))
        .map_or(0, |m| m.end());
    Some(Dateline {
        places_end: places,
        colon: found.name("colon").is_some(),
        end: found.get(0).map_or(0, |m| m.end()),
    })
}

/// Openings written for this test: datelines, near misses and plain prose.
const OPENINGS: &[&str] = &[
    "BERLIN — The talks went on.",
    "BERLIN/KYIV — The talks went on.",
    "BERLIN / KYIV – The talks went on.",
    "BERLIN\u{a0}/\u{2009}KYIV\u{a0}— The talks went on.",
    "NEW YORK, Nov. 8 (Reuters) - Shares rose.",
    "NEW YORK, Nov. 8 - Shares rose.",
    "NEW YORK (Reuters) - Shares rose.",
    "NEW YORK(Reuters)- Shares rose.",
    "LISBON: The ferries ran again.",
    "LISBON:The ferries ran again.",
    "LISBON : The ferries ran again.",
    "BREAKING: Ferries ran.",
    "EDITOR'S NOTE: This story was updated.",
    "ST. JOHN’S, Newfoundland — Snow fell.",
    "SAN-FRANCISCO -- Fog.",
    "SAN-FRANCISCO - Fog.",
    "SAN-FRANCISCO- Fog.",
    "AB-CD - x",
    "AB-CD -x",
    "AB-- x",
    "AB--- x",
    "A-B - x",
    "A - x",
    "AB",
    "AB —",
    "AB — ",
    "AB —\u{a0}",
    "",
    "Washington (CNN) — The vote.",
    "Washington, Jan. 5 (AP) — The vote.",
    "Washington (Reuters): The vote.",
    "Washington (Agency) — The vote.",
    "Washington — The vote.",
    "New York City Hall (AP) — The vote.",
    "New York City Hall Area (AP) — The vote.",
    "Lisbon: The ferries ran again.",
    "The minister said on Monday - that was all.",
    "OTTAWA, Ont., Dec. 3, 2025 (CP) — Rain.",
    "OTTAWA, Ont. (CP), Dec. 3 — Rain.",
    "OTTAWA, (CP) — Rain.",
    "OTTAWA, — Rain.",
    "OTTAWA,  — Rain.",
    "OTTAWA, a - b - c",
    "OTTAWA, a: b - c",
    "OTTAWA, this date is far too long to be a date at all really - x",
    "OTTAWA (this agency name is far too long to be an agency at all) - x",
    "OTTAWA () - x",
    "OTTAWA (a\nb) - x",
    "OTTAWA, a\nb - x",
    "OTTAWA\n— x",
    "OTTAWA —\nx",
    "NATO SUMMIT: Leaders met.",
    "U.S. — Prices rose.",
    "U.S.-CHINA TRADE - Talks.",
    "KYIV/ - x",
    "KYIV /x - y",
    "KYIV/ MOSCOW/ MINSK — x",
    "KYIV//MOSCOW — x",
    "KYIV  MOSCOW — x",
    "KYIV MOSCOW — x",
    "KYIV M — x",
    "KYIV Moscow — x",
    "ÉVORA — x",
    "ABC’ — x",
    "ABC’’: x",
    "Paris, France (AFP) – x",
    "Paris, France (dpa) -- x",
    "Paris (UPI)- x",
    "Paris (Bloomberg)\u{3000}:\u{3000}x",
    "Pa (AP) - x",
    "P (AP) - x",
    "PARIS, 3 (AFP) — x, PARIS (AFP) — y",
    "PARIS, a (b) - c (d) - e",
    "PARIS, – x",
    "PARIS, a – x",
];

#[test]
fn the_matcher_agrees_with_the_regex_on_written_openings() {
    for opening in OPENINGS {
        assert_eq!(find(opening), by_regex(opening), "{opening:?}");
    }
}

#[test]
fn the_table_has_both_datelines_and_other_openings() {
    let found = OPENINGS.iter().filter(|o| find(o).is_some()).count();
    assert!(found > 20 && found < OPENINGS.len() - 20, "{found}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]
    /// Strings from the pattern's own alphabet, where near misses are common.
    #[test]
    fn the_matcher_agrees_with_the_regex_on_generated_openings(
        text in "[A-DNa-c .,'’/()\\-—–:\n\u{a0}]{0,30}|(AB|AP|CNN|Reuters|[A-Z]{2,4}|[a-z]{1,3}|[ ,/()\\-—–:.\u{a0}]){0,12}",
    ) {
        prop_assert_eq!(find(&text), by_regex(&text), "{:?}", text);
    }
}

/// The id tag and date prefix patterns as they were in `plain/mod.rs`.
static ID_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\[nid:([A-Za-z0-9_-]{1,64})\]\]$").expect("id tag pattern"));
static DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    let space =
        "[\\s\u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}]";
    Regex::new(&format!(
        r"^date{space}+([0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})(?:{space}+|$)"
    ))
    .expect("date prefix pattern")
});

fn id_tag_by_regex(text: &str) -> Option<(usize, &str)> {
    let found = ID_TAG.captures(text)?;
    Some((found.get(0)?.start(), found.get(1)?.as_str()))
}

fn date_prefix_by_regex(text: &str) -> Option<(&str, usize)> {
    let found = DATE_PREFIX.captures(text)?;
    Some((found.get(1)?.as_str(), found.get(0)?.len()))
}

#[test]
fn id_tags_and_date_prefixes_agree_with_their_regexes() {
    let tags = [
        "Text. [[nid:726748]]",
        "[[nid:a_b-C9]]",
        "[[nid:]]",
        "[[nid:a b]]",
        "x [[nid:1]] ",
        "[[nid:1]]]]",
        "[[[nid:12]]",
        "[[nid:é1]]",
        "é[[nid:1]]",
    ];
    for tag in tags {
        assert_eq!(super::super::id_tag(tag), id_tag_by_regex(tag), "{tag:?}");
    }
    let long = format!("[[nid:{}]]", "7".repeat(65));
    assert_eq!(super::super::id_tag(&long), None);
    let dates = [
        "date 2025-12-16",
        "date 2025-12-16 ",
        "date\u{a0}2025-12-16\u{3000}Text",
        "date 2025-12-16Text",
        "date 2025-12-1",
        "date 2025-12-16é",
        "date 2025-12-1é",
        "date2025-12-16",
        "Date 2025-12-16",
        "date  9999-99-99\n\n",
    ];
    for date in dates {
        assert_eq!(
            super::super::date_prefix(date),
            date_prefix_by_regex(date),
            "{date:?}"
        );
    }
}

proptest! {
    #[test]
    fn generated_id_tags_and_date_prefixes_agree(
        tag in "[a-z \\[\\]]{0,4}(\\[\\[nid:)?[a-z0-9_\\- é:]{0,70}(\\]\\])?\\]?",
        date in "date[ \u{a0}]{0,2}[0-9\\-]{8,11}[ a\u{a0}é]{0,3}",
    ) {
        prop_assert_eq!(super::super::id_tag(&tag), id_tag_by_regex(&tag));
        prop_assert_eq!(super::super::date_prefix(&date), date_prefix_by_regex(&date));
    }
}
