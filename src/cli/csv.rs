//! `--format csv`: one row per claim, for spreadsheets and data tools.
//! Quoting is the `csv` crate's (RFC 4180). Text is written as it is, except
//! that a cell a spreadsheet would take for a formula gets a leading `'`.

use std::io;

use crate::model::{Claim, Document};

/// The header row. Columns are only ever added at the end, so a script
/// that reads them by position keeps working.
pub const HEADER: [&str; 14] = [
    "story",
    "date",
    "paragraph",
    "speaker",
    "speaker_kind",
    "role",
    "speaker_country",
    "claim_kind",
    "cue",
    "channel",
    "text",
    "authors",
    "site",
    "url",
];

/// Writes the header row.
pub fn write_header(out: impl io::Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    writer.flush()
}

/// Writes one row per claim of `document`, with no header.
pub fn write_rows(out: impl io::Write, document: &Document) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    let story = story_name(document);
    for claim in &document.claims {
        writer.write_record(row(document, &story, claim).map(inert))?;
    }
    writer.flush()
}

/// What names a story in a row: its id, else the file it came from, else its title.
fn story_name(document: &Document) -> String {
    let meta = &document.meta;
    meta.id
        .clone()
        .or_else(|| meta.source.clone())
        .unwrap_or_else(|| document.display_title())
}

fn row(document: &Document, story: &str, claim: &Claim) -> [String; 14] {
    let speaker = claim.speaker.as_deref().and_then(|id| document.speaker(id));
    let text = |value: Option<&str>| value.unwrap_or_default().to_string();
    [
        story.to_string(),
        text(document.meta.date.as_deref()),
        // The paragraph's index in the JSON (from 0), so rows join with it.
        claim.paragraph.to_string(),
        text(speaker.map(|s| s.name.as_str())),
        text(speaker.map(|s| s.kind.as_str())),
        text(speaker.and_then(|s| s.role.as_deref())),
        text(speaker.and_then(|s| s.country.as_deref())),
        claim.kind.as_str().to_string(),
        text(claim.cue.as_ref().map(|cue| cue.text.as_str())),
        text(claim.channel.as_deref()),
        claim.words(),
        // Web pages only; a name never holds "; " in practice, and the
        // JSON keeps the list.
        document.meta.authors.join("; "),
        text(document.meta.site.as_deref()),
        text(document.meta.url.as_deref()),
    ]
}

/// `cell`, made safe to open in a spreadsheet. Article text is untrusted, and
/// Excel, LibreOffice and Google Sheets run a cell that begins with `=`, `+`,
/// `-` or `@` (or a tab or carriage return before one) as a formula, which
/// can fetch URLs or run commands. A leading `'` makes them show it as text;
/// other cells are untouched.
pub(crate) fn inert(mut cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        cell.insert(0, '\'');
    }
    cell
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn cells_a_spreadsheet_would_run_are_made_text() {
        for cell in [
            "=HYPERLINK(\"http://example.com\")",
            "+1+1",
            "-2+3",
            "@SUM(A1:A2)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(inert(cell.to_string()), format!("'{cell}"));
        }
    }

    #[test]
    fn other_cells_are_left_as_they_are() {
        for cell in ["", "We will win", "1 = 1", "“=quoted”", "'already", "UA"] {
            assert_eq!(inert(cell.to_string()), cell);
        }
    }
}
