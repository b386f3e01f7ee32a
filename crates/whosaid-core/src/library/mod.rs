//! Many stories at once: what the library view and the cross-story index of
//! sources are computed from. Pure functions over [`crate::model`] documents;
//! no I/O, no drawing.

mod key;
mod names;
pub mod people;
mod totals;

pub use key::content_key;
pub use people::{Appearance, People, Person, PersonClaim};
pub use totals::Totals;

use crate::model::{Meta, title_from_path};

/// A title to show for a story known only by its metadata (before it is
/// annotated): its own title, else its file name made readable.
pub fn meta_title(meta: &Meta) -> String {
    if let Some(title) = &meta.title {
        return title.clone();
    }
    meta.source
        .as_deref()
        .and_then(title_from_path)
        .unwrap_or_else(|| "Untitled story".to_string())
}
