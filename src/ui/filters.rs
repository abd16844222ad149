//! The filter panel: search, facets with live counts, the date range, and "clear all".

use super::{use_store, Step};
use crate::core::date::PartialDate;
use crate::core::i18n::{category_name, t, Key};
use crate::core::model::{Category, Lang};
use crate::core::session::Session;
use crate::core::urlstate::clip_q;
use crate::core::viewstate::ViewState;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn FilterPanel() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let search_id = store.id("search");
    let q = Memo::new(move |_| store.state.with(|s| s.q.clone()));
    let is_default = Memo::new(move |_| store.state.with(|s| s.filter_part() == ViewState::default()));
    view! {
        <section class="tl-filters" aria-label=move || t(lang.get(), Key::Filters)>
            <div>
                <label for=search_id.clone()>{move || t(lang.get(), Key::Search)}</label>
                <input type="search" id=search_id class="tl-search" autocomplete="off" maxlength="200"
                    placeholder=move || t(lang.get(), Key::SearchPlaceholder)
                    prop:value=move || q.get()
                    on:input=move |ev| {
                        // A script or paste can put more in the box than its maxlength: keep
                        // what a URL keeps, show that in the box and say so.
                        let (v, cut) = clip_q(&event_target_value(&ev));
                        if cut {
                            event_target::<web_sys::HtmlInputElement>(&ev).set_value(&v);
                            store.status.set(t(lang.get_untracked(), Key::SearchCut).to_string());
                        }
                        store.update(Step::Replace, |s| s.q = v);
                    } />
            </div>
            <button type="button" class="tl-clear" disabled=move || is_default.get()
                on:click=move |_| store.update(Step::Push, |s| {
                    let keep = (s.span, s.group, s.view, s.lang);
                    *s = ViewState::default();
                    (s.span, s.group, s.view, s.lang) = keep;
                })>
                {move || t(lang.get(), Key::ClearAll)}
            </button>
            <Facet title=Key::Categories param="cat" />
            <Facet title=Key::Actors param="actor" />
            <Facet title=Key::Tags param="tag" />
            <Facet title=Key::Places param="place" />
            <DateRange />
        </section>
    }
}

/// The values of one facet as (id, label, count, checked).
fn facet_rows(session: &Session, store: &super::Store, param: &str, lang: Lang) -> Vec<(String, String, usize, bool)> {
    let state = store.state.read_untracked();
    store.facets.with(|f| match param {
        "cat" => f.categories.iter()
            .map(|(c, n)| (c.code().to_string(), category_name(lang, *c).to_string(), *n, state.cat.contains(c)))
            .collect(),
        "actor" => f.actors.iter()
            .map(|(id, n)| (id.clone(), session.actor_name(id, lang), *n, state.actor.contains(id)))
            .collect(),
        "tag" => f.tags.iter().map(|(id, n)| (id.clone(), format!("#{id}"), *n, state.tag.contains(id))).collect(),
        _ => f.places.iter()
            .map(|(id, n)| (id.clone(), session.place_name(id, lang), *n, state.place.contains(id)))
            .collect(),
    })
}

fn toggle(set: &mut BTreeSet<String>, id: &str, on: bool) {
    if on {
        set.insert(id.to_string());
    } else {
        set.remove(id);
    }
}

/// One facet: a checkbox per value with the count of events it would show.
#[component]
fn Facet(
    /// The facet's heading.
    title: Key,
    /// The URL parameter it controls: `cat`, `actor`, `tag` or `place`.
    param: &'static str,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let session = store.session();
    let name = store.id(param);
    let selection = Memo::new(move |_| {
        store.state.with(|s| match param {
            "cat" => s.cat.iter().map(|c| c.code().to_string()).collect::<Vec<_>>(),
            "actor" => s.actor.iter().cloned().collect(),
            "tag" => s.tag.iter().cloned().collect(),
            _ => s.place.iter().cloned().collect(),
        })
    });
    view! {
        <fieldset class="tl-facet" data-facet=param>
            <legend>{move || t(lang.get(), title)}</legend>
            <ul class="tl-facet-list">
                {move || {
                    let l = lang.get();
                    // Re-render only when the counts or this facet's own selection change,
                    // not on zooming, panning or selecting an event.
                    selection.track();
                    facet_rows(&session, &store, param, l).into_iter().map(|(id, label, count, checked)| {
                        let id2 = id.clone();
                        view! {
                            <li>
                                <label class:tl-zero=count == 0>
                                    <input type="checkbox" name=name.clone() value=id.clone() prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let id = id2.clone();
                                            store.update(Step::Push, |s| match param {
                                                "cat" => if let Some(c) = Category::from_code(&id) {
                                                    if on { s.cat.insert(c); } else { s.cat.remove(&c); }
                                                },
                                                "actor" => toggle(&mut s.actor, &id, on),
                                                "tag" => toggle(&mut s.tag, &id, on),
                                                _ => toggle(&mut s.place, &id, on),
                                            });
                                        } />
                                    <span>{label}</span>
                                    <span class="tl-facet-count">{count}</span>
                                </label>
                            </li>
                        }
                    }).collect::<Vec<_>>()
                }}
            </ul>
        </fieldset>
    }
}

/// The from/to inputs; a value that is not a date is marked invalid and not applied.
#[component]
fn DateRange() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let from_id = store.id("from");
    let to_id = store.id("to");
    let field = move |which: &'static str, id: String| {
        let current = Memo::new(move |_| store.state.with(|s| {
            let d = if which == "from" { s.from } else { s.to };
            d.map(|d| d.to_string()).unwrap_or_default()
        }));
        let invalid = RwSignal::new(false);
        view! {
            <input type="text" id=id inputmode="numeric" class="tl-date" data-bound=which maxlength="10"
                placeholder=move || t(lang.get(), Key::DateHint)
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || current.get()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let v = v.trim();
                    let parsed = if v.is_empty() { Ok(None) } else { PartialDate::parse(v).map(Some) };
                    match parsed {
                        Ok(d) => {
                            invalid.set(false);
                            store.update(Step::Push, |s| if which == "from" { s.from = d } else { s.to = d });
                        }
                        Err(_) => invalid.set(true),
                    }
                } />
        }
    };
    view! {
        <fieldset class="tl-facet">
            <legend>{move || t(lang.get(), Key::DateRange)}</legend>
            <div class="tl-range">
                <label for=from_id.clone()>{move || t(lang.get(), Key::From)}</label>
                {field("from", from_id.clone())}
                <label for=to_id.clone()>{move || t(lang.get(), Key::To)}</label>
                {field("to", to_id.clone())}
            </div>
        </fieldset>
    }
}
