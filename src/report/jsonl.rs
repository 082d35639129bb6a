//! JSON Lines (`--format jsonl`): one document object of the JSON contract
//! per line, in input order, each with `"schema"` so a line stands alone.

use std::io::{self, Write};

use super::Outcome;
use super::json::{DocumentJson, SCHEMA, document, write_object_after};

pub(crate) fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    // Serialised into a buffer first: serde writes many small pieces, and
    // each would otherwise be a call through `dyn Write`.
    let mut line = Vec::with_capacity(16 * 1024);
    for o in outcomes {
        line.clear();
        write_line(&mut line, &document(o))?;
        out.write_all(&line)?;
    }
    Ok(())
}

/// Appends `doc` as one line, `"schema"` first.
fn write_line(line: &mut Vec<u8>, doc: &DocumentJson<'_>) -> io::Result<()> {
    let head = format!("\"schema\":{},", serde_json::to_string(SCHEMA)?);
    write_object_after(line, head.as_bytes(), doc)?;
    line.push(b'\n');
    Ok(())
}
