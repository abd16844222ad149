//! The dataset compiled into the widget: the South Caucasus / Caspian events of the
//! Korybko article (13 Feb 2026) and the events it rests on.

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
    use crate::core::dataset::model::Confidence;
    use std::collections::HashMap;

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
            ("kz-nato-shells-2025", "2025-12-17", Precision::Day),
            ("trans-caspian-options-2025", "2025-11", Precision::Month),
            ("caspian-convention-2018", "2018-08-12", Precision::Day),
            ("korybko-article-2026", "2026-02-13", Precision::Day),
        ] {
            let e = d.event(id).unwrap_or_else(|| panic!("{id} missing"));
            assert_eq!(e.date.to_string(), date, "{id}");
            assert_eq!(e.date.precision(), precision, "{id}");
        }
        let gallagher = d.event("trans-caspian-options-2025").unwrap();
        assert!(gallagher.approximate);
        assert_eq!(gallagher.confidence, Confidence::PerArticle);
        let korybko = d.event("korybko-article-2026").unwrap();
        assert_eq!(korybko.confidence, Confidence::Confirmed);
        for site in ["https://globale-gleichheit.de/", "https://postnuclear.eu/"] {
            assert!(korybko.sources.iter().any(|s| s.url == site), "korybko-article-2026 cites {site}");
        }
        let duma = d.event("ru-duma-reaction-2025").unwrap();
        assert_eq!(duma.date.to_string(), "2025-12-17");
        assert!(duma.actors.iter().any(|a| a == "zhuravlev"));
    }

    #[test]
    fn every_event_has_a_source_and_both_languages() {
        for e in embedded_dataset().unwrap().events {
            assert!(!e.sources.is_empty(), "{}", e.id);
            assert!(e.sources.iter().all(|s| s.url.starts_with("https://")), "{}", e.id);
            assert_ne!(e.title.de, e.title.en, "{}: titles must be translated", e.id);
            assert_ne!(e.summary.de, e.summary.en, "{}: summaries must be translated", e.id);
        }
    }

    #[test]
    fn kazakhstans_shells_come_after_azerbaijans_announcement() {
        let d = embedded_dataset().unwrap();
        let az = d.event_index("az-nato-standards-2025").unwrap();
        let kz = d.event_index("kz-nato-shells-2025").unwrap();
        assert!(d.events[az].date < d.events[kz].date);
        assert!(az < kz, "events are in date order");
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
