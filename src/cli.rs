//! The command line (clap derive), turned into a validated [`Config`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use claimlens::date::Date;
use claimlens::report::{OutputFormat, What};
use claimlens::stream::Shard;

const EXAMPLES: &str = "\
Examples:
  claimlens check corpus/documents --record corpus/records
  claimlens check release.html --record deal.toml --format json --output report.json
  claimlens check filings/ --record records/ --fail-on contradicted
  claimlens check filings/ --record records/ --fail-on contradicted --baseline accepted.json
  claimlens check corpus/documents --record corpus/records --format html -o report.html
  claimlens check filings/ --record records/ --format csv --what markers
  cat note.txt | claimlens check - --record deal.toml
  claimlens tokens corpus/documents/commentary-coreweave-core-scientific.txt
  claimlens record validate corpus/records/*.toml
  claimlens check note.txt --lexicon my-words.toml
  claimlens stream --record corpus/records < documents.jsonl > results.jsonl
  claimlens lexicon --explain 'sleight of hand'

Exit codes: 0 ran and nothing met --fail-on; 1 some claim met --fail-on;
2 usage error, or an input or record could not be read (the others are still reported).";

/// Fact-check deal documents: extract quantitative claims and rhetoric
/// markers, and check the claims against a sourced deal record.
#[derive(Debug, Parser)]
#[command(name = "claimlens", version, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse documents: claims, markers and, with --record, verdicts.
    #[command(after_help = EXAMPLES)]
    Check(CheckArgs),
    /// Print the sentences and words of a document with their byte spans.
    Tokens(TokensArgs),
    /// List the rhetoric categories with their cue counts and sources, or
    /// explain which category a cue belongs to and why.
    Lexicon(LexiconArgs),
    /// Analyse a stream of documents: JSON Lines in (one document per line),
    /// one JSON result per line out, in order; for Spark, Hadoop Streaming,
    /// GNU parallel.
    #[command(after_help = STREAM_EXAMPLES)]
    Stream(StreamArgs),
    /// Work with deal records.
    #[command(subcommand)]
    Record(RecordCommand),
}

#[derive(Debug, Subcommand)]
pub enum RecordCommand {
    /// Check deal records (TOML or JSON): print every problem as
    /// FILE:LINE:COLUMN: MESSAGE, or "FILE: ok"; exit 2 on any problem.
    Validate(ValidateArgs),
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Record files (.json is read as JSON, anything else as TOML).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to read (`-` for standard input). Directories are
    /// walked recursively for .txt, .md, .markdown, .htm, .html and .nc
    /// (EDGAR) files, and .pdf with the `pdf` feature. Each document of an
    /// EDGAR submission is reported on its own.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    // Records, lexicons, dates, threads, limits.
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// What the rows of --format csv are: claims, or rhetoric markers.
    #[arg(long, value_enum, default_value_t = What::Claims)]
    pub what: What,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with 1 when a claim meets this: a verdict (contradicted,
    /// unverifiable) or a severity (minor, major, gross: contradicted at least
    /// this badly).
    #[arg(long, value_enum, value_name = "VERDICT")]
    pub fail_on: Option<FailOn>,
    /// Accepted findings. If FILE does not exist, it is written with this
    /// run's findings (contradicted and unverifiable claims); if it exists,
    /// --fail-on only considers findings not in it. A finding is known by
    /// a hash of the document path, the claim's text and the verdict; delete
    /// FILE to accept the current findings anew.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// When to colour the human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// What an analysis needs besides the documents: the options `check` and
/// `stream` share.
#[derive(Debug, Args)]
pub struct AnalysisArgs {
    /// A deal record (TOML or JSON) or a directory of them.
    #[arg(long, value_name = "FILE|DIR")]
    pub record: Vec<PathBuf>,
    /// Add a lexicon (TOML, the shape of src/rhetoric/lexicons/*.toml): a
    /// built-in category's name adds cues to it, a new name adds a category.
    /// Repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// The documents' date (YYYY-MM-DD) where they state none.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// How far "about", "roughly" and approximate facts widen a number, in
    /// percent of its value.
    #[arg(long, value_name = "PERCENT", default_value_t = 5.0, value_parser = parse_percent)]
    pub approx_tolerance: f64,
    /// The largest input read, in bytes; a larger one is reported as an
    /// error and the others are still read.
    #[arg(long, value_name = "BYTES", default_value_t = claimlens::load::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Analyse this many documents at once [default: the number of CPUs].
    /// The output is the same whatever the number.
    #[arg(long, value_name = "N")]
    pub threads: Option<std::num::NonZeroUsize>,
}

const STREAM_EXAMPLES: &str = "\
Each input line is one document, as JSON:
  {\"id\": \"a\", \"text\": \"...\"}    or \"html\": \"...\", or \"path\": \"docs/a.htm\"
  optional: \"format\" (text, markdown, html, edgar) and \"date\" (YYYY-MM-DD)
Each yields exactly one output line, in input order, with its id: the document
as --format jsonl writes it, an EDGAR submission with its \"parts\", or
{\"id\": ..., \"error\": ..., \"line\": N}. Bad lines do not stop the stream.
--max-bytes bounds each input line as well as each file a \"path\" names.

Examples:
  printf '%s\\n' '{\"id\": 1, \"text\": \"It paid $9 billion.\"}' | claimlens stream
  claimlens stream --record corpus/records < documents.jsonl > results.jsonl
  claimlens stream --record deal.toml --shard 2/8 < all.jsonl > shard-2.jsonl

Exit codes: 0 the stream was read to its end (bad lines included);
2 usage error, a record or lexicon that cannot be read, or the input broke.";

#[derive(Debug, Args)]
pub struct StreamArgs {
    // Records, lexicons, dates, threads, limits (--max-bytes also bounds
    // each input line).
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    /// Answer only the lines whose id hashes to shard K of N (K from 0):
    /// FNV-1a 64 of the id (a string's UTF-8 bytes, a number's JSON text)
    /// modulo N; lines with no usable id go to shard 0. N processes with
    /// 0/N ... N-1/N answer every line exactly once between them.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,
}

#[derive(Debug, Args)]
pub struct LexiconArgs {
    /// Say which category CUE belongs to and why, and what is detected in it.
    #[arg(long, value_name = "CUE")]
    pub explain: Option<String>,
    /// Add a lexicon file, as for `check`. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TokensArgs {
    /// The document (`-` for standard input).
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Print sentences only, without their words.
    #[arg(long)]
    pub sentences_only: bool,
    /// Print only the plain text claimlens reads (HTML, EDGAR and Markdown
    /// reduced to what a reader sees), to check what the stages see.
    #[arg(long, conflicts_with = "sentences_only")]
    pub text: bool,
}

/// What `--fail-on` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any contradicted claim.
    Contradicted,
    /// Any claim the record cannot decide.
    Unverifiable,
    /// Any contradicted claim (minor or worse).
    Minor,
    /// Contradicted claims of major or gross severity.
    Major,
    /// Contradicted claims of gross severity.
    Gross,
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

fn parse_percent(s: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim()
        .trim_end_matches('%')
        .parse()
        .map_err(|_| format!("{s:?} is not a number of percent"))?;
    if (0.0..=100.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{s} is not between 0 and 100 (percent)"))
    }
}

fn parse_shard(s: &str) -> Result<Shard, String> {
    s.parse()
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("{s:?} is not a date; write it as YYYY-MM-DD"))
}
