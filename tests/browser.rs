//! Wasm tests in headless Chromium: mount the widget into a wrapper element and check the DOM.
//! Run with `./dev test` (wasm-bindgen-test-runner + chromedriver).
#![cfg(target_arch = "wasm32")]

use leptos::task::tick;
use timeline_explorer::core::formats::embedded::{embedded_dataset, EMBEDDED_JSON};
use timeline_explorer::platform::location::UrlMode;
use timeline_explorer::ui::{mount_widget, Control, DataSource, WidgetOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn wrapper() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    el.style().set_property("width", "1000px").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// The built-in dataset, handed over as text (the test runner serves no `pkg/`).
fn built_in() -> DataSource {
    DataSource::Inline(EMBEDDED_JSON.to_string())
}

/// A widget mounted for one test. Dropped at the end of the test, it unmounts the widget and
/// removes its wrapper, so that no test's widget is still on the page while the next one runs.
struct Widget {
    el: web_sys::HtmlElement,
    handle: Option<Box<dyn std::any::Any>>,
}

impl Drop for Widget {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.el.remove();
    }
}

fn mount(source: DataSource, state: &str) -> Widget {
    let el = wrapper();
    let handle = Some(mount_widget(el.clone(), options(source, state)));
    Widget { el, handle }
}

fn options(source: DataSource, state: &str) -> WidgetOptions {
    WidgetOptions {
        source,
        state: Some(state.to_string()),
        url_mode: UrlMode::Off,
        lang: None,
        chrome: false,
        control: Control::default(),
    }
}

async fn settle() {
    for _ in 0..4 {
        tick().await;
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
}

fn ids(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    let mut out: Vec<String> = (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute("data-event-id"))
        .collect();
    out.sort();
    out
}

#[wasm_bindgen_test]
async fn the_list_view_shows_every_embedded_event_in_date_order() {
    let w = mount(built_in(), "view=list&lang=en");
    let el = &w.el;
    settle().await;
    let dataset = embedded_dataset().unwrap();
    let items = el.query_selector_all(".tl-list > li").unwrap();
    assert_eq!(items.length() as usize, dataset.events.len());
    let first: web_sys::Element = items.item(0).unwrap().unchecked_into();
    assert_eq!(first.get_attribute("data-event-id").unwrap(), dataset.events[0].id);
    let count = el.query_selector(".tl-count").unwrap().unwrap().text_content().unwrap();
    assert_eq!(count, format!("{0} of {0} events", dataset.events.len()));
}

#[wasm_bindgen_test]
async fn a_category_filter_in_the_state_narrows_the_list() {
    let w = mount(built_in(), "view=list&cat=energy");
    let el = &w.el;
    settle().await;
    let dataset = embedded_dataset().unwrap();
    let expected: Vec<String> = {
        let mut v: Vec<String> = dataset
            .events
            .iter()
            .filter(|e| e.categories.contains(&timeline_explorer::core::dataset::model::Category::Energy))
            .map(|e| e.id.clone())
            .collect();
        v.sort();
        v
    };
    assert!(!expected.is_empty() && expected.len() < dataset.events.len());
    assert_eq!(ids(el, ".tl-list > li"), expected);
}

#[wasm_bindgen_test]
async fn the_selected_event_opens_its_detail_panel() {
    let w = mount(built_in(), "event=vance-charter-2026&lang=de");
    let el = &w.el;
    settle().await;
    let h2 = el.query_selector(".tl-detail h2").unwrap().expect("detail panel");
    assert_eq!(h2.get_attribute("data-event-id").as_deref(), Some("vance-charter-2026"));
    let dataset = embedded_dataset().unwrap();
    assert_eq!(h2.text_content().unwrap(), dataset.event("vance-charter-2026").unwrap().title.de);
}

#[wasm_bindgen_test]
async fn a_broken_dataset_shows_an_error_naming_the_event_and_field() {
    let broken = r#"{"title":{"de":"T","en":"T"},"actors":[],"events":[{"id":"bad-one","date":"2025-13-01",
        "title":{"de":"a","en":"a"},"summary":{"de":"a","en":"a"},"actors":[],"categories":["energy"],
        "sources":[{"title":"s","publisher":"p","url":"https://example.org"}],"confidence":"confirmed"}]}"#;
    let w = mount(DataSource::Inline(broken.into()), "lang=en");
    let el = &w.el;
    settle().await;
    let err = el.query_selector(".tl-error").unwrap().expect("an error message").text_content().unwrap();
    assert!(err.contains("bad-one") && err.contains("date"), "{err}");
    assert!(el.query_selector(".tl-app").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn hostile_text_in_the_state_is_rendered_as_text() {
    let w = mount(built_in(), "q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&view=list");
    let el = &w.el;
    settle().await;
    assert!(el.query_selector("img").unwrap().is_none());
    let input: web_sys::HtmlInputElement = el.query_selector(".tl-search").unwrap().unwrap().unchecked_into();
    assert_eq!(input.value(), "<img src=x onerror=alert(1)>");
}

#[wasm_bindgen_test]
async fn dropping_the_handle_removes_the_widget() {
    let el = wrapper();
    let handle = mount_widget(el.clone(), options(built_in(), ""));
    settle().await;
    assert!(el.query_selector(".tl-root").unwrap().is_some());
    drop(handle);
    settle().await;
    assert!(el.query_selector(".tl-root").unwrap().is_none());
    el.remove();
}

/// Counts what `ui::dom`'s parts have (the builder on its own, without the widget).
mod builder {
    use super::*;
    use leptos::prelude::*;
    use std::cell::Cell;
    use std::rc::Rc;
    use timeline_explorer::ui::dom::{el, fragment, Mounted};

    fn count(root: &web_sys::Element, selector: &str) -> u32 {
        root.query_selector_all(selector).unwrap().length()
    }

    #[wasm_bindgen_test]
    async fn a_part_made_again_takes_its_inner_parts_and_their_listeners_with_it() {
        let host = wrapper();
        let (outer, inner) = (RwSignal::new(0), RwSignal::new(true));
        let clicks = Rc::new(Cell::new(0));
        let seen = clicks.clone();
        let mounted = Mounted::new(&host, move || {
            el("div").class("root").dynamic(move || {
                let n = outer.get();
                let seen = seen.clone();
                Some(fragment().child(el("p").class("outer").text(&n.to_string())).dynamic(move || {
                    let seen = seen.clone();
                    inner
                        .get()
                        .then(|| el("button").class("inner").on("click", move |_| seen.set(seen.get() + 1)))
                }))
            })
        });
        assert_eq!((count(&host, ".outer"), count(&host, ".inner")), (1, 1));
        let first = host.query_selector(".inner").unwrap().unwrap();
        first.unchecked_ref::<web_sys::HtmlElement>().click();
        assert_eq!(clicks.get(), 1);

        // The inner part alone comes and goes in its place, before nothing else.
        inner.set(false);
        settle().await;
        assert_eq!((count(&host, ".outer"), count(&host, ".inner")), (1, 0));
        inner.set(true);
        settle().await;
        assert_eq!(
            host.query_selector(".root").unwrap().unwrap().first_element_child().unwrap().class_name(),
            "outer"
        );
        assert_eq!(count(&host, ".inner"), 1);

        // Made again from outside, the part leaves no inner part behind, and the old button no
        // longer counts.
        outer.set(1);
        settle().await;
        assert_eq!((count(&host, ".outer"), count(&host, ".inner")), (1, 1));
        assert_eq!(host.query_selector(".outer").unwrap().unwrap().text_content().unwrap(), "1");
        first.unchecked_ref::<web_sys::HtmlElement>().click();
        assert_eq!(clicks.get(), 1);
        host.query_selector(".inner").unwrap().unwrap().unchecked_ref::<web_sys::HtmlElement>().click();
        assert_eq!(clicks.get(), 2);
        drop(mounted);
        host.remove();
    }

    #[wasm_bindgen_test]
    async fn bindings_follow_their_signals_until_the_mount_is_dropped() {
        let host = wrapper();
        let word = RwSignal::new("one".to_string());
        let on = RwSignal::new(false);
        let mounted = Mounted::new(&host, move || {
            el("p")
                .bind_text(move || word.get())
                .bind_class("lit", move || on.get())
                .bind_attr("data-word", move || Some(word.get()))
        });
        let p = host.query_selector("p").unwrap().unwrap();
        assert_eq!((p.text_content().unwrap(), p.class_name()), ("one".into(), "".into()));
        word.set("<b>two</b>".into());
        on.set(true);
        settle().await;
        // Text stays text.
        assert_eq!(p.text_content().unwrap(), "<b>two</b>");
        assert_eq!(p.child_element_count(), 0);
        assert_eq!((p.class_name(), p.get_attribute("data-word")), ("lit".into(), Some("<b>two</b>".into())));
        drop(mounted);
        assert!(host.query_selector("p").unwrap().is_none());
        word.set("three".into());
        settle().await;
        assert_eq!(p.text_content().unwrap(), "<b>two</b>");
        host.remove();
    }
}
