//! Timeline explorer: an embeddable, filterable, zoomable timeline.
//!
//! * [`core`]: pure Rust — dataset model and formats, filtering and search, URL state, time
//!   scale, ticks, stacking and clustering, exports. Builds and tests natively.
//! * `platform`: the only code that uses browser services — URL and history, fetching,
//!   clipboard, downloads, timing, the crash message (wasm only).
//! * `ui`: the components that map core state to the DOM; they touch only their own elements
//!   and those elements' events (wasm only).
//! * `entry`: the JS API that host pages and the custom element call (wasm only).
//! * [`prerender`]: the opening view as static HTML, drawn from the core at build time for the
//!   pages and for hosts (native only).
//!
//! Built with the `import` feature, the wasm module is the CSV import module instead: the core
//! and `entry::import` only (the widget loads it on demand, see docs/import.md).

pub mod core;
/// The first view as static HTML, made at build time (native only: `cargo run --bin prerender`).
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;

#[cfg(target_arch = "wasm32")]
pub mod entry;
#[cfg(all(target_arch = "wasm32", not(feature = "import")))]
pub mod platform;
#[cfg(all(target_arch = "wasm32", not(feature = "import")))]
pub mod ui;
