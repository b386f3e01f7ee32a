//! The few elements of a page that metadata and the article's frame are
//! looked up in, found in one pass over the page.
//!
//! Each lookup used to run its CSS selector over every node of the page
//! (about a dozen passes). Here the nodes are read once and sorted by a
//! cheap test each selector implies (the element's name, or an attribute it
//! has); a lookup then runs its selector over its few candidates only. The
//! candidates are kept in the order [`Html::select`] visits nodes (the
//! order they were made in), so a lookup finds what that finds.

use html5ever::{local_name, ns};
use scraper::{ElementRef, Html, Selector, node::Element};

/// Candidates for the page's selector lookups.
#[derive(Default)]
pub(crate) struct PageIndex<'a> {
    /// `<meta>` elements.
    pub metas: Vec<ElementRef<'a>>,
    /// `<link>` elements.
    pub links: Vec<ElementRef<'a>>,
    /// `<script>` elements.
    pub scripts: Vec<ElementRef<'a>>,
    /// `<title>` elements.
    pub titles: Vec<ElementRef<'a>>,
    /// `<article>` elements.
    pub articles: Vec<ElementRef<'a>>,
    /// `<main>` elements and elements with a `role`.
    pub mains: Vec<ElementRef<'a>>,
    /// Elements with an `itemprop`.
    pub itemprops: Vec<ElementRef<'a>>,
    /// `<a>` elements with a `rel`.
    pub rel_links: Vec<ElementRef<'a>>,
}

impl<'a> PageIndex<'a> {
    pub fn of(page: &'a Html) -> PageIndex<'a> {
        let mut index = PageIndex::default();
        for node in page.tree.nodes() {
            let Some(element) = ElementRef::wrap(node) else {
                continue;
            };
            let value = element.value();
            let name = &value.name.local;
            if *name == local_name!("meta") {
                index.metas.push(element);
            } else if *name == local_name!("link") {
                index.links.push(element);
            } else if *name == local_name!("script") {
                index.scripts.push(element);
            } else if *name == local_name!("title") {
                index.titles.push(element);
            } else if *name == local_name!("article") {
                index.articles.push(element);
            }
            if *name == local_name!("main") || has_attr(value, &local_name!("role")) {
                index.mains.push(element);
            }
            if has_attr(value, &local_name!("itemprop")) {
                index.itemprops.push(element);
            }
            if *name == local_name!("a") && has_attr(value, &local_name!("rel")) {
                index.rel_links.push(element);
            }
        }
        index
    }
}

/// Whether the element has the attribute (in no namespace, as selectors
/// and [`Element::attr`] read it).
fn has_attr(element: &Element, name: &html5ever::LocalName) -> bool {
    element
        .attrs
        .iter()
        .any(|(attr, _)| attr.ns == ns!() && attr.local == *name)
}

/// The candidates that match `selector`, in the order [`Html::select`]
/// gives them.
pub(crate) fn matching<'a, 'b>(
    candidates: &'b [ElementRef<'a>],
    selector: &'b Selector,
) -> impl DoubleEndedIterator<Item = ElementRef<'a>> + 'b {
    candidates
        .iter()
        .copied()
        .filter(move |element| selector.matches(element))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every lookup finds through the index what a selector finds over the
    /// whole page, in the same order.
    #[test]
    fn lookups_find_what_the_selector_finds() {
        let page = Html::parse_document(
            "<html><head><title>T</title><meta name=a content=1>\
             <link rel=canonical href=/c><script type=application/ld+json>{}</script></head>\
             <body><main><article itemprop=articleBody><a rel=author>Ann</a>\
             <b><p>x<article>in</b>y</p><div role=main itemprop=author>z</div>\
             <svg><title>icon</title></svg></article></main>",
        );
        let index = PageIndex::of(&page);
        for (css, candidates) in [
            ("meta[content]", &index.metas),
            (r#"link[rel~="canonical"][href]"#, &index.links),
            (r#"script[type="application/ld+json"]"#, &index.scripts),
            ("title", &index.titles),
            ("article", &index.articles),
            (r#"main, [role="main"]"#, &index.mains),
            (r#"[itemprop~="articleBody"]"#, &index.itemprops),
            (r#"[itemprop~="author"]:not(meta)"#, &index.itemprops),
            (r#"a[rel~="author"]"#, &index.rel_links),
        ] {
            let selector = Selector::parse(css).expect("a selector");
            let whole: Vec<_> = page.select(&selector).map(|e| e.id()).collect();
            let indexed: Vec<_> = matching(candidates, &selector).map(|e| e.id()).collect();
            assert!(!whole.is_empty(), "{css}");
            assert_eq!(indexed, whole, "{css}");
        }
    }
}
