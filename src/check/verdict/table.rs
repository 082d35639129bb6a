//! Table tests of the verdict on one (claim, fact) pair: every claim
//! comparator against values inside, on the boundary of, outside, and a
//! scale away from its interval, with every fact qualifier, in the style of
//! aho-corasick's `t!` tables. One row per case; the row's name says what it
//! pins down.

use super::*;
use crate::check::link::Compat;
use crate::claims::{Change, Decimal, Lean};
use crate::date::Period;
use crate::span::Span;

/// What a row expects.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Want {
    /// Supported, with this match kind.
    S(MatchKind),
    /// Contradicted, with this severity.
    C(Severity),
    /// Contradicted as a scale error (always gross).
    Scale,
    /// Contradicted as a unit error (always gross).
    Unit,
    /// The record cannot settle it (too coarse).
    Coarse,
    /// Not comparable.
    Incomparable,
    /// So far off that it is taken for another quantity.
    Far,
}
use Want::*;

/// A claim of `kind` stated as `text` would be: value, upper, precision,
/// comparator, lean.
#[derive(Clone, Copy)]
struct C {
    value: &'static str,
    upper: Option<&'static str>,
    exp: i32,
    comparator: Comparator,
    lean: Option<Lean>,
}

/// `v` written to the digit its own decimals show, times 10^exp ("9.0",
/// 9 → $9.0 billion).
fn c(comparator: Comparator, value: &'static str, exp: i32) -> C {
    C {
        value,
        upper: None,
        exp,
        comparator,
        lean: None,
    }
}
fn eq(v: &'static str, exp: i32) -> C {
    c(Comparator::Eq, v, exp)
}
fn about(v: &'static str, exp: i32) -> C {
    c(Comparator::Approx, v, exp)
}
fn lt(v: &'static str, exp: i32) -> C {
    c(Comparator::Lt, v, exp)
}
fn le(v: &'static str, exp: i32) -> C {
    c(Comparator::Le, v, exp)
}
fn gt(v: &'static str, exp: i32) -> C {
    c(Comparator::Gt, v, exp)
}
fn ge(v: &'static str, exp: i32) -> C {
    c(Comparator::Ge, v, exp)
}
fn range(lo: &'static str, hi: &'static str, exp: i32) -> C {
    C {
        upper: Some(hi),
        ..c(Comparator::Range, lo, exp)
    }
}
fn nearly(v: &'static str, exp: i32) -> C {
    C {
        lean: Some(Lean::Below),
        ..c(Comparator::Approx, v, exp)
    }
}
fn just_over(v: &'static str, exp: i32) -> C {
    C {
        lean: Some(Lean::Above),
        ..c(Comparator::Approx, v, exp)
    }
}

fn dec(s: &str, exp: i32) -> Decimal {
    Decimal::parse(s)
        .and_then(|d| d.scale(exp))
        .unwrap_or(Decimal::ZERO)
}

/// The one place a test builds a `Claim` by hand.
fn claim(kind: ClaimKind, unit: &str, x: C) -> Claim {
    let value = dec(x.value, x.exp);
    Claim {
        kind,
        span: Span::new(0, 0),
        value: Some(value),
        upper: x.upper.map(|u| dec(u, x.exp)),
        unit: unit.to_string(),
        comparator: x.comparator,
        comparator_text: None,
        lean: x.lean,
        precision: value.half_unit(),
        period: None,
        change: None,
        about: String::new(),
        quoted: false,
        sentence: 0,
    }
}

fn fact(kind: ClaimKind, unit: &str, value: f64, qualifier: Qualifier, upper: Option<f64>) -> Fact {
    Fact {
        id: "f".into(),
        about: "the figure".into(),
        cues: vec!["figure".into()],
        kind,
        value: FactValue::Number(value),
        unit: unit.into(),
        qualifier,
        upper: upper.map(FactValue::Number),
        as_of: None,
        source: "source".into(),
        quote: None,
        note: None,
        change: None,
    }
}

fn exact(v: f64) -> (f64, Qualifier, Option<f64>) {
    (v, Qualifier::Exact, None)
}
fn approx(v: f64) -> (f64, Qualifier, Option<f64>) {
    (v, Qualifier::Approx, None)
}
fn f_lt(v: f64) -> (f64, Qualifier, Option<f64>) {
    (v, Qualifier::Lt, None)
}
fn f_le(v: f64) -> (f64, Qualifier, Option<f64>) {
    (v, Qualifier::Le, None)
}
fn f_gt(v: f64) -> (f64, Qualifier, Option<f64>) {
    (v, Qualifier::Gt, None)
}
fn f_ge(v: f64) -> (f64, Qualifier, Option<f64>) {
    (v, Qualifier::Ge, None)
}
fn f_range(lo: f64, hi: f64) -> (f64, Qualifier, Option<f64>) {
    (lo, Qualifier::Range, Some(hi))
}

fn outcome_matches(o: &Outcome, want: Want) -> bool {
    match (o, want) {
        (Outcome::Supported(k), S(w)) => *k == w,
        (Outcome::Contradicted { severity, why }, C(w)) => {
            *severity == w && !why.starts_with("scale") && !why.starts_with("unit")
        }
        (Outcome::Contradicted { severity, why }, Scale) => {
            *severity == Severity::Gross && why.starts_with("scale error")
        }
        (Outcome::Contradicted { severity, why }, Unit) => {
            *severity == Severity::Gross && why.starts_with("unit error")
        }
        (Outcome::TooCoarse(_), Coarse) => true,
        (Outcome::Incomparable, Incomparable) => true,
        (Outcome::FarOff(_), Far) => true,
        _ => false,
    }
}

type Row = (
    &'static str,
    ClaimKind,
    &'static str,
    C,
    (f64, Qualifier, Option<f64>),
    Want,
);

const M: ClaimKind = ClaimKind::Money;
const P: ClaimKind = ClaimKind::Percent;
const D: ClaimKind = ClaimKind::Duration;
const N: ClaimKind = ClaimKind::Count;
const W: ClaimKind = ClaimKind::Power;
const R: ClaimKind = ClaimKind::Ratio;
const PS: ClaimKind = ClaimKind::PerShare;

#[rustfmt::skip]
fn rows() -> Vec<Row> {
    use MatchKind::{Approximate, Bound, Exact, Range as Rg, Rounded};
    use Severity::{Gross, Major, Minor};
    vec![
        // ---- eq: "$9 billion" stands for [8.5, 9.5) billion.
        ("eq same figure", M, "USD", eq("9", 9), exact(9e9), S(Exact)),
        ("eq fact rounds to it", M, "USD", eq("9", 9), exact(9.2e9), S(Rounded)),
        ("eq lower boundary is in", M, "USD", eq("9", 9), exact(8.5e9), S(Rounded)),
        ("eq upper boundary is out", P, "%", eq("9", 0), exact(9.5), C(Minor)),
        ("eq round record touches the boundary", M, "USD", eq("9", 9), exact(9.5e9), Coarse),
        ("eq one step off", M, "USD", eq("9", 9), exact(10e9), C(Minor)),
        ("eq well off", M, "USD", eq("9", 9), exact(11e9), C(Major)),
        ("eq 25% off is gross", M, "USD", eq("15", 0), exact(12.0), C(Gross)),
        ("eq million for billion", M, "USD", eq("9", 6), exact(9e9), Scale),
        ("eq billion for million", M, "USD", eq("270", 9), exact(270e6), Scale),
        ("eq thousand for million", N, "votes", eq("20.75", 3), exact(20_752_327.0), Scale),
        ("eq ten times is gross, no scale", M, "USD", eq("2.7", 9), exact(270e6), C(Gross)),
        ("eq a hundred times is a decimal shift", P, "%", eq("0.3", 0), exact(30.0), C(Gross)),
        ("eq one digit a scale away but other digits", M, "USD", eq("0.1", 6), exact(69e9), Far),
        ("eq million for billion, rounded", M, "USD", eq("9", 6), exact(9.4e9), Scale),
        ("eq four times off is still this quantity", P, "%", eq("50", 0), exact(12.0), C(Gross)),
        ("eq far off is another quantity", M, "USD", eq("7.7", 9), exact(391.035e9), Far),
        ("eq far over is another quantity", P, "%", eq("80", 0), approx(9.4), Far),
        ("approx five times off is another quantity", P, "%", about("8", 0), exact(46.2), Far),
        ("eq far under a lower bound", M, "USD", eq("1", 9), f_gt(10e9), Far),
        ("eq more digits, exact", M, "USD", eq("196.4", 6), exact(196.4e6), S(Exact)),
        ("eq transposed digits", M, "USD", eq("196.4", 6), exact(169.4e6), C(Major)),
        ("eq 9.0 narrower than 9", M, "USD", eq("9.0", 9), exact(9.2e9), C(Major)),
        ("eq 9.0 inside", M, "USD", eq("9.0", 9), exact(9.04e9), S(Rounded)),
        ("eq decimal exact", PS, "USD/share", eq("20.40", 0), exact(20.40), S(Exact)),
        ("eq decimal rounding", PS, "USD/share", eq("20.40", 0), exact(20.4022), S(Rounded)),
        ("eq 1.1 billion exact", M, "USD", eq("1.1", 9), exact(1_100_000_000.0), S(Exact)),
        ("eq record rounded, claim precise", N, "votes", eq("352647318", 0), exact(352_600_000.0), Coarse),
        ("eq record rounded, claim off", N, "votes", eq("362647318", 0), exact(352_600_000.0), C(Major)),
        ("eq vote count off by five million", N, "votes", eq("25752327", 0), exact(20_752_327.0), C(Major)),
        ("eq ratio transposed", R, "shares/share", eq("0.1325", 0), exact(0.1235), C(Major)),
        ("eq ratio exact", R, "shares/share", eq("0.1235", 0), exact(0.1235), S(Exact)),
        ("eq percent vs approx fact inside", P, "%", eq("9", 0), approx(9.4), S(Rounded)),
        ("eq percent vs approx fact overlap", P, "%", eq("84", 0), approx(79.97), Coarse),
        ("eq percent vs approx fact outside", P, "%", eq("8", 0), approx(12.0), C(Gross)),
        ("eq percent vs approx fact overlapping", P, "%", eq("11", 0), approx(12.0), Coarse),
        ("eq percent vs approx fact near", P, "%", eq("10", 0), approx(12.0), C(Minor)),
        ("eq vs range inside", P, "%", eq("48", 0), f_range(48.0, 49.0), S(Approximate)),
        ("eq vs range boundary", P, "%", eq("50", 0), f_range(48.0, 49.0), C(Minor)),
        ("eq vs range outside", P, "%", eq("44", 0), f_range(48.0, 49.0), C(Major)),
        ("eq inside a lower bound", M, "USD", eq("12", 9), f_gt(10e9), Coarse),
        ("eq straddles a lower bound", M, "USD", eq("10", 9), f_gt(10e9), Coarse),
        ("eq below a lower bound", M, "USD", eq("8", 9), f_gt(10e9), C(Major)),
        ("eq far below a lower bound", M, "USD", eq("5", 9), f_gt(10e9), C(Gross)),
        ("eq under an upper bound", D, "year", eq("3", 0), f_le(3.0), Coarse),
        ("eq over an upper bound", D, "year", eq("5", 0), f_le(3.0), C(Gross)),
        ("eq at a strict upper bound", P, "%", eq("10", 0), f_lt(10.0), Coarse),
        ("eq above a ge bound", P, "%", eq("99", 0), f_ge(98.0), Coarse),
        ("eq below a ge bound", P, "%", eq("90", 0), f_ge(98.0), C(Major)),
        ("eq unbounded fact is no scale error", M, "USD", eq("8", 9), f_gt(10e9), C(Major)),
        // ---- approx: widened by 5% of the value.
        ("approx same figure", M, "USD", about("9", 9), approx(9e9), S(Approximate)),
        ("approx inside tolerance", P, "%", about("10", 0), exact(10.9), S(Approximate)),
        ("approx upper edge in", P, "%", about("10", 0), exact(11.0), S(Approximate)),
        ("approx just past edge", P, "%", about("10", 0), exact(11.2), C(Minor)),
        ("approx outside", P, "%", about("15", 0), approx(9.4), C(Gross)),
        ("approx 90 vs 79.97", P, "%", about("90", 0), approx(79.97), C(Major)),
        ("approx 8 billion under bound", M, "USD", about("8", 9), f_gt(10e9), C(Major)),
        ("approx under lower bound edge", M, "USD", about("9.5", 9), f_gt(10e9), Coarse),
        ("approx million for billion", M, "USD", about("9", 6), approx(9e9), Scale),
        ("approx vs range inside", P, "%", about("47", 0), f_range(48.0, 49.0), S(Approximate)),
        ("approx vs range outside", P, "%", about("40", 0), f_range(48.0, 49.0), C(Major)),
        ("approx vs exact power", W, "W", about("1.3", 9), approx(1.3e9), S(Approximate)),
        ("approx 840 MW vs 1.3 GW", W, "W", about("840", 6), approx(1.3e9), C(Gross)),
        // ---- nearly (lean below): [0.9v, v + p].
        ("nearly at the value", M, "USD", nearly("10", 9), exact(10e9), S(Approximate)),
        ("nearly a little below", M, "USD", nearly("10", 9), exact(9.3e9), S(Approximate)),
        ("nearly at 90%", M, "USD", nearly("10", 9), exact(9e9), S(Approximate)),
        ("nearly too far below", M, "USD", nearly("10", 9), exact(8.5e9), C(Minor)),
        ("nearly far too far below", P, "%", nearly("10.0", 0), exact(8.6), C(Major)),
        ("nearly above", P, "%", nearly("49", 0), exact(50.0), C(Minor)),
        ("nearly vs range", P, "%", nearly("49", 0), f_range(48.0, 49.0), S(Approximate)),
        // ---- just over (lean above): [v − p, 1.1v].
        ("just over inside", P, "%", just_over("48", 0), exact(48.3), S(Approximate)),
        ("just over at 110%", P, "%", just_over("40", 0), exact(44.0), S(Approximate)),
        ("just over too far", P, "%", just_over("40", 0), exact(45.0), C(Minor)),
        ("just over below", P, "%", just_over("40", 0), exact(38.0), C(Major)),
        // ---- lt / le: open below, exact boundary.
        ("lt holds", P, "%", lt("10", 0), approx(9.4), S(Bound)),
        ("lt fact on boundary", P, "%", lt("10", 0), exact(10.0), C(Minor)),
        ("lt fails", P, "%", lt("10", 0), approx(90.6), C(Gross)),
        ("lt approx fact straddles", P, "%", lt("10", 0), approx(10.2), Coarse),
        ("lt same upper bound", P, "%", lt("10", 0), f_lt(10.0), S(Bound)),
        ("lt wider than fact bound", P, "%", lt("12", 0), f_le(10.0), S(Bound)),
        ("lt narrower than fact bound", P, "%", lt("8", 0), f_lt(10.0), Coarse),
        ("lt against lower bound overlap", M, "USD", lt("12", 9), f_gt(10e9), Coarse),
        ("lt one step under a lower bound", M, "USD", lt("9", 9), f_gt(10e9), C(Minor)),
        ("lt under a lower bound", M, "USD", lt("8", 9), f_gt(10e9), C(Major)),
        ("le holds at boundary", D, "year", le("3", 0), exact(3.0), S(Bound)),
        ("le same as fact", D, "year", le("3", 0), f_le(3.0), S(Bound)),
        ("le fails", D, "year", le("3", 0), exact(4.0), C(Gross)),
        ("le thousand against an upper bound", M, "USD", le("250", 3), f_le(250e6), Coarse),
        ("le million for billion", M, "USD", le("1.2", 6), f_range(1e9, 1.2e9), Scale),
        ("le far under is no scale error", M, "USD", le("3.5", 9), exact(32e9), C(Gross)),
        ("le far under, no shift, is another quantity", M, "USD", le("105", 6), exact(1.5e9), Far),
        ("lt one digit far under is another quantity", M, "USD", lt("0.1", 6), exact(32e9), Far),
        // ---- gt / ge: open above, exact boundary.
        ("gt holds", D, "year", gt("1", 0), approx(1.5), S(Bound)),
        ("gt same lower bound", M, "USD", gt("10", 9), f_gt(10e9), S(Bound)),
        ("gt weaker than fact bound", M, "USD", gt("9", 9), f_gt(10e9), S(Bound)),
        ("gt stronger than fact bound", M, "USD", gt("11", 9), f_gt(10e9), Coarse),
        ("gt vs ge same number", M, "USD", gt("10", 9), f_ge(10e9), Coarse),
        ("gt fact on boundary", P, "%", gt("40", 0), exact(40.0), C(Minor)),
        ("gt fails: more than 20 months", D, "year", gt("1.66666666667", 0), approx(1.5), C(Major)),
        ("gt fails grossly", P, "%", gt("98", 0), exact(60.0), C(Gross)),
        ("gt against upper bound disjoint", D, "year", gt("4", 0), f_le(3.0), C(Gross)),
        ("gt against upper bound overlap", D, "year", gt("2", 0), f_le(3.0), Coarse),
        ("ge holds at boundary", P, "%", ge("40", 0), exact(40.0), S(Bound)),
        ("ge implied by gt fact", M, "USD", ge("10", 9), f_gt(10e9), S(Bound)),
        ("ge fails", P, "%", ge("50", 0), exact(49.0), C(Minor)),
        ("ge much lower still holds", M, "USD", ge("1", 6), f_range(1e9, 1.2e9), S(Bound)),
        // ---- range: [lo − p, hi + p).
        ("range holds", M, "USD", range("9", "10", 9), approx(9e9), S(Rg)),
        ("range holds at upper", M, "USD", range("9", "10", 9), exact(10.4e9), S(Rg)),
        ("range upper boundary out", P, "%", range("9", "10", 0), exact(10.5), C(Minor)),
        ("range round record on the boundary", M, "USD", range("9", "10", 9), exact(10.5e9), Coarse),
        ("range well below", M, "USD", range("9", "10", 9), exact(7e9), C(Gross)),
        ("range one step below", P, "%", range("9", "10", 0), exact(8.2), C(Minor)),
        ("range below", P, "%", range("9", "10", 0), exact(7.4), C(Major)),
        ("range vs range overlap", P, "%", range("5", "7", 0), f_range(6.0, 8.0), S(Rg)),
        ("range vs range disjoint", P, "%", range("5", "7", 0), f_range(9.0, 10.0), C(Major)),
        ("range inside lower bound", M, "USD", range("11", "12", 9), f_gt(10e9), Coarse),
        ("range million for billion", M, "USD", range("9", "10", 6), exact(9.5e9), Scale),
    ]
}

#[test]
fn table_of_claims_against_facts() {
    let rows = rows();
    assert!(rows.len() >= 80, "{} rows", rows.len());
    let mut failures = Vec::new();
    for (name, kind, unit, x, (v, q, u), want) in rows {
        let claim = claim(kind, unit, x);
        let fact = fact(kind, unit, v, q, u);
        let compat = Compat {
            factor: 1.0,
            converted: false,
            unit_swap: false,
        };
        let got = judge(&claim, &fact, &compat, 0.05);
        if !outcome_matches(&got, want) {
            failures.push(format!("{name}: want {want:?}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_tolerance_of_ten_percent_widens_approx() {
    let claim = claim(P, "%", about("10", 0));
    let fact = fact(P, "%", 11.4, Qualifier::Exact, None);
    let compat = Compat {
        factor: 1.0,
        converted: false,
        unit_swap: false,
    };
    assert!(matches!(
        judge(&claim, &fact, &compat, 0.05),
        Outcome::Contradicted { .. }
    ));
    assert_eq!(
        judge(&claim, &fact, &compat, 0.10),
        Outcome::Supported(MatchKind::Approximate)
    );
}

#[test]
fn percent_against_percentage_points() {
    let claim = claim(P, "%", eq("5", 0));
    let compat = Compat {
        factor: 1.0,
        converted: false,
        unit_swap: true,
    };
    let pp = fact(P, "pp", 5.0, Qualifier::Exact, None);
    assert!(outcome_matches(&judge(&claim, &pp, &compat, 0.05), Unit));
    let other = fact(P, "pp", 2.0, Qualifier::Exact, None);
    assert!(outcome_matches(
        &judge(&claim, &other, &compat, 0.05),
        Incomparable
    ));
}

#[test]
fn days_against_years() {
    let claim = claim(D, "day", eq("545", 0));
    let compat = Compat {
        factor: 1.0 / 365.25,
        converted: true,
        unit_swap: false,
    };
    let fact18 = fact(D, "year", 1.5, Qualifier::Approx, None);
    assert!(outcome_matches(
        &judge(&claim, &fact18, &compat, 0.05),
        S(MatchKind::Rounded)
    ));
    let fact3 = fact(D, "year", 3.0, Qualifier::Exact, None);
    assert!(outcome_matches(
        &judge(&claim, &fact3, &compat, 0.05),
        C(Severity::Gross)
    ));
}

#[test]
fn wrong_direction_is_gross() {
    let mut claim = claim(P, "%", eq("4", 0));
    claim.change = Some(Change::Up);
    let mut f = fact(P, "%", 4.0, Qualifier::Exact, None);
    f.change = Some(Change::Down);
    let compat = Compat {
        factor: 1.0,
        converted: false,
        unit_swap: false,
    };
    match judge(&claim, &f, &compat, 0.05) {
        Outcome::Contradicted {
            severity: Severity::Gross,
            why,
        } => assert!(why.contains("wrong direction"), "{why}"),
        other => panic!("{other:?}"),
    }
    f.change = Some(Change::Up);
    assert_eq!(
        judge(&claim, &f, &compat, 0.05),
        Outcome::Supported(MatchKind::Exact)
    );
}

fn date_claim(comparator: Comparator, period: &str) -> Claim {
    let mut c = claim(ClaimKind::Date, "date", eq("0", 0));
    c.value = None;
    c.precision = 0.0;
    c.comparator = comparator;
    c.period = Period::parse(period);
    c
}

fn date_fact(value: &str, qualifier: Qualifier) -> Fact {
    let mut f = fact(ClaimKind::Date, "date", 0.0, qualifier, None);
    f.value = Period::parse(value).map_or(FactValue::Number(0.0), FactValue::Period);
    f
}

#[test]
fn table_of_dates() {
    use MatchKind::{Bound, Exact, Rounded};
    let compat = Compat {
        factor: 1.0,
        converted: false,
        unit_swap: false,
    };
    #[rustfmt::skip]
    let rows: Vec<(&str, Comparator, &str, &str, Qualifier, Want)> = vec![
        ("same day", Comparator::Eq, "2025-10-30", "2025-10-30", Qualifier::Exact, S(Exact)),
        ("same quarter", Comparator::Eq, "2025-Q4", "2025-Q4", Qualifier::Exact, S(Exact)),
        ("year holds the day", Comparator::Eq, "2023", "2023-11-22", Qualifier::Exact, S(Rounded)),
        ("day inside quarter fact", Comparator::Eq, "2025-11-15", "2025-Q4", Qualifier::Exact, Coarse),
        ("two days early", Comparator::Eq, "2025-10-28", "2025-10-30", Qualifier::Exact, C(Severity::Major)),
        ("a day late", Comparator::Eq, "2025-10-31", "2025-10-30", Qualifier::Exact, C(Severity::Minor)),
        ("wrong quarter", Comparator::Eq, "2026-Q1", "2025-Q4", Qualifier::Exact, C(Severity::Gross)),
        ("by a bound that holds", Comparator::Le, "2023-10-31", "2023-10-31", Qualifier::Le, S(Bound)),
        ("inside a by-bound", Comparator::Eq, "2023-Q2", "2023-10-31", Qualifier::Le, Coarse),
        ("after a by-bound", Comparator::Eq, "2023-11", "2023-10-31", Qualifier::Le, C(Severity::Major)),
        ("before the day", Comparator::Lt, "2026", "2025-10-30", Qualifier::Exact, S(Bound)),
    ];
    let mut failures = Vec::new();
    for (name, cmp, claimed, fact_value, q, want) in rows {
        let got = judge(
            &date_claim(cmp, claimed),
            &date_fact(fact_value, q),
            &compat,
            0.05,
        );
        if !outcome_matches(&got, want) {
            failures.push(format!("{name}: want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reasons_quote_both_numbers_the_error_and_the_source() {
    let c = claim(D, "year", eq("15", 0));
    let mut f = fact(D, "year", 12.0, Qualifier::Exact, None);
    f.id = "lease-horizon".into();
    f.source = "Reuters, 2025-07-07".into();
    let compat = Compat {
        factor: 1.0,
        converted: false,
        unit_swap: false,
    };
    let outcome = judge(&c, &f, &compat, 0.05);
    let candidate = Candidate {
        fact: &f,
        compat,
        evidence: crate::check::link::Evidence {
            score: 2.0,
            strongest: 1.0,
            cues: vec!["rent".into()],
        },
    };
    let cx = Context {
        claim: &c,
        stated: "15 years".into(),
        record_id: "r",
        forward_looking: false,
        tolerance: 0.05,
        elsewhere: None,
        crowded: None,
        document_date: None,
    };
    let check = decide(&cx, &[Judged { candidate, outcome }]);
    assert_eq!(check.verdict, Verdict::Contradicted);
    assert_eq!(
        check.reason,
        "states 15 years; record: 12 years (Reuters, 2025-07-07) — 25% over the record (gross); fact lease-horizon"
    );
}
