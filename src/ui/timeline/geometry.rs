//! What every part of the timeline reads: its measured size, the (folded) time axis with the
//! events placed on it, the visible window and the scene. All the maths is the core's
//! (`core::layout`); this part only keeps it in memos and writes windows back to the state.

use crate::core::layout::fold::FoldedAxis;
use crate::core::layout::scale::Window;
use crate::core::layout::scene::{
    extent, fit_extent, group_events, opening_window, rows_that_fit, scene_of_lanes, set_window, Frame,
    LaneGroup, Scene,
};
use crate::core::layout::stack::Item;
use crate::core::loaded::LoadedDataset;
use crate::core::query::viewstate::AxisMode;
use crate::ui::memo::Memo;
use crate::ui::{Step, Store};
use leptos::prelude::*;
use std::sync::Arc;

/// The axis for one filter result and the events' items on it (`None`: the dataset's own
/// items, on a linear axis, so that nothing is copied).
#[derive(Clone)]
pub struct Placed {
    pub axis: Arc<FoldedAxis>,
    items: Option<Arc<Vec<Item>>>,
}

impl PartialEq for Placed {
    fn eq(&self, other: &Placed) -> bool {
        Arc::ptr_eq(&self.axis, &other.axis)
    }
}

impl Placed {
    /// One item per event on this axis (same indices as the dataset's events).
    pub fn items<'a>(&'a self, loaded: &'a LoadedDataset) -> &'a [Item] {
        self.items.as_deref().map_or(&loaded.items, Vec::as_slice)
    }
}

/// Lanes as grouped for one filter result. A new grouping always counts as a change: comparing
/// two groupings item by item would cost as much as making one.
#[derive(Clone)]
pub struct Grouped(pub Arc<Vec<LaneGroup>>);

impl PartialEq for Grouped {
    fn eq(&self, other: &Grouped) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The timeline's derived state, shared by its parts (all of it is `Copy`).
#[derive(Clone, Copy)]
pub struct Geometry {
    pub store: Store,
    /// The width of the timeline, in px (0 until measured).
    pub width: RwSignal<f64>,
    /// The height of the stage the lanes are drawn on, in px (0 until measured).
    pub height: RwSignal<f64>,
    pub placed: Memo<Placed>,
    /// Where the filtered events begin and end, in axis days.
    pub extent: Memo<Option<Window>>,
    /// The visible window, in axis days.
    pub window: Memo<Window>,
    pub grouped: Memo<Grouped>,
    pub scene: Memo<Scene>,
}

impl Geometry {
    pub fn new(store: Store) -> Geometry {
        let loaded = store.loaded();
        let width = RwSignal::new(0.0f64);
        let height = RwSignal::new(0.0f64);
        let l = loaded.clone();
        // The axis mode on its own: read from the whole state, every zoom step (a new span)
        // would fold the axis again and so lay out every lane from scratch.
        let mode = Memo::new(move |_| store.state.with(|s| s.axis));
        let placed = Memo::new(move |_| {
            let mode = mode.get();
            store.filtered.with(|f| {
                let axis = match mode {
                    AxisMode::Folded => FoldedAxis::for_events(&l.items, f),
                    AxisMode::Linear => FoldedAxis::linear(),
                };
                let items = (!axis.is_linear()).then(|| Arc::new(axis.place(&l.items)));
                Placed { axis: Arc::new(axis), items }
            })
        });
        let l = loaded.clone();
        let extent = Memo::new(move |_| placed.with(|p| store.filtered.with(|f| extent(p.items(&l), f))));
        let span = Memo::new(move |_| store.state.with(|s| s.span));
        let window = Memo::new(move |_| {
            let w = width.get().max(1.0);
            match span.get() {
                Some(s) => placed.with(|p| p.axis.window_of_days(s.start as f64, s.end as f64)),
                None => fit_extent(extent.get(), w),
            }
        });
        // The filtered events grouped into lanes, once per filter result and grouping: zooming
        // and panning lay out every frame from these (at 100,000 events grouping is a pass over
        // all of them).
        let l = loaded.clone();
        let group = Memo::new(move |_| store.state.with(|s| s.group));
        let grouped = Memo::new(move |_| {
            placed.with(|p| {
                store.filtered.with(|f| {
                    let frame = Frame { items: p.items(&l), ..l.frame(f, group.get(), 1.0) };
                    Grouped(Arc::new(group_events(&frame)))
                })
            })
        });
        // Nothing is laid out before the width is known (the first render, just before it is
        // measured): laying out every lane at a width of 1 px only to redo it at once cost a
        // scene and a set of marks at start-up.
        let scene = Memo::new(move |_| {
            let w = width.get();
            if w <= 0.0 {
                return Scene::default();
            }
            // The lanes' height, and the rows it holds: rows that lanes leave are shared out
            // within it (see `scene_of_lanes`).
            let lanes_px = height.get() - 8.0;
            let max_rows = rows_that_fit(lanes_px);
            placed.with(|p| {
                grouped.with(|g| {
                    store.filtered.with(|f| {
                        let frame = Frame {
                            items: p.items(&loaded),
                            max_rows,
                            lanes_px,
                            ..loaded.frame(f, group.get(), w)
                        };
                        scene_of_lanes(&frame, &g.0, window.get())
                    })
                })
            })
        });
        Geometry { store, width, height, placed, extent, window, grouped, scene }
    }

    /// Runs `f` with the frame the scene is laid out from, without tracking anything.
    pub fn with_frame<T>(&self, f: impl FnOnce(&Frame, &[LaneGroup]) -> T) -> T {
        let loaded = self.store.loaded();
        let (w, lanes_px) = (self.width.get_untracked().max(1.0), self.height.get_untracked() - 8.0);
        let max_rows = rows_that_fit(lanes_px);
        let group = self.store.state.with_untracked(|s| s.group);
        self.placed.with_untracked(|p| {
            self.grouped.with_untracked(|g| {
                self.store.filtered.with_untracked(|filtered| {
                    let frame = Frame {
                        items: p.items(&loaded),
                        max_rows,
                        lanes_px,
                        ..loaded.frame(filtered, group, w)
                    };
                    f(&frame, &g.0)
                })
            })
        })
    }

    /// Shows the axis window `w`: stored in the state (and so the URL) in calendar days.
    pub fn show(&self, w: Window, step: Step) {
        let days = self.placed.with_untracked(|p| p.axis.days_of(w));
        self.store.update(step, |s| set_window(s, days));
    }

    /// Zooms by `factor` (< 1 zooms in) around `anchor` (0..1 of the width).
    pub fn zoom(&self, factor: f64, anchor: f64) {
        self.show(self.window.get_untracked().zoom(factor, anchor), Step::Replace);
    }

    /// Chooses the opening window once the timeline is measured, if the store asks for one
    /// (a dataset that names no view, opened with no link state): see [`opening_window`].
    pub fn open_where_the_story_is(&self) {
        let geo = *self;
        crate::ui::effect(move || {
            let measured = geo.width.get() > 0.0 && geo.height.get() > 0.0;
            if !measured || !geo.store.opening.get_value() {
                return;
            }
            geo.store.opening.set_value(false);
            if geo.store.state.with_untracked(|s| s.span.is_some()) {
                return;
            }
            if let Some(w) = geo.with_frame(opening_window) {
                geo.show(w, Step::Replace);
            }
        });
    }
}
