//! Text for property tests: strings put together from a few pieces by a small deterministic
//! generator, so a rule written two ways can be compared over many inputs.

/// `count` strings of up to `most - 1` of the `pieces` each, picked by a xorshift generator
/// (the same strings on every run).
pub(crate) fn generated(pieces: &[&str], count: usize, most: u64) -> Vec<String> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            // The length is drawn too, so that no string's last piece decides the next one's
            // length (when the state once landed on a multiple of `most`, every later string
            // came out empty).
            let len = next() % most;
            (0..len)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn strings_come_in_every_length_up_to_the_most() {
        let texts = super::generated(&["a"], 1000, 9);
        for len in 0..9 {
            let n = texts.iter().filter(|t| t.len() == len).count();
            assert!(n > 50, "{n} strings of {len} pieces");
        }
    }
}
