//! What a claim is about: the words of its sentence that name the quantity
//! ("deal", "lease obligations", "shareholders ... own").
//!
//! A short noun phrase right after the claim wins ("$9 billion deal", "$10
//! billion of lease obligations", "a 66% premium"); otherwise the content
//! words just before it ("premium of 66%", "shareholders will own less than
//! 10%").

use std::borrow::Cow;

use super::Claim;
use crate::span::{Span, ceil_char_boundary, floor_char_boundary};

/// Function words never used as the topic (lower case). A `match`, not a
/// list searched in turn: every word near every claim is asked.
fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "about"
            | "after"
            | "all"
            | "also"
            | "an"
            | "and"
            | "approximately"
            | "are"
            | "around"
            | "as"
            | "at"
            | "be"
            | "been"
            | "before"
            | "being"
            | "between"
            | "but"
            | "by"
            | "can"
            | "could"
            | "each"
            | "for"
            | "from"
            | "had"
            | "has"
            | "have"
            | "he"
            | "her"
            | "his"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "just"
            | "less"
            | "may"
            | "more"
            | "nearly"
            | "no"
            | "not"
            | "of"
            | "on"
            | "or"
            | "over"
            | "per"
            | "roughly"
            | "said"
            | "she"
            | "so"
            | "some"
            | "than"
            | "that"
            | "the"
            | "their"
            | "them"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "to"
            | "under"
            | "up"
            | "upon"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "which"
            | "while"
            | "who"
            | "will"
            | "with"
            | "would"
    )
}

/// Words that end a noun phrase after the claim (lower case).
fn is_break_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "as"
            | "at"
            | "by"
            | "for"
            | "from"
            | "if"
            | "in"
            | "into"
            | "is"
            | "on"
            | "or"
            | "over"
            | "than"
            | "that"
            | "the"
            | "to"
            | "was"
            | "were"
            | "when"
            | "which"
            | "while"
            | "will"
            | "with"
            | "would"
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'
}

fn is_word(w: &str) -> bool {
    !w.is_empty() && w.chars().any(char::is_alphabetic)
}

/// The words of `s`, first to last.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_word_char(c)).filter(|w| is_word(w))
}

/// The words of `s`, last to first.
fn words_rev(s: &str) -> impl Iterator<Item = &str> {
    s.rsplit(|c: char| !is_word_char(c)).filter(|w| is_word(w))
}

/// `w` in lower case, borrowed when it already is (most words are).
fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes()
        .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b < 0x80)
    {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

fn is_stop(w: &str) -> bool {
    // A short ASCII word is lowered on the stack (no stop word is longer
    // than "approximately"), any other word as a string.
    let mut buf = [0u8; 13];
    match buf.get_mut(..w.len()) {
        Some(low) if w.is_ascii() => {
            low.copy_from_slice(w.as_bytes());
            low.make_ascii_lowercase();
            std::str::from_utf8(low).is_ok_and(is_stop_word)
        }
        _ => is_stop_word(&lower(w)),
    }
}

/// The about-words of `claim` in the sentence `sentence` of `text`.
pub(crate) fn about(text: &str, sentence: Span, claim: &Claim) -> String {
    // Look at most this far either side, so time stays linear in the text
    // even for a sentence that never ends.
    const WINDOW: usize = 240;
    let after_end = floor_char_boundary(text, sentence.end.min(claim.span.end + WINDOW));
    let before_start = ceil_char_boundary(
        text,
        sentence.start.max(claim.span.start.saturating_sub(WINDOW)),
    );
    let after_text = text.get(claim.span.end..after_end).unwrap_or("");
    // stop at the first clause break
    let clause_end = after_text
        .find([',', ';', ':', '.', '(', ')', '—', '–', '"', '”'])
        .unwrap_or(after_text.len());
    let mut phrase: Vec<&str> = Vec::new();
    let mut iter = words(&after_text[..clause_end]).peekable();
    if iter
        .peek()
        .is_some_and(|w| matches!(lower(w).as_ref(), "of" | "in"))
    {
        iter.next();
        while iter
            .peek()
            .is_some_and(|w| matches!(lower(w).as_ref(), "the" | "its" | "their" | "a" | "an"))
        {
            iter.next();
        }
    }
    for w in iter {
        let lw = lower(w);
        if is_break_word(&lw) || phrase.len() >= 4 {
            break;
        }
        // a verb after the noun ends the phrase: "deal closed", "parachutes lined up"
        if !phrase.is_empty() && (lw.ends_with("ed") || lw.ends_with("ing")) && lw.len() > 4 {
            break;
        }
        if lw.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        phrase.push(w);
    }
    // Only a phrase whose last word is a content word counts.
    while phrase.last().is_some_and(|w| is_stop(w)) {
        phrase.pop();
    }
    if !phrase.is_empty() && !phrase.iter().all(|w| is_stop(w)) {
        return phrase.join(" ").to_lowercase();
    }
    let before_text = text.get(before_start..claim.span.start).unwrap_or("");
    let clause_start = before_text
        .rfind([',', ';', ':', '(', ')', '—', '–', '"', '“'])
        .map_or(0, |p| {
            p + before_text[p..].chars().next().map_or(1, char::len_utf8)
        });
    // The last three content words, read from the end.
    let mut before: Vec<&str> = words_rev(&before_text[clause_start..])
        .filter(|w| !is_stop(w))
        .take(3)
        .collect();
    before.reverse();
    before.join(" ").to_lowercase()
}
