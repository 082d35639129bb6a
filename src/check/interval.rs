//! Interval arithmetic for the check: what range of true values a stated
//! number stands for, and what range a record's fact allows.
//!
//! A claim's interval comes from its value, its precision (half a unit of
//! the last stated digit, statcheck's rounding rule), its comparator and its
//! lean; a fact's from its value, qualifier and upper end. Comparing the two
//! is the verdict's job (`check::verdict`); this module only builds and relates
//! intervals. Values are `f64` in the unit's base; endpoints within a
//! relative 1e-9 of each other count as equal, so "$1.1 billion" and a
//! record's 1_100_000_000 meet exactly on a boundary rather than a float's
//! width apart.

use crate::check::record::Qualifier;
use crate::claims::{Comparator, Lean};

/// Relative tolerance under which two endpoints are the same number.
const SAME: f64 = 1e-9;

/// "nearly 10" may be as low as 9 ("a little below": at most 10% under).
pub const LEAN_BELOW: f64 = 0.9;
/// "just over 10" may be as high as 11 (at most 10% over).
pub const LEAN_ABOVE: f64 = 1.1;

/// True when `a` and `b` are the same number up to float noise (infinities
/// of one sign are the same).
pub fn same(a: f64, b: f64) -> bool {
    if a == b {
        return true;
    }
    if !a.is_finite() || !b.is_finite() {
        return false;
    }
    (a - b).abs() <= SAME * a.abs().max(b.abs()).max(f64::MIN_POSITIVE)
}

/// A set of reals between two endpoints, each open or closed; the ends may
/// be infinite (then they are open).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// Lower end (`-inf` when unbounded).
    pub lo: f64,
    /// Upper end (`+inf` when unbounded).
    pub hi: f64,
    /// The lower end itself is excluded.
    pub lo_open: bool,
    /// The upper end itself is excluded.
    pub hi_open: bool,
}

impl Interval {
    /// `[lo, hi]` (the ends sorted).
    pub fn closed(lo: f64, hi: f64) -> Interval {
        Interval::new(lo, false, hi, false)
    }

    /// `[lo, hi)`: a rounding interval (the ends sorted).
    pub fn half_open(lo: f64, hi: f64) -> Interval {
        Interval::new(lo, false, hi, true)
    }

    /// The single value `v`.
    pub fn point(v: f64) -> Interval {
        Interval::closed(v, v)
    }

    /// Everything above `v` (`strict`: `v` excluded).
    pub fn above(v: f64, strict: bool) -> Interval {
        Interval {
            lo: v,
            hi: f64::INFINITY,
            lo_open: strict,
            hi_open: true,
        }
    }

    /// Everything below `v` (`strict`: `v` excluded).
    pub fn below(v: f64, strict: bool) -> Interval {
        Interval {
            lo: f64::NEG_INFINITY,
            hi: v,
            lo_open: true,
            hi_open: strict,
        }
    }

    fn new(a: f64, a_open: bool, b: f64, b_open: bool) -> Interval {
        let (lo, lo_open, hi, hi_open) = if a <= b {
            (a, a_open, b, b_open)
        } else {
            (b, b_open, a, a_open)
        };
        Interval {
            lo,
            hi,
            lo_open: lo_open || lo.is_infinite(),
            hi_open: hi_open || hi.is_infinite(),
        }
    }

    /// True when the interval reaches infinity on one side.
    pub fn is_unbounded(&self) -> bool {
        self.lo.is_infinite() || self.hi.is_infinite()
    }

    /// True when `x` lies in the interval.
    pub fn contains(&self, x: f64) -> bool {
        let above_lo = if same(x, self.lo) {
            !self.lo_open
        } else {
            x > self.lo
        };
        let below_hi = if same(x, self.hi) {
            !self.hi_open
        } else {
            x < self.hi
        };
        above_lo && below_hi
    }

    /// True when the two intervals share at least one value.
    pub fn intersects(&self, other: &Interval) -> bool {
        let (lo, lo_open) = max_lo(self, other);
        let (hi, hi_open) = min_hi(self, other);
        if same(lo, hi) {
            return !lo_open && !hi_open && lo.is_finite();
        }
        lo < hi
    }

    /// True when every value of `self` lies in `other`.
    pub fn within(&self, other: &Interval) -> bool {
        let lo_ok = if same(self.lo, other.lo) {
            !other.lo_open || self.lo_open
        } else {
            self.lo > other.lo
        };
        let hi_ok = if same(self.hi, other.hi) {
            !other.hi_open || self.hi_open
        } else {
            self.hi < other.hi
        };
        lo_ok && hi_ok
    }

    /// The interval multiplied by `k` (> 0).
    pub fn scaled(&self, k: f64) -> Interval {
        Interval {
            lo: self.lo * k,
            hi: self.hi * k,
            ..*self
        }
    }

    /// The interval with each finite end pushed out by `by` (≥ 0).
    pub fn widened(&self, by: f64) -> Interval {
        let lo = if self.lo.is_finite() {
            self.lo - by
        } else {
            self.lo
        };
        let hi = if self.hi.is_finite() {
            self.hi + by
        } else {
            self.hi
        };
        Interval { lo, hi, ..*self }
    }

    /// The gap between the two intervals (0 when they touch or meet).
    pub fn gap(&self, other: &Interval) -> f64 {
        let a = other.lo - self.hi;
        let b = self.lo - other.hi;
        let g = a.max(b);
        if g.is_nan() || g <= 0.0 { 0.0 } else { g }
    }
}

fn max_lo(a: &Interval, b: &Interval) -> (f64, bool) {
    if same(a.lo, b.lo) {
        (a.lo, a.lo_open || b.lo_open)
    } else if a.lo > b.lo {
        (a.lo, a.lo_open)
    } else {
        (b.lo, b.lo_open)
    }
}

fn min_hi(a: &Interval, b: &Interval) -> (f64, bool) {
    if same(a.hi, b.hi) {
        (a.hi, a.hi_open || b.hi_open)
    } else if a.hi < b.hi {
        (a.hi, a.hi_open)
    } else {
        (b.hi, b.hi_open)
    }
}

/// What a claim states about a number, as the interval module needs it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stated {
    /// The stated value (the low end of a range).
    pub value: f64,
    /// The high end of a range.
    pub upper: Option<f64>,
    /// Half a unit of the last stated digit.
    pub precision: f64,
    /// How the number bounds the quantity.
    pub comparator: Comparator,
    /// "nearly" (below) or "just over" (above).
    pub lean: Option<Lean>,
}

/// The values a claim stands for.
///
/// - `eq`: `[v − p, v + p)`, statcheck's rounding interval ("$9 billion" is
///   `[8.5, 9.5)` billion).
/// - `approx`: `[v − p − t·|v|, v + p + t·|v|]`, `t` the approximation
///   tolerance (5% by default).
/// - lean below ("nearly", "almost"): `[v·0.9, v + p]`; lean above ("just
///   over"): `[v − p, v·1.1]` (for negative values the factors apply to the
///   magnitude). A strict comparator with a lean keeps its strict end.
/// - `lt`/`le`/`gt`/`ge`: open-ended with the stated number as an exact
///   boundary.
/// - `range`: `[v − p, u + p)`.
pub fn claim_interval(s: &Stated, tolerance: f64) -> Interval {
    let (v, p) = (s.value, s.precision.abs());
    if let Some(lean) = s.lean {
        let strict = matches!(s.comparator, Comparator::Lt | Comparator::Gt);
        let sign = if v < 0.0 { -1.0 } else { 1.0 };
        return match lean {
            Lean::Below => Interval::new(
                v * LEAN_BELOW,
                false,
                if strict { v } else { v + sign * p },
                strict,
            ),
            Lean::Above => Interval::new(
                if strict { v } else { v - sign * p },
                strict,
                v * LEAN_ABOVE,
                false,
            ),
        };
    }
    match s.comparator {
        Comparator::Eq => Interval::half_open(v - p, v + p),
        Comparator::Approx => {
            let w = p + tolerance.abs() * v.abs();
            Interval::closed(v - w, v + w)
        }
        Comparator::Lt => Interval::below(v, true),
        Comparator::Le => Interval::below(v, false),
        Comparator::Gt => Interval::above(v, true),
        Comparator::Ge => Interval::above(v, false),
        Comparator::Range => {
            let u = s.upper.unwrap_or(v);
            let (a, b) = if u < v { (u, v) } else { (v, u) };
            Interval::half_open(a - p, b + p)
        }
    }
}

/// The values a fact allows: `exact` is the point itself, `approx` widens it
/// by the tolerance, the bounds are open-ended with an exact boundary, and
/// `range` spans `value` to `upper` (a range without an upper end is the
/// point).
pub fn fact_interval(
    value: f64,
    qualifier: Qualifier,
    upper: Option<f64>,
    tolerance: f64,
) -> Interval {
    match qualifier {
        Qualifier::Exact => Interval::point(value),
        Qualifier::Approx => {
            let w = tolerance.abs() * value.abs();
            Interval::closed(value - w, value + w)
        }
        Qualifier::Lt => Interval::below(value, true),
        Qualifier::Le => Interval::below(value, false),
        Qualifier::Gt => Interval::above(value, true),
        Qualifier::Ge => Interval::above(value, false),
        Qualifier::Range => Interval::closed(value, upper.unwrap_or(value)),
    }
}

/// The rounding a record's whole-number figure of a million or more most
/// likely carries, read as a writer would say it: 352_600_000 is "352.6
/// million" (± 50_000), 10_000_000_000 "10 billion" (± 0.5 billion),
/// 20_752_327 exact (0). A record holding a rounded figure cannot say that a
/// more precise claim is wrong. 0 for anything else.
pub fn implied_precision(value: f64) -> f64 {
    if !value.is_finite() || value.fract() != 0.0 || value.abs() < 1e6 || value.abs() > 1e18 {
        return 0.0;
    }
    let scale = if value.abs() >= 1e12 {
        1e12
    } else if value.abs() >= 1e9 {
        1e9
    } else {
        1e6
    };
    let mut n = value.abs() as u64;
    let mut unit = 1.0f64;
    while n % 10 == 0 && n > 0 && unit < scale {
        n /= 10;
        unit *= 10.0;
    }
    if unit >= 1000.0 { unit / 2.0 } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stated(value: f64, precision: f64, comparator: Comparator) -> Stated {
        Stated {
            value,
            upper: None,
            precision,
            comparator,
            lean: None,
        }
    }

    /// A small deterministic generator (SplitMix64), so the property tests
    /// are plain loops over reproducible values.
    struct Gen(u64);

    impl Gen {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        /// A value with 1 to 4 significant digits at a scale from 10^-2 to
        /// 10^10, and its rounding precision.
        fn stated_value(&mut self) -> (f64, f64) {
            let digits = 1 + (self.next() % 4) as i32;
            let mantissa = 1 + self.next() % 10u64.pow(digits as u32);
            let exp = (self.next() % 13) as i32 - 2;
            let v = mantissa as f64 * 10f64.powi(exp);
            (v, 0.5 * 10f64.powi(exp))
        }
        fn unit(&mut self) -> f64 {
            (self.next() >> 11) as f64 / (1u64 << 53) as f64
        }
        fn comparator(&mut self) -> Comparator {
            [
                Comparator::Eq,
                Comparator::Approx,
                Comparator::Lt,
                Comparator::Le,
                Comparator::Gt,
                Comparator::Ge,
                Comparator::Range,
            ][(self.next() % 7) as usize]
        }
        fn qualifier(&mut self) -> Qualifier {
            [
                Qualifier::Exact,
                Qualifier::Approx,
                Qualifier::Lt,
                Qualifier::Le,
                Qualifier::Gt,
                Qualifier::Ge,
                Qualifier::Range,
            ][(self.next() % 7) as usize]
        }
    }

    #[test]
    fn rounding_interval_is_half_open() {
        let i = claim_interval(&stated(9e9, 0.5e9, Comparator::Eq), 0.05);
        assert!(
            i.contains(8.5e9) && i.contains(9.49e9) && !i.contains(9.5e9) && !i.contains(8.49e9)
        );
        let i = claim_interval(&stated(9e9, 0.05e9, Comparator::Eq), 0.05);
        assert!(i.contains(8.95e9) && !i.contains(9.05e9));
        let i = claim_interval(&stated(1.1e9, 0.05e9, Comparator::Eq), 0.05);
        assert!(i.contains(1.05e9) && !i.contains(1.15e9));
    }

    #[test]
    fn approx_and_leans() {
        let i = claim_interval(&stated(10.0, 0.5, Comparator::Approx), 0.05);
        assert!(i.contains(9.0) && i.contains(11.0) && !i.contains(8.99) && !i.contains(11.01));
        let nearly = Stated {
            lean: Some(Lean::Below),
            ..stated(10e9, 0.5e9, Comparator::Approx)
        };
        let i = claim_interval(&nearly, 0.05);
        assert!(i.contains(9e9) && i.contains(10.5e9) && !i.contains(8.9e9) && !i.contains(10.6e9));
        let over = Stated {
            lean: Some(Lean::Above),
            ..stated(10.0, 0.5, Comparator::Approx)
        };
        let i = claim_interval(&over, 0.05);
        assert!(i.contains(9.5) && i.contains(11.0) && !i.contains(9.4) && !i.contains(11.1));
        let just_under = Stated {
            lean: Some(Lean::Below),
            ..stated(10.0, 0.5, Comparator::Lt)
        };
        let i = claim_interval(&just_under, 0.05);
        assert!(i.contains(9.0) && i.contains(9.99) && !i.contains(10.0));
    }

    #[test]
    fn bounds_are_exact_at_the_boundary() {
        assert!(!claim_interval(&stated(10.0, 0.5, Comparator::Gt), 0.05).contains(10.0));
        assert!(claim_interval(&stated(10.0, 0.5, Comparator::Ge), 0.05).contains(10.0));
        assert!(!claim_interval(&stated(10.0, 0.5, Comparator::Lt), 0.05).contains(10.0));
        assert!(claim_interval(&stated(10.0, 0.5, Comparator::Le), 0.05).contains(10.0));
        assert!(claim_interval(&stated(10.0, 0.5, Comparator::Gt), 0.05).contains(1e300));
    }

    #[test]
    fn fact_intervals() {
        assert!(
            fact_interval(12.0, Qualifier::Exact, None, 0.05).within(&Interval::closed(11.5, 12.5))
        );
        assert!(fact_interval(9.4, Qualifier::Approx, None, 0.05).contains(9.87));
        assert!(!fact_interval(9.4, Qualifier::Approx, None, 0.05).contains(9.88));
        assert!(fact_interval(48.0, Qualifier::Range, Some(49.0), 0.05).contains(48.5));
        assert!(!fact_interval(10e9, Qualifier::Gt, None, 0.05).contains(10e9));
        assert!(fact_interval(3.0, Qualifier::Le, None, 0.05).contains(3.0));
    }

    #[test]
    fn implied_precision_of_round_figures() {
        assert_eq!(implied_precision(352_600_000.0), 50_000.0);
        assert_eq!(implied_precision(270_000_000.0), 500_000.0);
        assert_eq!(implied_precision(10_000_000_000.0), 500_000_000.0);
        assert_eq!(implied_precision(9_500_000_000.0), 50_000_000.0);
        assert_eq!(implied_precision(21_650_000_000.0), 5_000_000.0);
        assert_eq!(implied_precision(424_000.0), 0.0);
        assert_eq!(implied_precision(20_752_327.0), 0.0);
        assert_eq!(implied_precision(40.0), 0.0);
        assert_eq!(implied_precision(12.5), 0.0);
    }

    #[test]
    fn property_every_stated_value_lies_in_its_own_interval() {
        let mut g = Gen(1);
        for _ in 0..5000 {
            let (v, p) = g.stated_value();
            let c = g.comparator();
            let s = Stated {
                value: v,
                upper: Some(v * 2.0),
                precision: p,
                comparator: c,
                lean: None,
            };
            let i = claim_interval(&s, 0.05);
            let inside = match c {
                Comparator::Lt | Comparator::Gt => !i.contains(v),
                _ => i.contains(v),
            };
            assert!(inside, "{v} {c:?} {i:?}");
        }
    }

    #[test]
    fn property_rounding_interval_holds_exactly_what_rounds_to_the_value() {
        let mut g = Gen(2);
        for _ in 0..5000 {
            let (v, p) = g.stated_value();
            let i = claim_interval(&stated(v, p, Comparator::Eq), 0.05);
            // A value drawn inside the rounding interval rounds back to v;
            // one step away does not lie in it.
            let x = v - p + 2.0 * p * g.unit() * 0.999;
            assert!(i.contains(x), "{x} in {i:?}");
            assert!(
                !i.contains(v + 2.0 * p) && !i.contains(v - 2.0 * p),
                "{v} ± step outside {i:?}"
            );
            assert!(i.contains(v - p) && !i.contains(v + p), "ends of {i:?}");
        }
    }

    #[test]
    fn property_approx_contains_eq_and_tolerance_grows_it() {
        let mut g = Gen(3);
        for _ in 0..5000 {
            let (v, p) = g.stated_value();
            let eq = claim_interval(&stated(v, p, Comparator::Eq), 0.05);
            let a5 = claim_interval(&stated(v, p, Comparator::Approx), 0.05);
            let a10 = claim_interval(&stated(v, p, Comparator::Approx), 0.10);
            assert!(
                eq.within(&a5) && a5.within(&a10),
                "{v}: {eq:?} {a5:?} {a10:?}"
            );
            let edge = v * 1.05 + p;
            assert!(
                a5.contains(edge) && !a5.contains(edge * (1.0 + 1e-6)),
                "{v} edge {edge} {a5:?}"
            );
        }
    }

    #[test]
    fn property_intersection_agrees_with_membership() {
        let mut g = Gen(4);
        for _ in 0..5000 {
            let (v, p) = g.stated_value();
            let a = claim_interval(
                &Stated {
                    value: v,
                    upper: Some(v * 1.5),
                    precision: p,
                    comparator: g.comparator(),
                    lean: None,
                },
                0.05,
            );
            let (w, _) = g.stated_value();
            let b = fact_interval(w, g.qualifier(), Some(w * 1.2), 0.05);
            // Symmetric.
            assert_eq!(a.intersects(&b), b.intersects(&a), "{a:?} {b:?}");
            // A point in both proves the intersection.
            for x in [
                a.lo,
                a.hi,
                b.lo,
                b.hi,
                (a.lo.max(b.lo) + a.hi.min(b.hi)) / 2.0,
            ] {
                if x.is_finite() && a.contains(x) && b.contains(x) {
                    assert!(a.intersects(&b), "{x} in {a:?} and {b:?}");
                }
            }
            // Within implies intersects (for non-empty intervals).
            if a.within(&b) && (a.lo < a.hi || a.contains(a.lo)) {
                assert!(a.intersects(&b), "{a:?} within {b:?}");
            }
            // Disjoint intervals have a gap or touch at an open end.
            if !a.intersects(&b) {
                assert!(
                    a.gap(&b) > 0.0 || same(a.hi, b.lo) || same(b.hi, a.lo),
                    "{a:?} {b:?}"
                );
            } else {
                assert_eq!(a.gap(&b), 0.0);
            }
        }
    }

    #[test]
    fn property_scaling_preserves_relations() {
        let mut g = Gen(5);
        for _ in 0..3000 {
            let (v, p) = g.stated_value();
            let a = claim_interval(&stated(v, p, g.comparator()), 0.05);
            let (w, _) = g.stated_value();
            let b = fact_interval(w, g.qualifier(), Some(w * 1.3), 0.05);
            for k in [1e3, 1e6, 1e-3] {
                assert_eq!(
                    a.intersects(&b),
                    a.scaled(k).intersects(&b.scaled(k)),
                    "{a:?} {b:?} ×{k}"
                );
                assert_eq!(
                    a.within(&b),
                    a.scaled(k).within(&b.scaled(k)),
                    "{a:?} {b:?} ×{k}"
                );
            }
        }
    }

    #[test]
    fn property_bounds_split_the_line() {
        let mut g = Gen(6);
        for _ in 0..3000 {
            let (v, p) = g.stated_value();
            let x = v * (0.5 + g.unit());
            let gt = claim_interval(&stated(v, p, Comparator::Gt), 0.05);
            let le = claim_interval(&stated(v, p, Comparator::Le), 0.05);
            let ge = claim_interval(&stated(v, p, Comparator::Ge), 0.05);
            let lt = claim_interval(&stated(v, p, Comparator::Lt), 0.05);
            assert!(gt.contains(x) != le.contains(x), "{x} vs {v}");
            assert!(ge.contains(x) != lt.contains(x), "{x} vs {v}");
            assert!(!gt.intersects(&le) && !ge.intersects(&lt) && ge.intersects(&le));
        }
    }

    #[test]
    fn property_leans_stay_on_their_side() {
        let mut g = Gen(7);
        for _ in 0..3000 {
            let (v, p) = g.stated_value();
            let below = claim_interval(
                &Stated {
                    lean: Some(Lean::Below),
                    ..stated(v, p, Comparator::Approx)
                },
                0.05,
            );
            let above = claim_interval(
                &Stated {
                    lean: Some(Lean::Above),
                    ..stated(v, p, Comparator::Approx)
                },
                0.05,
            );
            assert!(
                below.contains(v * 0.9)
                    && !below.contains(v * 0.89)
                    && !below.contains(v + 1.01 * p)
            );
            assert!(
                above.contains(v * 1.1)
                    && !above.contains(v * 1.11)
                    && !above.contains(v - 1.01 * p)
            );
        }
    }
}
