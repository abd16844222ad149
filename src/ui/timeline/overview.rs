//! The overview strip: the density of the filtered events over their whole stretch of the
//! axis, with the visible window as a brush to drag.

use super::geometry::Geometry;
use crate::core::i18n::Key;
use crate::core::layout::scale::Window;
use crate::core::layout::stack::{css_len, density, density_path, DENSITY_HEIGHT};
use crate::ui::dom::{bind, el, set_style, svg, Dom};
use crate::ui::memo::Memo;
use crate::ui::Step;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Bins of the density curve.
const BINS: usize = 120;

/// The overview strip.
#[allow(non_snake_case)]
pub fn Overview(geo: Geometry) -> Dom {
    let store = geo.store;
    let loaded = store.loaded();
    let window = geo.window;
    let overview = el("div").class("tl-overview");
    let full = Memo::new(move |_| {
        let d = geo
            .extent
            .get()
            .map(|d| Window::fit(d.start, d.end, 0.02))
            .unwrap_or_else(|| window.get_untracked());
        let bins = geo.placed.with(|p| {
            let items = p.items(&loaded);
            store.filtered.with(|f| density(f.iter().filter_map(|&i| items.get(i).copied()), &d, BINS))
        });
        (d, bins)
    });
    let overview = with_brush_drag(overview, geo, full);
    // The brush, and the slider's value, follow the window: worked out once per change.
    let brush = el("span").class("tl-brush");
    let (slider, brush_el) = (overview.element().clone(), brush.element().clone());
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
        .attr_tr("aria-label", store.lang, Key::OverviewLabel)
        .attr("aria-valuemin", "0")
        .attr("aria-valuemax", "100")
        .bind_attr("aria-valuetext", move || {
            Some(geo.placed.with(|p| p.axis.days_of(window.get())).days_text())
        })
        .child(density_svg)
        .child(brush)
}

/// Pressing the strip centres the window there (outside the brush), dragging moves it, and
/// Left and Right pan it; `full` is the strip's whole stretch of the axis and its density.
fn with_brush_drag(overview: Dom, geo: Geometry, full: Memo<(Window, Vec<u32>)>) -> Dom {
    let window = geo.window;
    let strip = overview.element().clone();
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
        geo.show(w, Step::Push);
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
        geo.show(Window::new(w0.start + shift, w0.end + shift), Step::Replace);
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
        geo.show(next, Step::Replace);
    };
    overview
        .on("pointerdown", on_down)
        .on("pointermove", on_move)
        .on("pointerup", on_up)
        .on("pointercancel", on_up)
        .on("keydown", on_key)
}
