//! Reading a dataset from text: the project's JSON schema (read in one pass, or part by part to
//! name the event and field of each problem), or TimelineJS3's JSON when the text has its shape
//! (natively and in the import module; the reader's bundle hands it to the import module).

use crate::core::dataset::model::{Actor, Dataset, Event, Lang, Period, Tag, Text};
use crate::core::dataset::validate::{
    clip, short, validate, DatasetError, Problem, ProblemKind, Problems, DATASET_FIELD, EVENT_FIELD,
    MAX_DATASET_BYTES, MAX_EVENTS, MAX_REPORTED,
};
use crate::core::formats::json::{self, JsonError, RawDataset};
use crate::core::formats::jsonpath::render;
use crate::core::query::urlstate::{decode, sanitize, Ignored, Known};

/// The dataset in `text`: in the project's schema first (one parse); as TimelineJS3 only when
/// that fails and the text has its shape, so that its errors are the ones reported.
pub fn read_text(text: &str) -> Result<Dataset, LoadFailure> {
    read_text_noted(text).map(|(d, _)| d)
}

/// Like [`read_text`], with what an import shows otherwise than the tool it came from. JSON in
/// the shape of a tool that the import module reads is handed back as
/// [`LoadFailure::ForImport`]: vis-timeline's items always, TimelineJS3's JSON in the reader's
/// bundle (which has no TimelineJS3 importer; natively and in the import module it is read here).
pub fn read_text_noted(text: &str) -> Result<(Dataset, Vec<ImportNote>), LoadFailure> {
    let error = match load_dataset(text) {
        Ok(d) => return Ok((d, Vec::new())),
        Err(e) => e,
    };
    match timelinejs_here(text) {
        Some(result) => result,
        None if looks_like_vis(text) => Err(LoadFailure::ForImport(Foreign::Vis, text.to_string())),
        None => Err(LoadFailure::Invalid(error)),
    }
}

/// TimelineJS3's JSON read here, if `text` has its shape.
#[cfg(any(feature = "import", not(target_arch = "wasm32")))]
fn timelinejs_here(text: &str) -> Option<Result<(Dataset, Vec<ImportNote>), LoadFailure>> {
    crate::core::formats::timelinejs::import_if_timelinejs(text).map(|r| r.map_err(LoadFailure::Invalid))
}

/// TimelineJS3's JSON, if `text` has its shape, handed to the import module.
#[cfg(all(target_arch = "wasm32", not(feature = "import")))]
fn timelinejs_here(text: &str) -> Option<Result<(Dataset, Vec<ImportNote>), LoadFailure>> {
    crate::core::formats::timelinejs::looks_like_timelinejs(text)
        .then(|| Err(LoadFailure::ForImport(Foreign::TimelineJs, text.to_string())))
}

/// A format that the import module reads and the reader's bundle only recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Foreign {
    /// A sheet (CSV or tab-separated).
    Sheet,
    /// TimelineJS3's JSON.
    TimelineJs,
    /// vis-timeline's items as JSON.
    Vis,
}

/// What a dataset imported from another tool's format shows otherwise than that tool, or not at
/// all: said in a notice above the widget, never dropped silently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportNote {
    /// This many media the tool embeds (a video, a post) shown as links.
    MediaAsLinks(usize),
    /// This many media not kept: their address is embed code, not http(s), or too long.
    MediaDropped(usize),
    /// This many links or thumbnails of kept media not kept, for the same reasons.
    MediaPartsDropped(usize),
    /// This many slides' background colours or images not shown.
    BackgroundsNotShown(usize),
    /// The title slide's media is not shown (a dataset has no media of its own).
    TitleMediaNotShown,
}

/// The other tool whose JSON `text` is shaped like, if any: TimelineJS3's (events with
/// `start_date`, none with `date`) or vis-timeline's items (see [`looks_like_vis`]). The
/// project's own schema, a sheet or anything else is `None`. The authoring page asks this of the
/// import module before it reads a pasted or dropped file.
pub fn foreign_json(text: &str) -> Option<Foreign> {
    if crate::core::formats::timelinejs::looks_like_timelinejs(text) {
        Some(Foreign::TimelineJs)
    } else if looks_like_vis(text) {
        Some(Foreign::Vis)
    } else {
        None
    }
}

/// Whether a JSON text has the shape of vis-timeline's data: a list of items, or an object
/// with `items` (and perhaps `groups`), the items objects with a `start` and no `date`. The
/// import module reads it (see `formats::vis`); the reader only recognises it.
pub fn looks_like_vis(text: &str) -> bool {
    let trimmed = text.trim_start();
    if text.len() > MAX_DATASET_BYTES || !(trimmed.starts_with('[') || trimmed.starts_with('{')) {
        return false;
    }
    let Ok(root) = json::Value::parse(text) else { return false };
    let items = match &root {
        json::Value::Array(items) => items,
        _ => match root.get("items").and_then(json::Value::as_array) {
            Some(items) if root.get("events").is_none() => items,
            _ => return false,
        },
    };
    !items.is_empty() && items.iter().all(|i| i.get("start").is_some() && i.get("date").is_none())
}

/// Why a dataset could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// It could not be fetched.
    Network(String),
    /// It was fetched but is not a valid dataset.
    Invalid(DatasetError),
    /// It is a sheet (CSV) that the import module refused, for the reasons it gives.
    Sheet(SheetLines),
    /// It is JSON in another tool's shape that the import module reads (see
    /// [`read_text_noted`]): the text, to be handed to it as a sheet is.
    ForImport(Foreign, String),
}

/// Lines about an imported sheet in both languages, as the import module words them (it holds
/// the words, so that the reader's bundle does not): what it refused, or what it skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetLines {
    pub de: Vec<String>,
    pub en: Vec<String>,
}

impl SheetLines {
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

/// Whether a dataset's text (or its first bytes) is a sheet rather than JSON: anything whose
/// first character (after a byte order mark and white space) is not `{` or `[`.
pub fn looks_like_csv(start: &[u8]) -> bool {
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    start.iter().find(|b| !b.is_ascii_whitespace()).is_some_and(|b| !matches!(b, b'{' | b'['))
}

/// Whether a response is a sheet by its media type (`text/csv`, tab-separated values) or its
/// URL's path (`.csv`, `.tsv`).
pub fn is_csv_response(content_type: &str, url: &str) -> bool {
    let starts =
        |s: &str, p: &str| s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let ends = |s: &str, p: &str| {
        s.len() >= p.len() && s.as_bytes()[s.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
    };
    let path = &url[..url.bytes().position(|b| b == b'?' || b == b'#').unwrap_or(url.len())];
    ["text/csv", "application/csv", "text/tab-separated-values"]
        .iter()
        .any(|t| starts(content_type.trim_start(), t))
        || ends(path, ".csv")
        || ends(path, ".tsv")
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
        let head = DatasetHead {
            title: whole.title,
            actors: whole.actors,
            description: whole.description,
            view: whole.view,
            tags: whole.tags,
            periods: whole.periods,
        };
        return whole_dataset(head, whole.events);
    }
    let raw = json::raw_dataset(json)
        .map_err(|e| dataset_problem(ProblemKind::NotADataset(clip(e.located(json)))))?;
    from_raw(raw)
}

/// The members of a dataset other than its events, as read (`None` where a member was left out
/// or `null`).
#[derive(Debug, Default, PartialEq)]
pub(crate) struct DatasetHead {
    pub title: Option<Text>,
    pub actors: Option<Vec<Actor>>,
    pub description: Option<Text>,
    pub view: Option<String>,
    pub tags: Option<Vec<Tag>>,
    pub periods: Option<Vec<Period>>,
}

/// A dataset read in one pass ([`json::WholeDataset`], or a
/// [`crate::core::formats::stream::DatasetStream`] that read its plain shape as it arrived),
/// checked and validated.
pub(crate) fn whole_dataset(head: DatasetHead, events: Vec<Event>) -> Result<Dataset, DatasetError> {
    if events.len() > MAX_EVENTS {
        return Err(dataset_problem(ProblemKind::TooManyEvents { count: events.len(), max: MAX_EVENTS }));
    }
    checked(Dataset {
        title: head.title.unwrap_or_else(default_title),
        actors: head.actors.unwrap_or_default(),
        events,
        description: head.description,
        view: head.view,
        tags: head.tags,
        periods: head.periods,
    })
}

/// Validates a dataset and checks its opening view: the view must read through the URL codec
/// with nothing ignored, ids included (a problem at the field `view` otherwise).
fn checked(dataset: Dataset) -> Result<Dataset, DatasetError> {
    let view_problem = dataset.view.as_deref().and_then(|v| unread_part(v, &dataset));
    match (validate(dataset), view_problem) {
        (result, None) => result,
        (Ok(_), Some(kind)) => Err(DatasetError::one(None, None, VIEW_FIELD, kind)),
        (Err(mut e), Some(kind)) => {
            // The dataset's own fields come before its events' in a report.
            e.problems.insert(0, Problem { index: None, id: None, field: VIEW_FIELD.into(), kind });
            e.problems.truncate(MAX_REPORTED);
            e.total += 1;
            Err(e)
        }
    }
}

/// The field of a dataset's opening view.
const VIEW_FIELD: &str = "view";

/// The first part of `view` that the URL codec ignores when it reads it for `dataset`, if any.
fn unread_part(view: &str, dataset: &Dataset) -> Option<ProblemKind> {
    let decoded = decode(view);
    let mut state = decoded.state;
    let mut ignored = decoded.ignored;
    ignored.extend(sanitize(&mut state, &DatasetIds(dataset)));
    let part = match ignored.into_iter().next()? {
        Ignored::UnknownParam(p) | Ignored::Repeated(p) | Ignored::Truncated { param: p } => p,
        Ignored::BadValue { param, value } | Ignored::UnknownId { param, value } => {
            format!("{param}={value}")
        }
        Ignored::ReversedRange => "from, to".into(),
        Ignored::TooLong => short(view),
    };
    Some(ProblemKind::ViewNotRead(short(&part)))
}

/// The ids a dataset has, for reading its own view (before any index is made: a view names a
/// few ids, each looked up once).
struct DatasetIds<'a>(&'a Dataset);

impl Known for DatasetIds<'_> {
    fn knows(&self, param: &str, id: &str) -> bool {
        let events = &self.0.events;
        match param {
            "actor" => self.0.actor(id).is_some(),
            "tag" => events.iter().any(|e| e.tags.iter().any(|t| t == id)),
            "place" => events.iter().any(|e| e.place.as_ref().is_some_and(|p| p.id == id)),
            "event" => self.0.event_index(id).is_some(),
            _ => false,
        }
    }
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
    let title = match raw.title {
        None => default_title(),
        text => read_member::<Text>(text, "title", &mut problems).unwrap_or_default(),
    };
    let actors = read_member::<Vec<Actor>>(raw.actors, "actors", &mut problems).unwrap_or_default();
    let description = read_member::<Text>(raw.description, "description", &mut problems);
    let view = read_member::<String>(raw.view, VIEW_FIELD, &mut problems);
    let tags = read_member::<Vec<Tag>>(raw.tags, "tags", &mut problems);
    let periods = read_member::<Vec<Period>>(raw.periods, "periods", &mut problems);
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
    checked(Dataset { title, actors, events, description, view, tags, periods })
}

/// A member of the dataset other than its events, read from its text; a problem (named at the
/// member's field) if it does not read.
fn read_member<T: json::FromJson>(text: Option<&str>, name: &str, problems: &mut Problems) -> Option<T> {
    match json::from_str::<T>(text?) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(None, None, join_path(name, &render(&e.path)), ProblemKind::Parse(clip(e.message)));
            None
        }
    }
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
    fn timelinejs_and_vis_json_are_told_apart_from_the_projects_own() {
        let tljs = r#"{"title":{"text":{"headline":"H"}},"events":[{"start_date":{"year":"2025"},"text":{"headline":"A"}}]}"#;
        let vis_list = r#"[{"id":1,"content":"A","start":"2025-01-02"}]"#;
        let vis_object = r#"{"items":[{"id":1,"content":"A","start":"2025-01-02"}],"groups":[]}"#;
        assert_eq!(foreign_json(tljs), Some(Foreign::TimelineJs));
        assert_eq!(foreign_json(vis_list), Some(Foreign::Vis));
        assert_eq!(foreign_json(vis_object), Some(Foreign::Vis));
        assert_eq!(foreign_json(crate::core::formats::embedded::EMBEDDED_JSON), None);
        assert_eq!(foreign_json(&with_view(r#""span=2025-01..2025-12""#)), None);
        for other in [
            "",
            "date,title\n2025-01-02,A",
            "[]",
            "{\"events\":[]}",
            "[{\"date\":\"2025\",\"start\":\"2025\"}]",
            "{",
        ] {
            assert_eq!(foreign_json(other), None, "{other}");
        }
    }

    /// A one-event dataset with the opening view `view` (a JSON value).
    fn with_view(view: &str) -> String {
        format!(
            r#"{{"view":{view},"actors":[{{"id":"kz","kind":"state","name":{{"de":"K","en":"K"}}}}],
              "events":[{{"id":"e1","date":"2025-11","title":{{"de":"T","en":"T"}},"summary":{{"de":"S","en":"S"}},
              "actors":["kz"],"categories":["energy"],"tags":["oil"],"sources":[{{"title":"S","publisher":"P","url":"https://example.org"}}],
              "confidence":"confirmed"}}]}}"#
        )
    }

    #[test]
    fn an_opening_view_reads_through_the_url_codec_with_nothing_ignored() {
        for ok in [
            r#""span=2025-08-01..2026-03-01""#,
            r#""?view=list&cat=energy&actor=kz&tag=oil&event=e1&lang=de""#,
            r#""""#,
            "null",
        ] {
            let d = load_dataset(&with_view(ok)).unwrap_or_else(|e| panic!("{ok}: {e}"));
            assert_eq!(d.view.is_some(), ok != "null");
        }
        for (bad, part) in [
            (r#""colour=red""#, "colour"),
            (r#""span=2026-01-01..2025-01-01""#, "span=2026-01-01..2025-01-01"),
            (r#""view=list&view=timeline""#, "view"),
            (r#""from=2026&to=2025""#, "from, to"),
            (r#""actor=az""#, "actor=az"),
            (r#""event=nope""#, "event=nope"),
            (r#""tag=gas""#, "tag=gas"),
        ] {
            let err = load_dataset(&with_view(bad)).unwrap_err();
            assert_eq!(err.problems[0].field, "view", "{bad}");
            assert_eq!(err.problems[0].kind, ProblemKind::ViewNotRead(part.into()), "{bad}");
        }
        // Not a string: the reader names the field.
        let err = load_dataset(&with_view("7")).unwrap_err();
        assert_eq!(err.problems[0].field, "view");
        assert!(matches!(&err.problems[0].kind, ProblemKind::Parse(_)), "{err}");
        // With other problems, the view's comes first, as the dataset's own field.
        let broken = with_view(r#""colour=red""#).replace(r#""categories":["energy"]"#, r#""categories":[]"#);
        let err = load_dataset(&broken).unwrap_err();
        assert_eq!(err.problems.iter().map(|p| p.field.as_str()).collect::<Vec<_>>(), ["view", "categories"]);
        assert_eq!(err.total, 2);
    }

    #[test]
    fn the_new_members_read_the_same_in_one_pass_as_part_by_part() {
        let text = with_view(r#""view=list""#).replacen(
            "{",
            r#"{"description":{"de":"Worum es geht","en":"What it covers"},"tags":[{"id":"oil","name":{"de":"Öl","en":"oil"}}],"#,
            1,
        );
        let whole = load_dataset(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(whole, from_raw(json::raw_dataset(&text).unwrap()).unwrap());
        assert_eq!(whole.tags.unwrap()[0].name.de, "Öl");
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

    #[test]
    fn a_text_that_does_not_start_as_json_is_taken_for_a_sheet() {
        assert!(looks_like_csv(b"date,title\n2025,a"));
        assert!(looks_like_csv(b"\xEF\xBB\xBFDatum;Titel"));
        assert!(!looks_like_csv(b"  \n{\"events\": []}"));
        assert!(!looks_like_csv(b"\xEF\xBB\xBF[]"));
        assert!(!looks_like_csv(b" \n "), "nothing at all is left to the JSON reader's message");
        assert!(is_csv_response("text/csv; charset=utf-8", "https://x.org/data"));
        assert!(is_csv_response("text/plain", "data/Sheet.CSV?v=2#x"));
        assert!(is_csv_response("", "a.tsv"));
        assert!(!is_csv_response("application/json", "data.json?format=.csv"));
    }
}
