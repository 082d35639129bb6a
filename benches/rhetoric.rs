//! Rhetoric marker detection throughput on the plain text of the real EDGAR
//! filings in `../shared/corpus-large` (or `$CLAIMLENS_CORPUS_LARGE`);
//! skipped when that folder is absent.
//!
//! `detect` is measured on text that is already tokenised (sentences and
//! quotations), as the pipeline calls it; the tokenizer has its own figure.

// A benchmark reports to the person running it, and criterion's macros
// generate undocumented functions.
#![allow(clippy::print_stderr, missing_docs)]

use std::path::{Path, PathBuf};

use claimlens::rhetoric::Rhetoric;
use claimlens::{Source, tokenize};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus_root() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("CLAIMLENS_CORPUS_LARGE")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            manifest.join("../shared/corpus-large"),
            manifest.join("../../shared/corpus-large"),
        ])
        .find(|p| p.is_dir())
}

fn corpus_texts() -> Vec<String> {
    let Some(root) = corpus_root() else {
        return Vec::new();
    };
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
        eprintln!(
            "corpus-large not found (../shared/corpus-large or $CLAIMLENS_CORPUS_LARGE): nothing to measure"
        );
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let rhetoric = Rhetoric::builtin();
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| (t, tokenize::sentences(t), tokenize::quotations(t)))
        .collect();
    let markers: usize = prepared
        .iter()
        .map(|(t, s, q)| rhetoric.detect(t, s, q).len())
        .sum();
    eprintln!(
        "corpus-large: {} documents, {bytes} bytes of plain text, {markers} markers",
        texts.len()
    );
    let mut g = c.benchmark_group("rhetoric");
    g.throughput(Throughput::Bytes(bytes as u64))
        .sample_size(10);
    g.bench_function("detect (plain text of corpus-large)", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|(t, s, q)| rhetoric.detect(t, s, q).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
