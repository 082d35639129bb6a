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

/// The number of words in `text`: exactly `text.unicode_words().count()`,
/// but ASCII stretches are counted by a byte scan that applies UAX #29's
/// rules for ASCII (letters joined across `:` `.` `'`, digits across `,` `.`
/// `;` `'`, `_` joining either), several times faster than the general
/// segmenter. White space always ends a word, so the text is cut at ASCII
/// white space and only pieces holding non-ASCII go to the segmenter.
pub fn word_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut start = 0;
    while start < bytes.len() {
        // skip white space
        while start < bytes.len() && bytes[start].is_ascii_whitespace() {
            start += 1;
        }
        let mut end = start;
        let mut ascii = true;
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
            ascii &= bytes[end] < 0x80;
            end += 1;
        }
        if start < end {
            let piece = &text[start..end];
            count += if ascii {
                ascii_words(piece.as_bytes())
            } else {
                piece.unicode_words().count()
            };
        }
        start = end;
    }
    count
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Under,
    MidLetter,
    MidNum,
    MidBoth,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'A'..=b'Z' | b'a'..=b'z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Under,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' | b'\'' => Class::MidBoth,
        _ => Class::Other,
    }
}

/// UAX #29 word count of an ASCII piece without white space.
fn ascii_words(b: &[u8]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < b.len() {
        let c = class(b[i]);
        if !matches!(c, Class::Letter | Class::Digit | Class::Under) {
            i += 1;
            continue;
        }
        // a word segment starts here; it counts if it holds a letter or digit
        let mut has_alnum = c != Class::Under;
        let mut prev = c;
        let mut j = i + 1;
        while j < b.len() {
            let c = class(b[j]);
            match c {
                Class::Letter | Class::Digit | Class::Under => {
                    has_alnum |= c != Class::Under;
                    prev = c;
                    j += 1;
                }
                Class::MidLetter | Class::MidNum | Class::MidBoth => {
                    let next = b.get(j + 1).map(|&n| class(n));
                    let joins = matches!(
                        (prev, c, next),
                        (
                            Class::Letter,
                            Class::MidLetter | Class::MidBoth,
                            Some(Class::Letter)
                        ) | (
                            Class::Digit,
                            Class::MidNum | Class::MidBoth,
                            Some(Class::Digit)
                        )
                    );
                    if joins {
                        j += 2;
                        prev = next.unwrap_or(Class::Other);
                    } else {
                        break;
                    }
                }
                Class::Other => break,
            }
        }
        if has_alnum {
            count += 1;
        }
        i = j;
    }
    count
}

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
        // pseudo-random ASCII soup
        let alphabet = b"ab0_:.,;' -9Z\n$%";
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            let mut s = String::new();
            for _ in 0..24 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push(alphabet[(x % alphabet.len() as u64) as usize] as char);
            }
            assert_eq!(word_count(&s), s.unicode_words().count(), "{s:?}");
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
