//! Many stories at once: what the library view and the cross-story index of
//! sources are computed from. Pure functions over [`crate::model`] documents;
//! no I/O, no drawing.

mod key;
mod names;
pub mod people;
mod totals;

pub use key::{content_key, paragraphs_key};
pub use people::{Appearance, People, Person, PersonClaim};
pub use totals::Totals;

use crate::model::{Meta, source_name};

/// A title to show for a story known only by its metadata: its own title,
/// else its file name until its text is known. The background loader fills
/// in the title [`crate::model::story_title`] gives before listing a story,
/// so the list names it as the reader will from the start.
pub fn meta_title(meta: &Meta) -> String {
    if let Some(title) = meta.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return title.to_string();
    }
    meta.source.as_deref().map_or_else(
        || "Untitled story".to_string(),
        |s| source_name(s).to_string(),
    )
}
