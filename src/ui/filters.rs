//! The filter panel: search, facets with live counts, the date range, and "clear all".

use super::dom::{button, el, Dom};
use super::{effect, use_store, Step, Typing};
use crate::core::dataset::date::PartialDate;
use crate::core::dataset::model::{Category, Lang};
use crate::core::i18n::{category_name, t, Key};
use crate::core::loaded::LoadedDataset;
use crate::core::query::urlstate::clip_q;
use crate::core::query::viewstate::ViewState;
use crate::ui::memo::Memo;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The filter panel.
#[allow(non_snake_case)]
pub fn FilterPanel() -> Dom {
    let store = use_store();
    let lang = store.lang;
    let search_id = store.id("search");
    let q = Memo::new(move |_| store.state.with(|s| s.q.clone()));
    let is_default = Memo::new(move |_| store.state.with(|s| s.filter_part() == ViewState::default()));
    let landmark = store.landmark(Key::Filters);
    let typing = Typing::default();
    let search = el("input")
        .attr("type", "search")
        .attr("id", &search_id)
        .class("tl-search")
        .attr("autocomplete", "off")
        .attr("maxlength", "200")
        .attr_tr("placeholder", lang, Key::SearchPlaceholder)
        .bind_prop("value", move || q.with(|q| q.as_str().into()))
        .on("input", move |ev| {
            // A script or paste can put more in the box than its maxlength: keep what a URL
            // keeps, show that in the box and say so.
            let (v, cut) = clip_q(&event_target_value(&ev));
            if cut {
                event_target::<web_sys::HtmlInputElement>(&ev).set_value(&v);
                store.status.set(t(lang.get_untracked(), Key::SearchCut).to_string());
            }
            // The first keystroke after any other change is a step of its own (Back undoes the
            // search alone); the keystrokes that follow it update that step.
            typing.type_into(store, |s| s.q = v);
        });
    el("section")
        .class("tl-filters")
        .bind_attr("aria-label", move || Some(landmark.get()))
        .child(el("div").child(el("label").attr("for", &search_id).tr(lang, Key::Search)).child(search))
        .child(
            button()
                .class("tl-clear")
                .bind_prop("disabled", move || is_default.get().into())
                .on("click", move |_| store.update(Step::Push, |s| *s = s.cleared()))
                .tr(lang, Key::ClearAll),
        )
        .child(Facet(Key::Categories, "cat"))
        .child(Facet(Key::Actors, "actor"))
        .child(Facet(Key::Tags, "tag"))
        .child(Facet(Key::Places, "place"))
        .child(DateRange())
}

/// A facet value's label in `lang`.
fn facet_label(loaded: &LoadedDataset, param: &str, id: &str, lang: Lang) -> String {
    match param {
        "cat" => Category::from_code(id).map(|c| category_name(lang, c).to_string()).unwrap_or_default(),
        "actor" => loaded.actor_name(id, lang),
        "tag" => loaded.dataset.tag_name(id, lang).to_string(),
        _ => loaded.place_name(id, lang),
    }
}

/// One facet: a checkbox per value with the count of events it would show.
///
/// The rows are plain elements, made once (the values and their order are fixed for a
/// dataset, see `FacetCounts`) and then written by one effect, which changes only what differs
/// from what a row shows: its count (and zero mark), its box, its name in a new language. As
/// Leptos views, each row had a binding for its box and one for its name, a listener of its own
/// and type-erased attributes to build, which cost more than the elements themselves.
/// One facet: under the heading `title`, a box per value of the URL parameter `param` (`cat`,
/// `actor`, `tag` or `place`).
#[allow(non_snake_case)]
fn Facet(title: Key, param: &'static str) -> Dom {
    let store = use_store();
    let lang = store.lang;
    let loaded = store.loaded();
    let name = store.id(param);
    let selection = Memo::new(move |_| store.state.with(|s| s.chosen(param)));
    let values: Vec<String> = store.facets.with_untracked(|f| f.ids(param));
    let has_values = !values.is_empty();
    let counts = Memo::new(move |_| store.facets.with(|f| f.counts(param)));
    let list = el("ul").class("tl-facet-list");
    let ul = list.element().clone();
    let mut rows: Option<Vec<Row>> = None;
    let mut shown_lang = None;
    effect(move || {
        let l = lang.get();
        let rows = rows.get_or_insert_with(|| make_rows(&ul, &values, &name));
        let relabel = shown_lang.replace(l) != Some(l);
        counts.with(|now| {
            selection.with(|chosen| {
                for (row, &n) in rows.iter_mut().zip(now) {
                    row.write(n, chosen.contains(&row.id));
                    if relabel {
                        row.name.set_data(&facet_label(&loaded, param, &row.id, l));
                    }
                }
            })
        });
    });
    // One listener for the whole list: a box's value is its facet value.
    let on_change = move |ev: web_sys::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let (id, on) = (input.value(), input.checked());
        store.update(Step::Push, |s| s.choose(param, &id, on));
    };
    // A facet the dataset has no values for (no places, say) is left out.
    let fieldset = el("fieldset")
        .class("tl-facet")
        .attr("data-facet", param)
        .child(el("legend").tr(lang, title))
        .child(list.on("change", on_change));
    if !has_values {
        let _ = fieldset.element().set_attribute("hidden", "");
    }
    fieldset
}

/// One facet row (`<li><label><input type=checkbox><span>name</span><span>count</span></label></li>`)
/// and what it shows.
struct Row {
    id: String,
    /// Wears the zero class.
    label: web_sys::Element,
    input: web_sys::HtmlInputElement,
    name: web_sys::Text,
    count: web_sys::Text,
    /// The count shown (`usize::MAX` before the first write) and whether the box is ticked.
    shown: usize,
    checked: bool,
}

impl Row {
    /// Brings the row to `count` and `checked`, writing only what changed: the count's text
    /// node in place, the zero class only when a count becomes or stops being zero.
    fn write(&mut self, count: usize, checked: bool) {
        if count != self.shown {
            if (count == 0) != (self.shown == 0) {
                let _ = self.label.class_list().toggle_with_force("tl-zero", count == 0);
            }
            self.shown = count;
            self.count.set_data(&count.to_string());
        }
        if checked != self.checked {
            self.checked = checked;
            self.input.set_checked(checked);
        }
    }
}

/// The rows of a facet list, appended to `list`, empty: the facet's effect writes them.
fn make_rows(list: &web_sys::Element, values: &[String], name: &str) -> Vec<Row> {
    let Some(doc) = list.owner_document() else { return Vec::new() };
    let element = |tag: &str| doc.create_element(tag).ok();
    let row = |id: &String| -> Option<Row> {
        let (li, label, span, count_span) =
            (element("li")?, element("label")?, element("span")?, element("span")?);
        let input: web_sys::HtmlInputElement = element("input")?.dyn_into().ok()?;
        input.set_type("checkbox");
        input.set_name(name);
        input.set_value(id);
        count_span.set_class_name("tl-facet-count");
        let (name, count) = (doc.create_text_node(""), doc.create_text_node(""));
        span.append_child(&name).ok()?;
        count_span.append_child(&count).ok()?;
        label.append_with_node_3(&input, &span, &count_span).ok()?;
        li.append_child(&label).ok()?;
        list.append_child(&li).ok()?;
        Some(Row { id: id.clone(), label, input, name, count, shown: usize::MAX, checked: false })
    };
    values.iter().filter_map(row).collect()
}

/// The from/to inputs; a value that is not a date is marked invalid and not applied.
#[allow(non_snake_case)]
fn DateRange() -> Dom {
    let store = use_store();
    let lang = store.lang;
    let field = move |which: &'static str, id: &str| {
        let current = Memo::new(move |_| {
            store.state.with(|s| {
                let d = if which == "from" { s.from } else { s.to };
                d.map(|d| d.to_string()).unwrap_or_default()
            })
        });
        let invalid = RwSignal::new(false);
        el("input")
            .attr("type", "text")
            .attr("id", id)
            .attr("inputmode", "numeric")
            .class("tl-date")
            .attr("data-bound", which)
            .attr("maxlength", "12")
            .attr_tr("placeholder", lang, Key::DateHint)
            .bind_attr("aria-invalid", move || invalid.get().then(|| "true".to_string()))
            .bind_prop("value", move || current.with(|c| c.as_str().into()))
            .on("change", move |ev| {
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
            })
    };
    let (from_id, to_id) = (store.id("from"), store.id("to"));
    el("fieldset").class("tl-facet").child(el("legend").tr(lang, Key::DateRange)).child(
        el("div")
            .class("tl-range")
            .child(el("label").attr("for", &from_id).tr(lang, Key::From))
            .child(field("from", &from_id))
            .child(el("label").attr("for", &to_id).tr(lang, Key::To))
            .child(field("to", &to_id)),
    )
}
