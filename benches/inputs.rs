//! Loader throughput on the real EDGAR documents of `../shared/corpus-large`:
//! HTML to text with its offset map (`Source::from_bytes` on every HTML file)
//! and EDGAR submissions split into their documents (every `.txt`/`.nc`
//! submission), reported in bytes per second. Skipped, with a note, when the
//! folder is absent.
//!
//!     cargo bench --bench inputs

#![allow(
    clippy::print_stderr,
    reason = "a benchmark notes that its corpus is absent"
)]
#![allow(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use std::hint::black_box;

use claimlens::source::Format;
use claimlens::{Options, Source, analyze_parts};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod common;

/// Every file of the corpus with its bytes and the format its content has.
fn load(kind: Format) -> Vec<(String, Vec<u8>)> {
    let Some(dir) = common::root() else {
        return Vec::new();
    };
    common::files(&dir)
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            let name = p.display().to_string();
            let format = Source::from_bytes(name.clone(), bytes.clone(), None).format;
            (format == kind).then_some((name, bytes))
        })
        .collect()
}

fn html(c: &mut Criterion) {
    let docs = load(Format::Html);
    if docs.is_empty() {
        return;
    }
    let total: usize = docs.iter().map(|(_, b)| b.len()).sum();
    let mut g = c.benchmark_group("html");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("from_bytes", |b| {
        b.iter(|| {
            for (name, bytes) in &docs {
                black_box(Source::from_bytes(name.as_str(), bytes.clone(), None));
            }
        })
    });
    g.bench_function("analyze_end_to_end", |b| {
        let options = Options::default();
        b.iter(|| {
            for (name, bytes) in &docs {
                black_box(analyze_parts(
                    Source::from_bytes(name.as_str(), bytes.clone(), None),
                    &options,
                ));
            }
        })
    });
    g.finish();
}

fn edgar(c: &mut Criterion) {
    let docs = load(Format::Edgar);
    if docs.is_empty() {
        return;
    }
    let total: usize = docs.iter().map(|(_, b)| b.len()).sum();
    let mut g = c.benchmark_group("edgar");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("split_into_parts", |b| {
        b.iter(|| {
            for (name, bytes) in &docs {
                black_box(Source::from_bytes(name.as_str(), bytes.clone(), None).into_parts());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, html, edgar);
criterion_main!(benches);
