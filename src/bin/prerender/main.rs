//! Writes the first view of a dataset as static HTML, to put where the widget mounts (inside
//! `<timeline-explorer>`, or in the element a page mounts into), and its stylesheet.
//!
//! ```text
//! cargo run --release --bin prerender -- [DATASET.json] [--lang de|en] [--size 1084x678]
//!     [--css first-view.css] [--heading] > first-view.html
//! cargo run --bin prerender -- --pages    (the repository's index.html, embed.html and
//!                                          www/first-view.css, from the built-in dataset)
//! ```

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The command runs natively only; a wasm build of the crate's targets (the browser tests)
/// compiles this empty stand-in.
#[cfg(target_arch = "wasm32")]
fn main() {}
