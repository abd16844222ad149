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
/// The longest text accepted (a title, summary, name, source title or publisher), in chars:
/// room for any summary, while drawing and searching stay fast (a single 20 MB title would
/// freeze the page on every keystroke of a search).
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The longest source link accepted, in bytes.
pub const MAX_URL_BYTES: usize = 2_048;
/// The longest problem message kept, in chars. Parser messages quote the offending value, which
/// may be megabytes of hostile text: longer messages lose their middle.
pub const MAX_MESSAGE_CHARS: usize = 240;

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
                field: short(&field.into()),
                message: clip(message.into()),
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

/// Cuts a problem message down to [`MAX_MESSAGE_CHARS`], keeping its start and its end (where
/// parser messages say what was expected).
pub(crate) fn clip(message: String) -> String {
    let n = message.chars().count();
    if n <= MAX_MESSAGE_CHARS {
        return message;
    }
    let head: String = message.chars().take(140).collect();
    let tail: String = message.chars().skip(n - 90).collect();
    format!("{head} … {tail}")
}

/// A field path inside `prefix` from a serde path (`.` for the value itself, `[0].name` for an
/// element of a list).
fn join_path(prefix: &str, path: &str) -> String {
    match path {
        "." => prefix.to_string(),
        p if p.starts_with('[') => format!("{prefix}{p}"),
        p => format!("{prefix}.{p}"),
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
        problems: vec![Problem { index: None, id: None, field: "dataset".into(), message: clip(message.into()) }],
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
                problems.push(None, None, join_path("title", &e.path().to_string()), e.inner().to_string());
                Text::default()
            }
        },
    };
    let actors = match raw.actors {
        None => Vec::new(),
        Some(v) => match serde_path_to_error::deserialize(v) {
            Ok(a) => a,
            Err(e) => {
                problems.push(None, None, join_path("actors", &e.path().to_string()), e.inner().to_string());
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
                // An event given as a list has paths like `[0]`: they are the event's.
                let field = if path == "." || path.starts_with('[') { join_path("event", &path) } else { path };
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

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Whether a link is one the widget will render: an absolute `http:` or `https:` URL with a host.
pub fn is_http_url(url: &str) -> bool {
    let scheme_end = match url.get(..8).map(str::to_ascii_lowercase) {
        Some(s) if s == "https://" => 8,
        _ if url.get(..7).is_some_and(|s| s.eq_ignore_ascii_case("http://")) => 7,
        _ => return false,
    };
    // A host must follow: not nothing, not a path, query or fragment straight away.
    let host_start = url[scheme_end..].chars().next();
    host_start.is_some_and(|c| !matches!(c, '/' | '?' | '#' | '\\' | '@'))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Reports a text longer than [`MAX_TEXT_CHARS`].
fn check_len(p: &mut Problems, index: Option<usize>, id: Option<&str>, field: &str, s: &str) {
    if s.len() > MAX_TEXT_CHARS {
        let n = s.chars().count();
        if n > MAX_TEXT_CHARS {
            p.push(index, id, field, format!("the text has {n} characters; at most {MAX_TEXT_CHARS} are accepted"));
        }
    }
}

fn check_text(p: &mut Problems, index: Option<usize>, id: Option<&str>, field: &str, t: &Text) {
    if t.de.trim().is_empty() {
        p.push(index, id, format!("{field}.de"), "the German text is empty");
    }
    if t.en.trim().is_empty() {
        p.push(index, id, format!("{field}.en"), "the English text is empty");
    }
    check_len(p, index, id, &format!("{field}.de"), &t.de);
    check_len(p, index, id, &format!("{field}.en"), &t.en);
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
            } else if s.url.len() > MAX_URL_BYTES {
                let n = s.url.len();
                p.push(ix, id, format!("sources[{k}].url"), format!("the link has {n} bytes; at most {MAX_URL_BYTES} are accepted"));
            }
            if s.title.trim().is_empty() {
                p.push(ix, id, format!("sources[{k}].title"), "the title is empty");
            }
            check_len(&mut p, ix, id, &format!("sources[{k}].title"), &s.title);
            check_len(&mut p, ix, id, &format!("sources[{k}].publisher"), &s.publisher);
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
        for url in [
            "javascript:alert(1)", "data:text/html,x", "JAVASCRIPT:alert(1)", "//evil.example", "https://a b", "https://",
            "http://", "https://?x", "https:///x", " https://example.org", "\u{202E}https://example.org",
        ] {
            let bad = event("a", "").replace("https://example.org/a", url);
            let err = load_dataset(&minimal(&bad)).unwrap_err();
            assert_eq!(err.problems[0].field, "sources[0].url", "{url}");
        }
        assert!(is_http_url("HTTPS://EXAMPLE.ORG"));
    }

    #[test]
    fn fields_outside_events_are_named_without_stray_dots() {
        let field = |json: &str| load_dataset(json).unwrap_err().problems[0].field.clone();
        assert_eq!(field(r#"{"title":"x","events":[]}"#), "title");
        assert_eq!(field(r#"[false,null,[]]"#), "title");
        assert_eq!(field(r#"{"title":{"de":1,"en":"x"},"events":[]}"#), "title.de");
        assert_eq!(field(r#"{"actors":[{"id":5}],"events":[]}"#), "actors[0].id");
        assert_eq!(field(r#"{"actors":{},"events":[]}"#), "actors");
        assert_eq!(field(r#"{"events":[[1,"x"]]}"#), "event[0]");
    }

    #[test]
    fn messages_quoting_huge_values_are_cut_keeping_what_was_expected() {
        let huge = "<script>".repeat(100_000);
        let bad = event("a", "").replace(r#""military""#, &format!("\"{huge}\""));
        let err = load_dataset(&minimal(&bad)).unwrap_err();
        let m = &err.problems[0].message;
        assert!(m.chars().count() <= MAX_MESSAGE_CHARS, "{} chars", m.chars().count());
        assert!(m.starts_with("unknown variant `<script>") && m.ends_with("`transport`, `analysis`"), "{m}");
        // An unknown field's name is part of its path: cut too.
        let err = load_dataset(&minimal(&event("a", &format!(r#","{huge}":1"#)))).unwrap_err();
        assert!(err.problems[0].field.chars().count() <= 61);
        assert!(err.to_string().len() < 1_000);
    }

    #[test]
    fn huge_texts_and_links_are_refused_naming_the_field() {
        let long = "<b>".repeat(MAX_TEXT_CHARS / 3 + 1);
        for (from, field) in [
            (r#""en":"Title""#, "title.en"),
            (r#""title":"S""#, "sources[0].title"),
            (r#""publisher":"P""#, "sources[0].publisher"),
        ] {
            let to = from.replacen(from.rsplit(':').next().unwrap(), &format!("\"{long}\""), 1);
            let err = load_dataset(&minimal(&event("a", "").replacen(from, &to, 1))).unwrap_err();
            assert_eq!(err.problems[0].field, field);
            assert!(err.problems[0].message.contains("10000"), "{err}");
        }
        let url = format!("https://example.org/{}", "a".repeat(MAX_URL_BYTES));
        let err = load_dataset(&minimal(&event("a", "").replace("https://example.org/a", &url))).unwrap_err();
        assert_eq!(err.problems[0].field, "sources[0].url");
        // Exactly at the limit is fine; multi-byte chars count as one.
        let at = "ä".repeat(MAX_TEXT_CHARS);
        assert!(load_dataset(&minimal(&event("a", "").replace(r#""en":"Title""#, &format!(r#""en":"{at}""#)))).is_ok());
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
