//! A story given as fields, its text with an id, title and date beside it
//! (a line of JSON Lines, or the Python package's arguments): one way to
//! read them, so every caller gets the same document for the same fields.

use thiserror::Error;

use super::parse;
use crate::date::iso_date;
use crate::model::Article;

/// What a caller knows of a story besides its text. An empty or blank
/// field counts as not given.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fields<'a> {
    /// The article's id, kept as it is.
    pub id: Option<&'a str>,
    /// The headline; trimmed.
    pub title: Option<&'a str>,
    /// `YYYY-MM-DD`, or a timestamp that starts with one.
    pub date: Option<&'a str>,
}

/// Why fields cannot make a story.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FieldError {
    /// The date is not a calendar date: an error rather than a date left
    /// out, since a null among millions of rows is never noticed.
    #[error("`date` {0:?} is not a calendar date (YYYY-MM-DD)")]
    Date(String),
}

/// The story of `text` (read as [`parse`] reads plain text), with the
/// fields taking the place of any id, title or date the text carries.
pub fn article_with(text: &str, fields: Fields<'_>) -> Result<Article, FieldError> {
    let date = match given(fields.date) {
        Some(date) => Some(iso_date(date).ok_or_else(|| FieldError::Date(date.to_string()))?),
        None => None,
    };
    let mut article = parse(text);
    let meta = &mut article.meta;
    if let Some(id) = fields.id.filter(|id| !id.is_empty()) {
        meta.id = Some(id.to_string());
    }
    if let Some(title) = given(fields.title) {
        meta.title = Some(title.trim().to_string());
    }
    if date.is_some() {
        meta.date = date;
    }
    Ok(article)
}

/// A field that says something: not missing, empty or blank.
fn given(field: Option<&str>) -> Option<&str> {
    field.filter(|value| !value.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_take_the_place_of_what_the_text_carries() {
        let text = "date 2020-01-01 Old headline\n\nCrews walked out.\n\n[[nid:9]]";
        let article = article_with(
            text,
            Fields {
                id: Some("7"),
                title: Some(" Ferry strike "),
                date: Some("2022-02-02T09:00:00Z"),
            },
        )
        .unwrap();
        assert_eq!(article.meta.id.as_deref(), Some("7"));
        assert_eq!(article.meta.title.as_deref(), Some("Ferry strike"));
        assert_eq!(article.meta.date.as_deref(), Some("2022-02-02"));
        let plain = article_with(text, Fields::default()).unwrap();
        assert_eq!(plain.meta.id.as_deref(), Some("9"));
        assert_eq!(plain.meta.date.as_deref(), Some("2020-01-01"));
    }

    #[test]
    fn a_date_off_the_calendar_is_an_error_and_a_blank_one_is_none() {
        for date in ["2024-02-31", "yesterday", "2024-00-10"] {
            let fields = Fields {
                date: Some(date),
                ..Fields::default()
            };
            assert_eq!(
                article_with("Crews walked out.", fields).unwrap_err(),
                FieldError::Date(date.to_string())
            );
        }
        let blank = Fields {
            date: Some("  "),
            title: Some(""),
            id: Some(""),
        };
        let article = article_with("Crews walked out.", blank).unwrap();
        assert_eq!(article.meta.date, None);
        assert_eq!(article.meta.title, None);
        assert_eq!(article.meta.id, None);
    }
}
