//! whosaid: who said what in a news story.
//!
//! The layers depend in one direction only:
//! [`model`] (pure data) ← [`load`] (input → article) ← [`annotate`]
//! (article → speakers, claims, countries; pure functions) ← [`cli`] and the reader.

pub mod annotate;
pub mod cli;
pub mod invariants;
pub mod library;
pub mod load;
pub mod model;
pub mod safe_text;
pub mod settings;
pub mod tui;
pub mod words;

pub use annotate::annotate;
pub use load::Article;
pub use model::Document;
