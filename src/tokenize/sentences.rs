//! Sentence boundaries for deal prose.
//!
//! Text is first cut into *units* that can never share a sentence: blocks
//! separated by blank lines, headings, bullet items and table rows (lines with
//! a tab) each stand alone. Inside a unit, a sentence ends at `.`, `!` or `?`
//! (with any closing quotes or brackets after it) followed by white space and
//! a word that may start a sentence. It does not end inside abbreviations
//! ("Inc.", "U.S.", "Mr.", "No.", "Jan.", "e.g."), decimals ("$20.40"),
//! initials ("J. P. Morgan"), ellipses, or where the next word starts in lower
//! case (a closing quote inside a sentence: `“done.” and then`). A run of
//! more than [`MAX_SENTENCE`] bytes without a sentence end is cut at white
//! space.

use super::masks::{self, Block};
use crate::span::{Ranged, Span};

/// One sentence (or heading, or list item, or table row).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence is in the text, trimmed of surrounding white space.
    pub span: Span,
    /// The sentence is a heading (a title line, a Markdown `#` line, a short
    /// line standing alone without a full stop).
    pub heading: bool,
}

impl Ranged for Sentence {
    fn span(&self) -> Span {
        self.span
    }
}

/// Abbreviations after which a sentence never ends.
const NEVER_END: &[&str] = &[
    "approx", "apr", "aug", "ave", "blvd", "cf", "dec", "dr", "e.g", "est", "feb", "fig", "gen",
    "gov", "i.e", "jan", "jul", "jun", "messrs", "mr", "mrs", "ms", "mt", "nov", "oct", "p", "pp",
    "prof", "rep", "rev", "sen", "sep", "sept", "st", "vol", "vs",
];

/// Abbreviations that usually sit inside a sentence ("CoreWeave, Inc.
/// (Nasdaq: CRWV)") but may end one: a sentence ends after them only when
/// the next word is a typical sentence opener.
const MAY_END: &[&str] = &[
    "a.g", "ag", "co", "corp", "e.u", "inc", "l.l.c", "l.p", "llc", "ltd", "n.a", "n.v", "plc",
    "s.a", "u.k", "u.n", "u.s", "u.s.a",
];

/// Words that typically open a sentence, used after [`MAY_END`] abbreviations
/// and initials.
const OPENERS: &[&str] = &[
    "a",
    "according",
    "after",
    "all",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "during",
    "each",
    "for",
    "following",
    "from",
    "he",
    "her",
    "his",
    "however",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "moreover",
    "on",
    "our",
    "shares",
    "she",
    "since",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "under",
    "until",
    "upon",
    "we",
    "when",
    "while",
    "with",
    "yet",
];

/// Splits `text` into sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(text.len() / 120 + 1);
    let mut marks = masks::Scanner::new(text.as_bytes(), |b: &Block| {
        masks::any_of(b, [b'.', b'!', b'?'])
    });
    for unit in units(text) {
        split_unit(text, unit, &mut marks, &mut out);
    }
    out
}

#[derive(Clone, Copy)]
struct Unit {
    span: Span,
    heading: bool,
}

/// Lines of `text` as (start, end without the line break).
fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut newlines = masks::Scanner::new(bytes, |b: &Block| masks::any_of(b, [b'\n']));
    let mut start = 0;
    std::iter::from_fn(move || {
        if start > bytes.len() || (start == bytes.len() && start > 0) {
            return None;
        }
        let end = newlines.find(start, bytes.len()).unwrap_or(bytes.len());
        let line = (start, end);
        start = end + 1;
        Some(line)
    })
}

/// The ASCII white space of `char::is_whitespace`: tab to carriage return,
/// and space (not `u8::is_ascii_whitespace`, which leaves out the vertical
/// tab).
fn is_ascii_white(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

fn is_blank(s: &str) -> bool {
    // ASCII white space byte by byte; the rest of the line, if any, by
    // character.
    match s.bytes().position(|b| !is_ascii_white(b)) {
        None => true,
        Some(i) => s.as_bytes()[i] >= 0x80 && s[i..].chars().all(char::is_whitespace),
    }
}

/// Cuts the text into units no sentence may cross.
fn units(text: &str) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut open: Option<(usize, usize)> = None; // start, end of the unit being built
    let mut all = lines(text).peekable();
    let mut tabs = masks::Scanner::new(text.as_bytes(), |b: &Block| masks::any_of(b, [b'\t']));
    let mut prev_ends_sentence = true;
    while let Some((s, e)) = all.next() {
        let line = &text[s..e];
        if is_blank(line) {
            if let Some((a, b)) = open.take() {
                out.push(Unit {
                    span: Span::new(a, b),
                    heading: false,
                });
            }
            prev_ends_sentence = true;
            continue;
        }
        let next = all.peek().map(|&(a, b)| &text[a..b]);
        let alone_in_block = open.is_none() && next.is_none_or(is_blank);
        let heading = is_heading(line, prev_ends_sentence, next, alone_in_block);
        let tab = tabs.find(s, e).is_some();
        let stands_alone = heading || is_item(line) || tab;
        if stands_alone {
            if let Some((a, b)) = open.take() {
                out.push(Unit {
                    span: Span::new(a, b),
                    heading: false,
                });
            }
            if heading || tab {
                out.push(Unit {
                    span: Span::new(s, e),
                    heading,
                });
            } else {
                open = Some((s, e));
            }
        } else {
            open = Some(match open {
                Some((a, _)) => (a, e),
                None => (s, e),
            });
        }
        let t = line.trim_end();
        prev_ends_sentence =
            heading || t.ends_with(['.', '!', '?', ':', '”', '"', ')', '’']) || tab;
    }
    if let Some((a, b)) = open {
        out.push(Unit {
            span: Span::new(a, b),
            heading: false,
        });
    }
    out
}

/// A bullet or numbered list item.
fn is_item(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with(['•', '·', '▪', '◦', '●']) {
        return true;
    }
    if let Some(rest) = t.strip_prefix(['-', '*', '–', '—']) {
        return rest.starts_with(' ');
    }
    // "1. ", "12) ", "(a) ", "a) "
    let t = t.strip_prefix('(').unwrap_or(t);
    let n = t.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if n == 0 || n > 3 {
        return false;
    }
    let label = &t[..n];
    let numeric = label.bytes().all(|b| b.is_ascii_digit());
    let letter = n == 1 && label.bytes().all(|b| b.is_ascii_lowercase());
    let roman = label.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    (numeric || letter || roman) && (t[n..].starts_with(". ") || t[n..].starts_with(") "))
}

/// The number of words of `t` (as `split_whitespace` splits it), or `cap`
/// if it has more. ASCII lines are counted byte by byte, without a branch
/// per word.
fn words_up_to(t: &str, cap: usize) -> usize {
    if !t.is_ascii() {
        // Character by character, decoding only the non-ASCII ones.
        let (b, mut n, mut after_space, mut i) = (t.as_bytes(), 0, true, 0);
        while i < b.len() {
            let (space, len) = match b[i] {
                x @ 0..0x80 => (is_ascii_white(x), 1),
                _ => t[i..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
            };
            n += usize::from(after_space && !space);
            after_space = space;
            i += len;
        }
        return n.min(cap);
    }
    let mut n = 0;
    let mut after_space = true;
    for &b in t.as_bytes() {
        let space = is_ascii_white(b);
        n += usize::from(after_space && !space);
        after_space = space;
    }
    n.min(cap)
}

/// A line is a heading when it is short, stands between sentences, does not
/// end like a sentence, and is in title case or capitals (or starts with `#`).
fn is_heading(line: &str, prev_ends_sentence: bool, next: Option<&str>, alone: bool) -> bool {
    let t = line.trim();
    if t.starts_with('#') {
        return true;
    }
    if !prev_ends_sentence || t.len() > 160 || t.ends_with([',', ';']) {
        return false;
    }
    // One to sixteen words (counted without collecting them: most lines
    // of a filing come here).
    let n_words = words_up_to(t, 17);
    if n_words == 0 || n_words > 16 {
        return false;
    }
    if t.ends_with('.') && !t.ends_with("...") {
        return false;
    }
    if alone && !t.ends_with([':', '.']) {
        return true;
    }
    let next_starts_upper = next.is_none_or(|n| {
        let n = n.trim_start();
        n.is_empty()
            || n.starts_with(|c: char| {
                c.is_uppercase() || c.is_ascii_digit() || "“\"‘'(•-*$".contains(c)
            })
    });
    if !next_starts_upper {
        return false;
    }
    let (mut long, mut capitalised) = (0usize, 0usize);
    for w in t.split_whitespace() {
        if w.chars().filter(|c| c.is_alphabetic()).nth(3).is_some() {
            long += 1;
            capitalised += usize::from(
                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '$'),
            );
        }
    }
    if long == 0 {
        return false;
    }
    let all_caps = t
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    all_caps || capitalised * 10 >= long * 8
}

/// True when the text from the sentence start to the dot is only a list
/// label ("1", "12", "a", "iv"), as in "1. Sign the agreement".
fn is_item_label(text: &str, sent_start: usize, dot: usize) -> bool {
    let label = text[sent_start..dot].trim();
    !label.is_empty()
        && label.len() <= 3
        && (label.bytes().all(|b| b.is_ascii_digit())
            || label.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
            || (label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase())))
}

/// The word (letters and inner dots) ending just before byte `dot`.
fn word_before(text: &str, dot: usize) -> &str {
    let head = &text[..dot];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.' || c == '&' || c == '-')
        .last()
        .map_or(dot, |(i, _)| i);
    head[start..].trim_start_matches('.')
}

/// The word starting at byte `at`, lowercased, without quotes or brackets.
fn word_at(text: &str, at: usize) -> String {
    text[at..]
        .trim_start_matches(['“', '"', '‘', '\'', '('])
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Splits `unit` into sentences; `marks` finds `.` `!` `?` in the text.
fn split_unit(
    text: &str,
    unit: Unit,
    marks: &mut masks::Scanner<'_, impl Fn(&Block) -> u64>,
    out: &mut Vec<Sentence>,
) {
    let bytes = text.as_bytes();
    let (start, end) = (unit.span.start, unit.span.end);
    let mut sent_start = start;
    let mut i = start;
    while i < end {
        // Only `.`, `!` and `?` can end a sentence: jump to the next one.
        let Some(p) = marks.find(i, end) else {
            break;
        };
        i = p;
        // Runs of terminal marks: "...", "?!".
        let mut j = i;
        while j < end && matches!(bytes[j], b'.' | b'!' | b'?') {
            j += 1;
        }
        let run = &text[i..j];
        // Closing quotes and brackets belong to this sentence.
        let mut k = j;
        loop {
            let rest = &text[k..end];
            match rest.chars().next() {
                Some(c @ ('"' | '\'' | ')' | ']' | '”' | '’' | '»')) => k += c.len_utf8(),
                _ => break,
            }
        }
        let after_ws = text[k..end].trim_start();
        let next_at = end - after_ws.len();
        let has_space = next_at > k || k == end;
        let splits = has_space && {
            let next = after_ws.chars().next();
            match next {
                None => true,
                Some(c) if c.is_lowercase() || (c.is_ascii_digit() && run == ".") => false,
                Some(c) if ",;:".contains(c) => false,
                _ if run.starts_with("..") => false,
                _ if run == "." && is_item_label(text, sent_start, i) => false,
                _ if run == "." => {
                    let before = word_before(text, i).to_ascii_lowercase();
                    let initial =
                        before.chars().count() == 1 && before.chars().all(char::is_alphabetic);
                    if NEVER_END.contains(&before.as_str()) {
                        false
                    } else if MAY_END.contains(&before.as_str()) || initial {
                        OPENERS.contains(&word_at(text, next_at).as_str())
                    } else {
                        true
                    }
                }
                _ => true,
            }
        };
        if splits {
            push(text, Span::new(sent_start, k), unit.heading, out);
            sent_start = next_at;
        }
        i = k.max(i + 1);
    }
    push(text, Span::new(sent_start, end), unit.heading, out);
}

/// The longest sentence, in bytes. A longer run of text without a sentence
/// end (a table flattened into one line, a run-on list of figures, a line of
/// junk) is cut at white space into pieces no longer than this, so that the
/// work per sentence, and what reports list per claim (the markers of its
/// sentence), stays bounded and time grows only with the text's length.
/// Real prose stays under it: of the 156,000 sentences in the filings of
/// `../shared/corpus-large`, 99.99% are under 2.4 KB and six pieces of legal
/// boilerplate are longer (the longest 5.4 KB).
pub const MAX_SENTENCE: usize = 4 * 1024;

fn push(text: &str, span: Span, heading: bool, out: &mut Vec<Sentence>) {
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE {
        let cut = cut_point(text, start, start + MAX_SENTENCE);
        push_trimmed(text, Span::new(start, cut), heading, out);
        start = cut;
    }
    push_trimmed(text, Span::new(start, span.end), heading, out);
}

/// Where to cut a sentence that runs past `limit`, in the second half of
/// `start..limit`: after the last clause mark (`,` `;` `:`) followed by white
/// space, else at the last white space between two letters (never between a
/// number and its words, "$9 | billion"), else at the last white space, else
/// at the last character boundary before `limit`. Always past `start`.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let b = text.as_bytes();
    let half = start + (limit - start) / 2;
    let last_space = |good: &dyn Fn(u8, u8) -> bool| {
        (half.max(1)..limit.min(b.len() - 1))
            .rev()
            .find(|&i| b[i].is_ascii_whitespace() && good(b[i - 1], b[i + 1]))
    };
    let clause = |before: u8, _| matches!(before, b',' | b';' | b':');
    let between_words =
        |before: u8, after: u8| before.is_ascii_alphabetic() && after.is_ascii_alphabetic();
    if let Some(i) = last_space(&clause)
        .or_else(|| last_space(&between_words))
        .or_else(|| last_space(&|_, _| true))
    {
        return i + 1;
    }
    crate::span::floor_char_boundary(text, limit)
}

fn push_trimmed(text: &str, span: Span, heading: bool, out: &mut Vec<Sentence>) {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return;
    }
    out.push(Sentence {
        span: Span::new(span.start + lead, span.end - trail),
        heading,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_up_to_counts_as_split_whitespace_does() {
        let pieces = [
            "a", "bc", " ", "  ", "\t", "\u{b}", "\u{c}", "\r", "\u{1c}", "\u{a0}", "é",
            "\u{2003}", "x.y", "\u{85}", "😀", "\u{2028}",
        ];
        let mut next = crate::testing::picker(0x3c6e_f372_fe94_f82b);
        for _ in 0..5000 {
            let t = crate::testing::soup(&mut next, &pieces, 30);
            for cap in [1, 3, 17] {
                assert_eq!(
                    words_up_to(&t, cap),
                    t.split_whitespace().take(cap).count(),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn blank_lines_are_white_space_as_char_has_it() {
        let pieces = [
            " ", "\t", "\u{b}", "\u{c}", "\r", "\u{1c}", "\u{a0}", "\u{2003}", "\u{200b}",
            "\u{85}", "a",
        ];
        let mut next = crate::testing::picker(0xa54f_f53a_5f1d_36f1);
        for _ in 0..5000 {
            let t = crate::testing::soup(&mut next, &pieces, 8);
            assert_eq!(is_blank(&t), t.chars().all(char::is_whitespace), "{t:?}");
        }
    }
}
