//! The view state: everything a shareable URL reproduces.

use super::date::PartialDate;
use super::model::{Category, Lang};
use std::collections::BTreeSet;

/// How the timeline splits events into lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Group {
    /// One lane; events stacked in as few rows as fit.
    #[default]
    None,
    /// One lane per category.
    Category,
    /// One lane per actor.
    Actor,
}

/// Which view shows the filtered events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Timeline,
    List,
}

/// The visible time window: day numbers, `start` inclusive, `end` exclusive, `end > start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: i64,
    pub end: i64,
}

/// The whole view: filters, selection, window, lanes, view and language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Free-text search.
    pub q: String,
    /// Categories (OR).
    pub cat: BTreeSet<Category>,
    /// Actor ids (OR).
    pub actor: BTreeSet<String>,
    /// Tags (OR).
    pub tag: BTreeSet<String>,
    /// Place ids (OR).
    pub place: BTreeSet<String>,
    /// Inclusive lower date bound.
    pub from: Option<PartialDate>,
    /// Inclusive upper date bound.
    pub to: Option<PartialDate>,
    /// The selected event's id (detail panel open).
    pub event: Option<String>,
    /// The visible window; `None` fits all filtered events.
    pub span: Option<Span>,
    /// Lanes.
    pub group: Group,
    /// Timeline or list.
    pub view: View,
    /// UI language; `None` follows the browser.
    pub lang: Option<Lang>,
}

impl ViewState {
    /// Only the parts that decide which events pass (search, facets, date range): the
    /// filter result depends on nothing else, so it is recomputed only when these change.
    pub fn filter_part(&self) -> ViewState {
        ViewState {
            q: self.q.clone(),
            cat: self.cat.clone(),
            actor: self.actor.clone(),
            tag: self.tag.clone(),
            place: self.place.clone(),
            from: self.from,
            to: self.to,
            ..ViewState::default()
        }
    }
}
