//! Output formats, all rendered from the one analysis model. One file per
//! format, dispatched by [`render`]; this is the only module (with `main.rs`)
//! that writes output, and the only one that computes line and column.

mod human;
pub mod json;
mod jsonl;
mod lexicon;

pub use lexicon::{explain, lexicons};

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::error::Error;
use crate::source::LineIndex;
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
}

/// The result for one input: its analysis, or why there is none.
#[derive(Debug)]
pub enum Outcome {
    /// The document was analysed.
    Analyzed(Box<Analysis>),
    /// The document could not be read or analysed.
    Failed(Error),
}

/// How to render.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions {
    /// Use ANSI colours (human format only).
    pub color: bool,
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
    }
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

/// Line:column lookups for one analysed document.
pub(crate) struct Locator<'a> {
    analysis: &'a Analysis,
    index: LineIndex,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(analysis: &'a Analysis) -> Locator<'a> {
        let single_byte = analysis.source.encoding == "windows-1252";
        Locator {
            index: LineIndex::new(&analysis.source.bytes, single_byte),
            analysis,
        }
    }

    /// The location of a text span, in the original bytes.
    pub(crate) fn locate(&self, text_span: Span) -> Location {
        let s = self.analysis.source.source_span(text_span);
        let (line, column) = self.index.line_col(&self.analysis.source.bytes, s.start);
        Location {
            start: s.start,
            end: s.end,
            line,
            column,
        }
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
        use crate::check::Verdict;
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
    let text = source.text.as_str();
    let index = LineIndex::new(&source.bytes, source.encoding == "windows-1252");
    writeln!(
        out,
        "{} ({}, {})",
        source.path,
        source.format.name(),
        source.encoding
    )?;
    for (i, s) in crate::tokenize::sentences(text).iter().enumerate() {
        let span = source.source_span(s.span);
        let (line, col) = index.line_col(&source.bytes, span.start);
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
