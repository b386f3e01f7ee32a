#![deny(missing_docs)]
//! whosaid's annotator core: who said what in a news story, who is
//! anonymous, and which countries it names.
//!
//! The layers depend in one direction only: [`model`] (the `whosaid/1`
//! document, pure data) ← [`annotate`](mod@annotate) (an [`Article`]'s paragraphs →
//! speakers, claims, countries; pure functions, no I/O) ← [`library`] (many
//! annotated stories at once). [`plain`] reads plain text (and a story given
//! as fields: text, id, title, date) into an [`Article`], the one way both
//! the command line and the Python package do it. The other input formats
//! (Markdown, HTML, JSON), the terminal reader and the command line live in
//! the `whosaid` application, which builds on this crate.
//!
//! The word lists are compiled in from the workspace's `assets/` folder, so
//! this crate builds inside the whosaid workspace.
//!
//! # Example
//!
//! ```
//! use whosaid_core::{Article, annotate};
//!
//! let article = Article::from_paragraphs(&[
//!     "The council voted on Tuesday to close the old bridge over the river.",
//!     "“It is no longer safe,” Mayor Ana Ribeiro said. \
//!      Engineers said the repairs would take two years.",
//! ]);
//! let document = annotate(&article);
//! for claim in &document.claims {
//!     let speaker = claim.speaker.as_deref().and_then(|id| document.speaker(id));
//!     println!(
//!         "{}: {} ({})",
//!         speaker.map_or("(no source)", |s| s.name.as_str()),
//!         claim.kind.cite(&claim.words()),
//!         claim.kind.as_str(),
//!     );
//! }
//! // Ana Ribeiro: “It is no longer safe” (direct)
//! // Engineers: the repairs would take two years (indirect)
//! assert_eq!(document.claims.len(), 2);
//! assert_eq!(document.speakers[0].name, "Ana Ribeiro");
//! ```

pub mod annotate;
pub mod date;
pub mod library;
pub mod model;
pub mod plain;
mod vocabulary;

pub use annotate::annotate;
pub use model::{Article, Document};
