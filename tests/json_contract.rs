//! The JSON output follows DESIGN.md's contract: deserialised into
//! test-only structs that name every contract field with its type.

#![allow(dead_code)] // the structs exist to be deserialised into

use std::process::Command;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Top {
    schema: String,
    documents: Vec<Doc>,
}

#[derive(Deserialize)]
struct Doc {
    path: String,
    format: String,
    bytes: usize,
    record: Option<String>,
    claims: Vec<ClaimJ>,
    markers: Vec<MarkerJ>,
    summary: Summary,
}

#[derive(Deserialize)]
struct SpanJ {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

#[derive(Deserialize)]
struct ClaimJ {
    id: String,
    kind: String,
    text: String,
    span: SpanJ,
    value: Option<f64>,
    unit: String,
    comparator: String,
    upper: Option<f64>,
    precision: f64,
    about: String,
    quoted: bool,
    sentence: usize,
    markers: Vec<String>,
    check: Option<CheckJ>,
}

#[derive(Deserialize)]
struct CheckJ {
    verdict: String,
    match_kind: Option<String>,
    fact: Option<String>,
    reason: String,
}

#[derive(Deserialize)]
struct MarkerJ {
    id: String,
    category: String,
    cue: String,
    text: String,
    span: SpanJ,
    sentence: usize,
}

#[derive(Deserialize)]
struct Summary {
    claims: usize,
    supported: usize,
    contradicted: usize,
    unverifiable: usize,
    markers: usize,
    markers_per_100_words: f64,
}

fn corpus_json(format: &str) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "check",
            "corpus/documents",
            "--record",
            "corpus/records",
            "--format",
            format,
        ])
        .output()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn json_follows_the_contract() {
    let top: Top = serde_json::from_slice(&corpus_json("json"))
        .unwrap_or_else(|e| panic!("contract broken: {e}"));
    assert_eq!(top.schema, "claimlens/1");
    assert!(top.documents.len() >= 6);
    for d in &top.documents {
        let bytes = std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&d.path))
            .unwrap_or_default();
        assert_eq!(d.bytes, bytes.len());
        assert_eq!(d.summary.claims, d.claims.len());
        assert_eq!(d.summary.markers, d.markers.len());
        assert_eq!(
            d.summary.supported + d.summary.contradicted + d.summary.unverifiable <= d.claims.len(),
            true
        );
        for (i, c) in d.claims.iter().enumerate() {
            assert_eq!(c.id, format!("c{}", i + 1));
            // The span points into the original bytes and holds the claim's text.
            assert_eq!(
                String::from_utf8_lossy(&bytes[c.span.start..c.span.end]),
                c.text,
                "{}",
                d.path
            );
            assert!(c.span.line >= 1 && c.span.column >= 1 && c.sentence >= 1);
            assert!(c.precision >= 0.0);
            assert!(c.value.is_some() || c.kind == "date");
            assert!(
                ["eq", "approx", "lt", "le", "gt", "ge", "range"].contains(&c.comparator.as_str())
            );
            assert_eq!(c.upper.is_some(), c.comparator == "range");
            for m in &c.markers {
                assert!(d.markers.iter().any(|x| &x.id == m));
            }
        }
        for m in &d.markers {
            assert_eq!(
                String::from_utf8_lossy(&bytes[m.span.start..m.span.end]),
                m.text
            );
        }
    }
}

#[test]
fn jsonl_is_one_document_per_line() {
    let out = corpus_json("jsonl");
    let text = String::from_utf8_lossy(&out);
    let json: Top = serde_json::from_slice(&corpus_json("json")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text.lines().count(), json.documents.len());
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        assert_eq!(v["schema"], "claimlens/1");
        let _: Doc =
            serde_json::from_value(v).unwrap_or_else(|e| panic!("line breaks the contract: {e}"));
    }
}
