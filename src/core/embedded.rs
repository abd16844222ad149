//! The dataset compiled into the widget: the South Caucasus / Caspian events of the
//! Korybko article (13 Feb 2026) and the events it rests on.

use super::model::Dataset;
use super::validate::{load_dataset, DatasetError};

/// The embedded dataset's JSON text (schema: README.md, `www/dataset.schema.json`).
pub const EMBEDDED_JSON: &str = include_str!("../data/events.json");

/// Parses and validates the embedded dataset.
pub fn embedded_dataset() -> Result<Dataset, DatasetError> {
    load_dataset(EMBEDDED_JSON)
}
