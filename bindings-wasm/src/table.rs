//! Tables in (`kartan::io::table`): a portfolio from a table of projects, survey
//! statistics (`kartan::analysis::survey`) from a table of responses or from a
//! portfolio's evaluations. The mapping is the same TOML or JSON text as the mapping
//! files of the CLI and Python (`examples/mappings/`).

use kartan::analysis::survey;
use kartan::io::table::{self, TableError};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsError, JsValue};

use crate::error::{self as args, to_js};
use crate::portfolio::{object, JsPortfolio};

/// The mapping's name in messages: `mapping.json` for JSON text (it starts with `{`),
/// else `mapping.toml` (a TOML document cannot start with `{`).
fn mapping_name(mapping: &str) -> &'static str {
    if mapping.trim_start_matches('\u{FEFF}').trim_start().starts_with('{') {
        "mapping.json"
    } else {
        "mapping.toml"
    }
}

/// The arguments every table import takes: the table's bytes, its name, the mapping.
fn table_arguments(table: &JsValue, mapping: &JsValue, name: &JsValue) -> Result<(Vec<u8>, String, String), JsValue> {
    let bytes = args::text_or_bytes("table", table).map_err(to_js)?;
    let mapping = args::string("mapping", mapping).map_err(to_js)?;
    let name = args::input_name(name, "table.csv")?;
    Ok((bytes, name, mapping))
}

/// A table error as a JS `Error` with the core's message (it names the table or the
/// mapping, and the row and column where there is one).
fn table_error(error: TableError) -> JsValue {
    to_js(error).into()
}

#[wasm_bindgen(typescript_custom_section)]
const SURVEY_TYPES: &str = r#"
/** Survey statistics straight from a table of responses, with the table import report. */
export interface SurveyImport {
  survey: Survey;
  report: TableImportReport;
}
"#;

#[wasm_bindgen(js_class = Portfolio)]
impl JsPortfolio {
    /// Reads a portfolio from a table of projects and its mapping: the projects, the
    /// organisations they name, and the program named in the mapping's `[program]` (else
    /// one named after the table). `table` is CSV/TSV text or bytes, or a JSON array of
    /// records; `name` (default `"table.csv"`) names it in messages and gives its kind by
    /// its extension (`.csv`, `.tsv`, `.txt`, `.json`). `mapping` is the mapping file's
    /// text: TOML, or JSON when it starts with `{`. Spreadsheets (XLSX, ODS) are not read
    /// in the browser: save the sheet as CSV. `tableReport()` then says what was read and
    /// skipped.
    ///
    /// @throws {Error} with the core's message, e.g. `"table.csv: the mapping's
    /// columns.budget names column \"Budget\", which the table does not have; its columns
    /// are: …"` or `"mapping.toml: …"` for a bad mapping.
    #[wasm_bindgen(js_name = fromTable)]
    pub fn from_table(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] table: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] mapping: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] name: JsValue,
    ) -> Result<JsPortfolio, JsValue> {
        let (bytes, name, mapping) = table_arguments(&table, &mapping, &name)?;
        let (portfolio, report) =
            table::portfolio_from_bytes(&bytes, &name, &mapping, mapping_name(&mapping)).map_err(table_error)?;
        Ok(JsPortfolio::from_table_import(portfolio, &report))
    }

    /// What the table import read and skipped (rows read, imported, every skipped row or
    /// cell with its place and reason); `undefined` for a portfolio not read by
    /// `fromTable`.
    #[wasm_bindgen(js_name = tableReport, unchecked_return_type = "TableImportReport | undefined")]
    pub fn table_report(&self) -> Result<JsValue, JsError> {
        let Some(text) = self.table_report_json() else { return Ok(JsValue::UNDEFINED) };
        js_sys::JSON::parse(text).map_err(|_| JsError::new("internal: bad table import report"))
    }

    /// Survey statistics of the evaluation `id` (default: the first): per question (n,
    /// mean, median, sd, top-two box, the answer distribution), per event in date order
    /// (events that are activities of the portfolio take the activity's date), and, when
    /// `trend` names a question, its trend over the events. Blank and "not applicable"
    /// answers are missing, never 0 (DESIGN.md rule 9).
    ///
    /// @throws {Error} when the portfolio has no such evaluation (`no evaluation with id
    /// "E9"`, `the portfolio has no evaluation`).
    #[wasm_bindgen(unchecked_return_type = "Survey")]
    pub fn survey(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] trend: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = args::optional_string("id", &id).map_err(to_js)?;
        let trend = args::optional_string("trend", &trend).map_err(to_js)?;
        let evaluation = survey::pick(&self.inner().evaluations, id.as_deref()).map_err(to_js)?;
        let answer = survey::survey(evaluation, &self.inner().activities, trend.as_deref());
        object(&answer).map_err(JsValue::from)
    }
}

/// Survey statistics straight from a table of responses (one row per response) and its
/// survey mapping (the scales, the questions, reverse-coded items, what counts as "not
/// applicable"), as `Portfolio.survey`, with the import report. `table`, `name` and
/// `mapping` as in `Portfolio.fromTable`; `trend` names a question whose trend over the
/// events is wanted.
///
/// @throws {Error} with the core's message for a table or mapping that cannot be read.
#[wasm_bindgen(js_name = surveyFromTable, unchecked_return_type = "SurveyImport")]
pub fn survey_from_table(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] table: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] mapping: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] name: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] trend: JsValue,
) -> Result<JsValue, JsValue> {
    let (bytes, name, mapping) = table_arguments(&table, &mapping, &name)?;
    let trend = args::optional_string("trend", &trend).map_err(to_js)?;
    let (evaluation, report) =
        table::evaluation_from_bytes(&bytes, &name, &mapping, mapping_name(&mapping)).map_err(table_error)?;
    #[derive(Serialize)]
    struct Answer<'a> {
        survey: survey::Survey,
        report: &'a table::TableImportReport,
    }
    let answer = Answer { survey: survey::survey(&evaluation, &[], trend.as_deref()), report: &report };
    object(&answer).map_err(JsValue::from)
}
