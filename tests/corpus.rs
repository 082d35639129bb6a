//! Snapshots of every corpus document's human and JSON report. Read each
//! snapshot before accepting it: a snapshot recording a wrong result is a bug.

mod support;

use claimlens::report::{self, Outcome, OutputFormat, RenderOptions};
use claimlens::{Options, Source, analyze_parts};

fn render(path: &std::path::Path, format: OutputFormat) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let rel = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string();
    let options = Options {
        records: support::corpus_records(),
        ..Options::default()
    };
    // An EDGAR submission is reported part by part, as the CLI does.
    let outcomes: Vec<Outcome> = analyze_parts(Source::from_bytes(rel, bytes, None), &options)
        .into_iter()
        .map(|a| Outcome::Analyzed(Box::new(a)))
        .collect();
    let mut out = Vec::new();
    report::render(format, &outcomes, RenderOptions::default(), &mut out)
        .unwrap_or_else(|e| panic!("render: {e}"));
    String::from_utf8(out).unwrap_or_else(|e| panic!("utf-8: {e}"))
}

#[test]
fn corpus_human() {
    insta::glob!("../corpus/documents", "*.{txt,html}", |path| {
        insta::assert_snapshot!(render(path, OutputFormat::Human));
    });
}

#[test]
fn corpus_json() {
    insta::glob!("../corpus/documents", "*.{txt,html}", |path| {
        let json: serde_json::Value = serde_json::from_str(&render(path, OutputFormat::Json))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        insta::assert_json_snapshot!(json);
    });
}
