//! whosaid: who said what in a news story.
//!
//! The layers depend in one direction only:
//! [`model`] (pure data) ← [`load`] (input → article) ← [`annotate`](mod@annotate)
//! (article → speakers, claims, countries; pure functions) ← [`cli`] and the reader.
//!
//! [`model`], [`annotate`](mod@annotate) and [`library`] are the `whosaid-core` crate
//! (`crates/whosaid-core`), named here so `crate::model::…` paths read as
//! before; the compiler keeps the core from seeing `load`, `tui`,
//! `settings` or `cli`.

// `annotate` names both the module and the function `annotate::annotate`.
pub use whosaid_core::{annotate, library, model};

pub mod archive;
pub mod cli;
pub mod invariants;
pub mod load;
pub mod safe_text;
pub mod settings;
pub mod tui;
pub mod words;

pub use load::Article;
pub use model::Document;
