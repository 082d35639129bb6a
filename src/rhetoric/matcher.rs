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
//! or not: the caller filters matches ([`Span::on_word_boundaries`],
//! [`Matcher::excepted`], [`quantity_follows`]) and a dropped match still
//! covers its text. This is the semantics of the lexicons' reference model.
//!
//! This module matches strings; it does not know categories' meanings.

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
    table: Table,
    patterns: Vec<Pattern>,
    exceptions: Vec<String>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.patterns.len())
            .field("exceptions", &self.exceptions.len())
            .field(
                "states",
                &(self.table.trans.len() / self.table.stride as usize),
            )
            .field("classes", &self.table.stride)
            .finish()
    }
}

/// The DFA as a dense table of our own, with white space folded in: every
/// ASCII white-space byte moves a state whose string ends in a space to
/// itself (a run reads as one space) and any other state as a space does.
/// This is exact because a trie state's string ends in a space exactly when
/// the last byte fed was one (the start state stays put on a space either
/// way, no cue starting with one).
///
/// State ids are premultiplied by the number of byte classes. The dead state
/// is 0, match states follow it, so "dead or match" is one comparison.
#[derive(Clone)]
struct Table {
    trans: Vec<u32>,
    classes: [u8; 256],
    stride: u32,
    start: u32,
    /// The largest special (dead or match) state id.
    max_special: u32,
    /// Pattern and its length of each match state, by `id / stride - 1`.
    matches: Vec<(usize, usize)>,
}

fn is_ascii_space(b: u8) -> bool {
    ASCII_FEED[usize::from(b & 0x7f)] == b' ' && b < 0x80
}

/// Byte classes of `patterns`: class 0 for bytes in no pattern (they all
/// lead where any of them leads), 1 for ASCII white space, one per other
/// pattern byte (ASCII letters of both cases together). Returns the classes
/// and one representative byte of each.
fn byte_classes(patterns: &[&[u8]]) -> Result<([u8; 256], Vec<u8>), String> {
    let mut classes = [0u8; 256];
    let mut reps: Vec<u8> = vec![b'\0', b' '];
    for b in 0..=255u8 {
        if is_ascii_space(b) {
            classes[usize::from(b)] = 1;
        }
    }
    for &p in patterns {
        for &b in p {
            let b = b.to_ascii_lowercase();
            if classes[usize::from(b)] == 0 && !is_ascii_space(b) {
                let c =
                    u8::try_from(reps.len()).map_err(|_| "too many byte classes".to_string())?;
                reps.push(b);
                classes[usize::from(b)] = c;
                classes[usize::from(b.to_ascii_uppercase())] = c;
            }
        }
    }
    Ok((classes, reps))
}

/// What [`Table::new`] reads of an automaton: states are numbers, and
/// `next` is asked only for the classes' representative bytes, twice for
/// each state and class (a lookup in [`Trie`]; the crate's NFA, the tests'
/// model, follows failure links for each).
trait Dfa {
    fn start(&self) -> usize;
    fn next(&self, s: usize, b: u8) -> usize;
    fn is_dead(&self, s: usize) -> bool;
    fn is_match(&self, s: usize) -> bool;
    /// The first pattern of match state `s`, and its length.
    fn first_match(&self, s: usize) -> (usize, usize);
}

/// No pattern, no child.
const NONE: u32 = u32::MAX;

/// The leftmost-longest Aho-Corasick automaton of the patterns, built as a
/// dense DFA over their byte classes (ASCII case-insensitive).
///
/// It is the automaton of the aho-corasick crate with `LeftmostLongest`
/// semantics, states for states (the tests build [`Table`] from both and
/// compare): the trie of the patterns; a state where a pattern ends fails
/// to the dead state (the search must report that match before it can
/// look for one starting later); any other state fails, as in the textbook,
/// to the state of its longest proper suffix, and matches what that state
/// matches. Built here because it takes a few dense passes, where building
/// the crate's NFA and reading every transition back through its failure
/// links took most of claimlens's start-up.
struct Trie {
    classes: [u8; 256],
    stride: usize,
    /// `delta[s * stride + c]`: where state `s` goes on class `c`. State 0
    /// is the dead state, 1 the start.
    delta: Vec<u32>,
    /// The first pattern ending at each state (its own, else its failure
    /// state's), or [`NONE`].
    first: Vec<u32>,
    /// Pattern lengths.
    lens: Vec<usize>,
}

impl Trie {
    const DEAD: u32 = 0;
    const START: u32 = 1;

    /// Builds the automaton; `with_child` is called once the trie is
    /// complete and before failures are filled in, while `delta` holds
    /// only the trie's own edges ([`NONE`] elsewhere).
    fn new(
        patterns: &[&[u8]],
        classes: [u8; 256],
        stride: usize,
        with_trie: impl FnOnce(&Trie),
    ) -> Result<Trie, String> {
        let too_large = |_| "the cue automaton is too large".to_string();
        let mut t = Trie {
            classes,
            stride,
            delta: vec![NONE; 2 * stride],
            first: vec![NONE; 2],
            lens: patterns.iter().map(|p| p.len()).collect(),
        };
        for (pid, p) in patterns.iter().enumerate() {
            if p.is_empty() {
                return Err(format!("cue {pid} is empty"));
            }
            let mut s = Trie::START as usize;
            for &b in *p {
                let at = s * stride + usize::from(classes[usize::from(b)]);
                if t.delta[at] == NONE {
                    t.delta[at] = u32::try_from(t.first.len()).map_err(too_large)?;
                    t.first.push(NONE);
                    t.delta.resize(t.delta.len() + stride, NONE);
                }
                s = t.delta[at] as usize;
            }
            if t.first[s] == NONE {
                t.first[s] = u32::try_from(pid).map_err(too_large)?;
            }
        }
        with_trie(&t);
        // Breadth first, so that a state's failure state (shallower) has
        // its row complete when the state's own row is filled.
        let own: Vec<bool> = t.first.iter().map(|&f| f != NONE).collect();
        let mut fail = vec![Trie::START; t.first.len()];
        let mut queue = vec![Trie::START as usize];
        let mut k = 0;
        t.delta[..stride].fill(Trie::DEAD);
        // Where the state's failure state goes, by class.
        let mut via = vec![Trie::START; stride];
        while k < queue.len() {
            let s = queue[k];
            k += 1;
            if s != Trie::START as usize {
                let f = fail[s] as usize * stride;
                via.copy_from_slice(&t.delta[f..f + stride]);
            }
            let row = &mut t.delta[s * stride..(s + 1) * stride];
            for (to, &v) in row.iter_mut().zip(&via) {
                if *to == NONE {
                    *to = v;
                    continue;
                }
                let child = *to as usize;
                queue.push(child);
                if own[child] {
                    fail[child] = Trie::DEAD;
                } else {
                    fail[child] = v;
                    t.first[child] = t.first[v as usize];
                }
            }
        }
        Ok(t)
    }

    /// The trie's child of `s` on byte `b`, while only the trie's edges
    /// are in place.
    fn child(&self, s: usize, b: u8) -> Option<usize> {
        let to = self.delta[s * self.stride + usize::from(self.classes[usize::from(b)])];
        (to != NONE).then_some(to as usize)
    }
}

impl Dfa for Trie {
    fn start(&self) -> usize {
        Trie::START as usize
    }
    fn next(&self, s: usize, b: u8) -> usize {
        self.delta[s * self.stride + usize::from(self.classes[usize::from(b)])] as usize
    }
    fn is_dead(&self, s: usize) -> bool {
        s == Trie::DEAD as usize
    }
    fn is_match(&self, s: usize) -> bool {
        self.first[s] != NONE
    }
    fn first_match(&self, s: usize) -> (usize, usize) {
        let p = self.first[s] as usize;
        (p, self.lens[p])
    }
}

impl Table {
    /// Compiles `dfa` into a table over `classes` (with `reps`, one byte
    /// of each, from [`byte_classes`]). It follows the automaton's
    /// transitions from the start, so any automaton of the same patterns
    /// and semantics gives the same table.
    fn new(dfa: &impl Dfa, classes: [u8; 256], reps: &[u8]) -> Result<Table, String> {
        let too_large = |_| "the cue automaton is too large".to_string();
        let stride = reps.len();
        // Every state reachable from the start, by breadth-first search over
        // the classes' representative bytes. Automaton ids index `seen`.
        let start = dfa.start();
        let mut order = vec![start];
        let mut seen: Vec<u32> = Vec::new();
        let mark = |seen: &mut Vec<u32>, s: usize, v: u32| {
            if seen.len() <= s {
                seen.resize(s + 1, u32::MAX);
            }
            seen[s] = v;
        };
        mark(&mut seen, start, 0);
        let mut k = 0;
        while k < order.len() {
            let s = order[k];
            for &b in reps {
                let t = dfa.next(s, b);
                if seen.get(t).is_none_or(|&v| v == u32::MAX) {
                    mark(&mut seen, t, u32::try_from(order.len()).map_err(too_large)?);
                    order.push(t);
                }
            }
            k += 1;
        }
        let next = |s: usize, c: usize| dfa.next(s, reps[c]);
        // Dead first (ours if the automaton has none), then match states.
        let dead = order.iter().copied().find(|&s| dfa.is_dead(s));
        let shift = usize::from(dead.is_none());
        let mut ranked: Vec<usize> = Vec::with_capacity(order.len());
        ranked.extend(dead);
        ranked.extend(order.iter().copied().filter(|&s| dfa.is_match(s)));
        let n_special = ranked.len() + shift;
        ranked.extend(
            order
                .iter()
                .copied()
                .filter(|&s| !dfa.is_dead(s) && !dfa.is_match(s)),
        );
        for (i, &s) in ranked.iter().enumerate() {
            mark(&mut seen, s, u32::try_from(i + shift).map_err(too_large)?);
        }
        let ours = |s: usize| seen[s] as usize;
        let n = ranked.len() + shift;
        // States whose string ends in a space.
        let mut ends_in_space = vec![false; n];
        for &s in &ranked {
            let t = next(s, 1);
            if t != start && !dfa.is_dead(t) {
                ends_in_space[ours(t)] = true;
            }
        }
        // Every id times the stride fits in a u32 (checked once here).
        let stride32 = u32::try_from(stride).map_err(too_large)?;
        u32::try_from(n * stride).map_err(too_large)?;
        let mut trans = vec![0u32; n * stride];
        for &s in &ranked {
            let i = ours(s);
            for (c, slot) in trans[i * stride..][..stride].iter_mut().enumerate() {
                let to = if c == 1 && ends_in_space[i] {
                    i
                } else {
                    ours(next(s, c))
                };
                *slot = to as u32 * stride32;
            }
        }
        let matches = ranked[usize::from(dead.is_some())..n_special - shift]
            .iter()
            .map(|&s| dfa.first_match(s))
            .collect();
        let id = |i: usize| u32::try_from(i * stride).map_err(too_large);
        Ok(Table {
            trans,
            classes,
            stride: id(1)?,
            start: id(ours(start))?,
            max_special: id(n_special - 1)?,
            matches,
        })
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
        let bytes: Vec<&[u8]> = terms.iter().map(|(t, _)| t.as_bytes()).collect();
        let (classes, reps) = byte_classes(&bytes)?;
        let mut patterns = vec![
            Pattern {
                exceptions: Vec::new()
            };
            terms.len()
        ];
        let trie = Trie::new(&bytes, classes, reps.len(), |trie| {
            // Where each term occurs in the exceptions of its group, found
            // by walking the trie from every byte of each exception.
            for (x, (phrase, group)) in exceptions.iter().enumerate() {
                let hay = phrase.as_bytes();
                // Occurrences of one term do not overlap (as
                // `str::match_indices` finds them): (pattern, next free byte).
                let mut free: Vec<(usize, usize)> = Vec::new();
                for k in 0..hay.len() {
                    let mut s = Trie::START as usize;
                    for &b in &hay[k..] {
                        let Some(to) = trie.child(s, b) else { break };
                        s = to;
                        let p = trie.first[s];
                        if p == NONE {
                            continue;
                        }
                        let p = p as usize;
                        let (term, g) = &terms[p];
                        if g != group || !hay[k..].starts_with(term.as_bytes()) {
                            continue;
                        }
                        match free.iter_mut().find(|(q, _)| *q == p) {
                            Some((_, next)) if *next > k => continue,
                            Some((_, next)) => *next = k + term.len(),
                            None => free.push((p, k + term.len())),
                        }
                        patterns[p].exceptions.push((x, k));
                    }
                }
            }
        })?;
        let table = Table::new(&trie, classes, &reps)?;
        Ok(Matcher {
            table,
            patterns,
            exceptions: exceptions.iter().map(|(x, _)| x.clone()).collect(),
        })
    }

    /// Calls `hit(pattern, span)` for every leftmost-longest match of the
    /// normalised text, in order, with spans into `text`.
    ///
    /// The automaton waits on one table lookup per byte, each depending on
    /// the one before. A long text is therefore cut in [`CHAINS`] pieces at
    /// bytes that are in no cue, and the pieces are scanned in one loop, a
    /// byte of each per turn, so that the processor overlaps the lookups.
    /// A cut changes nothing: no match can hold that byte, and reading it
    /// puts the automaton back in its start state, so the matches after it
    /// are those of a fresh scan from it (the tests compare with the
    /// one-chain scan).
    pub(crate) fn scan(&self, text: &str, hit: impl FnMut(usize, Span)) {
        self.scan_in::<CHAINS>(text, hit);
    }

    /// [`Matcher::scan`] with the text cut into `N` pieces.
    fn scan_in<const N: usize>(&self, text: &str, mut hit: impl FnMut(usize, Span)) {
        let cuts = self.cuts::<N>(text.as_bytes());
        let mut found: [Vec<(usize, Span)>; N] = std::array::from_fn(|_| Vec::new());
        let mut chains: [Chain; N] = std::array::from_fn(|k| {
            let from = if k == 0 { 0 } else { cuts[k - 1] };
            let to = if k + 1 == N { text.len() } else { cuts[k] };
            Chain::new(self.table.start, from, to)
        });
        self.run(text, &mut chains, &mut found);
        // The chains still going (their pieces were longer, or the text too
        // short to cut) run on alone, each in the same loop.
        for (chain, out) in chains.iter_mut().zip(found.iter_mut()) {
            if !chain.done {
                self.run(text, std::array::from_mut(chain), std::array::from_mut(out));
            }
        }
        for f in found {
            for (p, s) in f {
                hit(p, s);
            }
        }
    }

    /// Runs `chains` side by side until one of them is done.
    fn run<const N: usize>(
        &self,
        text: &str,
        chains: &mut [Chain; N],
        found: &mut [Vec<(usize, Span)>; N],
    ) {
        let tab = &self.table;
        let trans = tab.trans.as_slice();
        let classes = &tab.classes;
        let bytes = text.as_bytes();
        while chains.iter().all(|c| !c.done) {
            // The hot loop: `n` steps can be taken without any chain
            // reaching its end; run them with the states in registers
            // while every byte read is ASCII and no chain enters a special
            // (dead or match) state.
            let n = chains.iter().map(|c| c.end - c.i).min().unwrap_or(0);
            let ahead: [&[u8]; N] = std::array::from_fn(|k| &bytes[chains[k].i..][..n]);
            let mut sid: [u32; N] = std::array::from_fn(|k| chains[k].sid);
            let mut j = 0;
            let mut ascii = true;
            while j < n {
                let xs: [u8; N] = std::array::from_fn(|k| ahead[k][j]);
                if xs.iter().fold(0, |a, &x| a | x) >= 0x80 {
                    ascii = false;
                    break;
                }
                for k in 0..N {
                    sid[k] = trans[(sid[k] + u32::from(classes[usize::from(xs[k])])) as usize];
                }
                j += 1;
                if sid.iter().any(|&s| s <= tab.max_special) {
                    break;
                }
            }
            for k in 0..N {
                chains[k].sid = sid[k];
                chains[k].i += j;
            }
            for k in 0..N {
                let out = &mut found[k];
                if ascii {
                    // A special state or a chain's end: act on it.
                    chains[k].after_step(self, text, &mut |p, s| out.push((p, s)));
                } else {
                    // A non-ASCII character ahead in some chain: one
                    // character each, normalised.
                    chains[k].step_char(self, text, &mut |p, s| out.push((p, s)));
                }
            }
        }
    }

    /// Where to cut `bytes` into `N` pieces: ASCII bytes in no cue (class
    /// 0) near the even cuts; a piece may be empty.
    fn cuts<const N: usize>(&self, bytes: &[u8]) -> [usize; N] {
        let free = |b: &u8| *b < 0x80 && self.table.classes[usize::from(*b)] == 0;
        let mut cuts = [bytes.len(); N];
        if bytes.len() < 4096 {
            return cuts;
        }
        let mut lo = 0;
        for (k, cut) in cuts.iter_mut().enumerate().take(N - 1) {
            let mid = (bytes.len() * (k + 1) / N).max(lo);
            *cut = bytes[mid..]
                .iter()
                .position(free)
                .map_or(bytes.len(), |p| mid + p);
            lo = *cut;
        }
        cuts
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
                .is_some_and(|s| s.on_word_boundaries(text))
        })
    }
}

/// Chains scanned at once by [`Matcher::scan`]. Four measured best on the
/// filings' text (two: a whole run ~3% slower; six and eight: slower than
/// four, as the loop runs out of registers and stops more often).
const CHAINS: usize = 4;

/// One run of the automaton over `text[..end]` from `at`: the loop of a
/// leftmost-longest search, as a state machine so that two can be
/// interleaved.
struct Chain {
    /// Where the current attempt started.
    at: usize,
    /// The next byte to read.
    i: usize,
    end: usize,
    sid: u32,
    /// The last match state seen in this attempt, and where it ended.
    last: Option<(u32, usize)>,
    done: bool,
}

impl Chain {
    fn new(start: u32, at: usize, end: usize) -> Chain {
        Chain {
            at,
            i: at,
            end,
            sid: start,
            last: None,
            done: at >= end,
        }
    }

    /// Reads one character (normalised) and acts on the state reached.
    #[inline]
    fn step_char(&mut self, m: &Matcher, text: &str, hit: &mut impl FnMut(usize, Span)) {
        let tab = &m.table;
        let step =
            |sid: u32, b: u8| tab.trans[(sid + u32::from(tab.classes[usize::from(b)])) as usize];
        let bytes = text.as_bytes();
        let b = bytes[self.i];
        if b < 0x80 {
            self.sid = step(self.sid, b);
            self.i += 1;
        } else {
            let Some(c) = text[self.i..].chars().next() else {
                self.i = self.end;
                self.finish_attempt(m, text, hit);
                return;
            };
            self.i += c.len_utf8();
            match norm_char(c) {
                Norm::Space => self.sid = step(self.sid, b' '),
                Norm::Byte(x) => self.sid = step(self.sid, x),
                Norm::Char(l) => {
                    let mut buf = [0u8; 4];
                    for &x in l.encode_utf8(&mut buf).as_bytes() {
                        self.sid = step(self.sid, x);
                    }
                }
            }
        }
        self.after_step(m, text, hit);
    }

    /// After a step: note a match, end the attempt at the dead state or at
    /// the end of the text.
    #[inline]
    fn after_step(&mut self, m: &Matcher, text: &str, hit: &mut impl FnMut(usize, Span)) {
        if self.sid <= m.table.max_special {
            if self.sid == 0 {
                self.finish_attempt(m, text, hit);
                return;
            }
            self.last = Some((self.sid, self.i));
        }
        if self.i >= self.end {
            self.finish_attempt(m, text, hit);
        }
    }

    /// Reports the attempt's match and starts the next attempt after it; with
    /// no match, the search is over.
    #[cold]
    fn finish_attempt(&mut self, m: &Matcher, text: &str, hit: &mut impl FnMut(usize, Span)) {
        let tab = &m.table;
        let Some((sid, end)) = self.last.take() else {
            self.done = true;
            return;
        };
        let (pattern, len) = tab.matches[(sid / tab.stride) as usize - 1];
        let start = walk_back(text, end, len).unwrap_or(self.at);
        hit(pattern, Span::new(start, end));
        self.at = end;
        self.i = end;
        self.sid = tab.start;
        self.done = end >= self.end;
    }
}

/// The raw position `p` before `end` such that `text[p..end]` normalises to
/// `n` bytes, `p` on a character that is not inside a white-space run.
/// ASCII bytes are read as bytes, other characters decoded.
fn walk_back(text: &str, mut pos: usize, mut n: usize) -> Option<usize> {
    let b = text.as_bytes();
    // The character before `at`, normalised, and its length.
    let before = |at: usize| -> Option<(Norm, usize)> {
        let last = *b.get(at.checked_sub(1)?)?;
        if last < 0x80 {
            // `is_ascii_space` is `norm_char`'s white-space test for ASCII,
            // read off a table (through `norm_char`, the walks took four
            // times the instructions).
            let norm = if is_ascii_space(last) {
                Norm::Space
            } else {
                Norm::Byte(last)
            };
            Some((norm, 1))
        } else {
            let c = text[..at].chars().next_back()?;
            Some((norm_char(c), c.len_utf8()))
        }
    };
    while n > 0 {
        let (norm, len) = before(pos)?;
        pos -= len;
        n = match norm {
            Norm::Space => {
                while let Some((Norm::Space, len)) = before(pos) {
                    pos -= len;
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
        // One byte compared as a byte: a slice comparison would call
        // `memcmp` for each character.
        let (same, n) = match norm_char(c) {
            Norm::Space if prev_space => continue,
            Norm::Space => {
                prev_space = true;
                (want.get(j) == Some(&b' '), 1)
            }
            Norm::Byte(b) => {
                prev_space = false;
                (want.get(j) == Some(&b), 1)
            }
            Norm::Char(l) => {
                prev_space = false;
                let got = l.encode_utf8(&mut buf).as_bytes();
                (want.get(j..j + got.len()) == Some(got), got.len())
            }
        };
        if !same {
            return None;
        }
        j += n;
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

    /// Where `needle` occurs in `hay`, without overlaps (as
    /// `str::match_indices` finds them): the model of the exceptions'
    /// occurrences that [`Matcher::new`] finds by walking the trie.
    fn occurrences<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            if needle.is_empty() {
                return None;
            }
            while at + needle.len() <= hay.len() {
                let k = at;
                if hay[k..].starts_with(needle) {
                    at = k + needle.len();
                    return Some(k);
                }
                at += 1;
            }
            None
        })
    }

    fn matcher(terms: &[&str], exceptions: &[&str]) -> Matcher {
        let t: Vec<(String, usize)> = terms.iter().map(|t| (normalise(t), 0)).collect();
        let x: Vec<(String, usize)> = exceptions.iter().map(|t| (normalise(t), 0)).collect();
        Matcher::new(&t, &x).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The kept matches as (pattern text as written in `text`).
    fn kept<'t>(m: &Matcher, text: &'t str) -> Vec<&'t str> {
        let mut out = Vec::new();
        m.scan(text, |p, s| {
            if s.on_word_boundaries(text) && !m.excepted(text, p, s) {
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
    fn walk_back_reads_as_the_character_walk() {
        // The walk before ASCII bytes were read as bytes.
        fn model(text: &str, mut pos: usize, mut n: usize) -> Option<usize> {
            while n > 0 {
                let c = text[..pos].chars().next_back()?;
                pos -= c.len_utf8();
                n = match norm_char(c) {
                    Norm::Space => {
                        while let Some(p) = text[..pos].chars().next_back().filter(|&p| is_space(p))
                        {
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
        let pieces = [
            "a", "B", "isn’t", " ", "  ", "\t", "\r\n", "\u{a0}", "\u{85}", "\u{2028}", "\u{1c}",
            "ß", "İ", "façade", "ǅ", "’", "ﬁ", "x", "9", "-",
        ];
        let mut next = crate::testing::picker(0x510e_527f_ade6_82d1);
        for _ in 0..5_000 {
            let text = crate::testing::soup(&mut next, &pieces, 10);
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                for n in 0..8 {
                    assert_eq!(
                        walk_back(&text, pos, n),
                        model(&text, pos, n),
                        "{text:?} {pos} {n}"
                    );
                }
            }
        }
    }

    #[test]
    fn dropped_matches_shadow_like_the_reference_model() {
        // "about the" fails the boundary test ("xabout") and covers "the".
        let m = matcher(&["about the", "the real"], &[]);
        let mut all = Vec::new();
        m.scan("xabout the real", |_, s| all.push(s));
        assert_eq!(all, [Span::new(1, 10)]);
    }

    /// The crate's automata as [`Dfa`]s: the model of [`Trie`].
    struct Crate<'a, A>(&'a A);

    fn id(s: usize) -> aho_corasick::automaton::StateID {
        aho_corasick::automaton::StateID::new(s).unwrap_or_else(|e| panic!("{e}"))
    }

    impl<A: aho_corasick::automaton::Automaton> Dfa for Crate<'_, A> {
        fn start(&self) -> usize {
            let s = self.0.start_state(aho_corasick::Anchored::No);
            s.unwrap_or_else(|e| panic!("{e}")).as_usize()
        }
        fn next(&self, s: usize, b: u8) -> usize {
            let no = aho_corasick::Anchored::No;
            self.0.next_state(no, id(s), b).as_usize()
        }
        fn is_dead(&self, s: usize) -> bool {
            self.0.is_dead(id(s))
        }
        fn is_match(&self, s: usize) -> bool {
            self.0.is_match(id(s))
        }
        fn first_match(&self, s: usize) -> (usize, usize) {
            let p = self.0.match_pattern(id(s), 0);
            (p.as_usize(), self.0.pattern_len(p))
        }
    }

    /// The table of `terms` from [`Trie`], and from the crate's NFA and
    /// DFA (leftmost-longest, ASCII case-insensitive).
    fn tables(terms: &[String]) -> [Table; 3] {
        use aho_corasick::MatchKind::LeftmostLongest;
        let bytes: Vec<&[u8]> = terms.iter().map(|t| t.as_bytes()).collect();
        let (classes, reps) = byte_classes(&bytes).unwrap_or_else(|e| panic!("{e}"));
        let trie = Trie::new(&bytes, classes, reps.len(), |_| {});
        let trie = trie.unwrap_or_else(|e| panic!("{e}"));
        let nfa = aho_corasick::nfa::contiguous::NFA::builder()
            .match_kind(LeftmostLongest)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(&bytes)
            .unwrap_or_else(|e| panic!("{e}"));
        let dfa = aho_corasick::dfa::DFA::builder()
            .match_kind(LeftmostLongest)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(&bytes)
            .unwrap_or_else(|e| panic!("{e}"));
        [
            Table::new(&trie, classes, &reps),
            Table::new(&Crate(&nfa), classes, &reps),
            Table::new(&Crate(&dfa), classes, &reps),
        ]
        .map(|t| t.unwrap_or_else(|e| panic!("{e}")))
    }

    fn assert_same_tables(terms: &[String]) {
        let [ours, nfa, dfa] = tables(terms);
        for (name, other) in [("NFA", nfa), ("DFA", dfa)] {
            assert_eq!(ours.trans, other.trans, "{name}: {terms:?}");
            assert_eq!(ours.classes, other.classes, "{name}: {terms:?}");
            assert_eq!(
                (ours.stride, ours.start, ours.max_special),
                (other.stride, other.start, other.max_special),
                "{name}: {terms:?}"
            );
            assert_eq!(ours.matches, other.matches, "{name}: {terms:?}");
        }
    }

    #[test]
    fn the_trie_gives_the_table_of_the_crates_automata() {
        // Every cue of the built-in lexicons.
        let rhetoric = super::super::Rhetoric::builtin();
        let terms: Vec<String> = rhetoric.cues().iter().map(|c| c.text.clone()).collect();
        assert!(terms.len() > 500);
        assert!(tables(&terms)[0].trans.len() > 1000);
        assert_same_tables(&terms);
        // Small sets that stress failures: prefixes, suffixes and infixes of
        // each other, repeated letters, a space inside and at the end of a
        // prefix, non-ASCII bytes, a pattern that is another's suffix.
        let alphabet = ["a", "b", "ab", " ", "ba", "ç", "aa"];
        let mut next = crate::testing::picker(0x6a09_e667_f3bc_c908);
        for _ in 0..3000 {
            let mut terms: Vec<String> = Vec::new();
            for _ in 0..next(8) + 1 {
                let mut t: String = (0..next(5) + 1).map(|_| alphabet[next(7)]).collect();
                t = t.trim().to_string();
                if !t.is_empty() && !terms.contains(&t) {
                    terms.push(t);
                }
            }
            if !terms.is_empty() {
                assert_same_tables(&terms);
            }
        }
    }

    #[test]
    fn exception_occurrences_are_those_of_the_model() {
        let model = |terms: &[(String, usize)], exceptions: &[(String, usize)]| {
            terms
                .iter()
                .map(|(t, group)| {
                    exceptions
                        .iter()
                        .enumerate()
                        .filter(|(_, (_, g))| g == group)
                        .flat_map(|(x, (phrase, _))| {
                            occurrences(phrase.as_bytes(), t.as_bytes()).map(move |k| (x, k))
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        };
        let found = |terms: &[(String, usize)], exceptions: &[(String, usize)]| {
            let m = Matcher::new(terms, exceptions).unwrap_or_else(|e| panic!("{e}"));
            m.patterns
                .into_iter()
                .map(|p| p.exceptions)
                .collect::<Vec<_>>()
        };
        // The built-in lexicons, every category.
        let rhetoric = super::super::Rhetoric::builtin();
        let terms: Vec<(String, usize)> = rhetoric
            .cues()
            .iter()
            .map(|c| (c.text.clone(), c.category))
            .collect();
        let want = model(&terms, &rhetoric.exceptions);
        assert!(want.iter().map(Vec::len).sum::<usize>() > 100);
        assert_eq!(found(&terms, &rhetoric.exceptions), want);
        // Generated: overlapping and repeated occurrences, two groups, terms
        // inside other terms.
        let words = ["a", "aa", "ab", "b", "ba", "will", "at"];
        let mut next = crate::testing::picker(0xbb67_ae85_84ca_a73b);
        for _ in 0..3000 {
            let phrase = |next: &mut dyn FnMut(usize) -> usize| {
                let n = next(4) + 1;
                let ws: Vec<&str> = (0..n).map(|_| words[next(words.len())]).collect();
                ws.join(if next(2) == 0 { " " } else { "" })
            };
            let mut terms: Vec<(String, usize)> = Vec::new();
            for _ in 0..next(6) + 1 {
                let t = phrase(&mut next);
                if !terms.iter().any(|(u, _)| *u == t) {
                    terms.push((t, next(2)));
                }
            }
            let exceptions: Vec<(String, usize)> =
                (0..next(5)).map(|_| (phrase(&mut next), next(2))).collect();
            assert_eq!(
                found(&terms, &exceptions),
                model(&terms, &exceptions),
                "{terms:?} {exceptions:?}"
            );
        }
    }

    #[test]
    fn occurrences_are_those_of_match_indices() {
        let hay = [
            "at will",
            "aaa a",
            "fraud prevention",
            "will will",
            "",
            "abab ab",
        ];
        let needles = ["will", "a", "aa", "fraud", "ab", "b a", "abab ab x"];
        for h in hay {
            for n in needles {
                let want: Vec<usize> = h.match_indices(n).map(|(k, _)| k).collect();
                let got: Vec<usize> = occurrences(h.as_bytes(), n.as_bytes()).collect();
                assert_eq!(got, want, "{n:?} in {h:?}");
            }
        }
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

    /// The reference model: normalise the whole text (keeping each normalised
    /// byte's source offset), run a plain leftmost-longest search on it, map
    /// the matches back.
    fn reference(terms: &[String], text: &str) -> Vec<(usize, Span)> {
        let mut norm = String::new();
        let mut starts = Vec::new();
        let mut ends = Vec::new();
        let mut prev_space = false;
        for (i, c) in text.char_indices() {
            let piece = match norm_char(c) {
                Norm::Space if prev_space => continue,
                Norm::Space => " ".to_string(),
                Norm::Byte(b) => (b as char).to_string(),
                Norm::Char(l) => l.to_string(),
            };
            prev_space = piece == " ";
            for _ in 0..piece.len() {
                starts.push(i);
                ends.push(i + c.len_utf8());
            }
            norm.push_str(&piece);
        }
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(terms)
            .unwrap_or_else(|e| panic!("{e}"));
        ac.find_iter(&norm)
            .map(|m| {
                (
                    m.pattern().as_usize(),
                    Span::new(starts[m.start()], ends[m.end() - 1]),
                )
            })
            .collect()
    }

    #[test]
    fn cut_scans_equal_the_one_chain_scan() {
        // Long texts (cut only from 4 KiB on) of cue words, other words,
        // bytes in no cue (digits, brackets) where the cuts fall, white-space
        // runs and non-ASCII characters, with every built-in cue.
        let rhetoric = super::super::Rhetoric::builtin();
        let m = &rhetoric.matcher;
        let cues: Vec<&str> = rhetoric.cues().iter().map(|c| c.text.as_str()).collect();
        let words = [
            "the",
            "deal",
            "x",
            "(1)",
            "9",
            "2025",
            "—",
            "“so-called”",
            "façade",
            "in\n  fact",
            "isn’t",
            "$9",
            "-",
            ",",
            "%",
            "\u{a0}",
            "merely",
            "about",
            "sleight",
        ];
        let spaces = [" ", "  ", "\n", "\r\n", "", "\t", ". "];
        let mut next = crate::testing::picker(0x5851_f42d_4c95_7f2d);
        for round in 0..60 {
            let mut text = String::new();
            while text.len() < 4096 + round * 300 {
                if next(3) == 0 {
                    text.push_str(cues[next(cues.len())]);
                } else {
                    text.push_str(words[next(words.len())]);
                }
                text.push_str(spaces[next(spaces.len())]);
            }
            let all = |n: usize| {
                let mut got = Vec::new();
                match n {
                    1 => m.scan_in::<1>(&text, |p, s| got.push((p, s))),
                    2 => m.scan_in::<2>(&text, |p, s| got.push((p, s))),
                    4 => m.scan_in::<4>(&text, |p, s| got.push((p, s))),
                    _ => m.scan_in::<5>(&text, |p, s| got.push((p, s))),
                }
                got
            };
            let one = all(1);
            assert!(!one.is_empty());
            assert_eq!(all(2), one, "two pieces, round {round}");
            assert_eq!(all(4), one, "four pieces, round {round}");
            assert_eq!(all(5), one, "five pieces, round {round}");
        }
        for (path, text) in crate::testing::corpus_documents() {
            let mut one = Vec::new();
            m.scan_in::<1>(&text, |p, s| one.push((p, s)));
            let mut cut = Vec::new();
            m.scan_in::<3>(&text, |p, s| cut.push((p, s)));
            assert_eq!(cut, one, "{}", path.display());
        }
    }

    #[test]
    fn scan_agrees_with_the_reference_model() {
        let words = [
            "about", "the", "real", "sleight", "of", "hand", "isn't", "isn’t", "about", "over",
            "moreover", "will", "façade", "FAÇADE", "In", "fact", "in", "more", "than", "10%", "x",
        ];
        let spaces = [
            " ", "  ", "\n", "\r\n", "\t", "\u{a0}", " \n ", "", "-", ", ",
        ];
        let terms: Vec<String> = [
            "about the",
            "the real",
            "sleight of hand",
            "isn't about",
            "over",
            "will",
            "façade",
            "in fact",
            "more than",
            "real",
            "hand",
        ]
        .iter()
        .map(|t| normalise(t))
        .collect();
        let m = Matcher::new(
            &terms.iter().map(|t| (t.clone(), 0)).collect::<Vec<_>>(),
            &[],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut next = crate::testing::picker(0x2545_f491_4f6c_dd1d);
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..next(12) + 1 {
                text.push_str(words[next(words.len())]);
                text.push_str(spaces[next(spaces.len())]);
            }
            let mut got = Vec::new();
            m.scan(&text, |p, s| got.push((p, s)));
            assert_eq!(got, reference(&terms, &text), "{text:?}");
        }
        // And on the corpus, with every cue of the built-in lexicons.
        let rhetoric = super::super::Rhetoric::builtin();
        let cue_terms: Vec<String> = rhetoric.cues().iter().map(|c| c.text.clone()).collect();
        let only_cues = Matcher::new(
            &cue_terms.iter().map(|t| (t.clone(), 0)).collect::<Vec<_>>(),
            &[],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        for (path, text) in crate::testing::corpus_documents() {
            let mut got = Vec::new();
            only_cues.scan(&text, |p, s| got.push((p, s)));
            assert_eq!(got, reference(&cue_terms, &text), "{}", path.display());
        }
    }
}
