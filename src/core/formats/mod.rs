//! Datasets in and out: the project's JSON (read by a reader of its own, also as it arrives),
//! TimelineJS3's JSON, CSV sheets (natively, and in the import module only), the dataset
//! compiled into the widget, and the exports (JSON, CSV, iCalendar).

#[cfg(any(feature = "import", not(target_arch = "wasm32")))]
pub mod csv;
pub mod embedded;
pub mod export;
pub mod json;
pub mod jsonpath;
pub mod read;
pub mod stream;
pub mod timelinejs;
#[cfg(any(feature = "import", not(target_arch = "wasm32")))]
pub mod vis;
