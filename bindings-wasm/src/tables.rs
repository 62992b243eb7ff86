//! The projects, periods, progress and spending tables (`kartan::analysis::tables`): the one builder
//! of their columns and rows that the command and Python use too.

use kartan::analysis::tables;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use crate::error::{self as args, to_js};
use crate::portfolio::{object, JsPortfolio};
use crate::results::band_arg;

/// The JS string argument `name`, or a JS `Error` naming it.
fn string(name: &'static str, value: &JsValue) -> Result<String, JsValue> {
    args::string(name, value).map_err(|e| to_js(e).into())
}

impl JsPortfolio {
    /// The table `build` makes of the portfolio with its texts in `lang` (a JS string).
    fn table_in(
        &self,
        lang: &JsValue,
        build: fn(&kartan::Portfolio, &str) -> tables::Table,
    ) -> Result<JsValue, JsValue> {
        let lang = string("lang", lang)?;
        Ok(object(&build(self.inner(), &lang))?)
    }
}

#[wasm_bindgen(js_class = Portfolio)]
impl JsPortfolio {
    /// One row per project: id, title (in `lang`, by the core's language rule), status,
    /// owner, dates (partial dates as first or last days), levels, regions, the budget in
    /// one currency (never added across currencies), counts of results and indicators.
    /// Cells are JSON: exact decimals as strings, dates `YYYY-MM-DD`, `null` for none.
    #[wasm_bindgen(js_name = projectsTable, unchecked_return_type = "Table")]
    pub fn projects_table(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] lang: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.table_in(&lang, tables::projects_table)
    }

    /// One row per target/actual pair of each indicator's periods (the program's and each
    /// project's), with the disaggregation, the values and their counts, as `projectsTable`.
    #[wasm_bindgen(js_name = periodsTable, unchecked_return_type = "Table")]
    pub fn periods_table(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] lang: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.table_in(&lang, tables::periods_table)
    }

    /// One row per indicator: progress as of `asOf` (`"YYYY-MM-DD"`) from baseline to target
    /// (DESIGN.md rule 3) with the on/off-track status in a band of `band` (default
    /// `"0.15"`), or a note saying why there is none.
    ///
    /// @throws {Error} for a bad `asOf` or `band`.
    #[wasm_bindgen(js_name = progressTable, unchecked_return_type = "Table")]
    pub fn progress_table(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] lang: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] band: JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = args::date("asOf", &as_of).map_err(to_js)?;
        let lang = string("lang", &lang)?;
        let band = band_arg(&band)?;
        Ok(object(&tables::progress_table(self.inner(), as_of, &band, &lang))?)
    }

    /// Planned against realised money, one row per project and currency (never added
    /// across currencies): `planned` (the effective budget lines), `committed`,
    /// `disbursed`, `expended`, `received` (sums of the IATI transaction types 2, 3, 4
    /// and 1; `null` when none of the type is recorded, never `"0"`), `spent` (disbursed
    /// + expended), `remaining` (planned − spent), `used` (spent ÷ planned, a fraction:
    /// `"1.5"` is an overspend by half), `transactions` (a count). Cells as `projectsTable`.
    #[wasm_bindgen(js_name = spendingTable, unchecked_return_type = "Table")]
    pub fn spending_table(&self) -> Result<JsValue, JsValue> {
        Ok(object(&tables::spending_table(self.inner()))?)
    }
}
