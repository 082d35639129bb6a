//! Table tests of the number grammar: tests/data/claims.tsv (claim phrases
//! with kind, value, unit, comparator, upper, precision and extras) and
//! tests/data/non_claims.tsv (sentences whose numbers are not claims).

use claimlens::{Options, Source, analyze};

fn claims_of(sentence: &str) -> (claimlens::Analysis, Vec<usize>) {
    let a = analyze(
        Source::from_text("row.txt", &sentence.replace("\\u00a0", "\u{a0}")),
        &Options::default(),
    );
    let idx = (0..a.claims.len()).collect();
    (a, idx)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-12)
}

#[test]
fn claim_phrases() {
    let data = include_str!("data/claims.tsv");
    let mut failures = Vec::new();
    let mut rows = 0;
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        rows += 1;
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 8, "line {}: needs 8 columns: {line:?}", n + 1);
        let (sentence, text) = (f[0], f[1].replace("\\u00a0", "\u{a0}"));
        let (a, idx) = claims_of(sentence);
        if text == "-" {
            if !idx.is_empty() {
                failures.push(format!(
                    "line {}: {sentence:?}: expected no claim, got {:?}",
                    n + 1,
                    idx.iter()
                        .map(|&i| a.text_of(&a.claims[i]))
                        .collect::<Vec<_>>()
                ));
            }
            continue;
        }
        let Some(c) = a.claims.iter().find(|c| a.text_of(*c) == text) else {
            failures.push(format!(
                "line {}: {sentence:?}: no claim {text:?}; found {:?}",
                n + 1,
                a.claims.iter().map(|c| a.text_of(c)).collect::<Vec<_>>()
            ));
            continue;
        };
        let mut bad = Vec::new();
        if c.kind.name() != f[2] {
            bad.push(format!("kind {} != {}", c.kind.name(), f[2]));
        }
        match (f[3], c.value) {
            ("-", None) => {}
            (want, Some(v)) => {
                if want.parse::<f64>().map_or(true, |w| !close(v.to_f64(), w)) {
                    bad.push(format!("value {v} != {want}"));
                }
            }
            (want, None) => bad.push(format!("value none != {want}")),
        }
        if c.unit != f[4] {
            bad.push(format!("unit {:?} != {:?}", c.unit, f[4]));
        }
        if c.comparator.name() != f[5] {
            bad.push(format!("comparator {} != {}", c.comparator.name(), f[5]));
        }
        match (f[6], c.upper) {
            ("-", None) => {}
            (want, Some(u)) if want.parse::<f64>().is_ok_and(|w| close(u.to_f64(), w)) => {}
            (want, got) => bad.push(format!("upper {got:?} != {want}")),
        }
        if f[7].parse::<f64>().map_or(true, |p| !close(c.precision, p)) {
            bad.push(format!("precision {} != {}", c.precision, f[7]));
        }
        for extra in &f[8..] {
            let (k, v) = extra.split_once('=').unwrap_or((extra, ""));
            let got = match k {
                "change" => c
                    .change
                    .map_or("none".to_string(), |x| format!("{x:?}").to_lowercase()),
                "about" => c.about.clone(),
                "quoted" => c.quoted.to_string(),
                "period" => c.period.map_or("none".to_string(), |p| p.to_string()),
                _ => format!("unknown extra {k}"),
            };
            if got != v {
                bad.push(format!("{k} {got:?} != {v:?}"));
            }
        }
        if !bad.is_empty() {
            failures.push(format!(
                "line {}: {sentence:?} {text:?}: {}",
                n + 1,
                bad.join("; ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {rows} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(rows >= 250, "the table needs at least 250 rows, has {rows}");
}

#[test]
fn non_claims() {
    let data = include_str!("data/non_claims.tsv");
    let mut failures = Vec::new();
    let mut rows = 0;
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        rows += 1;
        let (a, idx) = claims_of(line);
        if !idx.is_empty() {
            failures.push(format!(
                "line {}: {line:?}: found {:?}",
                n + 1,
                idx.iter()
                    .map(|&i| a.text_of(&a.claims[i]))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(rows >= 50, "the table needs at least 50 rows, has {rows}");
    assert!(
        failures.is_empty(),
        "{} of {rows} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
