//! Whether a claim's neighbourhood speaks of the deal, which a
//! contradiction needs in a long document.
//!
//! A filing of hundreds of pages that names both parties once is checked
//! against the deal's record, and its other numbers (a lease that "expires
//! on June 30, 2027", a tax "of up to 30%") sit beside a record's cues
//! ("expires", "above") as the deal's own numbers do. So in a document of
//! more than [`LONG`] sentences, a claim can be contradicted only when one
//! of the record's entities or a deal word (`deal_words.toml`: "merger",
//! "the transaction", "go-shop") stands in its sentence, the [`BEFORE`]
//! sentences before it or the [`AFTER`] after it. Names (tickers excepted)
//! and deal words are read as the cues are ([`normalise`]: any case, any
//! run of white space, a line break or a no-break space, as one space,
//! curly apostrophes straight), as whole words. A shorter document (a press
//! release, a news story, an op-ed) is about the deal throughout: it was
//! chosen for naming the parties, and writers there refer to the deal as
//! "the Xbox maker" or "the purchase" many sentences after naming it.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::rhetoric::normalise;
use crate::span::Span;
use crate::tokenize::Sentence;

/// Documents of at most this many sentences (headings included) are about
/// the deal throughout. Press releases, news and op-eds run to 20–120;
/// annual reports and prospectuses to thousands.
pub(crate) const LONG: usize = 200;
/// Sentences looked at before the claim's own.
pub(crate) const BEFORE: usize = 5;
/// Sentences looked at after the claim's own.
pub(crate) const AFTER: usize = 2;

#[derive(Deserialize)]
struct DealWords {
    words: Vec<String>,
    exceptions: Vec<String>,
}

/// The deal words and their exceptions, compiled in.
static WORDS: LazyLock<DealWords> = LazyLock::new(|| {
    toml::from_str::<DealWords>(include_str!("deal_words.toml"))
        .unwrap_or_else(|e| panic!("deal_words.toml: {e}"))
});

/// The record's entities as [`names_deal`] reads them.
pub(crate) struct Entities {
    /// Tickers ("VMW", "CORZ"), matched as written.
    tickers: Vec<String>,
    /// Names, in the cues' normal form ([`normalise`]).
    names: Vec<String>,
}

impl Entities {
    pub(crate) fn new(entities: &[String]) -> Entities {
        let (tickers, names): (Vec<&String>, Vec<&String>) =
            entities.iter().partition(|e| super::is_ticker(e));
        Entities {
            tickers: tickers.into_iter().cloned().collect(),
            names: names.into_iter().map(|n| normalise(n)).collect(),
        }
    }
}

/// True when the deal is named near sentence `sentence` (see the module
/// docs); always true in a document of at most [`LONG`] sentences.
pub(crate) fn deal_named_near(
    text: &str,
    sentences: &[Sentence],
    sentence: usize,
    entities: &Entities,
) -> bool {
    if sentences.len() <= LONG || sentence >= sentences.len() {
        return true;
    }
    let first = sentence.saturating_sub(BEFORE);
    let last = (sentence + AFTER).min(sentences.len() - 1);
    sentences[first..=last]
        .iter()
        .any(|s| names_deal(s.span.slice(text), entities))
}

/// True when `text` holds an entity or a deal word as whole words.
fn names_deal(text: &str, entities: &Entities) -> bool {
    if entities.tickers.iter().any(|t| has_word(text, t)) {
        return true;
    }
    let mut lower = normalise(text);
    if entities.names.iter().any(|n| has_word(&lower, n)) {
        return true;
    }
    for x in &WORDS.exceptions {
        if lower.contains(x.as_str()) {
            lower = lower.replace(x.as_str(), " ");
        }
    }
    WORDS.words.iter().any(|w| has_word(&lower, w))
}

/// True when `word` occurs in `text` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    whole_words(text, word).next().is_some()
}

/// Where `word` occurs in `text` with no letter or digit touching it.
pub(crate) fn whole_words<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(word)
        .filter(move |&(i, w)| !w.is_empty() && Span::new(i, i + w.len()).on_word_boundaries(text))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the deal is named near `claim_at` (its last occurrence) in a
    /// long document: `LONG` sentences of filler, then `parts`.
    fn near(parts: &[&str], claim_at: &str, entities: &[&str]) -> bool {
        let filler = "Our engineers work in many countries. ".repeat(LONG);
        let text = format!("{filler}{}", parts.join(" "));
        let sentences = crate::tokenize::sentences(&text);
        assert!(
            sentences.len() > LONG,
            "{} sentences: {:?}",
            sentences.len(),
            &parts
        );
        let at = text
            .rfind(claim_at)
            .unwrap_or_else(|| panic!("{claim_at:?}"));
        let sentence = sentences
            .iter()
            .position(|s| s.span.start <= at && at < s.span.end)
            .unwrap_or_else(|| panic!("no sentence at {at}"));
        let entities: Vec<String> = entities.iter().map(|e| e.to_string()).collect();
        deal_named_near(&text, &sentences, sentence, &Entities::new(&entities))
    }

    #[test]
    fn the_lists_are_lower_case_distinct_and_trimmed() {
        for list in [&WORDS.words, &WORDS.exceptions] {
            assert!(!list.is_empty());
            for w in list.iter() {
                assert!(
                    !w.is_empty()
                        && w.trim() == w
                        && !w.contains("  ")
                        && w.chars().all(|c| c.is_ascii_lowercase()
                            || c.is_ascii_digit()
                            || matches!(c, ' ' | '-' | '\'')),
                    "{w:?}"
                );
            }
            let mut sorted = list.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(&sorted, list, "a list is unsorted or has a repeat");
        }
        // Every exception holds a word it excepts.
        for x in &WORDS.exceptions {
            assert!(WORDS.words.iter().any(|w| has_word(x, w)), "{x:?}");
        }
    }

    #[test]
    fn a_short_document_is_about_the_deal_throughout() {
        let text = "The office lease expires on June 30, 2027.";
        let sentences = crate::tokenize::sentences(text);
        assert!(deal_named_near(text, &sentences, 0, &Entities::new(&[])));
        assert!(deal_named_near(text, &[], 0, &Entities::new(&[])));
    }

    #[test]
    fn an_entity_or_a_deal_word_in_the_window_names_the_deal() {
        let parties = ["Broadcom", "VMware", "VMW"];
        // In the claim's own sentence.
        assert!(near(
            &["VMware holders get $142.50 a share."],
            "$142.50",
            &parties
        ));
        assert!(near(&["The merger closes in 2023."], "2023", &[]));
        assert!(near(&["The Transaction closes in 2023."], "2023", &[]));
        // Five sentences before it, and two after it.
        let five = ["The deal is done. One. Two. Three. Four. It took 18 months."];
        assert!(near(&five, "18 months", &[]));
        let six = ["The deal is done. One. Two. Three. Four. Five. It took 18 months."];
        assert!(!near(&six, "18 months", &[]));
        let after = ["It took 18 months. One. VMware is now Broadcom's."];
        assert!(near(&after, "18 months", &parties));
        let too_far = ["It took 18 months. One. Two. VMware is now Broadcom's."];
        assert!(!near(&too_far, "18 months", &parties));
    }

    #[test]
    fn names_fold_case_and_white_space_tickers_do_not() {
        let parties = ["Core Scientific", "CORZ"];
        for written in [
            "Core Scientific",
            "core scientific",
            "CORE SCIENTIFIC",
            "Core\nScientific",
            "Core\u{a0}Scientific",
            "Core  Scientific’s",
            "(NASDAQ: CORZ)",
        ] {
            let s = format!("Last year {written} paid a fee of $270 million.");
            assert!(near(&[&s], "$270 million", &parties), "{written:?}");
        }
        assert!(!near(
            &["The corz fee is $270 million."],
            "$270 million",
            &parties
        ));
        // Apostrophes read straight, as in the cues.
        let store = ["Macy's"];
        assert!(near(
            &["Last year Macy’s paid $270 million."],
            "$270 million",
            &store
        ));
        assert!(!near(
            &["Core Scientifics pay $270 million."],
            "$270 million",
            &parties
        ));
    }

    #[test]
    fn other_words_and_parts_of_words_do_not() {
        for s in [
            "The dealer's lease expires in 2027.",
            "Foreign currency transactions fell 4% in 2027.",
            "A great deal of the lease expires in 2027.",
            "We deal with leases that expire in 2027.",
            "A combination of leases expires in 2027.",
            "We allocate the transaction price of leases expiring in 2027.",
            "Acquired intangible assets amortise until 2027.",
        ] {
            assert!(!near(&[s], "2027", &["Broadcom"]), "{s:?}");
        }
        for s in [
            "The acquisition of VMware closed in 2023.",
            "The business combination closed in 2023.",
            "The termination fee was set in 2023.",
            "The Go-Shop ended in 2023.",
        ] {
            assert!(near(&[s], "2023", &[]), "{s:?}");
        }
    }
}
