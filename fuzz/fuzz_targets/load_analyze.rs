//! Any bytes through every stage and every report format. The first byte
//! picks how the rest is read: detected from the content (as the CLI does
//! for a `.txt` file), or as text, Markdown, HTML or an EDGAR submission.

#![no_main]

use claimlens::{Format, Source, analyze_parts};
use claimlens_fuzz::{OPTIONS, check_analysis, render_all};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 5 {
        0 => None,
        1 => Some(Format::Text),
        2 => Some(Format::Markdown),
        3 => Some(Format::Html),
        _ => Some(Format::Edgar),
    };
    let source = Source::from_bytes("fuzz.txt", bytes.to_vec(), format);
    let analyses = analyze_parts(source, &OPTIONS);
    for a in &analyses {
        check_analysis(a);
    }
    render_all(analyses);
});
