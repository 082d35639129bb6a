//! Exact decimal numbers: a mantissa and a power of ten.
//!
//! "$20.40" is 2040 × 10⁻², "$1.1 billion" is 11 × 10⁸: no float is
//! multiplied, so a claim compares exactly with a record's value, and the
//! last stated digit (the claim's precision) is known.

use std::cmp::Ordering;
use std::fmt;

/// Largest decimal exponent claimlens keeps; beyond it a number is not a
/// quantity any document states (and would not fit an `f64`).
const MAX_EXP: i32 = 280;

/// An exact decimal `mantissa × 10^exp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i128,
    exp: i32,
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        exp: 0,
    };

    /// `mantissa × 10^exp`.
    pub fn new(mantissa: i128, exp: i32) -> Decimal {
        Decimal { mantissa, exp }
    }

    /// A whole number.
    pub fn int(n: i64) -> Decimal {
        Decimal {
            mantissa: i128::from(n),
            exp: 0,
        }
    }

    /// Parses digits with optional thousands separators (`,`) and one decimal
    /// point: "1,234,567.89", "20.40", ".5". Digits past the 36th are
    /// dropped (their place kept in the exponent). `None` for anything else.
    pub fn parse(s: &str) -> Option<Decimal> {
        let mut mantissa: i128 = 0;
        let mut exp: i32 = 0;
        let mut seen_digit = false;
        let mut seen_point = false;
        let mut sig = 0u32;
        for b in s.bytes() {
            match b {
                b'0'..=b'9' => {
                    seen_digit = true;
                    if sig < 36 {
                        mantissa = mantissa * 10 + i128::from(b - b'0');
                        if mantissa != 0 {
                            sig += 1;
                        }
                        if seen_point {
                            exp -= 1;
                        }
                    } else if !seen_point {
                        exp += 1;
                    }
                }
                b',' | b'\'' | b'_' if !seen_point => {}
                b'.' if !seen_point => seen_point = true,
                _ => return None,
            }
        }
        (seen_digit && exp <= MAX_EXP).then_some(Decimal { mantissa, exp })
    }

    /// From a float, rounded to 12 significant digits (spelled-out fractions
    /// such as "a third").
    pub fn from_f64(v: f64) -> Option<Decimal> {
        if !v.is_finite() {
            return None;
        }
        Decimal::parse_signed(&format!("{v:.11e}"))
    }

    fn parse_signed(s: &str) -> Option<Decimal> {
        let (neg, s) = match s.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, s),
        };
        let (m, e) = s.split_once(['e', 'E']).unwrap_or((s, "0"));
        let d = Decimal::parse(m)?.scale(e.parse().ok()?)?;
        Some(if neg { -d } else { d })
    }

    /// Multiplies by `10^k`; `None` past the range claimlens keeps.
    pub fn scale(self, k: i32) -> Option<Decimal> {
        let exp = self.exp.checked_add(k)?;
        (exp.abs() <= MAX_EXP + 40).then_some(Decimal {
            mantissa: self.mantissa,
            exp,
        })
    }

    /// Multiplies by a whole number (spelled-out "two hundred fifty million").
    pub fn mul_int(self, n: i64) -> Option<Decimal> {
        Some(Decimal {
            mantissa: self.mantissa.checked_mul(i128::from(n))?,
            exp: self.exp,
        })
    }

    /// Adds two decimals exactly.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let exp = self.exp.min(other.exp);
        let a = self
            .mantissa
            .checked_mul(10i128.checked_pow(u32::try_from(self.exp - exp).ok()?)?)?;
        let b = other
            .mantissa
            .checked_mul(10i128.checked_pow(u32::try_from(other.exp - exp).ok()?)?)?;
        Some(Decimal {
            mantissa: a.checked_add(b)?,
            exp,
        })
    }

    /// True below zero.
    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// The power of ten of the last stated digit.
    pub fn exponent(self) -> i32 {
        self.exp
    }

    /// Half a unit of the last stated digit: the rounding precision.
    pub fn half_unit(self) -> f64 {
        0.5 * 10f64.powi(self.exp)
    }

    /// The nearest `f64` (correctly rounded, through the decimal string).
    pub fn to_f64(self) -> f64 {
        // Clinger's fast path: both operands exact, so one rounding.
        const POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        if self.mantissa.unsigned_abs() < (1u128 << 53) && self.exp.unsigned_abs() <= 22 {
            // Below 2^53 the mantissa fits an i64, whose conversion is one
            // instruction (an i128's is a library call); the same value.
            let m = self.mantissa as i64 as f64;
            let p = POW10[self.exp.unsigned_abs() as usize];
            return if self.exp >= 0 { m * p } else { m / p };
        }
        format!("{}e{}", self.mantissa, self.exp)
            .parse()
            .unwrap_or(f64::NAN)
    }

    /// True when the value fits an `f64` as a finite number.
    pub fn is_finite(self) -> bool {
        self.to_f64().is_finite()
    }

    fn normalized(self) -> Decimal {
        let (mut m, mut e) = (self.mantissa, self.exp);
        if m == 0 {
            return Decimal::ZERO;
        }
        while m % 10 == 0 {
            m /= 10;
            e += 1;
        }
        Decimal {
            mantissa: m,
            exp: e,
        }
    }
}

impl std::ops::Neg for Decimal {
    type Output = Decimal;

    /// The negated number.
    fn neg(self) -> Decimal {
        Decimal {
            mantissa: -self.mantissa,
            exp: self.exp,
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        match self.checked_add(-*other) {
            Some(d) => d.mantissa.cmp(&0),
            None => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

impl fmt::Display for Decimal {
    /// The shortest exact decimal form: "9000000000", "20.4", "0.1235".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.normalized();
        let neg = d.mantissa < 0;
        let digits = d.mantissa.unsigned_abs().to_string();
        let sign = if neg { "-" } else { "" };
        if d.exp >= 0 {
            if d.exp > 30 {
                return write!(f, "{sign}{digits}e{}", d.exp);
            }
            write!(f, "{sign}{digits}{}", "0".repeat(d.exp as usize))
        } else {
            let frac = (-d.exp) as usize;
            if digits.len() > frac {
                let (a, b) = digits.split_at(digits.len() - frac);
                write!(f, "{sign}{a}.{b}")
            } else {
                write!(f, "{sign}0.{}{digits}", "0".repeat(frac - digits.len()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap_or(Decimal::ZERO)
    }

    #[test]
    fn to_f64_is_the_correctly_rounded_value() {
        // The fast path (mantissa below 2^53, power of ten up to 22) against
        // the standard library's correctly rounded parse, edges included.
        let mut next = crate::testing::picker(0xbb67_ae85_84ca_a73b);
        let edges = [
            0i128,
            1,
            9,
            (1 << 53) - 1,
            (1 << 53),
            (1 << 53) + 1,
            i64::MAX as i128,
        ];
        for k in 0..20_000 {
            let m = if k < edges.len() * 2 {
                edges[k / 2] * if k % 2 == 0 { 1 } else { -1 }
            } else {
                (next(1 << 30) as i128) << next(30) | next(1 << 20) as i128
            };
            let e = next(61) as i32 - 30;
            let x = Decimal::new(m, e);
            let want: f64 = format!("{m}e{e}").parse().unwrap_or(f64::NAN);
            assert_eq!(x.to_f64().to_bits(), want.to_bits(), "{m}e{e}");
        }
    }

    #[test]
    fn parses_exactly() {
        assert_eq!(d("1,234,567.89").to_string(), "1234567.89");
        assert_eq!(d("20.40").to_string(), "20.4");
        assert_eq!(d("20.40").exponent(), -2);
        assert_eq!(d("1.1").scale(9).map(|x| x.to_f64()), Some(1_100_000_000.0));
        assert_eq!(d(".5").to_string(), "0.5");
        assert_eq!(Decimal::parse("1.2.3"), None);
        assert_eq!(Decimal::parse(""), None);
    }

    #[test]
    fn precision_is_half_the_last_digit() {
        assert_eq!(d("9").scale(9).map(Decimal::half_unit), Some(5e8));
        assert_eq!(d("9.0").scale(9).map(Decimal::half_unit), Some(5e7));
        assert_eq!(d("66").half_unit(), 0.5);
    }

    #[test]
    fn compares_across_exponents() {
        assert!(d("20.40") == d("20.40"));
        assert_eq!(d("20.40").cmp(&d("20.4")), Ordering::Equal);
        assert!(d("9.4") < d("10"));
        assert!(
            d("1").scale(10).unwrap_or(Decimal::ZERO) > d("9").scale(9).unwrap_or(Decimal::ZERO)
        );
    }

    #[test]
    fn huge_numbers_stay_finite_or_are_refused() {
        let nines = "9".repeat(400);
        let big = Decimal::parse(&nines);
        assert!(big.is_none_or(|b| {
            b.scale(12)
                .is_none_or(|x| !x.is_finite() || x.to_f64() > 1e300)
        }));
        assert_eq!(
            Decimal::from_f64(1.0 / 3.0).map(|x| x.to_string()),
            Some("0.333333333333".into())
        );
    }
}
