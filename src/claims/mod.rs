//! Quantitative claims: the number grammar of deal documents.
//!
//! [`extract`] finds every stated quantity in a text (money, per-share
//! amounts, percentages, exchange ratios, multiples, durations, counts,
//! power, and dates that are themselves the claim), reads it exactly
//! ([`number::Decimal`]), and notes what qualifies it (comparators, ranges,
//! changes, quotation marks) and what it is about. It does not judge claims;
//! that is [`crate::check`].

mod about;
mod grammar;
pub mod number;
mod units;

use serde::{Deserialize, Serialize};

use crate::date::Period;
use crate::span::{Ranged, Span};
use crate::tokenize::{Quotation, Sentence, inside_quotation};
pub use number::Decimal;
pub use units::known_unit;

/// What a claim measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// An amount of money.
    Money,
    /// Money per share ("$20.40 per share").
    PerShare,
    /// A percentage, or percentage points (`pp`).
    Percent,
    /// An exchange ratio ("0.1235 shares ... for each share").
    Ratio,
    /// A multiple ("2x", "tripled").
    Multiple,
    /// A length of time, in years (or days).
    Duration,
    /// A number of things, the counted noun as unit.
    Count,
    /// Electric power, in watts.
    Power,
    /// A date or period that is itself the claim.
    Date,
}

impl ClaimKind {
    /// The snake_case name used in reports and records.
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Money => "money",
            ClaimKind::PerShare => "per_share",
            ClaimKind::Percent => "percent",
            ClaimKind::Ratio => "ratio",
            ClaimKind::Multiple => "multiple",
            ClaimKind::Duration => "duration",
            ClaimKind::Count => "count",
            ClaimKind::Power => "power",
            ClaimKind::Date => "date",
        }
    }
}

/// How the stated number bounds the quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// Stated as is ("$9 billion").
    Eq,
    /// Approximately ("about", "roughly", "nearly", "some", "~").
    Approx,
    /// Strictly below ("less than", "under", "below").
    Lt,
    /// At or below ("up to", "at most", "no more than").
    Le,
    /// Strictly above ("more than", "over", "north of").
    Gt,
    /// At or above ("at least", "no less than", "1 GW+").
    Ge,
    /// Between `value` and `upper` ("$9-10 billion").
    Range,
}

impl Comparator {
    /// The snake_case name used in reports and records.
    pub fn name(self) -> &'static str {
        match self {
            Comparator::Eq => "eq",
            Comparator::Approx => "approx",
            Comparator::Lt => "lt",
            Comparator::Le => "le",
            Comparator::Gt => "gt",
            Comparator::Ge => "ge",
            Comparator::Range => "range",
        }
    }
}

/// For approximations, which side of the number the truth is said to lie on:
/// "nearly $10 billion" is at or a little below, "just over 10%" a little above.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lean {
    /// At or a little below ("nearly", "almost", "just under").
    Below,
    /// A little above ("just over", "slightly more than").
    Above,
}

/// The direction of a change ("fell 4%", "rose 33%").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// An increase.
    Up,
    /// A decrease.
    Down,
}

/// One stated quantity with what qualifies it.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// What it measures.
    pub kind: ClaimKind,
    /// The whole claim phrase, comparator and unit included.
    pub span: Span,
    /// The value in the unit's base (9e9 for "$9 billion"); `None` for dates.
    pub value: Option<Decimal>,
    /// The upper end of a range.
    pub upper: Option<Decimal>,
    /// `USD`, `USD/share`, `%`, `pp`, `shares/share`, `x`, `year`, `day`,
    /// `W`, `date`, or the counted noun.
    pub unit: String,
    /// How the number bounds the quantity.
    pub comparator: Comparator,
    /// The comparator's words as written ("more than", "~"), if any.
    pub comparator_text: Option<String>,
    /// For approximations: the side the truth lies on.
    pub lean: Option<Lean>,
    /// Half a unit of the last stated digit, in the unit's base.
    pub precision: f64,
    /// For date claims: the period stated.
    pub period: Option<Period>,
    /// For changes: the direction.
    pub change: Option<Change>,
    /// The words that say what the number is about.
    pub about: String,
    /// The claim stands inside quotation marks.
    pub quoted: bool,
    /// Index of its sentence in the document's sentence list.
    pub sentence: usize,
}

impl Ranged for Claim {
    fn span(&self) -> Span {
        self.span
    }
}

/// Extracts the claims of `text`, whose sentences and quotations are given (as
/// [`crate::tokenize`] finds them), in text order.
/// `date` is the document's date: it places dates written without a year
/// ("on October 28").
pub fn extract(
    text: &str,
    sentences: &[Sentence],
    quotes: &[Quotation],
    date: Option<crate::date::Date>,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    let year = date.map(|d| d.year);
    let mut scratch = grammar::Scratch::default();
    for (i, s) in sentences.iter().enumerate() {
        grammar::sentence_claims(text, s.span, i, year, &mut scratch, &mut claims);
    }
    for c in &mut claims {
        if let Some(s) = sentences.get(c.sentence) {
            c.about = about::about(text, s.span, c);
        }
        c.quoted = inside_quotation(quotes, c.span);
    }
    claims
}
