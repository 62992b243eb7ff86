//! The results engine on a `Portfolio` (`kartan::analysis::results`, DESIGN.md rules 1-6).

use kartan::analysis::results::{Band, IndicatorQuery, Periods, ResultsError, ResultsIndex};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{self as args, coded, to_js};
use crate::portfolio::{object, JsPortfolio};

/// A results error as a JS `Error` with the core's message and its `code`.
fn results_error(e: ResultsError) -> JsValue {
    coded(&e, e.code())
}

/// Any other failure as a JS `Error`.
fn plain(e: impl std::fmt::Display) -> JsValue {
    JsValue::from(to_js(e))
}

impl JsPortfolio {
    /// What `answer` says of the indicator `id` (a JS string), as a plain object; an
    /// unknown indicator or a results error as a JS `Error` with its `code`.
    fn indicator_answer<'s, T: Serialize>(
        &'s self,
        id: &JsValue,
        answer: impl for<'i> FnOnce(IndicatorQuery<'i, 's>) -> Result<T, ResultsError>,
    ) -> Result<JsValue, JsValue> {
        let id = args::string("id", id).map_err(plain)?;
        let value = ResultsIndex::new(self.inner()).indicator(&id).and_then(answer).map_err(results_error)?;
        object(&value).map_err(JsValue::from)
    }
}

#[wasm_bindgen(js_class = Portfolio)]
impl JsPortfolio {
    /// Every period value of indicator `id`: period actuals and targets, life-of-program
    /// figures, breakdowns by dimension, statements (rules 1, 2, 4, 5, 6).
    ///
    /// @throws {Error} with a `code` (`unknown-indicator`, `measure-unknown`, …).
    #[wasm_bindgen(js_name = periodValues, unchecked_return_type = "IndicatorValues")]
    pub fn period_values(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.indicator_answer(&id, |q| q.values())
    }

    /// Progress of indicator `id` as of `asOf` (`"YYYY-MM-DD"`): a fraction from baseline
    /// to target (rule 3), and on/off track with a band of `band` (a fraction as a
    /// decimal string, default `"0.15"` = ± 15 %).
    ///
    /// @throws {Error} with a `code` (`unknown-indicator`, `not-quantitative`, …), or
    /// without one for a bad `asOf` or `band`.
    #[wasm_bindgen(unchecked_return_type = "IndicatorProgress")]
    pub fn progress(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] band: JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = args::date("asOf", &as_of).map_err(plain)?;
        let band = band_arg(&band)?;
        self.indicator_answer(&id, |q| q.band(band).progress(as_of))
    }

    /// Rolls indicator `id` up from its contributors into program periods (`"yearly"`,
    /// `"half_yearly"`, `"quarterly"`, `"monthly"` or `{ explicit: [[start, end], …] }`).
    ///
    /// @throws {Error} with a `code` (`missing-contributor`, `mixed-measures`, …).
    #[wasm_bindgen(unchecked_return_type = "Rollup")]
    pub fn rollup(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Periods")] periods: JsValue,
    ) -> Result<JsValue, JsValue> {
        let periods = periods_arg(&periods)?;
        self.indicator_answer(&id, |q| q.rollup(&periods))
    }

    /// The Vega-Lite v6 chart of indicator `id` (targets and actuals per period), built by
    /// the core, for `vega-embed`.
    ///
    /// @throws {Error} with a `code`, as `periodValues`.
    #[wasm_bindgen(js_name = indicatorChart, unchecked_return_type = "ChartSpec")]
    pub fn indicator_chart(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.indicator_answer(&id, |q| q.chart())
    }
}

/// Reads the optional `band` argument: a fraction as a decimal string (default `"0.15"`).
pub(crate) fn band_arg(band: &JsValue) -> Result<Band, JsValue> {
    match args::optional_string("band", band).map_err(plain)? {
        Some(text) => {
            Band::new(kartan::parse_decimal(&text).map_err(|e| plain(format!("band: {e}")))?).map_err(results_error)
        }
        None => Ok(Band::default()),
    }
}

/// What `periods` takes, for the message when it is something else.
const PERIODS: &str = "\"yearly\", \"half_yearly\", \"quarterly\", \"monthly\" or { explicit: [[start, end], …] }";

/// Reads the `periods` argument of `rollup`: a calendar name (the core's
/// `Periods::named`, with its message for an unknown one) or `{ explicit: [[start, end],
/// …] }` with `YYYY-MM-DD` dates, a bad date named with its text.
fn periods_arg(value: &JsValue) -> Result<Periods, JsValue> {
    if let Some(name) = value.as_string() {
        return Periods::named(&name).map_err(plain);
    }
    let wrong = || plain(args::type_error("periods", PERIODS, value));
    if !value.is_object() {
        return Err(wrong());
    }
    let explicit = js_sys::Reflect::get(value, &JsValue::from_str("explicit")).map_err(|_| wrong())?;
    let spans = explicit.dyn_into::<js_sys::Array>().map_err(|_| wrong())?;
    let mut out = Vec::with_capacity(spans.length() as usize);
    for span in spans.iter() {
        let pair = span.dyn_into::<js_sys::Array>().ok().filter(|a| a.length() == 2).ok_or_else(wrong)?;
        let date = |v: JsValue| {
            let text = v.as_string().ok_or_else(wrong)?;
            args::parse_date("date in periods", &text).map_err(plain)
        };
        out.push((date(pair.get(0))?, date(pair.get(1))?));
    }
    Ok(Periods::Explicit(out))
}
