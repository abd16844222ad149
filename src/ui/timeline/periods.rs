//! The dataset's periods, drawn as labelled bands behind the events (placed on the folded axis
//! when it is folded). The list view names them too, as headings where they begin: there they
//! are read by screen readers, so the bands here are hidden from them.

use super::geometry::Geometry;
use crate::core::layout::periods::bands;
use crate::core::layout::stack::css_len;
use crate::ui::dom::{el, fragment, Dom};
use crate::ui::memo::Memo;
use leptos::prelude::*;

/// A band for each period in the visible window, with its title as a label.
#[allow(non_snake_case)]
pub fn Periods(geo: Geometry) -> Dom {
    let lang = geo.store.lang;
    let loaded = geo.store.loaded();
    if loaded.dataset.periods.as_ref().is_none_or(Vec::is_empty) {
        return fragment();
    }
    let shown = {
        let loaded = loaded.clone();
        Memo::new(move |_| {
            let (w, width) = (geo.window.get(), geo.width.get());
            let periods = loaded.dataset.periods.as_deref().unwrap_or_default();
            geo.placed.with(|p| bands(periods, &p.axis, &w, width))
        })
    };
    fragment().dynamic(move || {
        let l = lang.get();
        let periods = loaded.dataset.periods.as_deref().unwrap_or_default();
        let parts = shown.with(|bs| {
            bs.iter()
                .map(|b| {
                    let p = &periods[b.index];
                    let title = p.title.get(l);
                    el("div")
                        .class("tl-period")
                        .attr("aria-hidden", "true")
                        .attr("data-period-id", &p.id)
                        .attr("data-category", p.category.map(|c| c.code()).unwrap_or(""))
                        .attr("title", title)
                        .style("left", &css_len(b.x, 1, "px"))
                        .style("width", &css_len(b.width, 1, "px"))
                        .child(el("span").class("tl-period-label").text(title))
                })
                .collect::<Vec<_>>()
        });
        Some(fragment().children(parts))
    })
}
