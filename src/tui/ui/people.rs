//! The sources across stories, and the claims of one of them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::library::Person;
use crate::model::SpeakerKind;
use crate::tui::app::{CLAIMS_HEADER, PEOPLE_HEADER};
use crate::tui::cells::{clean, truncate, width as text_width};
use crate::tui::library::Library;
use crate::tui::people::{ClaimList, PeopleView};
use crate::tui::theme::Theme;
use crate::words::{plural, stories, thousands};

use super::draw;
use super::library::{row_style, spread, titled};
use super::list;
use super::panel::claim_kind_label;

/// Columns of the kind, stories and claims at the right.
const COUNTS: [(&str, usize); 3] = [("Kind", 14), ("Stories", 8), ("Claims", 7)];

pub struct PeopleList<'a> {
    pub people: &'a PeopleView,
    pub library: &'a Library,
    pub theme: &'a Theme,
}

impl PeopleList<'_> {
    /// What is known of a person besides the name: role, country, other
    /// names; for a source of one story only, the story.
    fn about(&self, person: &Person) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(person.role.clone());
        parts.extend(person.country.clone());
        if !person.aliases.is_empty() {
            let aliases: Vec<&str> = person.aliases.iter().take(3).map(String::as_str).collect();
            parts.push(format!("also {}", aliases.join(", ")));
        }
        let own = matches!(person.kind, SpeakerKind::Anonymous | SpeakerKind::Document);
        if own && let Some(entry) = self.library.entries.get(person.appearances[0].entry) {
            parts.push(format!("in “{}”", entry.title));
        }
        clean(&parts.join(" · ")).into_owned()
    }
}

impl Widget for &PeopleList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (people, theme) = (self.people, self.theme);
        let shown = if people.query.is_empty() {
            thousands(people.index.persons.len())
        } else {
            format!(
                "{} of {}",
                thousands(people.order.len()),
                thousands(people.index.persons.len())
            )
        };
        let title = format!(
            " Sources across stories · {shown} · in {} ",
            stories(people.indexed)
        );
        let Some(inner) = list::frame(title, " Tab: stories ", theme, area, buf) else {
            return;
        };
        let width = usize::from(inner.width);
        let heads: String = COUNTS
            .iter()
            .map(|(h, w)| format!("{h:>w$}", w = *w))
            .collect();
        let (name, counts) = spread("Name", &heads, width.saturating_sub(2));
        Line::from(vec![
            Span::raw("  "),
            Span::styled(name, theme.section),
            Span::styled(counts, theme.section),
        ])
        .render(list::row(inner, inner.y), buf);
        let top = inner.y + PEOPLE_HEADER;
        if people.order.is_empty() {
            let note = if people.index.persons.is_empty() {
                "No sources yet."
            } else {
                "No source matches the filter: Esc clears it."
            };
            list::note(note, inner, top, theme, buf);
            return;
        }
        let page = list::page(inner, PEOPLE_HEADER);
        let offset = people.rows.offset_for(people.order.len(), page);
        list::position(
            people.rows.cursor,
            people.order.len(),
            (offset, page),
            theme,
            area,
            buf,
        );
        let rows = people.order.iter().enumerate().skip(offset).map(|(n, &p)| {
            let person = &people.index.persons[p];
            let cursor = n == people.rows.cursor;
            let marker = if cursor { "▌ " } else { "  " };
            let values = [
                person.kind.as_str().to_string(),
                person.stories.to_string(),
                person.claims.to_string(),
            ];
            let counts: String = COUNTS
                .iter()
                .zip(values)
                .map(|((_, w), v)| format!("{v:>w$}", w = *w))
                .collect();
            let (name, counts) = spread(&clean(&person.name), &counts, width.saturating_sub(2));
            let base = if person.claims > 0 {
                theme.text
            } else {
                theme.dim
            };
            [
                Line::from(vec![
                    Span::styled(marker, theme.focus_bar),
                    Span::styled(name, row_style(base.patch(theme.title), cursor, theme)),
                    Span::styled(counts, theme.key),
                ]),
                Line::from(vec![
                    Span::styled(marker, theme.focus_bar),
                    Span::raw("  "),
                    Span::styled(
                        truncate(&self.about(person), width.saturating_sub(4)),
                        theme.meta,
                    ),
                ]),
            ]
        });
        list::items(rows, inner, top, buf);
    }
}

pub struct ClaimsList<'a> {
    pub list: &'a ClaimList,
    pub people: &'a PeopleView,
    pub library: &'a Library,
    pub theme: &'a Theme,
}

impl Widget for &ClaimsList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (claims, theme) = (self.list, self.theme);
        let Some(person) = self.people.index.persons.get(claims.person) else {
            return;
        };
        let title = format!(
            " {} · {} in {} · newest first ",
            clean(&person.name),
            plural(claims.claims.len(), "claim"),
            stories(person.stories)
        );
        let Some(inner) = list::frame(title, " Enter opens the story there ", theme, area, buf)
        else {
            return;
        };
        let width = usize::from(inner.width);
        let mut about: Vec<String> = vec![person.kind.as_str().to_string()];
        about.extend(person.role.clone());
        about.extend(person.country.clone());
        let about = truncate(&clean(&about.join(" · ")), width);
        draw::span(
            Span::styled(about, theme.meta),
            list::row(inner, inner.y),
            buf,
        );
        let page = list::page(inner, CLAIMS_HEADER);
        let offset = claims.rows.offset_for(claims.claims.len(), page);
        list::position(
            claims.rows.cursor,
            claims.claims.len(),
            (offset, page),
            theme,
            area,
            buf,
        );
        let rows = claims
            .claims
            .iter()
            .enumerate()
            .skip(offset)
            .filter_map(|(n, found)| {
                let entry = self.library.entries.get(found.entry)?;
                let claim = entry.doc.as_ref()?.claim(found.claim)?;
                let cursor = n == claims.rows.cursor;
                let marker = if cursor { "▌ " } else { "  " };
                let date = found.date.as_deref().map(clean).unwrap_or_default();
                let date = if date.is_empty() {
                    String::new()
                } else {
                    format!("{date} · ")
                };
                let kind = claim_kind_label(claim.kind);
                let room = width.saturating_sub(2);
                let title_room = room.saturating_sub(text_width(kind) + 1 + text_width(&date));
                let mut heading = vec![
                    Span::styled(marker, theme.focus_bar),
                    Span::styled(date, row_style(theme.title, cursor, theme)),
                ];
                heading.extend(titled(
                    entry,
                    title_room,
                    row_style(theme.title, cursor, theme),
                    theme,
                ));
                let used: usize = heading.iter().map(|s| text_width(&s.content)).sum();
                heading.push(Span::styled(
                    " ".repeat((2 + room).saturating_sub(used + text_width(kind))),
                    row_style(theme.title, cursor, theme),
                ));
                heading.push(Span::styled(kind, theme.meta));
                Some([
                    Line::from(heading),
                    super::claims::words_line(&claim, marker, width, theme),
                ])
            });
        list::items(rows, inner, inner.y + CLAIMS_HEADER, buf);
    }
}
