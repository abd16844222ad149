//! The timeline's event and cluster marks, drawn straight from the scene.
//!
//! A filter change or a zoom frame adds, moves and relabels hundreds of marks at once. As Leptos
//! views, each mark had a memo for its placement, a binding per attribute and two listeners of
//! its own, and making those cost more than making the elements (a filter change at 10,000
//! events spent about half its script on them). Here a mark is its element and the [`Mark`] it
//! shows:
//! - [`Marks::place`] brings the elements in line with a new scene through a keyed update
//!   ([`Children`]: elements of marks that stay are kept, and moved only where the order of
//!   marks changed) and writes only what differs from what a kept mark shows;
//! - [`Marks::refresh`] applies what does not come from the scene: the language, the selected
//!   event and the keyboard's roving tab stop;
//! - the timeline listens for clicks and focus on its own element and asks [`Marks::kind_of`]
//!   which mark an element is.
//!
//! Texts from the dataset only ever become text nodes (`textContent`) or attribute values.

use super::dom::set_style;
use super::keyed::Children;
use crate::core::dataset::date::civil_of_day;
use crate::core::dataset::model::Lang;
use crate::core::i18n::{cluster_label, event_count, month_range};
use crate::core::layout::scene::{Mark, MarkKey, MarkKind};
use crate::core::layout::stack::css_len;
use crate::core::layout::ticks::event_date;
use crate::core::loaded::LoadedDataset;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Clusters with more members than this list no ids in `data-event-ids`, only `data-count`.
const MAX_LISTED_IDS: usize = 100;

/// What every mark shows beyond its placement.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarkContext {
    /// The UI language.
    pub lang: Lang,
    /// The selected event's id.
    pub selected: Option<String>,
    /// The event that has (or last had) keyboard focus.
    pub focused: Option<usize>,
}

/// What one event mark shows beyond its place: whether it is selected, whether it is the tab stop, and the
/// language of its texts.
#[derive(Clone, Copy, PartialEq)]
struct EventFlags {
    selected: bool,
    tab_stop: bool,
    lang: Lang,
}

/// What a mark's element shows.
struct Shown {
    mark: Mark,
    flags: EventFlags,
}

/// The mark elements of one timeline, in the order of the scene's marks.
#[derive(Default)]
pub struct Marks {
    children: Children<MarkKey, Shown>,
    /// Empty event and cluster elements, cloned for each new mark.
    templates: Option<(Element, Element)>,
    /// The event mark that is the tab stop while neither the focused nor the selected event is
    /// shown (see [`Marks::keep_tab_stop`]).
    stand_in: Option<Element>,
}

impl Marks {
    /// Brings the mark elements in `parent` (after everything else in it) in line with `marks`:
    /// kept marks are written where they changed, new ones are made, written as `context` says.
    pub fn place(&mut self, parent: &Element, marks: &[Mark], loaded: &LoadedDataset, context: &MarkContext) {
        if self.templates.is_none() {
            self.templates = parent.owner_document().and_then(|doc| templates(&doc));
        }
        let Some((event, cluster)) = &self.templates else { return };
        let keys: Vec<MarkKey> = marks.iter().map(|m| m.key).collect();
        self.children.place(
            parent,
            &keys,
            &mut |i| {
                make(
                    if matches!(marks[i].kind, MarkKind::Event(_)) { event } else { cluster },
                    &marks[i],
                    loaded,
                    context,
                )
            },
            &mut |i, child| {
                let shown = &mut child.state;
                if shown.mark != marks[i] {
                    update(child.element.unchecked_ref(), &shown.mark, &marks[i], loaded, shown.flags.lang);
                    shown.mark = marks[i].clone();
                }
            },
        );
        self.keep_tab_stop();
    }

    /// Writes `context` (language, selection, tab stop) to every mark, touching only the marks
    /// whose flags change.
    pub fn refresh(&mut self, loaded: &LoadedDataset, context: &MarkContext) {
        for child in self.children.iter_mut() {
            let shown = &mut child.state;
            let flags = flags_of(&shown.mark.kind, loaded, context);
            if flags != shown.flags {
                write_flags(child.element.unchecked_ref(), &shown.mark, loaded, shown.flags, flags);
                shown.flags = flags;
            }
        }
        self.keep_tab_stop();
    }

    /// Keeps one event mark in the page's Tab order, so that Tab reaches the events: the mark of
    /// the focused or else the selected event where it is shown (see [`flags_of`]), otherwise the
    /// earliest event shown stands in. (With no mark in the Tab order, a reader who tabbed to the
    /// timeline had no way with the keyboard to reach an event.)
    fn keep_tab_stop(&mut self) {
        let mut wanted_shown = false;
        let mut earliest: Option<(f64, f64, &Element)> = None;
        for child in self.children.iter_mut() {
            let shown = &child.state;
            if !matches!(shown.mark.kind, MarkKind::Event(_)) {
                continue;
            }
            wanted_shown |= shown.flags.tab_stop;
            let place = (shown.mark.x, shown.mark.y);
            if earliest.is_none_or(|(x, y, _)| place < (x, y)) {
                earliest = Some((place.0, place.1, &child.element));
            }
        }
        let stand_in = if wanted_shown { None } else { earliest.map(|(_, _, element)| element.clone()) };
        if let Some(old) = self.stand_in.take() {
            let still_wanted = self.children.find(&old).is_some_and(|c| c.state.flags.tab_stop);
            if stand_in.as_ref() != Some(&old) && !still_wanted {
                let _ = old.set_attribute("tabindex", "-1");
            }
        }
        if let Some(element) = &stand_in {
            if element.get_attribute("tabindex").as_deref() != Some("0") {
                let _ = element.set_attribute("tabindex", "0");
            }
        }
        self.stand_in = stand_in;
    }

    /// What the mark whose element is `element` stands for, if it is one of these marks.
    pub fn kind_of(&self, element: &Element) -> Option<MarkKind> {
        self.children.find(element).map(|c| c.state.mark.kind.clone())
    }
}

/// A new mark's element, cloned from `template`, placed and flagged; `None` only if cloning fails.
fn make(
    template: &Element,
    mark: &Mark,
    loaded: &LoadedDataset,
    context: &MarkContext,
) -> Option<(Element, Shown)> {
    let element: HtmlElement = template.clone_node_with_deep(true).ok()?.unchecked_into();
    if let MarkKind::Event(i) = mark.kind {
        let e = &loaded.dataset.events[i];
        let _ = element.set_attribute("data-event-id", &e.id);
        let _ = element.set_attribute("data-category", e.categories.first().map(|c| c.code()).unwrap_or(""));
        let classes = element.class_list();
        if e.date.precision() != crate::core::dataset::date::Precision::Day || e.end.is_some() {
            let _ = classes.add_1("tl-wide");
        }
        if e.approximate {
            let _ = classes.add_1("tl-approx");
        }
    }
    // Everything is written, as if changed from a mark with no placement and no members.
    let blank = Mark {
        kind: blank_kind(&mark.kind),
        x: f64::NAN,
        y: f64::NAN,
        width: f64::NAN,
        bar_width: f64::NAN,
        flipped: false,
        ..mark.clone()
    };
    let flags = flags_of(&mark.kind, loaded, context);
    update(&element, &blank, mark, loaded, flags.lang);
    if let MarkKind::Event(_) = mark.kind {
        write_flags(
            &element,
            mark,
            loaded,
            EventFlags { selected: false, tab_stop: false, lang: other(flags.lang) },
            flags,
        );
    }
    Some((element.into(), Shown { mark: mark.clone(), flags }))
}

/// The element under an event's target that is a mark, if any.
pub fn mark_element(target: Option<web_sys::EventTarget>) -> Option<Element> {
    target?.dyn_into::<Element>().ok()?.closest(".tl-event, .tl-cluster").ok()?
}

/// The empty event and cluster elements that new marks are cloned from. A mark is a focusable
/// element with the list-item role, not a `<button>`: Chromium spent about four times as long
/// on the style and layout of a moved button as of a moved `<div>`. The timeline's key handler
/// gives marks a button's Enter and Space.
fn templates(doc: &web_sys::Document) -> Option<(Element, Element)> {
    let event = doc.create_element("div").ok()?;
    event.set_class_name("tl-event");
    let _ = event.set_attribute("role", "listitem");
    for class in ["tl-event-bar", "tl-event-label", "tl-event-date"] {
        let span = doc.create_element("span").ok()?;
        span.set_class_name(class);
        event.append_child(&span).ok()?;
    }
    let cluster = doc.create_element("div").ok()?;
    cluster.set_class_name("tl-cluster");
    for class in ["tl-cluster-count", "tl-cluster-dates"] {
        let span = doc.create_element("span").ok()?;
        span.set_class_name(class);
        cluster.append_child(&span).ok()?;
    }
    let _ = cluster.set_attribute("role", "listitem");
    let _ = cluster.set_attribute("tabindex", "-1");
    Some((event, cluster))
}

/// The same kind of mark with nothing in it.
fn blank_kind(kind: &MarkKind) -> MarkKind {
    match kind {
        MarkKind::Event(i) => MarkKind::Event(*i),
        MarkKind::Cluster { .. } => MarkKind::Cluster { events: Default::default(), start: 0.0, end: 0.0 },
    }
}

/// The other language, for flags that have to be written in full.
fn other(lang: Lang) -> Lang {
    match lang {
        Lang::De => Lang::En,
        Lang::En => Lang::De,
    }
}

/// The flags of a mark of `kind` under `context` (a cluster has only the language).
fn flags_of(kind: &MarkKind, loaded: &LoadedDataset, context: &MarkContext) -> EventFlags {
    match *kind {
        MarkKind::Event(i) => {
            let selected = context.selected.as_deref() == Some(loaded.dataset.events[i].id.as_str());
            let tab_stop = context.focused == Some(i) || (context.focused.is_none() && selected);
            EventFlags { selected, tab_stop, lang: context.lang }
        }
        MarkKind::Cluster { .. } => EventFlags { selected: false, tab_stop: false, lang: context.lang },
    }
}

/// Writes what changed from `old` to `new` in a mark's placement and, for a cluster, members.
fn update(element: &HtmlElement, old: &Mark, new: &Mark, loaded: &LoadedDataset, lang: Lang) {
    for (name, was, now) in [("left", old.x, new.x), ("top", old.y, new.y), ("width", old.width, new.width)] {
        if was != now {
            set_px(element, name, now);
        }
    }
    if old.flipped != new.flipped {
        // Near the stage's right edge the box ends at its date: its bar is its right end.
        let _ = element.class_list().toggle_with_force("tl-flip", new.flipped);
    }
    match (&old.kind, &new.kind) {
        (MarkKind::Event(_), MarkKind::Event(_)) if old.bar_width != new.bar_width => {
            if let Some(bar) = element.first_element_child() {
                set_px(&bar, "width", new.bar_width.max(4.0));
            }
        }
        (MarkKind::Cluster { events: was, .. }, MarkKind::Cluster { events: now, .. }) if was != now => {
            let n = now.len();
            if n != was.len() {
                let _ = element.set_attribute("data-count", &n.to_string());
            }
            if n != was.len() || now.first() != was.first() || now.last() != was.last() {
                // A new mark was blank before (no members): everything is written.
                write_cluster_text(element, now, Some(&was[..]).filter(|w| !w.is_empty()), loaded, lang);
            }
            // Member ids for scripts and tests; a big cluster (thousands of events in a large
            // dataset) carries only its count, so redrawing it stays cheap.
            if n <= MAX_LISTED_IDS {
                let ids: Vec<&str> = now.iter().map(|&i| loaded.dataset.events[i].id.as_str()).collect();
                let _ = element.set_attribute("data-event-ids", &ids.join(" "));
            } else if was.len() <= MAX_LISTED_IDS {
                let _ = element.remove_attribute("data-event-ids");
            }
        }
        _ => {}
    }
}

/// The first and the last day of a cluster's members (day numbers).
fn cluster_days(events: &[usize], loaded: &LoadedDataset) -> (i64, i64) {
    let day = |i: Option<&usize>| i.and_then(|&i| loaded.items.get(i)).map_or(0, |it| it.start as i64);
    (day(events.first()), day(events.last()))
}

/// The months a cluster's members span, from its first member's date to its last's: "Aug 2025 –
/// Feb 2026".
fn cluster_months(events: &[usize], loaded: &LoadedDataset, lang: Lang) -> String {
    let (first, last) = cluster_days(events, loaded);
    month_range(lang, first, last)
}

/// Whether two clusters' months read the same: their first and last members fall in the same
/// months (compared as numbers, so that a zoom frame does not write out both texts to compare).
fn same_months(a: &[usize], b: &[usize], loaded: &LoadedDataset) -> bool {
    let month = |day: i64| {
        let (y, m, _) = civil_of_day(day);
        (y, m)
    };
    let ((a0, a1), (b0, b1)) = (cluster_days(a, loaded), cluster_days(b, loaded));
    (month(a0), month(a1)) == (month(b0), month(b1))
}

/// Writes what a cluster holds: "22 events" over its months, and the same with a hint to zoom
/// as its name. `shown` is what it showed before (`None`: nothing yet, or another language):
/// only what differs is written, so that a zoom frame that moves members between clusters does
/// not relay out the clusters whose text stays.
fn write_cluster_text(
    element: &Element,
    events: &[usize],
    shown: Option<&[usize]>,
    loaded: &LoadedDataset,
    lang: Lang,
) {
    let count_changed = shown.is_none_or(|was| was.len() != events.len());
    let months_changed = shown.is_none_or(|was| !same_months(was, events, loaded));
    if !count_changed && !months_changed {
        return;
    }
    let months = cluster_months(events, loaded, lang);
    let label = format!("{}, {months}", cluster_label(lang, events.len()));
    let _ = element.set_attribute("aria-label", &label);
    let count_el = element.first_element_child();
    if let Some(c) = count_el.as_ref().filter(|_| count_changed) {
        set_text(c, &event_count(lang, events.len()));
    }
    if let Some(m) = count_el.and_then(|c| c.next_element_sibling()).filter(|_| months_changed) {
        set_text(&m, &months);
    }
}

/// Sets an element's text: in its text node when that is all it holds, else as its content. A
/// new text node for every changed cluster made a zoom frame at 100,000 events add and remove
/// about 130 nodes.
fn set_text(element: &Element, text: &str) {
    match element.first_child().and_then(|c| c.dyn_into::<web_sys::Text>().ok()) {
        Some(node) if node.next_sibling().is_none() => node.set_data(text),
        _ => element.set_text_content(Some(text)),
    }
}

/// Sets a length property of an HTML element's inline style, in px to one decimal. Through the
/// style object, not the `style` attribute, which a strict Content Security Policy forbids.
pub fn set_px(element: &Element, property: &str, px: f64) {
    set_style(element, property, &css_len(px, 1, "px"));
}

/// Changes a mark's flags from `was` to `now`.
fn write_flags(element: &HtmlElement, mark: &Mark, loaded: &LoadedDataset, was: EventFlags, now: EventFlags) {
    match mark.kind {
        MarkKind::Event(i) => {
            if was.selected != now.selected {
                let _ = element.class_list().toggle_with_force("tl-selected", now.selected);
            }
            if was.tab_stop != now.tab_stop || was.lang != now.lang {
                let _ = element.set_attribute("tabindex", if now.tab_stop { "0" } else { "-1" });
            }
            if was.lang != now.lang {
                // The mark's name is its content: the title, then the date.
                let e = &loaded.dataset.events[i];
                let label = element.first_element_child().and_then(|bar| bar.next_element_sibling());
                if let Some(label) = label {
                    set_text(&label, e.title.get(now.lang));
                    if let Some(date) = label.next_element_sibling() {
                        set_text(&date, &event_date(e, now.lang));
                    }
                }
            }
        }
        MarkKind::Cluster { ref events, .. } => {
            if was.lang != now.lang {
                write_cluster_text(element, events, None, loaded, now.lang);
            }
        }
    }
}
