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
//! assert_eq!(&analysis.source.bytes[span.start..span.end], b"$9 billion");
//! ```

pub mod analysis;
pub mod check;
pub mod claims;
pub mod date;
pub mod error;
pub mod load;
pub mod report;
pub mod rhetoric;
pub mod source;
pub mod span;
pub mod tokenize;

pub use analysis::{Analysis, Options, analyze};
pub use check::{Check, DealRecord, Verdict};
pub use claims::{Claim, ClaimKind, Comparator};
pub use error::{Error, ErrorKind};
pub use rhetoric::Marker;
pub use source::{Format, Source};
pub use span::{Ranged, Span};
