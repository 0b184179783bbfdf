//! Rare-Earth Outlook: a scenario calculator for the rare-earth supply chain.
//!
//! The library is the model and what the page, the JavaScript package and the command-line tool
//! build on; the command line's own code (options, help, printed reports) lives in its binary,
//! `src/bin/ree-outlook/`. Modules in alphabetical order; ARCHITECTURE.md's codemap says what each
//! holds. Everything here but `web`, `app` and `js_api` is plain Rust that never touches a browser;
//! those three exist only on wasm32 (`js_api` only with the `js-api` feature). `web` is the one that
//! calls browser APIs; `app`, the page's yew components, uses it, and neither the core nor `web`
//! imports `app`. `src/dataset_source.rs` is not a module: `build.rs` uses it to check and compile
//! the data files, and `data`'s tests to check them again.

pub mod analysis;
#[cfg(target_arch = "wasm32")]
pub mod app;
pub mod budget_table;
pub mod chart;
pub mod claims;
pub mod data;
pub mod determinism;
pub mod explain;
pub mod hindcast;
pub mod i18n;
#[cfg(all(target_arch = "wasm32", feature = "js-api"))]
pub mod js_api;
pub mod json;
pub mod params;
pub mod projection;
pub mod provenance;
pub mod saved;
pub mod scenario;
pub mod scenario_file;
pub mod simulate;
pub mod state;
pub mod text;
pub mod url;
#[cfg(target_arch = "wasm32")]
pub mod web;
pub mod worker_protocol;
pub mod zip;

pub use data::{Region, Stage};
pub use params::{Param, PARAMS};
pub use projection::Projection;
pub use scenario::{Preset, Scenario, PRESETS};
pub use simulate::simulate;
