//! Table tests of sentence and word boundaries.

use claimlens::Span;
use claimlens::tokenize::{sentences, words};

fn split(text: &str) -> Vec<&str> {
    sentences(text).iter().map(|s| s.span.slice(text)).collect()
}

macro_rules! t {
    ($name:ident, $input:expr, [$($want:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<&str> = vec![$($want),*];
            assert_eq!(split($input), want, "input: {:?}", $input);
        }
    };
}

// Plain sentence ends.
t!(
    two_sentences,
    "The deal closed. Shares rose.",
    ["The deal closed.", "Shares rose."]
);
t!(
    question_and_exclamation,
    "Who benefits? Not you! Read on.",
    ["Who benefits?", "Not you!", "Read on."]
);
t!(
    single_sentence,
    "One sentence without an end",
    ["One sentence without an end"]
);
t!(
    trailing_space,
    "  Padded sentence.   ",
    ["Padded sentence."]
);
t!(empty, "", []);
t!(only_space, " \n\t \n", []);
t!(
    three_sentences,
    "A. B is here. C is there.",
    ["A. B is here.", "C is there."]
);
t!(
    digits_start_next,
    "Votes were counted. 20,752,327 were for it.",
    ["Votes were counted. 20,752,327 were for it."]
);
t!(
    quote_starts_next,
    "He spoke. “We are done,” he said.",
    ["He spoke.", "“We are done,” he said."]
);
t!(
    paren_starts_next,
    "It closed. (The filing came later.)",
    ["It closed.", "(The filing came later.)"]
);

// Abbreviations that never end a sentence.
t!(mr, "Mr. Intrator said so.", ["Mr. Intrator said so."]);
t!(ms, "Ms. Smith agreed.", ["Ms. Smith agreed."]);
t!(dr, "Dr. Jones dissented.", ["Dr. Jones dissented."]);
t!(
    no_number,
    "See No. 5 for details.",
    ["See No. 5 for details."]
);
t!(
    approx,
    "It is approx. 10% of the total.",
    ["It is approx. 10% of the total."]
);
t!(eg, "Costs, e.g. rent, fell.", ["Costs, e.g. rent, fell."]);
t!(
    ie,
    "The target, i.e. Core Scientific, agreed.",
    ["The target, i.e. Core Scientific, agreed."]
);
t!(
    vs,
    "CoreWeave vs. Core Scientific was close.",
    ["CoreWeave vs. Core Scientific was close."]
);
t!(
    jan,
    "Filed on Jan. 5, 2025 by the company.",
    ["Filed on Jan. 5, 2025 by the company."]
);
t!(feb, "Due Feb. 28 at noon.", ["Due Feb. 28 at noon."]);
t!(
    sept,
    "The vote was in Sept. After that it failed.",
    ["The vote was in Sept. After that it failed."]
);
t!(
    oct,
    "On Oct. 30 holders voted.",
    ["On Oct. 30 holders voted."]
);
t!(
    dec,
    "Closing by Dec. 31 is expected.",
    ["Closing by Dec. 31 is expected."]
);
t!(
    st,
    "Offices at 10 St. James Place.",
    ["Offices at 10 St. James Place."]
);

// Company suffixes and country abbreviations.
t!(
    inc_paren,
    "CoreWeave, Inc. (Nasdaq: CRWV) agreed.",
    ["CoreWeave, Inc. (Nasdaq: CRWV) agreed."]
);
t!(
    inc_name,
    "Core Scientific, Inc. Chief Executive Adam Sullivan said.",
    ["Core Scientific, Inc. Chief Executive Adam Sullivan said."]
);
t!(
    inc_end,
    "It agreed to buy Core Scientific, Inc. The deal is all stock.",
    [
        "It agreed to buy Core Scientific, Inc.",
        "The deal is all stock."
    ]
);
t!(
    corp,
    "Microsoft Corp. Chief Satya Nadella spoke.",
    ["Microsoft Corp. Chief Satya Nadella spoke."]
);
t!(
    co,
    "Johnson & Co. Partners advised.",
    ["Johnson & Co. Partners advised."]
);
t!(
    ltd,
    "Acme Ltd. Holdings were sold.",
    ["Acme Ltd. Holdings were sold."]
);
t!(
    lp,
    "Silver Lake Partners, L.P. Managing Director said.",
    ["Silver Lake Partners, L.P. Managing Director said."]
);
t!(
    nv,
    "ASML Holding N.V. Chief Peter said.",
    ["ASML Holding N.V. Chief Peter said."]
);
t!(
    us_mid,
    "The U.S. Federal Trade Commission sued.",
    ["The U.S. Federal Trade Commission sued."]
);
t!(
    uk_mid,
    "The U.K. Competition and Markets Authority blocked it.",
    ["The U.K. Competition and Markets Authority blocked it."]
);
t!(
    us_end,
    "It operates in the U.S. The rest is abroad.",
    ["It operates in the U.S.", "The rest is abroad."]
);
t!(
    us_lower,
    "U.S. regulators and U.K. ones agreed.",
    ["U.S. regulators and U.K. ones agreed."]
);

// Numbers.
t!(
    decimal,
    "Each share is worth $20.40 today.",
    ["Each share is worth $20.40 today."]
);
t!(
    decimal_end,
    "The price was $165.20. Then it fell.",
    ["The price was $165.20.", "Then it fell."]
);
t!(
    ratio,
    "Holders get 0.1235 shares. That is fixed.",
    ["Holders get 0.1235 shares.", "That is fixed."]
);
t!(
    percent_end,
    "They own 9.4%. CoreWeave owns the rest.",
    ["They own 9.4%.", "CoreWeave owns the rest."]
);
t!(
    version,
    "Version 1.2.3 shipped.",
    ["Version 1.2.3 shipped."]
);

// Initials and ellipses.
t!(
    initials,
    "J. P. Morgan advised CoreWeave.",
    ["J. P. Morgan advised CoreWeave."]
);
t!(
    initial_middle,
    "Adam S. Sullivan signed.",
    ["Adam S. Sullivan signed."]
);
t!(
    ellipsis,
    "It was... fine. Then not.",
    ["It was... fine.", "Then not."]
);
t!(
    ellipsis_upper,
    "Wait... Then it closed.",
    ["Wait... Then it closed."]
);
t!(
    ellipsis_char,
    "It was… fine. Then not.",
    ["It was… fine.", "Then not."]
);

// Quotes.
t!(
    closing_quote_continues,
    "He said “it is done.” and left.",
    ["He said “it is done.” and left."]
);
t!(
    closing_quote_ends,
    "He said “it is done.” Then he left.",
    ["He said “it is done.”", "Then he left."]
);
t!(
    straight_quotes,
    "She said \"no.\" The board agreed.",
    ["She said \"no.\"", "The board agreed."]
);
t!(
    single_curly,
    "It was ‘fine.’ Nobody agreed.",
    ["It was ‘fine.’", "Nobody agreed."]
);
t!(
    quote_inner_question,
    "“Who benefits?” asked the critic.",
    ["“Who benefits?” asked the critic."]
);

// Layout: headings, blank lines, bullets, tables.
t!(
    blank_line,
    "First paragraph\n\nSecond paragraph",
    ["First paragraph", "Second paragraph"]
);
t!(
    heading_line,
    "The deal closed.\nThe Myth of Efficiency and Long-Term Vision\nThe promise is hollow.",
    [
        "The deal closed.",
        "The Myth of Efficiency and Long-Term Vision",
        "The promise is hollow."
    ]
);
t!(
    heading_question,
    "It ended.\nThe Power Disconnect: Who Truly Benefits?\nThe distribution matters.",
    [
        "It ended.",
        "The Power Disconnect: Who Truly Benefits?",
        "The distribution matters."
    ]
);
t!(
    markdown_heading,
    "# Terms\nThe price is fixed.",
    ["# Terms", "The price is fixed."]
);
t!(
    all_caps_heading,
    "FOR IMMEDIATE RELEASE\nCoreWeave agreed today.",
    ["FOR IMMEDIATE RELEASE", "CoreWeave agreed today."]
);
t!(
    bullets,
    "Highlights:\n- Adds 1.3 GW of power\n- Removes lease costs",
    [
        "Highlights:",
        "- Adds 1.3 GW of power",
        "- Removes lease costs"
    ]
);
t!(
    bullets_dot,
    "• First item\n• Second item",
    ["• First item", "• Second item"]
);
t!(
    numbered,
    "Steps:\n1. Sign the agreement\n2. Hold the vote",
    ["Steps:", "1. Sign the agreement", "2. Hold the vote"]
);
t!(
    lettered,
    "(a) the merger;\n(b) the vote.",
    ["(a) the merger;", "(b) the vote."]
);
t!(
    wrapped_lines,
    "The merger agreement was signed by the\nparties on the same day.",
    ["The merger agreement was signed by the\nparties on the same day."]
);
t!(
    table_rows,
    "Votes for\t20,752,327\nVotes against\t203,451,498",
    ["Votes for\t20,752,327", "Votes against\t203,451,498"]
);
t!(
    crlf,
    "First one.\r\nSecond one.",
    ["First one.", "Second one."]
);
t!(
    crlf_blank,
    "Para one\r\n\r\nPara two",
    ["Para one", "Para two"]
);
t!(
    standalone_short_line,
    "Contacts\n\nMedia: press@example.com",
    ["Contacts", "Media: press@example.com"]
);

// Unicode: non-breaking spaces, dashes, non-English letters.
t!(
    nbsp,
    "It paid $9\u{a0}billion. Holders\u{a0}agreed.",
    ["It paid $9\u{a0}billion.", "Holders\u{a0}agreed."]
);
t!(
    em_dash,
    "The significance—if any—is small. Next.",
    ["The significance—if any—is small.", "Next."]
);
t!(
    en_dash_range,
    "A range of 5%–7% applies. Then more.",
    ["A range of 5%–7% applies.", "Then more."]
);
t!(
    german,
    "Die Übernahme ist abgeschlossen. Das Ergebnis folgt.",
    ["Die Übernahme ist abgeschlossen.", "Das Ergebnis folgt."]
);
t!(
    french,
    "L’opération est terminée. Élan général.",
    ["L’opération est terminée.", "Élan général."]
);
t!(
    accented_name,
    "José Núñez signed. Zoë agreed.",
    ["José Núñez signed.", "Zoë agreed."]
);
t!(
    greek_upper,
    "Το συμβόλαιο υπογράφηκε. Η ψηφοφορία απέτυχε.",
    ["Το συμβόλαιο υπογράφηκε.", "Η ψηφοφορία απέτυχε."]
);
t!(
    cjk_punct,
    "It closed. 取引は完了した。",
    ["It closed.", "取引は完了した。"]
);

#[test]
fn words_have_spans_into_the_text() {
    let text = "CoreWeave’s $9.0 billion deal—façade";
    let got: Vec<(usize, &str)> = words(text, Span::new(0, text.len()))
        .map(|w| (w.span.start, w.span.slice(text)))
        .collect();
    assert_eq!(
        got,
        [
            (0, "CoreWeave’s"),
            (15, "9.0"),
            (19, "billion"),
            (27, "deal"),
            (34, "façade")
        ]
    );
}

#[test]
fn sentence_spans_are_trimmed_and_ordered() {
    let text = "  One.  Two?\n\nThree!  ";
    let s = sentences(text);
    assert_eq!(s.len(), 3);
    assert!(s.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    for x in &s {
        let t = x.span.slice(text);
        assert_eq!(t, t.trim());
    }
}

#[test]
fn headings_are_marked() {
    let text =
        "Intro line here.\nThe Power Disconnect: Who Truly Benefits?\nBody text follows here.";
    let s = sentences(text);
    assert_eq!(
        s.iter().map(|x| x.heading).collect::<Vec<_>>(),
        [false, true, false]
    );
}
