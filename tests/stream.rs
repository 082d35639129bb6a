//! `claimlens stream`, the line protocol for Spark and friends: one output
//! line per input line, in order, each with its id; error records that do
//! not stop the stream; the same results as `check`; byte-identical output
//! whatever the thread count; shards that cover every line exactly once;
//! answers before the input ends; usage errors.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

mod support;
use support::{assert_same, documents, without};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimlens"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"))
}

/// Runs claimlens with `input` on its standard input.
fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"));
    let mut stdin = child.stdin.take();
    let input = input.to_vec();
    // Written from a thread: claimlens answers while it reads.
    let writer = std::thread::spawn(move || {
        if let Some(s) = stdin.as_mut() {
            let _ = s.write_all(&input);
        }
    });
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("claimlens did not finish: {e}"));
    let _ = writer.join();
    out
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn lines(out: &Output) -> Vec<Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("stream")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot make {}: {e}", dir.display()));
    dir
}

/// The corpus documents `check` reads from corpus/documents, in its order.
fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/documents");
    let mut docs: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| format!("corpus/documents/{}", e.file_name().to_string_lossy()))
                .filter(|p| !p.ends_with(".notes.md"))
                .collect()
        })
        .unwrap_or_default();
    docs.sort();
    assert!(docs.len() >= 8, "the corpus is missing: {docs:?}");
    docs
}

fn read(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

fn jsonl(values: &[Value]) -> String {
    values.iter().map(|v| format!("{v}\n")).collect()
}

/// What `check --format jsonl` says of `doc`: its document objects, one per
/// part of an EDGAR submission.
fn check(doc: &str, extra: &[&str]) -> Vec<Value> {
    let args = [
        &[
            "check",
            doc,
            "--record",
            "corpus/records",
            "--format",
            "jsonl",
        ][..],
        extra,
    ]
    .concat();
    let out = run(&args);
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        text(&out.stderr)
    );
    lines(&out)
}

#[test]
fn every_document_has_the_result_check_gives_it() {
    let docs = corpus();
    let input: Vec<Value> = docs.iter().map(|d| json!({"id": d, "path": d})).collect();
    let out = run_stdin(
        &["stream", "--record", "corpus/records"],
        jsonl(&input).as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let results = lines(&out);
    assert_eq!(results.len(), docs.len());
    let mut parts = 0;
    for (doc, result) in docs.iter().zip(&results) {
        assert_eq!(result["id"], json!(doc));
        assert_eq!(result["schema"], "claimlens/1");
        assert!(result.get("error").is_none(), "{result}");
        let expected = check(doc, &[]);
        let got = documents(result);
        assert_eq!(got.len(), expected.len(), "{doc}");
        for (g, e) in got.iter().zip(&expected) {
            assert_same(g, &without(e, &["schema"]), doc);
        }
        parts += got.len();
        if let Some(p) = result["parts"].as_array() {
            // A submission: its totals add up its parts.
            assert_eq!(result["format"], "edgar");
            assert!(p.len() > 1, "{doc}");
            for field in [
                "claims",
                "supported",
                "contradicted",
                "unverifiable",
                "markers",
                "words",
            ] {
                let sum: u64 = p
                    .iter()
                    .map(|d| d["summary"][field].as_u64().unwrap_or(0))
                    .sum();
                assert_eq!(
                    result["summary"][field].as_u64(),
                    Some(sum),
                    "{doc} {field}"
                );
            }
        }
    }
    assert!(
        parts > docs.len(),
        "the corpus has an EDGAR submission in parts"
    );
}

#[test]
fn text_and_html_content_give_the_same_result_as_the_file() {
    for doc in corpus() {
        let name = Path::new(&doc)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let key = if name.ends_with(".html") {
            "html"
        } else {
            "text"
        };
        let line = json!({"id": name, key: read(&doc)});
        let out = run_stdin(
            &["stream", "--record", "corpus/records"],
            jsonl(&[line]).as_bytes(),
        );
        let result = lines(&out).pop().unwrap_or_default();
        assert_eq!(result["id"], json!(name));
        let got = documents(&result);
        let expected = check(&doc, &[]);
        assert_eq!(got.len(), expected.len(), "{doc}");
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!(g["path"], json!(name), "the id names the document");
            assert_same(
                &without(g, &["path"]),
                &without(e, &["path", "schema"]),
                &doc,
            );
        }
    }
}

#[test]
fn one_line_per_input_line_in_order_with_error_records_and_exit_zero() {
    let dir = scratch("errors");
    let binary = dir.join("image.txt");
    std::fs::write(&binary, b"GIF89a\x00\x01\x02\x00binary").unwrap_or_else(|e| panic!("{e}"));
    let seed = "corpus/documents/commentary-coreweave-core-scientific.txt";
    let input = [
        json!({"id": "seed", "path": seed}).to_string(),
        "{not json".to_string(),
        String::new(),
        json!({"text": "no id here"}).to_string(),
        json!({"id": 7, "path": "no/such/file.txt"}).to_string(),
        json!({"id": "bin", "path": binary.display().to_string()}).to_string(),
        json!({"id": "nul", "text": "a\u{0}b"}).to_string(),
        json!({"id": [1, 2], "text": "x"}).to_string(),
        json!({"id": "both", "text": "x", "html": "y"}).to_string(),
        "   \r".to_string(),
        json!({"id": "md", "text": "# Deal\n\nIt paid **$9 billion**.", "format": "markdown"})
            .to_string(),
        // The last line has no line break.
        json!({"id": 4.5e1, "text": "It paid $2 billion."}).to_string(),
    ]
    .join("\n");
    let out = run_stdin(&["stream", "--record", "corpus/records"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let results = lines(&out);
    let ids: Vec<String> = results.iter().map(|r| r["id"].to_string()).collect();
    assert_eq!(
        ids,
        [
            "\"seed\"", "null", "null", "null", "7", "\"bin\"", "\"nul\"", "null", "\"both\"",
            "null", "\"md\"", "45.0"
        ]
    );
    // The raw line echoes the id exactly as written.
    assert!(
        text(&out.stdout)
            .lines()
            .last()
            .is_some_and(|l| l.contains("\"id\":45.0,"))
    );
    let errors: Vec<(u64, String)> = results
        .iter()
        .filter_map(|r| Some((r["line"].as_u64()?, r["error"].as_str()?.to_string())))
        .collect();
    let expect = [
        (2, "not JSON"),
        (3, "empty line"),
        (4, "no \"id\""),
        (5, "no/such/file.txt: cannot read"),
        (6, "looks binary"),
        (7, "looks binary"),
        (8, "\"id\" must be a string or a number"),
        (9, "more than one"),
        (10, "empty line"),
    ];
    assert_eq!(errors.len(), expect.len(), "{errors:?}");
    for ((line, message), (want_line, want)) in errors.iter().zip(expect) {
        assert_eq!(*line, want_line, "{message}");
        assert!(message.contains(want), "line {line}: {message}");
    }
    for r in &results {
        assert_eq!(r["schema"], "claimlens/1");
        if r.get("error").is_some() {
            let keys: Vec<&String> = r
                .as_object()
                .map(|o| o.keys().collect())
                .unwrap_or_default();
            assert_eq!(
                keys.len(),
                4,
                "an error record is schema, id, error, line: {r}"
            );
        }
    }
    assert_eq!(results[0]["claims"].as_array().map(Vec::len), Some(4));
    assert_eq!(results[10]["format"], "markdown");
    assert_eq!(results[11]["claims"][0]["text"], "$2 billion");
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn a_line_over_max_bytes_is_an_error_record_and_the_stream_goes_on() {
    let long = json!({"id": "long", "text": "x".repeat(5000)}).to_string();
    let input = format!(
        "{long}\n{}\n",
        json!({"id": "short", "text": "It paid $1 billion."})
    );
    let out = run_stdin(&["stream", "--max-bytes", "1000"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let results = lines(&out);
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["id"], Value::Null);
    assert!(
        results[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("--max-bytes")),
        "{}",
        results[0]
    );
    assert_eq!(results[1]["id"], "short");
}

/// Corpus documents as `text` lines, many times over, with bad lines among
/// them: enough for several batches.
fn many_lines() -> String {
    let docs = corpus();
    let mut input = String::new();
    for round in 0..12 {
        for (i, doc) in docs.iter().enumerate() {
            let key = if doc.ends_with(".html") {
                "html"
            } else {
                "text"
            };
            input.push_str(&json!({"id": format!("{round}/{doc}"), key: read(doc)}).to_string());
            input.push('\n');
            if i == round % docs.len() {
                input.push_str("{\"id\": \"broken\n");
            }
        }
    }
    input
}

#[test]
fn the_output_is_byte_identical_whatever_the_thread_count() {
    let input = many_lines();
    let with = |threads: &str| {
        run_stdin(
            &["stream", "--record", "corpus/records", "--threads", threads],
            input.as_bytes(),
        )
    };
    let one = with("1");
    let two = with("2");
    assert_eq!(one.status.code(), Some(0), "{}", text(&one.stderr));
    assert_eq!(two.status.code(), Some(0), "{}", text(&two.stderr));
    assert_eq!(
        one.stdout
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        input.lines().count()
    );
    assert!(one.stdout == two.stdout, "--threads 1 and 2 differ");
}

#[test]
fn shards_cover_every_line_exactly_once() {
    let input = many_lines();
    let all = run_stdin(&["stream", "--record", "corpus/records"], input.as_bytes());
    let all_lines: Vec<String> = text(&all.stdout).lines().map(str::to_string).collect();
    assert_eq!(all_lines.len(), input.lines().count());
    let mut union: Vec<String> = Vec::new();
    for k in 0..3 {
        let shard = format!("{k}/3");
        let out = run_stdin(
            &["stream", "--record", "corpus/records", "--shard", &shard],
            input.as_bytes(),
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let got: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
        assert!(
            !got.is_empty() && got.len() < all_lines.len(),
            "shard {shard}: {} lines",
            got.len()
        );
        for line in &got {
            let v: Value = serde_json::from_str(line).unwrap_or_default();
            match v["id"].as_str() {
                // FNV-1a 64 of the id's UTF-8 bytes, modulo 3.
                Some(id) => assert_eq!(fnv1a64(id.as_bytes()) % 3, k, "{id} in shard {shard}"),
                None => assert_eq!(k, 0, "lines without an id belong to shard 0"),
            }
        }
        union.extend(got);
    }
    let mut expected = all_lines.clone();
    expected.sort();
    union.sort();
    assert!(
        union == expected,
        "the shards together are not the whole output"
    );
}

/// The reference FNV-1a 64 (as a Python or Scala job would write it).
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[test]
fn a_date_on_the_line_acts_as_as_of_for_that_document() {
    let doc = "corpus/documents/commentary-coreweave-core-scientific.txt";
    let input = jsonl(&[
        json!({"id": "dated", "path": doc, "date": "2025-11-14"}),
        json!({"id": "undated", "path": doc}),
    ]);
    let out = run_stdin(&["stream", "--record", "corpus/records"], input.as_bytes());
    let results = lines(&out);
    let dated = without(&check(doc, &["--as-of", "2025-11-14"])[0], &["schema"]);
    assert_same(&documents(&results[0])[0], &dated, "dated");
    let undated = without(&check(doc, &[])[0], &["schema"]);
    assert_same(&documents(&results[1])[0], &undated, "undated");
    assert_eq!(results[0]["date"], "2025-11-14");
    assert_eq!(results[1]["date"], Value::Null);
}

#[test]
fn results_come_before_the_input_ends() {
    let mut child = bin()
        .args(["stream", "--record", "corpus/records"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"));
    let mut stdin = child.stdin.take();
    let stdout = child.stdout.take();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        if let Some(out) = stdout {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        }
    });
    for i in 0..2 {
        let line = json!({"id": i, "text": format!("It paid ${i} billion.")});
        if let Some(s) = stdin.as_mut() {
            let _ = writeln!(s, "{line}").and_then(|()| s.flush());
        }
        // The input is still open: the answer comes all the same.
        let answer = rx.recv_timeout(Duration::from_secs(60));
        let v: Value = serde_json::from_str(&answer.unwrap_or_default()).unwrap_or_default();
        assert_eq!(
            v["id"],
            json!(i),
            "no answer to line {} before the input ended",
            i + 1
        );
    }
    drop(stdin);
    let status = child.wait().ok().and_then(|s| s.code());
    let _ = reader.join();
    assert_eq!(status, Some(0));
}

#[test]
fn a_closed_output_ends_the_stream_quietly() {
    let input = many_lines().repeat(3);
    let mut child = bin()
        .args(["stream", "--threads", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"));
    let mut stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(s) = stdin.as_mut() {
            let _ = s.write_all(input.as_bytes());
        }
    });
    // Read one line, then close the pipe (as `head -1` does).
    if let Some(out) = child.stdout.take() {
        let mut first = String::new();
        let _ = BufReader::new(out).read_line(&mut first);
        assert!(first.contains("\"schema\""), "{first}");
    }
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("claimlens did not finish: {e}"));
    let _ = writer.join();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        &["stream", "--shard", "3/3"][..],
        &["stream", "--shard", "1/0"],
        &["stream", "--shard", "two/three"],
        &["stream", "--shard", "-1/3"],
        &["stream", "--threads", "0"],
        &["stream", "--record", "no/such/record.toml"],
        &["stream", "--lexicon", "no/such/lexicon.toml"],
        &["stream", "stray-argument"],
    ] {
        let out = run(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = run(&["stream", "--shard", "3/3"]);
    assert!(
        text(&out.stderr).contains("less than N"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["stream", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("--shard <K/N>"));
}

#[test]
fn an_empty_input_gives_an_empty_output() {
    let out = run_stdin(&["stream"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}
