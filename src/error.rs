//! Typed errors. Messages are lowercase, say what was wrong and what to do.

use std::fmt;

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or directory could not be read.
    Io,
    /// The input looks binary and was skipped.
    Binary,
    /// The input is larger than the size limit.
    TooLarge,
    /// A deal record is malformed.
    Record,
    /// A lexicon file is malformed.
    Lexicon,
    /// The command line is wrong.
    Usage,
}

/// An error about one input, record or lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The file concerned (as the user named it), if any.
    pub path: Option<String>,
    /// 1-based line and column in that file, if known.
    pub location: Option<(usize, usize)>,
    /// What was wrong and what to do.
    pub message: String,
}

impl Error {
    /// An error about `path`.
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Error {
        Error {
            kind,
            path: Some(path.into()),
            location: None,
            message: message.into(),
        }
    }

    /// The same error at a line and column.
    pub fn at(mut self, line: usize, column: usize) -> Error {
        self.location = Some((line, column));
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.location) {
            (Some(p), Some((l, c))) => write!(f, "{p}:{l}:{c}: {}", self.message),
            (Some(p), None) => write!(f, "{p}: {}", self.message),
            (None, _) => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
