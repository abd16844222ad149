//! The list view: every filtered event in date order, the complete linear alternative to the
//! timeline for screen readers and small screens.

use super::text::Highlighted;
use super::{effect, tr, use_store, Step};
use crate::core::i18n::{t, Key};
use crate::core::ticks::format_span;
use leptos::prelude::*;

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
    view! {
        <Show
            when=move || store.filtered.with(|f| !f.is_empty())
            fallback=move || view! { <p class="tl-empty">{tr(lang, Key::NoResults)}</p> }
        >
            <ol class="tl-list" aria-label=tr(lang, Key::ListLabel)>
                <For
                    each=move || store.filtered.with(|f| f.iter().copied().take(shown.get()).collect::<Vec<_>>())
                    key=|i| *i
                    children={
                        let session = session.clone();
                        move |i| {
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
                    }
                />
            </ol>
            <Show when=move || store.filtered.with(|f| f.len() > shown.get())>
                <button type="button" class="tl-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || format!("{} ({})", t(lang.get(), Key::ShowMore), store.filtered.with(|f| f.len()) - shown.get().min(store.filtered.with(|f| f.len())))}
                </button>
            </Show>
        </Show>
    }
}
