//! The toolbar: language, view, lanes, the folded axis, copy link, export and embed snippets.

use super::dom::{button, el, Dom};
use super::{use_store, Step, Store};
use crate::core::dataset::model::Lang;
use crate::core::formats::export::{embed_snippets, file_name, ics_timestamp};
use crate::core::i18n::{t, Key};
use crate::core::query::viewstate::{AxisMode, Group, View};
use crate::platform::{browser, import, location};
use crate::ui::memo::Memo;
use leptos::prelude::*;

/// Appends the toolbar to `header`; `chrome` says whether the page-level controls (embed
/// snippets) are shown.
#[allow(non_snake_case)]
pub fn Toolbar(header: Dom, chrome: bool) -> Dom {
    let store = use_store();
    let show_embed = RwSignal::new(false);
    let toolbar = el("div")
        .class("tl-toolbar")
        .child(Languages())
        .child(Views())
        .child(LanesChoice())
        .child(FoldChoice())
        .child(button().class("tl-copy").on("click", move |_| copy_link(store)).tr(store.lang, Key::CopyLink))
        .child(Exports())
        .child_if(chrome.then(|| {
            button()
                .class("tl-embed-toggle")
                .bind_aria("aria-expanded", move || show_embed.get())
                .on("click", move |_| show_embed.update(|v| *v = !*v))
                .tr(store.lang, Key::Embed)
        }));
    header.child(toolbar).dynamic(move || show_embed.get().then(|| untrack(EmbedSnippets)))
}

/// Puts the link to the current view on the clipboard and says whether that worked.
fn copy_link(store: Store) {
    let url = location::share_url(&store.state.with_untracked(|s| store.loaded().query_of(s)));
    leptos::task::spawn_local(async move {
        let ok = browser::copy_text(url).await;
        let key = if ok { Key::LinkCopied } else { Key::CopyFailed };
        store.status.set(t(store.lang.get_untracked(), key).to_string());
    });
}

/// Downloads the filtered events as `kind` (`json`, `csv` or `ics`), written by the import
/// module (loaded on the first export).
fn export(store: Store, kind: &'static str) {
    let loaded = store.loaded();
    let l = store.lang.get_untracked();
    let indices = store.filtered.get_untracked();
    let name = store.state.with_untracked(|s| file_name(s, kind));
    let stamp = ics_timestamp(browser::utc_now());
    let mime = match kind {
        "csv" => "text/csv;charset=utf-8",
        "ics" => "text/calendar;charset=utf-8",
        _ => "application/json",
    };
    leptos::task::spawn_local(async move {
        let Some((body, left_out)) = import::export(kind, &loaded.source, &indices, l, &stamp).await else {
            let _ = store.status.try_set(t(l, Key::ExportFailed).to_string());
            return;
        };
        let _ = browser::download(&name, mime, &body);
        // What a calendar file left out, or nothing (a failed try's message goes).
        let said =
            if left_out > 0 { crate::core::i18n::ics_left_out_text(l, left_out) } else { String::new() };
        let _ = store.status.try_set(said);
    });
}

/// The language buttons.
#[allow(non_snake_case)]
fn Languages() -> Dom {
    let store = use_store();
    let lang = store.lang;
    el("div").class("tl-segmented").attr("role", "group").attr_tr("aria-label", lang, Key::Language).children(
        Lang::ALL.into_iter().map(|l| {
            button()
                .attr("lang", l.code())
                .attr("data-lang", l.code())
                .text(l.label())
                .bind_aria("aria-pressed", move || lang.get() == l)
                .on("click", move |_| store.update(Step::Push, |s| s.lang = Some(l)))
        }),
    )
}

/// Timeline or list.
#[allow(non_snake_case)]
fn Views() -> Dom {
    let store = use_store();
    let lang = store.lang;
    let view_mode = Memo::new(move |_| store.state.with(|s| s.view));
    let view_button = |v: View, key: Key| {
        button()
            .attr("data-view", v.code())
            .bind_aria("aria-pressed", move || view_mode.get() == v)
            .on("click", move |_| store.update(Step::Push, |s| s.view = v))
            .tr(lang, key)
    };
    el("div")
        .class("tl-segmented")
        .attr("role", "group")
        .attr_tr("aria-label", lang, Key::View)
        .child(view_button(View::Timeline, Key::TimelineView))
        .child(view_button(View::List, Key::ListView))
}

/// The lanes the timeline groups its events into.
#[allow(non_snake_case)]
fn LanesChoice() -> Dom {
    let store = use_store();
    let lang = store.lang;
    let group = Memo::new(move |_| store.state.with(|s| s.group));
    let lanes_id = store.id("lanes");
    let option = |g: Group, key: Key| {
        el("option")
            .attr("value", g.code())
            .bind_prop("selected", move || (group.get() == g).into())
            .tr(lang, key)
    };
    el("label").attr("for", &lanes_id).tr(lang, Key::Lanes).child(
        el("select")
            .attr("id", &lanes_id)
            .class("tl-lanes-select")
            .on("change", move |ev| {
                let g = Group::from_code(&event_target_value(&ev)).unwrap_or_default();
                store.update(Step::Push, |s| s.group = g);
            })
            .child(option(Group::None, Key::LanesNone))
            .child(option(Group::Category, Key::LanesCategory))
            .child(option(Group::Actor, Key::LanesActor)),
    )
}

/// Whether the timeline folds its long empty stretches: a checkbox, ticked on the folded axis
/// (the default); unticking it writes `axis=linear`. Like the lanes, it shapes the timeline and
/// waits in the list view for the timeline to be shown again.
#[allow(non_snake_case)]
fn FoldChoice() -> Dom {
    let store = use_store();
    let folded = Memo::new(move |_| store.state.with(|s| s.axis == AxisMode::Folded));
    el("label")
        .class("tl-fold-choice")
        .child(
            el("input")
                .attr("type", "checkbox")
                .attr("name", "fold")
                .bind_prop("checked", move || folded.get().into())
                .on("change", move |ev| {
                    let next = if event_target_checked(&ev) { AxisMode::Folded } else { AxisMode::Linear };
                    store.update(Step::Push, |s| s.axis = next);
                }),
        )
        .child(el("span").tr(store.lang, Key::FoldAxis))
}

/// The export buttons.
#[allow(non_snake_case)]
fn Exports() -> Dom {
    let store = use_store();
    let lang = store.lang;
    let label_id = store.id("export-label");
    let export_button =
        |kind: &'static str| button().attr("data-export", kind).on("click", move |_| export(store, kind));
    el("span")
        .class("tl-exports")
        .child(el("span").attr("id", &label_id).class("tl-exports-label").tr(lang, Key::ExportLabel))
        .child(
            el("span")
                .class("tl-segmented")
                .attr("role", "group")
                .attr("aria-labelledby", &label_id)
                .child(export_button("json").tr(lang, Key::ExportJson))
                .child(export_button("csv").tr(lang, Key::ExportCsv))
                .child(export_button("ics").tr(lang, Key::ExportIcs)),
        )
}

/// Ready-to-copy snippets that show the current view on another page.
#[allow(non_snake_case)]
fn EmbedSnippets() -> Dom {
    let store = use_store();
    let lang = store.lang;
    let snippets = Memo::new(move |_| {
        embed_snippets(
            &location::sibling_url("embed.html"),
            &location::sibling_url("pkg/timeline-explorer.js"),
            &store.state.with(|s| store.loaded().query_of(s)),
            t(lang.get(), Key::TimelineView),
        )
    });
    let snippet = |class: &str, key: Key, which: fn(&(String, String)) -> &String| {
        el("label").tr(lang, key).child(
            el("textarea")
                .attr("readonly", "")
                .attr("rows", "3")
                .class(class)
                .bind_prop("value", move || snippets.with(|s| which(s).as_str().into())),
        )
    };
    el("div")
        .class("tl-embed")
        .child(el("p").tr(lang, Key::EmbedHelp))
        .child(snippet("tl-embed-iframe", Key::EmbedIframe, |s| &s.0))
        .child(snippet("tl-embed-element", Key::EmbedElement, |s| &s.1))
}
