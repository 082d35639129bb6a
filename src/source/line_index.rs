//! Byte offset → 1-based line and column, computed at report time.
//!
//! Inline-XBRL filings often hold a whole 10-K on one line of several
//! megabytes, so a column is never counted from the line start: the index
//! keeps the number of characters before every [`BLOCK`]-byte boundary, and a
//! lookup counts at most one block.

/// Bytes between character-count checkpoints.
const BLOCK: usize = 512;

/// Line starts of one source, for turning byte offsets into line:column.
///
/// Lines end at `\n` (a `\r` before it belongs to the line). Columns are
/// 1-based and counted in characters: UTF-8 continuation bytes do not count,
/// except in single-byte encodings, where every byte is one character.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    single_byte: bool,
    /// Characters before byte `k * BLOCK`, for every block start (UTF-8 only).
    chars_before_block: Vec<usize>,
}

/// Where the last [`LineIndex::line_col_near`] lookup landed.
#[derive(Clone, Copy, Debug, Default)]
pub struct LineHint {
    offset: usize,
    /// 1-based; 0 before the first lookup.
    line: usize,
    /// 0-based, in characters.
    column: usize,
}

fn char_starts(bytes: &[u8]) -> usize {
    // Continuation bytes are 0x80..=0xBF, as i8 below -0x40; a sum of
    // comparisons the compiler vectorises, in 16-bit lanes (eight to a
    // vector, not two as in a sum of `usize`) over pieces too short to
    // overflow them.
    bytes
        .chunks(u16::MAX as usize)
        .map(|piece| {
            let n = piece
                .iter()
                .fold(0u16, |n, &b| n + u16::from((b as i8) >= -0x40));
            usize::from(n)
        })
        .sum()
}

impl LineIndex {
    /// Indexes `bytes`; `single_byte` says every byte is one character
    /// (Windows-1252, Latin-1).
    pub fn new(bytes: &[u8], single_byte: bool) -> LineIndex {
        // Counted first (a vectorised count), so the list is allocated once.
        let lines = memchr::memchr_iter(b'\n', bytes).count();
        let mut starts = Vec::with_capacity(lines + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let mut chars_before_block = Vec::new();
        if !single_byte {
            chars_before_block.reserve(bytes.len() / BLOCK + 1);
            let mut total = 0;
            for block in bytes.chunks(BLOCK) {
                chars_before_block.push(total);
                total += char_starts(block);
            }
        }
        LineIndex {
            starts,
            single_byte,
            chars_before_block,
        }
    }

    /// Characters in `bytes[..offset]` (UTF-8 indexes only).
    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        let block = offset / BLOCK;
        let before = self.chars_before_block.get(block).copied().unwrap_or(0);
        before + char_starts(&bytes[block * BLOCK..offset])
    }

    /// The 1-based line and character column of byte `offset` in `bytes`
    /// (the same bytes the index was built from).
    pub fn line_col(&self, bytes: &[u8], offset: usize) -> (usize, usize) {
        let offset = offset.min(bytes.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        (line, self.column(bytes, line, offset) + 1)
    }

    /// [`LineIndex::line_col`] with a hint, kept from one call to the next
    /// (start it with `LineHint::default()`): the same answer, found faster
    /// for offsets in order. A column is counted on from the last offset's
    /// when both are on one line, instead of from the line start (or the
    /// nearest checkpoint), and the line is sought from the last one.
    pub fn line_col_near(
        &self,
        bytes: &[u8],
        offset: usize,
        hint: &mut LineHint,
    ) -> (usize, usize) {
        let offset = offset.min(bytes.len());
        let same_line = hint.line > 0
            && hint.offset <= offset
            && self.starts.get(hint.line).is_none_or(|&next| next > offset);
        let (line, col) = if same_line && !self.single_byte && offset - hint.offset <= BLOCK {
            (
                hint.line,
                hint.column + char_starts(&bytes[hint.offset..offset]),
            )
        } else if hint.line > 0 && hint.offset <= offset {
            let from = hint.line - 1;
            let line = from + self.starts[from..].partition_point(|&s| s <= offset);
            (line, self.column(bytes, line, offset))
        } else {
            let line = self.starts.partition_point(|&s| s <= offset).max(1);
            (line, self.column(bytes, line, offset))
        };
        *hint = LineHint {
            offset,
            line,
            column: col,
        };
        (line, col + 1)
    }

    /// The 0-based character column of `offset` on 1-based line `line`.
    fn column(&self, bytes: &[u8], line: usize, offset: usize) -> usize {
        let start = self.starts[line - 1];
        if self.single_byte {
            offset - start
        } else if offset - start <= BLOCK {
            char_starts(&bytes[start..offset])
        } else {
            self.chars_before(bytes, offset) - self.chars_before(bytes, start)
        }
    }

    /// The byte range of 1-based line `line`, without its line break.
    pub fn line_range(&self, bytes: &[u8], line: usize) -> std::ops::Range<usize> {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(bytes.len());
        let mut end = self.starts.get(line).map(|&s| s - 1).unwrap_or(bytes.len());
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end.max(start)
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_character_columns() {
        let b = "ab\r\ncé$9\nx".as_bytes();
        let idx = LineIndex::new(b, false);
        assert_eq!(idx.line_col(b, 0), (1, 1));
        assert_eq!(idx.line_col(b, 4), (2, 1));
        let dollar = b.iter().position(|&c| c == b'$').unwrap_or(0);
        assert_eq!(idx.line_col(b, dollar), (2, 3));
        assert_eq!(idx.line_col(b, b.len()), (3, 2));
        assert_eq!(&b[idx.line_range(b, 1)], b"ab");
        assert_eq!(idx.line_count(), 3);
    }

    #[test]
    fn characters_are_counted_in_pieces_of_any_length() {
        for (piece, n) in [
            ("a", 70_000),
            ("é", 70_000),
            ("日", 30_000),
            ("a日é😀", 20_000),
        ] {
            let s = piece.repeat(n);
            let b = s.as_bytes();
            assert_eq!(char_starts(b), s.chars().count(), "{piece:?}");
            for from in [1, 2, 3, 65_535, 65_536] {
                let model = b[from..].iter().filter(|&&x| (x as i8) >= -0x40).count();
                assert_eq!(char_starts(&b[from..]), model, "{piece:?} from {from}");
            }
        }
    }

    #[test]
    fn long_lines_count_columns_through_checkpoints() {
        // One line of 3.5 blocks of two-byte characters, then a short line.
        let mut s = "é".repeat(BLOCK * 7 / 4);
        s.push_str("$9\nnext");
        let b = s.as_bytes();
        let idx = LineIndex::new(b, false);
        let dollar = s.find('$').unwrap_or(0);
        assert_eq!(idx.line_col(b, dollar), (1, BLOCK * 7 / 4 + 1));
        assert_eq!(idx.line_col(b, dollar + 3), (2, 1));
        // Starting mid-file: a line that begins inside a block.
        let mut t = "x\n".to_string();
        t.push_str(&"é".repeat(BLOCK * 2));
        t.push('!');
        let b = t.as_bytes();
        let idx = LineIndex::new(b, false);
        assert_eq!(idx.line_col(b, t.len() - 1), (2, BLOCK * 2 + 1));
    }

    #[test]
    fn lookups_near_a_hint_are_the_lookups_without_one() {
        let mut next = crate::testing::picker(0x9e37_79b9_7f4a_7c15);
        let pieces = [
            "a",
            "bc ",
            "é",
            "€",
            "\n",
            "\r\n",
            "x".repeat(BLOCK / 3).leak(),
            "é".repeat(BLOCK / 2).leak(),
        ];
        for single_byte in [false, true] {
            for _ in 0..100 {
                let text = crate::testing::soup(&mut next, &pieces, 40);
                let b = text.as_bytes();
                let idx = LineIndex::new(b, single_byte);
                let mut hint = LineHint::default();
                let mut at = 0;
                for k in 0..200 {
                    // Mostly forward, sometimes back, sometimes past the end.
                    at = if k % 9 == 8 {
                        next(b.len() + 3)
                    } else {
                        (at + next(BLOCK * 3 / 2)).min(b.len() + 1)
                    };
                    assert_eq!(
                        idx.line_col_near(b, at, &mut hint),
                        idx.line_col(b, at),
                        "{at}"
                    );
                }
            }
        }
    }
}
