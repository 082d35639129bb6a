//! JSON Lines (`--format jsonl`): one document object of the JSON contract
//! per line, in input order, each with `"schema"` so a line stands alone.

use std::io::{self, Write};

use super::Outcome;
use super::json::{SCHEMA, document, write_document};

pub(crate) fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    // Serialised into a buffer first: serde writes many small pieces, and
    // each would otherwise be a call through `dyn Write`.
    let mut line = Vec::with_capacity(16 * 1024);
    // Every line starts with the schema.
    let head = format!("\"schema\":{},", serde_json::to_string(SCHEMA)?);
    for o in outcomes {
        line.clear();
        write_document(&mut line, head.as_bytes(), &document(o))?;
        line.push(b'\n');
        out.write_all(&line)?;
    }
    Ok(())
}
