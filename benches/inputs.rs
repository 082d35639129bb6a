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
use std::path::{Path, PathBuf};

use claimlens::source::Format;
use claimlens::{Options, Source, analyze_parts};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// `../shared/corpus-large` beside the checkout (`../../shared` from a git
/// worktree one level deeper), or `$CLAIMLENS_CORPUS_LARGE`.
fn corpus() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("CLAIMLENS_CORPUS_LARGE").map(PathBuf::from),
        Some(root.join("../shared/corpus-large")),
        Some(root.join("../../shared/corpus-large")),
    ];
    let found = candidates
        .into_iter()
        .flatten()
        .find(|d| d.join("MANIFEST.tsv").is_file());
    if found.is_none() {
        eprintln!("note: ../shared/corpus-large is absent; skipping the input benchmarks");
    }
    found
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Every file of the corpus with its bytes and the format its content has.
fn load(kind: Format) -> Vec<(String, Vec<u8>)> {
    let Some(dir) = corpus() else {
        return Vec::new();
    };
    let mut paths = Vec::new();
    files(&dir, &mut paths);
    paths
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
