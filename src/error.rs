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
    /// The input is of a kind this build does not read (a PDF without the
    /// `pdf` feature); skipped with a warning.
    Unsupported,
    /// A PDF could not be read (malformed, or the reader failed).
    Pdf,
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

/// The 1-based line and column (in characters) of each of `offsets`, given
/// in ascending order, counted in one pass: a record of 10,000 bad facts
/// (or a lexicon of 1,000 cues) would otherwise count from the start of the
/// text for each. Errors in records and lexicons are placed with it.
pub(crate) fn line_cols(text: &str, offsets: impl Iterator<Item = usize>) -> Vec<(usize, usize)> {
    let (mut line, mut col, mut pos) = (1, 1, 0);
    let mut out = Vec::new();
    for at in offsets {
        let at = crate::span::floor_char_boundary(text, at.max(pos));
        let between = &text[pos..at];
        match between.rfind('\n') {
            Some(nl) => {
                line += memchr::memchr_iter(b'\n', between.as_bytes()).count();
                col = between[nl + 1..].chars().count() + 1;
            }
            None => col += between.chars().count(),
        }
        pos = at;
        out.push((line, col));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line and column of one offset, counted from the start: the model
    /// [`line_cols`] must agree with.
    fn line_col(text: &str, at: usize) -> (usize, usize) {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }

    #[test]
    fn line_cols_count_as_line_col_does() {
        let text = "ab\ncé\n\nxyz\n";
        let offsets: Vec<usize> = (0..=text.len() + 2).collect();
        let one_by_one: Vec<(usize, usize)> =
            offsets.iter().map(|&at| line_col(text, at)).collect();
        assert_eq!(line_cols(text, offsets.into_iter()), one_by_one);
    }
}
