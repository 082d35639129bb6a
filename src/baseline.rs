//! Accepted findings (`--baseline FILE`), so that a CI run fails only on new
//! ones.
//!
//! A finding is a claim that is `contradicted` or `unverifiable`. It is known
//! by a fingerprint: FNV-1a (64 bits, [`crate::hash`]) of the document path,
//! a NUL, the claim's text and a NUL, then the verdict name. The path is taken as the
//! user named it, with `\` written `/`; the claim's text with every run of
//! whitespace made one space, so re-wrapping a document does not make its
//! findings new. A baseline is a multiset: if it holds a fingerprint twice,
//! two such findings are accepted and a third is new.
//!
//! The file is JSON:
//!
//! ```json
//! { "schema": "claimlens-baseline/1",
//!   "findings": [ { "hash": "5c1e0f3b9a8d7e21", "path": "filings/pr.txt",
//!                   "text": "$10 billion", "verdict": "contradicted" } ] }
//! ```
//!
//! Only `hash` is read back; `path`, `text` and `verdict` are there for the
//! person who reviews the file. This module does no I/O.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::check::{Severity, Verdict};
use crate::error::{Error, ErrorKind};
use crate::hash::fnv1a64;
use crate::report::Outcome;

/// The baseline file's schema identifier.
pub const SCHEMA: &str = "claimlens-baseline/1";

/// The fingerprint of a finding (see the module docs for the normalisation).
pub fn fingerprint(path: &str, claim_text: &str, verdict: Verdict) -> u64 {
    let path = path.replace('\\', "/");
    let text = claim_text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut key = Vec::with_capacity(path.len() + text.len() + 16);
    key.extend_from_slice(path.as_bytes());
    key.push(0);
    key.extend_from_slice(text.as_bytes());
    key.push(0);
    key.extend_from_slice(verdict.name().as_bytes());
    fnv1a64(&key)
}

/// A fingerprint as the baseline file writes it: 16 lowercase hex digits.
pub fn hex(hash: u64) -> String {
    format!("{hash:016x}")
}

/// One finding of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The document's path.
    pub path: String,
    /// Index of the claim in its analysis.
    pub claim: usize,
    /// The claim's text, on one line.
    pub text: String,
    /// `Contradicted` or `Unverifiable`.
    pub verdict: Verdict,
    /// For contradicted claims, how far off.
    pub severity: Option<Severity>,
    /// Its fingerprint.
    pub hash: u64,
}

/// Every finding of `outcomes`, in input order and claim order.
pub fn findings(outcomes: &[Outcome]) -> Vec<Finding> {
    let mut out = Vec::new();
    for o in outcomes {
        let Outcome::Analyzed(a) = o else { continue };
        for (i, c) in a.claims.iter().enumerate() {
            let Some(check) = a.checks.get(i).and_then(Option::as_ref) else {
                continue;
            };
            if check.verdict == Verdict::Supported {
                continue;
            }
            let text = a
                .text_of(c)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Finding {
                path: a.source.path.clone(),
                claim: i,
                hash: fingerprint(&a.source.path, &text, check.verdict),
                text,
                verdict: check.verdict,
                severity: check.severity,
            });
        }
    }
    out
}

/// The accepted findings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The accepted findings.
    pub findings: Vec<Entry>,
}

/// One accepted finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The fingerprint, 16 hex digits.
    pub hash: String,
    /// The document's path (for the reader).
    #[serde(default)]
    pub path: String,
    /// The claim's text (for the reader).
    #[serde(default)]
    pub text: String,
    /// The verdict (for the reader).
    #[serde(default)]
    pub verdict: String,
}

impl Baseline {
    /// A baseline accepting every one of `findings`.
    pub fn of(findings: &[Finding]) -> Baseline {
        Baseline {
            schema: SCHEMA.to_string(),
            findings: findings
                .iter()
                .map(|f| Entry {
                    hash: hex(f.hash),
                    path: f.path.clone(),
                    text: f.text.clone(),
                    verdict: f.verdict.name().to_string(),
                })
                .collect(),
        }
    }

    /// Parses a baseline file's text; `name` is the file, for messages.
    pub fn parse(name: &str, text: &str) -> Result<Baseline, Error> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| {
            Error::new(
                ErrorKind::Usage,
                name,
                format!("not a claimlens baseline: {e}; delete it to write a new one"),
            )
            .at(e.line(), e.column())
        })?;
        if b.schema != SCHEMA {
            return Err(Error::new(
                ErrorKind::Usage,
                name,
                format!(
                    "baseline schema is {:?}, expected {SCHEMA:?}; delete it to write a new one",
                    b.schema
                ),
            ));
        }
        if let Some(bad) = b
            .findings
            .iter()
            .find(|e| e.hash.len() != 16 || u64::from_str_radix(&e.hash, 16).is_err())
        {
            return Err(Error::new(
                ErrorKind::Usage,
                name,
                format!("baseline hash {:?} is not 16 hex digits", bad.hash),
            ));
        }
        Ok(b)
    }

    /// The baseline as pretty JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The findings it does not accept, in order. Each accepted fingerprint
    /// covers as many findings as the baseline lists it.
    pub fn new_findings<'f>(&self, findings: &'f [Finding]) -> Vec<&'f Finding> {
        let mut left: HashMap<u64, usize> = HashMap::new();
        for e in &self.findings {
            if let Ok(h) = u64::from_str_radix(&e.hash, 16) {
                *left.entry(h).or_default() += 1;
            }
        }
        findings
            .iter()
            .filter(|f| match left.get_mut(&f.hash) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_wrapping_and_separators() {
        let a = fingerprint("docs/a.txt", "$9\n  billion", Verdict::Contradicted);
        assert_eq!(
            a,
            fingerprint("docs\\a.txt", "$9 billion", Verdict::Contradicted)
        );
        assert_ne!(
            a,
            fingerprint("docs/a.txt", "$9 billion", Verdict::Unverifiable)
        );
        assert_ne!(
            a,
            fingerprint("docs/b.txt", "$9 billion", Verdict::Contradicted)
        );
        // The separator keeps "ab" + "c" apart from "a" + "bc".
        assert_ne!(
            fingerprint("ab", "c", Verdict::Contradicted),
            fingerprint("a", "bc", Verdict::Contradicted)
        );
    }

    fn finding(text: &str) -> Finding {
        Finding {
            path: "a.txt".into(),
            claim: 0,
            text: text.into(),
            verdict: Verdict::Contradicted,
            severity: None,
            hash: fingerprint("a.txt", text, Verdict::Contradicted),
        }
    }

    #[test]
    fn a_baseline_accepts_as_many_findings_as_it_lists() {
        let old = [finding("$9 billion")];
        let baseline = Baseline::of(&old);
        let now = [finding("$9 billion"), finding("$9 billion"), finding("10%")];
        let new: Vec<&str> = baseline
            .new_findings(&now)
            .iter()
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(new, ["$9 billion", "10%"]);
    }

    #[test]
    fn baselines_round_trip_and_bad_ones_are_refused() {
        let b = Baseline::of(&[finding("$9 billion")]);
        assert_eq!(Baseline::parse("b.json", &b.to_json()), Ok(b));
        assert!(Baseline::parse("b.json", "{}").is_err());
        assert!(
            Baseline::parse(
                "b.json",
                r#"{"schema":"claimlens-baseline/1","findings":[{"hash":"xyz"}]}"#
            )
            .is_err()
        );
        assert!(Baseline::parse("b.json", r#"{"schema":"other","findings":[]}"#).is_err());
    }
}
