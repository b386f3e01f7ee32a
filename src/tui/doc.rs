//! The story a reader holds: annotated here and kept in compact form (claims
//! and spans as offsets, built when drawn), or a whole document read back
//! from JSON. Either is read through [`Annotated`], so a long story is never
//! held as a full document.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use crate::annotate::Annotation;
use crate::model::{Annotated, Document, SpeakerFacts};

/// An annotated story, shared between the library and its open view.
#[derive(Clone)]
pub struct Doc(Arc<dyn Annotated>);

impl Deref for Doc {
    type Target = dyn Annotated;

    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

impl fmt::Debug for Doc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl From<Document> for Doc {
    fn from(document: Document) -> Self {
        Doc(Arc::new(document))
    }
}

impl From<Annotation> for Doc {
    fn from(annotation: Annotation) -> Self {
        Doc(Arc::new(annotation))
    }
}

impl Doc {
    /// The `s`th speaker, for a position the story's own index found (as
    /// indexing `speakers[s]` did).
    pub fn speaker_at(&self, s: usize) -> SpeakerFacts<'_> {
        match self.speaker_facts(s) {
            Some(speaker) => speaker,
            None => panic!("speaker {s} of {}", self.speaker_count()),
        }
    }

    /// The name of the speaker with this id.
    pub fn speaker_name(&self, id: &str) -> Option<&str> {
        Some(self.speaker_facts(self.speaker_index(id)?)?.name)
    }
}
