//! JSON Lines (`--format jsonl`): one document object of the JSON contract
//! per line, in input order, each with `"schema"` so a line stands alone.

use std::io::{self, Write};

use super::Outcome;
use super::json::{SCHEMA, document, write_document};

pub(crate) fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    // Each line is serialised into a buffer first (kept from line to line):
    // serde writes many small pieces, and each would otherwise be a call
    // through `dyn Write`.
    let head = head()?;
    let mut line = Vec::with_capacity(16 * 1024);
    for o in outcomes {
        line.clear();
        write_line(&mut line, &head, o)?;
        out.write_all(&line)?;
    }
    Ok(())
}

/// [`render`] appending to `out` (a batch worker's buffer: the lines are
/// written there once, not built apart and copied in).
pub(crate) fn render_into(outcomes: &[Outcome], out: &mut Vec<u8>) -> io::Result<()> {
    let head = head()?;
    for o in outcomes {
        write_line(out, &head, o)?;
    }
    Ok(())
}

/// What every line starts with: the schema.
fn head() -> io::Result<String> {
    Ok(format!("\"schema\":{},", serde_json::to_string(SCHEMA)?))
}

fn write_line(out: &mut Vec<u8>, head: &str, o: &Outcome) -> io::Result<()> {
    write_document(out, head.as_bytes(), &document(o))?;
    out.push(b'\n');
    Ok(())
}
