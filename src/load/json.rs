//! JSON inputs: `whosaid/1` documents (reopened as they are, never annotated
//! again) and JSON Lines of articles, one `{"id", "title", "date", "text"}`
//! object per line.

use serde::Deserialize;
use serde_json::Value;

use super::blocks::iso_date;
use super::{Article, Input, LoadError, plain};
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
    let values = match value {
        Value::Array(values) => values,
        value => vec![value],
    };
    values
        .into_iter()
        .map(|value| {
            check_schema(path, &value)?;
            let document: Document =
                serde_json::from_value(value).map_err(|e| not_document(e.to_string()))?;
            Ok(Input::Annotated(Box::new(document)))
        })
        .collect()
}

/// One line of JSON Lines: an article to annotate, a document annotated
/// before, or `None` for a blank line. `line` counts from 1, for messages.
pub fn parse_line(path: &str, line: usize, text: &str) -> Result<Option<Input>, LoadError> {
    let text = text.trim_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if text.is_empty() {
        return Ok(None);
    }
    let bad_line = |message: String| LoadError::Line {
        path: path.to_string(),
        line,
        message,
    };
    if text.contains('\0') {
        return Err(bad_line("not text (it contains NUL bytes)".to_string()));
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| bad_line(format!("invalid JSON: {e}")))?;
    if !value.is_object() {
        return Err(bad_line("not a JSON object".to_string()));
    }
    if value.get("schema").is_some() {
        check_schema(path, &value).map_err(|e| bad_line(e.to_string()))?;
        let document: Document = serde_json::from_value(value)
            .map_err(|e| bad_line(format!("not a whosaid/1 document: {e}")))?;
        return Ok(Some(Input::Annotated(Box::new(document))));
    }
    let record: Record =
        serde_json::from_value(value).map_err(|e| bad_line(format!("not an article: {e}")))?;
    Ok(Some(Input::Article(record.into_article(path))))
}

/// The fields of an article line; other fields (`url`, `source`, …) are ignored.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<Id>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
    text: String,
}

/// Ids come as strings or numbers.
#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(serde_json::Number),
}

impl Record {
    /// The text read as plain text; the line's id, title and date take the
    /// place of any the text carries. A date that is not `YYYY-MM-DD` (or a
    /// timestamp starting with one) is dropped.
    fn into_article(self, path: &str) -> Article {
        let mut article = plain::parse(&self.text);
        let meta = &mut article.meta;
        match self.id {
            Some(Id::Text(id)) if !id.is_empty() => meta.id = Some(id),
            Some(Id::Number(id)) => meta.id = Some(id.to_string()),
            _ => {}
        }
        if let Some(title) = self.title.filter(|t| !t.trim().is_empty()) {
            meta.title = Some(title.trim().to_string());
        }
        if let Some(date) = self.date.as_deref().and_then(iso_date) {
            meta.date = Some(date);
        }
        meta.source = Some(path.to_string());
        article
    }
}

fn check_schema(path: &str, value: &Value) -> Result<(), LoadError> {
    match value.get("schema") {
        Some(Value::String(schema)) if schema == SCHEMA => Ok(()),
        Some(Value::String(schema)) => Err(LoadError::Schema {
            path: path.to_string(),
            schema: schema.clone(),
        }),
        Some(_) => Err(LoadError::NotDocument {
            path: path.to_string(),
            message: "`schema` is not a string".to_string(),
        }),
        None => Err(LoadError::NotDocument {
            path: path.to_string(),
            message: "no `schema` field".to_string(),
        }),
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
            error(r#"{"id":"1"}"#).starts_with("in.jsonl:12: not an article: missing field `text`")
        );
        assert!(error(r#"{"schema":"whosaid/9"}"#).contains("unsupported schema \"whosaid/9\""));
        assert!(parse_line("in.jsonl", 1, "  \r").unwrap().is_none());
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
