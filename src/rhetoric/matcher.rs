//! The one automaton: every cue of every lexicon in a single Aho-Corasick DFA
//! (leftmost-longest), run once over the text.
//!
//! Matching is done on the text *as if* normalised: lower case, every run of
//! white space (line breaks included) read as one space, and curly
//! apostrophes (’ ‘ ʼ ′) read as `'`. No normalised copy of the text is made:
//! [`Matcher::scan`] drives the DFA byte by byte and feeds it the normalised
//! stream on the fly (ASCII case is left to the DFA, built ASCII
//! case-insensitive), so a match's end is known in the original text; its
//! start is found by walking back over the pattern's normalised length.
//!
//! Like any leftmost-longest search, the scan resumes after each match, kept
//! or not: the caller filters matches ([`Matcher::on_boundaries`],
//! [`Matcher::excepted`], [`quantity_follows`]) and a dropped match still
//! covers its text. This is the semantics of the lexicons' reference model.
//!
//! This module matches strings; it does not know categories' meanings.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

use crate::span::Span;

/// A character as the normalised stream sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Norm {
    /// White space: a run of it is one space.
    Space,
    /// One ASCII byte, lower case (curly apostrophes become `'`).
    Byte(u8),
    /// A non-ASCII character, lower case when its lower case is one character.
    Char(char),
}

/// White space as the reference model (Python's `str.isspace`) has it.
#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

#[inline]
fn norm_char(c: char) -> Norm {
    if c.is_ascii() {
        if is_space(c) {
            Norm::Space
        } else {
            Norm::Byte(c.to_ascii_lowercase() as u8)
        }
    } else if is_space(c) {
        Norm::Space
    } else if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}') {
        Norm::Byte(b'\'')
    } else {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.is_ascii() => Norm::Byte(l as u8),
            (Some(l), None) => Norm::Char(l),
            _ => Norm::Char(c),
        }
    }
}

/// Normalises a cue: trimmed, lower case, single spaces, straight apostrophes.
pub(crate) fn normalise(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    let mut prev_space = true;
    for c in term.trim().chars() {
        match norm_char(c) {
            Norm::Space => {
                if !prev_space {
                    out.push(' ');
                }
                prev_space = true;
            }
            Norm::Byte(b) => {
                out.push(b as char);
                prev_space = false;
            }
            Norm::Char(l) => {
                out.push(l);
                prev_space = false;
            }
        }
    }
    out
}

/// ASCII bytes as fed to the DFA: white space becomes a space, the rest is
/// left as is (the DFA ignores ASCII case).
const ASCII_FEED: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = match i as u8 {
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1c..=0x1f => b' ',
            b => b,
        };
        i += 1;
    }
    t
};

/// One pattern of the automaton.
#[derive(Clone, Debug)]
struct Pattern {
    /// The exceptions that contain this pattern: (exception index, byte
    /// offset of the pattern inside it), for every occurrence.
    exceptions: Vec<(usize, usize)>,
}

/// The compiled cues of all categories.
#[derive(Clone)]
pub(crate) struct Matcher {
    dfa: DFA,
    patterns: Vec<Pattern>,
    exceptions: Vec<String>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.patterns.len())
            .field("exceptions", &self.exceptions.len())
            .field("memory", &self.dfa.memory_usage())
            .finish()
    }
}

impl Matcher {
    /// Builds the automaton. `terms[i]` is pattern `i` with its group (the
    /// category); `exceptions` are (normalised phrase, group). Terms must be
    /// normalised ([`normalise`]) and distinct.
    pub(crate) fn new(
        terms: &[(String, usize)],
        exceptions: &[(String, usize)],
    ) -> Result<Matcher, String> {
        let dfa = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(terms.iter().map(|(t, _)| t.as_bytes()))
            .map_err(|e| format!("cannot build the cue automaton: {e}"))?;
        let patterns = terms
            .iter()
            .map(|(t, group)| Pattern {
                exceptions: exceptions
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, g))| g == group)
                    .flat_map(|(x, (phrase, _))| {
                        phrase.match_indices(t.as_str()).map(move |(k, _)| (x, k))
                    })
                    .collect(),
            })
            .collect();
        Ok(Matcher {
            dfa,
            patterns,
            exceptions: exceptions.iter().map(|(x, _)| x.clone()).collect(),
        })
    }

    /// Calls `hit(pattern, span)` for every leftmost-longest match of the
    /// normalised text, in order, with spans into `text`.
    pub(crate) fn scan(&self, text: &str, mut hit: impl FnMut(usize, Span)) {
        let dfa = &self.dfa;
        let bytes = text.as_bytes();
        let Ok(start) = dfa.start_state(Anchored::No) else {
            return;
        };
        let mut at = 0;
        while at < bytes.len() {
            let mut sid = start;
            let mut prev_space = false;
            let mut last = None;
            let mut i = at;
            while i < bytes.len() {
                let b = bytes[i];
                if b < 0x80 {
                    i += 1;
                    let c = ASCII_FEED[usize::from(b)];
                    if c == b' ' {
                        if prev_space {
                            continue;
                        }
                        prev_space = true;
                    } else {
                        prev_space = false;
                    }
                    sid = dfa.next_state(Anchored::No, sid, c);
                } else {
                    let Some(c) = text[i..].chars().next() else {
                        break;
                    };
                    i += c.len_utf8();
                    match norm_char(c) {
                        Norm::Space => {
                            if prev_space {
                                continue;
                            }
                            prev_space = true;
                            sid = dfa.next_state(Anchored::No, sid, b' ');
                        }
                        Norm::Byte(x) => {
                            prev_space = false;
                            sid = dfa.next_state(Anchored::No, sid, x);
                        }
                        Norm::Char(l) => {
                            prev_space = false;
                            let mut buf = [0u8; 4];
                            for &x in l.encode_utf8(&mut buf).as_bytes() {
                                sid = dfa.next_state(Anchored::No, sid, x);
                            }
                        }
                    }
                }
                if dfa.is_special(sid) {
                    if dfa.is_dead(sid) {
                        break;
                    }
                    if dfa.is_match(sid) {
                        last = Some((dfa.match_pattern(sid, 0), i));
                    }
                }
            }
            let Some((pid, end)) = last else { break };
            let start = walk_back(text, end, dfa.pattern_len(pid)).unwrap_or(at);
            hit(pid.as_usize(), Span::new(start, end));
            at = end;
        }
    }

    /// True when `span` starts and ends on word boundaries: the characters
    /// just outside it are not letters or digits.
    pub(crate) fn on_boundaries(text: &str, span: Span) -> bool {
        let before = text[..span.start].chars().next_back();
        let after = text[span.end..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    }

    /// True when the match `span` of `pattern` lies inside an occurrence (on
    /// word boundaries) of one of its category's exceptions.
    pub(crate) fn excepted(&self, text: &str, pattern: usize, span: Span) -> bool {
        let Some(p) = self.patterns.get(pattern) else {
            return false;
        };
        p.exceptions.iter().any(|&(x, k)| {
            walk_back(text, span.start, k)
                .and_then(|a| match_forward(text, a, &self.exceptions[x]).map(|b| Span::new(a, b)))
                .is_some_and(|s| Matcher::on_boundaries(text, s))
        })
    }
}

/// The raw position `p` before `end` such that `text[p..end]` normalises to
/// `n` bytes, `p` on a character that is not inside a white-space run.
fn walk_back(text: &str, mut pos: usize, mut n: usize) -> Option<usize> {
    while n > 0 {
        let c = text[..pos].chars().next_back()?;
        pos -= c.len_utf8();
        n = match norm_char(c) {
            Norm::Space => {
                while let Some(p) = text[..pos].chars().next_back().filter(|&p| is_space(p)) {
                    pos -= p.len_utf8();
                }
                n.checked_sub(1)?
            }
            Norm::Byte(_) => n.checked_sub(1)?,
            Norm::Char(l) => n.checked_sub(l.len_utf8())?,
        };
    }
    Some(pos)
}

/// If the normalised text from `at` starts with `pattern`, the raw end.
fn match_forward(text: &str, at: usize, pattern: &str) -> Option<usize> {
    let want = pattern.as_bytes();
    let mut j = 0;
    let mut pos = at;
    let mut prev_space = false;
    let mut buf = [0u8; 4];
    while j < want.len() {
        let c = text.get(pos..)?.chars().next()?;
        pos += c.len_utf8();
        let got: &[u8] = match norm_char(c) {
            Norm::Space if prev_space => continue,
            Norm::Space => {
                prev_space = true;
                b" "
            }
            Norm::Byte(b) => {
                prev_space = false;
                buf[0] = b;
                &buf[..1]
            }
            Norm::Char(l) => {
                prev_space = false;
                l.encode_utf8(&mut buf).as_bytes()
            }
        };
        if want.get(j..j + got.len()) != Some(got) {
            return None;
        }
        j += got.len();
    }
    Some(pos)
}

/// Words that count as a quantity after an approximator ("over a third",
/// "nearly two dozen").
const NUMBER_WORDS: &[&str] = &[
    "billion",
    "billions",
    "dozen",
    "dozens",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "half",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "nine",
    "nineteen",
    "ninety",
    "one",
    "seven",
    "seventeen",
    "seventy",
    "six",
    "sixteen",
    "sixty",
    "ten",
    "third",
    "thirds",
    "thirteen",
    "thirty",
    "thousand",
    "thousands",
    "three",
    "trillion",
    "trillions",
    "twelve",
    "twenty",
    "two",
    "zero",
];

/// Approximators count only next to a quantity: true when one of the next
/// four words of `text[end..limit]` holds a digit or is a number word, and
/// no word before it ends the sentence.
pub(crate) fn quantity_follows(text: &str, end: usize, limit: usize) -> bool {
    let rest = text.get(end..limit.max(end)).unwrap_or("");
    // "approx. 5"
    let rest = match rest.strip_prefix('.') {
        Some(r) if r.starts_with(is_space) => r,
        _ => rest,
    };
    for tok in rest.split(is_space).filter(|t| !t.is_empty()).take(4) {
        if tok.chars().any(char::is_numeric) {
            return true;
        }
        let core = tok.trim_matches(|c| ".,;:!?()[]\"'“”’‘".contains(c));
        if core
            .split(['-', '–'])
            .any(|p| NUMBER_WORDS.iter().any(|w| w.eq_ignore_ascii_case(p)))
        {
            return true;
        }
        let initial =
            tok.len() == 2 && tok.as_bytes()[0].is_ascii_alphabetic() && tok.ends_with('.');
        if tok.ends_with(['.', '!', '?', ';', ':']) && !initial {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(terms: &[&str], exceptions: &[&str]) -> Matcher {
        let t: Vec<(String, usize)> = terms.iter().map(|t| (normalise(t), 0)).collect();
        let x: Vec<(String, usize)> = exceptions.iter().map(|t| (normalise(t), 0)).collect();
        Matcher::new(&t, &x).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The kept matches as (pattern text as written in `text`).
    fn kept<'t>(m: &Matcher, text: &'t str) -> Vec<&'t str> {
        let mut out = Vec::new();
        m.scan(text, |p, s| {
            if Matcher::on_boundaries(text, s) && !m.excepted(text, p, s) {
                out.push(s.slice(text));
            }
        });
        out
    }

    macro_rules! t {
        ($name:ident, $terms:expr, $exceptions:expr, $text:expr, $want:expr) => {
            #[test]
            fn $name() {
                let m = matcher(&$terms, &$exceptions);
                let want: Vec<&str> = $want.to_vec();
                assert_eq!(kept(&m, $text), want);
            }
        };
    }

    t!(
        plain,
        ["smokescreen"],
        [],
        "a classic smokescreen.",
        ["smokescreen"]
    );
    t!(
        case_insensitive,
        ["sleight of hand"],
        [],
        "Sleight Of HAND again",
        ["Sleight Of HAND"]
    );
    t!(
        across_line_break,
        ["sleight of hand"],
        [],
        "accounting sleight\nof   hand than",
        ["sleight\nof   hand"]
    );
    t!(
        across_crlf_and_tabs,
        ["should question whether"],
        [],
        "should\r\n\tquestion  whether",
        ["should\r\n\tquestion  whether"]
    );
    t!(
        nbsp_is_space,
        ["in fact"],
        [],
        "when in\u{a0}fact they",
        ["in\u{a0}fact"]
    );
    t!(
        curly_apostrophe,
        ["isn't about"],
        [],
        "The deal isn’t about AI",
        ["isn’t about"]
    );
    t!(
        longest_wins,
        ["touted", "touted as"],
        [],
        "was touted as cheaper",
        ["touted as"]
    );
    t!(
        leftmost_wins,
        ["merely", "mere"],
        [],
        "a mere spectator merely",
        ["mere", "merely"]
    );
    t!(
        word_boundaries,
        ["over", "mask"],
        [],
        "moreover masks; over 5, unmask",
        ["over"]
    );
    t!(hyphen_is_a_boundary, ["fraud"], [], "anti-fraud", ["fraud"]);
    t!(
        exception_silences,
        ["fraud"],
        ["anti-fraud", "fraud prevention"],
        "anti-fraud and fraud prevention, but fraud",
        ["fraud"]
    );
    t!(
        exception_across_space_runs,
        ["will"],
        ["at will"],
        "employment at\n  will; it will",
        ["will"]
    );
    t!(
        exception_needs_boundaries,
        ["will"],
        ["at will"],
        "what will",
        ["will"]
    );
    t!(
        non_ascii_lowercase,
        ["façade"],
        [],
        "FAÇADE and Façade",
        ["FAÇADE", "Façade"]
    );
    t!(
        non_ascii_before_match,
        ["illusion"],
        [],
        "“illusion” — an illusion",
        ["illusion", "illusion"]
    );
    t!(
        dropped_match_covers_its_text,
        ["about the", "the real"],
        [],
        "xabout the real",
        Vec::<&str>::new()
    );

    #[test]
    fn dropped_matches_shadow_like_the_reference_model() {
        // "about the" fails the boundary test ("xabout") and covers "the".
        let m = matcher(&["about the", "the real"], &[]);
        let mut all = Vec::new();
        m.scan("xabout the real", |_, s| all.push(s));
        assert_eq!(all, [Span::new(1, 10)]);
    }

    #[test]
    fn quantities() {
        let q = |s: &str| quantity_follows(s, 0, s.len());
        assert!(q(" $9 billion"));
        assert!(q(" a third of the capacity"));
        assert!(q(". 5 units"));
        assert!(q(" the next twelve-month period"));
        assert!(q(" j. 10%"));
        assert!(!q(" U.S. 10%"));
        assert!(q(" the clock, 40 engineers")); // "around the" is an exception instead
        assert!(!q(" dilution more than anything else"));
        assert!(!q(" it. 40 more"));
        assert!(!quantity_follows("about. 5", 5, 6));
    }

    #[test]
    fn normalises_terms() {
        assert_eq!(normalise("  Isn’t   About "), "isn't about");
        assert_eq!(normalise("FAÇADE"), "façade");
    }
}
