//! whosaid's annotator core: who said what in a news story.
//!
//! The layers depend in one direction only: [`model`] (pure data) ←
//! [`annotate`] (article → speakers, claims, countries; pure functions) ←
//! [`library`] (many annotated stories at once). Reading input formats,
//! the reader and the command line live in the `whosaid` application.

pub mod annotate;
pub mod library;
pub mod model;

pub use annotate::annotate;
pub use model::{Article, Document};
