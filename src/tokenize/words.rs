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

/// The number of words in `text`.
pub fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

#[cfg(test)]
mod tests {
    use super::*;

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
