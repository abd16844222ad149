//! The view state: everything a shareable URL reproduces.

use crate::core::dataset::date::PartialDate;
use crate::core::dataset::model::{Category, Lang};
use std::borrow::Borrow;

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

impl Group {
    /// Every way of grouping, the default first.
    pub const ALL: [Group; 3] = [Group::None, Group::Category, Group::Actor];

    /// The name in URLs (`group=category`) and in the lanes menu.
    pub fn code(self) -> &'static str {
        match self {
            Group::None => "none",
            Group::Category => "category",
            Group::Actor => "actor",
        }
    }

    /// The grouping a [`Group::code`] names.
    pub fn from_code(code: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.code() == code)
    }
}

/// Which view shows the filtered events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Timeline,
    List,
}

impl View {
    /// The name in URLs (`view=list`) and on the view buttons.
    pub fn code(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::List => "list",
        }
    }

    /// The view a [`View::code`] names.
    pub fn from_code(code: &str) -> Option<View> {
        [View::Timeline, View::List].into_iter().find(|v| v.code() == code)
    }
}

/// How the time axis treats long stretches without events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AxisMode {
    /// Long empty stretches fold into a short marked gap (see `core::layout::fold`).
    #[default]
    Folded,
    /// Every day is as wide as every other (`axis=linear`).
    Linear,
}

impl AxisMode {
    /// The name in URLs (`axis=linear`).
    pub fn code(self) -> &'static str {
        match self {
            AxisMode::Folded => "folded",
            AxisMode::Linear => "linear",
        }
    }

    /// The mode an [`AxisMode::code`] names.
    pub fn from_code(code: &str) -> Option<AxisMode> {
        [AxisMode::Folded, AxisMode::Linear].into_iter().find(|v| v.code() == code)
    }
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
    pub cat: ValueSet<Category>,
    /// Actor ids (OR).
    pub actor: ValueSet<String>,
    /// Tags (OR).
    pub tag: ValueSet<String>,
    /// Place ids (OR).
    pub place: ValueSet<String>,
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
    /// Folded or linear time axis.
    pub axis: AxisMode,
    /// UI language; `None` follows the browser.
    pub lang: Option<Lang>,
}

impl ViewState {
    /// The chosen ids of the facet named by its URL parameter `actor`, `tag` or `place`.
    pub fn ids_mut(&mut self, param: &str) -> Option<&mut ValueSet<String>> {
        match param {
            "actor" => Some(&mut self.actor),
            "tag" => Some(&mut self.tag),
            "place" => Some(&mut self.place),
            _ => None,
        }
    }

    /// The values chosen in the facet named by its URL parameter (`cat`, `actor`, `tag` or
    /// `place`), as the URL writes them.
    pub fn chosen(&self, param: &str) -> Vec<String> {
        match param {
            "cat" => self.cat.iter().map(|c| c.code().to_string()).collect(),
            "actor" => self.actor.iter().cloned().collect(),
            "tag" => self.tag.iter().cloned().collect(),
            "place" => self.place.iter().cloned().collect(),
            _ => Vec::new(),
        }
    }

    /// Chooses (`on`) or unchooses the value `id` in the facet named by its URL parameter; an
    /// unknown category or parameter changes nothing.
    pub fn choose(&mut self, param: &str, id: &str, on: bool) {
        if param == "cat" {
            if let Some(c) = Category::from_code(id) {
                self.cat.toggle(c, on);
            }
        } else if let Some(set) = self.ids_mut(param) {
            set.toggle(id.to_string(), on);
        }
    }

    /// The view with every filter and the selection cleared: only the window, the lanes, the
    /// view and the language are kept (what "Clear all" leaves).
    pub fn cleared(&self) -> ViewState {
        ViewState {
            span: self.span,
            group: self.group,
            view: self.view,
            axis: self.axis,
            lang: self.lang,
            ..ViewState::default()
        }
    }

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

/// The values chosen in one facet: a set kept as a sorted list without repeats. Facet choices
/// are a handful of values, and the standard library's B-tree set was about 8 kB of the
/// gzipped bundle.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ValueSet<T>(Vec<T>);

impl<T> Default for ValueSet<T> {
    fn default() -> Self {
        ValueSet(Vec::new())
    }
}

impl<T: Ord> ValueSet<T> {
    /// An empty set.
    pub fn new() -> Self {
        ValueSet(Vec::new())
    }

    /// Adds `value`; false if it was already in.
    pub fn insert(&mut self, value: T) -> bool {
        match self.0.binary_search(&value) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, value);
                true
            }
        }
    }

    /// Takes `value` out; false if it was not in.
    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.0.binary_search_by(|x| x.borrow().cmp(value)) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// Puts `value` in (`on`) or takes it out.
    pub fn toggle(&mut self, value: T, on: bool) {
        if on {
            self.insert(value);
        } else {
            self.remove(&value);
        }
    }

    /// Whether `value` is in.
    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|x| x.borrow().cmp(value)).is_ok()
    }

    /// Keeps only the values `keep` says yes to.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.0.retain(keep);
    }

    /// Empties the set.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl<T> ValueSet<T> {
    /// The values in ascending order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// How many values there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Ord> FromIterator<T> for ValueSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut v: Vec<T> = iter.into_iter().collect();
        v.sort();
        v.dedup();
        ValueSet(v)
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for ValueSet<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

impl<'a, T> IntoIterator for &'a ValueSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_grouping_and_view_is_found_by_its_code_and_nothing_else_is() {
        for g in Group::ALL {
            assert_eq!(Group::from_code(g.code()), Some(g));
        }
        for v in [View::Timeline, View::List] {
            assert_eq!(View::from_code(v.code()), Some(v));
        }
        assert_eq!(Group::from_code("Category"), None);
        assert_eq!(View::from_code(""), None);
    }

    #[test]
    fn clearing_keeps_the_window_lanes_view_and_language_and_nothing_else() {
        let mut s = ViewState {
            q: "gas".into(),
            group: Group::Actor,
            view: View::List,
            lang: Some(Lang::De),
            ..ViewState::default()
        };
        s.choose("cat", "energy", true);
        s.event = Some("tripp-2025".into());
        s.span = Some(Span { start: 10, end: 20 });
        let c = s.cleared();
        assert_eq!(
            c,
            ViewState {
                span: s.span,
                group: Group::Actor,
                view: View::List,
                lang: Some(Lang::De),
                ..ViewState::default()
            }
        );
        assert_eq!(c.filter_part(), ViewState::default());
    }

    #[test]
    fn a_set_keeps_its_values_sorted_and_once_each() {
        let mut s: ValueSet<String> = ["kz", "az", "kz"].map(String::from).into();
        assert_eq!(s.iter().map(String::as_str).collect::<Vec<_>>(), ["az", "kz"]);
        assert!(s.insert("am".into()));
        assert!(!s.insert("az".into()));
        assert_eq!(s.iter().map(String::as_str).collect::<Vec<_>>(), ["am", "az", "kz"]);
        assert!(s.contains("kz") && !s.contains("tr"));
        assert!(s.remove("az") && !s.remove("az"));
        assert_eq!(s.len(), 2);
        s.toggle("tr".into(), true);
        s.toggle("am".into(), false);
        assert_eq!(s.iter().map(String::as_str).collect::<Vec<_>>(), ["kz", "tr"]);
        s.clear();
        assert!(s.is_empty());
    }

    #[test]
    fn facet_choices_are_made_and_read_by_url_parameter() {
        let mut s = ViewState::default();
        s.choose("cat", "energy", true);
        s.choose("cat", "nonsense", true);
        s.choose("actor", "kz", true);
        s.choose("actor", "az", true);
        s.choose("tag", "tripp", true);
        s.choose("place", "baku", true);
        s.choose("event", "x", true);
        assert_eq!(s.chosen("cat"), ["energy"]);
        assert_eq!(s.chosen("actor"), ["az", "kz"]);
        assert_eq!(
            (s.chosen("tag"), s.chosen("place")),
            (vec!["tripp".to_string()], vec!["baku".to_string()])
        );
        assert!(s.chosen("event").is_empty() && s.event.is_none());
        s.choose("actor", "kz", false);
        s.choose("cat", "energy", false);
        assert_eq!((s.chosen("actor"), s.cat.len()), (vec!["az".to_string()], 0));
        assert!(s.ids_mut("cat").is_none());
    }

    #[test]
    fn sets_are_equal_whatever_order_their_values_came_in() {
        let a: ValueSet<u8> = [3, 1, 2].into();
        let b: ValueSet<u8> = [2, 3, 1, 1].into();
        assert_eq!(a, b);
    }
}
