//! Failing visibly: a panic anywhere replaces every mounted widget's content with a message
//! that says what happened and how to report it, instead of leaving a frozen or blank box.
//!
//! Widgets register their host element when mounted (also inside shadow roots, which a
//! document-wide query would not reach) and unregister when destroyed.

use crate::core::dataset::model::Lang;
use crate::core::i18n::{t, Key};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// Host elements of the mounted widgets, by handle id.
    static HOSTS: RefCell<Vec<(u32, web_sys::Element)>> = const { RefCell::new(Vec::new()) };
}

static HOOK: std::sync::Once = std::sync::Once::new();

/// Installs the panic hook (once per page): log the panic, then show it in every widget.
pub fn install() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show_everywhere(&info.to_string());
        }));
    });
}

/// Registers the host element of the widget with handle `id`.
pub fn watch(id: u32, host: web_sys::Element) {
    HOSTS.with(|h| h.borrow_mut().push((id, host)));
}

/// Forgets the widget with handle `id` (it was destroyed).
pub fn forget(id: u32) {
    HOSTS.with(|h| h.borrow_mut().retain(|(k, _)| *k != id));
}

fn show_everywhere(detail: &str) {
    // `try_borrow`: a panic while the list itself is borrowed must not panic again.
    let hosts: Vec<web_sys::Element> = HOSTS
        .with(|h| h.try_borrow().map(|v| v.iter().map(|(_, e)| e.clone()).collect()).unwrap_or_default());
    let version = env!("CARGO_PKG_VERSION");
    let agent = web_sys::window().and_then(|w| w.navigator().user_agent().ok()).unwrap_or_default();
    let report = format!("timeline-explorer {version}\n{agent}\n\n{detail}");
    for host in hosts {
        let _ = render(&host, lang_of(&host), &report);
    }
}

/// The widget's language: from its root's `lang` attribute, else from the host's context.
fn lang_of(host: &web_sys::Element) -> Lang {
    let german = host.query_selector(".tl-root[lang|=de]").ok().flatten().is_some()
        || (host.query_selector(".tl-root").ok().flatten().is_none()
            && host.closest("[lang|=de]").ok().flatten().is_some());
    if german {
        Lang::De
    } else {
        Lang::En
    }
}

/// Replaces a widget's content with the crash message, built from text nodes only: the
/// message, what to do, and the details to report in a read-only field that is easy to copy.
pub fn render(host: &web_sys::Element, lang: Lang, detail: &str) -> Result<(), JsValue> {
    let doc = host.owner_document().ok_or("no document")?;
    let root = doc.create_element("div")?;
    root.set_class_name("tl-root");
    root.set_attribute("lang", lang.code())?;
    let box_ = doc.create_element("div")?;
    box_.set_class_name("tl-error tl-crash");
    box_.set_attribute("role", "alert")?;
    let strong = doc.create_element("strong")?;
    strong.set_text_content(Some(t(lang, Key::Crashed)));
    let p = doc.create_element("p")?;
    p.set_text_content(Some(t(lang, Key::ReportIt)));
    let label = doc.create_element("label")?;
    label.set_class_name("tl-crash-label");
    label.set_text_content(Some(t(lang, Key::CrashDetails)));
    let details = doc.create_element("textarea")?;
    details.set_class_name("tl-crash-details");
    details.set_attribute("readonly", "")?;
    details.set_attribute("rows", "6")?;
    details.set_text_content(Some(&detail.chars().take(4000).collect::<String>()));
    label.append_child(&details)?;
    box_.append_child(&strong)?;
    box_.append_child(&p)?;
    box_.append_child(&label)?;
    root.append_child(&box_)?;
    host.set_text_content(None);
    host.append_child(&root)?;
    Ok(())
}

/// A deliberate panic, for the end-to-end test that proves a crash is shown (only in builds
/// with the `crash-test` feature, never in the published bundle).
#[cfg(feature = "crash-test")]
#[wasm_bindgen(js_name = crashForTest)]
pub fn crash_for_test(message: &str) {
    panic!("{message}");
}
