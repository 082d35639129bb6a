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
//!   `crowded`: the sentence holds more numbers than are linked in one,
//!   `far_from_deal`: in a long document, a would-be contradiction with the
//!   deal named nowhere near it; `fact` and `why` say what it would be) and
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
use serde_json::ser::{CompactFormatter, Formatter as _};

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

/// Appends `doc` to `out` as compact JSON with the fields of `head` (as for
/// [`write_object_after`]) first: the bytes `serde_json` writes for it, with
/// the claims and markers (most of a document's bytes) written by
/// [`Compact`] instead of through serde's call per field.
pub(crate) fn write_document(out: &mut Vec<u8>, head: &[u8], doc: &DocumentJson) -> io::Result<()> {
    match doc {
        DocumentJson::Analyzed(a) => write_analyzed(out, head, a),
        DocumentJson::Failed { .. } => write_object_after(out, head, doc),
    }
}

/// [`write_document`] for an analysed document.
pub(crate) fn write_analyzed(out: &mut Vec<u8>, head: &[u8], a: &AnalyzedJson) -> io::Result<()> {
    let mut c = Compact(out);
    c.0.push(b'{');
    c.0.extend_from_slice(head);
    c.key_first("path");
    c.str(a.path);
    c.key("format");
    c.str(a.format);
    c.key("encoding");
    c.str(a.encoding);
    c.key("bytes");
    c.usize(a.bytes);
    c.key("part");
    c.serde(&a.part)?;
    c.key("filing");
    c.serde(&a.filing)?;
    c.key("date");
    c.serde(&a.date)?;
    c.key("record");
    c.opt(a.record, Compact::str);
    c.key("notes");
    c.serde(&a.notes)?;
    c.key("claims");
    c.list(&a.claims, |c, claim| claim.write(c))?;
    c.key("markers");
    c.list(&a.markers, |c, m| m.write(c))?;
    c.key("status");
    c.serde(&a.status)?;
    c.key("summary");
    c.serde(&a.summary)?;
    c.0.push(b'}');
    Ok(())
}

/// A compact JSON writer for the derived `Serialize` of [`ClaimJson`] and
/// [`MarkerJson`]: fields in declaration order, strings escaped and numbers
/// formatted as `serde_json` does (the tests compare the bytes), the rare
/// and nested fields (periods, checks, enums) through `serde_json` itself.
struct Compact<'o>(&'o mut Vec<u8>);

impl Compact<'_> {
    /// A field name: the contract's names need no escape. Inlined, so that
    /// each constant name is copied as a constant (left to itself, the
    /// compiler inlined it in some builds and not in others: ~1.5% of a
    /// run's instructions).
    #[inline(always)]
    fn key_first(&mut self, name: &str) {
        debug_assert!(name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_'));
        self.0.push(b'"');
        self.0.extend_from_slice(name.as_bytes());
        self.0.extend_from_slice(b"\":");
    }

    #[inline(always)]
    fn key(&mut self, name: &str) {
        self.0.push(b',');
        self.key_first(name);
    }

    /// A JSON string: `"`, `\`, and control characters escaped, as
    /// `serde_json` escapes them (short forms where JSON has them, else
    /// `\u00xx`); everything else, non-ASCII included, as is.
    fn str(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let out = &mut *self.0;
        out.push(b'"');
        let b = s.as_bytes();
        let mut done = 0;
        for (i, &c) in b.iter().enumerate() {
            let short = match c {
                b'"' => b'"',
                b'\\' => b'\\',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                0x08 => b'b',
                0x0c => b'f',
                0x00..=0x1f => 0,
                _ => continue,
            };
            out.extend_from_slice(&b[done..i]);
            done = i + 1;
            if short == 0 {
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(c >> 4)]);
                out.push(HEX[usize::from(c & 0xf)]);
            } else {
                out.push(b'\\');
                out.push(short);
            }
        }
        out.extend_from_slice(&b[done..]);
        out.push(b'"');
    }

    /// `value` as `write` writes it, or `null`.
    fn opt<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Self, T)) {
        match value {
            Some(v) => write(self, v),
            None => self.0.extend_from_slice(b"null"),
        }
    }

    fn usize(&mut self, n: usize) {
        // Infallible: the formatter writes to a Vec.
        let _ = CompactFormatter.write_u64(&mut *self.0, n as u64);
    }

    /// A float as `serde_json` writes one (`null` when not finite).
    fn f64(&mut self, v: f64) {
        if v.is_finite() {
            let _ = CompactFormatter.write_f64(&mut *self.0, v);
        } else {
            self.0.extend_from_slice(b"null");
        }
    }

    fn bool(&mut self, b: bool) {
        self.0.extend_from_slice(if b { b"true" } else { b"false" });
    }

    fn id(&mut self, id: &Id) {
        self.0.push(b'"');
        let mut letter = [0u8; 4];
        self.0
            .extend_from_slice(id.0.encode_utf8(&mut letter).as_bytes());
        self.usize(id.1 + 1);
        self.0.push(b'"');
    }

    fn location(&mut self, l: &Location) {
        self.0.push(b'{');
        self.key_first("start");
        self.usize(l.start);
        self.key("end");
        self.usize(l.end);
        self.key("line");
        self.usize(l.line);
        self.key("column");
        self.usize(l.column);
        self.0.push(b'}');
    }

    fn serde(&mut self, value: &impl Serialize) -> io::Result<()> {
        serde_json::to_writer(&mut *self.0, value).map_err(io::Error::from)
    }

    fn list<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut each: impl FnMut(&mut Self, T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.0.push(b'[');
        for (k, item) in items.into_iter().enumerate() {
            if k > 0 {
                self.0.push(b',');
            }
            each(self, item)?;
        }
        self.0.push(b']');
        Ok(())
    }
}

impl ClaimJson<'_> {
    fn write(&self, c: &mut Compact) -> io::Result<()> {
        c.0.push(b'{');
        c.key_first("id");
        c.id(&self.id);
        c.key("kind");
        c.str(self.kind);
        c.key("text");
        c.str(self.text);
        c.key("span");
        c.location(&self.span);
        c.key("value");
        c.opt(self.value, Compact::f64);
        c.key("unit");
        c.str(self.unit);
        c.key("comparator");
        c.str(self.comparator);
        c.key("comparator_text");
        c.opt(self.comparator_text, Compact::str);
        c.key("lean");
        c.serde(&self.lean)?;
        c.key("upper");
        c.opt(self.upper, Compact::f64);
        c.key("precision");
        c.f64(self.precision);
        c.key("change");
        c.serde(&self.change)?;
        c.key("period");
        c.serde(&self.period)?;
        c.key("about");
        c.str(self.about);
        c.key("quoted");
        c.bool(self.quoted);
        c.key("sentence");
        c.usize(self.sentence);
        c.key("markers");
        c.list(self.markers.0.clone(), |c, m| {
            c.id(&Id('m', m));
            Ok(())
        })?;
        c.key("check");
        c.serde(&self.check)?;
        c.0.push(b'}');
        Ok(())
    }
}

impl MarkerJson<'_> {
    fn write(&self, c: &mut Compact) -> io::Result<()> {
        c.0.push(b'{');
        c.key_first("id");
        c.id(&self.id);
        c.key("category");
        c.str(self.category);
        c.key("cue");
        c.str(self.cue);
        c.key("text");
        c.str(self.text);
        c.key("span");
        c.location(&self.span);
        c.key("sentence");
        c.usize(self.sentence);
        c.key("voice");
        c.serde(&self.voice)?;
        c.key("context");
        c.serde(&self.context)?;
        c.0.push(b'}');
        Ok(())
    }
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
    let text = a.source.text();
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
        bytes: a.source.bytes().len(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze_parts};
    use crate::source::{Format, Source};

    /// What `serde_json` writes for `doc` after `head`: the reference the
    /// compact writer must equal byte for byte.
    fn by_serde(head: &[u8], doc: &DocumentJson) -> Vec<u8> {
        let mut out = Vec::new();
        write_object_after(&mut out, head, doc).unwrap_or_else(|e| panic!("{e}"));
        out
    }

    #[test]
    fn compact_documents_are_what_serde_writes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/records");
        let mut records = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            records.push(
                crate::check::record::read(&path)
                    .unwrap_or_else(|e| panic!("{}: {e:?}", path.display())),
            );
        }
        let options = Options {
            records,
            ..Options::default()
        };
        // The corpus (records, verdicts, quotations, status findings), and a
        // text whose claims and markers hold every character JSON escapes.
        let mut sources: Vec<Source> = crate::testing::corpus_documents()
            .into_iter()
            .map(|(path, text)| {
                Source::from_bytes(path.display().to_string(), text.into_bytes(), None)
            })
            .collect();
        let hostile: String = (0u8..0x20)
            .map(char::from)
            .chain("\"\\\u{7f}é’\u{2028}".chars())
            .collect();
        let text = format!(
            "The \"{hostile}\" deal is worth nearly $9\u{a0}billion{hostile}, a \"catastrophic\" \\ 45% of \"fees\"."
        );
        sources.push(Source::from_bytes(
            "a\"b\\c\n.txt",
            text.into_bytes(),
            Some(Format::Text),
        ));
        let mut claims = 0;
        let mut checks = 0;
        let mut markers = 0;
        for source in sources {
            for a in analyze_parts(source, &options) {
                claims += a.claims.len();
                checks += a.checks.iter().flatten().count();
                markers += a.markers.len();
                let outcome = Outcome::Analyzed(Box::new(a));
                let doc = document(&outcome);
                let head = b"\"schema\":\"claimlens/1\",";
                let mut compact = Vec::new();
                write_document(&mut compact, head, &doc).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(
                    String::from_utf8_lossy(&compact),
                    String::from_utf8_lossy(&by_serde(head, &doc))
                );
            }
        }
        assert!(
            claims > 100 && checks > 20 && markers > 100,
            "{claims} {checks} {markers}"
        );
        // A document that failed goes through serde as before.
        let failed = Outcome::Failed(crate::Error::new(
            crate::error::ErrorKind::Io,
            "x\"y.txt",
            "cannot read it",
        ));
        let doc = document(&failed);
        let mut compact = Vec::new();
        write_document(&mut compact, b"", &doc).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(compact, by_serde(b"", &doc));
    }

    #[test]
    fn strings_are_escaped_as_serde_escapes_them() {
        let mut every: Vec<String> = (0u32..0x100)
            .filter_map(char::from_u32)
            .map(String::from)
            .collect();
        every.push("plain text, $9 billion".into());
        every.push("a\"b\\c\nd\u{1}e\u{1f}".into());
        every.push(String::new());
        for s in every {
            let mut out = Vec::new();
            Compact(&mut out).str(&s);
            let reference = serde_json::to_vec(&s).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(out, reference, "{s:?}");
        }
        for v in [
            0.0,
            -0.0,
            0.5,
            1e-7,
            9e9,
            1.0 / 3.0,
            1e300,
            f64::NAN,
            f64::INFINITY,
        ] {
            let mut out = Vec::new();
            Compact(&mut out).f64(v);
            let reference = serde_json::to_vec(&v).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(out, reference, "{v}");
        }
    }
}
