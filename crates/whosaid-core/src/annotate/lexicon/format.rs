//! The formats of the lexicon's lists (see their headers): shared by the
//! crate and `build/`, which checks the lists with them.

use crate::vocabulary::{Class, Format};

const CUE_CLASSES: &[&str] = &["say", "tell", "ask", "call", "object", "noun"];
const SEXES: &[&str] = &["m", "f", "u"];

pub const CUE_VERBS: Format = Format {
    min_fields: 2,
    max_fields: 2,
    classes: &[Class {
        column: 1,
        name: "class",
        values: CUE_CLASSES,
    }],
    key: &[0],
};
/// A form may be listed once per kind: "chief" is a title and a modifier.
pub const TITLES: Format = Format {
    min_fields: 3,
    max_fields: 3,
    classes: &[
        Class {
            column: 1,
            name: "kind",
            values: &["honorific", "title", "modifier"],
        },
        Class {
            column: 2,
            name: "sex",
            values: &["m", "f", "-"],
        },
    ],
    key: &[0, 1],
};
pub const ANONYMOUS: Format = Format {
    min_fields: 2,
    max_fields: 2,
    classes: &[Class {
        column: 1,
        name: "kind",
        values: &["head", "marker"],
    }],
    key: &[0],
};
pub const ORGANIZATIONS: Format = Format {
    min_fields: 2,
    max_fields: 2,
    classes: &[Class {
        column: 1,
        name: "kind",
        values: &["head", "name"],
    }],
    key: &[0],
};
pub const GIVEN_NAMES: Format = Format {
    min_fields: 2,
    max_fields: 2,
    classes: &[Class {
        column: 1,
        name: "sex",
        values: SEXES,
    }],
    key: &[0],
};
pub const WORDS: Format = Format::WORDS;
