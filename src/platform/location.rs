//! Where the widget keeps its state in the page URL.
//!
//! The codec itself is pure ([`crate::core::query::urlstate`]); this module only moves query strings
//! between the page's `location`/`history` and the widget, in one of three modes.

use crate::core::query::hosturl::{prefixed_part, with_prefixed_part};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// How a widget instance uses the page URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlMode {
    /// The standalone view: the page's whole query string is the widget's state.
    Own,
    /// An embedded widget that opted in: its parameters live in the host URL as `PREFIX-name`,
    /// beside the host's own parameters, which are left alone.
    Prefixed(String),
    /// An embedded widget by default: it never touches the host page's URL.
    Off,
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The widget's query string as the page URL holds it now (without `?`).
pub fn read(mode: &UrlMode) -> String {
    let Some(search) = window().and_then(|w| w.location().search().ok()) else {
        return String::new();
    };
    match mode {
        UrlMode::Own => search.trim_start_matches('?').to_string(),
        UrlMode::Off => String::new(),
        UrlMode::Prefixed(prefix) => prefixed_part(&search, prefix),
    }
}

/// Writes the widget's canonical query into the page URL; `push` adds a history entry,
/// otherwise the current one is replaced. Does nothing when the URL already says it.
pub fn write(mode: &UrlMode, query: &str, push: bool) {
    let Some(w) = window() else { return };
    let location = w.location();
    let (Ok(path), Ok(search), Ok(hash)) = (location.pathname(), location.search(), location.hash()) else {
        return;
    };
    let new_search = match mode {
        UrlMode::Off => return,
        UrlMode::Own => query.to_string(),
        UrlMode::Prefixed(prefix) => with_prefixed_part(&search, prefix, query),
    };
    if search.trim_start_matches('?') == new_search {
        return;
    }
    let url =
        if new_search.is_empty() { format!("{path}{hash}") } else { format!("{path}?{new_search}{hash}") };
    if let Ok(history) = w.history() {
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// An absolute URL of the page with `query` as its query string (for "Copy link"), and the
/// page's fragment: a timeline in a link carries its dataset there.
pub fn share_url(query: &str) -> String {
    let Some(w) = window() else { return String::new() };
    let l = w.location();
    let origin = l.origin().unwrap_or_default();
    let path = l.pathname().unwrap_or_default();
    let hash = l.hash().unwrap_or_default();
    if query.is_empty() {
        format!("{origin}{path}{hash}")
    } else {
        format!("{origin}{path}?{query}{hash}")
    }
}

/// The URL of a file next to the current page (e.g. `embed.html`), for snippets.
pub fn sibling_url(file: &str) -> String {
    let Some(w) = window() else { return file.to_string() };
    let href = w.location().href().unwrap_or_default();
    web_sys::Url::new_with_base(file, &href).map(|u| u.href()).unwrap_or_else(|_| file.to_string())
}

/// Calls `f` on every step back or forward through the page's history (`popstate`), until the
/// returned guard is dropped.
pub fn on_history_step(f: impl FnMut() + 'static) -> Option<HistoryListener> {
    let w = window()?;
    let mut f = f;
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| f());
    w.add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref()).ok()?;
    Some(HistoryListener { window: w, closure })
}

/// Listens for history steps while it lives (see [`on_history_step`]).
pub struct HistoryListener {
    window: web_sys::Window,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for HistoryListener {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("popstate", self.closure.as_ref().unchecked_ref());
    }
}
