//! Lexicon files: the TOML model, the built-in registry and user files.
//!
//! One file per lexical category, in this shape:
//!
//! ```toml
//! name = "hedge"                      # snake_case; the category id
//! description = "Lowers the writer's commitment ..."
//! source = "Hyland (2005) hedges; ... Cues curated by claimlens."
//! terms = ["apparently", "might appear", ...]      # the cues
//! exceptions = ["may be deemed", ...]  # phrases inside which a cue is silent
//! fires = ["a sentence that must yield a marker of this category", ...]
//! silent = ["a sentence that must not", ...]
//! ```
//!
//! The built-in files are compiled in with `include_str!` ([`BUILTIN`]); a
//! user adds categories or cues with `--lexicon FILE` in the same shape, where
//! only `name` and `terms` (or `exceptions`) are required. Every error names
//! the file, the line and column, and the field.
//!
//! This module reads and validates lexicons; it does not match them (that is
//! `matcher`).

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, ErrorKind, line_cols};

/// The built-in lexicons: file name and contents, in the taxonomy's order.
/// `tests/rhetoric.rs` checks that every file of `src/rhetoric/lexicons/` is
/// listed here.
pub const BUILTIN: &[(&str, &str)] = &[
    ("hedge.toml", include_str!("lexicons/hedge.toml")),
    (
        "approximator.toml",
        include_str!("lexicons/approximator.toml"),
    ),
    ("booster.toml", include_str!("lexicons/booster.toml")),
    (
        "exaggeration_minimisation.toml",
        include_str!("lexicons/exaggeration_minimisation.toml"),
    ),
    (
        "loaded_language.toml",
        include_str!("lexicons/loaded_language.toml"),
    ),
    (
        "deception_frame.toml",
        include_str!("lexicons/deception_frame.toml"),
    ),
    (
        "fear_appeal.toml",
        include_str!("lexicons/fear_appeal.toml"),
    ),
    (
        "doubt_insinuation.toml",
        include_str!("lexicons/doubt_insinuation.toml"),
    ),
    (
        "oversimplification.toml",
        include_str!("lexicons/oversimplification.toml"),
    ),
    ("puffery.toml", include_str!("lexicons/puffery.toml")),
    (
        "forward_looking.toml",
        include_str!("lexicons/forward_looking.toml"),
    ),
    (
        "accusation_legal.toml",
        include_str!("lexicons/accusation_legal.toml"),
    ),
];

/// One term or exception as written, with where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The text as written in the file.
    pub text: String,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column (in characters) of the opening quote.
    pub column: usize,
}

/// One lexicon file, parsed and validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lexicon {
    /// Where it came from: `lexicons/hedge.toml` (built in) or the user's path.
    pub origin: String,
    /// True for the built-in lexicons.
    pub builtin: bool,
    /// The category id.
    pub name: String,
    /// What the category is and what a fact-checker should ask.
    pub description: String,
    /// Where the category comes from.
    pub source: String,
    /// The cues.
    pub terms: Vec<Entry>,
    /// Phrases inside which a cue of this category does not count.
    pub exceptions: Vec<Entry>,
    /// Sentences that must yield a marker of this category.
    pub fires: Vec<String>,
    /// Sentences that must not.
    pub silent: Vec<String>,
}

/// The file as serde sees it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    name: Spanned<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    terms: Vec<Spanned<String>>,
    #[serde(default)]
    exceptions: Vec<Spanned<String>>,
    #[serde(default)]
    fires: Vec<String>,
    #[serde(default)]
    silent: Vec<String>,
}

/// The fields of a lexicon file, in the order they are documented.
pub const FIELDS: &[&str] = &[
    "name",
    "description",
    "source",
    "terms",
    "exceptions",
    "fires",
    "silent",
];

/// Category names found by structural detectors; a lexicon cannot use them.
pub const STRUCTURAL: &[&str] = &["scare_quotes", "rhetorical_question"];

/// Parses the built-in lexicons.
///
/// # Panics
/// Never for the shipped files: `tests/rhetoric.rs` parses each of them.
pub fn builtin() -> Vec<Lexicon> {
    BUILTIN
        .iter()
        .map(|(file, text)| {
            let origin = format!("lexicons/{file}");
            parse(&origin, text, true).unwrap_or_else(|e| panic!("built-in lexicon {e}"))
        })
        .collect()
}

/// Reads and parses a user lexicon file.
pub fn read(path: &std::path::Path) -> Result<Lexicon, Error> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            &name,
            format!("cannot read lexicon: {}", e.to_string().to_lowercase()),
        )
    })?;
    parse(&name, &text, false)
}

/// Parses and validates one lexicon. `origin` names it in errors; `builtin`
/// marks the shipped files. Errors read `origin:line:col: field `terms`: ...`.
pub fn parse(origin: &str, text: &str, builtin: bool) -> Result<Lexicon, Error> {
    let err = |range: Option<Range<usize>>, field: &str, msg: String| {
        let (line, col) = range.map_or((1, 1), |r| line_col(text, r.start));
        Error::new(
            ErrorKind::Lexicon,
            origin,
            format!("field `{field}`: {msg}"),
        )
        .at(line, col)
    };
    let raw: RawLexicon = toml::from_str(text).map_err(|e| {
        let msg = e
            .message()
            .trim()
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(", ");
        let field = field_of_error(text, &msg, e.span());
        let (line, col) = e.span().map_or((1, 1), |r| line_col(text, r.start));
        let msg = if field.is_empty() {
            msg
        } else if msg.starts_with("unknown field") {
            format!("{msg} (a lexicon has {})", FIELDS.join(", "))
        } else {
            format!("field `{field}`: {msg}")
        };
        Error::new(ErrorKind::Lexicon, origin, msg).at(line, col)
    })?;
    let name_span = raw.name.span();
    let name = raw.name.into_inner();
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(err(
            Some(name_span),
            "name",
            format!("{name:?} is not a category id; use lowercase letters, digits and `_`"),
        ));
    }
    if STRUCTURAL.contains(&name.as_str()) {
        return Err(err(
            Some(name_span),
            "name",
            format!(
                "`{name}` is found by a structural detector and takes no terms; choose another name"
            ),
        ));
    }
    let terms = entries(text, raw.terms, "terms", &err)?;
    let exceptions = entries(text, raw.exceptions, "exceptions", &err)?;
    if terms.is_empty() && exceptions.is_empty() {
        return Err(err(
            None,
            "terms",
            "a lexicon needs at least one term (or exception); add `terms = [\"...\"]`".into(),
        ));
    }
    Ok(Lexicon {
        origin: origin.to_string(),
        builtin,
        name,
        description: raw.description,
        source: raw.source,
        terms,
        exceptions,
        fires: raw.fires,
        silent: raw.silent,
    })
}

/// Validates the strings of `terms` or `exceptions`: each must hold a
/// letter or digit at both ends and stay on one line.
fn entries(
    text: &str,
    raw: Vec<Spanned<String>>,
    field: &str,
    err: &impl Fn(Option<Range<usize>>, &str, String) -> Error,
) -> Result<Vec<Entry>, Error> {
    let mut valid = Vec::with_capacity(raw.len());
    for s in raw {
        let span = s.span();
        let t = s.into_inner();
        let trimmed = t.trim();
        let ok_ends = trimmed.chars().next().is_some_and(char::is_alphanumeric)
            && trimmed
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        if !ok_ends {
            return Err(err(
                Some(span),
                field,
                format!(
                    "{t:?} must start and end with a letter or digit (a cue is matched on word boundaries)"
                ),
            ));
        }
        if trimmed.chars().any(|c| c.is_control()) {
            return Err(err(
                Some(span),
                field,
                format!(
                    "{t:?} holds a control character; write the cue on one line with single spaces"
                ),
            ));
        }
        valid.push((span.start, trimmed.to_string()));
    }
    // Placed in one pass (the entries are in file order).
    let places = line_cols(text, valid.iter().map(|(at, _)| *at));
    Ok(valid
        .into_iter()
        .zip(places)
        .map(|((_, text), (line, column))| Entry { text, line, column })
        .collect())
}

/// The 1-based line and column of byte `at` of `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    line_cols(text, std::iter::once(at)).pop().unwrap_or((1, 1))
}

/// The field an error from serde concerns: named in the message ("missing
/// field `terms`", "unknown field `term`") or the top-level key whose value
/// holds the error's position.
fn field_of_error(text: &str, msg: &str, span: Option<Range<usize>>) -> String {
    for lead in ["missing field `", "unknown field `"] {
        if let Some(rest) = msg.split(lead).nth(1) {
            return rest.split('`').next().unwrap_or_default().to_string();
        }
    }
    let Some(span) = span else {
        return String::new();
    };
    let upto = &text[..span.start.min(text.len())];
    // The last line before the error that starts with `key =`.
    let mut at = upto.len();
    loop {
        let line_start = upto[..at].rfind('\n').map_or(0, |p| p + 1);
        let line = &text[line_start..];
        let key: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        if !key.is_empty() && line[key.len()..].trim_start().starts_with('=') {
            return key;
        }
        if line_start == 0 {
            return String::new();
        }
        at = line_start - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        match parse("user.toml", text, false) {
            Ok(_) => String::from("parsed"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn parses_a_minimal_user_file() {
        let l = parse(
            "user.toml",
            "name = \"hype\"\nterms = [\"to the moon\", \"rocket\"]\n",
            false,
        );
        let l = l.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(l.name, "hype");
        assert_eq!(
            l.terms[1],
            Entry {
                text: "rocket".into(),
                line: 2,
                column: 25
            }
        );
        assert!(l.fires.is_empty() && !l.builtin);
    }

    #[test]
    fn errors_name_file_line_and_field() {
        assert_eq!(
            error("name = \"x\"\nterms = [\n  \"good\",\n  3,\n]\n"),
            "user.toml:4:3: field `terms`: invalid type: integer `3`, expected a string"
        );
        assert_eq!(
            error("name = \"x\"\nterms = [\n  \"good\",\n  \"-bad\",\n]\n"),
            "user.toml:4:3: field `terms`: \"-bad\" must start and end with a letter or digit (a cue is matched on word boundaries)"
        );
        assert!(
            error("terms = [\"a\"]\n")
                .starts_with("user.toml:1:1: field `name`: missing field `name`"),
            "{}",
            error("terms = [\"a\"]\n")
        );
        assert!(
            error("name = \"x\"\nterm = [\"a\"]\n")
                .starts_with("user.toml:2:1: unknown field `term`"),
            "{}",
            error("name = \"x\"\nterm = [\"a\"]\n")
        );
        assert_eq!(
            error("name = \"Bad Name\"\nterms = [\"a\"]\n"),
            "user.toml:1:8: field `name`: \"Bad Name\" is not a category id; use lowercase letters, digits and `_`"
        );
        assert!(
            error("name = \"x\"\n").contains("field `terms`: a lexicon needs at least one term")
        );
        assert!(
            error("name = \"scare_quotes\"\nterms = [\"a\"]\n").contains("structural detector")
        );
        assert_eq!(
            error("name = \"x\"\nterms = [\"a\"\n"),
            "user.toml:3:1: field `terms`: invalid array, expected `]`"
        );
    }

    #[test]
    fn builtins_parse() {
        let all = builtin();
        assert_eq!(all.len(), BUILTIN.len());
        assert!(
            all.iter()
                .all(|l| l.builtin && format!("lexicons/{}.toml", l.name) == l.origin)
        );
    }
}
