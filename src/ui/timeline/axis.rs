//! The time axis: the ticks of the visible window and, on a folded axis, a marked gap for each
//! folded stretch (drawn across the lanes too).

use super::geometry::Geometry;
use crate::core::dataset::date::year_of_day;
use crate::core::i18n::fold_label;
use crate::core::layout::stack::css_len;
use crate::core::layout::ticks::{folded_ticks, Tick};
use crate::ui::dom::{el, fragment, Dom};
use crate::ui::effect;
use crate::ui::keyed::Children;
use crate::ui::marks::set_px;
use crate::ui::memo::Memo;
use leptos::prelude::*;

/// The axis with its ticks.
#[allow(non_snake_case)]
pub fn Axis(geo: Geometry) -> Dom {
    let lang = geo.store.lang;
    let all = Memo::new(move |_| {
        let (w, width, l) = (geo.window.get(), geo.width.get(), lang.get());
        geo.placed.with(|p| folded_ticks(&p.axis, &w, width, l))
    });
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
    let _ = span.set_attribute("data-day", &tick.day.to_string());
    span.set_text_content(Some(&tick.label));
    set_px(&span, "left", tick.x);
    Some((span, tick.x))
}

/// The folds in the visible window: a hatched band each, from the axis down through the
/// lanes, named by the years it hides (for sighted readers as a tooltip and a label; the
/// timeline's help text explains folds to screen readers).
#[allow(non_snake_case)]
pub fn Folds(geo: Geometry) -> Dom {
    let lang = geo.store.lang;
    let folds = Memo::new(move |_| {
        let (w, width) = (geo.window.get(), geo.width.get());
        geo.placed.with(|p| p.axis.visible(&w, width))
    });
    fragment().dynamic(move || {
        let l = lang.get();
        let bands = folds.with(|fs| {
            fs.iter()
                .map(|(fold, x, width)| {
                    let year = |day: f64| year_of_day(day.round() as i64);
                    let label = fold_label(l, year(fold.start), year(fold.end - 1.0));
                    el("div")
                        .class("tl-fold")
                        .attr("aria-hidden", "true")
                        .attr("title", &label)
                        .attr("data-from", &(fold.start as i64).to_string())
                        .attr("data-to", &(fold.end as i64).to_string())
                        .style("left", &css_len(*x, 1, "px"))
                        .style("width", &css_len(*width, 1, "px"))
                })
                .collect::<Vec<_>>()
        });
        Some(fragment().children(bands))
    })
}
