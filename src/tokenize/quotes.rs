//! Quotations: where quoted speech or quoted words are, with their marks.
//!
//! Curly double quotes pair “ with ”; straight double quotes pair in order;
//! curly single quotes pair ‘ with a ’ that is not an apostrophe (a letter
//! does not follow it). A quotation never crosses a blank line; one left open
//! runs to the end of its paragraph, as in news copy where a quote that
//! continues into the next paragraph is not closed.

use crate::span::{Ranged, Span};

/// One quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// The quotation with its marks.
    pub span: Span,
    /// The words inside the marks.
    pub inner: Span,
}

impl Ranged for Quotation {
    fn span(&self) -> Span {
        self.span
    }
}

/// The quotations of `text`, in order; nested single quotes inside double
/// quotes are not reported separately.
///
/// Only three bytes matter: `"`, the lead byte 0xE2 of the curly quotes
/// (“ ” ‘ ’ are E2 80 9C/9D/98/99), and, while a quotation is open, the line
/// break that may end its paragraph; the scan jumps between them with
/// `memchr`, so text without quotes is read at memory speed.
pub fn quotations(text: &str) -> Vec<Quotation> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, Mark)> = None; // start, inner start, kind
    let mut at = 0;
    while at < bytes.len() {
        let found = match open {
            None => memchr::memchr2(b'"', 0xE2, &bytes[at..]),
            Some(_) => memchr::memchr3(b'"', 0xE2, b'\n', &bytes[at..]),
        };
        let Some(p) = found else { break };
        let i = at + p;
        at = i + 1;
        let mark = match bytes[i] {
            b'"' => Mark::Straight,
            b'\n' => {
                // A blank line (only white space up to the next line break)
                // ends the paragraph, and the quotation left open in it.
                if let (Some((s, inner, _)), Some(blank)) = (open, blank_line_after(text, i + 1)) {
                    close(text, s, inner, blank, blank, &mut out);
                    open = None;
                    at = blank + 1;
                }
                continue;
            }
            _ => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0x80), Some(0x9C)) => Mark::LeftDouble,
                (Some(0x80), Some(0x9D)) => Mark::RightDouble,
                (Some(0x80), Some(0x98)) => Mark::LeftSingle,
                (Some(0x80), Some(0x99)) => Mark::RightSingle,
                _ => continue,
            },
        };
        let len = if mark == Mark::Straight { 1 } else { 3 };
        match (mark, open) {
            (Mark::LeftDouble, None) => open = Some((i, i + len, Mark::LeftDouble)),
            (Mark::RightDouble, Some((s, inner, Mark::LeftDouble))) => {
                close(text, s, inner, i, i + len, &mut out);
                open = None;
            }
            (Mark::Straight, None) => open = Some((i, i + len, Mark::Straight)),
            (Mark::Straight, Some((s, inner, Mark::Straight))) => {
                close(text, s, inner, i, i + len, &mut out);
                open = None;
            }
            (Mark::LeftSingle, None)
                if !text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric) =>
            {
                open = Some((i, i + len, Mark::LeftSingle))
            }
            (Mark::RightSingle, Some((s, inner, Mark::LeftSingle)))
                if !text[i + len..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric) =>
            {
                close(text, s, inner, i, i + len, &mut out);
                open = None;
            }
            _ => {}
        }
        at = i + len;
    }
    if let Some((s, inner, _)) = open {
        let end = text.trim_end().len().max(inner);
        close(text, s, inner, end, end, &mut out);
    }
    out
}

/// A quotation mark.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Straight,
    LeftDouble,
    RightDouble,
    LeftSingle,
    RightSingle,
}

/// The position of the line break that ends a blank line starting at
/// `from` (only white space before it), if the line is blank.
fn blank_line_after(text: &str, from: usize) -> Option<usize> {
    for (k, c) in text[from..].char_indices() {
        if c == '\n' {
            return Some(from + k);
        }
        if !c.is_whitespace() {
            return None;
        }
    }
    None
}

fn close(
    text: &str,
    start: usize,
    inner: usize,
    inner_end: usize,
    end: usize,
    out: &mut Vec<Quotation>,
) {
    let inner_text = &text[inner..inner_end.max(inner)];
    let trimmed_end = inner + inner_text.trim_end().len();
    out.push(Quotation {
        span: Span::new(start, end),
        inner: Span::new(inner, trimmed_end),
    });
}

/// True when `span` lies inside one of `quotes` (sorted by start).
pub fn inside(quotes: &[Quotation], span: Span) -> bool {
    let i = quotes.partition_point(|q| q.span.start <= span.start);
    i > 0 && quotes[i - 1].inner.contains(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        quotations(text)
            .iter()
            .map(|q| q.inner.slice(text))
            .collect()
    }

    #[test]
    fn pairs_quotes() {
        assert_eq!(
            inner("He said “we’re not paying rent” today."),
            ["we’re not paying rent"]
        );
        assert_eq!(
            inner("a \"strategic\" move and \"synergies\""),
            ["strategic", "synergies"]
        );
        assert_eq!(inner("CoreWeave’s ‘innovation’ story"), ["innovation"]);
        assert_eq!(
            inner("“Open quote runs on.\n\nNew paragraph"),
            ["Open quote runs on."]
        );
    }

    /// The first, char-by-char implementation: the model the jumping scan
    /// must agree with.
    fn reference(text: &str) -> Vec<Quotation> {
        let mut out = Vec::new();
        let mut open: Option<(usize, usize, char)> = None;
        let mut prev = ' ';
        let mut newline_run = 0;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let next = iter.peek().map_or(' ', |&(_, n)| n);
            if c == '\n' {
                newline_run += 1;
                if newline_run >= 2 {
                    if let Some((s, inner, _)) = open.take() {
                        close(text, s, inner, i, i, &mut out);
                    }
                }
            } else if !c.is_whitespace() {
                newline_run = 0;
            }
            match (c, open) {
                ('“', None) => open = Some((i, i + c.len_utf8(), '“')),
                ('”', Some((s, inner, '“'))) => {
                    close(text, s, inner, i, i + c.len_utf8(), &mut out);
                    open = None;
                }
                ('"', None) => open = Some((i, i + 1, '"')),
                ('"', Some((s, inner, '"'))) => {
                    close(text, s, inner, i, i + 1, &mut out);
                    open = None;
                }
                ('‘', None) if !prev.is_alphanumeric() => open = Some((i, i + c.len_utf8(), '‘')),
                ('’', Some((s, inner, '‘'))) if !next.is_alphanumeric() => {
                    close(text, s, inner, i, i + c.len_utf8(), &mut out);
                    open = None;
                }
                _ => {}
            }
            prev = c;
        }
        if let Some((s, inner, _)) = open {
            let end = text.trim_end().len().max(inner);
            close(text, s, inner, end, end, &mut out);
        }
        out
    }

    #[test]
    fn scan_agrees_with_the_reference_model() {
        let pieces = [
            "a",
            "word",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\n \u{a0}\n",
            "\r\n",
            "\"",
            "“",
            "”",
            "‘",
            "’",
            "’s",
            "x’",
            "—",
            "…",
            "é",
            "9",
            ".",
            "\t",
        ];
        let mut next = crate::testing::picker(0x9e37_79b9_7f4a_7c15);
        for _ in 0..5000 {
            let text = crate::testing::soup(&mut next, &pieces, 24);
            assert_eq!(quotations(&text), reference(&text), "{text:?}");
        }
        for (path, text) in crate::testing::corpus_documents() {
            assert_eq!(quotations(&text), reference(&text), "{}", path.display());
        }
    }

    #[test]
    fn inside_checks_containment() {
        let t = "x “$9 billion” y $9 billion";
        let q = quotations(t);
        let first = t.find('$').unwrap_or(0);
        let last = t.rfind('$').unwrap_or(0);
        assert!(inside(&q, Span::new(first, first + 10)));
        assert!(!inside(&q, Span::new(last, last + 10)));
    }
}
