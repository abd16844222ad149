//! Messages about input the widget could not use: ignored URL parts, broken datasets.

use super::dom::{button, el, fragment, Dom};
use super::use_store;
use crate::core::dataset::model::Lang;
use crate::core::formats::read::{LoadFailure, SheetLines};
use crate::core::i18n::{dataset_error_lines, t, Key};
use leptos::prelude::*;

/// A dismissible notice naming what was ignored from the link or `state` attribute: for
/// [`Dom::dynamic`], nothing while there is nothing to say.
pub fn ignored_notice() -> impl Fn() -> Option<Dom> {
    let store = use_store();
    let lang = store.lang;
    move || {
        let items = store.notices.get();
        if items.is_empty() {
            return None;
        }
        let l = lang.get();
        let notice = el("div")
            .class("tl-notice")
            .attr("role", "status")
            .child(
                el("div")
                    .child(el("strong").text(t(l, Key::IgnoredHeading)))
                    .child(el("ul").children(items.iter().map(|i| el("li").text(&i.describe(l))))),
            )
            .child(
                button()
                    .class("tl-dismiss")
                    .text(t(l, Key::Dismiss))
                    .on("click", move |_| store.notices.set(Vec::new())),
            );
        Some(notice)
    }
}

/// Shown instead of the explorer when the data could not be loaded: `failure` says what went
/// wrong, in `lang` (chosen at mount like the rest of the panel: the custom element remounts
/// for a new `lang`); `on_retry` is called when the reader asks to try again.
#[allow(non_snake_case)]
pub fn LoadError(failure: LoadFailure, lang: Lang, on_retry: impl Fn() + 'static) -> Dom {
    // What could not be fetched (HTTP status and URL) is shown as it is: it needs no translation.
    let fetched = match &failure {
        LoadFailure::Network(what) if !what.is_empty() => Some(what.clone()),
        _ => None,
    };
    let (heading, details, retry) = match &failure {
        LoadFailure::Network(_) => (t(lang, Key::NetworkFailed).to_string(), Vec::new(), true),
        // Handed to the import module before anything is shown: not met here.
        LoadFailure::ForImport(..) => (t(lang, Key::InvalidData).to_string(), Vec::new(), false),
        LoadFailure::Invalid(err) => {
            (t(lang, Key::InvalidData).to_string(), dataset_error_lines(lang, err), false)
        }
        // The import module's own heading says why, then each problem follows.
        LoadFailure::Sheet(lines) => match lines.get(lang).split_first() {
            Some((heading, rest)) => (heading.clone(), rest.to_vec(), false),
            None => (t(lang, Key::InvalidData).to_string(), Vec::new(), false),
        },
    };
    el("div")
        .class("tl-error")
        .attr("role", "alert")
        .child(el("strong").text(t(lang, Key::LoadFailed)))
        .child(el("p").text(&heading))
        .child_if(fetched.map(|what| el("p").class("tl-error-detail").child(el("code").text(&what))))
        .child_if((!details.is_empty()).then(|| el("ul").children(details.iter().map(|d| el("li").text(d)))))
        .child_if(
            retry.then(|| {
                button().class("tl-retry").text(t(lang, Key::Retry)).on("click", move |_| on_retry())
            }),
        )
}

/// The explorer `app` of a dataset that was a sheet, after what the import module said about
/// it (`lines` in both languages: a heading, then each notice), as a notice the reader may
/// dismiss, in the language the explorer shows. Without anything to say, `app` alone. Called
/// after `app` is made, where its store is provided.
#[allow(non_snake_case)]
pub fn SheetNotice(lines: SheetLines, app: Dom) -> Dom {
    if lines.de.is_empty() && lines.en.is_empty() {
        return app;
    }
    let lang = use_store().lang;
    let shown = RwSignal::new(true);
    let notice = move || {
        let l = lang.get();
        let (heading, notices) = lines.get(l).split_first()?;
        shown.get().then(|| {
            let list = el("ul").children(notices.iter().map(|n| el("li").text(n)));
            el("div")
                .class("tl-notice")
                .class("tl-sheet-notice")
                .attr("role", "status")
                .child(el("div").child(el("strong").text(heading)).child(list))
                .child(
                    button()
                        .class("tl-dismiss")
                        .text(t(l, Key::Dismiss))
                        .on("click", move |_| shown.set(false)),
                )
        })
    };
    fragment().dynamic(notice).child(app)
}
