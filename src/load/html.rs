//! Web pages: the article body only, with its title and date.
//!
//! The body is the `<article>` (or `<main>`, or `articleBody`) that holds the
//! page's densest block of `<p>` text, or that block itself when no such
//! element holds it. Navigation, scripts, styles, figures and their captions,
//! forms, share and "related" widgets are dropped. Paragraph text is the
//! text of the markup, entities decoded and white space collapsed as a
//! browser would (see [`super::blocks`]).

use std::sync::LazyLock;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use html5ever::{local_name, ns};
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::{ElementRef, Html, Node, Selector, node::Element};

use super::Article;
use super::blocks::{Block, article_from_blocks, iso_date};
use super::page_index::{PageIndex, matching};
use super::page_meta::{self, PageMeta};
use crate::model::ParagraphKind;

/// Elements that never hold article prose.
fn is_skip_tag(name: &str) -> bool {
    // A `match`, not a search of a list: it runs for every element.
    matches!(
        name,
        "applet"
            | "aside"
            | "audio"
            | "button"
            | "canvas"
            | "dialog"
            | "embed"
            | "figcaption"
            | "figure"
            | "footer"
            | "head"
            | "iframe"
            | "img"
            | "input"
            | "label"
            | "link"
            | "map"
            | "menu"
            | "meta"
            | "nav"
            | "noscript"
            | "object"
            | "picture"
            | "script"
            | "select"
            | "source"
            | "style"
            | "svg"
            | "template"
            | "textarea"
            | "title"
            | "video"
    )
}

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

/// Elements that start a new block of text.
fn is_block_tag(name: &str) -> bool {
    // A `match`, not a search of a list: it runs for every element.
    matches!(
        name,
        "address"
            | "article"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// A widget is only dropped by its class when it holds less than this share
/// of the body's paragraph text; an article body called `has-comments` stays.
const NOISE_MAX_SHARE: f64 = 0.3;

pub use super::tree::{MAX_DEPTH, TooDeep};

/// Reads a web page.
pub fn parse(text: &str) -> Result<Article, TooDeep> {
    let page = super::tree::build(text)?;
    let index = PageIndex::of(&page);
    let PageMeta {
        mut meta,
        article_body,
    } = page_meta::read(&page, &index);
    let stats = Stats::of(&page);
    let (roots, top) = article_roots(&page, &index, &stats);
    let root_text = roots.iter().map(|r| stats.text_under(r.id())).sum();
    let mut collector = Collector {
        lines: Vec::new(),
        text: String::new(),
        kind: ParagraphKind::Body,
        line_breaks: 0,
        link_depth: 0,
        link_chars: 0,
        root_text,
        stats: &stats,
        top,
    };
    if meta.date.is_none() {
        meta.date = roots
            .iter()
            .find_map(|r| first_time(*r))
            .or_else(|| first_time(page.root_element()));
    }
    for root in &roots {
        collector.walk(**root);
        collector.flush();
    }
    let mut lines = collector.lines;
    trim_edges(&mut lines);
    let mut blocks: Vec<Block> = lines.into_iter().map(|l| l.block).collect();
    if let Some(body) = article_body {
        prefer_structured_body(&mut blocks, &body);
    }
    // Metadata first, then `<title>`, then the page's `<h1>`
    // (article_from_blocks takes it when no title is set).
    // A metadata title is kept as the page gives it, site name and all.
    if meta.title.is_none() {
        meta.title = page_title(&index);
    }
    Ok(article_from_blocks(meta, blocks))
}

/// Whether the text has any markup at all: a tag, a comment or a doctype
/// (`<p`, `</`, `<!`). A file named `.html` without one is not a web page.
pub fn has_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!')))
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid built-in selector")
}

/// The selectors read for every page, parsed once.
static SITE_NAME: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"meta[property="og:site_name"]"#));
static ARTICLE_BODY: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"[itemprop~="articleBody"]"#));
static ARTICLE: LazyLock<Selector> = LazyLock::new(|| selector("article"));
static MAIN: LazyLock<Selector> = LazyLock::new(|| selector(r#"main, [role="main"]"#));

/// The date of the first `<time>` under `scope` that has one.
fn first_time(scope: ElementRef<'_>) -> Option<String> {
    scope.select(&selector("time")).find_map(|time| {
        time.attr("datetime")
            .and_then(iso_date)
            .or_else(|| iso_date(&time.text().collect::<String>()))
    })
}

/// `<title>`, without a trailing " | Site name" when the page names its site.
fn page_title(index: &PageIndex<'_>) -> Option<String> {
    let title = matching(&index.titles, &page_meta::TITLE).next()?;
    let title = collapse(&title.text().collect::<String>());
    let site = matching(&index.metas, &SITE_NAME)
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
    // "Port director quits - 12 mins ago": the time the page was seen goes.
    let title = super::plain::without_relative_time(title);
    (!title.is_empty()).then(|| title.to_string())
}

/// What stands between a page's headline and its site's name in `<title>`.
const TITLE_SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " · "];

/// With no `og:site_name` to compare with, a suffix is taken for the site's
/// name when it reads as one (one to four words, the first capitalized:
/// "Valley Times", "My website") after a headline of three words or more. "Kyiv - live" or
/// "Trump - Putin talks end" keep their dash.
fn reads_as_site_name(head: &str, tail: &str) -> bool {
    let words: Vec<&str> = tail.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words[0]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && head.split_whitespace().count() >= 3
}

/// Text counted under the page's elements in one pass, furniture left out.
#[derive(Default)]
struct Stats {
    /// Text directly in a block element, not in a block nested in it: the
    /// paragraph that block is. Text in `<br>` runs or bare in a container
    /// counts for the container.
    own: FxHashMap<NodeId, Own>,
    /// All readable text under an element, and how much of it is in links.
    subtree: FxHashMap<NodeId, usize>,
    subtree_links: FxHashMap<NodeId, usize>,
    /// Text in `<body>`.
    page_text: usize,
    /// Elements whose class or id names a widget, found once here rather
    /// than again for every paragraph below them.
    widgets: FxHashSet<NodeId>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Own {
    chars: usize,
    link_chars: usize,
    breaks: usize,
}

impl Own {
    fn link_share(&self) -> f64 {
        self.link_chars as f64 / self.chars.max(1) as f64
    }
}

struct Frame {
    id: NodeId,
    block: bool,
    chars: usize,
    link_chars: usize,
}

impl Stats {
    fn of(page: &Html) -> Stats {
        let mut stats = Stats::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut skipping: Option<NodeId> = None;
        let mut link_depth = 0usize;
        let mut body = None;
        for edge in page.tree.root().traverse() {
            match edge {
                Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
                _ if skipping.is_some() => {}
                Edge::Open(node) => match node.value() {
                    Node::Element(element) if is_furniture(element) => skipping = Some(node.id()),
                    Node::Element(element) => {
                        let name = element.name();
                        if name == "body" && body.is_none() {
                            body = Some(node.id());
                        }
                        if has_noise_name(element) {
                            stats.widgets.insert(node.id());
                        }
                        if name == "a" {
                            link_depth += 1;
                        }
                        if name == "br"
                            && let Some(holder) = stack.iter().rev().find(|f| f.block)
                        {
                            stats.own.entry(holder.id).or_default().breaks += 1;
                        }
                        stack.push(Frame {
                            id: node.id(),
                            block: is_block(name),
                            chars: 0,
                            link_chars: 0,
                        });
                    }
                    Node::Text(text) => {
                        let chars = folded_len(text);
                        if chars == 0 {
                            continue;
                        }
                        if let Some(top) = stack.last_mut() {
                            top.chars += chars;
                            if link_depth > 0 {
                                top.link_chars += chars;
                            }
                        }
                        if let Some(holder) = stack.iter().rev().find(|f| f.block) {
                            let own = stats.own.entry(holder.id).or_default();
                            own.chars += chars;
                            if link_depth > 0 {
                                own.link_chars += chars;
                            }
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if !node.value().is_element() {
                        continue;
                    }
                    if node.value().as_element().is_some_and(|e| e.name() == "a") {
                        link_depth = link_depth.saturating_sub(1);
                    }
                    if let Some(frame) = stack.pop() {
                        stats.subtree.insert(frame.id, frame.chars);
                        stats.subtree_links.insert(frame.id, frame.link_chars);
                        if let Some(parent) = stack.last_mut() {
                            parent.chars += frame.chars;
                            parent.link_chars += frame.link_chars;
                        }
                    }
                }
            }
        }
        stats.page_text = body.map_or(0, |id| stats.text_under(id));
        stats
    }

    fn text_under(&self, id: NodeId) -> usize {
        self.subtree.get(&id).copied().unwrap_or(0)
    }

    fn link_share_under(&self, id: NodeId) -> f64 {
        let links = self.subtree_links.get(&id).copied().unwrap_or(0);
        links as f64 / self.text_under(id).max(1) as f64
    }
}

/// Characters of text with runs of white space counted as one.
fn folded_len(text: &str) -> usize {
    let mut count = 0;
    let mut in_space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                count += 1;
            }
            in_space = true;
        } else {
            count += 1;
            in_space = false;
        }
    }
    count
}

fn is_block(name: &str) -> bool {
    is_block_tag(name)
        || heading_kind(name).is_some()
        || matches!(name, "td" | "th" | "body" | "form")
}

/// Shortest run of text that counts as a paragraph of prose.
const MIN_PARAGRAPH: usize = 25;

/// Paragraphs that are mostly links (menus, lists of headlines) score nothing.
const MAX_LINK_SHARE: f64 = 0.5;

/// Scores of the elements that may hold the article: each paragraph's text
/// (its link text left out) counts in full for the element holding it and
/// half for the one above, so bodies that wrap every paragraph in a `<div>`
/// are still found. A paragraph is a `<p>` or any block with its own text
/// (a `<div>` of text, as some editors write); a block whose own text runs
/// over `<br>`s, or holds the article by its name, is a container itself.
fn scores(page: &Html, stats: &Stats) -> FxHashMap<NodeId, f64> {
    let mut scores: FxHashMap<NodeId, f64> = FxHashMap::default();
    for (&id, own) in &stats.own {
        if own.chars < MIN_PARAGRAPH || own.link_share() > MAX_LINK_SHARE {
            continue;
        }
        let Some(node) = page.tree.get(id) else {
            continue;
        };
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if heading_kind(element.name()).is_some() {
            continue;
        }
        let mut weight = (own.chars - own.link_chars) as f64;
        if under_widget(page, stats, id) {
            weight *= WIDGET_FACTOR;
        }
        let container = own.breaks >= 2
            || matches!(element.name(), "article" | "main" | "body" | "td" | "form")
            || element
                .attr("itemprop")
                .is_some_and(|p| p.split_whitespace().any(|t| t == "articleBody"));
        let mut holders = node.ancestors().filter(|a| a.value().is_element());
        let (first, second) = if container {
            (Some(node), holders.next())
        } else {
            (holders.next(), holders.next())
        };
        if let Some(first) = first {
            *scores.entry(first.id()).or_default() += weight;
        }
        if let Some(second) = second {
            *scores.entry(second.id()).or_default() += weight / 2.0;
        }
    }
    let page_text = stats.page_text;
    for (id, score) in scores.iter_mut() {
        if let Some(element) = page.tree.get(*id).and_then(|n| n.value().as_element()) {
            // A wrapper of most of the page is layout whatever its name.
            if (stats.text_under(*id) as f64) < LAYOUT_SHARE * page_text as f64 {
                *score *= name_factor(element);
            }
        }
    }
    scores
}

/// Whether the element or one of its ancestors below `<body>` names a
/// widget. A wrapper holding most of the page's text is layout, whatever
/// its name (`has-sidebar`, `l-sidebar-fixed`).
fn under_widget(page: &Html, stats: &Stats, id: NodeId) -> bool {
    let Some(node) = page.tree.get(id) else {
        return false;
    };
    std::iter::once(node)
        .chain(node.ancestors())
        .filter_map(ElementRef::wrap)
        .take_while(|e| !matches!(e.value().name(), "body" | "html"))
        .any(|e| {
            stats.widgets.contains(&e.id())
                && (stats.text_under(e.id()) as f64) < LAYOUT_SHARE * stats.page_text as f64
        })
}

/// Share of the page's text above which a wrapper is layout, not a widget.
const LAYOUT_SHARE: f64 = 0.8;

/// What a paragraph inside a named widget (a gallery's captions, a
/// comment) counts for, against one of the article.
const WIDGET_FACTOR: f64 = 0.2;

/// How a class or id changes a candidate's score: widgets down, named
/// article bodies up.
fn name_factor(element: &Element) -> f64 {
    if has_noise_name(element) {
        0.2
    } else if has_content_name(element) {
        1.25
    } else {
        1.0
    }
}

/// The elements holding the article, in page order: the one the page names
/// (`itemprop="articleBody"`) when it holds the best-scored block or as much
/// text; else the innermost `<article>` (or `<main>`) around that block;
/// else the block with its siblings that score well too (an article split
/// over several blocks). The whole `<body>` when nothing scores.
fn article_roots<'a>(
    page: &'a Html,
    index: &PageIndex<'a>,
    stats: &Stats,
) -> (Vec<ElementRef<'a>>, Option<NodeRef<'a, Node>>) {
    let scores = scores(page, stats);
    // A gallery's captions or a comment thread may outweigh a short article:
    // the best block outside any named widget wins when there is one.
    let best_where = |outside_widgets: bool| {
        scores
            .iter()
            .filter(|(_, score)| **score > 0.0)
            .filter(|(id, _)| !outside_widgets || !under_widget(page, stats, **id))
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
    };
    let best = best_where(true).or_else(|| best_where(false));
    let Some(top) = best.and_then(|(id, _)| page.tree.get(*id).and_then(ElementRef::wrap)) else {
        let body = page
            .select(&selector("body"))
            .next()
            .unwrap_or_else(|| page.root_element());
        return (vec![body], None);
    };
    let top_score = scores.get(&top.id()).copied().unwrap_or(0.0);
    let holds_top =
        |e: &ElementRef<'_>| e.id() == top.id() || top.ancestors().any(|a| a.id() == e.id());
    let named = matching(&index.itemprops, &ARTICLE_BODY).max_by_key(|e| stats.text_under(e.id()));
    if let Some(named) = named
        && (holds_top(&named)
            || stats.text_under(named.id()) as f64 >= 0.8 * stats.text_under(top.id()) as f64)
    {
        return (vec![named], Some(*top));
    }
    let innermost =
        |candidates: &[ElementRef<'a>], css: &Selector| matching(candidates, css).rfind(holds_top);
    if let Some(wrapper) =
        innermost(&index.articles, &ARTICLE).or_else(|| innermost(&index.mains, &MAIN))
    {
        return (vec![wrapper], Some(*top));
    }
    // An article split over sibling blocks: from the best block up, siblings
    // that read as prose join it, a few levels up at most.
    let mut roots = vec![top];
    let mut current = top;
    for level in 0..SIBLING_LEVELS {
        let Some(parent) = current.parent().and_then(ElementRef::wrap) else {
            break;
        };
        if parent.value().name() == "body" {
            break;
        }
        let mut joined = false;
        let mut next = Vec::new();
        for child in parent.children().filter_map(ElementRef::wrap) {
            if child.id() == current.id() {
                next.append(&mut roots);
            } else if is_prose_sibling(child, level, stats, &scores, top_score) {
                joined = true;
                next.push(child);
            }
        }
        roots = next;
        if !joined
            && level > 0
            && stats.text_under(parent.id()) > 3 * stats.text_under(current.id())
        {
            // The parent holds much else and none of it joined: stop here.
            break;
        }
        current = parent;
    }
    (roots, Some(*top))
}

/// Levels above the best block where its siblings are looked at.
const SIBLING_LEVELS: usize = 5;

/// A sibling of the article's block that is article too: scored as well
/// as a good share of the best block, or (next to the block itself) a
/// paragraph of plain text, and no widget.
fn is_prose_sibling(
    sibling: ElementRef<'_>,
    level: usize,
    stats: &Stats,
    scores: &FxHashMap<NodeId, f64>,
    top_score: f64,
) -> bool {
    let element = sibling.value();
    if is_furniture(element) || has_noise_name(element) || is_heading(element) {
        return false;
    }
    if stats.link_share_under(sibling.id()) > SIBLING_MAX_LINK_SHARE {
        return false;
    }
    let mut score = 0.0f64;
    let mut prose = false;
    for d in sibling.descendants().take(SIBLING_SCAN) {
        score = score.max(scores.get(&d.id()).copied().unwrap_or(0.0));
        prose |= stats.own.get(&d.id()).is_some_and(|own| {
            own.chars >= SIBLING_MIN_TEXT && own.link_share() < SIBLING_MAX_LINK_SHARE
        });
    }
    score >= SIBLING_SHARE * top_score || (prose && (level == 0 || score > 0.0))
}

/// Nodes looked at under a sibling for a scored block.
const SIBLING_SCAN: usize = 64;
/// Most link text a joining sibling may hold, as a share of its text.
const SIBLING_MAX_LINK_SHARE: f64 = 0.25;
/// A paragraph this long makes a sibling prose.
const SIBLING_MIN_TEXT: usize = 100;

/// A sibling of the best block joins it when it scores this share of it.
const SIBLING_SHARE: f64 = 0.25;

fn is_heading(element: &Element) -> bool {
    heading_kind(element.name()).is_some()
}

/// The attributes the furniture and widget tests read, found in one pass
/// over an element's attributes. These tests run for every element of the
/// page, and [`Element::attr`] interns its argument and searches anew on
/// each call.
#[derive(Default)]
struct Marks<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    style: Option<&'a str>,
    aria_hidden: Option<&'a str>,
    hidden: bool,
}

impl<'a> Marks<'a> {
    fn of(element: &'a Element) -> Marks<'a> {
        let mut marks = Marks::default();
        for (name, value) in &element.attrs {
            // As `Element::attr`: attributes in no namespace only.
            if name.ns != ns!() {
                continue;
            }
            let local = &name.local;
            let value = Some(&**value);
            if *local == local_name!("class") {
                marks.class = value;
            } else if *local == local_name!("id") {
                marks.id = value;
            } else if *local == local_name!("role") {
                marks.role = value;
            } else if *local == local_name!("style") {
                marks.style = value;
            } else if *local == local_name!("aria-hidden") {
                marks.aria_hidden = value;
            } else if *local == local_name!("hidden") {
                marks.hidden = true;
            }
        }
        marks
    }
}

/// Tags and roles that never hold the article, whatever their size, and
/// what the page hides.
fn is_furniture(element: &Element) -> bool {
    if is_skip_tag(element.name()) {
        return true;
    }
    let marks = Marks::of(element);
    is_hidden(&marks)
        || marks.role.is_some_and(|role| {
            let role = role.trim();
            SKIP_ROLES.iter().any(|r| r.eq_ignore_ascii_case(role))
        })
}

/// Hidden from readers: `hidden`, `aria-hidden="true"`, or an inline
/// `display: none` / `visibility: hidden`.
fn is_hidden(marks: &Marks<'_>) -> bool {
    if marks.hidden || marks.aria_hidden == Some("true") {
        return true;
    }
    marks.style.is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// Whether a word of an element's class or id is in `words`: `share-tools`
/// → share, tools. `relatedLinks` stays one word (split on non-letters
/// only). Words are compared in lower case, without copying those already
/// in it.
fn has_name_in(element: &Element, words: &FxHashSet<String>) -> bool {
    let marks = Marks::of(element);
    let mut lower = String::new();
    marks
        .class
        .into_iter()
        .chain(marks.id)
        .flat_map(|value| value.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .any(|w| {
            if !w.is_ascii() {
                return words.contains(&w.to_lowercase());
            }
            // Most words of a class list are no name of either kind.
            if !vocabulary().name_lengths.contains(&w.len()) {
                return false;
            }
            if !w.bytes().any(|b| b.is_ascii_uppercase()) {
                return words.contains(w);
            }
            lower.clear();
            lower.push_str(w);
            lower.make_ascii_lowercase();
            words.contains(&lower)
        })
}

/// A class or id naming a widget (see assets/web/boilerplate.tsv).
fn has_noise_name(element: &Element) -> bool {
    has_name_in(element, &vocabulary().noise)
}

/// A class or id naming the article's text.
fn has_content_name(element: &Element) -> bool {
    has_name_in(element, &vocabulary().content)
}

/// Short lines at the start and end of the article that are furniture: a
/// byline, a date, a share row, a newsletter prompt, a list of tags. The
/// opening headline stays.
fn trim_edges(lines: &mut Vec<Line>) {
    cut_at_closing_heading(lines);
    // The last paragraph of prose always stays.
    while lines
        .iter()
        .filter(|l| l.block.kind == ParagraphKind::Body)
        .count()
        > 1
        && let Some(last) = lines.last()
        && last.block.kind != ParagraphKind::Title
        && (last.link || is_edge_furniture(&last.block.text) || is_label(&last.block.text))
    {
        lines.pop();
    }
    let start = lines
        .iter()
        .position(|l| l.block.kind != ParagraphKind::Title)
        .unwrap_or(lines.len());
    let mut end = start;
    while end + 1 < lines.len() && (lines[end].link || is_edge_furniture(&lines[end].block.text)) {
        end += 1;
    }
    lines.drain(start..end);
}

/// A block as read, with whether it is all link (a related headline, a
/// row of tags): such lines go at the article's edges, and in the middle
/// when they name furniture ("READ MORE: …").
struct Line {
    block: Block,
    link: bool,
}

/// A heading that opens what follows an article ("Recommended for you",
/// "Comments", "More from …") ends it, once most of the text is read, or
/// wherever it comes when a list of teasers follows it: a long rail of
/// recommended stories can outweigh a short article.
fn cut_at_closing_heading(lines: &mut Vec<Line>) {
    let total: usize = lines.iter().map(|l| words(&l.block)).sum();
    let mut read = 0;
    for (at, Line { block, .. }) in lines.iter().enumerate() {
        if block.kind == ParagraphKind::Heading
            && words(block) <= CLOSING_HEADING_MAX_WORDS
            && names_furniture(&block.text)
            && (2 * read >= total || are_teasers(&lines[at + 1..]))
        {
            lines.truncate(at);
            return;
        }
        read += words(block);
    }
}

const CLOSING_HEADING_MAX_WORDS: usize = 6;

fn words(block: &Block) -> usize {
    block.text.split_whitespace().count()
}

/// A list of teasers: several headlines, each with a line or two (a summary,
/// a source), where an article's sections run to paragraphs.
fn are_teasers(lines: &[Line]) -> bool {
    let headlines = lines
        .iter()
        .filter(|l| l.block.kind == ParagraphKind::Heading)
        .count();
    let text: usize = lines.iter().map(|l| words(&l.block)).sum();
    headlines >= TEASERS_MIN_HEADLINES && text < TEASER_MAX_WORDS * headlines
}

/// Fewest headlines that make a list of teasers.
const TEASERS_MIN_HEADLINES: usize = 3;
/// Most words, on average, a teaser holds with its headline; an article's
/// section under a heading runs longer.
const TEASER_MAX_WORDS: usize = 100;

/// A label rather than prose: a tag, a section name, a caption credit (a
/// few words, no sentence). Dropped at the article's end only.
fn is_label(text: &str) -> bool {
    text.split_whitespace().count() <= LABEL_MAX_WORDS
        && text.chars().count() <= LABEL_MAX_CHARS
        && !text
            .trim_end()
            .ends_with(['.', '!', '?', '"', '”', '»', ')'])
}

const LABEL_MAX_WORDS: usize = 4;
/// Scripts written without spaces count by characters.
const LABEL_MAX_CHARS: usize = 30;

/// A line naming furniture: a share row, a newsletter prompt, "Related".
fn names_furniture(text: &str) -> bool {
    let lower = text.to_lowercase();
    vocabulary().edge.iter().any(|w| lower.contains(w.as_str()))
}

/// Longest line, in words, taken for furniture at the article's edges.
const EDGE_MAX_WORDS: usize = 15;

fn is_edge_furniture(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words > EDGE_MAX_WORDS {
        return false;
    }
    if names_furniture(text) {
        return true;
    }
    let lower = text.to_lowercase();
    // A byline: "By Ana Ruiz and Li Wei", not a sentence.
    let ends_sentence = text.trim_end().ends_with(['.', '!', '?', '"', '”', '»']);
    let byline = ["by ", "par ", "von ", "por ", "di ", "door "]
        .iter()
        .any(|b| lower.starts_with(b));
    if byline && words <= 8 && !ends_sentence {
        return true;
    }
    // A timestamp: a year or a clock time in a short line of few letters.
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let has_year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
    words <= 8 && !ends_sentence && (has_year || lower.contains(':')) && digits >= 4
}

/// When the page's JSON-LD `articleBody` holds much more text than the
/// markup gave (a page that builds its text with scripts, or hides it), its
/// paragraphs replace the body read from the markup.
fn prefer_structured_body(blocks: &mut Vec<Block>, body: &str) {
    let words = |t: &str| t.split_whitespace().count();
    let found: usize = blocks
        .iter()
        .filter(|b| b.kind != ParagraphKind::Title)
        .map(|b| words(&b.text))
        .sum();
    if (found as f64) >= 0.5 * words(body) as f64 {
        return;
    }
    blocks.retain(|b| b.kind == ParagraphKind::Title);
    blocks.extend(
        body.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Block {
                kind: ParagraphKind::Body,
                text: l.to_string(),
            }),
    );
}

/// The boilerplate vocabulary, read once from its asset.
struct Vocabulary {
    noise: FxHashSet<String>,
    content: FxHashSet<String>,
    /// Shortest to longest `noise` or `content` word, in bytes.
    name_lengths: std::ops::RangeInclusive<usize>,
    lines: FxHashSet<String>,
    edge: Vec<String>,
}

const VOCABULARY: &str = include_str!("../../assets/web/boilerplate.tsv");

fn vocabulary() -> &'static Vocabulary {
    static PARSED: LazyLock<Vocabulary> = LazyLock::new(|| {
        let mut vocabulary = Vocabulary {
            noise: FxHashSet::default(),
            content: FxHashSet::default(),
            name_lengths: 0..=0,
            lines: FxHashSet::default(),
            edge: Vec::new(),
        };
        for line in VOCABULARY.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((kind, text)) = line.split_once('\t') else {
                continue;
            };
            let text = text.trim().to_lowercase();
            match kind {
                "noise" => {
                    vocabulary.noise.insert(text);
                }
                "content" => {
                    vocabulary.content.insert(text);
                }
                "line" => {
                    vocabulary.lines.insert(text);
                }
                "edge" => vocabulary.edge.push(text),
                _ => {}
            }
        }
        let lengths = || {
            vocabulary
                .noise
                .iter()
                .chain(&vocabulary.content)
                .map(String::len)
        };
        vocabulary.name_lengths = lengths().min().unwrap_or(0)..=lengths().max().unwrap_or(0);
        vocabulary
    });
    &PARSED
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

struct Collector<'s> {
    lines: Vec<Line>,
    text: String,
    kind: ParagraphKind,
    /// `<br>`s in a row with no text between them; two break the paragraph.
    line_breaks: usize,
    /// Links open around the text being read, and the characters of the
    /// current block read inside one.
    link_depth: usize,
    link_chars: usize,
    root_text: usize,
    stats: &'s Stats,
    /// The best-scored block: what holds it is never a widget.
    top: Option<NodeRef<'s, Node>>,
}

impl Collector<'_> {
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
                    if let Node::Element(element) = node.value() {
                        if element.name() == "a" {
                            self.link_depth = self.link_depth.saturating_sub(1);
                        }
                        if heading_kind(element.name()).is_some() || is_block_tag(element.name()) {
                            self.flush();
                        }
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
        if name == "a" {
            self.link_depth += 1;
        }
        if let Some(kind) = heading_kind(name) {
            self.flush();
            self.kind = kind;
        } else if is_block_tag(name) {
            self.flush();
        } else if matches!(name, "td" | "th") {
            self.push_text(" ");
        }
        Walk::Into
    }

    /// A widget by its class or id, a form (a search box, a newsletter
    /// sign-up) or a nested `<article>`, unless it holds the article's best block: some sites put
    /// the whole page in a `<form>`, and some article bodies have a noisy
    /// class (`has-comments`).
    fn is_widget(&self, node: NodeRef<'_, Node>, element: &Element) -> bool {
        // An `<article>` inside the article is a teaser for another one.
        if element.name() != "form" && element.name() != "article" && !has_noise_name(element) {
            return false;
        }
        if let Some(top) = self.top
            && (top.id() == node.id() || top.ancestors().any(|a| a.id() == node.id()))
        {
            return false;
        }
        // Beside the best block a widget goes whatever its size (a gallery
        // with long captions); with none known, only a small one.
        self.top.is_some()
            || (self.stats.text_under(node.id()) as f64) < NOISE_MAX_SHARE * self.root_text as f64
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
                if self.link_depth > 0 {
                    self.link_chars += 1;
                }
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
        let link_chars = std::mem::take(&mut self.link_chars);
        let trimmed = text.trim();
        if trimmed.is_empty() || is_boilerplate(trimmed) {
            return;
        }
        let link = is_link_line(trimmed, link_chars);
        if link && names_furniture(trimmed) {
            return;
        }
        self.lines.push(Line {
            block: Block {
                kind,
                text: trimmed.to_string(),
            },
            link,
        });
    }
}

/// A line widgets leave (see assets/web/boilerplate.tsv).
fn is_boilerplate(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let core = text
        .trim_matches(['.', ':', '…', '»', '›', '→', '>', '|', '-', ' '])
        .to_lowercase();
    vocabulary().lines.contains(&core)
}

/// A short block that is all link: a related headline, a "READ MORE" line,
/// a row of tags. A sentence with a link in it is prose.
fn is_link_line(text: &str, link_chars: usize) -> bool {
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    text.split_whitespace().count() <= LINK_LINE_MAX_WORDS
        && link_chars as f64 >= LINK_LINE_SHARE * chars as f64
}

/// Longest all-link block dropped, in words, and the share of link text
/// that makes a block a link.
const LINK_LINE_MAX_WORDS: usize = 20;
const LINK_LINE_SHARE: f64 = 0.6;

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
    fn a_page_nested_too_deep_is_refused() {
        let page = |depth: usize| format!("<body>{}<p>Deep.</p>", "<div>".repeat(depth));
        assert!(super::parse(&page(MAX_DEPTH - 3)).is_ok());
        assert_eq!(super::parse(&page(MAX_DEPTH)), Err(TooDeep));
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
             <div>Loose text.<br><br>After two breaks.</div></article>",
        );
        assert_eq!(
            texts(&article),
            [
                (ParagraphKind::Body, "One line & bold\u{a0}word\nnext line"),
                (ParagraphKind::Body, "Loose text."),
                (ParagraphKind::Body, "After two breaks."),
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
    fn every_line_of_the_vocabulary_has_a_known_kind() {
        for line in VOCABULARY.lines().filter(|l| !l.starts_with('#')) {
            let kind = line.split_once('\t').map(|(kind, _)| kind);
            assert!(
                matches!(kind, Some("noise" | "content" | "line" | "edge")),
                "{line:?}"
            );
        }
        assert!(vocabulary().noise.contains("partage"));
        assert!(vocabulary().lines.contains("leia mais"));
    }

    #[test]
    fn furniture_is_told_by_tag_role_and_hiding() {
        let furniture = |tag: &str| {
            let page = Html::parse_fragment(tag);
            let element = page
                .select(&selector("div, nav"))
                .next()
                .expect("an element");
            is_furniture(element.value())
        };
        assert!(furniture("<nav></nav>"));
        assert!(furniture("<div role=\" Navigation \"></div>"));
        assert!(furniture("<div hidden></div>"));
        assert!(furniture("<div aria-hidden=true></div>"));
        assert!(furniture(
            "<div style=\"color: red; DISPLAY : none\"></div>"
        ));
        assert!(!furniture(
            "<div role=main aria-hidden=false style=\"display:block\"></div>"
        ));
        assert!(!furniture("<div data-role=navigation class=hidden></div>"));
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

    #[test]
    fn a_relative_time_is_cut_from_the_page_title() {
        let article = parse(
            "<html><head><title>Dam opens · 12 mins ago | The Valley Post</title>\
             <meta property=\"og:site_name\" content=\"The Valley Post\"></head>\
             <body><p>The dam opened.</p></body></html>",
        );
        assert_eq!(article.meta.title.as_deref(), Some("Dam opens"));
    }
}
