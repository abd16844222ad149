//! The timeline: axis, lanes, event boxes, clusters and the overview strip. All positions come
//! from [`crate::core::layout::scene`]; this component maps them to elements and turns wheel, pointer,
//! touch and key input into new windows via the pure [`Window`] maths.

use super::dom::{bind, button, el, fragment, set_style, svg, width_probe, Dom};
use super::keyed::Children;
use super::marks::{mark_element, set_px, MarkContext, Marks};
use super::{effect, use_store, Step};
use crate::core::i18n::{category_name, t, Key};
use crate::core::layout::scale::{wheel_pixels, Window};
use crate::core::layout::scene::{
    extent, group_events, neighbour, reveal, scene_of_lanes, set_window, window_for_extent, LaneGroup,
    LaneKey, MarkKind, Scene,
};
use crate::core::layout::stack::{css_len, density, density_path, DENSITY_HEIGHT};
use crate::core::layout::ticks::{ticks, Tick};
use crate::platform::browser;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::Arc;
use wasm_bindgen::JsCast;

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

/// The timeline's parts: its controls, the help for screen readers, the timeline itself and
/// the overview strip.
#[allow(non_snake_case)]
pub fn Timeline() -> Dom {
    let store = use_store();
    let lang = store.lang;
    let loaded = store.loaded();
    // The width is watched on an empty first child (see `width_probe`).
    let probe = width_probe();
    let watched = probe.element().clone();
    let timeline = el("div").class("tl-timeline").child(probe);
    let container = timeline.element().clone();
    let width = RwSignal::new(0.0f64);

    // Measure the available width (and follow resizes) once mounted: the first width comes with
    // the first frame's layout, before that frame is painted, instead of forcing a layout of the
    // half-built page here (10-15 ms at 10,000 events).
    effect(move || {
        let watch = browser::watch_width(&watched, move |w| width.set(w));
        let watch = SendWrapper::new(watch);
        on_cleanup(move || drop(watch));
    });

    let s1 = loaded.clone();
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
    let s0 = loaded.clone();
    let grouped = Memo::new(move |_| {
        store.filtered.with(|f| Grouped(Arc::new(group_events(&s0.frame(f, group.get(), 1.0)))))
    });
    let s2 = loaded.clone();
    // Nothing is laid out before the width is known (the first render, just before it is
    // measured): laying out and drawing every lane at a width of 1 px only to redo it at once
    // cost a scene and a set of marks at start-up.
    let scene_memo: Memo<Scene> = Memo::new(move |_| {
        let w = width.get();
        if w <= 0.0 {
            return Scene::default();
        }
        grouped.with(|g| {
            store.filtered.with(|f| scene_of_lanes(&s2.frame(f, group.get(), w), &g.0, window.get()))
        })
    });
    // The lanes on their own: zooming and panning change the marks in almost every frame but
    // the lanes only when one gains or loses a row, so their elements are rebuilt only then.
    let lanes = Memo::new(move |_| scene_memo.with(|s| s.lanes.clone()));
    let selected = Memo::new(move |_| store.state.with(|s| s.event.clone()));
    let focused = RwSignal::new(None::<usize>);

    let set_w = move |w: Window, step: Step| store.update(step, |s| set_window(s, w));
    let zoom =
        move |factor: f64, anchor: f64| set_w(window.get_untracked().zoom(factor, anchor), Step::Replace);

    // Wheel zooms around the pointer (horizontal wheel / shift pans).
    let host = container.clone();
    let on_wheel = move |ev: web_sys::Event| {
        let ev: &web_sys::WheelEvent = ev.unchecked_ref();
        ev.prevent_default();
        let rect = host.get_bounding_client_rect();
        let w = rect.width().max(1.0);
        // The deltas are read before the mode (see `wheel_pixels`).
        let (dx, dy) = (ev.delta_x(), ev.delta_y());
        let (dx, dy) = (wheel_pixels(dx, ev.delta_mode(), w), wheel_pixels(dy, ev.delta_mode(), w));
        if ev.shift_key() || dx.abs() > dy.abs() {
            let d = if dx != 0.0 { dx } else { dy };
            set_w(window.get_untracked().pan_px(-d, w), Step::Replace);
        } else {
            let anchor = ((ev.client_x() as f64 - rect.left()) / w).clamp(0.0, 1.0);
            zoom((dy * 0.002).exp(), anchor);
        }
    };

    // Drag to pan, two fingers to pinch-zoom.
    let gesture = StoredValue::new_local(Gesture::default());
    let dragging = RwSignal::new(false);
    let on_down = move |ev: web_sys::Event| {
        let ev: &web_sys::PointerEvent = ev.unchecked_ref();
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
    let host = container.clone();
    let on_move = move |ev: web_sys::Event| {
        let ev: &web_sys::PointerEvent = ev.unchecked_ref();
        let rect = host.get_bounding_client_rect();
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
                let _ = host.set_pointer_capture(ev.pointer_id());
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
    let on_up = move |ev: web_sys::Event| {
        let ev: &web_sys::PointerEvent = ev.unchecked_ref();
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

    let s3 = loaded.clone();
    let host = container.clone();
    let move_focus = move |target: Option<usize>| {
        let Some(i) = target else { return };
        let w = width.get_untracked().max(1.0);
        let revealed = store
            .filtered
            .with_untracked(|f| reveal(&s3.frame(f, group.get_untracked(), w), window.get_untracked(), i));
        if revealed != window.get_untracked() {
            set_w(revealed, Step::Replace);
        }
        focused.set(Some(i));
        let id = s3.dataset.events[i].id.clone();
        let host = host.clone();
        browser::before_next_frame(move || {
            browser::focus_first(&host, &format!(".tl-event[data-event-id=\"{id}\"]"));
        });
    };
    let s4 = loaded.clone();
    let on_key = move |ev: web_sys::Event| {
        let ev: &web_sys::KeyboardEvent = ev.unchecked_ref();
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
        let current = focused
            .get_untracked()
            .or_else(|| selected.get_untracked().and_then(|id| s4.dataset.event_index(&id)));
        match ev.key().as_str() {
            "+" | "=" => zoom(0.7, 0.5),
            "-" | "_" => zoom(1.0 / 0.7, 0.5),
            "ArrowRight" | "ArrowDown" if on_event => {
                move_focus(store.filtered.with_untracked(|f| neighbour(f, current, 1)))
            }
            "ArrowLeft" | "ArrowUp" if on_event => {
                move_focus(store.filtered.with_untracked(|f| neighbour(f, current, -1)))
            }
            "Home" if on_event => move_focus(store.filtered.with_untracked(|f| f.first().copied())),
            "End" if on_event => move_focus(store.filtered.with_untracked(|f| f.last().copied())),
            "ArrowRight" | "PageDown" => set_w(window.get_untracked().pan_px(-w * 0.2, w), Step::Replace),
            "ArrowLeft" | "PageUp" => set_w(window.get_untracked().pan_px(w * 0.2, w), Step::Replace),
            "ArrowDown" | "ArrowUp" => return,
            _ => return,
        }
        ev.prevent_default();
    };

    // The marks follow the scene through a keyed update of their own (see `super::marks`),
    // and their clicks and focus are handled here, on the timeline.
    let lanes_div = el("div").class("tl-lanes").attr("role", "list");
    let lanes_el = lanes_div.element().clone();
    let marks = StoredValue::new_local(Marks::default());
    let context = move || MarkContext { lang: lang.get(), selected: selected.get(), focused: focused.get() };
    let s5 = loaded.clone();
    let parent = lanes_el.clone();
    effect(move || {
        // Untracked: a new selection or language is written to the marks (below), it does not
        // place them again.
        let d = untrack(context);
        scene_memo.with(|s| marks.update_value(|m| m.place(&parent, &s.marks, &s5, &d)));
    });
    let s6 = loaded.clone();
    effect(move || {
        let d = context();
        marks.update_value(|m| m.refresh(&s6, &d));
    });
    let s7 = loaded.clone();
    let on_click = move |ev: web_sys::Event| {
        let Some(el) = mark_element(ev.target()) else { return };
        if was_drag() {
            return;
        }
        match marks.with_value(|m| m.kind_of(&el)) {
            Some(MarkKind::Event(i)) => {
                let id = s7.dataset.events[i].id.clone();
                store.return_focus.set_value(Some(id.clone()));
                store.focus_detail.set_value(true);
                store.update(Step::Push, |s| s.event = Some(id));
            }
            Some(MarkKind::Cluster { start, end, .. }) => {
                let w = Window::fit(start, end, 0.1);
                store.update(Step::Push, |s| set_window(s, w));
            }
            None => {}
        }
    };
    let on_focus = move |ev: web_sys::Event| {
        let Some(el) = mark_element(ev.target()) else { return };
        if let Some(MarkKind::Event(i)) = marks.with_value(|m| m.kind_of(&el)) {
            focused.set(Some(i));
        }
    };

    let help_id = store.id("timeline-help");
    let control = |action: &str, key: Key, label: &str, act: Box<dyn Fn()>| {
        button()
            .attr("data-action", action)
            .attr_tr("aria-label", lang, key)
            .attr_tr("title", lang, key)
            .text(label)
            .on("click", move |_| act())
    };
    let controls = el("div")
        .class("tl-controls")
        .attr("role", "group")
        .attr_tr("aria-label", lang, Key::TimelineView)
        .child(control("zoom-in", Key::ZoomIn, "+", Box::new(move || zoom(0.6, 0.5))))
        .child(control("zoom-out", Key::ZoomOut, "−", Box::new(move || zoom(1.0 / 0.6, 0.5))))
        .child(control(
            "pan-earlier",
            Key::PanEarlier,
            "←",
            Box::new(move || set_w(window.get_untracked().pan_frac(-0.3), Step::Replace)),
        ))
        .child(control(
            "pan-later",
            Key::PanLater,
            "→",
            Box::new(move || set_w(window.get_untracked().pan_frac(0.3), Step::Replace)),
        ))
        .child(
            button()
                .attr("data-action", "fit")
                .on("click", move |_| store.update(Step::Push, |s| s.span = None))
                .tr(lang, Key::Fit),
        );
    let s6 = loaded.clone();
    let lanes_div = lanes_div
        .bind_style("height", move || css_len(scene_memo.with(|s| s.height), 0, "px"))
        .dynamic(move || {
            lanes.with(|lanes| {
                let l = lang.get();
                let lanes = lanes.iter().filter(|lane| lane.key != LaneKey::All).map(|lane| {
                    let label = match &lane.key {
                        LaneKey::Category(c) => category_name(l, *c).to_string(),
                        LaneKey::Actor(a) => s6.actor_name(a, l),
                        LaneKey::All => String::new(),
                    };
                    el("div")
                        .class("tl-lane")
                        .attr("role", "presentation")
                        .style("top", &css_len(lane.y, 1, "px"))
                        .style("height", &css_len(lane.height, 1, "px"))
                        .child(el("span").class("tl-lane-label").text(&format!("{label} ({})", lane.count)))
                });
                Some(fragment().children(lanes))
            })
        });
    let landmark = store.landmark(Key::TimelineLabel);
    let nothing_shown = Memo::new(move |_| width.get() > 0.0 && scene_memo.with(|s| s.marks.is_empty()));
    let timeline = timeline
        .attr("tabindex", "0")
        .attr("role", "region")
        .bind_attr("aria-label", move || Some(landmark.get()))
        .attr("aria-describedby", &help_id)
        .bind_class("tl-dragging", move || dragging.get())
        .on("wheel", on_wheel)
        .on("pointerdown", on_down)
        .on("pointermove", on_move)
        .on("pointerup", on_up)
        .on("pointercancel", on_up)
        .on("keydown", on_key)
        .on("click", on_click)
        .on("focusin", on_focus)
        .child(Axis(window, width))
        .child(lanes_div)
        .dynamic(move || {
            nothing_shown.get().then(|| {
                el("p").class("tl-empty").bind_text(move || {
                    let l = lang.get();
                    if store.filtered.with(|f| f.is_empty()) {
                        t(l, Key::NoResults)
                    } else {
                        t(l, Key::NoneInWindow)
                    }
                    .to_string()
                })
            })
        });
    fragment()
        .child(controls)
        .child(el("p").attr("id", &help_id).class("tl-visually-hidden").tr(lang, Key::TimelineHelp))
        .child(timeline)
        .child(Overview(window, filtered_extent))
}

/// The time axis with its ticks.
/// The time axis with the ticks of the visible `window`, `width` px wide.
#[allow(non_snake_case)]
fn Axis(window: Memo<Window>, width: RwSignal<f64>) -> Dom {
    let store = use_store();
    let all = Memo::new(move |_| ticks(&window.get(), width.get(), store.lang.get()));
    // Keyed by date and label: while zooming and panning, a tick that stays keeps its element
    // and only moves.
    let axis = el("div").class("tl-axis").attr("aria-hidden", "true");
    let parent = axis.element().clone();
    let placed = StoredValue::new_local(Children::<(i64, bool, String), f64>::default());
    effect(move || {
        let Some(doc) = parent.owner_document() else { return };
        all.with(|ts| {
            let keys: Vec<_> = ts.iter().map(|t| (t.day, t.major, t.label.clone())).collect();
            placed.update_value(|p| {
                p.place(&parent, &keys, &mut |i| tick_element(&doc, &ts[i]), &mut |i, child| {
                    if child.state != ts[i].x {
                        child.state = ts[i].x;
                        set_px(&child.element, "left", ts[i].x);
                    }
                })
            })
        });
    });
    axis
}

/// A new tick's element.
fn tick_element(doc: &web_sys::Document, tick: &Tick) -> Option<(web_sys::Element, f64)> {
    let span = doc.create_element("span").ok()?;
    span.set_class_name(if tick.major { "tl-tick tl-major" } else { "tl-tick" });
    span.set_text_content(Some(&tick.label));
    set_px(&span, "left", tick.x);
    Some((span, tick.x))
}

/// The overview strip: density over the whole filtered period, with the window as a brush.
/// The overview strip: the density of the filtered events, which lie within `extent`, with
/// the visible `window` as a brush.
#[allow(non_snake_case)]
fn Overview(window: Memo<Window>, extent: Memo<Option<Window>>) -> Dom {
    const BINS: usize = 120;
    let store = use_store();
    let lang = store.lang;
    let loaded = store.loaded();
    let overview = el("div").class("tl-overview");
    let strip = overview.element().clone();
    let s1 = loaded.clone();
    let full = Memo::new(move |_| {
        let d =
            extent.get().map(|d| Window::fit(d.start, d.end, 0.02)).unwrap_or_else(|| window.get_untracked());
        let bins =
            store.filtered.with(|f| density(f.iter().filter_map(|&i| s1.items.get(i).copied()), &d, BINS));
        (d, bins)
    });
    let drag = StoredValue::new_local(None::<(f64, Window)>);
    let host = strip.clone();
    let on_down = move |ev: web_sys::Event| {
        let ev: &web_sys::PointerEvent = ev.unchecked_ref();
        let rect = host.get_bounding_client_rect();
        let d = full.with_untracked(|(d, _)| *d);
        let frac = (ev.client_x() as f64 - rect.left()) / rect.width().max(1.0);
        let w = window.get_untracked();
        let day = d.start + frac * d.span();
        // Pressing outside the brush centres the window there first.
        let w = if w.contains(day) { w } else { w.centred_on(day) };
        store.update(Step::Push, |s| set_window(s, w));
        drag.set_value(Some((ev.client_x() as f64, w)));
        let _ = host.set_pointer_capture(ev.pointer_id());
    };
    let host = strip.clone();
    let on_move = move |ev: web_sys::Event| {
        let ev: &web_sys::PointerEvent = ev.unchecked_ref();
        let Some((x0, w0)) = drag.get_value() else { return };
        let d = full.with_untracked(|(d, _)| *d);
        let px_per_day = host.get_bounding_client_rect().width().max(1.0) / d.span();
        let shift = (ev.client_x() as f64 - x0) / px_per_day;
        let w = Window::new(w0.start + shift, w0.end + shift);
        store.update(Step::Replace, |s| set_window(s, w));
    };
    let on_up = move |_| drag.set_value(None);
    let on_key = move |ev: web_sys::Event| {
        let ev: &web_sys::KeyboardEvent = ev.unchecked_ref();
        let w = window.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowLeft" => w.pan_frac(-0.25),
            "ArrowRight" => w.pan_frac(0.25),
            _ => return,
        };
        ev.prevent_default();
        store.update(Step::Replace, |s| set_window(s, next));
    };
    // The brush, and the slider's value, follow the window: worked out once per change.
    let brush = el("span").class("tl-brush");
    let (slider, brush_el) = (strip.clone(), brush.element().clone());
    bind(move || {
        let (left, width) = window.get().brush_in(&full.with(|(d, _)| *d));
        let _ = slider.set_attribute("aria-valuenow", &css_len(left, 0, ""));
        set_style(&brush_el, "left", &css_len(left, 2, "%"));
        set_style(&brush_el, "width", &css_len(width, 2, "%"));
    });
    let density_svg = svg("svg")
        .class("tl-density")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .attr("preserveAspectRatio", "none")
        .attr("viewBox", &format!("0 0 {BINS} {DENSITY_HEIGHT}"))
        .child(svg("path").bind_attr("d", move || Some(full.with(|(_, bins)| density_path(bins)))));
    overview
        .attr("role", "slider")
        .attr("tabindex", "0")
        .attr_tr("aria-label", lang, Key::OverviewLabel)
        .attr("aria-valuemin", "0")
        .attr("aria-valuemax", "100")
        .bind_attr("aria-valuetext", move || Some(window.get().days_text()))
        .on("pointerdown", on_down)
        .on("pointermove", on_move)
        .on("pointerup", on_up)
        .on("pointercancel", on_up)
        .on("keydown", on_key)
        .child(density_svg)
        .child(brush)
}
