//! Batches from the command line: the output does not depend on the number
//! of threads, machine formats keep stdout clean, `--baseline` accepts
//! known findings, and every format runs end to end.

// A skipped test says why on stderr; the browser test names its screenshot.
#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .env_remove("NO_COLOR")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("batch")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot make {}: {e}", dir.display()));
    dir
}

/// `shared/corpus-large` beside the checkout (CI: `../shared`; a git
/// worktree under `wt/`: `../../shared`).
fn corpus_large() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared/corpus-large", "../../shared/corpus-large"]
        .iter()
        .map(|p| root.join(p))
        .find(|p| p.is_dir())
}

#[test]
fn threads_do_not_change_the_output_over_corpus_large() {
    let Some(dir) = corpus_large() else {
        eprintln!(
            "note: ../shared/corpus-large is absent; the determinism test over it is skipped"
        );
        return;
    };
    let dir = dir.display().to_string();
    let with_threads = |n: &str| {
        let args = [
            "check",
            &dir,
            "--record",
            "corpus/records",
            "--format",
            "jsonl",
            "--threads",
            n,
        ];
        run(&args)
    };
    // The two runs side by side: the same work, half the wait.
    let (one, two) = std::thread::scope(|s| {
        let one = s.spawn(|| with_threads("1"));
        let two = with_threads("2");
        (
            one.join()
                .unwrap_or_else(|_| panic!("the --threads 1 run panicked")),
            two,
        )
    });
    assert!(
        one.status.code().is_some_and(|c| c < 2),
        "threads 1 failed: {}",
        text(&one.stderr)
    );
    assert_eq!(one.status.code(), two.status.code());
    let lines = one
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .count();
    assert!(
        lines >= 50,
        "only {lines} documents analysed; stderr: {}",
        text(&one.stderr)
    );
    assert!(
        one.stdout == two.stdout,
        "--threads 1 and --threads 2 differ over {dir}"
    );
    assert_eq!(one.stderr, two.stderr, "the messages differ too");
}

#[test]
fn threads_do_not_change_any_format_over_the_corpus() {
    for format in ["human", "json", "jsonl", "html", "markdown", "csv", "sarif"] {
        let base = [
            "check",
            "corpus/documents",
            "--record",
            "corpus/records",
            "--color",
            "never",
            "--format",
            format,
        ];
        let one = run(&[&base[..], &["--threads", "1"]].concat());
        let three = run(&[&base[..], &["--threads", "3"]].concat());
        assert_eq!(
            one.status.code(),
            Some(0),
            "{format}: {}",
            text(&one.stderr)
        );
        let strip_time = |s: &[u8]| {
            text(s)
                .lines()
                .filter(|l| !l.contains(" documents: "))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            strip_time(&one.stdout),
            strip_time(&three.stdout),
            "{format} differs with the thread count"
        );
        assert!(!one.stdout.is_empty(), "{format} wrote nothing");
    }
}

#[test]
fn threads_must_be_at_least_one() {
    let out = run(&["check", "corpus/documents", "--threads", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn machine_formats_keep_stdout_clean_and_the_human_summary_has_the_time() {
    let out = run(&[
        "check",
        "corpus/documents",
        "--record",
        "corpus/records",
        "--format",
        "jsonl",
    ]);
    for line in text(&out.stdout).lines() {
        assert!(
            serde_json::from_str::<serde_json::Value>(line).is_ok(),
            "not JSON on stdout: {line}"
        );
    }
    let out = run(&[
        "check",
        "corpus/documents",
        "--record",
        "corpus/records",
        "--color",
        "never",
    ]);
    let last = text(&out.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(
        last.contains(" documents: ") && last.contains(" markers") && last.ends_with('s'),
        "{last}"
    );
    assert!(
        last.contains(", in ") && last.contains(" claims ("),
        "{last}"
    );
}

#[test]
fn csv_lists_claims_or_markers() {
    let claims = run(&[
        "check",
        "corpus/documents",
        "--record",
        "corpus/records",
        "--format",
        "csv",
    ]);
    let stdout = text(&claims.stdout);
    assert!(
        stdout.starts_with(
            "document,line,column,kind,text,value,unit,comparator,verdict,severity,fact,reason"
        ),
        "{stdout}"
    );
    let json = run(&["check", "corpus/documents", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap_or_default();
    let n: usize = v["documents"].as_array().map_or(0, |d| {
        d.iter()
            .map(|d| d["claims"].as_array().map_or(0, Vec::len))
            .sum()
    });
    assert_eq!(
        stdout.matches("\r\n").count(),
        n + 1,
        "one row per claim and a header"
    );
    let markers = run(&[
        "check",
        "corpus/documents",
        "--format",
        "csv",
        "--what",
        "markers",
    ]);
    assert!(
        text(&markers.stdout)
            .starts_with("document,line,column,category,cue,text,sentence,voice,context,id\r\n")
    );
}

#[test]
fn a_baseline_is_written_then_only_new_findings_fail() {
    let dir = scratch("baseline");
    let baseline = dir.join("accepted.json");
    let b = baseline.display().to_string();
    let doc = "corpus/documents/commentary-coreweave-core-scientific.txt";
    let args = [
        "check",
        doc,
        "--record",
        "corpus/records",
        "--format",
        "jsonl",
        "--fail-on",
        "unverifiable",
    ];
    // Without a baseline, the unverifiable claims fail the run.
    let out = run(&args);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    // The first run with --baseline writes it and passes.
    let out = run(&[&args[..], &["--baseline", &b]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("wrote baseline"),
        "{}",
        text(&out.stderr)
    );
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap_or_default())
            .unwrap_or_default();
    assert_eq!(written["schema"], "claimlens-baseline/1");
    let findings = written["findings"].as_array().cloned().unwrap_or_default();
    assert!(
        !findings.is_empty()
            && findings
                .iter()
                .all(|f| f["hash"].as_str().is_some_and(|h| h.len() == 16))
    );
    // The same findings again: nothing new.
    let out = run(&[&args[..], &["--baseline", &b]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // A second document (the same text under another path) brings new findings.
    let copy = dir.join("copy.txt");
    std::fs::copy(doc, &copy).unwrap_or_else(|e| panic!("{e}"));
    let other = copy.display().to_string();
    let other = other.as_str();
    let out = run(&[
        "check",
        doc,
        other,
        "--record",
        "corpus/records",
        "--format",
        "jsonl",
        "--fail-on",
        "unverifiable",
        "--baseline",
        &b,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    // A broken baseline is a usage error, reported before any work.
    std::fs::write(&baseline, "{\"not\": \"a baseline\"}").unwrap_or_else(|e| panic!("{e}"));
    let out = run(&[&args[..], &["--baseline", &b]].concat());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("accepted.json"),
        "{}",
        text(&out.stderr)
    );
}
