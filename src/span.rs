//! Byte spans: the one way every stage says where something is.
//!
//! A [`Span`] is a half-open range `start..end` of **bytes**. Inside the
//! pipeline spans point into the decoded text a stage reads
//! ([`crate::source::Source::text`]); findings in an [`crate::Analysis`] point into
//! the ORIGINAL input bytes ([`crate::source::Source::bytes`]). Line and column
//! are never stored: `report/` computes them with a
//! [`crate::source::LineIndex`].

use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets, `start <= end`.
///
/// `start` is the offset of the first byte, `end` the offset one past the last
/// byte. An empty span (`start == end`) marks a position.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Makes a span; if `end < start` the two are swapped rather than panicking,
    /// so a span is always well formed.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        if end < start {
            Span {
                start: end,
                end: start,
            }
        } else {
            Span { start, end }
        }
    }

    /// Number of bytes covered.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The span shifted right by `by` bytes.
    #[inline]
    pub fn shift(&self, by: usize) -> Span {
        Span {
            start: self.start + by,
            end: self.end + by,
        }
    }

    /// The text this span covers in `text`, or `""` if it is out of range or
    /// not on character boundaries.
    #[inline]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when the span starts and ends on word boundaries of `text`: the
    /// characters just outside it are not letters or digits. The one rule
    /// for whole words (cues, deal words, entity names).
    pub fn on_word_boundaries(&self, text: &str) -> bool {
        let before = text.get(..self.start).and_then(|t| t.chars().next_back());
        let after = text.get(self.end..).and_then(|t| t.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// The largest character boundary of `text` at or before `i` (`i` is
/// clamped to the text's length).
pub fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `text` at or after `i` (`i` is
/// clamped to the text's length).
pub fn ceil_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Anything that sits at a place in a source.
pub trait Ranged {
    /// The byte span of this item.
    fn span(&self) -> Span;
}

impl Ranged for Span {
    fn span(&self) -> Span {
        *self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_orders_its_ends() {
        assert_eq!(Span::new(5, 2), Span { start: 2, end: 5 });
        assert_eq!(Span::new(2, 5).len(), 3);
        assert!(Span::new(3, 3).is_empty());
    }

    #[test]
    fn containment_and_overlap() {
        let a = Span::new(0, 10);
        assert!(a.contains(Span::new(2, 5)));
        assert!(!a.contains(Span::new(5, 11)));
        assert!(a.overlaps(Span::new(9, 12)));
        assert!(!a.overlaps(Span::new(10, 12)));
        assert_eq!(a.cover(Span::new(8, 14)), Span::new(0, 14));
    }

    #[test]
    fn char_boundaries_round_down_and_up() {
        let t = "a€b"; // € is bytes 1..4
        assert_eq!(
            (0..=6)
                .map(|i| floor_char_boundary(t, i))
                .collect::<Vec<_>>(),
            [0, 1, 1, 1, 4, 5, 5]
        );
        assert_eq!(
            (0..=6)
                .map(|i| ceil_char_boundary(t, i))
                .collect::<Vec<_>>(),
            [0, 1, 4, 4, 4, 5, 5]
        );
    }

    #[test]
    fn slice_is_safe() {
        let t = "héllo";
        assert_eq!(Span::new(0, 1).slice(t), "h");
        assert_eq!(Span::new(1, 2).slice(t), ""); // inside 'é'
        assert_eq!(Span::new(3, 99).slice(t), "");
    }

    #[test]
    fn word_boundaries() {
        let t = "a deal, dealer (deal) édeal deal2 deal";
        let at = |i: usize| Span::new(i, i + 4).on_word_boundaries(t);
        assert!(at(2)); // "deal," after a space
        assert!(!at(8)); // "dealer"
        assert!(at(16)); // "(deal)"
        assert!(!at(24)); // after "é"
        assert!(!at(29)); // "deal2"
        assert!(at(35)); // at the end
        assert!(Span::new(0, 1).on_word_boundaries(t)); // at the start
    }
}
