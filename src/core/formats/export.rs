//! Exports of the filtered events: JSON (the dataset schema), CSV and iCalendar.

use crate::core::dataset::date::{civil_of_day, day_of, Precision};
use crate::core::dataset::model::{Dataset, Event, Lang, Media, Text};
use crate::core::query::viewstate::ViewState;
use crate::core::util::hashing::FastSet;

/// The chosen events as a dataset in the project's schema, with the actors they name and
/// without `related` links to events that were not exported.
pub fn to_json(ds: &Dataset, indices: &[usize]) -> String {
    let events: Vec<_> = chosen(ds, indices).cloned().collect();
    let ids: FastSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let used: FastSet<&str> = events.iter().flat_map(|e| e.actors.iter().map(String::as_str)).collect();
    let used_tags: FastSet<&str> = events.iter().flat_map(|e| e.tags.iter().map(String::as_str)).collect();
    let mut out = Dataset {
        title: ds.title.clone(),
        actors: ds.actors.iter().filter(|a| used.contains(a.id.as_str())).cloned().collect(),
        events: events.clone(),
        description: ds.description.clone(),
        view: ds.view.clone(),
        tags: ds
            .tags
            .as_ref()
            .map(|t| t.iter().filter(|t| used_tags.contains(t.id.as_str())).cloned().collect()),
        periods: ds.periods.clone(),
    };
    for e in &mut out.events {
        e.related.retain(|r| ids.contains(r.id.as_str()));
    }
    let mut w = JsonWriter::default();
    w.dataset(&out);
    w.out
}

/// Writes the dataset schema as indented JSON (two spaces, the layout of `serde_json`'s pretty
/// form), with the same fields and the same omissions as the model's serde derives: a test
/// checks both give the same JSON. Hand-written because the serde serialiser for the model and
/// its formatter cost about 15 KB of the gzipped bundle for this one download.
#[derive(Default)]
struct JsonWriter {
    out: String,
    depth: usize,
    /// Nothing written yet in the innermost open object or array.
    fresh: bool,
}

impl JsonWriter {
    fn open(&mut self, c: char) {
        self.out.push(c);
        self.depth += 1;
        self.fresh = true;
    }

    fn close(&mut self, c: char) {
        self.depth -= 1;
        if !self.fresh {
            self.newline();
        }
        self.out.push(c);
        self.fresh = false;
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Starts the next member of the open object or array.
    fn item(&mut self) {
        if !self.fresh {
            self.out.push(',');
        }
        self.fresh = false;
        self.newline();
    }

    fn key(&mut self, k: &str) {
        self.item();
        self.string(k);
        self.out.push_str(": ");
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.push_str("\\u00");
                    self.out.push(HEX[(c as usize) >> 4] as char);
                    self.out.push(HEX[(c as usize) & 15] as char);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn field(&mut self, k: &str, v: &str) {
        self.key(k);
        self.string(v);
    }

    fn strings<'a>(&mut self, k: &str, items: impl IntoIterator<Item = &'a str>) {
        self.key(k);
        self.open('[');
        for s in items {
            self.item();
            self.string(s);
        }
        self.close(']');
    }

    fn text(&mut self, k: &str, t: &Text) {
        self.key(k);
        self.object(|w| {
            w.field("de", &t.de);
            w.field("en", &t.en);
        });
    }

    /// An event's `media`, its optional members only where given.
    fn media(&mut self, m: &Media) {
        self.key("media");
        self.object(|w| {
            w.field("url", &m.url);
            let texts = [("alt", &m.alt), ("caption", &m.caption), ("credit", &m.credit)];
            for (k, t) in texts {
                if let Some(t) = t {
                    w.text(k, t);
                }
            }
            for (k, v) in [("link", &m.link), ("thumbnail", &m.thumbnail)] {
                if let Some(v) = v {
                    w.field(k, v);
                }
            }
        });
    }

    fn number(&mut self, k: &str, v: Option<f64>) {
        // Validation keeps coordinates finite; zmij (serde_json's float writer) writes the
        // shortest form that reads back, and a whole number keeps its `.0`, so it stays a float
        // for JSON readers that care.
        if let Some(v) = v.filter(|v| v.is_finite()) {
            self.key(k);
            self.out.push_str(zmij::Buffer::new().format(v));
        }
    }

    /// `{`, what `body` writes, `}`.
    fn object(&mut self, body: impl FnOnce(&mut Self)) {
        self.open('{');
        body(self);
        self.close('}');
    }

    /// A member `k` holding an array with one element per item, each written by `each`.
    fn list<T>(&mut self, k: &str, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.key(k);
        self.open('[');
        for x in items {
            self.item();
            each(self, x);
        }
        self.close(']');
    }

    fn dataset(&mut self, d: &Dataset) {
        self.object(|w| {
            w.text("title", &d.title);
            w.list("actors", &d.actors, |w, a| {
                w.object(|w| {
                    w.field("id", &a.id);
                    w.field("kind", a.kind.code());
                    w.text("name", &a.name);
                })
            });
            w.list("events", &d.events, |w, e| w.event(e));
            if let Some(description) = &d.description {
                w.text("description", description);
            }
            if let Some(view) = &d.view {
                w.field("view", view);
            }
            if let Some(tags) = &d.tags {
                w.list("tags", tags, |w, t| {
                    w.object(|w| {
                        w.field("id", &t.id);
                        w.text("name", &t.name);
                    })
                });
            }
            if let Some(periods) = &d.periods {
                w.list("periods", periods, |w, p| {
                    w.object(|w| {
                        w.field("id", &p.id);
                        w.text("title", &p.title);
                        w.field("from", &p.from.to_string());
                        w.field("to", &p.to.to_string());
                        if let Some(c) = p.category {
                            w.field("category", c.code());
                        }
                    })
                });
            }
        });
    }

    fn event(&mut self, e: &Event) {
        self.object(|w| {
            w.field("id", &e.id);
            w.field("date", &e.date.to_string());
            if let Some(end) = e.end {
                w.field("end", &end.to_string());
            }
            if e.approximate {
                w.key("approximate");
                w.out.push_str("true");
            }
            w.text("title", &e.title);
            w.text("summary", &e.summary);
            w.strings("actors", e.actors.iter().map(String::as_str));
            w.strings("categories", e.categories.iter().map(|c| c.code()));
            w.strings("tags", e.tags.iter().map(String::as_str));
            if let Some(p) = &e.place {
                w.key("place");
                w.object(|w| {
                    w.field("id", &p.id);
                    w.text("name", &p.name);
                    w.number("lat", p.lat);
                    w.number("lon", p.lon);
                });
            }
            w.list("sources", &e.sources, |w, s| {
                w.object(|w| {
                    if let Some(title) = &s.title {
                        w.field("title", title);
                    }
                    w.field("publisher", &s.publisher);
                    w.field("url", &s.url);
                    if let Some(d) = s.date {
                        w.field("date", &d.to_string());
                    }
                    if let Some(lang) = &s.lang {
                        w.field("lang", lang);
                    }
                    if let Some(about) = &s.about {
                        w.text("about", about);
                    }
                    if let Some(kind) = s.kind {
                        w.field("kind", kind.code());
                    }
                })
            });
            w.list("related", &e.related, |w, r| {
                w.object(|w| {
                    w.field("id", &r.id);
                    w.field("relation", r.relation.code());
                })
            });
            w.field("confidence", e.confidence.code());
            if let Some(date_text) = &e.date_text {
                w.text("date_text", date_text);
            }
            if let Some(m) = &e.media {
                w.media(m);
            }
        });
    }
}

/// The events at `indices`, in that order, each once; indices out of range are skipped.
fn chosen<'a>(
    ds: &'a Dataset,
    indices: &'a [usize],
) -> impl Iterator<Item = &'a crate::core::dataset::model::Event> + 'a {
    let mut seen = vec![false; ds.events.len()];
    indices.iter().filter_map(move |&i| {
        let first = !std::mem::replace(seen.get_mut(i)?, true);
        first.then(|| &ds.events[i])
    })
}

/// A spreadsheet cell that cannot be read as a formula. A text that already starts with `'`s
/// before a formula character gets one more, so that the CSV import, which takes one away,
/// reads back what was written.
fn cell(s: &str) -> String {
    match s.trim_start_matches('\'').chars().next() {
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

/// The columns of the CSV export, in order (the CSV import reads the same back). The display
/// date comes last, so that the columns before it keep their places.
pub const CSV_COLUMNS: [&str; 16] = [
    "id",
    "date",
    "end",
    "precision",
    "approximate",
    "title",
    "summary",
    "actors",
    "categories",
    "tags",
    "place",
    "lat",
    "lon",
    "confidence",
    "sources",
    "display_date",
];

/// The chosen events as CSV, texts in `lang`.
pub fn to_csv(ds: &Dataset, indices: &[usize], lang: Lang) -> String {
    let mut out = String::new();
    csv_record(&mut out, CSV_COLUMNS);
    for e in chosen(ds, indices) {
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
            place.and_then(|p| p.lat).map(coordinate).unwrap_or_default(),
            place.and_then(|p| p.lon).map(coordinate).unwrap_or_default(),
            e.confidence.code().to_string(),
            e.sources.iter().map(|s| s.url.as_str()).collect::<Vec<_>>().join(" "),
            e.date_text.as_ref().map(|t| t.get(lang).to_string()).unwrap_or_default(),
        ];
        csv_record(&mut out, record.iter().map(|s| cell(s)));
    }
    out
}

/// One CSV record (RFC 4180): a field that holds a comma, a quote or a line break is quoted,
/// quotes inside doubled; records end with `\n`. Written by hand: quoting is all this needs, and
/// the `csv` crate's writer (with its I/O error machinery) cost about 19 KB of the gzipped
/// bundle. The tests read every export back with the `csv` crate.
fn csv_record<S: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = S>) {
    for (k, field) in fields.into_iter().enumerate() {
        let f = field.as_ref();
        if k > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push('\n');
}

/// RFC 5545 TEXT escaping.
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push_str("\\n"),
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

/// An iCalendar UTC date-time (`20260210T093000Z`) from year, month, day, hour, minute and
/// second: the export's DTSTAMP.
pub fn ics_timestamp([year, month, day, hour, minute, second]: [u32; 6]) -> String {
    format!("{year:04}{month:02}{day:02}T{hour:02}{minute:02}{second:02}Z")
}

/// Whether an iCalendar file can hold the event: its dates, start and exclusive end, are
/// written with four-digit years AD (RFC 5545), so every day of it must lie from 1 January
/// AD 1 to 30 December 9999. Events before AD 1, deep time among them, are left out.
pub fn fits_calendar(e: &Event) -> bool {
    let (first, end) = (day_of(1, 1, 1), day_of(9999, 12, 31));
    e.start_day() >= first && e.end_day() <= end
}

/// How many of the chosen events an iCalendar file leaves out ([`fits_calendar`]), for the
/// export's notice.
pub fn ics_left_out(ds: &Dataset, indices: &[usize]) -> usize {
    chosen(ds, indices).filter(|e| !fits_calendar(e)).count()
}

/// The chosen events as an iCalendar file of all-day events; `dtstamp` is the export time
/// (`YYYYMMDDTHHMMSSZ`; anything but ASCII letters and digits in it is dropped). Events a
/// calendar cannot hold are left out ([`fits_calendar`]).
pub fn to_ics(ds: &Dataset, indices: &[usize], lang: Lang, dtstamp: &str) -> String {
    let dtstamp: String = dtstamp.chars().filter(char::is_ascii_alphanumeric).take(32).collect();
    let mut out = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline-explorer//EN", "CALSCALE:GREGORIAN"] {
        ics_line(&mut out, l);
    }
    ics_line(&mut out, &format!("X-WR-CALNAME:{}", ics_text(ds.title.get(lang))));
    let day = |n: i64| {
        let (y, m, d) = civil_of_day(n);
        format!("{y:04}{m:02}{d:02}")
    };
    for e in chosen(ds, indices).filter(|e| fits_calendar(e)) {
        ics_line(&mut out, "BEGIN:VEVENT");
        ics_line(&mut out, &format!("UID:{}@timeline-explorer", e.id));
        ics_line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        ics_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", day(e.start_day())));
        ics_line(&mut out, &format!("DTEND;VALUE=DATE:{}", day(e.end_day())));
        ics_line(&mut out, &format!("SUMMARY:{}", ics_text(e.title.get(lang))));
        let mut desc = e.summary.get(lang).to_string();
        for s in &e.sources {
            desc.push_str(&format!("\n{} ({}): {}", s.name(lang), s.publisher, s.url));
        }
        ics_line(&mut out, &format!("DESCRIPTION:{}", ics_text(&desc)));
        if let Some(s) = e.sources.first() {
            ics_line(&mut out, &format!("URL:{}", s.url));
        }
        // The categories' codes, then the tags' names (escaped: a name may hold a comma).
        let mut cats: Vec<String> = e.categories.iter().map(|c| c.code().to_string()).collect();
        cats.extend(e.tags.iter().map(|t| ics_text(ds.tag_name(t, lang))));
        ics_line(&mut out, &format!("CATEGORIES:{}", cats.join(",")));
        if let Some(p) = &e.place {
            ics_line(&mut out, &format!("LOCATION:{}", ics_text(p.name.get(lang))));
        }
        ics_line(&mut out, "END:VEVENT");
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}

/// Lower-case ASCII letters and digits; every other run of characters becomes one `-`.
fn slug_part(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A coordinate as a spreadsheet cell: the shortest text that reads back as the same number,
/// without a `.0` on a whole one.
fn coordinate(v: f64) -> String {
    let mut buffer = zmij::Buffer::new();
    let s = buffer.format(v);
    s.strip_suffix(".0").unwrap_or(s).to_string()
}

/// The longest file name [`file_name`] gives, in bytes.
pub const MAX_FILE_NAME: usize = 80;

/// A safe file name describing the view, e.g. `timeline-military-energy-2025-11--2026-02.csv`:
/// ASCII only, at most [`MAX_FILE_NAME`] bytes, `timeline.<ext>` for the default view.
pub fn file_name(state: &ViewState, ext: &str) -> String {
    let ext: String =
        ext.chars().filter(char::is_ascii_alphanumeric).take(10).collect::<String>().to_ascii_lowercase();
    let mut parts: Vec<String> = vec!["timeline".into()];
    parts.extend(state.cat.iter().map(|c| c.code().to_string()));
    for v in state.actor.iter().chain(&state.tag).chain(&state.place).chain(std::iter::once(&state.q)) {
        parts.push(slug_part(v));
    }
    match (state.from, state.to) {
        (None, None) => {}
        (f, t) => parts.push(format!(
            "{}--{}",
            f.map(|d| d.to_string()).unwrap_or_default(),
            t.map(|d| d.to_string()).unwrap_or_default()
        )),
    }
    parts.retain(|p| !p.is_empty());
    let mut name = parts.join("-");
    let room = MAX_FILE_NAME - 1 - ext.len();
    if name.len() > room {
        name.truncate(room); // ASCII only, so any byte is a character boundary.
        name.truncate(name.trim_end_matches('-').len());
    }
    if ext.is_empty() {
        name
    } else {
        format!("{name}.{ext}")
    }
}

/// HTML attribute escaping for snippets.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Ready-to-paste snippets that show the view `query` on another page: an iframe of
/// `embed_url` named `title` for screen readers (the word for a timeline in the reader's
/// language), and the custom element loaded from `script_url`. Both are plain attributes, no
/// `style`: a host page under a strict Content-Security-Policy (`style-src` without
/// `'unsafe-inline'`) refuses style attributes.
pub fn embed_snippets(embed_url: &str, script_url: &str, query: &str, title: &str) -> (String, String) {
    let src = if query.is_empty() { embed_url.to_string() } else { format!("{embed_url}?{query}") };
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>",
        attr(&src),
        attr(title)
    );
    let element = format!(
        "<script type=\"module\" src=\"{}\"></script>\n<timeline-explorer state=\"{}\"></timeline-explorer>",
        attr(script_url),
        attr(query)
    );
    (iframe, element)
}

#[cfg(test)]
mod snippet_tests {
    use super::*;

    #[test]
    fn embed_snippets_carry_the_view_and_escape_it() {
        let (iframe, element) = embed_snippets(
            "https://x.org/embed.html",
            "https://x.org/pkg/timeline-explorer.js",
            "q=a\"b&cat=energy",
            "Zeitleiste",
        );
        assert!(iframe.contains("src=\"https://x.org/embed.html?q=a&quot;b&amp;cat=energy\""), "{iframe}");
        assert!(iframe.contains("title=\"Zeitleiste\""), "{iframe}");
        assert!(element.contains("state=\"q=a&quot;b&amp;cat=energy\""), "{element}");
        let (plain, _) = embed_snippets("e.html", "s.js", "", "Timeline");
        assert!(plain.contains("src=\"e.html\""));
    }

    #[test]
    fn the_iframe_snippet_is_sized_by_attributes_alone_so_a_strict_csp_accepts_it() {
        let (iframe, element) = embed_snippets("e.html", "s.js", "cat=energy", "Timeline");
        assert!(iframe.contains(" width=\"100%\"") && iframe.contains(" height=\"640\""), "{iframe}");
        for snippet in [&iframe, &element] {
            assert!(
                !snippet.contains("style"),
                "a style attribute is refused under style-src 'self': {snippet}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::date::PartialDate;
    use crate::core::dataset::model::{Category, SourceKind, Tag};
    use crate::core::formats::embedded::embedded_dataset;
    use crate::core::formats::read::load_dataset;

    #[test]
    fn an_ics_timestamp_is_zero_padded_utc() {
        assert_eq!(ics_timestamp([2026, 2, 9, 7, 5, 3]), "20260209T070503Z");
    }

    #[test]
    fn coordinates_are_written_as_the_shortest_number_that_reads_back() {
        for (v, text) in [
            (40.4093, "40.4093"),
            (-49.8, "-49.8"),
            (49.0, "49"),
            (-0.5, "-0.5"),
            (0.1 + 0.2, "0.30000000000000004"),
        ] {
            assert_eq!(coordinate(v), text);
            assert_eq!(coordinate(v).parse::<f64>().unwrap(), v);
        }
    }

    const FIXTURE: &str = r#"{
      "title": {"de": "Prüfung; Test", "en": "Test, export"},
      "periods": [{"id": "talks", "title": {"de": "Gespräche", "en": "Talks"}, "from": "2025-08", "to": "2026", "category": "diplomacy"},
                  {"id": "winter", "title": {"de": "Winter", "en": "Winter"}, "from": "2025-12-21", "to": "2026-03-20"}],
      "actors": [
        {"id": "az", "kind": "state", "name": {"de": "Aserbaidschan", "en": "Azerbaijan"}},
        {"id": "kz", "kind": "state", "name": {"de": "Kasachstan", "en": "Kazakhstan"}},
        {"id": "ru", "kind": "state", "name": {"de": "Russland", "en": "Russia"}}
      ],
      "events": [
        {"id": "month-event", "date": "2025-11", "approximate": true,
         "date_text": {"de": "Anfang November \"25", "en": "early November '25"},
         "title": {"de": "=HYPERLINK(\"http://evil\")", "en": "=cmd|' /C calc'!A0"},
         "summary": {"de": "Kommas, Semikola; Backslash \\ und\nZeilen", "en": "Commas, semicolons; a backslash \\ and\na new line, then a long tail: äöü€😀 äöü€😀 äöü€😀 äöü€😀 äöü€😀 äöü€😀 äöü€😀 äöü€😀 äöü€😀 äöü€😀"},
         "actors": ["az"], "categories": ["military", "energy"], "tags": ["tripp"],
         "place": {"id": "baku", "name": {"de": "Baku", "en": "Baku"}, "lat": 40.4, "lon": -49.8},
         "sources": [{"title": "A", "publisher": "P", "url": "https://example.org/a?x=1,2;3"},
                     {"title": "B", "publisher": "Q", "url": "https://example.org/b"}],
         "related": [{"id": "year-event", "relation": "follows"}, {"id": "day-event", "relation": "context"}],
         "confidence": "per-article"},
        {"id": "year-event", "date": "2024", "end": "2025-02",
         "title": {"de": "+Jahr", "en": "@year"}, "summary": {"de": "-minus", "en": "\tTab"},
         "actors": ["kz"], "categories": ["diplomacy"],
         "sources": [{"title": "S", "publisher": "P", "url": "https://example.org/y"}], "confidence": "confirmed",
         "media": {"url": "img/map%22one%22.png", "alt": {"de": "Karte", "en": "Map"},
                   "caption": {"de": "Die \"Route\"", "en": "The route"}, "credit": {"de": "© A", "en": "© A"},
                   "link": "https://example.org/map", "thumbnail": "img/small.png"}},
        {"id": "day-event", "date": "2026-01-15",
         "title": {"de": "Tag", "en": "Day"}, "summary": {"de": "Text", "en": "Text"},
         "actors": ["ru"], "categories": ["transport"],
         "sources": [{"title": "S", "publisher": "P", "url": "https://example.org/d"}], "confidence": "confirmed",
         "media": {"url": "https://www.youtube.com/watch?v=x"}}
      ]
    }"#;

    fn fixture() -> (Dataset, Vec<usize>) {
        let ds = load_dataset(FIXTURE).unwrap_or_else(|e| panic!("{e}"));
        let idx = ["month-event", "year-event"].iter().map(|id| ds.event_index(id).unwrap()).collect();
        (ds, idx)
    }

    fn some(ds: &Dataset) -> Vec<usize> {
        ["trans-caspian-options-2025", "kz-nato-shells-2025", "ru-duma-reaction-2025"]
            .iter()
            .map(|id| ds.event_index(id).unwrap())
            .collect()
    }

    #[test]
    fn json_export_reloads_with_only_the_chosen_events_and_their_actors() {
        let (ds, idx) = fixture();
        let mut with_dupes = idx.clone();
        with_dupes.extend([idx[0], 999]);
        let back = load_dataset(&to_json(&ds, &with_dupes)).unwrap_or_else(|e| panic!("{e}"));
        let mut ids: Vec<_> = back.events.iter().map(|e| e.id.as_str()).collect();
        ids.sort();
        assert_eq!(ids, ["month-event", "year-event"]);
        let actors: Vec<_> = back.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(actors, ["az", "kz"]);
        let month = back.event("month-event").unwrap();
        assert_eq!(month.related.len(), 1);
        assert_eq!(month.related[0].id, "year-event");
        assert_eq!(month, &{
            let mut e = ds.event("month-event").unwrap().clone();
            e.related.truncate(1);
            e
        });
        assert_eq!(back.title, ds.title);
        assert_eq!(back.periods, ds.periods, "periods are written whatever events are chosen");
        assert_eq!(back.periods.as_ref().map(Vec::len), Some(2));
        // Nothing chosen is still a loadable dataset.
        assert!(load_dataset(&to_json(&ds, &[])).unwrap().events.is_empty());
    }

    #[test]
    fn json_export_of_the_embedded_dataset_reloads() {
        let ds = embedded_dataset().unwrap();
        let back = load_dataset(&to_json(&ds, &some(&ds))).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.events.len(), 3);
        assert!(back.actors.len() < ds.actors.len());
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let whole = load_dataset(&to_json(&ds, &all)).unwrap();
        assert!(whole.events == ds.events, "all events survive unchanged");
        assert!(whole.actors.iter().all(|a| ds.actor(&a.id) == Some(a)));
    }

    #[test]
    fn json_export_writes_what_the_serde_derives_would() {
        let ds = embedded_dataset().unwrap();
        let all: Vec<usize> = (0..ds.events.len()).collect();
        assert_eq!(to_json(&ds, &all), serde_json::to_string_pretty(&ds).unwrap());
        // In the dataset's (date) order, which loading keeps.
        let (fx, mut idx) = fixture();
        idx.sort();
        let out = to_json(&fx, &idx);
        let ours: serde_json::Value = serde_json::from_str(&out).unwrap();
        let theirs = serde_json::to_value(load_dataset(&out).unwrap()).unwrap();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn exports_name_tags_from_the_tag_table_and_keep_only_the_chosen_events_entries() {
        let (mut ds, idx) = fixture();
        ds.tags = Some(vec![
            Tag {
                id: "tripp".into(),
                name: Text { de: "TRIPP, Korridor".into(), en: "TRIPP corridor".into() },
            },
            Tag { id: "unused".into(), name: Text { de: "Frei".into(), en: "Unused".into() } },
        ]);
        ds.description = Some(Text { de: "Beschreibung".into(), en: "Description".into() });
        ds.view = Some("view=list".into());
        let ics = to_ics(&ds, &idx, Lang::De, "20261128T120000Z").replace("\r\n ", "");
        assert!(ics.contains("CATEGORIES:military,energy,TRIPP\\, Korridor\r\n"), "{ics}");
        let back = load_dataset(&to_json(&ds, &idx)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            back.tags.as_deref().map(|t| t.iter().map(|t| t.id.as_str()).collect::<Vec<_>>()),
            Some(vec!["tripp"])
        );
        assert_eq!((back.description, back.view), (ds.description.clone(), ds.view.clone()));
    }

    #[test]
    fn a_source_is_written_with_its_headline_or_description_language_and_kind() {
        let (mut ds, idx) = fixture();
        let first = &mut ds.events[idx[0]].sources;
        first[0].lang = Some("ru".into());
        first[0].kind = Some(SourceKind::Report);
        first[1].title = None;
        first[1].about = Some(Text { de: "Bericht".into(), en: "Report".into() });
        let back = load_dataset(&to_json(&ds, &idx)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.event("month-event").unwrap().sources, ds.events[idx[0]].sources);
        // The calendar names a source by its headline, or else by its description.
        let ics = to_ics(&ds, &idx, Lang::De, "20261128T120000Z").replace("\r\n ", "");
        assert!(
            ics.contains("\\nA (P): https://example.org/a?x=1\\,2\\;3\\nBericht (Q): https://example.org/b"),
            "{ics}"
        );
    }

    #[test]
    fn json_export_escapes_quotes_backslashes_and_control_characters() {
        let (mut ds, idx) = fixture();
        let hostile = "a\"b\\c\n\r\t\u{8}\u{c}\u{1}\u{1f}</script>\u{2028}é";
        ds.events[idx[0]].title.en = hostile.to_string();
        let out = to_json(&ds, &idx);
        let expected = concat!(r#""en": "a\"b\\c\n\r\t\b\f\u0001\u001f</script>"#, "\u{2028}é\"");
        assert!(out.contains(expected), "{out}");
        let back = load_dataset(&out).unwrap();
        assert_eq!(back.event(&ds.events[idx[0]].id).unwrap().title.en, hostile);
    }

    #[test]
    fn csv_export_has_a_header_and_one_row_per_event_that_parse_back() {
        let (ds, idx) = fixture();
        let text = to_csv(&ds, &idx, Lang::En);
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<_> = r.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(
            header,
            [
                "id",
                "date",
                "end",
                "precision",
                "approximate",
                "title",
                "summary",
                "actors",
                "categories",
                "tags",
                "place",
                "lat",
                "lon",
                "confidence",
                "sources",
                "display_date"
            ]
        );
        let rows: Vec<_> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), 2);
        let m = &rows[0];
        assert_eq!(&m[0], "month-event");
        assert_eq!((&m[1], &m[2], &m[3], &m[4]), ("2025-11", "", "month", "true"));
        assert_eq!(&m[6], ds.event("month-event").unwrap().summary.en);
        assert_eq!((&m[7], &m[8], &m[9], &m[10]), ("az", "military energy", "tripp", "Baku"));
        assert_eq!((&m[11], &m[12], &m[13]), ("40.4", "'-49.8", "per-article"));
        assert_eq!(&m[14], "https://example.org/a?x=1,2;3 https://example.org/b");
        assert_eq!(&m[15], "early November '25");
        let y = &rows[1];
        assert_eq!((&y[1], &y[2], &y[3], &y[4], &y[13]), ("2024", "2025-02", "year", "false", "confirmed"));
        assert_eq!(&y[15], "", "an event without a display date");
        // German texts on request, the display date too.
        let de = to_csv(&ds, &idx, Lang::De);
        assert!(de.contains("Kommas, Semikola"));
        let rows: Vec<_> = csv::Reader::from_reader(de.as_bytes()).records().map(|x| x.unwrap()).collect();
        assert_eq!(&rows[0][15], "Anfang November \"25");
    }

    /// What the `csv` crate writes for the same records.
    fn rewritten(text: &str) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        for rec in csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes()).records() {
            w.write_record(&rec.unwrap()).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn csv_quoting_is_byte_for_byte_what_the_csv_crate_writes() {
        let (ds, idx) = fixture();
        for lang in Lang::ALL {
            let text = to_csv(&ds, &idx, lang);
            assert!(text.contains("\"https://example.org/a?x=1,2;3 https://example.org/b\""));
            assert_eq!(rewritten(&text), text);
        }
        let mut out = String::new();
        csv_record(&mut out, ["a\"b", "x,y", "line\nbreak", "cr\r", "plain", ""]);
        assert_eq!(out, "\"a\"\"b\",\"x,y\",\"line\nbreak\",\"cr\r\",plain,\n");
    }

    #[test]
    fn csv_cells_cannot_start_a_formula() {
        let (ds, idx) = fixture();
        let text = to_csv(&ds, &idx, Lang::En);
        let rows: Vec<_> = csv::Reader::from_reader(text.as_bytes()).records().map(|x| x.unwrap()).collect();
        assert_eq!(&rows[0][5], "'=cmd|' /C calc'!A0");
        assert_eq!(&rows[1][5], "'@year");
        assert_eq!(&rows[1][6], "'\tTab");
        let de = to_csv(&ds, &idx, Lang::De);
        let rows: Vec<_> = csv::Reader::from_reader(de.as_bytes()).records().map(|x| x.unwrap()).collect();
        assert_eq!(&rows[0][5], "'=HYPERLINK(\"http://evil\")");
        assert_eq!((&rows[1][5], &rows[1][6]), ("'+Jahr", "'-minus"));
        // The display date too.
        let (mut ds, idx) = fixture();
        ds.events[idx[1]].date_text = Some(Text { de: "-300".into(), en: "=1+1".into() });
        for (lang, want) in [(Lang::En, "'=1+1"), (Lang::De, "'-300")] {
            let text = to_csv(&ds, &idx, lang);
            let rows: Vec<_> =
                csv::Reader::from_reader(text.as_bytes()).records().map(|x| x.unwrap()).collect();
            assert_eq!(&rows[1][15], want);
        }
        for (input, want) in [("\rx", "'\rx"), ("-1", "'-1"), ("plain", "plain"), ("", ""), ("a=b", "a=b")] {
            assert_eq!(cell(input), want);
        }
    }

    #[test]
    fn ics_lines_are_crlf_folded_at_75_octets_and_escaped() {
        let (ds, idx) = fixture();
        let text = to_ics(&ds, &idx, Lang::En, "20261128T120000Z");
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains(['\r', '\n']), "bare CR or LF");
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert!(text.split("\r\n").any(|l| l.starts_with(' ')), "the long description is folded");
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("X-WR-CALNAME:Test\\, export\r\n"));
        assert!(unfolded.contains(
            "DESCRIPTION:Commas\\, semicolons\\; a backslash \\\\ and\\na new line\\, then a long tail: äöü€😀"
        ));
        assert!(unfolded.contains(
            "äöü€😀 äöü€😀\\nA (P): https://example.org/a?x=1\\,2\\;3\\nB (Q): https://example.org/b\r\n"
        ));
        assert!(unfolded.contains("URL:https://example.org/a?x=1,2;3\r\n"));
        assert!(unfolded.contains("SUMMARY:=cmd|' /C calc'!A0\r\n"));
        // A tag the dataset does not name is written as its slug.
        assert!(unfolded.contains("CATEGORIES:military,energy,tripp\r\n"));
        assert!(unfolded.contains("UID:month-event@timeline-explorer\r\nDTSTAMP:20261128T120000Z\r\n"));
        assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2);
        assert_eq!(unfolded.matches("END:VEVENT").count(), 2);
    }

    #[test]
    fn ics_end_dates_are_exclusive_and_cover_the_whole_interval() {
        let (ds, idx) = fixture();
        let text = to_ics(&ds, &idx, Lang::En, "20261128T120000Z").replace("\r\n ", "");
        // Month precision spans the month; DTEND is the day after.
        assert!(text.contains("DTSTART;VALUE=DATE:20251101\r\nDTEND;VALUE=DATE:20251201\r\n"));
        // 2024 until February 2025.
        assert!(text.contains("DTSTART;VALUE=DATE:20240101\r\nDTEND;VALUE=DATE:20250301\r\n"));
        let day = to_ics(&ds, &[ds.event_index("day-event").unwrap()], Lang::De, "x");
        assert!(day.contains("DTSTART;VALUE=DATE:20260115\r\nDTEND;VALUE=DATE:20260116\r\n"));
        // A hostile time stamp cannot add lines.
        let evil = to_ics(&ds, &idx, Lang::En, "20261128T120000Z\r\nATTACH:http://evil");
        assert!(evil.contains("DTSTAMP:20261128T120000ZATTACHhttpevil\r\n"));
        assert!(!evil.contains("\r\nATTACH"));
    }

    const DEEP_TIME: &str = include_str!("../../../tests/fixtures/deep-time.json");

    #[test]
    fn json_and_csv_exports_write_deep_time_and_bc_dates_that_read_back_the_same() {
        let ds = load_dataset(DEEP_TIME).unwrap_or_else(|e| panic!("{e}"));
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let json = to_json(&ds, &all);
        assert!(json.contains(r#""date": "-13800000000""#) && json.contains(r#""date": "-0299""#), "{json}");
        let back = load_dataset(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.events, ds.events);
        let csv = to_csv(&ds, &all, Lang::En);
        assert!(csv.contains("-13800000000,") && csv.contains("-0299,"), "{csv}");
        let options = crate::core::formats::csv::ImportOptions::default();
        let read = crate::core::formats::csv::import_csv(&csv, &options).unwrap_or_else(|e| panic!("{e}"));
        let dates: Vec<String> = read.dataset.events.iter().map(|e| e.date.to_string()).collect();
        assert_eq!(dates, ["-13800000000", "-0299", "1990-04-24"]);
    }

    #[test]
    fn an_ics_file_leaves_out_events_before_ad_1_and_says_how_many() {
        let ds = load_dataset(DEEP_TIME).unwrap_or_else(|e| panic!("{e}"));
        let all: Vec<usize> = (0..ds.events.len()).collect();
        assert_eq!(ics_left_out(&ds, &all), 2);
        let text = to_ics(&ds, &all, Lang::En, "20261128T120000Z");
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
        assert!(text.contains("DTSTART;VALUE=DATE:19900424\r\nDTEND;VALUE=DATE:19900425\r\n"));
        assert!(!text.contains("big-bang") && !text.contains("euclid"));
        // The calendar's last day cannot end an event: its exclusive end is year 10000.
        let last = ds.events[2].clone();
        let at = |date: &str| Event { date: date.parse().unwrap(), end: None, ..last.clone() };
        assert!(fits_calendar(&at("0001-01-01")) && fits_calendar(&at("9999-12-30")));
        assert!(!fits_calendar(&at("0000-12-31")) && !fits_calendar(&at("9999-12-31")));
    }

    #[test]
    fn ics_text_escaping_follows_rfc_5545() {
        assert_eq!(ics_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(ics_text("crlf\r\nlone\rcr\u{7}"), "crlf\\nlone\\ncr");
        let mut out = String::new();
        ics_line(&mut out, &"é".repeat(100));
        for l in out.split("\r\n") {
            assert!(l.len() <= 75);
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{}\r\n", "é".repeat(100)));
    }

    #[test]
    fn file_names_describe_the_view_safely() {
        let mut s = ViewState::default();
        assert_eq!(file_name(&s, "json"), "timeline.json");
        s.cat.insert(Category::Energy);
        s.cat.insert(Category::Military);
        s.from = Some(PartialDate::parse("2025-11").unwrap());
        s.to = Some(PartialDate::parse("2026-02").unwrap());
        assert_eq!(file_name(&s, "csv"), "timeline-military-energy-2025-11--2026-02.csv");
        s.to = None;
        assert_eq!(file_name(&s, "ics"), "timeline-military-energy-2025-11--.ics");
        let mut t = ViewState { q: "Öl & Gas".into(), ..Default::default() };
        t.actor.insert("az".into());
        t.tag.insert("tripp_route".into());
        assert_eq!(file_name(&t, "ics"), "timeline-az-tripp-route-l-gas.ics");
        s.q = "../../etc/passwd <x>".repeat(10);
        let n = file_name(&s, "ics");
        assert!(
            n.len() <= MAX_FILE_NAME && n.ends_with(".ics") && !n.contains('/') && !n.contains('<'),
            "{n}"
        );
        assert!(!n.contains("-.") && n.is_ascii());
        let odd = file_name(&s, &"x/../".repeat(100));
        assert!(odd.len() <= MAX_FILE_NAME && odd.is_ascii() && !odd.contains('/'), "{odd}");
        assert_eq!(file_name(&ViewState::default(), ""), "timeline");
    }
}
