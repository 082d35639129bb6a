//! Reading inputs: files, directories (recursively, sorted, hidden entries
//! skipped, by extension) and standard input (`-`). This and `report/` are
//! the only modules that touch the file system.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind};
use crate::source::{Format, Source, decode};

/// Default largest input read, in bytes (a 10-K runs to a few MB).
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file, as named or as found under a named directory.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl Input {
    /// The name used in reports.
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// Expands the paths the user gave into inputs, in order: a file stays as
/// named (whatever its extension), a directory becomes the files under it
/// that claimlens reads, sorted by path. Problems (a missing path, an
/// unreadable directory) come back as errors beside the inputs found.
pub fn expand(paths: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                let mut seen = HashSet::new();
                walk(p, &mut found, &mut errors, &mut seen);
                found.sort();
                inputs.extend(found.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(p.clone())),
            Err(e) => errors.push(Error::new(
                ErrorKind::Io,
                p.display().to_string(),
                format!("cannot read: {}; check the path", io_reason(&e)),
            )),
        }
    }
    (inputs, errors)
}

fn walk(
    dir: &Path,
    found: &mut Vec<PathBuf>,
    errors: &mut Vec<Error>,
    seen: &mut HashSet<PathBuf>,
) {
    // A symlink loop would bring us back to a directory already walked.
    let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(Error::new(
                ErrorKind::Io,
                dir.display().to_string(),
                format!("cannot read directory: {}", io_reason(&e)),
            ));
            return;
        }
    };
    let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    for path in names {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, found, errors, seen),
            Ok(_) if is_document(&path) => found.push(path),
            Ok(_) => {}
            Err(e) => {
                if is_document(&path) {
                    errors.push(Error::new(
                        ErrorKind::Io,
                        path.display().to_string(),
                        format!("cannot read: {}", io_reason(&e)),
                    ));
                }
            }
        }
    }
}

/// True for the files a directory walk picks up: documents by extension,
/// and not the `*.notes.md` files that sit beside corpus documents.
pub fn is_document(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    Format::from_extension(path).is_some()
        && !name.ends_with(".notes.md")
        && !name.eq_ignore_ascii_case("readme.md")
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string().to_lowercase(),
    }
}

/// Reads one input into a [`Source`]. Binary files (a NUL byte near the
/// start) and files over `max_bytes` are refused with an error naming them.
/// PDFs are read with the `pdf` feature (a PDF that cannot be read is an
/// [`ErrorKind::Pdf`] error) and refused without it
/// ([`ErrorKind::Unsupported`]). An EDGAR submission comes back as one
/// source; [`Source::into_parts`] splits it into its documents.
pub fn load(input: &Input, max_bytes: u64) -> Result<Source, Error> {
    load_as(input, max_bytes, None)
}

/// [`load`], read as `format` when one is given instead of the format the
/// bytes look like (a PDF is still read as a PDF).
pub fn load_as(input: &Input, max_bytes: u64, format: Option<Format>) -> Result<Source, Error> {
    let name = input.display();
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .take(max_bytes + 1)
                .read_to_end(&mut buf)
                .map_err(|e| {
                    Error::new(
                        ErrorKind::Io,
                        &name,
                        format!("cannot read standard input: {}", io_reason(&e)),
                    )
                })?;
            buf
        }
        Input::File(p) => {
            let meta = std::fs::metadata(p).map_err(|e| {
                Error::new(
                    ErrorKind::Io,
                    &name,
                    format!("cannot read: {}", io_reason(&e)),
                )
            })?;
            if meta.is_dir() {
                return Err(Error::new(ErrorKind::Io, &name, "is a directory"));
            }
            if meta.len() > max_bytes {
                return Err(too_large(&name, meta.len(), max_bytes));
            }
            std::fs::read(p).map_err(|e| {
                Error::new(
                    ErrorKind::Io,
                    &name,
                    format!("cannot read: {}", io_reason(&e)),
                )
            })?
        }
    };
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(&name, bytes.len() as u64, max_bytes));
    }
    if is_pdf(input, &bytes) {
        return load_pdf(name, &bytes);
    }
    if decode::looks_binary(&bytes) {
        return Err(Error::new(
            ErrorKind::Binary,
            &name,
            "skipped: looks binary (NUL bytes); claimlens reads text, HTML, Markdown and EDGAR submissions",
        ));
    }
    Ok(Source::from_bytes(name, bytes, format))
}

/// A PDF by name or by its `%PDF-` signature.
fn is_pdf(input: &Input, bytes: &[u8]) -> bool {
    let named = matches!(input, Input::File(p) if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")));
    named || bytes.starts_with(b"%PDF-")
}

#[cfg(feature = "pdf")]
fn load_pdf(name: String, bytes: &[u8]) -> Result<Source, Error> {
    match crate::source::pdf::extract_text(bytes) {
        Ok(text) => Ok(Source::from_pdf_text(name, text)),
        Err(why) => Err(Error::new(ErrorKind::Pdf, name, why)),
    }
}

#[cfg(not(feature = "pdf"))]
fn load_pdf(name: String, _bytes: &[u8]) -> Result<Source, Error> {
    Err(Error::new(
        ErrorKind::Unsupported,
        name,
        "skipped: a PDF; this claimlens was built without PDF support (build with `--features pdf`)",
    ))
}

fn too_large(name: &str, len: u64, max: u64) -> Error {
    let size = if len >= 1 << 20 {
        format!("{:.1} MiB ({len} bytes)", len as f64 / f64::from(1 << 20))
    } else {
        format!("{len} bytes")
    };
    Error::new(
        ErrorKind::TooLarge,
        name,
        format!(
            "not read: {size} is over the size limit of {max} bytes; raise the limit with --max-bytes"
        ),
    )
}
