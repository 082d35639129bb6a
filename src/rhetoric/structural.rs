//! Structural detectors: markers that are shapes rather than words.
//!
//! - Rhetorical questions: a sentence in the author's voice (not inside a
//!   quotation) that ends in `?`, headings included. The marker covers the
//!   question itself: in "The Power Disconnect: Who Truly Benefits?" that is
//!   "Who Truly Benefits?". Questions of a Q&A ("Q: ...", or followed by
//!   "A: ...") are answered, so they are not rhetorical; nor are form items
//!   ("4. Does Registrant ...?"), table rows or data. Three or more
//!   procedural questions ("Who is entitled to vote?") make a filing's Q&A:
//!   they stay markers, tagged boilerplate.
//! - Scare quotes: one to three words in quotation marks that are neither
//!   attributed speech (`said`, `according to`, `called it` nearby), nor a
//!   defined term (`(the “Company”)`, `“Merger Agreement” means`), nor a
//!   title or an item of a list of quoted words (`“anticipate,” “believe,”`).
//!   Only quotation marks of prose count (not `="..."` attribute values or
//!   data keys), and outside a headline a capitalised quotation is a title
//!   (See “Use of Proceeds”).
//! - Contrast frames: "driven more by X than Y", "less about X and more about
//!   Y", "not X but Y" (within one sentence, at most [`FRAME_WORDS`] words
//!   between the two halves).
//!
//! This module finds spans; [`super::Rhetoric::detect`] turns them into
//! markers with their voice and context.

use crate::span::{Span, ceil_char_boundary, floor_char_boundary};
use crate::tokenize::{Quotation, Sentence};

/// The most words between the two halves of a contrast frame.
pub(crate) const FRAME_WORDS: usize = 12;

/// Description and provenance of the structural categories.
pub(crate) const CATEGORIES: &[(&str, &str, &str)] = &[
    (
        "scare_quotes",
        "A one-to-three-word span in quotation marks that distances the author from the term (“innovation”, “synergies”), with no attribution and not a defined term. A fact-checker should ask what the author implies the term hides.",
        "Scare-quote guidance in encyclopaedic and journalism style guides (words to watch); structural detector of claimlens.",
    ),
    (
        "rhetorical_question",
        "A question in the author's voice that is not answered from a source, headlines included (“Who Truly Benefits?”). It raises doubt without stating a claim that could be checked.",
        "SemEval-2020 Task 11 'Doubt' (questions used to undermine); journalism style guides on question headlines; structural detector of claimlens.",
    ),
];

/// A structural finding: where, what, and in which sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub span: Span,
    pub cue: String,
    pub sentence: usize,
    /// A question a filing's Q&A answers: boilerplate.
    pub answered: bool,
}

/// White-space-separated tokens of `text[a..b]` with their spans.
fn tokens(text: &str, a: usize, b: usize) -> impl Iterator<Item = (Span, &str)> + '_ {
    let slice = &text[a..b];
    slice.split_whitespace().map(move |t| {
        let start = a + (t.as_ptr() as usize - slice.as_ptr() as usize);
        (Span::new(start, start + t.len()), t)
    })
}

/// The last `n` tokens of `text[lo..pos]`, looking back a bounded number of
/// bytes (so a huge sentence costs no more than a short one).
fn tokens_before(text: &str, lo: usize, pos: usize, n: usize) -> Vec<(Span, &str)> {
    let a = ceil_char_boundary(text, pos.saturating_sub(n * 48 + 16).max(lo));
    let cut = a > lo && !text[..a].ends_with(char::is_whitespace);
    let mut toks: Vec<(Span, &str)> = tokens(text, a, pos).collect();
    if cut && toks.first().is_some_and(|(s, _)| s.start == a) {
        toks.remove(0);
    }
    let extra = toks.len().saturating_sub(n);
    toks.drain(..extra);
    toks
}

/// At most `n` bytes of `text` before `pos` (from `lo`) and after `end` (up
/// to `hi`), on character boundaries.
fn around(text: &str, lo: usize, pos: usize, end: usize, hi: usize, n: usize) -> (&str, &str) {
    let a = ceil_char_boundary(text, pos.saturating_sub(n).max(lo));
    let b = floor_char_boundary(text, (end + n).min(hi));
    (&text[a..pos], &text[end..b.max(end)])
}

/// A token without surrounding punctuation.
fn bare(tok: &str) -> &str {
    tok.trim_matches(|c: char| !c.is_alphanumeric())
}

/// ASCII case and apostrophe folding, for comparing words.
fn fold(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' => '\'',
        c => c.to_ascii_lowercase(),
    }
}

/// True when the token, bare, is `word` (lower case) up to case and
/// apostrophes.
fn is_word(tok: &str, word: &str) -> bool {
    bare(tok).chars().map(fold).eq(word.chars())
}

/// True when the token, bare, is one of `words`. The token is folded once
/// (on the stack, when it folds to a short ASCII word, as nearly all do)
/// and compared with each word, not folded again for each.
fn is_one_of(tok: &str, words: &[&str]) -> bool {
    let mut buf = [0u8; 24];
    let mut n = 0;
    for c in bare(tok).chars() {
        let f = fold(c);
        if !f.is_ascii() || n == buf.len() {
            return words.iter().any(|w| is_word(tok, w));
        }
        buf[n] = f as u8;
        n += 1;
    }
    let folded = &buf[..n];
    words.iter().any(|w| w.as_bytes() == folded)
}

/// One line, single-spaced: the cue of a structural marker.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn starts_like(s: &str, labels: &[&str]) -> bool {
    labels.iter().any(|l| {
        s.len() >= l.len() && s.is_char_boundary(l.len()) && s[..l.len()].eq_ignore_ascii_case(l)
    })
}

/// Rhetorical questions.
pub(crate) fn questions(text: &str, sentences: &[Sentence], quotes: &[Quotation]) -> Vec<Found> {
    let mut out = Vec::new();
    // The first line break and tab at or after the last question mark seen:
    // marks only move forward, so each is searched for once, not once per
    // question (a long line of questions would make that quadratic).
    let (mut line_end, mut tab): (Option<usize>, Option<usize>) = (None, None);
    for (i, s) in sentences.iter().enumerate() {
        let body = s.span.slice(text).trim_end();
        if !body.ends_with('?') {
            continue;
        }
        let mark = s.span.start + body.len() - 1;
        if crate::tokenize::inside_quotation(quotes, Span::new(mark, mark + 1)) {
            continue;
        }
        if starts_like(body, &["Q:", "Q.", "Q ", "Question:"]) || item_label(body) {
            continue;
        }
        let next = sentences
            .get(i + 1)
            .map(|n| n.span.slice(text))
            .unwrap_or("");
        if starts_like(next, &["A:", "A.", "A ", "Answer:"]) {
            continue;
        }
        // A form or table row: columns follow the question on its line.
        let after = |byte: u8, found: Option<usize>| match found {
            Some(p) if p >= mark => p,
            _ => memchr::memchr(byte, &text.as_bytes()[mark..]).map_or(text.len(), |p| mark + p),
        };
        let eol = after(b'\n', line_end);
        line_end = Some(eol);
        let next_tab = after(b'\t', tab);
        tab = Some(next_tab);
        let rest = &text[mark + 1..eol];
        if rest.contains(|c: char| !c.is_whitespace())
            && (next_tab < eol || rest.starts_with("   "))
        {
            continue;
        }
        // The question is the last clause: after a colon or semicolon.
        let cut = body.rfind([':', ';']).map_or(0, |p| p + 1);
        let lead = body[cut..].len()
            - body[cut..]
                .trim_start_matches(|c: char| c.is_whitespace() || "“\"‘'(".contains(c))
                .len();
        let start = s.span.start + cut + lead;
        let end = s.span.start + body.len();
        if start >= end || !prose(&text[start..end]) {
            continue;
        }
        out.push(Found {
            span: Span::new(start, end),
            cue: one_line(&text[start..end]),
            sentence: i,
            answered: false,
        });
    }
    // A run of procedural questions is a filing's Q&A: answered, boilerplate.
    let procedural = |f: &Found| f.cue.split_whitespace().any(|w| is_one_of(w, PROCEDURAL));
    if out.iter().filter(|f| procedural(f)).count() >= 3 {
        for f in out.iter_mut().filter(|f| procedural(f)) {
            f.answered = true;
        }
    }
    out
}

/// Words of a filing's questions and answers ("Who is entitled to vote?").
const PROCEDURAL: &[&str] = &[
    "ballot",
    "broker",
    "dividend",
    "dividends",
    "eligible",
    "meeting",
    "participate",
    "plan",
    "proxies",
    "proxy",
    "quorum",
    "registrant",
    "stockholder",
    "stockholders",
    "shareholder",
    "shareholders",
    "vote",
    "voted",
    "votes",
    "voting",
];

/// Words, not data: at least two words of letters, and mostly letters.
fn prose(s: &str) -> bool {
    let words = s
        .split_whitespace()
        .filter(|w| {
            !bare(w).is_empty()
                && bare(w)
                    .chars()
                    .all(|c| c.is_alphabetic() || "'’-".contains(c))
        })
        .count();
    let chars = s.chars().count();
    let letters = s
        .chars()
        .filter(|c| c.is_alphabetic() || c.is_whitespace())
        .count();
    words >= 2 && letters * 10 >= chars * 8
}

/// The sentence opens with a form's item label: "4.", "1(c).", "(a)".
fn item_label(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    let label = first.trim_end_matches(['.', ')', ':']);
    !label.is_empty()
        && label.len() <= 12
        && label
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase() || c == '(' || c == ')')
        && (label.chars().any(|c| c.is_ascii_digit()) || first.starts_with('('))
}

/// Speech verbs: a quotation next to one is attributed speech.
const SPEECH: &[&str] = &[
    "according",
    "added",
    "adds",
    "announced",
    "asked",
    "asks",
    "called",
    "calls",
    "commented",
    "declared",
    "described",
    "dubbed",
    "explained",
    "noted",
    "notes",
    "quipped",
    "remarked",
    "replied",
    "said",
    "say",
    "says",
    "stated",
    "states",
    "termed",
    "told",
    "tweeted",
    "wrote",
    "writes",
];

/// Words before a quotation that make it a title, a defined term or a word
/// mentioned rather than used.
const NAMING: &[&str] = &[
    "caption",
    "captioned",
    "deemed",
    "defined",
    "entitled",
    "heading",
    "hereinafter",
    "known",
    "named",
    "phrase",
    "section",
    "term",
    "terms",
    "titled",
    "word",
    "words",
];

/// Words after a quotation that define it.
const DEFINES: &[&str] = &[
    "means", "mean", "shall", "has", "have", "refers", "includes",
];

/// Scare quotes.
pub(crate) fn scare_quotes(text: &str, sentences: &[Sentence], quotes: &[Quotation]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut cur = 0;
    // The sentence last read for title case, and whether it is.
    let mut title_of: Option<(usize, bool)> = None;
    for (j, q) in quotes.iter().enumerate() {
        while cur < sentences.len() && sentences[cur].span.end <= q.span.start {
            cur += 1;
        }
        let Some(sentence) = sentences.get(cur) else {
            break;
        };
        if !sentence.span.contains(q.span) {
            continue;
        }
        // Quotation marks of prose: not an attribute value (`="..."`), not
        // glued to a word.
        let before = text[..q.span.start].chars().next_back();
        let after = text[q.span.end..].chars().next();
        let opens = before.is_none_or(|c| c.is_whitespace() || "([—–-/".contains(c));
        let closes = after.is_none_or(|c| c.is_whitespace() || ".,;:!?)]—–-/".contains(c));
        if !opens || !closes {
            continue;
        }
        let inner = q.inner.slice(text).trim();
        let core = inner.trim_end_matches([',', '.', ';', ':']).trim_end();
        if core.is_empty() || core.ends_with(['?', '!']) || core.contains(['“', '”', '"', '(', ')'])
        {
            continue;
        }
        let words: Vec<&str> = core.split_whitespace().collect();
        // Words, not identifiers or markup (`auth_ref`, `a=b`, `x/y`).
        if !core
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || "-'’&.,".contains(c))
        {
            continue;
        }
        if words.is_empty()
            || words.len() > 3
            || !words.iter().all(|w| w.chars().any(char::is_alphabetic))
        {
            continue;
        }
        // Keys of data (`"schema": {`), not words in prose.
        if after == Some(':') {
            continue;
        }
        // Names, titles and acronyms: "Risk Factors", “SEC”; outside a
        // heading, a capitalised quotation is a title or a defined name
        // (See “Use of Proceeds”).
        if words[0].starts_with(char::is_uppercase)
            && q.span.start > sentence.span.start
            && !sentence.heading
        {
            // Whether the sentence is a headline: read once per sentence,
            // and only for a capitalised quotation inside it.
            let headline = match title_of {
                Some((k, h)) if k == cur => h,
                _ => {
                    let h = title_case(sentence.span.slice(text));
                    title_of = Some((cur, h));
                    h
                }
            };
            if !headline {
                continue;
            }
        }
        let capitalised = words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
        let acronym = words.len() == 1
            && core
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        if (words.len() > 1 && capitalised) || acronym {
            continue;
        }
        if listed(text, quotes, j)
            || attributed(text, sentence.span, q)
            || defined(text, sentence.span, q)
        {
            continue;
        }
        out.push(Found {
            span: q.span,
            cue: one_line(core),
            sentence: cur,
            answered: false,
        });
    }
    out
}

/// A line in title case ("Who Pays for “Choice”?"): most words of four
/// letters or more are capitalised.
fn title_case(s: &str) -> bool {
    let (mut long, mut caps) = (0usize, 0usize);
    for w in s.split_whitespace() {
        // An ASCII word is trimmed and read as bytes (the same answer);
        // any other through `bare` and its characters.
        let (is_long, is_cap) = if w.is_ascii() {
            let b = bare_ascii(w.as_bytes());
            (b.len() >= 4, b.first().is_some_and(u8::is_ascii_uppercase))
        } else {
            let w = bare(w);
            (
                w.chars().nth(3).is_some(),
                w.starts_with(char::is_uppercase),
            )
        };
        if is_long {
            long += 1;
            caps += usize::from(is_cap);
        }
    }
    long > 0 && caps * 10 >= long * 8
}

/// [`bare`] for an ASCII word, on its bytes.
fn bare_ascii(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |e| e + 1);
    &b[start..end]
}

/// The quotation stands in a list of quotations (“anticipate,” “believe,”).
fn listed(text: &str, quotes: &[Quotation], j: usize) -> bool {
    let separator = |a: usize, b: usize| {
        a <= b
            && text[a..b]
                .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '/')
                .all(|w| matches!(w, "" | "and" | "or" | "nor"))
    };
    let q = quotes[j];
    (j > 0 && separator(quotes[j - 1].span.end, q.span.start))
        || quotes
            .get(j + 1)
            .is_some_and(|n| separator(q.span.end, n.span.start))
}

/// A speech verb within three words before or after the quotation, in its
/// sentence.
fn attributed(text: &str, sentence: Span, q: &Quotation) -> bool {
    let before = tokens_before(text, sentence.start, q.span.start, 3);
    let n = before.len();
    let so_called = before.last().is_some_and(|(_, w)| is_word(w, "so-called"))
        || (n >= 2 && is_word(before[n - 1].1, "called") && is_word(before[n - 2].1, "so"));
    if so_called {
        return false;
    }
    before.iter().any(|(_, w)| is_one_of(w, SPEECH))
        || tokens(text, q.span.end, sentence.end)
            .take(3)
            .any(|(_, w)| is_one_of(w, SPEECH))
}

/// A defined term or a title: inside parentheses, after "the term", before
/// "means".
fn defined(text: &str, sentence: Span, q: &Quotation) -> bool {
    let (before, after) = around(
        text,
        sentence.start,
        q.span.start,
        q.span.end,
        sentence.end,
        240,
    );
    let open = before.rfind('(');
    let closed = before.rfind(')');
    let in_parens = open.is_some_and(|o| closed.is_none_or(|c| c < o))
        && after
            .find(')')
            .is_some_and(|c| after.find('(').is_none_or(|o| c < o));
    if in_parens || after.trim_start().starts_with(')') {
        return true;
    }
    let last = tokens_before(text, sentence.start, q.span.start, 4);
    let next = tokens(text, q.span.end, sentence.end).next();
    // "referred to as", "we refer to them as", "known as".
    let referred_as = last.last().is_some_and(|(_, w)| is_word(w, "as"))
        && last.iter().any(|(_, w)| {
            is_one_of(
                w,
                &["refer", "referred", "known", "designated", "collectively"],
            )
        });
    referred_as
        || last.last().is_some_and(|(_, w)| is_one_of(w, NAMING))
        || next.is_some_and(|(_, w)| is_one_of(w, DEFINES))
}

/// What closes a frame opened by an oversimplification cue, if the cue opens
/// one.
pub(crate) fn frame_closers(opener: &str) -> &'static [&'static str] {
    match opener {
        "driven more by" | "driven less by" | "hinges more on" | "more a matter of"
        | "less a matter of" => &["than"],
        "less about" => &["more about", "than"],
        "is not about" | "isn't about" | "not because" => &["but"],
        _ => &[],
    }
}

/// Extends an opener cue (`driven more by`) to the frame it opens, when its
/// closer (`than`) follows within [`FRAME_WORDS`] words in the sentence and
/// before the clause ends. Returns the frame's span and its closer.
pub(crate) fn frame(
    text: &str,
    sentence: Span,
    opener: Span,
    closers: &[&'static str],
) -> Option<(Span, &'static str)> {
    let toks: Vec<(Span, &str)> = tokens(text, opener.end, sentence.end)
        .take(FRAME_WORDS + 2)
        .collect();
    for k in 1..toks.len() {
        if toks[k - 1].1.ends_with([';', ':', '.', '?', '!']) {
            return None;
        }
        for &closer in closers {
            let parts: Vec<&str> = closer.split(' ').collect();
            let Some(window) = toks.get(k..k + parts.len()) else {
                continue;
            };
            if k > FRAME_WORDS {
                continue;
            }
            if window.iter().zip(&parts).all(|((_, t), p)| is_word(t, p)) {
                let last = window[window.len() - 1].0;
                let end = last.start
                    + window[window.len() - 1]
                        .1
                        .trim_end_matches(|c: char| !c.is_alphanumeric())
                        .len();
                return Some((Span::new(opener.start, end), closer));
            }
        }
    }
    None
}

/// Forms of "be" that introduce "not X but Y".
const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "it's", "that's",
];

/// Negated forms of "be" that open the frame on their own.
const NEGATED_BE: &[&str] = &["isn't", "aren't", "wasn't", "weren't"];

/// Words that begin both halves of a "not X but Y" frame.
const PARALLEL: &[&str] = &[
    "a", "about", "an", "at", "because", "by", "for", "from", "in", "of", "on", "the", "to", "with",
];

/// "not X but Y" frames: "is not a merger but a takeover", "was not about AI
/// but about power". `skip` holds spans already covered by a frame.
pub(crate) fn not_but(text: &str, sentences: &[Sentence], skip: &[Span]) -> Vec<Found> {
    let mut out = Vec::new();
    for p in memchr::memmem::find_iter(text.as_bytes(), b"but") {
        let word = Span::new(p, p + 3);
        if !word.on_word_boundaries(text) {
            continue;
        }
        let i = sentences.partition_point(|s| s.span.end <= p);
        let Some(s) = sentences.get(i).filter(|s| s.span.contains(word)) else {
            continue;
        };
        let mut after = tokens(text, word.end, s.span.end).map(|(_, t)| t);
        let Some(first_after) = after.next().and_then(|t| {
            if is_one_of(t, &["rather", "instead"]) {
                after.next()
            } else {
                Some(t)
            }
        }) else {
            continue;
        };
        if is_word(first_after, "also") {
            continue;
        }
        let window = tokens_before(text, s.span.start, word.start, FRAME_WORDS + 1);
        let Some(k) = window
            .iter()
            .rposition(|(_, t)| is_word(t, "not") || is_one_of(t, NEGATED_BE))
        else {
            continue;
        };
        // One clause: nothing between ends a sentence or clause.
        if window[k..]
            .iter()
            .any(|(_, t)| t.ends_with([';', ':', '.', '?', '!']))
        {
            continue;
        }
        let be_before = is_one_of(window[k].1, NEGATED_BE)
            || k.checked_sub(1)
                .and_then(|b| window.get(b))
                .is_some_and(|(_, t)| is_one_of(t, BE));
        let Some(after_not) = window.get(k + 1).map(|(_, t)| *t) else {
            continue;
        };
        if !be_before || is_one_of(after_not, &["only", "just", "merely", "simply"]) {
            continue;
        }
        let same = bare(after_not).eq_ignore_ascii_case(bare(first_after));
        if !(same || is_one_of(after_not, PARALLEL) && is_one_of(first_after, PARALLEL)) {
            continue;
        }
        let span = Span::new(window[k].0.start, word.end);
        if skip.iter().any(|x| x.overlaps(span)) {
            continue;
        }
        out.push(Found {
            span,
            cue: "not … but".to_string(),
            sentence: i,
            answered: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::{quotations, sentences};

    #[test]
    fn title_case_reads_ascii_words_as_bare_does() {
        let model = |s: &str| {
            let (mut long, mut caps) = (0usize, 0usize);
            for w in s.split_whitespace().map(bare) {
                if w.chars().nth(3).is_some() {
                    long += 1;
                    caps += usize::from(w.starts_with(char::is_uppercase));
                }
            }
            long > 0 && caps * 10 >= long * 8
        };
        let pieces = [
            "Who",
            "Pays",
            "for",
            "“Choice”?",
            "the",
            "Deal",
            "(Merger)",
            "--",
            "Über",
            "über",
            "ÉCLAIR",
            "éclair",
            "9,000",
            "A1B2",
            "'Tis",
            "\"Said\"",
            "...",
            "of",
            "FY2025",
            " ",
            "  ",
            "\n",
            "\u{a0}",
            "Ⅻ",
            "İstanbul",
        ];
        let mut next = crate::testing::picker(0x3c6e_f372_fe94_f82b);
        let mut seen = [0usize; 2];
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..next(10) + 1 {
                s.push_str(pieces[next(pieces.len())]);
                s.push(' ');
            }
            let m = model(&s);
            assert_eq!(title_case(&s), m, "{s:?}");
            seen[usize::from(m)] += 1;
        }
        assert!(seen[0] > 1000 && seen[1] > 1000, "{seen:?}");
    }

    #[test]
    fn one_of_is_any_word_compared_alone() {
        let words = [
            "said",
            "says",
            "according",
            "don't",
            "so-called",
            "x",
            "naïve",
        ];
        let tokens = [
            "said",
            "Said,",
            "SAID.",
            "(says)",
            "“according",
            "don’t",
            "Don't",
            "so-called",
            "x",
            "X!",
            "naïve",
            "NAÏVE",
            "sai",
            "saidd",
            "",
            "--",
            "’",
            "İ",
            "ß",
            "according-to-the-most-recent-and-very-long-report",
            "said’",
            "'said'",
        ];
        for t in tokens {
            for k in 0..=words.len() {
                let list = &words[..k];
                let model = list.iter().any(|w| is_word(t, w));
                assert_eq!(is_one_of(t, list), model, "{t:?} in {list:?}");
            }
        }
    }

    fn q(text: &str) -> Vec<String> {
        questions(text, &sentences(text), &quotations(text))
            .into_iter()
            .map(|f| f.cue)
            .collect()
    }

    fn sq(text: &str) -> Vec<String> {
        scare_quotes(text, &sentences(text), &quotations(text))
            .into_iter()
            .map(|f| f.cue)
            .collect()
    }

    fn nb(text: &str) -> Vec<&str> {
        not_but(text, &sentences(text), &[])
            .into_iter()
            .map(|f| f.span.slice(text))
            .collect()
    }

    #[test]
    fn rhetorical_questions() {
        assert_eq!(
            q("The Power Disconnect: Who Truly Benefits?\n\nThe deal closed."),
            ["Who Truly Benefits?"]
        );
        assert_eq!(
            q("Is this really a merger of equals? Hardly."),
            ["Is this really a merger of equals?"]
        );
        assert!(q("He asked, “Why now?”").is_empty());
        assert!(q("Q: What will I receive in the merger?\nA: 0.1235 shares.").is_empty());
        assert!(q("What will I receive? A: You will receive 0.1235 shares.").is_empty());
        assert!(q("The deal closed.").is_empty());
        // Data, form items and table rows are not questions of an author.
        assert!(q("M9#LC<PO? %&:#%4!#@6_JJ0QTD?").is_empty());
        assert!(q("4. Does Registrant act as a transfer agent for its own securities?").is_empty());
        assert!(q("HAS A ROLLING LOSS RATE EVENT OCCURRED?      NO").is_empty());
    }

    #[test]
    fn a_run_of_procedural_questions_is_answered() {
        let t = "Who is soliciting my vote?\n\nThe Board.\n\nWhat am I voting on?\n\nTwo proposals.\n\nWho is entitled to vote?\n\nHolders.\n\nWho Truly Benefits?";
        let found = questions(t, &sentences(t), &quotations(t));
        let answered: Vec<(&str, bool)> =
            found.iter().map(|f| (f.cue.as_str(), f.answered)).collect();
        assert_eq!(
            answered,
            [
                ("Who is soliciting my vote?", true),
                ("What am I voting on?", true),
                ("Who is entitled to vote?", true),
                ("Who Truly Benefits?", false)
            ]
        );
    }

    #[test]
    fn scare_quotes_found() {
        assert_eq!(
            sq("The deal promises “synergies” that never come."),
            ["synergies"]
        );
        assert_eq!(sq("A so-called “strategic” review."), ["strategic"]);
        assert_eq!(sq("Who Pays for “Choice”?"), ["Choice"]);
        assert_eq!(sq("They call it \"innovation.\""), ["innovation"]);
    }

    #[test]
    fn scare_quotes_not_found() {
        for text in [
            "CoreWeave, Inc. (the “Company”) signed.",
            "CoreWeave (“CoreWeave”) signed.",
            "Words such as “anticipate,” “believe,” “could” and “will” identify them.",
            "See the section entitled “Risk Factors” for more.",
            "The “Merger Agreement” means the agreement.",
            "“Nonsense,” he said.",
            "Intrator called it “transformative” on a call.",
            "Filed with the Securities and Exchange Commission (“SEC”).",
            "See “Use of Proceeds” for details.",
            "It shall not be deemed “filed” for purposes of Section 18.",
            "We refer to them as “bottler’s agreements,” with partners.",
            "{ \"schema\": { \"local\": 1 } }",
            "The claim that “we’re not paying rent for the next 15 years” sounds impressive.",
        ] {
            assert!(sq(text).is_empty(), "{text}: {:?}", sq(text));
        }
    }

    #[test]
    fn not_but_frames() {
        assert_eq!(
            nb("This is not a merger but a takeover."),
            ["not a merger but"]
        );
        assert_eq!(
            nb("The vote wasn’t about price, but about control."),
            ["wasn’t about price, but"]
        );
        assert!(nb("It is not only cheaper but also faster.").is_empty());
        assert!(nb("The Company did not file the report but the SEC did.").is_empty());
        assert!(
            nb("The merger is not subject to a financing condition but requires approval.")
                .is_empty()
        );
        assert!(nb("Distribution is not a problem. But the price is.").is_empty());
    }

    #[test]
    fn frames_close_within_the_sentence() {
        let t = "a combination driven more by financial maneuvering than genuine advancement.";
        let s = Span::new(0, t.len());
        let at = t.find("driven").unwrap_or(0);
        let f = frame(t, s, Span::new(at, at + "driven more by".len()), &["than"]);
        assert_eq!(
            f.map(|(x, c)| (x.slice(t), c)),
            Some(("driven more by financial maneuvering than", "than"))
        );
        let t = "AI is less about infrastructure and more about genuine innovation.";
        let at = t.find("less").unwrap_or(0);
        let f = frame(
            t,
            Span::new(0, t.len()),
            Span::new(at, at + 10),
            &["more about", "than"],
        );
        assert_eq!(
            f.map(|(x, _)| x.slice(t)),
            Some("less about infrastructure and more about")
        );
        let t = "driven more by cost. Than that.";
        assert_eq!(
            frame(t, Span::new(0, t.len()), Span::new(0, 14), &["than"]),
            None
        );
    }
}
