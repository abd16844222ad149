//! The toolbar: language, view, lanes, copy link, export and embed snippets.

use super::{use_store, Step, tr};
use crate::core::export::{embed_snippets, file_name, to_csv, to_ics, to_json};
use crate::core::i18n::{t, Key};
use crate::core::model::Lang;
use crate::core::urlstate::encode;
use crate::core::viewstate::{Group, View};
use crate::platform::{browser, location};
use leptos::prelude::*;

#[component]
pub fn Toolbar(
    /// Whether the page-level controls (embed snippets) are shown.
    chrome: bool,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let view_mode = Memo::new(move |_| store.state.with(|s| s.view));
    let group = Memo::new(move |_| store.state.with(|s| s.group));
    let lanes_id = store.id("lanes");
    let lanes_for = lanes_id.clone();
    let show_embed = RwSignal::new(false);
    let copy = move |_| {
        let url = location::share_url(&store.state.with_untracked(encode));
        leptos::task::spawn_local(async move {
            let ok = browser::copy_text(url).await;
            store.status.set(t(store.lang.get_untracked(), if ok { Key::LinkCopied } else { Key::CopyFailed }).to_string());
        });
    };
    let export = move |kind: &'static str| {
        let session = store.session();
        let l = store.lang.get_untracked();
        let indices = store.filtered.get_untracked();
        let name = store.state.with_untracked(|s| file_name(s, kind));
        let (mime, body) = match kind {
            "csv" => ("text/csv;charset=utf-8", to_csv(&session.dataset, &indices, l)),
            "ics" => ("text/calendar;charset=utf-8", to_ics(&session.dataset, &indices, l, &dtstamp())),
            _ => ("application/json", to_json(&session.dataset, &indices)),
        };
        let _ = browser::download(&name, mime, &body);
    };
    view! {
        <div class="tl-toolbar">
            <div class="tl-segmented" role="group" aria-label=tr(lang, Key::Language)>
                {Lang::ALL.into_iter().map(|l| view! {
                    <button type="button" lang=l.code() data-lang=l.code()
                        aria-pressed=move || aria_bool(lang.get() == l)
                        on:click=move |_| store.update(Step::Push, |s| s.lang = Some(l))>
                        {l.label()}
                    </button>
                }).collect::<Vec<_>>()}
            </div>
            <div class="tl-segmented" role="group" aria-label=tr(lang, Key::View)>
                <button type="button" data-view="timeline" aria-pressed=move || aria_bool(view_mode.get() == View::Timeline)
                    on:click=move |_| store.update(Step::Push, |s| s.view = View::Timeline)>
                    {tr(lang, Key::TimelineView)}
                </button>
                <button type="button" data-view="list" aria-pressed=move || aria_bool(view_mode.get() == View::List)
                    on:click=move |_| store.update(Step::Push, |s| s.view = View::List)>
                    {tr(lang, Key::ListView)}
                </button>
            </div>
            <label for=lanes_for>{tr(lang, Key::Lanes)}
                <select id=lanes_id class="tl-lanes-select"
                    on:change=move |ev| {
                        let g = match event_target_value(&ev).as_str() { "category" => Group::Category, "actor" => Group::Actor, _ => Group::None };
                        store.update(Step::Push, |s| s.group = g);
                    }>
                    <option value="none" selected=move || group.get() == Group::None>{tr(lang, Key::LanesNone)}</option>
                    <option value="category" selected=move || group.get() == Group::Category>{tr(lang, Key::LanesCategory)}</option>
                    <option value="actor" selected=move || group.get() == Group::Actor>{tr(lang, Key::LanesActor)}</option>
                </select>
            </label>
            <button type="button" class="tl-copy" on:click=copy>{tr(lang, Key::CopyLink)}</button>
            <span class="tl-segmented" role="group" aria-label=tr(lang, Key::Export)>
                <button type="button" data-export="json" on:click=move |_| export("json")>{move || format!("{} {}", t(lang.get(), Key::Export), t(lang.get(), Key::ExportJson))}</button>
                <button type="button" data-export="csv" on:click=move |_| export("csv")>{tr(lang, Key::ExportCsv)}</button>
                <button type="button" data-export="ics" on:click=move |_| export("ics")>{tr(lang, Key::ExportIcs)}</button>
            </span>
            {chrome.then(|| view! {
                <button type="button" class="tl-embed-toggle" aria-expanded=move || aria_bool(show_embed.get())
                    on:click=move |_| show_embed.update(|v| *v = !*v)>{tr(lang, Key::Embed)}</button>
            })}
        </div>
        <Show when=move || show_embed.get()>
            <EmbedSnippets />
        </Show>
    }
}

/// A DTSTAMP for calendar exports: now, in UTC.
fn dtstamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        d.get_utc_full_year(),
        d.get_utc_month() + 1,
        d.get_utc_date(),
        d.get_utc_hours(),
        d.get_utc_minutes(),
        d.get_utc_seconds()
    )
}

/// Ready-to-copy snippets that show the current view on another page.
#[component]
fn EmbedSnippets() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let snippets = move || {
        embed_snippets(
            &location::sibling_url("embed.html"),
            &location::sibling_url("pkg/timeline-explorer.js"),
            &store.state.with(encode),
        )
    };
    view! {
        <div class="tl-embed">
            <p>{tr(lang, Key::EmbedHelp)}</p>
            <label>{tr(lang, Key::EmbedIframe)}
                <textarea readonly rows="3" class="tl-embed-iframe" prop:value=move || snippets().0></textarea></label>
            <label>{tr(lang, Key::EmbedElement)}
                <textarea readonly rows="3" class="tl-embed-element" prop:value=move || snippets().1></textarea></label>
        </div>
    }
}

/// An ARIA true/false attribute value (a static string: no formatting code for a bool).
fn aria_bool(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}
