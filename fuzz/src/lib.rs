//! What the fuzz targets share: the corpus records, and the invariants every
//! analysis must keep whatever the input (spans inside their text and their
//! file, finite numbers, every report format renders, JSON parses back).
//!
//! A broken invariant panics, which libFuzzer records as a crash.

use std::sync::LazyLock;

use claimlens::report::{self, Outcome, OutputFormat, RenderOptions};
use claimlens::{Analysis, DealRecord, Options};

const RECORDS: [(&str, &str); 3] = [
    (
        "broadcom-vmware-2022.toml",
        include_str!("../../corpus/records/broadcom-vmware-2022.toml"),
    ),
    (
        "coreweave-core-scientific-2025.toml",
        include_str!("../../corpus/records/coreweave-core-scientific-2025.toml"),
    ),
    (
        "microsoft-activision-blizzard-2022.toml",
        include_str!("../../corpus/records/microsoft-activision-blizzard-2022.toml"),
    ),
];

/// The corpus records, parsed once.
pub fn corpus_records() -> Vec<DealRecord> {
    RECORDS
        .iter()
        .filter_map(|(name, text)| claimlens::check::record::parse(name, text, false).ok())
        .collect()
}

/// Options with the corpus records, so fuzzed documents reach the check.
pub static OPTIONS: LazyLock<Options> = LazyLock::new(|| Options {
    records: corpus_records(),
    ..Options::default()
});

/// Every invariant of one analysis.
pub fn check_analysis(a: &Analysis) {
    let text = a.source.text();
    let bytes = a.source.bytes().len();
    for s in &a.sentences {
        assert!(s.span.end <= text.len(), "sentence span past the text");
    }
    for c in &a.claims {
        assert!(
            text.get(c.span.start..c.span.end).is_some(),
            "claim span not in the text"
        );
        let s = a.source_span(c);
        assert!(
            s.start <= s.end && s.end <= bytes,
            "claim source span past the file"
        );
        if let Some(v) = c.value {
            assert!(v.to_f64().is_finite(), "claim value not finite: {v:?}");
        }
        if let Some(v) = c.upper {
            assert!(v.to_f64().is_finite(), "claim upper end not finite: {v:?}");
        }
        assert!(c.precision.is_finite(), "claim precision not finite");
    }
    for m in &a.markers {
        assert!(
            text.get(m.span.start..m.span.end).is_some(),
            "marker span not in the text"
        );
        let s = a.source_span(m);
        assert!(
            s.start <= s.end && s.end <= bytes,
            "marker source span past the file"
        );
    }
    assert_eq!(a.checks.len(), a.claims.len());
}

/// Renders the analyses in every format; the JSON must parse back.
pub fn render_all(analyses: Vec<Analysis>) {
    let outcomes: Vec<Outcome> = analyses
        .into_iter()
        .map(|a| Outcome::Analyzed(Box::new(a)))
        .collect();
    for format in [
        OutputFormat::Human,
        OutputFormat::Json,
        OutputFormat::Jsonl,
        OutputFormat::Html,
        OutputFormat::Markdown,
        OutputFormat::Csv,
        OutputFormat::Sarif,
    ] {
        let mut out = Vec::new();
        report::render(format, &outcomes, RenderOptions::default(), &mut out)
            .expect("rendering into memory cannot fail");
        if format == OutputFormat::Json {
            serde_json::from_slice::<serde_json::Value>(&out).expect("JSON parses back");
        } else {
            std::str::from_utf8(&out).expect("reports are UTF-8");
        }
    }
}
