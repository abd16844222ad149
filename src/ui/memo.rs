//! The widget's memos: Leptos memos, compiled once for every value type.
//!
//! A Leptos `Memo<T>` compiles its reactive-graph code (recomputing when a source changed,
//! comparing, reading) once for each `T`, and the widget's some forty memos hold about twenty
//! types. [`Memo<T>`] here is one Leptos memo of a single type, a shared `dyn Any` value with its
//! comparison, plus the type it holds; only creating, comparing and downcasting are compiled per
//! `T`. It behaves as a Leptos memo does: lazy, recomputed when a signal it read changes, and
//! notifying its readers only when the new value differs from the old.

use leptos::prelude::{Track, With, WithUntracked};
use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

type Shared = Arc<dyn Any + Send + Sync>;

/// A memo's value of whatever type, with the comparison of that type.
#[derive(Clone)]
pub struct Erased {
    value: Shared,
    same: fn(&dyn Any, &dyn Any) -> bool,
}

impl PartialEq for Erased {
    fn eq(&self, other: &Self) -> bool {
        (self.same)(&*self.value, &*other.value)
    }
}

fn same<T: PartialEq + 'static>(a: &dyn Any, b: &dyn Any) -> bool {
    matches!((a.downcast_ref::<T>(), b.downcast_ref::<T>()), (Some(a), Some(b)) if a == b)
}

type Compute = Box<dyn Fn(Option<&Erased>) -> Erased + Send + Sync>;

/// A derived value, computed from signals and other memos when first read and again after one
/// of them changed. `Copy`, like a Leptos memo: it lives as long as the component that made it.
pub struct Memo<T> {
    inner: leptos::prelude::Memo<Erased>,
    holds: PhantomData<fn() -> T>,
}

impl<T> Clone for Memo<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Memo<T> {}

impl<T: PartialEq + Send + Sync + 'static> Memo<T> {
    /// A memo of `f`, which gets the previous value (`None` the first time).
    pub fn new(f: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T> {
        let compute: Compute = Box::new(move |previous| {
            let previous = previous.and_then(|p| p.value.downcast_ref::<T>());
            Erased { value: Arc::new(f(previous)), same: same::<T> }
        });
        Memo { inner: new_erased(compute), holds: PhantomData }
    }
}

fn new_erased(compute: Compute) -> leptos::prelude::Memo<Erased> {
    leptos::prelude::Memo::new(compute)
}

fn read(memo: leptos::prelude::Memo<Erased>) -> Shared {
    memo.with(|e| e.value.clone())
}

fn read_untracked(memo: leptos::prelude::Memo<Erased>) -> Shared {
    memo.with_untracked(|e| e.value.clone())
}

fn held<T: 'static>(value: &Shared) -> &T {
    value.downcast_ref::<T>().expect("a memo holds the type it was made with")
}

impl<T: 'static> Memo<T> {
    /// Applies `f` to the value, and makes the running effect or memo depend on it.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(held(&read(self.inner)))
    }

    /// Applies `f` to the value without depending on it.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(held(&read_untracked(self.inner)))
    }

    /// Makes the running effect or memo depend on the value without reading it.
    pub fn track(&self) {
        self.inner.track();
    }
}

impl<T: Clone + 'static> Memo<T> {
    /// The value (a copy), and the running effect or memo depends on it.
    pub fn get(&self) -> T {
        self.with(T::clone)
    }

    /// The value (a copy), without depending on it.
    pub fn get_untracked(&self) -> T {
        self.with_untracked(T::clone)
    }
}
