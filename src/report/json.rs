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
//!       "check": { "verdict": "supported", "match_kind": "rounded", "severity": null,
//!                  "undecided": null, "fact": "equity-value", "candidates": [],
//!                  "reason": "states $9 billion; record: approximately $9 billion (Dow Jones Newswires, 2025-10-30) — the record's figure rounds to it; fact equity-value",
//!                  "stated": "$9 billion", "record": "approximately $9 billion",
//!                  "source": "Dow Jones Newswires, 2025-10-30",
//!                  "about": "headline implied equity value of the transaction",
//!                  "why": "the record's figure rounds to it" } } ],
//!   "markers": [ { "id": "m3", "category": "loaded_language", "cue": "smokescreen",
//!                  "text": "smokescreen", "span": { "start": 2301, "end": 2312, "line": 12, "column": 40 },
//!                  "sentence": 17, "voice": "author", "context": null } ],
//!   "status": [ { "id": "s1", "text": "is expected to close",
//!                 "span": { "start": 5120, "end": 5140, "line": 30, "column": 17 }, "sentence": 41,
//!                 "says": "pending", "event": { "status": "terminated", "date": "2025-10-30",
//!                 "source": "Investing.com, 2025-10-31 (Core Scientific Form 8-K)" },
//!                 "message": "speaks of the deal as pending, but the agreement was terminated on 2025-10-30 (…); the document is dated 2025-11-14" } ],
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
//!   (`no_fact`, `ambiguous`, `record_too_coarse`, `prediction`, `no_record`,
//!   `crowded`: the sentence holds more numbers than are linked in one) and
//!   `candidates` (every fact an `ambiguous` claim fits), and the reason's
//!   parts `stated` (the claim as written), `record` (the fact's value with
//!   its qualifier, written naturally: "more than $10 billion"), `source`,
//!   `about` (what the fact is) and `why` (how the two agree or not: "25%
//!   over the record (gross)");
//!   in markers, `voice` (`author`, `quoted`, `heading`) and
//!   `context` (`boilerplate` inside a legal legend, else `null`); in the
//!   summary, `words` and `markers_by_category` (each category that has
//!   markers, by name in alphabetical order: `count` and `per_100_words`,
//!   rounded to two decimals like `markers_per_100_words`).
//! - `status` (added): sentences that speak of the deal as pending or
//!   completed when the record says that, by the document's date, it had
//!   been terminated (or completed). Each names the record's `event` the
//!   document is behind on. Empty when the document has no date.
//! - A document that could not be read is `{"path": ..., "error": "..."}`.
//!   One skipped on purpose (it looks binary, or it is a PDF and claimlens
//!   was built without PDF support) is the same with `"skipped": true`
//!   (added); it does not make the exit code 2. Every input named or found
//!   in a directory has its object, so a batch loses none.
//!
//! ## EDGAR submissions: one document object per part
//!
//! An EDGAR submission (`format: "edgar"`) holds several documents. Each one
//! that holds text is its own document object, in the container's order,
//! with `path`, `bytes` and every span still about the CONTAINER file, and
//! two added fields (both `null` for any other input):
//!
//! ```json
//! { "path": "corpus/documents/edgar-8k-coreweave-core-scientific.txt", "format": "edgar",
//!   "bytes": 24196, "date": "2025-10-31",
//!   "part": { "sequence": 2, "type": "EX-99.1", "filename": "corz-ex99_1.htm",
//!             "description": "PRESS RELEASE", "format": "html",
//!             "span": { "start": 16207, "end": 23410 } },
//!   "filing": { "accession": "0001839341-25-000087", "form_type": "8-K",
//!               "company": "Core Scientific, Inc./tx", "filed": "2025-10-31" },
//!   "notes": ["part 3 (GRAPHIC, corz-logo.jpg) skipped: uuencoded binary"], ... }
//! ```
//!
//! - `part.sequence` is the document's `<SEQUENCE>` (its position when it
//!   has none), `part.type` its `<TYPE>`, `part.format` what its text is
//!   (`html`, inline XBRL included, or `text`), `part.span` the bytes of its
//!   content inside `<TEXT>`.
//! - `filing` is the SEC header; `filing.filed` (`FILED AS OF DATE`) is the
//!   document `date` every part is checked as of.
//! - Documents that hold no text (uuencoded graphics, ZIP and Excel files,
//!   XBRL and XML data, PDF copies) are not document objects: each is a line
//!   in the `notes` of the first part. A submission with no such document
//!   (a header alone, an XML-only Form 4) is one document object with
//!   `part: null`, no claims and its notes.
//! - A PDF (`format: "pdf"`, with the `pdf` feature) has no map into its
//!   bytes: its spans are offsets into the extracted text, as its note says.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;
use serde::ser::{SerializeSeq as _, Serializer};

use super::{Location, Locator, Outcome, Tally, per_100_words};
use crate::analysis::Analysis;
use crate::check::{Check, Status};
use crate::claims::{Change, Lean};
use crate::date::{Date, Period};
use crate::rhetoric::{Context, Voice};
use crate::source::{Filing, Part};

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
    Failed {
        path: &'a str,
        error: String,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        skipped: bool,
    },
}

#[derive(Serialize)]
pub(crate) struct AnalyzedJson<'a> {
    path: &'a str,
    format: &'static str,
    encoding: &'a str,
    bytes: usize,
    part: Option<&'a Part>,
    filing: Option<&'a Filing>,
    date: Option<Date>,
    record: Option<&'a str>,
    notes: &'a [String],
    claims: Vec<ClaimJson<'a>>,
    markers: Vec<MarkerJson<'a>>,
    status: Vec<StatusJson<'a>>,
    summary: SummaryJson<'a>,
}

#[derive(Serialize)]
struct StatusJson<'a> {
    id: Id,
    text: &'a str,
    span: Location,
    sentence: usize,
    says: Status,
    event: EventJson<'a>,
    message: &'a str,
}

#[derive(Serialize)]
struct EventJson<'a> {
    status: Status,
    date: Date,
    source: &'a str,
}

#[derive(Serialize)]
struct ClaimJson<'a> {
    id: Id,
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
    markers: MarkerIds,
    check: Option<&'a Check>,
}

#[derive(Serialize)]
struct MarkerJson<'a> {
    id: Id,
    category: &'a str,
    cue: &'a str,
    text: &'a str,
    span: Location,
    sentence: usize,
    voice: Voice,
    context: Option<Context>,
}

#[derive(Serialize)]
pub(crate) struct SummaryJson<'a> {
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

/// The ids of a claim's markers (`["m3", "m4"]`), written without a string
/// per id: a long sentence may hold many markers, and each of its claims
/// lists them all.
struct MarkerIds(Range<usize>);

impl Serialize for MarkerIds {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for m in self.0.clone() {
            seq.serialize_element(&Id('m', m))?;
        }
        seq.end()
    }
}

/// A finding's id, `c1`, `m3`, `s2`: its letter and its 0-based index,
/// written without a `String` per finding.
struct Id(char, usize);

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{}{}", self.0, self.1 + 1))
    }
}

#[derive(Serialize)]
struct CategoryJson {
    count: usize,
    per_100_words: f64,
}

/// Appends `value`, which serialises as a JSON object with at least one
/// field, to `out` with the fields of `head` (serialised `"name":value,`
/// pairs, each ending in a comma) before its own: what serde's `flatten`
/// writes, without its detour through a map serialiser for every field.
pub(crate) fn write_object_after(
    out: &mut Vec<u8>,
    head: &[u8],
    value: &impl Serialize,
) -> io::Result<()> {
    out.push(b'{');
    out.extend_from_slice(head);
    let at = out.len();
    serde_json::to_writer(&mut *out, value)?;
    if out.get(at) != Some(&b'{') || out.get(at + 1) == Some(&b'}') {
        return Err(io::Error::other("a JSON object with fields was expected"));
    }
    out.remove(at);
    Ok(())
}

pub(crate) fn document(outcome: &Outcome) -> DocumentJson<'_> {
    match outcome {
        Outcome::Failed(e) => DocumentJson::Failed {
            path: e.path.as_deref().unwrap_or("-"),
            error: e.message.clone(),
            skipped: outcome.skipped(),
        },
        Outcome::Analyzed(a) => DocumentJson::Analyzed(Box::new(analyzed(a))),
    }
}

pub(crate) fn analyzed(a: &Analysis) -> AnalyzedJson<'_> {
    let loc = Locator::new(a);
    let text = a.source.text.as_str();
    let claims = a
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| ClaimJson {
            id: Id('c', i),
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
            markers: MarkerIds(a.markers_of(c)),
            check: a.checks.get(i).and_then(Option::as_ref),
        })
        .collect();
    let markers = a
        .markers
        .iter()
        .enumerate()
        .map(|(i, m)| MarkerJson {
            id: Id('m', i),
            category: &m.category,
            cue: &m.cue,
            text: m.span.slice(text),
            span: loc.locate(m.span),
            sentence: m.sentence + 1,
            voice: m.voice,
            context: m.context,
        })
        .collect();
    let status = a
        .statuses
        .iter()
        .enumerate()
        .map(|(i, st)| StatusJson {
            id: Id('s', i),
            text: st.span.slice(text),
            span: loc.locate(st.span),
            sentence: st.sentence + 1,
            says: st.says,
            event: EventJson {
                status: st.event_status,
                date: st.event_date,
                source: &st.source,
            },
            message: &st.message,
        })
        .collect();
    AnalyzedJson {
        path: &a.source.path,
        format: a.source.format.name(),
        encoding: &a.source.encoding,
        bytes: a.source.bytes.len(),
        part: a.source.part.as_ref(),
        filing: a.source.filing.as_ref(),
        date: a.date,
        record: a.record.as_deref(),
        notes: &a.notes,
        claims,
        markers,
        status,
        summary: summary(std::slice::from_ref(a)),
    }
}

/// The summary of one analysis, or the totals of several (the parts of an
/// EDGAR submission): counts added up, densities over all their words.
pub(crate) fn summary(analyses: &[Analysis]) -> SummaryJson<'_> {
    let mut tally = Tally::default();
    let (mut claims, mut markers, mut words) = (0, 0, 0);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in analyses {
        tally.add(Tally::of(a));
        claims += a.claims.len();
        markers += a.markers.len();
        words += a.words;
        for m in &a.markers {
            *counts.entry(m.category.as_str()).or_default() += 1;
        }
    }
    let markers_by_category = counts
        .into_iter()
        .map(|(c, n)| {
            (
                c,
                CategoryJson {
                    count: n,
                    per_100_words: per_100_words(n, words),
                },
            )
        })
        .collect();
    SummaryJson {
        claims,
        supported: tally.supported,
        contradicted: tally.contradicted,
        unverifiable: tally.unverifiable,
        unchecked: tally.unchecked,
        markers,
        words,
        markers_per_100_words: per_100_words(markers, words),
        markers_by_category,
    }
}

pub(crate) fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    let top = Top {
        schema: SCHEMA,
        documents: outcomes.iter().map(document).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &top)?;
    out.write_all(b"\n")
}
