//! The analysis of one document: every stage run in order, the results kept
//! together with the source they point into.

use crate::check::{self, Check, DealRecord};
use crate::claims::{self, Claim};
use crate::date::Date;
use crate::rhetoric::{Marker, Rhetoric};
use crate::source::Source;
use crate::span::{Ranged, Span};
use crate::tokenize::{self, Quotation, Sentence};

/// What an analysis needs besides the document.
#[derive(Debug, Default)]
pub struct Options {
    /// Deal records to check claims against; each document is checked
    /// against the one whose entities it mentions most.
    pub records: Vec<DealRecord>,
    /// Lexicons; `None` means the built-in ones.
    pub rhetoric: Option<Rhetoric>,
    /// The document date to use when the document states none.
    pub as_of: Option<Date>,
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
        item.span().slice(&self.source.text)
    }

    /// Indices of the markers in the claim's sentence.
    pub fn markers_of(&self, claim: &Claim) -> impl Iterator<Item = usize> + '_ {
        let sentence = claim.sentence;
        self.markers
            .iter()
            .enumerate()
            .filter(move |(_, m)| m.sentence == sentence)
            .map(|(i, _)| i)
    }
}

/// Runs every stage over one document. No I/O.
pub fn analyze(source: Source, options: &Options) -> Analysis {
    let text = source.text.as_str();
    let sentences = tokenize::sentences(text);
    let quotations = tokenize::quotations(text);
    let words = tokenize::word_count(text);
    let date = check::document_date(text, &source.bytes).or(options.as_of);
    let claims = claims::extract(text, &sentences, &quotations, date);
    let markers = options.rhetoric().detect(text, &sentences, &quotations);
    let mut notes = Vec::new();
    let (record, checks) = if options.records.is_empty() {
        (None, vec![None; claims.len()])
    } else {
        match check::choose_record(text, &options.records) {
            Some(r) => (
                Some(r.id.clone()),
                check::check_claims(text, &claims, r, date)
                    .into_iter()
                    .map(Some)
                    .collect(),
            ),
            None => {
                notes.push("no record applies: the document mentions none of the records' entities; claims are not checked".into());
                (None, vec![None; claims.len()])
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
        record,
        date,
        notes,
    }
}
