//! A question's words by their numbers in the build's vocabulary ([`WordNumbers`]), kept for
//! every question for the whole build and in every build cache entry: two bytes a number while
//! every number is below 65,536 (the vocabulary of nearly every site), else four.

/// Word numbers, in order: each two bytes when all fit, else four.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordNumbers {
    Short(Box<[u16]>),
    Long(Box<[u32]>),
}

impl Default for WordNumbers {
    fn default() -> Self {
        WordNumbers::Short(Box::default())
    }
}

impl WordNumbers {
    pub fn len(&self) -> usize {
        match self {
            WordNumbers::Short(n) => n.len(),
            WordNumbers::Long(n) => n.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The numbers, in order.
    pub fn iter(&self) -> Iter<'_> {
        match self {
            WordNumbers::Short(n) => Iter::Short(n.iter()),
            WordNumbers::Long(n) => Iter::Long(n.iter()),
        }
    }

    /// The numbers as a list of four-byte numbers (tests, mostly).
    pub fn to_vec(&self) -> Vec<u32> {
        self.iter().collect()
    }

    /// The numbers in `bytes`, `width` bytes each (2 or 4), little-endian.
    pub fn from_le_bytes(bytes: &[u8], width: usize) -> WordNumbers {
        match width {
            2 => WordNumbers::Short(
                bytes
                    .as_chunks()
                    .0
                    .iter()
                    .map(|b| u16::from_le_bytes(*b))
                    .collect(),
            ),
            _ => WordNumbers::from(
                (bytes.as_chunks().0.iter())
                    .map(|b| u32::from_le_bytes(*b))
                    .collect::<Vec<u32>>(),
            ),
        }
    }
}

impl From<Vec<u32>> for WordNumbers {
    fn from(numbers: Vec<u32>) -> WordNumbers {
        match numbers.iter().all(|&n| n <= u32::from(u16::MAX)) {
            true => WordNumbers::Short(numbers.iter().map(|&n| n as u16).collect()),
            false => WordNumbers::Long(numbers.into_boxed_slice()),
        }
    }
}

impl FromIterator<u32> for WordNumbers {
    fn from_iter<I: IntoIterator<Item = u32>>(numbers: I) -> WordNumbers {
        WordNumbers::from(numbers.into_iter().collect::<Vec<u32>>())
    }
}

/// The numbers of a [`WordNumbers`], in order.
pub enum Iter<'a> {
    Short(std::slice::Iter<'a, u16>),
    Long(std::slice::Iter<'a, u32>),
}

impl Iterator for Iter<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        match self {
            Iter::Short(i) => i.next().map(|&n| u32::from(n)),
            Iter::Long(i) => i.next().copied(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Iter::Short(i) => i.size_hint(),
            Iter::Long(i) => i.size_hint(),
        }
    }
}

impl ExactSizeIterator for Iter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_two_bytes_while_all_fit_and_read_back_the_same_either_way() {
        let small = WordNumbers::from(vec![3, 65_535, 0]);
        assert!(matches!(small, WordNumbers::Short(_)));
        assert_eq!(small.to_vec(), [3, 65_535, 0]);
        let large = WordNumbers::from(vec![3, 65_536, 0]);
        assert!(matches!(large, WordNumbers::Long(_)));
        assert_eq!(large.to_vec(), [3, 65_536, 0]);
        assert_eq!((small.len(), large.iter().len()), (3, 3));
        let bytes: Vec<u8> = [7u16, 65_535]
            .iter()
            .flat_map(|n| n.to_le_bytes())
            .collect();
        assert_eq!(WordNumbers::from_le_bytes(&bytes, 2).to_vec(), [7, 65_535]);
        let bytes: Vec<u8> = [7u32, 70_000]
            .iter()
            .flat_map(|n| n.to_le_bytes())
            .collect();
        assert_eq!(WordNumbers::from_le_bytes(&bytes, 4).to_vec(), [7, 70_000]);
        assert!(WordNumbers::default().is_empty());
    }
}
