//! EDGAR submissions: the SGML container the SEC disseminates filings in
//! (full-submission `.txt` files and `.nc` feed files), split into its
//! documents.
//!
//! A submission is a header and a series of documents:
//!
//! ```text
//! <SEC-DOCUMENT>0001839341-25-000087.txt : 20251031      (or <SUBMISSION>, <IMS-DOCUMENT>,
//! <SEC-HEADER>0001839341-25-000087.hdr.sgml : 20251031    a PEM envelope, or nothing)
//! ACCESSION NUMBER:   0001839341-25-000087               (`.nc` files: <ACCESSION-NUMBER>…)
//! CONFORMED SUBMISSION TYPE:  8-K
//! FILED AS OF DATE:   20251031                           (`.nc`: <FILING-DATE>20251031)
//!     COMPANY CONFORMED NAME:   Core Scientific, Inc./tx (`.nc`: <CONFORMED-NAME>…)
//! </SEC-HEADER>
//! <DOCUMENT>
//! <TYPE>EX-99.1
//! <SEQUENCE>2
//! <FILENAME>corz-ex99_1.htm
//! <DESCRIPTION>PRESS RELEASE
//! <TEXT>
//! …HTML or plain text, or <XBRL>/<XML>/<PDF> wrapping it, or uuencoded bytes…
//! </TEXT>
//! </DOCUMENT>
//! ```
//!
//! [`split`] reads the header ([`Filing`]: accession number, form type,
//! company, filing date) and every document ([`Part`]: sequence, type, file
//! name, description). Documents that hold prose, HTML (inline XBRL too, also
//! when wrapped in `<XBRL>`) or plain text, become text, each after the one
//! before, with a map back into the container; the others (uuencoded
//! graphics, ZIP and Excel files, XBRL and XML data, PDF copies, scripts and
//! style sheets of the XBRL viewer) are skipped with a note. The SGML tags
//! that 1990s plain-text filings scatter through their text (`<PAGE>`,
//! `<TABLE>`, `<S>`, `<C>`, `<FN>`) are dropped. The header itself is never
//! text: its numbers are identifiers, not claims.
//!
//! Tags are found wherever they stand, not only at the start of a line:
//! `.nc` files often put a whole submission on one line.

use std::ops::Range;

use serde::Serialize;

use super::Format;
use super::html;
use super::offset_map::{MapBuilder, OffsetMap};
use crate::date::Date;
use crate::span::Span;

/// What the SEC header of a submission says about the filing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Filing {
    /// Accession number (`0001839341-25-000087`).
    pub accession: Option<String>,
    /// Form type of the submission (`8-K`, `10-K`, `SC TO-T/A`).
    pub form_type: Option<String>,
    /// The first company named (`COMPANY CONFORMED NAME`).
    pub company: Option<String>,
    /// `FILED AS OF DATE` (`<FILING-DATE>` in `.nc` files): the date the
    /// documents are checked as of.
    pub filed: Option<Date>,
}

/// One document of a submission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    /// `<SEQUENCE>`, or the document's position (1-based) when it has none.
    pub sequence: u32,
    /// `<TYPE>` (`8-K`, `EX-99.1`, `GRAPHIC`).
    #[serde(rename = "type")]
    pub kind: String,
    /// `<FILENAME>`, when given.
    pub filename: Option<String>,
    /// `<DESCRIPTION>`, when given.
    pub description: Option<String>,
    /// What the document's text is: `html` or `text`.
    pub format: Format,
    /// The bytes of the document's content (inside `<TEXT>`) in the
    /// container file.
    pub span: Span,
}

impl Part {
    /// A short label: `part 2 (EX-99.1, corz-ex99_1.htm)`.
    pub fn label(&self) -> String {
        match &self.filename {
            Some(f) => format!("part {} ({}, {f})", self.sequence, self.kind),
            None => format!("part {} ({})", self.sequence, self.kind),
        }
    }
}

/// A split submission. Offsets (`map`'s source side, `Part::span`) are into
/// the string given to [`split`].
#[derive(Debug)]
pub struct Submission {
    /// The header.
    pub filing: Filing,
    /// The text of every analysable document, one after the other, separated
    /// by a blank line.
    pub text: String,
    /// Maps `text` back to the container.
    pub map: OffsetMap,
    /// The analysable documents and the range of `text` each one fills.
    pub parts: Vec<(Part, Range<usize>)>,
    /// One line per document that was skipped, and why.
    pub notes: Vec<String>,
}

/// True when `text` starts like an EDGAR submission or header.
pub fn looks_like_submission(text: &str) -> bool {
    let head = text
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .as_bytes();
    const STARTS: &[&[u8]] = &[
        b"<SEC-DOCUMENT>",
        b"<SEC-HEADER>",
        b"<IMS-DOCUMENT>",
        b"<IMS-HEADER>",
        b"<SUBMISSION>",
        b"<DOCUMENT>",
        b"<ACCEPTANCE-DATETIME>",
        b"ACCESSION NUMBER:",
    ];
    if STARTS.iter().any(|s| head.starts_with(s)) {
        return true;
    }
    if head.starts_with(b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----") {
        let window = &head[..head.len().min(8192)];
        return [
            b"<SEC-DOCUMENT>".as_slice(),
            b"<SEC-HEADER>",
            b"<IMS-DOCUMENT>",
            b"<IMS-HEADER>",
        ]
        .iter()
        .any(|t| memchr::memmem::find(window, t).is_some());
    }
    false
}

fn find(hay: &[u8], from: usize, to: usize, needle: &[u8]) -> Option<usize> {
    let window = hay.get(from..to.min(hay.len()))?;
    memchr::memmem::find(window, needle).map(|p| from + p)
}

fn rfind(hay: &[u8], from: usize, to: usize, needle: &[u8]) -> Option<usize> {
    let window = hay.get(from..to.min(hay.len()))?;
    memchr::memmem::rfind(window, needle).map(|p| from + p)
}

/// Splits a submission (already decoded to a string) into its header and
/// the text of its documents.
pub fn split(doc: &str) -> Submission {
    let b = doc.as_bytes();
    let first = find(b, 0, b.len(), b"<DOCUMENT>");
    let filing = header(doc.get(..first.unwrap_or(b.len())).unwrap_or(""));
    let mut text = String::with_capacity(doc.len() / 4);
    let mut map = MapBuilder::new();
    let mut parts = Vec::new();
    let mut notes = Vec::new();
    let mut ordinal = 0u32;
    let mut next = first;
    // The first `</DOCUMENT>` at or after the last search's start: kept while
    // it lies ahead, so that documents without one (a truncated file) do not
    // each search to the end of the file.
    let mut next_close: Option<(usize, Option<usize>)> = None;
    while let Some(open) = next {
        ordinal += 1;
        let body = open + b"<DOCUMENT>".len();
        let close = match next_close {
            Some((from, found)) if from <= body && found.is_none_or(|c| c >= body) => found,
            _ => find(b, body, b.len(), b"</DOCUMENT>"),
        };
        next_close = Some((body, close));
        let following = find(b, body, close.unwrap_or(b.len()), b"<DOCUMENT>");
        let (end, resume) = match (close, following) {
            (Some(c), None) => (c, c + b"</DOCUMENT>".len()),
            (_, Some(f)) => (f, f),
            (None, None) => (b.len(), b.len()),
        };
        next = find(b, resume, b.len(), b"<DOCUMENT>");
        let document = read_document(doc, body, end, ordinal);
        match document.content {
            Content::Skip(why) => notes.push(format!("{} skipped: {why}", document.part.label())),
            Content::Html(range) | Content::Text(range) if doc[range.clone()].trim().is_empty() => {
                notes.push(format!(
                    "{} skipped: it holds no text",
                    document.part.label()
                ));
            }
            Content::Html(range) => {
                separate(&mut text, &mut map, range.start);
                let from = text.len();
                html::append(doc, range, &mut text, &mut map);
                parts.push((document.part, from..text.len()));
            }
            Content::Text(range) => {
                separate(&mut text, &mut map, range.start);
                let from = text.len();
                plain_text(doc, range, &mut text, &mut map);
                parts.push((document.part, from..text.len()));
            }
        }
    }
    if first.is_none() {
        notes.push(
            "the submission holds no <DOCUMENT>: only its header, which is not analysed".into(),
        );
    }
    Submission {
        filing,
        text,
        map: map.finish_map(doc.len()),
        parts,
        notes,
    }
}

/// A blank line between two documents' texts (standing for no source bytes).
fn separate(text: &mut String, map: &mut MapBuilder, at: usize) {
    if !text.is_empty() {
        let sep = if text.ends_with("\n\n") {
            ""
        } else if text.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        text.push_str(sep);
        map.decoded(at, 0, sep.len());
    }
}

enum Content {
    Html(Range<usize>),
    Text(Range<usize>),
    Skip(String),
}

struct Document {
    part: Part,
    content: Content,
}

/// The value after a tag such as `<TYPE>`: up to the next `<` or line end.
fn tag_value(doc: &str, from: usize, to: usize) -> &str {
    let rest = doc.get(from..to).unwrap_or("");
    let end = rest.find(['<', '\n', '\r']).unwrap_or(rest.len());
    rest[..end].trim()
}

fn read_document(doc: &str, body: usize, end: usize, ordinal: u32) -> Document {
    let b = doc.as_bytes();
    let text_tag = find(b, body, end, b"<TEXT>");
    let fields_end = text_tag.unwrap_or(end);
    let mut kind = String::new();
    let mut sequence = None;
    let mut filename = None;
    let mut description = None;
    let mut i = body;
    while let Some(lt) = find(b, i, fields_end, b"<") {
        let Some(gt) = find(b, lt, fields_end, b">") else {
            break;
        };
        let name = &doc[lt + 1..gt];
        let value = tag_value(doc, gt + 1, fields_end);
        match name {
            "TYPE" if kind.is_empty() => kind = value.to_string(),
            "SEQUENCE" => sequence = value.parse().ok(),
            "FILENAME" if !value.is_empty() => filename = Some(value.to_string()),
            "DESCRIPTION" if !value.is_empty() => description = Some(value.to_string()),
            _ => {}
        }
        i = gt + 1;
    }
    if kind.is_empty() {
        kind = "(no type)".into();
    }
    let mut part = Part {
        sequence: sequence.unwrap_or(ordinal),
        kind,
        filename,
        description,
        format: Format::Text,
        span: Span::new(fields_end, fields_end),
    };
    let Some(text_tag) = text_tag else {
        return Document {
            part,
            content: Content::Skip("it has no <TEXT>".into()),
        };
    };
    let mut start = text_tag + b"<TEXT>".len();
    if b.get(start) == Some(&b'\r') {
        start += 1;
    }
    if b.get(start) == Some(&b'\n') {
        start += 1;
    }
    let stop = rfind(b, start, end, b"</TEXT>").unwrap_or(end);
    part.span = Span::new(start, stop);
    let content = classify(doc, &part, start..stop);
    if matches!(content, Content::Html(_)) {
        part.format = Format::Html;
    }
    Document { part, content }
}

/// Types whose documents are never prose.
fn skipped_type(kind: &str) -> Option<&'static str> {
    let k = kind.to_ascii_uppercase();
    Some(match k.as_str() {
        "GRAPHIC" => "a graphic",
        "ZIP" => "a ZIP archive",
        "EXCEL" => "an Excel workbook",
        "PDF" => "a PDF copy",
        "XML" => "a file of the XBRL viewer (XML type)",
        "JSON" => "JSON data",
        "EX-27" => "a financial data schedule (tagged data, not prose)",
        _ if k.starts_with("EX-101") => "XBRL data",
        _ => return None,
    })
}

/// File name extensions of documents that are never prose.
fn skipped_extension(filename: &str) -> Option<&'static str> {
    let ext = filename.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "jpg" | "jpeg" | "gif" | "png" | "bmp" | "tif" | "tiff" | "svg" => "a graphic",
        "zip" | "gz" => "an archive",
        "xls" | "xlsx" => "a spreadsheet",
        "pdf" => "a PDF copy",
        "xml" | "xsd" => "XML data",
        "js" | "css" | "json" => "a file of the XBRL viewer",
        _ => return None,
    })
}

/// True when the text of `range` starts like an HTML document.
fn starts_like_html(doc: &str, range: &Range<usize>) -> bool {
    let window = &doc.as_bytes()[range.start..range.end.min(range.start + 4096)];
    ["<html", "<!doctype html", "<head", "<body", "<title"]
        .iter()
        .any(|t| contains_ci(window, t.as_bytes()))
}

fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

fn starts_with_ci(hay: &[u8], prefix: &[u8]) -> bool {
    hay.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// uuencoded content starts `begin 644 name`.
fn is_uuencoded(lead: &[u8]) -> bool {
    lead.starts_with(b"begin ")
        && lead
            .get(6..9)
            .is_some_and(|m| m.iter().all(|d| (b'0'..=b'7').contains(d)))
}

fn classify(doc: &str, part: &Part, range: Range<usize>) -> Content {
    let b = doc.as_bytes();
    let lead_at = range.start
        + b[range.clone()]
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
    let lead = &b[lead_at..range.end];
    if is_uuencoded(lead) {
        return Content::Skip("uuencoded binary".into());
    }
    if starts_with_ci(lead, b"<PDF>") {
        return Content::Skip("a PDF copy".into());
    }
    if let Some(why) = skipped_type(&part.kind) {
        return Content::Skip(why.into());
    }
    if let Some(why) = part.filename.as_deref().and_then(skipped_extension) {
        return Content::Skip(why.into());
    }
    for (open, close, what) in [
        (&b"<XBRL>"[..], &b"</XBRL>"[..], "XBRL data"),
        (b"<XML>", b"</XML>", "XML data"),
    ] {
        if starts_with_ci(lead, open) {
            let inner_start = lead_at + open.len();
            let inner_end = rfind(b, inner_start, range.end, close).unwrap_or(range.end);
            let inner = inner_start..inner_end;
            // Inline XBRL: an HTML document wrapped in <XBRL>.
            return if starts_like_html(doc, &inner) {
                Content::Html(inner)
            } else {
                Content::Skip(what.into())
            };
        }
    }
    let html_name = part.filename.as_deref().is_some_and(|f| {
        let f = f.to_ascii_lowercase();
        f.ends_with(".htm") || f.ends_with(".html") || f.ends_with(".xhtml")
    });
    if html_name || starts_like_html(doc, &range) {
        Content::Html(range)
    } else {
        Content::Text(range)
    }
}

/// The text of a plain-text document, with EDGAR's SGML tags (`<PAGE>`,
/// `<TABLE>`, `<CAPTION>`, `<S>`, `<C>`, `<FN>`, `<F1>`, their end tags)
/// dropped. Everything else is copied verbatim.
fn plain_text(doc: &str, range: Range<usize>, text: &mut String, map: &mut MapBuilder) {
    let b = doc.as_bytes();
    let mut run = range.start;
    let mut i = range.start;
    while let Some(lt) = find(b, i, range.end, b"<") {
        match sgml_tag_len(&b[lt..range.end]) {
            Some(len) => {
                push(doc, run, lt, text, map);
                i = lt + len;
                run = i;
            }
            None => i = lt + 1,
        }
    }
    push(doc, run, range.end, text, map);
}

fn push(doc: &str, from: usize, to: usize, text: &mut String, map: &mut MapBuilder) {
    if let Some(s) = doc.get(from..to) {
        text.push_str(s);
        map.verbatim(from, s.len());
    }
}

/// The length of an EDGAR SGML tag at the start of `s`: `<` and an optional
/// `/`, then an uppercase name of up to 20 letters, digits and hyphens, then
/// `>`.
pub fn sgml_tag_len(s: &[u8]) -> Option<usize> {
    let mut i = 1;
    if s.get(i) == Some(&b'/') {
        i += 1;
    }
    if !s.get(i)?.is_ascii_uppercase() {
        return None;
    }
    let name_start = i;
    while i < s.len()
        && i - name_start < 20
        && (s[i].is_ascii_uppercase() || s[i].is_ascii_digit() || s[i] == b'-')
    {
        i += 1;
    }
    (s.get(i) == Some(&b'>')).then_some(i + 1)
}

fn parse_date(v: &str) -> Option<Date> {
    let d = v.trim().get(..8)?;
    if !d.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Date::new(
        d[..4].parse().ok()?,
        d[4..6].parse().ok()?,
        d[6..8].parse().ok()?,
    )
}

fn set_once(slot: &mut Option<String>, value: &str) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value.to_string());
    }
}

/// Reads the header: `KEY: value` lines (`.txt` files) and `<TAG>value`
/// fields (`.nc` files).
fn header(h: &str) -> Filing {
    let mut f = Filing::default();
    for line in h.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "ACCESSION NUMBER" => set_once(&mut f.accession, value),
            "CONFORMED SUBMISSION TYPE" | "FORM TYPE" => set_once(&mut f.form_type, value),
            "COMPANY CONFORMED NAME" => set_once(&mut f.company, value),
            "FILED AS OF DATE" if f.filed.is_none() => f.filed = parse_date(value),
            _ => {}
        }
    }
    let b = h.as_bytes();
    let mut i = 0;
    while let Some(lt) = find(b, i, b.len(), b"<") {
        let Some(len) = sgml_tag_len(&b[lt..]) else {
            i = lt + 1;
            continue;
        };
        let name = &h[lt + 1..lt + len - 1];
        let value = tag_value(h, lt + len, h.len());
        match name {
            "ACCESSION-NUMBER" => set_once(&mut f.accession, value),
            "TYPE" => set_once(&mut f.form_type, value),
            "CONFORMED-NAME" => set_once(&mut f.company, value),
            "FILING-DATE" if f.filed.is_none() => f.filed = parse_date(value),
            _ => {}
        }
        i = lt + len;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUBMISSION: &str = "<SEC-DOCUMENT>0000000000-25-000001.txt : 20251031
<SEC-HEADER>0000000000-25-000001.hdr.sgml : 20251031
ACCESSION NUMBER:\t\t0000000000-25-000001
CONFORMED SUBMISSION TYPE:\t8-K
FILED AS OF DATE:\t\t20251031
\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tExample Corp
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<FILENAME>ex-8k.htm
<TEXT>
<html><body><p>Example paid &#36;9 billion.</p></body></html>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<DESCRIPTION>PRESS RELEASE
<TEXT>
<PAGE>   1
Holders own 9.4%.
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>GRAPHIC
<SEQUENCE>3
<FILENAME>logo.jpg
<TEXT>
begin 644 logo.jpg
M_]C_X``02D9)1@`!`@$`8`!@``#_[0M:4&AO=&]S:&]P(#,N,
end
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
";

    #[test]
    fn splits_header_parts_and_skips_binaries() {
        assert!(looks_like_submission(SUBMISSION));
        let s = split(SUBMISSION);
        assert_eq!(s.filing.accession.as_deref(), Some("0000000000-25-000001"));
        assert_eq!(s.filing.form_type.as_deref(), Some("8-K"));
        assert_eq!(s.filing.company.as_deref(), Some("Example Corp"));
        assert_eq!(s.filing.filed, Date::new(2025, 10, 31));
        assert_eq!(s.parts.len(), 2);
        let (p1, r1) = &s.parts[0];
        assert_eq!(
            (p1.sequence, p1.kind.as_str(), p1.format),
            (1, "8-K", Format::Html)
        );
        assert_eq!(s.text[r1.clone()].trim(), "Example paid $9 billion.");
        let (p2, r2) = &s.parts[1];
        assert_eq!(
            (p2.sequence, p2.kind.as_str(), p2.format),
            (2, "EX-99.1", Format::Text)
        );
        assert_eq!(p2.description.as_deref(), Some("PRESS RELEASE"));
        assert_eq!(s.text[r2.clone()].trim(), "1\nHolders own 9.4%.");
        assert_eq!(
            s.notes,
            ["part 3 (GRAPHIC, logo.jpg) skipped: uuencoded binary"]
        );
        // Spans go back into the container.
        let at = s.text.find("9.4%").unwrap_or(0);
        let span = s.map.to_source(Span::new(at, at + 4));
        assert_eq!(&SUBMISSION[span.start..span.end], "9.4%");
        let at = s.text.find('$').unwrap_or(0);
        let span = s.map.to_source(Span::new(at, at + 1));
        assert_eq!(&SUBMISSION[span.start..span.end], "&#36;");
    }

    #[test]
    fn one_line_nc_files_and_wrapped_inline_xbrl() {
        let nc = "<SUBMISSION>\n<ACCESSION-NUMBER>0000000000-25-000002<TYPE>8-K<FILING-DATE>20250108<FILER><COMPANY-DATA><CONFORMED-NAME>ACME INC<CIK>1</COMPANY-DATA></FILER><DOCUMENT><TYPE>8-K<SEQUENCE>1<FILENAME>f.htm<TEXT><XBRL><?xml version='1.0'?><html><body><ix:header>hidden 1</ix:header><p>Up 5%.</p></body></html></XBRL></TEXT></DOCUMENT><DOCUMENT><TYPE>EX-101.SCH<SEQUENCE>2<FILENAME>a.xsd<TEXT><XBRL><?xml version='1.0'?><schema/></XBRL></TEXT></DOCUMENT><DOCUMENT><TYPE>4<SEQUENCE>3<FILENAME>form4.xml<TEXT><XML><?xml version='1.0'?><ownershipDocument/></XML></TEXT></DOCUMENT></SUBMISSION>";
        assert!(looks_like_submission(nc));
        let s = split(nc);
        assert_eq!(s.filing.form_type.as_deref(), Some("8-K"));
        assert_eq!(s.filing.company.as_deref(), Some("ACME INC"));
        assert_eq!(s.filing.filed, Date::new(2025, 1, 8));
        assert_eq!(s.parts.len(), 1);
        assert_eq!(s.text.trim(), "Up 5%.");
        assert_eq!(s.notes.len(), 2, "{:?}", s.notes);
        assert!(
            s.notes[0].contains("EX-101.SCH") && s.notes[1].contains("XML data"),
            "{:?}",
            s.notes
        );
    }

    #[test]
    fn header_only_and_bare_documents() {
        let h = "<ACCEPTANCE-DATETIME>20230609145616\nACCESSION NUMBER:\t\t0001104659-23-069855\nFILED AS OF DATE:\t\t20230609\n";
        assert!(looks_like_submission(h));
        let s = split(h);
        assert!(s.parts.is_empty() && s.text.is_empty());
        assert_eq!(s.filing.filed, Date::new(2023, 6, 9));
        assert_eq!(s.notes.len(), 1);
        // No header, no </DOCUMENT>: each document ends where the next begins.
        let bare =
            "<DOCUMENT>\n<TYPE>S-3/A\n<TEXT>\nFirst.\n<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nSecond.\n";
        let s = split(bare);
        let texts: Vec<&str> = s
            .parts
            .iter()
            .map(|(_, r)| s.text[r.clone()].trim())
            .collect();
        assert_eq!(texts, ["First.", "Second."]);
        assert_eq!(s.parts[1].0.sequence, 2);
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_submission(
            "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n\n<SEC-DOCUMENT>x"
        ));
        assert!(!looks_like_submission(
            "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nno filing here"
        ));
        assert!(!looks_like_submission("<html><body>"));
        assert!(!looks_like_submission(
            "Plain text mentioning <DOCUMENT> later."
        ));
    }

    #[test]
    fn sgml_tags_in_text() {
        assert_eq!(sgml_tag_len(b"<PAGE>   1"), Some(6));
        assert_eq!(sgml_tag_len(b"</TABLE>"), Some(8));
        assert_eq!(sgml_tag_len(b"<F1>"), Some(4));
        assert_eq!(sgml_tag_len(b"<5%"), None);
        assert_eq!(sgml_tag_len(b"<b>"), None);
        assert_eq!(sgml_tag_len(b"< PAGE>"), None);
    }
}
