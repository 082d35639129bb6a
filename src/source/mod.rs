//! Loaded inputs: the original bytes, the detected format and encoding, the
//! plain text the stages read, and the map from text bytes back to source
//! bytes.
//!
//! This module does no file I/O (that is [`crate::load`]); it turns bytes that
//! are already in memory into a [`Source`]. Decoding lives in [`decode`], HTML
//! to text in [`html`], Markdown to text in [`markdown`], EDGAR submissions
//! in [`edgar`], PDF text (with the `pdf` feature) in `pdf`, and
//! [`LineIndex`] turns byte offsets into line and column for reports.
//!
//! Every format ends the same way: a text and an [`OffsetMap`] from each text
//! byte to the original bytes, built with [`MapBuilder`] and chained with
//! [`OffsetMap::compose`] (HTML text → decoded string → file bytes). An EDGAR
//! submission is one [`Source`] whose text holds all its documents; its
//! [`Source::into_parts`] gives one [`Source`] per document, each mapped into
//! the same container bytes.

pub mod decode;
pub mod edgar;
pub mod html;
mod line_index;
pub mod markdown;
mod offset_map;
#[cfg(feature = "pdf")]
pub mod pdf;

use std::ops::Range;
use std::sync::{Arc, OnceLock};

pub use edgar::{Filing, Part};
pub use line_index::{LineHint, LineIndex};
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
    /// HTML (press releases, filings saved as HTML, inline XBRL).
    Html,
    /// An EDGAR submission: an SGML container of several documents (`.txt`
    /// full-submission files, `.nc` feed files).
    Edgar,
    /// PDF, read through `pdf-extract` (the `pdf` feature).
    Pdf,
}

impl Format {
    /// The lowercase name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Edgar => "edgar",
            Format::Pdf => "pdf",
        }
    }

    /// The format a file name's extension implies, if it is one claimlens reads
    /// when walking a directory. `.txt` may still turn out to hold HTML or an
    /// EDGAR submission: [`Format::sniff`] decides from the content. PDF
    /// counts only when claimlens is built with the `pdf` feature.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "htm" | "html" | "xhtml" => Some(Format::Html),
            "nc" => Some(Format::Edgar),
            "pdf" if cfg!(feature = "pdf") => Some(Format::Pdf),
            _ => None,
        }
    }

    /// Guesses the format from the first bytes when the name does not say
    /// (standard input, unknown extensions, `.txt` files holding HTML or an
    /// EDGAR submission).
    pub fn sniff(text: &str) -> Option<Format> {
        if edgar::looks_like_submission(text) {
            return Some(Format::Edgar);
        }
        let head = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        let head = head.as_bytes();
        let head = &head[..head.len().min(512)];
        let starts = |p: &[u8]| {
            head.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        };
        let contains = |p: &[u8]| head.windows(p.len()).any(|w| w.eq_ignore_ascii_case(p));
        if starts(b"<!doctype html") || starts(b"<html") || (starts(b"<?xml") && contains(b"<html"))
        {
            Some(Format::Html)
        } else {
            None
        }
    }
}

/// One loaded input, or one document of an EDGAR submission, ready for
/// analysis.
#[derive(Clone, Debug)]
pub struct Source {
    /// The path as the user gave it (`-` for standard input).
    pub path: String,
    /// The original bytes (see [`Source::bytes`]).
    origin: Origin,
    /// The detected format (of the file: `edgar` for every part of a
    /// submission; the part's own format is in [`Source::part`]).
    pub format: Format,
    /// How the bytes were decoded (`utf-8`, `windows-1252`, ...).
    pub encoding: String,
    /// The plain text the stages read (see [`Source::text`]).
    text: String,
    /// Maps every byte of `text` back to the source bytes.
    pub map: OffsetMap,
    /// For one document of an EDGAR submission: which one.
    pub part: Option<Part>,
    /// For an EDGAR submission: what its SEC header says.
    pub filing: Option<Filing>,
    /// Remarks from loading (documents of a submission that were skipped,
    /// and why), carried into the analysis.
    pub notes: Vec<String>,
    /// The documents inside `text` (EDGAR submissions), with their ranges.
    parts: Vec<(Part, Range<usize>)>,
    /// Line starts of `bytes`, built when a report first asks, and shared by
    /// the parts of an EDGAR submission as the bytes are (one index per part
    /// made a submission of many parts quadratic).
    line_index: Arc<OnceLock<LineIndex>>,
}

/// Where a source's original bytes are kept.
#[derive(Clone, Debug)]
enum Origin {
    /// Bytes of their own: the whole file, also for a part of an EDGAR
    /// submission (shared between the parts, not copied).
    Bytes(Arc<Vec<u8>>),
    /// The bytes are the text: a UTF-8 file read as plain text, kept once
    /// (the text is never changed after loading).
    Text,
}

impl Source {
    /// The original bytes, exactly as read: the whole file, also for a part
    /// of an EDGAR submission. Spans in reports point into these.
    pub fn bytes(&self) -> &[u8] {
        match &self.origin {
            Origin::Bytes(b) => b,
            Origin::Text => self.text.as_bytes(),
        }
    }

    /// The plain text the stages read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Builds a source from bytes already in memory. `format` overrides
    /// detection; otherwise the content and then the path's extension decide.
    ///
    /// PDF bytes are not read here (extraction can fail):
    /// [`crate::load::load`] reads them with the `pdf` feature. Given PDF
    /// bytes, this reads them as text.
    pub fn from_bytes(path: impl Into<String>, bytes: Vec<u8>, format: Option<Format>) -> Source {
        let path = path.into();
        let decoded = decode::decode_owned(bytes);
        let format = format
            .or_else(|| Format::sniff(&decoded.text))
            .or_else(|| Format::from_extension(std::path::Path::new(&path)))
            .unwrap_or(Format::Text);
        let mut source = Source {
            path,
            origin: Origin::Text,
            format,
            encoding: decoded.encoding,
            text: String::new(),
            map: OffsetMap::default(),
            part: None,
            filing: None,
            notes: Vec::new(),
            parts: Vec::new(),
            line_index: Arc::default(),
        };
        // The raw bytes: the decoded text's own when they were UTF-8 as they
        // stand (no copy is made either way).
        let bytes_of = |raw: Option<Vec<u8>>, text: String| {
            Origin::Bytes(Arc::new(raw.unwrap_or_else(|| text.into_bytes())))
        };
        let (text, map, origin) = match format {
            Format::Html => {
                let (text, html_map) = html::to_text(&decoded.text);
                (
                    text,
                    html_map.compose(&decoded.map),
                    bytes_of(decoded.raw, decoded.text),
                )
            }
            Format::Markdown => {
                let (text, md_map) = markdown::to_text(&decoded.text);
                (
                    text,
                    md_map.compose(&decoded.map),
                    bytes_of(decoded.raw, decoded.text),
                )
            }
            Format::Edgar => {
                let sub = edgar::split(&decoded.text);
                source.filing = Some(sub.filing);
                source.notes = sub.notes;
                source.parts = sub
                    .parts
                    .into_iter()
                    .map(|(mut part, range)| {
                        part.span = decoded.map.to_source(part.span);
                        (part, range)
                    })
                    .collect();
                (
                    sub.text,
                    sub.map.compose(&decoded.map),
                    bytes_of(decoded.raw, decoded.text),
                )
            }
            Format::Text | Format::Pdf => match decoded.raw {
                None => (decoded.text, decoded.map, Origin::Text),
                Some(raw) => (decoded.text, decoded.map, Origin::Bytes(Arc::new(raw))),
            },
        };
        source.text = text;
        source.map = map;
        source.origin = origin;
        source
    }

    /// Builds a source from a string (tests, library callers).
    pub fn from_text(path: impl Into<String>, text: &str) -> Source {
        Source::from_bytes(path, text.as_bytes().to_vec(), None)
    }

    /// Builds a source from text drawn out of a PDF. There is no map into
    /// the PDF's bytes (its text sits in compressed streams), so `bytes` is
    /// the extracted text and spans point into it; a note says so.
    pub fn from_pdf_text(path: impl Into<String>, text: String) -> Source {
        let map = OffsetMap::identity(text.len(), 0);
        Source {
            path: path.into(),
            origin: Origin::Text,
            format: Format::Pdf,
            encoding: "utf-8 (text extracted from PDF)".into(),
            text,
            map,
            part: None,
            filing: None,
            notes: vec!["spans are byte offsets into the text pdf-extract drew from the PDF, not into the PDF file".into()],
            parts: Vec::new(),
            line_index: Arc::default(),
        }
    }

    /// The line index of [`Source::bytes`], for line and column in reports
    /// (built on first use).
    pub fn line_index(&self) -> &LineIndex {
        self.line_index
            .get_or_init(|| LineIndex::new(self.bytes(), self.encoding == "windows-1252"))
    }

    /// Maps a span of [`Source::text`] to the span of original bytes it came from.
    pub fn source_span(&self, text_span: Span) -> Span {
        self.map.to_source(text_span)
    }

    /// [`Source::source_span`] with a hint kept from one call to the next
    /// (start it at 0), for spans looked up in text order
    /// ([`OffsetMap::to_source_near`]).
    pub fn source_span_near(&self, text_span: Span, hint: &mut usize) -> Span {
        self.map.to_source_near(text_span, hint)
    }

    /// The documents of an EDGAR submission that hold text, in order (empty
    /// for any other input).
    pub fn parts(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().map(|(p, _)| p)
    }

    /// The bytes this source's text comes from: the part's content for a
    /// part of a submission, else the whole file.
    pub fn own_bytes(&self) -> &[u8] {
        match &self.part {
            Some(p) => self.bytes().get(p.span.start..p.span.end).unwrap_or(&[]),
            None => self.bytes(),
        }
    }

    /// Splits an EDGAR submission into one source per document that holds
    /// text, each with its own text and a map into the same container bytes;
    /// the submission's notes go with the first. Any other source (and a
    /// submission with no such document) comes back alone.
    pub fn into_parts(mut self) -> Vec<Source> {
        if self.parts.is_empty() {
            return vec![self];
        }
        let parts = std::mem::take(&mut self.parts);
        let mut notes = std::mem::take(&mut self.notes);
        // The parts' texts are not the container's: they share its bytes.
        let origin = match &self.origin {
            Origin::Bytes(b) => Origin::Bytes(Arc::clone(b)),
            Origin::Text => Origin::Bytes(Arc::new(self.text.as_bytes().to_vec())),
        };
        parts
            .into_iter()
            .map(|(part, range)| {
                let text = self.text.get(range.clone()).unwrap_or("").to_string();
                let map = self.map.slice(range, part.span.end);
                Source {
                    path: self.path.clone(),
                    origin: origin.clone(),
                    format: self.format,
                    encoding: self.encoding.clone(),
                    text,
                    map,
                    part: Some(part),
                    filing: self.filing.clone(),
                    notes: std::mem::take(&mut notes),
                    parts: Vec::new(),
                    line_index: Arc::clone(&self.line_index),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html_edgar_and_extensions() {
        assert_eq!(Format::sniff("  <!DOCTYPE html><p>x"), Some(Format::Html));
        assert_eq!(Format::sniff("<HTML><BODY>"), Some(Format::Html));
        assert_eq!(
            Format::sniff("<?xml version='1.0'?>\n<html xmlns='x'>"),
            Some(Format::Html)
        );
        assert_eq!(
            Format::sniff("<SEC-DOCUMENT>0001-25-1.txt : 20251031\n"),
            Some(Format::Edgar)
        );
        assert_eq!(Format::sniff("Plain text."), None);
        assert_eq!(
            Format::from_extension("a/b.MD".as_ref()),
            Some(Format::Markdown)
        );
        assert_eq!(
            Format::from_extension("a/b.nc".as_ref()),
            Some(Format::Edgar)
        );
        assert_eq!(Format::from_extension("a/b.jpg".as_ref()), None);
    }

    #[test]
    fn html_spans_point_into_the_original() {
        let src = Source::from_text(
            "x.html",
            "<html><body><p>A &amp; B paid $9 billion.</p></body></html>",
        );
        assert_eq!(src.format, Format::Html);
        let at = src.text().find("$9 billion").unwrap_or(0);
        let span = src.source_span(Span::new(at, at + "$9 billion".len()));
        assert_eq!(&src.bytes()[span.start..span.end], b"$9 billion");
        let amp = src.text().find('&').unwrap_or(0);
        let span = src.source_span(Span::new(amp, amp + 1));
        assert_eq!(&src.bytes()[span.start..span.end], b"&amp;");
    }

    #[test]
    fn bytes_are_the_input_whatever_its_encoding_and_format() {
        let edgar = "<SEC-DOCUMENT>x\n<SEC-HEADER>x\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nPaid $9 billion.\n</TEXT>\n</DOCUMENT>\n";
        let inputs: Vec<(&str, Vec<u8>, &str)> = vec![
            ("a.txt", "Paid $9 billion.\n".into(), "utf-8"),
            (
                "a.txt",
                b"\xEF\xBB\xBFPaid \xE2\x82\xAC9 billion.".to_vec(),
                "utf-8 (with byte-order mark)",
            ),
            ("a.txt", b"Paid \x80 9 billion.".to_vec(), "windows-1252"),
            ("a.txt", [0xFF, 0xFE, b'P', 0, b'9', 0].to_vec(), "utf-16le"),
            ("a.html", b"<p>Paid &amp; $9 billion.</p>".to_vec(), "utf-8"),
            ("a.md", b"# Deal\n\nPaid **$9 billion**.".to_vec(), "utf-8"),
            (
                "a.md",
                b"# Deal\n\nPaid \x80 **9** billion.".to_vec(),
                "windows-1252",
            ),
            (
                "a.md",
                b"\xEF\xBB\xBF# Deal\n\nPaid **9**.".to_vec(),
                "utf-8 (with byte-order mark)",
            ),
            (
                "a.md",
                [0xFE, 0xFF, 0, b'#', 0, b' ', 0, b'9'].to_vec(),
                "utf-16be",
            ),
            (
                "a.html",
                b"<p>Paid \x80 9 billion.</p>".to_vec(),
                "windows-1252",
            ),
            (
                "a.html",
                b"\xEF\xBB\xBF<p>Paid 9.</p>".to_vec(),
                "utf-8 (with byte-order mark)",
            ),
            (
                "a.html",
                [0xFF, 0xFE, b'<', 0, b'p', 0, b'>', 0, b'9', 0].to_vec(),
                "utf-16le",
            ),
            ("a.txt", edgar.into(), "utf-8"),
            (
                "a.txt",
                edgar
                    .replace("Paid", "Paid \u{80}")
                    .chars()
                    .map(|c| c as u32 as u8)
                    .collect(),
                "windows-1252",
            ),
            ("a.txt", Vec::new(), "utf-8"),
        ];
        for (path, bytes, encoding) in inputs {
            let src = Source::from_bytes(path, bytes.clone(), None);
            assert_eq!(src.bytes(), bytes.as_slice(), "{path}: {bytes:?}");
            assert!(src.encoding.starts_with(encoding), "{}", src.encoding);
            if let Some(at) = src.text().find('9') {
                let span = src.source_span(Span::new(at, at + 1));
                // The character's own bytes (two of them in UTF-16).
                assert!(
                    src.bytes()[span.start..span.end].contains(&b'9'),
                    "{path}: {bytes:?}"
                );
            }
            for part in src.into_parts() {
                assert_eq!(part.bytes(), bytes.as_slice(), "{path}: a part");
            }
        }
    }

    #[test]
    fn edgar_parts_map_into_the_container() {
        let container = "<SEC-DOCUMENT>x\n<SEC-HEADER>x\nFILED AS OF DATE:\t20251031\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n<html><body><p>Up \u{93}5%\u{94}.</p></body></html>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\nPaid $9 billion.\n</TEXT>\n</DOCUMENT>\n";
        // Windows-1252 quotes make the decode map non-trivial.
        let bytes: Vec<u8> = container.chars().map(|c| c as u32 as u8).collect();
        let src = Source::from_bytes("f.txt", bytes, None);
        assert_eq!(src.format, Format::Edgar);
        assert_eq!(src.encoding, "windows-1252");
        assert_eq!(src.parts().count(), 2);
        let parts = src.into_parts();
        assert_eq!(parts.len(), 2);
        for (p, needle) in parts.iter().zip(["5%", "$9 billion"]) {
            let at = p.text().find(needle).unwrap_or(0);
            let span = p.source_span(Span::new(at, at + needle.len()));
            assert_eq!(&p.bytes()[span.start..span.end], needle.as_bytes());
            assert!(p.part.as_ref().is_some_and(|part| part.span.contains(span)));
        }
        assert_eq!(parts[0].part.as_ref().map(|p| p.format), Some(Format::Html));
        assert_eq!(
            parts[1].part.as_ref().map(|p| p.kind.as_str()),
            Some("EX-99.1")
        );
        assert_eq!(parts[1].own_bytes(), b"Paid $9 billion.\n");
        assert!(parts[1].filing.as_ref().is_some_and(|f| f.filed.is_some()));
    }
}
