//! Whose voice a marker is in, and whether it sits in legal boilerplate.
//!
//! Voice: inside a quotation → [`Voice::Quoted`]; else in a heading →
//! [`Voice::Heading`]; else [`Voice::Author`].
//!
//! Boilerplate: the sections of a filing or press release that the law
//! writes rather than the author: the forward-looking-statements legend
//! (and its "safe harbor" and "cautionary statement" variants), "Additional
//! Information and Where to Find It", "Participants in the Solicitation",
//! "No Offer or Solicitation", "Legal Proceedings", and a proxy's
//! "Questions and Answers". A section starts
//!
//! - at a heading that names it, and runs to the next heading (a Q&A runs
//!   on through its question headings, to the next heading that is not a
//!   question); or
//! - at a sentence that says "forward-looking statements" and opens a
//!   paragraph (or says "within the meaning of" or "safe harbor"), and runs to
//!   the end of that paragraph and of the paragraphs after it that still
//!   speak of risks, uncertainties or forward-looking statements.
//!
//! Either way a section is bounded: at most [`MAX_PARAGRAPHS`] paragraphs
//! and [`MAX_SENTENCES`] sentences, so a missed heading cannot turn the rest
//! of a filing into boilerplate.
//!
//! This module says where; it does not decide what a marker means.

use super::Voice;
use crate::span::Span;
use crate::tokenize::{Quotation, Sentence};

/// Most paragraphs one boilerplate section spans.
pub(crate) const MAX_PARAGRAPHS: usize = 12;
/// Most sentences one boilerplate section spans (a proxy Q&A is long).
pub(crate) const MAX_SENTENCES: usize = 400;

/// The voice of a marker at `span` in `sentence`.
pub(crate) fn voice(quotes: &[Quotation], sentence: &Sentence, span: Span) -> Voice {
    if crate::tokenize::inside_quotation(quotes, span) {
        Voice::Quoted
    } else if sentence.heading {
        Voice::Heading
    } else {
        Voice::Author
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Forward-looking statements, safe harbor, cautionary statement.
    Legend,
    /// Other legal sections, recognised by their heading only.
    Section,
    /// A proxy's questions and answers.
    QandA,
}

/// The phrases that open a boilerplate section. They are patterns of the one
/// cue automaton ([`super::Rhetoric`]), so finding them costs no second
/// pass; their hits go to [`boilerplate`], not to markers.
pub(crate) const CUES: &[(&str, Cue)] = &[
    ("forward-looking statement", Cue::Legend),
    ("forward-looking statements", Cue::Legend),
    ("forward looking statement", Cue::Legend),
    ("forward looking statements", Cue::Legend),
    ("forward\u{2011}looking statement", Cue::Legend),
    ("forward\u{2011}looking statements", Cue::Legend),
    ("forward\u{2010}looking statement", Cue::Legend),
    ("forward\u{2010}looking statements", Cue::Legend),
    ("safe harbor", Cue::Legend),
    ("safe harbour", Cue::Legend),
    ("cautionary statement", Cue::Legend),
    ("cautionary note", Cue::Legend),
    ("cautionary language", Cue::Legend),
    ("additional information and where to find it", Cue::Section),
    ("important additional information", Cue::Section),
    ("participants in the solicitation", Cue::Section),
    ("no offer or solicitation", Cue::Section),
    ("legal proceedings", Cue::Section),
    ("questions and answers", Cue::QandA),
];

/// True when a blank line separates the two positions.
fn blank_line_between(text: &str, a: usize, b: usize) -> bool {
    let gap = &text[a.min(b)..b];
    let mut newlines = 0;
    for c in gap.chars() {
        if c == '\n' {
            newlines += 1;
            if newlines >= 2 {
                return true;
            }
        } else if !c.is_whitespace() {
            newlines = 0;
        }
    }
    false
}

/// Words that carry a legend on into its next paragraph.
const LEGEND_WORDS: &[&str] = &[
    "forward-looking",
    "forward looking",
    "risk",
    "uncertaint",
    "undertake",
    "safe harbor",
    "factors",
    "assumptions",
];

/// ASCII-case-insensitive `contains`.
fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn mentions_legend(s: &str) -> bool {
    LEGEND_WORDS.iter().any(|w| contains_ci(s, w))
}

/// The boilerplate sections of `text`, in order, as spans that cover whole
/// sentences. `hits` are the positions of [`CUES`] in the text, in order:
/// (byte offset, index into [`CUES`]).
pub(crate) fn boilerplate(
    text: &str,
    sentences: &[Sentence],
    hits: &[(usize, usize)],
) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut next_free = 0; // first sentence not yet inside a section
    let mut last_seen = None; // a sentence is judged once per kind of cue
    for &(at, pattern) in hits {
        let Some(&(_, cue)) = CUES.get(pattern) else {
            continue;
        };
        let i = sentences.partition_point(|s| s.span.end <= at);
        if i < next_free || last_seen == Some((i, cue)) {
            continue;
        }
        last_seen = Some((i, cue));
        let Some(s) = sentences.get(i).filter(|s| s.span.start <= at) else {
            continue;
        };
        let body = s.span.slice(text);
        let last = if s.heading {
            section_after_heading(text, sentences, i, cue == Cue::QandA)
        } else if cue == Cue::Legend {
            let opens_paragraph = i == 0
                || blank_line_between(text, sentences[i - 1].span.end, s.span.start)
                || sentences[i - 1].heading;
            let lower = body.to_lowercase();
            if opens_paragraph
                || lower.contains("within the meaning of")
                || lower.contains("safe harbor")
            {
                Some(legend_paragraphs(text, sentences, i))
            } else {
                None
            }
        } else {
            None
        };
        if let Some(last) = last {
            out.push(Span::new(s.span.start, sentences[last].span.end));
            next_free = last + 1;
        }
    }
    out
}

/// From heading `i` to the sentence before the next heading.
fn section_after_heading(
    text: &str,
    sentences: &[Sentence],
    i: usize,
    q_and_a: bool,
) -> Option<usize> {
    let mut last = i;
    let mut paragraphs = 1;
    for (k, s) in sentences.iter().enumerate().skip(i + 1) {
        if s.heading && !(q_and_a && s.span.slice(text).trim_end().ends_with('?')) {
            break;
        }
        if k - i > MAX_SENTENCES {
            break;
        }
        if blank_line_between(text, sentences[k - 1].span.end, s.span.start) {
            paragraphs += 1;
            if paragraphs > MAX_PARAGRAPHS && !q_and_a {
                break;
            }
        }
        last = k;
    }
    Some(last)
}

/// From legend sentence `i` to the end of its paragraph and of the
/// paragraphs after it that still speak of risks or forward-looking
/// statements.
fn legend_paragraphs(text: &str, sentences: &[Sentence], i: usize) -> usize {
    let mut last = i;
    let mut paragraphs = 1;
    for (k, s) in sentences.iter().enumerate().skip(i + 1) {
        if s.heading || k - i > MAX_SENTENCES {
            break;
        }
        if blank_line_between(text, sentences[k - 1].span.end, s.span.start) {
            paragraphs += 1;
            let item = s
                .span
                .slice(text)
                .starts_with(['•', '·', '▪', '-', '*', '(']);
            if paragraphs > MAX_PARAGRAPHS || !(item || mentions_legend(s.span.slice(text))) {
                break;
            }
        }
        last = k;
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::sentences;

    fn sections(text: &str) -> Vec<&str> {
        let lower = text.to_lowercase();
        let mut hits: Vec<(usize, usize)> = CUES
            .iter()
            .enumerate()
            .flat_map(|(k, (c, _))| lower.match_indices(c).map(move |(at, _)| (at, k)))
            .collect();
        hits.sort();
        boilerplate(text, &sentences(text), &hits)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn legend_after_heading_runs_to_next_heading() {
        let t = "Deal text. It will close.\n\nForward-Looking Statements\n\nThis release contains forward-looking statements. They may differ.\n\nMore risks may arise.\n\nAbout CoreWeave\n\nCoreWeave will grow.";
        assert_eq!(
            sections(t),
            [
                "Forward-Looking Statements\n\nThis release contains forward-looking statements. They may differ.\n\nMore risks may arise."
            ]
        );
    }

    #[test]
    fn legend_sentence_runs_to_end_of_its_paragraphs() {
        let t = "CoreWeave will grow.\n\nThis press release contains forward-looking statements. Actual results may differ.\n\nRisks include dilution.\n\nCoreWeave is a cloud platform. It will grow.";
        assert_eq!(
            sections(t),
            [
                "This press release contains forward-looking statements. Actual results may differ.\n\nRisks include dilution."
            ]
        );
    }

    #[test]
    fn a_passing_mention_is_not_a_legend() {
        assert!(
            sections(
                "With the push to project an image of forward-looking innovation, firms expand."
            )
            .is_empty()
        );
        assert!(
            sections("We grew. Our forward-looking statements may prove wrong, analysts said.")
                .is_empty()
        );
    }
}
