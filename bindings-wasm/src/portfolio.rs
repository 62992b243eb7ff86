//! The `Portfolio` handle: load, navigate, validate, write.

use std::path::Path;

use kartan::Portfolio;
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsError, JsValue};

use crate::error::{self as args, to_js};
use crate::views;

/// A portfolio: one program plus everything recorded about it (JS class `Portfolio`).
///
/// An opaque handle on the core model: methods return plain objects, so the whole model
/// is not copied into JS on every call. Free it with `free()` (or `using`) when done, or
/// leave it to the garbage collector.
#[wasm_bindgen(js_name = Portfolio)]
#[derive(Debug)]
pub struct JsPortfolio {
    inner: Portfolio,
    /// For a portfolio imported from IATI XML: the import report, as the core serialises
    /// it (kept as JSON text so that this handle knows no format).
    import_report: Option<String>,
    /// For a portfolio imported from a table: the table import report, as JSON text.
    table_report: Option<String>,
}

impl JsPortfolio {
    /// Wraps a core portfolio.
    pub fn new(inner: Portfolio) -> Self {
        JsPortfolio { inner, import_report: None, table_report: None }
    }

    /// Wraps a portfolio imported from IATI XML with its import report (serialised by
    /// `serde_json`).
    pub fn imported(inner: Portfolio, report: &impl Serialize) -> Self {
        JsPortfolio { inner, import_report: serde_json::to_string(report).ok(), table_report: None }
    }

    /// Wraps a portfolio imported from a table with its table import report.
    pub fn from_table_import(inner: Portfolio, report: &impl Serialize) -> Self {
        JsPortfolio { inner, import_report: None, table_report: serde_json::to_string(report).ok() }
    }

    /// The IATI import report as JSON text, for a portfolio read from IATI XML.
    pub fn import_report_json(&self) -> Option<&str> {
        self.import_report.as_deref()
    }

    /// The table import report as JSON text, for a portfolio read from a table.
    pub fn table_report_json(&self) -> Option<&str> {
        self.table_report.as_deref()
    }

    /// The core portfolio.
    pub fn inner(&self) -> &Portfolio {
        &self.inner
    }
}

/// `value` as a plain JS object typed by its tsify declaration `M` (for the views, `M` is
/// the value's own type; for the core's answers, the mirror that the native test
/// `tests/mirrors.rs` checks against the core's output).
///
/// The value goes through `serde_json` and `JSON.parse`: the same JSON as in Rust and
/// Python (`null` for an absent value, maps as plain objects), and one serializer in the
/// module instead of two (a smaller `.wasm`).
pub(crate) fn shaped<M: Tsify>(value: &impl Serialize) -> Result<Ts<M>, JsError> {
    let text = serde_json::to_string(value).map_err(to_js)?;
    js_sys::JSON::parse(&text)
        .map(Ts::new_unchecked)
        .map_err(|_| JsError::new("internal: JSON.parse refused serde_json output"))
}

/// `value` as a plain JS object typed by its own tsify declaration.
pub(crate) fn ts<T: Tsify + Serialize>(value: &T) -> Result<Ts<T>, JsError> {
    shaped(value)
}

/// `values` as an array of plain JS objects.
pub(crate) fn ts_all<T: Tsify + Serialize>(values: impl IntoIterator<Item = T>) -> Result<Vec<Ts<T>>, JsError> {
    values.into_iter().map(|v| ts(&v)).collect()
}

#[wasm_bindgen(js_class = Portfolio)]
impl JsPortfolio {
    /// Reads kartan JSON (`format: "kartan/1"`) from text or UTF-8 bytes. Reading is
    /// strict: unknown fields, wrong types and trailing text are refused.
    ///
    /// @throws {Error} with the core's message, e.g. `"1:58: at /program/colour: unknown
    /// field \`colour\`, expected one of …"`, and where it is, as properties: `line` and
    /// `column` (1-based), `pointer` (JSON pointer; `"/format"` for another format), and
    /// for bytes that are not UTF-8 the byte `offset`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] text: JsValue,
    ) -> Result<JsPortfolio, JsValue> {
        let bytes = args::text_or_bytes("text", &text).map_err(to_js)?;
        let read = kartan::io::json::from_slice(&bytes);
        read.map(JsPortfolio::new).map_err(|e| args::json_error(&e, &e))
    }

    /// Reads a file's bytes (e.g. from a file picker), detecting the format by content:
    /// kartan JSON, or IATI XML when this build reads it (then `importReport()` says what
    /// the import read and skipped, as after `fromIati`). `name` (default `"portfolio"`)
    /// is the file name that error messages start with.
    ///
    /// @throws {Error} with the core's message, e.g. `"data.json: unrecognised content: …"`
    /// or `"data.json:not UTF-8: invalid byte sequence at byte 50 (line 1); …"`; for
    /// kartan JSON with `line`, `column`, `pointer` and `offset` as `fromJson`.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] name: JsValue,
    ) -> Result<JsPortfolio, JsValue> {
        let bytes = args::bytes("bytes", &bytes).map_err(to_js)?;
        let name = args::optional_string("name", &name).map_err(to_js)?.unwrap_or_else(|| "portfolio".to_owned());
        let loaded = kartan::io::load_bytes_with_report(&bytes, Path::new(&name)).map_err(|e| match &e {
            kartan::io::LoadError::Json { source, .. } => args::json_error(source, &e),
            _ => JsValue::from(to_js(&e)),
        })?;
        // IATI input keeps its import report, as from `fromIati` (DESIGN.md rule 8).
        Ok(match &loaded.import {
            Some(report) => JsPortfolio::imported(loaded.portfolio, report),
            None => JsPortfolio::new(loaded.portfolio),
        })
    }

    /// The seed program — *Program för lokalt och regionalt tillväxtarbete*, "Lärande i
    /// programmet" — embedded in the module (`kartan::examples::seed`): purpose, target
    /// groups, focus areas, the results matrix (three rows: national, regional, local),
    /// the learning model; no projects (the source lists none, but states 30).
    pub fn seed() -> JsPortfolio {
        JsPortfolio::new(kartan::examples::seed())
    }

    /// Writes the portfolio as pretty-printed kartan JSON, ending with a newline.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        kartan::io::json::to_string(&self.inner)
    }

    /// Checks the portfolio and returns every diagnostic, in document order (an empty
    /// array means valid). `asOf` (`"YYYY-MM-DD"`) is the "today" that date checks use:
    /// the clock is never read.
    ///
    /// @throws {Error} when `asOf` is not a `YYYY-MM-DD` date.
    pub fn validate(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<Vec<Ts<views::Diagnostic>>, JsError> {
        let as_of = args::date("asOf", &as_of).map_err(to_js)?;
        let diagnostics = kartan::analysis::validate(&self.inner, as_of);
        ts_all(diagnostics.iter().map(views::Diagnostic::from))
    }

    /// The program at a glance: id, title, purpose, period and counts.
    pub fn program(&self) -> Result<Ts<views::ProgramSummary>, JsError> {
        ts(&views::ProgramSummary::from(&self.inner))
    }

    /// Every project, in portfolio order.
    pub fn projects(&self) -> Result<Vec<Ts<views::ProjectSummary>>, JsError> {
        ts_all(self.inner.projects.iter().map(views::ProjectSummary::from))
    }

    /// The project with `id`, or `undefined`.
    pub fn project(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<Option<Ts<views::ProjectSummary>>, JsError> {
        let id = args::string("id", &id).map_err(to_js)?;
        self.inner.project(&id).map(|p| ts(&views::ProjectSummary::from(p))).transpose()
    }

    /// Every indicator: the program's first, then each project's.
    pub fn indicators(&self) -> Result<Vec<Ts<views::IndicatorSummary>>, JsError> {
        ts_all(self.inner.indicators().map(|(project, i)| views::IndicatorSummary::new(project, i)))
    }

    /// The indicator with `id`, wherever it is, with its baselines and periods; or
    /// `undefined`.
    pub fn indicator(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<Option<Ts<views::Indicator>>, JsError> {
        let id = args::string("id", &id).map_err(to_js)?;
        self.inner
            .indicators()
            .find(|(_, i)| i.id == id)
            .map(|(project, i)| ts(&views::Indicator::new(project, i)))
            .transpose()
    }

    /// The results matrix ("the map"): one row per level, in the program's order.
    pub fn matrix(&self) -> Result<Vec<Ts<views::MatrixRow>>, JsError> {
        ts_all(self.inner.program.matrix.rows.iter().map(views::MatrixRow::from))
    }
}
