//! A web page's tree, built in one pass of html5ever, with a limit on how
//! deep its elements nest.
//!
//! The HTML tree builder searches its stack of open elements for most tags,
//! so a page of a million unclosed `<div>`s would take minutes. The limit is
//! checked while the tree is built: each element is measured as it is put in
//! the tree, and the tokenizer is paused for good at the first one deeper
//! than [`MAX_DEPTH`]. The page is read once; the work done on a refused
//! page is bounded by the limit. The text of scripts and styles, near half
//! the bytes of a news page, is skipped rather than tokenized (see
//! [`Guard::skip_raw_text`]); JSON data scripts, where JSON-LD lives, are read.
//! Plain tags and text are read ahead of the tokenizer (see [`scan`]).

mod scan;

use std::borrow::Cow;
use std::cell::{Cell, Ref};

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, QualName, TokenizerResult};
use scraper::{Html, HtmlTreeSink};

/// Deepest nesting of elements read, `<html>` counting as 1. Browsers stop
/// nesting at about this depth too (Blink at 512).
pub const MAX_DEPTH: usize = 512;

/// A page nested deeper than [`MAX_DEPTH`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep;

/// Parses a page as a browser would (html5ever with its default options,
/// as [`Html::parse_document`]), or refuses it once an element lies deeper
/// than [`MAX_DEPTH`].
pub fn build(text: &str) -> Result<Html, TooDeep> {
    build_counting(text).0
}

/// [`build`], and the number of tokens the tree builder was given: what a
/// test needs to see that a refused page was not read to its end.
fn build_counting(text: &str) -> (Result<Html, TooDeep>, usize) {
    let sink = DepthSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        too_deep: Cell::new(false),
    };
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    let guard = Guard {
        builder: TreeBuilder::new(sink, TreeBuilderOpts::default()),
        input: &input,
        tokens: Cell::new(0),
        unread_text: Cell::new(false),
    };
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    // The tokenizer pauses after a `</script>` (for a browser to run it), at
    // a `<meta charset>` (to start again in that charset; the text is already
    // decoded) and when the page is found too deep; only the last one stops.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {
        if tokenizer.sink.builder.sink.too_deep.get() {
            return (Err(TooDeep), tokenizer.sink.tokens.get());
        }
    }
    tokenizer.end();
    let tokens = tokenizer.sink.tokens.get();
    // The last tokens, flushed by `end`, may still nest too deep.
    if tokenizer.sink.builder.sink.too_deep.get() {
        return (Err(TooDeep), tokens);
    }
    (Ok(tokenizer.sink.builder.sink.inner.finish()), tokens)
}

/// The tree builder, paused at the first token after the page is found too
/// deep.
struct Guard<'a> {
    builder: TreeBuilder<NodeId, DepthSink>,
    /// What the tokenizer has still to read, so unread text can be skipped.
    input: &'a BufferQueue,
    tokens: Cell<usize>,
    /// Inside a script, style or noscript whose text nothing reads.
    unread_text: Cell<bool>,
}

/// Whether the text of the raw-text element a start tag opens is never
/// read: scripts (but JSON-LD, where metadata lives), styles, and
/// `<noscript>` (read as text, as a browser running scripts does, and left
/// out of the article). Scripts and styles are near half the bytes of a
/// news page; their text is moved past, never tokenized nor copied into
/// the tree.
fn text_unread(tag: &Tag) -> bool {
    match &*tag.name {
        "style" | "noscript" => true,
        "script" => !tag
            .attrs
            .iter()
            .any(|a| &*a.name.local == "type" && a.value.to_ascii_lowercase().contains("ld+json")),
        _ => false,
    }
}

impl TokenSink for Guard<'_> {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        let sink = &self.builder.sink;
        if sink.too_deep.get() {
            // Pausing is the one way a token sink can stop the tokenizer, and
            // only at a tag (html5ever insists the others go on); what comes
            // before the next tag is dropped. The handle is never used.
            return match token {
                Token::TagToken(_) => TokenSinkResult::Script(sink.get_document()),
                _ => TokenSinkResult::Continue,
            };
        }
        // Nothing reads parse errors: they need not go through the builder.
        if let Token::ParseError(_) = token {
            return TokenSinkResult::Continue;
        }
        self.tokens.set(self.tokens.get() + 1);
        match &token {
            Token::CharacterTokens(_) | Token::NullCharacterToken if self.unread_text.get() => {
                return TokenSinkResult::Continue;
            }
            // In raw text the only tag is the end tag that closes it.
            Token::TagToken(_) | Token::EOFToken => self.unread_text.set(false),
            _ => {}
        }
        let unread = match &token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag && text_unread(tag) => {
                Some(tag.name.clone())
            }
            _ => None,
        };
        let is_tag = matches!(token, Token::TagToken(_));
        let result = self.builder.process_token(token, line_number);
        // Only where the tree builder makes the element raw text (not in SVG).
        if let Some(name) = unread
            && matches!(result, TokenSinkResult::RawData(_))
        {
            self.unread_text.set(true);
            self.skip_raw_text(&name);
        }
        // Past a tag the tokenizer goes on in its data state (unless told
        // otherwise), with nothing pending: what follows can be read here.
        if is_tag && matches!(result, TokenSinkResult::Continue) {
            return self.read_ahead(line_number);
        }
        result
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

impl Guard<'_> {
    /// Gives the tree builder the plain tokens at the front of the input,
    /// as the tokenizer would, until one is not plain (left to the
    /// tokenizer) or the page is found too deep. The elements read here are
    /// never ones the tree builder answers with other than `Continue`
    /// (see [`scan`]); were one, its answer is passed on.
    fn read_ahead(&self, line_number: u64) -> TokenSinkResult<NodeId> {
        while !self.builder.sink.too_deep.get() {
            let Some(mut front) = self.input.peek_front_chunk_mut() else {
                break;
            };
            let Some((token, len)) = scan::next_token(&front) else {
                break;
            };
            front.pop_front(len);
            drop(front);
            self.tokens.set(self.tokens.get() + 1);
            let result = self.builder.process_token(token, line_number);
            if !matches!(result, TokenSinkResult::Continue) {
                return result;
            }
        }
        TokenSinkResult::Continue
    }

    /// Moves the input on to the end tag of the raw-text element `name` just
    /// opened, so the tokenizer does not read text no one will: the text runs
    /// to the first `</name` followed by a space, `/` or `>`, as the
    /// tokenizer would find it. A script holding `<!--` is left to the
    /// tokenizer (there, a `<script>` inside the comment moves its end).
    fn skip_raw_text(&self, name: &str) {
        let Some(mut front) = self.input.peek_front_chunk_mut() else {
            return;
        };
        if let Some(len) = raw_text_len(&front, name) {
            front.pop_front(len);
        }
    }
}

/// Bytes of raw text before the end tag of `name` in `text`, when the end
/// tag is there and nothing before it makes the tokenizer read otherwise.
/// Only the `<`s are looked at (found as `str::find` finds a byte, a word
/// at a time).
fn raw_text_len(text: &str, name: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find('<').map(|i| from + i) {
        let rest = &bytes[at + 1..];
        if let Some(tag) = rest.strip_prefix(b"/") {
            let named = tag
                .get(..name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
            let ends = tag
                .get(name.len())
                .is_some_and(|c| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'));
            if named && ends {
                return u32::try_from(at).ok();
            }
        } else if name == "script" && rest.starts_with(b"!--") {
            return None;
        }
        from = at + 1;
    }
    None
}

/// scraper's tree sink, measuring each element it is given a place for.
struct DepthSink {
    inner: HtmlTreeSink,
    too_deep: Cell<bool>,
}

impl DepthSink {
    /// Notes whether the node just put in the tree lies deeper than the
    /// limit. Walking up costs its depth, which stays under the limit: the
    /// page is refused at the first node past it.
    fn measure(&self, child: &NodeOrText<NodeId>) {
        let NodeOrText::AppendNode(id) = child else {
            return;
        };
        let html = self.inner.0.borrow();
        let Some(node) = html.tree.get(*id) else {
            return;
        };
        let depth = node
            .ancestors()
            .filter(|a| a.value().is_element())
            .take(MAX_DEPTH)
            .count()
            + 1;
        if depth > MAX_DEPTH {
            self.too_deep.set(true);
        }
    }
}

/// Everything is scraper's; only the three ways of placing a node measure it.
impl TreeSink for DepthSink {
    type Output = Html;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    /// Nothing reads parse errors; scraper would keep each one.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let measured = node_of(&child);
        self.inner.append(parent, child);
        self.measure(&measured);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let measured = node_of(&child);
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
        self.measure(&measured);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &NodeId) {
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let measured = node_of(&new_node);
        self.inner.append_before_sibling(sibling, new_node);
        self.measure(&measured);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn associate_with_form(
        &self,
        target: &NodeId,
        form: &NodeId,
        nodes: (&NodeId, Option<&NodeId>),
    ) {
        self.inner.associate_with_form(target, form, nodes);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }

    fn set_current_line(&self, line_number: u64) {
        self.inner.set_current_line(line_number);
    }

    fn maybe_clone_an_option_into_selectedcontent(&self, option: &NodeId) {
        self.inner
            .maybe_clone_an_option_into_selectedcontent(option);
    }
}

/// The node, without its text: text is never measured (only elements nest).
fn node_of(child: &NodeOrText<NodeId>) -> NodeOrText<NodeId> {
    match child {
        NodeOrText::AppendNode(id) => NodeOrText::AppendNode(*id),
        NodeOrText::AppendText(_) => NodeOrText::AppendText(StrTendril::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `<html>` and `<body>` are the first two levels.
    fn nested(divs: usize) -> String {
        format!("<body>{}<p>Deep.</p>", "<div>".repeat(divs))
    }

    #[test]
    fn the_limit_is_the_depth_of_the_deepest_element() {
        // html, body, the divs, then the p: MAX_DEPTH elements in all.
        assert!(build(&nested(MAX_DEPTH - 3)).is_ok());
        assert_eq!(build(&nested(MAX_DEPTH - 2)).err(), Some(TooDeep));
    }

    #[test]
    fn a_refused_page_is_not_read_to_its_end() {
        let divs = 100_000;
        let (result, tokens) = build_counting(&nested(divs));
        assert_eq!(result.err(), Some(TooDeep));
        // One token per `<div>`: the builder stopped just past the limit.
        assert!(tokens <= MAX_DEPTH + 2, "{tokens} tokens of {divs}");
    }

    #[test]
    fn end_tags_the_tree_builder_ignores_do_not_hide_depth() {
        // `</q>` closes nothing inside a `<div>`: the divs still nest.
        let unmatched = format!("<body><article>{}", "<div></q>".repeat(MAX_DEPTH));
        assert_eq!(build(&unmatched).err(), Some(TooDeep));
        // Closed elements do not add up, however many.
        let closed = "<div><span></div><div><b>x</b></div>".repeat(MAX_DEPTH * 2);
        assert!(build(&closed).is_ok());
        // Paragraphs and list items close themselves; scripts hold no tags.
        let flat = format!(
            "{}<script>{}</script>",
            "<p>one<li>two".repeat(2000),
            "<b>".repeat(2000)
        );
        assert!(build(&flat).is_ok());
    }

    #[test]
    fn the_tree_is_the_one_scraper_builds() {
        let page = "<!doctype html><meta charset=utf-8><title>T</title><table><tr><td>a<div>b</table>\
                    <p>one<p>two<b>bold<i>both</b>italic</i><textarea><p>x</textarea>";
        assert_eq!(
            build(page).map(|html| html.html()),
            Ok(Html::parse_document(page).html())
        );
    }

    #[test]
    fn tags_and_text_read_ahead_of_the_tokenizer_build_the_same_tree() {
        // No script, style or noscript: their text is left out on purpose.
        let pages = [
            "<!DOCTYPE html>\n<HTML lang=en>\n <head>\n  <meta charset=\"utf-8\">\n  <title>\n T &amp; t</title>\n\
             <link rel=canonical href='/a?b=1&amp;c=2'>\n </head>\n<body class=\"a b\" class=c>\n\
             <DIV ID=x Data-N='1' hidden><p>one<p/>two</p>\n<br/><br /></br><input disabled/><img src=a.png/>\n\
             <a href=x/>link</a><a b=\"1\"c=2>adjacent</a><a b=c\"d>odd</a><a/b>slash</a>\n\
             <p class=\"x>y\">quoted gt</p><p\r\nclass=cr>cr</p>\0nul<p a=\"\0\">v</p></div>\n",
            "<body>\n<table>\n  <tr>\n    <td>a</td>\n  x <b>bold</b>\n</tr>\n</table>\n<pre>\n\ncode\n</pre>\n\
             <listing>\nl</listing><textarea>\n<p>t</p></textarea>\n<select>\n<option>o<div>d</select>\n\
             <svg viewBox=\"0 0 1 1\"><foreignObject><p>in</p></foreignObject><title>i</title>\
             <![CDATA[ c <p> ]]><path d=\"M0 0\"/></svg><math><mi>x</mi></math>\n\
             <b>1<i>2</b>3</i><p>4<a href=1>5<p>6</a>7</p><!-- c --><template><td>t</td></template>\n\
             <xmp><p>x</xmp><iframe><p>y</iframe><image src=i><FONT COLOR=red>f</font>\n\
             <frameset></frameset><plaintext><p>rest</p>",
            "<p>a<table><tr><td>b</td></tr>text<tr><td>c</table>\n<form><input name=a></form>\
             <h1>h<h2>i</h2></h1><ul><li>1<li>2</ul><dl><dt>t<dd>d</dl>\n\n</body>\n\n</html>\n \n",
        ];
        for page in pages {
            assert_eq!(
                build(page).map(|html| html.html()),
                Ok(Html::parse_document(page).html()),
                "{page:?}"
            );
        }
    }

    #[test]
    fn skipped_script_text_ends_where_the_tokenizer_ends_it() {
        let page = "<body><script>a = '</scripts>'; b</SCRIPT ><p>One.</p>\
                    <script>c = '<!-- <script>'; d</script> e --></script><p>Two.</p>\
                    <style>p::after{content:'</style'}</style><p>Three.</p><script>never closed";
        let paragraphs = |html: &Html| -> Vec<String> {
            let p = scraper::Selector::parse("p").expect("a selector");
            html.select(&p).map(|e| e.text().collect()).collect()
        };
        let ours = build(page).map(|html| paragraphs(&html));
        assert_eq!(ours, Ok(paragraphs(&Html::parse_document(page))));
        assert_eq!(
            ours,
            Ok(vec!["One.".into(), "Two.".into(), "Three.".into()])
        );
    }

    #[test]
    fn script_and_style_text_is_left_out_but_json_ld_is_kept() {
        let page = "<head><style>p{}</style><script>if (a<b) x()</script>\
                    <script type=\"application/LD+JSON\">{\"@type\":\"NewsArticle\"}</script>\
                    <script type=\"application/json\">{\"state\":1}</script>\
                    <body><noscript><p>Enable scripts</noscript><p>Text.</p>\
                    <svg><script>kept</script></svg><script>y</script><p>More.</p>";
        let html = build(page).map(|html| html.html());
        let expected = "<html><head><style></style><script></script>\
            <script type=\"application/LD+JSON\">{\"@type\":\"NewsArticle\"}</script>\
            <script type=\"application/json\"></script></head>\
            <body><noscript></noscript><p>Text.</p><svg><script>kept</script></svg>\
            <script></script><p>More.</p></body></html>";
        assert_eq!(html.as_deref(), Ok(expected));
    }
}
