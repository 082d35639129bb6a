//! The output of `claimlens stream` ([`crate::stream`]): exactly one JSON
//! line per input line, in input order, each carrying the line's `id` as
//! the input wrote it, and `"schema": "claimlens/1"`, so that a line stands
//! alone. Three shapes, told apart by their fields:
//!
//! - **A document**: the document object of the JSON contract
//!   ([`super::json`], the line `--format jsonl` writes for the same
//!   document) with `id` added. Its `path` is the input's `path`, or the id
//!   (a number's JSON text) for `text` and `html`.
//!
//!   ```json
//!   {"schema":"claimlens/1","id":"pr-7","path":"pr-7","format":"text","encoding":"utf-8","bytes":52,
//!    "part":null,"filing":null,"date":null,"record":null,"notes":[],
//!    "claims":[{"id":"c1","kind":"money","text":"$9 billion","...":"..."}],"markers":[],"status":[],
//!    "summary":{"claims":1,"supported":0,"contradicted":0,"unverifiable":0,"unchecked":1,"...":"..."}}
//!   ```
//!
//! - **An EDGAR submission** (`"format": "edgar"`): still one line. Its
//!   documents are in `parts`, each the document object `--format jsonl`
//!   writes for that part (a line of its own there); `summary` adds up their
//!   counts, with densities over all their words. A submission with no
//!   document that holds text has one part, with `"part": null`.
//!
//!   ```json
//!   {"schema":"claimlens/1","id":"0001839341-25-000087","path":"0001839341-25-000087",
//!    "format":"edgar","encoding":"utf-8","bytes":24196,
//!    "filing":{"accession":"0001839341-25-000087","form_type":"8-K","...":"..."},
//!    "parts":[{"path":"0001839341-25-000087","format":"edgar","part":{"sequence":1,"type":"8-K","...":"..."},"...":"..."},
//!             {"path":"0001839341-25-000087","format":"edgar","part":{"sequence":2,"type":"EX-99.1","...":"..."},"...":"..."}],
//!    "summary":{"claims":12,"supported":5,"contradicted":1,"...":"..."}}
//!   ```
//!
//! - **An error record**, for a line that is not a document claimlens can
//!   read (not JSON, no `id`, an empty line, a missing or binary file, ...):
//!   `id` as given, or `null` when the line has no usable one; `error` says
//!   what was wrong; `line` is the 1-based line number in this process's
//!   input.
//!
//!   ```json
//!   {"schema":"claimlens/1","id":null,"error":"not a JSON object: ...","line":3}
//!   ```
//!
//! With `--shard K/N`, the lines of other shards yield no line at all: the
//! output has one line per input line kept.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::value::RawValue;

use super::json::{AnalyzedJson, SCHEMA, SummaryJson, analyzed, summary, write_analyzed};
use crate::analysis::Analysis;
use crate::source::{Filing, Format};
use crate::stream::Reply;

#[derive(Serialize)]
struct SubmissionLine<'a> {
    schema: &'static str,
    id: &'a RawValue,
    path: &'a str,
    format: &'static str,
    encoding: &'a str,
    bytes: usize,
    filing: Option<&'a Filing>,
    parts: Vec<AnalyzedJson<'a>>,
    summary: SummaryJson<'a>,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    schema: &'static str,
    id: Option<&'a RawValue>,
    error: &'a str,
    line: u64,
}

pub(crate) fn render(replies: &[Reply], out: &mut dyn Write) -> io::Result<()> {
    // Each line is serialised into a buffer, then written in one call.
    let mut buf = Vec::with_capacity(16 * 1024);
    for reply in replies {
        buf.clear();
        match reply {
            Reply::Analyzed { id, analyses } => match analyses.as_slice() {
                [a] if a.source.format != Format::Edgar => {
                    // `"schema"` and `"id"` first, then the document's fields.
                    let head = format!(
                        "\"schema\":{},\"id\":{},",
                        serde_json::to_string(SCHEMA)?,
                        id.raw().get()
                    );
                    write_analyzed(&mut buf, head.as_bytes(), &analyzed(a))?;
                }
                _ => serde_json::to_writer(&mut buf, &submission(id.raw(), analyses))?,
            },
            Reply::Failed { id, line, message } => {
                let line = ErrorLine {
                    schema: SCHEMA,
                    id: id.as_ref().map(|i| i.raw()),
                    error: message,
                    line: *line,
                };
                serde_json::to_writer(&mut buf, &line)?;
            }
        }
        buf.push(b'\n');
        out.write_all(&buf)?;
    }
    Ok(())
}

fn submission<'a>(id: &'a RawValue, parts: &'a [Analysis]) -> SubmissionLine<'a> {
    // Every part carries the container's path, bytes and filing.
    let container = parts.first().map(|a| &a.source);
    SubmissionLine {
        schema: SCHEMA,
        id,
        path: container.map_or("", |s| s.path.as_str()),
        format: container.map_or(Format::Edgar, |s| s.format).name(),
        encoding: container.map_or("", |s| s.encoding.as_str()),
        bytes: container.map_or(0, |s| s.bytes().len()),
        filing: container.and_then(|s| s.filing.as_ref()),
        parts: parts.iter().map(analyzed).collect(),
        summary: summary(parts),
    }
}
