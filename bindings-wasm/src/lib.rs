//! kartan for JavaScript: the `kartan` crate compiled to WebAssembly with wasm-bindgen.
//!
//! The JS API is an opaque [`JsPortfolio`] handle (`Portfolio` in JS) whose methods return
//! plain objects typed by tsify (`Diagnostic`, `ProjectSummary`, `Indicator` …). Every rule
//! lives in the core: this crate converts shapes and errors, nothing else.
//!
//! Errors are JS `Error` objects whose message is the core error's `Display` text, so a
//! message reads the same in Rust, Python and JS. A failed call leaves the module usable.
//!
//! Built by `scripts/build-wasm.sh` into the npm-style package `bindings-wasm/pkg/`.
#![warn(missing_docs)]

mod error;
mod portfolio;
pub mod views;

pub use portfolio::JsPortfolio;

use wasm_bindgen::prelude::wasm_bindgen;

/// The version of kartan this module was built from (e.g. `"0.1.0"`).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
