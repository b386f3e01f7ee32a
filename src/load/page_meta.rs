//! A web page's metadata: title, authors, dates, address, site, language
//! and standfirst, from the sources pages use for them.
//!
//! Where sources disagree, the article's own structured data (JSON-LD of an
//! `Article` type) wins, then Open Graph and `article:` tags, then the other
//! meta tags (Dublin Core, `parsely-*`, `sailthru.*`, `itemprop`), then the
//! page's markup (`<title>`, `<html lang>`, `<time>`). docs/format.md lists
//! the order for each field.

use std::collections::HashMap;

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::blocks::iso_date;
use super::page_index::{PageIndex, matching};
use crate::model::Meta;

/// JSON-LD types of an article (schema.org's `Article` and its kinds).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
];

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid built-in selector")
}

/// The selectors read for every page, parsed once.
static META_CONTENT: LazyLock<Selector> = LazyLock::new(|| selector("meta[content]"));
static CANONICAL: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"link[rel~="canonical"][href]"#));
static DATE_PUBLISHED: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"[itemprop~="datePublished"]"#));
pub(crate) static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static AUTHOR: LazyLock<Selector> = LazyLock::new(|| selector(r#"[itemprop~="author"]:not(meta)"#));
static AUTHOR_LINK: LazyLock<Selector> = LazyLock::new(|| selector(r#"a[rel~="author"]"#));

/// What the page says about itself, before the body is read.
#[derive(Debug, Default)]
pub(crate) struct PageMeta {
    pub meta: Meta,
    /// JSON-LD `articleBody` with its line breaks, for pages whose markup
    /// hides the text.
    pub article_body: Option<String>,
}

/// Meta tags by lower-cased `name`, `property` or `itemprop` token, each
/// with its non-empty values in page order.
struct Tags(HashMap<String, Vec<String>>);

impl Tags {
    fn read(index: &PageIndex<'_>) -> Tags {
        let mut tags: HashMap<String, Vec<String>> = HashMap::new();
        // `property` (RDFa) before `name`: a page giving the same property
        // both ways means the first, and Open Graph is defined with `property`.
        for attribute in ["property", "name", "itemprop"] {
            for element in matching(&index.metas, &META_CONTENT) {
                let Some(names) = element.attr(attribute) else {
                    continue;
                };
                let content = element.attr("content").map(collapse).unwrap_or_default();
                if content.is_empty() {
                    continue;
                }
                // `property="og:title twitter:title"` and `itemprop="datePublished
                // dateCreated"` name several properties.
                for name in names.split_whitespace() {
                    let key = if attribute == "itemprop" {
                        format!("itemprop:{}", name.to_ascii_lowercase())
                    } else {
                        tag_key(name)
                    };
                    tags.entry(key).or_default().push(content.clone());
                }
            }
        }
        Tags(tags)
    }

    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.0.get(*k).and_then(|v| v.first()).cloned())
    }

    fn all(&self, key: &str) -> &[String] {
        self.0.get(key).map(Vec::as_slice).unwrap_or_default()
    }
}

/// A tag's name as looked up: lower case, and Dublin Core's prefixes
/// (`dc:title`, `DC.title`, `dcterm:title`) in one spelling.
fn tag_key(name: &str) -> String {
    let key = name.trim().to_ascii_lowercase();
    for (prefix, spelled) in [
        ("dc:", "dc."),
        ("dcterm:", "dcterms."),
        ("dcterms:", "dcterms."),
        ("dcterm.", "dcterms."),
    ] {
        if let Some(rest) = key.strip_prefix(prefix) {
            return format!("{spelled}{rest}");
        }
    }
    key
}

/// Reads the page's metadata (see the module documentation).
pub(crate) fn read(page: &Html, index: &PageIndex<'_>) -> PageMeta {
    let tags = Tags::read(index);
    let ld = json_ld_article(index);
    let ld_str = |key: &str| ld.as_ref().and_then(|a| text_of(a.get(key)?));

    let title = ld_title(ld.as_ref(), index, tags.first(&["og:site_name"]).as_deref())
        .or_else(|| tags.first(&["dc.title", "dcterms.title", "og:title", "twitter:title"]))
        .or_else(|| tags.first(&["parsely-title", "sailthru.title", "itemprop:headline"]))
        .or_else(|| tags.first(&["title"]));

    let mut authors = ld
        .as_ref()
        .and_then(|a| a.get("author"))
        .map(names)
        .unwrap_or_default();
    if authors.is_empty() {
        authors = author_tags(&tags);
    }
    if authors.is_empty() {
        authors = author_markup(index);
    }
    dedup(&mut authors);

    let url = matching(&index.links, &CANONICAL)
        .filter_map(|l| l.attr("href"))
        .map(str::trim)
        .find(|h| !h.is_empty())
        .map(str::to_string)
        .or_else(|| tags.first(&["og:url", "twitter:url"]))
        .or_else(|| ld_str("url"));

    let site = tags
        .first(&["og:site_name"])
        .or_else(|| {
            ld.as_ref()
                .and_then(|a| a.get("publisher"))
                .and_then(|p| names(p).into_iter().next())
        })
        .or_else(|| tags.first(&["application-name", "publisher", "dc.publisher"]));

    let language = ld_str("inLanguage")
        .or_else(|| {
            page.root_element()
                .attr("lang")
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
        })
        .or_else(|| tags.first(&["og:locale", "content-language", "dc.language", "language"]));

    let description = ld_str("description").or_else(|| {
        tags.first(&[
            "og:description",
            "description",
            "twitter:description",
            "dc.description",
            "dcterms.description",
            "sailthru.description",
        ])
    });

    let mut stamps: Vec<String> = ld_str("datePublished").into_iter().collect();
    for key in [
        "article:published_time",
        "og:article:published_time",
        "parsely-pub-date",
        "sailthru.date",
        "itemprop:datepublished",
        "dc.date.issued",
        "dcterms.created",
        "dc.date",
        "dcterms.date",
        "date",
        "pubdate",
        "publish-date",
        "article.published",
    ] {
        stamps.extend(tags.all(key).iter().cloned());
    }
    // Markup, last: `<time itemprop="datePublished">` and the like.
    stamps.extend(
        matching(&index.itemprops, &DATE_PUBLISHED)
            .filter_map(|e| e.attr("datetime").or_else(|| e.attr("content")))
            .map(collapse),
    );
    let published = stamps.iter().find(|s| iso_date(s).is_some()).cloned();
    let date = published.as_deref().map(|p| day_in_own_offset(p, &stamps));

    PageMeta {
        meta: Meta {
            title,
            date: date.flatten(),
            authors,
            url,
            site,
            language,
            description,
            published,
            ..Meta::default()
        },
        article_body: ld
            .as_ref()
            .and_then(|a| a.get("articleBody")?.as_str())
            .map(decode_entities)
            .filter(|b| !b.trim().is_empty()),
    }
}

/// The article's title in JSON-LD: its `headline`, or its `name` when the
/// two differ and only the name is in the page's `<title>` (some sites put a
/// summary line in `headline`), unless the name is the site's.
fn ld_title(article: Option<&Value>, index: &PageIndex<'_>, site: Option<&str>) -> Option<String> {
    let article = article?;
    let headline = article.get("headline").and_then(text_of);
    let name = article.get("name").and_then(text_of);
    let (Some(headline), Some(name)) = (&headline, &name) else {
        return headline.or(name);
    };
    let page_title = matching(&index.titles, &TITLE)
        .next()
        .map(|t| collapse(&t.text().collect::<String>()).to_lowercase())
        .unwrap_or_default();
    let lower_name = name.to_lowercase();
    let names_site = site.is_some_and(|s| s.to_lowercase().starts_with(&lower_name))
        || article
            .get("publisher")
            .map(names)
            .is_some_and(|p| p.iter().any(|p| p.to_lowercase() == lower_name));
    if !names_site
        && !page_title.contains(&headline.to_lowercase())
        && page_title.contains(&lower_name)
    {
        return Some(name.clone());
    }
    Some(headline.clone())
}

/// The day of `published` as the page itself counts days: a UTC timestamp
/// ("…T02:00:00Z") is a day ahead of an evening story in New York, so when
/// another source gives the same moment with the page's own offset, its day
/// is the one written; else the day as `published` writes it.
fn day_in_own_offset(published: &str, stamps: &[String]) -> Option<String> {
    let is_utc = |s: &str| {
        let s = s.trim();
        s.ends_with('Z') || s.ends_with("+00:00") || s.ends_with("+0000")
    };
    if is_utc(published)
        && let Some(moment) = instant(published)
        && let Some(local) = stamps
            .iter()
            .filter(|s| !is_utc(s))
            .find(|s| instant(s) == Some(moment))
    {
        return iso_date(local);
    }
    iso_date(published)
}

/// Seconds since 1970 of an ISO 8601 timestamp with an offset
/// ("2024-03-05T21:00:00-05:00"), or `None` without one.
fn instant(stamp: &str) -> Option<i64> {
    let s = stamp.trim();
    let date = iso_date(s)?;
    let time = s.get(11..)?;
    let (clock, offset_minutes) = if let Some(clock) = time.strip_suffix('Z') {
        (clock, 0)
    } else {
        let at = time.rfind(['+', '-'])?;
        let (clock, offset) = time.split_at(at);
        let sign = if offset.starts_with('-') { -1 } else { 1 };
        let digits: String = offset[1..].chars().filter(char::is_ascii_digit).collect();
        let hours: i64 = digits.get(..2)?.parse().ok()?;
        let minutes: i64 = digits.get(2..4).unwrap_or("0").parse().ok()?;
        (clock, sign * (hours * 60 + minutes))
    };
    let mut parts = clock.split(':');
    let hour: i64 = parts.next()?.parse().ok()?;
    let minute: i64 = parts.next()?.parse().ok()?;
    let second: i64 = parts
        .next()
        .and_then(|s| s.split('.').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let year: i64 = date[..4].parse().ok()?;
    let month: i64 = date[5..7].parse().ok()?;
    let day: i64 = date[8..10].parse().ok()?;
    Some(
        days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
            - offset_minutes * 60,
    )
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// well-known formula, written out here).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The first JSON-LD object of an article type: at the top, in an array,
/// or in an `@graph`.
fn json_ld_article(index: &PageIndex<'_>) -> Option<Value> {
    let mut found = None;
    for script in matching(&index.scripts, &JSON_LD) {
        let text: String = script.text().collect();
        // Some pages wrap the JSON in a CDATA section, commented out or not.
        let text = text.trim();
        let text = text.strip_prefix("//").unwrap_or(text).trim_start();
        let text = text.strip_prefix("<![CDATA[").unwrap_or(text);
        let text = text.trim_end();
        let text = text.strip_suffix("]]>").unwrap_or(text).trim_end();
        let text = text.strip_suffix("//").unwrap_or(text);
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        let mut queue = vec![value];
        while let Some(value) = queue.pop() {
            match value {
                Value::Array(items) => queue.extend(items.into_iter().rev()),
                Value::Object(mut object) => {
                    if let Some(graph) = object.remove("@graph") {
                        queue.push(graph);
                    }
                    let typed = object.get("@type").is_some_and(|t| match t {
                        Value::String(t) => ARTICLE_TYPES.contains(&t.as_str()),
                        Value::Array(ts) => ts
                            .iter()
                            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                        _ => false,
                    });
                    if typed && found.is_none() {
                        found = Some(Value::Object(object));
                    }
                }
                _ => {}
            }
        }
        if found.is_some() {
            break;
        }
    }
    found
}

/// A JSON-LD value as text: a string, or the `name` or `@id` of an object.
fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => collapse(&decode_entities(s)),
        Value::Array(items) => return items.iter().find_map(text_of),
        Value::Object(o) => return o.get("name").or_else(|| o.get("@id")).and_then(text_of),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// Names of people or organisations: a string, an object with a `name`, or
/// an array of either.
fn names(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(names).collect(),
        Value::Object(o) => o
            .get("name")
            .and_then(text_of)
            .filter(|n| !is_address(n))
            .into_iter()
            .collect(),
        Value::String(s) => {
            let s = collapse(s);
            (!s.is_empty() && !is_address(&s))
                .then_some(s)
                .into_iter()
                .collect()
        }
        _ => Vec::new(),
    }
}

/// `article:author` is often a profile address, not a name.
fn is_address(text: &str) -> bool {
    text.starts_with("http://") || text.starts_with("https://") || text.starts_with('/')
}

fn author_tags(tags: &Tags) -> Vec<String> {
    for key in [
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "dcterms.creator",
        "citation_author",
        "itemprop:author",
    ] {
        let found: Vec<String> = tags
            .all(key)
            .iter()
            .filter(|a| !is_address(a))
            .cloned()
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// Authors named in the markup: `itemprop="author"` (its `name` inside when
/// it has one) or `rel="author"` links.
fn author_markup(index: &PageIndex<'_>) -> Vec<String> {
    let name_of = |e: ElementRef<'_>| {
        let inner = e
            .select(&selector(r#"[itemprop~="name"]"#))
            .next()
            .unwrap_or(e);
        let text = inner
            .attr("content")
            .map(collapse)
            .unwrap_or_else(|| collapse(&inner.text().collect::<String>()));
        // A name, not a paragraph of biography.
        (!text.is_empty() && text.split_whitespace().count() <= 6).then_some(text)
    };
    let found: Vec<String> = matching(&index.itemprops, &AUTHOR)
        .filter_map(name_of)
        .collect();
    if !found.is_empty() {
        return found;
    }
    matching(&index.rel_links, &AUTHOR_LINK)
        .filter_map(name_of)
        .collect()
}

fn dedup(names: &mut Vec<String>) {
    let mut seen = Vec::new();
    names.retain(|n| {
        let key = n.to_lowercase();
        let fresh = !seen.contains(&key);
        seen.push(key);
        fresh
    });
}

/// JSON-LD strings sometimes carry HTML entities (`&amp;`, `&#039;`).
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let fragment = Html::parse_fragment(text);
    fragment.root_element().text().collect()
}

/// White space folded and trimmed.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(head: &str) -> PageMeta {
        let page = Html::parse_document(&format!(
            "<html lang=\"en-GB\"><head>{head}</head><body><p>Text.</p></body></html>"
        ));
        read(&page, &PageIndex::of(&page))
    }

    #[test]
    fn json_ld_in_a_graph_gives_the_article_fields() {
        let page = meta(
            r#"<meta property="og:title" content="From Open Graph">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Not this"},
              {"@type":["NewsArticle"],"headline":"Dam opens &amp; floods",
               "author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Li Wei"}],
               "datePublished":"2031-04-09T21:30:00-04:00","inLanguage":"en-US",
               "publisher":{"@type":"Organization","name":"Valley Post"},
               "articleBody":"The dam opened."}]}</script>"#,
        );
        let m = page.meta;
        assert_eq!(m.title.as_deref(), Some("Dam opens & floods"));
        assert_eq!(m.authors, ["Ana Ruiz", "Li Wei"]);
        assert_eq!(m.published.as_deref(), Some("2031-04-09T21:30:00-04:00"));
        assert_eq!(m.date.as_deref(), Some("2031-04-09"));
        assert_eq!(m.site.as_deref(), Some("Valley Post"));
        assert_eq!(m.language.as_deref(), Some("en-US"));
        assert_eq!(page.article_body.as_deref(), Some("The dam opened."));
    }

    #[test]
    fn meta_tags_of_every_kind_are_read() {
        let m = meta(
            r#"<meta name="parsely-pub-date" content="2030-01-02T10:00:00Z">
            <meta name="sailthru.author" content="Mira Holt">
            <meta property="og:url" content="https://example.org/a">
            <meta name="DC.description" content="A standfirst.">"#,
        )
        .meta;
        assert_eq!(m.date.as_deref(), Some("2030-01-02"));
        assert_eq!(m.authors, ["Mira Holt"]);
        assert_eq!(m.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(m.description.as_deref(), Some("A standfirst."));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
        // A profile address is not a name.
        let m = meta(r#"<meta property="article:author" content="https://x.org/mira">"#).meta;
        assert!(m.authors.is_empty());
    }

    #[test]
    fn itemprop_with_several_tokens_gives_the_date() {
        let m = meta(r#"<meta itemprop="datePublished dateCreated" content="2029-05-06">"#).meta;
        assert_eq!(m.date.as_deref(), Some("2029-05-06"));
    }

    #[test]
    fn a_utc_stamp_takes_the_day_of_the_page_s_own_offset() {
        let m = meta(
            r#"<meta property="article:published_time" content="2031-04-10T01:30:00Z">
            <meta name="date" content="2031-04-09T21:30:00-04:00">"#,
        )
        .meta;
        assert_eq!(m.published.as_deref(), Some("2031-04-10T01:30:00Z"));
        assert_eq!(m.date.as_deref(), Some("2031-04-09"));
        // With no other source, the day as written.
        let m =
            meta(r#"<meta property="article:published_time" content="2031-04-10T01:30:00Z">"#).meta;
        assert_eq!(m.date.as_deref(), Some("2031-04-10"));
    }

    #[test]
    fn canonical_wins_over_og_url_and_broken_json_ld_is_ignored() {
        let m = meta(
            r#"<link rel="canonical" href="https://example.org/c">
            <meta property="og:url" content="https://example.org/o">
            <script type="application/ld+json">{"@type": "NewsArticle",</script>"#,
        )
        .meta;
        assert_eq!(m.url.as_deref(), Some("https://example.org/c"));
        assert_eq!(m.title, None);
    }
}
