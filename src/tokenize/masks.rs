//! Byte classes of a 64-byte block as bit masks: bit `k` is set when byte `k`
//! is of the class. The stages that read every byte (the word count, the
//! number-word gate, the lexer's words, the sentence splitter's line breaks
//! and full stops) branch on these masks per word or per mark, not per byte.
//!
//! On x86-64 the masks are computed sixteen bytes at a time with SSE2 (part
//! of every x86-64 processor) through `safe_arch`, whose intrinsics need no
//! `unsafe` here; elsewhere the byte loop the tests take as the model gives
//! them (the tests compare the two on every byte value at every position).

/// 64 bytes, one bit each in a `u64`.
pub(crate) type Block = [u8; 64];

/// The 64 bytes of `b` from `at`, bytes past the end as 0 (in no class).
#[inline]
fn block_at(b: &[u8], at: usize) -> Block {
    let mut block = [0u8; 64];
    match b.get(at..at + 64) {
        Some(whole) => block.copy_from_slice(whole),
        None => {
            let rest = b.get(at..).unwrap_or_default();
            block[..rest.len()].copy_from_slice(rest);
        }
    }
    block
}

/// The mask `class` gives the 64 bytes of `b` from `at` (bytes past the end
/// read as 0), read in place unless the block runs past the end.
#[inline]
pub(crate) fn mask_at(b: &[u8], at: usize, class: impl Fn(&Block) -> u64) -> u64 {
    match b.get(at..at + 64).map(<&Block>::try_from) {
        Some(Ok(block)) => class(block),
        _ => class(&block_at(b, at)),
    }
}

/// Finds the bytes a mask marks, moving forward through a text: the mask of
/// the block around the last answer is kept, so a search from near it costs
/// a shift.
pub(crate) struct Scanner<'b, F> {
    bytes: &'b [u8],
    class: F,
    /// Where the block of `mask` starts (`usize::MAX`: none yet).
    at: usize,
    mask: u64,
}

impl<'b, F: Fn(&Block) -> u64> Scanner<'b, F> {
    /// A scanner of `bytes` for the bytes `class` marks.
    pub(crate) fn new(bytes: &'b [u8], class: F) -> Scanner<'b, F> {
        Scanner {
            bytes,
            class,
            at: usize::MAX,
            mask: 0,
        }
    }

    /// The first marked byte at or after `from` and before `end`.
    #[inline]
    pub(crate) fn find(&mut self, from: usize, end: usize) -> Option<usize> {
        let mut k = from;
        while k < end {
            if !(self.at..self.at.saturating_add(64)).contains(&k) {
                self.at = k;
                self.mask = mask_at(self.bytes, k, &self.class);
            }
            let marked = self.mask >> (k - self.at);
            if marked != 0 {
                let p = k + marked.trailing_zeros() as usize;
                return (p < end).then_some(p);
            }
            k = self.at + 64;
        }
        None
    }
}

/// ASCII letters (`u8::is_ascii_alphabetic`).
#[inline]
pub(crate) fn letters(b: &Block) -> u64 {
    imp::letters(b)
}

/// ASCII digits (`u8::is_ascii_digit`).
#[inline]
pub(crate) fn digits(b: &Block) -> u64 {
    imp::digits(b)
}

/// Bytes equal to one of `set`.
#[inline]
pub(crate) fn any_of<const N: usize>(b: &Block, set: [u8; N]) -> u64 {
    imp::any_of(b, set)
}

/// Bytes of non-ASCII characters (0x80 and above).
#[inline]
pub(crate) fn non_ascii(b: &Block) -> u64 {
    imp::non_ascii(b)
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod imp {
    use safe_arch::{
        bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, m128i, min_u8_m128i,
        move_mask_i8_m128i, set_splat_i8_m128i, sub_i8_m128i,
    };

    use super::Block;

    /// The mask of `class` applied to the four 16-byte lanes of `b` (`class`
    /// sets a lane byte's top bit for a byte of the class).
    #[inline(always)]
    fn mask(b: &Block, class: impl Fn(m128i) -> m128i) -> u64 {
        let mut m = 0u64;
        for q in 0..4 {
            let lane: &[u8; 16] = b[16 * q..16 * q + 16].try_into().expect("16 of 64 bytes");
            let bits = move_mask_i8_m128i(class(load_unaligned_m128i(lane)));
            m |= u64::from(bits as u32 & 0xFFFF) << (16 * q);
        }
        m
    }

    /// Lane bytes `x` with `lo <= x <= lo + span` (unsigned).
    #[inline(always)]
    fn within(v: m128i, lo: u8, span: u8) -> m128i {
        let t = sub_i8_m128i(v, set_splat_i8_m128i(lo as i8));
        cmp_eq_mask_i8_m128i(min_u8_m128i(t, set_splat_i8_m128i(span as i8)), t)
    }

    #[inline(always)]
    pub(super) fn letters(b: &Block) -> u64 {
        mask(b, |v| {
            within(bitor_m128i(v, set_splat_i8_m128i(0x20)), b'a', 25)
        })
    }

    #[inline(always)]
    pub(super) fn digits(b: &Block) -> u64 {
        mask(b, |v| within(v, b'0', 9))
    }

    #[inline(always)]
    pub(super) fn any_of<const N: usize>(b: &Block, set: [u8; N]) -> u64 {
        mask(b, |v| {
            set.iter().fold(set_splat_i8_m128i(0), |acc, &x| {
                bitor_m128i(acc, cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(x as i8)))
            })
        })
    }

    #[inline(always)]
    pub(super) fn non_ascii(b: &Block) -> u64 {
        mask(b, |v| v)
    }
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
mod imp {
    pub(super) use super::model::{any_of, digits, letters, non_ascii};
}

/// The masks byte by byte: the portable path, and the tests' model.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
mod model {
    use super::Block;

    fn mask(b: &Block, class: impl Fn(u8) -> bool) -> u64 {
        b.iter()
            .enumerate()
            .fold(0, |m, (k, &x)| m | u64::from(class(x)) << k)
    }

    pub(crate) fn letters(b: &Block) -> u64 {
        mask(b, |x| x.is_ascii_alphabetic())
    }

    pub(crate) fn digits(b: &Block) -> u64 {
        mask(b, |x| x.is_ascii_digit())
    }

    pub(crate) fn any_of<const N: usize>(b: &Block, set: [u8; N]) -> u64 {
        mask(b, |x| set.contains(&x))
    }

    pub(crate) fn non_ascii(b: &Block) -> u64 {
        mask(b, |x| x >= 0x80)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks holding every byte value at every position (and random ones).
    fn blocks() -> Vec<Block> {
        let mut out = Vec::new();
        for shift in 0..64 {
            let mut b = [0u8; 64];
            for (k, x) in b.iter_mut().enumerate() {
                *x = ((k * 4 + shift) % 256) as u8;
            }
            out.push(b);
            for (k, x) in b.iter_mut().enumerate() {
                *x = ((k * 4 + shift + 256 - 64 * 4 + 1) % 256) as u8;
            }
            out.push(b);
        }
        let mut next = crate::testing::picker(0x2545_f491_4f6c_dd1d);
        for _ in 0..2000 {
            out.push(std::array::from_fn(|_| next(256) as u8));
        }
        out
    }

    #[test]
    fn masks_equal_the_byte_model() {
        let all = blocks();
        let mut seen = [false; 256];
        for b in &all {
            for &x in b {
                seen[usize::from(x)] = true;
            }
            assert_eq!(letters(b), model::letters(b), "{b:?}");
            assert_eq!(digits(b), model::digits(b), "{b:?}");
            assert_eq!(non_ascii(b), model::non_ascii(b), "{b:?}");
            let set = [b'.', b',', b'\'', 0x80, 0xFF, 0];
            assert_eq!(any_of(b, set), model::any_of(b, set), "{b:?}");
        }
        assert!(seen.iter().all(|&s| s), "every byte value is tried");
    }

    #[test]
    fn scanners_find_what_a_byte_loop_finds() {
        let mut next = crate::testing::picker(0x0bad_cafe_f00d_d00d);
        for round in 0..300 {
            // Long runs without a marked byte (across blocks) and short ones.
            let len = 1 + next(400);
            let bytes: Vec<u8> = (0..len)
                .map(|_| match next(if round % 2 == 0 { 40 } else { 4 }) {
                    0 => b'.',
                    1 => b' ',
                    2 => [b'9', 0xC3, 0xA9, b'_'][next(4)],
                    _ => b"aZqM"[next(4)],
                })
                .collect();
            let mut dots = Scanner::new(&bytes, |b: &Block| any_of(b, [b'.']));
            let mut non_letters = Scanner::new(&bytes, |b: &Block| !letters(b));
            for _ in 0..50 {
                let end = next(len + 1);
                let from = next(end + 1);
                let model = |f: &dyn Fn(u8) -> bool| (from..end).find(|&k| f(bytes[k]));
                assert_eq!(dots.find(from, end), model(&|x| x == b'.'), "{from}..{end}");
                assert_eq!(
                    non_letters.find(from, end),
                    model(&|x| !x.is_ascii_alphabetic()),
                    "{from}..{end} of {bytes:?}"
                );
            }
        }
    }

    #[test]
    fn blocks_past_the_end_are_zero() {
        let text = b"abc1";
        let b = block_at(text, 2);
        assert_eq!(&b[..2], b"c1");
        assert!(b[2..].iter().all(|&x| x == 0));
        assert_eq!(letters(&b), 1);
        assert_eq!(digits(&b), 2);
        assert_eq!(block_at(text, 9), [0u8; 64]);
        let long: Vec<u8> = (0..200u8).collect();
        for at in [0, 1, 100, 136, 137, 199, 200, 300] {
            assert_eq!(
                mask_at(&long, at, letters),
                letters(&block_at(&long, at)),
                "{at}"
            );
        }
    }
}
