//! CSV (`--format csv`): one row per claim, or with `--what markers` one row
//! per marker, after a header row; RFC 4180 (comma separated, CRLF line
//! ends, fields quoted when they hold a comma, a quote, a line break or
//! leading or trailing space, quotes doubled).
//!
//! Claim columns: `document, line, column, kind, text, value, unit,
//! comparator, verdict, severity, fact, reason`, then `upper` (the high end
//! of a range) and `id` (`c3`, as in the JSON report). Values are exact
//! decimals in the unit's base (`9000000000`); `verdict` is empty for
//! unchecked claims, `severity` for claims that are not contradicted.
//! Marker columns: `document, line, column, category, cue, text, sentence,
//! voice, context, id`.
//!
//! Documents that could not be read have no rows (the error goes to
//! standard error). A cell holding text that a spreadsheet would run as a
//! formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return,
//! and not a number) gets a leading `'`, as OWASP advises for CSV injection.
//!
//! Written by hand rather than with the `csv` crate: quoting is ten lines,
//! and the formula guard has to be written here anyway.

use std::io::{self, Write};

use super::{Locator, Outcome, What, one_line, verdict_name};

const CLAIM_COLUMNS: &[&str] = &[
    "document",
    "line",
    "column",
    "kind",
    "text",
    "value",
    "unit",
    "comparator",
    "verdict",
    "severity",
    "fact",
    "reason",
    "upper",
    "id",
];

const MARKER_COLUMNS: &[&str] = &[
    "document", "line", "column", "category", "cue", "text", "sentence", "voice", "context", "id",
];

/// One CSV field, quoted when needed and guarded against formulas.
fn field(s: &str) -> String {
    let guarded;
    let s = if is_formula(s) {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    let needs_quotes = s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn is_formula(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r') {
        return false;
    }
    let number = s.trim_end_matches('%');
    !(number.len() > 1
        && number[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b','))
}

fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.write_all(line.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

pub(crate) fn render(outcomes: &[Outcome], what: What, out: &mut dyn Write) -> io::Result<()> {
    let header: Vec<String> = match what {
        What::Claims => CLAIM_COLUMNS,
        What::Markers => MARKER_COLUMNS,
    }
    .iter()
    .map(|s| s.to_string())
    .collect();
    row(out, &header)?;
    for o in outcomes {
        let Outcome::Analyzed(a) = o else { continue };
        let loc = Locator::new(a);
        let path = a.source.path.as_str();
        match what {
            What::Claims => {
                for (i, c) in a.claims.iter().enumerate() {
                    let check = a.checks.get(i).and_then(Option::as_ref);
                    let l = loc.locate(c.span);
                    let value = match (c.value, c.period) {
                        (Some(v), _) => v.to_string(),
                        (None, Some(p)) => p.to_string(),
                        (None, None) => String::new(),
                    };
                    row(
                        out,
                        &[
                            path.to_string(),
                            l.line.to_string(),
                            l.column.to_string(),
                            c.kind.name().to_string(),
                            one_line(a.text_of(c)),
                            value,
                            c.unit.clone(),
                            c.comparator.name().to_string(),
                            check.map_or_else(String::new, |_| verdict_name(check).to_string()),
                            check
                                .and_then(|k| k.severity)
                                .map_or_else(String::new, |s| s.name().to_string()),
                            check.and_then(|k| k.fact.clone()).unwrap_or_default(),
                            check.map_or_else(String::new, |k| k.reason.clone()),
                            c.upper.map_or_else(String::new, |u| u.to_string()),
                            format!("c{}", i + 1),
                        ],
                    )?;
                }
            }
            What::Markers => {
                for (i, m) in a.markers.iter().enumerate() {
                    let l = loc.locate(m.span);
                    row(
                        out,
                        &[
                            path.to_string(),
                            l.line.to_string(),
                            l.column.to_string(),
                            m.category.clone(),
                            m.cue.clone(),
                            one_line(a.text_of(m)),
                            (m.sentence + 1).to_string(),
                            m.voice.name().to_string(),
                            m.context
                                .map_or_else(String::new, |c| format!("{c:?}").to_lowercase()),
                            format!("m{}", i + 1),
                        ],
                    )?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded"), "\" padded\"");
        assert_eq!(field(""), "");
    }

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
        assert_eq!(field("-1200000"), "-1200000");
        assert_eq!(field("-4.5%"), "-4.5%");
        assert_eq!(field("-"), "'-");
    }
}
