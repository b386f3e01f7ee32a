//! `--format text`: a summary to read in a terminal. Every piece of article
//! text goes through [`one_line`], so nothing in a story can drive the terminal.

use std::io::{self, Write};

use crate::model::{Claim, CountryKind, Document, Speaker, paragraph_number};
use crate::safe_text::one_line;
use crate::words::{percent, plural, thousands};

/// Longest claim text shown before it is cut with an ellipsis, in characters.
const CLAIM_WIDTH: usize = 110;

/// Writes the summary of one document.
pub fn write_text(out: &mut impl Write, document: &Document) -> io::Result<()> {
    writeln!(out, "{}", one_line(&document.display_title()))?;
    let mut facts: Vec<String> = Vec::new();
    facts.extend(document.meta.date.clone());
    facts.extend(document.meta.feed.clone());
    if !document.meta.dateline.is_empty() {
        facts.push(document.meta.dateline.join("/"));
    }
    facts.push(plural(document.paragraphs.len(), "paragraph"));
    writeln!(out, "{}", one_line(&facts.join(" · ")))?;

    let summary = &document.summary;
    let sourcing = document.sourcing();
    let quoted = &sourcing.quoted;
    writeln!(out)?;
    writeln!(
        out,
        "Sources: {}, {}; {} of claims from anonymous sources",
        thousands(quoted.len()),
        plural(summary.claims, "claim"),
        percent(summary.anonymous_share)
    )?;
    for (speaker, claims) in quoted {
        write_speaker(out, speaker, claims)?;
    }

    let unattributed = &sourcing.unattributed;
    if !unattributed.is_empty() {
        writeln!(out, "  (no source found)")?;
        for claim in unattributed.iter().copied() {
            write_claim(out, claim)?;
        }
    }

    let mentioned: Vec<String> = sourcing
        .mentioned
        .iter()
        .map(|s| one_line(&s.name).into_owned())
        .collect();
    if !mentioned.is_empty() {
        writeln!(out, "Mentioned, not quoted: {}", mentioned.join(", "))?;
    }

    writeln!(out)?;
    writeln!(out, "Countries: {}", thousands(document.countries.len()))?;
    for country in &document.countries {
        let bloc = if country.kind == CountryKind::Bloc {
            " (bloc)"
        } else {
            ""
        };
        writeln!(
            out,
            "  {:<4} {}{} — {}",
            one_line(&country.code),
            one_line(&country.name),
            bloc,
            plural(country.mentions.len(), "mention")
        )?;
    }
    Ok(())
}

fn write_speaker(out: &mut impl Write, speaker: &Speaker, claims: &[&Claim]) -> io::Result<()> {
    let mut about = vec![speaker.kind.as_str().to_string()];
    about.extend(speaker.role.as_deref().map(|r| one_line(r).into_owned()));
    about.extend(speaker.country.as_deref().map(|c| one_line(c).into_owned()));
    writeln!(
        out,
        "  {} ({}): {}",
        one_line(&speaker.name),
        about.join(", "),
        plural(claims.len(), "claim")
    )?;
    claims.iter().try_for_each(|claim| write_claim(out, claim))
}

fn write_claim(out: &mut impl Write, claim: &Claim) -> io::Result<()> {
    let cue = claim
        .cue
        .as_ref()
        .map(|cue| format!(" ({})", one_line(&cue.text)))
        .unwrap_or_default();
    writeln!(
        out,
        "    ¶{:<3} {:<8} {}{}",
        paragraph_number(claim.paragraph),
        claim.kind.as_str(),
        claim
            .kind
            .cite(&truncate(&one_line(&claim.words()), CLAIM_WIDTH)),
        cue
    )
}

fn truncate(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_cuts_on_characters() {
        assert_eq!(truncate("ééééé", 3), "ééé…");
        assert_eq!(truncate("short", 10), "short");
    }

    /// Paragraph numbers never wrap round to ¶0, whatever the index.
    #[test]
    fn the_last_possible_paragraph_is_not_paragraph_zero() {
        let mut doc = crate::annotate(&crate::load::plain::parse(
            "“We will rebuild,” the mayor said on Monday.",
        ));
        doc.claims[0].paragraph = usize::MAX;
        for write in [write_text, crate::cli::write_markdown] {
            let mut out = Vec::new();
            write(&mut out, &doc).unwrap();
            let out = String::from_utf8(out).unwrap();
            assert!(out.contains("¶18446744073709551616"), "{out}");
            assert!(!out.contains("¶0"), "{out}");
        }
    }

    /// Every count in the summary is written the same way: 1,200 sources
    /// and 1,200 claims, never "1200, 1,200 claims".
    #[test]
    fn counts_are_written_alike() {
        let text: String = (0..1200)
            .map(|n| format!("“We agree,” said Anna Berg{n}son.\n\n"))
            .collect();
        let doc = crate::annotate(&crate::load::plain::parse(&text));
        assert!(doc.sourcing().quoted.len() >= 1000);
        let mut out = Vec::new();
        write_text(&mut out, &doc).unwrap();
        let out = String::from_utf8(out).unwrap();
        let line = out.lines().find(|l| l.starts_with("Sources: ")).unwrap();
        assert!(line.starts_with("Sources: 1,"), "{line}");
        assert!(line.contains(" claims; "), "{line}");
    }
}
