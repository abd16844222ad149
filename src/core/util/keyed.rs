//! Keyed list updates with the fewest moves: which items of a new list keep the element they
//! had, which of those elements have to move, and which items are new.
//!
//! A browser re-creates the layout box of every element moved in the DOM (style, layout and
//! text shaping all over again), so a list whose items mostly stay in the same order must move
//! none of them. The items that keep their place are a longest run of kept items whose old
//! positions increase; every other kept item moves, so the number of moves is the least there
//! can be. When old and new lists keep their common items in the same order, nothing moves.
//!
//! The timeline's marks and ticks and the list view's items go through this (`ui::keyed`
//! applies the plan to the elements): a zoom at 100,000 events used to move about 500 mark
//! elements in 40 frames through a keyed diff that moved items whenever several were added
//! before them.

use crate::core::util::sorting::sort_indices;

/// What happens to the item at one position of the new list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// It keeps the element of old item `n`, which stays where it is.
    Stay(usize),
    /// It keeps the element of old item `n`, which moves to its new place.
    Move(usize),
    /// It is new: its element is made.
    New,
}

/// How to turn the old list into the new one: see [`plan`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// One entry per item of the new list, in its order.
    pub places: Vec<Place>,
    /// The old items that are gone, in ascending order.
    pub removed: Vec<usize>,
}

impl Plan {
    /// How many kept elements move.
    pub fn moves(&self) -> usize {
        self.places.iter().filter(|p| matches!(p, Place::Move(_))).count()
    }
}

/// The plan that turns a list keyed `old` into one keyed `new` with the fewest moves.
///
/// Keys are expected to be unique; a key the new list repeats is new the second time, and a
/// repeated old key is gone the second time, so the plan is still complete.
///
/// To apply it: remove the `removed` elements, then walk the new list from its end, putting
/// each `Move` and `New` element right before the element of the item after it (at the end of
/// the list for the last item).
pub fn plan<K: Ord>(old: &[K], new: &[K]) -> Plan {
    // The old positions in key order, to find each new key's old item by binary search.
    let mut by_key: Vec<u32> = (0..old.len() as u32).collect();
    sort_indices(&mut by_key, &mut |a, b| old[a as usize].cmp(&old[b as usize]).then(a.cmp(&b)));
    let mut claimed = vec![false; old.len()];
    let source: Vec<Option<usize>> = new
        .iter()
        .map(|k| {
            // The first old item with this key that no earlier new item has taken.
            let first = by_key.partition_point(|&i| old[i as usize] < *k);
            by_key[first..]
                .iter()
                .map(|&i| i as usize)
                .take_while(|&i| old[i] == *k)
                .find(|&i| !claimed[i])
                .inspect(|&i| claimed[i] = true)
        })
        .collect();
    let stays = increasing_run(&source);
    let places = source
        .iter()
        .zip(&stays)
        .map(|(s, &stay)| match (*s, stay) {
            (Some(o), true) => Place::Stay(o),
            (Some(o), false) => Place::Move(o),
            (None, _) => Place::New,
        })
        .collect();
    let removed = (0..old.len()).filter(|&i| !claimed[i]).collect();
    Plan { places, removed }
}

/// Marks a longest run of kept items whose old positions increase (patience sorting,
/// O(n log n)): these keep their places.
fn increasing_run(source: &[Option<usize>]) -> Vec<bool> {
    // tails[l]: the new position ending the best run of length l + 1 found so far.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = vec![usize::MAX; source.len()];
    for (i, s) in source.iter().enumerate() {
        let Some(o) = *s else { continue };
        let l = tails.partition_point(|&t| source[t].is_some_and(|x| x < o));
        if l > 0 {
            prev[i] = tails[l - 1];
        }
        if l == tails.len() {
            tails.push(i);
        } else {
            tails[l] = i;
        }
    }
    let mut stays = vec![false; source.len()];
    let mut at = tails.last().copied().unwrap_or(usize::MAX);
    while at != usize::MAX {
        stays[at] = true;
        at = prev[at];
    }
    stays
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Applies `plan` to a list of old elements (here: the old keys, tagged with their old
    /// position) the way the timeline applies it to the DOM, counting insertions.
    fn apply(old: &[u32], new: &[u32], plan: &Plan) -> (Vec<u32>, usize) {
        let mut dom: Vec<(u32, Option<usize>)> = old.iter().enumerate().map(|(i, &k)| (k, Some(i))).collect();
        dom.retain(|(_, o)| !plan.removed.contains(&o.unwrap()));
        let mut inserted = 0;
        let mut anchor: Option<(u32, Option<usize>)> = None;
        for (i, place) in plan.places.iter().enumerate().rev() {
            let item = match *place {
                Place::Stay(o) => {
                    assert_eq!(old[o], new[i]);
                    (old[o], Some(o))
                }
                Place::Move(o) => {
                    assert_eq!(old[o], new[i]);
                    let from =
                        dom.iter().position(|e| e.1 == Some(o)).expect("a moved element is still there");
                    let e = dom.remove(from);
                    insert_before(&mut dom, e, anchor);
                    inserted += 1;
                    e
                }
                Place::New => {
                    let e = (new[i], None);
                    insert_before(&mut dom, e, anchor);
                    inserted += 1;
                    e
                }
            };
            anchor = Some(item);
        }
        (dom.into_iter().map(|(k, _)| k).collect(), inserted)
    }

    fn insert_before(
        dom: &mut Vec<(u32, Option<usize>)>,
        e: (u32, Option<usize>),
        anchor: Option<(u32, Option<usize>)>,
    ) {
        let at = match anchor {
            // A new element has no old position: find it by identity (key and no origin).
            Some(a) => dom.iter().position(|x| *x == a).expect("the anchor is in the list"),
            None => dom.len(),
        };
        dom.insert(at, e);
    }

    #[test]
    fn lists_keeping_their_common_order_move_nothing() {
        // Items removed at the front, several added in the middle and at the end: the keyed
        // diff the marks used before moved the items after the additions.
        let old = [1, 2, 3, 5, 8, 9];
        let new = [3, 4, 5, 6, 7, 8, 9, 10, 11];
        let p = plan(&old, &new);
        assert_eq!(p.moves(), 0);
        assert_eq!(p.removed, vec![0, 1]);
        assert_eq!(p.places[0], Place::Stay(2));
        assert_eq!(p.places[1], Place::New);
        assert_eq!(apply(&old, &new, &p).0, new);
    }

    #[test]
    fn swapping_two_neighbours_moves_one() {
        let p = plan(&[1, 2, 3], &[2, 1, 3]);
        assert_eq!(p.moves(), 1);
        assert_eq!(apply(&[1, 2, 3], &[2, 1, 3], &p).0, vec![2, 1, 3]);
    }

    #[test]
    fn reversing_a_list_keeps_one_in_place() {
        let old: Vec<u32> = (0..50).collect();
        let new: Vec<u32> = (0..50).rev().collect();
        let p = plan(&old, &new);
        assert_eq!(p.moves(), 49);
        assert_eq!(apply(&old, &new, &p).0, new);
    }

    #[test]
    fn empty_lists_plan_nothing_and_everything() {
        assert_eq!(plan::<u32>(&[], &[]), Plan { places: vec![], removed: vec![] });
        assert_eq!(plan(&[], &[7, 8]).places, vec![Place::New, Place::New]);
        assert_eq!(plan(&[7, 8], &[]).removed, vec![0, 1]);
    }

    #[test]
    fn repeated_keys_are_new_or_gone_the_second_time() {
        let p = plan(&[4, 4, 5], &[5, 4, 4, 4]);
        assert_eq!(p.places.iter().filter(|x| **x == Place::New).count(), 1);
        assert!(p.removed.is_empty());
        assert_eq!(apply(&[4, 4, 5], &[5, 4, 4, 4], &p).0, vec![5, 4, 4, 4]);
        let p = plan(&[4, 4, 5], &[4]);
        assert_eq!(p.removed.len(), 2);
    }

    /// The least number of moves: kept items minus a longest increasing run of their old
    /// positions, counted by the quadratic textbook method.
    fn least_moves(old: &[u32], new: &[u32]) -> usize {
        let src: Vec<usize> = new.iter().filter_map(|k| old.iter().position(|o| o == k)).collect();
        let mut best = vec![1; src.len()];
        for i in 0..src.len() {
            for j in 0..i {
                if src[j] < src[i] {
                    best[i] = best[i].max(best[j] + 1);
                }
            }
        }
        src.len() - best.into_iter().max().unwrap_or(0)
    }

    /// Distinct keys in random order.
    fn keys(max: usize) -> impl Strategy<Value = Vec<u32>> {
        proptest::collection::btree_set(0u32..60, 0..max)
            .prop_flat_map(|s| Just(s.into_iter().collect::<Vec<_>>()).prop_shuffle())
    }

    proptest! {
        #[test]
        fn applying_a_plan_gives_the_new_list_with_the_fewest_moves(old in keys(40), new in keys(40)) {
            let p = plan(&old, &new);
            let (got, inserted) = apply(&old, &new, &p);
            prop_assert_eq!(&got, &new);
            prop_assert_eq!(p.moves(), least_moves(&old, &new));
            prop_assert_eq!(inserted, p.moves() + p.places.iter().filter(|x| **x == Place::New).count());
            prop_assert_eq!(p.removed.len(), old.iter().filter(|k| !new.contains(k)).count());
        }

        #[test]
        fn sorted_lists_never_move(mut old in keys(40), mut new in keys(40)) {
            old.sort_unstable();
            new.sort_unstable();
            prop_assert_eq!(plan(&old, &new).moves(), 0);
        }
    }
}
