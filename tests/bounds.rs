//! Bounds: a 20 MB dataset, 10,000-deep nesting, a 1 MB URL and a million-character search.
//! Each ends with a clear, typed error or a (possibly cut) working result, never a panic or a
//! stack overflow. Timings are printed (`./dev fuzz` shows them) but never asserted: speed is
//! the benchmark's business.
#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;
use timeline_explorer::core::dataset::model::Lang;
use timeline_explorer::core::dataset::validate::{MAX_MESSAGE_CHARS, MAX_TEXT_CHARS, MAX_URL_BYTES};
use timeline_explorer::core::formats::read::load_dataset;
use timeline_explorer::core::formats::read::LoadFailure;
use timeline_explorer::core::formats::timelinejs::{import, looks_like_timelinejs};
use timeline_explorer::core::i18n::grouped;
use timeline_explorer::core::loaded::LoadedDataset;
use timeline_explorer::core::query::search::{fold, highlight, Query, MAX_QUERY_CHARS, MAX_TOKENS};
use timeline_explorer::core::query::urlstate::{
    decode, encode, Ignored, MAX_QUERY_BYTES, MAX_Q_CHARS, MAX_REPORTS,
};
use timeline_explorer::core::query::viewstate::ViewState;

/// Runs `f`, printing how long it took under `name`.
fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let t0 = Instant::now();
    let out = f();
    eprintln!("bound {name}: {:.1} ms", t0.elapsed().as_secs_f64() * 1000.0);
    out
}

/// A valid dataset in the project's schema of at least `bytes` bytes.
fn big_dataset(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 4096);
    s.push_str(r#"{"title":{"de":"Groß","en":"Big"},"actors":["#);
    for a in 0..24 {
        if a > 0 {
            s.push(',');
        }
        s.push_str(&format!(
            r#"{{"id":"actor-{a}","kind":"state","name":{{"de":"Akteur {a}","en":"Actor {a}"}}}}"#
        ));
    }
    s.push_str(r#"],"events":["#);
    let mut i = 0usize;
    while s.len() < bytes {
        if i > 0 {
            s.push(',');
        }
        let (y, m, d) = (1990 + i % 37, 1 + i % 12, 1 + i % 28);
        s.push_str(&format!(
            r#"{{"id":"ev-{i}","date":"{y}-{m:02}-{d:02}","title":{{"de":"Vertrag {i}","en":"Treaty {i}"}},"summary":{{"de":"Generiertes Ereignis {i} über den Korridor.","en":"Generated event {i} about the corridor."}},"actors":["actor-{}"],"categories":["energy"],"tags":["tag-{}"],"place":{{"id":"place-{}","name":{{"de":"Ort","en":"Place"}},"lat":40.5,"lon":49.9}},"sources":[{{"title":"Source {i}","publisher":"Generator","url":"https://example.org/{i}"}}],"confidence":"confirmed"}}"#,
            i % 24,
            i % 30,
            i % 15
        ));
        i += 1;
    }
    s.push_str("]}");
    s
}

#[test]
fn a_twenty_megabyte_dataset_loads_and_filters() {
    let text = big_dataset(20 * 1024 * 1024);
    assert!(text.len() >= 20 * 1024 * 1024);
    let loaded = timed("20 MB dataset: load and index", || LoadedDataset::from_json(&text))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let n = loaded.dataset.events.len();
    assert!(n > 40_000, "{n} events");
    let all = timed("20 MB dataset: filter all", || loaded.filter(&ViewState::default()));
    assert_eq!(all.len(), n);
    let state = ViewState { q: "treaty 4711".into(), ..ViewState::default() };
    let hits = timed("20 MB dataset: search", || loaded.filter(&state));
    assert!(hits.iter().any(|&i| loaded.dataset.events[i].id == "ev-4711"));
    let (state, _) = loaded.decode_state("cat=energy&actor=actor-3&from=2000&to=2010");
    let facets = timed("20 MB dataset: filter and facets", || loaded.filter_and_facets(&state));
    assert!(!facets.0.is_empty() && facets.0.len() < n);
}

#[test]
fn a_twenty_megabyte_value_in_one_field_is_refused_with_a_short_message() {
    let huge = "<script>top.__xss=1</script>".repeat(20 * 1024 * 1024 / 28);
    let event = |field: &str| {
        let mut e = serde_json::json!({
            "id": "e", "date": "2025", "title": {"de": "T", "en": "T"}, "summary": {"de": "S", "en": "S"},
            "actors": [], "categories": ["energy"],
            "sources": [{"title": "S", "publisher": "P", "url": "https://example.org"}], "confidence": "confirmed"
        });
        match field {
            "category" => e["categories"][0] = huge.clone().into(),
            "date" => e["date"] = huge.clone().into(),
            "url" => e["sources"][0]["url"] = format!("https://example.org/{huge}").into(),
            "key" => e[huge.as_str()] = 1.into(),
            _ => e["title"]["en"] = huge.clone().into(),
        }
        serde_json::json!({ "events": [e] }).to_string()
    };
    for field in ["category", "date", "key"] {
        let text = event(field);
        let err = timed(&format!("20 MB {field}: refused"), || load_dataset(&text)).unwrap_err();
        for p in &err.problems {
            for lang in Lang::ALL {
                let n = p.message(lang).chars().count();
                assert!(n <= MAX_MESSAGE_CHARS, "{field}, {lang:?}: {n} chars");
            }
        }
        assert!(err.to_string().len() < 2_000, "{field}: the whole error is {} bytes", err.to_string().len());
    }
    // A huge text or link is refused too, naming the field and the limit: drawn and searched,
    // it would freeze the page.
    for (field, path, limit) in
        [("title", "title.en", MAX_TEXT_CHARS), ("url", "sources[0].url", MAX_URL_BYTES)]
    {
        let text = event(field);
        let err = timed(&format!("20 MB {field}: refused"), || load_dataset(&text)).unwrap_err();
        assert_eq!(err.problems[0].field, path);
        assert!(
            err.problems[0]
                .message(Lang::En)
                .ends_with(&format!("at most {} are accepted", grouped(Lang::En, limit))),
            "{err}"
        );
        let de = err.problems[0].message(Lang::De);
        assert!(de.contains(&format!("erlaubt sind höchstens {}", grouped(Lang::De, limit))), "{de}");
    }
    // At the limit, searching a text stays fast.
    let longest = "<script>top.__xss=1</script> ".repeat(MAX_TEXT_CHARS / 29);
    let h = timed("longest text: highlight", || highlight(&longest, &Query::parse("xss script")));
    assert!(h.iter().filter(|(_, m)| *m).count() > 300);
}

/// Runs `f` on a thread with a 1 MiB stack: the WebAssembly build's whole stack.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .expect("no stack overflow or panic");
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_without_overflowing_the_stack() {
    on_small_stack(|| {
        let n = 10_000;
        let arrays = "[".repeat(n) + &"]".repeat(n);
        let objects = r#"{"a":"#.repeat(n) + "1" + &"}".repeat(n);
        // Each is refused with a problem naming where (the file, an event, the title); the
        // parser's depth limit or the schema stops it long before the stack runs out.
        let texts = [
            ("arrays", arrays.clone()),
            ("objects", objects.clone()),
            ("as the events", format!(r#"{{"events":{arrays}}}"#)),
            ("in an event", format!(r#"{{"events":[{{"id":"x","title":{objects}}}]}}"#)),
            ("as the title", format!(r#"{{"title":{objects},"events":[]}}"#)),
            ("in a TimelineJS date", format!(r#"{{"events":[{{"start_date":{{"year":{arrays}}}}}]}}"#)),
            // Unclosed: the parser gives up at its depth limit, not at the end of the text.
            ("unclosed arrays", "[".repeat(n)),
            ("unclosed objects in the events", r#"{"events":[{"a":"#.repeat(n)),
        ];
        for (name, text) in &texts {
            let err =
                timed(&format!("10,000-deep nesting, {name}: refused"), || load_dataset(text)).unwrap_err();
            assert!(!err.problems.is_empty() && err.to_string().chars().count() < 2_000, "{name}: {err}");
            assert!(!looks_like_timelinejs(text));
            let err = import(text).unwrap_err();
            assert!(err.to_string().contains("recursion limit"), "{err}");
            match LoadedDataset::from_json(text) {
                Err(LoadFailure::Invalid(e)) => assert!(!e.problems.is_empty(), "{name}"),
                other => panic!("expected a refusal, got {:?}", other.map(|s| s.dataset.events.len())),
            }
        }
        // Nesting inside a string is only text.
        let quoted =
            format!(r#"{{"title":{{"de":"{a}","en":"{a}"}},"events":[]}}"#, a = "[".repeat(MAX_TEXT_CHARS));
        assert!(load_dataset(&quoted).is_ok());
    });
}

#[test]
fn a_megabyte_url_is_read_up_to_its_limit_with_a_notice_in_both_languages() {
    let loaded = LoadedDataset::embedded().unwrap();
    let payload =
        form_urlencoded::byte_serialize("<img src=x onerror=top.__xss=1>".as_bytes()).collect::<String>();
    let queries = [
        ("q", format!("view=list&q={}", payload.repeat(1_000_000 / payload.len() + 1))),
        (
            "unknown parameters",
            format!("view=list&{}", format!("{payload}=1&").repeat(1_000_000 / (payload.len() + 3) + 1)),
        ),
        ("tag list", format!("view=list&tag={}", "a,".repeat(500_000))),
        ("event id", format!("view=list&event={}", "a".repeat(1_000_000))),
        ("repeated q", format!("view=list&{}", "q=1&".repeat(250_000))),
    ];
    for (name, q) in &queries {
        assert!(q.len() >= 1_000_000);
        let (state, ignored) = timed(&format!("1 MB URL, {name}: decoded"), || loaded.decode_state(q));
        assert_eq!(
            state.view,
            timeline_explorer::core::query::viewstate::View::List,
            "the valid part is kept"
        );
        assert!(ignored.contains(&Ignored::TooLong), "{ignored:?}");
        assert!(ignored.len() <= MAX_REPORTS);
        assert!(state.q.chars().count() <= MAX_Q_CHARS);
        let canonical = encode(&state);
        assert!(canonical.len() <= MAX_QUERY_BYTES, "{} bytes", canonical.len());
        for l in Lang::ALL {
            assert!(!Ignored::TooLong.describe(l).is_empty());
        }
        assert_ne!(Ignored::TooLong.describe(Lang::De), Ignored::TooLong.describe(Lang::En));
    }
    assert!(decode(&queries[0].1).state.q.starts_with("<img src=x onerror=top.__xss=1>"));
}

#[test]
fn a_million_character_search_is_cut_and_answers() {
    let loaded = LoadedDataset::embedded().unwrap();
    let big = LoadedDataset::from_json(&big_dataset(4 * 1024 * 1024)).unwrap_or_else(|e| panic!("{e:?}"));
    let searches = [
        ("one word", "a".repeat(1_000_000)),
        ("many words", "nato ".repeat(200_000)),
        ("markup", "<script>top.__xss=1</script> ".repeat(1_000_000 / 29 + 1)),
        ("combining marks", "ä\u{301}ß".repeat(333_334)),
    ];
    for (name, q) in &searches {
        assert!(q.chars().count() >= 1_000_000);
        let query = timed(&format!("million-char search, {name}: parsed"), || Query::parse(q));
        assert!(query.tokens().len() <= MAX_TOKENS);
        assert!(query.tokens().iter().map(|t| t.chars().count()).sum::<usize>() <= MAX_QUERY_CHARS);
        for (s, which) in [(&loaded, "embedded dataset"), (&big, "4 MB dataset")] {
            let state = ViewState { q: q.clone(), ..ViewState::default() };
            let found = timed(&format!("million-char search, {name}: filtered the {which}"), || {
                s.filter_and_facets(&state)
            });
            assert!(found.0.len() <= s.dataset.events.len());
        }
        let title = &loaded.dataset.events[0].title.en;
        let h =
            timed(&format!("million-char search, {name}: highlighted a title"), || highlight(title, &query));
        assert_eq!(h.last().map(|(r, _)| r.end), Some(title.len()));
    }
    // The search box's own limit: a URL keeps at most MAX_Q_CHARS of it.
    let state = ViewState { q: "nato ".repeat(200_000), ..ViewState::default() };
    let kept = decode(&encode(&state)).state.q;
    assert!(kept.chars().count() <= MAX_Q_CHARS);
    assert!(fold(&kept).starts_with("nato nato"));
}

#[test]
fn a_sheet_just_under_the_csv_bound_imports_within_the_dataset_bounds_and_one_over_it_is_refused() {
    use timeline_explorer::core::formats::csv::{import_csv, ImportOptions, MAX_CSV_BYTES};
    let mut text = String::from("date;title;description;category;link\n");
    let mut i = 0usize;
    while text.len() < MAX_CSV_BYTES - 200 {
        text.push_str(&format!(
            "{}.{}.{};Vertrag {i};Generiertes Ereignis {i} über den Korridor;Energie;https://example.org/{i}\n",
            1 + i % 28,
            1 + i % 12,
            1990 + i % 37
        ));
        i += 1;
    }
    let import = timed("16 MB sheet: import", || import_csv(&text, &ImportOptions::default()))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(import.dataset.events.len(), i);
    let json = timeline_explorer::core::formats::csv::dataset_json(&import.dataset);
    eprintln!("bound 16 MB sheet: {} bytes of JSON", json.len());
    if let Err(e) = load_dataset(&json) {
        panic!("its dataset is not within the dataset bounds: {e}");
    }
    text.push_str(&"x".repeat(200));
    let refused = import_csv(&text, &ImportOptions::default()).unwrap_err();
    assert_eq!(grouped(Lang::En, refused.problems.len()), "1");
}
