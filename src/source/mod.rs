//! Loaded inputs: the original bytes, the detected format and encoding, the
//! plain text the stages read, and the map from text bytes back to source
//! bytes.
//!
//! This module does no file I/O (that is [`crate::load`]); it turns bytes that
//! are already in memory into a [`Source`]. Decoding lives in [`decode`], HTML
//! to text in [`html`], and [`LineIndex`] turns byte offsets into line and
//! column for reports.

pub mod decode;
pub mod html;
mod line_index;
mod offset_map;

pub use line_index::LineIndex;
pub use offset_map::{MapBuilder, OffsetMap};

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What kind of document the bytes hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// HTML (press releases, filings saved as HTML).
    Html,
}

impl Format {
    /// The lowercase name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    /// The format a file name's extension implies, if it is one claimlens reads
    /// when walking a directory.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "htm" | "html" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// Guesses the format from the first bytes when the name does not say
    /// (standard input, unknown extensions, `.txt` files holding HTML).
    pub fn sniff(text: &str) -> Option<Format> {
        let head = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        let head = head.get(..head.len().min(512)).unwrap_or(head);
        let lower = head.to_ascii_lowercase();
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || (lower.starts_with("<?xml") && lower.contains("<html"))
        {
            Some(Format::Html)
        } else {
            None
        }
    }
}

/// One loaded input, ready for analysis.
#[derive(Clone, Debug)]
pub struct Source {
    /// The path as the user gave it (`-` for standard input).
    pub path: String,
    /// The original bytes, exactly as read.
    pub bytes: Vec<u8>,
    /// The detected format.
    pub format: Format,
    /// How the bytes were decoded (`utf-8`, `windows-1252`, ...).
    pub encoding: String,
    /// The plain text the stages read.
    pub text: String,
    /// Maps every byte of `text` back to the source bytes.
    pub map: OffsetMap,
}

impl Source {
    /// Builds a source from bytes already in memory. `format` overrides
    /// detection; otherwise the path's extension and then the content decide.
    pub fn from_bytes(path: impl Into<String>, bytes: Vec<u8>, format: Option<Format>) -> Source {
        let path = path.into();
        let decoded = decode::decode(&bytes);
        let format = format
            .or_else(|| Format::sniff(&decoded.text))
            .or_else(|| Format::from_extension(std::path::Path::new(&path)))
            .unwrap_or(Format::Text);
        let (text, map) = match format {
            Format::Html => {
                let (text, html_map) = html::to_text(&decoded.text);
                (text, html_map.compose(&decoded.map))
            }
            Format::Text | Format::Markdown => (decoded.text, decoded.map),
        };
        Source {
            path,
            bytes,
            format,
            encoding: decoded.encoding,
            text,
            map,
        }
    }

    /// Builds a source from a string (tests, library callers).
    pub fn from_text(path: impl Into<String>, text: &str) -> Source {
        Source::from_bytes(path, text.as_bytes().to_vec(), None)
    }

    /// Maps a span of [`Source::text`] to the span of original bytes it came from.
    pub fn source_span(&self, text_span: Span) -> Span {
        self.map.to_source(text_span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html_and_extensions() {
        assert_eq!(Format::sniff("  <!DOCTYPE html><p>x"), Some(Format::Html));
        assert_eq!(Format::sniff("<HTML><BODY>"), Some(Format::Html));
        assert_eq!(Format::sniff("Plain text."), None);
        assert_eq!(
            Format::from_extension("a/b.MD".as_ref()),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_extension("a/b.pdf".as_ref()), None);
    }

    #[test]
    fn html_spans_point_into_the_original() {
        let src = Source::from_text(
            "x.html",
            "<html><body><p>A &amp; B paid $9 billion.</p></body></html>",
        );
        assert_eq!(src.format, Format::Html);
        let at = src.text.find("$9 billion").unwrap_or(0);
        let span = src.source_span(Span::new(at, at + "$9 billion".len()));
        assert_eq!(&src.bytes[span.start..span.end], b"$9 billion");
        let amp = src.text.find('&').unwrap_or(0);
        let span = src.source_span(Span::new(amp, amp + 1));
        assert_eq!(&src.bytes[span.start..span.end], b"&amp;");
    }
}
