//! The parts of a person's name that say whether two stories quote the
//! same person: surname and given name, with titles and descriptions in
//! front ("Ukrainian President …") and suffixes behind ("… Jr.") set aside.

use crate::annotate::lexicon::lexicon;
use crate::vocabulary::NAME_SUFFIXES;

/// A person's name reduced to what identifies them, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NameKey {
    pub surname: String,
    /// `None` when the story only ever gives the surname ("Zelenskiy").
    pub given: Option<String>,
}

/// "Ukrainian President Volodymyr Zelenskiy" → given `volodymyr`, surname
/// `zelenskiy`; "Zelenskiy" → surname only; `None` for an empty name.
///
/// Everything up to the last title word is description, not name. Middle
/// names and initials are ignored: the first and the last word decide.
pub fn name_key(name: &str) -> Option<NameKey> {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches('’')
                .trim_end_matches(',')
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut words = &words[..];
    while let Some((last, rest)) = words.split_last() {
        let lower = last.to_lowercase();
        if rest.is_empty()
            || !NAME_SUFFIXES
                .words()
                .iter()
                .any(|suffix| suffix.eq_ignore_ascii_case(&lower))
        {
            break;
        }
        words = rest;
    }
    // The last word is the name even when it is also a title ("John Major").
    let after_titles = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(|w| lexicon().title(w).is_some())
        .map_or(0, |i| i + 1);
    let words = &words[after_titles..];
    let (surname, rest) = words.split_last()?;
    Some(NameKey {
        surname: surname.to_lowercase(),
        given: rest.first().map(|g| g.to_lowercase()),
    })
}

/// Whether two given names can be the same person's: equal, or one an
/// initial of the other ("D." and "Donald").
pub fn given_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let initial = |s: &str| {
        let s = s.trim_end_matches('.');
        (s.chars().count() == 1).then(|| s.chars().next())
    };
    match (initial(a), initial(b)) {
        (Some(i), _) => i == b.chars().next(),
        (_, Some(i)) => i == a.chars().next(),
        _ => false,
    }
}

/// Organizations and groups are the same across stories when their names
/// are, ignoring case and a leading "the".
pub fn label_key(name: &str) -> String {
    let lower = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    lower
        .strip_prefix("the ")
        .map(str::to_string)
        .unwrap_or(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(surname: &str, given: Option<&str>) -> Option<NameKey> {
        Some(NameKey {
            surname: surname.into(),
            given: given.map(Into::into),
        })
    }

    #[test]
    fn titles_and_descriptions_in_front_are_not_the_name() {
        assert_eq!(
            name_key("Ukrainian President Volodymyr Zelenskiy"),
            key("zelenskiy", Some("volodymyr"))
        );
        assert_eq!(
            name_key("Volodymyr Zelenskiy"),
            key("zelenskiy", Some("volodymyr"))
        );
        assert_eq!(name_key("Zelenskiy"), key("zelenskiy", None));
        assert_eq!(name_key("President Zelenskiy"), key("zelenskiy", None));
        assert_eq!(
            name_key("Martin Luther King Jr."),
            key("king", Some("martin"))
        );
        assert_eq!(name_key("John Major"), key("major", Some("john")));
        assert_eq!(name_key("   "), None);
    }

    #[test]
    fn initials_fit_the_names_they_begin() {
        assert!(given_compatible("donald", "donald"));
        assert!(given_compatible("d.", "donald"));
        assert!(given_compatible("donald", "d"));
        assert!(!given_compatible("donald", "hillary"));
        assert!(!given_compatible("d.", "hillary"));
    }

    #[test]
    fn labels_ignore_case_spacing_and_the() {
        assert_eq!(label_key("The State  Department"), "state department");
        assert_eq!(label_key("European leaders"), "european leaders");
    }
}
