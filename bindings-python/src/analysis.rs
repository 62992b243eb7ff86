//! The results engine (`kartan::analysis::results`): progress, roll-up and the
//! indicator chart. Every number is computed by the core; answers cross as the generated
//! classes of `kartan.answers` (see `answers.rs`), tables as `kartan.Table` from the
//! core's table builders.

use chrono::NaiveDate;
use kartan::analysis::results::{Band, Periods, ResultsError, ResultsIndex};
use kartan::analysis::tables::Decimals;
use pyo3::prelude::*;

use crate::answers::answer;
use crate::errors;
use crate::table::PyTable;

/// A `dict` from the core's JSON form of a value (decimals as strings, dates ISO).
fn to_py_dict<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

/// The Python exception for a results-engine error: `kartan.AnalysisError` with the
/// core's stable `code` (`"unknown_indicator"`, `"mixed_measures"` …).
pub(crate) fn results_error(py: Python<'_>, e: &ResultsError) -> PyErr {
    errors::analysis_error(py, e.to_string(), e.code())
}

/// The period values of indicator `id` (see `Portfolio.period_values`), a
/// `kartan.answers.IndicatorValues`.
pub(crate) fn period_values<'py>(
    py: Python<'py>,
    portfolio: &kartan::Portfolio,
    id: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let index = ResultsIndex::new(portfolio);
    let values = py.detach(|| index.indicator(id)?.values()).map_err(|e| results_error(py, &e))?;
    answer(py, "IndicatorValues", &values)
}

/// Reads `periods`: `"yearly"`, `"half_yearly"`, `"quarterly"`, `"monthly"` or a list of
/// `(start, end)` date pairs.
pub(crate) fn periods_arg(periods: &Bound<'_, PyAny>) -> PyResult<Periods> {
    if let Ok(name) = periods.extract::<String>() {
        // The core's message, as in JS.
        return Periods::named(&name).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()));
    }
    let spans: Vec<(NaiveDate, NaiveDate)> = periods.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(
            "periods must be a name such as 'yearly' or a list of (start, end) dates",
        )
    })?;
    Ok(Periods::Explicit(spans))
}

/// The on-track band given from Python (`band=`): a `Decimal`, a float, an int or a
/// string, read by the core's strict number parser (DESIGN.md rule 7), so that
/// `"abc"`, `inf` or `nan` are refused with the parameter and the value named, as in JS
/// (`band: invalid number "abc": …`); the default band when `None`.
pub(crate) fn band_arg(py: Python<'_>, band: Option<&Bound<'_, PyAny>>) -> PyResult<Band> {
    let Some(band) = band.filter(|b| !b.is_none()) else { return Ok(Band::default()) };
    let text = match band.cast::<pyo3::types::PyString>() {
        Ok(s) => s.to_cow()?.into_owned(),
        Err(_) => band.str()?.to_cow()?.into_owned(),
    };
    let value =
        kartan::parse_decimal(&text).map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("band: {e}")))?;
    Band::new(value).map_err(|e| results_error(py, &e))
}

/// Progress of indicator `id` (see `Portfolio.progress`), a
/// `kartan.answers.IndicatorProgress`.
pub(crate) fn progress<'py>(
    py: Python<'py>,
    portfolio: &kartan::Portfolio,
    id: &str,
    as_of: NaiveDate,
    band: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let band = band_arg(py, band)?;
    let index = ResultsIndex::new(portfolio);
    let progress = py.detach(|| index.indicator(id)?.band(band).progress(as_of)).map_err(|e| results_error(py, &e))?;
    answer(py, "IndicatorProgress", &progress)
}

/// The progress of every indicator as a table: the core's `progress_table` (see
/// `Portfolio.tables.progress`).
pub(crate) fn progress_table(
    py: Python<'_>,
    portfolio: &kartan::Portfolio,
    as_of: NaiveDate,
    band: Option<&Bound<'_, PyAny>>,
    lang: &str,
    decimals: Decimals,
) -> PyResult<PyTable> {
    let band = band_arg(py, band)?;
    let table = py.detach(|| kartan::analysis::tables::progress_table(portfolio, as_of, &band, lang));
    PyTable::from_core_with(&table, decimals)
}

/// The roll-up of indicator `id` (see `Portfolio.rollup`), a `kartan.answers.Rollup`.
pub(crate) fn rollup<'py>(
    py: Python<'py>,
    portfolio: &kartan::Portfolio,
    id: &str,
    periods: &Periods,
) -> PyResult<Bound<'py, PyAny>> {
    let index = ResultsIndex::new(portfolio);
    let rollup = py.detach(|| index.indicator(id)?.rollup(periods)).map_err(|e| results_error(py, &e))?;
    answer(py, "Rollup", &rollup)
}

/// The Vega-Lite v6 chart spec of indicator `id`, as a dict.
pub(crate) fn chart_spec<'py>(py: Python<'py>, portfolio: &kartan::Portfolio, id: &str) -> PyResult<Bound<'py, PyAny>> {
    let spec = py
        .detach(|| ResultsIndex::new(portfolio).indicator(id)?.chart().map(|v| v.to_string()))
        .map_err(|e| results_error(py, &e))?;
    to_py_dict(py, &spec)
}
