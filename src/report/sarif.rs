//! SARIF 2.1.0 (`--format sarif`) for code-scanning tools.
//!
//! One run of the `claimlens` tool. Results:
//! - a `contradicted` claim: rule `claimlens/contradicted`, level `error`;
//! - an `unverifiable` claim: rule `claimlens/unverifiable`, level `note`;
//! - a sentence that speaks of the deal in a status the record says it no
//!   longer had (pending after a termination): rule
//!   `claimlens/stale-status`, level `warning`;
//! - a rhetoric marker: rule `rhetoric/<category>`, level `note`.
//!
//! Supported and unchecked claims are not findings and are left out. Each
//! result has one physical location: the document path as a relative URI
//! reference (or a `file://` URI for an absolute path) and a region with
//! `startLine`, `startColumn`, `endLine`, `endColumn` (columns in Unicode
//! code points, as `columnKind` says), `byteOffset` and `byteLength`, all
//! into the ORIGINAL file. Claim results carry `partialFingerprints`
//! (`claimlens/v1`: the `--baseline` fingerprint) and, in `properties`, the
//! verdict details. Documents that could not be read are
//! `toolExecutionNotifications` of the invocation.
//!
//! The output is checked against the OASIS SARIF 2.1.0 JSON schema in
//! `tests/formats.rs`.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Locator, Outcome};
use crate::analysis::Analysis;
use crate::baseline;
use crate::check::Verdict;
use crate::span::Span;

/// The `$schema` written into every log.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

const CONTRADICTED: &str = "claimlens/contradicted";
const UNVERIFIABLE: &str = "claimlens/unverifiable";
const STALE_STATUS: &str = "claimlens/stale-status";

pub(crate) fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    let log = log(outcomes);
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

/// Rules in a fixed order: the two claim rules, the status rule, then one per marker
/// category met, sorted by name.
fn rules(outcomes: &[Outcome]) -> Vec<(String, Value)> {
    let mut rules = vec![
        (
            CONTRADICTED.to_string(),
            json!({
                "id": CONTRADICTED,
                "name": "ContradictedClaim",
                "shortDescription": { "text": "A claim that the deal record contradicts." },
                "fullDescription": { "text": "The claim is linked to a fact of the deal record and lies outside the fact's interval; the message gives both numbers, the difference and the fact's source." },
                "defaultConfiguration": { "level": "error" },
            }),
        ),
        (
            UNVERIFIABLE.to_string(),
            json!({
                "id": UNVERIFIABLE,
                "name": "UnverifiableClaim",
                "shortDescription": { "text": "A claim that the deal record cannot decide." },
                "fullDescription": { "text": "No fact of the record is about the claim, two facts fit and disagree, the record is too coarse, or the claim is a prediction." },
                "defaultConfiguration": { "level": "note" },
            }),
        ),
    ];
    rules.push((
        STALE_STATUS.to_string(),
        json!({
            "id": STALE_STATUS,
            "name": "StaleDealStatus",
            "shortDescription": { "text": "The document speaks of the deal in a status the record says it no longer had." },
            "fullDescription": { "text": "A sentence speaks of the deal as pending or completed, but a dated event of the record (terminated, completed) came before the document's date." },
            "defaultConfiguration": { "level": "warning" },
        }),
    ));
    let mut categories: Vec<&str> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Analyzed(a) => Some(a.markers.iter().map(|m| m.category.as_str())),
            Outcome::Failed(_) => None,
        })
        .flatten()
        .collect();
    categories.sort_unstable();
    categories.dedup();
    for c in categories {
        let id = format!("rhetoric/{c}");
        let words = c.replace('_', " ");
        rules.push((
            id.clone(),
            json!({
                "id": id,
                "name": format!("RhetoricMarker/{c}"),
                "shortDescription": { "text": format!("Rhetoric marker: {words}.") },
                "defaultConfiguration": { "level": "note" },
            }),
        ));
    }
    rules
}

fn log(outcomes: &[Outcome]) -> Value {
    let rules = rules(outcomes);
    let rule_index = |id: &str| rules.iter().position(|(r, _)| r == id).unwrap_or(0);
    let mut artifacts = Vec::new();
    // Artifact index by URI: a batch of many files stays linear.
    let mut artifact_of: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for o in outcomes {
        match o {
            Outcome::Failed(e) => notifications.push(json!({
                "level": if o.skipped() { "warning" } else { "error" },
                "message": { "text": e.to_string() },
                "locations": [ { "physicalLocation": { "artifactLocation": { "uri": uri(e.path.as_deref().unwrap_or("-")) } } } ],
            })),
            Outcome::Analyzed(a) => {
                // The parts of an EDGAR submission share their file: one artifact.
                let path = uri(&a.source.path);
                let artifact = match artifact_of.get(&path) {
                    Some(&i) => i,
                    None => {
                        artifacts.push(json!({
                            "location": { "uri": path },
                            "length": a.source.bytes().len(),
                            "sourceLanguage": a.source.format.name(),
                            "encoding": a.source.encoding,
                        }));
                        artifact_of.insert(path, artifacts.len() - 1);
                        artifacts.len() - 1
                    }
                };
                document(a, artifact, &rule_index, &mut results);
            }
        }
    }
    let driver_rules: Vec<Value> = rules.into_iter().map(|(_, r)| r).collect();
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [ {
            "tool": { "driver": {
                "name": "claimlens",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/claimlens",
                "rules": driver_rules,
            } },
            "invocations": [ {
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            } ],
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        } ],
    })
}

fn document(
    a: &Analysis,
    artifact: usize,
    rule_index: &dyn Fn(&str) -> usize,
    results: &mut Vec<Value>,
) {
    let loc = Locator::new(a);
    let path = uri(&a.source.path);
    for (i, c) in a.claims.iter().enumerate() {
        let Some(k) = a.checks.get(i).and_then(Option::as_ref) else {
            continue;
        };
        let (rule, level) = match k.verdict {
            Verdict::Supported => continue,
            Verdict::Contradicted => (CONTRADICTED, "error"),
            Verdict::Unverifiable => (UNVERIFIABLE, "note"),
        };
        let text = super::one_line(a.text_of(c));
        let label = super::verdict_label(Some(k));
        let mut properties = json!({
            "claim": format!("c{}", i + 1),
            "kind": c.kind.name(),
            "value": c.value.map(|v| v.to_string()),
            "unit": c.unit,
            "comparator": c.comparator.name(),
            "verdict": k.verdict.name(),
        });
        if let Some(s) = k.severity {
            properties["severity"] = json!(s.name());
        }
        if let Some(f) = &k.fact {
            properties["fact"] = json!(f);
        }
        results.push(json!({
            "ruleId": rule,
            "ruleIndex": rule_index(rule),
            "level": level,
            "message": { "text": format!("“{text}” is {label}: {}", k.reason) },
            "locations": [ location(&loc, &path, artifact, c.span) ],
            "partialFingerprints": { "claimlens/v1": baseline::hex(baseline::fingerprint(&a.source.path, &text, k.verdict)) },
            "properties": properties,
        }));
    }
    for (i, st) in a.statuses.iter().enumerate() {
        results.push(json!({
            "ruleId": STALE_STATUS,
            "ruleIndex": rule_index(STALE_STATUS),
            "level": "warning",
            "message": { "text": format!("“{}” {}", super::one_line(a.text_of(st)), st.message) },
            "locations": [ location(&loc, &path, artifact, st.span) ],
            "properties": { "status": format!("s{}", i + 1) },
        }));
    }
    for (i, m) in a.markers.iter().enumerate() {
        let rule = format!("rhetoric/{}", m.category);
        results.push(json!({
            "ruleId": rule,
            "ruleIndex": rule_index(&rule),
            "level": "note",
            "message": { "text": format!("{}: “{}”", m.category.replace('_', " "), super::one_line(a.text_of(m))) },
            "locations": [ location(&loc, &path, artifact, m.span) ],
            "properties": { "marker": format!("m{}", i + 1), "cue": m.cue },
        }));
    }
}

fn location(loc: &Locator<'_>, path: &str, artifact: usize, text_span: Span) -> Value {
    let l = loc.locate(text_span);
    let (end_line, end_column) = loc.line_col(l.end);
    json!({ "physicalLocation": {
        "artifactLocation": { "uri": path, "index": artifact },
        "region": {
            "startLine": l.line,
            "startColumn": l.column,
            "endLine": end_line,
            "endColumn": end_column,
            "byteOffset": l.start,
            "byteLength": l.end - l.start,
        },
    } })
}

/// A path as a URI reference: `/` separators, and every byte outside the
/// unreserved set and `/` percent-encoded; an absolute path becomes a
/// `file://` URI.
fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut out = String::with_capacity(p.len());
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if p.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("corpus/documents/pr.txt"), "corpus/documents/pr.txt");
        assert_eq!(uri("my docs/a#1.txt"), "my%20docs/a%231.txt");
        assert_eq!(uri("/tmp/x.txt"), "file:///tmp/x.txt");
        assert_eq!(uri("dir\\ä.txt"), "dir/%C3%A4.txt");
        assert_eq!(uri("-"), "-");
    }
}
