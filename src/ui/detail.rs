//! The detail panel of the selected event: honest dates, both texts, actors, tags, place,
//! sources (cited by their own headlines, http/https links only) and related events.

use super::dom::{button, el, fragment, Dom};
use super::media::{drop_broken_thumbnails, MediaFigure};
use super::text::Highlighted;
use super::{effect, use_store, Step};
use crate::core::dataset::model::{Event, Lang, Source};
use crate::core::dataset::validate::is_http_url;
use crate::core::i18n::{
    category_name, citation, confidence_name, coordinates, precision_name, reading_position, relation_name,
    step_label, step_text, t, Key,
};
use crate::core::layout::ticks::{event_date, format_date};
use crate::core::query::filter::{reading_neighbours, reading_position as position_among};
use crate::platform::browser;
use crate::ui::memo::Memo;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The panel is made when an event is selected and dropped when the selection is cleared, and
/// it is made again when the language changes: it reads the language only from its `lang`.
/// (A Leptos signal lets go of a dropped subscriber only when the signal itself next changes,
/// so a panel that subscribed to the language would keep its memory, about 1 KB for each
/// event opened, until the reader switched languages.)
#[allow(non_snake_case)]
pub fn DetailPanel(lang: Lang) -> Dom {
    let store = use_store();
    let loaded = store.loaded();
    let aside = el("aside").class("tl-detail");
    let root = aside.element().clone();
    drop_broken_thumbnails(&root);
    let heading_id = store.id("detail-title");
    let selected = Memo::new(move |_| store.state.with(|s| s.event.clone()));
    // The panel's own: a memo shared by the widget changes only with the search, so it would
    // keep the subscriptions of closed panels (see above); the view state changes at every
    // opening and closing.
    let q = Memo::new(move |_| store.state.with(|s| s.q.clone()));
    let reading: ReadingOf = Rc::new(reading_of(selected));
    let close = closer(root.clone());
    let step = stepper(reading.clone());
    focus_heading_on_open(selected, root);
    aside
        .attr("aria-labelledby", &heading_id)
        .on("keydown", on_keys(close.clone(), step.clone()))
        .child(
            button()
                .class("tl-close")
                .attr("aria-label", t(lang, Key::Close))
                .text("×")
                .on("click", move |_| close()),
        )
        .child(ReadingSteps(lang, reading, step.clone()))
        .swipes(step)
        .dynamic(move || {
            let e = loaded.dataset.event(&selected.get()?)?;
            Some(EventDetails(lang, e, q, &heading_id))
        })
}

/// Closes the panel and returns focus to the event it showed, in the timeline or the list.
fn closer(root: web_sys::Element) -> Rc<dyn Fn()> {
    let store = use_store();
    Rc::new(move || {
        store.update(Step::Push, |s| s.event = None);
        if let Some(id) = store.return_focus.get_value() {
            if let Ok(Some(el)) = root.closest(".tl-root") {
                let sel = format!("[data-event-id=\"{}\"]", id.replace(['"', '\\'], ""));
                // The panel unmounts now; focus the event once the DOM has settled.
                browser::before_next_frame(move || {
                    // The timeline's mark, or the list item's title button.
                    browser::focus_first(&el, &format!(".tl-event{sel}, {sel} button"));
                });
            }
        }
    })
}

/// Moves focus to the panel's heading when the reader opened a new event inside the widget (not
/// on zooming or panning, and not for a link, Back/Forward or the host's setState: those must not
/// pull focus away from the host page).
fn focus_heading_on_open(selected: Memo<Option<String>>, root: web_sys::Element) {
    let store = use_store();
    effect(move || {
        selected.track();
        if !store.focus_detail.get_value() {
            return;
        }
        store.focus_detail.set_value(false);
        if let Ok(Some(h)) = root.query_selector("h2") {
            if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    });
}

/// Where the open event stands among the filtered events, read in date order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Reading {
    before: Option<usize>,
    after: Option<usize>,
    /// Its place (1-based) among the `count` filtered events, if it passes the filters.
    position: Option<usize>,
    count: usize,
}

impl Reading {
    fn target(&self, later: bool) -> Option<usize> {
        if later {
            self.after
        } else {
            self.before
        }
    }
}

/// The open event's neighbours among the filtered events, worked out where they are read (two
/// binary searches, cheaper in the bundle than a memo of a type of its own). They follow the
/// panel's own memos: the selection, and the filtered events as the view state (where the filters
/// live) gives them. (Subscribed to the widget's memo of the filtered events, or to the view
/// state itself, each closed panel's bindings stayed in memory, about 1 KB per event opened.)
type ReadingOf = Rc<dyn Fn() -> Reading>;

fn reading_of(selected: Memo<Option<String>>) -> impl Fn() -> Reading {
    let store = use_store();
    let loaded = store.loaded();
    let filtered = Memo::new(move |_| {
        store.state.track();
        store.filtered.get_untracked()
    });
    move || {
        let Some(current) = selected.get().and_then(|id| loaded.dataset.event_index(&id)) else {
            return Reading::default();
        };
        let filtered = filtered.get();
        let (before, after) = reading_neighbours(&filtered, current);
        Reading { before, after, position: position_among(&filtered, current), count: filtered.len() }
    }
}

/// Opens the event before (`later` false) or after the open one, as a step of its own in the
/// history. `keep_focus` says that focus is on that direction's button, which stays where it is:
/// otherwise (and when the button is disabled at the new event) the new heading takes focus, as
/// whatever had it is made anew.
type Stepper = Rc<dyn Fn(bool, bool)>;

fn stepper(reading: ReadingOf) -> Stepper {
    let store = use_store();
    let loaded = store.loaded();
    Rc::new(move |later: bool, keep_focus: bool| {
        // An event handler: nothing here subscribes to what it reads.
        let Some(target) = reading().target(later) else { return };
        let (before, after) = reading_neighbours(&store.filtered.get_untracked(), target);
        let at_end = if later { after.is_none() } else { before.is_none() };
        let id = loaded.dataset.events[target].id.clone();
        store.focus_detail.set_value(!keep_focus || at_end);
        store.return_focus.set_value(Some(id.clone()));
        store.update(Step::Push, |s| s.event = Some(id));
    })
}

/// Escape closes the panel; Left and Right (without modifiers: Alt+Left is the browser's Back)
/// open the event before and after.
fn on_keys(close: Rc<dyn Fn()>, step: Stepper) -> impl FnMut(web_sys::Event) {
    move |ev: web_sys::Event| {
        let key = ev.unchecked_ref::<web_sys::KeyboardEvent>();
        let later = match key.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                close();
                return;
            }
            "ArrowLeft" => false,
            "ArrowRight" => true,
            _ => return,
        };
        if key.alt_key() || key.ctrl_key() || key.meta_key() || key.shift_key() {
            return;
        }
        ev.prevent_default();
        step(later, on_step_button(ev.target(), later));
    }
}

/// Whether `target` is (inside) the step button for direction `later`.
fn on_step_button(target: Option<web_sys::EventTarget>, later: bool) -> bool {
    let selector = if later { ".tl-step-next" } else { ".tl-step-previous" };
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}

/// Previous and next, with where the open event stands between them ("3 of 12").
#[allow(non_snake_case)]
fn ReadingSteps(lang: Lang, reading: ReadingOf, step: Stepper) -> Dom {
    let loaded = use_store().loaded();
    let step_button = |later: bool| {
        let (loaded, step, reading, label_reading) =
            (loaded.clone(), step.clone(), reading.clone(), reading.clone());
        button()
            .class(if later { "tl-step tl-step-next" } else { "tl-step tl-step-previous" })
            .text(step_text(lang, later))
            .bind_prop("disabled", move || reading().target(later).is_none().into())
            .bind_attr("aria-label", move || {
                let target = label_reading().target(later);
                Some(step_label(lang, later, target.map(|i| loaded.dataset.events[i].title.get(lang))))
            })
            .on("click", move |_| step(later, true))
    };
    let position = reading.clone();
    el("div")
        .class("tl-reading")
        .child(step_button(false))
        .child(el("span").class("tl-reading-position").bind_text(move || {
            let r = position();
            r.position.map(|p| reading_position(lang, p, r.count)).unwrap_or_default()
        }))
        .child(step_button(true))
}

/// A horizontal swipe on a touch screen (at least `SWIPE_PX`, mostly sideways) steps like the
/// arrow keys: to the left for the next event, to the right for the previous one.
const SWIPE_PX: f64 = 50.0;

trait Swipes {
    fn swipes(self, step: Stepper) -> Dom;
}

impl Swipes for Dom {
    fn swipes(self, step: Stepper) -> Dom {
        // The touch that started the swipe, and where.
        let start = Rc::new(Cell::new(None::<(i32, f64, f64)>));
        let (on_up, on_cancel) = (start.clone(), start.clone());
        let pointer = |ev: &web_sys::Event| ev.unchecked_ref::<web_sys::PointerEvent>().clone();
        self.on("pointerdown", move |ev| {
            let p = pointer(&ev);
            if p.pointer_type() == "touch" && p.is_primary() {
                start.set(Some((p.pointer_id(), f64::from(p.client_x()), f64::from(p.client_y()))));
            }
        })
        .on("pointerup", move |ev| {
            let p = pointer(&ev);
            let Some((id, x, y)) = on_up.take() else { return };
            let (dx, dy) = (f64::from(p.client_x()) - x, f64::from(p.client_y()) - y);
            if id == p.pointer_id() && dx.abs() >= SWIPE_PX && dx.abs() > 2.0 * dy.abs() {
                step(dx < 0.0, false);
            }
        })
        .on("pointercancel", move |_| on_cancel.set(None))
    }
}

/// What the panel says about event `e`.
#[allow(non_snake_case)]
fn EventDetails(lang: Lang, e: &Event, q: Memo<String>, heading_id: &str) -> Dom {
    let loaded = use_store().loaded();
    let mut parts = vec![
        el("h2")
            .attr("id", heading_id)
            .attr("tabindex", "-1")
            .attr("data-event-id", &e.id)
            .child(Highlighted(e.title.get(lang).to_string(), q)),
        Meta(lang, e),
        el("p").child(Highlighted(e.summary.get(lang).to_string(), q)),
    ];
    parts.extend(e.media.as_ref().map(|m| MediaFigure(lang, m)));
    if !e.actors.is_empty() {
        parts.push(el("h3").text(t(lang, Key::Actors)));
        parts.push(el("p").children(e.actors.iter().map(|a| {
            let name = loaded.dataset.actor(a).map(|x| x.name.get(lang)).unwrap_or(a);
            el("span").class("tl-chip").text(name)
        })));
    }
    if !e.tags.is_empty() {
        parts.push(el("h3").text(t(lang, Key::Tags)));
        parts.push(el("p").children(e.tags.iter().map(|tag| {
            el("span").class("tl-tag").attr("data-tag", tag).text(loaded.dataset.tag_name(tag, lang))
        })));
    }
    if let Some(p) = &e.place {
        parts.push(el("h3").text(t(lang, Key::Place)));
        let mut line = p.name.get(lang).to_string();
        if let Some((la, lo)) = p.lat.zip(p.lon) {
            line.push_str(&format!(" ({})", coordinates(lang, la, lo)));
        }
        parts.push(el("p").text(&line));
    }
    parts.push(el("h3").text(t(lang, Key::Sources)));
    parts.push(el("ul").class("tl-sources").children(e.sources.iter().map(|s| SourceItem(lang, s))));
    parts.push(
        el("p")
            .class("tl-meta")
            .text(t(lang, Key::Confidence))
            .text(": ")
            .text(confidence_name(lang, e.confidence)),
    );
    parts.extend(Related(lang, e));
    fragment().children(parts)
}

/// The event's dates, how precise they are, and its categories.
#[allow(non_snake_case)]
fn Meta(lang: Lang, e: &Event) -> Dom {
    let precision = precision_name(lang, e.approximate, e.date.precision());
    let categories = e.categories.iter().map(|c| category_name(lang, *c)).collect::<Vec<_>>().join(", ");
    el("p")
        .class("tl-meta")
        .child(crate::ui::list::time_of(&e.date, &event_date(e, lang)))
        .text(" · ")
        .text(precision)
        .text(" · ")
        .text(&categories)
}

/// The heading and list of related events, links that open them here (none without any).
#[allow(non_snake_case)]
fn Related(lang: Lang, e: &Event) -> Vec<Dom> {
    let store = use_store();
    let loaded = store.loaded();
    let related: Vec<_> =
        e.related.iter().filter_map(|r| loaded.dataset.event(&r.id).map(|o| (r.relation, o))).collect();
    if related.is_empty() {
        return Vec::new();
    }
    let items = related.into_iter().map(|(rel, other)| {
        let rid = other.id.clone();
        el("li").text(relation_name(lang, rel)).text(": ").child(
            el("a")
                .attr("href", &format!("?event={rid}"))
                .attr("data-related-id", &rid)
                .text(other.title.get(lang))
                .on("click", move |ev| {
                    ev.prevent_default();
                    store.focus_detail.set_value(true);
                    store.update(Step::Push, |s| {
                        s.event = Some(rid.clone());
                        s.span = None;
                    });
                }),
        )
    });
    vec![el("h3").text(t(lang, Key::Related)), el("ul").class("tl-related").children(items)]
}

/// One source as a bibliography cites it: its headline in quotes, marked with the headline's
/// language (or what the source is, in the reader's language), as the link; then publisher,
/// date and kind.
#[allow(non_snake_case)]
fn SourceItem(lang: Lang, s: &Source) -> Dom {
    let date = s.date.map(|d| format_date(&d, lang));
    let c = citation(lang, s, date.as_deref());
    let mut name = if c.name_lang.is_some() || !c.quotes.0.is_empty() { el("cite") } else { el("span") };
    if let Some(l) = c.name_lang {
        name = name.attr("lang", l);
    }
    let name = fragment().text(c.quotes.0).child(name.text(c.name)).text(c.quotes.1);
    let li = el("li");
    let li = if is_http_url(&s.url) {
        li.child(
            el("a")
                .attr("href", &s.url)
                .attr("target", "_blank")
                .attr("rel", "noopener noreferrer external")
                .child(name),
        )
    } else {
        li.child(name)
    };
    li.child(el("span").class("tl-source-details").text(&c.details))
}
