//! The one pseudo-random generator of pidlab: SplitMix64, written out so
//! that a dependency update cannot change a run. The scheduler, the fault
//! plan and `rand` each keep their own state and step it with `next`.

/// Steps `state` and returns the next 64 random bits.
pub fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
