//! Loading and validating a dataset.
//!
//! [`load_dataset`] is the only way from JSON text to a [`Dataset`]: it reads every event on its
//! own, so one broken event does not hide the others, then checks what serde cannot: unique
//! ids, references that resolve, spans that do not end before they start, sources with
//! http(s) links, and both languages present. Every problem names the event (index and id)
//! and the field. On success the events are in date order.

use crate::core::dataset::date::{DateError, PartialDate};
use crate::core::dataset::media::{MediaInfo, MediaKind};
use crate::core::dataset::model::{
    date_order, Actor, Dataset, Event, Lang, Media, Period, Source, Tag, Text,
};
use crate::core::util::hashing::{set_with_capacity, FastSet};
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
/// The longest `date_text` accepted, in chars: it stands where a date stands, on a mark too.
pub const MAX_DATE_TEXT_CHARS: usize = 200;
/// The longest source link accepted, in bytes.
pub const MAX_URL_BYTES: usize = 2_048;
/// The longest problem message, in chars, in either language (the sentence after the location,
/// see [`Problem::message`]). Parser messages quote the offending value, which may be megabytes
/// of hostile text: their detail is cut to [`MAX_DETAIL_CHARS`], losing its middle.
pub const MAX_MESSAGE_CHARS: usize = 240;
/// The longest parser detail kept in a [`ProblemKind`]: room is left for the sentence around it.
pub const MAX_DETAIL_CHARS: usize = 200;
/// The longest value (an id, a date, a slug) quoted in a [`ProblemKind`] or a location, in chars;
/// a longer one is cut there and ends in "…".
pub const MAX_QUOTED_CHARS: usize = 60;

/// The pseudo-field of problems with the whole file (too large, not JSON, not a dataset).
pub const DATASET_FIELD: &str = "dataset";
/// The pseudo-field of problems with an event as a whole (not an object, a missing field).
pub const EVENT_FIELD: &str = "event";

/// What is wrong, without the words: [`crate::core::i18n::problem_message`] says it in German
/// or English. Quoted values are cut to [`MAX_QUOTED_CHARS`], parser details to
/// [`MAX_DETAIL_CHARS`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The text has `bytes` bytes, more than `max`.
    TooLarge { bytes: usize, max: usize },
    /// The dataset has `count` events, more than `max`.
    TooManyEvents { count: usize, max: usize },
    /// The text is not JSON; the parser's (English, technical) detail.
    NotJson(String),
    /// The text is not a dataset in the project's schema; the parser's detail.
    NotADataset(String),
    /// A value the parser could not read (unknown field or variant, wrong type, missing field);
    /// the parser's detail.
    Parse(String),
    /// A date text that is not a date (`2025-02-30`, `yesterday`).
    InvalidDate { value: String, error: DateError },
    /// A TimelineJS date whose numbers make no date.
    InvalidDateParts { error: DateError, year: i64, month: Option<i64>, day: Option<i64> },
    /// A TimelineJS date that is not an object.
    NotADateObject,
    /// A TimelineJS year, month or day that is not a whole number.
    NotAWholeNumber,
    /// A TimelineJS date with a day but no month.
    DayWithoutMonth,
    /// A required field is missing.
    Missing,
    /// The text in this language is empty.
    MissingLanguage(Lang),
    /// A source's title is empty.
    EmptyTitle,
    /// A text has `chars` characters, more than `max`.
    TooLong { chars: usize, max: usize },
    /// A link has `bytes` bytes, more than `max`.
    LinkTooLong { bytes: usize, max: usize },
    /// An id or tag that is not a lower-case slug.
    NotASlug(String),
    /// Two actors with this id.
    DuplicateActor(String),
    /// An earlier event has the same id.
    DuplicateId,
    /// The event ends before it starts.
    EndBeforeStart { end: PartialDate, start: PartialDate },
    /// An event without a category.
    NoCategory,
    /// An actor id that is not in the actor table.
    UnknownActor(String),
    /// A related event id that is not in the dataset.
    UnknownEvent(String),
    /// An event that names itself as related.
    RelatesToItself,
    /// A latitude outside -90..90.
    LatitudeOutOfRange,
    /// A longitude outside -180..180.
    LongitudeOutOfRange,
    /// An event without a source.
    NoSource,
    /// A source link that is not an absolute http(s) URL with a host.
    NotHttpLink,
    /// A media, link or thumbnail URL that is neither an http(s) URL with a host nor a path
    /// relative to the dataset.
    NotMediaLink,
    /// An image without a description (`alt`) for those who cannot see it.
    NoAltText,
    /// A source with neither a headline (`title`) nor a description (`about`).
    NoSourceName,
    /// A source language that is not a BCP 47 language tag.
    NotALanguageTag(String),
    /// Two entries of the tag table with this id.
    DuplicateTag(String),
    /// Two periods with this id.
    DuplicatePeriod(String),
    /// A tag that the dataset's tag table does not have.
    UnknownTag(String),
    /// A part of the dataset's opening view that the URL codec does not read (an unknown
    /// parameter, a bad value, an id the dataset does not have).
    ViewNotRead(String),
    /// A sheet with `count` rows, more than `max`.
    #[cfg(any(feature = "import", not(target_arch = "wasm32")))]
    TooManyRows { count: usize, max: usize },
    /// A sheet without a column the importer reads as dates.
    #[cfg(any(feature = "import", not(target_arch = "wasm32")))]
    NoDateColumn,
    /// A cell whose value is not one its column takes (a category, a yes or no, a number).
    #[cfg(any(feature = "import", not(target_arch = "wasm32")))]
    UnknownValue(String),
}

/// One thing wrong with a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Position of the event in the file's `events` array, when the problem is in an event.
    pub index: Option<usize>,
    /// The event's id, when it has one.
    pub id: Option<String>,
    /// Path of the field inside the event (or the dataset), e.g. `sources[0].url`;
    /// [`DATASET_FIELD`] or [`EVENT_FIELD`] for the whole file or event.
    pub field: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// Why a dataset was not loaded: the first [`MAX_REPORTED`] problems and how many there were.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetError {
    pub problems: Vec<Problem>,
    pub total: usize,
}

impl DatasetError {
    /// An error of one problem.
    pub(crate) fn one(index: Option<usize>, id: Option<&str>, field: &str, kind: ProblemKind) -> Self {
        let mut p = Problems::default();
        p.push(index, id, field, kind);
        DatasetError { problems: p.list, total: p.total }
    }
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

/// Problems as they are found: the first [`MAX_REPORTED`] kept, all counted.
#[derive(Default)]
pub(crate) struct Problems {
    list: Vec<Problem>,
    total: usize,
}

impl Problems {
    pub(crate) fn push(
        &mut self,
        index: Option<usize>,
        id: Option<&str>,
        field: impl Into<String>,
        kind: ProblemKind,
    ) {
        self.total += 1;
        if self.list.len() < MAX_REPORTED {
            self.list.push(Problem { index, id: id.map(short), field: short(&field.into()), kind });
        }
    }
    pub(crate) fn total(&self) -> usize {
        self.total
    }
    pub(crate) fn into_result<T>(self, ok: T) -> Result<T, DatasetError> {
        if self.total == 0 {
            Ok(ok)
        } else {
            Err(DatasetError { problems: self.list, total: self.total })
        }
    }
}

/// Cuts a parser detail down to [`MAX_DETAIL_CHARS`], keeping its start and its end (where
/// parser messages say what was expected).
pub(crate) fn clip(detail: String) -> String {
    clip_to(detail, MAX_DETAIL_CHARS)
}

/// Cuts `text` down to `max` chars (at least 20), keeping its start and its last 40 %.
pub(crate) fn clip_to(text: String, max: usize) -> String {
    let n = text.chars().count();
    if n <= max {
        return text;
    }
    const GAP: &str = " … ";
    let room = max.max(20) - GAP.chars().count();
    let tail_len = room * 2 / 5;
    let head: String = text.chars().take(room - tail_len).collect();
    let tail: String = text.chars().skip(n - tail_len).collect();
    format!("{head}{GAP}{tail}")
}

/// Cuts a hostile or huge string down to [`MAX_QUOTED_CHARS`] for an error message.
pub(crate) fn short(s: &str) -> String {
    if s.chars().count() <= MAX_QUOTED_CHARS {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(MAX_QUOTED_CHARS).collect();
        t.push('…');
        t
    }
}

/// Whether `s` is an id as the schema has them: 1 to 80 lower-case ASCII letters, digits, `-`
/// and `_` (events, actors, tags and places; the URL's ids are checked the same way).
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Whether a link is one the widget will render: an absolute `http:` or `https:` URL with a host.
pub fn is_http_url(url: &str) -> bool {
    let scheme_end = match url.get(..8) {
        Some(s) if s.eq_ignore_ascii_case("https://") => 8,
        _ if url.get(..7).is_some_and(|s| s.eq_ignore_ascii_case("http://")) => 7,
        _ => return false,
    };
    // A host must follow: not nothing, not a path, query or fragment straight away.
    let host_start = url[scheme_end..].chars().next();
    host_start.is_some_and(|c| !matches!(c, '/' | '?' | '#' | '\\' | '@')) && !has_space_or_control(url)
}

/// Whether a media URL is one the widget will show or link to: an absolute `http:` or `https:`
/// URL with a host ([`is_http_url`]), or a path relative to the dataset's own address
/// (`img/a.png`, `../a.png`, `/a.png`): no other scheme (`javascript:`, `data:`), no
/// address of another host without a scheme (`//host/a.png`), no backslash (which browsers read
/// as a slash), no markup characters (`<`, `>`, quotes: embed code is not a path), no white
/// space or control character.
pub fn is_media_url(url: &str) -> bool {
    if is_http_url(url) {
        return true;
    }
    // A scheme is letters, digits, `+`, `-` or `.` before the first `:`; a path may have a `:`
    // only after a `/`, `?` or `#`.
    let before = &url[..url.find(['/', '?', '#']).unwrap_or(url.len())];
    !url.is_empty()
        && !before.contains(':')
        && !url.starts_with("//")
        && !url.contains(['\\', '<', '>', '"', '`'])
        && !has_space_or_control(url)
}

/// Whether `s` has a control or white-space character. (Most links are ASCII, where these are
/// the bytes up to the space and DEL, and are checked byte by byte.)
fn has_space_or_control(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().any(|b| b <= b' ' || b == 0x7F)
    } else {
        s.chars().any(|c| c.is_control() || c.is_whitespace())
    }
}

/// Reports a text longer than [`MAX_TEXT_CHARS`].
/// The field's name is only written out when there is a problem (this runs for every text of
/// every event).
fn check_len(
    p: &mut Problems,
    index: Option<usize>,
    id: Option<&str>,
    field: impl FnOnce() -> String,
    s: &str,
) {
    check_len_max(p, index, id, field, s, MAX_TEXT_CHARS);
}

/// Reports a text longer than `max` chars.
fn check_len_max(
    p: &mut Problems,
    index: Option<usize>,
    id: Option<&str>,
    field: impl FnOnce() -> String,
    s: &str,
    max: usize,
) {
    if s.len() > max {
        let chars = s.chars().count();
        if chars > max {
            p.push(index, id, field(), ProblemKind::TooLong { chars, max });
        }
    }
}

fn check_text(p: &mut Problems, index: Option<usize>, id: Option<&str>, field: &str, t: &Text) {
    for lang in Lang::ALL {
        if t.get(lang).trim().is_empty() {
            p.push(index, id, format!("{field}.{}", lang.code()), ProblemKind::MissingLanguage(lang));
        }
    }
    check_len(p, index, id, || format!("{field}.de"), &t.de);
    check_len(p, index, id, || format!("{field}.en"), &t.en);
}

/// Checks a deserialised dataset; on success returns it with events in date order. (Its opening
/// view is checked where datasets are read, [`crate::core::formats::read`], by the URL codec.)
pub fn validate(mut d: Dataset) -> Result<Dataset, DatasetError> {
    let mut p = Problems::default();
    check_text(&mut p, None, None, "title", &d.title);
    if let Some(description) = &d.description {
        check_text(&mut p, None, None, "description", description);
    }
    let actor_ids = check_actors(&mut p, &d.actors);
    let tag_ids = d.tags.as_deref().map(|tags| check_tags(&mut p, tags));
    if let Some(periods) = &d.periods {
        check_periods(&mut p, periods);
    }
    let mut event_ids = set_with_capacity(d.events.len());
    for (i, e) in d.events.iter().enumerate() {
        let ids = Ids { actors: &actor_ids, tags: tag_ids.as_ref() };
        check_event(&mut p, i, e, &ids, &mut event_ids);
    }
    for (i, e) in d.events.iter().enumerate() {
        for (k, r) in e.related.iter().enumerate() {
            if !event_ids.contains(r.id.as_str()) {
                p.push(
                    Some(i),
                    Some(&e.id),
                    format!("related[{k}].id"),
                    ProblemKind::UnknownEvent(short(&r.id)),
                );
            } else if r.id == e.id {
                p.push(Some(i), Some(&e.id), format!("related[{k}].id"), ProblemKind::RelatesToItself);
            }
        }
    }
    if p.total == 0 {
        sort_events(&mut d.events);
    }
    p.into_result(d)
}

/// The ids an event's references must be among: the actor table's, and the tag table's when
/// the dataset has one.
struct Ids<'a> {
    actors: &'a FastSet<&'a str>,
    tags: Option<&'a FastSet<&'a str>>,
}

/// Checks the actor table; gives its ids.
fn check_actors<'a>(p: &mut Problems, actors: &'a [Actor]) -> FastSet<&'a str> {
    let mut ids = set_with_capacity(actors.len());
    for (i, a) in actors.iter().enumerate() {
        if !is_slug(&a.id) {
            p.push(None, None, format!("actors[{i}].id"), ProblemKind::NotASlug(short(&a.id)));
        }
        if !ids.insert(a.id.as_str()) {
            p.push(None, None, format!("actors[{i}].id"), ProblemKind::DuplicateActor(short(&a.id)));
        }
        check_text(p, None, None, &format!("actors[{i}].name"), &a.name);
    }
    ids
}

/// Checks the tag table; gives its ids.
fn check_tags<'a>(p: &mut Problems, tags: &'a [Tag]) -> FastSet<&'a str> {
    let mut ids = set_with_capacity(tags.len());
    for (i, t) in tags.iter().enumerate() {
        if !is_slug(&t.id) {
            p.push(None, None, format!("tags[{i}].id"), ProblemKind::NotASlug(short(&t.id)));
        }
        if !ids.insert(t.id.as_str()) {
            p.push(None, None, format!("tags[{i}].id"), ProblemKind::DuplicateTag(short(&t.id)));
        }
        check_text(p, None, None, &format!("tags[{i}].name"), &t.name);
    }
    ids
}

/// Checks the periods: slug ids, each once, titles in both languages, `to` on or after `from`.
fn check_periods(p: &mut Problems, periods: &[Period]) {
    let mut ids = set_with_capacity(periods.len());
    for (i, period) in periods.iter().enumerate() {
        if !is_slug(&period.id) {
            p.push(None, None, format!("periods[{i}].id"), ProblemKind::NotASlug(short(&period.id)));
        } else if !ids.insert(period.id.as_str()) {
            p.push(None, None, format!("periods[{i}].id"), ProblemKind::DuplicatePeriod(short(&period.id)));
        }
        check_text(p, None, None, &format!("periods[{i}].title"), &period.title);
        if period.to.end_day_exclusive() <= period.from.start_day() {
            let kind = ProblemKind::EndBeforeStart { end: period.to, start: period.from };
            p.push(None, None, format!("periods[{i}].to"), kind);
        }
    }
}

/// Checks one event, adding its id to `event_ids` (all but its related events, which need every
/// event's id).
fn check_event<'a>(p: &mut Problems, i: usize, e: &'a Event, ids: &Ids, event_ids: &mut FastSet<&'a str>) {
    use ProblemKind::*;
    let (ix, id) = (Some(i), Some(e.id.as_str()));
    if !is_slug(&e.id) {
        p.push(ix, id, "id", NotASlug(short(&e.id)));
    } else if !event_ids.insert(e.id.as_str()) {
        p.push(ix, id, "id", DuplicateId);
    }
    if let Some(end) = e.end {
        if end.end_day_exclusive() <= e.date.start_day() {
            p.push(ix, id, "end", EndBeforeStart { end, start: e.date });
        }
    }
    check_text(p, ix, id, "title", &e.title);
    check_text(p, ix, id, "summary", &e.summary);
    if let Some(t) = &e.date_text {
        for lang in Lang::ALL {
            let field = || format!("date_text.{}", lang.code());
            if t.get(lang).trim().is_empty() {
                p.push(ix, id, field(), MissingLanguage(lang));
            }
            check_len_max(p, ix, id, field, t.get(lang), MAX_DATE_TEXT_CHARS);
        }
    }
    if e.categories.is_empty() {
        p.push(ix, id, "categories", NoCategory);
    }
    for (k, a) in e.actors.iter().enumerate() {
        if !ids.actors.contains(a.as_str()) {
            p.push(ix, id, format!("actors[{k}]"), UnknownActor(short(a)));
        }
    }
    for (k, t) in e.tags.iter().enumerate() {
        if !is_slug(t) {
            p.push(ix, id, format!("tags[{k}]"), NotASlug(short(t)));
        } else if ids.tags.is_some_and(|table| !table.contains(t.as_str())) {
            p.push(ix, id, format!("tags[{k}]"), UnknownTag(short(t)));
        }
    }
    if let Some(place) = &e.place {
        if !is_slug(&place.id) {
            p.push(ix, id, "place.id", NotASlug(short(&place.id)));
        }
        check_text(p, ix, id, "place.name", &place.name);
        if place.lat.is_some_and(|v| !(-90.0..=90.0).contains(&v)) {
            p.push(ix, id, "place.lat", LatitudeOutOfRange);
        }
        if place.lon.is_some_and(|v| !(-180.0..=180.0).contains(&v)) {
            p.push(ix, id, "place.lon", LongitudeOutOfRange);
        }
    }
    if e.sources.is_empty() {
        p.push(ix, id, "sources", NoSource);
    }
    for (k, s) in e.sources.iter().enumerate() {
        check_source(p, i, &e.id, k, s);
    }
    if let Some(m) = &e.media {
        check_media(p, i, &e.id, m);
    }
}

/// Checks event `i`'s media: its URLs (http(s) or relative, at most [`MAX_URL_BYTES`]), `alt`
/// for an image, and its texts in both languages.
fn check_media(p: &mut Problems, i: usize, event_id: &str, m: &Media) {
    use ProblemKind::*;
    let (ix, id) = (Some(i), Some(event_id));
    let urls = [("url", Some(&m.url)), ("link", m.link.as_ref()), ("thumbnail", m.thumbnail.as_ref())];
    for (name, url) in urls {
        let Some(url) = url else { continue };
        if !is_media_url(url) {
            p.push(ix, id, format!("media.{name}"), NotMediaLink);
        } else if url.len() > MAX_URL_BYTES {
            p.push(ix, id, format!("media.{name}"), LinkTooLong { bytes: url.len(), max: MAX_URL_BYTES });
        }
    }
    match &m.alt {
        Some(alt) => check_text(p, ix, id, "media.alt", alt),
        None if MediaInfo::of(&m.url).kind == MediaKind::Image => p.push(ix, id, "media.alt", NoAltText),
        None => {}
    }
    for (name, text) in [("media.caption", &m.caption), ("media.credit", &m.credit)] {
        if let Some(text) = text {
            check_text(p, ix, id, name, text);
        }
    }
}

/// Checks source `k` of event `i`: an http(s) link, a headline or a description, a language tag.
fn check_source(p: &mut Problems, i: usize, event_id: &str, k: usize, s: &Source) {
    use ProblemKind::*;
    let (ix, id) = (Some(i), Some(event_id));
    if !is_http_url(&s.url) {
        p.push(ix, id, format!("sources[{k}].url"), NotHttpLink);
    } else if s.url.len() > MAX_URL_BYTES {
        p.push(ix, id, format!("sources[{k}].url"), LinkTooLong { bytes: s.url.len(), max: MAX_URL_BYTES });
    }
    match (&s.title, &s.about) {
        (None, None) => p.push(ix, id, format!("sources[{k}]"), NoSourceName),
        (Some(title), _) if title.trim().is_empty() => {
            p.push(ix, id, format!("sources[{k}].title"), EmptyTitle)
        }
        _ => {}
    }
    if let Some(title) = &s.title {
        check_len(p, ix, id, || format!("sources[{k}].title"), title);
    }
    if let Some(about) = &s.about {
        check_text(p, ix, id, &format!("sources[{k}].about"), about);
    }
    if let Some(lang) = s.lang.as_deref().filter(|l| !is_language_tag(l)) {
        p.push(ix, id, format!("sources[{k}].lang"), NotALanguageTag(short(lang)));
    }
    check_len(p, ix, id, || format!("sources[{k}].publisher"), &s.publisher);
}

/// Whether `s` has the shape of a BCP 47 language tag: a language subtag of 2 to 8 letters, then
/// subtags of 1 to 8 letters or digits, joined by `-` (`ru`, `en-GB`, `sr-Latn-RS`, `zh-Hant`).
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let language = parts.next().unwrap_or_default();
    s.len() <= 64
        && (2..=8).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|t| (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Puts events in the order datasets keep ([`date_order`]), in place: each cycle of the
/// permutation is followed with swaps, so no second list of events is made (at 100,000 events
/// that list was 30 MB of fresh memory).
fn sort_events(events: &mut [Event]) {
    let mut order = date_order(events);
    for start in 0..order.len() {
        // Position `k` takes the event now at `order[k]`; a visited position is marked by
        // pointing at itself.
        let mut k = start;
        while order[k] as usize != start {
            let from = order[k] as usize;
            events.swap(k, from);
            order[k] = k as u32;
            k = from;
        }
        order[k] = k as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::ProblemKind::*;
    use super::*;
    use crate::core::dataset::model::Category;
    use crate::core::formats::read::load_dataset;

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

    /// The first problem of an event with `media` (a JSON object), as field and kind.
    fn media_problem(media: &str) -> Option<(String, ProblemKind)> {
        let json = minimal(&event("a", &format!(r#","media":{media}"#)));
        load_dataset(&json).err().map(|mut e| {
            let p = e.problems.swap_remove(0);
            assert_eq!(p.id.as_deref(), Some("a"), "the event is named");
            (p.field, p.kind)
        })
    }

    #[test]
    fn media_urls_may_be_http_https_or_relative_to_the_dataset_and_nothing_else() {
        for ok in [
            "https://example.org/a.jpg",
            "HTTP://example.org/a.jpg",
            "img/a.jpg",
            "./a.jpg",
            "../a.jpg",
            "/a.jpg",
            "a.jpg?size=2#x",
            "img/a.jpg?at=12:30",
        ] {
            let media = format!(r#"{{"url":"{ok}","alt":{{"de":"Bild","en":"Picture"}}}}"#);
            assert_eq!(media_problem(&media), None, "{ok}");
            assert!(is_media_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)//a.jpg",
            "data:image/png;base64,AAAA",
            "vbscript:x",
            "//evil.example/a.jpg",
            "https:///a.jpg",
            "img/a b.jpg",
            "",
            "file:///etc/passwd",
        ] {
            assert!(!is_media_url(bad), "{bad}");
            let media = format!(r#"{{"url":"{bad}","alt":{{"de":"Bild","en":"Picture"}}}}"#);
            assert_eq!(media_problem(&media), Some(("media.url".into(), NotMediaLink)), "{bad}");
        }
        // Browsers read a backslash as a slash: `\\host` would be another host.
        assert!(!is_media_url("\\\\evil.example\\a.jpg") && !is_media_url("img\\a.jpg"));
        assert!(!is_media_url("<blockquote>post</blockquote>"), "embed code is not a path");
        for field in ["link", "thumbnail"] {
            let media = format!(r#"{{"url":"https://youtu.be/x","{field}":"javascript:alert(1)"}}"#);
            assert_eq!(media_problem(&media), Some((format!("media.{field}"), NotMediaLink)));
        }
        let long = format!("https://example.org/{}", "a".repeat(MAX_URL_BYTES));
        let (field, kind) = media_problem(&format!(r#"{{"url":"{long}"}}"#)).unwrap();
        assert_eq!(field, "media.url");
        assert!(matches!(kind, LinkTooLong { max: MAX_URL_BYTES, .. }), "{kind:?}");
    }

    #[test]
    fn an_image_needs_alt_text_in_both_languages_and_its_texts_are_checked_like_others() {
        assert_eq!(
            media_problem(r#"{"url":"img/a.png"}"#),
            Some(("media.alt".into(), NoAltText)),
            "an image without alt"
        );
        assert_eq!(
            media_problem(r#"{"url":"img/a.png","alt":{"de":"Bild","en":" "}}"#),
            Some(("media.alt.en".into(), MissingLanguage(Lang::En)))
        );
        // Other media need no alt: they are shown as a link with its own words.
        assert_eq!(media_problem(r#"{"url":"https://vimeo.com/1"}"#), None);
        assert_eq!(
            media_problem(r#"{"url":"https://vimeo.com/1","caption":{"de":"","en":"x"}}"#),
            Some(("media.caption.de".into(), MissingLanguage(Lang::De)))
        );
        let long = "c".repeat(MAX_TEXT_CHARS + 1);
        let credit = format!(r#"{{"url":"https://vimeo.com/1","credit":{{"de":"x","en":"{long}"}}}}"#);
        assert_eq!(
            media_problem(&credit),
            Some(("media.credit.en".into(), TooLong { chars: MAX_TEXT_CHARS + 1, max: MAX_TEXT_CHARS }))
        );
        let (field, kind) = media_problem(r#"{"url":"a.png","alt":{"de":"x","en":"y"},"size":3}"#).unwrap();
        assert_eq!(
            (field.as_str(), matches!(kind, Parse(_))),
            ("media.size", true),
            "unknown fields: {kind:?}"
        );
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
    fn the_ascii_check_for_spaces_and_controls_agrees_with_the_characters_properties() {
        for b in 0u8..0x80 {
            let c = b as char;
            let s = format!("https://example.org/a{c}b");
            assert_eq!(has_space_or_control(&s), c.is_control() || c.is_whitespace(), "{b:#x}");
        }
        assert!(has_space_or_control("https://example.org/\u{85}"));
        assert!(has_space_or_control("https://example.org/\u{2003}x"));
        assert!(!has_space_or_control("https://example.org/Bakı"));
    }

    proptest::proptest! {
        #[test]
        fn events_in_any_order_are_put_in_date_order_each_exactly_once(seed in proptest::collection::vec(0usize..1000, 0..60)) {
            let mut d = crate::core::formats::embedded::embedded_dataset().unwrap();
            let sorted = d.events.clone();
            // A permutation from the seed: swap each position with one the seed picks.
            for (k, &r) in seed.iter().enumerate() {
                let n = d.events.len();
                d.events.swap(k % n, r % n);
            }
            proptest::prop_assert_eq!(validate(d).unwrap().events, sorted);
        }
    }

    #[test]
    fn a_duplicate_id_names_the_second_event() {
        let err = load_dataset(&minimal(&format!("{},{}", event("a", ""), event("a", "")))).unwrap_err();
        assert_eq!(err.problems[0].index, Some(1));
        assert_eq!(err.problems[0].field, "id");
        assert_eq!(err.problems[0].kind, DuplicateId);
    }

    #[test]
    fn an_unresolved_actor_and_related_event_are_named() {
        let bad = event("a", r#","related":[{"id":"nope","relation":"follows"}]"#)
            .replace(r#"["az"]"#, r#"["az","xx"]"#);
        let err = load_dataset(&minimal(&bad)).unwrap_err();
        let fields: Vec<_> = err.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["actors[1]", "related[0].id"]);
        let kinds: Vec<_> = err.problems.iter().map(|p| p.kind.clone()).collect();
        assert_eq!(kinds, [UnknownActor("xx".into()), UnknownEvent("nope".into())]);
        assert!(err.to_string().contains("Event #1 (a)"), "{err}");
    }

    #[test]
    fn a_malformed_date_names_the_event_and_field() {
        let bad = event("broken", "").replace("2025-11-06", "2025-02-30");
        let err = load_dataset(&minimal(&format!("{},{bad}", event("ok", "")))).unwrap_err();
        assert_eq!(err.problems[0].index, Some(1));
        assert_eq!(err.problems[0].id.as_deref(), Some("broken"));
        assert_eq!(err.problems[0].field, "date");
        assert_eq!(
            err.problems[0].kind,
            InvalidDate { value: "2025-02-30".into(), error: DateError::NoSuchDate }
        );
    }

    #[test]
    fn a_date_that_is_not_a_date_is_named_as_a_date_and_other_parser_errors_keep_their_detail() {
        let kind = |extra: &str, from: &str, to: &str| {
            let err = load_dataset(&minimal(&event("a", extra).replacen(from, to, 1))).unwrap_err();
            (err.problems[0].field.clone(), err.problems[0].kind.clone())
        };
        let date = |value: &str, error| InvalidDate { value: value.into(), error };
        assert_eq!(
            kind(r#","end":"yesterday""#, "", ""),
            ("end".into(), date("yesterday", DateError::Format))
        );
        assert_eq!(
            kind("", "2025-11-06", "10000"),
            ("date".into(), date("10000", DateError::YearOutOfRange))
        );
        assert_eq!(
            kind("", "2025-11-06", "-100000-01"),
            ("date".into(), date("-100000-01", DateError::YearOnly))
        );
        assert_eq!(
            kind("", r#""url":"https://example.org/a""#, r#""url":"https://example.org/a","date":"2025-13""#),
            ("sources[0].date".into(), date("2025-13", DateError::NoSuchDate))
        );
        // Not a text, or a field called `date` where there is none: the parser says why.
        let (field, k) = kind("", r#""2025-11-06""#, "2025");
        assert_eq!(field, "date");
        assert!(matches!(&k, Parse(d) if d.contains("invalid type")), "{k:?}");
        let (field, k) = kind(r#","place":{"id":"x","name":{"de":"X","en":"X"},"date":"nope"}"#, "", "");
        assert_eq!(field, "place.date");
        assert!(matches!(&k, Parse(d) if d.contains("unknown field")), "{k:?}");
        // A huge date is quoted short.
        let huge = "9".repeat(100_000);
        let (_, k) = kind("", "2025-11-06", &huge);
        assert!(
            matches!(&k, InvalidDate { value, .. } if value.chars().count() <= MAX_QUOTED_CHARS + 1),
            "{k:?}"
        );
    }

    #[test]
    fn an_end_before_the_start_is_rejected() {
        let err = load_dataset(&minimal(&event("a", r#","end":"2025-10""#))).unwrap_err();
        assert_eq!(err.problems[0].field, "end");
        let (end, start) =
            (PartialDate::parse("2025-10").unwrap(), PartialDate::parse("2025-11-06").unwrap());
        assert_eq!(err.problems[0].kind, EndBeforeStart { end, start });
        // An end in the same month as a day-precise start is fine.
        assert!(load_dataset(&minimal(&event("a", r#","end":"2025-11""#))).is_ok());
    }

    #[test]
    fn a_missing_language_or_source_is_rejected() {
        let no_en = event("a", "").replace(r#""en":"Title""#, r#""en":"  ""#);
        let first = |json: &str| {
            let p = load_dataset(&minimal(json)).unwrap_err().problems.swap_remove(0);
            (p.field, p.kind)
        };
        assert_eq!(first(&no_en), ("title.en".into(), MissingLanguage(Lang::En)));
        let no_de = event("a", "").replace(r#"{"de":"Text","en":"Text"}"#, r#"{"en":"Text"}"#);
        assert_eq!(first(&no_de), ("summary".into(), Parse("missing field `de`".into())));
        let empty_de = event("a", "").replace(r#"{"de":"Text","en":"Text"}"#, r#"{"de":"","en":"Text"}"#);
        assert_eq!(first(&empty_de), ("summary.de".into(), MissingLanguage(Lang::De)));
        let no_src =
            event("a", "").replace(r#"[{"title":"S","publisher":"P","url":"https://example.org/a"}]"#, "[]");
        assert_eq!(first(&no_src), ("sources".into(), NoSource));
    }

    #[test]
    fn a_source_is_named_by_its_headline_or_by_a_description_in_both_languages() {
        let with_source = |source: &str| {
            event("a", "").replace(r#"{"title":"S","publisher":"P","url":"https://example.org/a"}"#, source)
        };
        // A description stands in for an unknown headline; language and kind are optional.
        for ok in [
            r#"{"publisher":"P","url":"https://example.org/a","about":{"de":"Bericht","en":"Report"}}"#,
            r#"{"title":"Заголовок","lang":"ru","kind":"report","publisher":"P","url":"https://example.org/a"}"#,
            r#"{"title":"T","lang":"sr-Latn-RS","kind":"republication","publisher":"P","url":"https://example.org/a","date":"2025-12"}"#,
        ] {
            load_dataset(&minimal(&with_source(ok))).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        for (bad, field, kind) in [
            (r#"{"publisher":"P","url":"https://example.org/a"}"#, "sources[0]", NoSourceName),
            (
                r#"{"title":" ","publisher":"P","url":"https://example.org/a"}"#,
                "sources[0].title",
                EmptyTitle,
            ),
            (
                r#"{"publisher":"P","url":"https://example.org/a","about":{"de":"Bericht","en":""}}"#,
                "sources[0].about.en",
                MissingLanguage(Lang::En),
            ),
            (
                r#"{"title":"T","lang":"русский","publisher":"P","url":"https://example.org/a"}"#,
                "sources[0].lang",
                NotALanguageTag("русский".into()),
            ),
            (
                r#"{"title":"T","lang":"e","publisher":"P","url":"https://example.org/a"}"#,
                "sources[0].lang",
                NotALanguageTag("e".into()),
            ),
        ] {
            let err = load_dataset(&minimal(&with_source(bad))).unwrap_err();
            assert_eq!((err.problems[0].field.as_str(), &err.problems[0].kind), (field, &kind), "{bad}");
        }
        // An unknown kind is named by the reader.
        let err = load_dataset(&minimal(&with_source(
            r#"{"title":"T","kind":"rumour","publisher":"P","url":"https://example.org/a"}"#,
        )))
        .unwrap_err();
        assert_eq!(err.problems[0].field, "sources[0].kind");
        assert!(matches!(&err.problems[0].kind, Parse(d) if d.contains("unknown variant `rumour`")), "{err}");
    }

    #[test]
    fn with_a_tag_table_every_tag_must_be_named_and_without_one_any_slug_goes() {
        let tagged = event("a", r#","tags":["oil","gas"]"#);
        let table = |entries: &str| {
            minimal(&tagged).replacen("\"events\"", &format!("\"tags\":[{entries}],\"events\""), 1)
        };
        let oil = r#"{"id":"oil","name":{"de":"Öl","en":"oil"}}"#;
        let gas = r#"{"id":"gas","name":{"de":"Gas","en":"gas"}}"#;
        load_dataset(&minimal(&tagged)).unwrap();
        let d = load_dataset(&table(&format!("{oil},{gas}"))).unwrap();
        assert_eq!(d.tag_name("oil", Lang::De), "Öl");
        let err = load_dataset(&table(oil)).unwrap_err();
        assert_eq!(
            (err.problems[0].field.as_str(), &err.problems[0].kind),
            ("tags[1]", &UnknownTag("gas".into()))
        );
        let err = load_dataset(&table(&format!("{oil},{gas},{oil}"))).unwrap_err();
        assert_eq!(
            (err.problems[0].field.as_str(), &err.problems[0].kind),
            ("tags[2].id", &DuplicateTag("oil".into()))
        );
        assert_eq!(err.problems[0].index, None, "the table is the dataset's, not an event's");
        let err = load_dataset(&table(&format!(r#"{oil},{{"id":"gas","name":{{"de":"","en":"gas"}}}}"#)))
            .unwrap_err();
        assert_eq!(err.problems[0].field, "tags[1].name.de");
        let err =
            load_dataset(&table(&format!(r#"{oil},{gas},{{"id":"Bad Tag","name":{{"de":"x","en":"x"}}}}"#)))
                .unwrap_err();
        assert_eq!(err.problems[0].kind, NotASlug("Bad Tag".into()));
    }

    #[test]
    fn a_description_needs_both_languages() {
        let with = |d: &str| {
            minimal(&event("a", "")).replacen("\"events\"", &format!("\"description\":{d},\"events\""), 1)
        };
        let d = load_dataset(&with(r#"{"de":"Worum es geht","en":"What it covers"}"#)).unwrap();
        assert_eq!(d.description.unwrap().en, "What it covers");
        let err = load_dataset(&with(r#"{"de":"Worum es geht","en":" "}"#)).unwrap_err();
        assert_eq!(
            (err.problems[0].field.as_str(), &err.problems[0].kind),
            ("description.en", &MissingLanguage(Lang::En))
        );
        let err = load_dataset(&with(r#""just text""#)).unwrap_err();
        assert_eq!(err.problems[0].field, "description");
    }

    #[test]
    fn periods_are_read_and_need_unique_slugs_both_languages_and_an_end_on_or_after_the_start() {
        let with = |periods: &str| {
            minimal(&event("a", "")).replacen("\"events\"", &format!("\"periods\":[{periods}],\"events\""), 1)
        };
        let period = |id: &str, from: &str, to: &str| {
            format!(r#"{{"id":"{id}","title":{{"de":"Krieg","en":"War"}},"from":"{from}","to":"{to}"}}"#)
        };
        let d = load_dataset(&with(&format!(
            r#"{},{{"id":"b","title":["Amt","Term"],"from":"2025","to":"2026-01","category":"diplomacy"}}"#,
            period("a", "2022-02-24", "2022-02-24")
        )))
        .unwrap();
        let periods = d.periods.unwrap();
        assert_eq!(periods.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!((periods[1].title.en.as_str(), periods[1].category), ("Term", Some(Category::Diplomacy)));
        assert_eq!(periods[1].to.to_string(), "2026-01");
        assert_eq!(load_dataset(&minimal(&event("a", ""))).unwrap().periods, None);
        let err =
            load_dataset(&with(&format!("{},{}", period("a", "2022", "2023"), period("a", "2024", "2025"))))
                .unwrap_err();
        assert_eq!(
            (err.problems[0].field.as_str(), &err.problems[0].kind),
            ("periods[1].id", &DuplicatePeriod("a".into()))
        );
        assert!(err.problems[0].message(Lang::De).contains("Zeitabschnitt"), "{err}");
        let err = load_dataset(&with(&period("a", "2023-05", "2023-04-30"))).unwrap_err();
        assert_eq!(err.problems[0].field, "periods[0].to");
        assert!(matches!(err.problems[0].kind, EndBeforeStart { .. }));
        // A year as the end of a period starting within it is fine.
        assert!(load_dataset(&with(&period("a", "2023-05", "2023"))).is_ok());
        let err = load_dataset(&with(&period("Not A Slug", "2022", "2023"))).unwrap_err();
        assert_eq!(err.problems[0].field, "periods[0].id");
        let err = load_dataset(&with(&period("a", "2022-13", "2023"))).unwrap_err();
        assert!(err.problems[0].field.starts_with("periods"), "{err}");
    }

    #[test]
    fn a_date_text_needs_both_languages_and_is_short() {
        let with = |t: &str| minimal(&event("a", &format!(r#","date_text":{t}"#)));
        let d = load_dataset(&with(r#"{"de":"Frühjahr 2025","en":"Spring 2025"}"#)).unwrap();
        let t = d.events[0].date_text.as_ref().unwrap();
        assert_eq!((t.de.as_str(), t.en.as_str()), ("Frühjahr 2025", "Spring 2025"));
        assert_eq!(d.events[0].date.to_string(), "2025-11-06", "the event is still placed by its date");
        assert_eq!(load_dataset(&minimal(&event("a", ""))).unwrap().events[0].date_text, None);
        let err = load_dataset(&with(r#"{"de":"","en":"Spring"}"#)).unwrap_err();
        assert_eq!(
            (err.problems[0].field.as_str(), &err.problems[0].kind),
            ("date_text.de", &MissingLanguage(Lang::De))
        );
        let long = "ä".repeat(MAX_DATE_TEXT_CHARS + 1);
        let err = load_dataset(&with(&format!(r#"{{"de":"Frühjahr","en":"{long}"}}"#))).unwrap_err();
        assert_eq!(
            (err.problems[0].field.as_str(), &err.problems[0].kind),
            ("date_text.en", &TooLong { chars: MAX_DATE_TEXT_CHARS + 1, max: MAX_DATE_TEXT_CHARS })
        );
        let at = "ä".repeat(MAX_DATE_TEXT_CHARS);
        assert!(load_dataset(&with(&format!(r#"{{"de":"{at}","en":"{at}"}}"#))).is_ok());
        let err = load_dataset(&with(r#""Spring 2025""#)).unwrap_err();
        assert_eq!(err.problems[0].field, "date_text");
    }

    #[test]
    fn a_language_tag_has_a_language_subtag_then_short_subtags() {
        for ok in ["ru", "en", "de", "hu", "uk", "az", "pt-BR", "sr-Latn-RS", "zh-Hant", "de-CH-1996"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "-ru", "ru-", "ru--RU", "ru RU", "en_GB", "русский", "x-toolongsubtag1", "1a"]
        {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn script_and_data_links_in_sources_are_rejected() {
        for url in [
            "javascript:alert(1)",
            "data:text/html,x",
            "JAVASCRIPT:alert(1)",
            "//evil.example",
            "https://a b",
            "https://",
            "http://",
            "https://?x",
            "https:///x",
            " https://example.org",
            "\u{202E}https://example.org",
        ] {
            let bad = event("a", "").replace("https://example.org/a", url);
            let err = load_dataset(&minimal(&bad)).unwrap_err();
            assert_eq!(err.problems[0].field, "sources[0].url", "{url}");
            assert_eq!(err.problems[0].kind, NotHttpLink, "{url}");
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
        let Parse(m) = &err.problems[0].kind else { panic!("{err:?}") };
        assert!(m.chars().count() <= MAX_DETAIL_CHARS, "{} chars", m.chars().count());
        assert!(m.starts_with("unknown variant `<script>") && m.ends_with("`transport`, `analysis`"), "{m}");
        for lang in Lang::ALL {
            let n = err.problems[0].message(lang).chars().count();
            assert!(n <= MAX_MESSAGE_CHARS, "{lang:?}: {n} chars");
        }
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
            assert_eq!(err.problems[0].kind, TooLong { chars: long.chars().count(), max: MAX_TEXT_CHARS });
            assert!(err.problems[0].message(Lang::En).contains("10,000"), "{err}");
            assert!(err.problems[0].message(Lang::De).contains("10.000"), "{err}");
        }
        let url = format!("https://example.org/{}", "a".repeat(MAX_URL_BYTES));
        let err = load_dataset(&minimal(&event("a", "").replace("https://example.org/a", &url))).unwrap_err();
        assert_eq!(err.problems[0].field, "sources[0].url");
        assert_eq!(err.problems[0].kind, LinkTooLong { bytes: url.len(), max: MAX_URL_BYTES });
        // Exactly at the limit is fine; multi-byte chars count as one.
        let at = "ä".repeat(MAX_TEXT_CHARS);
        assert!(load_dataset(&minimal(
            &event("a", "").replace(r#""en":"Title""#, &format!(r#""en":"{at}""#))
        ))
        .is_ok());
    }

    #[test]
    fn every_broken_event_is_reported_not_just_the_first() {
        let e1 = event("a", "").replace(r#""military""#, r#""cooking""#);
        let e2 = event("b", "").replace(r#""confirmed""#, r#""rumour""#);
        let err = load_dataset(&minimal(&format!("{e1},{e2}"))).unwrap_err();
        assert_eq!(err.total, 2);
        assert_eq!(err.problems[0].field, "categories[0]");
        assert_eq!(err.problems[1].field, "confidence");
        assert!(
            err.problems.iter().all(|p| matches!(&p.kind, Parse(d) if d.starts_with("unknown variant"))),
            "{err:?}"
        );
    }

    #[test]
    fn garbage_and_deep_nesting_give_an_error_not_a_panic() {
        for text in ["", "null", "[]", "{", r#"{"events":5}"#, "\u{0}"] {
            assert!(load_dataset(text).is_err(), "{text:?}");
        }
        // 10,000 levels of nesting anywhere: refused with a problem that names where, never a
        // stack overflow.
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let err = load_dataset(&deep).unwrap_err();
        assert_eq!(err.problems[0].field, DATASET_FIELD, "{err:?}");
        let err = load_dataset(&format!(r#"{{"events":{deep}}}"#)).unwrap_err();
        assert_eq!((err.problems[0].index, err.problems[0].field.as_str()), (Some(0), "event[0]"), "{err:?}");
        let err = load_dataset(&format!(r#"{{"title":{deep},"events":[]}}"#)).unwrap_err();
        assert_eq!(err.problems[0].field, "title[0]", "{err:?}");
        let err = load_dataset(&minimal(&event("a", &format!(r#","tags":[{deep}]"#)))).unwrap_err();
        assert_eq!(err.problems[0].field, "tags[0]", "{err:?}");
    }

    #[test]
    fn too_many_problems_are_counted_not_listed() {
        let events: Vec<String> =
            (0..20).map(|i| event(&format!("e{i}"), "").replace("\"az\"", "\"zz\"")).collect();
        let err = load_dataset(&minimal(&events.join(","))).unwrap_err();
        assert_eq!(err.problems.len(), MAX_REPORTED);
        assert_eq!(err.total, 20);
        assert!(err.to_string().ends_with("and 12 more"));
    }
}
