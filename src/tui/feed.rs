//! What the background loader tells the reader while it runs. The reader
//! never annotates: whoever opens the reader (the binary) reads and
//! annotates the stories elsewhere and sends them here as they are done.

use super::Doc;
use crate::model::Meta;

#[derive(Debug, Clone)]
pub enum Feed {
    /// Stories found, in input order, with what is known before annotation.
    /// Each is numbered by its place among all the stories found so far.
    Found(Vec<Meta>),
    /// Annotated stories, by number, in any order.
    Ready(Vec<(usize, Doc)>),
    /// An input that could not be read: file and reason.
    Problem(String),
    /// Something read with a caveat ("invalid UTF-8 …").
    Warning(String),
    /// Every story has been found and annotated.
    Done,
}
