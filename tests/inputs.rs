//! Inputs: HTML edge cases, EDGAR submissions split into parts, Markdown,
//! encodings, and over the real EDGAR documents of `../shared/corpus-large`
//! (skipped with a note when that folder is absent): every file runs without
//! a panic or an error, and every claim and marker's source bytes, with tags
//! removed and entities decoded, are its text.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a test prints the corpus-large totals and skip notes"
)]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use claimlens::load::{self, Input};
use claimlens::report::{self, Outcome, OutputFormat, RenderOptions};
use claimlens::source::{Format, decode, html};
use claimlens::{Analysis, ErrorKind, Options, Source, Span, analyze, analyze_parts};

// ---------------------------------------------------------------------------
// The reference: source bytes → the text a reader sees, written apart from
// the scanner, for the span invariant.

/// Tags that separate what stands on either side (blocks, cells, breaks):
/// they read as a space; every other tag reads as nothing.
const SEPARATING: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The text of some HTML bytes: comments and tags removed (block and cell
/// tags read as a space), character references decoded.
fn reference_html(s: &str) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
        } else if rest.starts_with('<')
            && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c))
        {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let name: String = rest[1..end]
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if SEPARATING.contains(&name.as_str()) {
                out.push(' ');
            }
            i += end;
        } else if rest.starts_with('&') {
            match reference_entity(rest).or_else(|| html::entity(s, i)) {
                Some((c, len)) => {
                    out.push(c);
                    i += len;
                }
                None => {
                    out.push('&');
                    i += 1;
                }
            }
        } else {
            let c = rest.chars().next().unwrap_or('\u{FFFD}');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// Numeric references and the commonest names, decoded independently of
/// the scanner (other names go to the library's table).
fn reference_entity(s: &str) -> Option<(char, usize)> {
    if let Some(num) = s.strip_prefix("&#") {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 3),
            None => (num, 10, 2),
        };
        let n = digits.chars().take_while(|c| c.is_digit(radix)).count();
        let value = u32::from_str_radix(&digits[..n], radix).ok()?;
        let c = match value {
            128..=159 => decode::cp1252_char(value as u8),
            _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
        };
        let semi = usize::from(digits[n..].starts_with(';'));
        return (n > 0).then_some((c, skip + n + semi));
    }
    for (name, c) in [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&nbsp;", '\u{a0}'),
    ] {
        if s.starts_with(name) {
            return Some((c, name.len()));
        }
    }
    None
}

/// The text of a plain-text EDGAR document: its SGML tags (`<PAGE>`, `<S>`,
/// `<C>`, `</TABLE>`) removed.
fn reference_sgml_text(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find('<') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let name = after.strip_prefix('/').unwrap_or(after);
        let n = name
            .chars()
            .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '-')
            .count();
        if n > 0
            && n <= 20
            && name.starts_with(|c: char| c.is_ascii_uppercase())
            && name[n..].starts_with('>')
        {
            rest = &name[n + 1..];
        } else {
            out.push('<');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Runs of whitespace (U+00A0 included) as one space, trimmed.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a reader sees of `bytes`, as text of `format`.
fn reference(bytes: &[u8], format: Format) -> String {
    let text = decode::decode(bytes).text;
    match format {
        Format::Html => reference_html(&text),
        Format::Text => reference_sgml_text(&text),
        _ => text.into_owned(),
    }
}

/// Every claim and marker of an analysis whose source bytes, read by the
/// reference, are not its text: (what, text, source bytes).
fn span_mismatches(a: &Analysis) -> Vec<String> {
    let format = a.source.part.as_ref().map_or(a.source.format, |p| p.format);
    let mut bad = Vec::new();
    let mut check = |kind: &str, text_span: Span| {
        let text = text_span.slice(a.source.text());
        let span = a.source.source_span(text_span);
        let source = &a.source.bytes()[span.start..span.end];
        if squeeze(&reference(source, format)) != squeeze(text) {
            bad.push(format!(
                "{} {kind} [{}..{}]: text {text:?}, source {:?}",
                a.source.path,
                span.start,
                span.end,
                String::from_utf8_lossy(&source[..source.len().min(300)])
            ));
        }
        if let Some(p) = &a.source.part {
            if !p.span.contains(span) {
                bad.push(format!(
                    "{} {kind} [{}..{}] lies outside its part {:?}",
                    a.source.path, span.start, span.end, p.span
                ));
            }
        }
    };
    for c in &a.claims {
        check("claim", c.span);
    }
    for m in &a.markers {
        check("marker", m.span);
    }
    bad
}

fn html_text(html: &str) -> String {
    Source::from_text("t.html", html).text().to_string()
}

/// The visible text of a snippet, whitespace squeezed.
fn seen(html: &str) -> String {
    squeeze(&html_text(html))
}

/// Asserts that `needle` is in the text and that its span maps back to
/// source bytes whose reference text is `needle`.
fn assert_maps_back(src: &Source, needle: &str) {
    let at = src
        .text()
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {:?}", src.text()));
    let span = src.source_span(Span::new(at, at + needle.len()));
    let format = src.part.as_ref().map_or(src.format, |p| p.format);
    assert_eq!(
        squeeze(&reference(&src.bytes()[span.start..span.end], format)),
        squeeze(needle),
        "span {span:?}"
    );
}

// ---------------------------------------------------------------------------
// HTML

#[test]
fn html_hidden_content_is_dropped() {
    let cases = [
        (
            "<div style=\"display:none\"><ix:header><ix:hidden>$1 billion</ix:hidden></ix:header></div><p>Seen</p>",
            "Seen",
        ),
        (
            "<ix:header><ix:references>9%</ix:references></ix:header>Seen",
            "Seen",
        ),
        (
            "<p style=\"DISPLAY : NONE\">a</p><p style='color:red;display:none !important'>b</p>Seen",
            "Seen",
        ),
        (
            "<span style=\"font-size:9pt;display:none;\">a</span>Seen",
            "Seen",
        ),
        (
            "<div hidden>a</div><div hidden=\"until-found\">b</div><p style=\"mso-hide:all\">c</p>Seen",
            "Seen",
        ),
        (
            "<noscript>enable 5% scripts</noscript><xml><o:p>9</o:p></xml><template>7</template>Seen",
            "Seen",
        ),
        ("<body><title>10-K 2024</title>Seen</body>", "Seen"),
        (
            "<svg><text>42</text></svg><object data=x>3</object><iframe>2</iframe>Seen",
            "Seen",
        ),
        // Nested hidden elements, and the same element name nested inside.
        (
            "<div style=\"display:none\"><div><div>a</div></div><div>b</div></div>Seen",
            "Seen",
        ),
        // Comments and raw text inside skipped elements cannot end them early.
        (
            "<div hidden><!-- </div> --><script>var s = '</div>';</script>a</div>Seen",
            "Seen",
        ),
        (
            "<style>/* </p> */ p{}</style><script>if (a </script>Seen",
            "Seen",
        ),
        // A head without </head> ends where the body begins.
        (
            "<html><head><title>T</title><meta charset=utf-8><body><p>Seen</p>",
            "Seen",
        ),
        ("<head><link rel=x><p>Seen</p>", "Seen"),
        // A hidden cell or paragraph whose end tag is left out ends at the next one.
        (
            "<table><tr><td style=\"display:none\">a<td>Seen</table>",
            "Seen",
        ),
        ("<p hidden>a<p>Seen", "Seen"),
    ];
    for (html, want) in cases {
        assert_eq!(seen(html), want, "{html}");
    }
}

#[test]
fn html_visible_content_is_kept() {
    // Words such as "hidden" in other attributes hide nothing; aria-hidden is
    // still on screen; input type=hidden is a void element.
    assert_eq!(
        seen("<p title=\"the hidden cost\" class=\"hidden-xs\">Seen</p>"),
        "Seen"
    );
    assert_eq!(
        seen("<span aria-hidden=\"true\">*</span>Seen<input type=\"hidden\" value=\"9\">"),
        "*Seen"
    );
    assert_eq!(
        seen("<div style=\"display:block\">a</div><div style=\"display: nonesuch\">b</div>"),
        "a b"
    );
    assert_eq!(
        seen("<![CDATA[kept]]> <?php echo 1 ?>x<!DOCTYPE html>"),
        "kept x"
    );
    assert_eq!(seen("<!-->a<!--->b<!-- c --!>d"), "abd");
}

#[test]
fn html_unterminated_things_never_fail() {
    let cases = [
        ("Seen<!-- never closed", "Seen"),
        ("Seen<script>never closed", "Seen"),
        ("Seen<div hidden>never closed <p>gone", "Seen"),
        ("Seen <b", "Seen"),
        ("Seen <p class=\"never closed>gone", "Seen"),
        ("Seen &#", "Seen &#"),
        ("Seen &amp", "Seen &"),
        ("Seen <", "Seen <"),
        ("Seen </", "Seen"),
        ("a < b and c > d", "a < b and c > d"),
    ];
    for (html, want) in cases {
        assert_eq!(seen(html), want, "{html}");
    }
}

#[test]
fn html_breaks_and_cells() {
    assert_eq!(
        html_text("<p>a<br>b<br/>c<br />d</br>e</p>").trim(),
        "a\nb\nc\nd\ne"
    );
    assert_eq!(
        html_text("<h1>Head</h1><p>One.</p><p>Two.</p>").trim(),
        "Head\n\nOne.\n\nTwo."
    );
    let t = html_text(
        "<table><tr><td>2024</td><td>1,234</td><td><p>5</p></td></tr><tr><th>6</th><td>7</td></tr></table>",
    );
    assert!(t.contains("2024\t1,234"), "{t:?}");
    for merged in ["20241", "1,2345", "67"] {
        assert!(
            !t.replace(char::is_whitespace, " ").contains(merged),
            "{merged} in {t:?}"
        );
    }
    // Cells without end tags, and nested tables, still keep numbers apart.
    let t = html_text("<table><tr><td>1<td>2<td><table><tr><td>3<td>4</table></table>");
    assert_eq!(squeeze(&t), "1 2 3 4", "{t:?}");
}

#[test]
fn html_entities() {
    let src = Source::from_text(
        "t.html",
        "<p>AT&amp;T&#146;s &#8220;$9&nbsp;billion&#8221; &copy 2025 &copy2025 &eacute;t&eacute; &mdash; &#x24;5 &#36 &unknown; &ampx</p>",
    );
    assert_eq!(
        src.text().trim(),
        "AT&T\u{2019}s \u{201c}$9\u{a0}billion\u{201d} \u{a9} 2025 \u{a9}2025 \u{e9}t\u{e9} \u{2014} $5 $ &unknown; &x"
    );
    assert_maps_back(&src, "AT&T\u{2019}s");
    assert_maps_back(&src, "$9\u{a0}billion");
    assert_maps_back(&src, "$5");
    // Numeric references 128–159 are Windows-1252, as browsers read them.
    assert_eq!(
        seen("&#150;&#151;&#153;&#128;"),
        "\u{2013}\u{2014}\u{2122}\u{20ac}"
    );
}

#[test]
fn html_spans_survive_collapsed_whitespace_and_inline_tags() {
    let src = Source::from_text(
        "t.html",
        "<p>The\n   deal   was\n\t<b>$9</b>\n <span class=x>billion</span>, or <ix:nonFraction name=\"a\">66</ix:nonFraction>%.</p>",
    );
    assert!(
        src.text().contains("The deal was $9 billion, or 66%."),
        "{:?}",
        src.text()
    );
    assert_maps_back(&src, "$9 billion");
    assert_maps_back(&src, "66%");
    let a = analyze(src, &Options::default());
    assert!(span_mismatches(&a).is_empty(), "{:?}", span_mismatches(&a));
}

#[test]
fn html_corpus_press_release_drops_script_style_and_hidden_numbers() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/documents/pr-broadcom-vmware.html");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let src = Source::from_bytes("pr-broadcom-vmware.html", bytes, None);
    assert_eq!(src.format, Format::Html);
    for leaked in [
        "releaseId",
        "8842017",
        "99000000000",
        "$99 billion",
        "font-size",
        "75% of holders",
        "<",
    ] {
        assert!(
            !src.text().contains(leaked),
            "{leaked:?} leaked into the text"
        );
    }
    for kept in [
        "VMware\u{2019}s",
        "mobile devices & broadband gateways",
        "$142.50",
        "0.2520",
        "5:00\u{a0}p.m.",
    ] {
        assert!(src.text().contains(kept), "{kept:?} missing");
    }
    assert!(
        src.text().contains("approximately\u{a0}96%"),
        "the &nbsp; stays U+00A0"
    );
    let a = analyze(src, &Options::default());
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2023-11-22"));
    assert!(!a.claims.is_empty());
    assert!(span_mismatches(&a).is_empty(), "{:?}", span_mismatches(&a));
    let texts: Vec<&str> = a.claims.iter().map(|c| a.text_of(c)).collect();
    assert!(!texts.iter().any(|t| t.contains("99")), "{texts:?}");
    // A claim may read a unit from the next cell ("0.2520\tshares ... per
    // share"), never a number from two cells.
    let numbers_in_cells = |t: &str| {
        t.split('\t')
            .filter(|cell| cell.contains(|c: char| c.is_ascii_digit()))
            .count()
    };
    assert!(texts.iter().all(|t| numbers_in_cells(t) <= 1), "{texts:?}");
}

// ---------------------------------------------------------------------------
// EDGAR

fn corpus_8k() -> Source {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/documents/edgar-8k-coreweave-core-scientific.txt");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Source::from_bytes(
        "corpus/documents/edgar-8k-coreweave-core-scientific.txt",
        bytes,
        None,
    )
}

#[test]
fn edgar_submission_splits_into_parts() {
    let src = corpus_8k();
    assert_eq!(src.format, Format::Edgar);
    let filing = src.filing.clone().unwrap_or_default();
    assert_eq!(filing.accession.as_deref(), Some("0001839341-25-000087"));
    assert_eq!(filing.form_type.as_deref(), Some("8-K"));
    assert_eq!(filing.company.as_deref(), Some("Core Scientific, Inc./tx"));
    assert_eq!(
        filing.filed.map(|d| d.to_string()).as_deref(),
        Some("2025-10-31")
    );
    // The header is never text: its numbers are identifiers.
    assert!(!src.text().contains("0001839341") && !src.text().contains("FILED AS OF DATE"));
    let analyses = analyze_parts(src, &Options::default());
    assert_eq!(analyses.len(), 2);
    let labels: Vec<(u32, &str, Option<&str>, Format)> = analyses
        .iter()
        .filter_map(|a| a.source.part.as_ref())
        .map(|p| (p.sequence, p.kind.as_str(), p.filename.as_deref(), p.format))
        .collect();
    assert_eq!(
        labels,
        [
            (1, "8-K", Some("corz-20251030.htm"), Format::Html),
            (2, "EX-99.1", Some("corz-ex99_1.htm"), Format::Html)
        ]
    );
    // The GRAPHIC is a note on the first part, and nothing of it is text.
    assert!(
        analyses[0]
            .notes
            .iter()
            .any(|n| n.contains("GRAPHIC") && n.contains("corz-logo.jpg")),
        "{:?}",
        analyses[0].notes
    );
    assert!(
        analyses
            .iter()
            .all(|a| !a.source.text().contains("begin 644"))
    );
    for a in &analyses {
        assert_eq!(
            a.date.map(|d| d.to_string()).as_deref(),
            Some("2025-10-31"),
            "the filing date is every part's date"
        );
        assert!(!a.claims.is_empty());
        assert!(span_mismatches(a).is_empty(), "{:?}", span_mismatches(a));
    }
    let release = &analyses[1];
    assert!(
        release
            .claims
            .iter()
            .any(|c| release.text_of(c) == "203,451,498 votes")
    );
}

#[test]
fn edgar_json_names_each_part() {
    let analyses = analyze_parts(corpus_8k(), &Options::default());
    let outcomes: Vec<Outcome> = analyses
        .into_iter()
        .map(|a| Outcome::Analyzed(Box::new(a)))
        .collect();
    let mut out = Vec::new();
    report::render(
        OutputFormat::Json,
        &outcomes,
        RenderOptions::default(),
        &mut out,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap_or_default();
    let docs = v["documents"].as_array().cloned().unwrap_or_default();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[1]["path"],
        "corpus/documents/edgar-8k-coreweave-core-scientific.txt"
    );
    assert_eq!(docs[1]["format"], "edgar");
    assert_eq!(docs[1]["part"]["sequence"], 2);
    assert_eq!(docs[1]["part"]["type"], "EX-99.1");
    assert_eq!(docs[1]["part"]["filename"], "corz-ex99_1.htm");
    assert_eq!(docs[1]["part"]["format"], "html");
    assert_eq!(docs[1]["filing"]["filed"], "2025-10-31");
    assert_eq!(docs[1]["date"], "2025-10-31");
    assert!(docs[0]["notes"].as_array().is_some_and(|n| !n.is_empty()));
    // Spans are into the container: the quoted bytes are there.
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/documents/edgar-8k-coreweave-core-scientific.txt"),
    )
    .unwrap_or_default();
    for c in docs[1]["claims"].as_array().cloned().unwrap_or_default() {
        let (s, e) = (
            c["span"]["start"].as_u64().unwrap_or(0) as usize,
            c["span"]["end"].as_u64().unwrap_or(0) as usize,
        );
        let text = c["text"].as_str().unwrap_or("");
        assert_eq!(
            squeeze(&reference(&bytes[s..e], Format::Html)),
            squeeze(text)
        );
    }
}

#[test]
fn edgar_plain_text_parts_and_nc_files() {
    let nc = "<SUBMISSION>\n<ACCESSION-NUMBER>0000000000-95-000001<TYPE>10-K<FILING-DATE>19951228<FILER><COMPANY-DATA><CONFORMED-NAME>OLD CO</COMPANY-DATA></FILER><DOCUMENT><TYPE>10-K<SEQUENCE>1<TEXT>\n<PAGE>   1\nRevenue rose 12% to $1.2 million.\n<TABLE>\n<S>           <C>\nSales         $4.5 million\n</TABLE>\n</TEXT></DOCUMENT><DOCUMENT><TYPE>EX-27<SEQUENCE>2<TEXT>\n<ARTICLE> 5\n<CASH> 1,234\n</TEXT></DOCUMENT><DOCUMENT><TYPE>10-K<SEQUENCE>3<FILENAME>f.pdf<TEXT><PDF>\nbegin 644 f.pdf\nM\nend\n</PDF></TEXT></DOCUMENT></SUBMISSION>\n";
    let src = Source::from_bytes("x.nc", nc.as_bytes().to_vec(), None);
    assert_eq!(src.format, Format::Edgar);
    assert_eq!(
        src.filing.as_ref().and_then(|f| f.company.as_deref()),
        Some("OLD CO")
    );
    let parts = analyze_parts(src, &Options::default());
    assert_eq!(parts.len(), 1);
    let a = &parts[0];
    assert_eq!(a.source.part.as_ref().map(|p| p.format), Some(Format::Text));
    assert!(
        !a.source.text().contains("<PAGE>") && !a.source.text().contains("<C>"),
        "{:?}",
        a.source.text()
    );
    assert_eq!(a.notes.len(), 2, "{:?}", a.notes);
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("1995-12-28"));
    let texts: Vec<&str> = a.claims.iter().map(|c| a.text_of(c)).collect();
    assert!(
        texts.contains(&"$1.2 million") && texts.contains(&"$4.5 million"),
        "{texts:?}"
    );
    assert!(span_mismatches(a).is_empty(), "{:?}", span_mismatches(a));
}

#[test]
fn edgar_from_the_command_line() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "check",
            "corpus/documents/edgar-8k-coreweave-core-scientific.txt",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["part"]["type"], "8-K");
    assert_eq!(lines[1]["part"]["type"], "EX-99.1");
}

#[test]
fn directory_walks_pick_up_nc_files() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("nc-walk");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let nc = "<SUBMISSION>\n<TYPE>8-K\n<FILING-DATE>20250108\n<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\nIt paid $9 billion.\n</TEXT>\n</DOCUMENT>\n</SUBMISSION>\n";
    std::fs::write(dir.join("0000000000-25-000003.nc"), nc).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("logo.jpg"), b"\xff\xd8\xff").unwrap_or_else(|e| panic!("{e}"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args([
            "check",
            dir.to_str().unwrap_or_default(),
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["format"], "edgar");
    assert_eq!(lines[0]["date"], "2025-01-08");
    assert_eq!(lines[0]["claims"][0]["text"], "$9 billion");
}

// ---------------------------------------------------------------------------
// Markdown

#[test]
fn markdown_markup_stays_out_and_spans_stay_in() {
    let md = "# CoreWeave *buys* Core Scientific\n\nThe **$9 billion** deal ([release](https://example.com/pr_2025)) gives \
              holders _less than 10%_.\n\n```\nlet x = 25%;\n```\n\nRun `cost = $5 billion` ![chart 40%](c.png) <!-- 30% -->\n";
    let src = Source::from_text("note.md", md);
    assert_eq!(src.format, Format::Markdown);
    assert!(
        src.text().starts_with("CoreWeave buys Core Scientific\n"),
        "{:?}",
        src.text()
    );
    for gone in ["**", "https", "25%", "$5 billion", "40%", "30%", "#", "`"] {
        assert!(!src.text().contains(gone), "{gone:?} in {:?}", src.text());
    }
    let a = analyze(src, &Options::default());
    let texts: Vec<&str> = a.claims.iter().map(|c| a.text_of(c)).collect();
    assert_eq!(texts, ["$9 billion", "less than 10%"]);
    for c in &a.claims {
        let span = a.source_span(c);
        assert_eq!(
            &a.source.bytes()[span.start..span.end],
            a.text_of(c).as_bytes()
        );
    }
}

// ---------------------------------------------------------------------------
// Encodings

#[test]
fn windows_1252_html_and_text_keep_their_offsets() {
    let mut bytes = b"<html><body><p>The company\x92s \x93$9 billion\x94 deal \x96 caf\xe9 &#146;s</p></body></html>".to_vec();
    let src = Source::from_bytes("old.html", bytes.clone(), None);
    assert_eq!(src.encoding, "windows-1252");
    assert!(
        src.text().contains(
            "company\u{2019}s \u{201c}$9 billion\u{201d} deal \u{2013} caf\u{e9} \u{2019}s"
        ),
        "{:?}",
        src.text()
    );
    let a = analyze(src, &Options::default());
    let span = a.source_span(&a.claims[0]);
    assert_eq!(&a.source.bytes()[span.start..span.end], b"$9 billion");
    assert!(span_mismatches(&a).is_empty(), "{:?}", span_mismatches(&a));
    // A Latin-1 text file: every byte one character, columns counted so.
    bytes = b"Caf\xe9 \xab r\xe9sum\xe9 \xbb: it paid $9 billion.\n".to_vec();
    let a = analyze(
        Source::from_bytes("old.txt", bytes, None),
        &Options::default(),
    );
    let span = a.source_span(&a.claims[0]);
    assert_eq!(&a.source.bytes()[span.start..span.end], b"$9 billion");
    let mut out = Vec::new();
    report::render(
        OutputFormat::Json,
        &[Outcome::Analyzed(Box::new(a))],
        RenderOptions::default(),
        &mut out,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap_or_default();
    assert_eq!(v["documents"][0]["claims"][0]["span"]["column"], 26);
}

#[test]
fn a_1990s_filing_re_encoded_as_windows_1252() {
    let Some(dir) = corpus_large() else { return };
    let path = dir.join("edgartools/data/sgml/0000950129-95-001652.txt");
    let original = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        decode::decode(&original).encoding,
        "utf-8",
        "1990s corpus filings are plain ASCII"
    );
    // The same filing as a 1990s Windows tool would have saved it: curly
    // quotes and dashes as single Windows-1252 bytes.
    let body = String::from_utf8_lossy(&original)
        .find("<DOCUMENT>")
        .unwrap_or(0);
    let mut bytes = Vec::new();
    for (k, &b) in original.iter().enumerate() {
        match b {
            b'\'' => bytes.push(0x92),
            b'-' if k > body && k % 7 == 0 => bytes.push(0x96),
            _ => bytes.push(b),
        }
    }
    let src = Source::from_bytes("old.txt", bytes, None);
    assert_eq!(src.encoding, "windows-1252");
    assert_eq!(src.format, Format::Edgar);
    for a in analyze_parts(src, &Options::default()) {
        assert!(span_mismatches(&a).is_empty(), "{:?}", span_mismatches(&a));
    }
}

// ---------------------------------------------------------------------------
// corpus-large

/// `../shared/corpus-large` beside the checkout (`../../shared` from a git
/// worktree one level deeper), or `$CLAIMLENS_CORPUS_LARGE`.
fn corpus_large() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("CLAIMLENS_CORPUS_LARGE").map(PathBuf::from),
        Some(root.join("../shared/corpus-large")),
        Some(root.join("../../shared/corpus-large")),
    ];
    let found = candidates
        .into_iter()
        .flatten()
        .find(|d| d.join("MANIFEST.tsv").is_file());
    if found.is_none() {
        eprintln!("note: ../shared/corpus-large is absent; skipping the corpus-large tests");
    }
    found
}

/// What running one file of corpus-large gave.
struct FileRun {
    path: String,
    /// The analyses (one per document of a submission), or why there are none.
    result: Result<Vec<Analysis>, String>,
}

struct CorpusRun {
    files: Vec<FileRun>,
    manifest_files: usize,
    elapsed: Duration,
}

/// Every file of corpus-large loaded and analysed once, shared by the tests.
static CORPUS: LazyLock<Option<CorpusRun>> = LazyLock::new(|| {
    let dir = corpus_large()?;
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap_or_default();
    let paths: Vec<String> = manifest
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .map(str::to_string)
        .collect();
    let started = Instant::now();
    let options = Options::default();
    let files = paths
        .iter()
        .map(|rel| {
            let input = Input::File(dir.join(rel));
            let result =
                std::panic::catch_unwind(|| match load::load(&input, load::DEFAULT_MAX_BYTES) {
                    Ok(source) => Ok(analyze_parts(source, &options)),
                    Err(e) if e.kind == ErrorKind::Unsupported && !cfg!(feature = "pdf") => {
                        Ok(Vec::new())
                    }
                    Err(e) => Err(format!("error: {e}")),
                })
                .unwrap_or_else(|_| Err("panicked".to_string()));
            FileRun {
                path: rel.clone(),
                result,
            }
        })
        .collect();
    Some(CorpusRun {
        files,
        manifest_files: paths.len(),
        elapsed: started.elapsed(),
    })
});

#[test]
fn corpus_large_every_file_runs_without_panic_or_error() {
    let Some(run) = CORPUS.as_ref() else { return };
    assert_eq!(run.manifest_files, 101, "MANIFEST.tsv lists 101 files");
    let failed: Vec<String> = run
        .files
        .iter()
        .filter_map(|f| f.result.as_ref().err().map(|e| format!("{}: {e}", f.path)))
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    let (mut documents, mut parts, mut claims, mut markers, mut skipped_pdf) = (0, 0, 0, 0, 0);
    for f in &run.files {
        let analyses = f.result.as_ref().map(Vec::as_slice).unwrap_or_default();
        if analyses.is_empty() {
            skipped_pdf += 1;
        }
        documents += analyses.len();
        parts += analyses.iter().filter(|a| a.source.part.is_some()).count();
        claims += analyses.iter().map(|a| a.claims.len()).sum::<usize>();
        markers += analyses.iter().map(|a| a.markers.len()).sum::<usize>();
    }
    println!(
        "corpus-large: {} files ({skipped_pdf} PDFs skipped without the pdf feature), {documents} documents \
         ({parts} of them EDGAR parts), {claims} claims, {markers} markers, {:.1} s",
        run.files.len(),
        run.elapsed.as_secs_f64()
    );
    if !cfg!(feature = "pdf") {
        assert_eq!(skipped_pdf, 2, "only the two PDFs are skipped");
    }
}

#[test]
fn corpus_large_spans_are_their_text() {
    let Some(run) = CORPUS.as_ref() else { return };
    let mut checked = 0;
    let mut bad = Vec::new();
    for f in &run.files {
        for a in f.result.as_ref().map(Vec::as_slice).unwrap_or_default() {
            if !matches!(a.source.format, Format::Html | Format::Edgar) {
                continue;
            }
            checked += a.claims.len() + a.markers.len();
            bad.extend(span_mismatches(a));
        }
    }
    assert!(
        checked > 10_000,
        "only {checked} claims and markers checked"
    );
    assert!(
        bad.is_empty(),
        "{} of {checked} spans are not their text; the first:\n{:#?}",
        bad.len(),
        &bad[..bad.len().min(20)]
    );
}

#[test]
fn corpus_large_edgar_parts_and_hidden_xbrl() {
    let Some(run) = CORPUS.as_ref() else { return };
    let find = |suffix: &str| {
        run.files
            .iter()
            .find(|f| f.path.ends_with(suffix))
            .and_then(|f| f.result.as_ref().ok())
            .unwrap_or_else(|| panic!("{suffix} missing or failed"))
    };
    // An 8-K with its inline-XBRL main document wrapped in <XBRL>, an EX-99.1
    // press release and a dozen data files.
    let parts = find("0001213900-25-032135.txt");
    let kinds: Vec<&str> = parts
        .iter()
        .filter_map(|a| a.source.part.as_ref())
        .map(|p| p.kind.as_str())
        .collect();
    assert_eq!(kinds, ["8-K", "EX-99.1"]);
    assert!(
        parts[0].notes.iter().any(|n| n.contains("uuencoded"))
            && parts[0].notes.iter().any(|n| n.contains("XBRL data"))
    );
    // A header alone is one document with a note and no text.
    let header = find("1990sheader.txt");
    assert_eq!(header.len(), 1);
    assert!(header[0].source.text().is_empty() && !header[0].notes.is_empty());
    // Inline XBRL: nothing of the hidden ix:header reaches the text.
    for a in find("aapl-10-k-2024-11-01.html") {
        assert!(!a.source.text().contains("xbrli:") && !a.source.text().contains("iso4217"));
    }
}

// ---------------------------------------------------------------------------
// PDF (the `pdf` feature)

/// Corrupted copies of a real PDF: pdf-extract panics on some of them, and
/// every one must come back as an error or a text, never take the test down.
#[cfg(feature = "pdf")]
#[test]
fn pdf_panics_become_errors() {
    let Some(dir) = corpus_large() else { return };
    let original = std::fs::read(dir.join("edgartools/data/formc/formc.pdf")).unwrap_or_default();
    assert!(claimlens::source::pdf::extract_text(&original).is_ok_and(|t| t.contains("Form C")));
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut panics = 0;
    for _ in 0..12 {
        let mut bytes = original.clone();
        for _ in 0..200 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = 2000 + (state as usize) % (bytes.len() - 2000);
            bytes[at] = (state >> 32) as u8;
        }
        if let Err(why) = claimlens::source::pdf::extract_text(&bytes) {
            panics += usize::from(why.contains("pdf-extract failed"));
        }
    }
    println!("pdf: {panics} of 12 corrupted copies made pdf-extract panic");
    assert!(panics > 0, "the panic path was not exercised");
}
