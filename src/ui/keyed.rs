//! Keyed lists of elements, kept in line with a list of keys by hand: the timeline's marks and
//! ticks and the list view's items.
//!
//! [`Children::place`] applies a [`keyed::plan`]: elements of items that stay are kept, and
//! moved only where the order of items changed; the browser lays out a moved element from
//! scratch. Leptos' `<For>` moved an element whenever several items had been added before it,
//! and it and its keyed diff were 8.5 KB of the gzipped bundle.

use crate::core::util::keyed::{self, Place};
use web_sys::{Element, Node};

/// One item's element and what the list keeps with it.
pub struct Child<K, T> {
    pub key: K,
    pub element: Element,
    pub state: T,
}

/// The elements of one keyed list, in the order of its items.
pub struct Children<K, T> {
    items: Vec<Child<K, T>>,
}

impl<K, T> Default for Children<K, T> {
    fn default() -> Self {
        Children { items: Vec::new() }
    }
}

impl<K: Ord + Clone, T> Children<K, T> {
    /// Brings the elements in `parent` (after everything else in it) in line with `keys`.
    /// `make(i)` makes the element of new item `i` (not yet in the document) and what is kept
    /// with it; `keep(i, child)` brings a kept element up to date as item `i`.
    pub fn place(
        &mut self,
        parent: &Element,
        keys: &[K],
        make: &mut dyn FnMut(usize) -> Option<(Element, T)>,
        keep: &mut dyn FnMut(usize, &mut Child<K, T>),
    ) {
        let plan = {
            let old: Vec<&K> = self.items.iter().map(|c| &c.key).collect();
            let new: Vec<&K> = keys.iter().collect();
            keyed::plan(&old, &new)
        };
        let mut before: Vec<Option<Child<K, T>>> =
            std::mem::take(&mut self.items).into_iter().map(Some).collect();
        for &r in &plan.removed {
            if let Some(gone) = before[r].take() {
                gone.element.remove();
            }
        }
        let mut after = Vec::with_capacity(keys.len());
        // Walking back from the end, each element goes right before the one after it.
        let mut next: Option<Node> = None;
        for (i, place) in plan.places.iter().enumerate().rev() {
            let (child, moved) = match *place {
                Place::Stay(o) => (before[o].take(), false),
                Place::Move(o) => (before[o].take(), true),
                Place::New => {
                    (make(i).map(|(element, state)| Child { key: keys[i].clone(), element, state }), true)
                }
            };
            let Some(mut child) = child else { continue };
            if moved {
                let _ = parent.insert_before(&child.element, next.as_ref());
            }
            if !matches!(place, Place::New) {
                keep(i, &mut child);
            }
            next = Some(child.element.clone().into());
            after.push(child);
        }
        after.reverse();
        self.items = after;
    }

    /// Removes every element, and drops what was kept with each.
    pub fn clear(&mut self) {
        for child in self.items.drain(..) {
            child.element.remove();
        }
    }

    /// The items' elements and states, in order.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Child<K, T>> {
        self.items.iter_mut()
    }

    /// The item whose element is `element`, if any.
    pub fn find(&self, element: &Element) -> Option<&Child<K, T>> {
        self.items.iter().find(|c| c.element == *element)
    }
}
