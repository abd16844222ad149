//! The JS API, exported with wasm-bindgen (camelCase for JS).
//!
//! ```js
//! import init, { mount } from 'timeline-explorer';
//! await init();
//! const handle = mount(element, { src: 'data.json', state: 'cat=military&lang=de' });
//! handle.on('select', (id) => console.log(id));
//! handle.setState('view=list');
//! handle.destroy();
//! ```

use super::location::UrlMode;
use crate::core::model::Lang;
use crate::ui::{mount_widget, Control, DataSource, WidgetOptions};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Options for [`mount`], as a plain JS object.
#[derive(Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct JsOptions {
    /// URL of a dataset (project schema or TimelineJS3 JSON).
    src: Option<String>,
    /// Dataset JSON text.
    data: Option<String>,
    /// Initial view as a query string (`cat=military&lang=de`).
    state: Option<String>,
    /// `de` or `en`.
    lang: Option<String>,
    /// Mirror the state into the host URL under this prefix (off by default).
    url_prefix: Option<String>,
}

thread_local! {
    /// Mounted widgets by handle id. A widget lives until `destroy()`, not until the JS
    /// garbage collector happens to collect the handle object.
    static MOUNTED: std::cell::RefCell<std::collections::HashMap<u32, Box<dyn std::any::Any>>> =
        Default::default();
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

fn keep(host: &web_sys::HtmlElement, unmount: Box<dyn std::any::Any>) -> u32 {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    MOUNTED.with(|m| m.borrow_mut().insert(id, unmount));
    super::crash::watch(id, host.clone().into());
    id
}

/// A mounted widget, returned by [`mount`].
#[wasm_bindgen]
pub struct TimelineHandle {
    control: Control,
    id: u32,
}

#[wasm_bindgen]
impl TimelineHandle {
    /// Shows the view a query string describes (same form as the shareable URL).
    #[wasm_bindgen(js_name = setState)]
    pub fn set_state(&self, query: &str) {
        self.control.set_query(query);
    }

    /// The canonical query string of the current view.
    #[wasm_bindgen(js_name = getState)]
    pub fn get_state(&self) -> String {
        self.control.query()
    }

    /// Listens for `"select"` (the selected event id, or "" when closed) or `"change"`
    /// (the new canonical query).
    pub fn on(&self, event: &str, callback: js_sys::Function) -> Result<(), JsError> {
        let cb: Rc<dyn Fn(&str)> = Rc::new(move |value: &str| {
            let _ = callback.call1(&JsValue::NULL, &JsValue::from_str(value));
        });
        match event {
            "select" => self.control.on_select.borrow_mut().push(cb),
            "change" => self.control.on_change.borrow_mut().push(cb),
            other => return Err(JsError::new(&format!("unknown event \"{other}\": use \"select\" or \"change\""))),
        }
        Ok(())
    }

    /// Removes the widget and everything it listens to.
    pub fn destroy(&mut self) {
        self.control.on_change.borrow_mut().clear();
        self.control.on_select.borrow_mut().clear();
        *self.control.state.borrow_mut() = None;
        // Dropping the unmount handle removes the widget's DOM and disposes its reactive owner.
        super::crash::forget(self.id);
        let taken = MOUNTED.with(|m| m.borrow_mut().remove(&self.id));
        drop(taken);
    }
}

/// Mounts a widget into `element`. Options: `{ src?, data?, state?, lang?, urlPrefix? }`.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<TimelineHandle, JsError> {
    super::crash::install();
    let opts: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    let source = match (opts.data, opts.src) {
        (Some(text), _) => DataSource::Inline(text),
        (None, Some(url)) if !url.is_empty() => DataSource::Url(url),
        _ => DataSource::Embedded,
    };
    let url_mode = match opts.url_prefix {
        Some(p) if !p.is_empty() => UrlMode::Prefixed(p),
        _ => UrlMode::Off,
    };
    let state = if url_mode == UrlMode::Off { Some(opts.state.unwrap_or_default()) } else { opts.state };
    let control = Control::default();
    let host = element.clone();
    let unmount = mount_widget(
        element,
        WidgetOptions {
            source,
            state,
            url_mode,
            lang: opts.lang.as_deref().and_then(Lang::from_code),
            chrome: false,
            control: control.clone(),
        },
    );
    Ok(TimelineHandle { control, id: keep(&host, unmount) })
}

/// Mounts the standalone view: the widget owns the page URL, with heading and embed snippets.
#[wasm_bindgen(js_name = mountStandalone)]
pub fn mount_standalone(element: web_sys::HtmlElement) -> TimelineHandle {
    mount_own_url(element, true)
}

/// Mounts the iframe view (`embed.html`): the frame's URL is the state, no page chrome.
#[wasm_bindgen(js_name = mountEmbedded)]
pub fn mount_embedded(element: web_sys::HtmlElement) -> TimelineHandle {
    mount_own_url(element, false)
}

fn mount_own_url(element: web_sys::HtmlElement, chrome: bool) -> TimelineHandle {
    super::crash::install();
    element.set_inner_html("");
    let control = Control::default();
    let host = element.clone();
    let unmount = mount_widget(
        element,
        WidgetOptions {
            source: DataSource::Embedded,
            state: None,
            url_mode: UrlMode::Own,
            lang: None,
            chrome,
            control: control.clone(),
        },
    );
    TimelineHandle { control, id: keep(&host, unmount) }
}
