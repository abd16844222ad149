//! The pure core: everything the widget *knows* and *computes*, with no browser in sight.
//!
//! Nothing in here imports Leptos, web-sys or wasm-bindgen (Cargo.toml only makes them
//! available to the wasm build, so a native `cargo test` proves it). Data flows one way:
//! URL ⇄ [`query::urlstate`] ⇄ [`query::viewstate::ViewState`] → [`query::filter`] →
//! [`layout`] (with [`layout::scale`] and [`layout::ticks`]) → view.
//!
//! * [`dataset`]: the dataset model, dates with their precision, validation.
//! * [`formats`]: reading datasets (the JSON reader, streaming, TimelineJS3, the embedded
//!   dataset) and writing exports.
//! * [`query`]: the view state, its URL codec, filtering and search.
//! * [`layout`]: the time scale, ticks, stacking, clustering and lanes.
//! * [`i18n`]: every user-visible string, in German and English.
//! * [`loaded`]: a loaded dataset with the indexes the widget works from.
//! * [`util`]: small helpers with no domain knowledge (hashing, sorting, keyed list updates).

pub mod dataset;
pub mod formats;
pub mod i18n;
pub mod layout;
pub mod loaded;
pub mod query;
pub mod util;
