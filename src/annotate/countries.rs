//! Countries and blocs. (Interim: a small table until the gazetteer lands.)

use crate::model::{Country, CountryKind, Paragraph, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub code: &'static str,
    pub name: &'static str,
    pub kind: CountryKind,
}

const TABLE: &[(&str, &str, &str)] = &[
    ("US", "US", "United States"),
    ("U.S.", "US", "United States"),
    ("American", "US", "United States"),
    ("Washington", "US", "United States"),
    ("White House", "US", "United States"),
    ("Ukraine", "UA", "Ukraine"),
    ("Ukrainian", "UA", "Ukraine"),
    ("Kyiv", "UA", "Ukraine"),
    ("Russia", "RU", "Russia"),
    ("Russian", "RU", "Russia"),
    ("Moscow", "RU", "Russia"),
    ("Kremlin", "RU", "Russia"),
    ("German", "DE", "Germany"),
    ("Germany", "DE", "Germany"),
    ("Berlin", "DE", "Germany"),
    ("Polish", "PL", "Poland"),
    ("Swedish", "SE", "Sweden"),
    ("Britain", "GB", "United Kingdom"),
    ("France", "FR", "France"),
];

/// The country or bloc a word or phrase names or implies.
pub fn lookup(phrase: &str) -> Option<Place> {
    TABLE
        .iter()
        .find(|(form, _, _)| *form == phrase)
        .map(|&(_, code, name)| Place {
            code,
            name,
            kind: CountryKind::Country,
        })
}

/// Every country and bloc mentioned.
pub fn find(_paragraphs: &[Paragraph], _not_places: &[Span]) -> Vec<Country> {
    Vec::new()
}
