//! Rhetoric markers: hedges, loaded language, deception frames, fear appeals,
//! scare quotes, rhetorical questions and the other categories of
//! `RHETORIC.md`, found from lexicons kept as data files.
//!
//! This module finds and labels markers; it does not judge claims.

use serde::{Deserialize, Serialize};

use crate::span::{Ranged, Span};
use crate::tokenize::{Quotation, Sentence};

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

/// The compiled lexicons and detectors.
#[derive(Debug, Default)]
pub struct Rhetoric {}

impl Rhetoric {
    /// The built-in lexicons.
    pub fn builtin() -> &'static Rhetoric {
        static BUILTIN: std::sync::LazyLock<Rhetoric> = std::sync::LazyLock::new(Rhetoric::default);
        &BUILTIN
    }

    /// Finds the markers of `text`, in text order.
    pub fn detect(&self, text: &str, sentences: &[Sentence], quotes: &[Quotation]) -> Vec<Marker> {
        let _ = (text, sentences, quotes);
        Vec::new()
    }
}
