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
    for o in outcomes {
        serde_json::to_writer(
            &mut *out,
            &Line {
                schema: SCHEMA,
                document: document(o),
            },
        )?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
