//! The command line: exit codes, standard input, missing and unreadable
//! files among good ones, atomic --output, colour rules.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimlens"));
    c.env_remove("NO_COLOR")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"))
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"));
    child
        .stdin
        .take()
        .map(|mut s| s.write_all(input.as_bytes()));
    child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("claimlens did not finish: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot make {}: {e}", dir.display()));
    dir
}

const SEED: &str = "corpus/documents/commentary-coreweave-core-scientific.txt";

#[test]
fn check_runs_and_exits_zero() {
    let out = run(&["check", SEED, "--record", "corpus/records"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("$9 billion"), "{stdout}");
    assert!(stdout.contains("summary:"), "{stdout}");
}

#[test]
fn standard_input_is_read() {
    let out = run_stdin(
        &["check", "-", "--format", "json"],
        "CoreWeave pays $9 billion for less than 10% of it.",
    );
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(v["documents"][0]["path"], "-");
    assert_eq!(
        v["documents"][0]["claims"].as_array().map(Vec::len),
        Some(2)
    );
}

#[test]
fn missing_file_among_good_ones_is_reported_and_the_rest_run() {
    let out = run(&["check", "no/such/file.txt", SEED, "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("no/such/file.txt") && stderr.contains("no such file"),
        "{stderr}"
    );
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], "no/such/file.txt");
    assert!(lines[0]["error"].is_string());
    assert!(lines[1]["claims"].as_array().is_some_and(|c| !c.is_empty()));
}

#[cfg(unix)]
#[test]
fn unreadable_file_among_good_ones() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    std::fs::write(dir.join("a.txt"), "It paid $9 billion.").unwrap_or_default();
    std::fs::write(dir.join("b.txt"), "Secret $1 billion.").unwrap_or_default();
    std::fs::write(dir.join("c.txt"), "Holders own 9.4% of it.").unwrap_or_default();
    let b = dir.join("b.txt");
    std::fs::set_permissions(&b, std::fs::Permissions::from_mode(0o000)).unwrap_or_default();
    // root can read anything; the test then only checks that all files ran
    let root_reads = std::fs::read(&b).is_ok();
    let out = run(&[
        "check",
        dir.to_str().unwrap_or_default(),
        "--format",
        "jsonl",
    ]);
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert_eq!(lines.len(), 3, "{}", text(&out.stdout));
    if !root_reads {
        assert_eq!(out.status.code(), Some(2));
        assert!(
            lines[1]["error"]
                .as_str()
                .is_some_and(|e| e.contains("permission denied"))
        );
        assert!(text(&out.stderr).contains("b.txt"));
    }
    assert!(lines[2]["claims"].as_array().is_some_and(|c| c.len() == 1));
    std::fs::set_permissions(&b, std::fs::Permissions::from_mode(0o644)).unwrap_or_default();
}

#[test]
fn binary_files_are_skipped_with_a_warning() {
    let dir = scratch("binary");
    std::fs::write(dir.join("a.txt"), b"PK\x03\x04\x00\x00binary").unwrap_or_default();
    std::fs::write(dir.join("b.txt"), "Holders own 9.4% of it.").unwrap_or_default();
    let out = run(&[
        "check",
        dir.to_str().unwrap_or_default(),
        "--format",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("warning") && text(&out.stderr).contains("a.txt"));
    // The report accounts for it too: an entry that says it was skipped.
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("a.txt"))
    );
    assert_eq!(lines[0]["skipped"], true);
    assert!(
        lines[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("binary"))
    );
    assert!(lines[1]["claims"].is_array());
    assert!(lines[1].get("skipped").is_none());
    // The HTML and human summaries count it as skipped, not as unreadable.
    for format in ["html", "human"] {
        let out = run(&[
            "check",
            dir.to_str().unwrap_or_default(),
            "--format",
            format,
            "--color",
            "never",
        ]);
        let report = text(&out.stdout);
        assert!(report.contains("1 skipped"), "{format}: {report}");
        assert!(!report.contains("could not be read"), "{format}: {report}");
    }
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", SEED, "--format", "yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", SEED, "--as-of", "yesterday"]).status.code(),
        Some(2)
    );
}

#[test]
fn help_shows_examples() {
    let out = run(&["check", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("Examples:"));
}

#[test]
fn bad_record_exits_two_naming_file_and_line() {
    let dir = scratch("badrecord");
    let rec = dir.join("r.toml");
    std::fs::write(&rec, "id = \"x\"\ntitle = \"t\"\n[[fact]]\nid = \"a\"\nabout = \"a\"\nkind = \"money\"\nvalue = 1\nunit = \"USD\"\nsource = \"s\"\nbogus = 1\n").unwrap_or_default();
    let out = run(&["check", SEED, "--record", rec.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("r.toml:") && err.contains("bogus"), "{err}");
}

#[test]
fn output_is_written_atomically() {
    let dir = scratch("output");
    let target = dir.join("report.json");
    let out = run(&[
        "check",
        SEED,
        "--format",
        "json",
        "--output",
        target.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&target).unwrap_or_default()).unwrap_or_default();
    assert_eq!(v["schema"], "claimlens/1");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .map(|r| r.filter_map(Result::ok).collect())
        .unwrap_or_default();
    assert_eq!(leftovers.len(), 1, "temporary files left behind");
    // A report that cannot be written leaves nothing behind and exits 2.
    let bad = dir.join("missing-dir").join("r.json");
    let out = run(&["check", SEED, "--output", bad.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!bad.exists());
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = run(&["check", SEED]);
    assert!(
        !text(&plain.stdout).contains('\x1b'),
        "no colour when piped"
    );
    let forced = run(&["check", SEED, "--color", "always"]);
    assert!(text(&forced.stdout).contains('\x1b'));
    let json = run(&["check", SEED, "--color", "always", "--format", "json"]);
    assert!(!text(&json.stdout).contains('\x1b'), "never colour in JSON");
}

#[test]
fn tokens_prints_sentences_and_words_with_spans() {
    let out = run_stdin(&["tokens", "-"], "One sentence. Two words.");
    assert_eq!(out.status.code(), Some(0));
    let s = text(&out.stdout);
    assert!(s.contains("sentence 1 [0..13] 1:1 One sentence."), "{s}");
    assert!(s.contains("  word [14..17] Two"), "{s}");
}

#[test]
fn empty_directory_is_a_usage_error() {
    let dir = scratch("emptydir");
    let out = run(&["check", dir.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no documents found"));
}

#[test]
fn record_validate_reports_every_problem_with_its_place() {
    let out = run(&[
        "record",
        "validate",
        "corpus/records/coreweave-core-scientific-2025.toml",
        "corpus/records/broadcom-vmware-2022.toml",
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("coreweave-core-scientific-2025.toml: ok")
            && stdout.contains("broadcom-vmware-2022.toml: ok"),
        "{stdout}"
    );

    let dir = scratch("validate");
    let bad = dir.join("bad.toml");
    let body = "id = \"x\"\ntitle = \"t\"\n\n[[fact]]\nid = \"a\"\nabout = \"a\"\nkind = \"money\"\nvalue = 1\nunit = \"USD\"\nsource = \"s\"\nbogus = 1\n\n[[fact]]\nid = \"a\"\nabout = \"a\"\nkind = \"percent\"\nvalue = 1\nunit = \"%\"\nqualifier = \"range\"\nsource = \"s\"\n";
    std::fs::write(&bad, body).unwrap_or_default();
    let json = dir.join("bad.json");
    std::fs::write(&json, "{\"id\": \"x\", \"title\": \"t\",\n \"fact\": [{\"id\": \"a\", \"about\": \"a\", \"kind\": \"money\", \"value\": 1, \"unit\": \"dollars\", \"source\": \"s\"}]}\n").unwrap_or_default();
    let out = run(&[
        "record",
        "validate",
        bad.to_str().unwrap_or_default(),
        json.to_str().unwrap_or_default(),
        "corpus/records/microsoft-activision-blizzard-2022.toml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("bad.toml:11:1: ") && stdout.contains("unknown field `bogus`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("bad.toml:14:1: ") && stdout.contains("duplicate fact id"),
        "{stdout}"
    );
    assert!(
        stdout.contains("bad.toml:19:1: ") && stdout.contains("no upper"),
        "{stdout}"
    );
    assert!(
        stdout.contains("bad.json:2:") && stdout.contains("unknown unit \"dollars\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("microsoft-activision-blizzard-2022.toml: ok"),
        "{stdout}"
    );
}

#[test]
fn fail_on_contradicted_and_gross() {
    let doc = "corpus/documents/news-coreweave-core-scientific-announcement.txt";
    let out = run(&[
        "check",
        doc,
        "--record",
        "corpus/records",
        "--fail-on",
        "contradicted",
    ]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", text(&out.stderr));
    let out = run(&[
        "check",
        doc,
        "--record",
        "corpus/records",
        "--fail-on",
        "gross",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let out = run(&[
        "check",
        "corpus/documents/pr-coreweave-core-scientific-2025-07-07.txt",
        "--record",
        "corpus/records",
        "--fail-on",
        "contradicted",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn a_document_no_record_applies_to_is_left_unchecked_and_says_so() {
    let out = run_stdin(
        &[
            "check",
            "-",
            "--record",
            "corpus/records",
            "--format",
            "json",
        ],
        "Acme paid $9 billion for Widgets Inc.",
    );
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let doc = &v["documents"][0];
    assert!(doc["record"].is_null(), "{doc}");
    assert!(
        doc["notes"][0]
            .as_str()
            .is_some_and(|n| n.contains("no record applies")),
        "{doc}"
    );
    assert!(doc["claims"][0]["check"].is_null(), "{doc}");
}

#[test]
fn approx_tolerance_is_an_option_and_printed() {
    let text_in = "Published July 8, 2025\n\nCore Scientific holders would own about 9.8% of the combined company after the CoreWeave deal.";
    let out = run_stdin(
        &[
            "check",
            "-",
            "--record",
            "corpus/records",
            "--format",
            "json",
        ],
        text_in,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let check = &v["documents"][0]["claims"][0]["check"];
    assert_eq!(check["verdict"], "supported", "{check}");
    assert!(
        check["reason"]
            .as_str()
            .is_some_and(|r| r.contains("tolerance of 5%")),
        "{check}"
    );
    let out = run_stdin(
        &[
            "check",
            "-",
            "--record",
            "corpus/records",
            "--format",
            "json",
            "--approx-tolerance",
            "1",
        ],
        text_in,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_ne!(
        v["documents"][0]["claims"][0]["check"]["verdict"], "supported",
        "{v}"
    );
}
