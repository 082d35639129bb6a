//! The document's own date: a press-release dateline ("AUSTIN, Texas, July
//! 7, 2025 (GLOBE NEWSWIRE) --"), a "Published" line, an EDGAR `FILED AS OF
//! DATE` header, or an HTML `<meta name="date">` tag. Facts and statuses
//! are judged as of this date.

use std::sync::LazyLock;

use regex::Regex;

use crate::date::Date;

// Digits are ASCII (`[0-9]`, not `\d`): the captures are parsed as ASCII
// numbers, so a date in other digits could only stop the search with no
// date, and Unicode's `\d` made compiling these four regexes (on every run)
// half as long again.
const MONTHS: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";

static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?im)^\s*(?:published|updated|posted|dated|date)\s*:?\s*(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?{MONTHS}\s+([0-9]{{1,2}}),?\s+([0-9]{{4}})"
    );
    Regex::new(&re).unwrap_or_else(|e| panic!("static regex: {e}"))
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?m){MONTHS}\s+([0-9]{{1,2}}),\s+([0-9]{{4}})\s*(?:/[A-Za-z ]+/|\([A-Z][A-Za-z .]+\)|--|—|–|-\s)"
    );
    Regex::new(&re).unwrap_or_else(|e| panic!("static regex: {e}"))
});

static FILED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"FILED AS OF DATE:\s*([0-9]{4})([0-9]{2})([0-9]{2})")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

static META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta\s+[^>]*name\s*=\s*["']?(?:date|dc\.date|article:published_time|pubdate)["']?[^>]*content\s*=\s*["']?([0-9]{4}-[0-9]{2}-[0-9]{2})"#)
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

fn month_number(m: &str) -> Option<u8> {
    let m = m.trim_end_matches('.').to_ascii_lowercase();
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names
        .iter()
        .position(|n| m.starts_with(n))
        .map(|i| i as u8 + 1)
}

fn from_caps(c: &regex::Captures<'_>) -> Option<Date> {
    let m = month_number(c.get(1)?.as_str())?;
    let d: u8 = c.get(2)?.as_str().parse().ok()?;
    let y: i32 = c.get(3)?.as_str().parse().ok()?;
    Date::new(y, m, d)
}

/// The date the document states for itself, looking at its first few
/// kilobytes of text (and of source bytes, for HTML meta tags and EDGAR
/// headers).
pub fn document_date(text: &str, source: &[u8]) -> Option<Date> {
    let head = &source[..source.len().min(8192)];
    let head = String::from_utf8_lossy(head);
    if let Some(c) = FILED.captures(&head) {
        let d = Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        if d.is_some() {
            return d;
        }
    }
    if let Some(c) = META.captures(&head) {
        if let Some(d) = Date::parse(&c[1]) {
            return Some(d);
        }
    }
    let t = &text[..crate::span::floor_char_boundary(text, 3000)];
    PUBLISHED
        .captures(t)
        .and_then(|c| from_caps(&c))
        .or_else(|| DATELINE.captures(t).and_then(|c| from_caps(&c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        document_date(s, s.as_bytes()).map(|d| d.to_string())
    }

    #[test]
    fn dates_in_other_digits_do_not_hide_a_later_date() {
        // Full-width digits in the header and the first dateline: the
        // "Published" line is still read.
        let text = "FILED AS OF DATE: \u{ff12}\u{ff10}\u{ff12}\u{ff15}\u{ff10}\u{ff17}\u{ff10}\u{ff17}\n\
                    Published July \u{ff17}, \u{ff12}\u{ff10}\u{ff12}\u{ff15}\n\
                    Published July 8, 2025\n";
        assert_eq!(d(text), Some("2025-07-08".into()));
    }

    #[test]
    fn reads_datelines() {
        assert_eq!(
            d("LIVINGSTON, N.J., July 7, 2025 (GLOBE NEWSWIRE) -- CoreWeave"),
            Some("2025-07-07".into())
        );
        assert_eq!(
            d("PALO ALTO, Calif., May 26, 2022 /PRNewswire/ -- Broadcom"),
            Some("2022-05-26".into())
        );
        assert_eq!(
            d("Headline\nPublished October 30, 2025\n\nText"),
            Some("2025-10-30".into())
        );
        assert_eq!(
            d("Published: Thursday, Oct. 30, 2025"),
            Some("2025-10-30".into())
        );
        assert_eq!(
            d("FILED AS OF DATE:\t\t20251031\n"),
            Some("2025-10-31".into())
        );
        assert_eq!(
            d("<meta name=\"date\" content=\"2023-11-22\">"),
            Some("2023-11-22".into())
        );
        assert_eq!(
            d("The deal was announced on July 7, 2025 and it failed."),
            None
        );
    }
}
