//! The list view: every filtered event in date order, the complete linear alternative to the
//! timeline for screen readers and small screens.

use super::dom::{button, el, fragment, Dom};
use super::keyed::{Child, Children};
use super::media::{drop_broken_thumbnails, list_thumbnail};
use super::text::write_highlighted;
use super::{effect, use_store, Step};
use crate::core::dataset::date::PartialDate;
use crate::core::dataset::model::{Event, Lang, Period};
use crate::core::i18n::{t, Key};
use crate::core::layout::periods::beginnings;
use crate::core::layout::ticks::{event_date, format_span};
use crate::core::loaded::LoadedDataset;
use crate::core::query::search::Query;
use crate::ui::memo::Memo;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many list items render before "Show more".
const PAGE: usize = 200;

/// The items of the list, kept by event index.
type Items = StoredValue<Children<usize, Item>, LocalStorage>;

/// The list's parts: a line when nothing is found, the list, and "Show more".
#[allow(non_snake_case)]
pub fn ListView() -> Dom {
    let store = use_store();
    let lang = store.lang;
    let selected = Memo::new(move |_| store.state.with(|s| s.event.clone()));
    let q = Memo::new(move |_| store.state.with(|s| s.q.clone()));
    // Long results render in pages, so 100,000 events never mean 100,000 elements at once.
    let shown = RwSignal::new(PAGE);
    effect(move || {
        store.filtered.track();
        shown.set(PAGE);
    });
    let list = el("ol")
        .class("tl-list")
        .attr_tr("aria-label", lang, Key::ListLabel)
        .bind_prop("hidden", move || store.filtered.with(|f| f.is_empty()).into());
    drop_broken_thumbnails(list.element());
    let items: Items = StoredValue::new_local(Children::default());
    keep_items_in_step(list.element().clone(), items, shown, selected, q);
    mark_the_selection(items, selected);
    mark_the_search(items, q);
    let total = move || store.filtered.with(|f| f.len());
    let empty = Memo::new(move |_| total() == 0);
    fragment()
        .dynamic(move || empty.get().then(|| el("p").class("tl-empty").tr(lang, Key::NoResults)))
        .child(open_on_click(list))
        .child(ShowMore(shown))
}

/// "Show more", while the filter result holds more than the `shown` items.
#[allow(non_snake_case)]
fn ShowMore(shown: RwSignal<usize>) -> Dom {
    let store = use_store();
    let lang = store.lang;
    let total = move || store.filtered.with(|f| f.len());
    let more = Memo::new(move |_| total() > shown.get());
    fragment().dynamic(move || {
        more.get().then(|| {
            button().class("tl-more").on("click", move |_| shown.update(|n| *n += PAGE)).bind_text(
                move || format!("{} ({})", t(lang.get(), Key::ShowMore), total() - shown.get().min(total())),
            )
        })
    })
}

/// A new list item for event `i` in `l`, marked as selected or not.
///
/// An item is built for the language and search of the moment, with no binding of its own.
/// A Leptos signal or memo lets go of a dropped subscriber only when it next changes, so
/// bindings to the language or the selection in every item kept the memory of every item ever
/// shown (about 100 KB per filter change at 450 events). The list rebuilds its items when the
/// language changes, writes the title and summary with the search's matches marked (also when
/// the search changes) and marks the selected one. The item has no listener of its own: the
/// list listens for clicks on its titles.
fn list_item(loaded: &LoadedDataset, i: usize, l: Lang, is_selected: bool) -> web_sys::Element {
    let e = &loaded.dataset.events[i];
    let category = e.categories.first().map(|c| c.code()).unwrap_or("");
    let mut meta: Vec<&str> =
        e.actors.iter().filter_map(|a| loaded.dataset.actor(a)).map(|a| a.name.get(l)).collect();
    if let Some(p) = &e.place {
        meta.push(p.name.get(l));
    }
    el("li")
        .class(if is_selected { "tl-list-item tl-selected" } else { "tl-list-item" })
        .attr("data-event-id", &e.id)
        .attr("data-category", category)
        .child_if(list_thumbnail(e.media.as_ref()))
        .child(time_of(&e.date, &event_date(e, l)))
        .child(el("h3").child(button().attr("data-event-id", &e.id)))
        .child(el("p"))
        .child(el("p").class("tl-meta").text(&meta.join(" · ")))
        .into_element()
}

/// Keeps the items in `list` in step with the first `shown` filtered events through a keyed
/// update (see `super::keyed`): an item that stays keeps its element and place; all are made
/// again when the language changes; period headings follow where periods begin.
fn keep_items_in_step(
    list: web_sys::Element,
    items: Items,
    shown: RwSignal<usize>,
    selected: Memo<Option<String>>,
    q: Memo<String>,
) {
    let store = use_store();
    let loaded = store.loaded();
    let built_for = StoredValue::new_local(None::<Lang>);
    effect(move || {
        let keys: Vec<usize> = store.filtered.with(|f| f.iter().copied().take(shown.get()).collect());
        let l = store.lang.get();
        if built_for.get_value() != Some(l) {
            items.update_value(Children::clear);
            built_for.set_value(Some(l));
        }
        let q = q.get_untracked();
        let query = Query::parse(&q);
        let selected_id = selected.get_untracked();
        let periods = loaded.dataset.periods.as_deref().unwrap_or_default();
        let begin = if periods.is_empty() {
            vec![Vec::new(); keys.len()]
        } else {
            let starts: Vec<i64> = keys.iter().map(|&i| loaded.dataset.events[i].start_day()).collect();
            beginnings(periods, &starts)
        };
        let make = &mut |k: usize| {
            let i = keys[k];
            let is_selected = selected_id.as_deref() == Some(loaded.dataset.events[i].id.as_str());
            let element = list_item(&loaded, i, l, is_selected);
            mark_matches(&element, &loaded.dataset.events[i], l, &query);
            write_period_headings(&element, periods, &begin[k], l);
            Some((element, Item { selected: is_selected, query: q.clone(), periods: begin[k].clone() }))
        };
        // A kept item may now be where a period begins, or no longer.
        let keep = &mut |k: usize, child: &mut Child<usize, Item>| {
            if child.state.periods != begin[k] {
                write_period_headings(&child.element, periods, &begin[k], l);
                child.state.periods = begin[k].clone();
            }
        };
        items.update_value(|c| c.place(&list, &keys, make, keep));
    });
}

/// Marks the selected event's item, touching only the items whose mark changes.
fn mark_the_selection(items: Items, selected: Memo<Option<String>>) {
    let loaded = use_store().loaded();
    effect(move || {
        selected.with(|sel| {
            items.update_value(|c| {
                for child in c.iter_mut() {
                    let on = sel.as_deref() == Some(loaded.dataset.events[child.key].id.as_str());
                    if child.state.selected != on {
                        child.state.selected = on;
                        let _ = child.element.class_list().toggle_with_force("tl-selected", on);
                    }
                }
            })
        })
    });
}

/// Marks the search's matches in the items made for an earlier search.
fn mark_the_search(items: Items, q: Memo<String>) {
    let store = use_store();
    let loaded = store.loaded();
    effect(move || {
        q.with(|q| {
            let query = Query::parse(q);
            let l = store.lang.get_untracked();
            items.update_value(|c| {
                for child in c.iter_mut().filter(|c| c.state.query != *q) {
                    mark_matches(&child.element, &loaded.dataset.events[child.key], l, &query);
                    child.state.query = q.clone();
                }
            })
        })
    });
}

/// A title's click opens its event.
fn open_on_click(list: Dom) -> Dom {
    let store = use_store();
    list.on("click", move |ev| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(id) =
            target.closest("h3 button").ok().flatten().and_then(|b| b.get_attribute("data-event-id"))
        else {
            return;
        };
        store.return_focus.set_value(Some(id.clone()));
        store.focus_detail.set_value(true);
        store.update(Step::Push, |s| s.event = Some(id));
    })
}

/// Writes an item's title and summary with the matches of `query` marked.
fn mark_matches(item: &web_sys::Element, e: &Event, l: Lang, query: &Query) {
    if let Ok(Some(title)) = item.query_selector("h3 button") {
        write_highlighted(&title, e.title.get(l), query);
    }
    if let Ok(Some(summary)) = item.query_selector("h3 + p") {
        write_highlighted(&summary, e.summary.get(l), query);
    }
}

/// What a list item shows beyond its event.
struct Item {
    /// Whether it is marked as the selected event.
    selected: bool,
    /// The search whose matches it marks.
    query: String,
    /// The periods named above it, as beginning there.
    periods: Vec<usize>,
}

/// Puts headings naming `periods[begin]` (title, then dates) at the top of a list item, in
/// place of any it had.
fn write_period_headings(item: &web_sys::Element, periods: &[Period], begin: &[usize], l: Lang) {
    if let Ok(old) = item.query_selector_all(".tl-period-heading") {
        for k in 0..old.length() {
            if let Some(node) = old.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                node.remove();
            }
        }
    }
    for &p in begin.iter().rev() {
        let p = &periods[p];
        let heading = el("h3")
            .class("tl-period-heading")
            .attr("data-period-id", &p.id)
            .attr("data-category", p.category.map(|c| c.code()).unwrap_or(""))
            .child(el("span").class("tl-period-title").text(p.title.get(l)))
            .child(el("span").class("tl-period-dates").text(&format_span(&p.from, Some(&p.to), false, l)));
        let _ = item.prepend_with_node_1(&heading.into_element());
    }
}

/// A `<time>` showing `text`, with `date` as its `datetime` where HTML can say it (years AD).
pub fn time_of(date: &PartialDate, text: &str) -> Dom {
    let time = el("time");
    match date.html_datetime() {
        Some(value) => time.attr("datetime", &value),
        None => time,
    }
    .text(text)
}
