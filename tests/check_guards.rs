//! What the check must not call a misstatement, on text written like real
//! coverage: numbers of other deals, other events and other quantities that
//! share a cue with a fact; and the misstatements it must still catch when
//! the text around them looks the same.

use claimlens::check::Verdict;
use claimlens::{Analysis, Options, Source, analyze};

fn records() -> Vec<claimlens::DealRecord> {
    [
        "corpus/records/coreweave-core-scientific-2025.toml",
        "corpus/records/broadcom-vmware-2022.toml",
        "corpus/records/microsoft-activision-blizzard-2022.toml",
    ]
    .iter()
    .map(|p| {
        claimlens::check::record::read(std::path::Path::new(p))
            .unwrap_or_else(|e| panic!("{p}: {e:?}"))
    })
    .collect()
}

fn analyse(text: &str) -> Analysis {
    analyze(
        Source::from_text("doc.txt", text),
        &Options {
            records: records(),
            ..Options::default()
        },
    )
}

/// The verdict on the claim whose text is `claim`.
fn verdict(a: &Analysis, claim: &str) -> (Verdict, String) {
    a.claims
        .iter()
        .zip(&a.checks)
        .find(|(c, _)| a.text_of(*c) == claim)
        .and_then(|(_, k)| k.as_ref())
        .map(|k| (k.verdict, k.reason.clone()))
        .unwrap_or_else(|| {
            panic!(
                "no checked claim {claim:?} among {:?}",
                a.claims.iter().map(|c| a.text_of(c)).collect::<Vec<_>>()
            )
        })
}

fn not_contradicted(a: &Analysis, claim: &str) {
    let (v, reason) = verdict(a, claim);
    assert_ne!(v, Verdict::Contradicted, "{claim}: {reason}");
}

#[test]
fn numbers_of_other_deals() {
    let a = analyse(
        "Published January 10, 2024\n\nBroadcom's VMware purchase trails Microsoft's $75 billion acquisition of Activision Blizzard. Broadcom's takeover of VMware also dwarfs a $28 billion deal for Splunk, and Elon Musk's $44 billion deal for Twitter.",
    );
    assert_eq!(a.record.as_deref(), Some("broadcom-vmware-2022"));
    for claim in ["$75 billion", "$28 billion", "$44 billion"] {
        not_contradicted(&a, claim);
    }
}

#[test]
fn a_filing_naming_one_party_is_not_checked_against_the_deal() {
    // A supplier's 10-K names Microsoft as a customer: its per-share and par
    // values have nothing to do with Microsoft's purchase of Activision.
    let a = analyse(
        "Published February 26, 2025\n\nMs. Kress held positions at Microsoft Corporation, or Microsoft (MSFT). Microsoft accounted for 12% of our revenue. The exercise price was $125.00 per share, and the par value is $0.001 per share.",
    );
    assert_eq!(a.record, None);
    assert!(a.checks.iter().all(Option::is_none));
}

#[test]
fn another_facts_figure_is_not_a_misstatement() {
    let a = analyse(
        "Published November 23, 2023\n\nBroadcom has closed its purchase of VMware. Including VMware's $8 billion of net debt, the transaction was worth about $69 billion.",
    );
    not_contradicted(&a, "about $69 billion");
    assert_eq!(verdict(&a, "$8 billion").0, Verdict::Supported);
    let a = analyse(
        "Published October 20, 2023\n\nMicrosoft completed its $75 billion acquisition of Activision Blizzard last week.",
    );
    not_contradicted(&a, "$75 billion");
}

#[test]
fn other_events_and_durations() {
    let a = analyse(
        "Published October 31, 2025\n\nCore Scientific will hold its annual meeting on December 10. CoreWeave said the deal would have removed more than $10 billion of lease costs over 12 years.",
    );
    not_contradicted(&a, "on December 10");
    not_contradicted(&a, "12 years");
}

#[test]
fn misstatements_in_the_same_surroundings_are_caught() {
    let a = analyse(
        "Published October 31, 2025\n\nThe special meeting was held on October 28. CoreWeave said the deal would have removed more than $10 billion of lease costs over the next 20 years. The merger agreement provided for a termination fee of $2.7 billion. Core Scientific holders would have owned about 15% of the combined company.",
    );
    for claim in ["on October 28", "20 years", "$2.7 billion", "about 15%"] {
        assert_eq!(
            verdict(&a, claim).0,
            Verdict::Contradicted,
            "{claim}: {}",
            verdict(&a, claim).1
        );
    }
    let a = analyse(
        "Published November 2, 2023\n\nMicrosoft is buying Activision Blizzard. Microsoft raised the reverse termination fee to $4.5 million after September 15.",
    );
    let (v, reason) = verdict(&a, "$4.5 million");
    assert_eq!(v, Verdict::Contradicted, "{reason}");
    assert!(
        reason.contains("scale error: million for billion"),
        "{reason}"
    );
}

#[test]
fn numbers_far_from_any_mention_of_the_deal_in_a_filing_are_not_misstatements() {
    // An acquirer's annual report (hundreds of sentences) names the deal in
    // one passage; pages later it speaks of its buildings, taxes and
    // buybacks beside words that are also the record's cues ("completed",
    // "took", "above", "announced").
    let business = "Our products are sold to original equipment manufacturers and distributors. \
         We rely on a limited number of foundries. \
         Demand for our networking products remained strong during the year. \
         We invest heavily in research and development. \
         Our engineers work in many countries. \
         Competition in our markets is intense.\n\n"
        .repeat(40);
    let text = format!(
        "Published December 14, 2023\n\n\
         On November 22, 2023, we completed the acquisition of VMware, Inc. \
         VMware stockholders could elect to receive $142.50 in cash or 0.2520 shares of Broadcom common stock for each VMware share. \
         Under the merger agreement, the go-shop period ran for 45 days.\n\n\
         {business}\
         Construction of our former design center was completed in 2019. \
         The tax authority's review of our 2018 return took 14 months. \
         Certain foreign dividends bear withholding tax of up to 30% above a set amount. \
         In a program announced on December 12, 2022, we may repurchase our shares."
    );
    let a = analyse(&text);
    assert_eq!(a.record.as_deref(), Some("broadcom-vmware-2022"));
    // The deal's own passage is checked as before: the go-shop ran 40 days.
    assert_eq!(verdict(&a, "$142.50").0, Verdict::Supported);
    let (v, reason) = verdict(&a, "45 days");
    assert_eq!(v, Verdict::Contradicted, "{reason}");
    // The rest is not about the deal: unverifiable, saying what it would
    // have contradicted.
    for claim in ["in 2019", "14 months", "up to 30%", "on December 12, 2022"] {
        let (v, reason) = verdict(&a, claim);
        assert_eq!(v, Verdict::Unverifiable, "{claim}: {reason}");
        assert!(
            reason.contains("neither the deal nor a party to it is named")
                && reason.contains("it would be"),
            "{claim}: {reason}"
        );
    }
    // A short piece (an op-ed) is about the deal throughout: its writer
    // names the deal once and misstates a figure many sentences later.
    let a = analyse(
        "Published December 1, 2023\n\n\
         Broadcom's purchase of VMware is finally done. \
         Customers are already nervous. \
         Prices for some bundles have doubled. \
         Partners say their margins are being squeezed. \
         Long-time administrators are looking at alternatives. \
         None of this was a surprise. \
         Investors cheered anyway. \
         It took regulators 20 months to sign off.",
    );
    let (v, reason) = verdict(&a, "20 months");
    assert_eq!(v, Verdict::Contradicted, "{reason}");
}
