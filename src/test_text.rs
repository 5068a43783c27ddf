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
            // The length is drawn from the generator too: taken from a state left as it was,
            // an empty string would be followed by nothing but empty strings.
            let len = next() % most;
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            }
            text
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn strings_of_every_length_keep_coming() {
        let texts = super::generated(&["a", "b"], 1000, 4);
        for len in 0..4 {
            assert!(texts[900..].iter().any(|t| t.len() == len), "{len}");
        }
    }
}
