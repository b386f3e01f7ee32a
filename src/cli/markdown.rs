//! `--format markdown`: a report to read or publish, one section per story.
//! Article text goes through [`one_line`] (nothing in a story reaches the
//! terminal as a control character) and then [`escape`] (nothing in a story
//! turns into markup: links, HTML, emphasis).

use std::io::{self, Write};

use crate::model::{Claim, CountryKind, Document, Speaker, paragraph_number};
use crate::safe_text::one_line;
use crate::words::plural;

/// Writes the report on one story.
pub fn write_markdown(out: &mut impl Write, document: &Document) -> io::Result<()> {
    writeln!(out, "# {}", md(&document.display_title()))?;
    writeln!(out)?;
    let meta = &document.meta;
    let mut facts: Vec<String> = Vec::new();
    facts.extend(meta.date.as_deref().map(md));
    if !meta.dateline.is_empty() {
        facts.push(md(&meta.dateline.join("/")));
    }
    facts.push(plural(document.paragraphs.len(), "paragraph"));
    facts.extend(meta.id.as_deref().map(|id| format!("id {}", md(id))));
    facts.extend(
        meta.source
            .as_deref()
            .map(|s| format!("from `{}`", code(s))),
    );
    // A web page's authors, site and address; the address in a code span,
    // so no renderer turns it into a link.
    if !meta.authors.is_empty() {
        facts.push(format!("by {}", md(&meta.authors.join(", "))));
    }
    facts.extend(meta.site.as_deref().map(md));
    facts.extend(meta.url.as_deref().map(|u| format!("`{}`", code(u))));
    writeln!(out, "{}", facts.join(" · "))?;

    let summary = &document.summary;
    let sourcing = document.sourcing();
    let quoted = &sourcing.quoted;
    writeln!(out)?;
    writeln!(out, "## Sources")?;
    writeln!(out)?;
    writeln!(
        out,
        "{}, {}; {:.0}% of claims from anonymous sources.",
        plural(quoted.len(), "source"),
        plural(summary.claims, "claim"),
        summary.anonymous_share * 100.0
    )?;
    if !quoted.is_empty() {
        writeln!(out)?;
    }
    for (speaker, claims) in quoted {
        write_speaker(out, speaker, claims)?;
    }
    let unattributed = &sourcing.unattributed;
    if !unattributed.is_empty() {
        writeln!(out, "- *No source found*")?;
        for claim in unattributed.iter().copied() {
            write_claim(out, claim)?;
        }
    }
    let mentioned: Vec<String> = sourcing.mentioned.iter().map(|s| md(&s.name)).collect();
    if !mentioned.is_empty() {
        writeln!(out)?;
        writeln!(out, "Mentioned, not quoted: {}.", mentioned.join(", "))?;
    }

    writeln!(out)?;
    writeln!(out, "## Countries")?;
    writeln!(out)?;
    if document.countries.is_empty() {
        writeln!(out, "None found.")?;
    }
    for country in &document.countries {
        let bloc = if country.kind == CountryKind::Bloc {
            " (bloc)"
        } else {
            ""
        };
        writeln!(
            out,
            "- {} ({}){bloc}: {}",
            md(&country.name),
            md(&country.code),
            plural(country.mentions.len(), "mention")
        )?;
    }
    Ok(())
}

fn write_speaker(out: &mut impl Write, speaker: &Speaker, claims: &[&Claim]) -> io::Result<()> {
    let mut about = vec![speaker.kind.as_str().to_string()];
    about.extend(speaker.role.as_deref().map(md));
    about.extend(speaker.country.as_deref().map(md));
    writeln!(
        out,
        "- **{}** ({}): {}",
        md(&speaker.name),
        about.join(", "),
        plural(claims.len(), "claim")
    )?;
    claims.iter().try_for_each(|claim| write_claim(out, claim))
}

fn write_claim(out: &mut impl Write, claim: &Claim) -> io::Result<()> {
    let mut how = vec![claim.kind.as_str().to_string()];
    how.extend(claim.cue.as_ref().map(|cue| md(&cue.text)));
    how.extend(claim.channel.as_deref().map(md));
    writeln!(
        out,
        "  - ¶{} {}: {}",
        paragraph_number(claim.paragraph),
        how.join(", "),
        claim.kind.cite(&md(&claim.words()))
    )
}

/// Article text made safe for a terminal, on one line, with Markdown's
/// punctuation escaped.
fn md(text: &str) -> String {
    escape(&one_line(text))
}

/// Backslash-escapes the characters that would start markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A path inside a code span: safe text with backticks replaced.
fn code(text: &str) -> String {
    one_line(text).replace('`', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_article_text_is_escaped() {
        assert_eq!(
            escape("<b>*hi*</b> [x](y) #1!"),
            "\\<b\\>\\*hi\\*\\</b\\> \\[x\\](y) #1!"
        );
    }

    #[test]
    fn control_characters_never_pass() {
        assert_eq!(md("a\u{1b}[2Jb\nc"), "a␛\\[2Jb c");
    }
}
