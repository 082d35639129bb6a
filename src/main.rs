//! The `claimlens` binary: parse arguments, run the library, render, exit.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the binary is where claimlens talks to the terminal"
)]

mod cli;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use claimlens::baseline::{self, Baseline, Finding};
use claimlens::batch;
use claimlens::check::{DealRecord, Severity, Verdict};
use claimlens::error::ErrorKind;
use claimlens::load::{self, Input};
use claimlens::report::{self, Outcome, OutputFormat, RenderOptions};
use claimlens::rhetoric::Rhetoric;
use claimlens::{Options, analyze_parts, stream};
use cli::{
    AnalysisArgs, CheckArgs, Cli, ColorChoice, Command, FailOn, LexiconArgs, RecordCommand,
    StreamArgs, TokensArgs, ValidateArgs,
};

fn main() -> ExitCode {
    #[cfg(feature = "pdf")]
    quiet_pdf_panics();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Stream(args) => run_stream(args),
        Command::Tokens(args) => run_tokens(args),
        Command::Record(RecordCommand::Validate(args)) => run_validate(args),
        Command::Lexicon(args) => run_lexicon(args),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimlens: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// pdf-extract panics on some malformed PDFs; the loader catches that and
/// reports the file as unreadable, so the panic message itself is noise.
#[cfg(feature = "pdf")]
fn quiet_pdf_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some(claimlens::source::pdf::THREAD_NAME) {
            default(info);
        }
    }));
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// One input as a worker leaves it: its documents (or, for JSON Lines, their
/// rendered lines and findings), and what to say on standard error.
#[derive(Default)]
struct Processed {
    outcomes: Vec<Outcome>,
    rendered: Option<io::Result<Vec<u8>>>,
    findings: Vec<Finding>,
    message: Option<String>,
    failed: bool,
}

fn run_check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut input_error = false;
    let options = match analysis_options(&args.analysis) {
        Ok(o) => o,
        Err(code) => return Ok(code),
    };
    let accepted = match args
        .baseline
        .as_deref()
        .filter(|p| p.exists())
        .map(read_baseline)
        .transpose()
    {
        Ok(b) => b,
        Err(e) => {
            eprintln!("claimlens: error: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let (inputs, errors) = load::expand(&args.paths);
    let mut outcomes: Vec<Outcome> = Vec::new();
    for e in errors {
        eprintln!("claimlens: error: {e}");
        input_error = true;
        outcomes.push(Outcome::Failed(e));
    }
    let threads = threads(&args.analysis);
    if inputs.is_empty() && outcomes.is_empty() {
        eprintln!(
            "claimlens: error: no documents found (claimlens reads .txt, .md, .markdown, .htm, .html and .nc files, or - for standard input)"
        );
        return Ok(ExitCode::from(2));
    }
    let progress = Progress::new(inputs.len(), started);
    let max_bytes = args.analysis.max_bytes;
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let human = args.format == OutputFormat::Human;
    let render_options = RenderOptions {
        color: color && human,
        what: args.what,
        // Set once every document is analysed, just before the report.
        elapsed: None,
    };
    // JSON Lines is written document by document as results come in (in
    // input order), so memory stays bounded on any number of inputs; the
    // other formats need every document before they can be written.
    let streaming = args.format == OutputFormat::Jsonl;
    let mut findings: Vec<Finding> = Vec::new();
    let mut write_all = |w: &mut dyn Write| -> io::Result<()> {
        if streaming {
            report::render(args.format, &outcomes, render_options, w)?;
            findings.extend(baseline::findings(&outcomes));
            outcomes.clear();
        }
        let mut failure: io::Result<()> = Ok(());
        // Buffers of written lines come back here, so that the next document
        // is rendered into memory already in use: a fresh buffer growing to
        // each document's size took over half of a run's page faults (a few
        // percent of its time). A few are kept, none over 16 MiB, so memory
        // stays bounded.
        let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
        let spare_lock = || spare.lock().unwrap_or_else(|p| p.into_inner());
        // Each worker loads, analyses and, for JSON Lines, also renders its
        // document and lists its findings: the calling thread only writes
        // bytes in input order, so two threads do twice the work.
        let process = |input: &Input| -> Processed {
            let mut p = Processed::default();
            match load::load(input, max_bytes).map(|source| analyze_parts(source, &options)) {
                Ok(analyses) => p
                    .outcomes
                    .extend(analyses.into_iter().map(|a| Outcome::Analyzed(Box::new(a)))),
                // Skipped on purpose: a warning, and an entry in the report
                // so that every input is accounted for, but not a failure.
                Err(e) if matches!(e.kind, ErrorKind::Binary | ErrorKind::Unsupported) => {
                    p.message = Some(format!("claimlens: warning: {e}"));
                    p.outcomes.push(Outcome::Failed(e));
                }
                Err(e) => {
                    p.message = Some(format!("claimlens: error: {e}"));
                    p.failed = true;
                    p.outcomes.push(Outcome::Failed(e));
                }
            }
            if streaming {
                let mut bytes = spare_lock().pop().unwrap_or_default();
                p.rendered =
                    Some(report::render_jsonl_into(&p.outcomes, &mut bytes).map(|()| bytes));
                p.findings = baseline::findings(&p.outcomes);
                p.outcomes.clear();
            }
            p
        };
        batch::for_each_ordered(&inputs, threads, process, &|| progress.tick(), |p| {
            if let Some(m) = &p.message {
                eprintln!("{m}");
            }
            input_error |= p.failed;
            if let Some(rendered) = p.rendered {
                match rendered {
                    Ok(mut bytes) => {
                        if failure.is_ok() {
                            failure = w.write_all(&bytes);
                        }
                        bytes.clear();
                        let mut kept = spare_lock();
                        if kept.len() <= threads && bytes.capacity() <= 16 << 20 {
                            kept.push(bytes);
                        }
                    }
                    Err(e) => {
                        if failure.is_ok() {
                            failure = Err(e);
                        }
                    }
                }
                findings.extend(p.findings);
            } else {
                outcomes.extend(p.outcomes);
            }
        });
        progress.finish();
        failure?;
        if !streaming {
            let render_options = RenderOptions {
                elapsed: human.then(|| started.elapsed()),
                ..render_options
            };
            report::render(args.format, &outcomes, render_options, w)?;
            findings.extend(baseline::findings(&outcomes));
        }
        Ok(())
    };
    match &args.output {
        Some(path) => write_atomically(path, |w| write_all(w))
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let stdout = io::stdout();
            let mut w = io::BufWriter::new(stdout.lock());
            write_all(&mut w)?;
            w.flush()?;
        }
    }
    let considered: Vec<&Finding> = match (&args.baseline, &accepted) {
        (_, Some(b)) => b.new_findings(&findings),
        (Some(path), None) => {
            let json = Baseline::of(&findings).to_json();
            write_atomically(path, |w| w.write_all(json.as_bytes()))
                .with_context(|| format!("cannot write baseline {}", path.display()))?;
            eprintln!(
                "claimlens: wrote baseline {} with {} findings",
                path.display(),
                findings.len()
            );
            Vec::new()
        }
        (None, None) => findings.iter().collect(),
    };
    let failed = args
        .fail_on
        .is_some_and(|f| considered.iter().any(|x| meets(x, f)));
    // An input that could not be read says so, whatever the findings.
    Ok(if input_error {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The options of an analysis from the command line: records and lexicons
/// read (every problem reported, and exit code 2 when there is one).
fn analysis_options(args: &AnalysisArgs) -> Result<Options, ExitCode> {
    let records = load_records(&args.record).map_err(|errors| {
        for e in errors {
            eprintln!("claimlens: error: {e}");
        }
        ExitCode::from(2)
    })?;
    let rhetoric = load_lexicons(&args.lexicon)?;
    Ok(Options {
        records,
        rhetoric,
        as_of: args.as_of,
        approx_tolerance: args.approx_tolerance / 100.0,
    })
}

fn threads(args: &AnalysisArgs) -> usize {
    args.threads
        .map_or_else(batch::default_threads, usize::from)
}

/// `claimlens stream`: JSON Lines from standard input, one result line per
/// input line on standard output, flushed batch by batch. Exit 0 once the
/// input is read to its end, whatever its lines held.
fn run_stream(args: StreamArgs) -> anyhow::Result<ExitCode> {
    let options = match analysis_options(&args.analysis) {
        Ok(o) => o,
        Err(code) => return Ok(code),
    };
    let settings = stream::Settings {
        threads: threads(&args.analysis),
        max_bytes: args.analysis.max_bytes,
        shard: args.shard,
        ..stream::Settings::default()
    };
    if io::stdin().is_terminal() {
        eprintln!(
            "claimlens: reading JSON Lines from standard input, one document per line (end with Ctrl-D)"
        );
    }
    let stdout = io::stdout();
    let mut w = io::BufWriter::new(stdout.lock());
    stream::run(io::stdin(), &options, &settings, |replies| {
        report::stream_replies(replies, &mut w)?;
        w.flush()
    })
    .context("the stream broke")?;
    Ok(ExitCode::SUCCESS)
}

fn meets(f: &Finding, fail_on: FailOn) -> bool {
    match fail_on {
        FailOn::Contradicted | FailOn::Minor => f.verdict == Verdict::Contradicted,
        FailOn::Unverifiable => f.verdict == Verdict::Unverifiable,
        FailOn::Major => f.verdict == Verdict::Contradicted && f.severity >= Some(Severity::Major),
        FailOn::Gross => f.verdict == Verdict::Contradicted && f.severity == Some(Severity::Gross),
    }
}

fn read_baseline(path: &Path) -> Result<Baseline, claimlens::Error> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        claimlens::Error::new(
            ErrorKind::Io,
            &name,
            format!("cannot read baseline: {}", e.to_string().to_lowercase()),
        )
    })?;
    Baseline::parse(&name, &text)
}

/// The built-in lexicons plus the user's files (`None` when there are none);
/// every bad file is reported and the run stops with exit code 2.
fn load_lexicons(paths: &[PathBuf]) -> Result<Option<Rhetoric>, ExitCode> {
    if paths.is_empty() {
        return Ok(None);
    }
    Rhetoric::with_files(paths).map(Some).map_err(|errors| {
        for e in errors {
            eprintln!("claimlens: error: {e}");
        }
        ExitCode::from(2)
    })
}

fn run_lexicon(args: LexiconArgs) -> anyhow::Result<ExitCode> {
    let owned = match load_lexicons(&args.lexicon) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let rhetoric = owned.as_ref().unwrap_or_else(|| Rhetoric::builtin());
    let stdout = io::stdout();
    let mut w = io::BufWriter::new(stdout.lock());
    match &args.explain {
        Some(cue) => report::explain(rhetoric, &rhetoric.explain(cue), &mut w)?,
        None => report::lexicons(rhetoric, &mut w)?,
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A progress bar on standard error, only at a terminal and only for a long
/// run: more than 20 inputs, or still going after a second. Never on stdout.
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: AtomicBool,
}

impl Progress {
    fn new(len: usize, started: Instant) -> Progress {
        let bar = (len > 1 && io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden());
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} {pos}/{len} documents [{bar:30}] {elapsed}")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        let progress = Progress {
            bar,
            started,
            shown: AtomicBool::new(false),
        };
        if len > 20 {
            progress.show();
        }
        progress
    }

    fn show(&self) {
        if let Some(bar) = &self.bar {
            if !self.shown.swap(true, Ordering::Relaxed) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
        }
    }

    fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if self.started.elapsed() > Duration::from_secs(1) {
                self.show();
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Loads every record named (files, or directories of .toml/.json files).
fn load_records(paths: &[PathBuf]) -> Result<Vec<DealRecord>, Vec<claimlens::Error>> {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let files: Vec<PathBuf> = if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            v.retain(|f| f.extension().is_some_and(|e| e == "toml" || e == "json"));
            v.sort();
            v
        } else {
            vec![p.clone()]
        };
        for f in files {
            match claimlens::check::record::read(&f) {
                Ok(r) => records.push(r),
                Err(e) => errors.extend(e),
            }
        }
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(errors)
    }
}

/// Writes through a temporary file beside `path`, renamed into place only
/// when everything was written, so a failed run never leaves half a report.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("report");
    let tmp = dir.join(format!(".{name}.claimlens-{}.tmp", std::process::id()));
    let result = (|| -> anyhow::Result<()> {
        let file = std::fs::File::create(&tmp)?;
        let mut w = io::BufWriter::new(file);
        write(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `claimlens record validate`: every problem of every file, "FILE: ok"
/// for the good ones, exit 2 on any problem.
fn run_validate(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut w = io::BufWriter::new(stdout.lock());
    let mut bad = false;
    for f in &args.files {
        match claimlens::check::record::read(f) {
            Ok(_) => writeln!(w, "{}: ok", f.display())?,
            Err(errors) => {
                bad = true;
                for e in errors {
                    writeln!(w, "{e}")?;
                }
            }
        }
    }
    w.flush()?;
    Ok(if bad {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_tokens(args: TokensArgs) -> anyhow::Result<ExitCode> {
    let input = if args.path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.path.clone())
    };
    let source = match load::load(&input, load::DEFAULT_MAX_BYTES) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("claimlens: error: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let stdout = io::stdout();
    let mut w = io::BufWriter::new(stdout.lock());
    if args.text {
        w.write_all(source.text().as_bytes())?;
        w.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    report::tokens(&source, args.sentences_only, &mut w)?;
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}
