//! Any text as a deal record, TOML and JSON; a record that parses is then
//! used to check a document that names its entities, so its facts reach the
//! linker and the intervals.

#![no_main]

use claimlens::{Options, Source, analyze};
use claimlens_fuzz::{check_analysis, render_all};
use libfuzzer_sys::fuzz_target;

const CLAIMS: &str = " paid $9 billion, about $1.5 billion more than 10% of it, up to 25 million shares \
    at $52.50 per share, 0.1235 shares for each share, 3x revenue, in 2027, nearly 1.3 GW, \
    between 5% and 7%, less than a third, $0.01 and $999,999,999 trillion.";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for json in [false, true] {
        let Ok(record) = claimlens::check::record::parse("fuzz", text, json) else {
            continue;
        };
        let names = record.entities.join(" and ");
        let doc = format!("On 2025-07-07, {names}{CLAIMS} {names} agreed.");
        let options = Options {
            records: vec![record],
            ..Options::default()
        };
        let a = analyze(Source::from_text("doc.txt", &doc), &options);
        check_analysis(&a);
        render_all(vec![a]);
    }
});
