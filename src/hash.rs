//! FNV-1a, 64 bits: the one hash claimlens writes into its outputs (baseline
//! fingerprints, `stream --shard`). Small, defined by its reference (the FNV
//! test suite), and the same on every version, platform and language, so a
//! Python or Scala job can compute it too. Not a defence against forged
//! collisions.

/// FNV-1a, 64 bits, of `bytes`: offset basis `0xcbf29ce484222325`, prime
/// `0x100000001b3`; for each byte, XOR it in, then multiply (wrapping).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_reference_values() {
        // From the FNV reference test suite.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
