//! Fuzzing of everything that reads untrusted input: the dataset parser and validator (and the
//! loader that accepts JSON), the TimelineJS import, the URL decoder and the search normaliser.
//!
//! Each target runs `FUZZ_CASES` generated inputs (default 2,000; `./dev fuzz` runs well over a
//! million in total, in release mode) and prints how many it tried. No input may panic; every
//! rejection must be a [`DatasetError`] whose problems name a well-formed field with a short,
//! non-empty message; every accepted input must satisfy the invariants the rest of the widget
//! relies on. Failures are shrunk by proptest and kept in `tests/fuzz.proptest-regressions`,
//! which is replayed first on every run.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};
use serde_json::{json, Map, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;
use timeline_explorer::core::dataset::media::{MediaInfo, MediaKind};
use timeline_explorer::core::dataset::model::Event;
use timeline_explorer::core::dataset::model::{Category, Dataset, Lang};
use timeline_explorer::core::dataset::validate::{
    is_http_url, is_media_url, validate, DatasetError, MAX_DATE_TEXT_CHARS, MAX_MESSAGE_CHARS, MAX_REPORTED,
    MAX_TEXT_CHARS, MAX_URL_BYTES,
};
use timeline_explorer::core::formats::csv::{import_csv, ImportOptions};
use timeline_explorer::core::formats::export::{fits_calendar, ics_left_out, to_csv, to_ics, to_json};
use timeline_explorer::core::formats::jsonpath::{render, Seg};
use timeline_explorer::core::formats::read::ImportNote;
use timeline_explorer::core::formats::read::{body_text, read_text, Foreign, LoadFailure};
use timeline_explorer::core::formats::read::{event_parse_error, load_dataset};
use timeline_explorer::core::formats::stream::DatasetStream;
use timeline_explorer::core::formats::timelinejs::{html_to_text, import_noted, looks_like_timelinejs};
use timeline_explorer::core::formats::vis::{import_vis, VisNote};
use timeline_explorer::core::i18n::problem_text;
use timeline_explorer::core::loaded::LoadedDataset;
use timeline_explorer::core::query::search::{
    fold, highlight, Query, MAX_QUERY_CHARS, MAX_TOKENS, MAX_TOKEN_CHARS,
};
use timeline_explorer::core::query::urlstate::{
    decode, encode, sanitize, Decoded, Ignored, Known, MAX_LIST, MAX_Q_CHARS, MAX_REPORTS, MAX_SPAN_DAYS,
};
use timeline_explorer::core::query::viewstate::ViewState;

// ---------------------------------------------------------------------------------------------
// The runner

fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.trim().parse().ok()).unwrap_or(2_000)
}

/// Runs `test` on `cases()` inputs from `strategy` (after replaying saved failures) and prints
/// how many inputs were tried; panics with the shrunk input on the first failure.
fn fuzz<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let config = Config {
        cases: cases(),
        source_file: Some(file!()),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        max_shrink_iters: 4_096,
        rng_algorithm: proptest::test_runner::RngAlgorithm::XorShift,
        ..Config::default()
    };
    let tried = AtomicU64::new(0);
    let started = Instant::now();
    let result = TestRunner::new(config).run(&strategy, |v| {
        tried.fetch_add(1, Ordering::Relaxed);
        test(v)
    });
    let n = tried.load(Ordering::Relaxed);
    let secs = started.elapsed().as_secs_f64();
    eprintln!("fuzz {name}: {n} inputs tried in {secs:.1} s ({:.0}/s)", n as f64 / secs.max(1e-9));
    if let Err(e) = result {
        panic!("fuzz target {name} failed: {e}");
    }
}

macro_rules! ensure {
    ($cond:expr, $($fmt:tt)+) => {
        if !$cond {
            return Err(TestCaseError::fail(format!($($fmt)+)));
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Hostile material

/// Markup, script URLs, entity tricks, direction overrides, null bytes: the same families as the
/// end-to-end XSS corpus.
const HOSTILE: &[&str] = &[
    "<script>top.__xss=1</script>",
    "<img src=x onerror=\"top.__xss=1\">",
    "<svg onload=top.__xss=1>",
    "\"><svg/onload=top.__xss=1>",
    "' onmouseover='top.__xss=1' x='",
    "<iframe src=\"javascript:top.__xss=1\"></iframe>",
    "<a href=\"javascript:top.__xss=1\">x</a>",
    "javascript:top.__xss=1",
    "JaVaScRiPt:top.__xss=1",
    "data:text/html;base64,PHNjcmlwdD50b3AuX194c3M9MTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "&lt;script&gt;top.__xss=1&lt;/script&gt;",
    "&#x6a;avascript:top.__xss=1",
    "&#106;&#97;vascript&#58;alert(1)",
    "\u{202E}fdp.exe\u{202C} \u{2066}isolate\u{2069}",
    "nul\u{0}byte",
    "\u{200B}\u{FEFF}\u{00AD}zero-width",
    "${top.__xss=1}{{constructor.constructor('top.__xss=1')()}}",
    "<style>*{display:none}</style>",
    "]]><!-- --><![CDATA[",
    "%3Cscript%3Etop.__xss%3D1%3C%2Fscript%3E",
    "\\u003cscript\\u003e",
    "Z\u{351}\u{36b}\u{343}\u{36a}\u{302}\u{36b}\u{33d}\u{34f}\u{334}\u{319}a\u{357}\u{350}l\u{311}g\u{306}o",
    "İı ẞß Əə ǅ K Å",
    "\u{FFFD}\u{FFFF}\u{10FFFF}",
];

/// A string strategy from a regex, parsed once (a `&str` strategy parses it for every input).
fn rx(regex: &str) -> proptest::string::RegexGeneratorStrategy<String> {
    proptest::string::string_regex(regex).expect("a valid regex")
}

fn hostile() -> impl Strategy<Value = String> {
    proptest::sample::select(HOSTILE).prop_map(str::to_string)
}

/// A non-blank text in one language: plain words, hostile strings or anything at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => rx("[A-Za-zÄÖÜäöüßƏə0-9 ,.()'-]{1,30}"),
        2 => hostile(),
        1 => any::<String>(),
        1 => (hostile(), hostile(), rx("[a-z ]{0,5}")).prop_map(|(a, b, c)| format!("{a}{c}{b}")),
    ]
    .prop_map(|s| if s.trim().is_empty() { format!("{s}x") } else { s })
}

fn text_pair() -> impl Strategy<Value = Value> {
    (text(), text()).prop_map(|(de, en)| json!({ "de": de, "en": en }))
}

fn slug() -> impl Strategy<Value = String> {
    rx("[a-z0-9_-]{1,12}")
}

/// A valid date string of any precision, over the whole range: years alone before 100,000 BC
/// (ISO 8601 years, `-13800000000`), and BC and AD dates of any precision after it.
fn date() -> impl Strategy<Value = (i64, String)> {
    let year = prop_oneof![3 => 1i64..=9999, 1 => -99_999i64..=0, 1 => -20_000_000_000i64..-99_999];
    (year, 0u32..=12, 1u32..=28).prop_map(|(y, m, d)| {
        let sign = if y < 0 { "-" } else { "" };
        let abs = y.unsigned_abs();
        let s = match m {
            _ if y < -99_999 => format!("{sign}{abs:04}"),
            0 => format!("{sign}{abs:04}"),
            m if d % 2 == 0 => format!("{sign}{abs:04}-{m:02}"),
            m => format!("{sign}{abs:04}-{m:02}-{d:02}"),
        };
        (y, s)
    })
}

/// An absolute http(s) URL; some carry quotes and markup that are legal in a URL string.
fn http_url() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => rx("https?://[a-z]{1,10}\\.[a-z]{2,3}/[A-Za-z0-9/?=&%._~#-]{0,20}"),
        1 => Just("https://example.org/\"><script>top.__xss=1</script>".to_string()),
        1 => Just("http://example.org/'onmouseover='top.__xss=1".to_string()),
        1 => Just("HTTPS://EXAMPLE.ORG/%3Cscript%3E?a=javascript:alert(1)".to_string()),
    ]
}

const CATEGORIES: [&str; 5] = ["diplomacy", "military", "energy", "transport", "analysis"];
const RELATIONS: [&str; 4] = ["follows", "responds-to", "context", "part-of"];
const KINDS: [&str; 3] = ["state", "organisation", "person"];
const SOURCE_KINDS: [&str; 6] =
    ["report", "statement", "analysis", "republication", "aggregator", "document"];
/// Language tags a source may carry.
const SOURCE_LANGS: [&str; 8] = ["ru", "en", "de", "hu", "uk", "az", "pt-BR", "sr-Latn-RS"];
/// Opening views that read through the URL codec whatever the dataset (`event=` is added for an
/// event the dataset has).
const VIEWS: [&str; 5] =
    ["view=list", "cat=energy&group=category", "span=2025-08-01..2026-03-01", "lang=de", ""];

// ---------------------------------------------------------------------------------------------
// Valid datasets, built as JSON so they can be mutated

type EventParts = (
    (String, (i64, String), Option<u8>, bool),
    (Value, Value),
    (Vec<Index>, Vec<usize>, Vec<String>),
    Option<(String, Value, Option<i32>, Option<i32>)>,
    Vec<(Value, Value, String, Option<(i64, String)>, SourceExtras)>,
    (Vec<(Index, usize)>, bool),
);

/// A source's optional fields: whether it keeps its headline, its language, its description and
/// its kind (a source without a headline always gets a description).
type SourceExtras = (bool, Option<usize>, Option<Value>, Option<usize>);

fn source_extras() -> impl Strategy<Value = SourceExtras> {
    (
        proptest::bool::weighted(0.7),
        proptest::option::of(0..SOURCE_LANGS.len()),
        proptest::option::of(text_pair()),
        proptest::option::of(0..SOURCE_KINDS.len()),
    )
}

fn event_parts() -> impl Strategy<Value = EventParts> {
    (
        (slug(), date(), proptest::option::of(0u8..4), any::<bool>()),
        (text_pair(), text_pair()),
        (
            proptest::collection::vec(any::<Index>(), 0..3),
            proptest::collection::vec(0usize..5, 1..3),
            proptest::collection::vec(slug(), 0..3),
        ),
        proptest::option::of((
            slug(),
            text_pair(),
            proptest::option::of(-90_000i32..=90_000),
            proptest::option::of(-180_000i32..=180_000),
        )),
        proptest::collection::vec(
            (
                text().prop_map(Value::from),
                text().prop_map(Value::from),
                http_url(),
                proptest::option::of(date()),
                source_extras(),
            ),
            1..3,
        ),
        (proptest::collection::vec((any::<Index>(), 0usize..4), 0..3), any::<bool>()),
    )
}

/// What a dataset may carry beside its title, actors and events: a description, whether its tags
/// are named in a table (with these names, and one tag no event uses), and which opening view.
type DatasetExtras = (Option<Value>, Option<Vec<Value>>, Option<usize>);

fn dataset_extras() -> impl Strategy<Value = DatasetExtras> {
    (
        proptest::option::of(text_pair()),
        proptest::option::of(proptest::collection::vec(text_pair(), 1..4)),
        proptest::option::of(0..=VIEWS.len()),
    )
}

fn build_dataset(
    title: Value,
    actors: Vec<(String, usize, Value)>,
    events: Vec<EventParts>,
    (description, tag_names, view): DatasetExtras,
) -> Value {
    let actor_ids: Vec<String> = actors.iter().enumerate().map(|(i, (s, _, _))| format!("{s}-{i}")).collect();
    let actors_json: Vec<Value> = actors
        .into_iter()
        .zip(&actor_ids)
        .map(|((_, kind, name), id)| json!({ "id": id, "kind": KINDS[kind % 3], "name": name }))
        .collect();
    let event_ids: Vec<String> = events.iter().enumerate().map(|(i, e)| format!("{}-{i}", e.0 .0)).collect();
    let mut out = Vec::new();
    for (
        i,
        (
            (_, (year, date), end, approximate),
            (title, summary),
            (actor_picks, cats, tags),
            place,
            sources,
            (related, confirmed),
        ),
    ) in events.into_iter().enumerate()
    {
        let mut e = Map::new();
        e.insert("id".into(), json!(event_ids[i]));
        e.insert("date".into(), json!(date));
        if let Some(off) = end {
            let end = (year + off as i64).min(9999);
            let end = if end < 0 { format!("-{:04}", end.unsigned_abs()) } else { format!("{end:04}") };
            e.insert("end".into(), json!(end));
        }
        if approximate {
            e.insert("approximate".into(), json!(true));
        }
        e.insert("title".into(), title);
        e.insert("summary".into(), summary);
        let mut picked: Vec<&String> = Vec::new();
        if !actor_ids.is_empty() {
            for p in actor_picks {
                let a = p.get(&actor_ids);
                if !picked.contains(&a) {
                    picked.push(a);
                }
            }
        }
        e.insert("actors".into(), json!(picked));
        e.insert("categories".into(), json!(cats.iter().map(|&c| CATEGORIES[c]).collect::<Vec<_>>()));
        if !tags.is_empty() {
            e.insert("tags".into(), json!(tags));
        }
        if let Some((id, name, lat, lon)) = place {
            let mut p = json!({ "id": id, "name": name });
            if let Some(lat) = lat {
                p["lat"] = json!(lat as f64 / 1000.0);
            }
            if let Some(lon) = lon {
                p["lon"] = json!(lon as f64 / 1000.0);
            }
            e.insert("place".into(), p);
        }
        let sources: Vec<Value> = sources
            .into_iter()
            .map(|(title, publisher, url, date, (headline, lang, about, kind))| {
                let mut s = json!({ "publisher": publisher, "url": url });
                if headline || about.is_none() {
                    s["title"] = title;
                }
                if let Some((_, d)) = date {
                    s["date"] = json!(d);
                }
                if let Some(l) = lang {
                    s["lang"] = json!(SOURCE_LANGS[l]);
                }
                if let Some(about) = about {
                    s["about"] = about;
                }
                if let Some(k) = kind {
                    s["kind"] = json!(SOURCE_KINDS[k]);
                }
                s
            })
            .collect();
        e.insert("sources".into(), json!(sources));
        let related: Vec<Value> = related
            .into_iter()
            .map(|(ix, rel)| (ix.index(event_ids.len()), rel))
            .filter(|&(k, _)| k != i)
            .map(|(k, rel)| json!({ "id": event_ids[k], "relation": RELATIONS[rel] }))
            .collect();
        if !related.is_empty() {
            e.insert("related".into(), json!(related));
        }
        e.insert("confidence".into(), json!(if confirmed { "confirmed" } else { "per-article" }));
        out.push(Value::Object(e));
    }
    let mut d = json!({ "title": title, "actors": actors_json, "events": out });
    if let Some(description) = description {
        d["description"] = description;
    }
    if let Some(names) = tag_names {
        // Every tag the events use, each named, and one that no event uses.
        let mut used: Vec<&str> = Vec::new();
        for e in d["events"].as_array().into_iter().flatten() {
            for t in e["tags"].as_array().into_iter().flatten().filter_map(Value::as_str) {
                if !used.contains(&t) {
                    used.push(t);
                }
            }
        }
        used.push("unused-tag");
        let table: Vec<Value> = used
            .iter()
            .enumerate()
            .map(|(k, t)| json!({ "id": t, "name": names[k % names.len()] }))
            .collect();
        d["tags"] = json!(table);
    }
    match view {
        Some(k) if k < VIEWS.len() => d["view"] = json!(VIEWS[k]),
        Some(_) if !event_ids.is_empty() => d["view"] = json!(format!("view=list&event={}", event_ids[0])),
        _ => {}
    }
    d
}

/// A media URL of any kind: images (absolute and relative), videos, posts, recordings,
/// documents, pages, some with quotes and markup that are legal in a URL string.
fn media_url() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => rx("(\\.\\./|/)?[a-z]{1,8}/[a-zA-Z0-9_-]{1,8}\\.(png|JPG|jpeg|webp|svg|gif|avif)(\\?w=[0-9]{1,3})?"),
        2 => http_url(),
        1 => rx("https://(www\\.)?(youtube\\.com/watch\\?v=|youtu\\.be/|vimeo\\.com/|x\\.com/a/status/|bsky\\.app/profile/a/post/|soundcloud\\.com/)[a-z0-9]{1,8}"),
        1 => rx("https://[a-z]{1,6}\\.social/@[a-z]{1,6}/[0-9]{1,8}"),
        1 => rx("[a-z]{1,8}\\.(mp3|ogg|wav|pdf|html)"),
    ]
}

/// An event's `media`: its URL, alt text (always for an image), caption, credit, link and
/// thumbnail, each optional part present or not.
fn media() -> impl Strategy<Value = Value> {
    (
        media_url(),
        proptest::option::of(text_pair()),
        proptest::option::of(text_pair()),
        proptest::option::of(text_pair()),
        proptest::option::of(http_url()),
        proptest::option::of(media_url()),
    )
        .prop_map(|(url, alt, caption, credit, link, thumbnail)| {
            let image = MediaInfo::of(&url).kind == MediaKind::Image;
            let mut m = json!({ "url": url });
            let alt = alt.or_else(|| image.then(|| json!({ "de": "Bild", "en": "Picture" })));
            for (k, v) in [("alt", alt), ("caption", caption), ("credit", credit)] {
                if let Some(v) = v {
                    m[k] = v;
                }
            }
            for (k, v) in [("link", link), ("thumbnail", thumbnail)] {
                if let Some(v) = v {
                    m[k] = json!(v);
                }
            }
            m
        })
}

fn valid_dataset() -> impl Strategy<Value = Value> {
    (
        text_pair(),
        proptest::collection::vec((slug(), 0usize..3, text_pair()), 0..4),
        proptest::collection::vec(event_parts(), 0..6),
        dataset_extras(),
        proptest::collection::vec(proptest::option::weighted(0.3, media()), 6),
        proptest::collection::vec(proptest::option::weighted(0.4, (date_text(), date_text())), 6),
    )
        .prop_map(|(title, actors, events, extras, media, shown)| {
            let mut d = build_dataset(title, actors, events, extras);
            for ((e, m), t) in d["events"].as_array_mut().into_iter().flatten().zip(media).zip(shown) {
                if let Some(m) = m {
                    e["media"] = m;
                }
                if let Some((de, en)) = t {
                    e["date_text"] = json!({ "de": de, "en": en });
                }
            }
            d
        })
}

/// A display date in one language: a text short enough to stand where a date stands.
fn date_text() -> impl Strategy<Value = String> {
    text().prop_map(|s| {
        let s: String = s.chars().take(MAX_DATE_TEXT_CHARS - 1).collect();
        if s.trim().is_empty() {
            format!("{s}x")
        } else {
            s
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Structure-aware mutations

fn paths(v: &Value, at: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                at.push(Seg::Key(k.clone()));
                paths(c, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                at.push(Seg::Index(i));
                paths(c, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(v: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, s| match s {
        Seg::Key(k) => v.get_mut(k.as_str()),
        Seg::Index(i) => v.get_mut(*i),
    })
}

/// Text spliced into the serialised JSON in place of a `"@@RAW<n>@@"` string: what a
/// `serde_json::Value` cannot hold.
const RAW: &[&str] = &[
    "1e400",
    "-1e400",
    "123456789012345678901234567890",
    "18446744073709551616",
    "-9223372036854775809",
    "1.7976931348623157e308",
    "5e-324",
    "-0",
];

fn deep(n: usize) -> String {
    "[".repeat(n) + &"]".repeat(n)
}

/// Dates no validator should accept.
const ODD_DATES: &[&str] = &[
    "2025-02-30",
    "2023-02-29",
    "-0000",
    "10000",
    "-20000000001",
    "-100000-01",
    "-02025",
    "2025-13",
    "2025-00",
    "2025-11-00",
    "2025-11-31",
    "+2025",
    "2025-1-1",
    "２０２５",
    "2025-11-06T00:00:00Z",
    "",
    " 2025",
    "2025 ",
    "2025-11-06\u{0}",
    "99999999999999999999",
    "2025/11/06",
    "06.11.2025",
    "2025-11-06-01",
    "٢٠٢٥",
    "2025-W45",
];

/// Links that are not absolute http(s) URLs with a host.
const BAD_URLS: &[&str] = &[
    "javascript:top.__xss=1",
    "JaVaScRiPt:top.__xss=1",
    " javascript:top.__xss=1",
    "java\tscript:alert(1)",
    "\u{0}javascript:alert(1)",
    "data:text/html,<script>top.__xss=1</script>",
    "vbscript:msgbox(1)",
    "//evil.example/",
    "/relative",
    "example.org",
    "ftp://example.org",
    "http:/example.org",
    "https:example.org",
    "https://",
    "http://",
    "https://?x",
    "https://#x",
    "https:// example.org",
    "https://a b",
    "https://a\nb",
    "",
    "&#x6a;avascript:alert(1)",
    "\u{202E}https://example.org",
    "blob:https://example.org/x",
    "file:///etc/passwd",
];

#[derive(Clone, Debug)]
enum Mutation {
    /// Replace a node with a value of another JSON type (`0..6` picks the type).
    WrongType(Index, u8),
    /// Remove a node from its object or array.
    Remove(Index),
    /// Add a field the schema does not have.
    AddField(Index, String),
    HugeNumber(Index, usize),
    OddDate(Index, usize),
    BadUrl(Index, usize),
    Hostile(Index, String),
    /// An empty or blank string.
    Blank(Index, bool),
    /// Give event `a` the id of event `b`.
    DuplicateId(Index, Index),
    /// 200 or 10,000 levels of nested arrays.
    Deep(Index, bool),
    /// A string of 20,000 chars.
    HugeString(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), 0u8..6).prop_map(|(i, t)| Mutation::WrongType(i, t)),
        2 => any::<Index>().prop_map(Mutation::Remove),
        1 => (any::<Index>(), prop_oneof![Just("onload".to_string()), Just("__proto__".to_string()), rx("x_[a-z]{1,6}")])
            .prop_map(|(i, k)| Mutation::AddField(i, k)),
        1 => (any::<Index>(), 0..RAW.len()).prop_map(|(i, k)| Mutation::HugeNumber(i, k)),
        2 => (any::<Index>(), 0..ODD_DATES.len()).prop_map(|(i, k)| Mutation::OddDate(i, k)),
        2 => (any::<Index>(), 0..BAD_URLS.len()).prop_map(|(i, k)| Mutation::BadUrl(i, k)),
        2 => (any::<Index>(), hostile()).prop_map(|(i, s)| Mutation::Hostile(i, s)),
        1 => (any::<Index>(), any::<bool>()).prop_map(|(i, b)| Mutation::Blank(i, b)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::DuplicateId(a, b)),
        1 => (any::<Index>(), proptest::bool::weighted(0.1)).prop_map(|(i, b)| Mutation::Deep(i, b)),
        1 => any::<Index>().prop_map(Mutation::HugeString),
    ]
}

/// What a single mutation must make the loader report: the event (by position) and field.
#[derive(Debug)]
struct Expect {
    index: usize,
    field: String,
}

fn kind_of(v: &Value) -> u8 {
    match v {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Array(_) => 4,
        Value::Object(_) => 5,
    }
}

fn value_of_kind(k: u8) -> Value {
    match k % 6 {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1.5),
        3 => json!("?"),
        4 => json!([1, "x"]),
        _ => json!({ "x": 1 }),
    }
}

/// The serde path of a node inside an event, e.g. `sources[0].url` (`event` for the event itself).
fn field_path(segs: &[Seg]) -> String {
    match render(segs) {
        whole if whole == "." => "event".into(),
        path => path,
    }
}

/// Fields that may be `null` or absent.
fn optional(key: Option<&Seg>) -> bool {
    matches!(key, Some(Seg::Key(k)) if ["end", "place", "lat", "lon", "date", "approximate", "tags", "related", "lang", "kind", "date_text", "media", "alt", "caption", "credit", "link", "thumbnail"].contains(&k.as_str()))
}

/// Whether an event's field path is a source's headline or description: either may go, but not
/// both (a source without them is named at `sources[k]`).
fn source_name_field(inner: &[Seg]) -> bool {
    matches!(inner, [Seg::Key(s), Seg::Index(_), Seg::Key(k)] if s == "sources" && (k == "title" || k == "about"))
}

/// The other of a source's headline and description.
fn other_name(key: &str) -> &'static str {
    if key == "title" {
        "about"
    } else {
        "title"
    }
}

/// Where in an event a path points: (event position, path inside the event).
fn in_event(path: &[Seg]) -> Option<(usize, &[Seg])> {
    match path {
        [Seg::Key(k), Seg::Index(i), rest @ ..] if k == "events" => Some((*i, rest)),
        _ => None,
    }
}

/// Applies mutations to a dataset, returning the JSON text and, for a single mutation whose
/// effect is certain, what the loader must report.
fn mutate(mut v: Value, muts: &[Mutation]) -> (String, Option<Expect>) {
    let mut raw: Vec<String> = Vec::new();
    let mut expect = None;
    let single = muts.len() == 1;
    for m in muts {
        let mut all = Vec::new();
        paths(&v, &mut Vec::new(), &mut all);
        let pick = |ix: &Index| all[ix.index(all.len())].clone();
        let mut placeholder = |text: String| {
            raw.push(text);
            Value::String(format!("@@RAW{}@@", raw.len() - 1))
        };
        match m {
            Mutation::WrongType(ix, k) => {
                let path = pick(ix);
                let node = node_mut(&mut v, &path).expect("a path from paths()");
                let was = kind_of(node);
                let kind = (was + 1 + k % 5) % 6;
                *node = value_of_kind(kind);
                if let (true, Some((i, inner))) = (single, in_event(&path)) {
                    let nullable = kind == 0 && optional(inner.last());
                    // Serde reads a struct from a list too, but `[1, "x"]` fits none of the
                    // schema's structs (a number where a string belongs), so it always fails.
                    if kind == 0 && source_name_field(inner) {
                        // A source's headline or description may be null if the other is there.
                        let (key, source) = inner.split_last().expect("a key");
                        let Some(Seg::Key(key)) = Some(key) else { unreachable!() };
                        let mut at = path[..path.len() - inner.len()].to_vec();
                        at.extend_from_slice(source);
                        let has_other = node_mut(&mut v, &at).is_some_and(|s| !s[other_name(key)].is_null());
                        if !has_other {
                            expect = Some(Expect { index: i, field: field_path(source) });
                        }
                    } else if !nullable {
                        expect = Some(Expect { index: i, field: field_path(inner) });
                    }
                }
            }
            Mutation::Remove(ix) => {
                let path = pick(ix);
                if let Some((last, parent)) = path.split_last() {
                    let parent_node = node_mut(&mut v, parent).expect("parent");
                    match (last, parent_node) {
                        (Seg::Key(k), Value::Object(o)) => {
                            o.remove(k);
                            // A source without a headline or a description.
                            let nameless = !o.contains_key("title") && !o.contains_key("about");
                            let required = [
                                "id",
                                "date",
                                "title",
                                "summary",
                                "actors",
                                "categories",
                                "sources",
                                "confidence",
                                "de",
                                "en",
                                "name",
                                "url",
                                "publisher",
                                "relation",
                                "kind",
                            ];
                            if let (true, Some((i, inner))) = (single, in_event(&path)) {
                                let in_source =
                                    matches!(inner, [Seg::Key(s), Seg::Index(_), _] if s == "sources");
                                let sources_own = in_source && (k == "title" || k == "about" || k == "kind");
                                if sources_own {
                                    // A source's headline, description and kind are optional,
                                    // but it needs a headline or a description.
                                    if nameless && k != "kind" {
                                        let (_, parent_inner) =
                                            inner.split_last().expect("a key inside the event");
                                        expect = Some(Expect { index: i, field: field_path(parent_inner) });
                                    }
                                } else if required.contains(&k.as_str()) && (k != "date" || inner.len() == 1)
                                {
                                    // `date` is required of an event, optional in a source.
                                    let (_, parent_inner) =
                                        inner.split_last().expect("a key inside the event");
                                    expect = Some(Expect { index: i, field: field_path(parent_inner) });
                                }
                            }
                        }
                        (Seg::Index(i), Value::Array(a)) => {
                            a.remove(*i);
                        }
                        _ => {}
                    }
                }
            }
            Mutation::AddField(ix, key) => {
                let path = pick(ix);
                if let Some(Value::Object(o)) = node_mut(&mut v, &path) {
                    if !o.contains_key(key) {
                        o.insert(key.clone(), json!("<b onmouseover=top.__xss=1>x</b>"));
                        if let (true, Some((i, inner))) = (single, in_event(&path)) {
                            // The unknown field itself is named.
                            let mut at = inner.to_vec();
                            at.push(Seg::Key(key.clone()));
                            expect = Some(Expect { index: i, field: field_path(&at) });
                        }
                    }
                }
            }
            Mutation::HugeNumber(ix, k) => {
                let path = pick(ix);
                let value = placeholder(RAW[*k].to_string());
                *node_mut(&mut v, &path).expect("path") = value;
            }
            Mutation::OddDate(ix, k) => {
                let path = pick(ix);
                *node_mut(&mut v, &path).expect("path") = json!(ODD_DATES[*k]);
                if let (true, Some((i, inner))) = (single, in_event(&path)) {
                    if matches!(inner.last(), Some(Seg::Key(k)) if k == "date" || k == "end") {
                        expect = Some(Expect { index: i, field: field_path(inner) });
                    }
                }
            }
            Mutation::BadUrl(ix, k) => {
                let path = pick(ix);
                *node_mut(&mut v, &path).expect("path") = json!(BAD_URLS[*k]);
                if let (true, Some((i, inner))) = (single, in_event(&path)) {
                    // A media URL may also be a path relative to the dataset.
                    let in_media = matches!(inner.first(), Some(Seg::Key(m)) if m == "media");
                    if matches!(inner.last(), Some(Seg::Key(k)) if k == "url")
                        && !(in_media && is_media_url(BAD_URLS[*k]))
                    {
                        expect = Some(Expect { index: i, field: field_path(inner) });
                    }
                }
            }
            Mutation::Hostile(ix, s) => {
                let path = pick(ix);
                *node_mut(&mut v, &path).expect("path") = json!(s);
            }
            Mutation::Blank(ix, spaces) => {
                let path = pick(ix);
                let node = node_mut(&mut v, &path).expect("path");
                if node.is_string() {
                    *node = json!(if *spaces { " \t\u{3000}\n" } else { "" });
                    if let (true, Some((i, inner))) = (single, in_event(&path)) {
                        if matches!(inner.last(), Some(Seg::Key(k)) if ["de", "en", "title", "id", "url", "lang", "kind"].contains(&k.as_str()))
                        {
                            expect = Some(Expect { index: i, field: field_path(inner) });
                        }
                    }
                }
            }
            Mutation::DuplicateId(a, b) => {
                let n = v["events"].as_array().map_or(0, Vec::len);
                if n >= 2 {
                    let (a, b) = (a.index(n), b.index(n));
                    let id = v["events"][b]["id"].clone();
                    if a != b && id.is_string() && v["events"][a].is_object() && v["events"][a]["id"] != id {
                        v["events"][a]["id"] = id;
                        if single {
                            expect = Some(Expect { index: a.max(b), field: "id".into() });
                        }
                    }
                }
            }
            Mutation::Deep(ix, huge) => {
                let path = pick(ix);
                let value = placeholder(deep(if *huge { 10_000 } else { 200 }));
                *node_mut(&mut v, &path).expect("path") = value;
            }
            Mutation::HugeString(ix) => {
                let path = pick(ix);
                *node_mut(&mut v, &path).expect("path") = json!("<script>".repeat(2_500));
            }
        }
    }
    let mut text = v.to_string();
    for (k, r) in raw.iter().enumerate() {
        text = text.replace(&format!("\"@@RAW{k}@@\""), r);
    }
    (text, expect)
}

// ---------------------------------------------------------------------------------------------
// Invariants

fn check_error(e: &DatasetError) -> Result<(), TestCaseError> {
    ensure!(!e.problems.is_empty(), "an error without problems: {e:?}");
    ensure!(e.problems.len() <= MAX_REPORTED, "{} problems listed", e.problems.len());
    ensure!(e.total >= e.problems.len(), "total {} < listed {}", e.total, e.problems.len());
    for p in &e.problems {
        let f = &p.field;
        ensure!(
            !f.is_empty()
                && !f.starts_with('.')
                && !f.ends_with('.')
                && !f.contains("..")
                && !f.contains(".["),
            "malformed field {f:?} in {p:?}"
        );
        ensure!(f.chars().count() <= 61, "a field path of {} chars", f.chars().count());
        for lang in Lang::ALL {
            let m = p.message(lang);
            ensure!(!m.trim().is_empty(), "empty {lang:?} message for {f}");
            let n = m.chars().count();
            ensure!(
                n <= MAX_MESSAGE_CHARS,
                "a {lang:?} message of {n} chars for {f}: {}…",
                m.chars().take(80).collect::<String>()
            );
        }
        ensure!(
            p.message(Lang::De) != p.message(Lang::En),
            "the same message in both languages for {f}: {p}"
        );
        if let Some(id) = &p.id {
            ensure!(id.chars().count() <= 61, "an id of {} chars reported", id.chars().count());
        }
        if let Some(i) = p.index {
            ensure!(
                p.to_string().starts_with(&format!("Event #{}", i + 1)),
                "{p} does not name event {}",
                i + 1
            );
            let de = problem_text(Lang::De, p);
            ensure!(
                de.starts_with(&format!("Ereignis Nr.\u{a0}{}", i + 1)),
                "{de} does not name event {}",
                i + 1
            );
        }
    }
    ensure!(!e.to_string().trim().is_empty(), "an error that displays as nothing");
    Ok(())
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Datasets equal but for the last bits of coordinates (serde_json's float parsing is best-effort).
fn same_events(a: &Dataset, b: &Dataset) -> Result<(), TestCaseError> {
    ensure!(a.events.len() == b.events.len(), "{} vs {} events", a.events.len(), b.events.len());
    for (x, y) in a.events.iter().zip(&b.events) {
        let (mut x, mut y) = (x.clone(), y.clone());
        let coords = |e: &mut timeline_explorer::core::dataset::model::Event| {
            e.place.as_mut().map(|p| (p.lat.take(), p.lon.take())).unwrap_or_default()
        };
        let (cx, cy) = (coords(&mut x), coords(&mut y));
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
            (a, b) => a.is_none() && b.is_none(),
        };
        ensure!(close(cx.0, cy.0) && close(cx.1, cy.1), "coordinates {cx:?} vs {cy:?}");
        ensure!(x == y, "event {} changed in a round trip", x.id);
    }
    Ok(())
}

/// What the rest of the widget relies on in an accepted dataset.
/// An imported event has the one source the import gives it (the file's own address) and tidy
/// texts: trimmed, without runs of spaces left from removed markup.
fn check_imported_events(d: &Dataset) -> Result<(), TestCaseError> {
    for e in &d.events {
        ensure!(e.sources.len() == 1 && is_http_url(&e.sources[0].url), "import invented a bad source");
        for s in [&e.title.en, &e.summary.en] {
            ensure!(s.trim() == s.as_str() && !s.contains("  "), "untidy imported text {s:?}");
        }
    }
    Ok(())
}

fn check_dataset(d: &Dataset) -> Result<(), TestCaseError> {
    ensure!(
        matches!(validate(d.clone()), Ok(ref x) if x == d),
        "validating an accepted dataset again changes or rejects it"
    );
    for l in Lang::ALL {
        ensure!(!d.title.get(l).trim().is_empty(), "blank title");
    }
    let mut ids = std::collections::HashSet::new();
    for (i, e) in d.events.iter().enumerate() {
        ensure!(is_slug(&e.id) && ids.insert(e.id.as_str()), "bad or repeated id {:?}", e.id);
        if i > 0 {
            let p = &d.events[i - 1];
            ensure!((p.date, &p.id) <= (e.date, &e.id), "events out of order at {i}");
        }
        ensure!(e.end_day() > e.start_day(), "empty span for {}", e.id);
        ensure!(!e.categories.is_empty() && !e.sources.is_empty(), "no category or source in {}", e.id);
        for l in Lang::ALL {
            ensure!(
                !e.title.get(l).trim().is_empty() && !e.summary.get(l).trim().is_empty(),
                "blank text in {}",
                e.id
            );
            for t in [e.title.get(l), e.summary.get(l)] {
                ensure!(
                    t.chars().count() <= MAX_TEXT_CHARS,
                    "a text of {} chars accepted",
                    t.chars().count()
                );
            }
        }
        if let Some(m) = &e.media {
            for url in [Some(&m.url), m.link.as_ref(), m.thumbnail.as_ref()].into_iter().flatten() {
                let lower = url.to_ascii_lowercase();
                let scheme = &lower[..lower.find(['/', '?', '#']).unwrap_or(lower.len())];
                ensure!(
                    is_media_url(url)
                        && url.len() <= MAX_URL_BYTES
                        && (!scheme.contains(':')
                            || lower.starts_with("http://")
                            || lower.starts_with("https://"))
                        && !lower.starts_with("//")
                        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\'),
                    "a media link that is not http(s) or a path accepted: {url:?}"
                );
            }
            let image = MediaInfo::of(&m.url).kind == MediaKind::Image;
            ensure!(!image || m.alt.is_some(), "an image without alt text accepted in {}", e.id);
            for t in [&m.alt, &m.caption, &m.credit].into_iter().flatten() {
                for l in Lang::ALL {
                    ensure!(!t.get(l).trim().is_empty(), "blank media text in {}", e.id);
                }
            }
        }
        for s in &e.sources {
            let lower = s.url.to_ascii_lowercase();
            ensure!(
                is_http_url(&s.url) && (lower.starts_with("http://") || lower.starts_with("https://")),
                "a non-http link accepted: {:?}",
                s.url
            );
            ensure!(
                !s.url.chars().any(|c| c.is_whitespace() || c.is_control()),
                "a link with spaces: {:?}",
                s.url
            );
            ensure!(s.url.len() <= MAX_URL_BYTES, "a link of {} bytes accepted", s.url.len());
            ensure!(
                s.title.is_some() || s.about.is_some(),
                "a source without a headline or description accepted"
            );
            let about = s.about.iter().flat_map(|a| [&a.de, &a.en]);
            for t in s.title.iter().chain([&s.publisher]).chain(about) {
                ensure!(
                    t.chars().count() <= MAX_TEXT_CHARS,
                    "a source text of {} chars accepted",
                    t.chars().count()
                );
            }
            if let Some(about) = &s.about {
                ensure!(
                    !about.de.trim().is_empty() && !about.en.trim().is_empty(),
                    "a blank description accepted"
                );
            }
        }
        for a in &e.actors {
            ensure!(d.actor(a).is_some(), "unknown actor {a} accepted");
        }
        for r in &e.related {
            ensure!(r.id != e.id && d.event(&r.id).is_some(), "bad related id {} accepted", r.id);
        }
        if let Some(p) = &e.place {
            ensure!(p.lat.is_none_or(|v| (-90.0..=90.0).contains(&v)), "latitude {:?}", p.lat);
            ensure!(p.lon.is_none_or(|v| (-180.0..=180.0).contains(&v)), "longitude {:?}", p.lon);
        }
    }
    if let Some(table) = &d.tags {
        for e in &d.events {
            ensure!(
                e.tags.iter().all(|t| table.iter().any(|x| &x.id == t)),
                "an unnamed tag accepted in {}",
                e.id
            );
        }
    }
    // The opening view reads with nothing ignored.
    if let Some(view) = &d.view {
        let (_, ignored) = LoadedDataset::new(d.clone()).decode_state(view);
        ensure!(ignored.is_empty(), "the view {view:?} was accepted, but reading it ignores {ignored:?}");
    }
    // What was accepted is accepted again from its own serialisation.
    let again = load_dataset(&serde_json::to_string(d).expect("serialisable"));
    ensure!(again.is_ok(), "the serialised dataset is rejected: {}", again.unwrap_err());
    same_events(d, &again.unwrap())?;
    Ok(())
}

/// The loader, filters and exports work on an accepted dataset.
fn check_session(d: Dataset) -> Result<(), TestCaseError> {
    let n = d.events.len();
    let s = LoadedDataset::new(d);
    let all = s.filter(&ViewState::default());
    ensure!(all == (0..n).collect::<Vec<_>>(), "the default filter does not show every event in order");
    for i in [0, n / 2, n.saturating_sub(1)].into_iter().filter(|&i| i < n) {
        let e = &s.dataset.events[i];
        for l in Lang::ALL {
            let state = ViewState { q: e.title.get(l).to_string(), ..ViewState::default() };
            ensure!(s.filter(&state).contains(&i), "searching for its own title misses {}", e.id);
        }
        let (state, ignored) = s.decode_state(&format!("event={}&actor={}", e.id, e.actors.join(",")));
        ensure!(
            state.event.as_deref() == Some(e.id.as_str()) && ignored.is_empty(),
            "its own id is not kept: {ignored:?}"
        );
    }
    // Exports: the JSON loads again; the CSV has one row per event and no formula cells; the
    // calendar has one VEVENT per event it can hold and no bare line breaks.
    let json = to_json(&s.dataset, &all);
    // The hand-written writer says what the model's serde derives say.
    let ours: Value = serde_json::from_str(&json)
        .map_err(|e| TestCaseError::fail(format!("the JSON export is not JSON: {e}")))?;
    // (It names only the actors and tags its events name.)
    let mut theirs = serde_json::to_value(&s.dataset).unwrap();
    if let Some(Value::Array(actors)) = theirs.get_mut("actors") {
        actors.retain(|a| s.dataset.events.iter().any(|e| e.actors.iter().any(|id| a["id"] == id.as_str())));
    }
    if let Some(Value::Array(tags)) = theirs.get_mut("tags") {
        tags.retain(|t| s.dataset.events.iter().any(|e| e.tags.iter().any(|id| t["id"] == id.as_str())));
    }
    ensure!(ours == theirs, "the JSON export differs from the serde form: {ours} vs {theirs}");
    let back = load_dataset(&json);
    ensure!(back.is_ok(), "the JSON export does not load: {}", back.unwrap_err());
    same_events(&s.dataset, &back.unwrap())?;
    for l in Lang::ALL {
        let csv = to_csv(&s.dataset, &all, l);
        let mut r = csv::ReaderBuilder::new().has_headers(true).from_reader(csv.as_bytes());
        // Quoted exactly as the csv crate quotes: read back and written again, nothing changes.
        let mut w = csv::Writer::from_writer(Vec::new());
        for rec in csv::ReaderBuilder::new().has_headers(false).from_reader(csv.as_bytes()).records() {
            let rec = rec.map_err(|e| TestCaseError::fail(format!("unreadable CSV: {e}")))?;
            w.write_record(&rec).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        ensure!(
            w.into_inner().ok().as_deref() == Some(csv.as_bytes()),
            "the CSV is not quoted as the csv crate quotes"
        );
        let mut rows = 0;
        for rec in r.records() {
            let rec = rec.map_err(|e| TestCaseError::fail(format!("unreadable CSV: {e}")))?;
            for cell in rec.iter() {
                ensure!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "a CSV cell that reads as a formula: {cell:?}"
                );
            }
            rows += 1;
        }
        ensure!(rows == n, "{rows} CSV rows for {n} events");
        // The CSV import reads the export back as the same rows.
        let back = import_csv(&csv, &ImportOptions::default());
        let back = back.map_err(|e| TestCaseError::fail(format!("the CSV export does not import: {e}")))?;
        ensure!(back.notices.is_empty(), "the CSV export imports with notices: {:?}", back.notices);
        ensure!(to_csv(&back.dataset, &all, l) == csv, "the CSV export does not read back as itself");
        let ics = to_ics(&s.dataset, &all, l, "20260101T000000Z");
        let body = ics.strip_suffix("\r\n").unwrap_or(&ics);
        let lines: Vec<&str> = body.split("\r\n").collect();
        ensure!(lines.iter().all(|x| !x.contains(['\r', '\n'])), "a bare line break in the calendar");
        // Events a calendar cannot hold (before AD 1, or ending with 9999) are left out and counted.
        let in_calendar = s.dataset.events.iter().filter(|e| fits_calendar(e)).count();
        ensure!(ics_left_out(&s.dataset, &all) == n - in_calendar, "the left-out count is wrong");
        let vevents = lines.iter().filter(|x| **x == "BEGIN:VEVENT").count();
        ensure!(vevents == in_calendar, "{vevents} VEVENTs for {in_calendar} events a calendar can hold");
        ensure!(lines.iter().all(|x| x.len() <= 75), "an unfolded calendar line");
    }
    Ok(())
}

/// The outcome of loading any text through the loader, as the widget does.
fn check_session_load(text: &str) -> Result<(), TestCaseError> {
    match LoadedDataset::from_json(text) {
        Ok(s) => {
            check_dataset(&s.dataset)?;
        }
        Err(LoadFailure::Invalid(e)) => check_error(&e)?,
        Err(LoadFailure::Network(m)) => {
            return Err(TestCaseError::fail(format!("a network failure from text: {m}")))
        }
        Err(LoadFailure::Sheet(_)) => {
            return Err(TestCaseError::fail("a sheet's failure from the JSON reader"))
        }
        // vis-timeline data, for the import module: the same text, and only that shape
        // (TimelineJS3's JSON is read here natively).
        Err(LoadFailure::ForImport(kind, t)) => {
            ensure!(kind == Foreign::Vis, "handed on as {kind:?} natively");
            ensure!(t == text, "the text handed on is not the text read");
            ensure!(
                timeline_explorer::core::formats::read::looks_like_vis(text),
                "handed on without vis's shape"
            );
        }
    }
    Ok(())
}

fn check_load(text: &str) -> Result<Option<Dataset>, TestCaseError> {
    match load_dataset(text) {
        Ok(d) => {
            check_dataset(&d)?;
            Ok(Some(d))
        }
        Err(e) => {
            check_error(&e)?;
            Ok(None)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Target 1: the dataset loader on arbitrary bytes and broken dataset text

/// A valid dataset's bytes cut short, or with a span of them overwritten.
fn damaged_dataset() -> impl Strategy<Value = Vec<u8>> {
    (valid_dataset(), any::<Index>(), any::<Index>(), proptest::collection::vec(any::<u8>(), 0..8)).prop_map(
        |(v, cut, at, junk)| {
            let text = v.to_string().into_bytes();
            let mut b = text[..cut.index(text.len() + 1)].to_vec();
            if !b.is_empty() && !junk.is_empty() {
                let p = at.index(b.len());
                let end = (p + junk.len()).min(b.len());
                b.splice(p..end, junk);
            }
            b
        },
    )
}

#[test]
fn the_dataset_loader_survives_arbitrary_bytes() {
    let strategy = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..400).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        rx("[\\[\\]{}\":,0-9a-z .eE+\\\\-]{0,300}"),
        damaged_dataset().prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ];
    fuzz("dataset-bytes", strategy, |text| {
        check_load(&text)?;
        check_session_load(&text)
    });
}

/// A dataset read while it arrives in chunks (cut at `cuts`) gives exactly what reading the
/// whole text gives: the same dataset, or the same error.
fn check_stream(bytes: &[u8], cuts: &[Index]) -> Result<(), TestCaseError> {
    let mut at: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
    at.extend([0, bytes.len()]);
    at.sort_unstable();
    let mut stream = DatasetStream::new(None);
    for w in at.windows(2) {
        stream.push(&bytes[w[0]..w[1]]);
    }
    let whole = read_text(&body_text(bytes.to_vec()));
    let streamed = stream.finish();
    ensure!(
        streamed == whole,
        "streamed {:?}\nwhole {:?}\ntext {:?}",
        streamed.as_ref().err(),
        whole.as_ref().err(),
        String::from_utf8_lossy(bytes)
    );
    Ok(())
}

#[test]
fn a_dataset_read_as_it_arrives_gives_what_the_whole_text_gives() {
    let cuts = proptest::collection::vec(any::<Index>(), 0..12);
    let strategy = prop_oneof![
        // Valid datasets, pretty or compact, and each mutation the loader must name.
        (valid_dataset(), proptest::collection::vec(mutation(), 0..3), any::<bool>(), cuts.clone()).prop_map(
            |(v, muts, pretty, cuts)| {
                let text =
                    if pretty { serde_json::to_string_pretty(&v).unwrap() } else { mutate(v, &muts).0 };
                (text.into_bytes(), cuts)
            }
        ),
        // Cut short, overwritten, or with a byte order mark.
        (damaged_dataset(), cuts.clone()),
        (valid_dataset(), cuts.clone())
            .prop_map(|(v, cuts)| ([b"\xEF\xBB\xBF".to_vec(), v.to_string().into_bytes()].concat(), cuts)),
        (proptest::collection::vec(any::<u8>(), 0..300), cuts.clone()),
        (rx("[\\[\\]{}\":,a-z \\\\-]{0,120}").prop_map(String::into_bytes), cuts),
    ];
    fuzz("dataset-stream", strategy, |(bytes, cuts)| check_stream(&bytes, &cuts));
}

// ---------------------------------------------------------------------------------------------
// Target 2: arbitrary JSON values with the schema's (and TimelineJS's) vocabulary

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-100i64..10_100).prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        hostile().prop_map(Value::from),
        proptest::sample::select(ODD_DATES).prop_map(Value::from),
        date().prop_map(|(_, d)| Value::from(d)),
        proptest::sample::select(BAD_URLS).prop_map(Value::from),
        http_url().prop_map(Value::from),
        proptest::sample::select(&CATEGORIES[..]).prop_map(Value::from),
        proptest::sample::select(&["confirmed", "per-article", "state", "follows", "de", "en"][..])
            .prop_map(Value::from),
        rx("(?s).{0,20}").prop_map(Value::from),
        rx("[a-z0-9-]{1,8}").prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 96, 8, |inner| {
        let keys = prop_oneof![
            8 => proptest::sample::select(&[
                "title", "actors", "events", "id", "date", "end", "approximate", "summary", "categories", "tags",
                "place", "sources", "related", "confidence", "de", "en", "kind", "name", "url", "publisher", "lat",
                "lon", "relation", "start_date", "end_date", "text", "headline", "year", "month", "day", "group",
                "unique_id", "media", "description", "view", "lang", "about",
            ][..]).prop_map(str::to_string),
            1 => rx("[a-z_]{1,8}"),
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(keys, inner, 0..8).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn the_dataset_loader_survives_arbitrary_json() {
    // Also wrapped as a dataset's events, so the values reach the per-event checks.
    let strategy = prop_oneof![
        json_value(),
        proptest::collection::vec(json_value(), 0..4)
            .prop_map(|events| json!({ "title": {"de": "T", "en": "T"}, "events": events })),
    ];
    fuzz("dataset-json", strategy, |v| {
        let text = v.to_string();
        check_load(&text)?;
        check_session_load(&text)
    });
}

// ---------------------------------------------------------------------------------------------
// Target 3: valid datasets and structure-aware mutations of them

#[test]
fn valid_datasets_load_and_each_mutation_is_named_or_harmless() {
    let strategy = (valid_dataset(), proptest::collection::vec(mutation(), 0..4));
    fuzz("dataset-mutations", strategy, |(v, muts)| {
        let (text, expect) = mutate(v, &muts);
        let loaded = check_load(&text)?;
        if muts.is_empty() {
            ensure!(loaded.is_some(), "a valid dataset was rejected: {}", load_dataset(&text).unwrap_err());
        }
        if let Some(Expect { index, field }) = &expect {
            let Err(e) = load_dataset(&text) else {
                return Err(TestCaseError::fail(format!(
                    "mutation of event #{} {field} was accepted",
                    index + 1
                )));
            };
            let named = e.problems.iter().any(|p| {
                p.index == Some(*index)
                    && (p.field == *field
                        || p.field.starts_with(&format!("{field}."))
                        || p.field.starts_with(&format!("{field}[")))
            });
            ensure!(named, "expected event #{} field {field} to be named, got: {e}", index + 1);
        }
        if let Some(d) = loaded {
            check_session(d)?;
        }
        Ok(())
    });
}

/// The same event, but that coordinates may differ in their last bits (serde_json's float
/// reading is not exact either).
fn same_event(a: &Event, b: &Event) -> bool {
    let coordinates = |e: &Event| e.place.as_ref().map(|p| (p.lat, p.lon));
    let without = |e: &Event| {
        let mut e = e.clone();
        if let Some(p) = &mut e.place {
            (p.lat, p.lon) = (p.lat.map(|_| 0.0), p.lon.map(|_| 0.0));
        }
        e
    };
    let close_pair = match (coordinates(a), coordinates(b)) {
        (Some((a1, a2)), Some((b1, b2))) => close(a1, b1) && close(a2, b2),
        (x, y) => x == y,
    };
    close_pair && without(a) == without(b)
}

/// A message with the float it quotes (`floating point `1.5``) taken out, and that float.
fn float_apart(message: &str) -> (String, Option<f64>) {
    const AT: &str = "floating point `";
    let Some(start) = message.find(AT).map(|i| i + AT.len()) else { return (message.to_string(), None) };
    let len = message[start..].find('`').unwrap_or(0);
    let float = message[start..start + len].parse().ok();
    (format!("{}{}", &message[..start], &message[start + len..]), float)
}

/// The reader's message and serde_json's say the same, but that a float they quote may differ
/// in its last bits: serde_json (without `float_roundtrip`) reads floats a little differently.
fn same_message(ours: &str, theirs: &str) -> bool {
    let ((a, x), (b, y)) = (float_apart(ours), float_apart(theirs));
    a == b && close(x, y)
}

/// Two floats equal but for their last bits.
fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        // Within 1e-14 of each other; below the smallest normal float, where precision runs
        // out, within a few hundred of the smallest steps.
        (Some(a), Some(b)) => {
            let (d, m) = ((a - b).abs(), a.abs().max(b.abs()));
            a == b || d <= 1e-14 * m || (m < f64::MIN_POSITIVE && d < 1e-321)
        }
        (a, b) => a == b,
    }
}

/// serde_json's message without its position.
fn serde_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_string()
}

/// The loader's hand-written reader must read an event as serde_json with the model's derives
/// does: the same event, or an error with the same words at the field a deserialiser that
/// tracks its path names, in compact and in indented text.
fn check_event_paths(events: &[Value]) -> Result<(), TestCaseError> {
    for e in events {
        for text in [e.to_string(), serde_json::to_string_pretty(e).unwrap()] {
            let tracked: Result<Event, _> =
                serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(&text));
            let ours = event_parse_error(&text);
            match (tracked, ours) {
                (Ok(theirs), None) => {
                    let read: Event = timeline_explorer::core::formats::json::from_str(&text).expect("read");
                    ensure!(same_event(&read, &theirs), "read {read:?}, serde {theirs:?} from {text}");
                }
                (Err(t), Some((path, message))) => {
                    ensure!(
                        path == t.path().to_string(),
                        "path {path:?}, tracked {:?} ({message}) in {text}",
                        t.path().to_string()
                    );
                    let theirs = serde_message(t.inner());
                    ensure!(
                        same_message(&message, &theirs),
                        "message {message:?}, serde {theirs:?} in {text}"
                    );
                }
                (t, o) => {
                    return Err(TestCaseError::fail(format!("disagree on {text}: {:?} vs {o:?}", t.err())))
                }
            }
        }
    }
    Ok(())
}

#[test]
fn rejected_events_are_named_at_the_field_a_path_tracking_parser_names() {
    let strategy = prop_oneof![
        (valid_dataset(), proptest::collection::vec(mutation(), 0..4))
            .prop_map(|(v, muts)| mutate(v, &muts).0),
        proptest::collection::vec(json_value(), 0..4)
            .prop_map(|events| json!({ "events": events }).to_string()),
    ];
    fuzz("event-paths", strategy, |text| {
        let Ok(v) = serde_json::from_str::<Value>(&text) else { return Ok(()) };
        match v.get("events") {
            Some(Value::Array(events)) => check_event_paths(events),
            _ => Ok(()),
        }
    });
}

/// Rewrites the `k`-th node of `v` (in a walk that visits a node before its members) in one of
/// the other forms serde reads: an object as the list of its values, a string as an enum in
/// object form (`{"name": null}`), a list with one element more or less.
fn reshape(v: &mut Value, k: &mut usize, how: u8) {
    if *k == 0 {
        *v = match (std::mem::take(v), how % 4) {
            (Value::Object(m), _) => Value::Array(m.into_iter().map(|(_, x)| x).collect()),
            (Value::String(s), _) => json!({ s: null }),
            (Value::Array(mut a), 0) => {
                a.pop();
                Value::Array(a)
            }
            (Value::Array(mut a), _) => {
                a.push(json!("x"));
                Value::Array(a)
            }
            (other, _) => other,
        };
        *k = usize::MAX;
        return;
    }
    *k -= 1;
    match v {
        Value::Array(a) => a.iter_mut().for_each(|x| reshape(x, k, how)),
        Value::Object(m) => m.values_mut().for_each(|x| reshape(x, k, how)),
        _ => {}
    }
}

/// Damages a JSON text: cuts it, or puts in or takes out a character where JSON is sensitive.
fn damage(text: &mut String, at: &Index, op: u8) {
    const SIGNIFICANT: &[u8] = b"{}[],:\"\\ntf0-.eE1u";
    let mut cut = at.index(text.len() + 1);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    match op % 3 {
        0 => text.truncate(cut),
        1 => text.insert(cut, SIGNIFICANT[op as usize % SIGNIFICANT.len()] as char),
        _ => {
            if cut < text.len() {
                text.remove(cut);
            }
        }
    }
}

/// A path-tracking wrapper's path as the reader's segments.
fn segments(path: &serde_path_to_error::Path) -> Vec<Seg> {
    use serde_path_to_error::Segment;
    path.iter()
        .map(|s| match s {
            Segment::Seq { index } => Seg::Index(*index),
            Segment::Map { key } => Seg::Key(key.clone()),
            Segment::Enum { variant } => Seg::Key(variant.clone()),
            Segment::Unknown => Seg::Key("?".into()),
        })
        .collect()
}

/// serde_json's messages for text that is not JSON.
const SYNTAX: &[&str] = &[
    "EOF while",
    "expected `",
    "expected ident",
    "expected value",
    "trailing c",
    "key must be a string",
    "invalid escape",
    "invalid number",
    "number out of range",
    "invalid unicode",
    "control character",
    "lone leading",
    "unexpected end",
    "recursion limit",
];

/// The reader and serde_json (with the model's derives and a path-tracking wrapper) agree on a
/// text read as an event: the same event, or the same words at the same field, and both say
/// whether the text ended too soon.
fn check_event_text(text: &str) -> Result<(), TestCaseError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let theirs: Result<Event, (Vec<Seg>, serde_json::Error)> = match serde_path_to_error::deserialize(&mut de)
    {
        Ok(e) => de.end().map(|()| e).map_err(|inner| (Vec::new(), inner)),
        Err(t) => Err((segments(t.path()), t.into_inner())),
    };
    let ours = timeline_explorer::core::formats::json::from_str::<Event>(text);
    match (theirs, ours) {
        (Ok(t), Ok(o)) => ensure!(same_event(&o, &t), "read {o:?}, serde {t:?} from {text:?}"),
        (Err((path, t)), Err(o)) => {
            let theirs = serde_message(&t);
            ensure!(
                same_message(&o.message, &theirs),
                "message {:?}, serde {theirs:?} in {text:?}",
                o.message
            );
            // Where a text stops being JSON, the path-tracking wrapper has no field to name
            // (it says `?`, or the member before): paths are compared for what the types reject.
            let syntax = SYNTAX.iter().any(|m| theirs.starts_with(m));
            ensure!(syntax || o.path == path, "path {:?}, serde {path:?} ({theirs}) in {text:?}", o.path);
            ensure!(o.eof == t.is_eof(), "eof {}, serde {} ({theirs}) in {text:?}", o.eof, t.is_eof());
        }
        (t, o) => {
            return Err(TestCaseError::fail(format!(
                "disagree on {text:?}: serde {:?}, reader {o:?}",
                t.err()
            )))
        }
    }
    Ok(())
}

#[test]
fn the_json_reader_reads_event_texts_as_serde_json_does() {
    let event = prop_oneof![
        3 => valid_dataset().prop_map(|v| v["events"][0].clone()),
        1 => json_value(),
    ];
    let strategy = (
        event,
        proptest::collection::vec((any::<usize>(), any::<u8>()), 0..3),
        any::<bool>(),
        proptest::collection::vec((any::<Index>(), any::<u8>()), 0..3),
    );
    fuzz("json-reader", strategy, |(mut event, reshapes, pretty, damages)| {
        for (k, how) in reshapes {
            reshape(&mut event, &mut (k % 64), how);
        }
        let mut text = if pretty { serde_json::to_string_pretty(&event).unwrap() } else { event.to_string() };
        for (at, op) in &damages {
            damage(&mut text, at, *op);
        }
        check_event_text(&text)
    });
}

/// The reader's tree and serde_json's agree (numbers within their last bits).
fn same_tree(ours: &timeline_explorer::core::formats::json::Value, theirs: &Value) -> bool {
    use timeline_explorer::core::formats::json::Value as V;
    match (ours, theirs) {
        (V::Null, Value::Null) => true,
        (V::Bool(a), Value::Bool(b)) => a == b,
        (V::Number(f, int), Value::Number(n)) => *int == n.as_i64() && close(Some(*f), n.as_f64()),
        (V::String(a), Value::String(b)) => a == b,
        (V::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_tree(x, y)),
        // serde_json keeps the last of repeated keys (in key order); so does the reader's `get`.
        (V::Object(_), Value::Object(b)) => {
            b.iter().all(|(k, y)| ours.get(k).is_some_and(|x| same_tree(x, y)))
        }
        _ => false,
    }
}

#[test]
fn the_value_tree_reads_what_serde_json_reads() {
    let strategy =
        (json_value(), any::<bool>(), proptest::collection::vec((any::<Index>(), any::<u8>()), 0..3));
    fuzz("json-tree", strategy, |(value, pretty, damages)| {
        let mut text = if pretty { serde_json::to_string_pretty(&value).unwrap() } else { value.to_string() };
        for (at, op) in &damages {
            damage(&mut text, at, *op);
        }
        let ours = timeline_explorer::core::formats::json::Value::parse(&text);
        match (ours, serde_json::from_str::<Value>(&text)) {
            (Ok(o), Ok(t)) => ensure!(same_tree(&o, &t), "tree {o:?}, serde {t:?} from {text:?}"),
            (Err(o), Err(t)) => {
                let theirs = serde_message(&t);
                ensure!(
                    same_message(&o.message, &theirs),
                    "message {:?}, serde {theirs:?} in {text:?}",
                    o.message
                );
            }
            (o, t) => {
                return Err(TestCaseError::fail(format!("disagree on {text:?}: reader {o:?}, serde {t:?}")))
            }
        }
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------------
// Target 4: the TimelineJS import

fn tl_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (-3i64..10_003).prop_map(Value::from),
        2 => (-3i64..10_003).prop_map(|n| Value::from(n.to_string())),
        1 => (-3i64..40).prop_map(|n| Value::from(format!(" {n} "))),
        1 => Just(json!("")),
        1 => Just(Value::Null),
        1 => any::<i64>().prop_map(Value::from),
        1 => (-21_000_000_000i64..-99_000).prop_map(Value::from),
        1 => any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        1 => (1i64..13).prop_map(|n| json!(n as f64 + 0.5)),
        1 => proptest::sample::select(&["twenty", "99999999999999999999", "-0", "1e3", "0x10", "٣"][..]).prop_map(Value::from),
        1 => Just(json!(true)),
    ]
}

fn tl_date() -> impl Strategy<Value = Value> {
    prop_oneof![
        8 => (tl_number(), proptest::option::of(tl_number()), proptest::option::of(tl_number())).prop_map(|(y, m, d)| {
            let mut o = json!({ "year": y });
            if let Some(m) = m { o["month"] = m; }
            if let Some(d) = d { o["day"] = d; }
            o
        }),
        1 => Just(json!("2025")),
        1 => Just(Value::Null),
        1 => Just(json!([2025, 1, 1])),
    ]
}

fn html() -> impl Strategy<Value = String> {
    prop_oneof![
        hostile(),
        rx("[<>&;#a-zA-Z0-9 /=\"'!?-]{0,40}"),
        (hostile(), rx("[a-z ]{0,8}"), hostile()).prop_map(|(a, b, c)| format!("<p>{a}</p>{b}<b>{c}</b>")),
        any::<String>(),
    ]
}

/// A TimelineJS3 slide's media: a URL of any kind (also embed code, hostile strings, nothing),
/// with HTML captions and credits, alt and title, link and thumbnail, each present or not.
fn tl_media() -> impl Strategy<Value = Value> {
    let url = prop_oneof![
        3 => media_url(),
        1 => hostile(),
        1 => Just("<blockquote class=\"twitter-tweet\"><a href=\"https://x.com/a/status/1\">x</a></blockquote>".to_string()),
        1 => Just(String::new()),
        1 => any::<String>(),
    ];
    let part = || proptest::option::of(html());
    (url, part(), part(), part(), part(), proptest::option::of(media_url()), proptest::option::of(hostile()))
        .prop_map(|(url, caption, credit, alt, title, link, thumbnail)| {
            let mut m = json!({ "url": url });
            for (k, v) in [
                ("caption", caption),
                ("credit", credit),
                ("alt", alt),
                ("title", title),
                ("link", link),
                ("thumbnail", thumbnail),
            ] {
                if let Some(v) = v {
                    m[k] = json!(v);
                }
            }
            m
        })
}

fn timeline() -> impl Strategy<Value = Value> {
    let event = (
        tl_date(),
        proptest::option::of(tl_date()),
        proptest::option::of((html(), proptest::option::of(html()))),
        proptest::option::of(html()),
        proptest::option::of(prop_oneof![
            rx("[a-zA-Z0-9 _-]{0,10}").prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            hostile().prop_map(Value::from),
            Just(json!(null)),
        ]),
        proptest::option::of(tl_media()),
    )
        .prop_map(|(start, end, text, group, id, media)| {
            let mut e = json!({ "start_date": start });
            if let Some(m) = media {
                e["media"] = m;
            }
            if let Some(end) = end {
                e["end_date"] = end;
            }
            if let Some((h, t)) = text {
                e["text"] = json!({ "headline": h });
                if let Some(t) = t {
                    e["text"]["text"] = json!(t);
                }
            }
            if let Some(g) = group {
                e["group"] = json!(g);
            }
            if let Some(id) = id {
                e["unique_id"] = id;
            }
            e
        });
    (proptest::collection::vec(event, 0..8), proptest::option::of(html()), proptest::option::of(tl_media()))
        .prop_map(|(events, title, media)| {
            let mut t = json!({ "events": events });
            if let Some(title) = title {
                t["title"] = json!({ "text": { "headline": title } });
            }
            if let Some(m) = media {
                t["title"]["media"] = m;
            }
            t
        })
}

#[test]
fn the_timelinejs_import_gives_valid_datasets_or_named_errors() {
    let strategy = prop_oneof![3 => timeline().prop_map(|v| v.to_string()), 1 => json_value().prop_map(|v| v.to_string()), 1 => rx("(?s).{0,200}")];
    fuzz("timelinejs", strategy, |text| {
        let _ = looks_like_timelinejs(&text);
        match import_noted(&text) {
            Ok((d, notes)) => {
                for lang in Lang::ALL {
                    let lines = timeline_explorer::core::i18n::import_note_lines(lang, &notes);
                    ensure!(lines.iter().all(|l| !l.trim().is_empty()), "an empty notice");
                    ensure!(
                        lines.len() == notes.len() + usize::from(!notes.is_empty()),
                        "a note left unsaid"
                    );
                }
                // Each kept media item that is not an image is one shown as a link.
                let links = d
                    .events
                    .iter()
                    .filter_map(|e| e.media.as_ref())
                    .filter(|m| MediaInfo::of(&m.url).kind != MediaKind::Image)
                    .count();
                let counted = notes
                    .iter()
                    .find_map(|n| match n {
                        ImportNote::MediaAsLinks(c) => Some(*c),
                        _ => None,
                    })
                    .unwrap_or(0);
                ensure!(links == counted, "{links} media shown as links, {counted} counted");
                check_dataset(&d)?;
                check_imported_events(&d)?;
                check_session(d)?;
            }
            Err(e) => check_error(&e)?,
        }
        check_session_load(&text)
    });
}

/// A spreadsheet saved as CSV: known and unknown headers, any separator, cells of dates in many
/// forms, links, hostile and arbitrary text, some quoted, lines ended in any way.
fn sheet() -> impl Strategy<Value = String> {
    const HEADERS: &[&str] = &[
        "date",
        "Datum",
        "end",
        "title",
        "Headline",
        "Text",
        "description",
        "group",
        "Kategorie",
        "link",
        "sources",
        "id",
        "categories",
        "confidence",
        "actors",
        "tags",
        "place",
        "lat",
        "lon",
        "Year",
        "Month",
        "Day",
        "End Year",
        "Type",
        "Display Date",
        "Media",
        "notes",
    ];
    let cell = prop_oneof![
        2 => date().prop_map(|(_, d)| d),
        2 => rx("[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}|[0-9]{1,2}\\.? (März|Nov|December) [0-9]{4}"),
        1 => http_url(),
        2 => text(),
        1 => rx("(title|era|energy|militär|confirmed|[0-9-]{1,6})"),
    ];
    let row = proptest::collection::vec(cell, 0..10);
    (
        proptest::sample::subsequence(HEADERS, 1..10).prop_shuffle(),
        proptest::sample::select(vec![",", ";", "\t"]),
        proptest::sample::select(vec!["\n", "\r\n", "\r"]),
        proptest::collection::vec((row, any::<bool>()), 0..12),
        any::<bool>(),
    )
        .prop_map(|(headers, sep, end, rows, bom)| {
            let quote = |c: &str, always: bool| {
                if always || c.contains([',', ';', '\t', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.to_string()
                }
            };
            let mut text = String::from(if bom { "\u{feff}" } else { "" });
            text.push_str(&headers.iter().map(|h| quote(h, false)).collect::<Vec<_>>().join(sep));
            for (cells, always) in rows {
                text.push_str(end);
                text.push_str(&cells.iter().map(|c| quote(c, always)).collect::<Vec<_>>().join(sep));
            }
            text
        })
}

#[test]
fn the_csv_import_gives_valid_datasets_or_named_errors() {
    let strategy = prop_oneof![6 => sheet(), 1 => rx("(?s).{0,300}")];
    fuzz("csv", strategy, |text| match import_csv(&text, &ImportOptions::default()) {
        Ok(import) => {
            check_dataset(&import.dataset)?;
            ensure!(import.columns.len() == import.headers.len(), "a column without a header");
            for e in &import.dataset.events {
                ensure!(e.sources.iter().all(|s| is_http_url(&s.url)), "import invented a bad source");
            }
            for n in &import.notices {
                for lang in Lang::ALL {
                    let line = timeline_explorer::core::i18n::import_notice(lang, n);
                    ensure!(!line.trim().is_empty(), "an empty notice");
                }
            }
            check_session(import.dataset)
        }
        Err(e) => check_error(&e),
    });
}

// ---------------------------------------------------------------------------------------------
// Target: the vis-timeline import

/// A vis-timeline date: ISO strings at any precision, with or without a time, numbers of
/// milliseconds, and things that are not dates.
fn vis_date() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => date().prop_map(|(_, d)| json!(d)),
        2 => (date(), 0u32..24, 0u32..60).prop_map(|((_, d), h, m)| json!(format!("{d}T{h:02}:{m:02}:00Z"))),
        2 => (-62_000_000_000_000i64..250_000_000_000_000).prop_map(Value::from),
        1 => any::<f64>().prop_map(|f| if f.is_finite() { json!(f) } else { json!(0) }),
        1 => proptest::sample::select(ODD_DATES).prop_map(Value::from),
        1 => hostile().prop_map(Value::from),
        1 => Just(Value::Null),
        1 => Just(json!([2020])),
    ]
}

/// vis-timeline data: items (boxes, points, ranges, backgrounds) with ids of any kind, HTML
/// content and titles, groups that exist or not, styles and subgroups; as a list or with groups.
fn vis_data() -> impl Strategy<Value = Value> {
    let id = prop_oneof![
        slug().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        hostile().prop_map(Value::from),
        Just(Value::Null),
    ];
    let item = (
        proptest::option::of(id.clone()),
        proptest::option::of(html()),
        proptest::option::of(html()),
        vis_date(),
        proptest::option::of(vis_date()),
        proptest::option::of(proptest::sample::select(&["box", "point", "range", "background", "odd"][..])),
        proptest::option::of(0i64..4),
        any::<bool>(),
    )
        .prop_map(|(id, content, title, start, end, kind, group, styled)| {
            let mut i = json!({ "start": start });
            for (k, v) in [
                ("id", id),
                ("content", content.map(Value::from)),
                ("title", title.map(Value::from)),
                ("end", end),
                ("type", kind.map(Value::from)),
                ("group", group.map(Value::from)),
            ] {
                if let Some(v) = v {
                    i[k] = v;
                }
            }
            if styled {
                i["className"] = json!("x");
                i["subgroup"] = json!("s");
            }
            i
        });
    let group = (0i64..3, proptest::option::of(html()), any::<bool>()).prop_map(|(id, content, nested)| {
        let mut g = json!({ "id": id });
        if let Some(c) = content {
            g["content"] = json!(c);
        }
        if nested {
            g["nestedGroups"] = json!([0]);
        }
        g
    });
    (proptest::collection::vec(item, 0..10), proptest::option::of(proptest::collection::vec(group, 0..4)))
        .prop_map(|(items, groups)| match groups {
            Some(groups) => json!({ "items": items, "groups": groups }),
            None => json!(items),
        })
}

#[test]
fn the_vis_timeline_import_gives_valid_datasets_or_named_errors() {
    let strategy = prop_oneof![4 => vis_data().prop_map(|v| v.to_string()), 1 => json_value().prop_map(|v| v.to_string()), 1 => rx("(?s).{0,200}")];
    fuzz("vis", strategy, |text| {
        let _ = timeline_explorer::core::formats::read::looks_like_vis(&text);
        match import_vis(&text, Some("https://example.org/items.json")) {
            Ok((d, notes)) => {
                check_dataset(&d)?;
                for n in &notes {
                    let count = match *n {
                        VisNote::TimesOfDay(c)
                        | VisNote::Styles(c)
                        | VisNote::Subgroups(c)
                        | VisNote::NestedGroups(c) => c,
                    };
                    ensure!(count > 0, "a note of nothing");
                    for lang in Lang::ALL {
                        ensure!(
                            !timeline_explorer::core::i18n::vis_notice(lang, *n).trim().is_empty(),
                            "an empty notice"
                        );
                    }
                }
                check_imported_events(&d)?;
                // What the widget does with it: the project's JSON, read by the strict reader.
                let json = timeline_explorer::core::formats::csv::dataset_json(&d);
                let again = load_dataset(&json).map_err(|e| TestCaseError::fail(format!("{e}")))?;
                same_events(&d, &again)?;
                check_session(d)
            }
            Err(e) => check_error(&e),
        }
    });
}

#[test]
fn html_to_text_is_linear_tidy_and_drops_every_tag() {
    fuzz("html-to-text", html(), |h| {
        let t = html_to_text(&h);
        ensure!(t.len() <= h.len(), "{} bytes of text from {} of HTML", t.len(), h.len());
        ensure!(t.trim() == t && !t.contains("  "), "untidy white space in {t:?}");
        if !h.contains('&') {
            // Without entities nothing can turn into markup: no tag start survives.
            let b = t.as_bytes();
            let tag = b
                .windows(2)
                .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')));
            ensure!(!tag, "a tag survived in {t:?}");
        }
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------------
// Target 5: the URL decoder

const PARAMS: [&str; 13] =
    ["q", "cat", "actor", "tag", "place", "from", "to", "event", "span", "group", "view", "axis", "lang"];

fn param_value() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => hostile(),
        2 => slug(),
        1 => proptest::collection::vec(slug(), 0..60).prop_map(|v| v.join(",")),
        1 => proptest::sample::select(&CATEGORIES[..]).prop_map(str::to_string),
        1 => date().prop_map(|(_, d)| d),
        1 => proptest::sample::select(ODD_DATES).prop_map(str::to_string),
        1 => (date(), date()).prop_map(|((_, a), (_, b))| format!("{a}..{b}")),
        1 => proptest::sample::select(&["none", "category", "actor", "timeline", "list", "linear", "folded", "de", "en", "DE", "", ".."][..]).prop_map(str::to_string),
        1 => any::<String>(),
        1 => (rx("[a-zä€ ,]{1,4}"), 1usize..400).prop_map(|(s, n)| s.repeat(n)),
    ]
}

fn query() -> impl Strategy<Value = String> {
    let name = prop_oneof![6 => proptest::sample::select(&PARAMS[..]).prop_map(str::to_string), 1 => rx("[a-zA-Z_%]{0,6}"), 1 => hostile()];
    let pair = (name, param_value(), 0u8..4).prop_map(|(n, v, how)| match how {
        // Form-encoded, raw, percent-encoded byte by byte, or broken percent signs.
        0 => format!("{}={}", n, form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()),
        1 => format!("{n}={v}"),
        2 => format!("{n}={}", v.bytes().map(|b| format!("%{b:02X}")).collect::<String>()),
        _ => format!("{n}=%{v}%"),
    });
    prop_oneof![
        4 => (any::<bool>(), proptest::collection::vec(pair, 0..14)).prop_map(|(q, ps)| format!("{}{}", if q { "?" } else { "" }, ps.join("&"))),
        1 => any::<String>(),
        1 => proptest::collection::vec(any::<u8>(), 0..300).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        1 => rx("[?&=,.%0-9a-fA-F+qcatorgnspvlwz-]{0,300}"),
    ]
}

fn check_decoded(d: &Decoded) -> Result<(), TestCaseError> {
    let s = &d.state;
    ensure!(d.ignored.len() <= MAX_REPORTS, "{} notices", d.ignored.len());
    for (k, i) in d.ignored.iter().enumerate() {
        ensure!(!d.ignored[..k].contains(i), "a notice twice: {i:?}");
        let (de, en) = (i.describe(Lang::De), i.describe(Lang::En));
        ensure!(
            !de.trim().is_empty() && !en.trim().is_empty() && de != en,
            "notice {i:?} not in both languages"
        );
        ensure!(de.chars().count() <= 200 && en.chars().count() <= 200, "an overlong notice: {en}");
    }
    ensure!(s.q.chars().count() <= MAX_Q_CHARS, "q of {} chars", s.q.chars().count());
    for set in [&s.actor, &s.tag, &s.place] {
        ensure!(set.len() <= MAX_LIST, "a list of {}", set.len());
        ensure!(set.iter().all(|v| is_slug(v)), "a non-slug id kept: {set:?}");
    }
    ensure!(s.event.as_deref().is_none_or(is_slug), "a non-slug event kept: {:?}", s.event);
    if let (Some(f), Some(t)) = (s.from, s.to) {
        ensure!(f.start_day() <= t.start_day(), "from {f} after to {t}");
    }
    if let Some(sp) = s.span {
        ensure!(sp.end > sp.start && sp.end - sp.start <= MAX_SPAN_DAYS, "span {sp:?}");
    }
    // What was kept survives the canonical form unchanged.
    let e = encode(s);
    let again = decode(&e);
    ensure!(again.state == *s, "decode(encode(s)) != s for {e:?}");
    ensure!(again.ignored.is_empty(), "the canonical form {e:?} has ignored parts: {:?}", again.ignored);
    ensure!(encode(&again.state) == e, "the canonical form is not stable");
    ensure!(!e.starts_with('?') && !e.contains([' ', '#', '\n']), "an unsafe canonical query {e:?}");
    Ok(())
}

#[test]
fn the_url_decoder_keeps_what_is_valid_and_reports_the_rest() {
    /// A few ids of each kind, in sets the checks below read too.
    struct Sets {
        actors: std::collections::HashSet<String>,
        tags: std::collections::HashSet<String>,
        places: std::collections::HashSet<String>,
        events: std::collections::HashSet<String>,
    }
    impl Known for Sets {
        fn knows(&self, param: &str, id: &str) -> bool {
            match param {
                "actor" => self.actors.contains(id),
                "tag" => self.tags.contains(id),
                "place" => self.places.contains(id),
                "event" => self.events.contains(id),
                _ => false,
            }
        }
    }
    let known = Sets {
        actors: ["az".to_string(), "us".to_string()].into(),
        tags: ["tripp".to_string()].into(),
        places: ["baku".to_string()].into(),
        events: ["e1".to_string()].into(),
    };
    fuzz("url-decode", query(), |q| {
        let d = decode(&q);
        check_decoded(&d)?;
        let mut state = d.state.clone();
        let dropped = sanitize(&mut state, &known);
        ensure!(dropped.len() <= MAX_REPORTS, "{} notices from sanitising", dropped.len());
        ensure!(
            state.actor.iter().all(|a| known.actors.contains(a))
                && state.tag.iter().all(|t| known.tags.contains(t)),
            "unknown ids survived sanitising"
        );
        ensure!(state.place.iter().all(|p| known.places.contains(p)), "unknown places survived sanitising");
        ensure!(state.event.as_ref().is_none_or(|e| known.events.contains(e)), "an unknown event survived");
        ensure!(
            dropped.iter().all(|i| matches!(i, Ignored::UnknownId { .. })),
            "sanitising reported {dropped:?}"
        );
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------------
// Target 6: the search normaliser

fn search_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        2 => rx("[ -~\u{a0}-\u{17f}\u{259}\u{18f}\u{300}-\u{36f}\u{2010}-\u{201f}\u{1e9e}\u{130}\u{212a}]{0,60}"),
        1 => proptest::collection::vec(hostile(), 0..4).prop_map(|v| v.join(" ")),
        1 => (rx("[a-zäöüß ]{1,3}"), 1usize..1500).prop_map(|(s, n)| s.repeat(n)),
        1 => rx("[\u{0}-\u{20}\u{85}\u{a0}\u{1680}\u{2000}-\u{200f}\u{2028}-\u{202f}\u{205f}\u{3000}\u{feff}a]{0,40}"),
    ]
}

#[test]
fn search_folding_queries_and_highlights_keep_their_invariants() {
    let strategy = (search_text(), search_text(), any::<Index>(), any::<Index>());
    fuzz("search", strategy, |(text, other, a, b)| {
        let f = fold(&text);
        ensure!(fold(&f) == f, "fold is not idempotent on {text:?}");
        ensure!(!f.chars().any(|c| c.is_uppercase() && c.is_ascii()), "upper-case ASCII after folding");
        ensure!(!f.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)), "a combining mark after folding");
        // A piece of the text (on char boundaries) is found in it and highlighted.
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let (x, y) = (cuts[a.index(cuts.len())], cuts[b.index(cuts.len())]);
        let piece = &text[x.min(y)..x.max(y)];
        for q in [Query::parse(piece), Query::parse(&other), Query::parse(&text)] {
            ensure!(q.tokens().len() <= MAX_TOKENS, "{} tokens", q.tokens().len());
            for t in q.tokens() {
                ensure!(!t.is_empty() && t.chars().count() <= MAX_TOKEN_CHARS, "token {t:?}");
                ensure!(
                    !t.chars().any(char::is_whitespace) && fold(t) == *t,
                    "token {t:?} not folded or split"
                );
            }
            let h = highlight(&text, &q);
            let mut at = 0;
            for (k, (r, m)) in h.iter().enumerate() {
                ensure!(r.start == at && r.end > r.start, "ranges do not tile the text: {h:?}");
                ensure!(
                    text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                    "a range inside a char: {r:?}"
                );
                ensure!(k == 0 || h[k - 1].1 != *m, "neighbouring ranges with the same mark");
                at = r.end;
            }
            ensure!(at == text.len(), "ranges end at {at} of {}", text.len());
            let any_mark = h.iter().any(|(_, m)| *m);
            let any_token = q.tokens().iter().any(|t| f.contains(t.as_str()));
            ensure!(any_mark == any_token, "marks {any_mark} but a token occurs: {any_token}");
        }
        let q = Query::parse(piece);
        ensure!(q.matches_folded(&f), "a piece of the text does not match it: {piece:?}");
        ensure!(Query::parse(&text).matches_folded(&f), "the text does not match itself");
        // Only the first MAX_QUERY_CHARS chars of a query count.
        let long: String = text.chars().chain(std::iter::repeat_n('x', MAX_QUERY_CHARS)).collect();
        let head: String = long.chars().take(MAX_QUERY_CHARS).collect();
        ensure!(Query::parse(&long) == Query::parse(&head), "chars beyond the limit changed the query");
        Ok(())
    });
}

// A guard that the categories in this file match the model's.
#[test]
fn the_fuzzers_know_every_category() {
    assert_eq!(CATEGORIES.to_vec(), Category::ALL.iter().map(|c| c.code()).collect::<Vec<_>>());
}
