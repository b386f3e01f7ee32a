//! The formats of the gazetteer's lists (see their headers): shared by the
//! crate and `build/`, which checks the lists with them.

use crate::vocabulary::{Class, Format};

pub const COUNTRIES: Format = Format::fields(3);
pub const BLOCS: Format = Format::fields(3);
pub const NAMES: Format = Format::fields(3);
pub const DEMONYMS: Format = Format::fields(4);
pub const SEATS: Format = Format {
    min_fields: 4,
    max_fields: 4,
    classes: &[Class {
        column: 2,
        name: "kind",
        values: &["capital", "seat", "region"],
    }],
    key: &[0],
};
pub const SUBDIVISIONS: Format = Format {
    min_fields: 3,
    max_fields: 3,
    classes: &[Class {
        column: 1,
        name: "country",
        values: &["US", "CA"],
    }],
    key: &[0],
};
pub const NOT_PLACES: Format = Format::WORDS;
