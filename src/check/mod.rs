//! The check: each claim against a deal record, with a verdict a person can
//! verify (what the document says, what the record says, where the record got
//! it, and why the two agree or not).
//!
//! [`record`] holds the record model; [`choose_record`] picks the record a
//! document is about; [`check_claims`] links claims to facts (`link`) and
//! judges them (`verdict`, on the intervals of [`interval`]; `topic` says
//! whether the deal is named near a claim, which a contradiction in a long
//! document needs);
//! [`status_findings`] flags a document that is behind the deal's events.
//! Nothing here reads files or prints.

mod dateline;
pub mod interval;
mod link;
pub mod record;
mod status;
mod topic;
mod verdict;

pub use dateline::document_date;
pub use status::{StatusFinding, status_findings};

use serde::{Deserialize, Serialize};

pub use link::MAX_LINKED;
pub use record::{DealRecord, Event, Fact, FactValue, Qualifier, Status};

use crate::claims::Claim;
use crate::date::Date;
use crate::tokenize::Sentence;

/// The verdict on one claim (FEVER's labels).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The record confirms the claim.
    Supported,
    /// The claim is linked to a fact and lies outside it.
    Contradicted,
    /// The record cannot decide.
    Unverifiable,
}

impl Verdict {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

/// How a supported claim matches its fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The same number.
    Exact,
    /// The fact rounds to the stated number.
    Rounded,
    /// Within the approximation tolerance.
    Approximate,
    /// The stated bound holds (or lies inside the fact's bound).
    Bound,
    /// The fact lies in the stated range.
    Range,
}

/// How far a contradicted claim is off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// One rounding step off, or exactly on a strict boundary.
    Minor,
    /// Off, but by less than 25%.
    Major,
    /// Off by 25% or more, a scale or unit error, or the wrong direction.
    Gross,
}

impl Severity {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Gross => "gross",
        }
    }
}

/// Why the record cannot decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Undecided {
    /// Nothing in the record is about this.
    NoFact,
    /// Two facts fit and disagree.
    Ambiguous,
    /// The record only bounds the value and the claim is more precise.
    RecordTooCoarse,
    /// A forward-looking claim the record holds no projection for.
    Prediction,
    /// The document names no deal the records know.
    NoRecord,
    /// The claim's sentence holds more numbers than are linked in one
    /// sentence ([`MAX_LINKED`]): a table or a list run together.
    Crowded,
    /// A long document (a filing) where the deal is named nowhere near the
    /// claim: the number is most likely about something else. The fact it
    /// would contradict is kept.
    FarFromDeal,
}

/// The check of one claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// The verdict.
    pub verdict: Verdict,
    /// For supported claims: how they match.
    pub match_kind: Option<MatchKind>,
    /// For contradicted claims: how far off.
    pub severity: Option<Severity>,
    /// For unverifiable claims: why.
    pub undecided: Option<Undecided>,
    /// The fact linked to (for ambiguous claims: the first candidate).
    pub fact: Option<String>,
    /// Every candidate fact, for ambiguous claims.
    pub candidates: Vec<String>,
    /// The one-line reason, quoting both numbers and the fact's source.
    pub reason: String,
    /// What the document says: the claim as written.
    pub stated: Option<String>,
    /// What the record says: the fact's value with its qualifier, written
    /// naturally ("more than $10 billion").
    pub record: Option<String>,
    /// Where the record got it.
    pub source: Option<String>,
    /// What the linked fact is about, in the record's words.
    pub about: Option<String>,
    /// Why the two agree or not ("25% over the record (gross)").
    pub why: Option<String>,
}

/// Picks, among `records`, the one whose entities `text` mentions most (case
/// sensitive, whole words), among those of which it names at least two
/// entities; `None` when there is none.
pub fn choose_record<'r>(text: &str, records: &'r [DealRecord]) -> Option<&'r DealRecord> {
    let mut best: Option<(&DealRecord, usize)> = None;
    for r in records {
        let counts: Vec<usize> = r.entities.iter().map(|e| count_word(text, e)).collect();
        let hits: usize = counts.iter().sum();
        // A document about the deal names at least two of its entities (the
        // parties, or a party and its ticker). A filing that names one
        // party only (a customer, a supplier, a competitor) is not about
        // this deal, and checking its numbers against the deal's facts
        // would accuse it of misstatements it never made.
        let named: Vec<&str> = r
            .entities
            .iter()
            .zip(&counts)
            .filter(|(_, n)| **n > 0)
            .map(|(e, _)| e.as_str())
            .collect();
        let enough = distinct_parties(&named) >= 2 || (r.entities.len() == 1 && named.len() == 1);
        if enough && best.is_none_or(|(_, b)| hits > b) {
            best = Some((r, hits));
        }
    }
    best.map(|(r, _)| r)
}

/// How many different parties the named entities stand for: tickers ("MSFT")
/// do not count, and names of which one contains the other ("Microsoft",
/// "Microsoft Corporation") are one party. So a filing that names
/// "Microsoft Corporation, or Microsoft" names one party, not two.
fn distinct_parties(named: &[&str]) -> usize {
    let names: Vec<String> = named
        .iter()
        .filter(|e| !is_ticker(e))
        .map(|e| e.to_lowercase())
        .collect();
    let mut parties: Vec<&String> = Vec::new();
    for n in &names {
        if !parties
            .iter()
            .any(|p| p.contains(n.as_str()) || n.contains(p.as_str()))
        {
            parties.push(n);
        }
    }
    parties.len()
}

/// True for an entity that is a ticker ("MSFT", "CORZ"): up to five ASCII
/// capitals.
pub(crate) fn is_ticker(e: &str) -> bool {
    e.len() <= 5 && e.chars().all(|c| c.is_ascii_uppercase())
}

fn count_word(text: &str, word: &str) -> usize {
    topic::whole_words(text, word).count()
}

/// How the check judges numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// How far `approx` ("about", "roughly") widens a number: a share of
    /// its value (0.05 = 5%).
    pub approx_tolerance: f64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            approx_tolerance: 0.05,
        }
    }
}

/// True when `fact` may be used for a document dated `date`: a fact dated
/// after the document is something the document could not have known.
fn applies(fact: &Fact, date: Option<Date>) -> bool {
    match (fact.as_of, date) {
        (Some(a), Some(d)) => a <= d,
        _ => true,
    }
}

/// The indices of the claims of sentence `sentence`: claims are in text
/// order, so those of one sentence stand together, and finding them this way
/// keeps the check linear in the number of claims.
fn claims_of_sentence(claims: &[Claim], sentence: usize) -> std::ops::Range<usize> {
    let first = claims.partition_point(|c| c.sentence < sentence);
    let last = claims.partition_point(|c| c.sentence <= sentence);
    first..last.max(first)
}

/// Checks every claim against `record` as of `date`. `sentences` are the
/// document's sentences (each claim's evidence is its own sentence).
///
/// A fact that supports one claim of a sentence is not used to contradict
/// another claim of the same sentence: a sentence states a fact once, and
/// "worth $20.40 a share at a close of $165.20" is not a misstated close.
/// And in a long document a claim is contradicted only where the deal is
/// named near it (`topic`).
pub fn check_claims(
    text: &str,
    sentences: &[Sentence],
    claims: &[Claim],
    record: &DealRecord,
    date: Option<Date>,
    settings: &Settings,
) -> Vec<Check> {
    let facts: Vec<&Fact> = record.facts.iter().filter(|f| applies(f, date)).collect();
    let fact_words: Vec<link::FactWords<'_>> =
        facts.iter().map(|f| link::FactWords::new(f)).collect();
    // The sentence being looked at: its index and its view.
    let mut view: Option<(usize, link::SentenceView<'_>)> = None;
    let mut judged: Vec<Vec<verdict::Judged<'_>>> = Vec::with_capacity(claims.len());
    let mut contexts: Vec<verdict::Context<'_>> = Vec::with_capacity(claims.len());
    for (i, claim) in claims.iter().enumerate() {
        let near = claims_of_sentence(claims, claim.sentence);
        // Linking weighs every claim of a sentence against every other: in a
        // sentence of more than MAX_LINKED claims none is linked.
        let crowded = (near.len() > link::MAX_LINKED).then_some(near.len());
        let sentence = sentences.get(claim.sentence).map_or(claim.span, |s| s.span);
        if crowded.is_none() && view.as_ref().is_none_or(|(s, _)| *s != claim.sentence) {
            view = Some((
                claim.sentence,
                link::SentenceView::new(text, sentence, claims),
            ));
        }
        let elsewhere = match crowded {
            None => link::other_party(text, sentence, claim, &record.entities),
            Some(_) => None,
        };
        let (forward_looking, found) = match view.as_ref() {
            Some((s, v)) if *s == claim.sentence && crowded.is_none() && elsewhere.is_none() => (
                v.forward_looking(),
                link::candidates(v, claims, i, &fact_words),
            ),
            _ => (false, Vec::new()),
        };
        judged.push(
            found
                .into_iter()
                .map(|candidate| verdict::Judged {
                    outcome: verdict::judge(
                        claim,
                        candidate.fact,
                        &candidate.compat,
                        settings.approx_tolerance,
                    ),
                    candidate,
                })
                .collect(),
        );
        contexts.push(verdict::Context {
            claim,
            stated: claim
                .span
                .slice(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            record_id: &record.id,
            forward_looking,
            tolerance: settings.approx_tolerance,
            elsewhere,
            crowded,
            document_date: date,
        });
    }
    // A contradiction whose number is exactly another fact's is ambiguous.
    let share_phrase_of: std::cell::Cell<Option<(usize, bool)>> = std::cell::Cell::new(None);
    let twins = |i: usize, check: Check| -> Check {
        if check.verdict != Verdict::Contradicted {
            return check;
        }
        let sentence = sentences
            .get(claims[i].sentence)
            .map_or(claims[i].span, |s| s.span)
            .slice(text);
        let linked = facts
            .iter()
            .find(|f| Some(f.id.as_str()) == check.fact.as_deref());
        // Whether the sentence speaks of a share, read once per sentence.
        let share_phrase = || match share_phrase_of.get() {
            Some((s, yes)) if s == claims[i].sentence => yes,
            _ => {
                let yes = link::share_phrase(sentence);
                share_phrase_of.set(Some((claims[i].sentence, yes)));
                yes
            }
        };
        let others: Vec<(&Fact, link::Compat)> = facts
            .iter()
            .filter_map(|f| link::compatible(&claims[i], f, share_phrase).map(|c| (*f, c)))
            .collect();
        linked
            .and_then(|l| verdict::twin(&contexts[i], l, &others))
            .unwrap_or(check)
    };
    let mut checks: Vec<Check> = contexts
        .iter()
        .zip(&judged)
        .map(|(cx, j)| verdict::decide(cx, j))
        .collect();
    for i in 0..claims.len() {
        if checks[i].verdict == Verdict::Supported {
            continue;
        }
        let sentence = claims[i].sentence;
        let taken: Vec<&str> = claims_of_sentence(claims, sentence)
            .filter(|&j| j != i && checks[j].verdict == Verdict::Supported)
            .filter_map(|j| checks[j].fact.as_deref())
            .collect();
        let is_taken = |j: &verdict::Judged<'_>| {
            taken.contains(&j.candidate.fact.id.as_str()) && !j.outcome.is_supported()
        };
        if judged[i].iter().any(is_taken) {
            let rest: Vec<verdict::Judged<'_>> =
                judged[i].iter().filter(|j| !is_taken(j)).cloned().collect();
            checks[i] = verdict::decide(&contexts[i], &rest);
        }
    }
    // A contradiction needs the deal named near the claim: a filing that
    // names the parties once holds many numbers beside words that are also
    // the record's cues.
    let entities = topic::Entities::new(&record.entities);
    let off_topic = |i: usize, check: Check| -> Check {
        if check.verdict == Verdict::Contradicted
            && !topic::deal_named_near(text, sentences, claims[i].sentence, &entities)
        {
            verdict::off_topic(&contexts[i], check, sentences.len())
        } else {
            check
        }
    };
    checks
        .into_iter()
        .enumerate()
        .map(|(i, c)| off_topic(i, twins(i, c)))
        .collect()
}
