//! Did the map match reality? (`kartan::analysis::map_reality`, report section 5.)

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsError, JsValue};

use crate::error::{self as args, to_js};
use crate::portfolio::{object, JsPortfolio};

#[wasm_bindgen(js_class = Portfolio)]
impl JsPortfolio {
    /// Did the map match reality? For each matrix item: the evidence found in reports and
    /// a verdict; for each activity plan: planned against held; and the observations that
    /// match nothing on the map — all as of `asOf` (`"YYYY-MM-DD"`).
    ///
    /// @throws {Error} for a bad `asOf`.
    #[wasm_bindgen(js_name = mapVsReality, unchecked_return_type = "MapReality")]
    pub fn map_vs_reality(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsError> {
        let as_of = args::date("asOf", &as_of).map_err(to_js)?;
        object(&kartan::analysis::map_reality::map_vs_reality(self.inner(), as_of))
    }
}
