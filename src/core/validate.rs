//! Loading and validating a dataset.
//!
//! [`load_dataset`] is the only way from JSON text to a [`Dataset`]: it reads every event on its
//! own, so one broken event does not hide the others, then checks what serde cannot: unique
//! ids, references that resolve, spans that do not end before they start, sources with
//! http(s) links, and both languages present. Every problem names the event (index and id)
//! and the field. On success the events are in date order.

use super::model::{Dataset, Event, Text};
use serde::Deserialize;
use std::collections::HashSet;
use std::fmt;

/// The largest dataset text accepted, in bytes.
pub const MAX_DATASET_BYTES: usize = 64 * 1024 * 1024;
/// The most events a dataset may hold.
pub const MAX_EVENTS: usize = 200_000;
/// The most problems reported for one dataset; the rest are counted.
pub const MAX_REPORTED: usize = 8;

/// One thing wrong with a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Position of the event in the file's `events` array, when the problem is in an event.
    pub index: Option<usize>,
    /// The event's id, when it has one.
    pub id: Option<String>,
    /// Path of the field inside the event (or the dataset), e.g. `sources[0].url`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.index, &self.id) {
            (Some(i), Some(id)) => write!(f, "event #{} ({id}), {}: {}", i + 1, self.field, self.message),
            (Some(i), None) => write!(f, "event #{}, {}: {}", i + 1, self.field, self.message),
            _ => write!(f, "{}: {}", self.field, self.message),
        }
    }
}

/// Why a dataset was not loaded: the first [`MAX_REPORTED`] problems and how many there were.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetError {
    pub problems: Vec<Problem>,
    pub total: usize,
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{p}")?;
        }
        if self.total > self.problems.len() {
            write!(f, "; and {} more", self.total - self.problems.len())?;
        }
        Ok(())
    }
}

impl std::error::Error for DatasetError {}

#[derive(Default)]
struct Problems {
    list: Vec<Problem>,
    total: usize,
}

impl Problems {
    fn push(&mut self, index: Option<usize>, id: Option<&str>, field: impl Into<String>, message: impl Into<String>) {
        self.total += 1;
        if self.list.len() < MAX_REPORTED {
            self.list.push(Problem {
                index,
                id: id.map(short),
                field: field.into(),
                message: message.into(),
            });
        }
    }
    fn into_result<T>(self, ok: T) -> Result<T, DatasetError> {
        if self.total == 0 {
            Ok(ok)
        } else {
            Err(DatasetError { problems: self.list, total: self.total })
        }
    }
}

/// Cuts a hostile or huge string down for an error message.
fn short(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(MAX).collect();
        t.push('…');
        t
    }
}

/// Envelope read first, so each event can be deserialised (and blamed) on its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    title: Option<serde_json::Value>,
    #[serde(default)]
    actors: Option<serde_json::Value>,
    events: Vec<serde_json::Value>,
}

fn dataset_problem(message: impl Into<String>) -> DatasetError {
    DatasetError {
        problems: vec![Problem { index: None, id: None, field: "dataset".into(), message: message.into() }],
        total: 1,
    }
}

/// Parses JSON text in the project's schema and validates it.
pub fn load_dataset(json: &str) -> Result<Dataset, DatasetError> {
    if json.len() > MAX_DATASET_BYTES {
        return Err(dataset_problem(format!(
            "the file has {} bytes; at most {} are accepted",
            json.len(),
            MAX_DATASET_BYTES
        )));
    }
    let raw: RawDataset = serde_json::from_str(json).map_err(|e| dataset_problem(format!("not a dataset: {e}")))?;
    from_raw(raw)
}

fn from_raw(raw: RawDataset) -> Result<Dataset, DatasetError> {
    if raw.events.len() > MAX_EVENTS {
        return Err(dataset_problem(format!(
            "{} events; at most {} are accepted",
            raw.events.len(),
            MAX_EVENTS
        )));
    }
    let mut problems = Problems::default();
    let title = match raw.title {
        None => Text { de: "Zeitleiste".into(), en: "Timeline".into() },
        Some(v) => match serde_path_to_error::deserialize::<_, Text>(v) {
            Ok(t) => t,
            Err(e) => {
                problems.push(None, None, format!("title.{}", e.path()), e.inner().to_string());
                Text::default()
            }
        },
    };
    let actors = match raw.actors {
        None => Vec::new(),
        Some(v) => match serde_path_to_error::deserialize(v) {
            Ok(a) => a,
            Err(e) => {
                problems.push(None, None, format!("actors{}", path_suffix(&e.path().to_string())), e.inner().to_string());
                Vec::new()
            }
        },
    };
    let mut events = Vec::with_capacity(raw.events.len());
    for (i, v) in raw.events.into_iter().enumerate() {
        let id = v.get("id").and_then(|x| x.as_str()).map(str::to_owned);
        match serde_path_to_error::deserialize::<_, Event>(v) {
            Ok(e) => events.push(e),
            Err(e) => {
                let path = e.path().to_string();
                let field = if path == "." { "event".to_string() } else { path };
                problems.push(Some(i), id.as_deref(), field, e.inner().to_string())
            }
        }
    }
    if problems.total > 0 {
        return problems.into_result(Dataset::default());
    }
    let dataset = Dataset { title, actors, events };
    validate(dataset)
}

fn path_suffix(p: &str) -> String {
    if p == "." {
        String::new()
    } else {
        format!(".{p}")
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Whether a link is one the widget will render: an absolute `http:` or `https:` URL.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.trim_start().get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > "http://".len()
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

fn check_text(p: &mut Problems, index: Option<usize>, id: Option<&str>, field: &str, t: &Text) {
    if t.de.trim().is_empty() {
        p.push(index, id, format!("{field}.de"), "the German text is empty");
    }
    if t.en.trim().is_empty() {
        p.push(index, id, format!("{field}.en"), "the English text is empty");
    }
}

/// Checks a deserialised dataset; on success returns it with events in date order.
pub fn validate(mut d: Dataset) -> Result<Dataset, DatasetError> {
    let mut p = Problems::default();
    check_text(&mut p, None, None, "title", &d.title);
    let mut actor_ids = HashSet::new();
    for (i, a) in d.actors.iter().enumerate() {
        if !is_slug(&a.id) {
            p.push(None, None, format!("actors[{i}].id"), format!("`{}` is not a lower-case slug", short(&a.id)));
        }
        if !actor_ids.insert(a.id.as_str()) {
            p.push(None, None, format!("actors[{i}].id"), format!("actor `{}` appears twice", short(&a.id)));
        }
        check_text(&mut p, None, None, &format!("actors[{i}].name"), &a.name);
    }
    let mut event_ids = HashSet::new();
    for (i, e) in d.events.iter().enumerate() {
        let id = Some(e.id.as_str());
        let ix = Some(i);
        if !is_slug(&e.id) {
            p.push(ix, id, "id", "not a lower-case slug (a-z, 0-9, - and _)");
        } else if !event_ids.insert(e.id.as_str()) {
            p.push(ix, id, "id", "this id is used by an earlier event");
        }
        if let Some(end) = e.end {
            if end.last_day() < e.date.first_day() {
                p.push(ix, id, "end", format!("{end} is before the start {}", e.date));
            }
        }
        check_text(&mut p, ix, id, "title", &e.title);
        check_text(&mut p, ix, id, "summary", &e.summary);
        if e.categories.is_empty() {
            p.push(ix, id, "categories", "at least one category is needed");
        }
        for (k, a) in e.actors.iter().enumerate() {
            if !actor_ids.contains(a.as_str()) {
                p.push(ix, id, format!("actors[{k}]"), format!("no actor `{}` in the actors table", short(a)));
            }
        }
        for (k, t) in e.tags.iter().enumerate() {
            if !is_slug(t) {
                p.push(ix, id, format!("tags[{k}]"), format!("`{}` is not a lower-case slug", short(t)));
            }
        }
        if let Some(place) = &e.place {
            if !is_slug(&place.id) {
                p.push(ix, id, "place.id", "not a lower-case slug");
            }
            check_text(&mut p, ix, id, "place.name", &place.name);
            if place.lat.is_some_and(|v| !(-90.0..=90.0).contains(&v)) {
                p.push(ix, id, "place.lat", "latitude must be between -90 and 90");
            }
            if place.lon.is_some_and(|v| !(-180.0..=180.0).contains(&v)) {
                p.push(ix, id, "place.lon", "longitude must be between -180 and 180");
            }
        }
        if e.sources.is_empty() {
            p.push(ix, id, "sources", "at least one source is needed");
        }
        for (k, s) in e.sources.iter().enumerate() {
            if !is_http_url(&s.url) {
                p.push(ix, id, format!("sources[{k}].url"), "only http and https links are allowed");
            }
            if s.title.trim().is_empty() {
                p.push(ix, id, format!("sources[{k}].title"), "the title is empty");
            }
        }
    }
    for (i, e) in d.events.iter().enumerate() {
        for (k, r) in e.related.iter().enumerate() {
            if !event_ids.contains(r.id.as_str()) {
                p.push(Some(i), Some(&e.id), format!("related[{k}].id"), format!("no event `{}`", short(&r.id)));
            } else if r.id == e.id {
                p.push(Some(i), Some(&e.id), format!("related[{k}].id"), "an event cannot relate to itself");
            }
        }
    }
    if p.total == 0 {
        d.events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    }
    p.into_result(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal(events: &str) -> String {
        format!(
            r#"{{"title":{{"de":"T","en":"T"}},
               "actors":[{{"id":"az","kind":"state","name":{{"de":"Aserbaidschan","en":"Azerbaijan"}}}}],
               "events":[{events}]}}"#
        )
    }

    fn event(id: &str, extra: &str) -> String {
        format!(
            r#"{{"id":"{id}","date":"2025-11-06","title":{{"de":"Titel","en":"Title"}},
                "summary":{{"de":"Text","en":"Text"}},"actors":["az"],"categories":["military"],
                "sources":[{{"title":"S","publisher":"P","url":"https://example.org/a"}}],
                "confidence":"confirmed"{extra}}}"#
        )
    }

    #[test]
    fn a_minimal_valid_dataset_loads() {
        let d = load_dataset(&minimal(&event("a", ""))).unwrap();
        assert_eq!(d.events.len(), 1);
        assert_eq!(d.events[0].actors, ["az"]);
    }

    #[test]
    fn events_come_out_in_date_order() {
        let later = event("later", "").replace("2025-11-06", "2026-01");
        let json = minimal(&format!("{later},{}", event("earlier", "")));
        let ids: Vec<_> = load_dataset(&json).unwrap().events.into_iter().map(|e| e.id).collect();
        assert_eq!(ids, ["earlier", "later"]);
    }

    #[test]
    fn a_duplicate_id_names_the_second_event() {
        let err = load_dataset(&minimal(&format!("{},{}", event("a", ""), event("a", "")))).unwrap_err();
        assert_eq!(err.problems[0].index, Some(1));
        assert_eq!(err.problems[0].field, "id");
    }

    #[test]
    fn an_unresolved_actor_and_related_event_are_named() {
        let bad = event("a", r#","related":[{"id":"nope","relation":"follows"}]"#).replace(r#"["az"]"#, r#"["az","xx"]"#);
        let err = load_dataset(&minimal(&bad)).unwrap_err();
        let fields: Vec<_> = err.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["actors[1]", "related[0].id"]);
        assert!(err.to_string().contains("event #1 (a)"), "{err}");
    }

    #[test]
    fn a_malformed_date_names_the_event_and_field() {
        let bad = event("broken", "").replace("2025-11-06", "2025-02-30");
        let err = load_dataset(&minimal(&format!("{},{bad}", event("ok", "")))).unwrap_err();
        assert_eq!(err.problems[0].index, Some(1));
        assert_eq!(err.problems[0].id.as_deref(), Some("broken"));
        assert_eq!(err.problems[0].field, "date");
    }

    #[test]
    fn an_end_before_the_start_is_rejected() {
        let err = load_dataset(&minimal(&event("a", r#","end":"2025-10""#))).unwrap_err();
        assert_eq!(err.problems[0].field, "end");
        // An end in the same month as a day-precise start is fine.
        assert!(load_dataset(&minimal(&event("a", r#","end":"2025-11""#))).is_ok());
    }

    #[test]
    fn a_missing_language_or_source_is_rejected() {
        let no_en = event("a", "").replace(r#""en":"Title""#, r#""en":"  ""#);
        assert_eq!(load_dataset(&minimal(&no_en)).unwrap_err().problems[0].field, "title.en");
        let no_de = event("a", "").replace(r#"{"de":"Text","en":"Text"}"#, r#"{"en":"Text"}"#);
        assert_eq!(load_dataset(&minimal(&no_de)).unwrap_err().problems[0].field, "summary");
        let no_src = event("a", "").replace(r#"[{"title":"S","publisher":"P","url":"https://example.org/a"}]"#, "[]");
        assert_eq!(load_dataset(&minimal(&no_src)).unwrap_err().problems[0].field, "sources");
    }

    #[test]
    fn script_and_data_links_in_sources_are_rejected() {
        for url in ["javascript:alert(1)", "data:text/html,x", "JAVASCRIPT:alert(1)", "//evil.example", "https://a b"] {
            let bad = event("a", "").replace("https://example.org/a", url);
            let err = load_dataset(&minimal(&bad)).unwrap_err();
            assert_eq!(err.problems[0].field, "sources[0].url", "{url}");
        }
        assert!(is_http_url("HTTPS://EXAMPLE.ORG"));
    }

    #[test]
    fn every_broken_event_is_reported_not_just_the_first() {
        let e1 = event("a", "").replace(r#""military""#, r#""cooking""#);
        let e2 = event("b", "").replace(r#""confirmed""#, r#""rumour""#);
        let err = load_dataset(&minimal(&format!("{e1},{e2}"))).unwrap_err();
        assert_eq!(err.total, 2);
        assert_eq!(err.problems[0].field, "categories[0]");
        assert_eq!(err.problems[1].field, "confidence");
    }

    #[test]
    fn garbage_and_deep_nesting_give_an_error_not_a_panic() {
        for text in ["", "null", "[]", "{", r#"{"events":5}"#, "\u{0}"] {
            assert!(load_dataset(text).is_err(), "{text:?}");
        }
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let err = load_dataset(&format!(r#"{{"events":{deep}}}"#)).unwrap_err();
        assert!(err.to_string().contains("recursion"), "{err}");
    }

    #[test]
    fn too_many_problems_are_counted_not_listed() {
        let events: Vec<String> = (0..20).map(|i| event(&format!("e{i}"), "").replace("\"az\"", "\"zz\"")).collect();
        let err = load_dataset(&minimal(&events.join(","))).unwrap_err();
        assert_eq!(err.problems.len(), MAX_REPORTED);
        assert_eq!(err.total, 20);
        assert!(err.to_string().ends_with("and 12 more"));
    }
}
