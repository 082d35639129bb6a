//! Helpers shared by the unit tests: a seeded pseudo-random picker for
//! generated inputs, and the corpus documents (a test over them must not
//! pass by finding none).

use std::path::PathBuf;

/// A xorshift64 generator from `seed`: each call gives a number below `n`.
pub(crate) fn picker(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}

/// A text of one to `max` pieces, each drawn from `pieces` with `next` (a
/// [`picker`]): the random soup the reference-model tests compare on.
pub(crate) fn soup(next: &mut impl FnMut(usize) -> usize, pieces: &[&str], max: usize) -> String {
    (0..next(max) + 1)
        .map(|_| pieces[next(pieces.len())])
        .collect()
}

/// Every file of `corpus/documents` with its text, sorted by path; panics
/// when the folder or a file cannot be read, or holds fewer than eight files.
pub(crate) fn corpus_documents() -> Vec<(PathBuf, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/documents");
    let mut docs: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| {
            let path = entry
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
                .path();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (path, text)
        })
        .collect();
    docs.sort();
    assert!(docs.len() >= 8, "only {} corpus documents", docs.len());
    docs
}
