//! The corpus's notes are the specification of the check: every deliberate
//! misstatement a notes file lists (its `## Misstatements` table) must come
//! out `contradicted`, linked to the listed fact, and no other claim of the
//! corpus may be contradicted. A few "Other checks" of the notes are pinned
//! here too (a plain "$10 billion" against "more than $10 billion" is not a
//! misstatement; "less than 10%" is about Core Scientific's holders).

mod support;

use std::path::{Path, PathBuf};

use claimlens::check::{Undecided, Verdict};
use claimlens::report::{self, Outcome, OutputFormat, RenderOptions};
use claimlens::{Analysis, Options, Source, analyze, analyze_parts};

/// Misstatement rows that cannot pass because the claims stage does not
/// extract the claim. Empty: every listed misstatement is extracted. Add a
/// row here only with the reason beside it.
const NOT_EXTRACTED: &[(&str, &str)] = &[];

fn analyse(path: &Path, options: &Options) -> Analysis {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    analyze(
        Source::from_bytes(path.display().to_string(), bytes, None),
        options,
    )
}

/// One row of a `## Misstatements` table.
#[derive(Debug)]
struct Row {
    claim: String,
    fact: String,
    verdict: String,
    error: String,
}

fn misstatements(notes: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut inside = false;
    for line in notes.lines() {
        if line.starts_with("## ") {
            inside = line.trim() == "## Misstatements";
            continue;
        }
        let line = line.trim();
        if !inside || !line.starts_with('|') {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() < 5 || cells[0] == "claim" || cells[0].starts_with("---") {
            continue;
        }
        rows.push(Row {
            claim: cells[0].to_string(),
            fact: cells[1].to_string(),
            verdict: cells[2].to_string(),
            error: cells[4].to_string(),
        });
    }
    rows
}

fn documents() -> Vec<(PathBuf, Vec<Row>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("corpus/documents")
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let notes: Vec<&PathBuf> = files
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".notes.md"))
        .collect();
    notes
        .into_iter()
        .map(|n| {
            let stem = n.to_string_lossy().replace(".notes.md", "");
            let doc = files
                .iter()
                .find(|f| {
                    !f.to_string_lossy().ends_with(".notes.md")
                        && f.with_extension("").to_string_lossy() == stem
                })
                .cloned()
                .unwrap_or_else(|| panic!("{} has no document beside it", n.display()));
            let text =
                std::fs::read_to_string(n).unwrap_or_else(|e| panic!("{}: {e}", n.display()));
            (doc, misstatements(&text))
        })
        .collect()
}

#[test]
fn every_misstatement_is_contradicted_and_nothing_else() {
    let options = Options {
        records: support::corpus_records(),
        ..Options::default()
    };
    let docs = documents();
    assert_eq!(docs.len(), 8, "the corpus has eight documents with notes");
    let rows: usize = docs.iter().map(|(_, r)| r.len()).sum();
    assert_eq!(rows, 13, "the notes list 13 misstatements");
    let mut problems = Vec::new();
    for (doc, rows) in &docs {
        let bytes = std::fs::read(doc).unwrap_or_else(|e| panic!("{}: {e}", doc.display()));
        // An EDGAR submission is checked part by part, as the CLI does.
        let parts = analyze_parts(
            Source::from_bytes(doc.display().to_string(), bytes, None),
            &options,
        );
        let name = doc
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let findings: Vec<(&Analysis, &claimlens::Claim, Option<&claimlens::Check>)> = parts
            .iter()
            .flat_map(|a| {
                a.claims
                    .iter()
                    .zip(&a.checks)
                    .map(move |(c, k)| (a, c, k.as_ref()))
            })
            .collect();
        for row in rows {
            if NOT_EXTRACTED
                .iter()
                .any(|(d, c)| *d == name && *c == row.claim)
            {
                continue;
            }
            assert_eq!(
                row.verdict, "contradicted",
                "{name}: a misstatement row must expect contradicted"
            );
            let hit = findings.iter().find(|(a, c, k)| {
                a.text_of(*c).contains(&row.claim)
                    && k.is_some_and(|k| {
                        k.verdict == Verdict::Contradicted && k.fact.as_deref() == Some(&row.fact)
                    })
            });
            match hit {
                Some((a, c, k)) => {
                    let reason = k.map(|k| k.reason.as_str()).unwrap_or_default();
                    let said = a
                        .text_of(*c)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !reason.contains(said.as_str())
                        || !reason.contains("record:")
                        || !reason.contains(&row.fact)
                    {
                        problems.push(format!("{name}: {:?}: the reason does not quote claim, record and fact: {reason}", row.claim));
                    }
                    if row.error.contains("quoted") && !c.quoted {
                        problems.push(format!(
                            "{name}: {:?} is quoted speech but not marked quoted",
                            row.claim
                        ));
                    }
                }
                None => {
                    let seen: Vec<String> = findings
                        .iter()
                        .filter(|(a, c, _)| a.text_of(*c).contains(&row.claim))
                        .map(|(a, c, k)| {
                            format!("{:?} → {:?}", a.text_of(*c), k.map(|k| &k.reason))
                        })
                        .collect();
                    problems.push(format!(
                        "{name}: {:?} is not contradicted with fact {}; claims: {seen:?}",
                        row.claim, row.fact
                    ));
                }
            }
        }
        for (a, c, k) in &findings {
            let Some(k) = k else { continue };
            if k.verdict != Verdict::Contradicted {
                continue;
            }
            let listed = rows
                .iter()
                .any(|r| a.text_of(*c).contains(&r.claim) && k.fact.as_deref() == Some(&r.fact));
            if !listed {
                problems.push(format!(
                    "{name}: {:?} is contradicted but no misstatement: {}",
                    a.text_of(*c),
                    k.reason
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Finds the check of the claim whose text is `text` in document `doc`.
fn check_of<'a>(a: &'a Analysis, text: &str) -> &'a claimlens::Check {
    a.claims
        .iter()
        .zip(&a.checks)
        .find(|(c, _)| a.text_of(*c) == text)
        .and_then(|(_, k)| k.as_ref())
        .unwrap_or_else(|| panic!("no checked claim {text:?} in {}", a.source.path))
}

#[test]
fn other_checks_of_the_notes() {
    let options = Options {
        records: support::corpus_records(),
        ..Options::default()
    };
    let commentary = analyse(
        Path::new("corpus/documents/commentary-coreweave-core-scientific.txt"),
        &options,
    );
    let ten = check_of(&commentary, "$10 billion");
    assert_eq!(
        (ten.verdict, ten.undecided),
        (Verdict::Unverifiable, Some(Undecided::RecordTooCoarse)),
        "{}",
        ten.reason
    );
    assert_eq!(ten.fact.as_deref(), Some("lease-overhead"));
    let less = check_of(&commentary, "less than 10%");
    assert_eq!(
        (less.verdict, less.fact.as_deref()),
        (Verdict::Supported, Some("ownership-corz-holders")),
        "{}",
        less.reason
    );
    let nine = check_of(&commentary, "$9 billion");
    assert_eq!(
        (nine.verdict, nine.fact.as_deref()),
        (Verdict::Supported, Some("equity-value")),
        "{}",
        nine.reason
    );

    let vote = analyse(
        Path::new("corpus/documents/news-core-scientific-vote-termination.txt"),
        &options,
    );
    let ninety_one = check_of(&vote, "About 91%");
    assert_eq!(
        (ninety_one.verdict, ninety_one.undecided),
        (Verdict::Unverifiable, Some(Undecided::NoFact)),
        "{}",
        ninety_one.reason
    );
    assert_eq!(
        check_of(&vote, "230,070,106 votes").fact.as_deref(),
        Some("comp-votes-against")
    );
    assert_eq!(
        check_of(&vote, "5,702,921 abstentions").fact.as_deref(),
        Some("comp-abstentions")
    );
    assert_eq!(
        check_of(&vote, "$2.7 billion").severity,
        Some(claimlens::check::Severity::Gross)
    );

    let pr = analyse(
        Path::new("corpus/documents/pr-coreweave-core-scientific-2025-07-07.txt"),
        &options,
    );
    assert_eq!(
        check_of(&pr, "$165.20").fact.as_deref(),
        Some("crwv-close-jul3")
    );
    assert_eq!(
        check_of(&pr, "approximately $20.40 per Core Scientific share")
            .fact
            .as_deref(),
        Some("implied-price-jul3")
    );
    assert_eq!(
        check_of(&pr, "in the fourth quarter of 2025").verdict,
        Verdict::Supported
    );

    let broadcom = analyse(
        Path::new("corpus/documents/pr-broadcom-vmware-2022-05-26.txt"),
        &options,
    );
    assert_eq!(
        check_of(&broadcom, "$8 billion").fact.as_deref(),
        Some("net-debt-assumed")
    );
    assert_eq!(
        check_of(&broadcom, "approximately 40%").fact.as_deref(),
        Some("dell-stake")
    );
    assert_eq!(
        check_of(&broadcom, "approximately 10%").fact.as_deref(),
        Some("silver-lake-stake")
    );
}

#[test]
fn a_contradicted_claim_reads_like_a_reviewers_comment() {
    let options = Options {
        records: support::corpus_records(),
        ..Options::default()
    };
    let a = analyse(
        Path::new("corpus/documents/commentary-coreweave-core-scientific.txt"),
        &options,
    );
    let mut out = Vec::new();
    report::render(
        OutputFormat::Human,
        &[Outcome::Analyzed(Box::new(a))],
        RenderOptions::default(),
        &mut out,
    )
    .unwrap_or_else(|e| panic!("render: {e}"));
    let text = String::from_utf8_lossy(&out);
    let block: Vec<&str> = text
        .split("\n\n")
        .filter(|b| b.contains("“15 years”"))
        .collect();
    let block = block
        .first()
        .unwrap_or_else(|| panic!("no 15 years claim in:\n{text}"));
    assert!(block.contains("contradicted (gross)"), "{block}");
    assert!(
        block.contains("we’re not paying rent for the next 15 years"),
        "the sentence: {block}"
    );
    assert!(block.contains("^^^^^^^^"), "the underline: {block}");
    assert!(block.contains("(quoted)"), "{block}");
    assert!(
        block.contains("record: 12 years (Reuters, 2025-07-07)"),
        "{block}"
    );
    assert!(block.contains("25% over the record"), "{block}");
}

#[test]
fn status_of_a_document_dated_after_the_termination() {
    let options = Options {
        records: support::corpus_records(),
        ..Options::default()
    };
    let text = "CoreWeave and Core Scientific\n\nPublished November 20, 2025\n\nCoreWeave's acquisition of Core Scientific is expected to close in the fourth quarter of 2025.\n";
    let a = analyze(Source::from_text("late.txt", text), &options);
    assert_eq!(a.statuses.len(), 1, "{:?}", a.statuses);
    assert!(
        a.statuses[0]
            .message
            .contains("the agreement was terminated on 2025-10-30"),
        "{}",
        a.statuses[0].message
    );
    // The same text dated on the announcement day is current.
    let early = text.replace("November 20, 2025", "July 8, 2025");
    let a = analyze(Source::from_text("early.txt", &early), &options);
    assert!(a.statuses.is_empty(), "{:?}", a.statuses);
}

#[test]
fn facts_after_the_document_date_are_not_used() {
    let options = Options {
        records: support::corpus_records(),
        ..Options::default()
    };
    // The September proxy's $15.64 was unknown on July 8, 2025.
    let text = "Published July 8, 2025\n\nCoreWeave's offer for Core Scientific is worth approximately $15.64 per Core Scientific share.\n";
    let a = analyze(Source::from_text("early.txt", text), &options);
    let k = check_of(&a, "approximately $15.64 per Core Scientific share");
    assert_ne!(
        k.fact.as_deref(),
        Some("implied-price-sep25"),
        "{}",
        k.reason
    );
    assert_ne!(k.verdict, Verdict::Supported, "{}", k.reason);
    let late = text.replace("July 8, 2025", "October 1, 2025");
    let a = analyze(Source::from_text("late.txt", &late), &options);
    let k = check_of(&a, "approximately $15.64 per Core Scientific share");
    assert_eq!(
        (k.verdict, k.fact.as_deref()),
        (Verdict::Supported, Some("implied-price-sep25")),
        "{}",
        k.reason
    );
}
