//! Article text → speakers, claims and countries. Pure functions: no I/O.

pub mod lexicon;
pub mod token;

use crate::load::Article;
use crate::model::{Document, SCHEMA, Summary};

/// Annotates one story.
pub fn annotate(article: &Article) -> Document {
    Document {
        schema: SCHEMA.to_string(),
        meta: article.meta.clone(),
        paragraphs: article.paragraphs.clone(),
        speakers: Vec::new(),
        claims: Vec::new(),
        countries: Vec::new(),
        summary: Summary::default(),
    }
}
