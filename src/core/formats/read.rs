//! Reading a dataset from text: the project's JSON schema (read in one pass, or part by part to
//! name the event and field of each problem), or TimelineJS3's JSON when the text has its shape.

use crate::core::dataset::model::{Actor, Dataset, Event, Text};
use crate::core::dataset::validate::{
    clip, short, validate, DatasetError, ProblemKind, Problems, DATASET_FIELD, EVENT_FIELD,
    MAX_DATASET_BYTES, MAX_EVENTS,
};
use crate::core::formats::json::{self, JsonError, RawDataset};
use crate::core::formats::jsonpath::render;
use crate::core::formats::timelinejs;

/// The dataset in `text`: in the project's schema first (one parse); as TimelineJS3 only when
/// that fails and the text has its shape, so that its errors are the ones reported.
pub fn read_text(text: &str) -> Result<Dataset, LoadFailure> {
    let dataset = load_dataset(text).or_else(|e| timelinejs::import_if_timelinejs(text).unwrap_or(Err(e)));
    dataset.map_err(LoadFailure::Invalid)
}

/// Why a dataset could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// It could not be fetched.
    Network(String),
    /// It was fetched but is not a valid dataset.
    Invalid(DatasetError),
}

/// A fetched body's bytes as text, decoded the way `response.text()` decodes them: without a
/// leading byte order mark, malformed UTF-8 replaced by U+FFFD (the JSON parser then names the
/// place). Valid UTF-8 (the usual case) is taken over without a copy.
pub fn body_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
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

/// Where and why the reader rejects a JSON text as an event, if it is JSON and it does.
/// (For the tests that hold the paths to what a path-tracking deserialiser says.)
pub fn event_parse_error(text: &str) -> Option<(String, String)> {
    if !json::is_json(text) {
        return None;
    }
    json::from_str::<Event>(text).err().map(|e| (render(&e.path), e.message))
}

fn dataset_problem(kind: ProblemKind) -> DatasetError {
    DatasetError::one(None, None, DATASET_FIELD, kind)
}

/// What is wrong with an event the reader rejected: a date that is not a date is named as such
/// (the reader's detail is an English sentence), anything else is the reader's detail.
fn event_problem(e: &JsonError) -> ProblemKind {
    match &e.date {
        Some((value, error)) => ProblemKind::InvalidDate { value: short(value), error: error.clone() },
        // The message without its text position: a position inside one event's text would
        // point to the wrong line of the file, and the field path already says where.
        None => ProblemKind::Parse(clip(e.message.clone())),
    }
}

/// Parses JSON text in the project's schema and validates it.
pub fn load_dataset(json: &str) -> Result<Dataset, DatasetError> {
    if json.len() > MAX_DATASET_BYTES {
        return Err(dataset_problem(ProblemKind::TooLarge { bytes: json.len(), max: MAX_DATASET_BYTES }));
    }
    // Nearly every dataset loaded is valid: read it in one pass. Only when that fails is the
    // text read part by part, which is what names the event and field of each problem.
    if let Ok(whole) = json::from_str::<json::WholeDataset>(json) {
        return whole_dataset(whole.title, whole.actors, whole.events);
    }
    let raw = json::raw_dataset(json)
        .map_err(|e| dataset_problem(ProblemKind::NotADataset(clip(e.located(json)))))?;
    from_raw(raw)
}

/// A dataset read in one pass ([`WholeDataset`], or a [`crate::core::formats::stream::DatasetStream`] that
/// read its plain shape as it arrived), checked and validated.
pub(crate) fn whole_dataset(
    title: Option<Text>,
    actors: Option<Vec<Actor>>,
    events: Vec<Event>,
) -> Result<Dataset, DatasetError> {
    if events.len() > MAX_EVENTS {
        return Err(dataset_problem(ProblemKind::TooManyEvents { count: events.len(), max: MAX_EVENTS }));
    }
    validate(Dataset {
        title: title.unwrap_or_else(default_title),
        actors: actors.unwrap_or_default(),
        events,
    })
}

/// The title of a dataset that has none.
fn default_title() -> Text {
    Text { de: "Zeitleiste".into(), en: "Timeline".into() }
}

fn from_raw(raw: RawDataset) -> Result<Dataset, DatasetError> {
    if raw.events.len() > MAX_EVENTS {
        return Err(dataset_problem(ProblemKind::TooManyEvents { count: raw.events.len(), max: MAX_EVENTS }));
    }
    let mut problems = Problems::default();
    let parse = |e: JsonError| ProblemKind::Parse(clip(e.message));
    let title = match raw.title {
        None => default_title(),
        Some(v) => match json::from_str::<Text>(v) {
            Ok(t) => t,
            Err(e) => {
                problems.push(None, None, join_path("title", &render(&e.path)), parse(e));
                Text::default()
            }
        },
    };
    let actors = match raw.actors {
        None => Vec::new(),
        Some(v) => match json::from_str::<Vec<Actor>>(v) {
            Ok(a) => a,
            Err(e) => {
                problems.push(None, None, join_path("actors", &render(&e.path)), parse(e));
                Vec::new()
            }
        },
    };
    let mut events = Vec::with_capacity(raw.events.len());
    for (i, raw_event) in raw.events.into_iter().enumerate() {
        match json::from_str::<Event>(raw_event) {
            Ok(e) => events.push(e),
            Err(e) => {
                // Only a rejected event is searched for its id.
                let id = json::member_string(raw_event, "id");
                let id = id.as_deref();
                let path = render(&e.path);
                // An event given as a list has paths like `[0]`: they are the event's.
                let field =
                    if path == "." || path.starts_with('[') { join_path(EVENT_FIELD, &path) } else { path };
                problems.push(Some(i), id, field, event_problem(&e))
            }
        }
    }
    if problems.total() > 0 {
        return problems.into_result(Dataset::default());
    }
    let dataset = Dataset { title, actors, events };
    validate(dataset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::loaded::LoadedDataset;

    #[test]
    fn a_valid_dataset_reads_the_same_in_one_pass_as_part_by_part() {
        let one_event = r#"{"id":"e1","date":"2025-11","title":{"de":"T","en":"T"},"summary":{"de":"S","en":"S"},
            "actors":[],"categories":["energy"],"sources":[{"title":"S","publisher":"P","url":"https://example.org"}],
            "confidence":"confirmed"}"#;
        let texts = [
            crate::core::formats::embedded::EMBEDDED_JSON.to_string(),
            format!(r#"{{"events":[{one_event}]}}"#),
            format!(r#"{{"title":null,"actors":null,"events":[{one_event}]}}"#),
        ];
        for text in &texts {
            let whole = load_dataset(text).unwrap_or_else(|e| panic!("{e}"));
            let raw = json::raw_dataset(text).unwrap();
            let parts = from_raw(raw).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(whole, parts);
        }
    }

    #[test]
    fn a_fetched_body_loses_its_byte_order_mark_and_keeps_malformed_bytes_visible() {
        assert_eq!(body_text(b"\xEF\xBB\xBF{\"a\":1}".to_vec()), "{\"a\":1}");
        assert_eq!(body_text("Baku – Bakı".as_bytes().to_vec()), "Baku – Bakı");
        assert_eq!(body_text(b"{\"t\":\"a\xFFb\"}".to_vec()), "{\"t\":\"a\u{FFFD}b\"}");
        // Only a leading mark is dropped.
        assert_eq!(body_text(b"x\xEF\xBB\xBF".to_vec()), "x\u{FEFF}");
        let Err(LoadFailure::Invalid(err)) =
            LoadedDataset::from_json(&body_text(b"\xEF\xBB\xBF{\"events\":[{\"id\":\"x\xFF\"}]}".to_vec()))
        else {
            panic!("expected an invalid dataset")
        };
        assert_eq!(err.problems[0].index, Some(0));
    }
}
