//! JSON inputs: `whosaid/1` documents (reopened as they are, never annotated
//! again) and JSON Lines of articles, one `{"id", "title", "date", "text"}`
//! object per line.

use std::collections::HashMap;

use serde::de::IgnoredAny;
use serde_json::Value;
use serde_json::value::RawValue;

use super::blocks::iso_date;
use super::{Article, Input, LoadError, plain};
use crate::invariants;
use crate::model::{Document, SCHEMA};

/// A `.json` input: one document, or an array of them as
/// `whosaid annotate --format json` writes for several stories.
pub fn parse_documents(path: &str, text: &str) -> Result<Vec<Input>, LoadError> {
    let not_document = |message: String| LoadError::NotDocument {
        path: path.to_string(),
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| not_document(e.to_string()))?;
    let (values, in_array) = match value {
        Value::Array(values) => (values, true),
        value => (vec![value], false),
    };
    let count = values.len();
    values
        .into_iter()
        .enumerate()
        .map(|(index, value)| {
            // In an array, say which document is wrong.
            let which = |message: String| match in_array {
                true => format!("document {} of {count}: {message}", index + 1),
                false => message,
            };
            // Back to JSON text, the form the line reader checks.
            let schema = value.get("schema").map(Value::to_string);
            match check_schema_field(schema.as_deref()) {
                Err(SchemaError::Unsupported(schema)) if !in_array => {
                    return Err(LoadError::Schema {
                        path: path.to_string(),
                        schema,
                    });
                }
                Err(error) => return Err(not_document(which(error.to_string()))),
                Ok(()) => {}
            }
            let document: Document =
                serde_json::from_value(value).map_err(|e| not_document(which(e.to_string())))?;
            let document = checked(document).map_err(|e| not_document(which(e)))?;
            Ok(Input::Annotated(Box::new(document)))
        })
        .collect()
}

/// One line of JSON Lines: an article to annotate, a document annotated
/// before, or `None` for a blank line. `line` counts from 1, for messages.
/// A bad line's error names the article's id whenever the line gives one,
/// even when the rest of it cannot be read.
pub fn parse_line(path: &str, line: usize, text: &str) -> Result<Option<Input>, LoadError> {
    let text = text.trim_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if text.is_empty() {
        return Ok(None);
    }
    let bad_line = |id: Option<String>, message: String| LoadError::Line {
        path: path.to_string(),
        line,
        id,
        message,
    };
    if text.contains('\0') {
        return Err(bad_line(
            leading_id(text),
            "not text (it contains NUL bytes)".to_string(),
        ));
    }
    // Fields kept as their JSON text, so a number is read as written (an
    // id of 30 digits is not rounded to a float).
    let fields: HashMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(fields) => fields,
        Err(error) => {
            let message = match serde_json::from_str::<IgnoredAny>(text) {
                Ok(_) => "not a JSON object".to_string(),
                Err(_) => format!("invalid JSON: {error}"),
            };
            return Err(bad_line(leading_id(text), message));
        }
    };
    if let Some(schema) = fields.get("schema") {
        let id = fields.get("meta").and_then(|meta| document_id(meta.get()));
        // The line's place is the path; the message must not repeat it.
        check_schema_field(Some(schema.get())).map_err(|e| bad_line(id.clone(), e.to_string()))?;
        let document = serde_json::from_str(text)
            .map_err(|e| e.to_string())
            .and_then(checked)
            .map_err(|e| bad_line(id, format!("not a whosaid/1 document: {e}")))?;
        return Ok(Some(Input::Annotated(Box::new(document))));
    }
    let id = fields.get("id").and_then(|raw| id_of(raw.get()));
    let article =
        article(path, &fields).map_err(|e| bad_line(id, format!("not an article: {e}")))?;
    Ok(Some(Input::Article(article)))
}

/// An id as whosaid keeps it: a string as it is, a whole number as its
/// digits; `None` for anything else (or an empty string).
fn id_of(raw: &str) -> Option<String> {
    if is_integer(raw) {
        return Some(raw.to_string());
    }
    serde_json::from_str::<String>(raw)
        .ok()
        .filter(|id| !id.is_empty())
}

/// A document's `meta.id`, when its `meta` gives a readable one.
fn document_id(meta: &str) -> Option<String> {
    let meta: HashMap<String, &RawValue> = serde_json::from_str(meta).ok()?;
    id_of(meta.get("id")?.get())
}

/// The id of a line that is not valid JSON, when `id` is its first field
/// (`{"id":"a7","text":"…` cut short): the first field's key cannot be
/// text inside another value, so this is the article's id for certain.
fn leading_id(text: &str) -> Option<String> {
    let rest = text.strip_prefix('{')?.trim_start();
    let rest = rest.strip_prefix("\"id\"")?.trim_start();
    let rest = rest.strip_prefix(':')?;
    // Reads the one value after the colon and stops: what follows may be
    // the broken part.
    let mut values = serde_json::Deserializer::from_str(rest).into_iter::<&RawValue>();
    id_of(values.next()?.ok()?.get())
}

/// An article line's fields, `{"id", "title", "date", "text"}`; others
/// (`url`, `source`, …) are ignored. The text is read as plain text; the
/// line's id, title and date take the place of any the text carries. A
/// field of the wrong type is an error that names it, and so is a date that
/// is not a calendar date (`YYYY-MM-DD`, or a timestamp starting with one):
/// left out, it would turn into a null that no one notices.
fn article(path: &str, fields: &HashMap<String, &RawValue>) -> Result<Article, String> {
    // `null` is a field left empty.
    let string = |field: &str| -> Result<Option<String>, String> {
        let Some(raw) = fields.get(field).map(|raw| raw.get()) else {
            return Ok(None);
        };
        serde_json::from_str::<Option<String>>(raw)
            .map_err(|_| format!("`{field}` must be a string"))
    };
    let Some(text) = string("text")? else {
        return Err(match fields.contains_key("text") {
            true => "`text` must be a string".to_string(),
            false => "missing field `text`".to_string(),
        });
    };
    let id = match fields.get("id").map(|raw| raw.get()) {
        Some(raw) if is_integer(raw) => Some(raw.to_string()),
        _ => string("id").map_err(|_| "`id` must be a string or an integer".to_string())?,
    };
    let title = string("title")?;
    let date = string("date")?;
    let fields = plain::Fields {
        id: id.as_deref(),
        title: title.as_deref(),
        date: date.as_deref(),
    };
    let mut article = plain::article_with(&text, fields).map_err(|e| e.to_string())?;
    article.meta.source = Some(path.to_string());
    Ok(article)
}

/// A document read back in, if it keeps the promises of `whosaid/1`
/// ([`invariants::check_format`]): one that does not is refused, never passed on
/// to be shown or written out (a span out of its paragraph would panic
/// whatever slices it). The message names the field at fault.
fn checked(document: Document) -> Result<Document, String> {
    invariants::check_format(&document)?;
    if let Some(date) = &document.meta.date
        && iso_date(date).as_deref() != Some(date.as_str())
    {
        return Err(format!(
            "meta.date {date:?} is not a calendar date (YYYY-MM-DD)"
        ));
    }
    Ok(document)
}

/// A JSON number written as a whole number: `7`, `-12`, not `7.5` or `1e3`.
fn is_integer(number: &str) -> bool {
    let digits = number.strip_prefix('-').unwrap_or(number);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Why a JSON value is not a `whosaid/1` document. Says nothing of where
/// the value is: the caller does.
#[derive(Debug)]
enum SchemaError {
    Unsupported(String),
    NotString,
    Missing,
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SchemaError::Unsupported(schema) => write!(
                f,
                "unsupported schema {schema:?} (this whosaid reads {SCHEMA})"
            ),
            SchemaError::NotString => f.write_str("`schema` is not a string"),
            SchemaError::Missing => f.write_str("no `schema` field"),
        }
    }
}

/// Checks a `schema` field, given as its JSON text.
fn check_schema_field(raw: Option<&str>) -> Result<(), SchemaError> {
    let raw = raw.ok_or(SchemaError::Missing)?;
    match serde_json::from_str::<String>(raw) {
        Ok(schema) if schema == SCHEMA => Ok(()),
        Ok(schema) => Err(SchemaError::Unsupported(schema)),
        Err(_) => Err(SchemaError::NotString),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;
    use crate::load::plain;

    fn article(input: Option<Input>) -> Article {
        match input {
            Some(Input::Article(article)) => article,
            other => panic!("expected an article, got {other:?}"),
        }
    }

    #[test]
    fn an_article_line_becomes_a_story() {
        let line = r#"{"id":7,"title":"Ferry strike","date":"2022-02-02T09:00:00Z","text":"Crews walked out.\n\nTalks resume Monday.","url":"x"}"#;
        let article = article(parse_line("in.jsonl", 3, line).unwrap());
        assert_eq!(article.meta.id.as_deref(), Some("7"));
        assert_eq!(article.meta.title.as_deref(), Some("Ferry strike"));
        assert_eq!(article.meta.date.as_deref(), Some("2022-02-02"));
        assert_eq!(article.meta.source.as_deref(), Some("in.jsonl"));
        assert_eq!(article.paragraphs.len(), 2);
        assert_eq!(article.paragraphs[1].text, "Talks resume Monday.");
    }

    #[test]
    fn bad_lines_name_the_file_and_line() {
        let error = |line: &str| parse_line("in.jsonl", 12, line).unwrap_err().to_string();
        assert!(error("{\"text\": ").starts_with("in.jsonl:12: invalid JSON"));
        assert_eq!(error("[1, 2]"), "in.jsonl:12: not a JSON object");
        assert!(
            error(r#"{"id":"1"}"#)
                .starts_with("in.jsonl:12 (id 1): not an article: missing field `text`")
        );
        assert!(parse_line("in.jsonl", 1, "  \r").unwrap().is_none());
    }

    /// The line's place names the file once, and a field of the wrong type
    /// is named with what it should be.
    #[test]
    fn bad_fields_are_named_with_what_they_should_be() {
        let error = |line: &str| parse_line("in.jsonl", 13, line).unwrap_err().to_string();
        assert_eq!(
            error(r#"{"schema":"whosaid/9"}"#),
            "in.jsonl:13: unsupported schema \"whosaid/9\" (this whosaid reads whosaid/1)"
        );
        assert_eq!(
            error(r#"{"schema":7}"#),
            "in.jsonl:13: `schema` is not a string"
        );
        for (line, field) in [
            (
                r#"{"id":true,"text":"a"}"#,
                "`id` must be a string or an integer",
            ),
            (
                r#"{"id":7.5,"text":"a"}"#,
                "`id` must be a string or an integer",
            ),
            (
                r#"{"id":[1],"text":"a"}"#,
                "`id` must be a string or an integer",
            ),
            (r#"{"text":5}"#, "`text` must be a string"),
            (r#"{"title":{},"text":"a"}"#, "`title` must be a string"),
            (r#"{"date":20240101,"text":"a"}"#, "`date` must be a string"),
        ] {
            assert_eq!(error(line), format!("in.jsonl:13: not an article: {field}"));
        }
        let read = parse_line("in.jsonl", 1, r#"{"id":null,"title":null,"text":"a"}"#);
        assert!(read.unwrap().is_some());
    }

    /// An id is kept as written: a number too large for any integer type
    /// (or a float) is not rounded.
    #[test]
    fn numeric_ids_keep_their_exact_digits() {
        for id in [
            "123456789012345678901234567890",
            "-42",
            "0",
            "18446744073709551616",
        ] {
            let line = format!(r#"{{"id":{id},"text":"The ferry left."}}"#);
            let read = parse_line("in.jsonl", 1, &line).unwrap();
            assert_eq!(article(read).meta.id.as_deref(), Some(id));
        }
        let read = parse_line("in.jsonl", 1, r#"{"id":"a\"b","text":"x"}"#).unwrap();
        assert_eq!(article(read).meta.id.as_deref(), Some("a\"b"));
        let error = parse_line("in.jsonl", 1, r#"{"text":null}"#).unwrap_err();
        assert_eq!(
            error.to_string(),
            "in.jsonl:1: not an article: `text` must be a string"
        );
    }

    /// A date off the calendar is a bad line, not a date left out: a null
    /// among millions of rows would go unnoticed.
    #[test]
    fn a_date_that_is_not_on_the_calendar_is_an_error() {
        for (date, kept) in [
            ("2024-02-29", Some("2024-02-29")),
            ("2024-02-31", None),
            ("2023-02-29", None),
            ("2024-04-31", None),
            ("2024-00-10", None),
            ("yesterday", None),
        ] {
            let line = format!(r#"{{"id":"d1","date":"{date}","text":"Crews walked out."}}"#);
            let read = parse_line("in.jsonl", 4, &line);
            match kept {
                Some(kept) => assert_eq!(article(read.unwrap()).meta.date.as_deref(), Some(kept)),
                None => assert_eq!(
                    read.unwrap_err().to_string(),
                    format!(
                        "in.jsonl:4 (id d1): not an article: `date` \"{date}\" is not a calendar date (YYYY-MM-DD)"
                    )
                ),
            }
        }
    }

    /// The id is named whenever the line gives one: with a bad field, or
    /// first in a line that is not valid JSON.
    #[test]
    fn a_bad_line_names_its_id_when_it_can_be_read() {
        let error = |line: &str| parse_line("in.jsonl", 5, line).unwrap_err().to_string();
        assert_eq!(
            error(r#"{"id":"a7","title":3,"text":"x"}"#),
            "in.jsonl:5 (id a7): not an article: `title` must be a string"
        );
        assert_eq!(
            error(r#"{"id":42}"#),
            "in.jsonl:5 (id 42): not an article: missing field `text`"
        );
        assert!(
            error(r#"{ "id" : "a\"8", "text":"cut sh"#)
                .starts_with("in.jsonl:5 (id a\"8): invalid JSON"),
        );
        // An "id" that is not the first key may be text inside a value.
        assert!(error(r#"{"text":"say \"id\":\"x\" and"#).starts_with("in.jsonl:5: invalid JSON"));
        assert!(error(r#"{"id":true,"text":"x"}"#).starts_with("in.jsonl:5: not an article"));
        assert!(
            error(r#"{"id":"","text":"x","date":"x"}"#).starts_with("in.jsonl:5: not an article")
        );
    }

    #[test]
    fn a_bad_document_in_an_array_is_named_by_its_place() {
        let document = annotate(&plain::parse("The port reopened on Monday."));
        let mut many = serde_json::to_value([&document, &document]).unwrap();
        many[1]["schema"] = "whosaid/2".into();
        let error = parse_documents("two.json", &many.to_string()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "two.json: not a whosaid/1 document: document 2 of 2: unsupported schema \"whosaid/2\" (this whosaid reads whosaid/1)"
        );
    }

    #[test]
    fn annotated_documents_are_reopened_as_they_are() {
        let document = annotate(&plain::parse("The port reopened on Monday."));
        let line = serde_json::to_string(&document).unwrap();
        match parse_line("-", 1, &line).unwrap() {
            Some(Input::Annotated(read)) => assert_eq!(*read, document),
            other => panic!("expected a document, got {other:?}"),
        }
        let many = serde_json::to_string_pretty(&[&document, &document]).unwrap();
        assert_eq!(parse_documents("two.json", &many).unwrap().len(), 2);
    }

    /// Documents read back in are checked, and refused with the field at
    /// fault named, in `.json` files and JSON Lines alike.
    #[test]
    fn broken_documents_are_refused_naming_the_field() {
        let document = annotate(&plain::parse(
            "Zoë Brandt, the port director, said: “We reopen on Monday.”",
        ));
        let text = &document.paragraphs[0].text;
        let inside_char = text.find('ë').unwrap() + 1;
        let broken = |change: &dyn Fn(&mut Value)| {
            let mut value = serde_json::to_value(&document).unwrap();
            change(&mut value);
            let line = parse_line("in.jsonl", 2, &value.to_string())
                .unwrap_err()
                .to_string();
            let file = parse_documents("doc.json", &value.to_string())
                .unwrap_err()
                .to_string();
            assert_eq!(
                line.strip_prefix("in.jsonl:2: not a whosaid/1 document: "),
                file.strip_prefix("doc.json: not a whosaid/1 document: "),
                "{line} / {file}"
            );
            file
        };
        type Change<'a> = &'a dyn Fn(&mut Value);
        let cases: [(Change, &str); 7] = [
            (
                &|v| v["claims"][0]["end"] = 10_000.into(),
                "claims[0].end 10000 is past the end of paragraph 0",
            ),
            (
                &|v| {
                    let end = v["claims"][0]["end"].as_u64().unwrap();
                    v["claims"][0]["start"] = (end + 1).into();
                },
                "claims[0]: start 61 is after end 60",
            ),
            (
                &|v| v["speakers"][0]["mentions"][0]["end"] = inside_char.into(),
                "speakers[0].mentions[0].end",
            ),
            (
                &|v| v["claims"][0]["text"] = "We never said that.".into(),
                "claims[0].text differs from its span",
            ),
            (
                &|v| v["claims"][0]["speaker"] = "s99".into(),
                "claims[0].speaker names a missing speaker \"s99\"",
            ),
            (
                &|v| v["claims"][0]["paragraph"] = u64::MAX.into(),
                "claims[0].paragraph 18446744073709551615 does not exist (the story has 1)",
            ),
            (
                &|v| v["meta"]["date"] = "2024-02-31".into(),
                "meta.date \"2024-02-31\" is not a calendar date",
            ),
        ];
        for (change, message) in cases {
            let error = broken(change);
            assert!(error.contains(message), "{error}\nshould say: {message}");
        }
        // The document as written is read back as it is.
        assert_eq!(
            parse_documents("doc.json", &serde_json::to_string(&document).unwrap())
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn json_that_is_not_a_document_is_refused() {
        let error = parse_documents("x.json", r#"{"title":"no schema"}"#).unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.json: not a whosaid/1 document: no `schema` field"
        );
        let error = parse_documents("x.json", "{").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("x.json: not a whosaid/1 document: EOF")
        );
    }
}
