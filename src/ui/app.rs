//! The widget's root: loading the data, creating the store, keeping the URL in step.

use super::detail::DetailPanel;
use super::dom::{el, width_probe, Dom, Mounted};
use super::filters::FilterPanel;
use super::intro::{CloseFilters, FiltersToggle, Legend, SkipLink, TitleCard};
use super::list::ListView;
use super::notice::{ignored_notice, LoadError, SheetNotice};
use super::timeline::Timeline;
use super::toolbar::Toolbar;
use super::{effect, Step, Store};
use crate::core::dataset::model::Lang;
use crate::core::formats::read::{looks_like_csv, Foreign, LoadFailure, SheetLines};
use crate::core::i18n::{count_line, t, Key};
use crate::core::loaded::LoadedDataset;
use crate::core::query::urlstate::{decode, encode};
use crate::core::query::viewstate::{View, ViewState};
use crate::platform::{browser, fetch, import, location, location::UrlMode};
use crate::ui::memo::Memo;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Where a widget's dataset comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataSource {
    /// A dataset fetched from a URL (the built-in one is [`fetch::built_in_dataset`]).
    Url(String),
    /// JSON text handed over by the host page.
    Inline(String),
}

/// Callbacks into the host page (the JS API's `on("change" | "select")`).
pub type Listener = Rc<dyn Fn(&str)>;

thread_local! {
    /// How deep we are in calls to host callbacks (a callback may call back into the widget).
    static IN_HOST_CALLBACK: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Whether a host callback is running right now: tearing a widget down from inside one of its
/// own callbacks must wait until the callback has returned.
pub fn in_host_callback() -> bool {
    IN_HOST_CALLBACK.with(|d| d.get() > 0)
}

/// Calls each listener with `value`. The list is copied first, so a callback may add listeners
/// or destroy the widget without tripping over the list being read.
fn notify(listeners: &RefCell<Vec<Listener>>, value: &str) {
    let list: Vec<Listener> = listeners.borrow().clone();
    IN_HOST_CALLBACK.with(|d| d.set(d.get() + 1));
    for cb in list {
        cb(value);
    }
    IN_HOST_CALLBACK.with(|d| d.set(d.get() - 1));
}

/// What a host may steer after mounting: the JS API's handle holds one.
#[derive(Clone, Default)]
pub struct Control {
    /// Set once the dataset is loaded and the view exists.
    pub state: Rc<RefCell<Option<RwSignal<ViewState>>>>,
    /// Query to apply once the view exists (a `setState` that came before the data).
    pub pending: Rc<RefCell<Option<String>>>,
    /// Applies a query to the loaded view: set once the view exists, cleared on destroy.
    pub apply: Rc<RefCell<Option<Listener>>>,
    pub on_change: Rc<RefCell<Vec<Listener>>>,
    pub on_select: Rc<RefCell<Vec<Listener>>>,
}

impl Control {
    /// The canonical query of the current state (empty before the data is loaded).
    pub fn query(&self) -> String {
        match *self.state.borrow() {
            Some(s) => s.try_with_untracked(encode).unwrap_or_default(),
            None => self.pending.borrow().clone().unwrap_or_default(),
        }
    }

    /// Replaces the view state with the one a query describes. What the view cannot use
    /// (unknown parameters, values or ids) is left out and named in a notice, as for a link.
    pub fn set_query(&self, query: &str) {
        let apply = self.apply.borrow().clone();
        match apply {
            Some(apply) => apply(query),
            None => *self.pending.borrow_mut() = Some(query.to_string()),
        }
    }

    /// Forgets the view: later calls change nothing (the widget is being taken down).
    pub fn detach(&self) {
        self.on_change.borrow_mut().clear();
        self.on_select.borrow_mut().clear();
        *self.state.borrow_mut() = None;
        *self.apply.borrow_mut() = None;
        *self.pending.borrow_mut() = None;
    }
}

/// A dataset read, or a sheet to read (its text, and the address it came from).
enum Got {
    Read(Result<Arc<LoadedDataset>, LoadFailure>),
    Sheet(String, String),
}

/// How one widget instance is set up.
#[derive(Clone)]
pub struct WidgetOptions {
    pub source: DataSource,
    /// The initial view as a query string; `None` reads it from the page URL (per `url_mode`).
    pub state: Option<String>,
    pub url_mode: UrlMode,
    /// Force the UI language (otherwise: `lang` in the state, then the browser's).
    pub lang: Option<Lang>,
    /// Show the heading and the page-level controls (embed snippets).
    pub chrome: bool,
    pub control: Control,
}

/// Below this width (px) the widget shows the list instead of the timeline.
const NARROW_PX: f64 = 600.0;

static INSTANCES: AtomicUsize = AtomicUsize::new(0);

/// Mounts a widget into `parent`; dropping the returned handle tears it down.
pub fn mount_widget(parent: web_sys::HtmlElement, options: WidgetOptions) -> Box<dyn std::any::Any> {
    let n = INSTANCES.fetch_add(1, Ordering::Relaxed);
    Box::new(Mounted::new(&parent, move || Widget(options, format!("tl{n}"))))
}

/// Loads the dataset, then shows the explorer (or an error that says what went wrong).
/// `options` say how this instance is set up; `uid` prefixes its element ids.
#[allow(non_snake_case)]
fn Widget(options: WidgetOptions, uid: String) -> Dom {
    let browser_lang = Lang::from_browser_tag(&browser::preferred_language());
    // Before the dataset is there, the language comes from the options, then the state's `lang`
    // (so `?lang=de` also words the loading line and any error in German), then the browser.
    let query = options.state.clone().unwrap_or_else(|| location::read(&options.url_mode));
    let lang_hint = options.lang.or(decode(&query).state.lang).unwrap_or(browser_lang);
    let source = options.source.clone();
    // The load in flight is the latest attempt's; a retry's result replaces it, and the result
    // of an attempt that a retry overtook is dropped. (A plain task and signal rather than a
    // `LocalResource`: that brought Leptos' async-derived and transition machinery into the
    // bundle for this one load.)
    let loaded = RwSignal::new(None::<Result<Arc<LoadedDataset>, LoadFailure>>);
    // What the import module said about a dataset that was a sheet or another tool's JSON
    // (nothing for the project's JSON).
    // (Plain shared state: the dataset's signal already says when it is there.)
    let sheet_lines = Arc::new(std::sync::Mutex::new(SheetLines::default()));
    let said_lines = sheet_lines.clone();
    let attempt = StoredValue::new(0u32);
    // Each load is timed in the browser's performance timeline (User Timing): the measure
    // `timeline-explorer:<uid>:fetch` from the request until the body is in (a dataset from a
    // URL, whose events are read as they arrive), and `…:read` for the rest of reading it
    // (parsing, validating, indexing); each starts at a mark of the same name with `-start`.
    let timing = format!("timeline-explorer:{uid}");
    let load = Callback::new(move |()| {
        let this = attempt.get_value() + 1;
        attempt.set_value(this);
        loaded.set(None);
        let source = source.clone();
        let lines = sheet_lines.clone();
        let (fetching, reading) = (format!("{timing}:fetch"), format!("{timing}:read"));
        leptos::task::spawn_local(async move {
            let origin = match &source {
                DataSource::Url(url) => fetch::absolute(url),
                _ => fetch::absolute(""),
            };
            let got = match source {
                DataSource::Inline(text) if looks_like_csv(text.as_bytes()) => {
                    Got::Sheet(text, fetch::absolute(""))
                }
                DataSource::Inline(text) => {
                    Got::Read(browser::timed(&reading, || LoadedDataset::from_text(text, None)))
                }
                DataSource::Url(url) => {
                    browser::start_phase(&fetching);
                    let body = fetch::fetch_dataset(&url).await;
                    browser::end_phase(&fetching);
                    match body {
                        Ok(fetch::Body::Json(stream)) => {
                            let base = fetch::absolute(&url);
                            Got::Read(browser::timed(&reading, || LoadedDataset::from_stream(stream, &base)))
                        }
                        Ok(fetch::Body::Sheet(text)) => Got::Sheet(text, fetch::absolute(&url)),
                        Err(e) => Got::Read(Err(LoadFailure::Network(e.describe(&url)))),
                    }
                }
            };
            // A sheet, or another tool's JSON, is read by the import module, which also says
            // what it skipped.
            let result = match got {
                Got::Read(Err(LoadFailure::ForImport(kind, text))) => {
                    import::read_foreign(kind, &text, &origin, &lines).await
                }
                Got::Read(result) => result,
                Got::Sheet(text, origin) => {
                    import::read_foreign(Foreign::Sheet, &text, &origin, &lines).await
                }
            };
            // A widget destroyed meanwhile has disposed both: then nothing is shown.
            if attempt.try_get_value() == Some(this) {
                let _ = loaded.try_set(Some(result));
            }
        });
    });
    load.run(());
    let opts = StoredValue::new_local(options);
    let uid = StoredValue::new(uid);
    el("div").class("tl-root").attr("lang", lang_hint.code()).dynamic(move || {
        Some(match loaded.get() {
            None => el("p").class("tl-loading").attr("role", "status").text(t(lang_hint, Key::Loading)),
            Some(Err(failure)) => LoadError(failure, lang_hint, move || load.run(())),
            Some(Ok(loaded)) => untrack(|| {
                let said = said_lines.lock().map(|l| l.clone()).unwrap_or_default();
                let app = App(loaded, opts.get_value(), browser_lang, uid.get_value());
                SheetNotice(said, app)
            }),
        })
    })
}

/// The explorer for a loaded dataset: `loaded` is the validated dataset and its indexes,
/// `options` how this instance is set up, `browser_lang` the language used when neither the
/// options nor the state name one, `uid` the prefix of its element ids.
#[allow(non_snake_case)]
fn App(loaded: Arc<LoadedDataset>, options: WidgetOptions, browser_lang: Lang, uid: String) -> Dom {
    let control = options.control.clone();
    let url_mode = options.url_mode.clone();
    let initial = control
        .pending
        .borrow_mut()
        .take()
        .or(options.state.clone())
        .unwrap_or_else(|| location::read(&url_mode));
    // With no state from a link or the host, the widget opens where the dataset says its story
    // is, or else where the timeline finds it (see `Store::opening`).
    let fresh = initial.trim().is_empty();
    let initial = match &loaded.dataset.view {
        Some(view) if fresh => view.clone(),
        _ => initial,
    };
    let (initial_state, ignored) = loaded.decode_state(&initial);
    let store = new_store(&loaded, initial_state, options.lang, browser_lang, uid);
    store.notices.set(ignored);
    store.opening.set_value(fresh && loaded.dataset.view.is_none());
    provide_context(store);
    // The search texts are made once the first frame is out, unless a search comes first (see
    // `LoadedDataset::index_texts`): at 100,000 events they are about 60 ms that the first frame
    // does not wait for.
    let weak = Arc::downgrade(&loaded);
    browser::before_next_frame(move || {
        browser::when_idle(move || {
            if let Some(s) = weak.upgrade() {
                s.index_texts();
            }
        })
    });
    *control.state.borrow_mut() = Some(store.state);
    let l = loaded.clone();
    *control.apply.borrow_mut() = Some(Rc::new(move |query: &str| {
        let (next, ignored) = l.decode_state(query);
        store.notices.set(ignored);
        // Like following a link: Back (when the widget uses the URL) returns to the view before.
        store.update(Step::Push, |s| *s = next);
    }));
    write_state_to_url(store, control, url_mode.clone());
    if url_mode != UrlMode::Off {
        follow_history(store, loaded, url_mode);
    }
    Layout(store, options.chrome)
}

/// The store of a new view of `loaded` in the state `state`.
fn new_store(
    loaded: &Arc<LoadedDataset>,
    state: ViewState,
    forced_lang: Option<Lang>,
    browser_lang: Lang,
    uid: String,
) -> Store {
    let state = RwSignal::new(state);
    let lang =
        Memo::new(move |_| forced_lang.unwrap_or_else(|| state.with(|s| s.lang).unwrap_or(browser_lang)));
    let filter_part = Memo::new(move |_| state.with(ViewState::filter_part));
    let l = loaded.clone();
    // One pass over the events gives both the passing events and the facet counts.
    let results = Memo::new(move |_| {
        filter_part.with(|f| {
            let (passing, counts) = l.filter_and_facets(f);
            (Arc::new(passing), Arc::new(counts))
        })
    });
    Store {
        loaded: StoredValue::new(loaded.clone()),
        state,
        lang,
        filtered: Memo::new(move |_| results.with(|r| r.0.clone())),
        facets: Memo::new(move |_| results.with(|r| r.1.clone())),
        notices: RwSignal::new(Vec::new()),
        step: StoredValue::new(Step::Replace),
        focus_detail: StoredValue::new(false),
        status: RwSignal::new(String::new()),
        return_focus: StoredValue::new(None),
        uid: StoredValue::new(uid),
        opening: StoredValue::new(false),
    }
}

/// State → URL (and the host's callbacks). The first run only records the canonical form.
fn write_state_to_url(store: Store, control: Control, url_mode: UrlMode) {
    let mut prev: Option<(String, Option<String>)> = None;
    let loaded = store.loaded();
    effect(move || {
        let query = store.state.with(|s| loaded.query_of(s));
        let selected = store.state.with(|s| s.event.clone());
        if let Some((prev_query, prev_selected)) = prev.take() {
            if prev_query != query {
                let push = store.step.get_value() == Step::Push;
                location::write(&url_mode, &query, push);
                notify(&control.on_change, &query);
            }
            if prev_selected != selected {
                notify(&control.on_select, selected.as_deref().unwrap_or(""));
            }
        } else {
            location::write(&url_mode, &query, false);
        }
        store.step.set_value(Step::Replace);
        prev = Some((query, selected));
    });
}

/// URL → state on Back and Forward.
fn follow_history(store: Store, loaded: Arc<LoadedDataset>, url_mode: UrlMode) {
    let steps = location::on_history_step(move || {
        let (next, ignored) = loaded.decode_state(&location::read(&url_mode));
        store.notices.set(ignored);
        store.step.set_value(Step::Replace);
        store.state.set(next);
    });
    let steps = send_wrapper::SendWrapper::new(steps);
    on_cleanup(move || drop(steps));
}

/// The explorer's elements: skip link, header and toolbar, notices, the filters beside the
/// main column (title card, legend, count, detail, timeline or list) and the status line.
/// `chrome` says whether the page-level heading and controls are shown.
#[allow(non_snake_case)]
fn Layout(store: Store, chrome: bool) -> Dom {
    let lang = store.lang;
    let total = store.loaded().dataset.events.len();
    let width = RwSignal::new(f64::INFINITY);
    let narrow = Memo::new(move |_| width.get() < NARROW_PX);
    let filters_open = RwSignal::new(false);
    let view_mode = Memo::new(move |_| if narrow.get() { View::List } else { store.state.with(|s| s.view) });
    let has_selection = Memo::new(move |_| store.state.with(|s| s.event.is_some()));
    let filters_id = store.id("filters");
    let header = el("header").class("tl-header");
    // The width is watched on an empty first child (see `width_probe`).
    let probe = width_probe();
    let probe_el = probe.element().clone();
    let app = el("div")
        .class("tl-app")
        .bind_attr("lang", move || Some(lang.get().code().to_string()))
        .bind_class("tl-narrow", move || narrow.get())
        .bind_class("tl-filters-open", move || filters_open.get());
    let root = app.element().clone();
    let filters = FilterPanel().attr("id", &filters_id).child(CloseFilters(filters_open));
    let app = app
        .child(probe)
        .child(SkipLink(root))
        .child(Toolbar(header.child(FiltersToggle(filters_open, &filters_id)), chrome))
        .dynamic(ignored_notice())
        .child(
            el("div")
                .class("tl-body")
                .child(el("div").class("tl-side").child(TitleCard(chrome)).child(filters))
                .child(
                    el("div")
                        .class("tl-main")
                        .child(
                            el("div").class("tl-legend-row").child(Legend()).child(
                                el("p")
                                    .class("tl-count")
                                    .attr("role", "status")
                                    .attr("aria-live", "polite")
                                    .attr("aria-atomic", "true")
                                    .bind_text(move || {
                                        count_line(lang.get(), store.filtered.with(|f| f.len()), total)
                                    }),
                            ),
                        )
                        // Made again when the language changes (see `DetailPanel`).
                        .dynamic(move || {
                            let l = lang.get();
                            has_selection.get().then(|| untrack(|| DetailPanel(l)))
                        })
                        .dynamic(move || match view_mode.get() {
                            View::Timeline => Some(untrack(Timeline)),
                            View::List => Some(untrack(ListView)),
                        }),
                ),
        )
        .child(
            el("p")
                .class("tl-status")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .bind_text(move || store.status.get()),
        );
    // Under 600 px the list takes over from the timeline (the URL keeps the chosen view). The
    // first width comes with the first frame's layout, before it is painted (as the timeline's
    // does): a narrow widget builds the timeline's empty frame and swaps it for the list before
    // anything is shown, which costs less than forcing a layout of the half-built page here
    // (about 19 ms at 100,000 events).
    effect(move || {
        let watch = send_wrapper::SendWrapper::new(browser::watch_width(&probe_el, move |w| width.set(w)));
        on_cleanup(move || drop(watch));
    });
    app
}
