//! Strings a story repeats in its mentions (names, surnames, roles, heads),
//! each kept once: a long story names the same few people a million times.

use std::num::NonZeroU32;

use rustc_hash::FxHashMap;

/// A string in [`Names`]. Two symbols from the same `Names` are equal when
/// their strings are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sym(NonZeroU32);

#[derive(Debug, Default)]
pub struct Names {
    ids: FxHashMap<Box<str>, Sym>,
    strings: Vec<Box<str>>,
}

impl Names {
    pub fn intern(&mut self, text: &str) -> Sym {
        if let Some(&sym) = self.ids.get(text) {
            return sym;
        }
        // Symbols count from 1 so that `Option<Sym>` is four bytes; a story
        // has fewer distinct names than it has bytes, so u32 is enough.
        let number = u32::try_from(self.strings.len() + 1).unwrap_or(u32::MAX);
        let sym = Sym(NonZeroU32::new(number).unwrap_or(NonZeroU32::MAX));
        self.strings.push(text.into());
        self.ids.insert(text.into(), sym);
        sym
    }

    pub fn intern_opt(&mut self, text: Option<&str>) -> Option<Sym> {
        text.map(|text| self.intern(text))
    }

    pub fn get(&self, sym: Option<Sym>) -> Option<&str> {
        sym.map(|sym| self.text(sym))
    }

    pub fn text(&self, sym: Sym) -> &str {
        self.strings
            .get(sym.0.get() as usize - 1)
            .map_or("", |text| text)
    }
}

#[cfg(test)]
mod tests {
    use super::Names;

    #[test]
    fn a_string_is_kept_once_and_read_back() {
        let mut names = Names::default();
        let merz = names.intern("Merz");
        let tusk = names.intern("Tusk");
        assert_eq!(names.intern("Merz"), merz);
        assert_ne!(merz, tusk);
        assert_eq!(names.text(merz), "Merz");
        assert_eq!(names.get(Some(tusk)), Some("Tusk"));
        assert_eq!(names.get(None), None);
        assert_eq!(names.strings.len(), 2);
    }
}
