//! JSON Lines (`--format jsonl`): one document object of the JSON contract
//! per line, in input order, each with `"schema"` so a line stands alone.

use std::io::{self, Write};

use super::Outcome;
use super::json::{SCHEMA, document, write_document};

pub(crate) fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    // Serialised into a buffer first: serde writes many small pieces, and
    // each would otherwise be a call through `dyn Write`.
    let mut lines = Vec::with_capacity(16 * 1024);
    render_into(outcomes, &mut lines)?;
    out.write_all(&lines)
}

/// [`render`] appending to `out` (a batch worker's buffer: the lines are
/// written there once, not built apart and copied in).
pub(crate) fn render_into(outcomes: &[Outcome], out: &mut Vec<u8>) -> io::Result<()> {
    // Every line starts with the schema.
    let head = format!("\"schema\":{},", serde_json::to_string(SCHEMA)?);
    for o in outcomes {
        write_document(out, head.as_bytes(), &document(o))?;
        out.push(b'\n');
    }
    Ok(())
}
