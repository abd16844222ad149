//! Small browser services the components need, each behind a plain Rust function.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static DOCUMENT: Option<web_sys::Document> = web_sys::window().and_then(|w| w.document());
}

/// The page's document, which the components make their elements in.
pub fn document() -> web_sys::Document {
    DOCUMENT.with(|d| d.clone()).expect("the widget runs in a page with a document")
}

/// Sets up the task executor the widget's reactive effects run on (wasm-bindgen's futures);
/// calling it again changes nothing.
pub fn start_task_executor() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
}

/// Runs `f` just before the browser's next frame (`requestAnimationFrame`).
pub fn before_next_frame(f: impl FnOnce() + 'static) {
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(Closure::once_into_js(f).unchecked_ref());
    }
}

/// Now in UTC as year, month (1-12), day, hour, minute and second.
pub fn utc_now() -> [u32; 6] {
    let d = js_sys::Date::new_0();
    [
        d.get_utc_full_year(),
        d.get_utc_month() + 1,
        d.get_utc_date(),
        d.get_utc_hours(),
        d.get_utc_minutes(),
        d.get_utc_seconds(),
    ]
}

/// The browser's preferred language tag (e.g. `de-AT`), or empty.
pub fn preferred_language() -> String {
    web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default()
}

/// Copies text to the clipboard; the future resolves to whether it worked.
pub async fn copy_text(text: String) -> bool {
    let Some(w) = web_sys::window() else { return false };
    let promise = w.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let w = web_sys::window().ok_or("no window")?;
    let doc = w.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Starts the phase `name` of a widget's work in the browser's performance timeline (User
/// Timing): a mark named `<name>-start`; see [`end_phase`].
pub fn start_phase(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}-start"));
    }
}

/// Ends the phase `name`: a measure of that name from its latest start until now. The
/// browser's performance panel shows it, and the benchmark reads it to say where loading time
/// goes.
pub fn end_phase(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{name}-start"));
    }
}

/// Runs `work` as the phase `name` (see [`start_phase`]).
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    start_phase(name);
    let done = work();
    end_phase(name);
    done
}

/// Watches an element's content-box width; the callback gets each new width, the first one with
/// the next frame's layout, before it is painted (a `ResizeObserver`'s first observation), so
/// measuring does not force a layout of its own while the page is being built.
/// Dropping the returned guard stops watching.
pub struct WidthWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for WidthWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

pub fn watch_width(el: &web_sys::Element, mut on_width: impl FnMut(f64) + 'static) -> Option<WidthWatch> {
    watch_size(el, move |width, _| on_width(width))
}

/// Watches an element's content-box width and height, as [`watch_width`] does its width.
pub fn watch_size(el: &web_sys::Element, mut on_size: impl FnMut(f64, f64) + 'static) -> Option<WidthWatch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            let rect = entry.content_rect();
            on_size(rect.width(), rect.height());
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(WidthWatch { observer, _callback: callback })
}

/// Runs `f` when the browser is next idle (`requestIdleCallback`, within two seconds even if
/// it never is; a timeout where a browser has no idle callbacks): for work that the frame being
/// made should not wait for.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let callback = Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&w, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(idle) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from_f64(2000.0));
            let _ = idle.call2(&w, &callback, &options);
        }
        None => {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 50);
        }
    }
}

/// Moves keyboard focus to the first element under `root` matching `selector`.
pub fn focus_first(root: &web_sys::Element, selector: &str) -> bool {
    match root.query_selector(selector) {
        Ok(Some(el)) => el.dyn_into::<web_sys::HtmlElement>().map(|h| h.focus().is_ok()).unwrap_or(false),
        _ => false,
    }
}
