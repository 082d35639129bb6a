//! The line protocol of `claimlens stream`: JSON Lines in, one result per
//! input line out, in input order. It is the contract that lets the engines
//! data teams already run hand claimlens a stream of lines: Spark
//! (`RDD.pipe`, `TRANSFORM ... USING`), Hadoop Streaming, GNU parallel
//! `--pipe`, Ray or Dask.
//!
//! # Input: one document per line
//!
//! ```json
//! {"id": "filings/0001-25-1.txt", "text": "CoreWeave will pay about $9 billion ...", "date": "2025-07-07"}
//! {"id": 42, "html": "<p>The $9 billion deal ...</p>"}
//! {"id": "pr-7", "path": "releases/pr-7.htm", "format": "html"}
//! ```
//!
//! - `id` (required): a JSON string or number, echoed as written in the
//!   line's result.
//! - Exactly one of:
//!   - `text`: the document's content. Its format is found as `claimlens
//!     check` finds a file's: an EDGAR submission or HTML by its content,
//!     else by the extension of the id (`"a.md"` is Markdown), else plain
//!     text.
//!   - `html`: the same, read as HTML.
//!   - `path`: a file on this machine's file system (relative to the working
//!     directory), read as `claimlens check` reads a file (PDF included, with
//!     the `pdf` feature).
//! - `format` (optional): `text`, `markdown`, `html` or `edgar` (or `pdf`,
//!   with `path`) overrides the detection.
//! - `date` (optional): `YYYY-MM-DD`, the document's date where it states
//!   none: `--as-of` for this document alone.
//! - Other fields are ignored, so a dataset's own columns can ride along.
//!   A `null` field counts as absent.
//!
//! What each line yields is in [`crate::report`]'s `stream` format: one
//! result per input line (a document, a submission with its parts, or an
//! error record naming the line), in input order. A bad line, a missing
//! file, a binary document, even a bug that panics on one document, is an
//! error record for that line, and the stream goes on.
//!
//! # Sharding
//!
//! `--shard K/N` keeps the lines whose id falls in shard K of N (K counts
//! from 0): [`fnv1a64`] of the id's key, modulo N. The key of a string id is
//! the string (its UTF-8 bytes, escapes decoded); the key of a number is its
//! JSON text as written (`42`, `4.2e1`: two keys). A line with no usable id
//! (not JSON, no `id`, an empty line) belongs to shard 0, so N processes
//! given the same input with `--shard 0/N` ... `--shard N-1/N` answer every
//! line exactly once between them. Lines of other shards yield nothing.
//!
//! # Streaming
//!
//! A reader thread takes lines from the input while the documents read
//! before are analysed; each batch is what has been read (at most
//! [`Settings::chunk_lines`] lines or about [`Settings::chunk_bytes`]
//! bytes), analysed on the thread pool and handed back in order. Memory
//! stays bounded by about two batches, however long the stream, and a
//! result does not wait for lines that have not arrived. A line longer than
//! `max_bytes` is not kept: it is an error record.
//!
//! This module reads input (and the files `path` names, through
//! [`crate::load`]) but prints nothing.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::analysis::{Analysis, Options, analyze_parts_as_of};
use crate::batch::Pool;
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::hash::fnv1a64;
use crate::load::{self, Input};
use crate::source::{Format, Source, decode};

/// A document's id, as the input line wrote it.
#[derive(Clone, Debug)]
pub struct Id {
    raw: Box<RawValue>,
    key: String,
}

impl Id {
    /// The id of a raw JSON value: a string or a number, else `None`.
    fn parse(raw: &RawValue) -> Option<Id> {
        let text = raw.get();
        let key = match text.as_bytes().first()? {
            b'"' => serde_json::from_str::<String>(text).ok()?,
            b'-' | b'0'..=b'9' => text.to_owned(),
            _ => return None,
        };
        Some(Id {
            raw: raw.to_owned(),
            key,
        })
    }

    /// The JSON text of the id, exactly as the line wrote it.
    pub fn raw(&self) -> &RawValue {
        &self.raw
    }

    /// What is hashed for sharding, and the document's name when it comes
    /// as `text` or `html`: a string id's string, a number's JSON text.
    pub fn key(&self) -> &str {
        &self.key
    }
}

/// `--shard K/N`: the lines whose id hashes to shard `index` of `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// K, from 0.
    pub index: u64,
    /// N, at least 1.
    pub count: u64,
}

impl Shard {
    /// The shard (of `count`) that an id's key falls in: FNV-1a (64 bits)
    /// of its UTF-8 bytes, modulo `count`.
    pub fn of(key: &str, count: u64) -> u64 {
        fnv1a64(key.as_bytes()) % count.max(1)
    }

    /// True for the lines this shard answers: those whose id falls in it,
    /// and, in shard 0, those with no usable id.
    pub fn keeps(&self, id: Option<&Id>) -> bool {
        match id {
            Some(id) => Shard::of(id.key(), self.count) == self.index,
            None => self.index == 0,
        }
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let usage = || format!("{s:?} is not a shard: write K/N, e.g. 0/4 for the first of four");
        let (k, n) = s.split_once('/').ok_or_else(usage)?;
        let index: u64 = k.trim().parse().map_err(|_| usage())?;
        let count: u64 = n.trim().parse().map_err(|_| usage())?;
        if count == 0 {
            return Err(format!("shard {s}: N must be at least 1"));
        }
        if index >= count {
            return Err(format!(
                "shard {s}: K counts from 0, so it must be less than N (0/{count} to {}/{count})",
                count - 1
            ));
        }
        Ok(Shard { index, count })
    }
}

/// Where a line's document is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// `text`: the content, its format found as for a file named like the id.
    Text(String),
    /// `html`: HTML content.
    Html(String),
    /// `path`: a file to read.
    Path(String),
}

/// One input line, understood.
#[derive(Clone, Debug)]
pub struct Request {
    /// The document's id.
    pub id: Id,
    /// The document.
    pub body: Body,
    /// `format`, overriding detection.
    pub format: Option<Format>,
    /// `date`, the document's date where it states none.
    pub date: Option<Date>,
}

/// Why a line is not a request, with its id when it has a usable one.
#[derive(Clone, Debug)]
pub struct LineError {
    /// The line's id, if it has one.
    pub id: Option<Id>,
    /// What is wrong, and what to do.
    pub message: String,
}

impl LineError {
    fn new(id: Option<Id>, message: impl Into<String>) -> LineError {
        LineError {
            id,
            message: message.into(),
        }
    }
}

/// The fields of a line, each kept as raw JSON until it is checked, so that
/// one bad field still leaves the id for the error record.
#[derive(Deserialize)]
struct Fields<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    text: Option<&'a RawValue>,
    #[serde(borrow)]
    html: Option<&'a RawValue>,
    #[serde(borrow)]
    path: Option<&'a RawValue>,
    #[serde(borrow)]
    format: Option<&'a RawValue>,
    #[serde(borrow)]
    date: Option<&'a RawValue>,
}

/// Reads one input line (without its line break).
pub fn parse(line: &[u8]) -> Result<Request, LineError> {
    let line = std::str::from_utf8(line).map_err(|e| {
        LineError::new(
            None,
            format!(
                "not UTF-8 (at byte {}): each line must be a JSON object",
                e.valid_up_to()
            ),
        )
    })?;
    let line = line.trim();
    if line.is_empty() {
        return Err(LineError::new(
            None,
            "empty line: each line must be a JSON object with an \"id\"",
        ));
    }
    if !line.starts_with('{') {
        return Err(LineError::new(
            None,
            "not a JSON object: each line must be one, such as {\"id\": \"a\", \"text\": \"...\"}",
        ));
    }
    let fields: Fields =
        serde_json::from_str(line).map_err(|e| LineError::new(None, format!("not JSON: {e}")))?;
    let id = match fields.id {
        None => {
            return Err(LineError::new(
                None,
                "no \"id\": each line needs one (a string or a number)",
            ));
        }
        Some(raw) => Id::parse(raw)
            .ok_or_else(|| LineError::new(None, "\"id\" must be a string or a number"))?,
    };
    let fail = |message: String| LineError::new(Some(id.clone()), message);
    let string = |raw: Option<&RawValue>, field: &str| {
        raw.map(|r| {
            serde_json::from_str::<String>(r.get())
                .map_err(|_| fail(format!("\"{field}\" must be a string")))
        })
        .transpose()
    };
    let text = string(fields.text, "text")?;
    let html = string(fields.html, "html")?;
    let path = string(fields.path, "path")?;
    let body = match (text, html, path) {
        (Some(t), None, None) => Body::Text(t),
        (None, Some(h), None) => Body::Html(h),
        (None, None, Some(p)) => Body::Path(p),
        (None, None, None) => {
            return Err(fail(
                "no document: give its content as \"text\" or \"html\", or a file as \"path\""
                    .into(),
            ));
        }
        _ => {
            return Err(fail(
                "more than one of \"text\", \"html\" and \"path\": give one".into(),
            ));
        }
    };
    let format = fields
        .format
        .map(|r| {
            serde_json::from_str::<Format>(r.get()).map_err(|_| {
                fail(format!(
                    "\"format\" {} is not one of \"text\", \"markdown\", \"html\", \"edgar\", \"pdf\"",
                    r.get()
                ))
            })
        })
        .transpose()?;
    if format == Some(Format::Pdf) && !matches!(body, Body::Path(_)) {
        return Err(fail(
            "\"format\": \"pdf\" needs a \"path\": a PDF is read from its file".into(),
        ));
    }
    let date = string(fields.date, "date")?
        .map(|d| {
            Date::parse(&d).ok_or_else(|| {
                fail(format!(
                    "\"date\" {d:?} is not a date: write it as YYYY-MM-DD"
                ))
            })
        })
        .transpose()?;
    Ok(Request {
        id,
        body,
        format,
        date,
    })
}

impl Request {
    /// Loads the document: reads the file of a `path` (files over
    /// `max_bytes` and binary files refused, as `claimlens check` refuses
    /// them), or takes the content of `text` and `html`, named after the id.
    pub fn load(self, max_bytes: u64) -> Result<Source, Error> {
        let (content, html) = match self.body {
            Body::Path(p) => {
                return load::load_as(&Input::File(PathBuf::from(p)), max_bytes, self.format);
            }
            Body::Text(t) => (t, false),
            Body::Html(h) => (h, true),
        };
        let name = self.id.key;
        if decode::looks_binary(content.as_bytes()) {
            return Err(Error::new(
                ErrorKind::Binary,
                name,
                "looks binary (NUL characters); claimlens reads text, HTML, Markdown and EDGAR submissions",
            ));
        }
        let format = self.format.or(html.then_some(Format::Html));
        Ok(Source::from_bytes(name, content.into_bytes(), format))
    }
}

/// What one input line yields.
#[derive(Debug)]
pub enum Reply {
    /// The line's document, analysed: one analysis, or one per part of an
    /// EDGAR submission.
    Analyzed {
        /// The line's id.
        id: Id,
        /// The analyses, in the document's order.
        analyses: Vec<Analysis>,
    },
    /// The line could not be read, or its document could not be loaded or
    /// analysed.
    Failed {
        /// The line's id, when it has a usable one.
        id: Option<Id>,
        /// The 1-based number of the line in the input.
        line: u64,
        /// What went wrong.
        message: String,
    },
}

/// How to run a stream.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// Documents analysed at once.
    pub threads: usize,
    /// The longest line kept, and the largest file a `path` may name.
    pub max_bytes: u64,
    /// Keep only this shard's lines.
    pub shard: Option<Shard>,
    /// The most lines analysed in one batch.
    pub chunk_lines: usize,
    /// A batch closes once its lines hold this many bytes.
    pub chunk_bytes: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            threads: 1,
            max_bytes: load::DEFAULT_MAX_BYTES,
            shard: None,
            chunk_lines: 256,
            chunk_bytes: 16 * 1024 * 1024,
        }
    }
}

/// One line as read: its number and its bytes, or only its length when it
/// is over the limit.
#[derive(Debug)]
struct Line {
    number: u64,
    content: Result<Vec<u8>, usize>,
}

/// The answer to one line, or `None` when it belongs to another shard.
fn answer(line: &Line, options: &Options, settings: &Settings) -> Option<Reply> {
    let failed = |id: Option<Id>, message: String| Reply::Failed {
        id,
        line: line.number,
        message,
    };
    let parsed = match &line.content {
        Ok(bytes) => parse(bytes),
        Err(len) => Err(LineError::new(
            None,
            format!(
                "the line is {len} bytes, over the limit of {} bytes; raise it with --max-bytes",
                settings.max_bytes
            ),
        )),
    };
    let id = match &parsed {
        Ok(r) => Some(&r.id),
        Err(e) => e.id.as_ref(),
    };
    if settings.shard.is_some_and(|s| !s.keeps(id)) {
        return None;
    }
    let request = match parsed {
        Ok(r) => r,
        Err(e) => return Some(failed(e.id, e.message)),
    };
    let id = request.id.clone();
    let date = request.date.or(options.as_of);
    let work = AssertUnwindSafe(|| {
        request
            .load(settings.max_bytes)
            .map(|source| analyze_parts_as_of(source, options, date))
    });
    Some(match catch_unwind(work) {
        Ok(Ok(analyses)) => Reply::Analyzed { id, analyses },
        Ok(Err(e)) => failed(Some(id), e.to_string()),
        Err(_) => failed(
            Some(id),
            "claimlens failed on this document (a bug: please report it with the document)".into(),
        ),
    })
}

/// Reads JSON Lines from `input` to its end and hands `emit` the replies of
/// each batch, in input order (see the module docs). An error reading the
/// input or from `emit` stops the stream and is returned; bad lines and
/// documents are replies, not errors.
pub fn run<R, E>(input: R, options: &Options, settings: &Settings, mut emit: E) -> io::Result<()>
where
    R: Read + Send + 'static,
    E: FnMut(&[Reply]) -> io::Result<()>,
{
    let queue = Arc::new(Queue::new(settings));
    let reader = {
        let queue = Arc::clone(&queue);
        let settings = *settings;
        std::thread::Builder::new()
            .name("claimlens-stream-reader".into())
            .spawn(move || read_lines(input, &queue, &settings))?
    };
    let pool = Pool::new(settings.threads);
    let result = (|| loop {
        let Some(batch) = queue.take()? else {
            return Ok(());
        };
        let replies: Vec<Reply> = pool
            .map(&batch, |line| answer(line, options, settings))
            .into_iter()
            .flatten()
            .collect();
        emit(&replies)?;
    })();
    match result {
        // The reader is done: wait for it, so nothing outlives the call.
        Ok(()) => {
            let _ = reader.join();
            Ok(())
        }
        // The reader may be waiting on input that never ends; it stops by
        // itself once it sees the stream closed.
        Err(e) => {
            queue.close();
            Err(e)
        }
    }
}

/// Lines read and not yet analysed, shared by the reader thread (which
/// waits while the queue is full) and the analysing thread (which waits
/// while it is empty).
struct Queue {
    state: Mutex<QueueState>,
    changed: Condvar,
}

#[derive(Default)]
struct QueueState {
    lines: VecDeque<Line>,
    bytes: usize,
    /// The most lines and bytes the queue holds before the reader waits.
    limits: (usize, usize),
    /// The reader has read everything it will (end of input or an error).
    done: bool,
    error: Option<io::Error>,
    /// The consumer gave up: the reader stops.
    closed: bool,
}

impl Queue {
    fn new(settings: &Settings) -> Queue {
        Queue {
            state: Mutex::new(QueueState {
                limits: (settings.chunk_lines.max(1), settings.chunk_bytes.max(1)),
                ..QueueState::default()
            }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, QueueState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn wait<'a>(&self, guard: MutexGuard<'a, QueueState>) -> MutexGuard<'a, QueueState> {
        self.changed
            .wait(guard)
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds a line, waiting while the queue is full; false once the
    /// consumer is gone.
    fn push(&self, line: Line) -> bool {
        let mut s = self.lock();
        while !s.closed && (s.lines.len() >= s.limits.0 || s.bytes >= s.limits.1) {
            s = self.wait(s);
        }
        if s.closed {
            return false;
        }
        s.bytes += line.content.as_ref().map_or(0, Vec::len);
        s.lines.push_back(line);
        self.changed.notify_all();
        true
    }

    /// Every line read so far, waiting for one when there are none; `None`
    /// at the end of the input.
    fn take(&self) -> io::Result<Option<Vec<Line>>> {
        let mut s = self.lock();
        while s.lines.is_empty() && !s.done {
            s = self.wait(s);
        }
        if s.lines.is_empty() {
            return match s.error.take() {
                Some(e) => Err(e),
                None => Ok(None),
            };
        }
        s.bytes = 0;
        let batch = s.lines.drain(..).collect();
        self.changed.notify_all();
        Ok(Some(batch))
    }

    fn finish(&self, error: Option<io::Error>) {
        let mut s = self.lock();
        s.done = true;
        s.error = error;
        self.changed.notify_all();
    }

    fn close(&self) {
        self.lock().closed = true;
        self.changed.notify_all();
    }
}

/// The reader thread: every line of `input` into the queue, then the end.
fn read_lines<R: Read>(input: R, queue: &Queue, settings: &Settings) {
    // Whatever happens here (a panic included), the consumer must learn
    // that no more lines will come.
    struct Finish<'a>(&'a Queue, Option<io::Error>);
    impl Drop for Finish<'_> {
        fn drop(&mut self) {
            let error = self.1.take().or_else(|| {
                std::thread::panicking().then(|| io::Error::other("the input reader failed"))
            });
            self.0.finish(error);
        }
    }
    let mut finish = Finish(queue, None);
    let limit = usize::try_from(settings.max_bytes).unwrap_or(usize::MAX);
    let mut reader = BufReader::with_capacity(64 * 1024, input);
    let mut number = 0;
    loop {
        let mut buf = Vec::new();
        match read_line(&mut reader, &mut buf, limit) {
            Ok(Some(len)) => {
                number += 1;
                let content = if len > limit { Err(len) } else { Ok(buf) };
                if !queue.push(Line { number, content }) {
                    return;
                }
            }
            Ok(None) => return,
            Err(e) => {
                finish.1 = Some(e);
                return;
            }
        }
    }
}

/// Reads one line into `buf` without its `\n`, keeping nothing of a line
/// over `limit` bytes; returns the line's length, or `None` at the end of
/// the input. A last line without a `\n` is a line.
fn read_line(r: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<Option<usize>> {
    buf.clear();
    let mut len = 0usize;
    let mut started = false;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(started.then_some(len));
        }
        started = true;
        let (used, end) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let part = &available[..used - usize::from(end)];
        len = len.saturating_add(part.len());
        if len <= limit {
            buf.extend_from_slice(part);
        } else if !buf.is_empty() {
            *buf = Vec::new();
        }
        r.consume(used);
        if end {
            return Ok(Some(len));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_of(line: &str) -> Option<String> {
        match parse(line.as_bytes()) {
            Ok(r) => Some(r.id.raw().get().to_owned()),
            Err(e) => e.id.map(|i| i.raw().get().to_owned()),
        }
    }

    #[test]
    fn lines_are_read_with_their_id_as_written() {
        let r = parse(br#"{"id": "a\u0062", "text": "x", "date": "2025-07-07", "extra": [1]}"#);
        let r = r.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(r.id.raw().get(), r#""a\u0062""#);
        assert_eq!(r.id.key(), "ab");
        assert_eq!(r.body, Body::Text("x".into()));
        assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2025-07-07"));
        let r = parse(br#"{"id":4.20e1,"html":"<p>x</p>","format":"markdown"}"#);
        let r = r.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(r.id.key(), "4.20e1");
        assert_eq!(r.format, Some(Format::Markdown));
        let r = parse(b"{\"id\":\"p\",\"path\":\"a.txt\",\"format\":null}\r");
        assert!(r.is_ok_and(|r| r.body == Body::Path("a.txt".into()) && r.format.is_none()));
    }

    #[test]
    fn bad_lines_say_why_and_keep_the_id_they_have() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("", None, "empty line"),
            ("   ", None, "empty line"),
            ("not json", None, "not a JSON object"),
            ("[\"a\", \"b\"]", None, "not a JSON object"),
            ("{\"id\": \"a\", ", None, "not JSON"),
            ("{\"text\": \"x\"}", None, "no \"id\""),
            ("{\"id\": null, \"text\": \"x\"}", None, "no \"id\""),
            (
                "{\"id\": true, \"text\": \"x\"}",
                None,
                "string or a number",
            ),
            ("{\"id\": [1], \"text\": \"x\"}", None, "string or a number"),
            ("{\"id\": \"a\"}", Some("\"a\""), "no document"),
            (
                "{\"id\": 7, \"text\": 5}",
                Some("7"),
                "\"text\" must be a string",
            ),
            (
                "{\"id\": \"a\", \"text\": \"x\", \"path\": \"y\"}",
                Some("\"a\""),
                "more than one",
            ),
            (
                "{\"id\": \"a\", \"text\": \"x\", \"format\": \"docx\"}",
                Some("\"a\""),
                "\"docx\" is not one of",
            ),
            (
                "{\"id\": \"a\", \"text\": \"x\", \"format\": \"pdf\"}",
                Some("\"a\""),
                "needs a \"path\"",
            ),
            (
                "{\"id\": \"a\", \"text\": \"x\", \"date\": \"July 7\"}",
                Some("\"a\""),
                "not a date",
            ),
            (
                "{\"id\": \"a\", \"text\": \"x\", \"date\": \"2025-02-30\"}",
                Some("\"a\""),
                "not a date",
            ),
        ];
        for (line, id, why) in cases {
            let e = parse(line.as_bytes()).err();
            let message = e.as_ref().map(|e| e.message.as_str()).unwrap_or("parsed");
            assert!(message.contains(why), "{line:?}: {message}");
            assert_eq!(id_of(line).as_deref(), *id, "{line:?}");
        }
        let e = parse(b"{\"id\": \"a\xff\"}").err();
        assert!(e.is_some_and(|e| e.message.starts_with("not UTF-8 (at byte 9)")));
    }

    #[test]
    fn shards_parse_and_are_validated() {
        assert_eq!("2/3".parse(), Ok(Shard { index: 2, count: 3 }));
        assert_eq!(" 0 / 1 ".parse(), Ok(Shard { index: 0, count: 1 }));
        for bad in ["3/3", "1/0", "a/2", "1", "-1/2", "1/2/3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_shard_hash_is_fnv1a_of_the_key_and_stable() {
        // Reference values: a job in another language must compute these.
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(Shard::of("a", 3), 0xaf63_dc4c_8601_ec8c % 3);
        assert_eq!(Shard::of("foobar", 1000), 0x8594_4171_f739_67e8 % 1000);
        // A string id and a number id with the same text share a shard.
        let s = parse(br#"{"id":"42","text":"x"}"#).map(|r| r.id.key().to_owned());
        let n = parse(br#"{"id":42,"text":"x"}"#).map(|r| r.id.key().to_owned());
        assert_eq!(s.ok(), n.ok());
        // Lines without an id go to shard 0.
        assert!(Shard { index: 0, count: 4 }.keeps(None));
        assert!(!Shard { index: 1, count: 4 }.keeps(None));
    }

    #[test]
    fn lines_are_read_whole_bounded_and_without_a_final_newline() {
        let input = b"one\n\ntoo long line\nlast";
        let mut r = BufReader::with_capacity(4, &input[..]);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while let Some(len) = read_line(&mut r, &mut buf, 8).unwrap_or(None) {
            got.push((len, String::from_utf8_lossy(&buf).into_owned()));
        }
        assert_eq!(
            got,
            [
                (3, "one".to_string()),
                (0, String::new()),
                (13, String::new()),
                (4, "last".to_string())
            ]
        );
    }

    fn stream(input: &str, settings: Settings) -> Vec<String> {
        let mut out = Vec::new();
        let result = run(
            io::Cursor::new(input.as_bytes().to_vec()),
            &Options::default(),
            &settings,
            |replies| {
                out.extend(replies.iter().map(|r| match r {
                    Reply::Analyzed { id, analyses } => {
                        format!("{} {}", id.key(), analyses[0].claims.len())
                    }
                    Reply::Failed { id, line, .. } => {
                        format!("{} error line {line}", id.as_ref().map_or("-", |i| i.key()))
                    }
                }));
                Ok(())
            },
        );
        assert!(result.is_ok(), "{result:?}");
        out
    }

    #[test]
    fn every_line_gets_its_reply_in_order_in_small_batches_too() {
        let mut input = String::new();
        let mut expected = Vec::new();
        for i in 0..40 {
            if i % 7 == 3 {
                input.push_str("oops\n");
                expected.push(format!("- error line {}", i + 1));
            } else {
                input.push_str(&format!(
                    "{{\"id\":\"d{i}\",\"text\":\"It paid ${i} billion for {i}% of it.\"}}\n"
                ));
                expected.push(format!("d{i} 2"));
            }
        }
        for (threads, chunk_lines) in [(1, 256), (3, 5), (2, 1)] {
            let settings = Settings {
                threads,
                chunk_lines,
                chunk_bytes: 300,
                ..Settings::default()
            };
            assert_eq!(
                stream(&input, settings),
                expected,
                "{threads} {chunk_lines}"
            );
        }
    }

    #[test]
    fn shards_split_the_lines_between_them_exactly() {
        let input: String = (0..30)
            .map(|i| format!("{{\"id\":{i},\"text\":\"x\"}}\n"))
            .chain(["bad\n".to_string()])
            .collect();
        let mut all: Vec<String> = (0..3)
            .flat_map(|k| {
                let shard = Some(Shard { index: k, count: 3 });
                stream(
                    &input,
                    Settings {
                        shard,
                        ..Settings::default()
                    },
                )
            })
            .collect();
        assert!(all.iter().filter(|l| l.contains("error")).count() == 1);
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 31);
    }
}
