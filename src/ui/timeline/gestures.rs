//! Wheel, drag and pinch on the timeline: each turns the input into a new window through the
//! pure window maths (`core::layout::scale::Window`) and shows it.

use super::geometry::Geometry;
use crate::core::layout::scale::{wheel_pixels, Window};
use crate::ui::dom::Dom;
use crate::ui::Step;
use leptos::prelude::*;
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
    fn contains(&self, id: i32) -> bool {
        self.0.iter().any(|p| p.0 == id)
    }
    fn remove(&mut self, id: i32) {
        self.0.retain(|p| p.0 != id);
    }
    fn xs(&self) -> Vec<f64> {
        self.0.iter().map(|p| p.1).collect()
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

/// The middle of the pointers' xs.
fn mid(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len().max(1) as f64
}

/// Whether the last pointer gesture on the timeline was a drag (so its click selects nothing).
#[derive(Clone, Copy)]
pub struct DragState {
    gesture: StoredValue<Gesture, LocalStorage>,
    /// True while a drag or pinch is under way.
    pub dragging: RwSignal<bool>,
}

impl DragState {
    /// Whether the pointer gesture that just ended moved the window.
    pub fn was_drag(&self) -> bool {
        self.gesture.with_value(|g| g.moved)
    }

    /// Forgets the last gesture (a key press is never the end of a drag).
    pub fn forget(&self) {
        self.gesture.update_value(|g| g.moved = false);
    }
}

/// Adds wheel zoom (horizontal wheel or Shift pans), drag to pan and two-finger pinch to the
/// timeline element `timeline`.
pub fn with_gestures(timeline: Dom, geo: Geometry) -> (Dom, DragState) {
    let host = timeline.element().clone();
    let state =
        DragState { gesture: StoredValue::new_local(Gesture::default()), dragging: RwSignal::new(false) };
    let h = host.clone();
    let on_wheel = move |ev: web_sys::Event| {
        let ev: &web_sys::WheelEvent = ev.unchecked_ref();
        ev.prevent_default();
        let rect = h.get_bounding_client_rect();
        let w = rect.width().max(1.0);
        // The deltas are read before the mode (see `wheel_pixels`).
        let (dx, dy) = (ev.delta_x(), ev.delta_y());
        let (dx, dy) = (wheel_pixels(dx, ev.delta_mode(), w), wheel_pixels(dy, ev.delta_mode(), w));
        if ev.shift_key() || dx.abs() > dy.abs() {
            let d = if dx != 0.0 { dx } else { dy };
            geo.show(geo.window.get_untracked().pan_px(-d, w), Step::Replace);
        } else {
            let anchor = ((ev.client_x() as f64 - rect.left()) / w).clamp(0.0, 1.0);
            geo.zoom((dy * 0.002).exp(), anchor);
        }
    };
    let gesture = state.gesture;
    let on_down = move |ev: web_sys::Event| {
        let ev: &web_sys::PointerEvent = ev.unchecked_ref();
        if ev.button() != 0 {
            return;
        }
        gesture.update_value(|g| {
            g.pointers.insert(ev.pointer_id(), ev.client_x() as f64);
            g.start_window = Some(geo.window.get_untracked());
            g.moved = false;
            let xs = g.pointers.xs();
            g.start_x = mid(&xs);
            g.start_dist = if xs.len() >= 2 { (xs[0] - xs[1]).abs().max(1.0) } else { 0.0 };
        });
    };
    let h = host.clone();
    let dragging = state.dragging;
    let on_move = move |ev: web_sys::Event| {
        let ev: &web_sys::PointerEvent = ev.unchecked_ref();
        let rect = h.get_bounding_client_rect();
        let next = gesture.try_update_value(|g| drag_to(g, ev, &h, &rect)).flatten();
        if let Some(win) = next {
            dragging.set(true);
            geo.show(win, Step::Replace);
        }
    };
    let on_up = move |ev: web_sys::Event| {
        let ev: &web_sys::PointerEvent = ev.unchecked_ref();
        gesture.update_value(|g| {
            g.pointers.remove(ev.pointer_id());
            let xs = g.pointers.xs();
            g.start_window = if xs.is_empty() { None } else { Some(geo.window.get_untracked()) };
            if !xs.is_empty() {
                g.start_x = mid(&xs);
            }
        });
        dragging.set(false);
    };
    let timeline = timeline
        .on("wheel", on_wheel)
        .on("pointerdown", on_down)
        .on("pointermove", on_move)
        .on("pointerup", on_up)
        .on("pointercancel", on_up);
    (timeline, state)
}

/// The window a pointer move makes of the gesture `g` under way (`None`: not a drag yet, or not
/// a pointer of this gesture): one pointer pans, two also zoom by how far apart they moved.
fn drag_to(
    g: &mut Gesture,
    ev: &web_sys::PointerEvent,
    host: &web_sys::Element,
    rect: &web_sys::DomRect,
) -> Option<Window> {
    if !g.pointers.contains(ev.pointer_id()) {
        return None;
    }
    g.pointers.insert(ev.pointer_id(), ev.client_x() as f64);
    let start = g.start_window?;
    let w = rect.width().max(1.0);
    let xs = g.pointers.xs();
    let m = mid(&xs);
    if !g.moved && (m - g.start_x).abs() < 4.0 && xs.len() < 2 {
        return None;
    }
    if !g.moved {
        g.moved = true;
        let _ = host.set_pointer_capture(ev.pointer_id());
    }
    let mut win = start.pan_px(m - g.start_x, w);
    if xs.len() >= 2 && g.start_dist > 0.0 {
        let dist = (xs[0] - xs[1]).abs().max(1.0);
        win = win.zoom(g.start_dist / dist, ((m - rect.left()) / w).clamp(0.0, 1.0));
    }
    Some(win)
}
