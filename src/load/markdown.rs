//! Markdown stories: headings, emphasis and links reduced to their text,
//! `title:`, `date:` and `id:` from YAML-style front matter.
//!
//! Paragraph text is the reduced text, not a slice of the file (see
//! [`super::blocks`]). Images, code blocks, raw HTML and footnote
//! definitions are not prose and are left out.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::Article;
use super::blocks::{Block, article_from_blocks, iso_date};
use crate::model::{Meta, ParagraphKind};

/// Reads a Markdown story.
pub fn parse(text: &str) -> Article {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (meta, body) = front_matter(text);
    // No smart punctuation: quote marks must stay as the author typed them.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut blocks = Collector::default();
    for event in Parser::new_ext(body, options) {
        blocks.event(event);
    }
    blocks.flush();
    article_from_blocks(meta, blocks.done)
}

#[derive(Default)]
struct Collector {
    done: Vec<Block>,
    text: String,
    kind: Option<ParagraphKind>,
    /// Depth inside things that are not prose (images, code, footnote bodies).
    hidden: usize,
}

impl Collector {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            _ if self.hidden > 0 => {}
            Event::Text(text) | Event::Code(text) => self.text.push_str(&text),
            Event::SoftBreak => self.text.push(' '),
            Event::HardBreak => self.text.push('\n'),
            Event::Rule => self.flush(),
            // Raw HTML, footnote marks, math and checkboxes are not prose.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Image { .. }
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::FootnoteDefinition(_)
            | Tag::MetadataBlock(_) => self.hidden += 1,
            Tag::Heading { level, .. } => {
                self.flush();
                self.kind = Some(if level == HeadingLevel::H1 {
                    ParagraphKind::Title
                } else {
                    ParagraphKind::Heading
                });
            }
            Tag::Paragraph | Tag::Item | Tag::BlockQuote(_) | Tag::TableRow | Tag::TableHead => {
                self.flush()
            }
            Tag::TableCell if !self.text.is_empty() => self.text.push_str(" | "),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Image
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::FootnoteDefinition
            | TagEnd::MetadataBlock(_) => self.hidden = self.hidden.saturating_sub(1),
            TagEnd::Heading(_)
            | TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
            | TagEnd::TableRow
            | TagEnd::TableHead => self.flush(),
            _ => {}
        }
    }

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        let kind = self.kind.take().unwrap_or(ParagraphKind::Body);
        if !text.trim().is_empty() {
            self.done.push(Block { kind, text });
        }
    }
}

/// Splits `---` front matter off the text; reads `title:`, `date:` and `id:`
/// from it. Other keys are ignored; text with no closing `---` has none.
fn front_matter(text: &str) -> (Meta, &str) {
    let mut meta = Meta::default();
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (meta, text);
    };
    let mut offset = text.len() - rest.len();
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line == "---" || line == "..." {
            return (meta, &text[offset..]);
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => meta.title = Some(value),
            "date" => meta.date = iso_date(&value),
            "id" => meta.id = Some(value),
            _ => {}
        }
    }
    (Meta::default(), text)
}

/// A YAML scalar without its quotes: `"A \"b\""` → `A "b"`, `'It''s'` → `It's`.
fn unquote(value: &str) -> String {
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        return inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(article: &Article) -> Vec<(ParagraphKind, &str)> {
        article
            .paragraphs
            .iter()
            .map(|p| (p.kind, p.text.as_str()))
            .collect()
    }

    #[test]
    fn markup_is_reduced_to_text() {
        let article = parse(
            "# Council *backs* plan\n\nThe **mayor** said the [plan](https://example.org/plan) \
             was `ready`, and\nit passed.\n\n## What comes next\n\n- First item\n- Second item\n",
        );
        assert_eq!(
            texts(&article),
            [
                (ParagraphKind::Title, "Council backs plan"),
                (
                    ParagraphKind::Body,
                    "The mayor said the plan was ready, and it passed."
                ),
                (ParagraphKind::Heading, "What comes next"),
                (ParagraphKind::Body, "First item"),
                (ParagraphKind::Body, "Second item"),
            ]
        );
        assert_eq!(article.meta.title.as_deref(), Some("Council backs plan"));
    }

    #[test]
    fn front_matter_gives_title_date_and_id() {
        let article = parse(
            "---\ntitle: \"Bridge \\\"fixed\\\" at last\"\ndate: 2023-07-14T08:00:00Z\nid: 'a-17'\ntags: [x]\n---\n\nThe bridge reopened.\n",
        );
        assert_eq!(
            article.meta.title.as_deref(),
            Some("Bridge \"fixed\" at last")
        );
        assert_eq!(article.meta.date.as_deref(), Some("2023-07-14"));
        assert_eq!(article.meta.id.as_deref(), Some("a-17"));
        assert_eq!(
            texts(&article),
            [(ParagraphKind::Body, "The bridge reopened.")]
        );
    }

    #[test]
    fn an_unclosed_front_matter_is_text() {
        let article = parse("---\ntitle: nothing closes this\n");
        assert_eq!(article.meta.title, None);
        assert!(!article.paragraphs.is_empty());
    }

    #[test]
    fn images_code_html_and_footnotes_are_left_out() {
        let article = parse(
            "![A crowd at the gate](crowd.jpg)\n\n```\nlet x = 1;\n```\n\n<div class=\"ad\">Buy now</div>\n\n\
             She spoke[^1] “at length”.\n\n[^1]: A note.\n",
        );
        assert_eq!(
            texts(&article),
            [(ParagraphKind::Body, "She spoke “at length”.")]
        );
    }

    #[test]
    fn quote_marks_stay_as_typed_and_datelines_are_cut() {
        let article = parse("OSLO — \"We agree,\" she said. It's done -- mostly.\n");
        assert_eq!(article.meta.dateline, ["OSLO"]);
        assert_eq!(
            article.paragraphs[0].text,
            "\"We agree,\" she said. It's done -- mostly."
        );
    }
}
