//! A loaded dataset with everything derived from it once: the filter indexes, the set of
//! known ids for URL sanitising, and the items the layout places.

use super::embedded::EMBEDDED_JSON;
use super::filter::Explorer;
use super::layout::Item;
use super::model::{Dataset, Lang};
use super::timelinejs;
use super::urlstate::{decode, sanitize, Ignored, Known};
use super::validate::{load_dataset, DatasetError};
use super::viewstate::ViewState;
use std::sync::Arc;

/// Why a dataset could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// It could not be fetched.
    Network(String),
    /// It was fetched but is not a valid dataset.
    Invalid(DatasetError),
}

/// A validated dataset and its indexes, shared by every component of one widget.
pub struct Session {
    pub dataset: Dataset,
    pub explorer: Explorer,
    pub known: Known,
    /// One layout item per event, in date order (same indices as `dataset.events`).
    pub items: Vec<Item>,
}

impl Session {
    pub fn new(dataset: Dataset) -> Session {
        let explorer = Explorer::new(&dataset);
        let known = Known::from_dataset(&dataset);
        let items = dataset
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| Item { key: i, start: e.start_day() as f64, end: e.end_day() as f64 })
            .collect();
        Session { dataset, explorer, known, items }
    }

    /// The dataset compiled into the widget.
    pub fn embedded() -> Result<Arc<Session>, LoadFailure> {
        Self::from_json(EMBEDDED_JSON)
    }

    /// A dataset in the project's schema or in TimelineJS3's JSON format.
    pub fn from_json(text: &str) -> Result<Arc<Session>, LoadFailure> {
        let dataset = if timelinejs::looks_like_timelinejs(text) {
            timelinejs::import(text)
        } else {
            load_dataset(text)
        };
        dataset.map(|d| Arc::new(Session::new(d))).map_err(LoadFailure::Invalid)
    }

    /// Decodes a query string and drops ids this dataset does not have, reporting each.
    pub fn decode_state(&self, query: &str) -> (ViewState, Vec<Ignored>) {
        let decoded = decode(query);
        let mut state = decoded.state;
        let mut ignored = decoded.ignored;
        ignored.extend(sanitize(&mut state, &self.known));
        (state, ignored)
    }

    /// An actor's name in `lang`, or its id when the table lacks it.
    pub fn actor_name(&self, id: &str, lang: Lang) -> String {
        self.dataset.actor(id).map(|a| a.name.get(lang).to_string()).unwrap_or_else(|| id.to_string())
    }

    /// A place's name in `lang`, from the first event that has it.
    pub fn place_name(&self, id: &str, lang: Lang) -> String {
        self.dataset
            .events
            .iter()
            .find_map(|e| e.place.as_ref().filter(|p| p.id == id))
            .map(|p| p.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    }
}

