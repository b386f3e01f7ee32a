//! One paragraph, tokenized, with its quotes and sentences: what every stage reads.

mod memo;

use std::cell::{OnceCell, RefCell};
use std::ops::Range;

use super::countries::{self, Place};
use super::lexicon::{Sex, Title, lexicon};

use super::grammar::{self, Words};
use super::quotes::{self, Quotes};
use super::sentence;
use super::token::{Kind, Token, tokenize_into};
use crate::vocabulary::same_bytes;

pub struct Para<'a> {
    pub index: usize,
    /// (Private, as `tokens` are: [`token_str`] relies on the two agreeing.)
    text: &'a str,
    /// `text` with ASCII letters lower-cased: same byte offsets, so a token's
    /// lower-case form is a slice of it.
    lower: String,
    /// `tokenize_into(text)`'s, and nothing else's (see [`token_str`]).
    tokens: Vec<Token>,
    /// The tokens a quote or a sentence may break at, as `tokenize_into` listed them.
    breaks: Vec<u32>,
    /// For each token: could it be part of a person's name?
    name_words: Vec<bool>,
    /// For each token: a word that starts with a capital letter? (Asked of
    /// every token by several stages, so answered once.)
    capitals: Vec<bool>,
    /// For each token: may a run of a person's name start there (a name
    /// word, a capitalized word or an opening bracket)? The people finder
    /// looks for the next one over thousands of tokens.
    run_starts: Vec<bool>,
    pub quotes: Quotes,
    pub sentences: Vec<Range<usize>>,
    /// Lookups several stages make of the same token, each made once.
    /// (A place as its number: a paragraph has thousands of tokens, and
    /// these are set afresh for each.)
    places: Vec<OnceCell<Option<u16>>>,
    titles: Vec<OnceCell<Option<Title>>>,
    /// Each sentence's subject, asked for by several stages (placing the
    /// people found, and attribution), found once ([`Para::sentence_memo`]).
    subjects: Vec<OnceCell<Option<Range<usize>>>>,
    /// The same look-ups by word, kept for the paragraphs to come.
    memo: RefCell<memo::Memo>,
}

/// A paragraph's vectors, kept from one [`Para`] for the next so that each
/// paragraph does not allocate (and free) them all again: most are several
/// kilobytes, past the sizes the allocator hands out cheaply.
#[derive(Default)]
pub struct Scratch {
    lower: String,
    tokens: Vec<Token>,
    breaks: Vec<u32>,
    name_words: Vec<bool>,
    capitals: Vec<bool>,
    run_starts: Vec<bool>,
    quotes: Quotes,
    sentences: Vec<Range<usize>>,
    places: Vec<OnceCell<Option<u16>>>,
    titles: Vec<OnceCell<Option<Title>>>,
    subjects: Vec<OnceCell<Option<Range<usize>>>>,
    memo: memo::Memo,
}

impl<'a> Para<'a> {
    /// [`Para::reusing`] new vectors.
    #[cfg(test)]
    pub fn new(index: usize, text: &'a str, after_open: bool) -> Self {
        Para::reusing(index, text, after_open, Scratch::default())
    }

    /// The paragraph `text`, in the vectors of `scratch` (the paragraph
    /// before's, from [`Para::into_scratch`]). `after_open`: the previous
    /// paragraph ended inside a quote.
    pub fn reusing(index: usize, text: &'a str, after_open: bool, scratch: Scratch) -> Self {
        let Scratch {
            mut lower,
            mut tokens,
            mut breaks,
            mut name_words,
            mut capitals,
            mut run_starts,
            mut quotes,
            mut sentences,
            mut places,
            mut titles,
            mut subjects,
            mut memo,
        } = scratch;
        tokenize_into(text, &mut tokens, &mut breaks);
        quotes::find_into(text, &tokens, &breaks, after_open, &mut quotes);
        sentence::split_into(text, &tokens, &breaks, &quotes, &mut sentences);
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        // Both flags in one pass, set for words only (a tenth of the tokens
        // are none).
        name_words.clear();
        name_words.resize(tokens.len(), false);
        capitals.clear();
        capitals.resize(tokens.len(), false);
        run_starts.clear();
        run_starts.resize(tokens.len(), false);
        let flags = name_words
            .iter_mut()
            .zip(&mut capitals)
            .zip(&mut run_starts);
        for (t, ((name, capital), run_start)) in tokens.iter().zip(flags) {
            if !t.is_word() {
                *run_start = t.kind == Kind::OpenParen;
                continue;
            }
            // Most words are answered from their bytes: one plainly no name
            // starts in lower case, so is no capital either (the flags stay
            // false).
            if plainly_no_name(text.as_bytes().get(t.range()).unwrap_or_default()) {
                continue;
            }
            *capital = starts_with_capital(text, t);
            // The rest are remembered by the word: a story repeats its
            // capitalized words.
            *name = memo.name_word(token_str(text, t), token_str(&lower, t));
            // (`names_that_are_words` below marks capitalized words only,
            // so it leaves this as it is.)
            *run_start = *name || *capital;
        }
        names_that_are_words(text, &lower, &tokens, &capitals, &mut name_words);
        places.clear();
        places.resize(tokens.len(), OnceCell::new());
        titles.clear();
        titles.resize(tokens.len(), OnceCell::new());
        subjects.clear();
        subjects.resize(sentences.len(), OnceCell::new());
        Para {
            index,
            text,
            lower,
            tokens,
            breaks,
            name_words,
            capitals,
            run_starts,
            quotes,
            sentences,
            places,
            titles,
            subjects,
            memo: RefCell::new(memo),
        }
    }

    /// The paragraph's vectors, for the next paragraph to reuse.
    pub fn into_scratch(self) -> Scratch {
        Scratch {
            lower: self.lower,
            tokens: self.tokens,
            breaks: self.breaks,
            name_words: self.name_words,
            capitals: self.capitals,
            run_starts: self.run_starts,
            quotes: self.quotes,
            sentences: self.sentences,
            places: self.places,
            titles: self.titles,
            subjects: self.subjects,
            memo: self.memo.into_inner(),
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The paragraph's text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The paragraph's tokens.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    pub fn kind(&self, i: usize) -> Kind {
        self.tokens[i].kind
    }

    /// The token as written.
    pub fn word(&self, i: usize) -> &'a str {
        token_str(self.text, &self.tokens[i])
    }

    /// The token with ASCII letters lower-cased.
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        token_str(&self.lower, &self.tokens[i])
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(Token::is_word)
    }

    /// A word, or the "&" that joins two words of an institution's name
    /// ("Marks & Spencer").
    pub fn is_organization_word(&self, i: usize) -> bool {
        self.is_word(i) || self.is_ampersand(i)
    }

    /// An "&" (a token of its own, not a word: "AT&T" is one word).
    pub fn is_ampersand(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == Kind::Other && t.text(self.text) == "&")
    }

    /// A "%" (a token of its own after a number: "49%").
    pub fn is_percent(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == Kind::Other && t.text(self.text) == "%")
    }

    /// Lower-case word equal to one of `words`.
    #[inline]
    pub fn is_any<W: Words + ?Sized>(&self, i: usize, words: &W) -> bool {
        i < self.tokens.len() && self.tokens[i].kind.is_wordlike() && words.has(self.lower(i))
    }

    /// Lower-case word equal to `word`: [`Para::is_any`] of one word, with
    /// the lengths compared before the text is read, for a scan of every
    /// token (most are turned away by their length); the text compared
    /// with no call to `memcmp` ([`same_bytes`]).
    #[inline]
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            (t.end - t.start) as usize == word.len()
                && t.kind.is_wordlike()
                && self
                    .lower
                    .as_bytes()
                    .get(t.range())
                    .is_some_and(|lower| same_bytes(lower, word.as_bytes()))
        })
    }

    /// A word that can be part of a person's name (see [`name_word`]).
    pub fn is_name_word(&self, i: usize) -> bool {
        self.name_words.get(i).copied().unwrap_or(false)
    }

    /// The country or bloc the token names or implies as written
    /// ([`countries::lookup`]); `None` past the end.
    pub fn place(&self, i: usize) -> Option<Place> {
        let cell = self.places.get(i)?;
        cell.get_or_init(|| self.memo.borrow_mut().place(self.word(i)))
            .map(countries::place_at)
    }

    /// The token as a title or title modifier ([`Lexicon::title`](super::lexicon::Lexicon::title));
    /// `None` past the end.
    pub fn title(&self, i: usize) -> Option<Title> {
        let cell = self.titles.get(i)?;
        *cell.get_or_init(|| self.memo.borrow_mut().title(self.word(i), self.lower(i)))
    }

    /// The token as written as a given name ([`Lexicon::given_name`](super::lexicon::Lexicon::given_name)),
    /// remembered by the word: the people finder asks it of every word of a
    /// name, over and over.
    pub fn given_name(&self, i: usize) -> Option<Sex> {
        self.memo.borrow_mut().given_name(self.word(i))
    }

    /// The subject of `sentence`, by `find` the first time it is asked for
    /// when `sentence` is one of the paragraph's sentences; by `find` each
    /// time for any other range.
    pub fn sentence_memo(
        &self,
        sentence: &Range<usize>,
        find: impl FnOnce() -> Option<Range<usize>>,
    ) -> Option<Range<usize>> {
        let index = self.sentences.partition_point(|s| s.start < sentence.start);
        match self.subjects.get(index) {
            Some(cell) if self.sentences.get(index) == Some(sentence) => {
                cell.get_or_init(find).clone()
            }
            _ => find(),
        }
    }

    /// [`Para::is_name_word`] of every token, for a scan of them all.
    pub fn name_word_flags(&self) -> &[bool] {
        &self.name_words
    }

    /// For every token, whether a run of a person's name may start there:
    /// a name word, a capitalized word or an opening bracket.
    pub fn run_start_flags(&self) -> &[bool] {
        &self.run_starts
    }

    /// A word that starts with a capital letter.
    #[inline]
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.capitals.get(i).copied().unwrap_or(false)
    }

    pub fn inside_quote(&self, i: usize) -> bool {
        self.quotes.is_inside(i)
    }

    /// The first token that starts at byte `byte` or after it (`len()` when
    /// none does): the token of a mention's start, or the one after its end.
    pub fn token_at(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| (t.start as usize) < byte)
    }

    /// Byte range covering tokens `range` (which must not be empty).
    pub fn bytes(&self, range: Range<usize>) -> Range<usize> {
        self.tokens[range.start].start as usize..self.tokens[range.end - 1].end as usize
    }

    /// The text covering tokens `range`, ASCII letters lower-cased.
    pub fn lower_slice(&self, range: Range<usize>) -> &str {
        if range.is_empty() {
            return "";
        }
        tokens_str(
            &self.lower,
            &self.tokens[range.start],
            &self.tokens[range.end - 1],
        )
    }

    /// The text covering tokens `range`.
    pub fn slice(&self, range: Range<usize>) -> &'a str {
        if range.is_empty() {
            return "";
        }
        tokens_str(
            self.text,
            &self.tokens[range.start],
            &self.tokens[range.end - 1],
        )
    }

    /// Whether tokens `range` name a place ([`countries::is_place`]), looked
    /// up by the paragraph's lower case, made already.
    pub fn is_place(&self, range: Range<usize>) -> bool {
        countries::is_place_lowered(self.slice(range.clone()), self.lower_slice(range))
    }

    /// The sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> Range<usize> {
        let n = self.sentences.partition_point(|s| s.end <= i);
        self.sentences
            .get(n)
            .filter(|s| s.contains(&i))
            .cloned()
            .unwrap_or(i..i + 1)
    }
}

/// The text of `token`, one of `tokenize_into(text)`'s, in `text` or in
/// `text` lower-cased. Cut without the test of its ends for character
/// boundaries: every stage asks for tokens' words millions of times, and
/// the tests were a third of each ask.
#[inline]
fn token_str<'t>(text: &'t str, token: &Token) -> &'t str {
    tokens_str(text, token, token)
}

/// [`token_str`] of the text from `first`'s start to `last`'s end.
#[inline]
fn tokens_str<'t>(text: &'t str, first: &Token, last: &Token) -> &'t str {
    let (start, end) = (first.start as usize, last.end as usize);
    let bytes = &text.as_bytes()[start..end];
    debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    // SAFETY: `tokenize_into` ends tokens only at character boundaries of
    // the text it cuts, and a `Para`'s tokens (private) are its cuts of the
    // paragraph's text (private too); the lower case changes ASCII letters
    // only, so its boundaries are the text's. Bytes between two boundaries
    // of a `str` are UTF-8.
    unsafe { std::str::from_utf8_unchecked(bytes) }
}

/// Whether `token` starts with a capital letter. An ASCII first letter is
/// read without decoding (or cutting the text): most are.
#[inline]
fn starts_with_capital(text: &str, token: &Token) -> bool {
    match text.as_bytes().get(token.start as usize) {
        Some(byte) if byte.is_ascii() => byte.is_ascii_uppercase(),
        _ => token
            .text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase),
    }
}

/// Tokens looked at for the question mark that ends a sentence.
const MAX_QUESTION_TOKENS: usize = 40;

/// Capitalized words that are names though a list calls them words: after
/// an honorific ("Ms King"); and "Will Doyle", "Aye Myint May": an auxiliary
/// that is also a given name is a name beside a name word, unless a
/// preposition or determiner comes first ("in May Lund said" keeps the month).
/// `capitals` are the tokens' [`Para::is_capitalized`], read here rather
/// than each word decoded again: this runs for every token. `tokens` are
/// `tokenize_into(text)`'s and `lower` is `text` lower-cased (as in a `Para`).
fn names_that_are_words(
    text: &str,
    lower: &str,
    tokens: &[Token],
    capitals: &[bool],
    name_words: &mut [bool],
) {
    let capitalized = |k: usize| capitals.get(k).copied().unwrap_or(false);
    // Cut to one length, so the test below, run for every token, indexes
    // without bounds checks.
    let count = tokens.len().min(capitals.len()).min(name_words.len());
    let (tokens, capitals_here) = (&tokens[..count], &capitals[..count]);
    let name_words = &mut name_words[..count];
    for i in 0..count {
        if name_words[i] || !capitals_here[i] {
            continue;
        }
        let token = &tokens[i];
        let word = token_str(text, token);
        // "Ms King", "Mr Major": after an honorific, a capitalized word is a
        // name, even one that is also a word or a title.
        if i > 0
            && word.bytes().any(|b| b.is_ascii_lowercase())
            && lexicon().names_after_honorific(token_str(text, &tokens[i - 1]), word)
        {
            name_words[i] = true;
            continue;
        }
        // Cheap tests first: this runs for every capitalized word.
        if !grammar::AUXILIARIES.contains(token_str(lower, token))
            || lexicon().given_name(word).is_none()
        {
            continue;
        }
        let after_function_word = i > 0 && {
            let before = token_str(lower, &tokens[i - 1]);
            grammar::PREPOSITIONS.contains(before) || grammar::DETERMINERS.contains(before)
        };
        // Before a name word ("Will Doyle") or after one ("Aye Myint May"),
        // but not in a line in Title Case ("Hillary Will Be Unprecedented")
        // or a question ("Will Sanders win?").
        let question = || {
            tokens[i..]
                .iter()
                .take(MAX_QUESTION_TOKENS)
                .find(|t| t.kind.is_terminal())
                .is_some_and(|t| t.text(text) == "?")
        };
        let before_name = i + 1 < tokens.len()
            && name_words[i + 1]
            && tokens[i + 1].is_word()
            && !capitalized(i + 2)
            && !question();
        let after_name =
            i > 0 && name_words[i - 1] && tokens[i - 1].is_word() && !capitalized(i + 1);
        if !after_function_word && (before_name || after_name) {
            name_words[i] = true;
        }
    }
}

/// Most words, lower case with no hyphen where an Arabic article's would be,
/// are no [`name_word`]: answered from their bytes, without a call.
#[inline]
fn plainly_no_name(word: &[u8]) -> bool {
    word.first().is_some_and(u8::is_ascii_lowercase)
        && word.get(2) != Some(&b'-')
        && word.get(3) != Some(&b'-')
}

/// A word that can be part of a person's name: an initial ("J."), an Arabic
/// article joined to a name ("al-Sabah"), or a capitalized word with some lower
/// case ("US" and "NATO" are not names) that is not a function word.
fn name_word(word: &str, lower: &str) -> bool {
    let initial = word.len() == 2
        && word.ends_with('.')
        && word.starts_with(|c: char| c.is_ascii_uppercase());
    if initial {
        return true;
    }
    // The prefixes are lower case: a capitalized word is spared the tests.
    let lower_case_first = word.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
    if lower_case_first
        && ["al-", "el-", "ad-", "as-", "bin-"].iter().any(|prefix| {
            word.strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        })
    {
        return true;
    }
    // The look-up last: this runs for every word. Characters are decoded
    // only past ASCII: an ASCII byte is a character of its own.
    let has_lower_case = || {
        word.bytes().any(|byte| byte.is_ascii_lowercase())
            || !word.is_ascii() && word.chars().any(char::is_lowercase)
    };
    // '\u{2019}' starts with the byte 0xE2.
    let may_have_apostrophe = || lower.bytes().any(|byte| byte == b'\'' || byte == 0xE2);
    word.starts_with(char::is_uppercase)
        && !word.ends_with('.')
        && has_lower_case()
        && !grammar::NOT_NAMES.contains(lower)
        // "I'll", "She'd": a pronoun, contracted; "Don't", "Won't": a verb.
        && !(may_have_apostrophe()
            && lower.contains(['\'', '\u{2019}'])
            && (grammar::Pronoun::parse_contracted(lower).is_some()
                || lower.ends_with("n't")
                || lower.ends_with("n\u{2019}t")))
}

#[cfg(test)]
mod tests {
    use super::{name_word, plainly_no_name};

    #[test]
    fn a_word_plainly_no_name_is_no_name_word() {
        let words = [
            "said",
            "al-Sabah",
            "el-Sisi",
            "bin-Salman",
            "ad-Din",
            "as-Sadr",
            "x-ray",
            "co-op",
            "al-qaeda",
            "J.",
            "Merz",
            "NATO",
            "von",
            "de",
            "a",
            "",
            "über",
            "Ébert",
            "ab-",
        ];
        for word in words {
            let lower = word.to_ascii_lowercase();
            if plainly_no_name(word.as_bytes()) {
                assert!(!name_word(word, &lower), "{word}");
            }
        }
        assert!(plainly_no_name(b"said") && !plainly_no_name(b"al-Sabah"));
        assert!(!plainly_no_name(b"bin-Salman") && !plainly_no_name(b"Merz"));
    }
}
