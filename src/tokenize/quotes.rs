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
pub fn quotations(text: &str) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, char)> = None; // start, inner start, kind
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
