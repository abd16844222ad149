//! The timeline: axis, lanes, event boxes, clusters, the signposts to events outside the window
//! and the overview strip. All positions come from `core::layout` (see [`geometry`]); the parts
//! here map them to elements and turn input into new windows.

mod axis;
mod geometry;
mod gestures;
mod overview;
mod periods;

use self::axis::{Axis, Folds};
use self::geometry::Geometry;
use self::gestures::{with_gestures, DragState};
use self::overview::Overview;
use self::periods::Periods;
use super::dom::{button, el, fragment, Dom};
use super::marks::{mark_element, MarkContext, Marks};
use super::{effect, Step};
use crate::core::i18n::{category_name, signpost, t, Key};
use crate::core::layout::scale::Window;
use crate::core::layout::scene::{
    neighbour, outside_window, reach_of, reveal, widen_to_edge, Lane, LaneKey, MarkKind,
};
use crate::core::layout::stack::css_len;
use crate::platform::browser;
use crate::ui::memo::Memo;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The timeline's parts: its controls, the help for screen readers, the timeline itself and
/// the overview strip.
#[allow(non_snake_case)]
pub fn Timeline() -> Dom {
    let store = super::use_store();
    let geo = Geometry::new(store);
    geo.open_where_the_story_is();
    follow_the_selection(geo);
    let help_id = store.id("timeline-help");
    let landmark = store.landmark(Key::TimelineLabel);
    let focused = RwSignal::new(None::<usize>);
    let region = el("div")
        .class("tl-timeline")
        .attr("id", &store.id("timeline"))
        .attr("tabindex", "0")
        .attr("role", "region")
        .bind_attr("aria-label", move || Some(landmark.get()))
        .attr("aria-describedby", &help_id);
    let (region, drag) = with_gestures(region, geo);
    let outside = outside_counts(geo);
    let region = region
        .bind_class("tl-dragging", move || drag.dragging.get())
        .child(Axis(geo))
        .child(Folds(geo))
        .child(Periods(geo))
        .child(Stage(geo, focused, drag))
        .child(Signpost(geo, outside, true))
        .child(Signpost(geo, outside, false));
    let region = with_keys(region, geo, focused, drag);
    fragment()
        .child(Controls(geo))
        .child(el("p").attr("id", &help_id).class("tl-visually-hidden").tr(store.lang, Key::TimelineHelp))
        .child(region)
        .child(Overview(geo))
}

/// Brings an event opened from elsewhere (the detail panel's previous and next, the list, the
/// host) into view when the window does not show it as a box of its own. Not on mounting: a
/// link's window stays as the link has it.
fn follow_the_selection(geo: Geometry) {
    let store = geo.store;
    let loaded = store.loaded();
    let selected = Memo::new(move |_| {
        store.state.with(|s| s.event.as_ref().and_then(|id| loaded.dataset.event_index(id)))
    });
    let mut mounted = false;
    effect(move || {
        let event = selected.get();
        if !std::mem::replace(&mut mounted, true) || geo.width.get_untracked() <= 0.0 {
            return;
        }
        let Some(i) = event else { return };
        let window = geo.window.get_untracked();
        let revealed = geo.with_frame(|frame, _| reveal(frame, window, i));
        if revealed != window {
            geo.show(revealed, Step::Replace);
        }
    });
}

/// Zoom, pan and "show whole period" (whether the axis folds is the toolbar's).
#[allow(non_snake_case)]
fn Controls(geo: Geometry) -> Dom {
    let store = geo.store;
    let lang = store.lang;
    let control = |action: &str, key: Key, label: &str, act: Box<dyn Fn()>| {
        button()
            .attr("data-action", action)
            .attr_tr("aria-label", lang, key)
            .attr_tr("title", lang, key)
            .text(label)
            .on("click", move |_| act())
    };
    let pan = move |frac: f64| geo.show(geo.window.get_untracked().pan_frac(frac), Step::Replace);
    el("div")
        .class("tl-controls")
        .attr("role", "group")
        .attr_tr("aria-label", lang, Key::TimelineView)
        .child(control("zoom-in", Key::ZoomIn, "+", Box::new(move || geo.zoom(0.6, 0.5))))
        .child(control("zoom-out", Key::ZoomOut, "−", Box::new(move || geo.zoom(1.0 / 0.6, 0.5))))
        .child(control("pan-earlier", Key::PanEarlier, "←", Box::new(move || pan(-0.3))))
        .child(control("pan-later", Key::PanLater, "→", Box::new(move || pan(0.3))))
        .child(
            button()
                .attr("data-action", "fit")
                .on("click", move |_| store.update(Step::Push, |s| s.span = None))
                .tr(lang, Key::Fit),
        )
}

/// The stage the lanes are drawn on: lane labels, folds and the marks. Its size is the
/// timeline's: it is measured (and followed) here, and its height decides how many rows the
/// lanes stack before they cluster.
#[allow(non_snake_case)]
fn Stage(geo: Geometry, focused: RwSignal<Option<usize>>, drag: DragState) -> Dom {
    let store = geo.store;
    let stage = el("div").class("tl-stage");
    let watched = stage.element().clone();
    // The first size comes with the first frame's layout, before that frame is painted, instead
    // of forcing a layout of the half-built page here (10-15 ms at 10,000 events). The stage's
    // size does not depend on what it holds (`contain: size`), so drawing never resizes it.
    effect(move || {
        let watch = browser::watch_size(&watched, move |w, h| {
            geo.width.set(w);
            geo.height.set(h);
        });
        let watch = SendWrapper::new(watch);
        on_cleanup(move || drop(watch));
    });
    // The lanes on their own: zooming and panning change the marks in almost every frame but
    // the lanes only when one gains or loses a row, so their labels are made again only then.
    let lanes = Memo::new(move |_| geo.scene.with(|s| s.lanes.clone()));
    let lanes = el("div")
        .class("tl-lanes")
        .attr("role", "list")
        .bind_style("height", move || css_len(geo.scene.with(|s| s.height), 0, "px"))
        .dynamic(move || LaneLabels(geo, lanes));
    let lanes = with_marks(lanes, geo, focused, drag);
    let nothing_shown = Memo::new(move |_| geo.width.get() > 0.0 && geo.scene.with(|s| s.marks.is_empty()));
    stage.child(lanes).dynamic(move || {
        nothing_shown.get().then(|| {
            el("p").class("tl-empty").bind_text(move || {
                let l = store.lang.get();
                let key =
                    if store.filtered.with(|f| f.is_empty()) { Key::NoResults } else { Key::NoneInWindow };
                t(l, key).to_string()
            })
        })
    })
}

/// The labels of `lanes` (only when grouping).
#[allow(non_snake_case)]
fn LaneLabels(geo: Geometry, lanes: Memo<Vec<Lane>>) -> Option<Dom> {
    let loaded = geo.store.loaded();
    let l = geo.store.lang.get();
    lanes.with(|lanes| {
        let labels = lanes.iter().filter(|lane| lane.key != LaneKey::All).map(|lane| {
            let label = match &lane.key {
                LaneKey::Category(c) => category_name(l, *c).to_string(),
                LaneKey::Actor(a) => loaded.actor_name(a, l),
                LaneKey::All => String::new(),
            };
            el("div")
                .class("tl-lane")
                .attr("role", "presentation")
                .style("top", &css_len(lane.y, 1, "px"))
                .style("height", &css_len(lane.height, 1, "px"))
                .child(el("span").class("tl-lane-label").text(&format!("{label} ({})", lane.count)))
        });
        Some(fragment().children(labels))
    })
}

/// Draws the scene's marks into `lanes` (see `super::marks`) and handles their clicks and focus
/// there, on the lanes.
fn with_marks(lanes: Dom, geo: Geometry, focused: RwSignal<Option<usize>>, drag: DragState) -> Dom {
    let store = geo.store;
    let loaded = store.loaded();
    let parent = lanes.element().clone();
    let marks = StoredValue::new_local(Marks::default());
    let selected = Memo::new(move |_| store.state.with(|s| s.event.clone()));
    let context =
        move || MarkContext { lang: store.lang.get(), selected: selected.get(), focused: focused.get() };
    let l = loaded.clone();
    effect(move || {
        // Untracked: a new selection or language is written to the marks (below), it does not
        // place them again.
        let c = untrack(context);
        geo.scene.with(|s| marks.update_value(|m| m.place(&parent, &s.marks, &l, &c)));
    });
    let l = loaded.clone();
    effect(move || {
        let c = context();
        marks.update_value(|m| m.refresh(&l, &c));
    });
    let on_click = move |ev: web_sys::Event| {
        let Some(el) = mark_element(ev.target()) else { return };
        if drag.was_drag() {
            return;
        }
        match marks.with_value(|m| m.kind_of(&el)) {
            Some(MarkKind::Event(i)) => {
                let id = loaded.dataset.events[i].id.clone();
                store.return_focus.set_value(Some(id.clone()));
                store.focus_detail.set_value(true);
                store.update(Step::Push, |s| s.event = Some(id));
            }
            Some(MarkKind::Cluster { start, end, .. }) => geo.show(Window::fit(start, end, 0.1), Step::Push),
            None => {}
        }
    };
    let on_focus = move |ev: web_sys::Event| {
        let Some(el) = mark_element(ev.target()) else { return };
        if let Some(MarkKind::Event(i)) = marks.with_value(|m| m.kind_of(&el)) {
            focused.set(Some(i));
        }
    };
    lanes.on("click", on_click).on("focusin", on_focus)
}

/// How many filtered events lie wholly before and after the window, once per window for both
/// signposts.
fn outside_counts(geo: Geometry) -> Memo<(usize, usize)> {
    let loaded = geo.store.loaded();
    let l = loaded.clone();
    let reach = Memo::new(move |_| {
        geo.placed.with(|p| geo.store.filtered.with(|f| Reach(Arc::new(reach_of(p.items(&l), f)))))
    });
    Memo::new(move |_| {
        let w = geo.window.get();
        reach.with(|r| {
            geo.placed.with(|p| geo.store.filtered.with(|f| outside_window(p.items(&loaded), f, &r.0, &w)))
        })
    })
}

/// How far the filtered events reach (see `reach_of`), once per filter result. A new one always
/// counts as a change: comparing two would cost as much as making one.
#[derive(Clone)]
struct Reach(Arc<Vec<f64>>);

impl PartialEq for Reach {
    fn eq(&self, other: &Reach) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A signpost at the left (`earlier`) or right edge: how many filtered events lie outside the
/// window on that side (`outside`, see [`outside_counts`]); following it widens the window to
/// take them in.
#[allow(non_snake_case)]
fn Signpost(geo: Geometry, outside: Memo<(usize, usize)>, earlier: bool) -> Dom {
    let store = geo.store;
    let count = Memo::new(move |_| {
        let (before, after) = outside.get();
        if earlier {
            before
        } else {
            after
        }
    });
    let go = move |_| {
        let w = widen_to_edge(
            geo.extent.get_untracked(),
            geo.window.get_untracked(),
            earlier,
            geo.width.get_untracked(),
        );
        geo.show(w, Step::Push);
    };
    fragment().dynamic(move || {
        let n = count.get();
        (n > 0).then(|| {
            button()
                .class(if earlier { "tl-edge tl-edge-earlier" } else { "tl-edge tl-edge-later" })
                .attr("data-count", &n.to_string())
                .bind_text(move || signpost(store.lang.get(), count.get(), earlier))
                .on("pointerdown", |ev| ev.stop_propagation())
                .on("click", go)
        })
    })
}

/// The timeline's keys: + and − zoom; on an event, arrows and Home/End move between events
/// (in date order among the filtered ones) and Enter or Space open it; elsewhere arrows and
/// Page Up/Down pan.
fn with_keys(region: Dom, geo: Geometry, focused: RwSignal<Option<usize>>, drag: DragState) -> Dom {
    let store = geo.store;
    let loaded = store.loaded();
    let host = region.element().clone();
    let l = loaded.clone();
    let move_focus = move |target: Option<usize>| {
        let Some(i) = target else { return };
        let revealed = geo.with_frame(|frame, _| reveal(frame, geo.window.get_untracked(), i));
        if revealed != geo.window.get_untracked() {
            geo.show(revealed, Step::Replace);
        }
        focused.set(Some(i));
        let id = l.dataset.events[i].id.clone();
        let host = host.clone();
        browser::before_next_frame(move || {
            browser::focus_first(&host, &format!(".tl-event[data-event-id=\"{id}\"]"));
        });
    };
    let on_key = move |ev: web_sys::Event| {
        let ev: &web_sys::KeyboardEvent = ev.unchecked_ref();
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
        let on_event = target.as_ref().is_some_and(|e| e.class_list().contains("tl-event"));
        // Marks are not buttons (see `super::marks`): Enter and Space activate them as they
        // would a button.
        if let Some(mark) = target.as_ref().filter(|e| on_event || e.class_list().contains("tl-cluster")) {
            if matches!(ev.key().as_str(), "Enter" | " ") {
                ev.prevent_default();
                if !ev.repeat() {
                    drag.forget();
                    mark.click();
                }
                return;
            }
        }
        let w = geo.width.get_untracked().max(1.0);
        let current = focused.get_untracked().or_else(|| {
            store.state.with_untracked(|s| s.event.as_ref().and_then(|id| loaded.dataset.event_index(id)))
        });
        let step = |by: isize| store.filtered.with_untracked(|f| neighbour(f, current, by));
        let edge =
            |last: bool| store.filtered.with_untracked(|f| if last { f.last() } else { f.first() }.copied());
        let pan = |px: f64| geo.show(geo.window.get_untracked().pan_px(px, w), Step::Replace);
        match ev.key().as_str() {
            "+" | "=" => geo.zoom(0.7, 0.5),
            "-" | "_" => geo.zoom(1.0 / 0.7, 0.5),
            "ArrowRight" | "ArrowDown" if on_event => move_focus(step(1)),
            "ArrowLeft" | "ArrowUp" if on_event => move_focus(step(-1)),
            "Home" if on_event => move_focus(edge(false)),
            "End" if on_event => move_focus(edge(true)),
            "ArrowRight" | "PageDown" => pan(-w * 0.2),
            "ArrowLeft" | "PageUp" => pan(w * 0.2),
            _ => return,
        }
        ev.prevent_default();
    };
    region.on("keydown", on_key)
}
