//! The Spark job (`examples/spark/claimlens_job.py`) in `local[2]` mode: over
//! the corpus folder and over JSON Lines, every id comes back exactly once,
//! with the result `claimlens check` gives for that document.
//!
//! It needs PySpark and Java, so it runs only when `CLAIMLENS_SPARK_TEST` is
//! set (`.ci/run` sets it, after installing PySpark into
//! `target/spark-venv`), and skips with a note otherwise. `spark-submit` is
//! `CLAIMLENS_SPARK_SUBMIT`, else `target/spark-venv/bin/spark-submit`, else
//! the one on the PATH.

// A skipped test says why on stderr; the Spark run reports its time.
#![allow(clippy::print_stderr)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

mod support;
use support::{assert_same, documents, without};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// How `spark-submit` is run, or `None` (with a note) to skip.
fn spark_submit() -> Option<Command> {
    if std::env::var_os("CLAIMLENS_SPARK_TEST").is_none() {
        eprintln!(
            "note: the Spark test is skipped; set CLAIMLENS_SPARK_TEST=1 with PySpark installed (see .ci/run)"
        );
        return None;
    }
    let venv = Path::new(ROOT).join("target/spark-venv/bin");
    let mut command = match std::env::var_os("CLAIMLENS_SPARK_SUBMIT") {
        Some(s) => Command::new(s),
        None if venv.join("spark-submit").is_file() => {
            let mut c = Command::new(venv.join("spark-submit"));
            // spark-submit and the Python workers find PySpark through `python3`.
            let path = std::env::var_os("PATH").unwrap_or_default();
            let paths = std::iter::once(venv.clone()).chain(std::env::split_paths(&path));
            c.env(
                "PATH",
                std::env::join_paths(paths).unwrap_or_else(|e| panic!("{e}")),
            );
            c
        }
        None => Command::new("spark-submit"),
    };
    command
        .current_dir(ROOT)
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .stdin(Stdio::null());
    Some(command)
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("spark")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot make {}: {e}", dir.display()));
    dir
}

/// Runs the job over `input` into `dir/out` and returns its result lines.
fn run_job(mut submit: Command, input: &str, dir: &Path) -> Vec<Value> {
    let out = dir.join("out");
    let log = dir.join("spark.log");
    let log_file = std::fs::File::create(&log)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", log.display()));
    let err_file = log_file
        .try_clone()
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", log.display()));
    submit
        .args([
            "--master",
            "local[2]",
            "examples/spark/claimlens_job.py",
            "--input",
            input,
            "--record",
            "corpus/records",
            "--binary",
            env!("CARGO_BIN_EXE_claimlens"),
            "--partitions",
            "2",
            "--output",
        ])
        .arg(&out)
        .stdout(log_file)
        .stderr(err_file);
    let started = Instant::now();
    let mut child = submit
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run spark-submit ({e}); install PySpark (see .ci/run)"));
    let status = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "the Spark job took over 5 minutes; its log: {}",
                log.display()
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let log_text = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        status.success(),
        "the Spark job failed ({status}); the end of its log:\n{}",
        tail(&log_text)
    );
    eprintln!(
        "the Spark job over {input} took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        log_text.contains("claimlens_job: "),
        "no summary line:\n{}",
        tail(&log_text)
    );
    for part in ["parquet", "json"] {
        assert!(
            out.join(part).join("_SUCCESS").is_file(),
            "no {part} output"
        );
    }
    let parquet_files = std::fs::read_dir(out.join("parquet"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().ends_with(".parquet"))
                .count()
        })
        .unwrap_or(0);
    assert!(parquet_files > 0, "no Parquet files");
    let mut lines = Vec::new();
    for entry in std::fs::read_dir(out.join("json"))
        .into_iter()
        .flatten()
        .flatten()
    {
        if entry.file_name().to_string_lossy().starts_with("part-") {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for line in text.lines() {
                lines.push(
                    serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")),
                );
            }
        }
    }
    lines
}

fn tail(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

/// `claimlens check corpus/documents --format jsonl`: each document's
/// objects (several for an EDGAR submission), by file name.
fn check_corpus() -> BTreeMap<String, Vec<Value>> {
    let out = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args([
            "check",
            "corpus/documents",
            "--record",
            "corpus/records",
            "--format",
            "jsonl",
        ])
        .current_dir(ROOT)
        .output()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"));
    let mut by_name: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: Value = serde_json::from_str(line).unwrap_or_default();
        let path = v["path"].as_str().unwrap_or_default();
        let name = path.trim_start_matches("corpus/documents/").to_string();
        by_name
            .entry(name)
            .or_default()
            .push(without(&v, &["schema", "path"]));
    }
    assert!(by_name.len() >= 8, "check read too little: {by_name:?}");
    by_name
}

/// Each id once, each with check's result for its document.
fn assert_results_are_checks(results: &[Value], expected: &BTreeMap<String, Vec<Value>>) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for r in results {
        let id = r["id"].as_str().unwrap_or_default().to_string();
        *seen.entry(id.clone()).or_default() += 1;
        let Some(want) = expected.get(&id) else {
            panic!(
                "unexpected result: {}",
                without(r, &["parts", "claims", "markers"])
            );
        };
        assert!(r.get("error").is_none(), "{r}");
        let got = documents(r);
        assert_eq!(got.len(), want.len(), "{id}: parts");
        for (g, w) in got.iter().zip(want) {
            assert_same(&without(g, &["path"]), w, &id);
        }
    }
    let names: Vec<&String> = expected.keys().collect();
    assert_eq!(seen.keys().collect::<Vec<_>>(), names, "ids");
    assert!(
        seen.values().all(|&n| n == 1),
        "an id came back twice: {seen:?}"
    );
}

#[test]
fn the_job_over_the_corpus_folder_gives_checks_results() {
    let Some(submit) = spark_submit() else { return };
    let results = run_job(submit, "corpus/documents", &scratch("folder"));
    assert_results_are_checks(&results, &check_corpus());
}

#[test]
fn the_job_over_json_lines_gives_checks_results_and_error_records() {
    let Some(submit) = spark_submit() else { return };
    let dir = scratch("jsonl");
    let expected = check_corpus();
    let mut input = String::new();
    for name in expected.keys() {
        let path = Path::new(ROOT).join("corpus/documents").join(name);
        input.push_str(&json!({"id": name, "path": path.display().to_string()}).to_string());
        input.push('\n');
    }
    input.push_str("{\"id\": \"broken\"\n");
    input.push_str(&json!({"id": 404, "path": "no/such/file.txt"}).to_string());
    input.push('\n');
    let file = dir.join("documents.jsonl");
    std::fs::write(&file, input).unwrap_or_else(|e| panic!("{e}"));
    let results = run_job(submit, &file.display().to_string(), &dir);
    let (errors, documents): (Vec<Value>, Vec<Value>) =
        results.into_iter().partition(|r| r.get("error").is_some());
    assert_results_are_checks(&documents, &expected);
    let mut ids: Vec<String> = errors.iter().map(|e| e["id"].to_string()).collect();
    ids.sort();
    assert_eq!(ids, ["404", "null"], "{errors:?}");
}
