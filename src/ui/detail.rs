//! The detail panel of the selected event: honest dates, both texts, actors, place, sources
//! (http/https links only) and related events.

use super::text::Highlighted;
use super::{effect, use_store, Step};
use crate::core::date::Precision;
use crate::core::i18n::{category_name, coordinates, relation_name, t, Key};
use crate::core::model::{Confidence, Lang};
use crate::core::ticks::format_span;
use crate::core::validate::is_http_url;
use crate::platform::browser;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The panel is made when an event is selected and dropped when the selection is cleared, and
/// it is made again when the language changes: it reads the language only from its `lang`.
/// (A Leptos signal lets go of a dropped subscriber only when the signal itself next changes,
/// so a panel that subscribed to the language would keep its memory, about 1 KB for each
/// event opened, until the reader switched languages.)
#[component]
pub fn DetailPanel(
    /// The UI language.
    lang: Lang,
) -> impl IntoView {
    let store = use_store();
    let session = store.session();
    let root = NodeRef::<leptos::html::Aside>::new();
    let heading_id = store.id("detail-title");
    let close = move || {
        store.update(Step::Push, |s| s.event = None);
        if let Some(id) = store.return_focus.get_value() {
            if let Some(el) = root.get_untracked().and_then(|r| r.closest(".tl-root").ok().flatten()) {
                let sel = format!("[data-event-id=\"{}\"]", id.replace(['"', '\\'], ""));
                // The panel unmounts now; focus the event once the DOM has settled.
                request_animation_frame(move || {
                    // The timeline's mark, or the list item's title button.
                    browser::focus_first(&el, &format!(".tl-event{sel}, {sel} button"));
                });
            }
        }
    };
    // Escape anywhere in the widget closes the panel.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
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
        if let Some(el) = root.get() {
            if let Ok(Some(h)) = el.query_selector("h2") {
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        }
    });
    let heading_id2 = heading_id.clone();
    view! {
        <aside class="tl-detail" node_ref=root aria-labelledby=heading_id.clone() on:keydown=on_key>
            <button type="button" class="tl-close" on:click=move |_| close()
                aria-label=t(lang, Key::Close)>"×"</button>
            {move || {
                let id = selected.get()?;
                let e = session.dataset.event(&id)?.clone();
                let precision = match (e.approximate, e.date.precision()) {
                    (true, _) => t(lang, Key::Approximate),
                    (false, Precision::Day) => t(lang, Key::PrecisionDay),
                    (false, Precision::Month) => t(lang, Key::PrecisionMonth),
                    (false, Precision::Year) => t(lang, Key::PrecisionYear),
                };
                let confidence = match e.confidence {
                    Confidence::Confirmed => t(lang, Key::Confirmed),
                    Confidence::PerArticle => t(lang, Key::PerArticle),
                };
                let actors: Vec<String> = e.actors.iter()
                    .map(|a| session.dataset.actor(a).map(|x| x.name.get(lang).to_string()).unwrap_or_else(|| a.clone()))
                    .collect();
                let related: Vec<_> = e.related.iter()
                    .filter_map(|r| session.dataset.event(&r.id).map(|o| (r.relation, o.id.clone(), o.title.get(lang).to_string())))
                    .collect();
                Some(view! {
                    <h2 id=heading_id2.clone() tabindex="-1" data-event-id=e.id.clone()>
                        <Highlighted text=e.title.get(lang).to_string() q=q />
                    </h2>
                    <p class="tl-meta">
                        <time datetime=e.date.to_string()>{format_span(&e.date, e.end.as_ref(), e.approximate, lang)}</time>
                        " · " {precision} " · "
                        {e.categories.iter().map(|c| category_name(lang, *c)).collect::<Vec<_>>().join(", ")}
                    </p>
                    <p><Highlighted text=e.summary.get(lang).to_string() q=q /></p>
                    <h3>{t(lang, Key::Actors)}</h3>
                    <p>{actors.into_iter().map(|a| view! { <span class="tl-chip">{a}</span> }).collect::<Vec<_>>()}</p>
                    {e.place.clone().map(|p| view! {
                        <h3>{t(lang, Key::Place)}</h3>
                        <p>{p.name.get(lang).to_string()}
                            {p.lat.zip(p.lon).map(|(la, lo)| format!(" ({})", coordinates(lang, la, lo)))}</p>
                    })}
                    <h3>{t(lang, Key::Sources)}</h3>
                    <ul class="tl-sources">
                        {e.sources.iter().map(|s| {
                            let label = match &s.date { Some(d) => format!("{} ({}, {d})", s.title, s.publisher), None => format!("{} ({})", s.title, s.publisher) };
                            if is_http_url(&s.url) {
                                view! { <li><a href=s.url.clone() target="_blank" rel="noopener noreferrer external">{label}</a></li> }.into_any()
                            } else {
                                view! { <li>{label}</li> }.into_any()
                            }
                        }).collect::<Vec<_>>()}
                    </ul>
                    <p class="tl-meta">{t(lang, Key::Confidence)} ": " {confidence}</p>
                    {(!related.is_empty()).then(|| view! {
                        <h3>{t(lang, Key::Related)}</h3>
                        <ul class="tl-related">
                            {related.into_iter().map(|(rel, rid, title)| {
                                let rid2 = rid.clone();
                                view! {
                                    <li>{relation_name(lang, rel)} ": "
                                        <a href=format!("?event={rid}") data-related-id=rid.clone()
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                store.focus_detail.set_value(true);
                                                store.update(Step::Push, |s| { s.event = Some(rid2.clone()); s.span = None; });
                                            }>{title}</a>
                                    </li>
                                }
                            }).collect::<Vec<_>>()}
                        </ul>
                    })}
                })
            }}
        </aside>
    }
}
