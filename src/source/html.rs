//! HTML → visible text, with every text byte mapped back to its source bytes.
//!
//! A small, linear-time scanner, not a tree builder: it reads tags, comments
//! and character references, keeps the text a reader sees, and drops what a
//! reader does not see:
//!
//! - `head`, `title`, `script`, `style`, `template`, `noscript`, `xml` data
//!   islands, `svg`, `object`, `iframe`, `textarea` and inline XBRL's
//!   `ix:header`;
//! - elements with the `hidden` attribute or a `display: none` style (in any
//!   spelling: `DISPLAY:NONE`, `display : none !important`) or Word's
//!   `mso-hide: all`, with everything nested inside them;
//! - comments, doctypes and processing instructions.
//!
//! Block elements become blank lines, `<br>` (and `</br>`, `<br/>`) a line
//! break, and table cells a tab, so numbers from two cells never merge and
//! paragraphs never run together. Runs of markup whitespace (outside `<pre>`)
//! become one space, as a browser shows them. Character references decode as
//! HTML5 says: every named reference of HTML 4 with its `;`, the Latin-1
//! names without it (`&nbsp`, `&copy2025`), numeric references with or
//! without `;`, and 128–159 as Windows-1252 (`&#146;` is `’`). `&nbsp;`
//! stays U+00A0, which later stages treat as a space.
//!
//! Broken markup never fails: an unterminated comment or tag ends the text,
//! an unclosed hidden element hides the rest (as a browser does), a `<head>`
//! without `</head>` ends at `<body>`, and a hidden `<p>` or `<td>` whose end
//! tag is left out ends where the next one starts.
//!
//! What this does not do: apply CSS from `<style>` blocks or classes (only
//! inline styles count), run scripts, or build a tree.

use std::ops::Range;

use super::offset_map::{MapBuilder, OffsetMap};

/// How an element's tag affects the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Never shown, and its content is markup (counted when skipping).
    Skipped,
    /// Never shown, and its content is raw text that ends at the first
    /// matching end tag (`script`, `style`, `title`, ...).
    SkippedRaw,
    /// Starts a new block: a blank line before and after.
    Block,
    /// `<pre>`: a block whose whitespace is kept.
    Pre,
    /// `<br>`: a line break.
    Br,
    /// `<td>`, `<th>`: a tab between cells.
    Cell,
    /// Everything else (`b`, `span`, `a`, `font`, `ix:nonFraction`, ...).
    Inline,
}

/// The longest element name the scanner classifies; longer names are inline.
const NAME_MAX: usize = 16;

fn classify(name: &[u8]) -> Kind {
    if name.len() > NAME_MAX {
        return Kind::Inline;
    }
    let mut buf = [0u8; NAME_MAX];
    let lower = &mut buf[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    match &*lower {
        b"head" | b"template" | b"xml" | b"svg" | b"object" | b"ix:header" | b"math" => {
            Kind::Skipped
        }
        b"script" | b"style" | b"title" | b"noscript" | b"textarea" | b"iframe" | b"noembed"
        | b"noframes" | b"xmp" => Kind::SkippedRaw,
        b"pre" | b"listing" | b"plaintext" => Kind::Pre,
        b"br" => Kind::Br,
        b"td" | b"th" => Kind::Cell,
        b"address" | b"article" | b"aside" | b"blockquote" | b"body" | b"caption" | b"center"
        | b"dd" | b"details" | b"dialog" | b"dir" | b"div" | b"dl" | b"dt" | b"fieldset"
        | b"figcaption" | b"figure" | b"footer" | b"form" | b"frameset" | b"h1" | b"h2" | b"h3"
        | b"h4" | b"h5" | b"h6" | b"header" | b"hgroup" | b"hr" | b"html" | b"legend" | b"li"
        | b"main" | b"menu" | b"nav" | b"ol" | b"p" | b"section" | b"summary" | b"table"
        | b"tbody" | b"tfoot" | b"thead" | b"tr" | b"ul" | b"page" => Kind::Block,
        _ => Kind::Inline,
    }
}

/// Elements that hold no content and have no end tag.
fn is_void(name: &[u8]) -> bool {
    const VOID: &[&[u8]] = &[
        b"area",
        b"base",
        b"basefont",
        b"bgsound",
        b"br",
        b"col",
        b"embed",
        b"frame",
        b"hr",
        b"img",
        b"input",
        b"keygen",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
    ];
    VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// Converts HTML (already decoded to a string) to text and a map into it.
pub fn to_text(html: &str) -> (String, OffsetMap) {
    let mut text = String::with_capacity(html.len() / 4);
    let mut map = MapBuilder::new();
    append(html, 0..html.len(), &mut text, &mut map);
    (text, map.finish_map(html.len()))
}

/// Converts the HTML in `html[range]` to text, appending it to `text` and its
/// segments (with offsets into all of `html`) to `map`. The range's end acts
/// as the end of the document. Used for HTML inside EDGAR submissions.
pub fn append(html: &str, range: Range<usize>, text: &mut String, map: &mut MapBuilder) {
    let Some(html) = html.get(..range.end) else {
        return;
    };
    let start_len = text.len();
    let mut out = Out {
        text,
        map,
        start_len,
    };
    scan(html, range.start, &mut out);
}

fn scan(html: &str, from: usize, out: &mut Out<'_>) {
    let bytes = html.as_bytes();
    let mut i = from;
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
                    out.verbatim(at, "&");
                    i = at + 1;
                }
            }
            continue;
        }
        // '<'
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            i = comment_end(bytes, at);
            continue;
        }
        if rest.starts_with(b"<![CDATA[") {
            let end = find(bytes, at + 9, b"]]>").unwrap_or(bytes.len());
            out.text_run(html, at + 9, end, pre_depth > 0);
            i = (end + 3).min(bytes.len());
            continue;
        }
        if rest.starts_with(b"<!")
            || rest.starts_with(b"<?")
            || (rest.starts_with(b"</") && !next_is_alpha(rest, 2))
        {
            // Doctype, processing instruction, `</>` or a bogus end tag.
            i = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| at + e + 1);
            continue;
        }
        let Some(tag) = parse_tag(html, at) else {
            out.verbatim(at, "<");
            i = at + 1;
            continue;
        };
        i = tag.end;
        let kind = classify(tag.name.as_bytes());
        if tag.closing {
            match kind {
                Kind::Pre => {
                    pre_depth = pre_depth.saturating_sub(1);
                    out.block_break(at);
                }
                Kind::Block => out.block_break(at),
                Kind::Cell => out.cell_break(at),
                Kind::Br => out.line_break(at),
                _ => {}
            }
            continue;
        }
        let void = is_void(tag.name.as_bytes());
        if matches!(kind, Kind::Skipped | Kind::SkippedRaw) || (tag.hidden && !void) {
            if !tag.self_closing {
                i = skip_element(html, tag.end, tag.name, kind == Kind::SkippedRaw);
            }
            // A hidden block still separates what stands around it.
            if kind == Kind::Block || kind == Kind::Cell {
                out.soft_break(at);
            }
            continue;
        }
        match kind {
            Kind::Br => out.line_break(at),
            Kind::Cell => out.cell_break(at),
            Kind::Pre => {
                if !tag.self_closing {
                    pre_depth += 1;
                }
                out.block_break(at);
            }
            Kind::Block => out.block_break(at),
            _ => {}
        }
    }
}

fn next_is_alpha(rest: &[u8], at: usize) -> bool {
    rest.get(at).is_some_and(u8::is_ascii_alphabetic)
}

/// The offset just past the comment starting at `at` (`<!--`); an
/// unterminated comment runs to the end, as in a browser.
fn comment_end(bytes: &[u8], at: usize) -> usize {
    let body = at + 4;
    // `<!-->` and `<!--->` are complete (empty) comments.
    if bytes.get(body) == Some(&b'>') {
        return body + 1;
    }
    if bytes.get(body..body + 2) == Some(b"->") {
        return body + 2;
    }
    // The first `-->` or `--!>`, in one pass (searching for each to the end
    // would make a file of many comments quadratic).
    let mut from = body;
    while let Some(dd) = find(bytes, from, b"--") {
        match bytes.get(dd + 2) {
            Some(b'>') => return dd + 3,
            Some(b'!') if bytes.get(dd + 3) == Some(&b'>') => return dd + 4,
            _ => from = dd + 1,
        }
    }
    bytes.len()
}

struct Out<'a> {
    text: &'a mut String,
    map: &'a mut MapBuilder,
    /// Length of `text` when this document started (EDGAR appends several).
    start_len: usize,
}

impl Out<'_> {
    fn own_text(&self) -> &str {
        &self.text[self.start_len..]
    }

    fn verbatim(&mut self, at: usize, s: &str) {
        self.text.push_str(s);
        self.map.verbatim(at, s.len());
    }

    /// True when the text so far ends in whitespace (or is empty), so that
    /// markup whitespace adds nothing.
    fn at_space(&self) -> bool {
        matches!(
            self.own_text().as_bytes().last(),
            None | Some(b' ' | b'\n' | b'\t')
        )
    }

    /// Text between tags: copied, with each run of markup whitespace turned
    /// into one space (none after a space or a break), outside `<pre>`.
    fn text_run(&mut self, html: &str, from: usize, to: usize, pre: bool) {
        if from >= to {
            return;
        }
        let Some(run) = html.get(from..to) else {
            return;
        };
        if pre {
            self.verbatim(from, run);
            return;
        }
        let bytes = run.as_bytes();
        let mut k = 0;
        while k < bytes.len() {
            let ws_end = bytes[k..]
                .iter()
                .position(|&b| !is_markup_space(b))
                .map_or(bytes.len(), |p| k + p);
            if ws_end > k {
                if !self.at_space() {
                    if ws_end - k == 1 && bytes[k] == b' ' {
                        self.verbatim(from + k, " ");
                    } else {
                        self.text.push(' ');
                        self.map.decoded(from + k, ws_end - k, 1);
                    }
                }
                k = ws_end;
                continue;
            }
            let word_end = bytes[k..]
                .iter()
                .position(|&b| is_markup_space(b))
                .map_or(bytes.len(), |p| k + p);
            // Whitespace bytes are ASCII, so both ends are char boundaries.
            self.verbatim(from + k, &run[k..word_end]);
            k = word_end;
        }
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
        let t = self.own_text().trim_end_matches([' ', '\t']);
        t.len() - t.trim_end_matches('\n').len()
    }

    fn block_break(&mut self, at: usize) {
        if self.text.len() == self.start_len {
            return;
        }
        match self.trailing_newlines() {
            0 => self.insert(at, "\n\n"),
            1 => self.insert(at, "\n"),
            _ => {}
        }
    }

    /// A separator where a hidden element stood: a space unless the text
    /// already ends in whitespace.
    fn soft_break(&mut self, at: usize) {
        if !self.at_space() {
            self.insert(at, " ");
        }
    }

    fn line_break(&mut self, at: usize) {
        self.insert(at, "\n");
    }

    fn cell_break(&mut self, at: usize) {
        match self.own_text().as_bytes().last() {
            None | Some(b'\t' | b'\n') => {}
            _ => self.insert(at, "\t"),
        }
    }
}

/// Whitespace in markup (HTML's ASCII whitespace).
fn is_markup_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

struct Tag<'a> {
    /// The name as written (any case).
    name: &'a str,
    closing: bool,
    self_closing: bool,
    hidden: bool,
    /// Offset just past the `>`.
    end: usize,
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| from + p)
}

/// Reads the tag starting at `at` (a `<`); `None` when this `<` does not start
/// a tag (then it is text).
fn parse_tag(html: &str, at: usize) -> Option<Tag<'_>> {
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
    let name = html.get(name_start..i)?;
    let attrs_start = i;
    // Find the closing '>' outside quoted attribute values.
    let mut quote: Option<u8> = None;
    let mut last_non_space = 0u8;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            // Only a quote that opens a value (after '=') starts quoting.
            None if (c == b'"' || c == b'\'') && last_non_space == b'=' => quote = Some(c),
            None if c == b'>' => break,
            None => {}
        }
        if !c.is_ascii_whitespace() {
            last_non_space = c;
        }
        i += 1;
    }
    let attrs = html.get(attrs_start..i.min(b.len()))?;
    let end = (i + 1).min(b.len());
    let self_closing = attrs.trim_end().ends_with('/') || is_void(name.as_bytes());
    let hidden = !closing && is_hidden(attrs);
    Some(Tag {
        name,
        closing,
        self_closing,
        hidden,
        end,
    })
}

/// True when `hay` contains `needle` (given in lowercase), in any case.
fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    let mut from = 0;
    while let Some(p) = memchr::memchr2(first, first.to_ascii_uppercase(), &hay[from..]) {
        let at = from + p;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return true;
        }
        from = at + 1;
    }
    false
}

/// The attributes of a start tag as (name, value) pairs; a bare attribute has
/// an empty value. Values keep their entities (they are only matched).
fn attributes(attrs: &str) -> impl Iterator<Item = (&str, &str)> {
    let b = attrs.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/') {
            i += 1;
        }
        let name = attrs.get(name_start..i).unwrap_or("");
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if b.get(j) != Some(&b'=') {
            return Some((name, ""));
        }
        j += 1;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let (value, next) = match b.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = memchr::memchr(q, &b[j + 1..]).map_or(b.len(), |e| j + 1 + e);
                (attrs.get(j + 1..end).unwrap_or(""), (end + 1).min(b.len()))
            }
            _ => {
                let end = b[j..]
                    .iter()
                    .position(u8::is_ascii_whitespace)
                    .map_or(b.len(), |e| j + e);
                (attrs.get(j..end).unwrap_or(""), end)
            }
        };
        i = next.max(name_start + 1);
        Some((name, value))
    })
}

/// True when a start tag's attributes hide the element: the `hidden`
/// attribute, or an inline style with `display: none` or `mso-hide: all`.
fn is_hidden(attrs: &str) -> bool {
    let b = attrs.as_bytes();
    if b.len() < 6
        || !(contains_ci(b, b"hidden") || contains_ci(b, b"none") || contains_ci(b, b"mso-hide"))
    {
        return false;
    }
    attributes(attrs).any(|(name, value)| {
        if name.eq_ignore_ascii_case("hidden") {
            return true;
        }
        name.eq_ignore_ascii_case("style") && style_hides(value)
    })
}

/// True when an inline style hides its element.
fn style_hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let prop = prop.trim();
        let value = value.trim_start().as_bytes();
        // The keyword alone: `none`, `none !important`, not `nonesuch`.
        let starts = |w: &[u8]| {
            value
                .get(..w.len())
                .is_some_and(|v| v.eq_ignore_ascii_case(w))
                && value
                    .get(w.len())
                    .is_none_or(|&c| c.is_ascii_whitespace() || c == b'!')
        };
        (prop.eq_ignore_ascii_case("display") && starts(b"none"))
            || (prop.eq_ignore_ascii_case("mso-hide") && starts(b"all"))
    })
}

/// Elements whose end tag may be left out: a hidden one ends where the next
/// start tag in `enders` begins (the same name, or what closes it).
fn implicit_enders(name: &[u8]) -> &'static [&'static [u8]] {
    const P: &[&[u8]] = &[
        b"p",
        b"div",
        b"table",
        b"ul",
        b"ol",
        b"dl",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"pre",
        b"blockquote",
        b"hr",
        b"section",
        b"center",
    ];
    const CELL: &[&[u8]] = &[b"td", b"th", b"tr", b"tbody", b"tfoot", b"thead", b"table"];
    const ROW: &[&[u8]] = &[b"tr", b"tbody", b"tfoot", b"thead", b"table"];
    const LI: &[&[u8]] = &[b"li"];
    const DT: &[&[u8]] = &[b"dt", b"dd"];
    const OPTION: &[&[u8]] = &[b"option", b"optgroup"];
    // Body content ends a `<head>` whose end tag is missing.
    const HEAD: &[&[u8]] = &[
        b"body", b"p", b"div", b"table", b"center", b"font", b"pre", b"h1", b"h2", b"h3", b"h4",
        b"h5", b"h6", b"hr", b"br", b"ul", b"ol", b"b", b"i", b"span", b"a", b"img", b"form",
    ];
    const NONE: &[&[u8]] = &[];
    let is = |n: &[u8]| n.eq_ignore_ascii_case(name);
    if is(b"p") {
        P
    } else if is(b"td") || is(b"th") {
        CELL
    } else if is(b"tr") {
        ROW
    } else if is(b"li") {
        LI
    } else if is(b"dt") || is(b"dd") {
        DT
    } else if is(b"option") {
        OPTION
    } else if is(b"head") {
        HEAD
    } else {
        NONE
    }
}

/// End tags that close an element whose end tag may be left out (the end of
/// its parent): a hidden `<td>` ends at `</tr>` at the latest.
fn closing_parents(name: &[u8]) -> &'static [&'static [u8]] {
    let is = |n: &[u8]| n.eq_ignore_ascii_case(name);
    if is(b"td") || is(b"th") {
        &[b"tr", b"table", b"tbody", b"thead", b"tfoot"]
    } else if is(b"tr") {
        &[b"table", b"tbody", b"thead", b"tfoot"]
    } else if is(b"li") {
        &[b"ul", b"ol", b"menu"]
    } else if is(b"p") {
        &[
            b"div",
            b"td",
            b"th",
            b"body",
            b"li",
            b"blockquote",
            b"section",
            b"center",
        ]
    } else if is(b"head") {
        &[b"html"]
    } else {
        &[]
    }
}

/// Skips to the end of element `name` whose start tag ended at `from`,
/// counting nested elements of the same name and stepping over comments and
/// raw-text elements inside it. Raw-text elements end at the first matching
/// end tag. Returns the offset where scanning resumes.
fn skip_element(html: &str, from: usize, name: &str, raw: bool) -> usize {
    let b = html.as_bytes();
    let name_b = name.as_bytes();
    if raw {
        // The first `</name` followed by a delimiter ends it.
        let mut i = from;
        while let Some(p) = memchr::memmem::find(&b[i.min(b.len())..], b"</") {
            let at = i + p;
            let after = at + 2 + name_b.len();
            if b.get(at + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name_b))
                && b.get(after)
                    .is_none_or(|&c| c == b'>' || c == b'/' || c.is_ascii_whitespace())
            {
                return memchr::memchr(b'>', &b[at..]).map_or(b.len(), |e| at + e + 1);
            }
            i = at + 2;
        }
        return b.len();
    }
    let enders = implicit_enders(name_b);
    let parents = closing_parents(name_b);
    let mut depth = 1usize;
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &b[i.min(b.len())..]) {
        let at = i + off;
        if b[at..].starts_with(b"<!--") {
            i = comment_end(b, at);
            continue;
        }
        let Some(tag) = parse_tag(html, at) else {
            i = at + 1;
            continue;
        };
        let tag_name = tag.name.as_bytes();
        if tag_name.eq_ignore_ascii_case(name_b) {
            if tag.closing {
                depth -= 1;
                if depth == 0 {
                    return tag.end;
                }
            } else if !enders.is_empty() && depth == 1 {
                // `<p>` after an open `<p>`: the first one has ended.
                return at;
            } else if !tag.self_closing {
                depth += 1;
            }
            i = tag.end;
            continue;
        }
        if depth == 1 {
            let ends_here = if tag.closing {
                parents.iter().any(|p| p.eq_ignore_ascii_case(tag_name))
            } else {
                enders.iter().any(|p| p.eq_ignore_ascii_case(tag_name))
            };
            if ends_here {
                return at;
            }
        }
        if !tag.closing && !tag.self_closing && classify(tag_name) == Kind::SkippedRaw {
            i = skip_element(html, tag.end, tag.name, true);
            continue;
        }
        i = tag.end;
    }
    b.len()
}

/// Decodes the character reference at `at` (an `&`): the character and the
/// number of source bytes it spans, or `None` when this `&` is text.
///
/// As HTML5 reads references in text: numeric references with or without
/// `;` (128–159 as Windows-1252, 0, surrogates and values past U+10FFFF as
/// U+FFFD); named references with `;`; and the legacy Latin-1 names
/// (`&nbsp`, `&amp`, `&copy`, ...) without it, taking the longest that fits
/// (`&copy2025` is `©2025`).
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
        let mut n: u32 = 0;
        while let Some(&d) = b.get(i) {
            let digit = if hex {
                (d as char).to_digit(16)
            } else {
                (d as char).to_digit(10)
            };
            let Some(digit) = digit else { break };
            n = n
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(digit);
            i += 1;
        }
        if i == start {
            return None;
        }
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
    while i < b.len() && i - start < 32 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == start {
        return None;
    }
    let name = html.get(start..i)?;
    if b.get(i) == Some(&b';') {
        if let Some(c) = named_entity(name) {
            return Some((c, i + 1 - at));
        }
    }
    // Legacy names work without `;`: the longest that starts the run.
    (2..=name.len().min(6)).rev().find_map(|len| {
        let prefix = name.get(..len)?;
        is_legacy(prefix)
            .then(|| named_entity(prefix))
            .flatten()
            .map(|c| (c, 1 + len))
    })
}

/// Whether HTML5 still reads `name` without a `;`: the Latin-1 names and
/// the basics (`amp` `lt` `gt` `quot`, also in capitals, and `COPY` `REG`).
fn is_legacy(name: &str) -> bool {
    LATIN1.contains(&name)
        || matches!(
            name,
            "amp" | "lt" | "gt" | "quot" | "AMP" | "LT" | "GT" | "QUOT" | "COPY" | "REG"
        )
}

/// Latin-1: the names of U+00A0..=U+00FF, in code point order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// The named character references of HTML 4 (Latin-1, symbols and Greek,
/// special characters), which cover what documents use; HTML5's longer
/// list adds mostly mathematical names.
fn named_entity(name: &str) -> Option<char> {
    if let Some(k) = LATIN1.iter().position(|&n| n == name) {
        return char::from_u32(0xA0 + k as u32);
    }
    let cp: u32 = match name {
        "amp" | "AMP" => 0x26,
        "lt" | "LT" => 0x3C,
        "gt" | "GT" => 0x3E,
        "quot" | "QUOT" => 0x22,
        "apos" => 0x27,
        "COPY" => 0xA9,
        "REG" => 0xAE,
        // Special characters.
        "OElig" => 0x152,
        "oelig" => 0x153,
        "Scaron" => 0x160,
        "scaron" => 0x161,
        "Yuml" => 0x178,
        "circ" => 0x2C6,
        "tilde" => 0x2DC,
        "ensp" => 0x2002,
        "emsp" => 0x2003,
        "thinsp" => 0x2009,
        "zwnj" => 0x200C,
        "zwj" => 0x200D,
        "lrm" => 0x200E,
        "rlm" => 0x200F,
        "ndash" => 0x2013,
        "mdash" => 0x2014,
        "lsquo" => 0x2018,
        "rsquo" => 0x2019,
        "sbquo" => 0x201A,
        "ldquo" => 0x201C,
        "rdquo" => 0x201D,
        "bdquo" => 0x201E,
        "dagger" => 0x2020,
        "Dagger" => 0x2021,
        "permil" => 0x2030,
        "lsaquo" => 0x2039,
        "rsaquo" => 0x203A,
        "euro" => 0x20AC,
        // Symbols.
        "fnof" => 0x192,
        "bull" => 0x2022,
        "hellip" => 0x2026,
        "prime" => 0x2032,
        "Prime" => 0x2033,
        "oline" => 0x203E,
        "frasl" => 0x2044,
        "weierp" => 0x2118,
        "image" => 0x2111,
        "real" => 0x211C,
        "trade" => 0x2122,
        "alefsym" => 0x2135,
        "larr" => 0x2190,
        "uarr" => 0x2191,
        "rarr" => 0x2192,
        "darr" => 0x2193,
        "harr" => 0x2194,
        "crarr" => 0x21B5,
        "lArr" => 0x21D0,
        "uArr" => 0x21D1,
        "rArr" => 0x21D2,
        "dArr" => 0x21D3,
        "hArr" => 0x21D4,
        "forall" => 0x2200,
        "part" => 0x2202,
        "exist" => 0x2203,
        "empty" => 0x2205,
        "nabla" => 0x2207,
        "isin" => 0x2208,
        "notin" => 0x2209,
        "ni" => 0x220B,
        "prod" => 0x220F,
        "sum" => 0x2211,
        "minus" => 0x2212,
        "lowast" => 0x2217,
        "radic" => 0x221A,
        "prop" => 0x221D,
        "infin" => 0x221E,
        "ang" => 0x2220,
        "and" => 0x2227,
        "or" => 0x2228,
        "cap" => 0x2229,
        "cup" => 0x222A,
        "int" => 0x222B,
        "there4" => 0x2234,
        "sim" => 0x223C,
        "cong" => 0x2245,
        "asymp" => 0x2248,
        "ne" => 0x2260,
        "equiv" => 0x2261,
        "le" => 0x2264,
        "ge" => 0x2265,
        "sub" => 0x2282,
        "sup" => 0x2283,
        "nsub" => 0x2284,
        "sube" => 0x2286,
        "supe" => 0x2287,
        "oplus" => 0x2295,
        "otimes" => 0x2297,
        "perp" => 0x22A5,
        "sdot" => 0x22C5,
        "lceil" => 0x2308,
        "rceil" => 0x2309,
        "lfloor" => 0x230A,
        "rfloor" => 0x230B,
        "lang" => 0x2329,
        "rang" => 0x232A,
        "loz" => 0x25CA,
        "spades" => 0x2660,
        "clubs" => 0x2663,
        "hearts" => 0x2665,
        "diams" => 0x2666,
        "check" | "checkmark" => 0x2713,
        "cross" => 0x2717,
        "squ" | "square" => 0x25A1,
        "nbhy" => 0x2011,
        "hyphen" | "dash" => 0x2010,
        "numsp" => 0x2007,
        "puncsp" => 0x2008,
        "hairsp" => 0x200A,
        "NonBreakingSpace" => 0xA0,
        "Tab" => 0x09,
        "NewLine" => 0x0A,
        "excl" => 0x21,
        "num" => 0x23,
        "dollar" => 0x24,
        "percnt" => 0x25,
        "lpar" => 0x28,
        "rpar" => 0x29,
        "ast" => 0x2A,
        "plus" => 0x2B,
        "comma" => 0x2C,
        "period" => 0x2E,
        "sol" => 0x2F,
        "colon" => 0x3A,
        "semi" => 0x3B,
        "equals" => 0x3D,
        "quest" => 0x3F,
        "commat" => 0x40,
        "lsqb" | "lbrack" => 0x5B,
        "bsol" => 0x5C,
        "rsqb" | "rbrack" => 0x5D,
        "lowbar" => 0x5F,
        "grave" => 0x60,
        "lcub" | "lbrace" => 0x7B,
        "verbar" | "vert" => 0x7C,
        "rcub" | "rbrace" => 0x7D,
        _ => return greek(name),
    };
    char::from_u32(cp)
}

/// The Greek letters of HTML 4.
fn greek(name: &str) -> Option<char> {
    const UPPER: [&str; 25] = [
        "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa",
        "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi",
        "Chi", "Psi", "Omega",
    ];
    const LOWER: [&str; 25] = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
        "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon",
        "phi", "chi", "psi", "omega",
    ];
    if name.is_empty() {
        return None;
    }
    if let Some(k) = UPPER.iter().position(|&n| n == name) {
        return char::from_u32(0x391 + k as u32);
    }
    if let Some(k) = LOWER.iter().position(|&n| n == name) {
        return char::from_u32(0x3B1 + k as u32);
    }
    match name {
        "thetasym" => Some('\u{3D1}'),
        "upsih" => Some('\u{3D2}'),
        "piv" => Some('\u{3D6}'),
        _ => None,
    }
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
    fn legacy_names_are_known() {
        assert!(
            LATIN1
                .iter()
                .all(|n| is_legacy(n) && named_entity(n).is_some())
        );
        for n in [
            "nbsp", "amp", "copy", "yuml", "times", "QUOT", "LT", "COPY", "REG", "GT",
        ] {
            assert!(is_legacy(n), "{n}");
            assert!(named_entity(n).is_some(), "{n}");
        }
        assert!(!is_legacy("rsquo"));
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
    fn references_as_html5_reads_them() {
        assert_eq!(
            text("&copy2025 &nbspx &notit; &rsquo &amp"),
            "\u{a9}2025 \u{a0}x \u{ac}it; &rsquo &"
        );
        assert_eq!(
            text("&#x2019;&#8217&#150;&#0;&#xD800;&#99999999999;"),
            "\u{2019}\u{2019}\u{2013}\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(text("&#; &#x; & &; AT&T R&D"), "&#; &#x; & &; AT&T R&D");
        assert_eq!(
            text("&alpha;&Omega;&hellip;&euro;"),
            "\u{3b1}\u{3a9}\u{2026}\u{20ac}"
        );
    }

    #[test]
    fn cells_and_blocks_separate_numbers() {
        let t = text(
            "<table><tr><td>2024</td><td>1,234</td></tr><tr><td>5</td></tr></table><p>a<br>b<br/>c</br>d</p>",
        );
        assert!(t.contains("2024\t1,234"), "{t:?}");
        assert!(t.contains("a\nb\nc\nd"), "{t:?}");
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
            "<div style=\"display:none",
            "<script>never closed",
            "<p a='b>c",
            "</",
            "<",
            "&",
        ] {
            let _ = text(s);
        }
        assert_eq!(text("a < b & c").trim(), "a < b & c");
    }

    #[test]
    fn many_comments_stay_linear() {
        let html = "<!-- a -->x".repeat(200_000);
        assert_eq!(text(&html).len(), 200_000);
        assert_eq!(text("a<!-- b --!>c<!-- d -- e -->f"), "acf");
    }

    #[test]
    fn markup_whitespace_collapses() {
        assert_eq!(text("<p>one\ntwo</p>").trim(), "one two");
        assert_eq!(text("<p>  one \r\n\t two  </p>").trim(), "one two");
        assert_eq!(text("<pre>one\ntwo</pre>").trim(), "one\ntwo");
        assert_eq!(
            text("<div>\n  <p>\n a\n </p>\n <p>b</p>\n</div>"),
            "a \n\nb\n\n"
        );
    }
}
