//! Timeline explorer: an embeddable, filterable, zoomable timeline.
//!
//! * [`core`]: pure Rust — dataset model and validation, filtering and search, URL state,
//!   time scale, ticks, stacking and clustering. Builds and tests natively.
//! * `ui`: Leptos components that map core state to the DOM (wasm only).
//! * `platform`: the only code that touches the browser — URL and history, fetching, the JS
//!   API and the custom element (wasm only).

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
