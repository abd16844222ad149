//! Exports of the filtered events: JSON (the dataset schema), CSV and iCalendar.

use super::date::{date_of_day, Precision};
use super::model::{Dataset, Lang};
use super::viewstate::ViewState;
use std::collections::HashSet;

/// The chosen events as a dataset in the project's schema, with the actors they name and
/// without `related` links to events that were not exported.
pub fn to_json(ds: &Dataset, indices: &[usize]) -> String {
    let events: Vec<_> = indices.iter().filter_map(|&i| ds.events.get(i).cloned()).collect();
    let ids: HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let used: HashSet<&str> = events.iter().flat_map(|e| e.actors.iter().map(String::as_str)).collect();
    let mut out = Dataset {
        title: ds.title.clone(),
        actors: ds.actors.iter().filter(|a| used.contains(a.id.as_str())).cloned().collect(),
        events: events.clone(),
    };
    for e in &mut out.events {
        e.related.retain(|r| ids.contains(r.id.as_str()));
    }
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

/// A spreadsheet cell that cannot be read as a formula.
fn cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

/// The chosen events as CSV, texts in `lang`.
pub fn to_csv(ds: &Dataset, indices: &[usize], lang: Lang) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "id", "date", "end", "precision", "approximate", "title", "summary", "actors", "categories", "tags", "place",
        "lat", "lon", "confidence", "sources",
    ]);
    for e in indices.iter().filter_map(|&i| ds.events.get(i)) {
        let place = e.place.as_ref();
        let record = [
            e.id.clone(),
            e.date.to_string(),
            e.end.map(|d| d.to_string()).unwrap_or_default(),
            precision_name(e.date.precision()).to_string(),
            e.approximate.to_string(),
            e.title.get(lang).to_string(),
            e.summary.get(lang).to_string(),
            e.actors.join(" "),
            e.categories.iter().map(|c| c.code()).collect::<Vec<_>>().join(" "),
            e.tags.join(" "),
            place.map(|p| p.name.get(lang).to_string()).unwrap_or_default(),
            place.and_then(|p| p.lat).map(|v| v.to_string()).unwrap_or_default(),
            place.and_then(|p| p.lon).map(|v| v.to_string()).unwrap_or_default(),
            match e.confidence {
                super::model::Confidence::Confirmed => "confirmed".into(),
                super::model::Confidence::PerArticle => "per-article".into(),
            },
            e.sources.iter().map(|s| s.url.as_str()).collect::<Vec<_>>().join(" "),
        ];
        let _ = w.write_record(record.iter().map(|s| cell(s)));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// RFC 5545 TEXT escaping.
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (on character boundaries) and ends it with CRLF.
fn ics_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// The chosen events as an iCalendar file of all-day events; `dtstamp` is the export time
/// (`YYYYMMDDTHHMMSSZ`).
pub fn to_ics(ds: &Dataset, indices: &[usize], lang: Lang, dtstamp: &str) -> String {
    let mut out = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline-explorer//EN", "CALSCALE:GREGORIAN"] {
        ics_line(&mut out, l);
    }
    ics_line(&mut out, &format!("X-WR-CALNAME:{}", ics_text(ds.title.get(lang))));
    let day = |n: i64| date_of_day(n).map(|d| d.format("%Y%m%d").to_string()).unwrap_or_default();
    for e in indices.iter().filter_map(|&i| ds.events.get(i)) {
        ics_line(&mut out, "BEGIN:VEVENT");
        ics_line(&mut out, &format!("UID:{}@timeline-explorer", e.id));
        ics_line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        ics_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", day(e.start_day())));
        ics_line(&mut out, &format!("DTEND;VALUE=DATE:{}", day(e.end_day())));
        ics_line(&mut out, &format!("SUMMARY:{}", ics_text(e.title.get(lang))));
        let mut desc = e.summary.get(lang).to_string();
        for s in &e.sources {
            desc.push_str(&format!("\n{} ({}): {}", s.title, s.publisher, s.url));
        }
        ics_line(&mut out, &format!("DESCRIPTION:{}", ics_text(&desc)));
        if let Some(s) = e.sources.first() {
            ics_line(&mut out, &format!("URL:{}", s.url));
        }
        let cats: Vec<&str> = e.categories.iter().map(|c| c.code()).collect();
        ics_line(&mut out, &format!("CATEGORIES:{}", cats.join(",")));
        if let Some(p) = &e.place {
            ics_line(&mut out, &format!("LOCATION:{}", ics_text(p.name.get(lang))));
        }
        ics_line(&mut out, "END:VEVENT");
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}

/// A safe file name describing the view, e.g. `timeline-military-energy-2025-11--2026-02.csv`.
pub fn file_name(state: &ViewState, ext: &str) -> String {
    let mut parts: Vec<String> = vec!["timeline".into()];
    parts.extend(state.cat.iter().map(|c| c.code().to_string()));
    parts.extend(state.actor.iter().cloned());
    parts.extend(state.tag.iter().cloned());
    parts.extend(state.place.iter().cloned());
    if !state.q.is_empty() {
        parts.push(state.q.clone());
    }
    match (state.from, state.to) {
        (None, None) => {}
        (f, t) => parts.push(format!(
            "{}--{}",
            f.map(|d| d.to_string()).unwrap_or_default(),
            t.map(|d| d.to_string()).unwrap_or_default()
        )),
    }
    let mut name: String = parts
        .join("-")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c.to_ascii_lowercase() } else { '_' })
        .collect();
    name.truncate(80 - ext.len() - 1);
    let ext: String = ext.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    format!("{name}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::embedded::embedded_dataset;
    use crate::core::model::Category;
    use crate::core::validate::load_dataset;

    fn some(ds: &Dataset) -> Vec<usize> {
        ["trans-caspian-options-2025", "kz-nato-shells-2025", "ru-duma-reaction-2025"]
            .iter()
            .map(|id| ds.event_index(id).unwrap())
            .collect()
    }

    #[test]
    fn json_export_reloads_as_a_dataset_with_the_same_events() {
        let ds = embedded_dataset().unwrap();
        let idx = some(&ds);
        let back = load_dataset(&to_json(&ds, &idx)).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<_> = back.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["trans-caspian-options-2025", "kz-nato-shells-2025", "ru-duma-reaction-2025"]);
        assert!(back.actors.len() < ds.actors.len());
    }

    #[test]
    fn csv_export_has_a_header_and_one_row_per_event() {
        let ds = embedded_dataset().unwrap();
        let text = to_csv(&ds, &some(&ds), Lang::De);
        let mut r = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(r.headers().unwrap().get(0), Some("id"));
        let rows: Vec<_> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(&rows[0][3], "month");
        assert_eq!(&rows[0][4], "true");
        assert_eq!(&rows[1][5], ds.event("kz-nato-shells-2025").unwrap().title.de);
    }

    #[test]
    fn csv_cells_cannot_start_a_formula() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("@SUM"), "'@SUM");
        assert_eq!(cell("plain"), "plain");
    }

    #[test]
    fn ics_lines_are_folded_escaped_and_month_events_span_the_month() {
        let ds = embedded_dataset().unwrap();
        let text = to_ics(&ds, &some(&ds), Lang::En, "20261128T120000Z");
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
            assert!(!line.contains('\n'));
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("UID:trans-caspian-options-2025@timeline-explorer"));
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20251101\r\nDTEND;VALUE=DATE:20251201"));
        assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 3);
        assert_eq!(ics_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn file_names_describe_the_view_safely() {
        let mut s = ViewState::default();
        assert_eq!(file_name(&s, "json"), "timeline.json");
        s.cat.insert(Category::Military);
        s.cat.insert(Category::Energy);
        s.from = Some(crate::core::date::PartialDate::parse("2025-11").unwrap());
        s.to = Some(crate::core::date::PartialDate::parse("2026-02").unwrap());
        assert_eq!(file_name(&s, "csv"), "timeline-military-energy-2025-11--2026-02.csv");
        s.q = "../../etc/passwd <x>".repeat(10);
        let n = file_name(&s, "ics");
        assert!(n.len() <= 80 && n.ends_with(".ics") && !n.contains('/') && !n.contains('<'), "{n}");
    }
}
