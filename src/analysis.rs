//! The analysis of one document: every stage run in order, the results kept
//! together with the source they point into.

use crate::check::{self, Check, DealRecord, StatusFinding};
use crate::claims::{self, Claim};
use crate::date::Date;
use crate::rhetoric::{Marker, Rhetoric};
use crate::source::Source;
use crate::span::{Ranged, Span};
use crate::tokenize::{self, Quotation, Sentence};

/// What an analysis needs besides the document.
#[derive(Debug)]
pub struct Options {
    /// Deal records to check claims against; each document is checked
    /// against the one whose entities it mentions most (naming at least two).
    pub records: Vec<DealRecord>,
    /// Lexicons; `None` means the built-in ones.
    pub rhetoric: Option<Rhetoric>,
    /// The document date to use when the document states none.
    pub as_of: Option<Date>,
    /// How far "about", "roughly", "approximately" widen a number (and an
    /// `approx` fact), as a share of its value: 0.05 is 5%. Printed in the
    /// reason of every approximate match.
    pub approx_tolerance: f64,
}

impl Default for Options {
    fn default() -> Options {
        let approx_tolerance = check::Settings::default().approx_tolerance;
        Options {
            records: Vec::new(),
            rhetoric: None,
            as_of: None,
            approx_tolerance,
        }
    }
}

impl Options {
    fn rhetoric(&self) -> &Rhetoric {
        self.rhetoric
            .as_ref()
            .unwrap_or_else(|| Rhetoric::builtin())
    }
}

/// The analysis of one document.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The document: original bytes, text, offset map.
    pub source: Source,
    /// Its sentences.
    pub sentences: Vec<Sentence>,
    /// Its quotations.
    pub quotations: Vec<Quotation>,
    /// Number of words.
    pub words: usize,
    /// The claims, in text order.
    pub claims: Vec<Claim>,
    /// The rhetoric markers, in text order.
    pub markers: Vec<Marker>,
    /// The check of each claim (same order as `claims`), when a record applies.
    pub checks: Vec<Option<Check>>,
    /// Sentences that speak of the deal in a status the record says it no
    /// longer had on the document's date.
    pub statuses: Vec<StatusFinding>,
    /// The id of the record the document was checked against.
    pub record: Option<String>,
    /// The document's date (stated in it, or given).
    pub date: Option<Date>,
    /// Remarks about the analysis as a whole (no record applies, ...).
    pub notes: Vec<String>,
}

impl Analysis {
    /// The span of original bytes behind a finding's text span.
    pub fn source_span(&self, item: &impl Ranged) -> Span {
        self.source.source_span(item.span())
    }

    /// The text a finding covers.
    pub fn text_of(&self, item: &impl Ranged) -> &str {
        item.span().slice(self.source.text())
    }

    /// Indices of the markers in the claim's sentence.
    pub fn markers_of(&self, claim: &Claim) -> std::ops::Range<usize> {
        // Markers are in text order, so their sentence numbers never decrease.
        let sentence = claim.sentence;
        let lo = self.markers.partition_point(|m| m.sentence < sentence);
        let hi = self.markers.partition_point(|m| m.sentence <= sentence);
        lo..hi
    }
}

/// Runs every stage over one document. No I/O.
///
/// An EDGAR submission given whole is analysed as one document (the text of
/// all its documents); [`analyze_parts`] analyses each of its documents on
/// its own. The document's date is the submission's `FILED AS OF DATE` when
/// it has one, else the date it states, else `options.as_of`.
pub fn analyze(source: Source, options: &Options) -> Analysis {
    analyze_as_of(source, options, options.as_of)
}

/// [`analyze`] with `as_of` standing in for `options.as_of`.
fn analyze_as_of(source: Source, options: &Options, as_of: Option<Date>) -> Analysis {
    let text = source.text();
    let sentences = tokenize::sentences(text);
    let quotations = tokenize::quotations(text);
    let words = tokenize::word_count(text);
    let filed = source.filing.as_ref().and_then(|f| f.filed);
    let date = filed
        .or_else(|| check::document_date(text, source.own_bytes()))
        .or(as_of);
    // Rhetoric before claims: its automaton's table (~0.8 MB) is then still
    // partly in the cache the tokenizer left, and claims need little (~2%
    // faster over the filings; the two are independent).
    let markers = options.rhetoric().detect(text, &sentences, &quotations);
    let claims = claims::extract(text, &sentences, &quotations, date);
    let mut notes = source.notes.clone();
    let settings = check::Settings {
        approx_tolerance: options.approx_tolerance,
    };
    let (record, checks, statuses) = if options.records.is_empty() {
        (None, vec![None; claims.len()], Vec::new())
    } else {
        match check::choose_record(text, &options.records) {
            Some(r) => {
                let checks = check::check_claims(text, &sentences, &claims, r, date, &settings);
                let statuses = check::status_findings(text, &sentences, &quotations, r, date);
                if date.is_none() {
                    notes.push("the document states no date (give one with --as-of): every fact of the record applies, and the deal's status is not checked".into());
                }
                (
                    Some(r.id.clone()),
                    checks.into_iter().map(Some).collect(),
                    statuses,
                )
            }
            None => {
                notes.push("no record applies: the document names fewer than two entities of any record (a filing that names one party, as a customer or a competitor, is not about the deal); claims are not checked".into());
                (None, vec![None; claims.len()], Vec::new())
            }
        }
    };
    Analysis {
        source,
        sentences,
        quotations,
        words,
        claims,
        markers,
        checks,
        statuses,
        record,
        date,
        notes,
    }
}

/// Analyses each document of an input on its own: the documents of an EDGAR
/// submission ([`Source::into_parts`]) one by one, any other input as one
/// document. No I/O.
pub fn analyze_parts(source: Source, options: &Options) -> Vec<Analysis> {
    analyze_parts_as_of(source, options, options.as_of)
}

/// [`analyze_parts`] for an input that comes with its own date (a line of
/// `claimlens stream`): `as_of` stands in for `options.as_of`, so a date the
/// document states (or an EDGAR submission's filing date) still comes first.
pub fn analyze_parts_as_of(
    source: Source,
    options: &Options,
    as_of: Option<Date>,
) -> Vec<Analysis> {
    source
        .into_parts()
        .into_iter()
        .map(|part| analyze_as_of(part, options, as_of))
        .collect()
}
