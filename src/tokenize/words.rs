//! Words by Unicode's word boundaries (UAX #29).

use unicode_segmentation::UnicodeSegmentation;

use super::masks;
use crate::span::{Ranged, Span};

/// One word: a UAX #29 word segment that holds a letter or a digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Where the word is in the text.
    pub span: Span,
}

impl Ranged for Word {
    fn span(&self) -> Span {
        self.span
    }
}

/// The words of `text[within]`, with spans into `text`.
pub fn words(text: &str, within: Span) -> impl Iterator<Item = Word> + '_ {
    let base = within.start;
    within
        .slice(text)
        .unicode_word_indices()
        .map(move |(i, w)| Word {
            span: Span::new(base + i, base + i + w.len()),
        })
}

/// The number of words in `text`: exactly `text.unicode_words().count()`.
///
/// ASCII is counted without a segmenter: a word starts at a letter or digit
/// that UAX #29's rules for ASCII do not join to the byte before it (letters
/// join across `:` `.` `'`, digits across `,` `.` `;` `'`, `_` joins either),
/// which depends only on the two bytes before it, so each byte costs two
/// table lookups and nothing waits on the previous byte's result. White
/// space always ends a word, so a piece between ASCII white space that holds
/// a non-ASCII byte is recounted by the general segmenter.
pub fn word_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0usize;
    let mut pos = 0;
    while pos < bytes.len() {
        let (n, stop) = ascii_words(&bytes[pos..]);
        count += n;
        let high = pos + stop;
        if high >= bytes.len() {
            break;
        }
        // The piece around the non-ASCII byte: its words so far are taken
        // back and the whole piece goes to the segmenter.
        let piece_start = bytes[pos..high]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(pos, |p| pos + p + 1);
        let piece_end = bytes[high..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(bytes.len(), |p| high + p);
        count -= ascii_words(&bytes[piece_start..high]).0;
        count += text[piece_start..piece_end].unicode_words().count();
        pos = piece_end;
    }
    count
}

/// The UAX #29 words of `b` up to its first non-ASCII character that
/// [`common_char`] does not know, and where that character is (`b.len()`
/// when there is none). `b` starts where a piece starts (at the text's start
/// or at ASCII white space). Whole 64-byte blocks go to [`block_words`].
fn ascii_words(b: &[u8]) -> (usize, usize) {
    let mut count = 0usize;
    // The classes of the two bytes before, as if white space came first.
    let (mut before2, mut before1) = (SPACE, SPACE);
    let mut i = 0;
    while i < b.len() {
        let block_end = (i + 64).min(b.len());
        if block_end - i == 64 && before1 != UNDER {
            if let Some(n) = block_words(b, i, before2, before1) {
                count += n;
                // A non-ASCII byte here is part of a character that counts
                // as "other".
                let class = |x: u8| match CLASS[usize::from(x)] {
                    HIGH => OTHER,
                    c => c,
                };
                (before2, before1) = (class(b[i + 62]), class(b[i + 63]));
                i = block_end;
                continue;
            }
        }
        // Byte by byte up to the block's end (a character may cross it).
        while i < block_end {
            let mut class = CLASS[usize::from(b[i])];
            let mut len = 1;
            if class == HIGH {
                match common_char(&b[i..]) {
                    Some((c, l)) => (class, len) = (c, l),
                    None => return (count, i),
                }
            }
            let context =
                usize::from(before2) << 8 | usize::from(before1) << 4 | usize::from(class);
            match STARTS[context] {
                UNDERSCORED => count += usize::from(underscored_start(b, i)),
                n => count += usize::from(n),
            }
            (before2, before1) = (before1, class);
            i += len;
        }
    }
    (count, b.len())
}

/// The words that start in the 64 bytes of `b` from `at` (a character
/// boundary), after characters of classes `before2`, `before1` (not an
/// underscore), from bit masks: a letter or digit starts a word unless a
/// letter or digit is right before it, or the two characters before it join
/// it (letter, `:` `.` `'`, letter; digit, `,` `;` `.` `'`, digit): exactly
/// [`STARTS`]. The block may hold the common characters of class "other"
/// (no-break space, dashes, curly double quotes...): each of their bytes is
/// in no mask, as the character is in no rule. `None` for a block with an
/// underscore or another non-ASCII character (or one that crosses its
/// end), which the byte loop reads.
#[inline]
fn block_words(b: &[u8], at: usize, before2: u8, before1: u8) -> Option<usize> {
    let block: &masks::Block = b.get(at..at + 64)?.try_into().ok()?;
    if masks::any_of(block, [b'_']) != 0 {
        return None;
    }
    let mut high = masks::non_ascii(block);
    while high != 0 {
        let p = high.trailing_zeros() as usize;
        match common_char(&b[at + p..]) {
            Some((OTHER, len)) if p + len <= 64 => {
                high &= u64::MAX.checked_shl((p + len) as u32).unwrap_or(0);
            }
            _ => return None,
        }
    }
    let bit = |yes: bool| u64::from(yes);
    let letters = masks::letters(block);
    let digits = masks::digits(block);
    let join_letters = masks::any_of(block, [b':', b'.', b'\'']);
    let join_digits = masks::any_of(block, [b',', b';', b'.', b'\'']);
    let alnum = letters | digits;
    let after_alnum = alnum << 1 | bit(before1 == LETTER || before1 == DIGIT);
    let after_join_letters = join_letters << 1 | bit(before1 == MID_LETTER || before1 == MID_BOTH);
    let after_join_digits = join_digits << 1 | bit(before1 == MID_NUM || before1 == MID_BOTH);
    let two_after_letter = letters << 2 | bit(before1 == LETTER) << 1 | bit(before2 == LETTER);
    let two_after_digit = digits << 2 | bit(before1 == DIGIT) << 1 | bit(before2 == DIGIT);
    let joined = (letters & after_join_letters & two_after_letter)
        | (digits & after_join_digits & two_after_digit);
    Some((alnum & !after_alnum & !joined).count_ones() as usize)
}

/// The class and length of the non-ASCII characters filings are full of
/// (no-break space, zero-width space, curly quotes and apostrophe, dashes,
/// bullet), which the table can count: each behaves in UAX #29 exactly like
/// an ASCII byte of that class (the test checks every pair and triple).
/// Other characters go to the segmenter.
#[inline]
fn common_char(b: &[u8]) -> Option<(u8, usize)> {
    match b {
        // U+00A0 no-break space: not a word-break space, just "other".
        [0xC2, 0xA0, ..] => Some((OTHER, 2)),
        [0xE2, 0x80, x, ..] => match x {
            // U+2019 right single quotation mark: MidNumLet, like `.` and `'`.
            0x99 => Some((MID_BOTH, 3)),
            // U+200B zero-width space, U+2013 en dash, U+2014 em dash,
            // U+201C/U+201D double quotation marks, U+2022 bullet.
            0x8B | 0x93 | 0x94 | 0x9C | 0x9D | 0xA2 => Some((OTHER, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the letter or digit at `i`, right after an underscore, is the
/// first letter or digit of its word: the run of underscores before it is
/// not joined to a letter or digit before the run ("__init": yes, "a_b": no).
fn underscored_start(b: &[u8], i: usize) -> bool {
    let run_start = b[..i].iter().rposition(|&x| x != b'_').map_or(0, |p| p + 1);
    run_start == 0 || !b[run_start - 1].is_ascii_alphanumeric()
}

// Byte classes.
const LETTER: u8 = 0;
const DIGIT: u8 = 1;
const UNDER: u8 = 2;
/// `:` joins letters.
const MID_LETTER: u8 = 3;
/// `,` `;` join digits.
const MID_NUM: u8 = 4;
/// `.` `'` join either.
const MID_BOTH: u8 = 5;
const OTHER: u8 = 6;
/// ASCII white space: ends a word and a piece.
const SPACE: u8 = 7;
/// A byte of a non-ASCII character.
const HIGH: u8 = 8;

static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = match c {
            b'A'..=b'Z' | b'a'..=b'z' => LETTER,
            b'0'..=b'9' => DIGIT,
            b'_' => UNDER,
            b':' => MID_LETTER,
            b',' | b';' => MID_NUM,
            b'.' | b'\'' => MID_BOTH,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0C => SPACE,
            0x80..=0xFF => HIGH,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

/// A letter or digit right after an underscore: see [`underscored_start`].
const UNDERSCORED: u8 = 2;

/// `STARTS[before2 << 8 | before1 << 4 | class]`: 1 when a byte of `class`
/// after bytes of classes `before2`, `before1` starts a word, 0 when not,
/// [`UNDERSCORED`] when that depends on the underscores before it.
static STARTS: [u8; 4096] = {
    let mut t = [0u8; 4096];
    let mut k = 0;
    while k < 4096 {
        let (before2, before1, class) = ((k >> 8) as u8, ((k >> 4) & 0xF) as u8, (k & 0xF) as u8);
        let joined = (before2 == LETTER
            && (before1 == MID_LETTER || before1 == MID_BOTH)
            && class == LETTER)
            || (before2 == DIGIT && (before1 == MID_NUM || before1 == MID_BOTH) && class == DIGIT);
        t[k] = if !(class == LETTER || class == DIGIT)
            || before1 == LETTER
            || before1 == DIGIT
            || joined
        {
            0
        } else if before1 == UNDER {
            UNDERSCORED
        } else {
            1
        };
        k += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_count_equals_the_segmenter() {
        let cases = [
            "CoreWeave's $9.0 billion deal, 1,234,567.89 shares; e.g. U.S. a:b 3.5x x_y __ _a 1_000",
            "it's 'quoted' 10-K 8-K S-4 4:00 p.m. (1) 1. 2.3.4 a.b.c ... -- 12,34 ;; .5 5.",
            "Foo.Bar foo.1 1.foo 1'2 a'1 9'' '' ' a_1_b __init__ x__",
            "",
            "   \n\t ",
        ];
        for t in cases {
            assert_eq!(word_count(t), t.unicode_words().count(), "{t:?}");
        }
        // pseudo-random soup, with non-ASCII letters, marks and spaces
        let alphabet = [
            "a", "b", "0", "_", ":", ".", ",", ";", "'", " ", "-", "9", "Z", "\n", "$", "%", "é",
            "’", "\u{a0}", "—", "\t", "日", "\u{200b}", "“", "”", "•", "–", "a’b", "1’2",
        ];
        let mut next = crate::testing::picker(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..24 {
                s.push_str(alphabet[next(alphabet.len())]);
            }
            assert_eq!(word_count(&s), s.unicode_words().count(), "{s:?}");
        }
        // long ASCII texts, whose 64-byte blocks are counted from masks, with
        // the classes of the bytes before each block carried over (an
        // underscore or a non-ASCII character now and then sends a block to
        // the byte loop)
        let ascii = [
            "a", "b", "Z", "0", "9", ":", ".", ",", ";", "'", " ", "-", "\n", "ab", "12", "a.b",
            "1,2", "x:y", "\u{a0}", "—", "“", "”", "•", "\u{200b}", "_", "’", "é",
        ];
        for round in 0..3000 {
            let mut s = String::new();
            let rare = if round % 2 == 0 { 0 } else { 3 };
            for _ in 0..200 {
                s.push_str(ascii[next(ascii.len() - 3 + rare)]);
            }
            assert_eq!(word_count(&s), s.unicode_words().count(), "{s:?}");
        }
        for (path, text) in crate::testing::corpus_documents() {
            assert_eq!(
                word_count(&text),
                text.unicode_words().count(),
                "{}",
                path.display()
            );
        }
    }

    #[test]
    fn common_non_ascii_characters_count_like_their_ascii_class() {
        // Every string of up to three characters over ASCII bytes of each
        // class and the characters the table reads itself.
        let chars = [
            "a", "1", "_", ":", ",", ".", "'", "!", " ", "é", "\u{a0}", "\u{200b}", "’", "–", "—",
            "“", "”", "•",
        ];
        let mut s = String::new();
        for x in chars {
            for y in chars {
                for z in chars {
                    s.clear();
                    s.push_str(x);
                    s.push_str(y);
                    s.push_str(z);
                    assert_eq!(word_count(&s), s.unicode_words().count(), "{s:?}");
                    assert_eq!(
                        word_count(&s[x.len()..]),
                        s[x.len()..].unicode_words().count()
                    );
                }
            }
        }
    }

    #[test]
    fn words_carry_spans() {
        let t = "CoreWeave’s $9.0 billion deal — façade";
        let ws: Vec<&str> = words(t, Span::new(0, t.len()))
            .map(|w| w.span.slice(t))
            .collect();
        assert_eq!(ws, ["CoreWeave’s", "9.0", "billion", "deal", "façade"]);
        assert_eq!(word_count(t), 5);
    }
}
