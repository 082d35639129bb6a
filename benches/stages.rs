//! The stages the other benchmarks do not cover, on the plain text of the
//! real EDGAR filings of `../shared/corpus-large`: tokenizing (sentences,
//! quotations, word count), checking claims against the corpus's deal
//! records, and JSON rendering; with UAX #29 word segmentation
//! (`unicode-segmentation`) of the same text as the reference no stage
//! should be slower than.
//!
//!     cargo bench --bench stages

// A benchmark reports to the person running it; criterion's macros generate
// undocumented functions.
#![allow(clippy::print_stderr, missing_docs)]

use std::hint::black_box;

use claimlens::report::{self, Outcome, OutputFormat, RenderOptions};
use claimlens::{Options, analyze, check, tokenize};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unicode_segmentation::UnicodeSegmentation;

mod common;

fn records() -> Vec<claimlens::DealRecord> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/records");
    common::files(&dir)
        .iter()
        .filter_map(|p| check::record::read(p).ok())
        .collect()
}

fn bench(c: &mut Criterion) {
    let sources = common::sources();
    if sources.is_empty() {
        return;
    }
    let texts: Vec<&str> = sources.iter().map(|s| s.text()).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64))
        .sample_size(10);

    g.bench_function("reference: UAX #29 word segmentation", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| t.unicode_words().count())
                .sum::<usize>()
        })
    });
    g.bench_function("tokenize: sentences", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| tokenize::sentences(t).len())
                .sum::<usize>()
        })
    });
    g.bench_function("tokenize: quotations", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| tokenize::quotations(t).len())
                .sum::<usize>()
        })
    });
    g.bench_function("tokenize: word count", |b| {
        b.iter(|| texts.iter().map(|t| tokenize::word_count(t)).sum::<usize>())
    });

    // Checking: every claim of every document against the record the
    // document names (the corpus-large filings name none of the corpus's
    // deals, so the check is measured with the record given outright).
    let records = records();
    let analyses: Vec<_> = sources
        .iter()
        .map(|s| analyze(s.clone(), &Options::default()))
        .collect();
    if let Some(record) = records.first() {
        let settings = check::Settings::default();
        g.bench_function("check: claims against a record", |b| {
            b.iter(|| {
                analyses
                    .iter()
                    .map(|a| {
                        check::check_claims(
                            a.source.text(),
                            &a.sentences,
                            &a.claims,
                            record,
                            a.date,
                            &settings,
                        )
                        .len()
                    })
                    .sum::<usize>()
            })
        });
    }

    let outcomes: Vec<Outcome> = analyses
        .into_iter()
        .map(|a| Outcome::Analyzed(Box::new(a)))
        .collect();
    g.bench_function("report: JSON Lines", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(bytes);
            report::render(
                OutputFormat::Jsonl,
                &outcomes,
                RenderOptions::default(),
                &mut out,
            )
            .map(|_| black_box(out.len()))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
