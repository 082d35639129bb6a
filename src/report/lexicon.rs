//! `claimlens lexicon`: the categories with their cue counts and sources, and
//! `--explain CUE`: which category a cue belongs to and why.

use std::io::{self, Write};

use crate::rhetoric::{APPROXIMATOR, Explanation, Marker, Rhetoric};

/// Lists every category: cue and exception counts, the files it comes from,
/// its source.
pub fn lexicons(rhetoric: &Rhetoric, out: &mut dyn Write) -> io::Result<()> {
    let cats = rhetoric.categories();
    for c in cats {
        if c.structural {
            writeln!(out, "{:<26} {:>15}  structural detector", c.name, "")?;
        } else {
            let counts = format!("{} cues, {} exceptions", c.cues, c.exceptions);
            writeln!(out, "{:<26} {counts:>24}  {}", c.name, c.origins.join(", "))?;
        }
        if !c.source.is_empty() {
            writeln!(out, "    source: {}", c.source)?;
        }
    }
    let lexical = cats.iter().filter(|c| !c.structural).count();
    writeln!(
        out,
        "{} categories ({lexical} lexical, {} structural), {} cues",
        cats.len(),
        cats.len() - lexical,
        rhetoric.cues().len()
    )?;
    for (cue, kept_by) in rhetoric.duplicates() {
        writeln!(
            out,
            "note: {}:{}: “{}” is already a cue of {kept_by}; skipped",
            cue.origin, cue.line, cue.text
        )?;
    }
    Ok(())
}

/// Explains one cue.
pub fn explain(rhetoric: &Rhetoric, e: &Explanation, out: &mut dyn Write) -> io::Result<()> {
    let cats = rhetoric.categories();
    match &e.cue {
        Some(cue) => {
            let c = &cats[cue.category];
            writeln!(
                out,
                "“{}” is a cue of {} ({}, line {})",
                cue.text, c.name, cue.origin, cue.line
            )?;
            writeln!(out, "  {}: {}", c.name, c.description)?;
            if !c.source.is_empty() {
                writeln!(out, "  source: {}", c.source)?;
            }
            if c.name == APPROXIMATOR {
                writeln!(
                    out,
                    "  rule: an approximator counts only when a number follows within four words in its sentence"
                )?;
            }
            if !e.exceptions.is_empty() {
                let xs: Vec<String> = e.exceptions.iter().map(|x| format!("“{x}”")).collect();
                writeln!(out, "  silent inside: {}", xs.join(", "))?;
            }
        }
        None => writeln!(out, "“{}” is not a cue of any lexicon", e.query)?,
    }
    if e.markers.is_empty() {
        return writeln!(out, "read as a sentence, it yields no marker");
    }
    writeln!(out, "read as a sentence, it yields:")?;
    for m in &e.markers {
        writeln!(out, "  {}", describe(rhetoric, m))?;
    }
    Ok(())
}

fn describe(rhetoric: &Rhetoric, m: &Marker) -> String {
    let cat = rhetoric.categories().iter().find(|c| c.name == m.category);
    match rhetoric.cues().iter().find(|c| c.text == m.cue) {
        Some(c) => format!(
            "cue of {} ({}, line {}): “{}”",
            m.category, c.origin, c.line, m.cue
        ),
        None => {
            let kind = if cat.is_some_and(|c| c.structural) {
                "structural detector"
            } else {
                "contrast frame"
            };
            let what = cat.map(|c| c.description.as_str()).unwrap_or_default();
            format!("{} ({kind}): “{}”\n      {what}", m.category, m.cue)
        }
    }
}
