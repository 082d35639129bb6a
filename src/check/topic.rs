//! Whether a claim's neighbourhood speaks of the deal: one of the record's
//! entities (case-sensitive, whole words) or a deal word
//! (`deal_words.toml`: "merger", "the transaction", "go-shop"; any case,
//! whole words) in the claim's sentence, the [`BEFORE`] sentences before it
//! or the [`AFTER`] after it.
//!
//! A contradiction needs this (see [`super::verdict::off_topic`]): a filing
//! that names both parties once is checked against the deal's record, and
//! its other numbers (a lease that "expires on June 30, 2027", a tax rate
//! "of up to 30%") sit beside a record's cues ("expires") as the deal's do.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::tokenize::Sentence;

/// Sentences looked at before the claim's own.
pub(crate) const BEFORE: usize = 5;
/// Sentences looked at after the claim's own.
pub(crate) const AFTER: usize = 2;

#[derive(Deserialize)]
struct DealWords {
    words: Vec<String>,
}

/// The deal words, compiled in.
static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    toml::from_str::<DealWords>(include_str!("deal_words.toml"))
        .map(|w| w.words)
        .unwrap_or_else(|e| panic!("deal_words.toml: {e}"))
});

/// True when the deal is named near sentence `sentence` of `text`: an entity
/// or a deal word in it, the [`BEFORE`] sentences before it or the
/// [`AFTER`] after it. Without sentences, the claim's own `span` is read
/// instead of its sentence.
pub(crate) fn deal_named_near(
    text: &str,
    sentences: &[Sentence],
    sentence: usize,
    span: crate::span::Span,
    entities: &[String],
) -> bool {
    if sentences.get(sentence).is_none() {
        return names_deal(span.slice(text), entities);
    }
    let first = sentence.saturating_sub(BEFORE);
    let last = (sentence + AFTER).min(sentences.len() - 1);
    sentences[first..=last]
        .iter()
        .any(|s| names_deal(s.span.slice(text), entities))
}

/// True when `text` holds an entity (as written) or a deal word (any case),
/// each as whole words.
fn names_deal(text: &str, entities: &[String]) -> bool {
    if entities.iter().any(|e| has_word(text, e)) {
        return true;
    }
    let lower = text.to_lowercase();
    WORDS.iter().any(|w| has_word(&lower, w))
}

/// True when `word` occurs in `text` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    whole_words(text, word).next().is_some()
}

/// Where `word` occurs in `text` with no letter or digit touching it.
pub(crate) fn whole_words<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(word)
        .filter(move |&(i, w)| {
            let before = text[..i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            !w.is_empty()
                && !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn near(text: &str, claim_at: &str, entities: &[&str]) -> bool {
        let sentences = crate::tokenize::sentences(text);
        let at = text
            .find(claim_at)
            .unwrap_or_else(|| panic!("{claim_at:?}"));
        let sentence = sentences
            .iter()
            .position(|s| s.span.start <= at && at < s.span.end)
            .unwrap_or_else(|| panic!("no sentence at {at}"));
        let entities: Vec<String> = entities.iter().map(|e| e.to_string()).collect();
        let span = Span::new(at, at + claim_at.len());
        deal_named_near(text, &sentences, sentence, span, &entities)
    }

    #[test]
    fn the_words_are_lower_case_distinct_and_trimmed() {
        assert!(WORDS.len() >= 10);
        for w in WORDS.iter() {
            assert!(
                !w.is_empty()
                    && w.trim() == w
                    && w.chars().all(|c| c.is_ascii_lowercase()
                        || c.is_ascii_digit()
                        || c == ' '
                        || c == '-'),
                "{w:?}"
            );
        }
        let mut sorted = WORDS.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), WORDS.len(), "a deal word is listed twice");
    }

    #[test]
    fn an_entity_or_a_deal_word_in_the_window_names_the_deal() {
        let parties = ["Broadcom", "VMware"];
        // In the claim's own sentence.
        assert!(near(
            "VMware holders get $142.50 a share.",
            "$142.50",
            &parties
        ));
        assert!(near("The merger closes in 2023.", "2023", &[]));
        assert!(near("The Transaction closes in 2023.", "2023", &[]));
        // Five sentences before it, and two after it.
        let before = "The deal is done. One. Two. Three. Four. It took 18 months.";
        assert!(near(before, "18 months", &[]));
        let too_far = "The deal is done. One. Two. Three. Four. Five. It took 18 months.";
        assert!(!near(too_far, "18 months", &[]));
        let after = "It took 18 months. One. VMware is now Broadcom's.";
        assert!(near(after, "18 months", &parties));
        let after_too_far = "It took 18 months. One. Two. VMware is now Broadcom's.";
        assert!(!near(after_too_far, "18 months", &parties));
    }

    #[test]
    fn other_words_and_parts_of_words_do_not() {
        // Entities are case-sensitive names, whole words.
        assert!(!near(
            "The vmware lease expires in 2027.",
            "2027",
            &["VMware"]
        ));
        assert!(!near(
            "The VMwareX lease expires in 2027.",
            "2027",
            &["VMware"]
        ));
        // Deal words are whole words: a dealer, transactions, a mergers desk.
        assert!(!near("The dealer's lease expires in 2027.", "2027", &[]));
        assert!(!near("Foreign currency transactions fell 4%.", "4%", &[]));
        assert!(!near(
            "The office lease expires on June 30, 2027.",
            "2027",
            &["Broadcom"]
        ));
        // An entity next to an apostrophe or a bracket is whole.
        assert!(near(
            "Broadcom’s lease expires in 2027.",
            "2027",
            &["Broadcom"]
        ));
        assert!(near("(VMware) expires in 2027.", "2027", &["VMware"]));
    }

    #[test]
    fn without_sentences_the_claim_itself_is_read() {
        let text = "the merger: 18 months";
        let span = Span::new(0, text.len());
        assert!(deal_named_near(text, &[], 0, span, &[]));
        assert!(!deal_named_near("18 months", &[], 0, Span::new(0, 9), &[]));
    }
}
