//! `whosaid search QUERY`: claims from the archive, as text, JSON or CSV.
//! Exit status as grep's: 0 with hits, 1 with none, 2 for a usage error
//! or no archive.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use super::stories::Reporter;
use super::{EXIT_NOTHING_READ, EXIT_OK, EXIT_SOME_FAILED, SearchArgs, SearchFormat};
use crate::archive::{Hit, Query};
use crate::safe_text::one_line;

/// Runs `whosaid search`.
pub fn run_search(args: &SearchArgs) -> ExitCode {
    let report = Reporter::plain();
    let query = Query::new(
        &args.query.join(" "),
        args.speaker.as_deref(),
        args.country.as_deref(),
        args.since.as_deref(),
        args.until.as_deref(),
    );
    let mut query = match query {
        Ok(query) => query,
        Err(usage) => {
            report.problem(usage);
            return ExitCode::from(EXIT_NOTHING_READ);
        }
    };
    query.limit = args.limit;
    let Some(path) = super::archive_cmd::archive_path(&report) else {
        return ExitCode::from(EXIT_NOTHING_READ);
    };
    let Some(archive) = super::archive_cmd::open_existing(&path, &report) else {
        return ExitCode::from(EXIT_NOTHING_READ);
    };
    let hits = match archive.search(&query) {
        Ok(hits) => hits,
        Err(error) => {
            report.problem(error);
            return ExitCode::from(EXIT_NOTHING_READ);
        }
    };
    // Stored text is untrusted, and any format may land on a terminal:
    // every field is made one safe line first.
    let hits: Vec<Hit> = hits.into_iter().map(safe).collect();
    let mut out = BufWriter::new(io::stdout().lock());
    let written = match args.format {
        SearchFormat::Text => write_text(&mut out, &hits),
        SearchFormat::Json => write_json(&mut out, &hits),
        SearchFormat::Csv => write_csv(&mut out, &hits),
    };
    match written.and_then(|()| out.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            report.problem(format_args!("cannot write output: {error}"));
            return ExitCode::from(EXIT_NOTHING_READ);
        }
        _ => {}
    }
    ExitCode::from(if hits.is_empty() {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

fn safe(hit: Hit) -> Hit {
    let line = |text: String| one_line(&text).into_owned();
    let maybe = |text: Option<String>| text.map(line);
    Hit {
        key: line(hit.key),
        title: line(hit.title),
        date: maybe(hit.date),
        url: maybe(hit.url),
        source: maybe(hit.source),
        claim: line(hit.claim),
        kind: line(hit.kind),
        paragraph: hit.paragraph,
        speaker: maybe(hit.speaker),
        text: line(hit.text),
    }
}

/// A block per hit: title and date, then who said what (quoted words in
/// quotation marks, reported speech without), then a blank line.
fn write_text(out: &mut impl Write, hits: &[Hit]) -> io::Result<()> {
    for (n, hit) in hits.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        match &hit.date {
            Some(date) => writeln!(out, "{} ({date})", hit.title)?,
            None => writeln!(out, "{}", hit.title)?,
        }
        let (open, close) = if hit.kind == "indirect" {
            ("", "")
        } else {
            ("“", "”")
        };
        let speaker = hit.speaker.as_deref().unwrap_or("(unattributed)");
        writeln!(out, "  {speaker}: {open}{}{close}", hit.text)?;
    }
    Ok(())
}

fn write_json(out: &mut impl Write, hits: &[Hit]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, hits)?;
    writeln!(out)
}

/// The CSV header: columns are only ever added at the end.
const CSV_HEADER: [&str; 10] = [
    "title",
    "date",
    "speaker",
    "claim_kind",
    "text",
    "paragraph",
    "claim",
    "url",
    "source",
    "key",
];

fn write_csv(out: &mut impl Write, hits: &[Hit]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_HEADER)?;
    for hit in hits {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let row = [
            hit.title.clone(),
            text(&hit.date),
            text(&hit.speaker),
            hit.kind.clone(),
            hit.text.clone(),
            hit.paragraph.to_string(),
            hit.claim.clone(),
            text(&hit.url),
            text(&hit.source),
            hit.key.clone(),
        ];
        writer.write_record(row.map(super::csv::inert))?;
    }
    writer.flush()
}
