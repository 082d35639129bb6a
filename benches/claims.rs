//! Claim extraction throughput on the plain text of the real EDGAR filings
//! in `../shared/corpus-large` (skipped when that folder is absent).

// criterion's macros generate undocumented items; a benchmark prints its notes.
#![allow(missing_docs, clippy::print_stderr)]

use std::path::Path;

use claimlens::{Source, claims, tokenize};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-large");
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if !p
                .extension()
                .is_some_and(|x| x == "pdf" || x == "tsv" || x == "md")
            {
                files.push(p);
            }
        }
    }
    files.sort();
    files
        .iter()
        .filter_map(|p| {
            std::fs::read(p)
                .ok()
                .map(|b| Source::from_bytes(p.display().to_string(), b, None).text)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = corpus_texts();
    if texts.is_empty() {
        eprintln!("../shared/corpus-large not found: nothing to measure");
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
