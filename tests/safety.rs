//! A document's content never acts on the reader's machine (issue 9): the
//! HTML report escapes everything a document holds, claimlens opens no
//! network connection, and it writes nothing but its report.
//!
//! The network and file-write tests watch the system calls of a real run
//! with `strace`; without it they skip with a note (`.ci/run` installs it).

// A skipped run says why on stderr.
#![allow(clippy::print_stderr)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn claimlens(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("safety")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot make {}: {e}", dir.display()));
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// Documents (text, Markdown, HTML) full of markup that would run, load or
/// link if it reached the report unescaped; one of them with such a name.
fn hostile_documents(dir: &Path) {
    let payload = "CoreWeave <script>alert('text')</script> paid $9 billion for less than 10% \
        of Core Scientific. <a href=\"javascript:alert('link')\">click</a> \
        [md link](javascript:alert('md')) <img src=x onerror=\"alert('img')\"> \
        </style><style>body{display:none}</style> <iframe src=\"https://example.com\"></iframe> \
        <meta http-equiv=\"refresh\" content=\"0;url=https://example.com\"> \
        \" onmouseover=\"alert('attr') ' onfocus='alert(1) `backtick` \u{202e}reversed \
        &lt;script&gt; <!-- comment --> ]]> </textarea></title></mark></span></details>\n";
    write(&dir.join("text.txt"), payload);
    write(&dir.join("notes.md"), payload);
    write(&dir.join("<script>alert('name')<\\script>.txt"), payload);
    write(
        &dir.join("page.html"),
        &format!(
            "<html><body><p>{}</p><script>alert('kept out')</script>\
             <a href=\"javascript:alert('href')\">CoreWeave paid $9 billion</a>\
             <p>&lt;script&gt;alert('entity')&lt;/script&gt; paid $8 billion.</p></body></html>",
            payload.replace('<', "&lt;")
        ),
    );
}

#[test]
fn the_html_report_escapes_everything_from_documents() {
    let dir = scratch("escape");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap_or_else(|e| panic!("{e}"));
    hostile_documents(&docs);
    let out = claimlens(
        &dir,
        &[
            "check",
            "docs",
            "--record",
            concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/records"),
            "--format",
            "html",
            "-o",
            "report.html",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap_or_default();
    assert!(
        html.contains("$9 billion") && html.contains("Core Scientific"),
        "the documents are in the report"
    );
    let lower = html.to_lowercase();
    for element in [
        "<script",
        "<img",
        "<iframe",
        "<textarea",
        "<meta http-equiv=\"refresh",
        "<svg",
    ] {
        assert!(!lower.contains(element), "{element} got through");
    }
    assert_eq!(
        lower.matches("<style").count(),
        1,
        "only the report's own style"
    );
    // Every `<` from a document is escaped, so each tag is the renderer's:
    // none has an event handler or a javascript: value.
    for tag in lower.split('<').skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let outside_quotes: String = tag.split('"').step_by(2).collect::<Vec<_>>().join(" ");
        assert!(
            outside_quotes
                .split_whitespace()
                .skip(1)
                .all(|attr| !attr.starts_with("on")),
            "an event handler in <{tag}>"
        );
        assert!(!tag.contains("javascript:"), "javascript: in <{tag}>");
    }
    // Every link points inside the report, and the page forbids scripts and
    // requests whatever it holds.
    for href in html.split("href=\"").skip(1) {
        assert!(href.starts_with('#'), "a link to {:.60}", href);
    }
    assert!(
        html.contains("Content-Security-Policy") && html.contains("default-src 'none'"),
        "no Content-Security-Policy"
    );
    // What the documents said is shown, as text.
    assert!(html.contains("&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;"));
    assert!(
        html.contains("&lt;script&gt;alert(&#39;name&#39;)"),
        "the file name, escaped"
    );
    // Markdown and SARIF carry the same text without turning it into markup.
    for format in ["markdown", "sarif"] {
        let out = claimlens(&dir, &["check", "docs", "--format", format]);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout).to_lowercase();
        assert!(
            !text.contains("](javascript:"),
            "{format}: a live javascript: link"
        );
    }
}

/// strace, if this machine has it and may trace.
fn strace() -> Option<PathBuf> {
    let path = ["/usr/bin/strace", "/bin/strace"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())?;
    let works = Command::new(&path)
        .args(["-f", "-qq", "-o", "/dev/null", "true"])
        .output()
        .is_ok_and(|o| o.status.success());
    works.then_some(path)
}

/// Runs claimlens under strace in `cwd`, tracing `calls`; the trace lines.
fn traced(cwd: &Path, calls: &str, args: &[&str]) -> Option<(Output, Vec<String>)> {
    let Some(strace) = strace() else {
        eprintln!(
            "note: strace is missing or cannot trace here; skipping (apt-get install strace)"
        );
        return None;
    };
    let trace = cwd.join("..").join(format!(
        "{}.strace",
        cwd.file_name().and_then(|n| n.to_str()).unwrap_or("run")
    ));
    let trace_arg = trace.display().to_string();
    let mut full = vec![
        "-f",
        "-qq",
        "-e",
        calls,
        "-o",
        &trace_arg,
        env!("CARGO_BIN_EXE_claimlens"),
    ];
    full.extend_from_slice(args);
    let out = Command::new(strace)
        .args(&full)
        .current_dir(cwd)
        .output()
        .unwrap_or_else(|e| panic!("cannot run strace: {e}"));
    let lines = std::fs::read_to_string(&trace)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect();
    Some((out, lines))
}

fn corpus_run_args() -> Vec<&'static str> {
    vec![
        "check",
        concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/documents"),
        "docs",
        "--record",
        concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/records"),
        "--threads",
        "2",
    ]
}

#[test]
fn claimlens_opens_no_network_connection() {
    let dir = scratch("network");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap_or_else(|e| panic!("{e}"));
    hostile_documents(&docs);
    for format in ["html", "sarif", "json"] {
        let mut args = corpus_run_args();
        args.extend(["--format", format, "-o", "report.out"]);
        let Some((out, trace)) = traced(&dir, "trace=%network", &args) else {
            return;
        };
        assert!(
            out.status.code().is_some_and(|c| c < 2),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let network: Vec<&String> = trace
            .iter()
            .filter(|l| !l.contains("exited with") && !l.contains("+++"))
            .collect();
        assert!(network.is_empty(), "{format}: network calls: {network:?}");
    }
}

/// Every file in `dir`, recursively, with its size.
fn listing(dir: &Path) -> BTreeSet<(PathBuf, u64)> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            match e.metadata() {
                Ok(m) if m.is_dir() => stack.push(p),
                Ok(m) => {
                    out.insert((p, m.len()));
                }
                Err(_) => {}
            }
        }
    }
    out
}

#[test]
fn claimlens_writes_nothing_but_its_output() {
    let dir = scratch("writes");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap_or_else(|e| panic!("{e}"));
    hostile_documents(&docs);
    let home = dir.join("home");
    let tmp = dir.join("tmp");
    for d in [&home, &tmp] {
        std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("{e}"));
    }
    let before = listing(&dir);
    let mut args = corpus_run_args();
    args.extend(["--format", "html", "-o", "report.html"]);
    let out = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(&args)
        .current_dir(&dir)
        .env("HOME", &home)
        .env("TMPDIR", &tmp)
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run claimlens: {e}"));
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = listing(&dir);
    let added: Vec<&PathBuf> = after
        .iter()
        .filter(|f| !before.contains(f))
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        added,
        [&dir.join("report.html")],
        "files written or changed"
    );
    assert!(
        before.iter().all(|f| after.contains(f)),
        "a file was removed or changed"
    );
    // The system calls say the same: nothing opened for writing, created,
    // renamed or removed but the report and its temporary file beside it.
    let mut args = corpus_run_args();
    args.extend(["--format", "json", "-o", "traced.json"]);
    let Some((out, trace)) = traced(
        &dir,
        "trace=open,openat,openat2,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,truncate,link,linkat,symlink,symlinkat",
        &args,
    ) else {
        return;
    };
    assert!(out.status.code().is_some_and(|c| c < 2));
    for line in &trace {
        // "[pid] call(args) = result"
        let call = line
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
            .split('(')
            .next()
            .unwrap_or("");
        let writes = line.contains("O_WRONLY")
            || line.contains("O_RDWR")
            || line.contains("O_CREAT")
            || !call.starts_with("open");
        // With -f, a call another thread interrupts is printed twice: its
        // arguments ("<unfinished ...>"), then its result ("resumed>").
        if line.contains("resumed>") || line.contains("+++") {
            continue;
        }
        if writes && !call.is_empty() && !line.contains("= -1 ") {
            assert!(
                line.contains("traced.json")
                    || line.contains("/dev/null")
                    || line.contains("/dev/tty"),
                "an unexpected write: {line}"
            );
        }
    }
}
