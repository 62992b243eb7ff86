//! Format detection (`kartan::io::Format`).

use kartan::io::Format;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsError, JsValue};

use crate::error::{self as args, to_js};

/// The format of a file's content, as the core detects it (first non-blank character
/// after any BOM): `"json"` (kartan JSON), `"iati_xml"`, or `undefined` when neither.
///
/// @throws {Error} when `bytes` is not a `Uint8Array` or `ArrayBuffer`.
#[wasm_bindgen(js_name = detectFormat, unchecked_return_type = "\"json\" | \"iati_xml\" | undefined")]
pub fn detect_format(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
) -> Result<JsValue, JsError> {
    let bytes = args::bytes("bytes", &bytes).map_err(to_js)?;
    Ok(match Format::detect(&bytes) {
        Some(Format::Json) => JsValue::from_str("json"),
        Some(Format::IatiXml) => JsValue::from_str("iati_xml"),
        Some(_) | None => JsValue::UNDEFINED,
    })
}
