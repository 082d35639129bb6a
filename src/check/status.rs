//! Status findings: a document dated after the deal was terminated (or
//! completed) that still speaks of it as pending, expected to close, or
//! done.
//!
//! Deliberately narrow: only a dated document is judged, only against an
//! event strictly before its date, only for present or future wording about
//! closing ("is expected to close", "will close", "the pending merger") or,
//! after a termination, for wording that the deal closed. Sentences that
//! themselves speak of the termination, and quoted speech, are left alone.
//! It does not judge numbers; that is [`super::verdict`].

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::record::{DealRecord, Status};
use crate::date::Date;
use crate::span::{Ranged, Span};
use crate::tokenize::{Quotation, Sentence, inside_quotation};

const DEAL: &str = r"(?:deal|merger|acquisition|transaction|takeover|combination|buyout|purchase)";

static PENDING: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?i)\b(?:is|are|remains?)\s+(?:still\s+)?(?:expected|scheduled|slated|set|on\s+track|poised)\s+to\s+(?:close|complete|be\s+completed|be\s+consummated|be\s+finalized)\b".to_string(),
        format!(r"(?i)\b{DEAL}\s+(?:will|should)\s+(?:close|complete|be\s+completed|be\s+consummated)\b"),
        format!(r"(?i)\bpending\s+{DEAL}\b"),
        format!(r"(?i)\b{DEAL}\s+(?:is|remains)\s+(?:still\s+)?pending\b"),
        format!(r"(?i)\b(?:once|when|after|until)\s+the\s+{DEAL}\s+(?:closes|completes|is\s+completed)\b"),
        format!(r"(?i)\b{DEAL},?\s+(?:which\s+is\s+|still\s+)?(?:expected|scheduled|slated)\s+to\s+(?:close|be\s+completed|complete)\b"),
        r"(?i)\b(?:is|are)\s+(?:in\s+the\s+process\s+of\s+)?(?:acquiring|buying|taking\s+over|merging\s+with)\b".to_string(),
        r"(?i)\b(?:has|have)\s+agreed\s+to\s+(?:acquire|buy|merge\s+with|combine\s+with)\b".to_string(),
        format!(r"(?i)\b{DEAL}\s+(?:still\s+)?(?:awaits|needs|requires)\s+(?:\w+\s+){{0,2}}approval\b"),
    ]
    .iter()
    .map(|re| Regex::new(re).unwrap_or_else(|e| panic!("static regex: {e}")))
    .collect()
});

static COMPLETED: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        format!(r"(?i)\b(?:completed|closed|consummated|finalized)\s+(?:its\s+|their\s+|the\s+)?{DEAL}\b"),
        format!(r"(?i)\b{DEAL}\s+(?:has|have|was)\s+(?:been\s+)?(?:closed|completed|consummated|finalized)\b"),
        format!(r"(?i)\b{DEAL}\s+(?:closed|completed)\s+(?:on|in)\b"),
        r"(?i)\bnow\s+own(?:s|ing)?\b[^.;]{0,60}\bcombined\s+company\b".to_string(),
        format!(r"(?i)\b(?:since|following|after)\s+the\s+(?:completion\s+of\s+the\s+)?{DEAL}\s+(?:closed|was\s+completed)\b"),
    ]
    .iter()
    .map(|re| Regex::new(re).unwrap_or_else(|e| panic!("static regex: {e}")))
    .collect()
});

static ENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:terminat\w*|called\s+off|abandon\w*|scrapp\w*|collaps\w*|fell\s+apart|voted\s+down|walked\s+away|rejected|failed|blocked|no\s+longer|never|would\s+have|had\s+been)\b")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// A sentence that speaks of the deal in a status the record says it no
/// longer has on the document's date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusFinding {
    /// The words that speak of the status (text span).
    pub span: Span,
    /// Index of their sentence.
    pub sentence: usize,
    /// What the document implies: `pending` or `completed`.
    pub says: Status,
    /// The record's event the document is behind on.
    pub event_status: Status,
    /// Its date.
    pub event_date: Date,
    /// Where the record has it from.
    pub source: String,
    /// One line for a person: "speaks of the deal as pending, but the
    /// agreement was terminated on 2025-10-30 (...)".
    pub message: String,
}

impl Ranged for StatusFinding {
    fn span(&self) -> Span {
        self.span
    }
}

/// The status findings of a document dated `date` against `record`.
pub fn status_findings(
    text: &str,
    sentences: &[Sentence],
    quotations: &[Quotation],
    record: &DealRecord,
    date: Option<Date>,
) -> Vec<StatusFinding> {
    let Some(date) = date else { return Vec::new() };
    let Some(event) = record
        .events
        .iter()
        .filter(|e| e.date < date)
        .max_by_key(|e| e.date)
    else {
        return Vec::new();
    };
    let checks: Vec<(Status, &[Regex])> = match event.status {
        Status::Terminated => vec![
            (Status::Pending, &PENDING[..]),
            (Status::Completed, &COMPLETED[..]),
        ],
        Status::Completed => vec![(Status::Pending, &PENDING[..])],
        Status::Announced | Status::Pending => return Vec::new(),
    };
    let mut out = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        let body = s.span.slice(text);
        if ENDED.is_match(body) {
            continue;
        }
        let hit = checks.iter().find_map(|(says, res)| {
            res.iter().find_map(|re| re.find(body)).map(|m| {
                (
                    *says,
                    Span::new(s.span.start + m.start(), s.span.start + m.end()),
                )
            })
        });
        let Some((says, span)) = hit else { continue };
        if inside_quotation(quotations, span) {
            continue;
        }
        let what = if says == Status::Pending {
            "pending"
        } else {
            "completed"
        };
        let happened = match event.status {
            Status::Terminated => format!("the agreement was terminated on {}", event.date),
            _ => format!("the deal was completed on {}", event.date),
        };
        out.push(StatusFinding {
            span,
            sentence: i,
            says,
            event_status: event.status,
            event_date: event.date,
            source: event.source.clone(),
            message: format!(
                "speaks of the deal as {what}, but {happened} ({}); the document is dated {date}",
                event.source
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::record::Event;

    fn record(status: Status, date: &str) -> DealRecord {
        let d = |s: &str| {
            Date::parse(s).unwrap_or(Date {
                year: 2000,
                month: 1,
                day: 1,
            })
        };
        DealRecord {
            id: "a-b".into(),
            title: "A and B".into(),
            entities: vec!["A".into()],
            events: vec![
                Event {
                    date: d("2025-07-07"),
                    status: Status::Announced,
                    source: "release".into(),
                    note: None,
                },
                Event {
                    date: d(date),
                    status,
                    source: "8-K".into(),
                    note: None,
                },
            ],
            facts: Vec::new(),
        }
    }

    fn findings(text: &str, status: Status, event: &str, doc: &str) -> Vec<StatusFinding> {
        let sentences = crate::tokenize::sentences(text);
        let quotes = crate::tokenize::quotations(text);
        status_findings(
            text,
            &sentences,
            &quotes,
            &record(status, event),
            Date::parse(doc),
        )
    }

    #[test]
    fn stale_pending_after_termination() {
        let f = findings(
            "The merger is expected to close in the fourth quarter.",
            Status::Terminated,
            "2025-10-30",
            "2025-11-15",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].says, Status::Pending);
        assert!(
            f[0].message
                .contains("the agreement was terminated on 2025-10-30"),
            "{}",
            f[0].message
        );
        let f = findings(
            "A completed its acquisition of B last month.",
            Status::Terminated,
            "2025-10-30",
            "2025-11-15",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].says, Status::Completed);
    }

    #[test]
    fn other_stale_wordings() {
        let late = |t: &str| findings(t, Status::Terminated, "2025-10-30", "2025-11-15");
        assert_eq!(
            late("CoreWeave, which is acquiring Core Scientific, reported results.").len(),
            1
        );
        assert_eq!(
            late("CoreWeave has agreed to acquire Core Scientific.").len(),
            1
        );
        assert_eq!(
            late("The deal, which is expected to close this quarter, faces a vote.").len(),
            1
        );
        assert_eq!(
            late("The merger still awaits shareholder approval.").len(),
            1
        );
        let f = late(
            "With Core Scientific shareholders now owning less than 10% of the combined company, little changes.",
        );
        assert_eq!(
            f.iter().map(|f| f.says).collect::<Vec<_>>(),
            [Status::Completed]
        );
        assert!(late("CoreWeave had agreed to acquire Core Scientific in July.").is_empty());
    }

    #[test]
    fn stale_pending_after_completion() {
        let f = findings(
            "Analysts say the pending merger faces scrutiny.",
            Status::Completed,
            "2023-11-22",
            "2024-01-10",
        );
        assert_eq!(f.len(), 1);
        let f = findings(
            "The deal closed on November 22.",
            Status::Completed,
            "2023-11-22",
            "2024-01-10",
        );
        assert!(f.is_empty());
    }

    #[test]
    fn silent_when_current_or_careful() {
        // Same day as the termination, undated, before it, or speaking of it.
        assert!(
            findings(
                "The merger is expected to close soon.",
                Status::Terminated,
                "2025-10-30",
                "2025-10-30"
            )
            .is_empty()
        );
        assert!(
            findings(
                "The merger is expected to close soon.",
                Status::Terminated,
                "2025-10-30",
                "2025-07-07"
            )
            .is_empty()
        );
        assert!(
            findings(
                "The pending merger was terminated on Thursday.",
                Status::Terminated,
                "2025-10-30",
                "2025-11-15"
            )
            .is_empty()
        );
        assert!(
            findings(
                "Holders would have owned 9.4% once the deal closes.",
                Status::Terminated,
                "2025-10-30",
                "2025-11-15"
            )
            .is_empty()
        );
        assert!(
            findings(
                "He said: “the deal is expected to close in the fourth quarter.”",
                Status::Terminated,
                "2025-10-30",
                "2025-11-15"
            )
            .is_empty()
        );
        let sentences = crate::tokenize::sentences("The merger is expected to close.");
        assert!(
            status_findings(
                "The merger is expected to close.",
                &sentences,
                &[],
                &record(Status::Terminated, "2025-10-30"),
                None
            )
            .is_empty()
        );
    }
}
