//! Import of TimelineJS3's JSON format, so TimelineJS users can bring their timelines over
//! unchanged: `start_date`/`end_date` keep their precision, `text.headline`/`text.text`
//! become title and summary (HTML turned into plain text), `group` maps to a category and a tag.

use super::date::PartialDate;
use super::model::{Category, Confidence, Dataset, Event, Source, Text};
use super::validate::{validate, DatasetError, Problem, MAX_DATASET_BYTES, MAX_EVENTS};
use serde_json::Value;
use std::collections::HashSet;

/// Whether a JSON text looks like TimelineJS3 (events with `start_date`) rather than the
/// project's own schema (events with `date`).
pub fn looks_like_timelinejs(text: &str) -> bool {
    if text.len() > MAX_DATASET_BYTES {
        return false;
    }
    let Ok(v) = serde_json::from_str::<Value>(text) else { return false };
    v.get("events")
        .and_then(Value::as_array)
        .and_then(|evs| evs.first())
        .is_some_and(|e| e.get("start_date").is_some() && e.get("date").is_none())
}

/// Plain text from an HTML fragment: tags dropped (with the content of `script` and `style`),
/// common entities decoded, white space collapsed.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let end = after.find('>').map(|i| i + 1).unwrap_or(after.len());
        let tag = after[..end].to_ascii_lowercase();
        rest = &after[end..];
        for raw in ["script", "style"] {
            if tag.starts_with(&format!("<{raw}")) {
                let close = format!("</{raw}");
                let lower = rest.to_ascii_lowercase();
                rest = match lower.find(&close) {
                    Some(i) => {
                        let tail = &rest[i..];
                        &tail[tail.find('>').map(|j| j + 1).unwrap_or(tail.len())..]
                    }
                    None => "",
                };
            }
        }
        if tag.starts_with("<br") || tag.starts_with("<p") || tag.starts_with("</p") || tag.starts_with("<li") {
            out.push(' ');
        }
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let semi = after[..after.len().min(12)].find(';');
        let decoded = semi.and_then(|i| {
            let name = &after[1..i];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16).ok().and_then(char::from_u32),
                n if n.starts_with('#') => n[1..].parse::<u32>().ok().and_then(char::from_u32),
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

fn number(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) if !s.trim().is_empty() => s.trim().parse().ok(),
        _ => None,
    }
}

/// A TimelineJS date object as a date of the same precision.
fn tl_date(v: &Value) -> Result<PartialDate, String> {
    let year = number(v.get("year")).ok_or("needs a numeric year")?;
    let year = i32::try_from(year).map_err(|_| "year out of range".to_string())?;
    let month = number(v.get("month"));
    let day = number(v.get("day"));
    let fit = |n: i64| u32::try_from(n).map_err(|_| "out of range".to_string());
    match (month, day) {
        (Some(m), Some(d)) => PartialDate::day(year, fit(m)?, fit(d)?),
        (Some(m), None) => PartialDate::month(year, fit(m)?),
        _ => PartialDate::year(year),
    }
    .map_err(|e| e.to_string())
}

fn category_for(group: &str) -> Option<Category> {
    let g = group.trim().to_lowercase();
    Category::ALL.into_iter().find(|c| c.code() == g).or(match g.as_str() {
        "diplomatie" => Some(Category::Diplomacy),
        "militär" | "militaer" => Some(Category::Military),
        "energie" => Some(Category::Energy),
        "verkehr" => Some(Category::Transport),
        "analyse" => Some(Category::Analysis),
        _ => None,
    })
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

fn both(s: String) -> Text {
    Text { de: s.clone(), en: s }
}

/// Reads a TimelineJS3 JSON text into a validated dataset.
pub fn import(text: &str) -> Result<Dataset, DatasetError> {
    let fail = |index: Option<usize>, field: &str, message: String| DatasetError {
        problems: vec![Problem { index, id: None, field: field.into(), message }],
        total: 1,
    };
    if text.len() > MAX_DATASET_BYTES {
        return Err(fail(None, "dataset", format!("larger than {MAX_DATASET_BYTES} bytes")));
    }
    let root: Value = serde_json::from_str(text).map_err(|e| fail(None, "dataset", format!("not JSON: {e}")))?;
    let events = root.get("events").and_then(Value::as_array).ok_or_else(|| fail(None, "events", "missing".into()))?;
    if events.len() > MAX_EVENTS {
        return Err(fail(None, "events", format!("more than {MAX_EVENTS} events")));
    }
    let mut problems = Vec::new();
    let mut total = 0;
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for (i, e) in events.iter().enumerate() {
        let mut report = |field: &str, message: String| {
            total += 1;
            if problems.len() < super::validate::MAX_REPORTED {
                problems.push(Problem { index: Some(i), id: None, field: field.into(), message });
            }
        };
        let start = match e.get("start_date").map(tl_date) {
            Some(Ok(d)) => d,
            Some(Err(m)) => {
                report("start_date", m);
                continue;
            }
            None => {
                report("start_date", "missing".into());
                continue;
            }
        };
        let end = match e.get("end_date").map(tl_date) {
            Some(Ok(d)) => Some(d),
            Some(Err(m)) => {
                report("end_date", m);
                continue;
            }
            None => None,
        };
        let textv = e.get("text");
        let headline = textv.and_then(|t| t.get("headline")).and_then(Value::as_str).map(html_to_text).unwrap_or_default();
        let body = textv.and_then(|t| t.get("text")).and_then(Value::as_str).map(html_to_text).unwrap_or_default();
        let title = if headline.is_empty() { "(untitled)".to_string() } else { headline };
        let summary = if body.is_empty() { title.clone() } else { body };
        let group = e.get("group").and_then(Value::as_str).unwrap_or("");
        let category = category_for(group).unwrap_or(Category::Analysis);
        let tags: Vec<String> = Some(slug(group)).filter(|s| !s.is_empty()).into_iter().collect();
        let mut id = e.get("unique_id").and_then(Value::as_str).map(slug).unwrap_or_default();
        if id.is_empty() || ids.contains(&id) {
            id = format!("event-{}", i + 1);
        }
        ids.insert(id.clone());
        out.push(Event {
            id,
            date: start,
            end: end.filter(|d| d.last_day() >= start.first_day()),
            approximate: false,
            title: both(title),
            summary: both(summary),
            actors: Vec::new(),
            categories: vec![category],
            tags,
            place: None,
            sources: vec![Source {
                title: "TimelineJS import".into(),
                publisher: "TimelineJS".into(),
                url: "https://timeline.knightlab.com/".into(),
                date: None,
            }],
            related: Vec::new(),
            confidence: Confidence::PerArticle,
        });
    }
    if total > 0 {
        return Err(DatasetError { problems, total });
    }
    let title = root
        .get("title")
        .and_then(|t| t.get("text"))
        .and_then(|t| t.get("headline"))
        .and_then(Value::as_str)
        .map(html_to_text)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Timeline".into());
    validate(Dataset { title: both(title), actors: Vec::new(), events: out })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Precision;

    const SAMPLE: &str = r#"{
      "title": {"text": {"headline": "My <b>timeline</b>"}},
      "events": [
        {"start_date": {"year": "2025", "month": "11"}, "text": {"headline": "Month only", "text": "<p>A &amp; B<script>alert(1)</script></p>"}, "group": "Energy", "unique_id": "m1"},
        {"start_date": {"year": 2026, "month": 2, "day": 10}, "end_date": {"year": 2026, "month": 2, "day": 11}, "text": {"headline": "Day <i>precise</i>"}, "group": "Militär"},
        {"start_date": {"year": 1994}, "text": {"text": "x"}, "unique_id": "m1"}
      ]
    }"#;

    #[test]
    fn timelinejs_files_are_recognised_and_ours_are_not() {
        assert!(looks_like_timelinejs(SAMPLE));
        assert!(!looks_like_timelinejs(crate::core::embedded::EMBEDDED_JSON));
        assert!(!looks_like_timelinejs("not json"));
    }

    #[test]
    fn dates_keep_their_precision_and_groups_become_categories() {
        let d = import(SAMPLE).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.title.en, "My timeline");
        let by_id = |id: &str| d.event(id).unwrap();
        assert_eq!(by_id("m1").date.precision(), Precision::Month);
        assert_eq!(by_id("m1").categories, [Category::Energy]);
        assert_eq!(by_id("m1").tags, ["energy"]);
        assert_eq!(by_id("event-2").categories, [Category::Military]);
        assert_eq!(by_id("event-2").end.unwrap().to_string(), "2026-02-11");
        // The duplicate unique_id got a fresh id; the missing headline a placeholder.
        assert_eq!(by_id("event-3").date.precision(), Precision::Year);
        assert_eq!(by_id("event-3").title.en, "(untitled)");
    }

    #[test]
    fn html_becomes_plain_text_and_scripts_vanish() {
        let d = import(SAMPLE).unwrap();
        assert_eq!(d.event("m1").unwrap().summary.en, "A & B");
        assert_eq!(html_to_text("<img src=x onerror=alert(1)>hi &lt;b&gt; &#65;&#x42;"), "hi <b> AB");
        assert_eq!(html_to_text("<style>p{}</style>ok<script>evil()"), "ok");
        assert_eq!(html_to_text("a &bogus; b &"), "a &bogus; b &");
    }

    #[test]
    fn a_bad_date_names_the_event_and_field() {
        let bad = r#"{"events":[{"start_date":{"year":2025}},{"start_date":{"year":2025,"month":13}}]}"#;
        let err = import(bad).unwrap_err();
        assert_eq!(err.problems[0].index, Some(1));
        assert_eq!(err.problems[0].field, "start_date");
        assert!(import(r#"{"events":[{"text":{}}]}"#).is_err());
        assert!(import("[]").is_err());
    }
}
