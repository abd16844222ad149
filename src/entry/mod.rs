//! The entry layer: what a host page calls. The JS API (`mount`, `mountStandalone`) exported
//! with wasm-bindgen, on top of the components (`ui`) and the browser services (`platform`).
//! The custom element `<timeline-explorer>` (`www/timeline-explorer.js`) is built on this API.
//! The CSV import module (built with the `import` feature) exports `importCsv` instead.

#[cfg(not(feature = "import"))]
pub mod api;
#[cfg(feature = "import")]
pub mod import;
