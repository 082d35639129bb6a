//! Markdown → the text a reader sees, with every text byte mapped back to
//! its source bytes.
//!
//! Markup is kept out of the text: emphasis marks (`*`, `_`, `**`, `__`,
//! `~~`), heading `#`s (the heading text stays on its own line), setext
//! underlines and thematic breaks, blockquote `>`s, link targets
//! (`[text](url)` and `[text][ref]` become `text`), images, autolinks,
//! inline HTML tags and comments, backslash escapes, link reference
//! definitions, table delimiter rows (table pipes become tabs, so cells stay
//! apart). Code, inline or fenced, is dropped: it is not prose. Character
//! references decode as in HTML. List markers stay: they tell the sentence
//! splitter where items begin.
//!
//! A line-by-line reader, not a CommonMark parser: it does not build a tree,
//! and an emphasis mark is dropped when it sits against a word, whether or
//! not it has a partner (`*` between two digits is kept: `5*3`). Indented
//! code blocks are read as text.

use super::html;
use super::offset_map::{MapBuilder, OffsetMap};

/// Converts Markdown to text and a map into it.
pub fn to_text(md: &str) -> (String, OffsetMap) {
    let mut out = Out {
        text: String::with_capacity(md.len()),
        map: MapBuilder::new(),
        partners: Vec::new(),
    };
    let b = md.as_bytes();
    let mut fence: Option<(u8, usize)> = None;
    let mut in_comment = false;
    let mut pos = 0;
    while pos < b.len() {
        let eol = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |p| pos + p);
        let next = (eol + 1).min(b.len());
        let line_end = if eol > pos && b[eol - 1] == b'\r' {
            eol - 1
        } else {
            eol
        };
        let line = &md[pos..line_end];
        let newline = &md[line_end..next];
        if let Some((ch, len)) = fence {
            if fence_of(line).is_some_and(|(c, l)| {
                c == ch
                    && l >= len
                    && line
                        .trim_start()
                        .trim_start_matches(ch as char)
                        .trim()
                        .is_empty()
            }) {
                fence = None;
            }
            out.verbatim(line_end, newline);
            pos = next;
            continue;
        }
        if !in_comment {
            if let Some(f) = fence_of(line) {
                fence = Some(f);
                out.verbatim(line_end, newline);
                pos = next;
                continue;
            }
            if is_rule_or_underline(line) || is_delimiter_row(line) || is_reference_definition(line)
            {
                out.verbatim(line_end, newline);
                pos = next;
                continue;
            }
        }
        let mut start = pos;
        if !in_comment {
            start = skip_block_markers(md, pos, line_end);
        }
        let table = line.trim_start().starts_with('|');
        let mut end = line_end;
        if let Some(h) = heading_text(md, start, line_end) {
            start = h.0;
            end = h.1;
        }
        out.partners = partners(b, start, end);
        in_comment = inline(md, start, end, table, in_comment, 0, &mut out);
        out.verbatim(line_end, newline);
        pos = next;
    }
    (out.text, out.map.finish_map(md.len()))
}

struct Out {
    text: String,
    map: MapBuilder,
    /// The brackets of the current line and their partners ([`partners`]).
    partners: Vec<(usize, usize)>,
}

impl Out {
    fn verbatim(&mut self, at: usize, s: &str) {
        self.text.push_str(s);
        self.map.verbatim(at, s.len());
    }

    fn decoded(&mut self, at: usize, len: usize, s: &str) {
        self.text.push_str(s);
        self.map.decoded(at, len, s.len());
    }
}

/// A fence line (```` ``` ```` or `~~~`, up to three spaces in): its
/// character and length.
fn fence_of(line: &str) -> Option<(u8, usize)> {
    let t = line
        .strip_prefix("   ")
        .or_else(|| line.strip_prefix("  "))
        .or_else(|| line.strip_prefix(' '))
        .unwrap_or(line);
    let c = *t.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = t.bytes().take_while(|&x| x == c).count();
    (n >= 3 && !(c == b'`' && t[n..].contains('`'))).then_some((c, n))
}

/// `---`, `***`, `___` (a thematic break) or a setext underline (`===`, `---`).
fn is_rule_or_underline(line: &str) -> bool {
    let t = line.trim();
    let Some(c) = t.chars().next() else {
        return false;
    };
    if c == '=' {
        return t.chars().all(|x| x == '=');
    }
    matches!(c, '-' | '*' | '_')
        && t.chars().filter(|&x| x == c).count() >= 3
        && t.chars().all(|x| x == c || x == ' ')
}

/// A table's delimiter row: `|---|:---:|`.
fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('-')
        && t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// `[ref]: https://…` on a line of its own.
fn is_reference_definition(line: &str) -> bool {
    let t = line.trim_start();
    if !t.starts_with('[') {
        return false;
    }
    t.find("]:").is_some_and(|p| {
        p > 1
            && !t[1..p].contains(']')
            && !t[p + 2..].trim().is_empty()
            && !t[p + 2..].trim().contains(' ')
    })
}

/// Skips blockquote markers (`> `) at the start of a line; returns where the
/// content starts.
fn skip_block_markers(md: &str, mut i: usize, end: usize) -> usize {
    let b = md.as_bytes();
    loop {
        let mut j = i;
        while j < end && j - i < 3 && b[j] == b' ' {
            j += 1;
        }
        if j < end && b[j] == b'>' {
            i = j + 1;
            if i < end && b[i] == b' ' {
                i += 1;
            }
        } else {
            return i;
        }
    }
}

/// An ATX heading (`## Title ##`): the range of its text.
fn heading_text(md: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let b = md.as_bytes();
    let mut i = start;
    while i < end && i - start < 3 && b[i] == b' ' {
        i += 1;
    }
    let hashes = b[i..end].iter().take_while(|&&c| c == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    i += hashes;
    if i < end && !matches!(b[i], b' ' | b'\t') {
        return None;
    }
    while i < end && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    // A closing run of #'s after a space goes too.
    let mut e = end;
    while e > i && matches!(b[e - 1], b' ' | b'\t') {
        e -= 1;
    }
    let closing = b[i..e].iter().rev().take_while(|&&c| c == b'#').count();
    if closing > 0 && (e - closing == i || matches!(b[e - closing - 1], b' ' | b'\t')) {
        e -= closing;
        while e > i && matches!(b[e - 1], b' ' | b'\t') {
            e -= 1;
        }
    }
    Some((i, e))
}

/// How far a link or code span may reach on its line: looking further for
/// a code span's closing backticks would make a line of many unmatched
/// backticks quadratic.
const REACH: usize = 4096;

/// Links inside link text are read this deep, no deeper.
const MAX_LINK_DEPTH: usize = 8;

/// Every `[` and `(` of `b[start..end]` (a line) that is closed on it, with
/// its `]` or `)`, sorted by the opening offset; a backslash escapes the
/// next byte. One pass with a stack per kind: searching from each bracket
/// for its partner made a line of many unclosed brackets quadratic.
fn partners(b: &[u8], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if memchr::memchr2(b'[', b'(', &b[start..end]).is_none() {
        return out;
    }
    let (mut squares, mut rounds) = (Vec::new(), Vec::new());
    let mut i = start;
    while i < end {
        match b[i] {
            b'\\' => i += 1,
            b'[' => squares.push(i),
            b'(' => rounds.push(i),
            b']' => out.extend(squares.pop().map(|open| (open, i))),
            b')' => out.extend(rounds.pop().map(|open| (open, i))),
            _ => {}
        }
        i += 1;
    }
    out.sort_unstable();
    out
}

/// The close bracket matching the open bracket at `at`, if it comes before
/// `end` and within [`REACH`].
fn matching(partners: &[(usize, usize)], at: usize, end: usize) -> Option<usize> {
    let k = partners.binary_search_by_key(&at, |p| p.0).ok()?;
    let close = partners[k].1;
    (close < end.min(at + REACH)).then_some(close)
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// Writes the inline content of `md[start..end]`: drops emphasis marks,
/// code, link targets, images, tags and comments. Returns whether an HTML
/// comment is still open at the end.
fn inline(
    md: &str,
    start: usize,
    end: usize,
    table: bool,
    mut in_comment: bool,
    depth: usize,
    out: &mut Out,
) -> bool {
    let b = md.as_bytes();
    let mut run = start;
    let mut i = start;
    if in_comment {
        match memchr::memmem::find(&b[start..end], b"-->") {
            Some(p) => {
                i = start + p + 3;
                run = i;
                in_comment = false;
            }
            None => return true,
        }
    }
    macro_rules! flush {
        ($to:expr) => {
            if run < $to {
                out.verbatim(run, &md[run..$to]);
            }
        };
    }
    while i < end {
        let c = b[i];
        match c {
            b'\\' if i + 1 < end && b[i + 1].is_ascii_punctuation() => {
                flush!(i);
                out.decoded(i, 2, &md[i + 1..i + 2]);
                i += 2;
                run = i;
            }
            b'`' => {
                let n = b[i..end].iter().take_while(|&&x| x == b'`').count();
                let close = find_run(b, i + n, end, b'`', n);
                flush!(i);
                match close {
                    // Inline code: dropped.
                    Some(cl) => i = cl + n,
                    None => {
                        out.verbatim(i, &md[i..i + n]);
                        i += n;
                    }
                }
                run = i;
            }
            b'!' if b.get(i + 1) == Some(&b'[') && i + 1 < end => {
                match link_end(b, &out.partners, i + 1, end) {
                    Some((_, after)) => {
                        flush!(i);
                        i = after;
                        run = i;
                    }
                    None => i += 1,
                }
            }
            b'[' => match link_end(b, &out.partners, i, end) {
                Some((text_end, after)) => {
                    flush!(i);
                    // A comment left open inside link text ends with it.
                    // Links nest only so deep; past that, the text is copied.
                    if depth < MAX_LINK_DEPTH {
                        let _ = inline(md, i + 1, text_end, table, false, depth + 1, out);
                    } else {
                        out.verbatim(i + 1, &md[i + 1..text_end]);
                    }
                    i = after;
                    run = i;
                }
                None => i += 1,
            },
            b'<' => {
                if b[i..end].starts_with(b"<!--") {
                    flush!(i);
                    match memchr::memmem::find(&b[i + 4..end], b"-->") {
                        Some(p) => {
                            i = i + 4 + p + 3;
                            run = i;
                        }
                        None => return true,
                    }
                } else if let Some(len) = tag_or_autolink(&b[i..end]) {
                    flush!(i);
                    i += len;
                    run = i;
                } else {
                    i += 1;
                }
            }
            b'&' => match html::entity(md, i) {
                Some((ch, len)) if i + len <= end => {
                    flush!(i);
                    let mut buf = [0u8; 4];
                    out.decoded(i, len, ch.encode_utf8(&mut buf));
                    i += len;
                    run = i;
                }
                _ => i += 1,
            },
            b'*' | b'_' | b'~' => {
                let n = b[i..end].iter().take_while(|&&x| x == c).count();
                let before = md[..i].chars().next_back();
                let after = md[i + n..].chars().next();
                let flanking = !is_space(after) || !is_space(before);
                let intraword_underscore = c == b'_' && is_word(before) && is_word(after);
                let between_digits = before.is_some_and(|x| x.is_ascii_digit())
                    && after.is_some_and(|x| x.is_ascii_digit());
                let single_tilde = c == b'~' && n == 1;
                if flanking && !intraword_underscore && !between_digits && !single_tilde {
                    flush!(i);
                    run = i + n;
                }
                i += n;
            }
            b'|' if table => {
                flush!(i);
                let leading = md[start..i].trim().is_empty();
                let trailing = md[i + 1..end].trim().is_empty();
                if !leading && !trailing {
                    out.decoded(i, 1, "\t");
                }
                i += 1;
                run = i;
            }
            _ => i += 1,
        }
    }
    flush!(end);
    in_comment
}

/// The start of a closing run of exactly `n` backticks at or after `from`.
fn find_run(b: &[u8], from: usize, end: usize, c: u8, n: usize) -> Option<usize> {
    let end = end.min(from + REACH);
    let mut i = from;
    while i < end {
        if b[i] == c {
            let m = b[i..end].iter().take_while(|&&x| x == c).count();
            if m == n {
                return Some(i);
            }
            i += m;
        } else {
            i += 1;
        }
    }
    None
}

/// For a `[` at `at` that opens a link (`[text](url)` or `[text][ref]`):
/// where its text ends and where the link ends.
fn link_end(
    b: &[u8],
    partners: &[(usize, usize)],
    at: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let close = matching(partners, at, end)?;
    match b.get(close + 1) {
        Some(b'(' | b'[') if close + 1 < end => {
            matching(partners, close + 1, end).map(|p| (close, p + 1))
        }
        _ => None,
    }
}

/// An inline HTML tag (`<sup>`, `</b>`, `<br/>`) or an autolink
/// (`<https://…>`): its length.
fn tag_or_autolink(s: &[u8]) -> Option<usize> {
    // The first `>` with no `<` before it: searching on to a `>` past the
    // next `<` made a line of many `<` quadratic.
    let gt = 1 + memchr::memchr2(b'<', b'>', s.get(1..)?)?;
    if s[gt] != b'>' {
        return None;
    }
    let inner = &s[1..gt];
    let name = inner.strip_prefix(b"/").unwrap_or(inner);
    let first = *name.first()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let autolink = inner.windows(3).any(|w| w == b"://") || inner.starts_with(b"mailto:");
    let n = name
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
        .count();
    let tag = n > 0 && name.get(n).is_none_or(|c| matches!(c, b' ' | b'/' | b'\t'));
    (autolink || tag).then_some(gt + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn text(md: &str) -> String {
        to_text(md).0
    }

    #[test]
    fn drops_markup_and_code() {
        assert_eq!(
            text("# The **$9 billion** deal #\n"),
            "The $9 billion deal\n"
        );
        assert_eq!(
            text("It is *very* _big_ and ~~small~~.\n"),
            "It is very big and small.\n"
        );
        assert_eq!(
            text("See [the release](https://x.com/a_(b)) now."),
            "See the release now."
        );
        assert_eq!(
            text("Logo ![alt text](logo.png) here, [ref][1] too."),
            "Logo  here, ref too."
        );
        assert_eq!(text("Run `rm -rf 5%` first."), "Run  first.");
        assert_eq!(text("a\n```\ncode 10%\n```\nb\n"), "a\n\n\n\nb\n");
        assert_eq!(text("x <!-- 50% hidden\nstill -->y\n"), "x \ny\n");
        assert_eq!(
            text("snake_case_name and 5*3 and 2 * 4"),
            "snake_case_name and 5*3 and 2 * 4"
        );
        assert_eq!(text("> quoted 7%\n"), "quoted 7%\n");
        assert_eq!(
            text("Title\n=====\n\n---\n[1]: https://example.com\n"),
            "Title\n\n\n\n\n"
        );
        assert_eq!(
            text("\\*not emphasis\\* &amp; <sup>1</sup> <https://a.b>"),
            "*not emphasis* & 1 "
        );
        assert_eq!(text("- item one\n* item two\n"), "- item one\n* item two\n");
    }

    #[test]
    fn pathological_lines_stay_linear() {
        let nested = format!("{}x{}", "[".repeat(20_000), "](u)".repeat(20_000));
        assert!(text(&nested).contains('x'));
        let brackets = "[".repeat(50_000);
        assert_eq!(text(&brackets), brackets);
        let ticks = "`a ``b ".repeat(50_000);
        assert!(text(&ticks).len() <= ticks.len());
    }

    #[test]
    fn tables_keep_cells_apart() {
        assert_eq!(
            text("| a | 2024 |\n|---|---:|\n| b | 1,234 |\n"),
            " a \t 2024 \n\n b \t 1,234 \n"
        );
    }

    #[test]
    fn spans_point_into_the_source() {
        let md = "## Deal\n\nCoreWeave pays **$9 billion** for [Core](https://c.com).\n";
        let (t, m) = to_text(md);
        let at = t.find("$9 billion").unwrap_or(0);
        let s = m.to_source(Span::new(at, at + 10));
        assert_eq!(&md[s.start..s.end], "$9 billion");
        let at = t.find("Core.").unwrap_or(0);
        let s = m.to_source(Span::new(at, at + 4));
        assert_eq!(&md[s.start..s.end], "Core");
    }
}
