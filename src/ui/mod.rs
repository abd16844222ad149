//! The Leptos layer: small components that map the core's state to the DOM.
//!
//! A component is a function that makes its elements with the builder in [`dom`] and binds
//! their changing parts to Leptos signals and memos (render effects); it returns them as one
//! [`dom::Dom`]. The builder is not generic, so each element costs a few calls, not a type of
//! its own with its build and update code compiled for it, as `view!` made it (about 62 kB of
//! the gzipped bundle).
//!
//! Where hundreds of elements change at once (the timeline's marks in every zoom frame, the
//! facet counts on every filter change), the elements are written directly from the core's
//! values (the modules `marks` and `keyed`) instead of through a reactive binding per attribute.
//!
//! All state lives in one [`Store`] per widget instance (so several widgets on a page stay
//! independent). Components read derived values from it and change the view only through
//! [`Store::update`], which also decides how the change reaches the page URL.

mod app;
mod detail;
pub mod dom;
mod filters;
mod intro;
mod keyed;
mod list;
mod marks;
mod media;
mod memo;
mod notice;
mod text;
mod timeline;
mod toolbar;

pub use app::{in_host_callback, mount_widget, Control, DataSource, WidgetOptions};

use crate::core::dataset::model::Lang;
use crate::core::i18n::{t, Key};
use crate::core::loaded::LoadedDataset;
use crate::core::query::filter::FacetCounts;
use crate::core::query::urlstate::{encode, Ignored};
use crate::core::query::viewstate::ViewState;
use crate::ui::memo::Memo;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// How a state change is recorded in the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A discrete step (a filter click, a selection): Back returns to the view before it.
    Push,
    /// Continuous input (typing, dragging, zooming): the current history entry is updated.
    Replace,
}

/// Everything one widget instance knows, shared with its components through context.
#[derive(Clone, Copy)]
pub struct Store {
    /// The loaded dataset and its indexes.
    pub loaded: StoredValue<Arc<LoadedDataset>>,
    /// The view state: the single source of truth, mirrored in the URL.
    pub state: RwSignal<ViewState>,
    /// The UI language in effect.
    pub lang: Memo<Lang>,
    /// Indices of the events that pass the filters, in date order.
    pub filtered: Memo<Arc<Vec<usize>>>,
    /// Facet values with their live counts.
    pub facets: Memo<Arc<FacetCounts>>,
    /// What was ignored from the URL or `state` attribute, until dismissed.
    pub notices: RwSignal<Vec<Ignored>>,
    /// How the next state change is recorded in history.
    pub(crate) step: StoredValue<Step>,
    /// A polite message for screen readers and sighted users (e.g. "Link copied").
    pub status: RwSignal<String>,
    /// Set by the reader opening an event inside the widget: only then does the detail panel take
    /// keyboard focus (a link, Back/Forward or the host's `setState` never pull focus from the page).
    pub focus_detail: StoredValue<bool>,
    /// Where keyboard focus returns when the detail panel closes.
    pub return_focus: StoredValue<Option<String>>,
    /// Unique prefix for element ids of this instance.
    pub uid: StoredValue<String>,
    /// Whether the timeline is still to choose the window the widget opens on (a dataset that
    /// names no view, opened with no state from a link or the host).
    pub opening: StoredValue<bool>,
}

impl Store {
    /// Changes the view state; `step` says whether this is a new history entry.
    pub fn update(&self, step: Step, f: impl FnOnce(&mut ViewState)) {
        self.step.set_value(step);
        self.state.update(f);
    }

    /// The loaded dataset (cheap to clone).
    pub fn loaded(&self) -> Arc<LoadedDataset> {
        self.loaded.get_value()
    }

    /// A landmark's name with the dataset's title ("Filters: US–Azerbaijan …"), so that the
    /// landmarks of several widgets on one page can be told apart.
    pub fn landmark(&self, key: Key) -> Memo<String> {
        let (lang, loaded) = (self.lang, self.loaded());
        Memo::new(move |_| {
            let l = lang.get();
            format!("{}: {}", t(l, key), loaded.dataset.title.get(l))
        })
    }

    /// An element id unique to this widget instance.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.uid.get_value())
    }
}

/// Typing into a text box: one history entry for one stretch of typing.
///
/// The first edit after any other change of the view (a filter, a selection, a zoom, Back or
/// Forward, the host's `setState`) is a new history entry; the edits that follow it, while
/// nothing else changes the view, update that entry. It remembers the view its own last edit
/// left (as its canonical query): when the view still is that, nothing else came between.
#[derive(Clone, Default)]
pub struct Typing {
    left: Rc<RefCell<Option<String>>>,
}

impl Typing {
    /// Applies one edit `f` to the view, as a new entry or an update of the current one.
    /// (Called from an event handler: reading the state here subscribes to nothing.)
    pub fn type_into(&self, store: Store, f: impl FnOnce(&mut ViewState)) {
        let same_typing = self.left.borrow().as_deref() == Some(store.state.with(encode).as_str());
        store.update(if same_typing { Step::Replace } else { Step::Push }, f);
        *self.left.borrow_mut() = Some(store.state.with(encode));
    }
}

/// An effect: runs `f` once the view is mounted, then again whenever what it read changes.
///
/// Every effect of the widget goes through this one function, so Leptos' effect task exists
/// once in the bundle instead of once for each closure type handed to `Effect::new` (for six
/// effects: 3.2 KB less wasm, 1 KB less gzip).
pub fn effect(f: impl FnMut() + 'static) {
    effect_of(Box::new(f));
}

fn effect_of(mut f: Box<dyn FnMut()>) {
    Effect::new(move |_: Option<()>| f());
}

/// The store of the widget this component belongs to.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
