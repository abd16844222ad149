//! The hash sets and maps of the loader and the filter index, which hash every event's id and
//! every actor, tag and place it names: with foldhash's fast hash instead of the standard
//! library's SipHash, and sized for the dataset up front.
//!
//! SipHash defends a server against inputs chosen to collide; in the browser it has no key to
//! defend with (wasm32-unknown-unknown has no random source, so its keys are fixed), and at
//! 100,000 events it and the tables' growth cost tens of milliseconds of loading. The fixed
//! seed keeps the tables' order the same from run to run.

use std::collections::{HashMap, HashSet};

/// How the tables hash: foldhash with a fixed seed.
pub type FastHasherState = foldhash::fast::FixedState;

/// A hash set with foldhash.
pub type FastSet<T> = HashSet<T, FastHasherState>;

/// A hash map with foldhash.
pub type FastMap<K, V> = HashMap<K, V, FastHasherState>;

/// An empty set with room for `n` items.
pub fn set_with_capacity<T>(n: usize) -> FastSet<T> {
    FastSet::with_capacity_and_hasher(n, FastHasherState::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    fn hash(s: &str) -> u64 {
        FastHasherState::default().hash_one(s)
    }

    #[test]
    fn ids_that_differ_anywhere_hash_apart() {
        let ids = [
            "",
            "a",
            "a\0",
            "ab",
            "ba",
            "vance-charter-2026",
            "vance-charter-2025",
            "vance-charter-2026-",
            "12345678",
            "123456789",
            "12345678\0",
        ];
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                assert_ne!(hash(a), hash(b), "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn a_set_of_generated_ids_finds_each_once_and_nothing_else() {
        let ids: Vec<String> = (0..20_000).map(|i| format!("event-{i}")).collect();
        let mut set = set_with_capacity(ids.len());
        assert!(ids.iter().all(|id| set.insert(id.as_str())));
        assert!(ids.iter().all(|id| !set.insert(id.as_str())));
        assert!(!set.contains("event-20000") && !set.contains("event-") && set.len() == 20_000);
        let mut low_bits = FastSet::default();
        for id in &ids {
            low_bits.insert(hash(id) & 0xffff);
        }
        // Spread over the table's buckets as a random hash would be: 20,000 random values
        // have about 17,200 distinct low 16 bits.
        assert!(low_bits.len() > 16_500, "{}", low_bits.len());
    }
}
