//! The corpus every benchmark measures: the real EDGAR filings of
//! `../shared/corpus-large` beside the checkout (`../../shared` from a git
//! worktree), or `$CLAIMLENS_CORPUS_LARGE`.

#![allow(dead_code, reason = "each benchmark uses part of this module")]

use std::path::{Path, PathBuf};

use claimlens::Source;

/// The corpus folder, if there is one (a note on stderr when not).
pub fn root() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = std::env::var_os("CLAIMLENS_CORPUS_LARGE")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            manifest.join("../shared/corpus-large"),
            manifest.join("../../shared/corpus-large"),
        ])
        .find(|p| p.join("MANIFEST.tsv").is_file());
    if found.is_none() {
        eprintln!(
            "note: corpus-large is absent (../shared/corpus-large or $CLAIMLENS_CORPUS_LARGE): nothing to measure"
        );
    }
    found
}

/// Every file under `dir`, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The documents of the corpus (not its PDFs, manifest or notes) as loaded
/// sources.
pub fn sources() -> Vec<Source> {
    let Some(root) = root() else {
        return Vec::new();
    };
    files(&root)
        .iter()
        .filter(|p| {
            !p.extension()
                .is_some_and(|x| x == "pdf" || x == "tsv" || x == "md")
        })
        .filter_map(|p| {
            std::fs::read(p)
                .ok()
                .map(|b| Source::from_bytes(p.display().to_string(), b, None))
        })
        .collect()
}

/// The plain text of every document of the corpus.
pub fn texts() -> Vec<String> {
    sources()
        .into_iter()
        .map(|s| s.text().to_string())
        .collect()
}
