//! The filter panel: search, facets with live counts, the date range, and "clear all".

use super::{effect, tr, use_store, Step};
use crate::core::date::PartialDate;
use crate::core::i18n::{category_name, t, Key};
use crate::core::model::{Category, Lang};
use crate::core::session::Session;
use crate::core::urlstate::clip_q;
use crate::core::viewstate::ViewState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn FilterPanel() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let search_id = store.id("search");
    let q = Memo::new(move |_| store.state.with(|s| s.q.clone()));
    let is_default = Memo::new(move |_| store.state.with(|s| s.filter_part() == ViewState::default()));
    view! {
        <section class="tl-filters" aria-label=store.landmark(Key::Filters)>
            <div>
                <label for=search_id.clone()>{tr(lang, Key::Search)}</label>
                <input type="search" id=search_id class="tl-search" autocomplete="off" maxlength="200"
                    placeholder=tr(lang, Key::SearchPlaceholder)
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
                {tr(lang, Key::ClearAll)}
            </button>
            <Facet title=Key::Categories param="cat" />
            <Facet title=Key::Actors param="actor" />
            <Facet title=Key::Tags param="tag" />
            <Facet title=Key::Places param="place" />
            <DateRange />
        </section>
    }
}

/// A facet value's label in `lang`.
fn facet_label(session: &Session, param: &str, id: &str, lang: Lang) -> String {
    match param {
        "cat" => Category::from_code(id).map(|c| category_name(lang, c).to_string()).unwrap_or_default(),
        "actor" => session.actor_name(id, lang),
        "tag" => format!("#{id}"),
        _ => session.place_name(id, lang),
    }
}

/// One facet: a checkbox per value with the count of events it would show.
///
/// One row per value, built once: a filter change only updates the counts in place.
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
    let selection = Memo::new(move |_| store.state.with(|s| s.chosen(param)));
    // The values and their order are fixed for a dataset (see `FacetCounts`): the rows are built
    // once, with the counts of the moment.
    let values: Vec<String> = store.facets.with_untracked(|f| f.ids(param));
    let has_values = !values.is_empty();
    let counts = Memo::new(move |_| store.facets.with(|f| f.counts(param)));
    // A filter change then writes only the counts that changed, from one effect per facet: two
    // bindings per row (the number and the zero class) cost more than the writes themselves.
    let mut shown = counts.get_untracked();
    let first = shown.clone();
    let list = NodeRef::<leptos::html::Ul>::new();
    let mut parts: Option<Vec<Option<RowParts>>> = None;
    effect(move || {
        let Some(ul) = list.get() else { return };
        let rows = parts.get_or_insert_with(|| row_parts(&ul));
        counts.with(|now| write_counts(rows, &mut shown, now));
    });
    let rows = values
        .into_iter()
        .zip(first)
        .map(|(id, count)| {
            let session = session.clone();
            let (i2, i3, i4) = (id.clone(), id.clone(), id.clone());
            view! {
                <li>
                    <label class:tl-zero=count == 0>
                        <input type="checkbox" name=name.clone() value=id
                            prop:checked=move || selection.with(|s| s.contains(&i2))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                store.update(Step::Push, |s| s.choose(param, &i3, on));
                            } />
                        <span>{move || facet_label(&session, param, &i4, lang.get())}</span>
                        <span class="tl-facet-count">{count}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    // A facet the dataset has no values for (no places, say) is left out.
    view! {
        <fieldset class="tl-facet" data-facet=param hidden=!has_values>
            <legend>{tr(lang, title)}</legend>
            <ul class="tl-facet-list" node_ref=list>{rows}</ul>
        </fieldset>
    }
}

/// What a count change writes in one facet row (`<li><label>…<span>count</span></label></li>`):
/// the label, which wears the zero class, and the count's text node.
struct RowParts {
    label: web_sys::Element,
    count: web_sys::Text,
}

/// The parts of each row of a facet list, found once (the rows are fixed for a dataset), in
/// the order of the rows.
fn row_parts(list: &web_sys::Element) -> Vec<Option<RowParts>> {
    let mut parts = Vec::new();
    let mut row = list.first_element_child();
    while let Some(li) = row {
        row = li.next_element_sibling();
        let label = li.first_element_child();
        let count = label.as_ref().and_then(|l| l.last_element_child()).and_then(|c| c.first_child());
        let count = count.and_then(|c| c.dyn_into::<web_sys::Text>().ok());
        parts.push(label.zip(count).map(|(label, count)| RowParts { label, count }));
    }
    parts
}

/// Brings each row's count from `was` to `now`, writing only what changed: the count's text
/// node in place (no lookups and no new node per count) and the zero class only when a count
/// becomes or stops being zero.
fn write_counts(rows: &[Option<RowParts>], was: &mut [usize], now: &[usize]) {
    for ((row, &n), w) in rows.iter().zip(now).zip(was.iter_mut()) {
        let Some(row) = row.as_ref().filter(|_| n != *w) else { continue };
        if (n == 0) != (*w == 0) {
            let _ = row.label.class_list().toggle_with_force("tl-zero", n == 0);
        }
        *w = n;
        row.count.set_data(&n.to_string());
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
                placeholder=tr(lang, Key::DateHint)
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
            <legend>{tr(lang, Key::DateRange)}</legend>
            <div class="tl-range">
                <label for=from_id.clone()>{tr(lang, Key::From)}</label>
                {field("from", from_id.clone())}
                <label for=to_id.clone()>{tr(lang, Key::To)}</label>
                {field("to", to_id.clone())}
            </div>
        </fieldset>
    }
}
