//! The built-in dataset: the South Caucasus / Caspian events of the Korybko article (13 Feb
//! 2026) and the events it rests on. How it is sourced and checked: `docs/dataset.md`; the tests
//! below keep it so. Natively (the tests, the `prerender` command) it is compiled in; the widget
//! fetches it from beside its script (`./dev build` copies it there), so that a widget showing a
//! host's own dataset never downloads it.

use crate::core::dataset::model::Dataset;
use crate::core::dataset::validate::DatasetError;
use crate::core::formats::read::load_dataset;

/// The embedded dataset's JSON text (schema: README.md, `www/dataset.schema.json`).
pub const EMBEDDED_JSON: &str = include_str!("../../data/events.json");

/// Parses and validates the embedded dataset.
pub fn embedded_dataset() -> Result<Dataset, DatasetError> {
    load_dataset(EMBEDDED_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::date::Precision;
    use crate::core::dataset::model::{Confidence, Lang};
    use crate::core::dataset::validate::is_http_url;
    use std::collections::HashMap;

    /// The longest title the widget shows whole (on up to two lines), in chars.
    const MAX_TITLE_CHARS: usize = 90;

    /// The analysed article itself, as published in German and in English: a source that only
    /// repeats what the article says.
    const ARTICLE_URLS: [&str; 2] =
        ["https://www.globale-gleichheit.de/?p=26658", "https://www.postnuclear.eu/?p=6355"];

    #[test]
    fn the_embedded_dataset_validates() {
        let d = embedded_dataset().unwrap_or_else(|e| panic!("{e}"));
        assert!(d.events.len() >= 20, "{} events", d.events.len());
    }

    #[test]
    fn the_required_events_are_present_with_their_dates() {
        let d = embedded_dataset().unwrap();
        for (id, date, precision) in [
            ("vance-charter-2026", "2026-02-10", Precision::Day),
            ("vance-armenia-visit-2026", "2026-02-09", Precision::Day),
            ("tripp-announced-2025", "2025-08-08", Precision::Day),
            ("az-nato-standards-2025", "2025-11-06", Precision::Day),
            ("kz-nato-shells-2025", "2025-12-09", Precision::Day),
            ("ru-duma-reaction-2025", "2025-12-16", Precision::Day),
            ("kz-mod-aspan-statement-2025", "2025-12-18", Precision::Day),
            ("trans-caspian-options-2025", "2025-11", Precision::Month),
            ("caspian-convention-2018", "2018-08-12", Precision::Day),
            ("pfp-kz-az-1994", "1994", Precision::Year),
            ("korybko-article-2026", "2026-02-13", Precision::Day),
        ] {
            let e = d.event(id).unwrap_or_else(|| panic!("{id} missing"));
            assert_eq!(e.date.to_string(), date, "{id}");
            assert_eq!(e.date.precision(), precision, "{id}");
        }
        // Vance's visit to Armenia ran over two days.
        assert_eq!(
            d.event("vance-armenia-visit-2026").unwrap().end.map(|e| e.to_string()).as_deref(),
            Some("2026-02-10")
        );
        // Dates that rest on one secondary report or on a republished copy say so.
        for id in ["trans-caspian-options-2025", "kz-mod-aspan-statement-2025"] {
            assert!(d.event(id).unwrap().approximate, "{id}");
        }
        let korybko = d.event("korybko-article-2026").unwrap();
        assert_eq!(korybko.confidence, Confidence::PerArticle, "the article is its own only witness");
        for url in ARTICLE_URLS {
            assert!(korybko.sources.iter().any(|s| s.url == url), "korybko-article-2026 cites {url}");
        }
        assert!(d.event("ru-duma-reaction-2025").unwrap().actors.iter().any(|a| a == "zhuravlev"));
    }

    #[test]
    fn a_claim_and_its_denial_are_related() {
        let d = embedded_dataset().unwrap();
        let denial = d.event("kz-mod-aspan-statement-2025").unwrap();
        assert!(denial.related.iter().any(|r| r.id == "kz-nato-shells-2025"));
    }

    #[test]
    fn every_source_has_a_publisher_an_http_link_and_a_name_in_its_language() {
        for e in embedded_dataset().unwrap().events {
            for s in &e.sources {
                assert!(!s.publisher.trim().is_empty(), "{}: a source without a publisher", e.id);
                assert!(is_http_url(&s.url), "{}: {}", e.id, s.url);
                match (&s.title, &s.about) {
                    // A headline is marked with its language, for screen readers.
                    (Some(_), _) => {
                        assert!(s.lang.is_some(), "{}: {} has a headline without its language", e.id, s.url)
                    }
                    (None, Some(about)) => assert_ne!(
                        about.de, about.en,
                        "{}: {} is described in one language only",
                        e.id, s.url
                    ),
                    (None, None) => panic!("{}: {} has neither a headline nor a description", e.id, s.url),
                }
                assert!(s.kind.is_some(), "{}: {} says what kind of source it is", e.id, s.url);
            }
        }
    }

    #[test]
    fn confirmed_only_where_a_source_beyond_the_article_is_cited() {
        for e in embedded_dataset().unwrap().events {
            let beyond = e.sources.iter().any(|s| !ARTICLE_URLS.contains(&s.url.as_str()));
            if e.confidence == Confidence::Confirmed {
                assert!(beyond, "{} is confirmed by the article alone", e.id);
            }
        }
    }

    #[test]
    fn every_title_fits_the_widget_in_both_languages() {
        for e in embedded_dataset().unwrap().events {
            for lang in Lang::ALL {
                let n = e.title.get(lang).chars().count();
                assert!(n <= MAX_TITLE_CHARS, "{} ({}): {n} chars", e.id, lang.code());
            }
        }
    }

    #[test]
    fn everything_a_reader_sees_is_written_in_both_languages() {
        let d = embedded_dataset().unwrap();
        let description = d.description.as_ref().expect("the embedded dataset describes itself");
        assert_ne!(description.de, description.en);
        assert_ne!(d.title.de, d.title.en);
        for e in &d.events {
            assert_ne!(e.title.de, e.title.en, "{}: titles must be translated", e.id);
            assert_ne!(e.summary.de, e.summary.en, "{}: summaries must be translated", e.id);
        }
        // Every tag is named in both languages; the slugs are only for URLs.
        let tags = d.tags.as_deref().expect("the embedded dataset names its tags");
        for e in &d.events {
            for t in &e.tags {
                assert!(tags.iter().any(|x| &x.id == t), "{}: tag {t} has no name", e.id);
            }
        }
        for t in tags {
            assert!(!t.name.de.trim().is_empty() && !t.name.en.trim().is_empty(), "{}", t.id);
        }
        assert_eq!(d.tag_name("critical-minerals", Lang::De), "kritische Rohstoffe");
    }

    #[test]
    fn the_embedded_dataset_opens_on_its_dense_months() {
        let d = embedded_dataset().unwrap();
        assert_eq!(d.view.as_deref(), Some("span=2025-07-20..2026-04-10"));
        let loaded = crate::core::loaded::LoadedDataset::new(d);
        let (state, ignored) = loaded.decode_state(loaded.dataset.view.as_deref().unwrap());
        assert!(ignored.is_empty(), "{ignored:?}");
        let span = state.span.unwrap();
        // Most events fall inside the opening view.
        let inside = loaded
            .dataset
            .events
            .iter()
            .filter(|e| e.start_day() >= span.start && e.start_day() < span.end)
            .count();
        assert!(inside * 3 > loaded.dataset.events.len() * 2, "{inside} of {}", loaded.dataset.events.len());
    }

    #[test]
    fn the_ammunition_reports_come_five_weeks_after_azerbaijans_announcement() {
        let d = embedded_dataset().unwrap();
        let az = d.event_index("az-nato-standards-2025").unwrap();
        let kz = d.event_index("kz-nato-shells-2025").unwrap();
        assert!(az < kz, "events are in date order");
        let gap = d.events[kz].start_day() - d.events[az].start_day();
        assert_eq!(gap, 33, "about five weeks, as the summary says");
        for lang in Lang::ALL {
            let summary = d.events[kz].summary.get(lang);
            let words = match lang {
                Lang::De => "fünf Wochen",
                Lang::En => "five weeks",
            };
            assert!(summary.contains(words), "{summary}");
        }
    }

    #[test]
    fn a_place_id_always_carries_the_same_name_and_coordinates() {
        let mut seen: HashMap<String, crate::core::dataset::model::Place> = HashMap::new();
        for e in embedded_dataset().unwrap().events {
            if let Some(p) = e.place {
                if let Some(prev) = seen.get(&p.id) {
                    assert_eq!(prev, &p, "place {} differs in {}", p.id, e.id);
                }
                seen.insert(p.id.clone(), p);
            }
        }
        assert!(seen.len() >= 5);
    }
}
