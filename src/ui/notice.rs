//! Messages about input the widget could not use: ignored URL parts, broken datasets.

use super::use_store;
use crate::core::i18n::{dataset_error_lines, t, Key};
use crate::core::model::Lang;
use crate::core::session::LoadFailure;
use leptos::prelude::*;

/// A dismissible notice naming what was ignored from the link or `state` attribute.
#[component]
pub fn IgnoredNotice() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    move || {
        let items = store.notices.get();
        (!items.is_empty()).then(|| {
            let l = lang.get();
            view! {
                <div class="tl-notice" role="status">
                    <div>
                        <strong>{t(l, Key::IgnoredHeading)}</strong>
                        <ul>{items.iter().map(|i| view! { <li>{i.describe(l)}</li> }).collect::<Vec<_>>()}</ul>
                    </div>
                    <button type="button" class="tl-dismiss" on:click=move |_| store.notices.set(Vec::new())>
                        {t(l, Key::Dismiss)}
                    </button>
                </div>
            }
        })
    }
}

/// Shown instead of the explorer when the data could not be loaded.
#[component]
pub fn LoadError(
    /// What went wrong.
    failure: LoadFailure,
    /// The UI language, chosen at mount like the rest of the panel (the custom element remounts
    /// for a new `lang`).
    lang: Lang,
    /// Called when the reader asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    // What could not be fetched (HTTP status and URL) is shown as it is: it needs no translation.
    let fetched = match &failure {
        LoadFailure::Network(what) if !what.is_empty() => Some(what.clone()),
        _ => None,
    };
    let (heading, details, retry) = match &failure {
        LoadFailure::Network(_) => (t(lang, Key::NetworkFailed), Vec::new(), true),
        LoadFailure::Invalid(err) => (t(lang, Key::InvalidData), dataset_error_lines(lang, err), false),
    };
    view! {
        <div class="tl-error" role="alert">
            <strong>{t(lang, Key::LoadFailed)}</strong>
            <p>{heading}</p>
            {fetched.map(|what| view! { <p class="tl-error-detail"><code>{what}</code></p> })}
            {(!details.is_empty()).then(|| view! {
                <ul>{details.into_iter().map(|d| view! { <li>{d}</li> }).collect::<Vec<_>>()}</ul>
            })}
            {retry.then(|| view! {
                <button type="button" class="tl-retry" on:click=move |_| on_retry.run(())>{t(lang, Key::Retry)}</button>
            })}
        </div>
    }
}
