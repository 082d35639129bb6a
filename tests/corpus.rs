//! Snapshots of every corpus document's human and JSON report. Read each
//! snapshot before accepting it: a snapshot recording a wrong result is a bug.

use claimlens::report::{self, Outcome, OutputFormat, RenderOptions};
use claimlens::{Options, Source, analyze};

fn records() -> Vec<claimlens::DealRecord> {
    let mut files: Vec<_> = std::fs::read_dir("corpus/records")
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "toml"));
    files.sort();
    files
        .iter()
        .map(|p| {
            claimlens::check::record::read(p).unwrap_or_else(|e| panic!("{}: {e:?}", p.display()))
        })
        .collect()
}

fn render(path: &std::path::Path, format: OutputFormat) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let rel = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string();
    let options = Options {
        records: records(),
        ..Options::default()
    };
    let analysis = analyze(Source::from_bytes(rel, bytes, None), &options);
    let mut out = Vec::new();
    report::render(
        format,
        &[Outcome::Analyzed(Box::new(analysis))],
        RenderOptions::default(),
        &mut out,
    )
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
        let json: serde_json::Value =
            serde_json::from_str(&render(path, OutputFormat::Json)).unwrap_or_default();
        insta::assert_json_snapshot!(json);
    });
}
