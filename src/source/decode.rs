//! Bytes → text, keeping the offset map: UTF-8 (with or without a byte-order
//! mark), UTF-16 with a byte-order mark, and Windows-1252 for the bytes that
//! are not UTF-8 (1990s filings, text saved by old Windows tools).
//!
//! Nothing is lost: every byte either passes through or becomes a character
//! whose span covers it. CRLF line ends are kept as they are.

use std::borrow::Cow;

use super::offset_map::{MapBuilder, OffsetMap};

/// The decoded text of some bytes and how it maps back to them.
#[derive(Clone, Debug)]
pub struct Decoded<'a> {
    /// The text: the input itself when it is UTF-8 (no copy is made of a
    /// file that the next step converts anyway).
    pub text: Cow<'a, str>,
    /// Text offset → byte offset.
    pub map: OffsetMap,
    /// The encoding that was used, for the report.
    pub encoding: String,
}

/// Windows-1252 characters for bytes 0x80..=0x9F (`None`: undefined there).
/// Bytes 0xA0..=0xFF are the Latin-1 characters of the same number.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('\u{20AC}'),
    None,
    Some('\u{201A}'),
    Some('\u{0192}'),
    Some('\u{201E}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02C6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017D}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02DC}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203A}'),
    Some('\u{0153}'),
    None,
    Some('\u{017E}'),
    Some('\u{0178}'),
];

/// The character a single Windows-1252 byte stands for (U+FFFD where the
/// code page leaves it undefined).
pub fn cp1252_char(b: u8) -> char {
    match b {
        0x00..=0x7F => b as char,
        0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize].unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

/// True when the bytes look binary (a NUL byte in the first 8 KiB and no
/// UTF-16 byte-order mark), as git and ripgrep decide it.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

/// The UTF-8 byte-order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// [`decode`] of bytes the caller gives up: the text, and the raw bytes
/// when the text is not them.
#[derive(Clone, Debug)]
pub struct Owned {
    /// The text.
    pub text: String,
    /// The raw bytes; `None` when they are `text`'s own (UTF-8 without a
    /// byte-order mark: the text is the bytes, not a copy of them).
    pub raw: Option<Vec<u8>>,
    /// Text offset → byte offset.
    pub map: OffsetMap,
    /// The encoding that was used, for the report.
    pub encoding: String,
}

/// Decodes `bytes` as [`decode`] does. UTF-8 without a byte-order mark, the
/// common case, becomes the text itself, validated once and not copied.
pub fn decode_owned(bytes: Vec<u8>) -> Owned {
    // Only the UTF-8 byte-order mark need be looked for: a UTF-16 one
    // (0xFF 0xFE, 0xFE 0xFF) is never valid UTF-8, so such bytes fail the
    // check below and go to `decode` anyway.
    let bytes = if bytes.starts_with(UTF8_BOM) {
        bytes
    } else {
        match String::from_utf8(bytes) {
            Ok(text) => {
                return Owned {
                    map: OffsetMap::identity(text.len(), 0),
                    text,
                    raw: None,
                    encoding: "utf-8".into(),
                };
            }
            Err(e) => e.into_bytes(),
        }
    };
    let d = decode(&bytes);
    Owned {
        text: d.text.into_owned(),
        map: d.map,
        encoding: d.encoding,
        raw: Some(bytes),
    }
}

/// Decodes `bytes` into text with its offset map.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        if let Ok(text) = std::str::from_utf8(rest) {
            return Decoded {
                text: Cow::Borrowed(text),
                map: OffsetMap::identity(text.len(), 3),
                encoding: "utf-8 (with byte-order mark)".into(),
            };
        }
        let mut d = decode_mixed(rest, 3);
        d.encoding = format!("{} (with byte-order mark)", d.encoding);
        return d;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return decode_utf16(bytes, true);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return decode_utf16(bytes, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            map: OffsetMap::identity(text.len(), 0),
            encoding: "utf-8".into(),
        },
        Err(_) => decode_mixed(bytes, 0),
    }
}

/// UTF-8 where valid; every byte that is not part of valid UTF-8 is read as
/// Windows-1252.
fn decode_mixed(bytes: &[u8], base: usize) -> Decoded<'static> {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut b = MapBuilder::new();
    let mut pos = base;
    let mut invalid = 0usize;
    let mut multibyte = 0usize;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        if !valid.is_empty() {
            multibyte += valid.bytes().filter(|&c| c >= 0xC0).count();
            text.push_str(valid);
            b.verbatim(pos, valid.len());
            pos += valid.len();
        }
        for &byte in chunk.invalid() {
            let c = cp1252_char(byte);
            text.push(c);
            b.decoded(pos, 1, c.len_utf8());
            pos += 1;
            invalid += 1;
        }
    }
    let encoding = if multibyte == 0 {
        "windows-1252".to_string()
    } else {
        format!("utf-8 ({invalid} invalid bytes read as windows-1252)")
    };
    Decoded {
        text: Cow::Owned(text),
        map: b.finish_map(base + bytes.len()),
        encoding,
    }
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> Decoded<'static> {
    let body = &bytes[2..];
    let units = body.chunks(2).map(|c| {
        let (a, b) = (c[0], *c.get(1).unwrap_or(&0));
        if little_endian {
            u16::from_le_bytes([a, b])
        } else {
            u16::from_be_bytes([a, b])
        }
    });
    let mut text = String::with_capacity(body.len() / 2);
    let mut b = MapBuilder::new();
    let mut pos = 2usize;
    for r in char::decode_utf16(units) {
        let (c, width) = match r {
            Ok(c) => (c, c.len_utf16() * 2),
            Err(_) => ('\u{FFFD}', 2),
        };
        let width = width.min(bytes.len() - pos);
        text.push(c);
        b.decoded(pos, width, c.len_utf8());
        pos += width;
    }
    let name = if little_endian {
        "utf-16le"
    } else {
        "utf-16be"
    };
    Decoded {
        text: Cow::Owned(text),
        map: b.finish_map(bytes.len()),
        encoding: name.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn bom_is_skipped_and_spans_count_it() {
        let d = decode(b"\xEF\xBB\xBF$9 billion\r\n");
        assert_eq!(d.text, "$9 billion\r\n");
        assert_eq!(d.map.to_source(Span::new(0, 10)), Span::new(3, 13));
    }

    #[test]
    fn windows_1252_keeps_offsets() {
        let bytes = b"it\x92s \x93$9\x94 caf\xe9";
        let d = decode(bytes);
        assert_eq!(d.text, "it\u{2019}s \u{201C}$9\u{201D} caf\u{e9}");
        assert_eq!(d.encoding, "windows-1252");
        let at = d.text.find('$').unwrap_or(0);
        let s = d.map.to_source(Span::new(at, at + 2));
        assert_eq!(&bytes[s.start..s.end], b"$9");
        let q = d.text.find('\u{2019}').unwrap_or(0);
        assert_eq!(d.map.to_source(Span::new(q, q + 3)), Span::new(2, 3));
    }

    #[test]
    fn mixed_utf8_and_stray_bytes() {
        let bytes = "é ".bytes().chain([0x96, b' ', b'x']).collect::<Vec<_>>();
        let d = decode(&bytes);
        assert_eq!(d.text, "é \u{2013} x");
        assert!(d.encoding.starts_with("utf-8 (1 invalid"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "$9 bn".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(&bytes);
        assert_eq!(d.text, "$9 bn");
        assert_eq!(d.map.to_source(Span::new(0, 2)), Span::new(2, 6));
        assert!(!looks_binary(&bytes));
    }

    #[test]
    fn nul_means_binary() {
        assert!(looks_binary(b"PK\x03\x04\x00\x00"));
        assert!(!looks_binary(b"plain text"));
    }
}
