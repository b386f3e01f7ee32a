//! Plain-text stories: paragraphs, title, subheadings, date, dateline and id.
//!
//! Every paragraph's text is a trimmed, verbatim slice of the input; the
//! layout markers this module understands (a `date YYYY-MM-DD` prefix, a wire
//! dateline, a `[[nid:…]]` tag) are cut off, never rewritten.

mod dateline;
mod fields;

pub use fields::{FieldError, Fields, article_with};

use crate::date::iso_date;
use crate::model::{Article, Meta, Paragraph, ParagraphKind, Text};

/// Upper-case labels that open a lede with a colon but are not places.
static NOT_DATELINES: crate::vocabulary::WordSet = crate::vocabulary::word_set!("not_datelines");

/// Longest line, in words, that still reads as a subheading.
const HEADING_MAX_WORDS: usize = 10;
/// A first line ending like a sentence is still a title when this short.
const TITLE_MAX_SENTENCE_WORDS: usize = 14;

/// Splits plain text into a story.
pub fn parse(text: &str) -> Article {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut blocks = blocks(text);
    let mut meta = Meta::default();

    if let Some(last) = blocks.last_mut() {
        let body = &text[last.start..last.end];
        if let Some((tag_start, id)) = id_tag(body) {
            meta.id = Some(id.to_string());
            last.end = trim_range(text, last.start, last.start + tag_start).1;
            if last.end <= last.start {
                blocks.pop();
            }
        }
    }

    let mut wire_prefix = false;
    if let Some(first) = blocks.first_mut() {
        if let Some((date, len)) = date_prefix(&text[first.start..first.end]) {
            // The line is a wire prefix either way; a date that is not on
            // the calendar is not kept.
            meta.date = iso_date(date);
            first.start = trim_range(text, first.start + len, first.end).0;
            wire_prefix = true;
        }
        if first.start >= first.end {
            blocks.remove(0);
        }
    }

    let title_block = !wire_prefix
        && blocks.len() > 1
        && looks_like_title(&text[blocks[0].start..blocks[0].end])
        && dateline::find(&text[blocks[0].start..blocks[0].end]).is_none();
    let body_start = usize::from(title_block);
    if title_block {
        // "Port director quits 12 mins ago": a page's relative time is cut off.
        let title = &text[blocks[0].start..blocks[0].end];
        if let Some(cut) = relative_time_start(title) {
            blocks[0].end = trim_range(text, blocks[0].start, blocks[0].start + cut).1;
        }
    }
    // The dateline opens the lede, which may come after a byline or a
    // standfirst of its own ("By Maria Costa", then "LISBON: …").
    for lede in blocks.iter_mut().skip(body_start).take(DATELINE_BLOCKS) {
        if let Some((places, rest)) = split_dateline(&text[lede.start..lede.end]) {
            meta.dateline = places;
            lede.start += rest;
            break;
        }
    }

    // One copy of the text that every paragraph is a slice of: a file of
    // many short lines would otherwise pay an allocation per line.
    let shared = if blocks.is_empty() {
        Text::default()
    } else {
        Text::from(text)
    };
    let paragraphs = blocks
        .iter()
        .enumerate()
        .map(|(index, block)| {
            let range = block.start..block.end;
            // Past 4 GiB a `Text` cannot reach: that paragraph gets its own.
            let shared = shared.slice(range.clone());
            let text = &text[range];
            let kind = if index == 0 && title_block {
                ParagraphKind::Title
            } else if index > 0 && looks_like_heading(text) {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Body
            };
            Paragraph {
                index: index as u32,
                kind,
                text: shared.unwrap_or_else(|| text.into()),
            }
        })
        .collect::<Vec<_>>();
    if title_block {
        meta.title = Some(paragraphs[0].text.to_string());
    }
    Article { meta, paragraphs }
}

/// Blocks after the title in which the dateline is looked for.
const DATELINE_BLOCKS: usize = 3;

/// Units of time ("min", "hour"), singular.
static TIME_UNITS: crate::vocabulary::WordSet = crate::vocabulary::word_set!("time_units");

/// `title` without a trailing relative time and the separator before it:
/// "Port director quits · 12 mins ago" → "Port director quits". A page
/// stamps its headline with the time it was seen, which is no part of it.
///
/// ```
/// use whosaid_core::plain::without_relative_time;
/// assert_eq!(without_relative_time("Port reopens | 2 hours ago"), "Port reopens");
/// assert_eq!(without_relative_time("Ten years ago"), "Ten years ago");
/// ```
pub fn without_relative_time(title: &str) -> &str {
    match relative_time_start(title) {
        Some(cut) => title[..cut].trim_end(),
        None => title,
    }
}

/// Where a trailing relative time starts in a title ("… 12 mins ago",
/// "… · 2 hours ago", "… an hour ago"), with the separator before it.
fn relative_time_start(title: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = title
        .split_whitespace()
        .map(|word| (word.as_ptr() as usize - title.as_ptr() as usize, word))
        .collect();
    let [.., (count_at, count), (_, unit), (_, ago)] = words[..] else {
        return None;
    };
    let unit = unit.to_ascii_lowercase();
    let singular = unit.strip_suffix('s').unwrap_or(&unit);
    let counted = count.chars().all(|c| c.is_ascii_digit()) || matches!(count, "a" | "an" | "one");
    if !ago.eq_ignore_ascii_case("ago") || !TIME_UNITS.contains(singular) || !counted {
        return None;
    }
    // A separator before it goes too: "… · 12 mins ago", "… | 2 hours ago".
    let mut cut = count_at;
    let before = title[..cut].trim_end();
    if let Some(stripped) = before.strip_suffix(['·', '|', '-', '–', '—', '•']) {
        cut = stripped.trim_end().len();
    } else {
        cut = before.len();
    }
    (cut > 0).then_some(cut)
}

/// The places of a wire dateline at the start of `lede`, and the byte offset
/// where the text after it starts. `None` when there is no dateline, or
/// nothing after it (a lone "BERLIN —" is text, not a dateline).
pub fn split_dateline(lede: &str) -> Option<(Vec<String>, usize)> {
    // "****ANTWERP — …": wire copy marks some stories with asterisks first.
    let marks = lede.len() - lede.trim_start_matches('*').len();
    let found = dateline::find(&lede[marks..])
        .or_else(|| dateline::find_listed_place_with_colon(&lede[marks..]))?;
    let dateline = dateline::Dateline {
        places_end: marks + found.places_end,
        end: marks + found.end,
        ..found
    };
    let places = &lede[marks..dateline.places_end];
    // "LISBON: …" is a dateline; "BREAKING: …" and "UPDATE: …" are labels.
    if dateline.colon
        && places
            .split(['/', ' '])
            .any(|word| NOT_DATELINES.contains(&word.to_ascii_lowercase()))
    {
        return None;
    }
    let (rest, end) = trim_range(lede, dateline.end, lede.len());
    if rest >= end {
        return None;
    }
    let places = places
        .split('/')
        .map(|place| place.trim().to_string())
        .filter(|place| !place.is_empty())
        .collect();
    Some((places, rest))
}

/// `[[nid:726748]]`, a publisher's id, on its own at the end of a story:
/// where the tag starts, and the id. (Hand-written, like the dateline, so the
/// core needs no regex engine: `\[\[nid:([A-Za-z0-9_-]{1,64})\]\]$`.)
fn id_tag(body: &str) -> Option<(usize, &str)> {
    let inner = body.strip_suffix("]]")?;
    let id_len = inner
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        .count();
    let id_start = inner.len() - id_len;
    let before = inner[..id_start].strip_suffix("[[nid:")?;
    (1..=64)
        .contains(&id_len)
        .then(|| (before.len(), &inner[id_start..]))
}

/// `date 2025-12-16 ` at the very start of a story: the date, and the length
/// of the prefix with the white space after it. (Hand-written for the same
/// reason: `^date\s+([0-9]{4}-[0-9]{2}-[0-9]{2})(?:\s+|$)`, with Unicode
/// white space.)
fn date_prefix(line: &str) -> Option<(&str, usize)> {
    let after = line.strip_prefix("date")?;
    let date = after.trim_start();
    if date.len() == after.len() {
        return None;
    }
    let digits = date.as_bytes().get(..10)?;
    let shaped = digits.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    if !shaped {
        return None;
    }
    // Ten ASCII bytes: a character boundary.
    let rest = &date[10..];
    let ends = rest.is_empty() || rest.starts_with(char::is_whitespace);
    ends.then(|| (&date[..10], line.len() - rest.trim_start().len()))
}

#[derive(Debug, Clone, Copy)]
struct Block {
    start: usize,
    end: usize,
}

/// Blank-line separated blocks, trimmed; one block per line when the text has
/// no blank line between two lines of text.
fn blocks(text: &str) -> Vec<Block> {
    let mut by_blank_lines = Vec::new();
    let mut lines = 0usize;
    let mut current: Option<Block> = None;
    for (start, line) in lines_with_offsets(text) {
        if line.chars().all(char::is_whitespace) {
            by_blank_lines.extend(current.take());
            continue;
        }
        lines += 1;
        let end = start + line.len();
        match current.as_mut() {
            Some(block) => block.end = end,
            None => current = Some(Block { start, end }),
        }
    }
    by_blank_lines.extend(current);

    let one_per_line = by_blank_lines.len() == 1 && lines > 1;
    let raw = if one_per_line {
        lines_with_offsets(text)
            .filter(|(_, line)| !line.chars().all(char::is_whitespace))
            .map(|(start, line)| Block {
                start,
                end: start + line.len(),
            })
            .collect()
    } else {
        by_blank_lines
    };
    raw.into_iter()
        .map(|block| {
            let (start, end) = trim_range(text, block.start, block.end);
            Block { start, end }
        })
        .filter(|block| block.start < block.end)
        .collect()
}

/// Lines without their terminator (`\n` or `\r\n`), each with its byte offset.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0usize, |offset, line| {
        let start = *offset;
        *offset += line.len();
        let line = line.strip_suffix('\n').unwrap_or(line);
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    })
}

/// The range with Unicode whitespace (tabs, no-break spaces, CR) trimmed off both ends.
fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead == slice.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn is_single_line(text: &str) -> bool {
    !text.contains('\n')
}

fn ends_like_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    core.ends_with(['.', '!', '?', '…', ':', ';', ','])
}

fn looks_like_title(text: &str) -> bool {
    // The length first: it turns most paragraphs away without a scan.
    text.len() <= 250
        && is_single_line(text)
        && !text.ends_with(':')
        && (!ends_like_sentence(text) || word_count(text) <= TITLE_MAX_SENTENCE_WORDS)
}

/// Short lines with no closing punctuation: "Territorial concessions".
fn looks_like_heading(text: &str) -> bool {
    let starts_well = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let ends_open = !text.ends_with([
        '.', '!', '?', '…', ':', ';', ',', '"', '”', '’', '\'', ')', ']', '-', '—', '–',
    ]);
    // The length first: it turns most paragraphs away without a scan.
    text.len() <= 80
        && starts_well
        && ends_open
        && is_single_line(text)
        && word_count(text) <= HEADING_MAX_WORDS
        && !text.contains(['"', '“', '”'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(article: &Article) -> Vec<(&str, ParagraphKind)> {
        article
            .paragraphs
            .iter()
            .map(|p| (p.text.as_str(), p.kind))
            .collect()
    }

    #[test]
    fn date_prefix_dateline_and_id_are_cut_from_the_text() {
        let article = parse(
            " date 2024-03-05 LISBON/MADRID — Ministers met on Tuesday.\n\nMore talks follow.\n\n[[nid:42]]",
        );
        assert_eq!(article.meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(article.meta.dateline, ["LISBON", "MADRID"]);
        assert_eq!(article.meta.id.as_deref(), Some("42"));
        assert_eq!(
            texts(&article),
            [
                ("Ministers met on Tuesday.", ParagraphKind::Body),
                ("More talks follow.", ParagraphKind::Body)
            ]
        );
    }

    #[test]
    fn agency_datelines_after_a_title() {
        let article =
            parse("Council votes on budget\n\nSPRINGFIELD, May 3 (Reuters) - The council voted.\n");
        assert_eq!(
            article.meta.title.as_deref(),
            Some("Council votes on budget")
        );
        assert_eq!(article.meta.dateline, ["SPRINGFIELD"]);
        assert_eq!(article.paragraphs[1].text, "The council voted.");

        let article = parse("Springfield (AP) — The council voted.\n\nIt was close.");
        assert_eq!(article.meta.dateline, ["Springfield"]);
        assert_eq!(article.paragraphs[0].text, "The council voted.");
    }

    #[test]
    fn datelines_and_date_prefixes_take_unicode_spaces() {
        let article = parse("Port reopens\n\nSPRINGFIELD \u{2014}\u{a0}The port reopened.\n");
        assert_eq!(article.meta.dateline, ["SPRINGFIELD"]);
        assert_eq!(article.paragraphs[1].text, "The port reopened.");
        let article = parse("date\u{a0}2024-01-02\u{2003}The port reopened.\n");
        assert_eq!(article.meta.date.as_deref(), Some("2024-01-02"));
    }

    #[test]
    fn an_ordinary_capitalised_opening_is_not_a_dateline() {
        let article = parse("NATO said on Monday it would meet.\n\nIt did.");
        assert!(article.meta.dateline.is_empty());
        assert_eq!(
            article.paragraphs[0].text,
            "NATO said on Monday it would meet."
        );
    }

    #[test]
    fn a_relative_time_is_cut_from_the_title() {
        for (title, kept) in [
            ("Port director quits 12 mins ago", "Port director quits"),
            ("Port director quits · 2 hours ago", "Port director quits"),
            ("Port director quits an hour ago", "Port director quits"),
            ("Port reopened two years ago", "Port reopened two years ago"),
        ] {
            let article = parse(&format!("{title}\n\nThe ferries ran again on Monday."));
            assert_eq!(article.meta.title.as_deref(), Some(kept), "{title}");
        }
    }

    #[test]
    fn a_dateline_may_follow_a_byline_and_a_standfirst() {
        let article = parse(
            "Port director quits\n\nBy Maria Costa\n\nThe harbour faces a review.\n\nLISBON: The director resigned on Friday.",
        );
        assert_eq!(article.meta.dateline, ["LISBON"]);
        assert_eq!(
            &*article.paragraphs[3].text,
            "The director resigned on Friday."
        );
    }

    #[test]
    fn a_dateline_may_end_with_a_colon_but_a_label_is_not_one() {
        let (places, rest) = split_dateline("LISBON: The ferries ran again.").expect("a dateline");
        assert_eq!(places, ["LISBON"]);
        assert_eq!(rest, "LISBON: ".len());
        assert_eq!(split_dateline("BREAKING: The ferries ran again."), None);
        assert_eq!(
            split_dateline("EDITOR'S NOTE: The ferries ran again."),
            None
        );
        // A title-case place the gazetteer lists, before a colon, is one;
        // another title-case word is not.
        let (places, rest) =
            split_dateline("New Delhi: The ferries ran again.").expect("a dateline");
        assert_eq!(places, ["New Delhi"]);
        assert_eq!(rest, "New Delhi: ".len());
        assert_eq!(split_dateline("Tuesday: The ferries ran again."), None);
        assert_eq!(split_dateline("Update: The ferries ran again."), None);
    }

    #[test]
    fn asterisks_before_a_wire_dateline_go_with_it() {
        let lede = "****ANTWERP — The ferries ran again.";
        let (places, rest) = split_dateline(lede).expect("a dateline");
        assert_eq!(places, ["ANTWERP"]);
        assert_eq!(&lede[rest..], "The ferries ran again.");
        assert_eq!(split_dateline("**** The ferries ran again."), None);
    }

    #[test]
    fn short_unpunctuated_lines_are_headings() {
        let article = parse(
            "The mayor spoke at length on Tuesday about the new budget and its many consequences for the town.\n\nWhat comes next\n\nThe vote is in May.",
        );
        assert_eq!(article.meta.title, None);
        assert_eq!(article.paragraphs[1].kind, ParagraphKind::Heading);
        assert_eq!(article.paragraphs[2].kind, ParagraphKind::Body);
    }

    #[test]
    fn a_short_first_line_is_the_title() {
        let article = parse("Mayor quits after vote.\n\nThe mayor quit on Friday.\n");
        assert_eq!(article.paragraphs[0].kind, ParagraphKind::Title);
        assert_eq!(
            article.meta.title.as_deref(),
            Some("Mayor quits after vote.")
        );
        assert_eq!(article.paragraphs[1].kind, ParagraphKind::Body);
    }

    #[test]
    fn files_without_blank_lines_have_one_paragraph_per_line() {
        let article = parse("The first paragraph is here.\nThe second one is here.\n");
        assert_eq!(article.paragraphs.len(), 2);
        assert_eq!(article.paragraphs[1].text, "The second one is here.");
    }

    #[test]
    fn wrapped_paragraphs_keep_their_inner_newlines() {
        let article = parse("A paragraph that\nwraps.\n\nAnother one.");
        assert_eq!(article.paragraphs[0].text, "A paragraph that\nwraps.");
    }

    #[test]
    fn crlf_bom_tabs_and_no_break_spaces_are_trimmed() {
        let article =
            parse("\u{feff}\u{a0}\tFirst line here, with words.\r\n\u{a0}\r\n\tSecond.\u{a0}\r\n");
        assert_eq!(
            texts(&article),
            [
                ("First line here, with words.", ParagraphKind::Title),
                ("Second.", ParagraphKind::Body)
            ]
        );
    }

    #[test]
    fn empty_and_blank_texts_have_no_paragraphs() {
        assert!(parse("").paragraphs.is_empty());
        assert!(parse(" \n\u{a0}\r\n\t").paragraphs.is_empty());
        assert!(parse("date 2024-01-01").paragraphs.is_empty());
    }

    #[test]
    fn a_date_prefix_off_the_calendar_is_not_kept() {
        let article = parse("date 2024-02-31 OSLO — The bridge reopened.");
        assert_eq!(article.meta.date, None);
        assert_eq!(article.paragraphs[0].text, "The bridge reopened.");
        let article = parse("date 2024-02-29 OSLO — The bridge reopened.");
        assert_eq!(article.meta.date.as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn curly_quotes_and_dashes_are_kept_verbatim() {
        let text = "“Yes,” she said – and left.\n\n«Non», il a dit.";
        let article = parse(text);
        assert_eq!(article.paragraphs[0].text, "“Yes,” she said – and left.");
        assert_eq!(article.paragraphs[1].text, "«Non», il a dit.");
    }
}
