//! The list view: every filtered event in date order, the complete linear alternative to the
//! timeline for screen readers and small screens.

use super::keyed::Children;
use super::text::write_highlighted;
use super::{effect, tr, use_store, Step};
use crate::core::i18n::{t, Key};
use crate::core::model::{Event, Lang};
use crate::core::search::Query;
use crate::core::ticks::format_span;
use leptos::prelude::*;
use leptos::tachys::reactive_graph::{OwnedView, OwnedViewState};
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};

/// How many list items render before "Show more".
const PAGE: usize = 200;

#[component]
pub fn ListView() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let session = store.session();
    let selected = Memo::new(move |_| store.state.with(|s| s.event.clone()));
    let q = Memo::new(move |_| store.state.with(|s| s.q.clone()));
    // Long results render in pages, so 100,000 events never mean 100,000 elements at once.
    let shown = RwSignal::new(PAGE);
    effect(move || {
        store.filtered.track();
        shown.set(PAGE);
    });
    // An item is built for the language and search of the moment, with no binding of its own.
    // A Leptos signal or memo lets go of a dropped subscriber only when it next changes, so
    // bindings to the language or the selection in every item kept the memory of every item
    // ever shown (about 100 KB per filter change at 450 events). The list rebuilds its items
    // when the language changes, writes the title and summary with the search's matches marked
    // (also when the search changes) and marks the selected one.
    let list_item = {
        let session = session.clone();
        move |i: usize, l: Lang, is_selected: bool| {
            let e = &session.dataset.events[i];
            let id = e.id.clone();
            let (id_attr, id_button) = (id.clone(), id.clone());
            let category = e.categories.first().map(|c| c.code()).unwrap_or("");
            let mut meta: Vec<String> = e.actors.iter().filter_map(|a| session.dataset.actor(a)).map(|a| a.name.get(l).to_string()).collect();
            if let Some(p) = &e.place {
                meta.push(p.name.get(l).to_string());
            }
            view! {
                <li class="tl-list-item" data-event-id=id_attr data-category=category class:tl-selected=is_selected>
                    <time datetime=e.date.to_string()>{format_span(&e.date, e.end.as_ref(), e.approximate, l)}</time>
                    <h3>
                        <button type="button" data-event-id=id_button
                            on:click=move |_| {
                                store.return_focus.set_value(Some(id.clone()));
                                store.focus_detail.set_value(true);
                                store.update(Step::Push, |s| s.event = Some(id.clone()));
                            }>
                        </button>
                    </h3>
                    <p></p>
                    <p class="tl-meta">{meta.join(" · ")}</p>
                </li>
            }
        }
    };
    // The items follow the filtered events through a keyed update (see `super::keyed`): an
    // item that stays keeps its element and place.
    let list_el = NodeRef::<leptos::html::Ol>::new();
    let items = StoredValue::new_local(Children::<usize, Item>::default());
    let built_for = StoredValue::new_local(None::<Lang>);
    let s1 = session.clone();
    effect(move || {
        let Some(parent) = list_el.get() else { return };
        let keys: Vec<usize> = store.filtered.with(|f| f.iter().copied().take(shown.get()).collect());
        let l = lang.get();
        if built_for.get_value() != Some(l) {
            items.update_value(Children::clear);
            built_for.set_value(Some(l));
        }
        let q = q.get_untracked();
        let query = Query::parse(&q);
        let selected_id = selected.get_untracked();
        let make = &mut |k: usize| {
            let i = keys[k];
            let is_selected = selected_id.as_deref() == Some(s1.dataset.events[i].id.as_str());
            // An owner of its own, not a child of the list's: a child owner stays listed in its
            // parent as long as the parent lives. Untracked: what an item reads while it is
            // made must not rerun this effect.
            let item_owner = Owner::new_root(None);
            let state = untrack(|| {
                let view = item_owner.with(|| {
                    provide_context(store);
                    list_item(i, l, is_selected).into_any()
                });
                OwnedView::new_with_owner(view, item_owner).build()
            });
            let element = state.elements().into_iter().next()?;
            mark_matches(&element, &s1.dataset.events[i], l, &query);
            Some((element, Item { _view: state, selected: is_selected, query: q.clone() }))
        };
        items.update_value(|c| c.place(&parent, &keys, make, &mut |_, _| {}));
    });
    // The selection is marked by the list, on the items whose mark changes.
    let s2 = session.clone();
    effect(move || {
        selected.with(|sel| {
            items.update_value(|c| {
                for child in c.iter_mut() {
                    let on = sel.as_deref() == Some(s2.dataset.events[child.key].id.as_str());
                    if child.state.selected != on {
                        child.state.selected = on;
                        let _ = child.element.class_list().toggle_with_force("tl-selected", on);
                    }
                }
            })
        })
    });
    // The search's matches are marked by the list too, in the items made for an earlier search.
    let s3 = session.clone();
    effect(move || {
        q.with(|q| {
            let query = Query::parse(q);
            let l = lang.get_untracked();
            items.update_value(|c| {
                for child in c.iter_mut().filter(|c| c.state.query != *q) {
                    mark_matches(&child.element, &s3.dataset.events[child.key], l, &query);
                    child.state.query = q.clone();
                }
            })
        })
    });
    view! {
        <Show when=move || store.filtered.with(|f| f.is_empty())>
            <p class="tl-empty">{tr(lang, Key::NoResults)}</p>
        </Show>
        <ol class="tl-list" node_ref=list_el aria-label=tr(lang, Key::ListLabel)
            hidden=move || store.filtered.with(|f| f.is_empty())></ol>
        <Show when=move || store.filtered.with(|f| f.len() > shown.get())>
            <button type="button" class="tl-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {move || format!("{} ({})", t(lang.get(), Key::ShowMore), store.filtered.with(|f| f.len()) - shown.get().min(store.filtered.with(|f| f.len())))}
            </button>
        </Show>
    }
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

/// A list item's view and what it shows beyond its event.
struct Item {
    /// Kept only to keep the item's view (its listener) alive.
    _view: OwnedViewState<AnyViewState>,
    /// Whether it is marked as the selected event.
    selected: bool,
    /// The search whose matches it marks.
    query: String,
}
