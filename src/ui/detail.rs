//! The detail panel of the selected event: honest dates, both texts, actors, tags, place,
//! sources (cited by their own headlines, http/https links only) and related events.

use super::dom::{button, el, fragment, Dom};
use super::text::Highlighted;
use super::{effect, use_store, Step};
use crate::core::dataset::model::{Lang, Source};
use crate::core::dataset::validate::is_http_url;
use crate::core::i18n::{
    category_name, citation, confidence_name, coordinates, precision_name, relation_name, t, Key,
};
use crate::core::layout::ticks::{format_date, format_span};
use crate::platform::browser;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The panel is made when an event is selected and dropped when the selection is cleared, and
/// it is made again when the language changes: it reads the language only from its `lang`.
/// (A Leptos signal lets go of a dropped subscriber only when the signal itself next changes,
/// so a panel that subscribed to the language would keep its memory, about 1 KB for each
/// event opened, until the reader switched languages.)
#[allow(non_snake_case)]
pub fn DetailPanel(lang: Lang) -> Dom {
    let store = use_store();
    let loaded = store.loaded();
    let aside = el("aside").class("tl-detail");
    let root = aside.element().clone();
    let focus_root = root.clone();
    let heading_id = store.id("detail-title");
    let close = Rc::new(move || {
        store.update(Step::Push, |s| s.event = None);
        if let Some(id) = store.return_focus.get_value() {
            if let Ok(Some(el)) = root.closest(".tl-root") {
                let sel = format!("[data-event-id=\"{}\"]", id.replace(['"', '\\'], ""));
                // The panel unmounts now; focus the event once the DOM has settled.
                browser::before_next_frame(move || {
                    // The timeline's mark, or the list item's title button.
                    browser::focus_first(&el, &format!(".tl-event{sel}, {sel} button"));
                });
            }
        }
    });
    // Escape anywhere in the widget closes the panel.
    let close_on_key = close.clone();
    let on_key = move |ev: web_sys::Event| {
        if ev.unchecked_ref::<web_sys::KeyboardEvent>().key() == "Escape" {
            ev.prevent_default();
            close_on_key();
        }
    };
    let selected = Memo::new(move |_| store.state.with(|s| s.event.clone()));
    // The panel's own: a memo shared by the widget changes only with the search, so it would
    // keep the subscriptions of closed panels (see above); the view state changes at every
    // opening and closing.
    let q = Memo::new(move |_| store.state.with(|s| s.q.clone()));
    effect(move || {
        // Move focus to the panel when the reader opened a new event inside the widget (not on
        // zooming or panning, and not for a link, Back/Forward or the host's setState: those
        // must not pull focus away from the host page).
        selected.track();
        if !store.focus_detail.get_value() {
            return;
        }
        store.focus_detail.set_value(false);
        {
            if let Ok(Some(h)) = focus_root.query_selector("h2") {
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        }
    });
    aside
        .attr("aria-labelledby", &heading_id)
        .on("keydown", on_key)
        .child(
            button()
                .class("tl-close")
                .attr("aria-label", t(lang, Key::Close))
                .text("×")
                .on("click", move |_| close()),
        )
        .dynamic(move || {
            let id = selected.get()?;
            let e = loaded.dataset.event(&id)?;
            let precision = precision_name(lang, e.approximate, e.date.precision());
            let categories =
                e.categories.iter().map(|c| category_name(lang, *c)).collect::<Vec<_>>().join(", ");
            let mut parts = vec![
                el("h2")
                    .attr("id", &heading_id)
                    .attr("tabindex", "-1")
                    .attr("data-event-id", &e.id)
                    .child(Highlighted(e.title.get(lang).to_string(), q)),
                el("p")
                    .class("tl-meta")
                    .child(el("time").attr("datetime", &e.date.to_string()).text(&format_span(
                        &e.date,
                        e.end.as_ref(),
                        e.approximate,
                        lang,
                    )))
                    .text(" · ")
                    .text(precision)
                    .text(" · ")
                    .text(&categories),
                el("p").child(Highlighted(e.summary.get(lang).to_string(), q)),
                el("h3").text(t(lang, Key::Actors)),
                el("p").children(e.actors.iter().map(|a| {
                    let name = loaded.dataset.actor(a).map(|x| x.name.get(lang)).unwrap_or(a);
                    el("span").class("tl-chip").text(name)
                })),
            ];
            if !e.tags.is_empty() {
                parts.push(el("h3").text(t(lang, Key::Tags)));
                parts.push(el("p").children(e.tags.iter().map(|tag| {
                    el("span").class("tl-tag").attr("data-tag", tag).text(loaded.dataset.tag_name(tag, lang))
                })));
            }
            if let Some(p) = &e.place {
                parts.push(el("h3").text(t(lang, Key::Place)));
                let mut line = p.name.get(lang).to_string();
                if let Some((la, lo)) = p.lat.zip(p.lon) {
                    line.push_str(&format!(" ({})", coordinates(lang, la, lo)));
                }
                parts.push(el("p").text(&line));
            }
            parts.push(el("h3").text(t(lang, Key::Sources)));
            parts.push(el("ul").class("tl-sources").children(e.sources.iter().map(|s| SourceItem(lang, s))));
            parts.push(
                el("p")
                    .class("tl-meta")
                    .text(t(lang, Key::Confidence))
                    .text(": ")
                    .text(confidence_name(lang, e.confidence)),
            );
            let related: Vec<_> = e
                .related
                .iter()
                .filter_map(|r| loaded.dataset.event(&r.id).map(|o| (r.relation, o)))
                .collect();
            if !related.is_empty() {
                parts.push(el("h3").text(t(lang, Key::Related)));
                parts.push(el("ul").class("tl-related").children(related.into_iter().map(|(rel, other)| {
                    let rid = other.id.clone();
                    el("li").text(relation_name(lang, rel)).text(": ").child(
                        el("a")
                            .attr("href", &format!("?event={rid}"))
                            .attr("data-related-id", &rid)
                            .text(other.title.get(lang))
                            .on("click", move |ev| {
                                ev.prevent_default();
                                store.focus_detail.set_value(true);
                                store.update(Step::Push, |s| {
                                    s.event = Some(rid.clone());
                                    s.span = None;
                                });
                            }),
                    )
                })));
            }
            Some(fragment().children(parts))
        })
}

/// One source as a bibliography cites it: its headline in quotes, marked with the headline's
/// language (or what the source is, in the reader's language), as the link; then publisher,
/// date and kind.
#[allow(non_snake_case)]
fn SourceItem(lang: Lang, s: &Source) -> Dom {
    let date = s.date.map(|d| format_date(&d, lang));
    let c = citation(lang, s, date.as_deref());
    let mut name = if c.name_lang.is_some() || !c.quotes.0.is_empty() { el("cite") } else { el("span") };
    if let Some(l) = c.name_lang {
        name = name.attr("lang", l);
    }
    let name = fragment().text(c.quotes.0).child(name.text(c.name)).text(c.quotes.1);
    let li = el("li");
    let li = if is_http_url(&s.url) {
        li.child(
            el("a")
                .attr("href", &s.url)
                .attr("target", "_blank")
                .attr("rel", "noopener noreferrer external")
                .child(name),
        )
    } else {
        li.child(name)
    };
    li.child(el("span").class("tl-source-details").text(&c.details))
}
