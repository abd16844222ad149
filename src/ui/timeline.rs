//! The timeline: axis, lanes, event boxes, clusters and the overview strip. All positions come
//! from [`crate::core::scene`]; this component maps them to elements and turns wheel, pointer,
//! touch and key input into new windows via the pure [`Window`] maths.

use super::{effect, tr, use_store, Step, Store};
use crate::core::i18n::{category_name, cluster_label, t, Key};
use crate::core::layout::{css_len, density, density_path, DENSITY_HEIGHT};
use crate::core::scale::Window;
use crate::core::keyed::{self, Place};
use crate::core::scene::{extent, group_events, neighbour, LaneGroup, reveal, scene_of_lanes, set_window, window_for_extent, LaneKey, Mark, MarkKey, MarkKind, Scene};
use crate::core::ticks::{format_span, ticks, Tick};
use crate::platform::browser;
use leptos::prelude::*;
use leptos::tachys::reactive_graph::{OwnedView, OwnedViewState};
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};
use send_wrapper::SendWrapper;
use std::sync::Arc;

/// Clusters with more members than this list no ids in `data-event-ids`, only `data-count`.
const MAX_LISTED_IDS: usize = 100;

/// The pointers down on the timeline (id and x), in the order they went down: at most a few,
/// so a list (no hash map type of its own in the bundle).
#[derive(Default)]
struct Pointers(Vec<(i32, f64)>);

impl Pointers {
    fn insert(&mut self, id: i32, x: f64) {
        match self.0.iter_mut().find(|p| p.0 == id) {
            Some(p) => p.1 = x,
            None => self.0.push((id, x)),
        }
    }
    fn contains_key(&self, id: &i32) -> bool {
        self.0.iter().any(|p| p.0 == *id)
    }
    fn remove(&mut self, id: &i32) {
        self.0.retain(|p| p.0 != *id);
    }
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    fn values(&self) -> impl Iterator<Item = &f64> {
        self.0.iter().map(|p| &p.1)
    }
}

/// Pointers currently down on the timeline, for drag and pinch.
#[derive(Default)]
struct Gesture {
    pointers: Pointers,
    start_window: Option<Window>,
    start_x: f64,
    start_dist: f64,
    moved: bool,
}

/// Lanes as grouped for one filter result. A new grouping always counts as a change: comparing
/// two groupings item by item would cost as much as making one.
#[derive(Clone)]
struct Grouped(Arc<Vec<LaneGroup>>);

impl PartialEq for Grouped {
    fn eq(&self, other: &Grouped) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn Timeline() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let session = store.session();
    let container = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0.0f64);

    // Measure the available width (and follow resizes) once mounted.
    effect(move || {
        if let Some(el) = container.get() {
            let watch = browser::watch_width(&el, move |w| width.set(w));
            let watch = SendWrapper::new(watch);
            on_cleanup(move || drop(watch));
        }
    });

    let s1 = session.clone();
    let group = Memo::new(move |_| store.state.with(|s| s.group));
    let span = Memo::new(move |_| store.state.with(|s| s.span));
    // Where the filtered events begin and end: once per filter result, for both the fit window
    // and the overview strip.
    let filtered_extent = Memo::new(move |_| store.filtered.with(|f| extent(&s1.items, f)));
    let window = Memo::new(move |_| {
        span.track();
        let w = width.get().max(1.0);
        store.state.with_untracked(|s| window_for_extent(s, filtered_extent.get(), w))
    });
    // The filtered events grouped into lanes, once per filter result and grouping: zooming and
    // panning lay out every frame from these (at 100,000 events grouping is a pass over all).
    let s0 = session.clone();
    let grouped = Memo::new(move |_| {
        store.filtered.with(|f| Grouped(Arc::new(group_events(&s0.frame(f, group.get(), 1.0)))))
    });
    let s2 = session.clone();
    // Nothing is laid out before the width is known (the first render, just before it is
    // measured): laying out and drawing every lane at a width of 1 px only to redo it at once
    // cost a scene and a set of marks at start-up.
    let scene_memo: Memo<Scene> = Memo::new(move |_| {
        let w = width.get();
        if w <= 0.0 {
            return Scene::default();
        }
        grouped.with(|g| store.filtered.with(|f| scene_of_lanes(&s2.frame(f, group.get(), w), &g.0, window.get())))
    });
    // The lanes on their own: zooming and panning change the marks in almost every frame but
    // the lanes only when one gains or loses a row, so their elements are rebuilt only then.
    let lanes = Memo::new(move |_| scene_memo.with(|s| s.lanes.clone()));
    let selected = Memo::new(move |_| store.state.with(|s| s.event.clone()));
    let focused = RwSignal::new(None::<usize>);

    let set_w = move |w: Window, step: Step| store.update(step, |s| set_window(s, w));
    let zoom = move |factor: f64, anchor: f64| set_w(window.get_untracked().zoom(factor, anchor), Step::Replace);

    // Wheel zooms around the pointer (horizontal wheel / shift pans).
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        let Some(el) = container.get_untracked() else { return };
        ev.prevent_default();
        let rect = el.get_bounding_client_rect();
        let w = rect.width().max(1.0);
        if ev.shift_key() || ev.delta_x().abs() > ev.delta_y().abs() {
            let d = if ev.delta_x() != 0.0 { ev.delta_x() } else { ev.delta_y() };
            set_w(window.get_untracked().pan_px(-d, w), Step::Replace);
        } else {
            let anchor = ((ev.client_x() as f64 - rect.left()) / w).clamp(0.0, 1.0);
            zoom((ev.delta_y() * 0.002).exp(), anchor);
        }
    };

    // Drag to pan, two fingers to pinch-zoom.
    let gesture = StoredValue::new_local(Gesture::default());
    let dragging = RwSignal::new(false);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        gesture.update_value(|g| {
            g.pointers.insert(ev.pointer_id(), ev.client_x() as f64);
            g.start_window = Some(window.get_untracked());
            g.moved = false;
            let xs: Vec<f64> = g.pointers.values().copied().collect();
            g.start_x = xs.iter().sum::<f64>() / xs.len() as f64;
            g.start_dist = if xs.len() >= 2 { (xs[0] - xs[1]).abs().max(1.0) } else { 0.0 };
        });
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some(el) = container.get_untracked() else { return };
        let rect = el.get_bounding_client_rect();
        let w = rect.width().max(1.0);
        let mut next = None;
        gesture.update_value(|g| {
            if !g.pointers.contains_key(&ev.pointer_id()) {
                return;
            }
            g.pointers.insert(ev.pointer_id(), ev.client_x() as f64);
            let Some(start) = g.start_window else { return };
            let xs: Vec<f64> = g.pointers.values().copied().collect();
            let mid = xs.iter().sum::<f64>() / xs.len() as f64;
            if !g.moved && (mid - g.start_x).abs() < 4.0 && xs.len() < 2 {
                return;
            }
            if !g.moved {
                g.moved = true;
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
            let mut win = start.pan_px(mid - g.start_x, w);
            if xs.len() >= 2 && g.start_dist > 0.0 {
                let dist = (xs[0] - xs[1]).abs().max(1.0);
                win = win.zoom(g.start_dist / dist, ((mid - rect.left()) / w).clamp(0.0, 1.0));
            }
            next = Some(win);
        });
        if let Some(win) = next {
            dragging.set(true);
            set_w(win, Step::Replace);
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        gesture.update_value(|g| {
            g.pointers.remove(&ev.pointer_id());
            g.start_window = if g.pointers.is_empty() { None } else { Some(window.get_untracked()) };
            let xs: Vec<f64> = g.pointers.values().copied().collect();
            if !xs.is_empty() {
                g.start_x = xs.iter().sum::<f64>() / xs.len() as f64;
            }
        });
        dragging.set(false);
    };
    // A click that ended a drag must not select the event under the pointer.
    let was_drag = move || gesture.with_value(|g| g.moved);

    let s3 = session.clone();
    let move_focus = move |target: Option<usize>| {
        let Some(i) = target else { return };
        let w = width.get_untracked().max(1.0);
        let revealed = store.filtered.with_untracked(|f| {
            reveal(&s3.frame(f, group.get_untracked(), w), window.get_untracked(), i)
        });
        if revealed != window.get_untracked() {
            set_w(revealed, Step::Replace);
        }
        focused.set(Some(i));
        let id = s3.dataset.events[i].id.clone();
        if let Some(el) = container.get_untracked() {
            let el: web_sys::Element = el.into();
            request_animation_frame(move || {
                browser::focus_first(&el, &format!(".tl-event[data-event-id=\"{id}\"]"));
            });
        }
    };
    let s4 = session.clone();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let target = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok());
        let on_event = target.as_ref().is_some_and(|e| e.class_list().contains("tl-event"));
        // Marks are not buttons (see `MarkView`): Enter and Space activate them as they would a
        // button.
        if let Some(mark) = target.as_ref().filter(|e| on_event || e.class_list().contains("tl-cluster")) {
            if matches!(ev.key().as_str(), "Enter" | " ") {
                ev.prevent_default();
                if !ev.repeat() {
                    // A key is never the end of a drag, however the last pointer gesture ended.
                    gesture.update_value(|g| g.moved = false);
                    mark.click();
                }
                return;
            }
        }
        let w = width.get_untracked().max(1.0);
        let current = focused.get_untracked().or_else(|| selected.get_untracked().and_then(|id| s4.dataset.event_index(&id)));
        match ev.key().as_str() {
            "+" | "=" => zoom(0.7, 0.5),
            "-" | "_" => zoom(1.0 / 0.7, 0.5),
            "ArrowRight" | "ArrowDown" if on_event => move_focus(store.filtered.with_untracked(|f| neighbour(f, current, 1))),
            "ArrowLeft" | "ArrowUp" if on_event => move_focus(store.filtered.with_untracked(|f| neighbour(f, current, -1))),
            "Home" if on_event => move_focus(store.filtered.with_untracked(|f| f.first().copied())),
            "End" if on_event => move_focus(store.filtered.with_untracked(|f| f.last().copied())),
            "ArrowRight" | "PageDown" => set_w(window.get_untracked().pan_px(-w * 0.2, w), Step::Replace),
            "ArrowLeft" | "PageUp" => set_w(window.get_untracked().pan_px(w * 0.2, w), Step::Replace),
            "ArrowDown" | "ArrowUp" => return,
            _ => return,
        }
        ev.prevent_default();
    };

    // The marks follow the scene through a keyed update of their own (see `place_marks`).
    let lanes_el = NodeRef::<leptos::html::Div>::new();
    let owner = Owner::current().expect("the timeline has a reactive owner");
    let marks = StoredValue::new_local(Vec::<Placed>::new());
    let was_drag = Callback::new(move |_| was_drag());
    effect(move || {
        let Some(parent) = lanes_el.get() else { return };
        scene_memo.with(|s| {
            marks.update_value(|placed| {
                place_marks(&parent, placed, &s.marks, &|m: &Mark| {
                    // Each mark has an owner of its own under the timeline's, as a `<For>` row
                    // would: its bindings live exactly as long as its element.
                    let mark_owner = owner.with(Owner::new);
                    let m = m.clone();
                    // Untracked: what a mark reads while it is made must not rerun this effect.
                    untrack(|| {
                        let view = mark_owner.with(|| {
                            view! { <MarkView mark=m scene=scene_memo store=store selected=selected focused=focused was_drag=was_drag /> }
                                .into_any()
                        });
                        OwnedView::new_with_owner(view, mark_owner).build()
                    })
                })
            })
        });
    });

    let fit = move |_| store.update(Step::Push, |s| s.span = None);
    let help_id = store.id("timeline-help");
    view! {
        <div class="tl-controls" role="group" aria-label=tr(lang, Key::TimelineView)>
            <button type="button" data-action="zoom-in" on:click=move |_| zoom(0.6, 0.5)
                aria-label=tr(lang, Key::ZoomIn) title=tr(lang, Key::ZoomIn)>"+"</button>
            <button type="button" data-action="zoom-out" on:click=move |_| zoom(1.0 / 0.6, 0.5)
                aria-label=tr(lang, Key::ZoomOut) title=tr(lang, Key::ZoomOut)>"−"</button>
            <button type="button" data-action="pan-earlier" on:click=move |_| set_w(window.get_untracked().pan_frac(-0.3), Step::Replace)
                aria-label=tr(lang, Key::PanEarlier) title=tr(lang, Key::PanEarlier)>"←"</button>
            <button type="button" data-action="pan-later" on:click=move |_| set_w(window.get_untracked().pan_frac(0.3), Step::Replace)
                aria-label=tr(lang, Key::PanLater) title=tr(lang, Key::PanLater)>"→"</button>
            <button type="button" data-action="fit" on:click=fit>{tr(lang, Key::Fit)}</button>
        </div>
        <p id=help_id.clone() class="tl-visually-hidden">{tr(lang, Key::TimelineHelp)}</p>
        <div class="tl-timeline" node_ref=container tabindex="0" role="region"
            aria-label=store.landmark(Key::TimelineLabel) aria-describedby=help_id
            class:tl-dragging=move || dragging.get()
            on:wheel=on_wheel on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
            on:pointercancel=on_up on:keydown=on_key>
            <Axis window=window width=width />
            <div class="tl-lanes" node_ref=lanes_el role="list" style:height=move || css_len(scene_memo.with(|s| s.height), 0, "px")>
                {
                    let s6 = session.clone();
                    move || lanes.with(|lanes| {
                        let l = lang.get();
                        lanes.iter().filter(|lane| lane.key != LaneKey::All).map(|lane| {
                            let label = match &lane.key {
                                LaneKey::Category(c) => category_name(l, *c).to_string(),
                                LaneKey::Actor(a) => s6.actor_name(a, l),
                                LaneKey::All => String::new(),
                            };
                            view! {
                                <div class="tl-lane" role="presentation" style:top=css_len(lane.y, 1, "px")
                                    style:height=css_len(lane.height, 1, "px") style:position="absolute" style:left="0" style:right="0">
                                    <span class="tl-lane-label">{label} " (" {lane.count} ")"</span>
                                </div>
                            }
                        }).collect::<Vec<_>>()
                    })
                }
            </div>
            <Show when={move || width.get() > 0.0 && scene_memo.with(|s| s.marks.is_empty())}>
                <p class="tl-empty">{move || {
                    let l = lang.get();
                    if store.filtered.with(|f| f.is_empty()) { t(l, Key::NoResults) } else { t(l, Key::NoneInWindow) }
                }}</p>
            </Show>
        </div>
        <Overview window=window extent=filtered_extent />
    }
}

/// A mark's element on the timeline, with the bindings that keep it up to date.
struct Placed {
    key: MarkKey,
    element: web_sys::Element,
    view: Box<dyn Mountable>,
}

/// Brings the mark elements in `parent` (after everything else in it) in line with `marks`:
/// elements of marks that stay are kept, and moved only where the order of marks changed
/// ([`keyed::plan`]); `build` makes the view of a new mark. Leptos' `<For>` moved a mark
/// whenever several had been added before it, and the browser lays out a moved element from
/// scratch.
fn place_marks(parent: &web_sys::Element, placed: &mut Vec<Placed>, marks: &[Mark], build: &dyn Fn(&Mark) -> OwnedViewState<AnyViewState>) {
    let old: Vec<MarkKey> = placed.iter().map(|p| p.key).collect();
    let new: Vec<MarkKey> = marks.iter().map(|m| m.key).collect();
    let plan = keyed::plan(&old, &new);
    let mut before: Vec<Option<Placed>> = std::mem::take(placed).into_iter().map(Some).collect();
    for &r in &plan.removed {
        if let Some(mut gone) = before[r].take() {
            gone.view.unmount();
        }
    }
    let mut after: Vec<Placed> = Vec::with_capacity(marks.len());
    // Walking back from the end, each element goes right before the one after it.
    let mut next: Option<web_sys::Node> = None;
    for (i, place) in plan.places.iter().enumerate().rev() {
        let item = match *place {
            Place::Stay(o) => before[o].take(),
            Place::Move(o) => before[o].take().inspect(|p| {
                let _ = parent.insert_before(&p.element, next.as_ref());
            }),
            Place::New => {
                let mut view = build(&marks[i]);
                let Some(element) = view.elements().into_iter().next() else { continue };
                view.mount(parent, next.as_ref());
                Some(Placed { key: marks[i].key, element, view: Box::new(view) })
            }
        };
        if let Some(item) = item {
            next = Some(item.element.clone().into());
            after.push(item);
        }
    }
    after.reverse();
    *placed = after;
}

/// The time axis with its ticks.
#[component]
fn Axis(
    /// The visible window.
    window: Memo<Window>,
    /// The timeline's width in px.
    width: RwSignal<f64>,
) -> impl IntoView {
    let store = use_store();
    let all = Memo::new(move |_| ticks(&window.get(), width.get(), store.lang.get()));
    // Keyed by date and label: while zooming and panning, a tick that stays keeps its element
    // and only moves.
    view! {
        <div class="tl-axis" aria-hidden="true">
            <For
                each=move || all.get()
                key=|tk: &Tick| (tk.day, tk.major, tk.label.clone())
                children=move |tk: Tick| {
                    let day = tk.day;
                    let left = move || all.with(|ts| ts.iter().find(|t| t.day == day).map_or(0.0, |t| t.x));
                    view! {
                        <span class="tl-tick" class:tl-major=tk.major style:left=move || css_len(left(), 1, "px")>{tk.label}</span>
                    }
                }
            />
        </div>
    }
}

/// One event box or cluster mark.
///
/// A mark is a focusable element with the list-item role, not a `<button>`: Chromium spent
/// about four times as long on the style and layout of a moved button as of a moved `<div>`
/// (25 clusters moved: 2.1-3.7 against 0.3-0.6 ms), which was half the layout of every zoom
/// frame. The timeline's key handler gives marks a button's Enter and Space.
#[component]
fn MarkView(
    /// The mark as first placed; later placements are read from `scene`.
    mark: Mark,
    /// The current scene.
    scene: Memo<Scene>,
    /// The widget's store.
    store: Store,
    /// The selected event's id.
    selected: Memo<Option<String>>,
    /// The event that has (or last had) keyboard focus.
    focused: RwSignal<Option<usize>>,
    /// Whether the pointer gesture that ends in this click was a drag.
    was_drag: Callback<(), bool>,
) -> impl IntoView {
    // This mark as currently placed: its own memo, so a change elsewhere in the scene (or a
    // mark that did not move) reruns none of this mark's bindings.
    let key = mark.key;
    let current = Memo::new(move |_| scene.with(|s| s.mark(key).cloned()));
    let pos = move |f: fn(&Mark) -> f64| current.with(|m| m.as_ref().map(f).unwrap_or(0.0));
    let left = move || css_len(pos(|m| m.x), 1, "px");
    let top = move || css_len(pos(|m| m.y), 1, "px");
    let width = move || css_len(pos(|m| m.width), 1, "px");
    let bar = move || css_len(pos(|m| m.bar_width).max(4.0), 1, "px");
    let lang = store.lang;
    let session = store.session();
    match mark.kind {
        MarkKind::Event(i) => {
            // Texts are read from the shared session when shown, never copied per mark.
            let e = &session.dataset.events[i];
            let id = e.id.clone();
            let id2 = id.clone();
            let id3 = id.clone();
            let wide = e.date.precision() != crate::core::date::Precision::Day || e.end.is_some();
            let approximate = e.approximate;
            let category = e.categories.first().map(|c| c.code()).unwrap_or("");
            let (s1, s2) = (session.clone(), session.clone());
            let title = move || s1.dataset.events[i].title.get(lang.get()).to_string();
            let when = move || {
                let e = &s2.dataset.events[i];
                format_span(&e.date, e.end.as_ref(), e.approximate, lang.get())
            };
            // The mark's name is its content: the title, then the date.
            view! {
                <div class="tl-event" role="listitem" data-event-id=id.clone() data-category=category
                    class:tl-wide=wide class:tl-approx=approximate
                    class:tl-selected=move || selected.with(|s| s.as_deref() == Some(id3.as_str()))
                    tabindex=move || {
                        let mine = focused.get() == Some(i) || (focused.get().is_none() && selected.with(|s| s.as_deref() == Some(id2.as_str())));
                        if mine { "0" } else { "-1" }
                    }
                    style:left=left style:top=top style:width=width
                    on:focus=move |_| focused.set(Some(i))
                    on:click=move |_| {
                        if was_drag.run(()) { return; }
                        store.return_focus.set_value(Some(id.clone()));
                        store.focus_detail.set_value(true);
                        store.update(Step::Push, |s| s.event = Some(id.clone()));
                    }>
                    <span class="tl-event-bar" style:width=bar></span>
                    <span class="tl-event-label">{title}</span>
                    <span class="tl-event-date">{when}</span>
                </div>
            }
            .into_any()
        }
        MarkKind::Cluster { .. } => {
            // A cluster key is a slot (lane and place), so its members change as the view
            // zooms or the filter changes: everything shown is read from the current mark.
            let members = Memo::new(move |_| {
                current.with(|m| match m.as_ref().map(|m| &m.kind) {
                    Some(MarkKind::Cluster { events, start, end }) => (events.clone(), *start, *end),
                    _ => (Default::default(), 0.0, 0.0),
                })
            });
            let n = move || members.with(|(events, _, _)| events.len());
            // Member ids for scripts and tests; a big cluster (thousands of events in a large
            // dataset) carries only its count, so redrawing it stays cheap.
            let ids = move || {
                members.with(|(events, _, _)| {
                    (events.len() <= MAX_LISTED_IDS)
                        .then(|| events.iter().map(|&i| session.dataset.events[i].id.as_str()).collect::<Vec<_>>().join(" "))
                })
            };
            view! {
                <div class="tl-cluster" role="listitem" tabindex="-1" data-event-ids=ids data-count=n
                    aria-label=move || cluster_label(lang.get(), n())
                    style:left=left style:top=top style:width=width
                    on:click=move |_| {
                        if was_drag.run(()) { return; }
                        let (_, start, end) = members.get_untracked();
                        let w = Window::fit(start, end, 0.1);
                        store.update(Step::Push, |s| set_window(s, w));
                    }>
                    {n}
                </div>
            }
            .into_any()
        }
    }
}

/// The overview strip: density over the whole filtered period, with the window as a brush.
#[component]
fn Overview(
    /// The visible window.
    window: Memo<Window>,
    /// Where the filtered events begin and end.
    extent: Memo<Option<Window>>,
) -> impl IntoView {
    const BINS: usize = 120;
    let store = use_store();
    let lang = store.lang;
    let session = store.session();
    let strip = NodeRef::<leptos::html::Div>::new();
    let s1 = session.clone();
    let full = Memo::new(move |_| {
        let d = extent.get().map(|d| Window::fit(d.start, d.end, 0.02)).unwrap_or_else(|| window.get_untracked());
        let bins = store.filtered.with(|f| density(f.iter().filter_map(|&i| s1.items.get(i).copied()), &d, BINS));
        (d, bins)
    });
    let drag = StoredValue::new_local(None::<(f64, Window)>);
    let brush_pos = move || {
        let d = full.with(|(d, _)| *d);
        let w = window.get();
        let a = ((w.start - d.start) / d.span()).clamp(0.0, 1.0) * 100.0;
        let b = ((w.end - d.start) / d.span()).clamp(0.0, 1.0) * 100.0;
        (a, (b - a).max(0.5))
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let Some(el) = strip.get_untracked() else { return };
        let rect = el.get_bounding_client_rect();
        let d = full.with_untracked(|(d, _)| *d);
        let frac = (ev.client_x() as f64 - rect.left()) / rect.width().max(1.0);
        let w = window.get_untracked();
        let day = d.start + frac * d.span();
        // Pressing outside the brush centres the window there first.
        let w = if w.contains(day) { w } else { w.centred_on(day) };
        store.update(Step::Push, |s| set_window(s, w));
        drag.set_value(Some((ev.client_x() as f64, w)));
        let _ = el.set_pointer_capture(ev.pointer_id());
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some((x0, w0)) = drag.get_value() else { return };
        let Some(el) = strip.get_untracked() else { return };
        let d = full.with_untracked(|(d, _)| *d);
        let px_per_day = el.get_bounding_client_rect().width().max(1.0) / d.span();
        let shift = (ev.client_x() as f64 - x0) / px_per_day;
        let w = Window::new(w0.start + shift, w0.end + shift);
        store.update(Step::Replace, |s| set_window(s, w));
    };
    let on_up = move |_| drag.set_value(None);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let w = window.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowLeft" => w.pan_frac(-0.25),
            "ArrowRight" => w.pan_frac(0.25),
            _ => return,
        };
        ev.prevent_default();
        store.update(Step::Replace, |s| set_window(s, next));
    };
    view! {
        <div class="tl-overview" node_ref=strip role="slider" tabindex="0"
            aria-label=tr(lang, Key::OverviewLabel)
            aria-valuemin="0" aria-valuemax="100"
            aria-valuenow=move || css_len(brush_pos().0, 0, "")
            aria-valuetext=move || {
                let w = window.get();
                let (a, b) = w.to_span();
                match (crate::core::date::date_of_day(a), crate::core::date::date_of_day(b - 1)) {
                    (Some(a), Some(b)) => format!("{a} – {b}"),
                    _ => String::new(),
                }
            }
            on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up on:keydown=on_key>
            <svg class="tl-density" aria-hidden="true" focusable="false" preserveAspectRatio="none"
                viewBox=format!("0 0 {BINS} {DENSITY_HEIGHT}")>
                <path d=move || full.with(|(_, bins)| density_path(bins))></path>
            </svg>
            <span class="tl-brush" style:left=move || css_len(brush_pos().0, 2, "%") style:width=move || css_len(brush_pos().1, 2, "%")></span>
        </div>
    }
}
