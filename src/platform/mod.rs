//! The platform layer: the only code that uses the browser's services.
//!
//! * [`location`]: reading and writing the widget's state in the page URL, and history.
//! * [`browser`]: clipboard, downloads, the browser's language, element sizes, timing.
//! * [`fetch`]: loading a dataset from a URL.
//! * [`crash`]: the message a widget shows when the code panics.
//! * [`import`]: the CSV import module, loaded when a dataset is a sheet.

pub mod browser;
pub mod crash;
pub mod fetch;
pub mod import;
pub mod location;
