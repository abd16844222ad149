//! Timeline explorer: an embeddable, filterable, zoomable timeline.
//!
//! * [`core`]: pure Rust — dataset model and formats, filtering and search, URL state, time
//!   scale, ticks, stacking and clustering, exports. Builds and tests natively.
//! * `platform`: the only code that uses browser services — URL and history, fetching,
//!   clipboard, downloads, timing, the crash message (wasm only).
//! * `ui`: the components that map core state to the DOM; they touch only their own elements
//!   and those elements' events (wasm only).
//! * `entry`: the JS API that host pages and the custom element call (wasm only).

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod entry;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
