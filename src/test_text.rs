//! Text for property tests: strings put together from a few pieces by a small deterministic
//! generator, so a rule written two ways can be compared over many inputs.

/// `count` strings of up to `most - 1` of the `pieces` each, picked by a xorshift generator
/// (the same strings on every run).
pub(crate) fn generated(pieces: &[&str], count: usize, most: u64) -> Vec<String> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut step = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            // The length is drawn too: drawn from a state that only the pieces moved, an
            // empty string would leave the state as it was, and every string after it empty.
            let mut text = String::new();
            for _ in 0..(step() % most) {
                text.push_str(pieces[(step() % pieces.len() as u64) as usize]);
            }
            text
        })
        .collect()
}
