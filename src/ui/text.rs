//! Text from data or URLs, rendered only ever as text (never as HTML), with search hits marked.

use super::use_store;
use crate::core::model::Text;
use crate::core::search::{highlight, Query};
use leptos::prelude::*;

/// A piece of data text in the current language with the search matches wrapped in `<mark>`.
#[component]
pub fn Highlighted(
    /// The text in both languages.
    text: Text,
) -> impl IntoView {
    let store = use_store();
    let q = Memo::new(move |_| store.state.with(|s| s.q.clone()));
    move || {
        let s = text.get(store.lang.get()).to_string();
        let query = Query::parse(&q.get());
        if query.is_empty() {
            return vec![s.into_any()];
        }
        highlight(&s, &query)
            .into_iter()
            .map(|(range, hit)| {
                let part = s[range].to_string();
                if hit {
                    view! { <mark class="tl-hit">{part}</mark> }.into_any()
                } else {
                    part.into_any()
                }
            })
            .collect::<Vec<_>>()
    }
}
