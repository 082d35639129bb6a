//! claimlens reads press releases, news reports, commentary and filings about
//! deals, extracts their quantitative claims and rhetoric markers, and checks
//! the claims against a structured, sourced deal record.
//!
//! The pipeline is visible in the modules: [`source`] (bytes → text with an
//! offset map) → [`tokenize`] (sentences, words, quotations) → [`claims`]
//! (the number grammar) → [`rhetoric`] (markers) → [`check`] (verdicts) →
//! [`report`] (every output format). Each stage is a function without I/O;
//! [`load`] reads files and [`report`] writes output.
//!
//! ```
//! use claimlens::{analyze, Options, Source};
//!
//! let doc = Source::from_text("note.txt", "The $9 billion deal gives holders less than 10% of the company.");
//! let analysis = analyze(doc, &Options::default());
//! let texts: Vec<&str> = analysis.claims.iter().map(|c| analysis.text_of(c)).collect();
//! assert_eq!(texts, ["$9 billion", "less than 10%"]);
//! // Spans point into the original bytes:
//! let span = analysis.source_span(&analysis.claims[0]);
//! assert_eq!(&analysis.source.bytes()[span.start..span.end], b"$9 billion");
//! ```
//!
//! An EDGAR submission holds several documents; [`analyze_parts`] gives one
//! analysis per document, each with spans into the container file:
//!
//! ```
//! use claimlens::{analyze_parts, Options, Source};
//!
//! let filing = "<SEC-HEADER>\nFILED AS OF DATE:\t20251031\n</SEC-HEADER>\n\
//!     <DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n<html><p>Holders own 9.4%.</p></html>\n</TEXT>\n</DOCUMENT>\n\
//!     <DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\nIt paid $9 billion.\n</TEXT>\n</DOCUMENT>\n";
//! let parts = analyze_parts(Source::from_text("filing.txt", filing), &Options::default());
//! assert_eq!(parts.len(), 2);
//! let press_release = &parts[1];
//! assert_eq!(press_release.source.part.as_ref().map(|p| p.kind.as_str()), Some("EX-99.1"));
//! assert_eq!(press_release.date.map(|d| d.to_string()).as_deref(), Some("2025-10-31"));
//! let span = press_release.source_span(&press_release.claims[0]);
//! assert_eq!(&press_release.source.bytes()[span.start..span.end], b"$9 billion");
//! ```

pub mod analysis;
pub mod baseline;
pub mod batch;
pub mod check;
pub mod claims;
pub mod date;
pub mod error;
pub mod hash;
pub mod load;
pub mod report;
pub mod rhetoric;
pub mod source;
pub mod span;
pub mod stream;
pub mod tokenize;

#[cfg(test)]
mod testing;

pub use analysis::{Analysis, Options, analyze, analyze_parts};
pub use check::{Check, DealRecord, Verdict};
pub use claims::{Claim, ClaimKind, Comparator};
pub use error::{Error, ErrorKind};
pub use rhetoric::Marker;
pub use source::{Format, Source};
pub use span::{Ranged, Span};
