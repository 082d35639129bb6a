//! Rhetoric marker detection throughput on the plain text of the real EDGAR
//! filings in `../shared/corpus-large` (or `$CLAIMLENS_CORPUS_LARGE`);
//! skipped when that folder is absent.
//!
//! `detect` is measured on text that is already tokenised (sentences and
//! quotations), as the pipeline calls it; the tokenizer has its own figure.
//! `build` is the start-up every run pays once: the built-in lexicons read
//! and compiled into the cue automaton.

// A benchmark reports to the person running it, and criterion's macros
// generate undocumented functions.
#![allow(clippy::print_stderr, missing_docs)]

use claimlens::rhetoric::{Rhetoric, lexicon};
use claimlens::tokenize;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod common;

fn bench(c: &mut Criterion) {
    c.bench_function(
        "rhetoric/build (built-in lexicons into the cue automaton)",
        |b| {
            b.iter(|| {
                Rhetoric::from_lexicons(lexicon::builtin())
                    .map(|r| r.cues().len())
                    .unwrap_or_else(|e| panic!("{e}"))
            })
        },
    );
    let texts = common::texts();
    if texts.is_empty() {
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
