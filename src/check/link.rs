//! Linking a claim to the facts it may state.
//!
//! First compatibility: the claim and the fact must measure the same kind of
//! thing in the same unit (money in one currency, percent with percent,
//! durations with durations, counts of the same noun, a change only with a
//! change). Then evidence: the fact's cues, matched as whole words
//! (case-insensitive, light stemming: "owning" matches "own", "golden
//! parachutes" matches "golden parachute") in the claim's sentence, each
//! weighted by its length and by its distance in words from the claim. A cue
//! is discounted when it most likely belongs to something else: another
//! claim of its clause that is as near, a claim standing between it and this
//! one, another clause, the claim's own words (mostly its unit), or another
//! modifier than the fact's own ("annual meeting" for "special meeting").
//! The words of the fact's `about` add a little weight to break ties but
//! never link a claim on their own: a compatible fact without a single cue
//! in the sentence is no candidate.
//!
//! It also says when a number belongs to another company altogether
//! ([`other_party`]) and when a sentence speaks of the future
//! ([`forward_looking`]). Which facts are candidates, and how strongly, is
//! all it decides; judging a candidate is [`super::verdict`]'s job.

use std::sync::LazyLock;

use regex::Regex;

use super::record::Fact;
use crate::claims::{Claim, ClaimKind};
use crate::span::{Span, ceil_char_boundary, floor_char_boundary};

/// Days per year, for durations stated in days against facts in years.
const DAYS_PER_YEAR: f64 = 365.25;
/// A cue at `d` words from the claim weighs `1 / (1 + d / HALF_AT)`: half at
/// four words.
const HALF_AT: f64 = 4.0;
/// Weight kept by a cue inside the claim's own words ("fourth quarter" in
/// "in the fourth quarter of 2025"): those words are mostly the unit.
const IN_SPAN: f64 = 0.3;
/// Weight kept by a cue that more likely belongs to another claim (one at
/// least as near the cue, or one standing between the cue and this claim).
const OTHER_CLAIM: f64 = 0.3;
/// Weight kept by a cue in another clause of the sentence (across a
/// semicolon, a dash, a parenthesis, or ", plus", ", and", ", which"...).
const OTHER_CLAUSE: f64 = 0.5;
/// Weight of one word of the fact's `about` found near the claim, and the
/// most those words may add together.
const ABOUT_WORD: f64 = 0.2;
const ABOUT_MAX: f64 = 0.6;
/// Below this total a fact is too faintly cued to be linked; it can still
/// stop a contradiction (see [`super::verdict`]).
pub(crate) const MIN_SCORE: f64 = 0.2;
/// Money amounts below this, in a sentence that speaks of a share, may
/// state a per-share amount ("$142.50 in cash ... for each share").
const PER_SHARE_MAX: f64 = 10_000.0;

/// How a claim's numbers convert into the fact's unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Compat {
    /// Multiply the claim's numbers by this to get the fact's unit.
    pub factor: f64,
    /// The claim's unit is converted (days and years): the comparison is no
    /// longer exact.
    pub converted: bool,
    /// Percent against percentage points (or the other way round): only a
    /// unit error can be found, nothing else compared.
    pub unit_swap: bool,
}

impl Compat {
    const SAME: Compat = Compat {
        factor: 1.0,
        converted: false,
        unit_swap: false,
    };
}

static SHARE_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:per|a|each|every)\s+(?:[\w’'.-]+\s+){0,3}?share(?-u:\b)|(?-u:\b)per-share(?-u:\b)")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[;:()\[\]—–]|\s--?\s|,\s*(?:plus|and|but|while|whereas|with|which|who|whose|including|compared|versus|or)(?-u:\b)")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

static POSSESSOR_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)['’]s?\s*$")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

static TARGET_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:[a-z-]+\s+){0,2}?(?:acquisition|purchase|takeover|deal|bid|offer|buyout|merger|sale|stake)\s+(?:of|for|in|with)\s+((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// Capitalized words that own a number without being a party ("Monday's
/// close").
const NOT_PARTIES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Today",
    "Yesterday",
    "The",
    "This",
    "That",
    "Its",
    "Their",
];

/// The name of another company the claim belongs to, when the text says so
/// right at the number: "Microsoft's $75 billion acquisition" or "a $28
/// billion deal for Splunk" in a document checked against another deal's
/// record. Such a number is about that other deal and is not checked.
pub(crate) fn other_party(
    text: &str,
    sentence: Span,
    claim: &Claim,
    entities: &[String],
) -> Option<String> {
    // The patterns reach a few words either side of the number; looking
    // only that far keeps the cost per claim bounded in long sentences.
    let from = ceil_char_boundary(
        text,
        sentence
            .start
            .max(claim.span.start.saturating_sub(120))
            .min(claim.span.start),
    );
    let to = floor_char_boundary(
        text,
        sentence.end.min(claim.span.end + 200).max(claim.span.end),
    );
    let before = text.get(from..claim.span.start)?;
    let after = text.get(claim.span.end..to)?;
    let names = POSSESSOR_BEFORE
        .captures(before)
        .and_then(|c| c.get(1))
        .into_iter()
        .chain(TARGET_AFTER.captures(after).and_then(|c| c.get(1)));
    for name in names {
        let name = name.as_str().trim().trim_end_matches(['.', ',']);
        let last = name.split_whitespace().last().unwrap_or(name);
        if NOT_PARTIES.contains(&last) || NOT_PARTIES.contains(&name) {
            continue;
        }
        let lower = name.to_lowercase();
        let known = entities
            .iter()
            .map(|e| e.to_lowercase())
            .any(|e| !e.is_empty() && (lower.contains(&e) || e.contains(&lower)));
        if !known {
            return Some(name.to_string());
        }
    }
    None
}

static FORWARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:expects?|expected|expecting|will|anticipates?|anticipated|plans?|planned|planning|targets?|targeted|targeting|guidance|forecasts?|forecasted|projects?|projected|projections?|intends?|outlook|aims?|estimates?)(?-u:\b)",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// True when the sentence speaks of the future ("expects", "will",
/// "plans", "guidance"...): a claim in it that no fact holds is a
/// prediction.
pub(crate) fn forward_looking(sentence: &str) -> bool {
    FORWARD.is_match(sentence)
}

/// True when the sentence speaks of a share ("per share", "a share").
pub(crate) fn share_phrase(sentence: &str) -> bool {
    SHARE_PHRASE.is_match(sentence)
}

/// Whether `claim` can state `fact` at all, and how its numbers convert.
/// `share_phrase` says whether the claim's sentence speaks of a share (a
/// money amount in such a sentence may state a per-share fact); it reads the
/// whole sentence, so it is asked only when needed and callers answer it
/// once per sentence.
pub(crate) fn compatible(
    claim: &Claim,
    fact: &Fact,
    share_phrase: impl FnOnce() -> bool,
) -> Option<Compat> {
    if claim.change.is_some() != fact.change.is_some() {
        return None;
    }
    match (claim.kind, fact.kind) {
        (ClaimKind::Money, ClaimKind::PerShare) => {
            let currency = fact.unit.strip_suffix("/share")?;
            let small = claim
                .value
                .is_some_and(|v| v.to_f64().abs() < PER_SHARE_MAX);
            (claim.unit == currency && small && share_phrase()).then_some(Compat::SAME)
        }
        (a, b) if a != b => None,
        (ClaimKind::Percent, _) => Some(if claim.unit == fact.unit {
            Compat::SAME
        } else {
            Compat {
                unit_swap: true,
                ..Compat::SAME
            }
        }),
        (ClaimKind::Duration, _) => match (claim.unit.as_str(), fact.unit.as_str()) {
            (a, b) if a == b => Some(Compat::SAME),
            ("day", "year") => Some(Compat {
                factor: 1.0 / DAYS_PER_YEAR,
                converted: true,
                unit_swap: false,
            }),
            ("year", "day") => Some(Compat {
                factor: DAYS_PER_YEAR,
                converted: true,
                unit_swap: false,
            }),
            _ => None,
        },
        (ClaimKind::Count, _) => count_units_match(&claim.unit, fact).then_some(Compat::SAME),
        _ => (claim.unit == fact.unit).then_some(Compat::SAME),
    }
}

/// Counted nouns match plural-insensitively on their last word ("board
/// members" counts "members"); a claim's noun that is one of the fact's cues
/// ("21,588,639 abstentions" for a fact in votes cued "abstentions") matches
/// too.
fn count_units_match(claim_unit: &str, fact: &Fact) -> bool {
    let last = |u: &str| {
        u.split_whitespace()
            .last()
            .map(|w| stem(&w.to_lowercase()))
            .unwrap_or_default()
    };
    let noun = last(claim_unit);
    if noun.is_empty() {
        return false;
    }
    noun == last(&fact.unit)
        || fact
            .cues
            .iter()
            .any(|c| c.split_whitespace().count() == 1 && stem(&c.to_lowercase()) == noun)
}

/// One word of a sentence, lowercased and stemmed, with its span.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    word: String,
    span: Span,
}

/// The words of `text[within]`: Unicode words split further at apostrophes
/// and other inner punctuation ("CoreWeave’s" → coreweave, s), numbers
/// kept whole, each lowercased and stemmed.
pub(crate) fn tokens(text: &str, within: Span) -> Vec<Token> {
    let piece = within.slice(text);
    // Non-ASCII that is not a letter or digit (no-break spaces, curly
    // quotes, dashes) only separates words, as it does for the segmenter.
    if piece.is_ascii() || piece.chars().all(|c| c.is_ascii() || !c.is_alphanumeric()) {
        return ascii_tokens(piece, within.start);
    }
    general_tokens(text, within)
}

/// [`tokens`] through the Unicode word segmenter.
fn general_tokens(text: &str, within: Span) -> Vec<Token> {
    let mut out = Vec::new();
    for w in crate::tokenize::words(text, within) {
        let s = w.span.slice(text);
        if s.starts_with(|c: char| c.is_ascii_digit()) {
            out.push(Token {
                word: s.to_string(),
                span: w.span,
            });
            continue;
        }
        let mut start = None;
        for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(b)) => {
                    out.push(Token {
                        word: stem(&s[b..i].to_lowercase()),
                        span: Span::new(w.span.start + b, w.span.start + i),
                    });
                    start = None;
                }
                _ => {}
            }
        }
    }
    out
}

/// [`tokens`] for ASCII text, without the general word segmenter: a word
/// that starts with a digit runs on through letters, digits and `_`, and
/// across `,` `.` `;` `'` between two digits (UAX #29's numeric words:
/// "9.5", "1,234", "10K"); any other word is a run of letters and digits,
/// lowercased and stemmed.
fn ascii_tokens(s: &str, base: usize) -> Vec<Token> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 6);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            let start = i;
            i += 1;
            while i < b.len() {
                let x = b[i];
                if x.is_ascii_alphanumeric() || x == b'_' {
                    i += 1;
                } else if matches!(x, b',' | b'.' | b';' | b'\'')
                    && b[i - 1].is_ascii_digit()
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                {
                    i += 2;
                } else {
                    break;
                }
            }
            out.push(Token {
                word: s[start..i].to_string(),
                span: Span::new(base + start, base + i),
            });
        } else if c.is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            out.push(Token {
                word: stem(&s[start..i].to_ascii_lowercase()),
                span: Span::new(base + start, base + i),
            });
        } else {
            i += 1;
        }
    }
    out
}

/// A light stemmer for matching cues: strips one of -ies (→ y), -ing, -ed,
/// -es, -s, -e when at least three letters remain ("owning" → own, "closes"
/// and "close" → clos, "companies" → company).
pub(crate) fn stem(w: &str) -> String {
    if w.chars().any(|c| !c.is_alphabetic()) {
        return w.to_string();
    }
    let n = w.chars().count();
    let keep = |suffix: &str| n >= suffix.len() + 3 && w.ends_with(suffix);
    if keep("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    for suffix in ["ing", "ed", "es"] {
        if keep(suffix) {
            return w[..w.len() - suffix.len()].to_string();
        }
    }
    if keep("s") && !w.ends_with("ss") {
        return w[..w.len() - 1].to_string();
    }
    if keep("e") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Function words and the like that say nothing about which fact is meant.
const STOP: &[&str] = &[
    "about", "after", "also", "among", "and", "before", "being", "between", "both", "from", "have",
    "into", "its", "more", "only", "other", "over", "than", "that", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "under", "until", "upon", "were", "what",
    "when", "where", "which", "while", "with", "would",
];

/// The evidence that a claim states a fact.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Evidence {
    /// All cues (and `about` words) together.
    pub score: f64,
    /// The weight of the strongest single cue outside the claim's own words:
    /// a contradiction needs one solid cue, not many faint ones.
    pub strongest: f64,
    /// The cues found, as written in the record, strongest first.
    pub cues: Vec<String>,
}

/// A fact that may be what a claim states.
#[derive(Clone, Debug)]
pub(crate) struct Candidate<'r> {
    /// The fact.
    pub fact: &'r Fact,
    /// How the claim's numbers convert into the fact's unit.
    pub compat: Compat,
    /// How strongly the sentence ties the claim to the fact.
    pub evidence: Evidence,
}

/// The most claims linked to facts in one sentence. A sentence with more
/// numbers is a table or a list run together, where tying a number to a cue
/// is guesswork, and linking weighs each claim of a sentence against every
/// other, so a crowded sentence would cost the square of its claims. Its
/// claims are `unverifiable` (`crowded`). Of the 156,000 sentences of the
/// filings in `../shared/corpus-large`, the most numerous holds 36 claims.
pub const MAX_LINKED: usize = 64;

/// The claims of one sentence, located in its words.
pub(crate) struct SentenceView<'a> {
    /// The sentence's text.
    pub text: &'a str,
    /// The whole document's text (token spans point into it).
    doc: &'a str,
    tokens: Vec<Token>,
    /// For each claim of the sentence: its index in the document's claims
    /// and its word range.
    claims: Vec<(usize, std::ops::Range<usize>)>,
    /// Whether the sentence speaks of a share ("per share", "a share"),
    /// found the first time a claim asks.
    share_phrase: std::cell::OnceCell<bool>,
    /// Whether the sentence speaks of the future, found the first time a
    /// claim asks.
    forward_looking: std::cell::OnceCell<bool>,
}

impl<'a> SentenceView<'a> {
    /// The view of sentence `span` of `text`, with the claims that lie in it
    /// (found by binary search: looking through every claim of the document
    /// for each sentence would make a long document quadratic).
    pub(crate) fn new(text: &'a str, span: Span, claims: &[Claim]) -> SentenceView<'a> {
        let tokens = tokens(text, span);
        // Claims come in text order: look only at those starting in the sentence.
        let lo = claims.partition_point(|c| c.span.start < span.start);
        let hi = claims.partition_point(|c| c.span.start < span.end);
        let located = claims[lo..hi.max(lo)]
            .iter()
            .enumerate()
            .map(|(k, c)| (lo + k, c))
            .filter(|(_, c)| span.overlaps(c.span) || (c.span.is_empty() && span.contains(c.span)))
            .map(|(i, c)| (i, word_range(&tokens, c.span)))
            .collect();
        SentenceView {
            text: span.slice(text),
            doc: text,
            tokens,
            claims: located,
            share_phrase: std::cell::OnceCell::new(),
            forward_looking: std::cell::OnceCell::new(),
        }
    }

    /// [`forward_looking`] for this sentence, read once.
    pub(crate) fn forward_looking(&self) -> bool {
        *self
            .forward_looking
            .get_or_init(|| forward_looking(self.text))
    }

    /// [`compatible`] for a claim of this sentence.
    pub(crate) fn compatible(&self, claim: &Claim, fact: &Fact) -> Option<Compat> {
        compatible(claim, fact, || {
            *self.share_phrase.get_or_init(|| share_phrase(self.text))
        })
    }

    fn range_of(&self, claim: usize) -> Option<std::ops::Range<usize>> {
        self.claims
            .iter()
            .find(|(i, _)| *i == claim)
            .map(|(_, r)| r.clone())
    }

    /// True when a clause boundary lies between the word ranges `a` and `b`.
    fn clause_break(&self, a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
        let (first, second) = if a.end <= b.start { (a, b) } else { (b, a) };
        let (Some(x), Some(y)) = (
            first.end.checked_sub(1).and_then(|i| self.tokens.get(i)),
            self.tokens.get(second.start),
        ) else {
            return false;
        };
        self.doc
            .get(x.span.end..y.span.start)
            .is_some_and(|between| CLAUSE_BREAK.is_match(between))
    }
}

/// The word indices a span covers (an empty range at its place when it
/// covers no word).
fn word_range(tokens: &[Token], span: Span) -> std::ops::Range<usize> {
    let first = tokens
        .iter()
        .position(|t| t.span.end > span.start)
        .unwrap_or(tokens.len());
    let end = tokens
        .iter()
        .rposition(|t| t.span.start < span.end)
        .map_or(first, |i| i + 1)
        .max(first);
    first..end
}

/// Words between a cue at `cue` and a claim at `claim` (0 when they touch or
/// overlap).
fn distance(cue: &std::ops::Range<usize>, claim: &std::ops::Range<usize>) -> usize {
    if cue.end <= claim.start {
        claim.start - cue.end
    } else {
        cue.start.saturating_sub(claim.end)
    }
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn proximity(d: usize) -> f64 {
    1.0 / (1.0 + d as f64 / HALF_AT)
}

/// The facts `claims[index]` may state, strongest evidence first. Facts
/// without a cue in the sentence are left out; faintly cued ones (below
/// [`MIN_SCORE`]) are kept for the verdict to weigh.
pub(crate) fn candidates<'r>(
    view: &SentenceView<'_>,
    claims: &[Claim],
    index: usize,
    facts: &[FactWords<'r>],
) -> Vec<Candidate<'r>> {
    let Some(claim) = claims.get(index) else {
        return Vec::new();
    };
    let Some(own) = view.range_of(index) else {
        return Vec::new();
    };
    let mut out: Vec<Candidate<'r>> = facts
        .iter()
        .filter_map(|fact_words| {
            let compat = view.compatible(claim, fact_words.fact)?;
            let evidence = evidence(view, claims, index, &own, fact_words);
            (!evidence.cues.is_empty()).then_some(Candidate {
                fact: fact_words.fact,
                compat,
                evidence,
            })
        })
        .collect();
    out.sort_by(|a, b| b.evidence.score.total_cmp(&a.evidence.score));
    out
}

/// A fact's cues and `about` as words, read once per document checked
/// rather than once per claim that could state the fact.
pub(crate) struct FactWords<'r> {
    fact: &'r Fact,
    /// Each cue's stemmed words with the cue as written, longest first.
    cues: Vec<(Vec<String>, &'r str)>,
    /// The words of `about` that weigh as evidence (four letters or more,
    /// not stop words), each once.
    about: Vec<String>,
}

impl<'r> FactWords<'r> {
    pub(crate) fn new(fact: &'r Fact) -> FactWords<'r> {
        let mut cues: Vec<(Vec<String>, &str)> = fact
            .cues
            .iter()
            .map(|c| (words_of(c), c.as_str()))
            .filter(|(t, _)| !t.is_empty())
            .collect();
        cues.sort_by_key(|c| std::cmp::Reverse(c.0.len()));
        let mut about: Vec<String> = Vec::new();
        for word in words_of(&fact.about) {
            if word.chars().count() >= 4 && !STOP.contains(&word.as_str()) && !about.contains(&word)
            {
                about.push(word);
            }
        }
        FactWords { fact, cues, about }
    }
}

/// Whether the words `words` occur in the sentence, in a row.
fn occurs(view: &SentenceView<'_>, words: &[String]) -> bool {
    view.tokens
        .windows(words.len())
        .any(|w| w.iter().zip(words).all(|(t, w)| &t.word == w))
}

fn evidence(
    view: &SentenceView<'_>,
    claims: &[Claim],
    index: usize,
    own: &std::ops::Range<usize>,
    fact_words: &FactWords<'_>,
) -> Evidence {
    let fact = fact_words.fact;
    // Most facts have no cue in a given sentence: say so before weighing.
    if !fact_words.cues.iter().any(|(w, _)| occurs(view, w)) {
        return Evidence::default();
    }
    // Other claims of the sentence that could state this fact too.
    let rivals: Vec<std::ops::Range<usize>> = view
        .claims
        .iter()
        .filter(|(i, _)| *i != index)
        .filter(|(i, _)| {
            claims
                .get(*i)
                .is_some_and(|c| view.compatible(c, fact).is_some())
        })
        .map(|(_, r)| r.clone())
        .collect();
    let others: Vec<std::ops::Range<usize>> = view
        .claims
        .iter()
        .filter(|(i, _)| *i != index)
        .map(|(_, r)| r.clone())
        .collect();
    let cues = &fact_words.cues;
    let mut used: Vec<std::ops::Range<usize>> = Vec::new();
    let mut found: Vec<(f64, bool, &str)> = Vec::new();
    for (words, cue) in cues {
        let mut best: Option<(f64, bool, std::ops::Range<usize>)> = None;
        for start in 0..view.tokens.len().saturating_sub(words.len() - 1) {
            let at = start..start + words.len();
            if !view.tokens[at.clone()]
                .iter()
                .zip(words)
                .all(|(t, w)| &t.word == w)
            {
                continue;
            }
            if used.iter().any(|u| overlaps(u, &at)) {
                continue;
            }
            let d = distance(&at, own);
            let inside = overlaps(&at, own);
            let mut w = (1.0 + 0.5 * (words.len() as f64 - 1.0)).min(3.0) * proximity(d);
            if inside {
                w *= IN_SPAN;
            } else {
                let between = |r: &std::ops::Range<usize>| {
                    let (lo, hi) = if at.end <= own.start {
                        (at.end, own.start)
                    } else {
                        (own.end, at.start)
                    };
                    r.start >= lo && r.end <= hi && r.start < r.end
                };
                // A rival in another clause than the cue does not take it,
                // unless this claim is in another clause too.
                let nearer = |r: &std::ops::Range<usize>| {
                    distance(&at, r) <= d
                        && (!view.clause_break(&at, r) || view.clause_break(&at, own))
                };
                if others.iter().any(between) || rivals.iter().any(nearer) {
                    w *= OTHER_CLAIM;
                }
                if words.len() == 1 && other_modifier(view, at.start, &words[0], cues) {
                    w *= OTHER_CLAIM;
                }
                if view.clause_break(&at, own) {
                    w *= OTHER_CLAUSE;
                }
            }
            if best.as_ref().is_none_or(|b| w > b.0) {
                best = Some((w, inside, at));
            }
        }
        if let Some((w, inside, at)) = best {
            used.push(at);
            found.push((w, inside, cue));
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut score: f64 = found.iter().map(|f| f.0).sum();
    let strongest = found
        .iter()
        .filter(|f| !f.1)
        .map(|f| f.0)
        .fold(0.0, f64::max);
    if !found.is_empty() {
        score += about_words(view, own, &fact_words.about);
    }
    Evidence {
        score,
        strongest,
        cues: found.into_iter().map(|f| f.2.to_string()).collect(),
    }
}

/// Words before a noun that do not make it another thing.
const DETERMINERS: &[&str] = &[
    "a", "an", "and", "any", "at", "by", "for", "from", "her", "his", "in", "it", "its", "of",
    "on", "or", "our", "s", "that", "the", "their", "this", "those", "to", "was", "which", "with",
];

/// True when the one-word cue at word `at` is modified otherwise than the
/// fact's own longer cue for it: "annual meeting" against a fact cued
/// "special meeting" and "meeting", "a new lease" against "future lease".
fn other_modifier(
    view: &SentenceView<'_>,
    at: usize,
    word: &str,
    cues: &[(Vec<String>, &str)],
) -> bool {
    let Some(before) = at.checked_sub(1).and_then(|i| view.tokens.get(i)) else {
        return false;
    };
    if DETERMINERS.contains(&before.word.as_str())
        || before.word.starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let longer: Vec<&Vec<String>> = cues
        .iter()
        .map(|(w, _)| w)
        .filter(|w| w.len() >= 2 && w.last().is_some_and(|l| l == word))
        .collect();
    !longer.is_empty()
        && !longer
            .iter()
            .any(|w| w.get(w.len() - 2) == Some(&before.word))
}

/// The stemmed words of a cue (or any short record text).
fn words_of(cue: &str) -> Vec<String> {
    tokens(cue, Span::new(0, cue.len()))
        .into_iter()
        .map(|t| t.word)
        .collect()
}

/// Weight of the words of the fact's `about` that stand near the claim.
fn about_words(view: &SentenceView<'_>, own: &std::ops::Range<usize>, about: &[String]) -> f64 {
    let mut sum = 0.0;
    for word in about {
        let near = view
            .tokens
            .iter()
            .enumerate()
            .filter(|(i, w)| &w.word == word && !own.contains(i))
            .map(|(i, _)| distance(&(i..i + 1), own))
            .min();
        if let Some(d) = near {
            sum += ABOUT_WORD * proximity(d);
        }
    }
    sum.min(ABOUT_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_match_inflections() {
        for (a, b) in [
            ("owning", "own"),
            ("closes", "close"),
            ("closing", "close"),
            ("parachutes", "parachute"),
            ("votes", "voted"),
            ("companies", "company"),
            ("abstentions", "abstention"),
            ("leases", "lease"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_ne!(stem("owners"), stem("own"));
        assert_eq!(stem("fee"), "fee");
        assert_eq!(stem("process"), "process");
    }

    #[test]
    fn ascii_fast_path_equals_the_segmenter() {
        for t in [
            "VMware's owners walk away with $9.5 billion, 1,234 votes; 10-K and Q4 2025 (A.B. test) 10K 3.5x e.g. it's",
            "Holders get 0.1235 shares for each share: $20.40 a share, up 66%.",
            "a_b 1_000 9'5 1;2 x.y.z",
            "CoreWeave\u{2019}s \u{201c}deal\u{201d} \u{2014} $9\u{a0}billion",
        ] {
            let fast: Vec<(String, Span)> = ascii_tokens(t, 0)
                .into_iter()
                .map(|k| (k.word, k.span))
                .collect();
            let slow: Vec<(String, Span)> = general_tokens(t, Span::new(0, t.len()))
                .into_iter()
                .map(|k| (k.word, k.span))
                .collect();
            assert_eq!(fast, slow, "{t:?}");
        }
    }

    #[test]
    fn tokens_split_apostrophes_and_keep_numbers() {
        let t = "VMware’s owners walk away with $9.5 billion";
        let words: Vec<String> = tokens(t, Span::new(0, t.len()))
            .into_iter()
            .map(|t| t.word)
            .collect();
        assert_eq!(
            words,
            [
                "vmwar", "s", "owner", "walk", "away", "with", "9.5", "billion"
            ]
        );
    }

    #[test]
    fn numbers_of_other_parties() {
        let entities = vec![
            "Broadcom".to_string(),
            "VMware".to_string(),
            "Core Scientific".to_string(),
        ];
        // The claim must be found, so that a `None` below is other_party's.
        let party = |t: &str, claim: &str| {
            let at = t
                .find(claim)
                .unwrap_or_else(|| panic!("{claim:?} not in {t:?}"));
            let c = crate::claims::extract(t, &crate::tokenize::sentences(t), &[], None);
            let c = c
                .iter()
                .find(|c| c.span.start == at)
                .unwrap_or_else(|| panic!("no claim at {claim:?} in {t:?}"));
            other_party(t, Span::new(0, t.len()), c, &entities)
        };
        assert_eq!(
            party("It trails Microsoft's $75 billion acquisition.", "$75"),
            Some("Microsoft".into())
        );
        assert_eq!(
            party("It trails a $28 billion deal for Splunk.", "$28"),
            Some("Splunk".into())
        );
        assert_eq!(
            party("It trails Elon Musk’s $44 billion Twitter deal.", "$44"),
            Some("Elon Musk".into())
        );
        assert_eq!(
            party("Broadcom's $61 billion takeover of VMware closed.", "$61"),
            None
        );
        assert_eq!(
            party("It was a $61 billion acquisition of VMware.", "$61"),
            None
        );
        assert_eq!(party("Core Scientific's 1.3 GW footprint.", "1.3"), None);
        assert_eq!(party("Thursday's $165.20 close.", "$165"), None);
        assert_eq!(party("The company's $9 billion deal.", "$9"), None);
    }

    #[test]
    fn share_phrases() {
        for s in [
            "$142.50 in cash for each VMware share",
            "about $20.40 a share",
            "$20.40 per Core Scientific share",
            "for every share",
        ] {
            assert!(SHARE_PHRASE.is_match(s), "{s}");
        }
        for s in ["$9 billion for the shares", "shareholders own 9%"] {
            assert!(!SHARE_PHRASE.is_match(s), "{s}");
        }
    }
}
