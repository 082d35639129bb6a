//! Short texts through the number grammar: alone, and after a name the corpus
//! records know, so that every claim found is also checked.

#![no_main]

use claimlens::{Source, analyze};
use claimlens_fuzz::{OPTIONS, check_analysis, render_all};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 512 {
        return;
    }
    let text = String::from_utf8_lossy(data);
    for doc in [
        text.to_string(),
        format!("CoreWeave and Core Scientific: {text}"),
    ] {
        let a = analyze(Source::from_text("claim.txt", &doc), &OPTIONS);
        check_analysis(&a);
        render_all(vec![a]);
    }
});
