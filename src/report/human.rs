//! Human output: per document a header, each claim as a compiler-style
//! diagnostic that quotes its sentence and underlines it, then what the
//! record says (value, source, fact) and the verdict with its reason, like a
//! reviewer's comment; the status findings; the markers; and a one-line
//! summary.

use std::io::{self, Write};

use super::{Locator, Outcome, RenderOptions, Tally, Totals, per_100_words, undecided_name};
use crate::analysis::Analysis;
use crate::check::{Check, Verdict};
use crate::claims::Claim;
use crate::span::Span;

/// Widest line excerpt shown, in characters.
const WINDOW: usize = 160;
/// Characters of context kept before the underlined span.
const LEAD: usize = 80;

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn verdict(&self, v: Option<Verdict>, s: &str) -> String {
        let code = match v {
            Some(Verdict::Contradicted) => "1;31",
            Some(Verdict::Supported) => "1;32",
            Some(Verdict::Unverifiable) => "1;33",
            None => "1;36",
        };
        self.wrap(code, s)
    }
}

pub(crate) fn render(
    outcomes: &[Outcome],
    options: RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let paint = Paint { on: options.color };
    for (i, o) in outcomes.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match o {
            Outcome::Failed(e) if o.skipped() => {
                writeln!(
                    out,
                    "{} {e}",
                    paint.verdict(Some(Verdict::Unverifiable), "warning:")
                )?;
            }
            Outcome::Failed(e) => {
                writeln!(
                    out,
                    "{} {e}",
                    paint.verdict(Some(Verdict::Contradicted), "error:")
                )?;
            }
            Outcome::Analyzed(a) => document(a, &paint, out)?,
        }
    }
    if outcomes.len() > 1 {
        writeln!(out)?;
        let t = Totals::of(outcomes);
        let mut line = format!("{} documents: {}", t.analysed, t.counts());
        if t.failed > 0 {
            line.push_str(&format!(", {} could not be read", t.failed));
        }
        if t.skipped > 0 {
            line.push_str(&format!(", {} skipped", t.skipped));
        }
        if let Some(t) = options.elapsed {
            line.push_str(&format!(", in {:.2}s", t.as_secs_f64()));
        }
        writeln!(out, "{}", paint.bold(&line))?;
    }
    Ok(())
}

fn document(a: &Analysis, paint: &Paint, out: &mut dyn Write) -> io::Result<()> {
    let src = &a.source;
    let mut header = match &src.part {
        Some(p) => {
            let name = p
                .filename
                .as_deref()
                .map(|f| format!(", {f}"))
                .unwrap_or_default();
            format!(
                "{} [part {}: {}{name}] ({} in {}",
                src.path,
                p.sequence,
                p.kind,
                p.format.name(),
                src.format.name()
            )
        }
        None => format!("{} ({}", src.path, src.format.name()),
    };
    header.push_str(&format!(", {}, {} bytes", src.encoding, src.bytes().len()));
    if let Some(d) = a.date {
        header.push_str(&format!(", dated {d}"));
    }
    header.push(')');
    if let Some(r) = &a.record {
        header.push_str(&format!(" checked against record {r}"));
    }
    writeln!(out, "{}", paint.bold(&format!("== {header}")))?;
    for n in &a.notes {
        writeln!(out, "{} {n}", paint.dim("note:"))?;
    }
    let loc = Locator::new(a);
    for (i, c) in a.claims.iter().enumerate() {
        writeln!(out)?;
        claim(
            a,
            &loc,
            i,
            c,
            a.checks.get(i).and_then(Option::as_ref),
            paint,
            out,
        )?;
    }
    if !a.statuses.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint.bold("status:"))?;
        for (i, st) in a.statuses.iter().enumerate() {
            let l = loc.locate(st.span);
            let label = paint.verdict(Some(Verdict::Contradicted), &format!("s{}", i + 1));
            writeln!(
                out,
                "  {label} {}:{}:{} {} — {}",
                a.source.path,
                l.line,
                l.column,
                quote(a.text_of(st)),
                st.message
            )?;
        }
    }
    if !a.markers.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint.bold("markers:"))?;
        for (i, m) in a.markers.iter().enumerate() {
            let l = loc.locate(m.span);
            let mut extra = String::new();
            if m.voice != crate::rhetoric::Voice::Author {
                extra.push_str(&format!(" ({})", voice_name(m.voice)));
            }
            if m.context.is_some() {
                extra.push_str(" (boilerplate)");
            }
            writeln!(
                out,
                "  m{:<4} {:>5}:{:<4} {:<26} {}{extra}",
                i + 1,
                l.line,
                l.column,
                m.category,
                quote(a.text_of(m))
            )?;
        }
    }
    let t = Tally::of(a);
    writeln!(out)?;
    let summary = format!(
        "summary: {} claims ({} supported, {} contradicted, {} unverifiable, {} unchecked), {} markers ({} per 100 words), {} words",
        a.claims.len(),
        t.supported,
        t.contradicted,
        t.unverifiable,
        t.unchecked,
        a.markers.len(),
        per_100_words(a.markers.len(), a.words),
        a.words
    );
    writeln!(out, "{}", paint.bold(&summary))?;
    if !a.markers.is_empty() {
        writeln!(
            out,
            "markers by category (per 100 words): {}",
            by_category(a)
        )?;
    }
    Ok(())
}

/// "loaded_language 24 (2.59), hedge 9 (0.97), ...": most frequent first.
fn by_category(a: &Analysis) -> String {
    super::markers_by_category(a)
        .iter()
        .map(|(c, n)| format!("{c} {n} ({})", per_100_words(*n, a.words)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn voice_name(v: crate::rhetoric::Voice) -> &'static str {
    match v {
        crate::rhetoric::Voice::Author => "author",
        crate::rhetoric::Voice::Quoted => "quoted",
        crate::rhetoric::Voice::Heading => "heading",
    }
}

fn quote(s: &str) -> String {
    format!("“{}”", super::one_line(s))
}

fn claim(
    a: &Analysis,
    loc: &Locator<'_>,
    i: usize,
    c: &Claim,
    check: Option<&Check>,
    paint: &Paint,
    out: &mut dyn Write,
) -> io::Result<()> {
    let text = a.text_of(c);
    let verdict = check.map(|k| k.verdict);
    let label = match check {
        Some(k) => match (k.verdict, k.severity) {
            (Verdict::Contradicted, Some(s)) => format!("contradicted ({})", s.name()),
            (v, _) => v.name().to_string(),
        },
        None => "claim".to_string(),
    };
    let mut what = format!("{} {}", c.kind.name(), quote(text));
    if let Some(v) = c.value {
        what.push_str(&format!(" = {}", v));
        if let Some(u) = c.upper {
            what.push_str(&format!("–{u}"));
        }
        what.push_str(&format!(" {}", c.unit));
    } else if let Some(p) = c.period {
        what.push_str(&format!(" = {p}"));
    }
    if c.comparator != crate::claims::Comparator::Eq {
        what.push_str(&format!(" ({})", c.comparator.name()));
    }
    writeln!(
        out,
        "{}: {what}",
        paint.verdict(verdict, &format!("c{} {label}", i + 1))
    )?;
    let l = loc.locate(c.span);
    writeln!(
        out,
        "  {} {}:{}:{}",
        paint.dim("-->"),
        a.source.path,
        l.line,
        l.column
    )?;
    let sentence = a.sentences.get(c.sentence).map_or(c.span, |s| s.span);
    let (excerpt, caret_at, caret_len) = excerpt(a.source.text(), c.span, sentence);
    let gutter = l.line.to_string();
    let pad = " ".repeat(gutter.len());
    writeln!(out, "  {pad} {}", paint.dim("|"))?;
    writeln!(out, "  {} {} {excerpt}", paint.dim(&gutter), paint.dim("|"))?;
    let mut note = String::new();
    if !c.about.is_empty() {
        note.push_str(&format!(" about “{}”", c.about));
    }
    if c.quoted {
        note.push_str(" (quoted)");
    }
    if let Some(ch) = c.change {
        note.push_str(&format!(" (change: {})", format!("{ch:?}").to_lowercase()));
    }
    let carets = "^".repeat(caret_len.max(1));
    writeln!(
        out,
        "  {pad} {} {}{}{note}",
        paint.dim("|"),
        " ".repeat(caret_at),
        paint.verdict(verdict, &carets)
    )?;
    if let Some(k) = check {
        if let (Some(record), Some(source)) = (&k.record, &k.source) {
            let fact = match (&k.fact, &k.about) {
                (Some(id), Some(about)) => format!(" — fact {id}: {about}"),
                (Some(id), None) => format!(" — fact {id}"),
                _ => String::new(),
            };
            writeln!(
                out,
                "  {pad} {} record: {record} ({source}){fact}",
                paint.dim("=")
            )?;
        }
        let why = k.why.as_deref().unwrap_or(&k.reason);
        let verdict = match (k.verdict, k.undecided) {
            (Verdict::Unverifiable, Some(u)) => format!("unverifiable ({})", undecided_name(u)),
            (v, _) => v.name().to_string(),
        };
        let mut line = match (&k.stated, k.verdict) {
            (Some(stated), Verdict::Supported | Verdict::Contradicted) => {
                format!("states {stated} — {why}")
            }
            _ => why.to_string(),
        };
        if c.quoted && k.verdict != Verdict::Unverifiable {
            line.push_str("; quoted speech, checked as the speaker's claim");
        }
        writeln!(
            out,
            "  {pad} {} {}: {line}",
            paint.dim("="),
            paint.verdict(Some(k.verdict), &verdict)
        )?;
    }
    let ms: Vec<String> = a
        .markers_of(c)
        .map(|m| {
            format!(
                "m{} {} {}",
                m + 1,
                a.markers[m].category,
                quote(a.text_of(&a.markers[m]))
            )
        })
        .collect();
    if !ms.is_empty() {
        writeln!(out, "  {pad} {} markers: {}", paint.dim("="), ms.join(", "))?;
    }
    Ok(())
}

/// The part of `sentence` on the line holding `span`, cut to a window around
/// the span when it is long, with the character offset and length of the
/// span inside the excerpt.
fn excerpt(text: &str, span: Span, sentence: Span) -> (String, usize, usize) {
    // Search for the line's ends only within the sentence (and a bounded
    // window), so a document that is one long line stays linear.
    let lo = sentence
        .start
        .min(span.start)
        .max(span.start.saturating_sub(4096));
    let lo = crate::span::ceil_char_boundary(text, lo);
    let hi = sentence
        .end
        .max(span.end)
        .min(span.end + 4096)
        .min(text.len());
    let hi = crate::span::floor_char_boundary(text, hi).max(span.end);
    let line_start = text[lo..span.start].rfind('\n').map_or(lo, |p| lo + p + 1);
    let line_end = text[span.start..hi]
        .find('\n')
        .map_or(hi, |p| span.start + p);
    let line_start = if (line_start..=span.start).contains(&sentence.start) {
        sentence.start
    } else {
        line_start
    };
    let line_end = if (span.end..=line_end).contains(&sentence.end) {
        sentence.end
    } else {
        line_end
    };
    let span_end = span.end.min(line_end);
    let clean = |s: &str| {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
    };
    let before: Vec<char> = clean(&text[line_start..span.start]).chars().collect();
    let inner: Vec<char> = clean(&text[span.start..span_end]).chars().collect();
    let after: Vec<char> = clean(text[span_end..line_end].trim_end()).chars().collect();
    let mut s = String::new();
    let lead = if before.len() > LEAD {
        s.push('…');
        s.extend(&before[before.len() - LEAD..]);
        LEAD + 1
    } else {
        s.extend(&before);
        before.len()
    };
    s.extend(&inner);
    let room = WINDOW.saturating_sub(lead + inner.len());
    if after.len() > room {
        s.extend(&after[..room]);
        s.push('…');
    } else {
        s.extend(&after);
    }
    (s, lead, inner.len())
}
