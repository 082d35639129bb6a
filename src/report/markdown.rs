//! Markdown (`--format markdown`): the HTML report's content for notes and
//! pull requests (GitHub-flavoured tables).
//!
//! With several documents an overview comes first (documents × verdict
//! counts, every contradicted claim with a link to it, documents ranked by
//! marker density); then, per document, a summary table, the sentences that
//! speak of the deal in a status the record says it no longer had, a table of its
//! claims (verdict as text, value, linked fact, the fact's source, reason,
//! and the claim in its sentence) and one of its markers.
//!
//! Text from documents and records goes through [`escape`]: the ASCII
//! punctuation that Markdown, GitHub's extensions (tables, strikethrough,
//! math) or inline HTML would read (`\ ` * _ [ ] < > | # & ~ $`) is
//! backslash-escaped and line breaks become spaces, so a document can
//! neither break a table nor inject markup or links (with `[` and `<`
//! escaped, no link or autolink can start). Anchors (`<a id="d1-c3"></a>`)
//! are made from numbers only.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::value::claim_value;
use super::{
    Locator, Outcome, Tally, document_name, fact_and_source, not_analysed, one_line, outcome_name,
    per_100_words, verdict_label,
};
use crate::analysis::Analysis;
use crate::check::Verdict;
use crate::span::Span;

/// Characters of the sentence shown around a claim.
const CONTEXT: usize = 60;

/// Escapes text for a Markdown paragraph or table cell.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '~' | '$' => {
                out.push('\\');
                out.push(ch);
            }
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

pub(crate) fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    let mut m = String::new();
    let t = super::Totals::of(outcomes);
    m.push_str("# claimlens report\n\n");
    let docs = if outcomes.len() == 1 {
        "1 document".to_string()
    } else {
        format!("{} documents", outcomes.len())
    };
    let _ = writeln!(m, "{docs}: {}.\n", t.counts());
    if outcomes.len() > 1 {
        overview(outcomes, &mut m);
    }
    for (i, o) in outcomes.iter().enumerate() {
        match o {
            Outcome::Analyzed(a) => document(i + 1, a, &mut m),
            Outcome::Failed(e) => {
                let (label, why) = not_analysed(o, e);
                let _ = writeln!(
                    m,
                    "<a id=\"d{}\"></a>\n\n## {}\n\n**{label}:** {}\n",
                    i + 1,
                    escape(e.path.as_deref().unwrap_or("-")),
                    escape(&why)
                );
            }
        }
    }
    out.write_all(m.trim_end().as_bytes())?;
    out.write_all(b"\n")
}

fn overview(outcomes: &[Outcome], m: &mut String) {
    m.push_str("## Overview\n\n");
    m.push_str(
        "| Document | Claims | Supported | Contradicted | Unverifiable | Unchecked | Markers |\n",
    );
    m.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (i, o) in outcomes.iter().enumerate() {
        let link = format!("[{}](#d{})", escape(&outcome_name(o)), i + 1);
        match o {
            Outcome::Analyzed(a) => {
                let t = Tally::of(a);
                let _ = writeln!(
                    m,
                    "| {link} | {} | {} | {} | {} | {} | {} |",
                    a.claims.len(),
                    t.supported,
                    t.contradicted,
                    t.unverifiable,
                    t.unchecked,
                    a.markers.len()
                );
            }
            Outcome::Failed(e) => {
                let label = not_analysed(o, e).0.to_lowercase();
                let _ = writeln!(m, "| {link} | {label} | | | | | |");
            }
        }
    }
    m.push_str("\n### Contradicted claims\n\n");
    let mut any = false;
    for (d, o) in outcomes.iter().enumerate() {
        let Outcome::Analyzed(a) = o else { continue };
        let loc = Locator::new(a);
        for (i, c) in a.claims.iter().enumerate() {
            let check = a.checks.get(i).and_then(Option::as_ref);
            let Some(k) = check.filter(|k| k.verdict == Verdict::Contradicted) else {
                continue;
            };
            any = true;
            let l = loc.locate(c.span);
            let _ = writeln!(
                m,
                "- [{}:{}:{} “{}”](#d{}-c{}), {}: {}",
                escape(&a.source.path),
                l.line,
                l.column,
                escape(a.text_of(c)),
                d + 1,
                i + 1,
                escape(&verdict_label(check)),
                escape(&k.reason)
            );
        }
    }
    if !any {
        m.push_str("No claim is contradicted.\n");
    }
    m.push_str("\n### Documents by marker density\n\n| Rank | Document | Markers per 100 words | Markers | Words |\n| ---: | --- | ---: | ---: | ---: |\n");
    let ranked = super::by_density(outcomes);
    for (rank, (d, a, density)) in ranked.iter().enumerate() {
        let _ = writeln!(
            m,
            "| {} | [{}](#d{d}) | {density} | {} | {} |",
            rank + 1,
            escape(&document_name(a)),
            a.markers.len(),
            a.words
        );
    }
    m.push('\n');
}

fn document(d: usize, a: &Analysis, m: &mut String) {
    let _ = writeln!(
        m,
        "<a id=\"d{d}\"></a>\n\n## {}\n",
        escape(&document_name(a))
    );
    let _ = writeln!(m, "{}\n", escape(&super::document_meta(a)));
    for n in &a.notes {
        let _ = writeln!(m, "> Note: {}\n", escape(n));
    }
    let t = Tally::of(a);
    m.push_str("| Claims | Supported | Contradicted | Unverifiable | Unchecked | Markers | Per 100 words | Words |\n");
    m.push_str("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    let _ = writeln!(
        m,
        "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
        a.claims.len(),
        t.supported,
        t.contradicted,
        t.unverifiable,
        t.unchecked,
        a.markers.len(),
        per_100_words(a.markers.len(), a.words),
        a.words
    );
    let loc = Locator::new(a);
    if !a.statuses.is_empty() {
        let _ = writeln!(m, "### Status of the deal\n");
        for (i, st) in a.statuses.iter().enumerate() {
            let l = loc.locate(st.span);
            let _ = writeln!(
                m,
                "- **stale status** s{} at {}:{} “{}”: {}",
                i + 1,
                l.line,
                l.column,
                escape(&one_line(a.text_of(st))),
                escape(&st.message)
            );
        }
        m.push('\n');
    }
    if !a.claims.is_empty() {
        let _ = writeln!(m, "### Claims\n");
        m.push_str(
            "| Claim | Line:col | Verdict | Value | Fact | Source | Reason | In context |\n",
        );
        m.push_str("| --- | ---: | --- | --- | --- | --- | --- | --- |\n");
        for (i, c) in a.claims.iter().enumerate() {
            let check = a.checks.get(i).and_then(Option::as_ref);
            let l = loc.locate(c.span);
            let (fact, source) = fact_and_source(check);
            let _ = writeln!(
                m,
                "| <a id=\"d{d}-c{n}\"></a>c{n} | {}:{} | **{}** | {} | {} | {} | {} | {} |",
                l.line,
                l.column,
                escape(&verdict_label(check)),
                escape(&claim_value(c)),
                escape(&fact),
                escape(&source),
                escape(check.map_or("", |k| k.reason.as_str())),
                in_context(a, c.span, c.sentence),
                n = i + 1,
            );
        }
        m.push('\n');
    }
    if !a.markers.is_empty() {
        let _ = writeln!(m, "### Markers\n");
        m.push_str(
            "| Marker | Line:col | Category | Text | Cue |\n| --- | ---: | --- | --- | --- |\n",
        );
        for (i, mk) in a.markers.iter().enumerate() {
            let l = loc.locate(mk.span);
            let _ = writeln!(
                m,
                "| m{} | {}:{} | {} | {} | {} |",
                i + 1,
                l.line,
                l.column,
                escape(&mk.category),
                escape(&one_line(a.text_of(mk))),
                escape(&mk.cue)
            );
        }
        m.push('\n');
    }
}

/// The claim in its sentence, bold, cut to a window: "…deal valued at **about $9 billion**, a…".
fn in_context(a: &Analysis, span: Span, sentence: usize) -> String {
    let text = a.source.text();
    let s = a
        .sentences
        .get(sentence)
        .map_or(span, |s| s.span.cover(span));
    let before: Vec<char> = text
        .get(s.start..span.start)
        .unwrap_or("")
        .chars()
        .collect();
    let after: Vec<char> = text.get(span.end..s.end).unwrap_or("").chars().collect();
    let mut out = String::new();
    if before.len() > CONTEXT {
        // Start at a word.
        let cut: String = before[before.len() - CONTEXT..].iter().collect();
        let cut = cut.split_once(' ').map_or(cut.as_str(), |(_, rest)| rest);
        out.push('…');
        out.push_str(&escape(cut.trim_start()));
    } else {
        out.push_str(&escape(&before.iter().collect::<String>()));
    }
    let _ = write!(out, "**{}**", escape(one_line(span.slice(text)).trim()));
    if after.len() > CONTEXT {
        // End at a word.
        let cut: String = after[..CONTEXT].iter().collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(kept, _)| kept);
        out.push_str(&escape(cut.trim_end()));
        out.push('…');
    } else {
        out.push_str(&escape(after.iter().collect::<String>().trim_end()));
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup_and_tables() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            escape("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(escape("a | b\n\nc & $9"), "a \\| b c \\& \\$9");
        assert_eq!(
            escape("*bold* _it_ `code` # h"),
            "\\*bold\\* \\_it\\_ \\`code\\` \\# h"
        );
    }
}
