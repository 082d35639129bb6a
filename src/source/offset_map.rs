//! The map from bytes of the decoded text back to bytes of the original input.
//!
//! The text is built as a sequence of segments. A *verbatim* segment is a run
//! of text bytes copied one for one from the source; any other segment is text
//! that stands for a source range of another length (a decoded entity, a
//! Windows-1252 byte turned into UTF-8, a line break standing for a `<p>` tag).
//! Clean UTF-8 input is one verbatim segment: the map is the identity.

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    /// First text byte of the segment.
    text: usize,
    /// Number of text bytes.
    text_len: usize,
    /// First source byte the segment stands for.
    src: usize,
    /// Number of source bytes it stands for.
    src_len: usize,
    /// Text bytes equal the source bytes one for one.
    verbatim: bool,
}

impl Segment {
    /// The segment's text ends at or before text offset `t`: it comes
    /// before the segment holding `t`.
    fn ends_by(&self, t: usize) -> bool {
        self.text + self.text_len <= t
    }
}

/// Maps text offsets to source offsets. Built with [`MapBuilder`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    text_len: usize,
    src_len: usize,
}

impl OffsetMap {
    /// The identity map over `len` bytes, shifted by `src_offset` (a skipped
    /// byte-order mark, for instance).
    pub fn identity(len: usize, src_offset: usize) -> OffsetMap {
        let mut b = MapBuilder::new();
        b.verbatim(src_offset, len);
        b.finish_map(src_offset + len)
    }

    /// True when text offsets equal source offsets everywhere.
    pub fn is_identity(&self) -> bool {
        self.segments.iter().all(|s| s.verbatim && s.text == s.src)
    }

    fn find(&self, t: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.ends_by(t));
        self.segments.get(i)
    }

    /// [`OffsetMap::find`] starting from segment `hint` (the one found last):
    /// the same segment, found in a few steps when `t` is at or a little
    /// after the last offset looked up, as it is for findings in text order.
    /// `hint` becomes the index found.
    fn find_near(&self, t: usize, hint: &mut usize) -> Option<&Segment> {
        let before = |i: usize| self.segments[i].ends_by(t);
        let n = self.segments.len();
        let h = (*hint).min(n);
        let i = if h < n && before(h) {
            // Gallop forward: the answer is after `h`.
            let (mut lo, mut step) = (h + 1, 1);
            let hi = loop {
                let probe = lo + step - 1;
                if probe >= n {
                    break n;
                }
                if !before(probe) {
                    break probe;
                }
                lo = probe + 1;
                step *= 2;
            };
            lo + self.segments[lo..hi].partition_point(|s| s.ends_by(t))
        } else if h == 0 || before(h - 1) {
            h
        } else {
            self.segments[..h].partition_point(|s| s.ends_by(t))
        };
        *hint = i;
        self.segments.get(i)
    }

    /// The source offset where text byte `t` begins (for `t` at the end of the
    /// text: the end of the source).
    pub fn start_of(&self, t: usize) -> usize {
        self.start_in(self.find(t), t)
    }

    fn start_in(&self, segment: Option<&Segment>, t: usize) -> usize {
        match segment {
            Some(s) if s.verbatim => s.src + (t - s.text),
            Some(s) => s.src,
            None => self.src_len,
        }
    }

    /// The source offset one past the source bytes of text byte `t`.
    pub fn end_of(&self, t: usize) -> usize {
        self.end_in(self.find(t), t)
    }

    fn end_in(&self, segment: Option<&Segment>, t: usize) -> usize {
        match segment {
            Some(s) if s.verbatim => s.src + (t - s.text) + 1,
            Some(s) => s.src + s.src_len,
            None => self.src_len,
        }
    }

    /// Maps a half-open text span to the half-open source span it came from.
    pub fn to_source(&self, span: Span) -> Span {
        if span.is_empty() {
            let p = self.start_of(span.start);
            return Span::new(p, p);
        }
        Span::new(self.start_of(span.start), self.end_of(span.end - 1))
    }

    /// [`OffsetMap::to_source`] with a hint, kept from one call to the next
    /// (start it at 0): the same span, found faster for spans in text order.
    pub fn to_source_near(&self, span: Span, hint: &mut usize) -> Span {
        let start = self.start_in(self.find_near(span.start, hint), span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let end = self.end_in(self.find_near(span.end - 1, hint), span.end - 1);
        Span::new(start, end)
    }

    /// Number of text bytes the map covers.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    /// The map of the text bytes in `range` alone, as a map of its own (its
    /// text offset 0 is `range.start` here); `src_len` is where its source
    /// ends (the end of an EDGAR part's bytes, say). Source offsets stay as
    /// they are. `range` should start and end between segments or inside
    /// verbatim ones, as it does at the boundaries of appended documents.
    pub fn slice(&self, range: std::ops::Range<usize>, src_len: usize) -> OffsetMap {
        let mut b = MapBuilder::new();
        let first = self
            .segments
            .partition_point(|s| s.text + s.text_len <= range.start);
        for s in &self.segments[first..] {
            if s.text >= range.end {
                break;
            }
            let lo = s.text.max(range.start);
            let hi = (s.text + s.text_len).min(range.end);
            if s.verbatim {
                b.verbatim(s.src + (lo - s.text), hi - lo);
            } else {
                b.decoded(s.src, s.src_len, hi - lo);
            }
        }
        b.finish_map(src_len)
    }

    /// Chains two maps: `self` maps text to an intermediate text, `inner`
    /// maps that intermediate text to the source bytes.
    pub fn compose(&self, inner: &OffsetMap) -> OffsetMap {
        if inner.is_identity() && inner.src_len == self.src_len {
            return self.clone();
        }
        let mut b = MapBuilder::new();
        for s in &self.segments {
            if s.verbatim {
                // Split where the inner map changes segment.
                let mut t = s.src;
                let end = s.src + s.src_len;
                while t < end {
                    let Some(inner_seg) = inner.find(t) else {
                        break;
                    };
                    let run_end = (inner_seg.text + inner_seg.text_len).min(end);
                    if inner_seg.verbatim {
                        b.verbatim(inner_seg.src + (t - inner_seg.text), run_end - t);
                    } else {
                        let lo = inner.start_of(t);
                        let hi = inner.end_of(run_end - 1);
                        b.decoded(lo, hi - lo, run_end - t);
                    }
                    t = run_end;
                }
            } else if s.src_len == 0 {
                b.decoded(inner.start_of(s.src), 0, s.text_len);
            } else {
                let lo = inner.start_of(s.src);
                let hi = inner.end_of(s.src + s.src_len - 1);
                b.decoded(lo, hi - lo, s.text_len);
            }
        }
        b.finish_map(inner.src_len)
    }
}

/// Builds a text and its [`OffsetMap`] together, segment by segment.
#[derive(Debug, Default)]
pub struct MapBuilder {
    segments: Vec<Segment>,
    text_len: usize,
}

impl MapBuilder {
    /// An empty builder.
    pub fn new() -> MapBuilder {
        MapBuilder::default()
    }

    /// Records `len` text bytes copied verbatim from source offset `src`.
    pub fn verbatim(&mut self, src: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.segments.last_mut() {
            if last.verbatim && last.src + last.src_len == src {
                last.text_len += len;
                last.src_len += len;
                self.text_len += len;
                return;
            }
        }
        self.segments.push(Segment {
            text: self.text_len,
            text_len: len,
            src,
            src_len: len,
            verbatim: true,
        });
        self.text_len += len;
    }

    /// Records `text_len` text bytes standing for `src_len` source bytes at
    /// `src` (`src_len` may be 0 for inserted separators).
    pub fn decoded(&mut self, src: usize, src_len: usize, text_len: usize) {
        if text_len == 0 {
            return;
        }
        self.segments.push(Segment {
            text: self.text_len,
            text_len,
            src,
            src_len,
            verbatim: false,
        });
        self.text_len += text_len;
    }

    /// Text bytes recorded so far.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    /// Finishes the map; `src_len` is the length of the whole source.
    pub fn finish_map(self, src_len: usize) -> OffsetMap {
        OffsetMap {
            segments: self.segments,
            text_len: self.text_len,
            src_len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_with_offset() {
        let m = OffsetMap::identity(10, 3);
        assert_eq!(m.to_source(Span::new(0, 4)), Span::new(3, 7));
        assert_eq!(m.to_source(Span::new(10, 10)), Span::new(13, 13));
    }

    #[test]
    fn decoded_segments_cover_their_source() {
        // text "A&B" from source "A&amp;B"
        let mut b = MapBuilder::new();
        b.verbatim(0, 1);
        b.decoded(1, 5, 1);
        b.verbatim(6, 1);
        let m = b.finish_map(7);
        assert_eq!(m.to_source(Span::new(0, 3)), Span::new(0, 7));
        assert_eq!(m.to_source(Span::new(1, 2)), Span::new(1, 6));
        assert_eq!(m.to_source(Span::new(2, 3)), Span::new(6, 7));
    }

    #[test]
    fn slice_rebases_text_offsets() {
        // text "ab\n\ncd" from source "ab<p>cd": "\n\n" stands for "<p>"
        let mut b = MapBuilder::new();
        b.verbatim(0, 2);
        b.decoded(2, 3, 2);
        b.verbatim(5, 2);
        let m = b.finish_map(7);
        let tail = m.slice(4..6, 7);
        assert_eq!(tail.text_len(), 2);
        assert_eq!(tail.to_source(Span::new(0, 2)), Span::new(5, 7));
        let mid = m.slice(1..5, 6);
        assert_eq!(mid.to_source(Span::new(0, 1)), Span::new(1, 2));
        assert_eq!(mid.to_source(Span::new(1, 3)), Span::new(2, 5));
        assert_eq!(mid.to_source(Span::new(3, 4)), Span::new(5, 6));
        assert_eq!(mid.to_source(Span::new(4, 4)), Span::new(6, 6));
    }

    #[test]
    fn compose_follows_both_maps() {
        // source: BOM + "ab&amp;c" -> inner text "ab&amp;c" (identity +3) -> outer "ab&c"
        let inner = OffsetMap::identity(8, 3);
        let mut b = MapBuilder::new();
        b.verbatim(0, 2);
        b.decoded(2, 5, 1);
        b.verbatim(7, 1);
        let outer = b.finish_map(8);
        let m = outer.compose(&inner);
        assert_eq!(m.to_source(Span::new(0, 1)), Span::new(3, 4));
        assert_eq!(m.to_source(Span::new(2, 3)), Span::new(5, 10));
        assert_eq!(m.to_source(Span::new(3, 4)), Span::new(10, 11));
    }

    #[test]
    fn lookups_near_a_hint_are_the_lookups_without_one() {
        let mut next = crate::testing::picker(0x2545_f491_4f6c_dd1d);
        for _ in 0..200 {
            let mut b = MapBuilder::new();
            let mut src = next(3);
            for _ in 0..next(40) {
                let len = next(6);
                if next(2) == 0 {
                    b.verbatim(src, len);
                    src += len + next(3);
                } else {
                    let src_len = next(5);
                    b.decoded(src, src_len, len);
                    src += src_len;
                }
            }
            let map = b.finish_map(src + next(4));
            let mut hint = 0;
            let mut at = 0;
            for k in 0..300 {
                // Mostly forward, as findings in text order are (near or over
                // many segments), sometimes back, sometimes past the end.
                at = if k % 7 == 6 {
                    next(map.text_len() + 2)
                } else {
                    (at + next(if k % 3 == 0 { 40 } else { 3 })).min(map.text_len() + 2)
                };
                let start = at;
                let span = Span::new(start, start + next(4));
                assert_eq!(
                    map.to_source_near(span, &mut hint),
                    map.to_source(span),
                    "{span:?}"
                );
            }
        }
    }
}
