//! The reader: a terminal UI for one or more annotated stories.
//!
//! The loop is input → [`Action`] (through the one [`Keymap`]) → pure
//! [`update`] → [`render`] from the state. The reader never annotates: it is
//! handed finished stories ([`Doc`]: a compact annotation, or a `whosaid/1`
//! document read back).

pub mod action;
pub mod app;
pub mod cells;
pub mod cite;
pub mod doc;
pub mod events;
pub mod feed;
pub mod geometry;
pub mod index;
pub mod keymap;
pub mod library;
pub mod outside;
pub mod people;
pub mod rows;
pub mod runs;
pub mod search;
pub mod signals;
pub mod story;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod wrap;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod library_tests;
#[cfg(test)]
mod screens;
#[cfg(test)]
mod tests;

pub use action::Action;
pub use app::{App, Options, Settings, press, receive, update};
pub use doc::Doc;
pub use events::{Feeder, Inbox};
pub use feed::Feed;
pub use keymap::Keymap;
pub use terminal::{Fault, ReaderOptions, run};
pub use theme::{ColorChoice, ColorMode, Theme, ThemePreset};
pub use ui::render;
