//! Import of vis-timeline's data as JSON: a list of items, or `{"items": […], "groups": […]}`.
//!
//! An item's `content` becomes the event's title and its `title` (vis-timeline's tooltip) the
//! summary, both with their HTML reduced to text; `start` and `end` are ISO dates (with or
//! without a time) or milliseconds since 1970; `group` becomes a tag named by the group's
//! `content` (and a category where that names one); items of `type: "background"` become
//! periods. Ids that are slugs are kept, others are made. What the dataset cannot show (times
//! of day, styles, subgroups, nested groups) is counted in [`VisNote`]s.
//!
//! Compiled natively always, and into wasm only with the `import` feature: the reader's bundle
//! only recognises this shape ([`crate::core::formats::read::looks_like_vis`]) and hands the
//! text to the import module, as it does a sheet (see docs/import.md).

use crate::core::dataset::date::{DateError, PartialDate};
use crate::core::dataset::model::{Category, Confidence, Dataset, Event, Period, Source, Tag, Text};
use crate::core::dataset::validate::{
    clip, is_http_url, is_slug, short, validate, DatasetError, ProblemKind, Problems, DATASET_FIELD,
    MAX_DATASET_BYTES, MAX_EVENTS, MAX_TEXT_CHARS,
};
use crate::core::formats::json::Value;
use crate::core::formats::timelinejs::{category_for, html_to_text, slug};
use crate::core::util::hashing::{set_with_capacity, FastSet};

/// What vis-timeline would show that the dataset shows otherwise or not at all, counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VisNote {
    /// This many items with a time of day: placed on their day.
    TimesOfDay(usize),
    /// This many items or groups with a `className` or `style` of their own.
    Styles(usize),
    /// This many items in a subgroup: shown in their group.
    Subgroups(usize),
    /// This many groups with nested groups: each shown on its own.
    NestedGroups(usize),
}

/// A date given as vis-timeline takes it, and whether it had a time of day other than midnight.
fn vis_date(v: &Value) -> Result<(PartialDate, bool), ProblemKind> {
    match v {
        Value::Number(ms, _) => {
            let ms = if ms.is_finite() && ms.abs() < 9e15 { *ms as i64 } else { i64::MAX };
            let at = chrono::DateTime::from_timestamp_millis(ms).ok_or(ProblemKind::InvalidDate {
                value: short(&ms.to_string()),
                error: DateError::YearOutOfRange,
            })?;
            let (date, time) = (at.date_naive(), at.time());
            use chrono::{Datelike, Timelike};
            let d = PartialDate::day(i64::from(date.year()), date.month(), date.day())
                .map_err(|error| ProblemKind::InvalidDate { value: date.to_string(), error })?;
            Ok((d, time.num_seconds_from_midnight() != 0 || time.nanosecond() != 0))
        }
        Value::String(s) => {
            string_date(s.trim()).map_err(|error| ProblemKind::InvalidDate { value: short(s), error })
        }
        Value::Null => Err(ProblemKind::Missing),
        _ => Err(ProblemKind::InvalidDate { value: String::new(), error: DateError::Format }),
    }
}

/// An ISO date (`2014-04-20`, `2014-04`, `2014`, also with `/`, and with an expanded year as
/// JavaScript writes one: `-000300-01-01`, `+010000-01-01`, numbered as ISO 8601 numbers them),
/// perhaps followed by a time (`T10:00:00Z`, ` 10:00`), at the precision written; the time only
/// says whether it is other than midnight. The date is the one written, whatever the time zone.
fn string_date(s: &str) -> Result<(PartialDate, bool), DateError> {
    let (date, time) = match s.find(['T', 't', ' ']) {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    };
    let clock = time.split(['Z', 'z', '+', '-']).next().unwrap_or("");
    let at_time = clock.bytes().any(|b| b.is_ascii_digit() && b != b'0');
    // An expanded year has a sign and six digits.
    let (sign, date, year_digits) = match date.as_bytes().first() {
        Some(b'-') => (-1, &date[1..], 6),
        Some(b'+') => (1, &date[1..], 6),
        _ => (1, date, 4),
    };
    let parts: Vec<&str> = date.split(['-', '/']).collect();
    let digits = |p: &str, most: usize| -> Result<u32, DateError> {
        if p.is_empty() || p.len() > most || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::Format);
        }
        p.parse().map_err(|_| DateError::Format)
    };
    let year = |p: &str| digits(p, year_digits).map(|y| sign * i64::from(y));
    let number = |p: &str| digits(p, 2);
    let d = match parts.as_slice() {
        [y] => PartialDate::year(year(y)?)?,
        [y, m] => PartialDate::month(year(y)?, number(m)?)?,
        [y, m, d] => PartialDate::day(year(y)?, number(m)?, number(d)?)?,
        _ => return Err(DateError::Format),
    };
    Ok((d, at_time))
}

/// A value's text: a string as it is, a number written out, nothing else.
fn as_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(_, Some(n)) => Some(n.to_string()),
        Value::Number(f, None) => Some(zmij::Buffer::new().format(*f).to_string()),
        _ => None,
    }
}

/// HTML reduced to text, cut to the validator's bound and marked where cut.
fn plain(v: Option<&Value>) -> String {
    let s = v.and_then(Value::as_str).map(html_to_text).unwrap_or_default();
    match s.char_indices().nth(MAX_TEXT_CHARS) {
        Some(_) => s.chars().take(MAX_TEXT_CHARS - 1).chain(['…']).collect(),
        None => s,
    }
}

fn both(s: String) -> Text {
    Text { de: s.clone(), en: s }
}

/// The groups by their id (as text): each one's tag slug and name.
struct Groups {
    by_id: Vec<(String, String, String)>,
    table: Vec<Tag>,
    used: FastSet<String>,
}

impl Groups {
    fn new(groups: &[Value], styled: &mut usize, nested: &mut usize) -> Groups {
        let mut by_id = Vec::new();
        let mut slugs: FastSet<String> = set_with_capacity(groups.len());
        for g in groups {
            let Some(id) = as_text(g.get("id")) else { continue };
            let name = Some(plain(g.get("content"))).filter(|n| !n.is_empty()).unwrap_or_else(|| id.clone());
            let mut tag = slug(&name);
            if tag.is_empty() || slugs.contains(&tag) {
                tag = format!("group-{}", by_id.len() + 1);
            }
            slugs.insert(tag.clone());
            *styled += usize::from(g.get("className").is_some() || g.get("style").is_some());
            *nested +=
                usize::from(g.get("nestedGroups").and_then(Value::as_array).is_some_and(|n| !n.is_empty()));
            by_id.push((id, tag, name));
        }
        Groups { by_id, table: Vec::new(), used: set_with_capacity(8) }
    }

    /// The tag and name of group `id` (a group not in the list is named by its id), put in the
    /// tag table when first met.
    fn tag(&mut self, id: &str) -> Option<(String, String)> {
        let (tag, name) = match self.by_id.iter().find(|(g, _, _)| g == id) {
            Some((_, tag, name)) => (tag.clone(), name.clone()),
            None => (slug(id), id.to_string()),
        };
        if tag.is_empty() {
            return None;
        }
        if self.used.insert(tag.clone()) {
            self.table.push(Tag { id: tag.clone(), name: both(name.clone()) });
        }
        Some((tag, name))
    }
}

/// The source every imported event cites: the data's own address when it is a web address,
/// else vis-timeline's.
fn source(origin: Option<&str>) -> Source {
    let (url, publisher) = match origin.filter(|o| is_http_url(o)) {
        Some(o) => (o.to_string(), crate::core::dataset::media::host(o).unwrap_or_default()),
        None => ("https://visjs.github.io/vis-timeline/".to_string(), "vis-timeline".to_string()),
    };
    Source {
        title: None,
        publisher,
        url,
        date: None,
        lang: None,
        about: Some(Text {
            de: "Aus vis-timeline-Daten übernommen".into(),
            en: "Imported from vis-timeline data".into(),
        }),
        kind: None,
    }
}

fn fail(field: &str, kind: ProblemKind) -> DatasetError {
    DatasetError::one(None, None, field, kind)
}

/// Reads vis-timeline data (`text`, from `origin`, its address or the page that held it) into
/// a validated dataset, with what it shows otherwise than vis-timeline would. A date that is
/// not one is an error naming the item and field (`start`), as for any dataset.
pub fn import_vis(text: &str, origin: Option<&str>) -> Result<(Dataset, Vec<VisNote>), DatasetError> {
    if text.len() > MAX_DATASET_BYTES {
        return Err(fail(DATASET_FIELD, ProblemKind::TooLarge { bytes: text.len(), max: MAX_DATASET_BYTES }));
    }
    let root =
        Value::parse(text).map_err(|e| fail(DATASET_FIELD, ProblemKind::NotJson(clip(e.located(text)))))?;
    let (items, groups) = match &root {
        Value::Array(items) => (items.as_slice(), &[][..]),
        _ => {
            let items = root
                .get("items")
                .and_then(Value::as_array)
                .ok_or_else(|| fail("items", ProblemKind::Missing))?;
            (items.as_slice(), root.get("groups").and_then(Value::as_array).map_or(&[][..], Vec::as_slice))
        }
    };
    if items.len() > MAX_EVENTS {
        return Err(fail("items", ProblemKind::TooManyEvents { count: items.len(), max: MAX_EVENTS }));
    }
    let (mut styled, mut nested, mut timed, mut subgrouped) = (0, 0, 0, 0);
    let mut groups = Groups::new(groups, &mut styled, &mut nested);
    let mut problems = Problems::default();
    let (mut events, mut periods) = (Vec::new(), Vec::new());
    let mut ids: FastSet<String> = set_with_capacity(items.len());
    let mut period_ids: FastSet<String> = set_with_capacity(8);
    let source = source(origin);
    let mut next_free = 1;
    for (i, item) in items.iter().enumerate() {
        let given = as_text(item.get("id"));
        let date = |key: &str| item.get(key).filter(|v| !v.is_null()).map(vis_date);
        let (start, start_timed) = match date("start") {
            Some(Ok(d)) => d,
            Some(Err(kind)) => {
                problems.push(Some(i), given.as_deref(), "start", kind);
                continue;
            }
            None => {
                problems.push(Some(i), given.as_deref(), "start", ProblemKind::Missing);
                continue;
            }
        };
        let end = match date("end") {
            Some(Ok((d, t))) => Some((d, t)),
            Some(Err(kind)) => {
                problems.push(Some(i), given.as_deref(), "end", kind);
                continue;
            }
            None => None,
        };
        timed += usize::from(start_timed || end.is_some_and(|(_, t)| t));
        styled += usize::from(item.get("className").is_some() || item.get("style").is_some());
        subgrouped += usize::from(item.get("subgroup").is_some_and(|v| !v.is_null()));
        let kind = item.get("type").and_then(Value::as_str).unwrap_or("");
        // A point or a box marks its start alone, as vis-timeline draws it.
        let end = end
            .map(|(d, _)| d)
            .filter(|d| !matches!(kind, "point" | "box") && d.end_day_exclusive() > start.start_day());
        let content = plain(item.get("content"));
        let tooltip = plain(item.get("title"));
        let title = [&content, &tooltip]
            .into_iter()
            .find(|s| !s.is_empty())
            .cloned()
            .unwrap_or_else(|| "(untitled)".into());
        if kind == "background" {
            let mut id = slug(&title);
            if id.is_empty() || period_ids.contains(&id) {
                id = format!("period-{}", periods.len() + 1);
            }
            period_ids.insert(id.clone());
            periods.push(Period {
                id,
                title: both(title),
                from: start,
                to: end.unwrap_or(start),
                category: None,
            });
            continue;
        }
        let group = as_text(item.get("group")).and_then(|g| groups.tag(&g));
        let category = group.as_ref().and_then(|(_, name)| category_for(name)).unwrap_or(Category::Analysis);
        let summary = if tooltip.is_empty() || tooltip == title { title.clone() } else { tooltip };
        let id = match given.as_deref() {
            Some(g) if is_slug(g) && !ids.contains(g) => g.to_string(),
            _ => fresh_id(&ids, i, &mut next_free),
        };
        ids.insert(id.clone());
        events.push(Event {
            id,
            date: start,
            end,
            approximate: false,
            title: both(title),
            summary: both(summary),
            actors: Vec::new(),
            categories: vec![category],
            tags: group.map(|(tag, _)| vec![tag]).unwrap_or_default(),
            place: None,
            sources: vec![source.clone()],
            related: Vec::new(),
            confidence: Confidence::PerArticle,
            date_text: None,
            media: None,
        });
    }
    if problems.total() > 0 {
        return problems.into_result(Dataset::default()).map(|d| (d, Vec::new()));
    }
    let tags = Some(groups.table).filter(|t| !t.is_empty());
    let dataset = validate(Dataset {
        title: Text { de: "Zeitleiste".into(), en: "Timeline".into() },
        actors: Vec::new(),
        events,
        description: None,
        view: None,
        tags,
        periods: Some(periods).filter(|p| !p.is_empty()),
    })?;
    let counted = [
        (timed, VisNote::TimesOfDay as fn(usize) -> VisNote),
        (styled, VisNote::Styles),
        (subgrouped, VisNote::Subgroups),
        (nested, VisNote::NestedGroups),
    ];
    let notes = counted.into_iter().filter(|(n, _)| *n > 0).map(|(n, note)| note(n)).collect();
    Ok((dataset, notes))
}

/// `item-<n>` for the item at position `i` (n from 1), or the next number not yet taken; numbers
/// are never reused, so the probing stays linear over the whole list.
fn fresh_id(ids: &FastSet<String>, i: usize, next_free: &mut usize) -> String {
    *next_free = (*next_free).max(i + 1);
    while ids.contains(&format!("item-{next_free}")) {
        *next_free += 1;
    }
    *next_free += 1;
    format!("item-{}", *next_free - 1)
}

#[cfg(test)]
mod tests;
