//! Many inputs at once: each is read and analysed on a pool of threads, and
//! the results come back in input order, so a report is byte-identical
//! whatever the number of threads.
//!
//! The work is the caller's (`main` loads and analyses, `stream` parses
//! lines); this module only schedules it and prints nothing: a caller that
//! wants a progress bar passes a callback.

/// The number of threads the machine offers (1 if it cannot say).
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Threads kept for many batches (the chunks of `claimlens stream`), so that
/// each batch does not start its own.
pub struct Pool {
    /// `None`: one thread, or no threads to be had; the work runs on the
    /// caller's thread.
    pool: Option<rayon::ThreadPool>,
}

impl Pool {
    /// A pool of `threads` threads (none for 1 or 0: the caller's thread works).
    pub fn new(threads: usize) -> Pool {
        let pool = (threads > 1)
            .then(|| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .ok()
            })
            .flatten();
        Pool { pool }
    }

    /// Runs `work` over every item and returns the results in the order of
    /// `items`.
    pub fn map<I, T>(&self, items: &[I], work: impl Fn(&I) -> T + Sync) -> Vec<T>
    where
        I: Sync,
        T: Send,
    {
        use rayon::prelude::*;
        match &self.pool {
            // `collect` on an indexed parallel iterator keeps the input order.
            Some(pool) => pool.install(|| items.par_iter().map(&work).collect()),
            None => items.iter().map(work).collect(),
        }
    }
}

/// Runs `work` over every item, `threads` at a time, and hands each result
/// to `emit` on the calling thread in the order of `items`, as soon as it and
/// every earlier result are ready. At most sixteen results per thread wait to
/// be emitted, so memory stays bounded however many items there are (a
/// JSON Lines report of a million filings holds a few dozen at once).
pub fn for_each_ordered<I, T>(
    items: &[I],
    threads: usize,
    work: impl Fn(&I) -> T + Sync,
    done: &(dyn Fn() + Sync),
    mut emit: impl FnMut(T),
) where
    I: Sync,
    T: Send,
{
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex, mpsc};

    if threads <= 1 || items.len() <= 1 {
        for item in items {
            let r = work(item);
            done();
            emit(r);
        }
        return;
    }
    // A worker may run ahead of the oldest result not yet emitted by at
    // most this many items. Wide enough that a worker is rarely idle behind
    // a large document (4 per thread gave 1.69x on two threads over
    // corpus-large, 16 gives 1.8x), narrow enough that memory stays bounded.
    let window = threads * 16;
    let next = AtomicUsize::new(0);
    let emitted = Mutex::new(0usize);
    let moved = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (work, next, emitted, moved) = (&work, &next, &emitted, &moved);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= items.len() {
                        break;
                    }
                    {
                        let mut e = emitted.lock().unwrap_or_else(|p| p.into_inner());
                        while i >= *e + window {
                            e = moved.wait(e).unwrap_or_else(|p| p.into_inner());
                        }
                    }
                    let r = work(&items[i]);
                    done();
                    if tx.send((i, r)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut want = 0usize;
        for (i, r) in rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&want) {
                emit(r);
                want += 1;
                *emitted.lock().unwrap_or_else(|p| p.into_inner()) = want;
                moved.notify_all();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze_parts};
    use crate::load::{self, Input};

    #[test]
    fn results_keep_the_input_order_whatever_the_threads() {
        let dir = std::env::temp_dir().join(format!("claimlens-batch-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let inputs: Vec<Input> = (0..12)
            .map(|i| {
                let p = dir.join(format!("{i:02}.txt"));
                let _ = std::fs::write(&p, format!("Doc {i} paid ${i} billion for {i}0% of it."));
                Input::File(p)
            })
            .collect();
        let analyse = |input: &Input| {
            load::load(input, load::DEFAULT_MAX_BYTES)
                .map(|source| analyze_parts(source, &Options::default()))
                .map(|a| a[0].source.text().to_string())
                .unwrap_or_default()
        };
        let run_with = |threads| Pool::new(threads).map(&inputs, analyse);
        let one = run_with(1);
        assert_eq!(one, run_with(4));
        for threads in [1, 2, 3] {
            let calls = std::sync::atomic::AtomicUsize::new(0);
            let mut seen = Vec::new();
            for_each_ordered(
                &inputs,
                threads,
                analyse,
                &|| {
                    calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                },
                |text| seen.push(text),
            );
            assert_eq!(calls.into_inner(), inputs.len());
            assert_eq!(seen, one);
        }
        assert!(one[3].starts_with("Doc 3 "), "{one:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
