//! Import of TimelineJS3's JSON format, so TimelineJS users can bring their timelines over
//! unchanged: `start_date`/`end_date` keep their precision, `text.headline`/`text.text`
//! become title and summary (HTML turned into plain text), `group` maps to a category and a tag.

use crate::core::dataset::date::{DateError, PartialDate};
use crate::core::dataset::media::{MediaInfo, MediaKind};
use crate::core::dataset::model::{Category, Confidence, Dataset, Event, Media, Period, Source, Tag, Text};
use crate::core::dataset::validate::{
    clip, is_media_url, validate, DatasetError, ProblemKind, Problems, DATASET_FIELD, MAX_DATASET_BYTES,
    MAX_DATE_TEXT_CHARS, MAX_EVENTS, MAX_TEXT_CHARS, MAX_URL_BYTES,
};
use crate::core::formats::json::Value;
use crate::core::formats::read::ImportNote;
use crate::core::util::hashing::{set_with_capacity, FastSet};

/// Whether a JSON text looks like TimelineJS3 (events with `start_date`) rather than the
/// project's own schema (events with `date`).
pub fn looks_like_timelinejs(text: &str) -> bool {
    timelinejs_tree(text).is_some()
}

/// The JSON tree of `text`, if it looks like TimelineJS3 (see [`looks_like_timelinejs`]).
fn timelinejs_tree(text: &str) -> Option<Value> {
    if text.len() > MAX_DATASET_BYTES || !text.trim_start().starts_with('{') {
        return None;
    }
    let v = Value::parse(text).ok()?;
    let events = v.get("events").and_then(Value::as_array)?;
    let tl = events.iter().any(|e| e.get("start_date").is_some())
        && !events.iter().any(|e| e.get("date").is_some());
    tl.then_some(v)
}

/// Reads `text` as TimelineJS3 if it looks like it (see [`looks_like_timelinejs`]), reading it
/// as JSON once for both; with what the dataset shows otherwise than TimelineJS3 would.
pub fn import_if_timelinejs(text: &str) -> Option<Result<(Dataset, Vec<ImportNote>), DatasetError>> {
    timelinejs_tree(text).map(|root| import_tree(&root))
}

/// Inline elements: their edges do not separate words.
const INLINE: [&str; 16] = [
    "a", "abbr", "b", "cite", "code", "em", "font", "i", "mark", "q", "s", "small", "span", "strong", "sub",
    "u",
];

/// The first position at or after `from` where `needle` (ASCII) occurs, ignoring ASCII case.
fn find_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if from > h.len() || n.is_empty() {
        return None;
    }
    h[from..].windows(n.len()).position(|w| w.eq_ignore_ascii_case(n)).map(|p| from + p)
}

/// Plain text from an HTML fragment: tags dropped (with the content of `script` and `style`,
/// which is never run, only removed), comments dropped, common and numeric entities decoded,
/// white space collapsed. A `<` that cannot start a tag (`a < b`) is kept as text. Linear time.
pub fn html_to_text(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut i = 0; // where to look for the next `<`
    let mut text_start = 0; // start of text not yet copied
    while let Some(off) = html[i..].find('<') {
        let lt = i + off;
        let next = bytes.get(lt + 1).copied().unwrap_or(b' ');
        if !(next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?')) {
            i = lt + 1;
            continue;
        }
        out.push_str(&html[text_start..lt]);
        // A `<` kept as text must not meet the text after the removed tag: `<<i>b` is `< b`,
        // never a new tag `<b`.
        if out.ends_with('<') {
            out.push(' ');
        }
        if html[lt..].starts_with("<!--") {
            i = html[lt + 4..].find("-->").map(|j| lt + 4 + j + 3).unwrap_or(html.len());
            text_start = i;
            continue;
        }
        let end = html[lt..].find('>').map(|j| lt + j + 1).unwrap_or(html.len());
        let closing = next == b'/';
        let name_start = lt + 1 + usize::from(closing);
        let name: String = bytes[name_start.min(bytes.len())..end]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .map(|b| b.to_ascii_lowercase() as char)
            .collect();
        i = end;
        if !closing && (name == "script" || name == "style") {
            i = match find_ci(html, end, &format!("</{name}")) {
                Some(c) => html[c..].find('>').map(|j| c + j + 1).unwrap_or(html.len()),
                None => html.len(),
            };
        }
        if !INLINE.contains(&name.as_str()) {
            out.push(' ');
        }
        text_start = i;
    }
    out.push_str(&html[text_start..]);
    let decoded = decode_entities(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        // The `;` is ASCII, so its byte position is a character boundary.
        let semi = after.as_bytes().iter().take(12).position(|&b| b == b';');
        let decoded = semi.and_then(|i| {
            let name = &after[1..i];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                n if n.starts_with("#x") || n.starts_with("#X") => {
                    let hex = &n[2..];
                    hex.bytes()
                        .all(|b| b.is_ascii_hexdigit())
                        .then(|| u32::from_str_radix(hex, 16).ok())
                        .flatten()
                        .and_then(char::from_u32)
                }
                n if n.starts_with('#') => {
                    let dec = &n[1..];
                    dec.bytes()
                        .all(|b| b.is_ascii_digit())
                        .then(|| dec.parse::<u32>().ok())
                        .flatten()
                        .and_then(char::from_u32)
                }
                _ => None,
            };
            c.map(|c| (c, i + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(if c.is_control() { ' ' } else { c });
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A number or a numeric string; `Ok(None)` when absent, `null` or empty.
fn number(v: Option<&Value>) -> Result<Option<i64>, ()> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| ()),
        Some(Value::Number(f, int)) => int
            .or_else(|| Some(*f).filter(|f| f.fract() == 0.0 && f.abs() < 1e12).map(|f| f as i64))
            .map(Some)
            .ok_or(()),
        Some(_) => Err(()),
    }
}

/// The ISO 8601 year of a TimelineJS year, so that the reader sees the year its author saw:
/// TimelineJS shows year -300 as "300 BCE" (it has no year 0 in its labels), which is ISO year
/// -0299 ("300 BC" here); from -100,000 back it counts years ago, and so do the labels here, so
/// those years stay as they are. Year 0, which TimelineJS shows as "0", becomes 1 BC.
pub fn astronomical_year(year: i64) -> i64 {
    if (-99_999..0).contains(&year) {
        year + 1
    } else {
        year
    }
}

/// A TimelineJS date object as a date of the same precision; on error the sub-field
/// (`year`, `month`, `day` or empty for the whole object) and what is wrong.
fn tl_date(v: &Value) -> Result<PartialDate, (&'static str, ProblemKind)> {
    if !v.is_object() {
        return Err(("", ProblemKind::NotADateObject));
    }
    let part = |key: &'static str| number(v.get(key)).map_err(|()| (key, ProblemKind::NotAWholeNumber));
    let year = part("year")?.ok_or(("year", ProblemKind::Missing))?;
    let month = part("month")?;
    let day = part("day")?;
    let invalid = |key: &'static str, error: DateError| {
        (key, ProblemKind::InvalidDateParts { error, year, month, day })
    };
    let y = astronomical_year(year);
    let fit = |key: &'static str, n: i64| u32::try_from(n).map_err(|_| invalid(key, DateError::NoSuchDate));
    let date = match (month, day) {
        (Some(m), Some(d)) => PartialDate::day(y, fit("month", m)?, fit("day", d)?),
        (Some(m), None) => PartialDate::month(y, fit("month", m)?),
        (None, Some(_)) => return Err(("month", ProblemKind::DayWithoutMonth)),
        (None, None) => PartialDate::year(y),
    };
    date.map_err(|e| {
        let key = match (&e, month) {
            (DateError::YearOutOfRange, _) => "year",
            (DateError::YearOnly, _) => "month",
            (_, Some(m)) if !(1..=12).contains(&m) => "month",
            _ => "day",
        };
        invalid(key, e)
    })
}

fn field(name: &str, sub: &str) -> String {
    if sub.is_empty() {
        name.to_string()
    } else {
        format!("{name}.{sub}")
    }
}

pub(crate) fn category_for(group: &str) -> Option<Category> {
    let g: String = group.trim().chars().map(crate::core::query::search::lower).collect();
    Category::ALL.into_iter().find(|c| c.code() == g).or(match g.as_str() {
        "diplomatie" => Some(Category::Diplomacy),
        "militär" | "militaer" => Some(Category::Military),
        "energie" => Some(Category::Energy),
        "verkehr" => Some(Category::Transport),
        "analyse" => Some(Category::Analysis),
        _ => None,
    })
}

pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().map(crate::core::query::search::lower) {
        let t = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            _ => "",
        };
        if !t.is_empty() {
            out.push_str(t);
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

/// The same text in both languages, cut to the validator's [`MAX_TEXT_CHARS`] (a TimelineJS
/// slide may hold a whole article: it is shortened and marked, not refused).
fn both(s: String) -> Text {
    let s = match s.char_indices().nth(MAX_TEXT_CHARS) {
        Some(_) => {
            let mut cut: String = s.chars().take(MAX_TEXT_CHARS - 1).collect();
            cut.push('…');
            cut
        }
        None => s,
    };
    Text { de: s.clone(), en: s }
}

/// A slide's `display_date` as the event's `date_text` (the same in both languages): the
/// slide's own, or else its dates' (`start_date.display_date`, with `end_date`'s after a dash).
/// Markup is reduced to text; a text longer than [`MAX_DATE_TEXT_CHARS`] is cut and marked.
fn display_date(slide: &Value) -> Option<Text> {
    let of = |v: Option<&Value>| {
        v.and_then(Value::as_str).map(html_to_text).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
    };
    let text = of(slide.get("display_date")).or_else(|| {
        let start = of(slide.get("start_date").and_then(|d| d.get("display_date")))?;
        Some(match of(slide.get("end_date").and_then(|d| d.get("display_date"))) {
            Some(end) if end != start => format!("{start} – {end}"),
            _ => start,
        })
    })?;
    date_text(&text)
}

/// A display date as an event's `date_text`, the same in both languages (the sources have one
/// language): `None` when it is empty; a text longer than [`MAX_DATE_TEXT_CHARS`] is cut and
/// marked.
pub(crate) fn date_text(text: &str) -> Option<Text> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let text: String = match text.char_indices().nth(MAX_DATE_TEXT_CHARS) {
        Some(_) => text.chars().take(MAX_DATE_TEXT_CHARS - 1).chain(['…']).collect(),
        None => text.to_string(),
    };
    Some(Text { de: text.clone(), en: text })
}

/// A problem with the file as a whole or one of its top-level fields (no event named).
fn fail(field: &str, kind: ProblemKind) -> DatasetError {
    DatasetError::one(None, None, field, kind)
}

/// Reads a TimelineJS3 JSON text into a validated dataset.
pub fn import(text: &str) -> Result<Dataset, DatasetError> {
    import_noted(text).map(|(d, _)| d)
}

/// Like [`import`], with what the dataset shows otherwise than TimelineJS3 would.
pub fn import_noted(text: &str) -> Result<(Dataset, Vec<ImportNote>), DatasetError> {
    if text.len() > MAX_DATASET_BYTES {
        return Err(fail(DATASET_FIELD, ProblemKind::TooLarge { bytes: text.len(), max: MAX_DATASET_BYTES }));
    }
    let root =
        Value::parse(text).map_err(|e| fail(DATASET_FIELD, ProblemKind::NotJson(clip(e.located(text)))))?;
    import_tree(&root)
}

/// A TimelineJS3 JSON tree as a validated dataset.
fn import_tree(root: &Value) -> Result<(Dataset, Vec<ImportNote>), DatasetError> {
    let events =
        root.get("events").and_then(Value::as_array).ok_or_else(|| fail("events", ProblemKind::Missing))?;
    if events.len() > MAX_EVENTS {
        return Err(fail("events", ProblemKind::TooManyEvents { count: events.len(), max: MAX_EVENTS }));
    }
    let mut problems = Problems::default();
    let mut out = Vec::new();
    let mut ids = set_with_capacity(events.len());
    let mut next_free = 1;
    let mut tags = GroupTags::default();
    let mut counts = Counts::default();
    for (i, e) in events.iter().enumerate() {
        let given_id = e.get("unique_id").and_then(Value::as_str);
        let mut report = |field: &str, kind: ProblemKind| problems.push(Some(i), given_id, field, kind);
        let start = match e.get("start_date").map(tl_date) {
            Some(Ok(d)) => d,
            Some(Err((sub, m))) => {
                report(&field("start_date", sub), m);
                continue;
            }
            None => {
                report("start_date", ProblemKind::Missing);
                continue;
            }
        };
        let end = match e.get("end_date").filter(|v| !v.is_null()).map(tl_date) {
            Some(Ok(d)) => Some(d),
            Some(Err((sub, m))) => {
                report(&field("end_date", sub), m);
                continue;
            }
            None => None,
        };
        let textv = e.get("text");
        let headline = textv
            .and_then(|t| t.get("headline"))
            .and_then(Value::as_str)
            .map(html_to_text)
            .unwrap_or_default();
        let body =
            textv.and_then(|t| t.get("text")).and_then(Value::as_str).map(html_to_text).unwrap_or_default();
        let title = if headline.is_empty() { "(untitled)".to_string() } else { headline };
        let summary = if body.is_empty() { title.clone() } else { body };
        let date_text = display_date(e);
        let media = slide_media(e, &title, &mut counts);
        counts.backgrounds += usize::from(has_background(e));
        let group = e.get("group").and_then(Value::as_str).unwrap_or("");
        let category = category_for(group).unwrap_or(Category::Analysis);
        let mut id = match e.get("unique_id") {
            Some(Value::String(s)) => slug(s),
            Some(Value::Number(_, Some(n))) => slug(&n.to_string()),
            Some(Value::Number(f, None)) => slug(zmij::Buffer::new().format(*f)),
            _ => String::new(),
        };
        if id.is_empty() || ids.contains(&id) {
            // `event-<n>`, n = position from 1, or the next free number (never reused, so
            // the probing stays linear overall).
            next_free = next_free.max(i + 1);
            while ids.contains(&format!("event-{next_free}")) {
                next_free += 1;
            }
            id = format!("event-{next_free}");
            next_free += 1;
        }
        ids.insert(id.clone());
        out.push(Event {
            id,
            date: start,
            end: end.filter(|d| d.end_day_exclusive() > start.start_day()),
            approximate: false,
            title: both(title),
            summary: both(summary),
            actors: Vec::new(),
            categories: vec![category],
            tags: tags.of(group),
            place: None,
            sources: vec![Source {
                title: None,
                publisher: "TimelineJS".into(),
                url: "https://timeline.knightlab.com/".into(),
                date: None,
                lang: None,
                about: Some(Text {
                    de: "Aus einer TimelineJS3-Datei übernommen".into(),
                    en: "Imported from a TimelineJS3 file".into(),
                }),
                kind: None,
            }],
            related: Vec::new(),
            confidence: Confidence::PerArticle,
            date_text,
            media,
        });
    }
    let periods = eras(root, &mut problems);
    if problems.total() > 0 {
        return problems.into_result(Dataset::default()).map(|d| (d, Vec::new()));
    }
    let title = root
        .get("title")
        .and_then(|t| t.get("text"))
        .and_then(|t| t.get("headline"))
        .and_then(Value::as_str)
        .map(html_to_text)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Timeline".into());
    let tags = Some(tags.table).filter(|t| !t.is_empty());
    let title_slide = root.get("title");
    let title_media = title_slide.and_then(|t| t.get("media")).is_some_and(|m| !media_url(m).is_empty());
    counts.backgrounds += usize::from(title_slide.is_some_and(has_background));
    let dataset = validate(Dataset {
        title: both(title),
        actors: Vec::new(),
        events: out,
        description: None,
        view: None,
        tags,
        periods,
    })?;
    Ok((dataset, counts.notes(title_media)))
}

/// What TimelineJS3 would show that the dataset shows otherwise or not at all, counted.
#[derive(Default)]
struct Counts {
    /// Media TimelineJS3 embeds (a video, a post, a map) that the widget shows as links.
    as_links: usize,
    /// Media whose address is not one (embed code, another scheme) or is too long.
    dropped: usize,
    /// Links and thumbnails of kept media that are not addresses.
    parts_dropped: usize,
    /// Slides with a background colour or image.
    backgrounds: usize,
}

impl Counts {
    fn notes(&self, title_media: bool) -> Vec<ImportNote> {
        let counted = [
            (self.as_links, ImportNote::MediaAsLinks as fn(usize) -> ImportNote),
            (self.dropped, ImportNote::MediaDropped),
            (self.parts_dropped, ImportNote::MediaPartsDropped),
            (self.backgrounds, ImportNote::BackgroundsNotShown),
        ];
        let mut notes: Vec<ImportNote> =
            counted.into_iter().filter(|(n, _)| *n > 0).map(|(n, note)| note(n)).collect();
        if title_media {
            notes.push(ImportNote::TitleMediaNotShown);
        }
        notes
    }
}

/// A slide's `media.url`, trimmed (empty when there is none).
fn media_url(media: &Value) -> &str {
    media.get("url").and_then(Value::as_str).map_or("", str::trim)
}

/// Whether a slide has a background colour or image, which the widget does not show.
fn has_background(slide: &Value) -> bool {
    let Some(bg) = slide.get("background") else { return false };
    ["url", "color"].iter().any(|k| bg.get(k).and_then(Value::as_str).is_some_and(|s| !s.trim().is_empty()))
}

/// A slide's media as the event's: its address, caption and credit (markup reduced to text),
/// link and thumbnail; an image's description from its `alt`, else its `title`, its caption or
/// the slide's headline (the widget requires one). Media the widget shows as a link, and media
/// or parts of it that cannot be kept, are counted in `counts`.
fn slide_media(slide: &Value, headline: &str, counts: &mut Counts) -> Option<Media> {
    let m = slide.get("media")?;
    let url = media_url(m);
    if url.is_empty() {
        return None;
    }
    if !is_media_url(url) || url.len() > MAX_URL_BYTES {
        counts.dropped += 1;
        return None;
    }
    let text = |key: &str| m.get(key).and_then(Value::as_str).map(html_to_text).filter(|s| !s.is_empty());
    let mut address = |key: &str| {
        let given = m.get(key).and_then(Value::as_str).map_or("", str::trim);
        let kept = !given.is_empty() && is_media_url(given) && given.len() <= MAX_URL_BYTES;
        counts.parts_dropped += usize::from(!given.is_empty() && !kept);
        kept.then(|| given.to_string())
    };
    let (link, thumbnail) = (address("link"), address("thumbnail"));
    let (caption, credit) = (text("caption"), text("credit"));
    let named = text("alt").or_else(|| text("title"));
    let alt = match MediaInfo::of(url).kind {
        MediaKind::Image => Some(named.or_else(|| caption.clone()).unwrap_or_else(|| headline.to_string())),
        _ => {
            counts.as_links += 1;
            named
        }
    };
    Some(Media {
        url: url.to_string(),
        alt: alt.map(both),
        caption: caption.map(both),
        credit: credit.map(both),
        link,
        thumbnail,
    })
}

/// TimelineJS3 `eras` as periods: the headline as the title (in both languages), the dates at
/// their precision, an id from the headline (or `period-<n>`). An era without an end lasts its
/// start; an end before the start is dropped, as for events. A bad date is a problem naming the
/// era and field.
fn eras(root: &Value, problems: &mut Problems) -> Option<Vec<Period>> {
    let eras = root.get("eras").and_then(Value::as_array)?;
    let mut out = Vec::new();
    let mut ids: FastSet<String> = set_with_capacity(eras.len());
    for (k, era) in eras.iter().enumerate() {
        let date = |name: &str| match era.get(name).filter(|v| !v.is_null()).map(tl_date) {
            Some(Ok(d)) => Ok(Some(d)),
            Some(Err((sub, m))) => Err((format!("eras[{k}].{}", field(name, sub)), m)),
            None => Ok(None),
        };
        let (from, to) = match (date("start_date"), date("end_date")) {
            (Ok(Some(from)), Ok(to)) => {
                (from, to.filter(|d| d.end_day_exclusive() > from.start_day()).unwrap_or(from))
            }
            (Ok(None), _) => {
                problems.push(None, None, format!("eras[{k}].start_date"), ProblemKind::Missing);
                continue;
            }
            (Err((f, m)), _) | (_, Err((f, m))) => {
                problems.push(None, None, f, m);
                continue;
            }
        };
        let headline = era
            .get("text")
            .and_then(|t| t.get("headline"))
            .and_then(Value::as_str)
            .map(html_to_text)
            .unwrap_or_default();
        let mut id = slug(&headline);
        if id.is_empty() || ids.contains(&id) {
            let mut n = k + 1;
            while ids.contains(&format!("period-{n}")) {
                n += 1;
            }
            id = format!("period-{n}");
        }
        ids.insert(id.clone());
        let title = if headline.is_empty() { "(untitled)".to_string() } else { headline };
        out.push(Period { id, title: both(title), from, to, category: None });
    }
    Some(out).filter(|p| !p.is_empty())
}

/// The tags that TimelineJS groups become: a group's slug is its tag, and the tag table names
/// it with the group's own text, as it was first met.
#[derive(Default)]
struct GroupTags {
    table: Vec<Tag>,
    seen: FastSet<String>,
}

impl GroupTags {
    /// The tags of an event in `group` (none for no group, or one without letters or digits).
    fn of(&mut self, group: &str) -> Vec<String> {
        let id = slug(group);
        if id.is_empty() {
            return Vec::new();
        }
        if self.seen.insert(id.clone()) {
            self.table.push(Tag { id: id.clone(), name: both(group.trim().to_string()) });
        }
        vec![id]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::date::Precision;
    use proptest::prelude::*;

    const SAMPLE: &str = r#"{
      "title": {"text": {"headline": "My <b>timeline</b>", "text": "ignored"}, "media": {"url": "x.jpg"}},
      "events": [
        {"start_date": {"year": "2025", "month": "11"},
         "text": {"headline": "Month only", "text": "<p>A &amp; B<script>alert(1)</script></p><p>C&nbsp;&#39;D&#39; &quot;E&quot; &#x263A;</p>"},
         "group": "Energy", "unique_id": "m1", "media": {"url": "https://example.org/a.jpg", "credit": "someone"}},
        {"start_date": {"year": 2026, "month": 2, "day": 10}, "end_date": {"year": 2026, "month": 2, "day": 11},
         "text": {"headline": "Day <i>precise</i>"}, "group": "Militär"},
        {"start_date": {"year": 1994}, "text": {"text": "x"}, "unique_id": "m1"},
        {"start_date": {"year": 2020.0, "month": "3", "day": ""}, "text": {"headline": "   "}, "group": "Culture & Arts", "unique_id": "Mixed Case ID!"},
        {"start_date": {"year": 2021}, "end_date": null, "group": "diplomatie", "unique_id": "event-6"},
        {"start_date": {"year": 2022}, "group": "TRANSPORT"}
      ]
    }"#;

    #[test]
    fn timelinejs_files_are_recognised_and_ours_are_not() {
        assert!(looks_like_timelinejs(SAMPLE));
        assert!(!looks_like_timelinejs(crate::core::formats::embedded::EMBEDDED_JSON));
        for text in
            ["not json", "[]", r#"{"events":[]}"#, r#"{"events":[{"date":"2025"}]}"#, r#"{"events":{}}"#, ""]
        {
            assert!(!looks_like_timelinejs(text), "{text}");
        }
    }

    #[test]
    fn dates_keep_their_precision() {
        let d = import(SAMPLE).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.event("m1").unwrap().date.to_string(), "2025-11");
        assert_eq!(d.event("m1").unwrap().date.precision(), Precision::Month);
        let day = d.event("event-2").unwrap();
        assert_eq!((day.date.precision(), day.date.to_string()), (Precision::Day, "2026-02-10".into()));
        assert_eq!(day.end.unwrap().to_string(), "2026-02-11");
        assert_eq!(d.event("event-3").unwrap().date.precision(), Precision::Year);
        assert_eq!(d.event("mixed-case-id").unwrap().date.to_string(), "2020-03");
    }

    #[test]
    fn negative_and_deep_years_keep_the_labels_a_timelinejs_author_saw() {
        use crate::core::dataset::model::Lang;
        use crate::core::layout::ticks::format_date;
        let text = r#"{"events":[
            {"start_date":{"year":"-13800000000"},"text":{"headline":"Big Bang"},"unique_id":"big-bang"},
            {"start_date":{"year":-150000},"text":{"headline":"Early humans"},"unique_id":"humans"},
            {"start_date":{"year":-300,"month":3,"day":15},"text":{"headline":"Euclid"},"unique_id":"euclid"},
            {"start_date":{"year":-1},"text":{"headline":"Year before"},"unique_id":"one-bc"},
            {"start_date":{"year":30},"text":{"headline":"Thirty"},"unique_id":"thirty"},
            {"start_date":{"year":1990},"text":{"headline":"Hubble"},"unique_id":"hubble"}]}"#;
        let d = import(text).unwrap_or_else(|e| panic!("{e}"));
        let shown = |id: &str, lang| format_date(&d.event(id).unwrap().date, lang);
        assert_eq!(d.event("big-bang").unwrap().date.to_string(), "-13800000000");
        assert_eq!(shown("big-bang", Lang::En), "13.8 billion years ago");
        assert_eq!(shown("big-bang", Lang::De), "vor 13,8 Mrd. Jahren");
        assert_eq!(shown("humans", Lang::En), "150,000 years ago");
        assert_eq!(d.event("euclid").unwrap().date.to_string(), "-0299-03-15");
        assert_eq!(shown("euclid", Lang::En), "15 March 300 BC");
        assert_eq!(shown("euclid", Lang::De), "15. März 300 v. Chr.");
        assert_eq!(shown("one-bc", Lang::En), "1 BC");
        assert_eq!(shown("thirty", Lang::De), "30 n. Chr.");
        assert_eq!(shown("hubble", Lang::En), "1990");
        let order: Vec<&str> = d.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(order, ["big-bang", "humans", "euclid", "one-bc", "thirty", "hubble"]);
    }

    #[test]
    fn the_result_is_a_valid_dataset_with_placeholder_texts_and_a_source() {
        let d = import(SAMPLE).unwrap();
        assert_eq!(validate(d.clone()).unwrap(), d);
        assert_eq!(d.title, Text { de: "My timeline".into(), en: "My timeline".into() });
        assert_eq!(d.events.len(), 6);
        let untitled = d.event("event-3").unwrap();
        assert_eq!((untitled.title.en.as_str(), untitled.summary.de.as_str()), ("(untitled)", "x"));
        assert_eq!(d.event("mixed-case-id").unwrap().title.de, "(untitled)");
        for e in &d.events {
            assert_eq!(e.title.de, e.title.en);
            assert_eq!(e.summary.de, e.summary.en);
            assert_eq!(e.confidence, Confidence::PerArticle);
            assert_eq!(e.sources.len(), 1);
            assert_eq!(e.sources[0].url, "https://timeline.knightlab.com/");
            assert_eq!(e.sources[0].publisher, "TimelineJS");
            assert!(e.actors.is_empty());
        }
        // Without a title slide the dataset is called "Timeline".
        let plain = import(r#"{"events":[{"start_date":{"year":2025},"text":{"headline":"A"}}]}"#).unwrap();
        assert_eq!(plain.title.en, "Timeline");
    }

    #[test]
    fn ids_are_slugs_and_missing_or_duplicate_ones_get_a_fresh_number() {
        let d = import(SAMPLE).unwrap();
        let mut ids: Vec<_> = d.events.iter().map(|e| e.id.as_str()).collect();
        ids.sort();
        // The 2nd event has no id (event-2); the 3rd repeats m1 (event-3); the 6th has none
        // and event-6 is taken by the 5th, so it gets the next free number.
        assert_eq!(ids, ["event-2", "event-3", "event-6", "event-7", "m1", "mixed-case-id"]);
        let tricky = r#"{"events":[{"start_date":{"year":2025},"unique_id":"event-2"},{"start_date":{"year":2025}},{"start_date":{"year":2025},"unique_id":42}]}"#;
        let mut ids: Vec<_> = import(tricky).unwrap().events.into_iter().map(|e| e.id).collect();
        ids.sort();
        assert_eq!(ids, ["42", "event-2", "event-3"]);
    }

    #[test]
    fn groups_become_categories_and_tags() {
        let d = import(SAMPLE).unwrap();
        let ev = |id: &str| d.event(id).unwrap();
        assert_eq!(
            (ev("m1").categories.clone(), ev("m1").tags.clone()),
            (vec![Category::Energy], vec!["energy".to_string()])
        );
        assert_eq!(ev("event-2").categories, [Category::Military]);
        assert_eq!(ev("event-2").tags, ["militaer"]);
        assert_eq!(ev("event-6").categories, [Category::Diplomacy]);
        assert_eq!(ev("event-7").categories, [Category::Transport]);
        // An unknown group: category analysis, the group kept as a tag.
        assert_eq!(ev("mixed-case-id").categories, [Category::Analysis]);
        assert_eq!(ev("mixed-case-id").tags, ["culture-arts"]);
        // No group: analysis, no tag.
        assert_eq!(
            (ev("event-3").categories.clone(), ev("event-3").tags.len()),
            (vec![Category::Analysis], 0)
        );
        // Each tag is named in the table by its group's own text, in both languages.
        let names: Vec<(&str, &str, &str)> = d
            .tags
            .as_deref()
            .unwrap()
            .iter()
            .map(|t| (t.id.as_str(), t.name.de.as_str(), t.name.en.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("energy", "Energy", "Energy"),
                ("militaer", "Militär", "Militär"),
                ("culture-arts", "Culture & Arts", "Culture & Arts"),
                ("diplomatie", "diplomatie", "diplomatie"),
                ("transport", "TRANSPORT", "TRANSPORT"),
            ]
        );
        assert_eq!(d.tag_name("militaer", crate::core::dataset::model::Lang::De), "Militär");
        for (g, c) in [
            ("Diplomacy", Category::Diplomacy),
            ("MILITARY", Category::Military),
            ("Energie", Category::Energy),
            ("verkehr", Category::Transport),
            ("Analyse", Category::Analysis),
            (" analysis ", Category::Analysis),
        ] {
            assert_eq!(category_for(g), Some(c), "{g}");
        }
    }

    #[test]
    fn html_becomes_plain_text_and_scripts_are_dropped_not_run() {
        let d = import(SAMPLE).unwrap();
        assert_eq!(d.event("m1").unwrap().summary.en, "A & B C 'D' \"E\" ☺");
        assert_eq!(d.event("event-2").unwrap().title.en, "Day precise");
        for (html, text) in [
            ("<img src=x onerror=alert(1)>hi &lt;b&gt; &#65;&#x42;", "hi <b> AB"),
            ("<style>p{}</style>ok<script>evil()", "ok"),
            ("<SCRIPT type='x'>a</ScRiPt >b", "b"),
            ("<script>document.write('<p>')</script>after", "after"),
            ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
            ("a &bogus; b & c &#xZZ; &#; &#1114112;", "a &bogus; b & c &#xZZ; &#; &#1114112;"),
            ("a < b and c > d", "a < b and c > d"),
            ("line<br>break<br/>and<p>para</p>", "line break and para"),
            ("  lots \n\t of   space  ", "lots of space"),
            ("x<!-- <b>hidden</b> -->y", "xy"),
            ("<a href=\"javascript:alert(1)\">link</a>", "link"),
            ("&#0;&#7;bell", "bell"),
            ("&ééééééé;é&#233;", "&ééééééé;éé"),
            ("unclosed <b", "unclosed"),
            ("<", "<"),
            ("<<i></i>script>x", "< script>x"),
            ("<<!-- -->img src=x onerror=alert(1)>", "< img src=x onerror=alert(1)>"),
        ] {
            assert_eq!(html_to_text(html), text, "{html:?}");
        }
    }

    #[test]
    fn hostile_markup_is_stripped_to_text_no_longer_than_itself() {
        // How long it takes is timed by the bounds tests (`./dev fuzz`), not here.
        let hostile = "<script>".repeat(100_000) + &"&amp;<b".repeat(100_000) + &"<!--".repeat(100_000);
        let text = html_to_text(&hostile);
        assert!(text.len() <= hostile.len());
        assert!(!text.contains("<script>") && !text.contains("<b"), "{}", &text[..text.len().min(80)]);
    }

    #[test]
    fn a_bad_date_names_the_event_and_field() {
        let bad = r#"{"events":[{"start_date":{"year":2025}},{"start_date":{"year":2025,"month":13},"unique_id":"thirteen"}]}"#;
        let err = import(bad).unwrap_err();
        assert_eq!(err.total, 1);
        assert_eq!(err.problems[0].index, Some(1));
        assert_eq!(err.problems[0].id.as_deref(), Some("thirteen"));
        assert_eq!(err.problems[0].field, "start_date.month");
        assert!(err.to_string().starts_with("Event #2 (thirteen), start_date.month:"), "{err}");
        let parts = |error, year, month, day| ProblemKind::InvalidDateParts { error, year, month, day };
        assert_eq!(err.problems[0].kind, parts(DateError::NoSuchDate, 2025, Some(13), None));
        use ProblemKind::*;
        for (event, field, kind) in [
            (
                r#"{"start_date":{"year":2025,"month":2,"day":30}}"#,
                "start_date.day",
                parts(DateError::NoSuchDate, 2025, Some(2), Some(30)),
            ),
            (
                r#"{"start_date":{"year":-20000000001}}"#,
                "start_date.year",
                parts(DateError::YearOutOfRange, -20000000001, None, None),
            ),
            (
                r#"{"start_date":{"year":-150000,"month":3}}"#,
                "start_date.month",
                parts(DateError::YearOnly, -150000, Some(3), None),
            ),
            (
                r#"{"start_date":{"year":99999999999}}"#,
                "start_date.year",
                parts(DateError::YearOutOfRange, 99999999999, None, None),
            ),
            (r#"{"start_date":{"month":5}}"#, "start_date.year", Missing),
            (r#"{"start_date":{"year":"twenty"}}"#, "start_date.year", NotAWholeNumber),
            (r#"{"start_date":{"year":2025,"month":"May"}}"#, "start_date.month", NotAWholeNumber),
            (r#"{"start_date":{"year":2025,"day":3}}"#, "start_date.month", DayWithoutMonth),
            (
                r#"{"start_date":{"year":2025,"month":-1}}"#,
                "start_date.month",
                parts(DateError::NoSuchDate, 2025, Some(-1), None),
            ),
            (r#"{"start_date":"2025"}"#, "start_date", NotADateObject),
            (r#"{"text":{}}"#, "start_date", Missing),
            (
                r#"{"start_date":{"year":2025},"end_date":{"year":2025,"month":0}}"#,
                "end_date.month",
                parts(DateError::NoSuchDate, 2025, Some(0), None),
            ),
        ] {
            let err = import(&format!(r#"{{"events":[{event}]}}"#)).unwrap_err();
            let p = &err.problems[0];
            assert_eq!((p.index, p.field.as_str(), &p.kind), (Some(0), field, &kind), "{event}");
        }
    }

    #[test]
    fn missing_events_and_garbage_are_errors() {
        for text in ["[]", "{}", r#"{"events":5}"#, "", "{", "null", r#"{"title":{}}"#] {
            let err = import(text).unwrap_err();
            assert_eq!(err.problems[0].index, None, "{text}");
        }
        assert_eq!(import("{}").unwrap_err().problems[0].field, "events");
        assert_eq!(import("{}").unwrap_err().problems[0].kind, ProblemKind::Missing);
        assert!(
            matches!(&import("{").unwrap_err().problems[0].kind, ProblemKind::NotJson(d) if d.contains("EOF"))
        );
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(import(&format!(r#"{{"events":{deep}}}"#)).is_err());
    }

    #[test]
    fn a_whole_article_in_a_slide_is_shortened_not_refused() {
        let article = format!("<p>{}</p>", "Wort ".repeat(5_000));
        let text = serde_json::json!({"events": [{"start_date": {"year": 2025}, "text": {"headline": article, "text": article}}]});
        let d = import(&text.to_string()).unwrap_or_else(|e| panic!("{e}"));
        let t = &d.events[0].title.en;
        assert_eq!(t.chars().count(), MAX_TEXT_CHARS);
        assert!(t.starts_with("Wort Wort") && t.ends_with('…'));
        assert_eq!(d.events[0].summary.de, *t);
    }

    #[test]
    fn a_display_date_becomes_the_date_text_in_both_languages_and_the_date_still_places_the_event() {
        let text = serde_json::json!({"events": [
            {"start_date": {"year": 1945, "month": 3}, "display_date": "Spring <b>1945</b>", "text": {"headline": "A"}},
            {"start_date": {"year": 1990, "display_date": "around 1990"},
             "end_date": {"year": 1995, "display_date": "the mid-nineties"}, "text": {"headline": "B"}},
            {"start_date": {"year": 2000, "display_date": "2000"}, "end_date": {"year": 2000, "display_date": "2000"}},
            {"start_date": {"year": 2001}, "display_date": "   "},
            {"start_date": {"year": 2002}, "display_date": "x".repeat(MAX_DATE_TEXT_CHARS + 5)}
        ]});
        let d = import(&text.to_string()).unwrap_or_else(|e| panic!("{e}"));
        let shown: Vec<Option<&str>> =
            d.events.iter().map(|e| e.date_text.as_ref().map(|t| t.en.as_str())).collect();
        assert_eq!(
            &shown[..4],
            [Some("Spring 1945"), Some("around 1990 – the mid-nineties"), Some("2000"), None]
        );
        assert!(d.events.iter().all(|e| e.date_text.as_ref().is_none_or(|t| t.de == t.en)));
        let cut = &d.events[4].date_text.as_ref().unwrap().en;
        assert_eq!(cut.chars().count(), MAX_DATE_TEXT_CHARS);
        assert!(cut.ends_with('…'));
        assert_eq!(d.events[0].date.to_string(), "1945-03");
    }

    #[test]
    fn slide_media_becomes_the_events_media_with_its_texts_and_an_image_gets_a_description() {
        let (d, notes) = import_noted(SAMPLE).unwrap_or_else(|e| panic!("{e}"));
        let m = d.event("m1").unwrap().media.as_ref().unwrap();
        assert_eq!(m.url, "https://example.org/a.jpg");
        assert_eq!(m.credit.as_ref().unwrap().en, "someone");
        assert_eq!(m.alt.as_ref().unwrap().de, "Month only", "without alt, title or caption: the headline");
        assert_eq!(notes, [ImportNote::TitleMediaNotShown], "the title slide's media is named");
        let slide = |media: &str| {
            format!(
                r#"{{"events":[{{"start_date":{{"year":2020}},"text":{{"headline":"H"}},"unique_id":"a","media":{media}}},
                    {{"start_date":{{"year":2021}},"background":{{"color":"red"}}}}]}}"#
            )
        };
        let (d, notes) = import_noted(&slide(
            r#"{"url":"img/a.PNG","caption":"<p>A <b>map</b></p>","credit":"<a href='x'>Agency</a>","alt":"Alt",
                "title":"T","link":"https://example.org/big","thumbnail":"javascript:alert(1)"}"#,
        ))
        .unwrap();
        let m = d.event("a").unwrap().media.as_ref().unwrap();
        assert_eq!(
            (m.url.as_str(), m.alt.as_ref().unwrap().en.as_str(), m.caption.as_ref().unwrap().en.as_str()),
            ("img/a.PNG", "Alt", "A map")
        );
        assert_eq!(
            (m.credit.as_ref().unwrap().de.as_str(), m.link.as_deref()),
            ("Agency", Some("https://example.org/big"))
        );
        assert_eq!(m.thumbnail, None);
        assert_eq!(notes, [ImportNote::MediaPartsDropped(1), ImportNote::BackgroundsNotShown(1)]);
        let (d, notes) =
            import_noted(&slide(r#"{"url":"https://www.youtube.com/watch?v=x","caption":"Talk"}"#)).unwrap();
        let m = d.event("a").unwrap().media.as_ref().unwrap();
        assert_eq!((m.alt.as_ref(), m.caption.as_ref().unwrap().en.as_str()), (None, "Talk"));
        assert_eq!(notes[0], ImportNote::MediaAsLinks(1));
        for embed in [
            r#"{"url":"<blockquote class='twitter-tweet'><a href='https://x.com/a/status/1'>x</a></blockquote>"}"#,
            r#"{"url":"<iframe src='https://example.org'></iframe>"}"#,
            r#"{"url":"data:image/png;base64,AAAA"}"#,
        ] {
            let (d, notes) = import_noted(&slide(embed)).unwrap();
            assert_eq!(d.event("a").unwrap().media, None, "{embed}");
            assert_eq!(notes[0], ImportNote::MediaDropped(1), "{embed}");
        }
        let (d, notes) = import_noted(&slide(r#"{"url":"  ","caption":"nothing"}"#)).unwrap();
        assert_eq!(
            (d.event("a").unwrap().media.as_ref(), notes.len()),
            (None, 1),
            "an empty media is no media"
        );
    }

    #[test]
    fn eras_become_periods_with_their_headlines_and_dates() {
        let text = serde_json::json!({
            "events": [{"start_date": {"year": 1950}, "text": {"headline": "A"}}],
            "eras": [
                {"start_date": {"year": 1947}, "end_date": {"year": 1991, "month": 12}, "text": {"headline": "The <i>Cold</i> War"}},
                {"start_date": {"year": 1960}, "text": {"headline": ""}},
                {"start_date": {"year": 1970}, "end_date": {"year": 1969}, "text": {"headline": "The Cold War"}}
            ]
        });
        let d = import(&text.to_string()).unwrap_or_else(|e| panic!("{e}"));
        let periods = d.periods.unwrap();
        let summary: Vec<(&str, &str, String, String)> = periods
            .iter()
            .map(|p| (p.id.as_str(), p.title.de.as_str(), p.from.to_string(), p.to.to_string()))
            .collect();
        assert_eq!(
            summary,
            [
                ("the-cold-war", "The Cold War", "1947".into(), "1991-12".into()),
                ("period-2", "(untitled)", "1960".into(), "1960".into()),
                ("period-3", "The Cold War", "1970".into(), "1970".into()),
            ]
        );
        assert!(periods.iter().all(|p| p.title.de == p.title.en && p.category.is_none()));
        let bad = serde_json::json!({"events": [], "eras": [{"start_date": {"year": 1990, "month": 13}}]});
        let err = import(&bad.to_string()).unwrap_err();
        assert!(err.problems[0].field.starts_with("eras[0].start_date"), "{err}");
        let none = import(r#"{"events":[{"start_date":{"year":2025}}]}"#).unwrap();
        assert_eq!(none.periods, None);
    }

    #[test]
    fn an_end_before_the_start_is_dropped_not_fatal() {
        let d = import(r#"{"events":[{"start_date":{"year":2025,"month":5},"end_date":{"year":2024}}]}"#)
            .unwrap();
        assert_eq!(d.events[0].end, None);
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::json;
        let leaf = prop_oneof![
            Just(json!(null)),
            any::<bool>().prop_map(|b| json!(b)),
            (-20i64..20_000).prop_map(|n| json!(n)),
            any::<f64>().prop_map(|f| json!(f)),
            "(?s).{0,20}".prop_map(|s| json!(s)),
            "[<>&;#a-z0-9 /]{0,30}".prop_map(|s| json!(s)),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            let keys = prop_oneof![
                Just("events".to_string()),
                Just("start_date".to_string()),
                Just("end_date".to_string()),
                Just("year".to_string()),
                Just("month".to_string()),
                Just("day".to_string()),
                Just("text".to_string()),
                Just("headline".to_string()),
                Just("group".to_string()),
                Just("unique_id".to_string()),
                Just("title".to_string()),
                "[a-z]{1,5}",
            ];
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                proptest::collection::btree_map(keys, inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn importing_any_text_never_panics(text in "(?s).{0,300}") {
            let _ = looks_like_timelinejs(&text);
            let _ = import(&text);
            let _ = html_to_text(&text);
        }

        #[test]
        fn importing_any_json_never_panics_and_success_is_valid(v in json_value()) {
            let text = v.to_string();
            let _ = looks_like_timelinejs(&text);
            if let Ok(d) = import(&text) {
                prop_assert_eq!(validate(d.clone()), Ok(d));
            }
        }

        #[test]
        fn importing_generated_timelines_gives_valid_datasets_or_named_errors(
            events in proptest::collection::vec(
                (-5i64..10_005, proptest::option::of(-1i64..14), proptest::option::of(-1i64..33),
                 "(?s).{0,40}", "[<>&;#a-zA-Zä /]{0,20}", proptest::option::of("[a-z0-9 -]{0,6}")),
                0..12)
        ) {
            let evs: Vec<serde_json::Value> = events.iter().map(|(y, m, d, text, group, id)| {
                let mut date = serde_json::json!({"year": y});
                if let Some(m) = m { date["month"] = serde_json::json!(m.to_string()); }
                if let Some(d) = d { date["day"] = serde_json::json!(d); }
                let mut e = serde_json::json!({"start_date": date, "text": {"headline": text, "text": text}, "group": group});
                if let Some(id) = id { e["unique_id"] = serde_json::json!(id); }
                e
            }).collect();
            let text = serde_json::json!({"events": evs}).to_string();
            prop_assert!(events.is_empty() || looks_like_timelinejs(&text));
            match import(&text) {
                Ok(d) => {
                    prop_assert_eq!(d.events.len(), events.len());
                    prop_assert_eq!(validate(d.clone()), Ok(d));
                }
                Err(e) => {
                    prop_assert!(e.problems.iter().all(|p| p.index.is_some() && p.field.starts_with("start_date")), "{}", e);
                }
            }
        }
    }
}
