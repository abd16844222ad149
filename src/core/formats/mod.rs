//! Datasets in and out: the project's JSON (read by a reader of its own, also as it arrives),
//! TimelineJS3's JSON, the dataset compiled into the widget, and the exports (JSON, CSV,
//! iCalendar).

pub mod embedded;
pub mod export;
pub mod json;
pub mod jsonpath;
pub mod read;
pub mod stream;
pub mod timelinejs;
