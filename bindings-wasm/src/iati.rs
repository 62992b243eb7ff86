//! IATI 2.03 activities XML (`kartan::io::iati`): import with its report (DESIGN.md
//! rule 8: nothing is lost silently).

use kartan::io::iati;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsError, JsValue};

use crate::error::{self as args, to_js};
use crate::portfolio::JsPortfolio;

#[wasm_bindgen(js_class = Portfolio)]
impl JsPortfolio {
    /// Imports IATI 2.03 activities XML (text or bytes; 2.01/2.02 read too): each activity
    /// becomes a project with its results. Lenient: an activity with an error is skipped
    /// and reported; `importReport()` then says what was read, skipped and not modelled.
    /// `name` (default `"iati.xml"`) starts the `file:line:column` of messages.
    ///
    /// @throws {Error} with the core's message when nothing can be read (not XML, not an
    /// `<iati-activities>` root), e.g. `"iati.xml:1:1: expected an <iati-activities> root
    /// element, found <html>"`.
    #[wasm_bindgen(js_name = fromIati)]
    pub fn from_iati(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] name: JsValue,
    ) -> Result<JsPortfolio, JsError> {
        let bytes = args::text_or_bytes("input", &input).map_err(to_js)?;
        let name = args::input_name(&name, "iati.xml")?;
        let options = iati::ImportOptions::new().source_name(name);
        let (portfolio, report) = iati::from_slice(&bytes, &options).map_err(to_js)?;
        Ok(JsPortfolio::imported(portfolio, &report))
    }

    /// What the IATI import read, skipped and did not model; `undefined` for a portfolio
    /// not read from IATI XML (by `fromIati` or `fromBytes`).
    #[wasm_bindgen(js_name = importReport, unchecked_return_type = "IatiImportReport | undefined")]
    pub fn import_report(&self) -> Result<JsValue, JsError> {
        let Some(text) = self.import_report_json() else { return Ok(JsValue::UNDEFINED) };
        js_sys::JSON::parse(text).map_err(|_| JsError::new("internal: bad import report"))
    }
}
