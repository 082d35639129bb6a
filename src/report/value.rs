//! A claim's value as a reader writes it, for the formats people read
//! (HTML, Markdown): "$9 billion", "about $20.40 per share", "less than
//! 10%", "1.3 GW". (What the record says comes written so by the check.) Exact: the digits shown are the digits of the number, with no
//! float rounding. The machine formats print the raw value and unit instead.

use crate::claims::{Change, Claim, ClaimKind, Comparator, Decimal, Lean};

/// A claim's value with its comparator: "about $9 billion", "$9 billion to
/// $10 billion", "up 4%". Date claims show their period.
pub(crate) fn claim_value(c: &Claim) -> String {
    let Some(v) = c.value else {
        return c.period.map_or_else(String::new, |p| p.to_string());
    };
    let base = amount(v, c.kind, &c.unit);
    let mut s = match (c.comparator, c.upper) {
        (Comparator::Range, Some(u)) => format!("{base} to {}", amount(u, c.kind, &c.unit)),
        (Comparator::Approx, _) => match c.lean {
            Some(Lean::Below) => format!("nearly {base}"),
            Some(Lean::Above) => format!("just over {base}"),
            None => format!("about {base}"),
        },
        (cmp, _) => format!("{}{base}", comparator_words(cmp)),
    };
    match c.change {
        Some(Change::Up) => s.insert_str(0, "up "),
        Some(Change::Down) => s.insert_str(0, "down "),
        None => {}
    }
    s
}

fn comparator_words(c: Comparator) -> &'static str {
    match c {
        Comparator::Eq | Comparator::Range => "",
        Comparator::Approx => "about ",
        Comparator::Lt => "less than ",
        Comparator::Le => "at most ",
        Comparator::Gt => "more than ",
        Comparator::Ge => "at least ",
    }
}

/// One amount in its unit.
fn amount(v: Decimal, kind: ClaimKind, unit: &str) -> String {
    match kind {
        ClaimKind::Money => money(v, unit),
        ClaimKind::PerShare => {
            let currency = unit.split('/').next().unwrap_or(unit);
            format!("{} per share", money(v, currency))
        }
        ClaimKind::Percent if unit == "pp" => {
            let n = number(v);
            if n == "1" {
                "1 percentage point".into()
            } else {
                format!("{n} percentage points")
            }
        }
        ClaimKind::Percent => format!("{}%", number(v)),
        ClaimKind::Ratio => format!("{} {}", number(v), unit.replace('/', " per ")),
        ClaimKind::Multiple => format!("{}x", number(v)),
        ClaimKind::Duration => {
            let n = number(v);
            let unit = match unit {
                "year" | "day" | "month" | "week" if n != "1" => format!("{unit}s"),
                _ => unit.to_string(),
            };
            format!("{n} {unit}")
        }
        ClaimKind::Power => power(v),
        ClaimKind::Count => format!("{} {unit}", scaled(v)),
        ClaimKind::Date => number(v),
    }
}

fn money(v: Decimal, code: &str) -> String {
    let (sign, v) = if v.is_negative() { ("-", -v) } else { ("", v) };
    let mut n = scaled(v);
    // Cents are written with two digits: "$20.40", not "$20.4".
    if let Some((_, frac)) = n.split_once('.') {
        if frac.len() == 1 && !n.contains(' ') {
            n.push('0');
        }
    }
    match code {
        "USD" => format!("{sign}${n}"),
        "EUR" => format!("{sign}€{n}"),
        "GBP" => format!("{sign}£{n}"),
        "JPY" => format!("{sign}¥{n}"),
        _ => format!("{sign}{n} {code}"),
    }
}

fn power(v: Decimal) -> String {
    for (k, unit) in [(9, "GW"), (6, "MW"), (3, "kW")] {
        if let Some(s) = v.scale(-k).filter(|s| s.to_f64().abs() >= 1.0) {
            return format!("{} {unit}", number(s));
        }
    }
    format!("{} W", number(v))
}

/// A number with a scale word from a million up ("9 billion", "1.25
/// million") when that takes at most three decimals; otherwise grouped
/// digits ("1,234,567").
fn scaled(v: Decimal) -> String {
    for (k, word) in [(12, "trillion"), (9, "billion"), (6, "million")] {
        let Some(s) = v.scale(-k) else { continue };
        if s.to_f64().abs() < 1.0 {
            continue;
        }
        let digits = number(s);
        if digits.split_once('.').is_none_or(|(_, f)| f.len() <= 3) {
            return format!("{digits} {word}");
        }
        break;
    }
    number(v)
}

/// The exact decimal with thousands grouped: "1,234,567.5".
fn number(v: Decimal) -> String {
    let s = v.to_string();
    let (sign, s) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s.as_str()),
    };
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    if int.len() > 4 && !int.contains('e') {
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
    } else {
        grouped.push_str(int);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap_or(Decimal::ZERO)
    }

    #[test]
    fn amounts_read_naturally() {
        let rows: &[(&str, ClaimKind, &str, &str)] = &[
            ("9000000000", ClaimKind::Money, "USD", "$9 billion"),
            ("1100000000", ClaimKind::Money, "USD", "$1.1 billion"),
            ("1234567891", ClaimKind::Money, "USD", "$1,234,567,891"),
            ("250000", ClaimKind::Money, "EUR", "€250,000"),
            ("4500", ClaimKind::Money, "CHF", "4500 CHF"),
            (
                "20.40",
                ClaimKind::PerShare,
                "USD/share",
                "$20.40 per share",
            ),
            ("10", ClaimKind::Percent, "%", "10%"),
            ("2.5", ClaimKind::Percent, "pp", "2.5 percentage points"),
            (
                "0.1235",
                ClaimKind::Ratio,
                "shares/share",
                "0.1235 shares per share",
            ),
            ("2", ClaimKind::Multiple, "x", "2x"),
            ("12", ClaimKind::Duration, "year", "12 years"),
            ("1", ClaimKind::Duration, "year", "1 year"),
            ("1300000000", ClaimKind::Power, "W", "1.3 GW"),
            ("500000", ClaimKind::Power, "W", "500 kW"),
            (
                "250000000",
                ClaimKind::Count,
                "shares",
                "250 million shares",
            ),
            ("1500", ClaimKind::Count, "employees", "1500 employees"),
            ("15000", ClaimKind::Count, "employees", "15,000 employees"),
        ];
        for (v, kind, unit, want) in rows {
            assert_eq!(amount(d(v), *kind, unit), *want, "{v} {unit}");
        }
        assert_eq!(
            money(-d("1.2").scale(6).unwrap_or(Decimal::ZERO), "USD"),
            "-$1.2 million"
        );
    }
}
