//! Sorting with as little sorting code in the bundle as possible.
//!
//! Every call of a standard sort with its own comparison compiles to its own copy of the sort
//! (2-3.5 KB of wasm each). The core's sorts go through the two functions here instead: index
//! permutations share one copy of the standard unstable sort, and lists that are in order
//! already (bar the odd tie) use a few lines of insertion sort.

use std::cmp::Ordering;

/// Sorts indices (or other `u32`s) by `cmp`. Not stable: give `cmp` a total order.
pub fn sort_indices(v: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    v.sort_unstable_by(|&a, &b| cmp(a, b));
}

/// Stable insertion sort by `key`: linear on sorted input, quadratic on reversed input, so
/// only for lists that are in order already bar a few neighbours.
pub fn insertion_sort_by<T, K: PartialOrd>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn index_sorting_orders_by_the_comparison(mut v in proptest::collection::vec(any::<u32>(), 0..200)) {
            let mut expected = v.clone();
            expected.sort_by(|a, b| b.cmp(a));
            sort_indices(&mut v, &mut |a, b| b.cmp(&a));
            prop_assert_eq!(v, expected);
        }

        #[test]
        fn insertion_sort_is_a_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            insertion_sort_by(&mut ours, |p| p.0);
            let mut expected = v;
            expected.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, expected);
        }
    }
}
