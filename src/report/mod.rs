//! Output formats, all rendered from the one analysis model. One file per
//! format, dispatched by [`render`]; this is the only module (with `main.rs`)
//! that writes output, and the only one that computes line and column.

mod csv;
pub mod html;
mod human;
pub mod json;
mod jsonl;
mod lexicon;
mod markdown;
pub mod sarif;
mod stream;
mod value;

pub use lexicon::{explain, lexicons};

use std::cell::Cell;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::check::{Check, MatchKind, Severity, Undecided, Verdict};
use crate::error::{Error, ErrorKind};
use crate::source::{LineHint, LineIndex};
use crate::span::Span;

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// Compiler-style diagnostics for a person at a terminal.
    Human,
    /// One JSON object with every document (`schema: claimlens/1`).
    Json,
    /// One JSON document object per line, for streaming.
    Jsonl,
    /// One self-contained HTML page: each document's text with its claims
    /// highlighted by verdict and its markers underlined.
    Html,
    /// Markdown for notes and pull requests.
    Markdown,
    /// One row per claim (or, with `--what markers`, per marker).
    Csv,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
}

/// What the row formats (CSV) list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum What {
    /// One row per claim.
    #[default]
    Claims,
    /// One row per rhetoric marker.
    Markers,
}

/// The result for one input: its analysis, or why there is none.
#[derive(Debug)]
pub enum Outcome {
    /// The document was analysed.
    Analyzed(Box<Analysis>),
    /// The document could not be read or analysed.
    Failed(Error),
}

impl Outcome {
    /// True for an input skipped on purpose (it looks binary, or it is a PDF
    /// this build does not read): reported like a failure, but not one.
    pub fn skipped(&self) -> bool {
        matches!(self, Outcome::Failed(e) if matches!(e.kind, ErrorKind::Binary | ErrorKind::Unsupported))
    }
}

/// How the formats people read introduce an input that was not analysed,
/// and what they say after it.
pub(crate) fn not_analysed(o: &Outcome, e: &Error) -> (&'static str, String) {
    if o.skipped() {
        let why = e.message.strip_prefix("skipped: ").unwrap_or(&e.message);
        ("Skipped", why.to_string())
    } else {
        ("Could not be read", e.message.clone())
    }
}

/// How to render.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions {
    /// Use ANSI colours (human format only).
    pub color: bool,
    /// Rows of claims or of markers (CSV only).
    pub what: What,
    /// How long the run took, printed in the human batch summary when given.
    /// Left out by default so that reports are reproducible byte for byte.
    pub elapsed: Option<std::time::Duration>,
}

/// Renders `outcomes` in `format` to `out`.
pub fn render(
    format: OutputFormat,
    outcomes: &[Outcome],
    options: RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        OutputFormat::Human => human::render(outcomes, options, out),
        OutputFormat::Json => json::render(outcomes, out),
        OutputFormat::Jsonl => jsonl::render(outcomes, out),
        OutputFormat::Html => html::render(outcomes, out),
        OutputFormat::Markdown => markdown::render(outcomes, out),
        OutputFormat::Csv => csv::render(outcomes, options.what, out),
        OutputFormat::Sarif => sarif::render(outcomes, out),
    }
}

/// Appends the JSON Lines of `outcomes` to `out` (as [`render`] with
/// [`OutputFormat::Jsonl`] writes them).
pub fn render_jsonl_into(outcomes: &[Outcome], out: &mut Vec<u8>) -> io::Result<()> {
    jsonl::render_into(outcomes, out)
}

/// Writes the replies of `claimlens stream`, one JSON line each (the
/// contract is in `report/stream.rs`: a document, an EDGAR submission with
/// its parts, or an error record, each with its `id`).
pub fn stream_replies(replies: &[crate::stream::Reply], out: &mut dyn Write) -> io::Result<()> {
    stream::render(replies, out)
}

/// A source span with its line and column, as reports print it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// First byte in the original input.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
}

/// Line:column lookups for one analysed document. Reports locate findings
/// in text order, so each lookup starts from where the last one landed
/// (the same answers, in a few steps instead of a search of the document).
pub(crate) struct Locator<'a> {
    analysis: &'a Analysis,
    index: &'a LineIndex,
    segment: Cell<usize>,
    line: Cell<LineHint>,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(analysis: &'a Analysis) -> Locator<'a> {
        Locator {
            index: analysis.source.line_index(),
            analysis,
            segment: Cell::new(0),
            line: Cell::new(LineHint::default()),
        }
    }

    /// The location of a text span, in the original bytes.
    pub(crate) fn locate(&self, text_span: Span) -> Location {
        let mut segment = self.segment.get();
        let s = self
            .analysis
            .source
            .source_span_near(text_span, &mut segment);
        self.segment.set(segment);
        let mut hint = self.line.get();
        let (line, column) =
            self.index
                .line_col_near(self.analysis.source.bytes(), s.start, &mut hint);
        self.line.set(hint);
        Location {
            start: s.start,
            end: s.end,
            line,
            column,
        }
    }

    /// The 1-based line and column (in characters) of a byte offset into the
    /// original input (for the end of a span: the position just after it).
    pub(crate) fn line_col(&self, source_byte: usize) -> (usize, usize) {
        self.index
            .line_col(self.analysis.source.bytes(), source_byte)
    }
}

/// Counts of verdicts in one analysis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub supported: usize,
    pub contradicted: usize,
    pub unverifiable: usize,
    pub unchecked: usize,
}

impl Tally {
    pub(crate) fn of(a: &Analysis) -> Tally {
        let mut t = Tally::default();
        for c in &a.checks {
            match c.as_ref().map(|c| c.verdict) {
                Some(Verdict::Supported) => t.supported += 1,
                Some(Verdict::Contradicted) => t.contradicted += 1,
                Some(Verdict::Unverifiable) => t.unverifiable += 1,
                None => t.unchecked += 1,
            }
        }
        t
    }

    pub(crate) fn add(&mut self, other: Tally) {
        self.supported += other.supported;
        self.contradicted += other.contradicted;
        self.unverifiable += other.unverifiable;
        self.unchecked += other.unchecked;
    }
}

/// What a batch adds up to, as the report headers and summaries say it.
pub(crate) struct Totals {
    /// Documents analysed.
    pub analysed: usize,
    /// Inputs that could not be read (skipped ones not counted).
    pub failed: usize,
    /// Inputs skipped on purpose (binary files, PDFs without the feature).
    pub skipped: usize,
    claims: usize,
    markers: usize,
    tally: Tally,
}

impl Totals {
    pub(crate) fn of(outcomes: &[Outcome]) -> Totals {
        let mut t = Totals {
            analysed: 0,
            failed: 0,
            skipped: 0,
            claims: 0,
            markers: 0,
            tally: Tally::default(),
        };
        for o in outcomes {
            match o {
                Outcome::Analyzed(a) => {
                    t.analysed += 1;
                    t.claims += a.claims.len();
                    t.markers += a.markers.len();
                    t.tally.add(Tally::of(a));
                }
                Outcome::Failed(_) if o.skipped() => t.skipped += 1,
                Outcome::Failed(_) => t.failed += 1,
            }
        }
        t
    }

    /// "12 claims (9 supported, 2 contradicted, 1 unverifiable, 0
    /// unchecked), 30 markers".
    pub(crate) fn counts(&self) -> String {
        let t = &self.tally;
        format!(
            "{} claims ({} supported, {} contradicted, {} unverifiable, {} unchecked), {} markers",
            self.claims, t.supported, t.contradicted, t.unverifiable, t.unchecked, self.markers
        )
    }
}

/// The name of a check's verdict, `unchecked` without one.
pub(crate) fn verdict_name(check: Option<&Check>) -> &'static str {
    check.map_or("unchecked", |c| c.verdict.name())
}

/// A verdict with what qualifies it: "contradicted (major)",
/// "unverifiable (no fact)", "supported (rounded)", "unchecked".
pub(crate) fn verdict_label(check: Option<&Check>) -> String {
    let Some(c) = check else {
        return "unchecked".to_string();
    };
    let detail = match c.verdict {
        Verdict::Supported => c.match_kind.map(match_kind_name),
        Verdict::Contradicted => c.severity.map(Severity::name),
        Verdict::Unverifiable => c.undecided.map(undecided_name),
    };
    match detail {
        Some(d) => format!("{} ({d})", c.verdict.name()),
        None => c.verdict.name().to_string(),
    }
}

fn match_kind_name(m: MatchKind) -> &'static str {
    match m {
        MatchKind::Exact => "exact",
        MatchKind::Rounded => "rounded",
        MatchKind::Approximate => "approximate",
        MatchKind::Bound => "bound",
        MatchKind::Range => "range",
    }
}

pub(crate) fn undecided_name(u: Undecided) -> &'static str {
    match u {
        Undecided::NoFact => "no fact",
        Undecided::Ambiguous => "ambiguous",
        Undecided::RecordTooCoarse => "record too coarse",
        Undecided::Prediction => "prediction",
        Undecided::NoRecord => "no record",
        Undecided::Crowded => "too many numbers",
        Undecided::FarFromDeal => "far from the deal",
    }
}

/// The linked fact in words (its id, the candidates of an ambiguous claim,
/// what it is about and what the record says) and the fact's source, for
/// the formats people read. Empty for unchecked claims.
pub(crate) fn fact_and_source(check: Option<&Check>) -> (String, String) {
    use std::fmt::Write as _;
    let Some(k) = check else {
        return (String::new(), String::new());
    };
    let Some(id) = k.fact.as_deref() else {
        return ("none linked".to_string(), String::new());
    };
    let mut fact = id.to_string();
    if k.candidates.len() > 1 {
        let _ = write!(fact, " (candidates: {})", k.candidates.join(", "));
    }
    match (&k.about, &k.record) {
        (Some(about), Some(record)) => {
            let _ = write!(fact, ": {about}, {record}");
        }
        (Some(x), None) | (None, Some(x)) => {
            let _ = write!(fact, ": {x}");
        }
        (None, None) => {}
    }
    (fact, k.source.clone().unwrap_or_default())
}

/// How the formats people read name a document: its path and, for a part of
/// an EDGAR submission, the part ("8k.txt [part 2: EX-99.1, ex99.htm]").
pub(crate) fn document_name(a: &Analysis) -> String {
    match &a.source.part {
        Some(p) => {
            let file = p
                .filename
                .as_deref()
                .map(|f| format!(", {f}"))
                .unwrap_or_default();
            format!("{} [part {}: {}{file}]", a.source.path, p.sequence, p.kind)
        }
        None => a.source.path.clone(),
    }
}

/// The name of an outcome's document (see [`document_name`]).
pub(crate) fn outcome_name(o: &Outcome) -> String {
    match o {
        Outcome::Analyzed(a) => document_name(a),
        Outcome::Failed(e) => e.path.clone().unwrap_or_else(|| "-".into()),
    }
}

/// The analysed documents among `outcomes`, each with its number (from 1,
/// counting failed inputs too, so that anchors follow input order).
pub(crate) fn analysed(outcomes: &[Outcome]) -> impl Iterator<Item = (usize, &Analysis)> {
    outcomes.iter().enumerate().filter_map(|(i, o)| match o {
        Outcome::Analyzed(a) => Some((i + 1, a.as_ref())),
        Outcome::Failed(_) => None,
    })
}

/// The analysed documents ranked by marker density, densest first (ties in
/// input order): (number, analysis, markers per 100 words).
pub(crate) fn by_density(outcomes: &[Outcome]) -> Vec<(usize, &Analysis, f64)> {
    let mut ranked: Vec<(usize, &Analysis, f64)> = analysed(outcomes)
        .map(|(d, a)| (d, a, per_100_words(a.markers.len(), a.words)))
        .collect();
    ranked.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
    ranked
}

/// "html, utf-8, 1234 bytes, dated 2025-07-07; checked against record x":
/// what a report says of a document before its findings.
pub(crate) fn document_meta(a: &Analysis) -> String {
    let src = &a.source;
    let mut meta = format!(
        "{}, {}, {} bytes",
        src.format.name(),
        src.encoding,
        src.bytes().len()
    );
    if let Some(date) = a.date {
        meta.push_str(&format!(", dated {date}"));
    }
    match &a.record {
        Some(r) => meta.push_str(&format!("; checked against record {r}")),
        None => meta.push_str("; not checked against a record"),
    }
    meta
}

/// The document's markers counted by category, most frequent first (ties by
/// name).
pub(crate) fn markers_by_category(a: &Analysis) -> Vec<(&str, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for m in &a.markers {
        *counts.entry(m.category.as_str()).or_default() += 1;
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    counts
}

/// Text on one line: every run of whitespace (newlines included) made one space.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markers per 100 words, rounded to two decimals.
pub(crate) fn per_100_words(markers: usize, words: usize) -> f64 {
    if words == 0 {
        return 0.0;
    }
    (markers as f64 * 10_000.0 / words as f64).round() / 100.0
}

/// Prints the sentences (and words) of a source with their spans in the
/// original bytes (`claimlens tokens`).
pub fn tokens(
    source: &crate::source::Source,
    sentences_only: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let text = source.text();
    let index = source.line_index();
    writeln!(
        out,
        "{} ({}, {})",
        source.path,
        source.format.name(),
        source.encoding
    )?;
    for (i, s) in crate::tokenize::sentences(text).iter().enumerate() {
        let span = source.source_span(s.span);
        let (line, col) = index.line_col(source.bytes(), span.start);
        let kind = if s.heading { "heading" } else { "sentence" };
        let one_line: String = s
            .span
            .slice(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        writeln!(
            out,
            "{kind} {} [{}..{}] {line}:{col} {one_line}",
            i + 1,
            span.start,
            span.end
        )?;
        if !sentences_only {
            for w in crate::tokenize::words(text, s.span) {
                let ws = source.source_span(w.span);
                writeln!(
                    out,
                    "  word [{}..{}] {}",
                    ws.start,
                    ws.end,
                    w.span.slice(text)
                )?;
            }
        }
    }
    Ok(())
}
