//! Rhetoric markers: hedges, loaded language, deception frames, fear appeals,
//! scare quotes, rhetorical questions and the other categories of
//! `RHETORIC.md`, found from lexicons kept as data files.
//!
//! - [`lexicon`]: the TOML files (built in with `include_str!`, or the
//!   user's `--lexicon FILE`), validated with file, line and field in errors.
//! - `matcher`: all cues of all categories in one Aho-Corasick automaton,
//!   leftmost-longest and case-insensitive, run once over the text; matches
//!   count on word boundaries only, across line breaks and repeated spaces.
//! - `structural`: rhetorical questions, scare quotes, contrast frames.
//! - `voice`: author, quoted or heading; boilerplate legends.
//!
//! Rules of [`Rhetoric::detect`]:
//! - a cue is dropped when it lies inside one of its category's
//!   exceptions; an approximator counts only when a quantity follows within
//!   four words in its sentence; a cue never crosses a sentence boundary;
//! - lexicon cues never overlap (the automaton is leftmost-longest over all
//!   categories, so one cue covers one span);
//! - a contrast frame ("driven more by X than Y") replaces the
//!   oversimplification cues that open and close it; structural markers
//!   (frames, scare quotes, questions) span several words and may hold
//!   lexicon markers, which stay.
//!
//! This module finds and labels markers; it does not judge claims.

pub mod lexicon;
mod matcher;
mod structural;
mod voice;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::span::{Ranged, Span};
use crate::tokenize::{Quotation, Sentence};
pub use lexicon::Lexicon;
use matcher::Matcher;
/// The cues' normal form (lower case, single spaces, straight
/// apostrophes), which the check reads deal words and names in too.
pub(crate) use matcher::normalise;

/// Whose voice a marker is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// The author's own words.
    Author,
    /// Inside a quotation (attributed speech or quoted words).
    Quoted,
    /// In a heading or headline.
    Heading,
}

impl Voice {
    /// The snake_case name, as in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Voice::Author => "author",
            Voice::Quoted => "quoted",
            Voice::Heading => "heading",
        }
    }
}

/// Where a marker sits, when that changes its weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    /// Inside legal boilerplate (a forward-looking-statements legend).
    Boilerplate,
}

/// One rhetoric marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// The category name (`hedge`, `loaded_language`, ...).
    pub category: String,
    /// The lexicon cue that matched, or the structure found.
    pub cue: String,
    /// Where it is in the text.
    pub span: Span,
    /// Index of its sentence.
    pub sentence: usize,
    /// Whose voice.
    pub voice: Voice,
    /// Boilerplate, if so.
    pub context: Option<Context>,
}

impl Ranged for Marker {
    fn span(&self) -> Span {
        self.span
    }
}

/// The name of the category whose cues count only next to a quantity.
pub const APPROXIMATOR: &str = "approximator";
/// The category of contrast frames.
pub const OVERSIMPLIFICATION: &str = "oversimplification";
/// The category of scare quotes.
pub const SCARE_QUOTES: &str = "scare_quotes";
/// The category of rhetorical questions.
pub const RHETORICAL_QUESTION: &str = "rhetorical_question";

/// One category of markers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    /// The id (`hedge`).
    pub name: String,
    /// What it is.
    pub description: String,
    /// Where it comes from.
    pub source: String,
    /// Found by a structural detector rather than a lexicon.
    pub structural: bool,
    /// The lexicon files it was built from.
    pub origins: Vec<String>,
    /// Number of cues (0 for structural categories).
    pub cues: usize,
    /// Number of exceptions.
    pub exceptions: usize,
}

/// One cue of the automaton, with where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The cue, normalised (lower case, single spaces, straight apostrophes).
    pub text: String,
    /// Index into [`Rhetoric::categories`].
    pub category: usize,
    /// The lexicon file.
    pub origin: String,
    /// 1-based line in that file.
    pub line: usize,
}

/// What `claimlens lexicon --explain CUE` reports.
#[derive(Clone, Debug)]
pub struct Explanation {
    /// The cue asked about, normalised.
    pub query: String,
    /// The cue itself, if it is one.
    pub cue: Option<Cue>,
    /// Exceptions of the cue's category that contain it (where it is silent).
    pub exceptions: Vec<String>,
    /// The markers detected when the query is read as a sentence.
    pub markers: Vec<Marker>,
}

/// The compiled lexicons and detectors.
#[derive(Clone, Debug)]
pub struct Rhetoric {
    categories: Vec<Category>,
    cues: Vec<Cue>,
    exceptions: Vec<(String, usize)>,
    matcher: Matcher,
    approximator: Option<usize>,
    oversimplification: Option<usize>,
    scare_quotes: usize,
    rhetorical_question: usize,
    /// Patterns after the cues: the index into `voice::CUES` of each.
    legend: Vec<usize>,
    /// Cues of user files dropped because another category already has them.
    duplicates: Vec<(Cue, String)>,
}

impl Rhetoric {
    /// The built-in lexicons.
    pub fn builtin() -> &'static Rhetoric {
        static BUILTIN: std::sync::LazyLock<Rhetoric> = std::sync::LazyLock::new(|| {
            Rhetoric::from_lexicons(lexicon::builtin())
                .unwrap_or_else(|e| panic!("built-in lexicons: {e}"))
        });
        &BUILTIN
    }

    /// The built-in lexicons plus the user's lexicon files, in order. A file
    /// whose `name` is a built-in category adds cues (and exceptions) to it;
    /// another name adds a category. Every unreadable or malformed file is
    /// reported.
    pub fn with_files(paths: &[std::path::PathBuf]) -> Result<Rhetoric, Vec<Error>> {
        let mut lexicons = lexicon::builtin();
        let mut errors = Vec::new();
        for p in paths {
            match lexicon::read(p) {
                Ok(l) => lexicons.push(l),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Rhetoric::from_lexicons(lexicons).map_err(|e| vec![e])
    }

    /// Compiles lexicons (built-in ones first). A cue already held by an
    /// earlier category keeps its first category; see [`Rhetoric::duplicates`].
    pub fn from_lexicons(lexicons: Vec<Lexicon>) -> Result<Rhetoric, Error> {
        let mut categories: Vec<Category> = Vec::new();
        let mut cues: Vec<Cue> = Vec::new();
        let mut exceptions: Vec<(String, usize)> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut duplicates = Vec::new();
        for lex in lexicons {
            if !categories.iter().any(|c| c.name == lex.name) {
                categories.push(Category {
                    name: lex.name.clone(),
                    description: lex.description.clone(),
                    source: lex.source.clone(),
                    structural: false,
                    origins: Vec::new(),
                    cues: 0,
                    exceptions: 0,
                });
                if lex.name == OVERSIMPLIFICATION {
                    push_structural(&mut categories);
                }
            }
            let c = categories
                .iter()
                .position(|x| x.name == lex.name)
                .unwrap_or_default();
            categories[c].origins.push(lex.origin.clone());
            for t in &lex.terms {
                let text = matcher::normalise(&t.text);
                let cue = Cue {
                    text: text.clone(),
                    category: c,
                    origin: lex.origin.clone(),
                    line: t.line,
                };
                match seen.get(&text) {
                    Some(&first) => {
                        duplicates.push((cue, categories[cues[first].category].name.clone()))
                    }
                    None => {
                        seen.insert(text, cues.len());
                        cues.push(cue);
                        categories[c].cues += 1;
                    }
                }
            }
            for x in &lex.exceptions {
                exceptions.push((matcher::normalise(&x.text), c));
                categories[c].exceptions += 1;
            }
        }
        if !categories.iter().any(|c| c.structural) {
            push_structural(&mut categories);
        }
        // The legend phrases ride in the same automaton, after the cues, in a
        // group of their own (they have no exceptions).
        let mut patterns: Vec<(String, usize)> =
            cues.iter().map(|c| (c.text.clone(), c.category)).collect();
        let mut legend = Vec::new();
        for (k, (phrase, _)) in voice::CUES.iter().enumerate() {
            let text = matcher::normalise(phrase);
            if !seen.contains_key(&text) {
                seen.insert(text.clone(), usize::MAX);
                legend.push(k);
                patterns.push((text, usize::MAX));
            }
        }
        let matcher = Matcher::new(&patterns, &exceptions)
            .map_err(|e| Error::new(crate::ErrorKind::Lexicon, "lexicons", e))?;
        let find = |name: &str| categories.iter().position(|c| c.name == name);
        Ok(Rhetoric {
            approximator: find(APPROXIMATOR),
            oversimplification: find(OVERSIMPLIFICATION),
            scare_quotes: find(SCARE_QUOTES).unwrap_or_default(),
            rhetorical_question: find(RHETORICAL_QUESTION).unwrap_or_default(),
            categories,
            cues,
            exceptions,
            matcher,
            legend,
            duplicates,
        })
    }

    /// The categories, in the taxonomy's order, then the user's.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// Every cue of the automaton.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// Cues of later lexicons that an earlier category already held (the cue,
    /// and the category that keeps it).
    pub fn duplicates(&self) -> &[(Cue, String)] {
        &self.duplicates
    }

    /// Says which category a cue belongs to, where it is written, where it
    /// is silent, and what the detectors find in it read as a sentence.
    pub fn explain(&self, query: &str) -> Explanation {
        let norm = matcher::normalise(query);
        let cue = self.cues.iter().find(|c| c.text == norm).cloned();
        let exceptions = cue
            .as_ref()
            .map(|c| {
                self.exceptions
                    .iter()
                    .filter(|(x, g)| *g == c.category && x.contains(c.text.as_str()))
                    .map(|(x, _)| x.clone())
                    .collect()
            })
            .unwrap_or_default();
        let text = query.trim();
        let markers = self.detect(
            text,
            &crate::tokenize::sentences(text),
            &crate::tokenize::quotations(text),
        );
        Explanation {
            query: norm,
            cue,
            exceptions,
            markers,
        }
    }

    /// Finds the markers of `text`, in text order.
    pub fn detect(&self, text: &str, sentences: &[Sentence], quotes: &[Quotation]) -> Vec<Marker> {
        // 1. Lexicon cues: one pass of the automaton.
        let mut hits: Vec<Hit> = Vec::new();
        let mut legend_hits: Vec<(usize, usize)> = Vec::new();
        let mut cur = 0;
        self.matcher.scan(text, |pattern, span| {
            if pattern >= self.cues.len() {
                if let Some(&k) = self.legend.get(pattern - self.cues.len()) {
                    legend_hits.push((span.start, k));
                }
                return;
            }
            if !span.on_word_boundaries(text) {
                return;
            }
            while cur < sentences.len() && sentences[cur].span.end <= span.start {
                cur += 1;
            }
            let Some(s) = sentences.get(cur) else { return };
            if !s.span.contains(span) || self.matcher.excepted(text, pattern, span) {
                return;
            }
            let category = self.cues[pattern].category;
            if Some(category) == self.approximator
                && !matcher::quantity_follows(text, span.end, s.span.end)
            {
                return;
            }
            hits.push(Hit {
                span,
                category,
                cue: CueText::Cue(pattern),
                sentence: cur,
                absorbed: false,
                answered: false,
            });
        });

        // 2. Contrast frames, opened by oversimplification cues or "not ... but".
        let mut frames: Vec<Hit> = Vec::new();
        if let Some(over) = self.oversimplification {
            for h in 0..hits.len() {
                let CueText::Cue(p) = hits[h].cue else {
                    continue;
                };
                if hits[h].category != over || hits[h].absorbed {
                    continue;
                }
                let closers = structural::frame_closers(&self.cues[p].text);
                if closers.is_empty() {
                    continue;
                }
                let sentence = sentences[hits[h].sentence].span;
                if let Some((span, closer)) =
                    structural::frame(text, sentence, hits[h].span, closers)
                {
                    // Hits come in sentence order and the frame lies in
                    // this hit's sentence: only the rest of it can be inside.
                    let here = hits[h].sentence;
                    for other in hits.iter_mut().skip(h).take_while(|o| o.sentence == here) {
                        if other.category == over && span.contains(other.span) {
                            other.absorbed = true;
                        }
                    }
                    let cue = format!("{} … {closer}", self.cues[p].text);
                    frames.push(Hit {
                        span,
                        category: over,
                        cue: CueText::Owned(cue),
                        sentence: hits[h].sentence,
                        absorbed: false,
                        answered: false,
                    });
                }
            }
            let taken: Vec<Span> = frames
                .iter()
                .map(|f| f.span)
                .chain(hits.iter().filter(|h| h.category == over).map(|h| h.span))
                .collect();
            for f in structural::not_but(text, sentences, &taken) {
                frames.push(Hit {
                    span: f.span,
                    category: over,
                    cue: CueText::Owned(f.cue),
                    sentence: f.sentence,
                    absorbed: false,
                    answered: false,
                });
            }
        }

        // 3. Scare quotes and rhetorical questions.
        let mut found: Vec<Hit> = hits
            .into_iter()
            .filter(|h| !h.absorbed)
            .chain(frames)
            .collect();
        for f in structural::scare_quotes(text, sentences, quotes) {
            found.push(Hit {
                span: f.span,
                category: self.scare_quotes,
                cue: CueText::Owned(f.cue),
                sentence: f.sentence,
                absorbed: false,
                answered: false,
            });
        }
        for f in structural::questions(text, sentences, quotes) {
            found.push(Hit {
                span: f.span,
                category: self.rhetorical_question,
                cue: CueText::Owned(f.cue),
                sentence: f.sentence,
                absorbed: false,
                answered: f.answered,
            });
        }
        found.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
        found.dedup_by_key(|h| h.span);

        // 4. Voice and context.
        let legends = voice::boilerplate(text, sentences, &legend_hits);
        let mut legend = 0;
        found
            .into_iter()
            .map(|h| {
                while legend < legends.len() && legends[legend].end <= h.span.start {
                    legend += 1;
                }
                let in_legend = legends.get(legend).is_some_and(|l| l.start <= h.span.start);
                let voice = match h.category {
                    c if c == self.scare_quotes || c == self.rhetorical_question => {
                        if sentences[h.sentence].heading {
                            Voice::Heading
                        } else {
                            Voice::Author
                        }
                    }
                    _ => voice::voice(quotes, &sentences[h.sentence], h.span),
                };
                Marker {
                    category: self.categories[h.category].name.clone(),
                    cue: match h.cue {
                        CueText::Cue(p) => self.cues[p].text.clone(),
                        CueText::Owned(s) => s,
                    },
                    span: h.span,
                    sentence: h.sentence,
                    voice,
                    context: (in_legend || h.answered).then_some(Context::Boilerplate),
                }
            })
            .collect()
    }
}

/// Adds the structural categories after oversimplification (or at the end).
fn push_structural(categories: &mut Vec<Category>) {
    for (name, description, source) in structural::CATEGORIES {
        if categories.iter().any(|c| c.name == *name) {
            continue;
        }
        categories.push(Category {
            name: (*name).to_string(),
            description: (*description).to_string(),
            source: (*source).to_string(),
            structural: true,
            origins: Vec::new(),
            cues: 0,
            exceptions: 0,
        });
    }
}

/// A marker before voice and context.
struct Hit {
    span: Span,
    category: usize,
    cue: CueText,
    sentence: usize,
    /// Replaced by the frame that contains it.
    absorbed: bool,
    /// A question a filing's Q&A answers (boilerplate).
    answered: bool,
}

/// A cue: a lexicon pattern, or text made by a structural detector.
enum CueText {
    Cue(usize),
    Owned(String),
}

#[cfg(test)]
mod tests {
    use super::Voice;

    #[test]
    fn voice_names_are_the_json_names() {
        for v in [Voice::Author, Voice::Quoted, Voice::Heading] {
            let json = serde_json::to_string(&v).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(json, format!("\"{}\"", v.name()));
        }
    }
}
