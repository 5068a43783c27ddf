//! Text for property tests: strings put together from a few pieces by a small deterministic
//! generator, so a rule written two ways can be compared over many inputs.

/// `count` strings of up to `most - 1` of the `pieces` each, picked by a xorshift generator
/// (the same strings on every run).
pub(crate) fn generated(pieces: &[&str], count: usize, most: u64) -> Vec<String> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    (0..count)
        .map(|_| {
            let mut next = || {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state
            };
            // The length drawn too, so that an empty string is not followed by only empty
            // strings (the state would stay as it was).
            let mut text = String::new();
            for _ in 0..(next() % most) {
                text.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            }
            text
        })
        .collect()
}
