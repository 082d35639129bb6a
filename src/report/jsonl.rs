//! JSON Lines (`--format jsonl`): one document object of the JSON contract
//! per line, in input order, each with `"schema"` so a line stands alone.

use std::io::{self, Write};

use serde::Serialize;

use super::Outcome;
use super::json::{DocumentJson, SCHEMA, document};

#[derive(Serialize)]
struct Line<'a> {
    schema: &'static str,
    #[serde(flatten)]
    document: DocumentJson<'a>,
}

pub(crate) fn render(outcomes: &[Outcome], out: &mut dyn Write) -> io::Result<()> {
    // Serialised into a buffer first: serde writes many small pieces, and
    // each would otherwise be a call through `dyn Write`.
    let mut line = Vec::with_capacity(16 * 1024);
    for o in outcomes {
        line.clear();
        serde_json::to_writer(
            &mut line,
            &Line {
                schema: SCHEMA,
                document: document(o),
            },
        )?;
        line.push(b'\n');
        out.write_all(&line)?;
    }
    Ok(())
}
