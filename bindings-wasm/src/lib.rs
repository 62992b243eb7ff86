//! kartan for JavaScript: the `kartan` crate compiled to WebAssembly with wasm-bindgen.
//!
//! The JS API is an opaque [`JsPortfolio`] handle (`Portfolio` in JS) whose methods return
//! plain objects (the core's JSON) typed by TypeScript types generated from the core's
//! JSON Schemas (`PortfolioDoc`, `Project`, `Indicator`, `IndicatorProgress` … see
//! [`types`]). `Portfolio.fromObject` / `toObject` and the edit methods (`putProject`,
//! `recordActual` …) make the whole model writable. Every rule lives in the core: this
//! crate converts shapes and errors, nothing else.
//!
//! Errors are JS `Error` objects whose message is the core error's `Display` text, so a
//! message reads the same in Rust, Python and JS. A failed call leaves the module usable.
//!
//! Built by `scripts/build-wasm.sh` into the npm-style package `bindings-wasm/pkg/`.
#![warn(missing_docs)]

mod error;
#[cfg(feature = "iati")]
mod iati;
mod io;
#[cfg(feature = "money")]
mod money;
mod portfolio;
#[cfg(feature = "learning")]
mod reality;
mod report;
#[cfg(feature = "results")]
mod results;
mod table;
#[cfg(feature = "results")]
mod tables;
pub mod types;

pub use portfolio::JsPortfolio;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsError, JsValue};

/// The version of kartan this module was built from (e.g. `"0.1.0"`).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The best text for a reader of `lang` (the core's `Text::best`): that language, else the
/// same primary language (`sv` for `sv-FI`), else `fallback` (typically the portfolio's
/// `default_language`), else the first non-blank language in tag order; `""` when the
/// text is blank in every language.
///
/// @throws {Error} when `text` is not an object of strings.
#[wasm_bindgen(js_name = bestText)]
pub fn best_text(
    #[wasm_bindgen(unchecked_param_type = "Text")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] lang: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] fallback: JsValue,
) -> Result<String, JsError> {
    // `null`, a string or a number is refused by name, not by the deserialiser's
    // "Reflect.get called on non-object".
    if !text.is_object() || js_sys::Array::is_array(&text) {
        let expected = "an object of strings by language (e.g. { sv: \"Syfte\" })";
        return Err(error::to_js(error::type_error("text", expected, &text)));
    }
    let lang = error::string("lang", &lang).map_err(error::to_js)?;
    let fallback = error::string("fallback", &fallback).map_err(error::to_js)?;
    let json = js_sys::JSON::stringify(&text).map(String::from).unwrap_or_default();
    let text: kartan::Text = kartan::io::json::part_from_str(&json).map_err(|e| {
        error::to_js(format!("text must be an object of strings by language: {}", e.message_at_pointer()))
    })?;
    Ok(text.show(&lang, &fallback).to_owned())
}
