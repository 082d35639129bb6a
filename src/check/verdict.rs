//! Verdicts: one claim against its candidate facts, and the one-line reason
//! a person can check (what the document says, what the record says, where
//! the record got it, and why the two agree or not).
//!
//! [`judge`] compares a claim with one fact through their intervals
//! ([`super::interval`]); [`decide`] weighs the candidates [`super::link`]
//! found and settles on one verdict. The rules lean one way: a false
//! `contradicted` accuses a writer of a misstatement, so a contradiction
//! needs a compatible unit, one solid cue, a clear lead over any other
//! candidate and intervals that do not meet; and it gives way when any
//! well-evidenced fact supports the claim, when a faintly cued one does
//! (ambiguous), when the number is exactly another fact's figure
//! ([`twin`], ambiguous), when it is many times off (another quantity),
//! when a date lies after the document's own (a later event), or, in a
//! long document, when the deal is named nowhere near it ([`off_topic`]).
//! Numbers are rendered the way a reviewer writes them ($10 billion, 9.4%,
//! 12 years, 1.3 GW).

use super::interval::{Interval, Stated, claim_interval, fact_interval, implied_precision, same};
use super::link::{Candidate, Compat, MIN_SCORE};
use super::record::{Fact, FactValue, Qualifier};
use super::{Check, MatchKind, Severity, Undecided, Verdict};
use crate::claims::{Claim, ClaimKind, Comparator};
use crate::date::Date;

/// A contradiction needs a cue at least this strong outside the claim's
/// words (one word right beside it weighs 1, at four words 0.5).
pub(crate) const SOLID: f64 = 0.5;
/// For date claims the cue must be closer still: a date sits among many
/// events.
pub(crate) const SOLID_DATE: f64 = 0.6;
/// The best candidate must outweigh a disagreeing runner-up by this factor.
pub(crate) const MARGIN: f64 = 1.5;
/// A supporting candidate counts when its evidence reaches this share of
/// the best candidate's.
pub(crate) const SUPPORT_SHARE: f64 = 0.5;
/// Slack for unit conversions that are not exact (days and years).
const CONVERSION_SLACK: f64 = 0.02;
/// Relative error from which a contradiction is gross.
const GROSS: f64 = 0.25;
/// A contradicted number more than this many times off the fact (or less
/// than its inverse) is taken for another quantity, unless it is the fact
/// with its decimal point shifted.
const PLAUSIBLE: f64 = 5.0;

/// How a claim compares with one fact.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Outcome {
    /// The fact confirms the claim.
    Supported(MatchKind),
    /// The claim lies outside the fact; `why` says by how much.
    Contradicted { severity: Severity, why: String },
    /// The fact only bounds (or rounds) what the claim states more precisely.
    TooCoarse(String),
    /// The two cannot be compared (a percentage against percentage points
    /// that is no unit error, a missing value).
    Incomparable,
    /// So far off the fact ("98% under", "40 times") that the number is
    /// most likely another quantity: not linked.
    FarOff(String),
}

impl Outcome {
    /// True for a supported outcome.
    pub(crate) fn is_supported(&self) -> bool {
        matches!(self, Outcome::Supported(_))
    }
}

/// Compares `claim` with `fact` (numbers converted by `compat`), with the
/// approximation tolerance `tolerance`.
pub(crate) fn judge(claim: &Claim, fact: &Fact, compat: &Compat, tolerance: f64) -> Outcome {
    if claim.kind == ClaimKind::Date {
        return judge_date(claim, fact);
    }
    let (Some(v), Some(fv)) = (claim.value.map(|d| d.to_f64()), fact.value.number()) else {
        return Outcome::Incomparable;
    };
    let k = compat.factor;
    let stated = Stated {
        value: v * k,
        upper: claim.upper.map(|u| u.to_f64() * k),
        precision: claim.precision * k,
        comparator: comparator_of(claim),
        lean: claim.lean,
    };
    let mut c = claim_interval(&stated, tolerance);
    if compat.converted {
        c = c.widened(CONVERSION_SLACK * stated.value.abs());
    }
    let f = fact_interval(
        fv,
        fact.qualifier,
        fact.upper.as_ref().and_then(FactValue::number),
        tolerance,
    );
    if compat.unit_swap {
        return if c.intersects(&f) {
            let (a, b) = if claim.unit == "pp" {
                ("percentage points", "%")
            } else {
                ("%", "percentage points")
            };
            Outcome::Contradicted {
                severity: Severity::Gross,
                why: format!("unit error: {a} for {b}"),
            }
        } else {
            Outcome::Incomparable
        };
    }
    if let (Some(a), Some(b)) = (claim.change, fact.change) {
        if a != b {
            let dir = |c: crate::claims::Change| {
                if c == crate::claims::Change::Up {
                    "up"
                } else {
                    "down"
                }
            };
            return Outcome::Contradicted {
                severity: Severity::Gross,
                why: format!(
                    "wrong direction: the record says {}, the document {}",
                    dir(b),
                    dir(a)
                ),
            };
        }
    }
    let contradicted = || contradiction(claim, &stated, &c, fact, fv, &f);
    match fact.qualifier {
        Qualifier::Exact => {
            let pf = implied_precision(fv);
            if c.contains(fv) {
                Outcome::Supported(match_kind(claim, fact, same(stated.value, fv)))
            } else if pf > 0.0 && c.intersects(&Interval::closed(fv - pf, fv + pf)) {
                Outcome::TooCoarse(
                    "the record gives a rounded figure and cannot settle the claim's last digit"
                        .into(),
                )
            } else {
                contradicted()
            }
        }
        Qualifier::Approx => {
            if c.contains(fv) {
                Outcome::Supported(match_kind(claim, fact, false))
            } else if c.intersects(&f) {
                Outcome::TooCoarse(
                    "the record's figure is itself approximate and cannot settle the claim".into(),
                )
            } else {
                contradicted()
            }
        }
        Qualifier::Range => {
            if c.intersects(&f) {
                Outcome::Supported(match_kind(claim, fact, false))
            } else {
                contradicted()
            }
        }
        Qualifier::Lt | Qualifier::Le | Qualifier::Gt | Qualifier::Ge => {
            if f.within(&c) {
                Outcome::Supported(MatchKind::Bound)
            } else if !c.intersects(&f) {
                contradicted()
            } else {
                Outcome::TooCoarse(
                    "the record only bounds the value, and the claim is more precise".into(),
                )
            }
        }
    }
}

/// The comparator the check reads. "Over" before a duration is ambiguous
/// ("spread over 12 years" is across twelve years, not more than twelve),
/// and a contradiction must not hang on that reading: it is taken as the
/// plain number.
fn comparator_of(claim: &Claim) -> Comparator {
    let over = claim
        .comparator_text
        .as_deref()
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("over"));
    if claim.kind == ClaimKind::Duration && claim.comparator == Comparator::Gt && over {
        Comparator::Eq
    } else {
        claim.comparator
    }
}

fn match_kind(claim: &Claim, fact: &Fact, equal: bool) -> MatchKind {
    if claim.lean.is_some() {
        return MatchKind::Approximate;
    }
    match comparator_of(claim) {
        Comparator::Lt | Comparator::Le | Comparator::Gt | Comparator::Ge => MatchKind::Bound,
        Comparator::Range => MatchKind::Range,
        Comparator::Approx => MatchKind::Approximate,
        Comparator::Eq => match fact.qualifier {
            Qualifier::Exact if equal => MatchKind::Exact,
            Qualifier::Range => MatchKind::Approximate,
            _ => MatchKind::Rounded,
        },
    }
}

/// Severity and wording of a numeric contradiction.
fn contradiction(
    claim: &Claim,
    stated: &Stated,
    c: &Interval,
    fact: &Fact,
    fv: f64,
    f: &Interval,
) -> Outcome {
    // Scale errors are sought only against a fact that pins the value down:
    // against a bound every large enough multiple would "match".
    // Only amounts that scale words apply to ("$2.7 billion" for "$270
    // million"): a per-share price or a par value of $0.001 is not a
    // thousand-fold slip of anything.
    let scalable = matches!(
        claim.kind,
        ClaimKind::Money | ClaimKind::Count | ClaimKind::Power
    ) && !f.is_unbounded()
        && stated.value.abs() >= 1000.0
        && fv.abs() >= 1000.0;
    if scalable {
        for k in [1e3, 1e6, 1e-3, 1e-6] {
            if shift_explains(stated, c, k, f) {
                let said = scale_word(stated.value);
                let meant = scale_word(stated.value * k);
                return Outcome::Contradicted {
                    severity: Severity::Gross,
                    why: format!("scale error: {said} for {meant}"),
                };
            }
        }
    }
    // The claim's number nearest the fact, and the fact's nearest the claim.
    let cp = match (stated.comparator, stated.upper) {
        (Comparator::Range, Some(u)) if (u - fv).abs() < (stated.value - fv).abs() => u,
        _ => stated.value,
    };
    let fp = match (
        fact.qualifier,
        fact.upper.as_ref().and_then(FactValue::number),
    ) {
        (Qualifier::Range, Some(u)) if (u - cp).abs() < (fv - cp).abs() => u,
        _ => fv,
    };
    // A number many times off the fact, without being a clean shift of the
    // decimal point, is most likely another quantity the cue also fits
    // ("$7.7 billion of revenue recognized from deferred revenue" against
    // total revenue of $391 billion), not a misstatement of this one.
    let ratio = if fp == 0.0 {
        f64::INFINITY
    } else {
        (cp / fp).abs()
    };
    if !(1.0 / PLAUSIBLE..=PLAUSIBLE).contains(&ratio) {
        let shifted = !f.is_unbounded()
            && (1..=2).any(|k| {
                let m = 10f64.powi(k);
                shift_explains(stated, c, m, f) || shift_explains(stated, c, 1.0 / m, f)
            });
        let off = relative(cp / fp - 1.0);
        return if shifted {
            Outcome::Contradicted {
                severity: Severity::Gross,
                why: format!("decimal point shifted: {off} the record"),
            }
        } else {
            Outcome::FarOff(format!("{off} the record's figure"))
        };
    }
    let rel = if fp == 0.0 {
        f64::INFINITY
    } else {
        (cp - fp) / fp.abs()
    };
    let strict = matches!(stated.comparator, Comparator::Lt | Comparator::Gt)
        || matches!(fact.qualifier, Qualifier::Lt | Qualifier::Gt);
    let on_strict_boundary =
        strict && c.gap(f) == 0.0 && (c.contains(fp) || f.contains(cp) || same(cp, fp));
    // One step of the last stated digit ("at least 50%" for 49%).
    let one_step = c.gap(f) <= 2.0 * stated.precision * (1.0 + 1e-9);
    let severity = if rel.abs() >= GROSS {
        Severity::Gross
    } else if on_strict_boundary || one_step {
        Severity::Minor
    } else {
        Severity::Major
    };
    let bound = match fact.qualifier {
        Qualifier::Gt | Qualifier::Ge => Some("lower bound"),
        Qualifier::Lt | Qualifier::Le => Some("upper bound"),
        _ => None,
    };
    let why = if on_strict_boundary {
        "exactly on the boundary, which the record excludes".to_string()
    } else {
        let off = relative(rel);
        match bound {
            Some(b) => format!("{off} the record's {b}"),
            None => format!("{off} the record"),
        }
    };
    Outcome::Contradicted { severity, why }
}

/// How close the stated number, shifted, must come to the fact for the shift
/// to explain a contradiction: a tenth of the shifted number.
const SHIFT_CLOSE: f64 = 0.1;

/// Whether moving the claim's number by the factor `k` (a scale word, a
/// decimal point) makes it the fact: the shifted interval meets the fact's
/// and the shifted number itself lies within [`SHIFT_CLOSE`] of it. The
/// interval alone is not enough: "up to $105 million" shifted is "up to
/// $105 billion", which meets a $1.5 billion fee without being it, and the
/// ±50% interval of a one-digit "$0.1 million" meets $69 billion a million
/// times over.
fn shift_explains(stated: &Stated, c: &Interval, k: f64, f: &Interval) -> bool {
    let x = stated.value * k;
    let gap = if f.contains(x) {
        0.0
    } else {
        [f.lo, f.hi]
            .into_iter()
            .filter(|e| e.is_finite())
            .map(|e| (x - e).abs())
            .fold(f64::INFINITY, f64::min)
    };
    c.scaled(k).intersects(f) && gap <= SHIFT_CLOSE * x.abs()
}

/// "25% over", "20% under", "10 times".
fn relative(rel: f64) -> String {
    if !rel.is_finite() {
        return "off".to_string();
    }
    let ratio = 1.0 + rel;
    if ratio >= 2.0 {
        return format!("{} times", trim_number(ratio, 1));
    }
    if ratio > 0.0 && ratio <= 0.5 {
        return format!("{}% under", trim_number(-rel * 100.0, 0));
    }
    let pct = rel.abs() * 100.0;
    let digits = if pct >= 10.0 {
        0
    } else if pct >= 1.0 {
        1
    } else {
        2
    };
    let word = if rel >= 0.0 { "over" } else { "under" };
    format!("{}% {word}", trim_number(pct, digits))
}

fn scale_word(x: f64) -> &'static str {
    let a = x.abs();
    if a >= 1e12 {
        "trillion"
    } else if a >= 1e9 {
        "billion"
    } else if a >= 1e6 {
        "million"
    } else if a >= 1e3 {
        "thousand"
    } else {
        "units"
    }
}

/// Date claims against date facts, day by day.
fn judge_date(claim: &Claim, fact: &Fact) -> Outcome {
    let (Some(p), FactValue::Period(fp)) = (claim.period, &fact.value) else {
        return Outcome::Incomparable;
    };
    let day = |d: Date| d.days() as f64;
    let c = match claim.comparator {
        Comparator::Lt => Interval::below(day(p.start), true),
        Comparator::Le => Interval::below(day(p.end), false),
        Comparator::Gt => Interval::above(day(p.end), true),
        Comparator::Ge => Interval::above(day(p.start), false),
        Comparator::Approx => {
            let slack = (0.1 * (day(p.end) - day(p.start))).max(3.0);
            Interval::closed(day(p.start) - slack, day(p.end) + slack)
        }
        Comparator::Eq | Comparator::Range => Interval::closed(day(p.start), day(p.end)),
    };
    let upper_end = match &fact.upper {
        Some(FactValue::Period(u)) => u.end,
        _ => fp.end,
    };
    let f = match fact.qualifier {
        Qualifier::Exact => Interval::closed(day(fp.start), day(fp.end)),
        Qualifier::Approx => {
            let slack = (0.1 * (day(fp.end) - day(fp.start))).max(3.0);
            Interval::closed(day(fp.start) - slack, day(fp.end) + slack)
        }
        Qualifier::Lt => Interval::below(day(fp.start), true),
        Qualifier::Le => Interval::below(day(fp.end), false),
        Qualifier::Gt => Interval::above(day(fp.end), true),
        Qualifier::Ge => Interval::above(day(fp.start), false),
        Qualifier::Range => Interval::closed(day(fp.start), day(upper_end)),
    };
    let bound = matches!(
        fact.qualifier,
        Qualifier::Lt | Qualifier::Le | Qualifier::Gt | Qualifier::Ge
    );
    if f.within(&c) {
        let kind = if bound || c.is_unbounded() {
            MatchKind::Bound
        } else if p == *fp {
            MatchKind::Exact
        } else {
            MatchKind::Rounded
        };
        return Outcome::Supported(kind);
    }
    if c.intersects(&f) {
        let why = if bound {
            "the record only bounds the date, and the claim is more precise"
        } else {
            "the record's date is coarser than the claim's"
        };
        return Outcome::TooCoarse(why.into());
    }
    // How far the claimed date (its middle, for a period) lies from the
    // nearest day the record allows.
    let mid = if c.is_unbounded() {
        if c.lo.is_finite() { c.lo } else { c.hi }
    } else {
        (c.lo + c.hi) / 2.0
    };
    let nearest = if mid < f.lo { f.lo } else { f.hi };
    let off = (mid - nearest).abs().round().max(1.0) as i64;
    let severity = match off {
        1 => Severity::Minor,
        2..=31 => Severity::Major,
        _ => Severity::Gross,
    };
    let side = if c.hi <= f.lo { "before" } else { "after" };
    let days = if off == 1 {
        "1 day".to_string()
    } else {
        format!("{off} days")
    };
    Outcome::Contradicted {
        severity,
        why: format!("{days} {side} the record's date"),
    }
}

/// One candidate with its outcome.
#[derive(Clone, Debug)]
pub(crate) struct Judged<'r> {
    /// The candidate.
    pub candidate: Candidate<'r>,
    /// How the claim compares with it.
    pub outcome: Outcome,
}

/// What [`decide`] needs to know about the claim besides its candidates.
pub(crate) struct Context<'a> {
    /// The claim.
    pub claim: &'a Claim,
    /// The claim as written (white space normalized).
    pub stated: String,
    /// The id of the record.
    pub record_id: &'a str,
    /// The claim's sentence speaks of the future.
    pub forward_looking: bool,
    /// The approximation tolerance.
    pub tolerance: f64,
    /// The company the text says the number belongs to, when it is no party
    /// to the record's deal.
    pub elsewhere: Option<String>,
    /// The number of claims in the claim's sentence, when there are too many
    /// to link any ([`super::link::MAX_LINKED`]).
    pub crowded: Option<usize>,
    /// The document's date, if known.
    pub document_date: Option<Date>,
}

/// A date claim after the document's own date speaks of a later event: it
/// cannot misstate an event the record dates before the document.
fn later_event(cx: &Context<'_>, fact: &Fact) -> bool {
    match (cx.claim.period, &fact.value, cx.document_date) {
        (Some(p), FactValue::Period(f), Some(d)) => p.start > d && f.end <= d,
        _ => false,
    }
}

/// Settles on one verdict from the judged candidates (strongest evidence
/// first).
pub(crate) fn decide(cx: &Context<'_>, judged: &[Judged<'_>]) -> Check {
    let live: Vec<&Judged<'_>> = judged
        .iter()
        .filter(|j| {
            !matches!(j.outcome, Outcome::Incomparable | Outcome::FarOff(_))
                && j.candidate.evidence.score >= MIN_SCORE
        })
        .collect();
    let Some(best) = live.first() else {
        let far = judged.iter().find_map(|j| match &j.outcome {
            Outcome::FarOff(off) if j.candidate.evidence.score >= MIN_SCORE => Some(format!(
                "fact {} ({}) is cued, but the number is {off}: most likely another quantity",
                j.candidate.fact.id,
                render_fact(j.candidate.fact)
            )),
            _ => None,
        });
        return undecided(cx, far);
    };
    let best_score = best.candidate.evidence.score;
    // Among the well-evidenced facts that support the claim, the one with
    // the strongest single cue (the nearest, most specific) is named.
    let support = live
        .iter()
        .filter(|j| {
            j.outcome.is_supported() && j.candidate.evidence.score >= SUPPORT_SHARE * best_score
        })
        .max_by(|a, b| {
            let (ea, eb) = (&a.candidate.evidence, &b.candidate.evidence);
            ea.strongest
                .total_cmp(&eb.strongest)
                .then(ea.score.total_cmp(&eb.score))
        });
    if let Some(j) = support {
        if let Outcome::Supported(kind) = j.outcome {
            return found(
                cx,
                j,
                Verdict::Supported,
                Some(kind),
                None,
                describe_match(kind, cx.claim, j.candidate.fact, cx.tolerance),
            );
        }
    }
    // No well-evidenced fact supports the claim. A disagreeing runner-up
    // that comes close makes it ambiguous.
    let rival = live.iter().skip(1).find(|j| {
        j.candidate.evidence.score * MARGIN > best_score
            && !same_value(j.candidate.fact, best.candidate.fact)
    });
    if let Some(r) = rival {
        return ambiguous(cx, best, r);
    }
    match &best.outcome {
        Outcome::Contradicted { .. } if faint_support(judged, best).is_some() => {
            // Another fact the sentence hints at, however faintly, fits the
            // number: the writer may well mean that one.
            let other = faint_support(judged, best).unwrap_or(best);
            ambiguous(cx, best, other)
        }
        Outcome::Contradicted { severity, why } => {
            let solid = if cx.claim.kind == ClaimKind::Date {
                SOLID_DATE
            } else {
                SOLID
            };
            if later_event(cx, best.candidate.fact) {
                let note =
                    "the date is after the document's own, so it is a later event".to_string();
                return undecided(cx, Some(note));
            }
            if best.candidate.evidence.strongest < solid {
                let fact = best.candidate.fact;
                let note = format!(
                    "fact {}, {}, is linked only by a distant cue",
                    fact.id,
                    render_fact(fact)
                );
                return undecided(cx, Some(note));
            }
            found(
                cx,
                best,
                Verdict::Contradicted,
                None,
                Some(*severity),
                why.clone(),
            )
        }
        Outcome::TooCoarse(why) => {
            let mut c = found(cx, best, Verdict::Unverifiable, None, None, why.clone());
            c.undecided = Some(Undecided::RecordTooCoarse);
            c
        }
        Outcome::Supported(_) | Outcome::Incomparable | Outcome::FarOff(_) => undecided(cx, None),
    }
}

/// A contradiction in a long document where the deal is named nowhere
/// near the claim ([`super::topic`]): unverifiable (`far_from_deal`), the
/// number most likely about something else. The fact and what the
/// contradiction would have said are kept, for a reviewer to weigh.
pub(crate) fn off_topic(cx: &Context<'_>, contradiction: Check, sentences: usize) -> Check {
    let far = format!(
        "neither the deal nor a party to it is named within {} sentences before the claim or {} after it, in a document of {sentences} sentences: the number is most likely about something else",
        super::topic::BEFORE,
        super::topic::AFTER
    );
    let would = contradiction.why.as_deref().unwrap_or("outside the record");
    let why = format!("{far} (it would be {would})");
    let reason = fact_reason(
        cx,
        contradiction.record.as_deref().unwrap_or_default(),
        contradiction.source.as_deref().unwrap_or_default(),
        &why,
        contradiction.fact.as_deref().unwrap_or_default(),
    );
    Check {
        verdict: Verdict::Unverifiable,
        match_kind: None,
        severity: None,
        undecided: Some(Undecided::FarFromDeal),
        reason,
        why: Some(why),
        ..contradiction
    }
}

/// The claim's number, as written, is exactly what another fact of the
/// record says (its rounding interval holds that fact's value): "$75
/// billion" against a deal value of $68.7 billion when the record also
/// holds the $75.4 billion paid at closing. A writer who states another
/// fact's figure most likely means that fact, cue or no cue; the claim is
/// then not contradicted but ambiguous between the two. Bounds and ranges
/// are not matched this way.
pub(crate) fn twin(cx: &Context<'_>, linked: &Fact, others: &[(&Fact, Compat)]) -> Option<Check> {
    let claim = cx.claim;
    if !matches!(claim.comparator, Comparator::Eq | Comparator::Approx) {
        return None;
    }
    let exact = Claim {
        comparator: Comparator::Eq,
        lean: None,
        ..claim.clone()
    };
    others
        .iter()
        .filter(|(f, _)| {
            f.id != linked.id
                && !matches!(
                    f.qualifier,
                    Qualifier::Lt | Qualifier::Le | Qualifier::Gt | Qualifier::Ge
                )
        })
        .find(|(f, compat)| matches!(judge(&exact, f, compat, 0.0), Outcome::Supported(_)))
        .map(|(f, _)| {
            ambiguous_facts(
                cx,
                linked,
                f,
                "are both in the record, and the number is the second one's",
            )
        })
}

/// A candidate other than `best`, however faintly cued, that supports the
/// claim.
fn faint_support<'a, 'r>(judged: &'a [Judged<'r>], best: &Judged<'_>) -> Option<&'a Judged<'r>> {
    judged
        .iter()
        .find(|j| j.outcome.is_supported() && j.candidate.fact.id != best.candidate.fact.id)
}

fn same_value(a: &Fact, b: &Fact) -> bool {
    a.value == b.value && a.qualifier == b.qualifier && a.upper == b.upper && a.unit == b.unit
}

fn describe_match(kind: MatchKind, claim: &Claim, fact: &Fact, tolerance: f64) -> String {
    let date = claim.kind == ClaimKind::Date;
    let plain = !matches!(kind, MatchKind::Bound | MatchKind::Range);
    match kind {
        _ if plain && fact.qualifier == Qualifier::Range => "inside the record's range".to_string(),
        MatchKind::Exact if date => "the same date".to_string(),
        MatchKind::Rounded if date => "the record's date falls in it".to_string(),
        MatchKind::Exact => "the same figure".to_string(),
        MatchKind::Rounded => "the record's figure rounds to it".to_string(),
        MatchKind::Approximate => {
            format!(
                "within the approximation tolerance of {}%",
                trim_number(tolerance * 100.0, 2)
            )
        }
        MatchKind::Bound => "the stated bound holds".to_string(),
        MatchKind::Range => "the record's figure lies in the stated range".to_string(),
    }
}

fn quoted_note(claim: &Claim) -> &'static str {
    if claim.quoted {
        " (quoted speech, checked as the speaker's claim)"
    } else {
        ""
    }
}

/// The one-line reason of a verdict tied to one fact: what the document
/// states, what the record says and where from, why they agree or not.
fn fact_reason(cx: &Context<'_>, record: &str, source: &str, why: &str, fact: &str) -> String {
    format!(
        "states {}; record: {record} ({source}) — {why}; fact {fact}{}",
        cx.stated,
        quoted_note(cx.claim)
    )
}

/// A verdict tied to one fact.
fn found(
    cx: &Context<'_>,
    j: &Judged<'_>,
    verdict: Verdict,
    match_kind: Option<MatchKind>,
    severity: Option<Severity>,
    why: String,
) -> Check {
    let fact = j.candidate.fact;
    let record = render_fact(fact);
    let why = match severity {
        Some(s) => format!("{why} ({})", s.name()),
        None => why,
    };
    let reason = fact_reason(cx, &record, &fact.source, &why, &fact.id);
    Check {
        verdict,
        match_kind,
        severity,
        undecided: None,
        fact: Some(fact.id.clone()),
        candidates: Vec::new(),
        reason,
        stated: Some(cx.stated.clone()),
        record: Some(record),
        source: Some(fact.source.clone()),
        about: Some(fact.about.clone()),
        why: Some(why),
    }
}

fn ambiguous(cx: &Context<'_>, a: &Judged<'_>, b: &Judged<'_>) -> Check {
    ambiguous_facts(
        cx,
        a.candidate.fact,
        b.candidate.fact,
        "fit about equally and disagree",
    )
}

/// The claim fits `fa` and `fb` and the record cannot say which it means.
fn ambiguous_facts(cx: &Context<'_>, fa: &Fact, fb: &Fact, how: &str) -> Check {
    let why = format!(
        "ambiguous: facts {} ({}) and {} ({}) {how}",
        fa.id,
        render_fact(fa),
        fb.id,
        render_fact(fb)
    );
    Check {
        verdict: Verdict::Unverifiable,
        match_kind: None,
        severity: None,
        undecided: Some(Undecided::Ambiguous),
        fact: Some(fa.id.clone()),
        candidates: vec![fa.id.clone(), fb.id.clone()],
        reason: format!("states {}; {why} ({}; {})", cx.stated, fa.source, fb.source),
        stated: Some(cx.stated.clone()),
        record: None,
        source: None,
        about: None,
        why: Some(why),
    }
}

/// No fact decides: nothing is about this (with a `note` on the nearest
/// miss), or the claim is a prediction.
fn undecided(cx: &Context<'_>, note: Option<String>) -> Check {
    let kind = cx.claim.kind.name().replace('_', "-");
    let (reason_code, mut why) = if let Some(n) = cx.crowded {
        (
            Undecided::Crowded,
            format!(
                "the sentence holds {n} numbers, more than the {} claimlens links to facts in one sentence (a table or a list run together?); not checked against record {}",
                super::link::MAX_LINKED,
                cx.record_id
            ),
        )
    } else if let Some(name) = &cx.elsewhere {
        (
            Undecided::NoFact,
            format!(
                "the number is {name}'s, not a party to the deal of record {}",
                cx.record_id
            ),
        )
    } else if cx.forward_looking {
        (
            Undecided::Prediction,
            format!(
                "forward-looking; record {} holds no projection for this {kind}",
                cx.record_id
            ),
        )
    } else {
        (
            Undecided::NoFact,
            format!("no fact of record {} is about this {kind}", cx.record_id),
        )
    };
    if let Some(note) = note {
        why.push_str(&format!(" ({note})"));
    }
    Check {
        verdict: Verdict::Unverifiable,
        match_kind: None,
        severity: None,
        undecided: Some(reason_code),
        fact: None,
        candidates: Vec::new(),
        reason: format!("states {}; {why}", cx.stated),
        stated: Some(cx.stated.clone()),
        record: None,
        source: None,
        about: None,
        why: Some(why),
    }
}

/// A fact's value as a reviewer writes it, with its qualifier: "more than
/// $10 billion", "approximately 9.4%", "12 years", "48% to 49%", "by
/// 2023-10-31".
pub(crate) fn render_fact(fact: &Fact) -> String {
    match &fact.value {
        FactValue::Period(p) => {
            let p = p.to_string();
            match fact.qualifier {
                Qualifier::Exact => p,
                Qualifier::Approx => format!("around {p}"),
                Qualifier::Lt => format!("before {p}"),
                Qualifier::Le => format!("by {p}"),
                Qualifier::Gt => format!("after {p}"),
                Qualifier::Ge => format!("on or after {p}"),
                Qualifier::Range => match &fact.upper {
                    Some(FactValue::Period(u)) => format!("{p} to {u}"),
                    _ => p,
                },
            }
        }
        FactValue::Number(v) => {
            let q = |x: f64| quantity(fact.kind, &fact.unit, x);
            let s = match fact.qualifier {
                Qualifier::Exact => q(*v),
                Qualifier::Approx => format!("approximately {}", q(*v)),
                Qualifier::Lt => format!("less than {}", q(*v)),
                Qualifier::Le => format!("at most {}", q(*v)),
                Qualifier::Gt => format!("more than {}", q(*v)),
                Qualifier::Ge => format!("at least {}", q(*v)),
                Qualifier::Range => match fact.upper.as_ref().and_then(FactValue::number) {
                    Some(u) => format!("{} to {}", q(*v), q(u)),
                    None => q(*v),
                },
            };
            match fact.change {
                Some(crate::claims::Change::Up) => format!("up {s}"),
                Some(crate::claims::Change::Down) => format!("down {s}"),
                None => s,
            }
        }
    }
}

/// A number in a unit, written naturally: "$10 billion", "$20.40 per
/// share", "9.4%", "3 percentage points", "12 years", "18 months", "40
/// days", "1.3 GW", "20,752,327 votes", "0.1235 shares per share", "2x".
pub(crate) fn quantity(kind: ClaimKind, unit: &str, v: f64) -> String {
    match kind {
        ClaimKind::Money => money(unit, v),
        ClaimKind::PerShare => format!(
            "{} per share",
            money(unit.strip_suffix("/share").unwrap_or(unit), v)
        ),
        ClaimKind::Percent if unit == "pp" => format!("{} percentage points", trim_number(v, 4)),
        ClaimKind::Percent => format!("{}%", trim_number(v, 4)),
        ClaimKind::Ratio => format!("{} shares per share", trim_number(v, 6)),
        ClaimKind::Multiple => format!("{}x", trim_number(v, 4)),
        ClaimKind::Duration if unit == "day" => plural(v, "day"),
        ClaimKind::Duration => {
            let months = v * 12.0;
            if v.fract() != 0.0 && (months - months.round()).abs() < 1e-6 {
                plural(months.round(), "month")
            } else {
                plural(v, "year")
            }
        }
        ClaimKind::Power => {
            let a = v.abs();
            let (x, u) = if a >= 1e9 {
                (v / 1e9, "GW")
            } else if a >= 1e6 {
                (v / 1e6, "MW")
            } else if a >= 1e3 {
                (v / 1e3, "kW")
            } else {
                (v, "W")
            };
            format!("{} {u}", trim_number(x, 4))
        }
        ClaimKind::Count => {
            let n = if v.fract() == 0.0 && v.abs() < 1e15 {
                thousands(v)
            } else {
                trim_number(v, 4)
            };
            format!("{n} {unit}")
        }
        ClaimKind::Date => trim_number(v, 0),
    }
}

fn plural(v: f64, unit: &str) -> String {
    let n = trim_number(v, 4);
    if n == "1" {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

fn money(code: &str, v: f64) -> String {
    let (prefix, suffix) = match code {
        "USD" => ("$", ""),
        "EUR" => ("€", ""),
        "GBP" => ("£", ""),
        "JPY" | "CNY" => ("¥", ""),
        other => ("", other),
    };
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    let body = if a >= 1e12 {
        format!("{} trillion", trim_number(a / 1e12, 4))
    } else if a >= 1e9 {
        format!("{} billion", trim_number(a / 1e9, 4))
    } else if a >= 1e6 {
        format!("{} million", trim_number(a / 1e6, 4))
    } else if a.fract() != 0.0 {
        format!("{a:.2}")
    } else {
        thousands(a)
    };
    if suffix.is_empty() {
        format!("{sign}{prefix}{body}")
    } else {
        format!("{sign}{body} {suffix}")
    }
}

/// A whole number with thousands separators.
fn thousands(v: f64) -> String {
    let digits = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if v < 0.0 { format!("-{out}") } else { out }
}

/// `x` with at most `digits` decimals, trailing zeros dropped.
pub(crate) fn trim_number(x: f64, digits: usize) -> String {
    let s = format!("{x:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod table;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_read_naturally() {
        assert_eq!(quantity(ClaimKind::Money, "USD", 10e9), "$10 billion");
        assert_eq!(quantity(ClaimKind::Money, "USD", 270e6), "$270 million");
        assert_eq!(quantity(ClaimKind::Money, "USD", 169.4e6), "$169.4 million");
        assert_eq!(quantity(ClaimKind::Money, "USD", 20.4), "$20.40");
        assert_eq!(quantity(ClaimKind::Money, "EUR", 2.5e9), "€2.5 billion");
        assert_eq!(quantity(ClaimKind::Money, "CHF", 2.5e9), "2.5 billion CHF");
        assert_eq!(
            quantity(ClaimKind::PerShare, "USD/share", 142.5),
            "$142.50 per share"
        );
        assert_eq!(quantity(ClaimKind::Percent, "%", 9.4), "9.4%");
        assert_eq!(
            quantity(ClaimKind::Percent, "pp", 3.0),
            "3 percentage points"
        );
        assert_eq!(quantity(ClaimKind::Duration, "year", 12.0), "12 years");
        assert_eq!(quantity(ClaimKind::Duration, "year", 1.5), "18 months");
        assert_eq!(quantity(ClaimKind::Duration, "year", 1.0), "1 year");
        assert_eq!(quantity(ClaimKind::Duration, "day", 40.0), "40 days");
        assert_eq!(quantity(ClaimKind::Power, "W", 1.3e9), "1.3 GW");
        assert_eq!(quantity(ClaimKind::Power, "W", 840e6), "840 MW");
        assert_eq!(
            quantity(ClaimKind::Count, "votes", 20_752_327.0),
            "20,752,327 votes"
        );
        assert_eq!(
            quantity(ClaimKind::Ratio, "shares/share", 0.1235),
            "0.1235 shares per share"
        );
    }

    #[test]
    fn relative_errors_read_naturally() {
        assert_eq!(relative(0.25), "25% over");
        assert_eq!(relative(-0.2), "20% under");
        assert_eq!(relative(9.0), "10 times");
        assert_eq!(relative(0.0729), "7.3% over");
        assert_eq!(relative(-0.6667), "67% under");
    }
}
