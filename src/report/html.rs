//! HTML (`--format html`): one self-contained page for a person to read.
//!
//! - Everything is inline (CSS, no script, no images, no fonts), and a
//!   Content-Security-Policy of `default-src 'none'` forbids the page any
//!   request and any script, so even a mistake in escaping could not run one.
//! - With several documents, an overview comes first: documents × verdict
//!   counts, every contradicted claim with a link to it, and the documents
//!   ranked by marker density.
//! - Each document: a summary table, the sentences that speak of the deal in
//!   a status the record says it no longer had, its text with every claim highlighted by
//!   verdict (colour, border style AND a text label, for readers who do not
//!   tell the colours apart) and every marker underlined by category, then a
//!   table of the claims and one of the markers. Hovering or focusing (Tab)
//!   a claim shows its value, the linked fact, the fact's source and the
//!   reason (CSS only: `:hover`, `:focus-within`; `tabindex="0"` on each claim).
//! - Ids: document `d<N>`, claim `d<N>-c<M>` (with `data-verdict`), marker
//!   `d<N>-m<M>`, the same numbering as the JSON report.
//! - Every string taken from a document or a record goes through [`escape`];
//!   ids and class names are made by this module from numbers and known
//!   names, never from document text.
//!
//! Claims and markers may overlap (a marker inside a claim, or across its
//! edge, or two markers over each other): the text is cut at every edge, and
//! each piece closes every element it opened, so the markup is always well
//! formed and each claim is exactly one element.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::value::claim_value;
use super::{
    Locator, Outcome, Tally, document_name, fact_and_source, not_analysed, one_line, outcome_name,
    per_100_words, verdict_label, verdict_name,
};
use crate::analysis::Analysis;
use crate::check::{Check, Severity, Verdict};

/// Escapes text for HTML content and double- or single-quoted attribute
/// values: `& < > " '` become character references, and control characters
/// other than tab and newline (which HTML forbids or mangles) become spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(ch),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root{--ink:#1d1f24;--muted:#5b6270;--rule:#d5d9e0;--paper:#fff;--panel:#f5f6f8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--paper)}
main{max-width:72rem;margin:0 auto;padding:1.5rem 2rem 4rem}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.3rem;margin:2.5rem 0 .4rem;padding-top:1rem;border-top:3px solid var(--ink);overflow-wrap:anywhere}
h3{font-size:1.05rem;margin:1.6rem 0 .5rem}
a{color:#1a4fa0}
.meta,.muted{color:var(--muted)}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.92rem}
th,td{border:1px solid var(--rule);padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:var(--panel)}
caption{text-align:left;font-size:.85rem;padding:.2rem 0}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.wrap{max-width:28rem;overflow-wrap:anywhere}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;font-size:.9rem;margin:.6rem 0}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:1.02rem/1.9 Georgia,"Noto Serif","DejaVu Serif",serif;background:var(--panel);border:1px solid var(--rule);border-radius:6px;padding:1rem 1.3rem;max-width:52rem}
.claim{position:relative;color:inherit;border-radius:3px;padding:0 .12rem;border-bottom:2px solid;cursor:help}
.claim:focus{outline:3px solid #1a4fa0;outline-offset:2px}
.tag{font:600 .68rem/1 system-ui,sans-serif;letter-spacing:.02em;text-transform:uppercase;border:1px solid;border-radius:3px;padding:.1rem .25rem;margin-left:.25rem;vertical-align:.12em;background:var(--paper);white-space:nowrap}
.v-supported{background:#dff3e1;border-color:#1e7b34}
.v-supported .tag{color:#13592a;border-color:#1e7b34}
.v-contradicted{background:#fde0df;border-bottom-width:3px;border-bottom-style:double;border-color:#b3261e}
.v-contradicted .tag{color:#8c1d18;border-color:#b3261e}
.v-unverifiable{background:#fff2c6;border-bottom-style:dashed;border-color:#8a5a00}
.v-unverifiable .tag{color:#6b4600;border-color:#8a5a00}
.v-unchecked{background:#e6e9f0;border-bottom-style:dotted;border-color:#4a5873}
.v-unchecked .tag{color:#3a465c;border-color:#4a5873}
.tip{display:none;position:absolute;left:0;top:calc(100% + .35rem);z-index:10;width:max-content;max-width:min(30rem,80vw);white-space:normal;font:.88rem/1.45 system-ui,sans-serif;color:var(--ink);background:var(--paper);border:1px solid var(--ink);border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.18);padding:.55rem .75rem;cursor:auto}
.tip>span{display:block}
.tip b{font-weight:600}
.claim:hover>.tip,.claim:focus>.tip,.claim:focus-within>.tip{display:block}
.mk{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:.22em;text-decoration-skip-ink:none}
.swatch{padding:0 .2rem}
"#;

/// The underline of each marker category: a colour and a line style, so two
/// categories differ in more than colour. Unknown categories (user lexicons)
/// share one style.
const CATEGORIES: &[(&str, &str, &str)] = &[
    ("hedge", "#6a3d9a", "dotted"),
    ("approximator", "#1f78b4", "dashed"),
    ("booster", "#b15928", "solid"),
    ("exaggeration_minimisation", "#e31a1c", "wavy"),
    ("loaded_language", "#c2185b", "solid"),
    ("deception_frame", "#7b1fa2", "wavy"),
    ("fear_appeal", "#d84315", "double"),
    ("doubt_insinuation", "#00796b", "dashed"),
    ("oversimplification", "#5d4037", "dotted"),
    ("scare_quotes", "#303f9f", "double"),
    ("rhetorical_question", "#00838f", "wavy"),
    ("puffery", "#827717", "dashed"),
    ("forward_looking", "#455a64", "dotted"),
    ("accusation_legal", "#b71c1c", "double"),
];
const OTHER_CATEGORY: (&str, &str) = ("#37474f", "solid");

/// The CSS class of a marker category: the category if it is a plain name,
/// otherwise a generic one (categories can come from user lexicons).
fn category_class(category: &str) -> String {
    if !category.is_empty()
        && category
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        format!("k-{category}")
    } else {
        "k-other".to_string()
    }
}

fn category_style(category: &str) -> (&'static str, &'static str) {
    CATEGORIES
        .iter()
        .find(|(c, ..)| *c == category)
        .map_or(OTHER_CATEGORY, |&(_, colour, line)| (colour, line))
}

fn verdict_of(check: Option<&Check>) -> Option<Verdict> {
    check.map(|c| c.verdict)
}

/// The short text label shown beside each claim.
fn tag(check: Option<&Check>) -> String {
    tag_for(verdict_of(check), check.and_then(|c| c.severity))
}

fn tag_for(verdict: Option<Verdict>, severity: Option<Severity>) -> String {
    match (verdict, severity) {
        (Some(Verdict::Supported), _) => "✓ supported".to_string(),
        (Some(Verdict::Contradicted), Some(s)) => format!("✗ contradicted · {}", s.name()),
        (Some(Verdict::Contradicted), None) => "✗ contradicted".to_string(),
        (Some(Verdict::Unverifiable), _) => "? unverifiable".to_string(),
        (None, _) => "– unchecked".to_string(),
    }
}

pub(crate) fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    let mut h = String::new();
    page(outcomes, &mut h);
    out.write_all(h.as_bytes())
}

fn page(outcomes: &[Outcome], h: &mut String) {
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let title = match outcomes {
        [one] => format!("claimlens report: {}", outcome_name(one)),
        _ => format!("claimlens report: {} documents", outcomes.len()),
    };
    let _ = writeln!(h, "<title>{}</title>", escape(&title));
    h.push_str("<style>");
    h.push_str(STYLE);
    let mut categories: Vec<&str> = super::analysed(outcomes)
        .flat_map(|(_, a)| a.markers.iter().map(|m| m.category.as_str()))
        .collect();
    categories.sort_unstable();
    categories.dedup();
    let mut classes: Vec<(String, &str, &str)> = categories
        .iter()
        .map(|c| {
            let (colour, line) = category_style(c);
            (category_class(c), colour, line)
        })
        .collect();
    classes.dedup_by(|a, b| a.0 == b.0);
    for (class, colour, line) in &classes {
        let _ = writeln!(
            h,
            ".{class}{{text-decoration-color:{colour};text-decoration-style:{line}}}"
        );
    }
    h.push_str("</style>\n</head>\n<body>\n<main>\n");
    header(outcomes, &categories, h);
    if outcomes.len() > 1 {
        overview(outcomes, h);
    }
    for (i, o) in outcomes.iter().enumerate() {
        match o {
            Outcome::Analyzed(a) => document(i + 1, a, h),
            Outcome::Failed(e) => {
                let (label, why) = not_analysed(o, e);
                let _ = writeln!(
                    h,
                    "<section id=\"d{}\">\n<h2>{}</h2>\n<p role=\"alert\"><strong>{label}:</strong> {}</p>\n</section>",
                    i + 1,
                    escape(&outcome_name(o)),
                    escape(&why)
                );
            }
        }
    }
    h.push_str("</main>\n</body>\n</html>\n");
}

/// The page's header: totals over all documents and the legends.
fn header(outcomes: &[Outcome], categories: &[&str], h: &mut String) {
    let t = super::Totals::of(outcomes);
    h.push_str("<header>\n<h1>claimlens report</h1>\n");
    let docs = if outcomes.len() == 1 {
        "1 document".to_string()
    } else {
        format!("{} documents", outcomes.len())
    };
    let _ = write!(h, "<p class=\"meta\">{docs}: {}", t.counts());
    // Skipped inputs are listed as skipped below, not as unreadable.
    if t.failed > 0 {
        let _ = write!(h, "; {} could not be read", t.failed);
    }
    if t.skipped > 0 {
        let _ = write!(h, "; {} skipped", t.skipped);
    }
    h.push_str(".</p>\n");
    h.push_str("<div class=\"legend\" aria-label=\"legend\"><strong>Claims:</strong>");
    for (class, verdict) in [
        ("v-supported", Some(Verdict::Supported)),
        ("v-contradicted", Some(Verdict::Contradicted)),
        ("v-unverifiable", Some(Verdict::Unverifiable)),
        ("v-unchecked", None),
    ] {
        let _ = write!(
            h,
            "<span class=\"claim {class} swatch\">claim<span class=\"tag\">{}</span></span>",
            tag_for(verdict, None)
        );
    }
    h.push_str("<span class=\"muted\">Hover over a claim, or reach it with Tab, for its value, fact, source and reason.</span></div>\n");
    if !categories.is_empty() {
        h.push_str(
            "<div class=\"legend\" aria-label=\"marker categories\"><strong>Markers:</strong>",
        );
        for c in categories {
            let _ = write!(
                h,
                "<span class=\"mk {}\">{}</span>",
                category_class(c),
                escape(&c.replace('_', " "))
            );
        }
        h.push_str("</div>\n");
    }
    h.push_str("</header>\n");
}

fn overview(outcomes: &[Outcome], h: &mut String) {
    h.push_str("<section id=\"overview\">\n<h2>Overview</h2>\n");
    h.push_str("<table>\n<thead><tr><th>Document</th><th class=\"n\">Claims</th><th class=\"n\">Supported</th><th class=\"n\">Contradicted</th><th class=\"n\">Unverifiable</th><th class=\"n\">Unchecked</th><th class=\"n\">Markers</th></tr></thead>\n<tbody>\n");
    for (i, o) in outcomes.iter().enumerate() {
        let link = format!("<a href=\"#d{}\">{}</a>", i + 1, escape(&outcome_name(o)));
        match o {
            Outcome::Analyzed(a) => {
                let t = Tally::of(a);
                let _ = writeln!(
                    h,
                    "<tr><td class=\"wrap\">{link}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
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
                let _ = writeln!(
                    h,
                    "<tr><td class=\"wrap\">{link}</td><td colspan=\"6\">{label}</td></tr>"
                );
            }
        }
    }
    h.push_str("</tbody>\n</table>\n");

    h.push_str("<h3>Contradicted claims</h3>\n");
    let mut any = false;
    for (d, a) in super::analysed(outcomes) {
        let loc = Locator::new(a);
        for (i, c) in a.claims.iter().enumerate() {
            let check = a.checks.get(i).and_then(Option::as_ref);
            let Some(k) = check.filter(|k| k.verdict == Verdict::Contradicted) else {
                continue;
            };
            if !any {
                h.push_str("<ul>\n");
                any = true;
            }
            let l = loc.locate(c.span);
            let _ = writeln!(
                h,
                "<li><a href=\"#d{d}-c{n}\">{path}:{line}:{col} “{text}”</a> <span class=\"muted\">{label}</span>: {reason}</li>",
                n = i + 1,
                path = escape(&a.source.path),
                line = l.line,
                col = l.column,
                text = escape(&one_line(a.text_of(c))),
                label = escape(&verdict_label(check)),
                reason = escape(&k.reason),
            );
        }
    }
    h.push_str(if any {
        "</ul>\n"
    } else {
        "<p>No claim is contradicted.</p>\n"
    });

    h.push_str("<h3>Documents by marker density</h3>\n");
    let ranked = super::by_density(outcomes);
    h.push_str("<table>\n<thead><tr><th class=\"n\">Rank</th><th>Document</th><th class=\"n\">Markers per 100 words</th><th class=\"n\">Markers</th><th class=\"n\">Words</th></tr></thead>\n<tbody>\n");
    for (rank, (d, a, density)) in ranked.iter().enumerate() {
        let _ = writeln!(
            h,
            "<tr><td class=\"n\">{}</td><td class=\"wrap\"><a href=\"#d{d}\">{}</a></td><td class=\"n\">{density}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            rank + 1,
            escape(&document_name(a)),
            a.markers.len(),
            a.words
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

fn document(d: usize, a: &Analysis, h: &mut String) {
    let _ = writeln!(
        h,
        "<section id=\"d{d}\">\n<h2>{}</h2>",
        escape(&document_name(a))
    );
    let _ = writeln!(
        h,
        "<p class=\"meta\">{}</p>",
        escape(&super::document_meta(a))
    );
    for n in &a.notes {
        let _ = writeln!(h, "<p class=\"meta\">Note: {}</p>", escape(n));
    }

    let t = Tally::of(a);
    h.push_str("<table class=\"summary\">\n<caption class=\"muted\">Summary</caption>\n<thead><tr><th class=\"n\">Claims</th><th class=\"n\">Supported</th><th class=\"n\">Contradicted</th><th class=\"n\">Unverifiable</th><th class=\"n\">Unchecked</th><th class=\"n\">Markers</th><th class=\"n\">Per 100 words</th><th class=\"n\">Words</th></tr></thead>\n");
    let _ = writeln!(
        h,
        "<tbody><tr><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></tbody>\n</table>",
        a.claims.len(),
        t.supported,
        t.contradicted,
        t.unverifiable,
        t.unchecked,
        a.markers.len(),
        per_100_words(a.markers.len(), a.words),
        a.words
    );
    if !a.markers.is_empty() {
        let counts = super::markers_by_category(a);
        h.push_str("<p class=\"legend\"><strong>Markers by category:</strong>");
        for (c, n) in counts {
            let _ = write!(
                h,
                " <span class=\"mk {}\">{}</span>&nbsp;{n}",
                category_class(c),
                escape(&c.replace('_', " "))
            );
        }
        h.push_str("</p>\n");
    }

    let loc = Locator::new(a);
    if !a.statuses.is_empty() {
        h.push_str("<h3>Status of the deal</h3>\n<ul class=\"status\">\n");
        for (i, st) in a.statuses.iter().enumerate() {
            let l = loc.locate(st.span);
            let _ = writeln!(
                h,
                "<li id=\"d{d}-s{n}\"><strong>✗ stale status</strong> s{n} at {}:{} “{}”: {}</li>",
                l.line,
                l.column,
                escape(&one_line(a.text_of(st))),
                escape(&st.message),
                n = i + 1
            );
        }
        h.push_str("</ul>\n");
    }
    let _ = write!(h, "<h3>Text</h3>\n<div class=\"text\" id=\"d{d}-text\">");
    annotated_text(d, a, &loc, h);
    h.push_str("</div>\n");

    if !a.claims.is_empty() {
        h.push_str("<h3>Claims</h3>\n<table class=\"claims\">\n<thead><tr><th>Claim</th><th>Line:col</th><th>Text</th><th>Verdict</th><th>Value</th><th>Fact</th><th>Source</th><th>Reason</th></tr></thead>\n<tbody>\n");
        for (i, c) in a.claims.iter().enumerate() {
            let check = a.checks.get(i).and_then(Option::as_ref);
            let l = loc.locate(c.span);
            let (fact, source) = fact_and_source(check);
            let _ = writeln!(
                h,
                "<tr><td><a href=\"#d{d}-c{n}\">c{n}</a></td><td class=\"n\">{}:{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"wrap\">{}</td><td class=\"wrap\">{}</td><td class=\"wrap\">{}</td></tr>",
                l.line,
                l.column,
                escape(&one_line(a.text_of(c))),
                escape(&verdict_label(check)),
                escape(&claim_value(c)),
                escape(&fact),
                escape(&source),
                escape(check.map_or("", |k| k.reason.as_str())),
                n = i + 1,
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
    if !a.markers.is_empty() {
        let _ = writeln!(
            h,
            "<details>\n<summary>Markers ({})</summary>",
            a.markers.len()
        );
        h.push_str("<table class=\"markers\">\n<thead><tr><th>Marker</th><th>Line:col</th><th>Category</th><th>Text</th><th>Cue</th><th>Voice</th></tr></thead>\n<tbody>\n");
        for (i, m) in a.markers.iter().enumerate() {
            let l = loc.locate(m.span);
            let mut voice = m.voice.name().to_string();
            if m.context.is_some() {
                voice.push_str(", boilerplate");
            }
            let _ = writeln!(
                h,
                "<tr><td><a href=\"#d{d}-m{n}\">m{n}</a></td><td class=\"n\">{}:{}</td><td>{}</td><td>{}</td><td>{}</td><td>{voice}</td></tr>",
                l.line,
                l.column,
                escape(&m.category),
                escape(&one_line(a.text_of(m))),
                escape(&m.cue),
                n = i + 1,
            );
        }
        h.push_str("</tbody>\n</table>\n</details>\n");
    }
    h.push_str("</section>\n");
}

/// The document's text with claims and markers wrapped in elements.
fn annotated_text(d: usize, a: &Analysis, loc: &Locator<'_>, h: &mut String) {
    let text = a.source.text();
    // Claim regions in text order, clipped so that they never overlap: a
    // claim that starts inside the one before it starts where that one ends.
    let mut regions: Vec<(usize, usize, usize)> = Vec::with_capacity(a.claims.len());
    let mut order: Vec<usize> = (0..a.claims.len()).collect();
    order.sort_by_key(|&i| (a.claims[i].span.start, a.claims[i].span.end, i));
    let mut prev_end = 0;
    for i in order {
        let s = a.claims[i].span;
        let start = crate::span::floor_char_boundary(text, s.start.max(prev_end));
        let end = crate::span::floor_char_boundary(text, s.end).max(start);
        regions.push((start, end, i));
        prev_end = end;
    }
    // Markers, by start.
    let mut markers: Vec<(usize, usize, usize)> = a
        .markers
        .iter()
        .enumerate()
        .map(|(i, m)| {
            (
                crate::span::floor_char_boundary(text, m.span.start),
                crate::span::floor_char_boundary(text, m.span.end),
                i,
            )
        })
        .filter(|(s, e, _)| s < e)
        .collect();
    markers.sort_unstable();

    let mut cuts: Vec<usize> = vec![0, text.len()];
    for &(s, e, _) in regions.iter().chain(&markers) {
        cuts.push(s);
        cuts.push(e);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut next_region = 0;
    let mut open_region: Option<usize> = None;
    let mut next_marker = 0;
    let mut active: Vec<usize> = Vec::new(); // indices into `markers`
    let mut first_piece: Vec<bool> = vec![true; markers.len()];
    for (k, &at) in cuts.iter().enumerate() {
        if let Some(r) = open_region.filter(|&r| regions[r].1 == at) {
            close_claim(d, a, loc, regions[r].2, h);
            open_region = None;
        }
        while next_region < regions.len() && regions[next_region].0 == at {
            let r = next_region;
            next_region += 1;
            open_claim(d, a, regions[r].2, h);
            if regions[r].1 == at {
                close_claim(d, a, loc, regions[r].2, h);
            } else {
                open_region = Some(r);
                break;
            }
        }
        let Some(&to) = cuts.get(k + 1) else { break };
        active.retain(|&m| markers[m].1 > at);
        while next_marker < markers.len() && markers[next_marker].0 <= at {
            if markers[next_marker].1 > at {
                active.push(next_marker);
            }
            next_marker += 1;
        }
        for &m in &active {
            let mi = markers[m].2;
            let marker = &a.markers[mi];
            let id = if first_piece[m] {
                format!(" id=\"d{d}-m{}\"", mi + 1)
            } else {
                String::new()
            };
            first_piece[m] = false;
            let _ = write!(
                h,
                "<span class=\"mk {}\"{id} title=\"{}: {} (m{})\">",
                category_class(&marker.category),
                escape(&marker.category.replace('_', " ")),
                escape(&one_line(&marker.cue)),
                mi + 1
            );
        }
        h.push_str(&escape(&text[at..to]));
        for _ in &active {
            h.push_str("</span>");
        }
    }
}

fn open_claim(d: usize, a: &Analysis, i: usize, h: &mut String) {
    let check = a.checks.get(i).and_then(Option::as_ref);
    let v = verdict_name(check);
    let _ = write!(
        h,
        "<mark class=\"claim v-{v}\" id=\"d{d}-c{n}\" tabindex=\"0\" data-verdict=\"{v}\" aria-describedby=\"d{d}-c{n}-tip\">",
        n = i + 1
    );
}

fn close_claim(d: usize, a: &Analysis, loc: &Locator<'_>, i: usize, h: &mut String) {
    let c = &a.claims[i];
    let check = a.checks.get(i).and_then(Option::as_ref);
    let n = i + 1;
    let _ = write!(h, "<span class=\"tag\">{}</span>", tag(check));
    let l = loc.locate(c.span);
    let _ = write!(
        h,
        "<span class=\"tip\" role=\"tooltip\" id=\"d{d}-c{n}-tip\"><span><b>c{n} · {}</b> <span class=\"muted\">{} at {}:{}</span></span>",
        escape(&verdict_label(check)),
        c.kind.name(),
        l.line,
        l.column
    );
    let value = claim_value(c);
    if !value.is_empty() {
        let _ = write!(h, "<span><b>Value:</b> {}</span>", escape(&value));
    }
    if c.quoted {
        h.push_str("<span><b>Quoted:</b> checked as the speaker’s claim</span>");
    }
    if check.is_some() {
        let (fact, source) = fact_and_source(check);
        let _ = write!(h, "<span><b>Fact:</b> {}</span>", escape(&fact));
        if !source.is_empty() {
            let _ = write!(h, "<span><b>Source:</b> {}</span>", escape(&source));
        }
    }
    match check {
        Some(k) => {
            let _ = write!(h, "<span><b>Reason:</b> {}</span>", escape(&k.reason));
        }
        None => {
            h.push_str("<span><b>Not checked:</b> no deal record applies to this document</span>")
        }
    }
    let ms: Vec<String> = a
        .markers_of(c)
        .map(|m| {
            format!(
                "{} “{}”",
                a.markers[m].category.replace('_', " "),
                one_line(a.text_of(&a.markers[m]))
            )
        })
        .collect();
    if !ms.is_empty() {
        let _ = write!(
            h,
            "<span><b>Markers in its sentence:</b> {}</span>",
            escape(&ms.join(", "))
        );
    }
    h.push_str("</span></mark>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("a & b \"c\" 'd'"),
            "a &amp; b &quot;c&quot; &#39;d&#39;"
        );
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(escape("x\u{0}y\u{7}z\r\n"), "x y z\n");
        assert_eq!(escape("$9 billion — “quoted”"), "$9 billion — “quoted”");
    }

    #[test]
    fn category_classes_are_plain_names() {
        assert_eq!(category_class("loaded_language"), "k-loaded_language");
        assert_eq!(category_class("x\" onmouseover=\"alert(1)"), "k-other");
        assert_eq!(category_class(""), "k-other");
    }
}
