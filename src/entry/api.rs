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

use crate::core::dataset::model::Lang;
use crate::platform::fetch;
use crate::platform::location::UrlMode;
use crate::ui::{mount_widget, Control, DataSource, WidgetOptions};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Options for `mount`. Every field is optional; without `src` or `data` the built-in dataset is shown. */
export interface MountOptions {
    /** URL of a dataset in the project's schema or in TimelineJS3's JSON format, or of a sheet (CSV; read by the import module, loaded on demand) (fetched; mind `connect-src`). */
    src?: string;
    /** A dataset as JSON text, or a sheet as CSV text; wins over `src`. */
    data?: string;
    /** The initial view in the shareable URL's query form, e.g. `"cat=military&lang=de"`. */
    state?: string;
    /** Fixes the interface language; otherwise `lang` in the state, then the browser's language. */
    lang?: "de" | "en";
    /** Opt in to mirroring the view into the host page's URL as `PREFIX-name` parameters (off by default). */
    urlPrefix?: string;
}

/** What `TimelineHandle.on` listens for: `select` gets the selected event's id (`""` when the
 *  detail panel closes), `change` the view's new canonical query string. */
export type TimelineEventName = "select" | "change";
"#;

/// Options for [`mount`], read from a plain JS object (other members are ignored).
#[derive(Default)]
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

impl JsOptions {
    /// Reads the options from `o`: each member is a string, or absent (`undefined` or `null`).
    /// Read member by member: a serde deserialiser and its messages would cost more bundle than
    /// the whole API.
    fn read(o: &JsValue) -> Result<JsOptions, String> {
        if !o.is_object() {
            return Err("not an object".into());
        }
        let member = |name: &str| -> Result<Option<String>, String> {
            let v = js_sys::Reflect::get(o, &JsValue::from_str(name))
                .map_err(|_| format!("`{name}` cannot be read"))?;
            if v.is_undefined() || v.is_null() {
                return Ok(None);
            }
            v.as_string().map(Some).ok_or_else(|| format!("`{name}` must be a string"))
        };
        Ok(JsOptions {
            src: member("src")?,
            data: member("data")?,
            state: member("state")?,
            lang: member("lang")?,
            url_prefix: member("urlPrefix")?,
        })
    }
}

thread_local! {
    /// Mounted widgets by handle id. A widget lives until `destroy()`, not until the JS
    /// garbage collector happens to collect the handle object.
    /// Each mounted widget's handle by its id (a page holds a few: a list, not a hash map).
    static MOUNTED: std::cell::RefCell<Vec<(u32, Box<dyn std::any::Any>)>> = Default::default();
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

fn keep(unmount: Box<dyn std::any::Any>, host: web_sys::HtmlElement) -> u32 {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    MOUNTED.with(|m| m.borrow_mut().push((id, unmount)));
    crate::platform::crash::watch(id, host.into());
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
    /// (the new canonical query). Throws on any other event name.
    pub fn on(
        &self,
        #[wasm_bindgen(unchecked_param_type = "TimelineEventName")] event: &str,
        #[wasm_bindgen(unchecked_param_type = "(value: string) => void")] callback: js_sys::Function,
    ) -> Result<(), JsError> {
        let cb: Rc<dyn Fn(&str)> = Rc::new(move |value: &str| {
            let _ = callback.call1(&JsValue::NULL, &JsValue::from_str(value));
        });
        match event {
            "select" => self.control.on_select.borrow_mut().push(cb),
            "change" => self.control.on_change.borrow_mut().push(cb),
            other => {
                return Err(JsError::new(&format!("unknown event \"{other}\": use \"select\" or \"change\"")))
            }
        }
        Ok(())
    }

    /// Removes the widget and everything it listens to. Calling it again does nothing.
    pub fn destroy(&mut self) {
        self.control.detach();
        crate::platform::crash::forget(self.id);
        // Dropping the unmount handle removes the widget's DOM and disposes its reactive owner.
        let taken = MOUNTED.with(|m| {
            let mut m = m.borrow_mut();
            m.iter().position(|(id, _)| *id == self.id).map(|k| m.swap_remove(k).1)
        });
        if crate::ui::in_host_callback() {
            // Called from one of the widget's own callbacks: the widget is still running the
            // update that called it, so it is taken down as soon as that has finished.
            wasm_bindgen_futures::spawn_local(async move { drop(taken) });
        } else {
            drop(taken);
        }
    }
}

/// Mounts a widget into `element` (appended to what it holds). Options:
/// `{ src?, data?, state?, lang?, urlPrefix? }`.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::HtmlElement,
    #[wasm_bindgen(unchecked_optional_param_type = "MountOptions")] options: Option<js_sys::Object>,
) -> Result<TimelineHandle, JsError> {
    crate::platform::crash::install();
    let opts: JsOptions = match options {
        None => JsOptions::default(),
        Some(o) => JsOptions::read(&o).map_err(|e| JsError::new(&format!("invalid options: {e}")))?,
    };
    let source = match (opts.data, opts.src) {
        (Some(text), _) => DataSource::Inline(text),
        (None, Some(url)) if !url.is_empty() => DataSource::Url(url),
        _ => DataSource::Url(fetch::built_in_dataset()),
    };
    let url_mode = match opts.url_prefix {
        Some(p) if !p.is_empty() => UrlMode::Prefixed(p),
        _ => UrlMode::Off,
    };
    let state = match &url_mode {
        // Never read from the host URL.
        UrlMode::Off => Some(opts.state.unwrap_or_default()),
        // A link that carries this widget's parameters wins over the initial `state`.
        _ => Some(crate::platform::location::read(&url_mode)).filter(|q| !q.is_empty()).or(opts.state),
    };
    let control = Control::default();
    let unmount = mount_widget(
        element.clone(),
        WidgetOptions {
            source,
            state,
            url_mode,
            lang: opts.lang.as_deref().and_then(Lang::from_code),
            chrome: false,
            control: control.clone(),
        },
    );
    Ok(TimelineHandle { control, id: keep(unmount, element) })
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
    crate::platform::crash::install();
    // What the page shows while loading goes, except a first view made at build time: the page
    // keeps that until the widget has drawn (www/boot.js), so the events never blink out.
    let children = element.children();
    for k in (0..children.length()).rev() {
        if let Some(child) = children.item(k).filter(|c| !c.class_list().contains("tl-first-view")) {
            child.remove();
        }
    }
    let control = Control::default();
    let unmount = mount_widget(
        element.clone(),
        WidgetOptions {
            source: DataSource::Url(fetch::built_in_dataset()),
            state: None,
            url_mode: UrlMode::Own,
            lang: None,
            chrome,
            control: control.clone(),
        },
    );
    TimelineHandle { control, id: keep(unmount, element) }
}
