//! The platform layer: the only code that touches the browser.
//!
//! * [`location`]: reading and writing the widget's state in the page URL, and history.
//! * [`browser`]: clipboard, downloads, the browser's language, element sizes, timing.
//! * [`fetch`]: loading a dataset from a URL.
//! * [`crash`]: the message a widget shows when the code panics.
//! * [`api`]: the JS API (`mount`, `mountStandalone`) exported with wasm-bindgen.

pub mod api;
pub mod browser;
pub mod crash;
pub mod fetch;
pub mod location;
