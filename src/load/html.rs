//! Web pages: the article body only, with its title and date.
//!
//! The body is the `<article>` (or `<main>`, or `articleBody`) that holds the
//! page's densest block of `<p>` text, or that block itself when no such
//! element holds it. Navigation, scripts, styles, figures and their captions,
//! forms, share and "related" widgets are dropped. Paragraph text is the
//! text of the markup, entities decoded and white space collapsed as a
//! browser would (see [`super::blocks`]).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use html5ever::LocalName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use scraper::{ElementRef, Html, Node, Selector, node::Element};

use super::Article;
use super::blocks::{Block, article_from_blocks, iso_date};
use crate::model::{Meta, ParagraphKind};

/// Elements that never hold article prose.
const SKIP_TAGS: &[&str] = &[
    "applet",
    "aside",
    "audio",
    "button",
    "canvas",
    "dialog",
    "embed",
    "figcaption",
    "figure",
    "footer",
    "form",
    "head",
    "iframe",
    "img",
    "input",
    "label",
    "link",
    "map",
    "menu",
    "meta",
    "nav",
    "noscript",
    "object",
    "picture",
    "script",
    "select",
    "source",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "video",
];

/// ARIA roles of page furniture.
const SKIP_ROLES: &[&str] = &[
    "alert",
    "alertdialog",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "menu",
    "menubar",
    "navigation",
    "search",
    "toolbar",
];

/// Words in a class or id that mark a widget rather than prose
/// (`share-bar`, `related_links`, `ad-slot`), matched as whole words.
const NOISE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "credit",
    "footer",
    "masthead",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "paywall",
    "popup",
    "promo",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "toolbar",
    "trending",
    "widget",
];

/// Lines that widgets leave in the text when their markup gave no hint.
const BOILERPLATE: &[&str] = &[
    "advertisement",
    "skip advertisement",
    "share",
    "share this article",
    "share this story",
    "read more",
    "continue reading",
    "subscribe",
    "sign up",
    "story continues below advertisement",
];

/// Elements that start a new block of text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// A widget is only dropped by its class when it holds less than this share
/// of the body's paragraph text; an article body called `has-comments` stays.
const NOISE_MAX_SHARE: f64 = 0.3;

/// Deepest nesting of elements read. Browsers stop nesting at about this
/// depth too (Blink at 512), and the HTML tree builder takes time in
/// proportion to depth for every tag, so deeper pages are refused rather
/// than left to run for minutes.
pub const MAX_DEPTH: usize = 512;

/// A page nested deeper than [`MAX_DEPTH`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep;

/// Reads a web page.
pub fn parse(text: &str) -> Result<Article, TooDeep> {
    if nesting_depth(text) > MAX_DEPTH {
        return Err(TooDeep);
    }
    let page = Html::parse_document(text);
    let mut meta = meta_of(&page);
    let root = body_root(&page);
    let root_text = p_text_len(root);
    let mut collector = Collector {
        blocks: Vec::new(),
        text: String::new(),
        kind: ParagraphKind::Body,
        line_breaks: 0,
        root_text,
    };
    if meta.date.is_none() {
        meta.date = first_time(root).or_else(|| first_time(page.root_element()));
    }
    collector.walk(*root);
    collector.flush();
    let mut article = article_from_blocks(meta, collector.blocks);
    if article.meta.title.is_none() {
        article.meta.title = page_title(&page);
    }
    Ok(article)
}

/// Elements with no end tag, or whose end tag may be left out: they do not
/// nest when written one after another.
const UNNESTED: &[&str] = &[
    "area", "base", "body", "br", "caption", "col", "colgroup", "dd", "dt", "embed", "head", "hr",
    "html", "img", "input", "li", "link", "meta", "optgroup", "option", "p", "param", "rb", "rp",
    "rt", "rtc", "source", "tbody", "td", "tfoot", "th", "thead", "tr", "track", "wbr",
];

/// Elements that an end tag of another name cannot close past: the tree
/// builder ignores `</q>` while a `<div>` is open ("special" elements in
/// the HTML standard's parsing rules).
#[rustfmt::skip]
const SPECIAL: &[&str] = &[
    "address", "applet", "article", "aside", "blockquote", "button", "center", "details", "dir",
    "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "iframe", "listing", "main", "marquee",
    "menu", "nav", "noembed", "noframes", "noscript", "object", "ol", "plaintext", "pre", "script",
    "search", "section", "select", "style", "summary", "table", "template", "textarea", "title",
    "ul", "xmp",
];

/// Elements that bound the scope an end tag of a special element looks in.
const SCOPE_BOUNDARIES: &[&str] = &[
    "applet", "caption", "marquee", "object", "table", "template",
];

/// How deep the page's elements nest, counted from its tags by the HTML
/// tokenizer (linear time), before the tree is built. The open elements are
/// kept as the tree builder keeps them, so an end tag it would ignore (`</q>`
/// inside a `<div>`) does not lower the count; the count stops once it passes
/// [`MAX_DEPTH`], so the stack searched for each end tag stays short.
fn nesting_depth(text: &str) -> usize {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    let tokenizer = Tokenizer::new(DepthSink::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.deepest.get()
}

#[derive(Default)]
struct DepthSink {
    open: RefCell<Vec<LocalName>>,
    deepest: Cell<usize>,
}

impl DepthSink {
    /// Closes the element `name` ends, if the tree builder would: the nearest
    /// open element of that name, unless an element the end tag cannot reach
    /// past comes first.
    fn close(&self, name: &LocalName) {
        let mut open = self.open.borrow_mut();
        let stops_at: &[&str] = if SPECIAL.contains(&&**name) {
            SCOPE_BOUNDARIES
        } else {
            SPECIAL
        };
        for at in (0..open.len()).rev() {
            if open[at] == *name {
                open.truncate(at);
                return;
            }
            if stops_at.contains(&&*open[at]) {
                return;
            }
        }
    }
}

impl TokenSink for DepthSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if self.deepest.get() > MAX_DEPTH {
            return TokenSinkResult::Continue;
        }
        let name: &str = &tag.name;
        if UNNESTED.contains(&name) || tag.self_closing {
            return TokenSinkResult::Continue;
        }
        match tag.kind {
            TagKind::StartTag => {
                let depth = {
                    let mut open = self.open.borrow_mut();
                    open.push(tag.name.clone());
                    open.len()
                };
                self.deepest.set(self.deepest.get().max(depth));
                // As the tree builder would: these hold text, not tags.
                match name {
                    "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                        return TokenSinkResult::RawData(RawKind::Rawtext);
                    }
                    "title" | "textarea" => return TokenSinkResult::RawData(RawKind::Rcdata),
                    "plaintext" => return TokenSinkResult::Plaintext,
                    _ => {}
                }
            }
            TagKind::EndTag => self.close(&tag.name),
        }
        TokenSinkResult::Continue
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid built-in selector")
}

/// Title and date from `og:`, `article:` and other meta tags.
fn meta_of(page: &Html) -> Meta {
    let content = |css: &str| {
        page.select(&selector(css))
            .filter_map(|m| m.attr("content"))
            .map(str::trim)
            .find(|c| !c.is_empty())
            .map(str::to_string)
    };
    let title = content(r#"meta[property="og:title"]"#)
        .or_else(|| content(r#"meta[name="twitter:title"]"#));
    let date = [
        r#"meta[property="article:published_time"]"#,
        r#"meta[property="og:article:published_time"]"#,
        r#"meta[itemprop="datePublished"]"#,
        r#"meta[name="date"]"#,
        r#"meta[name="pubdate"]"#,
        r#"meta[name="publish-date"]"#,
    ]
    .iter()
    .find_map(|css| content(css).as_deref().and_then(iso_date));
    Meta {
        title,
        date,
        ..Meta::default()
    }
}

/// The date of the first `<time>` under `scope` that has one.
fn first_time(scope: ElementRef<'_>) -> Option<String> {
    scope.select(&selector("time")).find_map(|time| {
        time.attr("datetime")
            .and_then(iso_date)
            .or_else(|| iso_date(&time.text().collect::<String>()))
    })
}

/// `<title>`, without a trailing " | Site name" when the page names its site.
fn page_title(page: &Html) -> Option<String> {
    let title = page.select(&selector("title")).next()?;
    let title = collapse(&title.text().collect::<String>());
    let site = page
        .select(&selector(r#"meta[property="og:site_name"]"#))
        .find_map(|m| m.attr("content"))
        .map(str::trim)
        .unwrap_or_default();
    let mut title = title.as_str();
    for separator in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let tail = tail.trim();
            let is_site = if site.is_empty() {
                reads_as_site_name(head, tail)
            } else {
                tail.eq_ignore_ascii_case(site)
            };
            if is_site {
                title = head.trim();
                break;
            }
        }
    }
    (!title.is_empty()).then(|| title.to_string())
}

/// What stands between a page's headline and its site's name in `<title>`.
const TITLE_SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " · "];

/// With no `og:site_name` to compare with, a suffix is taken for the site's
/// name when it reads as one (one to four words, each capitalized: "Valley
/// Times") after a headline of three words or more. "Kyiv - live" or
/// "Trump - Putin talks end" keep their dash.
fn reads_as_site_name(head: &str, tail: &str) -> bool {
    let words: Vec<&str> = tail.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        && head.split_whitespace().count() >= 3
}

/// The element holding the article (see the module documentation).
fn body_root(page: &Html) -> ElementRef<'_> {
    let Some(densest) = densest_block(page) else {
        return page
            .select(&selector("body"))
            .next()
            .unwrap_or_else(|| page.root_element());
    };
    let holds_densest = |element: &ElementRef<'_>| {
        element.id() == densest.id() || densest.ancestors().any(|a| a.id() == element.id())
    };
    let innermost = |css: &str| page.select(&selector(css)).rfind(holds_densest);
    innermost("article")
        .or_else(|| innermost(r#"[itemprop~="articleBody"], main, [role="main"]"#))
        .unwrap_or(densest)
}

/// The element whose paragraphs hold the most text: each `<p>` counts in
/// full for its parent and half for its grandparent, so bodies that wrap
/// every paragraph in a `<div>` are still found.
fn densest_block(page: &Html) -> Option<ElementRef<'_>> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for p in page.select(&selector("p")) {
        if p.ancestors()
            .any(|a| a.value().as_element().is_some_and(is_furniture))
        {
            continue;
        }
        let length = collapse(&p.text().collect::<String>()).chars().count() as f64;
        let mut parents = p.ancestors().filter(|a| a.value().is_element());
        if let Some(parent) = parents.next() {
            *scores.entry(parent.id()).or_default() += length;
        }
        if let Some(grandparent) = parents.next() {
            *scores.entry(grandparent.id()).or_default() += length / 2.0;
        }
    }
    let (id, _) = scores
        .into_iter()
        .filter(|(_, score)| *score > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
    page.tree.get(id).and_then(ElementRef::wrap)
}

/// Tags and roles that never hold the article, whatever their size.
fn is_furniture(element: &Element) -> bool {
    SKIP_TAGS.contains(&element.name())
        || element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || element
            .attr("role")
            .is_some_and(|role| SKIP_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
}

/// A class or id naming a widget: `share-tools`, `relatedLinks` does not
/// (words are split on `-`, `_` and spaces only).
fn has_noise_name(element: &Element) -> bool {
    let names = element.attr("class").into_iter().chain(element.attr("id"));
    names
        .flat_map(|value| value.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|word| NOISE_WORDS.contains(&word.to_ascii_lowercase().as_str()))
}

/// Characters of `<p>` text under `element`.
fn p_text_len(element: ElementRef<'_>) -> usize {
    let own = usize::from(element.value().name() == "p");
    element
        .select(&selector("p"))
        .chain((own == 1).then_some(element))
        .map(|p| p.text().map(|t| t.chars().count()).sum::<usize>())
        .sum()
}

fn heading_kind(name: &str) -> Option<ParagraphKind> {
    match name {
        "h1" => Some(ParagraphKind::Title),
        "h2" | "h3" | "h4" | "h5" | "h6" => Some(ParagraphKind::Heading),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Walk {
    Into,
    Skip,
}

struct Collector {
    blocks: Vec<Block>,
    text: String,
    kind: ParagraphKind,
    /// `<br>`s in a row with no text between them; two break the paragraph.
    line_breaks: usize,
    root_text: usize,
}

impl Collector {
    /// Walks the tree under `root` in document order without recursion (a
    /// page may nest deeply), skipping furniture and widgets whole.
    fn walk(&mut self, root: NodeRef<'_, Node>) {
        let mut skipping: Option<NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) if node.id() == root.id() => {}
                Edge::Close(node) if node.id() == root.id() => {}
                Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
                _ if skipping.is_some() => {}
                Edge::Open(node) => match node.value() {
                    Node::Text(text) => self.push_text(text),
                    Node::Element(element) if self.open(node, element) == Walk::Skip => {
                        skipping = Some(node.id());
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if let Node::Element(element) = node.value()
                        && (heading_kind(element.name()).is_some()
                            || BLOCK_TAGS.contains(&element.name()))
                    {
                        self.flush();
                    }
                }
            }
        }
    }

    fn open(&mut self, node: NodeRef<'_, Node>, element: &Element) -> Walk {
        let name = element.name();
        if name == "br" {
            self.line_break();
            return Walk::Skip;
        }
        if is_furniture(element) || self.is_widget(node, element) {
            return Walk::Skip;
        }
        if let Some(kind) = heading_kind(name) {
            self.flush();
            self.kind = kind;
        } else if BLOCK_TAGS.contains(&name) {
            self.flush();
        } else if matches!(name, "td" | "th") {
            self.push_text(" ");
        }
        Walk::Into
    }

    fn is_widget(&self, node: NodeRef<'_, Node>, element: &Element) -> bool {
        if !has_noise_name(element) {
            return false;
        }
        let Some(element) = ElementRef::wrap(node) else {
            return false;
        };
        (p_text_len(element) as f64) < NOISE_MAX_SHARE * self.root_text as f64
    }

    /// Appends text, folding runs of HTML white space to one space.
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                    self.text.push(' ');
                }
            } else {
                self.line_breaks = 0;
                self.text.push(c);
            }
        }
    }

    fn line_break(&mut self) {
        if self.line_breaks > 0 {
            self.flush();
            return;
        }
        self.line_breaks += 1;
        let kept = self.text.trim_end_matches(' ').len();
        self.text.truncate(kept);
        self.text.push('\n');
    }

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        let kind = std::mem::replace(&mut self.kind, ParagraphKind::Body);
        self.line_breaks = 0;
        let trimmed = text.trim();
        if trimmed.is_empty() || is_boilerplate(trimmed) {
            return;
        }
        self.blocks.push(Block {
            kind,
            text: trimmed.to_string(),
        });
    }
}

fn is_boilerplate(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    let core = text
        .trim_end_matches(['.', ':', '…', '»', '›', '→', ' '])
        .to_lowercase();
    BOILERPLATE.contains(&core.as_str())
}

/// White space folded and trimmed, for metadata.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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

    fn parse(text: &str) -> Article {
        super::parse(text).expect("a page of ordinary depth")
    }

    #[test]
    fn deep_pages_are_refused_before_the_tree_is_built() {
        let page = |depth: usize| format!("<body>{}<p>Deep.</p>", "<div>".repeat(depth));
        assert_eq!(nesting_depth(&page(10)), 10);
        assert!(super::parse(&page(MAX_DEPTH - 2)).is_ok());
        assert_eq!(super::parse(&page(MAX_DEPTH + 1)), Err(TooDeep));
        // Paragraphs and list items close themselves; scripts hold no tags.
        let flat = format!(
            "{}<script>{}</script>",
            "<p>one<li>two".repeat(2000),
            "<b>".repeat(2000)
        );
        assert!(nesting_depth(&flat) < 5, "{}", nesting_depth(&flat));
    }

    #[test]
    fn end_tags_the_tree_builder_ignores_do_not_hide_depth() {
        // `</q>` closes nothing while a `<div>` is open, so each `<div>` nests.
        let unmatched = format!("<body><article>{}", "<div></q>".repeat(MAX_DEPTH));
        assert!(nesting_depth(&unmatched) > MAX_DEPTH);
        assert_eq!(super::parse(&unmatched), Err(TooDeep));
        // An end tag does close what it can reach: `</div>` closes the
        // `<span>` left open inside it, and `</b>` its own element.
        let closed = "<div><span></div><div><b>x</b></div>".repeat(MAX_DEPTH * 2);
        assert_eq!(nesting_depth(&closed), 2);
        // `</div>` cannot close a `<div>` outside the table it is in.
        assert_eq!(nesting_depth("<div><table></div><div>"), 3);
    }

    #[test]
    fn a_page_without_an_article_element_uses_its_densest_block() {
        let article = parse(
            "<html><body><div class=top><p>Home</p><p>World</p></div>\
             <div id=story><p>The first paragraph of the story is long enough.</p>\
             <p>The second paragraph also carries the news.</p></div></body></html>",
        );
        assert_eq!(
            texts(&article),
            [
                (
                    ParagraphKind::Body,
                    "The first paragraph of the story is long enough."
                ),
                (
                    ParagraphKind::Body,
                    "The second paragraph also carries the news."
                )
            ]
        );
    }

    #[test]
    fn white_space_folds_and_line_breaks_stay() {
        let article = parse(
            "<article><p>  One\n\t line &amp; <b>bold</b>&nbsp;word<br>next line</p>\
             <div>Loose text<br><br>after two breaks</div></article>",
        );
        assert_eq!(
            texts(&article),
            [
                (ParagraphKind::Body, "One line & bold\u{a0}word\nnext line"),
                (ParagraphKind::Body, "Loose text"),
                (ParagraphKind::Body, "after two breaks"),
            ]
        );
    }

    #[test]
    fn a_body_with_a_noisy_class_is_kept() {
        let article = parse(
            "<article class=\"story has-comments\"><p>The text of the article, long enough to count.</p>\
             <div class=share-tools><p>Share</p><p>Tweet</p></div></article>",
        );
        assert_eq!(
            texts(&article),
            [(
                ParagraphKind::Body,
                "The text of the article, long enough to count."
            )]
        );
    }

    #[test]
    fn noise_words_match_whole_words_only() {
        let noisy = |class: &str| {
            let page = Html::parse_fragment(&format!("<div class=\"{class}\"></div>"));
            let div = page.select(&selector("div")).next().expect("a div");
            has_noise_name(div.value())
        };
        assert!(noisy("social-share"));
        assert!(noisy("ad_slot top"));
        assert!(!noisy("header-lead"));
        assert!(!noisy("shared-content"));
    }

    #[test]
    fn the_site_name_is_cut_from_the_page_title() {
        let article = parse(
            "<html><head><title>Dam opens | The Valley Post</title>\
             <meta property=\"og:site_name\" content=\"The Valley Post\"></head>\
             <body><p>The dam opened.</p></body></html>",
        );
        assert_eq!(article.meta.title.as_deref(), Some("Dam opens"));
    }

    #[test]
    fn a_site_name_no_meta_tag_names_is_cut_only_when_it_reads_as_one() {
        let title = |title: &str| {
            parse(&format!(
                "<html><head><title>{title}</title></head><body><p>The dam opened.</p></body></html>"
            ))
            .meta
            .title
        };
        assert_eq!(
            title("Dam opens on time | Valley Post").as_deref(),
            Some("Dam opens on time")
        );
        assert_eq!(
            title("Dam opens on time - The Valley Post").as_deref(),
            Some("Dam opens on time")
        );
        // Not a site's name: lower case, too long, or after a short head.
        for kept in [
            "Dam opens on time - sources",
            "Dam opens - Valley Post",
            "Dam opens on time - And Why The Town Is Glad",
        ] {
            assert_eq!(title(kept).as_deref(), Some(kept));
        }
    }
}
