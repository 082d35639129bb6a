//! HTML → visible text, with every text byte mapped back to its source bytes.
//!
//! A small, linear-time scanner, not a tree builder: it reads tags, comments
//! and character references, keeps the text a reader sees, and drops what a
//! reader does not see (`script`, `style`, `head`, `template`, `ix:header`,
//! elements with the `hidden` attribute or `display:none`). Block elements
//! become blank lines, `<br>` a line break and table cells a tab, so numbers
//! from two cells never merge and paragraphs never run together. Whitespace
//! in the markup (outside `<pre>`) becomes plain spaces, since HTML collapses
//! it. Broken markup never fails: an unterminated tag or comment ends the
//! text.

use super::offset_map::{MapBuilder, OffsetMap};

/// Elements whose content is never shown.
const SKIPPED: &[&str] = &[
    "head",
    "script",
    "style",
    "template",
    "noscript",
    "ix:header",
    "object",
    "svg",
];

/// Elements that start a new block (a blank line before and after).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements that hold no content and have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "wbr",
];

/// Converts HTML (already decoded to a string) to text and a map into it.
pub fn to_text(html: &str) -> (String, OffsetMap) {
    let mut out = Out {
        text: String::with_capacity(html.len() / 3),
        map: MapBuilder::new(),
    };
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut pre_depth = 0usize;
    while i < bytes.len() {
        let Some(off) = memchr::memchr2(b'<', b'&', &bytes[i..]) else {
            out.text_run(html, i, bytes.len(), pre_depth > 0);
            break;
        };
        let at = i + off;
        out.text_run(html, i, at, pre_depth > 0);
        if bytes[at] == b'&' {
            match entity(html, at) {
                Some((c, len)) => {
                    out.decoded(at, len, c);
                    i = at + len;
                }
                None => {
                    out.verbatim(html, at, at + 1);
                    i = at + 1;
                }
            }
            continue;
        }
        // '<'
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, at + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<![CDATA[") {
            let end = find(bytes, at + 9, b"]]>").unwrap_or(bytes.len());
            out.text_run(html, at + 9, end, pre_depth > 0);
            i = (end + 3).min(bytes.len());
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |e| at + e + 1);
            continue;
        }
        let Some(tag) = parse_tag(html, at) else {
            out.verbatim(html, at, at + 1);
            i = at + 1;
            continue;
        };
        i = tag.end;
        let name = tag.name.as_str();
        if tag.closing {
            if name == "pre" {
                pre_depth = pre_depth.saturating_sub(1);
            }
            if BLOCKS.contains(&name) {
                out.block_break(at);
            } else if name == "td" || name == "th" {
                out.cell_break(at);
            }
            continue;
        }
        if SKIPPED.contains(&name) || (tag.hidden && !VOID.contains(&name)) {
            if !tag.self_closing {
                i = skip_element(html, tag.end, name);
            }
            continue;
        }
        match name {
            "br" => out.line_break(at),
            "td" | "th" => out.cell_break(at),
            "pre" => {
                pre_depth += 1;
                out.block_break(at);
            }
            _ if BLOCKS.contains(&name) => out.block_break(at),
            _ => {}
        }
    }
    let len = bytes.len();
    (out.text, out.map.finish_map(len))
}

struct Out {
    text: String,
    map: MapBuilder,
}

impl Out {
    fn verbatim(&mut self, html: &str, from: usize, to: usize) {
        if let Some(s) = html.get(from..to) {
            self.text.push_str(s);
            self.map.verbatim(from, to - from);
        }
    }

    /// Text between tags: copied, with markup whitespace turned into spaces
    /// (outside `<pre>`), which keeps lengths and so stays cheap to map.
    fn text_run(&mut self, html: &str, from: usize, to: usize, pre: bool) {
        if from >= to {
            return;
        }
        let bytes = &html.as_bytes()[from..to];
        if pre || !bytes.iter().any(|&b| matches!(b, b'\n' | b'\r' | b'\t')) {
            self.verbatim(html, from, to);
            return;
        }
        let mut run = from;
        for (k, &b) in bytes.iter().enumerate() {
            if matches!(b, b'\n' | b'\r' | b'\t') {
                let at = from + k;
                self.verbatim(html, run, at);
                self.text.push(' ');
                self.map.decoded(at, 1, 1);
                run = at + 1;
            }
        }
        self.verbatim(html, run, to);
    }

    fn decoded(&mut self, at: usize, len: usize, c: char) {
        self.text.push(c);
        self.map.decoded(at, len, c.len_utf8());
    }

    fn insert(&mut self, at: usize, s: &str) {
        self.text.push_str(s);
        self.map.decoded(at, 0, s.len());
    }

    fn trailing_newlines(&self) -> usize {
        let t = self.text.trim_end_matches([' ', '\t', '\u{a0}']);
        t.len() - t.trim_end_matches('\n').len()
    }

    fn block_break(&mut self, at: usize) {
        if self.text.trim().is_empty() {
            return;
        }
        match self.trailing_newlines() {
            0 => self.insert(at, "\n\n"),
            1 => self.insert(at, "\n"),
            _ => {}
        }
    }

    fn line_break(&mut self, at: usize) {
        self.insert(at, "\n");
    }

    fn cell_break(&mut self, at: usize) {
        match self.text.as_bytes().last() {
            None | Some(b'\t' | b'\n') => {}
            _ => self.insert(at, "\t"),
        }
    }
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    hidden: bool,
    end: usize,
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| from + p)
}

/// Reads the tag starting at `at` (a `<`); `None` when this `<` does not start
/// a tag (then it is text).
fn parse_tag(html: &str, at: usize) -> Option<Tag> {
    let b = html.as_bytes();
    let mut i = at + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b':' | b'-' | b'_' | b'.'))
    {
        i += 1;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let attrs_start = i;
    // Find the closing '>' outside quoted attribute values.
    let mut quote: Option<u8> = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => {
                // Only a quote that opens a value (after '=') starts quoting.
                let prev = b[attrs_start..i]
                    .iter()
                    .rev()
                    .find(|x| !x.is_ascii_whitespace());
                if prev == Some(&b'=') {
                    quote = Some(c);
                }
            }
            None if c == b'>' => break,
            None => {}
        }
        i += 1;
    }
    let attrs = &html[attrs_start..i.min(b.len())];
    let end = (i + 1).min(b.len());
    let self_closing = attrs.trim_end().ends_with('/') || VOID.contains(&name.as_str());
    Some(Tag {
        hidden: !closing && is_hidden(attrs),
        name,
        closing,
        self_closing,
        end,
    })
}

fn is_hidden(attrs: &str) -> bool {
    if attrs.len() < 6 {
        return false;
    }
    let lower = attrs.to_ascii_lowercase();
    let squeezed: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.contains("display:none")
        || lower
            .split(|c: char| c.is_whitespace() || c == '/')
            .any(|w| w == "hidden" || w.starts_with("hidden=") || w == "aria-hidden=\"true\"")
}

/// Skips to the end of element `name` whose start tag ended at `from`,
/// counting nested elements of the same name. Raw-text elements end at the
/// first matching end tag.
fn skip_element(html: &str, from: usize, name: &str) -> usize {
    let b = html.as_bytes();
    let raw = matches!(name, "script" | "style" | "template" | "noscript");
    let mut depth = 1usize;
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &b[i.min(b.len())..]) {
        let at = i + off;
        if b[at..].starts_with(b"<!--") && !raw {
            i = find(b, at + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        match parse_tag(html, at) {
            Some(tag) if tag.name == name => {
                if tag.closing {
                    depth -= 1;
                    if depth == 0 {
                        return tag.end;
                    }
                } else if !raw && !tag.self_closing {
                    depth += 1;
                }
                i = tag.end;
            }
            Some(tag) if !raw => i = tag.end,
            _ => i = at + 1,
        }
    }
    b.len()
}

/// Decodes the character reference at `at` (an `&`): the character and the
/// number of source bytes it spans. Numeric references 128–159 are read as
/// Windows-1252, as browsers do; a few common names work without their `;`.
pub fn entity(html: &str, at: usize) -> Option<(char, usize)> {
    let b = html.as_bytes();
    let mut i = at + 1;
    if b.get(i) == Some(&b'#') {
        i += 1;
        let hex = matches!(b.get(i), Some(b'x' | b'X'));
        if hex {
            i += 1;
        }
        let start = i;
        while i < b.len()
            && i - start < 8
            && (if hex {
                b[i].is_ascii_hexdigit()
            } else {
                b[i].is_ascii_digit()
            })
        {
            i += 1;
        }
        if i == start {
            return None;
        }
        let n = u32::from_str_radix(&html[start..i], if hex { 16 } else { 10 }).ok()?;
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        let c = match n {
            0 => '\u{FFFD}',
            128..=159 => super::decode::cp1252_char(n as u8),
            _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
        };
        return Some((c, i - at));
    }
    let start = i;
    while i < b.len() && i - start < 10 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    let name = &html[start..i];
    let c = named_entity(name)?;
    if b.get(i) == Some(&b';') {
        Some((c, i + 1 - at))
    } else if matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg") {
        Some((c, i - at))
    } else {
        None
    }
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "minus" => '\u{2212}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "sbquo" => '\u{201a}',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "bdquo" => '\u{201e}',
        "hellip" => '\u{2026}',
        "bull" => '\u{2022}',
        "middot" => '\u{b7}',
        "copy" => '\u{a9}',
        "reg" => '\u{ae}',
        "trade" => '\u{2122}',
        "euro" => '\u{20ac}',
        "pound" => '\u{a3}',
        "yen" => '\u{a5}',
        "cent" => '\u{a2}',
        "sect" => '\u{a7}',
        "para" => '\u{b6}',
        "deg" => '\u{b0}',
        "plusmn" => '\u{b1}',
        "times" => '\u{d7}',
        "divide" => '\u{f7}',
        "frac12" => '\u{bd}',
        "frac14" => '\u{bc}',
        "frac34" => '\u{be}',
        "shy" | "zwnj" | "zwj" => '\u{ad}',
        "dagger" => '\u{2020}',
        "Dagger" => '\u{2021}',
        "laquo" => '\u{ab}',
        "raquo" => '\u{bb}',
        "eacute" => '\u{e9}',
        "Eacute" => '\u{c9}',
        "egrave" => '\u{e8}',
        "aacute" => '\u{e1}',
        "agrave" => '\u{e0}',
        "oacute" => '\u{f3}',
        "ouml" => '\u{f6}',
        "uuml" => '\u{fc}',
        "auml" => '\u{e4}',
        "ccedil" => '\u{e7}',
        "ntilde" => '\u{f1}',
        "szlig" => '\u{df}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn text(html: &str) -> String {
        to_text(html).0
    }

    #[test]
    fn drops_invisible_content() {
        let t = text(
            "<html><head><title>T</title><style>p{}</style></head><body><script>var a=1<2;</script><p>Seen</p><div style=\"display: none\">unseen</div><div hidden>gone</div><ix:header>xbrl</ix:header></body></html>",
        );
        assert_eq!(t.trim(), "Seen");
    }

    #[test]
    fn entities_decode_and_map() {
        let src = "<p>AT&amp;T&#146;s $9&nbsp;billion &copy 2025</p>";
        let (t, m) = to_text(src);
        assert_eq!(t.trim(), "AT&T\u{2019}s $9\u{a0}billion \u{a9} 2025");
        let q = t.find('\u{2019}').unwrap_or(0);
        let s = m.to_source(Span::new(q, q + 3));
        assert_eq!(&src[s.start..s.end], "&#146;");
    }

    #[test]
    fn cells_and_blocks_separate_numbers() {
        let t = text(
            "<table><tr><td>2024</td><td>1,234</td></tr><tr><td>5</td></tr></table><p>a<br>b</p>",
        );
        assert!(t.contains("2024\t1,234"), "{t:?}");
        assert!(t.contains("a\nb"), "{t:?}");
    }

    #[test]
    fn broken_markup_never_fails() {
        for s in [
            "<p>unterminated <b",
            "<!-- open comment",
            "a < b & c",
            "<div><div>",
            "</p></p>x",
            "&#99999999999;",
            "<![CDATA[x",
        ] {
            let _ = text(s);
        }
        assert_eq!(text("a < b & c").trim(), "a < b & c");
    }

    #[test]
    fn markup_whitespace_becomes_spaces() {
        assert_eq!(text("<p>one\ntwo</p>").trim(), "one two");
        assert_eq!(text("<pre>one\ntwo</pre>").trim(), "one\ntwo");
    }
}
