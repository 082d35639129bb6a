//! The JSON contract (`--format json`), schema `claimlens/1`.
//!
//! One object: `{"schema": "claimlens/1", "documents": [...]}`. Each document:
//!
//! ```json
//! { "path": "corpus/documents/commentary.txt", "format": "text", "encoding": "utf-8",
//!   "bytes": 6516, "date": null, "record": "coreweave-core-scientific-2025", "notes": [],
//!   "claims": [ {
//!       "id": "c1", "kind": "money", "text": "$9 billion",
//!       "span": { "start": 401, "end": 411, "line": 5, "column": 5 },
//!       "value": 9000000000.0, "unit": "USD", "comparator": "eq", "upper": null,
//!       "precision": 500000000.0, "about": "deal", "quoted": false, "sentence": 4,
//!       "markers": ["m3"],
//!       "check": { "verdict": "supported", "match_kind": "rounded", "fact": "equity-value",
//!                  "reason": "states $9 billion; record: approximately $9 billion (…)" } } ],
//!   "markers": [ { "id": "m3", "category": "loaded_language", "cue": "smokescreen",
//!                  "text": "smokescreen", "span": { "start": 2301, "end": 2312, "line": 12, "column": 40 },
//!                  "sentence": 17, "voice": "author", "context": null } ],
//!   "summary": { "claims": 4, "supported": 2, "contradicted": 1, "unverifiable": 1,
//!                "unchecked": 0, "markers": 37, "words": 902, "markers_per_100_words": 4.1,
//!                "markers_by_category": { "hedge": { "count": 9, "per_100_words": 1.0 },
//!                                         "loaded_language": { "count": 20, "per_100_words": 2.22 } } } }
//! ```
//!
//! - `span.start`/`end` are byte offsets into the ORIGINAL input (for HTML,
//!   into the markup); `line` and `column` are 1-based, the column in
//!   characters. `sentence` is the 1-based index of the sentence.
//! - `value` is in the unit's base (9e9 for "$9 billion"; durations in
//!   years), `null` for dates, which carry `period: {"start", "end"}` instead.
//! - Added to the design's example (fields may be added, none change
//!   meaning): `encoding`, `date`, `notes`, `comparator_text` (the words),
//!   `lean` (`below` for "nearly", `above` for "just over"), `change`
//!   (`up`/`down`), `period`; in `check`, `severity`, `undecided`
//!   (`no_fact`, `ambiguous`, `record_too_coarse`, `prediction`, `no_record`) and
//!   `candidates`; in markers, `voice` (`author`, `quoted`, `heading`) and
//!   `context` (`boilerplate` inside a legal legend, else `null`); in the
//!   summary, `words` and `markers_by_category` (each category that has
//!   markers, by name in alphabetical order: `count` and `per_100_words`,
//!   rounded to two decimals like `markers_per_100_words`).
//! - A document that could not be read is `{"path": ..., "error": "..."}`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{Location, Locator, Outcome, Tally, per_100_words};
use crate::analysis::Analysis;
use crate::check::Check;
use crate::claims::{Change, Lean};
use crate::date::{Date, Period};
use crate::rhetoric::{Context, Voice};

/// The schema identifier; bumped when a field changes meaning.
pub const SCHEMA: &str = "claimlens/1";

#[derive(Serialize)]
struct Top<'a> {
    schema: &'static str,
    documents: Vec<DocumentJson<'a>>,
}

/// One document in the JSON contract (or its error).
#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum DocumentJson<'a> {
    Analyzed(Box<AnalyzedJson<'a>>),
    Failed { path: &'a str, error: String },
}

#[derive(Serialize)]
pub(crate) struct AnalyzedJson<'a> {
    path: &'a str,
    format: &'static str,
    encoding: &'a str,
    bytes: usize,
    date: Option<Date>,
    record: Option<&'a str>,
    notes: &'a [String],
    claims: Vec<ClaimJson<'a>>,
    markers: Vec<MarkerJson<'a>>,
    summary: SummaryJson<'a>,
}

#[derive(Serialize)]
struct ClaimJson<'a> {
    id: String,
    kind: &'static str,
    text: &'a str,
    span: Location,
    value: Option<f64>,
    unit: &'a str,
    comparator: &'static str,
    comparator_text: Option<&'a str>,
    lean: Option<Lean>,
    upper: Option<f64>,
    precision: f64,
    change: Option<Change>,
    period: Option<Period>,
    about: &'a str,
    quoted: bool,
    sentence: usize,
    markers: Vec<String>,
    check: Option<&'a Check>,
}

#[derive(Serialize)]
struct MarkerJson<'a> {
    id: String,
    category: &'a str,
    cue: &'a str,
    text: &'a str,
    span: Location,
    sentence: usize,
    voice: Voice,
    context: Option<Context>,
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    claims: usize,
    supported: usize,
    contradicted: usize,
    unverifiable: usize,
    unchecked: usize,
    markers: usize,
    words: usize,
    markers_per_100_words: f64,
    markers_by_category: BTreeMap<&'a str, CategoryJson>,
}

#[derive(Serialize)]
struct CategoryJson {
    count: usize,
    per_100_words: f64,
}

pub(crate) fn document(outcome: &Outcome) -> DocumentJson<'_> {
    match outcome {
        Outcome::Failed(e) => DocumentJson::Failed {
            path: e.path.as_deref().unwrap_or("-"),
            error: e.message.clone(),
        },
        Outcome::Analyzed(a) => DocumentJson::Analyzed(Box::new(analyzed(a))),
    }
}

fn analyzed(a: &Analysis) -> AnalyzedJson<'_> {
    let loc = Locator::new(a);
    let text = a.source.text.as_str();
    let claims = a
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| ClaimJson {
            id: format!("c{}", i + 1),
            kind: c.kind.name(),
            text: c.span.slice(text),
            span: loc.locate(c.span),
            value: c.value.map(|v| v.to_f64()),
            unit: &c.unit,
            comparator: c.comparator.name(),
            comparator_text: c.comparator_text.as_deref(),
            lean: c.lean,
            upper: c.upper.map(|v| v.to_f64()),
            precision: c.precision,
            change: c.change,
            period: c.period,
            about: &c.about,
            quoted: c.quoted,
            sentence: c.sentence + 1,
            markers: a.markers_of(c).map(|m| format!("m{}", m + 1)).collect(),
            check: a.checks.get(i).and_then(Option::as_ref),
        })
        .collect();
    let markers = a
        .markers
        .iter()
        .enumerate()
        .map(|(i, m)| MarkerJson {
            id: format!("m{}", i + 1),
            category: &m.category,
            cue: &m.cue,
            text: m.span.slice(text),
            span: loc.locate(m.span),
            sentence: m.sentence + 1,
            voice: m.voice,
            context: m.context,
        })
        .collect();
    let t = Tally::of(a);
    AnalyzedJson {
        path: &a.source.path,
        format: a.source.format.name(),
        encoding: &a.source.encoding,
        bytes: a.source.bytes.len(),
        date: a.date,
        record: a.record.as_deref(),
        notes: &a.notes,
        claims,
        markers,
        summary: SummaryJson {
            claims: a.claims.len(),
            supported: t.supported,
            contradicted: t.contradicted,
            unverifiable: t.unverifiable,
            unchecked: t.unchecked,
            markers: a.markers.len(),
            words: a.words,
            markers_per_100_words: per_100_words(a.markers.len(), a.words),
            markers_by_category: by_category(a),
        },
    }
}

/// Markers per category: count and density.
fn by_category(a: &Analysis) -> BTreeMap<&str, CategoryJson> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &a.markers {
        *counts.entry(m.category.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(c, n)| {
            (
                c,
                CategoryJson {
                    count: n,
                    per_100_words: per_100_words(n, a.words),
                },
            )
        })
        .collect()
}

pub(crate) fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    let top = Top {
        schema: SCHEMA,
        documents: outcomes.iter().map(document).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &top)?;
    out.write_all(b"\n")
}
