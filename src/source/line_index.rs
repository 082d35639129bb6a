//! Byte offset → 1-based line and column, computed at report time.

/// Line starts of one source, for turning byte offsets into line:column.
///
/// Lines end at `\n` (a `\r` before it belongs to the line). Columns are
/// 1-based and counted in characters: UTF-8 continuation bytes do not count,
/// except in single-byte encodings, where every byte is one character.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    single_byte: bool,
}

impl LineIndex {
    /// Indexes `bytes`; `single_byte` says every byte is one character
    /// (Windows-1252, Latin-1).
    pub fn new(bytes: &[u8], single_byte: bool) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        LineIndex {
            starts,
            single_byte,
        }
    }

    /// The 1-based line and character column of byte `offset` in `bytes`
    /// (the same bytes the index was built from).
    pub fn line_col(&self, bytes: &[u8], offset: usize) -> (usize, usize) {
        let offset = offset.min(bytes.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let seg = &bytes[start..offset];
        let col = if self.single_byte {
            seg.len()
        } else {
            seg.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
        };
        (line, col + 1)
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
}
