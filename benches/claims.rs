//! Claim extraction throughput on the plain text of the real EDGAR filings
//! in `../shared/corpus-large` (skipped when that folder is absent).

// criterion's macros generate undocumented items; a benchmark prints its notes.
#![allow(missing_docs, clippy::print_stderr)]

use claimlens::{claims, tokenize};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod common;

fn bench(c: &mut Criterion) {
    let texts = common::texts();
    if texts.is_empty() {
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| (t, tokenize::sentences(t), tokenize::quotations(t)))
        .collect();
    let mut g = c.benchmark_group("claims");
    g.throughput(Throughput::Bytes(bytes as u64))
        .sample_size(10);
    g.bench_function("extract (plain text of corpus-large)", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|(t, s, q)| claims::extract(t, s, q, None).len())
                .sum::<usize>()
        })
    });
    g.bench_function("sentences (plain text of corpus-large)", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| tokenize::sentences(t).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
