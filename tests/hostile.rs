//! Hostile inputs (issue 9): whatever a fact-checker points claimlens at, it
//! must not panic, not hang, not lose the other results, and not let a
//! document act on the reader's machine.
//!
//! Every input is made at test time under `CARGO_TARGET_TMPDIR` (nothing
//! big is committed) and run through the binary. Each run has a wall-clock
//! limit, [`HANG`], as a hang detector only: a run past it is killed and the
//! test fails. How fast claimlens is, is measured by the benchmarks.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

/// A run that takes longer than this has hung.
const HANG: Duration = Duration::from_secs(120);

/// What a run of the binary left.
struct Run {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// The JSON report (`--format json`): it must parse.
    fn json(&self) -> Value {
        serde_json::from_slice(&self.stdout)
            .unwrap_or_else(|e| panic!("the report is not JSON ({e}); stderr: {}", self.stderr))
    }

    /// The documents of a JSON report.
    fn documents(&self) -> Vec<Value> {
        self.json()["documents"]
            .as_array()
            .cloned()
            .unwrap_or_else(|| panic!("no documents in the report; stderr: {}", self.stderr))
    }

    /// The lines of a JSON Lines report: each must parse.
    fn lines(&self) -> Vec<Value> {
        String::from_utf8_lossy(&self.stdout)
            .lines()
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("a JSONL line is not JSON ({e}): {l:.200}"))
            })
            .collect()
    }
}

/// Runs claimlens in `cwd`, killing it (and failing) after [`HANG`].
fn run_in<S: AsRef<OsStr>>(cwd: &Path, args: &[S]) -> Run {
    let shown: Vec<String> = args
        .iter()
        .map(|a| a.as_ref().to_string_lossy().into_owned())
        .collect();
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"));
    // Read both pipes while waiting, so a large report cannot block the child.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let status = loop {
        if let Some(status) = child.try_wait().unwrap_or_else(|e| panic!("{e}")) {
            break status;
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("claimlens {shown:?} hung: killed after {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&stderr.join().unwrap_or_default()).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "claimlens {shown:?} panicked: {stderr}"
    );
    Run {
        status,
        stdout,
        stderr,
    }
}

fn run<S: AsRef<OsStr>>(args: &[S]) -> Run {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("hostile")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot make {}: {e}", dir.display()));
    dir
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// A party the corpus records know.
const PARTY: &str = "CoreWeave";

/// Two parties of a deal the corpus records know (a document is checked
/// against a record only when it names two of its parties), so that claims
/// are checked.
const PARTIES: &str = "CoreWeave and Core Scientific";

/// The hostile inputs, made once: (file name, bytes).
fn hostile_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(&str, Vec<u8>)> = Vec::new();
    files.push(("empty.txt", Vec::new()));
    files.push(("empty.html", Vec::new()));
    files.push(("empty.md", Vec::new()));
    files.push((
        "whitespace.txt",
        " \t\r\n\u{a0}\u{2003}\u{feff}\n\n\t "
            .repeat(2_000)
            .into_bytes(),
    ));
    files.push(("whitespace.html", b" \r\n\t ".repeat(5_000)));
    files.push(("long-line.txt", long_line()));
    files.push(("dollars.txt", vec![b'$'; 1_000_000]));
    files.push(("too-large-numbers.txt", too_large_numbers().into_bytes()));
    files.push(("deep.html", deep_html()));
    files.push(("deep-hidden.html", deep_hidden_html()));
    files.push(("deep.md", deep_markdown()));
    files.push((
        "unterminated-comment.html",
        b"<p>It paid $9 billion.</p><!-- never closed <p>$1 trillion".to_vec(),
    ));
    files.push((
        "unterminated.md",
        b"It paid $9 billion.\n\n<!-- open\n\n```\nfence never closed $5\n".to_vec(),
    ));
    files.push(("invalid-utf8.txt", invalid_utf8()));
    files.push(("utf16le.txt", utf16(true)));
    files.push(("utf16be.txt", utf16(false)));
    files.push(("utf16-odd.txt", {
        let mut b = utf16(true);
        b.push(b'$');
        b
    }));
    files.push(("nul.txt", b"It paid $9 billion.\0\0\0 More text.".to_vec()));
    files.push(("nul-late.txt", {
        let mut b = format!("{PARTIES} paid $9 billion. ")
            .repeat(500)
            .into_bytes();
        b.extend_from_slice(b"\0\0 After the NULs it paid $2 billion.\0");
        b
    }));
    let mut files: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(name, bytes)| (name.to_string(), bytes))
        .collect();
    for (name, unit, size) in PATTERNS {
        let mut bytes = Vec::new();
        if name.ends_with(".nc") {
            bytes.extend_from_slice(b"<SEC-HEADER>\nFILED AS OF DATE:\t20251031\n</SEC-HEADER>\n");
        }
        bytes.extend_from_slice(format!("{PARTIES} ").as_bytes());
        while bytes.len() < size {
            bytes.extend_from_slice(unit.as_bytes());
        }
        files.push((name.to_string(), bytes));
    }
    for (k, open) in UNTERMINATED.iter().enumerate() {
        let html = format!("<html><body><p>It paid $9 billion.</p>\n{open} and $5 billion");
        files.push((format!("unterminated-{k:02}.html"), html.into_bytes()));
    }
    files.push(("unterminated-many.html".into(), {
        let mut s = "<p>It paid $9 billion.</p>".to_string();
        s.push_str(&"<b".repeat(10_000));
        s.push_str(&"<!--".repeat(10_000));
        s.push_str(&"<a href='".repeat(10_000));
        s.into_bytes()
    }));
    files
}

/// Patterns that made a stage quadratic before it was fixed (file, the
/// unit repeated, size in bytes): each is now read in time proportional to
/// its size. Before: a line of questions searched to the line's end for each
/// one; each `<` of a Markdown line searched for its `>`, each `[` 4 KB
/// ahead; an EDGAR file of documents without `</DOCUMENT>` searched to the
/// end for each; a sentence of thousands of claims weighed each against all
/// (and listed all its markers with each): 512 KB of "10% " took 20 s.
const PATTERNS: [(&str, &str, usize); 7] = [
    ("questions.txt", "Is it? Why? ", 256 << 10),
    ("angles.md", "<a ", 1 << 20),
    ("brackets.md", "[", 1 << 20),
    (
        "documents.nc",
        "<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nIt paid $9 billion.\n",
        256 << 10,
    ),
    (
        "run-on.txt",
        "paid $9 billion for Core Scientific, and the deal was long in the making, \
         with many words between its numbers to keep them apart, ",
        256 << 10,
    ),
    ("crowded.txt", "10% ", 64 << 10),
    (
        "frames.txt",
        "not just a deal but a merger, it is not only cheap, ",
        256 << 10,
    ),
];

/// 30 MB on one line: words, with a sentence of a claim every 64 KiB.
fn long_line() -> Vec<u8> {
    const SIZE: usize = 30 * 1024 * 1024;
    let claim = format!(" {PARTIES} paid $9 billion. ");
    let mut b = Vec::with_capacity(SIZE);
    let mut next = 0;
    while b.len() < SIZE - claim.len() {
        if b.len() >= next {
            b.extend_from_slice(claim.as_bytes());
            next += 64 * 1024;
        }
        b.extend_from_slice(b"lorem ipsum dolor sit amet ");
    }
    b.resize(SIZE, b' ');
    b
}

/// Numbers past f64: `$` and 400 nines and "trillion", and their cousins.
fn too_large_numbers() -> String {
    let nines = |n: usize| "9".repeat(n);
    format!(
        "{PARTIES} paid ${} trillion. It paid ${} billion for {}% of it. \
         The range was between ${} and ${} trillion. It offered {} shares, \
         {}x revenue, a {} percent premium and {} dollars. It paid $1e308 and \
         $179769313486231570000000000000000000000000000000000000000000000000000000000 billion.\n",
        nines(400),
        nines(308),
        nines(400),
        nines(300),
        nines(320),
        nines(500),
        nines(310),
        nines(309),
        nines(1_000),
    )
}

/// A claim inside 100,000 nested elements.
fn deep_html() -> Vec<u8> {
    let mut s = String::from("<html><body>");
    s.push_str(&"<div><span>".repeat(50_000));
    s.push_str(&format!("{PARTIES} paid $9 billion."));
    s.push_str(&"</span></div>".repeat(50_000));
    s.push_str("</body></html>");
    s.into_bytes()
}

/// 100,000 nested hidden elements, never closed.
fn deep_hidden_html() -> Vec<u8> {
    let mut s = String::from("<html><body><p>It paid $9 billion.</p>");
    s.push_str(&"<div hidden><p style=\"display:none\">".repeat(50_000));
    s.push_str("unseen $1 trillion");
    s.into_bytes()
}

/// 100,000 levels of block quote and list, and 100,000 nested links.
fn deep_markdown() -> Vec<u8> {
    let mut s = ">".repeat(100_000);
    s.push_str(" It paid $9 billion.\n\n");
    s.push_str(&"  - ".repeat(100_000));
    s.push_str("item of $2 billion\n\n");
    s.push_str(&"[".repeat(100_000));
    s.push_str("$3 billion");
    s.push_str(&"](u)".repeat(100_000));
    s.push('\n');
    s.into_bytes()
}

/// Tags, comments, references and raw-text elements left open, each at
/// the end of its own file (each hides, or shows, the rest of its file).
const UNTERMINATED: [&str; 15] = [
    "<p class=\"never closed",
    "<a href='",
    "<!--",
    "<!-- a -- b --",
    "<![CDATA[",
    "<!DOCTYPE",
    "<?xml",
    "<script>var a = '$1 trillion';",
    "<style>p{",
    "<title>",
    "&#x",
    "&#99999999999999999999",
    "&amp",
    "</",
    "<",
];

/// Every byte 0x80..=0xFF, stray and in broken sequences, around claims.
fn invalid_utf8() -> Vec<u8> {
    let mut b = Vec::new();
    for round in 0..200 {
        b.extend_from_slice(format!("{PARTIES} paid $9 billion ").as_bytes());
        b.extend(0x80u8..=0xFF);
        b.extend_from_slice(
            b"\xC3 \xE2\x80 \xF0\x9F\x98 \xC0\xAF \xED\xA0\x80 \xF8\x88\x80\x80\x80 ",
        );
        b.extend_from_slice(format!("and $1.{round} billion ").as_bytes());
        b.extend_from_slice(b"\x93quoted\x94.\n");
    }
    b
}

/// A document in UTF-16 with its byte-order mark.
fn utf16(little_endian: bool) -> Vec<u8> {
    let text = format!(
        "{PARTY} paid $9 billion for less than 10% of Core Scientific.\r\n\u{1F4B0} \u{2019}ok\u{2019}.\n"
    );
    let mut b = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16().chain([0xD800, 0x41, 0xDC00]) {
        b.extend(if little_endian {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    b
}

/// A directory of every hostile input, made once for all tests.
fn inputs() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = scratch("inputs");
        for (name, bytes) in hostile_files() {
            write(&dir.join(&name), bytes);
        }
        dir
    })
}

/// The path of one hostile input.
fn input(name: &str) -> String {
    inputs().join(name).display().to_string()
}

/// A deal record for [`PARTY`] with `n` facts of every kind, each cued and
/// sourced; with `broken`, every fact lacks its source and shares its id.
fn record(n: usize, broken: bool) -> String {
    const KINDS: [(&str, &str, &str); 5] = [
        ("money", "USD", "9_000_000_000"),
        ("percent", "%", "10"),
        ("per_share", "USD/share", "52.5"),
        ("count", "shares", "25_000_000"),
        ("duration", "year", "12"),
    ];
    const CUES: [&str; 8] = [
        "deal", "price", "stake", "premium", "fee", "debt", "shares", "term",
    ];
    let mut s = format!(
        "id = \"hostile-{n}\"\ntitle = \"{PARTY} buys Target Inc\"\nentities = [\"{PARTY}\", \"Core Scientific\", \"Target Inc\"]\n\n\
         [[event]]\ndate = 2025-07-07\nstatus = \"announced\"\nsource = \"release\"\n"
    );
    for i in 0..n {
        let (kind, unit, value) = KINDS[i % KINDS.len()];
        let id = if broken {
            "same".to_string()
        } else {
            format!("fact-{i}")
        };
        let source = if broken {
            String::new()
        } else {
            format!("source = \"filing {i}\"\n")
        };
        s.push_str(&format!(
            "\n[[fact]]\nid = \"{id}\"\nabout = \"{} number {i}\"\ncues = [\"{}\", \"{} {i}\"]\n\
             kind = \"{kind}\"\nvalue = {value}\nunit = \"{unit}\"\nqualifier = \"approx\"\n{source}",
            CUES[i % CUES.len()],
            CUES[i % CUES.len()],
            CUES[(i + 3) % CUES.len()],
        ));
    }
    s
}

/// The hostile record of 10,000 facts, written once.
fn big_record() -> &'static Path {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let file = scratch("record").join("big-record.toml");
        write(&file, record(10_000, false));
        file
    })
}

/// Runs `check FILE --format json` against the corpus records; the report
/// must be JSON with one document for the file.
fn check_one(name: &str) -> (Run, Value) {
    let r = run(&[
        "check",
        &input(name),
        "--record",
        "corpus/records",
        "--format",
        "json",
    ]);
    let docs = r.documents();
    assert!(!docs.is_empty(), "{name}: no document in the report");
    assert!(
        docs.iter().all(|d| d["path"] == input(name).as_str()),
        "{name}: {docs:?}"
    );
    let first = docs[0].clone();
    (r, first)
}

fn claim_texts(doc: &Value) -> Vec<String> {
    doc["claims"]
        .as_array()
        .map(|cs| {
            cs.iter()
                .filter_map(|c| c["text"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The bytes of the original file a claim's span covers.
fn span_bytes(name: &str, claim: &Value) -> Vec<u8> {
    let bytes = std::fs::read(inputs().join(name)).unwrap_or_default();
    let (s, e) = (
        claim["span"]["start"].as_u64().unwrap_or(0) as usize,
        claim["span"]["end"].as_u64().unwrap_or(0) as usize,
    );
    bytes.get(s..e).map(<[u8]>::to_vec).unwrap_or_default()
}

// ---------------------------------------------------------------------------
// One test per hostile input

#[test]
fn empty_and_whitespace_only_files() {
    for name in [
        "empty.txt",
        "empty.html",
        "empty.md",
        "whitespace.txt",
        "whitespace.html",
    ] {
        let (r, doc) = check_one(name);
        assert_eq!(r.code(), Some(0), "{name}: {}", r.stderr);
        assert_eq!(doc["claims"].as_array().map(Vec::len), Some(0), "{name}");
        assert_eq!(doc["markers"].as_array().map(Vec::len), Some(0), "{name}");
        assert_eq!(doc["summary"]["words"], 0, "{name}");
    }
    // The same, as standard input and through every format.
    for format in ["human", "json", "jsonl", "html", "markdown", "csv", "sarif"] {
        let r = run(&["check", &input("empty.txt"), "--format", format]);
        assert_eq!(r.code(), Some(0), "{format}: {}", r.stderr);
    }
}

#[test]
fn a_30_mb_single_line() {
    let (r, doc) = check_one("long-line.txt");
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let claims = doc["claims"].as_array().cloned().unwrap_or_default();
    let expected = 30 * 1024 * 1024 / (64 * 1024);
    assert!(
        claims.len() >= expected && claims.len() <= expected + 1,
        "{} claims, expected one per 64 KiB",
        claims.len()
    );
    // Every claim on line 1, its column counted in characters (ASCII here,
    // so the byte offset plus one), and checked against the record.
    for c in &claims {
        assert_eq!(c["span"]["line"], 1);
        assert_eq!(
            c["span"]["column"].as_u64(),
            c["span"]["start"].as_u64().map(|s| s + 1)
        );
        assert!(c["check"]["verdict"].is_string(), "{c}");
    }
    assert_eq!(
        span_bytes("long-line.txt", &claims[claims.len() - 1]),
        b"$9 billion"
    );
    // The human report quotes a window of the line, not 30 MB per claim.
    let human = run(&["check", &input("long-line.txt"), "--color", "never"]);
    assert_eq!(human.code(), Some(0), "{}", human.stderr);
    assert!(
        human.stdout.len() < 1024 * 1024,
        "human report of {} bytes",
        human.stdout.len()
    );
}

#[test]
fn a_million_dollar_signs() {
    let (r, doc) = check_one("dollars.txt");
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert_eq!(claim_texts(&doc), Vec::<String>::new());
}

#[test]
fn numbers_too_large_for_f64_never_print_inf_or_nan() {
    let (r, doc) = check_one("too-large-numbers.txt");
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let raw = String::from_utf8_lossy(&r.stdout).into_owned();
    for word in raw.split(|c: char| !c.is_alphanumeric()) {
        assert!(
            !word.eq_ignore_ascii_case("inf")
                && !word.eq_ignore_ascii_case("infinity")
                && !word.eq_ignore_ascii_case("nan"),
            "{word:?} in the report"
        );
    }
    // A number is a finite value or no claim at all; never a null value.
    for c in doc["claims"].as_array().cloned().unwrap_or_default() {
        if c["kind"] != "date" {
            assert!(c["value"].as_f64().is_some_and(f64::is_finite), "{c}");
        }
        assert!(c["upper"].is_null() || c["upper"].as_f64().is_some_and(f64::is_finite));
        assert!(c["precision"].as_f64().is_some_and(f64::is_finite), "{c}");
    }
    // Facts at the edge of f64 (the largest, the smallest, ranges up to the
    // largest) widened by "approximately" do not overflow either.
    let dir = scratch("edge-facts");
    let mut rec = record(0, false);
    for (i, (value, qualifier)) in [
        ("1.7976931348623157e308", "approx"),
        ("-1.7976931348623157e308", "le"),
        ("5e-324", "gt"),
        ("1e308", "ge"),
    ]
    .into_iter()
    .enumerate()
    {
        rec.push_str(&format!(
            "\n[[fact]]\nid = \"edge-{i}\"\nabout = \"deal value\"\ncues = [\"paid\", \"deal\"]\n\
             kind = \"money\"\nvalue = {value}\nunit = \"USD\"\nqualifier = \"{qualifier}\"\nsource = \"x\"\n"
        ));
    }
    rec.push_str(
        "\n[[fact]]\nid = \"edge-range\"\nabout = \"range\"\ncues = [\"range\"]\nkind = \"money\"\n\
         value = 1e308\nupper = 1.7976931348623157e308\nunit = \"USD\"\nqualifier = \"range\"\nsource = \"x\"\n",
    );
    write(&dir.join("edge.toml"), rec);
    let r = run(&[
        "check",
        &input("too-large-numbers.txt"),
        "--record",
        &dir.join("edge.toml").display().to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let raw = String::from_utf8_lossy(&r.stdout).into_owned();
    assert!(
        raw.split(|c: char| !c.is_alphanumeric())
            .all(|w| !w.eq_ignore_ascii_case("inf") && !w.eq_ignore_ascii_case("nan")),
        "{raw:.2000}"
    );
    assert!(
        r.documents()[0]["claims"]
            .as_array()
            .is_some_and(|cs| cs.iter().any(|c| c["check"]["verdict"].is_string()))
    );
}

#[test]
fn html_nested_100_000_levels_deep() {
    let (r, doc) = check_one("deep.html");
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let claims = doc["claims"].as_array().cloned().unwrap_or_default();
    assert_eq!(claim_texts(&doc), ["$9 billion"]);
    assert_eq!(span_bytes("deep.html", &claims[0]), b"$9 billion");
    // Hidden elements nested as deep and never closed hide all they hold.
    let (r, doc) = check_one("deep-hidden.html");
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert_eq!(claim_texts(&doc), ["$9 billion"]);
    // Markdown: block quotes, list items and links 100,000 deep.
    let (r, doc) = check_one("deep.md");
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(
        claim_texts(&doc).contains(&"$9 billion".to_string()),
        "{doc}"
    );
}

#[test]
fn unterminated_tags_and_comments() {
    for (k, open) in UNTERMINATED.iter().enumerate() {
        let name = format!("unterminated-{k:02}.html");
        let (r, doc) = check_one(&name);
        assert_eq!(r.code(), Some(0), "{open}: {}", r.stderr);
        let texts = claim_texts(&doc);
        assert_eq!(
            texts.first().map(String::as_str),
            Some("$9 billion"),
            "{open}: {texts:?}"
        );
        // Script content stays out even when the script never ends.
        assert!(
            !texts.contains(&"$1 trillion".to_string()),
            "{open}: {texts:?}"
        );
    }
    let (r, doc) = check_one("unterminated-many.html");
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert_eq!(claim_texts(&doc), ["$9 billion"]);
    // An unterminated comment hides the rest, as in a browser.
    let (r, doc) = check_one("unterminated-comment.html");
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert_eq!(claim_texts(&doc), ["$9 billion"]);
    let (r, doc) = check_one("unterminated.md");
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert_eq!(claim_texts(&doc), ["$9 billion"]);
}

#[test]
fn invalid_utf8_everywhere() {
    let (r, doc) = check_one("invalid-utf8.txt");
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(
        doc["encoding"]
            .as_str()
            .is_some_and(|e| e.contains("windows-1252")),
        "{}",
        doc["encoding"]
    );
    let claims = doc["claims"].as_array().cloned().unwrap_or_default();
    assert!(claims.len() >= 400, "{} claims", claims.len());
    // Spans still point at the claim's bytes in the original file.
    for c in &claims {
        let text = c["text"].as_str().unwrap_or_default();
        if text.is_ascii() {
            assert_eq!(span_bytes("invalid-utf8.txt", c), text.as_bytes(), "{c}");
        }
    }
    // Every report format takes it (HTML, CSV and SARIF carry the text).
    for format in ["human", "jsonl", "html", "markdown", "csv", "sarif"] {
        let r = run(&["check", &input("invalid-utf8.txt"), "--format", format]);
        assert_eq!(r.code(), Some(0), "{format}: {}", r.stderr);
        assert!(
            std::str::from_utf8(&r.stdout).is_ok(),
            "{format} is not UTF-8"
        );
    }
}

#[test]
fn utf16_with_a_byte_order_mark() {
    for (name, encoding) in [
        ("utf16le.txt", "utf-16le"),
        ("utf16be.txt", "utf-16be"),
        ("utf16-odd.txt", "utf-16le"),
    ] {
        let (r, doc) = check_one(name);
        assert_eq!(r.code(), Some(0), "{name}: {}", r.stderr);
        assert_eq!(doc["encoding"], encoding, "{name}");
        assert_eq!(doc["record"], "coreweave-core-scientific-2025", "{name}");
        assert_eq!(claim_texts(&doc), ["$9 billion", "less than 10%"], "{name}");
        // The span covers the claim's UTF-16 bytes.
        let claims = doc["claims"].as_array().cloned().unwrap_or_default();
        let want: Vec<u8> = "$9 billion"
            .encode_utf16()
            .flat_map(|u| {
                if encoding == "utf-16le" {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            })
            .collect();
        assert_eq!(span_bytes(name, &claims[0]), want, "{name}");
    }
}

#[test]
fn nul_bytes() {
    // NUL bytes near the start: the file looks binary and is skipped, with a
    // warning and an entry in the report, and the run still succeeds.
    let (r, doc) = check_one("nul.txt");
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains("warning") && r.stderr.contains("nul.txt"),
        "{}",
        r.stderr
    );
    assert_eq!(doc["skipped"], true, "{doc}");
    assert!(
        doc["error"].as_str().is_some_and(|e| e.contains("binary")),
        "{doc}"
    );
    // NUL bytes past the first 8 KiB: read as text, NULs and all.
    let (r, doc) = check_one("nul-late.txt");
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let texts = claim_texts(&doc);
    assert!(texts.contains(&"$2 billion".to_string()), "{texts:?}");
    // The HTML report turns the NULs into spaces, never into markup.
    let r = run(&["check", &input("nul-late.txt"), "--format", "html"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(!r.stdout.contains(&0), "a NUL in the HTML report");
    // Through standard input, too.
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(["check", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"));
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(b"\0\0\0It paid $9 billion.\0");
    }
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("claimlens did not finish: {e}"));
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(v["documents"][0]["path"], "-");
    assert_eq!(v["documents"][0]["skipped"], true);
}

#[cfg(unix)]
#[test]
fn a_directory_with_an_unreadable_file_and_a_symlink_loop() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = scratch("loops");
    write(&dir.join("a.txt"), "It paid $9 billion.");
    write(&dir.join("b.txt"), "It paid $8 billion.");
    write(&dir.join("d.txt"), "Holders own 9.4% of it.");
    let unreadable = dir.join("b.txt");
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000))
        .unwrap_or_else(|e| panic!("{e}"));
    // root reads anything: then the file is read, and only the loops count.
    let root_reads = std::fs::read(&unreadable).is_ok();
    // A directory that links back to its parent, and a file linking to itself.
    std::fs::create_dir_all(dir.join("sub")).unwrap_or_else(|e| panic!("{e}"));
    write(&dir.join("sub/c.txt"), "It paid $7 billion.");
    symlink("..", dir.join("sub/up")).unwrap_or_else(|e| panic!("{e}"));
    symlink(".", dir.join("here")).unwrap_or_else(|e| panic!("{e}"));
    symlink("self.txt", dir.join("self.txt")).unwrap_or_else(|e| panic!("{e}"));
    let r = run(&["check", &dir.display().to_string(), "--format", "jsonl"]);
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o644))
        .unwrap_or_else(|e| panic!("{e}"));
    let lines = r.lines();
    let paths: Vec<&str> = lines.iter().filter_map(|l| l["path"].as_str()).collect();
    // Each file once, however many ways the links lead to it.
    for name in ["a.txt", "b.txt", "d.txt", "sub/c.txt", "self.txt"] {
        let hits = paths.iter().filter(|p| p.ends_with(name)).count();
        assert!(hits >= 1, "{name} not reported: {paths:?}");
    }
    assert_eq!(
        paths.iter().filter(|p| p.ends_with("c.txt")).count(),
        1,
        "{paths:?}"
    );
    let error_of = |name: &str| {
        lines
            .iter()
            .find(|l| l["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .and_then(|l| l["error"].as_str().map(str::to_string))
    };
    assert!(
        error_of("self.txt").is_some_and(|e| e.contains("symbolic links")),
        "{lines:?}"
    );
    if !root_reads {
        assert!(
            error_of("b.txt").is_some_and(|e| e.contains("permission denied")),
            "{lines:?}"
        );
    }
    // A file could not be read: the exit code says so; the rest are reported.
    assert_eq!(r.code(), Some(2), "{}", r.stderr);
    assert!(lines.iter().any(
        |l| l["path"].as_str().is_some_and(|p| p.ends_with("d.txt")) && l["claims"].is_array()
    ));
}

#[test]
fn a_record_with_10_000_facts() {
    let file = big_record().display().to_string();
    let r = run(&["record", "validate", &file]);
    assert_eq!(r.code(), Some(0), "{}", String::from_utf8_lossy(&r.stdout));
    // Checked against it: every claim finds its facts among the 10,000.
    let dir = scratch("ten-thousand");
    let doc = dir.join("doc.txt");
    write(
        &doc,
        format!(
            "On July 7, 2025, {PARTY} agreed to buy Target Inc. The deal is worth about $9 billion. \
             The price is $52.50 per share, a premium of about 10%. {PARTY} will issue 25 million shares.\n"
        )
        .repeat(20),
    );
    let r = run(&[
        "check",
        &doc.display().to_string(),
        "--record",
        &file,
        "--format",
        "json",
    ]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let d = &r.documents()[0];
    assert_eq!(d["record"], "hostile-10000");
    let claims = d["claims"].as_array().cloned().unwrap_or_default();
    assert!(claims.len() >= 60, "{} claims", claims.len());
    assert!(
        claims.iter().all(|c| c["check"]["verdict"].is_string()),
        "{claims:?}"
    );
    // 10,000 broken facts: every problem reported with its place.
    let broken = dir.join("broken.toml");
    write(&broken, record(10_000, true));
    let r = run(&["record", "validate", &broken.display().to_string()]);
    assert_eq!(r.code(), Some(2));
    let report = String::from_utf8_lossy(&r.stdout);
    let problems: Vec<&str> = report.lines().collect();
    assert!(problems.len() >= 19_999, "{} problems", problems.len());
    assert!(
        problems
            .iter()
            .any(|p| p.contains("broken.toml:") && p.contains("missing field `source`")),
        "{:?}",
        &problems[..3]
    );
    // The last fact's problem points at the last lines of the file.
    let lines = std::fs::read_to_string(&broken)
        .unwrap_or_default()
        .lines()
        .count();
    let last_line: usize = problems
        .last()
        .and_then(|p| p.split(':').nth(1))
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    assert!(
        last_line + 10 >= lines,
        "last problem at line {last_line} of {lines}"
    );
}

// ---------------------------------------------------------------------------
// All of them together

#[test]
fn a_batch_of_every_hostile_input_reports_every_file() {
    let dir = scratch("batch");
    let mut names = Vec::new();
    for (name, bytes) in hostile_files() {
        write(&dir.join(&name), bytes);
        names.push(name);
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(".", dir.join("loop")).unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink("self.txt", dir.join("self.txt"))
            .unwrap_or_else(|e| panic!("{e}"));
        names.push("self.txt".into());
    }
    let started = Instant::now();
    let r = run(&[
        "check",
        &dir.display().to_string(),
        "--record",
        "corpus/records",
        "--format",
        "jsonl",
    ]);
    let took = started.elapsed();
    let lines = r.lines();
    for name in &names {
        let entry = lines.iter().find(|l| {
            l["path"]
                .as_str()
                .is_some_and(|p| p.ends_with(&format!("/{name}")))
        });
        let Some(entry) = entry else {
            panic!("{name} is not in the report; stderr: {}", r.stderr);
        };
        assert!(
            entry["claims"].is_array() || entry["error"].is_string(),
            "{name}: neither a result nor an error: {entry}"
        );
    }
    // One line per file (one per part of an EDGAR submission), no other.
    assert!(
        lines.iter().all(|l| l["path"]
            .as_str()
            .is_some_and(|p| names.iter().any(|n| p.ends_with(&format!("/{n}"))))),
        "a line for no file"
    );
    // The self-referencing link cannot be read: exit 2, everything reported.
    #[cfg(unix)]
    assert_eq!(r.code(), Some(2), "{}", r.stderr);
    assert!(took < HANG, "{took:?}");
    // The same batch with a size cap: the big files are errors that say how
    // to raise the cap, the small ones are still read.
    let r = run(&[
        "check",
        &dir.display().to_string(),
        "--format",
        "json",
        "--max-bytes",
        "100000",
    ]);
    assert_eq!(r.code(), Some(2), "{}", r.stderr);
    let docs = r.documents();
    assert!(docs.len() >= names.len());
    let long = docs
        .iter()
        .find(|d| {
            d["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("long-line.txt"))
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        long["error"],
        "not read: 30.0 MiB (31457280 bytes) is over the size limit of 100000 bytes; raise the limit with --max-bytes"
    );
    assert!(
        r.stderr.contains("long-line.txt: not read: 30.0 MiB"),
        "{}",
        r.stderr
    );
    assert!(docs.iter().any(|d| {
        d["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("utf16le.txt"))
            && d["claims"].is_array()
    }));
}

// ---------------------------------------------------------------------------
// Nothing lost

#[test]
fn a_failed_document_is_an_entry_and_exit_2_whatever_the_findings() {
    // One document with a contradicted claim, one missing, one binary.
    let contradicted = "corpus/documents/news-coreweave-core-scientific-announcement.txt";
    for format in ["json", "jsonl"] {
        let r = run(&[
            "check",
            contradicted,
            "no/such/file.txt",
            &input("nul.txt"),
            "--record",
            "corpus/records",
            "--fail-on",
            "contradicted",
            "--format",
            format,
        ]);
        let docs = if format == "json" {
            r.documents()
        } else {
            r.lines()
        };
        assert_eq!(docs.len(), 3, "{format}: {docs:?}");
        let missing = docs
            .iter()
            .find(|d| d["path"] == "no/such/file.txt")
            .cloned()
            .unwrap_or_default();
        assert!(
            missing["error"]
                .as_str()
                .is_some_and(|e| e.contains("no such file")),
            "{format}: {missing}"
        );
        assert!(missing.get("skipped").is_none(), "{format}: {missing}");
        let found = docs
            .iter()
            .find(|d| d["path"] == contradicted)
            .cloned()
            .unwrap_or_default();
        assert!(
            found["summary"]["contradicted"]
                .as_u64()
                .is_some_and(|n| n > 0),
            "{format}: {found}"
        );
        // The contradiction alone would give 1; the missing file makes it 2.
        assert_eq!(r.code(), Some(2), "{format}: {}", r.stderr);
        assert!(r.stderr.contains("no/such/file.txt"), "{}", r.stderr);
    }
    // Without the missing file, the findings decide (the binary file is only
    // skipped).
    let r = run(&[
        "check",
        contradicted,
        &input("nul.txt"),
        "--record",
        "corpus/records",
        "--fail-on",
        "contradicted",
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr);
    assert_eq!(r.lines().len(), 2);
    // And the human report names the failure and counts it.
    let r = run(&[
        "check",
        contradicted,
        "no/such/file.txt",
        "--record",
        "corpus/records",
        "--color",
        "never",
    ]);
    assert_eq!(r.code(), Some(2));
    let human = String::from_utf8_lossy(&r.stdout);
    assert!(human.contains("error: no/such/file.txt"), "{human}");
    assert!(human.contains("1 could not be read"), "{human}");
}

#[test]
fn patterns_that_were_quadratic() {
    for (name, _, _) in PATTERNS {
        let r = run(&[
            "check",
            &input(name),
            "--record",
            "corpus/records",
            "--format",
            "json",
        ]);
        assert_eq!(r.code(), Some(0), "{name}: {}", r.stderr);
        let docs = r.documents();
        assert!(!docs.is_empty(), "{name}");
        match name {
            "documents.nc" => assert!(docs.len() > 5_000, "{name}: {} parts", docs.len()),
            "run-on.txt" => {
                // Cut into sentences of at most 4 KiB, each claim checked and
                // linked to the record's fact.
                let claims = docs[0]["claims"].as_array().cloned().unwrap_or_default();
                assert!(claims.len() > 2_000, "{} claims", claims.len());
                let linked = claims
                    .iter()
                    .filter(|c| c["check"]["fact"].is_string())
                    .count();
                assert!(
                    linked * 10 > claims.len() * 9,
                    "{linked} of {} linked",
                    claims.len()
                );
            }
            "crowded.txt" => {
                // Sentences of a thousand numbers: none linked, each says why.
                let claims = docs[0]["claims"].as_array().cloned().unwrap_or_default();
                assert!(claims.len() > 15_000, "{} claims", claims.len());
                let crowded = claims
                    .iter()
                    .filter(|c| c["check"]["undecided"] == "crowded")
                    .count();
                assert!(crowded > 15_000, "{crowded} crowded");
            }
            _ => {}
        }
    }
}
