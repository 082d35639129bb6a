//! Words by Unicode's word boundaries (UAX #29).

use unicode_segmentation::UnicodeSegmentation;

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
/// ASCII is counted by a table-driven scan that applies UAX #29's rules for
/// ASCII (letters joined across `:` `.` `'`, digits across `,` `.` `;` `'`,
/// `_` joining either): one table lookup per byte, no branch on the text.
/// White space always ends a word, so a piece between ASCII white space that
/// holds a non-ASCII byte is recounted by the general segmenter.
pub fn word_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0usize;
    let mut state = OUT;
    // Where the current white-space-delimited piece starts, and the count
    // before it: a non-ASCII byte sends the piece to the segmenter.
    let mut piece_start = 0usize;
    let mut count_before_piece = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let class = CLASS[usize::from(bytes[i])];
        if class == HIGH {
            let end = bytes[i..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |p| i + p);
            count = count_before_piece + text[piece_start..end].unicode_words().count();
            state = OUT;
            i = end;
            continue;
        }
        let step = NEXT[usize::from(state)][usize::from(class)];
        state = step & 0x7F;
        count += usize::from(step >> 7);
        if class == SPACE {
            piece_start = i + 1;
            count_before_piece = count;
        }
        i += 1;
    }
    count
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
const CLASSES: usize = 9;

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

// States. A word is counted when its segment gets its first letter or digit.
/// Not in a word segment.
const OUT: u8 = 0;
/// In a segment, after a letter.
const IN_LETTER: u8 = 1;
/// In a segment, after a digit.
const IN_DIGIT: u8 = 2;
/// In a segment of underscores only so far (not a word yet).
const IN_UNDER_BARE: u8 = 3;
/// In a segment that holds a letter or digit, after an underscore.
const IN_UNDER: u8 = 4;
/// After a letter and a mark that joins letters: a letter continues the word.
const LETTER_MID: u8 = 5;
/// After a digit and a mark that joins digits: a digit continues the word.
const DIGIT_MID: u8 = 6;
const STATES: usize = 7;

/// `NEXT[state][class]`: the next state, with bit 7 set when a word starts.
static NEXT: [[u8; CLASSES]; STATES] = {
    const NEW: u8 = 0x80;
    // From outside a segment (and, for any class not listed below, from the
    // states after a joining mark, which then did not join).
    let out = [
        IN_LETTER | NEW,
        IN_DIGIT | NEW,
        IN_UNDER_BARE,
        OUT,
        OUT,
        OUT,
        OUT,
        OUT,
        OUT,
    ];
    let mut t = [out; STATES];
    t[IN_UNDER_BARE as usize] = out;
    let inside = [IN_LETTER, IN_DIGIT, IN_UNDER, OUT, OUT, OUT, OUT, OUT, OUT];
    t[IN_UNDER as usize] = inside;
    let mut after_letter = inside;
    after_letter[MID_LETTER as usize] = LETTER_MID;
    after_letter[MID_BOTH as usize] = LETTER_MID;
    t[IN_LETTER as usize] = after_letter;
    let mut after_digit = inside;
    after_digit[MID_NUM as usize] = DIGIT_MID;
    after_digit[MID_BOTH as usize] = DIGIT_MID;
    t[IN_DIGIT as usize] = after_digit;
    let mut letter_mid = out;
    letter_mid[LETTER as usize] = IN_LETTER;
    t[LETTER_MID as usize] = letter_mid;
    let mut digit_mid = out;
    digit_mid[DIGIT as usize] = IN_DIGIT;
    t[DIGIT_MID as usize] = digit_mid;
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
            "’", "\u{a0}", "—", "\t", "日",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..24 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push_str(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            assert_eq!(word_count(&s), s.unicode_words().count(), "{s:?}");
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/documents");
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            assert_eq!(
                word_count(&text),
                text.unicode_words().count(),
                "{}",
                entry.path().display()
            );
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
