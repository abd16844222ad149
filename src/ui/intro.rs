//! What a reader sees before the events: the skip link, the title card (what the timeline
//! covers, how many events, from when to when), the legend of category colours (which is also
//! the category filter) and, on a narrow widget, the control that opens the filters.

use super::dom::{button, el, Dom};
use super::{use_store, Step};
use crate::core::dataset::model::Category;
use crate::core::i18n::{category_name, event_count, filters_button, t, Key};
use crate::core::layout::ticks::format_date;
use crate::core::query::viewstate::ViewState;
use crate::platform::browser;
use crate::ui::memo::Memo;
use leptos::prelude::*;
use std::cmp::Ordering;

/// A link past the toolbar and the filters, the first thing Tab reaches: it moves focus to the
/// timeline's event that is in the Tab order (else the timeline), or to the list's first event.
/// Shown only while it has focus.
#[allow(non_snake_case)]
pub fn SkipLink(root: web_sys::Element) -> Dom {
    let store = use_store();
    el("a")
        .class("tl-skip")
        .attr("href", &format!("#{}", store.id("timeline")))
        .on("click", move |ev| {
            ev.prevent_default();
            let targets = [".tl-event[tabindex=\"0\"]", ".tl-timeline", ".tl-list button"];
            let _ = targets.iter().any(|selector| browser::focus_first(&root, selector));
        })
        .tr(store.lang, Key::SkipToTimeline)
}

/// The title card: the dataset's title (the page's heading when `heading`, as in the
/// standalone view), its description, and how many events it holds over which dates.
#[allow(non_snake_case)]
pub fn TitleCard(heading: bool) -> Dom {
    let store = use_store();
    let lang = store.lang;
    let loaded = store.loaded();
    let events = &loaded.dataset.events;
    let first = events.first().map(|e| e.date);
    let last = events
        .iter()
        .map(|e| e.end.unwrap_or(e.date))
        .max_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    let total = events.len();
    let l = loaded.clone();
    let title = if heading { el("h1").class("tl-title") } else { el("p").class("tl-title tl-card-title") };
    let card = el("section")
        .class("tl-card")
        .attr_tr("aria-label", lang, Key::TitleCardLabel)
        .child(title.bind_text(move || l.dataset.title.get(lang.get()).to_string()));
    let l = loaded.clone();
    let expanded = RwSignal::new(false);
    let has_description = loaded.dataset.description.is_some();
    card.bind_class("tl-expanded", move || expanded.get())
        .dynamic(move || {
            let lang = lang.get();
            l.dataset.description.as_ref().map(|d| el("p").class("tl-description").text(d.get(lang)))
        })
        .child_if(has_description.then(|| {
            // Only a narrow widget shortens the description (see the style sheet).
            button()
                .class("tl-read-more")
                .bind_aria("aria-expanded", move || expanded.get())
                .on("click", move |_| expanded.update(|e| *e = !*e))
                .bind_text(move || {
                    t(lang.get(), if expanded.get() { Key::ReadLess } else { Key::ReadMore }).to_string()
                })
        }))
        .child(el("p").class("tl-card-meta").bind_text(move || {
            let l = lang.get();
            let mut meta = event_count(l, total);
            if let (Some(a), Some(b)) = (first, last) {
                let (a, b) = (format_date(&a, l), format_date(&b, l));
                meta.push_str(" · ");
                meta.push_str(&if a == b { a } else { format!("{a} – {b}") });
            }
            meta
        }))
}

/// The legend: each category's colour and mark with its name and live count. A pressed entry
/// is a chosen category, so the legend is also the category filter (the same as the filter
/// panel's boxes).
#[allow(non_snake_case)]
pub fn Legend() -> Dom {
    let store = use_store();
    let lang = store.lang;
    let loaded = store.loaded();
    let present: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|c| loaded.dataset.events.iter().any(|e| e.categories.contains(c)))
        .collect();
    let entry = move |c: Category| {
        let count = Memo::new(move |_| {
            store.facets.with(|f| f.categories.iter().find(|(x, _)| *x == c).map_or(0, |(_, n)| *n))
        });
        let chosen = Memo::new(move |_| store.state.with(|s| s.cat.contains(&c)));
        button()
            .class("tl-legend-item")
            .attr("data-category", c.code())
            .bind_aria("aria-pressed", move || chosen.get())
            .on("click", move |_| {
                let on = !chosen.get_untracked();
                store.update(Step::Push, |s| s.choose("cat", c.code(), on));
            })
            .child(el("span").class("tl-swatch").attr("aria-hidden", "true"))
            .child(el("span").bind_text(move || category_name(lang.get(), c).to_string()))
            .child(el("span").class("tl-legend-count").bind_text(move || count.get().to_string()))
    };
    el("div")
        .class("tl-legend")
        .attr("role", "group")
        .attr_tr("aria-label", lang, Key::LegendLabel)
        .children(present.into_iter().map(entry))
}

/// How many filters are active: chosen facet values, a search and date bounds.
fn active_filters(s: &ViewState) -> usize {
    s.cat.len()
        + s.actor.len()
        + s.tag.len()
        + s.place.len()
        + usize::from(!s.q.is_empty())
        + usize::from(s.from.is_some())
        + usize::from(s.to.is_some())
}

/// The "Filters" control of a narrow widget: it opens and closes the panel `panel_id` with the
/// filters, lanes, exports and embed snippets, and says how many filters are active.
#[allow(non_snake_case)]
pub fn FiltersToggle(open: RwSignal<bool>, panel_id: &str) -> Dom {
    let store = use_store();
    let active = Memo::new(move |_| store.state.with(active_filters));
    button()
        .class("tl-filters-toggle")
        .attr("aria-controls", panel_id)
        .bind_aria("aria-expanded", move || open.get())
        .on("click", move |_| open.update(|o| *o = !*o))
        .bind_text(move || filters_button(store.lang.get(), active.get()))
}

/// "Close filters", at the end of the opened panel on a narrow widget.
#[allow(non_snake_case)]
pub fn CloseFilters(open: RwSignal<bool>) -> Dom {
    let store = use_store();
    button().class("tl-filters-close").on("click", move |_| open.set(false)).tr(store.lang, Key::FiltersClose)
}
