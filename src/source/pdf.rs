//! PDF → text through `pdf-extract` (the `pdf` cargo feature), isolated so
//! that its panics cannot take the run down.
//!
//! `pdf-extract` panics on some malformed files and can run long on others.
//! It runs on a thread of its own with a large stack: a panic there becomes
//! an error for this file, and a file that takes longer than
//! [`TIME_LIMIT`] is given up on (the thread is left to finish in the
//! background). The text it draws out carries no map into the PDF's bytes;
//! see [`super::Source::from_pdf_text`].

use std::sync::mpsc;
use std::time::Duration;

/// How long one PDF may take.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

/// The name of the extraction thread (a panic hook may keep it quiet).
pub const THREAD_NAME: &str = "pdf-extract";

/// Stack for the extraction thread: deeply nested PDF objects recurse.
const STACK: usize = 64 * 1024 * 1024;

/// The text of a PDF, or why there is none (a lowercase message).
pub fn extract_text(bytes: &[u8]) -> Result<String, String> {
    let owned = bytes.to_vec();
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(THREAD_NAME.into())
        .stack_size(STACK)
        .spawn(move || {
            let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(&owned));
            let _ = tx.send(result);
        });
    if let Err(e) = spawned {
        return Err(format!("cannot start the pdf reader: {e}"));
    }
    match rx.recv_timeout(TIME_LIMIT) {
        Ok(Ok(Ok(text))) => Ok(text),
        Ok(Ok(Err(e))) => Err(format!(
            "cannot read the pdf: {}",
            e.to_string().to_lowercase()
        )),
        Ok(Err(panic)) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".into());
            Err(format!("cannot read the pdf: pdf-extract failed ({why})"))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!(
            "cannot read the pdf: gave up after {} s",
            TIME_LIMIT.as_secs()
        )),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err("cannot read the pdf: the reader stopped".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(extract_text(b"%PDF-1.7\ngarbage that is not a pdf").is_err());
    }
}
