//! The number grammar: a small lexer over one sentence, then a reader that
//! starts at every number (digits or words) and takes what qualifies it on
//! both sides: currency, comparator, sign, scale, unit, range, change.
//!
//! A number becomes a claim only when something says what it counts (a
//! currency, `%`, a time, power or counted-noun unit, "per share", "shares
//! for each share", "x"). Bare numbers (years, list numbers, page and phone
//! numbers, ZIP codes) never do, and numbers that are labels ("Form 10-K",
//! "Item 1.01", "Rule 14a-8") or codes ("CUSIP 21873S108") are skipped.

use std::sync::LazyLock;

use super::number::Decimal;
use super::units::{RawComparator, UNITS};
use super::{Change, Claim, ClaimKind, Comparator, Lean};
use crate::date::{Date, Period};
use crate::span::Span;
use crate::tokenize::masks;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tk {
    Num,
    Word,
    Sym,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: Tk,
    start: usize,
    end: usize,
    /// White space (or nothing at the sentence start) before the token.
    space_before: bool,
    /// For numbers: the value, if well formed.
    num: Option<Decimal>,
    /// For numbers: thousands separators were used.
    commas: bool,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}'
}

fn lex(text: &str, span: Span, toks: &mut Vec<Tok>) {
    toks.clear();
    let bytes = text.as_bytes();
    let mut i = span.start;
    let end = span.end;
    let mut space = true;
    // Where runs of ASCII letters end, off the letter masks.
    let mut non_letters = masks::Scanner::new(bytes, |b: &masks::Block| !masks::letters(b));
    while i < end {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let s = i;
            let mut commas = false;
            let mut dots = 0;
            let mut j = i;
            while j < end {
                let c = bytes[j];
                if c.is_ascii_digit() {
                    j += 1;
                } else if c == b','
                    && dots == 0
                    && j + 3 < end + 1
                    && bytes[j + 1..(j + 4).min(end)]
                        .iter()
                        .all(u8::is_ascii_digit)
                    && (j + 4).min(end) - (j + 1) == 3
                    && !(j + 4 < end && bytes[j + 4].is_ascii_digit())
                {
                    commas = true;
                    j += 1;
                } else if c == b'.' && j + 1 < end && bytes[j + 1].is_ascii_digit() {
                    dots += 1;
                    j += 1;
                } else {
                    break;
                }
            }
            let num = if dots <= 1 {
                Decimal::parse(&text[s..j])
            } else {
                None
            };
            toks.push(Tok {
                kind: Tk::Num,
                start: s,
                end: j,
                space_before: space,
                num,
                commas,
            });
            space = false;
            i = j;
            continue;
        }
        if b < 0x80 {
            if b.is_ascii_whitespace() {
                space = true;
                i += 1;
                continue;
            }
            if !b.is_ascii_alphabetic() {
                toks.push(Tok {
                    kind: Tk::Sym,
                    start: i,
                    end: i + 1,
                    space_before: space,
                    num: None,
                    commas: false,
                });
                space = false;
                i += 1;
                continue;
            }
            // ASCII word; a non-ASCII letter or curly apostrophe inside it
            // sends it to the general path below.
            let s = i;
            let mut j = non_letters.find(i + 1, end).unwrap_or(end);
            while j + 1 < end && bytes[j] == b'\'' && bytes[j + 1].is_ascii_alphabetic() {
                j = non_letters.find(j + 2, end).unwrap_or(end);
            }
            if j >= end || bytes[j] < 0x80 {
                toks.push(Tok {
                    kind: Tk::Word,
                    start: s,
                    end: j,
                    space_before: space,
                    num: None,
                    commas: false,
                });
                space = false;
                i = j;
                continue;
            }
        }
        let Some(c) = text[i..end].chars().next() else {
            break;
        };
        if is_space(c) {
            space = true;
            i += c.len_utf8();
            continue;
        }
        if c.is_alphabetic() {
            let s = i;
            let mut j = i;
            let mut chars = text[i..end].char_indices().peekable();
            while let Some((k, ch)) = chars.next() {
                if ch.is_alphabetic() {
                    j = i + k + ch.len_utf8();
                } else if (ch == '\'' || ch == '’')
                    && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic())
                {
                    continue;
                } else {
                    break;
                }
            }
            toks.push(Tok {
                kind: Tk::Word,
                start: s,
                end: j,
                space_before: space,
                num: None,
                commas: false,
            });
            space = false;
            i = j;
            continue;
        }
        let len = c.len_utf8();
        toks.push(Tok {
            kind: Tk::Sym,
            start: i,
            end: i + len,
            space_before: space,
            num: None,
            commas: false,
        });
        space = false;
        i += len;
    }
}

/// Spelled-out numbers and their values.
const SMALL_NUMBERS: &[(&str, i64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("dozen", 12),
];

/// Fractions written as words (singular and plural) and their values.
const FRACTION_WORDS: &[(&str, f64)] = &[
    ("half", 0.5),
    ("halves", 0.5),
    ("third", 1.0 / 3.0),
    ("thirds", 1.0 / 3.0),
    ("quarter", 0.25),
    ("quarters", 0.25),
    ("fourth", 0.25),
    ("fourths", 0.25),
    ("fifth", 0.2),
    ("fifths", 0.2),
    ("tenth", 0.1),
    ("tenths", 0.1),
];

/// Words for a multiple ("doubled") and their factors.
const MULTIPLE_WORDS: &[(&str, i64)] = &[
    ("doubled", 2),
    ("doubling", 2),
    ("doubles", 2),
    ("double", 2),
    ("tripled", 3),
    ("tripling", 3),
    ("triples", 3),
    ("triple", 3),
    ("quadrupled", 4),
    ("quadrupling", 4),
    ("quadruple", 4),
];

/// Scale words a spelled-out amount may start with ("a billion").
const SCALE_WORDS: &[&str] = &["hundred", "thousand", "million", "billion", "trillion"];

#[cfg(test)]
thread_local! {
    /// Tests switch [`Reader::claim_at`]'s bare-number screen off, to
    /// compare it with the whole chain.
    static NO_SCREEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True unless a test has switched the bare-number screen off.
#[inline]
fn screen_bare() -> bool {
    #[cfg(test)]
    {
        !NO_SCREEN.get()
    }
    #[cfg(not(test))]
    {
        true
    }
}

fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

/// Spelled-out numbers: value of the word.
fn small_number(w: &str) -> Option<i64> {
    lookup(SMALL_NUMBERS, w)
}

/// Fractions written as words: (numerator-free value, plural form allowed).
fn fraction_word(w: &str) -> Option<f64> {
    lookup(FRACTION_WORDS, w)
}

fn multiple_word(w: &str) -> Option<i64> {
    lookup(MULTIPLE_WORDS, w)
}

/// The month a lower-case month name or abbreviation names ("october",
/// "oct", "oct.", "sept"). A `match`: every word near a number is asked.
fn month_of(w: &str) -> Option<u8> {
    Some(match w.trim_end_matches('.') {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Words that, before a date in the same sentence, make the date a claim
/// (a `match`: up to a dozen words before every date are asked).
fn is_date_trigger(w: &str) -> bool {
    matches!(
        w,
        "announced"
            | "approval"
            | "approvals"
            | "approve"
            | "approved"
            | "close"
            | "closed"
            | "closes"
            | "closing"
            | "complete"
            | "completed"
            | "completion"
            | "consummate"
            | "consummated"
            | "consummation"
            | "deadline"
            | "due"
            | "effective"
            | "expect"
            | "expected"
            | "expects"
            | "expire"
            | "expires"
            | "extended"
            | "meeting"
            | "outside"
            | "rejected"
            | "scheduled"
            | "terminate"
            | "terminated"
            | "termination"
            | "vote"
            | "voted"
    )
}

struct Reader<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// The sentence, ASCII-lowercased (same byte offsets as the text).
    lower: String,
    /// Offset of the sentence in the text.
    base: usize,
    sentence: usize,
    /// Tokens already part of a claim or a date.
    used: Vec<bool>,
    /// The document's year, for dates written without one.
    year: Option<i32>,
}

/// What the reader found around a number before the unit.
#[derive(Clone, Copy, Debug, Default)]
struct Prefix {
    /// First token of the claim (comparator, sign, currency).
    first: usize,
    currency: Option<&'static str>,
    comparator: Option<(RawComparator, usize)>,
    negative: bool,
    paren: bool,
    change: Option<Change>,
    /// The token of the change verb.
    change_word: Option<usize>,
    between: bool,
}

struct NumRead {
    value: Decimal,
    /// Power of ten of the last stated digit, after scaling.
    last_exp: i32,
    /// Index after the number (and its scale word).
    next: usize,
    spelled: bool,
    /// The fraction words ("a third") read as a share.
    fraction: bool,
    scaled: bool,
}

/// Buffers reused from sentence to sentence.
#[derive(Default)]
pub(crate) struct Scratch {
    toks: Vec<Tok>,
    starts: Vec<usize>,
    numbers: Vec<usize>,
    used: Vec<bool>,
    lower: String,
}

/// Appends the claims of the sentence at `span` (sentence number `index`);
/// `year` is the document's year.
pub(crate) fn sentence_claims(
    text: &str,
    span: Span,
    index: usize,
    year: Option<i32>,
    scratch: &mut Scratch,
    out: &mut Vec<Claim>,
) {
    // Fast exit: a claim needs a digit or a number word. Only a sentence
    // without digits is searched for number words (and only until the
    // first); in a sentence that is read, the words are looked up.
    let s = span.slice(text);
    if !has_digit(s.as_bytes()) && !has_number_word(text, span) {
        return;
    }
    let mut toks = std::mem::take(&mut scratch.toks);
    lex(text, span, &mut toks);
    // ASCII lowercase keeps byte offsets, and the vocabulary is ASCII.
    let mut lower = std::mem::take(&mut scratch.lower);
    lower.clear();
    lower.push_str(s);
    lower.make_ascii_lowercase();
    // Only numbers and spelled-out number words (and the word before them:
    // "a billion", "more than double") can start a claim (`starts`, in
    // order); only tokens a few before a number can start a date. The
    // readers visit these lists, not every token.
    let mut starts = std::mem::take(&mut scratch.starts);
    let mut numbers = std::mem::take(&mut scratch.numbers);
    starts.clear();
    numbers.clear();
    for (k, t) in toks.iter().enumerate() {
        match t.kind {
            Tk::Num => {
                numbers.push(k);
                starts.push(k);
            }
            Tk::Word => {
                if is_number_word(text, t, &lower[t.start - span.start..t.end - span.start]) {
                    if k > 0 && toks[k - 1].kind == Tk::Word && starts.last() != Some(&(k - 1)) {
                        starts.push(k - 1);
                    }
                    starts.push(k);
                }
            }
            Tk::Sym => {}
        }
    }
    let mut used = std::mem::take(&mut scratch.used);
    used.clear();
    used.resize(toks.len(), false);
    let mut r = Reader {
        text,
        toks,
        lower,
        base: span.start,
        sentence: index,
        used,
        year,
    };
    let mut claims = Vec::new();
    r.dates(&numbers, &mut claims);
    // From each start in turn, skipping tokens already read.
    let mut from = 0;
    for &i in &starts {
        if i < from || r.used[i] {
            continue;
        }
        from = r.claim_from(i, &mut claims);
    }
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    out.extend(claims);
    scratch.toks = r.toks;
    scratch.lower = r.lower;
    scratch.used = r.used;
    scratch.starts = starts;
    scratch.numbers = numbers;
}

/// True when `b` holds an ASCII digit. Most sentences hold none and are read
/// to the end, so this reads 32 bytes at a time without an early exit the
/// compiler could not vectorise.
fn has_digit(b: &[u8]) -> bool {
    let mut chunks = b.chunks_exact(32);
    for c in &mut chunks {
        if c.iter().fold(false, |any, x| any | x.is_ascii_digit()) {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// Every word the grammar reads as a number, from its own tables, so a word
/// added there can start a claim; except "zero", which in filings starts
/// "zero-day" and "zero emissions", not quantities.
fn number_word_list() -> impl Iterator<Item = &'static str> {
    SMALL_NUMBERS
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| *w != "zero")
        .chain(FRACTION_WORDS.iter().map(|(w, _)| *w))
        .chain(MULTIPLE_WORDS.iter().map(|(w, _)| *w))
        .chain(SCALE_WORDS.iter().copied())
}

/// Whether `text[span]` holds a whole number word: a run of ASCII letters
/// not joined to another ASCII letter on either side (in `text`) that is a
/// number word. All number words are ASCII letters, so these are exactly the
/// whole matches a search of the text for them finds (the tests keep that
/// search as the reference model).
fn has_number_word(text: &str, span: Span) -> bool {
    let words = &*NUMBER_WORDS;
    let b = text.as_bytes();
    let letter_at = |k: usize| b.get(k).is_some_and(u8::is_ascii_alphabetic);
    // 64 bytes at a time: the runs' last letters are read off bit masks, so
    // the branches are per word, not per byte.
    let mut o = span.start;
    while o < span.end {
        let chunk = masks::mask_at(b, o, masks::letters);
        // The last letter of a run: a letter not followed by one (the byte
        // after the chunk, or after the span, is read from the text).
        let next = u64::from(letter_at(o + 64)) << 63;
        let mut ends = chunk & !((chunk >> 1) | next);
        if span.end - o < 64 {
            ends &= (1u64 << (span.end - o)) - 1;
        }
        // First letters of runs in the chunk (one before it is read too).
        let before = u64::from(o > 0 && letter_at(o - 1));
        let starts = chunk & !((chunk << 1) | before);
        while ends != 0 {
            let e = ends.trailing_zeros() as usize;
            ends &= ends - 1;
            let upto = starts & (u64::MAX >> (63 - e));
            let s = if upto != 0 {
                o + 63 - upto.leading_zeros() as usize
            } else {
                // The run began in an earlier chunk.
                let mut s = o;
                while s > 0 && b[s - 1].is_ascii_alphabetic() {
                    s -= 1;
                }
                s
            };
            if s >= span.start && words.has(&b[s..=o + e]) {
                return true;
            }
        }
        o += 64;
    }
    false
}

/// Whether the word token `t`, `lower` in lower case, is a whole number
/// word (they are all ASCII letters) not joined to an ASCII letter in
/// `text`: exactly the words a search of the text for number words, kept
/// only where no ASCII letter touches them, finds whole.
fn is_number_word(text: &str, t: &Tok, lower: &str) -> bool {
    let b = text.as_bytes();
    NUMBER_WORDS.has(lower.as_bytes())
        && !t
            .start
            .checked_sub(1)
            .is_some_and(|i| b[i].is_ascii_alphabetic())
        && !b.get(t.end).is_some_and(u8::is_ascii_alphabetic)
}

/// The number words ([`number_word_list`]) by length and first letter, with
/// a first test on the last letter that turns away almost every other word
/// ("the", "of", "that") before any comparison.
struct NumberWords {
    /// `last[len][first]` has bit `c` for each number word of `len` letters
    /// that starts with `first` and ends with letter `c` (`a` = 0).
    last: [[u32; 26]; Self::MAX + 1],
    /// The number words of each length and first letter.
    words: [[Vec<&'static str>; 26]; Self::MAX + 1],
}

impl NumberWords {
    /// The longest number word's length ("quadrupling").
    const MAX: usize = 11;

    fn new() -> NumberWords {
        let mut last = [[0u32; 26]; Self::MAX + 1];
        let mut words: [[Vec<&'static str>; 26]; Self::MAX + 1] = Default::default();
        for w in number_word_list() {
            let b = w.as_bytes();
            assert!(
                (1..=Self::MAX).contains(&b.len()) && b.iter().all(u8::is_ascii_lowercase),
                "number word {w:?}: lower-case ASCII letters, at most {} of them",
                Self::MAX
            );
            let first = usize::from(b[0] - b'a');
            last[b.len()][first] |= 1 << (b[b.len() - 1] - b'a');
            words[b.len()][first].push(w);
        }
        NumberWords { last, words }
    }

    /// Whether `w` (any case) is a number word.
    #[inline]
    fn has(&self, w: &[u8]) -> bool {
        let (Some(&first), Some(&end)) = (w.first(), w.last()) else {
            return false;
        };
        let (first, end) = (first | 0x20, end | 0x20);
        if w.len() > Self::MAX || !first.is_ascii_lowercase() || !end.is_ascii_lowercase() {
            return false;
        }
        let (len, first) = (w.len(), usize::from(first - b'a'));
        self.last[len][first] & (1 << (end - b'a')) != 0
            && self.words[len][first]
                .iter()
                .any(|n| n.as_bytes().eq_ignore_ascii_case(w))
    }
}

static NUMBER_WORDS: LazyLock<NumberWords> = LazyLock::new(NumberWords::new);

impl<'a> Reader<'a> {
    fn t(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }
    fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }
    fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.kind == Tk::Word => self
                .lower
                .get(t.start - self.base..t.end - self.base)
                .unwrap_or(""),
            _ => "",
        }
    }
    fn is_word(&self, i: usize, w: &str) -> bool {
        self.t(i).is_some_and(|t| t.kind == Tk::Word) && self.w(i) == w
    }
    fn is_sym(&self, i: usize, s: &str) -> bool {
        self.t(i).is_some_and(|t| t.kind == Tk::Sym) && self.raw(i) == s
    }
    fn attached(&self, i: usize) -> bool {
        self.t(i).is_some_and(|t| !t.space_before)
    }
    /// True when nothing that could be a unit or a range follows at `j`:
    /// the sentence's end, a number, or a clause mark.
    fn ends_bare(&self, j: usize) -> bool {
        match self.t(j) {
            None => true,
            Some(t) => match t.kind {
                Tk::Num => true,
                Tk::Sym => matches!(self.raw(j), "," | ";" | ":" | "."),
                Tk::Word => false,
            },
        }
    }
    fn is_dash(&self, i: usize) -> bool {
        ["-", "–", "—", "‑"].iter().any(|d| self.is_sym(i, d))
    }

    /// Reads the number starting at token `i`.
    fn number(&self, i: usize, money: bool) -> Option<NumRead> {
        let t = self.t(i)?;
        let (mut value, mut last_exp, mut next, spelled, fraction) = match t.kind {
            Tk::Num => {
                let v = t.num?;
                (v, v.exponent(), i + 1, false, false)
            }
            Tk::Word => {
                let (v, e, n, f) = self.spelled(i)?;
                (v, e, n, true, f)
            }
            Tk::Sym => return None,
        };
        let mut scaled = false;
        if !fraction {
            // Scale word: "9 billion", "9bn", "$9B", "$9-billion".
            let hyphen = self.is_dash(next)
                && self.attached(next)
                && self.attached(next + 1)
                && UNITS.scale_words.contains_key(self.w(next + 1));
            if hyphen {
                next += 1;
            }
            if let Some(st) = self.t(next).filter(|s| s.kind == Tk::Word) {
                let raw = self.raw(next);
                let lw = self.w(next);
                let k = if let Some(&k) = UNITS.scale_words.get(lw) {
                    Some(k)
                } else if money && !st.space_before {
                    UNITS.scale_letters.get(raw).copied()
                } else {
                    None
                };
                // "9 M" alone is not a scale; a letter scale must be attached.
                if let Some(k) = k {
                    value = value.scale(k)?;
                    last_exp += k;
                    next += 1;
                    scaled = true;
                } else if hyphen {
                    next -= 1;
                }
            } else if hyphen {
                next -= 1;
            }
        }
        if fraction && !(self.is_word(next, "of") || self.is_word(next, "the")) {
            // "a third" that is not "a third of ..." is an ordinal or a period.
            return None;
        }
        Some(NumRead {
            value,
            last_exp,
            next,
            spelled,
            fraction,
            scaled,
        })
    }

    /// Spelled-out numbers: "nine", "twenty-five", "two hundred fifty
    /// million", "a billion", "a third", "two-thirds", "half".
    fn spelled(&self, i: usize) -> Option<(Decimal, i32, usize, bool)> {
        let w = self.w(i);
        // "a billion", "a third", "a dozen", "a half"
        if w == "a" || w == "an" || w == "one" {
            let nw = self.w(i + 1);
            if let Some(&k) = UNITS
                .scale_words
                .get(nw)
                .filter(|_| matches!(nw, "thousand" | "million" | "billion" | "trillion"))
            {
                return Some((Decimal::new(1, k), k, i + 2, false));
            }
            if w != "one" || self.is_dash(i + 1) {
                let fi = if self.is_dash(i + 1) { i + 2 } else { i + 1 };
                if let Some(f) = fraction_word(self.w(fi)).filter(|_| !self.w(fi).ends_with('s')) {
                    return Some((Decimal::from_f64(f * 100.0)?, -2, fi + 1, true));
                }
            }
            if nw == "dozen" {
                return Some((Decimal::int(12), 0, i + 2, false));
            }
            if w != "one" {
                return None;
            }
        }
        if w == "half" {
            return Some((Decimal::int(50), 0, i + 1, true));
        }
        // Numerators of fractions: "two-thirds", "three quarters of".
        if let Some(n) = small_number(w).filter(|n| (2..=9).contains(n)) {
            let fi = if self.is_dash(i + 1) && self.attached(i + 1) {
                i + 2
            } else {
                i + 1
            };
            let fw = self.w(fi);
            if fw.ends_with('s') && (self.is_word(fi + 1, "of") || fi == i + 2) {
                if let Some(f) = fraction_word(fw) {
                    return Some((Decimal::from_f64(n as f64 * f * 100.0)?, -2, fi + 1, true));
                }
            }
        }
        let mut total: i64 = 0;
        let mut group: i64 = 0;
        let mut j = i;
        let mut any = false;
        let mut last_exp = 0;
        loop {
            let lw = self.w(j);
            if self.t(j).is_none_or(|t| t.kind != Tk::Word) {
                break;
            }
            if let Some(n) = small_number(lw) {
                if lw == "dozen" && !any {
                    break;
                }
                group += n;
                any = true;
                j += 1;
                // "twenty-five"
                if n >= 20 && n % 10 == 0 && self.is_dash(j) && self.attached(j) {
                    if let Some(u) = small_number(self.w(j + 1)).filter(|u| (1..=9).contains(u)) {
                        group += u;
                        j += 2;
                    }
                }
                continue;
            }
            if lw == "hundred" && any {
                group = group.max(1) * 100;
                j += 1;
                continue;
            }
            if lw == "and"
                && any
                && self.t(j + 1).is_some_and(|t| t.kind == Tk::Word)
                && small_number(self.w(j + 1)).is_some()
                && group >= 100
            {
                j += 1;
                continue;
            }
            if let Some(k) = ["thousand", "million", "billion", "trillion"]
                .iter()
                .position(|s| *s == lw)
            {
                if !any {
                    break;
                }
                let k = (k as u32 + 1) * 3;
                total += group.max(1) * 10i64.pow(k);
                group = 0;
                last_exp = k as i32;
                j += 1;
                continue;
            }
            break;
        }
        if !any {
            return None;
        }
        total += group;
        if group != 0 {
            last_exp = 0;
        }
        // Spelled numbers carry scale words themselves; precision is that of
        // the last word ("two hundred fifty million": millions).
        let mut exp = last_exp;
        let mut v = total;
        if exp > 0 && v % 10i64.pow(exp as u32) == 0 {
            v /= 10i64.pow(exp as u32);
        } else {
            exp = 0;
        }
        Some((Decimal::new(i128::from(v), exp), exp, j, false))
    }

    /// Reads a claim whose number starts at token `i`.
    fn claim_at(&self, i: usize) -> Option<(Claim, usize)> {
        let t = *self.t(i)?;
        // Quick screen for word-starts.
        if t.kind == Tk::Word {
            let w = self.w(i);
            if small_number(w).is_none()
                && !matches!(w, "a" | "an" | "half")
                && multiple_word(w).is_none()
            {
                return None;
            }
            if let Some(m) = multiple_word(w) {
                return self.word_multiple(i, m);
            }
        }
        if t.kind == Tk::Sym {
            return None;
        }
        if t.kind == Tk::Num && self.is_label_or_code(i) {
            return None;
        }
        let prefix = self.prefix(i);
        let money_ctx = prefix.currency.is_some();
        let num = self.number(i, money_ctx)?;
        if num.spelled
            && !num.fraction
            && t.kind == Tk::Word
            && matches!(self.w(i), "a" | "an")
            && !num.scaled
            && num.value == Decimal::int(12)
        {
            // "a dozen" needs a counted noun; handled like any count below.
        }
        let mut j = num.next;
        let mut kind: Option<ClaimKind> = None;
        let mut unit = String::new();
        let mut value = num.value;
        let mut precision_exp = num.last_exp;
        let mut precision_div: f64 = 1.0;
        let mut comparator = prefix
            .comparator
            .map(|(c, _)| c.op)
            .unwrap_or(Comparator::Eq);
        let mut lean = prefix.comparator.and_then(|(c, _)| c.lean);
        let mut comparator_text = prefix
            .comparator
            .map(|(_, first)| self.span_text(first, self.comparator_end(first, i)));
        let mut change = prefix.change;
        let mut end_tok = num.next; // one past the last token of the claim

        if num.fraction {
            kind = Some(ClaimKind::Percent);
            unit = "%".into();
        }

        // "(1.2)" in a table: negative when closed right after the number.
        let mut negative = prefix.negative;
        let mut prefix = prefix;
        if prefix.paren {
            if self.is_sym(j, ")") && self.attached(j) && !num.scaled {
                negative = true;
                j += 1;
                end_tok = j;
                // "$(1.2) million"
                if let Some(&k) = UNITS
                    .scale_words
                    .get(self.w(j))
                    .filter(|_| self.t(j).is_some_and(|t| t.kind == Tk::Word))
                {
                    value = value.scale(k)?;
                    precision_exp += k;
                    j += 1;
                    end_tok = j;
                }
            } else {
                // a bracket that opens a parenthetical is not part of the claim
                prefix.first = (prefix.first..=i)
                    .find(|&k| !self.is_sym(k, "("))
                    .unwrap_or(i);
            }
        }
        if num.spelled && prefix.currency.is_some() && prefix.first + 1 >= i {
            return None; // "$nine billion" is not how anyone writes
        }

        // A bare number: no currency before it, and after it another
        // number, a clause mark or the sentence's end (table cells, most
        // years). No unit reader below matches there (each needs a word, a
        // `%`, `×` or a dash at `j`), nor does a range (a dash, "to" or
        // "and" after the number), so only an exchange ratio named before
        // the number can make it a claim. Most numbers of a filing are
        // such cells; this spares them the chain. The tests compare the
        // screen with the chain.
        if kind.is_none()
            && prefix.currency.is_none()
            && self.ends_bare(j)
            && screen_bare()
            && self.ratio(i, j).is_none()
        {
            return None;
        }
        if kind.is_none() {
            if let Some((k, u, adv, scale, div)) = self.percent_unit(j) {
                kind = Some(k);
                unit = u.into();
                value = value.scale(scale)?;
                precision_exp += scale;
                precision_div = div;
                j += adv;
                end_tok = j;
            }
        }
        if kind.is_none() {
            let mut currency = prefix.currency;
            let mut adv = 0;
            if currency.is_none() {
                if let Some((cur, a, sc)) = self.currency_after(j) {
                    currency = Some(cur);
                    adv = a;
                    value = value.scale(sc)?;
                    precision_exp += sc;
                }
            }
            if let Some(cur) = currency {
                j += adv;
                end_tok = j;
                if let Some(a) = self.per_share(j) {
                    kind = Some(ClaimKind::PerShare);
                    unit = format!("{cur}/share");
                    j += a;
                    end_tok = j;
                } else if !num.scaled && self.is_share_price(prefix.first.min(i), j) {
                    // "a closing price of $165.20", "$142.50 in cash ... for each VMware share"
                    kind = Some(ClaimKind::PerShare);
                    unit = format!("{cur}/share");
                } else {
                    kind = Some(ClaimKind::Money);
                    unit = cur.into();
                }
            }
        }
        if kind.is_none() {
            if let Some(adv) = self.multiple_suffix(j) {
                kind = Some(ClaimKind::Multiple);
                unit = "x".into();
                j += adv;
                end_tok = j;
            }
        }
        if kind.is_none() {
            if let Some((u, factor_per, factor_times, adv)) = self.duration_unit(j) {
                if num.value.is_negative() || self.after_duration_is_reference(j + adv) {
                    return None;
                }
                kind = Some(ClaimKind::Duration);
                unit = u;
                value = value.mul_int(factor_times)?;
                if factor_per != 1 {
                    // months as twelfths: exact to twelve digits
                    let f = value.to_f64() / factor_per as f64;
                    value = Decimal::from_f64(f)?;
                }
                precision_div = factor_per as f64 / factor_times as f64;
                j += adv;
                end_tok = j;
            }
        }
        if kind.is_none() {
            if let Some((k, adv)) = self.power_unit(j) {
                kind = Some(ClaimKind::Power);
                unit = "W".into();
                value = value.scale(k)?;
                precision_exp += k;
                j += adv;
                end_tok = j;
            }
        }
        if kind.is_none() {
            if let Some(end) = self.ratio(i, j) {
                kind = Some(ClaimKind::Ratio);
                unit = "shares/share".into();
                j = end;
                end_tok = end;
            }
        }
        if kind.is_none() {
            if let Some((u, adv)) = self.count_noun(i, j, &num) {
                kind = Some(ClaimKind::Count);
                unit = u;
                j += adv;
                end_tok = j;
            }
        }
        let Some(kind) = kind else {
            return self.range_with_upper_unit(i, &num, &prefix);
        };
        // "spread over 12 years", "amortized over five years": over is "during" there.
        if kind == ClaimKind::Duration
            && comparator_text
                .as_deref()
                .is_some_and(|t| t.eq_ignore_ascii_case("over"))
        {
            comparator = Comparator::Eq;
            comparator_text = None;
            prefix.first = i;
        }

        // "1 GW+", "$1B+"
        if self.is_sym(j, "+") && self.attached(j) && comparator == Comparator::Eq {
            comparator = Comparator::Ge;
            comparator_text = Some("+".into());
            j += 1;
            end_tok = j;
        }
        // "$1 billion or more"
        if comparator == Comparator::Eq {
            if let Some((c, adv)) = self.phrase_after(j) {
                comparator = c.op;
                lean = c.lean;
                comparator_text = Some(self.span_text(j, j + adv));
                j += adv;
                end_tok = j;
            }
        }
        // Ranges: "$9-10 billion", "$9 to $10 billion", "between 5% and 7%".
        let mut upper: Option<Decimal> = None;
        let range_start =
            if kind == ClaimKind::Ratio || kind == ClaimKind::PerShare && end_tok > num.next + 1 {
                None
            } else {
                Some(num.next)
            };
        if let Some((hi_val, hi_end, hi_scale)) =
            range_start.and_then(|rs| self.range_upper(rs, end_tok, &prefix, money_ctx, num.scaled))
        {
            // The low end takes the high end's scale when it has none ("$9-10 billion").
            let mut lo = value;
            if !num.scaled && hi_scale != 0 && !num.fraction {
                lo = lo.scale(hi_scale)?;
                precision_exp += hi_scale;
            }
            let hi = self.apply_unit_scale(kind, hi_val, &unit);
            if hi.is_some_and(|h| h >= lo) {
                value = lo;
                upper = hi;
                comparator = Comparator::Range;
                comparator_text = None;
                lean = None;
                end_tok = hi_end;
            }
        }
        if prefix.between && upper.is_none() {
            // "between" with no second number is not a range we can read.
        }
        // Change after: "33% higher"
        if change.is_none()
            && matches!(kind, ClaimKind::Percent | ClaimKind::Money)
            && (self.is_word(end_tok, "higher") || self.is_word(end_tok, "lower"))
        {
            change = Some(if self.w(end_tok) == "higher" {
                Change::Up
            } else {
                Change::Down
            });
        }
        if change.is_some()
            && !matches!(
                kind,
                ClaimKind::Percent | ClaimKind::Money | ClaimKind::PerShare | ClaimKind::Count
            )
        {
            change = None;
        }
        // Amounts moved by verbs of handling ("lined up", "cut", "shed", "added")
        // are amounts, not changes; those verbs mark changes only for percentages.
        if kind != ClaimKind::Percent
            && prefix.change_word.is_some_and(|k| {
                matches!(
                    self.w(k),
                    "up" | "down" | "cut" | "shed" | "added" | "lost" | "higher" | "lower"
                )
            })
        {
            change = None;
        }
        if negative {
            value = -value;
            upper = upper.map(|u| -u);
        }
        if !value.is_finite()
            || upper.is_some_and(|u| !u.is_finite())
            || value.to_f64().abs() > 1e300
        {
            return None;
        }
        let first = prefix.first.min(i);
        // The readers above never go past the sentence's last token; if one
        // did, the claim ends at that token rather than the run stopping.
        debug_assert!(end_tok <= self.toks.len(), "a claim read past its sentence");
        let last = end_tok.max(first + 1).min(self.toks.len()) - 1;
        let span = Span::new(self.toks[first].start, self.toks[last].end);
        let precision = if num.fraction {
            0.5
        } else {
            0.5 * 10f64.powi(precision_exp) / precision_div
        };
        Some((
            Claim {
                kind,
                span,
                value: Some(value),
                upper,
                unit,
                comparator,
                comparator_text,
                lean,
                precision,
                period: None,
                change,
                about: String::new(),
                quoted: false,
                sentence: self.sentence,
            },
            end_tok,
        ))
    }

    /// "5-7%", "5 to 7 years", "between 5 and 7 percent": the low end has no
    /// unit; the high end's claim gives it.
    fn range_with_upper_unit(
        &self,
        i: usize,
        num: &NumRead,
        prefix: &Prefix,
    ) -> Option<(Claim, usize)> {
        let at = num.next;
        let joined = (self.is_dash(at) && self.attached(at) && self.attached(at + 1))
            || (self.is_word(at, "to") && !prefix.between)
            || (self.is_word(at, "and") && prefix.between);
        let k = at + 1;
        if !joined || self.t(k).is_none_or(|t| t.kind != Tk::Num) || num.fraction {
            return None;
        }
        let (hi, end) = self.claim_at(k)?;
        let hi_raw = self.t(k)?.num?;
        let hi_value = hi.value?;
        if hi.comparator != Comparator::Eq || hi.kind == ClaimKind::Ratio {
            return None;
        }
        // The factor that turned the high end's digits into its value.
        let factor = hi_value.to_f64() / hi_raw.to_f64();
        if !factor.is_finite() || factor == 0.0 {
            return None;
        }
        let k10 = factor.log10().round();
        let lo = if (10f64.powf(k10) - factor).abs() < 1e-9 * factor {
            num.value.scale(k10 as i32)?
        } else {
            Decimal::from_f64(num.value.to_f64() * factor)?
        };
        if lo > hi_value {
            return None;
        }
        let first = prefix.first.min(i);
        let mut c = hi;
        c.span = Span::new(self.toks[first].start, c.span.end);
        c.value = Some(lo);
        c.upper = Some(hi_value);
        c.comparator = Comparator::Range;
        c.comparator_text = None;
        c.lean = None;
        c.precision = 0.5 * 10f64.powi(num.last_exp) * factor;
        if c.change.is_none() {
            c.change = prefix.change.filter(|_| c.kind == ClaimKind::Percent);
        }
        Some((c, end))
    }

    fn apply_unit_scale(&self, kind: ClaimKind, v: Decimal, unit: &str) -> Option<Decimal> {
        let _ = (kind, unit);
        Some(v)
    }

    fn span_text(&self, from: usize, to: usize) -> String {
        let (Some(a), Some(b)) = (self.t(from), self.t(to.max(from + 1) - 1)) else {
            return String::new();
        };
        self.text[a.start..b.end].to_string()
    }

    /// The index after the comparator phrase starting at `first` (the
    /// number's prefix may hold currency after it).
    fn comparator_end(&self, first: usize, num: usize) -> usize {
        let mut j = first;
        while j < num && (self.t(j).is_some_and(|t| t.kind == Tk::Word) || self.is_sym(j, ".")) {
            j += 1;
        }
        if self.is_sym(j, "~")
            || self.is_sym(j, "<")
            || self.is_sym(j, ">")
            || self.is_sym(j, "≤")
            || self.is_sym(j, "≥")
        {
            j += 1;
        }
        j.max(first + 1)
    }

    /// True when the number at `i` is a label ("Form 10-K", "Item 1.01"), a
    /// code glued to letters ("21873S108"), a time ("4:00"), an ordinal
    /// ("15th") or a version ("1.2.3").
    fn is_label_or_code(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.num.is_none() {
            return true;
        }
        if i > 0 {
            let p = &self.toks[i - 1];
            if !t.space_before && p.kind == Tk::Word && !self.is_currency_word(i - 1) {
                return true; // S108, Q4, FY2025, H2
            }
            if !t.space_before
                && (self.is_sym(i - 1, ":")
                    || self.is_sym(i - 1, "#")
                    || self.is_sym(i - 1, "/")
                    || self.is_sym(i - 1, "."))
            {
                return true;
            }
            // "Form 10-K", "Item 1.01", "Section 5.2", "page 12", "No. 5"
            let mut k = i - 1;
            if self.is_sym(k, ".") && k > 0 {
                k -= 1;
            }
            if self.is_sym(k, "(") && k > 0 {
                k -= 1;
            }
            if self.t(k).is_some_and(|p| p.kind == Tk::Word)
                && UNITS.label_words.contains(self.w(k))
            {
                // "Class A" never has digits; "no" only as "No." or "No"
                if self.w(k) != "no" || self.raw(k) == "No" || self.is_sym(k + 1, ".") {
                    return true;
                }
            }
        }
        if let Some(n) = self.t(i + 1) {
            if !n.space_before {
                if n.kind == Tk::Num {
                    return true;
                }
                if self.is_sym(i + 1, ":")
                    && self
                        .t(i + 2)
                        .is_some_and(|x| x.kind == Tk::Num && !x.space_before)
                {
                    return true; // 4:00
                }
                if n.kind == Tk::Word && matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") {
                    return true;
                }
                // 10-K, 8-K, 14a-8, S-4 style labels: number-dash-letter(s)
                if self.is_dash(i + 1)
                    && self.t(i + 2).is_some_and(|x| {
                        !x.space_before
                            && x.kind == Tk::Word
                            && self.raw(i + 2).chars().all(|c| c.is_ascii_uppercase())
                            && self.raw(i + 2).len() <= 2
                    })
                {
                    return true;
                }
                if n.kind == Tk::Word
                    && self.raw(i + 1).len() == 1
                    && self.t(i + 2).is_some_and(|x| {
                        x.kind == Tk::Sym && !x.space_before && self.is_dash(i + 2)
                    })
                {
                    return true; // 14a-8
                }
            }
        }
        false
    }

    fn is_currency_word(&self, i: usize) -> bool {
        UNITS.codes.contains(self.raw(i))
    }

    /// Currency, comparator, sign and change words before the number at `i`.
    fn prefix(&self, i: usize) -> Prefix {
        let mut p = Prefix {
            first: i,
            ..Prefix::default()
        };
        let mut k = i; // first token of the claim so far
        // Accounting negatives: "(1.2)", "$(1.2)", "($1.2)": the bracket
        // sits right against the digits.
        if k > 0 && self.is_sym(k - 1, "(") && self.attached(k) {
            p.paren = true;
            k -= 1;
        }
        // Sign directly attached: "-4%", "−4%"
        if k > 0
            && (self.is_sym(k - 1, "-") || self.is_sym(k - 1, "−"))
            && self.attached(k)
            && (k == 1 || self.toks[k - 1].space_before || self.is_sym(k - 2, "("))
        {
            p.negative = true;
            k -= 1;
        }
        // Currency: "$", "US$", "C$", "€", "USD "
        if k > 0 {
            let raw = self.raw(k - 1);
            let attached = self.attached(k);
            if let Some((_, code)) = UNITS.currency_symbols.iter().find(|(s, _)| s == raw) {
                let mut code: &'static str = leak(code);
                let mut first = k - 1;
                if raw == "$"
                    && k >= 2
                    && !self.toks[k - 1].space_before
                    && self.t(k - 2).is_some_and(|t| t.kind == Tk::Word)
                {
                    let pre = format!("{}$", self.raw(k - 2));
                    if let Some((_, c)) = UNITS.currency_symbols.iter().find(|(s, _)| *s == pre) {
                        code = leak(c);
                        first = k - 2;
                    }
                }
                if attached || raw.chars().all(char::is_alphabetic) {
                    p.currency = Some(code);
                    k = first;
                }
            } else if self.t(k - 1).is_some_and(|t| t.kind == Tk::Word) && UNITS.codes.contains(raw)
            {
                p.currency = Some(leak(raw));
                k -= 1;
            }
            // "-$3 million", "($1.2)"
            if p.currency.is_some()
                && k > 0
                && (self.is_sym(k - 1, "-") || self.is_sym(k - 1, "−"))
                && self.attached(k)
            {
                p.negative = true;
                k -= 1;
            }
        }
        // "~$9B", "<10%", ">$1bn"
        if k > 0 {
            let c = match self.raw(k - 1) {
                "~" | "≈" => Some(Comparator::Approx),
                "<" => Some(Comparator::Lt),
                ">" => Some(Comparator::Gt),
                "≤" => Some(Comparator::Le),
                "≥" => Some(Comparator::Ge),
                _ => None,
            };
            if let Some(op) = c.filter(|_| self.toks[k - 1].kind == Tk::Sym) {
                p.comparator = Some((RawComparator { op, lean: None }, k - 1));
                k -= 1;
            }
        }
        // "($1.2)"
        if !p.paren && p.currency.is_some() && k > 0 && self.is_sym(k - 1, "(") && self.attached(k)
        {
            p.paren = true;
            k -= 1;
        }
        // Comparator words: longest phrase ending right before k.
        if p.comparator.is_none() {
            if let Some((c, start)) = self.comparator_before(k) {
                p.comparator = Some((c, start));
                k = start;
            }
        }
        // Change verbs within three words before: "fell 4%", "rose by about 33%".
        let mut b = k;
        for _ in 0..3 {
            if b == 0 {
                break;
            }
            let w = self.w(b - 1);
            if self.toks[b - 1].kind != Tk::Word {
                break;
            }
            if UNITS.up.contains(w) {
                p.change = Some(Change::Up);
                p.change_word = Some(b - 1);
                break;
            }
            if UNITS.down.contains(w) {
                p.change = Some(Change::Down);
                p.change_word = Some(b - 1);
                break;
            }
            if !matches!(
                w,
                "by" | "as"
                    | "much"
                    | "roughly"
                    | "some"
                    | "nearly"
                    | "sharply"
                    | "an"
                    | "a"
                    | "another"
                    | "further"
            ) {
                break;
            }
            b -= 1;
        }
        // "between 5% and 7%"
        if k > 0 && self.is_word(k - 1, "between") {
            p.between = true;
        }
        // "a loss of $3 million"
        if k >= 2
            && self.is_word(k - 1, "of")
            && UNITS.negative_before.contains(self.w(k - 2))
            && p.currency.is_some()
        {
            p.negative = true;
        }
        p.first = k;
        p
    }

    /// The first (longest) comparator phrase that ends right before token
    /// `k`, and its first token. Only the phrases whose last word is the word
    /// before `k` (or before an attached dot: "approx.") are tried: the token
    /// before `k` is either that word or the dot, never both.
    fn comparator_before(&self, k: usize) -> Option<(RawComparator, usize)> {
        let dot = k > 1 && self.is_sym(k - 1, ".") && self.attached(k - 1);
        let last = k.checked_sub(if dot { 2 } else { 1 })?;
        if self.t(last)?.kind != Tk::Word {
            return None;
        }
        UNITS
            .comparators_by_last
            .get(self.w(last))?
            .iter()
            .find_map(|&idx| {
                let (words, c) = &UNITS.comparators[idx];
                self.phrase_before(k, words).map(|start| (*c, start))
            })
    }

    /// If the comparator phrase `words` ends right before token `k`, its first token.
    fn phrase_before(&self, k: usize, words: &[String]) -> Option<usize> {
        let mut j = k;
        for w in words.iter().rev() {
            // allow "approx." / "ca." with their dot
            if j > 0 && self.is_sym(j - 1, ".") && self.attached(j - 1) {
                j -= 1;
            }
            if j == 0 || self.toks[j - 1].kind != Tk::Word || self.w(j - 1) != w.as_str() {
                return None;
            }
            j -= 1;
        }
        Some(j)
    }

    /// A bounding phrase after the claim ("or more").
    fn phrase_after(&self, j: usize) -> Option<(RawComparator, usize)> {
        for (words, c) in &UNITS.comparators_after {
            if words
                .iter()
                .enumerate()
                .all(|(k, w)| self.is_word(j + k, w))
            {
                // "plus" only when nothing follows that it could be adding
                if words.len() == 1
                    && words[0] == "plus"
                    && self.t(j + 1).is_some_and(|t| t.kind != Tk::Sym)
                {
                    continue;
                }
                return Some((*c, words.len()));
            }
        }
        None
    }

    /// `%`, "percent", "per cent", "percentage points", "basis points", "bps".
    /// Returns (kind, unit, tokens used, scale, precision divisor).
    fn percent_unit(&self, j: usize) -> Option<(ClaimKind, &'static str, usize, i32, f64)> {
        if self.is_sym(j, "%") {
            return Some((ClaimKind::Percent, "%", 1, 0, 1.0));
        }
        let w = self.w(j);
        if self.t(j).is_none_or(|t| t.kind != Tk::Word) {
            return None;
        }
        match w {
            "percent" | "pct" | "percents" => Some((ClaimKind::Percent, "%", 1, 0, 1.0)),
            "per" if self.is_word(j + 1, "cent") => Some((ClaimKind::Percent, "%", 2, 0, 1.0)),
            "percentage" if self.is_word(j + 1, "points") || self.is_word(j + 1, "point") => {
                Some((ClaimKind::Percent, "pp", 2, 0, 1.0))
            }
            "pp" | "ppt" | "ppts" | "pts" => Some((ClaimKind::Percent, "pp", 1, 0, 1.0)),
            "basis" if self.is_word(j + 1, "points") || self.is_word(j + 1, "point") => {
                Some((ClaimKind::Percent, "pp", 2, -2, 1.0))
            }
            "bps" | "bp" | "bips" => Some((ClaimKind::Percent, "pp", 1, -2, 1.0)),
            _ => None,
        }
    }

    /// Currency after the number: "9 billion dollars", "1.2 billion EUR", "50 cents".
    /// Returns (code, tokens used, scale).
    fn currency_after(&self, j: usize) -> Option<(&'static str, usize, i32)> {
        let t = self.t(j)?;
        if t.kind != Tk::Word {
            return None;
        }
        if let Some(c) = UNITS.currency_words.get(self.w(j)) {
            let (code, scale) = match c.split_once("/100") {
                Some((code, _)) => (code, -2),
                None => (c.as_str(), 0),
            };
            // "pounds" of weight are rare in deal prose; "pounds sterling" common.
            let adv = if self.is_word(j + 1, "sterling") {
                2
            } else {
                1
            };
            return Some((leak(code), adv, scale));
        }
        let raw = self.raw(j);
        if UNITS.codes.contains(raw) {
            return Some((leak(raw), 1, 0));
        }
        None
    }

    /// "per share", "a share", "/share", "per common share", "per Core
    /// Scientific share": tokens used.
    fn per_share(&self, j: usize) -> Option<usize> {
        let lead = if self.is_word(j, "per")
            || self.is_word(j, "a")
            || self.is_word(j, "each")
            || self.is_word(j, "for") && self.is_word(j + 1, "each")
        {
            if self.is_word(j, "for") { 2 } else { 1 }
        } else if self.is_sym(j, "/") {
            1
        } else {
            return None;
        };
        for k in 0..4 {
            let at = j + lead + k;
            if self.is_word(at, "share")
                || self.is_word(at, "unit") && k == 0
                || self.is_word(at, "ads")
            {
                return Some(lead + k + 1);
            }
            let is_modifier = self.t(at).is_some_and(|t| t.kind == Tk::Word)
                && !matches!(
                    self.w(at),
                    "the" | "of" | "and" | "in" | "to" | "for" | "with"
                );
            if !is_modifier {
                return None;
            }
        }
        None
    }

    /// A grouped whole number with its counted noun left out because an
    /// earlier count of the sentence gave it: "230,070,106 votes against,
    /// 10,019,439 in favor and 5,702,921 abstentions".
    fn elided_count(&self, i: usize, earlier: &[Claim]) -> Option<(Claim, usize)> {
        let t = self.t(i)?;
        let v = t.num?;
        if t.kind != Tk::Num || !t.commas || v.exponent() < 0 || self.is_label_or_code(i) {
            return None;
        }
        let prev = earlier.iter().rev().find(|c| c.kind == ClaimKind::Count)?;
        if !matches!(prev.unit.as_str(), "votes" | "shares") {
            return None;
        }
        let c = self.simple(
            ClaimKind::Count,
            Span::new(t.start, t.end),
            v,
            &prev.unit,
            Comparator::Eq,
            None,
            v.half_unit(),
        );
        Some((c, i + 1))
    }

    /// True when an unscaled amount is a price of one share: "share
    /// price", "closing price", "stock price" just before it, or "for each
    /// [VMware] share" / "per [common] share" later in its clause.
    fn is_share_price(&self, first: usize, after: usize) -> bool {
        let before = first.saturating_sub(5)..first;
        let price_before = before
            .clone()
            .any(|k| matches!(self.w(k), "price" | "prices"))
            && before.clone().any(|k| {
                matches!(
                    self.w(k),
                    "share"
                        | "stock"
                        | "closing"
                        | "close"
                        | "trading"
                        | "offer"
                        | "offering"
                        | "exercise"
                        | "conversion"
                )
            });
        if price_before {
            return true;
        }
        // "$142.50 in cash or 0.2520 shares of Broadcom stock for each share"
        let alternative = self.is_word(after, "in")
            && self.is_word(after + 1, "cash")
            && self.is_word(after + 2, "or");
        let mut k = after;
        let limit = (after + if alternative { 20 } else { 14 }).min(self.toks.len());
        while k < limit {
            if self.is_sym(k, ";")
                || self.is_sym(k, ".") && !self.attached(k + 1)
                || self.is_sym(k, "$")
            {
                return false;
            }
            if !alternative && self.t(k).is_some_and(|t| t.kind == Tk::Num) {
                return false;
            }
            if (self.is_word(k, "for")
                && (self.is_word(k + 1, "each") || self.is_word(k + 1, "every")))
                || self.is_word(k, "per")
            {
                let from = if self.is_word(k, "per") { k + 1 } else { k + 2 };
                return (from..(from + 4).min(self.toks.len())).any(|m| self.is_word(m, "share"))
                    && (alternative || !(after..k).any(|m| self.is_word(m, "shares")));
            }
            k += 1;
        }
        false
    }

    /// "2x", "2.5×", "eight-fold", "3 times".
    fn multiple_suffix(&self, j: usize) -> Option<usize> {
        if (self.is_word(j, "x") && self.attached(j)) || self.is_sym(j, "×") {
            return Some(1);
        }
        if self.is_dash(j) && self.attached(j) && self.is_word(j + 1, "fold") {
            return Some(2);
        }
        if self.is_word(j, "fold") && self.attached(j) {
            return Some(1);
        }
        if self.is_word(j, "times")
            && self
                .toks
                .get(j.wrapping_sub(1))
                .is_some_and(|t| t.kind == Tk::Num)
        {
            return Some(1);
        }
        None
    }

    /// "12 years", "15-year", "18-month", "three quarters", "40 days".
    /// Returns (unit, per, times, tokens used).
    fn duration_unit(&self, j: usize) -> Option<(String, i64, i64, usize)> {
        let (at, adv) = if self.is_dash(j) && self.attached(j) && self.attached(j + 1) {
            (j + 1, 2)
        } else {
            (j, 1)
        };
        let d = UNITS
            .durations
            .get(self.w(at))
            .filter(|_| self.t(at).is_some_and(|t| t.kind == Tk::Word))?;
        // "quarter" after a number is a period ("three quarters"), but "2 quarter" is not English; accept either.
        Some((
            d.unit.clone(),
            d.per.unwrap_or(1),
            d.times.unwrap_or(1),
            adv,
        ))
    }

    /// "three months ended", "two years ago": a reference period, not a claim.
    fn after_duration_is_reference(&self, j: usize) -> bool {
        matches!(
            self.w(j),
            "ended" | "ending" | "ago" | "earlier" | "later" | "old" | "prior" | "before"
        ) && self.t(j).is_some_and(|t| t.kind == Tk::Word)
    }

    /// "1.3 GW", "840 MW", "1 gigawatt". Returns (power of ten, tokens used).
    fn power_unit(&self, j: usize) -> Option<(i32, usize)> {
        // "a 300-megawatt site"
        if self.is_dash(j) && self.attached(j) && self.attached(j + 1) {
            return self.power_unit(j + 1).map(|(k, adv)| (k, adv + 1));
        }
        let t = self.t(j)?;
        if t.kind != Tk::Word {
            return None;
        }
        let raw = self.raw(j);
        if let Some(&k) = UNITS.power.get(raw) {
            return Some((k, 1));
        }
        let lw = self.w(j);
        if lw.chars().all(|c| c.is_lowercase()) && lw.len() > 2 {
            if let Some(&k) = UNITS.power.get(lw) {
                return Some((k, 1));
            }
        }
        None
    }

    /// "0.1235 shares of CoreWeave Class A common stock for each share",
    /// "2.3234 shares of ExxonMobil for each Pioneer share", "an exchange
    /// ratio of 0.1235". Returns the index after the phrase.
    fn ratio(&self, i: usize, j: usize) -> Option<usize> {
        let looks_ratio = |v: Decimal| {
            let f = v.to_f64();
            f > 0.0 && f < 100.0
        };
        let v = self.toks[i].num?;
        if !looks_ratio(v) {
            return None;
        }
        let mut j = j;
        for _ in 0..3 {
            let capital = self.t(j).is_some_and(|t| t.kind == Tk::Word)
                && self.raw(j).starts_with(char::is_uppercase);
            if capital && !(self.is_word(j, "shares") || self.is_word(j, "share")) {
                j += 1;
            } else {
                break;
            }
        }
        if self.is_word(j, "shares") || self.is_word(j, "share") {
            let mut k = j + 1;
            let limit = (j + 16).min(self.toks.len());
            while k < limit {
                if (self.is_word(k, "for")
                    && (self.is_word(k + 1, "each") || self.is_word(k + 1, "every")))
                    || self.is_word(k, "per")
                {
                    let from = if self.is_word(k, "per") { k + 1 } else { k + 2 };
                    for m in from..(from + 6).min(self.toks.len()) {
                        if self.is_word(m, "share") || self.is_word(m, "shares") {
                            return Some(m + 1);
                        }
                        if self.toks[m].kind != Tk::Word {
                            break;
                        }
                    }
                    return None;
                }
                if self.is_sym(k, ",") || self.is_sym(k, ";") || self.is_sym(k, ".") {
                    return None;
                }
                k += 1;
            }
            return None;
        }
        // "exchange ratio of 0.1235", "exchange ratio is 0.1235": the two
        // words within the four tokens before the number.
        if (i.saturating_sub(4)..i.saturating_sub(1))
            .any(|k| self.w(k) == "exchange" && self.w(k + 1) == "ratio")
            && !self.toks[i].commas
        {
            return Some(j);
        }
        None
    }

    /// A counted noun after the number: "245,792,464 shares", "three board
    /// members", "39.7 million shares". Returns (unit, tokens used).
    fn count_noun(&self, i: usize, j: usize, num: &NumRead) -> Option<(String, usize)> {
        let v = num.value;
        if num.spelled && v == Decimal::int(1) {
            return None; // "one looks", "one of the": not a count
        }
        let integral = v.exponent() >= 0 || num.scaled;
        if !integral || v.is_negative() {
            return None;
        }
        // "due 20", "due 2030": maturities, not counts.
        if i > 0 && self.is_word(i - 1, "due") {
            return None;
        }
        // A year-like bare number is a date, not a count.
        if let Some(t) = self.t(i).filter(|t| t.kind == Tk::Num) {
            let f = v.to_f64();
            if !num.scaled && !t.commas && (1800.0..=2200.0).contains(&f) {
                return None;
            }
        }
        let noun = |k: usize| -> bool {
            let Some(t) = self.t(k) else { return false };
            if t.kind != Tk::Word {
                return false;
            }
            let raw = self.raw(k);
            let w = self.w(k);
            if raw.chars().next().is_some_and(char::is_uppercase)
                && raw.len() > 1
                && raw.chars().skip(1).all(char::is_uppercase)
            {
                return false; // acronyms, tickers
            }
            if UNITS.count_irregular.contains(w) {
                return true;
            }
            w.len() >= 4
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && !w.ends_with("is")
                && !w.ends_with("ous")
                && !UNITS.count_excluded.contains(w)
                && !UNITS.durations.contains_key(w)
                && raw.chars().next().is_some_and(char::is_lowercase)
        };
        if noun(j) {
            return Some((self.w(j).to_string(), 1));
        }
        let modifier = self.t(j).is_some_and(|t| t.kind == Tk::Word)
            && self.raw(j).chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                self.w(j),
                "of" | "the"
                    | "and"
                    | "or"
                    | "to"
                    | "in"
                    | "for"
                    | "a"
                    | "an"
                    | "by"
                    | "on"
                    | "at"
                    | "with"
                    | "from"
                    | "as"
                    | "per"
                    | "that"
                    | "which"
                    | "than"
                    | "more"
                    | "less"
            );
        if modifier && noun(j + 1) {
            return Some((format!("{} {}", self.w(j), self.w(j + 1)), 2));
        }
        None
    }

    /// A range's upper end after the low end: "-10 billion", "to $10 billion",
    /// "and 7%". Returns (value in the claim's base, index after, scale).
    fn range_upper(
        &self,
        after_num: usize,
        after_unit: usize,
        prefix: &Prefix,
        money: bool,
        lo_scaled: bool,
    ) -> Option<(Decimal, usize, i32)> {
        // The joiner may come right after the number ("$9-10 billion",
        // "5-7%") or after the unit ("5% to 7%", "$9 billion to $10 billion").
        for at in [after_num, after_unit] {
            let joined = (self.is_dash(at)
                && self.attached(at)
                && self.t(at + 1).is_some_and(|t| !t.space_before))
                || (self.is_word(at, "to") && !prefix.between)
                || (self.is_word(at, "and") && prefix.between);
            if !joined {
                continue;
            }
            let mut k = at + 1;
            // optional currency again
            if money {
                if let Some((_, _)) = UNITS
                    .currency_symbols
                    .iter()
                    .find(|(s, _)| *s == self.raw(k))
                {
                    k += 1;
                } else if self.t(k).is_some_and(|t| t.kind == Tk::Word)
                    && self.raw(k).ends_with('$')
                {
                    k += 1;
                }
                if self.is_sym(k, "$") {
                    k += 1;
                }
            }
            let t = self.t(k)?;
            if t.kind != Tk::Num || t.num.is_none() || self.is_label_or_code(k) {
                return None;
            }
            let hi = self.number(k, money)?;
            let scale = if hi.scaled {
                hi.last_exp - t.num.map_or(0, Decimal::exponent)
            } else {
                0
            };
            let mut end = hi.next;
            // the unit again after the high end ("5% to 7%", "$9 billion to $10 billion", "9-10 years")
            if at == after_unit && after_unit != after_num {
                // the high end must repeat the unit when the low end had it
                if self.is_sym(end, "%") {
                    end += 1;
                } else if let Some((_, _, adv, _, _)) = self.percent_unit(end) {
                    end += adv;
                } else if let Some((_, _, _, adv)) = self.duration_unit(end) {
                    end += adv;
                } else if let Some((_, adv)) = self.power_unit(end) {
                    end += adv;
                } else if !money {
                    // a count or multiple repeats its noun; otherwise no range.
                    // Both must be words: `w` of a symbol (the "%" of "5% to
                    // 7,") or of the end of the sentence is "", and "" = ""
                    // once made "5% to 7," a range ending past the sentence.
                    let word = |k: usize| self.t(k).is_some_and(|t| t.kind == Tk::Word);
                    let repeats = word(end)
                        && (self.is_word(end, "x")
                            || word(after_unit - 1) && self.w(end) == self.w(after_unit - 1));
                    if !repeats {
                        return None;
                    }
                    end += 1;
                }
                if lo_scaled != hi.scaled && money {
                    return None;
                }
                return Some((hi.value, end, 0));
            }
            // joiner right after the low number: the unit follows the high end
            if self.is_sym(end, "%") {
                end += 1;
            } else if let Some((_, _, adv, _, _)) = self.percent_unit(end) {
                end += adv;
            } else if let Some((_, _, _, adv)) = self.duration_unit(end) {
                end += adv;
            } else if let Some((_, adv)) = self.power_unit(end) {
                end += adv;
            } else if !money {
                return None;
            }
            return Some((hi.value, end, scale));
        }
        None
    }

    /// "doubled", "tripled", "more than double".
    fn word_multiple(&self, i: usize, m: i64) -> Option<(Claim, usize)> {
        let w = self.w(i);
        // "double" as an adjective ("double-digit", "double taxation") is not a claim.
        if matches!(w, "double" | "triple" | "quadruple") {
            let gt = i >= 2 && self.is_word(i - 2, "more") && self.is_word(i - 1, "than");
            if !gt {
                return None;
            }
            let start = self.toks[i - 2].start;
            return Some((
                self.simple(
                    ClaimKind::Multiple,
                    Span::new(start, self.toks[i].end),
                    Decimal::int(m),
                    "x",
                    Comparator::Gt,
                    Some("more than".into()),
                    0.0,
                ),
                i + 1,
            ));
        }
        if self.is_dash(i + 1) && self.attached(i + 1) {
            return None; // "double-digit"
        }
        let mut start = i;
        let mut comparator = Comparator::Approx;
        let mut text = None;
        if i >= 2 && self.is_word(i - 2, "more") && self.is_word(i - 1, "than") {
            start = i - 2;
            comparator = Comparator::Gt;
            text = Some("more than".to_string());
        } else if i >= 1 && (self.is_word(i - 1, "nearly") || self.is_word(i - 1, "almost")) {
            start = i - 1;
            text = Some(self.w(i - 1).to_string());
        }
        let mut c = self.simple(
            ClaimKind::Multiple,
            Span::new(self.toks[start].start, self.toks[i].end),
            Decimal::int(m),
            "x",
            comparator,
            text,
            0.05,
        );
        c.change = Some(Change::Up);
        Some((c, i + 1))
    }

    #[allow(clippy::too_many_arguments)] // a plain constructor
    fn simple(
        &self,
        kind: ClaimKind,
        span: Span,
        value: Decimal,
        unit: &str,
        comparator: Comparator,
        comparator_text: Option<String>,
        precision: f64,
    ) -> Claim {
        Claim {
            kind,
            span,
            value: Some(value),
            upper: None,
            unit: unit.into(),
            comparator,
            comparator_text,
            lean: None,
            precision,
            period: None,
            change: None,
            about: String::new(),
            quoted: false,
            sentence: self.sentence,
        }
    }

    /// Dates: reads every date expression, marks its tokens used, and keeps
    /// as claims those that a closing, vote, deadline or expectation word
    /// before them makes the point of the sentence. A date starts at most
    /// seven tokens before a number (`numbers`: the number tokens, in
    /// order); the tokens are read in order, each window from where the
    /// last date ended.
    fn dates(&mut self, numbers: &[usize], out: &mut Vec<Claim>) {
        let mut i = 0;
        for &m in numbers {
            i = i.max(m.saturating_sub(7));
            while i <= m {
                i = self.date_from(i, out);
            }
        }
    }

    /// Reads a claim at start token `i` (or an elided count after the
    /// claims before it), marks its tokens used and adds it to `claims`;
    /// returns where to read next (after the claim, or the next token).
    fn claim_from(&mut self, i: usize, claims: &mut Vec<Claim>) -> usize {
        match self.claim_at(i).or_else(|| self.elided_count(i, claims)) {
            Some((claim, next)) => {
                let n = self.toks.len();
                for u in &mut self.used[i..next.min(n)] {
                    *u = true;
                }
                claims.push(claim);
                next.max(i + 1)
            }
            None => i + 1,
        }
    }

    /// Reads a date at token `i` (see [`Reader::dates`]); returns where to
    /// read next (after the date, or the next token).
    fn date_from(&mut self, i: usize, out: &mut Vec<Claim>) -> usize {
        if !self.may_start_date(i) {
            return i + 1;
        }
        let Some((period, end, _)) = self.date_at(i) else {
            return i + 1;
        };
        // Preposition before: by / on or before / no later than / in / during / after
        let (comparator, first, ctext) = self.date_comparator(i);
        for u in &mut self.used[i..end] {
            *u = true;
        }
        let trigger =
            (i.saturating_sub(12)..first).any(|k| {
                is_date_trigger(self.w(k)) && !matches!(self.w(k + 1), "price" | "prices" | "share")
            }) && !(first >= 2 && self.is_word(first - 2, "as") && self.is_word(first - 1, "of"))
                && !(first >= 1
                    && matches!(
                        self.w(first - 1),
                        "dated" | "through" | "ended" | "ending" | "since"
                    ));
        if trigger {
            let span = Span::new(self.toks[first].start, self.toks[end - 1].end);
            out.push(Claim {
                kind: ClaimKind::Date,
                span,
                value: None,
                upper: None,
                unit: "date".into(),
                comparator,
                comparator_text: ctext,
                lean: None,
                precision: 0.0,
                period: Some(period),
                change: None,
                about: String::new(),
                quoted: false,
                sentence: self.sentence,
            });
        }
        end
    }

    /// Whether [`Reader::date_at`] can read a date at token `i`: a number,
    /// or a word that its word rules start with (a capitalised month, "Q",
    /// "H", or one of the lower-case words below, in any case). A cheap
    /// test that spares most words the rules; the tests check it against
    /// `date_at` on every token of the corpus and of generated sentences.
    fn may_start_date(&self, i: usize) -> bool {
        match self.toks.get(i) {
            Some(t) if t.kind == Tk::Num => true,
            Some(t) if t.kind == Tk::Word => {
                self.text.as_bytes()[t.start].is_ascii_uppercase()
                    || matches!(
                        self.w(i),
                        "the"
                            | "first"
                            | "second"
                            | "third"
                            | "fourth"
                            | "end"
                            | "early"
                            | "mid"
                            | "late"
                            | "year"
                    )
            }
            _ => false,
        }
    }

    fn date_comparator(&self, i: usize) -> (Comparator, usize, Option<String>) {
        let w = |k: usize| {
            if k < i && k < self.toks.len() {
                self.w(k)
            } else {
                ""
            }
        };
        if i >= 3 && w(i - 3) == "on" && w(i - 2) == "or" && w(i - 1) == "before" {
            return (Comparator::Le, i - 3, Some("on or before".into()));
        }
        if i >= 3 && w(i - 3) == "no" && w(i - 2) == "later" && w(i - 1) == "than" {
            return (Comparator::Le, i - 3, Some("no later than".into()));
        }
        if i >= 1 {
            match w(i - 1) {
                "by" | "until" => return (Comparator::Le, i - 1, Some(w(i - 1).into())),
                "before" => return (Comparator::Lt, i - 1, Some("before".into())),
                "after" => return (Comparator::Gt, i - 1, Some("after".into())),
                "in" | "on" | "during" => return (Comparator::Eq, i - 1, None),
                _ => {}
            }
        }
        (Comparator::Eq, i, None)
    }

    /// A date expression starting at `i`: (period, index after, lean).
    fn date_at(&self, i: usize) -> Option<(Period, usize, Option<Lean>)> {
        let t = self.t(i)?;
        let year_at = |k: usize| -> Option<i32> {
            let t = self.t(k)?;
            if t.kind != Tk::Num || t.commas {
                return None;
            }
            let raw = self.raw(k);
            let y: i32 = raw.parse().ok()?;
            (raw.len() == 4 && (1900..=2199).contains(&y)).then_some(y)
        };
        if t.kind == Tk::Word {
            let w = self.w(i);
            // Month D, YYYY | Month YYYY | Month D
            if let Some(m) = Some(w)
                .filter(|_| self.raw(i).starts_with(char::is_uppercase))
                .and_then(month_of)
            {
                let mut k = i + 1;
                if self.is_sym(k, ".") {
                    k += 1;
                }
                if let Some(y) = year_at(k) {
                    return Some((Period::month(y, m)?, k + 1, None));
                }
                if self.t(k).is_some_and(|t| t.kind == Tk::Num) {
                    let day: u8 = self.raw(k).parse().ok().filter(|d| (1..=31).contains(d))?;
                    let mut e = k + 1;
                    if matches!(self.w(e), "st" | "nd" | "rd" | "th") && self.attached(e) {
                        e += 1;
                    }
                    let comma = self.is_sym(e, ",");
                    let yk = if comma { e + 1 } else { e };
                    if let Some(y) = year_at(yk) {
                        let d = Date::new(y, m, day)?;
                        return Some((Period::day(d), yk + 1, None));
                    }
                    // A day without a year takes the document's year ("on October 28").
                    let y = self.year?;
                    return Some((Period::day(Date::new(y, m, day)?), e, None));
                }
                if let Some(y) = year_at(k) {
                    return Some((Period::month(y, m)?, k + 1, None));
                }
                return None;
            }
            // Q4 2025
            if (self.raw(i) == "Q" || self.raw(i) == "H")
                && self
                    .t(i + 1)
                    .is_some_and(|t| t.kind == Tk::Num && !t.space_before)
            {
                let q: u8 = self.raw(i + 1).parse().ok()?;
                let mut k = i + 2;
                if self.is_sym(k, "'") || self.is_sym(k, "’") {
                    return None;
                }
                if self.is_word(k, "of") || self.is_word(k, "fiscal") {
                    return None; // fiscal periods depend on the company
                }
                let y = year_at(k)?;
                k += 1;
                let p = if self.raw(i) == "Q" {
                    Period::quarter(y, q)?
                } else {
                    match q {
                        1 => Period::months(y, 1, 6)?,
                        2 => Period::months(y, 7, 12)?,
                        _ => return None,
                    }
                };
                return Some((p, k, None));
            }
            // (the) fourth quarter (of) 2025 / first half of 2026 / end of 2027
            let mut k = i;
            if w == "the" {
                k += 1;
            }
            let ord = |s: &str| -> Option<u8> {
                Some(match s {
                    "first" => 1,
                    "second" => 2,
                    "third" => 3,
                    "fourth" => 4,
                    _ => return None,
                })
            };
            if let Some(o) = ord(self.w(k)) {
                let mut q = k + 1;
                if self.is_dash(q) {
                    q += 1;
                }
                let unit = self.w(q).to_string();
                if unit == "quarter" || unit == "half" {
                    let mut yk = q + 1;
                    if self.is_word(yk, "of") {
                        yk += 1;
                    }
                    if self.is_word(yk, "fiscal") {
                        return None;
                    }
                    let y = year_at(yk)?;
                    let p = if unit == "quarter" {
                        Period::quarter(y, o)?
                    } else {
                        match o {
                            1 => Period::months(y, 1, 6)?,
                            2 => Period::months(y, 7, 12)?,
                            _ => return None,
                        }
                    };
                    return Some((p, yk + 1, None));
                }
            }
            if self.w(k) == "end" && self.is_word(k + 1, "of") {
                let y = year_at(k + 2)?;
                let p = Period::months(y, 12, 12)?;
                return Some((
                    Period {
                        start: p.end,
                        end: p.end,
                    },
                    k + 3,
                    None,
                ));
            }
            if matches!(self.w(k), "early" | "mid" | "late") {
                let mut yk = k + 1;
                if self.is_dash(yk) {
                    yk += 1;
                }
                let y = year_at(yk)?;
                let p = match self.w(k) {
                    "early" => Period::months(y, 1, 4)?,
                    "mid" => Period::months(y, 5, 8)?,
                    _ => Period::months(y, 9, 12)?,
                };
                return Some((p, yk + 1, None));
            }
            if self.w(k) == "year" && self.is_dash(k + 1) && self.is_word(k + 2, "end") {
                let y = year_at(k + 3)?;
                let p = Period::months(y, 12, 12)?;
                return Some((
                    Period {
                        start: p.end,
                        end: p.end,
                    },
                    k + 4,
                    None,
                ));
            }
            return None;
        }
        if t.kind == Tk::Num {
            // ISO 2025-10-30
            if year_at(i).is_some() && self.is_sym(i + 1, "-") && self.attached(i + 1) {
                let s = Span::new(t.start, self.t(i + 4).map_or(t.end, |x| x.end)).slice(self.text);
                if let Some(d) = Date::parse(s).filter(|_| s.len() == 10) {
                    return Some((Period::day(d), i + 5, None));
                }
            }
            // D Month YYYY
            if let Some(m) = self
                .t(i + 1)
                .filter(|x| x.kind == Tk::Word)
                .and_then(|_| month_of(self.w(i + 1)))
            {
                if self.raw(i + 1).starts_with(char::is_uppercase) {
                    let day: u8 = self.raw(i).parse().ok().filter(|d| (1..=31).contains(d))?;
                    let y = year_at(i + 2)?;
                    return Some((Period::day(Date::new(y, m, day)?), i + 3, None));
                }
            }
            // a bare year after in/by/during with a trigger: "expected to close in 2026"
            if let Some(y) = year_at(i) {
                let glued = self
                    .t(i + 1)
                    .is_some_and(|t| !t.space_before && t.kind != Tk::Sym);
                if i >= 1 && matches!(self.w(i - 1), "in" | "by" | "during" | "until") && !glued {
                    let p = Period::year(y)?;
                    let p = if self.w(i - 1) == "by" {
                        Period {
                            start: p.end,
                            end: p.end,
                        }
                    } else {
                        p
                    };
                    return Some((p, i + 1, None));
                }
            }
        }
        None
    }
}

/// Turns a currency code from the data file into a `'static` string. The set
/// is small and fixed, so this interns through the static vocabulary.
fn leak(code: &str) -> &'static str {
    UNITS.codes.get(code).map(String::as_str).unwrap_or("USD")
}

#[cfg(test)]
mod tests {
    use aho_corasick::{AhoCorasick, MatchKind};

    use super::*;

    /// The reference model of number words: a leftmost-longest search of
    /// the whole text, kept where no ASCII letter touches the match.
    fn number_word_spans(text: &str) -> Vec<(usize, usize)> {
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(number_word_list())
            .unwrap_or_else(|e| panic!("{e}"));
        let b = text.as_bytes();
        ac.find_iter(text)
            .filter(|m| {
                !m.start()
                    .checked_sub(1)
                    .is_some_and(|i| b[i].is_ascii_alphabetic())
                    && !b.get(m.end()).is_some_and(u8::is_ascii_alphabetic)
            })
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    /// Every sentence of the corpus, then 20,000 texts of up to `max`
    /// `pieces` (from `seed`): the texts the readers' model tests run on.
    fn sentences_and_soups(seed: u64, pieces: &[&str], max: usize) -> Vec<String> {
        let mut texts: Vec<String> = Vec::new();
        for (_, doc) in crate::testing::corpus_documents() {
            for s in crate::tokenize::sentences(&doc) {
                texts.push(s.span.slice(&doc).to_string());
            }
        }
        let mut next = crate::testing::picker(seed);
        texts.extend((0..20_000).map(|_| crate::testing::soup(&mut next, pieces, max)));
        texts
    }

    /// The claims of `text` read as one sentence.
    fn claims_of(text: &str, year: Option<i32>) -> Vec<Claim> {
        let mut got = Vec::new();
        let span = Span::new(0, text.len());
        sentence_claims(text, span, 0, year, &mut Scratch::default(), &mut got);
        got
    }

    /// A reader over the whole of `text` as one sentence.
    fn reader(text: &str, year: Option<i32>) -> Reader<'_> {
        let mut toks = Vec::new();
        lex(text, Span::new(0, text.len()), &mut toks);
        let n = toks.len();
        Reader {
            text,
            toks,
            lower: text.to_ascii_lowercase(),
            base: 0,
            sentence: 0,
            used: vec![false; n],
            year,
        }
    }

    /// The claims of `text` (one sentence) as the readers found them with a
    /// flag per token: dates tried at every token with a number at most
    /// seven tokens on, claims at every flagged start, each loop jumping past
    /// what it read. The reference model of the lists the readers walk.
    fn claims_by_flags(text: &str, year: Option<i32>) -> Vec<Claim> {
        let mut r = reader(text, year);
        let n = r.toks.len();
        let near: Vec<bool> = (0..n)
            .map(|k| (k..n.min(k + 8)).any(|j| r.toks[j].kind == Tk::Num))
            .collect();
        let mut claims = Vec::new();
        let mut i = 0;
        while i < n {
            i = if near[i] {
                r.date_from(i, &mut claims)
            } else {
                i + 1
            };
        }
        let mut start_here = vec![false; n];
        for k in 0..n {
            match r.toks[k].kind {
                Tk::Num => start_here[k] = true,
                Tk::Word => {
                    let t = r.toks[k];
                    if is_number_word(text, &t, &r.lower[t.start..t.end]) {
                        start_here[k] = true;
                        if k > 0 && r.toks[k - 1].kind == Tk::Word {
                            start_here[k - 1] = true;
                        }
                    }
                }
                Tk::Sym => {}
            }
        }
        let mut i = 0;
        while i < n {
            if r.used[i] || !start_here[i] {
                i += 1;
                continue;
            }
            i = r.claim_from(i, &mut claims);
        }
        claims.sort_by_key(|c| (c.span.start, c.span.end));
        claims
    }

    #[test]
    fn the_readers_lists_find_what_flags_on_every_token_find() {
        let pieces = [
            " ",
            " ",
            " ",
            "$",
            "9",
            "2025",
            "28",
            "1,234",
            "0.5",
            "10",
            "%",
            "billion",
            "two",
            "hundred",
            "a",
            "dozen",
            "half",
            "double",
            "one",
            "third",
            "October ",
            "Q4 ",
            "in ",
            "by ",
            "closing ",
            "expected to close ",
            "the first quarter of ",
            "year-end ",
            "shares",
            "per share",
            "for each",
            "votes",
            "more than",
            "about",
            "-",
            ",",
            ".",
            "(",
            ")",
            "and",
            "of",
            "million",
            "x",
            "years",
            "MW",
            "rose",
            "fell",
            " a billion dollars ",
            " a third of the shares ",
            " half a million shares ",
            " a dozen votes ",
            " two hundred people ",
            " the fourth quarter of fiscal 2025 ",
        ];
        let texts = sentences_and_soups(0x7f4a_7c15_9e37_79b9, &pieces, 24);
        let mut found = 0;
        for text in &texts {
            for year in [None, Some(2025)] {
                let got = claims_of(text, year);
                let model = claims_by_flags(text, year);
                assert_eq!(got, model, "{text:?}");
                found += got.len();
            }
        }
        assert!(found > 2_000, "{found} claims");
    }

    #[test]
    fn the_bare_number_screen_changes_no_claim() {
        // Numbers next to what may follow one: other numbers, clause marks,
        // units, dashes, range words, brackets, currency, "exchange ratio".
        let pieces = [
            " ",
            " ",
            " ",
            "9",
            "2025",
            "1,234",
            "0.1235",
            "(1.2)",
            "(",
            ")",
            "$",
            "%",
            "×",
            "x",
            "-",
            "–",
            "—",
            ",",
            ";",
            ":",
            ".",
            "+",
            "/",
            "to",
            "and",
            "between",
            "million",
            "billion",
            "shares",
            "per share",
            "for each",
            "years",
            "MW",
            "fold",
            "times",
            "dollars",
            "USD",
            "percent",
            "basis points",
            "exchange ratio of ",
            "exchange ratio ",
            "Exchange Ratio: ",
            "more than",
            "due",
            "employees",
            "Common",
            "a",
            "two",
        ];
        let texts = sentences_and_soups(0x1f83_d9ab_fb41_bd6b, &pieces, 16);
        let claims = |text: &str, screen: bool| {
            NO_SCREEN.set(!screen);
            let got = claims_of(text, None);
            NO_SCREEN.set(false);
            got
        };
        let mut found = 0;
        for text in &texts {
            let got = claims(text, true);
            assert_eq!(got, claims(text, false), "{text:?}");
            found += got.len();
        }
        assert!(found > 2_000, "{found} claims");
    }

    #[test]
    fn an_exchange_ratio_is_named_at_most_four_tokens_before() {
        let kinds = |text: &str| {
            claims_of(text, None)
                .into_iter()
                .map(|c| (c.kind, c.unit))
                .collect::<Vec<_>>()
        };
        let ratio = [(ClaimKind::Ratio, "shares/share".to_string())];
        for text in [
            "The exchange ratio of about 0.5.",
            "The exchange ratio is 0.1235.",
            "Exchange ratio: 0.1235",
            "the exchange ratio of 0.5 was fixed",
            "exchange ratio 2",
        ] {
            assert_eq!(kinds(text), ratio, "{text}");
        }
        for text in [
            // Five tokens back: too far.
            "The exchange ratio was set at 0.5.",
            // Commas make it a count or an amount, not a ratio.
            "the exchange ratio of 1,000",
        ] {
            assert!(
                kinds(text).iter().all(|(k, _)| *k != ClaimKind::Ratio),
                "{text}"
            );
        }
    }

    #[test]
    fn dates_start_only_where_the_quick_test_allows() {
        let pieces = [
            "October",
            "october",
            "OCTOBER",
            "Oct",
            "Oct.",
            "Sept.",
            "May",
            "may",
            " ",
            " ",
            " ",
            "28",
            "2025",
            "2026",
            "1999",
            "2,025",
            "31",
            "Q",
            "q",
            "H",
            "4",
            "2",
            "the",
            "The",
            "first",
            "First",
            "FOURTH",
            "quarter",
            "half",
            "of",
            "end",
            "End",
            "early",
            "Mid",
            "late",
            "year",
            "Year",
            "-",
            "–",
            ",",
            ".",
            "'",
            "th",
            "st",
            "fiscal",
            "in",
            "by",
            "10-30",
            "2025-10-30",
            "é",
            "Éarly",
            "year-end ",
            "end of ",
            "first half of ",
            "the fourth quarter ",
            "mid-",
        ];
        let mut texts: Vec<String> = crate::testing::corpus_documents()
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        let mut next = crate::testing::picker(0x1234_5678_9abc_def1);
        texts.extend((0..20_000).map(|_| crate::testing::soup(&mut next, &pieces, 12)));
        let mut dates = 0;
        for text in &texts {
            for year in [None, Some(2025)] {
                let r = reader(text, year);
                for i in 0..r.toks.len() {
                    if r.date_at(i).is_some() {
                        dates += 1;
                        assert!(r.may_start_date(i), "{:?} in {text:?}", r.raw(i));
                    }
                }
            }
        }
        assert!(dates > 1000, "{dates} dates read");
    }

    #[test]
    fn number_words_are_the_words_a_search_finds_whole() {
        let pieces = [
            "one",
            "One",
            "TWENTY",
            "fourteen",
            "four",
            "teen",
            "money",
            "often",
            "o'one",
            "one's",
            "éone",
            "oneé",
            "half",
            "halves",
            "thirds",
            "doubled",
            "Quadrupling",
            "zero",
            "a",
            "billion",
            "bn",
            "9",
            "-",
            "’",
            "'",
            " ",
            "  ",
            "\n",
            ",",
            ".",
            "(",
            "x",
            "tw",
            "o",
        ];
        let mut next = crate::testing::picker(0x1b87_3593_6a9c_f2d1);
        // Short texts, and long ones whose words cross the gate's 64-byte
        // chunks.
        for max in std::iter::repeat_n(16, 5000).chain(std::iter::repeat_n(150, 1000)) {
            let text = crate::testing::soup(&mut next, &pieces, max);
            let mut toks = Vec::new();
            lex(&text, Span::new(0, text.len()), &mut toks);
            let lower = text.to_ascii_lowercase();
            let marked: Vec<(usize, usize)> = toks
                .iter()
                .filter(|t| t.kind == Tk::Word && is_number_word(&text, t, &lower[t.start..t.end]))
                .map(|t| (t.start, t.end))
                .collect();
            let spans = number_word_spans(&text);
            // Every marked word is a whole match, and every match that is a
            // whole word token is marked.
            let whole: Vec<(usize, usize)> = spans
                .iter()
                .copied()
                .filter(|&(a, b)| {
                    toks.iter()
                        .any(|t| t.kind == Tk::Word && (t.start, t.end) == (a, b))
                })
                .collect();
            assert_eq!(marked, whole, "{text:?}");
            // A sentence with a whole number word passes the gate.
            assert_eq!(
                has_number_word(&text, Span::new(0, text.len())),
                !spans.is_empty(),
                "{text:?}"
            );
            // So does a part of it holding one whole (the letters around the
            // part, outside it, count).
            let cut = |k: usize| (k..=text.len()).find(|&c| text.is_char_boundary(c));
            let (a, z) = (next(text.len() + 1), next(text.len() + 1));
            if let (Some(a), Some(z)) = (cut(a.min(z)), cut(a.max(z))) {
                assert_eq!(
                    has_number_word(&text, Span::new(a, z)),
                    spans.iter().any(|&(s, e)| a <= s && e <= z),
                    "{text:?} {a}..{z}"
                );
            }
        }
    }

    #[test]
    fn lexes_numbers_words_and_symbols() {
        let t = "US$9.0bn, 1,234,567.89 and 10-K";
        let mut toks = Vec::new();
        lex(t, Span::new(0, t.len()), &mut toks);
        let texts: Vec<&str> = toks.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(
            texts,
            [
                "US",
                "$",
                "9.0",
                "bn",
                ",",
                "1,234,567.89",
                "and",
                "10",
                "-",
                "K"
            ]
        );
        assert!(toks[5].commas);
    }
}
