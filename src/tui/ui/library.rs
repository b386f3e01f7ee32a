//! The story list: title, date, dateline, counts of sources, claims and
//! anonymous sources, a sourcing line under each story, and the totals of
//! the stories shown.

use crate::tui::app::LIBRARY_HEADER;
use crate::tui::cells::{clean, truncate, width as text_width};
use crate::tui::library::{Entry, Library};
use crate::tui::theme::Theme;
use crate::words::{percent, plural, stories, summary_line, thousands};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::draw;
use super::list;

/// Columns of the counts at the right: sources, claims, anonymous sources.
const COUNTS: [(&str, usize); 3] = [("Sources", 8), ("Claims", 7), ("Anon.", 6)];
/// Columns of the date, with its gap.
const DATE: usize = 12;
/// Columns of the cursor marker and the unread mark, with a gap.
const MARKER: usize = 3;

pub struct LibraryView<'a> {
    pub library: &'a Library,
    pub theme: &'a Theme,
    /// The key that lists the inputs that could not be read, if one does.
    pub problems_key: Option<String>,
}

/// `left` and `right` on one line `width` wide, `left` cut to fit.
pub fn spread(left: &str, right: &str, width: usize) -> (String, String) {
    let room = width.saturating_sub(text_width(right) + 1);
    let left = truncate(left, room);
    let pad = width.saturating_sub(text_width(&left) + text_width(right));
    (format!("{left}{}", " ".repeat(pad)), right.to_string())
}

impl LibraryView<'_> {
    fn title(&self) -> String {
        let library = self.library;
        let total = library.entries.len();
        let count = if library.is_filtered() {
            format!("{} of {}", thousands(library.order.len()), stories(total))
        } else {
            stories(total)
        };
        let arrow = if library.reversed { "↑" } else { "↓" };
        format!(" {count} · by {} {arrow} ", library.sort.label())
    }

    /// "2 inputs could not be read · e shows why", when some could not.
    fn problems_notice(&self) -> Option<String> {
        let count = self.library.problems.len();
        if count == 0 {
            return None;
        }
        let could = format!("{} could not be read", plural(count, "input"));
        Some(match &self.problems_key {
            Some(key) => format!("{could} · {} shows why", clean(key)),
            None => format!("{could} (listed on exit)"),
        })
    }

    /// The totals of the stories shown: the library's sourcing in a line.
    fn totals(&self) -> String {
        let library = self.library;
        let t = &library.totals;
        if t.stories == 0 {
            return if library.done {
                "No annotated stories.".to_string()
            } else {
                "Reading and annotating…".to_string()
            };
        }
        let mut parts = vec![
            format!("{} claims", thousands(t.claims)),
            format!("{} anonymous", percent(t.anonymous_share())),
            format!("{:.1} named sources a story", t.named_per_story()),
        ];
        let countries = t.top_countries(4);
        if !countries.is_empty() {
            let counts: Vec<String> = countries
                .iter()
                .map(|(code, n)| format!("{code} {}", thousands(*n)))
                .collect();
            parts.push(format!("claims by country {}", counts.join(", ")));
        }
        let what = if library.is_filtered() {
            "Shown"
        } else {
            "All"
        };
        format!("{what}: {}", parts.join(" · "))
    }

    fn counts(entry: &Entry) -> String {
        let values = match &entry.doc {
            Some(doc) => [
                doc.summary().sources.to_string(),
                doc.summary().claims.to_string(),
                doc.summary().anonymous_sources.to_string(),
            ],
            None => ["·".to_string(), "·".to_string(), "·".to_string()],
        };
        COUNTS
            .iter()
            .zip(values)
            .map(|((_, w), v)| format!("{v:>w$}", w = *w))
            .collect()
    }

    fn item(&self, entry: &Entry, cursor: bool, width: usize) -> [Line<'static>; 2] {
        let theme = self.theme;
        let marker = if cursor { "▌  " } else { "   " };
        // Unread stories are marked with a dot, in any colours or none;
        // one still being annotated is not known to be either yet.
        let unread = entry.doc.is_some() && !entry.read;
        let bar = if cursor { "▌" } else { " " };
        let date = format!(
            "{:<DATE$}",
            entry.meta.date.as_deref().map(clean).unwrap_or_default()
        );
        let room = width.saturating_sub(MARKER + DATE);
        let counts = Self::counts(entry);
        let title_room = room.saturating_sub(text_width(&counts) + 1);
        let title_style = row_style(theme.title, cursor, theme);
        let mut first = vec![
            Span::styled(bar, theme.focus_bar),
            Span::styled(if unread { "• " } else { "  " }, theme.key),
            Span::styled(truncate(&date, DATE), theme.meta),
        ];
        first.extend(titled(entry, title_room, title_style, theme));
        let used: usize = first.iter().map(|s| text_width(&s.content)).sum();
        let pad = (MARKER + DATE + room).saturating_sub(used + text_width(&counts));
        first.push(Span::styled(" ".repeat(pad), title_style));
        first.push(Span::styled(counts, theme.key));
        let first = Line::from(first);
        let mut about: Vec<String> = Vec::new();
        about.extend(entry.meta.feed.as_deref().map(|f| clean(f).into_owned()));
        if !entry.meta.dateline.is_empty() {
            about.push(clean(&entry.meta.dateline.join("/")).into_owned());
        }
        let (line, style) = match &entry.doc {
            Some(doc) => (summary_line(doc.summary()), theme.meta),
            // Loading is over and this one never came: its problem is listed.
            None if self.library.done => {
                let why = match &self.problems_key {
                    Some(key) => format!("could not be annotated · {key} shows why"),
                    None => "could not be annotated".to_string(),
                };
                (why, theme.warning)
            }
            None => ("annotating…".to_string(), theme.hidden),
        };
        about.push(line);
        let second = Line::from(vec![
            Span::styled(marker, theme.focus_bar),
            Span::raw(" ".repeat(DATE)),
            Span::styled(truncate(&clean(&about.join(" · ")), room), style),
        ]);
        [first, second]
    }
}

impl Widget for &LibraryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (library, theme) = (self.library, self.theme);
        let Some(inner) = list::frame(
            self.title(),
            " Tab: sources across stories ",
            theme,
            area,
            buf,
        ) else {
            return;
        };
        let width = usize::from(inner.width);
        let row = |y: u16| list::row(inner, y);
        // What could not be read comes first, so no width cuts it off.
        let mut header = Vec::new();
        if let Some(notice) = self.problems_notice() {
            let notice = truncate(&notice, width);
            header.push(Span::styled(notice, theme.warning));
        }
        let used: usize = header.iter().map(|s| text_width(&s.content)).sum();
        let totals = if used > 0 {
            format!(" · {}", self.totals())
        } else {
            self.totals()
        };
        header.push(Span::styled(
            truncate(&clean(&totals), width.saturating_sub(used)),
            theme.meta,
        ));
        draw::line(&Line::from(header), row(inner.y), buf);
        if inner.height > 1 {
            let heads: String = COUNTS
                .iter()
                .map(|(h, w)| format!("{h:>w$}", w = *w))
                .collect();
            let (title, counts) = spread("Title", &heads, width.saturating_sub(MARKER + DATE));
            Line::from(vec![
                Span::raw(" ".repeat(MARKER)),
                Span::styled(format!("{:<DATE$}", "Date"), theme.section),
                Span::styled(title, theme.section),
                Span::styled(counts, theme.section),
            ])
            .render(row(inner.y + 1), buf);
        }
        let top = inner.y + LIBRARY_HEADER;
        if library.order.is_empty() {
            let note = if library.entries.is_empty() && !library.done {
                "Reading stories…"
            } else if library.entries.is_empty() {
                "No stories."
            } else {
                "No story matches the filter: Esc or F clears it."
            };
            list::note(note, inner, top, theme, buf);
            return;
        }
        let page = list::page(inner, LIBRARY_HEADER);
        let offset = library.rows.offset_for(library.order.len(), page);
        list::position(
            library.rows.cursor,
            library.order.len(),
            (offset, page),
            theme,
            area,
            buf,
        );
        let rows = library
            .order
            .iter()
            .enumerate()
            .skip(offset)
            .map(|(n, &i)| self.item(&library.entries[i], n == library.rows.cursor, width));
        list::items(rows, inner, top, buf);
    }
}

/// A story's title cut to `room` columns and, when another story has the
/// same title, where it came from after it, dimmed, cut first.
pub fn titled(entry: &Entry, room: usize, style: Style, theme: &Theme) -> Vec<Span<'static>> {
    let title = clean(&entry.title).into_owned();
    let Some(source) = entry.told_apart_by() else {
        return vec![Span::styled(truncate(&title, room), style)];
    };
    let source = format!(" · {}", clean(source));
    // The title keeps at least half the room, the file name what is left.
    let title_room = room.saturating_sub(text_width(&source)).max(room / 2);
    let title = truncate(&title, title_room);
    let rest = room.saturating_sub(text_width(&title));
    vec![
        Span::styled(title, style),
        Span::styled(truncate(&source, rest), theme.dim),
    ]
}

/// Style for a row's text: the cursor's row stands out.
pub fn row_style(base: Style, cursor: bool, theme: &Theme) -> Style {
    if cursor {
        base.patch(theme.cursor_row)
    } else {
        base
    }
}
