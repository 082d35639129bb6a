//! One sample analysis rendered through every output format, one snapshot
//! each; the SARIF output checked against the SARIF 2.1.0 schema; hostile
//! documents cannot inject markup into the HTML or Markdown reports.
//!
//! The sample's claims come from `claimlens::analyze` over a small fixed
//! text; its verdicts and markers are set by hand (by claim text and marker
//! text), so that every verdict, severity and reason kind appears and these
//! snapshots change only when a renderer does, not when detection or the
//! check improves. Read each snapshot before accepting it.

use claimlens::check::{Check, MatchKind, Severity, Status, StatusFinding, Undecided, Verdict};
use claimlens::report::{self, Outcome, OutputFormat, RenderOptions, What};
use claimlens::rhetoric::{Marker, Voice};
use claimlens::{Analysis, Error, ErrorKind, Options, Source, Span, analyze};

const RECORD: &str = r#"
id = "acme-widgets-2025"
title = "Acme to acquire Widgets Inc."
entities = ["Acme", "Widgets"]

[[event]]
date = 2025-03-03
status = "announced"
source = "joint press release, 2025-03-03"

[[fact]]
id = "equity-value"
about = "equity value of the deal"
cues = ["deal", "valued"]
kind = "money"
value = 9_000_000_000
unit = "USD"
qualifier = "approx"
as_of = 2025-03-03
source = "joint press release, 2025-03-03"

[[fact]]
id = "price-per-share"
about = "cash paid for each Widgets share"
cues = ["per share"]
kind = "per_share"
value = 20.50
unit = "USD/share"
as_of = 2025-03-03
source = "merger agreement, section 2.1 <https://example.com/?a=1&b=2>"

[[fact]]
id = "holder-stake"
about = "Widgets holders' stake in the combined company"
cues = ["own"]
kind = "percent"
value = 12
unit = "%"
source = "proxy statement, \"Ownership\" table"

[[fact]]
id = "capacity-now"
about = "power capacity today"
kind = "power"
value = 1_300_000_000
unit = "W"
source = "investor presentation, slide 4"

[[fact]]
id = "capacity-planned"
about = "power capacity planned by 2027"
kind = "power"
value = 2_500_000_000
unit = "W"
qualifier = "approx"
source = "investor presentation, slide 9"
"#;

const FILING: &str = "Acme & Widgets: a \"bargain\" at $9 billion?
WILMINGTON, March 3, 2025 -- Acme said it will buy Widgets Inc. in a deal valued at about $9 billion. \
Holders will get $20.40 per share, a so-called premium of 66%. Critics call the plan a smokescreen: \
Widgets holders would own less than 10% of the combined company, and the promised 2 GW of capacity might never materialise.
";

const NOTE: &str = "# Notes on Acme | Widgets

Analysts at \"R&D Partners\" <i>say</i> the $9 billion price is \"a steal\", roughly 2x sales.
";

/// A check as the check stage writes it; for a linked fact, what the record
/// says and where from, as the stage writes those.
fn check(verdict: Verdict, fact: Option<&str>, reason: &str) -> Check {
    let (about, record, source) = match fact {
        Some("equity-value") => (
            "equity value of the deal",
            "about $9 billion",
            "joint press release, 2025-03-03",
        ),
        Some("price-per-share") => (
            "cash paid for each Widgets share",
            "$20.50 per share",
            "merger agreement, section 2.1 <https://example.com/?a=1&b=2>",
        ),
        Some("holder-stake") => (
            "Widgets holders' stake in the combined company",
            "12%",
            "proxy statement, \"Ownership\" table",
        ),
        Some("capacity-now") => (
            "power capacity today",
            "1.3 GW",
            "investor presentation, slide 4",
        ),
        _ => ("", "", ""),
    };
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Check {
        verdict,
        match_kind: None,
        severity: None,
        undecided: None,
        fact: fact.map(str::to_string),
        candidates: Vec::new(),
        reason: reason.to_string(),
        stated: None,
        record: some(record),
        source: some(source),
        about: some(about),
        why: None,
    }
}

/// Sets the check of the claims whose text is given; the others stay as the
/// check stage left them.
fn set_checks(a: &mut Analysis, checks: Vec<(&str, Check)>) {
    for (text, c) in checks {
        let i = a
            .claims
            .iter()
            .position(|cl| a.text_of(cl) == text)
            .unwrap_or_else(|| panic!("no claim {text:?}"));
        a.checks[i] = Some(c);
    }
}

/// Replaces the markers with these (category, text of the n-th occurrence).
fn set_markers(a: &mut Analysis, markers: &[(&str, &str)]) {
    let text = a.source.text().to_string();
    a.markers = markers
        .iter()
        .map(|&(category, cue)| {
            let start = text
                .find(cue)
                .unwrap_or_else(|| panic!("no {cue:?} in the text"));
            let span = Span::new(start, start + cue.len());
            let sentence = a
                .sentences
                .iter()
                .position(|s| s.span.contains(span))
                .unwrap_or(0);
            Marker {
                category: category.to_string(),
                cue: cue.to_lowercase(),
                span,
                sentence,
                voice: if a.quotations.iter().any(|q| q.span.contains(span)) {
                    Voice::Quoted
                } else {
                    Voice::Author
                },
                context: None,
            }
        })
        .collect();
    a.markers.sort_by_key(|m| (m.span.start, m.span.end));
}

/// Two analysed documents (one checked against a record, one not) and one
/// that could not be read.
fn sample() -> Vec<Outcome> {
    let record = claimlens::check::record::parse("acme.toml", RECORD, false)
        .unwrap_or_else(|e| panic!("{e:?}"));
    let options = Options {
        records: vec![record],
        ..Options::default()
    };

    let mut filing = analyze(
        Source::from_text("filings/acme-widgets.txt", FILING),
        &options,
    );
    set_checks(
        &mut filing,
        vec![
            (
                "$9 billion",
                Check {
                    match_kind: Some(MatchKind::Rounded),
                    ..check(
                        Verdict::Supported,
                        Some("equity-value"),
                        "states $9 billion; record: approximately $9 billion (joint press release, 2025-03-03)",
                    )
                },
            ),
            (
                "about $9 billion",
                Check {
                    match_kind: Some(MatchKind::Approximate),
                    ..check(
                        Verdict::Supported,
                        Some("equity-value"),
                        "states about $9 billion; record: approximately $9 billion (joint press release, 2025-03-03)",
                    )
                },
            ),
            (
                "$20.40 per share",
                Check {
                    severity: Some(Severity::Minor),
                    ..check(
                        Verdict::Contradicted,
                        Some("price-per-share"),
                        "states $20.40 per share; record: $20.50 per share (merger agreement, section 2.1); off by $0.10 (0.5%)",
                    )
                },
            ),
            (
                "66%",
                Check {
                    undecided: Some(Undecided::NoFact),
                    ..check(
                        Verdict::Unverifiable,
                        None,
                        "no fact of record acme-widgets-2025 is about this percent",
                    )
                },
            ),
            (
                "less than 10%",
                Check {
                    severity: Some(Severity::Gross),
                    ..check(
                        Verdict::Contradicted,
                        Some("holder-stake"),
                        "states less than 10%; record: 12% (proxy statement, \"Ownership\" table); the true value is above the bound by 20%",
                    )
                },
            ),
            (
                "2 GW",
                Check {
                    undecided: Some(Undecided::Ambiguous),
                    candidates: vec!["capacity-now".into(), "capacity-planned".into()],
                    ..check(
                        Verdict::Unverifiable,
                        Some("capacity-now"),
                        "two facts fit and disagree: capacity-now (1.3 GW) and capacity-planned (about 2.5 GW)",
                    )
                },
            ),
        ],
    );
    set_markers(
        &mut filing,
        &[
            ("scare_quotes", "\"bargain\""),
            ("doubt_insinuation", "valued at about"),
            ("approximator", "about"),
            ("doubt_insinuation", "so-called"),
            ("deception_frame", "smokescreen"),
            ("approximator", "less than"),
            ("hedge", "might"),
        ],
    );

    // A status finding as the check stage writes one (the sample's record
    // has no termination, so it is set by hand like the verdicts).
    let at = FILING.find("will buy").unwrap_or(0);
    filing.statuses = vec![StatusFinding {
        span: Span::new(at, at + "will buy".len()),
        sentence: filing.claims.iter().find(|c| filing.text_of(*c) == "about $9 billion").map_or(0, |c| c.sentence),
        says: Status::Pending,
        event_status: Status::Terminated,
        event_date: claimlens::date::Date::parse("2025-02-28").unwrap_or_else(|| panic!("date")),
        source: "Widgets Form 8-K, 2025-02-28".into(),
        message: "speaks of the deal as pending, but the agreement was terminated on 2025-02-28 (Widgets Form 8-K, 2025-02-28)"
            .into(),
    }];

    let mut note = analyze(
        Source::from_text("notes/acme & widgets.md", NOTE),
        &Options::default(),
    );
    set_markers(
        &mut note,
        &[("scare_quotes", "\"a steal\""), ("approximator", "roughly")],
    );

    let missing = Error::new(
        ErrorKind::Io,
        "filings/missing.txt",
        "cannot read: no such file or directory; check the path",
    );
    vec![
        Outcome::Analyzed(Box::new(filing)),
        Outcome::Analyzed(Box::new(note)),
        Outcome::Failed(missing),
    ]
}

fn render_with(format: OutputFormat, options: RenderOptions, outcomes: &[Outcome]) -> String {
    let mut out = Vec::new();
    report::render(format, outcomes, options, &mut out).unwrap_or_else(|e| panic!("render: {e}"));
    String::from_utf8(out).unwrap_or_else(|e| panic!("utf-8: {e}"))
}

fn render(format: OutputFormat) -> String {
    render_with(format, RenderOptions::default(), &sample())
}

#[test]
fn the_sample_has_every_verdict_and_an_overlap() {
    let outcomes = sample();
    let Outcome::Analyzed(a) = &outcomes[0] else {
        panic!("the filing is analysed")
    };
    let verdicts: Vec<Option<Verdict>> = a
        .checks
        .iter()
        .map(|c| c.as_ref().map(|c| c.verdict))
        .collect();
    for v in [
        Verdict::Supported,
        Verdict::Contradicted,
        Verdict::Unverifiable,
    ] {
        assert!(verdicts.contains(&Some(v)), "{v:?} missing: {verdicts:?}");
    }
    let Outcome::Analyzed(b) = &outcomes[1] else {
        panic!("the note is analysed")
    };
    assert!(
        !b.claims.is_empty() && b.checks.iter().all(Option::is_none),
        "the note's claims are unchecked"
    );
    // A marker across a claim's start, another inside it.
    let claim = a
        .claims
        .iter()
        .find(|c| a.text_of(*c) == "about $9 billion")
        .map(|c| c.span);
    assert!(claim.is_some_and(|c| {
        a.markers
            .iter()
            .any(|m| m.span.overlaps(c) && !c.contains(m.span))
    }));
    assert!(claim.is_some_and(|c| a.markers.iter().any(|m| c.contains(m.span))));
}

#[test]
fn human() {
    insta::assert_snapshot!(render(OutputFormat::Human));
}

#[test]
fn json() {
    insta::assert_snapshot!(render(OutputFormat::Json));
}

#[test]
fn jsonl() {
    insta::assert_snapshot!(render(OutputFormat::Jsonl));
}

#[test]
fn html() {
    insta::assert_snapshot!(render(OutputFormat::Html));
}

#[test]
fn markdown() {
    insta::assert_snapshot!(render(OutputFormat::Markdown));
}

#[test]
fn csv() {
    insta::assert_snapshot!(render(OutputFormat::Csv));
}

#[test]
fn csv_markers() {
    let options = RenderOptions {
        what: What::Markers,
        ..RenderOptions::default()
    };
    insta::assert_snapshot!(render_with(OutputFormat::Csv, options, &sample()));
}

#[test]
fn sarif() {
    // The tool's version is redacted so that a release does not change the snapshot.
    let version = format!("\"{}\"", env!("CARGO_PKG_VERSION"));
    let sarif = render(OutputFormat::Sarif);
    assert!(sarif.contains(&version));
    insta::assert_snapshot!(sarif.replace(&version, "\"[version]\""));
}

#[test]
fn the_human_summary_shows_the_time_only_when_asked() {
    let outcomes = sample();
    let plain = render_with(OutputFormat::Human, RenderOptions::default(), &outcomes);
    let last = plain.lines().last().unwrap_or_default();
    assert!(last.starts_with("2 documents: 8 claims (2 supported, 2 contradicted, 2 unverifiable, 2 unchecked), 9 markers"), "{last}");
    assert!(!last.contains(" in "), "{last}");
    let timed = RenderOptions {
        elapsed: Some(std::time::Duration::from_millis(1234)),
        ..RenderOptions::default()
    };
    let last = render_with(OutputFormat::Human, timed, &outcomes)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(last.ends_with(", 1 could not be read, in 1.23s"), "{last}");
}

// ------------------------------------------------------------------ SARIF

/// The OASIS SARIF 2.1.0 JSON schema (see tests/data/README.md).
fn sarif_validator() -> jsonschema::Validator {
    // The published schema has a broken `pattern` for `language` (twice: a
    // stray `]`), which a strict validator refuses to compile; it is replaced
    // by what it means (a language code such as `en` or `en-US`). Nothing
    // else is changed, and claimlens writes no `language`.
    let text = include_str!("data/sarif-schema-2.1.0.json").replace(
        r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#,
        r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#,
    );
    let schema: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("schema: {e}"));
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("schema does not compile: {e}"))
}

fn schema_errors(v: &jsonschema::Validator, log: &serde_json::Value) -> Vec<String> {
    v.iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_follows_the_sarif_2_1_0_schema() {
    let validator = sarif_validator();
    let log: serde_json::Value =
        serde_json::from_str(&render(OutputFormat::Sarif)).unwrap_or_else(|e| panic!("json: {e}"));
    assert_eq!(schema_errors(&validator, &log), Vec::<String>::new());
    // The run is not trivially valid: it has results of each level, with regions.
    let results = log["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let levels: Vec<&str> = results.iter().filter_map(|r| r["level"].as_str()).collect();
    assert!(
        levels.contains(&"error") && levels.contains(&"note"),
        "{levels:?}"
    );
    assert!(results.iter().all(|r| {
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .is_some()
    }));
}

#[test]
fn the_schema_check_rejects_broken_sarif() {
    let validator = sarif_validator();
    let good: serde_json::Value =
        serde_json::from_str(&render(OutputFormat::Sarif)).unwrap_or_else(|e| panic!("json: {e}"));
    let mut bad_level = good.clone();
    bad_level["runs"][0]["results"][0]["level"] = "fatal".into();
    let mut bad_version = good.clone();
    bad_version["version"] = "2.0.0".into();
    let mut bad_region = good.clone();
    bad_region["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    let mut no_driver_name = good;
    if let Some(d) = no_driver_name["runs"][0]["tool"]["driver"].as_object_mut() {
        d.remove("name");
    }
    for (what, log) in [
        ("level", bad_level),
        ("version", bad_version),
        ("region", bad_region),
        ("driver name", no_driver_name),
    ] {
        assert!(
            !validator.is_valid(&log),
            "a SARIF log with a bad {what} passed the schema"
        );
    }
}

#[test]
fn sarif_regions_point_at_the_claims() {
    let log: serde_json::Value =
        serde_json::from_str(&render(OutputFormat::Sarif)).unwrap_or_else(|e| panic!("json: {e}"));
    let result = log["runs"][0]["results"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["properties"]["claim"] == "c3"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(result["ruleId"], "claimlens/contradicted");
    assert_eq!(result["level"], "error");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    let (offset, length) = (
        region["byteOffset"].as_u64().unwrap_or(0) as usize,
        region["byteLength"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&FILING[offset..offset + length], "$20.40 per share");
    assert_eq!(region["startLine"], 2);
    assert_eq!(region["endLine"], 2);
    assert_eq!(
        region["endColumn"].as_u64().unwrap_or(0) - region["startColumn"].as_u64().unwrap_or(0),
        16
    );
}

// ------------------------------------------------------------------ injection

const HOSTILE: &str = "Acme <script>alert(1)</script> paid $9 billion. \
<a href=\"javascript:alert(2)\">click</a> [link](javascript:alert(3)) \
<img src=x onerror=alert(4)> Tom's \"quote\" & R&amp;D got 10% of it.";

fn hostile() -> Vec<Outcome> {
    let mut a = analyze(
        Source::from_text("evil <b>doc</b>\".txt", HOSTILE),
        &Options::default(),
    );
    set_markers(
        &mut a,
        &[("loaded_language", "<script>"), ("booster", "got")],
    );
    a.notes.push("<script>alert(5)</script>".into());
    vec![
        Outcome::Analyzed(Box::new(a)),
        Outcome::Failed(Error::new(
            ErrorKind::Io,
            "<svg onload=alert(6)>",
            "<b>bad</b>",
        )),
    ]
}

#[test]
fn a_document_cannot_inject_markup_into_the_html_report() {
    let html = render_with(OutputFormat::Html, RenderOptions::default(), &hostile());
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script element got through");
    assert!(!lower.contains("<img"), "an img element got through");
    assert!(!lower.contains("<svg"), "an svg element got through");
    assert!(
        !lower.contains("<a href=\"javascript"),
        "a javascript: link got through"
    );
    assert!(
        !lower.contains("<b>doc") && !lower.contains("<b>bad"),
        "a b element got through"
    );
    assert!(
        html.contains("&lt;script&gt;") && html.contains("alert(1)&lt;/script&gt;"),
        "the text is shown, escaped"
    );
    assert!(
        html.contains("Tom&#39;s &quot;quote&quot; &amp; R&amp;amp;D"),
        "quotes and ampersands are escaped"
    );
    // Every tag in the report is one the renderer writes.
    let allowed = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2",
        "h3", "p", "div", "span", "strong", "b", "section", "table", "caption", "thead", "tbody",
        "tr", "th", "td", "a", "ul", "li", "mark", "details", "summary",
    ];
    let attributes = [
        "lang",
        "charset",
        "http-equiv",
        "content",
        "name",
        "class",
        "id",
        "tabindex",
        "data-verdict",
        "aria-describedby",
        "aria-label",
        "role",
        "title",
        "href",
        "colspan",
    ];
    for tag in html.split('<').skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect::<String>()
            .to_lowercase();
        assert!(allowed.contains(&name.as_str()), "unexpected tag <{name}");
        if name == "!doctype" {
            continue;
        }
        // Attribute values are quoted; what lies outside the quotes are names.
        let outside: String = tag.split('"').step_by(2).collect::<Vec<_>>().join(" ");
        for attr in outside.split_whitespace().skip(1) {
            let attr = attr.trim_end_matches('=');
            assert!(
                attributes.contains(&attr),
                "unexpected attribute {attr:?} in <{tag}>"
            );
        }
    }
    // The only links are to anchors of the report itself.
    for href in html.split("href=\"").skip(1) {
        assert!(
            href.starts_with('#'),
            "link to {:?}",
            &href[..href.len().min(40)]
        );
    }
}

#[test]
fn a_document_cannot_inject_markup_into_the_markdown_report() {
    let md = render_with(OutputFormat::Markdown, RenderOptions::default(), &hostile());
    // Only the renderer's own anchors are raw HTML; every other `<` is escaped (`\<`).
    for (i, _) in md.match_indices('<') {
        let escaped = i > 0 && md.as_bytes()[i - 1] == b'\\';
        let anchor = md[i..].starts_with("<a id=\"d") || md[i..].starts_with("</a>");
        assert!(
            escaped || anchor,
            "unescaped < at {i}: {:?}",
            &md[i..md.len().min(i + 30)]
        );
    }
    // The only links are the renderer's, to anchors; a document's `](` is escaped (`\](`).
    for (i, _) in md.match_indices("](") {
        let escaped = i > 0 && md.as_bytes()[i - 1] == b'\\';
        assert!(
            escaped || md[i + 2..].starts_with("#d"),
            "a link got through: {:?}",
            &md[i..md.len().min(i + 30)]
        );
    }
}

#[test]
fn sarif_of_the_corpus_follows_the_sarif_2_1_0_schema() {
    // The corpus has an EDGAR submission whose parts share one file.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let records =
        claimlens::check::record::read(&dir.join("records/coreweave-core-scientific-2025.toml"))
            .unwrap_or_else(|e| panic!("{e:?}"));
    let options = Options {
        records: vec![records],
        ..Options::default()
    };
    let mut files: Vec<_> = std::fs::read_dir(dir.join("documents"))
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| claimlens::load::is_document(p));
    files.sort();
    let mut outcomes = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let name = f
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(f)
            .display()
            .to_string();
        for a in claimlens::analyze_parts(Source::from_bytes(name, bytes, None), &options) {
            outcomes.push(Outcome::Analyzed(Box::new(a)));
        }
    }
    assert!(
        outcomes.len() > files.len(),
        "the corpus has a submission in parts"
    );
    let log: serde_json::Value = serde_json::from_str(&render_with(
        OutputFormat::Sarif,
        RenderOptions::default(),
        &outcomes,
    ))
    .unwrap_or_else(|e| panic!("json: {e}"));
    assert_eq!(
        schema_errors(&sarif_validator(), &log),
        Vec::<String>::new()
    );
}
