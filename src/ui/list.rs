//! The list view: every filtered event in date order, the complete linear alternative to the
//! timeline for screen readers and small screens.

use super::keyed::Children;
use super::text::Highlighted;
use super::{effect, tr, use_store, Step};
use crate::core::i18n::{t, Key};
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
    // Long results render in pages, so 100,000 events never mean 100,000 elements at once.
    let shown = RwSignal::new(PAGE);
    effect(move || {
        store.filtered.track();
        shown.set(PAGE);
    });
    let list_item = {
        let session = session.clone();
        move |i: usize| {
            let e = session.dataset.events[i].clone();
            let id = e.id.clone();
            let id2 = id.clone();
            let id3 = id.clone();
            let id_attr = id.clone();
            let category = e.categories.first().map(|c| c.code()).unwrap_or("");
            let actors: Vec<_> = e.actors.iter().filter_map(|a| session.dataset.actor(a).cloned()).collect();
            let place = e.place.clone();
            view! {
                <li class="tl-list-item" data-event-id=id_attr data-category=category
                    class:tl-selected=move || selected.with(|s| s.as_deref() == Some(id3.as_str()))>
                    <time datetime=e.date.to_string()>
                        {move || format_span(&e.date, e.end.as_ref(), e.approximate, lang.get())}
                    </time>
                    <h3>
                        <button type="button" data-event-id=id2.clone()
                            on:click=move |_| {
                                store.return_focus.set_value(Some(id2.clone()));
                                store.focus_detail.set_value(true);
                                store.update(Step::Push, |s| s.event = Some(id.clone()));
                            }>
                            <Highlighted text=e.title.clone() />
                        </button>
                    </h3>
                    <p><Highlighted text=e.summary.clone() /></p>
                    <p class="tl-meta">
                        {move || {
                            let l = lang.get();
                            let mut parts: Vec<String> = actors.iter().map(|a| a.name.get(l).to_string()).collect();
                            if let Some(p) = &place {
                                parts.push(p.name.get(l).to_string());
                            }
                            parts.join(" · ")
                        }}
                    </p>
                </li>
            }
        }
    };
    // The items follow the filtered events through a keyed update (see `super::keyed`): an
    // item that stays keeps its element, bindings and place.
    let list_el = NodeRef::<leptos::html::Ol>::new();
    let owner = Owner::current().expect("the list has a reactive owner");
    let items = StoredValue::new_local(Children::<usize, OwnedViewState<AnyViewState>>::default());
    effect(move || {
        let Some(parent) = list_el.get() else { return };
        let keys: Vec<usize> = store.filtered.with(|f| f.iter().copied().take(shown.get()).collect());
        let make = &mut |k: usize| {
            // Each item has an owner of its own under the list's: its bindings live exactly as
            // long as its element. Untracked: what an item reads while it is made must not
            // rerun this effect.
            let item_owner = owner.with(Owner::new);
            let state = untrack(|| {
                let view = item_owner.with(|| list_item(keys[k]).into_any());
                OwnedView::new_with_owner(view, item_owner).build()
            });
            let element = state.elements().into_iter().next()?;
            Some((element, state))
        };
        items.update_value(|c| c.place(&parent, &keys, make, &mut |_, _| {}));
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
