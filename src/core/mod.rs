//! The pure core: everything the widget *knows* and *computes*, with no browser in sight.
//!
//! Nothing in here imports Leptos, web-sys or wasm-bindgen (Cargo.toml only makes them
//! available to the wasm build, so a native `cargo test` proves it). Data flows one way:
//! URL ⇄ [`urlstate`] ⇄ [`viewstate::ViewState`] → [`filter`] → [`layout`] (with [`scale`] and [`ticks`]) → view.

pub mod date;
pub mod embedded;
pub mod export;
pub mod filter;
pub mod hashing;
pub mod i18n;
pub mod json;
pub mod jsonpath;
pub mod keyed;
pub mod layout;
pub mod scale;
pub mod scene;
pub mod search;
pub mod session;
pub mod sorting;
pub mod stream;
pub mod ticks;
pub mod timelinejs;
pub mod urlstate;
pub mod model;
pub mod validate;
pub mod viewstate;
