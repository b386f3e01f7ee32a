//! Plain-text stories. The reader is the core's ([`whosaid_core::plain`]),
//! shared with the Python package so both read a text the same way.

pub use whosaid_core::plain::{
    FieldError, Fields, article_with, parse, split_dateline, without_relative_time,
};
