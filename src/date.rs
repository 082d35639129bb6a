//! Calendar dates and periods ("2025-07-07", "2025-Q4", "by the end of 2027"),
//! small and exact, shared by the loader (datelines), the claims stage (date
//! claims) and the check (facts as of a date).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    /// A date, if the day exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.get(..2)?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): {s}")))
    }
}

/// An inclusive span of days: a day, a month, a quarter, a half or a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
}

impl Period {
    /// One day.
    pub fn day(d: Date) -> Period {
        Period { start: d, end: d }
    }

    /// A whole month.
    pub fn month(year: i32, month: u8) -> Option<Period> {
        Some(Period {
            start: Date::new(year, month, 1)?,
            end: Date::new(year, month, days_in_month(year, month))?,
        })
    }

    /// Months `first..=last` of `year`.
    pub fn months(year: i32, first: u8, last: u8) -> Option<Period> {
        Some(Period {
            start: Period::month(year, first)?.start,
            end: Period::month(year, last)?.end,
        })
    }

    /// Quarter `q` (1–4) of `year`.
    pub fn quarter(year: i32, q: u8) -> Option<Period> {
        if !(1..=4).contains(&q) {
            return None;
        }
        Period::months(year, q * 3 - 2, q * 3)
    }

    /// A whole year.
    pub fn year(year: i32) -> Option<Period> {
        Period::months(year, 1, 12)
    }

    /// Parses `2025-07-07`, `2025-07`, `2025-Q4`, `2025-H2` or `2025`.
    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim();
        if let Some(d) = Date::parse(s) {
            return Some(Period::day(d));
        }
        let (y, rest) = s.split_once('-').unwrap_or((s, ""));
        let year: i32 = y.parse().ok()?;
        if y.len() != 4 {
            return None;
        }
        match rest.as_bytes() {
            [] => Period::year(year),
            [b'Q' | b'q', q] => Period::quarter(year, q.checked_sub(b'0')?),
            [b'H' | b'h', b'1'] => Period::months(year, 1, 6),
            [b'H' | b'h', b'2'] => Period::months(year, 7, 12),
            _ => Period::month(year, rest.parse().ok()?),
        }
    }

    /// True when `d` lies in the period.
    pub fn contains(&self, d: Date) -> bool {
        self.start <= d && d <= self.end
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, e) = (self.start, self.end);
        if s == e {
            return write!(f, "{s}");
        }
        let whole_months =
            s.day == 1 && e.day == days_in_month(e.year, e.month) && s.year == e.year;
        if whole_months {
            match (s.month, e.month) {
                (1, 12) => return write!(f, "{}", s.year),
                (a, b) if a == b => return write!(f, "{:04}-{:02}", s.year, a),
                (a, b) if b == a + 2 && a % 3 == 1 => {
                    return write!(f, "{}-Q{}", s.year, a / 3 + 1);
                }
                (1, 6) => return write!(f, "{}-H1", s.year),
                (7, 12) => return write!(f, "{}-H2", s.year),
                _ => {}
            }
        }
        write!(f, "{s}/{e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_and_print() {
        for s in ["2025-07-07", "2025-Q4", "2025-H2", "2025", "2025-06"] {
            let p = Period::parse(s);
            assert_eq!(p.map(|p| p.to_string()), Some(s.to_string()), "{s}");
        }
        assert_eq!(Period::parse("2025-Q5"), None);
        assert_eq!(Date::parse("2025-02-29"), None);
        assert!(Period::parse("2025-Q4").is_some_and(|p| p.contains(Date {
            year: 2025,
            month: 11,
            day: 30
        })));
    }

    #[test]
    fn day_numbers() {
        let a = Date::parse("2022-05-26").map(|d| d.days());
        let b = Date::parse("2023-11-22").map(|d| d.days());
        assert_eq!(b.zip(a).map(|(b, a)| b - a), Some(545));
        assert_eq!(Date::parse("1970-01-01").map(|d| d.days()), Some(0));
    }
}
